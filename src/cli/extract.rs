//! `lede extract PATH... [--json | --format json|spacy]`
//!
//! One JSON object per article and line (JSON Lines). `json` (the default):
//! the article's id, headline, language, the text spans refer to
//! ([`Article::text`]), its mentions, actors and dates, with byte and
//! code-point offsets. `spacy`: `{text, spans: [{start, end, label}], meta}`
//! with code-point offsets and labels PER ORG LOC NORP DATE.

use super::Common;
use crate::article::Article;
use crate::eval::offsets::OffsetMap;
use crate::extract::{ActorKind, Analysis, Kind, Span, extract};
use crate::ingest::{LoadOptions, load_paths};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Mentions, actors and dates with byte and code-point offsets.
    Json,
    /// `{text, spans:[{start,end,label}]}`, code points.
    Spacy,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files (text, JSON, JSON Lines, schema.org NewsArticle), folders or `-`.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Same as `--format json` (the default).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// Loads the articles, prints one line per article; problems go to standard
/// error with the file name; exit 1 if any file failed.
pub fn run(args: ExtractArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let opts = LoadOptions {
        max_bytes: common.max_file_mb.saturating_mul(1024 * 1024),
    };
    let loaded = load_paths(&args.paths, &opts);
    for problem in &loaded.problems {
        eprintln!("lede extract: {problem}");
    }
    for path in &loaded.skipped {
        eprintln!(
            "lede extract: {}: skipped (not an article format)",
            crate::ingest::display_path(path)
        );
    }
    let format = args.format.unwrap_or(Format::Json);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for article in &loaded.articles {
        if !crate::extract::supports(&article.in_language) {
            eprintln!(
                "lede extract: {}: language {}: {}; no entities extracted",
                article
                    .source_path
                    .as_deref()
                    .map(crate::ingest::display_path)
                    .unwrap_or_else(|| "-".into()),
                article.in_language,
                crate::extract::UNSUPPORTED_NOTICE
            );
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    // Articles are analysed in parallel a batch at a time and printed in
    // order; a batch of one (a single big article) is written as it is
    // serialised, without a copy of its line in memory.
    for batch in loaded.articles.chunks(threads * 16) {
        if batch.len() == 1 || threads == 1 {
            for article in batch {
                write_line(&mut out, article, format)?;
            }
            continue;
        }
        let per = batch.len().div_ceil(threads);
        let lines: Vec<anyhow::Result<Vec<u8>>> = std::thread::scope(|scope| {
            let workers: Vec<_> = batch
                .chunks(per)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|article| {
                                let mut buf = Vec::new();
                                write_line(&mut buf, article, format)?;
                                Ok(buf)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for line in lines {
            out.write_all(&line?)?;
        }
    }
    out.flush()?;
    Ok(if loaded.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Analyse one article and write its JSON line.
fn write_line(out: &mut impl Write, article: &Article, format: Format) -> anyhow::Result<()> {
    let analysis = extract(article);
    match format {
        Format::Json => serde_json::to_writer(&mut *out, &article_json(article, &analysis))?,
        Format::Spacy => serde_json::to_writer(&mut *out, &spacy_json(article, &analysis))?,
    }
    out.write_all(b"\n")?;
    Ok(())
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    headline: &'a str,
    language: &'a str,
    /// Set when the language has no extraction rules (nothing was extracted).
    #[serde(skip_serializing_if = "Option::is_none")]
    notice: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    /// The text every offset refers to.
    text: String,
    mentions: Vec<MentionOut<'a>>,
    actors: Vec<ActorOut<'a>>,
    dates: Vec<DateOut<'a>>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    label: &'static str,
    byte_start: usize,
    byte_end: usize,
    char_start: usize,
    char_end: usize,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    actor: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actor_key: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<usize>,
}

#[derive(Serialize)]
struct ActorOut<'a> {
    index: usize,
    key: &'a str,
    name: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<&'a str>,
    forms: &'a [String],
    mention_count: usize,
}

#[derive(Serialize)]
struct DateOut<'a> {
    text: String,
    value: &'a crate::extract::dates::DateValue,
    byte_start: usize,
    byte_end: usize,
    char_start: usize,
    char_end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    range_with: Option<usize>,
    relative: bool,
}

#[derive(Serialize)]
struct SpacyOut<'a> {
    text: String,
    spans: Vec<SpacySpan>,
    meta: SpacyMeta<'a>,
}

#[derive(Serialize)]
struct SpacySpan {
    start: usize,
    end: usize,
    label: &'static str,
}

#[derive(Serialize)]
struct SpacyMeta<'a> {
    id: &'a str,
    language: &'a str,
}

fn kind_name(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Organization => "organization",
        ActorKind::Place => "place",
    }
}

/// The spanned text, or "" for a span that does not fit the text.
fn slice(text: &str, span: Span) -> String {
    text.get(span.range()).unwrap_or("").to_string()
}

/// Mentions, actors and dates with byte and code-point offsets; the offsets
/// are converted with one [`OffsetMap`] per article.
fn article_json<'a>(article: &'a Article, analysis: &'a Analysis) -> ArticleOut<'a> {
    let text = article.text();
    let map = OffsetMap::new(&text);
    let mentions = analysis
        .mentions
        .iter()
        .map(|m| {
            let actor = m.actor.and_then(|i| analysis.actors.get(i).map(|a| (i, a)));
            MentionOut {
                label: m.kind.label(),
                byte_start: m.span.start,
                byte_end: m.span.end,
                char_start: map.to_char(m.span.start),
                char_end: map.to_char(m.span.end),
                text: slice(&text, m.span),
                actor: actor.map(|(i, _)| i),
                actor_key: actor.map(|(_, a)| a.key.as_str()),
                date: m.date,
            }
        })
        .collect();
    let actors = analysis
        .actors
        .iter()
        .enumerate()
        .map(|(index, actor)| ActorOut {
            index,
            key: &actor.key,
            name: &actor.name,
            kind: kind_name(actor.kind),
            role: actor.role.as_deref(),
            affiliation: actor.affiliation.as_deref(),
            forms: &actor.forms,
            mention_count: actor.mentions.len(),
        })
        .collect();
    let dates = analysis
        .dates
        .iter()
        .map(|d| DateOut {
            text: slice(&text, d.span),
            value: &d.value,
            byte_start: d.span.start,
            byte_end: d.span.end,
            char_start: map.to_char(d.span.start),
            char_end: map.to_char(d.span.end),
            range_with: d.range_with,
            relative: d.relative,
        })
        .collect();
    ArticleOut {
        id: &article.id,
        headline: &article.headline,
        language: &article.in_language,
        notice: (!crate::extract::supports(&article.in_language))
            .then_some(crate::extract::UNSUPPORTED_NOTICE),
        published: article.date_published.as_deref(),
        source: article
            .source_path
            .as_deref()
            .map(crate::ingest::display_path),
        text,
        mentions,
        actors,
        dates,
    }
}

/// The spaCy / Prodigy / doccano shape: entity and date spans in code points.
fn spacy_json<'a>(article: &'a Article, analysis: &Analysis) -> SpacyOut<'a> {
    let text = article.text();
    let map = OffsetMap::new(&text);
    let fits = |s: Span| !s.is_empty() && text.get(s.range()).is_some();
    let mut spans: Vec<(Span, Kind)> = analysis
        .mentions
        .iter()
        .filter(|m| fits(m.span))
        .map(|m| (m.span, m.kind))
        .collect();
    // Dates the extractor did not also list as mentions.
    for d in analysis.dates.iter().filter(|d| fits(d.span)) {
        spans.push((d.span, Kind::Date));
    }
    spans.sort();
    spans.dedup();
    let spans = spans
        .into_iter()
        .map(|(s, k)| SpacySpan {
            start: map.to_char(s.start),
            end: map.to_char(s.end),
            label: k.label(),
        })
        .collect();
    SpacyOut {
        spans,
        meta: SpacyMeta {
            id: &article.id,
            language: &article.in_language,
        },
        text,
    }
}
