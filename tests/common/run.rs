//! `transcheck check` run in a directory, its JSON findings read back.

use assert_cmd::Command;
use serde_json::Value;

/// The findings of `transcheck check ARGS --format json --fail-on never`
/// run in `dir`.
pub fn findings(dir: &std::path::Path, args: &[&str]) -> Vec<Value> {
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .args(["--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["findings"].as_array().cloned().unwrap_or_default()
}
