//! Small text helpers shared by the pipeline: accent and case folding,
//! word tokens, and offset arithmetic.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases and strips diacritics: `Irã` → `ira`, `Teerão` → `teerao`.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Nothing to decompose: the common case, without the NFD pass.
        return s.to_ascii_lowercase();
    }
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// 1-based line and column (in characters) of a byte offset in `s`.
pub fn line_col_of(s: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(s.len());
    while !s.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &s[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Line starts of a text, for many [`line_col_of`] look-ups: each costs a
/// binary search and the column's characters, not a rescan from the start.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(s: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(line_starts_after_newlines(s));
        LineIndex { starts }
    }

    /// Same as [`line_col_of`] on the text this index was built from.
    pub fn line_col(&self, s: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(s.len());
        while !s.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&x| x <= offset);
        let start = self.starts[line - 1];
        (line, s[start..offset].chars().count() + 1)
    }
}

fn line_starts_after_newlines(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i + 1)
}

/// A word token: a maximal run of letters, digits, and inner apostrophes
/// or hyphens, as a byte range into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// Splits text into word tokens. Inner `'`, `’` and `-` stay inside a word
/// (`d’água`, `Al-Busaidi`); digits group with letters (`F-35`, `G7`).
pub fn words(s: &str) -> Vec<Word<'_>> {
    word_iter(s).collect()
}

/// The tokens of [`words`] one at a time, for a caller that only walks
/// them: a whole document's words are never held in a vector.
pub fn word_iter(s: &str) -> WordIter<'_> {
    WordIter {
        s,
        chars: s.char_indices().peekable(),
    }
}

/// Iterator behind [`word_iter`].
pub struct WordIter<'a> {
    s: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
}

impl<'a> Iterator for WordIter<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let mut start: Option<usize> = None;
        while let Some((i, c)) = self.chars.next() {
            let inner = matches!(c, '\'' | '’' | '-' | '‐')
                && start.is_some()
                && self.chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
            if c.is_alphanumeric() || inner {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(st) = start {
                return Some(Word {
                    start: st,
                    end: i,
                    text: &self.s[st..i],
                });
            }
        }
        start.map(|st| Word {
            start: st,
            end: self.s.len(),
            text: &self.s[st..],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_accents_and_case() {
        assert_eq!(fold("Teerão"), "teerao");
        assert_eq!(fold("ÇÃO"), "cao");
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let w: Vec<_> = words("d’água, Al-Busaidi e F-35 - fim.")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["d’água", "Al-Busaidi", "e", "F-35", "fim"]);
    }

    #[test]
    fn line_col_counts_chars() {
        assert_eq!(line_col_of("ab\nçd", 5), (2, 2));
    }

    #[test]
    fn line_index_agrees_with_line_col_of() {
        let s = "ab\nçd\n\nx\r\nyz";
        let idx = LineIndex::new(s);
        for off in 0..=s.len() + 2 {
            assert_eq!(idx.line_col(s, off), line_col_of(s, off), "{off}");
        }
    }
}
