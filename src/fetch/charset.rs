//! Bytes from the network to text: the byte-order mark, then the
//! `Content-Type` charset, then the document's own declaration (the XML
//! declaration's `encoding`, an HTML `<meta charset>` or `http-equiv`),
//! else UTF-8. Legacy encodings (ISO-8859-1, Windows-1252, ...) go through
//! `encoding_rs`; bytes invalid in the chosen encoding become U+FFFD.

use encoding_rs::Encoding;

/// How far into the document a declaration is looked for.
const SNIFF_BYTES: usize = 4096;

/// The decoded text and the name of the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// True when some bytes were not valid in that encoding (replaced).
    pub had_errors: bool,
}

/// Decode `bytes`, `header_charset` being the `charset` parameter of the
/// response's `Content-Type`, if any.
pub fn decode(bytes: &[u8], header_charset: Option<&str>) -> Decoded {
    let encoding = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| header_charset.and_then(|c| Encoding::for_label(c.trim().as_bytes())))
        .or_else(|| declared(bytes))
        .unwrap_or(encoding_rs::UTF_8);
    // `decode` strips a BOM of the encoding it was given.
    let (text, used, had_errors) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: used.name(),
        had_errors,
    }
}

/// The charset parameter of a `Content-Type` value.
pub fn content_type_charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// The encoding a document names in its first bytes: the XML declaration,
/// else an HTML meta tag.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    // Declarations are ASCII: a lossy view is enough to find them.
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let label = if head.trim_start().starts_with("<?xml") {
        let decl_end = head.find("?>")?;
        attribute(&head[..decl_end], "encoding")
    } else {
        meta_charset(&head)
    }?;
    // A document cannot be UTF-16 if its declaration was readable as ASCII.
    Encoding::for_label(label.as_bytes()).map(|e| e.output_encoding())
}

/// `name="value"` or `name='value'` or `name=value` inside `s`.
fn attribute(s: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = s[from..].find(name) {
        let start = from + at + name.len();
        from = start;
        let rest = s[start..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let value: String = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].chars().take_while(|&c| c != q).collect(),
            _ => rest
                .chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, '>' | '/' | ';' | '"'))
                .collect(),
        };
        if !value.is_empty() {
            return Some(value);
        }
    }
    None
}

/// `<meta charset="x">` or `<meta http-equiv="content-type" content="text/html; charset=x">`.
fn meta_charset(head: &str) -> Option<String> {
    let mut rest = head;
    while let Some(at) = rest.find("<meta") {
        let tag_start = &rest[at..];
        let end = tag_start.find('>').unwrap_or(tag_start.len());
        let tag = &tag_start[..end];
        if let Some(c) = attribute(tag, "charset") {
            return Some(c);
        }
        rest = &tag_start[end..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_encoding_in_order() {
        // "é" in Windows-1252 is 0xE9.
        let latin = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>caf\xe9 \x93ok\x94</a>";
        let d = decode(latin, None);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("café \u{201c}ok\u{201d}"), "{}", d.text);
        // ISO-8859-1 is read as Windows-1252, as browsers do.
        let iso = b"<?xml version='1.0' encoding='ISO-8859-1'?><a>\xe9t\xe9</a>";
        assert!(decode(iso, None).text.contains("été"));
        // The header wins over the declaration.
        let d = decode(
            "<?xml encoding=\"windows-1252\"?>é".as_bytes(),
            Some("utf-8"),
        );
        assert!(d.text.ends_with('é') && !d.had_errors);
        // The BOM wins over everything.
        let d = decode(b"\xef\xbb\xbf<p>\xc3\xa9</p>", Some("windows-1252"));
        assert_eq!(d.text, "<p>é</p>");
        // Meta tags, both forms.
        let html = b"<html><head><meta charset=windows-1252><title>\xe0 la</title>";
        assert!(decode(html, None).text.contains("à la"));
        let html =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\xe7a";
        assert!(decode(html, None).text.ends_with("ça"));
        // Nothing named: UTF-8, invalid bytes replaced and reported.
        let d = decode(b"ok \xff", None);
        assert_eq!((d.encoding, d.had_errors), ("UTF-8", true));
        // An unknown label falls back to the next rule.
        assert_eq!(decode("é".as_bytes(), Some("no-such")).text, "é");
    }

    #[test]
    fn reads_content_type_charset() {
        let cases = [
            ("text/xml; charset=ISO-8859-1", Some("ISO-8859-1")),
            ("text/html;charset=\"utf-8\"", Some("utf-8")),
            ("application/rss+xml", None),
            ("text/plain; format=flowed", None),
        ];
        for (ct, want) in cases {
            assert_eq!(content_type_charset(ct).as_deref(), want, "{ct}");
        }
    }
}
