//! What the reader derives from one article's analysis: the highlight spans,
//! the sidebar entries (actors by importance, dates in time order) and the
//! spans to mark when one of them is followed. Pure.

use crate::extract::dates::DateValue;
use crate::extract::{ActorKind, Analysis, Kind, Span};

/// One row of the sidebar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SideItem {
    Header(Heading),
    /// Index into `Analysis::actors`.
    Actor(usize),
    /// Index into [`Derived::dates`].
    Date(usize),
    /// A line of explanation ("analysing…", "none found").
    Note(Explain),
}

/// A group heading of the sidebar (the view writes it in the chrome's language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Actors,
    People,
    Organisations,
    Places,
    Dates,
}

/// A line of explanation in the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Explain {
    NoneFound,
    Analysing,
    /// The article is in a language the extractor does not read.
    Unsupported,
}

/// Whether the extractor reads articles in language `tag` (French and
/// English; an article without a tag is tried).
pub fn extraction_supported(tag: &str) -> bool {
    crate::extract::supports(tag)
}

impl Heading {
    pub fn text(self, w: crate::ui::i18n::Words) -> &'static str {
        match self {
            Heading::Actors => w.side_actors(),
            Heading::People => w.side_people(),
            Heading::Organisations => w.side_organisations(),
            Heading::Places => w.side_places(),
            Heading::Dates => w.side_dates(),
        }
    }
}

impl Explain {
    pub fn text(self, w: crate::ui::i18n::Words) -> &'static str {
        match self {
            Explain::NoneFound => w.side_none(),
            Explain::Analysing => w.analysing(),
            Explain::Unsupported => w.side_unsupported(),
        }
    }
}

impl SideItem {
    pub fn selectable(&self) -> bool {
        matches!(self, SideItem::Actor(_) | SideItem::Date(_))
    }
}

/// Dates with the same normalised value, listed once; the two ends of a
/// range ("entre 2020 et 2023") make one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateGroup {
    pub value: DateValue,
    /// The value of the range's other end, when the entry is a range.
    pub end: Option<DateValue>,
    /// Indices into `Analysis::dates`, in text order.
    pub dates: Vec<usize>,
}

/// Everything the reader shows from one analysis, checked against the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Derived {
    /// Highlight spans: valid, sorted, non-overlapping.
    pub mentions: Vec<(Span, Kind)>,
    pub dates: Vec<DateGroup>,
    pub items: Vec<SideItem>,
}

/// A span that can be used on `text`: in bounds and on character boundaries.
pub fn valid_span(text: &str, s: Span) -> bool {
    s.start < s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

impl Derived {
    pub fn new(text: &str, analysis: &Analysis) -> Derived {
        let mut mentions: Vec<(Span, Kind)> = analysis
            .mentions
            .iter()
            .filter(|m| valid_span(text, m.span))
            .map(|m| (m.span, m.kind))
            .collect();
        mentions.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let mut clean: Vec<(Span, Kind)> = Vec::with_capacity(mentions.len());
        for m in mentions {
            if clean.last().is_none_or(|(p, _)| p.end <= m.0.start) {
                clean.push(m);
            }
        }

        let mut dates: Vec<DateGroup> = Vec::new();
        for (i, d) in analysis.dates.iter().enumerate() {
            if !valid_span(text, d.span) {
                continue;
            }
            // A range is listed at its first end, with its other end.
            let partner = d
                .range_with
                .filter(|j| *j != i)
                .and_then(|j| analysis.dates.get(j).map(|p| (j, p)))
                .filter(|(_, p)| valid_span(text, p.span));
            let (end, members) = match partner {
                Some((j, _)) if j < i => continue,
                Some((j, p)) => (Some(p.value), vec![i, j]),
                None => (None, vec![i]),
            };
            match dates
                .iter_mut()
                .find(|g| g.value == d.value && g.end == end)
            {
                Some(g) => g.dates.extend(members),
                None => dates.push(DateGroup {
                    value: d.value,
                    end,
                    dates: members,
                }),
            }
        }
        // Typed values sort in time order; a single date before a range from it.
        dates.sort_by_key(|g| (g.value, g.end));

        let mut items = Vec::new();
        for (kind, title) in [
            (ActorKind::Person, Heading::People),
            (ActorKind::Organization, Heading::Organisations),
            (ActorKind::Place, Heading::Places),
        ] {
            let mut actors: Vec<usize> = analysis
                .actors
                .iter()
                .enumerate()
                .filter(|(_, a)| a.kind == kind)
                .map(|(i, _)| i)
                .collect();
            if actors.is_empty() {
                continue;
            }
            let first = |i: usize| -> usize {
                analysis.actors[i]
                    .mentions
                    .iter()
                    .filter_map(|m| analysis.mentions.get(*m))
                    .map(|m| m.span.start)
                    .min()
                    .unwrap_or(usize::MAX)
            };
            actors.sort_by_key(|i| {
                (
                    std::cmp::Reverse(analysis.actors[*i].mentions.len()),
                    first(*i),
                )
            });
            items.push(SideItem::Header(title));
            items.extend(actors.into_iter().map(SideItem::Actor));
        }
        if items.is_empty() {
            items.push(SideItem::Header(Heading::Actors));
            items.push(SideItem::Note(Explain::NoneFound));
        }
        items.push(SideItem::Header(Heading::Dates));
        if dates.is_empty() {
            items.push(SideItem::Note(Explain::NoneFound));
        }
        items.extend((0..dates.len()).map(SideItem::Date));
        Derived {
            mentions: clean,
            dates,
            items,
        }
    }

    /// Shown while the analysis is running.
    /// For an article the extractor does not read: no highlight, no entry,
    /// a notice instead (highlights would be confident and wrong).
    pub fn unsupported() -> Derived {
        Derived {
            items: vec![SideItem::Note(Explain::Unsupported)],
            ..Derived::default()
        }
    }

    pub fn pending() -> Derived {
        Derived {
            items: vec![
                SideItem::Header(Heading::Actors),
                SideItem::Note(Explain::Analysing),
            ],
            ..Derived::default()
        }
    }

    /// The spans to mark when following a sidebar item, sorted.
    pub fn follow_spans(&self, text: &str, analysis: &Analysis, item: &SideItem) -> Vec<Span> {
        let mut spans: Vec<Span> = match item {
            SideItem::Actor(a) => analysis
                .actors
                .get(*a)
                .map(|a| {
                    a.mentions
                        .iter()
                        .filter_map(|m| analysis.mentions.get(*m))
                        .map(|m| m.span)
                        .collect()
                })
                .unwrap_or_default(),
            SideItem::Date(g) => self
                .dates
                .get(*g)
                .map(|g| {
                    g.dates
                        .iter()
                        .filter_map(|d| analysis.dates.get(*d))
                        .map(|d| d.span)
                        .collect()
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        spans.retain(|s| valid_span(text, *s));
        spans.sort();
        spans.dedup_by(|b, a| b.start < a.end);
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::TimeExpr;

    fn date(text: &str, word: &str, value: &str, range_with: Option<usize>) -> TimeExpr {
        let start = text.find(word).expect("word in text");
        TimeExpr {
            span: Span::new(start, start + word.len()),
            value: value.parse().expect("test value"),
            range_with,
            relative: false,
        }
    }

    #[test]
    fn a_range_is_one_entry_in_time_order() {
        let text = "Entre 2020 et 2023, puis en 2019 et encore en 2019.";
        let mut analysis = Analysis {
            dates: vec![
                date(text, "2020", "2020", Some(1)),
                date(text, "2023", "2023", Some(0)),
                date(text, "2019", "2019", None),
            ],
            ..Analysis::default()
        };
        let second_2019 = text.rfind("2019").unwrap();
        analysis.dates.push(TimeExpr {
            span: Span::new(second_2019, second_2019 + 4),
            ..analysis.dates[2].clone()
        });
        let d = Derived::new(text, &analysis);
        let got: Vec<(String, Option<String>, &[usize])> = d
            .dates
            .iter()
            .map(|g| {
                (
                    g.value.to_string(),
                    g.end.map(|e| e.to_string()),
                    g.dates.as_slice(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("2019".to_string(), None, &[2, 3][..]),
                ("2020".to_string(), Some("2023".to_string()), &[0, 1][..])
            ]
        );
        // Following the range marks both of its ends.
        let spans = d.follow_spans(text, &analysis, &SideItem::Date(1));
        let marked: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
        assert_eq!(marked, ["2020", "2023"]);
    }
}
