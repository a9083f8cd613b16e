//! Writing one analysed article inside a transaction: the article row, its
//! mentions and dates, and the actor index counts (added for the new
//! analysis, taken away for the one it replaces).

use super::blob::{self, Packed};
use super::{EXTRACTOR_VERSION, Status};
use crate::article::{Article, Feedback};
use crate::extract::{ActorKind, Analysis, Kind, lexicon::fold};
use rusqlite::{OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

/// The day an article is filed under: its publication date, else `today`.
pub(super) fn article_day(article: &Article, today: &str) -> String {
    article
        .date_published
        .as_deref()
        .and_then(crate::extract::parse_published)
        .map(|d| d.to_string())
        .unwrap_or_else(|| today.to_string())
}

/// A hash of everything stored about the article except where it was read
/// from, to tell an update from the same article imported again.
fn digest(article: &Article) -> String {
    let mut content = article.clone();
    content.source_path = None;
    let json = serde_json::to_string(&content).unwrap_or_default();
    let d = Sha256::digest(json.as_bytes());
    d.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

pub(super) fn kind_name(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Person => "person",
        ActorKind::Organization => "organization",
        ActorKind::Place => "place",
    }
}

pub(super) fn kind_from_name(s: &str) -> ActorKind {
    match s {
        "person" => ActorKind::Person,
        "organization" => ActorKind::Organization,
        _ => ActorKind::Place,
    }
}

pub(super) fn mention_kind(k: Kind) -> i64 {
    Kind::ALL.iter().position(|x| *x == k).unwrap_or(0) as i64
}

/// What the writer already knows about actors, to spare queries: valid for
/// the transactions of one import (actors are never deleted, so an actor
/// number, once committed, stays right). Drop it when a transaction fails.
#[derive(Default)]
pub(super) struct Cache {
    /// Key -> actor number and display name.
    actors: std::collections::HashMap<String, (i64, String)>,
    /// Folded names already in `actor_name`.
    names: std::collections::HashSet<(String, i64)>,
    /// Counts added since the last [`flush`]: actor -> mentions, articles, first and last day.
    totals: std::collections::HashMap<i64, (i64, i64, String, String)>,
    /// (actor, day) -> mentions, articles.
    days: std::collections::HashMap<(i64, String), (i64, i64)>,
}

/// Write the counts gathered in `cache` (once per actor and per actor-day,
/// not once per article). Call it before the transaction commits.
pub(super) fn flush(tx: &Transaction, cache: &mut Cache) -> rusqlite::Result<()> {
    let mut up = tx.prepare_cached(
        "UPDATE actor SET mentions = mentions + ?2, articles = articles + ?3,
         first_day = min(coalesce(first_day, ?4), ?4), last_day = max(coalesce(last_day, ?5), ?5)
         WHERE aid = ?1",
    )?;
    for (aid, (m, a, first, last)) in cache.totals.drain() {
        up.execute(params![aid, m, a, first, last])?;
    }
    let mut day = tx.prepare_cached(
        "INSERT INTO actor_day VALUES (?1, ?2, ?3, ?4) ON CONFLICT (aid, day)
         DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + excluded.articles",
    )?;
    for ((aid, d), (m, a)) in cache.days.drain() {
        day.execute(params![aid, d, m, a])?;
    }
    Ok(())
}

/// Store `article` (new, changed or the same) with `analysis`. Must run in a
/// write transaction.
pub(super) fn store(
    tx: &Transaction,
    cache: &mut Cache,
    article: &Article,
    analysis: &Analysis,
    today: &str,
    now: i64,
) -> rusqlite::Result<Status> {
    let digest = digest(article);
    let day = article_day(article, today);
    let old: Option<(i64, String, Option<String>, String)> = tx
        .prepare_cached("SELECT rid, digest, analysed, day FROM article WHERE id = ?1")?
        .query_row([&article.id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let (rid, status) = match old {
        Some((rid, old_digest, analysed, old_day)) if old_digest == digest => {
            if analysed.as_deref() == Some(EXTRACTOR_VERSION) {
                return Ok(Status::Unchanged);
            }
            flush(tx, cache)?;
            remove_analysis(tx, rid, &old_day)?;
            (rid, Status::Unchanged)
        }
        Some((rid, _, _, old_day)) => {
            flush(tx, cache)?;
            remove_analysis(tx, rid, &old_day)?;
            write_row(tx, Some(rid), article, &day, &digest, now)?;
            (rid, Status::Updated)
        }
        None => (
            write_row(tx, None, article, &day, &digest, now)?,
            Status::Added,
        ),
    };
    add_analysis(tx, cache, rid, &day, analysis)?;
    Ok(status)
}

fn write_row(
    tx: &Transaction,
    rid: Option<i64>,
    a: &Article,
    day: &str,
    digest: &str,
    now: i64,
) -> rusqlite::Result<i64> {
    let body = a.paragraphs.join(crate::article::PARAGRAPH_SEPARATOR);
    let authors = a.authors.join("\n");
    let editors = a.editors.join("\n");
    let source = a
        .source_path
        .as_ref()
        .map(|p| p.to_string_lossy().into_owned());
    let feedback = a
        .feedback
        .as_ref()
        .and_then(|f| serde_json::to_string(f).ok());
    let values = params![
        a.id,
        a.headline,
        body,
        authors,
        editors,
        a.date_published,
        day,
        a.in_language,
        a.language_detected,
        a.url,
        a.publisher,
        source,
        feedback,
        digest,
        now
    ];
    match rid {
        Some(rid) => {
            tx.prepare_cached(
                "UPDATE article SET id=?1, headline=?2, body=?3, authors=?4, editors=?5,
                 published=?6, day=?7, language=?8, language_detected=?9, url=?10,
                 publisher=?11, source=?12, feedback=?13, digest=?14, updated=?15,
                 analysed=?16 WHERE rid=?17",
            )?
            .execute(rusqlite::params_from_iter(values.iter().copied().chain([
                &EXTRACTOR_VERSION as &dyn rusqlite::ToSql,
                &rid as &dyn rusqlite::ToSql,
            ])))?;
            Ok(rid)
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO article (id, headline, body, authors, editors, published, day,
                 language, language_detected, url, publisher, source, feedback, digest,
                 added, updated, analysed)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?15,?16)",
            )?
            .execute(rusqlite::params_from_iter(
                values
                    .iter()
                    .copied()
                    .chain([&EXTRACTOR_VERSION as &dyn rusqlite::ToSql]),
            ))?;
            Ok(tx.last_insert_rowid())
        }
    }
}

/// Rebuild an article from its row (the columns of [`ARTICLE_COLUMNS`]).
pub(super) const ARTICLE_COLUMNS: &str = "id, headline, body, authors, editors, published, \
     language, language_detected, url, publisher, source, feedback";

pub(super) fn article_from_row(r: &rusqlite::Row) -> rusqlite::Result<Article> {
    let lines = |s: String| -> Vec<String> {
        s.split('\n')
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    };
    let body: String = r.get(2)?;
    let paragraphs = if body.is_empty() {
        Vec::new()
    } else {
        body.split(crate::article::PARAGRAPH_SEPARATOR)
            .map(str::to_string)
            .collect()
    };
    let feedback: Option<String> = r.get(11)?;
    Ok(Article {
        id: r.get(0)?,
        headline: r.get(1)?,
        paragraphs,
        authors: lines(r.get(3)?),
        editors: lines(r.get(4)?),
        date_published: r.get(5)?,
        in_language: r.get(6)?,
        language_detected: r.get(7)?,
        url: r.get(8)?,
        publisher: r.get(9)?,
        source_path: r.get::<_, Option<String>>(10)?.map(Into::into),
        feedback: feedback.and_then(|f| serde_json::from_str::<Feedback>(&f).ok()),
    })
}

/// The actor's number and display name, the actor made when new.
fn actor_id(
    tx: &Transaction,
    cache: &mut Cache,
    key: &str,
    name: &str,
    kind: ActorKind,
) -> rusqlite::Result<(i64, String)> {
    if let Some(found) = cache.actors.get(key) {
        return Ok(found.clone());
    }
    let found: Option<(i64, String)> = tx
        .prepare_cached("SELECT aid, name FROM actor WHERE key = ?1")?
        .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let found = match found {
        Some(f) => f,
        None => {
            tx.prepare_cached("INSERT INTO actor (key, name, kind) VALUES (?1, ?2, ?3)")?
                .execute(params![key, name, kind_name(kind)])?;
            (tx.last_insert_rowid(), name.to_string())
        }
    };
    cache.actors.insert(key.to_string(), found.clone());
    Ok(found)
}

fn add_analysis(
    tx: &Transaction,
    cache: &mut Cache,
    rid: i64,
    day: &str,
    an: &Analysis,
) -> rusqlite::Result<()> {
    let mut aids = Vec::with_capacity(an.actors.len());
    for (rank, actor) in an.actors.iter().enumerate() {
        let (aid, own) = actor_id(tx, cache, &actor.key, &actor.name, actor.kind)?;
        aids.push(aid);
        let mut names = tx.prepare_cached("INSERT OR IGNORE INTO actor_name VALUES (?1, ?2)")?;
        for form in std::iter::once(&actor.name).chain(&actor.forms) {
            let folded = fold(form);
            if cache.names.insert((folded.clone(), aid)) {
                names.execute(params![folded, aid])?;
            }
        }
        let n = actor.mentions.len() as i64;
        let t = cache
            .totals
            .entry(aid)
            .or_insert_with(|| (0, 0, day.to_string(), day.to_string()));
        t.0 += n;
        t.1 += 1;
        if day < t.2.as_str() {
            t.2 = day.to_string();
        }
        if day > t.3.as_str() {
            t.3 = day.to_string();
        }
        let d = cache.days.entry((aid, day.to_string())).or_insert((0, 0));
        d.0 += n;
        d.1 += 1;
        let name = Some(&actor.name).filter(|n| **n != own);
        tx.prepare_cached("INSERT OR REPLACE INTO article_actor VALUES (?1,?2,?3,?4,?5,?6,?7,?8)")?
            .execute(params![
                aid,
                day,
                rid,
                rank as i64,
                n,
                name,
                actor.role,
                actor.affiliation
            ])?;
    }
    let packed: Vec<Packed> = an
        .mentions
        .iter()
        .map(|m| Packed {
            start: m.span.start,
            len: m.span.len(),
            kind: mention_kind(m.kind) as u64,
            aid: m.actor.and_then(|i| aids.get(i).copied()),
            date: m.date,
        })
        .collect();
    tx.prepare_cached("INSERT OR REPLACE INTO mention VALUES (?1, ?2)")?
        .execute(params![rid, blob::encode(&packed)])?;
    let mut ins =
        tx.prepare_cached("INSERT OR REPLACE INTO date_ref VALUES (?1,?2,?3,?4,?5,?6,?7)")?;
    for (n, d) in an.dates.iter().enumerate() {
        ins.execute(params![
            rid,
            n as i64,
            d.span.start as i64,
            d.span.len() as i64,
            d.value.to_string(),
            d.relative,
            d.range_with.map(|x| x as i64)
        ])?;
    }
    // A new or rewritten row already has the version (written with it, so
    // that the row never grows after its insert and splits its page).
    tx.prepare_cached("UPDATE article SET analysed = ?2 WHERE rid = ?1 AND analysed IS NOT ?2")?
        .execute(params![rid, EXTRACTOR_VERSION])?;
    Ok(())
}

/// Take an article's analysis out of the index.
fn remove_analysis(tx: &Transaction, rid: i64, day: &str) -> rusqlite::Result<()> {
    let mut aids: Vec<i64> = packed_mentions(tx, rid)?
        .iter()
        .filter_map(|m| m.aid)
        .collect();
    aids.sort_unstable();
    aids.dedup();
    for aid in aids {
        let n: Option<i64> = tx
            .prepare_cached(
                "SELECT mentions FROM article_actor WHERE aid=?1 AND day=?2 AND rid=?3",
            )?
            .query_row(params![aid, day, rid], |r| r.get(0))
            .optional()?;
        let Some(n) = n else { continue };
        tx.prepare_cached("DELETE FROM article_actor WHERE aid=?1 AND day=?2 AND rid=?3")?
            .execute(params![aid, day, rid])?;
        tx.prepare_cached(
            "UPDATE actor_day SET mentions = mentions - ?3, articles = articles - 1
             WHERE aid = ?1 AND day = ?2",
        )?
        .execute(params![aid, day, n])?;
        tx.prepare_cached("DELETE FROM actor_day WHERE aid = ?1 AND day = ?2 AND articles <= 0")?
            .execute(params![aid, day])?;
        tx.prepare_cached(
            "UPDATE actor SET mentions = mentions - ?2, articles = articles - 1,
             first_day = (SELECT min(day) FROM actor_day WHERE aid = ?1),
             last_day = (SELECT max(day) FROM actor_day WHERE aid = ?1)
             WHERE aid = ?1",
        )?
        .execute(params![aid, n])?;
    }
    tx.prepare_cached("DELETE FROM mention WHERE rid = ?1")?
        .execute([rid])?;
    tx.prepare_cached("DELETE FROM date_ref WHERE rid = ?1")?
        .execute([rid])?;
    Ok(())
}

/// The stored mentions of an article (none when it has no analysis yet).
pub(super) fn packed_mentions(
    conn: &rusqlite::Connection,
    rid: i64,
) -> rusqlite::Result<Vec<Packed>> {
    let bytes: Option<Vec<u8>> = conn
        .prepare_cached("SELECT packed FROM mention WHERE rid = ?1")?
        .query_row([rid], |r| r.get(0))
        .optional()?;
    match bytes {
        None => Ok(Vec::new()),
        Some(b) => blob::decode(&b).ok_or_else(|| {
            rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(format!("the mentions of article row {rid} are damaged")),
            )
        }),
    }
}

/// The actor counts agree with the per-day and per-article rows.
pub(super) fn check_counts(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<String>> {
    let checks = [
        (
            "SELECT count(*) FROM actor a WHERE a.mentions != (SELECT coalesce(sum(mentions), 0) FROM actor_day d WHERE d.aid = a.aid)",
            "actors whose mention count disagrees with their per-day counts",
        ),
        (
            "SELECT count(*) FROM actor a WHERE a.articles != (SELECT count(*) FROM article_actor x WHERE x.aid = a.aid)",
            "actors whose article count disagrees with their articles",
        ),
        (
            "SELECT count(*) FROM article_actor x WHERE NOT EXISTS (SELECT 1 FROM article WHERE rid = x.rid)",
            "actor rows for articles that are not in the library",
        ),
    ];
    let mut out = Vec::new();
    for (sql, what) in checks {
        let n: i64 = conn.query_row(sql, [], |r| r.get(0))?;
        if n > 0 {
            out.push(format!("{n} {what}"));
        }
    }
    Ok(out)
}
