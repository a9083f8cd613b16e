//! `lede notes list|export|submit|add`; `retry|edit|withdraw` in `notes_revise.rs`.

#[path = "notes_mail.rs"]
mod mail;
#[path = "notes_remote.rs"]
mod remote;
#[path = "notes_revise.rs"]
mod revise;
#[path = "notes_send.rs"]
mod send;
use send::send;

use super::Common;
use crate::article::Article;
use crate::article::sanitize::clean_inline;
use crate::notes::{
    self, Category, Draft, Note, NotesSettings, RetryPolicy, Routing, Severity, Status, Store,
    export,
};
use anyhow::bail;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct NotesArgs {
    #[command(subcommand)]
    pub command: NotesCommand,
}

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// List the saved notes (current revision of each).
    List(ListArgs),
    /// Export notes as W3C Web Annotation JSON-LD or as JSON Lines.
    Export(ExportArgs),
    /// Send queued notes to the endpoint and print each outcome.
    Submit(SubmitArgs),
    /// File a note about a passage of an article, without the reader.
    Add(AddArgs),
    /// Queue a note again (after a refusal) and send it now.
    Retry(revise::IdArgs),
    /// Change a note not yet sent: $EDITOR on the comment and correction, or flags.
    Edit(revise::EditArgs),
    /// Withdraw a note: a new revision marked withdrawn; nothing is deleted.
    Withdraw(revise::IdArgs),
    /// Record that you sent a note by e-mail yourself ("sent by mail (not confirmed)").
    MarkSent(revise::IdArgs),
    /// Others' annotations on an article (Hypothesis), anchored in its text or orphaned.
    Remote(remote::RemoteArgs),
    /// Add notes in a loop, printing each id once saved (crash tests).
    #[command(hide = true)]
    Stress(StressArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only the notes about the article with this id.
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,
    /// One JSON object per note (JSON Lines).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// W3C Web Annotation JSON-LD: one annotation, or a collection.
    W3c,
    /// The notes themselves, one JSON object per line.
    Jsonl,
    /// One note as an RFC 5322 e-mail message, for any mail client.
    Eml,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = Format::W3c)]
    pub format: Format,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Only the notes about the article with this id.
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,
    /// Only this note (full id, or the end of it as `list` shows).
    #[arg(long, value_name = "NOTE")]
    pub id: Option<String>,
    /// The same as --id.
    #[arg(value_name = "NOTE", conflicts_with = "id")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct SubmitArgs {
    /// Attempts per note in this run before leaving it queued.
    #[arg(long, value_name = "N", default_value_t = RetryPolicy::default().max_attempts)]
    pub max_attempts: u32,
    /// Seconds to wait for the server to connect, and again to answer.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub timeout: u64,
    /// Only say where each queued note would go, in order; send nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The article file (any format lede reads).
    #[arg(long, value_name = "PATH")]
    pub article: PathBuf,
    /// When the file holds several articles: the one with this id.
    #[arg(long, value_name = "ID")]
    pub article_id: Option<String>,
    /// The passage, exactly as in the article.
    #[arg(long, value_name = "TEXT")]
    pub quote: String,
    /// Which occurrence of the quote (1 = first).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub occurrence: usize,
    /// What is wrong (required).
    #[arg(long, value_name = "TEXT")]
    pub comment: String,
    /// The kind of error.
    #[arg(
        long,
        value_name = "CATEGORY",
        default_value = "factual-error",
        value_parser = PossibleValuesParser::new(Category::ALL.map(Category::tag))
            .try_map(|s| s.parse::<Category>()),
    )]
    pub category: Category,
    /// How serious it is (as the French press council grades it).
    #[arg(
        long,
        value_name = "SEVERITY",
        default_value = "minor",
        value_parser = PossibleValuesParser::new(Severity::ALL.map(Severity::tag))
            .try_map(|s| s.parse::<Severity>()),
    )]
    pub severity: Severity,
    /// The suggested correction.
    #[arg(long, value_name = "TEXT")]
    pub suggestion: Option<String>,
    /// Your name.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Your e-mail address.
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,
    /// You agree to be contacted at that address.
    #[arg(long)]
    pub consent: bool,
}

#[derive(Debug, Args)]
pub struct StressArgs {
    /// Notes to add; 0 means until killed.
    #[arg(long, default_value_t = 0)]
    pub count: u64,
}

pub fn run(args: NotesArgs, common: &Common) -> anyhow::Result<ExitCode> {
    // A config file that cannot be read is an error here: its [notes] section
    // may name the file and the endpoint, and they must not be dropped silently.
    let config = crate::config::Config::load_or_default(common.config.as_deref())?;
    let settings = notes::NotesSettings::from_config(&config);
    let path = notes::resolve_notes_path(common.notes.as_deref(), &settings)?;
    let store = Store::new(path);
    match args.command {
        NotesCommand::List(a) => list(&store, a, &settings.routing(common.endpoint.clone())),
        NotesCommand::Export(a) => export_notes(&store, a),
        NotesCommand::Submit(a) => send(&store, None, a, common, &settings),
        NotesCommand::Add(a) => add(&store, a, common, &settings),
        NotesCommand::Retry(a) => {
            let n = revise::requeue(&store, &a)?;
            let args = SubmitArgs {
                max_attempts: RetryPolicy::default().max_attempts,
                timeout: 30,
                dry_run: false,
            };
            send(&store, Some(n.id), args, common, &settings)
        }
        NotesCommand::Edit(a) => revise::edit(&store, a),
        NotesCommand::Withdraw(a) => revise::withdraw(&store, a),
        NotesCommand::MarkSent(a) => {
            mail::mark_sent(&store, a, &settings.routing(common.endpoint.clone()))
        }
        NotesCommand::Remote(a) => remote::run(&store, a, common, &settings),
        NotesCommand::Stress(a) => {
            // Never fill the user's real notes file by accident.
            if common.notes.is_none() {
                bail!("`notes stress` needs an explicit --notes FILE or LEDE_NOTES");
            }
            stress(&store, a)
        }
    }
}

/// Load the notes, printing repair warnings to standard error.
pub(super) fn load(store: &Store) -> anyhow::Result<Vec<Note>> {
    let loaded = store.load()?;
    for w in &loaded.warnings {
        eprintln!("lede: {w}");
    }
    Ok(loaded.notes)
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

fn list(store: &Store, args: ListArgs, routing: &Routing) -> anyhow::Result<ExitCode> {
    let notes = load(store)?;
    let mut out = std::io::stdout().lock();
    for n in notes
        .iter()
        .filter(|n| args.article.as_ref().is_none_or(|a| &n.article.id == a))
    {
        if args.json {
            writeln!(out, "{}", serde_json::to_string(n)?)?;
        } else {
            writeln!(
                out,
                "{}  {:<6}  {}/{}  {}  \"{}\"  {}",
                n.short_id(),
                n.status.to_string(),
                n.category,
                n.severity,
                n.created,
                shorten(&n.target.exact, 40),
                shorten(&n.article.headline, 50),
            )?;
            if let Some(h) = &n.hypothesis {
                let link = h.link().unwrap_or(&h.id);
                writeln!(out, "    hypothesis: {}", clean_inline(link))?;
            }
            if let Some(m) = &n.mail {
                writeln!(
                    out,
                    "    sent by mail (not confirmed){} on {}",
                    m.to.as_deref()
                        .map(|t| format!(" to {}", clean_inline(t)))
                        .unwrap_or_default(),
                    clean_inline(&m.marked)
                )?;
            }
            if n.status == Status::Queued {
                writeln!(out, "    {}", routing.describe(&n.article, "en"))?;
            }
            let last = n.attempts.last();
            match (n.status, last) {
                (Status::Sent | Status::Withdrawn, _) => {
                    if let Some(l) = &n.location {
                        writeln!(out, "    sent: {}", clean_inline(l))?;
                    }
                }
                (_, Some(a)) => writeln!(
                    out,
                    "    {} after {} attempt(s): {}",
                    n.status,
                    n.attempts.len(),
                    shorten(&a.message, 200)
                )?,
                (_, None) => {}
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn export_notes(store: &Store, mut args: ExportArgs) -> anyhow::Result<ExitCode> {
    args.id = args.id.or(args.note.take());
    if args.format == Format::Eml {
        let Some(id) = &args.id else {
            bail!(
                "--format eml writes one message: name the note (`lede notes export --format eml ID`)"
            );
        };
        return mail::export_eml(store, id, args.out.as_deref());
    }
    let notes: Vec<Note> = load(store)?
        .into_iter()
        .filter(|n| args.article.as_ref().is_none_or(|a| &n.article.id == a))
        .filter(|n| {
            args.id.as_ref().is_none_or(|id| {
                let full = n.id.to_string();
                let simple = n.id.simple().to_string();
                *id == full || (id.len() >= 6 && (full.ends_with(id) || simple.ends_with(id)))
            })
        })
        .collect();
    if args.id.is_some() && notes.is_empty() {
        bail!(
            "no note with id {:?} in {}",
            args.id.unwrap_or_default(),
            store.path().display()
        );
    }
    let text = match args.format {
        Format::W3c => export::w3c(&notes)?,
        Format::Jsonl => export::jsonl(&notes)?,
        Format::Eml => bail!("--format eml writes one message at a time"),
    };
    match &args.out {
        Some(out) => {
            notes::store::write_atomic(out, text.as_bytes())?;
            eprintln!("lede: {} note(s) written to {}", notes.len(), out.display());
        }
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn add(
    store: &Store,
    args: AddArgs,
    common: &Common,
    settings: &NotesSettings,
) -> anyhow::Result<ExitCode> {
    let loaded = crate::ingest::load_paths(
        std::slice::from_ref(&args.article),
        &crate::ingest::LoadOptions {
            max_bytes: common.max_file_mb.saturating_mul(1024 * 1024),
        },
    );
    for p in &loaded.problems {
        eprintln!("lede: {p}");
    }
    let article = pick_article(loaded.articles, &args)?;
    let text = article.text();
    let span = Note::find_quote(&text, &args.quote, args.occurrence)?;
    let draft = Draft {
        category: args.category,
        severity: args.severity,
        suggestion: args.suggestion.unwrap_or_default(),
        comment: args.comment,
        name: args.name.unwrap_or_default(),
        email: args.email.unwrap_or_default(),
        consent: args.consent,
    };
    let note = Note::new(&article, span, &draft)?;
    if let Err(e) = store.append(&note) {
        // Keep what was typed: the note as a JSON line, ready to append to another notes file.
        let line = serde_json::to_string(&note)?;
        bail!(
            "{e}\nthe note was NOT saved; here it is as a notes-file line \
             (append it to a notes file, or run again with --notes OTHER_FILE):\n{line}"
        );
    }
    println!("saved {} to {}", note.id, store.path().display());
    let endpoint = notes::submit::resolve_endpoint(
        common.endpoint.as_deref(),
        settings.endpoint.as_deref(),
        note.article.feedback_endpoint.as_deref(),
    );
    match endpoint {
        Some(e) => println!("queued for {e}: send it with `lede notes submit`"),
        None => println!("no endpoint configured: the note stays saved locally"),
    }
    Ok(ExitCode::SUCCESS)
}

fn pick_article(articles: Vec<Article>, args: &AddArgs) -> anyhow::Result<Article> {
    let path = args.article.display();
    if articles.is_empty() {
        bail!("{path}: no article could be loaded");
    }
    let mut candidates: Vec<Article> = match &args.article_id {
        Some(id) => articles.into_iter().filter(|a| &a.id == id).collect(),
        None => articles,
    };
    if candidates.len() > 1 {
        candidates.retain(|a| a.text().contains(&args.quote));
    }
    match candidates.len() {
        0 => bail!("{path}: no article matches (check --article-id and --quote)"),
        1 => Ok(candidates.remove(0)),
        n => {
            let ids: Vec<&str> = candidates.iter().map(|a| a.id.as_str()).collect();
            bail!(
                "{path}: the quote is in {n} articles ({}); choose one with --article-id",
                ids.join(", ")
            )
        }
    }
}

/// The article the stress command writes notes about.
fn stress_article() -> Article {
    Article {
        headline: "Essai de résistance : Сергей et 日本".into(),
        in_language: "fr".into(),
        paragraphs: vec![
            "Le président Assimi Goïta se rendra à Moscou la semaine prochaine.".into(),
            "Un deuxième paragraphe, pour le contexte.".into(),
        ],
        ..Default::default()
    }
    .finish()
}

fn stress(store: &Store, args: StressArgs) -> anyhow::Result<ExitCode> {
    let article = stress_article();
    let text = article.text();
    let span = Note::find_quote(&text, "Assimi Goïta", 1)?;
    let mut out = std::io::stdout().lock();
    let mut i = 0u64;
    while args.count == 0 || i < args.count {
        i += 1;
        let draft = Draft {
            category: Category::MisspelledName,
            comment: format!("note {i}: le nom prend un tréma"),
            ..Draft::default()
        };
        let note = Note::new(&article, span.clone(), &draft)?;
        store.append(&note)?;
        writeln!(out, "{}", note.id)?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}
