//! Adapter between the gazetteer and the rest of the extractor: gazetteer
//! matches become [`Known`] spans with an actor key and a display name.

use super::gazetteer::{EntryKind, Gazetteer, MatchKind};
use super::{Kind, Span};

/// A span the gazetteer recognises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub span: Span,
    /// `Place`, `Organization` or `Nationality`.
    pub kind: Kind,
    /// Actor key (`iso:RU`, `wikidata:Q...`, `org:...`).
    pub key: String,
    /// Display name in the article's language.
    pub name: String,
    /// The form may be something else (a common word, a person's name).
    pub ambiguous: bool,
    /// The match is an acronym form (`CEDEAO`, `NATO`).
    pub acronym: bool,
    /// The entry is a country (a nationality word always points to one).
    pub country: bool,
    /// Key of the enclosing entry (a city's country), when known.
    pub parent: Option<String>,
}

/// Every gazetteer match in `text`, sorted and non-overlapping.
pub fn find(text: &str, lang: &str) -> Vec<Known> {
    let gaz = Gazetteer::get();
    gaz.find(text)
        .into_iter()
        .map(|m| {
            let e = gaz.entry(m.entry);
            let kind = match (m.kind, e.kind) {
                (MatchKind::Demonym, _) => Kind::Nationality,
                (_, EntryKind::Organization) => Kind::Organization,
                _ => Kind::Place,
            };
            Known {
                span: m.span,
                kind,
                key: e.id.clone(),
                name: gaz.display_name(m.entry, lang).to_string(),
                ambiguous: m.ambiguous,
                acronym: m.kind == MatchKind::Acronym,
                country: e.kind == EntryKind::Country,
                parent: e.parent.clone(),
            }
        })
        .collect()
}

/// A word in capitals ("DAKAR") that the gazetteer knows in title case
/// ("Dakar") as a place name (not an acronym).
pub fn lookup_title_case(upper: &str, lang: &str) -> Option<Known> {
    let mut cs = upper.chars();
    let first = cs.next()?;
    let title: String = std::iter::once(first)
        .chain(cs.flat_map(char::to_lowercase))
        .collect();
    let gaz = Gazetteer::get();
    let (idx, kind) = gaz.form_kind(&title)?;
    if kind != MatchKind::Name {
        return None;
    }
    let e = gaz.entry(idx);
    if !e.kind.is_place() {
        return None;
    }
    Some(Known {
        span: Span::new(0, 0),
        kind: Kind::Place,
        key: e.id.clone(),
        name: gaz.display_name(idx, lang).to_string(),
        ambiguous: false,
        acronym: false,
        country: e.kind == EntryKind::Country,
        parent: e.parent.clone(),
    })
}
