//! The reader as a new user finds it (issue 15): the list filter, messages
//! that expire and the message log, counters that follow the filter,
//! typographic quotes in search, plurals. Key sequences fed to `update`.
#![cfg(feature = "tui")]

mod ui_fixture;

use crossterm::event::KeyCode;
use lede::ui::msg::Msg;
use ui_fixture::*;

fn status(app: &lede::ui::app::App) -> Option<String> {
    app.shared.status.as_ref().map(|s| s.text.clone())
}

fn headlines(app: &lede::ui::app::App) -> Vec<String> {
    app.views
        .list
        .filtered
        .iter()
        .map(|&i| app.shared.articles[i].headline.clone())
        .collect()
}

/// Focus the list and filter it with `q` (Enter keeps the filter).
fn filter(app: &mut lede::ui::app::App, q: &str) {
    press_code(app, KeyCode::Esc);
    while app.shared.focus != lede::ui::layout::Focus::List {
        press_code(app, KeyCode::Tab);
    }
    press(app, "/");
    while app.mode.input().is_some_and(|i| !i.text.is_empty()) {
        press_code(app, KeyCode::Backspace);
    }
    press(app, q);
}

#[test]
fn the_filter_looks_at_body_byline_source_language_and_date() {
    let mut app = app(120, 40);
    let cases: &[(&str, &[&str])] = &[
        // a word only in a body
        ("jumelage", &["Lyon accueille"]),
        ("plu", &["Météo"]),
        // the byline, the publisher, the language tag, a month of the date
        ("camille durand", &["Lyon accueille"]),
        ("northern", &["Budget"]),
        // "en" is also a French word of the first body
        ("en", &["Lyon accueille", "Budget"]),
        ("2024-11", &["Budget"]),
        ("2025-06 lyon", &["Lyon accueille"]),
        // typographic apostrophes and quotes fold to plain ones
        ("l’office", &["Lyon accueille"]),
        ("zzz", &[]),
    ];
    for &(q, want) in cases {
        filter(&mut app, q);
        let got = headlines(&app);
        assert_eq!(got.len(), want.len(), "{q:?}: {got:?}");
        for (g, w) in got.iter().zip(want) {
            assert!(g.starts_with(w), "{q:?}: {got:?}");
        }
        // the number of matches shows while typing
        let s = screen(&render(&app));
        let count = format!("({} of 3 articles", want.len());
        assert!(s.contains(&count), "{q:?}: {count:?} missing from\n{s}");
    }
}

#[test]
fn counters_and_brackets_follow_the_filtered_list() {
    let mut app = app(120, 40);
    filter(&mut app, "fr");
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(app.views.list.filtered, vec![0, 2]);
    let bar = |app: &lede::ui::app::App| rows(&render(app)).last().cloned().unwrap();
    assert!(bar(&app).contains(" 1/2 "), "{}", bar(&app));
    press(&mut app, "]");
    assert!(
        app.text().starts_with("Météo"),
        "] skips the English article"
    );
    assert!(bar(&app).contains(" 2/2 "), "{}", bar(&app));
    press(&mut app, "]");
    assert_eq!(status(&app).as_deref(), Some("This is the last article."));
    press(&mut app, "[");
    assert!(app.text().starts_with("Lyon"));
    assert!(bar(&app).contains(" 1/2 "), "{}", bar(&app));
}

#[test]
fn a_message_goes_on_the_next_action_or_after_a_few_seconds() {
    let mut app = app(120, 40);
    press(&mut app, "]]]");
    assert_eq!(status(&app).as_deref(), Some("This is the last article."));
    press(&mut app, "[");
    assert_eq!(status(&app), None, "stepping back says nothing more");
    press(&mut app, "]]");
    assert!(status(&app).is_some());
    for _ in 0..3 {
        app.dispatch(Msg::Tick);
    }
    assert!(status(&app).is_some(), "still there after three seconds");
    app.dispatch(Msg::Tick);
    assert_eq!(status(&app), None, "gone after four");
    // a following search's message replaces the old one
    press(&mut app, "[[[");
    assert_eq!(status(&app).as_deref(), Some("This is the first article."));
    press_code(&mut app, KeyCode::Tab);
    press(&mut app, "/lyon");
    press_code(&mut app, KeyCode::Enter);
    press(&mut app, "n");
    assert!(status(&app).is_some_and(|s| s.starts_with("match ")));
}

#[test]
fn loading_problems_and_errors_stay_in_the_message_log() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "A headline\n\nSome body text.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("bad.json"), "{ not json").unwrap();
    std::fs::write(dir.path().join("worse.json"), "[1, 2").unwrap();
    let loaded = lede::ingest::load_paths(&[dir.path().to_path_buf()], &Default::default());
    let mut app = lede::ui::build_app(
        loaded,
        lede::ui::keymap::KeyMap::default(),
        lede::ui::theme::Theme::new(true),
    );
    app.dispatch(Msg::Resize(100, 30));
    assert!(status(&app).is_some_and(|s| s.starts_with("2 loading problems")));
    press(&mut app, "j");
    assert_eq!(status(&app), None);
    press(&mut app, "L");
    assert_eq!(app.mode.log(), Some(0));
    let s = screen(&render(&app));
    assert!(s.contains("Messages"), "{s}");
    assert!(s.contains("bad.json") && s.contains("worse.json"), "{s}");
    press_code(&mut app, KeyCode::Esc);
    assert!(app.mode.log().is_none());
    // the key is in the help
    let help: Vec<String> = lede::ui::views::help::help_lines(&app, 100)
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert!(
        help.iter()
            .any(|l| l.starts_with("L ") && l.contains("message log"))
    );
}

#[test]
fn search_folds_typographic_quotes_and_says_one_match() {
    let mut app = app(120, 40);
    press_code(&mut app, KeyCode::Tab);
    for q in ["/l’office", "/l'office", "/lʼoffice"] {
        press(&mut app, q);
        press_code(&mut app, KeyCode::Enter);
        let n = app.views.reader.marks.as_ref().map_or(0, |m| m.spans.len());
        assert_eq!(n, 2, "{q}: the headline's and the body's");
        press_code(&mut app, KeyCode::Esc);
    }
    press(&mut app, "/jumelage");
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(status(&app).as_deref(), Some("1 match for “jumelage”"));
}

/// `s` changes the screen on the first press, the sidebar focused or not,
/// at every size class.
#[test]
fn s_toggles_the_sidebar_on_the_first_press() {
    use lede::ui::layout::Focus;
    for (w, h) in [(100, 24), (160, 40), (70, 20)] {
        for focus_sidebar in [false, true] {
            let mut app = app(w, h);
            if focus_sidebar {
                while app.shared.focus != Focus::Sidebar {
                    press_code(&mut app, KeyCode::Tab);
                }
            }
            let before = app.shared.panes.sidebar.is_some();
            press(&mut app, "s");
            let after = app.shared.panes.sidebar.is_some();
            assert_ne!(before, after, "{w}x{h} sidebar focused: {focus_sidebar}");
            press(&mut app, "s");
            assert_eq!(app.shared.panes.sidebar.is_some(), before, "{w}x{h} back");
        }
    }
}

/// The followed sidebar entry stays on screen, above the "mention 1/n"
/// footer, through every resize.
#[test]
fn the_sidebar_selection_stays_visible_on_every_resize() {
    use lede::ui::layout::Focus;
    let mut app = app(100, 24);
    while app.shared.focus != Focus::Sidebar {
        press_code(&mut app, KeyCode::Tab);
    }
    press(&mut app, "jjjj");
    let sel = app.views.sidebar.sel;
    for (w, h) in [
        (100, 12),
        (40, 12),
        (200, 60),
        (80, 24),
        (60, 10),
        (140, 45),
    ] {
        app.dispatch(Msg::Resize(w, h));
        let Some(side) = app.shared.panes.sidebar else {
            continue;
        };
        let items = lede::ui::views::sidebar::areas(side.inner, &app).items;
        let (off, rows) = (app.views.sidebar.offset, usize::from(items.height));
        assert_eq!(app.views.sidebar.sel, sel);
        assert!(
            off <= sel && sel < off + rows,
            "{w}x{h}: entry {sel} outside rows {off}..{}",
            off + rows
        );
    }
}

/// The form's status bar shows the form's keys, not the main screen's; a
/// visual selection's hint is the mode's and survives the keys that extend it.
#[test]
fn the_status_bar_shows_the_keys_of_the_mode() {
    let mut app = app(120, 40);
    press(&mut app, "v");
    assert!(app.mode.visual().is_some());
    let bar = |app: &lede::ui::app::App| rows(&render(app)).last().cloned().unwrap();
    assert!(bar(&app).contains("Selecting: w/b word"), "{}", bar(&app));
    press(&mut app, "ww");
    assert!(bar(&app).contains("Selecting: w/b word"), "{}", bar(&app));
    assert!(!bar(&app).contains("? help"), "{}", bar(&app));
    press(&mut app, "e");
    let b = bar(&app);
    assert!(b.contains("Ctrl-S envoyer · Échap annuler"), "{b}");
    assert!(!b.contains("Selecting") && !b.contains("? help"), "{b}");
    let mut small = app_with(40, 12, true);
    press(&mut small, "e");
    let b = bar(&small);
    assert!(b.contains("Ctrl-S Envoyer · Échap Annuler"), "{b}");
}

/// A German article: the extractor reads French and English only, so the
/// reader says so instead of showing highlights (styled, 80x24).
#[test]
fn snapshot_an_unsupported_language_says_so_80x24() {
    let german = lede::article::Article {
        headline: "Von Berlin nach München".into(),
        in_language: "de".into(),
        date_published: Some("2024-01-15".into()),
        paragraphs: vec![
            "Veröffentlicht am 15. Januar. Anna Schmidt fuhr von Berlin nach München.".into(),
        ],
        ..Default::default()
    }
    .finish();
    let text = german.text();
    let at = text.find("Anna Schmidt").unwrap();
    let mention = |kind| lede::extract::Mention {
        span: lede::extract::Span::new(at, at + "Anna Schmidt".len()),
        kind,
        actor: None,
        date: None,
    };
    let analysis = lede::extract::Analysis {
        mentions: vec![mention(lede::extract::Kind::Person)],
        ..Default::default()
    };
    let mut app = lede::ui::app::App::new(
        vec![german],
        lede::ui::keymap::KeyMap::default(),
        lede::ui::theme::Theme::new(true),
    );
    app.dispatch(Msg::Resize(80, 24));
    app.dispatch(Msg::Analysed(0, Box::new(analysis)));
    assert!(app.views.reader.derived.mentions.is_empty(), "no highlight");
    let s = styled_screen(&render(&app));
    assert!(s.contains("extraction: French, English only (de)"), "{s}");
    insta::assert_snapshot!(s);
}

/// The report form on small screens: Submit and Cancel always on screen,
/// every field reached by Tab (the focused one is shown), and the fields
/// without room named on the frame. Down to 40x12.
#[test]
fn the_form_keeps_its_buttons_and_names_hidden_fields_down_to_40x12() {
    use lede::ui::views::form::state::FormField;
    use lede::ui::views::form::view::layout;
    for (w, h) in [(40, 12), (50, 14), (70, 20), (80, 24)] {
        let mut app = app(w, h);
        press(&mut app, "e");
        for _ in 0..FormField::ORDER.len() {
            let form = app.mode.form().unwrap();
            let lay = layout(form, app.shared.panes.area);
            let area = app.shared.panes.area;
            for b in [lay.submit, lay.cancel] {
                assert!(!b.is_empty() && area.contains(b.into()), "{w}x{h}: {b:?}");
            }
            let f = form.focus;
            if !matches!(f, FormField::Submit | FormField::Cancel) {
                let row = lede::ui::views::form::layout::Row::Field(f);
                assert!(lay.row(row).is_some(), "{w}x{h}: {f:?} focused but hidden");
            }
            let s = screen(&render(&app));
            for hidden in lay.hidden_fields() {
                let label = match hidden {
                    FormField::Name => "Nom",
                    FormField::Email => "Courriel",
                    _ => continue,
                };
                assert!(s.contains("aussi :") && s.contains(label), "{w}x{h}\n{s}");
            }
            press_code(&mut app, KeyCode::Tab);
        }
    }
}

#[test]
fn snapshot_the_form_at_40x12() {
    let mut app = app(40, 12);
    app.views.report.path = Some("/tmp/lede-test/notes.jsonl".into());
    press(&mut app, "e");
    press(&mut app, "Le prénom s'écrit Zoé.");
    insta::assert_snapshot!(styled_screen(&render(&app)));
}

/// Reopening an article goes back where the reader was, in this run and
/// in the next (the positions file, written atomically).
#[test]
fn the_reading_position_is_remembered_across_reopen_and_restart() {
    let mut app = app(40, 12);
    press(&mut app, "jjjjjj");
    let top = |app: &lede::ui::app::App| app.views.reader.doc.byte_at_line(app.views.reader.scroll);
    let at = top(&app);
    assert!(app.views.reader.scroll > 0);
    press(&mut app, "]");
    assert_eq!(
        app.views.reader.scroll, 0,
        "another article opens at its top"
    );
    press(&mut app, "[");
    assert_eq!(top(&app), at, "back where it was");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("positions.json");
    app.views.reader.positions.path = Some(path.clone());
    app.remember_position();
    app.views.reader.positions.save().unwrap();
    // the next run: the same file, the same articles
    let (positions, warning) = lede::ui::positions::Positions::load(path);
    assert_eq!(warning, None);
    let mut next = ui_fixture::app(40, 12);
    next.views.reader.positions = positions;
    next.open(0);
    assert_eq!(top(&next), at);
}

/// The notes list says when a note's passage is off the screen.
#[test]
fn the_notes_list_says_a_passage_is_off_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(60, 14);
    app.views.report.path = Some(dir.path().join("notes.jsonl"));
    press(&mut app, "e");
    press(&mut app, "Le titre est faux.");
    ctrl(&mut app, 's');
    press(&mut app, "m");
    let s = screen(&render(&app));
    assert!(
        s.contains("ligne 1 ") && !s.contains("hors de l'écran"),
        "{s}"
    );
    press_code(&mut app, KeyCode::Esc);
    press(&mut app, "G");
    press(&mut app, "m");
    let s = screen(&render(&app));
    assert!(s.contains("↑ hors de l'écran · « Lyon"), "{s}");
}
