//! Crash test: `lede add --json` prints each article once the transaction
//! holding it has committed. The child is killed with SIGKILL at varying
//! moments, several rounds on one library. Every article it printed must be
//! in the library afterwards, the library must open and pass its check.

#![cfg(unix)]

use lede::library::{Filter, Library};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn articles_reported_added_survive_sigkill() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let lib_path = tmp.path().join("library.sqlite");
    let mut printed: Vec<String> = Vec::new();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for round in 0..6 {
        // A fresh folder each round, so that every round writes new articles.
        let dir = tmp.path().join(format!("round{round}"));
        std::fs::create_dir_all(&dir).expect("mkdir");
        for i in 0..120 {
            let text = format!(
                "Report {round}-{i} from Kisumu\n\nThe council of Kisumu in Kenya met on 12 June 2024 to vote on plan {round}-{i}. \
                 Mayor Achieng Otieno said the plan would start in 2025.\n"
            );
            std::fs::write(dir.join(format!("{i:03}.txt")), text).expect("write");
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let kill_after = 1 + (seed % 100) as usize;
        let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
            .args([
                "add",
                "--json",
                "--threads",
                "2",
                "--batch",
                "3",
                dir.to_str().expect("utf-8"),
            ])
            .env("LEDE_LIBRARY", &lib_path)
            .env("HOME", tmp.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn lede");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut seen = 0;
        while seen < kill_after {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(id) = id_of(&line) {
                        printed.push(id);
                        seen += 1;
                    }
                }
                _ => break,
            }
        }
        child.kill().expect("SIGKILL");
        // Lines printed before the kill are still in the pipe: they count too.
        for line in lines.map_while(Result::ok) {
            printed.extend(id_of(&line));
        }
        child.wait().expect("wait");
        let lib = Library::open(&lib_path).expect("opens after a crash");
        assert!(lib.check().expect("check").is_empty(), "round {round}");
    }
    let lib = Library::open(&lib_path).expect("open");
    assert!(
        printed.len() >= 6,
        "the child reported articles: {}",
        printed.len()
    );
    let missing: Vec<&String> = printed
        .iter()
        .filter(|id| lib.article(id).expect("read").is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "{} of {} reported articles missing",
        missing.len(),
        printed.len()
    );
    let total = lib.count(&Filter::default()).expect("count").total;
    assert!(
        total < 6 * 120,
        "at least one import was cut short by the kill"
    );
    assert!(total >= printed.len(), "{total} < {}", printed.len());
    let kenya = lib.find_actors("Kenya").expect("actors");
    assert_eq!(
        kenya[0].articles, total,
        "the index counts every stored article"
    );
}

fn id_of(line: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    v["id"].as_str().map(str::to_string)
}
