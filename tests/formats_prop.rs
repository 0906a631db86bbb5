//! Property tests of the bilingual readers: for any input, reading never
//! panics, and every unit's text maps back to the original file — each byte
//! range of the text lands on character boundaries of the file, and text
//! read verbatim is the file's bytes there.

use proptest::prelude::*;
use transcheck::formats::{self, Format, Piece, ReadOptions};
use transcheck::input::Document;

fn po_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Olá %s".to_string()),
        Just("\\\"".to_string()),
        Just("\\n".to_string()),
        Just("\\t".to_string()),
        Just("\\\\".to_string()),
        Just("\\101".to_string()),
        Just("\\x41".to_string()),
        Just("{nome}".to_string()),
        Just("<b>é</b>".to_string()),
        Just("ção".to_string()),
        Just("🙂".to_string()),
        "[a-zA-Z ,.]{0,8}",
    ]
}

fn po_string() -> impl Strategy<Value = String> {
    prop::collection::vec(po_piece(), 0..4).prop_map(|v| v.concat())
}

/// A PO file of entries with strings split over lines at random.
fn po_file() -> impl Strategy<Value = String> {
    prop::collection::vec((po_string(), po_string(), po_string(), any::<bool>()), 1..6).prop_map(
        |entries| {
            let mut f = String::new();
            for (i, (id, a, b, split)) in entries.into_iter().enumerate() {
                f.push_str(&format!("#: x.py:{i}\nmsgid \"{i}{id}\"\n"));
                if split {
                    f.push_str(&format!("msgstr \"\"\n\"{a}\"\n\"{b}\"\n\n"));
                } else {
                    f.push_str(&format!("msgstr \"{a}{b}\"\n\n"));
                }
            }
            f
        },
    )
}

fn xml_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("&amp;".to_string()),
        Just("&lt;b&gt;".to_string()),
        Just("&#233;".to_string()),
        Just("<g id=\"1\">ção</g>".to_string()),
        Just("<x id=\"2\"/>".to_string()),
        Just("<ph id=\"3\">&lt;br/&gt;</ph>".to_string()),
        Just("%d".to_string()),
        Just("🙂 é".to_string()),
        "[a-zA-Z ,.]{0,8}",
    ]
}

fn xliff_file() -> impl Strategy<Value = String> {
    let text = || prop::collection::vec(xml_piece(), 0..4).prop_map(|v| v.concat());
    prop::collection::vec((text(), text()), 1..5).prop_map(|units| {
        let mut f = String::from(
            "<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"pt\"><body>\n",
        );
        for (i, (s, t)) in units.into_iter().enumerate() {
            f.push_str(&format!(
                "<trans-unit id=\"{i}\"><source>{s}</source>\n<target>{t}x</target></trans-unit>\n"
            ));
        }
        f.push_str("</body></file></xliff>\n");
        f
    })
}

/// Every char of the piece maps into the file on a char boundary, and the
/// whole text maps to an ordered range of the file.
fn maps_back(p: &Piece, file: &Document) -> Result<(), TestCaseError> {
    let n = file.text.len();
    for (i, _) in p
        .text
        .char_indices()
        .chain(std::iter::once((p.text.len(), ' ')))
    {
        let a = p.to_file(i);
        let b = p.to_file_end(i);
        prop_assert!(a <= n && b <= n, "offset {i} maps outside the file");
        prop_assert!(
            file.text.is_char_boundary(a),
            "offset {i} → {a} not a char boundary"
        );
        prop_assert!(
            file.text.is_char_boundary(b),
            "offset {i} → {b} not a char boundary"
        );
    }
    prop_assert!(p.to_file(0) <= p.to_file_end(p.text.len()));
    // A verbatim range holds the same text in the file.
    for (i, c) in p.text.char_indices() {
        if let Some(r) = p.verbatim_range(i..i + c.len_utf8()) {
            prop_assert_eq!(&file.text[r], &p.text[i..i + c.len_utf8()]);
        }
    }
    Ok(())
}

fn check_all(format: Format, text: &str) -> Result<(), TestCaseError> {
    let doc = Document::from_text("f", text);
    let opts = ReadOptions::default();
    let bi = formats::read(format, doc, &opts);
    let Ok(bi) = bi else {
        return Ok(());
    };
    for u in &bi.units {
        for p in [&u.source, &u.target].into_iter().flatten() {
            maps_back(p, &bi.source_file)?;
            for r in &p.protected {
                prop_assert!(p.text.is_char_boundary(r.start) && p.text.is_char_boundary(r.end));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn po_units_map_back_to_the_file(f in po_file()) {
        let doc = Document::from_text("f.po", &f);
        let bi = formats::read(Format::Po, doc, &ReadOptions::default());
        prop_assert!(bi.is_ok(), "{:?}\n{f}", bi.err());
        check_all(Format::Po, &f)?;
    }

    #[test]
    fn xliff_units_map_back_to_the_file(f in xliff_file()) {
        let doc = Document::from_text("f.xlf", &f);
        let bi = formats::read(Format::Xliff, doc, &ReadOptions::default());
        prop_assert!(bi.is_ok(), "{:?}\n{f}", bi.err());
        check_all(Format::Xliff, &f)?;
    }

    #[test]
    fn readers_never_panic_on_any_text(s in "\\PC{0,200}", which in 0usize..4) {
        let format = [Format::Po, Format::Xliff, Format::Tmx, Format::Csv][which];
        check_all(format, &s)?;
    }

    #[test]
    fn csv_cells_map_back_to_the_file(cells in prop::collection::vec(("[a-zé ,\"]{0,6}", "[a-zé ,\"]{1,6}"), 1..5)) {
        let quote = |c: &str| format!("\"{}\"", c.replace('"', "\"\""));
        let mut f = String::from("en,pt\n");
        for (a, b) in &cells {
            f.push_str(&format!("{},{}\n", quote(a), quote(b)));
        }
        check_all(Format::Csv, &f)?;
    }

    #[test]
    fn json_catalogue_strings_map_back_to_the_file(vals in prop::collection::vec("[a-zé \"\\\\\n🙂]{0,6}", 1..5)) {
        let body: Vec<String> = vals
            .iter()
            .enumerate()
            .map(|(i, v)| format!("\"k{i}\": {}", serde_json::to_string(v).unwrap()))
            .collect();
        let f = format!("{{\n{}\n}}", body.join(",\n"));
        let doc = Document::from_text("en.json", &f);
        let bi = formats::read_pair(Format::Json, doc.clone(), doc, &ReadOptions::default());
        prop_assert!(bi.is_ok(), "{:?}", bi.err());
        let bi = bi.unwrap();
        for (u, v) in bi.units.iter().zip(&vals) {
            let p = u.source.as_ref().unwrap();
            prop_assert_eq!(&p.text, &v.replace('\r', "\n"));
            maps_back(p, &bi.source_file)?;
        }
    }
}
