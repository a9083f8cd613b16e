//! The article laid out for a pane width: every body line is a byte range
//! into [`Article::text`], so highlights (byte spans) land exactly on their
//! words whatever the wrapping, accents, combining marks or wide characters.
//! Pure and terminal-free apart from producing ratatui `Line`s.

use crate::article::Article;
use crate::extract::{Kind, Span};
use crate::ui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use std::ops::Range;
use textwrap::WordSeparator;
use textwrap::core::{Fragment, Word, break_words};
use textwrap::wrap_algorithms::wrap_first_fit;

/// What a laid-out line shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocLine {
    /// Part of the headline (block 0 of the text).
    Headline(Range<usize>),
    /// Byline, editor, date, publisher: not part of the analysed text.
    Meta(String),
    /// Part of a body paragraph.
    Body(Range<usize>),
    Blank,
}

impl DocLine {
    /// The byte range in the text, for lines that show text.
    pub fn range(&self) -> Option<&Range<usize>> {
        match self {
            DocLine::Headline(r) | DocLine::Body(r) => Some(r),
            _ => None,
        }
    }
}

/// An article laid out for one width.
#[derive(Debug, Clone)]
pub struct Doc {
    pub text: String,
    pub width: u16,
    pub lines: Vec<DocLine>,
    /// (start byte, line index) of every text line, in order.
    starts: Vec<(usize, usize)>,
}

/// Wrap `text[range]` (one paragraph, no newlines) to `width` columns. Returns
/// the byte range (into `text`) of each line, without the spaces between lines.
pub fn wrap_range(text: &str, range: Range<usize>, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let Some(para) = text.get(range.clone()) else {
        return Vec::new();
    };
    let base = range.start;
    let words: Vec<Word<'_>> = WordSeparator::AsciiSpace.find_words(para).collect();
    let words = break_words(words, width);
    let offset_of = |s: &str| s.as_ptr() as usize - para.as_ptr() as usize;
    let mut out = Vec::new();
    for line in wrap_first_fit(&words, &[width as f64]) {
        let (Some(first), Some(last)) = (line.first(), line.last()) else {
            continue;
        };
        let start = offset_of(first.word);
        let end = offset_of(last.word) + last.word.len();
        if end > start || line.iter().any(|w| w.width() > 0.0) {
            out.push(base + start..base + end);
        }
    }
    out
}

fn meta_lines(article: &Article) -> Vec<String> {
    let fr = article.in_language.starts_with("fr");
    let mut out = Vec::new();
    if !article.authors.is_empty() {
        let by = if fr { "Par" } else { "By" };
        out.push(format!("{by} {}", article.authors.join(", ")));
    }
    if !article.editors.is_empty() {
        let by = if fr { "Édité par :" } else { "Edited by" };
        out.push(format!("{by} {}", article.editors.join(", ")));
    }
    let mut line = Vec::new();
    if let Some(d) = &article.date_published {
        line.push(crate::ui::pubdate::local(d, fr));
    }
    if let Some(p) = &article.publisher {
        line.push(p.clone());
    }
    if !line.is_empty() {
        out.push(line.join(" · "));
    }
    out
}

impl Doc {
    pub fn build(article: &Article, width: u16) -> Doc {
        let text = article.text();
        let w = usize::from(width.max(1));
        let blocks = article.blocks();
        let mut lines = Vec::new();
        let push_text = |lines: &mut Vec<DocLine>, r: Range<usize>, head: bool| {
            for l in wrap_range(&text, r, w) {
                lines.push(if head {
                    DocLine::Headline(l)
                } else {
                    DocLine::Body(l)
                });
            }
        };
        let mut blocks = blocks.into_iter();
        if let Some(h) = blocks.next() {
            push_text(&mut lines, h, true);
        }
        for m in meta_lines(article) {
            for l in textwrap::wrap(&m, w) {
                lines.push(DocLine::Meta(l.into_owned()));
            }
        }
        for b in blocks {
            lines.push(DocLine::Blank);
            push_text(&mut lines, b, false);
        }
        let starts = lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| l.range().map(|r| (r.start, i)))
            .collect();
        Doc {
            text,
            width,
            lines,
            starts,
        }
    }

    /// The line showing the byte `at` (the last text line starting at or before it).
    pub fn line_of(&self, at: usize) -> usize {
        let i = self.starts.partition_point(|(s, _)| *s <= at);
        match i.checked_sub(1) {
            Some(i) => self.starts[i].1,
            None => self.starts.first().map(|s| s.1).unwrap_or(0),
        }
    }

    /// The byte of the text shown at column `col` of line `line` (None on
    /// blank and meta lines and past the end of the line).
    pub fn byte_at(&self, line: usize, col: u16) -> Option<usize> {
        use unicode_segmentation::UnicodeSegmentation;
        use unicode_width::UnicodeWidthStr;
        let range = self.lines.get(line)?.range()?;
        let mut x = 0usize;
        for (i, g) in self.text.get(range.clone())?.grapheme_indices(true) {
            let w = g.width().max(1);
            if usize::from(col) < x + w {
                return Some(range.start + i);
            }
            x += w;
        }
        None
    }

    /// The byte where line `line` starts (or the nearest text line after it).
    pub fn byte_at_line(&self, line: usize) -> usize {
        let i = self.starts.partition_point(|(_, l)| *l < line);
        self.starts
            .get(i)
            .or(self.starts.last())
            .map(|s| s.0)
            .unwrap_or(0)
    }
}

/// What to paint on the text: entity highlights by kind (sorted, non-overlapping)
/// and marks (followed mentions or search matches, sorted) with the current one.
#[derive(Debug, Clone, Default)]
pub struct Highlights<'a> {
    pub mentions: &'a [(Span, Kind)],
    pub marks: &'a [Span],
    pub current: Option<usize>,
}

fn find_covering<T>(items: &[T], at: usize, span: impl Fn(&T) -> Span) -> Option<usize> {
    let i = items.partition_point(|x| span(x).end <= at);
    items.get(i).filter(|x| span(x).start <= at).map(|_| i)
}

/// One laid-out line as styled ratatui text.
pub fn styled_line<'t>(doc: &'t Doc, line: usize, hl: &Highlights<'_>, theme: &Theme) -> Line<'t> {
    match doc.lines.get(line) {
        None | Some(DocLine::Blank) => Line::default(),
        Some(DocLine::Meta(s)) => Line::styled(s.as_str(), theme.meta),
        Some(DocLine::Headline(r)) => styled_range(&doc.text, r.clone(), hl, theme, theme.headline),
        Some(DocLine::Body(r)) => styled_range(&doc.text, r.clone(), hl, theme, Style::new()),
    }
}

fn styled_range<'t>(
    text: &'t str,
    range: Range<usize>,
    hl: &Highlights<'_>,
    theme: &Theme,
    base: Style,
) -> Line<'t> {
    let mut cuts = vec![range.start, range.end];
    let inside = |p: usize| p > range.start && p < range.end;
    let first_m = hl.mentions.partition_point(|(s, _)| s.end <= range.start);
    for (s, _) in hl.mentions[first_m..]
        .iter()
        .take_while(|(s, _)| s.start < range.end)
    {
        cuts.extend([s.start, s.end].into_iter().filter(|p| inside(*p)));
    }
    let first_k = hl.marks.partition_point(|s| s.end <= range.start);
    for s in hl.marks[first_k..]
        .iter()
        .take_while(|s| s.start < range.end)
    {
        cuts.extend([s.start, s.end].into_iter().filter(|p| inside(*p)));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (Some(piece), true) = (text.get(a..b), a < b) else {
            continue;
        };
        let mut style = base;
        if let Some(i) = find_covering(hl.mentions, a, |(s, _)| *s) {
            style = style.patch(theme.kind(hl.mentions[i].1));
        }
        if let Some(i) = find_covering(hl.marks, a, |s| *s) {
            style = style.patch(if hl.current == Some(i) {
                theme.mark_current
            } else {
                theme.mark
            });
        }
        if piece.contains('\t') {
            spans.push(TextSpan::styled(piece.replace('\t', " "), style));
        } else {
            spans.push(TextSpan::styled(piece, style));
        }
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap_range(text, 0..text.len(), width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn wraps_by_display_width() {
        let cases: &[(&str, usize, &[&str])] = &[
            ("un deux trois", 7, &["un deux", "trois"]),
            ("Сергей Лавров сказал", 13, &["Сергей Лавров", "сказал"]),
            // e + combining acute counts as one column
            (
                "cafe\u{301} cafe\u{301} cafe\u{301}",
                10,
                &["cafe\u{301} cafe\u{301}", "cafe\u{301}"],
            ),
            // wide CJK: two columns each, a long run is broken
            ("東京都庁舎 x", 4, &["東京", "都庁", "舎 x"]),
            (
                "anticonstitutionnellement",
                10,
                &["anticonsti", "tutionnell", "ement"],
            ),
            ("", 10, &[]),
            ("a", 0, &["a"]),
        ];
        for (text, width, want) in cases {
            let got = lines(text, *width);
            assert_eq!(&got, want, "{text:?} at {width}");
            for l in &got {
                assert!(l.width() <= (*width).max(2), "{l:?} wider than {width}");
            }
        }
    }

    #[test]
    fn combining_mark_stays_with_its_letter_when_a_word_breaks() {
        let text = "e\u{301}e\u{301}e\u{301}e\u{301}";
        let got = lines(text, 2);
        assert_eq!(got, ["e\u{301}e\u{301}", "e\u{301}e\u{301}"]);
    }

    #[test]
    fn byte_at_maps_columns_through_wide_and_combining_characters() {
        let a = Article {
            headline: "T".into(),
            paragraphs: vec!["京都 Zoe\u{301} x".into()],
            ..Default::default()
        }
        .finish();
        let doc = Doc::build(&a, 40);
        let text = a.text();
        let line = doc.line_of(text.find('京').unwrap());
        let at = |col| doc.byte_at(line, col).map(|b| &text[b..]);
        assert!(at(0).unwrap().starts_with('京'));
        assert!(at(1).unwrap().starts_with('京'));
        assert!(at(2).unwrap().starts_with('都'));
        assert!(at(5).unwrap().starts_with("Zoe"));
        assert!(at(7).unwrap().starts_with("e\u{301}"));
        assert!(at(9).unwrap().starts_with('x'));
        assert_eq!(at(10), None);
        assert_eq!(doc.byte_at(1, 0), None, "blank line");
    }

    #[test]
    fn line_of_finds_wrapped_lines() {
        let a = Article {
            headline: "Titre court".into(),
            paragraphs: vec!["un deux trois quatre".into(), "cinq".into()],
            ..Default::default()
        }
        .finish();
        let doc = Doc::build(&a, 8);
        let text = a.text();
        let at = text.find("quatre").unwrap();
        let l = doc.line_of(at);
        let r = doc.lines[l].range().unwrap();
        assert!(r.start <= at && at < r.end);
        assert_eq!(doc.line_of(text.find("cinq").unwrap()), doc.lines.len() - 1);
        assert_eq!(
            doc.byte_at_line(doc.lines.len() - 1),
            text.find("cinq").unwrap()
        );
    }
}
