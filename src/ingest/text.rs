//! Plain-text articles: the first non-empty line is the headline; byline
//! lines near the top ("Par ...", "Édité par : ...", "Publié le ...",
//! "By ...", "Published ...") become metadata; paragraphs are separated by
//! blank lines; the publisher's closing "report an error" boilerplate becomes
//! [`Article::feedback`]. Markdown headings (`# Title`) are read as plain text.

use super::Issue;
use super::byline::{self, Byline};
use super::feedback;
use super::reader::{Parsed, Reader};
use crate::article::{Article, split_paragraphs};

/// How many blocks after the headline may hold byline lines.
const BYLINE_BLOCKS: usize = 5;
/// How many lines a byline may take: more is a list in the body, and
/// reading it as names would cost time quadratic in its length.
const BYLINE_LINES: usize = 12;

/// `.txt`, `.text`, `.md`, `.markdown`: and anything no other reader takes.
pub struct TextReader;

impl Reader for TextReader {
    fn name(&self) -> &'static str {
        "text"
    }
    fn sniff(&self, _text: &str) -> bool {
        true
    }
    fn read(&self, text: &str) -> Parsed {
        let article = parse(text);
        let mut issues = Vec::new();
        if article.paragraphs.is_empty() {
            issues.push(Issue {
                line: None,
                column: None,
                error: false,
                message: "no body text after the headline".into(),
            });
        }
        Parsed {
            articles: vec![article],
            issues,
        }
    }
    fn cleans_raw_text(&self) -> bool {
        true
    }
}

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
        let mut kept: Vec<&str> = Vec::new();
        let mut block: &[&str] = &block;
        if i == 0 {
            // Lines right under the headline, before any blank line: the
            // short ones at the top may be header lines.
            let top = block
                .iter()
                .take(BYLINE_LINES)
                .take_while(|l| is_short(l))
                .count();
            if let Some(rest) = header(&block[..top], &mut meta) {
                kept = rest;
                block = &block[top..];
            }
        } else if i < BYLINE_BLOCKS
            && let Some(rest) = header(block, &mut meta)
        {
            kept = rest;
            block = &[];
        }
        let lines: Vec<String> = kept.iter().chain(block).map(|l| clean_heading(l)).collect();
        if !lines.is_empty() {
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

/// Longest line (in characters) that may be a header line.
const HEADER_LINE_CHARS: usize = 100;

fn is_short(line: &str) -> bool {
    line.chars().count() <= HEADER_LINE_CHARS
}

/// Read a block of header lines, each on its own: every line that reads as a
/// byline or a date goes into `meta`, so that a line lede does not
/// understand never costs its neighbour (the publication date under an odd
/// byline). `None` (and `meta` untouched) when no line is a header line or
/// the block is too long or has a long line: body text then. The lines not
/// understood are returned, to stay in the body.
fn header<'a>(block: &[&'a str], meta: &mut Byline) -> Option<Vec<&'a str>> {
    if block.is_empty() || block.len() > BYLINE_LINES || !block.iter().all(|l| is_short(l)) {
        return None;
    }
    let parsed: Vec<Option<Byline>> = block.iter().map(|l| byline::parse_line(l)).collect();
    if parsed.iter().all(Option::is_none) {
        return None;
    }
    let mut rest = Vec::new();
    for (line, b) in block.iter().zip(parsed) {
        match b {
            Some(b) => meta.merge(b),
            None => rest.push(*line),
        }
    }
    Some(rest)
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

    /// Each header line is read on its own: one that is not understood
    /// never hides the publication date or the byline next to it.
    #[test]
    fn header_lines_are_read_one_by_one() {
        type Case<'a> = (&'a str, &'a [&'a str], Option<&'a str>);
        let cases: &[Case] = &[
            (
                "By Jane Liu in Paris\nPublished 13 May 2025",
                &["Jane Liu"],
                Some("2025-05-13"),
            ),
            (
                "By the Associated Press\nPublished 13 May 2025",
                &["Associated Press"],
                Some("2025-05-13"),
            ),
            (
                "Par la rédaction\nPublié le 13 mai 2025",
                &["la rédaction"],
                Some("2025-05-13"),
            ),
            (
                "By 王伟 (Wang Wei)\nPublished 13 May 2025",
                &["王伟 (Wang Wei)"],
                Some("2025-05-13"),
            ),
            (
                "By [Jane Liu](https://example.org/staff/jane-liu)\nPublished 13 May 2025",
                &["Jane Liu"],
                Some("2025-05-13"),
            ),
            ("AFP\nPublished 13 May 2025", &["AFP"], Some("2025-05-13")),
            (
                "Reuters\n\nPublished 13 May 2025",
                &["Reuters"],
                Some("2025-05-13"),
            ),
            (
                "By Jane Liu ~ desk 7\nPublished 13 May 2025",
                &[],
                Some("2025-05-13"),
            ),
            (
                "Published 13 May 2025\nBy someone somewhere 42",
                &[],
                Some("2025-05-13"),
            ),
            (
                "By someone somewhere 42\nPARIS, 13 May 2025 (Reuters)",
                &["Reuters"],
                Some("2025-05-13"),
            ),
            (
                "\nPar Jean Dupont\n???\nMis à jour le 2 juin 2025\nPublié le 1er juin 2025",
                &["Jean Dupont"],
                Some("2025-06-01"),
            ),
        ];
        for (header, authors, date) in cases {
            let text = format!(
                "A headline\n{header}\n\nOn Tuesday the council met. It voted.\n\nSecond paragraph."
            );
            let a = parse(&text);
            assert_eq!(a.authors, *authors, "{header}");
            assert_eq!(a.date_published.as_deref(), *date, "{header}");
            assert!(
                a.paragraphs
                    .iter()
                    .any(|p| p == "On Tuesday the council met. It voted."),
                "{header}: {:?}",
                a.paragraphs
            );
            assert!(
                !a.paragraphs
                    .iter()
                    .any(|p| p.contains("Published") || p.contains("Publié")),
                "{header}: {:?}",
                a.paragraphs
            );
        }
        // A line not understood stays in the body: nothing vanishes.
        let a = parse("Title\nBy Jane Liu ~ desk 7\nPublished 13 May 2025\n\nBody.");
        assert_eq!(a.paragraphs, ["By Jane Liu ~ desk 7", "Body."]);
    }

    #[test]
    fn sentence_starting_like_a_byline_stays() {
        let a = parse("Titre\n\nPar une froide matinée, le convoi est parti.\n\nSuite.");
        assert!(a.authors.is_empty());
        assert_eq!(a.paragraphs.len(), 2);
    }
}
