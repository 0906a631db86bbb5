//! What the XLIFF and TMX readers share: the quick-xml event loop with each
//! event's byte span, and the inline content of a text element (`<source>`,
//! `<target>`, `<seg>`) read into a [`Piece`]. Inline elements stay in the
//! text as protected tags; the native code inside a code element (`<bpt>`,
//! `<ph>`, ...) is part of its tag, not text.

use super::{FormatError, Piece};
use crate::input::Document;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;
use std::ops::Range;

/// Calls `on_event` with each event of `doc` and its byte span, up to the
/// end of the document. `format` names the format in the error for
/// malformed XML.
pub(super) fn each_event(
    doc: &Document,
    format: &str,
    mut on_event: impl FnMut(Event<'_>, Range<usize>) -> Result<(), FormatError>,
) -> Result<(), FormatError> {
    let text = doc.text.as_str();
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    loop {
        let pos = reader.buffer_position() as usize;
        let ev = reader.read_event().map_err(|e| {
            FormatError::at(
                doc,
                reader.error_position() as usize,
                format!("malformed {format} (XML): {e}; fix the XML"),
            )
        })?;
        let end = reader.buffer_position() as usize;
        if matches!(ev, Event::Eof) {
            return Ok(());
        }
        on_event(ev, pos..end)?;
    }
}

/// The value of the attribute `name` of `e`, entities and whitespace
/// normalised as XML 1.0 says.
pub(super) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    attr_where(e, |key| key.as_ref() == name)
}

/// [`attr`], the attribute also found under a namespace prefix
/// (`xlf:state`).
pub(super) fn attr_any_prefix(e: &BytesStart, name: &str) -> Option<String> {
    attr_where(e, |key| {
        key.as_ref() == name || key.local_name().as_ref() == name
    })
}

fn attr_where(e: &BytesStart, is: impl Fn(QName) -> bool) -> Option<String> {
    e.attributes().flatten().find(|a| is(a.key)).and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

/// The content of one text element being read.
#[derive(Default)]
pub(super) struct Inline {
    pub piece: Piece,
    /// How deep in inline elements.
    depth: usize,
    /// Inside a code element: its start offset and depth.
    code: Option<(usize, usize)>,
}

impl Inline {
    /// Reads one event inside the element (`span` in `text`); `codes` are
    /// the inline elements whose content is native code. False when the
    /// event is the element's own end tag.
    pub(super) fn feed(
        &mut self,
        ev: &Event,
        text: &str,
        span: Range<usize>,
        codes: &[&str],
    ) -> bool {
        let (pos, end) = (span.start, span.end);
        let raw = text.get(span).unwrap_or("");
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = raw.ends_with("/>");
                let name = e.local_name().as_ref().to_string();
                if self.code.is_none() {
                    if codes.contains(&name.as_str()) && !empty {
                        self.code = Some((pos, self.depth));
                    } else {
                        self.push_tag(raw, pos);
                    }
                }
                if !empty {
                    self.depth += 1;
                }
            }
            Event::End(_) if self.depth == 0 => return false,
            Event::End(_) => {
                self.depth -= 1;
                match self.code {
                    Some((start, d)) if d == self.depth => {
                        self.code = None;
                        self.push_tag(&text[start..end], start);
                    }
                    Some(_) => {}
                    None => self.push_tag(raw, pos),
                }
            }
            Event::Text(_) | Event::CData(_) if self.code.is_none() => {
                if raw.starts_with("<![CDATA[") {
                    let inner = &raw[9..raw.len().saturating_sub(3).max(9)];
                    self.piece.push_verbatim(inner, pos + 9);
                } else {
                    self.piece.push_verbatim(raw, pos);
                }
            }
            Event::GeneralRef(r) if self.code.is_none() => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match &**r {
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "amp" => "&".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        _ => raw.to_string(),
                    },
                };
                self.piece.push_decoded(&c, pos, raw.len());
            }
            _ => {}
        }
        true
    }

    /// A tag kept as written and protected from the checks.
    fn push_tag(&mut self, raw: &str, pos: usize) {
        let at = self.piece.text.len();
        self.piece.push_verbatim(raw, pos);
        self.piece.protect(at..self.piece.text.len());
    }
}
