//! `lede notes list|export|submit`

use super::Common;
use clap::{Args, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct NotesArgs {
    #[command(subcommand)]
    pub command: NotesCommand,
}

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// List the saved notes.
    List,
}

pub fn run(args: NotesArgs, common: &Common) -> anyhow::Result<ExitCode> {
    let _ = (args, common);
    Ok(ExitCode::SUCCESS)
}
