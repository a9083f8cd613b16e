//! The text loader: any bytes give problems that name the file, or articles
//! whose every field is clean and whose paragraphs are non-empty.
#![no_main]

mod common;

use lede::ingest::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::load_and_check("fuzz/article.text", data, Some(Format::Text));
});
