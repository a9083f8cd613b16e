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

/// The candidate arena the passes share: every candidate ever proposed (an
/// index into `cands` is its identity for the rest of the run), whether it is
/// still alive, and which tokens the live ones cover.
pub struct Arena {
    pub cands: Vec<Cand>,
    pub alive: Vec<bool>,
    pub occ: Occupancy,
}

impl Arena {
    /// An empty arena over `n` tokens.
    pub fn new(n: usize) -> Arena {
        Arena {
            cands: Vec::new(),
            alive: Vec::new(),
            occ: Occupancy::new(n),
        }
    }
    /// Add a live candidate without claiming its tokens (the first passes
    /// claim them all at once with [`Arena::occupy_alive`]).
    pub fn push_unclaimed(&mut self, c: Cand) -> usize {
        self.cands.push(c);
        self.alive.push(true);
        self.cands.len() - 1
    }
    /// Add a candidate and claim its tokens, if they are all free.
    pub fn push(&mut self, c: Cand) -> Option<usize> {
        if !self.occ.free(c.a, c.b) {
            return None;
        }
        self.occ.take(c.a, c.b, self.cands.len());
        Some(self.push_unclaimed(c))
    }
    /// [`Arena::push`] each candidate in turn.
    pub fn push_all(&mut self, new: Vec<Cand>) {
        for c in new {
            self.push(c);
        }
    }
    /// Kill every live candidate on tokens `[a, b)` and free those tokens (the
    /// killed candidates' tokens outside `[a, b)` stay claimed).
    pub fn evict(&mut self, a: usize, b: usize) {
        for k in a..b {
            if let Some(ci) = self.occ.at(k) {
                self.alive[ci] = false;
            }
        }
        self.occ.release(a, b);
    }
    /// Claim the tokens of every live candidate, later ones over earlier ones.
    pub fn occupy_alive(&mut self) {
        for (ci, c) in self.cands.iter().enumerate() {
            if self.alive[ci] {
                self.occ.take(c.a, c.b, ci);
            }
        }
    }
    /// Indices of the live candidates.
    pub fn live(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.cands.len()).filter(|&i| self.alive[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(a: usize, b: usize) -> Cand {
        Cand::new(a, b, Span::new(a, b), Kind::Person, Src::Person)
    }

    #[test]
    fn push_claims_free_tokens_only() {
        let mut arena = Arena::new(6);
        assert_eq!(arena.push(cand(0, 2)), Some(0));
        assert_eq!(arena.push(cand(1, 3)), None);
        assert_eq!(arena.push(cand(2, 4)), Some(1));
        assert_eq!(arena.occ.at(0), Some(0));
        assert_eq!(arena.occ.at(3), Some(1));
        assert!(arena.occ.free(4, 6));
    }

    #[test]
    fn evict_kills_and_frees() {
        let mut arena = Arena::new(6);
        arena.push_all(vec![cand(0, 2), cand(2, 4), cand(4, 6)]);
        arena.evict(1, 3);
        assert_eq!(arena.alive, vec![false, false, true]);
        // Only the evicted range is freed (as the passes expect).
        assert!(arena.occ.free(1, 3));
        assert!(!arena.occ.free(0, 1) && !arena.occ.free(3, 4));
        assert_eq!(arena.live().collect::<Vec<_>>(), vec![2]);
    }

    #[test]
    fn occupy_alive_lets_later_candidates_win() {
        let mut arena = Arena::new(4);
        arena.push_unclaimed(cand(0, 3));
        arena.push_unclaimed(cand(2, 4));
        arena.push_unclaimed(cand(0, 1));
        arena.alive[2] = false;
        arena.occupy_alive();
        assert_eq!(
            (0..4).map(|k| arena.occ.at(k)).collect::<Vec<_>>(),
            vec![Some(0), Some(0), Some(1), Some(1)]
        );
    }
}
