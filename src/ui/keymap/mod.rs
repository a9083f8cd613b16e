//! Key bindings as data: built-in defaults, overridden action by action by
//! the `[keys]` section of the config file. Each context (the panes, the
//! visual selection, the notes list, the form) has its own table, so the
//! same key can mean one thing in each.

mod actions;
mod chord;

pub use actions::{Action, Bindable, FormKey, ListAction, VisualAction};
pub use chord::Chord;

use crate::config::{Config, ConfigError};
use crate::ui::i18n::{Words, fill};
use crossterm::event::KeyEvent;
use std::collections::HashMap;

/// The keys of one context: which action each key does, and which keys each
/// action has (for the help).
#[derive(Debug, Clone)]
pub struct Table<A: Bindable> {
    by_key: HashMap<Chord, A>,
    by_action: Vec<(A, Vec<Chord>)>,
}

impl<A: Bindable> Default for Table<A> {
    fn default() -> Self {
        let by_action = A::all()
            .iter()
            .map(|&a| {
                let keys = a
                    .default_keys()
                    .iter()
                    .filter_map(|k| Chord::parse(k).ok())
                    .collect();
                (a, keys)
            })
            .collect();
        Table::from_bindings(by_action)
    }
}

impl<A: Bindable> Table<A> {
    fn from_bindings(by_action: Vec<(A, Vec<Chord>)>) -> Table<A> {
        let mut by_key = HashMap::new();
        for (a, keys) in &by_action {
            for k in keys {
                by_key.insert(*k, *a);
            }
        }
        Table { by_key, by_action }
    }

    pub fn action(&self, ev: &KeyEvent) -> Option<A> {
        self.by_key.get(&Chord::from_event(ev)).copied()
    }

    pub fn keys(&self, action: A) -> &[Chord] {
        self.by_action
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, k)| k.as_slice())
            .unwrap_or(&[])
    }

    /// The first key of an action, for hints ("? help").
    pub fn hint(&self, action: A) -> String {
        self.keys(action)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_else(|| "-".into())
    }

    /// Every key of an action, space-separated ("(unbound)" when none).
    pub fn all_keys(&self, action: A) -> String {
        let keys: Vec<String> = self.keys(action).iter().map(|k| k.to_string()).collect();
        if keys.is_empty() {
            "(unbound)".to_string()
        } else {
            keys.join(" ")
        }
    }

    /// Rebind `action` to exactly `chords` (taken away from the other actions
    /// of this context).
    fn rebind(&mut self, action: A, chords: &[Chord]) {
        let mut bindings = std::mem::take(&mut self.by_action);
        for (a, keys) in bindings.iter_mut() {
            if *a == action {
                *keys = chords.to_vec();
            } else {
                keys.retain(|k| !chords.contains(k));
            }
        }
        *self = Table::from_bindings(bindings);
    }

    fn find(name: &str) -> Option<A> {
        A::all().iter().copied().find(|a| a.name() == name)
    }
}

/// Every binding of the reader.
#[derive(Debug, Clone, Default)]
pub struct KeyMap {
    pub main: Table<Action>,
    pub visual: Table<VisualAction>,
    pub list: Table<ListAction>,
    pub form: Table<FormKey>,
}

/// The context of a name of the `[keys]` section.
enum Named {
    Main(Action),
    Visual(VisualAction),
    List(ListAction),
    Form(FormKey),
}

impl Named {
    fn find(name: &str) -> Option<Named> {
        Table::<Action>::find(name)
            .map(Named::Main)
            .or_else(|| Table::<VisualAction>::find(name).map(Named::Visual))
            .or_else(|| Table::<ListAction>::find(name).map(Named::List))
            .or_else(|| Table::<FormKey>::find(name).map(Named::Form))
    }

    /// Which table it is in (keys may repeat across tables).
    fn context(&self) -> u8 {
        match self {
            Named::Main(_) => 0,
            Named::Visual(_) => 1,
            Named::List(_) => 2,
            Named::Form(_) => 3,
        }
    }
}

fn all_names() -> Vec<&'static str> {
    let mut v: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
    v.extend(VisualAction::all().iter().map(|a| a.name()));
    v.extend(ListAction::all().iter().map(|a| a.name()));
    v.extend(FormKey::all().iter().map(|a| a.name()));
    v
}

impl KeyMap {
    /// The defaults with the config's `[keys]` applied: each action named there
    /// gets exactly the keys given; a key given to an action is taken away from
    /// any other action of the same context that had it by default.
    pub fn from_config(config: &Config) -> Result<KeyMap, ConfigError> {
        let mut km = KeyMap::default();
        let mut given: HashMap<(u8, Chord), &str> = HashMap::new();
        for (name, (list, span)) in &config.keys {
            let Some(named) = Named::find(name) else {
                return Err(config.locate(
                    span,
                    format!(
                        "unknown action {name:?} in [keys]; known actions: {}",
                        all_names().join(", ")
                    ),
                ));
            };
            let mut chords = Vec::new();
            for k in list.keys() {
                let chord = Chord::parse(k)
                    .map_err(|e| config.locate(span, format!("[keys] {name}: {e}")))?;
                if let Some(other) = given.insert((named.context(), chord), name) {
                    return Err(config.locate(
                        span,
                        format!("[keys] {name}: {chord} is already bound to {other}"),
                    ));
                }
                chords.push(chord);
            }
            match named {
                Named::Main(a) => km.main.rebind(a, &chords),
                Named::Visual(a) => km.visual.rebind(a, &chords),
                Named::List(a) => km.list.rebind(a, &chords),
                Named::Form(a) => km.form.rebind(a, &chords),
            }
        }
        Ok(km)
    }

    /// The action of a key on the panes.
    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        self.main.action(ev)
    }

    pub fn visual_action(&self, ev: &KeyEvent) -> Option<VisualAction> {
        self.visual.action(ev)
    }

    pub fn list_action(&self, ev: &KeyEvent) -> Option<ListAction> {
        self.list.action(ev)
    }

    pub fn form_key(&self, ev: &KeyEvent) -> Option<FormKey> {
        self.form.action(ev)
    }

    pub fn keys(&self, action: Action) -> &[Chord] {
        self.main.keys(action)
    }

    /// The first key of an action, for hints ("? help").
    pub fn hint(&self, action: Action) -> String {
        self.main.hint(action)
    }

    /// The keys of the visual selection, as its help line says them:
    /// "w/b word, j/k line, e report it, Esc cancel".
    pub fn visual_summary(&self, w: Words) -> String {
        self.fill_visual(w.act_visual_keys(), w)
    }

    /// `template` with the visual selection's keys: {next} {prev} {down} {up}
    /// {report} {cancel}.
    pub fn fill_visual(&self, template: &str, w: Words) -> String {
        let v = &self.visual;
        fill(
            template,
            &[
                ("next", &v.hint(VisualAction::WordNext)),
                ("prev", &v.hint(VisualAction::WordPrev)),
                ("down", &v.hint(VisualAction::LineDown)),
                ("up", &v.hint(VisualAction::LineUp)),
                ("report", &v.hint(VisualAction::Report)),
                ("cancel", &w.key(v.hint(VisualAction::Cancel))),
            ],
        )
    }

    /// Every binding of the panes, in help order: (keys, description).
    pub fn help_rows(&self, w: Words) -> Vec<(String, String)> {
        self.main
            .by_action
            .iter()
            .map(|(a, _)| {
                let d = match a {
                    Action::Visual => fill(a.describe(w), &[("keys", &self.visual_summary(w))]),
                    _ => a.describe(w).to_string(),
                };
                let keys = match self.main.keys(*a) {
                    [] => w.help_unbound().to_string(),
                    _ => self.main.all_keys(*a),
                };
                (keys, d)
            })
            .collect()
    }

    /// The help's rows for the keys of the form and of the notes list.
    pub fn context_help_rows(&self, w: Words) -> Vec<(String, String)> {
        let (f, l) = (&self.form, &self.list);
        let row = |k: String, d: &str| (k, d.to_string());
        let two = |a: String, b: String| format!("{a} {b}");
        vec![
            row(String::new(), ""),
            row(w.help_in_form().into(), ""),
            row(
                two(
                    f.all_keys(FormKey::NextField),
                    f.all_keys(FormKey::PrevField),
                ),
                w.help_fields(),
            ),
            row(
                two(
                    f.all_keys(FormKey::ChoicePrev),
                    f.all_keys(FormKey::ChoiceNext),
                ),
                w.help_choices(),
            ),
            row(f.all_keys(FormKey::Save), w.help_save()),
            row(f.all_keys(FormKey::Cancel), w.help_cancel()),
            row(String::new(), ""),
            row(w.help_in_notes().into(), ""),
            row(
                two(l.all_keys(ListAction::Down), l.all_keys(ListAction::Up)),
                w.help_notes_move(),
            ),
            row(l.all_keys(ListAction::Go), w.help_notes_go()),
            row(l.all_keys(ListAction::Report), w.help_notes_report()),
            row(l.all_keys(ListAction::Retry), w.help_notes_retry()),
            row(l.all_keys(ListAction::Withdraw), w.help_notes_withdraw()),
            row(l.all_keys(ListAction::Edit), w.help_notes_edit()),
        ]
    }

    /// The rows of one context's table, for the help.
    pub fn context_rows<A: Bindable>(table: &Table<A>) -> Vec<(String, String)> {
        table
            .by_action
            .iter()
            .map(|(a, _)| (table.all_keys(*a), a.description().to_string()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};
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
        let rows = KeyMap::default().help_rows(Words::default());
        assert_eq!(rows.len(), Action::ALL.len());
        assert!(rows.iter().any(|(k, _)| k == "q Ctrl-c"));
    }
}
