//! Inline suppression: a target line `transcheck-ignore: RULE reason` (or
//! `<!-- transcheck-ignore: RULE reason -->`) silences RULE on the next
//! sentence. Directive lines are cut out of the target segments before
//! alignment so they are never aligned or checked as text.

use crate::align::Link;
use crate::finding::{Finding, Severity};
use crate::input::Document;
use crate::segment::Segment;

/// Rule id of the findings about suppressions themselves.
pub const RULE: &str = "suppression";

const MARKER: &str = "transcheck-ignore:";

/// One directive line in the target.
#[derive(Debug, Clone, PartialEq)]
pub struct Directive {
    /// 1-based line in the target.
    pub line: usize,
    /// Byte range of the whole line (without its `\n`).
    pub start: usize,
    pub end: usize,
    /// Rule ids (`all` silences every rule).
    pub rules: Vec<String>,
    pub reason: String,
}

/// Finds directive lines: the trimmed line starts with the marker, or with a
/// comment opener (`<!--`, `#`, `//`) followed by the marker.
pub fn directives(doc: &Document) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut pos = 0;
    for (i, raw) in doc.text.split_inclusive('\n').enumerate() {
        let line = raw.trim_end_matches('\n');
        let t = line.trim();
        let body = ["<!--", "//", "#", ""]
            .iter()
            .find_map(|open| t.strip_prefix(open)?.trim_start().strip_prefix(MARKER));
        if let Some(body) = body {
            let body = body.trim().trim_end_matches("-->").trim();
            let (rules, reason) = match body.split_once(char::is_whitespace) {
                Some((r, reason)) => (r, reason.trim()),
                None => (body, ""),
            };
            out.push(Directive {
                // A marked-up file's prose has its own lines: name the original's.
                line: if doc.markup.is_some() {
                    doc.line_col(pos).0
                } else {
                    i + 1
                },
                start: pos,
                end: pos + line.len(),
                rules: rules
                    .split(',')
                    .map(|r| r.trim().to_string())
                    .filter(|r| !r.is_empty())
                    .collect(),
                reason: reason.to_string(),
            });
        }
        pos += raw.len();
    }
    out
}

/// Cuts directive lines out of the segments: a segment inside a directive
/// line is dropped; one that overlaps it is trimmed to the text outside it.
/// Works whatever the segmenter did with the line.
pub fn strip(doc: &Document, segments: Vec<Segment>, dirs: &[Directive]) -> Vec<Segment> {
    if dirs.is_empty() {
        return segments;
    }
    let mut out = Vec::new();
    for seg in segments {
        let mut pieces = vec![(seg.start, seg.end)];
        for d in dirs {
            let mut next = Vec::new();
            for (s, e) in pieces {
                if e <= d.start || s > d.end {
                    next.push((s, e));
                    continue;
                }
                if s < d.start {
                    next.push((s, d.start));
                }
                if e > d.end {
                    next.push((d.end, e));
                }
            }
            pieces = next;
        }
        for (s, e) in pieces {
            let Some(text) = doc.text.get(s..e) else {
                continue;
            };
            let lead = text.len() - text.trim_start().len();
            let trimmed = text.trim();
            if trimmed.is_empty() {
                continue;
            }
            let start = s + lead;
            let (line, column) = doc.line_col(start);
            out.push(Segment {
                start,
                end: start + trimmed.len(),
                line,
                column,
                paragraph: seg.paragraph,
            });
        }
    }
    out
}

/// A finding a directive silenced, kept so reports can show what was
/// accepted and why (SARIF `suppressions`, JSON `suppressed`).
#[derive(Debug, Clone)]
pub struct Silenced {
    pub finding: Finding,
    /// 1-based line of the directive in the target.
    pub line: usize,
    pub reason: String,
}

/// Takes out the findings a directive silences (returned) and adds a
/// `suppression` warning for each directive without a reason or naming an
/// unknown rule.
pub fn apply(
    doc: &Document,
    dirs: &[Directive],
    segments: &[Segment],
    links: &[Link],
    known_rules: &[&str],
    findings: &mut Vec<Finding>,
) -> Vec<Silenced> {
    let mut silenced = Vec::new();
    for d in dirs {
        let next = segments.iter().position(|s| s.start >= d.end);
        let link = next.and_then(|n| links.iter().position(|l| l.target.contains(&n)));
        let place = format!("{}:{}", doc.display_path(), d.line);
        for message in complaints(d, &place, next.is_some(), known_rules) {
            let mut f = Finding::new(RULE, Severity::Warning, message);
            f.link = link;
            findings.push(f);
        }
        if d.rules.is_empty() {
            continue;
        }
        let (Some(n), Some(li)) = (next, link) else {
            continue;
        };
        let range = sentence_range(&links[li], segments, n);
        let (hit, kept): (Vec<Finding>, Vec<Finding>) =
            std::mem::take(findings).into_iter().partition(|f| {
                let silenced_rule =
                    f.rule != RULE && d.rules.iter().any(|r| r == "all" || r == f.rule);
                let here = f.link == Some(li)
                    && f.target_span.as_ref().is_none_or(|s| {
                        (s.start < range.end && s.end > range.start)
                            || (s.is_empty() && range.contains(&s.start))
                    });
                silenced_rule && here
            });
        *findings = kept;
        silenced.extend(hit.into_iter().map(|finding| Silenced {
            finding,
            line: d.line,
            reason: d.reason.clone(),
        }));
    }
    silenced
}

/// What is wrong with a directive: no rule, no reason, nothing after it to
/// silence, a rule that does not exist.
fn complaints(d: &Directive, place: &str, has_next: bool, known_rules: &[&str]) -> Vec<String> {
    if d.rules.is_empty() {
        return vec![format!(
            "{place}: transcheck-ignore names no rule; write `transcheck-ignore: RULE reason`"
        )];
    }
    let mut out = Vec::new();
    if d.reason.is_empty() {
        out.push(format!(
            "{place}: `transcheck-ignore: {}` has no reason; add one saying why the finding is accepted",
            d.rules.join(",")
        ));
    }
    if !has_next {
        out.push(format!(
            "{place}: transcheck-ignore has no sentence after it and silences nothing"
        ));
    }
    for r in &d.rules {
        if r != "all" && !known_rules.contains(&r.as_str()) {
            out.push(format!(
                "{place}: transcheck-ignore names unknown rule '{r}'; known rules: {}",
                known_rules.join(", ")
            ));
        }
    }
    out
}

/// Byte range of target sentence `n` inside the link's joined target text.
fn sentence_range(l: &Link, segments: &[Segment], n: usize) -> std::ops::Range<usize> {
    let mut off = 0;
    let mut range = 0..0;
    for &t in &l.target {
        let len = segments.get(t).map_or(0, |s| s.end - s.start);
        if t == n {
            range = off..off + len;
        }
        off += len + 1;
    }
    range
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(doc: &Document, start: usize, end: usize) -> Segment {
        let (line, column) = doc.line_col(start);
        Segment {
            start,
            end,
            line,
            column,
            paragraph: 0,
        }
    }

    #[test]
    fn finds_plain_and_comment_directives() {
        let d = Document::from_text(
            "t",
            "One.\ntranscheck-ignore: number rounded in copy\n<!-- transcheck-ignore: name,quote -->\nTwo.\n",
        );
        let ds = directives(&d);
        assert_eq!(ds.len(), 2);
        assert_eq!(ds[0].line, 2);
        assert_eq!(ds[0].rules, ["number"]);
        assert_eq!(ds[0].reason, "rounded in copy");
        assert_eq!(ds[1].rules, ["name", "quote"]);
        assert_eq!(ds[1].reason, "");
    }

    #[test]
    fn directive_at_the_end_warns() {
        let d = Document::from_text("t", "One.\ntranscheck-ignore: number fine\n");
        let ds = directives(&d);
        let segs = strip(&d, vec![seg(&d, 0, 4)], &ds);
        let mut fs = Vec::new();
        apply(&d, &ds, &segs, &[], &["number"], &mut fs);
        assert_eq!(fs.len(), 1);
        assert!(
            fs[0].message.contains("silences nothing"),
            "{}",
            fs[0].message
        );
    }

    #[test]
    fn ordinary_text_mentioning_the_marker_is_not_a_directive() {
        let d = Document::from_text("t", "He typed transcheck-ignore: number in the file.\n");
        assert!(directives(&d).is_empty());
    }

    #[test]
    fn strip_drops_and_trims_segments() {
        let text = "One.\ntranscheck-ignore: number why\nTwo.";
        let d = Document::from_text("t", text);
        let ds = directives(&d);
        // A segmenter that glued the directive to the next sentence.
        let segs = vec![seg(&d, 0, 4), seg(&d, 5, text.len())];
        let out = strip(&d, segs, &ds);
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].text(&d), "Two.");
        assert_eq!(out[1].line, 3);
        // A segmenter that kept the directive as its own sentence.
        let segs = vec![seg(&d, 0, 4), seg(&d, 5, 34), seg(&d, 35, text.len())];
        let out = strip(&d, segs, &ds);
        assert_eq!(
            out.iter().map(|s| s.text(&d)).collect::<Vec<_>>(),
            ["One.", "Two."]
        );
    }

    #[test]
    fn apply_silences_next_sentence_only_and_warns_without_reason() {
        let text = "One.\ntranscheck-ignore: number\nTwo.";
        let d = Document::from_text("t", text);
        let ds = directives(&d);
        let segs = strip(&d, vec![seg(&d, 0, 4), seg(&d, 31, text.len())], &ds);
        let links = vec![
            Link {
                source: vec![0],
                target: vec![0],
                score: 1.0,
                low_confidence: false,
            },
            Link {
                source: vec![1],
                target: vec![1],
                score: 1.0,
                low_confidence: false,
            },
        ];
        let mut fs = vec![
            Finding::new("number", Severity::Error, "a").link(0),
            Finding::new("number", Severity::Error, "b").link(1),
            Finding::new("name", Severity::Error, "c").link(1),
        ];
        let silenced = apply(&d, &ds, &segs, &links, &["number", "name"], &mut fs);
        assert_eq!(silenced.len(), 1);
        assert_eq!(silenced[0].finding.message, "b");
        assert_eq!(silenced[0].line, 2);
        let msgs: Vec<_> = fs.iter().map(|f| (f.rule, f.message.as_str())).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs.contains(&("number", "a")));
        assert!(msgs.contains(&("name", "c")));
        assert!(
            fs.iter()
                .any(|f| f.rule == RULE && f.severity == Severity::Warning)
        );
    }
}
