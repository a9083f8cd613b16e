//! The annotated-data readers of `lede eval` on small fixtures written for
//! these tests (tests/fixtures/eval), and their errors on malformed files.

use lede::eval::{Document, Format, load_corpus, load_file};
use lede::extract::Kind;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/eval")
        .join(rel)
}

/// (label, text) of each gold entity, in order.
fn entities(doc: &Document) -> Vec<(&'static str, &str)> {
    doc.entities
        .iter()
        .map(|e| (e.kind.label(), e.span.text(&doc.text)))
        .collect()
}

fn dates(doc: &Document) -> Vec<(&str, Option<&str>)> {
    doc.dates
        .iter()
        .flatten()
        .map(|d| (d.span.text(&doc.text), d.value.as_deref()))
        .collect()
}

fn actor_names(doc: &Document) -> Vec<&str> {
    doc.actors
        .iter()
        .flatten()
        .map(|a| a.name.as_str())
        .collect()
}

#[test]
fn conll_iob2_french_rebuilds_text_and_spans() {
    let docs = load_file(&fixture("conll/fr_iob2.conll"), Format::Conll).unwrap();
    assert_eq!(docs.len(), 2);
    let d = &docs[0];
    assert_eq!(d.id, "fr_iob2.conll#1");
    assert_eq!(
        d.text,
        "La ministre Claire Dumont s'est rendue à Dakar pour rencontrer des responsables \
         de la Banque africaine de développement (BAD).\n\
         Dumont a salué un dialogue franco-sénégalais très ouvert."
    );
    assert_eq!(d.lang, "fr");
    assert_eq!(
        entities(d),
        [
            ("PER", "Claire Dumont"),
            ("LOC", "Dakar"),
            ("ORG", "Banque africaine de développement"),
            ("ORG", "BAD"),
            ("PER", "Dumont"),
        ]
    );
    // MISC is not scored; PER/ORG/LOC are.
    assert_eq!(d.kinds, [Kind::Person, Kind::Organization, Kind::Place]);
    assert!(d.dates.is_none());
    // Surname joins the full name, the acronym its long form.
    assert_eq!(
        actor_names(d),
        [
            "Banque africaine de développement",
            "Claire Dumont",
            "Dakar"
        ]
    );
    let d2 = &docs[1];
    assert_eq!(d2.text, "L'Union européenne prépare un sommet à Bruxelles.");
    assert_eq!(
        entities(d2),
        [("ORG", "Union européenne"), ("LOC", "Bruxelles")]
    );
}

#[test]
fn conll_iob1_english_with_extra_columns() {
    let (corpus, errors) = load_corpus(&fixture("conll/en_iob1.txt"));
    assert!(errors.is_empty(), "{errors:?}");
    let d = &corpus.documents[0];
    assert_eq!(d.lang, "en");
    assert_eq!(
        d.text.lines().collect::<Vec<_>>(),
        [
            "The envoy Maria Okafor met officials of the African Union in Nairobi on Monday.",
            "Okafor said Kenyan and Ugandan troops would stay.",
            "The Kenya Uganda border was calm."
        ]
    );
    // IOB1: I- opens an entity, B- splits two adjacent ones of one type.
    assert_eq!(
        entities(d),
        [
            ("PER", "Maria Okafor"),
            ("ORG", "African Union"),
            ("LOC", "Nairobi"),
            ("PER", "Okafor"),
            ("LOC", "Kenya"),
            ("LOC", "Uganda"),
        ]
    );
    assert_eq!(actor_names(d).len(), 5);
}

#[test]
fn timeml_french_dates_values_and_creation_time() {
    let docs = load_file(&fixture("timeml/fr_exemple.tml"), Format::TimeMl).unwrap();
    let d = &docs[0];
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2024-03-12")
    );
    assert!(d.text.contains("trois ans & coûté cher"), "{:?}", d.text);
    assert!(!d.text.contains("12 mars 2024"), "the DCT is not text");
    assert_eq!(
        dates(d),
        [
            ("hier", Some("2024-03-11")),
            ("juin", Some("2024-06")),
            ("30 septembre", Some("2024-09-30")),
            ("10 heures", Some("2024-09-30T10:00")),
        ]
    );
    assert!(d.kinds.is_empty() && d.actors.is_none(), "dates only");
    assert_eq!(d.lang, "fr");
}

#[test]
fn timeml_english_skips_events_sets_and_durations() {
    let (corpus, errors) = load_corpus(&fixture("timeml"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(corpus.documents.len(), 2);
    let d = corpus
        .documents
        .iter()
        .find(|d| d.id == "en_example.tml")
        .unwrap();
    assert_eq!(
        d.text.trim(),
        "The council voted yesterday to extend the mission until next year, \
         after a review held every month."
    );
    assert_eq!(
        dates(d),
        [
            ("yesterday", Some("2023-11-01")),
            ("next year", Some("2024"))
        ]
    );
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2023-11-02")
    );
}

#[test]
fn gold_json_finds_its_source_in_a_sibling_folder() {
    let docs = load_file(&fixture("gold/depeche_fr.gold.json"), Format::Gold).unwrap();
    let d = &docs[0];
    assert_eq!(d.id, "depeche_fr.txt");
    assert!(d.text.starts_with("Le Sénégal et la Gambie"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2024-03-05")
    );
    assert_eq!(d.ignored_names, ["Ελένη Παππά"]);
    assert_eq!(d.entities.len(), 11);
    // Code points in the file, bytes in the document.
    let onu = d
        .entities
        .iter()
        .find(|e| e.span.text(&d.text) == "ONU")
        .unwrap();
    assert_eq!(onu.kind, Kind::Organization);
    assert_eq!(onu.actor.as_deref(), Some("United Nations"));
    let un = d
        .actors
        .iter()
        .flatten()
        .find(|a| a.name == "United Nations")
        .unwrap();
    assert_eq!(un.forms, ["Organisation des Nations unies", "ONU"]);
    assert_eq!(
        dates(d),
        [
            ("4 mars 2024", Some("2024-03-04")),
            ("avril", Some("2024-04"))
        ]
    );
}

#[test]
fn folder_loads_every_known_format_and_skips_the_rest() {
    let (corpus, errors) = load_corpus(&fixture("gold"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(corpus.documents.len(), 1);
    let (corpus, errors) = load_corpus(&fixture("texts"));
    assert!(errors.is_empty());
    assert!(corpus.documents.is_empty());
    assert_eq!(corpus.skipped.len(), 1, "a plain article is not gold");
}

/// Load a malformed fixture and return its one error as text.
fn error_of(rel: &str) -> String {
    let (corpus, errors) = load_corpus(&fixture(rel));
    assert!(corpus.documents.is_empty(), "{rel} loaded");
    assert_eq!(errors.len(), 1, "{rel}: {errors:?}");
    errors[0].to_string()
}

#[test]
fn malformed_files_name_the_file_and_line() {
    let e = error_of("bad/one_column.conll");
    assert!(e.contains("one_column.conll:3:"), "{e}");
    assert!(e.contains("one column"), "{e}");

    let e = error_of("bad/bad_tag.conll");
    assert!(e.contains("bad_tag.conll:4:"), "{e}");
    assert!(e.contains("X-LOC"), "{e}");

    let e = error_of("bad/unclosed.tml");
    assert!(e.contains("unclosed.tml:3:"), "{e}");

    let e = error_of("bad/syntax.gold.json");
    assert!(e.contains("syntax.gold.json:4:"), "{e}");

    let e = error_of("bad/wrong_offsets.gold.json");
    assert!(e.contains("wrong_offsets.gold.json"), "{e}");
    assert!(e.contains("entities[0]") && e.contains("Sénégal"), "{e}");

    let e = error_of("changed/gold/changed_source.gold.json");
    assert!(e.contains("changed since it was annotated"), "{e}");

    let e = error_of("bad/missing.conll");
    assert!(
        e.contains("missing.conll") && e.contains("no such file"),
        "{e}"
    );
}

#[test]
fn a_folder_of_bad_files_reports_each_one() {
    let (corpus, errors) = load_corpus(&fixture("bad"));
    assert!(corpus.documents.is_empty());
    // Every malformed fixture is reported, each naming its file.
    assert_eq!(errors.len(), 5, "{errors:#?}");
    assert!(corpus.skipped.is_empty());
}
