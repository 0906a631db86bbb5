//! End-to-end checks on other language pairs, driven by profile data alone:
//! French, German and Italian into English and English into French. Each
//! pair in `tests/data/multilingual/<src>-<tgt>/` has a clean translation
//! (`target.txt`), a flawed one (`flawed.txt`) and the manifest of its
//! planted mistakes (`expected.toml`), and may have a `glossary.toml` for
//! its exonyms (Frankfurt → Francfort), as a newsroom would.

use std::path::{Path, PathBuf};
use transcheck::eval::{self, Manifest};
use transcheck::glossary::Glossary;
use transcheck::input::Document;
use transcheck::pipeline::{PairOptions, check_pair};
use transcheck::{Severity, profile::Profile, segment};

/// Pair, and the sentence counts of its source and clean target.
const PAIRS: &[(&str, usize, usize)] = &[
    ("fr-en", 7, 7),
    ("de-en", 8, 8),
    ("it-en", 7, 7),
    ("en-fr", 6, 6),
];

fn dir(pair: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/multilingual")
        .join(pair)
}

fn langs(pair: &str) -> (&str, &str) {
    pair.split_once('-')
        .expect("pair directories are named src-tgt")
}

fn load(pair: &str, file: &str) -> Document {
    Document::load(&dir(pair).join(file)).expect("test data is shipped")
}

fn run(pair: &str, target: &str) -> transcheck::pipeline::PairResult {
    let (s, t) = langs(pair);
    let options = PairOptions {
        source_lang: Some(s.into()),
        target_lang: Some(t.into()),
        ..Default::default()
    };
    let glossary_path = dir(pair).join("glossary.toml");
    let glossary = if glossary_path.exists() {
        Glossary::load(&glossary_path, s, t).expect("test glossary loads")
    } else {
        Glossary::default()
    };
    check_pair(
        load(pair, "source.txt"),
        load(pair, target),
        &glossary,
        &options,
    )
}

#[test]
fn profiles_exist_for_every_language() {
    for code in ["fr", "de", "it"] {
        assert!(Profile::has_builtin(code), "no built-in profile for {code}");
    }
}

#[test]
fn segmentation_gives_the_expected_sentences() {
    for &(pair, n_source, n_target) in PAIRS {
        let (s, t) = langs(pair);
        for (file, lang, want) in [("source.txt", s, n_source), ("target.txt", t, n_target)] {
            let doc = load(pair, file);
            let got: Vec<&str> = segment::segment(&doc, &Profile::builtin(lang))
                .iter()
                .map(|seg| seg.text(&doc))
                .collect();
            assert_eq!(got.len(), want, "{pair}/{file}: {got:#?}");
        }
    }
}

#[test]
fn clean_translations_get_no_error() {
    for &(pair, _, _) in PAIRS {
        let r = run(pair, "target.txt");
        let errors: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{}: {}", f.rule, f.message))
            .collect();
        assert!(errors.is_empty(), "{pair}:\n{}", errors.join("\n"));
    }
}

#[test]
fn every_planted_mistake_is_found_under_its_rule() {
    let mut missed = Vec::new();
    let mut false_alarms = Vec::new();
    let (mut reported, mut correct) = (0, 0);
    for &(pair, _, _) in PAIRS {
        let path = dir(pair).join("expected.toml");
        let manifest = Manifest::parse(
            &path.display().to_string(),
            &std::fs::read_to_string(&path).unwrap(),
        )
        .unwrap();
        assert!(manifest.mistake.len() >= 4, "{pair}: too few mistakes");
        let r = run(pair, "flawed.txt");
        let s = eval::score(&r, &manifest);
        reported += s.totals().reported;
        correct += s.totals().correct;
        for (rule, msg) in &s.false_alarms {
            false_alarms.push(format!("{pair}: [{rule}] {msg}"));
        }
        for m in s.missed {
            let found: Vec<String> = r
                .findings
                .iter()
                .filter(|f| f.severity >= Severity::Warning)
                .map(|f| format!("  {}: {}", f.rule, f.message))
                .collect();
            missed.push(format!(
                "{pair}: [{}] {:?} ({})\n{}",
                m.rule,
                m.text,
                m.note,
                found.join("\n")
            ));
        }
    }
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
    let precision = correct as f64 / reported.max(1) as f64;
    assert!(
        precision >= 0.9,
        "precision {precision:.3}; false alarms:\n{}",
        false_alarms.join("\n")
    );
}

#[test]
fn language_detection_names_the_profiles() {
    for &(pair, _, _) in PAIRS {
        let (s, t) = langs(pair);
        for (file, want) in [("source.txt", s), ("target.txt", t)] {
            let doc = load(pair, file);
            let got = transcheck::lang::detect(&doc.text).map(|d| d.code);
            assert_eq!(got.as_deref(), Some(want), "{pair}/{file}");
        }
    }
}

/// German capitalises every noun: a title noun before a name (`Chef`) is
/// kept out of the name by `[words].not_names`, so a misspelt first name is
/// still seen.
#[test]
fn german_title_nouns_do_not_hide_a_misspelt_name() {
    let options = PairOptions {
        source_lang: Some("de".into()),
        target_lang: Some("en".into()),
        ..Default::default()
    };
    let r = check_pair(
        Document::from_text("de.txt", "Der Chef Richard Lutz begrüßte das Paket.\n"),
        Document::from_text("en.txt", "The head Rihcard Lutz welcomed the package.\n"),
        &Glossary::default(),
        &options,
    );
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == "name" && f.message.contains("Rihcard")),
        "{:?}",
        r.findings
    );
}

/// Numbers in each language's own format, read from profile data alone.
#[test]
fn local_number_formats_are_read() {
    use transcheck::numbers::{NumberKind, extract};
    let cases: &[(&str, &str, f64, &str)] = &[
        ("fr", "un plan de 2,5 milliards d’euros", 2.5e9, "EUR"),
        ("fr", "12\u{202f}500 exploitations", 12_500.0, ""),
        ("fr", "une hausse de 7,3\u{a0}%", 7.3, "%"),
        ("fr", "vingt-deux élèves", 22.0, ""),
        ("de", "ein Paket von 3,2 Milliarden Euro", 3.2e9, "EUR"),
        ("de", "1.250 Züge", 1250.0, ""),
        ("de", "rund 4,8 Prozent mehr", 4.8, "%"),
        ("de", "zwei Millionen Menschen", 2e6, ""),
        ("it", "1,8 miliardi di euro", 1.8e9, "EUR"),
        ("it", "circa 36.000 persone", 36_000.0, ""),
        ("it", "un calo del 2,4%", 2.4, "%"),
        ("it", "tre milioni di abitanti", 3e6, ""),
    ];
    for &(lang, text, value, kind) in cases {
        let p = Profile::builtin(lang);
        let found = extract(text, &p);
        let ok = found.iter().any(|m| {
            (m.value - value).abs() < 1e-6 * value.max(1.0)
                && match kind {
                    "%" => m.kind == NumberKind::Percent,
                    "" => true,
                    code => m.kind == NumberKind::Currency(code.into()),
                }
        });
        assert!(ok, "{lang}: {text:?} gave {found:#?}");
    }
    let dates: &[(&str, &str, u8, u8)] = &[
        ("fr", "avant le 1er mars 2025", 1, 3),
        ("de", "bis zum 3. Oktober 2025", 3, 10),
        ("it", "entro il 15 settembre 2025", 15, 9),
    ];
    for &(lang, text, d, mo) in dates {
        let found = extract(text, &Profile::builtin(lang));
        let ok = found.iter().any(|m| {
            matches!(m.kind, NumberKind::Date { month, day: Some(day), year: Some(2025) }
                if month == mo && day == d)
        });
        assert!(ok, "{lang}: {text:?} gave {found:#?}");
    }
}

/// Times in each language's own style agree with the English clock.
#[test]
fn local_times_match_english_times() {
    for (lang, src, tgt) in [
        (
            "de",
            "Die Sitzung beginnt um 14.30 Uhr in Berlin.",
            "The meeting starts at 2:30 p.m. in Berlin.",
        ),
        (
            "fr",
            "La réunion commence à 14h30 à Paris.",
            "The meeting starts at 2:30 p.m. in Paris.",
        ),
        (
            "it",
            "La riunione inizia alle 14:30 a Roma.",
            "The meeting starts at 2:30 p.m. in Rome.",
        ),
    ] {
        let options = PairOptions {
            source_lang: Some(lang.into()),
            target_lang: Some("en".into()),
            ..Default::default()
        };
        let r = check_pair(
            Document::from_text("s.txt", src),
            Document::from_text("t.txt", tgt),
            &Glossary::default(),
            &options,
        );
        let numbers: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.rule == "number" && f.severity >= Severity::Warning)
            .map(|f| f.message.clone())
            .collect();
        assert!(numbers.is_empty(), "{lang}: {numbers:?}");
    }
}
