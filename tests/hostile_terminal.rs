//! The terminal is always given back sane: after a panic (injected with the
//! hidden `LEDE_DEBUG_FAULT=panic`), after SIGTERM, SIGHUP and SIGINT, and
//! when standard output is closed or not a terminal. Each case runs the real
//! binary in its own tmux server; afterwards the shell prompt must come back,
//! answer a command, and `stty -a` must show canonical mode and echo.
//! Skipped, with a message, when tmux is not installed.
#![cfg(feature = "tui")]

mod tmux_common;

use std::path::Path;
use std::process::Command;
use tmux_common::{Tmux, tmux_available};

const PROMPT: &str = "lede-test$";

/// A tmux server of the case's own running a plain shell with a known prompt.
fn start(case: &str) -> Tmux {
    let ps1 = format!("PS1={PROMPT} ");
    let tmux = Tmux::new_session(
        format!("lede-hostile-{case}-{}", std::process::id()),
        "t",
        100,
        30,
        &["env", &ps1, "sh"],
    );
    tmux.wait_for("the first prompt", |s| last_line(s).ends_with(PROMPT));
    tmux
}

/// The shell is back: a prompt, a command answers, the exit status is
/// `want`, and the terminal is in canonical mode with echo.
fn assert_sane(tmux: &Tmux, case: &str, want_status: i32) -> String {
    tmux.wait_for("the shell prompt", |s| {
        !s.contains("READER") && last_line(s).ends_with(PROMPT)
    });
    tmux.type_line("echo STATUS=$?; stty -a | tr ' ;' '\\n\\n' | grep -cx -e icanon -e echo -e -icanon -e -echo -e isig -e icrnl -e opost | sed 's/^/SANE=/'");
    let s = tmux.wait_for("the stty answer", |s| {
        s.lines().any(|l| l.starts_with("SANE="))
    });
    let status = format!("STATUS={want_status}");
    assert!(
        // the answer may land on the prompt line when the command was typed
        // ahead of the prompt (a reader that exits at once)
        s.lines()
            .any(|l| l.trim_end().trim_start_matches(PROMPT).trim_start() == status),
        "{case}: exit status:\n{s}"
    );
    // icanon, echo, isig, icrnl, opost on; their negations absent.
    assert!(
        s.lines().any(|l| l.trim_end() == "SANE=5"),
        "{case}: terminal not sane:\n{s}"
    );
    assert!(
        !s.contains("Actors & dates"),
        "{case}: alternate screen not left:\n{s}"
    );
    s
}

fn last_line(s: &str) -> String {
    s.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end()
        .to_string()
}

/// The command line that starts the reader on the bundled articles, with
/// its process id written to `pid` (the shell `exec`s the binary).
fn reader_command(dir: &Path, env: &str, redirect: &str) -> String {
    let config = dir.join("config.toml");
    std::fs::write(&config, "").expect("config");
    format!(
        "sh -c 'echo $$ > {pid}; exec env NO_COLOR= {env} LEDE_CONFIG={config} LEDE_NOTES={notes} {bin} {redirect}'",
        pid = dir.join("pid").display(),
        config = config.display(),
        notes = dir.join("notes.jsonl").display(),
        bin = env!("CARGO_BIN_EXE_lede"),
    )
}

fn reader_up(tmux: &Tmux) {
    tmux.wait_for("the reader's first screen", |s| {
        s.contains("Reader") && s.contains(" 1/")
    });
}

fn send_signal(dir: &Path, signal: &str) {
    let pid = std::fs::read_to_string(dir.join("pid")).expect("pid file");
    let status = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.trim())
        .status()
        .expect("kill");
    assert!(status.success(), "kill -{signal} {pid}");
}

#[test]
fn a_panic_in_the_reader_restores_the_terminal() {
    if !tmux_available("the terminal restoration tests") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let tmux = start("panic");
    tmux.type_line(&reader_command(dir.path(), "LEDE_DEBUG_FAULT=panic", ""));
    let s = assert_sane(&tmux, "panic", 101);
    assert!(
        s.contains("injected fault"),
        "the panic message is shown:\n{s}"
    );
}

#[test]
fn termination_signals_restore_the_terminal() {
    if !tmux_available("the terminal restoration tests") {
        return;
    }
    for (signal, status) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let dir = tempfile::tempdir().expect("tempdir");
        let tmux = start(&signal.to_lowercase());
        tmux.type_line(&reader_command(dir.path(), "", ""));
        reader_up(&tmux);
        send_signal(dir.path(), signal);
        assert_sane(&tmux, signal, status);
    }
}

#[test]
fn a_closed_or_redirected_stdout_leaves_the_terminal_alone() {
    if !tmux_available("the terminal restoration tests") {
        return;
    }
    for (case, redirect) in [
        ("closed", ">&-"),
        ("pipe", "| cat"),
        ("file", "> /dev/null"),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let tmux = start(case);
        let cmd = reader_command(dir.path(), "", "");
        // The redirection applies to the reader itself, inside `sh -c`.
        let cmd = format!("{}{redirect}'", cmd.trim_end_matches('\''));
        tmux.type_line(&cmd);
        let want = if case == "pipe" { 0 } else { 2 };
        let s = assert_sane(&tmux, case, want);
        if case != "pipe" {
            assert!(
                s.contains("lede: ") && s.contains("terminal"),
                "{case}: says why:\n{s}"
            );
        }
    }
}
