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
fn role_opener(lower: &str) -> bool {
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
    while a > 0 && same(a) {
        let p = a - 1;
        if let Some(ci) = occ.at(p) {
            let c = &cands[ci];
            if c.kind == Kind::Nationality {
                affiliation.get_or_insert(ci);
                a = c.a;
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
        if a != h
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

/// The role right before a name at token `i` ("le président X", "Le ministre
/// ..., X"), if any.
pub fn role_before(doc: &Doc, roles: &[Role], i: usize) -> Option<usize> {
    let idx = roles.partition_point(|r| r.b <= i);
    // Roles are sorted; look at the last one ending at or before i.
    let r = idx.checked_sub(1)?;
    let role = &roles[r];
    if role.b == i && doc.same_sentence(role.a, i) {
        return Some(r);
    }
    // "L'avocate de la commune, Me Hélène Carbonnel": a courtesy title
    // between the role and the name.
    let mut i = i;
    if i > role.b && lexicon::is_honorific(doc.lower(i - 1)) && doc.toks[i - 1].cap {
        i -= 1;
        if role.b == i && doc.same_sentence(role.a, i) {
            return Some(r);
        }
    }
    if role.b + 1 == i && doc.is_punct(role.b, ",") && doc.same_sentence(role.a, i) {
        // Apposition: the role opens the noun phrase.
        let opens = role.a == 0
            || doc.toks[role.a].start
            || role_opener(doc.lower(role.a - 1))
            || doc.is_punct(role.a - 1, ",");
        if opens {
            return Some(r);
        }
    }
    None
}

/// The role in apposition right after a name ending at token `b`
/// ("X, ministre de ...", "X, the mayor of Paris").
pub fn role_after(doc: &Doc, roles: &[Role], mut b: usize) -> Option<usize> {
    // Skip a parenthesis right after the name: "Xi Jinping (习近平), the President".
    if doc.is_punct(b, "(") {
        let close = (b + 1..(b + 8).min(doc.len())).find(|&k| doc.is_punct(k, ")"))?;
        b = close + 1;
    }
    if !doc.is_punct(b, ",") {
        return None;
    }
    let mut k = b + 1;
    // A relative clause that names the role: "X, who became Prime Minister",
    // "X, qui est devenue ministre", "X, who has since served as mayor".
    if matches!(doc.lower(k), "who" | "qui") && doc.same_sentence(b, k) {
        let mut m = k + 1;
        while m < k + 5 && relative_verb(doc.lower(m)) {
            m += 1;
        }
        if m > k + 1 {
            k = m;
        }
    }
    if matches!(
        doc.lower(k),
        "le" | "la" | "l'" | "the" | "a" | "an" | "un" | "une" | "son" | "sa" | "his" | "her"
    ) {
        k += 1;
    }
    let r = roles.partition_point(|r| r.a < k);
    (roles.get(r)?.a == k && doc.same_sentence(b, k)).then_some(r)
}

/// Words of a relative clause between "who"/"qui" and the role it gives:
/// copulas and verbs of becoming or serving, their auxiliaries and a few
/// adverbs of time.
fn relative_verb(lower: &str) -> bool {
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

/// A role with no affiliation yet takes the first organisation or place
/// named inside it ("président de la FNSEA" -> FNSEA, found after the role).
pub fn affiliations_inside(roles: &mut [Role], cands: &[Cand], alive: &[bool]) {
    let mut inside: Vec<(usize, usize)> = cands
        .iter()
        .enumerate()
        .filter(|&(i, c)| alive[i] && matches!(c.kind, Kind::Organization | Kind::Place))
        .map(|(i, c)| (c.a, i))
        .collect();
    inside.sort_unstable();
    for role in roles.iter_mut().filter(|r| r.affiliation.is_none()) {
        let k = inside.partition_point(|&(a, _)| a < role.a);
        role.affiliation = inside
            .get(k)
            .filter(|&&(_, ci)| cands[ci].b <= role.b)
            .map(|&(_, ci)| ci);
    }
}

/// Fill a missing affiliation from the sentence when the text makes it
/// clear: the one affiliation of the other roles in the sentence, or failing
/// that the one country the sentence names.
pub fn infer_affiliations(doc: &Doc, roles: &mut [Role], cands: &[Cand], alive: &[bool]) {
    let key_of = |ci: usize| -> Option<&str> { cands.get(ci)?.key.as_deref() };
    // Country mentions by sentence.
    let mut countries: super::lexicon::FastMap<u32, Vec<usize>> =
        super::lexicon::FastMap::default();
    for (ci, c) in cands.iter().enumerate() {
        let is_country = alive[ci]
            && c.src == Src::Known
            && (c.kind == Kind::Nationality
                || (c.kind == Kind::Place
                    && c.key.as_deref().is_some_and(|k| k.starts_with("iso:"))));
        if is_country {
            countries.entry(doc.toks[c.a].sent).or_default().push(ci);
        }
    }
    // Per sentence, from the roles' own affiliations: the one country they
    // share (`Some(Some(ci))`), or that they disagree or name no country
    // (`Some(None)`). Sentences without any affiliated role are absent.
    let mut by_sent: super::lexicon::FastMap<u32, Option<usize>> =
        super::lexicon::FastMap::default();
    for role in roles.iter() {
        let Some(ci) = role.affiliation else { continue };
        let sent = doc.toks[role.a].sent;
        let is_country = key_of(ci).is_some_and(|k| k.starts_with("iso:"));
        by_sent
            .entry(sent)
            .and_modify(|v| {
                if v.is_some_and(|p| key_of(p) != key_of(ci)) || !is_country {
                    *v = None;
                }
            })
            .or_insert(is_country.then_some(ci));
    }
    // Per sentence: index of the first country mention whose key differs
    // from the first one's.
    let mut first_diff: super::lexicon::FastMap<u32, usize> = super::lexicon::FastMap::default();
    for (sent, list) in &countries {
        let d = list
            .iter()
            .position(|&ci| key_of(ci) != key_of(list[0]))
            .unwrap_or(list.len());
        first_diff.insert(*sent, d);
    }
    for role in roles.iter_mut() {
        if role.affiliation.is_some() {
            continue;
        }
        let sent = doc.toks[role.a].sent;
        let ra = role.a;
        // Country mentions of the sentence before the role (sorted by position).
        let list = countries.get(&sent).map(Vec::as_slice).unwrap_or(&[]);
        let before = list.partition_point(|&ci| cands[ci].a < ra);
        // "the Swedish pole vaulter": a nationality word just before the role.
        if let Some(&ci) = before.checked_sub(1).and_then(|k| list.get(k))
            && cands[ci].kind == Kind::Nationality
            && cands[ci].b + 2 >= ra
        {
            role.affiliation = Some(ci);
            continue;
        }
        let shared = by_sent.get(&sent).copied();
        let mut found: Option<usize> = shared.flatten();
        if shared.is_none() && before > 0 {
            // Only countries named before the role set the scene, and only one.
            let first = list[0];
            let one = first_diff.get(&sent).is_some_and(|&d| d >= before);
            if one {
                found = Some(first);
            }
        }
        role.affiliation = found;
    }
}
