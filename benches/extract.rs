//! Extraction speed, in MB/s of article text (`cargo bench --bench extract`):
//! - `extract/sample`: the sample article;
//! - `extract/bundled_1mb`: all bundled articles (assets/articles: the text
//!   files and the `articleBody` of the JSON ones, as the loader reads them)
//!   concatenated and repeated to about 1 MB;
//! - `startup/build_matchers`: the one-time cost of building the matchers.
//!
//! Before criterion starts, the first call of the extractor (which builds
//! whatever it builds lazily) is timed once and printed: that is the cold
//! start a reader sees on the first article.
//! Short settings keep the whole run under two minutes on a busy 2-core box.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lede::article::{Article, lang};
use lede::extract::{Context, extract_text};
use lede::ingest::{LoadOptions, load_paths};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const TARGET_BYTES: usize = 1_000_000;

fn articles() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let loaded = load_paths(std::slice::from_ref(&dir), &LoadOptions::default());
    for p in &loaded.problems {
        eprintln!("bench: {p}");
    }
    assert!(
        !loaded.articles.is_empty(),
        "no articles in {}",
        dir.display()
    );
    loaded.articles
}

fn sample(articles: &[Article]) -> &Article {
    let wanted = PathBuf::from("000_72e7f41f74cb261a.txt");
    articles
        .iter()
        .find(|a| {
            a.source_path
                .as_ref()
                .is_some_and(|p| p.file_name() == Some(wanted.as_os_str()))
        })
        .unwrap_or(&articles[0])
}

/// All article texts, separated by blank lines, repeated to about 1 MB.
fn bundled_megabyte(articles: &[Article]) -> String {
    let texts: Vec<String> = articles.iter().map(Article::text).collect();
    let mut out = String::with_capacity(TARGET_BYTES + 64 * 1024);
    while out.len() < TARGET_BYTES {
        for t in &texts {
            out.push_str(t);
            out.push_str("\n\n");
        }
    }
    out
}

fn throughput(c: &mut Criterion) {
    let articles = articles();
    let sample = sample(&articles);
    let sample_text = sample.text();
    let sample_ctx = Context::for_article(sample);

    // Cold start: the first call builds what the extractor builds lazily.
    let t = Instant::now();
    let first = extract_text(&sample_text, &sample_ctx);
    eprintln!(
        "first extract_text call (cold, includes lazy set-up): {:.2} ms, {} mentions, {} actors, {} dates",
        t.elapsed().as_secs_f64() * 1e3,
        first.mentions.len(),
        first.actors.len(),
        first.dates.len()
    );

    let mut group = c.benchmark_group("extract");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.throughput(Throughput::Bytes(sample_text.len() as u64));
    group.bench_function("sample", |b| {
        b.iter(|| extract_text(black_box(&sample_text), &sample_ctx))
    });

    let big = bundled_megabyte(&articles);
    let big_ctx = Context {
        lang: lang::detect(&big).to_string(),
        published: None,
    };
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("bundled_1mb", |b| {
        b.iter(|| extract_text(black_box(&big), &big_ctx))
    });
    group.finish();
}

/// The one-time cost of building the matchers.
///
/// TO EXTEND: when the gazetteer lands, this measures
/// `lede::extract::gazetteer::Gazetteer::build()`; until then it measures
/// the fixed cost of one call on a one-line text (every call after the
/// first, so lazily built matchers are not in it; the cold first call is
/// printed by `throughput`).
fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    // The gazetteer's automata are the bulk of the one-time cost; the other
    // lazily built tables (word lists, the calendar lexicon) are in the cold
    // first call printed before criterion starts.
    group.bench_function("build_matchers", |b| {
        b.iter(|| black_box(lede::extract::gazetteer::Gazetteer::build()))
    });
    group.finish();
}

criterion_group!(benches, throughput, startup);
criterion_main!(benches);
