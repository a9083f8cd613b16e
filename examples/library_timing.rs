//! Time the reader's queries on an existing library (a report, not a check):
//! a list page, the unread count, full-text search (p95 over a set of
//! queries), the whole actor index, one actor's articles; and the file size.
//!
//!     cargo run --release --example gen_library -- 100000 /tmp/gen
//!     target/release/lede --library /tmp/lib.sqlite add /tmp/gen
//!     cargo run --release --example library_timing -- /tmp/lib.sqlite

use lede::library::{ActorQuery, Filter, Library};
use std::time::{Duration, Instant};

/// Median and worst of `runs` calls.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            std::hint::black_box(f());
            s.elapsed()
        })
        .collect();
    t.sort_unstable();
    (t[t.len() / 2], t[t.len() - 1])
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: library_timing LIBRARY"))?;
    let t = Instant::now();
    let lib = Library::open_existing(std::path::Path::new(&path))?;
    println!("open: {}", ms(t.elapsed()));
    let f = Filter::default();
    let counts = lib.count(&f)?;
    println!("articles: {}", counts.total);
    let (m, w) = time(20, || lib.list(&f, None, 50));
    println!("list first page of 50: median {} worst {}", ms(m), ms(w));
    let mut cursor = None;
    for _ in 0..100 {
        cursor = lib
            .list(&f, cursor.as_ref(), 50)?
            .last()
            .map(|e| e.cursor());
    }
    let (m, w) = time(20, || lib.list(&f, cursor.as_ref(), 50));
    println!("list page 101 of 50: median {} worst {}", ms(m), ms(w));
    let (m, w) = time(10, || lib.count(&f));
    println!(
        "count (total, unread, starred): median {} worst {}",
        ms(m),
        ms(w)
    );
    let (m, w) = time(5, || lib.actors(&ActorQuery::default()));
    let actors = lib.actors(&ActorQuery::default())?;
    println!(
        "actor index, all {} actors: median {} worst {}",
        actors.len(),
        ms(m),
        ms(w)
    );
    let since = ActorQuery {
        since: Some("2024-06-01".into()),
        ..Default::default()
    };
    let (m, w) = time(3, || lib.actors(&since));
    println!(
        "actor index since 2024-06-01: median {} worst {}",
        ms(m),
        ms(w)
    );
    let top = &actors[0];
    let (m, w) = time(20, || lib.actor_articles(top.id, None, 50));
    println!(
        "one actor's 50 newest articles (top actor, {} articles): median {} worst {}",
        top.articles,
        ms(m),
        ms(w)
    );
    let person = actors
        .iter()
        .find(|a| a.kind == lede::extract::ActorKind::Person)
        .unwrap_or(top);
    let (m, w) = time(20, || {
        let a = lib.find_actors(&person.name).unwrap_or_default();
        a.first().map(|a| lib.actor_articles(a.id, None, 50))
    });
    println!(
        "find a person by name + its articles: median {} worst {}",
        ms(m),
        ms(w)
    );
    let mut queries: Vec<String> = actors
        .iter()
        .step_by((actors.len() / 60).max(1))
        .take(60)
        .map(|a| a.name.clone())
        .collect();
    queries.extend(
        [
            "\"foreign minister\"",
            "minist*",
            "etats unis",
            "telescope OR sonde",
            "cathédrale -paris",
            "\"Notre-Dame\"",
            "olympi*",
            "brexit",
            "the",
            "le",
        ]
        .map(String::from),
    );
    let mut times = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    for q in &queries {
        for _ in 0..3 {
            let s = Instant::now();
            std::hint::black_box(lib.search(q, &f, 20, 0).ok());
            let d = s.elapsed();
            if d > slowest.0 {
                slowest = (d, q.clone());
            }
            times.push(d);
        }
    }
    times.sort_unstable();
    println!(
        "search, {} queries x 3: median {} p95 {} worst {} ({:?})",
        queries.len(),
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        ms(slowest.0),
        slowest.1
    );
    let size = std::fs::metadata(&path)?.len();
    println!("file: {:.1} MB", size as f64 / 1e6);
    Ok(())
}
