//! Mutation test of omission and addition reporting on the shipped samples
//! and the held-out pairs.
//!
//! For each sample's clean pair (`pt.txt`, `en.txt`): every target sentence
//! that is the whole translation of one source sentence (a 1-1 link) is
//! deleted in turn, and an omission (warning or error) must cover that
//! source sentence; a sentence from another sample's translation is inserted
//! before every target sentence (and at the end) in turn, and an addition
//! must cover it. Omission and addition reports anywhere else are counted
//! as false. Runs with and without the alignment's QA refinement.
//!
//! `cargo run --release --example mutate_eval`

use std::ops::Range;
use std::path::{Path, PathBuf};
use transcheck::Severity;
use transcheck::glossary::Glossary;
use transcheck::input::Document;
use transcheck::pipeline::{PairOptions, PairResult, check_pair};

fn main() -> anyhow::Result<()> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs: Vec<PathBuf> = Vec::new();
    for root in [base.join("samples"), base.join("tests/data/heldout")] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(&root)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("pt.txt").exists() && p.join("en.txt").exists())
            .collect();
        found.sort();
        dirs.extend(found);
    }
    let glossary = Glossary::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("glossaries"),
        "pt",
        "en",
    )?;
    for raw in [true, false] {
        let opts = PairOptions {
            source_lang: Some("pt".into()),
            target_lang: Some("en".into()),
            raw_alignment: raw,
            ..Default::default()
        };
        let mut t = Tally::default();
        for (k, dir) in dirs.iter().enumerate() {
            let other = &dirs[(k + 1) % dirs.len()];
            run_sample(dir, other, &glossary, &opts, &mut t)?;
        }
        println!(
            "{}",
            if raw {
                "aligner only"
            } else {
                "aligner + refine"
            }
        );
        println!(
            "  clean pairs: {} false omission/addition reports",
            t.clean_false
        );
        println!(
            "  deletions:  recall {}/{} = {:.3}, false reports {}",
            t.del_hit,
            t.del,
            t.del_hit as f64 / t.del.max(1) as f64,
            t.del_false
        );
        println!(
            "  insertions: recall {}/{} = {:.3}, false reports {}",
            t.ins_hit,
            t.ins,
            t.ins_hit as f64 / t.ins.max(1) as f64,
            t.ins_false
        );
    }
    Ok(())
}

#[derive(Default)]
struct Tally {
    clean_false: usize,
    del: usize,
    del_hit: usize,
    del_false: usize,
    ins: usize,
    ins_hit: usize,
    ins_false: usize,
}

/// Omission and addition findings (warning or above): rule, source range,
/// target range in the documents.
/// A report: rule, source range, target range.
type Report = (String, Option<Range<usize>>, Option<Range<usize>>);

fn reports(r: &PairResult) -> Vec<Report> {
    r.findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .filter(|f| f.rule == "omission" || f.rule == "addition")
        .filter_map(|f| {
            let v = r.views.get(f.link?)?;
            let side = |t: &transcheck::checks::SideText, span: &Option<Range<usize>>| {
                if t.is_empty() {
                    return None;
                }
                let s = span.clone().unwrap_or(0..t.text.len());
                Some(t.to_doc(s.start)..t.to_doc(s.end).max(t.to_doc(s.start) + 1))
            };
            Some((
                f.rule.to_string(),
                side(&v.source, &f.source_span),
                side(&v.target, &f.target_span),
            ))
        })
        .collect()
}

fn overlaps(a: &Option<Range<usize>>, b: &Range<usize>) -> bool {
    a.as_ref()
        .is_some_and(|a| a.start < b.end && b.start < a.end)
}

fn run_sample(
    dir: &Path,
    other: &Path,
    glossary: &Glossary,
    opts: &PairOptions,
    t: &mut Tally,
) -> anyhow::Result<()> {
    let src = Document::load(&dir.join("pt.txt"))?;
    let tgt = Document::load(&dir.join("en.txt"))?;
    let clean = check_pair(src.clone(), tgt.clone(), glossary, opts);
    t.clean_false += reports(&clean).len();
    let text = &tgt.text;

    // Deletions: target sentences of 1-1 links, one at a time.
    for link in &clean.links {
        let ([i], [j]) = (link.source.as_slice(), link.target.as_slice()) else {
            continue;
        };
        let (Some(ss), Some(ts)) = (clean.source_segments.get(*i), clean.target_segments.get(*j))
        else {
            continue;
        };
        let mut end = ts.end;
        while text[end..].starts_with(' ') {
            end += 1;
        }
        let mutated = format!("{}{}", &text[..ts.start], &text[end..]);
        let r = check_pair(
            src.clone(),
            Document::from_text(&tgt.path, &mutated),
            glossary,
            opts,
        );
        let want = ss.start..ss.end;
        t.del += 1;
        let mut hit = false;
        for (rule, s, _) in reports(&r) {
            if rule == "omission" && overlaps(&s, &want) {
                hit = true;
            } else {
                t.del_false += 1;
            }
        }
        t.del_hit += hit as usize;
    }

    // Insertions: a sentence of another sample before each target sentence.
    let odoc = Document::load(&other.join("en.txt"))?;
    let oprof = transcheck::profile::Profile::builtin("en");
    let fillers: Vec<String> = transcheck::segment::segment(&odoc, &oprof)
        .iter()
        .map(|s| s.text(&odoc).to_string())
        .filter(|s| s.split_whitespace().count() > 5)
        .collect();
    if fillers.is_empty() {
        return Ok(());
    }
    let mut positions: Vec<usize> = clean.target_segments.iter().map(|s| s.start).collect();
    positions.push(text.trim_end().len());
    for (k, &pos) in positions.iter().enumerate() {
        let fill = &fillers[k % fillers.len()];
        let (mutated, range) = if pos >= text.trim_end().len() {
            let at = pos + 1;
            (
                format!("{} {fill}{}", &text[..pos], &text[pos..]),
                at..at + fill.len(),
            )
        } else {
            (
                format!("{}{fill} {}", &text[..pos], &text[pos..]),
                pos..pos + fill.len(),
            )
        };
        let r = check_pair(
            src.clone(),
            Document::from_text(&tgt.path, &mutated),
            glossary,
            opts,
        );
        t.ins += 1;
        let mut hit = false;
        for (rule, _, tr) in reports(&r) {
            if rule == "addition" && overlaps(&tr, &range) {
                hit = true;
            } else {
                t.ins_false += 1;
            }
        }
        t.ins_hit += hit as usize;
    }
    Ok(())
}
