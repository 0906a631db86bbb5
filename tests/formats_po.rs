//! gettext PO end to end: a real catalogue (Sphinx's pt_BR, BSD licence,
//! `tests/data/po/sphinx/`) untouched and with planted mistakes
//! (`plant.py`, `manifest.tsv`); CLI locations, exit codes, SARIF and a
//! patch that `git apply --check` accepts.

use assert_cmd::Command;
use serde_json::Value;

#[path = "common/catalogue.rs"]
mod catalogue;

#[test]
fn untouched_catalogue_has_at_most_one_error_per_thousand_units() {
    let u = catalogue::untouched("tests/data/po/sphinx/sphinx.pt_BR.po", 900);
    assert!(u.errors_per_thousand() <= 1.0, "{:?}", u.errors);
}

#[test]
fn planted_mistakes_are_found_at_their_msgstr_line() {
    let p = catalogue::planted("tests/data/po/sphinx", "sphinx.pt_BR.flawed.po");
    assert!(p.planted >= 20, "{} planted", p.planted);
    assert!(p.recall() >= 0.95, "{} of {}", p.found, p.planted);
}

fn tc() -> Command {
    let mut c = Command::cargo_bin("transcheck").unwrap();
    c.env_remove("NO_COLOR");
    c
}

const SMALL: &str = "msgid \"\"\nmsgstr \"\"\n\"Language: pt_BR\\n\"\n\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n\n#, python-format\nmsgid \"Deleted %(count)d files from %(dir)s.\"\nmsgstr \"\"\n\"Foram excluídos %(count)d arquivos \"\n\"de %(pasta)s.\"\n\nmsgid \"The meeting lasted 2 hours.\"\nmsgstr \"A reunião durou 3 horas.\"\n";

#[test]
fn cli_one_po_file_points_at_the_msgstr_line_in_every_format() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("pt.po"), SMALL).unwrap();
    let out = tc()
        .current_dir(d.path())
        .args(["check", "pt.po", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let fs = v["findings"].as_array().unwrap();
    let ph = fs
        .iter()
        .find(|f| f["rule"] == "placeholder")
        .expect("placeholder finding");
    assert!(
        ph["message"].as_str().unwrap().contains("%(pasta)s"),
        "{ph}"
    );
    // The renamed placeholder is on line 10, after `"de `.
    assert_eq!(ph["target"]["line"], 10, "{ph}");
    assert_eq!(ph["target"]["column"], 5, "{ph}");
    assert!(
        ph["target"]["text"].as_str().unwrap().contains("%(pasta)s"),
        "{ph}"
    );
    let num = fs
        .iter()
        .find(|f| f["rule"] == "number")
        .expect("number finding");
    assert_eq!(num["target"]["line"], 13, "{num}");

    let sarif = tc()
        .current_dir(d.path())
        .args(["check", "pt.po", "--format", "sarif"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let s: Value = serde_json::from_slice(&sarif).unwrap();
    let results = s["runs"][0]["results"].as_array().unwrap();
    let ph = results
        .iter()
        .find(|r| r["ruleId"] == "placeholder")
        .unwrap();
    let region = &ph["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 10, "{ph}");
    assert_eq!(region["startColumn"], 5, "{ph}");
    assert_eq!(
        ph["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "pt.po"
    );
}

#[test]
fn cli_exit_codes() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("ok.po"),
        "msgid \"Hello %s\"\nmsgstr \"Olá %s\"\n",
    )
    .unwrap();
    std::fs::write(d.path().join("bad.po"), "msgid \"Hello\"\nmsgstr \"Olá\n").unwrap();
    std::fs::write(d.path().join("a.txt"), "Olá mundo.\n").unwrap();
    tc().current_dir(d.path())
        .args([
            "check",
            "ok.po",
            "--source-lang",
            "en",
            "--target-lang",
            "pt",
        ])
        .assert()
        .code(0);
    let e = tc()
        .current_dir(d.path())
        .args(["check", "bad.po"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let e = String::from_utf8(e).unwrap();
    assert!(e.contains("bad.po:2"), "{e}");
    // One plain-text file is not enough.
    tc().current_dir(d.path())
        .args(["check", "a.txt"])
        .assert()
        .code(2);
    // --input-format forces the reader.
    std::fs::copy(d.path().join("ok.po"), d.path().join("ok.messages")).unwrap();
    tc().current_dir(d.path())
        .args([
            "check",
            "ok.messages",
            "--input-format",
            "po",
            "--source-lang",
            "en",
            "--target-lang",
            "pt",
        ])
        .assert()
        .code(0);
}

#[test]
fn cli_patch_edits_only_the_msgstr_and_git_applies_it() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("pt.po"), SMALL).unwrap();
    let out = tc()
        .current_dir(d.path())
        .args(["check", "pt.po", "--format", "patch"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let patch = String::from_utf8(out).unwrap();
    assert!(
        patch.contains("-msgstr \"A reunião durou 3 horas.\""),
        "{patch}"
    );
    assert!(
        patch.contains("+msgstr \"A reunião durou 2 horas.\""),
        "{patch}"
    );
    // Placeholders are never rewritten.
    assert!(!patch.contains("%(dir)s"), "{patch}");
    std::fs::write(d.path().join("fix.diff"), &patch).unwrap();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .current_dir(d.path())
            .args(args)
            .output()
            .expect("git runs")
    };
    if git(&["init", "-q"]).status.success() {
        let o = git(&["apply", "--check", "fix.diff"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    } else {
        eprintln!("git not available: `git apply --check` skipped");
    }
}
