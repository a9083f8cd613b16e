//! `lede notes add` and friends, run as a user would.

use lede::notes::{Category, Severity, Status, Store};
use std::path::Path;
use std::process::{Command, Output};

const ARTICLE: &str = "Le conseil municipal de Ségou vote son budget

La séance s'est tenue mardi à Ségou. Le maire, Oumar Traore, a présenté un budget \
de 12 millions. Les élus de l'opposition ont demandé un report. Le maire Oumar Traore \
a refusé, puis le budget a été adopté par 21 voix contre 9.
";

fn lede(notes: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .env("LEDE_NOTES", notes)
        .env_remove("LEDE_ENDPOINT")
        .output()
        .expect("run lede")
}

#[test]
fn add_files_a_note_headless() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("segou.txt");
    std::fs::write(&article, ARTICLE).expect("write");
    let notes = dir.path().join("notes.jsonl");
    let a = article.to_str().expect("utf-8 path");
    let out = lede(
        &notes,
        &[
            "notes",
            "add",
            "--article",
            a,
            "--quote",
            "Oumar Traore",
            "--occurrence",
            "2",
            "--comment",
            "Le nom s'écrit Traoré.",
            "--category",
            "misspelled-name",
            "--severity",
            "significant",
            "--suggestion",
            "Oumar Traoré",
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("saved "), "{stdout}");
    assert!(stdout.contains("no endpoint configured"), "{stdout}");

    let loaded = Store::new(&notes).load().expect("load");
    assert_eq!(loaded.notes.len(), 1);
    let n = &loaded.notes[0];
    assert!(stdout.contains(&n.id.to_string()));
    assert_eq!(n.status, Status::Queued);
    assert_eq!(n.category, Category::MisspelledName);
    assert_eq!(n.severity, Severity::Significant);
    assert_eq!(n.target.exact, "Oumar Traore");
    assert!(
        n.target.prefix.ends_with("Le maire "),
        "{:?}",
        n.target.prefix
    );
    assert!(n.target.suffix.starts_with("\na refusé") || n.target.suffix.starts_with(" a refusé"));
    assert_eq!(
        n.article.headline,
        "Le conseil municipal de Ségou vote son budget"
    );

    let listed = lede(&notes, &["notes", "list"]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.contains("misspelled-name/significant"), "{listed}");
    assert!(listed.contains("\"Oumar Traore\""), "{listed}");
}

#[test]
fn add_refuses_what_it_cannot_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("segou.txt");
    std::fs::write(&article, ARTICLE).expect("write");
    let notes = dir.path().join("notes.jsonl");
    let a = article.to_str().expect("utf-8 path");
    for (args, expected) in [
        (
            vec!["--quote", "Bamako", "--comment", "x"],
            "not in the article",
        ),
        (
            vec!["--quote", "Ségou", "--occurrence", "3", "--comment", "x"],
            "occurs 2 time(s)",
        ),
        (
            vec!["--quote", "Ségou", "--comment", "  "],
            "comment is required",
        ),
        (
            vec![
                "--quote",
                "Ségou",
                "--comment",
                "x",
                "--email",
                "pas-une-adresse",
            ],
            "e-mail",
        ),
    ] {
        let mut full = vec!["notes", "add", "--article", a];
        full.extend(args.iter().copied());
        let out = lede(&notes, &full);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    assert!(!notes.exists(), "nothing saved");
    let out = lede(
        &notes,
        &[
            "notes",
            "add",
            "--article",
            a,
            "--quote",
            "x",
            "--comment",
            "x",
            "--category",
            "typo",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("misspelled-name"));
}

#[cfg(target_os = "linux")]
#[test]
fn add_on_a_full_disk_fails_loudly_and_hands_the_note_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("segou.txt");
    std::fs::write(&article, ARTICLE).expect("write");
    let a = article.to_str().expect("utf-8 path");
    let out = lede(
        Path::new("/dev/full"),
        &[
            "notes",
            "add",
            "--article",
            a,
            "--quote",
            "Ségou",
            "--comment",
            "Mon commentaire précieux",
        ],
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/dev/full") && stderr.contains("NOT saved"),
        "{stderr}"
    );
    let line = stderr.lines().last().expect("the note");
    let note: lede::notes::Note = serde_json::from_str(line).expect("a notes-file line");
    assert_eq!(note.comment, "Mon commentaire précieux");
}

#[test]
fn add_help_lists_the_categories_and_severities() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes.jsonl");
    let out = lede(&notes, &["notes", "add", "--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for c in Category::ALL {
        assert!(help.contains(c.tag()), "{} missing from\n{help}", c.tag());
    }
    for s in Severity::ALL {
        assert!(help.contains(s.tag()), "{} missing from\n{help}", s.tag());
    }
    let out = lede(
        &notes,
        &[
            "notes",
            "add",
            "--article",
            "a.txt",
            "--quote",
            "q",
            "--comment",
            "c",
            "--severity",
            "grave",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("'grave'") && err.contains("significant"),
        "{err}"
    );
    assert!(!notes.exists(), "nothing saved");
}

/// The `[notes]` section may say where notes go and where they are sent: a
/// config file that cannot be read stops `lede notes` with the file's name
/// (and the OS reason said once), rather than falling back in silence.
#[test]
fn a_config_file_that_cannot_be_read_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes.jsonl");
    let missing = dir.path().join("missing.toml");
    let out = lede(
        &notes,
        &[
            "--config",
            missing.to_str().expect("utf-8"),
            "notes",
            "list",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("missing.toml: cannot read the config file"),
        "{err}"
    );
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[notes]\nendpoint = 3\n").expect("write");
    let out = lede(
        &notes,
        &["--config", bad.to_str().expect("utf-8"), "notes", "submit"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:2:"), "{err}");
}
