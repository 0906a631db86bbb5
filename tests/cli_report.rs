//! CLI tests of the report formats `short` and `html` and of `--output`.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/mini")
}

fn tc() -> Command {
    let mut c = Command::cargo_bin("transcheck").unwrap();
    c.arg("check")
        .arg(sample().join("pt.txt"))
        .arg(sample().join("en.flawed.txt"))
        .arg("--no-config");
    c
}

#[test]
fn short_is_one_line_per_finding_with_file_line_col() {
    let out = tc().args(["--format", "short"]).assert().code(1);
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(!s.is_empty());
    let json = tc().args(["--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let n = v["findings"].as_array().unwrap().len();
    assert_eq!(s.lines().count(), n, "{s}");
    for line in s.lines() {
        let (place, rest) = line.split_once(": ").expect(line);
        let parts: Vec<&str> = place.rsplitn(3, ':').collect();
        assert_eq!(parts.len(), 3, "{line}");
        assert!(
            parts[0].parse::<usize>().is_ok() && parts[1].parse::<usize>().is_ok(),
            "{line}"
        );
        assert!(
            ["error[", "warning[", "info["]
                .iter()
                .any(|p| rest.starts_with(p)),
            "{line}"
        );
    }
}

#[test]
fn html_to_stdout_and_to_a_folder() {
    let out = tc()
        .args(["--format", "html", "--fail-on", "never"])
        .assert()
        .success();
    let page = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("class=\"finding sev-error\" id=\"f-1\""));
    let dir = tempfile::tempdir().unwrap();
    tc().args(["--format", "html", "--fail-on", "never", "-o"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicates::str::contains("transcheck.html"));
    let written = fs::read_to_string(dir.path().join("transcheck.html")).unwrap();
    assert_eq!(written, page);
}

#[test]
fn output_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en.txt");
    fs::copy(sample().join("en.flawed.txt"), &en).unwrap();
    let before = fs::read(&en).unwrap();
    Command::cargo_bin("transcheck")
        .unwrap()
        .arg("check")
        .arg(sample().join("pt.txt"))
        .arg(&en)
        .args(["--no-config", "--format", "html", "-o"])
        .arg(&en)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("input file"));
    assert_eq!(fs::read(&en).unwrap(), before);
}

#[test]
fn html_batch_is_one_page_with_a_section_per_pair() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a", "b"] {
        let d = dir.path().join(name);
        fs::create_dir_all(d.join("pt")).unwrap();
        fs::create_dir_all(d.join("en")).unwrap();
    }
    fs::create_dir_all(dir.path().join("pt")).unwrap();
    fs::create_dir_all(dir.path().join("en")).unwrap();
    for name in ["a", "b"] {
        fs::copy(
            sample().join("pt.txt"),
            dir.path().join(format!("pt/{name}.txt")),
        )
        .unwrap();
        fs::copy(
            sample().join("en.flawed.txt"),
            dir.path().join(format!("en/{name}.txt")),
        )
        .unwrap();
    }
    fs::write(
        dir.path().join("transcheck.toml"),
        "source-lang = \"pt\"\ntarget-lang = \"en\"\n[[pair]]\nsource = \"pt/*.txt\"\ntarget = \"en/{stem}.txt\"\n",
    )
    .unwrap();
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--format", "html", "--fail-on", "never"])
        .assert()
        .success();
    let page = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(page.contains("<h3>2 pairs</h3>"), "{page}");
    assert!(page.contains("id=\"p-1\"") && page.contains("id=\"p-2\""));
    assert_eq!(page.matches("<!DOCTYPE html>").count(), 1);
}

fn rules_of(c: &mut Command) -> Vec<String> {
    let out = c.args(["--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn rule_and_only_flags_work_like_the_config() {
    let all = rules_of(&mut tc());
    assert!(all.iter().any(|r| r == "number"), "{all:?}");
    let without = rules_of(tc().args(["--rule", "number=off"]));
    assert!(!without.iter().any(|r| r == "number"), "{without:?}");
    assert_eq!(without.len(), all.iter().filter(|r| *r != "number").count());
    let only = rules_of(tc().args(["--only", "number"]));
    assert!(
        !only.is_empty() && only.iter().all(|r| r == "number"),
        "{only:?}"
    );
    // A rule made info no longer fails the run at the default --fail-on error.
    let mut c = tc();
    c.args(["--only", "number", "--rule", "number=info"]);
    c.assert().code(0);
}

#[test]
fn unknown_rules_and_levels_are_usage_errors() {
    tc().args(["--rule", "numbr=off"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("known rules"));
    tc().args(["--rule", "number=fatal"]).assert().code(2);
    tc().args(["--only", "number,bogus"]).assert().code(2);
}
