//! Month and weekday names, read once from `assets/lexicon/calendar.tsv`
//! (Unicode CLDR, see `assets/lexicon/README.md`): the one calendar table of
//! lede. The byline dates of `ingest::pubdate` read it here; the extractor's
//! date grammar (`extract::dates::lexicon`) includes the same file.

use std::sync::OnceLock;

/// The table, as built by `scripts/lexicon/build_calendar.py`.
pub const CALENDAR_TSV: &str = include_str!("../assets/lexicon/calendar.tsv");

/// A month or a weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Month,
    Weekday,
}

/// One name of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// `fr`, `en`.
    pub lang: String,
    pub kind: Kind,
    /// Month 1-12, or ISO weekday 1 (Monday) - 7 (Sunday).
    pub number: u8,
    /// As CLDR writes it: `janv.`, `August`.
    pub form: String,
}

/// Every row of the table.
pub fn names() -> &'static [Name] {
    static NAMES: OnceLock<Vec<Name>> = OnceLock::new();
    NAMES.get_or_init(|| parse(CALENDAR_TSV))
}

fn parse(tsv: &str) -> Vec<Name> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let lang = cols.next()?.to_string();
            let kind = match cols.next()? {
                "month" => Kind::Month,
                "weekday" => Kind::Weekday,
                _ => return None,
            };
            let number = cols.next()?.parse().ok()?;
            let form = cols.next()?.to_string();
            Some(Name {
                lang,
                kind,
                number,
                form,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_every_month_and_weekday_in_both_languages() {
        for lang in ["fr", "en"] {
            for (kind, n) in [(Kind::Month, 12), (Kind::Weekday, 7)] {
                for number in 1..=n {
                    assert!(
                        names()
                            .iter()
                            .any(|m| m.lang == lang && m.kind == kind && m.number == number),
                        "{lang} {kind:?} {number}"
                    );
                }
            }
        }
        assert!(names().iter().any(|m| m.form == "févr." && m.number == 2));
    }
}
