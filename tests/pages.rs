//! Web pages to articles: JSON-LD first, then meta tags, then the main
//! content; the corrections contact; and paragraph precision/recall on
//! boilerplate-heavy pages (printed: `cargo test --test pages -- --nocapture`).

mod loopback;

use lede::ingest::html::{BodySource, feed_links, parse_page};
use loopback::fixture;

fn page(name: &str) -> String {
    String::from_utf8(fixture(&format!("pages/{name}"))).unwrap()
}

#[test]
fn json_ld_first() {
    let p = parse_page(
        "http://127.0.0.1/courrier/cantines",
        &page("jsonld_fr.html"),
    );
    let a = &p.article;
    assert_eq!(p.body_source, BodySource::JsonLd);
    assert_eq!(a.headline, "Les cantines scolaires en grève jeudi");
    assert_eq!(a.authors, ["Léa Fontaine"]);
    assert_eq!(
        a.date_published.as_deref(),
        Some("2026-12-03T07:00:00+01:00")
    );
    assert_eq!(a.in_language, "fr");
    assert_eq!(
        a.paragraphs,
        [
            "Les agents des cantines d'Annecy cesseront le travail jeudi.",
            "La municipalité promet un repas froid dans chaque école."
        ]
    );
    // correctionsPolicy (resolved against the page) wins over publishingPrinciples.
    let fb = a.feedback.as_ref().expect("feedback endpoint");
    assert_eq!(
        fb.endpoint.as_deref(),
        Some("http://127.0.0.1/courrier/corrections")
    );
}

#[test]
fn meta_tags_and_markup() {
    let p = parse_page("http://127.0.0.1/gazette/tram?utm=x", &page("meta_en.html"));
    let a = &p.article;
    assert_eq!(p.body_source, BodySource::Markup);
    assert_eq!(a.headline, "Tram line delayed again");
    assert_eq!(a.authors, ["Sam Okafor"]);
    assert_eq!(a.date_published.as_deref(), Some("2026-11-30T16:20:00Z"));
    assert_eq!(a.in_language, "en-GB");
    assert_eq!(a.url.as_deref(), Some("http://127.0.0.1/gazette/tram"));
    assert_eq!(a.publisher.as_deref(), Some("Harbour Gazette"));
    assert_eq!(a.paragraphs.len(), 3, "{:#?}", a.paragraphs);
    assert!(a.paragraphs[0].starts_with("The new tram line will open a year late"));
    assert!(
        !a.paragraphs
            .iter()
            .any(|p| p.contains("Copyright") || p.contains("Report an error"))
    );
    assert_eq!(
        a.feedback.as_ref().and_then(|f| f.endpoint.as_deref()),
        Some("mailto:corrections@gazette.invalid")
    );
}

/// Paragraph precision and recall of the extraction against the expected list.
fn score(name: &str) -> (f64, f64) {
    let html = page(&format!("{name}.html"));
    let expected: Vec<String> = page(&format!("{name}.expected.txt"))
        .lines()
        .map(str::to_string)
        .collect();
    let got = parse_page("http://127.0.0.1/x", &html).article.paragraphs;
    let right = got.iter().filter(|p| expected.contains(p)).count() as f64;
    let found = expected.iter().filter(|p| got.contains(p)).count() as f64;
    let precision = if got.is_empty() {
        0.0
    } else {
        right / got.len() as f64
    };
    let recall = found / expected.len() as f64;
    println!(
        "{name}: paragraphs precision {precision:.3} recall {recall:.3} ({} extracted, {} expected)",
        got.len(),
        expected.len()
    );
    if precision < 1.0 || recall < 1.0 {
        println!("  extracted: {got:#?}");
    }
    (precision, recall)
}

#[test]
fn boilerplate_pages_precision_and_recall() {
    let mut total = (0.0, 0.0);
    let pages = ["boilerplate_en", "boilerplate_fr"];
    for name in pages {
        let (p, r) = score(name);
        assert!(
            p >= 0.95 && r >= 0.95,
            "{name}: precision {p:.3}, recall {r:.3}"
        );
        total = (total.0 + p, total.1 + r);
    }
    let n = pages.len() as f64;
    println!(
        "mean: precision {:.3} recall {:.3}",
        total.0 / n,
        total.1 / n
    );
}

#[test]
fn boilerplate_strings_absent() {
    let a = parse_page("http://127.0.0.1/x", &page("boilerplate_en.html")).article;
    let text = a.text();
    for junk in [
        "cookies",
        "Advertisement",
        "newsletter",
        "Related stories",
        "council, frankly",
        "Most read",
        "Coast Media Ltd",
        "Share on",
        "Local news, roads",
    ] {
        assert!(!text.contains(junk), "{junk} in {text}");
    }
    assert_eq!(a.headline, "Old bridge reopens to traffic after two years");
}

#[test]
fn feed_links_resolved() {
    let html = r#"<html><head>
      <link rel="alternate" type="application/rss+xml" href="/rss.xml">
      <link rel="alternate" type="application/atom+xml" href="http://127.0.0.1/atom">
      <link rel="alternate" hreflang="fr" href="/fr/">
      <link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
    </head></html>"#;
    assert_eq!(
        feed_links("http://127.0.0.1/site/page", html),
        ["http://127.0.0.1/rss.xml", "http://127.0.0.1/atom"]
    );
}

#[test]
fn hostile_page_text_is_clean() {
    let html = "<html><head><title>T\u{1b}]0;x\u{7}itre</title></head><body><article><p>Un paragraphe assez long pour compter, avec \u{1b}[31mcouleur\u{1b}[0m et \u{202e}inversé\u{202c} dedans.</p></article></body></html>";
    let a = parse_page("http://127.0.0.1/x", html).article;
    for s in std::iter::once(&a.headline).chain(&a.paragraphs) {
        assert!(lede::article::sanitize::is_clean(s), "{s:?}");
        assert!(!s.contains('\u{202e}') && !s.contains('\u{1b}'), "{s:?}");
    }
    assert!(a.paragraphs[0].contains("couleur"));
}
