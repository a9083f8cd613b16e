//! Notes by e-mail, for publishers who take corrections that way: an
//! RFC 6068 `mailto:` link and an RFC 5322 message (`.eml`) for any mail
//! client. lede never sends mail itself; a note is marked "sent by mail (not
//! confirmed)" only when the user says so (`lede notes mark-sent`).

use super::model::Note;
use super::submit::percent_encode;
use crate::article::sanitize::clean_inline;

/// A single `local@domain` address with nothing that could smuggle another
/// header, recipient or query into a link or a message.
pub fn is_plain_address(a: &str) -> bool {
    let Some((local, domain)) = a.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && a.len() <= 254
        && a.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '+' | '@'))
        && a.matches('@').count() == 1
}

/// The address a note about this article is mailed to, when the publisher gave one.
pub fn address_of(note: &Note) -> Option<String> {
    super::destination::publisher_address(&note.article)
}

/// The message body: the fields in the order newsrooms ask for them.
pub fn body(note: &Note) -> String {
    let a = &note.article;
    let mut body = String::new();
    body.push_str(&format!("Article: {}\n", clean_inline(&a.headline)));
    if let Some(d) = &a.date_published {
        body.push_str(&format!("Published: {}\n", clean_inline(d)));
    }
    body.push_str(&format!("Link: {}\n", clean_inline(&a.source())));
    body.push_str(&format!(
        "Passage: \"{}\"\n",
        clean_inline(&note.target.exact)
    ));
    body.push_str(&format!(
        "Concern ({}, {}): {}\n",
        note.category.tag(),
        note.severity.tag(),
        note.comment
    ));
    if let Some(s) = &note.suggestion {
        body.push_str(&format!("Suggested correction: {s}\n"));
    }
    if let Some(n) = &note.reporter.name {
        body.push_str(&format!("Name: {}\n", clean_inline(n)));
    }
    if let Some(e) = note
        .reporter
        .email
        .as_ref()
        .filter(|_| note.reporter.consent)
    {
        body.push_str(&format!("E-mail: {}\n", clean_inline(e)));
    }
    body.push_str(&format!("Note id: {}\n", note.id));
    body
}

/// "Correction: <headline>", on one line.
pub fn subject(note: &Note) -> String {
    format!("Correction: {}", clean_inline(&note.article.headline))
}

/// An RFC 6068 `mailto:` link: the address (when known), `subject` and
/// `body` percent-encoded as UTF-8, line breaks as `%0D%0A`.
pub fn mailto_link(note: &Note, to: Option<&str>) -> String {
    let to = to
        .map(|t| t.trim().trim_start_matches("mailto:"))
        .filter(|t| is_plain_address(t))
        .unwrap_or("");
    let body = body(note).replace("\r\n", "\n").replace('\n', "\r\n");
    format!(
        "mailto:{}?subject={}&body={}",
        percent_encode(to, true),
        percent_encode(&subject(note), false),
        percent_encode(&body, false)
    )
}

/// An RFC 2047 header value: as is when printable ASCII, else `Q`-encoded
/// UTF-8 words of at most 75 characters, folded.
pub fn encode_header(value: &str) -> String {
    if value.chars().all(|c| (' '..='~').contains(&c)) {
        return value.to_string();
    }
    let mut words = Vec::new();
    let mut word = String::new();
    for c in value.chars() {
        let mut enc = String::new();
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            match b {
                b' ' => enc.push('_'),
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'!' | b'*' | b'+' | b'-' | b'/' => {
                    enc.push(b as char)
                }
                _ => enc.push_str(&format!("={b:02X}")),
            }
        }
        // "=?UTF-8?Q?" + word + "?=" stays within 75 characters.
        if word.len() + enc.len() > 75 - 12 {
            words.push(std::mem::take(&mut word));
        }
        word.push_str(&enc);
    }
    words.push(word);
    words
        .iter()
        .map(|w| format!("=?UTF-8?Q?{w}?="))
        .collect::<Vec<_>>()
        .join("\r\n ")
}

/// Quoted-printable (RFC 2045) body, lines of at most 76 characters, CRLF.
pub fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    for line in text.replace("\r\n", "\n").split('\n') {
        let mut col = 0;
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let last = i + 1 == bytes.len();
            let enc = match b {
                b'=' => "=3D".to_string(),
                b' ' | b'\t' if last => format!("={b:02X}"),
                33..=126 | b' ' | b'\t' => (b as char).to_string(),
                _ => format!("={b:02X}"),
            };
            if col + enc.len() > 75 {
                out.push_str("=\r\n");
                col = 0;
            }
            col += enc.len();
            out.push_str(&enc);
        }
        out.push_str("\r\n");
    }
    // The split gives one empty line after a final newline.
    if text.ends_with('\n') {
        out.truncate(out.len() - 2);
    }
    out
}

/// The RFC 5322 message for a note: `To` (when known), `Subject`
/// "Correction: <headline>", a body quoting the passage, the correction, the
/// article URL and the note id. `X-Unsent: 1` makes mail clients open it as a draft.
pub fn eml(note: &Note, to: Option<&str>) -> String {
    let mut m = String::new();
    if let Some(to) = to.filter(|t| is_plain_address(t)) {
        m.push_str(&format!("To: {to}\r\n"));
    }
    if let Some(from) = note
        .reporter
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| is_plain_address(e))
    {
        m.push_str(&format!("From: {from}\r\n"));
    }
    m.push_str(&format!("Subject: {}\r\n", encode_header(&subject(note))));
    let date = jiff::fmt::rfc2822::to_string(
        &jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC),
    )
    .unwrap_or_default();
    if !date.is_empty() {
        m.push_str(&format!("Date: {date}\r\n"));
    }
    m.push_str(&format!("Message-ID: <{}@lede.invalid>\r\n", note.id));
    m.push_str(&format!("X-Lede-Note: {}\r\n", note.id));
    m.push_str("X-Unsent: 1\r\n");
    m.push_str("MIME-Version: 1.0\r\n");
    m.push_str("Content-Type: text/plain; charset=utf-8\r\n");
    m.push_str("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
    m.push_str(&quoted_printable(&body(note)));
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_addresses_only() {
        for (a, ok) in [
            ("corrections@example.org", true),
            ("a.b+c@news.example.fr", true),
            ("x@y", false),
            ("a@b.org?cc=evil@x.org", false),
            ("a@b.org\r\nBcc: evil@x.org", false),
            ("a,b@c.org", false),
            ("a@b@c.org", false),
            ("", false),
        ] {
            assert_eq!(is_plain_address(a), ok, "{a:?}");
        }
    }

    #[test]
    fn header_encoding() {
        assert_eq!(encode_header("Correction: Budget"), "Correction: Budget");
        assert_eq!(encode_header("é"), "=?UTF-8?Q?=C3=A9?=");
        let long = encode_header(&"Le président malien à Moscou ".repeat(4));
        for word in long.split("\r\n ") {
            assert!(word.len() <= 75 && word.starts_with("=?UTF-8?Q?"), "{word}");
        }
    }

    #[test]
    fn quoted_printable_lines() {
        assert_eq!(quoted_printable("a=b é\n"), "a=3Db =C3=A9\r\n");
        assert_eq!(quoted_printable("fin \n"), "fin=20\r\n");
        let long = quoted_printable(&"x".repeat(200));
        assert!(long.split("\r\n").all(|l| l.len() <= 76), "{long}");
    }
}
