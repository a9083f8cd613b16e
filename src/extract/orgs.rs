//! Organisations and named structures that the gazetteer does not know,
//! recognised by their head word: "Alliance des États du Sahel",
//! "International Olympic Committee", "Tuileries Garden", "Stade de France".
//! Acronyms are in [`super::acronyms`].

use super::Kind;
use super::cand::{Cand, Occupancy, Src};
use super::doc::Doc;
use super::lexicon::{self, looks_adjectival};
use super::tokenize::TokKind;
use std::sync::OnceLock;

pub use super::acronyms::{
    find_acronym_uses, find_definitions, find_expansions, is_acronym, is_roman,
};

fn is_place_head(lower: &str) -> bool {
    static SET: OnceLock<lexicon::FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        [
            // French (head first)
            "place",
            "rue",
            "avenue",
            "boulevard",
            "pont",
            "stade",
            "palais",
            "jardin",
            "jardins",
            "lac",
            "mont",
            "monts",
            "fleuve",
            "rivière",
            "île",
            "îles",
            "golfe",
            "mer",
            "océan",
            "désert",
            "vallée",
            "parc",
            "gare",
            "aéroport",
            "cathédrale",
            "musée",
            "quai",
            "port",
            "château",
            "forêt",
            "massif",
            "détroit",
            "canal",
            "basilique",
            "esplanade",
            // English (head last)
            "tower",
            "garden",
            "gardens",
            "palace",
            "bridge",
            "square",
            "street",
            "stadium",
            "arena",
            "park",
            "river",
            "lake",
            "mountain",
            "mountains",
            "island",
            "islands",
            "bay",
            "sea",
            "ocean",
            "valley",
            "desert",
            "cathedral",
            "museum",
            "airport",
            "station",
            "strait",
            "gulf",
            "castle",
            "forest",
            "plateau",
            "peninsula",
            "basin",
            "road",
        ]
        .into_iter()
        .collect()
    })
    .contains(lower)
}

/// Company legal forms written in capitals after the name ("Bâtiplus SAS").
fn legal_form(lower: &str) -> bool {
    matches!(
        lower,
        "sa" | "sas" | "sarl" | "gmbh" | "ag" | "nv" | "bv" | "spa"
    )
}

/// Kind of a head word, if it is one.
pub(super) fn head_kind(lower: &str) -> Option<Kind> {
    if lexicon::is_org_head(lower) {
        Some(Kind::Organization)
    } else if is_place_head(lower) {
        Some(Kind::Place)
    } else {
        None
    }
}

/// A capitalised token that may be part of a structure name.
fn part_word(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else {
        return false;
    };
    if t.kind != TokKind::Word || !t.cap {
        return t.kind == TokKind::Number && doc.word(i).len() == 4;
    }
    let lower = doc.lower(i);
    !lexicon::is_stopword(lower) && !lexicon::is_role_head(lower) && !lexicon::is_honorific(lower)
}

/// A capitalised article inside a name ("La" of "Paris La Défense", "Le" of
/// "Marine Le Pen"), never at a sentence start.
pub fn inner_article(doc: &Doc, i: usize) -> bool {
    doc.toks
        .get(i)
        .is_some_and(|t| t.cap && !t.start && t.kind == TokKind::Word)
        && matches!(
            doc.word(i),
            "La" | "Le"
                | "Les"
                | "De"
                | "Du"
                | "Des"
                | "Di"
                | "Da"
                | "Van"
                | "Von"
                | "Del"
                | "Al"
                | "El"
        )
        && doc
            .toks
            .get(i + 1)
            .is_some_and(|t| t.cap && t.kind == TokKind::Word)
}

/// Recognise structures whose head word is capitalised. `known_at[i]` is the
/// gazetteer candidate covering token `i`; a structure may swallow those.
pub fn find_structures(doc: &Doc, known_at: &[Option<usize>], cands: &[Cand]) -> Vec<Cand> {
    let n = doc.len();
    let mut out: Vec<Cand> = Vec::new();
    let mut i = 0;
    while i < n {
        let t = doc.toks[i];
        if t.kind != TokKind::Word || !t.cap || known_at[i].is_some() || doc.title_like(i) {
            i += 1;
            continue;
        }
        let lower = doc.lower(i);
        let legal = t.upper && legal_form(lower);
        let Some(kind) = head_kind(lower).or(legal.then_some(Kind::Organization)) else {
            i += 1;
            continue;
        };
        let (a, b) = extend(doc, i, known_at, cands);
        let b = split_coordinated(doc, i, b);
        let words = (a..b).filter(|&k| doc.is_word(k) || doc.toks[k].kind == TokKind::Number);
        // "Parlement ukrainien", "Armée malienne": an institution noun and a
        // nationality word is no name; the nationality stays a mention.
        let head_and_nationality = b == i + 2
            && a == i
            && known_at[i + 1].is_some_and(|ki| cands[ki].kind == Kind::Nationality);
        // "Treaty on European Union": inside the name of a document or event.
        let in_misc = a >= 2
            && matches!(doc.lower(a - 1), "of" | "on" | "de" | "du" | "d'")
            && doc.toks[a - 2].cap
            && lexicon::is_misc_head(doc.lower(a - 2));
        if words.count() >= 2 && (b - a) >= 2 && !head_and_nationality && !in_misc {
            let mut c = Cand::new(a, b, doc.span(a, b), kind, Src::Structure);
            c.key = None;
            out.push(c);
            i = b;
        } else {
            i += 1;
        }
    }
    out
}

/// "United Airlines and American Airlines": a conjunction after the head
/// followed by another head word joins two names; the first ends there.
fn split_coordinated(doc: &Doc, h: usize, b: usize) -> usize {
    for m in h + 1..b {
        if matches!(doc.lower(m), "and" | "et" | "&")
            && (m + 1..b).any(|k| doc.toks[k].cap && head_kind(doc.lower(k)).is_some())
        {
            return m;
        }
    }
    b
}

/// Extend a structure around its head at `h`; returns `[a, b)`.
fn extend(doc: &Doc, h: usize, known_at: &[Option<usize>], cands: &[Cand]) -> (usize, usize) {
    let sent = doc.toks[h].sent;
    let same = |k: usize| doc.toks.get(k).is_some_and(|t| t.sent == sent);
    // Left: capitalised words and gazetteer spans ("African Development Bank",
    // "Paris Olympic Committee"), never a closed-class word.
    let mut a = h;
    let mut steps = 0;
    while a > 0 && steps < 4 && same(a) {
        let p = a - 1;
        if let Some(ki) = known_at[p] {
            a = cands[ki].a;
        } else if part_word(doc, p) && !doc.toks[p].upper {
            a = p;
        } else if inner_article(doc, p)
            && p > 0
            && (part_word(doc, p - 1) || known_at[p - 1].is_some())
        {
            // "Paris La Défense Arena"
            a = p;
        } else {
            break;
        }
        steps += 1;
    }
    // Do not start with a word capitalised by position only.
    while a < h && doc.toks[a].start && known_at[a].is_none() && !doc.is_name_word(a) {
        a += 1;
    }
    // Right: adjectives, capitalised words, links followed by a name part.
    let mut b = h + 1;
    let mut adjs = 0;
    loop {
        if b >= doc.len() || !same(b) {
            break;
        }
        if let Some(ki) = known_at[b] {
            b = cands[ki].b;
            adjs = 0;
            continue;
        }
        let lower = doc.lower(b);
        if part_word(doc, b) && !doc.toks[b].upper {
            b += 1;
            adjs = 0;
            continue;
        }
        // French adjectives follow the noun ("Communauté économique"); English
        // ones do not ("Champions League final").
        if doc.lang != super::doc::Lang::En
            && doc.is_word(b)
            && !doc.toks[b].cap
            && adjs < 2
            && looks_adjectival(lower)
        {
            b += 1;
            adjs += 1;
            continue;
        }
        // Links (de, du, des, d', l', of, for, and ...), maybe lower-case
        // nouns and more links ("du traité de l'"), then a name part.
        if let Some(k) = link_chain(doc, b, known_at, &same) {
            b = k;
            continue;
        }
        break;
    }
    (a, b)
}

/// From `b`, links and lower-case nouns leading to a name part: the part's
/// index, or `None`.
fn link_chain(
    doc: &Doc,
    b: usize,
    known_at: &[Option<usize>],
    same: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let mut k = b;
    let mut links = 0;
    let mut nouns = 0;
    let mut conj = false;
    while k < doc.len() && same(k) && k - b < 8 {
        let t = doc.toks[k];
        let l = doc.lower(k);
        let linkish = t.kind == TokKind::Elision || t.kind == TokKind::Word || doc.is_punct(k, "&");
        if linkish && !t.cap && lexicon::is_org_link(l) {
            conj |= matches!(l, "et" | "and" | "&");
            k += 1;
            links += 1;
            continue;
        }
        if links == 0 {
            return None;
        }
        if known_at[k].is_some() || part_word(doc, k) {
            // "et" / "and" joins two name parts, never a clause.
            if conj && links > 1 {
                return None;
            }
            return Some(k);
        }
        // A lower-case noun or adjective between links: "du traité de".
        if t.kind == TokKind::Word
            && !t.cap
            && nouns < 2
            && !conj
            && !lexicon::is_stopword(l)
            && !lexicon::is_role_head(l)
            && l.chars().count() >= 3
        {
            k += 1;
            nouns += 1;
            links = 0;
            continue;
        }
        return None;
    }
    None
}

/// Lower-case nouns that introduce an organisation's name right after them
/// ("le quotidien Le Monde", "the firm Goldman Sachs", "le parti Renaissance").
fn org_noun(lower: &str) -> bool {
    matches!(
        lower,
        "parti"
            | "société"
            | "entreprise"
            | "groupe"
            | "quotidien"
            | "journal"
            | "hebdomadaire"
            | "magazine"
            | "chaîne"
            | "agence"
            | "constructeur"
            | "géant"
            | "firme"
            | "start-up"
            | "syndicat"
            | "club"
            | "ong"
            | "compagnie"
            | "opérateur"
            | "plateforme"
            | "banque"
            | "party"
            | "company"
            | "firm"
            | "group"
            | "newspaper"
            | "daily"
            | "broadcaster"
            | "agency"
            | "carrier"
            | "airline"
            | "giant"
            | "startup"
            | "charity"
            | "platform"
            | "retailer"
            | "automaker"
            | "carmaker"
            | "maker"
            | "outlet"
            | "insurer"
            | "lender"
            | "tabloid"
            | "weekly"
            | "broadcaster's"
    )
}

/// Plural nouns of people who work at or invest in a firm, and of its stock.
fn business_cue(lower: &str) -> bool {
    matches!(
        lower,
        "analysts"
            | "economists"
            | "strategists"
            | "shares"
            | "stock"
            | "executives"
            | "analystes"
            | "économistes"
            | "actions"
    )
}

/// Organisations named right after a lower-case organisation noun.
pub fn find_by_context(doc: &Doc, occ: &Occupancy) -> Vec<Cand> {
    let mut out = Vec::new();
    let n = doc.len();
    for i in 0..n.saturating_sub(1) {
        let t = doc.toks[i];
        if t.kind != TokKind::Word || t.cap && !t.start {
            continue;
        }
        let l = doc.lower(i);
        // "analysts at Morgan Stanley", "shares in Nordvik": a business cue
        // and a preposition before the name.
        let skip = if org_noun(l) && !t.cap {
            1
        } else if business_cue(l)
            && matches!(doc.lower(i + 1), "at" | "from" | "in" | "of" | "chez")
            && doc.same_sentence(i, i + 1)
        {
            2
        } else {
            continue;
        };
        let sent = t.sent;
        let mut k = i + skip;
        // An article may open the name ("Le Monde", "The Guardian").
        let article = matches!(doc.word(k), "Le" | "La" | "Les" | "The" | "L'" | "L’");
        if article {
            k += 1;
        }
        let start = i + skip;
        let mut e = k;
        while e < n
            && e - k < 3
            && doc.toks[e].sent == sent
            && occ.at(e).is_none()
            && doc.toks[e].kind == TokKind::Word
            && doc.toks[e].cap
            && !lexicon::is_stopword(doc.lower(e))
            && !lexicon::is_role_head(doc.lower(e))
        {
            e += 1;
        }
        if e == k || !occ.free(start, e) {
            continue;
        }
        // Not glued to more capitalised words (a longer name we cannot bound).
        if doc
            .toks
            .get(e)
            .is_some_and(|x| x.sent == sent && x.cap && x.kind == TokKind::Word)
        {
            continue;
        }
        out.push(Cand::new(
            start,
            e,
            doc.span(start, e),
            Kind::Organization,
            Src::Structure,
        ));
    }
    out
}

/// An organisation anywhere in the text is one everywhere: later uses of the
/// distinctive first word of a multi-word organisation name ("Nordvik" and
/// "Nordvik's" after "Nordvik Semiconductor", "Bâtiplus" after "Bâtiplus
/// SAS"), on free tokens, are forms of it. The word must be capitalised
/// but not by position only, and no head, stopword, given name or word the
/// text also writes in lower case.
pub fn find_echoes(doc: &Doc, cands: &[Cand], alive: &[bool], occ: &Occupancy) -> Vec<Cand> {
    // Tokens a gazetteer match covers or covered: a known word ("European")
    // is no distinctive company name.
    let mut known = vec![false; doc.len()];
    for c in cands.iter().filter(|c| c.src == Src::Known) {
        known[c.a..c.b.min(doc.len())].fill(true);
    }
    let mut first: lexicon::FastMap<&str, usize> = lexicon::FastMap::default();
    for (ci, c) in cands.iter().enumerate() {
        if !alive[ci] || c.kind != Kind::Organization || c.b - c.a < 2 || c.src == Src::Known {
            continue;
        }
        if known[c.a] {
            continue;
        }
        let l = doc.lower(c.a);
        let distinctive = doc.toks[c.a].cap
            && !doc.toks[c.a].upper
            && l.chars().count() >= 3
            && head_kind(l).is_none()
            && !lexicon::is_stopword(l)
            && !lexicon::is_first_name(l)
            && !lexicon::demonym_shaped(l)
            && !doc.seen_lower(l);
        if distinctive {
            first.entry(doc.word(c.a)).or_insert(ci);
        }
    }
    if first.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for k in 0..doc.len() {
        let Some(&ci) = first.get(doc.word(k)) else {
            continue;
        };
        let glued = doc.is_name_word(k + 1) && doc.same_sentence(k, k + 1);
        if occ.at(k).is_some() || glued {
            continue;
        }
        let mut c = Cand::new(k, k + 1, doc.span(k, k + 1), Kind::Organization, Src::Alias);
        c.link = Some(ci);
        out.push(c);
    }
    out
}
