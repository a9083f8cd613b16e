//! Command-line interface (clap). Headless subcommands live here, one file each.

mod article_notes;
mod check;
mod eval;
mod extract;
mod feeds;
mod library;
mod library_query;
mod notes;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Default cap on the size of one input file.
pub const DEFAULT_MAX_FILE_MB: u64 = 16;

#[derive(Debug, Parser)]
#[command(
    name = "lede",
    version,
    about = "A terminal news reader: entities highlighted, actors and dates listed, corrections filed.",
    after_help = after_help()
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Articles to open: files, folders (read recursively) or `-` for standard
    /// input. With none, the bundled sample articles open.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Also add the files to the library before opening them.
    #[arg(long)]
    pub import: bool,

    #[command(flatten)]
    pub common: Common,

    #[command(flatten)]
    pub notes: NotesOptions,
}

/// Options shared by the reader and every subcommand.
#[derive(Debug, Clone, Args)]
pub struct Common {
    /// Refuse input files larger than this many MiB.
    #[arg(long, global = true, value_name = "MIB", default_value_t = DEFAULT_MAX_FILE_MB)]
    pub max_file_mb: u64,

    /// The notes file, from [`NotesOptions`] where they apply (the reader, `notes`).
    #[arg(skip)]
    pub notes: Option<PathBuf>,

    /// The notes endpoint, from [`NotesOptions`] where they apply.
    #[arg(skip)]
    pub endpoint: Option<String>,

    /// The library file (SQLite) that `lede add` fills.
    #[arg(long, global = true, value_name = "FILE", env = "LEDE_LIBRARY")]
    pub library: Option<PathBuf>,

    /// Use this config file instead of the platform default.
    #[arg(long, global = true, value_name = "FILE", env = "LEDE_CONFIG")]
    pub config: Option<PathBuf>,
}

/// Where notes are kept and sent: options of the reader and of `lede notes`
/// only (`check`, `extract` and `eval` write no notes).
#[derive(Debug, Clone, Default, Args)]
pub struct NotesOptions {
    /// The correction-notes file (JSON Lines).
    #[arg(long, value_name = "FILE", env = "LEDE_NOTES")]
    pub notes: Option<PathBuf>,

    /// Where correction notes are submitted (overrides the config file).
    #[arg(long, value_name = "URL", env = "LEDE_ENDPOINT")]
    pub endpoint: Option<String>,
}

impl Common {
    /// These options with the notes options given on the command line.
    fn with_notes(mut self, notes: &Option<PathBuf>, endpoint: &Option<String>) -> Common {
        if notes.is_some() {
            self.notes = notes.clone();
        }
        if endpoint.is_some() {
            self.endpoint = endpoint.clone();
        }
        self
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load articles and report each one and every error; exit 1 if any file failed.
    Check(check::CheckArgs),
    /// Print the entities, actors and dates of articles (JSON Lines).
    Extract(extract::ExtractArgs),
    /// Score the extractor against annotated data.
    Eval(eval::EvalArgs),
    /// List, export and submit correction notes.
    Notes(notes::NotesArgs),
    /// Add articles to the library (files, folders, `-`), analysed; duplicates by id are updated.
    Add(library::AddArgs),
    /// Full-text search over the library, ranked, with the matching passage.
    Search(library_query::SearchArgs),
    /// The actors across the library: kind, mentions, articles, first and last seen.
    Actors(library_query::ActorsArgs),
    /// The dates the library's articles mention, in date order, with their sentence.
    Timeline(library_query::TimelineArgs),
    /// Check the library file, analyse it again, or print where it is.
    Library(library::LibraryArgs),
    /// Subscriptions: add (a feed or a page naming one), list, remove, import/export OPML.
    Feeds(feeds::FeedsArgs),
    /// Fetch the feeds (all, or those named) and add their new items to the library.
    Fetch(feeds::FetchArgs),
}

fn after_help() -> String {
    let config = crate::config::default_config_path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "(no config directory on this platform)".into());
    let notes = crate::config::default_notes_path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "(no data directory on this platform)".into());
    let library = crate::config::default_library_path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "(no data directory on this platform)".into());
    format!(
        "Config file: {config}\nNotes file:  {notes}\nLibrary:     {library}\nPress ? in the reader for the key bindings."
    )
}

/// Parse the command line and run. Returns the process exit code.
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    let common = cli.common.with_notes(&cli.notes.notes, &cli.notes.endpoint);
    match cli.command {
        Some(Command::Check(args)) => check::run(args, &common),
        Some(Command::Extract(args)) => extract::run(args, &common),
        Some(Command::Eval(args)) => eval::run(args, &common),
        Some(Command::Notes(args)) => {
            let common = common.with_notes(&args.options.notes, &args.options.endpoint);
            notes::run(args, &common)
        }
        Some(Command::Add(mut args)) => {
            // Web pages are fetched and read as articles; files go to the library importer.
            let (urls, paths): (Vec<_>, Vec<_>) =
                args.paths.drain(..).partition(|p| feeds::is_url(p));
            let mut code = ExitCode::SUCCESS;
            if !urls.is_empty() {
                code = feeds::run_add_pages(&urls, &common)?;
            }
            if !paths.is_empty() {
                args.paths = paths;
                let files = library::run_add(args, &common)?;
                if files != ExitCode::SUCCESS {
                    code = files;
                }
            }
            Ok(code)
        }
        Some(Command::Search(args)) => library_query::run_search(args, &common),
        Some(Command::Actors(args)) => library_query::run_actors(args, &common),
        Some(Command::Timeline(args)) => library_query::run_timeline(args, &common),
        Some(Command::Library(args)) => library::run_library(args, &common),
        Some(Command::Feeds(args)) => feeds::run_feeds(args, &common),
        Some(Command::Fetch(args)) => feeds::run_fetch(args, &common),
        None => {
            if cli.import && !cli.paths.is_empty() {
                let add = library::AddArgs {
                    paths: cli.paths.clone(),
                    json: false,
                    threads: 0,
                    batch: 500,
                };
                library::run_add(add, &common)?;
            }
            open_reader(cli.paths, &common)
        }
    }
}

#[cfg(feature = "tui")]
fn open_reader(paths: Vec<PathBuf>, common: &Common) -> anyhow::Result<ExitCode> {
    let options = crate::ui::Options {
        max_file_mb: common.max_file_mb,
        notes: common.notes.clone(),
        endpoint: common.endpoint.clone(),
        config: common.config.clone(),
    };
    crate::ui::run(paths, &options)
}

#[cfg(not(feature = "tui"))]
fn open_reader(paths: Vec<PathBuf>, common: &Common) -> anyhow::Result<ExitCode> {
    check::run(check::CheckArgs { paths, json: false }, common)
}
