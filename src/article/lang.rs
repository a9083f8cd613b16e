//! Language detection for sources that do not say: a stop-word vote, enough
//! to tell French from English (and a few neighbours) on a paragraph.

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
];

/// The most likely language of `text` as a BCP 47 tag, or `und` when no
/// language scores.
pub fn detect(text: &str) -> &'static str {
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
    let (best, score) = scores
        .iter()
        .enumerate()
        .max_by_key(|(i, s)| (**s, std::cmp::Reverse(*i)))
        .expect("non-empty table");
    if *score == 0 {
        "und"
    } else {
        STOPWORDS[best].0
    }
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
