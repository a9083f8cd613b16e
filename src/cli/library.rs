//! `lede add PATH...` (import into the library) and `lede library check`,
//! `lede library reanalyse`, `lede library path`.

use super::Common;
use crate::ingest::display_path;
use crate::library::{self, ImportEvent, ImportOptions, Library};
use anyhow::Context;
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Files, folders (read recursively) or `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// One JSON object per article once it is saved, then a summary object.
    #[arg(long)]
    pub json: bool,
    /// Analysis threads (default: one per core).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
    /// Commit after this many articles (for the crash test; the default suits imports).
    #[arg(long, value_name = "N", default_value_t = 500, hide = true)]
    pub batch: usize,
}

#[derive(Debug, Args)]
pub struct LibraryArgs {
    #[command(subcommand)]
    pub command: LibraryCommand,
}

#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Check the library file (PRAGMA integrity_check and the actor counts); exit 1 on a problem.
    Check,
    /// Analyse again the articles analysed by an older extractor.
    Reanalyse,
    /// Print where the library file is.
    Path,
}

/// The library file for these options.
pub fn library_path(common: &Common) -> anyhow::Result<PathBuf> {
    let config = crate::config::Config::load_or_default(common.config.as_deref())?;
    library::resolve_path(common.library.as_deref(), &config)
        .context("no data directory on this platform: name the library with --library FILE")
}

/// Open the library for a command that only reads (it must exist), analysing
/// again first what an older extractor analysed.
pub fn open_for_reading(common: &Common) -> anyhow::Result<Library> {
    let path = library_path(common)?;
    let mut lib = match Library::open_existing(&path) {
        // A file this user cannot write is still read.
        Err(library::LibraryError::ReadOnly(_) | library::LibraryError::CannotOpen { .. })
            if path.exists() =>
        {
            Library::open_read_only(&path)?
        }
        other => other?,
    };
    refresh(&mut lib)?;
    Ok(lib)
}

/// Re-analyse stale articles, with a note on standard error. A library that
/// cannot be written is read as it is.
fn refresh(lib: &mut Library) -> anyhow::Result<()> {
    let stale = lib.stale_count()?;
    if stale == 0 {
        return Ok(());
    }
    eprintln!(
        "lede: analysing {stale} article(s) again (the extractor changed since they were added)"
    );
    let bar = bar(stale as u64, "articles");
    let result = library::reanalyse(lib, 0, &mut |done, _| bar.set_position(done as u64));
    bar.finish_and_clear();
    match result {
        Ok(_) => Ok(()),
        Err(e @ (library::LibraryError::ReadOnly(_) | library::LibraryError::Busy(_))) => {
            eprintln!("lede: warning: {e}; using the analysis as stored");
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

fn bar(len: u64, unit: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    let template = format!("{{bar:30}} {{pos}}/{{len}} {unit} {{msg}} [{{elapsed}}]");
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}

pub fn run_add(args: AddArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let path = library_path(common)?;
    let mut lib = Library::open(&path)?;
    let opts = ImportOptions {
        load: super::check::load_options(common),
        threads: args.threads,
        batch_articles: args.batch.max(1),
        ..ImportOptions::default()
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let bar = std::cell::RefCell::new(ProgressBar::hidden());
    let mut articles = 0usize;
    let mut write_err: Option<std::io::Error> = None;
    let summary = library::import(&mut lib, &args.paths, &opts, &mut |event| match event {
        ImportEvent::Started { files } => {
            *bar.borrow_mut() = self::bar(files as u64, "files");
        }
        ImportEvent::Stored {
            path,
            articles: stored,
            problems,
            file_done,
        } => {
            let bar = bar.borrow();
            for p in problems {
                bar.suspend(|| eprintln!("{p}"));
            }
            if file_done {
                bar.inc(1);
            }
            articles += stored.len();
            bar.set_message(format!("{articles} articles"));
            if args.json {
                for (id, status) in stored {
                    let line = json!({"id": id, "path": display_path(path), "status": status});
                    if let Err(e) = writeln!(out, "{line}").and_then(|_| out.flush()) {
                        write_err.get_or_insert(e);
                    }
                }
            }
        }
    })?;
    bar.borrow().finish_and_clear();
    if let Some(e) = write_err {
        return Err(e.into());
    }
    if args.json {
        writeln!(out, "{}", json!({ "summary": summary }))?;
    } else {
        writeln!(
            out,
            "{}: {} added, {} updated, {} unchanged from {} file(s){}{}",
            display_path(lib.path()),
            summary.added,
            summary.updated,
            summary.unchanged,
            summary.files,
            if summary.skipped > 0 {
                format!(", {} skipped (unknown type)", summary.skipped)
            } else {
                String::new()
            },
            if summary.failed_files > 0 {
                format!("; {} file(s) with errors (above)", summary.failed_files)
            } else {
                String::new()
            },
        )?;
    }
    out.flush()?;
    Ok(if summary.failed_files > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn run_library(args: LibraryArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let path = library_path(common)?;
    match args.command {
        LibraryCommand::Path => {
            println!("{}", display_path(&path));
            Ok(ExitCode::SUCCESS)
        }
        LibraryCommand::Check => check(&path),
        LibraryCommand::Reanalyse => {
            let mut lib = Library::open_existing(&path)?;
            let stale = lib.stale_count()?;
            let bar = bar(stale as u64, "articles");
            let n = library::reanalyse(&mut lib, 0, &mut |done, _| bar.set_position(done as u64))?;
            bar.finish_and_clear();
            println!("{}: {n} article(s) analysed again", display_path(&path));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check(path: &Path) -> anyhow::Result<ExitCode> {
    let lib = Library::open_existing(path)?;
    let problems = lib.check()?;
    let counts = lib.count(&library::Filter::default())?;
    let stale = lib.stale_count()?;
    if problems.is_empty() {
        println!(
            "{}: ok (schema version {}, {} articles, {} unread, {} to analyse again)",
            display_path(path),
            lib.schema_version()?,
            counts.total,
            counts.unread,
            stale
        );
        return Ok(ExitCode::SUCCESS);
    }
    for p in &problems {
        println!(
            "{}: {}",
            display_path(path),
            crate::article::sanitize::clean_inline(p)
        );
    }
    println!(
        "{}: {} problem(s); the file was not changed: keep a copy, move it away and `lede add` the articles again",
        display_path(path),
        problems.len()
    );
    Ok(ExitCode::from(1))
}
