//! The article model: field names follow schema.org `NewsArticle`.
//!
//! Every string field is sanitised when the article is built (see
//! [`sanitize`]), so no article text can drive the terminal.

pub mod identity;
pub mod lang;
pub mod sanitize;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::ops::Range;
use std::path::PathBuf;
use unicode_normalization::UnicodeNormalization;

/// The publisher's own "report an error" prompt, when the source carries one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    /// The question shown to readers, e.g. "Avez-vous trouvé une erreur ou une inexactitude ?".
    pub prompt: String,
    /// The publisher's promise that follows it, e.g. "Nous étudierons vos commentaires ...".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promise: Option<String>,
    /// Where the publisher takes corrections (an URL or `mailto:`), when the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
}

/// One news article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// Stable id: the source's own id or URL; for a file holding one article
    /// without either, `file:` and its canonical path (it survives edits,
    /// see [`identity`]); else `sha256:` and a hash of the normalised text.
    pub id: String,
    pub headline: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editors: Vec<String>,
    /// ISO 8601 date or date-time as given by the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    /// BCP 47 language tag ("fr", "en", ...).
    pub in_language: String,
    /// True when `in_language` was detected from the text rather than given.
    #[serde(default)]
    pub language_detected: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Where the article was read from (a file path, or `-` for standard input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_path: Option<PathBuf>,
    /// The body as paragraphs of plain text (no blank lines inside a paragraph).
    pub paragraphs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Feedback>,
}

/// Separator between the headline and the paragraphs in [`Article::text`].
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

impl Article {
    /// The text that extraction, highlighting and notes refer to: the headline,
    /// then each paragraph, separated by blank lines. Spans everywhere in lede
    /// are byte offsets into this string.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(
            self.headline.len() + self.paragraphs.iter().map(|p| p.len() + 2).sum::<usize>(),
        );
        out.push_str(&self.headline);
        for p in &self.paragraphs {
            out.push_str(PARAGRAPH_SEPARATOR);
            out.push_str(p);
        }
        out
    }

    /// Byte ranges in [`Article::text`] of the headline (first) and each paragraph.
    pub fn blocks(&self) -> Vec<Range<usize>> {
        let mut ranges = Vec::with_capacity(self.paragraphs.len() + 1);
        ranges.push(0..self.headline.len());
        let mut at = self.headline.len();
        for p in &self.paragraphs {
            at += PARAGRAPH_SEPARATOR.len();
            ranges.push(at..at + p.len());
            at += p.len();
        }
        ranges
    }

    /// Number of words in the body.
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
    }

    /// Sanitise every field, fill a missing language and id. Loaders call this last.
    pub fn finish(mut self) -> Self {
        self.sanitize();
        self.paragraphs.retain(|p| !p.trim().is_empty());
        if self.in_language.trim().is_empty() {
            let sample: String = std::iter::once(self.headline.as_str())
                .chain(self.paragraphs.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" ");
            self.in_language = lang::detect(&sample).to_string();
            self.language_detected = true;
        } else {
            self.in_language = lang::normalise_tag(&self.in_language);
        }
        if self.id.trim().is_empty() {
            self.id = self
                .url
                .clone()
                .filter(|u| !u.trim().is_empty())
                .unwrap_or_else(|| content_id(&self.text()));
        }
        self
    }

    fn sanitize(&mut self) {
        use sanitize::{clean_inline, clean_text};
        self.id = clean_inline(&self.id);
        self.headline = clean_inline(&self.headline);
        for s in self.authors.iter_mut().chain(self.editors.iter_mut()) {
            *s = clean_inline(s);
        }
        self.authors.retain(|s| !s.is_empty());
        self.editors.retain(|s| !s.is_empty());
        for field in [&mut self.date_published, &mut self.url, &mut self.publisher] {
            *field = field.as_deref().map(clean_inline).filter(|s| !s.is_empty());
        }
        self.in_language = clean_inline(&self.in_language);
        // A paragraph never holds a blank line: split any that do.
        let paragraphs = std::mem::take(&mut self.paragraphs);
        for p in paragraphs {
            let p = clean_text(&p);
            for part in split_paragraphs(&p) {
                self.paragraphs.push(part);
            }
        }
        if let Some(f) = self.feedback.as_mut() {
            f.prompt = clean_inline(&f.prompt);
            for field in [&mut f.promise, &mut f.endpoint] {
                *field = field.as_deref().map(clean_inline).filter(|s| !s.is_empty());
            }
        }
        // A prompt that was nothing but control characters is no prompt.
        self.feedback = self.feedback.take().filter(|f| !f.prompt.is_empty());
    }
}

/// Split text on blank lines into paragraphs; lines inside a paragraph are
/// joined with single spaces and runs of spaces collapsed.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A stable id for text with no id of its own: `sha256:` and the first 16 hex
/// digits of the SHA-256 of its NFC-normalised, whitespace-collapsed form.
pub fn content_id(text: &str) -> String {
    format!("sha256:{}", &text_hash(text)[..16])
}

/// Full SHA-256 (hex) of the NFC-normalised, whitespace-collapsed text.
pub fn text_hash(text: &str) -> String {
    let normalised: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let normalised: String = normalised.nfc().collect();
    let digest = Sha256::digest(normalised.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Byte offset to code-point offset in `text`. `byte` must be a char boundary
/// (it is clamped to the text length).
pub fn byte_to_char(text: &str, byte: usize) -> usize {
    crate::text::byte_to_char(text, byte)
}

/// Code-point offset to byte offset in `text` (clamped to the text length).
pub fn char_to_byte(text: &str, chars: usize) -> usize {
    crate::text::char_to_byte(text, chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Article {
        Article {
            headline: "Titre".into(),
            paragraphs: vec!["Un.".into(), "Deux\n\nTrois".into()],
            ..Default::default()
        }
        .finish()
    }

    #[test]
    fn text_and_blocks_agree() {
        let a = sample();
        let text = a.text();
        assert_eq!(text, "Titre\n\nUn.\n\nDeux\n\nTrois");
        let blocks: Vec<&str> = a.blocks().into_iter().map(|r| &text[r]).collect();
        assert_eq!(blocks, ["Titre", "Un.", "Deux", "Trois"]);
    }

    #[test]
    fn id_is_content_hash_without_url_and_url_with_one() {
        let a = sample();
        assert!(
            a.id.starts_with("sha256:") && a.id.len() == 7 + 16,
            "{}",
            a.id
        );
        let b = Article {
            url: Some("https://example.org/a".into()),
            ..sample()
        };
        let b = Article {
            id: String::new(),
            ..b
        }
        .finish();
        assert_eq!(b.id, "https://example.org/a");
    }

    #[test]
    fn content_id_ignores_whitespace_and_normalisation_form() {
        assert_eq!(
            content_id("Goïta  est\nlà"),
            content_id("Goi\u{308}ta est là")
        );
    }

    #[test]
    fn offsets_round_trip() {
        let t = "Сергей é 日本 x";
        for (b, _) in t.char_indices() {
            assert_eq!(char_to_byte(t, byte_to_char(t, b)), b);
        }
        assert_eq!(byte_to_char(t, t.len()), t.chars().count());
    }
}
