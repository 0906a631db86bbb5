//! Fuzzes the glossary readers: any bytes read as TSV, CSV, TOML or TBX give
//! a glossary or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcheck::glossary::Glossary;
use transcheck::profile::Profile;

static PROFILES: std::sync::LazyLock<[Profile; 2]> =
    std::sync::LazyLock::new(|| [Profile::builtin("pt"), Profile::builtin("en")]);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for name in ["g.tsv", "g.csv", "g.toml", "g.tbx"] {
        if let Ok(g) = Glossary::parse_str(name, &text, "pt", "en") {
            // Building the matcher must not panic either.
            let _ = g.matcher(&PROFILES[0], &PROFILES[1]);
        }
    }
});
