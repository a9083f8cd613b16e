//! W3C Web Annotation export and JSON Lines export.

use lede::article::{Article, Feedback};
use lede::notes::export::{self, email_sha1};
use lede::notes::{Category, Draft, Note, Severity, Store};
use serde_json::Value;
use std::process::Command;

fn article(url: Option<&str>) -> Article {
    Article {
        headline: "Le président malien à Moscou".into(),
        in_language: "fr".into(),
        url: url.map(str::to_string),
        date_published: Some("2025-04-04T11:26:53+02:00".into()),
        paragraphs: vec![
            "Встреча : 東京 puis Bamako.".into(),
            "Le président Assimi Goita se rendra à Moscou.".into(),
        ],
        feedback: Some(Feedback {
            prompt: "Avez-vous trouvé une erreur ou une inexactitude ?".into(),
            ..Default::default()
        }),
        ..Default::default()
    }
    .finish()
}

fn note(a: &Article, consent: bool) -> Note {
    let text = a.text();
    let span = Note::find_quote(&text, "Assimi Goita", 1).expect("quote");
    let d = Draft {
        category: Category::MisspelledName,
        severity: Severity::Significant,
        suggestion: "Assimi Goïta".into(),
        comment: "Le nom prend un tréma.".into(),
        name: "Awa".into(),
        email: "Lecteur@Example.org".into(),
        consent,
    };
    Note::new(a, span, &d).expect("note")
}

fn json(n: &Note) -> Value {
    serde_json::to_value(export::annotation(n)).expect("json")
}

#[test]
fn one_note_is_one_w3c_annotation() {
    let a = article(Some("https://news.example/mali-moscou"));
    let n = note(&a, true);
    let v = json(&n);
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "Annotation");
    assert_eq!(v["motivation"], "editing");
    assert_eq!(v["id"], format!("urn:uuid:{}", n.id));
    assert_eq!(v["created"], n.created);
    assert!(v["created"].as_str().is_some_and(|c| c.ends_with('Z')));
    assert_eq!(v["generator"]["type"], "Software");
    let bodies = v["body"].as_array().expect("bodies");
    let by_purpose = |p: &str| -> Vec<&Value> {
        bodies
            .iter()
            .filter(|b| b["purpose"] == p)
            .map(|b| &b["value"])
            .collect()
    };
    assert_eq!(by_purpose("editing"), ["Assimi Goïta"]);
    assert_eq!(by_purpose("commenting"), ["Le nom prend un tréma."]);
    assert_eq!(
        by_purpose("tagging"),
        ["misspelled-name", "severity:significant"]
    );
    assert!(bodies.iter().all(|b| b["type"] == "TextualBody"));
    assert_eq!(bodies[0]["language"], "fr");

    let target = &v["target"];
    assert_eq!(target["source"], "https://news.example/mali-moscou");
    assert_eq!(target["state"]["type"], "TimeState");
    assert_eq!(target["state"]["sourceDate"], "2025-04-04T09:26:53Z");

    let creator = &v["creator"];
    assert_eq!(creator["name"], "Awa");
    assert_eq!(creator["email"], "mailto:Lecteur@Example.org");
    assert_eq!(
        creator["email_sha1"],
        "fe261ddad06c7be3f47555896473bb84c8b5a3f2"
    );
}

#[test]
fn both_selectors_select_the_same_text() {
    let a = article(None);
    let n = note(&a, false);
    let v = json(&n);
    let text: Vec<char> = a.text().chars().collect();
    let selectors = v["target"]["selector"].as_array().expect("selectors");
    let quote = selectors
        .iter()
        .find(|s| s["type"] == "TextQuoteSelector")
        .expect("quote selector");
    let pos = selectors
        .iter()
        .find(|s| s["type"] == "TextPositionSelector")
        .expect("position selector");
    let start = pos["start"].as_u64().expect("start") as usize;
    let end = pos["end"].as_u64().expect("end") as usize;
    let selected: String = text[start..end].iter().collect();
    assert_eq!(quote["exact"], selected.as_str());
    let prefix: String = text[start.saturating_sub(32)..start].iter().collect();
    let suffix: String = text[end..(end + 32).min(text.len())].iter().collect();
    assert_eq!(quote["prefix"], prefix.as_str());
    assert_eq!(quote["suffix"], suffix.as_str());
    assert_eq!(v["target"]["source"], format!("urn:lede:article:{}", a.id));
}

#[test]
fn without_consent_only_a_hash_of_the_address_leaves() {
    let a = article(None);
    let v = json(&note(&a, false));
    assert!(v["creator"].get("email").is_none(), "{}", v["creator"]);
    assert_eq!(
        v["creator"]["email_sha1"],
        email_sha1("lecteur@example.org")
    );
}

#[test]
fn the_submission_body_has_no_id_and_is_stable() {
    let a = article(None);
    let n = note(&a, true);
    let body = export::submission_body(&n).expect("body");
    assert_eq!(body, export::submission_body(&n).expect("body"));
    let v: Value = serde_json::from_str(&body).expect("json");
    assert!(v.get("id").is_none());
    assert_eq!(v["via"], format!("urn:uuid:{}", n.id));
    // Once sent, the server's id is the id and the client's moves to via.
    let mut sent = n.clone();
    sent.location = Some("https://annotations.example/42".into());
    let v = json(&sent);
    assert_eq!(v["id"], "https://annotations.example/42");
    assert_eq!(v["via"], format!("urn:uuid:{}", n.id));
}

#[test]
fn several_notes_make_a_collection() {
    let a = article(None);
    let notes = [note(&a, false), note(&a, false)];
    let v: Value = serde_json::from_str(&export::w3c(&notes).expect("w3c")).expect("json");
    assert_eq!(v["type"], "AnnotationCollection");
    assert_eq!(v["total"], 2);
    let items = v["first"]["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|i| i["motivation"] == "editing"));
    let one: Value = serde_json::from_str(&export::w3c(&notes[..1]).expect("w3c")).expect("json");
    assert_eq!(one["type"], "Annotation");
}

#[test]
fn jsonl_export_round_trips() {
    let a = article(None);
    let notes = vec![note(&a, true), note(&a, false)];
    let text = export::jsonl(&notes).expect("jsonl");
    let back: Vec<Note> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("note"))
        .collect();
    assert_eq!(back, notes);
}

#[test]
fn the_cli_exports_to_a_file_atomically() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes_path = dir.path().join("notes.jsonl");
    let store = Store::new(&notes_path);
    let a = article(None);
    store.append(&note(&a, false)).expect("save");
    store.append(&note(&a, false)).expect("save");
    let out = dir.path().join("out/export.jsonld");
    let status = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["notes", "export", "--format", "w3c", "--out"])
        .arg(&out)
        .env("LEDE_NOTES", &notes_path)
        .status()
        .expect("run lede");
    assert!(status.success());
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("read")).expect("json");
    assert_eq!(v["total"], 2);

    let listed = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["notes", "list", "--json", "--article", &a.id])
        .env("LEDE_NOTES", &notes_path)
        .output()
        .expect("run lede");
    assert!(listed.status.success());
    let lines = String::from_utf8(listed.stdout).expect("utf-8");
    assert_eq!(lines.lines().count(), 2);
    let none = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["notes", "list", "--article", "autre"])
        .env("LEDE_NOTES", &notes_path)
        .output()
        .expect("run lede");
    assert!(none.stdout.is_empty());
}
