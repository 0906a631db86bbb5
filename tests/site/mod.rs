//! The site fixture (`tests/data/site/`): pages with a clean and a flawed
//! translation and a manifest of planted mistakes by rule and line.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use transcheck::finding::Severity;
use transcheck::glossary::Glossary;
use transcheck::input::Document;
use transcheck::pipeline::{PairOptions, PairResult, check_pair};
use transcheck::report::{Side, location};

#[derive(Debug, serde::Deserialize)]
pub struct Manifest {
    pub page: Vec<Page>,
}

#[derive(Debug, serde::Deserialize)]
pub struct Page {
    pub source: String,
    pub clean: String,
    pub flawed: String,
    #[serde(default)]
    pub mistake: Vec<Mistake>,
}

#[derive(Debug, Clone, serde::Deserialize)]
pub struct Mistake {
    pub rule: String,
    #[serde(default)]
    pub also: Vec<String>,
    #[serde(default)]
    pub side: Option<String>,
    pub line: usize,
    pub note: String,
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/site")
}

/// The pages whose source ends with `ext`.
pub fn pages(ext: &str) -> Vec<Page> {
    let text = std::fs::read_to_string(root().join("manifest.toml")).unwrap();
    let m: Manifest = toml::from_str(&text).unwrap();
    let pages: Vec<Page> = m
        .page
        .into_iter()
        .filter(|p| p.source.ends_with(ext))
        .collect();
    assert!(!pages.is_empty(), "no {ext} page in the manifest");
    pages
}

pub fn run(source: &str, target: &str) -> PairResult {
    let options = PairOptions {
        source_lang: Some("pt".into()),
        target_lang: Some("en".into()),
        ..Default::default()
    };
    check_pair(
        Document::load(&root().join(source)).unwrap(),
        Document::load(&root().join(target)).unwrap(),
        &Glossary::default(),
        &options,
    )
}

/// Findings at warning or above, as `rule line:col message`.
pub fn serious(r: &PairResult) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| {
            let at = transcheck::report::primary_location(r, f)
                .map(|l| format!("{}:{}:{}", l.path, l.start.0, l.start.1))
                .unwrap_or_default();
            format!("{} {at} {}", f.rule, f.message)
        })
        .collect()
}

/// The planted mistakes no finding reports: same rule (or an `also`), on the
/// mistake's side, with a location whose lines cover the mistake's line.
pub fn missed(r: &PairResult, page: &Page) -> Vec<Mistake> {
    page.mistake
        .iter()
        .filter(|m| {
            let side = if m.side.as_deref() == Some("source") {
                Side::Source
            } else {
                Side::Target
            };
            !r.findings.iter().any(|f| {
                (f.rule == m.rule || m.also.iter().any(|a| a == f.rule))
                    && f.severity >= Severity::Warning
                    && location(r, f, side, true)
                        .is_some_and(|l| l.start.0 <= m.line && m.line <= l.end.0)
            })
        })
        .cloned()
        .collect()
}

/// Checks every page of the format: the clean translation gets no error and
/// no warning, every planted mistake of the flawed one is found. Returns
/// (planted, found, serious findings on the flawed pages).
pub fn assert_site(ext: &str) -> (usize, usize, usize) {
    let (mut planted, mut found, mut reported) = (0, 0, 0);
    for p in pages(ext) {
        let clean = run(&p.source, &p.clean);
        let s = serious(&clean);
        assert!(
            s.is_empty(),
            "{}: clean translation flagged:\n{}",
            p.clean,
            s.join("\n")
        );
        let flawed = run(&p.source, &p.flawed);
        let missed = missed(&flawed, &p);
        assert!(
            missed.is_empty(),
            "{}: planted mistakes not found: {missed:#?}\nfindings:\n{}",
            p.flawed,
            serious(&flawed).join("\n")
        );
        planted += p.mistake.len();
        found += p.mistake.len() - missed.len();
        reported += serious(&flawed).len();
    }
    (planted, found, reported)
}
