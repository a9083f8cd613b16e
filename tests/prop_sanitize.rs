//! Properties of the sanitiser on text built from the characters that matter:
//! escape introducers, sequence bytes, C0 and C1 controls, bidi controls,
//! joiners, accented, Cyrillic and CJK letters, combining marks.

use lede::article::sanitize::{clean_inline, clean_text, is_clean};
use proptest::prelude::*;

mod hostile_common;
use hostile_common::is_terminal_control;

/// A character, weighted towards the ones that start or end sequences.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(vec![
            '\u{1b}', '[', ']', 'P', 'X', '^', '_', '\\', '\u{7}', '\u{9c}', '\u{9b}', '\u{9d}',
            '\u{90}', '\u{85}', '\r', '\n', '\t', '\u{0}', '\u{7f}', ';', '0', '2', 'J', 'm',
            '(', ' ', '\u{202e}', '\u{202c}', '\u{2066}', '\u{2069}', '\u{200d}', '\u{200c}',
            '\u{feff}', 'é', 'e', '\u{301}', 'Ж', '日', '\u{fff9}',
        ]),
        1 => any::<char>(),
    ]
}

fn hostile_string() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..120).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn clean_text_output_is_clean_and_idempotent(s in hostile_string()) {
        let once = clean_text(&s);
        prop_assert!(is_clean(&once), "{:?} -> {:?}", s, once);
        prop_assert!(!once.chars().any(is_terminal_control), "{:?}", once);
        prop_assert_eq!(clean_text(&once), once.clone());
        prop_assert!(once.len() <= s.len());
    }

    #[test]
    fn clean_inline_is_one_trimmed_clean_line(s in hostile_string()) {
        let line = clean_inline(&s);
        prop_assert!(is_clean(&line), "{:?}", line);
        prop_assert!(!line.contains(['\n', '\r', '\t']), "{:?}", line);
        prop_assert_eq!(line.trim(), line.as_str());
        prop_assert!(!line.contains("  "), "{:?}", line);
        prop_assert_eq!(clean_inline(&line), line.clone());
    }

    /// Text with nothing to remove comes through unchanged, joiners, marks and all.
    #[test]
    fn clean_text_leaves_clean_text_alone(s in "[a-zA-Zé\u{301}Ж日 \n\t.,\u{200d}\u{200c}\u{200f}-]{0,80}") {
        prop_assert!(is_clean(&s));
        prop_assert_eq!(clean_text(&s), s);
    }

    /// Every printable character outside a sequence survives, in order.
    #[test]
    fn text_between_sequences_survives(
        parts in prop::collection::vec(("[a-zé日 ]{1,12}", 0usize..6), 1..8)
    ) {
        const SEQUENCES: [&str; 6] = [
            "\u{1b}[2J", "\u{1b}]0;title\u{7}", "\u{1b}]52;c;QUJD\u{1b}\\",
            "\u{1b}]8;;http://e.test\u{1b}\\", "\u{1b}Pq#0\u{1b}\\", "\u{9b}1;31m",
        ];
        let mut input = String::new();
        let mut want = String::new();
        for (text, seq) in &parts {
            input.push_str(SEQUENCES[*seq]);
            input.push_str(text);
            want.push_str(text);
        }
        prop_assert_eq!(clean_text(&input), want);
    }
}
