//! Durable storage of notes: JSON Lines, one revision per line, append-only.
//!
//! - Each revision is appended with one `write` on an `O_APPEND` file, then
//!   `fsync`ed; only then does [`Store::append`] return `Ok`.
//! - The file is created with mode 0600 (its folder 0700) and the folder is
//!   `fsync`ed when the file is created.
//! - An advisory lock (`flock`) is held around every append and every load, so
//!   two lede processes never interleave lines. Whoever locks the file checks
//!   that the path still names the file it opened (a repair may have replaced
//!   it by rename) and reopens it if not.
//! - Loading keeps the highest `rev` per id. A torn last line (a crash in the
//!   middle of a write) is cut away, a corrupt line elsewhere is set aside; both
//!   are first appended to `<file>.corrupt`, so nothing is ever deleted.

use super::model::Note;
use std::collections::HashMap;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// Mode of the notes file, its `.corrupt` companion and exports.
#[cfg(unix)]
const FILE_MODE: u32 = 0o600;

/// An error about the notes file, always naming it and giving the OS reason.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: cannot {action}: {source}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: io::Error,
    },
    #[error("{}: no note with id {id}", path.display())]
    NotFound { path: PathBuf, id: Uuid },
    #[error("cannot encode the note as JSON: {0}")]
    Encode(#[from] serde_json::Error),
}

impl StoreError {
    fn io(path: &Path, action: &'static str, source: io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    }

    /// The OS error kind, when there is one (`StorageFull`, `PermissionDenied`...).
    pub fn io_kind(&self) -> Option<io::ErrorKind> {
        match self {
            StoreError::Io { source, .. } => Some(source.kind()),
            _ => None,
        }
    }
}

/// Something repaired or set aside while loading, naming the file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    /// 1-based line, where there is one.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": warning: {}", self.message)
    }
}

/// The notes in a file: the current revision of each, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub notes: Vec<Note>,
    /// Number of revision lines read.
    pub revisions: usize,
    pub warnings: Vec<Warning>,
}

impl Loaded {
    pub fn get(&self, id: Uuid) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    /// Notes about the article with this id.
    pub fn for_article<'a>(&'a self, article_id: &'a str) -> impl Iterator<Item = &'a Note> + 'a {
        self.notes
            .iter()
            .filter(move |n| n.article.id == article_id)
    }
}

/// The JSON Lines notes file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    path: PathBuf,
}

/// An open notes file with the lock held (released on drop).
struct Locked {
    file: File,
    writable: bool,
}

impl Drop for Locked {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

/// One line of the file as read: its bytes and where it lies.
struct Line<'a> {
    number: usize,
    start: usize,
    bytes: &'a [u8],
    terminated: bool,
}

fn split_lines(data: &[u8]) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut number = 1;
    while start < data.len() {
        let (end, terminated) = match data[start..].iter().position(|&b| b == b'\n') {
            Some(i) => (start + i, true),
            None => (data.len(), false),
        };
        out.push(Line {
            number,
            start,
            bytes: &data[start..end],
            terminated,
        });
        number += 1;
        start = end + 1;
    }
    out
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(|b| b.is_ascii_whitespace())
}

/// Keep `note` if it is a newer revision than what `map` holds (a later line wins a tie).
fn keep_latest(map: &mut HashMap<Uuid, Note>, note: Note) {
    match map.get(&note.id) {
        Some(old) if old.rev > note.rev => {}
        _ => {
            map.insert(note.id, note);
        }
    }
}

fn sorted(map: HashMap<Uuid, Note>) -> Vec<Note> {
    let mut notes: Vec<Note> = map.into_values().collect();
    notes.sort_by(|a, b| a.created.cmp(&b.created).then(a.id.cmp(&b.id)));
    notes
}

impl Store {
    pub fn new(path: impl Into<PathBuf>) -> Store {
        Store { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where lines that could not be read are set aside: `<file>.corrupt`.
    pub fn corrupt_path(&self) -> PathBuf {
        let mut name = self
            .path
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_else(|| "notes.jsonl".into());
        name.push(".corrupt");
        self.path.with_file_name(name)
    }

    /// Append one revision and `fsync` it. On `Ok` the note is durably saved;
    /// on `Err` nothing was saved and the caller still holds the note.
    pub fn append(&self, note: &Note) -> Result<(), StoreError> {
        let line = serde_json::to_string(note)?;
        let locked = self.open_locked(true)?.ok_or_else(|| {
            StoreError::io(
                &self.path,
                "open the notes file",
                io::ErrorKind::NotFound.into(),
            )
        })?;
        self.append_locked(&locked, &line)
    }

    /// Append a new revision of note `id`: the current one, changed by `change`,
    /// with `rev + 1`. Read and write happen under one lock.
    pub fn update(&self, id: Uuid, change: impl FnOnce(&mut Note)) -> Result<Note, StoreError> {
        let locked = self
            .open_locked(false)?
            .ok_or_else(|| StoreError::NotFound {
                path: self.path.clone(),
                id,
            })?;
        let data = self.read_locked(&locked)?;
        let mut current: Option<Note> = None;
        for line in split_lines(&data) {
            if let Ok(note) = serde_json::from_slice::<Note>(line.bytes)
                && note.id == id
                && current.as_ref().is_none_or(|c| note.rev >= c.rev)
            {
                current = Some(note);
            }
        }
        let current = current.ok_or_else(|| StoreError::NotFound {
            path: self.path.clone(),
            id,
        })?;
        let mut next = current.next_revision();
        change(&mut next);
        next.id = current.id;
        next.rev = current.rev + 1;
        let line = serde_json::to_string(&next)?;
        self.append_locked(&locked, &line)?;
        Ok(next)
    }

    /// Read every note (current revisions), repairing the file if a crash or a
    /// stray edit left bad lines. A missing file is an empty store.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        let Some(locked) = self.open_locked(false)? else {
            return Ok(Loaded::default());
        };
        let data = self.read_locked(&locked)?;
        let lines = split_lines(&data);
        let mut map = HashMap::new();
        let mut revisions = 0;
        let mut warnings = Vec::new();
        // (line number, byte range start, bytes, error) of lines that did not parse.
        let mut bad: Vec<(usize, usize, &[u8], String)> = Vec::new();
        let mut unterminated_good = false;
        for line in &lines {
            if is_blank(line.bytes) {
                continue;
            }
            match serde_json::from_slice::<Note>(line.bytes) {
                Ok(note) => {
                    revisions += 1;
                    keep_latest(&mut map, note);
                    if !line.terminated {
                        unterminated_good = true;
                    }
                }
                Err(e) => bad.push((line.number, line.start, line.bytes, e.to_string())),
            }
        }
        let last_content = lines.iter().rev().find(|l| !is_blank(l.bytes));
        let torn = match (bad.last(), last_content) {
            (Some(b), Some(last)) if b.0 == last.number => bad.pop(),
            _ => None,
        };
        if torn.is_none() && bad.is_empty() && !unterminated_good {
            return Ok(Loaded {
                notes: sorted(map),
                revisions,
                warnings,
            });
        }
        let corrupt = self.corrupt_path();
        let mut set_aside = Vec::new();
        for (number, _, bytes, err) in bad.iter().chain(torn.iter()) {
            set_aside.extend_from_slice(bytes);
            set_aside.push(b'\n');
            let what = if torn.as_ref().is_some_and(|t| t.0 == *number) {
                "torn last line (an interrupted write) cut away"
            } else {
                "corrupt line set aside"
            };
            warnings.push(Warning {
                path: self.path.clone(),
                line: Some(*number),
                message: format!("{what}, kept in {}: {err}", corrupt.display()),
            });
        }
        if !locked.writable {
            for w in &mut warnings {
                w.message.push_str(" (not repaired: the file is read-only)");
            }
            return Ok(Loaded {
                notes: sorted(map),
                revisions,
                warnings,
            });
        }
        if !set_aside.is_empty() {
            append_durably(&corrupt, &set_aside)?;
        }
        if !bad.is_empty() {
            // Rewrite without the bad lines: good lines keep their bytes and order.
            let mut good = Vec::with_capacity(data.len());
            let bad_starts: Vec<usize> = bad
                .iter()
                .chain(torn.iter())
                .map(|(_, start, _, _)| *start)
                .collect();
            for line in &lines {
                if is_blank(line.bytes) || bad_starts.contains(&line.start) {
                    continue;
                }
                good.extend_from_slice(line.bytes);
                good.push(b'\n');
            }
            write_atomic(&self.path, &good)?;
        } else if let Some((_, start, _, _)) = torn {
            locked
                .file
                .set_len(start as u64)
                .and_then(|_| locked.file.sync_all())
                .map_err(|e| StoreError::io(&self.path, "cut away the torn last line", e))?;
        } else if unterminated_good {
            // A complete last line only lacks its newline: add it.
            (&locked.file)
                .write_all(b"\n")
                .and_then(|_| locked.file.sync_all())
                .map_err(|e| StoreError::io(&self.path, "end the last line", e))?;
        }
        Ok(Loaded {
            notes: sorted(map),
            revisions,
            warnings,
        })
    }

    /// Rewrite the file with only the current revision of each note
    /// (temporary file, `fsync`, rename, `fsync` of the folder). Returns the
    /// number of revision lines dropped.
    pub fn compact(&self) -> Result<usize, StoreError> {
        // Repair first, then re-read under the lock (another process may have appended).
        self.load()?;
        let Some(locked) = self.open_locked(false)? else {
            return Ok(0);
        };
        let data = self.read_locked(&locked)?;
        let mut map = HashMap::new();
        let mut revisions = 0;
        for line in split_lines(&data) {
            if let Ok(note) = serde_json::from_slice::<Note>(line.bytes) {
                revisions += 1;
                keep_latest(&mut map, note);
            }
        }
        let notes = sorted(map);
        let mut out = String::new();
        for n in &notes {
            out.push_str(&serde_json::to_string(n)?);
            out.push('\n');
        }
        write_atomic(&self.path, out.as_bytes())?;
        Ok(revisions - notes.len())
    }

    /// Open (creating it if `create`) and lock the file. `None` when it does
    /// not exist and `create` is false.
    fn open_locked(&self, create: bool) -> Result<Option<Locked>, StoreError> {
        loop {
            let (file, writable) = match self.open(create)? {
                Some(f) => f,
                None => return Ok(None),
            };
            let lock = if writable {
                file.lock()
            } else {
                file.lock_shared()
            };
            lock.map_err(|e| StoreError::io(&self.path, "lock the notes file", e))?;
            let locked = Locked { file, writable };
            if self.still_current(&locked.file)? {
                return Ok(Some(locked));
            }
            // Replaced by a repair or a compaction while we waited: reopen.
        }
    }

    fn open(&self, create: bool) -> Result<Option<(File, bool)>, StoreError> {
        let mut opts = OpenOptions::new();
        opts.read(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(FILE_MODE);
        }
        match opts.open(&self.path) {
            Ok(f) => return Ok(Some((f, true))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied && !create => {
                return match File::open(&self.path) {
                    Ok(f) => Ok(Some((f, false))),
                    Err(e) => Err(StoreError::io(&self.path, "open the notes file", e)),
                };
            }
            Err(e) => return Err(StoreError::io(&self.path, "open the notes file", e)),
        }
        if !create {
            return Ok(None);
        }
        if let Some(dir) = parent_dir(&self.path) {
            create_dir(dir).map_err(|e| StoreError::io(dir, "create the notes folder", e))?;
        }
        let mut new = opts.clone();
        new.create_new(true);
        match new.open(&self.path) {
            Ok(f) => {
                sync_dir(&self.path)?;
                Ok(Some((f, true)))
            }
            // Another process created it in between.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => opts
                .open(&self.path)
                .map(|f| Some((f, true)))
                .map_err(|e| StoreError::io(&self.path, "open the notes file", e)),
            Err(e) => Err(StoreError::io(&self.path, "create the notes file", e)),
        }
    }

    #[cfg(unix)]
    fn still_current(&self, file: &File) -> Result<bool, StoreError> {
        use std::os::unix::fs::MetadataExt;
        let open = file
            .metadata()
            .map_err(|e| StoreError::io(&self.path, "inspect the notes file", e))?;
        Ok(match fs::metadata(&self.path) {
            Ok(now) => now.dev() == open.dev() && now.ino() == open.ino(),
            Err(_) => false,
        })
    }

    #[cfg(not(unix))]
    fn still_current(&self, _file: &File) -> Result<bool, StoreError> {
        Ok(true)
    }

    fn read_locked(&self, locked: &Locked) -> Result<Vec<u8>, StoreError> {
        let mut data = Vec::new();
        let mut f = &locked.file;
        f.seek(SeekFrom::Start(0))
            .and_then(|_| f.read_to_end(&mut data))
            .map_err(|e| StoreError::io(&self.path, "read the notes file", e))?;
        Ok(data)
    }

    fn append_locked(&self, locked: &Locked, line: &str) -> Result<(), StoreError> {
        let mut f = &locked.file;
        let len = f
            .metadata()
            .map_err(|e| StoreError::io(&self.path, "inspect the notes file", e))?
            .len();
        let mut bytes = Vec::with_capacity(line.len() + 2);
        if len > 0 {
            // A torn last line must not swallow this one: start on a fresh line.
            let mut last = [0u8; 1];
            f.seek(SeekFrom::End(-1))
                .and_then(|_| f.read_exact(&mut last))
                .map_err(|e| StoreError::io(&self.path, "read the notes file", e))?;
            if last[0] != b'\n' {
                bytes.push(b'\n');
            }
        }
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
        let written = f.write_all(&bytes).and_then(|_| f.sync_all());
        if let Err(e) = written {
            // Leave no half line behind (best effort; a later load would cut it anyway).
            let _ = locked.file.set_len(len);
            let _ = locked.file.sync_all();
            return Err(StoreError::io(&self.path, "save the note", e));
        }
        Ok(())
    }
}

fn parent_dir(path: &Path) -> Option<&Path> {
    path.parent().filter(|p| !p.as_os_str().is_empty())
}

fn create_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// `fsync` the folder holding `path`, so a new or renamed entry survives a crash.
fn sync_dir(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        let dir = parent_dir(path).unwrap_or(Path::new("."));
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| StoreError::io(dir, "sync the folder", e))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Append bytes to `path` (created 0600 if needed) and `fsync`.
fn append_durably(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut opts = OpenOptions::new();
    opts.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(FILE_MODE);
    }
    let existed = path.exists();
    let mut f = opts
        .open(path)
        .map_err(|e| StoreError::io(path, "open", e))?;
    f.write_all(bytes)
        .and_then(|_| f.sync_all())
        .map_err(|e| StoreError::io(path, "write", e))?;
    if !existed {
        sync_dir(path)?;
    }
    Ok(())
}

/// Replace `path` atomically with `bytes`: a temporary file (mode 0600) in the
/// same folder, `fsync`, rename over `path`, `fsync` of the folder. On error
/// `path` is untouched and the temporary file removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if let Some(dir) = parent_dir(path) {
        create_dir(dir).map_err(|e| StoreError::io(dir, "create the folder", e))?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = path.with_file_name(format!(
        ".{name}.tmp-{}-{}",
        std::process::id(),
        Uuid::now_v7().simple()
    ));
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(FILE_MODE);
    }
    let result = opts
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .map_err(|e| StoreError::io(&tmp, "write", e))
        .and_then(|_| fs::rename(&tmp, path).map_err(|e| StoreError::io(path, "replace", e)))
        .and_then(|_| sync_dir(path));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
