//! Roles and titles: "le ministre malien des Affaires étrangères",
//! "Russian Foreign Minister", "the Mayor of Paris", "ministre des Affaires
//! étrangères du Niger". A role phrase never includes its determiner; its
//! affiliation comes from a nationality word or a place or organisation in
//! its complement.

use super::Kind;
use super::Span;
use super::cand::{Cand, Occupancy, Src};
use super::doc::Doc;
use super::lexicon::{self, looks_adjectival};
use super::tokenize::TokKind;

pub use super::attach::{affiliations_inside, infer_affiliations, role_after, role_before};

/// One role phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Token range `[a, b)`.
    pub a: usize,
    pub b: usize,
    pub span: Span,
    /// Candidate (nationality, place or organisation) that gives the affiliation.
    pub affiliation: Option<usize>,
}

/// Words that may stand right before a role head without making it a verb
/// or something else: determiners, prepositions, possessives.
pub(super) fn role_opener(lower: &str) -> bool {
    matches!(
        lower,
        "le" | "la"
            | "l'"
            | "les"
            | "un"
            | "une"
            | "du"
            | "des"
            | "de"
            | "d'"
            | "au"
            | "aux"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "notre"
            | "cet"
            | "cette"
            | "ce"
            | "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "by"
            | "with"
            | "as"
            | "comme"
            | "par"
            | "avec"
            | "et"
            | "and"
            | "'s"
    )
}

/// Articles and possessives that open a noun phrase.
fn determiner(lower: &str) -> bool {
    matches!(
        lower,
        "le" | "la"
            | "l'"
            | "les"
            | "un"
            | "une"
            | "son"
            | "sa"
            | "leur"
            | "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
    )
}

/// A free capitalised word or acronym that may open a title or be its
/// possessor: not a stopword, role head, honorific or known first name.
fn name_word_free(doc: &Doc, occ: &Occupancy, k: usize) -> bool {
    let Some(t) = doc.toks.get(k) else {
        return false;
    };
    let l = doc.lower(k);
    t.kind == TokKind::Word
        && t.cap
        && occ.at(k).is_none()
        && !lexicon::is_stopword(l)
        && !lexicon::is_role_head(l)
        && !lexicon::is_honorific(l)
        && !lexicon::is_first_name(l)
        && !(t.start && !t.upper && !doc.is_name_word(k))
}

fn is_link(lower: &str) -> bool {
    matches!(
        lower,
        "de" | "du" | "des" | "d'" | "l'" | "la" | "of" | "the" | "for" | "pour" | "à" | "aux"
    )
}

/// Find role phrases. `occ` holds gazetteer matches and structures, which a
/// role may contain in its complement but never starts inside.
pub fn find_roles(doc: &Doc, occ: &Occupancy, cands: &[Cand]) -> Vec<Role> {
    let mut out = Vec::new();
    let n = doc.len();
    let mut i = 0;
    while i < n {
        if !doc.is_word(i) || occ.at(i).is_some() {
            i += 1;
            continue;
        }
        let lower = doc.lower(i);
        if !lexicon::is_role_head(lower) || !head_ok(doc, i, lower) {
            i += 1;
            continue;
        }
        let mut role = extend(doc, i, occ, cands);
        // "maire de Pau et président du MoDem": a second title joined by a
        // conjunction, with no determiner, is one coordinated role.
        while let Some(next) = coordinated(doc, &role, occ, cands) {
            role = Role {
                a: role.a,
                b: next.b,
                span: doc.span(role.a, next.b),
                affiliation: role.affiliation.or(next.affiliation),
            };
        }
        i = role.b.max(i + 1);
        out.push(role);
    }
    out
}

/// The role joined to `role` by "et"/"and" right after it ("et président
/// du MoDem", "and chief executive"), if a role head (maybe after
/// premodifiers) follows the conjunction in the same sentence.
fn coordinated(doc: &Doc, role: &Role, occ: &Occupancy, cands: &[Cand]) -> Option<Role> {
    let c = role.b;
    if !matches!(doc.lower(c), "et" | "and") || !doc.same_sentence(role.a, c + 1) {
        return None;
    }
    let mut h = c + 1;
    while h < doc.len() && h < c + 3 && lexicon::is_role_premodifier(doc.lower(h)) {
        h += 1;
    }
    let head = doc.lower(h);
    if !doc.is_word(h) || occ.at(h).is_some() || doc.toks[h].cap || !lexicon::is_role_head(head) {
        return None;
    }
    let next = extend(doc, h, occ, cands);
    (next.a > c).then_some(next)
}

/// Guard against a head word used otherwise ("il juge", "head of state").
fn head_ok(doc: &Doc, i: usize, lower: &str) -> bool {
    let next_cap = doc.is_name_word(i + 1);
    let next_lower = doc.lower(i + 1);
    match lower {
        "head" | "chair" => return next_lower == "of",
        "general" | "général" | "générale" => {
            // A postmodifier after "secrétaire", else a military rank before a name.
            if i > 0 && lexicon::is_role_head(doc.lower(i - 1)) {
                return false;
            }
            return next_cap;
        }
        _ => {}
    }
    if next_cap {
        return true;
    }
    if i == 0 || doc.toks[i].start {
        return true;
    }
    let mut p = i - 1;
    // Skip premodifiers and nationality words.
    while p > 0 && lexicon::is_role_premodifier(doc.lower(p)) {
        p -= 1;
    }
    let pl = doc.lower(p);
    role_opener(pl)
        || doc.is_punct(p, ",")
        || doc.is_punct(p, "(")
        || lexicon::is_role_premodifier(pl)
        || doc.toks[p].kind == TokKind::Punct && doc.word(p) == "'s"
        || doc.toks[p].cap
        // "who became Prime Minister", "qui est devenue ministre"
        || (relative_verb(pl)
            && (p.saturating_sub(4)..p).any(|q| matches!(doc.lower(q), "who" | "qui")))
}

fn extend(doc: &Doc, h: usize, occ: &Occupancy, cands: &[Cand]) -> Role {
    let sent = doc.toks[h].sent;
    let same = |k: usize| doc.toks.get(k).is_some_and(|t| t.sent == sent);
    let mut affiliation: Option<usize> = None;
    // Left: premodifiers, nationality words, a possessive place ("Niger's").
    let mut a = h;
    let mut crossed = false;
    while a > 0 && same(a) {
        let p = a - 1;
        if let Some(ci) = occ.at(p) {
            let c = &cands[ci];
            if c.kind == Kind::Nationality {
                affiliation.get_or_insert(ci);
                a = c.a;
                crossed = true;
                continue;
            }
            // "U.S. President", "NATO Secretary-General": a known place or
            // organisation right before a title written in capitals.
            if matches!(c.kind, Kind::Place | Kind::Organization)
                && c.src == Src::Known
                && c.b == a
                && doc.toks[h].cap
                && !doc.toks[h].start
            {
                affiliation.get_or_insert(ci);
                a = c.a;
            }
            break;
        }
        let pl = doc.lower(p);
        if doc.is_word(p) && lexicon::is_role_premodifier(pl) {
            a = p;
            continue;
        }
        if doc.word(p) == "'s"
            && p > 0
            && let Some(ci) = occ.at(p - 1)
            && matches!(cands[ci].kind, Kind::Place | Kind::Organization)
        {
            affiliation.get_or_insert(ci);
            a = cands[ci].a;
            continue;
        }
        // "Nordvik's chief financial officer": a possessive of a capitalised
        // word not yet known (an organisation; never a person's title).
        if doc.word(p) == "'s" && p > 0 && name_word_free(doc, occ, p - 1) && same(p - 1) {
            a = p - 1;
            break;
        }
        // "the FAA administrator", "Transportation Secretary X": an acronym
        // or a capitalised word as the title's first word, after a
        // determiner or before a head written in capitals.
        if crossed
            || !name_word_free(doc, occ, p)
            || !(doc.toks[h].cap && !doc.toks[h].start
                || p > 0 && determiner(doc.lower(p - 1)) && doc.same_sentence(p - 1, p))
        {
            break;
        }
        a = p;
        break;
    }
    // Right: postmodifiers, nationality words, complements.
    let mut b = h + 1;
    let mut complement_nouns_seen = false;
    loop {
        if b >= doc.len() || !same(b) {
            break;
        }
        if let Some(ci) = occ.at(b) {
            let c = &cands[ci];
            if c.kind == Kind::Nationality && c.a == b {
                affiliation = Some(ci);
                b = c.b;
                continue;
            }
            break;
        }
        let l = doc.lower(b);
        // "chief negotiator", "ministre délégué"
        if doc.is_word(b)
            && (lexicon::is_role_postmodifier(l) || lexicon::is_role_head(l))
            && !doc.toks[b].cap
        {
            b += 1;
            continue;
        }
        // "chief financial officer": a premodifier before another head.
        if doc.is_word(b)
            && !doc.toks[b].cap
            && lexicon::is_role_premodifier(l)
            && (b + 1..(b + 3).min(doc.len()))
                .take_while(|&k| same(k) && !doc.toks[k].cap)
                .any(|k| lexicon::is_role_head(doc.lower(k)))
        {
            b += 1;
            continue;
        }
        // "conservateur en chef", "rédacteur en chef"
        if l == "en" && doc.lower(b + 1) == "chef" && same(b + 1) {
            b += 2;
            continue;
        }
        // "secrétaire d'État"
        if doc.toks[b].kind == TokKind::Elision && (l == "d'" || l == "d’") {
            let w = super::lexicon::fold(doc.word(b + 1));
            if w == "etat" || w == "etat-major" {
                b += 2;
                continue;
            }
        }
        // Complement: links then a name part.
        let mut k = b;
        let mut links = 0;
        while k < doc.len() && same(k) && links < 3 {
            let kl = doc.lower(k);
            // "de La France insoumise": the article opens a known name.
            let starts_cand = occ.at(k).is_some_and(|ci| cands[ci].a == k) && links > 0;
            if (doc.is_word(k) || doc.toks[k].kind == TokKind::Elision)
                && is_link(kl)
                && !starts_cand
            {
                k += 1;
                links += 1;
            } else {
                break;
            }
        }
        if links == 0 || k >= doc.len() || !same(k) {
            // "et des Finances": a conjunction then a complement.
            if (l == "et" || l == "and") && b + 1 < doc.len() && is_link(doc.lower(b + 1)) {
                let save = b;
                b += 1;
                if complement_follows(doc, b, occ) {
                    continue;
                }
                b = save;
            }
            break;
        }
        if let Some(ci) = occ.at(k) {
            let c = &cands[ci];
            if c.a == k && c.src != Src::Person {
                if matches!(c.kind, Kind::Place | Kind::Organization) {
                    affiliation = Some(ci);
                }
                b = c.b;
                continue;
            }
            break;
        }
        // "chef de la diplomatie européenne", "porte-parole du gouvernement":
        // a lower-case noun, maybe with adjectives or a nationality word.
        if doc.toks[k].kind == TokKind::Word
            && !doc.toks[k].cap
            && !complement_nouns_seen
            && doc.lower(k).chars().count() >= 4
            && !lexicon::is_stopword(doc.lower(k))
            && !lexicon::is_saying_participle(doc.lower(k))
            && !lexicon::is_role_head(doc.lower(k))
        {
            complement_nouns_seen = true;
            b = k + 1;
            if let Some(end) = name_after_noun(doc, b, occ, cands, &mut affiliation) {
                b = end;
                continue;
            }
            loop {
                if b < doc.len() && same(b) {
                    if let Some(ci) = occ.at(b)
                        && cands[ci].kind == Kind::Nationality
                        && cands[ci].a == b
                    {
                        affiliation = Some(ci);
                        b = cands[ci].b;
                        continue;
                    }
                    if doc.is_word(b)
                        && !doc.toks[b].cap
                        && occ.at(b).is_none()
                        && looks_adjectival(doc.lower(b))
                    {
                        b += 1;
                        continue;
                    }
                }
                break;
            }
            continue;
        }
        // "président de la FNSEA": an acronym not yet known.
        if super::orgs::is_acronym(doc, k) && !lexicon::is_stopword(doc.lower(k)) {
            b = k + 1;
            continue;
        }
        if doc.toks[k].kind == TokKind::Word && doc.toks[k].cap && !doc.toks[k].upper {
            let kl = doc.lower(k);
            if lexicon::is_stopword(kl) || lexicon::is_role_head(kl) {
                break;
            }
            b = k + 1;
            // Lower-case adjectives after the capitalised word ("Affaires étrangères").
            let mut adj = 0;
            while adj < 2
                && b < doc.len()
                && same(b)
                && doc.is_word(b)
                && !doc.toks[b].cap
                && occ.at(b).is_none()
                && looks_adjectival(doc.lower(b))
            {
                b += 1;
                adj += 1;
            }
            continue;
        }
        break;
    }
    Role {
        a,
        b,
        span: doc.span(a, b),
        affiliation,
    }
}

/// A name right after a complement noun ("du groupe RN", "of rival AMD",
/// "du groupe Rassemblement national"): a known organisation or place, an
/// acronym, or capitalised words that are no given name, with trailing
/// lower-case adjectives. Returns where the name ends.
fn name_after_noun(
    doc: &Doc,
    k: usize,
    occ: &Occupancy,
    cands: &[Cand],
    affiliation: &mut Option<usize>,
) -> Option<usize> {
    if !doc.same_sentence(k.saturating_sub(1), k) {
        return None;
    }
    if let Some(ci) = occ.at(k) {
        let c = &cands[ci];
        if c.a == k && matches!(c.kind, Kind::Place | Kind::Organization) {
            *affiliation = Some(ci);
            return Some(c.b);
        }
        return None;
    }
    if super::orgs::is_acronym(doc, k) && !lexicon::is_stopword(doc.lower(k)) {
        return Some(k + 1);
    }
    if !name_word_free(doc, occ, k) || doc.toks[k].upper {
        return None;
    }
    let mut b = k + 1;
    while b < doc.len() && doc.same_sentence(k, b) && name_word_free(doc, occ, b) {
        b += 1;
    }
    while b < doc.len()
        && doc.same_sentence(k, b)
        && doc.is_word(b)
        && !doc.toks[b].cap
        && occ.at(b).is_none()
        && looks_adjectival(doc.lower(b))
    {
        b += 1;
    }
    Some(b)
}

fn complement_follows(doc: &Doc, mut k: usize, occ: &Occupancy) -> bool {
    while k < doc.len() && is_link(doc.lower(k)) {
        k += 1;
    }
    occ.at(k).is_some() || (doc.is_word(k) && doc.toks[k].cap)
}

/// Words of a relative clause between "who"/"qui" and the role it gives:
/// copulas and verbs of becoming or serving, their auxiliaries and a few
/// adverbs of time.
pub(super) fn relative_verb(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "was"
            | "became"
            | "becomes"
            | "has"
            | "had"
            | "have"
            | "been"
            | "since"
            | "now"
            | "then"
            | "later"
            | "remains"
            | "remained"
            | "served"
            | "serves"
            | "as"
            | "est"
            | "était"
            | "fut"
            | "devient"
            | "devenu"
            | "devenue"
            | "reste"
            | "restait"
            | "demeure"
            | "depuis"
            | "alors"
            | "désormais"
            | "encore"
            | "aussi"
            | "également"
    )
}
