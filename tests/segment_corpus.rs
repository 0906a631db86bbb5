//! Measures sentence-boundary precision, recall and F1 against presegmented
//! gold text: each file's lines are joined with spaces and re-split. Needs
//! the corpora (`../shared/corpora`, or `$TRANSCHECK_CORPORA`), so it is
//! ignored by a plain `cargo test` and fails when run without them.
//! Run with `cargo test --test segment_corpus -- --nocapture` to see the figures.

use std::path::{Path, PathBuf};
use transcheck::input::Document;
use transcheck::profile::Profile;
use transcheck::segment::segment;

fn corpora() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("TRANSCHECK_CORPORA")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            manifest.join("../shared/corpora"),
            manifest.join("../../shared/corpora"),
        ])
        .find(|p| p.is_dir())
}

/// Boundary counts for one text.
#[derive(Default)]
struct Counts {
    correct: usize,
    predicted: usize,
    gold: usize,
    /// Gold boundaries after a line that ends in terminal punctuation, and
    /// how many of those were found: what a segmenter can see in prose.
    gold_punct: usize,
    correct_punct: usize,
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…'])
}

fn score_file(path: &Path, lang: &str, sep: &str) -> Counts {
    let raw = std::fs::read_to_string(path).expect("corpus file is UTF-8");
    let lines: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let joined = lines.join(sep);
    // Gold boundaries: byte offsets where each line after the first starts.
    let mut gold = Vec::new();
    let mut punct = Vec::new();
    let mut pos = 0;
    for l in &lines[..lines.len().saturating_sub(1)] {
        pos += l.len() + sep.len();
        gold.push(pos);
        if ends_sentence(l) {
            punct.push(pos);
        }
    }
    let doc = Document::from_text(path, &joined);
    assert_eq!(doc.text.len(), joined.len(), "corpus text is already NFC");
    let segs = segment(&doc, &Profile::builtin(lang));
    let predicted: Vec<usize> = segs.iter().skip(1).map(|s| s.start).collect();
    let tp = predicted
        .iter()
        .filter(|p| gold.binary_search(p).is_ok())
        .count();
    let tp_punct = punct
        .iter()
        .filter(|p| predicted.binary_search(p).is_ok())
        .count();
    if std::env::var_os("SEGMENT_CORPUS_VERBOSE").is_some() {
        let ctx = |at: usize| {
            let a = joined.floor_char_boundary(at.saturating_sub(50));
            let b = joined.floor_char_boundary((at + 30).min(joined.len()));
            format!("{}⟂{}", &joined[a..at], &joined[at..b])
        };
        for g in gold.iter().filter(|g| predicted.binary_search(g).is_err()) {
            println!("  missed: {}", ctx(*g));
        }
        for p in predicted.iter().filter(|p| gold.binary_search(p).is_err()) {
            println!("  extra:  {}", ctx(*p));
        }
    }
    Counts {
        correct: tp,
        predicted: predicted.len(),
        gold: gold.len(),
        gold_punct: punct.len(),
        correct_punct: tp_punct,
    }
}

fn report(name: &str, dir: &Path, lang: &str, sep: &str) -> Option<f64> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut total = Counts::default();
    for f in &files {
        let c = score_file(f, lang, sep);
        total.correct += c.correct;
        total.predicted += c.predicted;
        total.gold += c.gold;
        total.gold_punct += c.gold_punct;
        total.correct_punct += c.correct_punct;
    }
    let (tp, pred, gold) = (total.correct, total.predicted, total.gold);
    let precision = tp as f64 / pred.max(1) as f64;
    let recall = tp as f64 / gold.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    println!(
        "{name}, lines joined by {sep:?}: {} files, boundaries gold {gold} predicted {pred} correct {tp}: P {precision:.3} R {recall:.3} F1 {f1:.3}; after terminal punctuation R {:.3} ({}/{})",
        files.len(),
        total.correct_punct as f64 / total.gold_punct.max(1) as f64,
        total.correct_punct,
        total.gold_punct,
    );
    Some(f1)
}

#[test]
#[ignore = "needs ../shared/corpora (or TRANSCHECK_CORPORA); .ci/run runs it when the data is there"]
fn parice_boundary_f1() {
    let root = corpora()
        .expect("corpora not found: put them in ../shared/corpora or set TRANSCHECK_CORPORA");
    let dir = root.join("parice-en-is");
    let missing = |what: &str| format!("{what} not found under {}", dir.display());
    for sep in [" ", "\n"] {
        let f1 = report("ParIce en", &dir.join("eng_text"), "en", sep)
            .unwrap_or_else(|| panic!("{}", missing("eng_text")));
        assert!(f1 > 0.85, "English boundary F1 {f1:.3}");
        let f1 = report(
            "ParIce is (generic profile)",
            &dir.join("isl_text"),
            "is",
            sep,
        )
        .unwrap_or_else(|| panic!("{}", missing("isl_text")));
        assert!(f1 > 0.8, "Icelandic boundary F1 {f1:.3}");
    }
}
