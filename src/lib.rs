//! lede: a terminal news reader that highlights who, where and when in an
//! article and lets readers file correction notes.
//!
//! The core (`article`, `ingest`, `extract`, `notes`, `library`, `fetch`, `feeds`) has no terminal
//! dependency and compiles with `--no-default-features`; only `ui` (behind the
//! default `tui` feature) knows about ratatui and crossterm.

pub mod article;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod eval;
pub mod extract;
pub mod feeds;
pub mod fetch;
pub mod ingest;
pub mod library;
pub mod notes;
pub mod text;
#[cfg(feature = "tui")]
pub mod ui;
