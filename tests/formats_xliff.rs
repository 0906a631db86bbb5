//! XLIFF end to end through the CLI: locations in the original file, states,
//! exit codes.

use assert_cmd::Command;
use serde_json::Value;

const FILE: &str = "tests/data/xliff/app.pt.xlf";

fn json(args: &[&str], code: i32) -> Value {
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .args(["check", FILE, "--format", "json"])
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("json")
}

fn errors(v: &Value) -> Vec<(String, u64)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["target"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn findings_point_at_target_lines_and_drafts_are_skipped() {
    let v = json(&[], 1);
    let e = errors(&v);
    assert!(e.contains(&("tag".into(), 11)), "{e:?}");
    assert!(e.contains(&("number".into(), 15)), "{e:?}");
    assert!(e.contains(&("placeholder".into(), 19)), "{e:?}");
    // The clean unit and the draft give nothing.
    assert!(!e.iter().any(|(_, l)| *l == 7 || *l == 23), "{e:?}");
    assert_eq!(e.len(), 4, "{e:?}");
    // --all-states checks the draft too.
    let all = errors(&json(&["--all-states"], 1));
    assert!(
        all.iter().any(|(r, l)| r == "number" && *l == 23),
        "{all:?}"
    );
}

#[test]
fn malformed_xliff_exits_2_with_the_line() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("bad.xlf"),
        "<xliff version=\"1.2\">\n<file>\n<body><trans-unit id=\"1\"><source>a</target>\n",
    )
    .unwrap();
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .current_dir(d.path())
        .args(["check", "bad.xlf"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let e = String::from_utf8(out).unwrap();
    assert!(e.contains("bad.xlf:3"), "{e}");
}
