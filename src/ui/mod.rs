//! The terminal reader. The only module that knows about ratatui and crossterm.
//!
//! The loop: terminal events become [`Msg`]s; `App::update` returns
//! [`cmd::Cmd`]s, which [`cmd::Effects`] runs (their results come back as
//! messages); `views` draw the app without changing it. `mode` says who has
//! the keyboard; `terminal` sets up and always restores the terminal;
//! `worker` analyses articles in the background so the first frame never waits.

pub mod app;
pub mod cmd;
pub mod french;
pub mod i18n;
pub mod keymap;
pub mod layout;
pub mod mode;
pub mod model;
pub mod msg;
pub mod passage;
pub mod positions;
pub mod pubdate;
pub mod search;
pub mod shared;
pub mod terminal;
pub mod text_layout;
pub mod theme;
pub mod views;
pub mod worker;

use crate::article::Article;
use crate::config::Config;
use crate::ingest::{self, LoadOptions, Loaded};
use app::App;
use cmd::Effects;
use crossterm::event::{self, Event, KeyEventKind};
use keymap::KeyMap;
use msg::{MouseInput, Msg};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;
use theme::Theme;

/// The name of the loading thread (see [`terminal`]'s panic hook).
pub const LOAD_THREAD: &str = "lede-load";

/// What the command line gives the reader (the CLI fills it in; the reader
/// does not know the CLI).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Refuse input files larger than this many MiB.
    pub max_file_mb: u64,
    /// The correction-notes file.
    pub notes: Option<PathBuf>,
    /// Where correction notes are submitted.
    pub endpoint: Option<String>,
    /// The config file to use instead of the platform default.
    pub config: Option<PathBuf>,
}

/// Open the reader on `paths` (the bundled articles when empty).
pub fn run(paths: Vec<PathBuf>, options: &Options) -> anyhow::Result<ExitCode> {
    use anyhow::Context as _;
    // Before anything is loaded (standard input included).
    terminal::ensure_terminal()?;
    let config = Config::load_or_default(options.config.as_deref())?;
    let (mut app, outbox) = reader_for(&config, options)?;
    let (stdin, load_rx) = start_loading(&mut app, paths, options)?;
    let mut guard = terminal::TerminalGuard::new().context("cannot set up the terminal")?;
    let mut fx = Effects::new(worker::Worker::spawn(app.shared.articles.clone()), outbox);
    if let Some(loaded) = stdin {
        fx.loaded(&mut app, loaded);
    }
    let size = guard.terminal.size()?;
    fx.send(&mut app, Msg::Resize(size.width, size.height));
    event_loop(&mut guard, &mut app, &mut fx, &load_rx)?;
    drop(guard);
    // where the reader was, for the next run (atomically), said on the
    // restored terminal when it fails
    app.remember_position();
    if let Err(e) = app.views.reader.positions.save() {
        eprintln!("lede: reading positions not saved: {e}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The reader as the config file and the command line set it up, with its
/// notes loaded (the outbox handle goes to the loop's effects).
fn reader_for(
    config: &Config,
    options: &Options,
) -> anyhow::Result<(App, Option<crate::notes::OutboxHandle>)> {
    let keymap = KeyMap::from_config(config)?;
    let depth = theme::ColorDepth::from_env();
    if depth == theme::ColorDepth::Mono {
        // no colour code at all, not even a reset (crossterm does so for NO_COLOR)
        crossterm::style::Colored::set_ansi_color_disabled(true);
    }
    let theme = Theme::from_config_at(config, depth)?;
    let mut app = App::new(Vec::new(), keymap, theme);
    app.shared.lang = i18n::Languages::from_config(config, i18n::Lang::from_env())?;
    let notes_path = options
        .notes
        .clone()
        .or_else(|| config.notes.file.clone())
        .or_else(crate::config::default_notes_path);
    let settings = crate::notes::NotesSettings::from_config(config);
    let positions_path = notes_path.as_deref().and_then(positions::beside);
    let (report, outbox, warning) =
        views::notes::Reporting::start(notes_path, options.endpoint.clone(), &settings);
    app.set_reporting(report);
    if let Some(w) = warning {
        app.set_status(&w, true);
    }
    if let Some(path) = positions_path {
        let (positions, warning) = positions::Positions::load(path);
        app.views.reader.positions = positions;
        if let Some(w) = warning {
            app.set_status(&w, true);
        }
    }
    Ok((app, outbox))
}

/// Standard input is read now, before the terminal is taken (returned);
/// files load on a thread behind the first frame (the receiver).
fn start_loading(
    app: &mut App,
    paths: Vec<PathBuf>,
    options: &Options,
) -> anyhow::Result<(Option<Loaded>, mpsc::Receiver<Loaded>)> {
    let w = app.words();
    let what = match paths.len() {
        0 => w.loading_bundled().to_string(),
        1 => {
            let path = crate::article::sanitize::clean_inline(&paths[0].display().to_string());
            i18n::fill(w.loading_path(), &[("path", &path)])
        }
        n => i18n::fill(w.loading_paths(), &[("n", &n.to_string())]),
    };
    let reads_stdin = paths.iter().any(|p| p.as_os_str() == "-");
    let opts = LoadOptions {
        max_bytes: options.max_file_mb.saturating_mul(1024 * 1024),
    };
    let load = move || -> Loaded {
        if paths.is_empty() {
            ingest::load_bundled()
        } else {
            ingest::load_paths(&paths, &opts)
        }
    };
    let (load_tx, load_rx) = mpsc::channel::<Loaded>();
    if reads_stdin {
        return Ok((Some(load()), load_rx));
    }
    app.shared.loading = Some(what);
    std::thread::Builder::new()
        .name(LOAD_THREAD.into())
        .spawn(move || {
            let _ = load_tx.send(load());
        })?;
    Ok((None, load_rx))
}

/// Draw when something changed; turn what arrives (keys, mouse, the loader,
/// the worker, the outbox) into messages; stop on `Cmd::Quit`.
fn event_loop(
    guard: &mut terminal::TerminalGuard,
    app: &mut App,
    fx: &mut Effects,
    load_rx: &mpsc::Receiver<Loaded>,
) -> anyhow::Result<()> {
    let mut dirty = true;
    let mut last_tick = std::time::Instant::now();
    loop {
        if dirty {
            guard.terminal.draw(|f| views::draw(f, app))?;
            dirty = false;
            terminal::inject_fault();
        }
        if fx.quit {
            return Ok(());
        }
        if event::poll(Duration::from_millis(40))? {
            // Handle everything already waiting before drawing again.
            loop {
                if let Some(m) = to_msg(event::read()?) {
                    fx.send(app, m);
                    dirty = true;
                }
                if fx.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        match load_rx.try_recv() {
            Ok(loaded) => {
                fx.loaded(app, loaded);
                dirty = true;
            }
            Err(mpsc::TryRecvError::Disconnected) if app.shared.loading.is_some() => {
                fx.send(app, Msg::LoadFailed);
                dirty = true;
            }
            Err(_) => {}
        }
        dirty |= fx.poll(app);
        // a message goes after a few seconds: one tick a second while one shows
        if app.shared.status.is_none() {
            last_tick = std::time::Instant::now();
        } else if last_tick.elapsed() >= Duration::from_secs(1) {
            last_tick = std::time::Instant::now();
            fx.send(app, Msg::Tick);
            dirty = true;
        }
    }
}

fn to_msg(ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => Some(Msg::Key(k)),
        Event::Mouse(m) => MouseInput::from_event(&m).map(Msg::Mouse),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

/// The app for what was loaded, with loading problems in the status bar.
pub fn build_app(loaded: Loaded, keymap: KeyMap, theme: Theme) -> App {
    let mut app = App::new(Vec::new(), keymap, theme);
    app.dispatch(Msg::Loaded(Box::new(loaded)));
    app
}

/// Ids of the articles that have correction notes.
pub fn noted_articles(notes: &[crate::notes::Note]) -> HashSet<String> {
    notes.iter().map(|n| n.article.id.clone()).collect()
}

/// Lay out and draw the first frame without a terminal: what start-up costs
/// before the first screen (used by the bench and tests). The analysis of the
/// visible article is not waited for.
pub fn headless_first_frame(articles: Vec<Article>, width: u16, height: u16) -> (App, Buffer) {
    let mut app = App::new(articles, KeyMap::default(), Theme::new(true));
    app.dispatch(Msg::Resize(width, height));
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    views::render(&app, &mut buf);
    (app, buf)
}
