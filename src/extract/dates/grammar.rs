//! The date grammar: patterns over tokens, in French and English.
//!
//! The scanner walks the tokens once; at each position it tries, in order, a
//! range ("entre 2020 et 2023"), a numeric date or chain ("24/11/2026",
//! "2020-2023"), then one expression. Prepositions are never part of a span;
//! a determiner is, only where it carries meaning ("la semaine dernière").

use super::expr::{Expr, Found};
use super::lexicon::{Lang, Langs, Season, Shift, Unit, W};
use super::token::{Case, Tk, Tok};

/// A parsed expression and its tokens `[first, next)`.
pub(crate) type Parsed = Option<(Expr, usize, usize)>;

pub(crate) struct Grammar<'a> {
    pub text: &'a str,
    pub t: &'a [Tok],
    pub langs: Langs,
}

/// Separators inside a numeric date or a number.
const SEPS: [char; 7] = ['/', '.', '-', ',', ':', '–', '\u{2011}'];

impl<'a> Grammar<'a> {
    /// Every expression, in text order.
    pub fn scan(&self) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.t.len() {
            if let Some(next) = self.range_at(i, &mut out) {
                i = next;
                continue;
            }
            if let Some(next) = self.chain_at(i, &mut out) {
                i = next;
                continue;
            }
            if let Some((expr, a, b)) = self.single_at(i) {
                self.push(&mut out, expr, a, b);
                i = b;
                continue;
            }
            i += 1;
        }
        out
    }

    pub(super) fn push(&self, out: &mut Vec<Found>, expr: Expr, a: usize, b: usize) {
        out.push(Found {
            start: self.t[a].start,
            end: self.t[b - 1].end,
            expr,
            pair: None,
        });
    }

    pub(super) fn push_pair(
        &self,
        out: &mut Vec<Found>,
        x: (Expr, usize, usize),
        y: (Expr, usize, usize),
    ) {
        let n = out.len();
        self.push(out, x.0, x.1, x.2);
        self.push(out, y.0, y.1, y.2);
        out[n].pair = Some(n + 1);
        out[n + 1].pair = Some(n);
    }

    // ---- token helpers -------------------------------------------------

    pub fn tok(&self, i: usize) -> Option<&Tok> {
        self.t.get(i)
    }

    pub(super) fn str_of(&self, i: usize) -> &str {
        self.t
            .get(i)
            .map(|t| &self.text[t.start..t.end])
            .unwrap_or("")
    }

    /// Lexicon readings of token `i` in the active languages.
    pub(super) fn ws(&self, i: usize) -> impl Iterator<Item = (Lang, W)> + '_ {
        let entries = self.t.get(i).map(|t| t.entries).unwrap_or(&[]);
        entries
            .iter()
            .filter(|e| self.langs.has(e.lang))
            .map(|e| (e.lang, e.w))
    }

    pub(super) fn find_w<T>(&self, i: usize, f: impl Fn(Lang, W) -> Option<T>) -> Option<T> {
        self.ws(i).find_map(|(l, w)| f(l, w))
    }

    pub(super) fn has_w(&self, i: usize, f: impl Fn(W) -> bool) -> bool {
        self.ws(i).any(|(_, w)| f(w))
    }

    /// Token `i` is a word equal to one of `words` (given in lower case).
    pub(super) fn word_is(&self, i: usize, words: &[&str]) -> bool {
        let Some(t) = self.t.get(i) else { return false };
        if t.kind != Tk::Word {
            return false;
        }
        let s = &self.text[t.start..t.end];
        words.iter().any(|w| {
            if s.is_ascii() {
                s.eq_ignore_ascii_case(w)
            } else {
                s.chars().flat_map(char::to_lowercase).eq(w.chars())
            }
        })
    }

    pub(super) fn punct_is(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Token `i` follows token `i - 1` with no space.
    pub(super) fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }

    pub(super) fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.t.get(i)?.kind {
            Tk::Num { v, digits } => Some((v, digits)),
            _ => None,
        }
    }

    /// A day of the month: "3", "03", "1er", "3rd".
    pub(super) fn day_at(&self, i: usize) -> Option<u8> {
        let v = match self.t.get(i)?.kind {
            Tk::Num { v, digits } if digits <= 2 => v,
            Tk::Ordinal { v } => v,
            _ => return None,
        };
        if (1..=31).contains(&v) {
            u8::try_from(v).ok()
        } else {
            None
        }
    }

    pub(super) fn month_at(&self, i: usize) -> Option<(u8, bool, Lang)> {
        self.find_w(i, |l, w| match w {
            W::Month { m, abbr } => Some((m, abbr, l)),
            _ => None,
        })
    }

    pub(super) fn weekday_w(&self, i: usize) -> Option<(u8, bool)> {
        self.find_w(i, |_, w| match w {
            W::Weekday { d, abbr } => Some((d, abbr)),
            _ => None,
        })
    }

    pub(super) fn unit_at(&self, i: usize) -> Option<Unit> {
        self.find_w(i, |_, w| match w {
            W::Unit(u) => Some(u),
            _ => None,
        })
    }

    pub(super) fn shift_at(&self, i: usize) -> Option<Shift> {
        self.find_w(i, |_, w| match w {
            W::Shift(s) => Some(s),
            _ => None,
        })
    }

    pub(super) fn season_at_w(&self, i: usize) -> Option<(Season, Lang)> {
        self.find_w(i, |l, w| match w {
            W::Season(s) => Some((s, l)),
            _ => None,
        })
    }

    /// A small count: "3", "trois", "a".
    pub(super) fn count_at(&self, i: usize) -> Option<i32> {
        if let Some((v, digits)) = self.num(i) {
            return if digits <= 4 {
                i32::try_from(v).ok()
            } else {
                None
            };
        }
        self.find_w(i, |_, w| match w {
            W::NumberWord(n) => i32::try_from(n).ok(),
            _ => None,
        })
    }

    /// The word before token `i`, skipping one elision apostrophe ("l'été" -> "l").
    pub(super) fn prev_word(&self, i: usize) -> Option<usize> {
        let p = i.checked_sub(1)?;
        let t = self.t.get(p)?;
        match t.kind {
            Tk::Word => Some(p),
            Tk::Punct('\'') | Tk::Punct('-') => {
                let q = p.checked_sub(1)?;
                (self.t.get(q)?.kind == Tk::Word).then_some(q)
            }
            _ => None,
        }
    }

    pub(super) fn prev_is_time_prep(&self, i: usize) -> bool {
        self.prev_word(i).is_some_and(|p| {
            self.has_w(p, |w| matches!(w, W::TimePrep | W::Unit(Unit::Year)))
                || self.word_is(
                    p,
                    &["entre", "between", "from", "à", "au", "to", "and", "et"],
                )
        })
    }

    // ---- years ----------------------------------------------------------

    /// Token `i` as a year, if it reads as one here. `strong` when the
    /// context already says it is a date (a month before it, a range).
    pub fn year_ok(&self, i: usize, strong: bool) -> Option<i32> {
        let (v, digits) = self.num(i)?;
        if digits != 4 {
            return None;
        }
        let strong = strong || self.prev_is_time_prep(i);
        let lo = if strong { 1000 } else { 1500 };
        if !(lo..=2199).contains(&v) {
            return None;
        }
        // Part of a larger number, an id, a decimal, a time or an amount.
        if let Some(p) = i.checked_sub(1) {
            let t = &self.t[p];
            if self.glued(i) && matches!(t.kind, Tk::Punct('$' | '€' | '£' | '¥' | '#' | '+' | '№'))
            {
                return None;
            }
            if self.glued(i)
                && matches!(t.kind, Tk::Punct(c) if SEPS.contains(&c))
                && p.checked_sub(1)
                    .is_some_and(|q| self.num(q).is_some() && self.glued(p))
            {
                return None;
            }
            if t.space_before || self.t[i].space_before {
                // "1 2020", "+33 1 2020 3040"
                if !self.t[i].newline_before
                    && matches!(t.kind, Tk::Num { digits, .. } if digits <= 3)
                {
                    return None;
                }
            }
            // "n° 2020", "No. 2020", "article 2020", "environ 2000", "plus de 2000"
            let mut q = Some(p);
            if matches!(t.kind, Tk::Punct('.' | '°')) {
                q = p.checked_sub(1);
            } else if self.word_is(p, &["de", "d", "than", "of"]) {
                q = self.prev_word(p);
            }
            if q.is_some_and(|q| self.has_w(q, |w| w == W::CountCue)) {
                return None;
            }
        }
        let n = i + 1;
        if let Some(t) = self.t.get(n) {
            if !t.space_before
                && matches!(t.kind, Tk::Punct(c) if SEPS.contains(&c))
                && self
                    .t
                    .get(n + 1)
                    .is_some_and(|u| !u.space_before && matches!(u.kind, Tk::Num { .. }))
            {
                return None;
            }
            match t.kind {
                Tk::Punct('%' | '€' | '$' | '£' | '°') => return None,
                Tk::Num { .. } | Tk::Ordinal { .. } if !t.newline_before => return None,
                Tk::Word if !t.newline_before && self.is_count_word(n) => return None,
                _ => {}
            }
        }
        i32::try_from(v).ok()
    }

    /// A word that, right after a number, makes it a count.
    pub(super) fn is_count_word(&self, i: usize) -> bool {
        if self.has_w(i, |w| matches!(w, W::CountNoun | W::Unit(_))) {
            return true;
        }
        // French: a lower-case plural word right after a number is a noun it counts
        // ("1500 manifestants"); a year is followed by a verb, a preposition or punctuation.
        let Some(t) = self.t.get(i) else { return false };
        if !self.langs.fr || t.case != Case::Lower || self.t.get(i).is_none() {
            return false;
        }
        let s = self.str_of(i);
        let plural = (s.ends_with('s') || s.ends_with('x')) && s.chars().count() >= 4;
        plural && !self.has_w(i, |_| true) && !self.word_is(i, FR_S_WORDS)
    }

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

    // ---- numeric dates and chains --------------------------------------

    /// Digits glued by separators: a date ("24/11/2026", "2026-11-24"), a
    /// year range ("2020-2023", "2020–23"), or else a number or id to skip whole.
    pub(super) fn chain_at(&self, i: usize, out: &mut Vec<Found>) -> Option<usize> {
        let (elems, sep) = self.chain(i)?;
        let next = elems[elems.len() - 1] + 1;
        if let Some((e, a, b)) = self.numeric_date_from(&elems, sep) {
            self.push(out, e, a, b);
            return Some(next);
        }
        if elems.len() == 2 && matches!(sep, '-' | '–' | '/' | '\u{2011}') {
            let (a, b) = (elems[0], elems[1]);
            let (va, da) = self.num(a)?;
            let (vb, db) = self.num(b)?;
            let ok_a = da == 4 && (1000..=2199).contains(&va) && !self.glued_before_chain(a);
            let yb = match db {
                4 => Some(vb),
                2 if sep != '/' => Some(va / 100 * 100 + vb),
                _ => None,
            };
            if let Some(yb) = yb
                && ok_a
                && yb > va
                && yb - va <= 200
                && yb <= 2199
                && !self.t.get(b + 1).is_some_and(|t| {
                    t.kind == Tk::Word && !t.newline_before && self.is_count_word(b + 1)
                })
            {
                let ea = Expr::Cal {
                    y: Some(va as i32),
                    m: None,
                    d: None,
                };
                let eb = Expr::Cal {
                    y: Some(yb as i32),
                    m: None,
                    d: None,
                };
                self.push_pair(out, (ea, a, a + 1), (eb, b, b + 1));
            }
        }
        Some(next)
    }

    pub(super) fn glued_before_chain(&self, i: usize) -> bool {
        i > 0
            && self.glued(i)
            && !matches!(
                self.t[i - 1].kind,
                Tk::Punct('(' | '[' | '«' | '"' | '\'' | '“')
            )
            && !matches!(self.t[i - 1].kind, Tk::Break)
    }

    /// Token indices of the numbers of a glued chain starting at `i`, and its separator.
    pub(super) fn chain(&self, i: usize) -> Option<(Vec<usize>, char)> {
        self.num(i)?;
        let mut elems = vec![i];
        let mut sep = None;
        let mut j = i;
        while let Some(Tk::Punct(c)) = self.t.get(j + 1).map(|t| t.kind) {
            if !SEPS.contains(&c)
                || !self.glued(j + 1)
                || !self.glued(j + 2)
                || self.num(j + 2).is_none()
            {
                break;
            }
            match sep {
                None => sep = Some(c),
                Some(s) if s != c => break,
                _ => {}
            }
            elems.push(j + 2);
            j += 2;
        }
        Some((elems, sep?))
    }

    pub(super) fn numeric_date_at(&self, i: usize) -> Parsed {
        let (elems, sep) = self.chain(i)?;
        self.numeric_date_from(&elems, sep)
    }

    pub(super) fn numeric_date_from(&self, elems: &[usize], sep: char) -> Parsed {
        if elems.len() != 3 || !matches!(sep, '/' | '.' | '-') {
            return None;
        }
        let first = elems[0];
        if first > 0
            && self.glued(first)
            && matches!(
                self.t[first - 1].kind,
                Tk::Word | Tk::Other | Tk::Num { .. }
            )
        {
            return None;
        }
        let last = elems[2];
        if self.t.get(last + 1).is_some_and(|t| {
            !t.space_before && matches!(t.kind, Tk::Word | Tk::Other | Tk::Num { .. })
        }) {
            return None;
        }
        let (a, da) = self.num(elems[0])?;
        let (b, db) = self.num(elems[1])?;
        let (c, dc) = self.num(elems[2])?;
        let (y, m, d) = if da == 4 && db <= 2 && dc <= 2 && sep != '.' {
            (a, b, c)
        } else if dc == 4 && da <= 2 && db <= 2 {
            let month_first = if a > 12 {
                false
            } else if b > 12 {
                true
            } else {
                sep == '/' && self.langs.prefers_en()
            };
            if month_first { (c, a, b) } else { (c, b, a) }
        } else {
            return None;
        };
        let (y, m, d) = (
            i32::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        );
        if !(1000..=2199).contains(&y) || !valid_day(Some(y), m, d) {
            return None;
        }
        Some((
            Expr::Cal {
                y: Some(y),
                m: Some(m),
                d: Some(d),
            },
            first,
            last + 1,
        ))
    }

    // ---- single expressions ---------------------------------------------

    pub(super) fn single_at(&self, i: usize) -> Parsed {
        if let Some(p) = self.relative_at(i) {
            return Some(p);
        }
        self.single_core(i, false)
    }

    /// Absolute expressions; `in_range` makes a bare year strong.
    pub(super) fn single_core(&self, i: usize, in_range: bool) -> Parsed {
        let t = self.t.get(i)?;
        match t.kind {
            Tk::Word => self
                .weekday_date_at(i)
                .or_else(|| self.month_led_at(i))
                .or_else(|| self.season_at(i))
                .or_else(|| self.decade_word_at(i))
                .or_else(|| self.century_at(i))
                .or_else(|| self.weekday_at(i)),
            Tk::Num { .. } | Tk::Ordinal { .. } => self
                .day_month_at(i)
                .or_else(|| self.century_at(i))
                .or_else(|| {
                    self.year_ok(i, in_range).map(|y| {
                        (
                            Expr::Cal {
                                y: Some(y),
                                m: None,
                                d: None,
                            },
                            i,
                            i + 1,
                        )
                    })
                }),
            Tk::Decade { .. } => self.decade_num_at(i),
            Tk::Punct('\'') => self.decade_num_at(i),
            _ => None,
        }
    }
}

/// French words ending in -s/-x that may follow a year.
const FR_S_WORDS: &[&str] = &[
    "avons", "avez", "sommes", "êtes", "étions", "étaient", "avions", "avais", "étais", "fois",
];

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

/// Whether day `d` exists in month `m` (of year `y`, or of some leap year).
pub(crate) fn valid_day(y: Option<i32>, m: u8, d: u8) -> bool {
    let y = y.unwrap_or(2000);
    let Ok(y) = i16::try_from(y) else {
        return false;
    };
    let (Ok(m), Ok(d)) = (i8::try_from(m), i8::try_from(d)) else {
        return false;
    };
    jiff::civil::Date::new(y, m, d).is_ok()
}
