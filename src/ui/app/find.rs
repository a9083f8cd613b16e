//! Typing into the list filter or the article search, and the mouse.

use super::{App, InputKind, MarkSource, Marks, WHEEL, add};
use crate::ui::cmd::Cmd;
use crate::ui::i18n::fill;
use crate::ui::keymap::Action;
use crate::ui::layout::Focus;
use crate::ui::mode::{self, Mode};
use crate::ui::model::SideItem;
use crate::ui::msg::MouseInput;
use crate::ui::search;
use crate::ui::views::sidebar;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl App {
    pub(super) fn on_input_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        if mode::is_ctrl_c(&key) {
            return vec![Cmd::Quit];
        }
        let ctrl = key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let Mode::Input(input) = &mut self.mode else {
            return Vec::new();
        };
        match key.code {
            KeyCode::Esc => {
                let kind = input.kind;
                self.mode = Mode::Browse;
                match kind {
                    InputKind::Filter => self.set_filter(String::new()),
                    InputKind::Search => self.views.reader.marks = None,
                }
                return Vec::new();
            }
            KeyCode::Enter => {
                let input = input.clone();
                self.mode = Mode::Browse;
                if input.kind == InputKind::Search {
                    self.say_matches(&input.text);
                }
                return Vec::new();
            }
            KeyCode::Backspace => {
                input.text.pop();
            }
            KeyCode::Char(c) if !ctrl => input.text.push(c),
            _ => return Vec::new(),
        }
        let (kind, text) = (input.kind, input.text.clone());
        match kind {
            InputKind::Filter => self.set_filter(text),
            InputKind::Search => self.search(&text),
        }
        Vec::new()
    }

    fn say_matches(&mut self, query: &str) {
        let w = self.words();
        let text = match &self.views.reader.marks {
            Some(m) => {
                let n = m.spans.len();
                let template = if n == 1 {
                    w.msg_one_match()
                } else {
                    w.msg_matches()
                };
                fill(template, &[("n", &n.to_string()), ("q", query)])
            }
            None if !query.is_empty() => fill(w.msg_no_match(), &[("q", query)]),
            None => return,
        };
        self.set_status(&text, false);
    }

    pub(super) fn on_mouse(&mut self, m: MouseInput) -> Vec<Cmd> {
        match (&self.mode, m) {
            (Mode::Form(_), m) => crate::ui::views::form::view::on_mouse(self, m),
            (Mode::Notes(_) | Mode::NoteAsk(_), MouseInput::Drag { .. }) => Vec::new(),
            (Mode::Browse | Mode::Visual(_), MouseInput::Drag { x, y }) => {
                crate::ui::views::notes::on_drag(self, x, y);
                Vec::new()
            }
            (_, MouseInput::Drag { .. }) => Vec::new(),
            (_, MouseInput::Release) => {
                self.views.report.drag_from = None;
                Vec::new()
            }
            (mode, MouseInput::Click { x, y }) => {
                // a drag may start here (not from the notes list)
                if !matches!(mode, Mode::Notes(_) | Mode::NoteAsk(_)) {
                    self.views.report.drag_from = crate::ui::passage::byte_at_cell(self, x, y);
                }
                self.on_pointer(x, y, 0)
            }
            (_, MouseInput::ScrollUp { x, y }) => self.on_pointer(x, y, -(WHEEL as isize)),
            (_, MouseInput::ScrollDown { x, y }) => self.on_pointer(x, y, WHEEL as isize),
        }
    }

    /// A click (`delta` 0) or a wheel turn over the panes.
    fn on_pointer(&mut self, x: u16, y: u16, delta: isize) -> Vec<Cmd> {
        if matches!(self.mode, Mode::Help(_) | Mode::Log(_)) {
            self.mode = Mode::Browse;
        }
        let Some(pane) = self.shared.panes.hit(x, y) else {
            return Vec::new();
        };
        if delta != 0 {
            self.wheel(pane, delta);
            return Vec::new();
        }
        self.click(pane, x, y)
    }

    fn wheel(&mut self, pane: Focus, delta: isize) {
        match pane {
            Focus::List => {
                let max = self
                    .views
                    .list
                    .filtered
                    .len()
                    .saturating_sub(self.list_rows());
                self.views.list.offset = add(self.views.list.offset, delta).min(max);
            }
            Focus::Reader => {
                self.views.reader.scroll =
                    add(self.views.reader.scroll, delta).min(self.max_scroll())
            }
            Focus::Sidebar => {
                let max = self
                    .views
                    .reader
                    .derived
                    .items
                    .len()
                    .saturating_sub(self.side_rows());
                self.views.sidebar.offset = add(self.views.sidebar.offset, delta).min(max);
            }
        }
    }

    fn click(&mut self, pane: Focus, x: u16, y: u16) -> Vec<Cmd> {
        let panes = self.shared.panes;
        self.set_focus(pane);
        match pane {
            Focus::List => {
                let Some(list) = panes.list else {
                    return Vec::new();
                };
                let inner = list.inner;
                if y >= inner.y && y < inner.bottom() {
                    let row = self.views.list.offset + usize::from((y - inner.y) / 2);
                    if let Some(&i) = self.views.list.filtered.get(row) {
                        self.views.list.sel = row;
                        self.open(i);
                    }
                }
            }
            Focus::Reader => {
                // a click on a highlighted name follows its actor or date
                let text = self.shared.panes.reader_text;
                if text.contains((x, y).into()) {
                    let line = self.views.reader.scroll + usize::from(y - text.y);
                    if let Some(at) = self.views.reader.doc.byte_at(line, x - text.x) {
                        self.follow_at(at);
                    }
                }
            }
            Focus::Sidebar => {
                let Some(side) = panes.sidebar else {
                    return Vec::new();
                };
                let areas = sidebar::areas(side.inner, self);
                if areas.report.contains((x, y).into()) {
                    return self.on_action(Action::ReportError);
                }
                if areas.items.contains((x, y).into()) {
                    let row = self.views.sidebar.offset + usize::from(y - areas.items.y);
                    if self
                        .views
                        .reader
                        .derived
                        .items
                        .get(row)
                        .is_some_and(SideItem::selectable)
                    {
                        self.views.sidebar.sel = row;
                        self.follow_selected();
                    }
                }
            }
        }
        Vec::new()
    }

    pub(super) fn search(&mut self, query: &str) {
        let fresh = |(i, f): &(usize, search::Folded)| {
            *i == self.views.reader.current && f.is_for(&self.views.reader.doc.text)
        };
        if !self.views.reader.search_index.as_ref().is_some_and(fresh) {
            self.views.reader.search_index = Some((
                self.views.reader.current,
                search::Folded::new(&self.views.reader.doc.text),
            ));
        }
        let spans = self
            .views
            .reader
            .search_index
            .as_ref()
            .map(|(_, f)| f.find_all(&self.views.reader.doc.text, query))
            .unwrap_or_default();
        if spans.is_empty() {
            self.views.reader.marks = None;
            return;
        }
        let top = self.views.reader.doc.byte_at_line(self.views.reader.scroll);
        let current = spans.iter().position(|s| s.start >= top).unwrap_or(0);
        let at = spans[current].start;
        self.views.reader.marks = Some(Marks {
            source: MarkSource::Search(query.to_string()),
            spans,
            current,
        });
        self.reveal(at);
    }

    pub(super) fn set_filter(&mut self, filter: String) {
        let current = self.views.reader.current;
        self.views
            .list
            .set_filter(filter, &self.shared.articles, current);
        self.fix_offsets();
    }
}
