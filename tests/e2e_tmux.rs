//! End to end in a real terminal: tmux runs the built binary on the bundled
//! articles at 100x30, keys are sent, the pane is read as a person would see
//! it, and after `q` the shell must be sane (canonical mode and echo back on).
//! Skipped, with a message, when tmux is not installed.
#![cfg(feature = "tui")]

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server of our own (its own socket), killed when dropped.
struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", self.session.as_str()];
        args.extend_from_slice(keys);
        let out = self.run(&args);
        assert!(out.status.success(), "send-keys {keys:?}: {out:?}");
    }

    fn screen(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-t", &self.session]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Poll the pane until `pred` holds (the program runs on its own; this
    /// waits for its output, it does not time anything).
    fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::yield_now();
            std::thread::park_timeout(Duration::from_millis(25));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn mention_count(screen: &str) -> Option<(usize, usize)> {
    let at = screen.find("mention ")?;
    let rest = &screen[at + "mention ".len()..];
    let (n, rest) = rest.split_once('/')?;
    let total: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((n.parse().ok()?, total.parse().ok()?))
}

#[test]
fn reader_in_a_real_terminal() {
    if !tmux_available() {
        println!("SKIPPED: tmux is not installed; the terminal end-to-end test did not run");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_lede");
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("write config");
    let notes = dir.path().join("notes.jsonl");
    let tmux = Tmux {
        socket: format!("lede-e2e-{}", std::process::id()),
        session: "e2e".into(),
    };
    let out = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "100",
        "-y",
        "30",
        "--",
        "sh",
    ]);
    assert!(out.status.success(), "tmux new-session: {out:?}");
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
    let s = tmux.wait_for("the help", |s| s.contains("Keys") && s.contains("quit"));
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
