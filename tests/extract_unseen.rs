//! Two short news texts written for these tests (tests/fixtures/extract/),
//! one French and one English, checked for the actors, roles and traps the
//! annotation guide describes. The rules were not tuned on them.

use lede::extract::{Analysis, Context, Kind, extract_text};

fn load(name: &str, lang: &str) -> (String, Analysis) {
    let path = format!(
        "{}/tests/fixtures/extract/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture");
    let a = extract_text(
        &text,
        &Context {
            lang: lang.into(),
            published: None,
        },
    );
    (text, a)
}

fn mention(text: &str, a: &Analysis, kind: Kind, form: &str) -> bool {
    a.mentions
        .iter()
        .any(|m| m.kind == kind && m.span.text(text) == form)
}

#[test]
fn french_text() {
    let (text, a) = load("fr_dette.txt", "fr");
    for p in [
        "Ousmane Sonko",
        "Macky Sall",
        "Mamadou Diallo",
        "Cheikh Diba",
        "Kristalina Georgieva",
    ] {
        assert!(mention(&text, &a, Kind::Person, p), "{p}");
    }
    for o in [
        "Fonds monétaire international",
        "FMI",
        "BCEAO",
        "Assemblée nationale",
    ] {
        assert!(mention(&text, &a, Kind::Organization, o), "{o}");
    }
    assert!(mention(&text, &a, Kind::Place, "DAKAR"), "dateline");
    assert!(mention(&text, &a, Kind::Nationality, "sénégalais"));
    let actor = |n: &str| {
        a.actors
            .iter()
            .find(|x| x.name == n)
            .unwrap_or_else(|| panic!("{n}"))
    };
    let sonko = actor("Ousmane Sonko");
    assert_eq!(sonko.role.as_deref(), Some("Premier ministre sénégalais"));
    assert_eq!(sonko.affiliation.as_deref(), Some("iso:SN"));
    assert_eq!(sonko.mentions.len(), 3, "title, apposition and M. Sonko");
    assert_eq!(
        actor("Cheikh Diba").role.as_deref(),
        Some("ministre des Finances")
    );
    // Living in Morocco does not make a Moroccan president.
    assert_eq!(actor("Macky Sall").affiliation, None);
    let fmi = a
        .actors
        .iter()
        .find(|x| x.forms.iter().any(|f| f == "FMI"))
        .expect("FMI");
    assert_eq!(fmi.mentions.len(), 3);
    // The byline's author is not an actor.
    assert!(!a.actors.iter().any(|x| x.name.contains("Ndiaye")));
}

#[test]
fn english_text() {
    let (text, a) = load("en_finance_bill.txt", "en");
    for p in [
        "William Ruto",
        "Raila Odinga",
        "Rigathi Gachagua",
        "Boniface Mwangi",
    ] {
        assert!(mention(&text, &a, Kind::Person, p), "{p}");
    }
    for o in [
        "Kenya National Commission on Human Rights",
        "KNCHR",
        "International Monetary Fund",
        "National Intelligence Service",
    ] {
        assert!(mention(&text, &a, Kind::Organization, o), "{o}");
    }
    assert!(mention(&text, &a, Kind::Place, "Kisumu"));
    let ruto = a
        .actors
        .iter()
        .find(|x| x.name == "William Ruto")
        .expect("Ruto");
    assert_eq!(ruto.role.as_deref(), Some("Kenyan President"));
    assert_eq!(ruto.affiliation.as_deref(), Some("iso:KE"));
    assert_eq!(ruto.mentions.len(), 3);
    assert_eq!(
        a.actors
            .iter()
            .find(|x| x.name == "Raila Odinga")
            .and_then(|x| x.role.as_deref()),
        Some("Opposition leader")
    );
    assert!(!a.actors.iter().any(|x| x.name.contains("Wanjiru")));
    // "NAIROBI -" is the dateline's place, the same actor as "Nairobi".
    let nairobi = a
        .actors
        .iter()
        .find(|x| x.forms.iter().any(|f| f == "NAIROBI"))
        .expect("dateline");
    assert!(nairobi.forms.iter().any(|f| f == "Nairobi"));
}
