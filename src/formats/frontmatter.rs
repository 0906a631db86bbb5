//! Front matter of a Markdown file: YAML (`---`, read with yaml-rust2) or
//! TOML (`+++`, read with toml). The values of the listed keys (`title`,
//! `description`, … or `front-matter-keys` in transcheck.toml) are prose
//! blocks; every other top-level value is a field that must stay as it is,
//! except the language keys, which differ by nature.

use super::prose::{BlockKind, Builder, Piece, PieceKind};
use std::ops::Range;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// Keys whose values are translated text, when the config lists none.
pub const DEFAULT_KEYS: &[&str] = &[
    "title",
    "linkTitle",
    "subtitle",
    "description",
    "summary",
    "excerpt",
    "lead",
    "abstract",
    "caption",
    "alt",
    "keywords",
    // Sites with a taxonomy per language translate these.
    "tags",
    "categories",
    "category",
];

/// Keys that name the language, or date the file's own last edit
/// (`lastmod`: a translation is edited on its own days), and so differ.
const LANGUAGE_KEYS: &[&str] = &["lang", "language", "locale", "lastmod"];

/// One top-level entry: its key and value, and where the value is.
#[derive(Debug)]
struct Entry {
    key: String,
    /// Scalar strings of the value (several for a list), with their ranges
    /// (absolute) and whether the range holds them verbatim.
    strings: Vec<(Range<usize>, String, bool)>,
    /// The whole value: absolute range and its text as written.
    whole: Range<usize>,
}

/// Reads the front matter in `range` of the builder's source into blocks
/// and pieces. Malformed front matter is one field compared verbatim.
pub fn read(b: &mut Builder, toml: bool, range: Range<usize>, keys: &[String]) {
    let src = b.source();
    let Some(body) = src.get(range.clone()) else {
        return;
    };
    let entries = if toml {
        toml_entries(body, range.start)
    } else {
        yaml_entries(body, range.start)
    };
    let Some(entries) = entries else {
        field(b, "front matter", range.clone(), body);
        return;
    };
    let translated = |k: &str| {
        if keys.is_empty() {
            DEFAULT_KEYS.contains(&k)
        } else {
            keys.iter().any(|x| x == k)
        }
    };
    for e in entries {
        // A key with a colon (`cSpell:ignore`) configures a tool for the
        // file's own language.
        if LANGUAGE_KEYS.contains(&e.key.as_str()) || e.key.contains(':') {
            continue;
        }
        if translated(&e.key) && !e.strings.is_empty() {
            // A value not held verbatim (escapes, folding) reads as decoded
            // text over its whole token.
            for (r, s, _) in &e.strings {
                b.text(r.clone(), s);
                b.end_block(BlockKind::Meta);
            }
        } else {
            let text = src.get(e.whole.clone()).unwrap_or("");
            let text = if toml {
                text.to_string()
            } else {
                without_comments(text)
            };
            field(b, &e.key, e.whole.clone(), text.trim());
        }
    }
}

/// A YAML value as written less its comments (` # prettier-ignore`): a
/// `#` after a space and outside quotes starts one.
fn without_comments(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for line in value.lines() {
        let mut quote = None;
        let mut prev = ' ';
        let mut end = line.len();
        for (i, c) in line.char_indices() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), _) if c == q => quote = None,
                (None, '#') if prev.is_whitespace() => {
                    end = i;
                    break;
                }
                _ => {}
            }
            prev = c;
        }
        out.push_str(line[..end].trim_end());
        out.push('\n');
    }
    out
}

/// A field compared verbatim: a placeholder block and a piece.
fn field(b: &mut Builder, key: &str, whole: Range<usize>, text: &str) {
    let at = b.placeholder(whole.clone());
    b.end_block(BlockKind::Field);
    b.piece(Piece {
        kind: PieceKind::Field,
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        key: key.to_string(),
        original: whole,
        at,
    });
}

/// Where a string value sits: inside its quotes when the source holds it
/// as written there, else the whole token.
fn locate(src: &str, token: Range<usize>, value: &str) -> (Range<usize>, bool) {
    let raw = src.get(token.clone()).unwrap_or("");
    if raw == value {
        return (token, true);
    }
    for q in ["\"\"\"", "'''", "\"", "'"] {
        if let Some(inner) = raw.strip_prefix(q).and_then(|r| r.strip_suffix(q))
            && inner == value
        {
            let a = token.start + q.len();
            return (a..a + value.len(), true);
        }
    }
    (token, false)
}

fn toml_entries(body: &str, base: usize) -> Option<Vec<Entry>> {
    use toml::de::{DeTable, DeValue};
    let table = DeTable::parse(body).ok()?;
    let mut out = Vec::new();
    for (k, v) in table.get_ref().iter() {
        let span = v.span();
        let mut strings = Vec::new();
        let mut push = |s: &str, span: Range<usize>| {
            let (r, verbatim) = locate(body, span, s);
            strings.push((base + r.start..base + r.end, s.to_string(), verbatim));
        };
        match v.get_ref() {
            DeValue::String(s) => push(s, span.clone()),
            DeValue::Array(items) => {
                for it in items.iter() {
                    if let DeValue::String(s) = it.get_ref() {
                        push(s, it.span());
                    }
                }
            }
            _ => {}
        }
        out.push(Entry {
            key: k.get_ref().to_string(),
            strings,
            whole: base + span.start..base + span.end,
        });
    }
    out.sort_by_key(|e| e.whole.start);
    Some(out)
}

/// Collects the events of a YAML document with their positions.
#[derive(Default)]
struct Events(Vec<(Event, Marker)>);

impl MarkedEventReceiver for Events {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        self.0.push((ev, mark));
    }
}

fn yaml_entries(body: &str, base: usize) -> Option<Vec<Entry>> {
    let ev = byte_events(body)?;
    let mut top = TopLevel {
        body,
        base,
        out: Vec::new(),
        depth: 0,
        key: None,
        value_start: None,
        strings: Vec::new(),
    };
    for (i, (e, at)) in ev.iter().enumerate() {
        top.event(e, *at, || next_key_start(&ev, i + 1, body.len()));
    }
    Some(top.out)
}

/// The YAML events of `body` with byte offsets. A marker's index counts
/// characters but adds a block scalar's (`>-`, `|`) lines in bytes, so the
/// offset comes from its line and column (in characters) instead.
fn byte_events(body: &str) -> Option<Vec<(Event, usize)>> {
    let mut events = Events::default();
    Parser::new_from_str(body).load(&mut events, false).ok()?;
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let byte_of = |m: Marker| {
        let Some(&start) = m.line().checked_sub(1).and_then(|l| line_starts.get(l)) else {
            return body.len();
        };
        let line = &body[start..];
        start
            + line
                .char_indices()
                .nth(m.col())
                .map_or(line.len(), |(i, _)| i)
    };
    Some(events.0.into_iter().map(|(e, m)| (e, byte_of(m))).collect())
}

/// The top-level mapping being read: keys at depth 1, their values after
/// them.
struct TopLevel<'a> {
    body: &'a str,
    base: usize,
    out: Vec<Entry>,
    depth: usize,
    key: Option<String>,
    value_start: Option<usize>,
    /// The strings of the current value.
    strings: Vec<(Range<usize>, String, bool)>,
}

impl TopLevel<'_> {
    /// One event at byte `at`; `next_key` is where the next top-level key
    /// starts.
    fn event(&mut self, e: &Event, at: usize, next_key: impl Fn() -> usize) {
        match e {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if self.depth == 1 && self.key.is_some() && self.value_start.is_none() {
                    self.value_start = Some(at);
                }
                self.depth += 1;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.depth = self.depth.saturating_sub(1);
            }
            Event::Scalar(s, ..) if self.depth == 1 => {
                if self.key.is_none() {
                    self.key = Some(s.clone());
                } else {
                    self.string(s, at);
                    self.value_start = Some(at);
                    self.finish(next_key());
                }
            }
            Event::Scalar(s, ..) if self.depth == 2 && self.key.is_some() => self.string(s, at),
            _ => {}
        }
        // A collection value ends where the next top-level key starts.
        let closed = matches!(e, Event::MappingEnd | Event::SequenceEnd);
        if self.depth == 1 && closed && self.key.is_some() {
            self.finish(next_key());
        }
    }

    /// A string of the current value, the scalar `s` at byte `start`.
    fn string(&mut self, s: &str, start: usize) {
        let (r, verbatim) = locate(self.body, start..token_end(self.body, start, s), s);
        let whole = self.base + r.start..self.base + r.end;
        self.strings.push((whole, s.to_string(), verbatim));
    }

    /// Ends the current entry at byte `end`.
    fn finish(&mut self, end: usize) {
        if let (Some(key), Some(vs)) = (self.key.take(), self.value_start.take()) {
            let end = end.max(vs);
            self.out.push(Entry {
                key,
                strings: std::mem::take(&mut self.strings),
                whole: self.base + vs..self.base + trim_end(self.body, vs, end),
            });
        }
    }
}

/// The end of a scalar token starting at `start`: the value as written, or
/// its quoted form, or the end of the line.
fn token_end(body: &str, start: usize, value: &str) -> usize {
    let rest = body.get(start..).unwrap_or("");
    if rest.starts_with(value) {
        return start + value.len();
    }
    for q in ["\"", "'"] {
        let quoted = format!("{q}{value}{q}");
        if rest.starts_with(&quoted) {
            return start + quoted.len();
        }
    }
    start + rest.find('\n').unwrap_or(rest.len())
}

/// Offset of the next depth-1 key after event `from`, or `end`.
fn next_key_start(ev: &[(Event, usize)], from: usize, end: usize) -> usize {
    let mut depth = 1usize;
    for (e, m) in &ev[from.min(ev.len())..] {
        match e {
            Event::MappingStart(..) | Event::SequenceStart(..) => depth += 1,
            Event::MappingEnd | Event::SequenceEnd => {
                if depth == 1 {
                    return end;
                }
                depth -= 1;
            }
            Event::Scalar(..) if depth == 1 => return *m,
            _ => {}
        }
    }
    end
}

/// `end` moved back over trailing whitespace (and the `key:` line start of
/// the next entry stays out).
fn trim_end(body: &str, start: usize, end: usize) -> usize {
    let s = body.get(start..end).unwrap_or("");
    start + s.trim_end().len()
}

#[cfg(test)]
mod tests {
    use crate::formats::markdown::{ReadOptions, read};
    use crate::formats::prose::{BlockKind, PieceKind};
    use crate::input::Document;

    /// (key, value) of the fields that are not translated text.
    fn fields(m: &crate::formats::prose::Markup) -> Vec<(&str, &str)> {
        m.pieces
            .iter()
            .filter(|p| p.kind == PieceKind::Field)
            .map(|p| (p.key.as_str(), p.text.as_str()))
            .collect()
    }

    fn md(s: &str) -> Document {
        read(&Document::from_text("a.md", s), &ReadOptions::default())
    }

    #[test]
    fn yaml_title_is_prose_and_date_a_field() {
        let d = md(
            "---\ntitle: \"Guia de instalação\"\ndate: 2024-05-01\ntags:\n  - rust\n  - cli\nlang: pt\n---\n\n# Olá\n",
        );
        let m = d.markup.as_ref().unwrap();
        assert!(d.text.starts_with("Guia de instalação\n\n"), "{:?}", d.text);
        assert_eq!(m.blocks[0].kind, BlockKind::Meta);
        let i = d.text.find("Guia").unwrap();
        assert_eq!(d.line_col(i), (2, 9));
        assert_eq!(m.verbatim_range(i..i + 4), Some(12..16));
        let fields = fields(m);
        assert_eq!(fields, vec![("date", "2024-05-01")]);
        // Tags are text: a site translates its taxonomy.
        assert!(d.text.contains("rust\n\ncli\n\n"), "{:?}", d.text);
    }

    #[test]
    fn fields_after_a_folded_value_with_accents_keep_their_place() {
        let d = md(
            "---\ntitle: Manual\ndescription: >-\n  Aprenda a configuração da instrumentação\nweight: 20\nslug: manual\n---\n\nTexto.\n",
        );
        let m = d.markup.as_ref().unwrap();
        let fields = fields(m);
        assert_eq!(fields, vec![("weight", "20"), ("slug", "manual")]);
        let w = m.pieces.iter().find(|p| p.key == "weight").unwrap();
        assert_eq!(
            &d.markup.as_ref().unwrap().original.text[w.original.clone()],
            "20"
        );
    }

    #[test]
    fn yaml_comments_and_tool_keys_are_not_compared() {
        let d = md(
            "---\ntitle: Guia\ncanonical_url: https://a.example/guia # prettier-ignore\nnote: \"a # b\"\ncSpell:ignore: palavras\n---\n\nTexto.\n",
        );
        let m = d.markup.as_ref().unwrap();
        let fields = fields(m);
        assert_eq!(
            fields,
            vec![
                ("canonical_url", "https://a.example/guia"),
                ("note", "\"a # b\"")
            ]
        );
    }

    #[test]
    fn toml_front_matter() {
        let d = md("+++\ntitle = 'Notícias'\nweight = 3\n+++\n\nTexto.\n");
        let m = d.markup.as_ref().unwrap();
        assert!(d.text.starts_with("Notícias"), "{:?}", d.text);
        let i = d.text.find("Notícias").unwrap();
        assert_eq!(d.line_col(i), (2, 10));
        assert!(
            m.pieces
                .iter()
                .any(|p| p.kind == PieceKind::Field && p.key == "weight" && p.text == "3")
        );
    }

    #[test]
    fn broken_front_matter_is_one_field_and_no_panic() {
        let d = md("---\ntitle: [unclosed\n---\n\nTexto.\n");
        let m = d.markup.as_ref().unwrap();
        assert!(m.pieces.iter().any(|p| p.kind == PieceKind::Field));
        assert!(d.text.contains("Texto."));
    }
}
