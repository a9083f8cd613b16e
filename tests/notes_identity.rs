//! A note keeps its article when the article's file is edited or renamed
//! (issue 16.1): it is shown anchored, moved, or orphaned with its quote,
//! never lost. Through the CLI (`notes add`, `notes list --article FILE`)
//! and through the reader's loading.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const ARTICLE: &str = "Central bank holds its main rate

By Jane Liu
Published 13 May 2025

The governing council kept its main rate at 2 per cent on Thursday, as most economists had forecast.

Joachim Nagel, the head of the Bundesbank, said inflation was falling faster than expected.

Markets barely moved after the decision.
";

const QUOTE: &str = "Joachim Nagel, the head of the Bundesbank";

fn lede(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .arg("--notes")
        .arg(dir.join("notes.jsonl"))
        .current_dir(dir)
        .env_remove("LEDE_ENDPOINT")
        .env("LEDE_CONFIG", dir.join("none.toml"))
        .output()
        .expect("run lede")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A temp dir with `ecb.txt` and a note on the quote.
fn noted() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("ecb.txt"), ARTICLE).expect("write");
    fs::write(dir.path().join("none.toml"), "").expect("write");
    let out = lede(
        dir.path(),
        &[
            "notes",
            "add",
            "--article",
            "ecb.txt",
            "--quote",
            QUOTE,
            "--comment",
            "He is its president.",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    dir
}

fn list(dir: &Path, file: &str) -> String {
    let out = lede(dir, &["notes", "list", "--article", file]);
    assert!(out.status.success(), "{}", text(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_note_survives_every_kind_of_edit_and_a_rename() {
    type Edit = fn(&Path);
    let cases: &[(&str, Edit, &str, &str)] = &[
        (
            "unchanged",
            |_| {},
            "ecb.txt",
            "anchored: the passage is where it was",
        ),
        (
            "a sentence changed elsewhere",
            |d| {
                let t = ARTICLE.replace("as most economists had forecast", "as forecast");
                fs::write(d.join("ecb.txt"), t).expect("write");
            },
            "ecb.txt",
            "anchored: the passage moved, found again",
        ),
        (
            "the quoted sentence changed",
            |d| {
                let t = ARTICLE.replace("Nagel, the head of", "Nagel, head of");
                fs::write(d.join("ecb.txt"), t).expect("write");
            },
            "ecb.txt",
            "anchored: the passage changed, now \"Joachim Nagel, head of the Bundesbank",
        ),
        (
            "the quote deleted",
            |d| {
                let t = ARTICLE.replace(
                    "Joachim Nagel, the head of the Bundesbank, said inflation was falling faster than expected.\n\n",
                    "",
                );
                fs::write(d.join("ecb.txt"), t).expect("write");
            },
            "ecb.txt",
            "orphaned: \"Joachim Nagel, the head of the Bundesbank\" is no longer in the article",
        ),
        (
            "the file renamed",
            |d| fs::rename(d.join("ecb.txt"), d.join("ecb-may.txt")).expect("rename"),
            "ecb-may.txt",
            "(article found by its text: renamed or copied)",
        ),
        (
            "the file renamed and edited",
            |d| {
                fs::remove_file(d.join("ecb.txt")).expect("remove");
                let t = ARTICLE.replace("Markets barely moved", "Bond markets barely moved");
                fs::write(d.join("ecb-may.txt"), t).expect("write");
            },
            "ecb-may.txt",
            "(article found by its headline: renamed and edited)",
        ),
    ];
    for (what, edit, file, want) in cases {
        let dir = noted();
        edit(dir.path());
        let shown = list(dir.path(), file);
        assert!(
            shown.contains("\"Joachim Nagel, the head"),
            "{what}: the note is listed:\n{shown}"
        );
        assert!(shown.contains(want), "{what}: want {want:?} in:\n{shown}");
        // and the whole list always has it
        let all = lede(dir.path(), &["notes", "list"]);
        assert!(text(&all).contains("Central bank holds"), "{what}");
    }
}

#[test]
fn a_note_on_another_article_is_not_listed_for_this_file() {
    let dir = noted();
    fs::write(
        dir.path().join("other.txt"),
        "Harbour reopens\n\nFerries sailed again on Monday after the storm.\n",
    )
    .expect("write");
    let shown = list(dir.path(), "other.txt");
    assert!(shown.trim().is_empty(), "{shown}");
}

/// The reader, loading the edited file, finds the note and places it.
#[test]
fn the_reader_finds_the_note_of_an_edited_file() {
    use lede::ingest::{LoadOptions, load_paths};
    use lede::ui::msg::Msg;
    let dir = noted();
    let edited = ARTICLE.replace("as most economists had forecast", "as forecast");
    fs::write(dir.path().join("ecb.txt"), edited).expect("write");
    let mut app = lede::ui::app::App::new(
        Vec::new(),
        lede::ui::keymap::KeyMap::default(),
        lede::ui::theme::Theme::new(true),
    );
    let (report, outbox, warning) = lede::ui::views::notes::Reporting::start(
        Some(dir.path().join("notes.jsonl")),
        None,
        &lede::notes::NotesSettings::default(),
    );
    assert!(warning.is_none());
    app.views.report = report;
    let loaded = load_paths(&[dir.path().join("ecb.txt")], &LoadOptions::default());
    app.dispatch(Msg::Resize(100, 30));
    app.dispatch(Msg::Loaded(Box::new(loaded)));
    assert!(
        app.views.report.has_notes(&app.shared.articles[0].id),
        "the list marks the article"
    );
    let placed = lede::ui::views::notes::placed(&app).notes.clone();
    assert_eq!(placed.len(), 1, "the note is on this article");
    let span = placed[0].1.clone().expect("placed on the edited text");
    assert_eq!(&app.text()[span], QUOTE);
    if let Some(o) = outbox {
        o.shutdown();
    }
}
