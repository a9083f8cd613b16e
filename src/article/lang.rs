//! Language detection for sources that do not say: by script first (Arabic,
//! Hebrew, Cyrillic, Greek, Han, kana, Hangul ... decide alone, or within
//! their family), then, for Latin-script text, by language.
//!
//! Measured on `tests/fixtures/lang/texts.tsv` (written for lede: fr, en,
//! de, es, it, ru, ar, he, zh, ja and mixed texts) with
//! `cargo run --example lang_eval`, against `whatlang` and `whichlang`; see
//! that example for the figures and the choice.

const STOPWORDS: &[(&str, &[&str])] = &[
    (
        "fr",
        &[
            "le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "dans", "pour", "que",
            "qui", "sur", "avec", "au", "aux", "par", "pas", "ont", "sont", "ce", "cette", "il",
            "elle", "leur", "été", "à",
        ],
    ),
    (
        "en",
        &[
            "the", "and", "of", "to", "in", "is", "was", "for", "that", "with", "on", "as", "by",
            "at", "from", "his", "her", "it", "are", "were", "has", "have", "be", "this", "which",
            "a", "an",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "von", "zu", "ein",
            "eine", "auf", "für", "sich", "auch", "wird",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "en", "que", "del", "por", "con", "una", "para", "como", "su",
            "al", "es", "lo", "más",
        ],
    ),
    (
        "it",
        &[
            "il", "lo", "gli", "della", "delle", "degli", "di", "e", "è", "che", "non", "per",
            "con", "nel", "nella", "sono", "alla", "dei", "anche", "più", "ha",
        ],
    ),
];

/// A writing system, as far as language detection needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    /// Chinese characters (hanzi, kanji).
    Han,
    /// Hiragana and katakana: Japanese.
    Kana,
    Hangul,
    Devanagari,
    Thai,
    Other,
}

/// The script of one letter, `None` for what is not a letter of a script
/// (digits, punctuation, spaces, marks).
pub fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c as u32 {
        0x41..=0x24f | 0x1e00..=0x1eff => Script::Latin,
        0x370..=0x3ff | 0x1f00..=0x1fff => Script::Greek,
        0x400..=0x52f | 0x1c80..=0x1c8f | 0x2de0..=0x2dff | 0xa640..=0xa69f => Script::Cyrillic,
        0x590..=0x5ff | 0xfb1d..=0xfb4f => Script::Hebrew,
        0x600..=0x6ff | 0x750..=0x77f | 0x8a0..=0x8ff | 0xfb50..=0xfdff | 0xfe70..=0xfeff => {
            Script::Arabic
        }
        0x900..=0x97f => Script::Devanagari,
        0xe00..=0xe7f => Script::Thai,
        0x3040..=0x30ff | 0x31f0..=0x31ff | 0xff66..=0xff9f => Script::Kana,
        0x1100..=0x11ff | 0x3130..=0x318f | 0xac00..=0xd7af => Script::Hangul,
        0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2ffff => Script::Han,
        _ => Script::Other,
    })
}

/// Letters per script in (the first 20,000 characters of) `text`, most first.
pub fn scripts(text: &str) -> Vec<(Script, usize)> {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for s in text.chars().take(20_000).filter_map(script_of) {
        match counts.iter_mut().find(|(k, _)| *k == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
}

/// The most likely language of `text` as a BCP 47 tag, or `und`.
///
/// The script with the most letters decides first: an Arabic article with
/// one French sentence is Arabic. Han with kana is Japanese, Han alone
/// Chinese. Cyrillic and Latin text is then told apart by language.
pub fn detect(text: &str) -> &'static str {
    let counts = scripts(text);
    let Some(&(top, _)) = counts.first() else {
        return "und";
    };
    let has = |s: Script| counts.iter().any(|(k, _)| *k == s);
    match top {
        Script::Latin => detect_latin(text),
        Script::Cyrillic => detect_among(text, CYRILLIC).unwrap_or("ru"),
        Script::Arabic => detect_among(text, ARABIC).unwrap_or("ar"),
        Script::Hebrew => "he",
        Script::Greek => "el",
        Script::Han if has(Script::Kana) => "ja",
        Script::Han => "zh",
        Script::Kana => "ja",
        Script::Hangul => "ko",
        Script::Devanagari => detect_among(text, DEVANAGARI).unwrap_or("hi"),
        Script::Thai => "th",
        Script::Other => "und",
    }
}

const CYRILLIC: &[(whatlang::Lang, &str)] = &[
    (whatlang::Lang::Rus, "ru"),
    (whatlang::Lang::Ukr, "uk"),
    (whatlang::Lang::Bel, "be"),
    (whatlang::Lang::Bul, "bg"),
    (whatlang::Lang::Srp, "sr"),
    (whatlang::Lang::Mkd, "mk"),
];

const ARABIC: &[(whatlang::Lang, &str)] = &[
    (whatlang::Lang::Ara, "ar"),
    (whatlang::Lang::Pes, "fa"),
    (whatlang::Lang::Urd, "ur"),
];

const DEVANAGARI: &[(whatlang::Lang, &str)] = &[
    (whatlang::Lang::Hin, "hi"),
    (whatlang::Lang::Mar, "mr"),
    (whatlang::Lang::Nep, "ne"),
];

/// Latin-script languages `detect` tells apart, with their BCP 47 tags.
const LATIN: &[(whatlang::Lang, &str)] = &[
    (whatlang::Lang::Fra, "fr"),
    (whatlang::Lang::Eng, "en"),
    (whatlang::Lang::Deu, "de"),
    (whatlang::Lang::Spa, "es"),
    (whatlang::Lang::Ita, "it"),
    (whatlang::Lang::Por, "pt"),
    (whatlang::Lang::Nld, "nl"),
    (whatlang::Lang::Pol, "pl"),
    (whatlang::Lang::Tur, "tr"),
    (whatlang::Lang::Swe, "sv"),
    (whatlang::Lang::Dan, "da"),
    (whatlang::Lang::Nob, "no"),
    (whatlang::Lang::Fin, "fi"),
    (whatlang::Lang::Ces, "cs"),
    (whatlang::Lang::Ron, "ro"),
    (whatlang::Lang::Hun, "hu"),
    (whatlang::Lang::Vie, "vi"),
    (whatlang::Lang::Ind, "id"),
];

/// `whatlang`'s trigram model, limited to `langs` (one script's languages).
pub fn detect_among(text: &str, langs: &[(whatlang::Lang, &'static str)]) -> Option<&'static str> {
    detect_among_if(text, langs, false)
}

/// As [`detect_among`]; with `reliable`, only when `whatlang` deems its
/// answer reliable (a list of results or names is not a language).
fn detect_among_if(
    text: &str,
    langs: &[(whatlang::Lang, &'static str)],
    reliable: bool,
) -> Option<&'static str> {
    let allow: Vec<whatlang::Lang> = langs.iter().map(|(l, _)| *l).collect();
    let sample: String = text.chars().take(20_000).collect();
    let info = whatlang::Detector::with_allowlist(allow)
        .detect(&sample)
        .filter(|i| !reliable || i.is_reliable())?;
    langs
        .iter()
        .find(|(l, _)| *l == info.lang())
        .map(|(_, tag)| *tag)
}

/// A Latin-script text's language: the stop-word vote where it is sure
/// (French, English, German, Spanish, Italian: function words decide even a
/// headline), else `whatlang` among the Latin-script languages (when no
/// function word voted at all, only if it deems itself reliable), else `und`.
pub fn detect_latin(text: &str) -> &'static str {
    match stopword_vote(text) {
        Some((tag, margin)) if margin >= 2 => tag,
        // whatlang is often right on a headline it deems unreliable; with
        // no function word at all (a list of results, of names) it must be sure
        Some(_) => detect_among(text, LATIN).unwrap_or("und"),
        None => detect_among_if(text, LATIN, true).unwrap_or("und"),
    }
}

/// The stop-word vote alone (the detector before issue 16, with Italian):
/// the best language and its lead over the second, or `None` when no
/// language scores.
pub fn stopword_vote(text: &str) -> Option<(&'static str, usize)> {
    let mut scores = [0usize; STOPWORDS.len()];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        let lower = word.to_lowercase();
        for (i, (_, words)) in STOPWORDS.iter().enumerate() {
            if words.contains(&lower.as_str()) {
                scores[i] += 1;
            }
        }
    }
    let mut order: Vec<usize> = (0..STOPWORDS.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(scores[i]), i));
    let (best, second) = (order[0], order[1]);
    (scores[best] > 0).then(|| (STOPWORDS[best].0, scores[best] - scores[second]))
}

/// Normalise a language tag: `fr_FR` -> `fr-FR`, `FR` -> `fr`, `French` -> `fr`.
pub fn normalise_tag(tag: &str) -> String {
    let tag = tag.trim().replace('_', "-");
    match tag.to_lowercase().as_str() {
        "french" | "français" | "francais" | "fra" | "fre" => return "fr".into(),
        "english" | "anglais" | "eng" => return "en".into(),
        _ => {}
    }
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("").to_lowercase();
    let rest: Vec<String> = parts
        .map(|p| {
            if p.len() == 2 {
                p.to_uppercase()
            } else {
                p.to_string()
            }
        })
        .collect();
    std::iter::once(primary)
        .chain(rest)
        .collect::<Vec<_>>()
        .join("-")
}

/// The primary subtag: `fr-CA` -> `fr`.
pub fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_and_english() {
        assert_eq!(
            detect("La Russie renforce sa coopération militaire avec le Mali et le Niger"),
            "fr"
        );
        assert_eq!(
            detect("The minister said that the talks were held in Moscow on Tuesday"),
            "en"
        );
        assert_eq!(detect("12345 !!!"), "und");
    }

    #[test]
    fn script_decides_before_words() {
        let cases = [
            ("وافق مجلس المدينة على الميزانية. Le maire a parlé.", "ar"),
            ("מועצת העיר אישרה את התקציב. The mayor spoke.", "he"),
            ("Городской совет утвердил бюджет.", "ru"),
            ("市议会批准了预算。", "zh"),
            ("市議会は予算を承認した。", "ja"),
            ("Το δημοτικό συμβούλιο ενέκρινε τον προϋπολογισμό.", "el"),
            ("시의회는 예산을 승인했다.", "ko"),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), want, "{text}");
        }
    }

    #[test]
    fn normalises_tags() {
        for (input, want) in [
            ("fr_FR", "fr-FR"),
            ("FR", "fr"),
            ("French", "fr"),
            ("en-gb", "en-GB"),
        ] {
            assert_eq!(normalise_tag(input), want);
        }
        assert_eq!(primary("fr-CA"), "fr");
    }
}
