//! HTML fragments found in JSON bodies (`"content": {"rendered": "<p>...</p>"}`
//! as content systems export them) turned into plain paragraphs: block tags
//! end a paragraph, other tags are dropped, common entities are decoded.
//! This is not an HTML parser; it is enough for article bodies.

/// True when `s` looks like an HTML fragment rather than plain text.
pub fn looks_like_html(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [
        "<p>", "<p ", "</p>", "<br", "<div", "</h", "<li>", "<em>", "<strong>", "<a href",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "figure",
    "figcaption",
    "section",
    "article",
    "header",
    "footer",
    "table",
    "tr",
    "hr",
];

/// Tags whose content is never article text.
const SKIPPED_TAGS: &[&str] = &["script", "style", "noscript", "template"];

/// Plain text with a blank line wherever a block ended.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut skipping: Option<String> = None;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            out.push_str(&decode_entities(&rest[..lt]));
        }
        let after = &rest[lt + 1..];
        if !after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
            // "a < b" is text.
            if skipping.is_none() {
                out.push('<');
            }
            rest = after;
            continue;
        }
        let Some(gt) = after.find('>') else {
            // A lone '<' is text.
            if skipping.is_none() {
                out.push_str(&decode_entities(&rest[lt..]));
            }
            rest = "";
            break;
        };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(open) = &skipping {
            if closing && *open == name {
                skipping = None;
            }
            continue;
        }
        if !closing && SKIPPED_TAGS.contains(&name.as_str()) && !tag.ends_with('/') {
            skipping = Some(name);
        } else if BLOCK_TAGS.contains(&name.as_str()) {
            out.push_str("\n\n");
        }
    }
    if skipping.is_none() {
        out.push_str(&decode_entities(rest));
    }
    out
}

/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`, a few typographic
/// names, and numeric references. Unknown entities are kept as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        // Look for the `;` only as far as the longest entity name: searching
        // the whole rest for every `&` is quadratic on a run of ampersands.
        let window = &after.as_bytes()[..after.len().min(11)];
        let end = window.iter().position(|&b| b == b';');
        let decoded = end.and_then(|e| entity(&after[..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "laquo" => '«',
        "raquo" => '»',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::split_paragraphs;

    #[test]
    fn html_to_paragraphs() {
        let html = "<p>Le pr&eacute;sident a parl&#233;.</p>\n<p>Il a dit &laquo;&nbsp;non&nbsp;&raquo; &amp; <em>rien</em> d'autre.</p><script>alert(1)</script><p>Fin &unknown; a < b</p>";
        assert!(looks_like_html(html));
        assert_eq!(
            split_paragraphs(&to_text(html)),
            [
                "Le président a parlé.",
                "Il a dit «\u{a0}non\u{a0}» & rien d'autre.",
                "Fin &unknown; a < b"
            ]
        );
        assert!(!looks_like_html("Plain text with 3 < 4 in it."));
    }
}
