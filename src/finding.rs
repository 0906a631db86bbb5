//! Findings: what a check reports, with its rule id, severity and spans.

use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a link.
///
/// Spans are byte ranges into the link's joined text on that side (its
/// sentences joined by one space, see [`crate::checks::LinkView`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable kebab-case rule id (`glossary`, `number`, …).
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Index of the link in the alignment; `None` for document-level findings.
    pub link: Option<usize>,
    /// Span in the link's source text, if the finding points at one.
    pub source_span: Option<Range<usize>>,
    /// Span in the link's target text, if the finding points at one.
    pub target_span: Option<Range<usize>>,
    /// Replacement for `target_span`, when there is a fix.
    pub suggestion: Option<String>,
    /// What was expected, for a diff against what is found at `target_span`.
    pub expected: Option<String>,
    /// What was found, when it is not the text at `target_span` (a URL or a
    /// front-matter value stands in the text as a link's words or a mark).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
}

impl Finding {
    pub fn new(rule: &'static str, severity: Severity, message: impl Into<String>) -> Finding {
        Finding {
            rule,
            severity,
            message: message.into(),
            link: None,
            source_span: None,
            target_span: None,
            suggestion: None,
            expected: None,
            found: None,
        }
    }
    pub fn link(mut self, i: usize) -> Self {
        self.link = Some(i);
        self
    }
    pub fn source_span(mut self, r: Range<usize>) -> Self {
        self.source_span = Some(r);
        self
    }
    pub fn target_span(mut self, r: Range<usize>) -> Self {
        self.target_span = Some(r);
        self
    }
    pub fn suggestion(mut self, s: impl Into<String>) -> Self {
        self.suggestion = Some(s.into());
        self
    }
    pub fn expected(mut self, s: impl Into<String>) -> Self {
        self.expected = Some(s.into());
        self
    }
    pub fn found(mut self, s: impl Into<String>) -> Self {
        self.found = Some(s.into());
        self
    }
}
