//! Issue 16.9, the reader's part: the help overlay wraps its long lines,
//! French messages are French to the end, and French typography keeps `?`
//! with its word. TestBackend renders and `update` with keys; no sleeps.
#![cfg(feature = "tui")]

mod ui_fixture;

use lede::notes::OutboxEvent;
use lede::ui::msg::Msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ui_fixture::*;

/// Every line of the help overlay, read off the screen while scrolling it
/// down to its end with `j`; also checks no line is cut at the border.
fn help_on_screen(w: u16, h: u16) -> Vec<String> {
    let mut app = app(w, h);
    press(&mut app, "?");
    let ow = w.saturating_sub(4).min(100);
    let buf = draw(&app);
    // the overlay's inner rows: between its top and bottom borders
    let x = (w - ow) / 2 + 1;
    let top = (0..h)
        .find(|&y| buf[(x - 1, y)].symbol() == "┌")
        .expect("help overlay");
    let bottom = (top + 1..h)
        .find(|&y| buf[(x - 1, y)].symbol() == "└")
        .expect("help bottom");
    let inner = Rect::new(x, top + 1, ow - 2, bottom - top - 1);
    let mut lines = cells(&buf, inner);
    loop {
        let before = app.mode.help();
        press(&mut app, "j");
        if app.mode.help() == before {
            break;
        }
        lines.push(cells(&draw(&app), inner).pop().unwrap());
    }
    lines
}

/// The screen as a real terminal draws it (TestBackend).
fn draw(app: &lede::ui::app::App) -> Buffer {
    let a = app.shared.panes.area;
    let backend = ratatui::backend::TestBackend::new(a.width, a.height);
    let mut term = ratatui::Terminal::new(backend).unwrap();
    term.draw(|f| lede::ui::views::draw(f, app)).unwrap();
    term.backend().buffer().clone()
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_help_wraps_long_entries_and_scrolls_to_the_last_line() {
    let long =
        "focus a pane, open an article, follow an actor or date (sidebar or highlighted name)";
    for (w, h) in [(60, 24), (120, 40)] {
        let lines = help_on_screen(w, h);
        let all = words(&lines.join(" "));
        assert!(all.contains(long), "{w}x{h}: {lines:#?}");
        // the last entry of the help is reached by scrolling
        let last = "language detected from the text (the source did not say)";
        let tail = words(&lines[lines.len().saturating_sub(3)..].join(" "));
        assert!(tail.ends_with(last), "{w}x{h}: {lines:#?}");
        // continuation lines sit under the description column
        let at = lines
            .iter()
            .position(|l| l.contains("focus a pane"))
            .unwrap();
        let col = lines[at].find("focus a pane").unwrap();
        let next = &lines[at + 1];
        assert_eq!(
            next.len() - next.trim_start().len(),
            col,
            "{w}x{h}: {lines:#?}"
        );
    }
}

#[test]
fn snapshot_help_wrapped_120x40_scrolled_to_the_end() {
    let mut app = app(120, 40);
    press(&mut app, &format!("?{}", "j".repeat(100)));
    insta::assert_snapshot!(styled_screen(&draw(&app)));
}

/// A French article's outbox messages are French to the end: none of the
/// notes core's English phrases is left in them.
#[test]
fn french_outbox_messages_have_no_english_words() {
    let mut app = app(100, 30);
    let fr = app
        .shared
        .articles
        .iter()
        .position(|a| a.in_language.starts_with("fr"))
        .expect("a French article");
    app.views.reader.current = fr;
    let id = uuid::Uuid::new_v4();
    let english = [
        "after",
        "attempts",
        "stays",
        "queued",
        "server",
        "asks",
        "wait",
        "cannot",
        "send",
        "endpoint",
        "moved",
        "the",
        "is",
        "not",
        "an",
        "Unavailable",
        "Too",
        "Many",
        "Requests",
        "Internal",
        "Error",
    ];
    let events = [
        OutboxEvent::Deferred {
            id,
            reason: "HTTP 503 Service Unavailable (after 5 attempts; it stays queued)".into(),
        },
        OutboxEvent::Deferred {
            id,
            reason: "HTTP 429 Too Many Requests (the server asks to wait 900s; it stays queued)"
                .into(),
        },
        OutboxEvent::Failed {
            id,
            status: None,
            reason: "HTTP 308: the endpoint moved to http://127.0.0.1:9/y".into(),
        },
        OutboxEvent::Failed {
            id,
            status: None,
            reason: "the endpoint \"ftp://127.0.0.1/x\" is not an http(s) URL".into(),
        },
        OutboxEvent::Retrying {
            id,
            attempt: 1,
            after: std::time::Duration::from_secs(2),
            reason: "HTTP 500 Internal Server Error; the note stays queued".into(),
        },
    ];
    for ev in events {
        app.dispatch(Msg::Outbox(ev.clone()));
        let text = app.shared.status.as_ref().expect("a status").text.clone();
        assert!(text.starts_with("Note "), "{text}");
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            assert!(!english.contains(&word), "{word:?} left in {text:?}");
        }
    }
}

/// The publisher's prompt is set with a no-break space before "?": wrapped
/// where the "?" would start a line, it stays with its word on screen; the
/// stored prompt is unchanged.
#[test]
fn the_question_mark_stays_with_its_word() {
    let prompt = "Avez-vous trouvé une erreur ou une inexactitude ?";
    // plain wrapping leaves the sign alone at this width
    let plain = textwrap::wrap(prompt, 47);
    assert_eq!(plain.last().map(|l| l.as_ref()), Some("?"));
    let fr = lede::ui::i18n::Words::for_tag("fr");
    let shown = lede::ui::french::typeset(fr, prompt);
    for width in 14..=60 {
        for line in textwrap::wrap(&shown, width) {
            assert_ne!(line.trim(), "?", "width {width}");
            if line.contains('?') {
                assert!(line.contains("inexactitude\u{202F}?"), "{line:?}");
            }
        }
    }
    // on screen: the sample's sidebar entry, at widths that wrap the prompt
    for (w, h) in [(80, 40), (100, 40), (120, 40), (200, 60)] {
        let mut app = lede::ui::app::App::new(
            vec![sample()],
            lede::ui::keymap::KeyMap::default(),
            lede::ui::theme::Theme::new(true),
        );
        let a = &app.shared.articles[0];
        assert!(a.feedback.as_ref().is_some_and(|f| f.prompt == prompt));
        app.dispatch(Msg::Resize(w, h));
        let screen = rows(&render(&app));
        assert!(
            !screen
                .iter()
                .any(|r| r.trim_end().ends_with(" ?") || r.contains("│?")),
            "{w}x{h}:\n{}",
            screen.join("\n")
        );
        assert_eq!(
            app.shared.articles[0].feedback.as_ref().unwrap().prompt,
            prompt
        );
    }
}
