//! Guards against a quadratic path: large inputs must finish under wall-clock
//! caps far above their normal time (seconds), so a loaded machine never
//! fails them, while a cost quadratic in the input (hours at these sizes)
//! does. Not a speed measurement: `scripts/bench.py` measures.
//!
//! Segmentation runs on 200,000 sentences in every build. The whole pipeline
//! on 200,000 sentences needs an optimised build (unoptimised code takes
//! minutes on 20,000): CI runs
//! `cargo test --release --test scale_guard -- --include-ignored`. One 2 MB
//! line a side, with and without sentence punctuation, every rule on, runs
//! in release builds (200 KB in debug ones).

use std::time::{Duration, Instant};
use transcheck::checks::SeverityOverrides;
use transcheck::glossary::Glossary;
use transcheck::input::Document;
use transcheck::pipeline::{PairOptions, check_pair};
use transcheck::profile::Profile;
use transcheck::segment::MAX_SEGMENT_CHARS;

/// Far above the normal time, far below a quadratic one.
const CAP: Duration = Duration::from_secs(if cfg!(debug_assertions) { 120 } else { 300 });

const SOURCE: &[&str] = &[
    "O ministro da Fazenda disse nesta terça-feira que o governo vai cortar R$ 12 bilhões do orçamento.",
    "A medida atinge sobretudo os gastos discricionários dos ministérios.",
    "Segundo ele, o objetivo é cumprir a meta de déficit zero em 2025.",
    "A oposição criticou o anúncio e pediu explicações ao Congresso.",
    "O Banco Central manteve a taxa de juros em 10,5% ao ano.",
];
const TARGET: &[&str] = &[
    "The finance minister said on Tuesday that the government will cut R$12 billion from the budget.",
    "The measure mainly affects the ministries' discretionary spending.",
    "According to him, the goal is to meet the zero-deficit target in 2025.",
    "The opposition criticised the announcement and asked Congress for explanations.",
    "The Central Bank kept the interest rate at 10.5% a year.",
];

/// `n` sentences, five to a paragraph, each made distinct by a number.
fn text(sentences: &[&str], n: usize) -> String {
    let mut s = String::with_capacity(n * 100);
    for k in 0..n {
        let base = sentences[k % sentences.len()];
        s.push_str(&base.replacen('.', &format!(" ({k})."), 1));
        s.push(if k % 5 == 4 { '\n' } else { ' ' });
        if k % 5 == 4 {
            s.push('\n');
        }
    }
    s
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "needs an optimised build: cargo test --release --test scale_guard"
)]
fn pipeline_on_200k_sentences_stays_under_the_cap() {
    let n = 200_000;
    let src = Document::from_text("pt.txt", &text(SOURCE, n));
    let tgt = Document::from_text("en.txt", &text(TARGET, n));
    // `name` is left out: its cost on whole documents is known and tracked
    // separately; every other check runs.
    let mut overrides = SeverityOverrides::new();
    overrides.insert("name".into(), None);
    let options = PairOptions {
        source_lang: Some("pt".into()),
        target_lang: Some("en".into()),
        overrides,
        ..Default::default()
    };
    let t = Instant::now();
    let r = check_pair(src, tgt, &Glossary::default(), &options);
    let took = t.elapsed();
    assert!(r.links.len() >= n * 9 / 10, "{} links", r.links.len());
    assert!(took < CAP, "{n} sentences took {took:?} (cap {CAP:?})");
}

#[test]
fn segmenting_200k_sentences_stays_under_the_cap() {
    let doc = Document::from_text("pt.txt", &text(SOURCE, 200_000));
    let t = Instant::now();
    let segs = transcheck::segment::segment(&doc, &Profile::builtin("pt"));
    let took = t.elapsed();
    assert!(segs.len() >= 200_000, "{}", segs.len());
    assert!(took < CAP, "took {took:?} (cap {CAP:?})");
}

/// Every rule on, both languages given.
fn all_rules() -> PairOptions {
    PairOptions {
        source_lang: Some("pt".into()),
        target_lang: Some("en".into()),
        ..Default::default()
    }
}

/// The sample sentences on one line, `bytes` long, with or without their
/// sentence punctuation (numbers, names and quotes kept).
fn one_line(sentences: &[&str], bytes: usize, punctuated: bool) -> String {
    let mut line = String::with_capacity(bytes + 200);
    let mut k = 0;
    while line.len() < bytes {
        let s = sentences[k % sentences.len()];
        if punctuated {
            line.push_str(s);
        } else {
            line.extend(
                s.chars()
                    .filter(|c| !matches!(c, '.' | '!' | '?' | ';' | ':')),
            );
        }
        line.push(' ');
        k += 1;
    }
    line
}

#[test]
fn one_huge_line_without_punctuation_stays_under_the_cap() {
    // No sentence end at all: cut into pieces of at most
    // MAX_SEGMENT_CHARS, every rule on. Whole, one 200 KB segment took 17 s
    // in a release build (the number and name rules are quadratic in a
    // sentence's length); the pieces keep it linear.
    let size = if cfg!(debug_assertions) {
        200_000
    } else {
        2_000_000
    };
    let src = Document::from_text("pt.txt", &one_line(SOURCE, size, false));
    let tgt = Document::from_text("en.txt", &one_line(TARGET, size, false));
    let t0 = Instant::now();
    let r = check_pair(src, tgt, &Glossary::default(), &all_rules());
    let took = t0.elapsed();
    let longest = r
        .source_segments
        .iter()
        .map(|s| s.text(&r.source).chars().count())
        .max()
        .unwrap_or(0);
    assert!(longest <= MAX_SEGMENT_CHARS, "{longest}");
    assert!(r.source_segments.len() >= size / MAX_SEGMENT_CHARS);
    assert!(
        r.links.len() >= size / MAX_SEGMENT_CHARS / 2,
        "{}",
        r.links.len()
    );
    assert!(took < CAP, "took {took:?} (cap {CAP:?})");
}

#[test]
fn one_huge_line_of_sentences_stays_under_the_cap() {
    // One paragraph of tens of thousands of sentences, every rule on.
    let size = if cfg!(debug_assertions) {
        200_000
    } else {
        2_000_000
    };
    let src = Document::from_text("pt.txt", &one_line(SOURCE, size, true));
    let tgt = Document::from_text("en.txt", &one_line(TARGET, size, true));
    let t0 = Instant::now();
    let r = check_pair(src, tgt, &Glossary::default(), &all_rules());
    let took = t0.elapsed();
    let sentences = size / 80;
    assert!(
        r.links.len() >= sentences * 9 / 10,
        "{} links",
        r.links.len()
    );
    assert!(took < CAP, "took {took:?} (cap {CAP:?})");
}

#[test]
fn repetitive_text_with_drift_aligns_like_with_like() {
    // Five sentences over and over: no word occurs once, so nothing anchors
    // the path, and a target sentence dropped every 97 moves it ever further
    // off the diagonal (by 2,000 rows at 200,000). Each 1-1 link must still
    // pair a sentence with its translation, within the cap.
    let n = if cfg!(debug_assertions) {
        4_000
    } else {
        200_000
    };
    let src: Vec<&str> = (0..n).map(|k| SOURCE[k % SOURCE.len()]).collect();
    let keep: Vec<usize> = (0..n).filter(|k| k % 97 != 50).collect();
    let tgt: Vec<&str> = keep.iter().map(|&k| TARGET[k % TARGET.len()]).collect();
    let (pt, en) = (Profile::builtin("pt"), Profile::builtin("en"));
    let side = |sentences: Vec<&'static str>, profile| transcheck::align::Side {
        paragraphs: vec![0; sentences.len()],
        sentences,
        profile,
    };
    let t = Instant::now();
    let links = transcheck::align::align(
        &side(src, &pt),
        &side(tgt, &en),
        &transcheck::align::AlignOptions::default(),
    );
    let took = t.elapsed();
    let ones: Vec<_> = links
        .iter()
        .filter(|l| l.source.len() == 1 && l.target.len() == 1)
        .collect();
    let alike = ones
        .iter()
        .filter(|l| l.source[0] % SOURCE.len() == keep[l.target[0]] % TARGET.len())
        .count();
    assert!(ones.len() >= n * 9 / 10, "{} 1-1 links", ones.len());
    assert!(
        alike >= ones.len() * 98 / 100,
        "{alike} of {} alike",
        ones.len()
    );
    assert!(took < CAP, "took {took:?} (cap {CAP:?})");
}
