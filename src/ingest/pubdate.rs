//! Publication dates as bylines and feeds write them, in French and English,
//! normalised to ISO 8601 (`2025-04-03`, or `2025-04-03T10:12` with a time).
//!
//! This reads the date of a byline line, not dates in running text (that is
//! the extractor's job).

use crate::calendar::Kind;
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Month and weekday names as bylines write them, from the one calendar
/// table ([`crate::calendar`]): every CLDR form lower-cased without its
/// final dot, the same without accents (`fevrier`, `aout`), and the
/// shortenings of a wide name that name one month only (`fév`, `sept`,
/// `thurs`).
struct Calendar {
    months: HashMap<String, i8>,
    weekdays: HashSet<String>,
}

fn calendar() -> &'static Calendar {
    static CAL: OnceLock<Calendar> = OnceLock::new();
    CAL.get_or_init(|| {
        let mut whole: HashMap<String, i8> = HashMap::new();
        let mut short: HashMap<String, Option<i8>> = HashMap::new();
        let mut weekdays = HashSet::new();
        for name in crate::calendar::names() {
            let lower = name.form.to_lowercase();
            let lower = lower.trim_end_matches('.');
            for form in [lower.to_string(), fold(lower)] {
                let chars: Vec<char> = form.chars().collect();
                let shortenings = (3..chars.len()).map(|n| chars[..n].iter().collect::<String>());
                match name.kind {
                    Kind::Weekday => {
                        weekdays.extend(shortenings);
                        weekdays.insert(form);
                    }
                    Kind::Month => {
                        let n = name.number as i8;
                        for f in shortenings {
                            // two months sharing a shortening ("jui") lose it
                            let slot = short.entry(f).or_insert(Some(n));
                            if *slot != Some(n) {
                                *slot = None;
                            }
                        }
                        whole.insert(form, n);
                    }
                }
            }
        }
        let mut months: HashMap<String, i8> = short
            .into_iter()
            .filter_map(|(f, n)| Some((f, n?)))
            .collect();
        months.extend(whole);
        Calendar { months, weekdays }
    })
}

/// `février` -> `fevrier`: without combining marks.
fn fold(s: &str) -> String {
    s.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// Words that may surround a date in a byline without making it something else.
const FILLER: &[&str] = &[
    "le", "à", "a", "at", "on", "the", "of", "de", "du", "h", "am", "pm", "a.m", "p.m", "utc",
    "gmt", "z", "heure", "heures", "cet", "cest", "bst", "est", "edt", "pst", "pdt", "et", "pt",
    "local", "time",
];

/// Day order for all-numeric dates such as `03/04/2025`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    /// 03/04/2025 is 3 April (French, British).
    DayFirst,
    /// 03/04/2025 is 4 March (American), unless the first number is over 12.
    MonthFirst,
}

/// The date (and time, if any) in `s`, as ISO 8601. `None` when `s` holds no
/// complete date (day, month and year).
pub fn parse(s: &str, order: NumericOrder) -> Option<String> {
    parse_inner(s, order, false)
}

/// Like [`parse`], but only when `s` is nothing but a date: every word is a
/// number, a month, a weekday or a connecting word ("le", "à", "at" ...).
pub fn parse_strict(s: &str, order: NumericOrder) -> Option<String> {
    parse_inner(s, order, true)
}

fn parse_inner(s: &str, order: NumericOrder, strict: bool) -> Option<String> {
    if let Some(iso) = find_iso(s) {
        if strict && !only_date_words(s, true) {
            return None;
        }
        return Some(iso);
    }
    let tokens = tokens(s);
    if strict && !only_date_words(s, false) {
        return None;
    }
    let (date, after) = numeric_date(&tokens, order).or_else(|| word_date(&tokens))?;
    let time = find_time(&tokens[after..]);
    Some(match time {
        Some((h, m, utc)) => format!("{date}T{h:02}:{m:02}{}", if utc { "Z" } else { "" }),
        None => date.to_string(),
    })
}

/// Lowercased tokens: runs of letters, digits, and the punctuation inside
/// them that matters for dates and times (`10h12`, `10:12`, `03/04/2025`).
fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '|' | '·' | '—' | '–'))
        .map(|t| t.trim_matches(|c: char| matches!(c, '.' | ':' | ';' | '-')))
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
        .collect()
}

fn only_date_words(s: &str, iso: bool) -> bool {
    tokens(s).iter().all(|t| {
        t.chars().next().is_some_and(|c| c.is_ascii_digit())
            || month(t).is_some()
            || FILLER.contains(&t.trim_end_matches('.'))
            || calendar().weekdays.contains(t.trim_end_matches('.'))
            || iso && t.contains('t')
    })
}

fn month(token: &str) -> Option<i8> {
    calendar().months.get(token.trim_end_matches('.')).copied()
}

/// A day number: `3`, `03`, `1er`, `3rd`, `21st`.
fn day(token: &str) -> Option<i8> {
    let digits: String = token.chars().take_while(|c| c.is_ascii_digit()).collect();
    let suffix = &token[digits.len()..];
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    if !matches!(suffix, "" | "er" | "st" | "nd" | "rd" | "th" | "e") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(token: &str) -> Option<i16> {
    if token.len() == 4 && token.chars().all(|c| c.is_ascii_digit()) {
        token.parse().ok().filter(|y| (1000..=2999).contains(y))
    } else {
        None
    }
}

fn valid(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// `3 avril 2025`, `1er avril 2025`, `April 3, 2025`, `3rd April 2025`.
/// Returns the date and the index of the token after it.
fn word_date(tokens: &[String]) -> Option<(Date, usize)> {
    for (i, t) in tokens.iter().enumerate() {
        let Some(m) = month(t) else { continue };
        let Some((y, yi)) = tokens
            .get(i + 1..)
            .into_iter()
            .flatten()
            .enumerate()
            .take(2)
            .find_map(|(k, t)| year(t).map(|y| (y, i + 1 + k)))
        else {
            continue;
        };
        // Day before the month (French, British) or right after it (American).
        let before = i.checked_sub(1).and_then(|j| day(&tokens[j]));
        let after = if yi == i + 2 {
            day(&tokens[i + 1])
        } else {
            None
        };
        if let Some(d) = before.or(after)
            && let Some(date) = valid(y, m, d)
        {
            return Some((date, yi + 1));
        }
    }
    None
}

/// `03/04/2025`, `3.4.2025`, `03-04-2025`.
fn numeric_date(tokens: &[String], order: NumericOrder) -> Option<(Date, usize)> {
    for (i, t) in tokens.iter().enumerate() {
        let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
        let [a, b, y] = parts[..] else { continue };
        let (Ok(a), Ok(b), Some(y)) = (a.parse::<i8>(), b.parse::<i8>(), year(y)) else {
            continue;
        };
        let (d, m) = match order {
            NumericOrder::MonthFirst if a <= 12 => (b, a),
            NumericOrder::MonthFirst | NumericOrder::DayFirst if b <= 12 => (a, b),
            _ => (b, a),
        };
        if let Some(date) = valid(y, m, d) {
            return Some((date, i + 1));
        }
    }
    None
}

/// `10h12`, `10 h 12`, `10h`, `10:12`, `10:12 pm`, `10:12 a.m.`.
/// Returns hour, minute and whether the time is given in UTC/GMT.
fn find_time(tokens: &[String]) -> Option<(i8, i8, bool)> {
    for (i, t) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1).map(String::as_str);
        let (h, m, used) = if let Some((h, m)) = t.split_once(['h', ':']) {
            let Ok(h) = h.parse::<i8>() else { continue };
            if m.is_empty() {
                // `10h` followed by minutes, or none
                match next.and_then(|n| n.parse::<i8>().ok()) {
                    Some(m) => (h, m, 2),
                    None => (h, 0, 1),
                }
            } else {
                let m: String = m.chars().take_while(|c| c.is_ascii_digit()).collect();
                let Ok(m) = m.parse::<i8>() else { continue };
                (h, m, 1)
            }
        } else if next == Some("h") && t.chars().all(|c| c.is_ascii_digit()) {
            let Ok(h) = t.parse::<i8>() else { continue };
            match tokens.get(i + 2).and_then(|n| n.parse::<i8>().ok()) {
                Some(m) => (h, m, 3),
                None => (h, 0, 2),
            }
        } else {
            continue;
        };
        let rest: Vec<&str> = tokens[i + used..]
            .iter()
            .take(2)
            .map(|s| s.trim_end_matches('.'))
            .collect();
        let pm = rest.first().is_some_and(|s| matches!(*s, "pm" | "p.m"));
        let am = rest.first().is_some_and(|s| matches!(*s, "am" | "a.m"));
        let h = match (am, pm, h) {
            (_, true, 1..=11) => h + 12,
            (true, _, 12) => 0,
            _ => h,
        };
        let utc = rest.iter().any(|s| matches!(*s, "utc" | "gmt" | "z"));
        if (0..=23).contains(&h) && (0..=59).contains(&m) {
            return Some((h, m, utc));
        }
    }
    None
}

/// An ISO 8601 date or date-time anywhere in `s`, returned as written
/// (`2025-04-03`, `2025-04-03T10:12:00+02:00`), if its date part is valid.
fn find_iso(s: &str) -> Option<String> {
    for word in s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '|')) {
        let word = word.trim_end_matches(['.', ';']);
        let Some(date_part) = word.get(..10) else {
            continue;
        };
        let rest = &word[10..];
        let bytes = date_part.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            continue;
        }
        let (Ok(y), Ok(m), Ok(d)) = (
            date_part[..4].parse::<i16>(),
            date_part[5..7].parse::<i8>(),
            date_part[8..].parse::<i8>(),
        ) else {
            continue;
        };
        if valid(y, m, d).is_none() {
            continue;
        }
        if rest.is_empty() {
            return Some(date_part.to_string());
        }
        if rest.starts_with(['T', ' ']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return Some(word.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumericOrder::*;

    #[test]
    fn parses_french_and_english_dates() {
        let cases: &[(&str, NumericOrder, Option<&str>)] = &[
            ("3 avril 2025 à 10h12", DayFirst, Some("2025-04-03T10:12")),
            ("le 1er août 2024", DayFirst, Some("2024-08-01")),
            (
                "jeudi 3 avril 2025 à 10 h 12",
                DayFirst,
                Some("2025-04-03T10:12"),
            ),
            ("12 févr. 2024", DayFirst, Some("2024-02-12")),
            ("April 3, 2025", MonthFirst, Some("2025-04-03")),
            (
                "Thursday, April 3, 2025 at 10:12 p.m.",
                MonthFirst,
                Some("2025-04-03T22:12"),
            ),
            (
                "3rd April 2025, 09:05 GMT",
                DayFirst,
                Some("2025-04-03T09:05Z"),
            ),
            (
                "Apr. 3, 2025 12:30 am",
                MonthFirst,
                Some("2025-04-03T00:30"),
            ),
            ("03/04/2025", DayFirst, Some("2025-04-03")),
            ("03/04/2025", MonthFirst, Some("2025-03-04")),
            ("25/12/2024", MonthFirst, Some("2024-12-25")),
            ("3.4.2025 10:00", DayFirst, Some("2025-04-03T10:00")),
            ("2025-04-03", DayFirst, Some("2025-04-03")),
            (
                "mis en ligne 2025-04-03 à 10h",
                DayFirst,
                Some("2025-04-03"),
            ),
            (
                "2025-04-03T10:12:00+02:00",
                DayFirst,
                Some("2025-04-03T10:12:00+02:00"),
            ),
            ("31 février 2025", DayFirst, None),
            ("avril 2025", DayFirst, None),
            ("no date here", DayFirst, None),
            ("2025-13-03", DayFirst, None),
        ];
        for (input, order, want) in cases {
            assert_eq!(parse(input, *order).as_deref(), *want, "{input}");
        }
    }

    /// Every month spelling bylines use comes from the calendar table.
    #[test]
    fn month_names_come_from_the_calendar_table() {
        let cases: &[(&str, Option<i8>)] = &[
            ("janvier", Some(1)),
            ("janv", Some(1)),
            ("jan", Some(1)),
            ("fevrier", Some(2)),
            ("févr", Some(2)),
            ("fév", Some(2)),
            ("fev", Some(2)),
            ("mars", Some(3)),
            ("mar", Some(3)),
            ("may", Some(5)),
            ("juin", Some(6)),
            ("jun", Some(6)),
            ("juil", Some(7)),
            ("jui", None),
            ("aout", Some(8)),
            ("sept", Some(9)),
            ("sep", Some(9)),
            ("déc", Some(12)),
            ("decembre", Some(12)),
            ("lundi", None),
            ("ma", None),
        ];
        for (token, want) in cases {
            assert_eq!(month(token), *want, "{token}");
        }
        for weekday in ["lundi", "mer", "thurs", "tues", "sunday", "dim"] {
            assert!(calendar().weekdays.contains(weekday), "{weekday}");
        }
    }

    #[test]
    fn strict_accepts_only_a_date() {
        assert!(parse_strict("Jeudi 3 avril 2025", DayFirst).is_some());
        assert!(parse_strict("April 3, 2025", MonthFirst).is_some());
        assert!(parse_strict("Le sommet s'est tenu le 3 avril 2025", DayFirst).is_none());
        assert!(parse_strict("Talks resumed on April 3, 2025 in Geneva", MonthFirst).is_none());
    }
}
