//! `.tbx` glossaries: TBX-Basic, TBX v2 (`martif`/`termEntry`/`langSet`/`tig`)
//! and TBX v3 core (`tbx`/`conceptEntry`/`langSec`/`termSec`).
//!
//! Only the requested language pair is imported (`pt-BR` counts as `pt`).
//! Target terms whose `administrativeStatus` is deprecated or superseded
//! become forbidden spellings, corrected to the preferred target term.

use super::{Glossary, GlossaryError, Term};
use quick_xml::Reader;
use quick_xml::events::{BytesEnd, BytesRef, BytesStart, Event};

#[derive(Default)]
struct Entry {
    line: usize,
    /// (language, term, status) of every term of the entry.
    terms: Vec<(String, String, Status)>,
    note: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
enum Status {
    Preferred,
    #[default]
    Admitted,
    Deprecated,
}

fn status_of(value: &str) -> Status {
    let v = value.trim().to_ascii_lowercase();
    if v.starts_with("deprecated") || v.starts_with("superseded") || v.starts_with("forbidden") {
        Status::Deprecated
    } else if v.starts_with("preferred") {
        Status::Preferred
    } else {
        Status::Admitted
    }
}

/// The deepest element nesting read: TBX needs about eight levels, and a
/// hostile file nested a million deep must fail fast, not hang.
const MAX_DEPTH: usize = 64;

pub(super) fn parse(
    path: &str,
    text: &str,
    source_lang: &str,
    target_lang: &str,
) -> Result<Glossary, GlossaryError> {
    let mut reader = Reader::from_str(text);
    let file = File {
        path,
        text,
        lines: crate::text::LineIndex::new(text),
    };
    let mut g = Glossary::default();
    let mut walk = Walk::default();
    loop {
        let pos = reader.buffer_position();
        let ev = reader.read_event().map_err(|e| {
            file.error(
                reader.error_position(),
                format!("malformed TBX (XML): {e}; fix the XML"),
            )
        })?;
        match ev {
            Event::Start(e) => walk.start(&e, pos, &file)?,
            Event::Text(t) => {
                let s = t.xml10_content();
                walk.push_text(&s);
            }
            Event::CData(t) => {
                let s = t.to_string();
                walk.push_text(&s);
            }
            Event::GeneralRef(r) => walk.push_text(&entity(&r, pos, &file)?),
            Event::End(e) => {
                if let Some(en) = walk.end(&e)
                    && let Some(t) = build_term(path, en, source_lang, target_lang)
                {
                    g.terms.push(t);
                }
            }
            Event::Eof => {
                walk.finish(&file)?;
                break;
            }
            _ => {}
        }
    }
    Ok(g)
}

/// The file being read, so that every error names its line and column.
struct File<'a> {
    path: &'a str,
    text: &'a str,
    lines: crate::text::LineIndex,
}

impl File<'_> {
    /// A syntax error at byte `pos`.
    fn error(&self, pos: u64, message: String) -> GlossaryError {
        let (line, column) = crate::text::line_col_of(self.text, pos as usize);
        GlossaryError::Syntax {
            path: self.path.to_string(),
            line,
            column,
            message,
        }
    }
}

/// Where the reader is in the element tree: the open elements and the
/// entry, language, term and note being read.
#[derive(Default)]
struct Walk {
    stack: Vec<String>,
    entry: Option<Entry>,
    lang: Option<String>,
    /// The term being read: its text and status.
    term: Option<(String, Status)>,
    in_term_text: bool,
    note_type: Option<String>,
    note_text: String,
    root_seen: bool,
}

impl Walk {
    /// An opening element: refused when too deep or a wrong root, else
    /// it may open an entry, a language, a term or a note.
    fn start(&mut self, e: &BytesStart, pos: u64, file: &File) -> Result<(), GlossaryError> {
        let name = e.local_name().as_ref().to_string();
        self.check_open(&name, pos, file)?;
        let xml_lang = attr(e, &["xml:lang", "lang"]);
        let type_attr = attr(e, &["type"]);
        match name.as_str() {
            "termEntry" | "conceptEntry" => {
                let (line, _) = file.lines.line_col(file.text, pos as usize);
                self.entry = Some(Entry {
                    line,
                    ..Default::default()
                });
            }
            "langSet" | "langSec" => self.lang = xml_lang,
            "tig" | "ntig" | "termSec" => self.term = Some((String::new(), Status::default())),
            "term" => {
                if self.term.is_none() {
                    // TBX-Basic without tig: the term sits in the langSet.
                    self.term = Some((String::new(), Status::default()));
                }
                self.in_term_text = true;
            }
            "termNote" | "descrip" | "note" => {
                self.note_type = Some(type_attr.unwrap_or_else(|| name.clone()));
                self.note_text.clear();
            }
            _ => {}
        }
        self.stack.push(name);
        Ok(())
    }

    /// A hostile file nested a million deep fails fast; a file that is not
    /// TBX is named as such at its first element.
    fn check_open(&mut self, name: &str, pos: u64, file: &File) -> Result<(), GlossaryError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(file.error(
                pos,
                format!(
                    "elements nested more than {MAX_DEPTH} levels deep; a TBX entry needs fewer than ten, so fix the nesting"
                ),
            ));
        }
        if !self.root_seen {
            self.root_seen = true;
            if name != "martif" && name != "tbx" {
                return Err(file.error(
                    pos,
                    format!("root element is <{name}>, not <martif> or <tbx>; give a TBX file"),
                ));
            }
        }
        Ok(())
    }

    /// Text goes to the term being read, or else to the open note.
    fn push_text(&mut self, s: &str) {
        if self.in_term_text {
            if let Some(t) = self.term.as_mut() {
                t.0.push_str(s);
            }
        } else if self.note_type.is_some() {
            self.note_text.push_str(s);
        }
    }

    /// A closing element; returns the entry it completes, if any.
    fn end(&mut self, e: &BytesEnd) -> Option<Entry> {
        let name = e.local_name().as_ref().to_string();
        self.stack.pop();
        match name.as_str() {
            "term" => self.in_term_text = false,
            "termNote" | "descrip" | "note" => self.close_note(),
            "tig" | "ntig" | "termSec" => self.flush_term(),
            "langSet" | "langSec" => {
                self.flush_term();
                self.lang = None;
            }
            "termEntry" | "conceptEntry" => return self.entry.take(),
            _ => {}
        }
        None
    }

    /// A closed note sets the term's status or, the first time, the
    /// entry's note; other note types are ignored.
    fn close_note(&mut self) {
        let Some(kind) = self.note_type.take() else {
            return;
        };
        if kind == "administrativeStatus" || kind == "normativeAuthorization" {
            if let Some(t) = self.term.as_mut() {
                t.1 = status_of(&self.note_text);
            }
        } else if (kind == "definition" || kind == "note" || kind == "context")
            && let Some(en) = self.entry.as_mut()
            && en.note.is_none()
            && !self.note_text.trim().is_empty()
        {
            en.note = Some(self.note_text.trim().to_string());
        }
    }

    /// The term read so far joins the entry under the current language.
    fn flush_term(&mut self) {
        if let (Some((text, status)), Some(l), Some(en)) =
            (self.term.take(), &self.lang, self.entry.as_mut())
        {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                en.terms.push((l.clone(), text, status));
            }
        }
    }

    /// The end of the file: every element closed and a root seen.
    fn finish(&self, file: &File) -> Result<(), GlossaryError> {
        if let Some(open) = self.stack.last() {
            return Err(file.error(
                file.text.len() as u64,
                format!("unexpected end of file inside <{open}>; close the element"),
            ));
        }
        if !self.root_seen {
            return Err(file.error(
                0,
                "no <martif> or <tbx> root element; give a TBX file".into(),
            ));
        }
        Ok(())
    }
}

/// The value of the first attribute named one of `keys`.
fn attr(e: &BytesStart, keys: &[&str]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| keys.iter().any(|k| a.key.as_ref() == *k))
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// A character or predefined entity reference; any other entity is refused.
fn entity(r: &BytesRef, pos: u64, file: &File) -> Result<String, GlossaryError> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Ok(c.to_string());
    }
    Ok(match &**r {
        "lt" => "<".into(),
        "gt" => ">".into(),
        "amp" => "&".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        other => {
            return Err(file.error(
                pos,
                format!("unknown entity '&{other};'; write the character itself"),
            ));
        }
    })
}

fn build_term(path: &str, en: Entry, source_lang: &str, target_lang: &str) -> Option<Term> {
    let mut source = Vec::new();
    let mut targets: Vec<(Status, String)> = Vec::new();
    let mut deprecated = Vec::new();
    for (l, text, status) in en.terms {
        if super::lang_matches(&l, source_lang) {
            if !source.contains(&text) {
                source.push(text);
            }
        } else if super::lang_matches(&l, target_lang) {
            if status == Status::Deprecated {
                deprecated.push(text);
            } else if !targets.iter().any(|t| t.1 == text) {
                targets.push((status, text));
            }
        }
    }
    targets.sort_by_key(|t| t.0);
    let targets: Vec<String> = targets.into_iter().map(|t| t.1).collect();
    let preferred = targets.first()?.clone();
    if source.is_empty() {
        return None;
    }
    Some(Term {
        source: source.into(),
        targets: targets.into(),
        forbidden: deprecated
            .into_iter()
            .map(|d| (d, preferred.clone()))
            .collect(),
        note: en.note,
        origin: (path.into(), en.line),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const V2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <text><body>
    <termEntry id="1">
      <descrip type="definition">Capital of Iran</descrip>
      <langSet xml:lang="pt-BR"><tig><term>Teerã</term></tig></langSet>
      <langSet xml:lang="pt-PT"><tig><term>Teerão</term></tig></langSet>
      <langSet xml:lang="en">
        <tig><term>Tehran</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>Teheran</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="de"><tig><term>Teheran</term></tig></langSet>
    </termEntry>
    <termEntry id="2">
      <langSet xml:lang="de"><tig><term>Maskat</term></tig></langSet>
      <langSet xml:lang="en"><tig><term>Muscat</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>"#;

    const V3: &str = r#"<?xml version="1.0"?>
<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="en">
        <termSec><term>Strait of Hormuz</term></termSec>
        <termSec><term>Strait of Ormuz</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      </langSec>
      <langSec xml:lang="pt"><termSec><term>Estreito de Ormuz</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>"#;

    #[test]
    fn reads_tbx_v2_pair_with_regional_variants() {
        let g = parse("g.tbx", V2, "pt", "en").unwrap();
        assert_eq!(g.terms.len(), 1, "entry without pt is skipped");
        let t = &g.terms[0];
        assert_eq!(t.source[..], ["Teerã", "Teerão"]);
        assert_eq!(t.targets[..], ["Tehran"]);
        assert_eq!(t.forbidden, [("Teheran".to_string(), "Tehran".to_string())]);
        assert_eq!(t.note.as_deref(), Some("Capital of Iran"));
        assert_eq!(t.origin.1, 4);
    }

    #[test]
    fn reads_tbx_v3_core() {
        let g = parse("g.tbx", V3, "pt", "en").unwrap();
        assert_eq!(g.terms[0].source[..], ["Estreito de Ormuz"]);
        assert_eq!(g.terms[0].targets[..], ["Strait of Hormuz"]);
        assert_eq!(g.terms[0].forbidden[0].0, "Strait of Ormuz");
    }

    #[test]
    fn other_pair_is_imported_on_request() {
        let g = parse("g.tbx", V2, "de", "en").unwrap();
        assert_eq!(g.terms.len(), 2);
        assert_eq!(g.terms[1].source[..], ["Maskat"]);
    }

    #[test]
    fn tbx_basic_ntig_term_groups_are_read() {
        let x = r#"<martif type="TBX-Basic"><text><body><termEntry>
<langSet xml:lang="pt"><ntig><termGrp><term>Mascate</term></termGrp></ntig></langSet>
<langSet xml:lang="en-GB"><ntig><termGrp><term>Muscat</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig>
<ntig><termGrp><term>Maskat</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termGrp></ntig></langSet>
</termEntry></body></text></martif>"#;
        let g = parse("g.tbx", x, "pt", "en").unwrap();
        assert_eq!(g.terms[0].source[..], ["Mascate"]);
        assert_eq!(g.terms[0].targets[..], ["Muscat"]);
        assert_eq!(g.terms[0].forbidden[0].0, "Maskat");
    }

    #[test]
    fn entry_with_only_deprecated_targets_is_skipped() {
        let x = r#"<martif><text><body><termEntry>
<langSet xml:lang="pt"><tig><term>A</term></tig></langSet>
<langSet xml:lang="en"><tig><term>B</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
</termEntry></body></text></martif>"#;
        assert!(parse("g.tbx", x, "pt", "en").unwrap().terms.is_empty());
    }

    #[test]
    fn entities_are_resolved() {
        let x = r#"<martif><text><body><termEntry><langSet xml:lang="pt"><tig><term>P&amp;D</term></tig></langSet><langSet xml:lang="en"><tig><term>R&amp;D</term></tig></langSet></termEntry></body></text></martif>"#;
        let g = parse("g.tbx", x, "pt", "en").unwrap();
        assert_eq!(g.terms[0].source[..], ["P&D"]);
        assert_eq!(g.terms[0].targets[..], ["R&D"]);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_hang() {
        let n = 1_000_000;
        let text = format!(
            "<martif><text><body>{}{}</body></text></martif>",
            "<termEntry>".repeat(n),
            "</termEntry>".repeat(n)
        );
        let start = std::time::Instant::now();
        let e = parse("deep.tbx", &text, "pt", "en")
            .unwrap_err()
            .to_string();
        assert!(e.contains("nested more than 64 levels"), "{e}");
        assert!(e.starts_with("deep.tbx:1:"), "{e}");
        // A generous cap that only catches the old quadratic behaviour.
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn malformed_xml_names_line_and_column() {
        let x = "<martif>\n<text><body>\n<termEntry></langSet>\n</body></text></martif>";
        let e = parse("g.tbx", x, "pt", "en").unwrap_err().to_string();
        assert!(e.starts_with("g.tbx:3:"), "{e}");
    }

    #[test]
    fn truncated_file_is_an_error() {
        let e = parse("g.tbx", "<martif><text>", "pt", "en")
            .unwrap_err()
            .to_string();
        assert!(e.contains("end of file"), "{e}");
    }

    #[test]
    fn non_tbx_root_is_an_error() {
        let e = parse("g.tbx", "<html></html>", "pt", "en")
            .unwrap_err()
            .to_string();
        assert!(e.contains("<html>"), "{e}");
    }
}
