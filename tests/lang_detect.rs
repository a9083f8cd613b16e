//! Language detection by script, then by language (issue 16.6), on the
//! table of texts written for it; and no French or English rules on a text
//! in another language.

use lede::article::{Article, lang};
use lede::extract;

fn table() -> Vec<(String, String, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lang/texts.tsv");
    std::fs::read_to_string(path)
        .expect("read the table")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.splitn(3, '\t').collect();
            (c[0].to_string(), c[1].to_string(), c[2].to_string())
        })
        .collect()
}

#[test]
fn every_text_of_the_table_is_detected() {
    let rows = table();
    assert!(rows.len() >= 50);
    let misses: Vec<String> = rows
        .iter()
        .filter(|(want, _, text)| lang::detect(text) != want)
        .map(|(want, what, text)| format!("{what}: want {want}, got {}", lang::detect(text)))
        .collect();
    assert!(misses.is_empty(), "{misses:#?}");
}

fn detected(headline: &str, body: &str) -> Article {
    Article {
        headline: headline.into(),
        paragraphs: vec![body.into()],
        ..Default::default()
    }
    .finish()
}

#[test]
fn other_languages_get_no_entities_french_and_english_do() {
    let cases = [
        (
            "مجلس المدينة يقر الميزانية",
            "وافق مجلس المدينة مساء الثلاثاء على ميزانية العام المقبل. Le maire Jean Dupont a déclaré que les travaux commenceront à Lyon au printemps. ويأمل السكان أن تتحسن الخدمات العامة.",
            "ar",
        ),
        (
            "Городской совет утвердил бюджет",
            "Мэр Иван Петров заявил во вторник в Москве, что работы начнутся весной.",
            "ru",
        ),
        (
            "Der Stadtrat beschließt den Haushalt",
            "Bürgermeister Hans Müller sagte am Dienstag in Berlin, dass die Arbeiten im Frühjahr beginnen werden.",
            "de",
        ),
    ];
    for (headline, body, want) in cases {
        let a = detected(headline, body);
        assert_eq!(a.in_language, want, "{headline}");
        assert!(!extract::supports(&a.in_language));
        let analysis = extract::extract(&a);
        assert!(
            analysis.mentions.is_empty() && analysis.dates.is_empty(),
            "{want}: {:?}",
            analysis.mentions
        );
    }
    let fr = detected(
        "Le conseil vote le budget",
        "Le maire Jean Dupont a déclaré mardi à Lyon que les travaux commenceront au printemps.",
    );
    assert_eq!(fr.in_language, "fr");
    assert!(extract::supports("fr") && extract::supports("en-GB") && extract::supports("und"));
    assert!(!extract::extract(&fr).mentions.is_empty());
}

/// The reader shows an article in another language unhighlighted, and its
/// legend line says why.
#[cfg(feature = "tui")]
#[test]
fn the_reader_says_extraction_supports_french_and_english() {
    use lede::ui::msg::Msg;
    let ru = detected(
        "Городской совет утвердил бюджет",
        "Мэр Иван Петров заявил во вторник в Москве, что работы начнутся весной.",
    );
    let fr = detected(
        "Le conseil vote le budget",
        "Le maire Jean Dupont a déclaré mardi à Lyon que les travaux commenceront au printemps.",
    );
    let mut app = lede::ui::app::App::new(
        vec![ru, fr],
        lede::ui::keymap::KeyMap::default(),
        lede::ui::theme::Theme::new(true),
    );
    app.dispatch(Msg::Resize(120, 30));
    let screen = |app: &lede::ui::app::App| {
        let area = ratatui::layout::Rect::new(0, 0, 120, 30);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        lede::ui::views::render(app, &mut buf);
        (0..30)
            .map(|y| {
                (0..120)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    // the legend says it, in full or (narrow) as "extraction: French, English only (ru)"
    let says = |s: &str| {
        s.contains(extract::UNSUPPORTED_NOTICE) || s.contains("extraction: French, English only")
    };
    let shown = screen(&app);
    assert!(says(&shown) && shown.contains("(ru)"), "{shown}");
    app.open(1);
    let shown = screen(&app);
    assert!(!says(&shown), "{shown}");
}
