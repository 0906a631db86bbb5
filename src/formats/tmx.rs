//! TMX 1.4b translation memories, read with quick-xml: each `<tu>` with a
//! `<tuv>` in the source and in the target language is a unit. Languages come
//! from `--source-lang`/`--target-lang` (the primary subtag of `xml:lang`), or
//! the header's `srclang` and the one other language. Inline `bpt ept it ph
//! hi ut sub` stay in the text as protected tags.

use super::xml_inline::{self, Inline, attr};
use super::{Bilingual, Format, FormatError, Piece, ReadOptions, Unit};
use crate::input::Document;
use quick_xml::events::{BytesStart, Event};

/// Inline elements whose content is native code, not text.
const CODE: &[&str] = &["bpt", "ept", "ph", "it", "ut"];

fn primary(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// One `<tu>` as read: (language, text) per `<tuv>`.
#[derive(Default)]
struct Tu {
    id: String,
    variants: Vec<(String, Piece)>,
}

/// The memory read so far.
#[derive(Default)]
struct Read {
    tus: Vec<Tu>,
    header_src: Option<String>,
    tu: Option<Tu>,
    lang: Option<String>,
    /// Reading a `<seg>`.
    seg: Option<Inline>,
    root_seen: bool,
}

/// Reads a TMX file into units.
pub fn read(doc: Document, opts: &ReadOptions) -> Result<Bilingual, FormatError> {
    let text = doc.text.as_str();
    let mut r = Read::default();
    xml_inline::each_event(&doc, "TMX", |ev, span| {
        if let Some(seg) = r.seg.as_mut() {
            if !seg.feed(&ev, text, span, CODE)
                && let (Some(seg), Some(t), Some(l)) = (r.seg.take(), r.tu.as_mut(), r.lang.clone())
            {
                t.variants.push((l, seg.piece));
            }
            return Ok(());
        }
        let raw = text.get(span.clone()).unwrap_or("");
        match ev {
            Event::Start(e) | Event::Empty(e) => r.start(&doc, &e, raw, span.start)?,
            Event::End(e) => {
                if e.local_name().as_ref() == "tu"
                    && let Some(t) = r.tu.take()
                {
                    r.tus.push(t);
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    if !r.root_seen {
        return Err(FormatError::at(
            &doc,
            0,
            "no <tmx> element; give a TMX file",
        ));
    }
    let (sl, tl) =
        languages(&r.tus, r.header_src, opts).map_err(|m| FormatError::at(&doc, 0, m))?;
    let (units, missing) = units(r.tus, &sl, &tl);
    let mut notices = Vec::new();
    if missing > 0 {
        notices.push(format!(
            "{}: {missing} translation unit(s) without both '{sl}' and '{tl}' skipped",
            doc.display_path()
        ));
    }
    Ok(Bilingual {
        format: Format::Tmx,
        source_file: doc.clone(),
        target_file: doc,
        units,
        source_lang: Some(sl),
        target_lang: Some(tl),
        nplurals: None,
        notices,
    })
}

impl Read {
    /// An element outside segment text: the root, the header, a unit, a
    /// variant, or the start of a segment.
    fn start(
        &mut self,
        doc: &Document,
        e: &BytesStart,
        raw: &str,
        pos: usize,
    ) -> Result<(), FormatError> {
        let name = e.local_name().as_ref().to_string();
        if !self.root_seen {
            self.root_seen = true;
            if name != "tmx" {
                return Err(FormatError::at(
                    doc,
                    pos,
                    "the root element is not <tmx>; give a TMX file",
                ));
            }
        }
        match name.as_str() {
            "header" => self.header_src = attr(e, "srclang").map(|l| primary(&l)),
            "tu" => {
                self.tu = Some(Tu {
                    id: attr(e, "tuid").unwrap_or_default(),
                    ..Tu::default()
                })
            }
            "tuv" => {
                self.lang = attr(e, "xml:lang")
                    .or_else(|| attr(e, "lang"))
                    .map(|l| primary(&l))
            }
            "seg" if !raw.ends_with("/>") => self.seg = Some(Inline::default()),
            _ => {}
        }
        Ok(())
    }
}

/// The units with a variant in both languages, and how many lack one.
fn units(tus: Vec<Tu>, sl: &str, tl: &str) -> (Vec<Unit>, usize) {
    let syn = crate::checks::placeholder::Syntaxes::ALL;
    let mut units = Vec::new();
    let mut missing = 0;
    for t in tus {
        let pick = |l: &str| t.variants.iter().find(|v| v.0 == l).map(|v| v.1.clone());
        match (pick(sl), pick(tl)) {
            (Some(mut s), Some(mut g)) => {
                super::protect(&mut s, syn);
                super::protect(&mut g, syn);
                units.push(Unit {
                    id: t.id,
                    source: Some(s),
                    target: Some(g),
                    flags: Vec::new(),
                    one_form: false,
                });
            }
            _ => missing += 1,
        }
    }
    (units, missing)
}

/// The source and target languages: as asked, else the header's source and
/// the one other language of the memory.
fn languages(
    tus: &[Tu],
    header_src: Option<String>,
    opts: &ReadOptions,
) -> Result<(String, String), String> {
    let mut all: Vec<&str> = tus
        .iter()
        .flat_map(|t| t.variants.iter().map(|v| v.0.as_str()))
        .collect();
    all.sort_unstable();
    all.dedup();
    let sl = opts
        .source_lang
        .clone()
        .or(header_src.filter(|h| h != "*all*" && !h.is_empty()))
        .or_else(|| all.first().map(|s| s.to_string()))
        .ok_or("no <tuv> with an xml:lang; give --source-lang and --target-lang")?;
    let tl = match &opts.target_lang {
        Some(t) => t.clone(),
        None => {
            let others: Vec<&&str> = all.iter().filter(|l| **l != sl).collect();
            match others.as_slice() {
                [one] => one.to_string(),
                [] => return Err(format!("the memory has no language besides '{sl}'")),
                many => {
                    return Err(format!(
                        "the memory holds {}; choose one with --target-lang",
                        many.iter()
                            .map(|s| s.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
        }
    };
    Ok((sl, tl))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
 <header srclang="en-US" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="x"/>
 <body>
  <tu tuid="1">
   <tuv xml:lang="en-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept> &amp; go.</seg></tuv>
   <tuv xml:lang="pt-BR"><seg>Pressione <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept> e siga.</seg></tuv>
   <tuv xml:lang="es"><seg>Pulse OK.</seg></tuv>
  </tu>
  <tu tuid="2">
   <tuv xml:lang="en-US"><seg>Only English.</seg></tuv>
  </tu>
 </body>
</tmx>"#;

    fn opts(s: Option<&str>, t: Option<&str>) -> ReadOptions {
        ReadOptions {
            source_lang: s.map(String::from),
            target_lang: t.map(String::from),
            ..ReadOptions::default()
        }
    }

    #[test]
    fn languages_pick_the_variants() {
        let b = read(Document::from_text("m.tmx", TMX), &opts(None, Some("pt"))).unwrap();
        assert_eq!(b.units.len(), 1);
        let t = b.units[0].target.as_ref().unwrap();
        assert!(
            t.text
                .starts_with("Pressione <bpt i=\"1\">&lt;b&gt;</bpt>OK"),
            "{}",
            t.text
        );
        assert!(t.text.ends_with(" e siga."));
        assert_eq!(b.notices.len(), 1);
        let es = read(
            Document::from_text("m.tmx", TMX),
            &opts(Some("en"), Some("es")),
        )
        .unwrap();
        assert_eq!(es.units[0].target.as_ref().unwrap().text, "Pulse OK.");
    }

    #[test]
    fn several_target_languages_need_a_choice() {
        let e = read(Document::from_text("m.tmx", TMX), &opts(None, None)).unwrap_err();
        assert!(e.message.contains("--target-lang"), "{e}");
    }

    #[test]
    fn entities_map_to_their_bytes() {
        let b = read(Document::from_text("m.tmx", TMX), &opts(None, Some("pt"))).unwrap();
        let s = b.units[0].source.as_ref().unwrap();
        let amp = s.text.rfind('&').unwrap();
        let at = s.to_file(amp);
        assert_eq!(&b.source_file.text[at..at + 5], "&amp;");
    }
}
