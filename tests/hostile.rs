//! The hostile-article corpus (`tests/fixtures/hostile/`): every file gives a
//! clear error naming it, or a sanitised, usable article. Big inputs are made
//! at test time in `hostile_big.rs`; file-system traps are in `hostile_fs.rs`.

use lede::article::Article;
use lede::ingest::{self, LoadOptions, Loaded, Severity};
use std::path::PathBuf;

mod hostile_common;
use hostile_common::check_loaded;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

fn load(name: &str) -> Loaded {
    let path = fixture(name);
    let loaded = ingest::load_paths(std::slice::from_ref(&path), &LoadOptions::default());
    check_loaded(&loaded, &path);
    loaded
}

/// The one article of a fixture, after checking that a warning says
/// something was removed.
fn one_article(name: &str) -> Article {
    let loaded = load(name);
    assert!(!loaded.has_errors(), "{name}: {:?}", loaded.problems);
    assert_eq!(loaded.articles.len(), 1, "{name}");
    loaded.articles.into_iter().next().expect("one article")
}

fn warned_removed(loaded: &Loaded) -> bool {
    loaded
        .problems
        .iter()
        .any(|p| p.severity == Severity::Warning && p.message.contains("removed terminal control"))
}

#[test]
fn csi_clear_screen_and_colours_are_removed() {
    let loaded = load("csi_clear_screen.txt");
    assert!(warned_removed(&loaded), "{:?}", loaded.problems);
    let warning = &loaded.problems[0];
    assert_eq!(warning.line, Some(1), "the first sequence is on line 1");
    let a = &loaded.articles[0];
    assert_eq!(a.headline, "Council votes on the harbour plan");
    assert_eq!(
        a.paragraphs,
        [
            "The town council approved the harbour plan on Monday by nine votes to four.",
            "Work is due to start in the spring.",
        ]
    );
}

#[test]
fn osc_window_title_is_removed() {
    let a = one_article("osc_title.txt");
    assert_eq!(a.headline, "Rail strike called off");
    assert_eq!(
        a.paragraphs[0],
        "Unions called off the rail strike late on Sunday evening."
    );
    assert!(!a.text().contains("hacked") && !a.text().contains("another title"));
}

#[test]
fn osc52_clipboard_writes_are_removed_with_their_payload() {
    let a = one_article("osc52_clipboard.txt");
    let text = a.text();
    assert!(!text.contains("Y3Vyb"), "payload left in {text:?}");
    assert!(!text.contains("52;"), "{text:?}");
    assert_eq!(
        a.paragraphs,
        [
            "The budget passed its first reading in the lower house.",
            "A second reading is planned next week.",
        ]
    );
}

#[test]
fn osc8_hyperlinks_keep_their_text_and_lose_their_target() {
    let a = one_article("osc8_hyperlink.txt");
    assert_eq!(a.paragraphs[0], "Le programme complet a été publié jeudi.");
    assert!(!a.text().contains("evil.test"));
}

#[test]
fn dcs_and_other_string_sequences_are_removed() {
    let a = one_article("dcs.txt");
    assert_eq!(
        a.paragraphs,
        [
            "The museum reopened its doors on Tuesday.",
            "Entry is free for the first week.",
        ]
    );
}

#[test]
fn c1_controls_and_8bit_sequences_are_removed() {
    let loaded = load("c1_controls.txt");
    assert!(warned_removed(&loaded));
    let a = &loaded.articles[0];
    assert_eq!(a.headline, "Storm warning lifted");
    assert_eq!(
        a.paragraphs,
        [
            "Forecasters lifted the storm warning for the coast on Friday.",
            "Ferries resumed service in the afternoon.",
        ]
    );
}

#[test]
fn nul_and_other_c0_bytes_are_removed() {
    let a = one_article("nul_bytes.txt");
    assert_eq!(a.headline, "Bridge closed for inspection");
    assert_eq!(
        a.paragraphs,
        [
            "The old bridge will be closed for two days while engineers inspect it.",
            "A diversion is signposted.",
        ]
    );
}

#[test]
fn bidi_overrides_and_isolates_are_removed_but_marks_stay() {
    let loaded = load("bidi.txt");
    assert!(warned_removed(&loaded));
    let a = &loaded.articles[0];
    assert_eq!(a.headline, "Election results delayed in the north");
    assert_eq!(
        a.paragraphs[0],
        "The count this was delayed by hours after a power cut in three towns."
    );
    // The right-to-left mark is not an override: it stays. The spoofed
    // file name reads in its true order.
    assert!(a.paragraphs[1].contains("\u{200f}محمد\u{200f}"));
    assert!(
        a.paragraphs[1].ends_with("reportxcod.exe"),
        "{:?}",
        a.paragraphs[1]
    );
}

#[test]
fn zero_width_joiners_are_kept_where_they_belong() {
    let loaded = load("joiners.txt");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let a = &loaded.articles[0];
    assert!(a.paragraphs[0].contains("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"));
    assert!(a.paragraphs[0].contains("\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}"));
    assert!(a.paragraphs[1].contains("\u{0645}\u{06CC}\u{200C}\u{062E}"));
    assert!(a.paragraphs[1].contains("\u{0915}\u{094D}\u{200D}\u{0937}"));
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    for name in ["utf16le_bom.txt", "utf16be_bom.txt"] {
        let loaded = load(name);
        assert!(loaded.problems.is_empty(), "{name}: {:?}", loaded.problems);
        let a = &loaded.articles[0];
        assert_eq!(a.headline, "Élection à Montréal", "{name}");
        assert_eq!(
            a.paragraphs,
            [
                "Les électeurs ont voté dimanche.",
                "Le dépouillement a duré tard."
            ]
        );
        assert!(!a.headline.starts_with('\u{feff}'));
    }
}

#[test]
fn an_empty_file_is_an_error_naming_it() {
    let loaded = load("empty.txt");
    assert!(loaded.articles.is_empty());
    let [p] = &loaded.problems[..] else {
        panic!("{:?}", loaded.problems)
    };
    assert_eq!(p.severity, Severity::Error);
    assert_eq!(p.path, fixture("empty.txt"));
    assert!(p.message.contains("empty"), "{p}");
}

#[test]
fn a_json_number_too_large_is_an_error_with_its_position() {
    let loaded = load("number_too_large.json");
    assert!(loaded.articles.is_empty());
    let [p] = &loaded.problems[..] else {
        panic!("{:?}", loaded.problems)
    };
    assert_eq!(p.severity, Severity::Error);
    assert!(p.message.contains("invalid JSON"), "{p}");
    assert_eq!(p.line, Some(1));
    assert!(p.column.is_some_and(|c| c > 1), "{p}");
}

#[test]
fn json_integers_beyond_64_bits_do_not_stop_the_article() {
    let a = one_article("integer_too_large.json");
    assert_eq!(a.headline, "Big numbers");
    assert_eq!(a.paragraphs, ["Body."]);
    assert!(!a.id.is_empty());
}

#[test]
fn escapes_written_as_json_escapes_are_removed_from_every_field() {
    let loaded = load("escapes_in_json.json");
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.message.contains("removed terminal control")),
        "{:?}",
        loaded.problems
    );
    let a = &loaded.articles[0];
    assert_eq!(a.headline, "Port strike ends");
    assert_eq!(
        a.paragraphs,
        ["Dockers returned to work.", "Second paragraph here."]
    );
    assert_eq!(a.authors, ["Ann Lee"]);
    // A field that was nothing but a sequence is no field.
    assert_eq!(a.date_published, None);
}

#[test]
fn raw_c1_inside_json_strings_does_not_break_the_document() {
    let a = one_article("raw_c1_in_json.json");
    assert_eq!(a.headline, "Raw C1 in a string");
    // The title string goes; the spaces around it stay.
    assert_eq!(a.paragraphs, ["The  body."]);
}

/// Inputs the fuzzers found, each through every loader (see fuzz/README.md).
#[test]
fn fuzz_regressions() {
    use lede::article::sanitize::{clean_text, is_clean};
    use lede::ingest::Format;
    const FOUND: &[&[u8]] = &[
        // sanitize: an 8-bit CSI aborted by a carriage return left the CR raw.
        b"\xc2\x9b\x0d",
        b"Title\n\nBody \xc2\x9b\x0d\x0a more.\n",
    ];
    for bytes in FOUND {
        let text = String::from_utf8_lossy(bytes);
        assert!(is_clean(&clean_text(&text)), "{bytes:?}");
        for format in [
            Some(Format::Text),
            Some(Format::Json),
            Some(Format::JsonLines),
            None,
        ] {
            hostile_common::load_checked("fuzz/found", bytes, format);
        }
    }
}
