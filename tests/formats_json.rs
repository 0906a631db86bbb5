//! i18n JSON catalogue pairs through the CLI: a missing key is an omission
//! on the source file, an extra key an addition, a renamed placeholder an
//! error at its line in the target file.

use assert_cmd::Command;
use serde_json::Value;

#[test]
fn catalogue_pair_findings_point_into_each_file() {
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .args([
            "check",
            "tests/data/i18n/en.json",
            "tests/data/i18n/pt-BR.json",
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
    let find = |rule: &str| {
        f.iter()
            .find(|x| x["rule"] == rule)
            .unwrap_or_else(|| panic!("{rule}: {v}"))
    };
    let ph = find("placeholder");
    assert_eq!(ph["target"]["line"], 9, "{ph}");
    let om = find("omission");
    assert_eq!(om["source"]["line"], 9, "{om}");
    assert!(
        om["source"]["text"]
            .as_str()
            .unwrap()
            .contains("inbox is empty"),
        "{om}"
    );
    let add = find("addition");
    assert_eq!(add["target"]["line"], 12, "{add}");
    // The extra Portuguese plural form is not an addition; the rest is clean.
    assert_eq!(
        f.iter().filter(|x| x["severity"] == "error").count(),
        2,
        "{v}"
    );
}
