//! A tmux server of the test's own (its own socket, killed when dropped),
//! shared by the terminal tests: start a session, send keys, read the pane,
//! wait for what a person would see.

#![allow(dead_code)]

use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    /// A new server on `socket` with one detached `width`x`height` session
    /// named `session`, running `command`.
    pub fn new_session(
        socket: String,
        session: &str,
        width: u16,
        height: u16,
        command: &[&str],
    ) -> Tmux {
        let tmux = Tmux {
            socket,
            session: session.to_string(),
        };
        let (width, height) = (width.to_string(), height.to_string());
        let mut args = vec![
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            &width,
            "-y",
            &height,
            "--",
        ];
        args.extend_from_slice(command);
        let out = tmux.run(&args);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        tmux
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", self.session.as_str()];
        args.extend_from_slice(keys);
        let out = self.run(&args);
        assert!(out.status.success(), "send-keys {keys:?}: {out:?}");
    }

    /// Type `line` and press Enter.
    pub fn type_line(&self, line: &str) {
        self.keys(&[line, "Enter"]);
    }

    pub fn screen(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-t", &self.session]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Poll the pane until `pred` holds (the program runs on its own; this
    /// waits for its output, it does not time anything).
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
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
            std::thread::park_timeout(Duration::from_millis(25));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Whether tmux can run here; when not, says which tests are skipped.
pub fn tmux_available(tests: &str) -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        println!("SKIPPED: tmux is not installed; {tests} did not run");
    }
    ok
}
