//! Where the reader was in each article: remembered when another article
//! is opened, and across restarts in a small state file beside the notes, in
//! the data folder (`positions.json`, written atomically: a temporary file,
//! fsynced, renamed).

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Reading positions: article id -> byte offset of the first line shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Positions {
    pub by_article: BTreeMap<String, usize>,
    /// Where they are kept between runs (none: only for this run).
    pub path: Option<PathBuf>,
    /// The id of the article the reader shows (whose position to remember).
    pub shown: Option<String>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct File {
    version: u32,
    positions: BTreeMap<String, usize>,
}

/// The state file's place: beside the notes file (so in the data folder
/// unless `--notes` or the config put the notes elsewhere).
pub fn beside(notes: &Path) -> Option<PathBuf> {
    notes.parent().map(|d| d.join("positions.json"))
}

impl Positions {
    /// Read the state file at `path`; a missing file is no position, a bad
    /// one is an error naming the file (the reader starts without them).
    pub fn load(path: PathBuf) -> (Positions, Option<String>) {
        let mut out = Positions {
            path: Some(path.clone()),
            ..Positions::default()
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (out, None),
            Err(e) => return (out, Some(format!("{}: {e}", path.display()))),
        };
        match serde_json::from_str::<File>(&text) {
            Ok(f) => {
                out.by_article = f.positions;
                (out, None)
            }
            Err(e) => (
                out,
                Some(format!(
                    "{}:{}:{}: reading positions ignored: {e}",
                    path.display(),
                    e.line(),
                    e.column()
                )),
            ),
        }
    }

    /// The reader shows byte `top` of article `id` at the top of its pane
    /// (the top of the article is no position to remember).
    pub fn remember(&mut self, top: usize) {
        if let Some(id) = self.shown.clone() {
            if top == 0 {
                self.by_article.remove(&id);
            } else {
                self.by_article.insert(id, top);
            }
        }
    }

    /// Write them to their file atomically (nothing to do without a file).
    pub fn save(&self) -> Result<(), String> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        write_atomically(path, &self.by_article).map_err(|e| format!("{}: {e}", path.display()))
    }
}

fn write_atomically(path: &Path, positions: &BTreeMap<String, usize>) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let body = serde_json::to_string(&File {
        version: 1,
        positions: positions.clone(),
    })
    .map_err(std::io::Error::other)?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(body.as_bytes())?;
    f.sync_all()?;
    drop(f);
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_positions_load_back_and_a_bad_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/positions.json");
        let (mut p, warn) = Positions::load(path.clone());
        assert!(p.by_article.is_empty() && warn.is_none());
        p.by_article.insert("abc".into(), 120);
        p.save().unwrap();
        let (back, warn) = Positions::load(path.clone());
        assert_eq!((back.by_article, warn), (p.by_article.clone(), None));
        // no temporary file left behind
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
        std::fs::write(&path, "{\n  \"version\": 1,\n  \"positions\": [").unwrap();
        let (empty, warn) = Positions::load(path.clone());
        assert!(empty.by_article.is_empty());
        let warn = warn.unwrap();
        assert!(warn.contains("positions.json:3:"), "{warn}");
    }
}
