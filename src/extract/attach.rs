//! Attaching role phrases to people ("le président X", "X, ministre de
//! ...", "Le ministre ..., X", "X, who became ...") and tying each role to
//! the nationality, place or organisation it names or its sentence implies.

use super::Kind;
use super::cand::{Cand, Src};
use super::doc::Doc;
use super::lexicon;
use super::roles::{Role, relative_verb, role_opener};

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
