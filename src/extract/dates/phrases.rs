//! Single expressions: month, weekday, season, decade, century and relative phrases.

use super::expr::Expr;
use super::grammar::{Grammar, Parsed, valid_day};
use super::lexicon::{Lang, Season, Shift, W};
use super::token::{Case, Tk};

impl Grammar<'_> {
    /// "mardi 3 avril 2024", "Tuesday, March 3, 2024", "sam. 12 mars".
    pub(super) fn weekday_date_at(&self, i: usize) -> Parsed {
        self.weekday_w(i)?;
        let mut j = i + 1;
        // "le lundi de Pâques, 21 avril": the feast's name before the date.
        if self.word_is(j, &["de"]) && self.t.get(j + 1).is_some_and(|t| t.case == Case::Title) {
            j += 2;
        }
        if (self.punct_is(j, '.') && self.glued(j)) || self.punct_is(j, ',') {
            j += 1;
        }
        let (e, _, next) = self.day_month_at(j).or_else(|| self.month_led_at(j))?;
        match e {
            Expr::Cal {
                m: Some(_),
                d: Some(_),
                ..
            } => Some((e, i, next)),
            _ => None,
        }
    }

    /// A weekday alone: "mardi", "Tuesday".
    pub(super) fn weekday_at(&self, i: usize) -> Parsed {
        let (d, abbr) = self.weekday_w(i)?;
        if abbr {
            return None;
        }
        // "Sunday Times", "Black Friday": a weekday next to a name is part of it,
        // unless a time word says otherwise ("on Sunday Macron said").
        // "lundi de Pâques" with no date after it: a feast, not a weekday.
        if self.word_is(i + 1, &["de"]) && self.t.get(i + 2).is_some_and(|t| t.case == Case::Title)
        {
            return None;
        }
        // A weekday in lower case ("a condamné jeudi Jean Dupont") is never part of a name.
        let next_is_name = self.t[i].case != Case::Lower
            && self.t.get(i + 1).is_some_and(|t| {
                t.kind == Tk::Word
                    && t.case == Case::Title
                    && !t.newline_before
                    && self.month_at(i + 1).is_none()
            });
        let prev_is_name = i > 0
            && self.langs.prefers_en()
            && self.t[i - 1].kind == Tk::Word
            && self.t[i - 1].case == Case::Title
            && !self.sentence_start(i - 1)
            && !self.has_w(i - 1, |w| matches!(w, W::TimePrep | W::Shift(_)));
        let after_time_word = self.prev_word(i).is_some_and(|p| {
            self.has_w(p, |w| matches!(w, W::TimePrep | W::Shift(_)))
                || self.word_is(p, &["on", "le", "from", "to", "du", "au"])
        });
        if (next_is_name || prev_is_name) && !after_time_word {
            return None;
        }
        let tense = self.tense(i);
        Some((
            Expr::Weekday {
                d,
                shift: None,
                tense,
            },
            i,
            self.part_of_day_end(i + 1),
        ))
    }

    /// "3 avril", "3 avril 2024", "1er mai", "3rd of March 2024", "24 November 2026".
    pub(super) fn day_month_at(&self, i: usize) -> Parsed {
        let d = self.day_at(i)?;
        let mut j = i + 1;
        if self.langs.en && self.word_is(j, &["of"]) {
            j += 1;
        }
        let (m, abbr, _) = self.month_at(j)?;
        j += 1;
        if abbr && self.punct_is(j, '.') && self.glued(j) {
            j += 1;
        }
        if !valid_day(None, m, d) {
            return None;
        }
        if self.langs.fr
            && let Some(shift @ (Shift::Last | Shift::Next)) =
                self.shift_at(j).or_else(|| self.plural_shift(j))
        {
            return Some((
                Expr::MonthShift {
                    m,
                    d: Some(d),
                    shift,
                },
                i,
                j + 1,
            ));
        }
        // "le 10 novembre 93": a French two-digit year of the 1900s.
        if self.langs.fr
            && let Some((yy @ 32..=99, 2)) = self.num(j)
            && !self.t[j].newline_before
            && !self.t.get(j + 1).is_some_and(|t| {
                matches!(t.kind, Tk::Word | Tk::Punct('%' | '€' | '$'))
                    && !t.newline_before
                    && self.is_count_word(j + 1)
            })
            && !self.word_is(j + 1, &["h"])
            && valid_day(Some(1900 + yy as i32), m, d)
        {
            return Some((
                Expr::Cal {
                    y: Some(1900 + yy as i32),
                    m: Some(m),
                    d: Some(d),
                },
                i,
                j + 1,
            ));
        }
        let k = if self.punct_is(j, ',') { j + 1 } else { j };
        let y = self.year_ok(k, true);
        if let Some(y) = y
            && valid_day(Some(y), m, d)
        {
            return Some((
                Expr::Cal {
                    y: Some(y),
                    m: Some(m),
                    d: Some(d),
                },
                i,
                k + 1,
            ));
        }
        Some((
            Expr::Cal {
                y: None,
                m: Some(m),
                d: Some(d),
            },
            i,
            j,
        ))
    }

    /// A month first: "March 3, 2024", "mars 2024", "March of 2024", or a month alone.
    pub(super) fn month_led_at(&self, i: usize) -> Parsed {
        let (m, abbr, lang) = self.month_at(i)?;
        let mut j = i + 1;
        if abbr && self.punct_is(j, '.') && self.glued(j) {
            j += 1;
        }
        if lang == Lang::En
            && let Some(d) = self.day_at(j)
            && valid_day(None, m, d)
            && !self
                .t
                .get(j + 1)
                .is_some_and(|t| t.kind == Tk::Word && self.is_count_word(j + 1))
        {
            let k = if self.punct_is(j + 1, ',') {
                j + 2
            } else {
                j + 1
            };
            if let Some(y) = self.year_ok(k, true)
                && valid_day(Some(y), m, d)
            {
                return Some((
                    Expr::Cal {
                        y: Some(y),
                        m: Some(m),
                        d: Some(d),
                    },
                    i,
                    k + 1,
                ));
            }
            return Some((
                Expr::Cal {
                    y: None,
                    m: Some(m),
                    d: Some(d),
                },
                i,
                j + 1,
            ));
        }
        let k = if lang == Lang::En && self.word_is(j, &["of"]) {
            j + 1
        } else {
            j
        };
        if let Some(y) = self.year_ok(k, true) {
            return Some((
                Expr::Cal {
                    y: Some(y),
                    m: Some(m),
                    d: None,
                },
                i,
                k + 1,
            ));
        }
        // "mai 68", "juin 40": a French month with a two-digit year of the 1900s.
        if lang == Lang::Fr
            && let Some((yy @ 32..=99, 2)) = self.num(j)
            && !self
                .t
                .get(j + 1)
                .is_some_and(|t| t.kind == Tk::Word && self.is_count_word(j + 1))
            && !self
                .t
                .get(j + 1)
                .is_some_and(|t| matches!(t.kind, Tk::Punct('%' | '€' | '$')))
        {
            return Some((
                Expr::Cal {
                    y: Some(1900 + yy as i32),
                    m: Some(m),
                    d: None,
                },
                i,
                j + 1,
            ));
        }
        if self.month_alone_ok(i, m, abbr, lang) {
            return Some((
                Expr::Cal {
                    y: None,
                    m: Some(m),
                    d: None,
                },
                i,
                i + 1,
            ));
        }
        None
    }

    /// A month name with no day or year next to it: is it the month?
    fn month_alone_ok(&self, i: usize, m: u8, abbr: bool, lang: Lang) -> bool {
        if abbr {
            return false;
        }
        let case = self.t[i].case;
        let after_time_word = self.prev_word(i).is_some_and(|p| {
            self.t[p].case != Case::Upper
                && (self.has_w(p, |w| matches!(w, W::TimePrep | W::Shift(_)))
                    || self.word_is(
                        p,
                        &[
                            "from", "between", "to", "and", "de", "du", "à", "et", "entre", "jusqu",
                        ],
                    ))
        });
        match lang {
            // "mars" is the month, "Mars" alone the planet.
            Lang::Fr => !(m == 3 && case != Case::Lower),
            Lang::En => {
                let ambiguous = matches!(m, 3 | 5 | 8); // march, may, august
                if case == Case::Lower {
                    return !ambiguous;
                }
                if ambiguous {
                    return after_time_word;
                }
                // "June Carter": a month name before a capitalised name is a first name.
                let before_name = self.t.get(i + 1).is_some_and(|t| {
                    t.kind == Tk::Word
                        && t.case == Case::Title
                        && t.space_before
                        && !t.newline_before
                });
                after_time_word || !before_name
            }
        }
    }

    /// "été 2024", "summer of 2024", "l'été", "au printemps", "last summer", "cet hiver".
    pub(super) fn season_at(&self, i: usize) -> Parsed {
        // "cet été", "this summer", "last winter": the shift word is part of the span.
        if let Some(shift) = self.shift_at(i)
            && matches!(shift, Shift::This | Shift::Last | Shift::Next)
            && let Some((s, lang)) = self.season_at_w(i + 1)
            && (lang == Lang::Fr || self.t[i + 1].case == Case::Lower)
        {
            return Some((
                Expr::Season {
                    s,
                    y: None,
                    shift: Some(shift),
                },
                i,
                i + 2,
            ));
        }
        let (s, lang) = self.season_at_w(i)?;
        let j = if self.word_is(i + 1, &["de", "of"]) {
            i + 2
        } else {
            i + 1
        };
        if let Some(y) = self.year_ok(j, true) {
            return Some((
                Expr::Season {
                    s,
                    y: Some(y),
                    shift: None,
                },
                i,
                j + 1,
            ));
        }
        if lang == Lang::Fr
            && let Some(shift @ (Shift::Last | Shift::Next)) = self.shift_at(i + 1)
        {
            return Some((
                Expr::Season {
                    s,
                    y: None,
                    shift: Some(shift),
                },
                i,
                i + 2,
            ));
        }
        // "l'hiver 54"
        if lang == Lang::Fr
            && let Some((yy @ 32..=99, 2)) = self.num(i + 1)
            && !self
                .t
                .get(i + 2)
                .is_some_and(|t| t.kind == Tk::Word && self.is_count_word(i + 2))
        {
            return Some((
                Expr::Season {
                    s,
                    y: Some(1900 + yy as i32),
                    shift: None,
                },
                i,
                i + 2,
            ));
        }
        if lang == Lang::En
            && s == Season::Autumn
            && self.word_is(i, &["fall"])
            && self.word_is(i + 1, &["of"])
        {
            return None; // "the fall of Kabul"
        }
        if lang == Lang::En && self.t[i].case != Case::Lower {
            return None; // "The Fall Guy", "Summer Lee": English seasons take no capital
        }
        let p = i.checked_sub(1)?;
        let ok = match lang {
            Lang::Fr => {
                (self.punct_is(p, '\'')
                    && p.checked_sub(1).is_some_and(|q| self.word_is(q, &["l"])))
                    || self.word_is(
                        p,
                        &[
                            "en", "au", "le", "cet", "ce", "cette", "pendant", "durant", "dès",
                            "depuis",
                        ],
                    )
            }
            Lang::En => self.word_is(
                p,
                &[
                    "the", "in", "during", "this", "that", "since", "until", "by",
                ],
            ),
        };
        ok.then_some((
            Expr::Season {
                s,
                y: None,
                shift: None,
            },
            i,
            i + 1,
        ))
    }

    /// "premier trimestre 2024", "au 3e trimestre", "T1 2024", "first quarter of 2024", "Q3 2024".
    pub(super) fn quarter_at(&self, i: usize) -> Parsed {
        let t = self.tok(i)?;
        let q = match t.kind {
            Tk::Ordinal { v } if (1..=4).contains(&v) => v as u8,
            Tk::Word => {
                let ords: [&[&str]; 4] = [
                    &["premier", "first"],
                    &["deuxième", "second", "seconde", "second"],
                    &["troisième", "third"],
                    &["quatrième", "fourth"],
                ];
                let k = ords.iter().position(|o| self.word_is(i, o))?;
                k as u8 + 1
            }
            Tk::Other => {
                // "Q3", "T1"
                let s = self.str_of_tok(i);
                let b = s.as_bytes();
                if b.len() != 2 || !(b'1'..=b'4').contains(&b[1]) {
                    return None;
                }
                let ok = (b[0] == b'Q' && self.langs.en) || (b[0] == b'T' && self.langs.fr);
                if !ok {
                    return None;
                }
                let q = b[1] - b'0';
                let k = if self.word_is(i + 1, &["de", "of"]) {
                    i + 2
                } else {
                    i + 1
                };
                if let Some(y) = self.year_ok(k, true) {
                    return Some((Expr::Quarter { q, y: Some(y) }, i, k + 1));
                }
                return (b[0] == b'Q').then_some((Expr::Quarter { q, y: None }, i, i + 1));
            }
            _ => return None,
        };
        if !self.word_is(i + 1, &["trimestre", "quarter"]) {
            return None;
        }
        let k = if self.word_is(i + 2, &["de", "of"]) {
            i + 3
        } else {
            i + 2
        };
        if let Some(y) = self.year_ok(k, true) {
            return Some((Expr::Quarter { q, y: Some(y) }, i, k + 1));
        }
        Some((Expr::Quarter { q, y: None }, i, i + 2))
    }

    /// "années 1990", "années 90".
    pub(super) fn decade_word_at(&self, i: usize) -> Parsed {
        if !self.word_is(i, &["années"]) {
            return None;
        }
        let (v, digits) = self.num(i + 1)?;
        let dec = decade_of(v, digits)?;
        if self
            .t
            .get(i + 2)
            .is_some_and(|t| t.kind == Tk::Word && self.is_count_word(i + 2))
        {
            return None;
        }
        Some((Expr::Decade(dec), i, i + 2))
    }

    /// "1990s", "'90s", "90s".
    pub(super) fn decade_num_at(&self, i: usize) -> Parsed {
        let (start, j) = if self.punct_is(i, '\'') {
            (i, i + 1)
        } else {
            (i, i)
        };
        if start != j && !self.glued(j) {
            return None;
        }
        let Tk::Decade { v, digits } = self.tok(j)?.kind else {
            return None;
        };
        if digits == 2 && start == j && !self.langs.en {
            return None;
        }
        Some((Expr::Decade(decade_of(v, digits)?), start, j + 1))
    }

    /// "XXe siècle", "20e siècle", "20th century", "twentieth-century" is not read.
    pub(super) fn century_at(&self, i: usize) -> Parsed {
        let t = self.tok(i)?;
        let c = match t.kind {
            Tk::Ordinal { v } => v,
            Tk::Word => roman_ordinal(self.str_of_tok(i))?,
            _ => return None,
        };
        let mut j = i + 1;
        if self.punct_is(j, '-') && self.glued(j) {
            j += 1;
        }
        if !self.word_is(j, &["siècle", "century"]) || !(1..=30).contains(&c) {
            return None;
        }
        Some((Expr::Century(c as i32 - 1), i, j + 1))
    }

    fn str_of_tok(&self, i: usize) -> &str {
        self.t
            .get(i)
            .map(|t| &self.text[t.start..t.end])
            .unwrap_or("")
    }
}

/// The first three digits of a decade: 1990 -> 199, 90 -> 199, 2000 -> 200.
fn decade_of(v: u32, digits: u8) -> Option<i32> {
    if !v.is_multiple_of(10) {
        return None;
    }
    match digits {
        4 if (1000..=2190).contains(&v) => Some((v / 10) as i32),
        2 if (10..=90).contains(&v) => Some(190 + (v / 10) as i32),
        _ => None,
    }
}

/// "XXe", "XIXème", "XXIᵉ" -> 20, 19, 21.
fn roman_ordinal(s: &str) -> Option<u32> {
    let stem = ["ème", "eme", "ᵉ", "e"]
        .iter()
        .find_map(|suf| s.strip_suffix(suf))?;
    if stem.is_empty() || !stem.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')) {
        return None;
    }
    let val = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 0,
    };
    let chars: Vec<u32> = stem.chars().map(val).collect();
    let mut total = 0i64;
    for (k, &v) in chars.iter().enumerate() {
        if chars.get(k + 1).is_some_and(|&n| n > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}
