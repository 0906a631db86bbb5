//! Baselines: accepted findings recorded by fingerprint, so a run reports only
//! new ones. A fingerprint hashes the rule, the whitespace-normalised source
//! and target text of the link and the text under the spans, so it survives
//! lines moving. Baseline files are written atomically.

use crate::finding::Finding;
use crate::pipeline::PairResult;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub rule: String,
    /// For people reading the file; matching uses the fingerprint only.
    pub file: String,
    pub message: String,
}

/// The contents of a baseline file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 64-bit FNV-1a: stable across platforms and releases, unlike std's hasher.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The fingerprint of a finding of `result`.
pub fn fingerprint(result: &PairResult, f: &Finding) -> String {
    let view = f.link.and_then(|i| result.views.get(i));
    let (src, tgt) = view
        .map(|v| (v.source.text.as_str(), v.target.text.as_str()))
        .unwrap_or(("", ""));
    let span_text = |text: &str, span: &Option<std::ops::Range<usize>>| {
        span.as_ref()
            .and_then(|s| text.get(s.clone()))
            .unwrap_or("")
            .to_string()
    };
    let src_span = span_text(src, &f.source_span);
    let tgt_span = span_text(tgt, &f.target_span);
    // Document-level findings have no link text; their message identifies them.
    let message = if view.is_none() {
        f.message.as_str()
    } else {
        ""
    };
    let h = fnv1a(&[
        f.rule,
        &normalise(src),
        &normalise(tgt),
        &normalise(&src_span),
        &normalise(&tgt_span),
        message,
    ]);
    format!("{}:{h:016x}", f.rule)
}

/// Records every finding of the results.
pub fn from_results(results: &[PairResult]) -> Baseline {
    let mut findings = Vec::new();
    for r in results {
        for f in &r.findings {
            findings.push(Entry {
                fingerprint: fingerprint(r, f),
                rule: f.rule.to_string(),
                file: r.target.display_path(),
                message: f.message.clone(),
            });
        }
    }
    Baseline {
        version: 1,
        findings,
    }
}

/// Reads a baseline file.
pub fn load(path: &Path) -> anyhow::Result<Baseline> {
    use anyhow::Context as _;
    let text = std::fs::read_to_string(path).with_context(|| {
        format!(
            "{}: cannot read the baseline; create it with --write-baseline",
            path.display()
        )
    })?;
    let b: Baseline = serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{}:{}:{}: not a transcheck baseline: {e}; recreate it with --write-baseline",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    Ok(b)
}

/// Writes a baseline atomically: a temporary file in the same folder, then a rename.
pub fn save(path: &Path, baseline: &Baseline) -> anyhow::Result<()> {
    let mut text = serde_json::to_string_pretty(baseline)?;
    text.push('\n');
    write_atomic(path, text.as_bytes())
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a
/// rename, so an interrupted run never leaves a half-written file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("{}: cannot create a file in this folder", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    tmp.persist(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot replace the file: {}", path.display(), e.error))?;
    Ok(())
}

/// Removes from the results every finding recorded in the baseline. Each
/// entry accepts one finding, so a second copy of a known problem is new.
/// Returns how many were removed.
pub fn filter(results: &mut [PairResult], baseline: &Baseline) -> usize {
    let mut budget: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &baseline.findings {
        *budget.entry(e.fingerprint.as_str()).or_default() += 1;
    }
    let mut removed = 0;
    for r in results.iter_mut() {
        let prints: Vec<String> = r.findings.iter().map(|f| fingerprint(r, f)).collect();
        let mut keep = Vec::with_capacity(prints.len());
        for p in &prints {
            let accepted = match budget.get_mut(p.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    true
                }
                _ => false,
            };
            keep.push(!accepted);
            removed += usize::from(accepted);
        }
        let mut it = keep.into_iter();
        r.findings.retain(|_| it.next().unwrap_or(true));
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable() {
        // Known FNV-1a 64 value of "a" followed by the 0 separator.
        assert_eq!(fnv1a(&[""]), 0xaf63bd4c8601b7df);
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
    }

    #[test]
    fn write_atomic_replaces_whole_file() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("b.json");
        write_atomic(&p, b"first version, long").unwrap();
        write_atomic(&p, b"second").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "second");
        // No temporary files left behind.
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
    }

    #[test]
    fn load_rejects_other_json_with_position() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("b.json");
        std::fs::write(&p, "{\"version\": 1, \"x\": []}").unwrap();
        let e = load(&p).unwrap_err().to_string();
        assert!(e.contains("b.json:1:"), "{e}");
    }
}
