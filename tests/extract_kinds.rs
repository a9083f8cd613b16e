//! Table tests of actor kinds from evidence in the text: company endings,
//! institution heads, later uses of an organisation's name, places named
//! with a compass word. Sentences written for the tests.

use lede::extract::{Analysis, Context, Kind, extract_text};

fn run(text: &str, lang: &str) -> Analysis {
    extract_text(
        text,
        &Context {
            lang: lang.into(),
            published: None,
        },
    )
}

/// (label, text) of every entity mention.
fn spans(text: &str, lang: &str) -> Vec<(String, String)> {
    run(text, lang)
        .mentions
        .iter()
        .filter(|m| m.kind != Kind::Date)
        .map(|m| (m.kind.label().to_string(), m.span.text(text).to_string()))
        .collect()
}

fn check(cases: &[(&str, &str, &str, &str)]) {
    let mut failed = Vec::new();
    for &(lang, text, label, form) in cases {
        let got = spans(text, lang);
        if !got.iter().any(|(l, f)| l == label && f == form) {
            failed.push(format!("{text}\n  want {label} {form:?}, got {got:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn institutions_with_a_lower_case_head_are_one_mention() {
    check(&[
        (
            "fr",
            "Le procès s'est ouvert devant le tribunal correctionnel de Lyon lundi.",
            "ORG",
            "tribunal correctionnel de Lyon",
        ),
        (
            "fr",
            "La cour d'appel de Versailles a rendu son arrêt.",
            "ORG",
            "cour d'appel de Versailles",
        ),
        (
            "fr",
            "Les visiteurs du musée des Beaux-Arts de Lyon étaient nombreux.",
            "ORG",
            "musée des Beaux-Arts de Lyon",
        ),
        (
            "fr",
            "Elle enseigne à l'université de Strasbourg depuis dix ans.",
            "ORG",
            "université de Strasbourg",
        ),
        (
            "fr",
            "Le cortège est passé par la rue de Varenne vers midi.",
            "LOC",
            "rue de Varenne",
        ),
        (
            "fr",
            "On entre désormais par la place des Terreaux.",
            "LOC",
            "place des Terreaux",
        ),
    ]);
}

#[test]
fn instead_of_is_no_square() {
    let got = spans("Il a parlé à la place de M. Durand hier.", "fr");
    assert!(got.iter().all(|(_, f)| !f.starts_with("place")), "{got:?}");
}

#[test]
fn company_endings_and_legal_forms_make_organisations() {
    check(&[
        (
            "en",
            "Shares in Nordvik Semiconductor fell on Tuesday.",
            "ORG",
            "Nordvik Semiconductor",
        ),
        (
            "en",
            "The firm supplies sensors to Volvo Cars and others.",
            "ORG",
            "Volvo Cars",
        ),
        (
            "fr",
            "Il aurait favorisé la société Bâtiplus SAS dans trois chantiers.",
            "ORG",
            "Bâtiplus SAS",
        ),
    ]);
}

#[test]
fn coordinated_company_names_are_two_organisations() {
    let text = "United Airlines and American Airlines said nobody was hurt.";
    check(&[
        ("en", text, "ORG", "United Airlines"),
        ("en", text, "ORG", "American Airlines"),
    ]);
}

#[test]
fn an_organisation_once_is_an_organisation_everywhere() {
    let text = "Shares in Nordvik Semiconductor fell. Nordvik's chief financial officer, \
                Tom Becker, will leave. Analysts expect Nordvik to recover.";
    let a = run(text, "en");
    let org = a
        .actors
        .iter()
        .find(|x| x.name == "Nordvik Semiconductor")
        .expect("the organisation");
    assert!(org.forms.iter().any(|f| f == "Nordvik"), "{:?}", org.forms);
    assert!(
        a.actors
            .iter()
            .all(|x| x.name != "Nordvik" || x.kind != lede::extract::ActorKind::Person)
    );
}

#[test]
fn business_context_cues_an_organisation() {
    check(&[(
        "en",
        "Analysts at Morgan Stanley called the warning worse than feared.",
        "ORG",
        "Morgan Stanley",
    )]);
}

#[test]
fn compass_words_name_counties_and_constituencies() {
    check(&[
        (
            "en",
            "In North Yorkshire, a county council seat changed hands.",
            "LOC",
            "North Yorkshire",
        ),
        (
            "en",
            "Labour held Hartlepool Central by 412 votes.",
            "LOC",
            "Hartlepool Central",
        ),
    ]);
    let got = spans("North Africans living in the city voted.", "en");
    assert!(got.iter().all(|(l, _)| l != "LOC"), "{got:?}");
}
