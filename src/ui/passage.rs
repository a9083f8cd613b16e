//! Which passage a note is about: the sentence around a position, a followed
//! mention, a selection widened to whole words, the text under a mouse cell.
//! Pure functions of the text (and of the laid-out reader for the mouse).

use crate::ui::app::App;
use crate::ui::msg::ReportTarget;
use std::ops::Range;

/// The sentence around byte `at` of `text`: from after the previous sentence
/// end (`.`, `!`, `?`, `…` followed by a space) or paragraph break, to the next.
pub fn sentence_at(text: &str, at: usize) -> Range<usize> {
    let at = at.min(text.len());
    let mut at = at;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let is_end = |prev: char, next: Option<char>| {
        matches!(prev, '.' | '!' | '?' | '…') && next.is_none_or(char::is_whitespace)
    };
    // start: after the last sentence end or newline before `at`
    let mut start = 0;
    let before = &text[..at];
    let mut prev: Option<(usize, char)> = None;
    for (i, c) in before.char_indices() {
        if c == '\n' {
            start = i + 1;
        } else if let Some((_, p)) = prev
            && c.is_whitespace()
            && is_end(p, Some(c))
        {
            start = i;
        }
        prev = Some((i, c));
    }
    // end: the next sentence end (inclusive) or newline at or after `at`
    let mut end = text.len();
    let mut it = text[at..].char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '\n' {
            end = at + i;
            break;
        }
        let next = it.peek().map(|(_, n)| *n);
        if is_end(c, next) && at + i >= start {
            end = at + i + c.len_utf8();
            break;
        }
    }
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let (a, b) = (start + lead, end - trail);
    if a < b { a..b } else { start..end }
}

/// A passage for the form: the target's span as given when a mention or
/// match is followed, else the sentence around it; never empty when the
/// text has any words.
pub fn passage(text: &str, target: &ReportTarget, followed: bool) -> Option<Range<usize>> {
    let span = target.span.map(|s| s.start..s.end);
    let ok = |r: &Range<usize>| {
        r.start < r.end && text.get(r.clone()).is_some_and(|s| !s.trim().is_empty())
    };
    if followed && let Some(r) = span.clone().filter(ok) {
        return Some(r);
    }
    let at = span.map(|r| r.start).unwrap_or(0);
    let r = sentence_at(text, at);
    if ok(&r) {
        return Some(r);
    }
    let first = text.find(|c: char| !c.is_whitespace())?;
    let r = sentence_at(text, first);
    ok(&r).then_some(r)
}

/// The selection from `a` to `b` widened to whole words.
pub fn visual_span(text: &str, a: usize, b: usize) -> Range<usize> {
    let (lo, hi) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
    let is_word = |c: char| !c.is_whitespace();
    let mut start = lo;
    while start > 0 {
        let Some(c) = text[..start].chars().next_back() else {
            break;
        };
        if !is_word(c) {
            break;
        }
        start -= c.len_utf8();
    }
    let mut end = hi.max(start);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    for c in text[end..].chars() {
        if !is_word(c) {
            break;
        }
        end += c.len_utf8();
    }
    start..end
}

/// The byte of the reader's text under the cell (x, y), if text is shown there.
pub fn byte_at_cell(app: &App, x: u16, y: u16) -> Option<usize> {
    let rt = app.shared.panes.reader_text;
    if app.shared.panes.reader.is_none() || !rt.contains((x, y).into()) {
        return None;
    }
    let line = app.views.reader.scroll + usize::from(y - rt.y);
    let r = app.views.reader.doc.lines.get(line)?.range()?.clone();
    let col = usize::from(x - rt.x);
    let mut w = 0;
    for (i, c) in app.views.reader.doc.text.get(r.clone())?.char_indices() {
        w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w > col {
            return Some(r.start + i);
        }
    }
    Some(r.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str, r: Range<usize>) -> &str {
        &text[r]
    }

    #[test]
    fn sentence_at_finds_the_sentence_around_a_position() {
        let text = "Titre du jour\n\nPremière phrase. Deuxième, avec M. Durand ? Oui… Fin";
        let cases: &[(&str, &str)] = &[
            ("Titre", "Titre du jour"),
            ("Première", "Première phrase."),
            ("phrase", "Première phrase."),
            ("Deuxième", "Deuxième, avec M."),
            ("Oui", "Oui…"),
            ("Fin", "Fin"),
        ];
        for (at, want) in cases {
            let i = text.find(at).unwrap();
            assert_eq!(quoted(text, sentence_at(text, i)), *want, "at {at}");
        }
        // out of range and mid-character positions are clamped, never a panic
        assert_eq!(quoted(text, sentence_at(text, 10_000)), "Fin");
        let e = text.find('è').unwrap() + 1;
        assert_eq!(quoted(text, sentence_at(text, e)), "Première phrase.");
    }

    #[test]
    fn visual_span_widens_to_words_in_any_script() {
        let text = "Ольга Петрова a vu Zoe\u{301} Martin à 京都.";
        let a = text.find("льга").unwrap();
        let b = text.find("Петрова").unwrap() + 2;
        assert_eq!(quoted(text, visual_span(text, a, b)), "Ольга Петрова");
        let z = text.find("Zoe").unwrap() + 1;
        assert_eq!(quoted(text, visual_span(text, z, z)), "Zoe\u{301}");
        // reversed ends and ends past the text
        assert_eq!(quoted(text, visual_span(text, b, a)), "Ольга Петрова");
        let end = visual_span(text, text.len() + 5, text.len() + 9);
        assert!(end.end <= text.len());
    }

    #[test]
    fn passage_prefers_the_followed_mention_then_the_sentence() {
        let text = "Un titre\n\nLa maire a parlé. Le conseil a voté.";
        let at = text.find("conseil").unwrap();
        let target = |s: Option<(usize, usize)>| ReportTarget {
            article: 0,
            span: s.map(|(a, b)| crate::extract::Span::new(a, b)),
        };
        let t = target(Some((at, at + "conseil".len())));
        assert_eq!(quoted(text, passage(text, &t, true).unwrap()), "conseil");
        assert_eq!(
            quoted(text, passage(text, &t, false).unwrap()),
            "Le conseil a voté."
        );
        assert_eq!(
            quoted(text, passage(text, &target(None), false).unwrap()),
            "Un titre"
        );
        assert_eq!(passage("   ", &target(None), false), None);
    }
}
