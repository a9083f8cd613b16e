//! Temporal expressions in French and English, normalised to ISO 8601.

use super::{Context, TimeExpr};

/// Every temporal expression in `text`, in text order.
pub fn find_dates(text: &str, ctx: &Context) -> Vec<TimeExpr> {
    let _ = (text, ctx);
    Vec::new()
}
