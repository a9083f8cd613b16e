//! Hand-made articles and analyses for the reader's tests: they do not depend
//! on the extractor, so they keep passing when it improves.
#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use lede::article::{Article, Feedback};
use lede::extract::{Actor, ActorKind, Analysis, Kind, Mention, Span, TimeExpr};
use lede::ui::app::App;
pub use lede::ui::cmd::Cmd;
use lede::ui::keymap::KeyMap;
use lede::ui::msg::Msg;
use lede::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use std::fmt::Write;
use std::path::PathBuf;

/// A short French article written for these tests: Cyrillic, accents, a
/// combining mark (the "é" of Zoé is e + U+0301) and wide CJK characters.
pub fn article() -> Article {
    Article {
        headline: "Lyon accueille Ольга Петрова et l'Office du tourisme de Kyōto".into(),
        authors: vec!["Camille Durand".into()],
        date_published: Some("2025-06-04".into()),
        in_language: "fr".into(),
        publisher: Some("Le Petit Rhodanien".into()),
        paragraphs: vec![
            "Le 3 juin 2025, la maire de Vladivostok, Ольга Петрова, a rencontré Zoe\u{301} Martin à Lyon pour préparer un jumelage. L'Office du tourisme de Kyōto (京都市観光協会) a présenté ses projets aux élus lyonnais, et les délégués japonais ont salué l'accord.".into(),
            "En juin, Zoe\u{301} Martin reviendra à Lyon avec Ольга Петрова pour signer la convention; le texte sera publié au 京都 et à Lyon.".into(),
        ],
        feedback: Some(Feedback {
            prompt: "Une erreur dans cet article ?".into(),
            promise: Some("Nous lirons chaque message.".into()),
            endpoint: None,
        }),
        ..Default::default()
    }
    .finish()
}

/// A second and third article for navigation.
pub fn others() -> Vec<Article> {
    vec![
        Article {
            headline: "Budget: the council votes in Leeds".into(),
            in_language: "en".into(),
            publisher: Some("Northern Wire".into()),
            date_published: Some("2024-11-02".into()),
            paragraphs: vec!["The council met on Tuesday. Mayor Ann Hale spoke first.".into()],
            ..Default::default()
        }
        .finish(),
        Article {
            headline: "Météo : un été sec à Québec".into(),
            in_language: "fr".into(),
            paragraphs: vec!["Il a peu plu cet été.".into()],
            ..Default::default()
        }
        .finish(),
    ]
}

fn spans_of(text: &str, needle: &str) -> Vec<Span> {
    text.match_indices(needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

/// Name, kind, role and the forms (with their mention kind) of one actor.
type ActorDef = (
    &'static str,
    ActorKind,
    Option<&'static str>,
    &'static [(&'static str, Kind)],
);

/// The analysis a perfect extractor would give for [`article`], made by hand.
pub fn analysis(a: &Article) -> Analysis {
    let text = a.text();
    let mut mentions: Vec<(Span, Kind, Option<usize>, Option<usize>)> = Vec::new();
    let actors_def: [ActorDef; 6] = [
        (
            "Ольга Петрова",
            ActorKind::Person,
            Some("maire de Vladivostok"),
            &[("Ольга Петрова", Kind::Person)],
        ),
        (
            "Zoé Martin",
            ActorKind::Person,
            None,
            &[("Zoe\u{301} Martin", Kind::Person)],
        ),
        (
            "Office du tourisme de Kyōto",
            ActorKind::Organization,
            None,
            &[
                ("Office du tourisme de Kyōto", Kind::Organization),
                ("京都市観光協会", Kind::Organization),
            ],
        ),
        (
            "Lyon",
            ActorKind::Place,
            None,
            &[("Lyon", Kind::Place), ("lyonnais", Kind::Nationality)],
        ),
        (
            "Vladivostok",
            ActorKind::Place,
            None,
            &[("Vladivostok", Kind::Place)],
        ),
        (
            "Japon",
            ActorKind::Place,
            None,
            &[("japonais", Kind::Nationality), ("京都", Kind::Place)],
        ),
    ];
    for (ai, (_, _, _, forms)) in actors_def.iter().enumerate() {
        for (form, kind) in forms.iter() {
            for s in spans_of(&text, form) {
                // "京都" inside "京都市観光協会" belongs to the organisation
                if mentions.iter().any(|m| m.0.overlaps(&s)) {
                    continue;
                }
                mentions.push((s, *kind, Some(ai), None));
            }
        }
    }
    let dates_def = [("3 juin 2025", "2025-06-03"), ("juin,", "2025-06")];
    let mut dates = Vec::new();
    for (di, (form, value)) in dates_def.iter().enumerate() {
        let s = spans_of(&text, form)[0];
        let s = Span::new(s.start, s.start + form.trim_end_matches(',').len());
        dates.push(TimeExpr {
            span: s,
            value: value.parse().expect("date value"),
            range_with: None,
            relative: di == 1,
        });
        mentions.push((s, Kind::Date, None, Some(di)));
    }
    mentions.sort_by_key(|m| m.0.start);
    let mentions: Vec<Mention> = mentions
        .into_iter()
        .map(|(span, kind, actor, date)| Mention {
            span,
            kind,
            actor,
            date,
        })
        .collect();
    let actors = actors_def
        .iter()
        .enumerate()
        .map(|(ai, (name, kind, role, forms))| Actor {
            key: format!("test:{name}"),
            name: name.to_string(),
            kind: *kind,
            role: role.map(str::to_string),
            affiliation: None,
            forms: forms.iter().map(|f| f.0.to_string()).collect(),
            mentions: mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.actor == Some(ai))
                .map(|(i, _)| i)
                .collect(),
        })
        .collect();
    Analysis {
        mentions,
        actors,
        dates,
    }
}

/// An app on the fixture articles, analysed, laid out at `w`x`h`.
pub fn app(w: u16, h: u16) -> App {
    app_with(w, h, true)
}

pub fn app_with(w: u16, h: u16, colors: bool) -> App {
    let mut articles = vec![article()];
    articles.extend(others());
    let first = analysis(&articles[0]);
    let mut app = App::new(articles, KeyMap::default(), Theme::new(colors));
    app.dispatch(Msg::Resize(w, h));
    app.dispatch(Msg::Analysed(0, Box::new(first)));
    app
}

/// Type `keys`; returns the commands left for the run loop (analysis, outbox, quit).
pub fn press(app: &mut App, keys: &str) -> Vec<Cmd> {
    let mut cmds = Vec::new();
    for c in keys.chars() {
        cmds.extend(app.dispatch(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        ))));
    }
    cmds
}

pub fn press_code(app: &mut App, code: KeyCode) -> Vec<Cmd> {
    let mods = if code == KeyCode::BackTab {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    app.dispatch(Msg::Key(KeyEvent::new(code, mods)))
}

pub fn render(app: &App) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(
        0,
        0,
        app.shared.panes.area.width,
        app.shared.panes.area.height,
    ));
    lede::ui::views::render(app, &mut buf);
    buf
}

/// The text of `r`'s cells, row by row (wide characters once, not followed
/// by their blank cell).
pub fn cells(buf: &Buffer, r: ratatui::layout::Rect) -> Vec<String> {
    (r.y..r.bottom())
        .map(|y| {
            let mut s = String::new();
            let mut skip = 0;
            for x in r.x..r.right() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
                s.push_str(sym);
            }
            s
        })
        .collect()
}

/// Each row's text, trailing blanks cut.
pub fn rows(buf: &Buffer) -> Vec<String> {
    cells(buf, buf.area)
        .into_iter()
        .map(|s| s.trim_end().to_string())
        .collect()
}

pub fn screen(buf: &Buffer) -> String {
    rows(buf).join("\n")
}

fn style_name(s: Style) -> String {
    let mut parts = Vec::new();
    let color = |c: Color| format!("{c:?}");
    if let Some(fg) = s.fg.filter(|c| *c != Color::Reset) {
        parts.push(format!("fg={}", color(fg)));
    }
    if let Some(bg) = s.bg.filter(|c| *c != Color::Reset) {
        parts.push(format!("bg={}", color(bg)));
    }
    let m = s.add_modifier;
    for (flag, name) in [
        (Modifier::BOLD, "bold"),
        (Modifier::DIM, "dim"),
        (Modifier::ITALIC, "italic"),
        (Modifier::UNDERLINED, "underlined"),
        (Modifier::REVERSED, "reversed"),
    ] {
        if m.contains(flag) {
            parts.push(name.to_string());
        }
    }
    parts.join(" ")
}

/// The screen with, under each row, its runs of styled cells:
/// `  @12..26 "Сергей Лавров" fg=Cyan underlined`. A lost or shifted
/// highlight changes this text.
pub fn styled_screen(buf: &Buffer) -> String {
    let a = buf.area;
    let mut out = String::new();
    for y in a.y..a.bottom() {
        let mut text = String::new();
        let mut runs: Vec<(u16, u16, String, String)> = Vec::new();
        let mut skip = 0;
        for x in a.x..a.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buf[(x, y)];
            let sym = cell.symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            text.push_str(sym);
            let name = style_name(cell.style());
            match runs.last_mut() {
                Some(r) if r.2 == name && r.1 == x => {
                    r.1 = x + 1 + skip as u16;
                    r.3.push_str(sym);
                }
                _ => runs.push((x, x + 1 + skip as u16, name, sym.to_string())),
            }
        }
        let _ = writeln!(out, "{:02}|{}", y, text.trim_end());
        for (from, to, name, t) in runs {
            if !name.is_empty() {
                let _ = writeln!(out, "    @{from}..{to} {:?} {name}", t.trim_end());
            }
        }
    }
    out
}

/// The bundled sample article (the same file as the shared seed).
pub fn sample_path() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for p in [
        dir.join("../shared/seed/000_72e7f41f74cb261a.txt"),
        dir.join("../../shared/seed/000_72e7f41f74cb261a.txt"),
        dir.join("assets/articles/000_72e7f41f74cb261a.txt"),
    ] {
        if p.exists() {
            return p;
        }
    }
    dir.join("assets/articles/000_72e7f41f74cb261a.txt")
}

/// The sample article, loaded by the real loader (or, while the loader is a
/// stub, split by hand: headline, editor line, paragraphs, feedback prompt).
pub fn sample() -> Article {
    let path = sample_path();
    let loaded = lede::ingest::load_paths(std::slice::from_ref(&path), &Default::default());
    if let Some(a) = loaded.articles.into_iter().next() {
        return a;
    }
    let text = std::fs::read_to_string(&path).expect("sample article");
    let blocks = lede::article::split_paragraphs(&text);
    let mut a = Article {
        headline: blocks[0].clone(),
        in_language: "fr".into(),
        source_path: Some(path),
        ..Default::default()
    };
    for b in &blocks[1..] {
        if let Some(ed) = b.strip_prefix("Édité par :") {
            a.editors.push(ed.trim().to_string());
        } else if b.ends_with('?') && b.len() < 80 {
            a.feedback = Some(Feedback {
                prompt: b.clone(),
                promise: None,
                endpoint: None,
            });
        } else if a.feedback.is_some() {
            if let Some(f) = a.feedback.as_mut() {
                f.promise = Some(b.clone());
            }
        } else {
            a.paragraphs.push(b.clone());
        }
    }
    a.finish()
}

pub fn ctrl(app: &mut App, c: char) -> Vec<Cmd> {
    app.dispatch(Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )))
}

/// The fixture reader (a French article with its publisher's prompt) saving
/// notes in `path`.
pub fn app_saving_in(path: &std::path::Path, w: u16, h: u16) -> App {
    let mut app = app(w, h);
    app.views.report.path = Some(path.to_path_buf());
    app
}

pub fn notes_in(path: &std::path::Path) -> Vec<lede::notes::Note> {
    lede::notes::Store::new(path)
        .load()
        .expect("the notes file loads")
        .notes
}
