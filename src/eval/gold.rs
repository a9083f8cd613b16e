//! lede's gold JSON (as `../shared/gold/seed.gold.json`): one object per
//! annotated text, or an array of them, or JSON Lines of them.
//!
//! ```json
//! {"source": "000_72e7f41f74cb261a.txt", "sha256": "…", "editor": "…",
//!  "published": null,
//!  "entities": [{"start": 3, "end": 9, "text": "Russie", "type": "LOC", "actor": "Russia"}],
//!  "dates": [{"start": 742, "end": 746, "text": "2020", "value": "2020"}],
//!  "actors": ["Russia", "…"]}
//! ```
//! Offsets are code points, end exclusive, into the source file's text as it
//! stands. The source is looked for beside the gold file, then in the sibling
//! folders (`../seed/`); its SHA-256 must match. A `text` field may stand in
//! for `source`.

use super::offsets::OffsetMap;
use super::roles::GoldRole;
use super::{Document, GoldActor, GoldDate, GoldEntity, LoadError};
use crate::article::lang;
use crate::extract::{Kind, Span, parse_published};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct RawGold {
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    sha256: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    editor: Option<Names>,
    #[serde(default)]
    editors: Option<Names>,
    #[serde(default, alias = "author")]
    authors: Option<Names>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default, alias = "lang")]
    language: Option<String>,
    #[serde(default)]
    entities: Option<Vec<RawEntity>>,
    #[serde(default)]
    dates: Option<Vec<RawDate>>,
    #[serde(default)]
    actors: Option<Vec<String>>,
    /// Actor name -> role text.
    #[serde(default)]
    roles: Option<std::collections::BTreeMap<String, String>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Names {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
struct RawEntity {
    start: usize,
    end: usize,
    #[serde(default)]
    text: Option<String>,
    #[serde(rename = "type", alias = "label")]
    label: String,
    #[serde(default)]
    actor: Option<String>,
}

#[derive(Debug, Deserialize)]
struct RawDate {
    start: usize,
    end: usize,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    value: Option<String>,
}

/// The entity kinds our annotation guide defines: a gold JSON with an
/// `entities` list annotates all of them.
const KINDS: [Kind; 4] = [
    Kind::Person,
    Kind::Organization,
    Kind::Place,
    Kind::Nationality,
];

/// Parse a gold file's content; `path` names it in errors and locates the sources.
pub fn parse(path: &Path, content: &str) -> Result<Vec<Document>, LoadError> {
    let content = content.trim_start_matches('\u{feff}');
    let is_lines = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    let mut raws: Vec<(Option<usize>, RawGold)> = Vec::new();
    if is_lines {
        for (i, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let raw = serde_json::from_str(line).map_err(|e| LoadError {
                column: Some(e.column()),
                ..LoadError::at(path, i + 1, e.to_string())
            })?;
            raws.push((Some(i + 1), raw));
        }
    } else if content.trim_start().starts_with('[') {
        let list: Vec<RawGold> = serde_json::from_str(content).map_err(|e| json_error(path, &e))?;
        raws.extend(list.into_iter().map(|r| (None, r)));
    } else {
        let raw = serde_json::from_str(content).map_err(|e| json_error(path, &e))?;
        raws.push((None, raw));
    }
    let many = raws.len() > 1;
    raws.into_iter()
        .enumerate()
        .map(|(i, (line, raw))| {
            document(path, raw, many.then_some(i + 1)).map_err(|mut e| {
                if e.line.is_none() {
                    e.line = line;
                }
                e
            })
        })
        .collect()
}

fn json_error(path: &Path, e: &serde_json::Error) -> LoadError {
    LoadError {
        column: Some(e.column()),
        ..LoadError::at(path, e.line(), e.to_string())
    }
}

fn document(path: &Path, raw: RawGold, number: Option<usize>) -> Result<Document, LoadError> {
    let (text, id) = match (&raw.source, &raw.text) {
        (Some(source), _) => (
            read_source(path, source, raw.sha256.as_deref())?,
            source.clone(),
        ),
        (None, Some(text)) => {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let id = match number {
                Some(n) => format!("{name}#{n}"),
                None => name.into_owned(),
            };
            (text.clone(), id)
        }
        (None, None) => {
            return Err(LoadError::new(
                path,
                "neither `source` nor `text`: nothing to score against",
            ));
        }
    };
    let map = OffsetMap::new(&text);
    let span = |what: &str, start: usize, end: usize, want: Option<&str>| {
        let bytes = match (map.to_byte(start), map.to_byte(end)) {
            (Some(s), Some(e)) if s <= e => Span::new(s, e),
            _ => {
                return Err(LoadError::new(
                    path,
                    format!(
                        "{what}: offsets {start}..{end} are outside the text ({} code points)",
                        map.len_chars()
                    ),
                ));
            }
        };
        if let Some(want) = want {
            let got = bytes.text(&text);
            if got != want {
                return Err(LoadError::new(
                    path,
                    format!("{what}: offsets {start}..{end} hold {got:?}, not {want:?}"),
                ));
            }
        }
        Ok(bytes)
    };

    let mut entities = Vec::new();
    for (i, e) in raw.entities.iter().flatten().enumerate() {
        let what = format!("entities[{i}]");
        let s = span(&what, e.start, e.end, e.text.as_deref())?;
        match Kind::from_label(&e.label) {
            Some(Kind::Date) => {}
            Some(kind) => entities.push(GoldEntity {
                span: s,
                kind,
                actor: e.actor.clone(),
            }),
            None if e.label.eq_ignore_ascii_case("MISC") => {}
            None => {
                return Err(LoadError::new(
                    path,
                    format!("{what}: unknown type {:?} (PER, ORG, LOC, NORP)", e.label),
                ));
            }
        }
    }
    let dates = match &raw.dates {
        None => None,
        Some(list) => {
            let mut dates = Vec::new();
            for (i, d) in list.iter().enumerate() {
                let s = span(&format!("dates[{i}]"), d.start, d.end, d.text.as_deref())?;
                dates.push(GoldDate {
                    span: s,
                    value: d.value.clone().filter(|v| !v.trim().is_empty()),
                });
            }
            Some(dates)
        }
    };
    let actors = match (&raw.actors, raw.entities.is_some()) {
        (Some(names), _) => Some(
            names
                .iter()
                .map(|name| GoldActor {
                    name: name.clone(),
                    forms: forms_of(name, &entities, &text),
                })
                .collect(),
        ),
        (None, true) if entities.iter().any(|e| e.actor.is_some()) => {
            let mut names: Vec<String> = entities.iter().filter_map(|e| e.actor.clone()).collect();
            names.sort();
            names.dedup();
            Some(
                names
                    .into_iter()
                    .map(|name| GoldActor {
                        forms: forms_of(&name, &entities, &text),
                        name,
                    })
                    .collect(),
            )
        }
        (None, true) => Some(super::actors_from_mentions(&text, &entities)),
        (None, false) => None,
    };
    let ignored_names = [raw.editor, raw.editors, raw.authors]
        .into_iter()
        .flatten()
        .flat_map(|n| match n {
            Names::One(s) => vec![s],
            Names::Many(v) => v,
        })
        .filter(|s| !s.trim().is_empty())
        .collect();
    let lang = match raw.language.as_deref() {
        Some(l) if !l.trim().is_empty() => lang::normalise_tag(l),
        _ => lang::detect(&text).to_string(),
    };
    Ok(Document {
        id,
        lang,
        published: raw.published.as_deref().and_then(parse_published),
        kinds: if raw.entities.is_some() {
            KINDS.to_vec()
        } else {
            Vec::new()
        },
        entities,
        actors,
        dates,
        roles: raw.roles.map(|m| {
            m.into_iter()
                .map(|(actor, text)| GoldRole { actor, text })
                .collect()
        }),
        ignored_names,
        text,
    })
}

/// The distinct surface forms of the entities annotated as `actor`.
fn forms_of(actor: &str, entities: &[GoldEntity], text: &str) -> Vec<String> {
    let mut forms: Vec<String> = Vec::new();
    for e in entities
        .iter()
        .filter(|e| e.actor.as_deref() == Some(actor))
    {
        let form = e.span.text(text).to_string();
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// Find and read the annotated text: beside the gold file, then in the
/// folders near it (see [`candidates`]); the first copy whose SHA-256 matches the gold's wins.
fn read_source(gold: &Path, source: &str, sha256: Option<&str>) -> Result<String, LoadError> {
    let want = sha256.map(str::trim).filter(|s| !s.is_empty());
    let mut first_mismatch: Option<(PathBuf, String)> = None;
    for file in candidates(gold, source).into_iter().filter(|p| p.is_file()) {
        let bytes = std::fs::read(&file).map_err(|e| LoadError::new(&file, e.to_string()))?;
        if let Some(want) = want {
            let got: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            if !got.eq_ignore_ascii_case(want) {
                first_mismatch.get_or_insert((file, got));
                continue;
            }
        }
        return String::from_utf8(bytes).map_err(|e| {
            LoadError::new(
                &file,
                format!(
                    "not UTF-8 (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            )
        });
    }
    Err(match first_mismatch {
        Some((file, got)) => LoadError::new(
            gold,
            format!(
                "source {} has changed since it was annotated (sha256 {got}, gold says {})",
                file.display(),
                want.unwrap_or_default()
            ),
        ),
        None => LoadError::new(
            gold,
            format!("source {source:?} not found beside the gold file or in the folders near it"),
        ),
    })
}

fn candidates(gold: &Path, source: &str) -> Vec<PathBuf> {
    let dir = match gold.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut out = vec![dir.join(source)];
    let dir = dir.canonicalize().unwrap_or(dir);
    // Nearest first: the gold file's own folder, then, for each of its
    // ancestors up to three levels up, the ancestor itself and the folders
    // one and two levels below it (so `tests/fixtures/gold/x.gold.json`
    // finds `assets/articles/x.txt` of the same project). The SHA-256 check
    // in `read_source` keeps a same-named file elsewhere from being used.
    for ancestor in dir.ancestors().skip(1).take(3) {
        out.push(ancestor.join(source));
        for child in subdirs(ancestor) {
            out.push(child.join(source));
            for grandchild in subdirs(&child) {
                out.push(grandchild.join(source));
            }
        }
    }
    out.dedup();
    out
}

/// Visible sub-folders of `dir`, in name order, leaving out build output.
fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && name != "target" && name != "node_modules"
        })
        .map(|e| e.path())
        .collect();
    dirs.sort();
    dirs
}
