//! Fuzzes the Markdown reader: any text reads into a prose view whose every
//! offset maps back into the original on a char boundary, whose verbatim
//! runs equal the original bytes, and whose segments check without panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcheck::formats::{ProseOptions, markdown};
use transcheck::input::Document;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let orig = Document::from_text("fuzz.md", &text);
    let d = markdown::read(&orig, &ProseOptions::default());
    common::check(&d);
});

#[path = "markup_common.rs"]
mod common;
