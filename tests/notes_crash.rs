//! Crash test: a child process adds notes in a loop and prints each id once
//! `Store::append` has returned (written and fsynced). It is killed with
//! SIGKILL at varying moments, several rounds on the same file. Every id it
//! printed must be in the file afterwards, and the file must load.

#![cfg(unix)]

use lede::notes::Store;
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn notes_reported_saved_survive_sigkill() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.jsonl");
    let mut printed: Vec<String> = Vec::new();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut warnings = 0;
    for round in 0..8 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Kill after this many ids have been read: the child is then somewhere
        // in its write/fsync/print cycle, at a different point each time.
        let kill_after = 1 + (seed % 60) as usize;
        let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
            .args(["notes", "stress"])
            .env("LEDE_NOTES", &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn lede");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut seen = 0;
        while seen < kill_after {
            match lines.next() {
                Some(Ok(id)) => {
                    printed.push(id);
                    seen += 1;
                }
                _ => break,
            }
        }
        child.kill().expect("SIGKILL");
        // Ids printed before the kill are still in the pipe: they count too.
        for id in lines.map_while(Result::ok) {
            printed.push(id);
        }
        let status = child.wait().expect("wait");
        assert!(!status.success(), "round {round}: the child was killed");
        // The file loads after every crash (repairing a torn line if there is one).
        let loaded = Store::new(&path).load().expect("load after a crash");
        warnings += loaded.warnings.len();
    }
    let loaded = Store::new(&path).load().expect("load");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let stored: HashSet<String> = loaded.notes.iter().map(|n| n.id.to_string()).collect();
    assert!(
        printed.len() >= 8,
        "the child saved notes: {}",
        printed.len()
    );
    let missing: Vec<&String> = printed.iter().filter(|id| !stored.contains(*id)).collect();
    assert!(
        missing.is_empty(),
        "{} of {} reported notes missing (warnings seen: {warnings})",
        missing.len(),
        printed.len()
    );
}
