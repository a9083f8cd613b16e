//! The help overlay, generated from the keymap.

use crate::extract::Kind;
use crate::ui::app::App;
use crate::ui::i18n::fill;
use crate::ui::keymap::Action;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

type Entry = (String, String, Style);

/// Every entry of the help: the keymap's bindings, the form's and the notes
/// list's, the mouse, then what the styles and marks mean.
fn entries(app: &App) -> Vec<Entry> {
    let t = &app.shared.theme;
    let w = app.words();
    let blank = || (String::new(), String::new(), t.headline);
    let mut entries: Vec<Entry> = app
        .shared
        .keymap
        .help_rows(w)
        .into_iter()
        .chain(app.shared.keymap.context_help_rows(w))
        .map(|(k, d)| (k, d, t.headline))
        .collect();
    entries.push(blank());
    entries.push((w.help_click_key().into(), w.help_click().into(), t.headline));
    entries.push((w.help_wheel_key().into(), w.help_wheel().into(), t.headline));
    entries.push(blank());
    for kind in Kind::ALL {
        let cue = cue_words(t.kind(kind).add_modifier);
        let label = w.kind(kind, false);
        entries.push((label.into(), cue, t.kind(kind)));
    }
    entries.push((w.legend_followed().into(), w.help_followed().into(), t.mark));
    entries.push(blank());
    entries.push(("✎".into(), w.help_noted_list().into(), t.note_mark));
    let list_key = app.shared.keymap.hint(Action::NotesList);
    entries.push((
        w.help_noted_key().into(),
        fill(w.help_noted_text(), &[("key", &list_key)]),
        super::marker_style(&app.shared.theme),
    ));
    entries.push(("fr? en?".into(), w.help_lang().into(), t.dim));
    entries
}

/// Every line of the help, in order, for an overlay `width` columns wide:
/// keys and description side by side (a long description wraps at word
/// boundaries, its next lines under the description column), or one under
/// the other when narrow.
pub fn help_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let entries = entries(app);
    let kw = entries
        .iter()
        .map(|(k, _, _)| k.width())
        .max()
        .unwrap_or(0)
        .min(24);
    let side_by_side = usize::from(width) >= kw + 2 + 30;
    let mut out = Vec::new();
    for (k, d, style) in entries {
        if side_by_side {
            side_by_side_lines(&mut out, (&k, &d, style), kw, usize::from(width));
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

/// One entry with its key in a column `kw` wide and its description
/// wrapped to the rest of `width`; a key wider than the column gets a line
/// of its own.
fn side_by_side_lines(
    out: &mut Vec<Line<'static>>,
    entry: (&str, &str, Style),
    kw: usize,
    width: usize,
) {
    let (k, d, style) = entry;
    let indent = " ".repeat(kw + 2);
    let parts: Vec<String> = textwrap::wrap(d, width.saturating_sub(kw + 2).max(8))
        .into_iter()
        .map(|p| p.into_owned())
        .collect();
    let mut parts = parts.into_iter();
    if k.width() > kw {
        out.push(Line::styled(k.to_string(), style));
    } else {
        let pad = " ".repeat(kw - k.width());
        let first = parts.next().unwrap_or_default();
        out.push(Line::from(vec![
            Span::styled(format!("{k}{pad}"), style),
            Span::raw(format!("  {first}")),
        ]));
    }
    out.extend(parts.map(|p| Line::raw(format!("{indent}{p}"))));
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
    let w = app.words();
    let more = if lines.len() > fits + offset {
        w.help_more()
    } else {
        ""
    };
    let km = &app.shared.keymap;
    let title = fill(
        w.help_title(),
        &[
            ("down", &km.hint(Action::Down)),
            ("up", &km.hint(Action::Up)),
            ("close", &w.key(km.hint(Action::Clear))),
        ],
    );
    let block = Block::new()
        .title_bottom(more)
        .borders(Borders::ALL)
        .border_style(app.shared.theme.border_focused)
        .title(title);
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
