//! The subscriptions file: a small SQLite database of lede's own
//! (`feeds.sqlite`, beside the library), holding each feed with its
//! folder, the validators of its last fetch, its last success and error,
//! its backoff, and the keys (guid, URL, content hash) of every item
//! already added to the library.

use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS feed(
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  title TEXT,
  folder TEXT,
  site_url TEXT,
  etag TEXT,
  last_modified TEXT,
  added INTEGER NOT NULL,
  last_success INTEGER,
  last_error TEXT,
  last_error_at INTEGER,
  failures INTEGER NOT NULL DEFAULT 0,
  next_try INTEGER
);
CREATE TABLE IF NOT EXISTS seen(key TEXT PRIMARY KEY, feed INTEGER NOT NULL);
";

/// The store's schema version (`PRAGMA user_version`).
const VERSION: i64 = 1;

/// One subscription.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Feed {
    pub id: i64,
    pub url: String,
    pub title: Option<String>,
    /// The folder or category (from OPML or `--folder`).
    pub folder: Option<String>,
    pub site_url: Option<String>,
    #[serde(skip)]
    pub etag: Option<String>,
    #[serde(skip)]
    pub last_modified: Option<String>,
    /// Unix seconds.
    pub last_success: Option<i64>,
    pub last_error: Option<String>,
    pub last_error_at: Option<i64>,
    /// Failures in a row.
    pub failures: u32,
    /// Not fetched again (unless asked by name) before this time, in Unix seconds.
    pub next_try: Option<i64>,
}

impl Feed {
    /// The title, else the URL.
    pub fn name(&self) -> &str {
        self.title
            .as_deref()
            .filter(|t| !t.is_empty())
            .unwrap_or(&self.url)
    }
}

/// Errors name the file.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", crate::ingest::display_path(path))]
pub struct StoreError {
    pub path: PathBuf,
    pub message: String,
}

pub type Result<T> = std::result::Result<T, StoreError>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

impl Store {
    /// Open the store, creating it (and its folder) when missing.
    pub fn open(path: &Path) -> Result<Store> {
        let fail = |e: &dyn std::fmt::Display| StoreError {
            path: path.to_path_buf(),
            message: e.to_string(),
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| fail(&e))?;
        }
        let conn = Connection::open(path).map_err(|e| fail(&e))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| fail(&e))?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| fail(&format!("not a lede feeds file ({e})")))?;
        if version > VERSION {
            return Err(fail(&format!(
                "made by a newer lede (version {version}, this one reads {VERSION}); not changed"
            )));
        }
        conn.execute_batch(SCHEMA)
            .and_then(|_| conn.pragma_update(None, "user_version", VERSION))
            .map_err(|e| fail(&format!("not a lede feeds file ({e})")))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// Subscribe; an URL already there only gets its title/folder filled. Returns its id.
    pub fn add(&self, url: &str, title: Option<&str>, folder: Option<&str>) -> Result<(i64, bool)> {
        if let Some(feed) = self.find_url(url)? {
            self.conn
                .execute(
                    "UPDATE feed SET title = COALESCE(title, ?2), folder = COALESCE(folder, ?3) WHERE id = ?1",
                    params![feed.id, title, folder],
                )
                .map_err(|e| self.err(e))?;
            return Ok((feed.id, false));
        }
        self.conn
            .execute(
                "INSERT INTO feed(url, title, folder, added) VALUES (?1, ?2, ?3, ?4)",
                params![url, title, folder, now()],
            )
            .map_err(|e| self.err(e))?;
        Ok((self.conn.last_insert_rowid(), true))
    }

    /// Unsubscribe (the articles stay in the library). False when not subscribed.
    pub fn remove(&self, id: i64) -> Result<bool> {
        let n = self
            .conn
            .execute("DELETE FROM feed WHERE id = ?1", [id])
            .map_err(|e| self.err(e))?;
        Ok(n > 0)
    }

    /// Every feed, by folder then title.
    pub fn list(&self) -> Result<Vec<Feed>> {
        self.query(
            "ORDER BY COALESCE(folder, ''), COALESCE(title, url), id",
            [],
        )
    }

    pub fn find_url(&self, url: &str) -> Result<Option<Feed>> {
        Ok(self.query("WHERE url = ?1", [url])?.into_iter().next())
    }

    /// Feeds whose URL is `name`, or whose title or URL contains it (case folded).
    pub fn matching(&self, name: &str) -> Result<Vec<Feed>> {
        let all = self.list()?;
        if let Some(exact) = all
            .iter()
            .find(|f| f.url == name || f.title.as_deref() == Some(name))
        {
            return Ok(vec![exact.clone()]);
        }
        let needle = name.to_lowercase();
        Ok(all
            .into_iter()
            .filter(|f| {
                f.url.to_lowercase().contains(&needle)
                    || f.title
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains(&needle))
            })
            .collect())
    }

    fn query<P: rusqlite::Params>(&self, tail: &str, p: P) -> Result<Vec<Feed>> {
        let sql = format!(
            "SELECT id, url, title, folder, site_url, etag, last_modified, last_success, \
             last_error, last_error_at, failures, next_try FROM feed {tail}"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(p, |r| {
                Ok(Feed {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    title: r.get(2)?,
                    folder: r.get(3)?,
                    site_url: r.get(4)?,
                    etag: r.get(5)?,
                    last_modified: r.get(6)?,
                    last_success: r.get(7)?,
                    last_error: r.get(8)?,
                    last_error_at: r.get(9)?,
                    failures: r.get(10)?,
                    next_try: r.get(11)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// Record a successful fetch (also a 304).
    pub fn record_success(
        &self,
        id: i64,
        title: Option<&str>,
        site_url: Option<&str>,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<()> {
        self.conn
            .execute(
                "UPDATE feed SET title = COALESCE(?2, title), site_url = COALESCE(?3, site_url), \
                 etag = ?4, last_modified = ?5, last_success = ?6, failures = 0, next_try = NULL \
                 WHERE id = ?1",
                params![id, title, site_url, etag, last_modified, now()],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// A 304: the validators stay.
    pub fn record_unchanged(&self, id: i64) -> Result<()> {
        self.conn
            .execute(
                "UPDATE feed SET last_success = ?2, failures = 0, next_try = NULL WHERE id = ?1",
                params![id, now()],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Record a failure and when to try again: [`backoff`] after the
    /// failures in a row, or later if the server asked (`Retry-After`).
    pub fn record_failure(&self, id: i64, message: &str, retry_after: Option<u64>) -> Result<i64> {
        let failures: u32 = self
            .conn
            .query_row("SELECT failures FROM feed WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))?
            .unwrap_or(0)
            + 1;
        let t = now();
        let wait = backoff(failures).max(retry_after.unwrap_or(0) as i64);
        self.conn
            .execute(
                "UPDATE feed SET last_error = ?2, last_error_at = ?3, failures = ?4, next_try = ?5 WHERE id = ?1",
                params![id, message, t, failures, t + wait],
            )
            .map_err(|e| self.err(e))?;
        Ok(t + wait)
    }

    /// Of `keys`, true when any was seen before (an item already added).
    pub fn seen_any(&self, keys: &[String]) -> Result<bool> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM seen WHERE key = ?1")
            .map_err(|e| self.err(e))?;
        for k in keys {
            if stmt.exists([k]).map_err(|e| self.err(e))? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Remember the keys of added items, in one transaction.
    pub fn mark_seen(&mut self, feed: i64, keys: &[String]) -> Result<()> {
        let path = self.path.clone();
        let e = |e: rusqlite::Error| StoreError {
            path: path.clone(),
            message: e.to_string(),
        };
        let tx = self.conn.transaction().map_err(e)?;
        {
            let mut stmt = tx
                .prepare_cached("INSERT OR IGNORE INTO seen(key, feed) VALUES (?1, ?2)")
                .map_err(e)?;
            for k in keys {
                stmt.execute(params![k, feed]).map_err(e)?;
            }
        }
        tx.commit().map_err(e)
    }
}

/// Seconds to wait after `failures` failures in a row: 15 minutes, doubling,
/// at most a day.
pub fn backoff(failures: u32) -> i64 {
    const BASE: i64 = 15 * 60;
    const MAX: i64 = 24 * 3600;
    BASE.saturating_mul(1i64 << failures.saturating_sub(1).min(20))
        .min(MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_a_day() {
        let table = [
            (1, 900),
            (2, 1800),
            (3, 3600),
            (7, 57_600),
            (8, 86_400),
            (100, 86_400),
        ];
        for (n, want) in table {
            assert_eq!(backoff(n), want, "{n}");
        }
    }

    #[test]
    fn subscribe_fail_succeed_and_seen() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("sub/feeds.sqlite")).unwrap();
        let (id, new) = s
            .add("http://127.0.0.1/a", None, Some("Actualités"))
            .unwrap();
        assert!(new);
        assert_eq!(
            s.add("http://127.0.0.1/a", Some("A"), None).unwrap(),
            (id, false)
        );
        let f = &s.list().unwrap()[0];
        assert_eq!((f.name(), f.folder.as_deref()), ("A", Some("Actualités")));
        let t0 = now();
        let next = s.record_failure(id, "HTTP 500", None).unwrap();
        assert!((t0 + 900..t0 + 905).contains(&next), "{next} {t0}");
        let next2 = s.record_failure(id, "HTTP 429", Some(7200)).unwrap();
        assert!(next2 >= t0 + 7200, "Retry-After wins over the backoff");
        let f = &s.list().unwrap()[0];
        assert_eq!((f.failures, f.last_error.as_deref()), (2, Some("HTTP 429")));
        s.record_success(id, None, None, Some("\"v1\""), None)
            .unwrap();
        let f = &s.list().unwrap()[0];
        assert_eq!(
            (f.failures, f.next_try, f.etag.as_deref()),
            (0, None, Some("\"v1\""))
        );
        assert!(
            f.last_success.is_some() && f.last_error.is_some(),
            "the last error is kept for the list"
        );
        let keys = vec!["guid:x".to_string(), "url:y".to_string()];
        assert!(!s.seen_any(&keys).unwrap());
        s.mark_seen(id, &keys[1..]).unwrap();
        assert!(s.seen_any(&keys).unwrap());
        assert_eq!(s.matching("127.0.0.1").unwrap().len(), 1);
        assert!(s.remove(id).unwrap());
        assert!(s.list().unwrap().is_empty());
    }

    #[test]
    fn refuses_a_file_that_is_not_a_store() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("feeds.sqlite");
        std::fs::write(
            &p,
            "not a database, just text that is long enough to be read as a header",
        )
        .unwrap();
        let e = Store::open(&p).err().expect("refused").to_string();
        assert!(e.contains("feeds.sqlite"), "{e}");
    }
}
