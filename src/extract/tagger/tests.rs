use super::*;
use crate::extract::doc::{Doc, Lang};
use features::Allowed::{Any, Inside, OnlyO};

#[test]
fn shipped_model_loads() {
    let m = Model::shipped();
    assert_eq!(m.buckets(), 1 << 19);
}

#[test]
fn bad_model_files_are_refused() {
    assert!(Model::from_bytes(b"nonsense").is_err());
    let mut bytes = model::to_bytes(2, &[0.0; (N_TAGS + 1) * N_TAGS], &[0.5; 4 * N_TAGS]);
    assert!(Model::from_bytes(&bytes).is_ok());
    bytes.pop();
    assert!(Model::from_bytes(&bytes).is_err());
}

#[test]
fn bio_constraints() {
    assert!(transition_ok(None, tag_index("B-PER")));
    assert!(!transition_ok(None, tag_index("I-PER")));
    assert!(transition_ok(Some(tag_index("B-PER")), tag_index("I-PER")));
    assert!(!transition_ok(Some(tag_index("B-ORG")), tag_index("I-PER")));
    assert!(tag_allowed(Inside, tag_index("I-ORG")) && !tag_allowed(Inside, tag_index("B-ORG")));
    assert!(tag_allowed(OnlyO, 0) && !tag_allowed(OnlyO, 1));
}

#[test]
fn viterbi_keeps_the_constraints() {
    // Emissions that want "I-LOC" on a lone token: it must open with B-LOC or stay O.
    let mut emit = vec![0.0; 2 * N_TAGS];
    emit[tag_index("I-LOC")] = 10.0;
    emit[N_TAGS + tag_index("I-PER")] = 5.0;
    emit[N_TAGS + tag_index("B-PER")] = 1.0;
    let trans = vec![0.0; (N_TAGS + 1) * N_TAGS];
    let tags = viterbi(&emit, &trans, &[Any, Any]);
    // The best legal path opens the name the second token continues.
    assert_eq!(tags, [tag_index("B-PER"), tag_index("I-PER")]);
    assert_eq!(viterbi(&emit, &trans, &[OnlyO, OnlyO]), [0, 0]);
}

#[test]
fn spans_from_tags() {
    let t = |s: &str| tag_index(s);
    let tags = [
        t("B-PER"),
        t("I-PER"),
        0,
        t("B-LOC"),
        t("B-LOC"),
        t("I-LOC"),
    ];
    assert_eq!(
        spans(&tags),
        [
            (0, 2, Kind::Person),
            (3, 4, Kind::Place),
            (4, 6, Kind::Place)
        ]
    );
}

#[test]
fn gazetteer_marks() {
    let marks = gaz_marks(4, [(Kind::Place, false, 1, 3), (Kind::Person, false, 0, 1)]);
    let b = features::GAZ_PLACE | features::GAZ_BEGIN;
    assert_eq!(marks, [0, b, features::GAZ_PLACE, 0]);
}

/// Names in no list, written for this test.
#[test]
fn the_shipped_model_finds_names_in_no_list() {
    let text = "Yesterday Margaret Okonkwo told reporters in Lausanne that the talks had failed.";
    let doc = Doc::new(text, Lang::En);
    let found: Vec<(&str, Kind)> = tag_doc(&doc, &[])
        .into_iter()
        .map(|t| (doc.span(t.a, t.b).text(text), t.kind))
        .collect();
    assert!(
        found.contains(&("Margaret Okonkwo", Kind::Person)),
        "{found:?}"
    );
    assert!(found.iter().all(|(w, _)| *w != "Yesterday"), "{found:?}");
}

#[test]
fn lower_case_text_is_not_tagged() {
    let text = "the talks had failed and nobody said why.";
    let doc = Doc::new(text, Lang::En);
    assert!(tag_doc(&doc, &[]).is_empty());
}

fn mentions(text: &str, lang: &str) -> Vec<(String, Kind)> {
    let ctx = crate::extract::Context {
        lang: lang.to_string(),
        published: None,
    };
    crate::extract::extract_text(text, &ctx)
        .mentions
        .iter()
        .filter(|m| m.kind != Kind::Date)
        .map(|m| (m.span.text(text).to_string(), m.kind))
        .collect()
}

/// A headline in capitals: its words are not organisations for being in capitals.
#[test]
fn a_headline_in_capitals_is_not_a_list_of_acronyms() {
    let text =
        "RUGBY - HARLOW WIN AGAIN AFTER LATE TRY\n\nThe club from Harlow won again on Sunday.";
    let found = mentions(text, "en");
    for word in ["RUGBY", "WIN", "AGAIN", "AFTER", "LATE", "TRY"] {
        assert!(found.iter().all(|(w, _)| w != word), "{word}: {found:?}");
    }
}

/// The tagger adds a person in no list; the rules' byline veto still holds.
#[test]
fn tagger_names_join_the_rules_and_respect_bylines() {
    let text = "A headline\n\nBy Grace Odhiambo\n\nYesterday Margaret Okonkwo told reporters the talks had failed.";
    let found = mentions(text, "en");
    assert!(
        found.contains(&("Margaret Okonkwo".to_string(), Kind::Person)),
        "{found:?}"
    );
    assert!(
        found.iter().all(|(w, _)| !w.contains("Odhiambo")),
        "{found:?}"
    );
}
