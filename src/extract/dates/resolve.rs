//! Turn recognised expressions into typed values, using the publication
//! date for what the text leaves relative.

use super::expr::{Expr, Found, QuarterWhich, Tense};
use super::lexicon::{Season, Shift, Unit};
use super::typed::{CalValue, Clock, DateValue, Day, Part, SeasonCode, TimeRef, Year};
use crate::extract::{Span, TimeExpr};
use jiff::civil::Date;

/// The last calendar date the text gave, for "the following year", "le
/// lendemain", "a year earlier" and a clock time alone.
#[derive(Debug, Clone, Copy, Default)]
struct Anchor {
    y: Option<i32>,
    m: Option<u8>,
    d: Option<u8>,
    q: Option<u8>,
}

impl Anchor {
    fn ymd(y: i32, m: Option<u8>, d: Option<u8>) -> Anchor {
        Anchor {
            y: Some(y),
            m,
            d,
            q: None,
        }
    }
    fn year(y: i32) -> Anchor {
        Anchor::ymd(y, None, None)
    }
}

/// What resolving one expression gives: its value, whether the publication
/// date or an earlier date was needed, and the anchor it sets.
type Resolved = (DateValue, bool, Option<Anchor>);

/// Resolve every found expression, in order.
pub(crate) fn resolve_all(found: &[Found], published: Option<Date>) -> Vec<TimeExpr> {
    let mut anchor = Anchor::default();
    found
        .iter()
        .map(|f| {
            let (mut value, relative, parts) = resolve(f, published, anchor);
            if let Some(t) = f.time {
                value = value.at(t);
            }
            if let Some(p) = parts {
                anchor = p;
            }
            TimeExpr {
                span: Span::new(f.start, f.end),
                value,
                range_with: f.pair,
                relative,
            }
        })
        .collect()
}

fn date_parts(d: Date) -> (i32, u8, u8) {
    (i32::from(d.year()), d.month() as u8, d.day() as u8)
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(n).ok()?;
    d.checked_add(span).ok()
}

fn make_date(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

fn day_value(d: Date) -> Resolved {
    let (y, m, dd) = date_parts(d);
    (
        DateValue::ymd(Some(y), Some(m), Some(dd)),
        true,
        Some(Anchor::ymd(y, Some(m), Some(dd))),
    )
}

fn week_value(d: Date) -> DateValue {
    let w = d.iso_week_date();
    DateValue::cal(
        Year::Known(i32::from(w.year())),
        Part::Week(w.week() as u8),
        None,
    )
}

fn quarter_value(y: Option<i32>, q: u8) -> DateValue {
    DateValue::cal(y.map_or(Year::Unknown, Year::Known), Part::Quarter(q), None)
}

/// The year of a month (and day) given without one, from the publication
/// date and the clause's tense: the past tense looks back to last year for
/// a month more than two months ahead, the future looks ahead to next year
/// for one more than two months gone; otherwise the month is this year's,
/// unless it is more than six months ahead (then last year's) or within the
/// next four months across the new year (then next year's).
fn year_for(here: u8, now: u8, py: i32, tense: Tense) -> i32 {
    let ahead = i32::from(here) - i32::from(now);
    match tense {
        Tense::Past if ahead > 2 => py - 1,
        Tense::Future if ahead < -2 => py + 1,
        Tense::Unknown if ahead > 6 => py - 1,
        Tense::Unknown if ahead < -7 => py + 1,
        _ => py,
    }
}

fn resolve(f: &Found, published: Option<Date>, anchor: Anchor) -> Resolved {
    match f.expr {
        Expr::Cal { y, m, d } => {
            if y.is_none()
                && let Some(m) = m
                && let Some(p) = published
            {
                let (py, pm, _) = date_parts(p);
                let y = year_for(m, pm, py, f.tense);
                return (
                    DateValue::ymd(Some(y), Some(m), d),
                    true,
                    Some(Anchor::ymd(y, Some(m), d)),
                );
            }
            let parts = y.map(|y| Anchor::ymd(y, m, d));
            (DateValue::ymd(y, m, d), false, parts)
        }
        Expr::Weekday { d, shift, tense } => weekday(d, shift, tense, f.possessive, published),
        Expr::MonthShift { m, d, shift } => {
            let Some(p) = published else {
                return (DateValue::ymd(None, Some(m), d), false, None);
            };
            let (py, pm, pd) = date_parts(p);
            // Compare (month, day) with the publication date; without a day, the month alone.
            let (here, now) = match d {
                Some(d) => ((m, d), (pm, pd)),
                None => ((m, 0), (pm, 0)),
            };
            let y = match shift {
                Shift::Next if here > now => py,
                Shift::Next => py + 1,
                Shift::This => py,
                _ if here < now => py,
                _ => py - 1,
            };
            (
                DateValue::ymd(Some(y), Some(m), d),
                true,
                Some(Anchor::ymd(y, Some(m), d)),
            )
        }
        Expr::InYear { m, d, n } => match published {
            Some(p) => {
                let y = i32::from(p.year()) + n;
                (
                    DateValue::ymd(Some(y), Some(m), d),
                    true,
                    Some(Anchor::ymd(y, Some(m), d)),
                )
            }
            None => (DateValue::ymd(None, Some(m), d), false, None),
        },
        Expr::Quarter { q, y } => quarter(q, y, f.tense, published),
        Expr::Half { h, y } => {
            let (y, rel) = match (y, published) {
                (Some(y), _) => (Some(y), false),
                (None, Some(p)) => (Some(i32::from(p.year())), true),
                (None, None) => (None, false),
            };
            let v = DateValue::cal(y.map_or(Year::Unknown, Year::Known), Part::Half(h), None);
            (v, rel, y.map(Anchor::year))
        }
        Expr::QuarterOf(which) => quarter_of(which, anchor, published),
        Expr::Ref(r) => (DateValue::Ref(r), false, None),
        Expr::Weekend(n) => match published.and_then(|p| add_days(p, 7 * i64::from(n))) {
            Some(day) => {
                let w = day.iso_week_date();
                let v = DateValue::cal(
                    Year::Known(i32::from(w.year())),
                    Part::Week(w.week() as u8),
                    Some(Day::Weekend),
                );
                (v, true, None)
            }
            None => (
                DateValue::cal(Year::Unknown, Part::UnknownWeek, Some(Day::Weekend)),
                false,
                None,
            ),
        },
        Expr::Today => match published {
            Some(p) if f.tense != Tense::Unknown || f.time.is_some() => day_value(p),
            _ => (DateValue::Ref(TimeRef::Present), false, None),
        },
        Expr::Clock(c) => {
            let day = match (anchor.y, anchor.m, anchor.d) {
                (Some(y), Some(m), Some(d)) => make_date(y, m, d),
                _ => published,
            };
            match day {
                Some(day) => {
                    let (v, _, a) = day_value(day);
                    (v.at(c), true, a)
                }
                None => (
                    DateValue::cal(Year::Unknown, Part::UnknownMonth, Some(Day::Unknown)).at(c),
                    false,
                    None,
                ),
            }
        }
        Expr::Season { s, y, shift } => season(s, y, shift, published),
        Expr::Decade(d) => (
            DateValue::cal(Year::Decade(d), Part::Whole, None),
            false,
            None,
        ),
        Expr::Century(c) => (
            DateValue::cal(Year::Century(c), Part::Whole, None),
            false,
            None,
        ),
        Expr::Rel { unit, n, anchored } => {
            relative(unit, n, anchored, f.counted, anchor, published)
        }
    }
}

fn weekday(
    d: u8,
    shift: Option<Shift>,
    tense: Tense,
    possessive: bool,
    published: Option<Date>,
) -> Resolved {
    let unknown = DateValue::cal(Year::Unknown, Part::UnknownWeek, Some(Day::Weekday(d)));
    let Some(p) = published else {
        return (unknown, false, None);
    };
    let today = i64::from(p.weekday().to_monday_one_offset());
    let target = i64::from(d);
    let back = (today - target).rem_euclid(7);
    let fwd = (target - today).rem_euclid(7);
    let offset = match shift {
        Some(Shift::Last) => -(if back == 0 { 7 } else { back }),
        Some(Shift::Next) => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        // "Thursday's election": the nearest Thursday, whatever the clause says.
        _ if possessive => {
            if back <= fwd {
                -back
            } else {
                fwd
            }
        }
        // In the future tense, the coming one; in the past, the last one
        // (today included in both).
        _ if tense == Tense::Future => fwd,
        _ if tense == Tense::Past => -back,
        // Otherwise a bare weekday in news is most often in the days just past.
        _ => {
            if back <= 4 {
                -back
            } else {
                fwd
            }
        }
    };
    match add_days(p, offset) {
        Some(day) => day_value(day),
        None => (unknown, false, None),
    }
}

fn quarter(q: u8, y: Option<i32>, tense: Tense, published: Option<Date>) -> Resolved {
    if let Some(y) = y {
        let a = Anchor {
            q: Some(q),
            ..Anchor::year(y)
        };
        return (quarter_value(Some(y), q), false, Some(a));
    }
    let Some(p) = published else {
        return (quarter_value(None, q), false, None);
    };
    let py = i32::from(p.year());
    let now = (p.month() as u8 - 1) / 3 + 1;
    // A quarter still to come in the past tense is last year's.
    let y = match tense {
        Tense::Past if q > now => py - 1,
        _ => py,
    };
    let a = Anchor {
        q: Some(q),
        ..Anchor::year(y)
    };
    (quarter_value(Some(y), q), true, Some(a))
}

fn quarter_of(which: QuarterWhich, anchor: Anchor, published: Option<Date>) -> Resolved {
    let named = anchor.y.zip(anchor.q);
    let current = published.map(|p| (i32::from(p.year()), (p.month() as u8 - 1) / 3 + 1));
    let (y, q) = match which {
        QuarterWhich::Latest => match (named, current) {
            (Some(yq), _) => yq,
            (None, Some((y, 1))) => (y - 1, 4),
            (None, Some((y, q))) => (y, q - 1),
            (None, None) => {
                return (
                    DateValue::cal(Year::Unknown, Part::Whole, None),
                    false,
                    None,
                );
            }
        },
        QuarterWhich::Current => match current {
            Some(yq) => yq,
            None => {
                return (
                    DateValue::cal(Year::Unknown, Part::Whole, None),
                    false,
                    None,
                );
            }
        },
        QuarterWhich::YearEarlier => match named.or(current.map(last_complete)) {
            Some((y, q)) => (y - 1, q),
            None => {
                return (
                    DateValue::cal(Year::Unknown, Part::Whole, None),
                    false,
                    None,
                );
            }
        },
    };
    // Naming it again does not move the anchor.
    (quarter_value(Some(y), q), true, None)
}

/// The quarter before (year, quarter).
fn last_complete((y, q): (i32, u8)) -> (i32, u8) {
    if q == 1 { (y - 1, 4) } else { (y, q - 1) }
}

fn season(s: Season, y: Option<i32>, shift: Option<Shift>, published: Option<Date>) -> Resolved {
    let code = SeasonCode::from(s);
    let value = |y: Option<i32>| {
        DateValue::cal(
            y.map_or(Year::Unknown, Year::Known),
            Part::Season(code),
            None,
        )
    };
    if let Some(y) = y {
        return (value(Some(y)), false, Some(Anchor::year(y)));
    }
    let Some(p) = published else {
        return (value(None), false, None);
    };
    let (py, pm) = (i32::from(p.year()), p.month() as u8);
    let start = season_start(s);
    let y = match shift {
        Some(Shift::Last) if start + 3 <= pm => py,
        Some(Shift::Last) => py - 1,
        Some(Shift::Next) if start > pm => py,
        Some(Shift::Next) => py + 1,
        _ => py,
    };
    (value(Some(y)), true, Some(Anchor::year(y)))
}

fn relative(
    unit: Unit,
    n: i32,
    anchored: bool,
    counted: bool,
    anchor: Anchor,
    published: Option<Date>,
) -> Resolved {
    // "a year earlier", "a year ago" right after a quarter of this year:
    // that quarter a year before ("last year" is the year).
    if counted
        && unit == Unit::Year
        && let (Some(y), Some(q)) = (anchor.y, anchor.q)
        && (anchored || published.is_some_and(|p| i32::from(p.year()) == y))
    {
        return (quarter_value(Some(y + n), q), true, None);
    }
    let base = if anchored {
        match (unit, anchor.y, anchor.m, anchor.d) {
            // Counted from the text's date, which it does not replace.
            (Unit::Year, Some(y), _, _) => {
                return (DateValue::ymd(Some(y + n), None, None), true, None);
            }
            (Unit::Month, Some(y), Some(m), _) => {
                let (y, m) = add_months(y, m, n);
                return (DateValue::ymd(Some(y), Some(m), None), true, None);
            }
            (_, Some(y), Some(m), Some(d)) => make_date(y, m, d),
            _ => published,
        }
    } else {
        published
    };
    let Some(base) = base else {
        return (unknown(unit), false, None);
    };
    let (py, pm, _) = date_parts(base);
    match unit {
        Unit::Day => match add_days(base, i64::from(n)) {
            Some(day) => day_value(day),
            None => (unknown(unit), false, None),
        },
        Unit::Week => match add_days(base, 7 * i64::from(n)) {
            Some(day) => (week_value(day), true, None),
            None => (unknown(unit), false, None),
        },
        Unit::Month => {
            let (y, m) = add_months(py, pm, n);
            (
                DateValue::ymd(Some(y), Some(m), None),
                true,
                Some(Anchor::ymd(y, Some(m), None)),
            )
        }
        Unit::Year => {
            let y = py + n;
            (
                DateValue::ymd(Some(y), None, None),
                true,
                Some(Anchor::year(y)),
            )
        }
    }
}

fn unknown(unit: Unit) -> DateValue {
    let (part, day) = match unit {
        Unit::Day => (Part::UnknownMonth, Some(Day::Unknown)),
        Unit::Week => (Part::UnknownWeek, None),
        Unit::Month => (Part::UnknownMonth, None),
        Unit::Year => (Part::Whole, None),
    };
    DateValue::Cal(CalValue::new(Year::Unknown, part, day))
}

fn add_months(y: i32, m: u8, n: i32) -> (i32, u8) {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + i64::from(n);
    let y = total.div_euclid(12);
    let m = total.rem_euclid(12) + 1;
    (
        i32::try_from(y).unwrap_or(y.signum() as i32 * i32::MAX),
        m as u8,
    )
}

/// The month a season starts in (northern hemisphere).
fn season_start(s: Season) -> u8 {
    match s {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Autumn => 9,
        Season::Winter => 12,
    }
}

/// A clock time to attach to a value, from hours and minutes.
pub(crate) fn clock(h: u32, m: u32) -> Option<Clock> {
    (h < 24 && m < 60).then_some(Clock::At {
        h: h as u8,
        m: m as u8,
    })
}
