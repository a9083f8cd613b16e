//! The correction note: what the reader says is wrong, where, and what became
//! of its submission. One [`Note`] is one revision; the store keeps every
//! revision and the highest `rev` per `id` is the current state.

pub use super::delivery::{HypothesisRecord, MailRecord};
use super::draft::{Draft, FieldError};
use crate::article::{Article, byte_to_char, text_hash};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use unicode_segmentation::UnicodeSegmentation;
use uuid::Uuid;

/// Code points of context kept on each side of the quote.
pub const CONTEXT_CHARS: usize = 32;

/// What kind of error the reader reports. Serialised as kebab-case tags, which
/// are also the W3C `tagging` body values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    #[default]
    FactualError,
    MisspelledName,
    SpellingGrammar,
    WrongNumberOrDate,
    MisquoteOrMisattribution,
    Outdated,
    MissingContext,
    HeadlineNotSupported,
    Translation,
    Other,
}

impl Category {
    /// Every category, in the order a form lists them.
    pub const ALL: [Category; 10] = [
        Category::FactualError,
        Category::MisspelledName,
        Category::SpellingGrammar,
        Category::WrongNumberOrDate,
        Category::MisquoteOrMisattribution,
        Category::Outdated,
        Category::MissingContext,
        Category::HeadlineNotSupported,
        Category::Translation,
        Category::Other,
    ];

    /// The kebab-case tag (`misspelled-name`).
    pub fn tag(self) -> &'static str {
        match self {
            Category::FactualError => "factual-error",
            Category::MisspelledName => "misspelled-name",
            Category::SpellingGrammar => "spelling-grammar",
            Category::WrongNumberOrDate => "wrong-number-or-date",
            Category::MisquoteOrMisattribution => "misquote-or-misattribution",
            Category::Outdated => "outdated",
            Category::MissingContext => "missing-context",
            Category::HeadlineNotSupported => "headline-not-supported",
            Category::Translation => "translation",
            Category::Other => "other",
        }
    }

    /// A human label in the given language (French for `fr*`, else English).
    pub fn label(self, lang: &str) -> &'static str {
        let fr = lang.starts_with("fr");
        match (self, fr) {
            (Category::FactualError, false) => "Factual error",
            (Category::FactualError, true) => "Erreur factuelle",
            (Category::MisspelledName, false) => "Misspelled name",
            (Category::MisspelledName, true) => "Nom mal orthographié",
            (Category::SpellingGrammar, false) => "Spelling or grammar",
            (Category::SpellingGrammar, true) => "Orthographe ou grammaire",
            (Category::WrongNumberOrDate, false) => "Wrong number or date",
            (Category::WrongNumberOrDate, true) => "Chiffre ou date erronés",
            (Category::MisquoteOrMisattribution, false) => "Misquote or misattribution",
            (Category::MisquoteOrMisattribution, true) => "Citation inexacte ou mal attribuée",
            (Category::Outdated, false) => "Outdated",
            (Category::Outdated, true) => "Information dépassée",
            (Category::MissingContext, false) => "Missing context",
            (Category::MissingContext, true) => "Contexte manquant",
            (Category::HeadlineNotSupported, false) => "Headline not supported by the text",
            (Category::HeadlineNotSupported, true) => "Titre non étayé par le texte",
            (Category::Translation, false) => "Translation",
            (Category::Translation, true) => "Traduction",
            (Category::Other, false) => "Other",
            (Category::Other, true) => "Autre",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Category {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL
            .into_iter()
            .find(|c| c.tag() == s)
            .ok_or_else(|| {
                let tags: Vec<&str> = Category::ALL.iter().map(|c| c.tag()).collect();
                format!("unknown category `{s}` (one of: {})", tags.join(", "))
            })
    }
}

/// How serious the error is, graded as the French press council (CDJM) does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    #[default]
    Minor,
    Significant,
    Serious,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Minor, Severity::Significant, Severity::Serious];

    pub fn tag(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Significant => "significant",
            Severity::Serious => "serious",
        }
    }

    /// A human label in the given language (French for `fr*`, else English).
    pub fn label(self, lang: &str) -> &'static str {
        let fr = lang.starts_with("fr");
        match (self, fr) {
            (Severity::Minor, false) => "Minor",
            (Severity::Minor, true) => "Bénigne",
            (Severity::Significant, false) => "Significant",
            (Severity::Significant, true) => "Significative",
            (Severity::Serious, false) => "Serious",
            (Severity::Serious, true) => "Grave",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Severity::ALL
            .into_iter()
            .find(|c| c.tag() == s)
            .ok_or_else(|| format!("unknown severity `{s}` (one of: minor, significant, serious)"))
    }
}

/// The article a note is about, as it was when the note was written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRef {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub headline: String,
    pub language: String,
    /// [`crate::article::text_hash`] of [`Article::text`].
    pub text_hash: String,
    /// The article's `datePublished`, the version the note was written against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    /// Where the publisher takes corrections, when the article says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_endpoint: Option<String>,
}

impl ArticleRef {
    pub fn of(article: &Article) -> ArticleRef {
        ArticleRef {
            id: article.id.clone(),
            url: article.url.clone().filter(|u| !u.trim().is_empty()),
            headline: article.headline.clone(),
            language: article.in_language.clone(),
            text_hash: text_hash(&article.text()),
            date_published: article.date_published.clone(),
            feedback_endpoint: article
                .feedback
                .as_ref()
                .and_then(|f| f.endpoint.clone())
                .filter(|e| !e.trim().is_empty()),
        }
    }

    /// The W3C target `source`: the article URL, else `urn:lede:article:<id>`.
    pub fn source(&self) -> String {
        match &self.url {
            Some(u) => u.clone(),
            None => format!("urn:lede:article:{}", self.id),
        }
    }
}

/// The passage a note is about: a W3C TextQuoteSelector and TextPositionSelector
/// in one. `start`/`end` are Unicode code points into [`Article::text`], end exclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    pub start: usize,
    pub end: usize,
}

impl Target {
    /// Selectors for the byte span `span` of `text`. The span is widened to
    /// grapheme cluster boundaries so no accent or emoji sequence is cut.
    pub fn from_span(text: &str, span: Range<usize>) -> Result<Target, NoteError> {
        if span.start > span.end || span.end > text.len() {
            return Err(NoteError::SpanOutOfRange {
                start: span.start,
                end: span.end,
                len: text.len(),
            });
        }
        let span = widen_to_graphemes(text, span);
        if text[span.clone()].trim().is_empty() {
            return Err(NoteError::EmptyQuote);
        }
        let start = byte_to_char(text, span.start);
        let end = start + text[span.clone()].chars().count();
        let prefix: String = {
            let before: Vec<char> = text[..span.start]
                .chars()
                .rev()
                .take(CONTEXT_CHARS)
                .collect();
            before.into_iter().rev().collect()
        };
        let suffix: String = text[span.end..].chars().take(CONTEXT_CHARS).collect();
        Ok(Target {
            exact: text[span].to_string(),
            prefix,
            suffix,
            start,
            end,
        })
    }

    /// The byte span of the target in `text` if the text there still equals the quote.
    pub fn byte_span_in(&self, text: &str) -> Option<Range<usize>> {
        let start = crate::article::char_to_byte(text, self.start);
        let end = start + self.exact.len();
        (text.get(start..end) == Some(self.exact.as_str())).then_some(start..end)
    }
}

/// Widen a byte span to the enclosing grapheme-cluster boundaries (and so to
/// char boundaries). `span` must lie within `text`.
pub fn widen_to_graphemes(text: &str, span: Range<usize>) -> Range<usize> {
    let mut start = 0;
    let mut end = text.len();
    for (i, _) in text.grapheme_indices(true) {
        if i <= span.start {
            start = i;
        }
        if i >= span.end {
            end = i;
            break;
        }
    }
    start..end.max(start)
}

/// Who filed the note, if they said.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reporter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The reporter agrees to be contacted at `email`.
    #[serde(default)]
    pub consent: bool,
}

impl Reporter {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.email.is_none() && !self.consent
    }
}

/// Where the note is in its life.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Saved locally, waiting to be (re)sent.
    #[default]
    Queued,
    /// The server accepted it (2xx).
    Sent,
    /// The server refused it for good (4xx other than 408/429).
    Failed,
    /// The reader took it back (`lede notes withdraw`). Nothing is deleted:
    /// the revisions stay in the file. On disk a withdrawn revision is written
    /// as `"status":"failed"` with a `"withdrawn"` time, so older versions of
    /// lede still read the line (and never send it).
    Withdrawn,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Queued => "queued",
            Status::Sent => "sent",
            Status::Failed => "failed",
            Status::Withdrawn => "withdrawn",
        })
    }
}

/// The result of one submission attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttemptOutcome {
    /// 2xx.
    Sent,
    /// Network error, timeout, 408, 429 or 5xx: to be tried again.
    Retry,
    /// Another 4xx (or an unusable endpoint): given up.
    Rejected,
}

/// One submission attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// UTC, `...Z`.
    pub at: String,
    pub endpoint: String,
    pub outcome: AttemptOutcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// The reason: the server's message, or the network error.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
    /// The server's `Retry-After`, in seconds, when it sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u64>,
}

/// One revision of a correction note.
///
/// (De)serialised through the derived `remote = "Self"` functions, wrapped so
/// that [`Status::Withdrawn`] is stored in a form older readers understand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct Note {
    /// UUIDv7: time-ordered, unique without coordination. Also the `Idempotency-Key`.
    pub id: Uuid,
    /// Revision, from 1; the store keeps the highest.
    pub rev: u32,
    /// When the note was first written, UTC `...Z`.
    pub created: String,
    /// When this revision was written, UTC `...Z`.
    pub modified: String,
    pub article: ArticleRef,
    pub target: Target,
    pub category: Category,
    pub severity: Severity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    pub comment: String,
    #[serde(default, skip_serializing_if = "Reporter::is_empty")]
    pub reporter: Reporter,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attempts: Vec<Attempt>,
    /// The server's `Location` for the created annotation, once sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The exact request body submitted, frozen before the first attempt so
    /// every retry sends the same bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// When the note was withdrawn (UTC `...Z`); set with [`Status::Withdrawn`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<String>,
    /// The Hypothesis annotation made from this note, once created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hypothesis: Option<HypothesisRecord>,
    /// The user said they sent it by e-mail (not confirmed by anyone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail: Option<MailRecord>,
}

impl Serialize for Note {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.status == Status::Withdrawn {
            let mut wire = self.clone();
            wire.status = Status::Failed;
            wire.withdrawn = wire.withdrawn.or_else(|| Some(self.modified.clone()));
            Note::serialize(&wire, s)
        } else {
            Note::serialize(self, s)
        }
    }
}

impl<'de> Deserialize<'de> for Note {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Note, D::Error> {
        let mut n = Note::deserialize(d)?;
        if n.withdrawn.is_some() || n.status == Status::Withdrawn {
            n.status = Status::Withdrawn;
            n.withdrawn.get_or_insert_with(|| n.modified.clone());
        }
        Ok(n)
    }
}

/// Why a note could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum NoteError {
    #[error("the span {start}..{end} is outside the article text ({len} bytes)")]
    SpanOutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("the quoted passage is empty")]
    EmptyQuote,
    #[error("the quote {quote:?} is not in the article")]
    QuoteNotFound { quote: String },
    #[error("the quote {quote:?} occurs {found} time(s) in the article, not {wanted}")]
    OccurrenceNotFound {
        quote: String,
        wanted: usize,
        found: usize,
    },
    #[error("invalid note: {}", .0.iter().map(|e| e.message("en")).collect::<Vec<_>>().join(" "))]
    Invalid(Vec<FieldError>),
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_utc() -> String {
    let now = jiff::Timestamp::now();
    now.round(jiff::Unit::Second).unwrap_or(now).to_string()
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| s.to_string())
}

impl Note {
    /// A new note (rev 1, queued) about the byte span `span` of `article.text()`.
    pub fn new(article: &Article, span: Range<usize>, draft: &Draft) -> Result<Note, NoteError> {
        let errors = draft.validate();
        if !errors.is_empty() {
            return Err(NoteError::Invalid(errors));
        }
        let text = article.text();
        let target = Target::from_span(&text, span)?;
        let now = now_utc();
        Ok(Note {
            id: Uuid::now_v7(),
            rev: 1,
            created: now.clone(),
            modified: now,
            article: ArticleRef::of(article),
            target,
            category: draft.category,
            severity: draft.severity,
            suggestion: non_empty(&draft.suggestion),
            comment: draft.comment.trim_end().to_string(),
            reporter: Reporter {
                name: non_empty(draft.name.trim()),
                email: non_empty(draft.email.trim()),
                consent: draft.consent,
            },
            status: Status::Queued,
            attempts: Vec::new(),
            location: None,
            payload: None,
            withdrawn: None,
            hypothesis: None,
            mail: None,
        })
    }

    /// The `occurrence`-th (1-based) occurrence of `quote` in the article, as
    /// a byte span of [`Article::text`].
    pub fn find_quote(
        text: &str,
        quote: &str,
        occurrence: usize,
    ) -> Result<Range<usize>, NoteError> {
        if quote.trim().is_empty() {
            return Err(NoteError::EmptyQuote);
        }
        let found: Vec<usize> = text.match_indices(quote).map(|(i, _)| i).collect();
        if found.is_empty() {
            return Err(NoteError::QuoteNotFound {
                quote: quote.to_string(),
            });
        }
        let wanted = occurrence.max(1);
        found
            .get(wanted - 1)
            .map(|&i| i..i + quote.len())
            .ok_or(NoteError::OccurrenceNotFound {
                quote: quote.to_string(),
                wanted,
                found: found.len(),
            })
    }

    /// The next revision: same id, `rev + 1`, a fresh `modified` time.
    pub fn next_revision(&self) -> Note {
        Note {
            rev: self.rev + 1,
            modified: now_utc(),
            ..self.clone()
        }
    }

    /// The id in short form for listings (the last 12 hex digits).
    pub fn short_id(&self) -> String {
        short_id(&self.id)
    }

    /// True when the outbox should (still) try to send it.
    pub fn is_pending(&self) -> bool {
        self.status == Status::Queued
    }
}

/// A note id in short form, as `lede notes list` and the reader show it: the
/// last 12 hex digits (a UUIDv7 starts with the time, so the end tells notes apart).
pub fn short_id(id: &Uuid) -> String {
    let s = id.simple().to_string();
    s[s.len().saturating_sub(12)..].to_string()
}
