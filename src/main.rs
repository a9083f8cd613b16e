//! The `lede` binary: parse the command line, run, map errors to exit codes.

use std::process::ExitCode;

fn main() -> ExitCode {
    match lede::cli::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("lede: {err:#}");
            ExitCode::from(2)
        }
    }
}
