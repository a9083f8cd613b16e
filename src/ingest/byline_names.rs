//! The names in a byline: people ("Jane Liu", "王伟 (Wang Wei)"), news
//! agencies ("AFP", "the Associated Press") and a newsroom signing as a whole
//! ("la rédaction"), with what may follow a name on the line ("in Paris",
//! ", staff writer") and the Markdown links around it.

use std::borrow::Cow;

/// Lowercase words that may stand inside a name ("Charles de Gaulle",
/// "Ursula von der Leyen", "Mohammed bin Salman").
const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "d’", "da", "das", "do", "dos", "di", "del", "della", "van", "von",
    "der", "den", "ter", "ten", "zu", "af", "la", "le", "al", "el", "bin", "ben", "ibn", "bint",
    "y", "e", "st",
];

/// News agencies, which sign a story without a person. Written here by hand
/// (a closed list of the wire services that sign French and English news).
const AGENCIES: &[&str] = &[
    "AFP",
    "Agence France-Presse",
    "AP",
    "Associated Press",
    "Reuters",
    "Thomson Reuters",
    "Bloomberg",
    "dpa",
    "EFE",
    "ANSA",
    "Xinhua",
    "Kyodo",
    "Kyodo News",
    "Yonhap",
    "TASS",
    "Anadolu",
    "Belga",
    "ATS",
    "Keystone-ATS",
    "UPI",
    "PA",
    "PA Media",
    "Press Association",
    "CP",
    "Canadian Press",
    "AAP",
];

/// A newsroom signing as a whole: "la rédaction", "the newsroom".
const NEWSROOMS: &[&str] = &[
    "la rédaction",
    "la redaction",
    "la rédaction web",
    "the newsroom",
    "staff",
    "staff reporters",
    "our reporters",
    "the editors",
];

/// `[Jane Liu](https://…)` -> `Jane Liu`; `<https://…>` goes. Other text is kept.
pub fn markdown_to_text(line: &str) -> Cow<'_, str> {
    if !line.contains("](") && !line.contains('<') {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find(['[', '<']) {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if rest[open..].starts_with('[')
            && let Some(close) = after.find("](")
            && let Some(end) = after[close + 2..].find(')')
        {
            out.push_str(&after[..close]);
            rest = &after[close + 2 + end + 1..];
        } else if rest[open..].starts_with('<')
            && let Some(end) = after.find('>')
            && (after.starts_with("http") || after.starts_with("mailto:"))
        {
            rest = &after[end + 1..];
        } else {
            out.push_str(&rest[open..open + 1]);
            rest = after;
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The agency a whole part names ("AFP", "(Reuters)", "— Associated Press",
/// "The Associated Press"), as the agency writes itself.
pub fn agency(part: &str) -> Option<String> {
    let p = part.trim().trim_matches(|c: char| {
        matches!(c, '(' | ')' | '—' | '–' | '-' | '.') || c.is_whitespace()
    });
    let p = strip_article(p);
    AGENCIES.iter().find(|a| **a == p).map(|a| a.to_string())
}

/// "the Associated Press" -> "Associated Press" (English only: "la" / "le"
/// start French names, "Le Monde").
fn strip_article(s: &str) -> &str {
    for the in ["the ", "The "] {
        if let Some(rest) = s.strip_prefix(the) {
            return rest.trim_start();
        }
    }
    s
}

/// A list of names: "A", "A et B", "A, B and C", "A avec AFP", "A, staff
/// writer", "A in Paris", "the Associated Press", "la rédaction".
pub fn names(s: &str) -> Option<Vec<String>> {
    let s = s.trim().trim_end_matches('.');
    if let Some(room) = newsroom(s) {
        return Some(vec![room]);
    }
    let mut items: Vec<&str> = vec![s];
    for sep in [",", " et ", " and ", " & ", " avec ", " with ", "/", ";"] {
        items = items.into_iter().flat_map(|i| i.split(sep)).collect();
    }
    let items: Vec<&str> = items
        .into_iter()
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    let first = items.first()?;
    name_item(first)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(name) = name_item(item) {
            out.push(name);
        } else if i > 0 && item.split_whitespace().count() <= 5 && !item.contains(['.', '!', '?']) {
            // A short role after a comma: "staff writer", "envoyé spécial à Kyiv".
            continue;
        } else {
            return None;
        }
    }
    Some(out)
}

/// "la rédaction", "La Rédaction de Franceinfo", "the newsroom".
fn newsroom(s: &str) -> Option<String> {
    let lower = s.to_lowercase();
    NEWSROOMS.iter().find_map(|room| {
        let rest = lower.strip_prefix(room)?;
        let ok = rest.is_empty()
            || ["de ", "du ", "d'", "d’", "of ", "at "]
                .iter()
                .any(|p| rest.trim_start().starts_with(p) && rest.starts_with(' '))
                && is_name(
                    rest.trim_start()
                        .split_once([' ', '\'', '’'])
                        .map_or("", |x| x.1),
                );
        ok.then(|| s.to_string())
    })
}

/// One item of a byline list as the name to keep: a person or organisation
/// ("Jane Liu"), an agency ("the Associated Press"), a name with its
/// transcription ("王伟 (Wang Wei)"), a name and where they write from
/// ("Jane Liu in Paris", "Jean Dupont à Kyiv": the place is dropped).
fn name_item(item: &str) -> Option<String> {
    if let Some(a) = agency(item) {
        return Some(a);
    }
    if is_name(item) {
        return Some(item.to_string());
    }
    for at in [" in ", " à ", " from ", " depuis "] {
        if let Some((who, place)) = item.split_once(at)
            && is_name(who)
            && is_name(place)
        {
            return Some(who.trim().to_string());
        }
    }
    // "王伟 (Wang Wei)": a name followed by its transcription.
    if let Some((who, rest)) = item.split_once('(')
        && let Some(alias) = rest.trim_end().strip_suffix(')')
        && is_name(who)
        && is_name(alias)
    {
        return Some(format!("{} ({})", who.trim(), alias.trim()));
    }
    None
}

/// One person's or organisation's name: 1 to 6 words, each capitalised (or
/// in a script without case), or a name particle; no digits.
pub fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let mut capitals = 0;
    for w in &words {
        if w.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.') || is_mark(c))
        {
            return false;
        }
        let first = w.chars().next().unwrap_or(' ');
        if first.is_lowercase() {
            let lower = w.to_lowercase();
            let particle = PARTICLES.contains(&lower.as_str())
                || lower.starts_with("d'")
                || lower.starts_with("d’")
                || lower.starts_with("al-")
                || lower.starts_with("el-");
            if !particle {
                return false;
            }
        } else if first.is_alphabetic() {
            capitals += 1;
        } else {
            return false;
        }
    }
    capitals > 0
}

/// Combining marks (decomposed accents) inside names.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_links_keep_their_text() {
        let cases = [
            ("By [Jane Liu](https://example.org/jane)", "By Jane Liu"),
            (
                "Par [Jean Dupont](https://e.org/a) et [Zoé Li](https://e.org/b)",
                "Par Jean Dupont et Zoé Li",
            ),
            ("By Jane <https://example.org>", "By Jane "),
            ("[not a link] plain", "[not a link] plain"),
            ("a < b", "a < b"),
        ];
        for (line, want) in cases {
            assert_eq!(markdown_to_text(line), want, "{line}");
        }
    }

    #[test]
    fn agencies_newsrooms_and_places() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("the Associated Press", Some(&["Associated Press"])),
            ("Reuters", Some(&["Reuters"])),
            ("la rédaction", Some(&["la rédaction"])),
            (
                "La Rédaction de Franceinfo",
                Some(&["La Rédaction de Franceinfo"]),
            ),
            ("Jane Liu in Paris", Some(&["Jane Liu"])),
            ("Jean Dupont à Kyiv", Some(&["Jean Dupont"])),
            ("王伟 (Wang Wei)", Some(&["王伟 (Wang Wei)"])),
            (
                "Jane Liu in Paris and Tom Reed in Rome",
                Some(&["Jane Liu", "Tom Reed"]),
            ),
            ("the end of the day", None),
            ("la suite des événements", None),
            ("une froide matinée", None),
        ];
        for (s, want) in cases {
            let got = names(s);
            let got: Option<Vec<&str>> =
                got.as_ref().map(|v| v.iter().map(String::as_str).collect());
            assert_eq!(got.as_deref(), *want, "{s}");
        }
    }
}
