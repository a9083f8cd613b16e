//! The status bar: focus, article n/N, scroll %, messages and key hints.

use crate::ui::app::{App, InputKind};
use crate::ui::keymap::Action;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let base = app.shared.theme.status;
    buf.set_style(area, base);
    let n = app.shared.articles.len();
    let pos = if n == 0 {
        "0/0".to_string()
    } else {
        format!("{}/{}", app.views.reader.current + 1, n)
    };
    let mut left = vec![
        Span::styled(
            format!(" {} ", app.shared.focus.label().to_uppercase()),
            base.add_modifier(Modifier::BOLD),
        ),
        Span::styled(format!(" {pos} · {}% ", app.scroll_percent()), base),
    ];
    if !app.views.list.filter.is_empty() && app.mode.input().is_none() {
        left.push(Span::styled(
            format!(
                "[filter: {} · {}] ",
                app.views.list.filter,
                app.views.list.filtered.len()
            ),
            base,
        ));
    }
    let km = &app.shared.keymap;
    let message: Vec<Span> = if let Some(input) = app.mode.input() {
        let label = match input.kind {
            InputKind::Filter => "filter: ",
            InputKind::Search => "search: /",
        };
        let count = match (&app.views.reader.marks, input.kind) {
            (Some(m), InputKind::Search) => {
                format!("  ({} found, Enter keeps, Esc cancels)", m.spans.len())
            }
            (None, InputKind::Search) if !input.text.is_empty() => "  (no match)".to_string(),
            _ => "  (Enter keeps, Esc clears)".to_string(),
        };
        vec![
            Span::styled(
                format!("{label}{}▏", input.text),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::styled(count, base),
        ]
    } else if let Some(st) = &app.shared.status {
        let style = if st.error {
            app.shared.theme.error.add_modifier(Modifier::REVERSED)
        } else {
            base
        };
        vec![Span::styled(st.text.clone(), style)]
    } else if app.shared.loading.is_some() {
        vec![Span::styled("loading…", base)]
    } else if n > 0 && !app.is_analysed(app.views.reader.current) {
        vec![Span::styled("analysing…", base)]
    } else {
        vec![]
    };
    left.extend(message);
    let hints = format!(
        " {} focus  {} search  {} report  {} help  {} quit ",
        km.hint(Action::FocusNext),
        km.hint(Action::Search),
        km.hint(Action::ReportError),
        km.hint(Action::Help),
        km.hint(Action::Quit),
    );
    let left = Line::from(left);
    let used = left.width();
    buf.set_line(area.x, area.y, &left, area.width);
    // all the hints when they fit, else just the help key
    let short = format!(" {} help ", km.hint(Action::Help));
    let hints = [hints, short]
        .into_iter()
        .find(|h| used + h.width() < usize::from(area.width));
    if let Some(hints) = hints {
        let hw = hints.width() as u16;
        let x = area.x + area.width - hw;
        buf.set_line(
            x,
            area.y,
            &Line::styled(hints, base.add_modifier(Modifier::DIM)),
            hw,
        );
    }
}
