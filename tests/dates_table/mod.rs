//! The table-test harness shared by the French and English date tests.

use lede::extract::Context;
use lede::extract::dates::find_dates;

pub fn ctx(lang: &str, published: Option<&str>) -> Context {
    Context {
        lang: lang.to_string(),
        published: published.map(|p| p.parse().expect("test date")),
    }
}

/// (span text, value) of every date found.
pub fn run(lang: &str, published: Option<&str>, text: &str) -> Vec<(String, String)> {
    find_dates(text, &ctx(lang, published))
        .into_iter()
        .map(|t| (text[t.span.range()].to_string(), t.value.to_string()))
        .collect()
}

/// (language, publication date, text, expected (span, value) pairs)
pub type Case<'a> = (&'a str, Option<&'a str>, &'a str, &'a [(&'a str, &'a str)]);

pub fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for &(lang, published, text, expected) in cases {
        let got = run(lang, published, text);
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        if got != want {
            failures.push(format!(
                "[{lang} {published:?}] {text:?}\n   want {want:?}\n    got {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

pub const NO_PUB: Option<&str> = None;
pub const PUB: Option<&str> = Some("2025-04-03"); // a Thursday
