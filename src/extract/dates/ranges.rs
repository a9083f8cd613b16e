//! Ranges and lists: "entre 2020 et 2023", "du 3 au 5 mai", "from 2020 to 2023",
//! "2020 – 2023", "3-5 mai", "les 6 et 7 juillet".

use super::expr::{Expr, Found};
use super::grammar::{Grammar, Parsed, valid_day};
use super::lexicon::Lang;
use super::token::Tk;

impl Grammar<'_> {
    // ---- ranges -----------------------------------------------------------

    /// "entre A et B", "de A à B", "du 3 au 5 mai", "from A to B", "between A and B",
    /// "2020 – 2023". Pushes both ends and returns the next token.
    pub(super) fn range_at(&self, i: usize, out: &mut Vec<Found>) -> Option<usize> {
        let t = self.t.get(i)?;
        if matches!(t.kind, Tk::Num { digits: 4, .. }) {
            return self.dash_range_at(i, out);
        }
        if t.kind != Tk::Word {
            return None;
        }
        let (conns, mut j): (&[&str], usize) = if self.langs.fr && self.word_is(i, &["entre"]) {
            (&["et"], i + 1)
        } else if self.langs.fr && self.word_is(i, &["de", "du", "des"]) {
            (&["à", "au", "a", "jusqu"], i + 1)
        } else if self.langs.fr && self.word_is(i, &["d"]) && self.punct_is(i + 1, '\'') {
            (&["à", "au", "a", "jusqu"], i + 2)
        } else if self.langs.en && self.word_is(i, &["between"]) {
            (&["and"], i + 1)
        } else if self.langs.en && self.word_is(i, &["from"]) {
            (&["to", "until", "till", "through", "thru"], i + 1)
        } else {
            return None;
        };
        if self.word_is(j, &["le", "the"]) {
            j += 1;
        }
        let a = self.end_at(j)?;
        let mut k = a.2;
        if !self.word_is(k, conns) {
            return None;
        }
        if self.word_is(k, &["jusqu"]) {
            if !(self.punct_is(k + 1, '\'') && self.word_is(k + 2, &["à", "au", "en"])) {
                return None;
            }
            k += 2;
        }
        k += 1;
        if self.word_is(k, &["le", "the"]) {
            k += 1;
        }
        let Some(b) = self.end_at(k) else {
            // "entre 2000 et 3000 soldats": both are counts.
            let a_bare_number = matches!(
                a.0,
                Expr::Cal {
                    y: Some(_),
                    m: None,
                    ..
                } | Expr::Cal {
                    d: Some(_),
                    m: None,
                    ..
                }
            );
            if a_bare_number && self.num(k).is_some() && a.2 == a.1 + 1 {
                return Some(k + 1);
            }
            return None;
        };
        let (ea, eb) = link(a.0, b.0)?;
        self.push_pair(out, (ea, a.1, a.2), (eb, b.1, b.2));
        Some(b.2)
    }

    /// "les 6 et 7 juillet", "on 3, 4 and 5 May": several days sharing a month.
    /// Each is its own date (not a range).
    pub(super) fn day_list_at(&self, i: usize, out: &mut Vec<Found>) -> Option<usize> {
        // One listed day, optionally after its weekday: "6", "jeudi 12".
        let item = |k: usize| -> Option<(u8, usize, usize)> {
            let mut s = k;
            if self.weekday_w(s).is_some_and(|(_, abbr)| !abbr) {
                s += 1;
                if self.punct_is(s, ',') {
                    s += 1;
                }
            }
            Some((self.day_at(s)?, k, s + 1))
        };
        let first = item(i)?;
        let mut days = vec![first];
        let mut j = first.2;
        loop {
            let sep = self.punct_is(j, ',')
                || self.punct_is(j, '&')
                || self.word_is(j, &["et", "ou", "and", "or"]);
            if !sep {
                return None;
            }
            j += 1;
            if self.word_is(j, &["le", "the"]) {
                j += 1;
            }
            let last = self.weekday_date_at(j).or_else(|| self.day_month_at(j));
            if let Some((
                e @ Expr::Cal {
                    y,
                    m: Some(m),
                    d: Some(_),
                },
                a,
                b,
            )) = last
            {
                for &(d, _, _) in &days {
                    if !valid_day(y, m, d) {
                        return None;
                    }
                }
                for &(d, k0, k1) in &days {
                    self.push(
                        out,
                        Expr::Cal {
                            y,
                            m: Some(m),
                            d: Some(d),
                        },
                        k0,
                        k1,
                    );
                }
                self.push(out, e, a, b);
                return Some(b);
            }
            let next = item(j)?;
            j = next.2;
            days.push(next);
        }
    }

    /// "3-5 mai 2024", "March 3-5, 2024": two days of one month joined by a dash.
    pub(super) fn day_dash_range_at(&self, i: usize, out: &mut Vec<Found>) -> Option<usize> {
        let dash = |k: usize| matches!(self.t.get(k).map(|t| t.kind), Some(Tk::Punct('-' | '–')));
        // Month first (English): March 3-5[, 2024]
        if self.langs.en
            && let Some((m, _, Lang::En)) = self.month_at(i)
            && let Some(d1) = self.day_at(i + 1)
            && dash(i + 2)
            && let Some(d2) = self.day_at(i + 3)
            && d2 > d1
        {
            let k = if self.punct_is(i + 4, ',') {
                i + 5
            } else {
                i + 4
            };
            let y = self.year_ok(k, true);
            let end = if y.is_some() { k + 1 } else { i + 4 };
            if !valid_day(y, m, d2) {
                return None;
            }
            let ea = Expr::Cal {
                y,
                m: Some(m),
                d: Some(d1),
            };
            let eb = Expr::Cal {
                y,
                m: Some(m),
                d: Some(d2),
            };
            self.push_pair(out, (ea, i, i + 2), (eb, i + 3, end));
            return Some(end);
        }
        // Day first: 3-5 mai 2024, 3–5 May
        let d1 = self.day_at(i)?;
        if !dash(i + 1) {
            return None;
        }
        let (eb, b0, b1) = self.day_month_at(i + 2)?;
        let Expr::Cal {
            y,
            m: Some(m),
            d: Some(d2),
        } = eb
        else {
            return None;
        };
        if d2 <= d1 {
            return None;
        }
        let ea = Expr::Cal {
            y,
            m: Some(m),
            d: Some(d1),
        };
        self.push_pair(out, (ea, i, i + 1), (eb, b0, b1));
        Some(b1)
    }

    /// "2020 – 2023", "2020 - 2023" (spaced dash between two years).
    pub(super) fn dash_range_at(&self, i: usize, out: &mut Vec<Found>) -> Option<usize> {
        if !matches!(self.t.get(i + 1)?.kind, Tk::Punct('-' | '–' | '—')) {
            return None;
        }
        if self.glued(i + 1) && self.glued(i + 2) {
            return None; // glued: a chain, handled by chain_at
        }
        let ya = self.year_ok(i, true).or_else(|| {
            // year_ok refuses a number followed by a number; here the dash separates them.
            let (v, d) = self.num(i)?;
            (d == 4 && (1000..=2199).contains(&v)).then_some(v as i32)
        })?;
        let yb = self.year_ok(i + 2, true)?;
        if yb <= ya || yb - ya > 200 {
            return None;
        }
        let ea = Expr::Cal {
            y: Some(ya),
            m: None,
            d: None,
        };
        let eb = Expr::Cal {
            y: Some(yb),
            m: None,
            d: None,
        };
        self.push_pair(out, (ea, i, i + 1), (eb, i + 2, i + 3));
        Some(i + 3)
    }

    /// One end of a range: any expression, or a bare day number.
    pub(super) fn end_at(&self, i: usize) -> Parsed {
        if let Some(p) = self.numeric_date_at(i) {
            return Some(p);
        }
        if let Some(p) = self.single_core(i, true) {
            return Some(p);
        }
        if let Some(p) = self.relative_at(i) {
            return Some(p);
        }
        let d = self.day_at(i)?;
        // "from May 3 to 5, 2024"
        let k = if self.punct_is(i + 1, ',') {
            i + 2
        } else {
            i + 1
        };
        if let Some(y) = self.year_ok(k, true) {
            return Some((
                Expr::Cal {
                    y: Some(y),
                    m: None,
                    d: Some(d),
                },
                i,
                k + 1,
            ));
        }
        Some((
            Expr::Cal {
                y: None,
                m: None,
                d: Some(d),
            },
            i,
            i + 1,
        ))
    }
}

/// Complete each end of a range from the other ("du 3 au 5 mai 2024").
fn link(a: Expr, b: Expr) -> Option<(Expr, Expr)> {
    match (a, b) {
        (
            Expr::Cal {
                y: ya,
                m: ma,
                d: da,
            },
            Expr::Cal {
                y: yb,
                m: mb,
                d: db,
            },
        ) => {
            let a_day = ma.is_none() && da.is_some();
            let b_day = mb.is_none() && db.is_some();
            // A bare day needs a month on the other side.
            if (a_day && (b_day || mb.is_none())) || (b_day && ma.is_none()) {
                return None;
            }
            let ma2 = if a_day { mb } else { ma };
            let mb2 = if b_day { ma } else { mb };
            let yb2 = if b_day { yb.or(ya) } else { yb };
            // "de janvier à mars 2024", "du 3 au 5 mai 2024", "de décembre à février 2024".
            let ya2 = match (ya, ma2, mb2, yb2) {
                (Some(y), ..) => Some(y),
                (None, Some(m1), Some(m2), Some(y)) if m1 > m2 && !a_day => Some(y - 1),
                (None, Some(_), _, y) => y,
                _ => None,
            };
            let ea = Expr::Cal {
                y: ya2,
                m: ma2,
                d: da,
            };
            let eb = Expr::Cal {
                y: yb2,
                m: mb2,
                d: db,
            };
            for (y, m, d) in [(ya2, ma2, da), (yb2, mb2, db)] {
                if let (Some(m), Some(d)) = (m, d)
                    && !valid_day(y, m, d)
                {
                    return None;
                }
            }
            Some((ea, eb))
        }
        (Expr::Weekday { .. }, Expr::Weekday { .. })
        | (Expr::Season { .. }, Expr::Season { .. })
        | (Expr::Decade(_), Expr::Decade(_))
        | (Expr::Century(_), Expr::Century(_)) => Some((a, b)),
        (Expr::Cal { y: Some(_), .. }, Expr::Rel { .. }) => Some((a, b)),
        _ => None,
    }
}
