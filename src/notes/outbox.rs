//! The outbox: a background thread that sends queued notes and records every
//! attempt as a new revision. The caller only sends commands down a channel
//! and reads events from another, so it never blocks (the reader UI polls
//! [`OutboxHandle::events`] in its loop; `lede notes submit` waits for
//! [`OutboxEvent::Idle`]).
//!
//! 1. A note is saved locally as `queued` before any network call.
//! 2. Before its first attempt the W3C body is frozen into the note
//!    (`payload`), so every retry sends the same bytes, with the note id as
//!    `Idempotency-Key`.
//! 3. 2xx: `sent`, `Location` kept. Network error, 408, 429, 5xx: retried with
//!    backoff and jitter, honouring `Retry-After`, at most
//!    [`RetryPolicy::max_attempts`] times per run, then left queued for the
//!    next run. Any other answer: `failed`, with the reason.
//! 4. Several destinations ([`super::destination::Routing`]) are served in
//!    the configured order, each once: a note is `sent` when it reached every
//!    one. Hypothesis: see [`super::hypothesis::deliver`]; a 401/403 leaves
//!    the note queued with a message about the token. A pending e-mail is
//!    reported ([`OutboxEvent::AwaitingMail`]) for the user to send.

use super::destination::{Destination, DestinationKind, Routing};
use super::export::submission_body;
use super::hypothesis::HypothesisSettings;
use super::hypothesis::client::{Api, CallError};
use super::model::{Attempt, AttemptOutcome, Note, Status, now_utc};
use super::store::{Store, StoreError};
use super::submit::{Client, Response, RetryPolicy, Timeouts};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use uuid::Uuid;

/// How the outbox is set up.
#[derive(Debug, Clone, Default)]
pub struct OutboxConfig {
    pub store: PathBuf,
    /// `--endpoint` / `LEDE_ENDPOINT`: wins over everything.
    pub endpoint: Option<String>,
    /// The config file's `[notes] endpoint`.
    pub config_endpoint: Option<String>,
    /// `[notes.hypothesis]`, resolved (its `Debug` hides the token).
    pub hypothesis: Option<HypothesisSettings>,
    /// `[notes] destinations`: the order of submission.
    pub order: Option<Vec<DestinationKind>>,
    pub policy: RetryPolicy,
    pub timeouts: Timeouts,
}

/// What happened to a note, as it happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutboxEvent {
    /// An attempt starts.
    Sending {
        id: Uuid,
        attempt: u32,
        endpoint: String,
    },
    /// The server accepted the note.
    Sent {
        id: Uuid,
        status: u16,
        location: Option<String>,
    },
    /// The attempt failed in a way worth retrying; the next one is due after `after`.
    Retrying {
        id: Uuid,
        attempt: u32,
        after: Duration,
        reason: String,
    },
    /// No more attempts in this run (attempts used up, or the server asked to
    /// wait longer than the policy allows). The note stays queued.
    Deferred { id: Uuid, reason: String },
    /// The server refused the note; it is marked `failed`.
    Failed {
        id: Uuid,
        status: Option<u16>,
        reason: String,
    },
    /// No endpoint is configured for this note: it stays saved and queued
    /// locally. When the publisher takes corrections by e-mail, `mailto` is a
    /// ready `mailto:` link with the note's fields.
    NoEndpoint { id: Uuid, mailto: Option<String> },
    /// The note waits for the user to send it by e-mail (a configured
    /// destination): `link` is a ready `mailto:` link.
    AwaitingMail {
        id: Uuid,
        to: Option<String>,
        link: String,
    },
    /// The notes file could not be read or written.
    StoreError { id: Option<Uuid>, message: String },
    /// Nothing left to do until the next command.
    Idle,
}

enum Command {
    Enqueue(Uuid),
    EnqueuePending,
    Shutdown,
}

/// The caller's side of the outbox.
pub struct OutboxHandle {
    commands: Sender<Command>,
    events: Receiver<OutboxEvent>,
    thread: Option<JoinHandle<()>>,
}

pub struct Outbox;

impl Outbox {
    /// Start the worker thread.
    pub fn spawn(config: OutboxConfig) -> OutboxHandle {
        let (commands, command_rx) = mpsc::channel();
        let (event_tx, events) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("lede-outbox".into())
            .spawn(move || Worker::new(config, event_tx).run(command_rx))
            .ok();
        OutboxHandle {
            commands,
            events,
            thread,
        }
    }
}

impl OutboxHandle {
    /// Send (or resend) this note in the background.
    pub fn enqueue(&self, id: Uuid) {
        let _ = self.commands.send(Command::Enqueue(id));
    }

    /// Send every note still queued in the store (at start, or `lede notes submit`).
    pub fn enqueue_pending(&self) {
        let _ = self.commands.send(Command::EnqueuePending);
    }

    /// The events, to poll with `try_recv` or wait on.
    pub fn events(&self) -> &Receiver<OutboxEvent> {
        &self.events
    }

    /// Stop after the current attempt and wait for the thread. Notes not yet
    /// sent stay queued in the store.
    pub fn shutdown(mut self) {
        let _ = self.commands.send(Command::Shutdown);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

struct Scheduled {
    id: Uuid,
    due: Instant,
    /// Attempts made in this run.
    attempts: u32,
}

impl OutboxConfig {
    /// These settings sending where `routing` says.
    pub fn routed(self, routing: Routing) -> OutboxConfig {
        OutboxConfig {
            endpoint: routing.endpoint,
            config_endpoint: routing.config_endpoint,
            hypothesis: routing.hypothesis,
            order: routing.order,
            ..self
        }
    }

    /// Where notes go, from these settings.
    pub fn routing(&self) -> Routing {
        Routing {
            endpoint: self.endpoint.clone(),
            config_endpoint: self.config_endpoint.clone(),
            hypothesis: self.hypothesis.clone(),
            order: self.order.clone(),
        }
    }
}

struct Worker {
    store: Store,
    config: OutboxConfig,
    routing: Routing,
    client: Client,
    events: Sender<OutboxEvent>,
    schedule: Vec<Scheduled>,
}

impl Worker {
    fn new(config: OutboxConfig, events: Sender<OutboxEvent>) -> Worker {
        Worker {
            store: Store::new(config.store.clone()),
            client: Client::new(config.timeouts),
            routing: config.routing(),
            config,
            events,
            schedule: Vec::new(),
        }
    }

    fn emit(&self, e: OutboxEvent) {
        let _ = self.events.send(e);
    }

    fn run(mut self, commands: Receiver<Command>) {
        loop {
            let next = self.schedule.iter().map(|s| s.due).min();
            let command = match next {
                None => match commands.recv() {
                    Ok(c) => Some(c),
                    Err(_) => return,
                },
                Some(due) => {
                    match commands.recv_timeout(due.saturating_duration_since(Instant::now())) {
                        Ok(c) => Some(c),
                        Err(RecvTimeoutError::Timeout) => None,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
            };
            match command {
                Some(Command::Shutdown) => return,
                Some(Command::Enqueue(id)) => self.schedule_now(id),
                Some(Command::EnqueuePending) => match self.store.load() {
                    Ok(loaded) => {
                        for n in loaded.notes.iter().filter(|n| n.is_pending()) {
                            self.schedule_now(n.id);
                        }
                    }
                    Err(e) => self.emit(OutboxEvent::StoreError {
                        id: None,
                        message: e.to_string(),
                    }),
                },
                None => {}
            }
            let now = Instant::now();
            while let Some(i) = self.schedule.iter().position(|s| s.due <= now) {
                let item = self.schedule.remove(i);
                self.attempt(item);
            }
            if self.schedule.is_empty() {
                self.emit(OutboxEvent::Idle);
            }
        }
    }

    fn schedule_now(&mut self, id: Uuid) {
        if !self.schedule.iter().any(|s| s.id == id) {
            self.schedule.push(Scheduled {
                id,
                due: Instant::now(),
                attempts: 0,
            });
        }
    }

    fn store_error(&self, id: Uuid, e: StoreError) {
        self.emit(OutboxEvent::StoreError {
            id: Some(id),
            message: e.to_string(),
        });
    }

    /// One attempt for one note; reschedules it when it should be retried.
    fn attempt(&mut self, mut item: Scheduled) {
        let id = item.id;
        let note = match self.store.load() {
            Ok(l) => l.get(id).cloned(),
            Err(e) => return self.store_error(id, e),
        };
        let Some(note) = note else {
            return self.store_error(
                id,
                StoreError::NotFound {
                    path: self.store.path().to_path_buf(),
                    id,
                },
            );
        };
        if !note.is_pending() {
            return;
        }
        let pending = self.routing.pending(&note);
        let endpoint = match pending.first() {
            Some(Destination::Endpoint(e)) => e.clone(),
            Some(Destination::Hypothesis(h)) => {
                let h = h.clone();
                return self.attempt_hypothesis(item, &note, &h);
            }
            Some(Destination::Mail(to)) => return self.awaiting_mail(&note, to.clone()),
            None => return self.nowhere_left(&note),
        };
        let payload = match self.frozen_payload(&note) {
            Ok(p) => p,
            Err(e) => return self.store_error(id, e),
        };
        item.attempts += 1;
        self.emit(OutboxEvent::Sending {
            id,
            attempt: item.attempts,
            endpoint: endpoint.clone(),
        });
        let response = self.client.post(&endpoint, &id.to_string(), &payload);
        let routing = &self.routing;
        let recorded = self.store.update(id, |n| {
            record(n, &endpoint, &response);
            settle(routing, n);
        });
        if let Err(e) = recorded {
            // The outcome could not be saved: say so, and do not claim more.
            return self.store_error(id, e);
        }
        match response {
            Response::Accepted { status, location } => {
                self.emit(OutboxEvent::Sent {
                    id,
                    status,
                    location,
                });
                self.next_destination(item);
            }
            Response::Rejected { status, message } => self.emit(OutboxEvent::Failed {
                id,
                status,
                reason: message,
            }),
            Response::Retry {
                message,
                retry_after,
                ..
            } => self.retry_later(item, message, retry_after),
        }
    }

    /// After a destination was reached: go on with the next one now.
    fn next_destination(&mut self, mut item: Scheduled) {
        let more = self
            .store
            .load()
            .ok()
            .and_then(|l| l.get(item.id).cloned())
            .is_some_and(|n| n.is_pending());
        if more {
            item.attempts = 0;
            item.due = Instant::now();
            self.schedule.push(item);
        }
    }

    /// A failure worth retrying: again after a backoff, or left queued.
    fn retry_later(&mut self, mut item: Scheduled, message: String, retry_after: Option<Duration>) {
        let id = item.id;
        if item.attempts >= self.config.policy.max_attempts {
            return self.emit(OutboxEvent::Deferred {
                id,
                reason: format!(
                    "{message} (after {} attempts; it stays queued)",
                    item.attempts
                ),
            });
        }
        match self.config.policy.delay(item.attempts, retry_after) {
            Some(after) => {
                self.emit(OutboxEvent::Retrying {
                    id,
                    attempt: item.attempts,
                    after,
                    reason: message,
                });
                item.due = Instant::now() + after;
                self.schedule.push(item);
            }
            None => self.emit(OutboxEvent::Deferred {
                id,
                reason: format!(
                    "{message} (the server asks to wait {}s; it stays queued)",
                    retry_after.unwrap_or_default().as_secs()
                ),
            }),
        }
    }

    /// The next destination is an e-mail the user sends: offer the link.
    fn awaiting_mail(&self, note: &Note, to: Option<String>) {
        let id = note.id;
        let link = super::mail::mailto_link(note, to.as_deref());
        // Without a configured order, mail is only the fallback for "no
        // endpoint", reported as it always was.
        self.emit(if self.routing.order.is_none() {
            OutboxEvent::NoEndpoint {
                id,
                mailto: to.as_ref().map(|_| link),
            }
        } else {
            OutboxEvent::AwaitingMail { id, to, link }
        });
    }

    /// No destination left for a queued note.
    fn nowhere_left(&self, note: &Note) {
        let id = note.id;
        if self.routing.for_article(&note.article).is_empty() {
            return self.emit(OutboxEvent::NoEndpoint { id, mailto: None });
        }
        // Every destination reached (an older run stopped before saying so).
        if let Err(e) = self.store.update(id, |n| n.status = Status::Sent) {
            self.store_error(id, e);
        }
    }

    /// One attempt to deliver `note` to Hypothesis.
    fn attempt_hypothesis(&mut self, mut item: Scheduled, note: &Note, h: &HypothesisSettings) {
        let id = item.id;
        let create_url = h.create_url();
        item.attempts += 1;
        self.emit(OutboxEvent::Sending {
            id,
            attempt: item.attempts,
            endpoint: create_url.clone(),
        });
        let api = Api::new(h, self.config.timeouts);
        let result = super::hypothesis::deliver::deliver(h, &api, note);
        let routing = &self.routing;
        let recorded = self.store.update(id, |n| {
            let (outcome, status, message, retry_after) = match &result {
                Ok((status, rec)) => {
                    n.hypothesis = Some(rec.clone());
                    (AttemptOutcome::Sent, Some(*status), String::new(), None)
                }
                Err(CallError::Retry {
                    status,
                    message,
                    retry_after,
                }) => (
                    AttemptOutcome::Retry,
                    *status,
                    message.clone(),
                    *retry_after,
                ),
                Err(CallError::Token { status, message }) => {
                    (AttemptOutcome::Retry, *status, message.clone(), None)
                }
                Err(CallError::Rejected { status, message }) => {
                    n.status = Status::Failed;
                    (AttemptOutcome::Rejected, *status, message.clone(), None)
                }
            };
            n.attempts.push(Attempt {
                at: now_utc(),
                endpoint: create_url.clone(),
                outcome,
                http_status: status,
                message,
                retry_after_secs: retry_after.map(|d| d.as_secs()),
            });
            settle(routing, n);
        });
        if let Err(e) = recorded {
            return self.store_error(id, e);
        }
        match result {
            Ok((status, rec)) => {
                self.emit(OutboxEvent::Sent {
                    id,
                    status,
                    location: rec.link().map(str::to_string),
                });
                self.next_destination(item);
            }
            Err(CallError::Retry {
                message,
                retry_after,
                ..
            }) => self.retry_later(item, message, retry_after),
            Err(CallError::Token { message, .. }) => self.emit(OutboxEvent::Deferred {
                id,
                reason: message,
            }),
            Err(CallError::Rejected { status, message }) => self.emit(OutboxEvent::Failed {
                id,
                status,
                reason: message,
            }),
        }
    }

    /// The body to send: frozen in the note before the first attempt.
    fn frozen_payload(&self, note: &Note) -> Result<String, StoreError> {
        if let Some(p) = &note.payload {
            return Ok(p.clone());
        }
        let body = submission_body(note)?;
        let saved = self.store.update(note.id, |n| {
            if n.payload.is_none() {
                n.payload = Some(body.clone());
            }
        })?;
        Ok(saved.payload.unwrap_or(body))
    }
}

/// Apply one attempt's outcome to a new revision of the note.
fn record(note: &mut Note, endpoint: &str, response: &Response) {
    let (outcome, http_status, message, retry_after) = match response {
        Response::Accepted { status, location } => {
            note.status = Status::Sent;
            note.location = location.clone();
            (AttemptOutcome::Sent, Some(*status), String::new(), None)
        }
        Response::Retry {
            status,
            message,
            retry_after,
        } => (
            AttemptOutcome::Retry,
            *status,
            message.clone(),
            retry_after.map(|d| d.as_secs()),
        ),
        Response::Rejected { status, message } => {
            note.status = Status::Failed;
            (AttemptOutcome::Rejected, *status, message.clone(), None)
        }
    };
    note.attempts.push(Attempt {
        at: now_utc(),
        endpoint: endpoint.to_string(),
        outcome,
        http_status,
        message,
        retry_after_secs: retry_after,
    });
}

/// The note's status once an attempt is recorded: `sent` only when every
/// destination is reached (a refusal stays `failed`).
fn settle(routing: &Routing, note: &mut Note) {
    if note.status == Status::Failed || note.status == Status::Withdrawn {
        return;
    }
    note.status = if routing.pending(note).is_empty() {
        Status::Sent
    } else {
        Status::Queued
    };
}
