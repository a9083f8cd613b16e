//! Saved notes in the reader: their state ([`Reporting`]: the notes file, the
//! notes, where each sits in the text), a marker on each note's passage (re-anchored on
//! the current text), the notes list of the article (orphaned notes included,
//! never dropped), the visual selection, and the overlays of the form.

use crate::article::Article;
use crate::notes::{self, Status};
use crate::notes::{Note, NotesSettings, Outbox, OutboxConfig, OutboxHandle};
use crate::ui::app::App;
use crate::ui::cmd::Cmd;
use crate::ui::i18n::{Words, fill};
use crate::ui::keymap::{Action, ListAction, VisualAction};
use crate::ui::mode::{Mode, Selection};
use crate::ui::msg::Msg;
use crate::ui::text_layout::DocLine;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};
use std::collections::HashSet;
use std::ops::Range;
use std::path::PathBuf;
use unicode_width::UnicodeWidthStr;
use uuid::Uuid;

/// Where each note of one article sits in its current text.
#[derive(Debug, Clone, Default)]
pub struct Placed {
    /// The article index, the number of notes and the text length this was computed for.
    pub key: Option<(usize, usize, usize)>,
    /// (index into `Reporting::notes`, byte span in the text or `None` when orphaned).
    pub notes: Vec<(usize, Option<Range<usize>>)>,
}

/// The reader's correction-notes state.
#[derive(Default)]
pub struct Reporting {
    /// The notes file (`--notes`, `LEDE_NOTES`, the config file, the platform default).
    pub path: Option<PathBuf>,
    /// `--endpoint` / `LEDE_ENDPOINT`, and the config file's endpoint.
    pub endpoint: Option<String>,
    pub config_endpoint: Option<String>,
    /// Every note in the file (current revisions), and those saved in this run.
    pub notes: Vec<Note>,
    pub saved_now: HashSet<Uuid>,
    /// Ids of the articles with a note saved to another file in this run.
    pub elsewhere: HashSet<String>,
    /// Where a left-button press in the reader's text was (a drag selects from there).
    pub drag_from: Option<usize>,
    /// Notes placed on the current article's text (kept up to date by `update`).
    pub placed: Placed,
}

impl Reporting {
    /// Set up from the command line and the config file, load the notes and
    /// start the outbox (which sends what is still queued).
    pub fn start(
        notes_path: Option<PathBuf>,
        explicit_endpoint: Option<String>,
        settings: &NotesSettings,
    ) -> (Reporting, Option<OutboxHandle>, Option<String>) {
        let mut r = Reporting {
            path: notes_path,
            endpoint: explicit_endpoint,
            config_endpoint: settings.endpoint.clone(),
            ..Reporting::default()
        };
        let mut warning = None;
        let mut handle = None;
        if let Some(path) = r.path.clone() {
            // only a regular file is read: a device such as /dev/full never ends
            if path.is_file() {
                match notes::Store::new(&path).load() {
                    Ok(loaded) => {
                        if let Some(w) = loaded.warnings.first() {
                            warning = Some(w.to_string());
                        }
                        r.notes = loaded.notes;
                    }
                    Err(e) => warning = Some(e.to_string()),
                }
            }
            let outbox = Outbox::spawn(OutboxConfig {
                store: path,
                endpoint: r.endpoint.clone(),
                config_endpoint: r.config_endpoint.clone(),
                ..OutboxConfig::default()
            });
            if r.notes.iter().any(Note::is_pending) {
                outbox.enqueue_pending();
            }
            handle = Some(outbox);
        }
        (r, handle, warning)
    }

    /// Where a note about `article` goes, if anywhere.
    pub fn endpoint_for(&self, article: &Article) -> Option<String> {
        notes::submit::resolve_endpoint(
            self.endpoint.as_deref(),
            self.config_endpoint.as_deref(),
            article
                .feedback
                .as_ref()
                .and_then(|f| f.endpoint.as_deref()),
        )
    }

    /// Whether the article with this id has correction notes (the list's ✎).
    pub fn has_notes(&self, id: &str) -> bool {
        self.elsewhere.contains(id) || self.notes.iter().any(|n| n.article.id == id)
    }

    /// The notes about the article with this id.
    pub fn for_article<'a>(&'a self, id: &'a str) -> impl Iterator<Item = (usize, &'a Note)> + 'a {
        self.notes
            .iter()
            .enumerate()
            .filter(move |(_, n)| n.article.id == id)
    }
}

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
        paint(app, &spans, super::marker_style(&app.shared.theme), buf);
        if let Some((a, b)) = app.mode.visual() {
            let sel = crate::ui::passage::visual_span(&app.views.reader.doc.text, a, b);
            paint(
                app,
                &[sel],
                Style::new().add_modifier(Modifier::REVERSED),
                buf,
            );
        }
    }
    if let Some(sel) = app.mode.notes_list() {
        render_list(app, sel, area, buf);
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
            let at = app.views.reader.doc.line_of(s.start);
            fill(w.notes_line(), &[("n", &(at + 1).to_string())])
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
    let quote = w.quoted(&n.target.exact);
    let comment: String = n.comment.lines().next().unwrap_or("").to_string();
    [
        head,
        Line::from(vec![Span::raw("  "), Span::raw(comment)]),
        Line::from(vec![
            Span::raw("  "),
            Span::styled(off_screen(app, w, span), t.dim),
            Span::styled(quote, t.mark),
        ]),
    ]
}

/// "↑ off-screen · " when the note's passage is above or below what the
/// reader shows (the list's first column, so that a narrow list keeps it).
fn off_screen(app: &App, w: Words, span: Option<&Range<usize>>) -> &'static str {
    let Some(s) = span else {
        return "";
    };
    let at = app.views.reader.doc.line_of(s.start);
    let top = app.views.reader.scroll;
    if at < top {
        w.notes_above()
    } else if at >= top + app.view_height() {
        w.notes_below()
    } else {
        ""
    }
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
    let line = match super::note_actions::question(app, w, usize::from(inner.width)) {
        Some((q, true)) => Line::styled(q, app.shared.theme.error),
        Some((q, false)) => Line::raw(q),
        None => {
            let hint = fill(
                w.notes_hint_actions(),
                &[
                    ("down", &l.hint(ListAction::Down)),
                    ("up", &l.hint(ListAction::Up)),
                    ("go", &w.key(l.hint(ListAction::Go))),
                    ("retry", &l.hint(ListAction::Retry)),
                    ("withdraw", &l.hint(ListAction::Withdraw)),
                    ("edit", &l.hint(ListAction::Edit)),
                    ("close", &w.key(km.hint(Action::Clear))),
                ],
            );
            Line::styled(hint, app.shared.theme.dim)
        }
    };
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
        Some(a @ (ListAction::Retry | ListAction::Withdraw | ListAction::Edit)) => {
            return super::note_actions::on_list_action(app, sel, a);
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
        .or_else(|| app.views.reader.top_text().map(|r| r.start));
    let Some(at) = at else {
        return;
    };
    let end = next_word_end(&app.views.reader.doc.text, at);
    app.mode = Mode::Visual(Selection {
        anchor: at,
        cursor: end,
    });
    app.shared.status = None;
}

/// A left-button drag over the text selects from where the button went down.
pub fn on_drag(app: &mut App, x: u16, y: u16) {
    let (Some(from), Some(to)) = (
        app.views.report.drag_from,
        crate::ui::passage::byte_at_cell(app, x, y),
    ) else {
        return;
    };
    let (a, b) = if to < from { (to, from) } else { (from, to) };
    let first = app.mode.visual().is_none();
    app.mode = Mode::Visual(Selection {
        anchor: a,
        cursor: b.max(a + 1).min(app.views.reader.doc.text.len()),
    });
    if first {
        // the status bar says how to extend and report it (see visual_hint)
        app.shared.status = None;
    }
}

/// How to extend and report the selection, for the status bar while one
/// is being made (a hint of the mode, not a message: it never expires).
pub fn visual_hint(app: &App) -> String {
    let w = app.words();
    app.shared.keymap.fill_visual(w.visual_hint(), w)
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
