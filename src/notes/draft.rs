//! What the reader types in the form, and its validation: the comment is
//! required, the e-mail address (optional) must look like one, consent needs
//! an address. Messages come in French and English.

use super::model::{Category, Severity};
use serde::Serialize;
use std::fmt;

/// Longest comment or suggestion accepted, in code points.
pub const MAX_FIELD_CHARS: usize = 20_000;

/// What the reader typed in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub category: Category,
    pub severity: Severity,
    pub suggestion: String,
    pub comment: String,
    pub name: String,
    pub email: String,
    pub consent: bool,
}

/// A form field, for validation messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Comment,
    Suggestion,
    Name,
    Email,
    Consent,
}

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Problem {
    Required,
    TooLong,
    InvalidEmail,
    EmailNeededForConsent,
}

impl Problem {
    /// The message for this field, in French for `fr*`, else English.
    pub fn message(self, field: Field, lang: &str) -> &'static str {
        let fr = lang.starts_with("fr");
        match (self, field, fr) {
            (Problem::Required, _, false) => "A comment is required: say what is wrong.",
            (Problem::Required, _, true) => {
                "Un commentaire est nécessaire : dites ce qui ne va pas."
            }
            (Problem::TooLong, Field::Comment, false) => "The comment is too long.",
            (Problem::TooLong, Field::Comment, true) => "Le commentaire est trop long.",
            (Problem::TooLong, Field::Suggestion, false) => "The suggested correction is too long.",
            (Problem::TooLong, Field::Suggestion, true) => {
                "La correction proposée est trop longue."
            }
            (Problem::TooLong, _, false) => "The name is too long.",
            (Problem::TooLong, _, true) => "Le nom est trop long.",
            (Problem::InvalidEmail, _, false) => {
                "The e-mail address is not valid (name@example.org)."
            }
            (Problem::InvalidEmail, _, true) => {
                "L'adresse électronique n'est pas valide (nom@exemple.fr)."
            }
            (Problem::EmailNeededForConsent, _, false) => "Give an e-mail address to be contacted.",
            (Problem::EmailNeededForConsent, _, true) => {
                "Indiquez une adresse électronique pour être contacté."
            }
        }
    }
}

/// One validation problem, tied to the field that has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl FieldError {
    /// The message in the given language (French for `fr*`, else English).
    pub fn message(&self, lang: &str) -> &'static str {
        self.problem.message(self.field, lang)
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message("en"))
    }
}

impl Draft {
    /// Every problem with what was typed; empty when the draft can be saved.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut err = |field, problem| errors.push(FieldError { field, problem });
        if self.comment.trim().is_empty() {
            err(Field::Comment, Problem::Required);
        } else if self.comment.chars().count() > MAX_FIELD_CHARS {
            err(Field::Comment, Problem::TooLong);
        }
        if self.suggestion.chars().count() > MAX_FIELD_CHARS {
            err(Field::Suggestion, Problem::TooLong);
        }
        if self.name.chars().count() > 200 {
            err(Field::Name, Problem::TooLong);
        }
        let email = self.email.trim();
        if !email.is_empty() && !is_valid_email(email) {
            err(Field::Email, Problem::InvalidEmail);
        }
        if self.consent && email.is_empty() {
            err(Field::Consent, Problem::EmailNeededForConsent);
        }
        errors
    }
}

/// A practical e-mail check: one `@`, a non-empty local part, a domain with a
/// dot and non-empty labels, no spaces or control characters, at most 254 bytes.
pub fn is_valid_email(s: &str) -> bool {
    if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    if local.is_empty() || local.len() > 64 || local.contains('@') {
        return false;
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}
