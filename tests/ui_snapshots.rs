//! Screens on ratatui's TestBackend, characters AND styles (see
//! `ui_fixture::styled_screen`): a lost or shifted highlight fails.
#![cfg(feature = "tui")]

mod ui_fixture;

use crossterm::event::KeyCode;
use lede::extract::{Kind, Span};
use lede::ui::app::App;
use lede::ui::keymap::KeyMap;
use lede::ui::msg::Msg;
use lede::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ui_fixture::*;

/// Draw through a real `Terminal` on a `TestBackend`, as the binary does.
fn draw(app: &App) -> ratatui::buffer::Buffer {
    let a = app.shared.panes.area;
    let mut term = Terminal::new(TestBackend::new(a.width, a.height)).unwrap();
    term.draw(|f| lede::ui::views::draw(f, app)).unwrap();
    term.backend().buffer().clone()
}

#[test]
fn fixture_80x24() {
    insta::assert_snapshot!(styled_screen(&draw(&app(80, 24))));
}

#[test]
fn fixture_120x40_following_an_actor() {
    let mut app = app(120, 40);
    press_code(&mut app, KeyCode::Tab);
    press(&mut app, "n");
    insta::assert_snapshot!(styled_screen(&draw(&app)));
}

#[test]
fn fixture_200x60_searching() {
    let mut app = app(200, 60);
    press(&mut app, "/lyon");
    insta::assert_snapshot!(styled_screen(&draw(&app)));
}

#[test]
fn fixture_no_color_80x24() {
    insta::assert_snapshot!(styled_screen(&draw(&app_with(80, 24, false))));
}

#[test]
fn help_overlay_100x30() {
    let mut app = app(100, 30);
    press(&mut app, "?");
    insta::assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn help_overlay_narrow_40x20_scrolled() {
    let mut app = app(40, 20);
    press(&mut app, &format!("?{}", "j".repeat(200)));
    insta::assert_snapshot!(screen(&draw(&app)));
    // scrolled to the end: one k shows one line more at the top
    press(&mut app, "k");
    assert!(app.mode.help().is_some_and(|o| o > 0));
}

#[test]
fn tiny_20x6_and_narrow_50x16() {
    let tiny = app(20, 6);
    let mut narrow = app(50, 16);
    press_code(&mut narrow, KeyCode::Tab);
    let both = format!(
        "{}\n----\n{}",
        styled_screen(&draw(&tiny)),
        screen(&draw(&narrow))
    );
    insta::assert_snapshot!(both);
}

/// The sample article as the real loader and extractor see it. These
/// snapshots change when the extractor improves: re-accept them then.
fn sample_app(w: u16, h: u16) -> App {
    let article = sample();
    let analysis = lede::extract::extract(&article);
    let mut app = App::new(vec![article], KeyMap::default(), Theme::new(true));
    app.dispatch(Msg::Resize(w, h));
    app.dispatch(Msg::Analysed(0, Box::new(analysis)));
    app
}

#[test]
fn sample_80x24() {
    insta::assert_snapshot!(styled_screen(&draw(&sample_app(80, 24))));
}

#[test]
fn sample_120x40() {
    insta::assert_snapshot!(styled_screen(&draw(&sample_app(120, 40))));
}

#[test]
fn sample_200x60() {
    insta::assert_snapshot!(styled_screen(&draw(&sample_app(200, 60))));
}

fn kind_of(fg: Option<Color>) -> Option<Kind> {
    let theme = Theme::new(true);
    Kind::ALL
        .into_iter()
        .find(|k| theme.kind(*k).fg == fg && fg.is_some())
}

/// Per kind, the highlighted characters of the reader in reading order, spaces removed.
fn highlighted(app: &App) -> Vec<(Kind, String)> {
    let buf = draw(app);
    let area = app.shared.panes.reader_text;
    let mut out: Vec<(Kind, String)> = Vec::new();
    for y in area.y..area.bottom() {
        for x in area.x..area.right() {
            let cell = &buf[(x, y)];
            if let Some(k) = kind_of(cell.fg.into()) {
                let sym: String = cell.symbol().split_whitespace().collect();
                match out.last_mut() {
                    Some((pk, s)) if *pk == k => s.push_str(&sym),
                    _ => out.push((k, sym)),
                }
            }
        }
    }
    out.retain(|(_, s)| !s.is_empty());
    out
}

fn expected(app: &App) -> Vec<(Kind, String)> {
    let mut out: Vec<(Kind, String)> = Vec::new();
    for (span, kind) in &app.views.reader.derived.mentions {
        let s: String = span.text(app.text()).split_whitespace().collect();
        match out.last_mut() {
            Some((pk, prev)) if pk == kind => prev.push_str(&s),
            _ => out.push((*kind, s)),
        }
    }
    out
}

#[test]
fn highlights_stay_on_their_words_at_every_width() {
    // Cyrillic, a combining accent, wide CJK: every width from 14 to 90
    // columns, the reader scrolled so every line is checked.
    for w in 16..=92u16 {
        let mut app = app(w, 200);
        app.dispatch(Msg::Resize(w, 200));
        assert!(
            app.max_scroll() == 0,
            "whole article on screen at width {w}"
        );
        assert_eq!(highlighted(&app), expected(&app), "width {w}");
    }
}

#[test]
fn sergei_lavrov_is_highlighted_exactly_in_the_sample() {
    let article = sample();
    let text = article.text();
    let start = text
        .find("Sergueï Lavrov")
        .expect("the sample names Sergueï Lavrov");
    let mut analysis = lede::extract::Analysis::default();
    analysis.mentions.push(lede::extract::Mention {
        span: Span::new(start, start + "Sergueï Lavrov".len()),
        kind: Kind::Person,
        actor: None,
        date: None,
    });
    for (w, h) in [(80, 24), (120, 40), (200, 60), (61, 40), (95, 40)] {
        let mut app = App::new(vec![article.clone()], KeyMap::default(), Theme::new(true));
        app.dispatch(Msg::Resize(w, h));
        app.dispatch(Msg::Analysed(0, Box::new(analysis.clone())));
        assert_eq!(
            highlighted(&app),
            [(Kind::Person, "SergueïLavrov".to_string())],
            "{w}x{h}"
        );
        // and the cells right before and after are not highlighted
        let buf = draw(&app);
        let area = app.shared.panes.reader_text;
        let row = (area.y..area.bottom())
            .find(|y| {
                (area.x..area.right()).any(|x| {
                    buf[(x, *y)].symbol() == "ï" && kind_of(buf[(x, *y)].fg.into()).is_some()
                })
            })
            .expect("Sergueï is on screen");
        let cells: Vec<(String, bool)> = (area.x..area.right())
            .map(|x| {
                (
                    buf[(x, row)].symbol().to_string(),
                    kind_of(buf[(x, row)].fg.into()).is_some(),
                )
            })
            .collect();
        let first = cells.iter().position(|c| c.1).unwrap();
        assert_eq!(cells[first].0, "S");
        assert!(first == 0 || cells[first - 1].0 == " ");
    }
}
