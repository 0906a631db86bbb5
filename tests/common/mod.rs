//! Helpers for the tests that run annotated pt→en pairs (samples, held-out
//! pairs) through the whole pipeline.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use transcheck::eval::Manifest;
use transcheck::glossary::Glossary;
use transcheck::input::Document;
use transcheck::pipeline::{PairOptions, PairResult, check_pair};

/// The folders under `rel` (relative to the package) that hold a `pt.txt`,
/// sorted; at least `min` of them are expected.
pub fn pair_dirs(rel: &str, min: usize) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{rel} is shipped with the repository: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("pt.txt").exists())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= min, "expected at least {min} pairs in {rel}");
    dirs
}

/// The glossaries shipped in `glossaries/`.
pub fn shipped_glossaries() -> Glossary {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("glossaries");
    Glossary::load(&dir, "pt", "en").expect("shipped glossaries load")
}

/// Checks `dir/pt.txt` against `dir/<target>` as Portuguese → English.
pub fn check_pt_en(dir: &Path, target: &str, glossary: &Glossary) -> PairResult {
    let options = PairOptions {
        source_lang: Some("pt".into()),
        target_lang: Some("en".into()),
        ..Default::default()
    };
    check_pair(
        Document::load(&dir.join("pt.txt")).unwrap(),
        Document::load(&dir.join(target)).unwrap(),
        glossary,
        &options,
    )
}

/// The planted-mistake manifest `dir/flawed.expected.toml`.
pub fn manifest(dir: &Path) -> Manifest {
    let path = dir.join("flawed.expected.toml");
    Manifest::parse(
        &path.display().to_string(),
        &std::fs::read_to_string(&path).unwrap(),
    )
    .unwrap()
}
