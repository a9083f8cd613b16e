//! TimeML conventions on top of the grammar: vague references ("now",
//! "désormais"), clock times ("21 h 45", "9:30 a.m."), parts of the day
//! (`TMO`, `TAF`, `TEV`, `TNI`), and the extent of an expression: the
//! determiners and modifiers TimeML puts inside it ("le 27 mai 1998",
//! "l'année 2001", "the third quarter", "early next year", "la fin de
//! l'année dernière"), prepositions staying outside.

use super::expr::{Expr, Found, QuarterWhich};
use super::grammar::{Grammar, Parsed};
use super::lexicon::{Shift, Unit};
use super::resolve::clock;
use super::token::{Case, Tk};
use super::typed::{Clock, DayPart, TimeRef};

/// Time-zone abbreviations that may follow a clock time (lower-cased).
const TIME_ZONES: &[&str] = &[
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
];

/// Words that end a span with a part of the day, and the part.
const DAY_PARTS: &[(&str, DayPart)] = &[
    ("matin", DayPart::Morning),
    ("matinée", DayPart::Morning),
    ("morning", DayPart::Morning),
    ("midi", DayPart::Afternoon),
    ("afternoon", DayPart::Afternoon),
    ("soir", DayPart::Evening),
    ("soirée", DayPart::Evening),
    ("evening", DayPart::Evening),
    ("nuit", DayPart::Night),
    ("night", DayPart::Night),
    ("tonight", DayPart::Night),
];

impl Grammar<'_> {
    /// A vague reference to the present, past or future, or "aujourd'hui".
    pub(super) fn vague_at(&self, i: usize) -> Parsed {
        let t = self.tok(i)?;
        if t.kind != Tk::Word {
            return None;
        }
        let r = |r| Some((Expr::Ref(r), i, i + 1));
        // "ce week-end", "this weekend", "last weekend", "the weekend"
        let (shift, w) = if self.word_is(i, &["ce", "this", "the"]) {
            (0, i + 1)
        } else if self.word_is(i, &["last"]) {
            (-1, i + 1)
        } else if self.word_is(i, &["next"]) {
            (1, i + 1)
        } else {
            (0, usize::MAX)
        };
        if w != usize::MAX {
            if self.word_is(w, &["weekend"]) {
                return Some((Expr::Weekend(shift), i, w + 1));
            }
            if self.word_is(w, &["week", "week"])
                && self.punct_is(w + 1, '-')
                && self.word_is(w + 2, &["end"])
            {
                return Some((Expr::Weekend(shift), i, w + 3));
            }
        }
        if self.langs.fr {
            if self.word_is(i, &["aujourd"])
                && self.punct_is(i + 1, '\'')
                && self.word_is(i + 2, &["hui"])
            {
                return Some((Expr::Today, i, i + 3));
            }
            // "un pacte désormais destiné à": inside a noun phrase, before a
            // participle it qualifies, the adverb is not the clause's time.
            if self.word_is(i, &["désormais", "actuellement", "dorénavant"])
                && !self.qualifies_participle(i)
            {
                return r(TimeRef::Present);
            }
            if self.word_is(i, &["récemment", "autrefois", "jadis"]) {
                return r(TimeRef::Past);
            }
            // "auparavant" alone ("deux ans auparavant" is read before this)
            if self.word_is(i, &["auparavant"]) {
                return r(TimeRef::Past);
            }
            // "à l'avenir"
            if self.word_is(i, &["l"])
                && self.punct_is(i + 1, '\'')
                && self.word_is(i + 2, &["avenir"])
                && self.prev_word(i).is_some_and(|p| self.word_is(p, &["à"]))
            {
                return Some((Expr::Ref(TimeRef::Future), i, i + 3));
            }
        }
        if self.langs.en {
            // "now", not "from now", "until now", "for now" (part of a
            // duration or an idiom), "now that" nor "now-defunct".
            let idiom = self
                .prev_word(i)
                .is_some_and(|p| self.word_is(p, &["from", "until", "till", "for", "since"]))
                || self.word_is(i + 1, &["that"])
                || (self.punct_is(i + 1, '-') && self.glued(i + 1));
            if self.word_is(i, &["now"]) && !idiom {
                return r(TimeRef::Present);
            }
            if self.word_is(i, &["currently", "nowadays"]) {
                return r(TimeRef::Present);
            }
            if self.word_is(i, &["recently"]) {
                return r(TimeRef::Past);
            }
            if self.word_is(i, &["these"]) && self.word_is(i + 1, &["days"]) {
                return Some((Expr::Ref(TimeRef::Present), i, i + 2));
            }
            // "recent years", "recent weeks"
            if self.word_is(i, &["recent"])
                && self.word_is(i + 1, &["years", "months", "weeks", "days", "decades"])
            {
                return Some((Expr::Ref(TimeRef::Past), i, i + 2));
            }
            // "the past", "the future", "the near future" (not "the past year")
            if self.word_is(i, &["the"]) {
                let j = if self.word_is(i + 1, &["near", "distant"]) {
                    i + 2
                } else {
                    i + 1
                };
                let next_is_noun = self
                    .tok(j + 1)
                    .is_some_and(|t| matches!(t.kind, Tk::Word | Tk::Num { .. }))
                    && !self.word_is(j + 1, &["and", "or", "but", "as", "is", "was", "will"]);
                if !next_is_noun {
                    if self.word_is(j, &["past"]) && j == i + 1 {
                        return Some((Expr::Ref(TimeRef::Past), i, j + 1));
                    }
                    if self.word_is(j, &["future"]) {
                        return Some((Expr::Ref(TimeRef::Future), i, j + 1));
                    }
                }
            }
        }
        None
    }

    /// Word `i` sits between a noun and a participle it qualifies
    /// ("un pacte désormais destiné"), with no auxiliary before it.
    fn qualifies_participle(&self, i: usize) -> bool {
        let participle = {
            let s = self.lower_of(i + 1);
            s.chars().count() >= 4 && ["é", "ée", "és", "ées"].iter().any(|e| s.ends_with(e))
        };
        let after_aux = self.prev_word(i).is_some_and(|p| {
            self.word_is(
                p,
                &[
                    "est", "sont", "a", "ont", "était", "étaient", "avait", "avaient", "sera",
                    "seront", "serait", "seraient", "fut", "été", "être", "avoir",
                ],
            )
        });
        participle && !after_aux && i > 0 && self.t[i - 1].kind == Tk::Word
    }

    /// A clock time: "21 h 45", "18 h", "21h45", "9:30 a.m.", "10 p.m.",
    /// "à midi", "at noon", or a part of the day after "dans" ("dans la nuit").
    pub(super) fn clock_at(&self, i: usize) -> Parsed {
        let t = self.tok(i)?;
        match t.kind {
            Tk::Num { v: h, digits } if digits <= 2 => {
                if self.langs.fr
                    && self.word_is(i + 1, &["h"])
                    && h <= 23
                    && !self
                        .prev_word(i)
                        .is_some_and(|p| self.word_is(p, &["les", "des"]))
                {
                    if let Some((m, 2)) = self.num(i + 2)
                        && let Some(c) = clock(h, m)
                    {
                        return Some((Expr::Clock(c), i, i + 3));
                    }
                    return Some((Expr::Clock(clock(h, 0)?), i, i + 2));
                }
                if self.langs.en {
                    let (m, j) = if self.punct_is(i + 1, ':') && self.glued(i + 1) {
                        match self.num(i + 2) {
                            Some((m, 2)) => (m, i + 3),
                            _ => return None,
                        }
                    } else {
                        (0, i + 1)
                    };
                    let (pm, mut end) = self.meridiem(j)?;
                    // "5 p.m. EST"
                    if self.t.get(end).is_some_and(|t| t.case == Case::Upper)
                        && self.word_is(end, TIME_ZONES)
                    {
                        end += 1;
                    }
                    if !(1..=12).contains(&h) {
                        return None;
                    }
                    let h = if pm { h % 12 + 12 } else { h % 12 };
                    return Some((Expr::Clock(clock(h, m)?), i, end));
                }
                None
            }
            Tk::Other if self.langs.fr => {
                // "21h45", "18h"
                let s = self.text.get(t.start..t.end)?;
                let (h, m) = s.split_once(['h', 'H'])?;
                let h: u32 = h.parse().ok().filter(|_| (1..=2).contains(&h.len()))?;
                let m: u32 = if m.is_empty() {
                    0
                } else if m.len() == 2 {
                    m.parse().ok()?
                } else {
                    return None;
                };
                Some((Expr::Clock(clock(h, m)?), i, i + 1))
            }
            Tk::Word if t.case == Case::Lower => {
                let noon = self.word_is(i, &["midi", "noon"]);
                let midnight = self.word_is(i, &["minuit", "midnight"]);
                if (noon || midnight)
                    && self.prev_word(i).is_some_and(|p| {
                        self.word_is(
                            p,
                            &[
                                "à", "vers", "avant", "après", "at", "by", "before", "after",
                                "until", "around",
                            ],
                        )
                    })
                    && !self.punct_is(i - 1, '-')
                {
                    let c = if noon { clock(12, 0) } else { clock(0, 0) };
                    return Some((Expr::Clock(c?), i, i + 1));
                }
                // "dans la nuit", "dans la soirée", "in the evening"
                let after_in = self
                    .prev_word(i)
                    .is_some_and(|p| self.word_is(p, &["dans", "pendant", "durant", "in"]));
                if after_in && self.word_is(i, &["la", "the"]) {
                    let part = [
                        "nuit",
                        "soirée",
                        "matinée",
                        "morning",
                        "afternoon",
                        "evening",
                    ]
                    .iter()
                    .find(|w| self.word_is(i + 1, &[w]))
                    .and_then(|w| day_part(w))?;
                    return Some((Expr::Clock(Clock::Part(part)), i, i + 2));
                }
                None
            }
            _ => None,
        }
    }

    /// "a.m.", "p.m.", "am", "pm" at `j`: (afternoon, next token).
    fn meridiem(&self, j: usize) -> Option<(bool, usize)> {
        let pm = if self.word_is(j, &["pm", "p"]) {
            true
        } else if self.word_is(j, &["am", "a"]) {
            false
        } else {
            return None;
        };
        if self.word_is(j, &["am", "pm"]) {
            let end = if self.punct_is(j + 1, '.') && self.glued(j + 1) {
                j + 2
            } else {
                j + 1
            };
            return Some((pm, end));
        }
        // "a.m." / "p.m."
        if self.punct_is(j + 1, '.')
            && self.glued(j + 1)
            && self.word_is(j + 2, &["m"])
            && self.glued(j + 2)
        {
            let end = if self.punct_is(j + 3, '.') && self.glued(j + 3) {
                j + 4
            } else {
                j + 3
            };
            return Some((pm, end));
        }
        None
    }

    /// "third-quarter", "the quarter", "the latest quarter", "the current
    /// quarter", "the year-earlier quarter", "first half", "premier semestre", "H1 2024".
    pub(super) fn period_at(&self, i: usize) -> Parsed {
        // "the [latest|current|year-earlier|year-ago] quarter"
        if self.langs.en && self.word_is(i, &["the"]) {
            let mut j = i + 1;
            let mut which = QuarterWhich::Latest;
            if self.word_is(j, &["latest", "last", "recent", "past"])
                && self.word_is(j + 1, &["quarter"])
            {
                j += 1;
            } else if self.word_is(j, &["current", "present"]) {
                which = QuarterWhich::Current;
                j += 1;
            } else if self.word_is(j, &["year"])
                && self.punct_is(j + 1, '-')
                && self.word_is(j + 2, &["earlier", "ago"])
            {
                which = QuarterWhich::YearEarlier;
                j += 3;
            }
            if self.word_is(j, &["quarter"]) && !self.word_is(j + 1, &["of", "century"]) {
                return Some((Expr::QuarterOf(which), i, j + 1));
            }
        }
        let ords: [&[&str]; 4] = [
            &["premier", "first", "1st"],
            &["deuxième", "second", "seconde", "2nd"],
            &["troisième", "third", "3rd"],
            &["quatrième", "fourth", "4th"],
        ];
        let n = match self.tok(i)?.kind {
            Tk::Ordinal { v } if (1..=4).contains(&v) => v as u8,
            Tk::Word => ords.iter().position(|o| self.word_is(i, o))? as u8 + 1,
            Tk::Other => {
                // "H1 2024"
                let s = self.text.get(self.t[i].start..self.t[i].end)?;
                let b = s.as_bytes();
                if b.len() != 2 || b[0] != b'H' || !(b'1'..=b'2').contains(&b[1]) {
                    return None;
                }
                let y = self.year_ok(i + 1, true)?;
                return Some((
                    Expr::Half {
                        h: b[1] - b'0',
                        y: Some(y),
                    },
                    i,
                    i + 2,
                ));
            }
            _ => return None,
        };
        // "third-quarter"
        let mut j = i + 1;
        if self.punct_is(j, '-') && self.glued(j) && self.glued(j + 1) {
            j += 1;
        }
        let half = self.word_is(j, &["half", "semestre"]) && n <= 2;
        let quarter = self.word_is(j, &["quarter", "trimestre"]);
        if !(half || quarter) {
            return None;
        }
        let k = if self.word_is(j + 1, &["de", "of", "du"]) {
            j + 2
        } else {
            j + 1
        };
        let y = self.year_ok(k, true);
        let end = if y.is_some() { k + 1 } else { j + 1 };
        if half {
            // "the second half of the game": a half with no year needs "the"/"la"
            // before it or a year after it.
            if y.is_none()
                && !self
                    .prev_word(i)
                    .is_some_and(|p| self.word_is(p, &["the", "this", "le", "ce"]))
            {
                return None;
            }
            return Some((Expr::Half { h: n, y }, i, end));
        }
        Some((Expr::Quarter { q: n, y }, i, end))
    }

    // ---- the TimeML extent -------------------------------------------------

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
        if self.langs.fr {
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
        }
        if self.langs.en {
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

    /// "prochains", "derniers": plural shift words after a list of days.
    pub(super) fn plural_shift(&self, i: usize) -> Option<Shift> {
        if self.word_is(i, &["prochains", "prochaines"]) {
            return Some(Shift::Next);
        }
        if self.word_is(i, &["derniers", "dernières"]) {
            return Some(Shift::Last);
        }
        None
    }

    /// A possessive after token `b - 1`: "Thursday's".
    pub(super) fn possessive_after(&self, b: usize) -> bool {
        self.punct_is(b, '\'') && self.glued(b) && self.word_is(b + 1, &["s"]) && self.glued(b + 1)
    }
}

fn day_part(w: &str) -> Option<DayPart> {
    DAY_PARTS.iter().find(|(k, _)| *k == w).map(|(_, p)| *p)
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
