//! `lede notes submit|list|remote` with a `[notes.hypothesis]` config,
//! against a loopback Hypothesis API, as a user would run them.

mod http_common;

use http_common::hypothesis::{self as mock, Misbehave};
use lede::notes::{Status, Store};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TOKEN: &str = "6879-cli-s3cret-token";
const URL: &str = "https://news.example/mali";

struct Env {
    dir: tempfile::TempDir,
    notes: PathBuf,
    config: PathBuf,
    article: PathBuf,
}

fn setup(api: &str, extra: &str) -> Env {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes.jsonl");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!("[notes]\n{extra}\n[notes.hypothesis]\napi = \"{api}\"\n"),
    )
    .expect("config");
    let article = dir.path().join("mali.json");
    std::fs::write(
        &article,
        serde_json::json!({
            "headline": "Le président malien à Moscou",
            "url": URL,
            "inLanguage": "fr",
            "articleBody": ["Le président Assimi Goita se rendra à Moscou la semaine prochaine, selon la présidence."],
            "feedback": {"prompt": "Une erreur ?", "endpoint": "mailto:corrections@example.org"}
        })
        .to_string(),
    )
    .expect("article");
    Env {
        dir,
        notes,
        config,
        article,
    }
}

fn lede(env: &Env, token: Option<&str>, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_lede"));
    c.args(args)
        .env("LEDE_NOTES", &env.notes)
        .env("LEDE_CONFIG", &env.config)
        .env_remove("LEDE_ENDPOINT")
        .env_remove("LEDE_HYPOTHESIS_TOKEN");
    if let Some(t) = token {
        c.env("LEDE_HYPOTHESIS_TOKEN", t);
    }
    c.output().expect("run lede")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn add(env: &Env) {
    let out = lede(
        env,
        None,
        &[
            "notes",
            "add",
            "--article",
            env.article.to_str().expect("path"),
            "--quote",
            "Assimi Goita",
            "--comment",
            "Le nom prend un tréma.",
            "--suggestion",
            "Assimi Goïta",
            "--category",
            "misspelled-name",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
}

fn every_file(dir: &Path) -> String {
    let mut all = String::new();
    for e in walk(dir) {
        all.push_str(&String::from_utf8_lossy(&std::fs::read(&e).expect("read")));
    }
    all
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn submit_posts_once_and_list_shows_the_link() {
    let m = mock::start(TOKEN, vec![]);
    let env = setup(&m.api, "destinations = [\"hypothesis\"]");
    add(&env);
    let dry = lede(&env, Some(TOKEN), &["notes", "submit", "--dry-run"]);
    assert!(
        text(&dry).contains("-> Hypothesis (public)"),
        "{}",
        text(&dry)
    );
    assert!(m.requests().is_empty(), "a dry run sends nothing");

    let out = lede(&env, Some(TOKEN), &["notes", "submit"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("https://hyp.is/hyp0001/"),
        "{}",
        text(&out)
    );
    let list = lede(&env, None, &["notes", "list"]);
    assert!(
        text(&list).contains("hypothesis: https://hyp.is/hyp0001/news.example/mali"),
        "{}",
        text(&list)
    );
    let again = lede(&env, Some(TOKEN), &["notes", "submit"]);
    assert!(text(&again).contains("nothing to send"), "{}", text(&again));
    assert_eq!(m.annotations().len(), 1);
    let all = format!(
        "{}{}{}{}",
        text(&dry),
        text(&out),
        text(&list),
        every_file(env.dir.path())
    );
    assert!(!all.contains(TOKEN), "the token leaked");
}

#[test]
fn a_bad_token_gives_a_message_and_leaks_nowhere() {
    let m = mock::start(TOKEN, vec![]);
    let env = setup(&m.api, "");
    add(&env);
    let bad = "bad-token-0f-the-user-77";
    let out = lede(&env, Some(bad), &["notes", "submit"]);
    let shown = text(&out);
    assert!(!out.status.success());
    assert!(
        shown.contains("401") && shown.contains("LEDE_HYPOTHESIS_TOKEN"),
        "{shown}"
    );
    let n = Store::new(&env.notes).load().expect("load").notes[0].clone();
    assert_eq!(n.status, Status::Queued, "the note stays queued");
    let list = lede(&env, None, &["notes", "list"]);
    let json = lede(&env, None, &["notes", "list", "--json"]);
    let all = format!(
        "{shown}{}{}{}",
        text(&list),
        text(&json),
        every_file(env.dir.path())
    );
    assert!(!all.contains(bad), "the token leaked: {all}");
    assert!(m.annotations().is_empty());
}

#[cfg(unix)]
#[test]
fn a_readable_token_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let m = mock::start(TOKEN, vec![]);
    let env = setup(&m.api, "");
    let token_file = env.dir.path().join("token");
    std::fs::write(&token_file, TOKEN).expect("token");
    std::fs::set_permissions(&token_file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let mut cfg = std::fs::read_to_string(&env.config).expect("config");
    cfg.push_str(&format!("token_file = \"{}\"\n", token_file.display()));
    std::fs::write(&env.config, cfg).expect("config");
    add(&env);
    let out = lede(&env, None, &["notes", "submit"]);
    assert!(text(&out).contains("chmod 600"), "{}", text(&out));
    assert!(!text(&out).contains(TOKEN));
    assert!(
        m.requests().is_empty(),
        "nothing sent with a refused token file"
    );
    std::fs::set_permissions(&token_file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let out = lede(&env, None, &["notes", "submit"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(m.annotations().len(), 1);
}

#[test]
fn server_error_then_success_from_the_command_line() {
    let m = mock::start(
        TOKEN,
        vec![Misbehave::Status(503, Some(0)), Misbehave::LoseResponse],
    );
    let env = setup(&m.api, "");
    add(&env);
    let out = lede(&env, Some(TOKEN), &["notes", "submit"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(m.annotations().len(), 1, "exactly one annotation");
}

#[test]
fn remote_notes_anchored_orphaned_and_cleaned() {
    let m = mock::start(TOKEN, vec![]);
    {
        let mut s = m.state.lock().expect("state");
        for i in 0..200 {
            s.annotations.push(mock::foreign(
                i,
                URL,
                &format!("une phrase disparue numéro {i}"),
                "Ceci a changé.",
            ));
        }
        for i in 200..230 {
            s.annotations.push(mock::foreign(
                i,
                URL,
                "Assimi Goita",
                "Le nom prend un tréma.",
            ));
        }
        s.annotations.push(mock::foreign(
            230,
            URL,
            "la semaine prochaine",
            "\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2Jcopie \u{9b}31m piégée",
        ));
        s.annotations.push(mock::foreign(
            231,
            "https://other.example/",
            "Assimi Goita",
            "ailleurs",
        ));
    }
    let env = setup(&m.api, "");
    let a = env.article.to_str().expect("path");
    let out = lede(&env, None, &["notes", "remote", a, "--json"]);
    assert!(out.status.success(), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let rows: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(
        rows.len(),
        231,
        "every annotation on the URL, over two pages"
    );
    let anchored = rows.iter().filter(|r| r["anchored"] == true).count();
    assert_eq!(anchored, 31);
    assert_eq!(
        rows.iter().filter(|r| r["anchored"] == false).count(),
        200,
        "orphaned, listed"
    );
    let goita = rows.iter().find(|r| r["id"] == "other0200").expect("row");
    assert_eq!(goita["author"], "Reader 200");
    // Code points in the article text: the headline (28) and a blank line come first.
    assert_eq!(
        (goita["start"].as_u64(), goita["end"].as_u64()),
        (Some(43), Some(55))
    );
    assert!(!stdout.contains('\u{1b}') && !stdout.contains('\u{9b}') && !stdout.contains('\u{7}'));
    let searches: Vec<_> = m
        .requests()
        .into_iter()
        .filter(|r| r.path() == "/api/search")
        .collect();
    assert_eq!(searches.len(), 2);
    assert_eq!(searches[0].param("uri").as_deref(), Some(URL));

    // The text listing, then the cache without the network.
    let out = lede(&env, None, &["notes", "remote", a]);
    let listing = text(&out);
    assert!(listing.contains("31 anchored, 200 orphaned"), "{listing}");
    assert!(
        listing.contains("orphaned  Reader 0  2026-11-01  \"une phrase disparue numéro 0\""),
        "{listing}"
    );
    assert!(!listing.contains('\u{1b}'));
    drop(m);
    let mut cfg = std::fs::read_to_string(&env.config).expect("config");
    cfg = cfg.replace("127.0.0.1", "127.0.0.2");
    std::fs::write(&env.config, cfg).expect("config");
    let out = lede(&env, None, &["notes", "remote", a, "--cached"]);
    assert!(text(&out).contains("231 annotation(s)"), "{}", text(&out));
}
