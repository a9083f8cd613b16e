//! The report-an-error form driven by key sequences, as a reader types them:
//! a real notes file in a temp dir, no terminal, no network, no sleeps.
#![cfg(feature = "tui")]

mod ui_fixture;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use lede::notes::{Field, Problem};
use lede::ui::app::App;
use lede::ui::msg::{MouseInput, Msg};
use lede::ui::views::form::state::FormField;
use std::path::Path;
use ui_fixture::*;

fn focus(app: &App) -> FormField {
    app.mode.form().expect("the form is open").focus
}

#[test]
fn ctrl_s_is_a_save_command_and_saved_shows_only_with_its_result() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 100, 30);
    press(&mut app, "e");
    press(&mut app, "Le prénom s'écrit Zoé.");
    let cmds = app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    let [Cmd::SaveNote(save)] = cmds.as_slice() else {
        panic!("one save command: {cmds:?}")
    };
    assert_eq!(save.path, path);
    assert!(save.main_file);
    assert_eq!(save.note.comment, "Le prénom s'écrit Zoé.");
    assert!(!path.exists(), "update writes no file");
    assert!(app.mode.form().is_some(), "the form waits for the result");
    let says_saved = |app: &lede::ui::app::App| {
        app.shared
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("Note enregistrée"))
    };
    assert!(!says_saved(&app));
    // the loop runs the command (append + fsync) and sends back its result
    let result = lede::ui::cmd::save_note(save.clone());
    assert!(path.exists());
    let next = app.update(result);
    assert!(says_saved(&app), "{:?}", app.shared.status);
    assert!(app.mode.form().is_none(), "the form closes once saved");
    assert_eq!(next.len(), 1, "the note goes to the outbox: {next:?}");
    assert!(matches!(next[0], Cmd::Submit(id) if id == app.views.report.notes[0].id));
    assert_eq!(notes_in(&path).len(), 1);
}

#[test]
fn a_failed_save_result_keeps_the_form_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    // the notes file's folder is a regular file: the append fails
    let mut app = app_saving_in(&blocker.join("notes.jsonl"), 100, 30);
    press(&mut app, "e");
    press(&mut app, "Une faute.");
    let cmds = ctrl(&mut app, 's');
    assert!(cmds.is_empty(), "nothing to send: {cmds:?}");
    let form = app.mode.form().expect("the form stays open");
    let why = form.save_error.as_deref().unwrap_or("");
    assert!(why.contains("PAS été enregistrée"), "{why}");
    assert!(form.save_as.is_some(), "another file is offered");
    assert!(
        !app.shared
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("enregistrée ("))
    );
}

#[test]
fn e_type_ctrl_s_files_a_note_about_the_current_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 60, 12);
    press(&mut app, "jjj"); // the top line is now in the first paragraph
    press(&mut app, "e");
    assert!(app.mode.form().is_some(), "e opens the form");
    assert_eq!(
        focus(&app),
        FormField::Comment,
        "the cursor starts in the comment"
    );
    press(&mut app, "Il manque l'accent de Zoé.");
    ctrl(&mut app, 's');
    assert!(app.mode.form().is_none(), "the form closes once saved");
    let notes = notes_in(&path);
    assert_eq!(notes.len(), 1);
    let n = &notes[0];
    assert_eq!(n.comment, "Il manque l'accent de Zoé.");
    assert!(
        n.target.exact.starts_with("Le 3 juin 2025") && n.target.exact.ends_with("jumelage."),
        "the quote is the first sentence of the paragraph: {:?}",
        n.target.exact
    );
    assert_eq!(n.article.id, app.shared.articles[0].id);
    let status = app.shared.status.as_ref().expect("a status message");
    assert!(status.text.contains("Note enregistrée"), "{}", status.text);
    assert!(!status.error);
    assert!(app.views.report.has_notes(&app.shared.articles[0].id));
}

#[test]
fn a_followed_mention_is_the_quoted_passage() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 120, 40);
    press_code(&mut app, KeyCode::Tab); // the sidebar, first actor selected
    press_code(&mut app, KeyCode::Enter); // follow it
    let marked = {
        let m = app
            .views
            .reader
            .marks
            .as_ref()
            .expect("an actor is followed");
        let s = m.spans[m.current];
        app.text()[s.start..s.end].to_string()
    };
    press(&mut app, "e");
    assert_eq!(app.mode.form().unwrap().about.quote, marked);
    press(&mut app, "Nom mal écrit");
    ctrl(&mut app, 's');
    assert_eq!(notes_in(&path)[0].target.exact, marked);
}

#[test]
fn esc_asks_before_discarding_typed_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 100, 30);
    press(&mut app, "e");
    press(&mut app, "brouillon");
    press_code(&mut app, KeyCode::Esc);
    let form = app.mode.form().expect("still open: it asks first");
    assert!(form.confirm_discard);
    assert!(screen(&render(&app)).contains("Abandonner ce que vous avez écrit\u{202F}?"));
    press(&mut app, "n");
    let form = app.mode.form().expect("n keeps editing");
    assert!(!form.confirm_discard);
    assert_eq!(form.draft().comment, "brouillon", "the text is kept");
    press_code(&mut app, KeyCode::Esc);
    press(&mut app, "o");
    assert!(app.mode.form().is_none(), "o (oui) discards");
    assert!(!path.exists(), "nothing was written");
    // nothing typed: Esc closes at once
    press(&mut app, "e");
    press_code(&mut app, KeyCode::Esc);
    assert!(app.mode.form().is_none());
}

#[test]
fn tab_and_shift_tab_walk_the_fields_in_order() {
    let mut app = app(100, 30);
    press(&mut app, "e");
    let mut seen = vec![focus(&app)];
    for _ in 0..9 {
        press_code(&mut app, KeyCode::Tab);
        seen.push(focus(&app));
    }
    use FormField::*;
    assert_eq!(
        seen,
        [
            Comment, Category, Severity, Suggestion, Name, Email, Consent, Submit, Cancel, Comment
        ]
    );
    press_code(&mut app, KeyCode::BackTab);
    assert_eq!(focus(&app), Cancel);
}

#[test]
fn choices_change_with_arrows_and_end_up_in_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 100, 30);
    press(&mut app, "e");
    press(&mut app, "Le chiffre est faux");
    press_code(&mut app, KeyCode::Tab);
    press_code(&mut app, KeyCode::Right);
    press_code(&mut app, KeyCode::Right);
    press_code(&mut app, KeyCode::Right); // wrong number or date
    press_code(&mut app, KeyCode::Tab);
    press_code(&mut app, KeyCode::Left); // serious (wraps)
    press_code(&mut app, KeyCode::Tab);
    press(&mut app, "3 juillet");
    press_code(&mut app, KeyCode::Tab);
    press(&mut app, "Ana");
    press_code(&mut app, KeyCode::Tab);
    press(&mut app, "ana@example.org");
    press_code(&mut app, KeyCode::Tab);
    press(&mut app, " "); // consent
    press_code(&mut app, KeyCode::Tab);
    assert_eq!(focus(&app), FormField::Submit);
    press_code(&mut app, KeyCode::Enter);
    let n = &notes_in(&path)[0];
    assert_eq!(n.category, lede::notes::Category::WrongNumberOrDate);
    assert_eq!(n.severity, lede::notes::Severity::Serious);
    assert_eq!(n.suggestion.as_deref(), Some("3 juillet"));
    assert_eq!(n.reporter.name.as_deref(), Some("Ana"));
    assert_eq!(n.reporter.email.as_deref(), Some("ana@example.org"));
    assert!(n.reporter.consent);
}

#[test]
fn an_invalid_email_is_shown_next_to_its_field_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 100, 30);
    press(&mut app, "e");
    press(&mut app, "Une erreur");
    for _ in 0..5 {
        press_code(&mut app, KeyCode::Tab);
    }
    assert_eq!(focus(&app), FormField::Email);
    press(&mut app, "ana@");
    ctrl(&mut app, 's');
    let form = app.mode.form().expect("the form stays open");
    assert_eq!(form.errors.len(), 1);
    assert_eq!(form.errors[0].field, Field::Email);
    assert_eq!(form.errors[0].problem, Problem::InvalidEmail);
    assert_eq!(form.focus, FormField::Email);
    let s = screen(&render(&app));
    assert!(s.contains("L'adresse électronique n'est pas valide"), "{s}");
    assert!(!path.exists());
    // fixing it clears the message, and the note goes out
    press(&mut app, "example.org");
    assert!(app.mode.form().unwrap().errors.is_empty());
    ctrl(&mut app, 's');
    assert_eq!(notes_in(&path).len(), 1);
}

#[test]
fn an_empty_comment_is_refused_with_a_message() {
    let mut app = app(100, 30);
    press(&mut app, "e");
    ctrl(&mut app, 's');
    let form = app.mode.form().expect("still open");
    assert_eq!(form.errors[0].field, Field::Comment);
    assert!(screen(&render(&app)).contains("Un commentaire est nécessaire"));
}

#[test]
fn a_write_error_keeps_the_text_and_offers_to_save_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    // the parent of the notes file is a regular file: every open fails
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let bad = blocker.join("notes.jsonl");
    let mut app = app_saving_in(&bad, 100, 30);
    press(&mut app, "e");
    press(&mut app, "Rien ne doit se perdre");
    ctrl(&mut app, 's');
    let form = app.mode.form().expect("the form stays open");
    let err = form.save_error.as_deref().expect("the error is shown");
    assert!(err.contains("not-a-dir"), "it names the file: {err}");
    assert!(err.contains("PAS été enregistrée"), "{err}");
    assert_eq!(form.draft().comment, "Rien ne doit se perdre");
    assert!(form.save_as.is_some(), "a path prompt is offered");
    let s = screen(&render(&app));
    assert!(s.contains("Enregistrer dans"), "{s}");
    assert!(
        !app.shared
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("enregistrée (")),
        "never says saved"
    );
    // the prompt shows the failed path, selected: typing replaces it
    let prompt = app.mode.form().unwrap().save_as.as_ref().unwrap();
    assert_eq!(prompt.lines().join(""), bad.display().to_string());
    let good = dir.path().join("elsewhere.jsonl");
    press(&mut app, &good.display().to_string());
    press_code(&mut app, KeyCode::Enter);
    assert!(
        app.mode.form().is_none(),
        "saved elsewhere, the form closes"
    );
    let notes = notes_in(&good);
    assert_eq!(notes[0].comment, "Rien ne doit se perdre");
    assert!(
        app.shared
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("elsewhere.jsonl")
    );
}

#[test]
fn a_click_on_submit_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 100, 30);
    press(&mut app, "e");
    press(&mut app, "Cliqué");
    let form = app.mode.form().unwrap();
    let lay = lede::ui::views::form::view::layout(form, app.shared.panes.area);
    let (x, y) = (lay.submit.x + 1, lay.submit.y);
    app.dispatch(Msg::Mouse(MouseInput::Click { x, y }));
    assert!(app.mode.form().is_none());
    assert_eq!(notes_in(&path)[0].comment, "Cliqué");
}

#[test]
fn snapshot_french_80x24() {
    let mut app = app(80, 24);
    app.views.report.path = Some("/tmp/lede-test/notes.jsonl".into());
    press(&mut app, "e");
    press(&mut app, "Le prénom s'écrit Zoé.");
    insta::assert_snapshot!(styled_screen(&render(&app)));
}

#[test]
fn snapshot_french_120x40_with_an_error() {
    let mut app = app(120, 40);
    app.views.report.path = Some("/tmp/lede-test/notes.jsonl".into());
    app.views.report.endpoint = Some("https://corrections.example.org/notes".into());
    press(&mut app, "e");
    ctrl(&mut app, 's');
    insta::assert_snapshot!(styled_screen(&render(&app)));
}

#[test]
fn snapshot_english_80x24_and_120x40() {
    let mut small = app(80, 24);
    small.views.report.path = Some("/tmp/lede-test/notes.jsonl".into());
    press(&mut small, "]"); // the English article
    press(&mut small, "e");
    press(&mut small, "The mayor's name is Anne.");
    let mut big = app(120, 40);
    big.views.report.path = Some("/tmp/lede-test/notes.jsonl".into());
    press(&mut big, "]e");
    press_code(&mut big, KeyCode::Tab);
    let both = format!(
        "{}\n----\n{}",
        styled_screen(&render(&small)),
        styled_screen(&render(&big))
    );
    insta::assert_snapshot!(both);
}

/// A one-shot HTTP server on 127.0.0.1 answering 201 with a Location; the
/// request (head and body) comes back through the channel.
fn one_shot_server() -> (String, std::sync::mpsc::Receiver<String>) {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let Ok((stream, _)) = listener.accept() else {
            return;
        };
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        let mut len = 0usize;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                len = v.trim().parse().unwrap_or(0);
            }
            head.push_str(&line);
        }
        let mut body = vec![0; len];
        let _ = reader.read_exact(&mut body);
        let mut stream = reader.into_inner();
        let _ = stream.write_all(
            b"HTTP/1.1 201 Created\r\nLocation: /annotations/7\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
        let _ = tx.send(format!("{head}\r\n{}", String::from_utf8_lossy(&body)));
    });
    (format!("http://{addr}/annotations"), rx)
}

#[test]
fn a_saved_note_goes_out_through_the_outbox_and_the_status_says_sent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let (endpoint, requests) = one_shot_server();
    let mut app = app(100, 30);
    let (report, outbox, warning) = lede::ui::views::notes::Reporting::start(
        Some(path.clone()),
        Some(endpoint.clone()),
        &lede::notes::NotesSettings::default(),
    );
    assert!(warning.is_none());
    app.set_reporting(report);
    press(&mut app, "e");
    assert_eq!(
        app.mode.form().unwrap().about.endpoint.as_deref(),
        Some(endpoint.as_str())
    );
    press(&mut app, "Envoyée au serveur");
    // the run loop's executor: it hands the saved note to the outbox
    let worker = lede::ui::worker::Worker::spawn(app.shared.articles.clone());
    let mut fx = lede::ui::cmd::Effects::new(worker, outbox);
    fx.send(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
    );
    assert!(
        app.shared
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("Note enregistrée")
    );
    let request = requests
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the outbox posts the note");
    assert!(request.starts_with("POST /annotations"), "{request}");
    assert!(request.contains("Envoyée au serveur"), "{request}");
    // the events, as the UI loop takes them (it polls without blocking)
    let outbox = fx.outbox.take().unwrap();
    let mut sent = false;
    while let Ok(ev) = outbox
        .events()
        .recv_timeout(std::time::Duration::from_secs(20))
    {
        let is_sent = matches!(ev, lede::notes::OutboxEvent::Sent { .. });
        app.dispatch(Msg::Outbox(ev));
        if is_sent {
            sent = true;
            break;
        }
    }
    assert!(sent, "the outbox reports Sent");
    let status = app.shared.status.as_ref().unwrap();
    assert!(
        status.text.contains("envoyée (HTTP 201)"),
        "{}",
        status.text
    );
    assert_eq!(app.views.report.notes[0].status, lede::notes::Status::Sent);
    // the note goes by the same short id as in `lede notes list`
    let short = app.views.report.notes[0].short_id();
    assert!(
        status.text.contains(&format!("Note {short} ")),
        "{}",
        status.text
    );
    outbox.shutdown();
    let stored = notes_in(&path);
    assert_eq!(stored[0].status, lede::notes::Status::Sent);
}

#[test]
fn the_config_file_gives_the_notes_file_and_endpoint() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[notes]\nendpoint = \"https://example.org/c\"\nfile = \"/tmp/x/notes.jsonl\"\n",
    )
    .unwrap();
    let s = lede::notes::config_file_notes_settings(Some(&config));
    assert_eq!(s.endpoint.as_deref(), Some("https://example.org/c"));
    assert_eq!(s.file.as_deref(), Some(Path::new("/tmp/x/notes.jsonl")));
    // the flag wins over the config file
    let p = lede::notes::resolve_notes_path(Some(Path::new("/a/b.jsonl")), &s).unwrap();
    assert_eq!(p, Path::new("/a/b.jsonl"));
}

#[test]
fn the_form_and_the_notes_list_draw_at_any_size_without_panicking() {
    for (w, h) in [
        (1, 1),
        (8, 3),
        (20, 6),
        (30, 10),
        (40, 12),
        (50, 16),
        (61, 17),
        (240, 70),
    ] {
        let mut app = app(w, h);
        press(&mut app, "e");
        press(
            &mut app,
            "Un mot assez long pour passer à la ligne dans une petite boîte",
        );
        ctrl(&mut app, 's');
        let _ = render(&app);
        app.mode
            .form_mut()
            .unwrap()
            .save_failed("disque plein".into(), None);
        let _ = render(&app);
        press_code(&mut app, KeyCode::Esc);
        press_code(&mut app, KeyCode::Esc);
        press(&mut app, "o");
        assert!(app.mode.form().is_none(), "{w}x{h}");
        press(&mut app, "m");
        let _ = render(&app);
    }
    // at 40x12 the comment, the buttons and the error are still shown
    let mut app = app(40, 12);
    press(&mut app, "e");
    ctrl(&mut app, 's');
    let s = screen(&render(&app));
    assert!(s.contains("Commentaire"), "{s}");
    assert!(s.contains("[ Envoyer"), "{s}");
    assert!(s.contains("⚠ Un commentaire"), "{s}");
}

#[test]
fn a_publisher_taking_mail_is_named_when_no_endpoint_is_set() {
    let mut a = article();
    if let Some(f) = a.feedback.as_mut() {
        f.endpoint = Some("mailto:corrections@example.org?subject=x".into());
    }
    let mut app = App::new(
        vec![a],
        lede::ui::keymap::KeyMap::default(),
        lede::ui::theme::Theme::new(true),
    );
    app.dispatch(Msg::Resize(120, 40));
    press(&mut app, "e");
    let form = app.mode.form().unwrap();
    assert_eq!(form.about.endpoint, None, "mailto is not an HTTP endpoint");
    assert_eq!(
        form.about.mailto.as_deref(),
        Some("corrections@example.org")
    );
    let s = screen(&render(&app));
    assert!(s.contains("corrections@example.org"), "{s}");
}

/// "Saved" and where the note stays fit in the status bar of an 80-column
/// screen, beside the position.
#[test]
fn the_saved_message_fits_an_80_column_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 80, 24);
    press(&mut app, "e");
    press(&mut app, "Une remarque");
    ctrl(&mut app, 's');
    let status = app.shared.status.as_ref().expect("a status").text.clone();
    let s = screen(&render(&app));
    let bar = s.lines().last().expect("a status bar");
    assert!(bar.contains(status.trim_end()), "{status:?} cut in {bar:?}");
}
