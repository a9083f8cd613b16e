//! `lede eval` run as a binary on the fixtures and on the shared gold: the
//! shape of the table and of the JSON. The gold counts (tp + fn) do not
//! depend on the extractor, so they are checked exactly.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn lede(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run lede")
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// tp + fn: the number of gold items, whatever the extractor finds.
fn gold_count(score: &Value) -> u64 {
    score["tp"].as_u64().unwrap() + score["fn"].as_u64().unwrap()
}

fn assert_score(score: &Value) {
    for key in ["precision", "recall", "f1"] {
        let x = score[key].as_f64().unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&x), "{key} in {score}");
    }
}

const FIXTURES: [&str; 3] = [
    "tests/fixtures/eval/gold",
    "tests/fixtures/eval/conll",
    "tests/fixtures/eval/timeml",
];

#[test]
fn json_report_per_corpus_and_total() {
    let mut args = vec!["eval", "--json"];
    args.extend(FIXTURES);
    let v = json(&lede(&args));
    let corpora = v["corpora"].as_array().unwrap();
    assert_eq!(corpora.len(), 3);
    let (gold, conll, timeml) = (
        &corpora[0]["scores"],
        &corpora[1]["scores"],
        &corpora[2]["scores"],
    );
    // Our gold: every layer; the byline's editor is not counted.
    assert_eq!(gold["documents"], 1);
    for kind in ["PER", "ORG", "LOC", "NORP", "overall", "lenient"] {
        assert_score(&gold["mentions"][kind]);
    }
    assert_eq!(gold_count(&gold["mentions"]["PER"]), 2);
    assert_eq!(gold_count(&gold["mentions"]["overall"]), 8);
    assert_eq!(gold_count(&gold["actors"]), 6);
    assert_eq!(gold_count(&gold["dates"]["span"]), 2);
    // CoNLL: PER/ORG/LOC and actors, no NORP, no dates.
    assert_eq!(conll["documents"], 3);
    assert!(conll["mentions"]["NORP"].is_null());
    assert!(conll["dates"].is_null());
    assert_eq!(gold_count(&conll["mentions"]["overall"]), 13);
    assert_eq!(gold_count(&conll["actors"]), 10);
    // TimeML: dates only.
    assert_eq!(timeml["documents"], 2);
    assert!(timeml["mentions"].is_null() && timeml["actors"].is_null());
    assert_eq!(gold_count(&timeml["dates"]["span"]), 6);
    // The total sums them.
    let total = &v["total"];
    assert_eq!(total["documents"], 6);
    assert_eq!(gold_count(&total["mentions"]["overall"]), 21);
    assert_eq!(gold_count(&total["dates"]["span"]), 8);
    assert!(corpora[0].get("mistakes").is_none(), "only with --errors");
}

#[test]
fn table_and_errors() {
    let mut args = vec!["eval", "--errors"];
    args.extend(FIXTURES);
    let out = lede(&args);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "tests/fixtures/eval/gold (1 document)",
        "tests/fixtures/eval/conll (3 documents)",
        "mentions PER+ORG+LOC",
        "lenient (overlap)",
        "actors",
        "dates (span)",
        "date value accuracy",
        "total of 3 corpora (6 documents)",
        "tests/fixtures/eval/timeml: ",
    ] {
        assert!(text.contains(want), "{want:?} missing from\n{text}");
    }
    // Every mistake line names its document.
    let mistakes = text.split("mistakes\n").skip(1).flat_map(|s| s.lines());
    for line in mistakes.filter(|l| l.starts_with("  ")) {
        assert!(
            [".txt", ".conll", ".tml"].iter().any(|e| line.contains(e)),
            "{line}"
        );
    }
}

#[test]
fn a_bad_gold_file_is_named_and_the_rest_is_scored() {
    let out = lede(&[
        "eval",
        "--json",
        "tests/fixtures/eval/bad/one_column.conll",
        "tests/fixtures/eval/timeml",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("one_column.conll:3:"), "{err}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["corpora"].as_array().unwrap().len(), 1);
}

#[test]
fn shared_gold_of_the_sample_article() {
    // the project's annotation of the sample, kept in the repository
    let gold = root().join("tests/fixtures/seed/seed.gold.json");
    let v = json(&lede(&["eval", "--json", gold.to_str().unwrap()]));
    let s = &v["corpora"][0]["scores"];
    assert_eq!(s["documents"], 1);
    // 38 entities less the editor's byline: 4 PER, 4 ORG, 23 LOC, 6 NORP.
    for (kind, n) in [("PER", 4), ("ORG", 4), ("LOC", 23), ("NORP", 6)] {
        assert_score(&s["mentions"][kind]);
        assert_eq!(gold_count(&s["mentions"][kind]), n, "{kind}");
    }
    assert_eq!(gold_count(&s["mentions"]["overall"]), 31);
    assert_eq!(gold_count(&s["actors"]), 14);
    assert_eq!(gold_count(&s["dates"]["span"]), 4);
}

/// A JSON file named on the command line is read as gold even when its first
/// kilobytes do not show the `entities` key, and a broken one gets its own
/// error with line and column rather than "unknown format".
#[test]
fn a_json_file_named_on_the_command_line_is_read_as_gold() {
    let dir = tempfile::tempdir().expect("tempdir");
    let long = dir.path().join("long.json");
    let text = "Marie Curie est née à Varsovie. ".repeat(400);
    // written by hand so that "entities" comes after the long text
    let gold = format!(
        "{{\"text\": {}, \"entities\": [{{\"start\": 0, \"end\": 11, \"label\": \"PER\"}}]}}",
        serde_json::to_string(&text).expect("json")
    );
    assert!(gold.find("entities").is_some_and(|at| at > 8192));
    std::fs::write(&long, gold).expect("write");
    let v = json(&lede(&["eval", "--json", long.to_str().expect("utf-8")]));
    assert_eq!(v["corpora"].as_array().map(Vec::len), Some(1), "{v}");

    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"text\": \"Paris\",\n \"entities\": [").expect("write");
    let out = lede(&["eval", broken.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.json:2:"), "{err}");
    assert!(!err.contains("unknown format"), "{err}");
}
