//! Loading articles from files, folders and standard input. One file per
//! source format; this module dispatches on the file's extension and content.

pub mod bundled;
pub mod byline;
mod byline_names;
pub mod decode;
pub mod feed;
pub mod feedback;
pub mod folder;
mod formats;
pub mod html;
pub mod json;
pub mod markup;
pub mod pubdate;
pub mod reader;
mod record;
pub mod text;

use crate::article::{Article, sanitize};
pub use reader::{Format, Parsed, READERS, Reader};
use serde::Serialize;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// How loading behaves.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this are refused with a clear message.
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: 16 * 1024 * 1024,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file loaded, but something was repaired (invalid UTF-8, escape sequences removed ...).
    Warning,
    /// The file (or one record in it) could not be loaded.
    Error,
}

/// Something wrong with one input file, always naming the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Serialised as [`display_path`]: a file name can hold escape sequences.
    #[serde(serialize_with = "serialize_path")]
    pub path: PathBuf,
    /// 1-based line, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

/// A path as it may be shown on a terminal: lossily decoded, with control,
/// escape and bidi characters (which a hostile file name can hold) written
/// as visible `\u{..}` escapes.
pub fn display_path(path: &Path) -> String {
    sanitize::escape_controls(&path.to_string_lossy())
}

fn serialize_path<S: serde::Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&display_path(path))
}

impl fmt::Display for Problem {
    /// `path:line:column: error: message`, like a compiler.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", display_path(&self.path))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, ": {sev}: {}", self.message)
    }
}

/// The result of loading: every article that loaded, every problem, and the
/// files skipped because their type is unknown.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
    pub skipped: Vec<PathBuf>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Load files, folders (recursively, in a stable order) and `-` (standard input).
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> Loaded {
    let mut out = Loaded::default();
    for path in paths {
        if path.as_os_str() == "-" {
            load_stdin(opts, &mut out);
            continue;
        }
        if is_url(path) && !path.exists() {
            out.problems.push(Problem::error(
                path,
                "is a URL: this command reads files; `lede add URL` fetches a web page into the library",
            ));
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => out
                .problems
                .push(Problem::error(path, format!("cannot read: {e}"))),
            Ok(m) if m.is_dir() => {
                for found in folder::walk(path) {
                    match found {
                        folder::Found::File(file, format) => {
                            load_file(&file, Some(format), opts, &mut out)
                        }
                        folder::Found::Skipped(file) => out.skipped.push(file),
                        folder::Found::Unreadable(file, reason) => out
                            .problems
                            .push(Problem::error(&file, format!("cannot read: {reason}"))),
                    }
                }
            }
            // A file named on the command line is read even if hidden; one
            // without an extension is sniffed; an unknown extension is skipped.
            Ok(_) => match Format::from_path(path) {
                Some(format) => load_file(path, Some(format), opts, &mut out),
                None if path.extension().is_none() => load_file(path, None, opts, &mut out),
                None => out.skipped.push(path.clone()),
            },
        }
    }
    out
}

/// `http://…`, `https://…`, `www.…`: an address, not a file.
fn is_url(path: &Path) -> bool {
    let s = path.to_string_lossy().to_ascii_lowercase();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

/// The sample articles bundled in the binary (from `assets/articles`).
pub fn load_bundled() -> Loaded {
    let mut out = Loaded::default();
    for (name, bytes) in bundled::FILES {
        let path = Path::new(bundled::DIR).join(name);
        load_bytes(&path, &path, bytes, Format::from_path(&path), &mut out);
    }
    out
}

impl Problem {
    fn new(path: &Path, severity: Severity, message: String) -> Problem {
        Problem {
            path: path.to_path_buf(),
            line: None,
            column: None,
            severity,
            message,
        }
    }

    /// An error about a whole file.
    pub fn error(path: &Path, message: impl Into<String>) -> Problem {
        Problem::new(path, Severity::Error, message.into())
    }

    /// A warning about a whole file.
    pub fn warning(path: &Path, message: impl Into<String>) -> Problem {
        Problem::new(path, Severity::Warning, message.into())
    }

    fn at(mut self, line: Option<usize>, column: Option<usize>) -> Problem {
        self.line = line;
        self.column = column;
        self
    }
}

/// A problem inside a file, before the file's path is attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// An error (the record did not load) rather than a warning.
    pub error: bool,
    pub message: String,
}

/// `1.5 MiB`, `300 bytes`.
fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        let tenths = bytes * 10 / MIB;
        format!("{}.{} MiB", tenths / 10, tenths % 10)
    } else if bytes >= 1024 {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

fn too_large(size: u64, opts: &LoadOptions) -> String {
    format!(
        "file is {}, larger than the {} limit; not read (raise the limit with --max-file-mb)",
        human_size(size),
        human_size(opts.max_bytes)
    )
}

fn load_file(path: &Path, format: Option<Format>, opts: &LoadOptions, out: &mut Loaded) {
    // Refuse before reading: the size comes from the file system.
    match std::fs::metadata(path) {
        Ok(m) if m.len() > opts.max_bytes => {
            out.problems
                .push(Problem::error(path, too_large(m.len(), opts)));
            return;
        }
        Ok(_) => {}
        Err(e) => {
            out.problems
                .push(Problem::error(path, format!("cannot read: {e}")));
            return;
        }
    }
    let mut bytes = Vec::new();
    // Read at most one byte past the cap, in case the file grew meanwhile.
    let read = std::fs::File::open(path).and_then(|f| {
        f.take(opts.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
    });
    match read {
        Err(e) => out
            .problems
            .push(Problem::error(path, format!("cannot read: {e}"))),
        Ok(n) if n as u64 > opts.max_bytes => out
            .problems
            .push(Problem::error(path, too_large(n as u64, opts))),
        Ok(_) => {
            let first = out.articles.len();
            load_bytes(path, path, &bytes, format, out);
            name_by_path(path, &mut out.articles[first..]);
        }
    }
}

/// The one article of a file, when it has no id of its own (no source id,
/// no URL), is known by the file's canonical path: it keeps its identity
/// (and its notes) when the text is edited. Records of a file holding several
/// keep their content ids.
fn name_by_path(path: &Path, articles: &mut [Article]) {
    if let [a] = articles
        && a.id == crate::article::content_id(&a.text())
    {
        a.id = crate::article::identity::file_id(path);
    }
}

/// The name standard input goes by in problems.
pub const STDIN_NAME: &str = "<stdin>";

fn load_stdin(opts: &LoadOptions, out: &mut Loaded) {
    let name = Path::new(STDIN_NAME);
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .lock()
        .take(opts.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes);
    match read {
        Err(e) => out.problems.push(Problem::error(name, format!("cannot read: {e}"))),
        Ok(n) if n as u64 > opts.max_bytes => out.problems.push(Problem::error(
            name,
            format!(
                "standard input is larger than the {} limit; not read (raise the limit with --max-file-mb)",
                human_size(opts.max_bytes)
            ),
        )),
        Ok(_) => load_bytes(name, Path::new("-"), &bytes, None, out),
    }
}

/// Decode, check and parse the bytes of one file. `name` names the file in
/// problems, `source` is recorded on the articles. `format` `None` sniffs.
pub fn load_bytes(
    name: &Path,
    source: &Path,
    bytes: &[u8],
    format: Option<Format>,
    out: &mut Loaded,
) {
    if bytes.is_empty() {
        out.problems
            .push(Problem::error(name, "empty file: no article to load"));
        return;
    }
    let decoded = decode::decode(bytes);
    if let Some(share) = decode::binary_share(&decoded.text) {
        out.problems.push(Problem::error(
            name,
            format!(
                "not a text file: {:.0}% of it is invalid UTF-8 or control bytes (binary data?); not read",
                share * 100.0
            ),
        ));
        return;
    }
    for (line, message) in decoded.repairs {
        out.problems
            .push(Problem::warning(name, message).at(line, None));
    }
    let mut text = decoded.text;
    let format = format.unwrap_or_else(|| Format::sniff(&text));
    let reader = format.reader();
    if let Some(line) = decode::first_unclean_line(&text) {
        out.problems.push(
            Problem::warning(
                name,
                "removed terminal control characters or escape sequences (the first is on this line)",
            )
            .at(Some(line), None),
        );
        // Plain text is cleaned as a whole, so that a sequence spanning
        // lines goes entirely; JSON strings are cleaned one by one.
        if reader.cleans_raw_text() {
            text = sanitize::clean_text(&text);
        }
    }
    if sanitize::clean_text(&text).trim().is_empty() {
        out.problems.push(Problem::error(
            name,
            "empty file: only white space, no article to load",
        ));
        return;
    }
    let Parsed { articles, issues } = reader.read(&text);
    let had_errors = issues.iter().any(|i| i.error);
    for issue in issues {
        let severity = if issue.error {
            Severity::Error
        } else {
            Severity::Warning
        };
        out.problems
            .push(Problem::new(name, severity, issue.message).at(issue.line, issue.column));
    }
    if articles.is_empty() && !had_errors {
        out.problems
            .push(Problem::warning(name, "no articles found in this file"));
    }
    for mut a in articles {
        a.source_path = Some(source.to_path_buf());
        out.articles.push(a);
    }
}
