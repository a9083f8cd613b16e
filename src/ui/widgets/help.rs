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

/// Every line of the help, in order.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let rows = app.keymap.help_rows();
    let kw = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    let mut out: Vec<Line<'static>> = rows
        .into_iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(format!("{k:<kw$}  "), app.theme.headline),
                Span::raw(d),
            ])
        })
        .collect();
    out.push(Line::default());
    out.push(Line::from(vec![
        Span::styled(format!("{:<kw$}  ", "mouse click"), app.theme.headline),
        Span::raw(
            "focus a pane, open an article, follow an actor or date (sidebar or highlighted name)",
        ),
    ]));
    out.push(Line::from(vec![
        Span::styled(format!("{:<kw$}  ", "mouse wheel"), app.theme.headline),
        Span::raw("scroll the pane under the pointer"),
    ]));
    out.push(Line::default());
    out.push(Line::styled("Highlights", app.theme.headline));
    for kind in Kind::ALL {
        let cue = cue_words(app.theme.kind(kind).add_modifier);
        out.push(Line::from(vec![
            Span::styled(
                format!("{:<kw$}", Theme::legend_label(kind)),
                app.theme.kind(kind),
            ),
            Span::raw(format!("  {cue}")),
        ]));
    }
    out.push(Line::from(vec![
        Span::styled(format!("{:<kw$}", "followed"), app.theme.mark),
        Span::raw("  reversed: mentions of the followed actor or date, search matches"),
    ]));
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

pub fn render(app: &App, offset: usize, area: Rect, buf: &mut Buffer) {
    let lines = help_lines(app);
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(2).min(lines.len() as u16 + 2);
    if w < 3 || h < 3 {
        return;
    }
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
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
        .border_style(app.theme.border_focused)
        .title(format!(
            " Keys — {} closes, {}/{} scroll ",
            app.keymap.hint(Action::Help),
            app.keymap.hint(Action::Down),
            app.keymap.hint(Action::Up)
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
