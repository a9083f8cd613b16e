//! What the grammar recognises, before it is resolved to an ISO value.

use super::lexicon::{Season, Shift, Unit};
use super::typed::{Clock, TimeRef};

/// A recognised temporal expression, not yet resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A calendar date with any of its parts known: "2020", "mars 2024", "3 mai".
    Cal {
        y: Option<i32>,
        m: Option<u8>,
        d: Option<u8>,
    },
    /// A weekday, bare ("mardi") or shifted ("mardi dernier", "next Tuesday").
    /// `tense` is that of the sentence: it says whether a bare weekday
    /// is the last one or the next one.
    Weekday {
        d: u8,
        shift: Option<Shift>,
        tense: Tense,
    },
    /// A month, or a day of it, shifted from the publication date
    /// ("mai dernier", "le 2 mars dernier", "last May").
    MonthShift { m: u8, d: Option<u8>, shift: Shift },
    /// A quarter of a year: "premier trimestre 2024", "Q3 2024".
    Quarter { q: u8, y: Option<i32> },
    /// A month (or a day of it) in a year given relative to the
    /// publication date: "January this year", "June last year".
    InYear { m: u8, d: Option<u8>, n: i32 },
    /// A half of a year: "premier semestre 2024", "the first half".
    Half { h: u8, y: Option<i32> },
    /// A quarter named by its place: "the quarter", "the latest quarter",
    /// "the current quarter", "the year-earlier quarter".
    QuarterOf(QuarterWhich),
    /// The weekend of the publication week, shifted by n weeks: "ce
    /// week-end", "last weekend".
    Weekend(i32),
    /// A vague reference: "now", "recently", "désormais", "bientôt".
    Ref(TimeRef),
    /// "aujourd'hui": today, or the present when nothing pins it to the day.
    Today,
    /// A time of day alone ("21 h 45", "9:30 a.m.", "midi"), on the day
    /// the text was last talking about.
    Clock(Clock),
    /// A season, with its year or shift if given.
    Season {
        s: Season,
        y: Option<i32>,
        shift: Option<Shift>,
    },
    /// A decade by its first three digits: 199 for "les années 1990".
    Decade(i32),
    /// A century by its first two digits: 19 for "XXe siècle".
    Century(i32),
    /// `n` units away from the publication date (`anchored` false) or from
    /// the last date the text mentioned (`anchored` true).
    Rel { unit: Unit, n: i32, anchored: bool },
}

/// Which quarter "the quarter" is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuarterWhich {
    /// "the quarter", "the latest quarter": the last one the text named, or
    /// else the last complete one.
    Latest,
    /// "the current quarter": the one of the publication date.
    Current,
    /// "the year-earlier quarter", "the year-ago quarter".
    YearEarlier,
}

/// The tense of a sentence, as far as a few cues tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// One expression found by the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    /// Its tokens, `[a, b)`.
    pub a: usize,
    pub b: usize,
    pub expr: Expr,
    /// For one end of a range, the index of the other end among the found expressions.
    pub pair: Option<usize>,
    /// A time of day given with the day ("hier matin", "mardi à 14 h").
    pub time: Option<Clock>,
    /// The tense of the clause, for a month or quarter without its year.
    pub tense: Tense,
    /// Written as a possessive ("Thursday's election"): the nearest such day.
    pub possessive: bool,
    /// A relative expression that counts ("a year ago", "two years earlier"),
    /// not one that shifts ("last year").
    pub counted: bool,
}
