//! TimeML with inline `TIMEX3` elements: dates only.
//!
//! The text is the content of `<TEXT>` with every tag removed and entities
//! decoded (the whole document but `<DCT>` when there is no `<TEXT>`). Gold
//! dates are the `TIMEX3` of type `DATE` and `TIME` inside it, with their
//! `value`; durations and sets are not dates in lede's sense and are left
//! out. The `TIMEX3` with `functionInDocument="CREATION_TIME"` gives the
//! publication date.

use super::{Document, GoldDate, LoadError};
use crate::article::lang;
use crate::extract::{Span, parse_published};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::path::Path;

/// The TIMEX3 types scored as dates.
const DATE_TYPES: [&str; 2] = ["DATE", "TIME"];

struct Open {
    start: usize,
    value: Option<String>,
    scored: bool,
}

/// Parse a TimeML file's content; `path` names it in errors.
pub fn parse(path: &Path, content: &str) -> Result<Vec<Document>, LoadError> {
    let parsed = read(path, content, true)?;
    let parsed = if parsed.saw_text {
        parsed
    } else {
        read(path, content, false)?
    };
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    Ok(vec![Document {
        id: name,
        lang: lang::detect(&parsed.text).to_string(),
        published: parsed.dct.as_deref().and_then(parse_published),
        dates: Some(parsed.dates),
        text: parsed.text,
        ..Document::default()
    }])
}

struct Parsed {
    text: String,
    dates: Vec<GoldDate>,
    dct: Option<String>,
    saw_text: bool,
}

/// One pass: with `only_text`, keep the content of `<TEXT>`; without, keep
/// everything outside `<DCT>`.
fn read(path: &Path, content: &str, only_text: bool) -> Result<Parsed, LoadError> {
    let mut reader = Reader::from_str(content);
    reader.config_mut().trim_text(false);
    let mut out = Parsed {
        text: String::new(),
        dates: Vec::new(),
        dct: None,
        saw_text: false,
    };
    let mut in_text = 0usize;
    let mut in_dct = 0usize;
    let mut open: Vec<Open> = Vec::new();
    let err = |pos: u64, msg: String| {
        let mut pos = usize::try_from(pos)
            .unwrap_or(usize::MAX)
            .min(content.len());
        while !content.is_char_boundary(pos) {
            pos -= 1;
        }
        let before = &content[..pos];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        LoadError {
            column: Some(column),
            ..LoadError::at(path, line, msg)
        }
    };
    loop {
        let keeping = if only_text { in_text > 0 } else { in_dct == 0 };
        let event = reader
            .read_event()
            .map_err(|e| err(reader.error_position(), format!("invalid XML: {e}")))?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    b"TEXT" => {
                        in_text += 1;
                        out.saw_text = true;
                    }
                    b"DCT" => in_dct += 1,
                    b"TIMEX3" => {
                        let attrs = attributes(&e).map_err(|m| err(reader.buffer_position(), m))?;
                        note_dct(&attrs, &mut out.dct);
                        if keeping {
                            let scored = attrs.ty.as_deref().is_none_or(|t| {
                                DATE_TYPES.contains(&t.to_ascii_uppercase().as_str())
                            });
                            open.push(Open {
                                start: out.text.len(),
                                value: attrs.value,
                                scored: scored && !attrs.creation_time,
                            });
                        } else {
                            open.push(Open {
                                start: 0,
                                value: None,
                                scored: false,
                            });
                        }
                    }
                    _ => {}
                }
            }
            Event::Empty(e) if e.local_name().as_ref() == b"TIMEX3" => {
                let attrs = attributes(&e).map_err(|m| err(reader.buffer_position(), m))?;
                note_dct(&attrs, &mut out.dct);
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"TEXT" => in_text = in_text.saturating_sub(1),
                b"DCT" => in_dct = in_dct.saturating_sub(1),
                b"TIMEX3" => {
                    if let Some(o) = open.pop()
                        && o.scored
                    {
                        let span = trimmed(&out.text, o.start, out.text.len());
                        if !span.is_empty() {
                            out.dates.push(GoldDate {
                                span,
                                value: o.value,
                            });
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) if keeping => {
                let s = t
                    .xml_content()
                    .map_err(|e| err(reader.buffer_position(), format!("bad text: {e}")))?;
                out.text.push_str(&s);
            }
            Event::CData(t) if keeping => {
                let s = t
                    .xml_content()
                    .map_err(|e| err(reader.buffer_position(), format!("bad CDATA: {e}")))?;
                out.text.push_str(&s);
            }
            Event::GeneralRef(r) if keeping => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = r.xml_content().map_err(|e| {
                            err(reader.buffer_position(), format!("bad entity: {e}"))
                        })?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| {
                                err(reader.buffer_position(), format!("unknown entity &{name};"))
                            })?
                            .to_string()
                    }
                    Err(e) => {
                        return Err(err(
                            reader.buffer_position(),
                            format!("bad character reference: {e}"),
                        ));
                    }
                };
                out.text.push_str(&resolved);
            }
            _ => {}
        }
    }
    if !open.is_empty() {
        return Err(err(content.len() as u64, "unclosed <TIMEX3>".into()));
    }
    Ok(out)
}

#[derive(Default)]
struct Attrs {
    value: Option<String>,
    ty: Option<String>,
    creation_time: bool,
}

fn attributes(e: &BytesStart<'_>) -> Result<Attrs, String> {
    let mut out = Attrs::default();
    for attr in e.attributes() {
        let attr = attr.map_err(|e| format!("bad attribute in <TIMEX3>: {e}"))?;
        let value = attr
            .unescape_value()
            .map_err(|e| format!("bad attribute value in <TIMEX3>: {e}"))?
            .trim()
            .to_string();
        match attr.key.local_name().as_ref() {
            b"value" => out.value = Some(value).filter(|v| !v.is_empty()),
            b"type" => out.ty = Some(value),
            b"functionInDocument" => out.creation_time = value == "CREATION_TIME",
            _ => {}
        }
    }
    Ok(out)
}

fn note_dct(attrs: &Attrs, dct: &mut Option<String>) {
    if attrs.creation_time && dct.is_none() {
        dct.clone_from(&attrs.value);
    }
}

/// The span `start..end` of `text` without surrounding whitespace.
fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return Span::new(start, start);
    }
    Span::new(start + lead, end - trail)
}
