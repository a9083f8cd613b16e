//! `lede extract PATH... [--json | --format spacy]`

use super::Common;
use clap::{Args, ValueEnum};
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
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Same as `--format json` (the default).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

pub fn run(args: ExtractArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let _ = (args, common);
    Ok(ExitCode::SUCCESS)
}
