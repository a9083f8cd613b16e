//! `lede notes list --article ID|FILE`: with a file, its notes are found as
//! the reader finds them (by the file's identity, else by the text or the
//! headline of a renamed file) and placed on its current text: anchored,
//! moved, or orphaned with its quote. Never silently left out.

use super::Common;
use crate::article::identity::{Match, file_id};
use crate::article::sanitize::clean_inline;
use crate::notes::anchor::{Anchor, Method};
use crate::notes::{self, Note};
use std::path::Path;

/// The notes `--article` selects, each with a line saying where it now
/// sits (for a file), in the notes' order.
pub fn select(
    all: Vec<Note>,
    article: Option<&str>,
    common: &Common,
) -> Vec<(Note, Option<String>)> {
    let Some(arg) = article else {
        return all.into_iter().map(|n| (n, None)).collect();
    };
    let path = Path::new(arg);
    if !path.is_file() {
        let by_path = file_id(path);
        return all
            .into_iter()
            .filter(|n| n.article.id == arg || n.article.id == by_path)
            .map(|n| (n, None))
            .collect();
    }
    let loaded =
        crate::ingest::load_paths(&[path.to_path_buf()], &super::check::load_options(common));
    for p in &loaded.problems {
        eprintln!("lede: {p}");
    }
    // bound in a copy: what is printed is the note as stored
    let found = notes::rebind(&mut all.clone(), &loaded.articles);
    all.into_iter()
        .zip(found)
        .filter_map(|(n, found)| {
            let (i, how) = found?;
            let line = placement(&n, &loaded.articles[i].text(), how);
            Some((n, Some(line)))
        })
        .collect()
}

/// "anchored", "moved", "changed", "orphaned" with the quote, and how the
/// article was found when not by its id.
fn placement(note: &Note, text: &str, how: Match) -> String {
    let quote = shorten(&note.target.exact, 60);
    let mut line = match notes::anchor(&note.target, text) {
        Anchor::Found {
            method: Method::Position,
            ..
        } => "anchored: the passage is where it was".to_string(),
        Anchor::Found { span, .. } if text[span.clone()] == note.target.exact => {
            "anchored: the passage moved, found again".to_string()
        }
        Anchor::Found { span, score, .. } => format!(
            "anchored: the passage changed, now \"{}\" ({:.0}% alike)",
            shorten(&text[span], 60),
            score * 100.0
        ),
        Anchor::Orphaned { .. } => {
            format!("orphaned: \"{quote}\" is no longer in the article")
        }
    };
    match how {
        Match::Id => {}
        Match::Content => line.push_str(" (article found by its text: renamed or copied)"),
        Match::Headline => line.push_str(" (article found by its headline: renamed and edited)"),
    }
    line
}

fn shorten(s: &str, max: usize) -> String {
    let s = clean_inline(s);
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s,
    }
}
