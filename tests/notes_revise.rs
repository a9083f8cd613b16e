//! `lede notes retry|edit|withdraw`, run as a user would, against a loopback server.

mod http_common;

use http_common::{Reply, serve};
use lede::notes::{Status, Store};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

const ARTICLE: &str = "Le président malien à Moscou

Le président Assimi Goita se rendra à Moscou la semaine prochaine.
";

fn lede(notes: &Path, endpoint: Option<&str>, envs: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_lede"));
    c.args(args)
        .env("LEDE_NOTES", notes)
        .env("LEDE_CONFIG", notes.with_file_name("none.toml"))
        .env_remove("LEDE_ENDPOINT")
        .env_remove("LEDE_HYPOTHESIS_TOKEN")
        .env_remove("VISUAL")
        .env_remove("EDITOR");
    if let Some(e) = endpoint {
        c.env("LEDE_ENDPOINT", e);
    }
    for (k, v) in envs {
        c.env(k, v);
    }
    std::fs::write(notes.with_file_name("none.toml"), "").expect("config");
    c.output().expect("run lede")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn add(dir: &Path, notes: &Path) -> String {
    let article = dir.join("moscou.txt");
    std::fs::write(&article, ARTICLE).expect("write");
    let out = lede(
        notes,
        None,
        &[],
        &[
            "notes",
            "add",
            "--article",
            article.to_str().expect("path"),
            "--quote",
            "Assimi Goita",
            "--comment",
            "Le nom prend un tréma.",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let loaded = Store::new(notes).load().expect("load");
    loaded.notes[0].short_id()
}

#[test]
fn failed_note_is_edited_retried_and_withdrawn() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes.jsonl");
    let id = add(dir.path(), &notes);
    let refuse = Arc::new(Mutex::new(true));
    let r = Arc::clone(&refuse);
    let (base, requests) = serve(move |_| {
        if *r.lock().expect("lock") {
            Reply::json(400, r#"{"error":"comment too vague"}"#)
        } else {
            Reply::Json(
                201,
                vec![("Location".into(), "/annotations/7".into())],
                "{}".into(),
            )
        }
    });
    let endpoint = format!("{base}/annotations/");

    let out = lede(&notes, Some(&endpoint), &[], &["notes", "submit"]);
    assert!(text(&out).contains("failed"), "{}", text(&out));
    let note = |s: &Store| s.load().expect("load").notes[0].clone();
    let store = Store::new(&notes);
    assert_eq!(note(&store).status, Status::Failed);

    let out = lede(
        &notes,
        None,
        &[],
        &[
            "notes",
            "edit",
            &id,
            "--comment",
            "Le nom s'écrit Goïta, avec un tréma.",
            "--severity",
            "significant",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("lede notes retry"), "{}", text(&out));
    let edited = note(&store);
    assert_eq!(edited.comment, "Le nom s'écrit Goïta, avec un tréma.");
    assert_eq!(edited.status, Status::Failed);

    *refuse.lock().expect("lock") = false;
    let out = lede(&notes, Some(&endpoint), &[], &["notes", "retry", &id]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("sent"), "{}", text(&out));
    let sent = note(&store);
    assert_eq!(sent.status, Status::Sent);
    let bodies: Vec<String> = requests
        .try_iter()
        .map(|r| String::from_utf8_lossy(&r.body).into_owned())
        .collect();
    assert_eq!(bodies.len(), 2, "one refused, one accepted");
    assert!(
        bodies[1].contains("avec un tréma"),
        "the retry sends the edited words"
    );

    // A sent note cannot be edited or retried; it can be withdrawn.
    let out = lede(
        &notes,
        None,
        &[],
        &["notes", "edit", &id, "--comment", "x y z"],
    );
    assert!(!out.status.success());
    assert!(text(&out).contains("already sent"), "{}", text(&out));
    let out = lede(&notes, None, &[], &["notes", "retry", &id]);
    assert!(!out.status.success(), "{}", text(&out));

    let revisions_before = std::fs::read_to_string(&notes)
        .expect("read")
        .lines()
        .count();
    let out = lede(&notes, None, &[], &["notes", "withdraw", &id]);
    assert!(out.status.success(), "{}", text(&out));
    let file = std::fs::read_to_string(&notes).expect("read");
    assert_eq!(
        file.lines().count(),
        revisions_before + 1,
        "nothing deleted"
    );
    assert_eq!(note(&store).status, Status::Withdrawn);
    let out = lede(&notes, None, &[], &["notes", "list"]);
    assert!(text(&out).contains("withdrawn"), "{}", text(&out));
    let out = lede(&notes, None, &[], &["notes", "retry", &id]);
    assert!(text(&out).contains("withdrawn"), "{}", text(&out));
}

#[cfg(unix)]
#[test]
fn edit_opens_the_editor_without_the_token() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes.jsonl");
    let id = add(dir.path(), &notes);
    let seen = dir.path().join("seen.txt");
    let script = dir.path().join("editor.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\ncp \"$1\" '{seen}.before'\necho \"token=${{LEDE_HYPOTHESIS_TOKEN:-absent}}\" > '{seen}'\n\
             printf '# ignored\\n[comment]\\nLe tréma manque sur Goïta.\\n[correction]\\nAssimi Goïta\\n' > \"$1\"\n",
            seen = seen.display()
        ),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    let out = lede(
        &notes,
        None,
        &[
            ("EDITOR", script.to_str().expect("path")),
            ("LEDE_HYPOTHESIS_TOKEN", "s3cret-token-value"),
        ],
        &["notes", "edit", &id],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(&seen).expect("seen"),
        "token=absent\n"
    );
    let before = std::fs::read_to_string(format!("{}.before", seen.display())).expect("before");
    assert!(
        before.contains("[comment]\nLe nom prend un tréma.\n[correction]\n"),
        "{before}"
    );
    let n = Store::new(&notes).load().expect("load").notes[0].clone();
    assert_eq!(n.comment, "Le tréma manque sur Goïta.");
    assert_eq!(n.suggestion.as_deref(), Some("Assimi Goïta"));
    assert_eq!(n.rev, 2);
}
