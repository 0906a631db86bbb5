//! CLI tests of user lexicons: `--lexicon` on `check` and `align`, the
//! config's `lexicon` key, `--no-builtin-lexicon`, the lexicons a report
//! names, and malformed files (exit 2 naming file and line).

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const PT: &str = "O prefeito não comentou.\nA casa é grande.\n";
const EN: &str = "The mayor declined to comment.\nThe house is big.\n";
const BUILTIN: &str = "built-in glossaries/lexicon/pt-en.tsv";

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(p, text).unwrap();
}

fn pair() -> TempDir {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "pt.txt", PT);
    write(d.path(), "en.txt", EN);
    write(d.path(), "mine.tsv", "# my words\ncasa\thouse, home\n");
    d
}

fn tc(d: &TempDir) -> Command {
    let mut c = Command::cargo_bin("transcheck").unwrap();
    c.current_dir(d.path());
    c
}

fn check_json(d: &TempDir, extra: &[&str]) -> Value {
    let out = tc(d)
        .args(["check", "pt.txt", "en.txt", "--source-lang", "pt"])
        .args(["--target-lang", "en", "--format", "json"])
        .args(extra)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("valid JSON")
}

fn lexicons(v: &Value) -> Vec<String> {
    v["lexicons"]
        .as_array()
        .expect("a lexicons list")
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_builtin_lexicon_is_named_by_default() {
    let d = pair();
    assert_eq!(lexicons(&check_json(&d, &["--no-config"])), [BUILTIN]);
}

#[test]
fn a_user_lexicon_layers_over_the_builtin_one() {
    let d = pair();
    let v = check_json(&d, &["--no-config", "--lexicon", "mine.tsv"]);
    assert_eq!(lexicons(&v), [BUILTIN, "mine.tsv"]);
    let v = check_json(
        &d,
        &[
            "--no-config",
            "--lexicon",
            "mine.tsv",
            "--no-builtin-lexicon",
        ],
    );
    assert_eq!(lexicons(&v), ["mine.tsv"]);
    let v = check_json(&d, &["--no-config", "--no-builtin-lexicon"]);
    assert!(lexicons(&v).is_empty());
}

#[test]
fn a_file_named_for_another_pair_is_not_used() {
    let d = pair();
    write(d.path(), "lex/de-fr.tsv", "Haus\tmaison\n");
    write(d.path(), "lex/en-pt.tsv", "house\tcasa\n");
    let v = check_json(&d, &["--no-config", "--lexicon", "lex"]);
    assert_eq!(lexicons(&v), [BUILTIN, "lex/en-pt.tsv"]);
}

#[test]
fn the_config_names_lexicons_and_can_leave_out_the_builtin_one() {
    let d = pair();
    write(
        d.path(),
        "transcheck.toml",
        "lexicon = [\"mine.tsv\"]\nbuiltin-lexicon = false\n",
    );
    let v = check_json(&d, &[]);
    let names = lexicons(&v);
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with("mine.tsv"), "{names:?}");
    // `--lexicon` adds to the config's.
    write(d.path(), "more.tsv", "grande\tbig, large\n");
    let names = lexicons(&check_json(&d, &["--lexicon", "more.tsv"]));
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[1].ends_with("more.tsv"), "{names:?}");
}

#[test]
fn a_config_lexicon_outside_its_folder_is_refused() {
    let d = pair();
    write(
        d.path(),
        "sub/transcheck.toml",
        "lexicons = [\"../mine.tsv\"]\n",
    );
    tc(&d)
        .args([
            "check",
            "pt.txt",
            "en.txt",
            "--config",
            "sub/transcheck.toml",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("lexicon").and(predicate::str::contains("outside")));
}

#[test]
fn a_malformed_line_exits_2_naming_file_and_line() {
    let d = pair();
    write(d.path(), "bad.tsv", "# words\ncasa\thouse\nrua street\n");
    for cmd in ["check", "align"] {
        tc(&d)
            .args([cmd, "pt.txt", "en.txt", "--lexicon", "bad.tsv"])
            .args(["--source-lang", "pt", "--target-lang", "en"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("bad.tsv:3: no tab"));
    }
    write(d.path(), "bad.tsv", "casa\thouse,,home\n");
    tc(&d)
        .args([
            "check",
            "pt.txt",
            "en.txt",
            "--no-config",
            "--lexicon",
            "bad.tsv",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.tsv:1: column 2: an empty form",
        ));
}

#[test]
fn a_missing_lexicon_exits_2() {
    let d = pair();
    tc(&d)
        .args([
            "check",
            "pt.txt",
            "en.txt",
            "--no-config",
            "--lexicon",
            "nope.tsv",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.tsv"));
}

#[test]
fn align_reads_a_user_lexicon() {
    let d = pair();
    tc(&d)
        .args([
            "align",
            "pt.txt",
            "en.txt",
            "--presegmented",
            "--format",
            "tsv",
        ])
        .args(["--lexicon", "mine.tsv", "--no-builtin-lexicon"])
        .args(["--source-lang", "pt", "--target-lang", "en"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("A casa é grande."));
}

#[test]
fn the_human_review_names_the_lexicons() {
    let d = pair();
    tc(&d)
        .args([
            "check",
            "pt.txt",
            "en.txt",
            "--no-config",
            "--lexicon",
            "mine.tsv",
        ])
        .args(["--source-lang", "pt", "--target-lang", "en", "--all"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!(
            "lexicons: {BUILTIN}, mine.tsv"
        )));
}
