//! Refreshing feeds: fetched and parsed by up to [`RefreshOptions::concurrency`]
//! worker threads at once; the calling thread alone writes (the store and
//! the library), as each feed arrives. A feed that fails is reported and
//! backed off; the others go on. New items (by guid, then URL, then content
//! hash) are analysed and added to the library through its public API.

use super::store::{Feed, Store};
use crate::fetch::{FetchError, Fetcher, Outcome, Validators};
use crate::ingest::feed::{self, FeedItem, ParsedFeed};
use crate::library::{self, Library};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

#[derive(Debug, Clone)]
pub struct RefreshOptions {
    /// Feeds fetched at once.
    pub concurrency: usize,
    /// Fetch feeds that are backing off too.
    pub ignore_backoff: bool,
}

impl Default for RefreshOptions {
    fn default() -> Self {
        RefreshOptions {
            concurrency: 8,
            ignore_backoff: false,
        }
    }
}

/// What happened to one feed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum FeedResult {
    /// Fetched and parsed: `new` items added to the library, `known` already there.
    Updated {
        new: usize,
        known: usize,
    },
    /// `304 Not Modified`.
    Unchanged,
    /// Backing off after failures; not fetched.
    Skipped {
        until: i64,
    },
    Failed {
        error: String,
    },
}

/// One feed's outcome, for a progress line or a report.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FeedReport {
    pub url: String,
    pub name: String,
    #[serde(flatten)]
    pub result: FeedResult,
}

/// What a worker hands back.
type Fetched = Result<Option<(ParsedFeed, Validators)>, (String, Option<u64>)>;

fn fetch_and_parse(fetcher: &Fetcher, feed: &Feed) -> Fetched {
    let validators = Validators {
        etag: feed.etag.clone(),
        last_modified: feed.last_modified.clone(),
    };
    match fetcher.get(&feed.url, &validators) {
        Ok(Outcome::Unchanged) => Ok(None),
        Ok(Outcome::Fetched(resp)) => {
            let charset = resp
                .content_type
                .as_deref()
                .and_then(crate::fetch::charset::content_type_charset);
            feed::parse_bytes(&feed.url, &resp.body, charset.as_deref())
                .map(|p| Some((p, resp.validators)))
                .map_err(|e| (e.message, None))
        }
        Err(e) => {
            let retry = match &e {
                FetchError::Status { retry_after, .. } => retry_after.map(|d| d.as_secs()),
                _ => None,
            };
            Err((e.to_string(), retry))
        }
    }
}

/// Refresh `feeds`; `progress` is called on the calling thread after each
/// feed is stored. A store or library error stops the refresh (it would
/// fail for every feed); a feed's own error does not.
pub fn refresh(
    store: &mut Store,
    lib: &mut Library,
    fetcher: &Fetcher,
    feeds: &[Feed],
    opts: &RefreshOptions,
    progress: &mut dyn FnMut(&FeedReport),
) -> anyhow::Result<Vec<FeedReport>> {
    let now = super::store::now();
    let (due, waiting): (Vec<&Feed>, Vec<&Feed>) = feeds
        .iter()
        .partition(|f| opts.ignore_backoff || f.next_try.is_none_or(|t| t <= now));
    let mut reports = Vec::with_capacity(feeds.len());
    for f in waiting {
        let r = report(
            f,
            FeedResult::Skipped {
                until: f.next_try.unwrap_or(now),
            },
        );
        progress(&r);
        reports.push(r);
    }
    let next = AtomicUsize::new(0);
    let workers = opts.concurrency.clamp(1, due.len().max(1));
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let (tx, rx) = mpsc::channel::<(usize, Fetched)>();
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, due) = (&next, &due);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(feed) = due.get(i) else { break };
                    if tx.send((i, fetch_and_parse(fetcher, feed))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (i, fetched) in rx {
            let r = store_result(store, lib, due[i], fetched);
            let r = match r {
                Ok(r) => r,
                Err(e) => {
                    // Workers stop at their next send.
                    next.store(usize::MAX / 2, Ordering::Relaxed);
                    return Err(e);
                }
            };
            progress(&r);
            reports.push(r);
        }
        Ok(())
    })?;
    Ok(reports)
}

fn report(f: &Feed, result: FeedResult) -> FeedReport {
    FeedReport {
        url: f.url.clone(),
        name: f.name().to_string(),
        result,
    }
}

fn store_result(
    store: &mut Store,
    lib: &mut Library,
    f: &Feed,
    fetched: Fetched,
) -> anyhow::Result<FeedReport> {
    let result = match fetched {
        Err((error, retry)) => {
            store.record_failure(f.id, &error, retry)?;
            FeedResult::Failed { error }
        }
        Ok(None) => {
            store.record_unchanged(f.id)?;
            FeedResult::Unchanged
        }
        Ok(Some((parsed, validators))) => {
            let (new, known) = add_new_items(store, lib, f.id, parsed.items)?;
            store.record_success(
                f.id,
                parsed.title.as_deref(),
                parsed.site_url.as_deref(),
                validators.etag.as_deref(),
                validators.last_modified.as_deref(),
            )?;
            FeedResult::Updated { new, known }
        }
    };
    let mut r = report(f, result);
    if let Some(title) = store.find_url(&f.url)?.and_then(|f| f.title) {
        r.name = title;
    }
    Ok(r)
}

/// The dedup keys of an item: its guid, its URL, its text's hash.
pub fn item_keys(item: &FeedItem) -> Vec<String> {
    let mut keys = Vec::with_capacity(3);
    if item.guid.is_some() {
        keys.push(format!("id:{}", item.article.id));
    }
    if let Some(url) = &item.article.url {
        keys.push(format!("url:{url}"));
    }
    keys.push(format!("hash:{}", item.content_hash));
    keys
}

/// Add the items not seen before; returns (new, known).
fn add_new_items(
    store: &mut Store,
    lib: &mut Library,
    feed: i64,
    items: Vec<FeedItem>,
) -> anyhow::Result<(usize, usize)> {
    let mut fresh = Vec::new();
    let mut keys = Vec::new();
    let mut batch_keys = std::collections::HashSet::new();
    let total = items.len();
    for item in items {
        let k = item_keys(&item);
        // Also deduplicated within the feed itself.
        if store.seen_any(&k)? || k.iter().any(|k| batch_keys.contains(k)) {
            continue;
        }
        batch_keys.extend(k.iter().cloned());
        keys.extend(k);
        fresh.push(item.article);
    }
    if !fresh.is_empty() {
        library::import::add_articles(lib, &fresh)?;
    }
    // Only once the library has them: a crash before this re-adds, never loses.
    store.mark_seen(feed, &keys)?;
    Ok((fresh.len(), total - fresh.len()))
}
