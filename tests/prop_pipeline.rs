//! Property tests over the whole pipeline: for any Unicode input, nothing
//! panics, alignment covers every sentence once in order, finding spans lie
//! inside their text on character boundaries, and JSON output parses.

use proptest::prelude::*;
use transcheck::glossary::Glossary;
use transcheck::input::Document;
use transcheck::pipeline::{PairOptions, check_pair};
use transcheck::report::Report;

/// Text built from pieces that exercise the segmenter and the checks.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Sr. Silva".to_string()),
        Just("3,4%".to_string()),
        Just("1.693.673".to_string()),
        Just("US$ 348,7 bilhões".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("...".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("https://example.com/a.b".to_string()),
        Just("4 de março".to_string()),
        Just("noventa".to_string()),
        Just("e\u{301}".to_string()),
        Just("👍🏽".to_string()),
        Just("\u{200b}".to_string()),
        Just("שלום".to_string()),
        Just("((([[".to_string()),
        "[a-zA-Zàãçé ]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn pipeline_invariants(src in texty(), tgt in texty()) {
        let options = PairOptions {
            source_lang: Some("pt".into()),
            target_lang: Some("en".into()),
            ..Default::default()
        };
        let r = check_pair(
            Document::from_text("s.txt", &src),
            Document::from_text("t.txt", &tgt),
            &Glossary::default(),
            &options,
        );
        // Alignment covers each sentence exactly once, in order.
        let s: Vec<usize> = r.links.iter().flat_map(|l| l.source.clone()).collect();
        let t: Vec<usize> = r.links.iter().flat_map(|l| l.target.clone()).collect();
        prop_assert_eq!(s, (0..r.source_segments.len()).collect::<Vec<_>>());
        prop_assert_eq!(t, (0..r.target_segments.len()).collect::<Vec<_>>());
        for l in &r.links {
            prop_assert!(!(l.source.is_empty() && l.target.is_empty()));
            prop_assert!((0.0..=1.0).contains(&l.score));
        }
        // Every span lies inside its text, on character boundaries.
        for f in &r.findings {
            if let Some(v) = f.link.and_then(|i| r.views.get(i)) {
                for (span, text) in [(&f.source_span, &v.source.text), (&f.target_span, &v.target.text)] {
                    if let Some(sp) = span {
                        prop_assert!(sp.start <= sp.end && sp.end <= text.len(), "{:?} in {:?}", sp, text);
                        prop_assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
                    }
                }
            }
        }
        // JSON output parses.
        let mut out = Vec::new();
        transcheck::report::json::JsonReport.render(std::slice::from_ref(&r), &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        prop_assert_eq!(v["version"].as_u64(), Some(1));
    }
}

/// A sentence of 0 to 40 words.
fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-zA-Zà-ú0-9]{1,9}", 0..40).prop_map(|w| w.join(" ") + ".")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Alignment alone, with sentence lists of very unequal lengths: every
    /// sentence once, in order, no crossing links.
    #[test]
    fn align_covers_unequal_sides(
        src in prop::collection::vec(sentence(), 0..300),
        tgt in prop::collection::vec(sentence(), 0..300),
        split in 1usize..4,
    ) {
        // Sometimes one side is much shorter than the other.
        let tgt = if split > 1 { tgt[..tgt.len() / split].to_vec() } else { tgt };
        let pt = transcheck::profile::Profile::builtin("pt");
        let en = transcheck::profile::Profile::builtin("en");
        fn side<'a>(v: &'a [String], p: &'a transcheck::profile::Profile) -> transcheck::align::Side<'a> {
            transcheck::align::Side {
                sentences: v.iter().map(String::as_str).collect(),
                paragraphs: vec![0; v.len()],
                profile: p,
            }
        }
        let links = transcheck::align::align(&side(&src, &pt), &side(&tgt, &en), &Default::default());
        let s: Vec<usize> = links.iter().flat_map(|l| l.source.clone()).collect();
        let t: Vec<usize> = links.iter().flat_map(|l| l.target.clone()).collect();
        prop_assert_eq!(s, (0..src.len()).collect::<Vec<_>>());
        prop_assert_eq!(t, (0..tgt.len()).collect::<Vec<_>>());
        for l in &links {
            prop_assert!(!(l.source.is_empty() && l.target.is_empty()));
            for ids in [&l.source, &l.target] {
                prop_assert!(ids.windows(2).all(|w| w[1] == w[0] + 1), "{:?}", l);
            }
        }
    }

    /// SARIF output parses and keeps its version for any pair.
    #[test]
    fn sarif_output_parses(src in texty(), tgt in texty()) {
        let r = check_pair(
            Document::from_text("s.txt", &src),
            Document::from_text("t.txt", &tgt),
            &Glossary::default(),
            &PairOptions::default(),
        );
        let mut out = Vec::new();
        transcheck::report::sarif::SarifReport.render(std::slice::from_ref(&r), &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        prop_assert_eq!(v["version"].as_str(), Some("2.1.0"));
    }
}
