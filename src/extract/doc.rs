//! The analysed document: text, tokens, accepted gazetteer matches, and the
//! token-level bookkeeping the passes share.

use super::Span;
use super::known::Known;
use super::lexicon::{self, fold};
use super::tokenize::{TokKind, Token, token_at, tokenize};

/// The language whose rules apply first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
    Other,
}

impl Lang {
    pub fn from_tag(tag: &str) -> Lang {
        let t = tag.trim().to_ascii_lowercase();
        if t.starts_with("fr") {
            Lang::Fr
        } else if t.starts_with("en") {
            Lang::En
        } else {
            Lang::Other
        }
    }
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    pub lang: Lang,
    /// Lower-case forms of words seen in lower case somewhere in the text.
    lower_seen: lexicon::FastSet<&'a str>,
    /// Lower-case form of every token: `lower_buf[lower_at[i]..lower_at[i + 1]]`.
    lower_buf: String,
    lower_at: Vec<u32>,
    /// Per sentence: the line looks like a title in title case or all caps.
    title_like: Vec<bool>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, lang: Lang) -> Doc<'a> {
        let toks = tokenize(text);
        let mut lower_buf = String::with_capacity(text.len() + 16);
        let mut lower_at = Vec::with_capacity(toks.len() + 1);
        for t in &toks {
            lower_at.push(lower_buf.len() as u32);
            let w = t.span.text(text);
            if w.is_ascii() {
                let at = lower_buf.len();
                lower_buf.push_str(w);
                lower_buf[at..].make_ascii_lowercase();
            } else {
                for c in w.chars() {
                    lower_buf.extend(c.to_lowercase());
                }
            }
        }
        lower_at.push(lower_buf.len() as u32);
        let mut lower_seen = lexicon::FastSet::default();
        for t in &toks {
            if t.kind == TokKind::Word && !t.cap {
                let w = t.span.text(text);
                if w.chars().next().is_some_and(char::is_lowercase) {
                    lower_seen.insert(w);
                }
            }
        }
        let title_like = title_like_sentences(text, &toks);
        Doc {
            text,
            toks,
            lang,
            lower_seen,
            lower_buf,
            lower_at,
            title_like,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.text(self.text))
    }

    /// The token's lower-case form (empty past the end).
    pub fn lower(&self, i: usize) -> &str {
        match (self.lower_at.get(i), self.lower_at.get(i + 1)) {
            (Some(&a), Some(&b)) => self.lower_buf.get(a as usize..b as usize).unwrap_or(""),
            _ => "",
        }
    }

    pub fn folded(&self, i: usize) -> String {
        fold(self.word(i))
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Punct && t.span.text(self.text) == p)
    }

    /// Tokens `i` and `j` are in the same sentence.
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        match (self.toks.get(i), self.toks.get(j)) {
            (Some(a), Some(b)) => a.sent == b.sent,
            _ => false,
        }
    }

    /// The word was seen in lower case elsewhere: a capital at a sentence
    /// start then says nothing about it being a name.
    pub fn seen_lower(&self, lower: &str) -> bool {
        self.lower_seen.contains(lower)
    }

    /// A capitalised word that may be part of a name: capitalised, not a
    /// closed-class word, every hyphenated part capitalised or a particle
    /// ("Jean-Pierre", "al-Assad"), and not capitalised by position only.
    pub fn is_name_word(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if t.kind != TokKind::Word {
            return false;
        }
        let w = t.span.text(self.text);
        if !name_shaped(w) {
            return false;
        }
        let lower = self.lower(i);
        if lexicon::is_stopword(lower) {
            return false;
        }
        if t.start && self.seen_lower(lower) {
            return false;
        }
        true
    }

    pub fn title_like(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            self.title_like
                .get(t.sent as usize)
                .copied()
                .unwrap_or(false)
        })
    }

    /// Token range `[a, b)` covering byte span `s` (tokens that start inside it).
    pub fn tok_range(&self, s: Span) -> (usize, usize) {
        let a = token_at(&self.toks, s.start);
        let b = token_at(&self.toks, s.end);
        (a, b)
    }

    /// Byte span of tokens `[a, b)`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        let start = self.toks.get(a).map_or(self.text.len(), |t| t.span.start);
        let end = if b == 0 {
            start
        } else {
            self.toks.get(b - 1).map_or(self.text.len(), |t| t.span.end)
        };
        Span::new(start, end.max(start))
    }
}

/// Capitalised, and every hyphen part capitalised or a name particle.
pub fn name_shaped(w: &str) -> bool {
    let mut parts = w.split(['-', '\u{2010}', '\u{2011}']);
    let Some(first) = parts.next() else {
        return false;
    };
    let first_upper = first.chars().next().is_some_and(char::is_uppercase);
    let first_particle = !first_upper && is_particle_ci(first);
    if !first_upper && !first_particle {
        return false;
    }
    let mut any_upper = first_upper;
    for p in parts {
        let up = p.chars().next().is_some_and(char::is_uppercase);
        if !up && !is_particle_ci(p) {
            return false;
        }
        any_upper |= up;
    }
    any_upper
}

/// A name particle, for a word already known not to start upper-case.
fn is_particle_ci(w: &str) -> bool {
    w.len() <= 5 && lexicon::is_name_particle(w)
}

/// Sentences that are title-case or all-caps lines: capitals there say
/// nothing about names.
fn title_like_sentences(text: &str, toks: &[Token]) -> Vec<bool> {
    let n = toks.last().map_or(0, |t| t.sent as usize + 1);
    let mut caps = vec![0u32; n];
    let mut lows = vec![0u32; n];
    let mut ends_with_stop = vec![false; n];
    for t in toks {
        let s = t.sent as usize;
        ends_with_stop[s] =
            t.kind == TokKind::Punct && matches!(t.span.text(text), "." | "!" | "?");
        if t.kind != TokKind::Word || t.start {
            continue;
        }
        let w = t.span.text(text);
        if w.chars().count() < 4 {
            continue;
        }
        if t.cap {
            caps[s] += 1;
        } else {
            lows[s] += 1;
        }
    }
    (0..n)
        .map(|s| !ends_with_stop[s] && caps[s] >= 4 && lows[s] * 6 <= caps[s])
        .collect()
}

/// Accepted gazetteer matches, aligned to tokens: a match must start at a
/// token start and end at a token end (so "Avez" in "Avez-vous" is out),
/// unless every part of the hyphenated token is capitalised.
pub fn align_known(doc: &Doc, known: Vec<Known>) -> Vec<(Known, usize, usize)> {
    let mut out = Vec::with_capacity(known.len());
    let n = doc.toks.len();
    // Matches come sorted: walk the tokens with a cursor (no binary search).
    let mut cur = 0;
    for k in known {
        while cur < n && doc.toks[cur].span.start < k.span.start {
            cur += 1;
        }
        let a = cur;
        let mut b = a;
        while b < n && doc.toks[b].span.start < k.span.end {
            b += 1;
        }
        let Some(first) = doc.toks.get(a) else {
            continue;
        };
        let starts_ok = first.span.start == k.span.start;
        let ends_ok = b > a && doc.toks[b - 1].span.end == k.span.end;
        let aligned = if starts_ok && ends_ok {
            true
        } else {
            // Inside a hyphenated token: all parts must be capitalised.
            let ti = if starts_ok { a } else { a.saturating_sub(1) };
            let w = doc.word(ti);
            doc.toks[ti].span.contains(&k.span)
                && w.split('-')
                    .all(|p| p.chars().next().is_some_and(char::is_uppercase))
        };
        if aligned {
            out.push((k, a, b));
        }
    }
    out
}
