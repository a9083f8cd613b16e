//! Named institutions and streets written with a lower-case French head:
//! "tribunal correctionnel de Lyon", "cour d'appel de Versailles", "musée
//! du Louvre", "université de Strasbourg", "rue de Varenne", "place des
//! Terreaux". The whole name is one mention (an organisation for courts,
//! museums and universities, a place for streets, squares and stadiums);
//! the place named inside it is no separate mention.

use super::Kind;
use super::cand::{Cand, Occupancy, Src};
use super::doc::Doc;
use super::lexicon::{self, looks_adjectival};
use super::tokenize::TokKind;

/// The kind a lower-case head gives its name, if it is one.
fn head(lower: &str) -> Option<Kind> {
    Some(match lower {
        "tribunal" | "cour" | "musée" | "université" => Kind::Organization,
        "rue" | "place" | "avenue" | "boulevard" | "stade" | "cathédrale" | "quai" => Kind::Place,
        _ => return None,
    })
}

/// Complements that make a court of "cour" ("cour d'appel", "cour de cassation").
fn court_complement(doc: &Doc, k: usize) -> Option<usize> {
    let l = doc.lower(k);
    if matches!(
        l,
        "criminelle" | "suprême" | "constitutionnelle" | "administrative" | "pénale"
    ) {
        return Some(k + 1);
    }
    let next = doc.lower(k + 1);
    match (l, next) {
        ("d'", "appel" | "assises") | ("de", "cassation") | ("des", "comptes") => Some(k + 2),
        _ => None,
    }
}

fn is_link(lower: &str) -> bool {
    matches!(lower, "de" | "du" | "des" | "d'" | "l'" | "la")
}

/// Find such names. `occ` holds the gazetteer matches and structures found
/// so far: a name may contain them (the caller drops them) but not start
/// inside one.
pub fn find(doc: &Doc, occ: &Occupancy, cands: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        let t = doc.toks[i];
        let kind = (t.kind == TokKind::Word && !t.cap && occ.at(i).is_none())
            .then(|| head(doc.lower(i)))
            .flatten();
        match kind.and_then(|kind| extent(doc, i, occ, cands).map(|b| (kind, b))) {
            Some((kind, b)) => {
                out.push(Cand::new(i, b, doc.span(i, b), kind, Src::Structure));
                i = b;
            }
            None => i += 1,
        }
    }
    out
}

/// Where the name headed at `h` ends, if a name follows the head.
fn extent(doc: &Doc, h: usize, occ: &Occupancy, cands: &[Cand]) -> Option<usize> {
    let same = |k: usize| doc.same_sentence(h, k) && k < doc.len();
    let head = doc.lower(h);
    let mut k = h + 1;
    if head == "cour" {
        k = court_complement(doc, k)?;
    } else {
        // "tribunal correctionnel", "tribunal administratif"
        while k < h + 3 && same(k) && doc.is_word(k) && !doc.toks[k].cap {
            let l = doc.lower(k);
            if is_link(l) || !looks_adjectival(l) {
                break;
            }
            k += 1;
        }
    }
    let mut end = None;
    for _ in 0..2 {
        // Links, then a name part.
        let mut m = k;
        while m < k + 2 && same(m) && is_link(doc.lower(m)) && occ.at(m).is_none() {
            m += 1;
        }
        let direct = head == "université" && end.is_none();
        if m == k && !direct || !same(m) {
            break;
        }
        // "à la place de M. X" is "instead of": a square takes "du", "des",
        // "de la", never a bare "de".
        if matches!(head, "place" | "quai") && m == k + 1 && doc.lower(k) == "de" {
            return None;
        }
        let Some(b) = name_part(doc, m, occ, cands) else {
            break;
        };
        // "la place de la France dans le monde": a square is never named
        // after a whole country.
        if head == "place"
            && occ
                .at(m)
                .and_then(|ci| cands[ci].key.as_deref())
                .is_some_and(|key| key.starts_with("iso:"))
        {
            return None;
        }
        end = Some(b);
        k = b;
    }
    end
}

/// A name part at `m`: a gazetteer match or structure starting there, or
/// capitalised words (with hyphens); returns its end.
fn name_part(doc: &Doc, m: usize, occ: &Occupancy, cands: &[Cand]) -> Option<usize> {
    if let Some(ci) = occ.at(m) {
        let c = &cands[ci];
        return (c.a == m && c.kind != Kind::Nationality).then_some(c.b);
    }
    let word = |k: usize| {
        k < doc.len()
            && doc.same_sentence(m, k)
            && occ.at(k).is_none()
            && doc.toks[k].kind == TokKind::Word
            && doc.toks[k].cap
            && !lexicon::is_stopword(doc.lower(k))
            && !lexicon::is_role_head(doc.lower(k))
            && !lexicon::is_honorific(doc.lower(k))
    };
    let mut b = m;
    while word(b) {
        b += 1;
        // "Saint - Paul": a hyphen set apart between two words.
        if doc.is_punct(b, "-") && word(b + 1) {
            b += 1;
        }
    }
    (b > m).then_some(b)
}
