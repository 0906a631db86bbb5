//! Markdown input: the site fixture (clean pages clean, every planted mistake
//! found), the CLI on Markdown (locations in the original file, exit codes,
//! a patch `git apply --check` accepts), and a property test that the prose
//! view maps back to byte ranges of the original on char boundaries.

#[path = "common/run.rs"]
mod run;
mod site;

use assert_cmd::Command;
use proptest::prelude::*;
use serde_json::Value;
use transcheck::formats::{ProseOptions, markdown};
use transcheck::input::Document;

#[test]
fn site_pages_clean_and_every_planted_mistake_found() {
    let (planted, found, reported) = site::assert_site(".md");
    assert_eq!(planted, found);
    println!("markdown pages: {found}/{planted} planted mistakes found, {reported} findings");
}

fn tc() -> Command {
    let mut c = Command::cargo_bin("transcheck").unwrap();
    c.current_dir(site::root());
    c
}

const SRC: &str = "pt/docs/instalar.md";
const CLEAN: &str = "en/docs/instalar.md";
const FLAWED: &str = "en/docs/instalar.flawed.md";

fn check(target: &str, format: &str) -> assert_cmd::assert::Assert {
    tc().args([
        "check",
        SRC,
        target,
        "--source-lang",
        "pt",
        "--target-lang",
        "en",
        "--format",
        format,
    ])
    .assert()
}

#[test]
fn cli_exit_codes() {
    check(CLEAN, "human").code(0);
    check(FLAWED, "human").code(1);
    tc().args(["check", SRC, "en/docs/missing.md"])
        .assert()
        .code(2);
}

#[test]
fn sarif_and_json_point_into_the_original_file() {
    let out = check(FLAWED, "sarif").code(1).get_output().stdout.clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    let region = |rule: &str| {
        let r = results
            .iter()
            .find(|r| r["ruleId"] == rule)
            .unwrap_or_else(|| panic!("no {rule} result"));
        let pl = &r["locations"][0]["physicalLocation"];
        (
            pl["artifactLocation"]["uri"].as_str().unwrap().to_string(),
            pl["region"]["startLine"].as_u64().unwrap(),
            pl["region"]["startColumn"].as_u64().unwrap(),
        )
    };
    // The number inside the prose line, the fence of the changed code block,
    // the changed date in the front matter.
    assert_eq!(region("number"), (FLAWED.into(), 36, 23));
    assert_eq!(region("code"), (FLAWED.into(), 30, 1));
    assert_eq!(region("front-matter"), (FLAWED.into(), 4, 7));
    let out = check(FLAWED, "json").code(1).get_output().stdout.clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert!(v.to_string().contains("\"line\":36"), "{v}");
}

#[test]
fn patch_edits_prose_only_and_applies() {
    let out = check(FLAWED, "patch").code(1).get_output().stdout.clone();
    let diff = String::from_utf8(out).unwrap();
    assert!(diff.contains("+The build takes about 3 minutes"), "{diff}");
    // Never code, URLs or markup.
    for bad in [
        "+cargo install",
        "rustup.rs",
        "compilacao.png",
        "+date:",
        "Importante",
    ] {
        assert!(!diff.contains(bad), "patch touches {bad}:\n{diff}");
    }
    // Each changed line keeps its code spans and link targets as they were.
    let removed: Vec<&str> = diff
        .lines()
        .filter(|l| l.starts_with('-') && !l.starts_with("---"))
        .collect();
    let added: Vec<&str> = diff
        .lines()
        .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
        .collect();
    assert_eq!(removed.len(), added.len(), "{diff}");
    let markup = |l: &str| -> Vec<String> {
        l.split('`')
            .skip(1)
            .step_by(2)
            .map(String::from)
            .chain(
                l.split("](")
                    .skip(1)
                    .map(|x| x.split(')').next().unwrap_or("").to_string()),
            )
            .chain(std::iter::once(l.matches('*').count().to_string()))
            .collect()
    };
    for (a, b) in removed.iter().zip(&added) {
        assert_eq!(markup(a), markup(b), "{a} → {b}");
    }
    let d = tempfile::tempdir().unwrap();
    let dest = d.path().join(FLAWED);
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    std::fs::copy(site::root().join(FLAWED), &dest).unwrap();
    let git = std::process::Command::new("git")
        .args(["apply", "--check", "-"])
        .current_dir(d.path())
        .stdin(std::process::Stdio::piped())
        .spawn();
    let Ok(mut git) = git else {
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

#[test]
fn issue_examples_draw_no_false_alarm() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("pt.md"),
        "**Importante:** rode `cargo install --path .` na pasta do projeto.\n\n```sh\ncargo build --release\n```\n\nVeja o [guia](https://example.com/guia).\n",
    )
    .unwrap();
    std::fs::write(
        d.path().join("en.md"),
        "**Important:** run `cargo install --path .` in the project folder.\n\n```sh\ncargo build --release\n```\n\nSee the [guide](https://example.com/guia).\n",
    )
    .unwrap();
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .current_dir(d.path())
        .args([
            "check",
            "pt.md",
            "en.md",
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
        ])
        .args(["--fail-on", "info", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert!(!v.to_string().contains("\"rule\""), "{v}");
}

/// Markdown built from pieces that exercise the reader.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("# Título\n".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("- item\n  - sub\n".to_string()),
        Just("- [x] feito\n".to_string()),
        Just("1. um\n".to_string()),
        Just("```sh\ncódigo\n```\n".to_string()),
        Just("    recuo\n".to_string()),
        Just("`x`".to_string()),
        Just("**negrito**".to_string()),
        Just("_ênfase_".to_string()),
        Just("[link](http://a.b/c \"título\")".to_string()),
        Just("![alt çã](img.png)".to_string()),
        Just("| a | b |\n|---|---|\n| ç | d |\n".to_string()),
        Just("&amp; &eacute; &#x1F600;".to_string()),
        Just("\\*".to_string()),
        Just("<b>x</b>".to_string()),
        Just("<!-- transcheck-ignore: number ok -->\n".to_string()),
        Just("---\ntitle: Olá\ndate: 2024\n---\n".to_string()),
        Just("+++\ntitle = 'x'\n+++\n".to_string()),
        Just("> citação\n".to_string()),
        Just("e\u{301}👍🏽".to_string()),
        "[a-zA-Zàãçé .,]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..20).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn prose_maps_back_to_the_original(src in markdownish()) {
        let orig = Document::from_text("a.md", &src);
        let d = markdown::read(&orig, &ProseOptions::default());
        let m = d.markup.as_ref().expect("markup");
        let o = &m.original.text;
        for (i, _) in d.text.char_indices().chain(std::iter::once((d.text.len(), ' '))) {
            let at = m.to_original(i);
            prop_assert!(at <= o.len() && o.is_char_boundary(at));
        }
        let profile = transcheck::profile::Profile::builtin("pt");
        for s in transcheck::pipeline::segment_doc(&d, &profile, false) {
            let r = m.range_to_original(s.start..s.end);
            prop_assert!(r.end <= o.len() && o.is_char_boundary(r.start) && o.is_char_boundary(r.end));
            if let Some(v) = m.verbatim_range(s.start..s.end) {
                prop_assert_eq!(&o[v], &d.text[s.start..s.end]);
            }
            prop_assert_eq!((s.line, s.column), d.line_col(s.start));
        }
        for p in &m.pieces {
            prop_assert!(p.original.end <= o.len());
            prop_assert!(o.is_char_boundary(p.original.start) && o.is_char_boundary(p.original.end));
            prop_assert!(p.at.end <= d.text.len());
        }
    }
}

#[test]
fn front_matter_keys_come_from_the_config() {
    let d = tempfile::tempdir().unwrap();
    let pt = "+++\ntitle = \"Notícias\"\nauthor = \"Equipe Cartola\"\n+++\n\nA equipe publicou a versão nova do programa.\n";
    let en = "+++\ntitle = \"News\"\nauthor = \"Cartola Team\"\n+++\n\nThe team published the new version of the program.\n";
    std::fs::write(d.path().join("pt.md"), pt).unwrap();
    std::fs::write(d.path().join("en.md"), en).unwrap();
    let run = |config: &str| {
        std::fs::write(d.path().join("transcheck.toml"), config).unwrap();
        Command::cargo_bin("transcheck")
            .unwrap()
            .current_dir(d.path())
            .args([
                "check",
                "pt.md",
                "en.md",
                "--source-lang",
                "pt",
                "--target-lang",
                "en",
            ])
            .args(["--format", "json"])
            .assert()
            .get_output()
            .stdout
            .clone()
    };
    // By default `author` must stay as it is.
    let out = String::from_utf8(run("")).unwrap();
    assert!(out.contains("front-matter"), "{out}");
    // Listed, it is translated text.
    let out = String::from_utf8(run("front-matter-keys = [\"title\", \"author\"]\n")).unwrap();
    assert!(!out.contains("front-matter"), "{out}");
}

#[test]
fn suppression_comment_works_and_names_the_original_line() {
    let d = tempfile::tempdir().unwrap();
    let pt = "# Preços\n\nTemos dois planos,\ncom preços\ndiferentes.\n\nO plano custa 10 reais por mês.\n";
    // A wrapped paragraph before the comment: the prose has fewer lines.
    let en = "# Prices\n\nWe have two plans,\nwith different\nprices.\n\n<!-- transcheck-ignore: number -->\nThe plan costs 12 reais a month.\n";
    std::fs::write(d.path().join("pt.md"), pt).unwrap();
    std::fs::write(d.path().join("en.md"), en).unwrap();
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .current_dir(d.path())
        .args([
            "check",
            "pt.md",
            "en.md",
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
        ])
        .args(["--format", "short", "--fail-on", "never"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    // The number finding is silenced; the missing reason names line 7.
    assert!(!s.contains("error[number]"), "{s}");
    assert!(s.contains("en.md:7: `transcheck-ignore"), "{s}");
}

/// A Hugo page pair: a folded description with accents before other
/// fields, a spell-checker key and a YAML comment per language, a shortcode
/// and an attribute list. No error; a changed weight still is one.
#[test]
fn a_hugo_page_pair_draws_no_false_error() {
    let en = "---\ntitle: Code-based\ndescription: >-\n  Learn the essential steps in setting up instrumentation\nweight: 20 # prettier-ignore\ncSpell:ignore: proxying\nlastmod: 2025-01-02\n---\n\n{{% alert title=\"Note\" %}} Read the guide first. {{% /alert %}}\n\n![Course badge](badge.png)\n{.badge .mx-2}\n\nThe API lets you add telemetry to your code.\n";
    let pt = "---\ntitle: Baseada em código\ndescription: >-\n  Aprenda as etapas essenciais na configuração da instrumentação\nweight: 20\ncSpell:ignore: desserializado\nlastmod: 2025-03-04\n---\n\n{{% alert title=\"Nota\" %}} Leia o guia primeiro. {{% /alert %}}\n\n![Selo do curso](badge.png)\n{.badge .mx-2}\n\nA API permite adicionar telemetria ao seu código.\n";
    let run = |pt: &str| -> Vec<String> {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("en.md"), en).unwrap();
        std::fs::write(d.path().join("pt.md"), pt).unwrap();
        run::findings(
            d.path(),
            &[
                "en.md",
                "pt.md",
                "--source-lang",
                "en",
                "--target-lang",
                "pt",
            ],
        )
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| f["message"].to_string())
        .collect()
    };
    let errors = run(pt);
    assert!(errors.is_empty(), "{errors:#?}");
    let errors = run(&pt.replace("weight: 20", "weight: 30"));
    assert!(
        errors.iter().any(|e| e.contains("`weight` changed")
            && e.contains("source has 20")
            && e.contains("target has 30")),
        "{errors:#?}"
    );
}

#[test]
fn an_inline_anchor_is_compared_like_a_markdown_link() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("en.md"),
        "Read the <a href=\"https://example.org/guide\">guide</a> before you start.\n\n\
         Then open the <a href=\"https://example.org/tools\">tools page</a> and begin.\n",
    )
    .unwrap();
    std::fs::write(
        d.path().join("pt.md"),
        "Leia o [guia](https://example.org/guide) antes de começar.\n\n\
         Depois abra a página de ferramentas e comece.\n",
    )
    .unwrap();
    let f = run::findings(
        d.path(),
        &[
            "en.md",
            "pt.md",
            "--source-lang",
            "en",
            "--target-lang",
            "pt",
            "--only",
            "url",
        ],
    );
    let msgs: Vec<&str> = f.iter().map(|x| x["message"].as_str().unwrap()).collect();
    // The kept link matches; the dropped one is reported.
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("https://example.org/tools"), "{msgs:?}");
}
