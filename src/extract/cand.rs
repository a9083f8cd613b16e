//! Candidate mentions shared by the passes, and token occupancy.

use super::{Kind, Span};

/// Where a candidate comes from (also its priority when spans collide).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Src {
    /// An undefined all-caps token taken for an organisation.
    GuessAcronym,
    /// A surname-only mention of a person found earlier.
    Surname,
    /// A person from a capitalised sequence and cues.
    Person,
    /// An acronym defined in the text or an alias in parentheses.
    Alias,
    /// A gazetteer match.
    Known,
    /// A capitalised name headed by an organisation or place word.
    Structure,
}

/// One candidate mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cand {
    /// Token range `[a, b)`.
    pub a: usize,
    pub b: usize,
    pub span: Span,
    pub kind: Kind,
    /// Actor key for gazetteer entries.
    pub key: Option<String>,
    /// Display name for gazetteer entries.
    pub name: Option<String>,
    /// Another candidate this one is a form of (acronym, alias, surname).
    pub link: Option<usize>,
    pub src: Src,
    /// Index of the role phrase tied to this person.
    pub role: Option<usize>,
}

impl Cand {
    pub fn new(a: usize, b: usize, span: Span, kind: Kind, src: Src) -> Cand {
        Cand {
            a,
            b,
            span,
            kind,
            key: None,
            name: None,
            link: None,
            src,
            role: None,
        }
    }
}

/// Which tokens already belong to a candidate.
pub struct Occupancy {
    by: Vec<Option<u32>>,
}

impl Occupancy {
    pub fn new(n: usize) -> Occupancy {
        Occupancy { by: vec![None; n] }
    }
    pub fn free(&self, a: usize, b: usize) -> bool {
        self.by
            .get(a..b)
            .is_some_and(|s| s.iter().all(Option::is_none))
    }
    pub fn at(&self, i: usize) -> Option<usize> {
        self.by.get(i).copied().flatten().map(|x| x as usize)
    }
    pub fn take(&mut self, a: usize, b: usize, who: usize) {
        if let Some(s) = self.by.get_mut(a..b) {
            for x in s {
                *x = Some(who as u32);
            }
        }
    }
    pub fn release(&mut self, a: usize, b: usize) {
        if let Some(s) = self.by.get_mut(a..b) {
            for x in s {
                *x = None;
            }
        }
    }
}
