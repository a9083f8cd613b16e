//! The reader's state and `update`: every change goes through a [`Msg`];
//! drawing only reads this state.

use crate::article::Article;
use crate::article::sanitize::clean_inline;
use crate::extract::{Analysis, Span};
use crate::ui::cmd::Cmd;
use crate::ui::i18n::{Words, fill};
use crate::ui::keymap::{Action, KeyMap};
use crate::ui::layout::{self, Focus, SizeClass};
use crate::ui::mode::{self, Mode, Route};
pub use crate::ui::mode::{Input, InputKind};
use crate::ui::model::Derived;
use crate::ui::msg::{Msg, ReportTarget};
pub use crate::ui::shared::{Shared, Status};
use crate::ui::text_layout::Doc;
use crate::ui::theme::Theme;
use crate::ui::views::Views;
use crate::ui::views::list::ListView;
pub use crate::ui::views::reader::{MarkSource, Marks, ReaderView};
use crate::ui::views::sidebar;
use crate::ui::views::sidebar::SidebarView;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use std::sync::Arc;

mod find;
mod nav;

/// Number of lines the mouse wheel scrolls.
pub(super) const WHEEL: usize = 3;

/// The reader: who has the keyboard, each view's own state, and what every
/// view reads (the articles, the layout, the keymap, the status bar).
pub struct App {
    /// Who has the keyboard.
    pub mode: Mode,
    pub views: Views,
    pub shared: Shared,
}

impl App {
    pub fn new(articles: Vec<Article>, keymap: KeyMap, theme: Theme) -> App {
        let n = articles.len();
        let mut app = App {
            mode: Mode::Browse,
            views: Views {
                list: ListView::new(n),
                reader: ReaderView::default(),
                sidebar: SidebarView::default(),
                report: Default::default(),
            },
            shared: Shared::new(articles, keymap, theme),
        };
        app.relayout();
        app.open(0);
        app
    }

    /// The words of the chrome.
    pub fn words(&self) -> Words {
        self.shared.lang.chrome()
    }

    /// The words for what is about the article shown (the form, the notes).
    pub fn article_words(&self) -> Words {
        self.words_for(self.views.reader.current)
    }

    /// The words for what is about article `index`.
    pub fn words_for(&self, index: usize) -> Words {
        let tag = self
            .shared
            .articles
            .get(index)
            .map(|a| a.in_language.as_str());
        self.shared.lang.article(tag.unwrap_or("en"))
    }

    /// The text of the article the reader shows (`Article::text()`, laid out).
    pub fn text(&self) -> &str {
        &self.views.reader.doc.text
    }

    /// The article the reader shows.
    pub fn article(&self) -> Option<&Article> {
        self.shared.articles.get(self.views.reader.current)
    }

    pub fn analysis(&self, i: usize) -> Option<&Analysis> {
        self.shared.analyses.get(i).and_then(|a| a.as_deref())
    }

    pub fn is_analysed(&self, i: usize) -> bool {
        self.analysis(i).is_some()
    }

    /// The sidebar toggle for the current size class.
    pub fn sidebar_toggle(&self) -> bool {
        match layout::size_class(self.shared.area.width) {
            SizeClass::Wide => self.views.sidebar.wide,
            _ => self.views.sidebar.small,
        }
    }

    /// Lines of text the reader shows at once.
    pub fn view_height(&self) -> usize {
        let h = if self.shared.panes.reader.is_some() {
            self.shared.panes.reader_text.height
        } else {
            self.shared.area.height.saturating_sub(3)
        };
        usize::from(h.max(1))
    }

    pub fn max_scroll(&self) -> usize {
        self.views.reader.max_scroll(self.view_height())
    }

    /// Scroll position as a percentage (100 when everything fits).
    pub fn scroll_percent(&self) -> usize {
        match self.max_scroll() {
            0 => 100,
            m => self.views.reader.scroll.min(m) * 100 / m,
        }
    }

    /// Rows of the list (two lines per article).
    pub fn list_rows(&self) -> usize {
        self.shared
            .panes
            .list
            .map(|p| usize::from(p.inner.height / 2).max(1))
            .unwrap_or(1)
    }

    fn side_rows(&self) -> usize {
        self.shared
            .panes
            .sidebar
            .map(|p| usize::from(sidebar::areas(p.inner, self).items.height).max(1))
            .unwrap_or(1)
    }

    /// What the report-an-error form would be about now.
    pub fn report_target(&self) -> ReportTarget {
        let span = self
            .views
            .reader
            .marks
            .as_ref()
            .and_then(|m| m.spans.get(m.current).copied())
            .or_else(|| {
                let r = self.views.reader.top_text()?;
                Some(Span::new(r.start, r.end))
            });
        ReportTarget {
            article: self.views.reader.current,
            span: if self.shared.articles.is_empty() {
                None
            } else {
                span
            },
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
        self.remember_position();
        self.views.reader.positions.shown = None;
        // notes follow their article across edits and renames (in memory)
        crate::notes::rebind(&mut self.views.report.notes, &articles);
        self.shared.articles = Arc::new(articles);
        self.shared.analyses = vec![None; n];
        self.views.list.filtered = (0..n).collect();
        self.views.list.folded.clear();
        self.views.reader.search_index = None;
        self.views.list.filter.clear();
        self.views.list.sel = 0;
        self.views.list.offset = 0;
        self.shared.loading = None;
        self.views.reader.current = 0;
        self.views.reader.doc = Doc::build(&Article::default(), self.views.reader.doc.width);
        self.open(0);
        if n == 0 {
            self.views.reader.derived = Derived::default();
        }
        // An error comes before a warning; with several, the count comes
        // first so that a narrow status bar still shows it.
        let first = problems
            .iter()
            .find(|p| p.severity == crate::ingest::Severity::Error)
            .or(problems.first());
        let w = self.words();
        self.shared
            .log
            .extend(problems.iter().map(|p| clean_inline(&p.to_string())));
        if let Some(first) = first {
            let text = match problems.len() {
                1 => first.to_string(),
                n => fill(
                    w.msg_problems(),
                    &[("n", &n.to_string()), ("first", &first.to_string())],
                ),
            };
            self.show(&text, true);
        } else if !skipped.is_empty() {
            let n = skipped.len().to_string();
            let template = match skipped.len() {
                1 => w.msg_one_skipped(),
                _ => w.msg_skipped(),
            };
            self.set_status(&fill(template, &[("n", &n)]), false);
        }
    }

    // ---------------------------------------------------------------- update

    /// Apply one message; returns what the world should do (the run loop
    /// does it and sends the results back as messages).
    pub fn update(&mut self, msg: Msg) -> Vec<Cmd> {
        let mut cmds = match msg {
            Msg::Key(key) => {
                if key.kind != crossterm::event::KeyEventKind::Release {
                    self.shared.status = None; // a message lasts until the next action
                }
                self.on_key(key)
            }
            Msg::Action(a) => {
                self.shared.status = None;
                self.on_action(a)
            }
            Msg::Mouse(m) => {
                if matches!(m, crate::ui::msg::MouseInput::Click { .. }) {
                    self.shared.status = None;
                }
                self.on_mouse(m)
            }
            Msg::Tick => {
                self.tick();
                Vec::new()
            }
            Msg::Resize(w, h) => {
                self.shared.area = Rect::new(0, 0, w, h);
                self.relayout();
                Vec::new()
            }
            Msg::Analysed(i, analysis) => {
                self.on_analysed(i, Arc::from(analysis), None);
                Vec::new()
            }
            Msg::AnalysisFailed(i) => {
                let why = self.words().msg_analysis_failed();
                self.on_analysed(i, Arc::new(Analysis::default()), Some(why));
                Vec::new()
            }
            Msg::OpenReport(target) => {
                crate::ui::views::form::open(self, target);
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
                if self.shared.loading.take().is_some() {
                    self.set_status(self.words().msg_loading_failed(), true);
                }
                Vec::new()
            }
            Msg::NoteSaved(saved) => crate::ui::views::form::on_saved(self, *saved),
            Msg::NoteRevised(r) => crate::ui::views::note_actions::on_revised(self, *r),
            Msg::Outbox(ev) => {
                crate::ui::views::form::on_outbox_event(self, ev);
                Vec::new()
            }
        };
        crate::ui::views::notes::refresh_placed(self);
        if let Some(i) = self.views.reader.wanted.take() {
            cmds.push(Cmd::Analyse(i));
        }
        cmds
    }

    fn on_analysed(&mut self, i: usize, analysis: Arc<Analysis>, failed: Option<&str>) {
        let Some(slot) = self.shared.analyses.get_mut(i) else {
            return;
        };
        *slot = Some(analysis);
        if i != self.views.reader.current {
            return;
        }
        self.derive();
        match failed {
            Some(why) => self.set_status(why, true),
            // the reader was waiting in the sidebar: follow its first entry
            None if self.shared.focus == Focus::Sidebar => self.follow_selected(),
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
    pub fn set_reporting(&mut self, report: crate::ui::views::notes::Reporting) {
        self.views.report = report;
        crate::ui::views::notes::refresh_placed(self);
    }

    /// Show a message in the status bar until the next action or for a
    /// few seconds ([`Status::lifetime`]); an error also goes to the log.
    pub fn set_status(&mut self, text: &str, error: bool) {
        if error {
            self.shared.log.push(clean_inline(text));
        }
        self.show(text, error);
    }

    /// Show a message without logging it (what it says is logged already).
    fn show(&mut self, text: &str, error: bool) {
        self.shared.status = Some(Status {
            text: clean_inline(text),
            error,
            age: 0,
        });
    }

    /// A second has passed: the message ages, and goes when it is old.
    fn tick(&mut self) {
        if let Some(s) = self.shared.status.as_mut() {
            s.age = s.age.saturating_add(1);
            if s.age >= s.lifetime() {
                self.shared.status = None;
            }
        }
    }

    /// A key goes where [`mode::route`] says, and nowhere else.
    fn on_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        match mode::route(&self.mode, &self.shared.keymap, &key) {
            Route::Ignore => Vec::new(),
            Route::Input => self.on_input_key(key),
            Route::Help(action) => {
                self.on_help_key(action);
                Vec::new()
            }
            Route::Form => crate::ui::views::form::on_key(self, key),
            Route::Notes(a) => crate::ui::views::notes::on_list_key(self, a),
            Route::NoteAsk(answer) => crate::ui::views::note_actions::on_answer(self, answer, key),
            Route::Visual(a) => crate::ui::views::notes::on_visual_key(self, a),
            Route::Browse { action, leave } => {
                if leave {
                    self.mode = Mode::Browse;
                }
                action.map(|a| self.on_action(a)).unwrap_or_default()
            }
        }
    }

    /// A key in the help or the message log: scroll it, or close it.
    fn on_help_key(&mut self, action: Action) {
        let (off, max, again): (usize, usize, fn(usize) -> Mode) = match self.mode {
            Mode::Help(off) => (off, crate::ui::views::help::max_offset(self), Mode::Help),
            Mode::Log(off) => (off, crate::ui::views::log::max_offset(self), Mode::Log),
            _ => return,
        };
        self.mode = match action {
            Action::Down => again((off + 1).min(max)),
            Action::Up => again(off.saturating_sub(1)),
            Action::PageDown => again((off + 10).min(max)),
            Action::PageUp => again(off.saturating_sub(10)),
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
            Action::Messages => {
                self.mode = match self.mode {
                    Mode::Log(_) => Mode::Browse,
                    _ => Mode::Log(0),
                }
            }
            Action::FocusNext => self.set_focus(self.shared.focus.next()),
            Action::FocusPrev => self.set_focus(self.shared.focus.prev()),
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
                let kind = if self.shared.focus == Focus::List {
                    InputKind::Filter
                } else {
                    InputKind::Search
                };
                let text = match kind {
                    InputKind::Filter => self.views.list.filter.clone(),
                    InputKind::Search => String::new(),
                };
                self.mode = Mode::Input(Input { kind, text });
            }
            Action::NextMatch => self.jump(1),
            Action::PrevMatch => self.jump(-1),
            Action::ReportError => {
                if self.shared.articles.is_empty() {
                    self.set_status(self.words().msg_no_article(), false);
                } else {
                    crate::ui::views::form::open(self, self.report_target());
                }
            }
            Action::NotesList => self.mode = Mode::Notes(0),
            Action::Visual => crate::ui::views::notes::start_visual(self),
            Action::Clear => {
                if self.views.reader.marks.is_some() {
                    self.views.reader.marks = None;
                } else if !self.views.list.filter.is_empty() {
                    self.set_filter(String::new());
                } else {
                    self.shared.status = None;
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
