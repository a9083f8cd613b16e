//! Entity, actor and date extraction. Pure: no I/O, no UI.
//!
//! The passes (in `pipeline.rs`): [`tokenize`] (Unicode words, French elision,
//! sentences; a line break always ends one), gazetteer matches through
//! [`known`] (ambiguous forms only with a supporting place word somewhere in
//! the text), structures headed by an organisation or place word and names
//! spelled by an acronym in parentheses ([`orgs`]), directional and
//! context-cued places ([`places`]), role phrases ([`roles`]), acronym
//! definitions, people from capitalised runs and cues ([`names`]), later
//! acronym and surname mentions, dates ([`dates`]); then [`actors`] merges the
//! forms of one real-world thing. Closed-class word lists live in [`lexicon`].
//!
//! All spans are byte offsets into the analysed text (for an article,
//! [`Article::text`]); code points appear only at the edges that need them
//! (exports), through [`crate::article::byte_to_char`].

pub mod acronyms;
pub mod actors;
pub mod attach;
pub mod cand;
pub mod dates;
pub mod doc;
pub mod gazetteer;
pub mod institutions;
pub mod known;
pub mod lexicon;
pub mod names;
pub mod orgs;
mod pipeline;
pub mod places;
pub mod roles;
pub mod tagger;
pub mod tokenize;

use crate::article::Article;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
    /// The spanned text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// The kind of a highlighted mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    Person,
    Organization,
    Place,
    Nationality,
    Date,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Person,
        Kind::Organization,
        Kind::Place,
        Kind::Nationality,
        Kind::Date,
    ];
    /// The label used in exports and in the annotation guide.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Person => "PER",
            Kind::Organization => "ORG",
            Kind::Place => "LOC",
            Kind::Nationality => "NORP",
            Kind::Date => "DATE",
        }
    }
    pub fn from_label(label: &str) -> Option<Kind> {
        Some(match label.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" => Kind::Person,
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Kind::Organization,
            "LOC" | "GPE" | "PLACE" | "LOCATION" => Kind::Place,
            "NORP" | "NAT" | "NATIONALITY" => Kind::Nationality,
            "DATE" | "TIME" | "TIMEX" | "TIMEX3" => Kind::Date,
            _ => return None,
        })
    }
}

/// One highlighted piece of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: Kind,
    /// Index into [`Analysis::actors`] for person, organisation, place and nationality mentions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<usize>,
    /// Index into [`Analysis::dates`] for date mentions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<usize>,
}

/// What kind of real-world thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ActorKind {
    Person,
    Organization,
    Place,
}

/// One real-world person, organisation or place, however many forms it takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable key: `iso:RU`, `wikidata:Q161549`, or for actors not in the
    /// gazetteer the kind and the case- and accent-folded name (`per:sergueï lavrov`).
    pub key: String,
    /// Display name in the article's language.
    pub name: String,
    pub kind: ActorKind,
    /// Role or title given by the text ("ministre russe des Affaires étrangères").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Key of the actor the role ties this one to (`iso:ML` for "ministre malien ...").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// Every distinct surface form seen, first-seen order.
    pub forms: Vec<String>,
    /// Indices into [`Analysis::mentions`], in text order.
    pub mentions: Vec<usize>,
}

/// A temporal expression with its normalised value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// The expression without its preposition ("janvier" in "En janvier").
    pub span: Span,
    /// What it means, typed; written (and serialised) as a TimeML value:
    /// ISO 8601 with `X` for what the text does not say: `2020`, `XXXX-01`,
    /// `2025-06-03`, `2025-W14`, `2020-SU` (season), `199X` (decade),
    /// `1990-Q3`, `1999-05-19TMO`, `1999-05-19T21:45`, `PRESENT_REF`.
    pub value: dates::DateValue,
    /// When this date is one end of a range ("entre 2020 et 2023"), the index
    /// in [`Analysis::dates`] of the other end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range_with: Option<usize>,
    /// True when the value was resolved against the publication date
    /// ("hier", "en juin" with a known date).
    #[serde(default)]
    pub relative: bool,
}

/// Everything extracted from one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    /// Sorted by start, non-overlapping.
    pub mentions: Vec<Mention>,
    pub actors: Vec<Actor>,
    /// In text order.
    pub dates: Vec<TimeExpr>,
}

/// What the extractor knows about the text besides the text itself.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// BCP 47 tag of the text's language; `fr` and `en` have full rules.
    pub lang: String,
    /// Publication date, to resolve relative dates.
    pub published: Option<jiff::civil::Date>,
}

impl Context {
    pub fn for_article(article: &Article) -> Context {
        Context {
            lang: article.in_language.clone(),
            published: article.date_published.as_deref().and_then(parse_published),
        }
    }
}

/// Parse a `datePublished` value (a date, or a date-time with or without offset).
pub fn parse_published(s: &str) -> Option<jiff::civil::Date> {
    let s = s.trim();
    let head = s.get(..10)?;
    head.parse::<jiff::civil::Date>().ok()
}

/// Analyse an article: its headline and paragraphs as given by [`Article::text`].
pub fn extract(article: &Article) -> Analysis {
    extract_text(&article.text(), &Context::for_article(article))
}

/// Analyse any text. A text in a language the rules are not written for
/// gives nothing (see [`supports`]): French or English rules on Arabic or
/// German would only produce noise.
pub fn extract_text(text: &str, ctx: &Context) -> Analysis {
    if !supports(&ctx.lang) {
        return Analysis::default();
    }
    pipeline::run(text, ctx)
}

/// What to tell the reader of an article in a language without rules.
pub const UNSUPPORTED_NOTICE: &str = "extraction supports French and English";

/// Whether the extractor has rules for text in language `tag`: French,
/// English, or a language not determined (`und`, or no tag: both rule sets).
pub fn supports(tag: &str) -> bool {
    let primary = crate::article::lang::primary(tag.trim()).to_ascii_lowercase();
    matches!(primary.as_str(), "fr" | "en" | "und" | "")
}
