//! Real catalogues nobody here wrote, untouched and with planted mistakes:
//! Django 5.2.19's admin catalogue in Brazilian Portuguese (PO, BSD licence,
//! `tests/data/po/django-admin/`) and Symfony Validator's (XLIFF 1.2, MIT
//! licence, `tests/data/xliff/symfony/`). Each folder's `plant.py` writes
//! the flawed copy and `manifest.tsv` (line, rule, what). The figures are
//! printed with `--nocapture`; the README quotes them.

use std::path::Path;
use transcheck::Severity;
use transcheck::formats::{self, Format, ReadOptions};
use transcheck::glossary::Glossary;
use transcheck::input::Document;
use transcheck::pipeline::{PairOptions, PairResult, check_bilingual};

fn run(path: &str) -> PairResult {
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

/// (rule, line) of every finding at `sev`, at its primary location.
fn at(r: &PairResult, sev: Severity) -> Vec<(&'static str, usize)> {
    r.findings
        .iter()
        .filter(|f| f.severity == sev)
        .filter_map(|f| {
            let loc = transcheck::report::primary_location(r, f)?;
            Some((f.rule, loc.start.0))
        })
        .collect()
}

/// Errors and warnings per 1,000 links of an untouched catalogue.
fn untouched(path: &str, min_links: usize) -> (usize, Vec<(&'static str, usize)>) {
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
    (links, e)
}

/// Recall of the planted mistakes: an error under the planted rule at the
/// planted line. Returns (found, planted, errors off the planted lines).
fn planted(dir: &str, flawed: &str) -> (usize, usize, Vec<(&'static str, usize)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let r = run(&format!("{dir}/{flawed}"));
    let found = at(&r, Severity::Error);
    let manifest = std::fs::read_to_string(root.join("manifest.tsv")).unwrap();
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
    println!(
        "{dir}/{flawed}: {} of {} planted mistakes found, missed {missed:?}; errors off the planted lines: {stray:?}",
        rows.len() - missed.len(),
        rows.len()
    );
    (rows.len() - missed.len(), rows.len(), stray)
}

#[test]
fn django_admin_po_untouched_has_no_error() {
    let (_, e) = untouched("tests/data/po/django-admin/django.pt_BR.po", 200);
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn django_admin_po_planted_mistakes_are_found() {
    let (found, n, stray) = planted("tests/data/po/django-admin", "django.pt_BR.flawed.po");
    assert!(n >= 15, "{n} planted");
    assert!(found >= FOUND_DJANGO, "{found} of {n}");
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn symfony_validator_xliff_untouched_has_no_error() {
    let (_, e) = untouched("tests/data/xliff/symfony/validators.pt_BR.xlf", 120);
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn symfony_validator_xliff_planted_mistakes_are_found() {
    let (found, n, stray) = planted("tests/data/xliff/symfony", "validators.pt_BR.flawed.xlf");
    assert!(n >= 15, "{n} planted");
    assert!(found >= FOUND_SYMFONY, "{found} of {n}");
    assert!(stray.is_empty(), "{stray:?}");
}

/// Planted mistakes found when these figures were last measured.
const FOUND_DJANGO: usize = 14;
const FOUND_SYMFONY: usize = 14;
