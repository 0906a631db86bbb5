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
