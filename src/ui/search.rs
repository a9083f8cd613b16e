//! Case- and accent-insensitive matching, for the list filter and the search
//! in an article (the folding itself is [`crate::text::Fold::SEARCH`]). Matches are byte spans of the original text.

use crate::extract::Span;
use crate::text::Fold;

/// Lower-case, accents removed: "Sergueï" -> "sergueі"-like forms compare equal to "serguei".
pub fn fold(s: &str) -> String {
    Fold::SEARCH.apply(s)
}

/// A text folded once for searching (an article is folded when it is first
/// searched, not again at every key typed into the search).
#[derive(Debug, Clone, Default)]
pub struct Folded {
    text: String,
    /// For each byte of `text`, where the original character it came from
    /// starts (u32 keeps this at four bytes a byte; longer texts are not searched).
    starts: Vec<u32>,
    /// The length of the original text.
    len: usize,
}

impl Folded {
    pub fn new(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut starts = Vec::new();
        let indexable = u32::try_from(s.len()).is_ok();
        if indexable {
            starts.reserve(s.len());
        }
        for (i, c) in s.char_indices() {
            let before = text.len();
            Fold::SEARCH.push_char(c, &mut text);
            if indexable {
                // i < s.len() <= u32::MAX
                starts.extend(std::iter::repeat_n(i as u32, text.len() - before));
            }
        }
        Folded {
            text,
            starts,
            len: s.len(),
        }
    }

    /// Whether this was folded from `original` (same length: the reader
    /// also keys it on the article).
    pub fn is_for(&self, original: &str) -> bool {
        self.len == original.len()
    }

    /// Every non-overlapping match of `query` in `original` (the text this
    /// was folded from), as byte spans of `original`.
    pub fn find_all(&self, original: &str, query: &str) -> Vec<Span> {
        let q = fold(query);
        if q.trim().is_empty() || !self.is_for(original) || self.starts.is_empty() {
            return Vec::new();
        }
        let char_end = |start: usize| {
            original
                .get(start..)
                .and_then(|r| r.chars().next())
                .map_or(start, |c| start + c.len_utf8())
        };
        let mut out: Vec<Span> = Vec::new();
        for (at, m) in self.text.match_indices(q.as_str()) {
            let (Some(&first), Some(&last)) =
                (self.starts.get(at), self.starts.get(at + m.len() - 1))
            else {
                continue;
            };
            let span = Span::new(first as usize, char_end(last as usize));
            if out.last().is_none_or(|p| p.end <= span.start) {
                out.push(span);
            }
        }
        out
    }
}

/// Every non-overlapping match of `query` in `text`, as byte spans of `text`.
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    Folded::new(text).find_all(text, query)
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

#[cfg(test)]
mod folded_tests {
    use super::*;

    #[test]
    fn one_folded_text_answers_every_query_like_a_fresh_fold() {
        let text = "İstanbul, Straße, ÉTAT, Goi\u{308}ta, 東京 et l'État.";
        let folded = Folded::new(text);
        for q in [
            "i", "istanbul", "etat", "goita", "東京", "strasse", "straße", ".",
        ] {
            let got = folded.find_all(text, q);
            for s in &got {
                assert!(
                    text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                    "{q}"
                );
            }
            let texts: Vec<&str> = got.iter().map(|s| s.text(text)).collect();
            let want: Vec<&str> = find_all(text, q).iter().map(|s| s.text(text)).collect();
            assert_eq!(texts, want, "{q}");
        }
        let etat: Vec<&str> = folded
            .find_all(text, "etat")
            .iter()
            .map(|s| s.text(text))
            .collect();
        assert_eq!(etat, ["ÉTAT", "État"]);
        // a folded text is never used for another text
        assert!(folded.find_all("autre chose", "etat").is_empty());
    }
}
