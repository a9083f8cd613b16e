//! Terminal set-up and restoration. An RAII guard undoes each step in `Drop`
//! (early returns, errors), a panic hook restores the terminal before the
//! panic message is printed, and SIGTERM, SIGHUP, SIGINT and SIGQUIT restore
//! it before the process exits, so the shell is left sane on every exit path.
//! The reader refuses to start when standard output is not a terminal.

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

pub type Term = Terminal<CrosstermBackend<super::theme::Sgr16<Stdout>>>;

/// True while the terminal is in the reader's modes. Restoring twice is not
/// harmless: a second "leave the alternate screen" moves the cursor back to
/// where the reader started, and the shell then writes over what was printed
/// after the first restore (a panic message).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Undo everything [`TerminalGuard::new`] did. Only the first call after
/// set-up does anything.
pub fn restore() {
    restore_to(&mut io::stdout().lock());
}

fn restore_to(out: &mut impl Write) {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        out,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Signals that end the reader: the terminal is restored, then the process
/// exits with 128 + the signal number, as the shell expects.
const EXIT_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

fn install_signal_handler() -> io::Result<()> {
    static ONCE: Once = Once::new();
    let mut result = Ok(());
    ONCE.call_once(|| {
        result = signal_hook::iterator::Signals::new(EXIT_SIGNALS).and_then(|mut signals| {
            std::thread::Builder::new()
                .name("lede-signals".into())
                .spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        // Hold standard output so the reader cannot draw
                        // after the restore; CAN (0x18) first ends any escape
                        // sequence it was half-way through writing.
                        let mut out = io::stdout().lock();
                        let _ = out.write_all(b"\x18");
                        restore_to(&mut out);
                        let _ = out.flush();
                        std::process::exit(128 + signal);
                    }
                })
                .map(|_| ())
        });
    });
    result
}

/// The hidden fault injection used by the terminal tests:
/// `LEDE_DEBUG_FAULT=panic` makes the reader panic once its first frame is
/// drawn, to show that a panic leaves the terminal sane.
pub fn inject_fault() {
    static FAULT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *FAULT.get_or_init(|| std::env::var_os("LEDE_DEBUG_FAULT").is_some_and(|v| v == "panic")) {
        panic!("injected fault (LEDE_DEBUG_FAULT=panic)");
    }
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

/// Refuse a standard output that is not a terminal: drawing into a pipe or a
/// file would fill it with escape sequences.
pub fn ensure_terminal() -> io::Result<()> {
    if io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(io::Error::other(
            "standard output is not a terminal, and the reader needs one; \
             `lede check PATH` and `lede extract PATH` print articles instead",
        ))
    }
}

impl TerminalGuard {
    pub fn new() -> io::Result<TerminalGuard> {
        ensure_terminal()?;
        install_panic_hook();
        install_signal_handler()?;
        ACTIVE.store(true, Ordering::SeqCst);
        enable_raw_mode()?;
        let guard_partial = PartialGuard;
        let mut out = io::stdout();
        execute!(out, EnterAlternateScreen, EnableMouseCapture)?;
        // on a 16-colour terminal, the 16 colours as basic SGR codes
        let sixteen = super::theme::ColorDepth::from_env() == super::theme::ColorDepth::Ansi16;
        let out = super::theme::Sgr16::new(io::stdout(), sixteen);
        let mut terminal = Terminal::new(CrosstermBackend::new(out))?;
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
