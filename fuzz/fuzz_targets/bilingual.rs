//! Bilingual readers (PO, XLIFF, TMX, CSV, JSON catalogue pairs) and the
//! bilingual pipeline on arbitrary bytes: no panic, whatever the input.
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
    let doc = Document::from_text("fuzz", text);
    let opts = ReadOptions {
        include_fuzzy: which & 8 != 0,
        all_states: which & 8 != 0,
        ..ReadOptions::default()
    };
    let read = match which % 5 {
        0 => formats::read(Format::Po, doc, &opts),
        1 => formats::read(Format::Xliff, doc, &opts),
        2 => formats::read(Format::Tmx, doc, &opts),
        3 => formats::read(Format::Csv, doc, &opts),
        _ => {
            // Two catalogues: the text split in half.
            let mid = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let (a, b) = text.split_at(mid);
            formats::read_pair(
                Format::Json,
                Document::from_text("en.json", a),
                Document::from_text("pt.json", b),
                &opts,
            )
        }
    };
    if let Ok(bi) = read {
        let options = transcheck::pipeline::PairOptions::default();
        let r = transcheck::pipeline::check_bilingual(bi, &Default::default(), &options);
        let _ = transcheck::report::patch::file_edits(&r);
    }
});
