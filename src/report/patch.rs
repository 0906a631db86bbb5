//! `--format patch`: a unified diff against each target file applying every
//! finding that has a suggestion and a target span. transcheck never edits
//! the files; `git apply` or `patch -p1` does.

use super::{Report, Side};
use crate::pipeline::PairResult;
use std::io::{self, Write};
use std::ops::Range;

pub struct PatchReport;

/// The edits for one pair: (document byte range, replacement), sorted and
/// non-overlapping; an edit overlapping an earlier one is skipped.
pub fn edits(r: &PairResult) -> Vec<(Range<usize>, String)> {
    edits_where(r, |_| true)
}

/// [`edits`] of the findings `keep` accepts.
fn edits_where(
    r: &PairResult,
    keep: impl Fn(&crate::finding::Finding) -> bool,
) -> Vec<(Range<usize>, String)> {
    let mut all: Vec<(Range<usize>, String)> = r
        .findings
        .iter()
        .filter(|f| f.target_span.is_some() && keep(f))
        .filter_map(|f| {
            let s = f.suggestion.clone()?;
            let loc = super::location(r, f, Side::Target, false)?;
            // A marked-up file is edited only where its prose is copied
            // verbatim: never code, URLs, markup or entities; and URL
            // suggestions may undo a localised address.
            let range = match &r.target.markup {
                Some(_) if f.rule == "url" => return None,
                Some(m) => m.verbatim_range(loc.range)?,
                None => loc.range,
            };
            let text = original_text(r);
            // A span off character boundaries can't be replaced without damage.
            (text.is_char_boundary(range.start) && text.is_char_boundary(range.end))
                .then_some((range, s))
        })
        .collect();
    all.sort_by_key(|e| (e.0.start, e.0.end));
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    for e in all {
        let overlaps = out
            .last()
            .is_some_and(|p| e.0.start < p.0.end || (e.0.start == p.0.start));
        let changes = original_text(r).get(e.0.clone()) != Some(e.1.as_str());
        if !overlaps && changes {
            out.push(e);
        }
    }
    out
}

/// The text of the target file the edits apply to: the original of a
/// marked-up file, not its prose.
pub fn original_text(r: &PairResult) -> &str {
    match &r.target.markup {
        Some(m) => &m.original.text,
        None => &r.target.text,
    }
}

/// The target text with the edits applied.
pub fn apply(text: &str, edits: &[(Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (range, rep) in edits {
        if let (Some(keep), true) = (text.get(pos..range.start), range.end <= text.len()) {
            out.push_str(keep);
            out.push_str(rep);
            pos = range.end;
        }
    }
    out.push_str(text.get(pos..).unwrap_or(""));
    out
}

/// `a/` and `b/` header paths, as `git apply` and `patch -p1` expect.
fn header_path(path: &str) -> String {
    let p = path.replace('\\', "/");
    let p = p.trim_start_matches("./").trim_start_matches('/');
    p.to_string()
}

/// The file a patch edits, and the edits: the target document itself, or
/// for a text read out of a structured file (a PO msgstr) the original file,
/// keeping only fixes that can be written there for certain.
pub fn file_edits(r: &PairResult) -> (&crate::input::Document, Vec<(Range<usize>, String)>) {
    if let Some(m) = &r.target.markup {
        return (&m.original, edits(r));
    }
    let Some(o) = &r.target.origin else {
        return (&r.target, edits(r));
    };
    // Spacing in software strings can be deliberate (indentation, columns).
    let e = edits_where(r, |f| f.rule != "whitespace");
    let mut fe: Vec<(Range<usize>, String)> = e
        .into_iter()
        .filter_map(|(range, s)| o.file_edit(range, &s))
        .collect();
    fe.sort_by_key(|e| (e.0.start, e.0.end));
    fe.dedup_by(|b, a| b.0.start < a.0.end);
    (o.file(), fe)
}

impl Report for PatchReport {
    fn render(&self, results: &[PairResult], out: &mut dyn Write) -> io::Result<()> {
        for r in results {
            let (file, e) = file_edits(r);
            if e.is_empty() {
                continue;
            }
            let old = &file.text;
            let new = apply(old, &e);
            let p = header_path(&file.display_path());
            let diff = similar::TextDiff::from_lines(old.as_str(), new.as_str());
            let text = diff
                .unified_diff()
                .context_radius(3)
                .header(
                    &super::escape::patch_path(&format!("a/{p}")),
                    &super::escape::patch_path(&format!("b/{p}")),
                )
                .to_string();
            // File lines are copied verbatim (the patch must apply), so a
            // hunk that would read as a CI workflow command is left out.
            if let Some(n) = text.lines().position(super::escape::is_workflow_command) {
                writeln!(
                    out,
                    "# transcheck: {} left out: line {} of its diff would read as a CI workflow command; apply these suggestions by hand",
                    super::escape::terminal(&p),
                    n + 1
                )?;
                continue;
            }
            write!(out, "{text}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_replaces_ranges_in_order() {
        let e = vec![(0..3, "One".to_string()), (8..11, "six".to_string())];
        assert_eq!(apply("uno and two", &e), "One and six");
    }

    #[test]
    fn header_paths_are_relative() {
        assert_eq!(header_path("./en/a.md"), "en/a.md");
        assert_eq!(header_path("en\\a.md"), "en/a.md");
    }
}

#[cfg(test)]
mod snapshots {
    use super::*;

    #[test]
    fn diff_applies_suggestions_only() {
        let r = crate::report::fixture::result();
        let mut out = Vec::new();
        PatchReport
            .render(std::slice::from_ref(&r), &mut out)
            .unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(
            s.contains("+Foreign Minister Abbas Araghchi arrived in Muscat."),
            "{s}"
        );
        assert!(s.contains("+GDP grew 3.4% in 2024."), "{s}");
        insta::assert_snapshot!(s);
    }

    /// Runs a tool in `dir`; `None` when it isn't installed.
    fn run(dir: &std::path::Path, cmd: &str, args: &[&str], stdin: &[u8]) -> Option<bool> {
        use std::process::{Command, Stdio};
        let mut child = Command::new(cmd)
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        child.stdin.take()?.write_all(stdin).ok()?;
        Some(child.wait().ok()?.success())
    }

    #[test]
    fn git_apply_and_patch_accept_the_diff() {
        let r = crate::report::fixture::result();
        let mut diff = Vec::new();
        PatchReport
            .render(std::slice::from_ref(&r), &mut diff)
            .unwrap();
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("news")).unwrap();
        let file = d.path().join("news/en.txt");
        std::fs::write(&file, &r.target.text).unwrap();
        let expected = apply(&r.target.text, &edits(&r));
        if let Some(ok) = run(d.path(), "git", &["apply", "--check", "-"], &diff) {
            assert!(
                ok,
                "git apply --check rejected:\n{}",
                String::from_utf8_lossy(&diff)
            );
        }
        if let Some(ok) = run(d.path(), "patch", &["-p1", "--quiet"], &diff) {
            assert!(ok, "patch -p1 rejected the diff");
            assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
        }
        // A file without a final newline.
        let mut r2 = crate::report::fixture::result();
        r2.target =
            crate::input::Document::from_text(r2.target.path.clone(), r2.target.text.trim_end());
        let mut diff2 = Vec::new();
        PatchReport
            .render(std::slice::from_ref(&r2), &mut diff2)
            .unwrap();
        std::fs::write(&file, &r2.target.text).unwrap();
        if let Some(ok) = run(d.path(), "patch", &["-p1", "--quiet"], &diff2) {
            assert!(ok, "patch rejected:\n{}", String::from_utf8_lossy(&diff2));
            let got = std::fs::read_to_string(&file).unwrap();
            assert!(got.contains("Araghchi") && !got.ends_with('\n'), "{got:?}");
        }
    }

    #[test]
    fn overlapping_edits_keep_the_first() {
        let mut r = crate::report::fixture::result();
        let mut extra = r.findings[0].clone();
        extra.suggestion = Some("X".into());
        r.findings.push(extra);
        assert_eq!(edits(&r).len(), 2);
    }
}
