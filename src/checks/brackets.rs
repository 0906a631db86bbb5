//! The `brackets` check: brackets and parentheses unbalanced in the target or dropped from the source.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct BracketsCheck;

impl Check for BracketsCheck {
    fn id(&self) -> &'static str {
        "brackets"
    }
    fn description(&self) -> &'static str {
        "Brackets and parentheses unbalanced in the target or dropped from the source"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let _ = (ctx, out);
    }
}
