use super::*;
use crate::article::Article;
use crate::notes::{Draft, Note};

fn note(url: Option<&str>) -> Note {
    let a = Article {
        headline: "Le président malien à Moscou".into(),
        in_language: "fr".into(),
        url: url.map(str::to_string),
        paragraphs: vec!["Le président Assimi Goita se rendra à Moscou.".into()],
        ..Default::default()
    }
    .finish();
    let text = a.text();
    let span = Note::find_quote(&text, "Assimi Goita", 1).expect("quote");
    let d = Draft {
        comment: "Le nom prend un tréma.".into(),
        suggestion: "Assimi Goïta".into(),
        ..Draft::default()
    };
    Note::new(&a, span, &d).expect("note")
}

#[test]
fn body_follows_the_api_shape() {
    let n = note(Some("https://news.example/mali"));
    let b = annotation_body(&n, "abc123").expect("a body");
    assert_eq!(b["uri"], "https://news.example/mali");
    assert_eq!(b["group"], "abc123");
    assert_eq!(b["permissions"]["read"][0], "group:abc123");
    assert_eq!(b["document"]["title"][0], "Le président malien à Moscou");
    assert_eq!(
        b["text"],
        "Le nom prend un tréma.\n\nCorrection proposée : Assimi Goïta"
    );
    let tags: Vec<&str> = b["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    assert_eq!(tags, ["factual-error", "minor", &marker_tag(&n)]);
    let target = &b["target"][0];
    assert_eq!(target["source"], "https://news.example/mali");
    let q = &target["selector"][0];
    assert_eq!(q["type"], "TextQuoteSelector");
    assert_eq!(q["exact"], "Assimi Goita");
    assert!(
        q["prefix"]
            .as_str()
            .expect("prefix")
            .ends_with("président ")
    );
    let p = &target["selector"][1];
    assert_eq!(p["type"], "TextPositionSelector");
    assert_eq!(
        p["end"].as_u64().expect("end") - p["start"].as_u64().expect("start"),
        12
    );
}

#[test]
fn only_web_articles_are_posted() {
    for url in [None, Some("file:///tmp/a.txt"), Some("urn:x"), Some("  ")] {
        assert!(
            annotation_body(&note(url), PUBLIC_GROUP).is_none(),
            "{url:?}"
        );
    }
}

#[test]
fn token_is_never_shown() {
    let t = Token::new("s3cret-value");
    assert_eq!(format!("{t:?}"), "Token([redacted])");
    let s = HypothesisSettings::resolve(&HypothesisConfig::default(), Some("s3cret-value".into()));
    let shown = format!("{s:?} {s:#?}");
    assert!(!shown.contains("s3cret"), "{shown}");
    assert_eq!(
        t.redact("echo: Bearer s3cret-value!"),
        "echo: Bearer [token]!"
    );
    assert_eq!(s.api, DEFAULT_API);
    assert_eq!(s.group, PUBLIC_GROUP);
}

#[cfg(unix)]
#[test]
fn token_file_must_be_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("token");
    std::fs::write(&path, "s3cret-value\n").expect("write");
    for (mode, ok) in [
        (0o600, true),
        (0o400, true),
        (0o640, false),
        (0o644, false),
        (0o604, false),
    ] {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).expect("chmod");
        let r = read_token_file(&path);
        assert_eq!(r.is_ok(), ok, "mode {mode:o}: {r:?}");
        if let Err(e) = r {
            let m = e.to_string();
            assert!(m.contains("chmod 600") && m.contains("token"), "{m}");
            assert!(!m.contains("s3cret"), "{m}");
        }
    }
    let cfg = HypothesisConfig {
        token_file: Some(path.clone()),
        ..HypothesisConfig::default()
    };
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    assert_eq!(
        HypothesisSettings::resolve(&cfg, None).token,
        Ok(Token::new("s3cret-value"))
    );
    assert_eq!(
        HypothesisSettings::resolve(&cfg, Some("from-env".into())).token,
        Ok(Token::new("from-env")),
        "the environment wins"
    );
    assert_eq!(
        HypothesisSettings::resolve(&HypothesisConfig::default(), None).token,
        Err(TokenError::Missing)
    );
}

#[test]
fn groups_are_named() {
    let mut s = HypothesisSettings::resolve(&HypothesisConfig::default(), None);
    assert_eq!(s.describe("en"), "Hypothesis (public)");
    s.group = "k3y".into();
    assert_eq!(s.describe("en"), "Hypothesis group 'k3y'");
    s.group_name = Some("Fact-check desk".into());
    assert_eq!(s.describe("en"), "Hypothesis group 'Fact-check desk'");
    assert_eq!(s.describe("fr"), "groupe Hypothesis « Fact-check desk »");
}

#[test]
fn remote_annotations_are_cleaned_and_capped() {
    let a: ApiAnnotation = serde_json::from_value(serde_json::json!({
        "id": "a1\u{1b}[31m",
        "created": "2026-11-25T10:00:00+00:00",
        "user": "acct:lea@hypothes.is",
        "text": format!("\u{1b}]0;pwned\u{7}Bonjour {}", "x".repeat(10_000)),
        "tags": ["\u{1b}[2Jtag"],
        "links": {"html": "javascript:alert(1)", "incontext": "https://hyp.is/a1/news.example/mali"},
        "target": [{"selector": [
            {"type": "TextQuoteSelector", "exact": "Assimi\u{1b}[1m Goita", "prefix": "", "suffix": ""}
        ]}]
    }))
    .expect("annotation");
    let r = remote::from_api(&a).expect("kept");
    assert_eq!(r.author, "lea");
    assert!(
        crate::article::sanitize::is_clean(&r.text) && !r.text.contains("pwned"),
        "{}",
        &r.text[..40]
    );
    assert!(r.text.chars().count() <= remote::MAX_TEXT);
    assert!(crate::article::sanitize::is_clean(&r.id));
    assert_eq!(r.tags, ["tag"]);
    assert_eq!(
        r.link.as_deref(),
        Some("https://hyp.is/a1/news.example/mali")
    );
    assert_eq!(r.target.expect("target").exact, "Assimi Goita");
    assert_eq!(safe_link(Some("javascript:alert(1)")), None);
}
