//! CLI tests: exit codes, every output format, the config file, baselines,
//! inline suppression and batch runs. Texts are small, one sentence per
//! line and clearly parallel, so they hold whatever segmenter and aligner
//! run; findings come from suppression comments and missing counterparts.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const PT: &str = "A casa é grande.\nEle chegou ontem.\nO dia estava bonito.\n";
const EN: &str = "The house is big.\nHe arrived yesterday.\nThe day was beautiful.\n";
/// The target with a suppression comment that gives no reason.
const EN_NO_REASON: &str = "The house is big.\n<!-- transcheck-ignore: number -->\nHe arrived yesterday.\nThe day was beautiful.\n";
/// The target with a suppression comment that gives a reason.
const EN_REASON: &str = "The house is big.\n<!-- transcheck-ignore: number rounded in the copy -->\nHe arrived yesterday.\nThe day was beautiful.\n";

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(p, text).unwrap();
}

fn tc(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("transcheck").unwrap();
    c.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    c
}

/// A folder with pt.txt and en.txt (the given target text).
fn pair(target: &str) -> TempDir {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "pt.txt", PT);
    write(d.path(), "en.txt", target);
    d
}

fn check(d: &TempDir) -> Command {
    let mut c = tc(d.path());
    c.args([
        "check",
        "pt.txt",
        "en.txt",
        "--source-lang",
        "pt",
        "--target-lang",
        "en",
    ]);
    c
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("valid JSON")
}

fn findings(v: &Value) -> Vec<Value> {
    match v.get("pairs") {
        Some(pairs) => pairs
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["findings"].as_array().unwrap().clone())
            .collect(),
        None => v["findings"].as_array().unwrap().clone(),
    }
}

fn has_rule(v: &Value, rule: &str) -> bool {
    findings(v).iter().any(|f| f["rule"] == rule)
}

// ---- exit codes ----

#[test]
fn clean_pair_exits_0() {
    let d = pair(EN);
    check(&d).arg("--no-config").assert().code(0);
}

#[test]
fn warning_fails_only_at_fail_on_warning() {
    let d = pair(EN_NO_REASON);
    check(&d).arg("--no-config").assert().code(0);
    check(&d)
        .args(["--no-config", "--fail-on", "warning"])
        .assert()
        .code(1);
    check(&d)
        .args(["--no-config", "--fail-on", "info"])
        .assert()
        .code(1);
    check(&d)
        .args(["--no-config", "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn an_unreadable_pair_of_a_batch_exits_2_whatever_fail_on_says() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "transcheck.toml",
        "source-lang = \"pt\"\ntarget-lang = \"en\"\n[[pair]]\nsource = \"pt/*.txt\"\ntarget = \"en/{name}\"\n",
    );
    write(d.path(), "pt/a.txt", PT);
    write(d.path(), "en/a.txt", EN);
    write(d.path(), "pt/b.txt", PT);
    // A missing counterpart is a finding (omission): exit 0 under `never`.
    tc(d.path())
        .args(["check", "--fail-on", "never"])
        .assert()
        .code(0);
    // An empty file is an input error: 2, even under `never`, with the
    // readable pairs still reported.
    write(d.path(), "en/b.txt", "");
    for fail_on in ["never", "error"] {
        let out = tc(d.path())
            .args(["check", "--format", "json", "--fail-on", fail_on])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{fail_on}: {out:?}");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["pairs"].as_array().unwrap().len(), 2, "{v}");
    }
}

#[test]
fn usage_and_input_errors_exit_2() {
    let d = pair(EN);
    tc(d.path())
        .args(["check", "pt.txt", "missing.txt", "--no-config"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
    tc(d.path())
        .args(["check", "pt.txt", "--no-config"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("SOURCE and TARGET"));
    tc(d.path())
        .args(["check", "--no-config"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("transcheck.toml"));
    check(&d)
        .args(["--no-config", "--format", "yaml"])
        .assert()
        .code(2);
    tc(d.path())
        .args(["check", "--shard", "3/2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("shard"));
    check(&d)
        .args(["--no-config", "--baseline", "nope.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.json"));
}

// ---- formats ----

#[test]
fn json_has_the_documented_shape() {
    let d = pair(EN_NO_REASON);
    let out = check(&d)
        .args(["--no-config", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    assert_eq!(v["version"], 1);
    assert_eq!(v["source"]["language"], "pt");
    assert_eq!(v["target"]["path"], "en.txt");
    assert!(v["summary"]["warnings"].as_u64().unwrap() >= 1);
    let all = findings(&v);
    let f = all
        .iter()
        .find(|f| f["rule"] == "suppression")
        .expect("a suppression finding");
    assert_eq!(f["severity"], "warning");
    assert!(f["message"].as_str().unwrap().contains("en.txt:2"));
    assert!(f.get("suggestion").is_none());
}

#[test]
fn suppression_line_is_not_aligned_as_a_sentence() {
    let d = pair(EN_REASON);
    let out = check(&d)
        .args(["--no-config", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    assert_eq!(v["summary"]["links"], 3, "{v:#}");
    assert!(findings(&v).iter().all(|f| f["rule"] != "suppression"));
}

#[test]
fn sarif_validates_against_the_schema() {
    let d = pair(EN_NO_REASON);
    let out = check(&d)
        .args(["--no-config", "--format", "sarif"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    let schema_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sarif-schema-2.1.0.json"
    );
    let mut schema: Value =
        serde_json::from_str(&fs::read_to_string(schema_path).unwrap()).unwrap();
    fix_language_patterns(&mut schema);
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "transcheck");
    let r = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "suppression")
        .expect("a suppression result");
    assert_eq!(r["level"], "warning");
    assert_eq!(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "en.txt"
    );
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for id in ["glossary", "name", "number", "omission", "suppression"] {
        assert!(rules.iter().any(|x| x["id"] == id), "{id}");
    }
}

/// The official schema's `language` patterns hold a stray `]` that strict
/// regex engines reject; transcheck never emits `language`.
fn fix_language_patterns(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if k == "pattern" && x == "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$" {
                    *x = Value::from("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}?$");
                } else {
                    fix_language_patterns(x);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(fix_language_patterns),
        _ => {}
    }
}

#[test]
fn github_annotations() {
    let d = pair(EN_NO_REASON);
    check(&d)
        .args(["--no-config", "--format", "github"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("::warning file=en.txt,line="))
        .stdout(predicate::str::contains("title=transcheck(suppression)::"));
}

#[test]
fn patch_is_empty_without_suggestions() {
    let d = pair(EN_NO_REASON);
    check(&d)
        .args(["--no-config", "--format", "patch"])
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty());
}

#[test]
fn human_report_and_colour() {
    let d = pair(EN_NO_REASON);
    let out = check(&d)
        .args(["--no-config", "--color", "never"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    assert!(s.contains("warning[suppression]"), "{s}");
    assert!(s.contains("@@ pt.txt:"), "{s}");
    assert!(s.contains("summary:"), "{s}");
    assert!(!s.contains('\u{1b}'));
    // Not a terminal: auto means no colour.
    check(&d)
        .arg("--no-config")
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
    check(&d)
        .args(["--no-config", "--color", "always"])
        .assert()
        .stdout(predicate::str::contains("\u{1b}["));
    // auto honours CLICOLOR_FORCE, and NO_COLOR over it.
    check(&d)
        .arg("--no-config")
        .env("CLICOLOR_FORCE", "1")
        .assert()
        .stdout(predicate::str::contains("\u{1b}["));
    check(&d)
        .arg("--no-config")
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
    check(&d)
        .args(["--no-config", "--all"])
        .assert()
        .stdout(predicate::str::contains("The day was beautiful."));
}

// ---- config ----

#[test]
fn config_is_found_in_a_parent_folder_and_can_be_ignored() {
    let d = pair(EN_NO_REASON);
    write(d.path(), "transcheck.toml", "fail-on = \"warning\"\n");
    let sub = d.path().join("sub");
    fs::create_dir(&sub).unwrap();
    let run = |extra: &[&str]| {
        let mut c = tc(&sub);
        c.args([
            "check",
            "../pt.txt",
            "../en.txt",
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
        ]);
        c.args(extra);
        c.assert()
    };
    run(&[]).code(1);
    run(&["--no-config"]).code(0);
    // CLI beats config.
    run(&["--fail-on", "error"]).code(0);
    // An explicit config.
    write(d.path(), "other.toml", "fail-on = \"never\"\n");
    run(&["--config", "../other.toml"]).code(0);
}

#[test]
fn rule_severity_and_off_from_config() {
    let d = pair(EN_NO_REASON);
    write(
        d.path(),
        "transcheck.toml",
        "[rules]\nsuppression = \"error\"\n",
    );
    check(&d).assert().code(1);
    write(
        d.path(),
        "transcheck.toml",
        "[rules]\nsuppression = \"off\"\n",
    );
    let out = check(&d)
        .args(["--format", "json", "--fail-on", "never"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(!has_rule(&json_of(&out), "suppression"));
}

#[test]
fn ignore_patterns_drop_findings_on_matching_target_text() {
    let d = pair(EN_NO_REASON);
    let run = |d: &TempDir| {
        let out = check(d)
            .args(["--format", "json", "--fail-on", "never"])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        json_of(&out)
    };
    write(d.path(), "transcheck.toml", "ignore = [\"^He arrived\"]\n");
    assert!(!has_rule(&run(&d), "suppression"));
    write(d.path(), "transcheck.toml", "ignore = [\"^Nothing\"]\n");
    assert!(has_rule(&run(&d), "suppression"));
}

#[test]
fn unknown_config_key_is_an_error_with_file_and_line() {
    let d = pair(EN);
    write(
        d.path(),
        "transcheck.toml",
        "fail-on = \"error\"\nfail_after = 3\n",
    );
    check(&d)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("transcheck.toml:2:"))
        .stderr(predicate::str::contains("fail_after"));
}

#[test]
fn config_dump_prints_merged_settings() {
    let d = pair(EN);
    write(
        d.path(),
        "transcheck.toml",
        "source-lang = \"pt\"\nfail-on = \"warning\"\n[rules]\nlength = \"off\"\n",
    );
    let out = tc(d.path())
        .args([
            "config",
            "--dump",
            "--target-lang",
            "en",
            "--fail-on",
            "never",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    let v: toml::Table = toml::from_str(&s).unwrap();
    assert_eq!(v["source-lang"].as_str(), Some("pt"));
    assert_eq!(v["target-lang"].as_str(), Some("en"));
    assert_eq!(v["fail-on"].as_str(), Some("never"));
    assert_eq!(v["rules"]["length"].as_str(), Some("off"));
    tc(d.path())
        .args(["config", "--dump", "--no-config"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("fail-on = \"error\""));
}

// ---- batch runs ----

fn batch_dir() -> TempDir {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "transcheck.toml",
        "source-lang = \"pt\"\ntarget-lang = \"en\"\n[[pair]]\nsource = \"content/pt/**/*.md\"\ntarget = \"content/en/{path}\"\n",
    );
    write(d.path(), "content/pt/a.md", PT);
    write(d.path(), "content/en/a.md", EN);
    write(d.path(), "content/pt/news/b.md", PT);
    write(d.path(), "content/pt/news/c.md", PT);
    write(d.path(), "content/en/news/c.md", EN);
    d
}

fn batch_json(d: &TempDir, extra: &[&str], code: i32) -> Value {
    let out = tc(d.path())
        .args(["check", "--format", "json"])
        .args(extra)
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    json_of(&out)
}

fn sources(v: &Value) -> Vec<String> {
    match v.get("pairs") {
        Some(p) => p
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["source"]["path"].as_str().unwrap().to_string())
            .collect(),
        None => vec![v["source"]["path"].as_str().unwrap().to_string()],
    }
}

#[test]
fn batch_checks_every_pair_in_order_and_flags_missing_counterpart() {
    let d = batch_dir();
    let v = batch_json(&d, &[], 1);
    let s = sources(&v);
    assert_eq!(s.len(), 3);
    // Relative to the current folder, where the config is.
    assert_eq!(s[0], "content/pt/a.md", "{s:?}");
    assert!(s[1].ends_with("content/pt/news/b.md"), "{s:?}");
    assert!(s[2].ends_with("content/pt/news/c.md"), "{s:?}");
    let f: Vec<Value> = findings(&v)
        .into_iter()
        .filter(|f| f["rule"] == "omission")
        .collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["severity"], "error");
    assert!(f[0]["message"].as_str().unwrap().contains("news/b.md"));
    // The other formats handle a missing counterpart too.
    tc(d.path())
        .args(["check", "--format", "sarif"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("content/pt/news/b.md"));
    tc(d.path())
        .args(["check", "--format", "github"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("::error file="));
    tc(d.path())
        .args(["check", "--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[omission]"))
        .stdout(predicate::str::contains(
            "total: 3 pairs, 2 without findings",
        ))
        .stdout(predicate::str::contains("==> content/pt/a.md").not());
    tc(d.path())
        .args(["check", "--color", "never", "--all"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("==> content/pt/a.md"));
}

#[test]
fn explicit_config_in_the_current_folder_finds_the_same_pairs() {
    let d = batch_dir();
    let found = sources(&batch_json(&d, &[], 1));
    let named = sources(&batch_json(&d, &["--config", "transcheck.toml"], 1));
    assert_eq!(found, named);
    // From a subfolder, through a relative path.
    let sub = d.path().join("content");
    let out = tc(&sub)
        .args([
            "check",
            "--format",
            "json",
            "--config",
            "../transcheck.toml",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(sources(&json_of(&out)).len(), 3);
}

#[test]
fn shards_split_the_pairs_without_overlap() {
    let d = batch_dir();
    let one = sources(&batch_json(&d, &["--shard", "1/2"], 0));
    let two = sources(&batch_json(&d, &["--shard", "2/2"], 1));
    assert_eq!(one.len(), 2, "{one:?}");
    assert_eq!(two.len(), 1, "{two:?}");
    assert!(two[0].ends_with("b.md"));
    assert!(one.iter().all(|s| !two.contains(s)));
}

// ---- baselines ----

#[test]
fn baseline_round_trip() {
    let d = batch_dir();
    tc(d.path())
        .args(["check", "--write-baseline", "base/known.json"])
        .assert()
        .code(2);
    fs::create_dir(d.path().join("base")).unwrap();
    tc(d.path())
        .args(["check", "--write-baseline", "base/known.json"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("finding(s) to the baseline"));
    let text = fs::read_to_string(d.path().join("base/known.json")).unwrap();
    let b: Value = serde_json::from_str(&text).unwrap();
    assert!(
        b["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "omission")
    );
    // Known findings are hidden.
    let v = batch_json(&d, &["--baseline", "base/known.json"], 0);
    assert!(findings(&v).is_empty());
    // A new missing counterpart is reported.
    write(d.path(), "content/pt/d.md", PT);
    let v = batch_json(&d, &["--baseline", "base/known.json"], 1);
    let f = findings(&v);
    assert_eq!(f.len(), 1, "only the new finding: {f:#?}");
    assert!(f[0]["message"].as_str().unwrap().contains("d.md"));
}

#[test]
fn baseline_survives_lines_moving() {
    let d = pair(EN_NO_REASON);
    check(&d)
        .args(["--no-config", "--write-baseline", "b.json"])
        .assert()
        .code(0);
    // Blank lines added above: every line number changes.
    write(d.path(), "en.txt", &format!("\n\n{EN_NO_REASON}"));
    check(&d)
        .args([
            "--no-config",
            "--baseline",
            "b.json",
            "--fail-on",
            "warning",
        ])
        .assert()
        .code(0);
    // Without the baseline the warning is back.
    check(&d)
        .args(["--no-config", "--fail-on", "warning"])
        .assert()
        .code(1);
}

#[test]
fn rewriting_a_baseline_through_a_baseline_keeps_old_entries() {
    let d = batch_dir();
    tc(d.path())
        .args(["check", "--write-baseline", "b.json"])
        .assert()
        .code(0);
    let count = |d: &TempDir| {
        let b: Value =
            serde_json::from_str(&fs::read_to_string(d.path().join("b.json")).unwrap()).unwrap();
        b["findings"].as_array().unwrap().len()
    };
    let before = count(&d);
    write(d.path(), "content/pt/d.md", PT);
    tc(d.path())
        .args([
            "check",
            "--baseline",
            "b.json",
            "--write-baseline",
            "b.json",
        ])
        .assert()
        .code(0);
    assert_eq!(count(&d), before + 1);
    batch_json(&d, &["--baseline", "b.json"], 0);
}

#[test]
fn missing_counterpart_follows_the_omission_rule_setting() {
    let d = batch_dir();
    let cfg = fs::read_to_string(d.path().join("transcheck.toml")).unwrap();
    write(
        d.path(),
        "transcheck.toml",
        &format!("{cfg}[rules]\nomission = \"warning\"\n"),
    );
    let v = batch_json(&d, &[], 0);
    let om: Vec<Value> = findings(&v)
        .into_iter()
        .filter(|f| f["rule"] == "omission")
        .collect();
    assert_eq!(om.len(), 1);
    assert_eq!(om[0]["severity"], "warning");
    write(
        d.path(),
        "transcheck.toml",
        &format!("{cfg}[rules]\nomission = \"off\"\n"),
    );
    let v = batch_json(&d, &[], 0);
    assert!(!has_rule(&v, "omission"));
}
