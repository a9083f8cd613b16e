//! The reader's state machine: key sequences fed to `update`, no terminal, no sleeps.
#![cfg(feature = "tui")]

mod ui_fixture;

use crossterm::event::KeyCode;
use lede::extract::Kind;
use lede::ui::app::{MarkSource, Marks};
use lede::ui::layout::Focus;
use lede::ui::model::SideItem;
use lede::ui::msg::{MouseInput, Msg};
use ui_fixture::*;

fn marked_texts(app: &lede::ui::app::App) -> Vec<String> {
    app.views
        .reader
        .marks
        .as_ref()
        .map(|m| {
            m.spans
                .iter()
                .map(|s| s.text(app.text()).to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn tab_cycles_focus_and_shift_tab_goes_back() {
    let mut app = app(200, 60);
    assert_eq!(app.shared.focus, Focus::Reader);
    press_code(&mut app, KeyCode::Tab);
    assert_eq!(app.shared.focus, Focus::Sidebar);
    press_code(&mut app, KeyCode::Tab);
    assert_eq!(app.shared.focus, Focus::List);
    press_code(&mut app, KeyCode::BackTab);
    assert_eq!(app.shared.focus, Focus::Sidebar);
    press(&mut app, "h");
    assert_eq!(app.shared.focus, Focus::Reader);
    press(&mut app, "hh");
    assert_eq!(app.shared.focus, Focus::List);
}

#[test]
fn reader_scrolls_and_clamps() {
    let mut app = app(60, 12);
    assert!(
        app.max_scroll() > 3,
        "the fixture must overflow a 60x12 screen"
    );
    press(&mut app, "jj");
    assert_eq!(app.views.reader.scroll, 2);
    press(&mut app, "k");
    assert_eq!(app.views.reader.scroll, 1);
    press(&mut app, "G");
    assert_eq!(app.views.reader.scroll, app.max_scroll());
    assert_eq!(app.scroll_percent(), 100);
    press(&mut app, "jjjj");
    assert_eq!(app.views.reader.scroll, app.max_scroll());
    press(&mut app, "g");
    assert_eq!(app.views.reader.scroll, 0);
    press_code(&mut app, KeyCode::PageDown);
    assert!(app.views.reader.scroll > 1);
    press(&mut app, "kkkkkkkkkkkkkkkkkkkkkk");
    assert_eq!(app.views.reader.scroll, 0);
}

#[test]
fn list_moves_and_enter_opens() {
    let mut app = app(120, 40);
    press_code(&mut app, KeyCode::Tab);
    press_code(&mut app, KeyCode::Tab);
    assert_eq!(app.shared.focus, Focus::List);
    press(&mut app, "j");
    assert_eq!(app.views.list.sel, 1);
    assert_eq!(
        app.views.reader.current, 0,
        "moving in the list does not open"
    );
    let cmds = press_code(&mut app, KeyCode::Enter);
    assert_eq!(app.views.reader.current, 1);
    assert_eq!(app.shared.focus, Focus::Reader);
    assert!(app.text().starts_with("Budget"));
    // not analysed yet: the sidebar says so and the worker is asked for it
    assert_eq!(cmds, [Cmd::Analyse(1)]);
    assert!(
        app.views
            .reader
            .derived
            .items
            .contains(&SideItem::Note(lede::ui::model::Explain::Analysing))
    );
    // waiting in the sidebar: the analysis arrives and its first entry is followed
    press_code(&mut app, KeyCode::Tab);
    assert!(app.views.reader.marks.is_none());
    let mut analysis = lede::extract::Analysis::default();
    analysis.actors.push(lede::extract::Actor {
        key: "test:leeds".into(),
        name: "Leeds".into(),
        kind: lede::extract::ActorKind::Place,
        role: None,
        affiliation: None,
        forms: vec!["Leeds".into()],
        mentions: vec![0],
    });
    let at = app.text().find("Leeds").unwrap();
    analysis.mentions.push(lede::extract::Mention {
        span: lede::extract::Span::new(at, at + 5),
        kind: Kind::Place,
        actor: Some(0),
        date: None,
    });
    app.dispatch(Msg::Analysed(1, Box::new(analysis)));
    assert_eq!(marked_texts(&app), ["Leeds"]);
}

#[test]
fn brackets_change_article_from_anywhere() {
    let mut app = app(120, 40);
    press_code(&mut app, KeyCode::Tab); // sidebar
    press(&mut app, "]");
    assert_eq!(app.views.reader.current, 1);
    assert_eq!(app.shared.focus, Focus::Sidebar);
    press(&mut app, "]]]");
    assert_eq!(app.views.reader.current, 2);
    assert!(
        app.shared
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("last"))
    );
    press(&mut app, "[[");
    assert_eq!(app.views.reader.current, 0);
    assert_eq!(app.views.list.sel, 0);
}

#[test]
fn following_an_actor_marks_every_mention_and_n_walks_them() {
    let mut app = app(200, 60);
    press_code(&mut app, KeyCode::Tab);
    assert_eq!(app.shared.focus, Focus::Sidebar);
    // actors by group then importance: People first, the most mentioned first
    let first = app.views.reader.derived.items[app.views.sidebar.sel].clone();
    let SideItem::Actor(a) = first else {
        panic!("first selectable entry should be an actor: {first:?}")
    };
    let actor = &app.analysis(0).unwrap().actors[a];
    assert_eq!(actor.name, "Ольга Петрова");
    // selecting follows: all three mentions are marked, the first is current
    assert_eq!(marked_texts(&app), ["Ольга Петрова"; 3]);
    let Some(Marks {
        current: 0,
        source: MarkSource::Item(_),
        ..
    }) = app.views.reader.marks
    else {
        panic!("{:?}", app.views.reader.marks)
    };
    press(&mut app, "n");
    assert_eq!(app.views.reader.marks.as_ref().unwrap().current, 1);
    press(&mut app, "nn");
    assert_eq!(
        app.views.reader.marks.as_ref().unwrap().current,
        0,
        "n wraps around"
    );
    press(&mut app, "N");
    assert_eq!(app.views.reader.marks.as_ref().unwrap().current, 2);
    // next entry: Zoé Martin, written with a combining accent
    press(&mut app, "j");
    assert_eq!(marked_texts(&app), ["Zoe\u{301} Martin"; 2]);
    // Esc clears the marks
    press_code(&mut app, KeyCode::Esc);
    assert!(app.views.reader.marks.is_none());
}

#[test]
fn following_scrolls_the_reader_to_the_first_mention() {
    let mut app = app(70, 14);
    press(&mut app, "s"); // medium size: show the sidebar, focus stays on the reader
    assert!(app.shared.panes.sidebar.is_some());
    press_code(&mut app, KeyCode::Tab);
    assert_eq!(app.shared.focus, Focus::Sidebar);
    // walk down to the dates and check the reader shows each first mention
    for _ in 0..12 {
        press(&mut app, "j");
        if let Some(m) = &app.views.reader.marks {
            let line = app.views.reader.doc.line_of(m.spans[m.current].start);
            assert!(
                line >= app.views.reader.scroll
                    && line < app.views.reader.scroll + app.view_height(),
                "line {line} not in view at scroll {}",
                app.views.reader.scroll
            );
        }
    }
    assert!(matches!(
        app.views.reader.derived.items[app.views.sidebar.sel],
        SideItem::Date(_)
    ));
}

#[test]
fn dates_are_listed_in_time_order() {
    let app = app(200, 60);
    let values: Vec<String> = app
        .views
        .reader
        .derived
        .dates
        .iter()
        .map(|d| d.value.to_string())
        .collect();
    assert_eq!(values, ["2025-06", "2025-06-03"]);
}

#[test]
fn search_in_the_article_marks_matches_and_n_cycles() {
    let mut app = app(200, 60);
    press(&mut app, "/lyon");
    assert!(app.mode.input().is_some());
    // accent- and case-insensitive, live while typing
    assert_eq!(marked_texts(&app), ["Lyon", "Lyon", "lyon", "Lyon", "Lyon"]);
    press_code(&mut app, KeyCode::Enter);
    assert!(app.mode.input().is_none());
    assert!(
        app.shared
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("5 matches")
    );
    press(&mut app, "nn");
    assert_eq!(app.views.reader.marks.as_ref().unwrap().current, 2);
    press(&mut app, "/");
    press(&mut app, "kyoto");
    assert_eq!(marked_texts(&app), ["Kyōto", "Kyōto"]);
    press_code(&mut app, KeyCode::Esc);
    assert!(app.views.reader.marks.is_none() && app.mode.input().is_none());
    press(&mut app, "/zzz");
    press_code(&mut app, KeyCode::Enter);
    assert!(
        app.shared
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("no match")
    );
}

#[test]
fn slash_in_the_list_filters_as_you_type() {
    let mut app = app(120, 40);
    press_code(&mut app, KeyCode::BackTab);
    assert_eq!(app.shared.focus, Focus::List);
    press(&mut app, "/quebec");
    assert_eq!(app.views.list.filtered, [2]);
    press_code(&mut app, KeyCode::Backspace);
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(app.views.list.filter, "quebe");
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(app.views.reader.current, 2, "Enter opens the only match");
    press_code(&mut app, KeyCode::BackTab);
    press(&mut app, "/zz");
    assert!(app.views.list.filtered.is_empty());
    press_code(&mut app, KeyCode::Esc);
    assert_eq!(app.views.list.filtered, [0, 1, 2]);
}

#[test]
fn report_key_opens_the_form_on_the_current_mention() {
    let mut app = app(200, 60);
    press_code(&mut app, KeyCode::Tab);
    press(&mut app, "n");
    let want = app.views.reader.marks.as_ref().map(|m| m.spans[1]).unwrap();
    assert_eq!(app.report_target().span, Some(want));
    // one update: the key opens the form (no effect to run)
    let cmds = app.update(Msg::Key(crossterm::event::KeyEvent::new(
        KeyCode::Char('e'),
        crossterm::event::KeyModifiers::NONE,
    )));
    assert!(cmds.is_empty(), "{cmds:?}");
    let form = app.mode.form().expect("the form opens");
    assert_eq!(form.about.article, 0);
    assert_eq!(form.about.span, want.start..want.end);
}

#[test]
fn help_opens_closes_and_q_in_help_does_not_quit() {
    let mut app = app(100, 30);
    press(&mut app, "?");
    assert_eq!(app.mode.help(), Some(0));
    press(&mut app, "j");
    assert_eq!(app.mode.help(), Some(1));
    let cmds = press(&mut app, "q");
    assert!(app.mode.help().is_none() && cmds.is_empty());
    assert_eq!(press(&mut app, "q"), [Cmd::Quit]);
}

#[test]
fn mouse_click_focuses_and_selects_and_wheel_scrolls() {
    let mut app = app(120, 40);
    let list = app.shared.panes.list.unwrap().inner;
    // the second article's row (two lines per row)
    app.dispatch(Msg::Mouse(MouseInput::Click {
        x: list.x + 2,
        y: list.y + 2,
    }));
    assert_eq!(app.shared.focus, Focus::List);
    assert_eq!(app.views.reader.current, 1);
    app.dispatch(Msg::Mouse(MouseInput::Click {
        x: list.x + 2,
        y: list.y,
    }));
    assert_eq!(app.views.reader.current, 0);
    let reader = app.shared.panes.reader.unwrap().inner;
    app.dispatch(Msg::Mouse(MouseInput::Click {
        x: reader.x + 3,
        y: reader.y + 1,
    }));
    assert_eq!(app.shared.focus, Focus::Reader);
    let mut small = ui_fixture::app(60, 10);
    let r = small.shared.panes.reader.unwrap().inner;
    small.dispatch(Msg::Mouse(MouseInput::ScrollDown {
        x: r.x + 1,
        y: r.y + 1,
    }));
    assert_eq!(small.views.reader.scroll, 3.min(small.max_scroll()));
    assert!(small.views.reader.scroll > 0);
    small.dispatch(Msg::Mouse(MouseInput::ScrollUp {
        x: r.x + 1,
        y: r.y + 1,
    }));
    assert_eq!(small.views.reader.scroll, 0);
}

#[test]
fn clicking_a_sidebar_entry_follows_it() {
    let mut app = app(200, 60);
    let inner = app.shared.panes.sidebar.unwrap().inner;
    let row = app
        .views.reader.derived
        .items
        .iter()
        .position(|it| matches!(it, SideItem::Actor(a) if app.analysis(0).unwrap().actors[*a].name == "Lyon"))
        .unwrap();
    app.dispatch(Msg::Mouse(MouseInput::Click {
        x: inner.x + 5,
        y: inner.y + row as u16,
    }));
    assert_eq!(app.shared.focus, Focus::Sidebar);
    assert_eq!(
        marked_texts(&app),
        ["Lyon", "Lyon", "lyonnais", "Lyon", "Lyon"]
    );
}

#[test]
fn sidebar_toggle_by_size() {
    let mut app = app(200, 60);
    assert!(app.shared.panes.sidebar.is_some());
    press(&mut app, "s");
    assert!(app.shared.panes.sidebar.is_none());
    app.dispatch(Msg::Resize(80, 24));
    assert!(app.shared.panes.sidebar.is_none() && app.shared.panes.list.is_some());
    press(&mut app, "s");
    assert!(app.shared.panes.sidebar.is_some() && app.shared.panes.list.is_none());
    app.dispatch(Msg::Resize(50, 20));
    assert!(app.shared.panes.list.is_none() && app.shared.panes.sidebar.is_none());
    press(&mut app, "s");
    assert_eq!(app.shared.focus, Focus::Sidebar);
    assert!(app.shared.panes.sidebar.is_some() && app.shared.panes.reader.is_none());
}

#[test]
fn highlights_keep_their_kinds() {
    let app = app(200, 60);
    let kinds: Vec<(String, Kind)> = app
        .views
        .reader
        .derived
        .mentions
        .iter()
        .map(|(s, k)| (s.text(app.text()).to_string(), *k))
        .collect();
    assert!(kinds.contains(&("京都市観光協会".into(), Kind::Organization)));
    assert!(kinds.contains(&("japonais".into(), Kind::Nationality)));
    assert!(kinds.contains(&("3 juin 2025".into(), Kind::Date)));
}

#[test]
fn resizing_to_any_size_in_any_state_never_panics() {
    let mut app = app(120, 40);
    press_code(&mut app, KeyCode::Tab);
    press(&mut app, "jn");
    for (w, h) in [
        (0, 0),
        (1, 1),
        (20, 6),
        (5, 40),
        (300, 3),
        (59, 24),
        (60, 24),
        (109, 30),
        (110, 30),
    ] {
        for keys in ["", "?", "s", "/ly"] {
            let mut a = ui_fixture::app(120, 40);
            press(&mut a, keys);
            a.dispatch(Msg::Resize(w, h));
            let _ = render(&a);
            press(&mut a, "jjGgn]");
            let _ = render(&a);
            assert!(
                a.views.reader.scroll <= a.max_scroll(),
                "{w}x{h} after {keys:?}"
            );
            assert!(a.views.reader.current < a.shared.articles.len());
        }
        app.dispatch(Msg::Resize(w, h));
        let buf = render(&app);
        assert_eq!((buf.area.width, buf.area.height), (w, h));
        assert!(app.views.reader.scroll <= app.max_scroll(), "{w}x{h}");
    }
    // analyses that do not fit the text are ignored, not trusted
    let mut bad = lede::extract::Analysis::default();
    bad.mentions.push(lede::extract::Mention {
        span: lede::extract::Span::new(1, 100_000),
        kind: Kind::Person,
        actor: Some(99),
        date: None,
    });
    app.dispatch(Msg::Resize(80, 24));
    app.dispatch(Msg::Analysed(0, Box::new(bad)));
    app.dispatch(Msg::Analysed(77, Box::default()));
    press_code(&mut app, KeyCode::Tab);
    press(&mut app, "jjnN");
    let _ = render(&app);
}

#[test]
fn every_small_size_draws_without_panicking() {
    for keys in ["", "\t", "\t\t", "?", "s/ly"] {
        let mut app = app(120, 40);
        for c in keys.chars() {
            if c == '\t' {
                press_code(&mut app, KeyCode::Tab);
            } else {
                press(&mut app, &c.to_string());
            }
        }
        for w in 0..=130u16 {
            for h in [0u16, 1, 2, 3, 4, 5, 6, 7, 8, 11, 24] {
                app.dispatch(Msg::Resize(w, h));
                let buf = render(&app);
                // something is drawn on any screen with room for it
                let drawn = buf.content.iter().any(|c| c.symbol() != " ");
                assert!(drawn || w < 3 || h < 2, "{w}x{h} after {keys:?} is blank");
            }
        }
    }
}

#[test]
fn no_articles_is_a_screen_not_a_crash() {
    let mut app = lede::ui::app::App::new(
        Vec::new(),
        Default::default(),
        lede::ui::theme::Theme::new(true),
    );
    app.dispatch(Msg::Resize(80, 24));
    press(&mut app, "jjG]/x");
    press_code(&mut app, KeyCode::Enter);
    press(&mut app, "e\t");
    let screen = screen(&render(&app));
    assert!(screen.contains("No articles"), "{screen}");
}

#[test]
fn clicking_the_report_entry_asks_for_the_form() {
    let mut app = app(200, 60);
    let inner = app.shared.panes.sidebar.unwrap().inner;
    let areas = lede::ui::views::sidebar::areas(inner, &app);
    assert!(areas.report.height >= 2);
    app.dispatch(Msg::Mouse(MouseInput::Click {
        x: areas.report.x + 2,
        y: areas.report.y + 1,
    }));
    assert!(app.mode.form().is_some(), "the form opens");
    let screen = screen(&render(&app));
    assert!(
        screen.contains("Une erreur dans cet article\u{202F}?"),
        "{screen}"
    );
}

#[test]
fn user_keymap_from_the_config_file_drives_update() {
    let config = lede::config::Config::parse(
        "[keys]\nquit = \"x\"\nnext_article = [\"ctrl-n\", \"]\"]\n",
        std::path::Path::new("k.toml"),
    )
    .unwrap();
    let keymap = lede::ui::keymap::KeyMap::from_config(&config).unwrap();
    let mut articles = vec![article()];
    articles.extend(others());
    let mut app = lede::ui::app::App::new(articles, keymap, lede::ui::theme::Theme::new(false));
    app.dispatch(Msg::Resize(100, 30));
    app.dispatch(Msg::Key(crossterm::event::KeyEvent::new(
        KeyCode::Char('n'),
        crossterm::event::KeyModifiers::CONTROL,
    )));
    assert_eq!(app.views.reader.current, 1);
    assert!(press(&mut app, "q").is_empty(), "q is no longer bound");
    press(&mut app, "?");
    let help = screen(&render(&app));
    assert!(help.contains("Ctrl-n ]"), "{help}");
    assert_eq!(press(&mut app, "?x"), [Cmd::Quit]);
}

#[test]
fn articles_loaded_in_the_background_replace_the_loading_screen() {
    let mut app = lede::ui::app::App::new(
        Vec::new(),
        Default::default(),
        lede::ui::theme::Theme::new(true),
    );
    app.shared.loading = Some("Loading 2 paths…".into());
    app.dispatch(Msg::Resize(100, 30));
    press(&mut app, "jj]");
    assert!(screen(&render(&app)).contains("Loading 2 paths…"));
    let loaded = lede::ingest::Loaded {
        articles: vec![article()],
        problems: vec![lede::ingest::Problem {
            path: "/tmp/broken.json".into(),
            line: Some(3),
            column: Some(7),
            severity: lede::ingest::Severity::Error,
            message: "expected value".into(),
        }],
        skipped: vec![],
    };
    let cmds = app.dispatch(Msg::Loaded(Box::new(loaded)));
    assert!(app.shared.loading.is_none());
    assert_eq!(cmds, [Cmd::Analyse(0)]);
    let s = screen(&render(&app));
    assert!(s.contains("Lyon accueille"), "{s}");
    assert!(
        s.contains("/tmp/broken.json:3:7: error: expected value"),
        "{s}"
    );
}

#[test]
fn clicking_a_highlighted_name_in_the_reader_follows_it() {
    let mut app = app(120, 40);
    let text_area = app.shared.panes.reader_text;
    // find the screen cell of the second "Zoé Martin" (a combining accent in it)
    let target = app.text().rfind("Martin").unwrap();
    let line = app.views.reader.doc.line_of(target);
    let start = app.views.reader.doc.lines[line].range().unwrap().start;
    let col = unicode_width::UnicodeWidthStr::width(&app.text()[start..target]) as u16;
    let y = text_area.y + (line - app.views.reader.scroll) as u16;
    app.dispatch(Msg::Mouse(MouseInput::Click {
        x: text_area.x + col + 1,
        y,
    }));
    assert_eq!(app.shared.focus, Focus::Reader);
    assert_eq!(marked_texts(&app), ["Zoe\u{301} Martin"; 2]);
    assert_eq!(
        app.views.reader.marks.as_ref().unwrap().current,
        1,
        "the clicked mention is current"
    );
    assert!(matches!(
        app.views.reader.derived.items[app.views.sidebar.sel],
        SideItem::Actor(_)
    ));
    // a click on plain text changes nothing
    app.dispatch(Msg::Mouse(MouseInput::Click {
        x: text_area.x,
        y: text_area.y + 20,
    }));
    assert_eq!(app.views.reader.marks.as_ref().unwrap().current, 1);
}

#[test]
fn a_failed_analysis_shows_the_text_without_highlights() {
    let mut app = app(120, 40);
    assert_eq!(press(&mut app, "]"), [Cmd::Analyse(1)]);
    app.dispatch(Msg::AnalysisFailed(1));
    assert!(app.is_analysed(1));
    assert!(
        app.shared
            .status
            .as_ref()
            .is_some_and(|s| s.error && s.text.contains("could not be analysed"))
    );
    assert!(
        !app.views
            .reader
            .derived
            .items
            .contains(&SideItem::Note(lede::ui::model::Explain::Analysing))
    );
    let s = screen(&render(&app));
    assert!(s.contains("Budget"), "{s}");
}
