//! Properties of the reader's wrapping: every line is a byte range on char
//! boundaries, in order, within its paragraph; only spaces fall between
//! lines, so every other character of the text is shown exactly once; and
//! no line is wider than the pane (a single wide character excepted).
#![cfg(feature = "tui")]

use lede::article::Article;
use lede::ui::text_layout::{Doc, wrap_range};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

fn paragraph() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        4 => "[a-zA-Zé]{1,12}",
        1 => "[a-z]{20,60}",
        1 => prop::sample::select(vec!["日本語", "Goi\u{308}ta", "👨\u{200d}👩\u{200d}👧", "Сергей", "—", "l’ONU"]).prop_map(str::to_string),
    ];
    (
        prop::collection::vec(word, 0..40),
        prop::collection::vec(1usize..3, 40),
    )
        .prop_map(|(words, gaps)| {
            let mut s = String::new();
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    s.push_str(&" ".repeat(gaps[i % gaps.len()]));
                }
                s.push_str(w);
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn wrapping_keeps_every_character(
        lead in "[a-z ]{0,10}",
        para in paragraph(),
        width in 1usize..50,
    ) {
        let text = format!("{lead}\n\n{para}");
        let range = lead.len() + 2..text.len();
        let lines = wrap_range(&text, range.clone(), width);
        let mut at = range.start;
        for line in &lines {
            prop_assert!(line.start >= at && line.end <= range.end, "{:?} after {}", line, at);
            prop_assert!(text.is_char_boundary(line.start) && text.is_char_boundary(line.end));
            prop_assert!(text[at..line.start].chars().all(|c| c == ' '), "lost {:?}", &text[at..line.start]);
            let shown = &text[line.clone()];
            prop_assert!(shown.width() <= width.max(2), "{:?} wider than {}", shown, width);
            at = line.end;
        }
        prop_assert!(text[at..range.end].chars().all(|c| c == ' '), "lost the tail {:?}", &text[at..range.end]);
    }

    #[test]
    fn laid_out_lines_cover_the_article(
        headline in paragraph(),
        paragraphs in prop::collection::vec(paragraph(), 0..5),
        width in 1u16..80,
    ) {
        let article = Article { headline, paragraphs, ..Default::default() }.finish();
        let doc = Doc::build(&article, width);
        let text = article.text();
        prop_assert_eq!(&doc.text, &text);
        let shown: usize = doc
            .lines
            .iter()
            .filter_map(|l| l.range())
            .map(|r| text[r.clone()].chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        let all = text.chars().filter(|c| !c.is_whitespace()).count();
        prop_assert_eq!(shown, all);
    }
}
