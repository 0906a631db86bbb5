//! Fuzzes the baseline reader: any text gives a baseline of the current
//! version or an error naming the file, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcheck::baseline;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match baseline::parse("b.json", &text) {
        Ok(b) => assert_eq!(b.version, baseline::VERSION),
        Err(e) => assert!(e.to_string().starts_with("b.json")),
    }
});
