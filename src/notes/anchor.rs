//! Re-anchoring a note on an article whose text may have changed.
//!
//! As Hypothesis does: the position selector first, accepted only when the
//! text there still equals the quote; otherwise an approximate search of the
//! quote (Myers' bit-parallel edit-distance search, in 64-bit blocks so any
//! quote length works, allowing up to half the quote's length in errors), each
//! candidate scored `(50 quote + 20 prefix + 20 suffix + 2 closeness) / 92`.
//! Below [`MIN_SCORE`] the note is orphaned: listed, never dropped.

use super::model::{Target, widen_to_graphemes};
use std::collections::HashMap;
use std::ops::Range;

/// Lowest score accepted for a fuzzy match.
pub const MIN_SCORE: f64 = 0.6;

/// Most errors ever allowed, whatever the quote's length.
const MAX_ERRORS: usize = 256;

/// Candidates kept (the fewest errors first) before scoring context.
const MAX_CANDIDATES: usize = 64;

/// How a note was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// The text at the stored position still equals the quote.
    Position,
    /// Found by searching the quote.
    Search,
}

/// Where a note now sits in the article text.
#[derive(Debug, Clone, PartialEq)]
pub enum Anchor {
    /// Byte span in the new text, grapheme-aligned.
    Found {
        span: Range<usize>,
        score: f64,
        method: Method,
    },
    /// No place good enough: show the note as orphaned, with its quote.
    Orphaned { best_score: Option<f64> },
}

impl Anchor {
    pub fn span(&self) -> Option<Range<usize>> {
        match self {
            Anchor::Found { span, .. } => Some(span.clone()),
            Anchor::Orphaned { .. } => None,
        }
    }

    pub fn is_orphaned(&self) -> bool {
        matches!(self, Anchor::Orphaned { .. })
    }
}

/// Place `target` in `text`.
pub fn anchor(target: &Target, text: &str) -> Anchor {
    if target.exact.is_empty() {
        return Anchor::Orphaned { best_score: None };
    }
    if let Some(span) = target.byte_span_in(text) {
        return Anchor::Found {
            span,
            score: 1.0,
            method: Method::Position,
        };
    }
    let chars: Vec<char> = text.chars().collect();
    let quote: Vec<char> = target.exact.chars().collect();
    let prefix: Vec<char> = target.prefix.chars().collect();
    let suffix: Vec<char> = target.suffix.chars().collect();
    let max_errors = (quote.len() / 2).min(MAX_ERRORS);
    let mut best: Option<(f64, Range<usize>)> = None;
    for m in find_approx(&chars, &quote, max_errors) {
        let quote_sim = 1.0 - m.errors as f64 / quote.len() as f64;
        let before = &chars[m.start.saturating_sub(prefix.len())..m.start];
        let after = &chars[m.end..(m.end + suffix.len()).min(chars.len())];
        let prefix_sim = similarity(&prefix, before);
        let suffix_sim = similarity(&suffix, after);
        let closeness = if chars.is_empty() {
            1.0
        } else {
            1.0 - (m.start.abs_diff(target.start) as f64 / chars.len() as f64).min(1.0)
        };
        let score =
            (50.0 * quote_sim + 20.0 * prefix_sim + 20.0 * suffix_sim + 2.0 * closeness) / 92.0;
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, m.start..m.end));
        }
    }
    match best {
        Some((score, range)) if score >= MIN_SCORE => {
            let offsets: Vec<usize> = text
                .char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(text.len()))
                .collect();
            let span = widen_to_graphemes(text, offsets[range.start]..offsets[range.end]);
            Anchor::Found {
                span,
                score,
                method: Method::Search,
            }
        }
        Some((score, _)) => Anchor::Orphaned {
            best_score: Some(score),
        },
        None => Anchor::Orphaned { best_score: None },
    }
}

/// `1 - edit distance / length of the expected context`; an empty expected
/// context matches anything.
fn similarity(expected: &[char], found: &[char]) -> f64 {
    if expected.is_empty() {
        return 1.0;
    }
    let d = levenshtein(expected, found);
    1.0 - (d as f64 / expected.len() as f64).min(1.0)
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// An approximate occurrence of a pattern: code-point range and edit distance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub errors: usize,
}

/// Occurrences of `pattern` in `text` with at most `max_errors` edits (the
/// best end of each local minimum, then its best start), fewest errors first.
pub fn find_approx(text: &[char], pattern: &[char], max_errors: usize) -> Vec<Match> {
    let ends = match_ends(text, pattern, max_errors);
    // Local minima of the error count along the text.
    let mut picked: Vec<(usize, usize)> = Vec::new();
    for (i, &(end, errors)) in ends.iter().enumerate() {
        let prev_better = i > 0 && ends[i - 1].0 + 1 == end && ends[i - 1].1 <= errors;
        let next_better = i + 1 < ends.len() && ends[i + 1].0 == end + 1 && ends[i + 1].1 < errors;
        if !prev_better && !next_better {
            picked.push((end, errors));
        }
    }
    picked.sort_by_key(|&(end, errors)| (errors, end));
    picked.truncate(MAX_CANDIDATES);
    let mut out: Vec<Match> = picked
        .into_iter()
        .map(|(end, errors)| {
            let start = best_start(text, pattern, end, max_errors);
            Match { start, end, errors }
        })
        .collect();
    out.dedup_by_key(|m| (m.start, m.end));
    out
}

/// Myers' bit-parallel search (Hyyrö's block form): every end position (code
/// points, exclusive) where `pattern` matches with at most `max_errors` edits,
/// with the edit distance there.
fn match_ends(text: &[char], pattern: &[char], max_errors: usize) -> Vec<(usize, usize)> {
    let m = pattern.len();
    if m == 0 {
        return Vec::new();
    }
    let blocks = m.div_ceil(64);
    let mut peq: HashMap<char, Vec<u64>> = HashMap::new();
    for (i, &c) in pattern.iter().enumerate() {
        peq.entry(c).or_insert_with(|| vec![0; blocks])[i / 64] |= 1 << (i % 64);
    }
    let zeros = vec![0u64; blocks];
    let last_bit: Vec<u64> = (0..blocks)
        .map(|b| {
            if b + 1 == blocks {
                1 << ((m - 1) % 64)
            } else {
                1 << 63
            }
        })
        .collect();
    let mut pv = vec![u64::MAX; blocks];
    let mut mv = vec![0u64; blocks];
    // Edit distance at the last row of each block.
    let mut score: Vec<isize> = (0..blocks)
        .map(|b| ((b + 1) * 64).min(m) as isize)
        .collect();
    let mut ends = Vec::new();
    for (j, c) in text.iter().enumerate() {
        let eq = peq.get(c).unwrap_or(&zeros);
        let mut h_in = 0i32;
        for b in 0..blocks {
            h_in = advance_block(&mut pv[b], &mut mv[b], eq[b], h_in, last_bit[b]);
            score[b] += h_in as isize;
        }
        let s = score[blocks - 1];
        if s >= 0 && (s as usize) <= max_errors {
            ends.push((j + 1, s as usize));
        }
    }
    ends
}

/// One column step of one 64-row block. `h_in` is the horizontal delta
/// entering the block's top row; returns the delta leaving its last row.
fn advance_block(pv: &mut u64, mv: &mut u64, eq: u64, h_in: i32, last: u64) -> i32 {
    let h_in_neg = u64::from(h_in < 0);
    let eq = eq | h_in_neg;
    let xv = eq | *mv;
    let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
    let mut ph = *mv | !(xh | *pv);
    let mut mh = *pv & xh;
    let h_out = i32::from(ph & last != 0) - i32::from(mh & last != 0);
    ph <<= 1;
    mh <<= 1;
    mh |= h_in_neg;
    ph |= u64::from(h_in > 0);
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    h_out
}

/// The start of the best alignment of `pattern` ending at `end`: the edit
/// distance DP run backwards from `end`, anchored there; among equally good
/// starts, the one giving a length closest to the pattern's.
fn best_start(text: &[char], pattern: &[char], end: usize, max_errors: usize) -> usize {
    let m = pattern.len();
    let window_start = end.saturating_sub(m + max_errors);
    let window: Vec<char> = text[window_start..end].iter().rev().copied().collect();
    let pat: Vec<char> = pattern.iter().rev().copied().collect();
    // Row-by-row over the pattern; columns are window prefixes (anchored at 0).
    let mut prev: Vec<usize> = (0..=window.len()).collect();
    let mut cur = vec![0; window.len() + 1];
    for (i, pc) in pat.iter().enumerate() {
        cur[0] = i + 1;
        for (x, wc) in window.iter().enumerate() {
            let sub = prev[x] + usize::from(pc != wc);
            cur[x + 1] = sub.min(prev[x + 1] + 1).min(cur[x] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let best = (0..=window.len())
        .min_by_key(|&x| (prev[x], x.abs_diff(m)))
        .unwrap_or(0);
    end - best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sellers' O(nm) DP: the edit distance of the best match ending at each position.
    fn naive_ends(text: &[char], pattern: &[char], k: usize) -> Vec<(usize, usize)> {
        let m = pattern.len();
        let mut col: Vec<usize> = (0..=m).collect();
        let mut out = Vec::new();
        for (j, tc) in text.iter().enumerate() {
            let mut next = vec![0; m + 1];
            for i in 1..=m {
                let sub = col[i - 1] + usize::from(pattern[i - 1] != *tc);
                next[i] = sub.min(col[i] + 1).min(next[i - 1] + 1);
            }
            col = next;
            if col[m] <= k {
                out.push((j + 1, col[m]));
            }
        }
        out
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn bit_parallel_search_agrees_with_the_plain_dp() {
        // Deterministic pseudo-random strings over a small alphabet, short and long
        // patterns (several 64-bit blocks).
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let alphabet = ['a', 'b', 'c', 'é', 'д'];
        for round in 0..40 {
            let n = 50 + (next() % 400) as usize;
            let text: Vec<char> = (0..n).map(|_| alphabet[(next() % 5) as usize]).collect();
            let m = 1 + (next() % if round % 2 == 0 { 20 } else { 150 }) as usize;
            let pattern: Vec<char> = (0..m).map(|_| alphabet[(next() % 5) as usize]).collect();
            let k = m / 2;
            assert_eq!(
                match_ends(&text, &pattern, k),
                naive_ends(&text, &pattern, k),
                "round {round}, m = {m}"
            );
        }
    }

    #[test]
    fn approximate_matches_find_start_and_errors() {
        let text = chars("le président Assimi Goïta se rendra à Moscou");
        let found = find_approx(&text, &chars("Assimi Goita"), 6);
        let best = found[0];
        assert_eq!(best.errors, 1);
        let s: String = text[best.start..best.end].iter().collect();
        assert_eq!(s, "Assimi Goïta");
    }

    #[test]
    fn levenshtein_table() {
        for (a, b, d) in [
            ("", "", 0),
            ("abc", "", 3),
            ("kitten", "sitting", 3),
            ("Goïta", "Goita", 1),
            ("Сергей", "Сергій", 1),
        ] {
            assert_eq!(levenshtein(&chars(a), &chars(b)), d, "{a} / {b}");
        }
    }
}
