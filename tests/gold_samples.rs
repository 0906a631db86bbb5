//! Gold tests on the shipped samples (`samples/*/`): segmentation against the
//! gold sentence files, alignment against the gold links, and checking
//! against the manifest of planted mistakes.

mod common;

use std::path::{Path, PathBuf};
use transcheck::align::gold;
use transcheck::eval;
use transcheck::input::Document;
use transcheck::{Severity, profile::Profile, segment};

fn sample_dirs() -> Vec<PathBuf> {
    common::pair_dirs("samples", 3)
}

fn gold_sentences(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "<p>")
        .map(String::from)
        .collect()
}

#[test]
fn segmentation_matches_gold_sentences() {
    let mut total = 0;
    let mut exact = 0;
    let mut report = String::new();
    for dir in sample_dirs() {
        for (file, lang) in [("pt", "pt"), ("en", "en")] {
            let doc = Document::load(&dir.join(format!("{file}.txt"))).unwrap();
            let got: Vec<String> = segment::segment(&doc, &Profile::builtin(lang))
                .iter()
                .map(|s| s.text(&doc).to_string())
                .collect();
            let gold = gold_sentences(&dir.join(format!("{file}.sentences.txt")));
            total += gold.len();
            let got_set: std::collections::HashSet<&String> = got.iter().collect();
            for g in &gold {
                if got_set.contains(g) {
                    exact += 1;
                } else {
                    report.push_str(&format!("{}/{file}: missed {g:?}\n", dir.display()));
                }
            }
        }
    }
    let rate = exact as f64 / total as f64;
    assert!(rate >= 0.97, "sentence accuracy {rate:.3}\n{report}");
}

#[test]
fn clean_translations_get_no_error() {
    let g = common::shipped_glossaries();
    for dir in sample_dirs() {
        let r = common::check_pt_en(&dir, "en.txt", &g);
        let errors: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{}: {}", f.rule, f.message))
            .collect();
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            dir.display(),
            errors.join("\n")
        );
    }
}

#[test]
fn every_planted_mistake_is_found_under_its_rule() {
    let g = common::shipped_glossaries();
    let mut missed = Vec::new();
    let mut false_alarms = Vec::new();
    let mut totals = eval::RuleScore::default();
    for dir in sample_dirs() {
        let manifest = common::manifest(&dir);
        let r = common::check_pt_en(&dir, "en.flawed.txt", &g);
        let s = eval::score(&r, &manifest);
        totals.add(&s.totals());
        for m in s.missed {
            missed.push(format!(
                "{}: [{}] {:?} ({})",
                dir.display(),
                m.rule,
                m.text,
                m.note
            ));
        }
        for (rule, msg) in s.false_alarms {
            false_alarms.push(format!("{}: [{rule}] {msg}", dir.display()));
        }
    }
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
    let precision = totals.correct as f64 / totals.reported.max(1) as f64;
    assert!(
        precision >= 0.9,
        "precision {precision:.3}; false alarms:\n{}",
        false_alarms.join("\n")
    );
}

/// Links of every sample's clean pair, aligned by the check pipeline, with
/// the gold links; sentences come from `segment` (`presegmented` = false) or
/// from the gold sentence files.
struct Aligned {
    name: String,
    gold: Vec<gold::GoldLink>,
    links: Vec<transcheck::align::Link>,
    /// Byte ranges of the sentences the links index, per side.
    src_ranges: Vec<std::ops::Range<usize>>,
    tgt_ranges: Vec<std::ops::Range<usize>>,
    /// Byte ranges of the gold sentences in the plain files, per side.
    gold_src_ranges: Vec<std::ops::Range<usize>>,
    gold_tgt_ranges: Vec<std::ops::Range<usize>>,
}

/// Where each gold sentence lies in the plain file (searched in order).
fn locate(text: &str, sentences: &[String]) -> Vec<std::ops::Range<usize>> {
    let mut at = 0;
    sentences
        .iter()
        .map(|s| match text.get(at..).and_then(|t| t.find(s.as_str())) {
            Some(k) => {
                let start = at + k;
                at = start + s.len();
                start..at
            }
            None => usize::MAX..usize::MAX,
        })
        .collect()
}

fn aligned(presegmented: bool) -> Vec<Aligned> {
    let g = common::shipped_glossaries();
    let (pt, en) = (Profile::builtin("pt"), Profile::builtin("en"));
    let mut out = Vec::new();
    for dir in sample_dirs() {
        let (sf, tf) = if presegmented {
            ("pt.sentences.txt", "en.sentences.txt")
        } else {
            ("pt.txt", "en.txt")
        };
        let sd = Document::load(&dir.join(sf)).unwrap();
        let td = Document::load(&dir.join(tf)).unwrap();
        let ss = transcheck::pipeline::segment_doc(&sd, &pt, presegmented);
        let ts = transcheck::pipeline::segment_doc(&td, &en, presegmented);
        let links = transcheck::pipeline::align_docs(&sd, &td, &ss, &ts, &pt, &en, &g);
        let plain_s = Document::load(&dir.join("pt.txt")).unwrap();
        let plain_t = Document::load(&dir.join("en.txt")).unwrap();
        out.push(Aligned {
            name: dir.display().to_string(),
            gold: gold::load(&dir.join("gold.txt")).unwrap(),
            links,
            src_ranges: ss.iter().map(|s| s.start..s.end).collect(),
            tgt_ranges: ts.iter().map(|s| s.start..s.end).collect(),
            gold_src_ranges: locate(
                &plain_s.text,
                &gold_sentences(&dir.join("pt.sentences.txt")),
            ),
            gold_tgt_ranges: locate(
                &plain_t.text,
                &gold_sentences(&dir.join("en.sentences.txt")),
            ),
        });
    }
    out
}

#[test]
fn alignment_of_gold_sentences_matches_gold_links() {
    let mut pooled = gold::Score::default();
    let mut kinds = std::collections::BTreeSet::new();
    let mut report = String::new();
    for a in aligned(true) {
        for (s, t) in &a.gold {
            kinds.insert((s.len(), t.len()));
        }
        let predicted = gold::from_links(&a.links);
        let s = gold::score(&a.gold, &predicted);
        pooled.add(&s);
        for l in &predicted {
            if !a.gold.contains(l) {
                report.push_str(&format!("{}: wrong link {l:?}\n", a.name));
            }
        }
    }
    for k in [(1, 1), (1, 2), (2, 1), (2, 2), (1, 0), (0, 1)] {
        assert!(kinds.contains(&k), "no {k:?} link in the gold: {kinds:?}");
    }
    assert!(
        kinds.contains(&(1, 3)) || kinds.contains(&(3, 1)),
        "no 1-3 or 3-1 link in the gold: {kinds:?}"
    );
    let f1 = pooled.f1();
    assert!(f1 >= 0.97, "strict F1 {f1:.3} ({pooled:?})\n{report}");
}

#[test]
fn end_to_end_alignment_matches_gold_links() {
    use std::ops::Range;
    type Pair = (Option<Range<usize>>, Option<Range<usize>>);
    // A link as the byte ranges it covers on each side (None when empty).
    fn span(ids: &[usize], ranges: &[Range<usize>]) -> Option<Range<usize>> {
        let first = ranges.get(*ids.first()?)?;
        let last = ranges.get(*ids.last()?)?;
        Some(first.start..last.end)
    }
    let (mut tp, mut predicted, mut gold_n) = (0usize, 0usize, 0usize);
    let mut report = String::new();
    for a in aligned(false) {
        let gold: Vec<Pair> = a
            .gold
            .iter()
            .map(|(s, t)| (span(s, &a.gold_src_ranges), span(t, &a.gold_tgt_ranges)))
            .collect();
        let got: Vec<Pair> = a
            .links
            .iter()
            .map(|l| {
                (
                    span(&l.source, &a.src_ranges),
                    span(&l.target, &a.tgt_ranges),
                )
            })
            .collect();
        predicted += got.len();
        gold_n += gold.len();
        for g in &got {
            if gold.contains(g) {
                tp += 1;
            } else {
                report.push_str(&format!("{}: wrong link {g:?}\n", a.name));
            }
        }
    }
    let (p, r) = (
        tp as f64 / predicted.max(1) as f64,
        tp as f64 / gold_n.max(1) as f64,
    );
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    assert!(f1 >= 0.95, "end-to-end F1 {f1:.3}\n{report}");
}
