//! `--format sarif`: SARIF 2.1.0, one run, for code-scanning uploads.

use super::{Location, Report, Side};
use crate::finding::{Finding, Severity};
use crate::pipeline::PairResult;
use serde_json::{Value, json};
use std::io::{self, Write};

pub struct SarifReport;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a path: `/` separators, and bytes outside
/// the unreserved set percent-encoded.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn physical(loc: &Location) -> Value {
    json!({
        "artifactLocation": {"uri": uri(&loc.path)},
        "region": {
            "startLine": loc.start.0,
            "startColumn": loc.start.1,
            "endLine": loc.end.0,
            "endColumn": loc.end.1,
        }
    })
}

fn result(r: &PairResult, f: &Finding, rule_index: Option<usize>) -> Value {
    let mut text = f.message.clone();
    if let Some(s) = &f.suggestion {
        text.push_str(&format!(" (suggestion: “{s}”)"));
    }
    let location = match super::primary_location(r, f) {
        Some(loc) => json!({"physicalLocation": physical(&loc)}),
        // Document-level: the whole target file.
        None => {
            json!({"physicalLocation": {"artifactLocation": {"uri": uri(&r.target.display_path())}}})
        }
    };
    let mut o = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": {"text": text},
        "locations": [location],
    });
    if let Some(i) = rule_index {
        o["ruleIndex"] = json!(i);
    }
    let primary_is_target = super::location(r, f, Side::Target, true).is_some();
    if primary_is_target && let Some(src) = super::location(r, f, Side::Source, true) {
        o["relatedLocations"] = json!([{
            "id": 0,
            "physicalLocation": physical(&src),
            "message": {"text": "source"},
        }]);
    }
    o
}

/// Every rule: the checks' catalogue, `suppression`, and any other id a
/// finding uses.
fn rules(results: &[PairResult]) -> Vec<(String, String, Severity)> {
    let mut rules: Vec<(String, String, Severity)> = crate::checks::rule_catalog()
        .into_iter()
        .map(|(id, d, s)| (id.to_string(), d.to_string(), s))
        .collect();
    rules.push((
        crate::suppress::RULE.to_string(),
        "A transcheck-ignore comment without a reason or with an unknown rule".to_string(),
        Severity::Warning,
    ));
    for r in results {
        for f in &r.findings {
            if !rules.iter().any(|x| x.0 == f.rule) {
                rules.push((f.rule.to_string(), f.rule.to_string(), f.severity));
            }
        }
    }
    rules
}

/// The SARIF log as a JSON value.
pub fn sarif_value(results: &[PairResult]) -> Value {
    let rules = rules(results);
    let rule_objs: Vec<Value> = rules
        .iter()
        .map(|(id, desc, sev)| {
            json!({
                "id": id,
                "name": id,
                "shortDescription": {"text": desc},
                "defaultConfiguration": {"level": level(*sev)},
            })
        })
        .collect();
    let mut out = Vec::new();
    for r in results {
        for f in &r.findings {
            let idx = rules.iter().position(|x| x.0 == f.rule);
            out.push(result(r, f, idx));
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "transcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_objs,
            }},
            "columnKind": "unicodeCodePoints",
            "results": out,
        }]
    })
}

impl Report for SarifReport {
    fn render(&self, results: &[PairResult], out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &sarif_value(results))?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_encodes_spaces_and_backslashes() {
        assert_eq!(uri("a b\\c.md"), "a%20b/c.md");
        assert_eq!(uri("notícia.md"), "not%C3%ADcia.md");
    }
}
