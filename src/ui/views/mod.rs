//! Drawing: each widget only reads the [`App`](crate::ui::app::App).

pub mod article_list;
pub mod help;
pub mod reader;
pub mod sidebar;
pub mod status_bar;

use crate::ui::app::App;
use crate::ui::layout::{Focus, Pane};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Widget};

/// Draw one frame. The app's panes must have been laid out for this frame's
/// size (`Msg::Resize`); anything else is clipped, never a panic.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    render(app, frame.buffer_mut());
}

/// Draw into a buffer (what [`draw`] does; benches and tests use it directly).
pub fn render(app: &App, buf: &mut Buffer) {
    let area = buf.area.intersection(app.panes.area);
    if area.is_empty() {
        return;
    }
    if let Some(p) = app.panes.list {
        pane_block(app, p, Focus::List, "Articles", buf);
        article_list::render(app, p.inner.intersection(area), buf);
    }
    if let Some(p) = app.panes.reader {
        pane_block(app, p, Focus::Reader, "Reader", buf);
        reader::render(app, p, buf);
    }
    if let Some(p) = app.panes.sidebar {
        pane_block(app, p, Focus::Sidebar, "Actors & dates", buf);
        sidebar::render(app, p.inner.intersection(area), buf);
    }
    if let Some(s) = app.panes.status {
        status_bar::render(app, s.intersection(area), buf);
    }
    if let Some(offset) = app.mode.help() {
        help::render(app, offset, area, buf);
    }
    crate::ui::notes_view::render(app, area, buf);
}

fn pane_block(app: &App, pane: Pane, focus: Focus, title: &str, buf: &mut Buffer) {
    if !pane.bordered {
        return;
    }
    let focused = app.focus == focus;
    let (style, kind, title) = if focused {
        (
            app.theme.border_focused,
            BorderType::Thick,
            format!("▶ {title} "),
        )
    } else {
        (app.theme.border, BorderType::Plain, format!(" {title} "))
    };
    let outer = pane.outer.intersection(buf.area);
    Block::new()
        .borders(Borders::ALL)
        .border_type(kind)
        .border_style(style)
        .title(title)
        .render(outer, buf);
}

/// Draw a line clipped to `width`, ending with "…" when it does not fit.
pub fn set_line_clipped(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, width: u16) {
    buf.set_line(x, y, line, width);
    if width > 1 && line.width() > usize::from(width) {
        let at = (x + width - 1, y);
        if buf.area.contains(at.into()) {
            let style = buf[at].style();
            buf.set_string(at.0, at.1, "…", style);
        }
    }
}
