//! `lede check [PATH...] [--json]`: load articles and report each one and
//! every problem; exit 1 when any file (or record) failed to load.

use super::Common;
use crate::article::Article;
use crate::ingest::{self, LoadOptions, Loaded, Severity};
use clap::Args;
use serde_json::json;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files, folders or `-`; with none, the bundled articles.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// One JSON object per article and per problem.
    #[arg(long)]
    pub json: bool,
}

/// Load options from the command line.
pub fn load_options(common: &Common) -> LoadOptions {
    LoadOptions {
        max_bytes: common.max_file_mb.saturating_mul(1024 * 1024),
    }
}

pub fn run(args: CheckArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let loaded = if args.paths.is_empty() {
        ingest::load_bundled()
    } else {
        ingest::load_paths(&args.paths, &load_options(common))
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        report_json(&loaded, &mut out)?;
    } else {
        report_text(&loaded, &mut out)?;
    }
    out.flush()?;
    Ok(if loaded.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Counts for the summary line.
struct Summary {
    articles: usize,
    files: usize,
    errors: usize,
    warnings: usize,
    skipped: usize,
}

fn summary(loaded: &Loaded) -> Summary {
    // Every file read either gave an article or a problem.
    let files: BTreeSet<&Path> = loaded
        .articles
        .iter()
        .filter_map(|a| a.source_path.as_deref())
        .map(|p| {
            if p == Path::new("-") {
                Path::new(ingest::STDIN_NAME)
            } else {
                p
            }
        })
        .chain(loaded.problems.iter().map(|p| p.path.as_path()))
        .collect();
    let count = |s: Severity| loaded.problems.iter().filter(|p| p.severity == s).count();
    Summary {
        articles: loaded.articles.len(),
        files: files.len(),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        skipped: loaded.skipped.len(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn source(a: &Article) -> String {
    a.source_path
        .as_deref()
        .map(ingest::display_path)
        .unwrap_or_else(|| "-".into())
}

/// The first `max` characters of `s`, with an ellipsis when cut.
fn excerpt(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", s[..at].trim_end()),
        None => s.to_string(),
    }
}

fn report_text(loaded: &Loaded, out: &mut impl Write) -> std::io::Result<()> {
    // A file with several articles (JSON Lines, an array, a @graph): number them.
    let mut per_file: std::collections::HashMap<String, (usize, usize)> =
        std::collections::HashMap::new();
    for a in &loaded.articles {
        per_file.entry(source(a)).or_default().1 += 1;
    }
    for a in &loaded.articles {
        let src = source(a);
        match per_file.get_mut(&src) {
            Some((seen, total)) if *total > 1 => {
                *seen += 1;
                writeln!(out, "{src} (article {seen} of {total})")?;
            }
            _ => writeln!(out, "{src}")?,
        }
        writeln!(out, "  headline:   {}", a.headline)?;
        let detected = if a.language_detected {
            " (detected)"
        } else {
            ""
        };
        let notice = if crate::extract::supports(&a.in_language) {
            String::new()
        } else {
            format!(" ({})", crate::extract::UNSUPPORTED_NOTICE)
        };
        writeln!(out, "  language:   {}{detected}{notice}", a.in_language)?;
        writeln!(
            out,
            "  body:       {}, {}",
            plural(a.paragraphs.len(), "paragraph", "paragraphs"),
            plural(a.word_count(), "word", "words")
        )?;
        let mut byline = Vec::new();
        if !a.authors.is_empty() {
            byline.push(format!("by {}", a.authors.join(", ")));
        }
        if !a.editors.is_empty() {
            byline.push(format!("edited by {}", a.editors.join(", ")));
        }
        if byline.is_empty() {
            byline.push("(none)".into());
        }
        writeln!(out, "  byline:     {}", byline.join("; "))?;
        writeln!(
            out,
            "  published:  {}",
            a.date_published.as_deref().unwrap_or("(no date)")
        )?;
        if let Some(first) = a.paragraphs.first() {
            writeln!(out, "  text:       {}", excerpt(first, 100))?;
        }
        if let Some(f) = &a.feedback {
            writeln!(out, "  feedback:   {}", f.prompt)?;
        }
        writeln!(out, "  id:         {}", a.id)?;
    }
    for p in &loaded.problems {
        writeln!(out, "{p}")?;
    }
    for s in &loaded.skipped {
        writeln!(
            out,
            "{}: skipped: not an article format lede reads",
            ingest::display_path(s)
        )?;
    }
    let s = summary(loaded);
    writeln!(
        out,
        "{} from {}; {}, {}, {} skipped",
        plural(s.articles, "article", "articles"),
        plural(s.files, "file", "files"),
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        s.skipped
    )
}

fn report_json(loaded: &Loaded, out: &mut impl Write) -> std::io::Result<()> {
    let line = |out: &mut dyn Write, v: serde_json::Value| writeln!(out, "{v}");
    for a in &loaded.articles {
        line(
            out,
            json!({
                "type": "article",
                "path": source(a),
                "id": a.id,
                "headline": a.headline,
                "inLanguage": a.in_language,
                "languageDetected": a.language_detected,
                "extractionSupported": crate::extract::supports(&a.in_language),
                "paragraphs": a.paragraphs.len(),
                "words": a.word_count(),
                "authors": a.authors,
                "editors": a.editors,
                "datePublished": a.date_published,
                "feedback": a.feedback,
            }),
        )?;
    }
    for p in &loaded.problems {
        let mut v = serde_json::to_value(p).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.insert("type".into(), json!("problem"));
        }
        line(out, v)?;
    }
    for s in &loaded.skipped {
        line(
            out,
            json!({"type": "skipped", "path": ingest::display_path(s)}),
        )?;
    }
    let s = summary(loaded);
    line(
        out,
        json!({
            "type": "summary",
            "articles": s.articles,
            "files": s.files,
            "errors": s.errors,
            "warnings": s.warnings,
            "skipped": s.skipped,
        }),
    )
}
