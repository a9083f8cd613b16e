//! Web pages to articles. In order of trust: the page's own schema.org
//! `NewsArticle` JSON-LD (read by the JSON loader, [`super::json`]), then
//! its meta tags (`og:*`, `article:published_time`, `author`), then the
//! markup: `<title>`/`<h1>`, `<html lang>`, and the main content found by
//! [`readable::extract`]. A corrections contact (`publishingPrinciples`,
//! `correctionsPolicy`, or a link about reporting an error, `mailto:` or
//! not) becomes the article's feedback endpoint. Everything ends in
//! [`Article::finish`], the sanitiser.

pub mod readable;
pub mod text;

use crate::article::{Article, Feedback};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::sync::LazyLock;
use url::Url;

/// Where the body of a page's article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodySource {
    JsonLd,
    Markup,
}

/// A page read as an article.
#[derive(Debug, Clone)]
pub struct Page {
    pub article: Article,
    pub body_source: BodySource,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

static LD_JSON: LazyLock<Selector> = LazyLock::new(|| sel("script[type='application/ld+json']"));
static META: LazyLock<Selector> = LazyLock::new(|| sel("meta[content]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static HTML: LazyLock<Selector> = LazyLock::new(|| sel("html[lang]"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel='canonical'][href]"));
static LINKS: LazyLock<Selector> = LazyLock::new(|| sel("a[href]"));
static ALTERNATE: LazyLock<Selector> = LazyLock::new(|| sel("link[rel~='alternate'][href][type]"));

/// Read a page fetched from `url` (used for the id and to resolve links).
pub fn parse_page(url: &str, html: &str) -> Page {
    let doc = Html::parse_document(html);
    let ld = json_ld(&doc);
    let meta = |names: &[&str]| meta_content(&doc, names);
    let ld_article = ld.as_ref().map(|(a, _)| a.clone()).unwrap_or_default();
    let (paragraphs, body_source) = if ld_article.paragraphs.is_empty() {
        (readable::extract(&doc), BodySource::Markup)
    } else {
        (ld_article.paragraphs.clone(), BodySource::JsonLd)
    };
    let headline = Some(ld_article.headline.clone())
        .filter(|h| !h.trim().is_empty())
        .or_else(|| meta(&["og:title", "twitter:title"]))
        .or_else(|| first_text(&doc, &H1))
        .or_else(|| first_text(&doc, &TITLE))
        .unwrap_or_default();
    let authors = if ld_article.authors.is_empty() {
        meta(&["author", "article:author"])
            .into_iter()
            .filter(|a| !a.starts_with("http"))
            .collect()
    } else {
        ld_article.authors.clone()
    };
    let canonical = doc
        .select(&CANONICAL)
        .next()
        .and_then(|l| l.value().attr("href"))
        .map(str::to_string)
        .or_else(|| meta(&["og:url"]))
        .and_then(|u| resolve(url, &u));
    let language = Some(ld_article.in_language.clone())
        .filter(|l| !l.is_empty() && !ld_article.language_detected)
        .or_else(|| {
            doc.select(&HTML)
                .next()
                .and_then(|h| h.value().attr("lang"))
                .map(str::to_string)
        })
        .or_else(|| meta(&["og:locale"]).map(|l| l.replace('_', "-")))
        .unwrap_or_default();
    let endpoint = ld
        .as_ref()
        .and_then(|(_, raw)| corrections_in_json(raw))
        .and_then(|u| resolve(url, &u))
        .or_else(|| corrections_link(&doc, url));
    let article = Article {
        id: String::new(),
        headline,
        authors,
        editors: ld_article.editors.clone(),
        date_published: ld_article.date_published.clone().or_else(|| {
            meta(&[
                "article:published_time",
                "og:article:published_time",
                "date",
                "dc.date",
            ])
        }),
        in_language: language,
        url: canonical.or_else(|| Some(url.to_string())),
        publisher: ld_article
            .publisher
            .clone()
            .or_else(|| meta(&["og:site_name"])),
        paragraphs,
        feedback: endpoint.map(|e| Feedback {
            prompt: ld_article
                .feedback
                .as_ref()
                .map(|f| f.prompt.clone())
                .unwrap_or_else(|| "Report an error".into()),
            promise: None,
            endpoint: Some(e),
        }),
        ..Default::default()
    }
    .finish();
    Page {
        article,
        body_source,
    }
}

/// The feeds a page names with `<link rel="alternate" type="application/rss+xml" href=...>`
/// (RSS, Atom, JSON Feed), resolved against `url`.
pub fn feed_links(url: &str, html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    doc.select(&ALTERNATE)
        .filter(|l| {
            let t = l.value().attr("type").unwrap_or("").to_ascii_lowercase();
            t.contains("rss") || t.contains("atom") || t.contains("feed+json") || t.contains("rdf")
        })
        .filter_map(|l| resolve(url, l.value().attr("href")?))
        .collect()
}

/// `href` against the page's URL; only http(s) and mailto are kept.
fn resolve(base: &str, href: &str) -> Option<String> {
    let joined = match Url::parse(base) {
        Ok(b) => b.join(href.trim()).ok()?,
        Err(_) => Url::parse(href.trim()).ok()?,
    };
    matches!(joined.scheme(), "http" | "https" | "mailto").then(|| joined.to_string())
}

fn first_text(doc: &Html, s: &Selector) -> Option<String> {
    doc.select(s).map(text::inline_text).find(|t| !t.is_empty())
}

fn meta_content(doc: &Html, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        doc.select(&META).find_map(|m| {
            let v = m.value();
            let key = v.attr("property").or(v.attr("name"))?;
            key.eq_ignore_ascii_case(name)
                .then(|| text::collapse(v.attr("content").unwrap_or("")))
                .filter(|c| !c.is_empty())
        })
    })
}

/// The first JSON-LD block that the JSON loader reads as an article, with its raw value.
fn json_ld(doc: &Html) -> Option<(Article, Value)> {
    doc.select(&LD_JSON).find_map(|script| {
        let raw: String = script.text().collect();
        let parsed = super::json::parse_document(&raw);
        let article = parsed.articles.into_iter().next()?;
        Some((article, serde_json::from_str(&raw).ok()?))
    })
}

/// `correctionsPolicy`, then `publishingPrinciples`, anywhere in the JSON-LD
/// (on the article or its publisher), as a string or an object's `url`/`@id`.
fn corrections_in_json(value: &Value) -> Option<String> {
    ["correctionsPolicy", "publishingPrinciples"]
        .iter()
        .find_map(|key| find_key(value, key, 0))
}

fn find_key(value: &Value, key: &str, depth: usize) -> Option<String> {
    if depth > 8 {
        return None;
    }
    match value {
        Value::Object(map) => {
            if let Some(v) = map.get(key) {
                let found = match v {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(o) => ["url", "@id"]
                        .iter()
                        .find_map(|k| o.get(*k).and_then(Value::as_str).map(str::to_string)),
                    _ => None,
                };
                if found.is_some() {
                    return found;
                }
            }
            map.values().find_map(|v| find_key(v, key, depth + 1))
        }
        Value::Array(items) => items.iter().find_map(|v| find_key(v, key, depth + 1)),
        _ => None,
    }
}

/// Words of a link's text or address that say it is for reporting errors.
const CORRECTION_WORDS: &[&str] = &[
    "correction",
    "corrections",
    "erreur",
    "error",
    "errata",
    "rectificatif",
    "signaler",
    "report an error",
    "inexactitude",
];

/// A link whose text or address is about corrections; a `mailto:` wins.
fn corrections_link(doc: &Html, base: &str) -> Option<String> {
    let mut found: Vec<(bool, String)> = doc
        .select(&LINKS)
        .filter(|a| {
            let label = format!(
                "{} {}",
                text::inline_text(*a),
                a.value().attr("href").unwrap_or("")
            )
            .to_lowercase();
            CORRECTION_WORDS.iter().any(|w| label.contains(w))
        })
        .filter_map(|a: ElementRef<'_>| resolve(base, a.value().attr("href")?))
        .map(|u| (u.starts_with("mailto:"), u))
        .collect();
    found.sort_by_key(|(mail, _)| !mail);
    found.into_iter().next().map(|(_, u)| u)
}
