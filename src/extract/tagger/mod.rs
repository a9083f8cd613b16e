//! A statistical name tagger: an averaged structured perceptron over BIO
//! tags (PER, ORG, LOC), decoded with Viterbi, trained on the openly
//! licensed corpora of `../shared/eval/corpora/train/` by
//! `cargo run --release --example train` (see `assets/tagger/README.md`).
//!
//! The weights ship in the crate (`assets/tagger/model.bin`, feature
//! hashing, 8-bit weights) and are read in place: no set-up beyond a header
//! check. The tagger proposes names the rules miss; the pipeline keeps what
//! the rules found.

pub mod features;
pub mod model;
pub mod train;

use super::Kind;
use super::cand::{Cand, Occupancy, Src};
use super::doc::Doc;
use super::known::Known;
use super::lexicon::{self, FastSet};
use super::tokenize::TokKind;
use features::{Allowed, DocView, SentView, Tok};
pub use model::Model;

/// The tags, in weight-column order.
pub const TAGS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
pub const N_TAGS: usize = TAGS.len();

/// The tag index of a label (`O` for anything else, MISC included).
pub fn tag_index(label: &str) -> usize {
    TAGS.iter().position(|t| *t == label).unwrap_or(0)
}

/// The entity kind of a tag (`None` for `O`).
pub fn tag_kind(tag: usize) -> Option<Kind> {
    match tag {
        1 | 2 => Some(Kind::Person),
        3 | 4 => Some(Kind::Organization),
        5 | 6 => Some(Kind::Place),
        _ => None,
    }
}

fn is_inside(tag: usize) -> bool {
    matches!(tag, 2 | 4 | 6)
}

/// May `cur` follow `prev` (`None`: sentence start)? `I-X` only after `B-X` or `I-X`.
pub fn transition_ok(prev: Option<usize>, cur: usize) -> bool {
    if !is_inside(cur) {
        return true;
    }
    matches!(prev, Some(p) if p == cur || p + 1 == cur)
}

/// May a token with this constraint take this tag?
pub fn tag_allowed(a: Allowed, tag: usize) -> bool {
    match a {
        Allowed::OnlyO => tag == 0,
        Allowed::Inside => tag == 0 || is_inside(tag),
        Allowed::Any => true,
    }
}

/// Best tag sequence: `emit[i * N_TAGS + t]` scores, `trans[p * N_TAGS + t]`
/// (row `N_TAGS` for the sentence start), hard BIO and [`Allowed`] constraints.
pub fn viterbi(emit: &[f32], trans: &[f32], allowed: &[Allowed]) -> Vec<usize> {
    viterbi_scored(emit, trans, allowed).0
}

/// [`viterbi`] and the score of the best sequence.
pub fn viterbi_scored(emit: &[f32], trans: &[f32], allowed: &[Allowed]) -> (Vec<usize>, f32) {
    let n = allowed.len();
    let mut out = vec![0; n];
    if n == 0 {
        return (out, 0.0);
    }
    let mut score = vec![f32::NEG_INFINITY; n * N_TAGS];
    let mut back = vec![0u8; n * N_TAGS];
    for t in 0..N_TAGS {
        if tag_allowed(allowed[0], t) && transition_ok(None, t) {
            score[t] = trans[N_TAGS * N_TAGS + t] + emit[t];
        }
    }
    for i in 1..n {
        for t in 0..N_TAGS {
            if !tag_allowed(allowed[i], t) {
                continue;
            }
            let mut best = (f32::NEG_INFINITY, 0);
            for p in 0..N_TAGS {
                let s = score[(i - 1) * N_TAGS + p];
                if s == f32::NEG_INFINITY || !transition_ok(Some(p), t) {
                    continue;
                }
                let v = s + trans[p * N_TAGS + t];
                if v > best.0 {
                    best = (v, p);
                }
            }
            if best.0 > f32::NEG_INFINITY {
                score[i * N_TAGS + t] = best.0 + emit[i * N_TAGS + t];
                back[i * N_TAGS + t] = best.1 as u8;
            }
        }
    }
    let last = &score[(n - 1) * N_TAGS..];
    let mut t = (0..N_TAGS)
        .max_by(|&a, &b| last[a].total_cmp(&last[b]))
        .unwrap_or(0);
    let best = last[t];
    for i in (0..n).rev() {
        out[i] = t;
        t = usize::from(back[i * N_TAGS + t]);
    }
    (out, best)
}

/// Entity spans `[a, b)` and kinds from a tag sequence.
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, Kind)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        match tag_kind(tags[i]) {
            Some(kind) if !is_inside(tags[i]) => {
                let mut j = i + 1;
                while j < tags.len() && tags[j] == tags[i] + 1 {
                    j += 1;
                }
                out.push((i, j, kind));
                i = j;
            }
            _ => i += 1,
        }
    }
    out
}

/// Gazetteer marks per token from matches `(kind, ambiguous, a, b)` over token ranges.
pub fn gaz_marks(
    n: usize,
    matches: impl IntoIterator<Item = (Kind, bool, usize, usize)>,
) -> Vec<u8> {
    let mut marks = vec![0u8; n];
    for (kind, ambiguous, a, b) in matches {
        let bit = match kind {
            Kind::Place => features::GAZ_PLACE,
            Kind::Organization => features::GAZ_ORG,
            Kind::Nationality => features::GAZ_NAT,
            _ => continue,
        };
        for (k, m) in marks.iter_mut().enumerate().take(b.min(n)).skip(a) {
            *m |= bit;
            if k == a {
                *m |= features::GAZ_BEGIN;
            }
            if ambiguous {
                *m |= features::GAZ_AMBIGUOUS;
            }
        }
    }
    marks
}

/// The document facts of [`DocView`] from a set of words seen capitalised.
struct DocFacts<'d, 'a> {
    doc: &'d Doc<'a>,
    capitalised: FastSet<&'d str>,
}

impl DocView for DocFacts<'_, '_> {
    fn seen_lower(&self, lower: &str) -> bool {
        self.doc.seen_lower(lower)
    }
    fn seen_capitalised(&self, lower: &str) -> bool {
        self.capitalised.contains(lower)
    }
}

/// A name the tagger found: token range `[a, b)`, kind, and its margin (how
/// much better the best tagging is than the best one without this name, in
/// the model's weight units).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tagged {
    pub a: usize,
    pub b: usize,
    pub kind: Kind,
    pub margin: f32,
}

/// Tag a document: the names found, in text order.
pub fn tag_doc(doc: &Doc, known: &[(Known, usize, usize)]) -> Vec<Tagged> {
    let model = Model::shipped();
    let n = doc.len();
    let mut capitalised = FastSet::default();
    for (i, t) in doc.toks.iter().enumerate() {
        if t.kind == TokKind::Word && t.cap && !t.start && !t.upper {
            capitalised.insert(doc.lower(i));
        }
    }
    let facts = DocFacts { doc, capitalised };
    let marks = gaz_marks(
        n,
        known.iter().map(|(k, a, b)| (k.kind, k.ambiguous, *a, *b)),
    );
    let mut out = Vec::new();
    let mut a = 0;
    while a < n {
        let mut b = a + 1;
        while b < n && doc.toks[b].sent == doc.toks[a].sent {
            b += 1;
        }
        // One sentence at a time: a book-length text costs no per-token copy.
        let toks: Vec<Tok> = (a..b)
            .map(|i| Tok {
                word: doc.word(i),
                start: doc.toks[i].start,
                gaz: marks[i],
            })
            .collect();
        let lower: Vec<&str> = (a..b).map(|i| doc.lower(i)).collect();
        let sent = SentView::new(&toks, &lower);
        if sent.allowed.contains(&Allowed::Any) {
            out.extend(model.tag_spans(&sent, &facts).into_iter().map(|mut t| {
                t.a += a;
                t.b += a;
                t
            }));
        }
        a = b;
    }
    out
}

#[cfg(test)]
mod tests;

/// The least margin of a name the tagger proposes (weight units of the
/// shipped model): below it, the name is too close a call for the sidebar.
pub const MIN_MARGIN: f32 = 300.0;

/// A name without the closed-class words at its edges ("the West Bank" ->
/// "West Bank"); `None` when nothing is left or it is a calendar word alone
/// ("Friday", "May").
fn trim(doc: &Doc, t: Tagged) -> Option<(usize, usize, Kind)> {
    let (mut a, mut b) = (t.a, t.b);
    let closed = |i: usize| !doc.is_word(i) || lexicon::is_stopword(doc.lower(i));
    while a < b && closed(a) {
        a += 1;
    }
    while b > a && closed(b - 1) {
        b -= 1;
    }
    if a == b || b == a + 1 && lexicon::is_calendar_word(doc.lower(a)) {
        return None;
    }
    Some((a, b, t.kind))
}

/// Tokens of the gazetteer matches the rules left out ("Northern Ireland" of
/// "Northern Ireland Protocol", an ambiguous form without support).
fn rejected_known(n: usize, known: &[(Known, usize, usize)], occ: &Occupancy) -> Vec<bool> {
    let mut mask = vec![false; n];
    for &(_, x, y) in known {
        if x < y && occ.free(x, y) {
            mask[x..y.min(n)].fill(true);
        }
    }
    mask
}

/// The rules' vetoes hold: a gazetteer match the rules left out is not
/// brought back, the name of a treaty, event or document ("Treaty of Rome")
/// is not a mention, and a byline's names ("By Grace Odhiambo") are metadata.
fn vetoed(doc: &Doc, rejected: &[bool], a: usize, b: usize) -> bool {
    let misc = (a..b).any(|i| {
        let l = doc.lower(i);
        lexicon::is_misc_head(l) || lexicon::is_document_head(l)
    }) || doc.toks.get(b).is_some_and(|t| t.cap)
        && lexicon::is_document_head(doc.lower(b));
    rejected[a..b].iter().any(|&r| r) || misc || super::names::in_byline(doc, a)
}

/// Sentences written in capitals ("SOCCER - LEICESTER TAKE OVER AT TOP"):
/// there the rules' guesses from capitals alone (an undefined all-caps word
/// taken for an organisation, a dateline place) say nothing, so they are
/// dropped and the tagger, whose features do not depend on case there,
/// reads the line instead. Gazetteer matches and structures stay.
pub fn drop_caps_guesses(doc: &Doc, cands: &[Cand], alive: &mut [bool], occ: &mut Occupancy) {
    let caps = caps_sentences(doc);
    for (i, c) in cands.iter().enumerate() {
        let sent = doc.toks.get(c.a).map_or(0, |t| t.sent as usize);
        if alive[i] && c.src == Src::GuessAcronym && caps.get(sent).copied().unwrap_or(false) {
            alive[i] = false;
            occ.release(c.a, c.b);
        }
    }
}

/// Per sentence: written in capitals ([`features::caps_line`]).
fn caps_sentences(doc: &Doc) -> Vec<bool> {
    let n_sent = doc.toks.last().map_or(0, |t| t.sent as usize + 1);
    let mut out = vec![false; n_sent];
    let mut a = 0;
    while a < doc.len() {
        let mut b = a + 1;
        while b < doc.len() && doc.toks[b].sent == doc.toks[a].sent {
            b += 1;
        }
        let toks: Vec<Tok> = (a..b)
            .map(|i| Tok {
                word: doc.word(i),
                start: false,
                gaz: 0,
            })
            .collect();
        out[doc.toks[a].sent as usize] = features::caps_line(&toks);
        a = b;
    }
    out
}

/// Candidates for the names the tagger finds where no rule put anything:
/// every token free, none inside a role phrase ("ministre des Affaires
/// étrangères" stays a role).
pub fn propose(
    doc: &Doc,
    known: &[(Known, usize, usize)],
    occ: &Occupancy,
    role_mask: &[bool],
) -> Vec<Cand> {
    let rejected = rejected_known(doc.len(), known, occ);
    tag_doc(doc, known)
        .into_iter()
        .filter(|t| t.margin >= MIN_MARGIN)
        .filter_map(|t| trim(doc, t))
        .filter(|&(a, b, _)| occ.free(a, b) && !role_mask[a..b].iter().any(|&m| m))
        .filter(|&(a, b, _)| !vetoed(doc, &rejected, a, b))
        .map(|(a, b, kind)| {
            let src = if kind == Kind::Person {
                Src::Person
            } else {
                Src::Structure
            };
            Cand::new(a, b, doc.span(a, b), kind, src)
        })
        .collect()
}
