//! The TimeML extent of an expression: the determiners and modifiers TimeML
//! puts inside it ("le 27 mai 1998", "l'année 2001", "the third quarter",
//! "early next year", "la fin de l'année dernière"), prepositions staying
//! outside; a day joined with its time ("hier à 10 h", "10 p.m. Wednesday")
//! and the part of the day a span ends with ("hier soir" -> `TEV`).

use super::expr::{Expr, Found};
use super::grammar::Grammar;
use super::lexicon::Unit;
use super::resolve::clock;
use super::timeml::day_part;
use super::token::Case;
use super::typed::{Clock, DayPart};

/// What kind of expression is being widened.
#[derive(Clone, Copy)]
struct Kinds {
    day_level: bool,
    period: bool,
    bare_year: bool,
    month: bool,
    starts_with_det: bool,
}

impl Grammar<'_> {
    /// Widen every expression to its TimeML extent, give parts of the day
    /// their time, and join a day with its clock time.
    pub(super) fn timeml_pass(&self, out: &mut Vec<Found>) {
        self.join_month_year(out);
        let mut prev_end = 0;
        for f in out.iter_mut() {
            self.widen(f, prev_end);
            if f.time.is_none() {
                f.time = self.day_part_in(f);
            }
            if matches!(f.expr, Expr::Weekday { .. }) {
                f.possessive = self.possessive_after(f.b);
            }
            prev_end = f.b;
        }
        self.join_clocks(out);
    }

    /// "January this year", "June last year": the month in that year.
    fn join_month_year(&self, out: &mut Vec<Found>) {
        let mut k = 0;
        while k + 1 < out.len() {
            let (x, y) = (out[k], out[k + 1]);
            if let (
                Expr::Cal {
                    y: None,
                    m: Some(m),
                    d,
                },
                Expr::Rel {
                    unit: Unit::Year,
                    n,
                    anchored: false,
                },
            ) = (x.expr, y.expr)
                && x.pair.is_none()
                && y.pair.is_none()
                && y.a == x.b
                && self.langs.en
            {
                out[k] = Found {
                    expr: Expr::InYear { m, d, n },
                    end: y.end,
                    b: y.b,
                    ..x
                };
                out.remove(k + 1);
                fix_pairs(out, k + 1);
            }
            k += 1;
        }
    }

    /// The part of the day that ends `f` ("hier soir", "Monday morning", "ce matin").
    fn day_part_in(&self, f: &Found) -> Option<Clock> {
        let day_level = matches!(
            f.expr,
            Expr::Weekday { .. }
                | Expr::Rel {
                    unit: Unit::Day,
                    ..
                }
                | Expr::Today
        ) || matches!(f.expr, Expr::Cal { d: Some(_), .. });
        if !day_level || f.b == 0 {
            return None;
        }
        let last = f.b - 1;
        if last == f.a {
            return self
                .word_is(last, &["tonight"])
                .then_some(Clock::Part(DayPart::Night));
        }
        let w = self.lower_of(last);
        // "samedi midi" is noon; "après-midi" the afternoon.
        if w == "midi" {
            if self.punct_is(last - 1, '-') {
                return Some(Clock::Part(DayPart::Afternoon));
            }
            return clock(12, 0);
        }
        day_part(w).map(Clock::Part)
    }

    /// Widen `f` backwards over the determiners and modifiers TimeML includes.
    fn widen(&self, f: &mut Found, floor: usize) {
        while let Some(a) = self.widen_once(f) {
            if a >= f.a || a < floor {
                break;
            }
            f.a = a;
            f.start = self.t[a].start;
        }
    }

    fn widen_once(&self, f: &Found) -> Option<usize> {
        let p = self.prev_word(f.a)?;
        if self.t[f.a].newline_before {
            return None;
        }
        let day_level = matches!(
            f.expr,
            Expr::Cal { d: Some(_), .. }
                | Expr::MonthShift { d: Some(_), .. }
                | Expr::Weekday { shift: None, .. }
        );
        let period = matches!(
            f.expr,
            Expr::Quarter { .. }
                | Expr::Half { .. }
                | Expr::Season { .. }
                | Expr::Decade(_)
                | Expr::Century(_)
        );
        let bare_year = matches!(
            f.expr,
            Expr::Cal {
                y: Some(_),
                m: None,
                d: None
            }
        );
        let month = matches!(
            f.expr,
            Expr::Cal {
                m: Some(_),
                d: None,
                ..
            }
        );
        let starts_with_det = self.word_is(
            f.a,
            &["le", "la", "les", "l", "the", "ce", "cet", "cette", "this"],
        );
        let k = Kinds {
            day_level,
            period,
            bare_year,
            month,
            starts_with_det,
        };
        if self.langs.fr
            && let Some(a) = self.widen_fr(f, p, &k)
        {
            return Some(a);
        }
        if self.langs.en {
            return self.widen_en(f, p, &k);
        }
        None
    }

    /// French determiners and modifiers before `f`, whose previous word is `p`.
    fn widen_fr(&self, f: &Found, p: usize, k: &Kinds) -> Option<usize> {
        let Kinds {
            day_level,
            period,
            bare_year,
            month,
            starts_with_det,
        } = *k;
        // "le 27 mai 1998", "le mercredi 1er mai", "les 6 et 7"
        if day_level && self.word_is(p, &["le", "les"]) && !starts_with_det {
            return Some(p);
        }
        // "ce dimanche", "ce même lundi après-midi"
        if matches!(f.expr, Expr::Weekday { shift: None, .. }) {
            if self.word_is(p, &["ce"]) {
                return Some(p);
            }
            if self.word_is(p, &["même"])
                && self.prev_word(p).is_some_and(|q| self.word_is(q, &["ce"]))
            {
                return self.prev_word(p);
            }
        }
        // "l'année 2001", "l'an 2000"
        if bare_year && self.word_is(p, &["année", "an"]) {
            return Some(self.with_article(p));
        }
        // "le mois de juin"
        if month
            && self.word_is(p, &["de"])
            && let Some(q) = self.prev_word(p)
            && self.word_is(q, &["mois"])
        {
            return Some(self.with_article(q));
        }
        // "début octobre", "fin 2002", "mi-janvier"
        if (month || bare_year) && self.word_is(p, &["début", "fin", "courant", "mi"]) {
            return Some(p);
        }
        // "la fin de l'année dernière", "le début du mois"
        if self.word_is(p, &["de", "d"])
            && let Some(q) = self.prev_word(p)
            && self.word_is(q, &["fin", "début", "milieu"])
        {
            return Some(self.with_article(q));
        }
        // "l'été 2024", "le premier trimestre"
        if period && self.word_is(p, &["le", "la", "l", "les"]) && !starts_with_det {
            return Some(p);
        }
        None
    }

    /// English determiners and modifiers before `f`, whose previous word is `p`.
    fn widen_en(&self, f: &Found, p: usize, k: &Kinds) -> Option<usize> {
        let Kinds {
            bare_year,
            period,
            starts_with_det,
            ..
        } = *k;
        // "early next year", "late yesterday", "mid-1996" ("earlier this
        // month" is annotated both ways in TimeBank; lede leaves "earlier" out)
        if self.word_is(p, &["early", "late", "mid"]) && (self.t[p].case != Case::Upper) {
            return Some(p);
        }
        // "the end of 1990", "the beginning of October"
        if self.word_is(p, &["of"])
            && let Some(q) = self.prev_word(p)
            && self.word_is(q, &["end", "beginning", "start", "middle", "turn"])
        {
            return Some(self.with_article(q));
        }
        // "fiscal 1989", "the fiscal first quarter"
        if (bare_year || period) && self.word_is(p, &["fiscal"]) {
            return Some(p);
        }
        // "the third quarter", "the 1990s", "the 20th century", "the summer"
        if period && self.word_is(p, &["the"]) && !starts_with_det {
            return Some(p);
        }
        // "nearly two weeks ago"
        if matches!(f.expr, Expr::Rel { anchored: false, n, .. } if n < 0)
            && self.word_is(p, &["nearly", "almost", "about", "roughly", "some"])
        {
            return Some(p);
        }
        None
    }

    /// `i`, or the determiner before it ("l'année" -> "l", "the end" -> "the").
    fn with_article(&self, i: usize) -> usize {
        match self.prev_word(i) {
            Some(q) if self.word_is(q, &["le", "la", "l", "les", "the"]) => q,
            _ => i,
        }
    }

    /// "Hier à 10 h", "mardi à 14 h 30", "10 p.m. Wednesday", "noon Thursday",
    /// "aujourd'hui vendredi": one expression, the day with its time.
    fn join_clocks(&self, out: &mut Vec<Found>) {
        let mut k = 0;
        while k + 1 < out.len() {
            let (x, y) = (out[k], out[k + 1]);
            let between = |a: &Found, b: &Found| -> bool {
                let gap = b.a - a.b;
                gap == 0
                    || (gap == 1
                        && (self.word_is(a.b, &["à", "at", "dès"]) || self.punct_is(a.b, ',')))
            };
            let day = |f: &Found| {
                f.pair.is_none()
                    && f.time.is_none()
                    && (matches!(
                        f.expr,
                        Expr::Weekday { .. }
                            | Expr::Rel {
                                unit: Unit::Day,
                                ..
                            }
                            | Expr::Today
                    ) || matches!(
                        f.expr,
                        Expr::Cal {
                            d: Some(_),
                            m: Some(_),
                            ..
                        }
                    ))
            };
            let joined = match (x.expr, y.expr) {
                (_, Expr::Clock(c)) if day(&x) && between(&x, &y) => Some((x, c)),
                (Expr::Clock(c), _) if day(&y) && y.a == x.b => Some((y, c)),
                (Expr::Today, Expr::Weekday { .. }) if y.a == x.b => {
                    let mut f = y;
                    f.expr = Expr::Rel {
                        unit: Unit::Day,
                        n: 0,
                        anchored: false,
                    };
                    f.a = x.a;
                    f.start = x.start;
                    out[k] = f;
                    out.remove(k + 1);
                    continue;
                }
                _ => None,
            };
            if let Some((day, c)) = joined {
                let mut f = day;
                f.a = x.a;
                f.start = x.start;
                f.b = y.b;
                f.end = y.end;
                f.time = Some(c);
                if matches!(f.expr, Expr::Today) {
                    f.expr = Expr::Rel {
                        unit: Unit::Day,
                        n: 0,
                        anchored: false,
                    };
                }
                out[k] = f;
                out.remove(k + 1);
                fix_pairs(out, k + 1);
                continue;
            }
            k += 1;
        }
    }
}

/// After removing expression `removed`, shift the range partners that pointed past it.
fn fix_pairs(out: &mut [Found], removed: usize) {
    for f in out.iter_mut() {
        if let Some(p) = f.pair
            && p >= removed
        {
            f.pair = Some(p - 1);
        }
    }
}
