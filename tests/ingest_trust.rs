//! Input that must never vanish silently (issue 16): JSON Lines on standard
//! input, binary files, header lines.

use lede::ingest::{self, LoadOptions, Severity};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn lede_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run lede");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for lede");
    writer.join().expect("writer thread");
    out
}

#[test]
fn json_lines_on_standard_input_load_line_by_line() {
    let input = concat!(
        r#"{"headline": "Port reopens after the storm", "articleBody": "Ferries sailed again on Monday."}"#,
        "\n",
        r#"{"headline": "Broken record", "articleBody": "#,
        "\n",
        r#"{"headline": "Library extends its hours", "articleBody": "The reading room now closes at ten."}"#,
        "\n",
    );
    let out = lede_stdin(&["check", "-"], input.as_bytes());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    for want in [
        "headline:   Port reopens after the storm",
        "headline:   Library extends its hours",
        "<stdin>:2:",
        "error: invalid JSON",
        "2 articles from 1 file; 1 error",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
}

#[test]
fn a_json_file_holding_json_lines_keeps_its_good_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("briefs.json");
    std::fs::write(
        &path,
        "{\"headline\": \"One\", \"articleBody\": \"First.\"}\n{\"headline\": \n{\"headline\": \"Three\", \"articleBody\": \"Third.\"}\n",
    )
    .expect("write");
    let loaded = ingest::load_paths(&[path], &LoadOptions::default());
    let heads: Vec<&str> = loaded
        .articles
        .iter()
        .map(|a| a.headline.as_str())
        .collect();
    assert_eq!(heads, ["One", "Three"]);
    let errors: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, Some(2));
}

#[test]
fn a_binary_file_is_refused_naming_it_and_a_few_bad_bytes_are_repaired() {
    let dir = tempfile::tempdir().expect("tempdir");
    let binary = dir.path().join("photo.txt");
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0..2000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8));
    std::fs::write(&binary, &bytes).expect("write");
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(
        &latin1,
        b"Le caf\xe9 rouvre\n\nLe caf\xe9 de la place rouvre ses portes apr\xe8s des travaux.",
    )
    .expect("write");
    let loaded = ingest::load_paths(&[binary.clone(), latin1.clone()], &LoadOptions::default());
    assert_eq!(loaded.articles.len(), 1, "only the text loads");
    assert_eq!(
        loaded.articles[0].source_path.as_deref(),
        Some(latin1.as_path())
    );
    let refused: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| p.path == binary)
        .collect();
    assert_eq!(refused.len(), 1, "{:?}", loaded.problems);
    assert_eq!(refused[0].severity, Severity::Error);
    assert!(
        refused[0]
            .to_string()
            .contains("photo.txt: error: not a text file"),
        "{}",
        refused[0]
    );
    assert!(
        loaded.problems.iter().any(|p| p.path == latin1
            && p.severity == Severity::Warning
            && p.message.contains("invalid UTF-8")),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn a_url_argument_says_urls_are_not_read_yet() {
    let url = std::path::PathBuf::from("https://example.org/news/article-1");
    let loaded = ingest::load_paths(&[url], &LoadOptions::default());
    assert_eq!(loaded.problems.len(), 1);
    let shown = loaded.problems[0].to_string();
    assert!(
        shown.starts_with("https://example.org/news/article-1: error: is a URL: this command reads files; `lede add URL` fetches a web page into the library"),
        "{shown}"
    );
    assert!(!shown.contains("No such file"), "{shown}");
}

/// `check` and `eval` write no notes: their help does not offer the notes
/// options; the reader and `notes` still take them.
#[test]
fn notes_options_only_where_they_apply() {
    let help = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_lede"))
            .args(args)
            .output()
            .expect("run lede");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for cmd in ["check", "eval", "extract"] {
        let h = help(&[cmd, "--help"]);
        assert!(h.contains("--max-file-mb"), "{cmd}: {h}");
        assert!(
            !h.contains("--endpoint") && !h.contains("--notes"),
            "{cmd}: {h}"
        );
    }
    for args in [
        &["--help"][..],
        &["notes", "list", "--help"],
        &["notes", "submit", "--help"],
    ] {
        let h = help(args);
        assert!(
            h.contains("--notes") && h.contains("--endpoint"),
            "{args:?}: {h}"
        );
    }
}

/// `check` and `extract` say when the language has no extraction rules.
#[test]
fn check_and_extract_say_extraction_supports_french_and_english() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ru.txt");
    std::fs::write(
        &path,
        "Городской совет утвердил бюджет\n\nМэр Иван Петров заявил во вторник в Москве, что работы начнутся весной.\n",
    )
    .expect("write");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_lede"))
            .args(args)
            .arg(&path)
            .output()
            .expect("run lede")
    };
    let check = run(&["check"]);
    let shown = String::from_utf8_lossy(&check.stdout);
    assert!(
        shown.contains("language:   ru (detected) (extraction supports French and English)"),
        "{shown}"
    );
    let extract = run(&["extract"]);
    let line = String::from_utf8_lossy(&extract.stdout);
    let v: serde_json::Value = serde_json::from_str(line.trim()).expect("one JSON line");
    assert_eq!(v["notice"], "extraction supports French and English");
    assert_eq!(v["mentions"].as_array().map(Vec::len), Some(0));
    assert!(
        String::from_utf8_lossy(&extract.stderr).contains("extraction supports French and English")
    );
}
