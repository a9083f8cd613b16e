//! JSON articles: one object, an array of objects, JSON Lines, and schema.org
//! JSON-LD (`"@type": "NewsArticle"` and its relatives, also inside
//! `@graph`). Field names follow schema.org, with plain aliases (`title`,
//! `body`/`text`, `date`, `language`) and lede's own `feedback` extension.

use super::Issue;
use super::reader::Reader;
use super::record::{BODY_KEYS, HEADLINE_KEYS, build};
use serde_json::{Map, Value};

pub use super::reader::Parsed;

/// `.json`, `.jsonld`: one object, an array, or a JSON-LD graph.
pub struct JsonReader;

impl Reader for JsonReader {
    fn name(&self) -> &'static str {
        "json"
    }
    /// The first non-space character opens an object or an array.
    fn sniff(&self, text: &str) -> bool {
        matches!(text.trim_start().chars().next(), Some('{' | '['))
    }
    fn read(&self, text: &str) -> Parsed {
        parse_document(text)
    }
}

/// `.jsonl`, `.ndjson`: one JSON value per line.
pub struct JsonLinesReader;

impl Reader for JsonLinesReader {
    fn name(&self) -> &'static str {
        "json-lines"
    }
    /// The first non-blank line is a whole JSON object or array and another
    /// line follows it: one value per line (a pretty-printed document's first
    /// line is never a whole value).
    fn sniff(&self, text: &str) -> bool {
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let Some(first) = lines.next() else {
            return false;
        };
        lines.next().is_some()
            && matches!(first.trim_start().chars().next(), Some('{' | '['))
            && serde_json::from_str::<serde::de::IgnoredAny>(first).is_ok()
    }
    fn read(&self, text: &str) -> Parsed {
        parse_lines(text)
    }
}

/// A whole JSON document: one object, an array, or a JSON-LD graph. A
/// document holding one JSON value per line is read as JSON Lines.
pub fn parse_document(text: &str) -> Parsed {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            // One value per line in a `.json` file: read as JSON Lines, so
            // that a bad line costs that line only.
            if e.to_string().starts_with("trailing characters") {
                let lines = parse_lines(text);
                if JsonLinesReader.sniff(text) || !lines.issues.iter().any(|i| i.error) {
                    return lines;
                }
            }
            return Parsed {
                issues: vec![syntax_issue(&e, text, 0)],
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
            Err(e) => out.issues.push(syntax_issue(&e, line, i)),
        }
    }
    out
}

fn syntax_issue(e: &serde_json::Error, text: &str, line_offset: usize) -> Issue {
    let full = e.to_string();
    let message = full
        .rfind(" at line ")
        .map(|at| &full[..at])
        .unwrap_or(&full);
    // serde_json reports column 0 just after a line break: point at the end
    // of the line before instead, where the problem is.
    let (line, column) = match (e.line(), e.column()) {
        (l, 0) if l > 1 => {
            let prev = text.lines().nth(l - 2).unwrap_or("");
            (l - 1, prev.chars().count() + 1)
        }
        (l, c) => (l, c.max(1)),
    };
    Issue {
        line: Some(line + line_offset),
        column: Some(column),
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
