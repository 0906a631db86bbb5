//! i18n JSON catalogue pairs through the CLI: a missing key is an omission
//! on the source file, an extra key an addition, a renamed placeholder an
//! error at its line in the target file.

use assert_cmd::Command;
use serde_json::Value;

#[test]
fn catalogue_pair_findings_point_into_each_file() {
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .args([
            "check",
            "tests/data/i18n/en.json",
            "tests/data/i18n/pt-BR.json",
            "--format",
            "json",
        ])
        .assert()
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
    let ph = find("placeholder");
    assert_eq!(ph["target"]["line"], 9, "{ph}");
    let om = find("omission");
    assert_eq!(om["source"]["line"], 9, "{om}");
    assert!(
        om["source"]["text"]
            .as_str()
            .unwrap()
            .contains("inbox is empty"),
        "{om}"
    );
    let add = find("addition");
    assert_eq!(add["target"]["line"], 12, "{add}");
    // The extra Portuguese plural form is not an addition; the rest is clean.
    assert_eq!(
        f.iter().filter(|x| x["severity"] == "error").count(),
        2,
        "{v}"
    );
}

/// Pairing the keys of two catalogues is linear: 200,000 plural-form keys a
/// side (ten only in one file) read in seconds, where a search per key
/// (4·10¹⁰ comparisons, each target key's plural base sought among the
/// source's) takes hours. A guard far above the normal time, not a timing.
#[test]
fn pairing_large_catalogues_is_not_quadratic() {
    use std::time::{Duration, Instant};
    use transcheck::formats::{self, Format, ReadOptions};
    use transcheck::input::Document;
    let n = 200_000;
    let cat = |word: &str, from: usize| {
        let body: Vec<String> = (from..from + n)
            .map(|i| format!("\"k{i}_other\": \"{word} {i}\""))
            .collect();
        format!("{{{}}}", body.join(",\n"))
    };
    let start = Instant::now();
    let b = formats::read_pair(
        Format::Json,
        Document::from_text("en.json", &cat("Item", 0)),
        Document::from_text("pt-BR.json", &cat("Itens", 10)),
        &ReadOptions::default(),
    )
    .expect("parses");
    let took = start.elapsed();
    assert_eq!(b.units.len(), n + 10);
    assert_eq!(b.units.iter().filter(|u| u.target.is_none()).count(), 10);
    assert_eq!(b.units.iter().filter(|u| u.source.is_none()).count(), 10);
    let cap = Duration::from_secs(if cfg!(debug_assertions) { 120 } else { 60 });
    assert!(took < cap, "{took:?} for {n} keys a side");
}
