//! Notes posted to a loopback Hypothesis API: created once, token refused,
//! 429 with Retry-After, 500 then success, a response lost after creation.

mod http_common;

use http_common::hypothesis as mock;
use lede::article::Article;
use lede::notes::hypothesis::{HypothesisConfig, HypothesisSettings};
use lede::notes::{
    Draft, Note, Outbox, OutboxConfig, OutboxEvent, OutboxHandle, RetryPolicy, Status, Store,
    Timeouts,
};
use mock::Misbehave;
use std::path::Path;
use std::time::Duration;

const TOKEN: &str = "6879-s3cret-token-for-tests";
const URL: &str = "https://news.example/mali";
const PATIENCE: Duration = Duration::from_secs(60);

fn saved_note(store: &Store) -> Note {
    let a = Article {
        headline: "Le président malien à Moscou".into(),
        in_language: "fr".into(),
        url: Some(URL.into()),
        paragraphs: vec!["Le président Assimi Goita se rendra à Moscou.".into()],
        ..Default::default()
    }
    .finish();
    let text = a.text();
    let span = Note::find_quote(&text, "Assimi Goita", 1).expect("quote");
    let d = Draft {
        suggestion: "Assimi Goïta".into(),
        comment: "Le nom prend un tréma.".into(),
        ..Draft::default()
    };
    let n = Note::new(&a, span, &d).expect("note");
    store.append(&n).expect("save");
    n
}

fn outbox(store: &Path, api: &str, token: &str) -> OutboxHandle {
    let cfg = HypothesisConfig {
        api: Some(api.into()),
        ..HypothesisConfig::default()
    };
    Outbox::spawn(OutboxConfig {
        store: store.to_path_buf(),
        hypothesis: Some(HypothesisSettings::resolve(&cfg, Some(token.into()))),
        policy: RetryPolicy {
            max_attempts: 4,
            base: Duration::from_millis(5),
            max_delay: Duration::from_secs(5),
        },
        timeouts: Timeouts {
            connect: Duration::from_secs(5),
            response: Duration::from_secs(5),
        },
        ..OutboxConfig::default()
    })
}

fn until_idle(h: &OutboxHandle) -> Vec<OutboxEvent> {
    let mut out = Vec::new();
    loop {
        let e = h.events().recv_timeout(PATIENCE).expect("an outbox event");
        let idle = e == OutboxEvent::Idle;
        out.push(e);
        if idle {
            return out;
        }
    }
}

fn run(script: Vec<Misbehave>, token: &str) -> (mock::Mock, Note, Vec<OutboxEvent>, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("notes.jsonl"));
    let n = saved_note(&store);
    let m = mock::start(TOKEN, script);
    let h = outbox(store.path(), &m.api, token);
    h.enqueue(n.id);
    let events = until_idle(&h);
    h.shutdown();
    let current = store
        .load()
        .expect("load")
        .get(n.id)
        .cloned()
        .expect("note");
    // Keep the folder alive for the caller's checks.
    std::mem::forget(dir);
    (m, current, events, store)
}

fn posts(m: &mock::Mock) -> usize {
    m.requests().iter().filter(|r| r.method == "POST").count()
}

#[test]
fn created_once_with_its_link_kept() {
    let (m, n, events, _) = run(vec![], TOKEN);
    assert_eq!(n.status, Status::Sent, "{events:?}");
    let h = n.hypothesis.expect("annotation kept");
    assert_eq!(h.id, "hyp0001");
    assert_eq!(
        h.incontext.as_deref(),
        Some("https://hyp.is/hyp0001/news.example/mali")
    );
    assert!(events.iter().any(
        |e| matches!(e, OutboxEvent::Sent { location: Some(l), .. } if l.contains("hyp0001"))
    ));
    let reqs = m.requests();
    assert_eq!(
        reqs.len(),
        1,
        "one POST, no search before the first attempt"
    );
    assert_eq!(
        reqs[0].header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    let body = reqs[0].json();
    assert_eq!(body["uri"], URL);
    assert_eq!(body["target"][0]["selector"][0]["exact"], "Assimi Goita");
    assert_eq!(m.annotations().len(), 1);
}

#[test]
fn a_refused_token_leaves_the_note_queued_and_is_never_shown() {
    let (m, n, events, store) = run(vec![], "wrong-token-value-42");
    assert_eq!(n.status, Status::Queued);
    assert!(n.hypothesis.is_none());
    let reason = events
        .iter()
        .find_map(|e| match e {
            OutboxEvent::Deferred { reason, .. } => Some(reason.clone()),
            _ => None,
        })
        .expect("deferred");
    assert!(
        reason.contains("401") && reason.contains("token"),
        "{reason}"
    );
    let everything = format!(
        "{events:?}{}",
        std::fs::read_to_string(store.path()).expect("read")
    );
    assert!(
        !everything.contains("wrong-token-value-42"),
        "the token leaked: {everything}"
    );
    assert!(
        everything.contains("[token]"),
        "the server's echo is redacted"
    );
    assert_eq!(
        posts(&m),
        1,
        "a token refusal is not retried in the same run"
    );
    assert!(m.annotations().is_empty());
}

#[test]
fn too_many_requests_waits_for_retry_after() {
    let (m, n, events, _) = run(vec![Misbehave::Status(429, Some(1))], TOKEN);
    assert_eq!(n.status, Status::Sent, "{events:?}");
    let after = events
        .iter()
        .find_map(|e| match e {
            OutboxEvent::Retrying { after, .. } => Some(*after),
            _ => None,
        })
        .expect("a retry");
    assert!(after >= Duration::from_secs(1), "{after:?}");
    assert_eq!(n.attempts[0].retry_after_secs, Some(1));
    assert_eq!(m.annotations().len(), 1);
}

#[test]
fn server_error_then_success_creates_exactly_one() {
    let (m, n, events, _) = run(vec![Misbehave::Status(500, None)], TOKEN);
    assert_eq!(n.status, Status::Sent, "{events:?}");
    assert_eq!(m.annotations().len(), 1);
    let kinds: Vec<String> = m
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.path()))
        .collect();
    assert_eq!(
        kinds,
        [
            "POST /api/annotations",
            "GET /api/search",
            "POST /api/annotations"
        ]
    );
}

#[test]
fn a_lost_response_is_found_by_its_marker_not_posted_twice() {
    let (m, n, events, _) = run(vec![Misbehave::LoseResponse], TOKEN);
    assert_eq!(n.status, Status::Sent, "{events:?}");
    assert_eq!(m.annotations().len(), 1, "no duplicate");
    assert_eq!(posts(&m), 1);
    assert_eq!(n.hypothesis.expect("record").id, "hyp0001");
}

#[test]
fn hypothesis_then_mail_in_the_configured_order() {
    use lede::notes::DestinationKind;
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("notes.jsonl"));
    let a = Article {
        headline: "Le président malien à Moscou".into(),
        in_language: "fr".into(),
        url: Some(URL.into()),
        paragraphs: vec!["Le président Assimi Goita se rendra à Moscou.".into()],
        feedback: Some(lede::article::Feedback {
            prompt: "Une erreur ?".into(),
            endpoint: Some("mailto:corrections@example.org".into()),
            ..Default::default()
        }),
        ..Default::default()
    }
    .finish();
    let span = Note::find_quote(&a.text(), "Assimi Goita", 1).expect("quote");
    let d = Draft {
        comment: "Le nom prend un tréma.".into(),
        ..Draft::default()
    };
    let n = Note::new(&a, span, &d).expect("note");
    store.append(&n).expect("save");
    let m = mock::start(TOKEN, vec![]);
    let cfg = HypothesisConfig {
        api: Some(m.api.clone()),
        ..HypothesisConfig::default()
    };
    let h = Outbox::spawn(OutboxConfig {
        store: store.path().to_path_buf(),
        hypothesis: Some(HypothesisSettings::resolve(&cfg, Some(TOKEN.into()))),
        order: Some(vec![DestinationKind::Hypothesis, DestinationKind::Mail]),
        ..OutboxConfig::default()
    });
    h.enqueue(n.id);
    let events = until_idle(&h);
    h.shutdown();
    let sent_at = events
        .iter()
        .position(|e| matches!(e, OutboxEvent::Sent { .. }));
    let mail_at = events.iter().position(|e| {
        matches!(e, OutboxEvent::AwaitingMail { to: Some(t), link, .. }
            if t == "corrections@example.org" && link.starts_with("mailto:corrections@example.org?"))
    });
    assert!(sent_at.is_some() && mail_at > sent_at, "{events:?}");
    let now = store
        .load()
        .expect("load")
        .get(n.id)
        .cloned()
        .expect("note");
    assert_eq!(
        now.status,
        Status::Queued,
        "the e-mail is still to be sent by the user"
    );
    assert!(now.hypothesis.is_some());
    assert_eq!(m.annotations().len(), 1);
}
