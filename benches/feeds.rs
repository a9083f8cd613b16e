//! Full-text extraction speed: a 200 KB article page with heavy boilerplate
//! (`cargo bench --bench feeds`), and parsing a feed of 50 items.

use criterion::{Criterion, criterion_group, criterion_main};
use lede::ingest::{feed, html};
use std::hint::black_box;

/// A ~200 KB page: the boilerplate fixture's article grown to many
/// paragraphs, with menus, comments and related links around it.
fn big_page() -> String {
    let mut body = String::new();
    let mut n = 0;
    while body.len() < 135_000 {
        n += 1;
        body.push_str(&format!(
            "<p>Paragraph {n} of the report: the county engineers, who inspected the arches, said the stone was sound, and the work would finish in spring.</p>\n"
        ));
    }
    let mut junk = String::new();
    for i in 0..400 {
        junk.push_str(&format!("<li><a href=\"/story/{i}\">Related story number {i}, with a long enough title</a></li>\n"));
    }
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Big page</title><meta property=\"og:title\" content=\"Big page\"></head><body>\
         <div class=\"cookie-banner\"><p>We use cookies to measure our audience and show you advertising.</p></div>\
         <nav class=\"main-nav\"><ul>{junk}</ul></nav><div class=\"layout\"><article><h1>Big page</h1><div class=\"article-body\">{body}</div>\
         <section class=\"related\"><ul>{junk}</ul></section><section id=\"comments\"><p>A comment that says very little of any use to anyone.</p></section></article></div>\
         <footer><p>Footer text.</p></footer></body></html>"
    );
    assert!(page.len() >= 200_000, "{}", page.len());
    page
}

fn feed_50() -> String {
    let mut xml =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bench</title>");
    for i in 0..50 {
        xml.push_str(&format!(
            "<item><title>Item {i}</title><guid>g{i}</guid><link>http://127.0.0.1/{i}</link><description>&lt;p&gt;Body of item {i}, a paragraph of ordinary length about the town council and its budget.&lt;/p&gt;</description></item>"
        ));
    }
    xml + "</channel></rss>"
}

fn bench(c: &mut Criterion) {
    let page = big_page();
    let paragraphs = html::parse_page("http://127.0.0.1/big", &page)
        .article
        .paragraphs
        .len();
    assert!(paragraphs > 500, "{paragraphs}");
    c.bench_function("page_200kb_extract", |b| {
        b.iter(|| html::parse_page("http://127.0.0.1/big", black_box(&page)))
    });
    let xml = feed_50();
    c.bench_function("feed_50_items_parse", |b| {
        b.iter(|| feed::parse("http://127.0.0.1/f", black_box(&xml)).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
