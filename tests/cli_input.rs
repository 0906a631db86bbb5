//! Bad and hostile input through the CLI: every case gives exit code 2 (or a
//! clean run where the input is valid) and a message naming the file.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn bin() -> Command {
    Command::cargo_bin("transcheck").unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

const PT: &str =
    "O ministro chegou a Mascate nesta terça-feira.\n\nEle se reuniu com o enviado americano.\n";
const EN: &str = "The minister arrived in Muscat on Tuesday.\n\nHe met the American envoy.\n";

fn check_with_target(bytes: &[u8], name: &str) -> assert_cmd::assert::Assert {
    let d = tempfile::tempdir().unwrap();
    let s = write(d.path(), "pt.txt", PT.as_bytes());
    let t = write(d.path(), name, bytes);
    bin().arg("check").arg(&s).arg(&t).assert()
}

#[test]
fn missing_file_is_exit_2_and_named() {
    let d = tempfile::tempdir().unwrap();
    let s = write(d.path(), "pt.txt", PT.as_bytes());
    bin()
        .args(["check"])
        .arg(&s)
        .arg(d.path().join("nope.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.txt").and(predicate::str::contains("not found")));
}

#[test]
fn directory_is_refused() {
    let d = tempfile::tempdir().unwrap();
    let s = write(d.path(), "pt.txt", PT.as_bytes());
    bin()
        .arg("check")
        .arg(&s)
        .arg(d.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("directory"));
}

#[test]
fn empty_and_whitespace_only_files_are_refused() {
    check_with_target(b"", "empty.txt")
        .code(2)
        .stderr(predicate::str::contains("empty.txt").and(predicate::str::contains("empty")));
    check_with_target(b"  \n\n \t\n", "blank.txt")
        .code(2)
        .stderr(predicate::str::contains("blank.txt"));
}

#[test]
fn binary_file_is_refused() {
    check_with_target(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "img.png")
        .code(2)
        .stderr(predicate::str::contains("img.png").and(predicate::str::contains("not text")));
}

#[test]
fn invalid_utf8_reports_offset_and_line() {
    check_with_target(b"The minister.\nHe met \xe9 envoy.\n", "bad.txt")
        .code(2)
        .stderr(
            predicate::str::contains("bad.txt:2")
                .and(predicate::str::contains("offset 21"))
                .and(predicate::str::contains("iconv")),
        );
}

#[test]
fn utf16_with_bom_is_decoded() {
    for le in [true, false] {
        let mut bytes = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in EN.encode_utf16() {
            bytes.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        check_with_target(&bytes, "u16.txt").code(0);
    }
}

#[test]
fn crlf_and_lone_cr_are_accepted() {
    check_with_target(EN.replace('\n', "\r\n").as_bytes(), "crlf.txt").code(0);
    check_with_target(EN.replace('\n', "\r").as_bytes(), "cr.txt").code(0);
}

#[test]
fn bad_language_code_is_a_usage_error() {
    let d = tempfile::tempdir().unwrap();
    let s = write(d.path(), "pt.txt", PT.as_bytes());
    let t = write(d.path(), "en.txt", EN.as_bytes());
    bin()
        .arg("check")
        .arg(&s)
        .arg(&t)
        .args(["--source-lang", "portuguese"])
        .assert()
        .code(2);
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    bin().arg("frobnicate").assert().code(2);
}

#[test]
fn hostile_text_does_not_panic() {
    let hostile =
        "“““ ((([[[ e\u{301}\u{301}\u{301} 👍🏽👨‍👩‍👧 \u{200b}\u{200d} שלום עולם. مرحبا. \"'\"' … ?!?!\n"
            .repeat(50);
    let d = tempfile::tempdir().unwrap();
    let s = write(d.path(), "pt.txt", PT.as_bytes());
    let t = write(d.path(), "hostile.txt", hostile.as_bytes());
    for fmt in ["human", "json"] {
        bin()
            .arg("check")
            .arg(&s)
            .arg(&t)
            .args(["--format", fmt])
            .assert()
            .stderr(predicate::str::contains("panicked").not())
            .code(predicate::in_iter([0, 1]));
    }
}

fn pair_dir() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let s = write(d.path(), "pt.txt", PT.as_bytes());
    let t = write(d.path(), "en.txt", EN.as_bytes());
    (d, s, t)
}

#[test]
fn unreadable_file_is_refused_unless_running_as_root() {
    use std::os::unix::fs::PermissionsExt;
    let (d, s, _) = pair_dir();
    let t = write(d.path(), "locked.txt", EN.as_bytes());
    std::fs::set_permissions(&t, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads regardless of permissions: nothing to test then.
    if std::fs::read(&t).is_ok() {
        return;
    }
    bin()
        .arg("check")
        .arg(&s)
        .arg(&t)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("locked.txt").and(predicate::str::contains("readable")));
}

#[test]
fn nul_bytes_name_the_line_and_jpeg_is_named() {
    check_with_target(b"The minister.\nHe \x00met.\n", "nul.txt")
        .code(2)
        .stderr(predicate::str::contains("nul.txt:2").and(predicate::str::contains("plain-text")));
    check_with_target(b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", "photo.txt")
        .code(2)
        .stderr(predicate::str::contains("photo.txt").and(predicate::str::contains("JPEG")));
}

#[test]
fn latin1_suggests_iconv_with_the_file_and_line() {
    check_with_target(
        b"The minister arrived.\nCaf\xe9 in S\xe3o Paulo.\n",
        "l1.txt",
    )
    .code(2)
    .stderr(
        predicate::str::contains("l1.txt:2")
            .and(predicate::str::contains("iconv -f LATIN1 -t UTF-8")),
    );
}

#[test]
fn one_million_empty_lines_and_a_long_single_line() {
    let d = tempfile::tempdir().unwrap();
    let mut many = String::from("The minister arrived in Muscat on Tuesday.\n");
    many.push_str(&"\n".repeat(1_000_000));
    many.push_str("He met the American envoy.\n");
    let s = write(d.path(), "pt.txt", PT.as_bytes());
    let t = write(d.path(), "blank_lines.txt", many.as_bytes());
    let out = bin()
        .arg("check")
        .arg(&s)
        .arg(&t)
        .args(["--format", "json"])
        .assert()
        .code(predicate::in_iter([0, 1]))
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["summary"]["links"], 2, "{v}");
    // 50 MB on one line: sentences without a single line break.
    let sentence = "O ministro chegou a Mascate nesta terça-feira com 3,4% dos votos. ";
    let line = sentence.repeat(50 * 1024 * 1024 / sentence.len());
    let big = write(d.path(), "one_line.txt", line.as_bytes());
    let out = bin()
        .arg("segment")
        .arg(&big)
        .args(["--lang", "pt", "--format", "text"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let n = out.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(n, 50 * 1024 * 1024 / sentence.len());
}

#[test]
fn deeply_nested_brackets_and_unbalanced_quotes_do_not_panic() {
    let nested = format!(
        "{}O ministro chegou.{}\n",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    let quotes = "“Ele disse ‘não. \"Sim” e ‘ talvez\" « nunca. » » “ ”“\n".repeat(40);
    let d = tempfile::tempdir().unwrap();
    let s = write(d.path(), "pt.txt", format!("{nested}{quotes}").as_bytes());
    let t = write(d.path(), "en.txt", EN.repeat(20).as_bytes());
    for fmt in ["human", "json", "sarif", "patch"] {
        bin()
            .arg("check")
            .arg(&s)
            .arg(&t)
            .args(["--format", fmt])
            .assert()
            .stderr(predicate::str::contains("panicked").not())
            .code(predicate::in_iter([0, 1]));
    }
}

#[test]
fn rtl_combining_emoji_and_zero_width_keep_spans_on_char_boundaries() {
    let src = "O presidente de Israel (ישראל) disse 3 vezes: “مرحبا”. A cafe\u{301} custa 5 €. 👨‍👩‍👧 Ze\u{200b}ro\u{200d} lar\u{feff}gura.\n";
    let tgt = "The president of Israel (ישראל) said 4 times: “مرحبا”. The cafe\u{301} costs 6 €. 👨‍👩‍👧 Ze\u{200b}ro\u{200d} width\u{2060}.\n";
    let d = tempfile::tempdir().unwrap();
    let s = write(d.path(), "pt.txt", src.as_bytes());
    let t = write(d.path(), "en.txt", tgt.as_bytes());
    let out = bin()
        .arg("check")
        .arg(&s)
        .arg(&t)
        .args([
            "--format",
            "json",
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
        ])
        .assert()
        .code(predicate::in_iter([0, 1]))
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty(), "the changed numbers are found: {v}");
    for f in findings {
        for side in ["source", "target"] {
            let sv = &f[side];
            if sv.is_null() {
                continue;
            }
            let text = sv["text"].as_str().unwrap();
            let (a, b) = (
                sv["span"]["start"].as_u64().unwrap() as usize,
                sv["span"]["end"].as_u64().unwrap() as usize,
            );
            assert!(a <= b && b <= text.len(), "{f}");
            assert!(text.is_char_boundary(a) && text.is_char_boundary(b), "{f}");
        }
    }
}

#[test]
fn same_file_as_source_and_target_is_warned() {
    let (_d, s, _) = pair_dir();
    bin().arg("check").arg(&s).arg(&s).assert().stderr(
        predicate::str::contains("source and target are the same file")
            .and(predicate::str::contains("pt.txt")),
    );
    bin()
        .arg("align")
        .arg(&s)
        .arg(&s)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "source and target are the same file",
        ));
}

#[test]
fn swapped_files_are_caught_by_language_detection() {
    let d = tempfile::tempdir().unwrap();
    let pt = "O ministro das Relações Exteriores chegou a Mascate nesta terça-feira para uma reunião com o enviado americano. Ele disse que as conversas foram produtivas e que o governo espera um acordo em breve.\n";
    let en = "The foreign minister arrived in Muscat on Tuesday for a meeting with the American envoy. He said that the talks were productive and that the government expects an agreement soon.\n";
    let s = write(d.path(), "article.en.txt", en.as_bytes());
    let t = write(d.path(), "article.pt.txt", pt.as_bytes());
    bin()
        .arg("check")
        .arg(&s)
        .arg(&t)
        .args(["--source-lang", "pt", "--target-lang", "en"])
        .assert()
        .stderr(
            predicate::str::contains("article.pt.txt: language given as 'en'")
                .and(predicate::str::contains(
                    "article.en.txt: language given as 'pt'",
                ))
                .and(predicate::str::contains("swapped")),
        );
}

#[test]
fn glossary_problems_name_file_and_line() {
    let (d, s, t) = pair_dir();
    let run = |name: &str, text: &str| {
        let g = write(d.path(), name, text.as_bytes());
        bin()
            .arg("check")
            .arg(&s)
            .arg(&t)
            .arg("--glossary")
            .arg(&g)
            .assert()
    };
    run("bad.tsv", "Mascate\tMuscat\nOmã\n")
        .code(2)
        .stderr(predicate::str::contains("bad.tsv:2:").and(predicate::str::contains("a tab")));
    run("dup.tsv", "Mascate\tMuscat\nMascate\tMuscat\n")
        .code(predicate::in_iter([0, 1]))
        .stderr(
            predicate::str::contains("warning: ")
                .and(predicate::str::contains("dup.tsv:2:"))
                .and(predicate::str::contains("duplicate")),
        );
    run(
        "conflict.toml",
        "[[term]]\nsource = \"A\"\ntarget = \"Alpha\"\n[[term]]\nsource = \"B\"\ntarget = \"Beta\"\nforbidden = [\"Alpha\"]\n",
    )
    .code(predicate::in_iter([0, 1]))
    .stderr(predicate::str::contains("conflict.toml:4:").and(predicate::str::contains("remove one")));
    run("bad.toml", "[[term]]\nsource = \"A\"\ntarget = [\"x\"\n")
        .code(2)
        .stderr(predicate::str::is_match(r"bad\.toml:3:\d+: ").unwrap());
    run(
        "bad.tbx",
        "<?xml version=\"1.0\"?>\n<martif type=\"TBX\">\n<text><body>\n<termEntry></langSet>\n</body></text></martif>\n",
    )
    .code(2)
    .stderr(predicate::str::is_match(r"bad\.tbx:4:\d+: .*fix the XML").unwrap());
}

#[test]
fn malformed_gold_file_names_file_and_line() {
    let d = tempfile::tempdir().unwrap();
    let s = write(d.path(), "s.txt", b"Um.\nDois.\n");
    let t = write(d.path(), "t.txt", b"One.\nTwo.\n");
    let good = write(d.path(), "good.gold", b"[0]:[0]\n[1]:[1]\n");
    bin()
        .arg("align")
        .arg(&s)
        .arg(&t)
        .args([
            "--presegmented",
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
            "--gold",
        ])
        .arg(&good)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("precision").and(predicate::str::contains("f1 1.000")));
    let bad = write(d.path(), "bad.gold", b"[0]:[0]\n[1]-[1]\n");
    bin()
        .arg("align")
        .arg(&s)
        .arg(&t)
        .args(["--presegmented", "--gold"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("bad.gold:2:")
                .and(predicate::str::contains("expected one link per line")),
        );
}

#[test]
fn writing_a_baseline_replaces_an_existing_file_whole() {
    let (d, s, _) = pair_dir();
    let t = write(
        d.path(),
        "en.txt",
        b"The minister arrived in Muscat on Monday.\n\nHe met the American envoy.\n",
    );
    let b = d.path().join("baseline.json");
    // A longer baseline that a partial overwrite would leave a tail of.
    let old = format!(
        "{{\"version\": 1, \"findings\": []}}{}",
        " ".repeat(1 << 20)
    );
    std::fs::write(&b, old).unwrap();
    bin()
        .arg("check")
        .arg(&s)
        .arg(&t)
        .arg("--no-config")
        .arg("--write-baseline")
        .arg(&b)
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&b).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
    // Only the baseline remains: no temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn two_bilingual_files_are_exit_2_and_named_by_their_format() {
    let d = tempfile::tempdir().unwrap();
    let po = "msgid \"Save\"\nmsgstr \"Salvar\"\n";
    let a = write(d.path(), "a.po", po.as_bytes());
    let b = write(d.path(), "b.po", po.as_bytes());
    bin()
        .arg("check")
        .arg(&a)
        .arg(&b)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a.po: a PO file holds both languages",
        ));
}
