//! Where each pane goes for a terminal size. Pure: the same numbers are used by
//! `update` (scrolling, mouse hits) and by drawing.

use ratatui::layout::Rect;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    List,
    #[default]
    Reader,
    Sidebar,
}

impl Focus {
    pub fn next(self) -> Focus {
        match self {
            Focus::List => Focus::Reader,
            Focus::Reader => Focus::Sidebar,
            Focus::Sidebar => Focus::List,
        }
    }
    pub fn prev(self) -> Focus {
        match self {
            Focus::List => Focus::Sidebar,
            Focus::Reader => Focus::List,
            Focus::Sidebar => Focus::Reader,
        }
    }
    pub fn label(self, w: crate::ui::i18n::Words) -> &'static str {
        match self {
            Focus::List => w.focus_list(),
            Focus::Reader => w.focus_reader(),
            Focus::Sidebar => w.focus_sidebar(),
        }
    }
}

/// Below this width the sidebar is a toggle (`s`).
pub const WIDE: u16 = 110;
/// Longest reader line: wider panes keep lines readable.
pub const MAX_MEASURE: u16 = 100;
/// Below this width only one pane shows at a time (the list hides).
pub const NARROW: u16 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeClass {
    /// One pane: the focused one.
    Narrow,
    /// Two panes: list and reader, or reader and sidebar.
    Medium,
    /// Three panes; the sidebar can be hidden.
    Wide,
}

pub fn size_class(width: u16) -> SizeClass {
    if width >= WIDE {
        SizeClass::Wide
    } else if width >= NARROW {
        SizeClass::Medium
    } else {
        SizeClass::Narrow
    }
}

/// A pane's outer rectangle and the inner one its content uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pane {
    pub outer: Rect,
    pub inner: Rect,
    pub bordered: bool,
}

impl Pane {
    fn new(outer: Rect) -> Pane {
        let bordered = outer.width >= 12 && outer.height >= 5;
        let inner = if bordered {
            Rect::new(
                outer.x + 1,
                outer.y + 1,
                outer.width.saturating_sub(2),
                outer.height.saturating_sub(2),
            )
        } else {
            outer
        };
        Pane {
            outer,
            inner,
            bordered,
        }
    }
}

/// Every pane for one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub area: Rect,
    pub list: Option<Pane>,
    pub reader: Option<Pane>,
    /// The reader's text area (its inner area less the legend line).
    pub reader_text: Rect,
    pub legend: Option<Rect>,
    pub sidebar: Option<Pane>,
    pub status: Option<Rect>,
}

impl Panes {
    /// The pane at a screen position.
    pub fn hit(&self, x: u16, y: u16) -> Option<Focus> {
        let inside = |p: &Option<Pane>| p.is_some_and(|p| p.outer.contains((x, y).into()));
        if inside(&self.list) {
            Some(Focus::List)
        } else if inside(&self.reader) {
            Some(Focus::Reader)
        } else if inside(&self.sidebar) {
            Some(Focus::Sidebar)
        } else {
            None
        }
    }

    pub fn visible(&self, f: Focus) -> bool {
        match f {
            Focus::List => self.list.is_some(),
            Focus::Reader => self.reader.is_some(),
            Focus::Sidebar => self.sidebar.is_some(),
        }
    }
}

/// Lay out the screen. `sidebar` is the user's sidebar toggle for this size class.
pub fn panes(area: Rect, focus: Focus, sidebar: bool) -> Panes {
    let mut p = Panes {
        area,
        ..Panes::default()
    };
    if area.width == 0 || area.height == 0 {
        return p;
    }
    let (main, status) = if area.height >= 3 {
        (
            Rect::new(area.x, area.y, area.width, area.height - 1),
            Some(Rect::new(area.x, area.y + area.height - 1, area.width, 1)),
        )
    } else {
        (area, None)
    };
    p.status = status;
    let split = |w: u16| -> (Rect, Rect) {
        let w = w.min(main.width);
        (
            Rect::new(main.x, main.y, w, main.height),
            Rect::new(main.x + w, main.y, main.width - w, main.height),
        )
    };
    let list_w = (main.width * 3 / 10).clamp(24, 44);
    let side_w = (main.width / 4).clamp(30, 48);
    match size_class(area.width) {
        SizeClass::Wide => {
            let (l, rest) = split(list_w);
            p.list = Some(Pane::new(l));
            if sidebar || focus == Focus::Sidebar {
                let rw = rest.width.saturating_sub(side_w);
                p.reader = Some(Pane::new(Rect::new(rest.x, rest.y, rw, rest.height)));
                p.sidebar = Some(Pane::new(Rect::new(
                    rest.x + rw,
                    rest.y,
                    rest.width - rw,
                    rest.height,
                )));
            } else {
                p.reader = Some(Pane::new(rest));
            }
        }
        SizeClass::Medium => {
            let show_side = focus != Focus::List && (sidebar || focus == Focus::Sidebar);
            if show_side {
                let side_w = (main.width * 2 / 5).clamp(26, 40);
                let rw = main.width - side_w;
                p.reader = Some(Pane::new(Rect::new(main.x, main.y, rw, main.height)));
                p.sidebar = Some(Pane::new(Rect::new(
                    main.x + rw,
                    main.y,
                    side_w,
                    main.height,
                )));
            } else {
                let (l, r) = split((main.width * 2 / 5).clamp(22, 36));
                p.list = Some(Pane::new(l));
                p.reader = Some(Pane::new(r));
            }
        }
        SizeClass::Narrow => {
            let pane = Some(Pane::new(main));
            match focus {
                Focus::List => p.list = pane,
                Focus::Reader => p.reader = pane,
                Focus::Sidebar => p.sidebar = pane,
            }
        }
    }
    if let Some(r) = p.reader {
        (p.reader_text, p.legend) = reader_parts(r);
    }
    p
}

/// The reader's text area and its legend line (when there is room for one).
fn reader_parts(r: Pane) -> (Rect, Option<Rect>) {
    let inner = r.inner;
    if inner.height < 6 {
        let text = Rect::new(inner.x, inner.y, inner.width.min(MAX_MEASURE), inner.height);
        return (text, None);
    }
    // one column kept free before the scrollbar
    let w = if r.bordered && inner.width > 10 {
        inner.width - 1
    } else {
        inner.width
    };
    let text = Rect::new(inner.x, inner.y, w.min(MAX_MEASURE), inner.height - 1);
    let legend = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
    (text, Some(legend))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_by_size() {
        let wide = panes(Rect::new(0, 0, 200, 60), Focus::Reader, true);
        assert!(wide.list.is_some() && wide.reader.is_some() && wide.sidebar.is_some());
        let hidden = panes(Rect::new(0, 0, 200, 60), Focus::Reader, false);
        assert!(hidden.sidebar.is_none());
        let medium = panes(Rect::new(0, 0, 80, 24), Focus::Reader, false);
        assert!(medium.list.is_some() && medium.sidebar.is_none());
        let medium = panes(Rect::new(0, 0, 80, 24), Focus::Sidebar, false);
        assert!(medium.list.is_none() && medium.sidebar.is_some());
        let narrow = panes(Rect::new(0, 0, 50, 20), Focus::Reader, true);
        assert!(narrow.list.is_none() && narrow.sidebar.is_none() && narrow.reader.is_some());
    }

    #[test]
    fn every_size_fits_inside_the_area() {
        for w in 0..=130u16 {
            for h in 0..=30u16 {
                let area = Rect::new(0, 0, w, h);
                for f in [Focus::List, Focus::Reader, Focus::Sidebar] {
                    for s in [false, true] {
                        let p = panes(area, f, s);
                        for pane in [p.list, p.reader, p.sidebar].into_iter().flatten() {
                            assert!(
                                area.contains(pane.outer.as_position()) || pane.outer.area() == 0
                            );
                            assert!(
                                pane.outer.right() <= area.right()
                                    && pane.outer.bottom() <= area.bottom()
                            );
                        }
                    }
                }
            }
        }
    }
}
