//! Drawing the form as an overlay, and its mouse hits (see [`super::layout`]).

pub use super::layout::{FormLayout, Row, layout};
use super::layout::{button_texts, destination_text, label_of, passage_text, wrap_max};
use super::state::{Form, FormAction, FormField};
use crate::notes::{Category, Severity};
use crate::ui::app::App;
use crate::ui::cmd::Cmd;
use crate::ui::mode::Mode;
use crate::ui::msg::MouseInput;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

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
    let theme = &app.shared.theme;
    let l = form.labels;
    let outer = lay.outer.intersection(buf.area);
    Clear.render(outer, buf);
    let hidden = super::layout::hidden_note(form, &lay).unwrap_or_default();
    Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(format!(" ✎ {} ", l.title()))
        .title_bottom(
            Line::styled(hidden, theme.border_focused.add_modifier(Modifier::BOLD)).right_aligned(),
        )
        .render(outer, buf);
    for (row, r) in &lay.rows {
        let r = r.intersection(buf.area);
        if !r.is_empty() {
            render_row(app, form, &lay, *row, r, buf);
        }
    }
    // The discard question must be seen even when the hint row was dropped.
    if form.confirm_discard && lay.row(Row::Hint).is_none() {
        let y = lay.outer.bottom().saturating_sub(1);
        buf.set_line(
            lay.inner.x,
            y,
            &Line::styled(
                crate::ui::french::typeset(l, l.discard_question()),
                theme.error.add_modifier(Modifier::BOLD),
            ),
            lay.inner.width,
        );
    }
}

/// One row of the form.
fn render_row(app: &App, form: &Form, lay: &FormLayout, row: Row, r: Rect, buf: &mut Buffer) {
    let theme = &app.shared.theme;
    let l = form.labels;
    let label_style = |f: FormField| {
        if form.focus == f {
            theme.border_focused.add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    };
    let vx = |r: Rect| r.x + lay.label_w;
    let vw = |r: Rect| r.width.saturating_sub(lay.label_w);
    match row {
        Row::Prompt | Row::Promise => {
            let (text, style) = if row == Row::Prompt {
                (
                    form.about.prompt.as_deref().unwrap_or(""),
                    theme.note_mark.add_modifier(Modifier::ITALIC),
                )
            } else {
                (form.about.promise.as_deref().unwrap_or(""), theme.dim)
            };
            draw_wrapped(
                buf,
                r,
                &crate::ui::french::typeset(form.labels, text),
                style,
            );
        }
        Row::Passage => {
            buf.set_stringn(
                r.x,
                r.y,
                l.passage(),
                usize::from(lay.label_w.saturating_sub(1)),
                Style::new().add_modifier(Modifier::BOLD),
            );
            let text = passage_text(form);
            let value = Rect::new(vx(r), r.y, vw(r), r.height);
            draw_wrapped(buf, value, &text, theme.mark);
        }
        Row::Field(f) => render_field(app, form, f, r, lay, buf, label_style(f)),
        Row::Error(f) => {
            if let Some(msg) = form.error_for(f) {
                buf.set_line(
                    vx(r),
                    r.y,
                    &Line::styled(format!("⚠ {msg}"), theme.error),
                    vw(r),
                );
            }
        }
        Row::Destination => {
            let style = if form.about.endpoint.is_some() {
                theme.dim
            } else {
                theme.meta
            };
            draw_wrapped(buf, r, &destination_text(form), style);
        }
        Row::SaveError => {
            let text = form.save_error.as_deref().unwrap_or("");
            draw_wrapped(buf, r, text, theme.error);
        }
        Row::SaveAs => render_save_as(app, form, lay, r, buf),
        Row::Buttons => render_buttons(app, form, lay, r, buf),
        Row::Hint => {
            let (text, style) = if form.confirm_discard {
                let bold = theme.error.add_modifier(Modifier::BOLD);
                (crate::ui::french::typeset(l, l.discard_question()), bold)
            } else if form.save_as.is_some() {
                (l.save_elsewhere_hint().to_string(), theme.dim)
            } else {
                (form.keys_hint(), theme.dim)
            };
            super::super::set_line_clipped(buf, r.x, r.y, &Line::styled(text, style), r.width);
        }
    }
}

/// The "save to another file" prompt.
fn render_save_as(app: &App, form: &Form, lay: &FormLayout, r: Rect, buf: &mut Buffer) {
    let theme = &app.shared.theme;
    let l = form.labels;
    let vx = |r: Rect| r.x + lay.label_w;
    let vw = |r: Rect| r.width.saturating_sub(lay.label_w);
    buf.set_stringn(
        r.x,
        r.y,
        l.save_elsewhere(),
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

/// The Submit and Cancel buttons.
fn render_buttons(app: &App, form: &Form, lay: &FormLayout, r: Rect, buf: &mut Buffer) {
    let theme = &app.shared.theme;
    let (sub, can) = button_texts(form, r.width.saturating_sub(lay.label_w));
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

/// A text field, its cursor shown when it has the focus.
fn render_text(
    theme: &Theme,
    form: &Form,
    f: FormField,
    focused: bool,
    value: Rect,
    buf: &mut Buffer,
) {
    let t = match f {
        FormField::Comment => &form.fields.comment,
        FormField::Suggestion => &form.fields.suggestion,
        FormField::Name => &form.fields.name,
        _ => &form.fields.email,
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
    let theme = &app.shared.theme;
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
    let lang = form.labels.tag();
    let choice = |label: &str, i: usize, n: usize, buf: &mut Buffer| {
        let line = choice_line(label, i, n, focused, theme);
        buf.set_line(value.x, value.y, &line, value.width);
    };
    match f {
        FormField::Category => {
            let c: Category = form.category();
            choice(c.label(lang), form.category, Category::ALL.len(), buf);
        }
        FormField::Severity => {
            let s: Severity = form.severity();
            choice(s.label(lang), form.severity, Severity::ALL.len(), buf);
        }
        FormField::Consent => {
            let mark = if form.focus == f { "▸" } else { " " };
            buf.set_string(r.x.saturating_sub(1), r.y, mark, theme.border_focused);
            let box_ = if form.fields.consent { "[x]" } else { "[ ]" };
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
                    Span::raw(form.labels.consent()),
                ]),
                value.width,
            );
        }
        FormField::Comment | FormField::Suggestion | FormField::Name | FormField::Email => {
            render_text(theme, form, f, focused, value, buf)
        }
        FormField::Submit | FormField::Cancel => {}
    }
}

/// A click on the form: focus a field, change a choice, press a button.
pub fn on_mouse(app: &mut App, m: MouseInput) -> Vec<Cmd> {
    let MouseInput::Click { x, y } = m else {
        return Vec::new();
    };
    let area = app.shared.panes.area;
    let Mode::Form(form) = &mut app.mode else {
        return Vec::new();
    };
    if form.confirm_discard {
        return Vec::new();
    }
    let lay = layout(form, area);
    let at = (x, y).into();
    let action = if lay.submit.contains(at) {
        form.focus = FormField::Submit;
        FormAction::Submit
    } else if lay.cancel.contains(at) {
        form.focus = FormField::Cancel;
        form.on_key(
            crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Esc),
            &app.shared.keymap.form,
        )
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
                FormField::Consent => form.fields.consent = !form.fields.consent,
                _ => {}
            }
        }
        FormAction::None
    };
    super::apply(app, action)
}

/// `text` wrapped to the width of `r`, as many lines as `r` is high, in `style`.
fn draw_wrapped(buf: &mut Buffer, r: Rect, text: &str, style: Style) {
    for (i, line) in wrap_max(text, r.width, r.height.into()).iter().enumerate() {
        buf.set_line(
            r.x,
            r.y + i as u16,
            &Line::styled(line.as_str(), style),
            r.width,
        );
    }
}
