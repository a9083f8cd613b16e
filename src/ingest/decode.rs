//! Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with a
//! byte-order mark, and invalid UTF-8 decoded lossily. Also finds the raw
//! control characters and escape sequences that loading removes, so that the
//! reader can be warned.

use crate::article::sanitize;

/// Text decoded from a file, with what had to be repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Human-readable notes on repairs, each with the 1-based line it concerns.
    pub repairs: Vec<(Option<usize>, String)>,
}

/// Decode raw bytes. Never fails: what cannot be decoded becomes U+FFFD and a
/// repair note says where the first bad byte was.
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut repairs = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        utf8(rest, &mut repairs)
    } else if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        utf16(rest, u16::from_le_bytes, "UTF-16LE", &mut repairs)
    } else if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        utf16(rest, u16::from_be_bytes, "UTF-16BE", &mut repairs)
    } else {
        utf8(bytes, &mut repairs)
    };
    Decoded { text, repairs }
}

fn utf8(bytes: &[u8], repairs: &mut Vec<(Option<usize>, String)>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let bad = bytes
                .iter()
                .skip(at)
                .take(e.error_len().unwrap_or(1).max(1));
            let shown: Vec<String> = bad.map(|b| format!("0x{b:02x}")).collect();
            repairs.push((
                Some(line),
                format!(
                    "invalid UTF-8 (first bad byte {} at byte offset {at}); decoded with U+FFFD replacement characters",
                    shown.join(" ")
                ),
            ));
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

fn utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    name: &str,
    repairs: &mut Vec<(Option<usize>, String)>,
) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut first_bad: Option<usize> = None;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => out.push(c),
            Err(_) => {
                if first_bad.is_none() {
                    first_bad = Some(out.matches('\n').count() + 1);
                }
                out.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    if let Some(line) = first_bad {
        repairs.push((
            Some(line),
            format!(
                "invalid {name} (unpaired surrogate); decoded with U+FFFD replacement characters"
            ),
        ));
    }
    if bytes.len() % 2 == 1 {
        let line = out.matches('\n').count() + 1;
        repairs.push((
            Some(line),
            format!("{name} text ends with an odd byte; it was dropped"),
        ));
    }
    out
}

/// Share of characters in a decoded file above which it is not text but
/// binary data (an image, an archive, an executable): one in five.
pub const BINARY_SHARE: f64 = 0.2;

/// When `text` (as decoded) is mostly replacement characters and control
/// characters, the share of them (0 to 1), else `None`. Tab, line feed,
/// carriage return and form feed are text; a few bad bytes in a real text
/// are repaired (and warned about), not refused.
pub fn binary_share(text: &str) -> Option<f64> {
    let (mut total, mut bad) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
        if control || c == char::REPLACEMENT_CHARACTER {
            bad += 1;
        }
    }
    let share = bad as f64 / total.max(1) as f64;
    (total > 0 && share > BINARY_SHARE).then_some(share)
}

/// The 1-based line of the first control character or escape sequence that
/// sanitising removes (carriage returns do not count), or `None` when the text
/// is clean.
pub fn first_unclean_line(text: &str) -> Option<usize> {
    text.split('\n')
        .position(|line| !sanitize::is_clean(line.strip_suffix('\r').unwrap_or(line)))
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_encoding() {
        let cases: &[(&[u8], &str, usize)] = &[
            (b"plain", "plain", 0),
            (b"\xef\xbb\xbfbom \xc3\xa9", "bom é", 0),
            (b"\xff\xfeh\x00\xe9\x00", "hé", 0),
            (b"\xfe\xff\x00h\x00\xe9", "hé", 0),
            (b"ok\nbad \xff here", "ok\nbad \u{fffd} here", 1),
            (b"\xff\xfeh\x00\x00", "h", 1),
        ];
        for (bytes, want, n) in cases {
            let d = decode(bytes);
            assert_eq!(d.text, *want, "{bytes:?}");
            assert_eq!(d.repairs.len(), *n, "{bytes:?}: {:?}", d.repairs);
        }
        let d = decode(b"ok\nline two\n\xc3(");
        assert_eq!(d.repairs[0].0, Some(3));
    }

    #[test]
    fn binary_is_told_from_text_with_a_few_bad_bytes() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x08\x06\x00\x00\x00\\\x72\xa8f\x00\x00\x00\x04sBIT\x08\x08\x08\x08|\x08d\x88";
        let cases: &[(&[u8], bool)] = &[
            (png, true),
            (&[0u8; 64], true),
            (&[0xffu8; 64], true),
            (
                b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00",
                true,
            ),
            (
                b"Caf\xe9 cr\xe8me: un texte en Latin-1, lisible pour l'essentiel.",
                false,
            ),
            (
                b"Headline\n\nA body with one NUL\x00 and one \x1b[2J escape.",
                false,
            ),
            (b"Titre\tavec tabulation\r\n\x0cpage suivante", false),
            ("Сергей 日本 é".as_bytes(), false),
        ];
        for (bytes, binary) in cases {
            let text = decode(bytes).text;
            assert_eq!(binary_share(&text).is_some(), *binary, "{bytes:?}");
        }
    }

    #[test]
    fn finds_unclean_lines() {
        assert_eq!(first_unclean_line("a\r\nb\r\n"), None);
        assert_eq!(first_unclean_line("a\nb\u{1b}[2J\n"), Some(2));
        assert_eq!(first_unclean_line("a\nb\nover\rwrite"), Some(3));
        assert_eq!(first_unclean_line("x\u{202e}y"), Some(1));
    }
}
