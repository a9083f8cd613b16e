//! Invariants every loaded article and every problem must hold, shared by the
//! loader targets.

use lede::article::Article;
use lede::article::sanitize::is_clean;
use lede::ingest::{Format, Loaded, load_bytes};
use std::path::Path;

/// Load `data` as the file `name` in `format` and check everything that came out.
pub fn load_and_check(name: &str, data: &[u8], format: Option<Format>) {
    let path = Path::new(name);
    let mut out = Loaded::default();
    load_bytes(path, path, data, format, &mut out);
    if data.is_empty() {
        assert!(out.has_errors(), "an empty file must be an error");
    }
    for p in &out.problems {
        assert_eq!(p.path, path, "every problem names its file");
        assert!(is_clean(&p.to_string()), "problem text is clean: {p}");
        assert!(!p.message.contains('\n'), "one-line problem: {p}");
    }
    for a in &out.articles {
        check_article(a);
        assert_eq!(a.source_path.as_deref(), Some(path));
    }
}

pub fn check_article(a: &Article) {
    let inline = std::iter::once(&a.headline)
        .chain([&a.id, &a.in_language])
        .chain(&a.authors)
        .chain(&a.editors)
        .chain(a.date_published.iter())
        .chain(a.url.iter())
        .chain(a.publisher.iter());
    for s in inline {
        assert!(is_clean(s), "unclean field {s:?}");
        assert!(!s.contains(['\n', '\t']), "single-line field {s:?}");
    }
    for s in a.authors.iter().chain(&a.editors) {
        assert!(!s.is_empty(), "empty name");
    }
    if let Some(f) = &a.feedback {
        for s in std::iter::once(&f.prompt)
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
        assert!(!p.trim().is_empty(), "empty paragraph");
        assert!(is_clean(p), "unclean paragraph {p:?}");
        assert!(!p.contains("\n\n"), "blank line inside a paragraph {p:?}");
    }
    assert!(!a.id.is_empty(), "article without an id");
    assert!(!a.in_language.is_empty(), "article without a language");
    let text = a.text();
    let blocks = a.blocks();
    assert_eq!(blocks.len(), a.paragraphs.len() + 1);
    assert_eq!(&text[blocks[0].clone()], a.headline);
    for (r, p) in blocks[1..].iter().zip(&a.paragraphs) {
        assert_eq!(&text[r.clone()], p);
    }
}
