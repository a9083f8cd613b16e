//! Notes by e-mail: the `mailto:` link from `submit`, the `.eml` message
//! (parsed back with `mail-parser`), and `mark-sent`.

use lede::notes::{Status, Store};
use mail_parser::MessageParser;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn lede(notes: &Path, args: &[&str]) -> Output {
    let config = notes.with_file_name("config.toml");
    if !config.exists() {
        std::fs::write(&config, "").expect("config");
    }
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .env("LEDE_NOTES", notes)
        .env("LEDE_CONFIG", config)
        .env_remove("LEDE_ENDPOINT")
        .env_remove("LEDE_HYPOTHESIS_TOKEN")
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

fn article(dir: &Path, headline: &str, endpoint: Option<&str>) -> PathBuf {
    let p = dir.join("article.json");
    let mut a = serde_json::json!({
        "headline": headline,
        "url": "https://news.example/mali?id=7&x=ü",
        "inLanguage": "fr",
        "articleBody": ["Le président Assimi Goita se rendra à Moscou la semaine prochaine."],
    });
    if let Some(e) = endpoint {
        a["feedback"] = serde_json::json!({"prompt": "Une erreur ?", "endpoint": e});
    }
    std::fs::write(&p, a.to_string()).expect("article");
    p
}

fn add(notes: &Path, article: &Path) -> String {
    let out = lede(
        notes,
        &[
            "notes",
            "add",
            "--article",
            article.to_str().expect("path"),
            "--quote",
            "Assimi Goita",
            "--comment",
            "Le nom prend un tréma & une majuscule.",
            "--suggestion",
            "Assimi Goïta",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    Store::new(notes).load().expect("load").notes[0].short_id()
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).expect("hex"));
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn submit_prints_a_ready_mailto_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes.jsonl");
    let a = article(
        dir.path(),
        "Le président malien à Moscou",
        Some("mailto:corrections@example.org"),
    );
    add(&notes, &a);
    let out = lede(&notes, &["notes", "submit"]);
    let shown = text(&out);
    let link = shown
        .split_whitespace()
        .find(|w| w.starts_with("mailto:"))
        .unwrap_or_else(|| panic!("a link in {shown}"));
    let (to, query) = link["mailto:".len()..].split_once('?').expect("query");
    assert_eq!(to, "corrections@example.org");
    // RFC 6068: every reserved or non-ASCII octet percent-encoded.
    assert!(
        query
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"%-._~=&".contains(&b)),
        "{query}"
    );
    let fields: Vec<(&str, String)> = query
        .split('&')
        .map(|kv| {
            let (k, v) = kv.split_once('=').expect("k=v");
            (k, decode(v))
        })
        .collect();
    assert_eq!(
        fields[0],
        (
            "subject",
            "Correction: Le président malien à Moscou".to_string()
        )
    );
    let body = &fields[1].1;
    assert!(body.contains("Passage: \"Assimi Goita\"\r\n"), "{body}");
    assert!(body.contains("tréma & une majuscule"), "{body}");
    assert!(
        body.contains("https://news.example/mali?id=7&x=ü"),
        "{body}"
    );
    assert!(shown.contains("mark-sent"), "{shown}");
    let n = Store::new(&notes).load().expect("load").notes[0].clone();
    assert_eq!(
        n.status,
        Status::Queued,
        "not marked sent without the user's word"
    );
}

#[test]
fn no_address_still_gives_a_link_to_fill_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes.jsonl");
    let a = article(dir.path(), "Budget", None);
    add(&notes, &a);
    let shown = text(&lede(&notes, &["notes", "submit"]));
    assert!(
        shown.contains("mailto:?subject=Correction%3A%20Budget&body="),
        "{shown}"
    );
}

#[test]
fn eml_parses_back_and_mark_sent_records_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes.jsonl");
    let headline = "Le président malien à Moscou\r\nBcc: spy@evil.example";
    let a = article(dir.path(), headline, Some("mailto:corrections@example.org"));
    let id = add(&notes, &a);
    let eml = dir.path().join("note.eml");
    let out = lede(
        &notes,
        &[
            "notes",
            "export",
            "--format",
            "eml",
            &id,
            "--out",
            eml.to_str().expect("path"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let raw = std::fs::read(&eml).expect("eml");
    assert!(
        raw.iter().all(u8::is_ascii),
        "7-bit clean: encoded words and quoted-printable"
    );
    let m = MessageParser::default()
        .parse(&raw)
        .expect("an RFC 5322 message");
    assert_eq!(
        m.to().and_then(|t| t.first()).and_then(|a| a.address()),
        Some("corrections@example.org")
    );
    assert_eq!(
        m.subject(),
        Some("Correction: Le président malien à Moscou Bcc: spy@evil.example")
    );
    assert!(m.bcc().is_none(), "no header injected from the headline");
    let body = m.body_text(0).expect("a text body");
    let full = Store::new(&notes).load().expect("load").notes[0].clone();
    for part in [
        "Passage: \"Assimi Goita\"",
        "Suggested correction: Assimi Goïta",
        "https://news.example/mali?id=7&x=ü",
        &full.id.to_string(),
    ] {
        assert!(body.contains(part), "{part:?} missing from {body}");
    }
    assert_eq!(full.status, Status::Queued);

    let out = lede(&notes, &["notes", "mark-sent", &id]);
    assert!(out.status.success(), "{}", text(&out));
    let n = Store::new(&notes).load().expect("load").notes[0].clone();
    assert_eq!(n.status, Status::Sent);
    assert_eq!(
        n.mail.and_then(|m| m.to).as_deref(),
        Some("corrections@example.org")
    );
    let list = text(&lede(&notes, &["notes", "list"]));
    assert!(
        list.contains("sent by mail (not confirmed) to corrections@example.org"),
        "{list}"
    );
}
