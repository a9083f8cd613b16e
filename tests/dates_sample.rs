//! The sample article: its four dates and nothing else.

use lede::extract::Context;
use lede::extract::dates::find_dates;

#[test]
fn sample_article_dates() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/articles/000_72e7f41f74cb261a.txt"
    );
    let text = std::fs::read_to_string(path).expect("sample article in assets/articles");
    let ctx = Context {
        lang: "fr".into(),
        published: None,
    };
    let dates = find_dates(&text, &ctx);
    let got: Vec<(&str, String, Option<usize>)> = dates
        .iter()
        .map(|d| (&text[d.span.range()], d.value.to_string(), d.range_with))
        .collect();
    assert_eq!(
        got,
        [
            ("2020", "2020".to_string(), Some(1)),
            ("2023", "2023".to_string(), Some(0)),
            ("janvier", "XXXX-01".to_string(), None),
            ("juin", "XXXX-06".to_string(), None)
        ]
    );
    // With a publication date, the months take its year.
    let ctx = Context {
        lang: "fr".into(),
        published: Some("2025-04-03".parse().expect("date")),
    };
    let values: Vec<String> = find_dates(&text, &ctx)
        .into_iter()
        .map(|d| d.value.to_string())
        .collect();
    assert_eq!(values, ["2020", "2023", "2025-01", "2025-06"]);
}
