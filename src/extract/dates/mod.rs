//! Temporal expressions in French and English, normalised to ISO 8601.
//!
//! [`find_dates`] tokenises the text once (`token`), reads the tokens with
//! a hand-written grammar (`grammar`, `phrases`, `relative`, `ranges`, `numeric`) over a lexicon whose
//! month and weekday names come from Unicode CLDR (`lexicon`), then
//! resolves each expression against the publication date (`resolve`).
//! No pattern is compiled per call: the lexicon is built once, on first use.
//!
//! Conventions (see the annotation guide):
//! - spans leave out prepositions and plain determiners ("En janvier" ->
//!   "janvier", "le 3 avril" -> "3 avril", "l'été 2024" -> "été 2024"), but
//!   keep the words that carry the meaning of a relative expression ("la
//!   semaine dernière", "il y a trois jours", "last week", "the following year");
//! - values are ISO 8601 with `X` for what the text does not say (`XXXX-01`,
//!   `XXXX-WXX-2`, `199X`), seasons as `2024-SU`, centuries as `19`;
//! - a range is two expressions whose `range_with` point at each other,
//!   as indices into the returned vector;
//! - no expression crosses a blank line.
//!
//! Forms read (French / English):
//! - full dates: "24 novembre 2026", "1er mai", "mardi 3 juin 2025", "sam. 12 avril",
//!   "November 24, 2026", "24 November 2026", "3rd of March 2024", "Tuesday, March 3";
//!   numeric "24/11/2026", "24.11.2026" (day first; in English month first when the
//!   text is English and both read), "2026-11-24";
//! - months and years: "mars 2024", "March of 2024", "janvier", "2020", "mai 68";
//!   abbreviations ("janv.", "Sept") only next to a day or a year;
//! - seasons ("l'été 2024", "au printemps", "summer of 2024", "last winter"),
//!   quarters ("premier trimestre 2024", "T3 2023", "Q3 2024"), decades
//!   ("les années 1990", "années 80", "the 1990s", "'80s"), centuries ("XXe siècle",
//!   "20th century");
//! - relative to the publication date: "hier", "aujourd'hui", "demain",
//!   "avant-hier", "après-demain", "ce matin", "la semaine dernière", "le mois
//!   prochain", "l'an dernier", "cette année", "il y a trois jours", "dans deux
//!   semaines", "mardi dernier", "mai dernier", "le 2 mars dernier", "yesterday",
//!   "today", "tonight", "last week", "next month", "this year", "two days ago",
//!   "last Tuesday", "last May"; a bare weekday or a month without its year takes
//!   the publication week or year, moved by the clause's tense;
//! - relative to the last date given: "l'année suivante", "le lendemain", "la
//!   veille", "deux ans plus tard", "the following year", "a year earlier";
//! - ranges: "entre 2020 et 2023", "de 2010 à 2015", "du 3 au 5 mai 2024", "de
//!   janvier à mars 2024", "from 2020 to 2023", "between 2020 and 2023",
//!   "2020-2023", "2020–23", "1998 – 2004", "3-5 mai", "March 3-5, 2024"; lists
//!   "les 6 et 7 juillet", "jeudi 12 et vendredi 13 septembre".
//!
//! Not dates: "sa", "mar", "sam" without a dot and a date after them; the modal
//! "may", "Theresa May", "Mars" the planet, "a été"; numbers that count
//! ("2 000 soldats", "1500 personnes", "1500 seats", "2000 km", "2020 %"),
//! numbers inside larger numbers, ids, paths, phone numbers and addresses.

mod expr;
mod extent;
mod grammar;
mod lexicon;
mod numeric;
mod phrases;
mod ranges;
mod relative;
mod resolve;
mod timeml;
mod token;
mod typed;
mod value;

#[cfg(test)]
mod tests;

pub use typed::{
    BadValue, CalValue, Clock, DateValue, Day, DayPart, Part, SeasonCode, TimeRef, Year,
};
pub use value::{compare_values, describe};

use super::{Context, TimeExpr};
use grammar::Grammar;
use lexicon::Langs;

/// Every temporal expression in `text`, in text order, with byte spans.
pub fn find_dates(text: &str, ctx: &Context) -> Vec<TimeExpr> {
    if text.len() > u32::MAX as usize {
        return Vec::new();
    }
    let toks = token::tokenize(text);
    let g = Grammar {
        text,
        t: &toks.toks,
        lower: &toks.lower,
        langs: Langs::for_tag(&ctx.lang),
    };
    let found = g.scan();
    resolve::resolve_all(&found, ctx.published)
}
