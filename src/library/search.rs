//! Full-text search: the user's words become an FTS5 query in which every
//! term is a quoted string (so `"`, `*`, `(`, `NEAR`, `-` are data, never
//! syntax), ranked by bm25 (headline weighted), with the matching passage.
//!
//! What a query can say: words (all must match), `"a phrase"`, `prefix*`,
//! `OR` between two terms, `-word` to exclude. Accents and case are folded
//! by the tokenizer (`remove_diacritics 2`): "etats unis" finds "États-Unis".

use super::query::{ENTRY_COLUMNS, Entry, Filter, entry_from_row};
use super::{Library, LibraryError, Passage};

/// Why a search gave no results list.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(
        "nothing to search for: give words, \"a phrase\" or a prefix* (a search needs one word to find)"
    )]
    Empty,
    #[error("the search {query:?} could not run: {detail}")]
    Query { query: String, detail: String },
    #[error(transparent)]
    Library(#[from] LibraryError),
}

/// One result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    #[serde(flatten)]
    pub entry: Entry,
    /// The best-matching passage, with the matched words marked.
    pub passage: Passage,
    /// bm25 score: lower is better.
    pub score: f64,
}

fn quote(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

fn has_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

enum Piece {
    Term {
        text: String,
        prefix: bool,
        not: bool,
    },
    Or,
}

fn pieces(input: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return out;
        }
        let not = rest.starts_with('-') && rest[1..].starts_with(|c: char| !c.is_whitespace());
        let body = if not { &rest[1..] } else { rest };
        if let Some(inner) = body.strip_prefix('"') {
            // A phrase, up to the closing quote (or the end).
            let close = inner.find('"').unwrap_or(inner.len());
            let phrase = &inner[..close];
            rest = inner.get(close + 1..).unwrap_or("");
            let prefix = rest.starts_with('*');
            rest = rest.trim_start_matches('*');
            out.push(Piece::Term {
                text: phrase.to_string(),
                prefix,
                not,
            });
            continue;
        }
        let end = body.find(char::is_whitespace).unwrap_or(body.len());
        let word = &body[..end];
        rest = &body[end..];
        if word == "OR" && !not {
            out.push(Piece::Or);
            continue;
        }
        let prefix = word.ends_with('*');
        out.push(Piece::Term {
            text: word.trim_end_matches('*').to_string(),
            prefix,
            not,
        });
    }
}

/// The FTS5 query for what the user typed.
pub fn fts_query(input: &str) -> Result<String, SearchError> {
    let mut positive: Vec<String> = Vec::new();
    let mut negative: Vec<String> = Vec::new();
    let mut or_pending = false;
    // FTS5 reads a NUL as the end of the query: no control character is a search term.
    let input: String = input
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    for piece in pieces(&input) {
        match piece {
            Piece::Or => or_pending = !positive.is_empty(),
            Piece::Term { text, prefix, not } => {
                if !has_word(&text) {
                    continue;
                }
                let mut t = quote(&text);
                if prefix {
                    t.push('*');
                }
                if not {
                    negative.push(t);
                    continue;
                }
                if or_pending {
                    positive.push(format!("OR {t}"));
                } else {
                    positive.push(t);
                }
                or_pending = false;
            }
        }
    }
    if positive.is_empty() {
        return Err(SearchError::Empty);
    }
    let mut q = format!("({})", positive.join(" "));
    for n in negative {
        q.push_str(" NOT ");
        q.push_str(&n);
    }
    Ok(q)
}

/// Passage markers (control characters never occur in sanitised text).
const OPEN: char = '\u{2}';
const CLOSE: char = '\u{3}';

fn passage_from_snippet(s: &str) -> Passage {
    let mut text = String::with_capacity(s.len());
    let mut marks = Vec::new();
    let mut open = None;
    for c in s.chars() {
        match c {
            OPEN => open = Some(text.len()),
            CLOSE => {
                if let Some(o) = open.take() {
                    marks.push(o..text.len());
                }
            }
            _ => text.push(c),
        }
    }
    Passage { text, marks }
}

impl Library {
    /// Articles matching `input` (see the module doc), best first, at most
    /// `limit` from `offset`.
    pub fn search(
        &self,
        input: &str,
        filter: &Filter,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<Hit>, SearchError> {
        let q = fts_query(input)?;
        let fail = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::Unknown) | None => SearchError::Query {
                query: input.to_string(),
                detail: e.to_string(),
            },
            _ => SearchError::Library(self.err(e)),
        };
        let (cond, mut values) = filter.sql();
        let n = values.len();
        values.push(rusqlite::types::Value::Text(q.clone()));
        values.push(rusqlite::types::Value::Integer(limit as i64));
        values.push(rusqlite::types::Value::Integer(offset as i64));
        let top_sql = if cond == "1" {
            format!(
                "SELECT rowid, rank FROM article_fts WHERE article_fts MATCH ?{}
                 ORDER BY rank LIMIT ?{} OFFSET ?{}",
                n + 1,
                n + 2,
                n + 3
            )
        } else {
            format!(
                "SELECT f.rowid, f.rank FROM article_fts f JOIN article a ON a.rid = f.rowid
                 WHERE f.article_fts MATCH ?{} AND {cond} ORDER BY f.rank LIMIT ?{} OFFSET ?{}",
                n + 1,
                n + 2,
                n + 3
            )
        };
        let top: Vec<(i64, f64)> = self
            .conn
            .prepare_cached(&top_sql)
            .and_then(|mut s| {
                s.query_map(rusqlite::params_from_iter(values), |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect()
            })
            .map_err(fail)?;
        let detail_sql = format!(
            "SELECT {ENTRY_COLUMNS}, snippet(article_fts, -1, char(2), char(3), '…', 24)
             FROM article_fts JOIN article a ON a.rid = article_fts.rowid
             WHERE article_fts MATCH ?1 AND article_fts.rowid = ?2"
        );
        let mut stmt = self.conn.prepare_cached(&detail_sql).map_err(fail)?;
        let mut hits = Vec::with_capacity(top.len());
        for (rid, score) in top {
            let hit = stmt
                .query_row(rusqlite::params![q, rid], |r| {
                    Ok(Hit {
                        entry: entry_from_row(r, 0)?,
                        passage: passage_from_snippet(&r.get::<_, String>(10)?),
                        score,
                    })
                })
                .map_err(fail)?;
            hits.push(hit);
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_input_becomes_quoted_terms() {
        let table = [
            ("etats unis", r#"("etats" "unis")"#),
            (r#""États-Unis" Diop*"#, r#"("États-Unis" "Diop"*)"#),
            (
                "mali OR niger -france",
                r#"("mali" OR "niger") NOT "france""#,
            ),
            ("NEAR( a", r#"("NEAR(" "a")"#),
            (r#"say "hi"#, r#"("say" "hi")"#),
            (r#"a"b"#, r#"("a""b")"#),
            ("OR x OR", r#"("x")"#),
            ("-x- y", r#"("y") NOT "x-""#),
            ("l'État", r#"("l'État")"#),
        ];
        for (input, want) in table {
            assert_eq!(fts_query(input).unwrap(), want, "{input:?}");
        }
    }

    #[test]
    fn nothing_to_find_is_a_clear_error() {
        for input in [
            "", "   ", "(", "*", "\"", "-mali", "OR", "NOT", "- -", "\"\"",
        ] {
            let got = fts_query(input);
            if input == "NOT" {
                assert_eq!(got.unwrap(), r#"("NOT")"#);
                continue;
            }
            assert!(matches!(got, Err(SearchError::Empty)), "{input:?}: {got:?}");
        }
    }

    #[test]
    fn snippet_markers_become_ranges() {
        let p = passage_from_snippet("…la \u{2}CEDEAO\u{3} et l'\u{2}Été\u{3}");
        assert_eq!(p.text, "…la CEDEAO et l'Été");
        let marked: Vec<&str> = p.marks.iter().map(|r| &p.text[r.clone()]).collect();
        assert_eq!(marked, ["CEDEAO", "Été"]);
        assert_eq!(p.char_ranges(), [[4, 10], [16, 19]]);
    }
}
