//! Correction notes: the model, durable JSON Lines storage, re-anchoring,
//! W3C Web Annotation export and submission through an outbox.
