//! Running the extractor over corpora and printing the scores: a readable
//! table per corpus and a total, a JSON object, and the list of mistakes.

use super::Corpus;
use super::roles::RoleCounts;
use super::score::{Counts, Mistake, Scores, analyse, score_document};
use serde_json::{Map, Value, json};
use std::fmt::Write as _;

/// The scores and mistakes of one corpus.
#[derive(Debug, Clone, Default)]
pub struct CorpusResult {
    pub name: String,
    pub scores: Scores,
    pub mistakes: Vec<Mistake>,
    /// Files in the corpus folder in no format `lede eval` reads.
    pub skipped: Vec<String>,
}

/// Analyse and score every document of a corpus.
pub fn run_corpus(corpus: &Corpus) -> CorpusResult {
    let mut out = CorpusResult {
        name: corpus.name.clone(),
        skipped: corpus
            .skipped
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        ..CorpusResult::default()
    };
    for doc in &corpus.documents {
        let analysis = analyse(doc);
        let (scores, mistakes) = score_document(doc, &analysis);
        out.scores.add(&scores);
        out.mistakes.extend(mistakes);
    }
    out
}

/// The sum of all corpora's counts.
pub fn total(results: &[CorpusResult]) -> Scores {
    let mut t = Scores::default();
    for r in results {
        t.add(&r.scores);
    }
    t
}

/// One table row. A ratio with nothing to count (precision with nothing
/// found, recall with nothing in the gold) is "-", not a 0.000 that reads as a failure.
fn row(out: &mut String, label: &str, c: &Counts) {
    let ratio = |defined: bool, x: f64| {
        if defined {
            format!("{x:.3}")
        } else {
            "-".to_string()
        }
    };
    let _ = writeln!(
        out,
        "  {label:<22} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        ratio(c.tp + c.fp > 0, c.precision()),
        ratio(c.tp + c.missed > 0, c.recall()),
        ratio(c.tp + c.fp + c.missed > 0, c.f1()),
        c.tp,
        c.fp,
        c.missed
    );
}

/// A readable table of one set of scores under a title.
pub fn table(title: &str, s: &Scores) -> String {
    let mut out = String::new();
    let docs = if s.documents == 1 {
        "1 document".to_string()
    } else {
        format!("{} documents", s.documents)
    };
    let _ = writeln!(out, "{title} ({docs})");
    let _ = writeln!(
        out,
        "  {:<22} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "", "P", "R", "F1", "tp", "fp", "fn"
    );
    for (kind, c) in &s.by_kind {
        row(&mut out, &format!("mentions {}", kind.label()), c);
    }
    if let Some(c) = &s.mentions {
        row(&mut out, "mentions PER+ORG+LOC", c);
    }
    if let Some(c) = &s.lenient {
        row(&mut out, "  lenient (overlap)", c);
    }
    if let Some(c) = &s.actors {
        row(&mut out, "actors", c);
    }
    if let Some(c) = &s.dates {
        row(&mut out, "dates (span)", c);
        if let Some(l) = &s.dates_lenient {
            row(&mut out, "  lenient (overlap)", l);
        }
        match s.date_value_accuracy() {
            Some(a) => {
                let _ = writeln!(
                    out,
                    "  {:<22} {a:>6.3}  ({} of {} span-matched dates)",
                    "date value accuracy", s.date_values_right, s.date_values_judged
                );
            }
            None => {
                let _ = writeln!(out, "  {:<22} {:>6}", "date value accuracy", "-");
            }
        }
    }
    if let Some(r) = &s.roles {
        role_rows(&mut out, r);
    }
    if s.mentions.is_none() && s.actors.is_none() && s.dates.is_none() && s.roles.is_none() {
        let _ = writeln!(out, "  (nothing annotated)");
    }
    out
}

/// The role rows: accuracy on the right actor, exact and lenient text, and
/// the roles put on a wrong person or where the gold has none.
fn role_rows(out: &mut String, r: &RoleCounts) {
    let acc = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.3}"));
    let _ = writeln!(
        out,
        "  {:<22} {:>6}  ({} of {} gold roles on the right actor)",
        "roles exact",
        acc(r.exact_accuracy()),
        r.exact,
        r.gold
    );
    let _ = writeln!(
        out,
        "  {:<22} {:>6}  ({} of {}; wrong person {}, extra {})",
        "roles lenient",
        acc(r.lenient_accuracy()),
        r.lenient,
        r.gold,
        r.wrong_person,
        r.extra
    );
}

/// Every corpus's table, then the total when there is more than one.
pub fn render(results: &[CorpusResult]) -> String {
    let mut out = String::new();
    for r in results {
        out.push_str(&table(&r.name, &r.scores));
        if !r.skipped.is_empty() {
            let _ = writeln!(
                out,
                "  ({} files skipped: not in a format lede eval reads)",
                r.skipped.len()
            );
        }
        out.push('\n');
    }
    if results.len() > 1 {
        out.push_str(&table(
            &format!("total of {} corpora", results.len()),
            &total(results),
        ));
    }
    out
}

/// The mistakes, one per line, grouped by corpus:
/// `document  layer error  LABEL  "text"  start..end  detail`.
pub fn render_mistakes(results: &[CorpusResult]) -> String {
    let mut out = String::new();
    for r in results {
        let grouped = super::errors::group(&r.mistakes);
        if grouped != super::errors::Grouped::default() {
            let _ = writeln!(out, "{}: mention errors by kind", r.name);
            out.push_str(&super::errors::render(&grouped));
        }
        let _ = writeln!(out, "{}: {} mistakes", r.name, r.mistakes.len());
        for m in &r.mistakes {
            let _ = write!(
                out,
                "  {} {} {:<8} {:<4} {:?}",
                m.document, m.layer, m.error, m.label, m.text
            );
            if let (Some(s), Some(e)) = (m.start, m.end) {
                let _ = write!(out, " {s}..{e}");
            }
            if let Some(d) = &m.detail {
                let _ = write!(out, "  ({d})");
            }
            out.push('\n');
        }
    }
    out
}

fn counts_json(c: &Counts) -> Value {
    json!({
        "precision": round(c.precision()),
        "recall": round(c.recall()),
        "f1": round(c.f1()),
        "tp": c.tp, "fp": c.fp, "fn": c.missed,
    })
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Scores as JSON: `{documents, mentions: {PER, ORG, LOC, NORP, overall,
/// lenient}, actors, dates: {span, lenient, value_accuracy, values_right,
/// values_judged}, roles: {gold, exact, lenient, exact_accuracy,
/// lenient_accuracy, wrong_person, extra}}`, each score `{precision, recall, f1, tp, fp, fn}`;
/// layers the gold does not annotate are absent.
pub fn scores_json(s: &Scores) -> Value {
    let mut obj = Map::new();
    obj.insert("documents".into(), json!(s.documents));
    if s.mentions.is_some() || !s.by_kind.is_empty() {
        let mut m = Map::new();
        for (kind, c) in &s.by_kind {
            m.insert(kind.label().into(), counts_json(c));
        }
        if let Some(c) = &s.mentions {
            m.insert("overall".into(), counts_json(c));
        }
        if let Some(c) = &s.lenient {
            m.insert("lenient".into(), counts_json(c));
        }
        obj.insert("mentions".into(), Value::Object(m));
    }
    if let Some(c) = &s.actors {
        obj.insert("actors".into(), counts_json(c));
    }
    if let Some(c) = &s.dates {
        obj.insert(
            "dates".into(),
            json!({
                "span": counts_json(c),
                "lenient": s.dates_lenient.as_ref().map(counts_json),
                "value_accuracy": s.date_value_accuracy().map(round),
                "values_right": s.date_values_right,
                "values_judged": s.date_values_judged,
            }),
        );
    }
    if let Some(r) = &s.roles {
        obj.insert(
            "roles".into(),
            json!({
                "gold": r.gold,
                "exact": r.exact,
                "lenient": r.lenient,
                "exact_accuracy": r.exact_accuracy().map(round),
                "lenient_accuracy": r.lenient_accuracy().map(round),
                "wrong_person": r.wrong_person,
                "extra": r.extra,
            }),
        );
    }
    Value::Object(obj)
}

/// The whole report as one JSON object: `{corpora: [{name, scores, skipped,
/// mistakes?}], total}`.
pub fn to_json(results: &[CorpusResult], with_mistakes: bool) -> Value {
    let corpora: Vec<Value> = results
        .iter()
        .map(|r| {
            let mut c = json!({
                "name": r.name,
                "scores": scores_json(&r.scores),
                "skipped": r.skipped,
            });
            if with_mistakes && let Some(obj) = c.as_object_mut() {
                obj.insert("mistakes".into(), json!(r.mistakes));
                let grouped = super::errors::group(&r.mistakes);
                obj.insert("errors_by_kind".into(), super::errors::to_json(&grouped));
            }
            c
        })
        .collect();
    json!({ "corpora": corpora, "total": scores_json(&total(results)) })
}

#[cfg(test)]
mod row_tests {
    use super::*;

    #[test]
    fn ratios_with_nothing_to_count_are_dashes() {
        let cases: &[(usize, usize, usize, [&str; 3])] = &[
            (0, 0, 0, ["-", "-", "-"]),
            (0, 0, 2, ["-", "0.000", "0.000"]),
            (0, 3, 0, ["0.000", "-", "0.000"]),
            (1, 1, 0, ["0.500", "1.000", "0.667"]),
        ];
        for &(tp, fp, missed, want) in cases {
            let c = Counts::new(tp, fp, missed);
            let mut out = String::new();
            row(&mut out, "x", &c);
            let cols: Vec<&str> = out.split_whitespace().skip(1).take(3).collect();
            assert_eq!(cols, want, "tp {tp} fp {fp} fn {missed}");
        }
    }
}
