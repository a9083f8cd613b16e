//! Language identification, measured: lede's detector before issue 16 (a
//! stop-word vote over fr/en/de/es), `whatlang` alone, `whichlang` alone,
//! and lede's detector now (script first, then stop words or `whatlang`
//! within the script) on `tests/fixtures/lang/texts.tsv`.
//!
//! `cargo run --example lang_eval` prints each miss and the accuracy of each.

use std::collections::BTreeMap;

/// ISO 639-3 (as both crates name languages) to the BCP 47 tags of the table.
fn tag3(code: &str) -> &str {
    match code {
        "fra" => "fr",
        "eng" => "en",
        "deu" => "de",
        "spa" => "es",
        "ita" => "it",
        "rus" => "ru",
        "ara" => "ar",
        "heb" => "he",
        "cmn" | "zho" => "zh",
        "jpn" => "ja",
        "por" => "pt",
        "nld" => "nl",
        other => other,
    }
}

/// lede's `article::lang::detect` as it was before issue 16.
fn before(text: &str) -> &'static str {
    const STOPWORDS: &[(&str, &[&str])] = &[
        (
            "fr",
            &[
                "le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "dans", "pour",
                "que", "qui", "sur", "avec", "au", "aux", "par", "pas", "ont", "sont", "ce",
                "cette", "il", "elle", "leur", "été", "à",
            ],
        ),
        (
            "en",
            &[
                "the", "and", "of", "to", "in", "is", "was", "for", "that", "with", "on", "as",
                "by", "at", "from", "his", "her", "it", "are", "were", "has", "have", "be", "this",
                "which", "a", "an",
            ],
        ),
        (
            "de",
            &[
                "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "von", "zu",
                "ein", "eine", "auf", "für", "sich", "auch", "wird",
            ],
        ),
        (
            "es",
            &[
                "el", "los", "las", "y", "en", "que", "del", "por", "con", "una", "para", "como",
                "su", "al", "es", "lo", "más",
            ],
        ),
    ];
    let mut scores = [0usize; 4];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        for (i, (_, words)) in STOPWORDS.iter().enumerate() {
            if words.contains(&lower.as_str()) {
                scores[i] += 1;
            }
        }
    }
    let (best, score) = scores
        .iter()
        .enumerate()
        .max_by_key(|(i, s)| (**s, std::cmp::Reverse(*i)))
        .expect("non-empty");
    if *score == 0 {
        "und"
    } else {
        STOPWORDS[best].0
    }
}

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lang/texts.tsv");
    let table = std::fs::read_to_string(path).expect("read the table");
    type Detector = (&'static str, fn(&str) -> String);
    let detectors: [Detector; 4] = [
        ("lede before (stop words)", |t| before(t).to_string()),
        ("whatlang 0.18", |t| {
            whatlang::detect_lang(t).map_or("und".into(), |l| tag3(l.code()).to_string())
        }),
        ("whichlang 0.1", |t| {
            tag3(whichlang::detect_language(t).three_letter_code()).to_string()
        }),
        ("lede now (script, then words)", |t| {
            lede::article::lang::detect(t).to_string()
        }),
    ];
    let mut right = [0usize; 4];
    let mut per_lang: BTreeMap<&str, [usize; 5]> = BTreeMap::new();
    let mut rows = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut cols = line.splitn(3, '\t');
        let (Some(want), Some(what), Some(text)) = (cols.next(), cols.next(), cols.next()) else {
            panic!("bad row: {line}");
        };
        rows += 1;
        let group = if what.starts_with("mixed") {
            "mixed"
        } else {
            want
        };
        let counts = per_lang.entry(group).or_default();
        counts[4] += 1;
        for (i, (name, detect)) in detectors.iter().enumerate() {
            let got = detect(text);
            if got == want {
                right[i] += 1;
                counts[i] += 1;
            } else {
                println!("{name:<30} {what:<34} want {want}, got {got}");
            }
        }
    }
    println!();
    println!(
        "{:<10} {}",
        "texts",
        detectors.map(|d| format!("{:>30}", d.0)).join("")
    );
    for (group, c) in &per_lang {
        let cells: String = (0..4)
            .map(|i| format!("{:>30}", format!("{}/{}", c[i], c[4])))
            .collect();
        println!("{group:<10} {cells}");
    }
    let cells: String = (0..4)
        .map(|i| {
            format!(
                "{:>30}",
                format!(
                    "{}/{rows} ({:.0}%)",
                    right[i],
                    100.0 * right[i] as f64 / rows as f64
                )
            )
        })
        .collect();
    println!("{:<10} {cells}", "all");
}
