//! Reports: one [`Report`] implementation per output format, and the
//! location helpers they share (finding spans mapped to file lines/columns).

pub mod github;
pub mod human;
pub mod json;
pub mod patch;
pub mod sarif;

use crate::checks::SideText;
use crate::finding::Finding;
use crate::pipeline::PairResult;
use std::io::{self, Write};
use std::ops::Range;

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

/// Which file of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Source,
    Target,
}

/// A region of one file: 1-based lines, 1-based character columns; the end
/// column is that of the character after the region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub side: Side,
    /// Byte range in the document text.
    pub range: Range<usize>,
    pub start: (usize, usize),
    pub end: (usize, usize),
}

fn side_text<'a>(r: &'a PairResult, f: &Finding, side: Side) -> Option<&'a SideText> {
    let v = r.views.get(f.link?)?;
    let t = match side {
        Side::Source => &v.source,
        Side::Target => &v.target,
    };
    (!t.is_empty()).then_some(t)
}

/// The region of a finding on one side: its span, or the whole link side
/// when it has no span there. `None` when that side has no text.
pub fn location(
    r: &PairResult,
    f: &Finding,
    side: Side,
    whole_if_no_span: bool,
) -> Option<Location> {
    let text = side_text(r, f, side)?;
    let (doc, span) = match side {
        Side::Source => (&r.source, &f.source_span),
        Side::Target => (&r.target, &f.target_span),
    };
    let span = match span {
        Some(s) if s.start <= s.end && s.end <= text.text.len() => s.clone(),
        Some(_) => return None,
        None if whole_if_no_span => 0..text.text.len(),
        None => return None,
    };
    let a = text.to_doc(span.start);
    let b = text.to_doc(span.end).max(a);
    Some(Location {
        path: doc.display_path(),
        side,
        range: a..b,
        start: doc.line_col(a),
        end: doc.line_col(b),
    })
}

/// Where a finding is reported: the target span (or the target sentences),
/// else the source side when the link has no target text (an omission).
pub fn primary_location(r: &PairResult, f: &Finding) -> Option<Location> {
    location(r, f, Side::Target, true).or_else(|| location(r, f, Side::Source, true))
}
