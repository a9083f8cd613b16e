//! `lede eval GOLD... [--json] [--errors]`

use super::Common;
use crate::eval::{load_corpus, report};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Annotated files or folders: lede gold JSON, CoNLL BIO columns, TimeML.
    #[arg(value_name = "GOLD", required = true)]
    pub gold: Vec<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also count the mention errors by kind (missed, spurious, wrong type,
    /// boundary; per type) and list every false positive, miss and wrong date value.
    #[arg(long)]
    pub errors: bool,
}

/// Scores every corpus that loads; files that fail are reported on standard
/// error with their name and line, and make the exit code 1.
pub fn run(args: EvalArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let _ = common;
    let mut failed = false;
    let mut results = Vec::new();
    for path in &args.gold {
        let (corpus, errors) = load_corpus(path);
        for e in &errors {
            eprintln!("lede eval: {e}");
        }
        failed |= !errors.is_empty();
        if corpus.documents.is_empty() && !errors.is_empty() {
            continue;
        }
        results.push(report::run_corpus(&corpus));
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        let value = report::to_json(&results, args.errors);
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else {
        write!(out, "{}", report::render(&results))?;
        if args.errors {
            writeln!(out)?;
            write!(out, "{}", report::render_mistakes(&results))?;
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
