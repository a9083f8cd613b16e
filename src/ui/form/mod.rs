//! The report-an-error form and the reader's side of correction notes:
//! opening the form on a passage, saving through [`crate::notes::Store`]
//! (the status bar says "saved" only once the line is fsynced), handing the
//! note to the outbox and showing what it reports, without ever blocking.
//!
//! The reader's `App::update` passes every message through [`intercept`]
//! first; the form, the notes list and the visual selection take what is
//! theirs and give the rest back.

pub mod events;
pub mod labels;
pub mod layout;
pub mod passage;
pub mod state;
pub mod view;

pub use events::{on_outbox_event, poll};
pub use passage::{byte_at_cell, passage, sentence_at, visual_span};

use crate::article::Article;
use crate::notes::{self, Note, NotesSettings, Outbox, OutboxConfig, OutboxHandle};
use crate::ui::app::App;
use crate::ui::msg::{Msg, ReportTarget};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use labels::Labels;
use state::{Form, FormAction};
use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
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
    /// The open form.
    pub form: Option<Box<Form>>,
    /// The notes file (`--notes`, `LEDE_NOTES`, the config file, the platform default).
    pub path: Option<PathBuf>,
    /// `--endpoint` / `LEDE_ENDPOINT`, and the config file's endpoint.
    pub endpoint: Option<String>,
    pub config_endpoint: Option<String>,
    pub outbox: Option<OutboxHandle>,
    /// Every note in the file (current revisions), and those saved in this run.
    pub notes: Vec<Note>,
    pub saved_now: HashSet<Uuid>,
    /// The notes list overlay, open with its selected row.
    pub list: Option<usize>,
    /// The visual selection in the reader: (anchor byte, cursor byte).
    pub visual: Option<(usize, usize)>,
    /// Where a left-button press in the reader's text was (a drag selects from there).
    pub drag_from: Option<usize>,
    /// Notes placed on the current article's text (computed when drawn).
    pub placed: RefCell<Placed>,
}

/// Key that opens the notes list ("my notes"), when the keymap leaves it free.
pub const NOTES_LIST_KEY: char = 'm';
/// Key that starts a visual selection in the reader.
pub const VISUAL_KEY: char = 'v';

/// Whether a notes key (`m`, `v`) works: the keymap leaves it free.
pub fn key_is_free(app: &App, c: char) -> bool {
    app.keymap
        .action(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
        .is_none()
}

/// Rows for the help overlay: the notes keys that are free in the keymap,
/// then the keys of the report form (which are fixed).
pub fn help_rows(app: &App) -> Vec<(String, &'static str)> {
    let mut rows = Vec::new();
    if key_is_free(app, NOTES_LIST_KEY) {
        rows.push((
            NOTES_LIST_KEY.to_string(),
            "list the notes on this article (Enter goes to the passage)",
        ));
    }
    if key_is_free(app, VISUAL_KEY) {
        rows.push((
            VISUAL_KEY.to_string(),
            "select a passage: w/b word, j/k line, e report it, Esc cancel",
        ));
    }
    rows.push((String::new(), ""));
    rows.push(("in the form:".into(), ""));
    rows.push((
        "Tab Shift-Tab".into(),
        "next / previous field (the form opens in the comment)",
    ));
    rows.push(("← →".into(), "change the error type or severity"));
    rows.push(("Ctrl-S".into(), "save the note, from any field"));
    rows.push((
        "Esc Ctrl-c".into(),
        "cancel (asks first when something was typed)",
    ));
    rows
}

impl Reporting {
    /// Set up from the command line and the config file, load the notes and
    /// start the outbox (which sends what is still queued).
    pub fn start(
        notes_path: Option<PathBuf>,
        explicit_endpoint: Option<String>,
        settings: &NotesSettings,
    ) -> (Reporting, Option<String>) {
        let mut r = Reporting {
            path: notes_path,
            endpoint: explicit_endpoint,
            config_endpoint: settings.endpoint.clone(),
            ..Reporting::default()
        };
        let mut warning = None;
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
            r.outbox = Some(outbox);
        }
        (r, warning)
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

    /// The notes about the article with this id.
    pub fn for_article<'a>(&'a self, id: &'a str) -> impl Iterator<Item = (usize, &'a Note)> + 'a {
        self.notes
            .iter()
            .enumerate()
            .filter(move |(_, n)| n.article.id == id)
    }
}

/// Open the form on `target`.
pub fn open(app: &mut App, target: ReportTarget) {
    let Some(article) = app.articles.get(target.article) else {
        app.set_status("No article to report on.", false);
        return;
    };
    let text = article.text();
    let span = match app.report.visual.take() {
        Some((a, b)) => Some(visual_span(&text, a, b)),
        None => passage(&text, &target, app.marks.is_some()),
    };
    let Some(span) = span else {
        app.set_status("This article has no text to report on.", false);
        return;
    };
    let endpoint = app.report.endpoint_for(article);
    let form = Form::new(
        target.article,
        article,
        span,
        endpoint,
        app.report.path.clone(),
    );
    app.report.list = None;
    app.report.form = Some(Box::new(form));
}

/// Raw mouse events the reader's messages do not carry: a left-button drag
/// over the text selects a passage (then `e` reports it). Returns true when
/// the event was used up; a press is only noted, so clicks still work.
pub fn on_mouse_event(app: &mut App, ev: &crossterm::event::MouseEvent) -> bool {
    use crossterm::event::{MouseButton, MouseEventKind};
    if app.report.form.is_some() || app.report.list.is_some() {
        return false;
    }
    match ev.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            app.report.drag_from = byte_at_cell(app, ev.column, ev.row);
            false
        }
        MouseEventKind::Drag(MouseButton::Left) => {
            let (Some(from), Some(to)) =
                (app.report.drag_from, byte_at_cell(app, ev.column, ev.row))
            else {
                return false;
            };
            let (a, b) = if to < from { (to, from) } else { (from, to) };
            let first = app.report.visual.is_none();
            app.report.visual = Some((a, b.max(a + 1).min(app.text.len())));
            if first {
                crate::ui::notes_view::visual_hint(app);
            }
            true
        }
        MouseEventKind::Up(MouseButton::Left) => {
            app.report.drag_from = None;
            false
        }
        _ => false,
    }
}

/// Give the form, the notes list and the visual selection their messages;
/// anything else comes back (`Err`) for the reader.
pub fn intercept(app: &mut App, msg: Msg) -> Result<Option<Msg>, Msg> {
    match msg {
        Msg::Key(key) if key.kind != KeyEventKind::Release => on_key(app, key).ok_or(msg),
        Msg::Mouse(m) if app.report.form.is_some() => {
            view::on_mouse(app, m);
            Ok(None)
        }
        other => Err(other),
    }
}

pub(crate) fn lang_of(app: &App, index: usize) -> &'static Labels {
    Labels::for_lang(
        app.articles
            .get(index)
            .map(|a| a.in_language.as_str())
            .unwrap_or("en"),
    )
}

/// `Some(follow-up)` when the key was taken.
fn on_key(app: &mut App, key: KeyEvent) -> Option<Option<Msg>> {
    if let Some(form) = app.report.form.as_mut() {
        let action = form.on_key(key);
        apply(app, action);
        return Some(None);
    }
    if app.input.is_some() || app.help.is_some() {
        return None;
    }
    if let Some(sel) = app.report.list {
        return Some(crate::ui::notes_view::on_list_key(app, sel, key));
    }
    if app.report.visual.is_some() {
        return crate::ui::notes_view::on_visual_key(app, key);
    }
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    if plain && app.keymap.action(&key).is_none() {
        match key.code {
            KeyCode::Char(NOTES_LIST_KEY) => {
                app.report.list = Some(0);
                return Some(None);
            }
            KeyCode::Char(VISUAL_KEY) => {
                crate::ui::notes_view::start_visual(app);
                return Some(None);
            }
            _ => {}
        }
    }
    None
}

/// Do what the form asked.
pub fn apply(app: &mut App, action: FormAction) {
    match action {
        FormAction::None => {}
        FormAction::Cancel => {
            let l = app.report.form.as_ref().map(|f| f.labels);
            app.report.form = None;
            if let Some(l) = l {
                app.set_status(l.cancelled, false);
            }
        }
        FormAction::Submit => submit(app, None),
        FormAction::SaveTo(p) => submit(app, Some(p)),
    }
}

/// Validate, build the note and append it to the notes file (or `elsewhere`).
/// The form closes only when the note is on disk.
pub fn submit(app: &mut App, elsewhere: Option<PathBuf>) {
    let Some(form) = app.report.form.as_mut() else {
        return;
    };
    if !form.validate() {
        return;
    }
    let labels = form.labels;
    let Some(article) = app.articles.get(form.article) else {
        form.save_error = Some("The article is no longer loaded.".into());
        return;
    };
    let note = match Note::new(article, form.span.clone(), &form.draft()) {
        Ok(n) => n,
        Err(e) => {
            form.save_error = Some(format!("{}{}{e}", labels.not_saved, labels.colon()));
            return;
        }
    };
    let Some(path) = elsewhere.clone().or_else(|| app.report.path.clone()) else {
        form.save_failed(
            format!(
                "{}{}{}",
                labels.not_saved,
                labels.colon(),
                notes::NoNotesPath
            ),
            None,
        );
        return;
    };
    match notes::Store::new(&path).append(&note) {
        Ok(()) => {
            let main_file = app.report.path.as_deref() == Some(path.as_path());
            app.report.form = None;
            app.noted.insert(note.article.id.clone());
            let id = note.id;
            let mut msg = if main_file {
                format!("{} ({}).", labels.saved, short_path(&path))
            } else {
                format!("{} {}.", labels.saved_to, path.display())
            };
            let endpoint = app.report.endpoint_for(article);
            if main_file {
                app.report.saved_now.insert(id);
                app.report.notes.push(note);
                app.report.placed.borrow_mut().key = None;
                if let Some(o) = &app.report.outbox {
                    o.enqueue(id);
                }
                if endpoint.is_none() {
                    msg.push(' ');
                    msg.push_str(no_endpoint_short(labels));
                }
            }
            app.set_status(&msg, false);
        }
        Err(e) => {
            let message = format!("{}{}{e}", labels.not_saved, labels.colon());
            if let Some(form) = app.report.form.as_mut() {
                form.save_failed(message, Some(&path));
            }
        }
    }
}

fn no_endpoint_short(l: &Labels) -> &'static str {
    if l.is_fr() {
        "Pas d'adresse d'envoi."
    } else {
        "Not sent: no endpoint."
    }
}

pub(crate) fn short_path(p: &Path) -> String {
    p.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}
