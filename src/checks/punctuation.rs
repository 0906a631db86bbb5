//! The `punctuation` check: a question or exclamation mark dropped or added.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct PunctuationCheck;

impl Check for PunctuationCheck {
    fn id(&self) -> &'static str {
        "punctuation"
    }
    fn description(&self) -> &'static str {
        "A question or exclamation mark dropped or added"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let _ = (ctx, out);
    }
}
