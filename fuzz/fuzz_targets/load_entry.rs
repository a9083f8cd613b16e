//! A folder entry as `load_paths` reads it: the first byte picks the format
//! (text, JSON, JSON Lines, or sniffed as for standard input), the rest is the file.
#![no_main]

mod common;

use lede::ingest::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, file)) = data.split_first() else {
        return;
    };
    let (name, format) = match pick % 4 {
        0 => ("dir/a.txt", Some(Format::Text)),
        1 => ("dir/a.json", Some(Format::Json)),
        2 => ("dir/a.jsonl", Some(Format::JsonLines)),
        _ => ("dir/noext", None),
    };
    common::load_and_check(name, file, format);
});
