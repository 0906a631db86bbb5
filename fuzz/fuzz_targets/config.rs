//! Fuzzes the config reader: any text parsed as `transcheck.toml` gives a
//! config or an error naming a line, never a panic; a parsed config dumps
//! and parses back to the same settings.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcheck::config;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match config::parse("transcheck.toml", &text) {
        Ok(c) => {
            let _ = c.max_file_size();
            if let Ok(dumped) = toml::to_string(&c) {
                assert_eq!(config::parse("dump.toml", &dumped).ok(), Some(c));
            }
        }
        Err(e) => assert!(e.to_string().starts_with("transcheck.toml")),
    }
});
