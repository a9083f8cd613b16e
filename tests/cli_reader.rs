//! `lede PATH` opens the reader: with no terminal to draw on it says so
//! plainly instead of writing escape sequences into a pipe.
#![cfg(feature = "tui")]

use std::process::Command;

#[test]
fn the_reader_refuses_a_standard_output_that_is_not_a_terminal() {
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .arg("assets/articles")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LEDE_NOTES", "/nonexistent-dir/notes.jsonl")
        .output()
        .expect("run lede");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing drawn into the pipe");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("standard output is not"), "{err}");
    assert!(err.contains("lede check"), "{err}");
}
