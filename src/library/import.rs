//! Importing files into the library: worker threads (one per core) load and
//! analyse one file each, the calling thread writes their results in
//! batched transactions. A file is reported ([`ImportEvent::Stored`]) only
//! after the transaction holding it has committed, so whatever was reported
//! survives a crash.

use super::{Library, Result, now, write};
use crate::article::Article;
use crate::extract::{self, Analysis};
use crate::ingest::{self, LoadOptions, Problem, folder};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What happened to one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// New in the library.
    Added,
    /// Already there under this id, with other content: replaced (read and starred kept).
    Updated,
    /// Already there, the same.
    Unchanged,
}

/// How an import runs.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub load: LoadOptions,
    /// Worker threads; 0: one per core.
    pub threads: usize,
    /// Commit after this many articles (or [`ImportOptions::batch_time`]).
    pub batch_articles: usize,
    pub batch_time: Duration,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            load: LoadOptions::default(),
            threads: 0,
            batch_articles: 500,
            batch_time: Duration::from_millis(300),
        }
    }
}

/// Progress, for a progress bar or a log.
#[derive(Debug)]
pub enum ImportEvent<'a> {
    /// The files to read are known.
    Started { files: usize },
    /// Articles of a file (all, or a chunk of a big file) are read,
    /// analysed and committed; `file_done` with the file's last chunk.
    Stored {
        path: &'a Path,
        articles: &'a [(String, Status)],
        problems: &'a [Problem],
        file_done: bool,
    },
}

/// Totals of one import.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    pub files: usize,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Files of an unknown type, not read.
    pub skipped: usize,
    /// Files with at least one error (they may still have given articles).
    pub failed_files: usize,
}

/// One unit of work: a file to read.
enum Unit {
    File(PathBuf),
    Problem(Problem),
    Skipped,
}

fn units(paths: &[PathBuf]) -> Vec<Unit> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            for found in folder::walk(path) {
                out.push(match found {
                    folder::Found::File(f, _) => Unit::File(f),
                    folder::Found::Skipped(_) => Unit::Skipped,
                    folder::Found::Unreadable(f, why) => {
                        Unit::Problem(Problem::error(&f, format!("cannot read: {why}")))
                    }
                });
            }
        } else {
            out.push(Unit::File(path.clone()));
        }
    }
    out
}

/// Articles of one file, analysed: the whole file or a chunk of it (a
/// file of many articles goes to the writer in chunks, so that memory stays
/// small however big the file).
struct Done {
    path: PathBuf,
    articles: Vec<Article>,
    analyses: Vec<Analysis>,
    problems: Vec<Problem>,
    skipped: usize,
    /// The file's last chunk.
    last: bool,
    /// The file had an error (known with its last chunk).
    failed: bool,
}

/// Articles analysed per chunk.
const CHUNK: usize = 64;
/// Analyse one article; an extractor panic becomes a problem, not a crash.
fn analyse(article: &Article) -> std::result::Result<Analysis, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract::extract(article))).map_err(
        |_| {
            format!(
                "article {}: the analysis failed (a bug in lede)",
                article.id
            )
        },
    )
}

/// Load one file and send its articles, analysed, in chunks. `false` when
/// the writer has stopped.
fn load_one(path: &Path, opts: &LoadOptions, send: &mpsc::SyncSender<Done>) -> bool {
    // `-` is standard input: `load_paths` reads it.
    let loaded = ingest::load_paths(&[path.to_path_buf()], opts);
    let mut failed = loaded.has_errors();
    let mut problems = loaded.problems;
    let mut skipped = loaded.skipped.len();
    let mut articles = loaded.articles.into_iter().peekable();
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut analyses = Vec::with_capacity(CHUNK);
        for a in articles.by_ref().take(CHUNK) {
            match analyse(&a) {
                Ok(an) => {
                    analyses.push(an);
                    chunk.push(a);
                }
                Err(msg) => {
                    failed = true;
                    problems.push(Problem::error(path, msg));
                }
            }
        }
        let last = articles.peek().is_none();
        let done = Done {
            path: path.to_path_buf(),
            articles: chunk,
            analyses,
            problems: std::mem::take(&mut problems),
            skipped: std::mem::take(&mut skipped),
            last,
            failed,
        };
        if send.send(done).is_err() {
            return false;
        }
        if last {
            return true;
        }
    }
}

fn threads(opts: &ImportOptions) -> usize {
    if opts.threads > 0 {
        return opts.threads;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Import files and folders (recursively) into `lib`. Errors about one file
/// are reported with it and the other files still import; an error of the
/// library itself (busy, read-only, damaged) stops the import, keeping what
/// was committed.
pub fn import(
    lib: &mut Library,
    paths: &[PathBuf],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(ImportEvent),
) -> Result<ImportSummary> {
    let work = units(paths);
    let mut summary = ImportSummary::default();
    let mut files = Vec::new();
    for unit in work {
        match unit {
            Unit::File(f) => files.push(f),
            Unit::Skipped => summary.skipped += 1,
            Unit::Problem(p) => {
                summary.failed_files += 1;
                let path = p.path.clone();
                progress(ImportEvent::Stored {
                    path: &path,
                    articles: &[],
                    problems: std::slice::from_ref(&p),
                    file_done: true,
                });
            }
        }
    }
    progress(ImportEvent::Started { files: files.len() });
    let next = AtomicUsize::new(0);
    let workers = threads(opts).min(files.len()).max(1);
    let (send, recv) = mpsc::sync_channel::<Done>(workers);
    std::thread::scope(|s| {
        for _ in 0..workers {
            let send = send.clone();
            let (next, files, load) = (&next, &files, &opts.load);
            s.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    if !load_one(path, load, &send) {
                        break;
                    }
                }
            });
        }
        drop(send);
        let result = write_all(lib, recv, opts, &mut summary, progress);
        if result.is_err() {
            // Stop the workers: they see the index past the end.
            next.store(usize::MAX / 2, Ordering::Relaxed);
        }
        result
    })?;
    Ok(summary)
}

/// Receive analysed files and commit them in batches.
fn write_all(
    lib: &mut Library,
    recv: mpsc::Receiver<Done>,
    opts: &ImportOptions,
    summary: &mut ImportSummary,
    progress: &mut dyn FnMut(ImportEvent),
) -> Result<()> {
    let mut batch: Vec<Done> = Vec::new();
    let mut cache = write::Cache::default();
    let mut articles = 0;
    let mut started = Instant::now();
    loop {
        let wait = opts.batch_time.saturating_sub(started.elapsed());
        let got = if batch.is_empty() {
            recv.recv()
                .map_err(|_| mpsc::RecvTimeoutError::Disconnected)
        } else {
            recv.recv_timeout(wait)
        };
        let closed = match got {
            Ok(done) => {
                if batch.is_empty() {
                    started = Instant::now();
                }
                articles += done.articles.len();
                batch.push(done);
                false
            }
            Err(mpsc::RecvTimeoutError::Timeout) => false,
            Err(mpsc::RecvTimeoutError::Disconnected) => true,
        };
        let full = articles >= opts.batch_articles || started.elapsed() >= opts.batch_time;
        if !batch.is_empty() && (full || closed) {
            commit(
                lib,
                &mut cache,
                std::mem::take(&mut batch),
                summary,
                progress,
            )?;
            articles = 0;
        }
        if closed {
            return Ok(());
        }
    }
}

fn commit(
    lib: &mut Library,
    cache: &mut write::Cache,
    batch: Vec<Done>,
    summary: &mut ImportSummary,
    progress: &mut dyn FnMut(ImportEvent),
) -> Result<()> {
    let pairs = batch
        .iter()
        .flat_map(|done| done.articles.iter().zip(&done.analyses));
    let mut statuses = store_in_one_transaction(lib, cache, pairs)?.into_iter();
    let results: Vec<Vec<(String, Status)>> = batch
        .iter()
        .map(|done| {
            done.articles
                .iter()
                .zip(&done.analyses)
                .zip(statuses.by_ref())
                .map(|((a, _), st)| (a.id.clone(), st))
                .collect()
        })
        .collect();
    for (done, statuses) in batch.iter().zip(&results) {
        summary.skipped += done.skipped;
        if done.last {
            summary.files += 1;
            summary.failed_files += usize::from(done.failed);
        }
        for (_, s) in statuses {
            match s {
                Status::Added => summary.added += 1,
                Status::Updated => summary.updated += 1,
                Status::Unchanged => summary.unchanged += 1,
            }
        }
        progress(ImportEvent::Stored {
            path: &done.path,
            articles: statuses,
            problems: &done.problems,
            file_done: done.last,
        });
    }
    Ok(())
}

/// Analyse and store articles already loaded (one transaction), in parallel.
pub fn add_articles(lib: &mut Library, articles: &[Article]) -> Result<Vec<Status>> {
    let analyses = analyse_all(articles, threads(&ImportOptions::default()));
    let mut cache = write::Cache::default();
    store_in_one_transaction(lib, &mut cache, articles.iter().zip(&analyses))
}

/// Analyse again every article whose analysis is missing or from another
/// extractor version, `chunk` articles per transaction, in parallel.
/// Calls `progress(done, total)` after each commit. Returns how many.
pub fn reanalyse(
    lib: &mut Library,
    threads_wanted: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize> {
    let total = lib.stale_count()?;
    let workers = if threads_wanted > 0 {
        threads_wanted
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    };
    let mut done = 0;
    let mut cache = write::Cache::default();
    while done < total {
        let articles = lib.stale_articles(500)?;
        if articles.is_empty() {
            break;
        }
        let analyses = analyse_all(&articles, workers);
        store_in_one_transaction(lib, &mut cache, articles.iter().zip(&analyses))?;
        done += articles.len();
        progress(done.min(total), total);
    }
    Ok(done)
}

/// Store `(article, analysis)` pairs in one immediate transaction, the
/// cache flushed before the commit; the status of each, in order.
fn store_in_one_transaction<'x>(
    lib: &mut Library,
    cache: &mut write::Cache,
    pairs: impl IntoIterator<Item = (&'x Article, &'x Analysis)>,
) -> Result<Vec<Status>> {
    let (today, now) = now();
    let path = lib.path.clone();
    let e = |err| super::error::classify(&path, err);
    let tx = lib
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(e)?;
    let mut out = Vec::new();
    for (a, an) in pairs {
        out.push(write::store(&tx, cache, a, an, &today, now).map_err(e)?);
    }
    write::flush(&tx, cache).map_err(e)?;
    tx.commit().map_err(e)?;
    Ok(out)
}

/// Analyse articles on `workers` threads, results in input order (an
/// article whose analysis failed gets an empty one).
fn analyse_all(articles: &[Article], workers: usize) -> Vec<Analysis> {
    let next = AtomicUsize::new(0);
    let mut out: Vec<Analysis> = vec![Analysis::default(); articles.len()];
    let results = std::sync::Mutex::new(&mut out);
    std::thread::scope(|s| {
        for _ in 0..workers.max(1) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(a) = articles.get(i) else { break };
                    let an = analyse(a).unwrap_or_default();
                    if let Ok(mut r) = results.lock() {
                        r[i] = an;
                    }
                }
            });
        }
    });
    out
}

impl Library {
    /// Up to `limit` articles whose analysis is stale.
    fn stale_articles(&self, limit: usize) -> Result<Vec<Article>> {
        let sql = format!(
            "SELECT {} FROM article WHERE analysed IS NOT ?1 LIMIT ?2",
            write::ARTICLE_COLUMNS
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(
                rusqlite::params![super::EXTRACTOR_VERSION, limit as i64],
                write::article_from_row,
            )
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }
}
