//! `lede check PATH...`

use super::Common;
use clap::Args;
use std::path::PathBuf;
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

pub fn run(args: CheckArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let _ = (args, common);
    Ok(ExitCode::SUCCESS)
}
