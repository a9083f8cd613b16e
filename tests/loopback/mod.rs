//! A loopback HTTP/1.1 server for the feed tests: a route function maps a
//! request to a reply; each connection is served on its own thread; the
//! server lives as long as the test process. Nothing leaves 127.0.0.1.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// What the test server saw.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

pub enum Reply {
    /// Status, headers, body (a Content-Length is added).
    Full(u16, Vec<(String, String)>, Vec<u8>),
    /// Headers, then the body one byte every `Duration`, forever.
    Trickle(Duration),
    /// A chunked body that never ends.
    Endless,
}

pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
    Reply::Full(
        200,
        vec![("Content-Type".into(), content_type.into())],
        body.into(),
    )
}

pub fn status(code: u16, headers: &[(&str, &str)]) -> Reply {
    Reply::Full(
        code,
        headers
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        format!("status {code}").into_bytes(),
    )
}

pub fn redirect(code: u16, to: &str) -> Reply {
    status(code, &[("Location", to)])
}

pub struct Server {
    pub base: String,
    hits: Arc<AtomicUsize>,
}

impl Server {
    /// `http://127.0.0.1:PORT` + path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Requests served so far.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

pub fn serve(route: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let route = Arc::new(route);
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let route = route.clone();
            let counter = counter.clone();
            std::thread::spawn(move || {
                // Keep-alive: several requests per connection.
                let _ = handle(stream, &*route, &counter);
            });
        }
    });
    Server { base, hits }
}

fn handle(
    stream: TcpStream,
    route: &(dyn Fn(&Request) -> Reply + Send + Sync),
    hits: &AtomicUsize,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            reader.read_line(&mut h)?;
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((n, v)) = h.split_once(':') {
                headers.push((n.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let len: usize = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        std::io::copy(&mut (&mut reader).take(len as u64), &mut std::io::sink())?;
        hits.fetch_add(1, Ordering::SeqCst);
        match route(&Request { path, headers }) {
            Reply::Full(code, headers, mut body) => {
                // A 304 or 204 has no body.
                if code == 304 || code == 204 {
                    body.clear();
                }
                let mut head = format!("HTTP/1.1 {code} X\r\nContent-Length: {}\r\n", body.len());
                for (n, v) in headers {
                    head.push_str(&format!("{n}: {v}\r\n"));
                }
                head.push_str("\r\n");
                out.write_all(head.as_bytes())?;
                out.write_all(&body)?;
                out.flush()?;
            }
            Reply::Trickle(every) => {
                out.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n")?;
                loop {
                    out.write_all(b"<")?;
                    out.flush()?;
                    std::thread::sleep(every);
                }
            }
            Reply::Endless => {
                out.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nTransfer-Encoding: chunked\r\n\r\n")?;
                let chunk = vec![b'a'; 64 * 1024];
                loop {
                    out.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())?;
                    out.write_all(&chunk)?;
                    out.write_all(b"\r\n")?;
                }
            }
        }
    }
}

/// A fixture file under tests/fixtures.
pub fn fixture(path: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}
