//! `--format json`: the stable machine-readable shape CI scripts read.
//!
//! Each side of a finding gives `line`/`column` (1-based, columns in
//! characters) of the finding's span in the file, or of the sentence start
//! when the finding has no span on that side; `text` is the link's sentences
//! joined by one space, and `span` is a byte range into that `text`.

use super::Report;
use crate::checks::SideText;
use crate::finding::Finding;
use crate::input::Document;
use crate::pipeline::PairResult;
use serde_json::{Value, json};
use std::io::{self, Write};
use std::ops::Range;

pub struct JsonReport;

fn side(doc: &Document, text: &SideText, span: &Option<Range<usize>>) -> Value {
    if text.is_empty() {
        return Value::Null;
    }
    let span = span.clone().unwrap_or(0..text.text.len());
    let (line, column) = doc.line_col(text.to_doc(span.start));
    json!({
        "line": line,
        "column": column,
        "text": text.display(doc),
        "span": {"start": span.start, "end": span.end},
    })
}

fn finding(r: &PairResult, f: &Finding) -> Value {
    let (src, tgt) = match f.link.and_then(|i| r.views.get(i)) {
        Some(v) => (
            side(&r.source, &v.source, &f.source_span),
            side(&r.target, &v.target, &f.target_span),
        ),
        None => (Value::Null, Value::Null),
    };
    let mut o = json!({
        "rule": f.rule,
        "severity": f.severity.as_str(),
        "message": super::escape::visible(&f.message),
        "source": src,
        "target": tgt,
    });
    if let Some(s) = &f.suggestion {
        o["suggestion"] = Value::String(s.clone());
    }
    o
}

/// The JSON value for one pair.
pub fn pair_value(r: &PairResult) -> Value {
    let (errors, warnings, infos) = super::counts(r);
    json!({
        "version": 1,
        "source": {"path": r.source.display_path(), "language": r.source_lang},
        "target": {"path": r.target.display_path(), "language": r.target_lang},
        "summary": {"links": r.links.len(), "errors": errors, "warnings": warnings, "infos": infos},
        "glossaries": r.glossaries,
        "findings": r.findings.iter().map(|f| finding(r, f)).collect::<Vec<_>>(),
    })
}

impl Report for JsonReport {
    fn render(&self, results: &[PairResult], out: &mut dyn Write) -> io::Result<()> {
        let v = match results {
            [one] => pair_value(one),
            many => json!({"version": 1, "pairs": many.iter().map(pair_value).collect::<Vec<_>>()}),
        };
        super::escape::write_json(out, &v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape() {
        let v = pair_value(&crate::report::fixture::result());
        assert_eq!(v["summary"]["errors"], 3);
        assert!(v["findings"][2]["target"].is_null());
        assert!(v["findings"][2].get("suggestion").is_none());
        // Line and column of the span, not of the sentence start.
        assert_eq!(v["findings"][0]["target"]["line"], 1);
        assert_eq!(v["findings"][0]["target"]["column"], 24);
        assert_eq!(v["findings"][1]["source"]["column"], 15);
        // No span: the sentence start.
        assert_eq!(v["findings"][2]["source"]["column"], 1);
        insta::assert_json_snapshot!(v);
    }
}
