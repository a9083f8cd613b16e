//! Submission against a real HTTP server on 127.0.0.1, started by each test.

use lede::article::{Article, Feedback};
use lede::notes::export::MEDIA_TYPE;
use lede::notes::{
    AttemptOutcome, Draft, Note, Outbox, OutboxConfig, OutboxEvent, OutboxHandle, RetryPolicy,
    Status, Store, Timeouts,
};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

/// Safety net so a broken test fails instead of hanging; never a timing assertion.
const PATIENCE: Duration = Duration::from_secs(60);

#[derive(Debug, Clone)]
struct Request {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone)]
enum Reply {
    Status(u16, Vec<(&'static str, String)>, &'static str),
    /// Read the request and never answer (until the client gives up).
    Hang,
}

fn created(location: &str) -> Reply {
    Reply::Status(201, vec![("Location", location.to_string())], "{}")
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let path = parts.next()?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (name, value) = h.split_once(':')?;
        headers.push((name.trim().to_string(), value.trim().to_string()));
    }
    let len: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        path,
        headers,
        body,
    })
}

/// Serve `replies` in order on `listener` (the last one repeats), reporting
/// every request received.
fn serve(listener: TcpListener, replies: Vec<Reply>) -> Receiver<Request> {
    let (tx, rx): (Sender<Request>, Receiver<Request>) = mpsc::channel();
    std::thread::spawn(move || {
        for (i, stream) in listener.incoming().enumerate() {
            let Ok(mut stream) = stream else { continue };
            let reply = replies
                .get(i)
                .or(replies.last())
                .cloned()
                .unwrap_or(Reply::Hang);
            let tx = tx.clone();
            std::thread::spawn(move || {
                let Some(req) = read_request(&mut stream) else {
                    return;
                };
                let _ = tx.send(req);
                match reply {
                    Reply::Status(code, headers, body) => {
                        let mut head = format!(
                            "HTTP/1.1 {code} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                            body.len()
                        );
                        for (n, v) in headers {
                            head.push_str(&format!("{n}: {v}\r\n"));
                        }
                        head.push_str("\r\n");
                        let _ = stream.write_all(head.as_bytes());
                        let _ = stream.write_all(body.as_bytes());
                    }
                    Reply::Hang => {
                        // Wait until the client hangs up.
                        let mut sink = [0u8; 256];
                        while matches!(stream.read(&mut sink), Ok(n) if n > 0) {}
                    }
                }
            });
        }
    });
    rx
}

fn start(replies: Vec<Reply>) -> (String, Receiver<Request>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    (
        format!("http://{addr}/annotations/"),
        serve(listener, replies),
    )
}

fn article(feedback_endpoint: Option<&str>) -> Article {
    Article {
        headline: "Le président malien à Moscou".into(),
        in_language: "fr".into(),
        paragraphs: vec!["Le président Assimi Goita se rendra à Moscou.".into()],
        feedback: feedback_endpoint.map(|e| Feedback {
            prompt: "Avez-vous trouvé une erreur ?".into(),
            endpoint: Some(e.into()),
            ..Default::default()
        }),
        ..Default::default()
    }
    .finish()
}

fn saved_note(store: &Store, feedback_endpoint: Option<&str>) -> Note {
    let a = article(feedback_endpoint);
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

fn outbox(
    store: &Path,
    endpoint: Option<&str>,
    policy: RetryPolicy,
    response: Duration,
) -> OutboxHandle {
    Outbox::spawn(OutboxConfig {
        store: store.to_path_buf(),
        endpoint: endpoint.map(str::to_string),
        config_endpoint: None,
        policy,
        timeouts: Timeouts {
            connect: Duration::from_secs(5),
            response,
        },
        ..OutboxConfig::default()
    })
}

fn quick(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        base: Duration::from_millis(5),
        max_delay: Duration::from_secs(5),
    }
}

/// Events until (and including) the first `Idle`.
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

fn current(store: &Store, n: &Note) -> Note {
    store
        .load()
        .expect("load")
        .get(n.id)
        .cloned()
        .expect("note still there")
}

fn no_more_requests(rx: &Receiver<Request>) -> bool {
    rx.try_recv().is_err()
}

#[test]
fn created_201_marks_sent_and_keeps_the_location() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("notes.jsonl"));
    let n = saved_note(&store, None);
    let (url, requests) = start(vec![created("/annotations/42")]);
    let h = outbox(store.path(), Some(&url), quick(3), Duration::from_secs(30));
    h.enqueue(n.id);
    let events = until_idle(&h);
    assert!(
        events.iter().any(|e| matches!(e, OutboxEvent::Sent { status: 201, location: Some(l), .. } if l.ends_with("/annotations/42"))),
        "{events:?}"
    );
    let req = requests.recv_timeout(PATIENCE).expect("request");
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/annotations/");
    assert_eq!(req.header("content-type"), Some(MEDIA_TYPE));
    assert_eq!(
        req.header("idempotency-key"),
        Some(n.id.to_string().as_str())
    );
    let body: serde_json::Value = serde_json::from_slice(&req.body).expect("JSON body");
    assert_eq!(body["motivation"], "editing");
    assert_eq!(body["via"], format!("urn:uuid:{}", n.id));
    let now = current(&store, &n);
    assert_eq!(now.status, Status::Sent);
    assert_eq!(now.location.as_deref(), Some(format!("{}42", url).as_str()));
    assert_eq!(
        now.payload.as_deref().map(str::as_bytes),
        Some(req.body.as_slice())
    );
    assert_eq!(now.attempts.len(), 1);
    assert_eq!(now.attempts[0].http_status, Some(201));
    h.shutdown();
}

#[test]
fn server_down_then_up_the_note_goes_out_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("notes.jsonl"));
    let n = saved_note(&store, None);
    // A port with nothing listening.
    let addr: SocketAddr = {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr")
    };
    let url = format!("http://{addr}/annotations/");
    let h = outbox(store.path(), Some(&url), quick(2), Duration::from_secs(30));
    h.enqueue_pending();
    let events = until_idle(&h);
    assert!(
        events
            .iter()
            .any(|e| matches!(e, OutboxEvent::Retrying { .. })),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e, OutboxEvent::Deferred { .. })),
        "{events:?}"
    );
    h.shutdown();
    let after_down = current(&store, &n);
    assert_eq!(after_down.status, Status::Queued);
    assert_eq!(after_down.attempts.len(), 2);
    assert!(
        after_down
            .attempts
            .iter()
            .all(|a| a.outcome == AttemptOutcome::Retry)
    );

    // The server comes up on that port; the next run sends the note.
    let listener = TcpListener::bind(addr).expect("bind the same port again");
    let requests = serve(listener, vec![created("/annotations/1")]);
    let h = outbox(store.path(), Some(&url), quick(2), Duration::from_secs(30));
    h.enqueue_pending();
    let events = until_idle(&h);
    assert!(
        events.iter().any(|e| matches!(e, OutboxEvent::Sent { .. })),
        "{events:?}"
    );
    // A further run has nothing to send.
    h.enqueue_pending();
    assert_eq!(until_idle(&h), [OutboxEvent::Idle]);
    h.shutdown();
    assert!(requests.recv_timeout(PATIENCE).is_ok());
    assert!(
        no_more_requests(&requests),
        "the note went out exactly once"
    );
    assert_eq!(current(&store, &n).status, Status::Sent);
}

#[test]
fn a_503_with_retry_after_is_honoured_then_sent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("notes.jsonl"));
    let n = saved_note(&store, None);
    let (url, requests) = start(vec![
        Reply::Status(503, vec![("Retry-After", "1".into())], "maintenance"),
        created("/annotations/7"),
    ]);
    let h = outbox(store.path(), Some(&url), quick(3), Duration::from_secs(30));
    h.enqueue(n.id);
    let events = until_idle(&h);
    let waited = events.iter().find_map(|e| match e {
        OutboxEvent::Retrying { after, reason, .. } => Some((*after, reason.clone())),
        _ => None,
    });
    let (after, reason) = waited.expect("a retry");
    assert!(
        after >= Duration::from_secs(1),
        "waits as the server asked: {after:?}"
    );
    assert!(reason.contains("503"), "{reason}");
    assert!(
        events.iter().any(|e| matches!(e, OutboxEvent::Sent { .. })),
        "{events:?}"
    );
    let now = current(&store, &n);
    assert_eq!(now.attempts[0].retry_after_secs, Some(1));
    assert_eq!(now.attempts[0].http_status, Some(503));
    assert_eq!(now.status, Status::Sent);
    let (a, b) = (
        requests.recv_timeout(PATIENCE).expect("first"),
        requests.recv_timeout(PATIENCE).expect("second"),
    );
    assert_eq!(a.body, b.body);
    h.shutdown();
}

#[test]
fn a_retry_after_beyond_the_policy_leaves_the_note_queued() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("notes.jsonl"));
    let n = saved_note(&store, None);
    let (url, _requests) = start(vec![Reply::Status(
        429,
        vec![("Retry-After", "3600".into())],
        "",
    )]);
    let h = outbox(store.path(), Some(&url), quick(5), Duration::from_secs(30));
    h.enqueue(n.id);
    let events = until_idle(&h);
    assert!(
        events
            .iter()
            .any(|e| matches!(e, OutboxEvent::Deferred { reason, .. } if reason.contains("3600"))),
        "{events:?}"
    );
    assert_eq!(current(&store, &n).status, Status::Queued);
    h.shutdown();
}

#[test]
fn a_400_marks_failed_with_the_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("notes.jsonl"));
    let n = saved_note(&store, None);
    let (url, requests) = start(vec![Reply::Status(400, vec![], "missing target")]);
    let h = outbox(store.path(), Some(&url), quick(5), Duration::from_secs(30));
    h.enqueue(n.id);
    let events = until_idle(&h);
    let reason = events
        .iter()
        .find_map(|e| match e {
            OutboxEvent::Failed {
                status: Some(400),
                reason,
                ..
            } => Some(reason.clone()),
            _ => None,
        })
        .expect("failed event");
    assert!(
        reason.contains("400") && reason.contains("missing target"),
        "{reason}"
    );
    let now = current(&store, &n);
    assert_eq!(now.status, Status::Failed);
    assert_eq!(now.attempts[0].outcome, AttemptOutcome::Rejected);
    assert!(now.attempts[0].message.contains("missing target"));
    // Not retried: one request, and a later run leaves it alone.
    h.enqueue_pending();
    assert_eq!(until_idle(&h), [OutboxEvent::Idle]);
    h.shutdown();
    assert!(requests.recv_timeout(PATIENCE).is_ok());
    assert!(no_more_requests(&requests));
}

#[test]
fn a_slow_server_times_out_then_the_retry_sends_identical_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("notes.jsonl"));
    let n = saved_note(&store, None);
    let (url, requests) = start(vec![Reply::Hang, created("/annotations/9")]);
    let h = outbox(
        store.path(),
        Some(&url),
        // Room for a loaded machine to be slow on the good attempt too.
        quick(6),
        Duration::from_millis(500),
    );
    h.enqueue(n.id);
    let events = until_idle(&h);
    assert!(
        events
            .iter()
            .any(|e| matches!(e, OutboxEvent::Retrying { .. })),
        "{events:?}"
    );
    assert!(
        events.iter().any(|e| matches!(e, OutboxEvent::Sent { .. })),
        "{events:?}"
    );
    h.shutdown();
    let first = requests.recv_timeout(PATIENCE).expect("first");
    let second = requests.recv_timeout(PATIENCE).expect("second");
    // The server can de-duplicate: same key, same bytes.
    assert_eq!(
        first.header("idempotency-key"),
        second.header("idempotency-key")
    );
    assert_eq!(
        first.header("idempotency-key"),
        Some(n.id.to_string().as_str())
    );
    assert_eq!(first.body, second.body);
    let loaded = store.load().expect("load");
    assert_eq!(loaded.notes.len(), 1, "still one note");
    let now = &loaded.notes[0];
    assert_eq!(now.status, Status::Sent);
    let outcomes: Vec<AttemptOutcome> = now.attempts.iter().map(|a| a.outcome).collect();
    assert_eq!(outcomes.first(), Some(&AttemptOutcome::Retry));
    assert_eq!(outcomes.last(), Some(&AttemptOutcome::Sent));
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| **o == AttemptOutcome::Sent)
            .count(),
        1,
        "sent once"
    );
    // Every further request (if a slow machine made more) carried the same bytes.
    while let Ok(more) = requests.try_recv() {
        assert_eq!(more.body, first.body);
    }
}

#[test]
fn without_an_endpoint_the_note_stays_queued() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("notes.jsonl"));
    let n = saved_note(&store, Some("mailto:corrections@example.org"));
    let h = outbox(store.path(), None, quick(3), Duration::from_secs(30));
    h.enqueue(n.id);
    let events = until_idle(&h);
    assert!(
        events.iter().any(
            |e| matches!(e, OutboxEvent::NoEndpoint { id, mailto: Some(link) }
            if *id == n.id && link.starts_with("mailto:corrections@example.org?subject=Correction"))
        ),
        "{events:?}"
    );
    assert_eq!(current(&store, &n).status, Status::Queued);
    h.shutdown();
}

#[test]
fn the_article_s_own_endpoint_is_used_when_none_is_configured() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("notes.jsonl"));
    let (url, requests) = start(vec![created("/annotations/5")]);
    let n = saved_note(&store, Some(&url));
    let h = outbox(store.path(), None, quick(3), Duration::from_secs(30));
    h.enqueue(n.id);
    let events = until_idle(&h);
    assert!(
        events.iter().any(|e| matches!(e, OutboxEvent::Sent { .. })),
        "{events:?}"
    );
    assert!(requests.recv_timeout(PATIENCE).is_ok());
    h.shutdown();
}

#[test]
fn lede_notes_submit_sends_queued_notes_and_prints_outcomes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("notes.jsonl"));
    let first = saved_note(&store, None);
    let second = saved_note(&store, None);
    let (url, requests) = start(vec![
        created("/annotations/1"),
        Reply::Status(422, vec![], "unprocessable"),
    ]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["notes", "submit", "--endpoint", &url])
        .env("LEDE_NOTES", store.path())
        .output()
        .expect("run lede");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "one note failed: {stdout}");
    // The server answers the first request 201 and the second 422, whichever note comes first.
    let (a, b) = (first.id.to_string(), second.id.to_string());
    let sent_line = stdout
        .lines()
        .find(|l| l.starts_with("sent"))
        .expect("a sent line");
    let failed_line = stdout
        .lines()
        .find(|l| l.starts_with("failed"))
        .expect("a failed line");
    assert!(
        (sent_line.contains(&a) && failed_line.contains(&b))
            || (sent_line.contains(&b) && failed_line.contains(&a)),
        "{stdout}"
    );
    assert!(
        failed_line.contains("422") && failed_line.contains("unprocessable"),
        "{stdout}"
    );
    assert!(requests.recv_timeout(PATIENCE).is_ok() && requests.recv_timeout(PATIENCE).is_ok());
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["notes", "submit", "--endpoint", &url])
        .env("LEDE_NOTES", store.path())
        .output()
        .expect("run lede");
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("nothing to send"));
    assert!(no_more_requests(&requests));
    let listed = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["notes", "list"])
        .env("LEDE_NOTES", store.path())
        .output()
        .expect("run lede");
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.contains("failed after 1 attempt(s): HTTP 422"),
        "{listed}"
    );
    assert!(listed.contains("sent: http://127.0.0.1:"), "{listed}");
}
