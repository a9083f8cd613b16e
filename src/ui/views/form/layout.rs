//! Where each part of the form goes: a pure function of the screen area and
//! the form, shared by drawing and mouse hits so clicks land where things are.

use super::state::{Form, FormField};
use ratatui::layout::Rect;
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

    /// The fields the screen has no room for (Tab still reaches each: the
    /// focused field is always shown), in Tab order.
    pub fn hidden_fields(&self) -> Vec<FormField> {
        FormField::ORDER
            .into_iter()
            .filter(|f| self.row(Row::Field(*f)).is_none())
            .filter(|f| !matches!(f, FormField::Submit | FormField::Cancel))
            .collect()
    }
}

/// "Tab: also Name, E-mail" for the fields the form has no room for.
pub fn hidden_note(form: &Form, lay: &FormLayout) -> Option<String> {
    let hidden = lay.hidden_fields();
    if hidden.is_empty() {
        return None;
    }
    let names: Vec<&str> = hidden
        .iter()
        .map(|f| match f {
            FormField::Consent => form.labels.consent_short(),
            f => label_of(form, *f),
        })
        .collect();
    let fields = names.join(", ");
    let text = crate::ui::i18n::fill(
        form.labels.form_hidden(),
        &[("key", &form.keys.next), ("fields", &fields)],
    );
    Some(format!(" {text} "))
}

pub(super) fn label_of(form: &Form, f: FormField) -> &'static str {
    let l = form.labels;
    match f {
        FormField::Comment => l.comment(),
        FormField::Category => l.category(),
        FormField::Severity => l.severity(),
        FormField::Suggestion => l.suggestion(),
        FormField::Name => l.name(),
        FormField::Email => l.email(),
        FormField::Consent => "",
        FormField::Submit => l.submit(),
        FormField::Cancel => l.cancel(),
    }
}

/// Lines of `s` wrapped to `width`, at most `max` of them (the last ends with
/// "…" when cut).
pub(super) fn wrap_max(s: &str, width: u16, max: usize) -> Vec<String> {
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

pub(super) fn passage_text(form: &Form) -> String {
    form.labels.quoted(&form.about.quote)
}

pub(super) fn destination_text(form: &Form) -> String {
    let l = form.labels;
    match &form.about.endpoint {
        Some(e) => format!("→ {} {e}", l.sends_to()),
        None => {
            let p = form
                .about
                .notes_path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            match &form.about.mailto {
                Some(m) => format!("→ {} {p}. {} {m}", l.no_endpoint(), l.publisher_mail()),
                None => format!("→ {} {p}", l.no_endpoint()),
            }
        }
    }
}

/// A row, the height it wants and the least it can have.
type Want = (Row, u16, u16);

/// The form's layout in `area` (the whole screen).
pub fn layout(form: &Form, area: Rect) -> FormLayout {
    let (outer, inner) = frame(area);
    let label_w = label_width(form, inner);
    let value_w = inner.width.saturating_sub(label_w);
    let mut want = wanted_rows(form, inner, value_w);
    fit(form, &mut want, inner.height);

    // The box is as tall as what it shows, centred in the screen.
    let used = want.iter().map(|r| r.1).sum::<u16>().min(inner.height);
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
    let (submit, cancel) = buttons(form, &rows, label_w);
    FormLayout {
        outer,
        inner,
        label_w,
        rows,
        submit,
        cancel,
    }
}

/// The box at its tallest in `area`, and its inside.
fn frame(area: Rect) -> (Rect, Rect) {
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
    (outer, inner)
}

/// The labels' column: as wide as the longest label, at most 2/5 of the box.
fn label_width(form: &Form, inner: Rect) -> u16 {
    let label_w = FormField::ORDER
        .iter()
        .map(|f| label_of(form, *f).width())
        .chain([
            form.labels.passage().width(),
            form.labels.save_elsewhere().width(),
        ])
        .max()
        .unwrap_or(10) as u16
        + 2;
    label_w.min(inner.width * 2 / 5)
}

/// Every row the form would show, with the height it wants.
fn wanted_rows(form: &Form, inner: Rect, value_w: u16) -> Vec<Want> {
    let mut want: Vec<Want> = Vec::new();
    let shown = |p: &str| crate::ui::french::typeset(form.labels, p);
    if let Some(p) = &form.about.prompt {
        want.push((
            Row::Prompt,
            wrap_max(&shown(p), inner.width, 2).len() as u16,
            0,
        ));
    }
    if let Some(p) = &form.about.promise {
        want.push((
            Row::Promise,
            wrap_max(&shown(p), inner.width, 2).len() as u16,
            0,
        ));
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

    want
}

/// Make the rows fit in `height`: shrink the comment to 3, drop optional
/// rows, shrink the comment to 1, then drop the optional fields (never the
/// focused one, never an error); give the room left to the comment.
fn fit(form: &Form, want: &mut Vec<Want>, height: u16) {
    let total = |w: &[Want]| w.iter().map(|r| r.1).sum::<u16>();
    let fits = |w: &[Want]| total(w) <= height;
    let comment = want
        .iter()
        .position(|r| r.0 == Row::Field(FormField::Comment))
        .unwrap_or(0);
    while !fits(want) && want[comment].1 > 3 {
        want[comment].1 -= 1;
    }
    for drop in [Row::Hint, Row::Promise, Row::Prompt] {
        if !fits(want) {
            want.retain(|r| r.0 != drop);
        }
    }
    let comment = want
        .iter()
        .position(|r| r.0 == Row::Field(FormField::Comment))
        .unwrap_or(0);
    while !fits(want) && want[comment].1 > 1 {
        want[comment].1 -= 1;
    }
    // Still too tall: one line for the passage and the messages, then drop
    // the optional fields (never the focused one, never an error).
    for row in [Row::Passage, Row::Destination, Row::SaveError] {
        if !fits(want)
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
        if !fits(want) && !keep(drop) {
            want.retain(|r| r.0 != drop);
        }
    }
    let comment = want
        .iter()
        .position(|r| r.0 == Row::Field(FormField::Comment))
        .unwrap_or(0);
    if want.iter().any(|r| r.0 == Row::Hint) && total(want) < height {
        // the comment takes the room left
        let spare = height - total(want);
        want[comment].1 = want[comment].1.max(3) + spare.min(12 - want[comment].1.min(12));
        while !fits(want) && want[comment].1 > 1 {
            want[comment].1 -= 1;
        }
    }
}

/// Where the Submit and Cancel buttons are on the buttons row.
fn buttons(form: &Form, rows: &[(Row, Rect)], label_w: u16) -> (Rect, Rect) {
    let buttons = rows
        .iter()
        .find(|(r, _)| *r == Row::Buttons)
        .map(|(_, a)| *a)
        .unwrap_or_default();
    let (sub, can) = button_texts(form, buttons.width.saturating_sub(label_w));
    // no room beside the labels' column: the buttons start at the left edge
    let room = buttons.width.saturating_sub(label_w);
    let label_w = if (sub.width() + can.width() + 2) as u16 > room {
        0
    } else {
        label_w
    };
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
    (submit, cancel)
}

/// The buttons' texts with their keys, or without them when both do not
/// fit in `room` columns (the status bar still shows the keys).
pub(super) fn button_texts(form: &Form, room: u16) -> (String, String) {
    let l = form.labels;
    let full = (
        format!("[ {} · {} ]", l.submit(), form.keys.save),
        format!("[ {} · {} ]", l.cancel(), form.keys.cancel),
    );
    if (full.0.width() + full.1.width() + 2) as u16 <= room {
        full
    } else {
        (format!("[ {} ]", l.submit()), format!("[ {} ]", l.cancel()))
    }
}
