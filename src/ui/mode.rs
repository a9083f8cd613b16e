//! Who has the keyboard: one [`Mode`], and [`route`], the one function that
//! decides where a key goes.
//!
//! The pane focus (list, reader, sidebar) is not a mode: it stays what it is
//! under an overlay (help, the form, the notes list) and the borders show it.

use crate::ui::keymap::{Action, KeyMap, ListAction, VisualAction};
use crate::ui::views::form::state::Form;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Filter,
    Search,
}

/// Text being typed into the list filter or the article search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub kind: InputKind,
    pub text: String,
}

/// A visual selection in the reader: byte offsets of `Article::text()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub anchor: usize,
    pub cursor: usize,
}

/// What the notes list asks about its selected note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// "Withdraw it? y/n".
    Withdraw,
    /// The new comment being typed.
    Comment(String),
}

/// The notes list waiting for an answer about note `id` (row `sel`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteAsk {
    pub sel: usize,
    pub id: uuid::Uuid,
    pub ask: Ask,
}

/// What has the keyboard. Exactly one at a time.
#[derive(Default)]
pub enum Mode {
    /// The panes: keys are actions of the keymap on the focused pane.
    #[default]
    Browse,
    /// Typing into the list filter or the article search.
    Input(Input),
    /// The help overlay, scrolled by this many lines.
    Help(usize),
    /// The message log (loading problems, errors), scrolled by this many lines.
    Log(usize),
    /// The report-an-error form.
    Form(Box<Form>),
    /// The notes list of the current article, with its selected row.
    Notes(usize),
    /// The notes list asking a question (withdraw?) or taking a new comment.
    NoteAsk(NoteAsk),
    /// A passage being selected in the reader.
    Visual(Selection),
}

impl Mode {
    pub fn form(&self) -> Option<&Form> {
        match self {
            Mode::Form(f) => Some(f),
            _ => None,
        }
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match self {
            Mode::Form(f) => Some(f),
            _ => None,
        }
    }

    pub fn input(&self) -> Option<&Input> {
        match self {
            Mode::Input(i) => Some(i),
            _ => None,
        }
    }

    /// The help overlay's scroll offset, when it is open.
    pub fn help(&self) -> Option<usize> {
        match self {
            Mode::Help(o) => Some(*o),
            _ => None,
        }
    }

    /// The message log's scroll offset, when it is open.
    pub fn log(&self) -> Option<usize> {
        match self {
            Mode::Log(o) => Some(*o),
            _ => None,
        }
    }

    /// The notes list's selected row, when it is open.
    pub fn notes_list(&self) -> Option<usize> {
        match self {
            Mode::Notes(sel) | Mode::NoteAsk(NoteAsk { sel, .. }) => Some(*sel),
            _ => None,
        }
    }

    /// The visual selection as (anchor, cursor), when one is being made.
    pub fn visual(&self) -> Option<(usize, usize)> {
        match self {
            Mode::Visual(s) => Some((s.anchor, s.cursor)),
            _ => None,
        }
    }

    pub fn is_browse(&self) -> bool {
        matches!(self, Mode::Browse)
    }
}

/// Where a key goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Nothing takes it.
    Ignore,
    /// Typed into the filter or the search.
    Input,
    /// Scrolls the help or the log (`Up`, `Down`, pages); any other bound
    /// key closes it.
    Help(Action),
    /// The form takes every key (it has text fields).
    Form,
    /// A key of the notes list (`None`: any other key closes the list).
    Notes(Option<ListAction>),
    /// The notes list's question: `Some(true)` yes, `Some(false)` no,
    /// `None` a key typed into the new comment.
    NoteAsk(Option<bool>),
    /// A key of the visual selection.
    Visual(VisualAction),
    /// An action on the panes. `leave` ends the visual selection first
    /// (a key that is not the selection's does what it always does).
    Browse { action: Option<Action>, leave: bool },
}

/// The one place that decides where `key` goes in `mode`.
pub fn route(mode: &Mode, keymap: &KeyMap, key: &KeyEvent) -> Route {
    if key.kind == KeyEventKind::Release {
        return Route::Ignore;
    }
    match mode {
        Mode::Form(_) => Route::Form,
        Mode::Input(_) => Route::Input,
        Mode::Help(_) | Mode::Log(_) => keymap.action(key).map_or(Route::Ignore, Route::Help),
        Mode::Notes(_) => Route::Notes(keymap.list_action(key)),
        Mode::NoteAsk(a) => match (&a.ask, key.code) {
            (Ask::Withdraw, KeyCode::Char('y' | 'Y' | 'o' | 'O')) => Route::NoteAsk(Some(true)),
            (Ask::Withdraw, _) | (Ask::Comment(_), KeyCode::Esc) => Route::NoteAsk(Some(false)),
            (Ask::Comment(_), KeyCode::Enter) => Route::NoteAsk(Some(true)),
            (Ask::Comment(_), _) => Route::NoteAsk(None),
        },
        Mode::Visual(_) => match keymap.visual_action(key) {
            Some(v) => Route::Visual(v),
            None => Route::Browse {
                action: keymap.action(key),
                leave: true,
            },
        },
        Mode::Browse => Route::Browse {
            action: keymap.action(key),
            leave: false,
        },
    }
}

/// Ctrl-C: quits from the filter or search input.
pub fn is_ctrl_c(key: &KeyEvent) -> bool {
    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::Words;
    use crate::ui::keymap::{FormKey, Table};
    use crate::ui::views::form::state::{About, KeyHints};

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn each_mode_sends_a_key_to_one_place() {
        let km = KeyMap::default();
        let about = About::new(0, &crate::article::Article::default(), 0..0, None, None);
        let keys = KeyHints::new(&Table::<FormKey>::default(), Words::default());
        let form = Mode::Form(Box::new(Form::new(about, Words::default(), keys)));
        let input = Mode::Input(Input {
            kind: InputKind::Search,
            text: String::new(),
        });
        let visual = Mode::Visual(Selection {
            anchor: 0,
            cursor: 1,
        });
        let ask = |ask| {
            Mode::NoteAsk(NoteAsk {
                sel: 0,
                id: uuid::Uuid::nil(),
                ask,
            })
        };
        let ask_withdraw = ask(Ask::Withdraw);
        let ask_comment = ask(Ask::Comment(String::new()));
        let browse = |action| Route::Browse {
            action,
            leave: false,
        };
        let cases: Vec<(&Mode, char, Route)> = vec![
            (&Mode::Browse, 'j', browse(Some(Action::Down))),
            (&Mode::Browse, 'm', browse(Some(Action::NotesList))),
            (&Mode::Browse, 'z', browse(None)),
            (&input, 'q', Route::Input),
            (&form, 'q', Route::Form),
            (&Mode::Help(0), 'j', Route::Help(Action::Down)),
            (&Mode::Help(0), 'q', Route::Help(Action::Quit)),
            (&Mode::Help(0), 'z', Route::Ignore),
            (&Mode::Notes(0), 'j', Route::Notes(Some(ListAction::Down))),
            (&Mode::Notes(0), 'q', Route::Notes(None)),
            (
                &Mode::Notes(0),
                'w',
                Route::Notes(Some(ListAction::Withdraw)),
            ),
            (&Mode::Notes(0), 'r', Route::Notes(Some(ListAction::Retry))),
            (&ask_withdraw, 'y', Route::NoteAsk(Some(true))),
            (&ask_withdraw, 'o', Route::NoteAsk(Some(true))),
            (&ask_withdraw, 'n', Route::NoteAsk(Some(false))),
            (&ask_withdraw, 'j', Route::NoteAsk(Some(false))),
            (&ask_comment, 'y', Route::NoteAsk(None)),
            (&ask_comment, 'q', Route::NoteAsk(None)),
            (&visual, 'w', Route::Visual(VisualAction::WordNext)),
            (&visual, 'v', Route::Visual(VisualAction::Cancel)),
            (
                &visual,
                ']',
                Route::Browse {
                    action: Some(Action::NextArticle),
                    leave: true,
                },
            ),
        ];
        for (mode, c, want) in cases {
            assert_eq!(route(mode, &km, &key(c)), want, "{c:?}");
        }
        let code = |c| KeyEvent::new(c, KeyModifiers::NONE);
        let enter = route(&ask_comment, &km, &code(KeyCode::Enter));
        assert_eq!(enter, Route::NoteAsk(Some(true)));
        let esc = route(&ask_comment, &km, &code(KeyCode::Esc));
        assert_eq!(esc, Route::NoteAsk(Some(false)));
        assert_eq!(ask_comment.notes_list(), Some(0), "the list stays shown");
        let mut release = key('j');
        release.kind = KeyEventKind::Release;
        assert_eq!(route(&Mode::Browse, &km, &release), Route::Ignore);
    }
}
