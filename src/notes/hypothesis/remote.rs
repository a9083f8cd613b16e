//! Other readers' annotations on an article: fetched on demand (never at
//! start-up), sanitised like article text, capped, placed on the text with
//! the same re-anchoring as our own notes, and cached in a JSON file.

use super::ApiAnnotation;
use super::client::{Api, CallError};
use crate::article::sanitize::{clean_inline, clean_text};
use crate::notes::anchor::{Anchor, anchor};
use crate::notes::model::Target;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Page size asked of the search API (its maximum).
pub const PAGE: usize = 200;
/// Most annotations read for one article.
pub const MAX_NOTES: usize = 2000;
/// Caps on what is kept of each annotation, in characters.
pub const MAX_TEXT: usize = 4000;
pub const MAX_QUOTE: usize = 1000;
pub const MAX_AUTHOR: usize = 80;
pub const MAX_TAGS: usize = 16;
pub const MAX_TAG: usize = 60;

/// One annotation by someone, as lede keeps and shows it. Every string is
/// already sanitised and capped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteNote {
    pub id: String,
    pub author: String,
    /// As the server gave it (sanitised), e.g. `2026-11-25T16:45:14.123+00:00`.
    pub created: String,
    pub text: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The quoted passage, when the annotation has one (not a page note).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
}

impl RemoteNote {
    /// The date part of `created` (`2026-11-25`).
    pub fn date(&self) -> &str {
        self.created.get(..10).unwrap_or(&self.created)
    }

    /// True when lede posted it (it carries a `lede:` marker tag).
    pub fn is_from_lede(&self) -> bool {
        self.tags
            .iter()
            .any(|t| t.starts_with(super::MARKER_PREFIX))
    }
}

fn cap(s: String, max: usize) -> String {
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// An API annotation made safe to keep and show.
pub fn from_api(a: &ApiAnnotation) -> Option<RemoteNote> {
    let id = super::safe_id(&a.id)?;
    let author = a
        .user_info
        .as_ref()
        .and_then(|u| u.display_name.clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| {
            // acct:name@authority -> name
            let u = a.user.trim_start_matches("acct:");
            u.split('@').next().unwrap_or(u).to_string()
        });
    Some(RemoteNote {
        id,
        author: cap(clean_inline(&author), MAX_AUTHOR),
        created: cap(clean_inline(&a.created), 40),
        text: cap(clean_text(&a.text).trim().to_string(), MAX_TEXT),
        tags: a
            .tags
            .iter()
            .take(MAX_TAGS)
            .map(|t| cap(clean_inline(t), MAX_TAG))
            .filter(|t| !t.is_empty())
            .collect(),
        link: super::safe_link(a.links.incontext.as_deref().or(a.links.html.as_deref())),
        target: target_of(a),
    })
}

/// The quote and position selectors of the first target, as a [`Target`].
fn target_of(a: &ApiAnnotation) -> Option<Target> {
    let selectors = &a.target.first()?.selector;
    let of_type = |t: &str| selectors.iter().find(|s| s["type"] == t);
    let quote = of_type("TextQuoteSelector")?;
    let field = |name: &str, max: usize| {
        quote[name]
            .as_str()
            .map(|s| cap(clean_text(s), max))
            .unwrap_or_default()
    };
    let exact = field("exact", MAX_QUOTE);
    if exact.trim().is_empty() {
        return None;
    }
    let (start, end) = of_type("TextPositionSelector")
        .and_then(|p| Some((p["start"].as_u64()?, p["end"].as_u64()?)))
        .map(|(s, e)| (s as usize, e as usize))
        .unwrap_or((0, 0));
    Some(Target {
        prefix: field("prefix", 64),
        suffix: field("suffix", 64),
        exact,
        start,
        end,
    })
}

/// Every annotation on `uri` in the API's group, page by page, up to [`MAX_NOTES`].
pub fn fetch(api: &Api, uri: &str) -> Result<Vec<RemoteNote>, CallError> {
    let mut out = Vec::new();
    let mut offset = 0;
    loop {
        let page = api.search_uri(uri, offset, PAGE)?;
        let got = page.rows.len();
        out.extend(page.rows.iter().filter_map(from_api));
        offset += got;
        if got == 0 || got < PAGE || offset >= page.total || offset >= MAX_NOTES {
            break;
        }
    }
    out.truncate(MAX_NOTES);
    Ok(out)
}

/// Where each remote note sits in `text` (byte spans), page notes and
/// notes whose passage is gone as orphaned.
pub fn place(notes: &[RemoteNote], text: &str) -> Vec<Anchor> {
    notes
        .iter()
        .map(|n| match &n.target {
            Some(t) => anchor(t, text),
            None => Anchor::Orphaned { best_score: None },
        })
        .collect()
}

/// What the cache file holds for one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cached {
    pub uri: String,
    pub group: String,
    /// When it was fetched, UTC `...Z`.
    pub fetched: String,
    pub notes: Vec<RemoteNote>,
}

/// The cache file for `uri` in `group`, in `dir` (the folder of the notes file).
pub fn cache_path(dir: &Path, uri: &str, group: &str) -> PathBuf {
    let key = crate::article::text_hash(&format!("{group}\n{uri}"));
    dir.join("remote-notes")
        .join(format!("{}.json", &key[..key.len().min(32)]))
}

/// Read a cache file; `Ok(None)` when there is none.
pub fn load_cache(path: &Path) -> Result<Option<Cached>, String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: cannot read the cache: {e}", path.display())),
    };
    let mut c: Cached = serde_json::from_slice(&bytes).map_err(|e| {
        format!(
            "{}:{}:{}: invalid cache: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    // The file may have been edited: clean again on the way in.
    for n in &mut c.notes {
        n.author = cap(clean_inline(&n.author), MAX_AUTHOR);
        n.created = cap(clean_inline(&n.created), 40);
        n.text = cap(clean_text(&n.text), MAX_TEXT);
        n.link = super::safe_link(n.link.as_deref());
        for t in &mut n.tags {
            *t = cap(clean_inline(t), MAX_TAG);
        }
    }
    Ok(Some(c))
}

/// Write a cache file atomically (mode 0600).
pub fn save_cache(path: &Path, c: &Cached) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create the folder: {e}", dir.display()))?;
    }
    let json = serde_json::to_vec_pretty(c).map_err(|e| e.to_string())?;
    crate::notes::store::write_atomic(path, &json).map_err(|e| e.to_string())
}
