//! The views: each file owns a view's state and draws it from an immutable
//! [`App`](crate::ui::app::App). [`render`] draws them all, overlays last.

pub mod form;
pub mod help;
pub mod list;
pub mod log;
pub mod note_actions;
pub mod notes;
pub mod reader;
pub mod sidebar;
pub mod status_bar;

/// Each view's own state.
pub struct Views {
    pub list: list::ListView,
    pub reader: reader::ReaderView,
    pub sidebar: sidebar::SidebarView,
    /// Correction notes: the saved notes, where they go, their markers.
    pub report: notes::Reporting,
}

use crate::ui::app::App;
use crate::ui::layout::{Focus, Pane};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Widget};

/// Draw one frame. The app's panes must have been laid out for this frame's
/// size (`Msg::Resize`); anything else is clipped, never a panic.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    render(app, frame.buffer_mut());
}

/// Draw into a buffer (what [`draw`] does; benches and tests use it directly).
pub fn render(app: &App, buf: &mut Buffer) {
    let area = buf.area.intersection(app.shared.panes.area);
    if area.is_empty() {
        return;
    }
    if let Some(p) = app.shared.panes.list {
        pane_block(app, p, Focus::List, app.words().pane_list(), buf);
        list::render(app, p.inner.intersection(area), buf);
    }
    if let Some(p) = app.shared.panes.reader {
        pane_block(app, p, Focus::Reader, app.words().pane_reader(), buf);
        reader::render(app, p, buf);
    }
    if let Some(p) = app.shared.panes.sidebar {
        pane_block(app, p, Focus::Sidebar, app.words().pane_sidebar(), buf);
        sidebar::render(app, p.inner.intersection(area), buf);
    }
    if let Some(s) = app.shared.panes.status {
        status_bar::render(app, s.intersection(area), buf);
    }
    if let Some(offset) = app.mode.help() {
        help::render(app, offset, area, buf);
    }
    if let Some(offset) = app.mode.log() {
        log::render(app, offset, area, buf);
    }
    notes::render(app, area, buf);
    if let crate::ui::mode::Mode::Form(f) = &app.mode {
        form::view::render(app, f, area, buf);
    }
}

fn pane_block(app: &App, pane: Pane, focus: Focus, title: &str, buf: &mut Buffer) {
    if !pane.bordered {
        return;
    }
    let focused = app.shared.focus == focus;
    let (style, kind, title) = if focused {
        (
            app.shared.theme.border_focused,
            BorderType::Thick,
            format!("▶ {title} "),
        )
    } else {
        (
            app.shared.theme.border,
            BorderType::Plain,
            format!(" {title} "),
        )
    };
    let outer = pane.outer.intersection(buf.area);
    Block::new()
        .borders(Borders::ALL)
        .border_type(kind)
        .border_style(style)
        .title(title)
        .render(outer, buf);
}

/// The marker style of saved notes: the theme's (a highlighter-pen
/// background; dim without colours, which keeps every entity kind's cue).
pub fn marker_style(theme: &crate::ui::theme::Theme) -> Style {
    theme.note_passage
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
