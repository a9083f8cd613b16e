//! The article list (a page at a time, newest first), one article, its
//! stored analysis, and the read/starred marks.

use super::write::{ARTICLE_COLUMNS, article_from_row, kind_from_name};
use super::{EXTRACTOR_VERSION, Library, Result};
use crate::article::Article;
use crate::extract::{Actor, Analysis, Kind, Mention, Span, TimeExpr};
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

/// Which articles a list, a count or a search covers. Empty: all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Publisher, exactly.
    pub publisher: Option<String>,
    /// Language tag, exactly (`fr`, `en`).
    pub language: Option<String>,
    /// First day (`YYYY-MM-DD`, inclusive) the article is filed under.
    pub since: Option<String>,
    /// Last day (inclusive).
    pub until: Option<String>,
    pub unread_only: bool,
    pub starred_only: bool,
}

impl Filter {
    /// SQL conditions on table alias `a` (always starting with `1`), and their values.
    pub(super) fn sql(&self) -> (String, Vec<Value>) {
        let mut sql = String::from("1");
        let mut values = Vec::new();
        let mut add = |cond: &str, v: &Option<String>| {
            if let Some(v) = v {
                values.push(Value::Text(v.clone()));
                sql.push_str(&format!(" AND {cond} ?{}", values.len()));
            }
        };
        add("a.publisher =", &self.publisher);
        add("a.language =", &self.language);
        add("a.day >=", &self.since);
        add("a.day <=", &self.until);
        if self.unread_only {
            sql.push_str(" AND a.read = 0");
        }
        if self.starred_only {
            sql.push_str(" AND a.starred = 1");
        }
        (sql, values)
    }
}

/// Where a page of the list starts: after this entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    day: String,
    rid: i64,
}

impl Cursor {
    pub(super) fn parts(&self) -> (String, i64) {
        (self.day.clone(), self.rid)
    }
}

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    pub id: String,
    pub headline: String,
    pub publisher: Option<String>,
    pub language: String,
    /// As the source gave it.
    pub published: Option<String>,
    /// The day it is filed under (published, else added).
    pub day: String,
    pub read: bool,
    pub starred: bool,
    /// Unix seconds.
    pub added: i64,
    #[serde(skip)]
    pub(super) rid: i64,
}

impl Entry {
    /// The cursor for the page after this entry.
    pub fn cursor(&self) -> Cursor {
        Cursor {
            day: self.day.clone(),
            rid: self.rid,
        }
    }
}

pub(super) const ENTRY_COLUMNS: &str = "a.id, a.headline, a.publisher, a.language, a.published, a.day, a.read, a.starred, a.added, a.rid";

pub(super) fn entry_from_row(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Entry> {
    Ok(Entry {
        id: r.get(at)?,
        headline: r.get(at + 1)?,
        publisher: r.get(at + 2)?,
        language: r.get(at + 3)?,
        published: r.get(at + 4)?,
        day: r.get(at + 5)?,
        read: r.get(at + 6)?,
        starred: r.get(at + 7)?,
        added: r.get(at + 8)?,
        rid: r.get(at + 9)?,
    })
}

/// Values of one field with their article counts.
pub type Facet = Vec<(String, usize)>;

/// How many articles a filter covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub total: usize,
    pub unread: usize,
    pub starred: usize,
}

impl Library {
    /// Counts for the list's title line.
    pub fn count(&self, filter: &Filter) -> Result<Counts> {
        let (cond, values) = filter.sql();
        let sql = format!(
            "SELECT count(*), coalesce(sum(a.read = 0), 0), coalesce(sum(a.starred), 0)
             FROM article a WHERE {cond}"
        );
        self.conn
            .query_row(&sql, rusqlite::params_from_iter(values), |r| {
                Ok(Counts {
                    total: r.get::<_, i64>(0)? as usize,
                    unread: r.get::<_, i64>(1)? as usize,
                    starred: r.get::<_, i64>(2)? as usize,
                })
            })
            .map_err(|e| self.err(e))
    }

    /// Up to `limit` entries, newest first, after `after` (the first page with `None`).
    pub fn list(
        &self,
        filter: &Filter,
        after: Option<&Cursor>,
        limit: usize,
    ) -> Result<Vec<Entry>> {
        let (mut cond, mut values) = filter.sql();
        if let Some(c) = after {
            values.push(Value::Text(c.day.clone()));
            values.push(Value::Integer(c.rid));
            let n = values.len();
            cond.push_str(&format!(" AND (a.day, a.rid) < (?{}, ?{n})", n - 1));
        }
        values.push(Value::Integer(limit as i64));
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM article a WHERE {cond}
             ORDER BY a.day DESC, a.rid DESC LIMIT ?{}",
            values.len()
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(values), |r| entry_from_row(r, 0))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Publishers and languages with their article counts, most first (for
    /// the list's filter choices). An article without a publisher is not counted.
    pub fn facets(&self) -> Result<(Facet, Facet)> {
        let group = |col: &str| -> rusqlite::Result<Vec<(String, usize)>> {
            let sql = format!(
                "SELECT {col}, count(*) AS n FROM article WHERE {col} IS NOT NULL
                 GROUP BY {col} ORDER BY n DESC, {col}"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
            rows.collect()
        };
        let publishers = group("publisher").map_err(|e| self.err(e))?;
        let languages = group("language").map_err(|e| self.err(e))?;
        Ok((publishers, languages))
    }

    /// The whole article, as imported.
    pub fn article(&self, id: &str) -> Result<Option<Article>> {
        let sql = format!("SELECT {ARTICLE_COLUMNS} FROM article WHERE id = ?1");
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_row([id], article_from_row).optional())
            .map_err(|e| self.err(e))
    }

    /// The stored analysis of an article; `None` when the article is not in
    /// the library or its analysis is missing or from another extractor
    /// version (analyse it then, or run [`super::reanalyse`]).
    pub fn analysis(&self, id: &str) -> Result<Option<Analysis>> {
        let Some(article) = self.article(id)? else {
            return Ok(None);
        };
        let row: (i64, String, Option<String>) = self
            .conn
            .query_row(
                "SELECT rid, day, analysed FROM article WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(|e| self.err(e))?;
        if row.2.as_deref() != Some(EXTRACTOR_VERSION) {
            return Ok(None);
        }
        self.load_analysis(row.0, &row.1, &article.text())
            .map(Some)
            .map_err(|e| self.err(e))
    }

    fn load_analysis(&self, rid: i64, day: &str, text: &str) -> rusqlite::Result<Analysis> {
        let rows = super::write::packed_mentions(&self.conn, rid)?;
        let mut aids: Vec<i64> = rows.iter().filter_map(|m| m.aid).collect();
        aids.sort_unstable();
        aids.dedup();
        let mut actors: Vec<(i64, i64, Actor)> = Vec::new();
        for aid in aids {
            let a = self
                .conn
                .prepare_cached(
                    "SELECT x.rank, coalesce(x.name, c.name), x.role, x.affiliation, c.key, c.kind
                 FROM article_actor x JOIN actor c ON c.aid = x.aid
                 WHERE x.aid = ?1 AND x.day = ?2 AND x.rid = ?3",
                )?
                .query_row(rusqlite::params![aid, day, rid], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        Actor {
                            name: r.get(1)?,
                            role: r.get(2)?,
                            affiliation: r.get(3)?,
                            key: r.get(4)?,
                            kind: kind_from_name(&r.get::<_, String>(5)?),
                            forms: Vec::new(),
                            mentions: Vec::new(),
                        },
                    ))
                })
                .optional()?;
            if let Some((rank, actor)) = a {
                actors.push((rank, aid, actor));
            }
        }
        actors.sort_by_key(|a| a.0);
        let mut mentions = Vec::with_capacity(rows.len());
        for (i, m) in rows.into_iter().enumerate() {
            let span = Span::new(m.start, m.start + m.len);
            let actor = m.aid.and_then(|aid| actors.iter().position(|a| a.1 == aid));
            if let Some(k) = actor {
                let a = &mut actors[k].2;
                a.mentions.push(i);
                if let Some(form) = text.get(span.range())
                    && !a.forms.iter().any(|f| f == form)
                {
                    a.forms.push(form.to_string());
                }
            }
            mentions.push(Mention {
                span,
                kind: Kind::ALL
                    .get(m.kind as usize)
                    .copied()
                    .unwrap_or(Kind::Place),
                actor,
                date: m.date,
            });
        }
        let dates = self
            .conn
            .prepare_cached("SELECT start, len, value, relative, range_with FROM date_ref WHERE rid = ?1 ORDER BY n")?
            .query_map([rid], |r| {
                let start = r.get::<_, i64>(0)? as usize;
                Ok(TimeExpr {
                    span: Span::new(start, start + r.get::<_, i64>(1)? as usize),
                    value: r.get::<_, String>(2)?.parse().map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            2,
                            rusqlite::types::Type::Text,
                            Box::new(e),
                        )
                    })?,
                    relative: r.get(3)?,
                    range_with: r.get::<_, Option<i64>>(4)?.map(|x| x as usize),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Analysis {
            mentions,
            actors: actors.into_iter().map(|a| a.2).collect(),
            dates,
        })
    }

    /// Mark an article read or unread. `false` when no article has this id.
    pub fn set_read(&self, id: &str, read: bool) -> Result<bool> {
        self.set_flag("read", id, read)
    }

    /// Star or unstar an article. `false` when no article has this id.
    pub fn set_starred(&self, id: &str, starred: bool) -> Result<bool> {
        self.set_flag("starred", id, starred)
    }

    /// Flip the read mark; the new value, `None` when no article has this id.
    pub fn toggle_read(&self, id: &str) -> Result<Option<bool>> {
        self.toggle("read", id)
    }

    /// Flip the star; the new value, `None` when no article has this id.
    pub fn toggle_starred(&self, id: &str) -> Result<Option<bool>> {
        self.toggle("starred", id)
    }

    fn set_flag(&self, column: &str, id: &str, value: bool) -> Result<bool> {
        let sql = format!("UPDATE article SET {column} = ?2 WHERE id = ?1");
        let n = self
            .conn
            .execute(&sql, rusqlite::params![id, value])
            .map_err(|e| self.err(e))?;
        Ok(n > 0)
    }

    fn toggle(&self, column: &str, id: &str) -> Result<Option<bool>> {
        let sql =
            format!("UPDATE article SET {column} = 1 - {column} WHERE id = ?1 RETURNING {column}");
        self.conn
            .query_row(&sql, [id], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))
    }
}
