//! Walking a folder: recursively, in a stable (sorted) order, skipping
//! hidden entries, never entering the same directory twice (symlink loops).

use super::Format;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// What a walk finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A file to load, with its format.
    File(PathBuf, Format),
    /// A file of unknown type, or documentation (README, LICENSE ...).
    Skipped(PathBuf),
    /// A directory or entry that could not be read, with the OS reason.
    Unreadable(PathBuf, String),
}

/// Every file under `root`, depth first, entries sorted by name.
pub fn walk(root: &Path) -> Vec<Found> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    visit(root, &mut seen, &mut out);
    out
}

fn visit(dir: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<Found>) {
    // The real path identifies a directory however it was reached.
    match fs::canonicalize(dir) {
        Ok(real) => {
            if !seen.insert(real) {
                return;
            }
        }
        Err(e) => {
            out.push(Found::Unreadable(dir.to_path_buf(), e.to_string()));
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Found::Unreadable(dir.to_path_buf(), e.to_string()));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // Follows symlinks: a link to a folder is walked (once), a link to a file is read.
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => visit(&path, seen, out),
            // A pipe, socket or device is never opened: reading a pipe with
            // no writer would wait for ever.
            Ok(m) => out.push(match Format::for_folder_entry(&path) {
                Some(format) if m.is_file() => Found::File(path, format),
                Some(_) => Found::Unreadable(
                    path,
                    "not a regular file (a pipe, socket or device); not read".into(),
                ),
                None => Found::Skipped(path),
            }),
            Err(e) => out.push(Found::Unreadable(path, e.to_string())),
        }
    }
}
