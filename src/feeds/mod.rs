//! Subscriptions and their refresh, headless. The reader (a feeds view,
//! `r`/`R`) and the command line (`lede feeds ...`, `lede fetch`) both call:
//!
//! - [`Store::open`] on [`store_path`] for the subscriptions;
//! - [`subscribe`] for a feed URL or a page naming its feed;
//! - [`refresh::refresh`] to fetch feeds (on a worker thread in the reader:
//!   it blocks, and reports each feed through its `progress` callback);
//! - [`opml::import`] / [`opml::export`].

pub mod opml;
pub mod refresh;
pub mod store;

pub use store::{Feed, Store};

use crate::fetch::{Fetcher, Outcome, Validators};
use crate::ingest::{feed, html};
use std::path::{Path, PathBuf};

/// The subscriptions file: `feeds.sqlite` in the library's folder.
pub fn store_path(library: &Path) -> PathBuf {
    library.with_file_name("feeds.sqlite")
}

/// What [`subscribe`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscribed {
    pub feed_url: String,
    pub title: Option<String>,
    /// False when it was already subscribed.
    pub new: bool,
    /// True when `url` was a page and the feed came from its `<link rel="alternate">`.
    pub discovered: bool,
}

/// Subscribe to `url`: a feed, or a page whose `<link rel="alternate">`
/// names one (the first that parses). The feed is fetched once to check it.
pub fn subscribe(
    store: &Store,
    fetcher: &Fetcher,
    url: &str,
    folder: Option<&str>,
) -> anyhow::Result<Subscribed> {
    let (resp, parsed) = fetch_feed(fetcher, url)?;
    let (feed_url, parsed, discovered) = match parsed {
        Ok(p) => (resp.url.clone(), p, false),
        Err(not_feed) => {
            let text = resp.text().text;
            let links = html::feed_links(&resp.url, &text);
            if links.is_empty() {
                anyhow::bail!(
                    "{not_feed}; and it is not a page that names a feed (no <link rel=\"alternate\">)"
                );
            }
            let mut last_error = None;
            let mut found = None;
            for link in links {
                match fetch_feed(fetcher, &link) {
                    Ok((r, Ok(p))) => {
                        found = Some((r.url, p));
                        break;
                    }
                    Ok((_, Err(e))) => last_error = Some(anyhow::Error::new(e)),
                    Err(e) => last_error = Some(e),
                }
            }
            match found {
                Some((u, p)) => (u, p, true),
                None => return Err(last_error.expect("at least one link was tried")),
            }
        }
    };
    let (_, new) = store.add(&feed_url, parsed.title.as_deref(), folder)?;
    Ok(Subscribed {
        feed_url,
        title: parsed.title,
        new,
        discovered,
    })
}

type FeedFetch = (
    crate::fetch::Response,
    Result<feed::ParsedFeed, feed::FeedError>,
);

fn fetch_feed(fetcher: &Fetcher, url: &str) -> anyhow::Result<FeedFetch> {
    let shown = crate::article::sanitize::escape_controls(url);
    let resp = match fetcher.get(url, &Validators::default()) {
        Ok(Outcome::Fetched(r)) => r,
        Ok(Outcome::Unchanged) => anyhow::bail!("{shown}: unexpected 304 Not Modified"),
        Err(e) => anyhow::bail!("{shown}: {e}"),
    };
    let charset = resp
        .content_type
        .as_deref()
        .and_then(crate::fetch::charset::content_type_charset);
    let parsed = feed::parse_bytes(&resp.url, &resp.body, charset.as_deref());
    Ok((resp, parsed))
}

/// Fetch a web page and read it as an article ([`html::parse_page`]): for
/// `lede add URL`, and for the reader's "fetch the full text" of an item.
pub fn fetch_page(fetcher: &Fetcher, url: &str) -> anyhow::Result<html::Page> {
    let shown = crate::article::sanitize::escape_controls(url);
    let resp = match fetcher.get(url, &Validators::default()) {
        Ok(Outcome::Fetched(r)) => r,
        Ok(Outcome::Unchanged) => anyhow::bail!("{shown}: unexpected 304 Not Modified"),
        Err(e) => anyhow::bail!("{shown}: {e}"),
    };
    let page = html::parse_page(&resp.url, &resp.text().text);
    if page.article.paragraphs.is_empty() {
        anyhow::bail!("{shown}: no article text found on the page");
    }
    Ok(page)
}
