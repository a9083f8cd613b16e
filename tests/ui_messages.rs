//! What the reader tells its user: the help overlay (every key, the marks),
//! the status bar after loading and while stepping through matches. Key
//! sequences fed to `update`, no terminal, no sleeps.
#![cfg(feature = "tui")]

mod ui_fixture;

use crossterm::event::KeyCode;
use lede::ui::msg::Msg;
use ui_fixture::*;

/// The help lists every key that does something, the notes keys included,
/// and shows a notes action whose key the user's keymap took as unbound.
#[test]
fn help_lists_the_notes_keys_and_the_form_keys() {
    let help_text = |app: &lede::ui::app::App| -> String {
        lede::ui::views::help::help_lines(app, 100)
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let app = app(100, 30);
    let help = help_text(&app);
    for want in [
        "list the notes on this article",
        "select a passage",
        "Ctrl-s",
        "Tab Shift-Tab",
        "w/b word, j/k line, e report it, Esc cancel",
        "the article has correction notes",
        "language detected from the text",
    ] {
        assert!(help.contains(want), "{want:?} missing from\n{help}");
    }
    assert!(help.lines().any(|l| l.starts_with("m ")), "{help}");
    assert!(help.lines().any(|l| l.starts_with("v ")), "{help}");
    // narrow: keys above their descriptions, and a heading has no blank line under it
    let narrow: Vec<String> = lede::ui::views::help::help_lines(&app, 30)
        .iter()
        .map(|l| l.to_string())
        .collect();
    let at = narrow
        .iter()
        .position(|l| l == "in the form:")
        .expect("heading");
    assert!(!narrow[at + 1].trim().is_empty(), "{narrow:#?}");

    let config = lede::config::Config::parse(
        "[keys]\ntoggle_sidebar = \"m\"\n",
        std::path::Path::new("k.toml"),
    )
    .unwrap();
    let keymap = lede::ui::keymap::KeyMap::from_config(&config).unwrap();
    let app = lede::ui::app::App::new(vec![article()], keymap, lede::ui::theme::Theme::new(false));
    let help = help_text(&app);
    assert!(
        help.lines()
            .any(|l| l.starts_with("(unbound)") && l.contains("list the notes on this article")),
        "{help}"
    );
    assert!(
        help.lines()
            .any(|l| l.starts_with("m ") && l.contains("sidebar"))
    );
    assert!(help.lines().any(|l| l.starts_with("v ")), "{help}");

    // the notes and visual keys are configurable like the others
    let config = lede::config::Config::parse(
        "[keys]\nnotes_list = \"M\"\nvisual_word_next = \"W\"\nform_save = \"ctrl-w\"\n",
        std::path::Path::new("k.toml"),
    )
    .unwrap();
    let keymap = lede::ui::keymap::KeyMap::from_config(&config).unwrap();
    let app = lede::ui::app::App::new(vec![article()], keymap, lede::ui::theme::Theme::new(false));
    let help = help_text(&app);
    for want in ["M ", "W/b word", "Ctrl-w "] {
        assert!(help.contains(want), "{want:?} missing from\n{help}");
    }
}

/// Several loading problems: the status bar leads with how many there are
/// and shows an error before any warning.
#[test]
fn loading_problems_show_their_count_and_an_error_first() {
    use lede::ingest::Problem;
    use std::path::Path;
    let mut app = app(80, 24);
    let loaded = lede::ingest::Loaded {
        articles: vec![article()],
        problems: vec![
            Problem::warning(
                Path::new("/tmp/a/empty.json"),
                "no articles found in this file",
            ),
            Problem::error(Path::new("/tmp/a/cut.json"), "invalid JSON"),
            Problem::warning(Path::new("/tmp/a/latin1.txt"), "invalid UTF-8"),
        ],
        skipped: vec![],
    };
    app.dispatch(Msg::Loaded(Box::new(loaded)));
    let status = app.shared.status.as_ref().expect("a status");
    assert!(status.error);
    assert!(
        status.text.starts_with("3 loading problems"),
        "{}",
        status.text
    );
    assert!(
        status.text.contains("/tmp/a/cut.json: error: invalid JSON"),
        "{}",
        status.text
    );
    let s = screen(&render(&app));
    assert!(
        s.contains("3 loading problems"),
        "visible at 80 columns: {s}"
    );
}

/// `n`/`N` in a search say which match is shown and when they wrap around.
#[test]
fn next_and_previous_match_say_where_they_are() {
    let mut app = app(120, 40);
    press_code(&mut app, KeyCode::Tab); // the reader
    press(&mut app, "/lyon");
    press_code(&mut app, KeyCode::Enter);
    let n = app
        .views
        .reader
        .marks
        .as_ref()
        .map(|m| m.spans.len())
        .unwrap_or(0);
    assert!(n >= 2, "the fixture names Lyon more than once");
    let status = |app: &lede::ui::app::App| app.shared.status.as_ref().map(|s| s.text.clone());
    let first = app.views.reader.marks.as_ref().unwrap().current;
    press(&mut app, "n");
    let want = format!("match {}/{n} for “lyon”", (first + 1) % n + 1);
    assert!(
        status(&app).is_some_and(|s| s.starts_with(&want)),
        "{:?} vs {want}",
        status(&app)
    );
    // all the way round: the wrap is said when it comes back to the first match
    for _ in 0..n {
        press(&mut app, "n");
        if app.views.reader.marks.as_ref().unwrap().current == 0 {
            break;
        }
    }
    assert_eq!(app.views.reader.marks.as_ref().unwrap().current, 0);
    assert!(
        status(&app).is_some_and(|s| s.ends_with("(from the top)")),
        "{:?}",
        status(&app)
    );
    press(&mut app, "N");
    assert!(
        status(&app).is_some_and(|s| s.starts_with("match ")),
        "{:?}",
        status(&app)
    );
}

/// `[ui] language = "fr"`: the whole chrome is in French; with "auto" the
/// chrome follows the user's language and the form the article's.
#[test]
fn the_chrome_speaks_the_configured_language() {
    use lede::ui::i18n::{Lang, LangSetting, Languages};
    let mut app = app(120, 40);
    app.shared.lang = Languages {
        setting: LangSetting::Fixed(Lang::Fr),
        user: None,
    };
    let s = screen(&render(&app));
    for want in [
        "Lecteur",
        "Acteurs et dates",
        "LECTEUR",
        "aide",
        "quitter",
        "Personnes",
    ] {
        assert!(s.contains(want), "{want:?} missing from\n{s}");
    }
    press(&mut app, "?");
    let help = screen(&render(&app));
    assert!(help.contains("Touches"), "{help}");
    assert!(help.contains("afficher ou masquer cette aide"), "{help}");
    press_code(&mut app, KeyCode::Esc);
    press(&mut app, "]]]"); // three articles: the third ] is past the last
    let status = app.shared.status.as_ref().map(|s| s.text.clone());
    assert_eq!(status.as_deref(), Some("C'est le dernier article."));

    // auto, a French user, an English article: French chrome, English form
    let mut app = app_with(120, 40, true);
    app.shared.lang = Languages {
        setting: LangSetting::Auto,
        user: Some(Lang::Fr),
    };
    press(&mut app, "]");
    assert!(app.text().starts_with("Budget"));
    press(&mut app, "e");
    let s = screen(&render(&app));
    assert!(s.contains("Report an error"), "{s}");
    assert!(s.contains("Lecteur"), "{s}");
    // under the form, the status bar shows the form's keys
    assert!(
        s.lines()
            .last()
            .is_some_and(|l| l.contains("Ctrl-S submit")),
        "{s}"
    );
}

/// The notes, visual and form keys come from the keymap: rebound keys work
/// and the old ones no longer do.
#[test]
fn rebound_visual_list_and_form_keys_drive_update() {
    use crossterm::event::{KeyEvent, KeyModifiers};
    let config = lede::config::Config::parse(
        "[keys]\nvisual = \"V\"\nvisual_word_next = \"W\"\nnotes_list = \"M\"\nform_save = \"ctrl-w\"\n",
        std::path::Path::new("k.toml"),
    )
    .unwrap();
    let keymap = lede::ui::keymap::KeyMap::from_config(&config).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut articles = vec![article()];
    articles.extend(others());
    let mut app = lede::ui::app::App::new(articles, keymap, lede::ui::theme::Theme::new(true));
    app.dispatch(Msg::Resize(120, 40));
    app.views.report.path = Some(path.clone());
    press(&mut app, "v");
    assert!(app.mode.visual().is_none(), "v is no longer bound");
    press(&mut app, "V");
    let (a, b) = app.mode.visual().expect("V starts a selection");
    press(&mut app, "W");
    let (_, b2) = app.mode.visual().unwrap();
    assert!(b2 > b, "W extends it");
    assert_eq!(&app.text()[a..b2], "Lyon accueille");
    press(&mut app, "e");
    let form = app.mode.form().expect("e reports the selection");
    assert_eq!(
        form.keys_hint(),
        "Tab champ suivant · ←/→ changer un choix · Ctrl-W envoyer · Échap annuler"
    );
    press(&mut app, "Zoé");
    ctrl(&mut app, 's');
    assert!(app.mode.form().is_some(), "Ctrl-S no longer saves");
    app.dispatch(Msg::Key(KeyEvent::new(
        KeyCode::Char('w'),
        KeyModifiers::CONTROL,
    )));
    assert!(app.mode.form().is_none(), "Ctrl-W saves");
    assert_eq!(notes_in(&path).len(), 1);
    press(&mut app, "m");
    assert!(app.mode.notes_list().is_none());
    press(&mut app, "M");
    assert_eq!(app.mode.notes_list(), Some(0));
}
