//! The `omission` check: a source sentence with no translation.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct OmissionCheck;

impl Check for OmissionCheck {
    fn id(&self) -> &'static str {
        "omission"
    }
    fn description(&self) -> &'static str {
        "A source sentence with no translation"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let _ = (ctx, out);
    }
}
