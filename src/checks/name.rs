//! The `name` check: a proper name, acronym or code from the source missing or misspelled in the target.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct NameCheck;

impl Check for NameCheck {
    fn id(&self) -> &'static str {
        "name"
    }
    fn description(&self) -> &'static str {
        "A proper name, acronym or code from the source missing or misspelled in the target"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let _ = (ctx, out);
    }
}
