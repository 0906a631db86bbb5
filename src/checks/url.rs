//! The `url` check: a URL, email address or @handle that differs between source and target.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct UrlCheck;

impl Check for UrlCheck {
    fn id(&self) -> &'static str {
        "url"
    }
    fn description(&self) -> &'static str {
        "A URL, email address or @handle that differs between source and target"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let _ = (ctx, out);
    }
}
