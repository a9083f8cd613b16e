//! The terminal reader. The only module that knows about ratatui and crossterm.
//!
//! `app` holds the state and its `update(Msg)`; `widgets` draw it without
//! changing it; `terminal` sets up and always restores the terminal; `worker`
//! analyses articles in the background so the first frame never waits.

pub mod app;
pub mod cmd;
pub mod i18n;
pub mod keymap;
pub mod layout;
pub mod mode;
pub mod model;
pub mod msg;
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
pub fn run(paths: Vec<PathBuf>, common: &Options) -> anyhow::Result<ExitCode> {
    use anyhow::Context as _;
    // Before anything is loaded (standard input included).
    terminal::ensure_terminal()?;
    let config = Config::load_or_default(common.config.as_deref())?;
    let keymap = KeyMap::from_config(&config)?;
    let theme = Theme::from_config(&config, theme::no_color_from_env())?;
    let languages = i18n::Languages::from_config(&config, i18n::Lang::from_env())?;
    let reads_stdin = paths.iter().any(|p| p.as_os_str() == "-");
    let w = languages.chrome();
    let what = match paths.len() {
        0 => w.loading_bundled().to_string(),
        1 => {
            let path = crate::article::sanitize::clean_inline(&paths[0].display().to_string());
            i18n::fill(w.loading_path(), &[("path", &path)])
        }
        n => i18n::fill(w.loading_paths(), &[("n", &n.to_string())]),
    };
    let notes_path = common
        .notes
        .clone()
        .or_else(|| config.notes.file.clone())
        .or_else(crate::config::default_notes_path);
    let opts = LoadOptions {
        max_bytes: common.max_file_mb.saturating_mul(1024 * 1024),
    };
    let load = move || -> Loaded {
        if paths.is_empty() {
            ingest::load_bundled()
        } else {
            ingest::load_paths(&paths, &opts)
        }
    };
    let mut app = App::new(Vec::new(), keymap, theme);
    app.shared.lang = languages;
    let settings = crate::notes::NotesSettings::from_config(&config);
    let (report, outbox, warning) =
        views::form::Reporting::start(notes_path, common.endpoint.clone(), &settings);
    app.set_reporting(report);
    if let Some(w) = warning {
        app.set_status(&w, true);
    }
    // Standard input is read before the terminal is taken; files load in the
    // background behind the first frame.
    let (load_tx, load_rx) = mpsc::channel::<Loaded>();
    let mut stdin = None;
    if reads_stdin {
        stdin = Some(load());
    } else {
        app.shared.loading = Some(what);
        std::thread::Builder::new()
            .name(LOAD_THREAD.into())
            .spawn(move || {
                let _ = load_tx.send(load());
            })?;
    }

    let mut guard = terminal::TerminalGuard::new().context("cannot set up the terminal")?;
    let mut fx = Effects::new(worker::Worker::spawn(app.shared.articles.clone()), outbox);
    if let Some(loaded) = stdin {
        fx.loaded(&mut app, loaded);
    }
    let size = guard.terminal.size()?;
    fx.send(&mut app, Msg::Resize(size.width, size.height));
    let mut dirty = true;
    loop {
        if dirty {
            guard.terminal.draw(|f| views::draw(f, &app))?;
            dirty = false;
            terminal::inject_fault();
        }
        if fx.quit {
            break;
        }
        if event::poll(Duration::from_millis(40))? {
            // Handle everything already waiting before drawing again.
            loop {
                if let Some(m) = to_msg(event::read()?) {
                    fx.send(&mut app, m);
                    dirty = true;
                }
                if fx.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        match load_rx.try_recv() {
            Ok(loaded) => {
                fx.loaded(&mut app, loaded);
                dirty = true;
            }
            Err(mpsc::TryRecvError::Disconnected) if app.shared.loading.is_some() => {
                fx.send(&mut app, Msg::LoadFailed);
                dirty = true;
            }
            Err(_) => {}
        }
        dirty |= fx.poll(&mut app);
    }
    drop(guard);
    Ok(ExitCode::SUCCESS)
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
