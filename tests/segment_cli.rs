//! The `segment` command end to end, and the catalogue of bad input files:
//! each gives exit code 2 and a message naming the file and what to do.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn transcheck() -> Command {
    Command::cargo_bin("transcheck").expect("binary builds")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("temp file");
    p
}

#[test]
fn segment_text_output_has_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "a.txt",
        "Título da matéria\n\nO Sr. Silva chegou às 10h. Ele disse: “Vamos\ncomeçar.” Depois saiu.\n".as_bytes(),
    );
    transcheck()
        .args(["segment", "--lang", "pt"])
        .arg(&f)
        .assert()
        .code(0)
        .stdout(
            "1:1\tTítulo da matéria\n3:1\tO Sr. Silva chegou às 10h.\n3:28\tEle disse: “Vamos começar.”\n4:11\tDepois saiu.\n",
        );
}

#[test]
fn segment_json_output_parses_and_has_spans() {
    let dir = tempfile::tempdir().unwrap();
    let text = "First one. Second one.\n\nNew paragraph.";
    let f = write(dir.path(), "a.txt", text.as_bytes());
    let out = transcheck()
        .args(["segment", "--lang", "en", "--format", "json"])
        .arg(&f)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["language"], "en");
    let segs = v["segments"].as_array().unwrap();
    assert_eq!(segs.len(), 3);
    for s in segs {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], s["text"].as_str().unwrap());
    }
    assert_eq!(segs[2]["paragraph"], 1);
    assert_eq!(segs[2]["line"], 3);
}

fn refused(bytes: &[u8], expect: &str) {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "bad.txt", bytes);
    transcheck()
        .args(["segment", "--lang", "en"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.txt").and(predicate::str::contains(expect)));
}

#[test]
fn bad_inputs_exit_2_with_a_clear_message() {
    refused(b"", "file is empty");
    refused(b"  \n\n\t ", "only whitespace");
    refused(b"text\0more", "binary data");
    refused(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image");
    refused(
        b"line one\nline \xff two",
        "bad.txt:2: invalid UTF-8 at byte offset 14",
    );
    refused(b"Informa\xe7\xe3o \xfatil", "iconv -f LATIN1 -t UTF-8");
}

#[test]
fn missing_file_and_directory_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    transcheck()
        .arg("segment")
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt: file not found"));
    transcheck()
        .arg("segment")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a directory"));
}

#[test]
fn utf16_and_odd_line_endings_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for u in "One.\r\nTwo.\rThree.".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let f = write(dir.path(), "u16.txt", &bytes);
    transcheck()
        .args(["segment", "--lang", "en"])
        .arg(&f)
        .assert()
        .code(0)
        .stdout("1:1\tOne.\n2:1\tTwo.\n3:1\tThree.\n");
}

#[test]
fn hostile_text_is_segmented_without_panic() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "“ « ( [ {{ unbalanced. ))))]]] “Olá!” 👨‍👩‍👧 e\u{301}. שלום עולם. مرحبا.\u{200b} Fim.\n{}{}",
        "\n".repeat(100_000),
        "((((".repeat(10_000)
    );
    let f = write(dir.path(), "h.txt", text.as_bytes());
    transcheck()
        .args(["segment", "--format", "json"])
        .arg(&f)
        .assert()
        .code(0);
}

/// Segments one single-line file of `bytes` bytes and checks the count.
fn single_line(bytes: usize) {
    let dir = tempfile::tempdir().unwrap();
    let unit = "O Sr. Silva disse 3,4% em https://a.b/c.d. Ele saiu! ";
    let line = unit.repeat(bytes / unit.len());
    let f = write(dir.path(), "long.txt", line.as_bytes());
    let out = transcheck()
        .args(["segment", "--lang", "pt"])
        .arg(&f)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let count = out.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(count, 2 * (bytes / unit.len()));
}

#[test]
fn long_single_line() {
    single_line(5_000_000);
}

#[test]
#[ignore = "50 MB: slow in debug builds; run with --ignored (or --release)"]
fn fifty_megabyte_single_line() {
    single_line(50_000_000);
}

#[test]
fn a_million_empty_lines() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{}Um.{}Dois.",
        "\n".repeat(1_000_000),
        "\n".repeat(1_000_000)
    );
    let f = write(dir.path(), "empty.txt", text.as_bytes());
    transcheck()
        .args(["segment", "--lang", "pt"])
        .arg(&f)
        .assert()
        .code(0)
        .stdout("1000001:1\tUm.\n2000001:1\tDois.\n");
}
