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
