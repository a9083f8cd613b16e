//! Saved notes in the reader: a marker on each note's passage (re-anchored on
//! the current text), the notes list of the article (orphaned notes included,
//! never dropped), the visual selection, and the overlays of the form.

use crate::notes::{self, Status};
use crate::ui::app::App;
use crate::ui::form::{self, Placed};
use crate::ui::text_layout::DocLine;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// Place the current article's notes on its text (cached until the article
/// or the notes change).
pub fn placed(app: &App) -> std::cell::Ref<'_, Placed> {
    let key = (app.current, app.report.notes.len(), app.text.len());
    if app.report.placed.borrow().key != Some(key) {
        let id = app.article().map(|a| a.id.as_str()).unwrap_or("");
        let notes = app
            .report
            .for_article(id)
            .map(|(i, n)| (i, notes::anchor(&n.target, &app.text).span()))
            .collect();
        *app.report.placed.borrow_mut() = Placed {
            key: Some(key),
            notes,
        };
    }
    app.report.placed.borrow()
}

/// The marker style of saved notes: the theme's (a highlighter-pen
/// background; dim without colours, which keeps every entity kind's cue).
pub fn marker_style(app: &App) -> Style {
    app.theme.note_passage
}

/// Draw the notes' markers and the visual selection on the reader, then the
/// notes list or the form over everything.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if app.panes.reader.is_some() && app.loading.is_none() && !app.articles.is_empty() {
        let spans: Vec<Range<usize>> = placed(app)
            .notes
            .iter()
            .filter_map(|(_, s)| s.clone())
            .collect();
        paint(app, &spans, marker_style(app), buf);
        if let Some((a, b)) = app.report.visual {
            let sel = form::visual_span(&app.text, a, b);
            paint(
                app,
                &[sel],
                Style::new().add_modifier(Modifier::REVERSED),
                buf,
            );
        }
    }
    if app.report.list.is_some() {
        render_list(app, area, buf);
    }
    if let Some(f) = &app.report.form {
        form::view::render(app, f, area, buf);
    }
}

/// Add `style` to the cells showing the byte spans `spans` in the reader.
fn paint(app: &App, spans: &[Range<usize>], style: Style, buf: &mut Buffer) {
    if spans.is_empty() {
        return;
    }
    let area = app.panes.reader_text.intersection(buf.area);
    let text = &app.text;
    for row in 0..area.height {
        let i = app.scroll + usize::from(row);
        let Some(line) = app.doc.lines.get(i) else {
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

fn status_label(s: Status, fr: bool) -> &'static str {
    match (s, fr) {
        (Status::Queued, false) => "queued",
        (Status::Queued, true) => "en attente",
        (Status::Sent, false) => "sent",
        (Status::Sent, true) => "envoyée",
        (Status::Failed, false) => "failed",
        (Status::Failed, true) => "refusée",
        (Status::Withdrawn, false) => "withdrawn",
        (Status::Withdrawn, true) => "retirée",
    }
}

/// The notes list of the current article, as an overlay.
pub fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app
        .article()
        .map(|a| a.in_language.as_str())
        .unwrap_or("en");
    let fr = lang.starts_with("fr");
    let w = area.width.saturating_sub(4).clamp(area.width.min(30), 110);
    let h = area.height.saturating_sub(4).max(area.height.min(5));
    let outer = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + 1,
        w,
        h.min(area.height),
    )
    .intersection(buf.area);
    Clear.render(outer, buf);
    let title = if fr {
        " ✎ Notes sur cet article "
    } else {
        " ✎ Notes on this article "
    };
    Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.border_focused)
        .title(title)
        .render(outer, buf);
    let inner = Rect::new(
        outer.x + 1,
        outer.y + 1,
        outer.width.saturating_sub(2),
        outer.height.saturating_sub(2),
    );
    if inner.height == 0 {
        return;
    }
    let placed = placed(app);
    let sel = app.report.list.unwrap_or(0);
    let mut y = inner.y;
    let bottom = inner.bottom().saturating_sub(1);
    if placed.notes.is_empty() {
        let t = if fr {
            "Aucune note pour cet article. Appuyez sur e pour signaler une erreur."
        } else {
            "No notes on this article yet. Press e to report an error."
        };
        buf.set_line(inner.x, y, &Line::styled(t, app.theme.dim), inner.width);
    }
    // three rows a note; the selected one is always in view
    let per_screen = usize::from(inner.height.saturating_sub(1) / 3).max(1);
    let first = (sel + 1).saturating_sub(per_screen);
    for (row, (idx, span)) in placed.notes.iter().enumerate().skip(first) {
        if y + 3 > bottom {
            break;
        }
        let Some(n) = app.report.notes.get(*idx) else {
            continue;
        };
        let where_ = match span {
            Some(s) => {
                let line = app.doc.line_of(s.start) + 1;
                if fr {
                    format!("ligne {line}")
                } else {
                    format!("line {line}")
                }
            }
            None => {
                if fr {
                    "orpheline : passage introuvable dans le texte actuel".to_string()
                } else {
                    "orphaned: the passage is not in the current text".to_string()
                }
            }
        };
        let head = Line::from(vec![
            Span::styled(if row == sel { "▶ " } else { "  " }, app.theme.note_mark),
            Span::styled(
                n.category.label(lang),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::raw(" · "),
            Span::raw(n.severity.label(lang)),
            Span::raw(" · "),
            Span::styled(status_label(n.status, fr), app.theme.note_mark),
            Span::raw(" · "),
            Span::styled(
                where_,
                if span.is_some() {
                    app.theme.dim
                } else {
                    app.theme.error
                },
            ),
            Span::styled(format!(" · {}", n.created), app.theme.dim),
        ]);
        let quote = crate::ui::form::layout::quoted_passage(&n.target.exact, fr);
        let comment: String = n.comment.lines().next().unwrap_or("").to_string();
        let lines = [
            head,
            Line::from(vec![Span::raw("  "), Span::raw(comment)]),
            Line::from(vec![Span::raw("  "), Span::styled(quote, app.theme.mark)]),
        ];
        let style = if row == sel {
            app.theme.selected_unfocused
        } else {
            Style::new()
        };
        for (i, line) in lines.iter().enumerate() {
            let ly = y + i as u16;
            if ly >= bottom {
                break;
            }
            if row == sel {
                buf.set_style(Rect::new(inner.x, ly, inner.width, 1), style);
            }
            crate::ui::widgets::set_line_clipped(
                buf,
                inner.x,
                ly,
                &line.clone().patch_style(style),
                inner.width,
            );
        }
        y += 3;
    }
    let hint = if fr {
        "j/k choisir · Entrée aller au passage · Échap fermer"
    } else {
        "j/k select · Enter go to the passage · Esc close"
    };
    buf.set_line(
        inner.x,
        inner.bottom() - 1,
        &Line::styled(hint, app.theme.dim),
        inner.width,
    );
}

/// Keys while the notes list is open.
pub fn on_list_key(app: &mut App, sel: usize, key: KeyEvent) -> Option<crate::ui::msg::Msg> {
    let n = placed(app).notes.len();
    match key.code {
        KeyCode::Char('j') | KeyCode::Down => {
            app.report.list = Some((sel + 1).min(n.saturating_sub(1)))
        }
        KeyCode::Char('k') | KeyCode::Up => app.report.list = Some(sel.saturating_sub(1)),
        KeyCode::Enter => {
            let span = placed(app).notes.get(sel).and_then(|(_, s)| s.clone());
            app.report.list = None;
            if let Some(s) = span {
                // the passage is in the reader: show it (a narrow screen shows one pane)
                app.set_focus(crate::ui::layout::Focus::Reader);
                scroll_to(app, s.start);
            }
        }
        KeyCode::Char('e') => {
            app.report.list = None;
            return Some(crate::ui::msg::Msg::Action(
                crate::ui::keymap::Action::ReportError,
            ));
        }
        _ => app.report.list = None,
    }
    None
}

fn scroll_to(app: &mut App, at: usize) {
    let line = app.doc.line_of(at);
    let h = app.view_height();
    if line < app.scroll || line >= app.scroll + h {
        app.scroll = line.saturating_sub(h / 3);
    }
    app.scroll = app.scroll.min(app.max_scroll());
}

/// Start a visual selection on the first word at the top of the reader (or
/// on the followed mention).
pub fn start_visual(app: &mut App) {
    let at = app
        .marks
        .as_ref()
        .and_then(|m| m.spans.get(m.current))
        .map(|s| s.start)
        .or_else(|| {
            app.doc.lines[app.scroll.min(app.doc.lines.len())..]
                .iter()
                .find_map(|l| l.range().map(|r| r.start))
        });
    let Some(at) = at else {
        return;
    };
    let end = next_word_end(&app.text, at);
    app.report.visual = Some((at, end));
    visual_hint(app);
}

/// Say in the status bar how to extend and report the selection.
pub fn visual_hint(app: &mut App) {
    let hint = if app
        .article()
        .is_some_and(|a| a.in_language.starts_with("fr"))
    {
        "Sélection : w/b mot · j/k ligne · e signaler · Échap annuler"
    } else {
        "Selecting: w/b word · j/k line · e report · Esc cancel"
    };
    app.set_status(hint, false);
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

/// Keys in visual mode: `Some` when taken.
pub fn on_visual_key(app: &mut App, key: KeyEvent) -> Option<Option<crate::ui::msg::Msg>> {
    let (a, b) = app.report.visual?;
    let text = &app.text;
    // The end of the next (or previous) line of text, over blank and byline
    // lines; `at` is an exclusive end, so its line is that of the byte before.
    let line_end = |at: usize, dir: isize| -> usize {
        let i = app.doc.line_of(at.saturating_sub(1));
        let text_end = |l: &DocLine| match l {
            DocLine::Body(r) | DocLine::Headline(r) => Some(r.end),
            _ => None,
        };
        let lines = &app.doc.lines;
        let found = if dir > 0 {
            lines.iter().skip(i + 1).find_map(text_end)
        } else {
            lines[..i.min(lines.len())].iter().rev().find_map(text_end)
        };
        found.unwrap_or(at)
    };
    let nb = match key.code {
        KeyCode::Char('w' | 'l') | KeyCode::Right => next_word_end(text, b),
        KeyCode::Char('b' | 'h') | KeyCode::Left => prev_word_end(text, b, a),
        KeyCode::Char('j') | KeyCode::Down => line_end(b, 1).max(a),
        KeyCode::Char('k') | KeyCode::Up => line_end(b, -1).max(a),
        KeyCode::Char('e') | KeyCode::Enter => {
            return Some(Some(crate::ui::msg::Msg::OpenReport(app.report_target())));
        }
        KeyCode::Esc | KeyCode::Char('v') => {
            app.report.visual = None;
            app.status = None;
            return Some(None);
        }
        _ => {
            // any other key ends the selection and does what it always does
            app.report.visual = None;
            return None;
        }
    };
    let nb = if nb <= a { next_word_end(text, a) } else { nb };
    app.report.visual = Some((a, nb));
    scroll_to(app, nb.saturating_sub(1));
    Some(None)
}
