//! Export of notes: W3C Web Annotation JSON-LD (one annotation, or an
//! `AnnotationCollection`) and the notes' own JSON Lines.

use super::model::{Note, Target};
use serde::Serialize;

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The media type of a W3C annotation, as `POST`ed.
pub const MEDIA_TYPE: &str = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

/// A W3C Web Annotation (the subset lede writes).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Annotation {
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    pub context: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub motivation: &'static str,
    pub created: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<Agent>,
    pub generator: Software,
    /// The client's own id (`urn:uuid:...`) when the server's id is `id`, or
    /// always in a submission, where the server assigns `id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    pub body: Vec<TextualBody>,
    pub target: AnnotationTarget,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agent {
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `mailto:` IRI, only when the reporter agreed to be contacted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// SHA-1 (hex) of the `mailto:` IRI of the lower-cased address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_sha1: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Software {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextualBody {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub purpose: &'static str,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub format: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnnotationTarget {
    pub source: String,
    pub selector: Vec<Selector>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<TimeState>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum Selector {
    TextQuoteSelector {
        exact: String,
        prefix: String,
        suffix: String,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeState {
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(rename = "sourceDate")]
    pub source_date: String,
}

fn body(purpose: &'static str, value: String, language: Option<String>) -> TextualBody {
    TextualBody {
        kind: "TextualBody",
        purpose,
        value,
        language,
        format: "text/plain",
    }
}

fn selectors(t: &Target) -> Vec<Selector> {
    vec![
        Selector::TextQuoteSelector {
            exact: t.exact.clone(),
            prefix: t.prefix.clone(),
            suffix: t.suffix.clone(),
        },
        Selector::TextPositionSelector {
            start: t.start,
            end: t.end,
        },
    ]
}

/// SHA-1 (hex) of `mailto:<address>` with the address trimmed and lower-cased,
/// as FOAF's `mbox_sha1sum` does.
pub fn email_sha1(address: &str) -> String {
    use sha1::{Digest, Sha1};
    let iri = format!("mailto:{}", address.trim().to_lowercase());
    Sha1::digest(iri.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `datePublished` as an `xsd:dateTime` in UTC, when it is a full date-time.
fn source_date(date: &str) -> Option<String> {
    let ts: jiff::Timestamp = date.trim().parse().ok()?;
    Some(ts.to_string())
}

fn creator(note: &Note) -> Option<Agent> {
    let r = &note.reporter;
    if r.name.is_none() && r.email.is_none() {
        return None;
    }
    Some(Agent {
        kind: "Person",
        name: r.name.clone(),
        email: r
            .email
            .as_ref()
            .filter(|_| r.consent)
            .map(|e| format!("mailto:{}", e.trim())),
        email_sha1: r.email.as_deref().map(email_sha1),
    })
}

/// The client's id for a note: `urn:uuid:<id>`.
pub fn client_iri(note: &Note) -> String {
    format!("urn:uuid:{}", note.id)
}

fn base(note: &Note) -> Annotation {
    let mut bodies = Vec::new();
    if let Some(s) = &note.suggestion {
        bodies.push(body(
            "editing",
            s.clone(),
            Some(note.article.language.clone()),
        ));
    }
    bodies.push(body("commenting", note.comment.clone(), None));
    bodies.push(body("tagging", note.category.tag().to_string(), None));
    bodies.push(body(
        "tagging",
        format!("severity:{}", note.severity.tag()),
        None,
    ));
    Annotation {
        context: Some(CONTEXT),
        id: None,
        kind: "Annotation",
        motivation: "editing",
        created: note.created.clone(),
        creator: creator(note),
        generator: Software {
            kind: "Software",
            name: format!("lede {}", env!("CARGO_PKG_VERSION")),
        },
        via: None,
        body: bodies,
        target: AnnotationTarget {
            source: note.article.source(),
            selector: selectors(&note.target),
            state: note
                .article
                .date_published
                .as_deref()
                .and_then(source_date)
                .map(|d| TimeState {
                    kind: "TimeState",
                    source_date: d,
                }),
        },
    }
}

/// The annotation for an export: `id` is the server's `Location` once sent
/// (the client id then in `via`), else the client id `urn:uuid:<id>`.
pub fn annotation(note: &Note) -> Annotation {
    let mut a = base(note);
    match &note.location {
        Some(loc) => {
            a.id = Some(loc.clone());
            a.via = Some(client_iri(note));
        }
        None => a.id = Some(client_iri(note)),
    }
    a
}

/// The body `POST`ed to an annotation server: no `id` (the server assigns
/// it), the client id in `via`. Compact JSON.
pub fn submission_body(note: &Note) -> Result<String, serde_json::Error> {
    let mut a = base(note);
    a.via = Some(client_iri(note));
    serde_json::to_string(&a)
}

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'static str,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: &'a [Annotation],
}

/// One note: a single annotation. Several (or none): an `AnnotationCollection`
/// with one page. Pretty-printed, ending with a newline.
pub fn w3c(notes: &[Note]) -> Result<String, serde_json::Error> {
    let mut out = if let [one] = notes {
        serde_json::to_string_pretty(&annotation(one))?
    } else {
        let items: Vec<Annotation> = notes
            .iter()
            .map(|n| Annotation {
                context: None,
                ..annotation(n)
            })
            .collect();
        serde_json::to_string_pretty(&Collection {
            context: CONTEXT,
            kind: "AnnotationCollection",
            label: "lede correction notes",
            total: items.len(),
            first: Page {
                kind: "AnnotationPage",
                start_index: 0,
                items: &items,
            },
        })?
    };
    out.push('\n');
    Ok(out)
}

/// The notes themselves, one JSON object per line (current revisions).
pub fn jsonl(notes: &[Note]) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for n in notes {
        out.push_str(&serde_json::to_string(n)?);
        out.push('\n');
    }
    Ok(out)
}
