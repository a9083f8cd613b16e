//! Start-up cost and throughput of the gazetteer matcher (a report, not a check).
//!
//!     cargo run --release --example gazetteer_timing [FILE...]
//!
//! Without files it searches the bundled sample article repeated to 1 MB.

use lede::extract::gazetteer::Gazetteer;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let builds = 20;
    let mut best = f64::MAX;
    let mut total = 0.0;
    for _ in 0..builds {
        let t = Instant::now();
        let g = Gazetteer::build();
        let ms = t.elapsed().as_secs_f64() * 1e3;
        std::hint::black_box(&g);
        best = best.min(ms);
        total += ms;
    }
    let g = Gazetteer::build();
    println!(
        "Gazetteer::build(): best {best:.2} ms, mean {:.2} ms over {builds} builds ({} entries)",
        total / builds as f64,
        g.len()
    );

    let mut text = String::new();
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        let seed = include_str!("../assets/articles/000_72e7f41f74cb261a.txt");
        while text.len() < 1_000_000 {
            text.push_str(seed);
            text.push('\n');
        }
    } else {
        for f in &files {
            text.push_str(&std::fs::read_to_string(f).map_err(|e| anyhow::anyhow!("{f}: {e}"))?);
            text.push('\n');
        }
    }
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..5 {
        let t = Instant::now();
        n = g.find(&text).len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "find(): {n} matches in {:.2} MB, {:.0} MB/s (best of 5)",
        text.len() as f64 / 1e6,
        text.len() as f64 / 1e6 / best
    );
    Ok(())
}
