//! The publication date as a reader writes it: "5 décembre 2024 à 08 h 12",
//! "5 December 2024, 08:12", in the local time zone when the source gave an
//! offset; the ISO form stays beside it when there is a time.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// What the source gave: a moment (with an offset), a wall-clock time, a day.
enum Parsed {
    Moment(Timestamp),
    Clock(DateTime),
    Day(Date),
}

fn parse(raw: &str) -> Option<Parsed> {
    let raw = raw.trim();
    if let Ok(t) = raw.parse::<Timestamp>() {
        return Some(Parsed::Moment(t));
    }
    if raw.len() > 10
        && let Ok(d) = raw.parse::<DateTime>()
    {
        return Some(Parsed::Clock(d));
    }
    raw.get(..10)
        .unwrap_or(raw)
        .parse::<Date>()
        .ok()
        .map(Parsed::Day)
}

fn day(d: Date, fr: bool) -> String {
    let months = if fr { &MONTHS_FR } else { &MONTHS_EN };
    let month = months[usize::from(d.month().unsigned_abs()).clamp(1, 12) - 1];
    let n = if fr && d.day() == 1 {
        "1er".to_string()
    } else {
        d.day().to_string()
    };
    format!("{n} {month} {}", d.year())
}

fn clock(d: DateTime, fr: bool) -> String {
    if fr {
        format!(
            "{} à {:02} h {:02}",
            day(d.date(), fr),
            d.hour(),
            d.minute()
        )
    } else {
        format!("{}, {:02}:{:02}", day(d.date(), fr), d.hour(), d.minute())
    }
}

/// `raw` (ISO 8601) written for a French (`fr`) or English reader in time
/// zone `tz`; `None` when it is not a date (the caller shows it as it came).
pub fn human(raw: &str, fr: bool, tz: &TimeZone) -> Option<String> {
    Some(match parse(raw)? {
        Parsed::Moment(t) => {
            format!("{} ({})", clock(tz.to_datetime(t), fr), raw.trim())
        }
        Parsed::Clock(d) => format!("{} ({})", clock(d, fr), raw.trim()),
        Parsed::Day(d) => day(d, fr),
    })
}

/// [`human`] in the system's time zone, or `raw` itself.
pub fn local(raw: &str, fr: bool) -> String {
    human(raw, fr, &TimeZone::system()).unwrap_or_else(|| raw.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_each_language_and_zone() {
        let paris = TimeZone::fixed(jiff::tz::offset(1));
        let cases: &[(&str, bool, Option<&str>)] = &[
            ("2024-12-05", true, Some("5 décembre 2024")),
            ("2024-12-05", false, Some("5 December 2024")),
            ("2024-03-01", true, Some("1er mars 2024")),
            (
                "2024-12-05T08:12",
                true,
                Some("5 décembre 2024 à 08 h 12 (2024-12-05T08:12)"),
            ),
            (
                "2024-12-05T08:12",
                false,
                Some("5 December 2024, 08:12 (2024-12-05T08:12)"),
            ),
            // a moment with an offset is shown in the reader's zone
            (
                "2024-12-05T23:30:00Z",
                false,
                Some("6 December 2024, 00:30 (2024-12-05T23:30:00Z)"),
            ),
            (
                "2024-08-11T20:00:00+02:00",
                true,
                Some("11 août 2024 à 19 h 00 (2024-08-11T20:00:00+02:00)"),
            ),
            ("hier", true, None),
            ("", false, None),
        ];
        for &(raw, fr, want) in cases {
            assert_eq!(human(raw, fr, &paris).as_deref(), want, "{raw} fr={fr}");
        }
    }
}
