//! Library errors: each names the file and says what to do. Nothing here
//! deletes or resets a file.

use crate::ingest::display_path;
use rusqlite::ErrorCode;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("{}: cannot create the library folder: {source}", display_path(path))]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: no library yet; add articles with `lede add PATH...`",
        display_path(.0)
    )]
    Missing(PathBuf),
    #[error(
        "{}: is a folder, not a library file; name a file with --library",
        display_path(.0)
    )]
    IsFolder(PathBuf),
    #[error(
        "{}: not a lede library (the file is not an SQLite database); it was left untouched: move it away or choose another file with --library",
        display_path(.0)
    )]
    NotSqlite(PathBuf),
    #[error(
        "{}: an SQLite database, but not a lede library; it was left untouched: choose another file with --library",
        display_path(.0)
    )]
    Foreign(PathBuf),
    #[error(
        "{}: library schema version {found} is newer than this lede knows ({known}); use a newer lede, or another file with --library",
        display_path(path)
    )]
    Newer {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error(
        "{}: the library cannot be written (read-only file or folder); check its permissions, or use another file with --library",
        display_path(.0)
    )]
    ReadOnly(PathBuf),
    #[error(
        "{}: the library is busy (another lede is writing to it); try again when it has finished",
        display_path(.0)
    )]
    Busy(PathBuf),
    #[error(
        "{}: the library file is damaged ({detail}); nothing was changed: run `lede library check`, keep a copy, then move it away and `lede add` the articles again (notes are kept in their own file)",
        display_path(path)
    )]
    Damaged { path: PathBuf, detail: String },
    #[error("{}: cannot open the library: {detail}", display_path(path))]
    CannotOpen { path: PathBuf, detail: String },
    #[error("{}: library error: {source}", display_path(path))]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
}

/// Turn an SQLite error into a message about the file.
pub(super) fn classify(path: &Path, err: rusqlite::Error) -> LibraryError {
    let path = path.to_path_buf();
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => LibraryError::NotSqlite(path),
        Some(ErrorCode::DatabaseCorrupt) => LibraryError::Damaged {
            path,
            detail: err.to_string(),
        },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => LibraryError::Busy(path),
        Some(ErrorCode::ReadOnly) => LibraryError::ReadOnly(path),
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => LibraryError::CannotOpen {
            path,
            detail: err.to_string(),
        },
        _ => LibraryError::Sqlite { path, source: err },
    }
}

pub(super) fn is_read_only(err: &rusqlite::Error) -> bool {
    err.sqlite_error_code() == Some(ErrorCode::ReadOnly)
}
