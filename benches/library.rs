//! The library at scale: `LEDE_BENCH_ARTICLES` generated articles (default
//! 5,000; the README's figures use 100,000) imported with analysis, then the
//! list page, the unread count, full-text search (mean, and the p95 over a
//! set of queries, printed), the whole actor index, one actor's articles,
//! and the file size against the text size (printed).
//!
//!     LEDE_BENCH_ARTICLES=100000 cargo bench --bench library

#[path = "../examples/gen_library/generate.rs"]
#[allow(dead_code)]
mod generate;

use criterion::{Criterion, criterion_group, criterion_main};
use lede::library::{self, ActorQuery, Filter, ImportOptions, Library};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn articles() -> u64 {
    std::env::var("LEDE_BENCH_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5_000)
}

fn import(dir: &std::path::Path, lib_path: &std::path::Path) -> Library {
    let mut lib = Library::open(lib_path).expect("open library");
    let opts = ImportOptions::default();
    library::import(&mut lib, &[dir.to_path_buf()], &opts, &mut |_| {}).expect("import");
    lib
}

fn p95(lib: &Library, queries: &[String]) -> (Duration, Duration) {
    let mut times = Vec::new();
    for _ in 0..5 {
        for q in queries {
            let t = Instant::now();
            black_box(lib.search(q, &Filter::default(), 20, 0).expect("search"));
            times.push(t.elapsed());
        }
    }
    times.sort_unstable();
    let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
    (p95, times[times.len() - 1])
}

fn bench(c: &mut Criterion) {
    let n = articles();
    let tmp = tempfile::tempdir().expect("tempdir");
    let g = generate::Generator::new();
    let dir = tmp.path().join("articles");
    let text_bytes = g.write(n, 1000, &dir).expect("generate");
    let lib_path = tmp.path().join("library.sqlite");
    let t = Instant::now();
    let lib = import(&dir, &lib_path);
    let secs = t.elapsed().as_secs_f64();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "library: imported {n} articles with analysis in {secs:.1} s ({:.0}/s, {threads} threads)",
        n as f64 / secs
    );
    let size = std::fs::metadata(&lib_path).map(|m| m.len()).unwrap_or(0);
    println!(
        "library: file {:.1} MB for {:.1} MB of text: {:.2}x",
        size as f64 / 1e6,
        text_bytes as f64 / 1e6,
        size as f64 / text_bytes as f64
    );

    // A small import, repeated: throughput without the big file's size.
    let small = tmp.path().join("small");
    g.write(300, 100, &small).expect("generate small");
    let mut grp = c.benchmark_group("library_import");
    grp.sample_size(10);
    grp.bench_function("import_300_articles", |b| {
        b.iter_with_setup(
            || tempfile::tempdir().expect("tempdir"),
            |d| import(&small, &d.path().join("l.sqlite")),
        )
    });
    grp.finish();

    let f = Filter::default();
    let mut cursor = None;
    for _ in 0..20 {
        let page = lib.list(&f, cursor.as_ref(), 50).expect("list");
        cursor = page.last().map(library::Entry::cursor);
    }
    let mut grp = c.benchmark_group(format!("library_{n}"));
    grp.bench_function("list_first_page_50", |b| {
        b.iter(|| lib.list(&f, None, 50).expect("list"))
    });
    grp.bench_function("list_page_21_50", |b| {
        b.iter(|| lib.list(&f, cursor.as_ref(), 50).expect("list"))
    });
    let unread = Filter {
        unread_only: true,
        ..Default::default()
    };
    grp.bench_function("list_unread_page_50", |b| {
        b.iter(|| lib.list(&unread, None, 50).expect("list"))
    });
    grp.bench_function("count", |b| b.iter(|| lib.count(&f).expect("count")));

    let actors = lib.actors(&ActorQuery::default()).expect("actors");
    println!("library: {} actors", actors.len());
    let person = actors
        .iter()
        .find(|a| a.kind == lede::extract::ActorKind::Person)
        .expect("a person");
    let mut queries: Vec<String> = actors
        .iter()
        .step_by((actors.len() / 40).max(1))
        .take(40)
        .map(|a| a.name.clone())
        .collect();
    queries.extend(
        [
            "\"foreign minister\"",
            "minist*",
            "etats unis",
            "telescope OR sonde",
            "the",
            "cathédrale -paris",
        ]
        .map(String::from),
    );
    let (p95, max) = p95(&lib, &queries);
    println!(
        "library: search p95 {:.1} ms, max {:.1} ms over {} queries",
        p95.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3,
        queries.len()
    );
    grp.bench_function("search_person", |b| {
        b.iter(|| lib.search(&person.name, &f, 20, 0).expect("search"))
    });
    grp.bench_function("search_common_word", |b| {
        b.iter(|| lib.search("the", &f, 20, 0).expect("search"))
    });
    grp.bench_function("actor_index_all", |b| {
        b.iter(|| lib.actors(&ActorQuery::default()).expect("actors"))
    });
    let since = ActorQuery {
        since: Some("2024-06-01".into()),
        ..Default::default()
    };
    grp.bench_function("actor_index_since", |b| {
        b.iter(|| lib.actors(&since).expect("actors"))
    });
    let top = &actors[0];
    grp.bench_function("one_actor_top_50_articles", |b| {
        b.iter(|| lib.actor_articles(top.id, None, 50).expect("articles"))
    });
    grp.bench_function("one_person_find_and_articles", |b| {
        b.iter(|| {
            let a = lib.find_actors(&person.name).expect("find");
            lib.actor_articles(a[0].id, None, 50).expect("articles")
        })
    });
    grp.bench_function("one_actor_days", |b| {
        b.iter(|| lib.actor_days(top.id).expect("days"))
    });
    grp.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
