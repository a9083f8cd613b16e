//! Places the gazetteer does not know, from their context: a lower-case
//! place noun before them ("le palais de l'Élysée", "la région russe de
//! Koursk", "the city of Mariupol") or after them ("the Austerlitz bridge");
//! and known places widened by a directional word ("Northern Ireland",
//! "Inner Mongolia", "Afrique du Nord").

use super::Kind;
use super::cand::{Cand, Occupancy, Src};
use super::doc::Doc;
use super::tokenize::TokKind;

/// French place nouns that take "de" + a name.
fn fr_place_noun(lower: &str) -> bool {
    matches!(
        lower,
        "palais"
            | "pont"
            | "rue"
            | "place"
            | "avenue"
            | "boulevard"
            | "fleuve"
            | "rivière"
            | "lac"
            | "mont"
            | "quai"
            | "quais"
            | "gare"
            | "région"
            | "province"
            | "ville"
            | "village"
            | "département"
            | "commune"
            | "district"
            | "quartier"
            | "île"
            | "aéroport"
            | "oblast"
            | "comté"
            | "canton"
            | "rives"
            | "rive"
            | "bords"
            | "banlieue"
            | "faubourg"
            | "localité"
            | "capitale"
            | "préfecture"
            | "massif"
            | "golfe"
            | "baie"
            | "plaine"
            | "vallée"
    )
}

/// English place nouns that take "of" + a name.
fn en_place_noun_of(lower: &str) -> bool {
    matches!(
        lower,
        "city"
            | "town"
            | "village"
            | "region"
            | "province"
            | "county"
            | "district"
            | "island"
            | "port"
            | "banks"
            | "shores"
            | "outskirts"
            | "suburbs"
            | "capital"
            | "oblast"
            | "municipality"
            | "prefecture"
    )
}

/// English place nouns after a name ("the Austerlitz bridge").
fn en_place_noun_after(lower: &str) -> bool {
    matches!(
        lower,
        "bridge"
            | "river"
            | "street"
            | "square"
            | "airport"
            | "district"
            | "province"
            | "region"
            | "county"
            | "valley"
            | "neighbourhood"
            | "neighborhood"
    )
}

/// The capitalised name run starting at `k` on free tokens: its end.
fn name_run(doc: &Doc, occ: &Occupancy, k: usize, max: usize) -> Option<usize> {
    let sent = doc.toks.get(k)?.sent;
    let mut e = k;
    while e < doc.len()
        && e - k < max
        && doc.toks[e].sent == sent
        && occ.at(e).is_none()
        && doc.toks[e].kind == TokKind::Word
        && doc.toks[e].cap
        && !doc.toks[e].upper
        && !super::lexicon::is_stopword(doc.lower(e))
    {
        e += 1;
    }
    (e > k).then_some(e)
}

/// Unknown places found from a place noun next to them.
pub fn find_by_context(doc: &Doc, occ: &Occupancy, cands: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    let n = doc.len();
    let mut i = 0;
    while i < n {
        let t = doc.toks[i];
        if t.kind != TokKind::Word || t.cap {
            i += 1;
            continue;
        }
        let l = doc.lower(i);
        // "palais de l'Élysée", "région russe de Koursk", "city of Mariupol".
        if fr_place_noun(l) || en_place_noun_of(l) {
            let mut k = i + 1;
            // A nationality word may sit between ("région russe de").
            if let Some(ci) = occ.at(k)
                && cands[ci].kind == Kind::Nationality
            {
                k = cands[ci].b;
            }
            let mut links = 0;
            while k < n
                && links < 2
                && matches!(
                    doc.lower(k),
                    "de" | "du" | "des" | "d'" | "la" | "l'" | "of" | "the"
                )
            {
                k += 1;
                links += 1;
            }
            if links > 0
                && doc.same_sentence(i, k)
                && let Some(e) = name_run(doc, occ, k, 3)
                && !doc.is_name_word(e)
            {
                out.push(Cand::new(k, e, doc.span(k, e), Kind::Place, Src::Structure));
                i = e;
                continue;
            }
        }
        // "the Austerlitz bridge": a single capitalised word before the noun.
        if en_place_noun_after(l) && i >= 1 {
            let k = i - 1;
            let single = k == 0 || !doc.toks[k - 1].cap || !doc.same_sentence(k - 1, k);
            if single
                && doc.same_sentence(k, i)
                && !doc.toks[k].start
                && name_run(doc, occ, k, 1) == Some(i)
            {
                out.push(Cand::new(
                    k,
                    i,
                    doc.toks[k].span,
                    Kind::Place,
                    Src::Structure,
                ));
            }
        }
        i += 1;
    }
    out
}

/// Directional words that make a new place of a known one when they
/// precede it ("Northern Ireland").
fn directional_before(w: &str) -> bool {
    matches!(
        w,
        "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "Inner"
            | "Outer"
            | "Upper"
            | "Lower"
            | "Greater"
            | "North"
            | "South"
            | "East"
            | "West"
    )
}

/// "Afrique du Nord", "Irlande du Nord", "Soudan du Sud".
fn directional_after(doc: &Doc, b: usize) -> Option<usize> {
    let l = doc.lower(b);
    let mut k = b + 1;
    match l {
        "du" => {}
        "de" if doc.lower(k) == "l'" => k += 1,
        _ => return None,
    }
    matches!(doc.word(k), "Nord" | "Sud" | "Est" | "Ouest").then_some(k + 1)
}

/// Widen known places by a directional word: returns (candidate, new a, new b).
pub fn directional(doc: &Doc, cands: &[Cand], alive: &[bool]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (ci, c) in cands.iter().enumerate() {
        if !alive[ci] || c.kind != Kind::Place || c.src != Src::Known {
            continue;
        }
        let mut a = c.a;
        let mut b = c.b;
        if a > 0 && doc.same_sentence(a - 1, a) && directional_before(doc.word(a - 1)) {
            a -= 1;
        }
        if let Some(e) = directional_after(doc, b)
            && doc.same_sentence(c.a, e - 1)
        {
            b = e;
        }
        if a != c.a || b != c.b {
            out.push((ci, a, b));
        }
    }
    out
}

/// After a locative preposition ("à Pokrovsk", "near Kherson"), a single
/// capitalised word that nothing else claimed is most likely a place.
pub fn find_after_locative(doc: &Doc, occ: &Occupancy) -> Vec<Cand> {
    let mut out = Vec::new();
    for i in 1..doc.len() {
        let t = doc.toks[i];
        if t.kind != TokKind::Word || !t.cap || t.upper || t.start || occ.at(i).is_some() {
            continue;
        }
        let p = doc.lower(i - 1);
        // Not "à", "dans", "at": they also take people, firms and newspapers.
        let locative = matches!(p, "vers" | "in" | "near" | "outside" | "around")
            || (p == "de"
                && i >= 2
                && matches!(
                    doc.lower(i - 2),
                    "autour" | "près" | "proximité" | "environs"
                ));
        if !locative || !doc.same_sentence(i - 1, i) {
            continue;
        }
        let l = doc.lower(i);
        if super::lexicon::is_stopword(l)
            || super::lexicon::is_role_head(l)
            || super::lexicon::is_org_head(l)
            || super::lexicon::is_misc_head(l)
            || super::lexicon::is_honorific(l)
            || doc.seen_lower(l)
        {
            continue;
        }
        // Alone: no capitalised word or possessive right after.
        let next = doc.toks.get(i + 1);
        if next.is_some_and(|n| {
            n.sent == t.sent && ((n.cap && n.kind == TokKind::Word) || doc.word(i + 1) == "'s")
        }) {
            continue;
        }
        out.push(Cand::new(i, i + 1, t.span, Kind::Place, Src::GuessAcronym));
    }
    out
}
