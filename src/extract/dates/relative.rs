//! Relative expressions ("hier", "la semaine dernière", "il y a trois jours",
//! "last week", "the following year") and the tense cues that orient bare
//! weekdays and months.

use super::expr::{Expr, Tense};
use super::grammar::{Grammar, Parsed};
use super::lexicon::{Lang, Shift, Unit, W};
use super::token::{Case, Tk, Tok};

impl Grammar<'_> {
    /// Relative expressions: "hier", "il y a trois jours", "la semaine dernière",
    /// "mardi dernier", "last week", "two days ago", "the following year".
    /// Where a day expression ends when a part of the day follows it ("hier
    /// soir", "demain matin", "samedi après-midi", "yesterday evening"): past
    /// that part, else at `k`. The value stays the day.
    pub(super) fn part_of_day_end(&self, k: usize) -> usize {
        let Some(t) = self.tok(k) else { return k };
        if t.newline_before {
            return k;
        }
        if self.langs.fr {
            if self.word_is(k, &["matin", "soir", "midi"]) {
                return k + 1;
            }
            if self.word_is(k, &["après"])
                && self.punct_is(k + 1, '-')
                && self.word_is(k + 2, &["midi"])
            {
                return k + 3;
            }
        }
        if self.langs.en && self.word_is(k, &["morning", "afternoon", "evening", "night"]) {
            return k + 1;
        }
        k
    }

    pub(super) fn relative_at(&self, i: usize) -> Parsed {
        let t = self.tok(i)?;
        if t.kind != Tk::Word {
            // "3 days ago"
            return self.ago_at(i);
        }
        let rel = |unit, n, anchored| Expr::Rel { unit, n, anchored };
        if let Some(n) = self.find_w(i, |_, w| match w {
            W::DayWord(n) => Some(n),
            _ => None,
        }) {
            return Some((rel(Unit::Day, n, false), i, self.part_of_day_end(i + 1)));
        }
        // "deux ans plus tard", "three days later", "a year earlier"
        if let Some((n, u)) = self.count_at(i)
            && let Some(unit) = self.unit_at(u)
        {
            if self.langs.en && self.word_is(u + 1, &["later", "earlier"]) {
                let n = if self.word_is(u + 1, &["later"]) {
                    n
                } else {
                    -n
                };
                return Some((rel(unit, n, true), i, u + 2));
            }
            if self.langs.fr
                && self.word_is(u + 1, &["plus"])
                && self.word_is(u + 2, &["tard", "tôt"])
            {
                let n = if self.word_is(u + 2, &["tard"]) {
                    n
                } else {
                    -n
                };
                return Some((rel(unit, n, true), i, u + 3));
            }
            if self.langs.fr && self.word_is(u + 1, &["auparavant"]) {
                return Some((rel(unit, -n, true), i, u + 2));
            }
        }
        // "ce matin", "cette nuit", "this morning", "tonight"
        if self.langs.fr && self.word_is(i, &["ce", "cet", "cette"]) {
            if self.word_is(i + 1, &["matin", "soir", "nuit"]) {
                return Some((rel(Unit::Day, 0, false), i, i + 2));
            }
            if self.word_is(i + 1, &["après"])
                && self.punct_is(i + 2, '-')
                && self.word_is(i + 3, &["midi"])
            {
                return Some((rel(Unit::Day, 0, false), i, i + 4));
            }
        }
        if self.langs.en {
            if self.word_is(i, &["this"])
                && self.word_is(i + 1, &["morning", "afternoon", "evening"])
            {
                return Some((rel(Unit::Day, 0, false), i, i + 2));
            }
            if self.word_is(i, &["tonight"]) {
                return Some((rel(Unit::Day, 0, false), i, i + 1));
            }
        }
        if self.langs.fr {
            // il y a N unités
            if self.word_is(i, &["il"])
                && self.word_is(i + 1, &["y"])
                && self.word_is(i + 2, &["a"])
            {
                let (n, u) = self.count_at(i + 3)?;
                let unit = self.unit_at(u)?;
                return Some((rel(unit, -n, false), i, u + 1));
            }
            // dans N unités
            if self.word_is(i, &["dans"])
                && let Some((n, u)) = self.count_at(i + 1)
                && let Some(unit) = self.unit_at(u)
            {
                return Some((rel(unit, n, false), i, u + 1));
            }
            for (first, second, n) in [("avant", "hier", -2), ("après", "demain", 2)] {
                if self.word_is(i, &[first]) {
                    let j = if self.punct_is(i + 1, '-') {
                        i + 2
                    } else {
                        i + 1
                    };
                    if self.word_is(j, &[second]) {
                        return Some((rel(Unit::Day, n, false), i, j + 1));
                    }
                }
            }
            if self.word_is(i, &["le"]) && self.word_is(i + 1, &["lendemain"]) {
                return Some((rel(Unit::Day, 1, true), i, i + 2));
            }
            if self.word_is(i, &["la"]) && self.word_is(i + 1, &["veille"]) {
                return Some((rel(Unit::Day, -1, true), i, i + 2));
            }
            // la semaine dernière, le mois prochain, l'an dernier, l'année suivante
            let j = if self.word_is(i, &["l"]) && self.punct_is(i + 1, '\'') {
                Some(i + 2)
            } else if self.word_is(i, &["le", "la"]) {
                Some(i + 1)
            } else {
                None
            };
            if let Some(j) = j
                && let Some(unit) = self.unit_at(j)
                && !self.word_is(j, &["jours", "semaines", "ans", "années"])
                && let Some(shift) = self.shift_at(j + 1)
                && shift != Shift::This
            {
                let (n, anchored) = shift_offset(shift);
                return Some((rel(unit, n, anchored), i, j + 2));
            }
            // cette semaine, ce mois-ci, cette année
            if self.word_is(i, &["ce", "cet", "cette"])
                && let Some(unit) = self.unit_at(i + 1)
                && !self.word_is(
                    i + 1,
                    &["jours", "semaines", "ans", "années", "jour", "journée"],
                )
            {
                let mut end = i + 2;
                if self.punct_is(end, '-') && self.word_is(end + 1, &["ci"]) {
                    end += 2;
                }
                return Some((rel(unit, 0, false), i, end));
            }
            // mardi dernier, mai prochain
            if let Some(shift @ (Shift::Last | Shift::Next)) = self.shift_at(i + 1) {
                if let Some((d, false)) = self.weekday_w(i) {
                    return Some((
                        Expr::Weekday {
                            d,
                            shift: Some(shift),
                            tense: Tense::Unknown,
                        },
                        i,
                        i + 2,
                    ));
                }
                if let Some((m, false, Lang::Fr)) = self.month_at(i)
                    && !(m == 3 && self.t[i].case != Case::Lower)
                {
                    return Some((Expr::MonthShift { m, d: None, shift }, i, i + 2));
                }
            }
        }
        if self.langs.en {
            if let Some(p) = self.ago_at(i) {
                return Some(p);
            }
            // the following year, the next day, the previous month
            if self.word_is(i, &["the"])
                && let Some(shift) = self.shift_at(i + 1)
                && let Some(unit) = self.unit_at(i + 2)
                && self.word_is(i + 2, &["day", "week", "month", "year"])
            {
                let n = match shift {
                    Shift::Following | Shift::Next => 1,
                    Shift::Previous => -1,
                    _ => return None,
                };
                return Some((rel(unit, n, true), i, i + 3));
            }
            // last week, next month, this year; last Tuesday; last May
            if let Some(shift @ (Shift::Last | Shift::Next | Shift::This)) = self.shift_at(i)
                && self.t[i].case != Case::Upper
            {
                if let Some(unit) = self.unit_at(i + 1)
                    && self.word_is(i + 1, &["week", "month", "year"])
                {
                    let (n, _) = shift_offset(shift);
                    return Some((rel(unit, n, false), i, i + 2));
                }
                if let Some((d, false)) = self.weekday_w(i + 1) {
                    return Some((
                        Expr::Weekday {
                            d,
                            shift: Some(shift),
                            tense: Tense::Unknown,
                        },
                        i,
                        i + 2,
                    ));
                }
                if shift != Shift::This
                    && let Some((m, false, Lang::En)) = self.month_at(i + 1)
                    && self.t[i + 1].case != Case::Lower
                {
                    return Some((Expr::MonthShift { m, d: None, shift }, i, i + 2));
                }
            }
        }
        None
    }

    /// "three days ago", "a week ago", "2 years ago".
    fn ago_at(&self, i: usize) -> Parsed {
        if !self.langs.en {
            return None;
        }
        let (n, u) = self.count_at(i)?;
        let unit = self.unit_at(u)?;
        if !self.word_is(u + 1, &["ago"]) {
            return None;
        }
        Some((
            Expr::Rel {
                unit,
                n: -n,
                anchored: false,
            },
            i,
            u + 2,
        ))
    }

    /// The tense of the sentence around token `i`, from a few surface cues:
    /// English "will", "'ll", "next" / "was", "said", "-ed"; French futures
    /// ("sera", "ouvrira", "reviendront"), "prochain" / compound pasts
    /// ("a filmé", "ont voté"). The future wins when both are present
    /// ("il a annoncé qu'il viendra mardi").
    pub(super) fn tense(&self, i: usize) -> Tense {
        // First the comma-delimited segment around `i` ("arrêté en juillet"),
        // then the whole clause, up to sentence punctuation or a quotation mark.
        let clause_stop = |t: &Tok| {
            matches!(
                t.kind,
                Tk::Punct('.' | '!' | '?' | ';' | '"' | '“' | '”' | '«' | '»') | Tk::Break
            )
        };
        let comma = |k: usize| {
            self.t[k].kind == Tk::Punct(',') && self.t.get(k + 1).is_some_and(|t| t.space_before)
        };
        let bounds = |with_commas: bool| {
            let stop = |k: usize| clause_stop(&self.t[k]) || (with_commas && comma(k));
            let mut a = i;
            while a > 0 && !stop(a - 1) && i - a < 40 {
                a -= 1;
            }
            let mut b = i;
            while b + 1 < self.t.len() && !stop(b + 1) && b - i < 40 {
                b += 1;
            }
            (a, b)
        };
        let (a, b) = bounds(true);
        match self.tense_cues(i, a, b) {
            Tense::Unknown => {
                let (a, b) = bounds(false);
                self.tense_cues(i, a, b)
            }
            t => t,
        }
    }

    fn tense_cues(&self, i: usize, a: usize, b: usize) -> Tense {
        let mut past = false;
        for k in a..=b {
            if self.t[k].kind != Tk::Word || k == i {
                continue;
            }
            let lo = self.lower_of(k);
            let lower = self.t[k].case == Case::Lower;
            if self.langs.en {
                if matches!(
                    lo,
                    "will"
                        | "shall"
                        | "ll"
                        | "tomorrow"
                        | "next"
                        | "upcoming"
                        | "would"
                        | "scheduled"
                        | "expected"
                        | "due"
                        | "plans"
                        | "planning"
                ) {
                    return Tense::Future;
                }
                if matches!(
                    lo,
                    "was" | "were" | "had" | "did" | "said" | "ago" | "yesterday" | "last"
                ) || (lower && lo.len() >= 5 && lo.ends_with("ed"))
                {
                    past = true;
                }
            }
            if self.langs.fr {
                if matches!(lo, "prochain" | "prochaine" | "demain" | "va" | "vont")
                    || (lo == "ici"
                        && k >= 2
                        && self.punct_is(k - 1, '\'')
                        && self.word_is(k - 2, &["d"]))
                {
                    return Tense::Future;
                }
                if lower
                    && lo.chars().count() >= 5
                    && (lo.ends_with("ra") || lo.ends_with("ront"))
                    && !FR_RA_NOUNS.contains(&lo)
                {
                    return Tense::Future;
                }
                if matches!(
                    lo,
                    "a" | "ont" | "avait" | "avaient" | "est" | "sont" | "était" | "étaient"
                ) && self.lower_of(k + 1).chars().count() >= 3
                    && [
                        "é", "és", "ée", "ées", "i", "is", "it", "u", "us", "ert", "ort",
                    ]
                    .iter()
                    .any(|e| self.lower_of(k + 1).ends_with(e))
                {
                    past = true;
                }
                if matches!(lo, "hier" | "dernier" | "dernière" | "fut" | "furent") {
                    past = true;
                }
                // A conditional in reported speech looks ahead: "se rendrait en juin".
                if lower && lo.chars().count() >= 6 && is_conditional(lo) {
                    return Tense::Future;
                }
                // A participle phrase: "arrêté en juillet".
                if lower
                    && lo.chars().count() >= 5
                    && ["é", "ée", "és", "ées"].iter().any(|e| lo.ends_with(e))
                    && self.word_is(
                        k + 1,
                        &["en", "le", "au", "dès", "depuis", "fin", "début", "mi"],
                    )
                {
                    past = true;
                }
            }
        }
        if past { Tense::Past } else { Tense::Unknown }
    }
}

/// A French conditional ("rendrait", "serait", "pourraient"), not an
/// imperfect of a verb in -rer ("figuraient", "déclarait", "espérait"): the
/// conditional's "r" follows the infinitive's stem (e, d, r, t, v), and the
/// few short conditionals after another letter are listed.
fn is_conditional(lo: &str) -> bool {
    let stem = lo
        .strip_suffix("raient")
        .or_else(|| lo.strip_suffix("rait"));
    match stem {
        Some(stem) => {
            matches!(stem.chars().last(), Some('e' | 'd' | 'r' | 't' | 'v'))
                || matches!(stem, "au" | "sau" | "i")
        }
        None => false,
    }
}

fn shift_offset(shift: Shift) -> (i32, bool) {
    match shift {
        Shift::Last => (-1, false),
        Shift::Next => (1, false),
        Shift::This => (0, false),
        Shift::Following => (1, true),
        Shift::Previous => (-1, true),
    }
}

/// Common French words ending in -ra / -ront that are not futures.
const FR_RA_NOUNS: &[&str] = &[
    "caméra", "caméras", "opéra", "extra", "choléra", "sahara", "tundra", "mantra", "cobra",
];
