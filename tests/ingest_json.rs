//! JSON loaders: one object, arrays, JSON-LD graphs, JSON Lines, and their errors.

use lede::ingest::{self, Format, LoadOptions, Loaded, Severity};
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(rel)
}

fn load(rel: &str) -> Loaded {
    ingest::load_paths(&[fixture(rel)], &LoadOptions::default())
}

fn load_str(name: &str, text: &str) -> Loaded {
    let mut out = Loaded::default();
    let path = Path::new(name);
    ingest::load_bytes(
        path,
        path,
        text.as_bytes(),
        Format::from_path(path),
        &mut out,
    );
    out
}

#[test]
fn one_object_with_plain_aliases_and_feedback_in_the_body() {
    let loaded = load("mondial.json");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let a = &loaded.articles[0];
    assert_eq!(a.id, "mondial-2023-finale");
    assert_eq!(a.headline, "L'Espagne remporte la Coupe du monde féminine");
    assert_eq!(a.authors, ["Lucie Bernard"]);
    assert_eq!(a.date_published.as_deref(), Some("2023-08-20"));
    assert_eq!(a.in_language, "fr-FR");
    assert!(!a.language_detected);
    assert_eq!(a.paragraphs.len(), 2);
    let f = a.feedback.as_ref().expect("feedback from the body");
    assert_eq!(f.prompt, "Une erreur dans cet article ?");
    assert_eq!(
        f.promise.as_deref(),
        Some("Écrivez-nous à corrections@example.org.")
    );
    assert_eq!(
        f.endpoint.as_deref(),
        Some("mailto:corrections@example.org")
    );
}

#[test]
fn array_of_schema_org_and_plain_records() {
    let loaded = load("eurovision.json");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let [a, b] = &loaded.articles[..] else {
        panic!("two records expected")
    };
    assert_eq!(a.headline, "Nemo wins Eurovision for Switzerland");
    assert_eq!(
        a.paragraphs.len(),
        2,
        "articleBody as an array of paragraphs"
    );
    assert_eq!(a.authors, ["Tom Walker"]);
    assert_eq!(
        a.date_published.as_deref(),
        Some("2024-05-12T00:30:00+02:00")
    );
    assert_eq!(a.in_language, "en-GB");
    assert_eq!(
        a.url.as_deref(),
        Some("https://example.org/eurovision-2024")
    );
    assert_eq!(a.id, "https://example.org/eurovision-2024");
    assert_eq!(b.headline, "Croatia finishes second");
    assert!(b.paragraphs[0].contains("Baby Lasagna"));
    assert!(b.id.starts_with("sha256:"));
}

#[test]
fn json_ld_graph_keeps_only_the_article() {
    let loaded = load("paris2024.jsonld");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        loaded.articles.len(),
        1,
        "WebPage and BreadcrumbList are not articles"
    );
    let a = &loaded.articles[0];
    assert_eq!(a.headline, "Une cérémonie d'ouverture sur la Seine");
    assert_eq!(a.authors, ["Hugo Petit", "Inès Roux"]);
    assert_eq!(a.editors, ["Paul Girard"]);
    assert_eq!(a.in_language, "fr");
    assert_eq!(a.publisher.as_deref(), Some("Exemple Presse"));
    assert_eq!(a.date_published.as_deref(), Some("2024-07-26"));
    assert_eq!(a.id, "https://example.org/jo-2024");
    assert_eq!(a.paragraphs.len(), 2);
    let f = a.feedback.as_ref().expect("lede feedback extension");
    assert_eq!(f.prompt, "Signaler une erreur");
    assert_eq!(
        f.endpoint.as_deref(),
        Some("https://example.org/corrections")
    );
}

#[test]
fn json_lines_with_non_latin_text() {
    let loaded = load("dispatches.jsonl");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let headlines: Vec<&str> = loaded
        .articles
        .iter()
        .map(|a| a.headline.as_str())
        .collect();
    assert_eq!(
        headlines,
        ["Kyiv hosts talks", "Встреча в Москве", "東京でサミット開催"]
    );
    assert_eq!(
        loaded.articles[1].paragraphs,
        ["Сергей Лавров встретился с министрами в Москве."]
    );
    assert_eq!(loaded.articles[2].in_language, "ja");
}

#[test]
fn truncated_json_is_an_error_with_file_line_and_column() {
    let loaded = load_str(
        "cut.json",
        "{\n  \"headline\": \"A\",\n  \"articleBody\": \"B\n",
    );
    assert!(loaded.articles.is_empty());
    let [p] = &loaded.problems[..] else {
        panic!("{:?}", loaded.problems)
    };
    assert_eq!(p.severity, Severity::Error);
    assert_eq!(p.path, Path::new("cut.json"));
    assert_eq!(p.line, Some(3));
    assert!(p.column.is_some());
    assert!(p.to_string().starts_with("cut.json:3:"), "{p}");
    assert!(p.message.contains("invalid JSON"), "{p}");
}

#[test]
fn a_bad_record_names_its_index_and_line_and_the_others_load() {
    let text = "[\n  {\"headline\": \"One\", \"body\": \"First.\"},\n  {\"author\": \"Nobody\"},\n  \"just a string\",\n  {\"title\": \"Four\", \"text\": \"Fourth.\"}\n]\n";
    let loaded = load_str("list.json", text);
    let headlines: Vec<&str> = loaded
        .articles
        .iter()
        .map(|a| a.headline.as_str())
        .collect();
    assert_eq!(headlines, ["One", "Four"]);
    let errors: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with("list.json:3: error: record 2: neither a headline nor a body"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with(
            "list.json:4: error: record 3: expected an article object, found a string"
        ),
        "{}",
        errors[1]
    );
}

#[test]
fn json_lines_errors_carry_their_line() {
    let text = "{\"headline\": \"A\", \"body\": \"x\"}\n\n{\"headline\": \"B\", \n{\"language\": \"en\"}\n{\"title\": \"C\", \"text\": \"y\"}\n";
    let loaded = load_str("feed.jsonl", text);
    let headlines: Vec<&str> = loaded
        .articles
        .iter()
        .map(|a| a.headline.as_str())
        .collect();
    assert_eq!(headlines, ["A", "C"]);
    let lines: Vec<Option<usize>> = loaded.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [Some(3), Some(4)]);
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| p.severity == Severity::Error)
    );
    assert!(loaded.problems[0].column.is_some());
}

#[test]
fn a_json_file_holding_json_lines_still_loads() {
    let loaded = load_str(
        "lines.json",
        "{\"headline\": \"A\", \"body\": \"x\"}\n{\"headline\": \"B\", \"body\": \"y\"}\n",
    );
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.articles.len(), 2);
}

#[test]
fn escapes_inside_json_strings_are_removed_with_a_warning() {
    let loaded = load_str(
        "esc.json",
        r#"{"headline": "Vote\u001b[2J count", "articleBody": "Results\u001b]52;c;aGk=\u0007 are in.\u202e"}"#,
    );
    let a = &loaded.articles[0];
    assert_eq!(a.headline, "Vote count");
    assert_eq!(a.paragraphs, ["Results are in."]);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].severity, Severity::Warning);
    assert!(loaded.problems[0].message.contains("escape sequences"));
}

#[test]
fn dates_authors_and_languages_in_their_many_shapes() {
    let loaded = load_str(
        "shapes.json",
        r#"[{"headline": "H", "articleBody": "B", "datePublished": "Thu, 03 Apr 2025 10:12:00 GMT",
             "author": {"@type": "Person", "givenName": "Ada", "familyName": "Lovelace"},
             "inLanguage": [{"@type": "Language", "alternateName": "en"}]},
            {"headline": "H2", "body": ["P1", {"text": "P2"}], "date": "04/03/2025", "language": "en",
             "editor": [{"name": "E1"}, "E2"], "identifier": 42},
            {"headline": "H3", "body": "B3", "published": "sometime soon", "author": "Par Jean Dupont et Marie Curie", "editor": "Agence Exemple"}]"#,
    );
    let a = &loaded.articles;
    assert_eq!(a[0].date_published.as_deref(), Some("2025-04-03T10:12Z"));
    assert_eq!(a[0].authors, ["Ada Lovelace"]);
    assert_eq!(a[0].in_language, "en");
    assert_eq!(a[1].paragraphs, ["P1", "P2"]);
    assert_eq!(
        a[1].date_published.as_deref(),
        Some("2025-04-03"),
        "month first in English"
    );
    assert_eq!(a[1].editors, ["E1", "E2"]);
    assert_eq!(a[1].id, "42");
    assert_eq!(a[2].date_published.as_deref(), Some("sometime soon"));
    assert_eq!(
        a[2].authors,
        ["Jean Dupont", "Marie Curie"],
        "a byline string is read as one"
    );
    assert_eq!(a[2].editors, ["Agence Exemple"]);
    let [w] = &loaded.problems[..] else {
        panic!("{:?}", loaded.problems)
    };
    assert_eq!(w.severity, Severity::Warning);
    assert!(
        w.message.contains("record 3") && w.message.contains("sometime soon"),
        "{w}"
    );
}

#[test]
fn content_is_sniffed_when_there_is_no_extension() {
    for (text, headline) in [
        (
            "  {\"headline\": \"From JSON\", \"body\": \"x\"}",
            "From JSON",
        ),
        ("From text\n\nBody.", "From text"),
    ] {
        let mut out = Loaded::default();
        ingest::load_bytes(
            Path::new("<stdin>"),
            Path::new("-"),
            text.as_bytes(),
            None,
            &mut out,
        );
        assert_eq!(out.articles[0].headline, headline);
        assert_eq!(out.articles[0].source_path.as_deref(), Some(Path::new("-")));
    }
}

#[test]
fn html_bodies_from_content_systems_become_paragraphs() {
    let loaded = load_str(
        "wp.json",
        r#"{"title": {"rendered": "Storm Ciar&#225;n hits Brittany"},
            "content": {"rendered": "<p>Winds above 200 km/h struck <strong>Brittany</strong> overnight.</p>\n<p>Power was cut to 1.2 million homes &amp; businesses.</p>"},
            "date": "2023-11-02T08:00:00"}"#,
    );
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let a = &loaded.articles[0];
    assert_eq!(a.headline, "Storm Ciarán hits Brittany");
    assert_eq!(
        a.paragraphs,
        [
            "Winds above 200 km/h struck Brittany overnight.",
            "Power was cut to 1.2 million homes & businesses.",
        ]
    );
    assert_eq!(a.date_published.as_deref(), Some("2023-11-02T08:00:00"));
}
