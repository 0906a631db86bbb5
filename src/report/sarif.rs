//! `--format sarif`: SARIF 2.1.0, one run, for code-scanning uploads.

use super::{Location, Report, Side};
use crate::finding::{Finding, Severity};
use crate::pipeline::PairResult;
use serde::ser::{Serialize, SerializeMap, Serializer};
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
    let mut text = super::escape::visible(&f.message).into_owned();
    if let Some(s) = &f.suggestion {
        text.push_str(&format!(" (suggestion: “{}”)", super::escape::visible(s)));
    }
    let location = match super::primary_location(r, f) {
        Some(loc) => json!({"physicalLocation": physical(&loc)}),
        // Document-level: the whole target file.
        None => {
            json!({"physicalLocation": {"artifactLocation": {"uri": uri(&super::document_path(r))}}})
        }
    };
    let mut o = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": {"text": text},
        "locations": [location],
        // Lets code scanning follow a result across commits as lines move.
        "partialFingerprints": {"transcheck/v1": crate::baseline::fingerprint(r, f)},
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
        for f in r
            .findings
            .iter()
            .chain(r.suppressed.iter().map(|x| &x.finding))
        {
            if !rules.iter().any(|x| x.0 == f.rule) {
                rules.push((f.rule.to_string(), f.rule.to_string(), f.severity));
            }
        }
    }
    rules
}

/// The SARIF log as a JSON value (tests; the report streams [`Log`]).
pub fn sarif_value(results: &[PairResult]) -> Value {
    serde_json::to_value(Log(results)).unwrap_or(Value::Null)
}

/// The SARIF log, serialised result by result as it is written: the
/// report is never held as a JSON tree (a large run has many results).
struct Log<'a>(&'a [PairResult]);

/// The one run of the log.
struct Run<'a>(&'a [PairResult]);

/// The results of the run, serialised one at a time.
struct Results<'a> {
    results: &'a [PairResult],
    rules: &'a [(String, String, Severity)],
}

impl Serialize for Log<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("$schema", "https://json.schemastore.org/sarif-2.1.0.json")?;
        m.serialize_entry("version", "2.1.0")?;
        m.serialize_entry("runs", &[Run(self.0)])?;
        m.end()
    }
}

impl Serialize for Run<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rules = rules(self.0);
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
        let tool = json!({"driver": {
            "name": "transcheck",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rule_objs,
        }});
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("tool", &tool)?;
        m.serialize_entry("columnKind", "unicodeCodePoints")?;
        let results = Results {
            results: self.0,
            rules: &rules,
        };
        m.serialize_entry("results", &results)?;
        m.end()
    }
}

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let index = |f: &Finding| self.rules.iter().position(|x| x.0 == f.rule);
        s.collect_seq(self.results.iter().flat_map(|r| {
            let open = r.findings.iter().map(move |f| result(r, f, index(f)));
            // Silenced findings stay in the log, marked as suppressed in
            // the source, so code scanning shows them as dismissed.
            let silenced = r.suppressed.iter().map(move |x| {
                let mut o = result(r, &x.finding, index(&x.finding));
                o["suppressions"] = json!([{
                    "kind": "inSource",
                    "justification": super::escape::visible(&x.reason),
                }]);
                o
            });
            open.chain(silenced)
        }))
    }
}

impl Report for SarifReport {
    fn render(&self, results: &[PairResult], out: &mut dyn Write) -> io::Result<()> {
        // Through the escaping layer straight to `out`, as JSON is.
        super::escape::write_json_streamed(out, &Log(results))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_output_is_the_value_written_whole() {
        let r = crate::report::fixture::result();
        for results in [vec![], vec![r.clone()], vec![r.clone(), r]] {
            let mut streamed = Vec::new();
            SarifReport.render(&results, &mut streamed).unwrap();
            let mut whole = Vec::new();
            crate::report::escape::write_json(&mut whole, &sarif_value(&results)).unwrap();
            assert_eq!(String::from_utf8(streamed), String::from_utf8(whole));
        }
    }

    #[test]
    fn uri_encodes_spaces_and_backslashes() {
        assert_eq!(uri("a b\\c.md"), "a%20b/c.md");
        assert_eq!(uri("notícia.md"), "not%C3%ADcia.md");
    }
}

#[cfg(test)]
mod schema {
    use super::*;

    fn schema() -> Value {
        let p = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/sarif-schema-2.1.0.json"
        );
        let mut s: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        // The official file's `language` patterns have a stray `]` that strict
        // regex engines reject; transcheck never emits run.language, so the
        // corrected pattern changes nothing for its output.
        fn fix(v: &mut Value) -> usize {
            match v {
                Value::Object(m) => {
                    let mut n = 0;
                    for (k, x) in m.iter_mut() {
                        if k == "pattern" && x == "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$" {
                            *x = json!("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}?$");
                            n += 1;
                        } else {
                            n += fix(x);
                        }
                    }
                    n
                }
                Value::Array(a) => a.iter_mut().map(fix).sum(),
                _ => 0,
            }
        }
        assert!(fix(&mut s) > 0);
        s
    }

    #[test]
    fn output_validates_against_sarif_2_1_0_schema() {
        let v = sarif_value(&[crate::report::fixture::result()]);
        let validator = jsonschema::draft7::new(&schema()).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }

    #[test]
    fn silenced_findings_are_suppressed_results() {
        let mut r = crate::report::fixture::result();
        let f = r.findings.remove(1);
        r.suppressed.push(crate::suppress::Silenced {
            finding: f,
            line: 2,
            reason: "rounded \u{1b}[2J by the desk".into(),
        });
        let v = sarif_value(&[r]);
        let validator = jsonschema::draft7::new(&schema()).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let results = v["runs"][0]["results"].as_array().unwrap();
        let last = results.last().unwrap();
        assert_eq!(last["ruleId"], "number");
        assert_eq!(last["suppressions"][0]["kind"], "inSource");
        let why = last["suppressions"][0]["justification"].as_str().unwrap();
        assert!(
            why.starts_with("rounded") && !why.contains('\u{1b}'),
            "{why}"
        );
        assert!(
            results[..results.len() - 1]
                .iter()
                .all(|x| x.get("suppressions").is_none())
        );
    }

    #[test]
    fn schema_check_can_fail() {
        let mut v = sarif_value(&[crate::report::fixture::result()]);
        v["runs"][0]["results"][0]["level"] = json!("fatal");
        let validator = jsonschema::draft7::new(&schema()).unwrap();
        assert!(!validator.is_valid(&v));
    }

    #[test]
    fn regions_and_related_locations() {
        let v = sarif_value(&[crate::report::fixture::result()]);
        let results = v["runs"][0]["results"].as_array().unwrap();
        // name: "Araqchi" on target line 1, columns 24..31.
        let r0 = &results[0];
        assert_eq!(r0["ruleId"], "name");
        let region = &r0["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], 1);
        assert_eq!(region["startColumn"], 24);
        assert_eq!(region["endColumn"], 31);
        assert_eq!(
            r0["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "news/en.txt"
        );
        let rel = &r0["relatedLocations"][0]["physicalLocation"];
        assert_eq!(rel["artifactLocation"]["uri"], "news/pt.txt");
        assert_eq!(rel["region"]["startColumn"], 19);
        // omission: only a source side, so it points at the source file.
        let om = results.iter().find(|r| r["ruleId"] == "omission").unwrap();
        let pl = &om["locations"][0]["physicalLocation"];
        assert_eq!(pl["artifactLocation"]["uri"], "news/pt.txt");
        assert_eq!(pl["region"]["startLine"], 3);
        assert!(om.get("relatedLocations").is_none());
        // every catalogue rule is listed.
        let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
        for (id, _, _) in crate::checks::rule_catalog() {
            assert!(rules.iter().any(|r| r["id"] == id), "{id}");
        }
        insta::assert_json_snapshot!(v["runs"][0]["results"]);
    }
}
