//! Temporal expressions in French and English, normalised to ISO 8601.
//!
//! [`find_dates`] tokenises the text once ([`token`]), reads the tokens with
//! a hand-written grammar ([`grammar`], [`phrases`]) over a lexicon whose
//! month and weekday names come from Unicode CLDR ([`lexicon`]), then
//! resolves each expression against the publication date ([`resolve`]).
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

mod expr;
mod grammar;
mod lexicon;
mod phrases;
mod resolve;
mod token;
mod value;

#[cfg(test)]
mod tests;

pub use value::{compare_values, describe};

use super::{Context, TimeExpr};
use grammar::Grammar;
use lexicon::Langs;

/// Every temporal expression in `text`, in text order, with byte spans.
pub fn find_dates(text: &str, ctx: &Context) -> Vec<TimeExpr> {
    let toks = token::tokenize(text);
    let g = Grammar {
        text,
        t: &toks,
        langs: Langs::for_tag(&ctx.lang),
    };
    let found = g.scan();
    resolve::resolve_all(&found, ctx.published)
}
