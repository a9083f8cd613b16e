//! The `lede` binary: parse the command line, run, map errors to exit codes.

use std::process::ExitCode;

fn main() -> ExitCode {
    match lede::cli::run() {
        Ok(code) => code,
        // `lede extract ... | head`: the reader of our output has gone; that is not an error to report.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("lede: {}", message(&err));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, like `{:#}`, leaving out a cause that the
/// message already quotes (our errors say the OS reason themselves).
fn message(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let cause = cause.to_string();
        if out.contains(&cause) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&cause);
    }
    out
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
