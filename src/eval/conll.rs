//! CoNLL-style BIO columns: one token per line, the token in the first column
//! and its tag in the last (tab- or space-separated); blank lines end
//! sentences; `-DOCSTART-` lines separate documents; `#` comment lines (as in
//! CoNLL-U) are skipped.
//!
//! Tags: `O`, or a prefix and a type (`B-PER`, `I-LOC`, also `E-`/`S-` of
//! BIOES, and `_` for `-`). IOB1 (`I-` opens an entity unless it continues
//! one of the same type, `B-` only splits two adjacent ones) and IOB2 (every
//! entity opens with `B-`) read the same way. Types: PER, ORG, LOC and their
//! variants (PERS, PERSON, ORGANIZATION, GPE, LOCATION ...); MISC and other
//! types keep their boundaries but are not scored.
//!
//! The text is rebuilt from the tokens: one space between tokens, none before
//! closing punctuation or after an opening bracket or an elided article
//! ("l'" "Afrique" -> "l'Afrique"); each sentence on its own line.
//!
//! Text tokenised with its apostrophes and hyphens split off ("d ' animaux",
//! "Etats - Unis", as in HIPE-2020) is rejoined, so that the extractor reads
//! the text as it was printed and the gold spans keep their tokens: a lone
//! apostrophe after a French elided word ("d", "l", "qu", "jusqu") joins both
//! neighbours; a lone hyphen between two words joins them only in a file
//! whose tokeniser splits hyphens (no token in it holds a hyphen between two
//! letters). In a file that keeps "all-rounder" whole (CoNLL-2003), a lone
//! "-" is a dash and keeps its spaces. Scores are on these rebuilt spans.

use super::{Document, GoldEntity, LoadError, actors_from_mentions};
use crate::article::lang;
use crate::extract::{Kind, Span};
use std::path::Path;

/// The kinds a CoNLL file annotates.
const KINDS: [Kind; 3] = [Kind::Person, Kind::Organization, Kind::Place];

/// Types accepted without a prefix (IO scheme).
const BARE_TYPES: [&str; 9] = [
    "PER",
    "PERS",
    "PERSON",
    "ORG",
    "ORGANIZATION",
    "LOC",
    "LOCATION",
    "GPE",
    "MISC",
];

/// A tag's chunking prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prefix {
    Begin,
    Inside,
    End,
    Single,
}

/// Parse a tag: `None` for `O`, else the prefix and the type.
fn parse_tag(tag: &str) -> Result<Option<(Prefix, &str)>, String> {
    if tag == "O" || tag == "o" {
        return Ok(None);
    }
    let (prefix, ty) = match tag.split_once(['-', '_']) {
        Some((p, t)) if p.len() == 1 => (p, t),
        // A bare type (IO scheme): inside.
        _ if BARE_TYPES.contains(&tag) => ("I", tag),
        _ => return Err(format!("unknown tag {tag:?} (expected O, B-TYPE, I-TYPE)")),
    };
    let prefix = match prefix {
        "B" | "b" => Prefix::Begin,
        "I" | "i" => Prefix::Inside,
        "E" | "e" | "L" | "l" => Prefix::End,
        "S" | "s" | "U" | "u" => Prefix::Single,
        _ => return Err(format!("unknown tag {tag:?} (expected O, B-TYPE, I-TYPE)")),
    };
    if ty.is_empty() || !ty.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!("unknown tag {tag:?} (expected O, B-TYPE, I-TYPE)"));
    }
    Ok(Some((prefix, ty)))
}

/// The scored kind of a CoNLL type, `None` for MISC and the like.
fn kind_of(ty: &str) -> Option<Kind> {
    match ty.to_ascii_uppercase().as_str() {
        "PERS" => Some(Kind::Person),
        "ORGA" => Some(Kind::Organization),
        "GEO" | "GEOLOC" => Some(Kind::Place),
        _ => Kind::from_label(ty).filter(|k| KINDS.contains(k)),
    }
}

fn columns(line: &str) -> Vec<&str> {
    if line.contains('\t') {
        line.split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect()
    } else {
        line.split_whitespace().collect()
    }
}

fn is_comment(line: &str, cols: &[&str]) -> bool {
    line.starts_with('#') && (cols.len() < 2 || parse_tag(cols[cols.len() - 1]).is_err())
}

/// True when the first lines of a file look like BIO columns.
pub fn looks_like_conll(head: &str) -> bool {
    let mut seen = 0;
    let mut width = None;
    // The last line of a head may be cut short.
    let lines: Vec<&str> = head.lines().collect();
    let complete = if head.ends_with('\n') {
        lines.len()
    } else {
        lines.len().saturating_sub(1)
    };
    for line in lines.into_iter().take(complete) {
        let cols = columns(line);
        if cols.is_empty() || is_comment(line, &cols) {
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            continue;
        }
        if cols.len() < 2 || parse_tag(cols[cols.len() - 1]).is_err() {
            return false;
        }
        // Every token line has the same number of columns.
        if *width.get_or_insert(cols.len()) != cols.len() {
            return false;
        }
        seen += 1;
        if seen >= 20 {
            break;
        }
    }
    seen >= 2
}

/// French words elided before an apostrophe (lower-cased).
const ELIDED: [&str; 15] = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    "aujourd",
];

fn is_lone_apostrophe(token: &str) -> bool {
    matches!(token, "'" | "’")
}

fn is_elided(token: &str) -> bool {
    token.len() <= 7 && ELIDED.iter().any(|e| e.eq_ignore_ascii_case(token))
}

fn ends_with_letter(token: &str) -> bool {
    token.chars().next_back().is_some_and(char::is_alphabetic)
}

fn starts_with_letter(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_alphabetic)
}

/// True when a token holds a hyphen between two letters ("all-rounder"):
/// the file's tokeniser keeps hyphenated words whole.
fn inner_hyphen(token: &str) -> bool {
    let cs: Vec<char> = token.chars().collect();
    cs.windows(3)
        .any(|w| w[0].is_alphabetic() && w[1] == '-' && w[2].is_alphabetic())
}

/// Which tokens of a sentence are glued to the one before them because the
/// tokeniser split an apostrophe or a hyphen off a word (see the module doc).
fn split_joins(tokens: &[&str], splits_hyphens: bool) -> Vec<bool> {
    let mut join = vec![false; tokens.len()];
    for i in 1..tokens.len().saturating_sub(1) {
        let (prev, tok, next) = (tokens[i - 1], tokens[i], tokens[i + 1]);
        let rejoin = if is_lone_apostrophe(tok) {
            is_elided(prev) && starts_with_letter(next)
        } else {
            splits_hyphens && tok == "-" && ends_with_letter(prev) && starts_with_letter(next)
        };
        if rejoin {
            join[i] = true;
            join[i + 1] = true;
        }
    }
    join
}

/// True when no space goes between `prev` and `token` in the rebuilt text.
fn glued(prev: &str, token: &str) -> bool {
    let closing = token.starts_with([
        '.', ',', ';', ':', '!', '?', ')', ']', '}', '%', '»', '”', '…',
    ]);
    let clitic = token.starts_with(['\'', '’'])
        && token.len() > 1
        && token.chars().nth(1).is_some_and(char::is_alphabetic)
        || token.eq_ignore_ascii_case("n't");
    let opening = prev.ends_with(['(', '[', '{', '«', '“'])
        || (prev.chars().count() > 1 && prev.ends_with(['\'', '’']));
    closing || clitic || opening
}

struct Builder {
    text: String,
    entities: Vec<GoldEntity>,
    /// Open entity: start byte, end byte, type.
    open: Option<(usize, usize, String)>,
    prev_token: Option<String>,
    new_sentence: bool,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            text: String::new(),
            entities: Vec::new(),
            open: None,
            prev_token: None,
            new_sentence: true,
        }
    }

    fn close(&mut self) {
        if let Some((start, end, ty)) = self.open.take()
            && let Some(kind) = kind_of(&ty)
        {
            self.entities.push(GoldEntity {
                span: Span::new(start, end),
                kind,
                actor: None,
            });
        }
    }

    fn end_sentence(&mut self) {
        self.close();
        self.new_sentence = true;
    }

    fn push(&mut self, token: &str, tag: Option<(Prefix, &str)>, joined: bool) {
        if self.new_sentence {
            if !self.text.is_empty() {
                self.text.push('\n');
            }
            self.new_sentence = false;
        } else if let Some(prev) = &self.prev_token
            && !joined
            && !glued(prev, token)
        {
            self.text.push(' ');
        }
        let start = self.text.len();
        self.text.push_str(token);
        let end = self.text.len();
        self.prev_token = Some(token.to_string());
        match tag {
            None => self.close(),
            Some((prefix, ty)) => {
                let continues = matches!(prefix, Prefix::Inside | Prefix::End)
                    && self.open.as_ref().is_some_and(|(_, _, t)| t == ty);
                if continues {
                    if let Some(open) = self.open.as_mut() {
                        open.1 = end;
                    }
                } else {
                    self.close();
                    self.open = Some((start, end, ty.to_string()));
                }
                if matches!(prefix, Prefix::End | Prefix::Single) {
                    self.close();
                }
            }
        }
    }

    fn finish(mut self) -> Option<Document> {
        self.close();
        if self.text.trim().is_empty() {
            return None;
        }
        Some(Document {
            lang: lang::detect(&self.text).to_string(),
            kinds: KINDS.to_vec(),
            actors: Some(actors_from_mentions(&self.text, &self.entities)),
            entities: self.entities,
            text: self.text,
            ..Document::default()
        })
    }
}

/// The tokens of the sentence being read, with their tags.
type Pending<'c> = Vec<(&'c str, Option<(Prefix, &'c str)>)>;

/// Push a sentence's tokens into the document, rejoining split apostrophes
/// and hyphens.
fn flush(doc: &mut Builder, pending: &mut Pending<'_>, splits_hyphens: bool) {
    let tokens: Vec<&str> = pending.iter().map(|(t, _)| *t).collect();
    let joins = split_joins(&tokens, splits_hyphens);
    for ((token, tag), joined) in pending.drain(..).zip(joins) {
        doc.push(token, tag, joined);
    }
}

/// Parse a CoNLL file's content; `path` names it in errors and document ids.
pub fn parse(path: &Path, content: &str) -> Result<Vec<Document>, LoadError> {
    let splits_hyphens = !content
        .lines()
        .filter_map(|l| columns(l).first().copied())
        .any(inner_hyphen);
    let mut docs = Vec::new();
    let mut doc = Builder::new();
    let mut pending: Pending<'_> = Vec::new();
    for (i, raw) in content.lines().enumerate() {
        let line = raw.trim_start_matches('\u{feff}').trim_end();
        let cols = columns(line);
        if cols.is_empty() {
            flush(&mut doc, &mut pending, splits_hyphens);
            doc.end_sentence();
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            flush(&mut doc, &mut pending, splits_hyphens);
            docs.extend(std::mem::replace(&mut doc, Builder::new()).finish());
            continue;
        }
        if is_comment(line, &cols) {
            continue;
        }
        if cols.len() < 2 {
            return Err(LoadError::at(
                path,
                i + 1,
                format!("{line:?} has one column; expected a token and a tag"),
            ));
        }
        let tag = parse_tag(cols[cols.len() - 1]).map_err(|m| LoadError {
            column: line
                .rfind(cols[cols.len() - 1])
                .map(|b| line[..b].chars().count() + 1),
            ..LoadError::at(path, i + 1, m)
        })?;
        pending.push((cols[0], tag));
    }
    flush(&mut doc, &mut pending, splits_hyphens);
    docs.extend(doc.finish());
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let many = docs.len() > 1;
    for (n, d) in docs.iter_mut().enumerate() {
        d.id = if many {
            format!("{name}#{}", n + 1)
        } else {
            name.clone()
        };
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(parse_tag("O"), Ok(None));
        assert_eq!(parse_tag("B-PER"), Ok(Some((Prefix::Begin, "PER"))));
        assert_eq!(parse_tag("I_LOC"), Ok(Some((Prefix::Inside, "LOC"))));
        assert_eq!(parse_tag("S-ORG"), Ok(Some((Prefix::Single, "ORG"))));
        assert_eq!(parse_tag("LOC"), Ok(Some((Prefix::Inside, "LOC"))));
        assert!(parse_tag("X-PER").is_err());
        assert!(parse_tag("B-").is_err());
        assert!(parse_tag("très").is_err());
        assert_eq!(kind_of("PERS"), Some(Kind::Person));
        assert_eq!(kind_of("GPE"), Some(Kind::Place));
        assert_eq!(kind_of("MISC"), None);
        assert_eq!(kind_of("DATE"), None);
    }

    #[test]
    fn spacing() {
        for (prev, token, want) in [
            ("Mali", ",", true),
            ("l'", "Afrique", true),
            ("(", "CEDEAO", true),
            ("Mali", "'s", true),
            ("do", "n't", true),
            ("'", "Mali", false),
            ("le", "Mali", false),
        ] {
            assert_eq!(glued(prev, token), want, "{prev} {token}");
        }
    }

    fn rebuilt(content: &str) -> String {
        let docs = parse(Path::new("x.conll"), content).unwrap();
        docs[0].text.clone()
    }

    #[test]
    fn split_apostrophes_and_hyphens_rejoin() {
        let hipe = "marchand O\nd O\n' O\nanimaux O\naux O\nEtats B-LOC\n- I-LOC\nUnis I-LOC\n";
        assert_eq!(rebuilt(hipe), "marchand d'animaux aux Etats-Unis");
        let docs = parse(Path::new("x.conll"), hipe).unwrap();
        let e = &docs[0].entities[0];
        assert_eq!(e.span.text(&docs[0].text), "Etats-Unis");
        // A file that keeps hyphenated words whole: a lone "-" is a dash.
        let conll = "SOCCER O\n- O\nLEICESTER B-ORG\nall-rounder O\n";
        assert_eq!(rebuilt(conll), "SOCCER - LEICESTER all-rounder");
        // A quote is not an elision.
        assert_eq!(rebuilt("he O\nsaid O\n' O\nno O\n"), "he said ' no");
    }
}
