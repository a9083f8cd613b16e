//! Notes in the reader: the visual selection (keys and mouse), the markers
//! on noted passages, the notes list, notes loaded at start. Key sequences,
//! a real notes file in a temp dir, no terminal, no sleeps.
#![cfg(feature = "tui")]

mod ui_fixture;

use crossterm::event::{KeyCode, KeyModifiers};
use lede::ui::msg::Msg;
use ui_fixture::*;

#[test]
fn visual_selection_by_words_is_the_quote() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 120, 40);
    press(&mut app, "vw");
    assert!(app.mode.visual().is_some());
    press(&mut app, "e");
    let form = app.mode.form().expect("e opens the form on the selection");
    assert_eq!(form.about.quote, "Lyon accueille");
    assert!(app.mode.visual().is_none());
    press(&mut app, "ok");
    ctrl(&mut app, 's');
    assert_eq!(notes_in(&path)[0].target.exact, "Lyon accueille");
}

#[test]
fn saved_notes_are_marked_in_the_reader_and_listed_with_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 120, 40);
    press(&mut app, "vw");
    press(&mut app, "e");
    press(&mut app, "Titre");
    ctrl(&mut app, 's');
    // an orphan: a note on this article whose passage is gone
    let mut orphan = app.views.report.notes[0].clone();
    orphan.id = uuid::Uuid::now_v7();
    orphan.target.exact = "un passage qui a disparu du texte".into();
    orphan.target.prefix = "rien de tel ".into();
    orphan.target.suffix = " nulle part".into();
    app.views.report.notes.push(orphan);

    let buf = render(&app);
    let marker = lede::ui::views::marker_style(&app.shared.theme);
    let rt = app.shared.panes.reader_text;
    let underlined: String = (rt.x..rt.right())
        .filter(|x| buf[(*x, rt.y)].style() == buf[(*x, rt.y)].style().patch(marker))
        .map(|x| buf[(x, rt.y)].symbol().to_string())
        .collect();
    assert_eq!(
        underlined, "Lyon accueille",
        "the marker sits on the passage"
    );

    press(&mut app, "m");
    let s = screen(&render(&app));
    assert!(s.contains("Notes sur cet article"), "{s}");
    assert!(s.contains("Titre"));
    assert!(s.contains("orpheline"), "the orphan is listed: {s}");
    press_code(&mut app, KeyCode::Esc);
    assert!(app.mode.notes_list().is_none());
}

#[test]
fn a_mouse_drag_over_the_text_selects_the_passage() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 120, 40);
    let rt = app.shared.panes.reader_text;
    let ev = |kind, column, row| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    // every mouse event is a message, the press and the release included
    let mouse = |app: &mut lede::ui::app::App, e: &MouseEvent| {
        let m = lede::ui::msg::MouseInput::from_event(e).expect("a left-button event");
        app.dispatch(Msg::Mouse(m));
    };
    let down = ev(MouseEventKind::Down(MouseButton::Left), rt.x + 1, rt.y);
    mouse(&mut app, &down);
    assert!(app.mode.visual().is_none(), "a press alone selects nothing");
    let drag = ev(MouseEventKind::Drag(MouseButton::Left), rt.x + 8, rt.y);
    mouse(&mut app, &drag);
    assert!(app.mode.visual().is_some(), "a drag selects");
    let up = ev(MouseEventKind::Up(MouseButton::Left), rt.x + 8, rt.y);
    mouse(&mut app, &up);
    press(&mut app, "e");
    let form = app.mode.form().expect("e reports the selection");
    assert_eq!(form.about.quote, "Lyon accueille");
    // a drag outside the text selects nothing
    press_code(&mut app, KeyCode::Esc);
    let outside = ev(MouseEventKind::Down(MouseButton::Left), 0, 0);
    mouse(&mut app, &outside);
    let drag = ev(MouseEventKind::Drag(MouseButton::Left), rt.x + 3, rt.y);
    mouse(&mut app, &drag);
    assert!(app.mode.visual().is_none());
}

#[test]
fn visual_mode_moves_by_words_and_lines_and_other_keys_end_it() {
    let mut app = app(120, 40);
    press(&mut app, "v");
    let (a, b) = app.mode.visual().unwrap();
    assert_eq!(&app.text()[a..b], "Lyon");
    press(&mut app, "ww");
    let (_, b2) = app.mode.visual().unwrap();
    assert_eq!(&app.text()[a..b2], "Lyon accueille Ольга");
    press(&mut app, "b");
    let (_, b3) = app.mode.visual().unwrap();
    assert_eq!(&app.text()[a..b3], "Lyon accueille");
    press(&mut app, "j"); // to the end of the next text line
    let (_, b4) = app.mode.visual().unwrap();
    assert!(b4 > b3);
    press(&mut app, "]"); // another key: the selection ends, the key works
    assert!(app.mode.visual().is_none());
    assert_eq!(app.views.reader.current, 1);
}

#[test]
fn notes_saved_earlier_are_loaded_placed_and_listed_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut first = app_saving_in(&path, 120, 40);
    press(&mut first, "vw");
    press(&mut first, "e");
    press(&mut first, "Déjà signalé");
    ctrl(&mut first, 's');

    let mut app = app(120, 40);
    let (report, outbox, warning) = lede::ui::views::notes::Reporting::start(
        Some(path.clone()),
        None,
        &lede::notes::NotesSettings::default(),
    );
    assert!(warning.is_none());
    app.set_reporting(report);
    assert_eq!(app.views.report.notes.len(), 1);
    let noted = lede::ui::noted_articles(&app.views.report.notes);
    assert_eq!(noted.len(), 1);
    assert!(
        noted.contains(&app.shared.articles[0].id),
        "the list marks the article"
    );
    let placed = lede::ui::views::notes::placed(&app).notes.clone();
    assert_eq!(placed.len(), 1);
    let span = placed[0].1.clone().expect("placed on the unchanged text");
    assert_eq!(&app.text()[span], "Lyon accueille");
    if let Some(o) = outbox {
        o.shutdown();
    }
}

#[test]
fn snapshot_marker_and_notes_list_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 80, 24);
    press(&mut app, "vww");
    press(&mut app, "e");
    press(&mut app, "Le nom russe est mal transcrit.");
    ctrl(&mut app, 's');
    app.shared.status = None; // the message names the temp file
    let created = app.views.report.notes[0].created.clone();
    let reader = styled_screen(&render(&app));
    press(&mut app, "m");
    let list = screen(&render(&app)).replace(&created, "<created>");
    insta::assert_snapshot!(format!("{reader}\n----\n{list}"));
}

/// Without colours a noted passage must not look like an entity: on plain
/// text and on top of each highlight its cue differs from every kind's.
#[test]
fn the_no_color_note_marker_is_not_an_entity_cue() {
    use lede::extract::Kind;
    let app = app_with(80, 24, false);
    assert!(!app.shared.theme.colors);
    let marker = lede::ui::views::marker_style(&app.shared.theme);
    let kinds: Vec<_> = Kind::ALL
        .iter()
        .map(|&k| app.shared.theme.kind(k).add_modifier)
        .collect();
    let plain = ratatui::style::Style::new();
    for base in std::iter::once(plain).chain(Kind::ALL.iter().map(|&k| app.shared.theme.kind(k))) {
        let noted = base.patch(marker).add_modifier;
        assert!(
            !kinds.contains(&noted),
            "a note over {base:?} looks like an entity: {noted:?}"
        );
        assert_ne!(noted, app.shared.theme.mark.add_modifier);
    }
}

/// Going to a note's passage from the notes list shows it in the reader,
/// whichever pane had the focus (on a narrow screen the list hides the reader).
#[test]
fn going_to_a_note_from_the_list_shows_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 50, 16);
    press(&mut app, "vw");
    press(&mut app, "e");
    press(&mut app, "Une note");
    ctrl(&mut app, 's');
    assert_eq!(app.views.report.notes.len(), 1);
    press_code(&mut app, KeyCode::Tab);
    assert_ne!(app.shared.focus, lede::ui::layout::Focus::Reader);
    press(&mut app, "m");
    press_code(&mut app, KeyCode::Enter);
    assert!(app.mode.notes_list().is_none());
    assert_eq!(app.shared.focus, lede::ui::layout::Focus::Reader);
    assert!(app.shared.panes.reader.is_some());
    let s = screen(&render(&app));
    assert!(s.contains("Lyon accueille"), "{s}");
}

/// `j` then `k` in visual mode comes back to the line it started from, also
/// across the blank line between paragraphs.
#[test]
fn visual_j_then_k_comes_back() {
    let mut app = app(40, 30);
    press(&mut app, "v");
    let (a, b0) = app.mode.visual().unwrap();
    let line0 = app.views.reader.doc.line_of(b0.saturating_sub(1));
    for n in 1..6 {
        press(&mut app, &"j".repeat(n));
        let (_, down) = app.mode.visual().unwrap();
        assert!(down > b0, "j moves forward");
        press(&mut app, &"k".repeat(n));
        let (a2, up) = app.mode.visual().unwrap();
        assert_eq!(a2, a, "the anchor stays");
        assert_eq!(
            app.views.reader.doc.line_of(up.saturating_sub(1)),
            line0,
            "{n} j then {n} k: {:?}",
            &app.text()[a..up]
        );
    }
}

// ---- retry, withdraw and edit from the notes list (issue 16 item 7) ----

use lede::notes::Status;
use lede::notes::revise::Change;
use lede::ui::cmd::{Cmd, Revised};

/// A key through `update` only: the commands come back, none is run.
fn key_update(app: &mut lede::ui::app::App, code: KeyCode) -> Vec<Cmd> {
    app.update(Msg::Key(crossterm::event::KeyEvent::new(
        code,
        KeyModifiers::NONE,
    )))
}

/// The fixture reader with two notes saved in `path` (on disk, as the form does).
fn app_with_two_notes(path: &std::path::Path) -> lede::ui::app::App {
    let mut app = app_saving_in(path, 120, 40);
    for comment in ["Première note", "Seconde note"] {
        press(&mut app, "vw");
        press(&mut app, "e");
        press(&mut app, comment);
        ctrl(&mut app, 's');
    }
    assert_eq!(notes_in(path).len(), 2);
    app
}

fn status_text(app: &lede::ui::app::App) -> String {
    app.shared
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn file_lines(path: &std::path::Path) -> usize {
    std::fs::read_to_string(path).unwrap().lines().count()
}

#[test]
fn withdraw_asks_then_returns_the_command_and_writes_nothing_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_with_two_notes(&path);
    let second = app.views.report.notes[1].clone();
    let lines = file_lines(&path);

    for c in ['m', 'j', 'w'] {
        assert!(key_update(&mut app, KeyCode::Char(c)).is_empty());
    }
    let s = screen(&render(&app));
    assert!(s.contains("Retirer la note"), "the list asks first: {s}");
    // `n` keeps the note
    assert!(key_update(&mut app, KeyCode::Char('n')).is_empty());
    assert_eq!(app.mode.notes_list(), Some(1));
    key_update(&mut app, KeyCode::Char('w'));
    let cmds = key_update(&mut app, KeyCode::Char('y'));
    let [Cmd::ReviseNote(r)] = cmds.as_slice() else {
        panic!("one revision to write: {cmds:?}");
    };
    assert_eq!(
        (r.id, &r.change, &r.path),
        (second.id, &Change::Withdraw, &path)
    );
    assert_eq!(file_lines(&path), lines, "update writes no file");
    assert_eq!(notes_in(&path)[1].status, Status::Queued);

    // the run loop feeds the result back
    let mut done = second.clone();
    lede::notes::revise::apply(&mut done, &Change::Withdraw);
    done.rev += 1;
    let cmds = app.update(Msg::NoteRevised(Box::new(Revised {
        revise: (**r).clone(),
        result: Ok(done),
    })));
    assert!(cmds.is_empty());
    assert_eq!(app.views.report.notes[1].status, Status::Withdrawn);
    assert!(
        status_text(&app).contains("retirée"),
        "{}",
        status_text(&app)
    );
    let s = screen(&render(&app));
    assert!(
        s.contains("· retirée ·"),
        "the list shows the new status: {s}"
    );
    assert!(
        s.contains("· en attente ·"),
        "the other note is as it was: {s}"
    );
}

#[test]
fn withdrawing_through_dispatch_appends_a_withdrawn_revision() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_with_two_notes(&path);
    let first = app.views.report.notes[0].id;
    let lines = file_lines(&path);
    let cmds = press(&mut app, "mwy");
    assert!(cmds.is_empty(), "nothing for the outbox: {cmds:?}");
    assert_eq!(file_lines(&path), lines + 1, "one revision appended");
    let text = std::fs::read_to_string(&path).unwrap();
    let revisions: Vec<lede::notes::Note> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|n: &lede::notes::Note| n.id == first)
        .collect();
    assert_eq!(revisions.len(), 2, "the first revision is kept");
    assert_eq!(revisions[1].rev, revisions[0].rev + 1);
    assert_eq!(revisions[1].status, Status::Withdrawn);
    assert!(revisions[1].withdrawn.is_some());
    assert_eq!(notes_in(&path)[0].status, Status::Withdrawn);
    assert_eq!(app.views.report.notes[0].status, Status::Withdrawn);
    assert!(status_text(&app).contains("retirée"));
}

#[test]
fn a_failed_note_is_queued_again_and_handed_to_the_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_with_two_notes(&path);
    let id = app.views.report.notes[0].id;
    // the outbox was refused (a 400): a failed revision in the file
    let failed = lede::notes::Store::new(&path)
        .update(id, |n| n.status = Status::Failed)
        .unwrap();
    app.views.report.notes[0] = failed;
    press(&mut app, "m");
    assert!(screen(&render(&app)).contains("· refusée ·"));
    let cmds = press(&mut app, "r");
    assert_eq!(cmds, vec![Cmd::Submit(id)], "the outbox gets the note");
    assert_eq!(notes_in(&path)[0].status, Status::Queued);
    assert_eq!(notes_in(&path)[0].rev, 3);
    assert_eq!(app.views.report.notes[0].status, Status::Queued);
    assert!(
        status_text(&app).contains("remise en attente"),
        "{}",
        status_text(&app)
    );
    assert!(screen(&render(&app)).contains("· en attente ·"));
}

#[test]
fn editing_a_failed_note_says_how_to_send_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_with_two_notes(&path);
    let id = app.views.report.notes[0].id;
    app.views.report.notes[0] = lede::notes::Store::new(&path)
        .update(id, |n| n.status = Status::Failed)
        .unwrap();
    press(&mut app, "mc ; orthographe");
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(notes_in(&path)[0].comment, "Première note ; orthographe");
    assert_eq!(
        notes_in(&path)[0].status,
        Status::Failed,
        "an edit sends nothing"
    );
    let s = status_text(&app);
    assert!(s.contains("modifiée") && s.contains("r la renvoie"), "{s}");
}

#[test]
fn refused_actions_show_the_reason_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_with_two_notes(&path);
    app.views.report.notes[0].status = Status::Sent;
    let lines = file_lines(&path);
    assert!(press(&mut app, "mr").is_empty());
    let s = status_text(&app);
    assert!(s.contains("déjà envoyée"), "{s}");
    assert!(s.contains("n'a PAS été modifiée"), "{s}");
    // editing a sent note is refused before any typing
    press(&mut app, "c");
    assert_eq!(app.mode.notes_list(), Some(0));
    assert!(!screen(&render(&app)).contains("Commentaire :"));
    // a withdrawn note cannot be sent again
    app.views.report.notes[1].status = Status::Withdrawn;
    press(&mut app, "jr");
    assert!(
        status_text(&app).contains("a été retirée"),
        "{}",
        status_text(&app)
    );
    assert_eq!(file_lines(&path), lines, "nothing was written");
}

#[test]
fn the_comment_is_edited_inline_and_an_empty_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_with_two_notes(&path);
    press(&mut app, "mc");
    assert!(screen(&render(&app)).contains("Commentaire : Première note"));
    for _ in 0.."Première note".chars().count() {
        press_code(&mut app, KeyCode::Backspace);
    }
    press_code(&mut app, KeyCode::Enter);
    assert!(app.mode.notes_list().is_some());
    assert!(
        screen(&render(&app)).contains("Commentaire :"),
        "still typing after a refusal"
    );
    assert_eq!(notes_in(&path)[0].comment, "Première note");
    press(&mut app, "Tréma oublié");
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(notes_in(&path)[0].comment, "Tréma oublié");
    assert_eq!(notes_in(&path)[0].rev, 2);
    assert_eq!(app.views.report.notes[0].comment, "Tréma oublié");
    assert!(
        status_text(&app).contains("modifiée"),
        "{}",
        status_text(&app)
    );
    // Esc leaves the input without a change
    press(&mut app, "cx");
    press_code(&mut app, KeyCode::Esc);
    assert_eq!(app.mode.notes_list(), Some(0));
    assert_eq!(notes_in(&path)[0].comment, "Tréma oublié");
}

#[test]
fn the_note_keys_are_configurable_and_listed_in_the_help_and_the_hint() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_with_two_notes(&path);
    let config = lede::config::Config::parse(
        "[keys]\nnotes_withdraw = \"x\"\nnotes_retry = \"R\"\n",
        std::path::Path::new("k.toml"),
    )
    .unwrap();
    app.shared.keymap = lede::ui::keymap::KeyMap::from_config(&config).unwrap();
    let help: Vec<String> = lede::ui::views::help::help_lines(&app, 100)
        .iter()
        .map(|l| l.to_string())
        .collect();
    for (key, what) in [
        ("x ", "withdraw the selected note"),
        ("R ", "send the selected note again"),
        ("c ", "edit the selected note's comment"),
    ] {
        assert!(
            help.iter().any(|l| l.starts_with(key) && l.contains(what)),
            "{key:?} {what:?} missing from {help:#?}"
        );
    }
    press(&mut app, "m");
    let s = screen(&render(&app));
    assert!(s.contains("R renvoyer · x retirer · c modifier"), "{s}");
    press(&mut app, "w");
    assert!(
        app.mode.notes_list().is_none(),
        "w is no longer bound: it closes the list"
    );
    press(&mut app, "mx");
    assert!(screen(&render(&app)).contains("Retirer la note"));
}

#[test]
fn snapshot_notes_list_asking_to_withdraw_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut app = app_saving_in(&path, 80, 24);
    press(&mut app, "vww");
    press(&mut app, "e");
    press(&mut app, "Le nom russe est mal transcrit.");
    ctrl(&mut app, 's');
    app.shared.status = None; // the message names the temp file
    let note = app.views.report.notes[0].clone();
    press(&mut app, "mw");
    let asking = styled_screen(&render(&app))
        .replace(&note.created, "<created>")
        .replace(&note.short_id(), "<id>");
    press_code(&mut app, KeyCode::Esc);
    press(&mut app, "c");
    let typing = styled_screen(&render(&app)).replace(&note.created, "<created>");
    insta::assert_snapshot!(format!("{asking}\n----\n{typing}"));
}
