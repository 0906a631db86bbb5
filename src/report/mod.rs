//! Reports: one [`Report`] implementation per output format.

pub mod json;

use crate::pipeline::PairResult;
use std::io::{self, Write};

/// Renders the results of one or more checked pairs.
pub trait Report {
    fn render(&self, results: &[PairResult], out: &mut dyn Write) -> io::Result<()>;
}

/// Findings counted by severity: (errors, warnings, infos).
pub fn counts(result: &PairResult) -> (usize, usize, usize) {
    use crate::finding::Severity::*;
    let mut c = (0, 0, 0);
    for f in &result.findings {
        match f.severity {
            Error => c.0 += 1,
            Warning => c.1 += 1,
            Info => c.2 += 1,
        }
    }
    c
}
