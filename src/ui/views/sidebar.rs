//! The sidebar view: its state (cursor, shown or not) and its drawing: actors by group and importance, dates in time order, the
//! followed entry's "mention 2/5", and the article's report-an-error prompt.

use crate::article::Article;
use crate::ui::app::{App, MarkSource};
use crate::ui::i18n::{Words, fill};
use crate::ui::keymap::Action;
use crate::ui::layout::Focus;
use crate::ui::model::SideItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// The sidebar's own state: its cursor and whether it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SidebarView {
    /// The selected entry (an index into `Derived::items`).
    pub sel: usize,
    pub offset: usize,
    /// Shown on a wide screen (`s` hides it).
    pub wide: bool,
    /// Shown instead of the list on a medium screen.
    pub small: bool,
}

impl Default for SidebarView {
    fn default() -> Self {
        SidebarView {
            sel: 0,
            offset: 0,
            wide: true,
            small: false,
        }
    }
}

impl SidebarView {
    /// Keep the cursor in view with `rows` rows on screen and `items` entries
    /// (the group header above the first entry shows too).
    pub fn follow_cursor(&mut self, rows: usize, items: usize) {
        if self.sel < self.offset {
            self.offset = self.sel.saturating_sub(1);
        } else if self.sel >= self.offset + rows {
            self.offset = self.sel + 1 - rows;
        }
        self.offset = self.offset.min(items.saturating_sub(rows));
    }
}

/// The parts of the sidebar's inner area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub items: Rect,
    /// "mention 2/5" while an entry is followed.
    pub follow: Option<Rect>,
    /// The report-an-error entry (empty when there is no room).
    pub report: Rect,
}

/// The prompt of the report-an-error entry: the publisher's own when the
/// article has one, else a plain one in the article's language.
pub fn report_prompt(article: Option<&Article>, w: Words) -> String {
    match article {
        Some(a) => match &a.feedback {
            Some(f) if !f.prompt.trim().is_empty() => f.prompt.clone(),
            _ => w.side_report_prompt().into(),
        },
        None => String::new(),
    }
}

fn report_lines(app: &App, width: u16) -> Vec<String> {
    let w = app.article_words();
    let prompt = crate::ui::french::typeset(w, &report_prompt(app.article(), w));
    if prompt.is_empty() || width == 0 {
        return Vec::new();
    }
    let mut lines: Vec<String> = textwrap::wrap(&prompt, usize::from(width))
        .into_iter()
        .take(3)
        .map(|c| c.into_owned())
        .collect();
    let key = app.shared.keymap.hint(Action::ReportError);
    lines.push(fill(w.side_report_key(), &[("key", &key)]));
    lines
}

fn following(app: &App) -> bool {
    matches!(&app.views.reader.marks, Some(m) if matches!(m.source, MarkSource::Item(_)))
}

pub fn areas(inner: Rect, app: &App) -> Areas {
    let mut items = inner;
    let report_h = if inner.height >= 8 {
        report_lines(app, inner.width).len() as u16 + 1
    } else {
        0
    };
    let report_h = report_h.min(items.height);
    let report = Rect::new(inner.x, inner.bottom() - report_h, inner.width, report_h);
    items.height -= report_h;
    let follow = if following(app) && items.height >= 3 {
        items.height -= 1;
        Some(Rect::new(items.x, items.bottom(), items.width, 1))
    } else {
        None
    };
    Areas {
        items,
        follow,
        report,
    }
}

fn item_line<'a>(app: &'a App, item: &SideItem) -> Line<'a> {
    let Some(analysis) = app.analysis(app.views.reader.current) else {
        return match item {
            SideItem::Header(h) => Line::styled(h.text(app.words()), app.shared.theme.headline),
            SideItem::Note(n) => {
                Line::styled(format!("  {}", n.text(app.words())), app.shared.theme.dim)
            }
            _ => Line::default(),
        };
    };
    match item {
        SideItem::Header(h) => Line::styled(
            h.text(app.words()),
            app.shared.theme.headline.add_modifier(Modifier::UNDERLINED),
        ),
        SideItem::Note(n) => {
            Line::styled(format!("  {}", n.text(app.words())), app.shared.theme.dim)
        }
        SideItem::Actor(i) => {
            let Some(actor) = analysis.actors.get(*i) else {
                return Line::default();
            };
            let kind_style = actor
                .mentions
                .first()
                .and_then(|m| analysis.mentions.get(*m))
                .map(|m| app.shared.theme.kind(m.kind))
                .unwrap_or_default();
            let mut spans = vec![
                Span::raw(format!("{:>3} ", actor.mentions.len())),
                Span::styled(actor.name.as_str(), kind_style),
            ];
            if let Some(role) = &actor.role {
                spans.push(Span::styled(format!(" · {role}"), app.shared.theme.dim));
            }
            Line::from(spans)
        }
        SideItem::Date(g) => {
            let Some(group) = app.views.reader.derived.dates.get(*g) else {
                return Line::default();
            };
            let first = group.dates.first().and_then(|d| analysis.dates.get(*d));
            // For a range, quote the text from its first end to its last
            // ("2020 et 2023") when that is short and on one line.
            let range_text = group.end.as_ref().and(first).and_then(|f| {
                let last = group.dates.get(1).and_then(|d| analysis.dates.get(*d))?;
                let quoted = app.views.reader.doc.text.get(f.span.start..last.span.end)?;
                (quoted.chars().count() <= 40 && !quoted.contains('\n')).then_some(quoted)
            });
            let source = range_text
                .or_else(|| first.and_then(|d| app.views.reader.doc.text.get(d.span.range())))
                .unwrap_or("");
            let occurrences = if group.end.is_some() {
                group.dates.len() / 2
            } else {
                group.dates.len()
            };
            let count = if occurrences > 1 {
                format!(" ×{occurrences}")
            } else {
                String::new()
            };
            let value = match &group.end {
                Some(end) => format!("{}–{end}", group.value),
                None => group.value.to_string(),
            };
            Line::from(vec![
                Span::raw("    "),
                Span::styled(value, app.shared.theme.kind(crate::extract::Kind::Date)),
                Span::styled(format!("  “{source}”{count}"), app.shared.theme.dim),
            ])
        }
    }
}

pub fn render(app: &App, inner: Rect, buf: &mut Buffer) {
    if inner.is_empty() {
        return;
    }
    let a = areas(inner, app);
    let followed = match &app.views.reader.marks {
        Some(m) => match &m.source {
            MarkSource::Item(it) => Some((it, m.current + 1, m.spans.len())),
            MarkSource::Search(_) => None,
        },
        None => None,
    };
    for (row, idx) in (app.views.sidebar.offset..app.views.reader.derived.items.len())
        .take(usize::from(a.items.height))
        .enumerate()
    {
        let item = &app.views.reader.derived.items[idx];
        let mut line = item_line(app, item);
        let y = a.items.y + row as u16;
        if idx == app.views.sidebar.sel && item.selectable() {
            let style = if app.shared.focus == Focus::Sidebar {
                app.shared.theme.selected
            } else {
                app.shared.theme.selected_unfocused
            };
            buf.set_style(Rect::new(a.items.x, y, a.items.width, 1), style);
            line = line.patch_style(style);
        }
        super::set_line_clipped(buf, a.items.x, y, &line, a.items.width);
        if followed.is_some_and(|(it, _, _)| it == item) {
            // the followed entry: a dot in the margin left free by the count
            buf.set_string(a.items.x, y, "●", app.shared.theme.note_mark);
        }
    }
    if let (Some(r), Some((_, n, total))) = (a.follow, followed) {
        let km = &app.shared.keymap;
        let text = fill(
            app.words().side_mention(),
            &[
                ("n", &n.to_string()),
                ("total", &total.to_string()),
                ("next", &km.hint(Action::NextMatch)),
                ("prev", &km.hint(Action::PrevMatch)),
            ],
        );
        buf.set_line(
            r.x,
            r.y,
            &Line::styled(text, app.shared.theme.note_mark),
            r.width,
        );
    }
    if a.report.height > 0 {
        let sep = "─".repeat(usize::from(a.report.width));
        buf.set_line(
            a.report.x,
            a.report.y,
            &Line::styled(sep, app.shared.theme.border),
            a.report.width,
        );
        for (i, l) in report_lines(app, a.report.width).into_iter().enumerate() {
            let y = a.report.y + 1 + i as u16;
            if y >= a.report.bottom() {
                break;
            }
            let style = if l.starts_with('[') {
                app.shared.theme.note_mark
            } else {
                Style::new().add_modifier(Modifier::ITALIC)
            };
            buf.set_line(a.report.x, y, &Line::styled(l, style), a.report.width);
        }
    }
}
