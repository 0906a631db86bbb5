//! The `number` check: a number, date, percentage or amount missing, added or changed.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct NumberCheck;

impl Check for NumberCheck {
    fn id(&self) -> &'static str {
        "number"
    }
    fn description(&self) -> &'static str {
        "A number, date, percentage or amount missing, added or changed"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let _ = (ctx, out);
    }
}
