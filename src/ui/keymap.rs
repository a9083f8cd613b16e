//! Key bindings as data: built-in defaults, overridden action by action by
//! the `[keys]` section of the config file.

use crate::config::{Config, ConfigError};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;
use std::fmt;

/// Everything a key can do. The meaning of some depends on the focused pane
/// (`Up` moves in the list, scrolls the reader, moves in the sidebar).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    PrevArticle,
    NextArticle,
    ToggleSidebar,
    Search,
    NextMatch,
    PrevMatch,
    ReportError,
    Clear,
}

impl Action {
    pub const ALL: [Action; 21] = [
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::FocusNext,
        Action::FocusPrev,
        Action::FocusLeft,
        Action::FocusRight,
        Action::Open,
        Action::PrevArticle,
        Action::NextArticle,
        Action::Search,
        Action::NextMatch,
        Action::PrevMatch,
        Action::ToggleSidebar,
        Action::ReportError,
        Action::Clear,
        Action::Help,
        Action::Quit,
    ];

    /// The name used in the `[keys]` section of the config file.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::FocusLeft => "focus_left",
            Action::FocusRight => "focus_right",
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Open => "open",
            Action::PrevArticle => "prev_article",
            Action::NextArticle => "next_article",
            Action::ToggleSidebar => "toggle_sidebar",
            Action::Search => "search",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::ReportError => "report_error",
            Action::Clear => "clear",
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }

    /// One line for the help overlay.
    pub fn description(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "show or hide this help",
            Action::FocusNext => "focus the next pane (list, reader, sidebar)",
            Action::FocusPrev => "focus the previous pane",
            Action::FocusLeft => "focus the pane on the left",
            Action::FocusRight => "focus the pane on the right",
            Action::Up => "move up / scroll up",
            Action::Down => "move down / scroll down",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::Open => "open the article / follow the actor or date",
            Action::PrevArticle => "previous article (from anywhere)",
            Action::NextArticle => "next article (from anywhere)",
            Action::ToggleSidebar => "show or hide the actors and dates sidebar",
            Action::Search => "filter the list / search in the article",
            Action::NextMatch => "next mention or search match",
            Action::PrevMatch => "previous mention or search match",
            Action::ReportError => "report an error in this article",
            Action::Clear => "clear the search, the followed actor or the message",
        }
    }

    fn default_keys(self) -> &'static [&'static str] {
        match self {
            Action::Quit => &["q", "ctrl-c"],
            Action::Help => &["?", "f1"],
            Action::FocusNext => &["tab"],
            Action::FocusPrev => &["shift-tab"],
            Action::FocusLeft => &["h", "left"],
            Action::FocusRight => &["l", "right"],
            Action::Up => &["k", "up"],
            Action::Down => &["j", "down"],
            Action::PageUp => &["pageup", "ctrl-b", "ctrl-u"],
            Action::PageDown => &["pagedown", "space", "ctrl-f", "ctrl-d"],
            Action::Top => &["g", "home"],
            Action::Bottom => &["G", "end"],
            Action::Open => &["enter"],
            Action::PrevArticle => &["["],
            Action::NextArticle => &["]"],
            Action::ToggleSidebar => &["s"],
            Action::Search => &["/"],
            Action::NextMatch => &["n"],
            Action::PrevMatch => &["N"],
            Action::ReportError => &["e"],
            Action::Clear => &["esc"],
        }
    }
}

/// A key with its modifiers, normalised so that `G` and `shift-g` are the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Chord {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Chord {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            // The character already says whether shift was held.
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c)
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Chord { code, mods }
    }

    pub fn from_event(ev: &KeyEvent) -> Chord {
        Chord::new(ev.code, ev.modifiers)
    }

    /// Parse `q`, `G`, `ctrl-c`, `alt-x`, `shift-tab`, `enter`, `f1`, `space` ...
    pub fn parse(s: &str) -> Result<Chord, String> {
        let s = s.trim();
        if s.is_empty() {
            return Err("empty key".into());
        }
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (m, len) = if lower.starts_with("ctrl-") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            if rest.len() == len {
                break;
            }
            mods |= m;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if mods.contains(KeyModifiers::SHIFT) && c.is_ascii_lowercase() {
                    KeyCode::Char(c.to_ascii_uppercase())
                } else if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "space" => KeyCode::Char(' '),
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=24) => KeyCode::F(n),
                    _ => return Err(format!("unknown key {s:?}")),
                },
                _ => return Err(format!("unknown key {s:?}")),
            },
        };
        Ok(Chord::new(code, mods))
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            write!(f, "Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            write!(f, "Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            write!(f, "Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => write!(f, "Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => write!(f, "Enter"),
            KeyCode::Esc => write!(f, "Esc"),
            KeyCode::Tab => write!(f, "Tab"),
            KeyCode::BackTab => write!(f, "Shift-Tab"),
            KeyCode::Backspace => write!(f, "Backspace"),
            KeyCode::Delete => write!(f, "Delete"),
            KeyCode::Insert => write!(f, "Insert"),
            KeyCode::Up => write!(f, "↑"),
            KeyCode::Down => write!(f, "↓"),
            KeyCode::Left => write!(f, "←"),
            KeyCode::Right => write!(f, "→"),
            KeyCode::Home => write!(f, "Home"),
            KeyCode::End => write!(f, "End"),
            KeyCode::PageUp => write!(f, "PgUp"),
            KeyCode::PageDown => write!(f, "PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Which action each key does, and which keys each action has (for the help).
#[derive(Debug, Clone)]
pub struct KeyMap {
    by_key: HashMap<Chord, Action>,
    by_action: Vec<(Action, Vec<Chord>)>,
}

impl Default for KeyMap {
    fn default() -> Self {
        let by_action: Vec<(Action, Vec<Chord>)> = Action::ALL
            .into_iter()
            .map(|a| {
                let keys = a
                    .default_keys()
                    .iter()
                    .filter_map(|k| Chord::parse(k).ok())
                    .collect();
                (a, keys)
            })
            .collect();
        KeyMap::from_bindings(by_action)
    }
}

impl KeyMap {
    fn from_bindings(by_action: Vec<(Action, Vec<Chord>)>) -> KeyMap {
        let mut by_key = HashMap::new();
        for (a, keys) in &by_action {
            for k in keys {
                by_key.insert(*k, *a);
            }
        }
        KeyMap { by_key, by_action }
    }

    /// The defaults with the config's `[keys]` applied: each action named there
    /// gets exactly the keys given; a key given to an action is taken away from
    /// any other action that had it by default.
    pub fn from_config(config: &Config) -> Result<KeyMap, ConfigError> {
        let mut bindings = KeyMap::default().by_action;
        let mut given: HashMap<Chord, &str> = HashMap::new();
        for (name, (list, span)) in &config.keys {
            let Some(action) = Action::from_name(name) else {
                let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
                return Err(config.locate(
                    span,
                    format!(
                        "unknown action {name:?} in [keys]; known actions: {}",
                        names.join(", ")
                    ),
                ));
            };
            let mut chords = Vec::new();
            for k in list.keys() {
                let chord = Chord::parse(k)
                    .map_err(|e| config.locate(span, format!("[keys] {name}: {e}")))?;
                if let Some(other) = given.insert(chord, name) {
                    return Err(config.locate(
                        span,
                        format!("[keys] {name}: {chord} is already bound to {other}"),
                    ));
                }
                chords.push(chord);
            }
            for (a, keys) in bindings.iter_mut() {
                if *a == action {
                    *keys = chords.clone();
                } else {
                    keys.retain(|k| !chords.contains(k));
                }
            }
        }
        Ok(KeyMap::from_bindings(bindings))
    }

    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        self.by_key.get(&Chord::from_event(ev)).copied()
    }

    pub fn keys(&self, action: Action) -> &[Chord] {
        self.by_action
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, k)| k.as_slice())
            .unwrap_or(&[])
    }

    /// The first key of an action, for hints ("? help").
    pub fn hint(&self, action: Action) -> String {
        self.keys(action)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_else(|| "-".into())
    }

    /// Every binding, in help order: (keys, description).
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        self.by_action
            .iter()
            .map(|(a, keys)| {
                let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
                let keys = if keys.is_empty() {
                    "(unbound)".to_string()
                } else {
                    keys.join(" ")
                };
                (keys, a.description())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn parses_keys() {
        let cases = [
            ("q", KeyCode::Char('q'), KeyModifiers::NONE),
            ("G", KeyCode::Char('G'), KeyModifiers::NONE),
            ("shift-g", KeyCode::Char('G'), KeyModifiers::NONE),
            ("ctrl-c", KeyCode::Char('c'), KeyModifiers::CONTROL),
            ("Ctrl-C", KeyCode::Char('c'), KeyModifiers::CONTROL),
            ("shift-tab", KeyCode::BackTab, KeyModifiers::NONE),
            ("enter", KeyCode::Enter, KeyModifiers::NONE),
            ("F1", KeyCode::F(1), KeyModifiers::NONE),
            ("space", KeyCode::Char(' '), KeyModifiers::NONE),
            ("-", KeyCode::Char('-'), KeyModifiers::NONE),
            ("ctrl--", KeyCode::Char('-'), KeyModifiers::CONTROL),
        ];
        for (s, code, mods) in cases {
            assert_eq!(Chord::parse(s), Ok(Chord::new(code, mods)), "{s}");
        }
        for bad in ["", "ctrlx-c", "f99", "banana"] {
            assert!(Chord::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn defaults_map_vim_and_arrows() {
        let km = KeyMap::default();
        assert_eq!(
            km.action(&key(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            km.action(&key(KeyCode::Down, KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            km.action(&key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            km.action(&key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusPrev)
        );
    }

    #[test]
    fn config_overrides_only_named_actions() {
        let c = Config::parse(
            "[keys]\nquit = \"x\"\ndown = [\"ctrl-n\", \"q\"]\n",
            Path::new("c.toml"),
        )
        .unwrap();
        let km = KeyMap::from_config(&c).unwrap();
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(km.action(&q), Some(Action::Down));
        assert_eq!(
            km.action(&key(KeyCode::Char('x'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(
            km.action(&key(KeyCode::Char('j'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            km.action(&key(KeyCode::Char('k'), KeyModifiers::NONE)),
            Some(Action::Up)
        );
        assert_eq!(km.hint(Action::Quit), "x");
    }

    #[test]
    fn bad_bindings_name_file_and_line() {
        let c = Config::parse("[keys]\n\nquit = \"banana\"\n", Path::new("k.toml")).unwrap();
        let e = KeyMap::from_config(&c).unwrap_err().to_string();
        assert!(e.starts_with("k.toml:3:"), "{e}");
        assert!(e.contains("banana"), "{e}");
        let c = Config::parse(
            "[keys]\nquit = \"x\"\nhelp = [\"?\", \"x\"]\n",
            Path::new("k.toml"),
        )
        .unwrap();
        let e = KeyMap::from_config(&c).unwrap_err().to_string();
        assert!(e.contains("already bound to"), "{e}");
        let c = Config::parse("[keys]\nfly = \"x\"\n", Path::new("k.toml")).unwrap();
        let e = KeyMap::from_config(&c).unwrap_err().to_string();
        assert!(e.starts_with("k.toml:2:") && e.contains("fly"), "{e}");
    }

    #[test]
    fn help_lists_every_action() {
        let rows = KeyMap::default().help_rows();
        assert_eq!(rows.len(), Action::ALL.len());
        assert!(rows.iter().any(|(k, _)| k == "q Ctrl-c"));
    }
}
