//! Moving around: layout, focus, scrolling, the list and sidebar cursors,
//! following an actor or date, changing article.

use super::{App, MarkSource, Marks, add};
use crate::ui::i18n::fill;
use crate::ui::layout::{self, Focus, SizeClass};
use crate::ui::model::{Derived, SideItem};
use crate::ui::text_layout::Doc;

impl App {
    // ------------------------------------------------------------ behaviour

    pub(super) fn relayout(&mut self) {
        self.shared.panes =
            layout::panes(self.shared.area, self.shared.focus, self.sidebar_toggle());
        let width = if self.shared.panes.reader.is_some() {
            self.shared.panes.reader_text.width
        } else {
            self.shared.area.width.saturating_sub(2)
        }
        .max(1);
        if width != self.views.reader.doc.width {
            let top = self.views.reader.doc.byte_at_line(self.views.reader.scroll);
            let keep = self.views.reader.scroll > 0;
            if let Some(a) = self.shared.articles.get(self.views.reader.current) {
                self.views.reader.doc = Doc::build(a, width);
            }
            self.views.reader.scroll = if keep {
                self.views.reader.doc.line_of(top)
            } else {
                0
            };
        }
        self.views.reader.scroll = self.views.reader.scroll.min(self.max_scroll());
        self.fix_offsets();
    }

    pub(super) fn fix_offsets(&mut self) {
        self.views.list.sel = self
            .views
            .list
            .sel
            .min(self.views.list.filtered.len().saturating_sub(1));
        // Offsets follow the cursor only in a pane on screen; a hidden pane
        // keeps its offset until it shows again (relayout calls this).
        if self.shared.panes.list.is_some() {
            self.fix_list_offset();
        }
        if self.shared.panes.sidebar.is_some() {
            self.fix_side_offset();
        }
    }

    pub(super) fn fix_list_offset(&mut self) {
        let rows = self.list_rows();
        self.views.list.follow_cursor(rows);
    }

    pub(super) fn fix_side_offset(&mut self) {
        let rows = self.side_rows();
        let items = self.views.reader.derived.items.len();
        self.views.sidebar.follow_cursor(rows, items);
    }

    /// Show article `i` in the reader.
    pub fn open(&mut self, i: usize) {
        let articles = self.shared.articles.clone();
        let Some(article) = articles.get(i) else {
            return;
        };
        self.remember_position();
        self.views.reader.current = i;
        self.views.reader.doc = Doc::build(article, self.views.reader.doc.width.max(1));
        // back where the reader was in it (relayout keeps it in range)
        let r = &mut self.views.reader;
        r.positions.shown = Some(article.id.clone());
        r.scroll = match r.positions.by_article.get(&article.id) {
            // the text line that was at the top (or the first under it)
            Some(&at) if at <= r.doc.text.len() => r.doc.line_of(at),
            _ => 0,
        };
        self.views.reader.marks = None;
        if !self.is_analysed(i) {
            self.views.reader.wanted = Some(i);
        }
        self.derive();
        self.relayout();
    }

    /// Remember where the reader is in the article shown.
    pub fn remember_position(&mut self) {
        let top = self.views.reader.doc.byte_at_line(self.views.reader.scroll);
        let top = if self.views.reader.scroll == 0 {
            0
        } else {
            top
        };
        self.views.reader.positions.remember(top);
    }

    pub(super) fn derive(&mut self) {
        let supported = self
            .article()
            .is_none_or(|a| crate::ui::model::extraction_supported(&a.in_language));
        self.views.reader.derived = match self.analysis(self.views.reader.current) {
            _ if !supported => Derived::unsupported(),
            Some(a) => Derived::new(&self.views.reader.doc.text, a),
            None => Derived::pending(),
        };
        self.views.reader.marks = None;
        self.views.sidebar.sel = self
            .views
            .reader
            .derived
            .items
            .iter()
            .position(SideItem::selectable)
            .unwrap_or(0);
        self.views.sidebar.offset = 0;
        self.fix_offsets();
    }

    pub(crate) fn set_focus(&mut self, f: Focus) {
        let entering_sidebar = f == Focus::Sidebar && self.shared.focus != Focus::Sidebar;
        self.shared.focus = f;
        if f == Focus::List
            && let Some(pos) = self
                .views
                .list
                .filtered
                .iter()
                .position(|&i| i == self.views.reader.current)
        {
            self.views.list.sel = pos;
        }
        self.relayout();
        if entering_sidebar && self.views.reader.marks.is_none() {
            // the entry under the cursor is the selected one: follow it
            self.follow_selected();
        }
    }

    pub(super) fn focus_side(&mut self, right: bool) {
        let order = [Focus::List, Focus::Reader, Focus::Sidebar];
        let visible: Vec<Focus> = order
            .into_iter()
            .filter(|f| self.shared.panes.visible(*f))
            .collect();
        let target = match visible.iter().position(|f| *f == self.shared.focus) {
            Some(p) if visible.len() > 1 => {
                let p = if right {
                    (p + 1).min(visible.len() - 1)
                } else {
                    p.saturating_sub(1)
                };
                visible[p]
            }
            _ if right => self.shared.focus.next(),
            _ => self.shared.focus.prev(),
        };
        self.set_focus(target);
    }

    /// Show the sidebar when it is hidden, hide it when it shows: what is
    /// on screen decides (a focused sidebar shows even when toggled off,
    /// so one press always changes something).
    pub(super) fn toggle_sidebar(&mut self) {
        let shown = self.shared.panes.sidebar.is_some();
        match layout::size_class(self.shared.area.width) {
            SizeClass::Wide => {
                self.views.sidebar.wide = !shown;
                if shown && self.shared.focus == Focus::Sidebar {
                    self.shared.focus = Focus::Reader;
                }
            }
            SizeClass::Medium => {
                self.views.sidebar.small = !shown;
                let hidden = if self.views.sidebar.small {
                    Focus::List
                } else {
                    Focus::Sidebar
                };
                if self.shared.focus == hidden {
                    self.shared.focus = Focus::Reader;
                }
            }
            SizeClass::Narrow => {
                self.shared.focus = if self.shared.focus == Focus::Sidebar {
                    Focus::Reader
                } else {
                    Focus::Sidebar
                };
            }
        }
        self.relayout();
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        match self.shared.focus {
            Focus::List => {
                let max = self.views.list.filtered.len().saturating_sub(1);
                self.views.list.sel = add(self.views.list.sel, delta).min(max);
                self.fix_offsets();
            }
            Focus::Reader => {
                self.views.reader.scroll =
                    add(self.views.reader.scroll, delta).min(self.max_scroll())
            }
            Focus::Sidebar => self.side_move(delta),
        }
    }

    pub(super) fn page(&mut self, dir: isize) {
        let n = match self.shared.focus {
            Focus::List => self.list_rows(),
            Focus::Reader => self.view_height().saturating_sub(2),
            Focus::Sidebar => self.side_rows(),
        }
        .max(1) as isize;
        self.move_by(dir * n);
    }

    /// Move the sidebar cursor by `delta` selectable entries and follow the entry.
    pub(super) fn side_move(&mut self, delta: isize) {
        let selectable: Vec<usize> = self
            .views
            .reader
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
            .position(|&i| i >= self.views.sidebar.sel)
            .unwrap_or(0);
        let pos = add(pos, delta).min(selectable.len() - 1);
        self.views.sidebar.sel = selectable[pos];
        self.fix_offsets();
        self.follow_selected();
    }

    /// Mark every mention of the selected sidebar entry and go to the first.
    pub(super) fn follow_selected(&mut self) {
        let Some(item) = self
            .views
            .reader
            .derived
            .items
            .get(self.views.sidebar.sel)
            .cloned()
        else {
            return;
        };
        let Some(analysis) = self.analysis(self.views.reader.current) else {
            return;
        };
        let spans =
            self.views
                .reader
                .derived
                .follow_spans(&self.views.reader.doc.text, analysis, &item);
        if spans.is_empty() {
            self.views.reader.marks = None;
            return;
        }
        let first = spans[0].start;
        self.views.reader.marks = Some(Marks {
            source: MarkSource::Item(item),
            spans,
            current: 0,
        });
        self.reveal(first);
        // the "mention 1/n" footer takes a row: keep the entry above it
        self.fix_offsets();
    }

    /// Follow the actor or date whose mention covers byte `at`, if any.
    pub(super) fn follow_at(&mut self, at: usize) {
        let Some(analysis) = self.analysis(self.views.reader.current) else {
            return;
        };
        let Some(m) = analysis
            .mentions
            .iter()
            .find(|m| m.span.start <= at && at < m.span.end)
        else {
            return;
        };
        let item = match (m.actor, m.date) {
            (Some(a), _) => Some(SideItem::Actor(a)),
            (None, Some(d)) => self
                .views
                .reader
                .derived
                .dates
                .iter()
                .position(|g| g.dates.contains(&d))
                .map(SideItem::Date),
            (None, None) => None,
        };
        let Some(pos) = item.and_then(|it| {
            self.views
                .reader
                .derived
                .items
                .iter()
                .position(|i| *i == it)
        }) else {
            return;
        };
        self.views.sidebar.sel = pos;
        self.fix_offsets();
        self.follow_selected();
        if let Some(marks) = self.views.reader.marks.as_mut() {
            // the clicked mention is the current one
            if let Some(i) = marks.spans.iter().position(|s| s.start <= at && at < s.end) {
                marks.current = i;
            }
        }
    }

    pub(super) fn activate(&mut self) {
        match self.shared.focus {
            Focus::List => {
                if let Some(&i) = self.views.list.filtered.get(self.views.list.sel) {
                    self.open(i);
                    self.set_focus(Focus::Reader);
                }
            }
            Focus::Reader => {}
            Focus::Sidebar => self.follow_selected(),
        }
    }

    pub(super) fn step_article(&mut self, delta: isize) {
        if self.shared.articles.is_empty() {
            return;
        }
        let order: Vec<usize> = if self.views.list.filtered.is_empty() {
            (0..self.shared.articles.len()).collect()
        } else {
            self.views.list.filtered.clone()
        };
        let pos = order.iter().position(|&i| i == self.views.reader.current);
        let next = match pos {
            Some(p) => add(p, delta).min(order.len() - 1),
            None => 0,
        };
        if Some(next) == pos {
            let w = self.words();
            let edge = if delta > 0 {
                w.msg_last_article()
            } else {
                w.msg_first_article()
            };
            self.set_status(edge, false);
            return;
        }
        self.open(order[next]);
        if let Some(p) = self
            .views
            .list
            .filtered
            .iter()
            .position(|&i| i == self.views.reader.current)
        {
            self.views.list.sel = p;
            self.fix_offsets();
        }
    }

    /// Scroll so that byte `at` of the text is on screen.
    pub(crate) fn reveal(&mut self, at: usize) {
        let h = self.view_height();
        self.views.reader.reveal(at, h);
    }

    pub(super) fn jump(&mut self, dir: isize) {
        let w = self.words();
        let no_sidebar = self.shared.panes.sidebar.is_none();
        let Some(m) = self.views.reader.marks.as_mut() else {
            self.set_status(w.msg_nothing_to_jump(), false);
            return;
        };
        let n = m.spans.len();
        if n == 0 {
            return;
        }
        let before = m.current;
        m.current = if dir > 0 {
            (m.current + 1) % n
        } else {
            (m.current + n - 1) % n
        };
        let (i, at) = (m.current, m.spans[m.current].start);
        let wrapped = if dir > 0 && i < before {
            w.msg_from_top()
        } else if dir < 0 && i > before {
            w.msg_from_end()
        } else {
            ""
        };
        let (pos, total) = ((i + 1).to_string(), n.to_string());
        let values = [("i", pos.as_str()), ("n", &total), ("wrapped", wrapped)];
        // where we are: the sidebar says it for a followed actor when it is shown
        let status = match &m.source {
            MarkSource::Search(q) => {
                let mut v = values.to_vec();
                v.push(("q", q));
                Some(fill(w.msg_match(), &v))
            }
            _ if no_sidebar || !wrapped.is_empty() => Some(fill(w.msg_mention(), &values)),
            _ => None,
        };
        if let Some(s) = status {
            self.set_status(&s, false);
        }
        self.reveal(at);
    }
}
