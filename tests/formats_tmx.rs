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
