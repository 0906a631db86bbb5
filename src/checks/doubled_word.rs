//! The `doubled-word` check: the same word twice in a row in the target.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct DoubledWordCheck;

impl Check for DoubledWordCheck {
    fn id(&self) -> &'static str {
        "doubled-word"
    }
    fn description(&self) -> &'static str {
        "The same word twice in a row in the target"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let _ = (ctx, out);
    }
}
