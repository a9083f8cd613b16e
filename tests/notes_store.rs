//! The JSON Lines store: durability, repairs, revisions, concurrency, errors.

use lede::article::Article;
use lede::notes::{Draft, Note, Status, Store, StoreError};
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Command;

fn article() -> Article {
    Article {
        headline: "Le président malien à Moscou".into(),
        in_language: "fr".into(),
        paragraphs: vec!["Le président Assimi Goita se rendra à Moscou.".into()],
        ..Default::default()
    }
    .finish()
}

fn note(comment: &str) -> Note {
    let a = article();
    let text = a.text();
    let span = Note::find_quote(&text, "Assimi Goita", 1).expect("quote");
    let d = Draft {
        comment: comment.into(),
        ..Draft::default()
    };
    Note::new(&a, span, &d).expect("note")
}

fn comments(store: &Store) -> Vec<String> {
    let loaded = store.load().expect("load");
    loaded.notes.into_iter().map(|n| n.comment).collect()
}

#[test]
fn append_then_load_and_file_is_private() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("deep/er/notes.jsonl");
    let store = Store::new(&path);
    assert!(
        store
            .load()
            .expect("missing file is empty")
            .notes
            .is_empty()
    );
    store.append(&note("un")).expect("save");
    store.append(&note("deux")).expect("save");
    assert_eq!(comments(&store), ["un", "deux"]);
    let text = fs::read_to_string(&path).expect("read");
    assert_eq!(text.lines().count(), 2);
    assert!(text.ends_with('\n'));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
}

#[test]
fn highest_revision_wins_whatever_the_line_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("notes.jsonl"));
    let n = note("v1");
    store.append(&n).expect("save");
    let v2 = store
        .update(n.id, |n| n.comment = "v2".into())
        .expect("update");
    assert_eq!(v2.rev, 2);
    // A stray older revision after a newer one does not win.
    let mut v3 = n.clone();
    v3.rev = 3;
    v3.comment = "v3".into();
    store.append(&v3).expect("save");
    store.append(&n).expect("save rev 1 again");
    let loaded = store.load().expect("load");
    assert_eq!(loaded.notes.len(), 1);
    assert_eq!(loaded.notes[0].rev, 3);
    assert_eq!(loaded.notes[0].comment, "v3");
    assert_eq!(loaded.revisions, 4);
    // update goes on from the highest revision.
    let v4 = store
        .update(n.id, |n| n.status = Status::Sent)
        .expect("update");
    assert_eq!((v4.rev, v4.comment.as_str()), (4, "v3"));
}

#[test]
fn torn_last_line_is_cut_away_and_kept_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.jsonl");
    let store = Store::new(&path);
    store.append(&note("un")).expect("save");
    store.append(&note("deux")).expect("save");
    let good_len = fs::metadata(&path).expect("meta").len();
    let torn = &serde_json::to_string(&note("trois")).expect("json")[..40];
    fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(torn.as_bytes()))
        .expect("tear");
    let loaded = store.load().expect("load");
    assert_eq!(loaded.notes.len(), 2);
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!(loaded.warnings[0].line, Some(3));
    assert!(loaded.warnings[0].to_string().contains("notes.jsonl:3"));
    assert_eq!(fs::metadata(&path).expect("meta").len(), good_len);
    let aside = fs::read_to_string(store.corrupt_path()).expect("corrupt file");
    assert_eq!(aside, format!("{torn}\n"));
    // Clean from now on.
    store.append(&note("quatre")).expect("save");
    let loaded = store.load().expect("load");
    assert!(loaded.warnings.is_empty());
    assert_eq!(comments(&store), ["un", "deux", "quatre"]);
}

#[test]
fn an_invalid_last_line_with_its_newline_is_cut_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.jsonl");
    let store = Store::new(&path);
    store.append(&note("un")).expect("save");
    fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(b"{\"id\": \"tronque\n"))
        .expect("write");
    let loaded = store.load().expect("load");
    assert_eq!((loaded.notes.len(), loaded.warnings.len()), (1, 1));
    assert_eq!(fs::read_to_string(&path).expect("read").lines().count(), 1);
}

#[test]
fn a_complete_last_line_missing_its_newline_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.jsonl");
    let line = serde_json::to_string(&note("sans fin de ligne")).expect("json");
    fs::write(&path, &line).expect("write");
    let store = Store::new(&path);
    assert_eq!(comments(&store), ["sans fin de ligne"]);
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        format!("{line}\n")
    );
}

#[test]
fn appending_after_a_torn_line_starts_a_fresh_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.jsonl");
    let store = Store::new(&path);
    store.append(&note("un")).expect("save");
    fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(b"{\"id\":\"01"))
        .expect("tear");
    store.append(&note("deux")).expect("save after a crash");
    let loaded = store.load().expect("load");
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert_eq!(comments(&store), ["un", "deux"]);
}

#[test]
fn a_corrupt_middle_line_is_set_aside_and_every_good_note_survives() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.jsonl");
    let a = serde_json::to_string(&note("un")).expect("json");
    let b = serde_json::to_string(&note("deux")).expect("json");
    let c = serde_json::to_string(&note("trois")).expect("json");
    fs::write(
        &path,
        format!("{a}\nce n'est pas du JSON\n{b}\n\n{{\"id\":42}}\n{c}\n"),
    )
    .expect("write");
    let store = Store::new(&path);
    let loaded = store.load().expect("load");
    assert_eq!(loaded.notes.len(), 3);
    let lines: Vec<Option<usize>> = loaded.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [Some(2), Some(5)]);
    assert_eq!(
        fs::read_to_string(store.corrupt_path()).expect("aside"),
        "ce n'est pas du JSON\n{\"id\":42}\n"
    );
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        format!("{a}\n{b}\n{c}\n")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "rewritten file stays private: {mode:o}"
        );
    }
    let again = store.load().expect("load");
    assert!(again.warnings.is_empty());
    assert_eq!(comments(&store), ["un", "deux", "trois"]);
}

#[test]
fn compaction_keeps_only_current_revisions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("notes.jsonl"));
    let n = note("v1");
    store.append(&n).expect("save");
    store.append(&note("autre")).expect("save");
    store
        .update(n.id, |n| n.comment = "v2".into())
        .expect("update");
    store
        .update(n.id, |n| n.comment = "v3".into())
        .expect("update");
    assert_eq!(store.compact().expect("compact"), 2);
    let loaded = store.load().expect("load");
    assert_eq!(loaded.revisions, 2);
    assert_eq!(loaded.get(n.id).map(|n| n.comment.as_str()), Some("v3"));
}

#[test]
fn threads_writing_at_once_never_interleave() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.jsonl");
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let store = Store::new(&path);
            std::thread::spawn(move || {
                for i in 0..40 {
                    // A long comment makes a torn or interleaved line likely if locking failed.
                    store
                        .append(&note(&format!("thread {t} note {i} {}", "é".repeat(3000))))
                        .expect("save");
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("thread");
    }
    let loaded = Store::new(&path).load().expect("load");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.notes.len(), 160);
}

#[test]
fn rewrites_while_others_append_lose_nothing() {
    // Compaction replaces the file by rename; writers waiting on the old file's
    // lock must notice and append to the new one.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.jsonl");
    Store::new(&path).append(&note("premier")).expect("save");
    let writers: Vec<_> = (0..3)
        .map(|t| {
            let store = Store::new(&path);
            std::thread::spawn(move || {
                for i in 0..40 {
                    store
                        .append(&note(&format!("thread {t} note {i}")))
                        .expect("save");
                }
            })
        })
        .collect();
    let store = Store::new(&path);
    let mut compactions = 0;
    while writers.iter().any(|w| !w.is_finished()) {
        store.compact().expect("compact");
        compactions += 1;
    }
    for w in writers {
        w.join().expect("writer");
    }
    let loaded = store.load().expect("load");
    assert!(compactions > 0);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.notes.len(), 121);
}

#[test]
fn two_processes_writing_at_once_never_interleave() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.jsonl");
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_lede"))
            .args(["notes", "stress", "--count", "150"])
            .env("LEDE_NOTES", &path)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("spawn lede")
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (
        a.wait_with_output().expect("a"),
        b.wait_with_output().expect("b"),
    );
    assert!(a.status.success() && b.status.success());
    let printed = String::from_utf8_lossy(&a.stdout).lines().count()
        + String::from_utf8_lossy(&b.stdout).lines().count();
    assert_eq!(printed, 300);
    let loaded = Store::new(&path).load().expect("load");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.notes.len(), 300);
}

/// After a failed save the caller still has the note and can save it elsewhere.
fn assert_kept_and_saved_elsewhere(err: StoreError, n: &Note, expected_path: &Path) {
    let msg = err.to_string();
    assert!(
        msg.contains(&expected_path.display().to_string()),
        "names the file: {msg}"
    );
    assert!(err.io_kind().is_some(), "carries the OS reason: {msg}");
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let other = Store::new(elsewhere.path().join("rescued.jsonl"));
    other.append(n).expect("save elsewhere");
    assert_eq!(other.load().expect("load").notes, std::slice::from_ref(n));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_a_typed_error_and_the_note_is_kept() {
    let n = note("disque plein");
    let full = Path::new("/dev/full");
    let err = Store::new(full).append(&n).expect_err("ENOSPC");
    assert_eq!(err.io_kind(), Some(std::io::ErrorKind::StorageFull));
    assert_kept_and_saved_elsewhere(err, &n, full);
}

#[test]
fn an_unwritable_location_is_a_typed_error_and_the_note_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A folder that is a file: no one, not even root, can create notes in it.
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, "x").expect("write");
    let n = note("pas de dossier");
    let err = Store::new(blocker.join("notes.jsonl"))
        .append(&n)
        .expect_err("cannot create");
    assert_kept_and_saved_elsewhere(err, &n, &blocker);
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_a_typed_error_and_the_note_is_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let ro = dir.path().join("ro");
    fs::create_dir(&ro).expect("mkdir");
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o500)).expect("chmod");
    let path = ro.join("notes.jsonl");
    let n = note("lecture seule");
    let result = Store::new(&path).append(&n);
    // Root ignores folder permissions: then the save succeeds, which is right too.
    let privileged = fs::File::create(ro.join("probe")).is_ok();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o700)).expect("chmod back");
    match result {
        Err(err) => {
            assert!(!privileged);
            assert_eq!(err.io_kind(), Some(std::io::ErrorKind::PermissionDenied));
            assert_kept_and_saved_elsewhere(err, &n, &path);
        }
        Ok(()) => {
            assert!(privileged, "saving into a read-only folder must fail");
            assert_eq!(comments(&Store::new(&path)), ["lecture seule"]);
        }
    }
}

#[test]
fn write_atomic_replaces_the_whole_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("export.json");
    fs::write(&path, "ancien contenu bien plus long que le nouveau").expect("write");
    lede::notes::store::write_atomic(&path, b"nouveau").expect("write");
    assert_eq!(fs::read_to_string(&path).expect("read"), "nouveau");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_notes_file_deleted_while_running_is_recreated_on_the_next_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.jsonl");
    let store = Store::new(&path);
    store
        .append(&note("before the deletion"))
        .expect("first save");
    fs::remove_file(&path).expect("delete the notes file behind lede's back");
    // The next save neither fails nor writes into the unlinked file: it
    // creates the file again, and that note is on disk and loads.
    store
        .append(&note("after the deletion"))
        .expect("second save");
    assert!(path.is_file(), "the notes file is back");
    assert_eq!(comments(&store), ["after the deletion"]);
}
