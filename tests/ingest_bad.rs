//! Bad input: every problem names its file, and the good files still load.

use lede::ingest::{self, LoadOptions, Loaded, Severity};
use std::fs;
use std::path::{Path, PathBuf};

fn bad_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad")
}

fn problem_for<'l>(loaded: &'l Loaded, file: &str) -> Vec<&'l ingest::Problem> {
    loaded
        .problems
        .iter()
        .filter(|p| p.path.file_name().is_some_and(|n| n == file))
        .collect()
}

#[test]
fn the_bad_folder_reports_each_problem_and_loads_the_good_files() {
    let dir = bad_dir();
    let loaded = ingest::load_paths(std::slice::from_ref(&dir), &LoadOptions::default());
    let headlines: Vec<&str> = loaded
        .articles
        .iter()
        .map(|a| a.headline.as_str())
        .collect();
    // Sorted by file name: escapes, good, invalid_utf8, records (two), utf16.
    assert_eq!(
        headlines,
        [
            "Elections in Ireland",
            "Floods in Valencia",
            "Le Parlement adopte la réforme",
            "First record",
            "Fourth record",
            "Élection à Montréal",
        ]
    );

    // Truncated JSON: an error with file, line and column.
    let [p] = problem_for(&loaded, "truncated.json")[..] else {
        panic!("{:?}", loaded.problems)
    };
    assert_eq!(p.severity, Severity::Error);
    assert_eq!(p.path, dir.join("truncated.json"));
    assert_eq!((p.line, p.column), (Some(5), Some(25)));

    // Invalid UTF-8: a warning on the right line, and the article loads.
    let [p] = problem_for(&loaded, "invalid_utf8.txt")[..] else {
        panic!("{:?}", loaded.problems)
    };
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(p.line, Some(5));
    assert!(p.message.contains("invalid UTF-8"), "{p}");
    let utf8 = &loaded.articles[2];
    assert!(utf8.paragraphs[1].contains('\u{fffd}'));
    assert!(utf8.paragraphs[1].ends_with("des députés présents."));

    // Escape sequences: a warning, and the text without them.
    let [p] = problem_for(&loaded, "escapes.txt")[..] else {
        panic!("{:?}", loaded.problems)
    };
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(p.line, Some(1));
    let esc = &loaded.articles[0];
    assert_eq!(
        esc.paragraphs,
        [
            "Voters in Ireland went to the polls on Friday to elect a new Dáil.",
            "Counting began on Saturday morning in every constituency.",
        ]
    );
    for a in &loaded.articles {
        let text = a.text();
        assert!(!text.contains(['\u{1b}', '\u{7}', '\u{9b}']), "{text:?}");
        assert!(!text.contains("52;c;"), "OSC payload left in {text:?}");
    }

    // Empty files: clear errors.
    for file in ["empty.txt", "blank.md"] {
        let [p] = problem_for(&loaded, file)[..] else {
            panic!("{file}: {:?}", loaded.problems)
        };
        assert_eq!(p.severity, Severity::Error);
        assert!(p.message.starts_with("empty file"), "{p}");
    }

    // A JSON Lines file with a bad line and a bad record: two errors, two articles.
    let lines: Vec<Option<usize>> = problem_for(&loaded, "records.jsonl")
        .iter()
        .map(|p| p.line)
        .collect();
    assert_eq!(lines, [Some(2), Some(3)]);

    // Unknown type skipped and listed; UTF-16 decoded without complaint.
    assert_eq!(loaded.skipped, [dir.join("feed.xyz")]);
    assert!(problem_for(&loaded, "utf16.txt").is_empty());
    assert!(loaded.has_errors());
}

#[test]
fn oversize_files_are_refused_before_reading() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let big = tmp.path().join("big.txt");
    fs::write(&big, format!("Big\n\n{}", "word ".repeat(100))).expect("write");
    fs::write(tmp.path().join("small.txt"), "Small\n\nFits.").expect("write");
    let loaded = ingest::load_paths(&[tmp.path().to_path_buf()], &LoadOptions { max_bytes: 200 });
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.articles[0].headline, "Small");
    let [p] = &loaded.problems[..] else {
        panic!("{:?}", loaded.problems)
    };
    assert_eq!(p.path, big);
    assert_eq!(p.severity, Severity::Error);
    assert!(p.message.contains("larger than the 200 bytes limit"), "{p}");
}

#[test]
fn a_missing_path_is_an_error_with_the_os_reason() {
    let missing = bad_dir().join("no-such-file.txt");
    let loaded = ingest::load_paths(std::slice::from_ref(&missing), &LoadOptions::default());
    let [p] = &loaded.problems[..] else {
        panic!("{:?}", loaded.problems)
    };
    assert_eq!(p.path, missing);
    assert!(p.message.starts_with("cannot read: "), "{p}");
    assert!(
        p.message.contains("No such file") || p.message.contains("cannot find"),
        "{p}"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_unless_the_user_may_read_anything() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    let locked = tmp.path().join("locked.txt");
    fs::write(&locked, "Locked\n\nBody.").expect("write");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    let loaded = ingest::load_paths(std::slice::from_ref(&locked), &LoadOptions::default());
    if fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reading.
        assert_eq!(loaded.articles.len(), 1);
    } else {
        assert!(loaded.articles.is_empty());
        assert!(
            loaded.problems[0].message.contains("Permission denied"),
            "{:?}",
            loaded.problems
        );
    }
}

#[cfg(unix)]
#[test]
fn folders_are_walked_sorted_once_skipping_hidden_files_and_symlink_loops() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    fs::create_dir_all(root.join("b/inner")).expect("mkdir");
    fs::write(root.join("b/inner/z.txt"), "Z\n\nzz").expect("write");
    fs::write(root.join("a.txt"), "A\n\naa").expect("write");
    fs::write(root.join("c.json"), r#"{"headline": "C", "body": "cc"}"#).expect("write");
    fs::write(root.join(".hidden.txt"), "Hidden\n\nhh").expect("write");
    fs::write(
        root.join("README.md"),
        "# About these files\n\nNot an article.",
    )
    .expect("write");
    fs::write(root.join("photo.jpg"), [0xff, 0xd8]).expect("write");
    // b/inner/loop -> root: a cycle.
    std::os::unix::fs::symlink(root, root.join("b/inner/loop")).expect("symlink");
    let loaded = ingest::load_paths(&[root.to_path_buf()], &LoadOptions::default());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let headlines: Vec<&str> = loaded
        .articles
        .iter()
        .map(|a| a.headline.as_str())
        .collect();
    assert_eq!(headlines, ["A", "Z", "C"]);
    let skipped: Vec<&Path> = loaded
        .skipped
        .iter()
        .map(|p| p.strip_prefix(root).unwrap_or(p))
        .collect();
    assert_eq!(skipped, [Path::new("README.md"), Path::new("photo.jpg")]);
}

#[test]
fn utf16_and_bom_files_decode() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let be = tmp.path().join("be.txt");
    let mut bytes = vec![0xfe, 0xff];
    for unit in "Québec vote\n\nLes électeurs ont voté.".encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    fs::write(&be, bytes).expect("write");
    let bom = tmp.path().join("bom.json");
    fs::write(
        &bom,
        b"\xef\xbb\xbf{\"headline\": \"With BOM\", \"body\": \"x\"}",
    )
    .expect("write");
    let loaded = ingest::load_paths(&[be, bom], &LoadOptions::default());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let headlines: Vec<&str> = loaded
        .articles
        .iter()
        .map(|a| a.headline.as_str())
        .collect();
    assert_eq!(headlines, ["Québec vote", "With BOM"]);
}

#[test]
fn an_explicit_file_of_unknown_type_is_skipped() {
    let path = bad_dir().join("feed.xyz");
    let loaded = ingest::load_paths(std::slice::from_ref(&path), &LoadOptions::default());
    assert!(loaded.articles.is_empty() && loaded.problems.is_empty());
    assert_eq!(loaded.skipped, [path]);
}

/// Deterministic pseudo-random bytes biased towards the characters the
/// loaders care about.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    const PIECES: &[&[u8]] = &[
        b"\n",
        b"\n\n",
        b" ",
        b"Par ",
        b"By ",
        b"Jean ",
        b"Dupont",
        b"Publi\xc3\xa9 le ",
        b"3 ",
        b"avril ",
        b"2025",
        b"10h12",
        b"{",
        b"}",
        b"[",
        b"]",
        b"\"",
        b":",
        b",",
        b"\\",
        b"\x1b[",
        b"\x1b]52;",
        b"\x07",
        b"\xff",
        b"\xc3",
        b"\xe2\x80\xae",
        b"erreur ?",
        b"Found an error?",
        b"headline",
        b"articleBody",
        b"@graph",
        b"\r",
        b"\xef\xbb\xbf",
        b"#",
        b"\x00",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = Vec::new();
    while out.len() < len {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.extend_from_slice(PIECES[(state >> 33) as usize % PIECES.len()]);
    }
    out
}

#[test]
fn arbitrary_bytes_never_panic_and_never_leave_controls() {
    use lede::article::sanitize::is_clean;
    use lede::ingest::Format;
    for seed in 0..400u64 {
        let bytes = noise(seed, (seed as usize % 97) * 7 + 1);
        for format in [
            None,
            Some(Format::Text),
            Some(Format::Json),
            Some(Format::JsonLines),
        ] {
            let mut out = Loaded::default();
            let path = Path::new("noise");
            ingest::load_bytes(path, path, &bytes, format, &mut out);
            for a in &out.articles {
                assert!(is_clean(&a.text()), "seed {seed}: {:?}", a.text());
                for s in a.authors.iter().chain(&a.editors) {
                    assert!(is_clean(s), "seed {seed}: {s:?}");
                }
            }
            assert!(out.problems.iter().all(|p| p.path == path));
        }
    }
}

#[test]
fn a_headline_without_body_loads_with_a_warning() {
    let mut out = Loaded::default();
    let path = Path::new("short.txt");
    ingest::load_bytes(
        path,
        path,
        "Only a headline\n\nPar Jean Dupont\n".as_bytes(),
        None,
        &mut out,
    );
    assert_eq!(out.articles.len(), 1);
    assert_eq!(out.articles[0].authors, ["Jean Dupont"]);
    let [p] = &out.problems[..] else {
        panic!("{:?}", out.problems)
    };
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(
        p.to_string(),
        "short.txt: warning: no body text after the headline"
    );
}
