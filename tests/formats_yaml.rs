//! i18n YAML catalogue pairs (Rails style, `en:` ↔ `pt-BR:` roots) through
//! the CLI: findings point at the line and column of the scalar in each
//! file, exit codes follow `--fail-on`, and the patch applies.

use assert_cmd::Command;
use serde_json::Value;

const EN: &str = "tests/data/i18n/en.yml";
const PT: &str = "tests/data/i18n/pt-BR.yml";

fn check(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("transcheck")
        .unwrap()
        .args(["check", EN, PT])
        .args(args)
        .assert()
}

#[test]
fn findings_point_at_the_scalar_in_each_file() {
    let out = check(&["--format", "json"])
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
    // `%{contagem}` inside a double-quoted scalar on line 7.
    let ph = find("placeholder");
    assert_eq!(ph["target"]["line"], 7, "{ph}");
    assert_eq!(ph["target"]["column"], 29, "{ph}");
    // `12` inside a single-quoted scalar on line 8.
    let num = find("number");
    assert_eq!(num["target"]["line"], 8, "{num}");
    assert_eq!(num["target"]["column"], 22, "{num}");
    let om = find("omission");
    assert_eq!(om["source"]["line"], 8, "{om}");
    let add = find("addition");
    assert_eq!(add["target"]["line"], 12, "{add}");
    // The keys under different roots (`en:`, `pt-BR:`) pair up: the block
    // scalar and the unchanged entries are clean.
    assert_eq!(
        f.iter().filter(|x| x["severity"] == "error").count(),
        3,
        "{v}"
    );
}

#[test]
fn exit_codes() {
    check(&["--fail-on", "never"]).code(0);
    check(&[]).code(1);
    Command::cargo_bin("transcheck")
        .unwrap()
        .args(["check", EN, "tests/data/i18n/missing.yml"])
        .assert()
        .code(2);
    let d = tempfile::tempdir().unwrap();
    let bad = d.path().join("pt.yml");
    std::fs::write(&bad, "pt:\n  a: \"open\n").unwrap();
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .args(["check", EN, bad.to_str().unwrap()])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(err.contains("malformed YAML"), "{err}");
}

#[test]
fn patch_edits_the_scalar_only_and_applies() {
    let out = check(&["--format", "patch"])
        .code(1)
        .get_output()
        .stdout
        .clone();
    let diff = String::from_utf8(out).unwrap();
    assert!(
        diff.contains("+  upload: 'Envie até 10 arquivos de uma vez.'"),
        "{diff}"
    );
    let d = tempfile::tempdir().unwrap();
    let dest = d.path().join(PT);
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    std::fs::copy(PT, &dest).unwrap();
    let Ok(mut git) = std::process::Command::new("git")
        .args(["apply", "--check", "-"])
        .current_dir(d.path())
        .stdin(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("git not installed: skipping git apply --check");
        return;
    };
    use std::io::Write;
    git.stdin
        .take()
        .unwrap()
        .write_all(diff.as_bytes())
        .unwrap();
    assert!(
        git.wait().unwrap().success(),
        "git apply --check rejected:\n{diff}"
    );
}
