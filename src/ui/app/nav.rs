//! Moving around: layout, focus, scrolling, the list and sidebar cursors,
//! following an actor or date, changing article.

use super::{App, MarkSource, Marks, add};
use crate::ui::layout::{self, Focus, SizeClass};
use crate::ui::model::{Derived, SideItem};
use crate::ui::text_layout::Doc;

impl App {
    // ------------------------------------------------------------ behaviour

    pub(super) fn relayout(&mut self) {
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

    pub(super) fn fix_offsets(&mut self) {
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

    pub(super) fn fix_list_offset(&mut self) {
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

    pub(super) fn fix_side_offset(&mut self) {
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

    pub(super) fn derive(&mut self) {
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

    pub(crate) fn set_focus(&mut self, f: Focus) {
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

    pub(super) fn focus_side(&mut self, right: bool) {
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

    pub(super) fn toggle_sidebar(&mut self) {
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

    pub(super) fn move_by(&mut self, delta: isize) {
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

    pub(super) fn page(&mut self, dir: isize) {
        let n = match self.focus {
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
    pub(super) fn follow_selected(&mut self) {
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

    /// Follow the actor or date whose mention covers byte `at`, if any.
    pub(super) fn follow_at(&mut self, at: usize) {
        let Some(analysis) = self.analysis(self.current) else {
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
                .derived
                .dates
                .iter()
                .position(|g| g.dates.contains(&d))
                .map(SideItem::Date),
            (None, None) => None,
        };
        let Some(pos) = item.and_then(|it| self.derived.items.iter().position(|i| *i == it)) else {
            return;
        };
        self.side_sel = pos;
        self.fix_offsets();
        self.follow_selected();
        if let Some(marks) = self.marks.as_mut() {
            // the clicked mention is the current one
            if let Some(i) = marks.spans.iter().position(|s| s.start <= at && at < s.end) {
                marks.current = i;
            }
        }
    }

    pub(super) fn activate(&mut self) {
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

    pub(super) fn step_article(&mut self, delta: isize) {
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
    pub(super) fn reveal(&mut self, at: usize) {
        let line = self.doc.line_of(at);
        let h = self.view_height();
        if line < self.scroll || line >= self.scroll + h {
            self.scroll = line.saturating_sub(h / 3);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    pub(super) fn jump(&mut self, dir: isize) {
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
        let before = m.current;
        m.current = if dir > 0 {
            (m.current + 1) % n
        } else {
            (m.current + n - 1) % n
        };
        let (i, at) = (m.current, m.spans[m.current].start);
        let wrapped = if dir > 0 && i < before {
            " (from the top)"
        } else if dir < 0 && i > before {
            " (from the end)"
        } else {
            ""
        };
        // where we are: the sidebar says it for a followed actor when it is shown
        let status = match &m.source {
            MarkSource::Search(q) => Some(format!("match {}/{n} for “{q}”{wrapped}", i + 1)),
            _ if self.panes.sidebar.is_none() || !wrapped.is_empty() => {
                Some(format!("mention {}/{n}{wrapped}", i + 1))
            }
            _ => None,
        };
        if let Some(s) = status {
            self.set_status(&s, false);
        }
        self.reveal(at);
    }
}
