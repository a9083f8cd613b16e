//! The passage around a mention or a date: its sentence, cut to a readable
//! length, with the highlighted ranges inside it.

use crate::extract::Span;
use std::ops::Range;

/// A piece of an article with ranges to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub text: String,
    /// Byte ranges in `text` (serialised as code points, see [`Passage::char_ranges`]).
    pub marks: Vec<Range<usize>>,
}

impl serde::Serialize for Passage {
    /// `{"text": ..., "marks": [[start, end], ...]}`, marks in code points.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Passage", 2)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("marks", &self.char_ranges())?;
        st.end()
    }
}

impl Passage {
    /// The marks as code-point ranges, for exports.
    pub fn char_ranges(&self) -> Vec<[usize; 2]> {
        self.marks
            .iter()
            .map(|r| {
                [
                    crate::article::byte_to_char(&self.text, r.start),
                    crate::article::byte_to_char(&self.text, r.end),
                ]
            })
            .collect()
    }
}

/// Longest passage kept on each side of the span, in characters.
const SIDE: usize = 120;

fn ends_sentence(text: &str, at: usize) -> bool {
    // `at` is the byte index just past a `.`, `!`, `?` or `…`
    text[at..].chars().next().is_none_or(char::is_whitespace)
}

/// The sentence holding `span` in `text` (a line break or `. ! ? …` and a
/// space end one), at most about [`SIDE`] characters each side of the span,
/// with `…` where it was cut.
pub fn sentence_around(text: &str, span: Span) -> Passage {
    let span = Span::new(span.start.min(text.len()), span.end.min(text.len()));
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Passage {
            text: String::new(),
            marks: Vec::new(),
        };
    }
    let mut start = 0;
    for (i, c) in text[..span.start].char_indices().rev() {
        let after = i + c.len_utf8();
        if c == '\n' || (matches!(c, '.' | '!' | '?' | '…') && ends_sentence(text, after)) {
            start = after;
            break;
        }
    }
    let mut end = text.len();
    for (i, c) in text[span.end..].char_indices() {
        let at = span.end + i;
        if c == '\n' {
            end = at;
            break;
        }
        if matches!(c, '.' | '!' | '?' | '…') && ends_sentence(text, at + c.len_utf8()) {
            end = at + c.len_utf8();
            break;
        }
    }
    let (mut cut_start, mut cut_end) = (false, false);
    let before = &text[start..span.start];
    if before.chars().count() > SIDE {
        let skip = before.chars().count() - SIDE;
        let b = before.char_indices().nth(skip).map_or(0, |(b, _)| b);
        // Cut at a word boundary.
        let b = before[b..].find(' ').map_or(b, |s| b + s + 1);
        start += b;
        cut_start = true;
    }
    let after = &text[span.end..end];
    if after.chars().count() > SIDE {
        let b = after
            .char_indices()
            .nth(SIDE)
            .map_or(after.len(), |(b, _)| b);
        let b = after[..b].rfind(' ').unwrap_or(b);
        end = span.end + b;
        cut_end = true;
    }
    let lead = text[start..span.start].len() - text[start..span.start].trim_start().len();
    start += lead;
    let mut out = String::new();
    if cut_start {
        out.push('…');
    }
    let mark_start = out.len() + (span.start - start);
    out.push_str(text[start..end].trim_end());
    if cut_end {
        out.push('…');
    }
    let mark_end = (mark_start + span.len()).min(out.len());
    Passage {
        text: out,
        marks: std::iter::once(mark_start..mark_end).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around(text: &str, word: &str) -> (String, String) {
        let s = text.find(word).unwrap();
        let p = sentence_around(text, Span::new(s, s + word.len()));
        let marked = p.text[p.marks[0].clone()].to_string();
        (p.text, marked)
    }

    #[test]
    fn the_sentence_of_the_span() {
        let t = "Titre\n\nLe 3 mai, Diop a parlé. Il a dit oui ! Puis à Bamako… fin";
        assert_eq!(
            around(t, "Diop"),
            ("Le 3 mai, Diop a parlé.".into(), "Diop".into())
        );
        assert_eq!(around(t, "dit"), ("Il a dit oui !".into(), "dit".into()));
        assert_eq!(around(t, "Titre"), ("Titre".into(), "Titre".into()));
        assert_eq!(
            around(t, "Bamako"),
            ("Puis à Bamako…".into(), "Bamako".into())
        );
        // A dot inside a number or an abbreviation without space is no end.
        assert_eq!(
            around("Il a 3.5 ans, M.Diop.", "Diop").0,
            "Il a 3.5 ans, M.Diop."
        );
    }

    #[test]
    fn long_sentences_are_cut_at_words() {
        let long = "mot ".repeat(100);
        let t = format!("{long}Сергей {long}.");
        let (p, marked) = around(&t, "Сергей");
        assert_eq!(marked, "Сергей");
        assert!(p.starts_with('…') && p.ends_with('…'), "{p}");
        assert!(p.chars().count() < 2 * SIDE + 20, "{}", p.chars().count());
    }
}
