// The one list of the file types lede reads. Plain constants and one
// function with no `use`: `build.rs` includes this file too (to know which
// files of `assets/articles` to bundle), so that the binary and the loader
// never disagree.

/// Every readable file extension (lowercase, without the dot) and the name of
/// the reader (see `ingest::reader::READERS`) that reads it.
pub const EXTENSIONS: &[(&str, &str)] = &[
    ("txt", "text"),
    ("text", "text"),
    ("md", "text"),
    ("markdown", "text"),
    ("json", "json"),
    ("jsonld", "json"),
    ("jsonl", "json-lines"),
    ("ndjson", "json-lines"),
];

/// File stems (upper-cased) of documentation met in a folder, which are not
/// articles whatever their extension: `README.md`, `LICENSE-MIT.txt`.
pub const DOC_STEMS: &[&str] = &[
    "README",
    "LICENSE",
    "LICENCE",
    "CHANGELOG",
    "CHANGES",
    "CONTRIBUTING",
    "COPYING",
    "AUTHORS",
    "NOTICE",
];

/// Whether an upper-cased file stem names documentation (`README`, `LICENSE-MIT`).
pub fn is_doc_stem(stem_upper: &str) -> bool {
    DOC_STEMS.iter().any(|d| {
        stem_upper == *d
            || stem_upper
                .strip_prefix(d)
                .is_some_and(|rest| rest.starts_with('-'))
    })
}
