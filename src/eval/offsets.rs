//! Byte <-> code-point offsets for many spans of one text, built in one pass.
//!
//! [`crate::article::byte_to_char`] walks the text for every call; exports and
//! scoring convert hundreds of offsets per article, so they build an
//! [`OffsetMap`] once (one pass over the text, memory proportional to the
//! number of non-ASCII characters) and look each offset up in O(log n).
//! Both agree with `article::byte_to_char` / `article::char_to_byte`.

/// Offsets of the multi-byte characters of a text.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    len_bytes: usize,
    len_chars: usize,
    /// For each multi-byte character: its byte offset, its code-point offset,
    /// and the extra bytes (beyond one per character) up to and including it.
    wide: Vec<(usize, usize, usize)>,
}

impl OffsetMap {
    pub fn new(text: &str) -> OffsetMap {
        let mut wide = Vec::new();
        let mut extra = 0;
        let mut chars = 0;
        for (b, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((b, chars, extra));
            }
            chars += 1;
        }
        OffsetMap {
            len_bytes: text.len(),
            len_chars: chars,
            wide,
        }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Code-point offset of a byte offset (clamped to the text; an offset
    /// inside a character counts as that character's start).
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        // Multi-byte characters that start strictly before `byte`.
        let i = self.wide.partition_point(|&(b, _, _)| b < byte);
        if i == 0 {
            return byte;
        }
        let (b, c, extra) = self.wide[i - 1];
        let end = b + (extra - if i >= 2 { self.wide[i - 2].2 } else { 0 }) + 1;
        if byte < end { c } else { byte - extra }
    }

    /// Byte offset of a code-point offset, or `None` past the end of the text.
    pub fn to_byte(&self, ch: usize) -> Option<usize> {
        if ch > self.len_chars {
            return None;
        }
        // Multi-byte characters that start strictly before code point `ch`.
        let i = self.wide.partition_point(|&(_, c, _)| c < ch);
        Some(if i == 0 { ch } else { ch + self.wide[i - 1].2 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{byte_to_char, char_to_byte};

    #[test]
    fn agrees_with_the_article_functions() {
        for text in [
            "",
            "plain ascii",
            "Édité par : Татьяна Гуринович",
            "日本 é x\u{301} 🇫🇷 z",
            "ééé",
        ] {
            let map = OffsetMap::new(text);
            assert_eq!(map.len_chars(), text.chars().count());
            for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let c = byte_to_char(text, b);
                assert_eq!(map.to_char(b), c, "{text:?} byte {b}");
                assert_eq!(map.to_byte(c), Some(char_to_byte(text, c)), "{text:?}");
            }
            assert_eq!(map.to_byte(map.len_chars() + 1), None);
        }
    }

    #[test]
    fn clamps_and_rounds_down_inside_a_character() {
        let map = OffsetMap::new("aé");
        assert_eq!(map.to_char(2), 1);
        assert_eq!(map.to_char(99), 2);
    }
}
