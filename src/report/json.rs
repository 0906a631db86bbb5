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
use serde::ser::{Serialize, SerializeMap, Serializer};
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
    serde_json::to_value(Pair(r)).unwrap_or(Value::Null)
}

/// One pair, serialised finding by finding as it is written: the whole
/// report is never held as a JSON tree (a large pair has many findings).
struct Pair<'a>(&'a PairResult);

/// The findings of a pair, serialised one at a time.
struct Findings<'a>(&'a PairResult);

/// The findings `transcheck-ignore` lines silenced, each with its line and
/// reason, so a reviewer sees what was accepted.
struct Suppressed<'a>(&'a PairResult);

impl Serialize for Suppressed<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.suppressed.iter().map(|x| {
            let mut o = finding(self.0, &x.finding);
            o["suppression"] = json!({
                "line": x.line,
                "reason": super::escape::visible(&x.reason),
            });
            o
        }))
    }
}

/// Several pairs, serialised one at a time.
struct Pairs<'a>(&'a [PairResult]);

impl Serialize for Pair<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let (errors, warnings, infos) = super::counts(r);
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("version", &1)?;
        m.serialize_entry(
            "source",
            &json!({"path": r.source.display_path(), "language": r.source_lang}),
        )?;
        m.serialize_entry(
            "target",
            &json!({"path": r.target.display_path(), "language": r.target_lang}),
        )?;
        m.serialize_entry(
            "summary",
            &json!({"links": r.links.len(), "errors": errors, "warnings": warnings, "infos": infos}),
        )?;
        m.serialize_entry("glossaries", &r.glossaries)?;
        m.serialize_entry("lexicons", &r.lexicons)?;
        m.serialize_entry("findings", &Findings(r))?;
        if !r.suppressed.is_empty() {
            m.serialize_entry("suppressed", &Suppressed(r))?;
        }
        m.end()
    }
}

impl Serialize for Findings<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.findings.iter().map(|f| finding(self.0, f)))
    }
}

impl Serialize for Pairs<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("version", &1)?;
        m.serialize_entry("pairs", &PairList(self.0))?;
        m.end()
    }
}

struct PairList<'a>(&'a [PairResult]);

impl Serialize for PairList<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(Pair))
    }
}

impl Report for JsonReport {
    fn render(&self, results: &[PairResult], out: &mut dyn Write) -> io::Result<()> {
        // Serialised without a JSON tree, through the escaping layer
        // straight to `out`: the text is never held whole.
        match results {
            [one] => super::escape::write_json_streamed(out, &Pair(one)),
            many => super::escape::write_json_streamed(out, &Pairs(many)),
        }
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

    #[test]
    fn silenced_findings_are_listed_apart_and_not_counted() {
        let mut r = crate::report::fixture::result();
        assert!(pair_value(&r).get("suppressed").is_none());
        let f = r.findings.remove(1);
        r.suppressed.push(crate::suppress::Silenced {
            finding: f,
            line: 2,
            reason: "rounded by the desk".into(),
        });
        let v = pair_value(&r);
        assert_eq!(v["summary"]["errors"], 2);
        assert_eq!(v["suppressed"][0]["rule"], "number");
        assert_eq!(
            v["suppressed"][0]["target"]["text"],
            "GDP grew 3.2% in 2024."
        );
        assert_eq!(v["suppressed"][0]["suppression"]["line"], 2);
        assert_eq!(
            v["suppressed"][0]["suppression"]["reason"],
            "rounded by the desk"
        );
    }

    #[test]
    fn written_output_is_the_value() {
        let r = crate::report::fixture::result();
        let mut out = Vec::new();
        JsonReport
            .render(std::slice::from_ref(&r), &mut out)
            .unwrap();
        let back: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(back, pair_value(&r));
        let mut out = Vec::new();
        JsonReport
            .render(&[r.clone(), r.clone()], &mut out)
            .unwrap();
        let back: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(back["pairs"][1], pair_value(&r));
        assert_eq!(back["version"], 1);
    }
}
