//! Source formats as a registry: each format is one type implementing
//! [`Reader`], listed once in [`READERS`]; its file extensions are listed in
//! `formats.rs` (shared with `build.rs`).
//!
//! Adding a format (RSS, HTML ...) is one new file with a `Reader` and one
//! line in [`READERS`] (plus its extensions in `formats.rs`).

use super::formats::{EXTENSIONS, is_doc_stem};
use super::{Issue, json, text};
use crate::article::Article;
use std::fmt;
use std::path::Path;

/// What a reader made of one file: the articles, and what went wrong with
/// records in it (each with its line where there is one).
#[derive(Debug, Default)]
pub struct Parsed {
    pub articles: Vec<Article>,
    pub issues: Vec<Issue>,
}

/// One source format.
pub trait Reader: Sync {
    /// The name `formats.rs` gives the format (`"text"`, `"json"` ...).
    fn name(&self) -> &'static str;
    /// Whether text that came with no telling extension (standard input, a
    /// file without extension) is in this format. Readers are asked in the
    /// order of [`READERS`]; the last one takes anything.
    fn sniff(&self, text: &str) -> bool;
    /// Read the decoded text. Articles come out finished
    /// ([`Article::finish`]); the loader sets their source.
    fn read(&self, text: &str) -> Parsed;
    /// Whether control characters are removed from the raw text as a whole
    /// before reading (plain text: a sequence may span lines). Structured
    /// formats clean each string after parsing instead, since cleaning the
    /// raw document could eat its quotes and brackets.
    fn cleans_raw_text(&self) -> bool {
        false
    }
}

/// Every format lede reads, in sniffing order (the most particular first).
pub static READERS: &[&dyn Reader] =
    &[&json::JsonLinesReader, &json::JsonReader, &text::TextReader];

/// A source format: a handle on one of the [`READERS`], by name.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Format(&'static str);

#[allow(non_upper_case_globals)]
impl Format {
    /// `.txt`, `.text`, `.md`, `.markdown`
    pub const Text: Format = Format("text");
    /// `.json`, `.jsonld`: one object, an array, or a JSON-LD graph.
    pub const Json: Format = Format("json");
    /// `.jsonl`, `.ndjson`: one JSON value per line.
    pub const JsonLines: Format = Format("json-lines");
}

impl fmt::Debug for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Format({})", self.0)
    }
}

impl Format {
    /// The format's name, as in `formats.rs`.
    pub fn name(self) -> &'static str {
        self.0
    }

    /// The reader for this format.
    pub fn reader(self) -> &'static dyn Reader {
        READERS
            .iter()
            .copied()
            .find(|r| r.name() == self.0)
            // every `Format` comes from READERS or from EXTENSIONS, which a test checks against READERS
            .unwrap_or(READERS[READERS.len() - 1])
    }

    /// The format for a file name's extension, `None` when unknown.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        EXTENSIONS
            .iter()
            .find(|(e, _)| *e == ext)
            .map(|&(_, name)| Format(name))
    }

    /// As [`Format::from_path`], but documentation files met in a folder
    /// (README, LICENSE, CHANGELOG ...) are not articles.
    pub fn for_folder_entry(path: &Path) -> Option<Format> {
        // A stem that is not UTF-8 is still a name: only the extension decides.
        let stem = path.file_stem()?.to_string_lossy().to_ascii_uppercase();
        if is_doc_stem(&stem) {
            return None;
        }
        Format::from_path(path)
    }

    /// The first reader of [`READERS`] that recognises `text`.
    pub fn sniff(text: &str) -> Format {
        let reader = READERS
            .iter()
            .find(|r| r.sniff(text))
            .unwrap_or(&READERS[READERS.len() - 1]);
        Format(reader.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_extension_has_a_registered_reader_and_every_reader_an_extension() {
        for (ext, name) in EXTENSIONS {
            assert!(
                READERS.iter().any(|r| r.name() == *name),
                "{ext}: no reader named {name}"
            );
        }
        for r in READERS {
            assert!(
                EXTENSIONS.iter().any(|(_, n)| *n == r.name()),
                "reader {} has no extension",
                r.name()
            );
        }
    }

    #[test]
    fn extensions_and_docs_decide_the_format() {
        let cases: &[(&str, Option<Format>)] = &[
            ("a.txt", Some(Format::Text)),
            ("a.MD", Some(Format::Text)),
            ("a.jsonld", Some(Format::Json)),
            ("a.ndjson", Some(Format::JsonLines)),
            ("a.xml", None),
            ("a", None),
        ];
        for (name, want) in cases {
            assert_eq!(Format::from_path(Path::new(name)), *want, "{name}");
        }
        assert_eq!(Format::for_folder_entry(Path::new("README.md")), None);
        assert_eq!(Format::for_folder_entry(Path::new("LICENSE-MIT.txt")), None);
        assert_eq!(
            Format::for_folder_entry(Path::new("readme-notes.txt")),
            None
        );
        assert_eq!(
            Format::for_folder_entry(Path::new("READMEFIRST.txt")),
            Some(Format::Text)
        );
    }

    #[test]
    fn sniffing_tells_json_lines_json_and_text_apart() {
        let cases: &[(&str, Format)] = &[
            (
                "{\"headline\": \"A\"}\n{\"headline\": \"B\"}\n",
                Format::JsonLines,
            ),
            ("{\"headline\": \"A\"}\n\n{oops\n", Format::JsonLines),
            ("{\"headline\": \"A\"}\n", Format::Json),
            ("{\n  \"headline\": \"A\"\n}\n", Format::Json),
            (
                "[{\"headline\": \"A\"},\n{\"headline\": \"B\"}]",
                Format::Json,
            ),
            ("  [\n]", Format::Json),
            ("Headline\n\nBody.", Format::Text),
        ];
        for (text, want) in cases {
            assert_eq!(Format::sniff(text), *want, "{text:?}");
        }
    }
}
