//! Bilingual readers (PO, XLIFF) and the bilingual pipeline on arbitrary
//! bytes: no panic, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcheck::formats::{self, Format, ReadOptions};
use transcheck::input::Document;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let format = if which % 2 == 0 { Format::Po } else { Format::Xliff };
    let doc = Document::from_text("fuzz", text);
    let opts = ReadOptions {
        include_fuzzy: which & 2 != 0,
        all_states: which & 4 != 0,
        ..ReadOptions::default()
    };
    if let Ok(bi) = formats::read(format, doc, &opts) {
        let options = transcheck::pipeline::PairOptions::default();
        let r = transcheck::pipeline::check_bilingual(bi, &Default::default(), &options);
        let _ = transcheck::report::patch::file_edits(&r);
    }
});
