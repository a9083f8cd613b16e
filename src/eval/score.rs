//! Comparing an [`Analysis`] with a [`Document`]'s gold annotations.
//!
//! - Mentions: exact span and type, per type and over PER+ORG+LOC; a lenient
//!   score accepts overlapping spans of the same type (one-to-one).
//! - Actors: per document, predicted actors against gold actors, one-to-one
//!   (a split actor counts once right, once wrong). A predicted actor matches
//!   a gold actor when one of its forms or its name equals, after case and
//!   accent folding, one of the gold actor's annotated forms or its name, or
//!   is an acronym of one of them or the other way round.
//! - Dates: exact span, and a lenient score that accepts overlapping spans
//!   (one-to-one); value accuracy is the share of exact-span-matched dates
//!   (with a gold value) whose predicted value equals the gold value.
//!
//! Names in [`Document::ignored_names`] (the byline) are dropped from both sides.

use super::names::{fold, is_acronym_of, is_part_of_name, looks_like_acronym};
use super::offsets::OffsetMap;
use super::roles::RoleCounts;
use super::{Document, GoldActor};
use crate::extract::{Actor, Analysis, Context, Kind, Span};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The kinds summed in the overall mention score.
pub const MAIN_KINDS: [Kind; 3] = [Kind::Person, Kind::Organization, Kind::Place];

/// True positives, false positives and misses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub missed: usize,
}

impl Counts {
    pub fn new(tp: usize, fp: usize, missed: usize) -> Counts {
        Counts { tp, fp, missed }
    }
    /// 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// 0 when there is no gold.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.missed)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.missed += other.missed;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn add_opt(a: &mut Option<Counts>, b: Option<Counts>) {
    if let Some(b) = b {
        a.get_or_insert_default().add(b);
    }
}

/// Counts for one document or summed over many. `None` where the gold does
/// not annotate that layer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub documents: usize,
    /// Exact match, per annotated kind.
    pub by_kind: BTreeMap<Kind, Counts>,
    /// Exact match over PER+ORG+LOC.
    pub mentions: Option<Counts>,
    /// Overlap and same type over PER+ORG+LOC.
    pub lenient: Option<Counts>,
    pub actors: Option<Counts>,
    /// Exact date spans.
    pub dates: Option<Counts>,
    /// Overlapping date spans, one-to-one.
    pub dates_lenient: Option<Counts>,
    /// Span-matched dates with a gold value, and those whose value is right.
    pub date_values_judged: usize,
    pub date_values_right: usize,
    /// Roles, where the gold gives them.
    pub roles: Option<RoleCounts>,
}

impl Scores {
    pub fn add(&mut self, other: &Scores) {
        self.documents += other.documents;
        for (k, c) in &other.by_kind {
            self.by_kind.entry(*k).or_default().add(*c);
        }
        add_opt(&mut self.mentions, other.mentions);
        add_opt(&mut self.lenient, other.lenient);
        add_opt(&mut self.actors, other.actors);
        add_opt(&mut self.dates, other.dates);
        add_opt(&mut self.dates_lenient, other.dates_lenient);
        self.date_values_judged += other.date_values_judged;
        self.date_values_right += other.date_values_right;
        if let Some(r) = other.roles {
            self.roles.get_or_insert_default().add(r);
        }
    }
    /// Share of span-matched dates whose value is right (`None` if none judged).
    pub fn date_value_accuracy(&self) -> Option<f64> {
        (self.date_values_judged > 0)
            .then(|| ratio(self.date_values_right, self.date_values_judged))
    }
}

/// One thing to fix: a false positive, a miss, or a wrong date value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mistake {
    pub document: String,
    /// `mention`, `actor`, `date` or `role`.
    pub layer: &'static str,
    /// `spurious` (false positive), `missed`, `value` (right span, wrong value),
    /// and for roles `text` (right actor, wrong text), `inexact` (lenient match
    /// only) or `wrong_person`.
    pub error: &'static str,
    /// Entity label (PER, ORG, LOC, NORP), actor kind, or DATE.
    pub label: String,
    pub text: String,
    /// Code points into the document text (none for actors).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// What the other side says, when it says something close.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Run the extractor on a document's text with the document's context.
pub fn analyse(doc: &Document) -> Analysis {
    let ctx = Context {
        lang: doc.lang.clone(),
        published: doc.published,
    };
    crate::extract::extract_text(&doc.text, &ctx)
}

struct Ctx<'a> {
    doc: &'a Document,
    map: OffsetMap,
    mistakes: Vec<Mistake>,
}

impl Ctx<'_> {
    fn ignored(&self, name: &str) -> bool {
        self.doc
            .ignored_names
            .iter()
            .any(|n| is_part_of_name(name, n))
    }
    fn text(&self, span: Span) -> &str {
        self.doc.text.get(span.range()).unwrap_or("")
    }
    fn push(
        &mut self,
        layer: &'static str,
        error: &'static str,
        label: &str,
        span: Option<Span>,
        detail: Option<String>,
        text: Option<String>,
    ) {
        self.mistakes.push(Mistake {
            document: self.doc.id.clone(),
            layer,
            error,
            label: label.to_string(),
            text: text
                .unwrap_or_else(|| span.map(|s| self.text(s).to_string()).unwrap_or_default()),
            start: span.map(|s| self.map.to_char(s.start)),
            end: span.map(|s| self.map.to_char(s.end)),
            detail,
        });
    }
}

/// Score one document's analysis. Mistakes come in text order per layer.
pub fn score_document(doc: &Document, analysis: &Analysis) -> (Scores, Vec<Mistake>) {
    let mut cx = Ctx {
        doc,
        map: OffsetMap::new(&doc.text),
        mistakes: Vec::new(),
    };
    let mut scores = Scores {
        documents: 1,
        ..Scores::default()
    };
    if !doc.kinds.is_empty() {
        score_mentions(&mut cx, analysis, &mut scores);
    }
    if let Some(gold) = &doc.actors {
        scores.actors = Some(score_actors(&mut cx, gold, analysis));
    }
    if doc.dates.is_some() {
        score_dates(&mut cx, analysis, &mut scores);
    }
    if let Some((counts, mistakes)) = super::roles::score(doc, analysis) {
        scores.roles = Some(counts);
        cx.mistakes.extend(mistakes);
    }
    (scores, cx.mistakes)
}

fn valid(text: &str, span: Span) -> bool {
    span.start < span.end && text.get(span.range()).is_some()
}

fn score_mentions(cx: &mut Ctx<'_>, analysis: &Analysis, scores: &mut Scores) {
    let doc = cx.doc;
    let gold: BTreeSet<(Span, Kind)> = doc
        .entities
        .iter()
        .filter(|e| doc.kinds.contains(&e.kind) && !cx.ignored(cx.text(e.span)))
        .map(|e| (e.span, e.kind))
        .collect();
    let pred: BTreeSet<(Span, Kind)> = analysis
        .mentions
        .iter()
        .filter(|m| doc.kinds.contains(&m.kind) && valid(&doc.text, m.span))
        .filter(|m| !cx.ignored(cx.text(m.span)))
        .map(|m| (m.span, m.kind))
        .collect();
    for &kind in &doc.kinds {
        let g = gold.iter().filter(|(_, k)| *k == kind).count();
        let p = pred.iter().filter(|(_, k)| *k == kind).count();
        let tp = pred
            .iter()
            .filter(|x| x.1 == kind && gold.contains(x))
            .count();
        scores.by_kind.insert(kind, Counts::new(tp, p - tp, g - tp));
    }
    let main = |set: &BTreeSet<(Span, Kind)>| -> Vec<(Span, Kind)> {
        set.iter()
            .filter(|(_, k)| MAIN_KINDS.contains(k))
            .copied()
            .collect()
    };
    let (g_main, p_main) = (main(&gold), main(&pred));
    let mut overall = Counts::default();
    for k in MAIN_KINDS.iter().filter(|k| doc.kinds.contains(k)) {
        overall.add(scores.by_kind[k]);
    }
    scores.mentions = Some(overall);
    // Lenient: one-to-one, exact matches first, then overlaps in text order.
    let mut used = vec![false; p_main.len()];
    let mut matched = 0;
    let mut pending = Vec::new();
    for g in &g_main {
        match p_main.binary_search(g) {
            Ok(i) => {
                used[i] = true;
                matched += 1;
            }
            Err(_) => pending.push(*g),
        }
    }
    for (gs, gk) in pending {
        let found = overlapping(&p_main, gs).find(|&i| !used[i] && p_main[i].1 == gk);
        if let Some(i) = found {
            used[i] = true;
            matched += 1;
        }
    }
    scores.lenient = Some(Counts::new(
        matched,
        p_main.len() - matched,
        g_main.len() - matched,
    ));
    // Mistakes, in text order.
    let gold_sorted: Vec<(Span, Kind)> = gold.iter().copied().collect();
    let pred_sorted: Vec<(Span, Kind)> = pred.iter().copied().collect();
    for &(span, kind) in pred.iter().filter(|x| !gold.contains(x)) {
        let detail = overlapping(&gold_sorted, span).next().map(|i| {
            let (s, k) = gold_sorted[i];
            format!("gold {} {:?}", k.label(), cx.text(s))
        });
        cx.push(
            "mention",
            "spurious",
            kind.label(),
            Some(span),
            detail,
            None,
        );
    }
    for &(span, kind) in gold.iter().filter(|x| !pred.contains(x)) {
        let detail = overlapping(&pred_sorted, span).next().map(|i| {
            let (s, k) = pred_sorted[i];
            format!("predicted {} {:?}", k.label(), cx.text(s))
        });
        cx.push("mention", "missed", kind.label(), Some(span), detail, None);
    }
}

/// Spans longer than this (bytes) are not looked for as overlaps of later
/// spans: it keeps overlap search logarithmic on book-length documents.
const MAX_SPAN: usize = 4096;

/// Indices of the items of `sorted` (sorted by span) that overlap `span`.
fn overlapping<T>(sorted: &[(Span, T)], span: Span) -> impl Iterator<Item = usize> + '_ {
    let hi = sorted.partition_point(|(s, _)| s.start < span.end);
    let lo = sorted.partition_point(|(s, _)| s.start + MAX_SPAN < span.start);
    (lo..hi.max(lo)).filter(move |&i| sorted[i].0.overlaps(&span))
}

/// Folded names of an actor: its name and forms.
fn folded_names<'a>(name: &'a str, forms: &'a [String]) -> Vec<(&'a str, String)> {
    let mut out: Vec<(&str, String)> = Vec::new();
    for s in std::iter::once(name).chain(forms.iter().map(String::as_str)) {
        let f = fold(s);
        if !f.is_empty() && !out.iter().any(|(_, g)| *g == f) {
            out.push((s, f));
        }
    }
    out
}

/// Gold actors by folded name, and by initial for acronym matching, so that
/// matching stays near-linear on documents with thousands of actors.
struct GoldIndex<'a> {
    by_fold: HashMap<&'a str, Vec<usize>>,
    /// Acronym-shaped names by folded initial.
    acronyms: HashMap<char, Vec<(usize, &'a str)>>,
    /// Names of several words by folded initial.
    long: HashMap<char, Vec<(usize, &'a str)>>,
}

impl<'a> GoldIndex<'a> {
    fn new(names: &'a [Vec<(&'a str, String)>]) -> Self {
        let mut ix = GoldIndex {
            by_fold: HashMap::new(),
            acronyms: HashMap::new(),
            long: HashMap::new(),
        };
        for (j, list) in names.iter().enumerate() {
            for (raw, folded) in list {
                ix.by_fold.entry(folded.as_str()).or_default().push(j);
                let Some(initial) = folded.chars().next() else {
                    continue;
                };
                if looks_like_acronym(raw) {
                    ix.acronyms.entry(initial).or_default().push((j, raw));
                } else if folded.contains(' ') {
                    ix.long.entry(initial).or_default().push((j, raw));
                }
            }
        }
        ix
    }

    /// Gold actors one of `names` matches, by folding or acronym, in order.
    fn candidates(&self, names: &[(&str, String)]) -> Vec<usize> {
        let mut out = BTreeSet::new();
        for (raw, folded) in names {
            out.extend(self.by_fold.get(folded.as_str()).into_iter().flatten());
            let Some(initial) = folded.chars().next() else {
                continue;
            };
            if looks_like_acronym(raw) {
                for (j, long) in self.long.get(&initial).into_iter().flatten() {
                    if is_acronym_of(raw, long) {
                        out.insert(*j);
                    }
                }
            } else if folded.contains(' ') {
                for (j, short) in self.acronyms.get(&initial).into_iter().flatten() {
                    if is_acronym_of(short, raw) {
                        out.insert(*j);
                    }
                }
            }
        }
        out.into_iter().collect()
    }
}

fn actor_kind_label(a: &Actor) -> &'static str {
    match a.kind {
        crate::extract::ActorKind::Person => "PER",
        crate::extract::ActorKind::Organization => "ORG",
        crate::extract::ActorKind::Place => "LOC",
    }
}

fn score_actors(cx: &mut Ctx<'_>, gold: &[GoldActor], analysis: &Analysis) -> Counts {
    let doc = cx.doc;
    let gold: Vec<&GoldActor> = gold.iter().filter(|a| !cx.ignored(&a.name)).collect();
    let pred: Vec<&Actor> = analysis
        .actors
        .iter()
        .filter(|a| {
            a.mentions.is_empty()
                || a.mentions.iter().any(|&i| {
                    analysis
                        .mentions
                        .get(i)
                        .is_some_and(|m| doc.kinds.contains(&m.kind))
                })
        })
        .filter(|a| {
            let byline = a.forms.iter().all(|f| cx.ignored(f)) && !a.forms.is_empty();
            !cx.ignored(&a.name) && !byline
        })
        .collect();
    let g_names: Vec<_> = gold
        .iter()
        .map(|a| folded_names(&a.name, &a.forms))
        .collect();
    let index = GoldIndex::new(&g_names);
    let edges: Vec<Vec<usize>> = pred
        .iter()
        .map(|a| index.candidates(&folded_names(&a.name, &a.forms)))
        .collect();
    let gold_of = max_matching(&edges, gold.len());
    let matched = gold_of.iter().filter(|g| g.is_some()).count();
    let mut pred_of = vec![None; gold.len()];
    for (i, g) in gold_of.iter().enumerate() {
        if let Some(j) = g {
            pred_of[*j] = Some(i);
        }
    }
    for (i, a) in pred.iter().enumerate() {
        if gold_of[i].is_none() {
            let detail = match edges[i].first() {
                Some(&j) => Some(format!("{} is already matched", gold[j].name)),
                None if a.forms.len() > 1 => Some(format!("forms: {}", a.forms.join(" | "))),
                None => None,
            };
            cx.push(
                "actor",
                "spurious",
                actor_kind_label(a),
                None,
                detail,
                Some(a.name.clone()),
            );
        }
    }
    for (j, g) in gold.iter().enumerate() {
        if pred_of[j].is_none() {
            let detail = (!g.forms.is_empty()).then(|| format!("forms: {}", g.forms.join(" | ")));
            cx.push(
                "actor",
                "missed",
                "actor",
                None,
                detail,
                Some(g.name.clone()),
            );
        }
    }
    Counts::new(matched, pred.len() - matched, gold.len() - matched)
}

/// Maximum bipartite matching (Kuhn, after a greedy pass): for each left
/// node, its right node. A visit stamp per right node keeps each search
/// linear in the edges it walks.
fn max_matching(edges: &[Vec<usize>], right: usize) -> Vec<Option<usize>> {
    struct Search<'e> {
        edges: &'e [Vec<usize>],
        owner: Vec<Option<usize>>,
        stamp: Vec<usize>,
        round: usize,
    }
    impl Search<'_> {
        fn augment(&mut self, u: usize, depth: usize) -> bool {
            // Deep chains are rare; past this depth give up rather than
            // risk the stack (the matching stays valid, maybe not maximal).
            if depth > 10_000 {
                return false;
            }
            for &v in &self.edges[u] {
                if self.stamp[v] == self.round {
                    continue;
                }
                self.stamp[v] = self.round;
                let free = match self.owner[v] {
                    None => true,
                    Some(w) => self.augment(w, depth + 1),
                };
                if free {
                    self.owner[v] = Some(u);
                    return true;
                }
            }
            false
        }
    }
    let mut left: Vec<Option<usize>> = vec![None; edges.len()];
    let mut search = Search {
        edges,
        owner: vec![None; right],
        stamp: vec![0; right],
        round: 0,
    };
    // Greedy pass: most nodes have one candidate.
    for (u, vs) in edges.iter().enumerate() {
        if let Some(&v) = vs.iter().find(|&&v| search.owner[v].is_none()) {
            search.owner[v] = Some(u);
            left[u] = Some(v);
        }
    }
    for u in 0..edges.len() {
        if left[u].is_none() && !edges[u].is_empty() {
            search.round += 1;
            search.augment(u, 0);
        }
    }
    left.iter_mut().for_each(|l| *l = None);
    for (v, u) in search.owner.iter().enumerate() {
        if let Some(u) = u {
            left[*u] = Some(v);
        }
    }
    left
}

fn score_dates(cx: &mut Ctx<'_>, analysis: &Analysis, scores: &mut Scores) {
    let doc = cx.doc;
    let gold: BTreeMap<Span, Option<&str>> = doc
        .dates
        .iter()
        .flatten()
        .map(|d| (d.span, d.value.as_deref()))
        .collect();
    let mut pred: BTreeMap<Span, String> = BTreeMap::new();
    for d in analysis.dates.iter().filter(|d| valid(&doc.text, d.span)) {
        pred.entry(d.span).or_insert_with(|| d.value.to_string());
    }
    let gold_sorted: Vec<(Span, ())> = gold.keys().map(|s| (*s, ())).collect();
    let pred_sorted: Vec<(Span, ())> = pred.keys().map(|s| (*s, ())).collect();
    let mut tp = 0;
    for (&span, value) in &pred {
        match gold.get(&span) {
            Some(want) => {
                tp += 1;
                if let Some(want) = want {
                    scores.date_values_judged += 1;
                    if value.trim().eq_ignore_ascii_case(want.trim()) {
                        scores.date_values_right += 1;
                    } else {
                        let detail = Some(format!("value {value}, gold {want}"));
                        cx.push("date", "value", "DATE", Some(span), detail, None);
                    }
                }
            }
            None => {
                let detail = overlapping(&gold_sorted, span)
                    .next()
                    .map(|i| format!("gold {:?}", cx.text(gold_sorted[i].0)));
                let detail = Some(match detail {
                    Some(d) => format!("value {value}, {d}"),
                    None => format!("value {value}"),
                });
                cx.push("date", "spurious", "DATE", Some(span), detail, None);
            }
        }
    }
    for (&span, want) in gold.iter().filter(|(s, _)| !pred.contains_key(s)) {
        let detail = overlapping(&pred_sorted, span)
            .next()
            .map(|i| format!("predicted {:?}", cx.text(pred_sorted[i].0)))
            .or_else(|| want.map(|w| format!("value {w}")));
        cx.push("date", "missed", "DATE", Some(span), detail, None);
    }
    scores.dates = Some(Counts::new(tp, pred.len() - tp, gold.len() - tp));
    let edges: Vec<Vec<usize>> = pred_sorted
        .iter()
        .map(|(p, _)| overlapping(&gold_sorted, *p).collect())
        .collect();
    let matched = max_matching(&edges, gold_sorted.len())
        .iter()
        .filter(|m| m.is_some())
        .count();
    scores.dates_lenient = Some(Counts::new(
        matched,
        pred.len() - matched,
        gold.len() - matched,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        let c = Counts::new(3, 1, 2);
        assert_eq!(c.precision(), 0.75);
        assert_eq!(c.recall(), 0.6);
        assert!((c.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn matching_is_maximal() {
        // p0 fits g0 or g1, p1 only g0: both get one.
        let m = max_matching(&[vec![0, 1], vec![0]], 2);
        assert_eq!(m, [Some(1), Some(0)]);
        let m = max_matching(&[vec![0], vec![0]], 1);
        assert_eq!(m.iter().filter(|x| x.is_some()).count(), 1);
    }
}
