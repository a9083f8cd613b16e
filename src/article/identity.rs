//! Which article a stored reference (a note's `article`) is about, when the
//! article may have been edited or its file renamed since.
//!
//! An article has a primary id: the source's own id or URL; for a file
//! holding one article without one, `file:` and the file's canonical path
//! (so it keeps its identity when its text is edited); else the content id
//! (`sha256:…`). The hash of its text is a second key: it finds the article
//! again under another name (a renamed file, the same text in another
//! format). Last, an article read from a file whose reference is to a file
//! that is gone (or to an older content id) and has the same headline is
//! taken to be the renamed and edited article.

use super::Article;
use std::path::Path;

/// Prefix of the id of an article read from a file that has no id of its own.
pub const FILE_ID_PREFIX: &str = "file:";

/// The id of the article of the file at `path`: `file:` and its canonical
/// path (the path as given when it cannot be resolved). Like every field of
/// an article it is printed: control, escape and bidi characters of a
/// hostile file name are written as visible `\u{..}` escapes.
pub fn file_id(path: &Path) -> String {
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    format!(
        "{FILE_ID_PREFIX}{}",
        super::sanitize::escape_controls(&real.to_string_lossy())
    )
}

/// The file a `file:` id names.
pub fn file_of(id: &str) -> Option<&Path> {
    id.strip_prefix(FILE_ID_PREFIX).map(Path::new)
}

/// What a reference keeps of its article.
#[derive(Debug, Clone, Copy)]
pub struct Key<'a> {
    pub id: &'a str,
    /// [`super::text_hash`] of the text the reference was made on.
    pub text_hash: &'a str,
    pub headline: &'a str,
}

/// How a reference found its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The same id.
    Id,
    /// The same text under another id (a renamed file, a twin in another format).
    Content,
    /// The same headline, in a file, for a reference to a file that is gone
    /// or to an older content id: renamed and edited.
    Headline,
}

/// The article `key` is about among `articles` (whose text hashes are
/// `hashes`, in the same order), and how it was found. The id wins, then the
/// text, then the headline.
pub fn find(key: &Key, articles: &[Article], hashes: &[String]) -> Option<(usize, Match)> {
    if let Some(i) = articles.iter().position(|a| a.id == key.id) {
        return Some((i, Match::Id));
    }
    if !key.text_hash.is_empty()
        && let Some(i) = hashes.iter().position(|h| h == key.text_hash)
    {
        return Some((i, Match::Content));
    }
    let gone = match file_of(key.id) {
        Some(path) => !path.exists(),
        None => key.id.starts_with("sha256:"),
    };
    if !gone || key.headline.trim().is_empty() {
        return None;
    }
    articles
        .iter()
        .position(|a| a.id.starts_with(FILE_ID_PREFIX) && a.headline == key.headline)
        .map(|i| (i, Match::Headline))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::text_hash;

    fn article(id: &str, headline: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            headline: headline.into(),
            paragraphs: vec![body.into()],
            ..Default::default()
        }
    }

    #[test]
    fn id_then_text_then_headline_of_a_file_that_is_gone() {
        let articles = [
            article("file:/nowhere/a.txt", "Rates held", "The bank held rates."),
            article("https://example.org/b", "Port reopens", "Ferries sail."),
        ];
        let hashes: Vec<String> = articles.iter().map(|a| text_hash(&a.text())).collect();
        let key = |id, hash, headline| Key {
            id,
            text_hash: hash,
            headline,
        };
        let cases: &[(Key, Option<(usize, Match)>)] = &[
            (
                key("https://example.org/b", "x", "Other"),
                Some((1, Match::Id)),
            ),
            (
                key("file:/elsewhere/old.txt", &hashes[0], "Other"),
                Some((0, Match::Content)),
            ),
            (
                key("sha256:0011223344556677", &hashes[1], ""),
                Some((1, Match::Content)),
            ),
            (
                key("file:/gone/old-name.txt", "x", "Rates held"),
                Some((0, Match::Headline)),
            ),
            (
                key("sha256:0011223344556677", "x", "Rates held"),
                Some((0, Match::Headline)),
            ),
            // the headline of an article that is not a file, or no headline, is no key
            (key("file:/gone/old-name.txt", "x", "Port reopens"), None),
            (key("file:/gone/old-name.txt", "x", ""), None),
            (key("https://example.org/gone", "x", "Rates held"), None),
        ];
        for (k, want) in cases {
            assert_eq!(find(k, &articles, &hashes), *want, "{k:?}");
        }
        // a file that still exists is another article, even with the same headline
        let here = std::env::current_dir().expect("cwd");
        let id = format!("file:{}", here.join("Cargo.toml").display());
        assert_eq!(find(&key(&id, "x", "Rates held"), &articles, &hashes), None);
    }

    #[test]
    fn file_ids_are_canonical_paths() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "x").expect("write");
        let id = file_id(&dir.path().join(".").join("a.txt"));
        assert_eq!(
            file_of(&id),
            Some(std::fs::canonicalize(&path).expect("real").as_path())
        );
    }
}
