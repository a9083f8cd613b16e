//! The actor index across the library: every actor with its counts and
//! days, the articles of one actor with the passage of each mention, and
//! the timeline of the dates articles mention.

use super::query::{Cursor, ENTRY_COLUMNS, Entry, entry_from_row};
use super::write::{kind_from_name, kind_name};
use super::{Library, Passage, Result, sentence_around};
use crate::extract::{ActorKind, Span, lexicon::fold};
use rusqlite::types::Value;

/// An actor's number in this library file (not stable across files: use the key for that).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct ActorId(pub i64);

/// Which actors the index lists. Empty: all, most mentioned first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorQuery {
    /// Count only the days from this one (`YYYY-MM-DD`, inclusive).
    pub since: Option<String>,
    /// Count only the days up to this one (inclusive).
    pub until: Option<String>,
    pub kind: Option<ActorKind>,
    pub limit: Option<usize>,
}

/// One line of the actor index.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ActorRow {
    pub id: ActorId,
    /// Stable key (`iso:ML`, `wikidata:Q…`, `per:abdoulaye diop`).
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
    pub mentions: usize,
    pub articles: usize,
    /// First and last day (`YYYY-MM-DD`) of the articles that mention it.
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}

/// One article of an actor.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ActorArticle {
    #[serde(flatten)]
    pub entry: Entry,
    /// Mentions of the actor in this article.
    pub mentions: usize,
    /// The role the article gives it.
    pub role: Option<String>,
}

/// A date an article mentions.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TimelineEntry {
    /// ISO 8601 with `X` for what the text leaves open (`2024-05`, `2024-05-03`).
    pub value: String,
    pub article: Entry,
    /// The sentence, with the date marked.
    pub passage: Passage,
}

fn actor_from_row(r: &rusqlite::Row) -> rusqlite::Result<ActorRow> {
    Ok(ActorRow {
        id: ActorId(r.get(0)?),
        key: r.get(1)?,
        name: r.get(2)?,
        kind: kind_from_name(&r.get::<_, String>(3)?),
        mentions: r.get::<_, i64>(4)?.max(0) as usize,
        articles: r.get::<_, i64>(5)?.max(0) as usize,
        first_seen: r.get(6)?,
        last_seen: r.get(7)?,
    })
}

impl Library {
    /// The actor index: most mentioned first (then by name).
    pub fn actors(&self, q: &ActorQuery) -> Result<Vec<ActorRow>> {
        let mut values: Vec<Value> = Vec::new();
        let mut kind = String::new();
        if let Some(k) = q.kind {
            values.push(Value::Text(kind_name(k).into()));
            kind = format!(" AND c.kind = ?{}", values.len());
        }
        let sql = if q.since.is_none() && q.until.is_none() {
            format!(
                "SELECT c.aid, c.key, c.name, c.kind, c.mentions, c.articles, c.first_day, c.last_day
                 FROM actor c WHERE c.articles > 0{kind}
                 ORDER BY c.mentions DESC, c.articles DESC, c.name"
            )
        } else {
            let mut days = String::new();
            for (cond, v) in [(">=", &q.since), ("<=", &q.until)] {
                if let Some(v) = v {
                    values.push(Value::Text(v.clone()));
                    days.push_str(&format!(" AND d.day {cond} ?{}", values.len()));
                }
            }
            format!(
                "SELECT c.aid, c.key, c.name, c.kind, sum(d.mentions) AS m, sum(d.articles), min(d.day), max(d.day)
                 FROM actor_day d JOIN actor c ON c.aid = d.aid WHERE 1{days}{kind}
                 GROUP BY d.aid ORDER BY m DESC, 6 DESC, c.name"
            )
        };
        let sql = match q.limit {
            Some(n) => format!("{sql} LIMIT {n}"),
            None => sql,
        };
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(values), actor_from_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Mentions per day (`YYYY-MM-DD`, ascending) of one actor: the chart.
    pub fn actor_days(&self, id: ActorId) -> Result<Vec<(String, usize)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT day, mentions FROM actor_day WHERE aid = ?1 ORDER BY day")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([id.0], |r| {
                Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as usize))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Actors answering to `name`: its key exactly, else any name or form it
    /// was seen under, case and accents folded. Most mentioned first.
    pub fn find_actors(&self, name: &str) -> Result<Vec<ActorRow>> {
        let cols = "c.aid, c.key, c.name, c.kind, c.mentions, c.articles, c.first_day, c.last_day";
        let sql = format!(
            "SELECT {cols} FROM actor c WHERE c.key = ?1 AND c.articles > 0
             UNION SELECT {cols} FROM actor_name n JOIN actor c ON c.aid = n.aid
             WHERE n.folded = ?2 AND c.articles > 0
             ORDER BY 5 DESC, 2"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(
                rusqlite::params![name.trim(), fold(name.trim())],
                actor_from_row,
            )
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// One actor by number.
    pub fn actor(&self, id: ActorId) -> Result<Option<ActorRow>> {
        use rusqlite::OptionalExtension;
        self.conn
            .query_row(
                "SELECT aid, key, name, kind, mentions, articles, first_day, last_day FROM actor WHERE aid = ?1",
                [id.0],
                actor_from_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The articles that mention an actor, newest first, a page at a time.
    pub fn actor_articles(
        &self,
        id: ActorId,
        after: Option<&Cursor>,
        limit: usize,
    ) -> Result<Vec<ActorArticle>> {
        let (after_day, after_rid) = match after {
            Some(c) => c.parts(),
            None => ("9999-99-99".to_string(), i64::MAX),
        };
        let sql = format!(
            "SELECT {ENTRY_COLUMNS}, x.mentions, x.role FROM article_actor x
             JOIN article a ON a.rid = x.rid
             WHERE x.aid = ?1 AND (x.day, x.rid) < (?2, ?3)
             ORDER BY x.day DESC, x.rid DESC LIMIT ?4"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(
                rusqlite::params![id.0, after_day, after_rid, limit as i64],
                |r| {
                    Ok(ActorArticle {
                        entry: entry_from_row(r, 0)?,
                        mentions: r.get::<_, i64>(10)?.max(0) as usize,
                        role: r.get(11)?,
                    })
                },
            )
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// The passage of each mention of an actor in one article, in text order.
    pub fn mention_passages(&self, id: ActorId, article_id: &str) -> Result<Vec<Passage>> {
        use rusqlite::OptionalExtension;
        let found: Option<(i64, String)> = self
            .conn
            .prepare_cached(
                "SELECT rid, headline || char(10) || char(10) || body FROM article WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([article_id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .map_err(|e| self.err(e))?;
        let Some((rid, text)) = found else {
            return Ok(Vec::new());
        };
        let packed = super::write::packed_mentions(&self.conn, rid).map_err(|e| self.err(e))?;
        Ok(packed
            .iter()
            .filter(|m| m.aid == Some(id.0))
            .map(|m| sentence_around(&text, Span::new(m.start, m.start + m.len)))
            .collect())
    }

    /// The dates mentioned across the library (or in the articles of one
    /// actor, or matching a search), in date order, at most `limit`.
    /// Only values that start with a year (`2024…`, `199X`) are listed.
    pub fn timeline(
        &self,
        actor: Option<ActorId>,
        search: Option<&str>,
        limit: usize,
    ) -> Result<Vec<TimelineEntry>, super::SearchError> {
        let mut cond = String::new();
        let mut values: Vec<Value> = Vec::new();
        if let Some(a) = actor {
            values.push(Value::Integer(a.0));
            cond.push_str(&format!(
                " AND d.rid IN (SELECT rid FROM article_actor WHERE aid = ?{})",
                values.len()
            ));
        }
        if let Some(q) = search {
            values.push(Value::Text(super::fts_query(q)?));
            cond.push_str(&format!(
                " AND d.rid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?{})",
                values.len()
            ));
        }
        values.push(Value::Integer(limit as i64));
        let sql = format!(
            "SELECT {ENTRY_COLUMNS}, d.value, d.start, d.len, a.headline || char(10) || char(10) || a.body
             FROM date_ref d JOIN article a ON a.rid = d.rid
             WHERE d.value GLOB '[0-9]*'{cond}
             ORDER BY d.value, a.day, a.rid, d.start LIMIT ?{}",
            values.len()
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(values), |r| {
                let start = r.get::<_, i64>(11)? as usize;
                let span = Span::new(start, start + r.get::<_, i64>(12)? as usize);
                let text: String = r.get(13)?;
                Ok(TimelineEntry {
                    article: entry_from_row(r, 0)?,
                    value: r.get(10)?,
                    passage: sentence_around(&text, span),
                })
            })
            .map_err(|e| self.err(e))?;
        Ok(rows
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?)
    }
}
