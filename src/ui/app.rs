//! The reader's state and `update`: every change goes through a [`Msg`];
//! drawing only reads this state.

use crate::article::Article;
use crate::extract::{Analysis, Span};
use crate::ui::keymap::{Action, KeyMap};
use crate::ui::layout::{self, Focus, Panes, SizeClass};
use crate::ui::model::{Derived, SideItem};
use crate::ui::msg::{MouseInput, Msg, ReportTarget};
use crate::ui::search;
use crate::ui::text_layout::Doc;
use crate::ui::theme::Theme;
use crate::ui::widgets::sidebar;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::collections::HashSet;
use std::sync::Arc;

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
const WHEEL: usize = 3;

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

    // ---------------------------------------------------------------- update

    /// Apply one message; may return a follow-up message.
    pub fn update(&mut self, msg: Msg) -> Option<Msg> {
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
                    }
                }
                None
            }
            // The correction-notes form plugs in here: open it on the target
            // (and route keys to it while it is open, in `on_key`).
            Msg::OpenReport(_) => {
                self.set_status(
                    "The report form is not available yet: nothing was saved.",
                    false,
                );
                None
            }
            Msg::Status(s) => {
                self.set_status(&s, false);
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
            match action {
                Action::Down => self.help = Some(off + 1),
                Action::Up => self.help = Some(off.saturating_sub(1)),
                Action::PageDown => self.help = Some(off + 10),
                Action::PageUp => self.help = Some(off.saturating_sub(10)),
                _ => self.help = None,
            }
            return None;
        }
        Some(Msg::Action(action))
    }

    fn on_input_key(&mut self, key: KeyEvent) -> Option<Msg> {
        let ctrl = key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let input = self.input.as_mut()?;
        match key.code {
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return Some(Msg::Action(Action::Quit));
            }
            KeyCode::Esc => {
                let kind = input.kind;
                self.input = None;
                match kind {
                    InputKind::Filter => self.set_filter(String::new()),
                    InputKind::Search => self.marks = None,
                }
                return None;
            }
            KeyCode::Enter => {
                let input = self.input.take()?;
                if input.kind == InputKind::Search {
                    match &self.marks {
                        Some(m) => {
                            let n = m.spans.len();
                            self.set_status(&format!("{n} matches for “{}”", input.text), false);
                        }
                        None if !input.text.is_empty() => {
                            self.set_status(&format!("no match for “{}”", input.text), false);
                        }
                        None => {}
                    }
                }
                return None;
            }
            KeyCode::Backspace => {
                input.text.pop();
            }
            KeyCode::Char(c) if !ctrl => input.text.push(c),
            _ => return None,
        }
        let (kind, text) = (input.kind, input.text.clone());
        match kind {
            InputKind::Filter => self.set_filter(text),
            InputKind::Search => self.search(&text),
        }
        None
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

    fn on_mouse(&mut self, m: MouseInput) -> Option<Msg> {
        self.help = None;
        let (x, y, delta) = match m {
            MouseInput::Click { x, y } => (x, y, 0isize),
            MouseInput::ScrollUp { x, y } => (x, y, -(WHEEL as isize)),
            MouseInput::ScrollDown { x, y } => (x, y, WHEEL as isize),
        };
        let pane = self.panes.hit(x, y)?;
        if delta != 0 {
            match pane {
                Focus::List => {
                    let max = self.filtered.len().saturating_sub(self.list_rows());
                    self.list_offset = add(self.list_offset, delta).min(max);
                }
                Focus::Reader => self.scroll = add(self.scroll, delta).min(self.max_scroll()),
                Focus::Sidebar => {
                    let max = self.derived.items.len().saturating_sub(self.side_rows());
                    self.side_offset = add(self.side_offset, delta).min(max);
                }
            }
            return None;
        }
        let panes = self.panes;
        self.set_focus(pane);
        match pane {
            Focus::List => {
                let inner = panes.list?.inner;
                if y >= inner.y && y < inner.bottom() {
                    let row = self.list_offset + usize::from((y - inner.y) / 2);
                    if let Some(&i) = self.filtered.get(row) {
                        self.list_sel = row;
                        self.open(i);
                    }
                }
            }
            Focus::Reader => {}
            Focus::Sidebar => {
                let areas = sidebar::areas(panes.sidebar?.inner, self);
                if areas.report.contains((x, y).into()) {
                    return Some(Msg::Action(Action::ReportError));
                }
                if areas.items.contains((x, y).into()) {
                    let row = self.side_offset + usize::from(y - areas.items.y);
                    if self
                        .derived
                        .items
                        .get(row)
                        .is_some_and(SideItem::selectable)
                    {
                        self.side_sel = row;
                        self.follow_selected();
                    }
                }
            }
        }
        None
    }

    // ------------------------------------------------------------ behaviour

    fn relayout(&mut self) {
        self.panes = layout::panes(self.area, self.focus, self.sidebar_toggle());
        let width = if self.panes.reader.is_some() {
            self.panes.reader_text.width
        } else {
            self.area.width.saturating_sub(2)
        }
        .max(1);
        if width != self.doc.width {
            let top = self.doc.byte_at_line(self.scroll);
            let keep = self.scroll > 0;
            if let Some(a) = self.articles.get(self.current) {
                self.doc = Doc::build(a, width);
            }
            self.scroll = if keep { self.doc.line_of(top) } else { 0 };
        }
        self.scroll = self.scroll.min(self.max_scroll());
        self.fix_offsets();
    }

    fn fix_offsets(&mut self) {
        self.list_sel = self.list_sel.min(self.filtered.len().saturating_sub(1));
        // Offsets follow the cursor only in a pane on screen; a hidden pane
        // keeps its offset until it shows again (relayout calls this).
        if self.panes.list.is_some() {
            self.fix_list_offset();
        }
        if self.panes.sidebar.is_some() {
            self.fix_side_offset();
        }
    }

    fn fix_list_offset(&mut self) {
        let rows = self.list_rows();
        if self.list_sel < self.list_offset {
            self.list_offset = self.list_sel;
        } else if self.list_sel >= self.list_offset + rows {
            self.list_offset = self.list_sel + 1 - rows;
        }
        self.list_offset = self
            .list_offset
            .min(self.filtered.len().saturating_sub(rows));
    }

    fn fix_side_offset(&mut self) {
        let rows = self.side_rows();
        if self.side_sel < self.side_offset {
            // show the group header above the first entry
            self.side_offset = self.side_sel.saturating_sub(1);
        } else if self.side_sel >= self.side_offset + rows {
            self.side_offset = self.side_sel + 1 - rows;
        }
        self.side_offset = self
            .side_offset
            .min(self.derived.items.len().saturating_sub(rows));
    }

    /// Show article `i` in the reader.
    pub fn open(&mut self, i: usize) {
        let Some(article) = self.articles.get(i) else {
            return;
        };
        self.current = i;
        self.text = article.text();
        self.doc = Doc::build(article, self.doc.width.max(1));
        self.scroll = 0;
        self.marks = None;
        if !self.is_analysed(i) {
            self.wanted = Some(i);
        }
        self.derive();
        self.relayout();
    }

    fn derive(&mut self) {
        self.derived = match self.analysis(self.current) {
            Some(a) => Derived::new(&self.text, a),
            None => Derived::pending(),
        };
        self.marks = None;
        self.side_sel = self
            .derived
            .items
            .iter()
            .position(SideItem::selectable)
            .unwrap_or(0);
        self.side_offset = 0;
        self.fix_offsets();
    }

    fn set_focus(&mut self, f: Focus) {
        let entering_sidebar = f == Focus::Sidebar && self.focus != Focus::Sidebar;
        self.focus = f;
        if f == Focus::List
            && let Some(pos) = self.filtered.iter().position(|&i| i == self.current)
        {
            self.list_sel = pos;
        }
        self.relayout();
        if entering_sidebar && self.marks.is_none() {
            // the entry under the cursor is the selected one: follow it
            self.follow_selected();
        }
    }

    fn focus_side(&mut self, right: bool) {
        let order = [Focus::List, Focus::Reader, Focus::Sidebar];
        let visible: Vec<Focus> = order
            .into_iter()
            .filter(|f| self.panes.visible(*f))
            .collect();
        let target = match visible.iter().position(|f| *f == self.focus) {
            Some(p) if visible.len() > 1 => {
                let p = if right {
                    (p + 1).min(visible.len() - 1)
                } else {
                    p.saturating_sub(1)
                };
                visible[p]
            }
            _ if right => self.focus.next(),
            _ => self.focus.prev(),
        };
        self.set_focus(target);
    }

    fn toggle_sidebar(&mut self) {
        match layout::size_class(self.area.width) {
            SizeClass::Wide => {
                self.sidebar_wide = !self.sidebar_wide;
                if !self.sidebar_wide && self.focus == Focus::Sidebar {
                    self.focus = Focus::Reader;
                }
            }
            SizeClass::Medium => {
                self.sidebar_small = !self.sidebar_small;
                let hidden = if self.sidebar_small {
                    Focus::List
                } else {
                    Focus::Sidebar
                };
                if self.focus == hidden {
                    self.focus = Focus::Reader;
                }
            }
            SizeClass::Narrow => {
                self.focus = if self.focus == Focus::Sidebar {
                    Focus::Reader
                } else {
                    Focus::Sidebar
                };
            }
        }
        self.relayout();
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::List => {
                let max = self.filtered.len().saturating_sub(1);
                self.list_sel = add(self.list_sel, delta).min(max);
                self.fix_offsets();
            }
            Focus::Reader => self.scroll = add(self.scroll, delta).min(self.max_scroll()),
            Focus::Sidebar => self.side_move(delta),
        }
    }

    fn page(&mut self, dir: isize) {
        let n = match self.focus {
            Focus::List => self.list_rows(),
            Focus::Reader => self.view_height().saturating_sub(2),
            Focus::Sidebar => self.side_rows(),
        }
        .max(1) as isize;
        self.move_by(dir * n);
    }

    /// Move the sidebar cursor by `delta` selectable entries and follow the entry.
    fn side_move(&mut self, delta: isize) {
        let selectable: Vec<usize> = self
            .derived
            .items
            .iter()
            .enumerate()
            .filter(|(_, it)| it.selectable())
            .map(|(i, _)| i)
            .collect();
        if selectable.is_empty() {
            return;
        }
        let pos = selectable
            .iter()
            .position(|&i| i >= self.side_sel)
            .unwrap_or(0);
        let pos = add(pos, delta).min(selectable.len() - 1);
        self.side_sel = selectable[pos];
        self.fix_offsets();
        self.follow_selected();
    }

    /// Mark every mention of the selected sidebar entry and go to the first.
    fn follow_selected(&mut self) {
        let Some(item) = self.derived.items.get(self.side_sel).cloned() else {
            return;
        };
        let Some(analysis) = self.analysis(self.current) else {
            return;
        };
        let spans = self.derived.follow_spans(&self.text, analysis, &item);
        if spans.is_empty() {
            self.marks = None;
            return;
        }
        let first = spans[0].start;
        self.marks = Some(Marks {
            source: MarkSource::Item(item),
            spans,
            current: 0,
        });
        self.reveal(first);
    }

    fn activate(&mut self) {
        match self.focus {
            Focus::List => {
                if let Some(&i) = self.filtered.get(self.list_sel) {
                    self.open(i);
                    self.set_focus(Focus::Reader);
                }
            }
            Focus::Reader => {}
            Focus::Sidebar => self.follow_selected(),
        }
    }

    fn step_article(&mut self, delta: isize) {
        if self.articles.is_empty() {
            return;
        }
        let order: Vec<usize> = if self.filtered.is_empty() {
            (0..self.articles.len()).collect()
        } else {
            self.filtered.clone()
        };
        let pos = order.iter().position(|&i| i == self.current);
        let next = match pos {
            Some(p) => add(p, delta).min(order.len() - 1),
            None => 0,
        };
        if Some(next) == pos {
            let edge = if delta > 0 { "last" } else { "first" };
            self.set_status(&format!("This is the {edge} article."), false);
            return;
        }
        self.open(order[next]);
        if let Some(p) = self.filtered.iter().position(|&i| i == self.current) {
            self.list_sel = p;
            self.fix_offsets();
        }
    }

    /// Scroll so that byte `at` of the text is on screen.
    fn reveal(&mut self, at: usize) {
        let line = self.doc.line_of(at);
        let h = self.view_height();
        if line < self.scroll || line >= self.scroll + h {
            self.scroll = line.saturating_sub(h / 3);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn jump(&mut self, dir: isize) {
        let Some(m) = self.marks.as_mut() else {
            self.set_status(
                "Nothing to jump to: follow an actor or date in the sidebar, or search with /.",
                false,
            );
            return;
        };
        let n = m.spans.len();
        if n == 0 {
            return;
        }
        m.current = if dir > 0 {
            (m.current + 1) % n
        } else {
            (m.current + n - 1) % n
        };
        let at = m.spans[m.current].start;
        self.reveal(at);
    }

    fn search(&mut self, query: &str) {
        let spans = search::find_all(&self.text, query);
        if spans.is_empty() {
            self.marks = None;
            return;
        }
        let top = self.doc.byte_at_line(self.scroll);
        let current = spans.iter().position(|s| s.start >= top).unwrap_or(0);
        let at = spans[current].start;
        self.marks = Some(Marks {
            source: MarkSource::Search(query.to_string()),
            spans,
            current,
        });
        self.reveal(at);
    }

    fn set_filter(&mut self, filter: String) {
        if self.folded.len() != self.articles.len() {
            self.folded = self
                .articles
                .iter()
                .map(|a| {
                    let mut s = a.headline.clone();
                    for extra in [&a.publisher, &a.url].into_iter().flatten() {
                        s.push(' ');
                        s.push_str(extra);
                    }
                    if let Some(name) = a.source_path.as_ref().and_then(|p| p.file_name()) {
                        s.push(' ');
                        s.push_str(&name.to_string_lossy());
                    }
                    search::fold(&s)
                })
                .collect();
        }
        let words: Vec<String> = search::fold(&filter)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        self.filtered = (0..self.articles.len())
            .filter(|&i| words.iter().all(|w| self.folded[i].contains(w.as_str())))
            .collect();
        self.filter = filter;
        self.list_sel = self
            .filtered
            .iter()
            .position(|&i| i == self.current)
            .unwrap_or(0);
        self.list_offset = 0;
        self.fix_offsets();
    }
}

fn add(a: usize, delta: isize) -> usize {
    if delta >= 0 {
        a.saturating_add(delta as usize)
    } else {
        a.saturating_sub(delta.unsigned_abs())
    }
}
