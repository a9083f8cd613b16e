//! Table tests of the scorer with hand-made gold and predictions.

use lede::eval::score::{Counts, Scores, score_document};
use lede::eval::{Document, GoldActor, GoldDate, GoldEntity};
use lede::extract::{Actor, ActorKind, Analysis, Kind, Mention, Span, TimeExpr};

const TEXT: &str = "Rédigé par : Ελένη Παππά\n\n\
    Le président sénégalais, Amadou Ba, a rencontré à Banjul le 4 mars 2024 \
    l'Organisation des Nations unies (ONU). Assimi Goïta et Ba iront à Dakar en avril.";

/// The span of the `nth` occurrence of `needle` in TEXT.
fn at(needle: &str, nth: usize) -> Span {
    let start = TEXT
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle} #{nth} not in the text"));
    Span::new(start, start + needle.len())
}

fn gold_entity(needle: &str, nth: usize, kind: Kind) -> GoldEntity {
    GoldEntity {
        span: at(needle, nth),
        kind,
        actor: None,
    }
}

fn mention(needle: &str, nth: usize, kind: Kind) -> Mention {
    Mention {
        span: at(needle, nth),
        kind,
        actor: None,
        date: None,
    }
}

fn document(entities: Vec<GoldEntity>) -> Document {
    Document {
        id: "test".into(),
        text: TEXT.into(),
        lang: "fr".into(),
        kinds: vec![
            Kind::Person,
            Kind::Organization,
            Kind::Place,
            Kind::Nationality,
        ],
        entities,
        ignored_names: vec!["Ελένη Παππά".into()],
        ..Document::default()
    }
}

fn mentions(list: Vec<Mention>) -> Analysis {
    Analysis {
        mentions: list,
        ..Analysis::default()
    }
}

fn c(tp: usize, fp: usize, missed: usize) -> Counts {
    Counts::new(tp, fp, missed)
}

#[test]
fn mentions_exact_lenient_and_per_type() {
    let gold = vec![
        gold_entity("Ελένη Παππά", 0, Kind::Person),
        gold_entity("sénégalais", 0, Kind::Nationality),
        gold_entity("Amadou Ba", 0, Kind::Person),
        gold_entity("Banjul", 0, Kind::Place),
        gold_entity("Organisation des Nations unies", 0, Kind::Organization),
        gold_entity("ONU", 0, Kind::Organization),
        gold_entity("Assimi Goïta", 0, Kind::Person),
        gold_entity("Dakar", 0, Kind::Place),
    ];
    // (case, predictions, per-kind exact counts, overall exact, lenient)
    type Case = (
        &'static str,
        Vec<Mention>,
        [(Kind, Counts); 4],
        Counts,
        Counts,
    );
    let cases: Vec<Case> = vec![
        (
            "all right; the byline is neither gold nor an error",
            vec![
                mention("Παππά", 0, Kind::Person),
                mention("sénégalais", 0, Kind::Nationality),
                mention("Amadou Ba", 0, Kind::Person),
                mention("Banjul", 0, Kind::Place),
                mention("Organisation des Nations unies", 0, Kind::Organization),
                mention("ONU", 0, Kind::Organization),
                mention("Assimi Goïta", 0, Kind::Person),
                mention("Dakar", 0, Kind::Place),
            ],
            [
                (Kind::Person, c(2, 0, 0)),
                (Kind::Organization, c(2, 0, 0)),
                (Kind::Place, c(2, 0, 0)),
                (Kind::Nationality, c(1, 0, 0)),
            ],
            c(6, 0, 0),
            c(6, 0, 0),
        ),
        (
            "a title inside the span: wrong exactly, right leniently",
            vec![
                mention("président sénégalais, Amadou Ba", 0, Kind::Person),
                mention("Banjul", 0, Kind::Place),
            ],
            [
                (Kind::Person, c(0, 1, 2)),
                (Kind::Organization, c(0, 0, 2)),
                (Kind::Place, c(1, 0, 1)),
                (Kind::Nationality, c(0, 0, 1)),
            ],
            c(1, 1, 5),
            c(2, 0, 4),
        ),
        (
            "right span, wrong type: an error both ways, even leniently",
            vec![
                mention("Banjul", 0, Kind::Organization),
                mention("ONU", 0, Kind::Organization),
                mention("Dakar", 0, Kind::Place),
                mention("Ba", 2, Kind::Place),
            ],
            [
                (Kind::Person, c(0, 0, 2)),
                (Kind::Organization, c(1, 1, 1)),
                (Kind::Place, c(1, 1, 1)),
                (Kind::Nationality, c(0, 0, 1)),
            ],
            c(2, 2, 4),
            c(2, 2, 4),
        ),
        (
            "one prediction overlapping two gold mentions counts once",
            vec![mention(
                "Organisation des Nations unies (ONU",
                0,
                Kind::Organization,
            )],
            [
                (Kind::Person, c(0, 0, 2)),
                (Kind::Organization, c(0, 1, 2)),
                (Kind::Place, c(0, 0, 2)),
                (Kind::Nationality, c(0, 0, 1)),
            ],
            c(0, 1, 6),
            c(1, 0, 5),
        ),
    ];
    for (name, predicted, by_kind, overall, lenient) in cases {
        let (s, _) = score_document(&document(gold.clone()), &mentions(predicted));
        for (kind, want) in by_kind {
            assert_eq!(s.by_kind[&kind], want, "{name}: {kind:?}");
        }
        assert_eq!(s.mentions, Some(overall), "{name}: overall");
        assert_eq!(s.lenient, Some(lenient), "{name}: lenient");
        assert_eq!(s.actors, None, "{name}: no gold actors");
        assert_eq!(s.dates, None, "{name}: no gold dates");
    }
}

#[test]
fn mistakes_name_text_offsets_and_what_the_other_side_says() {
    let gold = vec![gold_entity("Amadou Ba", 0, Kind::Person)];
    let predicted = vec![
        mention("président sénégalais, Amadou Ba", 0, Kind::Person),
        mention("Dakar", 0, Kind::Place),
    ];
    let (_, mistakes) = score_document(&document(gold), &mentions(predicted));
    let got: Vec<(&str, &str, &str, Option<&str>)> = mistakes
        .iter()
        .map(|m| {
            (
                m.error,
                m.label.as_str(),
                m.text.as_str(),
                m.detail.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "spurious",
                "PER",
                "président sénégalais, Amadou Ba",
                Some("gold PER \"Amadou Ba\"")
            ),
            ("spurious", "LOC", "Dakar", None),
            (
                "missed",
                "PER",
                "Amadou Ba",
                Some("predicted PER \"président sénégalais, Amadou Ba\"")
            ),
        ]
    );
    // Offsets are code points: the Greek byline counts one per letter.
    let dakar = &mistakes[1];
    let start = TEXT[..at("Dakar", 0).start].chars().count();
    assert_eq!((dakar.start, dakar.end), (Some(start), Some(start + 5)));
}

fn actor(name: &str, kind: ActorKind, forms: &[&str]) -> Actor {
    Actor {
        key: format!("test:{name}"),
        name: name.into(),
        kind,
        role: None,
        affiliation: None,
        forms: forms.iter().map(|s| s.to_string()).collect(),
        mentions: Vec::new(),
    }
}

fn gold_actor(name: &str, forms: &[&str]) -> GoldActor {
    GoldActor {
        name: name.into(),
        forms: forms.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn actors_fold_case_and_accents_and_match_acronyms() {
    let gold = vec![
        gold_actor("Amadou Ba", &["Amadou Ba", "Ba"]),
        gold_actor("United Nations", &["Organisation des Nations unies", "ONU"]),
        gold_actor("Assimi Goïta", &["Assimi Goïta"]),
        gold_actor("Senegal", &["sénégalais"]),
        // Known only by its acronym (as from a CoNLL file).
        gold_actor("AES", &[]),
        gold_actor("Ελένη Παππά", &["Ελένη Παππά"]),
    ];
    // (case, predicted actors, counts)
    let cases: Vec<(&str, Vec<Actor>, Counts)> = vec![
        (
            "names, forms, folding and acronyms; the byline is dropped",
            vec![
                actor("Ba", ActorKind::Person, &["Ba"]),
                actor("ONU", ActorKind::Organization, &["ONU"]),
                actor("ASSIMI GOITA", ActorKind::Person, &[]),
                actor("Sénégal", ActorKind::Place, &["Sénégal", "sénégalais"]),
                actor(
                    "Alliance des États du Sahel",
                    ActorKind::Organization,
                    &["Alliance des États du Sahel"],
                ),
                actor("Παππά", ActorKind::Person, &["Παππά"]),
            ],
            c(5, 0, 0),
        ),
        (
            "a split actor counts once right, once wrong; unknown actors are wrong",
            vec![
                actor("Amadou Ba", ActorKind::Person, &["Amadou Ba"]),
                actor("Ba", ActorKind::Person, &["Ba"]),
                actor("Dakar", ActorKind::Place, &["Dakar"]),
            ],
            c(1, 2, 4),
        ),
        (
            "a name with no forms matches a gold form",
            vec![actor(
                "Organisation des Nations unies",
                ActorKind::Organization,
                &[],
            )],
            c(1, 0, 4),
        ),
    ];
    for (name, predicted, want) in cases {
        let doc = Document {
            actors: Some(gold.clone()),
            ..document(Vec::new())
        };
        let analysis = Analysis {
            actors: predicted,
            ..Analysis::default()
        };
        let (s, mistakes) = score_document(&doc, &analysis);
        assert_eq!(s.actors, Some(want), "{name}: {mistakes:#?}");
    }
}

#[test]
fn dates_span_f1_and_value_accuracy() {
    let doc = Document {
        published: Some(jiff::civil::date(2024, 3, 5)),
        dates: Some(vec![
            GoldDate {
                span: at("4 mars 2024", 0),
                value: Some("2024-03-04".into()),
            },
            GoldDate {
                span: at("avril", 0),
                value: Some("2024-04".into()),
            },
        ]),
        kinds: Vec::new(),
        ..document(Vec::new())
    };
    let date = |needle: &str, value: &str| TimeExpr {
        span: at(needle, 0),
        value: value.parse().expect("date value"),
        range_with: None,
        relative: false,
    };
    // (case, predicted dates, span counts, values right, values judged)
    let cases: Vec<(&str, Vec<TimeExpr>, Counts, usize, usize)> = vec![
        (
            "both right",
            vec![date("4 mars 2024", "2024-03-04"), date("avril", "2024-04")],
            c(2, 0, 0),
            2,
            2,
        ),
        (
            "right span, unresolved value",
            vec![date("4 mars 2024", "2024-03-04"), date("avril", "XXXX-04")],
            c(2, 0, 0),
            1,
            2,
        ),
        (
            "a span with its preposition is not the gold span",
            vec![date("en avril", "2024-04"), date("4 mars", "XXXX-03-04")],
            c(0, 2, 2),
            0,
            0,
        ),
    ];
    for (name, predicted, span, right, judged) in cases {
        let analysis = Analysis {
            dates: predicted,
            ..Analysis::default()
        };
        let (s, _) = score_document(&doc, &analysis);
        assert_eq!(s.dates, Some(span), "{name}");
        assert_eq!(
            (s.date_values_right, s.date_values_judged),
            (right, judged),
            "{name}"
        );
        assert_eq!(s.mentions, None, "{name}: entities not annotated");
    }
}

#[test]
fn scores_add_up_over_documents() {
    let mut total = Scores::default();
    let doc = document(vec![gold_entity("Dakar", 0, Kind::Place)]);
    for predicted in [
        vec![mention("Dakar", 0, Kind::Place)],
        vec![mention("Banjul", 0, Kind::Place)],
    ] {
        let (s, _) = score_document(&doc, &mentions(predicted));
        total.add(&s);
    }
    assert_eq!(total.documents, 2);
    assert_eq!(total.mentions, Some(c(1, 1, 1)));
    assert_eq!(total.by_kind[&Kind::Place], c(1, 1, 1));
    let m = total.mentions.unwrap();
    assert_eq!((m.precision(), m.recall(), m.f1()), (0.5, 0.5, 0.5));
}
