//! Drawing the form as an overlay, and its mouse hits. The layout is a pure
//! function of the area and the form, so clicks land where things are drawn.

use super::state::{Form, FormAction, FormField};
use crate::notes::{Category, Severity};
use crate::ui::app::App;
use crate::ui::msg::MouseInput;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// What one row (or block of rows) of the form shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Prompt,
    Promise,
    Passage,
    Field(FormField),
    Error(FormField),
    Destination,
    SaveError,
    SaveAs,
    Buttons,
    Hint,
}

/// Where everything is, for drawing and for the mouse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormLayout {
    pub outer: Rect,
    pub inner: Rect,
    pub label_w: u16,
    pub rows: Vec<(Row, Rect)>,
    pub submit: Rect,
    pub cancel: Rect,
}

impl FormLayout {
    pub fn row(&self, row: Row) -> Option<Rect> {
        self.rows.iter().find(|(r, _)| *r == row).map(|(_, a)| *a)
    }
}

fn label_of(form: &Form, f: FormField) -> &'static str {
    let l = form.labels;
    match f {
        FormField::Comment => l.comment,
        FormField::Category => l.category,
        FormField::Severity => l.severity,
        FormField::Suggestion => l.suggestion,
        FormField::Name => l.name,
        FormField::Email => l.email,
        FormField::Consent => "",
        FormField::Submit => l.submit,
        FormField::Cancel => l.cancel,
    }
}

/// Lines of `s` wrapped to `width`, at most `max` of them (the last ends with
/// "…" when cut).
fn wrap_max(s: &str, width: u16, max: usize) -> Vec<String> {
    let w = usize::from(width.max(1));
    let mut lines: Vec<String> = textwrap::wrap(s, w)
        .into_iter()
        .map(|c| c.into_owned())
        .collect();
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            while last.width() + 1 > w && last.pop().is_some() {}
            last.push('…');
        }
    }
    lines
}

fn passage_text(form: &Form) -> String {
    let q: String = form
        .quote
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if form.labels.is_fr() {
        format!("« {q} »")
    } else {
        format!("“{q}”")
    }
}

fn destination_text(form: &Form) -> String {
    let l = form.labels;
    match &form.endpoint {
        Some(e) => format!("→ {} {e}", l.sends_to),
        None => {
            let p = form
                .notes_path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            format!("→ {} {p}", l.no_endpoint)
        }
    }
}

/// The form's layout in `area` (the whole screen).
pub fn layout(form: &Form, area: Rect) -> FormLayout {
    let width = area.width.saturating_sub(4).clamp(area.width.min(30), 100);
    let height = area.height.saturating_sub(2).max(area.height.min(6));
    let outer = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height.saturating_sub(1) - height.min(area.height.saturating_sub(1))) / 2,
        width,
        height.min(area.height),
    );
    let inner = Rect::new(
        outer.x + 2,
        outer.y + 1,
        outer.width.saturating_sub(4),
        outer.height.saturating_sub(2),
    );
    let label_w = FormField::ORDER
        .iter()
        .map(|f| label_of(form, *f).width())
        .chain([
            form.labels.passage.width(),
            form.labels.save_elsewhere.width(),
        ])
        .max()
        .unwrap_or(10) as u16
        + 2;
    let label_w = label_w.min(inner.width * 2 / 5);
    let value_w = inner.width.saturating_sub(label_w);

    // (row, wanted height, minimum height)
    let mut want: Vec<(Row, u16, u16)> = Vec::new();
    if let Some(p) = &form.prompt {
        want.push((Row::Prompt, wrap_max(p, inner.width, 2).len() as u16, 0));
    }
    if let Some(p) = &form.promise {
        want.push((Row::Promise, wrap_max(p, inner.width, 2).len() as u16, 0));
    }
    want.push((
        Row::Passage,
        wrap_max(&passage_text(form), value_w, 3).len() as u16,
        1,
    ));
    for f in FormField::ORDER {
        if matches!(f, FormField::Submit | FormField::Cancel) {
            continue;
        }
        let h = if f == FormField::Comment { 12 } else { 1 };
        want.push((Row::Field(f), h, 1));
        if form.error_for(f).is_some() {
            want.push((Row::Error(f), 1, 1));
        }
    }
    want.push((
        Row::Destination,
        wrap_max(&destination_text(form), inner.width, 2).len() as u16,
        1,
    ));
    if let Some(e) = &form.save_error {
        want.push((Row::SaveError, wrap_max(e, inner.width, 3).len() as u16, 1));
    }
    if form.save_as.is_some() {
        want.push((Row::SaveAs, 1, 1));
    }
    want.push((Row::Buttons, 1, 1));
    want.push((Row::Hint, 1, 0));

    // Fit: shrink the comment to 3, then drop optional rows, then shrink the comment to 1.
    let total = |w: &[(Row, u16, u16)]| w.iter().map(|r| r.1).sum::<u16>();
    let fits = |w: &[(Row, u16, u16)]| total(w) <= inner.height;
    let comment = want
        .iter()
        .position(|r| r.0 == Row::Field(FormField::Comment))
        .unwrap_or(0);
    while !fits(&want) && want[comment].1 > 3 {
        want[comment].1 -= 1;
    }
    for drop in [Row::Hint, Row::Promise, Row::Prompt] {
        if !fits(&want) {
            want.retain(|r| r.0 != drop);
        }
    }
    let comment = want
        .iter()
        .position(|r| r.0 == Row::Field(FormField::Comment))
        .unwrap_or(0);
    while !fits(&want) && want[comment].1 > 1 {
        want[comment].1 -= 1;
    }
    // Still too tall: one line for the passage and the messages, then drop
    // the optional fields (never the focused one, never an error).
    for row in [Row::Passage, Row::Destination, Row::SaveError] {
        if !fits(&want)
            && let Some(r) = want.iter_mut().find(|r| r.0 == row)
        {
            r.1 = r.1.min(1);
        }
    }
    let keep = |r: Row| r == Row::Field(form.focus);
    for drop in [
        Row::Field(FormField::Name),
        Row::Field(FormField::Email),
        Row::Field(FormField::Consent),
        Row::Field(FormField::Suggestion),
        Row::Destination,
        Row::Field(FormField::Severity),
        Row::Field(FormField::Category),
        Row::Passage,
    ] {
        if !fits(&want) && !keep(drop) {
            want.retain(|r| r.0 != drop);
        }
    }
    let comment = want
        .iter()
        .position(|r| r.0 == Row::Field(FormField::Comment))
        .unwrap_or(0);
    if want.iter().any(|r| r.0 == Row::Hint) && total(&want) < inner.height {
        // the comment takes the room left
        let spare = inner.height - total(&want);
        want[comment].1 = want[comment].1.max(3) + spare.min(12 - want[comment].1.min(12));
        while !fits(&want) && want[comment].1 > 1 {
            want[comment].1 -= 1;
        }
    }

    // The box is as tall as what it shows, centred in the screen.
    let used = total(&want).min(inner.height);
    let (outer, inner) = if used < inner.height {
        let oh = used + 2;
        let oy = area.y + (area.height.saturating_sub(1).saturating_sub(oh)) / 2;
        (
            Rect::new(outer.x, oy, outer.width, oh),
            Rect::new(inner.x, oy + 1, inner.width, used),
        )
    } else {
        (outer, inner)
    };
    let mut rows = Vec::new();
    let mut y = inner.y;
    for (row, h, _) in want {
        let h = h.min(inner.bottom().saturating_sub(y));
        if h == 0 {
            continue;
        }
        rows.push((row, Rect::new(inner.x, y, inner.width, h)));
        y += h;
    }
    let buttons = rows
        .iter()
        .find(|(r, _)| *r == Row::Buttons)
        .map(|(_, a)| *a)
        .unwrap_or_default();
    let (sub, can) = button_texts(form);
    let submit = Rect::new(
        buttons.x + label_w,
        buttons.y,
        (sub.width() as u16).min(buttons.width.saturating_sub(label_w)),
        buttons.height,
    );
    let cx = submit.right() + 2;
    let cancel = Rect::new(
        cx.min(buttons.right()),
        buttons.y,
        (can.width() as u16).min(buttons.right().saturating_sub(cx)),
        buttons.height,
    );
    FormLayout {
        outer,
        inner,
        label_w,
        rows,
        submit,
        cancel,
    }
}

fn button_texts(form: &Form) -> (String, String) {
    let l = form.labels;
    let esc = if l.is_fr() { "Échap" } else { "Esc" };
    (
        format!("[ {} · Ctrl-S ]", l.submit),
        format!("[ {} · {esc} ]", l.cancel),
    )
}

fn field_style(theme: &Theme, focused: bool) -> Style {
    match (theme.colors, focused) {
        (true, true) => Style::new().bg(Color::Indexed(238)),
        (true, false) => Style::new().bg(Color::Indexed(236)),
        (false, true) => Style::new().add_modifier(Modifier::UNDERLINED),
        (false, false) => Style::new(),
    }
}

/// Draw the form over the screen.
pub fn render(app: &App, form: &Form, area: Rect, buf: &mut Buffer) {
    let lay = layout(form, area);
    let theme = &app.theme;
    let l = form.labels;
    let outer = lay.outer.intersection(buf.area);
    Clear.render(outer, buf);
    Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(format!(" ✎ {} ", l.title))
        .render(outer, buf);
    let label_style = |f: FormField| {
        if form.focus == f {
            theme.border_focused.add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    };
    let vx = |r: Rect| r.x + lay.label_w;
    let vw = |r: Rect| r.width.saturating_sub(lay.label_w);
    for (row, r) in &lay.rows {
        let r = r.intersection(buf.area);
        if r.is_empty() {
            continue;
        }
        match row {
            Row::Prompt | Row::Promise => {
                let (text, style) = if *row == Row::Prompt {
                    (
                        form.prompt.as_deref().unwrap_or(""),
                        theme.note_mark.add_modifier(Modifier::ITALIC),
                    )
                } else {
                    (form.promise.as_deref().unwrap_or(""), theme.dim)
                };
                for (i, line) in wrap_max(text, r.width, r.height.into()).iter().enumerate() {
                    buf.set_line(
                        r.x,
                        r.y + i as u16,
                        &Line::styled(line.as_str(), style),
                        r.width,
                    );
                }
            }
            Row::Passage => {
                buf.set_stringn(
                    r.x,
                    r.y,
                    l.passage,
                    usize::from(lay.label_w.saturating_sub(1)),
                    Style::new().add_modifier(Modifier::BOLD),
                );
                let text = passage_text(form);
                for (i, line) in wrap_max(&text, vw(r), r.height.into()).iter().enumerate() {
                    buf.set_line(
                        vx(r),
                        r.y + i as u16,
                        &Line::styled(line.as_str(), theme.mark),
                        vw(r),
                    );
                }
            }
            Row::Field(f) => render_field(app, form, *f, r, &lay, buf, label_style(*f)),
            Row::Error(f) => {
                if let Some(msg) = form.error_for(*f) {
                    buf.set_line(
                        vx(r),
                        r.y,
                        &Line::styled(format!("⚠ {msg}"), theme.error),
                        vw(r),
                    );
                }
            }
            Row::Destination => {
                let style = if form.endpoint.is_some() {
                    theme.dim
                } else {
                    theme.meta
                };
                for (i, line) in wrap_max(&destination_text(form), r.width, r.height.into())
                    .iter()
                    .enumerate()
                {
                    buf.set_line(
                        r.x,
                        r.y + i as u16,
                        &Line::styled(line.as_str(), style),
                        r.width,
                    );
                }
            }
            Row::SaveError => {
                let text = form.save_error.as_deref().unwrap_or("");
                for (i, line) in wrap_max(text, r.width, r.height.into()).iter().enumerate() {
                    buf.set_line(
                        r.x,
                        r.y + i as u16,
                        &Line::styled(line.as_str(), theme.error),
                        r.width,
                    );
                }
            }
            Row::SaveAs => {
                buf.set_stringn(
                    r.x,
                    r.y,
                    l.save_elsewhere,
                    usize::from(lay.label_w.saturating_sub(1)),
                    theme.error.add_modifier(Modifier::BOLD),
                );
                if let Some(t) = &form.save_as {
                    let mut t = t.clone();
                    t.set_style(field_style(theme, true));
                    t.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
                    (&t).render(Rect::new(vx(r), r.y, vw(r), 1).intersection(buf.area), buf);
                }
            }
            Row::Buttons => {
                let (sub, can) = button_texts(form);
                let btn = |f: FormField, base: Style| {
                    if form.focus == f && form.save_as.is_none() {
                        theme.selected.add_modifier(Modifier::BOLD)
                    } else {
                        base
                    }
                };
                let sub_style = btn(
                    FormField::Submit,
                    theme.note_mark.add_modifier(Modifier::BOLD),
                );
                let can_style = btn(FormField::Cancel, Style::new());
                buf.set_line(
                    lay.submit.x,
                    r.y,
                    &Line::styled(sub, sub_style),
                    lay.submit.width,
                );
                buf.set_line(
                    lay.cancel.x,
                    r.y,
                    &Line::styled(can, can_style),
                    lay.cancel.width,
                );
            }
            Row::Hint => {
                let (text, style) = if form.confirm_discard {
                    (l.discard_question, theme.error.add_modifier(Modifier::BOLD))
                } else if form.save_as.is_some() {
                    (l.save_elsewhere_hint, theme.dim)
                } else {
                    (l.keys_hint, theme.dim)
                };
                super::super::widgets::set_line_clipped(
                    buf,
                    r.x,
                    r.y,
                    &Line::styled(text, style),
                    r.width,
                );
            }
        }
    }
    // The discard question must be seen even when the hint row was dropped.
    if form.confirm_discard && lay.row(Row::Hint).is_none() {
        let y = lay.outer.bottom().saturating_sub(1);
        buf.set_line(
            lay.inner.x,
            y,
            &Line::styled(l.discard_question, theme.error.add_modifier(Modifier::BOLD)),
            lay.inner.width,
        );
    }
}

fn choice_line(label: &str, i: usize, n: usize, focused: bool, theme: &Theme) -> Line<'static> {
    let style = if focused {
        theme.selected
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::styled("◀ ", theme.dim),
        Span::styled(label.to_string(), style),
        Span::styled(" ▶", theme.dim),
        Span::styled(format!("  {}/{n}", i + 1), theme.dim),
    ])
}

fn render_field(
    app: &App,
    form: &Form,
    f: FormField,
    r: Rect,
    lay: &FormLayout,
    buf: &mut Buffer,
    label_style: Style,
) {
    let theme = &app.theme;
    let focused = form.focus == f && form.save_as.is_none() && !form.confirm_discard;
    let value = Rect::new(
        r.x + lay.label_w,
        r.y,
        r.width.saturating_sub(lay.label_w),
        r.height,
    )
    .intersection(buf.area);
    if f != FormField::Consent {
        let mark = if form.focus == f { "▸" } else { " " };
        buf.set_string(r.x.saturating_sub(1), r.y, mark, theme.border_focused);
        buf.set_stringn(
            r.x,
            r.y,
            label_of(form, f),
            usize::from(lay.label_w.saturating_sub(1)),
            label_style,
        );
    }
    let lang = form.labels.lang;
    match f {
        FormField::Category => {
            let c: Category = form.category();
            buf.set_line(
                value.x,
                value.y,
                &choice_line(
                    c.label(lang),
                    form.category,
                    Category::ALL.len(),
                    focused,
                    theme,
                ),
                value.width,
            );
        }
        FormField::Severity => {
            let s: Severity = form.severity();
            buf.set_line(
                value.x,
                value.y,
                &choice_line(
                    s.label(lang),
                    form.severity,
                    Severity::ALL.len(),
                    focused,
                    theme,
                ),
                value.width,
            );
        }
        FormField::Consent => {
            let mark = if form.focus == f { "▸" } else { " " };
            buf.set_string(r.x.saturating_sub(1), r.y, mark, theme.border_focused);
            let box_ = if form.consent { "[x]" } else { "[ ]" };
            let style = if focused {
                theme.selected
            } else {
                Style::new()
            };
            buf.set_line(
                value.x,
                value.y,
                &Line::from(vec![
                    Span::styled(box_, style),
                    Span::raw(" "),
                    Span::raw(form.labels.consent),
                ]),
                value.width,
            );
        }
        FormField::Comment | FormField::Suggestion | FormField::Name | FormField::Email => {
            let t = match f {
                FormField::Comment => &form.comment,
                FormField::Suggestion => &form.suggestion,
                FormField::Name => &form.name,
                _ => &form.email,
            };
            let mut t = t.clone();
            t.set_style(field_style(theme, focused));
            t.set_cursor_style(if focused {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                field_style(theme, false)
            });
            (&t).render(value, buf);
        }
        FormField::Submit | FormField::Cancel => {}
    }
}

/// A click on the form: focus a field, change a choice, press a button.
pub fn on_mouse(app: &mut App, m: MouseInput) {
    let MouseInput::Click { x, y } = m else {
        return;
    };
    let area = app.panes.area;
    let Some(form) = app.report.form.as_mut() else {
        return;
    };
    if form.confirm_discard {
        return;
    }
    let lay = layout(form, area);
    let at = (x, y).into();
    let action = if lay.submit.contains(at) {
        form.focus = FormField::Submit;
        FormAction::Submit
    } else if lay.cancel.contains(at) {
        form.focus = FormField::Cancel;
        form.on_key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Esc,
        ))
    } else {
        if let Some((Row::Field(f), _)) = lay.rows.iter().find(|(_, r)| r.contains(at)) {
            let f = *f;
            let was = form.focus;
            form.focus = f;
            match f {
                FormField::Category if was == f => {
                    form.category = (form.category + 1) % Category::ALL.len()
                }
                FormField::Severity if was == f => {
                    form.severity = (form.severity + 1) % Severity::ALL.len()
                }
                FormField::Consent => form.consent = !form.consent,
                _ => {}
            }
        }
        FormAction::None
    };
    super::apply(app, action);
}
