//! The tagger's features, shared by training (`examples/train.rs`) and
//! tagging, so that both see exactly the same thing.
//!
//! A feature is a template and a string, hashed into one of the model's
//! buckets. Only tokens that may be part of a name get features (see
//! [`Allowed`]); the others are `O` without being scored, which keeps the
//! tagger cheap on the lower-case bulk of a text.

use crate::extract::lexicon;

/// What a token may be tagged, before any scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    /// Lower-case words, numbers, most punctuation: always `O`.
    OnlyO,
    /// A connector inside a name ("de", "of", "&"): `O` or `I-`.
    Inside,
    /// A capitalised or all-caps word: any tag.
    Any,
}

/// One token as the features see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    pub word: &'a str,
    /// The capital may come from the position (sentence or line start, after a quote).
    pub start: bool,
    /// Gazetteer marks, bits of [`GAZ_PLACE`], [`GAZ_ORG`], [`GAZ_NAT`],
    /// [`GAZ_BEGIN`], [`GAZ_AMBIGUOUS`].
    pub gaz: u8,
}

pub const GAZ_PLACE: u8 = 1;
pub const GAZ_ORG: u8 = 2;
pub const GAZ_NAT: u8 = 4;
pub const GAZ_BEGIN: u8 = 8;
pub const GAZ_AMBIGUOUS: u8 = 16;

/// Names of the 32 gazetteer mark combinations, hashed as features.
const GAZ_NAMES: [&str; 32] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
];

/// What the tagger knows about the whole document.
pub trait DocView {
    /// The lower-cased word occurs in lower case somewhere in the document.
    fn seen_lower(&self, lower: &str) -> bool;
    /// The lower-cased word occurs capitalised, not by position, in a
    /// sentence that is not all caps.
    fn seen_capitalised(&self, lower: &str) -> bool;
}

/// Words that may sit inside a name without a capital.
fn is_connector(lower: &str) -> bool {
    matches!(
        lower,
        "de" | "du"
            | "des"
            | "d'"
            | "la"
            | "le"
            | "l'"
            | "of"
            | "the"
            | "for"
            | "von"
            | "van"
            | "der"
            | "den"
            | "di"
            | "da"
            | "del"
            | "&"
            | "-"
            | "."
            | "y"
            | "al"
            | "el"
            | "on"
            | "sur"
            | "en"
            | "'s"
    )
}

fn first_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// A line in capitals ("SOCCER - LEICESTER TAKE OVER"): most of its words
/// are all caps, and its capitals say nothing about names.
pub fn caps_line(toks: &[Tok]) -> bool {
    let (mut caps, mut words) = (0, 0);
    for t in toks {
        if t.word.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            words += 1;
            caps += usize::from(all_caps(t.word));
        }
    }
    caps >= 2 && caps * 10 >= words * 7
}

/// What each token of a sentence may be tagged.
pub fn allowed(toks: &[Tok], lower: &[&str]) -> Vec<Allowed> {
    toks.iter()
        .zip(lower)
        .map(|(t, l)| {
            if first_upper(t.word) {
                Allowed::Any
            } else if is_connector(l) {
                Allowed::Inside
            } else {
                Allowed::OnlyO
            }
        })
        .collect()
}

/// A word's shape: `X` upper, `x` lower, `d` digit, other characters kept,
/// runs of one class cut at two (`Lausanne` -> `Xxx`, `U.N.` -> `X.X.`).
pub fn shape(w: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    let mut run = 0;
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
            last = s;
        }
        out.push(s);
        if out.len() >= 12 {
            break;
        }
    }
    out
}

/// A stable 64-bit hash of a template id and a string (FNV-1a, then mixed).
fn hash(template: u8, s: &str) -> u64 {
    hash_parts(template, &[s])
}

/// The hash of a template id and several strings (a conjunction).
fn hash_parts(template: u8, parts: &[&str]) -> u64 {
    let mut h: u64 =
        0xcbf2_9ce4_8422_2325 ^ u64::from(template).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            h ^= 0xff;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        for b in part.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

fn suffix(l: &str, n: usize) -> &str {
    let count = l.chars().count();
    if count <= n {
        return l;
    }
    let skip = l.char_indices().nth(count - n).map_or(0, |(i, _)| i);
    &l[skip..]
}

fn prefix(l: &str, n: usize) -> &str {
    let end = l.char_indices().nth(n).map_or(l.len(), |(i, _)| i);
    &l[..end]
}

/// The per-sentence facts the features of each token read.
pub struct SentView<'s> {
    pub toks: &'s [Tok<'s>],
    pub lower: &'s [&'s str],
    /// Shapes of the tokens next to a possible name (empty elsewhere).
    pub shapes: Vec<String>,
    pub caps_line: bool,
    pub allowed: Vec<Allowed>,
}

impl<'s> SentView<'s> {
    pub fn new(toks: &'s [Tok<'s>], lower: &'s [&'s str]) -> SentView<'s> {
        let allowed = allowed(toks, lower);
        let near = |i: usize| {
            (i.saturating_sub(1)..(i + 2).min(toks.len())).any(|j| allowed[j] != Allowed::OnlyO)
        };
        SentView {
            toks,
            lower,
            shapes: (0..toks.len())
                .map(|i| {
                    if near(i) {
                        shape(toks[i].word)
                    } else {
                        String::new()
                    }
                })
                .collect(),
            caps_line: caps_line(toks),
            allowed,
        }
    }

    fn lower_at(&self, i: isize) -> &str {
        if i < 0 {
            "<s>"
        } else {
            self.lower.get(i as usize).copied().unwrap_or("</s>")
        }
    }

    fn shape_at(&self, i: isize) -> &str {
        if i < 0 {
            "<s>"
        } else {
            self.shapes.get(i as usize).map_or("</s>", String::as_str)
        }
    }

    fn gaz_at(&self, i: isize) -> u8 {
        if i < 0 {
            0
        } else {
            self.toks.get(i as usize).map_or(0, |t| t.gaz)
        }
    }
}

/// The feature hashes of token `i`, appended to `out`.
pub fn token_features(s: &SentView, i: usize, doc: &dyn DocView, out: &mut Vec<u64>) {
    let t = &s.toks[i];
    let ii = i as isize;
    let l = s.lower[i];
    let caps = s.caps_line;
    // In an all-caps line the shape says nothing: use a neutral one.
    let sh = if caps { "CAPS" } else { s.shapes[i].as_str() };
    out.push(hash(0, ""));
    out.push(hash(1, l));
    out.push(hash(2, sh));
    out.push(hash(3, prefix(l, 3)));
    out.push(hash(4, suffix(l, 2)));
    out.push(hash(5, suffix(l, 3)));
    out.push(hash(6, suffix(l, 4)));
    out.push(hash(7, s.lower_at(ii - 1)));
    out.push(hash(8, s.lower_at(ii + 1)));
    out.push(hash(9, s.lower_at(ii - 2)));
    out.push(hash(10, s.lower_at(ii + 2)));
    if !caps {
        out.push(hash(11, s.shape_at(ii - 1)));
        out.push(hash(12, s.shape_at(ii + 1)));
        out.push(hash_parts(
            13,
            &[s.shape_at(ii - 1), sh, s.shape_at(ii + 1)],
        ));
    }
    let pos = match (caps, t.start) {
        (true, _) => "caps",
        (false, true) => "start",
        (false, false) => "mid",
    };
    out.push(hash(14, pos));
    out.push(hash_parts(15, &[pos, s.lower_at(ii - 1)]));
    for (tmpl, g) in [
        (16, s.gaz_at(ii)),
        (17, s.gaz_at(ii - 1)),
        (18, s.gaz_at(ii + 1)),
    ] {
        if g != 0 {
            out.push(hash_parts(tmpl, &[GAZ_NAMES[usize::from(g & 31)]]));
        }
    }
    if lexicon::is_first_name(l) {
        out.push(hash(19, pos));
    }
    if ii > 0 && lexicon::is_first_name(s.lower_at(ii - 1)) {
        out.push(hash(20, ""));
    }
    if lexicon::is_stopword(l) {
        out.push(hash(21, pos));
    }
    let seen_lower = doc.seen_lower(l);
    let seen_cap = doc.seen_capitalised(l);
    let seen = ["--", "-c", "l-", "lc"][usize::from(seen_lower) * 2 + usize::from(seen_cap)];
    out.push(hash_parts(22, &[pos, seen]));
    if caps && let Some(k) = crate::extract::known::lookup_title_case(t.word, "en") {
        out.push(hash(23, if k.country { "country" } else { "place" }));
    }
    out.push(hash_parts(24, &[s.lower_at(ii - 1), l]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        for (w, want) in [
            ("Lausanne", "Xxx"),
            ("LEICESTER", "XX"),
            ("U.N.", "X.X."),
            ("1996-08-30", "dd-dd-dd"),
            ("McDonald", "XxXxx"),
            ("al-Assad", "xx-Xxx"),
        ] {
            assert_eq!(shape(w), want, "{w}");
        }
    }

    #[test]
    fn caps_lines() {
        let toks = |ws: &[&'static str]| -> Vec<Tok<'static>> {
            ws.iter()
                .map(|w| Tok {
                    word: w,
                    start: false,
                    gaz: 0,
                })
                .collect()
        };
        assert!(caps_line(&toks(&[
            "SOCCER",
            "-",
            "LEICESTER",
            "TAKE",
            "OVER"
        ])));
        assert!(!caps_line(&toks(&[
            "The", "UN", "met", "in", "NEW", "YORK"
        ])));
        assert!(!caps_line(&toks(&["AES"])));
    }

    #[test]
    fn affixes_count_characters() {
        assert_eq!(suffix("genève", 3), "ève");
        assert_eq!(prefix("éléphant", 3), "élé");
        assert_eq!(suffix("ab", 3), "ab");
    }

    #[test]
    fn only_capitals_and_connectors_may_be_names() {
        let toks: Vec<Tok> = ["Banque", "de", "France", "a", "dit"]
            .iter()
            .map(|w| Tok {
                word: w,
                start: false,
                gaz: 0,
            })
            .collect();
        let lower: Vec<String> = toks.iter().map(|t| t.word.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        assert_eq!(
            allowed(&toks, &lower),
            [
                Allowed::Any,
                Allowed::Inside,
                Allowed::Any,
                Allowed::OnlyO,
                Allowed::OnlyO
            ]
        );
    }
}
