//! Bilingual CSV/TSV: a header row names the languages (`en,pt-BR`, or with
//! a key column `key,en,pt-BR`); each later row is a unit. Columns are
//! picked by `--source-lang`/`--target-lang`, else the first two language
//! columns. The csv crate parses; each field is then found in the row's
//! bytes so its text maps back to the file (`""` in a quoted field is one `"`).

use super::{Bilingual, Format, FormatError, Piece, ReadOptions, Unit};
use crate::input::Document;

fn primary(h: &str) -> Option<String> {
    let code: String = h
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let code = code.to_ascii_lowercase();
    let rest = &h.trim()[code.len()..];
    let ok = code.len() == 2
        && crate::lang::is_iso639_1(&code)
        && (rest.is_empty() || rest.starts_with(['-', '_']));
    ok.then_some(code)
}

/// The pieces of one row's fields, found in `raw` (the row's text at byte
/// `base` of the file).
fn fields(raw: &str, base: usize, values: &csv::StringRecord, delim: u8) -> Vec<Piece> {
    let b = raw.as_bytes();
    let mut at = 0;
    let mut out = Vec::new();
    for v in values {
        let mut p = Piece::default();
        if b.get(at) == Some(&b'"') {
            at += 1;
            let mut run = at;
            while at < b.len() {
                if b[at] == b'"' {
                    p.push_verbatim(&raw[run..at], base + run);
                    if b.get(at + 1) == Some(&b'"') {
                        p.push_decoded("\"", base + at, 2);
                        at += 2;
                        run = at;
                        continue;
                    }
                    at += 1;
                    break;
                }
                at += 1;
            }
        } else if raw.get(at..at + v.len()) == Some(v) {
            p.push_verbatim(v, base + at);
            at += v.len();
        } else {
            // Not where expected: keep the text, mapped to the field start.
            p.push_decoded(v, base + at, 0);
        }
        if b.get(at) == Some(&delim) {
            at += 1;
        }
        out.push(p);
    }
    out
}

/// Reads a bilingual CSV or TSV file into units.
pub fn read(doc: Document, opts: &ReadOptions) -> Result<Bilingual, FormatError> {
    let text = doc.text.as_str();
    let first = text.lines().next().unwrap_or("");
    let delim = if first.contains('\t') { b'\t' } else { b',' };
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = r.records();
    let header = match rows.next() {
        Some(Ok(h)) => h,
        _ => {
            return Err(FormatError::at(
                &doc,
                0,
                "no header row; start with one naming the languages, such as en,pt-BR",
            ));
        }
    };
    let Some(((sc, sl), (tc, tl))) = language_columns(&header, opts) else {
        return Err(FormatError::at(
            &doc,
            0,
            "the header names no two language columns (such as en,pt-BR); name them, or give --source-lang/--target-lang",
        ));
    };
    let key_col = (0..header.len()).find(|i| *i != sc && *i != tc);
    let mut units = Vec::new();
    for row in rows {
        let row = row.map_err(|e| {
            let at = e.position().map_or(0, |p| p.byte() as usize);
            FormatError::at(&doc, at, format!("malformed CSV: {e}; fix the row"))
        })?;
        units.extend(row_unit(text, &row, delim, (sc, tc), key_col));
    }
    Ok(Bilingual {
        format: Format::Csv,
        source_file: doc.clone(),
        target_file: doc,
        units,
        source_lang: Some(sl),
        target_lang: Some(tl),
        nplurals: None,
        notices: Vec::new(),
    })
}

/// (column, language) of the source and the target: the columns of the
/// languages asked for, else the first two columns the header names by a
/// language.
fn language_columns(
    header: &csv::StringRecord,
    opts: &ReadOptions,
) -> Option<((usize, String), (usize, String))> {
    let langs: Vec<(usize, String)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, h)| primary(h).map(|l| (i, l)))
        .collect();
    let pick = |want: &Option<String>, skip: Option<usize>| -> Option<(usize, String)> {
        match want {
            Some(w) => langs.iter().find(|(_, l)| l == w).cloned(),
            None => langs.iter().find(|(i, _)| Some(*i) != skip).cloned(),
        }
    };
    let src = pick(&opts.source_lang, None)?;
    let tgt = pick(&opts.target_lang, Some(src.0))?;
    Some((src, tgt))
}

/// The unit of one row, keyed by its key column or its line; `None` when
/// the source or the target cell is empty.
fn row_unit(
    text: &str,
    row: &csv::StringRecord,
    delim: u8,
    (sc, tc): (usize, usize),
    key_col: Option<usize>,
) -> Option<Unit> {
    let pos = row.position()?;
    let start = pos.byte() as usize;
    let raw = text.get(start..).unwrap_or("");
    let ps = fields(raw, start, row, delim);
    let get = |i: usize| ps.get(i).cloned().filter(|p| !p.text.trim().is_empty());
    let syn = crate::checks::placeholder::Syntaxes::ALL;
    let (Some(mut s), Some(mut t)) = (get(sc), get(tc)) else {
        return None;
    };
    super::protect(&mut s, syn);
    super::protect(&mut t, syn);
    Some(Unit {
        id: key_col
            .and_then(|k| row.get(k))
            .map_or_else(|| format!("line {}", pos.line()), str::to_string),
        source: Some(s),
        target: Some(t),
        flags: Vec::new(),
        one_form: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_the_languages_and_fields_map_back() {
        let f =
            "key,en,pt-BR\nsave,Save,Salvar\nq,\"Say \"\"hi\"\", ok\",\"Diga \"\"oi\"\", ok\"\n";
        let b = read(Document::from_text("t.csv", f), &ReadOptions::default()).unwrap();
        assert_eq!(b.source_lang.as_deref(), Some("en"));
        assert_eq!(b.target_lang.as_deref(), Some("pt"));
        assert_eq!(b.units.len(), 2);
        assert_eq!(b.units[0].id, "save");
        let t = b.units[1].target.as_ref().unwrap();
        assert_eq!(t.text, "Diga \"oi\", ok");
        let at = t.to_file(t.text.find("ok").unwrap());
        assert_eq!(&f[at..at + 2], "ok");
        let at = t.to_file(0);
        assert_eq!(&f[at..at + 4], "Diga");
    }

    #[test]
    fn tsv_and_chosen_languages() {
        let f = "en\tes\tpt\nOne\tUno\tUm\n";
        let b = read(
            Document::from_text("t.tsv", f),
            &ReadOptions {
                target_lang: Some("pt".into()),
                ..ReadOptions::default()
            },
        )
        .unwrap();
        assert_eq!(b.units[0].target.as_ref().unwrap().text, "Um");
    }

    #[test]
    fn a_header_without_languages_is_an_error() {
        let e = read(
            Document::from_text("t.csv", "a,b\nx,y\n"),
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert!(e.message.contains("language columns"), "{e}");
    }
}
