//! One submission attempt over HTTP, and the rules around it: which responses
//! are retried, `Retry-After`, backoff with jitter, the `mailto:` fallback.

use super::export::MEDIA_TYPE;
use super::model::Note;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

/// Connect and response timeouts, so a slow server cannot hang a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub connect: Duration,
    /// From the request sent to the response headers, and again for the body.
    pub response: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            response: Duration::from_secs(30),
        }
    }
}

/// How often and how patiently a note is retried within one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts per note per run; the note stays queued after the last one.
    pub max_attempts: u32,
    /// First backoff delay; it doubles at each retry.
    pub base: Duration,
    /// Longest wait between two attempts. A `Retry-After` beyond it ends the
    /// run for that note (it stays queued).
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            base: Duration::from_secs(1),
            max_delay: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// Delay before attempt `attempt + 1` (after `attempt` failures, from 1):
    /// exponential, with "equal jitter" (half fixed, half random), never below
    /// the server's `Retry-After`. `None` when `Retry-After` exceeds `max_delay`.
    pub fn delay(&self, attempt: u32, retry_after: Option<Duration>) -> Option<Duration> {
        if retry_after.is_some_and(|r| r > self.max_delay) {
            return None;
        }
        let exp = self
            .base
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(20))
            .min(self.max_delay);
        let half = exp / 2;
        let jitter = half.mul_f64(random_unit());
        Some((half + jitter).max(retry_after.unwrap_or_default()))
    }
}

/// A number in [0, 1) from the standard library's per-process random keys.
fn random_unit() -> f64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// What the server (or the network) said to one `POST`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// 2xx, with the server's `Location` (made absolute) when it gave one.
    Accepted {
        status: u16,
        location: Option<String>,
    },
    /// Network error, timeout, 408, 429, 5xx.
    Retry {
        status: Option<u16>,
        message: String,
        retry_after: Option<Duration>,
    },
    /// Any other answer: no point retrying.
    Rejected {
        status: Option<u16>,
        message: String,
    },
}

/// True for statuses that are worth retrying.
pub fn is_retryable(status: u16) -> bool {
    matches!(status, 408 | 429) || (500..=599).contains(&status)
}

/// `Retry-After` as seconds or an HTTP date (relative to `now`, seconds since
/// the epoch). A date in the past means now.
pub fn parse_retry_after(value: &str, now: i64) -> Option<Duration> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = jiff::fmt::rfc2822::DateTimeParser::new()
        .parse_timestamp(v)
        .ok()?;
    Some(Duration::from_secs(
        u64::try_from(when.as_second() - now).unwrap_or(0),
    ))
}

/// The HTTP client used for submissions.
#[derive(Debug, Clone)]
pub struct Client {
    agent: ureq::Agent,
}

impl Client {
    pub fn new(timeouts: Timeouts) -> Client {
        Client {
            agent: agent(timeouts),
        }
    }

    /// `POST` `body` (the frozen W3C annotation) to `endpoint`, with the
    /// note id as `Idempotency-Key`.
    pub fn post(&self, endpoint: &str, idempotency_key: &str, body: &str) -> Response {
        if !is_http_url(endpoint) {
            return Response::Rejected {
                status: None,
                message: format!("the endpoint {endpoint:?} is not an http(s) URL"),
            };
        }
        let sent = self
            .agent
            .post(endpoint)
            .header("Content-Type", MEDIA_TYPE)
            .header(
                "Accept",
                "application/ld+json, application/json;q=0.9, */*;q=0.1",
            )
            .header("Idempotency-Key", idempotency_key)
            .send(body);
        let mut resp = match sent {
            Ok(r) => r,
            Err(e) => return classify_error(endpoint, e),
        };
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let location = header("location").map(|l| absolute(endpoint, &l));
        let retry_after = header("retry-after")
            .and_then(|v| parse_retry_after(&v, jiff::Timestamp::now().as_second()));
        let reason = resp.status().canonical_reason().unwrap_or("").to_string();
        let text = resp
            .body_mut()
            .with_config()
            .limit(64 * 1024)
            .read_to_string()
            .unwrap_or_default();
        let message = summary(status, &reason, &text);
        if (200..300).contains(&status) {
            Response::Accepted { status, location }
        } else if is_retryable(status) {
            Response::Retry {
                status: Some(status),
                message,
                retry_after,
            }
        } else if (300..400).contains(&status) {
            Response::Rejected {
                status: Some(status),
                message: match location {
                    Some(l) => format!("{message}: the endpoint moved to {l}"),
                    None => message,
                },
            }
        } else {
            Response::Rejected {
                status: Some(status),
                message,
            }
        }
    }
}

/// The HTTP agent for every request lede makes: no redirects, no
/// environment proxy, bounded waits, statuses as values.
pub(crate) fn agent(timeouts: Timeouts) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        // Submissions go where the user said, not through an environment proxy.
        .proxy(None)
        .timeout_connect(Some(timeouts.connect))
        .timeout_recv_response(Some(timeouts.response))
        .timeout_recv_body(Some(timeouts.response))
        .timeout_send_body(Some(timeouts.response))
        .user_agent(format!("lede/{}", env!("CARGO_PKG_VERSION")))
        .build()
        .new_agent()
}

fn classify_error(endpoint: &str, e: ureq::Error) -> Response {
    match e {
        ureq::Error::BadUri(_) | ureq::Error::RequireHttpsOnly(_) | ureq::Error::TlsRequired => {
            Response::Rejected {
                status: None,
                message: format!("cannot send to {endpoint}: {e}"),
            }
        }
        other => Response::Retry {
            status: None,
            message: format!("{endpoint}: {other}"),
            retry_after: None,
        },
    }
}

/// `HTTP 400 Bad Request: <first line of the body>`, on one line, without
/// control characters.
pub(crate) fn summary(status: u16, reason: &str, body: &str) -> String {
    let mut out = format!("HTTP {status}");
    if !reason.is_empty() {
        out.push(' ');
        out.push_str(reason);
    }
    let detail = crate::article::sanitize::clean_inline(body);
    let detail = detail.trim();
    if !detail.is_empty() {
        out.push_str(": ");
        out.extend(detail.chars().take(300));
    }
    out
}

pub fn is_http_url(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")) && s.len() > 8
}

/// Resolve a `Location` against the endpoint when it is a path.
fn absolute(endpoint: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_string();
    }
    let scheme_end = endpoint.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = endpoint[scheme_end..]
        .find('/')
        .map(|i| scheme_end + i)
        .unwrap_or(endpoint.len());
    if location.starts_with('/') {
        format!("{}{location}", &endpoint[..host_end])
    } else {
        let dir_end = endpoint
            .rfind('/')
            .filter(|&i| i >= host_end)
            .unwrap_or(host_end);
        format!("{}/{location}", &endpoint[..dir_end])
    }
}

/// Where a note goes: an explicit endpoint (`--endpoint`, `LEDE_ENDPOINT`)
/// first, then the user's config file, then the article's own endpoint when it
/// is an http(s) URL. The article comes last because it is untrusted input:
/// it must not redirect notes the user has pointed elsewhere.
pub fn resolve_endpoint(
    explicit: Option<&str>,
    config: Option<&str>,
    article: Option<&str>,
) -> Option<String> {
    explicit
        .or(config)
        .or(article.filter(|a| is_http_url(a)))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// For publishers who take corrections by e-mail only: a `mailto:` link with
/// the fields in the order newsrooms ask for them (see [`super::mail`]).
pub fn mailto_link(note: &Note, address: &str) -> String {
    super::mail::mailto_link(note, Some(address))
}

/// RFC 3986 percent-encoding of UTF-8; `@` kept in addresses.
pub(crate) fn percent_encode(s: &str, address: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~')
            || (address && b == b'@');
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = 784_111_777; // Sun, 06 Nov 1994 08:49:37 GMT
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:50:37 GMT", now),
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn retryable_statuses() {
        for s in [408, 429, 500, 502, 503, 504] {
            assert!(is_retryable(s), "{s}");
        }
        for s in [200, 201, 301, 400, 401, 403, 404, 413, 422] {
            assert!(!is_retryable(s), "{s}");
        }
    }

    #[test]
    fn backoff_grows_stays_bounded_and_honours_retry_after() {
        let p = RetryPolicy {
            max_attempts: 10,
            base: Duration::from_millis(100),
            max_delay: Duration::from_secs(2),
        };
        for attempt in 1..=8 {
            let exp = (Duration::from_millis(100) * (1 << (attempt - 1))).min(p.max_delay);
            let d = p.delay(attempt, None).expect("a delay");
            assert!(d >= exp / 2 && d <= exp, "attempt {attempt}: {d:?}");
        }
        let d = p.delay(1, Some(Duration::from_secs(1))).expect("a delay");
        assert!(d >= Duration::from_secs(1));
        assert_eq!(p.delay(1, Some(Duration::from_secs(3))), None);
    }

    #[test]
    fn endpoint_precedence() {
        let publisher = "https://publisher.example/notes";
        let a = Some(publisher);
        assert_eq!(
            resolve_endpoint(Some("http://127.0.0.1:9/x"), Some("https://c.example/"), a),
            Some("http://127.0.0.1:9/x".into())
        );
        assert_eq!(
            resolve_endpoint(None, Some("https://c.example/"), a),
            Some("https://c.example/".into())
        );
        assert_eq!(resolve_endpoint(None, None, a), Some(publisher.into()));
        assert_eq!(resolve_endpoint(None, None, Some("mailto:x@y.org")), None);
        assert_eq!(resolve_endpoint(None, None, None), None);
    }

    #[test]
    fn locations_made_absolute() {
        let e = "http://127.0.0.1:8080/annotations/";
        assert_eq!(
            absolute(e, "/annotations/7"),
            "http://127.0.0.1:8080/annotations/7"
        );
        assert_eq!(absolute(e, "7"), "http://127.0.0.1:8080/annotations/7");
        assert_eq!(
            absolute(e, "https://x.example/a/7"),
            "https://x.example/a/7"
        );
    }

    #[test]
    fn mailto_link_carries_the_fields_in_order() {
        let article = crate::article::Article {
            headline: "Titre".into(),
            in_language: "fr".into(),
            paragraphs: vec!["Assimi Goita à Moscou.".into()],
            ..Default::default()
        }
        .finish();
        let text = article.text();
        let span = Note::find_quote(&text, "Assimi Goita", 1).expect("quote");
        let draft = crate::notes::Draft {
            comment: "Tréma".into(),
            email: "a@b.org".into(),
            ..Default::default()
        };
        let note = Note::new(&article, span, &draft).expect("note");
        let link = mailto_link(&note, "mailto:corrections@example.org");
        assert!(
            link.starts_with("mailto:corrections@example.org?subject=Correction%3A%20Titre&body=")
        );
        let body = &link[link.find("&body=").expect("body")..];
        let article_at = body.find("Article%3A").expect("article");
        let passage_at = body
            .find("Passage%3A%20%22Assimi%20Goita%22")
            .expect("passage");
        let concern_at = body.find("Concern").expect("concern");
        assert!(article_at < passage_at && passage_at < concern_at);
        // No consent: the address stays out.
        assert!(!body.contains("a%40b.org") && !body.contains("a@b.org"));
    }

    #[test]
    fn percent_encoding_is_utf8() {
        assert_eq!(percent_encode("Goïta à", false), "Go%C3%AFta%20%C3%A0");
        assert_eq!(percent_encode("a@b.org", true), "a@b.org");
    }
}
