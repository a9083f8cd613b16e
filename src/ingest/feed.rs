//! Feeds to articles: RSS 0.9x, 1.0 (RDF) and 2.0, Atom and JSON Feed,
//! parsed by `feed-rs`. HTML in items (summaries, `content:encoded`, Atom
//! `type="html"`) becomes paragraphs of plain text; every field then goes
//! through [`Article::finish`], that is the sanitiser.
//!
//! A document that declares XML entities (`<!ENTITY`) is refused before
//! parsing: that is how entity-expansion bombs are built, and no real feed
//! needs them.

use super::html::text::{collapse, fragment_paragraphs};
use super::markup::looks_like_html;
use crate::article::{self, Article};
use crate::fetch::charset;

/// One item of a feed, as an article, with the keys it is deduplicated by.
#[derive(Debug, Clone)]
pub struct FeedItem {
    pub article: Article,
    /// The item's own id (RSS `guid`, Atom `id`, JSON Feed `id`), when it has one.
    pub guid: Option<String>,
    /// [`article::content_id`] of the item's text.
    pub content_hash: String,
}

/// A parsed feed.
#[derive(Debug, Clone, Default)]
pub struct ParsedFeed {
    pub title: Option<String>,
    /// The site the feed belongs to (its `alternate` link).
    pub site_url: Option<String>,
    pub items: Vec<FeedItem>,
}

/// A feed that could not be read, naming it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("feed {feed}: {message}")]
pub struct FeedError {
    /// The feed's URL or name, control characters escaped.
    pub feed: String,
    pub message: String,
}

/// Decode (see [`charset::decode`]) and parse a feed's bytes. `name` names
/// the feed in errors (its URL); `header_charset` is the `Content-Type`
/// charset, if any.
pub fn parse_bytes(
    name: &str,
    bytes: &[u8],
    header_charset: Option<&str>,
) -> Result<ParsedFeed, FeedError> {
    let decoded = charset::decode(bytes, header_charset);
    parse(name, &decoded.text)
}

/// Parse a feed already decoded to text.
pub fn parse(name: &str, text: &str) -> Result<ParsedFeed, FeedError> {
    let err = |message: String| FeedError {
        feed: article::sanitize::escape_controls(name),
        message,
    };
    if text.trim().is_empty() {
        return Err(err("empty document, not a feed".into()));
    }
    if declares_entities(text) {
        return Err(err(
            "the document declares XML entities (<!ENTITY>); refused, as entity expansion can exhaust memory"
                .into(),
        ));
    }
    let text = utf8_declaration(text);
    let parser = feed_rs::parser::Builder::new()
        .base_uri(Some(name))
        // An item without an id gets none: lede falls back to its URL, then its text.
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = parser
        .parse(text.as_bytes())
        .map_err(|e| err(format!("not a valid feed: {}", describe(&e))))?;
    // The feed's own fields are not in an article: cleaned here.
    let clean = article::sanitize::clean_inline;
    let title = feed
        .title
        .as_ref()
        .map(|t| clean(&plain_inline(&t.content)));
    let site_url = alternate_link(&feed.links).map(|u| clean(&u));
    let language = feed.language.clone().unwrap_or_default();
    let items = feed
        .entries
        .into_iter()
        .map(|entry| item(entry, name, title.as_deref(), &language))
        .collect();
    Ok(ParsedFeed {
        title: title.filter(|t| !t.is_empty()),
        site_url,
        items,
    })
}

fn describe(e: &feed_rs::parser::ParseFeedError) -> String {
    article::sanitize::escape_controls(&e.to_string())
}

/// True when the prolog (before the root element) holds an entity declaration.
fn declares_entities(text: &str) -> bool {
    let Some(doctype) = find_ascii_ci(text, "<!doctype") else {
        return false;
    };
    find_ascii_ci(&text[doctype..], "<!entity").is_some()
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The text is UTF-8 now: an XML declaration naming another encoding
/// would make the parser decode it again.
fn utf8_declaration(text: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = text.trim_start_matches('\u{feff}');
    if !trimmed.starts_with("<?xml") {
        return trimmed.into();
    }
    let Some(end) = trimmed.find("?>") else {
        return trimmed.into();
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>{}",
        &trimmed[end + 2..]
    )
    .into()
}

fn alternate_link(links: &[feed_rs::model::Link]) -> Option<String> {
    links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .map(|l| l.href.clone())
}

/// A title or name: tags dropped, entities decoded, on one line.
fn plain_inline(s: &str) -> String {
    if looks_like_html(s) || s.contains('&') {
        collapse(&fragment_paragraphs(s).join(" "))
    } else {
        collapse(s)
    }
}

/// A body: HTML as paragraphs, plain text split at blank lines.
fn body_paragraphs(s: &str, is_html: bool) -> Vec<String> {
    if is_html || looks_like_html(s) {
        fragment_paragraphs(s)
    } else {
        s.split("\n\n")
            .map(collapse)
            .filter(|p| !p.is_empty())
            .collect()
    }
}

fn item(
    entry: feed_rs::model::Entry,
    feed_url: &str,
    publisher: Option<&str>,
    language: &str,
) -> FeedItem {
    let url = alternate_link(&entry.links);
    let guid = Some(entry.id.trim().to_string()).filter(|g| !g.is_empty());
    let (body, is_html) = match (&entry.content, &entry.summary) {
        (Some(c), _) if c.body.as_deref().is_some_and(|b| !b.trim().is_empty()) => (
            c.body.clone().unwrap_or_default(),
            c.content_type.subty().as_str().contains("html"),
        ),
        (_, Some(s)) => (
            s.content.clone(),
            s.content_type.subty().as_str().contains("html"),
        ),
        _ => (String::new(), false),
    };
    let date = entry.published.or(entry.updated).map(|d| d.to_rfc3339());
    let article = Article {
        id: guid
            .as_deref()
            .map(|g| global_id(g, feed_url))
            .or_else(|| url.clone())
            .unwrap_or_default(),
        headline: entry
            .title
            .as_ref()
            .map(|t| plain_inline(&t.content))
            .unwrap_or_default(),
        authors: entry
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref().map(plain_inline))
            .collect(),
        date_published: date,
        in_language: language.to_string(),
        url,
        publisher: publisher.map(str::to_string),
        paragraphs: body_paragraphs(&body, is_html),
        ..Default::default()
    }
    .finish();
    let content_hash = article::content_id(&article.text());
    FeedItem {
        article,
        guid,
        content_hash,
    }
}

/// A guid that is an URL or URN is global; a bare one ("42") is only
/// unique within its feed, so it is qualified by the feed's URL.
fn global_id(guid: &str, feed_url: &str) -> String {
    let scheme_like = guid.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if scheme_like {
        guid.to_string()
    } else {
        format!("{feed_url}#{guid}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guid_scope() {
        assert_eq!(global_id("urn:uuid:1", "http://f/x"), "urn:uuid:1");
        assert_eq!(global_id("https://a/b", "http://f/x"), "https://a/b");
        assert_eq!(global_id("42", "http://f/x"), "http://f/x#42");
        assert_eq!(global_id("a b:c", "http://f/x"), "http://f/x#a b:c");
    }

    #[test]
    fn entity_declarations_refused() {
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;\">]><rss/>";
        let e = parse("http://x/feed", bomb).unwrap_err();
        assert!(e.to_string().starts_with("feed http://x/feed: "), "{e}");
        assert!(e.message.contains("ENTITY"));
        // A doctype without entities is fine.
        assert!(!declares_entities(
            "<!DOCTYPE rss PUBLIC \"-//Netscape//DTD RSS 0.91//EN\" \"x\"><rss>"
        ));
    }

    #[test]
    fn declaration_rewritten_to_utf8() {
        let t = utf8_declaration("<?xml version='1.0' encoding='windows-1252'?><rss/>");
        assert_eq!(t, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss/>");
        assert_eq!(utf8_declaration("<rss/>"), "<rss/>");
    }
}
