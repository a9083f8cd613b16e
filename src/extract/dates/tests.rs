//! Table tests: sentences written for these tests, French and English.

use super::*;
use crate::extract::Context;

fn ctx(lang: &str, published: Option<&str>) -> Context {
    Context {
        lang: lang.to_string(),
        published: published.map(|p| p.parse().expect("test date")),
    }
}

/// (span text, value) of every date found.
fn run(lang: &str, published: Option<&str>, text: &str) -> Vec<(String, String)> {
    find_dates(text, &ctx(lang, published))
        .into_iter()
        .map(|t| (text[t.span.range()].to_string(), t.value))
        .collect()
}

/// (language, publication date, text, expected (span, value) pairs)
type Case<'a> = (&'a str, Option<&'a str>, &'a str, &'a [(&'a str, &'a str)]);

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for &(lang, published, text, expected) in cases {
        let got = run(lang, published, text);
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        if got != want {
            failures.push(format!(
                "[{lang} {published:?}] {text:?}\n   want {want:?}\n    got {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

const NO_PUB: Option<&str> = None;
const PUB: Option<&str> = Some("2025-04-03"); // a Thursday

#[test]
fn french_absolute() {
    check(&[
        (
            "fr",
            NO_PUB,
            "En janvier, le conseil a voté.",
            &[("janvier", "XXXX-01")],
        ),
        (
            "fr",
            NO_PUB,
            "Le traité sera signé le 24 novembre 2026 à Genève.",
            &[("24 novembre 2026", "2026-11-24")],
        ),
        (
            "fr",
            NO_PUB,
            "Le scrutin aura lieu le 3 avril.",
            &[("3 avril", "XXXX-04-03")],
        ),
        (
            "fr",
            NO_PUB,
            "La loi est entrée en vigueur le 1er mai 2024.",
            &[("1er mai 2024", "2024-05-01")],
        ),
        (
            "fr",
            NO_PUB,
            "Les chiffres de mars 2024 sont mauvais.",
            &[("mars 2024", "2024-03")],
        ),
        (
            "fr",
            NO_PUB,
            "Il est né en 1987 dans le Nord.",
            &[("1987", "1987")],
        ),
        (
            "fr",
            NO_PUB,
            "Réunion prévue le 24/11/2026 au siège.",
            &[("24/11/2026", "2026-11-24")],
        ),
        (
            "fr",
            NO_PUB,
            "Le document daté du 2026-11-24 a fuité.",
            &[("2026-11-24", "2026-11-24")],
        ),
        (
            "fr",
            NO_PUB,
            "Le sommet du 05.03.2024 a été reporté.",
            &[("05.03.2024", "2024-03-05")],
        ),
        (
            "fr",
            NO_PUB,
            "Le vote a eu lieu mardi 3 juin 2025.",
            &[("mardi 3 juin 2025", "2025-06-03")],
        ),
        (
            "fr",
            NO_PUB,
            "Publié le sam. 12 avril 2025.",
            &[("sam. 12 avril 2025", "2025-04-12")],
        ),
        (
            "fr",
            NO_PUB,
            "Les ventes ont chuté en févr. 2024.",
            &[("févr. 2024", "2024-02")],
        ),
        (
            "fr",
            NO_PUB,
            "C'était au début des années 1990.",
            &[("années 1990", "199X")],
        ),
        (
            "fr",
            NO_PUB,
            "La mode des années 80 revient.",
            &[("années 80", "198X")],
        ),
        (
            "fr",
            NO_PUB,
            "Une ville fondée au XIIe siècle.",
            &[("XIIe siècle", "11")],
        ),
        (
            "fr",
            NO_PUB,
            "Les guerres du XXe siècle ont marqué l'Europe.",
            &[("XXe siècle", "19")],
        ),
        (
            "fr",
            NO_PUB,
            "La canicule de l'été 2024 a été longue.",
            &[("été 2024", "2024-SU")],
        ),
        (
            "fr",
            NO_PUB,
            "Les travaux reprendront au printemps.",
            &[("printemps", "XXXX-SP")],
        ),
        (
            "fr",
            NO_PUB,
            "Il a neigé en hiver comme en automne 2023.",
            &[("hiver", "XXXX-WI"), ("automne 2023", "2023-FA")],
        ),
        (
            "fr",
            NO_PUB,
            "Elle part mardi pour Dakar.",
            &[("mardi", "XXXX-WXX-2")],
        ),
        (
            "fr",
            NO_PUB,
            "Depuis la mi-juin, les prix montent.",
            &[("juin", "XXXX-06")],
        ),
        (
            "fr",
            NO_PUB,
            "JANVIER 2025 : le bilan.",
            &[("JANVIER 2025", "2025-01")],
        ),
    ]);
}

#[test]
fn french_traps() {
    check(&[
        // "sa", "mar", "sam", "mer" are not weekdays.
        (
            "fr",
            NO_PUB,
            "La Russie renforce sa coopération avec le Mali.",
            &[],
        ),
        (
            "fr",
            NO_PUB,
            "Il a pris la mer avec Sam et sa sœur ven.",
            &[],
        ),
        ("fr", NO_PUB, "Le mar est une spécialité locale.", &[]),
        // "Mars" capitalised without a day or year is the planet.
        (
            "fr",
            NO_PUB,
            "La sonde a atteint Mars après sept mois.",
            &[],
        ),
        (
            "fr",
            NO_PUB,
            "Le rover a quitté Mars le 3 mars.",
            &[("3 mars", "XXXX-03-03")],
        ),
        (
            "fr",
            NO_PUB,
            "Mars 2024 fut pluvieux.",
            &[("Mars 2024", "2024-03")],
        ),
        // Quantities are not years.
        ("fr", NO_PUB, "Près de 2 000 soldats ont été déployés.", &[]),
        ("fr", NO_PUB, "Environ 1500 personnes ont manifesté.", &[]),
        (
            "fr",
            NO_PUB,
            "Au total, 2020 soldats et 1800 civils ont été évacués.",
            &[],
        ),
        (
            "fr",
            NO_PUB,
            "Quelque 1600 manifestants étaient présents.",
            &[],
        ),
        ("fr", NO_PUB, "La facture s'élève à 1950 euros.", &[]),
        ("fr", NO_PUB, "Il a parcouru 2000 km en vélo.", &[]),
        ("fr", NO_PUB, "Une hausse de 2020 %.", &[]),
        ("fr", NO_PUB, "Le taux est de 2020,5 points.", &[]),
        (
            "fr",
            NO_PUB,
            "Appelez le 01 45 20 20 20 ou le +33 1 2020 3040.",
            &[],
        ),
        ("fr", NO_PUB, "Le décret n° 2021-1234 a été publié.", &[]),
        ("fr", NO_PUB, "Consultez l'article 1240 du code civil.", &[]),
        (
            "fr",
            NO_PUB,
            "Le vol AF2020 est annulé, le modèle A380 aussi.",
            &[],
        ),
        ("fr", NO_PUB, "L'ISBN 978-2-1234-2020-1 est faux.", &[]),
        ("fr", NO_PUB, "Le score final est de 3.5 sur 10.", &[]),
        // "été" the past participle is not summer.
        (
            "fr",
            NO_PUB,
            "Le texte a été adopté et il avait été amendé.",
            &[],
        ),
        // "sept" the number is not September.
        ("fr", NO_PUB, "Il en a vu sept. Puis huit.", &[]),
        // A date never spans a blank line.
        (
            "fr",
            NO_PUB,
            "Il viendra le 3\n\nmai était calme.",
            &[("mai", "XXXX-05")],
        ),
        (
            "fr",
            NO_PUB,
            "En mars\n\n2024 commence.",
            &[("mars", "XXXX-03"), ("2024", "2024")],
        ),
    ]);
}

#[test]
fn french_relative() {
    check(&[
        (
            "fr",
            PUB,
            "Il est arrivé hier soir.",
            &[("hier", "2025-04-02")],
        ),
        (
            "fr",
            PUB,
            "Aujourd'hui, la ville se réveille.",
            &[("Aujourd'hui", "2025-04-03")],
        ),
        (
            "fr",
            PUB,
            "Le verdict tombera demain.",
            &[("demain", "2025-04-04")],
        ),
        (
            "fr",
            PUB,
            "Avant-hier, il pleuvait.",
            &[("Avant-hier", "2025-04-01")],
        ),
        (
            "fr",
            PUB,
            "Après-demain, il partira.",
            &[("Après-demain", "2025-04-05")],
        ),
        (
            "fr",
            PUB,
            "La semaine dernière, le ministre a démissionné.",
            &[("La semaine dernière", "2025-W13")],
        ),
        (
            "fr",
            PUB,
            "Le mois prochain sera décisif.",
            &[("Le mois prochain", "2025-05")],
        ),
        (
            "fr",
            PUB,
            "L'an dernier, les ventes ont baissé.",
            &[("L'an dernier", "2024")],
        ),
        (
            "fr",
            PUB,
            "L'année dernière fut difficile.",
            &[("L'année dernière", "2024")],
        ),
        (
            "fr",
            PUB,
            "Cette année, le budget augmente.",
            &[("Cette année", "2025")],
        ),
        (
            "fr",
            PUB,
            "Il y a trois jours, le pont s'est effondré.",
            &[("Il y a trois jours", "2025-03-31")],
        ),
        (
            "fr",
            PUB,
            "il y a deux ans, tout a changé.",
            &[("il y a deux ans", "2023")],
        ),
        (
            "fr",
            PUB,
            "Mardi dernier, le conseil s'est réuni.",
            &[("Mardi dernier", "2025-04-01")],
        ),
        (
            "fr",
            PUB,
            "Il reviendra lundi prochain.",
            &[("lundi prochain", "2025-04-07")],
        ),
        (
            "fr",
            PUB,
            "Il a parlé mardi devant les députés.",
            &[("mardi", "2025-04-01")],
        ),
        (
            "fr",
            PUB,
            "Il se rendra à Moscou en juin.",
            &[("juin", "2025-06")],
        ),
        (
            "fr",
            PUB,
            "Les accords de mai dernier tiennent.",
            &[("mai dernier", "2024-05")],
        ),
        (
            "fr",
            PUB,
            "En février dernier, il neigeait.",
            &[("février dernier", "2025-02")],
        ),
        (
            "fr",
            PUB,
            "Le 12 mars, la loi a été votée.",
            &[("12 mars", "2025-03-12")],
        ),
        (
            "fr",
            PUB,
            "L'été dernier a été chaud.",
            &[("été dernier", "2024-SU")],
        ),
        (
            "fr",
            PUB,
            "Cet été, les plages seront pleines.",
            &[("Cet été", "2025-SU")],
        ),
        (
            "fr",
            PUB,
            "Le sommet s'est tenu en 2019. L'année suivante, tout a changé.",
            &[("2019", "2019"), ("L'année suivante", "2020")],
        ),
        (
            "fr",
            PUB,
            "Le 3 mai 2022, il est arrivé ; le lendemain, il est reparti.",
            &[("3 mai 2022", "2022-05-03"), ("le lendemain", "2022-05-04")],
        ),
        // Without a publication date, relative expressions keep X values.
        (
            "fr",
            NO_PUB,
            "Il est arrivé hier.",
            &[("hier", "XXXX-XX-XX")],
        ),
        (
            "fr",
            NO_PUB,
            "La semaine dernière, rien.",
            &[("La semaine dernière", "XXXX-WXX")],
        ),
        (
            "fr",
            NO_PUB,
            "L'année suivante, il partit.",
            &[("L'année suivante", "XXXX")],
        ),
        (
            "fr",
            NO_PUB,
            "Mardi dernier, il pleuvait.",
            &[("Mardi dernier", "XXXX-WXX-2")],
        ),
    ]);
}

#[test]
fn french_ranges() {
    check(&[
        (
            "fr",
            NO_PUB,
            "Suite aux coups d'État entre 2020 et 2023, le pays a changé.",
            &[("2020", "2020"), ("2023", "2023")],
        ),
        (
            "fr",
            NO_PUB,
            "Il a dirigé le club de 2010 à 2015.",
            &[("2010", "2010"), ("2015", "2015")],
        ),
        (
            "fr",
            NO_PUB,
            "Le festival a lieu du 3 au 5 mai 2024.",
            &[("3", "2024-05-03"), ("5 mai 2024", "2024-05-05")],
        ),
        (
            "fr",
            NO_PUB,
            "Le mandat 2020-2023 s'achève.",
            &[("2020", "2020"), ("2023", "2023")],
        ),
        (
            "fr",
            NO_PUB,
            "Le plan 2020–23 a échoué.",
            &[("2020", "2020"), ("23", "2023")],
        ),
        (
            "fr",
            NO_PUB,
            "Les fouilles (1998 – 2004) ont livré des objets.",
            &[("1998", "1998"), ("2004", "2004")],
        ),
        (
            "fr",
            NO_PUB,
            "De janvier à mars 2024, les prix ont grimpé.",
            &[("janvier", "2024-01"), ("mars 2024", "2024-03")],
        ),
        (
            "fr",
            NO_PUB,
            "Entre 2000 et 3000 soldats sont engagés.",
            &[],
        ),
        (
            "fr",
            NO_PUB,
            "Les élections de 2017 à Paris ont surpris.",
            &[("2017", "2017")],
        ),
    ]);
}

#[test]
fn english_absolute() {
    check(&[
        (
            "en",
            NO_PUB,
            "The treaty will be signed on November 24, 2026 in Geneva.",
            &[("November 24, 2026", "2026-11-24")],
        ),
        (
            "en",
            NO_PUB,
            "It was signed on 24 November 2026.",
            &[("24 November 2026", "2026-11-24")],
        ),
        (
            "en",
            NO_PUB,
            "The deadline is 11/24/2026.",
            &[("11/24/2026", "2026-11-24")],
        ),
        (
            "en",
            NO_PUB,
            "The deadline is 24/11/2026.",
            &[("24/11/2026", "2026-11-24")],
        ),
        (
            "en",
            NO_PUB,
            "The deadline is 03/05/2026.",
            &[("03/05/2026", "2026-03-05")],
        ),
        (
            "en",
            NO_PUB,
            "Sales fell in March 2024.",
            &[("March 2024", "2024-03")],
        ),
        (
            "en",
            NO_PUB,
            "Prices rose in January.",
            &[("January", "XXXX-01")],
        ),
        ("en", NO_PUB, "He was born in 1987.", &[("1987", "1987")]),
        (
            "en",
            NO_PUB,
            "The vote is on the 3rd of March 2024.",
            &[("3rd of March 2024", "2024-03-03")],
        ),
        (
            "en",
            NO_PUB,
            "They met on Tuesday, March 3, 2026.",
            &[("Tuesday, March 3, 2026", "2026-03-03")],
        ),
        (
            "en",
            NO_PUB,
            "They met on Jan. 5, 2024 and on Sep 9.",
            &[("Jan. 5, 2024", "2024-01-05"), ("Sep 9", "XXXX-09-09")],
        ),
        (
            "en",
            NO_PUB,
            "Music of the 1990s is back.",
            &[("1990s", "199X")],
        ),
        ("en", NO_PUB, "The '80s were loud.", &[("'80s", "198X")]),
        (
            "en",
            NO_PUB,
            "A 20th-century building.",
            &[("20th-century", "19")],
        ),
        (
            "en",
            NO_PUB,
            "The summer of 2024 was hot.",
            &[("summer of 2024", "2024-SU")],
        ),
        (
            "en",
            NO_PUB,
            "We will decide in the spring.",
            &[("spring", "XXXX-SP")],
        ),
        (
            "en",
            NO_PUB,
            "She leaves on Friday.",
            &[("Friday", "XXXX-WXX-5")],
        ),
    ]);
}

#[test]
fn english_traps() {
    check(&[
        ("en", NO_PUB, "The minister may resign soon.", &[]),
        ("en", NO_PUB, "Theresa May spoke to the press.", &[]),
        ("en", NO_PUB, "May I ask a question?", &[]),
        (
            "en",
            NO_PUB,
            "The vote happened in May.",
            &[("May", "XXXX-05")],
        ),
        (
            "en",
            NO_PUB,
            "Since May the talks have stalled.",
            &[("May", "XXXX-05")],
        ),
        (
            "en",
            NO_PUB,
            "The talks of May 2024 failed.",
            &[("May 2024", "2024-05")],
        ),
        ("en", NO_PUB, "It opened May 5.", &[("May 5", "XXXX-05-05")]),
        ("en", NO_PUB, "Protesters march through the city.", &[]),
        ("en", NO_PUB, "The March rally drew crowds.", &[]),
        ("en", NO_PUB, "An august body of scholars.", &[]),
        ("en", NO_PUB, "June Carter sang.", &[]),
        ("en", NO_PUB, "Jan Kowalski won.", &[]),
        ("en", NO_PUB, "He said the fall of Kabul was sudden.", &[]),
        (
            "en",
            NO_PUB,
            "Prices fall in winter.",
            &[("winter", "XXXX-WI")],
        ),
        ("en", NO_PUB, "About 2000 people marched.", &[]),
        ("en", NO_PUB, "It costs $2020 or 2020 dollars.", &[]),
        ("en", NO_PUB, "Call 555 2020 now.", &[]),
        ("en", NO_PUB, "Between 2000 and 3000 troops remain.", &[]),
    ]);
}

#[test]
fn english_relative() {
    check(&[
        (
            "en",
            PUB,
            "He arrived yesterday.",
            &[("yesterday", "2025-04-02")],
        ),
        (
            "en",
            PUB,
            "Today the city woke up.",
            &[("Today", "2025-04-03")],
        ),
        (
            "en",
            PUB,
            "The verdict comes tomorrow.",
            &[("tomorrow", "2025-04-04")],
        ),
        (
            "en",
            PUB,
            "Last week the minister resigned.",
            &[("Last week", "2025-W13")],
        ),
        (
            "en",
            PUB,
            "Next month will be decisive.",
            &[("Next month", "2025-05")],
        ),
        ("en", PUB, "Sales fell last year.", &[("last year", "2024")]),
        (
            "en",
            PUB,
            "Two days ago the bridge collapsed.",
            &[("Two days ago", "2025-04-01")],
        ),
        (
            "en",
            PUB,
            "It happened 3 weeks ago.",
            &[("3 weeks ago", "2025-W11")],
        ),
        (
            "en",
            PUB,
            "They met last Tuesday.",
            &[("last Tuesday", "2025-04-01")],
        ),
        (
            "en",
            PUB,
            "They meet next Monday.",
            &[("next Monday", "2025-04-07")],
        ),
        (
            "en",
            PUB,
            "He spoke on Tuesday.",
            &[("Tuesday", "2025-04-01")],
        ),
        ("en", PUB, "He will travel in June.", &[("June", "2025-06")]),
        (
            "en",
            PUB,
            "The deal of last May holds.",
            &[("last May", "2024-05")],
        ),
        (
            "en",
            PUB,
            "The summit took place in 2019. The following year, everything changed.",
            &[("2019", "2019"), ("The following year", "2020")],
        ),
    ]);
}

#[test]
fn english_ranges() {
    check(&[
        (
            "en",
            NO_PUB,
            "He led the club from 2010 to 2015.",
            &[("2010", "2010"), ("2015", "2015")],
        ),
        (
            "en",
            NO_PUB,
            "Between 2020 and 2023 the region changed.",
            &[("2020", "2020"), ("2023", "2023")],
        ),
        (
            "en",
            NO_PUB,
            "The 2020–2023 plan failed.",
            &[("2020", "2020"), ("2023", "2023")],
        ),
        (
            "en",
            NO_PUB,
            "The fair runs from May 3 to 5, 2024.",
            &[("May 3", "2024-05-03"), ("5, 2024", "2024-05-05")],
        ),
    ]);
}

#[test]
fn ranges_are_linked() {
    let text = "Suite aux coups d'État entre 2020 et 2023, le Mali a changé.";
    let dates = find_dates(text, &ctx("fr", None));
    assert_eq!(dates.len(), 2);
    assert_eq!(dates[0].range_with, Some(1));
    assert_eq!(dates[1].range_with, Some(0));
    let single = find_dates("Il est né en 1987.", &ctx("fr", None));
    assert_eq!(single[0].range_with, None);
}

#[test]
fn relative_flag() {
    let d = find_dates(
        "Il se rendra à Moscou en juin, hier encore.",
        &ctx("fr", Some("2025-04-03")),
    );
    assert!(d.iter().all(|t| t.relative), "{d:?}");
    let d = find_dates("En 2020, rien.", &ctx("fr", Some("2025-04-03")));
    assert!(!d[0].relative);
    let d = find_dates("En juin, rien.", &ctx("fr", None));
    assert!(!d[0].relative);
}

#[test]
fn unknown_language_uses_both() {
    check(&[
        (
            "",
            NO_PUB,
            "Signé le 3 mai 2024 et le 4 June 2024.",
            &[("3 mai 2024", "2024-05-03"), ("4 June 2024", "2024-06-04")],
        ),
        (
            "de",
            NO_PUB,
            "Im Jahr 2019 und 2021.",
            &[("2019", "2019"), ("2021", "2021")],
        ),
    ]);
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        "\n\n\n",
        "99999999999999999999999 2020",
        "le 31 février 2024",
        "il y a 99999999 ans",
        "la veille",
        "'",
        "années",
        "Mars",
        "2020-",
        "-2020",
        "̀2020̀",
        "日本 2020年 5月",
        "XXe",
        "entre",
        "du 3 au",
        "e\u{301}te\u{301} 2024",
    ] {
        let _ = find_dates(text, &ctx("fr", Some("2025-04-03")));
        let _ = find_dates(text, &ctx("en", None));
        let _ = find_dates(text, &ctx("", None));
    }
    assert!(
        find_dates("le 31 février 2024", &ctx("fr", None))
            .iter()
            .all(|t| t.value != "2024-02-31")
    );
}

#[test]
fn ordering() {
    use std::cmp::Ordering::*;
    let cases = [
        ("2019", "2020", Less),
        ("2020", "2020-03", Less),
        ("2020-03", "2020-03-05", Less),
        ("2020-03-05", "2020-03-06", Less),
        ("2020-12", "2020-XX", Less),
        ("2020-XX", "2021", Less),
        ("2099", "XXXX-01", Less),
        ("XXXX-01", "XXXX-06", Less),
        ("199X", "2000", Less),
        ("1990", "199X", Less),
        ("19", "2000", Less),
        ("2024-SU", "2024-07", Less),
        ("2024-06", "2024-SU", Less),
        ("2025-W13", "2025-04", Less),
        ("2025-W13", "2025-03", Greater),
        ("2020", "2020", Equal),
        ("2020", "not a date", Less),
    ];
    for (a, b, want) in cases {
        assert_eq!(compare_values(a, b), want, "{a} vs {b}");
        assert_eq!(compare_values(b, a), want.reverse(), "{b} vs {a}");
    }
    let mut v = vec!["XXXX-06", "2023", "XXXX-01", "2020"];
    v.sort_by(|a, b| compare_values(a, b));
    assert_eq!(v, ["2020", "2023", "XXXX-01", "XXXX-06"]);
}

#[test]
fn descriptions() {
    let cases = [
        ("XXXX-01", "fr", "janvier (année inconnue)"),
        ("XXXX-01", "en", "January (year unknown)"),
        ("2025-06", "fr", "juin 2025"),
        ("2025-06", "en", "June 2025"),
        ("2020", "fr", "2020"),
        ("2026-11-24", "fr", "24 novembre 2026"),
        ("2026-11-24", "en", "24 November 2026"),
        ("2024-05-01", "fr", "1er mai 2024"),
        ("XXXX-04-03", "fr", "3 avril (année inconnue)"),
        ("2024-SU", "fr", "été 2024"),
        ("2024-FA", "en", "autumn 2024"),
        ("XXXX-WI", "en", "winter (year unknown)"),
        ("199X", "fr", "années 1990"),
        ("199X", "en", "1990s"),
        ("19", "fr", "XXe siècle"),
        ("20", "en", "21st century"),
        ("XXXX-WXX-2", "fr", "mardi (date inconnue)"),
        ("XXXX-WXX-2", "en", "Tuesday (date unknown)"),
        ("2025-W13", "fr", "semaine 13 de 2025"),
        ("2025-W13", "en", "week 13 of 2025"),
        ("XXXX-XX-XX", "fr", "jour inconnu"),
        ("XXXX", "en", "unknown year"),
        ("garbage", "fr", "garbage"),
    ];
    for (value, lang, want) in cases {
        assert_eq!(describe(value, lang), want, "{value} in {lang}");
    }
}
