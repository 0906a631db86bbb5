//! Hostile repositories and files: injected file names and texts in every
//! output format, workflow commands, reads outside the tree, clobbered
//! files, and batches where one file is bad.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

const MINI_PT: &str = include_str!("../samples/mini/pt.txt");
const MINI_EN: &str = include_str!("../samples/mini/en.flawed.txt");
/// A file name built to inject workflow commands, clear the screen, retitle
/// the terminal, ring the bell and reverse the text.
const EVIL_NAME: &str =
    "evil\n::error title=INJECTED::x\n::add-mask::secret\n\u{1b}[2J\u{1b}]0;T\u{7}x\u{202e}txt.en";
/// A sentence carrying the same payload.
const EVIL_TEXT: &str = "\n\n::error title=TEXT::pwned ##[add-mask]secret \u{1b}[2J\u{7} see http://evil/\u{1b}x \u{202e}gnp.exe\n";

fn tc(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("transcheck").unwrap();
    c.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("HOME", dir);
    c
}

/// Workflow commands as the GitHub runner reads them: any line that starts
/// with `::` after leading whitespace, or that holds the legacy `##[`.
/// Returns (command, properties, data) per command line.
fn workflow_commands(out: &str) -> Vec<(String, String, String)> {
    let mut cmds = Vec::new();
    for line in out.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("::") {
            let (info, data) = rest.split_once("::").unwrap_or((rest, ""));
            let (name, props) = info.split_once(' ').unwrap_or((info, ""));
            cmds.push((name.to_string(), props.to_string(), data.to_string()));
        } else if let Some(i) = line.find("##[") {
            let rest = &line[i + 3..];
            let name = rest.split([' ', ']']).next().unwrap_or("");
            cmds.push((format!("legacy:{name}"), String::new(), rest.to_string()));
        }
    }
    cmds
}

fn has_raw_controls(s: &str) -> Option<char> {
    s.chars()
        .find(|&c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
}

fn evil_pair() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("pt.txt"), MINI_PT).unwrap();
    fs::write(d.path().join(EVIL_NAME), format!("{MINI_EN}{EVIL_TEXT}")).unwrap();
    d
}

fn run_format(d: &Path, format: &str) -> (String, String) {
    let out = tc(d)
        .args(["check", "pt.txt", EVIL_NAME, "--color", "never"])
        .args([
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
            "--format",
            format,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{format}: {out:?}");
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn injected_names_and_texts_start_no_command_in_any_format() {
    let d = evil_pair();
    for format in ["human", "json", "sarif", "patch"] {
        let (out, err) = run_format(d.path(), format);
        assert!(
            workflow_commands(&out).is_empty(),
            "{format} stdout runs commands: {:?}\n{out}",
            workflow_commands(&out)
        );
        assert!(workflow_commands(&err).is_empty(), "{format} stderr: {err}");
        assert_eq!(has_raw_controls(&out), None, "{format}:\n{out}");
        assert_eq!(has_raw_controls(&err), None, "{format} stderr:\n{err}");
    }
}

#[test]
fn human_output_shows_escapes_and_marks_bidi() {
    let d = evil_pair();
    let (out, _) = run_format(d.path(), "human");
    assert!(out.contains("\\u{1b}[2J"), "{out}");
    assert!(out.contains("\\u{202e}"), "{out}");
    // Sentence rows show the control pictures.
    assert!(out.contains('␛') && out.contains('\u{FFFD}'), "{out}");
}

#[test]
fn json_and_sarif_keep_names_exact_and_messages_visible() {
    let d = evil_pair();
    let (out, _) = run_format(d.path(), "json");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["target"]["path"], EVIL_NAME);
    let (out, _) = run_format(d.path(), "sarif");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for r in v["runs"][0]["results"].as_array().unwrap() {
        let m = r["message"]["text"].as_str().unwrap();
        assert_eq!(has_raw_controls(m), None, "{m}");
    }
}

#[test]
fn github_output_holds_only_the_expected_annotations() {
    let d = evil_pair();
    let (json, _) = run_format(d.path(), "json");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let findings = v["findings"].as_array().unwrap().len();
    let (out, err) = run_format(d.path(), "github");
    let cmds = workflow_commands(&out);
    assert_eq!(cmds.len(), findings, "{out}");
    assert_eq!(
        out.lines().count(),
        findings,
        "one line per finding:\n{out}"
    );
    for (name, props, data) in &cmds {
        assert!(
            ["error", "warning", "notice"].contains(&name.as_str()),
            "{name}"
        );
        // The runner unescapes %0A back into the real name: the file= value
        // is one property, with the name intact.
        let file = props
            .split(',')
            .find_map(|p| p.strip_prefix("file="))
            .unwrap();
        assert!(
            file.starts_with("evil%0A%3A%3Aerror title=INJECTED%3A%3Ax"),
            "{file}"
        );
        assert!(!props.contains("title=INJECTED,"), "{props}");
        assert_eq!(has_raw_controls(data), None, "{data}");
        assert_eq!(has_raw_controls(props), None, "{props}");
    }
    assert!(workflow_commands(&err).is_empty(), "{err}");
}

#[test]
fn binary_file_with_an_evil_name_is_reported_escaped() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("pt.txt"), MINI_PT).unwrap();
    fs::write(d.path().join(EVIL_NAME), b"\x00\x01binary").unwrap();
    let out = tc(d.path())
        .args(["check", "pt.txt", EVIL_NAME])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(workflow_commands(&err).is_empty(), "{err}");
    assert_eq!(has_raw_controls(&err), None, "{err}");
    assert!(err.contains("binary"), "{err}");
}
