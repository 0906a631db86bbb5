//! i18n YAML catalogues (`en.yml` ↔ `pt-BR.yml`): the string leaves of one
//! file, keyed by their dotted path, each mapped back to its bytes. Parsed
//! with yaml-rust2's event parser, whose markers give where each scalar
//! starts; the scalar's text is then walked beside its raw bytes so plain,
//! quoted and block scalars map back exactly. Where the two disagree the
//! rest of the text maps to one point and is never edited by a patch.
//! [`super::catalog`] pairs the leaves of two files into units.

use super::{FormatError, Piece};
use crate::input::Document;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Deepest nesting read; deeper leaves are skipped.
const MAX_DEPTH: usize = 64;

/// The leaves of a YAML catalogue and, for a Rails-style file whose only
/// top-level key is a language tag (`en:`, `pt-BR:`), that root key.
pub struct Leaves {
    pub leaves: Vec<(String, Piece)>,
    pub root: Option<String>,
}

/// Reads the string leaves of a YAML catalogue, in document order.
pub fn leaves(doc: &Document) -> Result<Leaves, FormatError> {
    let pos = Positions::new(&doc.text);
    let mut events = Events(Vec::new());
    Parser::new_from_str(&doc.text)
        .load(&mut events, true)
        .map_err(|e| {
            FormatError::at(
                doc,
                pos.byte(e.marker()),
                format!("malformed YAML: {}; fix the YAML", e.info()),
            )
        })?;
    let out = string_leaves(doc, events.0, &pos);
    let root = root_of(&out);
    Ok(Leaves { leaves: out, root })
}

/// Maps the parser's markers to byte offsets of the text.
struct Positions<'a> {
    text: &'a str,
    /// Line starts, counting line breaks as the scanner does.
    lines: Vec<usize>,
    /// (line, column, byte) of the last marker mapped.
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> Positions<'a> {
    fn new(text: &'a str) -> Self {
        let b = text.as_bytes();
        let lines: Vec<usize> = std::iter::once(0)
            .chain((0..b.len()).filter_map(|i| {
                let brk = b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n'));
                brk.then_some(i + 1)
            }))
            .collect();
        Positions {
            text,
            lines,
            last: std::cell::Cell::new((0, 0, 0)),
        }
    }

    /// A marker's line (from 1) and column (from 0, in characters) as a byte
    /// offset; its index is not used, as it mixes bytes and characters.
    /// Walks on from the last marker on the same line: markers come in order,
    /// and a long flow mapping on one line stays linear.
    fn byte(&self, m: &Marker) -> usize {
        let Some(&start) = m.line().checked_sub(1).and_then(|l| self.lines.get(l)) else {
            return self.text.len();
        };
        let (line, col, at) = self.last.get();
        let (from_col, from) = if line == m.line() && col <= m.col() {
            (col, at)
        } else {
            (0, start)
        };
        let at = self.text[from..]
            .char_indices()
            .nth(m.col() - from_col)
            .map_or(self.text.len(), |(i, _)| from + i);
        self.last.set((m.line(), m.col(), at));
        at
    }
}

/// Walks the events, keeping the path of mappings and sequences, and takes
/// every scalar that is text (not a key, a number or a boolean) up to
/// `MAX_DEPTH` deep.
fn string_leaves(
    doc: &Document,
    events: Vec<(Event, Marker)>,
    pos: &Positions,
) -> Vec<(String, Piece)> {
    let mut out = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    for (ev, mark) in events {
        match ev {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let path = node_path(&mut stack);
                stack.push(if matches!(ev, Event::MappingStart(..)) {
                    Frame::Map { path, key: None }
                } else {
                    Frame::Seq { path, next: 0 }
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            Event::Scalar(value, style, _, tag) => {
                if let Some(Frame::Map {
                    key: key @ None, ..
                }) = stack.last_mut()
                {
                    *key = Some(value);
                    continue;
                }
                let Some(path) = node_path(&mut stack) else {
                    continue;
                };
                let text_tag = tag.as_ref().is_some_and(|t| t.suffix == "str");
                if stack.len() <= MAX_DEPTH && (text_tag || is_text(&value, style)) {
                    out.push((path, scalar_piece(doc, pos.byte(&mark), &value, style)));
                }
            }
            Event::Alias(_) => {
                node_path(&mut stack);
            }
            _ => {}
        }
    }
    out
}

struct Events(Vec<(Event, Marker)>);

impl MarkedEventReceiver for Events {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        self.0.push((ev, mark));
    }
}

enum Frame {
    /// A mapping at `path` (`None`: under a key that is not a plain string),
    /// and the key whose value comes next.
    Map {
        path: Option<String>,
        key: Option<String>,
    },
    Seq {
        path: Option<String>,
        next: usize,
    },
}

/// The path of the node that starts now, consuming its key or index.
fn node_path(stack: &mut [Frame]) -> Option<String> {
    let join = |p: &Option<String>, k: String| {
        p.as_ref().map(|p| {
            if p.is_empty() {
                k.clone()
            } else {
                format!("{p}.{k}")
            }
        })
    };
    match stack.last_mut() {
        None => Some(String::new()),
        Some(Frame::Map { path, key }) => match key.take() {
            Some(k) => join(path, k),
            // A complex key (a mapping or a list as key): not a catalogue.
            None => {
                *key = Some(String::new());
                None
            }
        },
        Some(Frame::Seq { path, next }) => {
            *next += 1;
            join(path, (*next - 1).to_string())
        }
    }
}

/// Whether a scalar is text: quoted or block, or a plain scalar that YAML
/// does not read as a number, a boolean or null.
fn is_text(value: &str, style: TScalarStyle) -> bool {
    style != TScalarStyle::Plain
        || matches!(
            yaml_rust2::Yaml::from_str(value),
            yaml_rust2::Yaml::String(_)
        )
}

/// A Rails-style root key: the only top-level key, shaped like a language
/// tag (`en`, `pt-BR`, `zh_Hant`).
fn root_of(leaves: &[(String, Piece)]) -> Option<String> {
    let first = |k: &str| k.split('.').next().unwrap_or("").to_string();
    let root = first(&leaves.first()?.0);
    let single = leaves
        .iter()
        .all(|(k, _)| k.len() > root.len() && first(k) == root);
    (single && is_language_tag(&root)).then_some(root)
}

impl Leaves {
    /// Leaves the root key out of the paths.
    pub fn strip_root(&mut self) {
        if let Some(r) = &self.root {
            for (k, _) in &mut self.leaves {
                *k = k[r.len() + 1..].to_string();
            }
        }
    }

    /// Whether the root key names the file's language (`pt-BR:` in
    /// `pt-BR.yml` or `devise.pt_BR.yml`).
    pub fn root_names_file(&self, doc: &Document) -> bool {
        let norm = |s: &str| s.to_ascii_lowercase().replace('_', "-");
        let stem = doc.path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        self.root
            .as_ref()
            .is_some_and(|r| stem.split('.').any(|p| norm(p) == norm(r)))
    }
}

/// `ll` or `lll`, then optional subtags of 2–8 letters or digits.
fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split(['-', '_']);
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The scalar `value` whose token starts at byte `start`, mapped to the
/// file: characters that are there as they are map one to one, escapes and
/// folded line breaks map to the bytes they were decoded from.
fn scalar_piece(doc: &Document, start: usize, value: &str, style: TScalarStyle) -> Piece {
    let text = &doc.text;
    let body = match style {
        TScalarStyle::Plain => start,
        TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => start + 1,
        // The content starts on the line after the `|`/`>` header.
        TScalarStyle::Literal | TScalarStyle::Folded => text[start.min(text.len())..]
            .find('\n')
            .map_or(text.len(), |i| start + i),
    };
    let mut p = Piece::default();
    let raw = text.get(body..).unwrap_or("");
    let (mut i, mut j) = (0, 0);
    while i < value.len() {
        let (v, r) = (&value[i..], &raw[j..]);
        let Some(rc) = r.chars().next() else { break };
        let vc = v.chars().next().unwrap_or(' ');
        let ws = r.len() - r.trim_start_matches([' ', '\t', '\r', '\n']).len();
        if ws > 0 && r[..ws].contains('\n') {
            // A line break with indentation: folded or kept, decoded either way.
            let vws = v.len() - v.trim_start_matches([' ', '\t', '\n']).len();
            p.push_decoded(&v[..vws], body + j, ws);
            i += vws;
            j += ws;
            continue;
        }
        let esc = match (style, rc) {
            (TScalarStyle::DoubleQuoted, '\\') => double_escape(r),
            (TScalarStyle::SingleQuoted, '\'') if r.starts_with("''") => Some(("'".into(), 2)),
            _ => None,
        };
        if let Some((s, len)) = esc {
            if !v.starts_with(&s) {
                break;
            }
            p.push_decoded(&s, body + j, len);
            i += s.len();
            j += len;
        } else if rc == vc {
            p.push_verbatim(&v[..vc.len_utf8()], body + j);
            i += vc.len_utf8();
            j += rc.len_utf8();
        } else {
            break;
        }
    }
    // What could not be followed maps to one point and is not editable.
    if i < value.len() {
        p.push_decoded(&value[i..], body + j.min(raw.len()), 0);
    }
    p
}

/// One escape of a double-quoted scalar at the start of `s`: its text and
/// length in bytes. An escaped line break folds to nothing.
fn double_escape(s: &str) -> Option<(String, usize)> {
    let c = s[1..].chars().next()?;
    let simple = match c {
        '0' => "\0",
        'a' => "\u{7}",
        'b' => "\u{8}",
        't' | '\t' => "\t",
        'n' => "\n",
        'v' => "\u{b}",
        'f' => "\u{c}",
        'r' => "\r",
        'e' => "\u{1b}",
        ' ' => " ",
        '"' => "\"",
        '/' => "/",
        '\\' => "\\",
        'N' => "\u{85}",
        '_' => "\u{a0}",
        'L' => "\u{2028}",
        'P' => "\u{2029}",
        '\n' | '\r' => {
            let rest = &s[1..];
            let blank = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
            return Some((String::new(), 1 + blank));
        }
        'x' | 'u' | 'U' => {
            let n = match c {
                'x' => 2,
                'u' => 4,
                _ => 8,
            };
            let hex = s.get(2..2 + n)?;
            let ch = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
            return Some((ch.to_string(), 2 + n));
        }
        _ => return None,
    };
    Some((simple.to_string(), 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Leaves {
        let doc = Document::from_text("pt-BR.yml", text);
        let mut l = leaves(&doc).expect("parses");
        if l.root_names_file(&doc) {
            l.strip_root();
        }
        l
    }

    /// Every leaf's text, and each of its characters mapped back.
    fn check_map(doc: &str, l: &Leaves) {
        for (_, p) in &l.leaves {
            for (o, _) in p.text.char_indices() {
                assert!(doc.is_char_boundary(p.to_file(o)));
            }
        }
    }

    #[test]
    fn rails_root_is_left_out_and_nested_keys_are_dotted() {
        let doc = "pt-BR:\n  menu:\n    open: Abrir\n    items:\n      - Um\n  count: 3\n";
        let l = read(doc);
        assert_eq!(l.root.as_deref(), Some("pt-BR"));
        let keys: Vec<&str> = l.leaves.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, vec!["menu.open", "menu.items.0"]);
        let p = &l.leaves[0].1;
        assert_eq!(&doc[p.to_file(0)..p.to_file(5)], "Abrir");
        assert_eq!(p.verbatim_range(0..5), Some(p.to_file(0)..p.to_file(5)));
    }

    #[test]
    fn a_single_key_that_is_no_language_tag_stays() {
        let l = read("ui:\n  ok: OK\n");
        assert_eq!(l.leaves[0].0, "ui.ok");
        let l = read("Menu:\n  ok: OK\n");
        assert_eq!(l.root, None);
    }

    #[test]
    fn quoted_scalars_map_escapes_to_their_bytes() {
        let doc = "a: 'It''s é'\nb: \"Olá\\n\\u00e9 \\\"já\\\"\"\n";
        let l = read(doc);
        let (a, b) = (&l.leaves[0].1, &l.leaves[1].1);
        assert_eq!(a.text, "It's é");
        let at = a.to_file(a.text.find('é').unwrap());
        assert_eq!(&doc[at..at + 2], "é");
        assert_eq!(b.text, "Olá\né \"já\"");
        let at = b.to_file(b.text.find("já").unwrap());
        assert_eq!(&doc[at..at + 3], "já");
        check_map(doc, &l);
    }

    #[test]
    fn multi_line_plain_and_block_scalars_map_line_by_line() {
        let doc = "a: um\n  dois\nb: |\n  linha um\n  linha dois\nc: >\n  dobra\n  aqui\n";
        let l = read(doc);
        let texts: Vec<&str> = l.leaves.iter().map(|(_, p)| p.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["um dois", "linha um\nlinha dois\n", "dobra aqui\n"]
        );
        for (_, p) in &l.leaves {
            let last = p.text.trim_end().rfind(' ').unwrap() + 1;
            let word = p.text[last..].trim_end();
            let at = p.to_file(last);
            assert_eq!(&doc[at..at + word.len()], word);
        }
        // The folded break is decoded, so a patch never spans it.
        let c = &l.leaves[2].1;
        assert_eq!(c.verbatim_range(0..8), None);
        check_map(doc, &l);
    }

    #[test]
    fn non_ascii_block_scalars_do_not_shift_what_follows() {
        let doc = "a: |\n  ééé\nb: \"ü\"\nc: {d: ö, e: õ}\n";
        let l = read(doc);
        for (_, p) in &l.leaves[1..] {
            let at = p.to_file(0);
            assert_eq!(&doc[at..at + p.text.len()], p.text);
        }
        assert_eq!(l.leaves.len(), 4);
    }

    #[test]
    fn numbers_booleans_null_and_aliases_are_not_text() {
        let l = read("a: 1\nb: true\nc: ~\nd: &x Sim\ne: *x\nf: '1'\n");
        let keys: Vec<&str> = l.leaves.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, vec!["d", "f"]);
    }

    #[test]
    fn malformed_yaml_is_an_error_with_a_line() {
        let e = leaves(&Document::from_text("en.yml", "a: x\nb: \"open\n")).err();
        let e = e.expect("an error").to_string();
        assert!(e.starts_with("en.yml:"), "{e}");
        assert!(e.contains("malformed YAML"), "{e}");
    }
}
