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
        // Config discovery stops at the home folder.
        .env("HOME", std::env::temp_dir());
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
    s.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c)
    })
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
    for format in ["human", "short", "json", "sarif", "patch", "html"] {
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

// ---- reads outside the repository, discovery, batch paths ----

const PT: &str = "A casa é grande.\nEle chegou ontem.\nO dia estava bonito.\n";
const EN: &str = "The house is big.\nHe arrived yesterday.\nThe day was beautiful.\n";

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

/// A repository (with `.git`) holding pt/en pairs and the given config.
fn repo(config: &str) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let r = d.path().join("repo");
    fs::create_dir_all(r.join(".git")).unwrap();
    write(
        &r,
        ".git/config",
        "[http]\n\textraheader = AUTHORIZATION: basic SECRET\n",
    );
    write(&r, "pt/a.txt", PT);
    write(&r, "en/a.txt", EN);
    write(&r, "transcheck.toml", config);
    write(d.path(), "leak/pt/x.txt", PT);
    write(d.path(), "leak/en/x.txt", EN);
    d
}

fn batch(dir: &Path, format: &str) -> std::process::Output {
    tc(dir)
        .args([
            "check",
            "--format",
            format,
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
        ])
        .output()
        .unwrap()
}

const LANGS: &str = "source-lang = \"pt\"\ntarget-lang = \"en\"\n";

#[test]
fn patterns_leaving_the_tree_are_config_errors() {
    for (source, target) in [
        ("../leak/pt/*.txt", "../leak/en/{name}"),
        ("pt/*.txt", "/etc/passwd"),
        ("pt/*.txt", ".git/config"),
        ("pt/*.txt", "en/../../leak/en/x.txt"),
        (".git/*", "en/a.txt"),
    ] {
        let d = repo(&format!(
            "{LANGS}[[pair]]\nsource = \"{source}\"\ntarget = \"{target}\"\n"
        ));
        let out = batch(&d.path().join("repo"), "json");
        let err = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{source} → {target}: {err}");
        assert!(
            !stdout.contains("SECRET") && !err.contains("SECRET"),
            "{err}"
        );
        assert!(
            err.contains("leaves the config's folder") || err.contains(".git"),
            "{err}"
        );
    }
}

#[test]
fn allow_outside_opts_in_but_git_stays_closed() {
    let d = repo(&format!(
        "{LANGS}allow-outside = true\n[[pair]]\nsource = \"../leak/pt/*.txt\"\ntarget = \"../leak/en/{{name}}\"\n"
    ));
    let out = batch(&d.path().join("repo"), "json");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let d = repo(&format!(
        "{LANGS}allow-outside = true\n[[pair]]\nsource = \"pt/*.txt\"\ntarget = \".git/config\"\n"
    ));
    let out = batch(&d.path().join("repo"), "json");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

#[test]
fn symlinks_are_followed_inside_the_tree_and_reported_outside() {
    let d = repo(&format!(
        "{LANGS}[[pair]]\nsource = \"pt/**/*.txt\"\ntarget = \"en/{{path}}\"\n"
    ));
    let r = d.path().join("repo");
    // A folder link inside the tree, and one pointing out of it.
    write(&r, "shared/pt/b.txt", PT);
    write(&r, "en/inside/b.txt", EN);
    std::os::unix::fs::symlink(r.join("shared/pt"), r.join("pt/inside")).unwrap();
    std::os::unix::fs::symlink(d.path().join("leak/pt"), r.join("pt/outside")).unwrap();
    std::os::unix::fs::symlink(r.join(".git/config"), r.join("pt/git.txt")).unwrap();
    let out = batch(&r, "json");
    let err = String::from_utf8_lossy(&out.stderr);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let paths: Vec<&str> = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["source"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["pt/a.txt", "pt/inside/b.txt"], "{err}");
    assert!(err.contains("pt/outside: not read"), "{err}");
    assert!(
        err.contains("pt/git.txt: not read") && err.contains(".git"),
        "{err}"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("SECRET"));
}

#[test]
fn no_inline_ignore_keeps_a_pull_request_from_silencing_itself() {
    // The pull request writes a flaw, a line silencing it, and a config
    // that asks for inline lines to be honoured.
    let d = repo("inline-ignore = true\n[[pair]]\nsource = \"pt/*.txt\"\ntarget = \"en/{name}\"\n");
    let r = d.path().join("repo");
    write(
        &r,
        "pt/a.txt",
        "O PIB cresceu 3,4% em 2024.\nA casa é grande.\n",
    );
    write(
        &r,
        "en/a.txt",
        "<!-- transcheck-ignore: all reviewed -->\nGDP grew 3.2% in 2024.\nThe house is big.\n",
    );
    assert_eq!(batch(&r, "json").status.code(), Some(0));
    let out = tc(&r)
        .args(["check", "--no-inline-ignore", "--format", "json"])
        .args(["--source-lang", "pt", "--target-lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}

#[test]
fn discovery_stops_at_the_repository_root_and_names_the_config() {
    let d = tempfile::tempdir().unwrap();
    // A planted config above the repository would pass everything.
    write(d.path(), "transcheck.toml", "fail-on = \"never\"\n");
    let r = d.path().join("repo");
    fs::create_dir_all(r.join(".git")).unwrap();
    write(&r, "pt.txt", MINI_PT);
    write(&r, "en.txt", MINI_EN);
    let out = tc(&r)
        .args([
            "check",
            "pt.txt",
            "en.txt",
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    // The repository's own config is used and named on stderr.
    write(&r, "transcheck.toml", "fail-on = \"never\"\n");
    let out = tc(&r.join(".git"))
        .current_dir(&r)
        .args([
            "check",
            "pt.txt",
            "en.txt",
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("using the config") && err.contains("transcheck.toml"),
        "{err}"
    );
}

#[test]
fn world_writable_foreign_config_is_ignored_with_a_warning() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: giving a file to another user needs root");
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("shared");
    write(&dir, "transcheck.toml", "fail-on = \"never\"\n");
    write(&dir, "pt.txt", MINI_PT);
    write(&dir, "en.txt", MINI_EN);
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o1777)).unwrap();
    std::os::unix::fs::chown(dir.join("transcheck.toml"), Some(65534), Some(65534)).unwrap();
    let out = tc(&dir)
        .args([
            "check",
            "pt.txt",
            "en.txt",
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("ignored") && err.contains("another user"),
        "{err}"
    );
}

#[test]
fn unknown_placeholder_and_empty_globs_are_config_errors() {
    let d = repo(&format!(
        "{LANGS}[[pair]]\nsource = \"pt/*.txt\"\ntarget = \"en/{{file}}\"\n"
    ));
    let out = batch(&d.path().join("repo"), "json");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("transcheck.toml:5:") && err.contains("{file}"),
        "{err}"
    );
    let d = repo(&format!(
        "{LANGS}[[pair]]\nsource = \"pt/*.txt\"\ntarget = \"en/{{name}}\"\n[[pair]]\nsource = \"content/pt/*.md\"\ntarget = \"en/{{name}}\"\n"
    ));
    let out = batch(&d.path().join("repo"), "json");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("content/pt/*.md") && err.contains("matches no files"),
        "{err}"
    );
}

#[test]
fn batch_paths_are_relative_to_the_config_folder() {
    let d = repo(&format!(
        "{LANGS}[[pair]]\nsource = \"pt/*.txt\"\ntarget = \"en/{{name}}\"\n"
    ));
    let r = d.path().join("repo");
    fs::create_dir_all(r.join("sub")).unwrap();
    for dir in [r.clone(), r.join("sub")] {
        let out = batch(&dir, "json");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(v["source"]["path"], "pt/a.txt", "{v}");
        assert_eq!(v["target"]["path"], "en/a.txt", "{v}");
    }
}

// ---- false green, and one file sinking the batch ----

#[test]
fn one_bad_file_in_a_batch_is_a_finding_and_the_rest_is_checked() {
    let d = repo(&format!(
        "{LANGS}[[pair]]\nsource = \"pt/*.txt\"\ntarget = \"en/{{name}}\"\n"
    ));
    let r = d.path().join("repo");
    write(&r, "pt/b.txt", PT);
    fs::write(r.join("en/b.txt"), b"").unwrap();
    write(&r, "pt/c.txt", PT);
    fs::write(r.join("en/c.txt"), b"\x00\x01\x02binary").unwrap();
    // An input error exits 2 (never green), and the readable pair is still reported.
    let out = batch(&r, "json");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let pairs = v["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 3);
    let rules: Vec<&str> = pairs
        .iter()
        .flat_map(|p| p["findings"].as_array().unwrap())
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["input-error", "input-error"], "{v}");
    assert_eq!(pairs[0]["summary"]["links"], 3, "a.txt was checked");
    // Nothing readable at all: exit 2.
    fs::write(r.join("en/a.txt"), b"").unwrap();
    let out = batch(&r, "json");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

#[test]
fn explicit_pair_with_shard_is_refused() {
    let d = repo(LANGS);
    let out = tc(&d.path().join("repo"))
        .args(["check", "pt/a.txt", "en/a.txt", "--shard", "2/2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--shard"));
}

/// Runs transcheck with its stdout closed before it writes.
fn run_with_closed_stdout(dir: &Path, args: &[&str]) -> std::process::ExitStatus {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("transcheck"))
        .current_dir(dir)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait().unwrap()
}

#[test]
fn closed_stdout_is_no_false_green_and_the_baseline_is_written() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "pt.txt", MINI_PT);
    write(d.path(), "en.txt", MINI_EN);
    let args = [
        "check",
        "pt.txt",
        "en.txt",
        "--source-lang",
        "pt",
        "--target-lang",
        "en",
    ];
    let status = run_with_closed_stdout(d.path(), &args);
    assert_eq!(status.code(), Some(1));
    let mut with_baseline = args.to_vec();
    with_baseline.extend(["--write-baseline", "b.json"]);
    let status = run_with_closed_stdout(d.path(), &with_baseline);
    assert_eq!(status.code(), Some(0));
    let b = fs::read_to_string(d.path().join("b.json")).unwrap();
    assert!(b.contains("\"findings\""), "{b}");
}

/// Runs a command, failing the test if it takes longer than `secs`.
fn run_bounded(mut cmd: std::process::Command, secs: u64) -> std::process::Output {
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed().as_secs() > secs {
            child.kill().unwrap();
            panic!("transcheck hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn transcheck_in(dir: &Path, args: &[&str]) -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("transcheck"));
    c.current_dir(dir)
        .args(args)
        .env("HOME", std::env::temp_dir());
    c
}

#[test]
fn fifo_and_devices_are_refused_without_hanging() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "pt.txt", PT);
    let made = std::process::Command::new("mkfifo")
        .arg(d.path().join("fifo"))
        .status()
        .unwrap();
    assert!(made.success());
    for (target, what) in [("fifo", "named pipe"), ("/dev/zero", "device")] {
        let out = run_bounded(transcheck_in(d.path(), &["check", "pt.txt", target]), 30);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(what), "{err}");
    }
    for flag in ["--glossary", "--baseline"] {
        let args = ["check", "pt.txt", "pt.txt", flag, "fifo"];
        let out = run_bounded(transcheck_in(d.path(), &args), 30);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flag}: {err}");
    }
    let out = run_bounded(
        transcheck_in(
            d.path(),
            &["check", "pt.txt", "pt.txt", "--config", "/dev/zero"],
        ),
        30,
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn oversized_file_is_refused_with_the_cap_named() {
    let d = repo(&format!(
        "{LANGS}max-file-size = \"1K\"\n[[pair]]\nsource = \"pt/*.txt\"\ntarget = \"en/{{name}}\"\n"
    ));
    let r = d.path().join("repo");
    write(&r, "pt/big.txt", &PT.repeat(100));
    write(&r, "en/big.txt", &EN.repeat(100));
    let out = batch(&r, "json");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("pt/big.txt") && err.contains("size cap of 1024 bytes"),
        "{err}"
    );
    assert!(err.contains("max-file-size"), "{err}");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "pt.txt", PT);
    tc(d.path())
        .args([
            "check",
            "pt.txt",
            "-",
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
        ])
        .write_stdin(EN)
        .assert()
        .code(0);
}

// ---- clobbered files ----

fn mini_dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "pt.txt", MINI_PT);
    write(d.path(), "en.txt", MINI_EN);
    write(d.path(), "g.tsv", "Mascate\tMuscat\n");
    d
}

fn write_baseline(dir: &Path, to: &str) -> std::process::Output {
    tc(dir)
        .args(["check", "pt.txt", "en.txt", "--glossary", "g.tsv"])
        .args([
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
            "--write-baseline",
            to,
        ])
        .output()
        .unwrap()
}

#[test]
fn baseline_never_replaces_an_input_or_another_file() {
    let d = mini_dir();
    for to in ["en.txt", "pt.txt", "g.tsv"] {
        let before = fs::read(d.path().join(to)).unwrap();
        let out = write_baseline(d.path(), to);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{to}: {err}");
        assert!(err.contains("input of this run"), "{err}");
        assert_eq!(fs::read(d.path().join(to)).unwrap(), before, "{to} changed");
    }
    write(d.path(), "notes.md", "# my notes\n");
    let out = write_baseline(d.path(), "notes.md");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(d.path().join("notes.md")).unwrap(),
        "# my notes\n"
    );
}

#[test]
fn baseline_writes_through_a_symlink_and_keeps_the_mode() {
    use std::os::unix::fs::PermissionsExt;
    let d = mini_dir();
    fs::create_dir(d.path().join("ci")).unwrap();
    std::os::unix::fs::symlink("ci/real.json", d.path().join("b.json")).unwrap();
    assert_eq!(write_baseline(d.path(), "b.json").status.code(), Some(0));
    assert!(
        fs::symlink_metadata(d.path().join("b.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let real = d.path().join("ci/real.json");
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .contains("\"version\": 1")
    );
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(write_baseline(d.path(), "b.json").status.code(), Some(0));
    let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    // A new file is readable like any other file of a repository.
    assert_eq!(write_baseline(d.path(), "new.json").status.code(), Some(0));
    let mode = fs::metadata(d.path().join("new.json"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o644);
}

#[test]
fn baseline_refuses_fifos_and_devices() {
    let d = mini_dir();
    let made = std::process::Command::new("mkfifo")
        .arg(d.path().join("fifo"))
        .status()
        .unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink("fifo", d.path().join("link")).unwrap();
    for to in ["fifo", "link"] {
        let mut c = transcheck_in(
            d.path(),
            &["check", "pt.txt", "en.txt", "--write-baseline", to],
        );
        c.args(["--source-lang", "pt", "--target-lang", "en"]);
        let out = run_bounded(c, 30);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("not a regular file"), "{err}");
        assert!(
            fs::symlink_metadata(d.path().join("fifo"))
                .unwrap()
                .file_type()
                .is_fifo_like()
        );
    }
}

trait FifoLike {
    fn is_fifo_like(&self) -> bool;
}
impl FifoLike for fs::FileType {
    fn is_fifo_like(&self) -> bool {
        std::os::unix::fs::FileTypeExt::is_fifo(self)
    }
}

#[test]
fn baseline_version_and_shape_are_checked() {
    let d = mini_dir();
    for (text, what) in [
        ("{\"version\": 99, \"findings\": []}", "version 99"),
        ("[]", "bare JSON array"),
    ] {
        write(d.path(), "b.json", text);
        let out = tc(d.path())
            .args(["check", "pt.txt", "en.txt", "--baseline", "b.json"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(what), "{err}");
    }
}

#[test]
fn stale_temporary_files_are_removed() {
    let d = mini_dir();
    // A writer killed earlier (no such process) left its temporary file.
    let stale = d.path().join(".b.json.transcheck-tmp.4000000000.abc123");
    write(d.path(), ".b.json.transcheck-tmp.4000000000.abc123", "{");
    assert_eq!(write_baseline(d.path(), "b.json").status.code(), Some(0));
    assert!(!stale.exists());
    let left: Vec<_> = fs::read_dir(d.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("transcheck-tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// A batch of six flawed pairs, for shard tests.
fn shard_repo() -> tempfile::TempDir {
    let d = repo(&format!(
        "{LANGS}[[pair]]\nsource = \"pt/*.txt\"\ntarget = \"en/{{name}}\"\n"
    ));
    let r = d.path().join("repo");
    for i in 0..6 {
        write(&r, &format!("pt/m{i}.txt"), MINI_PT);
        write(&r, &format!("en/m{i}.txt"), MINI_EN);
    }
    d
}

fn entries(p: &Path) -> usize {
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(p).unwrap()).unwrap();
    v["findings"].as_array().unwrap().len()
}

#[test]
fn shards_writing_one_baseline_lose_nothing() {
    let d = shard_repo();
    let r = d.path().join("repo");
    let full = tc(&r)
        .args(["check", "--write-baseline", "full.json"])
        .output()
        .unwrap();
    assert_eq!(full.status.code(), Some(0), "{full:?}");
    let total = entries(&r.join("full.json"));
    assert!(total >= 12, "{total}");
    // Three shards at once, all into one file.
    let children: Vec<_> = (1..=3)
        .map(|i| {
            transcheck_in(
                &r,
                &[
                    "check",
                    "--shard",
                    &format!("{i}/3"),
                    "--write-baseline",
                    "one.json",
                ],
            )
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    assert_eq!(entries(&r.join("one.json")), total);
    // Rewriting one shard replaces only its own entries.
    let again = tc(&r)
        .args(["check", "--shard", "2/3", "--write-baseline", "one.json"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(entries(&r.join("one.json")), total);
}

#[test]
fn shard_baselines_merge_into_one() {
    let d = shard_repo();
    let r = d.path().join("repo");
    tc(&r)
        .args(["check", "--write-baseline", "full.json"])
        .assert()
        .code(0);
    for i in 1..=2 {
        tc(&r)
            .args(["check", "--shard", &format!("{i}/2"), "--write-baseline"])
            .arg(format!("part-{i}.json"))
            .assert()
            .code(0);
    }
    tc(&r)
        .args([
            "baseline",
            "merge",
            "part-1.json",
            "part-2.json",
            "-o",
            "merged.json",
        ])
        .assert()
        .code(0);
    assert_eq!(
        entries(&r.join("merged.json")),
        entries(&r.join("full.json"))
    );
    // The merged baseline hides every finding of the full run.
    let out = tc(&r)
        .args(["check", "--format", "json", "--baseline", "merged.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn segment_and_align_outputs_are_escaped_too() {
    let d = evil_pair();
    let outputs = [
        vec!["segment", EVIL_NAME, "--lang", "en"],
        vec!["segment", EVIL_NAME, "--lang", "en", "--format", "json"],
        vec!["align", "pt.txt", EVIL_NAME],
        vec!["align", "pt.txt", EVIL_NAME, "--format", "tsv"],
        vec!["align", "pt.txt", EVIL_NAME, "--format", "json"],
    ];
    for args in outputs {
        let out = tc(d.path()).args(&args).output().unwrap();
        let (o, e) = (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        );
        assert!(out.status.success(), "{args:?}: {e}");
        assert!(workflow_commands(&o).is_empty(), "{args:?}:\n{o}");
        assert!(workflow_commands(&e).is_empty(), "{args:?}:\n{e}");
        assert_eq!(has_raw_controls(&o), None, "{args:?}:\n{o}");
    }
}

#[test]
fn interrupted_baseline_writes_leave_no_temporary_file() {
    // SIGINT at spread-out moments of a run; whenever it lands, no
    // temporary file may stay behind.
    let d = shard_repo();
    let r = d.path().join("repo");
    let probe = std::time::Instant::now();
    tc(&r)
        .args(["check", "--write-baseline", "b.json"])
        .assert()
        .code(0);
    let run_ms = probe.elapsed().as_millis() as u64;
    for k in 0..12 {
        let mut child = transcheck_in(&r, &["check", "--write-baseline", "b.json"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(run_ms * k / 10));
        // SAFETY: sending a signal to our own child process.
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
        child.wait().unwrap();
        let left: Vec<_> = fs::read_dir(&r)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("transcheck-tmp"))
            .collect();
        assert!(left.is_empty(), "after SIGINT at {k}/10 of a run: {left:?}");
        // Whatever happened, the baseline is whole.
        assert!(entries(&r.join("b.json")) > 0);
    }
}

#[test]
fn discovery_stops_at_the_home_folder() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "transcheck.toml", "fail-on = \"never\"\n");
    let home = d.path().join("home");
    write(&home, "work/pt.txt", MINI_PT);
    write(&home, "work/en.txt", MINI_EN);
    let run = |home_dir: &Path| {
        tc(&home.join("work"))
            .env("HOME", home_dir)
            .args([
                "check",
                "pt.txt",
                "en.txt",
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
    // Above the home folder the planted config is never reached.
    assert_eq!(run(&home), Some(1));
    // With the home folder higher up, the same file is found and obeyed.
    assert_eq!(run(d.path()), Some(0));
}

#[test]
fn evil_glossary_and_lexicon_names_are_escaped_in_every_format() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "pt.txt", MINI_PT);
    write(d.path(), "en.txt", MINI_EN);
    let gloss = "g\n::error title=GLOSS::x\u{1b}[2J.tsv";
    let lex = "l\n::warning title=LEX::y\u{7}\u{202e}.tsv";
    write(d.path(), gloss, "Mascate\tMuscat\n");
    write(d.path(), lex, "chanceler\tforeign minister\n");
    for format in ["human", "short", "json", "sarif", "github", "patch", "html"] {
        let out = tc(d.path())
            .args(["check", "pt.txt", "en.txt", "--color", "never"])
            .args(["--source-lang", "pt", "--target-lang", "en"])
            .args(["--glossary", gloss, "--lexicon", lex, "--format", format])
            .output()
            .unwrap();
        let o = String::from_utf8(out.stdout).unwrap();
        let e = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}: {e}");
        for (name, props, data) in workflow_commands(&o) {
            // Only the github format annotates, and never with an injected title.
            assert_eq!(format, "github", "{format} stdout runs {name}:\n{o}");
            assert!(
                ["error", "warning", "notice"].contains(&name.as_str())
                    && !props.contains("GLOSS")
                    && !props.contains("LEX"),
                "{name} {props} {data}"
            );
        }
        assert!(workflow_commands(&e).is_empty(), "{format} stderr: {e}");
        assert_eq!(has_raw_controls(&o), None, "{format}:\n{o}");
        assert_eq!(has_raw_controls(&e), None, "{format} stderr:\n{e}");
    }
}
