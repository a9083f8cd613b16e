//! Re-anchoring speed on a ~100 KB article: the position hit, an exact quote
//! moved by an edit, an edited quote, and a deleted passage (orphaned).

use criterion::{Criterion, criterion_group, criterion_main};
use lede::notes::Target;
use lede::notes::anchor::anchor;
use std::hint::black_box;

/// About 100 KB of varied French-like sentences, deterministic.
fn long_text() -> String {
    let words = [
        "le",
        "gouvernement",
        "président",
        "ministre",
        "annonce",
        "Moscou",
        "Bamako",
        "réunion",
        "accord",
        "économie",
        "sécurité",
        "région",
        "armée",
        "élection",
        "semaine",
        "Сергей",
    ];
    let mut s = 7u64;
    let mut out = String::new();
    while out.len() < 100_000 {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        out.push_str(words[(s % words.len() as u64) as usize]);
        out.push_str(if s.is_multiple_of(9) { ". " } else { " " });
    }
    out
}

fn bench(c: &mut Criterion) {
    let base = long_text();
    let quote = "la délégation malienne conduite par Abdoulaye Diop";
    let original = format!("{base} Selon le communiqué, {quote} arrivera lundi. {base}");
    let at = original.find(quote).expect("quote");
    let target = Target::from_span(&original, at..at + quote.len()).expect("target");
    let shifted = format!("Un paragraphe ajouté. {original}");
    let edited = original.replace("conduite par", "menée par");
    let deleted = original.replace(quote, "");

    let mut g = c.benchmark_group("anchor_100kb");
    g.bench_function("unchanged", |b| {
        b.iter(|| anchor(black_box(&target), &original))
    });
    g.bench_function("shifted", |b| {
        b.iter(|| anchor(black_box(&target), &shifted))
    });
    g.bench_function("edited", |b| b.iter(|| anchor(black_box(&target), &edited)));
    g.bench_function("orphaned", |b| {
        b.iter(|| anchor(black_box(&target), &deleted))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
