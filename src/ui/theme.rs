//! Colours and the non-colour cues that go with them. Every entity kind has a
//! modifier of its own (underline, bold, italic ...) so highlighting survives
//! `NO_COLOR` and monochrome terminals; colours come on top when allowed.

use crate::config::{Config, ConfigError};
use crate::extract::Kind;
use ratatui::style::{Color, Modifier, Style};
use std::str::FromStr;

/// Every style the reader draws with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub colors: bool,
    kinds: [Style; 5],
    /// Mentions of the followed actor or date, and search matches.
    pub mark: Style,
    /// The current one of those.
    pub mark_current: Style,
    pub headline: Style,
    pub meta: Style,
    pub dim: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub status: Style,
    pub error: Style,
    pub note_mark: Style,
}

/// The non-colour cue of each kind, in [`Kind::ALL`] order.
const CUES: [Modifier; 5] = [
    Modifier::UNDERLINED,                         // person
    Modifier::BOLD,                               // organisation
    Modifier::ITALIC,                             // place
    Modifier::ITALIC.union(Modifier::UNDERLINED), // nationality
    Modifier::BOLD.union(Modifier::UNDERLINED),   // date
];

const KIND_COLORS: [Color; 5] = [
    Color::Cyan,
    Color::Magenta,
    Color::Green,
    Color::Yellow,
    Color::LightBlue,
];

/// The names used in the `[colors]` section.
pub const COLOR_NAMES: [&str; 8] = [
    "person",
    "organization",
    "place",
    "nationality",
    "date",
    "mark",
    "accent",
    "error",
];

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Person => 0,
        Kind::Organization => 1,
        Kind::Place => 2,
        Kind::Nationality => 3,
        Kind::Date => 4,
    }
}

/// True when the `NO_COLOR` convention asks for no colour (set and not empty).
pub fn no_color_from_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl Theme {
    /// The built-in theme, with or without colours.
    pub fn new(colors: bool) -> Theme {
        let c = |color: Color| if colors { Some(color) } else { None };
        let fg = |color: Color| match c(color) {
            Some(col) => Style::new().fg(col),
            None => Style::new(),
        };
        let kinds = std::array::from_fn(|i| fg(KIND_COLORS[i]).add_modifier(CUES[i]));
        let accent = Color::Yellow;
        Theme {
            colors,
            kinds,
            mark: Style::new().add_modifier(Modifier::REVERSED),
            // reversed, so its colour becomes the background of the current mark
            mark_current: fg(accent).add_modifier(Modifier::REVERSED | Modifier::BOLD),
            headline: Style::new().add_modifier(Modifier::BOLD),
            meta: fg(Color::Gray).add_modifier(Modifier::ITALIC),
            dim: Style::new().add_modifier(Modifier::DIM),
            border: fg(Color::DarkGray),
            border_focused: fg(accent).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            selected_unfocused: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            status: Style::new().add_modifier(Modifier::REVERSED),
            error: fg(Color::Red).add_modifier(Modifier::BOLD),
            note_mark: fg(accent).add_modifier(Modifier::BOLD),
        }
    }

    /// The built-in theme (colours unless `no_color`) with the config's `[colors]` applied.
    pub fn from_config(config: &Config, no_color: bool) -> Result<Theme, ConfigError> {
        let mut theme = Theme::new(!no_color);
        for (name, (value, span)) in &config.colors {
            let color = parse_color(value)
                .map_err(|e| config.locate(span, format!("[colors] {name}: {e}")))?;
            let canonical = if name == "organisation" {
                "organization"
            } else {
                name.as_str()
            };
            let Some(slot) = COLOR_NAMES.iter().position(|n| *n == canonical) else {
                return Err(config.locate(
                    span,
                    format!(
                        "unknown colour name {name:?} in [colors]; known names: {}",
                        COLOR_NAMES.join(", ")
                    ),
                ));
            };
            if no_color {
                continue;
            }
            match slot {
                0..=4 => theme.kinds[slot] = theme.kinds[slot].fg(color),
                5 => {
                    theme.mark = theme.mark.fg(color);
                    theme.mark_current = theme.mark_current.fg(color);
                }
                6 => {
                    theme.border_focused = theme.border_focused.fg(color);
                    theme.note_mark = theme.note_mark.fg(color);
                }
                _ => theme.error = theme.error.fg(color),
            }
        }
        Ok(theme)
    }

    pub fn kind(&self, kind: Kind) -> Style {
        self.kinds[kind_index(kind)]
    }

    /// Words for the legend: the kind and its non-colour cue.
    pub fn legend_label(kind: Kind) -> &'static str {
        match kind {
            Kind::Person => "person",
            Kind::Organization => "organisation",
            Kind::Place => "place",
            Kind::Nationality => "nationality",
            Kind::Date => "date",
        }
    }

    /// The legend's label where the full one does not fit.
    pub fn legend_short_label(kind: Kind) -> &'static str {
        match kind {
            Kind::Person => "pers.",
            Kind::Organization => "org.",
            Kind::Place => "place",
            Kind::Nationality => "nat.",
            Kind::Date => "date",
        }
    }
}

fn parse_color(s: &str) -> Result<Color, String> {
    Color::from_str(s.trim()).map_err(|_| {
        format!("unknown colour {s:?} (use a name like \"cyan\", \"#rrggbb\" or 0-255)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn every_kind_has_a_distinct_non_colour_cue() {
        let t = Theme::new(false);
        let mods: Vec<Modifier> = Kind::ALL.iter().map(|k| t.kind(*k).add_modifier).collect();
        for (i, a) in mods.iter().enumerate() {
            assert!(!a.is_empty());
            for b in &mods[i + 1..] {
                assert_ne!(a, b);
            }
            assert!(!a.contains(Modifier::REVERSED), "reverse is kept for marks");
        }
        assert!(Kind::ALL.iter().all(|k| t.kind(*k).fg.is_none()));
    }

    #[test]
    fn config_colours_apply_and_errors_name_the_line() {
        let c = Config::parse("[colors]\nperson = \"#102030\"\n", Path::new("t.toml")).unwrap();
        let t = Theme::from_config(&c, false).unwrap();
        assert_eq!(t.kind(Kind::Person).fg, Some(Color::Rgb(16, 32, 48)));
        let t = Theme::from_config(&c, true).unwrap();
        assert_eq!(t.kind(Kind::Person).fg, None);
        let c = Config::parse("[colors]\n\nplace = \"sky\"\n", Path::new("t.toml")).unwrap();
        let e = Theme::from_config(&c, false).unwrap_err().to_string();
        assert!(e.starts_with("t.toml:3:") && e.contains("sky"), "{e}");
    }
}
