//! Plain-text articles: the first non-empty line is the headline; byline
//! lines near the top ("Par ...", "Édité par : ...", "Publié le ...",
//! "By ...", "Published ...") become metadata; paragraphs are separated by
//! blank lines; the publisher's closing "report an error" boilerplate becomes
//! [`Article::feedback`]. Markdown headings (`# Title`) are read as plain text.

use super::byline::{self, Byline};
use super::feedback;
use crate::article::{Article, split_paragraphs};

/// How many blocks after the headline may hold byline lines.
const BYLINE_BLOCKS: usize = 5;
/// How many lines a byline may take: more is a list in the body, and
/// reading it as names would cost time quadratic in its length.
const BYLINE_LINES: usize = 12;

/// Parse a plain-text article. The result is finished (sanitised, language
/// and id filled); the caller sets `source_path`.
pub fn parse(text: &str) -> Article {
    let mut lines = text.lines();
    let headline = lines
        .by_ref()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(clean_heading)
        .unwrap_or_default();
    let blocks = blocks(lines);

    let mut meta = Byline::default();
    let mut body: Vec<String> = Vec::new();
    for (i, block) in blocks.into_iter().enumerate() {
        let mut block: &[&str] = &block;
        if i == 0 {
            // Lines right under the headline, before any blank line.
            let mut read = 0;
            while read < BYLINE_LINES
                && let Some(b) = block.first().and_then(|l| byline::parse_line(l))
            {
                meta.merge(b);
                block = &block[1..];
                read += 1;
            }
        } else if i < BYLINE_BLOCKS && block.len() <= BYLINE_LINES {
            let parsed: Option<Vec<Byline>> = block.iter().map(|l| byline::parse_line(l)).collect();
            if let Some(parsed) = parsed {
                parsed.into_iter().for_each(|b| meta.merge(b));
                block = &[];
            }
        }
        if !block.is_empty() {
            let lines: Vec<String> = block.iter().map(|l| clean_heading(l)).collect();
            body.extend(split_paragraphs(&lines.join("\n")));
        }
    }

    let feedback = feedback::extract(&mut body);
    Article {
        headline,
        authors: meta.authors,
        editors: meta.editors,
        date_published: meta.published,
        paragraphs: body,
        feedback,
        ..Default::default()
    }
    .finish()
}

/// Blocks of consecutive non-empty lines. The first block is whatever
/// follows the headline before the first blank line (it may be empty).
fn blocks<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<Vec<&'a str>> {
    let mut out = vec![Vec::new()];
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            if out.last().is_some_and(|b| !b.is_empty()) {
                out.push(Vec::new());
            }
        } else if let Some(last) = out.last_mut() {
            last.push(line);
        }
    }
    if out.len() > 1 && out.last().is_some_and(Vec::is_empty) {
        out.pop();
    }
    out
}

/// `# Title` -> `Title`.
fn clean_heading(line: &str) -> String {
    let stripped = line.trim_start_matches('#');
    if stripped.len() != line.len() && stripped.starts_with(' ') {
        stripped.trim().to_string()
    } else {
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_byline_body_feedback() {
        let a = parse(
            "Un titre\n\nPar Jean Dupont\nPublié le 3 avril 2025 à 10h12\n\nPremier paragraphe,\nsur deux lignes.\n\nSecond.\n\nAvez-vous trouvé une erreur ?\n\nNous étudierons vos commentaires.",
        );
        assert_eq!(a.headline, "Un titre");
        assert_eq!(a.authors, ["Jean Dupont"]);
        assert_eq!(a.date_published.as_deref(), Some("2025-04-03T10:12"));
        assert_eq!(
            a.paragraphs,
            ["Premier paragraphe, sur deux lignes.", "Second."]
        );
        let f = a.feedback.expect("feedback");
        assert_eq!(f.prompt, "Avez-vous trouvé une erreur ?");
        assert_eq!(
            f.promise.as_deref(),
            Some("Nous étudierons vos commentaires.")
        );
    }

    #[test]
    fn byline_right_under_headline_and_markdown() {
        let a = parse(
            "# A headline\nBy Jane Smith\n\nBody text here.\n\n## Background\n\n#hashtag stays\n",
        );
        assert_eq!(a.headline, "A headline");
        assert_eq!(a.authors, ["Jane Smith"]);
        assert_eq!(
            a.paragraphs,
            ["Body text here.", "Background", "#hashtag stays"]
        );
    }

    #[test]
    fn sentence_starting_like_a_byline_stays() {
        let a = parse("Titre\n\nPar une froide matinée, le convoi est parti.\n\nSuite.");
        assert!(a.authors.is_empty());
        assert_eq!(a.paragraphs.len(), 2);
    }
}
