//! `lede extract` run as a binary: the output shape of both formats and the
//! handling of files that fail. Accuracy is measured by `lede eval`, not here.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> PathBuf {
    root().join("assets/articles/000_72e7f41f74cb261a.txt")
}

fn lede(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run lede")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn expected_text() -> String {
    let loaded = lede::ingest::load_paths(&[sample()], &Default::default());
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    loaded.articles[0].text()
}

#[test]
fn spacy_format_gives_text_and_code_point_spans() {
    let path = sample();
    let out = lede(&["extract", "--format", "spacy", path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    let text = doc["text"].as_str().expect("text");
    assert_eq!(text, expected_text());
    let chars: Vec<char> = text.chars().collect();
    let spans = doc["spans"].as_array().expect("spans");
    let mut last = 0;
    for span in spans {
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        assert!(start < end && end <= chars.len(), "{span}");
        assert!(start >= last, "spans sorted: {span}");
        last = start;
        let label = span["label"].as_str().unwrap();
        assert!(
            ["PER", "ORG", "LOC", "NORP", "DATE"].contains(&label),
            "{span}"
        );
    }
    assert!(doc["meta"]["id"].is_string());
}

#[test]
fn json_format_gives_byte_and_code_point_offsets_that_agree() {
    let path = sample();
    for flag in [&["--json"][..], &["--format", "json"][..], &[][..]] {
        let mut args = vec!["extract"];
        args.extend_from_slice(flag);
        args.push(path.to_str().unwrap());
        let out = lede(&args);
        assert!(out.status.success(), "{flag:?}");
        let docs = lines(&out);
        assert_eq!(docs.len(), 1, "{flag:?}");
        let doc = &docs[0];
        for key in ["id", "headline", "language", "text"] {
            assert!(doc[key].is_string(), "{key} in {flag:?}");
        }
        assert_eq!(doc["language"], "fr");
        let text = doc["text"].as_str().unwrap();
        assert_eq!(text, expected_text());
        let actors = doc["actors"].as_array().expect("actors");
        for item in doc["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .chain(doc["dates"].as_array().expect("dates"))
        {
            let get = |k: &str| item[k].as_u64().unwrap() as usize;
            let (bs, be, cs, ce) = (
                get("byte_start"),
                get("byte_end"),
                get("char_start"),
                get("char_end"),
            );
            assert_eq!(text[bs..be], *item["text"].as_str().unwrap(), "{item}");
            assert_eq!(text[..bs].chars().count(), cs, "{item}");
            assert_eq!(text[..be].chars().count(), ce, "{item}");
            if let Some(i) = item["actor"].as_u64() {
                assert_eq!(actors[i as usize]["key"], item["actor_key"], "{item}");
            }
        }
        for (i, a) in actors.iter().enumerate() {
            assert_eq!(a["index"], i);
            for key in ["key", "name", "kind"] {
                assert!(a[key].is_string(), "{a}");
            }
            assert!(a["forms"].is_array() && a["mention_count"].is_u64(), "{a}");
        }
    }
}

#[test]
fn a_file_that_fails_is_named_and_the_others_still_print() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.json");
    std::fs::write(&bad, "{\"headline\": \"Titre\",\n \"articleBody\": ").unwrap();
    let path = sample();
    let out = lede(&[
        "extract",
        "--format",
        "spacy",
        path.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out).len(), 1, "the good article still prints");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.json"), "{err}");
}

/// `lede extract ... | head`: when the reader of the output goes away, lede
/// stops quietly instead of reporting "Broken pipe" as an error.
#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["extract", "assets/articles"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run lede");
    // close our end of standard output at once: every write will fail
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("Broken pipe"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}
