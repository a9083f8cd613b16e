//! Notes follow their article across edits and renames: a note whose article
//! id is not among the loaded articles is bound (in memory) to the article
//! its text hash or, for a renamed and edited file, its headline finds (see
//! [`crate::article::identity`]). Then [`super::anchor`] places it, or lists
//! it as orphaned with its quote: it is never lost.

use super::Note;
use crate::article::identity::{self, Key, Match};
use crate::article::{Article, text_hash};

/// Point each note at the article it is about among `articles`; returns, per
/// note, how it was found (`None`: about none of them). The notes file is not
/// changed.
pub fn rebind(notes: &mut [Note], articles: &[Article]) -> Vec<Option<(usize, Match)>> {
    let hashes: Vec<String> = articles.iter().map(|a| text_hash(&a.text())).collect();
    notes
        .iter_mut()
        .map(|n| {
            let key = Key {
                id: &n.article.id,
                text_hash: &n.article.text_hash,
                headline: &n.article.headline,
            };
            let found = identity::find(&key, articles, &hashes);
            if let Some((i, _)) = found {
                n.article.id = articles[i].id.clone();
            }
            found
        })
        .collect()
}
