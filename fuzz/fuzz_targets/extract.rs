//! The extractor on any text: no panic; every mention lies on char
//! boundaries inside the text, is non-empty, sorted and non-overlapping; every
//! index into actors and dates is valid.
#![no_main]

use lede::extract::{Context, extract_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let ctx = Context {
        lang: ["fr", "en", "de", "und"][usize::from(pick % 4)].to_string(),
        published: (pick & 4 != 0).then(|| jiff::civil::date(2025, 4, 3)),
    };
    let a = extract_text(&text, &ctx);
    let on_text = |s: &lede::extract::Span| {
        s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for w in a.mentions.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "mentions overlap or unsorted: {:?}", w);
    }
    for m in &a.mentions {
        assert!(on_text(&m.span), "bad mention span {:?}", m.span);
        assert!(m.actor.is_none_or(|i| i < a.actors.len()));
        assert!(m.date.is_none_or(|i| i < a.dates.len()));
    }
    for actor in &a.actors {
        assert!(actor.mentions.iter().all(|&i| i < a.mentions.len()));
    }
    for d in &a.dates {
        assert!(on_text(&d.span), "bad date span {:?}", d.span);
        assert!(d.range_with.is_none_or(|i| i < a.dates.len()));
    }
});
