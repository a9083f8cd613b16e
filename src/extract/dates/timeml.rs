//! TimeML conventions on top of the grammar: vague references ("now",
//! "désormais"), clock times ("21 h 45", "9:30 a.m."), parts of the day
//! (`TMO`, `TAF`, `TEV`, `TNI`), and the extent of an expression: the
//! determiners and modifiers TimeML puts inside it ("le 27 mai 1998",
//! "l'année 2001", "the third quarter", "early next year", "la fin de
//! l'année dernière"), prepositions staying outside.

use super::expr::{Expr, QuarterWhich};
use super::grammar::{Grammar, Parsed};
use super::lexicon::Shift;
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

pub(super) fn day_part(w: &str) -> Option<DayPart> {
    DAY_PARTS.iter().find(|(k, _)| *k == w).map(|(_, p)| *p)
}
