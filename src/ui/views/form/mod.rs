//! The report-an-error form and the reader's side of correction notes:
//! opening the form on a passage, saving through [`crate::notes::Store`]
//! (the status bar says "saved" only once the line is fsynced), handing the
//! note to the outbox and showing what it reports, without ever blocking.
//!
//! The form has the keyboard when the reader's mode is `Mode::Form`
//! ([`crate::ui::mode::route`] sends it every key). Saving is a command
//! ([`Cmd::SaveNote`]); the form closes and the status bar says "saved" only
//! when its result ([`on_saved`]) comes back.

pub mod events;
pub mod layout;
pub mod state;
pub mod view;

use crate::ui::passage::{passage, visual_span};
pub use events::on_outbox_event;

use crate::notes::{self, Note};
use crate::ui::app::App;
use crate::ui::cmd::{Cmd, SaveNote, Saved};
use crate::ui::mode::Mode;
use crate::ui::msg::ReportTarget;
use crossterm::event::KeyEvent;
use state::{About, Form, FormAction, KeyHints};
use std::path::{Path, PathBuf};

/// Open the form on `target` (on the visual selection when there is one).
pub fn open(app: &mut App, target: ReportTarget) {
    let Some(article) = app.shared.articles.get(target.article) else {
        app.set_status(app.words().msg_no_article(), false);
        return;
    };
    let text = article.text();
    let span = match app.mode {
        Mode::Visual(s) => Some(visual_span(&text, s.anchor, s.cursor)),
        _ => passage(&text, &target, app.views.reader.marks.is_some()),
    };
    let Some(span) = span else {
        app.mode = Mode::Browse;
        app.set_status(app.words().msg_no_text(), false);
        return;
    };
    let endpoint = app.views.report.endpoint_for(article);
    let path = app.views.report.path.clone();
    let about = About::new(target.article, article, span, endpoint, path);
    let labels = app.words_for(target.article);
    let keys = KeyHints::new(&app.shared.keymap.form, labels);
    app.mode = Mode::Form(Box::new(Form::new(about, labels, keys)));
}

/// A key for the open form.
pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<Cmd> {
    let Mode::Form(form) = &mut app.mode else {
        return Vec::new();
    };
    let action = form.on_key(key, &app.shared.keymap.form);
    apply(app, action)
}

/// Do what the form asked.
pub fn apply(app: &mut App, action: FormAction) -> Vec<Cmd> {
    match action {
        FormAction::None => Vec::new(),
        FormAction::Cancel => {
            if let Mode::Form(f) = std::mem::take(&mut app.mode) {
                app.set_status(f.labels.cancelled(), false);
            }
            Vec::new()
        }
        FormAction::Submit => submit(app, None),
        FormAction::SaveTo(p) => submit(app, Some(p)),
    }
}

/// Validate and build the note; saving it (in the notes file or `elsewhere`)
/// is the returned command. The form stays open until the save's result.
pub fn submit(app: &mut App, elsewhere: Option<PathBuf>) -> Vec<Cmd> {
    let main_path = app.views.report.path.clone();
    let Mode::Form(form) = &mut app.mode else {
        return Vec::new();
    };
    if !form.validate() {
        return Vec::new();
    }
    let labels = form.labels;
    let Some(article) = app.shared.articles.get(form.about.article) else {
        form.save_error = Some(labels.article_gone().into());
        return Vec::new();
    };
    let note = match Note::new(article, form.about.span.clone(), &form.draft()) {
        Ok(n) => n,
        Err(e) => {
            form.save_error = Some(format!("{}{}{e}", labels.not_saved(), labels.colon()));
            return Vec::new();
        }
    };
    let Some(path) = elsewhere.or_else(|| main_path.clone()) else {
        let why = notes::NoNotesPath;
        form.save_failed(
            format!("{}{}{why}", labels.not_saved(), labels.colon()),
            None,
        );
        return Vec::new();
    };
    let main_file = main_path.as_deref() == Some(path.as_path());
    vec![Cmd::SaveNote(Box::new(SaveNote {
        note,
        path,
        article: form.about.article,
        main_file,
    }))]
}

/// The result of a save: "saved" (and the note goes to the outbox), or the
/// form shows why not and offers another file.
pub fn on_saved(app: &mut App, saved: Saved) -> Vec<Cmd> {
    let Saved { save, result } = saved;
    let labels = app.words_for(save.article);
    if let Err(e) = result {
        let message = format!("{}{}{e}", labels.not_saved(), labels.colon());
        match app.mode.form_mut() {
            Some(form) => form.save_failed(message, Some(&save.path)),
            None => app.set_status(&message, true),
        }
        return Vec::new();
    }
    if app.mode.form().is_some() {
        app.mode = Mode::Browse;
    }
    let SaveNote {
        note,
        path,
        article,
        main_file,
    } = save;
    let mut msg = if main_file {
        format!("{} ({}).", labels.saved(), short_path(&path))
    } else {
        format!("{} {}.", labels.saved_to(), path.display())
    };
    let mut cmds = Vec::new();
    if main_file {
        let no_endpoint = app
            .shared
            .articles
            .get(article)
            .is_none_or(|a| app.views.report.endpoint_for(a).is_none());
        let id = note.id;
        app.views.report.saved_now.insert(id);
        app.views.report.notes.push(note);
        cmds.push(Cmd::Submit(id));
        if no_endpoint {
            msg.push(' ');
            msg.push_str(labels.no_endpoint_short());
        }
    } else {
        app.views.report.elsewhere.insert(note.article.id.clone());
    }
    app.set_status(&msg, false);
    cmds
}

pub(crate) fn short_path(p: &Path) -> String {
    p.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}
