//! The date grammar: patterns over tokens, in French and English.
//!
//! The scanner walks the tokens once; at each position it tries, in order, a
//! range ("entre 2020 et 2023"), a numeric date or chain ("24/11/2026",
//! "2020-2023"), then one expression. Prepositions are never part of a span;
//! a determiner is, only where it carries meaning ("la semaine dernière").

use super::expr::{Expr, Found, Tense};
use super::lexicon::{Lang, Langs, Season, Shift, Unit, W};
use super::token::{Case, Tk, Tok};

/// A parsed expression and its tokens `[first, next)`.
pub(crate) type Parsed = Option<(Expr, usize, usize)>;

pub(crate) struct Grammar<'a> {
    pub text: &'a str,
    pub t: &'a [Tok],
    /// Lower-cased words, indexed by [`Tok::lo`].
    pub lower: &'a str,
    pub langs: Langs,
}

/// Separators inside a numeric date or a number.
pub(super) const SEPS: [char; 7] = ['/', '.', '-', ',', ':', '–', '\u{2011}'];

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
            if let Some(next) = self.day_dash_range_at(i, &mut out) {
                i = next;
                continue;
            }
            if let Some(next) = self.day_list_at(i, &mut out) {
                i = next;
                continue;
            }
            // "9:30 a.m." before the digit chain "9:30" is skipped whole.
            if let Some((expr, a, b)) = self.clock_at(i) {
                self.push(&mut out, expr, a, b);
                i = b;
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
        self.timeml_pass(&mut out);
        out
    }

    pub(super) fn push(&self, out: &mut Vec<Found>, expr: Expr, a: usize, b: usize) {
        // A month or quarter without its year, and "aujourd'hui", need the tense.
        let tense = match expr {
            Expr::Cal {
                y: None,
                m: Some(_),
                ..
            }
            | Expr::Quarter { y: None, .. }
            | Expr::Today => self.tense(a),
            _ => Tense::Unknown,
        };
        out.push(Found {
            start: self.t[a].start,
            end: self.t[b - 1].end,
            a,
            b,
            expr,
            pair: None,
            time: None,
            tense,
            possessive: false,
            counted: matches!(expr, Expr::Rel { .. }) && self.count_at(a).is_some(),
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
        if t.kind != Tk::Word || t.lo.0 == t.lo.1 {
            return false;
        }
        let lower = &self.lower[t.lo.0 as usize..t.lo.1 as usize];
        words.contains(&lower)
    }

    /// The lower-cased text of word `i` ("" for anything else).
    pub(super) fn lower_of(&self, i: usize) -> &str {
        self.t
            .get(i)
            .map(|t| &self.lower[t.lo.0 as usize..t.lo.1 as usize])
            .unwrap_or("")
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
            // "le premier mai"
            Tk::Word if self.langs.fr && self.word_is(i, &["premier"]) => 1,
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
    pub(super) fn count_at(&self, i: usize) -> Option<(i32, usize)> {
        if let Some((v, digits)) = self.num(i) {
            return if digits <= 3 {
                i32::try_from(v).ok().map(|v| (v, i + 1))
            } else {
                None
            };
        }
        let word = |k: usize| {
            self.find_w(k, |_, w| match w {
                W::NumberWord(n) => i32::try_from(n).ok(),
                _ => None,
            })
        };
        let n = word(i)?;
        // "vingt-cinq", "dix-huit", "twenty-five"
        if self.punct_is(i + 1, '-')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && let Some(m) = word(i + 2)
            && ((n >= 20 && n % 10 == 0 && m < 10) || (n == 10 && (7..=9).contains(&m)))
        {
            return Some((n + m, i + 3));
        }
        Some((n, i + 1))
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

    /// Token `i` starts a sentence (text start, after . ! ? : or a line break).
    pub(super) fn sentence_start(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else { return false };
        if i == 0 || t.newline_before {
            return true;
        }
        matches!(
            self.t[i - 1].kind,
            Tk::Punct('.' | '!' | '?' | ':' | '«' | '"' | '“' | '—') | Tk::Break
        )
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
            if self.glued(i)
                && matches!(
                    t.kind,
                    Tk::Punct(
                        '$' | '€'
                            | '£'
                            | '¥'
                            | '#'
                            | '+'
                            | '№'
                            | '/'
                            | '\\'
                            | '_'
                            | '='
                            | '@'
                            | '&'
                    )
                )
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
            if !t.space_before && matches!(t.kind, Tk::Punct('/' | '_' | '=' | '@' | '\\' | '&')) {
                return None; // a path, an URL or an id
            }
            if !t.space_before
                && t.kind == Tk::Punct('.')
                && self
                    .t
                    .get(n + 1)
                    .is_some_and(|u| !u.space_before && u.kind == Tk::Word && u.case == Case::Lower)
            {
                return None; // "2020.pdf", "2020.fr"
            }
            match t.kind {
                Tk::Punct('%' | '€' | '$' | '£' | '°') => return None,
                Tk::Num { .. } | Tk::Ordinal { .. } if !t.newline_before => return None,
                Tk::Word if !t.newline_before && self.is_count_word(n) => return None,
                Tk::Word if !strong && !t.newline_before && self.is_en_counted_noun(i, n) => {
                    return None;
                }
                // "2020 Market Street"
                Tk::Word
                    if t.case == Case::Title
                        && (self.has_w(n + 1, |w| w == W::Street)
                            || self.has_w(n + 2, |w| w == W::Street)
                                && self.t.get(n + 1).is_some_and(|u| u.case == Case::Title)) =>
                {
                    return None;
                }
                _ => {}
            }
        }
        i32::try_from(v).ok()
    }

    /// English: "with 1500 seats" counts seats; "the 2024 elections" names a year.
    /// A lower-case plural after a bare number counts it unless a determiner
    /// or possessive stands before the number.
    pub(super) fn is_en_counted_noun(&self, num: usize, next: usize) -> bool {
        if !self.langs.en || self.t[next].case != Case::Lower {
            return false;
        }
        let s = self.lower_of(next);
        if s.chars().count() < 4
            || !s.ends_with('s')
            || s.ends_with("ss")
            || EN_S_WORDS.contains(&s)
        {
            return false;
        }
        let determined = self.prev_word(num).is_some_and(|p| {
            self.word_is(
                p,
                &[
                    "the", "this", "that", "its", "their", "his", "her", "our", "s", "last", "next",
                ],
            )
        });
        !determined
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

    // ---- single expressions ---------------------------------------------

    pub(super) fn single_at(&self, i: usize) -> Parsed {
        if let Some(p) = self.vague_at(i) {
            return Some(p);
        }
        if let Some(p) = self.relative_at(i) {
            return Some(p);
        }
        if let Some(p) = self.clock_at(i) {
            return Some(p);
        }
        self.single_core(i, false)
    }

    /// Absolute expressions; `in_range` makes a bare year strong.
    pub(super) fn single_core(&self, i: usize, in_range: bool) -> Parsed {
        let t = self.t.get(i)?;
        match t.kind {
            Tk::Word => self
                .period_at(i)
                .or_else(|| self.quarter_at(i))
                .or_else(|| self.day_month_at(i))
                .or_else(|| self.weekday_date_at(i))
                .or_else(|| self.month_led_at(i))
                .or_else(|| self.season_at(i))
                .or_else(|| self.decade_word_at(i))
                .or_else(|| self.century_at(i))
                .or_else(|| self.weekday_at(i)),
            Tk::Other => self.quarter_at(i).or_else(|| self.period_at(i)),
            Tk::Num { .. } | Tk::Ordinal { .. } => self
                .period_at(i)
                .or_else(|| self.day_month_at(i))
                .or_else(|| self.quarter_at(i))
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

/// English words ending in -s that may follow a year ("in 2020 was", "2019 sees").
const EN_S_WORDS: &[&str] = &[
    "was",
    "has",
    "does",
    "this",
    "thus",
    "always",
    "perhaps",
    "towards",
    "sees",
    "marks",
    "brings",
    "looks",
    "seems",
    "remains",
    "begins",
    "ends",
    "comes",
    "goes",
    "gives",
    "makes",
    "shows",
    "means",
    "news",
    "plus",
    "versus",
    "unless",
    "afterwards",
    "onwards",
    "besides",
    "whereas",
];

/// French words ending in -s/-x that may follow a year.
const FR_S_WORDS: &[&str] = &[
    "avons", "avez", "sommes", "êtes", "étions", "étaient", "avions", "avais", "étais", "fois",
];

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
