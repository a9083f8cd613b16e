//! The sample articles of `assets/articles`, embedded in the binary at build
//! time so that an installed `lede` works anywhere. `build.rs` lists the
//! folder and generates the table; adding a file there is enough.

/// Where the bundled files come from, used to name them.
pub const DIR: &str = "assets/articles";

// `FILES: &[(&str, &[u8])]`: the name (relative to `DIR`) and bytes of every
// article file, sorted by name.
include!(concat!(env!("OUT_DIR"), "/bundled_articles.rs"));
