//! Sentence segmentation: rule-based, driven by the language profile.
//! Owns [`Segment`] and the splitting of a [`Document`] into sentences.

use crate::input::Document;
use crate::profile::Profile;
use serde::Serialize;

/// One sentence: a byte span into [`Document::text`], with its place in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Byte offsets into the normalised text; `text[start..end]` is trimmed.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (characters) of `start` in the file.
    pub line: usize,
    pub column: usize,
    /// 0-based paragraph number (blocks separated by blank lines).
    pub paragraph: usize,
}

impl Segment {
    pub fn text<'a>(&self, doc: &'a Document) -> &'a str {
        &doc.text[self.start..self.end]
    }
}

/// Splits a document into sentences. A paragraph break always ends a sentence.
pub fn segment(doc: &Document, profile: &Profile) -> Vec<Segment> {
    let _ = profile;
    // Placeholder splitter: one segment per non-empty line.
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut pos = 0;
    let mut blank = false;
    for line in doc.text.split_inclusive('\n') {
        let t = line.trim();
        if t.is_empty() {
            if !out.is_empty() {
                blank = true;
            }
        } else {
            if blank {
                paragraph += 1;
                blank = false;
            }
            let lead = line.len() - line.trim_start().len();
            let start = pos + lead;
            let end = start + t.len();
            let (l, c) = doc.line_col(start);
            out.push(Segment {
                start,
                end,
                line: l,
                column: c,
                paragraph,
            });
        }
        pos += line.len();
    }
    out
}

/// Reads a presegmented file: one sentence per line; blank lines are ignored and
/// a line `<p>` marks a paragraph break.
pub fn presegmented(doc: &Document) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut pos = 0;
    for line in doc.text.split_inclusive('\n') {
        let t = line.trim();
        if t == "<p>" {
            if !out.is_empty() {
                paragraph += 1;
            }
        } else if !t.is_empty() {
            let lead = line.len() - line.trim_start().len();
            let start = pos + lead;
            let (l, c) = doc.line_col(start);
            out.push(Segment {
                start,
                end: start + t.len(),
                line: l,
                column: c,
                paragraph,
            });
        }
        pos += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presegmented_skips_blank_and_marks_paragraphs() {
        let d = Document::from_text("x", "a\n\nb\n<p>\nc\n");
        let s = presegmented(&d);
        assert_eq!(s.len(), 3);
        assert_eq!(s[2].paragraph, 1);
        assert_eq!(s[2].text(&d), "c");
    }
}
