//! Scoring the extractor against annotated data.
//!
//! Readers turn annotated files into [`Document`]s (a text and its gold
//! annotations, byte spans into that text); [`score`] compares the
//! extractor's [`Analysis`](crate::extract::Analysis) of each text with its
//! gold; [`report`] prints the tables. Formats read:
//! - [`gold`]: lede's gold JSON (`../shared/gold/seed.gold.json`);
//! - [`conll`]: CoNLL-style BIO columns (token first, tag last);
//! - [`timeml`]: TimeML with inline `TIMEX3` (dates only).

pub mod conll;
pub mod errors;
pub mod gold;
pub mod names;
pub mod offsets;
pub mod report;
pub mod roles;
pub mod score;
pub mod timeml;

use crate::extract::{Kind, Span};
use std::fmt;
use std::path::{Path, PathBuf};

/// A gold entity mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEntity {
    /// Byte span into [`Document::text`].
    pub span: Span,
    pub kind: Kind,
    /// The name of the gold actor this mention belongs to, when the format says.
    pub actor: Option<String>,
}

/// A gold temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDate {
    /// Byte span into [`Document::text`].
    pub span: Span,
    /// ISO 8601 value, when annotated.
    pub value: Option<String>,
}

/// A gold actor: a name and the surface forms annotated for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldActor {
    pub name: String,
    pub forms: Vec<String>,
}

/// One annotated text.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// A readable name: the source file, or `file#n` for the n-th document of a file.
    pub id: String,
    pub text: String,
    /// BCP 47 language tag used for extraction.
    pub lang: String,
    /// Publication date used to resolve relative dates.
    pub published: Option<jiff::civil::Date>,
    /// Entity kinds annotated in this document (others are not scored).
    /// Empty when the format annotates no entities.
    pub kinds: Vec<Kind>,
    pub entities: Vec<GoldEntity>,
    /// The gold actors, when the format gives or implies them.
    pub actors: Option<Vec<GoldActor>>,
    /// The gold dates, when the format annotates dates.
    pub dates: Option<Vec<GoldDate>>,
    /// The gold roles, when the format gives them.
    pub roles: Option<Vec<roles::GoldRole>>,
    /// Names that are neither gold nor errors (the byline's editor and authors):
    /// mentions and actors with these names are dropped on both sides.
    pub ignored_names: Vec<String>,
}

/// The documents read from one command-line argument (a file or a folder).
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The argument as given.
    pub name: String,
    pub documents: Vec<Document>,
    /// Files in a folder that are in no format `lede eval` reads.
    pub skipped: Vec<PathBuf>,
}

/// An annotated file that could not be read, naming the file and the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl LoadError {
    pub fn new(path: &Path, message: impl Into<String>) -> LoadError {
        LoadError {
            path: path.to_path_buf(),
            line: None,
            column: None,
            message: message.into(),
        }
    }
    pub fn at(path: &Path, line: usize, message: impl Into<String>) -> LoadError {
        LoadError {
            line: Some(line),
            ..LoadError::new(path, message)
        }
    }
}

impl fmt::Display for LoadError {
    /// `path:line:column: message`, like a compiler.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

/// The formats `lede eval` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Gold,
    Conll,
    TimeMl,
}

/// Guess a file's format from its name and, failing that, its first bytes.
/// `None` for files in no format we read.
pub fn sniff(path: &Path, head: &str) -> Option<Format> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let ext = name.rsplit('.').next().unwrap_or("");
    match ext {
        "tml" | "timeml" => return Some(Format::TimeMl),
        "conll" | "conll03" | "conllu" | "bio" | "iob" | "iob1" | "iob2" | "bioes" => {
            return Some(Format::Conll);
        }
        _ => {}
    }
    if name.ends_with(".gold.json") || name.ends_with(".gold.jsonl") {
        return Some(Format::Gold);
    }
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    match ext {
        "json" | "jsonl" => {
            let json = trimmed.starts_with('{') || trimmed.starts_with('[');
            let annotated = head.contains("\"entities\"")
                || (head.contains("\"dates\"") && head.contains("\"source\""));
            let looks_gold = json && annotated;
            looks_gold.then_some(Format::Gold)
        }
        "xml" => (head.contains("<TimeML") || head.contains("<TIMEX3")).then_some(Format::TimeMl),
        // Any other name (`eng.testa`, `train.txt`, no extension): by content.
        _ => conll::looks_like_conll(head).then_some(Format::Conll),
    }
}

/// Read one annotated file of a known format.
pub fn load_file(path: &Path, format: Format) -> Result<Vec<Document>, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::new(path, e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        LoadError::new(path, format!("not UTF-8 (invalid byte at offset {at})"))
    })?;
    match format {
        Format::Gold => gold::parse(path, &text),
        Format::Conll => conll::parse(path, &text),
        Format::TimeMl => timeml::parse(path, &text),
    }
}

/// Read a file or a folder (recursively, in name order) given on the command
/// line. A file given by name whose format is unknown is an error; in a
/// folder it is listed in [`Corpus::skipped`]. Files that fail are returned
/// with their errors; the others still load.
pub fn load_corpus(path: &Path) -> (Corpus, Vec<LoadError>) {
    let mut corpus = Corpus {
        name: path.display().to_string(),
        ..Corpus::default()
    };
    let mut errors = Vec::new();
    if path.is_dir() {
        let mut files = Vec::new();
        if let Err(e) = walk(path, &mut files) {
            errors.push(e);
        }
        files.sort();
        for file in files {
            match sniff(&file, &read_head(&file)) {
                Some(format) => match load_file(&file, format) {
                    Ok(docs) => corpus.documents.extend(docs),
                    Err(e) => errors.push(e),
                },
                None => corpus.skipped.push(file),
            }
        }
    } else if !path.exists() {
        errors.push(LoadError::new(path, "no such file or folder"));
    } else {
        let format = sniff(path, &read_head(path)).or_else(|| {
            // A JSON file named on the command line is read as gold JSON even
            // when its first 8 KiB do not show it: its own error (a syntax
            // error at line:column, a missing field) says more than "unknown".
            let name = path.to_string_lossy().to_lowercase();
            (name.ends_with(".json") || name.ends_with(".jsonl")).then_some(Format::Gold)
        });
        match format {
            Some(format) => match load_file(path, format) {
                Ok(docs) => corpus.documents = docs,
                Err(e) => errors.push(e),
            },
            None => errors.push(LoadError::new(
                path,
                "unknown format (expected lede gold JSON, CoNLL BIO columns or TimeML)",
            )),
        }
    }
    (corpus, errors)
}

/// Gold actors implied by entity mentions when a format names none (CoNLL):
/// one per distinct name after folding, where a person's later surname-only
/// mention ("Lavrov") joins the full name ("Sergueï Lavrov") and an acronym
/// joins its long form. Nationality mentions make no actor here.
pub fn actors_from_mentions(text: &str, entities: &[GoldEntity]) -> Vec<GoldActor> {
    use std::collections::{HashMap, HashSet};
    // Distinct forms, first-seen order.
    let mut seen = HashSet::new();
    let mut forms: Vec<(&str, Kind, Vec<String>)> = Vec::new();
    for e in entities.iter().filter(|e| e.kind != Kind::Nationality) {
        let form = text.get(e.span.range()).unwrap_or("").trim();
        if !form.is_empty() && seen.insert(names::fold(form)) {
            forms.push((form, e.kind, names::folded_words(form)));
        }
    }
    // Longest names first, so that parts and acronyms find their whole.
    forms.sort_by_key(|(_, _, words)| std::cmp::Reverse(words.len()));
    let mut actors: Vec<GoldActor> = Vec::new();
    // Person actors by each folded word of their name; names of several
    // words by folded initial (for acronyms).
    let mut person_words: HashMap<String, Vec<usize>> = HashMap::new();
    let mut long_names: HashMap<char, Vec<usize>> = HashMap::new();
    let mut actor_words: Vec<HashSet<String>> = Vec::new();
    for (form, kind, words) in forms {
        let mut joined = None;
        if kind == Kind::Person {
            // Candidates: the person actors sharing this form's rarest word.
            let rarest = words
                .iter()
                .map(|w| person_words.get(w).map_or(&[][..], Vec::as_slice))
                .min_by_key(|list| list.len())
                .unwrap_or(&[]);
            joined = rarest
                .iter()
                .copied()
                .find(|&a| words.iter().all(|w| actor_words[a].contains(w)));
        }
        let initial = words.first().and_then(|w| w.chars().next());
        if joined.is_none()
            && names::looks_like_acronym(form)
            && let Some(c) = initial
        {
            joined = long_names
                .get(&c)
                .into_iter()
                .flatten()
                .copied()
                .find(|&a| names::is_acronym_of(form, &actors[a].name));
        }
        match joined {
            Some(a) => actors[a].forms.push(form.to_string()),
            None => {
                let a = actors.len();
                actors.push(GoldActor {
                    name: form.to_string(),
                    forms: vec![form.to_string()],
                });
                actor_words.push(words.iter().cloned().collect());
                if kind == Kind::Person {
                    for w in &words {
                        let list = person_words.entry(w.clone()).or_default();
                        if list.last() != Some(&a) {
                            list.push(a);
                        }
                    }
                }
                if let (true, Some(c)) = (words.len() > 1, initial) {
                    long_names.entry(c).or_default().push(a);
                }
            }
        }
    }
    actors
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError::new(dir, e.to_string()))?;
    for entry in entries {
        let entry = entry.map_err(|e| LoadError::new(dir, e.to_string()))?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// The first few KiB of a file, for sniffing (empty if unreadable: the
/// loader reports the error).
fn read_head(path: &Path) -> String {
    use std::io::Read;
    let mut buf = vec![0u8; 8192];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut buf))
        .unwrap_or(0);
    buf.truncate(n);
    String::from_utf8_lossy(&buf).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_name_and_content() {
        let p = Path::new;
        assert_eq!(sniff(p("a.tml"), ""), Some(Format::TimeMl));
        assert_eq!(sniff(p("a.conll"), ""), Some(Format::Conll));
        assert_eq!(sniff(p("x.gold.json"), ""), Some(Format::Gold));
        assert_eq!(
            sniff(p("x.json"), r#"{"source":"a.txt","entities":[]}"#),
            Some(Format::Gold)
        );
        assert_eq!(sniff(p("x.json"), r#"{"headline":"Titre"}"#), None);
        assert_eq!(
            sniff(p("x.xml"), "<TimeML><TEXT>x</TEXT></TimeML>"),
            Some(Format::TimeMl)
        );
        assert_eq!(
            sniff(p("train.txt"), "Paris B-LOC\nest O\n"),
            Some(Format::Conll)
        );
        assert_eq!(sniff(p("article.txt"), "Un titre\n\nUn paragraphe."), None);
        // CoNLL-2003's own file names, CRLF lines.
        let testa = "-DOCSTART- -X- O O\r\n\r\nLONDON NNP I-NP I-LOC\r\n1996-08-30 CD I-NP O\r\n";
        assert_eq!(sniff(p("eng.testa"), testa), Some(Format::Conll));
        assert_eq!(sniff(p("notes.md"), "# Titre\n\nTexte."), None);
    }

    /// The span of the `nth` occurrence of `needle` in `text`.
    fn find(text: &str, needle: &str, nth: usize) -> Span {
        let start = text.match_indices(needle).nth(nth).map(|(i, _)| i).unwrap();
        Span::new(start, start + needle.len())
    }

    #[test]
    fn actors_from_mentions_merge_surnames_and_acronyms() {
        let text = "Sergueï Lavrov et la CEDEAO. Lavrov a parlé à la Communauté \
                    économique des États de l'Afrique de l'Ouest à Moscou, à moscou.";
        let entities: Vec<GoldEntity> = [
            ("Sergueï Lavrov", 0, Kind::Person),
            ("CEDEAO", 0, Kind::Organization),
            ("Lavrov", 1, Kind::Person),
            (
                "Communauté économique des États de l'Afrique de l'Ouest",
                0,
                Kind::Organization,
            ),
            ("Moscou", 0, Kind::Place),
            ("moscou", 0, Kind::Place),
        ]
        .into_iter()
        .map(|(needle, nth, kind)| GoldEntity {
            span: find(text, needle, nth),
            kind,
            actor: None,
        })
        .collect();
        let actors = actors_from_mentions(text, &entities);
        let got: Vec<(&str, usize)> = actors
            .iter()
            .map(|a| (a.name.as_str(), a.forms.len()))
            .collect();
        assert_eq!(
            got,
            [
                ("Communauté économique des États de l'Afrique de l'Ouest", 2),
                ("Sergueï Lavrov", 2),
                ("Moscou", 1)
            ]
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = LoadError::at(Path::new("a/b.conll"), 12, "no tag");
        assert_eq!(e.to_string(), "a/b.conll:12: no tag");
    }
}
