//! Scoring transcheck against annotated pairs: a manifest of planted
//! mistakes (`flawed.expected.toml`) is matched against the findings of a
//! run, giving recall and precision per rule.

use crate::finding::Severity;
use crate::pipeline::PairResult;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;

/// One planted mistake.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mistake {
    /// The rule that must report it.
    pub rule: String,
    /// Other rules that may report it instead.
    #[serde(default)]
    pub also: Vec<String>,
    /// An exact substring of the file at the mistake.
    pub text: String,
    /// `target` (default) or `source`.
    #[serde(default = "target")]
    pub side: String,
    #[serde(default)]
    pub note: String,
}

fn target() -> String {
    "target".into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    #[serde(default)]
    pub mistake: Vec<Mistake>,
}

impl Manifest {
    pub fn parse(path: &str, src: &str) -> anyhow::Result<Manifest> {
        toml::from_str(src).map_err(|e| anyhow::anyhow!("{path}: invalid manifest: {e}"))
    }
}

/// Counts for one rule.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleScore {
    /// Planted mistakes of this rule.
    pub planted: usize,
    /// Planted mistakes found (under this rule or an accepted alternative).
    pub found: usize,
    /// Findings (warning or above) of this rule.
    pub reported: usize,
    /// Findings of this rule that point at a planted mistake.
    pub correct: usize,
}

/// The outcome of matching findings against a manifest.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub rules: BTreeMap<String, RuleScore>,
    /// Mistakes no finding matched.
    pub missed: Vec<Mistake>,
    /// Findings (warning or above) that match no mistake: (rule, message).
    pub false_alarms: Vec<(String, String)>,
}

impl RuleScore {
    pub fn add(&mut self, other: &RuleScore) {
        self.planted += other.planted;
        self.found += other.found;
        self.reported += other.reported;
        self.correct += other.correct;
    }
}

impl Score {
    pub fn totals(&self) -> RuleScore {
        let mut t = RuleScore::default();
        for r in self.rules.values() {
            t.add(r);
        }
        t
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Document ranges a finding points at on each side: the span when it has
/// one, else the whole side of its link.
fn finding_ranges(r: &PairResult, i: usize) -> (Option<Range<usize>>, Option<Range<usize>>) {
    let f = &r.findings[i];
    let Some(v) = f.link.and_then(|l| r.views.get(l)) else {
        return (None, None);
    };
    let side = |t: &crate::checks::SideText, span: &Option<Range<usize>>| {
        if t.is_empty() {
            return None;
        }
        let s = span.clone().unwrap_or(0..t.text.len());
        Some(t.to_doc(s.start)..t.to_doc(s.end).max(t.to_doc(s.start) + 1))
    };
    (
        side(&v.source, &f.source_span),
        side(&v.target, &f.target_span),
    )
}

/// Matches the findings of `r` (warnings and errors) against `manifest`.
pub fn score(r: &PairResult, manifest: &Manifest) -> Score {
    let mut out = Score::default();
    let considered: Vec<usize> = (0..r.findings.len())
        .filter(|&i| r.findings[i].severity >= Severity::Warning)
        .collect();
    let ranges: Vec<_> = considered.iter().map(|&i| finding_ranges(r, i)).collect();
    let mut used = vec![false; considered.len()];
    for m in &manifest.mistake {
        let doc = if m.side == "source" {
            &r.source
        } else {
            &r.target
        };
        let at: Vec<Range<usize>> = doc
            .text
            .match_indices(m.text.as_str())
            .map(|(s, t)| s..s + t.len())
            .collect();
        let entry = out.rules.entry(m.rule.clone()).or_default();
        entry.planted += 1;
        let mut hit = false;
        for (k, &i) in considered.iter().enumerate() {
            let f = &r.findings[i];
            if f.rule != m.rule && !m.also.iter().any(|a| a == f.rule) {
                continue;
            }
            let range = if m.side == "source" {
                &ranges[k].0
            } else {
                &ranges[k].1
            };
            if let Some(range) = range
                && at.iter().any(|a| overlaps(a, range))
            {
                used[k] = true;
                hit = true;
            }
        }
        if hit {
            entry.found += 1;
        } else {
            out.missed.push(m.clone());
        }
    }
    for (k, &i) in considered.iter().enumerate() {
        let f = &r.findings[i];
        let e = out.rules.entry(f.rule.to_string()).or_default();
        e.reported += 1;
        if used[k] {
            e.correct += 1;
        } else {
            out.false_alarms
                .push((f.rule.to_string(), f.message.clone()));
        }
    }
    out
}
