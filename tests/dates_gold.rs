//! Date span F1 and value accuracy on hand-written fixtures
//! (tests/fixtures/dates/*.json: text or text_file, lang, published, and the
//! expected dates in text order as {text, value}).
//!
//! `cargo test --test dates_gold -- --nocapture` prints the figures.

use lede::extract::Context;
use lede::extract::dates::find_dates;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Fixture {
    lang: String,
    published: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    text_file: Option<String>,
    dates: Vec<GoldDate>,
}

#[derive(Deserialize)]
struct GoldDate {
    text: String,
    value: String,
}

#[derive(Default)]
struct Score {
    gold: usize,
    found: usize,
    matched: usize,
    value_ok: usize,
}

impl Score {
    fn f1(&self) -> f64 {
        let p = self.matched as f64 / self.found.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn value_accuracy(&self) -> f64 {
        self.value_ok as f64 / self.matched.max(1) as f64
    }
}

fn score_file(path: &Path, total: &mut Score, report: &mut Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let fx: Fixture =
        serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = match (&fx.text, &fx.text_file) {
        (Some(t), _) => t.clone(),
        (None, Some(f)) => {
            std::fs::read_to_string(root.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"))
        }
        (None, None) => panic!("{}: no text", path.display()),
    };
    // Gold spans: each expected text found in order after the previous one.
    let mut gold = Vec::new();
    let mut from = 0;
    for d in &fx.dates {
        let at = text[from..].find(&d.text).unwrap_or_else(|| {
            panic!(
                "{}: {:?} not found after byte {from}",
                path.display(),
                d.text
            )
        });
        let start = from + at;
        gold.push((start, start + d.text.len(), d.value.clone()));
        from = start + d.text.len();
    }
    let ctx = Context {
        lang: fx.lang.clone(),
        published: fx
            .published
            .as_deref()
            .map(|p| p.parse().expect("fixture date")),
    };
    let found = find_dates(&text, &ctx);
    let mut s = Score {
        gold: gold.len(),
        found: found.len(),
        ..Score::default()
    };
    for f in &found {
        if let Some(g) = gold
            .iter()
            .find(|g| g.0 == f.span.start && g.1 == f.span.end)
        {
            s.matched += 1;
            if f.value.to_string() == g.2 {
                s.value_ok += 1;
            } else {
                report.push(format!(
                    "  value {:?}: want {} got {}",
                    &text[f.span.range()],
                    g.2,
                    f.value
                ));
            }
        } else {
            report.push(format!("  extra {:?} = {}", &text[f.span.range()], f.value));
        }
    }
    for g in &gold {
        if !found
            .iter()
            .any(|f| f.span.start == g.0 && f.span.end == g.1)
        {
            report.push(format!("  missed {:?} = {}", &text[g.0..g.1], g.2));
        }
    }
    report.push(format!(
        "{}: gold {} found {} matched {} span F1 {:.2} value accuracy {:.2}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
        s.gold,
        s.found,
        s.matched,
        s.f1(),
        s.value_accuracy()
    ));
    total.gold += s.gold;
    total.found += s.found;
    total.matched += s.matched;
    total.value_ok += s.value_ok;
}

#[test]
fn fixtures_score_well() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dates");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "fixtures missing in {}", dir.display());
    let mut total = Score::default();
    let mut report = Vec::new();
    for p in &paths {
        score_file(p, &mut total, &mut report);
    }
    println!("{}", report.join("\n"));
    println!(
        "TOTAL: gold {} found {} matched {} span F1 {:.3} value accuracy {:.3}",
        total.gold,
        total.found,
        total.matched,
        total.f1(),
        total.value_accuracy()
    );
    assert!(total.f1() >= 0.85, "span F1 {:.3}", total.f1());
    assert!(
        total.value_accuracy() >= 0.9,
        "value accuracy {:.3}",
        total.value_accuracy()
    );
}
