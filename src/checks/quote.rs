//! The `quote` check: a quotation dropped in the target, or unbalanced quotation marks.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct QuoteCheck;

impl Check for QuoteCheck {
    fn id(&self) -> &'static str {
        "quote"
    }
    fn description(&self) -> &'static str {
        "A quotation dropped in the target, or unbalanced quotation marks"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let _ = (ctx, out);
    }
}
