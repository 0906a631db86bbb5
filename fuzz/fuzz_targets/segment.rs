//! Fuzzes decoding and segmentation: any bytes either decode or give an
//! input error; any decoded text segments into ordered, trimmed spans on
//! character boundaries that cover every non-whitespace byte exactly once.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use transcheck::input::{Document, decode};
use transcheck::profile::Profile;
use transcheck::segment::segment;

/// Parsed once: parsing TOML on every input would dominate the run.
static PROFILES: LazyLock<Vec<Profile>> =
    LazyLock::new(|| ["pt", "en", "xx"].map(Profile::builtin).into());

fuzz_target!(|data: &[u8]| {
    let text = match decode("fuzz.txt", data) {
        Ok(t) => t,
        // Not text: still segment what a lossy reading gives.
        Err(_) => String::from_utf8_lossy(data).into_owned(),
    };
    let doc = Document::from_text("fuzz.txt", &text);
    for profile in PROFILES.iter() {
        let segs = segment(&doc, profile);
        check(&doc, &segs);
    }
});

fn check(doc: &Document, segs: &[transcheck::Segment]) {
    let text = &doc.text;
    let mut last = 0;
    for s in segs {
        assert!(s.start < s.end && s.end <= text.len());
        assert!(s.start >= last, "segments overlap or are out of order");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(text[last..s.start].chars().all(char::is_whitespace));
        let t = &text[s.start..s.end];
        assert_eq!(t, t.trim());
        assert_eq!(doc.line_col(s.start), (s.line, s.column));
        last = s.end;
    }
    assert!(text[last..].chars().all(char::is_whitespace));
}
