//! French date table tests, relative expressions: sentences written for
//! these tests, resolved against a publication date.

mod dates_table;

use dates_table::{NO_PUB, PUB, check};

#[test]
fn french_relative() {
    check(&[
        (
            "fr",
            PUB,
            "Il est arrivé hier soir.",
            &[("hier soir", "2025-04-02TEV")],
        ),
        (
            "fr",
            PUB,
            "Aujourd'hui, la ville se réveille.",
            &[("Aujourd'hui", "PRESENT_REF")],
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
            &[("Le 12 mars", "2025-03-12")],
        ),
        (
            "fr",
            PUB,
            "L'été dernier a été chaud.",
            &[("L'été dernier", "2024-SU")],
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
            &[
                ("Le 3 mai 2022", "2022-05-03"),
                ("le lendemain", "2022-05-04"),
            ],
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
fn french_weekday_direction() {
    check(&[
        // Published on Thursday 2025-04-03.
        (
            "fr",
            PUB,
            "Il a parlé mardi devant les députés.",
            &[("mardi", "2025-04-01")],
        ),
        (
            "fr",
            PUB,
            "Il se rendra à Dakar mardi.",
            &[("mardi", "2025-04-08")],
        ),
        (
            "fr",
            PUB,
            "Le conseil se réunira jeudi.",
            &[("jeudi", "2025-04-03")],
        ),
        (
            "fr",
            PUB,
            "La caméra a filmé la scène samedi.",
            &[("samedi", "2025-03-29")],
        ),
        // An imperfect of a verb in -rer is not a conditional: the bare
        // weekday stays in the days just past.
        (
            "fr",
            PUB,
            "Parmi les invités présents mardi figuraient deux anciens ministres.",
            &[("mardi", "2025-04-01")],
        ),
        (
            "fr",
            PUB,
            "Le maire déclarait mardi que le projet était abandonné.",
            &[("mardi", "2025-04-01")],
        ),
        // A conditional in reported speech still looks ahead.
        (
            "fr",
            PUB,
            "Elle a indiqué qu'elle se rendrait à Dakar mardi.",
            &[("mardi", "2025-04-08")],
        ),
        (
            "fr",
            PUB,
            "Il a précisé que les ministres pourraient se voir mardi.",
            &[("mardi", "2025-04-08")],
        ),
    ]);
}

#[test]
fn french_month_takes_publication_year() {
    check(&[
        // Published 2025-04-03.
        (
            "fr",
            PUB,
            "Le SMIC passera à 1 801,80 euros au 1er janvier.",
            &[("1er janvier", "2026-01-01")],
        ),
        (
            "fr",
            PUB,
            "Le traité a été signé le 12 novembre.",
            &[("le 12 novembre", "2024-11-12")],
        ),
        (
            "fr",
            PUB,
            "En janvier, les trois pays se sont retirés.",
            &[("janvier", "2025-01")],
        ),
        (
            "fr",
            PUB,
            "Il se rendrait à Moscou en juin.",
            &[("juin", "2025-06")],
        ),
        (
            "fr",
            NO_PUB,
            "Mai 68 reste dans les mémoires ; l'hiver 54 aussi.",
            &[("Mai 68", "1968-05"), ("l'hiver 54", "1954-WI")],
        ),
        ("fr", NO_PUB, "Il y a 2000 ans, Jules César.", &[]),
    ]);
}
