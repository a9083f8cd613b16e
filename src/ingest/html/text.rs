//! HTML to paragraphs of plain text, on a parsed DOM (`scraper`, that is
//! html5ever): every entity decoded, white space collapsed, a paragraph
//! ended by every block element, scripts, styles, forms and embedded
//! objects dropped. The walk is iterative, so deep nesting cannot
//! overflow the stack.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

/// Elements whose end (and start) ends a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "table",
    "tr",
    "td",
    "th",
    "hr",
    "address",
    "details",
    "summary",
];

/// Elements whose content is never text to read.
pub const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "form", "button", "select", "textarea", "input", "head", "title", "video", "audio",
    "picture", "source", "map",
];

/// Paragraphs of an HTML fragment (a feed summary, `content:encoded`).
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    let doc = Html::parse_fragment(html);
    element_paragraphs(doc.root_element())
}

/// Paragraphs of the text inside `el`.
pub fn element_paragraphs(el: ElementRef<'_>) -> Vec<String> {
    let mut out = Paragraphs::default();
    let mut skip_depth = 0usize;
    for edge in el.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if skip_depth > 0 || SKIPPED.contains(&name) {
                        skip_depth += 1;
                    } else if BLOCKS.contains(&name) {
                        out.flush();
                    }
                }
                Node::Text(t) if skip_depth == 0 => out.push(&t.text),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else if BLOCKS.contains(&e.name()) {
                        out.flush();
                    }
                }
            }
        }
    }
    out.flush();
    out.done
}

/// The text of `el` on one line, white space collapsed (for titles, bylines).
pub fn inline_text(el: ElementRef<'_>) -> String {
    collapse(&el.text().collect::<String>())
}

/// Runs of white space (any, including no-break spaces) as one space, trimmed.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[derive(Default)]
struct Paragraphs {
    current: String,
    done: Vec<String>,
}

impl Paragraphs {
    fn push(&mut self, text: &str) {
        self.current.push_str(text);
    }

    fn flush(&mut self) {
        let p = collapse(&self.current);
        self.current.clear();
        if !p.is_empty() {
            self.done.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_entities_and_skipped_content() {
        let cases: &[(&str, &[&str])] = &[
            ("<p>Un</p><p>Deux &amp; trois</p>", &["Un", "Deux & trois"]),
            (
                "Texte <b>gras</b> et <i>italique</i>",
                &["Texte gras et italique"],
            ),
            (
                "<p>caf&eacute; &hellip; &#8217;&#x2014;</p>",
                &["café … ’—"],
            ),
            ("<p>a<br>b</p>", &["a", "b"]),
            (
                "<p>x<script>alert(1)</script>y</p><style>p{}</style>",
                &["xy"],
            ),
            ("<ul><li>one</li><li>two</li></ul>", &["one", "two"]),
            ("  \n ", &[]),
            (
                "<p>  many   \n spaces\u{a0}here </p>",
                &["many spaces here"],
            ),
            (
                "<div><p>nested <span>deep</span></p>tail</div>",
                &["nested deep", "tail"],
            ),
            ("not html at all", &["not html at all"]),
        ];
        for (html, want) in cases {
            assert_eq!(fragment_paragraphs(html), *want, "{html}");
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
        assert_eq!(fragment_paragraphs(&html), vec!["deep".to_string()]);
    }
}
