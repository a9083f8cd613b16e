//! Re-anchoring notes on changed article text.

use lede::notes::Target;
use lede::notes::anchor::{Anchor, Method, anchor};

const ORIGINAL: &str = "Bamako, le 4 avril. Le gouvernement de transition a publié un \
communiqué annonçant que le président Assimi Goita se rendrait à Moscou la semaine \
prochaine. Le ministre des affaires étrangères l'accompagnera. La visite doit durer \
trois jours selon la présidence.";

fn target(text: &str, quote: &str) -> Target {
    let i = text.find(quote).expect("quote in text");
    Target::from_span(text, i..i + quote.len()).expect("target")
}

fn found(a: &Anchor, text: &str) -> String {
    match a {
        Anchor::Found { span, .. } => text[span.clone()].to_string(),
        Anchor::Orphaned { best_score } => panic!("orphaned ({best_score:?})"),
    }
}

#[test]
fn unchanged_text_uses_the_position() {
    let t = target(ORIGINAL, "Assimi Goita");
    let a = anchor(&t, ORIGINAL);
    assert_eq!(found(&a, ORIGINAL), "Assimi Goita");
    assert!(matches!(a, Anchor::Found { method: Method::Position, score, .. } if score == 1.0));
}

#[test]
fn shifted_text_is_found_by_searching_the_quote() {
    let t = target(ORIGINAL, "Assimi Goita");
    let new = format!("Mise à jour : précisions ajoutées.\n\n{ORIGINAL}");
    let a = anchor(&t, &new);
    assert_eq!(found(&a, &new), "Assimi Goita");
    assert!(matches!(a, Anchor::Found { method: Method::Search, score, .. } if score > 0.95));
}

#[test]
fn an_edited_quote_is_still_placed() {
    let t = target(ORIGINAL, "le président Assimi Goita se rendrait");
    let new = ORIGINAL.replace("Assimi Goita", "Assimi Goïta");
    let a = anchor(&t, &new);
    assert_eq!(found(&a, &new), "le président Assimi Goïta se rendrait");
}

#[test]
fn a_quote_rewritten_but_in_the_same_place_is_placed() {
    let t = target(ORIGINAL, "se rendrait à Moscou la semaine prochaine");
    let new = ORIGINAL.replace(
        "se rendrait à Moscou la semaine prochaine",
        "se rendra à Moscou la semaine suivante",
    );
    let a = anchor(&t, &new);
    let text = found(&a, &new);
    assert!(text.contains("se rendra à Moscou"), "{text}");
}

#[test]
fn a_deleted_passage_is_orphaned_not_dropped() {
    let t = target(
        ORIGINAL,
        "Le ministre des affaires étrangères l'accompagnera.",
    );
    let new = ORIGINAL.replace("Le ministre des affaires étrangères l'accompagnera. ", "");
    assert!(anchor(&t, &new).is_orphaned());
    // A short quote gone from the text too.
    let t = target(ORIGINAL, "Goita");
    let new = ORIGINAL.replace("Assimi Goita ", "");
    assert!(anchor(&t, &new).is_orphaned());
}

#[test]
fn context_picks_the_right_one_of_two_occurrences() {
    let text = "Le président a parlé à Moscou. Puis le ministre a parlé à Moscou aussi.";
    let second = text.rfind("Moscou").expect("second");
    let t = Target::from_span(text, second..second + "Moscou".len()).expect("target");
    let new = format!("Préambule ajouté. {text}");
    match anchor(&t, &new) {
        Anchor::Found { span, .. } => assert_eq!(span.start, new.rfind("Moscou").expect("m")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn code_points_in_cyrillic_and_cjk() {
    let text = "Встреча в Москве. Сергей Лавров заявил. 東京で会談。";
    let t = target(text, "Сергей Лавров");
    let new = format!("日本語の前置き。{text}");
    assert_eq!(found(&anchor(&t, &new), &new), "Сергей Лавров");
    let t = target(text, "東京で会談");
    let new = text.replace("Встреча в Москве. ", "");
    assert_eq!(found(&anchor(&t, &new), &new), "東京で会談");
}

/// About 100 KB of varied sentences, deterministic.
fn long_text(seed: u64) -> String {
    let words = [
        "le",
        "gouvernement",
        "président",
        "ministre",
        "annonce",
        "Moscou",
        "Bamako",
        "réunion",
        "accord",
        "économie",
        "sécurité",
        "région",
        "armée",
        "élection",
        "semaine",
        "journalistes",
        "déclaration",
        "conseil",
        "transition",
        "frontière",
    ];
    let mut s = seed;
    let mut out = String::new();
    while out.len() < 100_000 {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        out.push_str(words[(s % words.len() as u64) as usize]);
        out.push(if s.is_multiple_of(11) { '.' } else { ' ' });
        if s.is_multiple_of(11) {
            out.push(' ');
        }
    }
    out
}

#[test]
fn a_long_article_with_an_edit_near_the_end() {
    let base = long_text(7);
    let quote = "la délégation malienne conduite par Abdoulaye Diop";
    let original = format!("{base} Selon le communiqué, {quote} arrivera lundi. {base}");
    let t = target(&original, quote);
    let edited = format!(
        "Un paragraphe ajouté en tête. {base} Selon le communiqué, la délégation \
         malienne menée par Abdoulaye Diop arrivera lundi. {base}"
    );
    let text = found(&anchor(&t, &edited), &edited);
    assert_eq!(text, "la délégation malienne menée par Abdoulaye Diop");
}
