//! The reader on a 16-colour terminal and without colours (issue 16.5):
//! styled snapshots of a noted passage holding entities of several kinds.
//! On 16 colours nothing outside the 16 ANSI colours is drawn; without
//! colours the note's style keeps each kind's cue.
#![cfg(feature = "tui")]

mod ui_fixture;

use lede::ui::app::App;
use lede::ui::keymap::KeyMap;
use lede::ui::msg::Msg;
use lede::ui::theme::{ColorDepth, Theme};
use ratatui::style::{Color, Modifier};
use ui_fixture::*;

/// The fixture app at `depth`, with a note saved on the headline's first
/// words ("Lyon accueille Ольга Петрова et l'Office": a place, a person, an
/// organisation).
fn noted_app(depth: ColorDepth, notes: &std::path::Path) -> App {
    let mut articles = vec![article()];
    articles.extend(others());
    let first = analysis(&articles[0]);
    let mut app = App::new(articles, KeyMap::default(), Theme::for_depth(depth));
    app.dispatch(Msg::Resize(80, 24));
    app.dispatch(Msg::Analysed(0, Box::new(first)));
    app.views.report.path = Some(notes.to_path_buf());
    press(&mut app, "vwwwwww");
    press(&mut app, "e");
    press(&mut app, "Le titre est inexact.");
    ctrl(&mut app, 's');
    assert_eq!(app.views.report.notes.len(), 1, "the note is saved");
    app.shared.status = None; // the message names the temp file
    app
}

/// The styles of words of the reader's first line (the noted headline) as
/// drawn: (word, fg, bg, modifiers).
fn word_styles(app: &App, words: &[&str]) -> Vec<(String, Option<Color>, Option<Color>, Modifier)> {
    let buf = render(app);
    let reader = app.shared.panes.reader_text;
    let y = reader.y;
    let cells: Vec<(u16, String)> = (reader.x..reader.right())
        .map(|x| (x, buf[(x, y)].symbol().to_string()))
        .collect();
    let row: String = cells.iter().map(|(_, s)| s.as_str()).collect();
    let mut out = Vec::new();
    for w in words {
        if let Some(at) = row.find(w) {
            let x = cells[row[..at].chars().count()].0;
            let s = buf[(x, y)].style();
            out.push((w.to_string(), s.fg, s.bg, s.add_modifier));
        }
    }
    out
}

#[test]
fn sixteen_colours_snapshot_uses_only_the_16() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = noted_app(ColorDepth::Ansi16, &dir.path().join("notes.jsonl"));
    let buf = render(&app);
    for cell in buf.content() {
        let s = cell.style();
        for c in [s.fg, s.bg, s.underline_color].into_iter().flatten() {
            assert!(
                !matches!(c, Color::Indexed(_) | Color::Rgb(..)),
                "a colour beyond the 16: {c:?} on {:?}",
                cell.symbol()
            );
        }
    }
    insta::assert_snapshot!(styled_screen(&buf));
}

#[test]
fn no_colour_snapshot_keeps_each_kind_inside_a_noted_passage() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = noted_app(ColorDepth::Mono, &dir.path().join("notes.jsonl"));
    let styles = word_styles(&app, &["Lyon", "Ольга", "Office"]);
    assert_eq!(styles.len(), 3, "{styles:?}");
    let mods: Vec<Modifier> = styles.iter().map(|s| s.3).collect();
    assert!(
        mods[0] != mods[1] && mods[1] != mods[2] && mods[0] != mods[2],
        "the kinds look alike inside the note: {styles:?}"
    );
    for (word, fg, bg, m) in &styles {
        assert!(
            fg.is_none_or(|c| c == Color::Reset) && bg.is_none_or(|c| c == Color::Reset),
            "{word}: a colour"
        );
        assert!(
            m.contains(Modifier::DIM),
            "{word}: not marked as noted: {m:?}"
        );
    }
    insta::assert_snapshot!(styled_screen(&render(&app)));
}
