//! Turn recognised expressions into ISO 8601 values, using the publication
//! date for what the text leaves relative.

use super::expr::{Expr, Found, Tense};
use super::lexicon::{Season, Shift, Unit};
use crate::extract::{Span, TimeExpr};
use jiff::civil::Date;

/// The last calendar date the text gave, for "the following year", "le lendemain".
#[derive(Debug, Clone, Copy, Default)]
struct Anchor {
    y: Option<i32>,
    m: Option<u8>,
    d: Option<u8>,
}

/// Resolve every found expression, in order.
pub(crate) fn resolve_all(found: &[Found], published: Option<Date>) -> Vec<TimeExpr> {
    let mut anchor = Anchor::default();
    found
        .iter()
        .map(|f| {
            let (value, relative, parts) = resolve(f.expr, published, anchor);
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

fn ymd(y: Option<i32>, m: Option<u8>, d: Option<u8>) -> String {
    let mut s = match y {
        Some(y) => format!("{y:04}"),
        None => "XXXX".to_string(),
    };
    match (m, d) {
        (None, None) => {}
        (Some(m), None) => s.push_str(&format!("-{m:02}")),
        (Some(m), Some(d)) => s.push_str(&format!("-{m:02}-{d:02}")),
        (None, Some(d)) => s.push_str(&format!("-XX-{d:02}")),
    }
    s
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

fn day_value(d: Date) -> (String, Option<Anchor>) {
    let (y, m, dd) = date_parts(d);
    (
        ymd(Some(y), Some(m), Some(dd)),
        Some(Anchor {
            y: Some(y),
            m: Some(m),
            d: Some(dd),
        }),
    )
}

fn week_value(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// (value, relative, the calendar parts this expression pins down)
fn resolve(e: Expr, published: Option<Date>, anchor: Anchor) -> (String, bool, Option<Anchor>) {
    match e {
        Expr::Cal { y, m, d } => {
            // A month (or day) without its year takes the year of publication.
            if y.is_none()
                && m.is_some()
                && let Some(p) = published
            {
                let y = Some(i32::from(p.year()));
                return (ymd(y, m, d), true, Some(Anchor { y, m, d }));
            }
            let parts = y.map(|_| Anchor { y, m, d });
            (ymd(y, m, d), false, parts)
        }
        Expr::Weekday { d, shift, tense } => {
            let Some(p) = published else {
                return (format!("XXXX-WXX-{d}"), false, None);
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
                Some(day) => {
                    let (v, a) = day_value(day);
                    (v, true, a)
                }
                None => (format!("XXXX-WXX-{d}"), false, None),
            }
        }
        Expr::MonthShift { m, d, shift } => {
            let Some(p) = published else {
                return (ymd(None, Some(m), d), false, None);
            };
            let (py, pm, pd) = date_parts(p);
            // Compare (month, day) with the publication date; without a day, the month alone.
            let (here, now) = match d {
                Some(d) => ((m, d), (pm, pd)),
                None => ((m, 0), (pm, 0)),
            };
            let y = match shift {
                Shift::Next => {
                    if here > now {
                        py
                    } else {
                        py + 1
                    }
                }
                _ => {
                    if here < now {
                        py
                    } else {
                        py - 1
                    }
                }
            };
            (
                ymd(Some(y), Some(m), d),
                true,
                Some(Anchor {
                    y: Some(y),
                    m: Some(m),
                    d,
                }),
            )
        }
        Expr::Quarter { q, y } => {
            if let Some(y) = y {
                return (
                    format!("{y:04}-Q{q}"),
                    false,
                    Some(Anchor {
                        y: Some(y),
                        m: None,
                        d: None,
                    }),
                );
            }
            match published {
                Some(p) => (format!("{:04}-Q{q}", p.year()), true, None),
                None => (format!("XXXX-Q{q}"), false, None),
            }
        }
        Expr::Season { s, y, shift } => {
            if let Some(y) = y {
                return (
                    format!("{y:04}-{}", s.code()),
                    false,
                    Some(Anchor {
                        y: Some(y),
                        m: None,
                        d: None,
                    }),
                );
            }
            let Some(p) = published else {
                return (format!("XXXX-{}", s.code()), false, None);
            };
            let (py, pm) = (i32::from(p.year()), p.month() as u8);
            let start = season_start(s);
            let y = match shift {
                Some(Shift::Last) => {
                    if start + 3 <= pm {
                        py
                    } else {
                        py - 1
                    }
                }
                Some(Shift::Next) => {
                    if start > pm {
                        py
                    } else {
                        py + 1
                    }
                }
                _ => py,
            };
            (
                format!("{y:04}-{}", s.code()),
                true,
                Some(Anchor {
                    y: Some(y),
                    m: None,
                    d: None,
                }),
            )
        }
        Expr::Decade(d) => (format!("{d:03}X"), false, None),
        Expr::Century(c) => (format!("{c:02}"), false, None),
        Expr::Rel { unit, n, anchored } => {
            let base = if anchored {
                match (unit, anchor.y, anchor.m, anchor.d) {
                    (Unit::Year, Some(y), _, _) => {
                        let y = y + n;
                        return (
                            format!("{y:04}"),
                            true,
                            Some(Anchor {
                                y: Some(y),
                                m: None,
                                d: None,
                            }),
                        );
                    }
                    (Unit::Month, Some(y), Some(m), _) => {
                        let (y, m) = add_months(y, m, n);
                        return (
                            ymd(Some(y), Some(m), None),
                            true,
                            Some(Anchor {
                                y: Some(y),
                                m: Some(m),
                                d: None,
                            }),
                        );
                    }
                    (_, Some(y), Some(m), Some(d)) => make_date(y, m, d),
                    _ => None,
                }
            } else {
                published
            };
            let Some(base) = base else {
                return (unknown(unit).to_string(), false, None);
            };
            let (py, pm, _) = date_parts(base);
            match unit {
                Unit::Day => match add_days(base, i64::from(n)) {
                    Some(day) => {
                        let (v, a) = day_value(day);
                        (v, true, a)
                    }
                    None => (unknown(unit).to_string(), false, None),
                },
                Unit::Week => match add_days(base, 7 * i64::from(n)) {
                    Some(day) => (week_value(day), true, None),
                    None => (unknown(unit).to_string(), false, None),
                },
                Unit::Month => {
                    let (y, m) = add_months(py, pm, n);
                    (
                        ymd(Some(y), Some(m), None),
                        true,
                        Some(Anchor {
                            y: Some(y),
                            m: Some(m),
                            d: None,
                        }),
                    )
                }
                Unit::Year => {
                    let y = py + n;
                    (
                        format!("{y:04}"),
                        true,
                        Some(Anchor {
                            y: Some(y),
                            m: None,
                            d: None,
                        }),
                    )
                }
            }
        }
    }
}

fn unknown(unit: Unit) -> &'static str {
    match unit {
        Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Year => "XXXX",
    }
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
