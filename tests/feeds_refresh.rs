//! The refresh API the reader calls (`lede::feeds::refresh::refresh`):
//! progress per feed, dedup across feeds by URL and by text, Retry-After
//! honoured in the backoff, backing-off feeds skipped.

mod loopback;

use lede::feeds::refresh::{FeedResult, RefreshOptions, refresh};
use lede::feeds::{Store, store_path};
use lede::fetch::{FetchOptions, Fetcher};
use lede::library::Library;
use loopback::{ok, serve, status};

fn rss(items: &[(&str, &str, &str)]) -> String {
    let mut x = String::from("<rss version=\"2.0\"><channel><title>T</title>");
    for (guid, link, body) in items {
        x.push_str(&format!("<item><title>{body}</title><guid>{guid}</guid><link>{link}</link><description>{body}</description></item>"));
    }
    x + "</channel></rss>"
}

#[test]
fn dedup_across_feeds_and_retry_after() {
    let s = serve(|r| match r.path.as_str() {
        "/a.xml" => ok(
            "application/rss+xml",
            rss(&[(
                "a1",
                "http://127.0.0.1/story",
                "Le même article, repris par deux flux.",
            )]),
        ),
        // Same link under another guid; and the same text under another guid and link.
        "/b.xml" => ok(
            "application/rss+xml",
            rss(&[
                (
                    "b1",
                    "http://127.0.0.1/story",
                    "Titre différent du même lien.",
                ),
                (
                    "b2",
                    "http://127.0.0.1/other",
                    "Le même article, repris par deux flux.",
                ),
                ("b3", "http://127.0.0.1/new", "Un article nouveau."),
            ]),
        ),
        _ => status(429, &[("Retry-After", "7200")]),
    });
    let tmp = tempfile::tempdir().unwrap();
    let lib_path = tmp.path().join("library.sqlite");
    let mut lib = Library::open(&lib_path).unwrap();
    let mut store = Store::open(&store_path(&lib_path)).unwrap();
    for p in ["/a.xml", "/b.xml", "/busy.xml"] {
        store.add(&s.url(p), None, None).unwrap();
    }
    let fetcher = Fetcher::new(FetchOptions::default());
    let feeds = store.list().unwrap();
    let a_first: Vec<_> = feeds
        .iter()
        .filter(|f| f.url.ends_with("/a.xml"))
        .cloned()
        .collect();
    // Feed a first, so that b's duplicates are known.
    refresh(
        &mut store,
        &mut lib,
        &fetcher,
        &a_first,
        &RefreshOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    let mut seen = Vec::new();
    let reports = refresh(
        &mut store,
        &mut lib,
        &fetcher,
        &feeds,
        &RefreshOptions::default(),
        &mut |r| seen.push(r.url.clone()),
    )
    .unwrap();
    assert_eq!(seen.len(), 3, "progress once per feed");
    let by = |suffix: &str| {
        reports
            .iter()
            .find(|r| r.url.ends_with(suffix))
            .unwrap()
            .result
            .clone()
    };
    assert_eq!(by("/a.xml"), FeedResult::Updated { new: 0, known: 1 });
    // b1 shares a1's URL, b2 its text (headline and body): only b3 is new.
    assert_eq!(by("/b.xml"), FeedResult::Updated { new: 1, known: 2 });
    assert!(
        matches!(by("/busy.xml"), FeedResult::Failed { ref error } if error == "HTTP 429 (retry after 7200 s)")
    );
    let busy = store.find_url(&s.url("/busy.xml")).unwrap().unwrap();
    assert!(busy.next_try.unwrap() >= lede::feeds::store::now() + 7100);
    // Refreshed again: the busy feed is skipped, not fetched.
    let hits = s.hits();
    let reports = refresh(
        &mut store,
        &mut lib,
        &fetcher,
        std::slice::from_ref(&busy),
        &RefreshOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    assert!(matches!(reports[0].result, FeedResult::Skipped { .. }));
    assert_eq!(s.hits(), hits);
}
