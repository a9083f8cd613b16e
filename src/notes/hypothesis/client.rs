//! The Hypothesis HTTP API calls lede makes: `POST /annotations` and
//! `GET /search` (by the note's marker tag, or by the article's URI).

use super::{ApiAnnotation, HypothesisSettings, Token, safe_id, safe_link};
use crate::notes::delivery::HypothesisRecord;
use crate::notes::submit::{
    Timeouts, agent, is_http_url, is_retryable, parse_retry_after, percent_encode, summary,
};
use std::time::Duration;

/// Largest response body read (a search page of 200 annotations fits).
const MAX_BODY: u64 = 16 * 1024 * 1024;

/// Why a call did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    /// Network error, timeout, 408, 429, 5xx, or a 2xx answer lede cannot
    /// read: worth trying again, after `retry_after` when the server said.
    Retry {
        status: Option<u16>,
        message: String,
        retry_after: Option<Duration>,
    },
    /// 401/403: the token is missing, wrong or lacks the right; the note
    /// stays queued until the user fixes it.
    Token {
        status: Option<u16>,
        message: String,
    },
    /// Any other answer: no point retrying.
    Rejected {
        status: Option<u16>,
        message: String,
    },
}

impl CallError {
    pub fn message(&self) -> &str {
        match self {
            CallError::Retry { message, .. }
            | CallError::Token { message, .. }
            | CallError::Rejected { message, .. } => message,
        }
    }
}

/// One search page.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct SearchPage {
    #[serde(default)]
    pub total: usize,
    #[serde(default)]
    pub rows: Vec<ApiAnnotation>,
}

/// A client for one Hypothesis service and group.
#[derive(Debug, Clone)]
pub struct Api {
    agent: ureq::Agent,
    pub api: String,
    pub group: String,
    token: Option<Token>,
}

impl Api {
    pub fn new(settings: &HypothesisSettings, timeouts: Timeouts) -> Api {
        Api {
            agent: agent(timeouts),
            api: settings.api.clone(),
            group: settings.group.clone(),
            token: settings.token.clone().ok(),
        }
    }

    fn redact(&self, m: String) -> String {
        match &self.token {
            Some(t) => t.redact(&m),
            None => m,
        }
    }

    /// `POST /annotations`; the HTTP status and the created annotation's id and links.
    pub fn create(&self, body: &serde_json::Value) -> Result<(u16, HypothesisRecord), CallError> {
        if self.token.is_none() {
            return Err(CallError::Token {
                status: None,
                message: super::TokenError::Missing.to_string(),
            });
        }
        let url = format!("{}/annotations", self.api);
        let (status, text) = self.call("POST", &url, Some(body.to_string()))?;
        let a: ApiAnnotation = serde_json::from_str(&text).map_err(|e| CallError::Retry {
            status: None,
            message: format!("{url}: the answer is not an annotation ({e})"),
            retry_after: None,
        })?;
        let record = self.record(&a).ok_or_else(|| CallError::Retry {
            status: None,
            message: format!("{url}: the answer has no annotation id"),
            retry_after: None,
        })?;
        Ok((status, record))
    }

    /// Our annotation with this marker tag, if the server already has it
    /// (a previous attempt may have created it and lost the answer).
    pub fn find_marker(&self, tag: &str) -> Result<Option<HypothesisRecord>, CallError> {
        let url = format!(
            "{}/search?tag={}&group={}&limit=5",
            self.api,
            percent_encode(tag, false),
            percent_encode(&self.group, false)
        );
        let page = self.search_url(&url)?;
        Ok(page
            .rows
            .iter()
            .filter(|a| a.tags.iter().any(|t| t == tag))
            .find_map(|a| self.record(a)))
    }

    /// One page of the annotations on `uri` in the group.
    pub fn search_uri(
        &self,
        uri: &str,
        offset: usize,
        limit: usize,
    ) -> Result<SearchPage, CallError> {
        let url = format!(
            "{}/search?uri={}&group={}&limit={limit}&offset={offset}&sort=created&order=asc",
            self.api,
            percent_encode(uri, false),
            percent_encode(&self.group, false)
        );
        self.search_url(&url)
    }

    fn search_url(&self, url: &str) -> Result<SearchPage, CallError> {
        let (_, text) = self.call("GET", url, None)?;
        serde_json::from_str(&text).map_err(|e| CallError::Retry {
            status: None,
            message: format!("{}: the search answer cannot be read ({e})", self.api),
            retry_after: None,
        })
    }

    fn record(&self, a: &ApiAnnotation) -> Option<HypothesisRecord> {
        Some(HypothesisRecord {
            api: self.api.clone(),
            group: self.group.clone(),
            id: safe_id(&a.id)?,
            html: safe_link(a.links.html.as_deref()),
            incontext: safe_link(a.links.incontext.as_deref()),
        })
    }

    /// One request; the body of a 2xx answer, or why not.
    fn call(
        &self,
        method: &str,
        url: &str,
        body: Option<String>,
    ) -> Result<(u16, String), CallError> {
        if !is_http_url(url) {
            return Err(CallError::Rejected {
                status: None,
                message: format!("the Hypothesis API {:?} is not an http(s) URL", self.api),
            });
        }
        let sent = match (method, body) {
            ("POST", Some(b)) => self
                .with_auth(self.agent.post(url))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .send(b),
            _ => self
                .with_auth(self.agent.get(url))
                .header("Accept", "application/json")
                .call(),
        };
        let mut resp = sent.map_err(|e| match e {
            ureq::Error::BadUri(_)
            | ureq::Error::RequireHttpsOnly(_)
            | ureq::Error::TlsRequired => CallError::Rejected {
                status: None,
                message: self.redact(format!("cannot reach {}: {e}", self.api)),
            },
            other => CallError::Retry {
                status: None,
                message: self.redact(format!("{}: {other}", self.api)),
                retry_after: None,
            },
        })?;
        let status = resp.status().as_u16();
        let retry_after = resp
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| parse_retry_after(v, jiff::Timestamp::now().as_second()));
        let reason = resp.status().canonical_reason().unwrap_or("").to_string();
        let text = resp
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_string();
        if (200..300).contains(&status) {
            return text.map(|t| (status, t)).map_err(|e| CallError::Retry {
                status: Some(status),
                message: format!("{}: the answer cannot be read ({e})", self.api),
                retry_after: None,
            });
        }
        let message = self.redact(summary(status, &reason, &text.unwrap_or_default()));
        Err(if matches!(status, 401 | 403) {
            CallError::Token {
                status: Some(status),
                message: format!(
                    "{message}: Hypothesis did not accept the API token for group {:?} \
                     (check LEDE_HYPOTHESIS_TOKEN or [notes.hypothesis] token_file); \
                     the note stays queued",
                    self.group
                ),
            }
        } else if is_retryable(status) {
            CallError::Retry {
                status: Some(status),
                message,
                retry_after,
            }
        } else {
            CallError::Rejected {
                status: Some(status),
                message,
            }
        })
    }

    fn with_auth<B>(&self, req: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        match &self.token {
            Some(t) => req.header("Authorization", t.bearer()),
            None => req,
        }
    }
}
