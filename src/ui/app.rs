//! The reader's state and `update`: every change goes through a [`Msg`];
//! drawing only reads this state.

use crate::article::Article;
use crate::extract::{Analysis, Span};
use crate::ui::cmd::Cmd;
use crate::ui::keymap::{Action, KeyMap};
use crate::ui::layout::{self, Focus, Panes, SizeClass};
use crate::ui::mode::{self, Mode, Route};
pub use crate::ui::mode::{Input, InputKind};
use crate::ui::model::{Derived, SideItem};
use crate::ui::msg::{Msg, ReportTarget};
use crate::ui::text_layout::Doc;
use crate::ui::theme::Theme;
use crate::ui::widgets::sidebar;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use std::sync::Arc;

mod find;
mod nav;

/// What the marks in the text come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkSource {
    /// A followed actor or date (a sidebar item).
    Item(SideItem),
    /// A search in the article.
    Search(String),
}

/// Spans marked in the text, one of them current (`n`/`N` move it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marks {
    pub source: MarkSource,
    pub spans: Vec<Span>,
    pub current: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Number of lines the mouse wheel scrolls.
pub(super) const WHEEL: usize = 3;

pub struct App {
    /// Who has the keyboard.
    pub mode: Mode,
    pub articles: Arc<Vec<Article>>,
    analyses: Vec<Option<Arc<Analysis>>>,
    pub keymap: KeyMap,
    pub theme: Theme,
    pub focus: Focus,
    pub panes: Panes,
    area: Rect,
    sidebar_wide: bool,
    sidebar_small: bool,
    /// Index of the article shown in the reader.
    pub current: usize,
    pub filter: String,
    /// Indices of the articles the filter lets through, in order.
    pub filtered: Vec<usize>,
    /// Cursor in the list (an index into `filtered`).
    pub list_sel: usize,
    pub list_offset: usize,
    folded: Vec<String>,
    /// The current article folded for search: (article index, folded text).
    search_index: Option<(usize, crate::ui::search::Folded)>,
    pub text: String,
    pub doc: Doc,
    pub scroll: usize,
    pub derived: Derived,
    pub side_sel: usize,
    pub side_offset: usize,
    pub marks: Option<Marks>,
    pub status: Option<Status>,
    wanted: Option<usize>,
    /// What is being loaded, while the articles load in the background.
    pub loading: Option<String>,
    /// Correction notes: the report form, the saved notes, the outbox.
    pub report: crate::ui::form::Reporting,
}

impl App {
    pub fn new(articles: Vec<Article>, keymap: KeyMap, theme: Theme) -> App {
        let n = articles.len();
        let mut app = App {
            mode: Mode::Browse,
            articles: Arc::new(articles),
            analyses: vec![None; n],
            keymap,
            theme,
            focus: Focus::Reader,
            panes: Panes::default(),
            area: Rect::new(0, 0, 80, 24),
            sidebar_wide: true,
            sidebar_small: false,
            current: 0,
            filter: String::new(),
            filtered: (0..n).collect(),
            list_sel: 0,
            list_offset: 0,
            folded: Vec::new(),
            search_index: None,
            text: String::new(),
            doc: Doc::build(&Article::default(), 1),
            scroll: 0,
            derived: Derived::default(),
            side_sel: 0,
            side_offset: 0,
            marks: None,
            status: None,
            wanted: None,
            loading: None,
            report: Default::default(),
        };
        app.relayout();
        app.open(0);
        app
    }

    /// The article the reader shows.
    pub fn article(&self) -> Option<&Article> {
        self.articles.get(self.current)
    }

    pub fn analysis(&self, i: usize) -> Option<&Analysis> {
        self.analyses.get(i).and_then(|a| a.as_deref())
    }

    pub fn is_analysed(&self, i: usize) -> bool {
        self.analysis(i).is_some()
    }

    /// The sidebar toggle for the current size class.
    pub fn sidebar_toggle(&self) -> bool {
        match layout::size_class(self.area.width) {
            SizeClass::Wide => self.sidebar_wide,
            _ => self.sidebar_small,
        }
    }

    /// Lines of text the reader shows at once.
    pub fn view_height(&self) -> usize {
        let h = if self.panes.reader.is_some() {
            self.panes.reader_text.height
        } else {
            self.area.height.saturating_sub(3)
        };
        usize::from(h.max(1))
    }

    pub fn max_scroll(&self) -> usize {
        self.doc.lines.len().saturating_sub(self.view_height())
    }

    /// Scroll position as a percentage (100 when everything fits).
    pub fn scroll_percent(&self) -> usize {
        match self.max_scroll() {
            0 => 100,
            m => self.scroll.min(m) * 100 / m,
        }
    }

    /// Rows of the list (two lines per article).
    pub fn list_rows(&self) -> usize {
        self.panes
            .list
            .map(|p| usize::from(p.inner.height / 2).max(1))
            .unwrap_or(1)
    }

    fn side_rows(&self) -> usize {
        self.panes
            .sidebar
            .map(|p| usize::from(sidebar::areas(p.inner, self).items.height).max(1))
            .unwrap_or(1)
    }

    /// What the report-an-error form would be about now.
    pub fn report_target(&self) -> ReportTarget {
        let span = self
            .marks
            .as_ref()
            .and_then(|m| m.spans.get(m.current).copied())
            .or_else(|| {
                self.doc.lines[self.scroll.min(self.doc.lines.len())..]
                    .iter()
                    .find_map(|l| l.range())
                    .map(|r| Span::new(r.start, r.end))
            });
        ReportTarget {
            article: self.current,
            span: if self.articles.is_empty() { None } else { span },
        }
    }

    /// Replace the articles with what was loaded; loading problems go to the status bar.
    fn on_loaded(&mut self, loaded: crate::ingest::Loaded) {
        let crate::ingest::Loaded {
            articles,
            problems,
            skipped,
        } = loaded;
        let n = articles.len();
        self.articles = Arc::new(articles);
        self.analyses = vec![None; n];
        self.filtered = (0..n).collect();
        self.folded.clear();
        self.search_index = None;
        self.filter.clear();
        self.list_sel = 0;
        self.list_offset = 0;
        self.loading = None;
        self.current = 0;
        self.doc = Doc::build(&Article::default(), self.doc.width);
        self.open(0);
        if n == 0 {
            self.derived = Derived::default();
        }
        // An error comes before a warning; with several, the count comes
        // first so that a narrow status bar still shows it.
        let first = problems
            .iter()
            .find(|p| p.severity == crate::ingest::Severity::Error)
            .or(problems.first());
        if let Some(first) = first {
            let text = match problems.len() {
                1 => first.to_string(),
                n => format!("{n} loading problems (`lede check` lists them): {first}"),
            };
            self.set_status(&text, true);
        } else if !skipped.is_empty() {
            self.set_status(
                &format!("{} files skipped (unknown type)", skipped.len()),
                false,
            );
        }
    }

    // ---------------------------------------------------------------- update

    /// Apply one message; returns what the world should do (the run loop
    /// does it and sends the results back as messages).
    pub fn update(&mut self, msg: Msg) -> Vec<Cmd> {
        let mut cmds = match msg {
            Msg::Key(key) => self.on_key(key),
            Msg::Action(a) => self.on_action(a),
            Msg::Mouse(m) => self.on_mouse(m),
            Msg::Resize(w, h) => {
                self.area = Rect::new(0, 0, w, h);
                self.relayout();
                Vec::new()
            }
            Msg::Analysed(i, analysis) => {
                self.on_analysed(i, Arc::from(analysis), None);
                Vec::new()
            }
            Msg::AnalysisFailed(i) => {
                let why = "This article could not be analysed (internal error): no highlights.";
                self.on_analysed(i, Arc::new(Analysis::default()), Some(why));
                Vec::new()
            }
            Msg::OpenReport(target) => {
                crate::ui::form::open(self, target);
                Vec::new()
            }
            Msg::Status(s) => {
                self.set_status(&s, false);
                Vec::new()
            }
            Msg::Loaded(loaded) => {
                self.on_loaded(*loaded);
                Vec::new()
            }
            Msg::LoadFailed => {
                if self.loading.take().is_some() {
                    self.set_status(
                        "Loading failed (internal error); no article was loaded.",
                        true,
                    );
                }
                Vec::new()
            }
            Msg::NoteSaved(saved) => crate::ui::form::on_saved(self, *saved),
            Msg::Outbox(ev) => {
                crate::ui::form::on_outbox_event(self, ev);
                Vec::new()
            }
        };
        crate::ui::notes_view::refresh_placed(self);
        if let Some(i) = self.wanted.take() {
            cmds.push(Cmd::Analyse(i));
        }
        cmds
    }

    fn on_analysed(&mut self, i: usize, analysis: Arc<Analysis>, failed: Option<&str>) {
        let Some(slot) = self.analyses.get_mut(i) else {
            return;
        };
        *slot = Some(analysis);
        if i != self.current {
            return;
        }
        self.derive();
        match failed {
            Some(why) => self.set_status(why, true),
            // the reader was waiting in the sidebar: follow its first entry
            None if self.focus == Focus::Sidebar => self.follow_selected(),
            None => {}
        }
    }

    /// Apply a message and everything it leads to, saving notes on disk;
    /// returns the commands that need a worker, the outbox or the terminal
    /// (see [`crate::ui::cmd::dispatch`]).
    pub fn dispatch(&mut self, msg: Msg) -> Vec<Cmd> {
        crate::ui::cmd::dispatch(self, msg)
    }

    /// Use these notes (loaded at start) and place them on the text.
    pub fn set_reporting(&mut self, report: crate::ui::form::Reporting) {
        self.report = report;
        crate::ui::notes_view::refresh_placed(self);
    }

    pub fn set_status(&mut self, text: &str, error: bool) {
        self.status = Some(Status {
            text: crate::article::sanitize::clean_inline(text),
            error,
        });
    }

    /// A key goes where [`mode::route`] says, and nowhere else.
    fn on_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        match mode::route(&self.mode, &self.keymap, &key) {
            Route::Ignore => Vec::new(),
            Route::Input => self.on_input_key(key),
            Route::Help(action) => {
                self.on_help_key(action);
                Vec::new()
            }
            Route::Form => crate::ui::form::on_key(self, key),
            Route::Notes(a) => crate::ui::notes_view::on_list_key(self, a),
            Route::Visual(a) => crate::ui::notes_view::on_visual_key(self, a),
            Route::Browse { action, leave } => {
                if leave {
                    self.mode = Mode::Browse;
                }
                action.map(|a| self.on_action(a)).unwrap_or_default()
            }
        }
    }

    fn on_help_key(&mut self, action: Action) {
        let Mode::Help(off) = self.mode else {
            return;
        };
        let max = crate::ui::widgets::help::max_offset(self);
        self.mode = match action {
            Action::Down => Mode::Help((off + 1).min(max)),
            Action::Up => Mode::Help(off.saturating_sub(1)),
            Action::PageDown => Mode::Help((off + 10).min(max)),
            Action::PageUp => Mode::Help(off.saturating_sub(10)),
            _ => Mode::Browse,
        };
    }

    fn on_action(&mut self, action: Action) -> Vec<Cmd> {
        match action {
            Action::Quit => return vec![Cmd::Quit],
            Action::Help => {
                self.mode = match self.mode {
                    Mode::Help(_) => Mode::Browse,
                    _ => Mode::Help(0),
                }
            }
            Action::FocusNext => self.set_focus(self.focus.next()),
            Action::FocusPrev => self.set_focus(self.focus.prev()),
            Action::FocusLeft => self.focus_side(false),
            Action::FocusRight => self.focus_side(true),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.page(-1),
            Action::PageDown => self.page(1),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Open => self.activate(),
            Action::PrevArticle => self.step_article(-1),
            Action::NextArticle => self.step_article(1),
            Action::ToggleSidebar => self.toggle_sidebar(),
            Action::Search => {
                let kind = if self.focus == Focus::List {
                    InputKind::Filter
                } else {
                    InputKind::Search
                };
                let text = match kind {
                    InputKind::Filter => self.filter.clone(),
                    InputKind::Search => String::new(),
                };
                self.mode = Mode::Input(Input { kind, text });
            }
            Action::NextMatch => self.jump(1),
            Action::PrevMatch => self.jump(-1),
            Action::ReportError => {
                if self.articles.is_empty() {
                    self.set_status("No article to report on.", false);
                } else {
                    crate::ui::form::open(self, self.report_target());
                }
            }
            Action::NotesList => self.mode = Mode::Notes(0),
            Action::Visual => crate::ui::notes_view::start_visual(self),
            Action::Clear => {
                if self.marks.is_some() {
                    self.marks = None;
                } else if !self.filter.is_empty() {
                    self.set_filter(String::new());
                } else {
                    self.status = None;
                }
            }
        }
        Vec::new()
    }
}

pub(super) fn add(a: usize, delta: isize) -> usize {
    if delta >= 0 {
        a.saturating_add(delta as usize)
    } else {
        a.saturating_sub(delta.unsigned_abs())
    }
}
