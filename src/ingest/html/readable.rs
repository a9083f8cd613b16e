//! Readability-style main-content extraction on a parsed page: paragraphs
//! score their container (length, commas), containers named like
//! navigation, cookie banners, sharing, comments or related links (by tag,
//! `role`, `class` or `id`) are left out, the best-scoring container is the
//! article, and its paragraphs with few links are kept in document order.

use super::text::collapse;
use ego_tree::NodeId;
use scraper::{ElementRef, Html, Selector};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Tags that are never the article.
const JUNK_TAGS: &[&str] = &["nav", "aside", "footer", "header", "form", "menu", "dialog"];

/// `role` values that are never the article.
const JUNK_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "menu",
    "search",
];

/// Words of a `class` or `id` (split at `-`, `_`, spaces, case folded) that
/// mark boilerplate. A word matches when it starts with one of these.
const JUNK_WORDS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "header",
    "masthead",
    "cookie",
    "consent",
    "gdpr",
    "banner",
    "share",
    "sharing",
    "social",
    "comment",
    "disqus",
    "reply",
    "related",
    "recommend",
    "more",
    "sidebar",
    "widget",
    "promo",
    "advert",
    "sponsor",
    "newsletter",
    "subscribe",
    "signup",
    "breadcrumb",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "toolbar",
    "pagination",
    "tags",
    "byline",
    "dateline",
    "caption",
    "skip",
];

/// Exact words that mark boilerplate (too short to match as prefixes).
const JUNK_EXACT: &[&str] = &["ad", "ads", "pub", "rss", "print", "login"];

/// Words that mark the article.
const GOOD_WORDS: &[&str] = &[
    "article", "story", "content", "entry", "post", "body", "text", "main", "chapo", "corps",
];

static PARAS: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("p, pre, blockquote, h2, h3").expect("valid selector"));

/// The article's paragraphs, empty when nothing looks like one.
pub fn extract(doc: &Html) -> Vec<String> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for p in doc.select(&PARAS) {
        if p.value().name() != "p" || is_junk_within(p, None) {
            continue;
        }
        let text = collapse(&p.text().collect::<String>());
        let chars = text.chars().count();
        if chars < 25 {
            continue;
        }
        let score =
            1.0 + text.matches([',', '،', '、']).count() as f64 + (chars as f64 / 100.0).min(3.0);
        let mut ancestors = p.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = ancestors.next() {
            *scores.entry(parent.id()).or_default() += score;
            if let Some(grand) = ancestors.next() {
                *scores.entry(grand.id()).or_default() += score / 2.0;
            }
        }
    }
    let weighted = |el: ElementRef<'_>| {
        scores
            .get(&el.id())
            .map(|s| s * (1.0 - link_density(el)) + class_weight(el))
    };
    let best = scores
        .keys()
        .filter_map(|&id| ElementRef::wrap(doc.tree.get(id)?))
        .filter_map(|el| Some((el, weighted(el)?)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.id().cmp(&a.0.id())));
    let Some((mut top, mut top_score)) = best else {
        return Vec::new();
    };
    // A lead paragraph or a quote often sits beside the body's container:
    // climb while the parent scores nearly as well.
    while let Some(parent) = top.parent().and_then(ElementRef::wrap) {
        match weighted(parent) {
            Some(s) if s >= 0.75 * top_score => {
                top = parent;
                top_score = s;
            }
            _ => break,
        }
    }
    paragraphs_in(top)
}

/// The kept paragraphs under `top`, in document order.
fn paragraphs_in(top: ElementRef<'_>) -> Vec<String> {
    let mut out = Vec::new();
    for p in top.select(&PARAS) {
        // A blockquote holding paragraphs gives them one by one.
        if p.value().name() == "blockquote" && p.select(&PARAS).nth(1).is_some() {
            continue;
        }
        if is_junk_within(p, Some(top)) || link_density(p) > 0.5 {
            continue;
        }
        let text = collapse(&p.text().collect::<String>());
        if !text.is_empty() {
            out.push(text);
        }
    }
    out
}

/// True when `el` or an ancestor (up to, not including, `stop`) is boilerplate.
fn is_junk_within(el: ElementRef<'_>, stop: Option<ElementRef<'_>>) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .take_while(|a| stop.is_none_or(|s| s.id() != a.id()))
        .any(is_junk)
}

fn is_junk(el: ElementRef<'_>) -> bool {
    let v = el.value();
    if JUNK_TAGS.contains(&v.name()) {
        return true;
    }
    if v.attr("role")
        .is_some_and(|r| JUNK_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    // Page-wide classes ("comments-open" on <body>) say nothing of the element.
    if matches!(v.name(), "html" | "body" | "article" | "main") {
        return false;
    }
    name_words(el)
        .iter()
        .any(|w| JUNK_EXACT.contains(&w.as_str()) || JUNK_WORDS.iter().any(|j| w.starts_with(j)))
}

/// The words of an element's `class` and `id`, lower case.
fn name_words(el: ElementRef<'_>) -> Vec<String> {
    let v = el.value();
    v.attr("class")
        .into_iter()
        .chain(v.attr("id"))
        .flat_map(|s| s.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn class_weight(el: ElementRef<'_>) -> f64 {
    let words = name_words(el);
    let mut w = 0.0;
    if words
        .iter()
        .any(|w| GOOD_WORDS.iter().any(|g| w.starts_with(g)))
    {
        w += 25.0;
    }
    if matches!(el.value().name(), "article" | "main") {
        w += 25.0;
    }
    w
}

/// Share of the element's text that is inside links.
fn link_density(el: ElementRef<'_>) -> f64 {
    static LINKS: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("a").expect("valid selector"));
    let total: usize = el.text().map(|t| t.trim().chars().count()).sum();
    if total == 0 {
        return 0.0;
    }
    let linked: usize = el
        .select(&LINKS)
        .flat_map(|a| a.text())
        .map(|t| t.trim().chars().count())
        .sum();
    linked as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn junk(html: &str) -> bool {
        let doc = Html::parse_fragment(html);
        let el = doc
            .root_element()
            .first_child()
            .and_then(ElementRef::wrap)
            .unwrap();
        is_junk(el)
    }

    #[test]
    fn boilerplate_names() {
        for yes in [
            "<nav>x</nav>",
            "<div class='cookie-banner'>x</div>",
            "<div id='comments'>x</div>",
            "<div class='share-buttons'>x</div>",
            "<section class='related_articles'>x</section>",
            "<div role='navigation'>x</div>",
            "<div class='ad'>x</div>",
            "<div class='article-footer'>x</div>",
        ] {
            assert!(junk(yes), "{yes}");
        }
        for no in [
            "<div class='article-body'>x</div>",
            "<div id='main-content'>x</div>",
            "<article class='comments-open'>x</article>",
            "<div class='shadow'>x</div>",
            "<div class='leading'>x</div>",
        ] {
            assert!(!junk(no), "{no}");
        }
    }
}
