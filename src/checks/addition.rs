//! The `addition` check: a target sentence with no source sentence (added text).

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct AdditionCheck;

impl Check for AdditionCheck {
    fn id(&self) -> &'static str {
        "addition"
    }
    fn description(&self) -> &'static str {
        "A target sentence with no source sentence (added text)"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let _ = (ctx, out);
    }
}
