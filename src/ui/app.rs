//! The reader's state and `update`: every change goes through a [`Msg`];
//! drawing only reads this state.

use crate::article::Article;
use crate::extract::{Analysis, Span};
use crate::ui::keymap::{Action, KeyMap};
use crate::ui::layout::{self, Focus, Panes, SizeClass};
use crate::ui::model::{Derived, SideItem};
use crate::ui::msg::{Msg, ReportTarget};
use crate::ui::text_layout::Doc;
use crate::ui::theme::Theme;
use crate::ui::widgets::sidebar;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use std::collections::HashSet;
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Filter,
    Search,
}

/// Text being typed into the list filter or the article search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub kind: InputKind,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Number of lines the mouse wheel scrolls.
pub(super) const WHEEL: usize = 3;

pub struct App {
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
    pub input: Option<Input>,
    /// Open help overlay and its scroll offset.
    pub help: Option<usize>,
    pub status: Option<Status>,
    /// Ids of articles that have saved correction notes.
    pub noted: HashSet<String>,
    wanted: Option<usize>,
    pub quit: bool,
    /// What is being loaded, while the articles load in the background.
    pub loading: Option<String>,
    /// Correction notes: the report form, the saved notes, the outbox.
    pub report: crate::ui::form::Reporting,
}

impl App {
    pub fn new(articles: Vec<Article>, keymap: KeyMap, theme: Theme) -> App {
        let n = articles.len();
        let mut app = App {
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
            input: None,
            help: None,
            status: None,
            noted: HashSet::new(),
            wanted: None,
            quit: false,
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

    /// The article whose analysis is wanted next (taken by the run loop).
    pub fn take_wanted(&mut self) -> Option<usize> {
        self.wanted.take()
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
        // notes follow their article across edits and renames (in memory)
        crate::notes::rebind(&mut self.report.notes, &articles);
        self.noted = super::noted_articles(&self.report.notes);
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

    /// Apply one message; may return a follow-up message.
    pub fn update(&mut self, msg: Msg) -> Option<Msg> {
        let msg = match crate::ui::form::intercept(self, msg) {
            Ok(next) => return next,
            Err(msg) => msg,
        };
        match msg {
            Msg::Key(key) => self.on_key(key),
            Msg::Action(a) => self.on_action(a),
            Msg::Mouse(m) => self.on_mouse(m),
            Msg::Resize(w, h) => {
                self.area = Rect::new(0, 0, w, h);
                self.relayout();
                None
            }
            Msg::Analysed(i, analysis) => {
                if let Some(slot) = self.analyses.get_mut(i) {
                    *slot = Some(Arc::from(analysis));
                    if i == self.current {
                        self.derive();
                        if self.focus == Focus::Sidebar {
                            // the reader was waiting in the sidebar: follow its first entry
                            self.follow_selected();
                        }
                    }
                }
                None
            }
            // The report form opens on the target; while it is open,
            // `form::intercept` routes the keys to it.
            Msg::OpenReport(target) => {
                crate::ui::form::open(self, target);
                None
            }
            Msg::Status(s) => {
                self.set_status(&s, false);
                None
            }
            Msg::AnalysisFailed(i) => {
                if let Some(slot) = self.analyses.get_mut(i) {
                    *slot = Some(Arc::new(Analysis::default()));
                    if i == self.current {
                        self.derive();
                        self.set_status(
                            "This article could not be analysed (internal error): no highlights.",
                            true,
                        );
                    }
                }
                None
            }
            Msg::Loaded(loaded) => {
                self.on_loaded(*loaded);
                None
            }
        }
    }

    /// Run a message and every follow-up it produces.
    pub fn dispatch(&mut self, msg: Msg) {
        let mut next = Some(msg);
        let mut guard = 0;
        while let Some(m) = next {
            next = self.update(m);
            guard += 1;
            if guard > 16 {
                break;
            }
        }
    }

    pub fn set_status(&mut self, text: &str, error: bool) {
        self.status = Some(Status {
            text: crate::article::sanitize::clean_inline(text),
            error,
        });
    }

    fn on_key(&mut self, key: KeyEvent) -> Option<Msg> {
        if key.kind == crossterm::event::KeyEventKind::Release {
            return None;
        }
        if self.input.is_some() {
            return self.on_input_key(key);
        }
        let action = self.keymap.action(&key)?;
        if let Some(off) = self.help {
            let max = crate::ui::widgets::help::max_offset(self);
            match action {
                Action::Down => self.help = Some((off + 1).min(max)),
                Action::Up => self.help = Some(off.saturating_sub(1)),
                Action::PageDown => self.help = Some((off + 10).min(max)),
                Action::PageUp => self.help = Some(off.saturating_sub(10)),
                _ => self.help = None,
            }
            return None;
        }
        Some(Msg::Action(action))
    }

    fn on_action(&mut self, action: Action) -> Option<Msg> {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.help = if self.help.is_some() { None } else { Some(0) },
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
                self.input = Some(Input { kind, text });
            }
            Action::NextMatch => self.jump(1),
            Action::PrevMatch => self.jump(-1),
            Action::ReportError => {
                if self.articles.is_empty() {
                    self.set_status("No article to report on.", false);
                } else {
                    return Some(Msg::OpenReport(self.report_target()));
                }
            }
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
        None
    }
}

pub(super) fn add(a: usize, delta: isize) -> usize {
    if delta >= 0 {
        a.saturating_add(delta as usize)
    } else {
        a.saturating_sub(delta.unsigned_abs())
    }
}
