//! Loaders never panic, whatever the bytes: every problem names its file, and
//! every article that loads is clean and usable.

use lede::article::sanitize::clean_inline;
use lede::ingest::Format;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

mod hostile_common;
use hostile_common::load_checked;

const FORMATS: [Option<Format>; 4] = [
    Some(Format::Text),
    Some(Format::Json),
    Some(Format::JsonLines),
    None,
];

fn name_for(format: Option<Format>) -> &'static str {
    match format {
        Some(Format::Text) => "hostile/article.txt",
        Some(Format::Json) => "hostile/article.json",
        Some(Format::JsonLines) => "hostile/feed.jsonl",
        None => "hostile/noext",
        // `Format` is an open set (a handle on the reader registry).
        Some(other) => panic!("no file name for {other:?}"),
    }
}

/// Bytes that look like text more often than not, with hostile bytes mixed in.
fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => "[A-Za-zé \n.,:{}\\[\\]\"]{0,20}".prop_map(String::into_bytes),
        1 => Just(b"\x1b[2J".to_vec()),
        1 => Just(b"\x1b]52;c;QUJD\x07".to_vec()),
        1 => Just("\u{9b}\u{202e}\u{feff}\r\n".as_bytes().to_vec()),
        1 => Just(b"\xff\xfe".to_vec()),
        1 => Just(b"Par Jean Dupont\n".to_vec()),
        1 => prop::collection::vec(any::<u8>(), 0..16),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// A string for a JSON field, sometimes hostile.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-zéЖ .,]{0,24}",
        1 => "[\u{1b}\u{9b}\u{202e}\u{0}\r\n\\[\\]0-9;a-z>&#/p]{0,24}",
    ]
}

fn record() -> impl Strategy<Value = Value> {
    (
        prop::option::of(field()),
        prop::option::of(prop_oneof![
            field().prop_map(Value::from),
            prop::collection::vec(field(), 0..4).prop_map(Value::from),
        ]),
        prop::collection::vec(field(), 0..3),
        prop::option::of(field()),
        prop::option::of(field()),
    )
        .prop_map(|(headline, body, authors, date, lang)| {
            let mut o = Map::new();
            if let Some(h) = headline {
                o.insert("headline".into(), h.into());
            }
            if let Some(b) = body {
                o.insert("articleBody".into(), b);
            }
            o.insert("author".into(), json!(authors));
            if let Some(d) = date {
                o.insert("datePublished".into(), d.into());
            }
            if let Some(l) = lang {
                o.insert("inLanguage".into(), l.into());
            }
            Value::Object(o)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn any_bytes_load_or_fail_cleanly(bytes in hostile_bytes(), f in 0usize..4) {
        let format = FORMATS[f];
        let out = load_checked(name_for(format), &bytes, format);
        // Something is always said: an article or a problem.
        prop_assert!(!out.articles.is_empty() || !out.problems.is_empty());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), f in 0usize..4) {
        let format = FORMATS[f];
        load_checked(name_for(format), &bytes, format);
    }

    /// A JSON record with a headline or a body always loads, however hostile its strings.
    #[test]
    fn json_records_load_clean(records in prop::collection::vec(record(), 1..4)) {
        let doc = serde_json::to_string(&records).expect("serialisable");
        let out = load_checked("hostile/records.json", doc.as_bytes(), Some(Format::Json));
        let lines = records.iter().map(|r| r.to_string()).collect::<Vec<_>>().join("\n");
        let out_lines = load_checked("hostile/records.jsonl", lines.as_bytes(), Some(Format::JsonLines));
        prop_assert_eq!(out.articles.len(), out_lines.articles.len());
        // Loaded: exactly the records with a headline or a body left once cleaned.
        let shown = |v: Option<&Value>| match v {
            Some(Value::String(s)) => !clean_inline(s).is_empty(),
            Some(Value::Array(a)) => a.iter().any(|s| s.as_str().is_some_and(|s| !clean_inline(s).is_empty())),
            _ => false,
        };
        let usable = records
            .iter()
            .filter(|r| shown(r.get("headline")) || shown(r.get("articleBody")))
            .count();
        prop_assert_eq!(out.articles.len(), usable, "{:?}", out.problems);
        for a in &out.articles {
            prop_assert!(!a.headline.is_empty() || !a.paragraphs.is_empty());
        }
    }
}
