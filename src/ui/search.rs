//! Case- and accent-insensitive matching, for the list filter and the search
//! in an article. Matches are byte spans of the original text.

use crate::extract::Span;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-case, accents removed: "Sergueï" -> "sergueі"-like forms compare equal to "serguei".
pub fn fold(s: &str) -> String {
    folded_with_map(s).0
}

/// The folded text and, for each of its bytes, the span of the original
/// character it came from.
fn folded_with_map(s: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        for d in std::iter::once(c).nfd() {
            if is_combining_mark(d) {
                continue;
            }
            for l in d.to_lowercase() {
                let before = out.len();
                out.push(l);
                map.extend(std::iter::repeat_n((i, end), out.len() - before));
            }
        }
    }
    (out, map)
}

/// Every non-overlapping match of `query` in `text`, as byte spans of `text`.
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    let q = fold(query);
    if q.trim().is_empty() {
        return Vec::new();
    }
    let (folded, map) = folded_with_map(text);
    let mut out: Vec<Span> = Vec::new();
    for (at, m) in folded.match_indices(q.as_str()) {
        let (Some(first), Some(last)) = (map.get(at), map.get(at + m.len() - 1)) else {
            continue;
        };
        let span = Span::new(first.0, last.1);
        if out.last().is_none_or(|p| p.end <= span.start) {
            out.push(span);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ignore_case_and_accents() {
        let text = "Sergueï Lavrov et SERGUEI; Goi\u{308}ta, Гуринович, ÉTAT";
        let cases: &[(&str, &[&str])] = &[
            ("serguei", &["Sergueï", "SERGUEI"]),
            ("goita", &["Goi\u{308}ta"]),
            ("гурин", &["Гурин"]),
            ("etat", &["ÉTAT"]),
            ("Lavrov", &["Lavrov"]),
            ("zzz", &[]),
            ("  ", &[]),
        ];
        for (q, want) in cases {
            let got: Vec<&str> = find_all(text, q).iter().map(|s| s.text(text)).collect();
            assert_eq!(&got, want, "{q}");
        }
    }
}
