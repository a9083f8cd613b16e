//! The status bar: focus, article n/N, scroll %, messages and key hints.

use crate::ui::app::{App, InputKind};
use crate::ui::i18n::fill;
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
    // under the form, the panes' position says nothing: its keys take the room
    let mut left = if app.mode.form().is_some() {
        Vec::new()
    } else {
        position(app)
    };
    left.extend(message(app));
    let left = Line::from(left);
    let used = left.width();
    // a message cut by a narrow bar ends with "…" (the log has it whole)
    super::set_line_clipped(buf, area.x, area.y, &left, area.width);
    let hints = hints(app)
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

/// The focused pane, the article's number and the scroll position, the filter.
fn position(app: &App) -> Vec<Span<'static>> {
    let base = app.shared.theme.status;
    let w = app.words();
    let pos = counter(app);
    let mut left = vec![
        Span::styled(
            format!(" {} ", app.shared.focus.label(w).to_uppercase()),
            base.add_modifier(Modifier::BOLD),
        ),
        Span::styled(format!(" {pos} · {}% ", app.scroll_percent()), base),
    ];
    let list = &app.views.list;
    if !list.filter.is_empty() && app.mode.input().is_none() {
        let n = list.filtered.len().to_string();
        let badge = fill(w.filter_badge(), &[("filter", &list.filter), ("n", &n)]);
        left.push(Span::styled(badge, base));
    }
    left
}

/// "i/n": the article shown among those the list shows (the filtered list
/// when there is a filter; "–/n" when the filter hides the article shown).
pub fn counter(app: &App) -> String {
    let list = &app.views.list;
    let current = app.views.reader.current;
    if app.shared.articles.is_empty() {
        return "0/0".to_string();
    }
    if list.filter.trim().is_empty() {
        return format!("{}/{}", current + 1, app.shared.articles.len());
    }
    match list.filtered.iter().position(|&i| i == current) {
        Some(p) => format!("{}/{}", p + 1, list.filtered.len()),
        None => format!("–/{}", list.filtered.len()),
    }
}

/// What is being typed, or the status message, or what is still under way.
fn message(app: &App) -> Vec<Span<'static>> {
    let base = app.shared.theme.status;
    let w = app.words();
    if let Some(input) = app.mode.input() {
        let label = match input.kind {
            InputKind::Filter => w.filter_prompt(),
            InputKind::Search => w.search_prompt(),
        };
        let count = match (&app.views.reader.marks, input.kind) {
            (Some(m), InputKind::Search) => {
                fill(w.search_found(), &[("n", &m.spans.len().to_string())])
            }
            (None, InputKind::Search) if !input.text.is_empty() => w.search_none().to_string(),
            (_, InputKind::Filter) if !input.text.trim().is_empty() => {
                let n = app.views.list.filtered.len().to_string();
                let total = app.shared.articles.len().to_string();
                fill(w.filter_count(), &[("n", &n), ("total", &total)])
            }
            _ => w.input_keys().to_string(),
        };
        return vec![
            Span::styled(
                format!("{label}{}▏", input.text),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::styled(count, base),
        ];
    }
    if let Some(st) = &app.shared.status {
        let style = if st.error {
            app.shared.theme.error.add_modifier(Modifier::REVERSED)
        } else {
            base
        };
        return vec![Span::styled(st.text.clone(), style)];
    }
    if app.mode.visual().is_some() {
        return vec![Span::styled(
            crate::ui::views::notes::visual_hint(app),
            base,
        )];
    }
    let n = app.shared.articles.len();
    if app.shared.loading.is_some() {
        vec![Span::styled(w.loading(), base)]
    } else if n > 0 && !app.is_analysed(app.views.reader.current) {
        vec![Span::styled(w.analysing(), base)]
    } else {
        vec![]
    }
}

/// The key hints, longest first: all of them, or just the help key. The
/// form's keys while the form is open; none during a visual selection
/// (its hint is the message).
fn hints(app: &App) -> Vec<String> {
    let km = &app.shared.keymap;
    let w = app.words();
    if let Some(form) = app.mode.form() {
        let (k, l) = (&form.keys, form.labels);
        let short = format!(" {} {} · {} {} ", k.save, l.submit(), k.cancel, l.cancel());
        return vec![format!(" {} ", form.keys_hint()), short];
    }
    if app.mode.visual().is_some() {
        return Vec::new();
    }
    let all = format!(
        " {} {}  {} {}  {} {}  {} {}  {} {} ",
        km.hint(Action::FocusNext),
        w.hint_focus(),
        km.hint(Action::Search),
        w.hint_search(),
        km.hint(Action::ReportError),
        w.hint_report(),
        km.hint(Action::Help),
        w.hint_help(),
        km.hint(Action::Quit),
        w.hint_quit(),
    );
    vec![
        all,
        format!(" {} {} ", km.hint(Action::Help), w.hint_help()),
    ]
}
