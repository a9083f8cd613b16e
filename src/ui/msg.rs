//! Everything that can happen to the reader: one enum, handled by `App::update`.
//! Keys, the mouse, the terminal size, the loader, the analysis worker, the
//! notes file and the outbox all come in as a [`Msg`].

use crate::extract::{Analysis, Span};
use crate::ingest::Loaded;
use crate::notes::OutboxEvent;
use crate::ui::cmd::{Revised, Saved};
use crate::ui::keymap::Action;
use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};

/// A mouse event reduced to what the reader uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseInput {
    /// Left button pressed (a click; a drag may start here).
    Click {
        x: u16,
        y: u16,
    },
    /// Left button moved while pressed: selects a passage of the text.
    Drag {
        x: u16,
        y: u16,
    },
    /// Left button released.
    Release,
    ScrollUp {
        x: u16,
        y: u16,
    },
    ScrollDown {
        x: u16,
        y: u16,
    },
}

impl MouseInput {
    pub fn from_event(ev: &MouseEvent) -> Option<MouseInput> {
        let (x, y) = (ev.column, ev.row);
        match ev.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(MouseInput::Click { x, y }),
            MouseEventKind::Drag(MouseButton::Left) => Some(MouseInput::Drag { x, y }),
            MouseEventKind::Up(MouseButton::Left) => Some(MouseInput::Release),
            MouseEventKind::ScrollUp => Some(MouseInput::ScrollUp { x, y }),
            MouseEventKind::ScrollDown => Some(MouseInput::ScrollDown { x, y }),
            _ => None,
        }
    }
}

/// What a correction note would be about: the article and the passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportTarget {
    /// Index of the article in the reader's list.
    pub article: usize,
    /// Byte span in `Article::text()`: the current mention or search match, or
    /// else the first line on screen. `None` when nothing is shown.
    pub span: Option<Span>,
}

#[derive(Debug, Clone)]
pub enum Msg {
    /// A key press, translated through the keymap (or typed into the filter/search).
    Key(KeyEvent),
    /// A bound action.
    Action(Action),
    Mouse(MouseInput),
    Resize(u16, u16),
    /// The background analysis of article `index` is ready.
    Analysed(usize, Box<Analysis>),
    /// The extractor failed on article `index`: show its text without highlights.
    AnalysisFailed(usize),
    /// Open the report-an-error form (the correction-notes form handles this).
    OpenReport(ReportTarget),
    /// The articles finished loading (in the background, after the first frame).
    Loaded(Box<Loaded>),
    /// The loading thread ended without sending anything (an internal error).
    LoadFailed,
    /// Show a message in the status bar.
    Status(String),
    /// A second has passed (the run loop sends it while a message shows):
    /// the status message ages and goes after a few.
    Tick,
    /// The result of a [`Cmd::SaveNote`](crate::ui::cmd::Cmd::SaveNote).
    NoteSaved(Box<Saved>),
    /// The result of a [`Cmd::ReviseNote`](crate::ui::cmd::Cmd::ReviseNote).
    NoteRevised(Box<Revised>),
    /// What the outbox reports about a note (sent, retrying, refused...).
    Outbox(OutboxEvent),
}
