//! The help overlay, generated from the keymap.

use crate::extract::Kind;
use crate::ui::app::App;
use crate::ui::keymap::Action;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// Every line of the help, in order, for an overlay `width` columns wide:
/// keys and description side by side, or one under the other when narrow.
pub fn help_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.shared.theme;
    let mut entries: Vec<(String, String, ratatui::style::Style)> = app
        .shared
        .keymap
        .help_rows()
        .into_iter()
        .map(|(k, d)| (k, d, t.headline))
        .collect();
    for (k, d) in crate::ui::views::form::help_rows(app) {
        entries.push((k, d, t.headline));
    }
    entries.push((String::new(), String::new(), t.headline));
    entries.push((
        "mouse click".into(),
        "focus a pane, open an article, follow an actor or date (sidebar or highlighted name)"
            .into(),
        t.headline,
    ));
    entries.push((
        "mouse wheel".into(),
        "scroll the pane under the pointer".into(),
        t.headline,
    ));
    entries.push((String::new(), String::new(), t.headline));
    for kind in Kind::ALL {
        let cue = cue_words(t.kind(kind).add_modifier);
        entries.push((Theme::legend_label(kind).into(), cue, t.kind(kind)));
    }
    entries.push((
        "followed".into(),
        "reversed: mentions of the followed actor or date, search matches".into(),
        t.mark,
    ));
    entries.push((String::new(), String::new(), t.headline));
    entries.push((
        "✎".into(),
        "in the list: the article has correction notes".into(),
        t.note_mark,
    ));
    entries.push((
        "noted passage".into(),
        "in the text: a passage with a correction note (m lists them)".into(),
        crate::ui::views::notes::marker_style(app),
    ));
    entries.push((
        "fr? en?".into(),
        "in the list: language detected from the text (the source did not say)".into(),
        t.dim,
    ));
    let kw = entries
        .iter()
        .map(|(k, _, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    let side_by_side = usize::from(width) >= kw + 2 + 30;
    let mut out = Vec::new();
    for (k, d, style) in entries {
        if side_by_side {
            out.push(Line::from(vec![
                Span::styled(format!("{k:<kw$}"), style),
                Span::raw(format!("  {d}")),
            ]));
        } else if k.is_empty() {
            out.push(Line::default());
        } else {
            out.push(Line::styled(k, style));
            let w = usize::from(width).saturating_sub(4).max(8);
            for part in textwrap::wrap(&d, w).into_iter().filter(|p| !p.is_empty()) {
                out.push(Line::raw(format!("    {part}")));
            }
        }
    }
    out
}

fn cue_words(m: Modifier) -> String {
    let mut w = Vec::new();
    if m.contains(Modifier::BOLD) {
        w.push("bold");
    }
    if m.contains(Modifier::ITALIC) {
        w.push("italic");
    }
    if m.contains(Modifier::UNDERLINED) {
        w.push("underlined");
    }
    w.join(" ")
}

/// The overlay's rectangle in `area` and its lines.
fn geometry(app: &App, area: Rect) -> Option<(Rect, Vec<Line<'static>>)> {
    let w = area.width.saturating_sub(4).min(100);
    let lines = help_lines(app, w.saturating_sub(2));
    let h = area.height.saturating_sub(2).min(lines.len() as u16 + 2);
    if w < 3 || h < 3 {
        return None;
    }
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Some((rect, lines))
}

/// The largest useful scroll offset of the help on this screen.
pub fn max_offset(app: &App) -> usize {
    geometry(app, app.shared.panes.area)
        .map(|(r, lines)| {
            lines
                .len()
                .saturating_sub(usize::from(r.height.saturating_sub(2)))
        })
        .unwrap_or(0)
}

pub fn render(app: &App, offset: usize, area: Rect, buf: &mut Buffer) {
    let Some((rect, lines)) = geometry(app, area) else {
        return;
    };
    let h = rect.height;
    Clear.render(rect, buf);
    let fits = usize::from(h.saturating_sub(2));
    let more = if lines.len() > fits + offset {
        " ↓ more "
    } else {
        ""
    };
    let block = Block::new()
        .title_bottom(more)
        .borders(Borders::ALL)
        .border_style(app.shared.theme.border_focused)
        .title(format!(
            " Keys · {}/{} scroll · Esc closes ",
            app.shared.keymap.hint(Action::Down),
            app.shared.keymap.hint(Action::Up)
        ));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let max = lines.len().saturating_sub(usize::from(inner.height));
    for (row, line) in lines
        .iter()
        .skip(offset.min(max))
        .take(usize::from(inner.height))
        .enumerate()
    {
        buf.set_line(inner.x, inner.y + row as u16, line, inner.width);
    }
}
