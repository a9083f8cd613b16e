//! Mention errors grouped by kind, so progress reads at a glance:
//! - `boundary`: a prediction overlaps a missed gold mention of the same type
//!   (one error, not a miss plus a false positive);
//! - `wrong type`: a prediction has exactly a missed gold mention's span, with
//!   another type (counted under the gold type);
//! - `missed`: a gold mention nothing overlaps with its type or span;
//! - `spurious`: a prediction that overlaps no missed gold mention.
//!
//! Pairs are taken greedily in text order, each gold and each prediction at
//! most once; a prediction that is neither a boundary nor a type error of the
//! gold it overlaps stays spurious, and that gold stays missed.

use super::score::Mistake;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The kinds of mention error, in display order.
pub const KINDS: [&str; 4] = ["missed", "spurious", "wrong type", "boundary"];

/// Error counts by kind, then by label (PER, ORG, LOC, NORP).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grouped {
    pub counts: BTreeMap<&'static str, BTreeMap<String, usize>>,
}

impl Grouped {
    fn add(&mut self, kind: &'static str, label: &str) {
        *self
            .counts
            .entry(kind)
            .or_default()
            .entry(label.to_string())
            .or_default() += 1;
    }

    /// The count of one kind and label (0 when absent).
    pub fn get(&self, kind: &str, label: &str) -> usize {
        self.counts
            .get(kind)
            .and_then(|m| m.get(label))
            .copied()
            .unwrap_or(0)
    }

    /// All errors of one kind.
    pub fn total(&self, kind: &str) -> usize {
        self.counts.get(kind).map_or(0, |m| m.values().sum())
    }
}

fn range(m: &Mistake) -> Option<(usize, usize)> {
    Some((m.start?, m.end?))
}

/// Group the mention mistakes of one or more documents.
pub fn group(mistakes: &[Mistake]) -> Grouped {
    let mut out = Grouped::default();
    // Per document: spurious and missed mentions, in text order.
    let mut by_doc: BTreeMap<&str, (Vec<&Mistake>, Vec<&Mistake>)> = BTreeMap::new();
    for m in mistakes.iter().filter(|m| m.layer == "mention") {
        let entry = by_doc.entry(m.document.as_str()).or_default();
        match m.error {
            "spurious" => entry.0.push(m),
            "missed" => entry.1.push(m),
            _ => {}
        }
    }
    for (spurious, missed) in by_doc.values() {
        let mut used = vec![false; spurious.len()];
        for g in missed {
            let Some((gs, ge)) = range(g) else {
                out.add("missed", &g.label);
                continue;
            };
            let overlaps = |p: &Mistake| range(p).is_some_and(|(s, e)| s < ge && gs < e);
            let same_span = |p: &Mistake| range(p) == Some((gs, ge));
            let found = spurious
                .iter()
                .enumerate()
                .find(|(i, p)| !used[*i] && overlaps(p) && p.label == g.label)
                .map(|(i, _)| (i, "boundary"))
                .or_else(|| {
                    spurious
                        .iter()
                        .enumerate()
                        .find(|(i, p)| !used[*i] && same_span(p))
                        .map(|(i, _)| (i, "wrong type"))
                });
            match found {
                Some((i, kind)) => {
                    used[i] = true;
                    out.add(kind, &g.label);
                }
                None => out.add("missed", &g.label),
            }
        }
        for (p, _) in spurious.iter().zip(&used).filter(|(_, u)| !**u) {
            out.add("spurious", &p.label);
        }
    }
    out
}

/// `  missed       123   PER 50  ORG 40  LOC 33`, one line per kind.
pub fn render(g: &Grouped) -> String {
    let mut out = String::new();
    for kind in KINDS {
        let _ = write!(out, "  {kind:<11} {:>6}  ", g.total(kind));
        if let Some(labels) = g.counts.get(kind) {
            for (label, n) in labels {
                let _ = write!(out, " {label} {n}");
            }
        }
        out.push('\n');
    }
    out
}

/// `{"missed": {"total": n, "PER": n, ...}, ...}`.
pub fn to_json(g: &Grouped) -> Value {
    let mut obj = Map::new();
    for kind in KINDS {
        let mut m = Map::new();
        m.insert("total".into(), json!(g.total(kind)));
        if let Some(labels) = g.counts.get(kind) {
            for (label, n) in labels {
                m.insert(label.clone(), json!(n));
            }
        }
        obj.insert(kind.into(), Value::Object(m));
    }
    Value::Object(obj)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(doc: &str, error: &'static str, label: &str, start: usize, end: usize) -> Mistake {
        Mistake {
            document: doc.to_string(),
            layer: "mention",
            error,
            label: label.to_string(),
            text: String::new(),
            start: Some(start),
            end: Some(end),
            detail: None,
        }
    }

    #[test]
    fn pairs_become_boundary_and_type_errors() {
        let mistakes = vec![
            // "New York" found as "York": boundary.
            m("a", "missed", "LOC", 0, 8),
            m("a", "spurious", "LOC", 4, 8),
            // "Leicester" the club found as a place: wrong type.
            m("a", "missed", "ORG", 10, 19),
            m("a", "spurious", "LOC", 10, 19),
            // Alone.
            m("a", "missed", "PER", 30, 35),
            m("a", "spurious", "ORG", 40, 44),
            // Same offsets in another document do not pair.
            m("b", "spurious", "PER", 30, 35),
            // Overlap with another type and another span: both stay.
            m("b", "missed", "ORG", 50, 60),
            m("b", "spurious", "LOC", 50, 55),
        ];
        let g = group(&mistakes);
        assert_eq!(g.get("boundary", "LOC"), 1);
        assert_eq!(g.get("wrong type", "ORG"), 1);
        assert_eq!(g.get("missed", "PER"), 1);
        assert_eq!(g.get("missed", "ORG"), 1);
        assert_eq!(g.get("spurious", "ORG"), 1);
        assert_eq!(g.get("spurious", "PER"), 1);
        assert_eq!(g.get("spurious", "LOC"), 1);
        assert_eq!(g.total("missed"), 2);
        assert_eq!(g.total("spurious"), 3);
        let text = render(&g);
        assert!(text.contains("wrong type       1   ORG 1"), "{text}");
        assert_eq!(to_json(&g)["boundary"]["LOC"], 1);
        assert_eq!(to_json(&g)["boundary"]["total"], 1);
    }

    #[test]
    fn other_layers_are_not_counted() {
        let mut date = m("a", "missed", "DATE", 0, 4);
        date.layer = "date";
        assert_eq!(group(&[date]), Grouped::default());
    }
}
