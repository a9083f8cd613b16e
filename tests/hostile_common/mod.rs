//! Invariants every loaded article and every problem must hold, shared by the
//! hostile-input and property tests (the fuzz targets check the same).

#![allow(dead_code)]

use lede::article::Article;
use lede::article::sanitize::is_clean;
use lede::ingest::{Format, Loaded, load_bytes};
use std::path::Path;

/// Characters that must never reach a terminal from article text.
pub fn is_terminal_control(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Load `bytes` as the file `name` and check every problem and article.
pub fn load_checked(name: &str, bytes: &[u8], format: Option<Format>) -> Loaded {
    let path = Path::new(name);
    let mut out = Loaded::default();
    load_bytes(path, path, bytes, format, &mut out);
    check_loaded(&out, path);
    out
}

/// Every problem names `path` and prints clean; every article is clean.
pub fn check_loaded(out: &Loaded, path: &Path) {
    for p in &out.problems {
        assert_eq!(p.path, path, "problem names another file: {p}");
        let shown = p.to_string();
        assert!(is_clean(&shown), "problem prints controls: {shown:?}");
        assert!(!shown.contains('\n'), "problem spans lines: {shown:?}");
    }
    for a in &out.articles {
        check_article(a);
    }
}

/// What every article must be, whatever its source: every field clean,
/// single-line fields on one line, paragraphs non-empty without blank lines,
/// and `text()` / `blocks()` in agreement.
pub fn check_article(a: &Article) {
    let inline = [&a.headline, &a.id, &a.in_language]
        .into_iter()
        .chain(&a.authors)
        .chain(&a.editors)
        .chain(a.date_published.iter())
        .chain(a.url.iter())
        .chain(a.publisher.iter());
    for s in inline {
        assert!(is_clean(s), "unclean field {s:?}");
        assert!(!s.contains(['\n', '\t']), "field spans lines: {s:?}");
    }
    for s in a.authors.iter().chain(&a.editors) {
        assert!(!s.trim().is_empty(), "empty name in {:?}", a.authors);
    }
    if let Some(f) = &a.feedback {
        for s in [&f.prompt]
            .into_iter()
            .chain(f.promise.iter())
            .chain(f.endpoint.iter())
        {
            assert!(is_clean(s) && !s.contains('\n'), "unclean feedback {s:?}");
        }
    }
    for s in [&a.date_published, &a.url, &a.publisher] {
        assert_ne!(s.as_deref(), Some(""), "an empty optional field");
    }
    if let Some(f) = &a.feedback {
        assert!(!f.prompt.is_empty(), "feedback without a prompt");
    }
    for p in &a.paragraphs {
        assert!(!p.trim().is_empty(), "empty paragraph in {}", a.id);
        assert!(is_clean(p), "unclean paragraph {p:?}");
        assert!(!p.contains("\n\n"), "blank line inside a paragraph: {p:?}");
    }
    assert!(!a.id.is_empty(), "article without an id");
    assert!(!a.in_language.is_empty(), "article without a language");
    let text = a.text();
    assert!(
        !text.chars().any(is_terminal_control),
        "control in the text of {}",
        a.id
    );
    let blocks = a.blocks();
    assert_eq!(blocks.len(), a.paragraphs.len() + 1);
    assert_eq!(&text[blocks[0].clone()], a.headline);
    for (r, p) in blocks[1..].iter().zip(&a.paragraphs) {
        assert_eq!(&text[r.clone()], p.as_str());
    }
}
