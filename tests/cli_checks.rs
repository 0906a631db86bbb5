//! CLI tests through the real checks (numbers, glossary): a planted
//! mistake is found, fails the run, and the patch fixes it.

use assert_cmd::Command;
use std::fs;
use std::path::Path;
use std::process::Stdio;

const PT: &str = "O chanceler Abbas Araghchi chegou a Mascate.\nO PIB cresceu 3,4% em 2024.\nA reunião durou duas horas.\n";
const EN: &str = "Foreign Minister Abbas Araqchi arrived in Muscat.\nGDP grew 3.2% in 2024.\nThe meeting lasted two hours.\n";

fn setup() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("pt.txt"), PT).unwrap();
    fs::write(d.path().join("en.txt"), EN).unwrap();
    fs::write(d.path().join("names.tsv"), "Araghchi\tAraghchi\n").unwrap();
    d
}

fn check(dir: &Path, format: &str) -> std::process::Output {
    Command::cargo_bin("transcheck")
        .unwrap()
        .current_dir(dir)
        .args([
            "check",
            "pt.txt",
            "en.txt",
            "--no-config",
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
            "--glossary",
            "names.tsv",
            "--format",
            format,
        ])
        .output()
        .unwrap()
}

#[test]
fn planted_mistakes_fail_the_run() {
    let d = setup();
    let out = check(d.path(), "json");
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"number"), "{rules:?}");
    assert!(
        rules.iter().any(|r| *r == "glossary" || *r == "name"),
        "{rules:?}"
    );
}

#[test]
fn patch_applies_with_git_and_patch() {
    let d = setup();
    let out = check(d.path(), "patch");
    assert!(!out.stdout.is_empty(), "no suggestions to patch");
    for (cmd, args) in [
        ("git", &["apply", "--check", "-"][..]),
        ("patch", &["-p1", "--quiet"][..]),
    ] {
        let mut child = match std::process::Command::new(cmd)
            .args(args)
            .current_dir(d.path())
            .stdin(Stdio::piped())
            .spawn()
        {
            Ok(c) => c,
            Err(_) => continue,
        };
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&out.stdout).unwrap();
        assert!(child.wait().unwrap().success(), "{cmd} rejected the patch");
    }
    let fixed = fs::read_to_string(d.path().join("en.txt")).unwrap();
    assert!(fixed.contains("Araghchi"), "{fixed}");
}

#[test]
fn inline_suppression_silences_a_real_finding() {
    let d = tempfile::tempdir().unwrap();
    fs::write(
        d.path().join("pt.txt"),
        "O PIB cresceu 3,4% em 2024.\nA casa é grande.\n",
    )
    .unwrap();
    let run = |target: &str| {
        fs::write(d.path().join("en.txt"), target).unwrap();
        Command::cargo_bin("transcheck")
            .unwrap()
            .current_dir(d.path())
            .args([
                "check",
                "pt.txt",
                "en.txt",
                "--no-config",
                "--source-lang",
                "pt",
                "--target-lang",
                "en",
            ])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run("GDP grew 3.2% in 2024.\nThe house is big.\n"), Some(1));
    assert_eq!(
        run(
            "<!-- transcheck-ignore: number the copy desk rounded it -->\nGDP grew 3.2% in 2024.\nThe house is big.\n"
        ),
        Some(0)
    );
}

fn rules_without_glossary(dir: &Path, extra: &[&str]) -> Vec<String> {
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .current_dir(dir)
        .args([
            "check",
            "pt.txt",
            "en.txt",
            "--no-config",
            "--format",
            "json",
        ])
        .args(["--source-lang", "pt", "--target-lang", "en"])
        .args(extra)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn builtin_glossary_applies_when_none_is_given() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("pt.txt"), "O avião pousou em Mascate.\n").unwrap();
    fs::write(d.path().join("en.txt"), "The plane landed in Mascate.\n").unwrap();
    assert!(rules_without_glossary(d.path(), &[]).contains(&"glossary".to_string()));
    assert!(
        !rules_without_glossary(d.path(), &["--no-builtin-glossary"])
            .contains(&"glossary".to_string())
    );
}
