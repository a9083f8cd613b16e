//! One JSON record to an [`Article`]: schema.org field names first, then
//! plain aliases; strings, objects (`{"name"}`, `{"@value"}`, `{"@id"}`) and
//! arrays wherever schema.org allows them.

use super::pubdate::{self, NumericOrder};
use super::{byline, feedback, markup};
use crate::article::{Article, Feedback, sanitize, split_paragraphs};
use serde_json::{Map, Value};

pub(super) const HEADLINE_KEYS: &[&str] = &["headline", "title", "name", "alternativeHeadline"];
pub(super) const BODY_KEYS: &[&str] = &["articleBody", "body", "text", "content"];

/// One record to an article, with warnings; an error when it is not one.
pub(super) fn build(value: &Value) -> Result<(Article, Vec<String>), String> {
    let Value::Object(obj) = value else {
        return Err(format!(
            "expected an article object, found {}",
            kind_name(value)
        ));
    };
    let mut warnings = Vec::new();
    let body = BODY_KEYS.iter().find_map(|k| obj.get(*k));
    let html = body
        .and_then(text_of)
        .is_some_and(|b| markup::looks_like_html(&b));
    let mut headline = first_text(obj, HEADLINE_KEYS).unwrap_or_default();
    if html {
        // A content system that sends HTML bodies sends escaped titles.
        headline = markup::to_text(&headline);
    }
    let mut paragraphs = body.map(paragraphs_of).unwrap_or_default();
    // Judged on the text that will be shown: a headline that is only an
    // escape sequence is no headline.
    paragraphs.retain(|p| !sanitize::clean_inline(p).is_empty());
    if sanitize::clean_inline(&headline).is_empty() && paragraphs.is_empty() {
        return Err(
            "neither a headline nor a body (expected \"headline\" or \"title\", \"articleBody\" or \"body\" or \"text\")"
                .into(),
        );
    }
    if sanitize::clean_inline(&headline).is_empty() {
        warnings.push("no headline".into());
    }
    if paragraphs.is_empty() {
        warnings.push("no body text".into());
    }
    if !value_is_clean(value) {
        warnings.push("removed terminal control characters or escape sequences".into());
    }

    let in_language = first_language(obj).unwrap_or_default();
    let order =
        if in_language.eq_ignore_ascii_case("en-US") || in_language.eq_ignore_ascii_case("en") {
            NumericOrder::MonthFirst
        } else {
            NumericOrder::DayFirst
        };
    let date_published = [
        "datePublished",
        "date",
        "published",
        "pubDate",
        "dateCreated",
    ]
    .iter()
    .find_map(|k| obj.get(*k).and_then(text_of))
    .filter(|d| !d.trim().is_empty())
    .map(|d| match pubdate::parse(&d, order) {
        Some(iso) => iso,
        None => {
            warnings.push(format!("date {d:?} not understood; kept as given"));
            d
        }
    });

    let explicit = obj.get("feedback").and_then(feedback_of);
    let found = feedback::extract(&mut paragraphs);
    let feedback = merge_feedback(explicit, found);

    let url = obj
        .get("url")
        .and_then(text_of)
        .or_else(|| obj.get("mainEntityOfPage").and_then(id_of))
        .or_else(|| {
            obj.get("@id")
                .and_then(text_of)
                .filter(|s| s.starts_with("http://") || s.starts_with("https://"))
        });
    let id = ["identifier", "id", "@id"]
        .iter()
        .find_map(|k| obj.get(*k).and_then(id_of))
        .unwrap_or_default();

    let article = Article {
        id,
        headline,
        authors: names_of_keys(obj, &["author", "authors", "creator", "byline"]),
        editors: names_of_keys(obj, &["editor", "editors"]),
        date_published,
        in_language,
        url,
        publisher: obj
            .get("publisher")
            .and_then(|p| names_of(p).into_iter().next()),
        paragraphs,
        feedback,
        ..Default::default()
    }
    .finish();
    Ok((article, warnings))
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn value_is_clean(v: &Value) -> bool {
    match v {
        Value::String(s) => sanitize::is_clean(&s.replace("\r\n", "\n")),
        Value::Array(a) => a.iter().all(value_is_clean),
        Value::Object(o) => o.values().all(value_is_clean),
        _ => true,
    }
}

/// Text of a value: a string, a number, `{"@value": ...}`, or the first of an array.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) => a.iter().find_map(text_of),
        Value::Object(o) => ["@value", "rendered"]
            .iter()
            .find_map(|k| o.get(*k).and_then(text_of)),
        _ => None,
    }
}

/// An id: a string, `{"@id"}`, `{"value"}` (schema.org PropertyValue) or `{"@value"}`.
fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => ["@id", "value", "@value", "url"]
            .iter()
            .find_map(|k| o.get(*k).and_then(text_of)),
        Value::Array(a) => a.iter().find_map(id_of),
        other => text_of(other),
    }
    .filter(|s| !s.trim().is_empty())
}

fn first_text(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        obj.get(*k)
            .and_then(text_of)
            .filter(|s| !s.trim().is_empty())
    })
}

/// Body paragraphs: a string split on blank lines (or on single newlines
/// when it has no blank line), or an array of paragraphs.
fn paragraphs_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) if markup::looks_like_html(s) => split_paragraphs(&markup::to_text(s)),
        Value::String(s) => {
            let s = s.replace("\r\n", "\n");
            if s.contains("\n\n") {
                split_paragraphs(&s)
            } else {
                s.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect()
            }
        }
        Value::Array(items) => items
            .iter()
            .flat_map(|item| match item {
                Value::String(s) if markup::looks_like_html(s) => {
                    split_paragraphs(&markup::to_text(s))
                }
                Value::String(s) => split_paragraphs(s),
                Value::Object(o) => ["text", "@value", "articleBody", "body"]
                    .iter()
                    .find_map(|k| o.get(*k).and_then(Value::as_str))
                    .map(split_paragraphs)
                    .unwrap_or_default(),
                _ => Vec::new(),
            })
            .collect(),
        Value::Object(o) => ["@value", "rendered"]
            .iter()
            .find_map(|k| o.get(*k))
            .map(paragraphs_of)
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Names: a string, `{"name"}` (or given and family names), or an array of those.
fn names_of(v: &Value) -> Vec<String> {
    match v {
        // "By A and B" is a byline: read the names out of it.
        Value::String(s) => match byline::parse_line(s) {
            Some(b) if !b.authors.is_empty() || !b.editors.is_empty() => {
                b.authors.into_iter().chain(b.editors).collect()
            }
            _ => vec![s.clone()],
        },
        Value::Array(a) => a.iter().flat_map(names_of).collect(),
        Value::Object(o) => {
            if let Some(name) = o.get("name").and_then(text_of) {
                vec![name]
            } else {
                let parts: Vec<String> = ["givenName", "familyName"]
                    .iter()
                    .filter_map(|k| o.get(*k).and_then(text_of))
                    .collect();
                if parts.is_empty() {
                    Vec::new()
                } else {
                    vec![parts.join(" ")]
                }
            }
        }
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|s| !s.trim().is_empty())
    .collect()
}

fn names_of_keys(obj: &Map<String, Value>, keys: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // A set, not a search of `out`: a record may list thousands of names.
    let mut seen = std::collections::HashSet::new();
    for k in keys {
        if let Some(v) = obj.get(*k) {
            for n in names_of(v) {
                if seen.insert(n.clone()) {
                    out.push(n);
                }
            }
        }
    }
    out
}

/// `inLanguage` as a string or a schema.org `Language` object.
fn first_language(obj: &Map<String, Value>) -> Option<String> {
    ["inLanguage", "language", "lang"].iter().find_map(|k| {
        let v = obj.get(*k)?;
        match v {
            Value::Object(o) => ["alternateName", "@value", "name"]
                .iter()
                .find_map(|k| o.get(*k).and_then(text_of)),
            Value::Array(a) => a.iter().find_map(|x| match x {
                Value::Object(o) => o.get("alternateName").and_then(text_of),
                other => text_of(other),
            }),
            other => text_of(other),
        }
        .filter(|s| !s.trim().is_empty())
    })
}

/// lede's extension: `"feedback": {"prompt", "promise", "endpoint"}` or a prompt string.
fn feedback_of(v: &Value) -> Option<Feedback> {
    match v {
        Value::String(s) => Some(Feedback {
            prompt: s.clone(),
            ..Default::default()
        }),
        Value::Object(o) => {
            let get = |k: &str| o.get(k).and_then(text_of).filter(|s| !s.trim().is_empty());
            Some(Feedback {
                prompt: get("prompt").unwrap_or_default(),
                promise: get("promise"),
                endpoint: get("endpoint").or_else(|| get("url")),
            })
        }
        _ => None,
    }
}

/// The explicit field wins; what the body said fills the gaps. No prompt, no feedback.
fn merge_feedback(explicit: Option<Feedback>, found: Option<Feedback>) -> Option<Feedback> {
    let merged = match (explicit, found) {
        (Some(e), Some(f)) => Feedback {
            prompt: if e.prompt.trim().is_empty() {
                f.prompt
            } else {
                e.prompt
            },
            promise: e.promise.or(f.promise),
            endpoint: e.endpoint.or(f.endpoint),
        },
        (Some(e), None) => e,
        (None, f) => return f,
    };
    (!merged.prompt.trim().is_empty()).then_some(merged)
}
