//! `lede check`, run as the built binary.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn lede(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run lede")
}

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
    // lede may stop reading early (the size cap): a broken pipe is expected then.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for lede");
    writer.join().expect("writer thread");
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn check_on_the_bad_folder_reports_and_fails() {
    let out = lede(&["check", "tests/fixtures/bad"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for want in [
        "tests/fixtures/bad/truncated.json:5:25: error: invalid JSON: EOF while parsing an object",
        "tests/fixtures/bad/invalid_utf8.txt:5: warning: invalid UTF-8",
        "tests/fixtures/bad/escapes.txt:1: warning: removed terminal control characters",
        "tests/fixtures/bad/empty.txt: error: empty file",
        "tests/fixtures/bad/records.jsonl:3: error: record 3: neither a headline nor a body",
        "tests/fixtures/bad/feed.xyz: skipped",
        "Voters in Ireland went to the polls on Friday to elect a new Dáil.",
        "headline:   Floods in Valencia",
        "byline:     by Maria Garcia",
        "headline:   Élection à Montréal",
        "6 articles from 8 files; 5 errors, 2 warnings, 1 skipped",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    assert!(
        !text.contains('\u{1b}'),
        "escape sequence reached the terminal"
    );
}

#[test]
fn check_on_good_articles_succeeds() {
    let out = lede(&["check", "tests/fixtures/articles"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains("tests/fixtures/articles/notre_dame.txt\n  headline:   Notre-Dame de Paris"),
        "{text}"
    );
    assert!(text.contains("language:   fr (detected)"));
    assert!(text.contains("language:   en-GB\n"));
    // the articles of one JSON Lines file are told apart
    for k in 1..=3 {
        let head = format!("tests/fixtures/articles/dispatches.jsonl (article {k} of 3)\n");
        assert!(text.contains(&head), "{head}{text}");
    }
    assert!(text.contains("body:       3 paragraphs, 76 words"));
    assert!(text.contains("byline:     by Sarah Johnson, David Lee; edited by Michael Brown"));
    assert!(text.contains("published:  2022-11-16T01:47"));
    assert!(
        text.ends_with("11 articles from 8 files; 0 errors, 0 warnings, 1 skipped\n"),
        "{text}"
    );
}

#[test]
fn check_without_a_path_lists_every_bundled_article() {
    let out = lede(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("headline:   La Russie renforce sa coopération militaire"));
    assert!(text.contains("edited by Татьяна Гуринович"));
    assert!(text.contains(" 0 errors"), "{text}");
    // Every article file of assets/articles is embedded, README excluded.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("assets/articles") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let article = [".txt", ".json", ".jsonl", ".md", ".jsonld", ".ndjson"]
            .iter()
            .any(|e| name.ends_with(e))
            && !name.starts_with("README")
            && !name.starts_with('.');
        if article {
            n += 1;
            assert!(
                text.contains(&format!("assets/articles/{name}\n"))
                    || text.contains(&format!("assets/articles/{name} (article 1 of ")),
                "{name} not bundled:\n{text}"
            );
        }
    }
    assert!(n >= 2);
    assert!(!text.contains("README"));
    // the two articles of one JSON Lines file are told apart
    assert!(
        text.contains("080_two-briefs.jsonl (article 1 of 2)\n"),
        "{text}"
    );
    assert!(
        text.contains("080_two-briefs.jsonl (article 2 of 2)\n"),
        "{text}"
    );
}

#[test]
fn check_json_prints_one_object_per_line() {
    let out = lede(&["check", "--json", "tests/fixtures/bad"]);
    assert_eq!(out.status.code(), Some(1));
    let values: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let kinds: Vec<&str> = values.iter().filter_map(|v| v["type"].as_str()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "article").count(), 6);
    assert_eq!(kinds.iter().filter(|k| **k == "problem").count(), 7);
    assert_eq!(kinds.last(), Some(&"summary"));
    let truncated = values
        .iter()
        .find(|v| {
            v["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("truncated.json"))
        })
        .expect("truncated.json reported");
    assert_eq!(truncated["severity"], "error");
    assert_eq!(truncated["line"], 5);
    assert_eq!(truncated["column"], 25);
    let summary = values.last().expect("summary");
    assert_eq!(summary["errors"], 5);
    assert_eq!(summary["skipped"], 1);
}

#[test]
fn check_reads_standard_input() {
    let out = lede_stdin(
        &["check", "-"],
        "Piped headline\n\nBy Kim Lee\n\nThe body of the piped story.\n".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("-\n  headline:   Piped headline\n"),
        "{text}"
    );
    assert!(text.contains("by Kim Lee"));

    let out = lede_stdin(
        &["check", "--json", "-"],
        br#"[{"headline": "J1", "body": "x"}, {"headline": "J2", "body": "y"}]"#,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out)
            .lines()
            .filter(|l| l.contains("\"type\":\"article\""))
            .count(),
        2
    );

    let out = lede_stdin(&["check", "-"], b"{\"headline\": \"cut");
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("<stdin>:1:"), "{}", stdout(&out));
}

#[test]
fn max_file_mb_sets_the_cap() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let big = tmp.path().join("big.txt");
    let body = "mot ".repeat(400_000);
    std::fs::write(&big, format!("Gros titre\n\n{body}")).expect("write");
    let path = big.to_string_lossy().into_owned();
    let out = lede(&["check", "--max-file-mb", "1", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("error: file is 1.5 MiB, larger than the 1.0 MiB limit"),
        "{}",
        stdout(&out)
    );
    let out = lede(&["check", "--max-file-mb", "2", &path]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn standard_input_over_the_cap_is_refused() {
    let mut input = b"Headline\n\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', 1024 * 1024 + 10));
    let out = lede_stdin(&["check", "--max-file-mb", "1", "-"], &input);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("<stdin>: error: standard input is larger than the 1.0 MiB limit"),
        "{}",
        stdout(&out)
    );
}
