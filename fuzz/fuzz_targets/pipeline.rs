//! Fuzzes the whole check pipeline: the input is split at its first NUL
//! byte (or its middle) into a source and a target text; every finding's
//! span must lie inside its link text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcheck::glossary::Glossary;
use transcheck::input::Document;
use transcheck::pipeline::{PairOptions, check_pair};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let cut = text.find('\0').unwrap_or_else(|| {
        let mut m = text.len() / 2;
        while !text.is_char_boundary(m) {
            m -= 1;
        }
        m
    });
    let (src, tgt) = (&text[..cut], text[cut..].trim_start_matches('\0'));
    let glossary = Glossary::parse_str(
        "g.tsv",
        "Mascate\tMuscat\nOmã\tOman\nSr.\tMr.\n",
        "pt",
        "en",
    )
    .unwrap_or_default();
    let options = PairOptions {
        source_lang: Some("pt".into()),
        target_lang: Some("en".into()),
        ..Default::default()
    };
    let r = check_pair(
        Document::from_text("s.txt", src),
        Document::from_text("t.txt", tgt),
        &glossary,
        &options,
    );
    for f in &r.findings {
        if let Some(v) = f.link.and_then(|i| r.views.get(i)) {
            for (span, text) in [
                (&f.source_span, &v.source.text),
                (&f.target_span, &v.target.text),
            ] {
                if let Some(sp) = span {
                    assert!(sp.start <= sp.end && sp.end <= text.len());
                    assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
                }
            }
        }
    }
});
