//! `lede eval GOLD...`

use super::Common;
use clap::Args;
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
}

pub fn run(args: EvalArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let _ = (args, common);
    Ok(ExitCode::SUCCESS)
}
