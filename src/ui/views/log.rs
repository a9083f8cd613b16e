//! The message log overlay: every loading problem and every error the
//! status bar has shown, oldest first, wrapped to the overlay's width.

use crate::ui::app::App;
use crate::ui::i18n::fill;
use crate::ui::keymap::Action;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// The log's lines for an overlay `width` columns wide: each message
/// wrapped, its continuation lines indented.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let w = usize::from(width).max(8);
    if app.shared.log.is_empty() {
        return vec![Line::styled(app.words().log_empty(), app.shared.theme.dim)];
    }
    let mut out = Vec::new();
    for msg in &app.shared.log {
        let opts = textwrap::Options::new(w).subsequent_indent("  ");
        for part in textwrap::wrap(msg, opts) {
            out.push(Line::raw(part.into_owned()));
        }
    }
    out
}

/// The overlay's rectangle in `area` and its lines.
fn geometry(app: &App, area: Rect) -> Option<(Rect, Vec<Line<'static>>)> {
    let w = area.width.saturating_sub(4).min(100);
    let lines = lines(app, w.saturating_sub(2));
    let h = area.height.saturating_sub(2).min(lines.len() as u16 + 2);
    if w < 3 || h < 3 {
        return None;
    }
    let x = area.x + (area.width - w) / 2;
    let y = area.y + (area.height - h) / 2;
    Some((Rect::new(x, y, w, h), lines))
}

/// The largest useful scroll offset of the log on this screen.
pub fn max_offset(app: &App) -> usize {
    geometry(app, app.shared.panes.area)
        .map(|(r, l)| l.len().saturating_sub(usize::from(r.height - 2)))
        .unwrap_or(0)
}

pub fn render(app: &App, offset: usize, area: Rect, buf: &mut Buffer) {
    let Some((rect, lines)) = geometry(app, area) else {
        return;
    };
    Clear.render(rect, buf);
    let w = app.words();
    let km = &app.shared.keymap;
    let title = fill(
        w.log_title(),
        &[
            ("down", &km.hint(Action::Down)),
            ("up", &km.hint(Action::Up)),
            ("close", &w.key(km.hint(Action::Clear))),
        ],
    );
    let fits = usize::from(rect.height - 2);
    let more = if lines.len() > fits + offset {
        w.help_more()
    } else {
        ""
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.shared.theme.border_focused)
        .title(title)
        .title_bottom(more);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let max = lines.len().saturating_sub(fits);
    for (row, line) in lines.iter().skip(offset.min(max)).take(fits).enumerate() {
        buf.set_line(inner.x, inner.y + row as u16, line, inner.width);
    }
}
