//! The report-an-error form and the reader's side of correction notes:
//! opening the form on a passage, saving through [`crate::notes::Store`]
//! (the status bar says "saved" only once the line is fsynced), handing the
//! note to the outbox and showing what it reports, without ever blocking.
//!
//! The reader's `App::update` passes every message through [`intercept`]
//! first; the form, the notes list and the visual selection take what is
//! theirs and give the rest back.

pub mod labels;
pub mod state;
pub mod view;

use crate::article::Article;
use crate::notes::{self, Note, NotesSettings, Outbox, OutboxConfig, OutboxEvent, OutboxHandle};
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

/// The sentence around byte `at` of `text`: from after the previous sentence
/// end (`.`, `!`, `?`, `…` followed by a space) or paragraph break, to the next.
pub fn sentence_at(text: &str, at: usize) -> Range<usize> {
    let at = at.min(text.len());
    let mut at = at;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let is_end = |prev: char, next: Option<char>| {
        matches!(prev, '.' | '!' | '?' | '…') && next.is_none_or(char::is_whitespace)
    };
    // start: after the last sentence end or newline before `at`
    let mut start = 0;
    let before = &text[..at];
    let mut prev: Option<(usize, char)> = None;
    for (i, c) in before.char_indices() {
        if c == '\n' {
            start = i + 1;
        } else if let Some((_, p)) = prev
            && c.is_whitespace()
            && is_end(p, Some(c))
        {
            start = i;
        }
        prev = Some((i, c));
    }
    // end: the next sentence end (inclusive) or newline at or after `at`
    let mut end = text.len();
    let mut it = text[at..].char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '\n' {
            end = at + i;
            break;
        }
        let next = it.peek().map(|(_, n)| *n);
        if is_end(c, next) && at + i >= start {
            end = at + i + c.len_utf8();
            break;
        }
    }
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let (a, b) = (start + lead, end - trail);
    if a < b { a..b } else { start..end }
}

/// A passage for the form: the target's span as given when a mention or
/// match is followed, else the sentence around it; never empty when the
/// text has any words.
pub fn passage(text: &str, target: &ReportTarget, followed: bool) -> Option<Range<usize>> {
    let span = target.span.map(|s| s.start..s.end);
    let ok = |r: &Range<usize>| {
        r.start < r.end && text.get(r.clone()).is_some_and(|s| !s.trim().is_empty())
    };
    if followed && let Some(r) = span.clone().filter(ok) {
        return Some(r);
    }
    let at = span.map(|r| r.start).unwrap_or(0);
    let r = sentence_at(text, at);
    if ok(&r) {
        return Some(r);
    }
    let first = text.find(|c: char| !c.is_whitespace())?;
    let r = sentence_at(text, first);
    ok(&r).then_some(r)
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

/// The selection from `a` to `b` widened to whole words.
pub fn visual_span(text: &str, a: usize, b: usize) -> Range<usize> {
    let (lo, hi) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
    let is_word = |c: char| !c.is_whitespace();
    let mut start = lo;
    while start > 0 {
        let Some(c) = text[..start].chars().next_back() else {
            break;
        };
        if !is_word(c) {
            break;
        }
        start -= c.len_utf8();
    }
    let mut end = hi.max(start);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    for c in text[end..].chars() {
        if !is_word(c) {
            break;
        }
        end += c.len_utf8();
    }
    start..end
}

/// The byte of the reader's text under the cell (x, y), if text is shown there.
pub fn byte_at_cell(app: &App, x: u16, y: u16) -> Option<usize> {
    let rt = app.panes.reader_text;
    if app.panes.reader.is_none() || !rt.contains((x, y).into()) {
        return None;
    }
    let line = app.scroll + usize::from(y - rt.y);
    let r = app.doc.lines.get(line)?.range()?.clone();
    let col = usize::from(x - rt.x);
    let mut w = 0;
    for (i, c) in app.text.get(r.clone())?.char_indices() {
        w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w > col {
            return Some(r.start + i);
        }
    }
    Some(r.end)
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
        Msg::OpenReport(target) => {
            open(app, target);
            Ok(None)
        }
        Msg::Key(key) if key.kind != KeyEventKind::Release => on_key(app, key).ok_or(msg),
        Msg::Mouse(m) if app.report.form.is_some() => {
            view::on_mouse(app, m);
            Ok(None)
        }
        other => Err(other),
    }
}

fn lang_of(app: &App, index: usize) -> &'static Labels {
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
        "Aucune adresse d'envoi : elle reste enregistrée localement."
    } else {
        "No endpoint configured: the note stays saved locally."
    }
}

fn short_path(p: &Path) -> String {
    p.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// Take what the outbox reported (never waits); true when something changed.
pub fn poll(app: &mut App) -> bool {
    let Some(outbox) = app.report.outbox.as_ref() else {
        return false;
    };
    let events: Vec<OutboxEvent> = outbox.events().try_iter().collect();
    let mut changed = false;
    for ev in events {
        changed |= on_outbox_event(app, ev);
    }
    changed
}

/// Show one outbox event in the status bar; true when something changed.
pub fn on_outbox_event(app: &mut App, ev: OutboxEvent) -> bool {
    let fr = lang_of(app, app.current).is_fr();
    {
        let short = |id: &Uuid| {
            let s = id.simple().to_string();
            s[s.len() - 8..].to_string()
        };
        let (text, error) = match &ev {
            OutboxEvent::Sent { id, status, .. } => {
                set_status_of(app, *id, notes::Status::Sent);
                if fr {
                    (
                        format!("Note {} envoyée (HTTP {status}).", short(id)),
                        false,
                    )
                } else {
                    (format!("Note {} sent (HTTP {status}).", short(id)), false)
                }
            }
            OutboxEvent::Retrying {
                id, after, reason, ..
            } => {
                let s = after.as_secs().max(1);
                if fr {
                    (
                        format!(
                            "Note {} : envoi échoué ({reason}), nouvel essai dans {s} s.",
                            short(id)
                        ),
                        false,
                    )
                } else {
                    (
                        format!(
                            "Note {}: sending failed ({reason}), retrying in {s} s.",
                            short(id)
                        ),
                        false,
                    )
                }
            }
            OutboxEvent::Deferred { id, reason } => {
                if fr {
                    (
                        format!(
                            "Note {} en attente : {reason}. Elle partira au prochain lancement.",
                            short(id)
                        ),
                        false,
                    )
                } else {
                    (
                        format!(
                            "Note {} still queued: {reason}. It will be retried at the next start.",
                            short(id)
                        ),
                        false,
                    )
                }
            }
            OutboxEvent::Failed { id, reason, .. } => {
                set_status_of(app, *id, notes::Status::Failed);
                if fr {
                    (
                        format!("Note {} refusée par le serveur : {reason}", short(id)),
                        true,
                    )
                } else {
                    (
                        format!("Note {} refused by the server: {reason}", short(id)),
                        true,
                    )
                }
            }
            OutboxEvent::NoEndpoint { id, mailto } if app.report.saved_now.contains(id) => {
                // The save message already said the note stays local; keep
                // "saved" in view and add the publisher's address if any.
                let Some(m) = mailto else { return false };
                let address = m.split('?').next().unwrap_or(m);
                let file = app
                    .report
                    .path
                    .as_deref()
                    .map(short_path)
                    .unwrap_or_default();
                let t = if fr {
                    format!(
                        "Note enregistrée ({file}). Le journal reçoit les corrections à {address}."
                    )
                } else {
                    format!("Note saved ({file}). The publisher takes corrections at {address}.")
                };
                (t, false)
            }
            OutboxEvent::StoreError { message, .. } => (message.clone(), true),
            _ => return false,
        };
        app.set_status(&text, error);
        true
    }
}

fn set_status_of(app: &mut App, id: Uuid, status: notes::Status) {
    for n in app.report.notes.iter_mut().filter(|n| n.id == id) {
        n.status = status;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str, r: Range<usize>) -> &str {
        &text[r]
    }

    #[test]
    fn sentence_at_finds_the_sentence_around_a_position() {
        let text = "Titre du jour\n\nPremière phrase. Deuxième, avec M. Durand ? Oui… Fin";
        let cases: &[(&str, &str)] = &[
            ("Titre", "Titre du jour"),
            ("Première", "Première phrase."),
            ("phrase", "Première phrase."),
            ("Deuxième", "Deuxième, avec M."),
            ("Oui", "Oui…"),
            ("Fin", "Fin"),
        ];
        for (at, want) in cases {
            let i = text.find(at).unwrap();
            assert_eq!(quoted(text, sentence_at(text, i)), *want, "at {at}");
        }
        // out of range and mid-character positions are clamped, never a panic
        assert_eq!(quoted(text, sentence_at(text, 10_000)), "Fin");
        let e = text.find('è').unwrap() + 1;
        assert_eq!(quoted(text, sentence_at(text, e)), "Première phrase.");
    }

    #[test]
    fn visual_span_widens_to_words_in_any_script() {
        let text = "Ольга Петрова a vu Zoe\u{301} Martin à 京都.";
        let a = text.find("льга").unwrap();
        let b = text.find("Петрова").unwrap() + 2;
        assert_eq!(quoted(text, visual_span(text, a, b)), "Ольга Петрова");
        let z = text.find("Zoe").unwrap() + 1;
        assert_eq!(quoted(text, visual_span(text, z, z)), "Zoe\u{301}");
        // reversed ends and ends past the text
        assert_eq!(quoted(text, visual_span(text, b, a)), "Ольга Петрова");
        let end = visual_span(text, text.len() + 5, text.len() + 9);
        assert!(end.end <= text.len());
    }

    #[test]
    fn passage_prefers_the_followed_mention_then_the_sentence() {
        let text = "Un titre\n\nLa maire a parlé. Le conseil a voté.";
        let at = text.find("conseil").unwrap();
        let target = |s: Option<(usize, usize)>| ReportTarget {
            article: 0,
            span: s.map(|(a, b)| crate::extract::Span::new(a, b)),
        };
        let t = target(Some((at, at + "conseil".len())));
        assert_eq!(quoted(text, passage(text, &t, true).unwrap()), "conseil");
        assert_eq!(
            quoted(text, passage(text, &t, false).unwrap()),
            "Le conseil a voté."
        );
        assert_eq!(
            quoted(text, passage(text, &target(None), false).unwrap()),
            "Un titre"
        );
        assert_eq!(passage("   ", &target(None), false), None);
    }
}
