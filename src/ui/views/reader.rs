//! The reader view: its state (the article laid out, scroll, marks) and its
//! drawing (entity highlights, marks, a legend).

use crate::article::Article;
use crate::extract::Kind;
use crate::ui::app::App;
use crate::ui::i18n::{Words, fill};
use crate::ui::keymap::Action;
use crate::ui::layout::Pane;
use crate::ui::model::{Derived, SideItem};
use crate::ui::search::Folded;
use crate::ui::text_layout::Doc;
use crate::ui::text_layout::{Highlights, styled_line};
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

/// What the marks in the text come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkSource {
    /// A followed actor or date (a sidebar item).
    Item(SideItem),
    /// A search in the article.
    Search(String),
}

/// Spans marked in the text, one of them current (`n`/`N` move it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marks {
    pub source: MarkSource,
    pub spans: Vec<crate::extract::Span>,
    pub current: usize,
}

/// The reader's own state: the article shown, laid out, and what is marked.
pub struct ReaderView {
    /// Index of the article shown.
    pub current: usize,
    /// The article's text laid out for the pane's width (`doc.text` is
    /// `Article::text()`).
    pub doc: Doc,
    pub scroll: usize,
    pub marks: Option<Marks>,
    /// Highlights and sidebar entries from the article's analysis.
    pub derived: Derived,
    /// The shown article folded for search: (article index, folded text).
    pub search_index: Option<(usize, Folded)>,
    /// An article whose analysis is wanted (becomes `Cmd::Analyse`).
    pub wanted: Option<usize>,
    /// Where the reader was in each article.
    pub positions: crate::ui::positions::Positions,
}

impl ReaderView {
    /// The first line of text on screen (or below it), as a byte range.
    pub fn top_text(&self) -> Option<std::ops::Range<usize>> {
        let lines = &self.doc.lines;
        lines[self.scroll.min(lines.len())..]
            .iter()
            .find_map(|l| l.range().cloned())
    }

    /// The largest scroll offset with `height` lines on screen.
    pub fn max_scroll(&self, height: usize) -> usize {
        self.doc.lines.len().saturating_sub(height)
    }

    /// Scroll so that byte `at` of the text is on screen (a third down when
    /// it was not), with `height` lines on screen.
    pub fn reveal(&mut self, at: usize, height: usize) {
        let line = self.doc.line_of(at);
        if line < self.scroll || line >= self.scroll + height {
            self.scroll = line.saturating_sub(height / 3);
        }
        self.scroll = self.scroll.min(self.max_scroll(height));
    }
}

impl Default for ReaderView {
    fn default() -> Self {
        ReaderView {
            current: 0,
            doc: Doc::build(&Article::default(), 1),
            scroll: 0,
            marks: None,
            derived: Derived::default(),
            search_index: None,
            wanted: None,
            positions: Default::default(),
        }
    }
}

pub fn render(app: &App, pane: Pane, buf: &mut Buffer) {
    let area = app.shared.panes.reader_text.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    if let Some(what) = &app.shared.loading {
        buf.set_line(
            area.x,
            area.y,
            &Line::styled(what.as_str(), app.shared.theme.dim),
            area.width,
        );
        return;
    }
    if app.shared.articles.is_empty() {
        let w = app.words();
        let quit = fill(
            w.reader_quit_hint(),
            &[("key", &app.shared.keymap.hint(Action::Quit))],
        );
        let lines = [w.reader_empty(), "", w.reader_open_hint(), &quit];
        for (i, l) in lines.iter().enumerate().take(usize::from(area.height)) {
            buf.set_line(area.x, area.y + i as u16, &Line::raw(*l), area.width);
        }
        return;
    }
    let (marks, current) = match &app.views.reader.marks {
        Some(m) => (m.spans.as_slice(), Some(m.current)),
        None => (&[][..], None),
    };
    let hl = Highlights {
        mentions: &app.views.reader.derived.mentions,
        marks,
        current,
    };
    let doc = &app.views.reader.doc;
    for row in 0..area.height {
        let i = app.views.reader.scroll + usize::from(row);
        if i >= doc.lines.len() {
            break;
        }
        let line = styled_line(doc, i, &hl, &app.shared.theme);
        buf.set_line(area.x, area.y + row, &line, area.width);
    }
    if let Some(legend) = app.shared.panes.legend {
        let legend = legend.intersection(buf.area);
        let line = match app.article() {
            Some(a) if !crate::ui::model::extraction_supported(&a.in_language) => {
                let w = app.words();
                let lang = [("lang", a.in_language.as_str())];
                let mut notice = fill(w.legend_unsupported(), &lang);
                if notice.chars().count() > usize::from(legend.width) {
                    notice = format!("{} ({})", w.side_unsupported(), a.in_language);
                }
                Line::styled(notice, app.shared.theme.dim)
            }
            _ => legend_line(
                &app.shared.theme,
                app.words(),
                app.views.reader.marks.is_some(),
                legend.width,
            ),
        };
        super::set_line_clipped(buf, legend.x, legend.y, &line, legend.width);
    }
    let max = app.max_scroll();
    if pane.bordered && max > 0 {
        let mut state = ScrollbarState::new(max).position(app.views.reader.scroll.min(max));
        let bar_area = Rect::new(
            pane.outer.x,
            pane.outer.y + 1,
            pane.outer.width,
            pane.outer.height.saturating_sub(2),
        )
        .intersection(buf.area);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(bar_area, buf, &mut state);
    }
}

/// The legend: each kind written in its own style, so the cue is explained
/// by itself. When it does not fit in `width` columns the kinds take short
/// names, then whole entries are left out from the end: a word is never cut.
pub fn legend_line(theme: &Theme, w: Words, marks: bool, width: u16) -> Line<'static> {
    let entries = |short: bool| -> Vec<(&'static str, Style)> {
        let mut e: Vec<(&'static str, Style)> = Kind::ALL
            .iter()
            .map(|&kind| (w.kind(kind, short), theme.kind(kind)))
            .collect();
        if marks {
            e.push((w.legend_followed(), theme.mark));
            e.push((w.legend_current(), theme.mark_current));
        }
        e
    };
    let cols = |e: &[(&str, Style)]| e.iter().map(|(l, _)| l.chars().count() + 1).sum::<usize>();
    let width = usize::from(width);
    let mut e = entries(false);
    if cols(&e) > width + 1 {
        e = entries(true);
    }
    while cols(&e) > width + 1 && !e.is_empty() {
        e.pop();
    }
    let mut spans = Vec::with_capacity(e.len() * 2);
    for (label, style) in e {
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_never_cuts_a_word() {
        let theme = Theme::new(true);
        let full = "person organisation place nationality date ";
        let cases: &[(bool, u16, &str)] = &[
            (false, 80, full),
            (false, 42, full.trim_end()),
            (
                true,
                80,
                "person organisation place nationality date followed current ",
            ),
            // the reader at 80 columns: short names, every entry kept
            (true, 46, "pers. org. place nat. date followed current "),
            (true, 30, "pers. org. place nat. date "),
            (false, 3, ""),
            (true, 0, ""),
        ];
        for &(marks, width, want) in cases {
            let got = legend_line(&theme, Words::default(), marks, width).to_string();
            assert_eq!(
                got.trim_end(),
                want.trim_end(),
                "marks {marks}, width {width}"
            );
            assert!(got.trim_end().chars().count() <= usize::from(width));
        }
    }
}
