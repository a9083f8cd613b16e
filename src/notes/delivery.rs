//! What became of a note at each destination other than the W3C endpoint
//! (whose outcome is the note's `location` and `attempts`).

use serde::{Deserialize, Serialize};

/// The Hypothesis annotation created from a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HypothesisRecord {
    /// The API base URL it was posted to (`https://api.hypothes.is/api`).
    pub api: String,
    /// The group id (`__world__` for public).
    pub group: String,
    /// The annotation id the server gave.
    pub id: String,
    /// `links.html`: the annotation on its own page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// `links.incontext`: the annotation shown on the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incontext: Option<String>,
}

impl HypothesisRecord {
    /// The link to show: in context when there is one, else the annotation page.
    pub fn link(&self) -> Option<&str> {
        self.incontext.as_deref().or(self.html.as_deref())
    }
}

/// The user said they sent the note by e-mail. Nobody confirmed it arrived.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailRecord {
    /// The address it was sent to, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// When the user said so, UTC `...Z`.
    pub marked: String,
}
