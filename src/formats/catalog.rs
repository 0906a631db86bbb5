//! i18n JSON and YAML catalogue pairs (`en.json` ↔ `pt-BR.json`): one language per
//! file, nested keys flattened to `a.b.c`, string leaves as units. A key
//! missing in the target is a unit without translation (an `omission`), a
//! key only in the target one without source (an `addition`), except the
//! extra plural forms a target language has (`key_few`, `key_many`).
//! JSON is parsed with jsonc-parser, which keeps byte ranges; YAML is read
//! by [`super::yaml`].

use super::{Bilingual, Format, FormatError, Piece, ReadOptions, Unit};
use crate::input::Document;
use jsonc_parser::ast::Value;
use std::collections::{HashMap, HashSet};

/// Plural-form key suffixes (i18next and CLDR categories).
const PLURAL_SUFFIXES: &[&str] = &["_zero", "_one", "_two", "_few", "_many", "_other"];

/// Reads a source and a target catalogue into units.
pub fn read_pair(
    format: Format,
    source: Document,
    target: Document,
    opts: &ReadOptions,
) -> Result<Bilingual, FormatError> {
    let (s, s_root, t, t_root) = match format {
        Format::Json => (leaves(&source)?, None, leaves(&target)?, None),
        Format::Yaml => yaml_pair(&source, &target)?,
        _ => {
            return Err(FormatError::at(
                &source,
                0,
                format!(
                    "{} is not a catalogue format; give a JSON or YAML pair",
                    format.label()
                ),
            ));
        }
    };
    let units = pair_units(&s, &t);
    Ok(Bilingual {
        format,
        source_lang: opts
            .source_lang
            .clone()
            .or_else(|| catalogue_lang(&source, s_root)),
        target_lang: opts
            .target_lang
            .clone()
            .or_else(|| catalogue_lang(&target, t_root)),
        source_file: source,
        target_file: target,
        units,
        nplurals: None,
        notices: Vec::new(),
    })
}

/// Leaves of one side, keyed by dotted path.
type Leaves = Vec<(String, Piece)>;

/// The leaves of a YAML pair, each with its root key when that names the
/// language: Rails-style roots (`en:` ↔ `pt-BR:`) are not part of the keys.
fn yaml_pair(
    source: &Document,
    target: &Document,
) -> Result<(Leaves, Option<String>, Leaves, Option<String>), FormatError> {
    let (mut s, mut t) = (super::yaml::leaves(source)?, super::yaml::leaves(target)?);
    let differ = s.root.is_some() && t.root.is_some() && s.root != t.root;
    let (s_root, t_root) = (
        differ || s.root_names_file(source),
        differ || t.root_names_file(target),
    );
    let (s_root, t_root) = (
        s_root.then(|| s.root.clone()).flatten(),
        t_root.then(|| t.root.clone()).flatten(),
    );
    if s_root.is_some() {
        s.strip_root();
    }
    if t_root.is_some() {
        t.strip_root();
    }
    Ok((s.leaves, s_root, t.leaves, t_root))
}

/// One unit per source key (with its target when the target has the key),
/// then one per target-only key, except the extra plural forms of the
/// target language; placeholders protected on both sides. Keys are looked
/// up in maps: linear in the number of keys.
fn pair_units(s: &[(String, Piece)], t: &[(String, Piece)]) -> Vec<Unit> {
    let syn = crate::checks::placeholder::Syntaxes::ALL;
    let prot = |mut p: Piece| {
        super::protect(&mut p, syn);
        p
    };
    // The first leaf of a key wins, as a linear search would find it.
    let mut t_by_key: HashMap<&str, &Piece> = HashMap::with_capacity(t.len());
    for (k, p) in t {
        t_by_key.entry(k.as_str()).or_insert(p);
    }
    let s_keys: HashSet<&str> = s.iter().map(|(k, _)| k.as_str()).collect();
    // Bases of the source keys that carry a plural suffix (`items_one`).
    let s_plural_bases: HashSet<String> = s
        .iter()
        .filter(|(k, _)| plural_base(k) != *k)
        .map(|(k, _)| plural_base(k))
        .collect();
    let mut units = Vec::with_capacity(s.len() + t.len());
    for (k, p) in s {
        units.push(Unit {
            id: k.clone(),
            source: Some(prot(p.clone())),
            target: t_by_key.get(k.as_str()).map(|p| prot((*p).clone())),
            flags: Vec::new(),
            one_form: k.ends_with("_one"),
        });
    }
    for (k, p) in t {
        let base = plural_base(k);
        let plural_form = base != *k && s_plural_bases.contains(&base);
        if !s_keys.contains(k.as_str()) && !plural_form {
            units.push(Unit {
                id: k.clone(),
                source: None,
                target: Some(prot(p.clone())),
                flags: Vec::new(),
                one_form: false,
            });
        }
    }
    units
}

/// A key without its plural-form suffix (`items_few` → `items`).
fn plural_base(k: &str) -> String {
    PLURAL_SUFFIXES
        .iter()
        .find_map(|s| k.strip_suffix(s))
        .unwrap_or(k)
        .to_string()
}

/// The language a catalogue names by its root key or its file name
/// (`pt-BR.json` → `pt`), when that is an ISO 639-1 code.
fn catalogue_lang(d: &Document, root: Option<String>) -> Option<String> {
    let stem = match root {
        Some(r) => r,
        None => d.path.file_stem()?.to_str()?.to_string(),
    };
    let code: String = stem
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let code = code.to_ascii_lowercase();
    (code.len() == 2 && crate::lang::is_iso639_1(&code)).then_some(code)
}

/// The string leaves of a JSON catalogue, keyed by their dotted path, in order.
fn leaves(doc: &Document) -> Result<Vec<(String, Piece)>, FormatError> {
    let parsed = jsonc_parser::parse_to_ast(
        &doc.text,
        &jsonc_parser::CollectOptions::default(),
        &jsonc_parser::ParseOptions::default(),
    )
    .map_err(|e| {
        FormatError::at(
            doc,
            e.range().start,
            format!("malformed JSON: {}; fix the JSON", e.kind()),
        )
    })?;
    let mut out = Vec::new();
    if let Some(v) = &parsed.value {
        walk(doc, v, String::new(), &mut out, 0);
    }
    Ok(out)
}

fn walk(doc: &Document, v: &Value, path: String, out: &mut Vec<(String, Piece)>, depth: usize) {
    if depth > 64 {
        return;
    }
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match v {
        Value::Object(o) => {
            for p in &o.properties {
                walk(
                    doc,
                    &p.value,
                    join(&p.name.clone().into_string()),
                    out,
                    depth + 1,
                );
            }
        }
        Value::Array(a) => {
            for (i, e) in a.elements.iter().enumerate() {
                walk(doc, e, join(&i.to_string()), out, depth + 1);
            }
        }
        Value::StringLit(s) => {
            out.push((path, string_piece(doc, s.range.start, s.range.end)));
        }
        _ => {}
    }
}

/// The decoded text of the string literal at `start..end` (quotes
/// included), mapped to its bytes.
fn string_piece(doc: &Document, start: usize, end: usize) -> Piece {
    let mut p = Piece::default();
    let Some(raw) = doc.text.get(start + 1..end.saturating_sub(1)) else {
        return p;
    };
    let base = start + 1;
    let b = raw.as_bytes();
    let (mut i, mut run) = (0, 0);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        p.push_verbatim(&raw[run..i], base + run);
        let (text, len) = unescape(&raw[i..]);
        p.push_decoded(&text, base + i, len);
        i += len;
        run = i;
    }
    p.push_verbatim(&raw[run..], base + run);
    p
}

/// One JSON escape at the start of `s`: its text and length in bytes.
fn unescape(s: &str) -> (String, usize) {
    let b = s.as_bytes();
    let simple = match b.get(1) {
        Some(b'n') => "\n",
        Some(b't') => "\t",
        Some(b'r') => "\n",
        Some(b'b' | b'f') => " ",
        Some(b'"') => "\"",
        Some(b'\'') => "'",
        Some(b'\\') => "\\",
        Some(b'/') => "/",
        Some(b'u') => {
            let hex = |at: usize| {
                s.get(at..at + 4)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
            };
            let Some(hi) = hex(2) else {
                return ("\\".into(), 1);
            };
            if (0xD800..0xDC00).contains(&hi)
                && s.get(6..8) == Some("\\u")
                && let Some(lo) = hex(8).filter(|lo| (0xDC00..0xE000).contains(lo))
            {
                let c = char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
                return (c.unwrap_or(' ').to_string(), 12);
            }
            let c = char::from_u32(hi).filter(|c| !c.is_control() || *c == '\n');
            return (c.unwrap_or(' ').to_string(), 6);
        }
        _ => return ("\\".into(), 1),
    };
    (simple.to_string(), 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(s: &str, t: &str) -> Bilingual {
        read_pair(
            Format::Json,
            Document::from_text("en.json", s),
            Document::from_text("pt-BR.json", t),
            &ReadOptions::default(),
        )
        .expect("parses")
    }

    #[test]
    fn nested_keys_pair_up_and_languages_come_from_file_names() {
        let b = pair(
            r#"{"menu": {"open": "Open", "items": ["One"]}, "bye": "Bye"}"#,
            r#"{"bye": "Tchau", "menu": {"open": "Abrir \"já\"", "items": ["Um"]}}"#,
        );
        assert_eq!(b.source_lang.as_deref(), Some("en"));
        assert_eq!(b.target_lang.as_deref(), Some("pt"));
        let ids: Vec<&str> = b.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, vec!["menu.open", "menu.items.0", "bye"]);
        let t = b.units[0].target.as_ref().unwrap();
        assert_eq!(t.text, "Abrir \"já\"");
        let at = t.to_file(t.text.find("já").unwrap());
        assert_eq!(&b.target_file.text[at..at + 3], "já");
    }

    #[test]
    fn missing_and_extra_keys() {
        let b = pair(
            r#"{"a": "A", "b": "B", "n_one": "{{count}} file", "n_other": "{{count}} files"}"#,
            r#"{"a": "A!", "c": "C", "n_one": "{{count}} arquivo", "n_many": "{{count}} arquivos", "n_other": "{{count}} arquivos"}"#,
        );
        let b_unit = b.units.iter().find(|u| u.id == "b").unwrap();
        assert!(b_unit.target.is_none());
        let c = b.units.iter().find(|u| u.id == "c").unwrap();
        assert!(c.source.is_none());
        // A plural form the target language adds is not an extra key.
        assert!(!b.units.iter().any(|u| u.id == "n_many"));
    }

    #[test]
    fn unicode_escapes_map_to_their_bytes() {
        let b = pair(r#"{"a": "x"}"#, r#"{"a": "\u00e9t\u00e9 \ud83d\ude00"}"#);
        let t = b.units[0].target.as_ref().unwrap();
        assert_eq!(t.text, "été 😀");
        assert_eq!(&b.target_file.text[t.to_file(1)..t.to_file(1) + 1], "t");
    }

    #[test]
    fn malformed_json_is_an_error_with_a_line() {
        let e = read_pair(
            Format::Json,
            Document::from_text("en.json", "{\n\"a\": \"x\",\n\"b\": }"),
            Document::from_text("pt.json", "{}"),
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("en.json:3"), "{e}");
    }
}
