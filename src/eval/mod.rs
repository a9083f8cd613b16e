//! Scoring the extractor against annotated data.
