//! Real catalogues nobody here wrote, untouched and with planted mistakes:
//! Django 5.2.19's admin catalogue in Brazilian Portuguese (PO, BSD licence,
//! `tests/data/po/django-admin/`), Symfony Validator's (XLIFF 1.2, MIT
//! licence, `tests/data/xliff/symfony/`), WTForms 3.3.2's Portuguese
//! catalogue (PO with plural forms, BSD, `tests/data/po/wtforms/`) and the
//! first 160 units of ORCID's Portuguese Angular catalogue (XLIFF 1.2 with
//! `<x>` codes each on a line of its own, MIT, `tests/data/xliff/orcid/`)
//! and Excalidraw's i18next JSON pair (MIT, `tests/data/i18n/excalidraw/`). Each folder's `plant.py` writes
//! the flawed copy and `manifest.tsv` (line, rule, what). The figures are
//! printed with `--nocapture`; the README quotes them.

#[path = "common/catalogue.rs"]
mod catalogue;

use catalogue::{planted, planted_pair, run_pair, untouched};
use transcheck::Severity;

#[test]
fn django_admin_po_untouched_has_no_error() {
    let u = untouched("tests/data/po/django-admin/django.pt_BR.po", 200);
    assert!(u.errors.is_empty(), "{:?}", u.errors);
}

#[test]
fn django_admin_po_planted_mistakes_are_found() {
    let p = planted("tests/data/po/django-admin", "django.pt_BR.flawed.po");
    assert!(p.planted >= 15, "{} planted", p.planted);
    assert!(p.found >= FOUND_DJANGO, "{} of {}", p.found, p.planted);
    assert!(p.stray.is_empty(), "{:?}", p.stray);
}

#[test]
fn symfony_validator_xliff_untouched_has_no_error() {
    let u = untouched("tests/data/xliff/symfony/validators.pt_BR.xlf", 120);
    assert!(u.errors.is_empty(), "{:?}", u.errors);
}

#[test]
fn symfony_validator_xliff_planted_mistakes_are_found() {
    let p = planted("tests/data/xliff/symfony", "validators.pt_BR.flawed.xlf");
    assert!(p.planted >= 15, "{} planted", p.planted);
    assert!(p.found >= FOUND_SYMFONY, "{} of {}", p.found, p.planted);
    assert!(p.stray.is_empty(), "{:?}", p.stray);
}

#[test]
fn wtforms_po_untouched_has_no_error() {
    let u = untouched("tests/data/po/wtforms/wtforms.pt.po", 40);
    assert!(u.errors.is_empty(), "{:?}", u.errors);
}

#[test]
fn wtforms_po_planted_mistakes_are_found() {
    let p = planted("tests/data/po/wtforms", "wtforms.pt.flawed.po");
    assert!(p.planted >= 10, "{} planted", p.planted);
    assert!(p.found >= FOUND_WTFORMS, "{} of {}", p.found, p.planted);
    assert!(p.stray.is_empty(), "{:?}", p.stray);
}

#[test]
fn orcid_angular_xliff_untouched_has_no_error() {
    let u = untouched("tests/data/xliff/orcid/messages.pt.xlf", 200);
    assert!(u.errors.is_empty(), "{:?}", u.errors);
}

#[test]
fn orcid_angular_xliff_planted_mistakes_are_found() {
    let p = planted("tests/data/xliff/orcid", "messages.pt.flawed.xlf");
    assert!(p.planted >= 10, "{} planted", p.planted);
    assert!(p.found >= FOUND_ORCID, "{} of {}", p.found, p.planted);
    assert!(p.stray.is_empty(), "{:?}", p.stray);
}

/// Excalidraw's i18next JSON pair (MIT): the untouched pair's only errors
/// are the keys the translation lacks (the app shows them in English).
#[test]
fn excalidraw_json_untouched_errors_are_missing_keys() {
    let r = run_pair(
        "tests/data/i18n/excalidraw/en.json",
        "tests/data/i18n/excalidraw/pt-BR.json",
    );
    let e = catalogue::at(&r, Severity::Error);
    println!(
        "excalidraw en.json / pt-BR.json: {} links, errors {e:?}",
        r.links.len()
    );
    assert!(r.links.len() >= 600, "{} links", r.links.len());
    assert!(e.iter().all(|(rule, _)| *rule == "omission"), "{e:?}");
    assert!(e.len() <= 7, "{e:?}");
}

#[test]
fn excalidraw_json_planted_mistakes_are_found() {
    let p = planted_pair(
        "tests/data/i18n/excalidraw",
        "en.json",
        "pt-BR.json",
        "pt-BR.flawed.json",
    );
    assert!(p.planted >= 6, "{} planted", p.planted);
    assert!(p.found >= FOUND_EXCALIDRAW, "{} of {}", p.found, p.planted);
    assert!(p.stray.is_empty(), "{:?}", p.stray);
}

/// Planted mistakes found when these figures were last measured.
const FOUND_DJANGO: usize = 14;
const FOUND_SYMFONY: usize = 14;
const FOUND_WTFORMS: usize = 9;
const FOUND_ORCID: usize = 9;
const FOUND_EXCALIDRAW: usize = 5;
