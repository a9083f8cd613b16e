//! The article list: headline, publisher or source, date, language, note mark.

use crate::article::Article;
use crate::ui::app::App;
use crate::ui::layout::Focus;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

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

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    if app.filtered.is_empty() {
        let msg = if app.loading.is_some() {
            "Loading…"
        } else if app.articles.is_empty() {
            "No articles loaded."
        } else {
            "No article matches the filter (Esc clears it)."
        };
        buf.set_line(
            area.x,
            area.y,
            &Line::styled(msg, app.theme.dim),
            area.width,
        );
        return;
    }
    let rows = usize::from(area.height / 2).max(1);
    let tall = area.height >= 2;
    for (row, pos) in (app.list_offset..app.filtered.len()).take(rows).enumerate() {
        let Some(article) = app.articles.get(app.filtered[pos]) else {
            continue;
        };
        let i = app.filtered[pos];
        let y = area.y + (row as u16) * if tall { 2 } else { 1 };
        if y >= area.bottom() {
            break;
        }
        let is_current = i == app.current;
        let noted = app.noted.contains(&article.id);
        let mut head_style = if is_current {
            app.theme.headline
        } else {
            Style::new()
        };
        let cursor = pos == app.list_sel && app.focus == Focus::List;
        if cursor {
            head_style = head_style.patch(app.theme.selected);
        }
        let marker = if is_current { "▶" } else { " " };
        let note = if noted { "✎" } else { " " };
        let head = Line::from(vec![
            Span::styled(marker, head_style),
            Span::styled(note, app.theme.note_mark),
            Span::styled(article.headline.as_str(), head_style),
        ]);
        if cursor {
            buf.set_style(Rect::new(area.x, y, area.width, 1), head_style);
        }
        super::set_line_clipped(buf, area.x, y, &head, area.width);
        if tall && y + 1 < area.bottom() {
            let lang = if article.language_detected {
                format!("{}?", article.in_language)
            } else {
                article.in_language.clone()
            };
            let mut meta = vec![lang];
            if let Some(d) = &article.date_published {
                meta.push(d.chars().take(10).collect());
            }
            meta.push(source_label(article));
            meta.retain(|m| !m.is_empty());
            let line = Line::styled(format!("  {}", meta.join(" · ")), app.theme.dim);
            super::set_line_clipped(buf, area.x, y + 1, &line, area.width);
        }
    }
}
