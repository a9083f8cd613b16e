//! Numeric dates and digit chains: "24/11/2026", "2026-11-24", "2020-2023",
//! and numbers or ids ("1,500", "978-2-1234") skipped whole.

use super::expr::{Expr, Found};
use super::grammar::{Grammar, Parsed, SEPS, valid_day};
use super::token::Tk;

impl Grammar<'_> {
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
}
