//! Saved notes in the reader: a marker on each note's passage (re-anchored on
//! the current text), the notes list of the article (orphaned notes included,
//! never dropped), the visual selection, and the overlays of the form.

use crate::notes::{self, Status};
use crate::ui::app::App;
use crate::ui::cmd::Cmd;
use crate::ui::i18n::{Words, fill};
use crate::ui::keymap::{Action, ListAction, VisualAction};
use crate::ui::mode::{Mode, Selection};
use crate::ui::msg::Msg;
use crate::ui::text_layout::DocLine;
use crate::ui::views::form::{self, Placed};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// Place the current article's notes on its text, when the article, its
/// text or the notes changed (called by `update`, so drawing does no search).
pub fn refresh_placed(app: &mut App) {
    let key = (
        app.views.reader.current,
        app.views.report.notes.len(),
        app.views.reader.doc.text.len(),
    );
    if app.views.report.placed.key == Some(key) {
        return;
    }
    let id = app.article().map(|a| a.id.as_str()).unwrap_or("");
    let notes = app
        .views
        .report
        .for_article(id)
        .map(|(i, n)| {
            (
                i,
                notes::anchor(&n.target, &app.views.reader.doc.text).span(),
            )
        })
        .collect();
    app.views.report.placed = Placed {
        key: Some(key),
        notes,
    };
}

/// The current article's notes placed on its text.
pub fn placed(app: &App) -> &Placed {
    &app.views.report.placed
}

/// The marker style of saved notes: a highlighter-pen background (or bold
/// italics without colours: no entity kind is bold and italic, so a noted
/// passage stays distinct on plain text and on every highlight).
pub fn marker_style(app: &App) -> Style {
    if !app.shared.theme.colors {
        return Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC);
    }
    let mut s = Style::new()
        .bg(Color::Indexed(58))
        .add_modifier(Modifier::UNDERLINED);
    if let Some(c) = app.shared.theme.note_mark.fg {
        s = s.underline_color(c);
    }
    s
}

/// Draw the notes' markers and the visual selection on the reader, then the
/// notes list or the form over everything.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if app.shared.panes.reader.is_some()
        && app.shared.loading.is_none()
        && !app.shared.articles.is_empty()
    {
        let spans: Vec<Range<usize>> = placed(app)
            .notes
            .iter()
            .filter_map(|(_, s)| s.clone())
            .collect();
        paint(app, &spans, marker_style(app), buf);
        if let Some((a, b)) = app.mode.visual() {
            let sel = form::visual_span(&app.views.reader.doc.text, a, b);
            paint(
                app,
                &[sel],
                Style::new().add_modifier(Modifier::REVERSED),
                buf,
            );
        }
    }
    match &app.mode {
        Mode::Notes(sel) => render_list(app, *sel, area, buf),
        Mode::Form(f) => form::view::render(app, f, area, buf),
        _ => {}
    }
}

/// Add `style` to the cells showing the byte spans `spans` in the reader.
fn paint(app: &App, spans: &[Range<usize>], style: Style, buf: &mut Buffer) {
    if spans.is_empty() {
        return;
    }
    let area = app.shared.panes.reader_text.intersection(buf.area);
    let text = &app.views.reader.doc.text;
    for row in 0..area.height {
        let i = app.views.reader.scroll + usize::from(row);
        let Some(line) = app.views.reader.doc.lines.get(i) else {
            break;
        };
        let Some(r) = line.range() else { continue };
        for s in spans {
            let (a, b) = (s.start.max(r.start), s.end.min(r.end));
            if a >= b {
                continue;
            }
            let (Some(before), Some(inside)) = (text.get(r.start..a), text.get(a..b)) else {
                continue;
            };
            let x = area.x + before.width().min(usize::from(area.width)) as u16;
            let w = (inside.width() as u16).min(area.right().saturating_sub(x));
            for cx in x..x + w {
                let cell = &mut buf[(cx, area.y + row)];
                // a background already there (the current search match) stays
                let s = if cell.bg != Color::Reset && style.bg.is_some() {
                    Style { bg: None, ..style }
                } else {
                    style
                };
                cell.set_style(s);
            }
        }
    }
}

fn status_label(s: Status, w: Words) -> &'static str {
    match s {
        Status::Queued => w.status_queued(),
        Status::Sent => w.status_sent(),
        Status::Failed => w.status_failed(),
        Status::Withdrawn => w.status_withdrawn(),
    }
}

/// The overlay's frame in `area`; its inner rectangle.
fn list_frame(app: &App, w: Words, area: Rect, buf: &mut Buffer) -> Rect {
    let width = area.width.saturating_sub(4).clamp(area.width.min(30), 110);
    let h = area.height.saturating_sub(4).max(area.height.min(5));
    let outer = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + 1,
        width,
        h.min(area.height),
    )
    .intersection(buf.area);
    Clear.render(outer, buf);
    Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.shared.theme.border_focused)
        .title(w.notes_title())
        .render(outer, buf);
    Rect::new(
        outer.x + 1,
        outer.y + 1,
        outer.width.saturating_sub(2),
        outer.height.saturating_sub(2),
    )
}

/// The three lines of one note in the list: what and where, the comment, the quote.
fn note_lines(
    app: &App,
    w: Words,
    n: &notes::Note,
    span: Option<&Range<usize>>,
    selected: bool,
) -> [Line<'static>; 3] {
    let t = &app.shared.theme;
    let where_ = match span {
        Some(s) => {
            let line = (app.views.reader.doc.line_of(s.start) + 1).to_string();
            fill(w.notes_line(), &[("n", &line)])
        }
        None => w.notes_orphaned().to_string(),
    };
    let head = Line::from(vec![
        Span::styled(if selected { "▶ " } else { "  " }, t.note_mark),
        Span::styled(
            n.category.label(w.tag()),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(" · "),
        Span::raw(n.severity.label(w.tag())),
        Span::raw(" · "),
        Span::styled(status_label(n.status, w), t.note_mark),
        Span::raw(" · "),
        Span::styled(where_, if span.is_some() { t.dim } else { t.error }),
        Span::styled(format!(" · {}", n.created), t.dim),
    ]);
    let quote = crate::ui::views::form::layout::quoted_passage(&n.target.exact, w.is_fr());
    let comment: String = n.comment.lines().next().unwrap_or("").to_string();
    [
        head,
        Line::from(vec![Span::raw("  "), Span::raw(comment)]),
        Line::from(vec![Span::raw("  "), Span::styled(quote, t.mark)]),
    ]
}

/// The notes list of the current article, as an overlay.
pub fn render_list(app: &App, sel: usize, area: Rect, buf: &mut Buffer) {
    let w = app.article_words();
    let km = &app.shared.keymap;
    let inner = list_frame(app, w, area, buf);
    if inner.height == 0 {
        return;
    }
    let placed = placed(app);
    let mut y = inner.y;
    let bottom = inner.bottom().saturating_sub(1);
    if placed.notes.is_empty() {
        let key = km.hint(Action::ReportError);
        let t = fill(w.notes_empty(), &[("key", &key)]);
        let line = Line::styled(t, app.shared.theme.dim);
        buf.set_line(inner.x, y, &line, inner.width);
    }
    // three rows a note; the selected one is always in view
    let per_screen = usize::from(inner.height.saturating_sub(1) / 3).max(1);
    let first = (sel + 1).saturating_sub(per_screen);
    for (row, (idx, span)) in placed.notes.iter().enumerate().skip(first) {
        if y + 3 > bottom {
            break;
        }
        let Some(n) = app.views.report.notes.get(*idx) else {
            continue;
        };
        let style = if row == sel {
            app.shared.theme.selected_unfocused
        } else {
            Style::new()
        };
        for (i, line) in note_lines(app, w, n, span.as_ref(), row == sel)
            .into_iter()
            .enumerate()
        {
            let ly = y + i as u16;
            if ly >= bottom {
                break;
            }
            if row == sel {
                buf.set_style(Rect::new(inner.x, ly, inner.width, 1), style);
            }
            let line = line.patch_style(style);
            crate::ui::views::set_line_clipped(buf, inner.x, ly, &line, inner.width);
        }
        y += 3;
    }
    let l = &km.list;
    let hint = fill(
        w.notes_hint(),
        &[
            ("down", &l.hint(ListAction::Down)),
            ("up", &l.hint(ListAction::Up)),
            ("go", &w.key(l.hint(ListAction::Go))),
            ("close", &w.key(km.hint(Action::Clear))),
        ],
    );
    let line = Line::styled(hint, app.shared.theme.dim);
    buf.set_line(inner.x, inner.bottom() - 1, &line, inner.width);
}

/// Keys while the notes list is open (`None`: a key of no list action closes it).
pub fn on_list_key(app: &mut App, action: Option<ListAction>) -> Vec<Cmd> {
    let Mode::Notes(sel) = app.mode else {
        return Vec::new();
    };
    let n = placed(app).notes.len();
    match action {
        Some(ListAction::Down) => app.mode = Mode::Notes((sel + 1).min(n.saturating_sub(1))),
        Some(ListAction::Up) => app.mode = Mode::Notes(sel.saturating_sub(1)),
        Some(ListAction::Go) => {
            let span = placed(app).notes.get(sel).and_then(|(_, s)| s.clone());
            app.mode = Mode::Browse;
            if let Some(s) = span {
                // the passage is in the reader: show it (a narrow screen shows one pane)
                app.set_focus(crate::ui::layout::Focus::Reader);
                app.reveal(s.start);
            }
        }
        Some(ListAction::Report) => {
            app.mode = Mode::Browse;
            return app.update(Msg::Action(Action::ReportError));
        }
        None => app.mode = Mode::Browse,
    }
    Vec::new()
}

/// Start a visual selection on the first word at the top of the reader (or
/// on the followed mention).
pub fn start_visual(app: &mut App) {
    let at = app
        .views
        .reader
        .marks
        .as_ref()
        .and_then(|m| m.spans.get(m.current))
        .map(|s| s.start)
        .or_else(|| {
            app.views.reader.doc.lines[app
                .views
                .reader
                .scroll
                .min(app.views.reader.doc.lines.len())..]
                .iter()
                .find_map(|l| l.range().map(|r| r.start))
        });
    let Some(at) = at else {
        return;
    };
    let end = next_word_end(&app.views.reader.doc.text, at);
    app.mode = Mode::Visual(Selection {
        anchor: at,
        cursor: end,
    });
    visual_hint(app);
}

/// A left-button drag over the text selects from where the button went down.
pub fn on_drag(app: &mut App, x: u16, y: u16) {
    let (Some(from), Some(to)) = (app.views.report.drag_from, form::byte_at_cell(app, x, y)) else {
        return;
    };
    let (a, b) = if to < from { (to, from) } else { (from, to) };
    let first = app.mode.visual().is_none();
    app.mode = Mode::Visual(Selection {
        anchor: a,
        cursor: b.max(a + 1).min(app.views.reader.doc.text.len()),
    });
    if first {
        visual_hint(app);
    }
}

/// Say in the status bar how to extend and report the selection.
pub fn visual_hint(app: &mut App) {
    let v = &app.shared.keymap.visual;
    let w = app.article_words();
    let hint = fill(
        w.visual_hint(),
        &[
            ("next", &v.hint(VisualAction::WordNext)),
            ("prev", &v.hint(VisualAction::WordPrev)),
            ("down", &v.hint(VisualAction::LineDown)),
            ("up", &v.hint(VisualAction::LineUp)),
            ("report", &v.hint(VisualAction::Report)),
            ("cancel", &w.key(v.hint(VisualAction::Cancel))),
        ],
    );
    app.set_status(&hint, false);
}

fn next_word_end(text: &str, from: usize) -> usize {
    let rest = &text[from.min(text.len())..];
    let skip = rest.len() - rest.trim_start().len();
    let word = rest[skip..]
        .find(char::is_whitespace)
        .unwrap_or(rest.len() - skip);
    from + skip + word
}

fn prev_word_end(text: &str, from: usize, anchor: usize) -> usize {
    let before = text[..from.min(text.len())].trim_end();
    let cut = before.rfind(char::is_whitespace).unwrap_or(anchor);
    cut.max(anchor)
}

/// The end of the next (`dir` > 0) or previous line of text from `at`, over
/// blank and byline lines; `at` is an exclusive end, so its line is that of
/// the byte before.
fn line_end(doc: &crate::ui::text_layout::Doc, at: usize, dir: isize) -> usize {
    let i = doc.line_of(at.saturating_sub(1));
    let text_end = |l: &DocLine| match l {
        DocLine::Body(r) | DocLine::Headline(r) => Some(r.end),
        _ => None,
    };
    let lines = &doc.lines;
    let found = if dir > 0 {
        lines.iter().skip(i + 1).find_map(text_end)
    } else {
        lines[..i.min(lines.len())].iter().rev().find_map(text_end)
    };
    found.unwrap_or(at)
}

/// A key of the visual selection.
pub fn on_visual_key(app: &mut App, action: VisualAction) -> Vec<Cmd> {
    let Some((a, b)) = app.mode.visual() else {
        return Vec::new();
    };
    let text = &app.views.reader.doc.text;
    let nb = match action {
        VisualAction::WordNext => next_word_end(text, b),
        VisualAction::WordPrev => prev_word_end(text, b, a),
        VisualAction::LineDown => line_end(&app.views.reader.doc, b, 1).max(a),
        VisualAction::LineUp => line_end(&app.views.reader.doc, b, -1).max(a),
        VisualAction::Report => {
            let target = app.report_target();
            return app.update(Msg::OpenReport(target));
        }
        VisualAction::Cancel => {
            app.mode = Mode::Browse;
            app.shared.status = None;
            return Vec::new();
        }
    };
    let nb = if nb <= a { next_word_end(text, a) } else { nb };
    app.mode = Mode::Visual(Selection {
        anchor: a,
        cursor: nb,
    });
    app.reveal(nb.saturating_sub(1));
    Vec::new()
}
