//! Changing a note after it was filed: retry, edit, withdraw, mark as sent
//! by mail. Each change is a new revision appended to the store; nothing is
//! ever deleted. The checks are pure functions ([`check`]) so the reader and
//! the command line refuse the same things with the same words.

use super::draft::{Draft, FieldError};
use super::model::{
    Attempt, AttemptOutcome, Category, MailRecord, Note, Severity, Status, now_utc,
};
use super::store::{Store, StoreError};
use uuid::Uuid;

/// A change to a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Queue a failed (or still queued) note again.
    Retry,
    /// New words for a note not yet sent.
    Edit(Edit),
    /// Take the note back: a revision with [`Status::Withdrawn`].
    Withdraw,
    /// The user says they sent it by e-mail to `to`.
    MarkSentByMail { to: Option<String> },
}

/// The fields `lede notes edit` may change; `None` keeps the current value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Edit {
    pub comment: Option<String>,
    /// `Some("")` removes the suggestion.
    pub suggestion: Option<String>,
    pub category: Option<Category>,
    pub severity: Option<Severity>,
}

impl Edit {
    pub fn is_empty(&self) -> bool {
        self == &Edit::default()
    }
}

/// Why a change is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("note {0} was withdrawn; file a new note instead")]
    Withdrawn(String),
    #[error("note {0} was already sent; withdraw it and file a new note to change it")]
    AlreadySent(String),
    #[error(
        "nothing to change in note {0} (give --comment, --suggestion, --category or --severity, or edit it in $EDITOR)"
    )]
    NoChange(String),
    #[error("{}", .0.iter().map(|e| e.message("en")).collect::<Vec<_>>().join(" "))]
    Invalid(Vec<FieldError>),
}

/// Whether `change` may be applied to `note` as it is now.
pub fn check(note: &Note, change: &Change) -> Result<(), Refused> {
    let id = note.short_id();
    match (note.status, change) {
        (Status::Withdrawn, Change::Withdraw) => Ok(()),
        (Status::Withdrawn, _) => Err(Refused::Withdrawn(id)),
        (_, Change::Withdraw) => Ok(()),
        (Status::Sent, Change::Retry | Change::Edit(_)) => Err(Refused::AlreadySent(id)),
        // Reached one destination already: new words would make the copies differ.
        (_, Change::Edit(_))
            if note.hypothesis.is_some() || note.mail.is_some() || note.location.is_some() =>
        {
            Err(Refused::AlreadySent(id))
        }
        (_, Change::Retry) => Ok(()),
        (_, Change::Edit(e)) if e.is_empty() => Err(Refused::NoChange(id)),
        (_, Change::Edit(_)) => {
            let mut edited = note.clone();
            apply(&mut edited, change);
            let errors = draft_of(&edited).validate();
            if errors.is_empty() {
                Ok(())
            } else {
                Err(Refused::Invalid(errors))
            }
        }
        (_, Change::MarkSentByMail { .. }) => Ok(()),
    }
}

/// The note's words as a form draft, to validate an edit the same way.
pub fn draft_of(note: &Note) -> Draft {
    Draft {
        category: note.category,
        severity: note.severity,
        suggestion: note.suggestion.clone().unwrap_or_default(),
        comment: note.comment.clone(),
        name: note.reporter.name.clone().unwrap_or_default(),
        email: note.reporter.email.clone().unwrap_or_default(),
        consent: note.reporter.consent,
    }
}

/// Apply `change` to a new revision (the caller appends it). Call [`check`] first.
pub fn apply(note: &mut Note, change: &Change) {
    match change {
        Change::Retry => note.status = Status::Queued,
        Change::Edit(e) => {
            if let Some(c) = &e.comment {
                note.comment = c.trim_end().to_string();
            }
            if let Some(s) = &e.suggestion {
                note.suggestion = (!s.trim().is_empty()).then(|| s.clone());
            }
            if let Some(c) = e.category {
                note.category = c;
            }
            if let Some(s) = e.severity {
                note.severity = s;
            }
            // Not sent yet: the next attempt sends the new words.
            note.payload = None;
        }
        Change::Withdraw => {
            if note.status != Status::Withdrawn {
                note.status = Status::Withdrawn;
                note.withdrawn = Some(now_utc());
            }
        }
        Change::MarkSentByMail { to } => {
            let marked = now_utc();
            note.mail = Some(MailRecord {
                to: to.clone(),
                marked: marked.clone(),
            });
            note.attempts.push(Attempt {
                at: marked,
                endpoint: format!("mailto:{}", to.as_deref().unwrap_or("")),
                outcome: AttemptOutcome::Sent,
                http_status: None,
                message: "sent by mail (not confirmed)".into(),
                retry_after_secs: None,
            });
        }
    }
}

/// An error from [`revise`].
#[derive(Debug, thiserror::Error)]
pub enum ReviseError {
    #[error(transparent)]
    Refused(#[from] Refused),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Check and apply `change` to note `id` in `store`, as a new revision.
/// Returns the new revision.
pub fn revise(store: &Store, id: Uuid, change: &Change) -> Result<Note, ReviseError> {
    let loaded = store.load()?;
    let current = loaded.get(id).ok_or_else(|| StoreError::NotFound {
        path: store.path().to_path_buf(),
        id,
    })?;
    check(current, change)?;
    Ok(store.update(id, |n| apply(n, change))?)
}

/// The note named by `key`: a full id, or the end of one (6 characters or
/// more) as `lede notes list` shows it.
pub fn find<'a>(notes: &'a [Note], key: &str) -> Result<&'a Note, String> {
    let key = key.trim().to_ascii_lowercase();
    let found: Vec<&Note> = notes
        .iter()
        .filter(|n| {
            let full = n.id.to_string();
            let simple = n.id.simple().to_string();
            key == full || (key.len() >= 6 && (full.ends_with(&key) || simple.ends_with(&key)))
        })
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(format!("no note with id {key:?}")),
        many => Err(format!(
            "{key:?} names {} notes; give more of the id",
            many.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn note(status: Status) -> Note {
        let a = Article {
            headline: "Titre".into(),
            in_language: "fr".into(),
            paragraphs: vec!["Le président Assimi Goita à Moscou.".into()],
            ..Default::default()
        }
        .finish();
        let text = a.text();
        let span = Note::find_quote(&text, "Assimi Goita", 1).expect("quote");
        let d = Draft {
            comment: "Tréma.".into(),
            suggestion: "Assimi Goïta".into(),
            ..Draft::default()
        };
        let mut n = Note::new(&a, span, &d).expect("note");
        n.status = status;
        n
    }

    fn edit_comment(c: &str) -> Change {
        Change::Edit(Edit {
            comment: Some(c.into()),
            ..Edit::default()
        })
    }

    #[test]
    fn what_each_status_allows() {
        use Status::*;
        let table: [(Status, Change, bool); 16] = [
            (Queued, Change::Retry, true),
            (Failed, Change::Retry, true),
            (Sent, Change::Retry, false),
            (Withdrawn, Change::Retry, false),
            (Queued, edit_comment("Autre."), true),
            (Failed, edit_comment("Autre."), true),
            (Sent, edit_comment("Autre."), false),
            (Withdrawn, edit_comment("Autre."), false),
            (Queued, Change::Edit(Edit::default()), false),
            (Queued, edit_comment("   "), false),
            (Queued, Change::Withdraw, true),
            (Sent, Change::Withdraw, true),
            (Failed, Change::Withdraw, true),
            (Withdrawn, Change::Withdraw, true),
            (Queued, Change::MarkSentByMail { to: None }, true),
            (Withdrawn, Change::MarkSentByMail { to: None }, false),
        ];
        for (status, change, ok) in table {
            let r = check(&note(status), &change);
            assert_eq!(r.is_ok(), ok, "{status} {change:?}: {r:?}");
        }
    }

    #[test]
    fn apply_changes_the_revision_only_as_asked() {
        let mut n = note(Status::Failed);
        n.payload = Some("{}".into());
        apply(&mut n, &Change::Retry);
        assert_eq!(n.status, Status::Queued);
        assert_eq!(
            n.payload.as_deref(),
            Some("{}"),
            "a retry sends the same bytes"
        );

        apply(
            &mut n,
            &Change::Edit(Edit {
                suggestion: Some(String::new()),
                severity: Some(Severity::Serious),
                ..Edit::default()
            }),
        );
        assert_eq!(n.suggestion, None);
        assert_eq!(n.severity, Severity::Serious);
        assert_eq!(n.comment, "Tréma.");
        assert_eq!(n.payload, None, "an edit is sent with its new words");

        apply(&mut n, &Change::Withdraw);
        assert_eq!(n.status, Status::Withdrawn);
        let when = n.withdrawn.clone().expect("withdrawal time");
        apply(&mut n, &Change::Withdraw);
        assert_eq!(
            n.withdrawn,
            Some(when),
            "withdrawing twice keeps the first time"
        );
    }

    #[test]
    fn withdrawn_is_written_so_old_readers_parse_it() {
        let mut n = note(Status::Sent);
        apply(&mut n, &Change::Withdraw);
        let line = serde_json::to_string(&n).expect("json");
        let v: serde_json::Value = serde_json::from_str(&line).expect("value");
        assert_eq!(v["status"], "failed", "{line}");
        assert!(v["withdrawn"].is_string(), "{line}");
        // An older lede knows only these three statuses.
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "lowercase")]
        #[allow(dead_code)]
        enum OldStatus {
            Queued,
            Sent,
            Failed,
        }
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct OldNote {
            id: Uuid,
            rev: u32,
            status: OldStatus,
        }
        let old: OldNote = serde_json::from_str(&line).expect("an old reader parses it");
        assert!(matches!(old.status, OldStatus::Failed));
        let back: Note = serde_json::from_str(&line).expect("parse");
        assert_eq!(back.status, Status::Withdrawn);
        assert_eq!(back, n);
        // A literal "withdrawn" status (hand-written) is read too.
        let literal = line.replace("\"status\":\"failed\"", "\"status\":\"withdrawn\"");
        let back: Note = serde_json::from_str(&literal).expect("parse");
        assert_eq!(back.status, Status::Withdrawn);
    }

    #[test]
    fn no_edit_once_one_destination_has_it() {
        let mut n = note(Status::Queued);
        n.hypothesis = Some(crate::notes::HypothesisRecord {
            id: "h1".into(),
            ..Default::default()
        });
        assert_eq!(
            check(&n, &edit_comment("Autre.")),
            Err(Refused::AlreadySent(n.short_id()))
        );
        assert!(check(&n, &Change::Retry).is_ok());
    }

    #[test]
    fn find_by_end_of_id() {
        let a = note(Status::Queued);
        let b = note(Status::Queued);
        let notes = vec![a.clone(), b.clone()];
        assert_eq!(find(&notes, &a.short_id()).expect("found").id, a.id);
        assert_eq!(find(&notes, &b.id.to_string()).expect("found").id, b.id);
        assert!(find(&notes, "zzzzzz").is_err());
        assert!(find(&notes, "1").is_err(), "too short to name a note");
    }
}
