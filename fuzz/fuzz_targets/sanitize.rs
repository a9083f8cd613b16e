//! The sanitiser: any text comes out clean, cleaning is idempotent, and an
//! inline field is one trimmed line.
#![no_main]

use lede::article::sanitize::{clean_inline, clean_text, is_clean};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let text = clean_text(&input);
    assert!(is_clean(&text), "clean_text left {text:?}");
    assert_eq!(clean_text(&text), text, "clean_text is not idempotent");
    assert!(text.len() <= input.len(), "clean_text grew the text");
    let inline = clean_inline(&input);
    assert!(is_clean(&inline), "clean_inline left {inline:?}");
    assert!(
        !inline.contains(['\n', '\t', '\r']),
        "clean_inline kept a break: {inline:?}"
    );
    assert_eq!(inline, inline.trim(), "clean_inline is not trimmed");
    assert_eq!(
        clean_inline(&inline),
        inline,
        "clean_inline is not idempotent"
    );
});
