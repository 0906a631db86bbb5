//! Fuzzes the number parser: any text, with the pt and en profiles, gives
//! mentions whose spans lie inside the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcheck::numbers::extract;
use transcheck::profile::Profile;

/// Built once: parsing the profiles would dominate each run.
static PROFILES: std::sync::LazyLock<[Profile; 2]> =
    std::sync::LazyLock::new(|| [Profile::builtin("pt"), Profile::builtin("en")]);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for profile in PROFILES.iter() {
        for m in extract(&text, profile) {
            assert!(m.start <= m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert_eq!(text.get(m.start..m.end), Some(m.raw.as_str()));
        }
    }
});
