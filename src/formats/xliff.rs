//! XLIFF 1.2 (`<trans-unit>`) and 2.x (`<unit>`/`<segment>`), read with
//! quick-xml. Inline codes stay in the text as tags the checks compare but do
//! not read as prose: `g x bx ex bpt ept ph it mrk` (1.2) and `pc sc ec ph`
//! (2.x); the native code inside `bpt ept ph it` is part of the tag. By
//! default only units in a translated, reviewed, final or signed-off state
//! (or with no state) are checked.

use super::xml_inline::{self, Inline, attr_any_prefix};
use super::{Bilingual, Format, FormatError, Piece, ReadOptions, Unit};
use crate::input::Document;
use quick_xml::events::{BytesStart, Event};

/// States whose targets are checked without `--all-states`.
const DONE: &[&str] = &["translated", "final", "signed-off", "reviewed"];

/// Inline elements whose content is native code, not text.
const CODE: &[&str] = &["bpt", "ept", "ph", "it", "sub"];

fn lang2(s: Option<String>) -> Option<String> {
    let s = s?;
    let code: String = s.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    (code.len() == 2).then(|| code.to_ascii_lowercase())
}

/// Where the reader is inside a unit.
#[derive(Default)]
struct State {
    id: String,
    state: Option<String>,
    source: Option<Piece>,
    target: Option<Piece>,
    /// Reading `source` (true) or `target` (false) text.
    reading: Option<(bool, Inline)>,
}

/// The document read so far.
#[derive(Default)]
struct Read {
    units: Vec<Unit>,
    src_lang: Option<String>,
    tgt_lang: Option<String>,
    st: State,
    skipped: usize,
    root_seen: bool,
}

/// Reads an XLIFF file into units.
pub fn read(doc: Document, opts: &ReadOptions) -> Result<Bilingual, FormatError> {
    let text = doc.text.as_str();
    let mut r = Read::default();
    xml_inline::each_event(&doc, "XLIFF", |ev, span| {
        if let Some((source, inline)) = r.st.reading.as_mut() {
            if !inline.feed(&ev, text, span, CODE) {
                let piece = std::mem::take(&mut inline.piece);
                *if *source {
                    &mut r.st.source
                } else {
                    &mut r.st.target
                } = Some(piece);
                r.st.reading = None;
            }
            return Ok(());
        }
        let raw = text.get(span.clone()).unwrap_or("");
        match ev {
            Event::Start(e) | Event::Empty(e) => r.start(&doc, &e, raw, span.start)?,
            Event::End(e) => r.end(e.local_name().as_ref(), opts),
            _ => {}
        }
        Ok(())
    })?;
    if !r.root_seen {
        return Err(FormatError::at(
            &doc,
            0,
            "no <xliff> element; give an XLIFF file",
        ));
    }
    let mut notices = Vec::new();
    if r.skipped > 0 {
        notices.push(format!(
            "{}: {} unit(s) not translated or not in a translated/final state skipped (check them with --all-states)",
            doc.display_path(),
            r.skipped
        ));
    }
    Ok(Bilingual {
        format: Format::Xliff,
        source_file: doc.clone(),
        target_file: doc,
        units: r.units,
        source_lang: r.src_lang,
        target_lang: r.tgt_lang,
        nplurals: None,
        notices,
    })
}

impl Read {
    /// The first source and target languages named win.
    fn languages(&mut self, e: &BytesStart, src: &str, tgt: &str) {
        self.src_lang = self.src_lang.take().or(lang2(attr_any_prefix(e, src)));
        self.tgt_lang = self.tgt_lang.take().or(lang2(attr_any_prefix(e, tgt)));
    }

    /// An element outside unit text: the root, languages, a unit, a
    /// segment, or the start of its source or target.
    fn start(
        &mut self,
        doc: &Document,
        e: &BytesStart,
        raw: &str,
        pos: usize,
    ) -> Result<(), FormatError> {
        let name = e.local_name();
        let name = name.as_ref();
        if !self.root_seen {
            self.root_seen = true;
            if name != "xliff" {
                return Err(FormatError::at(
                    doc,
                    pos,
                    "the root element is not <xliff>; give an XLIFF file",
                ));
            }
        }
        let st = &mut self.st;
        match name {
            // XLIFF 2 names the languages on <xliff>, 1.2 on <file>.
            "xliff" => self.languages(e, "srcLang", "trgLang"),
            "file" => self.languages(e, "source-language", "target-language"),
            "trans-unit" | "unit" => {
                *st = State {
                    id: attr_any_prefix(e, "id").unwrap_or_default(),
                    ..State::default()
                };
            }
            "segment" => {
                st.state = attr_any_prefix(e, "state");
            }
            "source" | "target" if !raw.ends_with("/>") => {
                let source = name == "source";
                if !source {
                    st.state = attr_any_prefix(e, "state").or(st.state.take());
                    st.target = Some(Piece::default());
                } else {
                    st.source = Some(Piece::default());
                }
                st.reading = Some((source, Inline::default()));
            }
            _ => {}
        }
        Ok(())
    }

    /// The end of a unit or segment: a unit when its state is checked and
    /// its target has text.
    fn end(&mut self, name: &str, opts: &ReadOptions) {
        if !matches!(name, "trans-unit" | "segment") {
            return;
        }
        let st = &mut self.st;
        let s = std::mem::take(&mut st.state);
        let checked = opts.all_states || s.as_deref().is_none_or(|s| DONE.contains(&s));
        let (source, target) = (st.source.take(), st.target.take());
        match (source, target) {
            (Some(mut source), Some(mut target)) if checked && !target.text.trim().is_empty() => {
                let syn = crate::checks::placeholder::Syntaxes::ALL;
                super::protect(&mut source, syn);
                super::protect(&mut target, syn);
                self.units.push(Unit {
                    id: st.id.clone(),
                    source: Some(source),
                    target: Some(target),
                    flags: s.into_iter().collect(),
                    one_form: false,
                });
            }
            (Some(_), _) => self.skipped += 1,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const V12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en" target-language="pt-BR" datatype="html" original="a.html">
  <body>
   <trans-unit id="1">
    <source>Click <g id="1">here</g> &amp; wait.</source>
    <target state="translated">Clique <g id="1">aqui</g> &amp; espere.</target>
   </trans-unit>
   <trans-unit id="2">
    <source>Bold <bpt id="1">&lt;b&gt;</bpt>text<ept id="1">&lt;/b&gt;</ept></source>
    <target state="needs-review-translation">Texto</target>
   </trans-unit>
   <trans-unit id="3">
    <source>Line<x id="2"/>two</source>
    <target>Linha<x id="2"/>dois</target>
   </trans-unit>
  </body>
 </file>
</xliff>
"#;

    const V20: &str = r#"<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="de">
 <file id="f1">
  <unit id="u1">
   <segment state="final">
    <source>Hello <pc id="1">world</pc><ph id="2"/></source>
    <target>Hallo <pc id="1">Welt</pc><ph id="2"/></target>
   </segment>
  </unit>
  <unit id="u2">
   <segment state="initial">
    <source>Draft</source>
    <target>Entwurf</target>
   </segment>
  </unit>
 </file>
</xliff>"#;

    /// Protected texts not inside another protected range, in order.
    fn outer(p: &Piece) -> Vec<&str> {
        let mut rs = p.protected.clone();
        rs.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        rs.dedup();
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        for r in rs {
            if !out.iter().any(|o| o.start <= r.start && r.end <= o.end) {
                out.push(r);
            }
        }
        out.into_iter().map(|r| &p.text[r]).collect()
    }

    fn read_str(s: &str, all: bool) -> Bilingual {
        read(
            Document::from_text("t.xlf", s),
            &ReadOptions {
                all_states: all,
                ..ReadOptions::default()
            },
        )
        .expect("parses")
    }

    #[test]
    fn v12_units_states_entities_and_codes() {
        let b = read_str(V12, false);
        assert_eq!(b.source_lang.as_deref(), Some("en"));
        assert_eq!(b.target_lang.as_deref(), Some("pt"));
        assert_eq!(b.units.len(), 2, "{:?}", b.units);
        let t = b.units[0].target.as_ref().unwrap();
        assert_eq!(t.text, "Clique <g id=\"1\">aqui</g> & espere.");
        // The tags are protected, the text between them is not.
        assert_eq!(outer(t), vec!["<g id=\"1\">", "</g>"]);
        // "aqui" maps back to its bytes in the file.
        let at = t.to_file(t.text.find("aqui").unwrap());
        assert_eq!(&b.target_file.text[at..at + 4], "aqui");
        assert_eq!(b.units[1].id, "3");
        let all = read_str(V12, true);
        assert_eq!(all.units.len(), 3);
        let s = all.units[1].source.as_ref().unwrap();
        assert_eq!(
            outer(s),
            vec![
                "<bpt id=\"1\">&lt;b&gt;</bpt>",
                "<ept id=\"1\">&lt;/b&gt;</ept>"
            ]
        );
    }

    #[test]
    fn v20_segments_and_states() {
        let b = read_str(V20, false);
        assert_eq!(b.target_lang.as_deref(), Some("de"));
        assert_eq!(b.units.len(), 1);
        assert_eq!(
            b.units[0].target.as_ref().unwrap().text,
            "Hallo <pc id=\"1\">Welt</pc><ph id=\"2\"/>"
        );
        assert_eq!(read_str(V20, true).units.len(), 2);
    }

    #[test]
    fn malformed_xml_is_an_error_with_a_line() {
        let e = read(
            Document::from_text("t.xlf", "<xliff>\n<file>\n<trans-unit><source>a</target>"),
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("t.xlf:"), "{e}");
        assert!(
            read(
                Document::from_text("t.xlf", "<tmx/>"),
                &ReadOptions::default()
            )
            .is_err()
        );
    }
}
