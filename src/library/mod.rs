//! The library: every article imported with `lede add`, kept in one SQLite
//! file with its read/starred state and its analysis, searched with FTS5 and
//! indexed by actor across all articles. No terminal code here: the reader
//! and the command line both call this API.
//!
//! One file (`library.sqlite`, beside the notes in the platform data folder),
//! WAL mode, a busy timeout so that writers from two processes take turns,
//! a schema version with forward migrations ([`schema`]). The notes stay in
//! their JSON Lines file; the library only shares the article ids with them.
//!
//! Entry points:
//! - [`Library::open`], then for the list [`Library::count`] and
//!   [`Library::list`] (a page at a time, newest first, from a [`Cursor`]),
//!   [`Library::article`], [`Library::analysis`], [`Library::set_read`],
//!   [`Library::set_starred`];
//! - [`Library::search`] (full text, ranked, with the matching passage);
//! - [`Library::actors`], [`Library::actor_days`], [`Library::find_actors`],
//!   [`Library::actor_articles`], [`Library::timeline`];
//! - [`import`] and [`reanalyse`] (parallel analysis, progress events).

mod actors;
mod blob;
mod error;
pub mod import;
mod passage;
mod query;
pub mod schema;
mod search;
mod write;

pub use actors::{ActorArticle, ActorId, ActorQuery, ActorRow, TimelineEntry};
pub use error::LibraryError;
pub use import::{
    ImportEvent, ImportOptions, ImportSummary, Status, add_articles, import, reanalyse,
};
pub use passage::{Passage, sentence_around};
pub use query::{Counts, Cursor, Entry, Facet, Filter};
pub use search::{Hit, SearchError, fts_query};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The version of the extractor that produced a stored analysis: a hash of
/// the extractor's sources and word lists, computed at build time. An
/// article analysed by another version is analysed again ([`reanalyse`]).
pub const EXTRACTOR_VERSION: &str = env!("LEDE_EXTRACTOR_VERSION");

/// How long a writer waits for another process's write to finish.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

pub type Result<T, E = LibraryError> = std::result::Result<T, E>;

/// An open library.
pub struct Library {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("path", &self.path).finish()
    }
}

/// Where the library is: `--library` or `LEDE_LIBRARY` (`explicit`), else
/// `[library] file` in the config, else the platform data folder.
pub fn resolve_path(explicit: Option<&Path>, config: &crate::config::Config) -> Option<PathBuf> {
    explicit
        .map(Path::to_path_buf)
        .or_else(|| config.library.file.clone())
        .or_else(crate::config::default_library_path)
}

impl Library {
    /// Open (creating it and its folder when missing) and bring the schema up
    /// to date. A file that is not a lede library, or from a newer lede, is
    /// refused with an error naming it; nothing is ever deleted or reset.
    pub fn open(path: &Path) -> Result<Library> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.exists()
        {
            std::fs::create_dir_all(dir).map_err(|source| LibraryError::Folder {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        if path.is_dir() {
            return Err(LibraryError::IsFolder(path.to_path_buf()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| error::classify(path, e))?;
        let mut lib = Library {
            conn,
            path: path.to_path_buf(),
        };
        lib.setup()?;
        Ok(lib)
    }

    /// As [`Library::open`], but a missing file is an error (for commands
    /// that only read: they must not leave an empty library behind).
    pub fn open_existing(path: &Path) -> Result<Library> {
        if !path.exists() {
            return Err(LibraryError::Missing(path.to_path_buf()));
        }
        Library::open(path)
    }

    /// Open an existing library for reading only (no migration: a file from
    /// an older lede must be opened once with [`Library::open`]).
    pub fn open_read_only(path: &Path) -> Result<Library> {
        if !path.exists() {
            return Err(LibraryError::Missing(path.to_path_buf()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| error::classify(path, e))?;
        let lib = Library {
            conn,
            path: path.to_path_buf(),
        };
        lib.conn
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| lib.err(e))?;
        let found = schema::inspect(&lib.conn).map_err(|e| lib.err(e))?;
        schema::accept(&lib.path, &found)?;
        if found.version < schema::LATEST {
            return Err(LibraryError::ReadOnly(lib.path.clone()));
        }
        Ok(lib)
    }

    /// How long a write waits for another process's write (default [`BUSY_TIMEOUT`]).
    pub fn set_busy_timeout(&self, wait: Duration) -> Result<()> {
        self.conn.busy_timeout(wait).map_err(|e| self.err(e))
    }

    fn setup(&mut self) -> Result<()> {
        let path = self.path.clone();
        let e = |err| error::classify(&path, err);
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(e)?;
        // The first read tells a file that is not SQLite at all.
        let found = schema::inspect(&self.conn).map_err(e)?;
        schema::accept(&self.path, &found)?;
        if found.objects == 0 && found.version == 0 {
            // A new file: pages of 64 KiB hold many articles each; with
            // 4 or 16 KiB pages a quarter of the file is room left beside
            // 3 KB articles (measured: 2.35x the text instead of 2.6-2.7x).
            self.conn
                .execute_batch("PRAGMA page_size = 65536")
                .map_err(e)?;
        }
        // WAL lets readers read while a writer writes. A read-only file
        // keeps its mode; reading still works.
        let mode: rusqlite::Result<String> =
            self.conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0));
        match mode {
            Ok(_) => {}
            Err(err) if error::is_read_only(&err) => {}
            Err(err) => return Err(e(err)),
        }
        // FULL: a commit reported done survives a crash of the process or the machine.
        self.conn
            // A page cache of up to 32 MB: the index tables are written in key order, not append order.
            .execute_batch(
                "PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32000;",
            )
            .map_err(e)?;
        if found.version < schema::LATEST {
            schema::migrate(&mut self.conn).map_err(e)?;
        }
        Ok(())
    }

    /// The library file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<u32> {
        let found = schema::inspect(&self.conn).map_err(|e| self.err(e))?;
        Ok(found.version)
    }

    /// `PRAGMA integrity_check` and the library's own counts: `Ok(vec![])`
    /// when all is well, else one line per problem.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        for row in rows {
            let line = row.map_err(|e| self.err(e))?;
            if line != "ok" {
                problems.push(line);
            }
        }
        if problems.is_empty() {
            problems.extend(write::check_counts(&self.conn).map_err(|e| self.err(e))?);
        }
        Ok(problems)
    }

    /// Number of articles whose analysis is missing or from another extractor version.
    pub fn stale_count(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM article WHERE analysed IS NOT ?1",
                [EXTRACTOR_VERSION],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        Ok(n as usize)
    }

    fn err(&self, e: rusqlite::Error) -> LibraryError {
        error::classify(&self.path, e)
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`, and the current Unix time in seconds.
fn now() -> (String, i64) {
    let ts = jiff::Timestamp::now();
    (
        ts.to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date()
            .to_string(),
        ts.as_second(),
    )
}

#[cfg(test)]
mod tests;
