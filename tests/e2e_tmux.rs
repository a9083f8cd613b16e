//! End to end in a real terminal: tmux runs the built binary on the bundled
//! articles at 100x30, keys are sent, the pane is read as a person would see
//! it, and after `q` the shell must be sane (canonical mode and echo back on).
//! Skipped, with a message, when tmux is not installed.
#![cfg(feature = "tui")]

mod tmux_common;

use std::path::Path;
use tmux_common::{Tmux, tmux_available};

fn mention_count(screen: &str) -> Option<(usize, usize)> {
    let at = screen.find("mention ")?;
    let rest = &screen[at + "mention ".len()..];
    let (n, rest) = rest.split_once('/')?;
    let total: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((n.parse().ok()?, total.parse().ok()?))
}

#[test]
fn reader_in_a_real_terminal() {
    if !tmux_available("the terminal end-to-end test") {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_lede");
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("write config");
    let notes = dir.path().join("notes.jsonl");
    let tmux = Tmux::new_session(
        format!("lede-e2e-{}", std::process::id()),
        "e2e",
        100,
        30,
        &["sh"],
    );
    tmux.run(&["resize-window", "-t", "e2e", "-x", "100", "-y", "30"]);
    let cmd = format!(
        "NO_COLOR= LEDE_CONFIG='{}' LEDE_NOTES='{}' '{}'",
        config.display(),
        notes.display(),
        Path::new(bin).display()
    );
    tmux.keys(&[&cmd, "Enter"]);

    // The first screen: list, reader, status bar with article 1/N.
    let s = tmux.wait_for("the first screen", |s| {
        s.contains("Reader") && s.contains(" 1/")
    });
    assert!(s.contains("Articles"), "{s}");
    assert!(s.contains("READER"), "status bar shows the focus:\n{s}");

    // Open the second article from the list: Shift-Tab to the list, j, Enter.
    tmux.keys(&["BTab", "j", "Enter"]);
    let s = tmux.wait_for("the second article", |s| s.contains(" 2/"));
    assert!(s.contains("READER"), "{s}");

    // Follow an actor: at 100 columns the sidebar is a toggle; Tab shows it.
    tmux.keys(&["Tab"]);
    let s = tmux.wait_for("the sidebar with the analysis", |s| {
        (s.contains("mention ") || s.contains("none found"))
            && s.contains("SIDEBAR")
            && s.contains("Actors & dates")
    });
    if let Some((n, total)) = mention_count(&s) {
        assert_eq!(n, 1, "{s}");
        tmux.keys(&["n"]);
        let want = if total > 1 { 2 } else { 1 };
        let s = tmux.wait_for("the next mention", |s| {
            mention_count(s) == Some((want, total))
        });
        assert!(s.contains(&format!("mention {want}/{total}")), "{s}");
    } else {
        // an article where the extractor found no actor or date still says so
        assert!(s.contains("none found") || s.contains("analysing"), "{s}");
    }

    // Help lists the bindings and closes with Esc.
    tmux.keys(&["?"]);
    // the whole overlay (the status bar's "quit" is there before it is drawn)
    let s = tmux.wait_for("the help", |s| {
        s.contains("Keys") && s.contains("quit") && s.contains("next article")
    });
    assert!(s.contains("next article"), "{s}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("the help to close", |s| !s.contains("next article"));

    // Report an error: e, type, Ctrl-S; "saved" only once the note is on disk.
    tmux.keys(&["e"]);
    tmux.wait_for("the form", |s| {
        s.contains("Signaler une erreur") || s.contains("Report an error")
    });
    tmux.keys(&["Erreur de date e2e"]);
    tmux.wait_for("the typed comment", |s| s.contains("Erreur de date e2e"));
    tmux.keys(&["C-s"]);
    let s = tmux.wait_for("saved", |s| {
        s.contains("Note enregistrée") || s.contains("Note saved")
    });
    assert!(!s.contains("Ctrl-S ]"), "the form closed:\n{s}");
    let written = std::fs::read_to_string(&notes).expect("the notes file exists");
    assert_eq!(written.lines().count(), 1, "{written}");
    assert!(
        written.contains("\"comment\":\"Erreur de date e2e\""),
        "{written}"
    );

    // Quit, then the shell must be back in canonical mode with echo.
    tmux.keys(&["q"]);
    // wait for the shell's prompt after the command line before typing
    tmux.wait_for("the shell prompt", |s| {
        !s.contains("READER")
            && s.lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| l.trim_end().ends_with('#') || l.trim_end().ends_with('$'))
    });
    tmux.keys(&[
        "stty -a | tr ' ;' '\\n\\n' | grep -cx -e icanon -e echo | sed 's/^/SANE=/'",
        "Enter",
    ]);
    let s = tmux.wait_for("stty output", |s| {
        s.contains("SANE=2") || s.contains("SANE=0") || s.contains("SANE=1")
    });
    assert!(
        s.contains("SANE=2"),
        "icanon and echo must be on after quit:\n{s}"
    );
    assert!(
        !s.contains("Actors & dates"),
        "the alternate screen was left:\n{s}"
    );
}
