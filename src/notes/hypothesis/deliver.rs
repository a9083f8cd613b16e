//! One attempt to deliver a note to Hypothesis, posted once: when an earlier
//! attempt may have created the annotation (its answer lost), the note's
//! marker tag is searched first and a found annotation is taken as the result.

use super::client::{Api, CallError};
use super::{HypothesisSettings, annotation_body, marker_tag};
use crate::notes::delivery::HypothesisRecord;
use crate::notes::model::Note;

/// The HTTP status (200 when found by the marker search) and the annotation.
pub fn deliver(
    settings: &HypothesisSettings,
    api: &Api,
    note: &Note,
) -> Result<(u16, HypothesisRecord), CallError> {
    if let Err(e) = &settings.token {
        return Err(CallError::Token {
            status: None,
            message: format!("{e}; the note stays queued"),
        });
    }
    let Some(body) = annotation_body(note, &settings.group) else {
        return Err(CallError::Rejected {
            status: None,
            message: "the article has no http(s) URL, and Hypothesis annotates web pages".into(),
        });
    };
    let create_url = settings.create_url();
    if note.attempts.iter().any(|a| a.endpoint == create_url)
        && let Some(found) = api.find_marker(&marker_tag(note))?
    {
        return Ok((200, found));
    }
    api.create(&body)
}
