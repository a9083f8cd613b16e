//! Rendering and start-up costs of the reader, headless (no terminal):
//! - one frame of the sample article at 200x60, layout (re-wrap) included;
//! - start to first frame with the bundled articles, and with 10,000
//!   generated articles (in memory, and read from 10,000 files).

use criterion::{Criterion, criterion_group, criterion_main};
use lede::article::Article;
use lede::ingest::{self, LoadOptions};
use lede::ui::msg::Msg;
use std::hint::black_box;
use std::path::PathBuf;

fn sample() -> Article {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/articles/000_72e7f41f74cb261a.txt");
    ingest::load_paths(&[path], &LoadOptions::default())
        .articles
        .into_iter()
        .next()
        .expect("the sample article loads")
}

fn generated(n: usize) -> Vec<Article> {
    let base = ingest::load_bundled().articles;
    let base = if base.is_empty() {
        vec![sample()]
    } else {
        base
    };
    (0..n)
        .map(|i| {
            let mut a = base[i % base.len()].clone();
            a.id = format!("gen-{i}");
            a.headline = format!("{} ({i})", a.headline);
            a
        })
        .collect()
}

fn frame(c: &mut Criterion) {
    let article = sample();
    let analysis = lede::extract::extract(&article);
    let (mut app, _) = lede::ui::headless_first_frame(vec![article], 200, 60);
    app.dispatch(Msg::Analysed(0, Box::new(analysis)));
    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 200, 60));
    let mut wide = false;
    c.bench_function("frame: layout + render, sample at 200x60", |b| {
        b.iter(|| {
            // alternate 199/200 columns so the text is re-wrapped every time
            wide = !wide;
            app.dispatch(Msg::Resize(if wide { 200 } else { 199 }, 60));
            buf.reset();
            lede::ui::views::render(&app, &mut buf);
            black_box(&buf);
        })
    });
    app.dispatch(Msg::Resize(200, 60));
    c.bench_function("frame: render only, sample at 200x60", |b| {
        b.iter(|| {
            buf.reset();
            lede::ui::views::render(&app, &mut buf);
            black_box(&buf);
        })
    });
}

fn start(c: &mut Criterion) {
    let mut g = c.benchmark_group("start to first frame");
    g.sample_size(10);
    g.bench_function("bundled articles (load + first frame)", |b| {
        b.iter(|| {
            let loaded = ingest::load_bundled();
            black_box(lede::ui::headless_first_frame(loaded.articles, 200, 60).1)
        })
    });
    let many = generated(10_000);
    g.bench_function("10,000 articles in memory (first frame)", |b| {
        b.iter_batched(
            || many.clone(),
            |articles| black_box(lede::ui::headless_first_frame(articles, 200, 60).1),
            criterion::BatchSize::LargeInput,
        )
    });
    let dir = tempfile::tempdir().expect("temp dir");
    for (i, a) in many.iter().enumerate() {
        let text = format!("{}\n\n{}\n", a.headline, a.paragraphs.join("\n\n"));
        std::fs::write(dir.path().join(format!("{i:05}.txt")), text).expect("write article");
    }
    let paths = vec![dir.path().to_path_buf()];
    g.bench_function(
        "10,000 article files (first frame, loading in background)",
        |b| {
            // What the binary does: start loading on a thread, draw at once.
            b.iter_custom(|iters| {
                let mut total = std::time::Duration::ZERO;
                for _ in 0..iters {
                    let start = std::time::Instant::now();
                    let p = paths.clone();
                    let loader =
                        std::thread::spawn(move || ingest::load_paths(&p, &LoadOptions::default()));
                    let mut app = lede::ui::app::App::new(
                        Vec::new(),
                        Default::default(),
                        lede::ui::theme::Theme::new(true),
                    );
                    app.shared.loading = Some("Loading…".into());
                    app.dispatch(Msg::Resize(200, 60));
                    let mut buf =
                        ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 200, 60));
                    lede::ui::views::render(&app, &mut buf);
                    black_box(&buf);
                    total += start.elapsed();
                    let _ = black_box(loader.join());
                }
                total
            })
        },
    );
    g.bench_function("10,000 article files (load + first frame)", |b| {
        b.iter(|| {
            let loaded = ingest::load_paths(&paths, &LoadOptions::default());
            black_box(lede::ui::headless_first_frame(loaded.articles, 200, 60).1)
        })
    });
    g.finish();
}

criterion_group!(benches, frame, start);
criterion_main!(benches);
