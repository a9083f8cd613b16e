//! JSON articles: one object, an array of objects, JSON Lines, and schema.org
//! JSON-LD (`"@type": "NewsArticle"` and its relatives, also inside
//! `@graph`). Field names follow schema.org, with plain aliases (`title`,
//! `body`/`text`, `date`, `language`) and lede's own `feedback` extension.

use super::Issue;
use super::feedback;
use super::pubdate::{self, NumericOrder};
use crate::article::{Article, Feedback, sanitize, split_paragraphs};
use serde_json::{Map, Value};

/// A parsed file: the articles, and what went wrong with records in it.
#[derive(Debug, Default)]
pub struct Parsed {
    pub articles: Vec<Article>,
    pub issues: Vec<Issue>,
}

/// A whole JSON document: one object, an array, or a JSON-LD graph. A
/// document holding one JSON value per line is read as JSON Lines.
pub fn parse_document(text: &str) -> Parsed {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            if e.to_string().starts_with("trailing characters") {
                let lines = parse_lines(text);
                if !lines.issues.iter().any(|i| i.error) {
                    return lines;
                }
            }
            return Parsed {
                issues: vec![syntax_issue(&e, 0)],
                ..Default::default()
            };
        }
    };
    let element_lines = top_level_element_lines(text);
    let mut found = Vec::new();
    collect_records(&value, &mut found, true);
    let single = !value.is_array();
    let mut out = Parsed::default();
    for (n, (value, top_index)) in found.into_iter().enumerate() {
        let line = if single {
            None
        } else {
            top_index.and_then(|i| element_lines.get(i).copied())
        };
        let label = if single {
            String::from("the article")
        } else {
            format!("record {}", n + 1)
        };
        add_record(value, &label, line, &mut out);
    }
    out
}

/// JSON Lines: one value per line; a bad line is an error with its line
/// number, and the other lines still load.
pub fn parse_lines(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut record = 0;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        record += 1;
        match serde_json::from_str::<Value>(line) {
            Ok(value) => {
                let mut found = Vec::new();
                collect_records(&value, &mut found, true);
                for (value, _) in found {
                    add_record(value, &format!("record {record}"), Some(n), &mut out);
                }
            }
            Err(e) => out.issues.push(syntax_issue(&e, i)),
        }
    }
    out
}

fn syntax_issue(e: &serde_json::Error, line_offset: usize) -> Issue {
    let full = e.to_string();
    let message = full
        .rfind(" at line ")
        .map(|at| &full[..at])
        .unwrap_or(&full);
    Issue {
        line: Some(e.line() + line_offset),
        column: Some(e.column().max(1)),
        error: true,
        message: format!("invalid JSON: {message}"),
    }
}

fn add_record(value: &Value, label: &str, line: Option<usize>, out: &mut Parsed) {
    match build(value) {
        Ok((article, warnings)) => {
            for w in warnings {
                out.issues.push(Issue {
                    line,
                    column: None,
                    error: false,
                    message: format!("{label}: {w}"),
                });
            }
            out.articles.push(article);
        }
        Err(message) => out.issues.push(Issue {
            line,
            column: None,
            error: true,
            message: format!("{label}: {message}"),
        }),
    }
}

/// The schema.org types read as articles.
fn is_article_type(t: &str) -> bool {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    t.ends_with("Article") || t.ends_with("Posting") || matches!(t, "Report" | "CreativeWork")
}

fn types(obj: &Map<String, Value>) -> Vec<&str> {
    match obj.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn has_content(obj: &Map<String, Value>) -> bool {
    HEADLINE_KEYS
        .iter()
        .chain(BODY_KEYS)
        .any(|k| obj.contains_key(*k))
}

/// The records of a document, each with its index in a top-level array.
fn collect_records<'v>(value: &'v Value, out: &mut Vec<(&'v Value, Option<usize>)>, top: bool) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let before = out.len();
                collect_records(item, out, false);
                if top {
                    for entry in &mut out[before..] {
                        entry.1 = Some(i);
                    }
                }
            }
        }
        Value::Object(obj) => {
            if let Some(Value::Array(graph)) = obj.get("@graph") {
                for item in graph {
                    if let Value::Object(o) = item {
                        let t = types(o);
                        let article = if t.is_empty() {
                            has_content(o)
                        } else {
                            t.iter().any(|t| is_article_type(t))
                        };
                        if article {
                            out.push((item, None));
                        }
                    }
                }
                return;
            }
            if !has_content(obj) {
                for key in ["articles", "items", "itemListElement"] {
                    if let Some(list @ Value::Array(_)) = obj.get(key) {
                        collect_records(list, out, false);
                        return;
                    }
                }
                // ListItem wrappers: {"@type": "ListItem", "item": {...}}
                if let Some(item @ Value::Object(_)) = obj.get("item") {
                    collect_records(item, out, false);
                    return;
                }
            }
            // A typed JSON-LD node that is not an article (a WebPage, a
            // BreadcrumbList ...) is not a record.
            let t = types(obj);
            if !t.is_empty() && !t.iter().any(|t| is_article_type(t)) {
                return;
            }
            out.push((value, None));
        }
        other => out.push((other, None)),
    }
}

const HEADLINE_KEYS: &[&str] = &["headline", "title", "name", "alternativeHeadline"];
const BODY_KEYS: &[&str] = &["articleBody", "body", "text", "content"];

/// One record to an article, with warnings; an error when it is not one.
fn build(value: &Value) -> Result<(Article, Vec<String>), String> {
    let Value::Object(obj) = value else {
        return Err(format!(
            "expected an article object, found {}",
            kind_name(value)
        ));
    };
    let mut warnings = Vec::new();
    let headline = first_text(obj, HEADLINE_KEYS).unwrap_or_default();
    let mut paragraphs = BODY_KEYS
        .iter()
        .find_map(|k| obj.get(*k).map(paragraphs_of))
        .unwrap_or_default();
    paragraphs.retain(|p| !p.trim().is_empty());
    if headline.trim().is_empty() && paragraphs.is_empty() {
        return Err(
            "neither a headline nor a body (expected \"headline\" or \"title\", \"articleBody\" or \"body\" or \"text\")"
                .into(),
        );
    }
    if headline.trim().is_empty() {
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
        Value::Object(o) => o.get("@value").and_then(text_of),
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
    keys.iter()
        .find_map(|k| obj.get(*k).and_then(text_of))
        .filter(|s| !s.trim().is_empty())
}

/// Body paragraphs: a string split on blank lines (or on single newlines
/// when it has no blank line), or an array of paragraphs.
fn paragraphs_of(v: &Value) -> Vec<String> {
    match v {
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
                Value::String(s) => split_paragraphs(s),
                Value::Object(o) => ["text", "@value", "articleBody", "body"]
                    .iter()
                    .find_map(|k| o.get(*k).and_then(Value::as_str))
                    .map(split_paragraphs)
                    .unwrap_or_default(),
                _ => Vec::new(),
            })
            .collect(),
        Value::Object(o) => o.get("@value").map(paragraphs_of).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Names: a string, `{"name"}` (or given and family names), or an array of those.
fn names_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
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
    for k in keys {
        if let Some(v) = obj.get(*k) {
            for n in names_of(v) {
                if !out.contains(&n) {
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

/// The 1-based line on which each element of a top-level JSON array starts
/// (empty when the document is not an array). `text` must be valid JSON.
fn top_level_element_lines(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut line = 1;
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut expecting = false;
    let mut started = false;
    for b in text.bytes() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        if b.is_ascii_whitespace() {
            continue;
        }
        if !started {
            if b != b'[' {
                return out;
            }
            started = true;
            depth = 1;
            expecting = true;
            continue;
        }
        if depth == 1 && expecting && b != b']' {
            out.push(line);
            expecting = false;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_lines() {
        assert_eq!(
            top_level_element_lines("[\n {\"a\": \"[,\"},\n\n {\"b\": [1, 2]}, 3\n]"),
            [2, 4, 4]
        );
        assert!(top_level_element_lines("{\"a\": 1}").is_empty());
    }

    #[test]
    fn reads_fields_and_aliases() {
        let p = parse_document(
            r#"{"title": "T", "body": "One.\n\nTwo.", "date": "3 avril 2025", "language": "French",
                "author": [{"@type": "Person", "name": "A B"}, "C D"], "editor": {"name": "E F"},
                "publisher": {"@type": "Organization", "name": "P"}, "identifier": {"value": "x-1"}}"#,
        );
        assert!(p.issues.is_empty(), "{:?}", p.issues);
        let a = &p.articles[0];
        assert_eq!(a.headline, "T");
        assert_eq!(a.paragraphs, ["One.", "Two."]);
        assert_eq!(a.date_published.as_deref(), Some("2025-04-03"));
        assert_eq!(a.in_language, "fr");
        assert_eq!(a.authors, ["A B", "C D"]);
        assert_eq!(a.editors, ["E F"]);
        assert_eq!(a.publisher.as_deref(), Some("P"));
        assert_eq!(a.id, "x-1");
    }
}
