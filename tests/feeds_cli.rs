//! `lede feeds ...` and `lede fetch` end to end against a loopback server:
//! discovery through a page, per-feed errors while the others refresh,
//! ETag on the second fetch, dedup, backoff, OPML round trip.

mod loopback;

use loopback::{Reply, fixture, ok, serve, status};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn lede(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .env("LEDE_LIBRARY", dir.join("library.sqlite"))
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env_remove("LEDE_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("run lede")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn server() -> loopback::Server {
    serve(|r| match r.path.as_str() {
        "/site/" => ok(
            "text/html",
            "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" href=\"/rss2_fr.xml\"></head><body>Accueil</body></html>",
        ),
        "/rss2_fr.xml" => {
            if r.header("if-none-match") == Some("\"courrier-1\"") {
                status(304, &[])
            } else {
                Reply::Full(
                    200,
                    vec![
                        ("Content-Type".into(), "application/rss+xml".into()),
                        ("ETag".into(), "\"courrier-1\"".into()),
                    ],
                    fixture("feeds/rss2_fr.xml"),
                )
            }
        }
        "/atom_en.xml" => ok("application/atom+xml", fixture("feeds/atom_en.xml")),
        "/malformed.xml" => ok("application/rss+xml", fixture("feeds/malformed.xml")),
        "/down.xml" => status(500, &[]),
        _ => status(404, &[]),
    })
}

#[test]
fn subscribe_fetch_refetch_and_errors() {
    let s = server();
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let o = lede(d, &["feeds", "add", &s.url("/site/"), "--folder", "Presse"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains("subscribed to \"Le Courrier du Lac\"")
            && out(&o).contains("(named by the page)"),
        "{}",
        out(&o)
    );
    assert!(
        lede(d, &["feeds", "add", &s.url("/atom_en.xml")])
            .status
            .success()
    );
    // A broken feed and a failing server can be subscribed only through OPML (add checks the feed).
    let o = lede(d, &["feeds", "add", &s.url("/malformed.xml")]);
    assert!(
        !o.status.success()
            && err(&o).contains("malformed.xml")
            && err(&o).contains("not a valid feed"),
        "{}",
        err(&o)
    );
    let opml = format!(
        "<opml version=\"2.0\"><body><outline text=\"Cassé\" xmlUrl=\"{}\"/><outline text=\"En panne\" xmlUrl=\"{}\"/></body></opml>",
        s.url("/malformed.xml"),
        s.url("/down.xml")
    );
    std::fs::write(d.join("in.opml"), opml).unwrap();
    let o = lede(d, &["feeds", "import", d.join("in.opml").to_str().unwrap()]);
    assert!(
        out(&o).contains("2 feed(s) added"),
        "{}{}",
        out(&o),
        err(&o)
    );

    let o = lede(d, &["fetch"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let text = out(&o);
    assert!(text.contains("Le Courrier du Lac: 2 new"), "{text}");
    assert!(text.contains("Harbour Gazette: 2 new"), "{text}");
    assert!(text.contains("Cassé: error: not a valid feed"), "{text}");
    assert!(text.contains("En panne: error: HTTP 500"), "{text}");
    assert!(err(&o).contains("2 of 4 feed(s) failed"), "{}", err(&o));

    // The items are in the library.
    let o = lede(d, &["search", "préfecture"]);
    assert!(
        out(&o).contains("Un nouveau pont sur le Fier"),
        "{}{}",
        out(&o),
        err(&o)
    );

    // Second fetch: the ETag gives "unchanged"; the Atom feed has no validators, its items are known;
    // the failing feeds are backing off.
    let o = lede(d, &["fetch"]);
    let text = out(&o);
    assert!(text.contains("Le Courrier du Lac: unchanged"), "{text}");
    assert!(
        text.contains("Harbour Gazette: 0 new, 2 already in the library"),
        "{text}"
    );
    assert!(text.contains("Cassé: backing off"), "{text}");
    // Named, a backing-off feed is fetched.
    let o = lede(d, &["fetch", "En panne"]);
    assert!(out(&o).contains("En panne: error: HTTP 500"), "{}", out(&o));

    let o = lede(d, &["feeds", "list"]);
    let text = out(&o);
    assert!(text.starts_with("(no folder)\n"), "{text}");
    assert!(text.contains("Presse\n  Le Courrier du Lac"), "{text}");
    assert!(
        text.contains("last error:   HTTP 500") && text.contains("2 in a row"),
        "{text}"
    );
    let o = lede(d, &["feeds", "list", "--json"]);
    assert_eq!(out(&o).lines().count(), 4);

    let o = lede(d, &["feeds", "export", "-"]);
    assert!(out(&o).contains("<outline text=\"Presse\""), "{}", out(&o));
    let o = lede(d, &["feeds", "remove", "Cassé"]);
    assert!(
        o.status.success() && out(&o).contains("unsubscribed"),
        "{}",
        err(&o)
    );
    let o = lede(d, &["feeds", "remove", "127.0.0.1"]);
    assert!(
        !o.status.success() && err(&o).contains("matches 3 feeds"),
        "{}",
        err(&o)
    );
    // Nothing was written outside the data folder (the library's folder).
    let mut names: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names.retain(|n| !n.starts_with("library.sqlite") && !n.starts_with("feeds.sqlite"));
    assert_eq!(names, ["in.opml"]);
}

#[test]
fn refuses_other_schemes() {
    let tmp = tempfile::tempdir().unwrap();
    let o = lede(tmp.path(), &["feeds", "add", "file:///etc/passwd"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("refused file"), "{}", err(&o));
}

#[test]
fn add_a_web_page() {
    let s = serve(|r| match r.path.as_str() {
        "/tram" => ok("text/html; charset=utf-8", fixture("pages/meta_en.html")),
        _ => status(404, &[]),
    });
    let tmp = tempfile::tempdir().unwrap();
    let o = lede(tmp.path(), &["add", &s.url("/tram")]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains("added \"Tram line delayed again\" (3 paragraphs)"),
        "{}",
        out(&o)
    );
    let o = lede(tmp.path(), &["search", "signalling"]);
    assert!(
        out(&o).contains("Tram line delayed again"),
        "{}{}",
        out(&o),
        err(&o)
    );
    let o = lede(tmp.path(), &["add", &s.url("/missing")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("/missing: HTTP 404"), "{}", err(&o));
}
