//! Correction notes: the model, durable JSON Lines storage, re-anchoring,
//! W3C Web Annotation export and submission through an outbox.
//!
//! A typical life: [`Note::new`] from the article, a byte span of
//! [`crate::article::Article::text`] and the form's [`Draft`]; then
//! [`Store::append`] (say "saved" only on `Ok`; on `Err` keep the note and
//! offer to save it elsewhere); then [`OutboxHandle::enqueue`]. At start the
//! reader calls [`OutboxHandle::enqueue_pending`] so queued notes go out, and
//! places each note on the current text with [`anchor::anchor`] (orphaned
//! notes are listed, never dropped). [`export`] writes W3C JSON-LD or JSONL.
//!
//! The file (`~/.local/share/lede/notes.jsonl` on Linux; `--notes`,
//! `LEDE_NOTES`) holds one JSON object per line, one line per revision:
//!
//! ```json
//! {"id":"01a2…","rev":2,"created":"2026-11-25T16:45:14Z","modified":"2026-11-25T16:47:02Z",
//!  "article":{"id":"…","url":"…","headline":"…","language":"fr","text_hash":"<sha256>"},
//!  "target":{"exact":"Assimi Goita","prefix":"<32 code points>","suffix":"<32 code points>",
//!            "start":1352,"end":1364},
//!  "category":"misspelled-name","severity":"minor","suggestion":"Assimi Goïta",
//!  "comment":"…","reporter":{"name":"…","email":"…","consent":true},
//!  "status":"sent","attempts":[{"at":"…","endpoint":"…","outcome":"sent","http_status":201}],
//!  "location":"https://…/annotations/42","payload":"<the exact JSON body sent>"}
//! ```
//!
//! The highest `rev` per `id` is the note's current state. Later revisions
//! may add `hypothesis` (the annotation created there), `mail` (the user
//! said they mailed it) and `withdrawn`; see [`revise`] for retry, edit,
//! withdraw and mark-sent.
//!
//! Where notes go: [`Routing`] (from [`NotesSettings::routing`]) lists the
//! destinations in order ([`destination`]); [`hypothesis`] posts to
//! Hypothesis and reads others' annotations ([`hypothesis::remote`]);
//! [`mail`] makes `mailto:` links and `.eml` messages.

pub mod anchor;
pub mod delivery;
pub mod destination;
pub mod draft;
pub mod export;
pub mod hypothesis;
pub mod mail;
pub mod model;
pub mod outbox;
pub mod revise;
pub mod store;
pub mod submit;

pub use anchor::{Anchor, anchor};
pub use destination::{Destination, DestinationKind, Routing};
pub use draft::{Draft, Field, FieldError, Problem};
pub use model::{
    ArticleRef, Attempt, AttemptOutcome, Category, HypothesisRecord, MailRecord, Note, NoteError,
    Reporter, Severity, Status, Target,
};
pub use outbox::{Outbox, OutboxConfig, OutboxEvent, OutboxHandle};
pub use store::{Loaded, Store, StoreError, Warning};
pub use submit::{RetryPolicy, Timeouts};

use std::path::{Path, PathBuf};

/// What the config file says about notes (`[notes] file`, `[notes] endpoint`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotesSettings {
    pub file: Option<PathBuf>,
    pub endpoint: Option<String>,
    /// `[notes.hypothesis]`.
    pub hypothesis: Option<hypothesis::HypothesisConfig>,
    /// `[notes] destinations`.
    pub destinations: Option<Vec<destination::DestinationKind>>,
}

impl NotesSettings {
    /// The `[notes]` section of a loaded config file.
    pub fn from_config(c: &crate::config::Config) -> NotesSettings {
        NotesSettings {
            file: c.notes.file.clone(),
            endpoint: c.notes.endpoint.clone(),
            hypothesis: c.notes.hypothesis.clone(),
            destinations: c.notes.destinations.clone(),
        }
    }

    /// Where notes go: these settings, the explicit endpoint (`--endpoint`,
    /// `LEDE_ENDPOINT`) and the token from `LEDE_HYPOTHESIS_TOKEN` or the
    /// token file. The reader's form shows [`Routing::describe`] and passes
    /// the routing to the outbox with [`OutboxConfig::routed`].
    pub fn routing(&self, explicit_endpoint: Option<String>) -> Routing {
        Routing::new(
            explicit_endpoint,
            self.endpoint.clone(),
            self.hypothesis.as_ref(),
            self.destinations.clone(),
            std::env::var(HYPOTHESIS_TOKEN_ENV).ok(),
        )
    }
}

/// The config-file fallback for the notes file and endpoint.
///
/// Reads the `[notes]` section of [`crate::config::Config`] from
/// `config_path`, else the default config path when it exists. A config file
/// that cannot be read gives nothing here (the reader reports it when it
/// starts), and the flag, the environment and the defaults apply.
pub fn config_file_notes_settings(config_path: Option<&Path>) -> NotesSettings {
    match crate::config::Config::load_or_default(config_path) {
        Ok(c) => NotesSettings::from_config(&c),
        Err(_) => NotesSettings::default(),
    }
}

/// The notes file: `--notes` / `LEDE_NOTES`, else the config file's
/// `[notes] file`, else the platform default (`~/.local/share/lede/notes.jsonl`).
pub fn resolve_notes_path(
    explicit: Option<&Path>,
    settings: &NotesSettings,
) -> Result<PathBuf, NoNotesPath> {
    explicit
        .map(Path::to_path_buf)
        .or_else(|| settings.file.clone())
        .or_else(crate::config::default_notes_path)
        .ok_or(NoNotesPath)
}

/// Neither a flag nor a data directory says where notes go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("no data directory on this platform: give the notes file with --notes FILE or LEDE_NOTES")]
pub struct NoNotesPath;

/// The environment variable holding the Hypothesis API token.
pub const HYPOTHESIS_TOKEN_ENV: &str = "LEDE_HYPOTHESIS_TOKEN";

/// Remove lede's secrets from the environment of a child process (the
/// `$EDITOR`, the platform opener), so the token never reaches it.
pub fn scrub_child_env(cmd: &mut std::process::Command) -> &mut std::process::Command {
    cmd.env_remove(HYPOTHESIS_TOKEN_ENV)
}
