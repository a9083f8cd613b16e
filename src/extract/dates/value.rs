//! Ordering and describing ISO 8601 date values with unknown (`X`) parts.

use super::lexicon::{Lang, lexicon};
use super::typed::DateValue;
use std::cmp::Ordering;

/// Time order of two values written as text (see [`DateValue`]'s order):
/// `2019` < `2020` < `2020-03` < `2020-03-05` < `2020-XX` < `XXXX-01`;
/// unknown parts sort after known ones at their level. Values that are not
/// dates sort after all dates, by text.
pub fn compare_values(a: &str, b: &str) -> Ordering {
    match (a.parse::<DateValue>(), b.parse::<DateValue>()) {
        (Ok(x), Ok(y)) => x.cmp(&y).then_with(|| a.cmp(b)),
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        (Err(_), Err(_)) => a.cmp(b),
    }
}

/// A value as a reader would say it, in French (`lang` starting with `fr`)
/// or English: "janvier (année inconnue)", "juin 2025", "années 1990".
pub fn describe(value: &str, lang: &str) -> String {
    let fr = lang.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("fr"));
    describe_in(value, fr).unwrap_or_else(|| value.to_string())
}

fn describe_in(value: &str, fr: bool) -> Option<String> {
    let vague = match (value, fr) {
        ("PRESENT_REF", true) => Some("maintenant"),
        ("PRESENT_REF", false) => Some("now"),
        ("PAST_REF", true) => Some("dans le passé"),
        ("PAST_REF", false) => Some("in the past"),
        ("FUTURE_REF", true) => Some("à l'avenir"),
        ("FUTURE_REF", false) => Some("in the future"),
        _ => None,
    };
    if let Some(v) = vague {
        return Some(v.to_string());
    }
    if let Some((day, time)) = value.split_once('T') {
        let part = match (time, fr) {
            ("MO", true) => "matin".to_string(),
            ("AF", true) => "après-midi".to_string(),
            ("EV", true) => "soir".to_string(),
            ("NI", true) => "nuit".to_string(),
            ("MO", false) => "morning".to_string(),
            ("AF", false) => "afternoon".to_string(),
            ("EV", false) => "evening".to_string(),
            ("NI", false) => "night".to_string(),
            (t, true) => t.replacen(':', " h ", 1),
            (t, false) => t.to_string(),
        };
        return Some(format!("{}, {part}", describe_in(day, fr)?));
    }
    let lex = lexicon();
    let lang = if fr { Lang::Fr } else { Lang::En };
    let unknown_year = if fr {
        "année inconnue"
    } else {
        "year unknown"
    };
    let parts: Vec<&str> = value.split('-').collect();
    let y = parts[0];
    let year_known = y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    let year_unknown = y == "XXXX";
    if !(year_known || year_unknown) {
        // Decades and centuries.
        if parts.len() != 1 {
            return None;
        }
        if y.len() == 4 && y.ends_with('X') && y[..3].bytes().all(|b| b.is_ascii_digit()) {
            return Some(if fr {
                format!("années {}0", &y[..3])
            } else {
                format!("{}0s", &y[..3])
            });
        }
        let century = y.strip_suffix("XX").unwrap_or(y);
        if century.len() == 2 {
            let c: u32 = century.parse().ok()?;
            let n = c + 1;
            return Some(if fr {
                format!("{}e siècle", roman(n))
            } else {
                format!("{}{} century", n, ordinal_suffix(n))
            });
        }
        return None;
    }
    let with_year = |s: String| -> String {
        if year_known {
            format!("{s} {y}")
        } else {
            format!("{s} ({unknown_year})")
        }
    };
    match parts.as_slice() {
        [_] => Some(if year_known {
            y.to_string()
        } else {
            (if fr {
                "année inconnue"
            } else {
                "unknown year"
            })
            .to_string()
        }),
        [_, "XX"] => Some(with_year(
            (if fr { "mois inconnu" } else { "unknown month" }).to_string(),
        )),
        [_, "XX", "XX"] => Some(if year_known {
            format!(
                "{} {y}",
                if fr {
                    "jour inconnu en"
                } else {
                    "unknown day in"
                }
            )
        } else {
            (if fr { "jour inconnu" } else { "unknown day" }).to_string()
        }),
        [_, s @ ("SP" | "SU" | "FA" | "WI")] => {
            let name = match (*s, fr) {
                ("SP", true) => "printemps",
                ("SU", true) => "été",
                ("FA", true) => "automne",
                ("WI", true) => "hiver",
                ("SP", false) => "spring",
                ("SU", false) => "summer",
                ("FA", false) => "autumn",
                _ => "winter",
            };
            Some(with_year(name.to_string()))
        }
        [_, h] if h.len() == 2 && h.starts_with('H') => {
            let n: u8 = h[1..].parse().ok().filter(|n| (1..=2).contains(n))?;
            let name = match (n, fr) {
                (1, true) => "1er semestre",
                (_, true) => "2e semestre",
                (1, false) => "H1",
                (_, false) => "H2",
            };
            Some(with_year(name.to_string()))
        }
        [_, q] if q.len() == 2 && q.starts_with('Q') => {
            let n: u8 = q[1..].parse().ok().filter(|n| (1..=4).contains(n))?;
            let name = if fr {
                format!(
                    "{} trimestre",
                    if n == 1 {
                        "1er".to_string()
                    } else {
                        format!("{n}e")
                    }
                )
            } else {
                format!("Q{n}")
            };
            Some(with_year(name))
        }
        [_, "WXX"] => Some(
            (if fr {
                "semaine inconnue"
            } else {
                "unknown week"
            })
            .to_string(),
        ),
        [_, "WXX", d] => {
            let d: u8 = d.parse().ok()?;
            let name = lex.weekday_name(lang, d);
            (!name.is_empty()).then(|| {
                format!(
                    "{name} ({})",
                    if fr { "date inconnue" } else { "date unknown" }
                )
            })
        }
        [_, w] if w.starts_with('W') => {
            let n: u8 = w[1..].parse().ok()?;
            Some(if year_known {
                if fr {
                    format!("semaine {n} de {y}")
                } else {
                    format!("week {n} of {y}")
                }
            } else if fr {
                format!("semaine {n} ({unknown_year})")
            } else {
                format!("week {n} ({unknown_year})")
            })
        }
        [_, m] => {
            let m: u8 = m.parse().ok()?;
            let name = lex.month_name(lang, m);
            (!name.is_empty()).then(|| with_year(name.to_string()))
        }
        [_, m, d] => {
            let m: u8 = m.parse().ok()?;
            let d: u8 = d.parse().ok()?;
            let name = lex.month_name(lang, m);
            if name.is_empty() {
                return None;
            }
            let day = if fr && d == 1 {
                "1er".to_string()
            } else {
                d.to_string()
            };
            Some(with_year(format!("{day} {name}")))
        }
        _ => None,
    }
}

fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}
