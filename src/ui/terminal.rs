//! Terminal set-up and restoration. An RAII guard undoes each step in `Drop`
//! (early returns, errors) and a panic hook restores the terminal before the
//! panic message is printed, so the shell is left sane on every exit path.

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::Once;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Undo everything [`TerminalGuard::new`] did. Safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A background thread's panic is caught and reported in the
            // status bar; printing it would scribble over the screen.
            let name = std::thread::current().name().map(str::to_string);
            if matches!(
                name.as_deref(),
                Some(crate::ui::worker::THREAD_NAME | crate::ui::LOAD_THREAD)
            ) {
                return;
            }
            restore();
            previous(info);
        }));
    });
}

/// The terminal in raw mode on the alternate screen with mouse capture;
/// restored when dropped.
pub struct TerminalGuard {
    pub terminal: Term,
}

impl TerminalGuard {
    pub fn new() -> io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
        let guard_partial = PartialGuard;
        let mut out = io::stdout();
        execute!(out, EnterAlternateScreen, EnableMouseCapture)?;
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        terminal.hide_cursor()?;
        terminal.clear()?;
        std::mem::forget(guard_partial);
        Ok(TerminalGuard { terminal })
    }
}

/// Restores the terminal if set-up fails half-way.
struct PartialGuard;

impl Drop for PartialGuard {
    fn drop(&mut self) {
        restore();
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}
