//! Gold tests on the shipped samples (`samples/*/`): segmentation against the
//! gold sentence files, alignment against the gold links, and checking
//! against the manifest of planted mistakes.

use std::path::{Path, PathBuf};
use transcheck::eval::{self, Manifest};
use transcheck::glossary::Glossary;
use transcheck::input::Document;
use transcheck::pipeline::{PairOptions, check_pair};
use transcheck::{Severity, profile::Profile, segment};

fn sample_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("samples/ is shipped with the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("pt.txt").exists())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 3, "expected the shipped samples");
    dirs
}

fn glossaries() -> Glossary {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("glossaries");
    Glossary::load(&dir, "pt", "en").expect("shipped glossaries load")
}

fn options() -> PairOptions {
    PairOptions {
        source_lang: Some("pt".into()),
        target_lang: Some("en".into()),
        ..Default::default()
    }
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
    let g = glossaries();
    for dir in sample_dirs() {
        let r = check_pair(
            Document::load(&dir.join("pt.txt")).unwrap(),
            Document::load(&dir.join("en.txt")).unwrap(),
            &g,
            &options(),
        );
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
    let g = glossaries();
    let mut missed = Vec::new();
    let mut false_alarms = Vec::new();
    let mut totals = eval::RuleScore::default();
    for dir in sample_dirs() {
        let manifest_path = dir.join("flawed.expected.toml");
        let manifest = Manifest::parse(
            &manifest_path.display().to_string(),
            &std::fs::read_to_string(&manifest_path).unwrap(),
        )
        .unwrap();
        let r = check_pair(
            Document::load(&dir.join("pt.txt")).unwrap(),
            Document::load(&dir.join("en.flawed.txt")).unwrap(),
            &g,
            &options(),
        );
        let s = eval::score(&r, &manifest);
        let t = s.totals();
        totals.planted += t.planted;
        totals.found += t.found;
        totals.reported += t.reported;
        totals.correct += t.correct;
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
