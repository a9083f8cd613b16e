//! Table tests of role attachment: which person gets which role, on
//! sentences written for them (French and English).

use lede::extract::{ActorKind, Analysis, Context, extract_text};

fn run(text: &str, lang: &str) -> Analysis {
    extract_text(
        text,
        &Context {
            lang: lang.into(),
            published: None,
        },
    )
}

/// The role the text gives the person named `name` (None if no such person).
fn role_of(text: &str, lang: &str, name: &str) -> Option<Option<String>> {
    run(text, lang)
        .actors
        .into_iter()
        .find(|a| a.kind == ActorKind::Person && a.name == name)
        .map(|a| a.role)
}

fn check(cases: &[(&str, &str, &str, Option<&str>)]) {
    let mut failed = Vec::new();
    for &(lang, text, name, want) in cases {
        let got = role_of(text, lang, name);
        if got != Some(want.map(str::to_string)) {
            failed.push(format!("{text}\n  {name}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn titles_directly_before_the_name() {
    check(&[
        (
            "fr",
            "Le préfet Joël Mathurin a reçu les éleveurs.",
            "Joël Mathurin",
            Some("préfet"),
        ),
        (
            "en",
            "Senator Maria Cantwell asked for a review.",
            "Maria Cantwell",
            Some("Senator"),
        ),
        (
            "en",
            "Yesterday Transportation Secretary Sean Duffy said controllers were safe.",
            "Sean Duffy",
            Some("Transportation Secretary"),
        ),
    ]);
}

#[test]
fn appositions_before_the_name_with_their_full_complement() {
    check(&[
        (
            "fr",
            "Le président de la FNSEA, Arnaud Rousseau, a demandé des mesures.",
            "Arnaud Rousseau",
            Some("président de la FNSEA"),
        ),
        (
            "fr",
            "Hier, la présidente du groupe RN, Marine Le Pen, est partie.",
            "Marine Le Pen",
            Some("présidente du groupe RN"),
        ),
        (
            "fr",
            "Le conservateur en chef, Ludmila Ortiz, a parlé.",
            "Ludmila Ortiz",
            Some("conservateur en chef"),
        ),
        (
            "en",
            "The FAA administrator, Bryan Bedford, will testify.",
            "Bryan Bedford",
            Some("FAA administrator"),
        ),
    ]);
}

#[test]
fn courtesy_titles_between_role_and_name() {
    check(&[(
        "fr",
        "L'avocate de la commune, Me Hélène Carbonnel, a plaidé.",
        "Hélène Carbonnel",
        Some("avocate de la commune"),
    )]);
}

#[test]
fn appositions_after_the_name() {
    check(&[
        (
            "en",
            "Lisa Su, chief executive of rival AMD, said orders were recovering.",
            "Lisa Su",
            Some("chief executive of rival AMD"),
        ),
        (
            "fr",
            "Jean-Luc Mélenchon, fondateur de LFI, a réclamé une dissolution.",
            "Jean-Luc Mélenchon",
            Some("fondateur de LFI"),
        ),
    ]);
}

#[test]
fn coordinated_titles_are_one_role() {
    check(&[(
        "fr",
        "Le maire de Pau et président du MoDem, François Bayrou, a parlé.",
        "François Bayrou",
        Some("maire de Pau et président du MoDem"),
    )]);
}

#[test]
fn possessives_give_the_role_and_its_holder() {
    check(&[(
        "en",
        "Nordvik's chief financial officer, Tom Becker, will step down.",
        "Tom Becker",
        Some("Nordvik's chief financial officer"),
    )]);
}

#[test]
fn a_role_word_never_joins_a_name() {
    let a = run("Le préfet Joël Mathurin a reçu les éleveurs.", "fr");
    assert!(a.actors.iter().all(|x| !x.name.contains("préfet")));
    let a = run("Yesterday Senator Maria Cantwell spoke.", "en");
    assert!(a.actors.iter().all(|x| !x.name.contains("Senator")));
}

#[test]
fn a_following_name_or_verb_is_not_part_of_the_role() {
    check(&[
        (
            "fr",
            "Le ministre de l'Intérieur Bruno Retailleau a parlé.",
            "Bruno Retailleau",
            Some("ministre de l'Intérieur"),
        ),
        (
            "fr",
            "Sa directrice, Sylvie Ramond, a inauguré les salles.",
            "Sylvie Ramond",
            Some("directrice"),
        ),
    ]);
}
