//! Where lede keeps its files, and the user's configuration file (TOML, in
//! the platform's config directory).
//!
//! ```toml
//! [keys]            # an action -> one key or a list of keys; actions not named keep their defaults
//! quit = ["q", "ctrl-c"]
//! next_article = "ctrl-n"
//!
//! [colors]          # a kind or UI element -> a colour name, "#rrggbb" or a 0-255 index
//! person = "cyan"
//! organization = "#d787ff"
//!
//! [notes]
//! endpoint = "https://example.org/corrections"
//! file = "/home/me/notes.jsonl"
//! destinations = ["hypothesis", "mail"]   # the order notes are submitted in
//!
//! [notes.hypothesis]
//! api = "https://api.hypothes.is/api"     # the default
//! group = "a1b2c3"                        # default "__world__" (public)
//! group_name = "Fact-check desk"          # how the form names the group
//! token_file = "/home/me/.config/lede/hypothesis.token"  # mode 0600; LEDE_HYPOTHESIS_TOKEN wins
//!
//! [ui]
//! language = "auto"  # "fr", "en", or "auto": the article's language and the user's LANG
//! ```
//!
//! This module only reads and checks the TOML structure; the meaning of key
//! and colour strings is checked by the reader (`ui::keymap`, `ui::theme`),
//! which reports errors through [`Config::locate`] so they name the file and line.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "lede")
}

/// `~/.config/lede/config.toml` on Linux.
pub fn default_config_path() -> Option<PathBuf> {
    dirs().map(|d| d.config_dir().join("config.toml"))
}

/// `~/.local/share/lede/notes.jsonl` on Linux.
pub fn default_notes_path() -> Option<PathBuf> {
    dirs().map(|d| d.data_dir().join("notes.jsonl"))
}

/// One key or a list of keys bound to an action.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    pub fn keys(&self) -> Vec<&str> {
        match self {
            KeyList::One(k) => vec![k.as_str()],
            KeyList::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// The `[notes]` section: where correction notes go.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotesConfig {
    /// Where notes are submitted (`--endpoint` and `LEDE_ENDPOINT` win over it).
    #[serde(default)]
    pub endpoint: Option<String>,
    /// The notes file (`--notes` and `LEDE_NOTES` win over it).
    #[serde(default)]
    pub file: Option<PathBuf>,
    /// The order notes are submitted in (`"hypothesis"`, `"endpoint"`, `"mail"`).
    #[serde(default)]
    pub destinations: Option<Vec<crate::notes::destination::DestinationKind>>,
    /// `[notes.hypothesis]`: post notes as Hypothesis annotations.
    #[serde(default)]
    pub hypothesis: Option<crate::notes::hypothesis::HypothesisConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    keys: BTreeMap<String, toml::Spanned<KeyList>>,
    #[serde(default)]
    colors: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    notes: NotesConfig,
    #[serde(default)]
    ui: RawUi,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUi {
    #[serde(default)]
    language: Option<toml::Spanned<String>>,
}

/// The user's configuration. Everything is optional: an empty file is the defaults.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where it was read from (None: built-in defaults only).
    pub path: Option<PathBuf>,
    /// Action name -> keys, with the byte range of the value in the file.
    pub keys: BTreeMap<String, (KeyList, std::ops::Range<usize>)>,
    /// Element name -> colour, with the byte range of the value in the file.
    pub colors: BTreeMap<String, (String, std::ops::Range<usize>)>,
    pub notes: NotesConfig,
    /// `[ui] language`, with the byte range of the value in the file.
    pub ui_language: Option<(String, std::ops::Range<usize>)>,
    source: String,
}

/// A config file that cannot be used, naming the file and the line.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read the config file: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}{}: {message}", path.display(), fmt_line(*line, *column))]
    Invalid {
        path: PathBuf,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
}

fn fmt_line(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(":{l}:{c}"),
        (Some(l), None) => format!(":{l}"),
        _ => String::new(),
    }
}

impl Config {
    /// Parse config text; `path` is only used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let (line, column) = match e.span() {
                Some(span) => {
                    let (l, c) = line_col(text, span.start);
                    (Some(l), Some(c))
                }
                None => (None, None),
            };
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })?;
        Ok(Config {
            path: Some(path.to_path_buf()),
            keys: raw
                .keys
                .into_iter()
                .map(|(k, v)| {
                    let span = v.span();
                    (k, (v.into_inner(), span))
                })
                .collect(),
            colors: raw
                .colors
                .into_iter()
                .map(|(k, v)| {
                    let span = v.span();
                    (k, (v.into_inner(), span))
                })
                .collect(),
            notes: raw.notes,
            ui_language: raw.ui.language.map(|v| {
                let span = v.span();
                (v.into_inner(), span)
            }),
            source: text.to_string(),
        })
    }

    /// Read a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Config::parse(&text, path)
    }

    /// The config the reader uses: `explicit` (which must exist) or else the
    /// platform default when it exists, or else the built-in defaults.
    pub fn load_or_default(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        if let Some(p) = explicit {
            return Config::load(p);
        }
        match default_config_path() {
            Some(p) if p.exists() => Config::load(&p),
            _ => Ok(Config::default()),
        }
    }

    /// An error about the value at `span` in this file (for key and colour strings
    /// that the reader cannot understand).
    pub fn locate(&self, span: &std::ops::Range<usize>, message: String) -> ConfigError {
        let (line, column) = if self.source.is_empty() {
            (None, None)
        } else {
            let (l, c) = line_col(&self.source, span.start);
            (Some(l), Some(c))
        };
        ConfigError::Invalid {
            path: self
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from("(config)")),
            line,
            column,
            message,
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let byte = byte.min(text.len());
    let mut b = byte;
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    let before = &text[..b];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

impl fmt::Display for KeyList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.keys().join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_sections() {
        let text = "[keys]\nquit = [\"q\", \"ctrl-c\"]\nhelp = \"F1\"\n\n[colors]\nperson = \"cyan\"\n\n[notes]\nendpoint = \"http://127.0.0.1:9/n\"\nfile = \"/tmp/n.jsonl\"\n";
        let c = Config::parse(text, Path::new("c.toml")).unwrap();
        assert_eq!(c.keys["quit"].0.keys(), vec!["q", "ctrl-c"]);
        assert_eq!(c.keys["help"].0.keys(), vec!["F1"]);
        assert_eq!(c.colors["person"].0, "cyan");
        assert_eq!(c.notes.endpoint.as_deref(), Some("http://127.0.0.1:9/n"));
        assert_eq!(c.notes.file, Some(PathBuf::from("/tmp/n.jsonl")));
        let e = c.locate(&c.keys["help"].1, "bad".into()).to_string();
        assert_eq!(e, "c.toml:3:8: bad");
    }

    #[test]
    fn empty_file_is_defaults() {
        let c = Config::parse("", Path::new("c.toml")).unwrap();
        assert!(c.keys.is_empty() && c.colors.is_empty());
        assert_eq!(c.notes, NotesConfig::default());
    }

    #[test]
    fn errors_name_file_and_line() {
        for (text, line) in [
            ("[keys]\nquit = 3\n", 2),
            ("[colors]\nperson = \n", 2),
            ("\n\n[unknown]\nx = 1\n", 3),
            ("[notes]\nendpont = \"x\"\n", 2),
        ] {
            let e = Config::parse(text, Path::new("/h/lede.toml")).unwrap_err();
            let s = e.to_string();
            assert!(
                s.starts_with(&format!("/h/lede.toml:{line}:")),
                "{text:?} -> {s}"
            );
        }
    }

    #[test]
    fn missing_explicit_file_is_an_error_naming_it() {
        let e = Config::load_or_default(Some(Path::new("/nonexistent/lede.toml"))).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/lede.toml"), "{e}");
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("é = 1\nab", 7), (2, 1));
        assert_eq!(line_col("éa", 2), (1, 2));
    }
}
