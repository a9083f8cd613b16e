//! Properties of the extractor and of note anchoring on generated text:
//! every span lies on char boundaries inside the text, mentions are sorted
//! and non-overlapping, indices are valid; a note's target re-anchors to
//! itself on unchanged text, and anchoring edited text never panics.

use lede::extract::{Context, Span, extract_text};
use lede::notes::anchor::{Method, anchor};
use lede::notes::model::{Target, widen_to_graphemes};
use proptest::prelude::*;

/// Article-like text: capitalised names, places, dates, accents, marks,
/// Cyrillic, CJK, emoji, punctuation and the odd stray character.
fn article_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        4 => prop::sample::select(vec![
            "Emmanuel", "Macron", "Sergueï", "Lavrov", "Bamako", "Paris", "l'ONU", "NATO",
            "le", "ministre", "malien", "des", "Affaires", "étrangères", "a", "rencontré",
            "President", "German", "met", "in", "on", "Tuesday", "mardi", "3", "avril",
            "April", "2025", "12", "mars", "entre", "2020", "et", "2023", "hier", "last",
            "week", "Сергей", "Лавров", "東京", "Goi\u{308}ta", "👨\u{200d}👩\u{200d}👧",
            "(", ")", ",", ".", "«", "»", "—", "\n\n", "M.", "Mme", "Jr.", "1er", "juin",
        ]).prop_map(str::to_string),
        1 => "[A-Za-zéÉ0-9'’.,;:!? -]{1,8}",
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(token, 0..60).prop_map(|v| v.join(" "))
}

fn on_text(text: &str, s: &Span) -> bool {
    s.start < s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn extractor_spans_are_well_formed(text in article_text(), lang in 0usize..3, dated: bool) {
        let ctx = Context {
            lang: ["fr", "en", "und"][lang].to_string(),
            published: dated.then(|| jiff::civil::date(2025, 4, 3)),
        };
        let a = extract_text(&text, &ctx);
        for w in a.mentions.windows(2) {
            prop_assert!(w[0].span.end <= w[1].span.start, "{:?} then {:?}", w[0].span, w[1].span);
        }
        for m in &a.mentions {
            prop_assert!(on_text(&text, &m.span), "{:?} in {:?}", m.span, text);
            prop_assert!(m.actor.is_none_or(|i| i < a.actors.len()));
            prop_assert!(m.date.is_none_or(|i| i < a.dates.len()));
        }
        for actor in &a.actors {
            prop_assert!(actor.mentions.iter().all(|&i| i < a.mentions.len()));
            for w in actor.mentions.windows(2) {
                prop_assert!(w[0] < w[1], "actor mentions out of text order");
            }
        }
        for d in &a.dates {
            prop_assert!(on_text(&text, &d.span), "{:?} in {:?}", d.span, text);
            prop_assert!(d.range_with.is_none_or(|i| i < a.dates.len()));
        }
    }

    #[test]
    fn a_note_re_anchors_to_itself_on_unchanged_text(
        text in article_text(),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        prop_assume!(!text.is_empty());
        let (x, y) = (a.index(text.len() + 1), b.index(text.len() + 1));
        let span = x.min(y)..x.max(y);
        let Ok(target) = Target::from_span(&text, span.clone()) else {
            return Ok(());
        };
        let found = anchor(&target, &text);
        let want = widen_to_graphemes(&text, span);
        match found {
            lede::notes::Anchor::Found { span, method, score } => {
                prop_assert_eq!(span, want);
                prop_assert_eq!(method, Method::Position);
                prop_assert!(score >= 1.0);
            }
            other => prop_assert!(false, "orphaned: {:?}", other),
        }
    }

    #[test]
    fn anchoring_in_edited_text_never_panics(
        text in article_text(),
        edit in article_text(),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
    ) {
        prop_assume!(!text.is_empty());
        let (x, y) = (a.index(text.len() + 1), b.index(text.len() + 1));
        let Ok(target) = Target::from_span(&text, x.min(y)..x.max(y)) else {
            return Ok(());
        };
        let mut cut = at.index(text.len() + 1);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let edited = format!("{}{edit}{}", &text[..cut], &text[cut..]);
        if let Some(span) = anchor(&target, &edited).span() {
            prop_assert!(span.start <= span.end && span.end <= edited.len());
            prop_assert!(edited.is_char_boundary(span.start) && edited.is_char_boundary(span.end));
        }
    }
}
