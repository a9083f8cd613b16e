//! The schema and its forward migrations. `PRAGMA user_version` holds the
//! version, `PRAGMA application_id` marks the file as a lede library.
//! Migration `n` takes a file from version `n` to `n + 1`; a new version only
//! ever adds a migration at the end (never edits an old one).

use super::LibraryError;
use rusqlite::Connection;
use std::path::Path;

/// `lede` in ASCII, as the SQLite application id.
pub const APPLICATION_ID: i32 = 0x6c65_6465;

/// Version 1: the articles and their state.
const V1: &str = "
CREATE TABLE article (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    headline TEXT NOT NULL,
    body TEXT NOT NULL,              -- paragraphs joined by a blank line
    authors TEXT NOT NULL DEFAULT '',-- one per line
    editors TEXT NOT NULL DEFAULT '',
    published TEXT,                  -- as the source gives it
    day TEXT NOT NULL,               -- YYYY-MM-DD: published, else the day added
    language TEXT NOT NULL,
    language_detected INTEGER NOT NULL DEFAULT 0,
    url TEXT,
    publisher TEXT,
    source TEXT,
    feedback TEXT,                   -- JSON
    digest TEXT NOT NULL,            -- hash of all the above, to tell an update
    added INTEGER NOT NULL,          -- Unix seconds
    updated INTEGER NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX article_by_day ON article(day DESC, rid DESC);
";

/// Version 2: the analysis, and the actor index built from it.
const V2: &str = "
ALTER TABLE article ADD COLUMN analysed TEXT; -- extractor version; NULL: not yet
CREATE TABLE actor (
    aid INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    mentions INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0,
    first_day TEXT,
    last_day TEXT
);
CREATE INDEX actor_by_mentions ON actor(mentions DESC);
CREATE TABLE actor_name (
    folded TEXT NOT NULL,
    aid INTEGER NOT NULL,
    PRIMARY KEY (folded, aid)
) WITHOUT ROWID;
CREATE TABLE article_actor (
    aid INTEGER NOT NULL,
    day TEXT NOT NULL,
    rid INTEGER NOT NULL,
    rank INTEGER NOT NULL,           -- position in the article's actor list
    mentions INTEGER NOT NULL,
    name TEXT,                       -- the article's name for it, when not the actor's
    role TEXT,
    affiliation TEXT,
    PRIMARY KEY (aid, day, rid)
) WITHOUT ROWID;
CREATE TABLE actor_day (
    aid INTEGER NOT NULL,
    day TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (aid, day)
) WITHOUT ROWID;
CREATE TABLE mention (
    rid INTEGER PRIMARY KEY,
    packed BLOB NOT NULL             -- every mention of the article (see blob.rs)
);
CREATE TABLE date_ref (
    rid INTEGER NOT NULL,
    n INTEGER NOT NULL,
    start INTEGER NOT NULL,
    len INTEGER NOT NULL,
    value TEXT NOT NULL,
    relative INTEGER NOT NULL,
    range_with INTEGER,
    PRIMARY KEY (rid, n)
) WITHOUT ROWID;
CREATE INDEX date_by_value ON date_ref(value);
";

/// Version 3: full-text search over headline and body, accents folded.
const V3: &str = "
CREATE VIRTUAL TABLE article_fts USING fts5(
    headline, body,
    content = 'article', content_rowid = 'rid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
    INSERT INTO article_fts(rowid, headline, body) VALUES (new.rid, new.headline, new.body);
END;
CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
    INSERT INTO article_fts(article_fts, rowid, headline, body)
        VALUES ('delete', old.rid, old.headline, old.body);
END;
CREATE TRIGGER article_fts_update AFTER UPDATE OF headline, body ON article BEGIN
    INSERT INTO article_fts(article_fts, rowid, headline, body)
        VALUES ('delete', old.rid, old.headline, old.body);
    INSERT INTO article_fts(rowid, headline, body) VALUES (new.rid, new.headline, new.body);
END;
INSERT INTO article_fts(article_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
INSERT INTO article_fts(article_fts) VALUES ('rebuild');
";

/// Every migration, in order: `MIGRATIONS[n]` takes version `n` to `n + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3];

/// The version this lede writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// What the file says about itself.
#[derive(Debug, Clone, Copy)]
pub struct Found {
    pub version: u32,
    pub application_id: i32,
    /// Tables, indexes ... of any kind in the file.
    pub objects: i64,
}

pub(super) fn inspect(conn: &Connection) -> rusqlite::Result<Found> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let application_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    Ok(Found {
        version: version.clamp(0, u32::MAX as i64) as u32,
        application_id,
        objects,
    })
}

/// Refuse a file that is someone else's database or from a newer lede.
pub(super) fn accept(path: &Path, found: &Found) -> Result<(), LibraryError> {
    let empty = found.objects == 0 && found.version == 0;
    if !empty && found.application_id != APPLICATION_ID {
        return Err(LibraryError::Foreign(path.to_path_buf()));
    }
    if found.version > LATEST {
        return Err(LibraryError::Newer {
            path: path.to_path_buf(),
            found: found.version,
            known: LATEST,
        });
    }
    Ok(())
}

/// Apply the missing migrations in one write transaction (another process
/// may have done it meanwhile: the version is read again under the lock).
pub(super) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    migrate_to(conn, LATEST)
}

/// Bring the file to `target` (tests build every earlier version this way).
pub fn migrate_to(conn: &mut Connection, target: u32) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let version = version.max(0) as u32;
    for n in version..target.min(LATEST) {
        tx.execute_batch(MIGRATIONS[n as usize])?;
    }
    if version < target {
        tx.execute_batch(&format!(
            "PRAGMA user_version = {}; PRAGMA application_id = {APPLICATION_ID};",
            target.min(LATEST)
        ))?;
    }
    tx.commit()
}
