//! Byte <-> code-point offsets for many spans of one text, built in one pass
//! (the map itself lives in [`crate::text`], the one place for offsets).
//!
//! [`crate::article::byte_to_char`] walks the text for every call; exports and
//! scoring convert hundreds of offsets per article, so they build an
//! [`OffsetMap`] once (one pass over the text, memory proportional to the
//! number of non-ASCII characters) and look each offset up in O(log n).
//! Both agree with `article::byte_to_char` / `article::char_to_byte`.

pub use crate::text::OffsetMap;

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
