//! What the notes list does to its selected note: retry it (queued again and
//! handed to the outbox), withdraw it (after a y/n question), edit its comment
//! (a one-line input). Each is a new revision written by a [`Cmd::ReviseNote`];
//! its result comes back as [`crate::ui::msg::Msg::NoteRevised`]. What
//! `notes::revise::check` refuses shows its reason and writes nothing.

use crate::notes::Note;
use crate::notes::revise::{self, Change, Edit, Refused};
use crate::ui::app::App;
use crate::ui::cmd::{Cmd, ReviseNote, Revised};
use crate::ui::i18n::{Words, fill};
use crate::ui::keymap::ListAction;
use crate::ui::mode::{Ask, Mode, NoteAsk};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The note on row `sel` of the notes list.
fn selected(app: &App, sel: usize) -> Option<&Note> {
    let (idx, _) = app.views.report.placed.notes.get(sel)?;
    app.views.report.notes.get(*idx)
}

/// A refusal in the article's language.
pub fn refusal(w: Words, r: &Refused) -> String {
    match r {
        Refused::Withdrawn(i) => fill(w.refused_withdrawn(), &[("id", i)]),
        Refused::AlreadySent(i) => fill(w.refused_sent(), &[("id", i)]),
        Refused::NoChange(i) => fill(w.refused_no_change(), &[("id", i)]),
        Refused::Invalid(errors) => errors
            .iter()
            .map(|e| e.message(w.tag()))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The status message for a change that was not made.
fn not_revised(app: &mut App, id: &str, reason: &str) {
    let w = app.article_words();
    let text = fill(w.notes_not_revised(), &[("id", id), ("reason", reason)]);
    app.set_status(&text, true);
}

/// Check `change` on `note`; a refusal is shown and `None` returned.
fn checked(app: &mut App, note: &Note, change: &Change) -> Option<()> {
    match revise::check(note, change) {
        Ok(()) => Some(()),
        Err(r) => {
            let reason = refusal(app.article_words(), &r);
            not_revised(app, &note.short_id(), &reason);
            None
        }
    }
}

/// The command that writes `change` to note `id`, or `None` (and a
/// message) when there is no notes file.
fn revise_cmd(app: &mut App, id: uuid::Uuid, change: Change) -> Vec<Cmd> {
    let Some(path) = app.views.report.path.clone() else {
        let w = app.article_words();
        not_revised(app, &crate::notes::model::short_id(&id), w.notes_no_file());
        return Vec::new();
    };
    vec![Cmd::ReviseNote(Box::new(ReviseNote { path, id, change }))]
}

/// Retry, withdraw or edit the note on row `sel` (the other list keys are
/// handled by `notes::on_list_key`).
pub fn on_list_action(app: &mut App, sel: usize, action: ListAction) -> Vec<Cmd> {
    let Some(note) = selected(app, sel).cloned() else {
        return Vec::new();
    };
    match action {
        ListAction::Retry => {
            if checked(app, &note, &Change::Retry).is_none() {
                return Vec::new();
            }
            revise_cmd(app, note.id, Change::Retry)
        }
        ListAction::Withdraw => {
            if checked(app, &note, &Change::Withdraw).is_some() {
                app.mode = Mode::NoteAsk(NoteAsk {
                    sel,
                    id: note.id,
                    ask: Ask::Withdraw,
                });
            }
            Vec::new()
        }
        ListAction::Edit => {
            // refuse before any typing, as `lede notes edit` does before the editor
            let same = comment_change(note.comment.clone());
            if checked(app, &note, &same).is_some() {
                app.mode = Mode::NoteAsk(NoteAsk {
                    sel,
                    id: note.id,
                    ask: Ask::Comment(note.comment.clone()),
                });
            }
            Vec::new()
        }
        ListAction::Down | ListAction::Up | ListAction::Go | ListAction::Report => Vec::new(),
    }
}

fn comment_change(comment: String) -> Change {
    Change::Edit(Edit {
        comment: Some(comment),
        ..Edit::default()
    })
}

/// An answer to the list's question, or a key typed into the new comment.
pub fn on_answer(app: &mut App, answer: Option<bool>, key: KeyEvent) -> Vec<Cmd> {
    let Mode::NoteAsk(ask) = &mut app.mode else {
        return Vec::new();
    };
    let (sel, id) = (ask.sel, ask.id);
    match (&mut ask.ask, answer) {
        (Ask::Comment(text), None) => {
            if crate::ui::mode::is_ctrl_c(&key) {
                app.mode = Mode::Notes(sel);
            } else {
                match key.code {
                    KeyCode::Backspace => {
                        text.pop();
                    }
                    KeyCode::Char(c)
                        if !c.is_control()
                            && !key
                                .modifiers
                                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                    {
                        text.push(c)
                    }
                    _ => {}
                }
            }
            Vec::new()
        }
        (_, Some(false)) | (Ask::Withdraw, None) => {
            app.mode = Mode::Notes(sel);
            Vec::new()
        }
        (Ask::Withdraw, Some(true)) => {
            app.mode = Mode::Notes(sel);
            revise_cmd(app, id, Change::Withdraw)
        }
        (Ask::Comment(text), Some(true)) => {
            let text = text.trim().to_string();
            let Some(note) = selected(app, sel).filter(|n| n.id == id).cloned() else {
                app.mode = Mode::Notes(sel);
                return Vec::new();
            };
            if text == note.comment {
                app.mode = Mode::Notes(sel);
                return Vec::new();
            }
            let change = comment_change(text);
            // an empty comment is refused: keep the input open to fix it
            if checked(app, &note, &change).is_none() {
                return Vec::new();
            }
            app.mode = Mode::Notes(sel);
            revise_cmd(app, id, change)
        }
    }
}

/// A revision was written (or not): the list shows the new status, the
/// status line says what happened, and a retried note goes to the outbox.
pub fn on_revised(app: &mut App, r: Revised) -> Vec<Cmd> {
    let Revised { revise, result } = r;
    let short = crate::notes::model::short_id(&revise.id);
    let note = match result {
        Ok(n) => n,
        Err(e) => {
            not_revised(app, &short, &e);
            return Vec::new();
        }
    };
    let w = app.article_words();
    let rev = note.rev.to_string();
    let values = [("id", short.as_str()), ("rev", rev.as_str())];
    let (text, cmds) = match revise.change {
        Change::Retry => (
            fill(w.notes_queued_again(), &values),
            vec![Cmd::Submit(note.id)],
        ),
        Change::Withdraw => (fill(w.notes_withdrawn(), &values), Vec::new()),
        _ if note.status == crate::notes::Status::Failed => {
            let key = app.shared.keymap.list.hint(ListAction::Retry);
            let mut text = fill(w.notes_edited(), &values);
            text.push(' ');
            text.push_str(&fill(w.notes_edited_retry(), &[("key", &key)]));
            (text, Vec::new())
        }
        _ => (fill(w.notes_edited(), &values), Vec::new()),
    };
    let notes = &mut app.views.report.notes;
    match notes.iter_mut().find(|n| n.id == note.id) {
        Some(slot) => *slot = note,
        None => notes.push(note),
    }
    app.set_status(&text, false);
    cmds
}

/// The list's bottom line (`width` columns) while it asks something: the
/// question (true), or the comment being typed (its end, when it is long).
pub fn question(app: &App, w: Words, width: usize) -> Option<(String, bool)> {
    let Mode::NoteAsk(ask) = &app.mode else {
        return None;
    };
    Some(match &ask.ask {
        Ask::Withdraw => {
            let id = crate::notes::model::short_id(&ask.id);
            (fill(w.notes_ask_withdraw(), &[("id", &id)]), true)
        }
        Ask::Comment(t) => {
            let (prompt, keys) = (w.notes_edit_prompt(), w.notes_edit_keys());
            let room = width.saturating_sub(prompt.width() + keys.width() + 1);
            (format!("{prompt}{}▏{keys}", tail(&shown(t), room)), false)
        }
    })
}

/// A comment as the input shows it: cleaned, line breaks as spaces.
fn shown(text: &str) -> String {
    crate::article::sanitize::clean_text(text)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The end of `text` that fits in `room` columns (`…` when cut).
fn tail(text: &str, room: usize) -> String {
    if text.width() <= room {
        return text.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let cw = c.width().unwrap_or(0);
        if used + cw > room {
            break;
        }
        used += cw;
        out.push(c);
    }
    std::iter::once('…').chain(out.into_iter().rev()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_input_shows_the_end_of_a_long_comment() {
        let cases = [
            ("court", 10, "court"),
            ("abcdefghij", 5, "…ghij"),
            ("北京北京北京", 5, "…北京"),
            ("", 0, ""),
        ];
        for (text, room, want) in cases {
            let got = tail(text, room);
            assert_eq!(got, want, "{text:?} in {room}");
            assert!(got.width() <= room, "{got:?} in {room}");
        }
        let s = shown("ligne un\nligne\u{1b}[31m deux");
        assert!(!s.chars().any(char::is_control), "{s:?}");
        assert!(s.starts_with("ligne un ligne"), "{s:?}");
    }
}
