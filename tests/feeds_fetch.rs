//! The fetcher against a loopback server: conditional GET, compression,
//! redirects, error statuses, timeouts, the size cap, schemes, charsets.

mod loopback;

use lede::fetch::{FetchError, FetchOptions, Fetcher, Outcome, Validators};
use loopback::{Reply, ok, redirect, serve, status};
use std::io::Write;
use std::time::Duration;

fn fetcher() -> Fetcher {
    Fetcher::new(FetchOptions::default())
}

fn body(o: Outcome) -> lede::fetch::Response {
    match o {
        Outcome::Fetched(r) => r,
        Outcome::Unchanged => panic!("unexpected 304"),
    }
}

#[test]
fn etag_and_last_modified_give_unchanged() {
    let s = serve(|r| {
        let fresh = r.header("if-none-match") == Some("\"v7\"")
            || r.header("if-modified-since") == Some("Mon, 07 Dec 2026 08:00:00 GMT");
        if fresh {
            status(304, &[])
        } else {
            Reply::Full(
                200,
                vec![
                    ("ETag".into(), "\"v7\"".into()),
                    (
                        "Last-Modified".into(),
                        "Mon, 07 Dec 2026 08:00:00 GMT".into(),
                    ),
                ],
                b"<rss/>".to_vec(),
            )
        }
    });
    let f = fetcher();
    let first = body(f.get(&s.url("/feed"), &Validators::default()).unwrap());
    assert_eq!(first.validators.etag.as_deref(), Some("\"v7\""));
    assert!(matches!(
        f.get(&s.url("/feed"), &first.validators).unwrap(),
        Outcome::Unchanged
    ));
    let only_date = Validators {
        etag: None,
        last_modified: first.validators.last_modified.clone(),
    };
    assert!(matches!(
        f.get(&s.url("/feed"), &only_date).unwrap(),
        Outcome::Unchanged
    ));
}

#[test]
fn sends_user_agent_and_accepts_compression() {
    let s = serve(|r| {
        ok(
            "text/plain",
            format!(
                "{}|{}",
                r.header("user-agent").unwrap_or(""),
                r.header("accept-encoding").unwrap_or("")
            ),
        )
    });
    let r = body(fetcher().get(&s.url("/"), &Validators::default()).unwrap());
    let text = String::from_utf8(r.body).unwrap();
    let (ua, enc) = text.split_once('|').unwrap();
    assert!(
        ua.starts_with(&format!("lede/{}", env!("CARGO_PKG_VERSION"))),
        "{ua}"
    );
    for e in ["gzip", "deflate", "br"] {
        assert!(enc.contains(e), "{enc}");
    }
}

#[test]
fn gzip_and_deflate_bodies() {
    let plain = "<rss><channel><title>Compressé</title></channel></rss>".repeat(50);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(plain.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let mut zl = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    zl.write_all(plain.as_bytes()).unwrap();
    let zl = zl.finish().unwrap();
    let s = serve(move |r| {
        let (enc, b) = if r.path == "/gz" {
            ("gzip", gz.clone())
        } else {
            ("deflate", zl.clone())
        };
        Reply::Full(200, vec![("Content-Encoding".into(), enc.into())], b)
    });
    for path in ["/gz", "/deflate"] {
        let r = body(fetcher().get(&s.url(path), &Validators::default()).unwrap());
        assert_eq!(String::from_utf8(r.body).unwrap(), plain, "{path}");
    }
}

#[test]
fn redirects_followed_up_to_five_loops_and_schemes_refused() {
    let s = serve(|r| {
        let p = r.path.as_str();
        if let Some(n) = p.strip_prefix("/hop/") {
            let n: u32 = n.parse().unwrap();
            if n == 0 {
                ok("text/plain", "arrived")
            } else {
                redirect(302, &format!("/hop/{}", n - 1))
            }
        } else if p == "/loop-a" {
            redirect(301, "/loop-b")
        } else if p == "/loop-b" {
            redirect(307, "/loop-a")
        } else if p == "/to-file" {
            redirect(302, "file:///etc/passwd")
        } else {
            redirect(302, "")
        }
    });
    let f = fetcher();
    let r = body(f.get(&s.url("/hop/5"), &Validators::default()).unwrap());
    assert_eq!(
        (r.body.as_slice(), r.url.ends_with("/hop/0")),
        (&b"arrived"[..], true)
    );
    assert!(matches!(
        f.get(&s.url("/hop/6"), &Validators::default()),
        Err(FetchError::TooManyRedirects { max: 5, .. })
    ));
    let e = f
        .get(&s.url("/loop-a"), &Validators::default())
        .unwrap_err();
    assert!(matches!(e, FetchError::RedirectLoop { .. }), "{e}");
    assert!(e.to_string().contains("/loop-a"), "{e}");
    match f.get(&s.url("/to-file"), &Validators::default()) {
        Err(FetchError::Scheme { scheme, .. }) => assert_eq!(scheme, "file"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn error_statuses_and_retry_after() {
    let s = serve(|r| match r.path.as_str() {
        "/404" => status(404, &[]),
        "/500" => status(500, &[]),
        _ => status(429, &[("Retry-After", "120")]),
    });
    let f = fetcher();
    for (path, code) in [("/404", 404), ("/500", 500)] {
        match f.get(&s.url(path), &Validators::default()) {
            Err(FetchError::Status {
                status,
                retry_after: None,
            }) => assert_eq!(status, code),
            other => panic!("{path}: {other:?}"),
        }
    }
    let e = f.get(&s.url("/429"), &Validators::default()).unwrap_err();
    assert_eq!(
        e,
        FetchError::Status {
            status: 429,
            retry_after: Some(Duration::from_secs(120))
        }
    );
    assert_eq!(e.to_string(), "HTTP 429 (retry after 120 s)");
}

#[test]
fn slow_server_times_out() {
    let s = serve(|_| Reply::Trickle(Duration::from_millis(50)));
    let f = Fetcher::new(FetchOptions {
        total_timeout: Duration::from_millis(600),
        ..FetchOptions::default()
    });
    let started = std::time::Instant::now();
    let e = f.get(&s.url("/slow"), &Validators::default()).unwrap_err();
    assert!(matches!(e, FetchError::Timeout(_)), "{e:?}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn endless_body_hits_the_cap() {
    let s = serve(|_| Reply::Endless);
    let f = Fetcher::new(FetchOptions {
        max_bytes: 1024 * 1024,
        ..FetchOptions::default()
    });
    let e = f
        .get(&s.url("/endless"), &Validators::default())
        .unwrap_err();
    assert!(matches!(e, FetchError::TooLarge(_)), "{e:?}");
    assert_eq!(e.to_string(), "body larger than the 1 MiB limit");
}

#[test]
fn refuses_other_schemes_without_connecting() {
    for url in [
        "file:///etc/passwd",
        "ftp://127.0.0.1/",
        "gopher://127.0.0.1/",
    ] {
        assert!(
            matches!(
                fetcher().get(url, &Validators::default()),
                Err(FetchError::Scheme { .. })
            ),
            "{url}"
        );
    }
}

#[test]
fn charset_from_header_and_declaration() {
    let s = serve(|r| match r.path.as_str() {
        "/header" => ok(
            "text/xml; charset=windows-1252",
            b"<a>\x93caf\xe9\x94</a>".to_vec(),
        ),
        _ => ok(
            "text/xml",
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xe9t\xe9</a>".to_vec(),
        ),
    });
    let r = body(
        fetcher()
            .get(&s.url("/header"), &Validators::default())
            .unwrap(),
    );
    assert_eq!(r.text().text, "<a>\u{201c}café\u{201d}</a>");
    let r = body(
        fetcher()
            .get(&s.url("/decl"), &Validators::default())
            .unwrap(),
    );
    assert!(r.text().text.ends_with("<a>été</a>"));
}

#[test]
fn decompression_bomb_hits_the_cap() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&vec![b' '; 8 * 1024 * 1024]).unwrap();
    let gz = gz.finish().unwrap();
    assert!(gz.len() < 100_000);
    let s = serve(move |_| {
        Reply::Full(
            200,
            vec![("Content-Encoding".into(), "gzip".into())],
            gz.clone(),
        )
    });
    let f = Fetcher::new(FetchOptions {
        max_bytes: 1024 * 1024,
        ..FetchOptions::default()
    });
    let e = f.get(&s.url("/bomb"), &Validators::default()).unwrap_err();
    assert!(matches!(e, FetchError::TooLarge(_)), "{e:?}");
}
