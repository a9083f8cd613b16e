//! Byline lines near the top of an article: who wrote it, who edited it,
//! when it was published or updated. French and English.
//!
//! A line is a byline only when all of it reads as one: "Par une froide
//! matinée" is a sentence, not an author, because "une" is not part of a name.

use super::byline_names::{agency, is_name, markdown_to_text, names};
use super::pubdate::{self, NumericOrder};

/// What one byline line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Byline {
    pub authors: Vec<String>,
    pub editors: Vec<String>,
    /// ISO 8601, when a publication date was given.
    pub published: Option<String>,
    /// ISO 8601, when an update date was given (read, not kept on the article).
    pub updated: Option<String>,
}

impl Byline {
    pub fn merge(&mut self, other: Byline) {
        for a in other.authors {
            if !self.authors.contains(&a) {
                self.authors.push(a);
            }
        }
        for e in other.editors {
            if !self.editors.contains(&e) {
                self.editors.push(e);
            }
        }
        self.published = self.published.take().or(other.published);
        self.updated = self.updated.take().or(other.updated);
    }
}

#[derive(Clone, Copy)]
enum Field {
    Authors,
    Editors,
    Published(NumericOrder),
    Updated(NumericOrder),
}

use Field::*;
use NumericOrder::{DayFirst, MonthFirst};

/// Prefixes, longest first where one starts another. Matched without regard
/// to case, and followed by an optional colon.
const PREFIXES: &[(&str, Field)] = &[
    ("propos recueillis par", Authors),
    ("rédigé par", Authors),
    ("redige par", Authors),
    ("écrit par", Authors),
    ("ecrit par", Authors),
    ("un article de", Authors),
    ("auteurs", Authors),
    ("auteur", Authors),
    ("texte", Authors),
    ("par", Authors),
    ("written by", Authors),
    ("reporting by", Authors),
    ("reported by", Authors),
    ("story by", Authors),
    ("words by", Authors),
    ("authors", Authors),
    ("author", Authors),
    ("by", Authors),
    ("édité par", Editors),
    ("edité par", Editors),
    ("edite par", Editors),
    ("éditeur", Editors),
    ("éditrice", Editors),
    ("édition", Editors),
    ("relu par", Editors),
    ("edited by", Editors),
    ("editing by", Editors),
    ("editors", Editors),
    ("editor", Editors),
    ("publié le", Published(DayFirst)),
    ("publie le", Published(DayFirst)),
    ("publié", Published(DayFirst)),
    ("mis en ligne le", Published(DayFirst)),
    ("mis en ligne", Published(DayFirst)),
    ("date de publication", Published(DayFirst)),
    ("le", Published(DayFirst)),
    ("published on", Published(MonthFirst)),
    ("published", Published(MonthFirst)),
    ("posted on", Published(MonthFirst)),
    ("posted", Published(MonthFirst)),
    ("first published", Published(MonthFirst)),
    ("mis à jour le", Updated(DayFirst)),
    ("mis a jour le", Updated(DayFirst)),
    ("mis à jour", Updated(DayFirst)),
    ("mis a jour", Updated(DayFirst)),
    ("modifié le", Updated(DayFirst)),
    ("modifié", Updated(DayFirst)),
    ("dernière mise à jour", Updated(DayFirst)),
    ("dernière modification", Updated(DayFirst)),
    ("last updated on", Updated(MonthFirst)),
    ("last updated", Updated(MonthFirst)),
    ("updated on", Updated(MonthFirst)),
    ("updated", Updated(MonthFirst)),
];

/// Separators between the parts of one byline line: "Par X | Publié le ...".
const PART_SEPARATORS: &[&str] = &[" | ", " · ", " • ", " — ", " – ", " - ", " ; "];

/// Read `line` as a byline, or `None` if it is not one (all of it must be).
pub fn parse_line(line: &str) -> Option<Byline> {
    let line = markdown_to_text(line);
    let line = line
        .trim()
        .trim_matches(|c: char| matches!(c, '*' | '_' | '>' | '#') || c.is_whitespace());
    if line.is_empty() || line.chars().count() > 200 {
        return None;
    }
    let mut parts = vec![line];
    for sep in PART_SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    // "Publié le 3 avril 2025, mis à jour le 4 avril" holds two parts split by a comma.
    let parts: Vec<&str> = parts
        .into_iter()
        .flat_map(split_update_clause)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut out = Byline::default();
    for part in parts {
        out.merge(parse_part(part)?);
    }
    Some(out)
}

/// Split "..., mis à jour le ..." / "..., updated ..." off a date clause.
fn split_update_clause(part: &str) -> Vec<&str> {
    for marker in [
        ", mis à jour",
        ", mis a jour",
        ", modifié",
        ", updated",
        ", last updated",
    ] {
        // Compare at each comma of the original text: lower-casing the whole
        // part can move bytes ("İ" grows, "ẞ" shrinks), so an offset found in
        // the lower-cased copy is not an offset in `part`.
        let n = marker.chars().count();
        for (at, _) in part.match_indices(',') {
            let head: String = part[at..].chars().take(n).collect();
            // ", " is ASCII and lower-cases to itself only: `at + 2` is a char boundary
            if head.to_lowercase() == marker {
                return vec![&part[..at], &part[at + 2..]];
            }
        }
    }
    vec![part]
}

fn parse_part(part: &str) -> Option<Byline> {
    for (prefix, field) in PREFIXES {
        let Some(rest) = strip_prefix_ci(part, prefix) else {
            continue;
        };
        // The prefix must be a whole word: "Paris" is not "Par is".
        if !(rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || c == ':')) {
            continue;
        }
        let rest = rest.trim_start().trim_start_matches(':').trim();
        let mut out = Byline::default();
        match field {
            Authors => out.authors = names(rest)?,
            Editors => out.editors = names(rest)?,
            Published(order) => match pubdate::parse_strict(rest, *order) {
                Some(d) => out.published = Some(d),
                None if is_relative_time(rest) => {}
                None => return None,
            },
            Updated(order) => match pubdate::parse_strict(rest, *order) {
                Some(d) => out.updated = Some(d),
                None if is_relative_time(rest) => {}
                None => return None,
            },
        }
        return Some(out);
    }
    // A line that is only an agency: "AFP", "(Reuters)", "— Associated Press".
    if let Some(name) = agency(part) {
        return Some(Byline {
            authors: vec![name],
            ..Default::default()
        });
    }
    if let Some(b) = dateline(part) {
        return Some(b);
    }
    // A line that is only a date, like "3 avril 2025" or "April 3, 2025".
    let order = if part.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        DayFirst
    } else {
        MonthFirst
    };
    pubdate::parse_strict(part, order).map(|d| Byline {
        published: Some(d),
        ..Default::default()
    })
}

/// A dateline: a place, a comma and a whole date, maybe with the agency
/// after it: "LONDON, May 13, 2025", "Paris, le 13 mai 2025 (AFP)".
fn dateline(part: &str) -> Option<Byline> {
    let (place, rest) = part.split_once(',')?;
    let place = place.trim();
    if place.split_whitespace().count() > 4 || !is_name(place) {
        return None;
    }
    let mut rest = rest.trim().trim_end_matches(['—', '–', '-', ':', ' ']);
    let mut authors = Vec::new();
    if rest.ends_with(')')
        && let Some(open) = rest.rfind('(')
        && let Some(a) = agency(&rest[open..])
    {
        authors.push(a);
        rest = rest[..open].trim_end();
    }
    let order = if rest.starts_with(|c: char| c.is_ascii_digit())
        || strip_prefix_ci(rest, "le ").is_some()
    {
        DayFirst
    } else {
        MonthFirst
    };
    let published = pubdate::parse_strict(rest, order)?;
    Some(Byline {
        authors,
        published: Some(published),
        ..Default::default()
    })
}

/// "aujourd'hui à 10h12", "il y a 2 heures", "2 hours ago", "yesterday":
/// a byline date that cannot be placed on the calendar. The line is still
/// metadata, with no date.
fn is_relative_time(s: &str) -> bool {
    const CORE: &[&str] = &[
        "aujourd'hui",
        "aujourd’hui",
        "hier",
        "avant-hier",
        "ago",
        "today",
        "yesterday",
        "now",
        "l'instant",
        "l’instant",
        "il",
    ];
    const OTHER: &[&str] = &[
        "y", "a", "à", "a", "at", "le", "on", "just", "about", "environ", "h", "min", "mins",
        "minute", "minutes", "heure", "heures", "hour", "hours", "hr", "hrs", "jour", "jours",
        "day", "days", "seconde", "secondes", "second", "seconds", "an", "une", "un", "am", "pm",
    ];
    let tokens: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| {
            t.trim_matches(|c: char| matches!(c, '.' | ':' | '(' | ')'))
                .to_lowercase()
        })
        .filter(|t| !t.is_empty())
        .collect();
    tokens.iter().any(|t| CORE.contains(&t.as_str()))
        && tokens.iter().all(|t| {
            CORE.contains(&t.as_str())
                || OTHER.contains(&t.as_str())
                || t.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// `s` without `prefix`, compared without regard to case.
fn strip_prefix_ci<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let mut chars = s.char_indices();
    for p in prefix.chars() {
        let (_, c) = chars.next()?;
        if !c.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
    }
    Some(chars.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors(line: &str) -> Vec<String> {
        parse_line(line).map(|b| b.authors).unwrap_or_default()
    }

    #[test]
    fn reads_authors_and_editors() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("Par Jean Dupont", &["Jean Dupont"], &[]),
            (
                "Par Jean Dupont et Marie Curie",
                &["Jean Dupont", "Marie Curie"],
                &[],
            ),
            (
                "PAR Anne-Sophie Le Gall, Luc Martin et Zoé Durand",
                &["Anne-Sophie Le Gall", "Luc Martin", "Zoé Durand"],
                &[],
            ),
            ("Par Le Monde avec AFP", &["Le Monde", "AFP"], &[]),
            ("Édité par : Татьяна Гуринович", &[], &["Татьяна Гуринович"]),
            ("Edité par Charles de Gaulle", &[], &["Charles de Gaulle"]),
            (
                "By Jane Smith and John O'Neill",
                &["Jane Smith", "John O'Neill"],
                &[],
            ),
            ("By Jane Smith, staff writer", &["Jane Smith"], &[]),
            (
                "Edited by Ursula von der Leyen",
                &[],
                &["Ursula von der Leyen"],
            ),
            ("*By 李明*", &["李明"], &[]),
            ("Written by: Amina Diallo", &["Amina Diallo"], &[]),
        ];
        for (line, a, e) in cases {
            let b = parse_line(line).unwrap_or_else(|| panic!("{line} not a byline"));
            assert_eq!(b.authors, *a, "{line}");
            assert_eq!(b.editors, *e, "{line}");
        }
    }

    #[test]
    fn reads_dates() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                "Publié le 3 avril 2025 à 10h12",
                Some("2025-04-03T10:12"),
                None,
            ),
            (
                "Publié le 3 avril 2025 à 10h12, mis à jour le 4 avril 2025 à 08h00",
                Some("2025-04-03T10:12"),
                Some("2025-04-04T08:00"),
            ),
            ("Mis à jour le 5 mai 2024", None, Some("2024-05-05")),
            ("Published April 3, 2025", Some("2025-04-03"), None),
            (
                "Published: 04/03/2025 10:12 am",
                Some("2025-04-03T10:12"),
                None,
            ),
            (
                "Updated 3 April 2025, 11:40 GMT",
                None,
                Some("2025-04-03T11:40Z"),
            ),
            ("Le 12 mars 2024", Some("2024-03-12"), None),
            ("Thursday, April 3, 2025", Some("2025-04-03"), None),
            ("2025-04-03", Some("2025-04-03"), None),
            ("LONDON, May 13, 2025", Some("2025-05-13"), None),
            ("Paris, le 13 mai 2025 (AFP)", Some("2025-05-13"), None),
            ("NEW YORK, 13 May 2025 —", Some("2025-05-13"), None),
            ("Publié aujourd'hui à 10h12", None, None),
            ("Mis à jour il y a 2 heures", None, None),
            ("Updated 3 hours ago", None, None),
            ("Published yesterday", None, None),
        ];
        for (line, p, u) in cases {
            let b = parse_line(line).unwrap_or_else(|| panic!("{line} not a byline"));
            assert_eq!(b.published.as_deref(), *p, "{line}");
            assert_eq!(b.updated.as_deref(), *u, "{line}");
        }
        let b = parse_line("Par Jean Dupont | Publié le 1er juin 2023").expect("combined");
        assert_eq!(b.authors, ["Jean Dupont"]);
        assert_eq!(b.published.as_deref(), Some("2023-06-01"));
    }

    #[test]
    fn sentences_are_not_bylines() {
        for line in [
            "Par une froide matinée de janvier, le ministre est arrivé.",
            "Par ailleurs, la réunion a duré trois heures.",
            "By the end of the day, talks had stalled.",
            "Paris, le 3 avril",
            "Le ministre a annoncé la nouvelle.",
            "Published reports suggest otherwise.",
            "Updated figures show a rise of 3%.",
            "Bye",
            "Edited by hand",
            "Published today were the results of the inquiry into the collapse of the bridge.",
            "Updated guidance arrived yesterday",
        ] {
            assert_eq!(parse_line(line), None, "{line}");
        }
        assert!(authors("Par ailleurs").is_empty());
    }
}

#[cfg(test)]
mod update_clause_tests {
    use super::*;

    /// Lower-casing can keep the total length while moving every byte in
    /// between ("İ" grows by one byte, "ẞ" shrinks by one): the split must
    /// never slice inside a character, and must cut where the marker is.
    #[test]
    fn split_update_clause_survives_case_changes_that_move_bytes() {
        for n in 0..40 {
            let part = format!("{}, updated {}", "İ".repeat(n), "ẞ".repeat(n));
            let got = split_update_clause(&part);
            let joined: String = got.concat();
            assert!(part.contains(got[0]), "{n}");
            if got.len() == 2 {
                assert_eq!(got[0], "İ".repeat(n), "{n}");
                assert_eq!(got[1], format!("updated {}", "ẞ".repeat(n)), "{n}");
            } else {
                assert_eq!(joined, part, "{n}");
            }
        }
        assert_eq!(
            split_update_clause("Publié le 3 avril, mis à jour le 4 avril"),
            ["Publié le 3 avril", "mis à jour le 4 avril"]
        );
    }
}
