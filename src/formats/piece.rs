//! Texts read out of a structured file, with a map from every byte back to
//! the file ([`Piece`]), and the [`Origin`] a projected document carries.

use crate::input::Document;
use std::ops::Range;

/// A run of a piece's text and the bytes of the file it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Run {
    /// Start in the piece's text.
    text: usize,
    /// Start and length in the file.
    orig: usize,
    orig_len: usize,
    /// The text is the file's bytes as they are (no escape, no entity).
    verbatim: bool,
}

/// A string read out of a file (an unescaped msgstr, an XLIFF segment),
/// mapping each byte to its place in the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Piece {
    pub text: String,
    runs: Vec<Run>,
    /// Byte ranges of `text` that checks compare verbatim and do not read as
    /// prose: placeholders, inline tags.
    pub protected: Vec<Range<usize>>,
}

impl Piece {
    /// Appends `s`, found as it is at byte `orig` of the file.
    pub fn push_verbatim(&mut self, s: &str, orig: usize) {
        if s.is_empty() {
            return;
        }
        if let Some(last) = self.runs.last_mut()
            && last.verbatim
            && last.text + last.orig_len == self.text.len()
            && last.orig + last.orig_len == orig
        {
            last.orig_len += s.len();
        } else {
            self.runs.push(Run {
                text: self.text.len(),
                orig,
                orig_len: s.len(),
                verbatim: true,
            });
        }
        self.text.push_str(s);
    }

    /// Appends `s`, decoded from the `orig_len` bytes at `orig` (an escape
    /// sequence, an entity).
    pub fn push_decoded(&mut self, s: &str, orig: usize, orig_len: usize) {
        if s.is_empty() {
            return;
        }
        self.runs.push(Run {
            text: self.text.len(),
            orig,
            orig_len,
            verbatim: false,
        });
        self.text.push_str(s);
    }

    /// Appends text that is in no file (a separator), mapped to the end of
    /// what came before.
    pub fn push_gap(&mut self, s: &str) {
        let at = self.runs.last().map_or(0, |r| r.orig + r.orig_len);
        self.push_decoded(s, at, 0);
    }

    /// Appends a whole piece with its map and protected ranges.
    pub fn append(&mut self, other: &Piece) {
        let base = self.text.len();
        self.runs.extend(other.runs.iter().map(|r| Run {
            text: r.text + base,
            ..*r
        }));
        self.protected
            .extend(other.protected.iter().map(|r| r.start + base..r.end + base));
        self.text.push_str(&other.text);
    }

    /// Marks a range of the text as protected.
    pub fn protect(&mut self, r: Range<usize>) {
        if r.start < r.end && r.end <= self.text.len() {
            self.protected.push(r);
        }
    }

    fn run_at(&self, offset: usize, strict: bool) -> Option<&Run> {
        let i = self.runs.partition_point(|r| {
            if strict {
                r.text < offset
            } else {
                r.text <= offset
            }
        });
        i.checked_sub(1).map(|i| &self.runs[i])
    }

    /// File offset of a text offset (as the start of a range).
    pub fn to_file(&self, offset: usize) -> usize {
        match self.run_at(offset, false) {
            Some(r) if r.verbatim => r.orig + (offset - r.text).min(r.orig_len),
            Some(r) if offset == r.text => r.orig,
            Some(r) => r.orig + r.orig_len,
            None => self.runs.first().map_or(0, |r| r.orig),
        }
    }

    /// File offset of a text offset as the end of a range: the end of what
    /// came before, not the start of the next run.
    pub fn to_file_end(&self, offset: usize) -> usize {
        match self.run_at(offset, true) {
            Some(r) if r.verbatim => r.orig + (offset - r.text).min(r.orig_len),
            Some(r) => r.orig + r.orig_len,
            None => self.to_file(offset),
        }
    }

    /// The file range of a text range when the text there is the file's
    /// bytes as they are (one verbatim run), so it can be replaced in place.
    pub fn verbatim_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        let r = if range.is_empty() {
            self.run_at(range.start, true)
                .or_else(|| self.run_at(range.start, false))?
        } else {
            self.run_at(range.start, false)?
        };
        let inside = r.verbatim && range.start >= r.text && range.end <= r.text + r.orig_len;
        inside.then(|| r.orig + (range.start - r.text)..r.orig + (range.end - r.text))
    }
}

/// How text is written in a file format, for putting a fix back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// PO string literals: `\\`, `\"`, `\n`, `\t`.
    Po,
    /// XML character data: `&amp;`, `&lt;`, `&gt;`.
    Xml,
    /// JSON string literals.
    Json,
    /// YAML scalars: as plain text, without the quote that would end a
    /// single-quoted scalar.
    Yaml,
    /// Formats where a fix is put back only when it needs no escaping.
    Plain,
}

impl Escape {
    pub fn of(format: super::Format) -> Escape {
        use super::Format::*;
        match format {
            Po => Escape::Po,
            Xliff | Tmx => Escape::Xml,
            Json => Escape::Json,
            Yaml => Escape::Yaml,
            Text | Csv | Markdown | Html => Escape::Plain,
        }
    }

    /// The replacement as the file must hold it, or `None` when that is not certain.
    pub fn escape(self, s: &str) -> Option<String> {
        match self {
            Escape::Po => {
                let mut o = String::with_capacity(s.len());
                for c in s.chars() {
                    match c {
                        '\\' => o.push_str("\\\\"),
                        '"' => o.push_str("\\\""),
                        '\n' => o.push_str("\\n"),
                        '\t' => o.push_str("\\t"),
                        c if c.is_control() => return None,
                        c => o.push(c),
                    }
                }
                Some(o)
            }
            Escape::Xml => Some(
                s.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;"),
            ),
            Escape::Json => {
                let q = serde_json::to_string(s).ok()?;
                Some(q[1..q.len() - 1].to_string())
            }
            Escape::Yaml if s.contains('\'') => None,
            Escape::Yaml | Escape::Plain => s
                .chars()
                .all(|c| c.is_alphanumeric() || " .%-'’".contains(c))
                .then(|| s.to_string()),
        }
    }
}

/// Where a projected document's text comes from: the original file, the
/// text as read (before masking) and the protected ranges.
#[derive(Debug, Clone)]
pub struct Origin {
    file: Document,
    piece: Piece,
    escape: Escape,
    /// The ranges of the text that are a plural entry's form for one.
    pub one_forms: Vec<Range<usize>>,
}

impl Origin {
    pub fn new(
        file: Document,
        mut piece: Piece,
        protected: Vec<Range<usize>>,
        escape: Escape,
    ) -> Origin {
        piece.protected.extend(protected);
        piece.protected.sort_by_key(|r| (r.start, r.end));
        piece.protected.dedup();
        Origin {
            file,
            piece,
            escape,
            one_forms: Vec::new(),
        }
    }

    /// Whether `at` lies in a plural entry's form for one.
    pub fn in_one_form(&self, at: usize) -> bool {
        // In text order, as laid out.
        let i = self.one_forms.partition_point(|r| r.end <= at);
        self.one_forms.get(i).is_some_and(|r| r.contains(&at))
    }

    /// Whether `range` of the text holds a separator that is in no file
    /// (the blank line laid between two catalogue units).
    pub fn has_separator(&self, range: Range<usize>) -> bool {
        let i = self.piece.runs.partition_point(|r| r.text < range.start);
        let from = i.saturating_sub(1);
        self.piece.runs[from..]
            .iter()
            .take_while(|r| r.text < range.end)
            .any(|r| r.orig_len == 0 && !r.verbatim && r.text >= range.start)
    }

    /// The original file.
    pub fn file(&self) -> &Document {
        &self.file
    }

    /// The text as read, placeholders and markup included.
    pub fn raw(&self) -> &str {
        &self.piece.text
    }

    pub fn protected(&self) -> &[Range<usize>] {
        &self.piece.protected
    }

    /// The text checks read: every byte of a protected range becomes `_`,
    /// which is no word, number or punctuation, and offsets stay put.
    pub fn masked(&self) -> String {
        let raw = &self.piece.text;
        let mut out = String::with_capacity(raw.len());
        let mut prot = self.piece.protected.iter().peekable();
        for (i, c) in raw.char_indices() {
            while prot.peek().is_some_and(|r| r.end <= i) {
                prot.next();
            }
            if prot.peek().is_some_and(|r| r.start <= i) {
                out.extend(std::iter::repeat_n('_', c.len_utf8()));
            } else {
                out.push(c);
            }
        }
        out
    }

    /// 1-based line and column in the original file of a projected offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.file.line_col(self.piece.to_file(offset))
    }

    /// The original file's range of a projected range.
    pub fn file_range(&self, range: Range<usize>) -> Range<usize> {
        let a = self.piece.to_file(range.start);
        let b = self.piece.to_file_end(range.end).max(a);
        a..b
    }

    /// A fix for a projected range as an edit of the original file: only
    /// when the range holds the file's bytes as they are, touches no
    /// protected range, and the replacement can be written there for certain.
    pub fn file_edit(
        &self,
        range: Range<usize>,
        replacement: &str,
    ) -> Option<(Range<usize>, String)> {
        let touches = self
            .piece
            .protected
            .iter()
            .any(|p| p.start < range.end.max(range.start + 1) && range.start < p.end);
        if touches {
            return None;
        }
        let at = self.piece.verbatim_range(range)?;
        Some((at, self.escape.escape(replacement)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_through_escapes_and_gaps() {
        // File: `"a\"b"` then `"cd"` on the next line.
        let mut p = Piece::default();
        p.push_verbatim("a", 1);
        p.push_decoded("\"", 2, 2);
        p.push_verbatim("b", 4);
        p.push_verbatim("cd", 8);
        assert_eq!(p.text, "a\"bcd");
        assert_eq!(p.to_file(0), 1);
        assert_eq!(p.to_file(1), 2);
        assert_eq!(p.to_file(2), 4);
        assert_eq!(p.to_file(3), 8);
        // The end of "b" is the end of its line's string, not the next line.
        assert_eq!(p.to_file_end(3), 5);
        assert_eq!(p.verbatim_range(3..5), Some(8..10));
        assert_eq!(p.verbatim_range(0..3), None);
    }

    #[test]
    fn po_escape_round_trips_specials() {
        assert_eq!(
            Escape::Po.escape("a\"b\\c\nd").as_deref(),
            Some("a\\\"b\\\\c\\nd")
        );
        assert_eq!(Escape::Xml.escape("a<b&").as_deref(), Some("a&lt;b&amp;"));
        assert_eq!(Escape::Plain.escape("a,b"), None);
        assert_eq!(Escape::Yaml.escape("it's"), None);
        assert_eq!(Escape::Yaml.escape("Olá 10").as_deref(), Some("Olá 10"));
    }

    #[test]
    fn masking_keeps_byte_offsets() {
        let mut p = Piece::default();
        p.push_verbatim("Olá %s é {nome}", 0);
        let o = Origin::new(
            Document::from_text("f", "Olá %s é {nome}"),
            p,
            vec![5..7, 11..17],
            Escape::Po,
        );
        let m = o.masked();
        assert_eq!(m.len(), o.raw().len());
        assert_eq!(m, "Olá __ é ______");
    }
}
