//! Effects as values: what `update` asks the world to do. The run loop
//! ([`super::run`]) executes them and feeds their results back as messages;
//! a test asserts on the commands and feeds the result itself.

use crate::notes::revise::Change;
use crate::notes::{self, Note, OutboxHandle};
use crate::ui::app::App;
use crate::ui::msg::Msg;
use crate::ui::worker::Worker;
use std::collections::VecDeque;
use std::path::PathBuf;
use uuid::Uuid;

/// A note to append to a notes file (and fsync) before anything says "saved".
#[derive(Debug, Clone)]
pub struct SaveNote {
    pub note: Note,
    pub path: PathBuf,
    /// Index of the article the note is about.
    pub article: usize,
    /// True when `path` is the reader's notes file (not a "save to" file).
    pub main_file: bool,
}

/// What happened to a [`SaveNote`]: `Ok` once the line is on disk.
#[derive(Debug, Clone)]
pub struct Saved {
    pub save: SaveNote,
    pub result: Result<(), String>,
}

/// A change to a saved note: a new revision appended to the notes file
/// (and fsynced) by `notes::revise`, which checks it again against the file.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviseNote {
    pub path: PathBuf,
    pub id: Uuid,
    pub change: Change,
}

/// What happened to a [`ReviseNote`]: the new revision once it is on disk.
#[derive(Debug, Clone)]
pub struct Revised {
    pub revise: ReviseNote,
    pub result: Result<Note, String>,
}

#[derive(Debug, Clone)]
pub enum Cmd {
    /// Analyse article `index` in the background ([`Msg::Analysed`] comes back).
    Analyse(usize),
    /// Append a note to a notes file ([`Msg::NoteSaved`] comes back).
    SaveNote(Box<SaveNote>),
    /// Write a new revision of a note ([`Msg::NoteRevised`] comes back).
    ReviseNote(Box<ReviseNote>),
    /// Hand a saved note to the outbox (its events come back as [`Msg::Outbox`]).
    Submit(Uuid),
    /// Leave the reader (the terminal is restored).
    Quit,
}

impl PartialEq for Cmd {
    fn eq(&self, other: &Cmd) -> bool {
        match (self, other) {
            (Cmd::Analyse(a), Cmd::Analyse(b)) => a == b,
            (Cmd::SaveNote(a), Cmd::SaveNote(b)) => a.note.id == b.note.id && a.path == b.path,
            (Cmd::ReviseNote(a), Cmd::ReviseNote(b)) => a == b,
            (Cmd::Submit(a), Cmd::Submit(b)) => a == b,
            (Cmd::Quit, Cmd::Quit) => true,
            _ => false,
        }
    }
}

/// Append the note and fsync it (`Store::append`); the message says how it went.
pub fn save_note(save: Box<SaveNote>) -> Msg {
    let result = notes::Store::new(&save.path)
        .append(&save.note)
        .map_err(|e| e.to_string());
    Msg::NoteSaved(Box::new(Saved {
        save: *save,
        result,
    }))
}

/// Check and append the new revision (`notes::revise`, fsynced as every
/// append); the message says how it went.
pub fn revise_note(r: ReviseNote) -> Msg {
    let result = notes::revise::revise(&notes::Store::new(&r.path), r.id, &r.change)
        .map_err(|e| e.to_string());
    Msg::NoteRevised(Box::new(Revised { revise: r, result }))
}

/// Apply `msg` and everything it leads to without a terminal, a worker or a
/// network: notes are saved and revised on disk (as the run loop does); the commands
/// that need the outside world (analysis, outbox, quit) are returned, in order.
/// Tests and benches drive the reader with this.
pub fn dispatch(app: &mut App, msg: Msg) -> Vec<Cmd> {
    let mut rest = Vec::new();
    let mut queue: VecDeque<Cmd> = app.update(msg).into();
    while let Some(cmd) = queue.pop_front() {
        match cmd {
            Cmd::SaveNote(s) => queue.extend(app.update(save_note(s))),
            Cmd::ReviseNote(r) => queue.extend(app.update(revise_note(*r))),
            other => rest.push(other),
        }
    }
    rest
}

/// The run loop's side of the commands: the analysis worker and the outbox.
pub struct Effects {
    pub worker: Worker,
    pub outbox: Option<OutboxHandle>,
    /// A [`Cmd::Quit`] was run.
    pub quit: bool,
}

impl Effects {
    pub fn new(worker: Worker, outbox: Option<OutboxHandle>) -> Effects {
        Effects {
            worker,
            outbox,
            quit: false,
        }
    }

    /// Update the app with `msg` and run what it asks, results included.
    pub fn send(&mut self, app: &mut App, msg: Msg) {
        let cmds = app.update(msg);
        self.run(app, cmds);
    }

    /// Run commands; each result goes back through `update`, and whatever
    /// that asks is run too (no cap: nothing is dropped).
    pub fn run(&mut self, app: &mut App, cmds: Vec<Cmd>) {
        let mut queue: VecDeque<Cmd> = cmds.into();
        while let Some(cmd) = queue.pop_front() {
            match cmd {
                Cmd::Analyse(i) => self.worker.want(i),
                Cmd::SaveNote(s) => queue.extend(app.update(save_note(s))),
                Cmd::ReviseNote(r) => queue.extend(app.update(revise_note(*r))),
                Cmd::Submit(id) => {
                    if let Some(o) = &self.outbox {
                        o.enqueue(id);
                    }
                }
                Cmd::Quit => self.quit = true,
            }
        }
    }

    /// The articles were loaded: a worker for them, then what the update asks.
    pub fn loaded(&mut self, app: &mut App, loaded: crate::ingest::Loaded) {
        let cmds = app.update(Msg::Loaded(Box::new(loaded)));
        self.worker = Worker::spawn(app.shared.articles.clone());
        self.run(app, cmds);
    }

    /// What the worker and the outbox have sent since the last call, as
    /// messages (never waits). True when there was something.
    pub fn poll(&mut self, app: &mut App) -> bool {
        let mut msgs: Vec<Msg> = self
            .worker
            .results
            .try_iter()
            .map(|(i, a)| match a {
                Some(a) => Msg::Analysed(i, a),
                None => Msg::AnalysisFailed(i),
            })
            .collect();
        if let Some(o) = &self.outbox {
            msgs.extend(o.events().try_iter().map(Msg::Outbox));
        }
        let any = !msgs.is_empty();
        for m in msgs {
            self.send(app, m);
        }
        any
    }
}
