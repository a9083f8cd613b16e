//! Loading articles from files, folders and standard input. One file per
//! source format; this module dispatches on the file's extension and content.

use crate::article::Article;
use serde::Serialize;
use std::fmt;
use std::path::PathBuf;

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

impl fmt::Display for Problem {
    /// `path:line:column: error: message`, like a compiler.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
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
    let _ = (paths, opts);
    Loaded::default()
}

/// The sample articles bundled in the binary (from `assets/articles`).
pub fn load_bundled() -> Loaded {
    Loaded::default()
}
