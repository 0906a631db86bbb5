//! The `whitespace` check: double spaces or space before punctuation in the target.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct WhitespaceCheck;

impl Check for WhitespaceCheck {
    fn id(&self) -> &'static str {
        "whitespace"
    }
    fn description(&self) -> &'static str {
        "Double spaces or space before punctuation in the target"
    }
    fn default_severity(&self) -> Severity {
        Severity::Info
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let _ = (ctx, out);
    }
}
