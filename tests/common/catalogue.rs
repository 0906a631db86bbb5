//! Helpers for the tests that run real catalogues (untouched and with
//! planted mistakes listed in a `manifest.tsv`) and print their figures.
#![allow(dead_code)]

use std::path::Path;
use transcheck::Severity;
use transcheck::formats::{self, Format, ReadOptions};
use transcheck::glossary::Glossary;
use transcheck::input::Document;
use transcheck::pipeline::{PairOptions, PairResult, check_bilingual};

/// Checks one bilingual file (path relative to the package), its format
/// detected, with the built-in glossary.
pub fn run(path: &str) -> PairResult {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let doc = Document::load(&p).expect("loads");
    let format = Format::detect(&p, &doc.text);
    let bi = formats::read(format, doc, &ReadOptions::default()).expect("parses");
    let options = PairOptions {
        builtin_glossary: true,
        ..PairOptions::default()
    };
    check_bilingual(bi, &Glossary::default(), &options)
}

/// Checks a catalogue pair (JSON or YAML, paths relative to the package)
/// with the built-in glossary.
pub fn run_pair(source: &str, target: &str) -> PairResult {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (s, t) = (root.join(source), root.join(target));
    let format = Format::detect(&s, "");
    let bi = formats::read_pair(
        format,
        Document::load(&s).expect("loads"),
        Document::load(&t).expect("loads"),
        &ReadOptions::default(),
    )
    .expect("parses");
    let options = PairOptions {
        builtin_glossary: true,
        ..PairOptions::default()
    };
    check_bilingual(bi, &Glossary::default(), &options)
}

/// (rule, line) of every finding at `sev`, at its primary location.
pub fn at(r: &PairResult, sev: Severity) -> Vec<(&'static str, usize)> {
    r.findings
        .iter()
        .filter(|f| f.severity == sev)
        .filter_map(|f| {
            let loc = transcheck::report::primary_location(r, f)?;
            Some((f.rule, loc.start.0))
        })
        .collect()
}

/// Figures of an untouched catalogue.
pub struct Untouched {
    pub links: usize,
    pub errors: Vec<(&'static str, usize)>,
}

impl Untouched {
    pub fn errors_per_thousand(&self) -> f64 {
        self.errors.len() as f64 * 1000.0 / self.links.max(1) as f64
    }
}

/// Runs an untouched catalogue of at least `min_links` links and prints its
/// errors and warnings per 1,000 links.
pub fn untouched(path: &str, min_links: usize) -> Untouched {
    let r = run(path);
    let links = r.links.len();
    assert!(links >= min_links, "{path}: {links} links");
    let (e, w) = (at(&r, Severity::Error), at(&r, Severity::Warning));
    let k = 1000.0 / links as f64;
    println!(
        "{path}: {links} links, {} errors ({:.1} per 1,000), {} warnings ({:.1} per 1,000): {e:?} {w:?}",
        e.len(),
        e.len() as f64 * k,
        w.len(),
        w.len() as f64 * k
    );
    Untouched { links, errors: e }
}

/// Figures of a copy with planted mistakes.
pub struct Planted {
    pub found: usize,
    pub planted: usize,
    /// Errors off the planted lines.
    pub stray: Vec<(&'static str, usize)>,
}

impl Planted {
    pub fn recall(&self) -> f64 {
        self.found as f64 / self.planted.max(1) as f64
    }
}

/// Recall of the planted mistakes in `dir/flawed`: an error under the
/// planted rule at the planted line of `dir/manifest.tsv`; printed.
pub fn planted(dir: &str, flawed: &str) -> Planted {
    let r = run(&format!("{dir}/{flawed}"));
    score(dir, flawed, at(&r, Severity::Error))
}

/// [`planted`] for a catalogue pair: `dir/flawed` is a copy of `dir/clean`
/// with the mistakes of `dir/manifest.tsv`, checked against `dir/source`;
/// the errors the untouched pair has already are left out.
pub fn planted_pair(dir: &str, source: &str, clean: &str, flawed: &str) -> Planted {
    let before = at(
        &run_pair(&format!("{dir}/{source}"), &format!("{dir}/{clean}")),
        Severity::Error,
    );
    let mut found = at(
        &run_pair(&format!("{dir}/{source}"), &format!("{dir}/{flawed}")),
        Severity::Error,
    );
    for e in before {
        if let Some(i) = found.iter().position(|f| *f == e) {
            found.remove(i);
        }
    }
    score(dir, flawed, found)
}

fn score(dir: &str, flawed: &str, found: Vec<(&'static str, usize)>) -> Planted {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let manifest = std::fs::read_to_string(root.join("manifest.tsv")).expect("manifest.tsv");
    let rows: Vec<(usize, String)> = manifest
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some((c.next()?.parse().ok()?, c.next()?.to_string()))
        })
        .collect();
    let missed: Vec<_> = rows
        .iter()
        .filter(|(line, rule)| !found.iter().any(|(r, l)| r == rule && l == line))
        .collect();
    let stray: Vec<_> = found
        .iter()
        .filter(|(_, l)| !rows.iter().any(|(line, _)| line == l))
        .copied()
        .collect();
    let p = Planted {
        found: rows.len() - missed.len(),
        planted: rows.len(),
        stray,
    };
    println!(
        "{dir}/{flawed}: {} of {} planted mistakes found (recall {:.3}), missed {missed:?}; errors off the planted lines: {:?}",
        p.found,
        p.planted,
        p.recall(),
        p.stray
    );
    p
}
