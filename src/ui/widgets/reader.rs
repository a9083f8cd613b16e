//! The reader: the laid-out article with entity highlights, marks and a legend.

use crate::extract::Kind;
use crate::ui::app::App;
use crate::ui::layout::Pane;
use crate::ui::text_layout::{Highlights, styled_line};
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

pub fn render(app: &App, pane: Pane, buf: &mut Buffer) {
    let area = app.panes.reader_text.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    if let Some(what) = &app.loading {
        buf.set_line(
            area.x,
            area.y,
            &Line::styled(what.as_str(), app.theme.dim),
            area.width,
        );
        return;
    }
    if app.articles.is_empty() {
        let lines = [
            "No articles to show.",
            "",
            "Open files or folders: lede PATH...",
            "Press q to quit.",
        ];
        for (i, l) in lines.iter().enumerate().take(usize::from(area.height)) {
            buf.set_line(area.x, area.y + i as u16, &Line::raw(*l), area.width);
        }
        return;
    }
    let (marks, current) = match &app.marks {
        Some(m) => (m.spans.as_slice(), Some(m.current)),
        None => (&[][..], None),
    };
    let hl = Highlights {
        mentions: &app.derived.mentions,
        marks,
        current,
    };
    let doc = &app.doc;
    for row in 0..area.height {
        let i = app.scroll + usize::from(row);
        if i >= doc.lines.len() {
            break;
        }
        let line = styled_line(doc, i, &hl, &app.theme);
        buf.set_line(area.x, area.y + row, &line, area.width);
    }
    if let Some(legend) = app.panes.legend {
        let legend = legend.intersection(buf.area);
        buf.set_line(
            legend.x,
            legend.y,
            &legend_line(&app.theme, app.marks.is_some()),
            legend.width,
        );
    }
    let max = app.max_scroll();
    if pane.bordered && max > 0 {
        let mut state = ScrollbarState::new(max).position(app.scroll.min(max));
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

/// The legend: each kind written in its own style, so the cue is explained by itself.
pub fn legend_line(theme: &Theme, marks: bool) -> Line<'static> {
    let mut spans = Vec::new();
    for kind in Kind::ALL {
        spans.push(Span::styled(Theme::legend_label(kind), theme.kind(kind)));
        spans.push(Span::raw(" "));
    }
    if marks {
        spans.push(Span::styled("followed", theme.mark));
        spans.push(Span::raw(" "));
        spans.push(Span::styled("current", theme.mark_current));
    }
    Line::from(spans)
}
