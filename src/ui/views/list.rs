//! The article list view: its state (filter, cursor) and its drawing
//! (headline, publisher or source, date, language, note mark).

use crate::article::Article;
use crate::ui::app::App;
use crate::ui::layout::Focus;
use crate::ui::search;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The list's own state.
#[derive(Debug, Default)]
pub struct ListView {
    pub filter: String,
    /// Indices of the articles the filter lets through, in order.
    pub filtered: Vec<usize>,
    /// The cursor (an index into `filtered`).
    pub sel: usize,
    pub offset: usize,
    /// What the filter looks into for each article, folded (see
    /// [`searchable`]; filled on the first filter).
    pub folded: Vec<String>,
}

impl ListView {
    /// A list of `n` articles, unfiltered.
    pub fn new(n: usize) -> ListView {
        ListView {
            filtered: (0..n).collect(),
            ..ListView::default()
        }
    }

    /// Keep the articles whose headline, body, byline, source, language or
    /// date has every word of `filter` (case, accents and typographic
    /// quotes aside); the cursor goes
    /// to the `current` article when it is kept.
    pub fn set_filter(&mut self, filter: String, articles: &[Article], current: usize) {
        if self.folded.len() != articles.len() {
            self.folded = articles.iter().map(searchable).collect();
        }
        let words: Vec<String> = search::fold(&filter)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        self.filtered = (0..articles.len())
            .filter(|&i| words.iter().all(|w| self.folded[i].contains(w.as_str())))
            .collect();
        self.filter = filter;
        self.sel = self
            .filtered
            .iter()
            .position(|&i| i == current)
            .unwrap_or(0);
        self.offset = 0;
    }

    /// Keep the cursor in the list and, with `rows` rows on screen, in view.
    pub fn follow_cursor(&mut self, rows: usize) {
        self.sel = self.sel.min(self.filtered.len().saturating_sub(1));
        if self.sel < self.offset {
            self.offset = self.sel;
        } else if self.sel >= self.offset + rows {
            self.offset = self.sel + 1 - rows;
        }
        self.offset = self.offset.min(self.filtered.len().saturating_sub(rows));
    }
}

/// What the filter looks into, folded: headline, authors and editors,
/// publisher, address, file name, language tag, publication date (ISO, so
/// `2024-12` matches a month) and every paragraph of the body. Fields are
/// kept apart by a newline, so that a query never matches across two.
pub fn searchable(a: &Article) -> String {
    let mut s = a.headline.clone();
    let fields = a.authors.iter().chain(&a.editors).map(String::as_str);
    let fields = fields.chain(a.publisher.as_deref()).chain(a.url.as_deref());
    let name = a
        .source_path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned());
    let fields = fields
        .chain(name.as_deref())
        .chain([a.in_language.as_str()])
        .chain(a.date_published.as_deref())
        .chain(a.paragraphs.iter().map(String::as_str));
    for f in fields {
        s.push('\n');
        s.push_str(f);
    }
    search::fold(&s)
}

/// Where an article comes from, for the second line of its row.
pub fn source_label(a: &Article) -> String {
    if let Some(p) = a.publisher.as_deref().filter(|p| !p.is_empty()) {
        return p.to_string();
    }
    if let Some(name) = a.source_path.as_ref().and_then(|p| p.file_name()) {
        return crate::article::sanitize::clean_inline(&name.to_string_lossy());
    }
    if let Some(u) = &a.url {
        let host = u
            .split("://")
            .nth(1)
            .unwrap_or(u)
            .split('/')
            .next()
            .unwrap_or(u);
        return host.to_string();
    }
    String::new()
}

/// `s` in at most `w` columns, cut in the middle with an ellipsis; too narrow
/// a room (under 8 columns) gives `s` back for the line's own clipping.
pub fn fit_middle(s: &str, w: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if s.width() <= w || w < 8 {
        return s.to_string();
    }
    let cw = |c: &char| c.width().unwrap_or(0);
    let tail_w = (w - 1) / 2;
    let head_w = w - 1 - tail_w;
    let mut head = String::new();
    let mut used = 0;
    for c in s.chars() {
        if used + cw(&c) > head_w {
            break;
        }
        used += cw(&c);
        head.push(c);
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        if used + cw(&c) > tail_w {
            break;
        }
        used += cw(&c);
        tail.push(c);
    }
    head.push('…');
    head.extend(tail.into_iter().rev());
    head
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    if app.views.list.filtered.is_empty() {
        let w = app.words();
        let msg = if app.shared.loading.is_some() {
            w.list_loading()
        } else if app.shared.articles.is_empty() {
            w.list_empty()
        } else {
            w.list_no_match()
        };
        buf.set_line(
            area.x,
            area.y,
            &Line::styled(msg, app.shared.theme.dim),
            area.width,
        );
        return;
    }
    let rows = usize::from(area.height / 2).max(1);
    let tall = area.height >= 2;
    for (row, pos) in (app.views.list.offset..app.views.list.filtered.len())
        .take(rows)
        .enumerate()
    {
        let Some(article) = app.shared.articles.get(app.views.list.filtered[pos]) else {
            continue;
        };
        let i = app.views.list.filtered[pos];
        let y = area.y + (row as u16) * if tall { 2 } else { 1 };
        if y >= area.bottom() {
            break;
        }
        let is_current = i == app.views.reader.current;
        let noted = app.views.report.has_notes(&article.id);
        let mut head_style = if is_current {
            app.shared.theme.headline
        } else {
            Style::new()
        };
        let cursor = pos == app.views.list.sel && app.shared.focus == Focus::List;
        if cursor {
            head_style = head_style.patch(app.shared.theme.selected);
        }
        let marker = if is_current { "▶" } else { " " };
        let note = if noted { "✎" } else { " " };
        let head = Line::from(vec![
            Span::styled(marker, head_style),
            Span::styled(note, app.shared.theme.note_mark),
            Span::styled(article.headline.as_str(), head_style),
        ]);
        if cursor {
            buf.set_style(Rect::new(area.x, y, area.width, 1), head_style);
        }
        super::set_line_clipped(buf, area.x, y, &head, area.width);
        if tall && y + 1 < area.bottom() {
            let line = Line::styled(meta_line(article, area.width), app.shared.theme.dim);
            super::set_line_clipped(buf, area.x, y + 1, &line, area.width);
        }
    }
}

/// An article's second line: language, date, publisher or source.
fn meta_line(article: &Article, width: u16) -> String {
    let lang = if article.language_detected {
        format!("{}?", article.in_language)
    } else {
        article.in_language.clone()
    };
    let mut meta = vec![lang];
    if let Some(d) = &article.date_published {
        meta.push(d.chars().take(10).collect());
    }
    // a file name takes what the language and date leave, cut in the
    // middle so that it keeps its end (".txt" or ".json")
    let used: usize = meta.iter().map(|m| m.width() + 3).sum();
    let room = usize::from(width).saturating_sub(2 + used);
    let label = source_label(article);
    let is_file =
        article.publisher.as_deref().is_none_or(str::is_empty) && article.source_path.is_some();
    meta.push(if is_file {
        fit_middle(&label, room)
    } else {
        label
    });
    meta.retain(|m| !m.is_empty());
    format!("  {}", meta.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::fit_middle;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn fit_middle_keeps_both_ends() {
        let cases: &[(&str, usize, &str)] = &[
            ("000_72e7f41f74cb261a.json", 21, "000_72e7f4…b261a.json"),
            ("000_72e7f41f74cb261a.txt", 21, "000_72e7f4…cb261a.txt"),
            ("short.txt", 21, "short.txt"),
            (
                "東京の記事についての長いファイル名.txt",
                15,
                "東京の…名.txt",
            ),
            ("whatever-is-long.txt", 5, "whatever-is-long.txt"),
        ];
        for &(s, w, want) in cases {
            let got = fit_middle(s, w);
            assert_eq!(got, want, "{s} in {w}");
            assert!(got.width() <= w || w < 8, "{got}");
        }
    }
}
