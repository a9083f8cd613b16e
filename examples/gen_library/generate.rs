//! Generate many articles from the bundled ones, for the library bench and
//! `examples/gen_library`: each copy has its people and places renamed
//! (people from the given-name list and made-up surnames, places from the
//! gazetteer's cities and countries) and its dates moved, so that the actor
//! index grows as it would with real news. Shared by the example and
//! `benches/library.rs`.

use lede::article::Article;
use lede::extract::{self, Analysis, Kind};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// One bundled article with its analysis.
struct Base {
    article: Article,
    text: String,
    analysis: Analysis,
}

pub struct Generator {
    bases: Vec<Base>,
    first_names: Vec<String>,
    /// (English name, French name) of cities and countries.
    places: Vec<(String, String)>,
}

const SYLLABLES: &[&str] = &[
    "ba", "ko", "ra", "di", "mo", "sa", "te", "lu", "na", "vi", "go", "ke", "zu", "po", "fa", "ri",
    "an", "el", "or", "mi", "da", "sou", "ber", "lin",
];

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A deterministic mix of two numbers.
fn mix(a: u64, b: u64) -> u64 {
    let mut x = a.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ b.wrapping_add(0x632b_e59b_d9b4_e019);
    x ^= x >> 31;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^ (x >> 29)
}

impl Generator {
    pub fn new() -> Generator {
        let root = env!("CARGO_MANIFEST_DIR");
        let names = std::fs::read_to_string(format!("{root}/assets/lexicon/first_names.tsv"))
            .expect("read first_names.tsv");
        let first_names = names
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| capitalise(l.split('\t').next().unwrap_or(l).trim()))
            .collect();
        let ents = std::fs::read_to_string(format!("{root}/assets/gazetteer/entities.tsv"))
            .expect("read entities.tsv");
        let places = ents
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .filter(|f| f.len() > 4 && (f[1] == "city" || f[1] == "country"))
            .map(|f| (f[3].to_string(), f[4].to_string()))
            .collect();
        let bases = lede::ingest::load_bundled()
            .articles
            .into_iter()
            .map(|article| {
                let text = article.text();
                let analysis = extract::extract(&article);
                Base {
                    article,
                    text,
                    analysis,
                }
            })
            .collect();
        Generator {
            bases,
            first_names,
            places,
        }
    }

    fn person(&self, n: u64) -> (String, String) {
        // A few thousand people, some far more often than others.
        let n = n % 20_000;
        let n = (n * n) / 20_000;
        let first = &self.first_names[(mix(n, 1) as usize) % self.first_names.len()];
        let parts = 2 + (mix(n, 2) % 2) as usize;
        let surname: String = (0..parts)
            .map(|k| SYLLABLES[(mix(n, 3 + k as u64) as usize) % SYLLABLES.len()])
            .collect();
        let surname = capitalise(&surname);
        (format!("{first} {surname}"), surname)
    }

    /// Article number `i`.
    pub fn article(&self, i: u64) -> Article {
        let base = &self.bases[(i as usize) % self.bases.len()];
        let fr = base.article.in_language.starts_with("fr");
        let mut text = String::with_capacity(base.text.len() + 64);
        let mut at = 0;
        let mut people: HashMap<usize, (String, String)> = HashMap::new();
        let mut places: HashMap<usize, String> = HashMap::new();
        let year_shift = (i % 9) as i64 - 4;
        for m in &base.analysis.mentions {
            let s = &base.text[m.span.range()];
            let new = match (m.kind, m.actor) {
                (Kind::Person, Some(a)) => {
                    let (full, last) = people
                        .entry(a)
                        .or_insert_with(|| self.person(mix(i, a as u64)));
                    if s.split_whitespace().count() > 1 {
                        full.clone()
                    } else {
                        last.clone()
                    }
                }
                (Kind::Place, Some(a)) => places
                    .entry(a)
                    .or_insert_with(|| {
                        let p = &self.places[(mix(i / 3, a as u64) as usize) % self.places.len()];
                        if fr { p.1.clone() } else { p.0.clone() }
                    })
                    .clone(),
                (Kind::Date, _) => shift_years(s, year_shift),
                _ => continue,
            };
            text.push_str(&base.text[at..m.span.start]);
            text.push_str(&new);
            at = m.span.end;
        }
        text.push_str(&base.text[at..]);
        let mut blocks = text.split(lede::article::PARAGRAPH_SEPARATOR);
        let headline = blocks.next().unwrap_or_default().to_string();
        let published = jiff::civil::date(2020, 1, 1)
            .checked_add(jiff::Span::new().days((mix(i, 99) % 2000) as i64))
            .map(|d| d.to_string())
            .ok();
        Article {
            id: format!("https://example.org/gen/{i}"),
            headline,
            paragraphs: blocks.map(str::to_string).collect(),
            date_published: published,
            in_language: base.article.in_language.clone(),
            publisher: Some(format!("Wire {}", i % 12)),
            authors: base.article.authors.clone(),
            ..Default::default()
        }
    }

    /// Write articles `0..n` as JSON Lines files of `per_file` articles into
    /// `dir`; returns the bytes of article text written.
    pub fn write(&self, n: u64, per_file: u64, dir: &Path) -> std::io::Result<u64> {
        std::fs::create_dir_all(dir)?;
        let mut text_bytes = 0;
        let mut i = 0;
        while i < n {
            let path = dir.join(format!("gen-{:06}.jsonl", i / per_file));
            let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
            for j in i..(i + per_file).min(n) {
                let a = self.article(j);
                text_bytes += a.text().len() as u64;
                let line = serde_json::json!({
                    "url": a.id,
                    "headline": a.headline,
                    "articleBody": a.paragraphs.join("\n\n"),
                    "inLanguage": a.in_language,
                    "datePublished": a.date_published,
                    "publisher": a.publisher,
                    "author": a.authors,
                });
                writeln!(out, "{line}")?;
            }
            out.flush()?;
            i += per_file;
        }
        Ok(text_bytes)
    }
}

/// Move every year (four digits from 1900 to 2099) in `s` by `by`.
fn shift_years(s: &str, by: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut k = 0;
    while k < b.len() {
        let is_year = k + 4 <= b.len()
            && b[k..k + 4].iter().all(u8::is_ascii_digit)
            && (k == 0 || !b[k - 1].is_ascii_digit())
            && (k + 4 == b.len() || !b[k + 4].is_ascii_digit())
            && (s[k..k + 2] == *"19" || s[k..k + 2] == *"20");
        if is_year {
            let y: i64 = s[k..k + 4].parse().unwrap_or(2000);
            out.push_str(&(y + by).to_string());
            k += 4;
        } else {
            let c = s[k..].chars().next().unwrap_or(' ');
            out.push(c);
            k += c.len_utf8();
        }
    }
    out
}
