//! `lede add`, `search`, `actors`, `timeline`, `library check`, run as a user
//! would, on articles written for these tests; and the library's faults as
//! the command line reports them.

use lede::library::{Filter, Library};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const FR: &str = "Sommet de la CEDEAO à Abuja

Par Awa Keita
Publié le 2 mars 2024

La CEDEAO a réuni ses chefs d'État à Abuja le 2 mars 2024. Le ministre malien des Affaires étrangères, Abdoulaye Diop, a parlé des États-Unis.

Le Mali a quitté la CEDEAO en janvier, a rappelé Abdoulaye Diop.
";

const EN: &str = r#"{"headline": "ECOWAS leaders meet in Abuja", "inLanguage": "en",
 "datePublished": "2024-03-05", "url": "https://example.org/ecowas-abuja",
 "articleBody": "ECOWAS leaders met in Abuja on 4 March 2024 to talk about trade.\n\nAbdoulaye Diop, the foreign minister of Mali, did not attend."}"#;

const KE: &str = "# Harvest news from Kenya

Farmers in Kenya expect a good harvest in 2025, the ministry said in Nairobi.
";

fn lede(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .env("LEDE_LIBRARY", dir.join("library.sqlite"))
        .env("HOME", dir)
        .env_remove("LEDE_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("run lede")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn articles_dir(root: &Path) -> std::path::PathBuf {
    let dir = root.join("articles");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("cedeao.txt"), FR).unwrap();
    std::fs::write(dir.join("ecowas.json"), EN).unwrap();
    std::fs::write(dir.join("sub").join("kenya.md"), KE).unwrap();
    std::fs::write(dir.join("broken.json"), "{\"headline\": \"Cut").unwrap();
    std::fs::write(dir.join("README.md"), "Not an article.").unwrap();
    dir
}

#[test]
fn add_imports_a_folder_naming_the_files_that_fail() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = articles_dir(tmp.path());
    let d = dir.to_str().unwrap();
    let out = lede(tmp.path(), &["add", d]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        stderr.contains("broken.json") && stderr.contains("error"),
        "{stderr}"
    );
    assert!(
        stdout.contains("3 added, 0 updated, 0 unchanged"),
        "{stdout}"
    );
    assert!(stdout.contains("1 file(s) with errors"), "{stdout}");
    // Again: nothing doubled.
    let out = lede(tmp.path(), &["add", d, "--json"]);
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout.matches("\"status\":\"unchanged\"").count(),
        3,
        "{stdout}"
    );
    assert!(stdout.contains("\"summary\""), "{stdout}");
    let lib = Library::open_existing(&tmp.path().join("library.sqlite")).unwrap();
    assert_eq!(lib.count(&Filter::default()).unwrap().total, 3);
    let out = lede(tmp.path(), &["library", "check"]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("ok (schema version"));
}

#[test]
fn search_actors_and_timeline_headless() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = articles_dir(tmp.path());
    lede(tmp.path(), &["add", dir.to_str().unwrap()]);

    let out = lede(tmp.path(), &["search", "etats", "unis"]);
    let s = text(&out.stdout);
    assert!(out.status.success(), "{s}{}", text(&out.stderr));
    assert!(
        s.contains("Sommet de la CEDEAO") && s.contains("États-Unis"),
        "{s}"
    );
    assert!(s.contains("1 result(s)"), "{s}");

    let out = lede(tmp.path(), &["search", "--json", "abuja"]);
    let hits: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 2);
    for h in &hits {
        let p = &h["passage"];
        let chars: Vec<char> = p["text"].as_str().unwrap().chars().collect();
        let m = &p["marks"][0];
        let (a, b) = (
            m[0].as_u64().unwrap() as usize,
            m[1].as_u64().unwrap() as usize,
        );
        let marked: String = chars[a..b].iter().collect();
        assert_eq!(marked.to_lowercase(), "abuja");
        assert!(h["id"].is_string() && h["day"].is_string() && h["headline"].is_string());
    }

    let out = lede(tmp.path(), &["actors", "--json"]);
    let actors: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ecowas = actors
        .iter()
        .find(|a| a["key"] == "wikidata:Q161549")
        .expect("ECOWAS/CEDEAO row");
    assert_eq!(ecowas["articles"], 2, "{ecowas}");
    assert_eq!(ecowas["kind"], "Organization");
    assert_eq!(ecowas["days"][0][0], "2024-03-02", "{ecowas}");
    assert_eq!(
        actors
            .iter()
            .filter(|a| a["key"] == "wikidata:Q161549")
            .count(),
        1
    );

    let out = lede(tmp.path(), &["actors"]);
    assert!(
        text(&out.stdout).starts_with("KIND"),
        "{}",
        text(&out.stdout)
    );
    // Since a day: only what the articles from then say.
    let out = lede(tmp.path(), &["actors", "--since", "2024-03-03", "--json"]);
    let s = text(&out.stdout);
    let diop: serde_json::Value = s
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|a| a["name"] == "Abdoulaye Diop")
        .expect("Diop since March 3");
    assert_eq!(
        (diop["articles"].as_u64(), diop["mentions"].as_u64()),
        (Some(1), Some(1)),
        "{diop}"
    );
    assert_eq!(diop["first_seen"], "2024-03-05");

    let out = lede(tmp.path(), &["actors", "show", "ECOWAS"]);
    let s = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        s.contains("ECOWAS leaders meet") && s.contains("Sommet de la CEDEAO"),
        "{s}"
    );
    assert!(s.contains("- La CEDEAO a réuni"), "{s}");

    let out = lede(tmp.path(), &["actors", "show", "Nobody Atall"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no actor named"),
        "{}",
        text(&out.stderr)
    );

    let out = lede(tmp.path(), &["timeline", "--actor", "Kenya", "--json"]);
    let s = text(&out.stdout);
    assert!(s.contains("\"value\":\"2025\""), "{s}");
    assert!(!s.contains("Abuja"), "{s}");

    let out = lede(tmp.path(), &["actors", "--since", "March"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn hostile_searches_give_results_or_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = articles_dir(tmp.path());
    lede(tmp.path(), &["add", dir.to_str().unwrap()]);
    for q in [
        "\"", "*", "NEAR(", "-", "OR", "(", "mali OR", "\"abuja", "-abuja", "a*b*", "abuja)",
    ] {
        let out = lede(tmp.path(), &["search", q]);
        let stderr = text(&out.stderr);
        assert!(matches!(out.status.code(), Some(0..=2)), "{q:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{q:?}: {stderr}");
        if out.status.code() == Some(2) {
            assert!(stderr.contains("nothing to search for"), "{q:?}: {stderr}");
        }
    }
}

#[test]
fn files_that_are_not_libraries_are_named_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("library.sqlite");
    let junk = "my shopping list\n".repeat(100);
    std::fs::write(&lib, &junk).unwrap();
    for args in [&["search", "x"][..], &["actors"], &["library", "check"]] {
        let out = lede(tmp.path(), args);
        let e = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {e}");
        assert!(
            e.contains("library.sqlite") && e.contains("not a lede library"),
            "{e}"
        );
    }
    let dir = articles_dir(tmp.path());
    let out = lede(tmp.path(), &["add", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&lib).unwrap(), junk);

    // No library yet: reading commands say so and create nothing.
    std::fs::remove_file(&lib).unwrap();
    let out = lede(tmp.path(), &["search", "x"]);
    assert!(
        text(&out.stderr).contains("no library yet"),
        "{}",
        text(&out.stderr)
    );
    assert!(!lib.exists());

    // A library from a newer lede.
    lede(tmp.path(), &["add", dir.to_str().unwrap()]);
    rusqlite_set_version(&lib, 99);
    let out = lede(tmp.path(), &["add", dir.to_str().unwrap()]);
    let e = text(&out.stderr);
    assert!(e.contains("schema version 99 is newer"), "{e}");
}

fn rusqlite_set_version(path: &Path, v: u32) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(&format!("PRAGMA user_version = {v}"))
        .unwrap();
}

#[test]
fn two_processes_write_one_library_while_others_read() {
    let tmp = tempfile::tempdir().unwrap();
    let mut dirs = Vec::new();
    for side in ["a", "b"] {
        let dir = tmp.path().join(side);
        std::fs::create_dir_all(&dir).unwrap();
        for i in 0..30 {
            let body = format!(
                "Story {side}{i} from Nairobi\n\nOfficials in Kenya met on 3 May 2024 to discuss item {i} of list {side}.\n"
            );
            std::fs::write(dir.join(format!("{i:03}.txt")), body).unwrap();
        }
        dirs.push(dir);
    }
    let spawn = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_lede"))
            .args(args)
            .env("LEDE_LIBRARY", tmp.path().join("library.sqlite"))
            .env("HOME", tmp.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    // The library exists before the race, so readers have something to open.
    let first = lede(
        tmp.path(),
        &["add", dirs[0].join("000.txt").to_str().unwrap()],
    );
    assert!(first.status.success());
    let writers: Vec<_> = dirs
        .iter()
        .map(|d| spawn(&["add", "--threads", "1", d.to_str().unwrap()]))
        .collect();
    let readers: Vec<_> = (0..3).map(|_| spawn(&["search", "kenya"])).collect();
    for child in writers.into_iter().chain(readers) {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
    }
    let lib = Library::open_existing(&tmp.path().join("library.sqlite")).unwrap();
    assert_eq!(lib.count(&Filter::default()).unwrap().total, 60);
    assert!(lib.check().unwrap().is_empty());
    let kenya = lib.find_actors("Kenya").unwrap();
    assert_eq!(kenya[0].articles, 60);
}
