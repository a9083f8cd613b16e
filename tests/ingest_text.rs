//! Plain-text loader: headline, byline lines, paragraphs and the publisher's
//! feedback prompt, in French and English.

use lede::article::Article;
use lede::ingest::{self, LoadOptions, text};
use std::path::PathBuf;

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(rel)
}

fn load_one(rel: &str) -> Article {
    let loaded = ingest::load_paths(&[fixture(rel)], &LoadOptions::default());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.articles.len(), 1);
    loaded.articles.into_iter().next().expect("one article")
}

#[test]
fn french_article_with_byline_dates_and_feedback() {
    let a = load_one("notre_dame.txt");
    assert_eq!(
        a.headline,
        "Notre-Dame de Paris rouvre ses portes cinq ans après l'incendie"
    );
    assert_eq!(a.authors, ["Claire Martin", "Julien Moreau"]);
    assert!(a.editors.is_empty());
    assert_eq!(a.date_published.as_deref(), Some("2024-12-07T21:05"));
    assert_eq!(a.in_language, "fr");
    assert!(a.language_detected);
    assert_eq!(a.paragraphs.len(), 3);
    assert!(a.paragraphs[0].starts_with(
        "La cathédrale Notre-Dame de Paris a rouvert samedi soir lors d'une cérémonie à laquelle"
    ));
    let f = a.feedback.as_ref().expect("feedback prompt");
    assert_eq!(f.prompt, "Vous avez repéré une erreur ?");
    assert_eq!(
        f.promise.as_deref(),
        Some("Nous la corrigerons dès que possible. Merci de votre vigilance.")
    );
    let text = a.text();
    for gone in [
        "Par Claire",
        "Publié le",
        "Mis à jour",
        "repéré une erreur",
        "corrigerons",
    ] {
        assert!(!text.contains(gone), "{gone:?} left in the body");
    }
    assert_eq!(a.source_path, Some(fixture("notre_dame.txt")));
}

#[test]
fn english_article_with_authors_editor_time_and_quotes() {
    let a = load_one("artemis.txt");
    assert_eq!(a.headline, "NASA launches Artemis I toward the Moon");
    assert_eq!(a.authors, ["Sarah Johnson", "David Lee"]);
    assert_eq!(a.editors, ["Michael Brown"]);
    assert_eq!(a.date_published.as_deref(), Some("2022-11-16T01:47"));
    assert_eq!(a.in_language, "en");
    assert_eq!(a.paragraphs.len(), 3);
    assert!(a.paragraphs[1].starts_with("\"What a sight to see,\""));
    let f = a.feedback.expect("feedback prompt");
    assert_eq!(f.prompt, "Found an error?");
    assert_eq!(
        f.promise.as_deref(),
        Some("Let us know and we will review your feedback promptly.")
    );
}

#[test]
fn markdown_and_text_extensions() {
    let a = load_one("webb.md");
    assert_eq!(a.headline, "The James Webb Space Telescope leaves Kourou");
    assert_eq!(a.authors, ["Amina Diallo"]);
    assert_eq!(a.date_published.as_deref(), Some("2021-12-25"));
    assert_eq!(a.paragraphs.len(), 2);
    let f = a.feedback.expect("feedback prompt");
    assert_eq!(f.prompt, "Report an error");
    assert_eq!(
        f.promise.as_deref(),
        Some("We will review every report and correct this page if needed.")
    );

    // Prompt and promise in one block, no byline at all.
    let b = load_one("more/coronation.text");
    assert!(b.authors.is_empty() && b.editors.is_empty() && b.date_published.is_none());
    assert_eq!(b.paragraphs.len(), 1);
    let f = b.feedback.expect("feedback prompt");
    assert_eq!(f.prompt, "Spotted a mistake?");
    assert_eq!(
        f.promise.as_deref(),
        Some("We will review your feedback as soon as possible.")
    );
}

const FR_BODY: &str =
    "Le gouvernement a présenté mardi un projet de loi sur l'énergie devant le Sénat.";
const EN_BODY: &str = "The government presented an energy bill to the Senate on Tuesday.";

fn article(byline: &str, body: &str, tail: &[&str]) -> Article {
    let mut s = format!("Un titre\n\n{byline}\n\n{body}\n\nDeuxième paragraphe du texte.\n");
    for t in tail {
        s.push('\n');
        s.push_str(t);
        s.push('\n');
    }
    text::parse(&s)
}

/// A byline line, the authors, the editors and the date it gives.
type BylineCase = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    Option<&'static str>,
);

#[test]
fn byline_phrasings() {
    let cases: &[BylineCase] = &[
        ("Édité par : Jeanne Durand", &[], &["Jeanne Durand"], None),
        ("Edité par Jeanne Durand", &[], &["Jeanne Durand"], None),
        ("Par Marc Lefèvre", &["Marc Lefèvre"], &[], None),
        (
            "Par Marc Lefèvre et Sophie Nguyen",
            &["Marc Lefèvre", "Sophie Nguyen"],
            &[],
            None,
        ),
        (
            "Par Marc Lefèvre, envoyé spécial à Kyiv",
            &["Marc Lefèvre"],
            &[],
            None,
        ),
        (
            "Par Marc Lefèvre | Publié le 3 avril 2025 à 10h12",
            &["Marc Lefèvre"],
            &[],
            Some("2025-04-03T10:12"),
        ),
        (
            "Publié le 3 avril 2025 à 10h12",
            &[],
            &[],
            Some("2025-04-03T10:12"),
        ),
        ("Publié le 03/04/2025", &[], &[], Some("2025-04-03")),
        ("Mis à jour le 4 avril 2025", &[], &[], None),
        ("By Jane Smith", &["Jane Smith"], &[], None),
        (
            "By Jane Smith, John Doe and Ali Hassan",
            &["Jane Smith", "John Doe", "Ali Hassan"],
            &[],
            None,
        ),
        ("Edited by Olga Petrova", &[], &["Olga Petrova"], None),
        ("Published April 3, 2025", &[], &[], Some("2025-04-03")),
        (
            "Published 04/03/2025 at 9:30 pm",
            &[],
            &[],
            Some("2025-04-03T21:30"),
        ),
        ("Updated April 4, 2025", &[], &[], None),
        ("By Алексей Навальный", &["Алексей Навальный"], &[], None),
        ("3 avril 2025", &[], &[], Some("2025-04-03")),
    ];
    for (byline, authors, editors, date) in cases {
        let a = article(byline, FR_BODY, &[]);
        assert_eq!(a.authors, *authors, "{byline}");
        assert_eq!(a.editors, *editors, "{byline}");
        assert_eq!(a.date_published.as_deref(), *date, "{byline}");
        assert_eq!(a.paragraphs.len(), 2, "{byline}: {:?}", a.paragraphs);
        assert_eq!(a.paragraphs[0], FR_BODY, "{byline}");
    }
}

#[test]
fn sentences_that_look_like_bylines_stay_in_the_body() {
    for line in [
        "Par une froide matinée de janvier, les négociateurs se sont retrouvés à Genève.",
        "Par ailleurs, le ministre a confirmé sa venue.",
        "By the end of the week, the talks had collapsed.",
        "Published figures show a sharp rise in exports.",
        "Le 3 avril 2025, le Parlement a voté la loi.",
    ] {
        let a = article(line, EN_BODY, &[]);
        assert!(a.authors.is_empty() && a.editors.is_empty(), "{line}");
        assert_eq!(a.date_published, None, "{line}");
        assert_eq!(a.paragraphs.len(), 3, "{line}");
        assert_eq!(a.paragraphs[0], line);
    }
}

#[test]
fn feedback_phrasings_french_and_english() {
    let cases: &[(&[&str], &str, Option<&str>)] = &[
        (
            &[
                "Avez-vous trouvé une erreur ou une inexactitude ?",
                "Nous étudierons vos commentaires dans les plus brefs délais.",
            ],
            "Avez-vous trouvé une erreur ou une inexactitude ?",
            Some("Nous étudierons vos commentaires dans les plus brefs délais."),
        ),
        (
            &[
                "Vous avez repéré une erreur ?",
                "Merci de nous la signaler : nous la corrigerons rapidement.",
            ],
            "Vous avez repéré une erreur ?",
            Some("Merci de nous la signaler : nous la corrigerons rapidement."),
        ),
        (&["Signaler une erreur"], "Signaler une erreur", None),
        (
            &[
                "Une erreur dans cet article ?",
                "Notre équipe examinera votre message.",
            ],
            "Une erreur dans cet article ?",
            Some("Notre équipe examinera votre message."),
        ),
        (
            &["Vous avez remarqué une coquille ? Écrivez-nous."],
            "Vous avez remarqué une coquille ?",
            Some("Écrivez-nous."),
        ),
        (
            &[
                "Found an error?",
                "We will review your feedback and update the story.",
            ],
            "Found an error?",
            Some("We will review your feedback and update the story."),
        ),
        (
            &["Spotted a mistake? We'll look into it."],
            "Spotted a mistake?",
            Some("We'll look into it."),
        ),
        (
            &[
                "See an error in this story?",
                "Contact our corrections desk.",
            ],
            "See an error in this story?",
            Some("Contact our corrections desk."),
        ),
        (&["Report an error"], "Report an error", None),
        (
            &["Did you notice an inaccuracy?", "Thank you for helping us."],
            "Did you notice an inaccuracy?",
            Some("Thank you for helping us."),
        ),
    ];
    for (tail, prompt, promise) in cases {
        let a = article("Par Marc Lefèvre", FR_BODY, tail);
        let f = a
            .feedback
            .as_ref()
            .unwrap_or_else(|| panic!("no prompt found in {tail:?}"));
        assert_eq!(f.prompt, *prompt);
        assert_eq!(f.promise.as_deref(), *promise, "{tail:?}");
        assert_eq!(a.paragraphs.len(), 2, "{tail:?}: {:?}", a.paragraphs);
        assert!(!a.text().contains(prompt), "prompt left in the body");
    }
}

#[test]
fn story_text_about_errors_is_not_feedback() {
    for tail in [
        &["The court found an error in the lower court's ruling and ordered a new hearing."][..],
        &["Le ministre a-t-il commis une erreur ?"][..],
        &["Was the decision a mistake?", "Analysts remain divided."][..],
    ] {
        let a = article("By Jane Smith", EN_BODY, tail);
        assert_eq!(a.feedback, None, "{tail:?}");
        assert_eq!(a.paragraphs.len(), 2 + tail.len());
    }
    // A prompt-like line at the very top of a long article is body text.
    let mut s = String::from("Headline\n\nFound an error? We will review it.\n");
    for i in 0..6 {
        s.push_str(&format!("\nParagraph number {i} of the story.\n"));
    }
    let a = text::parse(&s);
    assert_eq!(a.feedback, None);
    assert_eq!(a.paragraphs.len(), 7);
}

#[test]
fn bundled_sample_as_text_and_json_agree() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let files = [
        dir.join("000_72e7f41f74cb261a.txt"),
        dir.join("000_72e7f41f74cb261a.json"),
    ];
    let loaded = ingest::load_paths(&files, &LoadOptions::default());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let [t, j] = &loaded.articles[..] else {
        panic!("expected two articles, got {}", loaded.articles.len())
    };
    assert_eq!(
        t.headline,
        "La Russie renforce sa coopération militaire avec le Mali, le Burkina Faso et le Niger"
    );
    assert_eq!(t.editors, ["Татьяна Гуринович"]);
    assert!(t.authors.is_empty());
    assert_eq!(t.date_published, None);
    assert_eq!(t.paragraphs.len(), 1);
    assert!(
        t.paragraphs[0].starts_with("Le ministre russe des Affaires étrangères, Sergueï Lavrov")
    );
    let f = t.feedback.as_ref().expect("the sample's feedback prompt");
    assert_eq!(
        f.prompt,
        "Avez-vous trouvé une erreur ou une inexactitude ?"
    );
    assert_eq!(
        f.promise.as_deref(),
        Some("Nous étudierons vos commentaires dans les plus brefs délais.")
    );
    assert!(t.language_detected && t.in_language == "fr");
    for field in [(&t.headline, &j.headline), (&t.in_language, &j.in_language)] {
        assert_eq!(field.0, field.1);
    }
    // Two files, two articles (each known by its path), one text: the text
    // hash, the second key, finds a note made on one from the other.
    assert!(t.id.starts_with("file:") && j.id.starts_with("file:") && t.id != j.id);
    assert_eq!(
        lede::article::text_hash(&t.text()),
        lede::article::text_hash(&j.text())
    );
    assert_eq!(t.editors, j.editors);
    assert_eq!(t.paragraphs, j.paragraphs);
    assert_eq!(t.feedback, j.feedback);
    assert_eq!(j.date_published, None);
}

#[test]
fn crlf_line_endings_read_like_lf() {
    let lf = "Titre\n\nPar Jean Dupont\nPublié le 2 mai 2024\n\nUn paragraphe\nsur deux lignes.\n\nFound an error?\n";
    let crlf = lf.replace('\n', "\r\n");
    let a = text::parse(lf);
    let b = text::parse(&crlf);
    assert_eq!(a, b);
    assert_eq!(b.authors, ["Jean Dupont"]);
    assert_eq!(b.paragraphs, ["Un paragraphe sur deux lignes."]);
    // Through the loader, CRLF is not reported as a control character.
    let mut out = lede::ingest::Loaded::default();
    let path = std::path::Path::new("crlf.txt");
    ingest::load_bytes(path, path, crlf.as_bytes(), None, &mut out);
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    assert_eq!(out.articles[0].id, a.id);
}
