//! The form's state and its own `on_key`: pure (no file, no terminal), so a
//! key sequence can be tested directly. What to do with the result (save,
//! close) is the caller's business ([`super`]).

use crate::article::Article;
use crate::notes::{Category, Draft, Field, FieldError, Severity};
use crate::ui::i18n::{Words, fill};
use crate::ui::keymap::{FormKey, Table};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};
use std::ops::Range;
use std::path::PathBuf;

/// A place the focus can be, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormField {
    Comment,
    Category,
    Severity,
    Suggestion,
    Name,
    Email,
    Consent,
    Submit,
    Cancel,
}

impl FormField {
    /// Tab order: the comment first (the form opens there), the buttons last.
    pub const ORDER: [FormField; 9] = [
        FormField::Comment,
        FormField::Category,
        FormField::Severity,
        FormField::Suggestion,
        FormField::Name,
        FormField::Email,
        FormField::Consent,
        FormField::Submit,
        FormField::Cancel,
    ];

    fn index(self) -> usize {
        FormField::ORDER
            .iter()
            .position(|f| *f == self)
            .unwrap_or(0)
    }

    pub fn next(self) -> FormField {
        FormField::ORDER[(self.index() + 1) % FormField::ORDER.len()]
    }

    pub fn prev(self) -> FormField {
        let n = FormField::ORDER.len();
        FormField::ORDER[(self.index() + n - 1) % n]
    }

    /// The form field a validation error is about.
    pub fn of(field: Field) -> FormField {
        match field {
            Field::Comment => FormField::Comment,
            Field::Suggestion => FormField::Suggestion,
            Field::Name => FormField::Name,
            Field::Email => FormField::Email,
            Field::Consent => FormField::Consent,
        }
    }

    fn is_text(self) -> bool {
        matches!(
            self,
            FormField::Comment | FormField::Suggestion | FormField::Name | FormField::Email
        )
    }
}

/// What the caller should do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormAction {
    /// Nothing outside the form changes.
    None,
    /// Validate and save (Ctrl-S, or Enter on the Submit button).
    Submit,
    /// Close the form; nothing is saved.
    Cancel,
    /// Save to this file instead (after a write error).
    SaveTo(PathBuf),
}

/// What a note is about and where it goes: fixed when the form opens.
#[derive(Debug, Clone)]
pub struct About {
    /// Index of the article in the reader's list.
    pub article: usize,
    pub article_id: String,
    /// The publisher's own prompt and promise, when the article has them.
    pub prompt: Option<String>,
    pub promise: Option<String>,
    /// The passage: a byte span of `Article::text()` and its text.
    pub span: Range<usize>,
    pub quote: String,
    /// Where the note goes after it is saved (`None`: it stays local).
    pub endpoint: Option<String>,
    /// The notes file it is saved in.
    pub notes_path: Option<PathBuf>,
    /// The publisher's `mailto:` address, when that is how it takes corrections.
    pub mailto: Option<String>,
}

impl About {
    /// About `span` of article `index` (a byte span of `article.text()`,
    /// already checked to be on char boundaries and not empty).
    pub fn new(
        index: usize,
        article: &Article,
        span: Range<usize>,
        endpoint: Option<String>,
        notes_path: Option<PathBuf>,
    ) -> About {
        let text = article.text();
        let quote = text.get(span.clone()).unwrap_or_default().to_string();
        let fb = article.feedback.as_ref();
        let given = |p: Option<String>| p.filter(|p| !p.trim().is_empty());
        About {
            article: index,
            article_id: article.id.clone(),
            prompt: given(fb.map(|f| f.prompt.clone())),
            promise: given(fb.and_then(|f| f.promise.clone())),
            span,
            quote,
            endpoint,
            notes_path,
            mailto: fb
                .and_then(|f| f.endpoint.as_deref())
                .map(str::trim)
                .filter(|e| e.to_ascii_lowercase().starts_with("mailto:"))
                .map(|e| {
                    e["mailto:".len()..]
                        .split('?')
                        .next()
                        .unwrap_or("")
                        .to_string()
                })
                .filter(|e| !e.is_empty()),
        }
    }
}

/// What is typed or ticked in the form.
pub struct Fields {
    pub comment: TextArea<'static>,
    pub suggestion: TextArea<'static>,
    pub name: TextArea<'static>,
    pub email: TextArea<'static>,
    pub consent: bool,
}

/// The form's keys as its hint line and buttons show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyHints {
    pub next: String,
    pub save: String,
    pub cancel: String,
}

impl KeyHints {
    /// The first key of each, from the form's bindings ("Ctrl-S" with a
    /// capital, as forms write it).
    pub fn new(keys: &Table<FormKey>, w: Words) -> KeyHints {
        let shown = |k: FormKey| {
            keys.keys(k)
                .first()
                .map(|c| w.key(c.caps()))
                .unwrap_or_else(|| "-".into())
        };
        KeyHints {
            next: shown(FormKey::NextField),
            save: shown(FormKey::Save),
            cancel: shown(FormKey::Cancel),
        }
    }
}

/// The report-an-error form.
pub struct Form {
    pub about: About,
    pub labels: Words,
    pub keys: KeyHints,
    pub focus: FormField,
    pub category: usize,
    pub severity: usize,
    pub fields: Fields,
    /// Validation problems, shown next to their fields (kept up to date once
    /// a submit has failed).
    pub errors: Vec<FieldError>,
    validated: bool,
    /// Esc was pressed with text typed: waiting for y/n.
    pub confirm_discard: bool,
    /// The last save failed: the message (it names the file and the OS reason).
    pub save_error: Option<String>,
    /// The "save to another file" prompt, open after a failed save.
    pub save_as: Option<TextArea<'static>>,
}

fn text_area(placeholder: &str, wrap: bool) -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_cursor_line_style(Style::new());
    t.set_placeholder_text(placeholder.to_string());
    t.set_placeholder_style(Style::new().add_modifier(Modifier::DIM));
    if wrap {
        t.set_wrap_mode(WrapMode::WordOrGlyph);
    }
    t
}

fn first_line(t: &TextArea<'_>) -> String {
    t.lines().join(" ")
}

impl Form {
    /// A form about `about`, in `labels`' language.
    pub fn new(about: About, labels: Words, keys: KeyHints) -> Form {
        Form {
            about,
            labels,
            keys,
            focus: FormField::Comment,
            category: 0,
            severity: 0,
            fields: Fields {
                comment: text_area(
                    &crate::ui::french::typeset(labels, labels.comment_hint()),
                    true,
                ),
                suggestion: text_area(labels.optional(), false),
                name: text_area(labels.optional(), false),
                email: text_area(labels.optional(), false),
                consent: false,
            },
            errors: Vec::new(),
            validated: false,
            confirm_discard: false,
            save_error: None,
            save_as: None,
        }
    }

    /// The hint line: the keys to move, save and cancel.
    pub fn keys_hint(&self) -> String {
        let k = &self.keys;
        fill(
            self.labels.keys_hint(),
            &[("next", &k.next), ("save", &k.save), ("cancel", &k.cancel)],
        )
    }

    pub fn category(&self) -> Category {
        Category::ALL[self.category % Category::ALL.len()]
    }

    pub fn severity(&self) -> Severity {
        Severity::ALL[self.severity % Severity::ALL.len()]
    }

    /// What was typed, as the notes core takes it.
    pub fn draft(&self) -> Draft {
        Draft {
            category: self.category(),
            severity: self.severity(),
            suggestion: first_line(&self.fields.suggestion),
            comment: self.fields.comment.lines().join("\n"),
            name: first_line(&self.fields.name),
            email: first_line(&self.fields.email).trim().to_string(),
            consent: self.fields.consent,
        }
    }

    /// True when anything was typed (Esc then asks before discarding it).
    pub fn has_text(&self) -> bool {
        [
            &self.fields.comment,
            &self.fields.suggestion,
            &self.fields.name,
            &self.fields.email,
        ]
        .iter()
        .any(|t| t.lines().iter().any(|l| !l.trim().is_empty()))
    }

    /// The message for `field`, when it has a problem.
    pub fn error_for(&self, field: FormField) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|e| FormField::of(e.field) == field)
            .map(|e| e.message(self.labels.tag()))
    }

    /// Check the draft (on submit): problems are shown next to their fields and
    /// the focus goes to the first of them. True when it can be saved.
    pub fn validate(&mut self) -> bool {
        self.validated = true;
        self.errors = self.draft().validate();
        if let Some(first) = FormField::ORDER
            .iter()
            .find(|f| self.errors.iter().any(|e| FormField::of(e.field) == **f))
        {
            self.focus = *first;
        }
        self.errors.is_empty()
    }

    /// After a failed save: show the reason and open the "save to" prompt with `path`.
    pub fn save_failed(&mut self, message: String, path: Option<&std::path::Path>) {
        self.save_error = Some(message);
        let mut t = text_area("/path/to/notes.jsonl", false);
        if let Some(p) = path {
            // shown, and replaced by whatever is typed first
            t.insert_str(p.display().to_string());
            t.select_all();
        }
        self.save_as = Some(t);
    }

    fn area_mut(&mut self, field: FormField) -> Option<&mut TextArea<'static>> {
        match field {
            FormField::Comment => Some(&mut self.fields.comment),
            FormField::Suggestion => Some(&mut self.fields.suggestion),
            FormField::Name => Some(&mut self.fields.name),
            FormField::Email => Some(&mut self.fields.email),
            _ => None,
        }
    }

    /// Handle one key; `keys` are the form's bindings (save, cancel, fields, choices).
    pub fn on_key(&mut self, key: KeyEvent, keys: &Table<FormKey>) -> FormAction {
        if key.kind == KeyEventKind::Release {
            return FormAction::None;
        }
        let bound = keys.action(&key);
        if self.confirm_discard {
            match key.code {
                KeyCode::Char('y' | 'Y' | 'o' | 'O') => return FormAction::Cancel,
                _ => self.confirm_discard = false,
            }
            return FormAction::None;
        }
        if let Some(prompt) = self.save_as.as_mut() {
            let path = || PathBuf::from(first_line(prompt).trim());
            match (key.code, bound) {
                // Esc goes back to the form (the prompt says so)
                (KeyCode::Esc, _) => self.save_as = None,
                (KeyCode::Enter, _) | (_, Some(FormKey::Save)) => {
                    let p = path();
                    if !p.as_os_str().is_empty() {
                        return FormAction::SaveTo(p);
                    }
                }
                (_, Some(FormKey::Cancel)) => return self.escape(),
                _ => {
                    prompt.input(key);
                }
            }
            return FormAction::None;
        }
        match bound {
            Some(FormKey::Save) => return FormAction::Submit,
            Some(FormKey::Cancel) => return self.escape(),
            Some(FormKey::NextField) => self.focus = self.focus.next(),
            Some(FormKey::PrevField) => self.focus = self.focus.prev(),
            _ => return self.on_field_key(key, bound),
        }
        FormAction::None
    }

    fn escape(&mut self) -> FormAction {
        if self.has_text() {
            self.confirm_discard = true;
            FormAction::None
        } else {
            FormAction::Cancel
        }
    }

    fn on_field_key(&mut self, key: KeyEvent, bound: Option<FormKey>) -> FormAction {
        let field = self.focus;
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let choice = match bound {
            Some(FormKey::ChoiceNext) => Some(1),
            Some(FormKey::ChoicePrev) => Some(-1),
            _ => None,
        };
        match (field, key.code) {
            (FormField::Submit, KeyCode::Enter | KeyCode::Char(' ')) => return FormAction::Submit,
            (FormField::Cancel, KeyCode::Enter | KeyCode::Char(' ')) => return self.escape(),
            (FormField::Submit, KeyCode::Right) => self.focus = FormField::Cancel,
            (FormField::Cancel, KeyCode::Left) => self.focus = FormField::Submit,
            (FormField::Category, c) => match choice {
                Some(d) => self.category = step(self.category, d, Category::ALL.len()),
                None => self.move_vertically(c),
            },
            (FormField::Severity, c) => match choice {
                Some(d) => self.severity = step(self.severity, d, Severity::ALL.len()),
                None => self.move_vertically(c),
            },
            (FormField::Consent, KeyCode::Char(' ') | KeyCode::Enter) if plain => {
                self.fields.consent = !self.fields.consent
            }
            (f, KeyCode::Enter) if f.is_text() && f != FormField::Comment => self.focus = f.next(),
            (f, KeyCode::Up | KeyCode::Down) if f != FormField::Comment => {
                self.move_vertically(key.code)
            }
            (f, _) if f.is_text() => {
                if let Some(t) = self.area_mut(f) {
                    t.input(key);
                }
            }
            _ => {}
        }
        if self.validated {
            self.errors = self.draft().validate();
        }
        FormAction::None
    }

    fn move_vertically(&mut self, code: KeyCode) {
        match code {
            KeyCode::Up => self.focus = self.focus.prev(),
            KeyCode::Down => self.focus = self.focus.next(),
            _ => {}
        }
    }

    /// Type a string into the focused text field (tests, paste).
    pub fn type_str(&mut self, s: &str) {
        let f = self.focus;
        if let Some(t) = self.area_mut(f) {
            t.insert_str(s);
        }
        if self.validated {
            self.errors = self.draft().validate();
        }
    }
}

/// `i` moved by `d` (1 or -1) among `n` choices, wrapping around.
fn step(i: usize, d: isize, n: usize) -> usize {
    if d > 0 { (i + 1) % n } else { (i + n - 1) % n }
}
