//! The `consistency` check: a name spelled two ways within the target document.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct ConsistencyCheck;

impl Check for ConsistencyCheck {
    fn id(&self) -> &'static str {
        "consistency"
    }
    fn description(&self) -> &'static str {
        "A name spelled two ways within the target document"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let _ = (ctx, out);
    }
}
