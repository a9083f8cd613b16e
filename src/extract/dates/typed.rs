//! Typed date values: what an expression means, as a struct the reader can
//! sort and describe without parsing, written out as a TimeML / ISO 8601
//! value (`2024-06`, `1999-05-19TMO`, `1990-Q3`, `PRESENT_REF`).

use super::lexicon::Season;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// The value of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateValue {
    /// A point or period on the calendar, with `X` for what the text leaves out.
    Cal(CalValue),
    /// A vague reference to the present, the past or the future ("now",
    /// "recently", "désormais"): TimeML's `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(TimeRef),
}

/// A calendar value: a year, a part of it, a day, a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CalValue {
    pub year: Year,
    pub part: Part,
    pub day: Option<Day>,
    pub time: Option<Clock>,
}

/// The year, or the decade or century it is known to within.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Year {
    Known(i32),
    /// By its first three digits: 199 for the 1990s (`199X`).
    Decade(i32),
    /// By its first two digits: 19 for the 20th century (`19XX`).
    Century(i32),
    Unknown,
}

/// The part of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Whole,
    Month(u8),
    UnknownMonth,
    Season(SeasonCode),
    Quarter(u8),
    Half(u8),
    Week(u8),
    UnknownWeek,
}

/// A season, as TimeML writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SeasonCode {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl From<Season> for SeasonCode {
    fn from(s: Season) -> Self {
        match s {
            Season::Spring => SeasonCode::Spring,
            Season::Summer => SeasonCode::Summer,
            Season::Autumn => SeasonCode::Autumn,
            Season::Winter => SeasonCode::Winter,
        }
    }
}

impl SeasonCode {
    pub fn code(self) -> &'static str {
        match self {
            SeasonCode::Spring => "SP",
            SeasonCode::Summer => "SU",
            SeasonCode::Autumn => "FA",
            SeasonCode::Winter => "WI",
        }
    }
}

/// The day within the part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Day {
    /// Day of the month.
    Of(u8),
    Unknown,
    /// ISO weekday 1 (Monday) - 7, within a week (`XXXX-WXX-2`).
    Weekday(u8),
    /// The weekend of a week (`2003-W05-WE`).
    Weekend,
}

/// The time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Clock {
    /// A part of the day: morning `MO`, afternoon `AF`, evening `EV`, night `NI`.
    Part(DayPart),
    /// Hours and minutes.
    At { h: u8, m: u8 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimeRef {
    Past,
    Present,
    Future,
}

impl CalValue {
    pub fn new(year: Year, part: Part, day: Option<Day>) -> CalValue {
        CalValue {
            year,
            part,
            day,
            time: None,
        }
    }
    /// Year, month and day with `None` for what is unknown (`XXXX-01`, `2020-XX-05`).
    pub fn ymd(y: Option<i32>, m: Option<u8>, d: Option<u8>) -> CalValue {
        let year = y.map_or(Year::Unknown, Year::Known);
        let part = match (m, d) {
            (Some(m), _) => Part::Month(m),
            (None, Some(_)) => Part::UnknownMonth,
            (None, None) => Part::Whole,
        };
        CalValue::new(year, part, d.map(Day::Of))
    }
}

impl DateValue {
    pub fn ymd(y: Option<i32>, m: Option<u8>, d: Option<u8>) -> DateValue {
        DateValue::Cal(CalValue::ymd(y, m, d))
    }
    pub fn cal(year: Year, part: Part, day: Option<Day>) -> DateValue {
        DateValue::Cal(CalValue::new(year, part, day))
    }

    /// The same value at a time of day ("hier matin", "21 h 45").
    pub fn at(self, time: Clock) -> DateValue {
        match self {
            DateValue::Cal(mut c) => {
                c.time = Some(time);
                DateValue::Cal(c)
            }
            r => r,
        }
    }

    /// A sort key: year (unknown digits last), part of the year (coarse before
    /// fine, unknown last), day, time; vague references after every date.
    fn key(&self) -> (u8, [u8; 4], u16, u16, u16) {
        let c = match self {
            DateValue::Ref(r) => return (1, [0; 4], *r as u16, 0, 0),
            DateValue::Cal(c) => c,
        };
        let digits = |s: String| {
            let mut out = [10u8; 4];
            for (k, b) in s.bytes().take(4).enumerate() {
                out[k] = if b.is_ascii_digit() { b - b'0' } else { 10 };
            }
            out
        };
        let year = match c.year {
            Year::Known(y) => digits(format!("{y:04}")),
            Year::Decade(d) => digits(format!("{d:03}X")),
            Year::Century(c) => digits(format!("{c:02}XX")),
            Year::Unknown => [10; 4],
        };
        let part = match c.part {
            Part::Whole => 0,
            Part::UnknownMonth => 990,
            Part::Season(s) => 35 + 30 * s as u16,
            Part::UnknownWeek => 995,
            Part::Quarter(n) => ((u16::from(n).clamp(1, 4) - 1) * 3 + 1) * 10 - 5,
            Part::Half(n) => ((u16::from(n).clamp(1, 2) - 1) * 6 + 1) * 10 - 6,
            Part::Week(n) => {
                // Place a week at the month it mostly falls in.
                let month = (u16::from(n).saturating_sub(1) * 7 + 3) * 12 / 365 + 1;
                month.min(12) * 10 + 3
            }
            Part::Month(m) => u16::from(m) * 10,
        };
        let day = match c.day {
            None => 0,
            Some(Day::Of(d)) => u16::from(d),
            Some(Day::Weekday(d)) => u16::from(d),
            Some(Day::Weekend) => 6,
            Some(Day::Unknown) => 99,
        };
        let time = match c.time {
            None => 0,
            Some(Clock::Part(p)) => 1 + 6 * 60 * (p as u16 + 1),
            Some(Clock::At { h, m }) => 1 + u16::from(h) * 60 + u16::from(m),
        };
        (0, year, part, day, time)
    }
}

impl Ord for DateValue {
    /// Time order: `2019` < `2020` < `2020-03` < `2020-03-05` <
    /// `2020-03-05T09:00` < `2020-XX` < `XXXX-01` < `PAST_REF`.
    fn cmp(&self, other: &Self) -> Ordering {
        self.key()
            .cmp(&other.key())
            .then_with(|| self.to_string().cmp(&other.to_string()))
    }
}

impl PartialOrd for DateValue {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = match self {
            DateValue::Ref(TimeRef::Past) => return f.write_str("PAST_REF"),
            DateValue::Ref(TimeRef::Present) => return f.write_str("PRESENT_REF"),
            DateValue::Ref(TimeRef::Future) => return f.write_str("FUTURE_REF"),
            DateValue::Cal(c) => c,
        };
        match c.year {
            Year::Known(y) => write!(f, "{y:04}")?,
            Year::Decade(d) => write!(f, "{d:03}X")?,
            Year::Century(c) => write!(f, "{c:02}XX")?,
            Year::Unknown => f.write_str("XXXX")?,
        }
        match c.part {
            Part::Whole => {}
            Part::Month(m) => write!(f, "-{m:02}")?,
            Part::UnknownMonth => f.write_str("-XX")?,
            Part::Season(s) => write!(f, "-{}", s.code())?,
            Part::Quarter(q) => write!(f, "-Q{q}")?,
            Part::Half(h) => write!(f, "-H{h}")?,
            Part::Week(w) => write!(f, "-W{w:02}")?,
            Part::UnknownWeek => f.write_str("-WXX")?,
        }
        match c.day {
            None => {}
            Some(Day::Of(d)) => write!(f, "-{d:02}")?,
            Some(Day::Unknown) => f.write_str("-XX")?,
            Some(Day::Weekday(d)) => write!(f, "-{d}")?,
            Some(Day::Weekend) => f.write_str("-WE")?,
        }
        match c.time {
            None => Ok(()),
            Some(Clock::Part(p)) => write!(f, "T{}", p.code()),
            Some(Clock::At { h, m }) => write!(f, "T{h:02}:{m:02}"),
        }
    }
}

/// A value that is not one lede writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadValue(pub String);

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a date value: {:?}", self.0)
    }
}

impl std::error::Error for BadValue {}

fn num<T: FromStr>(s: &str, len: usize) -> Option<T> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn parse_year(s: &str) -> Option<Year> {
    if s == "XXXX" {
        return Some(Year::Unknown);
    }
    if let Some(y) = num(s, 4) {
        return Some(Year::Known(y));
    }
    if let Some(d) = s.strip_suffix('X').and_then(|d| num(d, 3)) {
        return Some(Year::Decade(d));
    }
    s.strip_suffix("XX")
        .and_then(|c| num(c, 2))
        .or_else(|| num(s, 2))
        .map(Year::Century)
}

fn parse_part(s: &str) -> Option<Part> {
    Some(match s {
        "XX" => Part::UnknownMonth,
        "WXX" => Part::UnknownWeek,
        "SP" => Part::Season(SeasonCode::Spring),
        "SU" => Part::Season(SeasonCode::Summer),
        "FA" => Part::Season(SeasonCode::Autumn),
        "WI" => Part::Season(SeasonCode::Winter),
        _ => {
            let (tag, n) = s.split_at(1.min(s.len()));
            match tag {
                "Q" => Part::Quarter(num(n, 1).filter(|q| (1..=4).contains(q))?),
                "H" => Part::Half(num(n, 1).filter(|q| (1..=2).contains(q))?),
                "W" => Part::Week(num(n, 2).filter(|w| (1..=53).contains(w))?),
                _ => Part::Month(num(s, 2).filter(|m| (1..=12).contains(m))?),
            }
        }
    })
}

fn parse_clock(s: &str) -> Option<Clock> {
    Some(match s {
        "MO" => Clock::Part(DayPart::Morning),
        "AF" => Clock::Part(DayPart::Afternoon),
        "EV" => Clock::Part(DayPart::Evening),
        "NI" => Clock::Part(DayPart::Night),
        _ => {
            let (h, m) = s.split_once(':')?;
            let (h, m): (u8, u8) = (num(h, 2)?, num(m, 2)?);
            (h < 24 && m < 60).then_some(Clock::At { h, m })?
        }
    })
}

fn parse_cal(s: &str) -> Option<CalValue> {
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(parse_clock(t)?)),
        None => (s, None),
    };
    let mut parts = date.split('-');
    let year = parse_year(parts.next()?)?;
    let part = match parts.next() {
        None => Part::Whole,
        Some(p) => parse_part(p)?,
    };
    let day = match (parts.next(), part) {
        (None, _) => None,
        (Some("XX"), Part::Month(_) | Part::UnknownMonth) => Some(Day::Unknown),
        (Some(d), Part::Month(_) | Part::UnknownMonth) => {
            Some(Day::Of(num(d, 2).filter(|d| (1..=31).contains(d))?))
        }
        (Some("WE"), Part::Week(_) | Part::UnknownWeek) => Some(Day::Weekend),
        (Some(d), Part::Week(_) | Part::UnknownWeek) => {
            Some(Day::Weekday(num(d, 1).filter(|d| (1..=7).contains(d))?))
        }
        _ => return None,
    };
    if parts.next().is_some() || (time.is_some() && day.is_none()) {
        return None;
    }
    Some(CalValue {
        year,
        part,
        day,
        time,
    })
}

impl FromStr for DateValue {
    type Err = BadValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "PAST_REF" => Ok(DateValue::Ref(TimeRef::Past)),
            "PRESENT_REF" => Ok(DateValue::Ref(TimeRef::Present)),
            "FUTURE_REF" => Ok(DateValue::Ref(TimeRef::Future)),
            _ => parse_cal(s)
                .map(DateValue::Cal)
                .ok_or_else(|| BadValue(s.to_string())),
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_through_their_text() {
        for v in [
            "2020",
            "XXXX-01",
            "2025-06-03",
            "2025-W14",
            "XXXX-WXX-2",
            "2003-W05-WE",
            "2020-SU",
            "199X",
            "19XX",
            "1990-Q3",
            "1990-H1",
            "1999-05-19TMO",
            "1999-05-19T21:45",
            "XXXX-XX-XX",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
        ] {
            let parsed: DateValue = v.parse().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(parsed.to_string(), v);
        }
    }

    #[test]
    fn text_that_is_no_value_is_refused() {
        for bad in [
            "",
            "P1M",
            "2020-13",
            "2020-Q5",
            "1999-05-19T25:00",
            "2020T10:00",
            "abcd",
        ] {
            assert!(bad.parse::<DateValue>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn typed_values_sort_in_time_order() {
        let sorted = [
            "1989",
            "1990",
            "1990-H1",
            "1990-Q1",
            "1990-01",
            "1990-01-05",
            "1990-01-05TMO",
            "1990-01-05T21:45",
            "1990-Q3",
            "1990-SU",
            "1990-XX",
            "199X",
            "XXXX-01",
            "PAST_REF",
            "PRESENT_REF",
            "FUTURE_REF",
        ];
        let mut values: Vec<DateValue> = sorted.iter().rev().map(|v| v.parse().unwrap()).collect();
        values.sort();
        let back: Vec<String> = values.iter().map(ToString::to_string).collect();
        assert_eq!(back, sorted);
    }
}
