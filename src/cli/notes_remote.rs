//! `lede notes remote ARTICLE`: what others said about the article on
//! Hypothesis, placed on its text (anchored or orphaned), with author and date.

use super::Common;
use crate::article::sanitize::clean_inline;
use crate::article::{Article, byte_to_char};
use crate::notes::hypothesis::client::Api;
use crate::notes::hypothesis::remote::{self, Cached, RemoteNote};
use crate::notes::hypothesis::{HypothesisConfig, HypothesisSettings};
use crate::notes::{Anchor, NotesSettings, Store, Timeouts};
use anyhow::{Context, bail};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct RemoteArgs {
    /// The article file (its URL is what the annotations are about).
    #[arg(value_name = "ARTICLE")]
    pub article: PathBuf,
    /// When the file holds several articles: the one with this id.
    #[arg(long, value_name = "ID")]
    pub article_id: Option<String>,
    /// One JSON object per annotation (JSON Lines).
    #[arg(long)]
    pub json: bool,
    /// Show the annotations fetched last time, without the network.
    #[arg(long)]
    pub cached: bool,
    /// Seconds to wait for the server to connect, and again to answer.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub timeout: u64,
}

fn article(args: &RemoteArgs, common: &Common) -> anyhow::Result<(Article, String)> {
    let loaded = crate::ingest::load_paths(
        std::slice::from_ref(&args.article),
        &crate::ingest::LoadOptions {
            max_bytes: common.max_file_mb.saturating_mul(1024 * 1024),
        },
    );
    for p in &loaded.problems {
        eprintln!("lede: {p}");
    }
    let path = args.article.display();
    let mut found: Vec<Article> = loaded
        .articles
        .into_iter()
        .filter(|a| args.article_id.as_ref().is_none_or(|id| &a.id == id))
        .collect();
    let a = match found.len() {
        0 => bail!("{path}: no article could be loaded (check --article-id)"),
        1 => found.remove(0),
        n => bail!("{path}: {n} articles; choose one with --article-id"),
    };
    let url = a
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| crate::notes::submit::is_http_url(u))
        .map(str::to_string)
        .with_context(|| {
            format!("{path}: the article has no http(s) URL, and Hypothesis annotates web pages")
        })?;
    Ok((a, url))
}

pub fn run(
    store: &Store,
    args: RemoteArgs,
    common: &Common,
    settings: &NotesSettings,
) -> anyhow::Result<ExitCode> {
    let (article, url) = article(&args, common)?;
    let routing = settings.routing(common.endpoint.clone());
    let h = routing.hypothesis.clone().unwrap_or_else(|| {
        HypothesisSettings::resolve(
            &HypothesisConfig::default(),
            std::env::var(crate::notes::HYPOTHESIS_TOKEN_ENV).ok(),
        )
    });
    let dir = store
        .path()
        .parent()
        .map(|p| p.to_path_buf())
        .unwrap_or_default();
    let cache = remote::cache_path(&dir, &url, &h.group);
    let cached = if args.cached {
        remote::load_cache(&cache)
            .map_err(anyhow::Error::msg)?
            .with_context(|| {
                format!("no annotations cached for {url}: run `lede notes remote` without --cached")
            })?
    } else {
        let t = std::time::Duration::from_secs(args.timeout.max(1));
        let api = Api::new(
            &h,
            Timeouts {
                connect: t,
                response: t,
            },
        );
        let notes = remote::fetch(&api, &url).map_err(|e| anyhow::anyhow!("{}", e.message()))?;
        let c = Cached {
            uri: url.clone(),
            group: h.group.clone(),
            fetched: crate::notes::model::now_utc(),
            notes,
        };
        if let Err(e) = remote::save_cache(&cache, &c) {
            eprintln!("lede: warning: {e}");
        }
        c
    };
    let text = article.text();
    let anchors = remote::place(&cached.notes, &text);
    print(&cached, &anchors, &text, &h.describe("en"), args.json)?;
    Ok(ExitCode::SUCCESS)
}

fn shorten(s: &str, max: usize) -> String {
    let s = clean_inline(s);
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn print(
    c: &Cached,
    anchors: &[Anchor],
    text: &str,
    group: &str,
    json: bool,
) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let orphaned = anchors.iter().filter(|a| a.is_orphaned()).count();
    if !json {
        writeln!(
            out,
            "{} annotation(s) on {} in {group} (fetched {}): {} anchored, {orphaned} orphaned",
            c.notes.len(),
            clean_inline(&c.uri),
            c.fetched,
            c.notes.len() - orphaned,
        )?;
    }
    for (n, a) in c.notes.iter().zip(anchors) {
        if json {
            writeln!(out, "{}", serde_json::to_string(&json_line(n, a, text))?)?;
            continue;
        }
        let state = if a.is_orphaned() {
            "orphaned"
        } else {
            "anchored"
        };
        let quote = n
            .target
            .as_ref()
            .map(|t| format!("\"{}\"  ", shorten(&t.exact, 40)))
            .unwrap_or_default();
        writeln!(
            out,
            "{state}  {}  {}  {quote}{}",
            shorten(&n.author, 30),
            n.date(),
            shorten(&n.text, 120)
        )?;
        if let Some(l) = &n.link {
            writeln!(out, "    {l}")?;
        }
    }
    Ok(())
}

fn json_line(n: &RemoteNote, a: &Anchor, text: &str) -> serde_json::Value {
    let span = a
        .span()
        .map(|s| (byte_to_char(text, s.start), byte_to_char(text, s.end)));
    serde_json::json!({
        "id": n.id,
        "author": n.author,
        "created": n.created,
        "text": n.text,
        "tags": n.tags,
        "link": n.link,
        "quote": n.target.as_ref().map(|t| &t.exact),
        "anchored": !a.is_orphaned(),
        "start": span.map(|s| s.0),
        "end": span.map(|s| s.1),
        "from_lede": n.is_from_lede(),
    })
}
