//! Fetching feeds and pages over HTTP(S), on `ureq`, with the limits a
//! hostile network needs: only `http` and `https` (also for every redirect
//! target), at most [`FetchOptions::max_redirects`] redirects (a loop is
//! named as such), a connect timeout and a timeout for the whole exchange,
//! and a cap on the decoded body size. Bodies may come gzip, deflate or
//! brotli compressed. Conditional GET: the validators of the last fetch
//! ([`Validators`]) are sent, and `304 Not Modified` is [`Outcome::Unchanged`].
//!
//! Nothing here writes to disk or runs anything.

pub mod charset;

use std::io::Read;
use std::time::{Duration, Instant};
use url::Url;

/// The User-Agent lede sends.
pub const USER_AGENT: &str = concat!(
    "lede/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader; +https://crates.io/crates/lede)"
);

/// Limits of one fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub connect_timeout: Duration,
    /// For the whole fetch, redirects and body included.
    pub total_timeout: Duration,
    /// Largest body accepted, after decompression.
    pub max_bytes: u64,
    pub max_redirects: u32,
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
            user_agent: USER_AGENT.to_string(),
        }
    }
}

/// What the server said about the version it sent, to ask next time
/// whether it changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A successful response.
#[derive(Debug, Clone)]
pub struct Response {
    /// The URL after redirects.
    pub url: String,
    pub status: u16,
    pub content_type: Option<String>,
    /// The decompressed body, at most `max_bytes`.
    pub body: Vec<u8>,
    pub validators: Validators,
}

impl Response {
    /// The body as text (see [`charset::decode`]).
    pub fn text(&self) -> charset::Decoded {
        let header = self
            .content_type
            .as_deref()
            .and_then(charset::content_type_charset);
        charset::decode(&self.body, header.as_deref())
    }
}

/// A fetch that worked.
#[derive(Debug, Clone)]
pub enum Outcome {
    Fetched(Response),
    /// `304 Not Modified`: the version asked about is still current.
    Unchanged,
}

/// Why a fetch failed. Messages name the URL where it helps; URLs are
/// shown with control characters escaped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("not a valid URL: {0}")]
    BadUrl(String),
    #[error("refused {scheme}: URL {url} (only http and https are fetched)")]
    Scheme { scheme: String, url: String },
    #[error("more than {max} redirects (last to {url})")]
    TooManyRedirects { max: u32, url: String },
    #[error("redirect loop: {url} redirects back to itself")]
    RedirectLoop { url: String },
    #[error("redirect without a Location header from {url}")]
    RedirectWithoutLocation { url: String },
    #[error("HTTP {status}{}", retry_after.map(|d| format!(" (retry after {} s)", d.as_secs())).unwrap_or_default())]
    Status {
        status: u16,
        /// From `Retry-After` (seconds, or an HTTP date), for 429 and 503.
        retry_after: Option<Duration>,
    },
    #[error("timed out after {0} s")]
    Timeout(u64),
    #[error("body larger than the {} limit", human_mib(*.0))]
    TooLarge(u64),
    #[error("cannot decompress the body ({0})")]
    Decompress(String),
    #[error("{0}")]
    Network(String),
}

fn human_mib(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{bytes} bytes")
    }
}

/// Parse and check an URL: absolute, `http` or `https`.
pub fn check_url(url: &str) -> Result<Url, FetchError> {
    let shown = crate::article::sanitize::escape_controls(url);
    let parsed =
        Url::parse(url.trim()).map_err(|e| FetchError::BadUrl(format!("{shown} ({e})")))?;
    match parsed.scheme() {
        "http" | "https" => Ok(parsed),
        other => Err(FetchError::Scheme {
            scheme: other.to_string(),
            url: shown,
        }),
    }
}

/// A reusable HTTP client (connections are pooled); cheap to share
/// between threads by reference.
pub struct Fetcher {
    agent: ureq::Agent,
    opts: FetchOptions,
}

impl Fetcher {
    pub fn new(opts: FetchOptions) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(opts.connect_timeout))
            .timeout_global(Some(opts.total_timeout))
            // Redirects are followed here, to check every target's scheme.
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(opts.user_agent.as_str())
            .accept_encoding("gzip, deflate, br")
            .build();
        Fetcher {
            agent: ureq::Agent::new_with_config(config),
            opts,
        }
    }

    pub fn options(&self) -> &FetchOptions {
        &self.opts
    }

    /// GET `url`, sending `validators` as `If-None-Match`/`If-Modified-Since`.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Outcome, FetchError> {
        let started = Instant::now();
        let mut current = check_url(url)?;
        let mut seen = vec![current.clone()];
        for _hop in 0..=self.opts.max_redirects {
            let left = self
                .opts
                .total_timeout
                .checked_sub(started.elapsed())
                .filter(|d| !d.is_zero())
                .ok_or(FetchError::Timeout(self.opts.total_timeout.as_secs()))?;
            let response = self.call(&current, validators, left)?;
            let status = response.status().as_u16();
            if !(300..400).contains(&status) || status == 304 {
                return self.finish(current, response);
            }
            let next = redirect_target(&current, &response)?;
            if seen.contains(&next) {
                return Err(FetchError::RedirectLoop { url: shown(&next) });
            }
            seen.push(next.clone());
            current = next;
        }
        Err(FetchError::TooManyRedirects {
            max: self.opts.max_redirects,
            url: shown(&current),
        })
    }

    fn call(
        &self,
        url: &Url,
        validators: &Validators,
        left: Duration,
    ) -> Result<ureq::http::Response<ureq::Body>, FetchError> {
        let mut req = self.agent.get(url.as_str());
        if let Some(etag) = &validators.etag {
            req = req.header("If-None-Match", etag.as_str());
        }
        if let Some(lm) = &validators.last_modified {
            req = req.header("If-Modified-Since", lm.as_str());
        }
        req.config()
            .timeout_global(Some(left))
            .build()
            .call()
            .map_err(|e| self.error(e))
    }

    fn finish(
        &self,
        url: Url,
        response: ureq::http::Response<ureq::Body>,
    ) -> Result<Outcome, FetchError> {
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Outcome::Unchanged);
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        if !(200..300).contains(&status) {
            let retry_after = header("retry-after").and_then(|v| parse_retry_after(&v));
            return Err(FetchError::Status {
                status,
                retry_after,
            });
        }
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let content_type = header("content-type");
        let deflated =
            header("content-encoding").is_some_and(|e| e.trim().eq_ignore_ascii_case("deflate"));
        let limit = self.opts.max_bytes;
        let mut body = response
            .into_body()
            .into_with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(|e| self.error(e))?;
        if deflated {
            body = inflate(&body, limit)?;
        }
        Ok(Outcome::Fetched(Response {
            url: url.to_string(),
            status,
            content_type,
            body,
            validators,
        }))
    }

    fn error(&self, e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::Timeout(_) => FetchError::Timeout(self.opts.total_timeout.as_secs()),
            ureq::Error::BodyExceedsLimit(n) => FetchError::TooLarge(n),
            ureq::Error::Decompress(kind, err) => FetchError::Decompress(format!("{kind}: {err}")),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout(self.opts.total_timeout.as_secs())
            }
            other => FetchError::Network(crate::article::sanitize::escape_controls(
                &other.to_string(),
            )),
        }
    }
}

fn shown(url: &Url) -> String {
    crate::article::sanitize::escape_controls(url.as_str())
}

/// Where a 3xx response points, resolved against the current URL and checked.
fn redirect_target(
    current: &Url,
    response: &ureq::http::Response<ureq::Body>,
) -> Result<Url, FetchError> {
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| FetchError::RedirectWithoutLocation {
            url: shown(current),
        })?;
    let next = current.join(location.trim()).map_err(|e| {
        FetchError::BadUrl(format!(
            "{} ({e})",
            crate::article::sanitize::escape_controls(location)
        ))
    })?;
    check_url(next.as_str())
}

/// A `deflate` body: zlib-wrapped as the standard says, or raw as some servers send.
fn inflate(body: &[u8], limit: u64) -> Result<Vec<u8>, FetchError> {
    fn read(mut r: impl Read, limit: u64) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        (&mut r).take(limit + 1).read_to_end(&mut out)?;
        Ok(out)
    }
    let out = read(flate2::read::ZlibDecoder::new(body), limit)
        .or_else(|_| read(flate2::read::DeflateDecoder::new(body), limit))
        .map_err(|e| FetchError::Decompress(format!("deflate: {e}")))?;
    if out.len() as u64 > limit {
        return Err(FetchError::TooLarge(limit));
    }
    Ok(out)
}

/// `Retry-After`: a number of seconds, or an HTTP date.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = jiff::fmt::rfc2822::parse(value).ok()?;
    let secs = when.timestamp().as_second() - jiff::Timestamp::now().as_second();
    Some(Duration::from_secs(secs.max(0) as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https() {
        for ok in ["http://127.0.0.1/feed", "HTTPS://example.org/a?b=c"] {
            assert!(check_url(ok).is_ok(), "{ok}");
        }
        for (bad, scheme) in [
            ("file:///etc/passwd", "file"),
            ("ftp://example.org/x", "ftp"),
            ("javascript:alert(1)", "javascript"),
            ("data:text/html,hi", "data"),
        ] {
            match check_url(bad) {
                Err(FetchError::Scheme { scheme: s, .. }) => assert_eq!(s, scheme),
                other => panic!("{bad}: {other:?}"),
            }
        }
        assert!(matches!(check_url("not a url"), Err(FetchError::BadUrl(_))));
        // An escape sequence in a refused URL is shown escaped.
        let msg = check_url("gopher://x/\u{1b}[2J").unwrap_err().to_string();
        assert!(!msg.contains('\u{1b}'), "{msg}");
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after(" 120 "), Some(Duration::from_secs(120)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn user_agent_names_lede_and_version() {
        assert!(USER_AGENT.starts_with(&format!("lede/{}", env!("CARGO_PKG_VERSION"))));
    }
}
