//! The `glossary` check: a glossary term not rendered as the glossary says, or a forbidden spelling.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct GlossaryCheck;

impl Check for GlossaryCheck {
    fn id(&self) -> &'static str {
        "glossary"
    }
    fn description(&self) -> &'static str {
        "A glossary term not rendered as the glossary says, or a forbidden spelling"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let _ = (ctx, out);
    }
}
