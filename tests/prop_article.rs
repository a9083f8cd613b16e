//! Properties of the article model: offsets convert both ways, `text()` and
//! `blocks()` agree, and finishing an article is stable.

use lede::article::{Article, PARAGRAPH_SEPARATOR, byte_to_char, char_to_byte};
use proptest::prelude::*;

mod hostile_common;

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-zé\u{301}Ж日😀 \n]{0,60}", any::<String>(),]
}

fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-zéЖ日 .,]{0,30}",
        1 => "[\u{1b}\\[\\]0-9;JmP\\\\\u{7}\u{9b}\u{202e}\u{2066}\r\n\t a-z]{0,30}",
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn byte_and_char_offsets_round_trip(text in any_text()) {
        let chars = text.chars().count();
        for (b, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let c = byte_to_char(&text, b);
            prop_assert_eq!(char_to_byte(&text, c), b);
        }
        for c in 0..=chars + 2 {
            let b = char_to_byte(&text, c);
            prop_assert!(text.is_char_boundary(b));
            prop_assert_eq!(byte_to_char(&text, b), c.min(chars));
        }
    }

    #[test]
    fn text_and_blocks_agree(
        headline in hostile_piece(),
        paragraphs in prop::collection::vec(hostile_piece(), 0..8),
        authors in prop::collection::vec(hostile_piece(), 0..3),
    ) {
        let a = Article { headline, paragraphs, authors, ..Default::default() }.finish();
        hostile_common::check_article(&a);
        let text = a.text();
        let blocks = a.blocks();
        // Sorted, non-overlapping, separated by exactly the separator, covering the text.
        prop_assert_eq!(blocks[0].start, 0);
        prop_assert_eq!(blocks.last().map(|r| r.end), Some(text.len()));
        for w in blocks.windows(2) {
            prop_assert_eq!(&text[w[0].end..w[1].start], PARAGRAPH_SEPARATOR);
        }
        for r in &blocks {
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn finishing_twice_changes_nothing(
        headline in hostile_piece(),
        paragraphs in prop::collection::vec(hostile_piece(), 0..6),
        language in prop_oneof![Just(String::new()), "[a-zA-Z_-]{0,8}"],
    ) {
        let once = Article { headline, paragraphs, in_language: language, ..Default::default() }.finish();
        let twice = once.clone().finish();
        prop_assert_eq!(once, twice);
    }
}
