//! The `untranslated` check: a target sentence left in the source language.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct UntranslatedCheck;

impl Check for UntranslatedCheck {
    fn id(&self) -> &'static str {
        "untranslated"
    }
    fn description(&self) -> &'static str {
        "A target sentence left in the source language"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let _ = (ctx, out);
    }
}
