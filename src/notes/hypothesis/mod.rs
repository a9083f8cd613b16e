//! Hypothesis (<https://web.hypothes.is>) as a destination for notes, and
//! the source of other readers' notes on the same article.
//!
//! - [`HypothesisConfig`]: the `[notes.hypothesis]` section (`api`, `group`,
//!   `group_name`, `token_file`).
//! - [`HypothesisSettings`]: the section resolved, with the API token read
//!   from `LEDE_HYPOTHESIS_TOKEN` or from `token_file` (mode 0600 only).
//! - [`annotation_body`]: the `POST /annotations` body for a note;
//!   [`client`] makes the requests, [`remote`] reads others' annotations.
//!
//! The token is a secret: it lives in a [`Token`], whose `Debug` is redacted
//! and which has no `Display`; it is only ever written into the
//! `Authorization` header, and any server message that echoes it is redacted.

pub mod client;
pub mod deliver;
pub mod remote;

use super::model::Note;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::fmt;
use std::path::{Path, PathBuf};

/// The public service's API.
pub const DEFAULT_API: &str = "https://api.hypothes.is/api";
/// The public group.
pub const PUBLIC_GROUP: &str = "__world__";
/// Tags of our own annotations start with this, followed by the note id.
pub const MARKER_PREFIX: &str = "lede:";

/// The `[notes.hypothesis]` section of the config file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HypothesisConfig {
    /// The API base URL (default [`DEFAULT_API`]).
    #[serde(default)]
    pub api: Option<String>,
    /// The group id (default the public group, `__world__`).
    #[serde(default)]
    pub group: Option<String>,
    /// The group's name, as the form shows it ("Fact-check desk").
    #[serde(default)]
    pub group_name: Option<String>,
    /// A file holding the API token (mode 0600). `LEDE_HYPOTHESIS_TOKEN` wins.
    #[serde(default)]
    pub token_file: Option<PathBuf>,
}

/// The API token. Never printed: `Debug` is redacted and there is no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    pub fn new(secret: impl Into<String>) -> Token {
        Token(secret.into().trim().to_string())
    }

    /// The `Authorization` header value.
    pub(crate) fn bearer(&self) -> String {
        format!("Bearer {}", self.0)
    }

    /// `message` with any copy of the token replaced by `[token]`.
    pub fn redact(&self, message: &str) -> String {
        if self.0.is_empty() {
            message.to_string()
        } else {
            message.replace(&self.0, "[token]")
        }
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token([redacted])")
    }
}

/// Why there is no usable token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error(
        "no Hypothesis API token: set LEDE_HYPOTHESIS_TOKEN or name a file with \
         `token_file` in [notes.hypothesis] (get a token at https://hypothes.is/account/developer)"
    )]
    Missing,
    #[error(
        "{path}: the token file can be read by others (mode {mode:o}); \
         lede refuses it: run `chmod 600 {path}`"
    )]
    Readable { path: String, mode: u32 },
    #[error("{path}: cannot read the token file: {reason}")]
    Read { path: String, reason: String },
    #[error("{path}: the token file is empty")]
    Empty { path: String },
}

/// `[notes.hypothesis]` resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HypothesisSettings {
    /// API base URL without a trailing `/`.
    pub api: String,
    pub group: String,
    pub group_name: Option<String>,
    pub token: Result<Token, TokenError>,
}

impl HypothesisSettings {
    /// Resolve the section; `env_token` is `LEDE_HYPOTHESIS_TOKEN`.
    pub fn resolve(c: &HypothesisConfig, env_token: Option<String>) -> HypothesisSettings {
        let token = match env_token.filter(|t| !t.trim().is_empty()) {
            Some(t) => Ok(Token::new(t)),
            None => match &c.token_file {
                Some(p) => read_token_file(p),
                None => Err(TokenError::Missing),
            },
        };
        HypothesisSettings {
            api: c
                .api
                .as_deref()
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .unwrap_or(DEFAULT_API)
                .trim_end_matches('/')
                .to_string(),
            group: c
                .group
                .as_deref()
                .map(str::trim)
                .filter(|g| !g.is_empty())
                .unwrap_or(PUBLIC_GROUP)
                .to_string(),
            group_name: c.group_name.clone().filter(|n| !n.trim().is_empty()),
            token,
        }
    }

    /// `<api>/annotations`, where notes are posted (and the attempts' endpoint).
    pub fn create_url(&self) -> String {
        format!("{}/annotations", self.api)
    }

    /// "Hypothesis (public)" or "Hypothesis group 'Fact-check desk'".
    pub fn describe(&self, lang: &str) -> String {
        let fr = lang.starts_with("fr");
        let name = crate::article::sanitize::clean_inline(
            self.group_name.as_deref().unwrap_or(&self.group),
        );
        match (self.group == PUBLIC_GROUP, fr) {
            (true, false) => "Hypothesis (public)".into(),
            (true, true) => "Hypothesis (public)".into(),
            (false, false) => format!("Hypothesis group '{name}'"),
            (false, true) => format!("groupe Hypothesis « {name} »"),
        }
    }
}

/// Read a token file, refusing one that its group or others may read.
pub fn read_token_file(path: &Path) -> Result<Token, TokenError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| TokenError::Read {
        path: shown.clone(),
        reason: e.to_string(),
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(TokenError::Readable { path: shown, mode });
        }
    }
    #[cfg(not(unix))]
    let _ = meta;
    let text = std::fs::read_to_string(path).map_err(|e| TokenError::Read {
        path: shown.clone(),
        reason: e.to_string(),
    })?;
    let t = text.trim();
    if t.is_empty() {
        return Err(TokenError::Empty { path: shown });
    }
    Ok(Token::new(t))
}

/// The tag that finds our own annotation again: `lede:<note id>`.
pub fn marker_tag(note: &Note) -> String {
    format!("{MARKER_PREFIX}{}", note.id)
}

/// The annotation's text: the comment, then the suggested correction.
pub fn annotation_text(note: &Note) -> String {
    let mut text = note.comment.trim_end().to_string();
    if let Some(s) = note.suggestion.as_deref().filter(|s| !s.trim().is_empty()) {
        let label = if note.article.language.starts_with("fr") {
            "Correction proposée :"
        } else {
            "Suggested correction:"
        };
        text.push_str(&format!("\n\n{label} {s}"));
    }
    text
}

/// The `POST /annotations` body, or `None` when the article has no http(s) URL
/// (Hypothesis annotates web pages).
pub fn annotation_body(note: &Note, group: &str) -> Option<serde_json::Value> {
    let uri = note
        .article
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| super::submit::is_http_url(u))?;
    let t = &note.target;
    Some(json!({
        "uri": uri,
        "group": group,
        "permissions": {"read": [format!("group:{group}")]},
        "document": {"title": [note.article.headline]},
        "text": annotation_text(note),
        "tags": [note.category.tag(), note.severity.tag(), marker_tag(note)],
        "target": [{
            "source": uri,
            "selector": [
                {"type": "TextQuoteSelector", "exact": t.exact, "prefix": t.prefix, "suffix": t.suffix},
                {"type": "TextPositionSelector", "start": t.start, "end": t.end},
            ],
        }],
    }))
}

/// The parts of an annotation lede reads from the API.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiAnnotation {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub user: String,
    #[serde(default)]
    pub user_info: Option<UserInfo>,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub target: Vec<ApiTarget>,
    #[serde(default)]
    pub links: Links,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserInfo {
    #[serde(default)]
    pub display_name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Links {
    #[serde(default)]
    pub html: Option<String>,
    #[serde(default)]
    pub incontext: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTarget {
    #[serde(default)]
    pub selector: Vec<serde_json::Value>,
}

/// A link from the server, kept only when it is a clean http(s) URL.
pub fn safe_link(link: Option<&str>) -> Option<String> {
    let l = link?.trim();
    (super::submit::is_http_url(l)
        && crate::article::sanitize::is_clean(l)
        && !l.chars().any(char::is_whitespace)
        && l.len() <= 2048)
        .then(|| l.to_string())
}

/// An id from the server, cleaned and capped.
pub fn safe_id(id: &str) -> Option<String> {
    let id = crate::article::sanitize::clean_inline(id);
    (!id.is_empty() && id.len() <= 128 && !id.contains(char::is_whitespace)).then_some(id)
}

#[cfg(test)]
mod tests;
