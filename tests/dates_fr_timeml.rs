//! French date table tests for the TimeML conventions: extents with their
//! determiners and modifiers, vague references, parts of the day, clock
//! times, quarters and halves, and the tense of the clause. Sentences
//! written for these tests.

mod dates_table;

use dates_table::{NO_PUB, PUB, check};

/// Wednesday 17 December 2025, late in the year.
const DEC: Option<&str> = Some("2025-12-17");

#[test]
fn french_extents_take_determiners_and_modifiers() {
    check(&[
        (
            "fr",
            NO_PUB,
            "Le chantier avait commencé le 4 mars 2019.",
            &[("le 4 mars 2019", "2019-03-04")],
        ),
        (
            "fr",
            NO_PUB,
            "Le musée ouvrira en l'année 2031.",
            &[("l'année 2031", "2031")],
        ),
        (
            "fr",
            NO_PUB,
            "Les récoltes du mois de septembre ont déçu.",
            &[("mois de septembre", "XXXX-09")],
        ),
        (
            "fr",
            PUB,
            "Les travaux reprendront début mai.",
            &[("début mai", "2025-05")],
        ),
        (
            "fr",
            PUB,
            "Les résultats sont attendus pour la fin de l'année prochaine.",
            &[("la fin de l'année prochaine", "2026")],
        ),
        (
            "fr",
            PUB,
            "Ce jeudi, la mairie reçoit les habitants.",
            &[("Ce jeudi", "2025-04-03")],
        ),
        // a preposition stays outside: "en", "depuis", "du ... au"
        (
            "fr",
            NO_PUB,
            "Il vit à Lille depuis 2012.",
            &[("2012", "2012")],
        ),
    ]);
}

#[test]
fn french_vague_references() {
    check(&[
        (
            "fr",
            PUB,
            "La salle est désormais fermée le soir.",
            &[("désormais", "PRESENT_REF")],
        ),
        (
            "fr",
            PUB,
            "Le club compte actuellement trois cents membres.",
            &[("actuellement", "PRESENT_REF")],
        ),
        (
            "fr",
            PUB,
            "Le pont a été récemment repeint.",
            &[("récemment", "PAST_REF")],
        ),
        // "aujourd'hui" with the present tense is the present; with a
        // compound past or a weekday it is the day
        (
            "fr",
            PUB,
            "Aujourd'hui, les jeunes lisent moins de journaux.",
            &[("Aujourd'hui", "PRESENT_REF")],
        ),
        (
            "fr",
            PUB,
            "Le maire a annoncé aujourd'hui sa démission.",
            &[("aujourd'hui", "2025-04-03")],
        ),
        (
            "fr",
            PUB,
            "La foire ouvre aujourd'hui jeudi.",
            &[("aujourd'hui jeudi", "2025-04-03")],
        ),
        // inside a noun phrase, before the participle it qualifies, "désormais" is not a date
        ("fr", PUB, "Un accord désormais destiné à durer.", &[]),
    ]);
}

#[test]
fn french_parts_of_day_and_clock_times() {
    check(&[
        (
            "fr",
            PUB,
            "L'incendie s'est déclaré hier matin.",
            &[("hier matin", "2025-04-02TMO")],
        ),
        (
            "fr",
            PUB,
            "La réunion a eu lieu ce soir à la mairie.",
            &[("ce soir", "2025-04-03TEV")],
        ),
        (
            "fr",
            PUB,
            "Les pompiers sont arrivés à 21 h 45.",
            &[("21 h 45", "2025-04-03T21:45")],
        ),
        (
            "fr",
            PUB,
            "Le train est parti hier à 6 h 10.",
            &[("hier à 6 h 10", "2025-04-02T06:10")],
        ),
        (
            "fr",
            PUB,
            "Rendez-vous lundi à 14h30 devant la gare.",
            &[("lundi à 14h30", "2025-03-31T14:30")],
        ),
        (
            "fr",
            PUB,
            "Le marché ferme à midi.",
            &[("midi", "2025-04-03T12:00")],
        ),
        (
            "fr",
            PUB,
            "Les vents ont soufflé dans la nuit.",
            &[("la nuit", "2025-04-03TNI")],
        ),
        // "le Midi" is a region, "3 h" of a count of hours after "les" is not a time
        ("fr", PUB, "Il part vivre dans le Midi.", &[]),
    ]);
}

#[test]
fn french_quarters_halves_and_seasons() {
    check(&[
        (
            "fr",
            NO_PUB,
            "Le premier semestre 2024 a été difficile.",
            &[("Le premier semestre 2024", "2024-H1")],
        ),
        (
            "fr",
            NO_PUB,
            "Les ventes du troisième trimestre 2023 ont progressé.",
            &[("troisième trimestre 2023", "2023-Q3")],
        ),
        (
            "fr",
            PUB,
            "Le festival aura lieu cet été.",
            &[("cet été", "2025-SU")],
        ),
        (
            "fr",
            PUB,
            "Le stade sera prêt ce week-end.",
            &[("ce week-end", "2025-W14-WE")],
        ),
    ]);
}

/// Issue 14: months and weekdays resolved by the tense and the time of year.
#[test]
fn french_tense_and_time_of_year() {
    check(&[
        // in December, "d'ici la mi-janvier" is the coming January
        (
            "fr",
            DEC,
            "La ligne rouvrira d'ici la mi-janvier.",
            &[("mi-janvier", "2026-01")],
        ),
        // the past tense takes a month still ahead back to last year
        (
            "fr",
            PUB,
            "La digue avait cédé en octobre.",
            &[("octobre", "2024-10")],
        ),
        // a month just ahead in the present tense stays this year
        (
            "fr",
            PUB,
            "Les inscriptions ferment en juin.",
            &[("juin", "2025-06")],
        ),
        // "lundi de Pâques, 21 avril" is one date, not an extra "lundi"
        (
            "fr",
            PUB,
            "Le défilé aura lieu le lundi de Pâques, 21 avril.",
            &[("le lundi de Pâques, 21 avril", "2025-04-21")],
        ),
        (
            "fr",
            PUB,
            "La fête du lundi de Pâques attire du monde.",
            &[],
        ),
        // a weekday between a verb and a name is found
        (
            "fr",
            PUB,
            "Le tribunal a condamné jeudi Paul Martin à un an de prison.",
            &[("jeudi", "2025-04-03")],
        ),
        (
            "fr",
            PUB,
            "La cour a condamné mardi Jeanne Roy.",
            &[("mardi", "2025-04-01")],
        ),
        // plural shift after a day list
        (
            "fr",
            PUB,
            "Le vote aura lieu le 13 avril prochain.",
            &[("le 13 avril prochain", "2025-04-13")],
        ),
        (
            "fr",
            NO_PUB,
            "Il a été élu le 10 novembre 93.",
            &[("le 10 novembre 93", "1993-11-10")],
        ),
    ]);
}
