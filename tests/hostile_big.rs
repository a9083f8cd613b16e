//! Big and deep hostile inputs, made at test time rather than committed:
//! each loads as a usable article or fails with an error naming the file,
//! without a panic, a stack overflow or quadratic work.
//!
//! No timings are asserted (tests stay free of clocks); the inputs are sized
//! so that quadratic work on them would take minutes, not milliseconds.

use lede::ingest::{Format, Severity};

mod hostile_common;
use hostile_common::load_checked;

const MB: usize = 1024 * 1024;

/// `n` words of ordinary prose, about 6 bytes each, on one line.
fn words(n: usize) -> String {
    const W: [&str; 8] = [
        "the", "harbour", "council", "voted", "été", "Київ", "日本", "and",
    ];
    let mut s = String::with_capacity(n * 7);
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(W[i % W.len()]);
    }
    s
}

#[test]
fn a_10_mb_single_line_article_loads_whole() {
    let line = words(10 * MB / 7);
    assert!(line.len() > 9 * MB);
    let text = format!("A very long line\n\n{line}\n");
    let out = load_checked("big/line.txt", text.as_bytes(), Some(Format::Text));
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    let a = &out.articles[0];
    assert_eq!(a.headline, "A very long line");
    assert_eq!(a.paragraphs.len(), 1);
    assert_eq!(a.paragraphs[0], line);
}

#[test]
fn a_10_mb_json_body_on_one_line_loads_whole() {
    let body = words(10 * MB / 7);
    let doc = serde_json::json!({"headline": "Long", "articleBody": body}).to_string();
    let out = load_checked("big/line.json", doc.as_bytes(), Some(Format::Json));
    assert!(!out.has_errors(), "{:?}", out.problems);
    assert_eq!(out.articles[0].paragraphs, [body]);
}

#[test]
fn a_100_000_paragraph_article_keeps_every_paragraph() {
    let mut text = String::from("Many paragraphs\n\n");
    for i in 0..100_000 {
        text.push_str(&format!("Paragraph number {i} of the story.\n\n"));
    }
    let out = load_checked("big/paragraphs.txt", text.as_bytes(), Some(Format::Text));
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    let a = &out.articles[0];
    assert_eq!(a.paragraphs.len(), 100_000);
    assert_eq!(a.paragraphs[99_999], "Paragraph number 99999 of the story.");
    assert_eq!(a.blocks().len(), 100_001);
}

#[test]
fn a_word_of_50_000_letters_is_kept() {
    let word: String = "abcdéfghЖ".chars().cycle().take(50_000).collect();
    let text = format!("{word}\n\nBefore {word} after.\n");
    let out = load_checked("big/word.txt", text.as_bytes(), Some(Format::Text));
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    let a = &out.articles[0];
    assert_eq!(a.headline, word);
    assert_eq!(a.paragraphs, [format!("Before {word} after.")]);
}

/// serde_json stops at 128 levels: a clear error, never a stack overflow.
#[test]
fn json_nested_100_000_levels_is_an_error_not_a_crash() {
    let n = 100_000;
    let arrays = format!("{}{}", "[".repeat(n), "]".repeat(n));
    let objects = format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n));
    let in_a_field =
        format!("{{\"headline\": \"Deep\", \"articleBody\": \"x\", \"extra\": {arrays}}}");
    for (name, doc, format) in [
        ("deep/arrays.json", &arrays, Format::Json),
        ("deep/objects.json", &objects, Format::Json),
        ("deep/field.json", &in_a_field, Format::Json),
        (
            "deep/lines.jsonl",
            &format!("{arrays}\n{objects}\n"),
            Format::JsonLines,
        ),
    ] {
        let out = load_checked(name, doc.as_bytes(), Some(format));
        assert!(out.articles.is_empty(), "{name}");
        let errors: Vec<_> = out
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert!(!errors.is_empty(), "{name}: {:?}", out.problems);
        for e in errors {
            assert!(e.message.contains("recursion limit"), "{name}: {e}");
            assert!(e.line.is_some() && e.column.is_some(), "{name}: {e}");
        }
    }
}

/// Entity decoding once looked for the `;` of every `&` to the end of the
/// text: quadratic on a body of ampersands.
#[test]
fn ten_megabytes_of_ampersands_in_an_html_body() {
    let body = format!("<p>{}</p><p>&amp; end</p>", "&".repeat(10 * MB));
    let doc = serde_json::json!({"headline": "Amps", "articleBody": body}).to_string();
    let out = load_checked("big/amps.json", doc.as_bytes(), Some(Format::Json));
    assert!(!out.has_errors(), "{:?}", out.problems);
    let a = &out.articles[0];
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(a.paragraphs[0].len(), 10 * MB);
    assert_eq!(a.paragraphs[1], "& end");
}

/// Author names were de-duplicated by searching the list for each one.
#[test]
fn a_hundred_thousand_authors_are_read_once_each() {
    let authors: Vec<String> = (0..100_000)
        .map(|i| {
            let name: String = format!("{i:05}")
                .chars()
                .map(|d| (b'a' + d.to_digit(10).unwrap_or(0) as u8) as char)
                .collect();
            format!(
                "Writer {}{name}",
                name.to_uppercase().chars().next().unwrap_or('A')
            )
        })
        .chain(std::iter::once("Writer Aaaaaa".to_string()))
        .collect();
    let doc =
        serde_json::json!({"headline": "Crowd", "articleBody": "x", "author": authors}).to_string();
    let out = load_checked("big/authors.json", doc.as_bytes(), Some(Format::Json));
    assert!(!out.has_errors(), "{:?}", out.problems);
    // The last name repeats the first: it is read once.
    assert_eq!(out.articles[0].authors.len(), 100_000);
}

/// Byline lines were merged by searching the names read so far.
#[test]
fn a_hundred_thousand_byline_lines_under_the_headline() {
    let mut text = String::from("Headline\n");
    for i in 0..100_000 {
        let name: String = format!("{i:05}")
            .chars()
            .map(|d| (b'a' + d.to_digit(10).unwrap_or(0) as u8) as char)
            .collect();
        text.push_str(&format!("By Ann X{name}\n"));
    }
    text.push_str("\nThe body.\n");
    let out = load_checked("big/bylines.txt", text.as_bytes(), Some(Format::Text));
    let a = &out.articles[0];
    assert_eq!(a.headline, "Headline");
    // A real byline is a few lines: the rest is read as text, not as names.
    assert!(a.authors.len() <= 100, "{} authors", a.authors.len());
    assert!(a.paragraphs.iter().any(|p| p == "The body."));
}

/// A file of nothing but escape sequences loads as nothing, with an error.
#[test]
fn a_megabyte_of_escape_sequences_is_an_empty_file() {
    let text = "\u{1b}[2J\u{1b}]0;t\u{7}\u{9b}1m\n".repeat(MB / 16);
    let out = load_checked("big/escapes.txt", text.as_bytes(), Some(Format::Text));
    assert!(out.articles.is_empty());
    assert!(out.has_errors(), "{:?}", out.problems);
}
