//! Fuzzes the HTML reader: any text reads into a prose view whose every
//! offset maps back into the original on a char boundary and whose verbatim
//! runs equal the original bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcheck::formats::html;
use transcheck::input::Document;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let orig = Document::from_text("fuzz.html", &text);
    let d = html::read(&orig, &Default::default());
    common::check(&d);
});

#[path = "markup_common.rs"]
mod common;
