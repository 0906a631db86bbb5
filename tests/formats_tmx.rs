//! TMX end to end through the CLI: languages chosen by --target-lang,
//! locations in the memory file, exit codes.

use assert_cmd::Command;
use serde_json::Value;

#[test]
fn changed_number_points_at_the_target_tuv() {
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .args([
            "check",
            "tests/data/tmx/memory.tmx",
            "--target-lang",
            "pt",
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let f = v["findings"].as_array().unwrap();
    assert_eq!(f.len(), 1, "{v}");
    assert_eq!(f[0]["rule"], "number");
    assert_eq!(f[0]["target"]["line"], 7);
    assert_eq!(f[0]["source"]["line"], 6);
}

#[test]
fn a_language_the_memory_lacks_is_reported() {
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .args(["check", "tests/data/tmx/memory.tmx", "--target-lang", "de"])
        .assert()
        .code(0)
        .get_output()
        .stderr
        .clone();
    // No unit has German: nothing is checked, and the run says so.
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("without both 'en' and 'de'")
    );
}

#[test]
fn kept_code_keys_literals_and_page_references_are_no_errors() {
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .args([
            "check",
            "tests/data/tmx/docs-de.tmx",
            "--fail-on",
            "never",
            "--format",
            "json",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let errors: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    // Only the sentence left in English is an error; the shortcut, the
    // settings line, the command, the path's version, the page reference,
    // the compound and the quoted literal are not.
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["rule"], "untranslated");
    assert_eq!(errors[0]["target"]["line"], 32);
    let warnings: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "warning" && f["rule"] == "number")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(warnings.iter().any(|m| m.contains("page")), "{warnings:?}");
}
