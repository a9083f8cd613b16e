//! A loopback Hypothesis API (`POST /api/annotations`, `GET /api/search`)
//! with token checks, misbehaving on demand.

use super::{Reply, Request, serve};
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};

/// What the next `POST` does instead of answering 201.
#[derive(Debug, Clone)]
pub enum Misbehave {
    /// Answer this status (and `Retry-After` seconds), creating nothing.
    Status(u16, Option<u64>),
    /// Create the annotation, then close the connection without answering.
    LoseResponse,
}

#[derive(Debug, Default)]
pub struct State {
    pub annotations: Vec<Value>,
    pub script: VecDeque<Misbehave>,
    pub token: String,
}

pub struct Mock {
    /// The API base URL, `http://127.0.0.1:PORT/api`.
    pub api: String,
    pub requests: Receiver<Request>,
    pub state: Arc<Mutex<State>>,
}

impl Mock {
    pub fn annotations(&self) -> Vec<Value> {
        self.state.lock().expect("state").annotations.clone()
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.try_iter().collect()
    }
}

pub fn start(token: &str, script: Vec<Misbehave>) -> Mock {
    let state = Arc::new(Mutex::new(State {
        token: token.to_string(),
        script: script.into(),
        ..State::default()
    }));
    let s = Arc::clone(&state);
    let (base, requests) = serve(move |req| handle(&mut s.lock().expect("state"), req));
    Mock {
        api: format!("{base}/api"),
        requests,
        state,
    }
}

fn handle(state: &mut State, req: &Request) -> Reply {
    let auth = req.header("authorization");
    let good = auth == Some(&format!("Bearer {}", state.token));
    match (req.method.as_str(), req.path()) {
        ("POST", "/api/annotations") => {
            if !good {
                // A careless server that echoes what it was given.
                return Reply::json(
                    401,
                    format!(
                        r#"{{"status":"failure","reason":"bad token: {}"}}"#,
                        auth.unwrap_or("")
                    ),
                );
            }
            match state.script.pop_front() {
                Some(Misbehave::Status(code, retry_after)) => Reply::Json(
                    code,
                    retry_after
                        .map(|s| vec![("Retry-After".to_string(), s.to_string())])
                        .unwrap_or_default(),
                    r#"{"status":"failure","reason":"try later"}"#.into(),
                ),
                Some(Misbehave::LoseResponse) => {
                    create(state, req);
                    Reply::Drop
                }
                None => Reply::json(201, create(state, req).to_string()),
            }
        }
        ("GET", "/api/search") => {
            if auth.is_some() && !good {
                return Reply::json(401, r#"{"status":"failure"}"#);
            }
            let tag = req.param("tag");
            let uri = req.param("uri");
            let group = req.param("group").unwrap_or_else(|| "__world__".into());
            let limit: usize = req
                .param("limit")
                .and_then(|l| l.parse().ok())
                .unwrap_or(20)
                .min(200);
            let offset: usize = req
                .param("offset")
                .and_then(|l| l.parse().ok())
                .unwrap_or(0);
            let matching: Vec<&Value> = state
                .annotations
                .iter()
                .filter(|a| a["group"] == group.as_str())
                .filter(|a| uri.as_ref().is_none_or(|u| a["uri"] == u.as_str()))
                .filter(|a| {
                    tag.as_ref().is_none_or(|t| {
                        a["tags"]
                            .as_array()
                            .is_some_and(|tags| tags.iter().any(|x| x == t.as_str()))
                    })
                })
                .collect();
            let rows: Vec<&Value> = matching.iter().skip(offset).take(limit).copied().collect();
            Reply::json(
                200,
                json!({"total": matching.len(), "rows": rows}).to_string(),
            )
        }
        _ => Reply::json(404, r#"{"status":"failure","reason":"not found"}"#),
    }
}

fn create(state: &mut State, req: &Request) -> Value {
    let mut a = req.json();
    let id = format!("hyp{:04}", state.annotations.len() + 1);
    a["id"] = json!(id);
    a["created"] = json!("2026-12-01T10:00:00.000000+00:00");
    a["user"] = json!("acct:tester@hypothes.is");
    a["links"] = json!({
        "html": format!("https://hypothes.is/a/{id}"),
        "incontext": format!("https://hyp.is/{id}/news.example/mali"),
    });
    state.annotations.push(a.clone());
    a
}

/// An annotation by someone else on `uri`, quoting `exact`.
pub fn foreign(n: usize, uri: &str, exact: &str, text: &str) -> Value {
    json!({
        "id": format!("other{n:04}"),
        "created": format!("2026-11-{:02}T08:00:00+00:00", 1 + n % 28),
        "user": format!("acct:reader{n}@hypothes.is"),
        "user_info": {"display_name": format!("Reader {n}")},
        "uri": uri,
        "group": "__world__",
        "text": text,
        "tags": [],
        "links": {"html": format!("https://hypothes.is/a/other{n:04}")},
        "target": [{"source": uri, "selector": [
            {"type": "TextQuoteSelector", "exact": exact, "prefix": "", "suffix": ""},
            {"type": "TextPositionSelector", "start": 5, "end": 5 + exact.chars().count()}
        ]}]
    })
}
