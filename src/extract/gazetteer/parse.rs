//! Parsing of the embedded gazetteer tables (`assets/gazetteer/*.tsv`).

use super::{Entry, EntryKind};

/// A defect in a gazetteer table, with the file and line it was found on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GazetteerError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

impl GazetteerError {
    fn new(file: &'static str, line: usize, message: impl Into<String>) -> Self {
        GazetteerError {
            file,
            line,
            message: message.into(),
        }
    }
}

/// One row of `entities.tsv`, with its surface forms split out.
#[derive(Debug, Clone)]
pub(crate) struct EntityRow {
    pub line: usize,
    pub entry: Entry,
    pub forms: Vec<String>,
    pub acronyms: Vec<String>,
    pub ambiguous_forms: Vec<String>,
}

/// One row of `demonyms.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct DemonymRow {
    pub line: usize,
    pub id: String,
    pub lang: String,
    pub forms: Vec<String>,
    pub shared_forms: Vec<String>,
}

const ENTITY_COLUMNS: [&str; 8] = [
    "id",
    "kind",
    "parent",
    "name_en",
    "name_fr",
    "forms",
    "acronyms",
    "ambiguous_forms",
];
const DEMONYM_COLUMNS: [&str; 4] = ["id", "lang", "forms", "shared_forms"];

fn split_forms(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Data lines of a table: skips `#` comments and blank lines, checks the header,
/// and yields `(line number, cells)` with exactly `columns.len()` cells.
fn rows<'t>(
    file: &'static str,
    text: &'t str,
    columns: &[&str],
) -> Result<Vec<(usize, Vec<&'t str>)>, GazetteerError> {
    let mut out = Vec::new();
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if !header_seen {
            if cells != columns {
                return Err(GazetteerError::new(
                    file,
                    lineno,
                    format!("header is {cells:?}, expected {columns:?}"),
                ));
            }
            header_seen = true;
            continue;
        }
        if cells.len() != columns.len() {
            return Err(GazetteerError::new(
                file,
                lineno,
                format!("{} cells, expected {}", cells.len(), columns.len()),
            ));
        }
        out.push((lineno, cells));
    }
    if !header_seen {
        return Err(GazetteerError::new(file, 1, "no header row"));
    }
    Ok(out)
}

pub(crate) fn parse_entities(
    file: &'static str,
    text: &str,
) -> Result<Vec<EntityRow>, GazetteerError> {
    let mut out = Vec::new();
    for (line, c) in rows(file, text, &ENTITY_COLUMNS)? {
        let kind = EntryKind::from_label(c[1])
            .ok_or_else(|| GazetteerError::new(file, line, format!("unknown kind {:?}", c[1])))?;
        if c[0].is_empty() || c[3].is_empty() && c[4].is_empty() {
            return Err(GazetteerError::new(file, line, "missing id or name"));
        }
        let (name_en, name_fr) = match (c[3], c[4]) {
            ("", fr) => (fr, fr),
            (en, "") => (en, en),
            (en, fr) => (en, fr),
        };
        let ambiguous_forms = split_forms(c[7]);
        out.push(EntityRow {
            line,
            entry: Entry {
                id: c[0].to_owned(),
                kind,
                name_en: name_en.to_owned(),
                name_fr: name_fr.to_owned(),
                parent: (!c[2].is_empty()).then(|| c[2].to_owned()),
                ambiguous: !ambiguous_forms.is_empty(),
            },
            forms: split_forms(c[5]),
            acronyms: split_forms(c[6]),
            ambiguous_forms,
        });
    }
    Ok(out)
}

pub(crate) fn parse_demonyms(
    file: &'static str,
    text: &str,
) -> Result<Vec<DemonymRow>, GazetteerError> {
    let mut out = Vec::new();
    for (line, c) in rows(file, text, &DEMONYM_COLUMNS)? {
        if c[0].is_empty() || c[1].is_empty() {
            return Err(GazetteerError::new(file, line, "missing id or lang"));
        }
        out.push(DemonymRow {
            line,
            id: c[0].to_owned(),
            lang: c[1].to_owned(),
            forms: split_forms(c[2]),
            shared_forms: split_forms(c[3]),
        });
    }
    Ok(out)
}

pub(crate) fn error(file: &'static str, line: usize, message: impl Into<String>) -> GazetteerError {
    GazetteerError::new(file, line, message)
}
