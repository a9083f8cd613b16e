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
        .map(|t| (text[t.span.range()].to_string(), t.value.to_string()))
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
            &[
                ("le 3 mai 2024", "2024-05-03"),
                ("le 4 June 2024", "2024-06-04"),
            ],
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
            .all(|t| t.value.to_string() != "2024-02-31")
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
        ("2024", "2024-Q1", Less),
        ("2024-Q1", "2024-01", Less),
        ("2024-03", "2024-Q2", Less),
        ("2024-Q2", "2024-Q3", Less),
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
        ("2024-Q1", "fr", "1er trimestre 2024"),
        ("2024-Q3", "fr", "3e trimestre 2024"),
        ("XXXX-Q2", "en", "Q2 (year unknown)"),
    ];
    for (value, lang, want) in cases {
        assert_eq!(describe(value, lang), want, "{value} in {lang}");
    }
}

/// Random sequences of date-like pieces: no panic, spans on char boundaries,
/// in order, not overlapping, range links symmetric.
#[test]
fn random_pieces_keep_invariants() {
    const PIECES: &[&str] = &[
        "le",
        "la",
        "l'",
        "du",
        "au",
        "entre",
        "et",
        "de",
        "d'",
        "from",
        "to",
        "between",
        "and",
        "the",
        "il",
        "y",
        "a",
        "3",
        "31",
        "1er",
        "3rd",
        "2020",
        "1999",
        "23",
        "05",
        "12",
        "1990s",
        "'90s",
        "mars",
        "Mars",
        "May",
        "mai",
        "janv.",
        "Sept",
        "mardi",
        "Tuesday",
        "sam.",
        "été",
        "summer",
        "fall",
        "années",
        "XXe",
        "siècle",
        "century",
        "hier",
        "aujourd'hui",
        "avant-hier",
        "yesterday",
        "ago",
        "dernier",
        "prochain",
        "last",
        "next",
        "following",
        "semaine",
        "mois",
        "an",
        "année",
        "week",
        "year",
        "days",
        "trois",
        "two",
        "plus",
        "tard",
        "later",
        "trimestre",
        "Q3",
        "T1",
        "/",
        "-",
        "–",
        ".",
        ",",
        ":",
        "%",
        "€",
        "$",
        "\n\n",
        "\n",
        " ",
        "\u{a0}",
        "é",
        "\u{301}",
        "日本",
        "Москва",
        "soldats",
        "people",
        "Street",
        "Market",
        "will",
        "a",
        "été",
        "signé",
        "sera",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..3000 {
        let n = (next() % 12 + 1) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            if next() % 3 != 0 {
                text.push(' ');
            }
        }
        for (lang, published) in [
            ("fr", Some("2025-04-03")),
            ("en", None),
            ("", Some("2024-02-29")),
        ] {
            let dates = find_dates(&text, &ctx(lang, published));
            let mut last_end = 0;
            for (k, d) in dates.iter().enumerate() {
                assert!(
                    d.span.start < d.span.end,
                    "round {round}: empty span in {text:?}"
                );
                assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
                assert!(
                    d.span.start >= last_end,
                    "round {round}: overlap in {text:?}: {dates:?}"
                );
                assert!(
                    !text[d.span.range()].contains("\n\n"),
                    "round {round}: blank line in {text:?}"
                );
                last_end = d.span.end;
                if let Some(o) = d.range_with {
                    assert_eq!(dates[o].range_with, Some(k), "round {round}: {text:?}");
                }
                let text = d.value.to_string();
                assert_eq!(text.parse::<DateValue>().ok(), Some(d.value), "{text}");
            }
        }
    }
}

#[test]
fn calendar_lexicon_is_complete() {
    use super::lexicon::{Lang, lexicon};
    let lex = lexicon();
    for lang in [Lang::Fr, Lang::En] {
        for m in 1..=12 {
            assert!(!lex.month_name(lang, m).is_empty(), "{lang:?} month {m}");
        }
        for d in 1..=7 {
            assert!(
                !lex.weekday_name(lang, d).is_empty(),
                "{lang:?} weekday {d}"
            );
        }
    }
    assert_eq!(lex.month_name(Lang::Fr, 8), "août");
    assert_eq!(lex.weekday_name(Lang::En, 1), "Monday");
    assert_eq!(lex.month_name(Lang::Fr, 13), "");
}

/// The tokenizer reads ASCII byte by byte and hands over to a char loop at
/// the first non-ASCII byte: words that mix both, decomposed accents and
/// mixed letters and digits come out whole, with the right case and lower form.
#[test]
fn tokenizer_words_mixing_ascii_and_accents() {
    use super::token::{Case, Tk, tokenize};
    let text = "Décembre DÉCEMBRE aou\u{302}t Août ÉTÉ A380 1er 1990s l'été mars";
    let toks = tokenize(text);
    let got: Vec<(&str, Tk, Case, &str)> = toks
        .toks
        .iter()
        .map(|t| {
            (
                &text[t.start..t.end],
                t.kind,
                t.case,
                &toks.lower[t.lo.0 as usize..t.lo.1 as usize],
            )
        })
        .collect();
    let want: Vec<(&str, Tk, Case, &str)> = vec![
        ("Décembre", Tk::Word, Case::Title, "décembre"),
        ("DÉCEMBRE", Tk::Word, Case::Upper, "décembre"),
        ("aou\u{302}t", Tk::Word, Case::Lower, "août"),
        ("Août", Tk::Word, Case::Title, "août"),
        ("ÉTÉ", Tk::Word, Case::Upper, "été"),
        ("A380", Tk::Other, Case::Title, ""),
        ("1er", Tk::Ordinal { v: 1 }, Case::Lower, ""),
        ("1990s", Tk::Decade { v: 1990, digits: 4 }, Case::Lower, ""),
        ("l", Tk::Word, Case::Lower, "l"),
        ("'", Tk::Punct('\''), Case::Lower, ""),
        ("été", Tk::Word, Case::Lower, "été"),
        ("mars", Tk::Word, Case::Lower, "mars"),
    ];
    assert_eq!(got, want);
    assert!(!toks.toks[1].entries.is_empty(), "DÉCEMBRE is a month");
    assert!(
        !toks.toks[2].entries.is_empty(),
        "decomposed août is a month"
    );
    assert!(!toks.toks[3].entries.is_empty(), "Août is a month");
}

/// A part of the day after a day word or a weekday belongs to the date, and
/// to its value as TimeML writes it (`TMO`, `TAF`, `TEV`, `TNI`).
#[test]
fn part_of_day_joins_the_day() {
    type Case = (
        &'static str,
        &'static str,
        &'static [(&'static str, &'static str)],
    );
    let cases: &[Case] = &[
        (
            "fr",
            "La cathédrale a rouvert hier soir devant les invités.",
            &[("hier soir", "2024-12-07TEV")],
        ),
        (
            "fr",
            "Le vote aura lieu demain matin, puis samedi après-midi.",
            &[
                ("demain matin", "2024-12-09TMO"),
                ("samedi après-midi", "2024-12-14TAF"),
            ],
        ),
        (
            "en",
            "The talks ended yesterday evening and will resume on Monday morning.",
            &[
                ("yesterday evening", "2024-12-07TEV"),
                ("Monday morning", "2024-12-09TMO"),
            ],
        ),
        // a part of the day on the next line is not part of the date
        (
            "fr",
            "Il est parti hier\nSoir de fête.",
            &[("hier", "2024-12-07")],
        ),
        (
            "en",
            "It rained yesterday; evenings were cold.",
            &[("yesterday", "2024-12-07")],
        ),
    ];
    for (lang, text, want) in cases {
        let got = run(lang, Some("2024-12-08"), text);
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "{text:?}");
    }
}
