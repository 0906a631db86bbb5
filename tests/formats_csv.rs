//! Bilingual CSV through the CLI: languages from the header, the finding at
//! its row and column.

use assert_cmd::Command;
use serde_json::Value;

#[test]
fn changed_number_points_at_its_cell() {
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .args(["check", "tests/data/csv/strings.csv", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let f = v["findings"].as_array().unwrap();
    assert_eq!(f.len(), 1, "{v}");
    assert_eq!(f[0]["rule"], "number");
    assert_eq!(f[0]["target"]["line"], 3);
    // The column of the changed number itself.
    assert_eq!(f[0]["target"]["column"], 34);
}
