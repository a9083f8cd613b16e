//! `lede feeds add|list|remove|import|export` and `lede fetch`.

use super::Common;
use super::library::library_path;
use crate::article::sanitize::escape_controls;
use crate::feeds::refresh::{self, FeedResult, RefreshOptions};
use crate::feeds::{self, Store, opml};
use crate::fetch::{FetchOptions, Fetcher};
use crate::ingest::display_path;
use crate::library::Library;
use anyhow::Context;
use clap::{Args, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, Args)]
pub struct FeedsArgs {
    #[command(subcommand)]
    pub command: FeedsCommand,
}

#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Subscribe to a feed (RSS, Atom, JSON Feed), or to the feed a page names in its <link rel="alternate">.
    Add {
        url: String,
        /// The folder (category) to file it under.
        #[arg(long)]
        folder: Option<String>,
        #[command(flatten)]
        net: NetArgs,
    },
    /// The subscriptions, by folder, with their last success and last error.
    List {
        /// One JSON object per feed.
        #[arg(long)]
        json: bool,
    },
    /// Unsubscribe (by URL, or a title or part of one that names a single feed); articles stay in the library.
    Remove { name: String },
    /// Subscribe to every feed of an OPML file, folders kept.
    Import { file: PathBuf },
    /// Write the subscriptions as OPML 2.0 (`-` for standard output).
    Export { file: PathBuf },
}

/// Network limits.
#[derive(Debug, Clone, Args)]
pub struct NetArgs {
    /// Give up on a feed after this many seconds (the whole exchange).
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub timeout: u64,
    /// Give up connecting after this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 10)]
    pub connect_timeout: u64,
    /// Refuse bodies larger than this many MiB.
    #[arg(long, value_name = "MIB", default_value_t = 10)]
    pub max_feed_mb: u64,
}

impl NetArgs {
    fn fetcher(&self) -> Fetcher {
        Fetcher::new(FetchOptions {
            connect_timeout: Duration::from_secs(self.connect_timeout.max(1)),
            total_timeout: Duration::from_secs(self.timeout.max(1)),
            max_bytes: self.max_feed_mb.max(1) * 1024 * 1024,
            ..FetchOptions::default()
        })
    }
}

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Feeds to fetch (URL, title, or part of one); all when none. A named feed is fetched even while backing off.
    pub names: Vec<String>,
    /// Feeds fetched at once.
    #[arg(long, default_value_t = 8)]
    pub jobs: usize,
    /// Also fetch the feeds that are backing off after failures.
    #[arg(long)]
    pub now: bool,
    /// One JSON object per feed.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub net: NetArgs,
}

fn open_store(common: &Common) -> anyhow::Result<Store> {
    let lib = library_path(common)?;
    Ok(Store::open(&feeds::store_path(&lib))?)
}

pub fn run_feeds(args: FeedsArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let store = open_store(common)?;
    let mut out = std::io::stdout().lock();
    match args.command {
        FeedsCommand::Add { url, folder, net } => {
            let s = feeds::subscribe(&store, &net.fetcher(), &url, folder.as_deref())?;
            let how = if s.discovered {
                " (named by the page)"
            } else {
                ""
            };
            let state = if s.new {
                "subscribed to"
            } else {
                "already subscribed to"
            };
            let title = s
                .title
                .as_deref()
                .map(|t| format!(" \"{t}\""))
                .unwrap_or_default();
            writeln!(out, "{state}{title} {}{how}", escape_controls(&s.feed_url))?;
        }
        FeedsCommand::List { json } => list(&store, json, &mut out)?,
        FeedsCommand::Remove { name } => {
            let found = store.matching(&name)?;
            match found.as_slice() {
                [] => anyhow::bail!("no feed matches \"{}\"", escape_controls(&name)),
                [f] => {
                    store.remove(f.id)?;
                    writeln!(
                        out,
                        "unsubscribed from {} (its articles stay in the library)",
                        escape_controls(&f.url)
                    )?;
                }
                many => anyhow::bail!(
                    "\"{}\" matches {} feeds; give the URL: {}",
                    escape_controls(&name),
                    many.len(),
                    many.iter()
                        .map(|f| escape_controls(&f.url))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        }
        FeedsCommand::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", display_path(&file)))?;
            let (added, known, refused) = opml::import(&store, &file, &text)?;
            for r in &refused {
                eprintln!("{}: warning: {r}", display_path(&file));
            }
            writeln!(
                out,
                "{}: {added} feed(s) added, {known} already there, {} refused",
                display_path(&file),
                refused.len()
            )?;
        }
        FeedsCommand::Export { file } => {
            let xml = opml::export(&store)?;
            if file.as_os_str() == "-" {
                writeln!(out, "{xml}")?;
            } else {
                std::fs::write(&file, xml)
                    .with_context(|| format!("cannot write {}", display_path(&file)))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn when(t: Option<i64>) -> String {
    t.and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map(|ts| ts.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| "never".into())
}

fn list(store: &Store, json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let all = store.list()?;
    let mut folder: Option<Option<String>> = None;
    for f in &all {
        if json {
            writeln!(out, "{}", serde_json::to_string(f)?)?;
            continue;
        }
        if folder.as_ref() != Some(&f.folder) {
            writeln!(
                out,
                "{}",
                f.folder
                    .as_deref()
                    .map(escape_controls)
                    .unwrap_or_else(|| "(no folder)".into())
            )?;
            folder = Some(f.folder.clone());
        }
        writeln!(
            out,
            "  {}  <{}>",
            escape_controls(f.name()),
            escape_controls(&f.url)
        )?;
        writeln!(out, "    last success: {}", when(f.last_success))?;
        if let Some(e) = &f.last_error {
            let retry = f
                .next_try
                .map(|t| format!("; next try {}", when(Some(t))))
                .unwrap_or_default();
            writeln!(
                out,
                "    last error:   {} ({}, {} in a row{retry})",
                escape_controls(e),
                when(f.last_error_at),
                f.failures
            )?;
        }
    }
    if all.is_empty() && !json {
        writeln!(out, "no feeds yet: lede feeds add URL")?;
    }
    Ok(())
}

pub fn run_fetch(args: FetchArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let mut store = open_store(common)?;
    let feeds = if args.names.is_empty() {
        store.list()?
    } else {
        let mut picked = Vec::new();
        for name in &args.names {
            let found = store.matching(name)?;
            if found.is_empty() {
                anyhow::bail!(
                    "no feed matches \"{}\" (lede feeds list)",
                    escape_controls(name)
                );
            }
            picked.extend(
                found
                    .into_iter()
                    .filter(|f: &feeds::Feed| !picked.iter().any(|p: &feeds::Feed| p.id == f.id))
                    .collect::<Vec<_>>(),
            );
        }
        picked
    };
    let mut lib = Library::open(&library_path(common)?)?;
    let opts = RefreshOptions {
        concurrency: args.jobs.max(1),
        ignore_backoff: args.now || !args.names.is_empty(),
    };
    let mut out = std::io::stdout().lock();
    let mut write_err = None;
    let reports = refresh::refresh(
        &mut store,
        &mut lib,
        &args.net.fetcher(),
        &feeds,
        &opts,
        &mut |r| {
            let line = if args.json {
                serde_json::to_string(r).unwrap_or_default()
            } else {
                let name = escape_controls(&r.name);
                match &r.result {
                    FeedResult::Updated { new, known } => {
                        format!("{name}: {new} new, {known} already in the library")
                    }
                    FeedResult::Unchanged => format!("{name}: unchanged"),
                    FeedResult::Skipped { until } => format!(
                        "{name}: backing off after errors until {} (lede fetch --now)",
                        when(Some(*until))
                    ),
                    FeedResult::Failed { error } => {
                        format!("{name}: error: {}", escape_controls(error))
                    }
                }
            };
            if let Err(e) = writeln!(out, "{line}").and_then(|_| out.flush()) {
                write_err.get_or_insert(e);
            }
        },
    )?;
    if let Some(e) = write_err {
        return Err(e.into());
    }
    let failed = reports
        .iter()
        .filter(|r| matches!(r.result, FeedResult::Failed { .. }))
        .count();
    if failed > 0 {
        eprintln!("lede: {failed} of {} feed(s) failed", reports.len());
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// True for the arguments of `lede add` that are web pages rather than files.
pub fn is_url(arg: &std::path::Path) -> bool {
    arg.to_str().is_some_and(|s| {
        let l = s.to_ascii_lowercase();
        l.starts_with("http://") || l.starts_with("https://")
    })
}

/// `lede add URL...`: fetch each page, read it as an article, add it to the library.
pub fn run_add_pages(urls: &[PathBuf], common: &Common) -> anyhow::Result<ExitCode> {
    let fetcher = Fetcher::new(FetchOptions::default());
    let mut lib = Library::open(&library_path(common)?)?;
    let mut out = std::io::stdout().lock();
    let mut failed = false;
    for url in urls {
        let url = url.to_string_lossy();
        match feeds::fetch_page(&fetcher, &url) {
            Ok(page) => {
                let status = crate::library::import::add_articles(
                    &mut lib,
                    std::slice::from_ref(&page.article),
                )?;
                let status = serde_json::to_value(status[0])?;
                writeln!(
                    out,
                    "{}: {} \"{}\" ({} paragraphs)",
                    escape_controls(&url),
                    status.as_str().unwrap_or("added"),
                    page.article.headline,
                    page.article.paragraphs.len()
                )?;
            }
            Err(e) => {
                eprintln!("lede: {e}");
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
