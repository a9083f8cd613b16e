//! Where lede keeps its files, and the user's configuration file (TOML, in
//! the platform's config directory).

use std::path::PathBuf;

fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "lede")
}

/// `~/.config/lede/config.toml` on Linux.
pub fn default_config_path() -> Option<PathBuf> {
    dirs().map(|d| d.config_dir().join("config.toml"))
}

/// `~/.local/share/lede/notes.jsonl` on Linux.
pub fn default_notes_path() -> Option<PathBuf> {
    dirs().map(|d| d.data_dir().join("notes.jsonl"))
}
