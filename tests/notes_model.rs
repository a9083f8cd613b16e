//! The note model: selectors in code points, grapheme-safe spans, validation.

use lede::article::Article;
use lede::notes::draft::is_valid_email;
use lede::notes::model::{CONTEXT_CHARS, widen_to_graphemes};
use lede::notes::{Category, Draft, Field, Note, NoteError, Problem, Severity, Status, Target};

fn article(headline: &str, paragraphs: &[&str]) -> Article {
    Article {
        headline: headline.into(),
        in_language: "fr".into(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..Default::default()
    }
    .finish()
}

fn draft(comment: &str) -> Draft {
    Draft {
        comment: comment.into(),
        ..Draft::default()
    }
}

/// Byte span of `quote` in `text`.
fn span_of(text: &str, quote: &str) -> std::ops::Range<usize> {
    let i = text.find(quote).expect("quote in text");
    i..i + quote.len()
}

#[test]
fn positions_are_code_points_not_bytes() {
    // (text, quote, start in code points)
    let cases = [
        ("Le président Assimi Goïta arrive.", "Goïta", 20),
        ("Встреча: Сергей Лавров и Goïta.", "Сергей Лавров", 9),
        ("東京で日本の首相が会談した。", "日本の首相", 3),
        ("Une e\u{301}lection à Ségou.", "Ségou", 16),
        ("Famille 👨\u{200d}👩\u{200d}👧 et Zoé.", "Zoé", 17),
    ];
    for (text, quote, start) in cases {
        let t = Target::from_span(text, span_of(text, quote)).expect("target");
        assert_eq!(t.exact, quote, "{text}");
        assert_eq!(t.start, start, "{text}");
        assert_eq!(t.end, start + quote.chars().count(), "{text}");
        let cps: Vec<char> = text.chars().collect();
        let selected: String = cps[t.start..t.end].iter().collect();
        assert_eq!(
            selected, quote,
            "position selector agrees with quote in {text}"
        );
    }
}

#[test]
fn spans_are_widened_to_whole_graphemes() {
    // A decomposed é: e + U+0301. Selecting only the "e" takes the accent too.
    let text = "Une e\u{301}lection";
    let e = text.find("e\u{301}").expect("decomposed é");
    let t = Target::from_span(text, e..e + 1).expect("target");
    assert_eq!(t.exact, "e\u{301}");
    // Starting inside the combining mark widens back to the base letter.
    let t = Target::from_span(text, e + 1..text.len()).expect("target");
    assert_eq!(t.exact, "e\u{301}lection");
    // A ZWJ family emoji is never cut.
    let text = "x 👨\u{200d}👩\u{200d}👧 y";
    let man = text.find('👨').expect("emoji");
    let t = Target::from_span(text, man..man + '👨'.len_utf8()).expect("target");
    assert_eq!(t.exact, "👨\u{200d}👩\u{200d}👧");
    assert_eq!(t.end - t.start, 5);
    // Spans off char boundaries are widened too, never a panic.
    let text = "Goïta";
    let i = text.find('ï').expect("ï");
    assert_eq!(
        widen_to_graphemes(text, i + 1..i + 2),
        i..i + 'ï'.len_utf8()
    );
}

#[test]
fn context_is_32_code_points_each_side() {
    let before = "é".repeat(40);
    let after = "д".repeat(40);
    let text = format!("{before}Goïta{after}");
    let t = Target::from_span(&text, span_of(&text, "Goïta")).expect("target");
    assert_eq!(t.prefix, "é".repeat(CONTEXT_CHARS));
    assert_eq!(t.suffix, "д".repeat(CONTEXT_CHARS));
    // Near the edges the context is shorter.
    let t = Target::from_span("Goïta x", 0..6).expect("target");
    assert_eq!((t.prefix.as_str(), t.suffix.as_str()), ("", " x"));
}

#[test]
fn bad_spans_are_errors_not_panics() {
    assert!(matches!(
        Target::from_span("abc", 2..9),
        Err(NoteError::SpanOutOfRange { .. })
    ));
    assert_eq!(Target::from_span("a   b", 1..3), Err(NoteError::EmptyQuote));
}

#[test]
fn a_note_records_the_article_and_its_selectors() {
    let a = article(
        "Le président malien à Moscou",
        &["Le président Assimi Goita se rendra à Moscou."],
    );
    let text = a.text();
    let d = Draft {
        category: Category::MisspelledName,
        severity: Severity::Minor,
        suggestion: "Assimi Goïta".into(),
        comment: "Le nom prend un tréma.".into(),
        email: "lecteur@example.org".into(),
        consent: true,
        ..Draft::default()
    };
    let n = Note::new(&a, span_of(&text, "Assimi Goita"), &d).expect("note");
    assert_eq!(n.rev, 1);
    assert_eq!(n.status, Status::Queued);
    assert_eq!(n.id.get_version_num(), 7);
    assert!(
        n.created.ends_with('Z') && n.created.len() == 20,
        "{}",
        n.created
    );
    assert_eq!(n.article.id, a.id);
    assert_eq!(n.article.language, "fr");
    assert_eq!(n.article.text_hash, lede::article::text_hash(&text));
    assert_eq!(n.target.exact, "Assimi Goita");
    assert_eq!(
        n.target.byte_span_in(&text),
        Some(span_of(&text, "Assimi Goita"))
    );
    assert_eq!(n.suggestion.as_deref(), Some("Assimi Goïta"));
    assert_eq!(n.reporter.email.as_deref(), Some("lecteur@example.org"));
    // Round trip through JSON, tags in kebab-case.
    let json = serde_json::to_string(&n).expect("json");
    assert!(json.contains(r#""category":"misspelled-name""#), "{json}");
    assert!(json.contains(r#""status":"queued""#), "{json}");
    let back: Note = serde_json::from_str(&json).expect("parse");
    assert_eq!(back, n);
}

#[test]
fn validation_messages_name_the_field() {
    let errors = draft("   ").validate();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, Field::Comment);
    assert_eq!(errors[0].problem, Problem::Required);
    assert!(
        errors[0]
            .message("fr")
            .starts_with("Un commentaire est nécessaire")
    );
    assert!(errors[0].message("en").starts_with("A comment is required"));

    let d = Draft {
        email: "not an address".into(),
        ..draft("x")
    };
    assert_eq!(d.validate()[0].field, Field::Email);

    let d = Draft {
        consent: true,
        ..draft("x")
    };
    assert_eq!(d.validate()[0].field, Field::Consent);

    assert!(draft("Le nom prend un tréma.").validate().is_empty());

    let a = article("T", &["Un texte."]);
    assert!(matches!(
        Note::new(&a, 0..1, &draft("")),
        Err(NoteError::Invalid(_))
    ));
}

#[test]
fn email_table() {
    for (s, ok) in [
        ("a@b.org", true),
        ("prénom.nom@exemple.fr", true),
        ("x+tag@sub.example.co.uk", true),
        ("", false),
        ("a@b", false),
        ("@b.org", false),
        ("a@.org", false),
        ("a b@c.org", false),
        ("a@@c.org", false),
        ("a@c..org", false),
        (".a@c.org", false),
        ("a@-c.org", false),
    ] {
        assert_eq!(is_valid_email(s), ok, "{s:?}");
    }
}

#[test]
fn find_quote_picks_the_nth_occurrence() {
    let text = "Moscou, puis Moscou, puis Kyiv";
    assert_eq!(Note::find_quote(text, "Moscou", 1), Ok(0..6));
    assert_eq!(Note::find_quote(text, "Moscou", 2), Ok(13..19));
    assert!(matches!(
        Note::find_quote(text, "Moscou", 3),
        Err(NoteError::OccurrenceNotFound { found: 2, .. })
    ));
    assert!(matches!(
        Note::find_quote(text, "Paris", 1),
        Err(NoteError::QuoteNotFound { .. })
    ));
}

#[test]
fn categories_and_severities_parse_from_their_tags() {
    for c in Category::ALL {
        assert_eq!(c.tag().parse::<Category>(), Ok(c));
        assert!(!c.label("fr").is_empty() && !c.label("en").is_empty());
    }
    for s in Severity::ALL {
        assert_eq!(s.tag().parse::<Severity>(), Ok(s));
    }
    assert_eq!(Severity::Serious.label("fr"), "Grave");
    assert!("nonsense".parse::<Category>().is_err());
}
