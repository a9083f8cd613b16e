//! `lede search`, `lede actors [show NAME]`, `lede timeline`: reading the
//! library from the command line, as text or JSON Lines.

use super::Common;
use super::library::open_for_reading;
use crate::article::sanitize::clean_inline;
use crate::extract::ActorKind;
use crate::library::{ActorQuery, ActorRow, Entry, Filter, Library, Passage, SearchError};
use clap::{Args, Subcommand};
use serde_json::json;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words (all must match), "a phrase", prefix*, `OR` between two terms, -word to exclude.
    #[arg(value_name = "QUERY", required = true, allow_hyphen_values = true)]
    pub query: Vec<String>,
    /// One JSON object per result.
    #[arg(long)]
    pub json: bool,
    /// At most this many results.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct ActorsArgs {
    #[command(subcommand)]
    pub command: Option<ActorsCommand>,
    /// Count only articles filed on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub since: Option<String>,
    /// Only people, organisations or places.
    #[arg(long, value_parser = ["person", "organization", "place"])]
    pub kind: Option<String>,
    /// At most this many actors.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// One JSON object per actor, with its mentions per day.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ActorsCommand {
    /// The articles that mention an actor (by name, any form, or key), with each passage.
    Show {
        #[arg(value_name = "NAME", required = true)]
        name: Vec<String>,
        /// At most this many articles.
        #[arg(long, value_name = "N", default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Only the articles that mention this actor.
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,
    /// Only the articles matching this search.
    #[arg(long, value_name = "QUERY")]
    pub search: Option<String>,
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

fn parse_day(s: &str) -> Result<String, String> {
    s.trim()
        .parse::<jiff::civil::Date>()
        .map(|d| d.to_string())
        .map_err(|_| format!("{s:?} is not a date: write it YYYY-MM-DD"))
}

/// A piece of a passage made safe for the terminal, its spaces kept.
fn safe(s: &str) -> String {
    crate::article::sanitize::clean_text(s).replace(['\n', '\t'], " ")
}

/// The passage with its marks in bold on a terminal, plain otherwise.
fn show_passage(p: &Passage, bold: bool) -> String {
    let mut out = String::new();
    let mut at = 0;
    for m in &p.marks {
        if m.start < at || m.end > p.text.len() {
            continue;
        }
        out.push_str(&safe(&p.text[at..m.start]));
        let word = safe(&p.text[m.clone()]);
        if bold {
            out.push_str(&format!("\x1b[1m{word}\x1b[0m"));
        } else {
            out.push_str(&word);
        }
        at = m.end;
    }
    out.push_str(&safe(&p.text[at..]));
    out.trim().to_string()
}

fn entry_line(e: &Entry) -> String {
    let mut s = format!("{}  {}", e.day, clean_inline(&e.headline));
    let mut tail = Vec::new();
    if let Some(p) = &e.publisher {
        tail.push(clean_inline(p));
    }
    tail.push(clean_inline(&e.language));
    s.push_str(&format!(" ({})", tail.join(", ")));
    if e.starred {
        s.push_str(" *");
    }
    s
}

pub fn run_search(args: SearchArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let lib = open_for_reading(common)?;
    let query = args.query.join(" ");
    let hits = match lib.search(&query, &Filter::default(), args.limit, 0) {
        Ok(h) => h,
        Err(e @ (SearchError::Empty | SearchError::Query { .. })) => {
            eprintln!("lede: {e}");
            return Ok(ExitCode::from(2));
        }
        Err(SearchError::Library(e)) => return Err(e.into()),
    };
    let stdout = std::io::stdout();
    let bold = stdout.is_terminal();
    let mut out = stdout.lock();
    for h in &hits {
        if args.json {
            writeln!(out, "{}", serde_json::to_string(h)?)?;
        } else {
            writeln!(out, "{}", entry_line(&h.entry))?;
            writeln!(out, "    {}", clean_inline(&h.entry.id))?;
            writeln!(out, "    {}", show_passage(&h.passage, bold))?;
        }
    }
    if !args.json {
        writeln!(out, "{} result(s) for {}", hits.len(), clean_inline(&query))?;
    }
    out.flush()?;
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn kind_of(s: &str) -> ActorKind {
    match s {
        "person" => ActorKind::Person,
        "organization" => ActorKind::Organization,
        _ => ActorKind::Place,
    }
}

fn actor_line(a: &ActorRow) -> String {
    let kind = format!("{:?}", a.kind).to_lowercase();
    format!(
        "{kind:<12} {:>7} {:>7}  {} {}  {} [{}]",
        a.mentions,
        a.articles,
        a.first_seen.as_deref().unwrap_or("-"),
        a.last_seen.as_deref().unwrap_or("-"),
        clean_inline(&a.name),
        clean_inline(&a.key)
    )
}

pub fn run_actors(args: ActorsArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let lib = open_for_reading(common)?;
    if let Some(ActorsCommand::Show { name, limit, json }) = args.command {
        return show_actor(&lib, &name.join(" "), limit, json);
    }
    let q = ActorQuery {
        since: args.since,
        until: None,
        kind: args.kind.as_deref().map(kind_of),
        limit: args.limit,
    };
    let actors = lib.actors(&q)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if !args.json {
        writeln!(
            out,
            "{:<12} {:>7} {:>7}  {:<10} {:<10}  NAME [KEY]",
            "KIND", "MENTIONS", "ARTICLES", "FIRST", "LAST"
        )?;
    }
    for a in &actors {
        if args.json {
            let mut days = lib.actor_days(a.id)?;
            if let Some(since) = &q.since {
                days.retain(|(d, _)| d >= since);
            }
            let mut v = serde_json::to_value(a)?;
            v["days"] = json!(days);
            writeln!(out, "{v}")?;
        } else {
            writeln!(out, "{}", actor_line(a))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The actors a name answers to, or an error saying none does.
fn resolve_actor(lib: &Library, name: &str) -> anyhow::Result<Vec<ActorRow>> {
    let found = lib.find_actors(name)?;
    if found.is_empty() {
        anyhow::bail!(
            "no actor named {:?} in the library (`lede actors` lists them)",
            clean_inline(name)
        );
    }
    Ok(found)
}

fn show_actor(lib: &Library, name: &str, limit: usize, json: bool) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let bold = stdout.is_terminal();
    let mut out = stdout.lock();
    for actor in resolve_actor(lib, name)? {
        let articles = lib.actor_articles(actor.id, None, limit)?;
        if !json {
            writeln!(
                out,
                "{} [{}]: {} mention(s) in {} article(s), {} to {}",
                clean_inline(&actor.name),
                clean_inline(&actor.key),
                actor.mentions,
                actor.articles,
                actor.first_seen.as_deref().unwrap_or("-"),
                actor.last_seen.as_deref().unwrap_or("-")
            )?;
        }
        for a in &articles {
            let passages = lib.mention_passages(actor.id, &a.entry.id)?;
            if json {
                let mut v = serde_json::to_value(a)?;
                v["actor"] = json!(actor.key);
                v["passages"] = serde_json::to_value(&passages)?;
                writeln!(out, "{v}")?;
                continue;
            }
            writeln!(out, "  {}", entry_line(&a.entry))?;
            writeln!(out, "      {}", clean_inline(&a.entry.id))?;
            if let Some(role) = &a.role {
                writeln!(out, "      role: {}", clean_inline(role))?;
            }
            for p in &passages {
                writeln!(out, "      - {}", show_passage(p, bold))?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn run_timeline(args: TimelineArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let lib = open_for_reading(common)?;
    let actors = match &args.actor {
        Some(name) => resolve_actor(&lib, name)?.into_iter().map(Some).collect(),
        None => vec![None],
    };
    let stdout = std::io::stdout();
    let bold = stdout.is_terminal();
    let mut out = stdout.lock();
    for actor in actors {
        let entries = match lib.timeline(
            actor.as_ref().map(|a| a.id),
            args.search.as_deref(),
            args.limit,
        ) {
            Ok(e) => e,
            Err(e @ (SearchError::Empty | SearchError::Query { .. })) => {
                eprintln!("lede: {e}");
                return Ok(ExitCode::from(2));
            }
            Err(SearchError::Library(e)) => return Err(e.into()),
        };
        if let (Some(a), false) = (&actor, args.json) {
            writeln!(out, "{} [{}]", clean_inline(&a.name), clean_inline(&a.key))?;
        }
        for t in &entries {
            if args.json {
                let mut v = serde_json::to_value(t)?;
                if let Some(a) = &actor {
                    v["actor"] = json!(a.key);
                }
                writeln!(out, "{v}")?;
            } else {
                writeln!(
                    out,
                    "{:<12} {}",
                    clean_inline(&t.value),
                    entry_line(&t.article)
                )?;
                writeln!(out, "             {}", show_passage(&t.passage, bold))?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
