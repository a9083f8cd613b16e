//! French date table tests: sentences written for these tests.

mod dates_table;

use dates_table::{NO_PUB, PUB, check};

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
            &[("le 24 novembre 2026", "2026-11-24")],
        ),
        (
            "fr",
            NO_PUB,
            "Le scrutin aura lieu le 3 avril.",
            &[("le 3 avril", "XXXX-04-03")],
        ),
        (
            "fr",
            NO_PUB,
            "La loi est entrée en vigueur le 1er mai 2024.",
            &[("le 1er mai 2024", "2024-05-01")],
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
            &[("le 24/11/2026", "2026-11-24")],
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
            &[("le sam. 12 avril 2025", "2025-04-12")],
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
            &[("XIIe siècle", "11XX")],
        ),
        (
            "fr",
            NO_PUB,
            "Les guerres du XXe siècle ont marqué l'Europe.",
            &[("XXe siècle", "19XX")],
        ),
        (
            "fr",
            NO_PUB,
            "La canicule de l'été 2024 a été longue.",
            &[("l'été 2024", "2024-SU")],
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
            &[("mi-juin", "XXXX-06")],
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
            &[("le 3 mars", "XXXX-03-03")],
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
fn french_unicode() {
    check(&[
        // Decomposed accents (e + U+0301), no-break and narrow no-break spaces.
        (
            "fr",
            NO_PUB,
            "En fe\u{301}vrier, l'e\u{301}te\u{301} 2024.",
            &[
                ("fe\u{301}vrier", "XXXX-02"),
                ("l'e\u{301}te\u{301} 2024", "2024-SU"),
            ],
        ),
        (
            "fr",
            NO_PUB,
            "Le 14\u{a0}juillet\u{a0}1789.",
            &[("Le 14\u{a0}juillet\u{a0}1789", "1789-07-14")],
        ),
        (
            "fr",
            NO_PUB,
            "Les années\u{202f}1990 et les 2\u{202f}000 morts.",
            &[("Les années\u{202f}1990", "199X")],
        ),
        (
            "fr",
            NO_PUB,
            "Le 3 mai 2024 à Москва, 東京 2020年.",
            &[("Le 3 mai 2024", "2024-05-03")],
        ),
    ]);
}

#[test]
fn french_quarters_and_anchored() {
    check(&[
        (
            "fr",
            NO_PUB,
            "Au premier trimestre 2024, les ventes ont reculé.",
            &[("premier trimestre 2024", "2024-Q1")],
        ),
        (
            "fr",
            NO_PUB,
            "Le PIB a progressé au T3 2023.",
            &[("T3 2023", "2023-Q3")],
        ),
        ("fr", NO_PUB, "Un appartement T3 à louer.", &[]),
        (
            "fr",
            PUB,
            "Au deuxième trimestre, la reprise.",
            &[("deuxième trimestre", "2025-Q2")],
        ),
        (
            "fr",
            PUB,
            "Le 2 mars dernier, il a démissionné.",
            &[("Le 2 mars dernier", "2025-03-02")],
        ),
        (
            "fr",
            PUB,
            "Le 12 avril dernier, il a démissionné.",
            &[("Le 12 avril dernier", "2024-04-12")],
        ),
        (
            "fr",
            PUB,
            "Ce matin, le trafic était dense.",
            &[("Ce matin", "2025-04-03TMO")],
        ),
        (
            "fr",
            NO_PUB,
            "Le traité fut signé en 2015. Deux ans plus tard, il était caduc.",
            &[("2015", "2015"), ("Deux ans plus tard", "2017")],
        ),
        (
            "fr",
            NO_PUB,
            "Le 3 mai 2022, la crise éclate ; trois jours auparavant, rien.",
            &[
                ("Le 3 mai 2022", "2022-05-03"),
                ("trois jours auparavant", "2022-04-30"),
            ],
        ),
    ]);
}

#[test]
fn french_paths_and_ids() {
    check(&[
        (
            "fr",
            NO_PUB,
            "Source : https://exemple.fr/2020/article et exemple.fr/a/2021/b.",
            &[],
        ),
        (
            "fr",
            NO_PUB,
            "Le fichier rapport_2020.pdf, la clé id=2021 et 2019.pdf.",
            &[],
        ),
        (
            "fr",
            NO_PUB,
            "Publié le 03/04/2025 à 10h30, mis à jour le 3 avr. 2025.",
            &[
                ("le 03/04/2025 à 10h30", "2025-04-03T10:30"),
                ("le 3 avr. 2025", "2025-04-03"),
            ],
        ),
    ]);
}

#[test]
fn french_day_lists() {
    check(&[
        (
            "fr",
            NO_PUB,
            "Grève jeudi 12 et vendredi 13 septembre 2024.",
            &[
                ("jeudi 12", "2024-09-12"),
                ("vendredi 13 septembre 2024", "2024-09-13"),
            ],
        ),
        (
            "fr",
            NO_PUB,
            "Fermé le lundi 5 et le mardi 6 mai.",
            &[
                ("le lundi 5", "XXXX-05-05"),
                ("le mardi 6 mai", "XXXX-05-06"),
            ],
        ),
        (
            "fr",
            NO_PUB,
            "Ouvert lundi et mardi.",
            &[("lundi", "XXXX-WXX-1"), ("mardi", "XXXX-WXX-2")],
        ),
    ]);
}

#[test]
fn french_spelled_first() {
    check(&[
        (
            "fr",
            NO_PUB,
            "Le premier mai 2024, les syndicats défilent.",
            &[("Le premier mai 2024", "2024-05-01")],
        ),
        ("fr", NO_PUB, "Le Premier ministre a parlé.", &[]),
        (
            "fr",
            NO_PUB,
            "Le premier trimestre 2024 fut bon.",
            &[("Le premier trimestre 2024", "2024-Q1")],
        ),
    ]);
}

#[test]
fn french_compound_counts() {
    check(&[
        (
            "fr",
            NO_PUB,
            "En 1999, l'euro est né ; vingt-cinq ans plus tard, il compte 20 membres.",
            &[("1999", "1999"), ("vingt-cinq ans plus tard", "2024")],
        ),
        (
            "fr",
            PUB,
            "Il y a dix-huit mois, le projet a commencé.",
            &[("Il y a dix-huit mois", "2023-10")],
        ),
    ]);
}
