//! Small text helpers shared by the pipeline: accent and case folding,
//! word tokens, and offset arithmetic.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Whether `phrase` occurs in `text` as whole words.
pub(crate) fn contains_phrase(text: &str, phrase: &str) -> bool {
    let phrase = phrase.trim();
    !phrase.is_empty()
        && text.match_indices(phrase).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + phrase.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
}

/// Lower-cases and strips diacritics: `Irã` → `ira`, `Teerão` → `teerao`.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Nothing to decompose: the common case, without the NFD pass.
        return s.to_ascii_lowercase();
    }
    let mut out = String::new();
    fold_into(s, &mut out);
    out
}

/// The start of [`fold`]`(s)`, at least `need` bytes of it when it is that
/// long: the fold of a head of `s` cut before an ASCII char (the fold of
/// the whole is the head's then the rest's: no mark reorders across an
/// ASCII char), so a sentence's first words are folded, not all of it.
pub fn fold_head(s: &str, need: usize) -> String {
    let mut want = need;
    loop {
        let Some(cut) = s
            .as_bytes()
            .get(want..)
            .and_then(|b| b.iter().position(u8::is_ascii))
        else {
            return fold(s);
        };
        let folded = fold(&s[..want + cut]);
        if folded.len() >= need {
            return folded;
        }
        want = 2 * (want + cut) + 1;
    }
}

/// [`fold`] into `out`, replacing what it held: a caller folding word
/// after word reuses one buffer.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
        return;
    }
    // Accented Latin letters and typographic punctuation (most non-ASCII
    // chars of the languages profiled: ã, ç, ’, “, —) fold through a
    // table; any other char takes the whole text through the
    // decomposition.
    let start = out.len();
    for c in s.chars() {
        match fold_latin(c) {
            Some(f) => out.push(f),
            None => {
                out.truncate(start);
                out.extend(
                    s.nfd()
                        .filter(|c| !is_combining_mark(*c))
                        .flat_map(char::to_lowercase),
                );
                return;
            }
        }
    }
}

/// First char past the table of [`fold_latin`]: Latin-1 Supplement, Latin
/// Extended-A and -B, Greek, Cyrillic, … up to General Punctuation (the
/// curly quotes and dashes of most texts).
const LATIN_END: u32 = 0x2070;

/// The folded form of `c` when it is one char (`Ã` → `a`, `ç` → `c`) and
/// `c` lies below [`LATIN_END`]: ASCII lowered, the rest from a table made
/// once by the decomposition itself, so that it folds as [`fold`] does.
pub fn fold_latin(c: char) -> Option<char> {
    static TABLE: std::sync::LazyLock<Vec<Option<char>>> = std::sync::LazyLock::new(|| {
        (0..LATIN_END)
            .map(|u| {
                let c = char::from_u32(u)?;
                let mut folded = std::iter::once(c)
                    .nfd()
                    .filter(|d| !is_combining_mark(*d))
                    .flat_map(char::to_lowercase);
                let first = folded.next()?;
                folded.next().is_none().then_some(first)
            })
            .collect()
    });
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    TABLE.get(c as usize).copied().flatten()
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
    WordIter { s, pos: 0 }
}

/// The last word of [`word_iter`], read from the end: no word holds a
/// space, so the words after a space are the same whether the walk starts
/// there or at the beginning.
pub fn last_word(s: &str) -> Option<Word<'_>> {
    let mut end = s.len();
    loop {
        let k = s[..end]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        if let Some(w) = word_iter(&s[k..]).last() {
            return Some(Word {
                start: k + w.start,
                end: k + w.end,
                text: w.text,
            });
        }
        if k == 0 {
            return None;
        }
        end = s[..k].char_indices().next_back().map_or(0, |(i, _)| i);
    }
}

/// Iterator behind [`word_iter`]: walks bytes, decoding only non-ASCII
/// characters (most words of most texts are ASCII; every rule reads them).
pub struct WordIter<'a> {
    s: &'a str,
    pos: usize,
}

/// The character at byte `i` of `s` and its length.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
        Some(_) => s.get(i..)?.chars().next().map(|c| (c, c.len_utf8())),
        None => None,
    }
}

/// ASCII letters and digits, by byte: one load per byte of a word.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// `char::is_alphanumeric`, with the accented letters of Latin-1 and Latin
/// Extended-A and -B answered by range (the Unicode tables' look-up cost
/// more than the rest of a word's walk).
#[inline]
fn is_alnum(c: char) -> bool {
    match c as u32 {
        0..=0x7f => ASCII_ALNUM[c as usize],
        0xc0..=0x24f => !matches!(c, '×' | '÷'),
        _ => c.is_alphanumeric(),
    }
}

impl<'a> Iterator for WordIter<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let (s, b) = (self.s, self.s.as_bytes());
        // The position is kept in a local and stored once per word.
        let mut pos = self.pos;
        // The first letter or digit.
        let start = loop {
            let Some(&x) = b.get(pos) else {
                self.pos = pos;
                return None;
            };
            if x.is_ascii() {
                pos += 1;
                if ASCII_ALNUM[x as usize] {
                    break pos - 1;
                }
                continue;
            }
            let Some((c, len)) = char_at(s, pos) else {
                self.pos = b.len();
                return None;
            };
            pos += len;
            if is_alnum(c) {
                break pos - len;
            }
        };
        // Up to the first character that is neither a letter or digit nor
        // an apostrophe or hyphen before one.
        loop {
            let Some(&x) = b.get(pos) else {
                self.pos = pos;
                return Some(Word {
                    start,
                    end: s.len(),
                    text: &s[start..],
                });
            };
            if ASCII_ALNUM[x as usize] {
                pos += 1;
                continue;
            }
            let i = pos;
            let Some((c, len)) = char_at(s, i) else {
                self.pos = b.len();
                return None;
            };
            pos += len;
            let inner = matches!(c, '\'' | '’' | '-' | '‐')
                && char_at(s, pos).is_some_and(|(n, _)| is_alnum(n));
            if !(is_alnum(c) || inner) {
                self.pos = pos;
                return Some(Word {
                    start,
                    end: i,
                    text: &s[start..i],
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_table_folds_as_the_decomposition() {
        for u in 0..LATIN_END + 10 {
            let Some(c) = char::from_u32(u) else { continue };
            let slow: String = std::iter::once(c)
                .nfd()
                .filter(|d| !is_combining_mark(*d))
                .flat_map(char::to_lowercase)
                .collect();
            if let Some(f) = fold_latin(c) {
                assert_eq!(f.to_string(), slow, "U+{u:04X}");
            }
        }
        assert_eq!(fold_latin('Ã'), Some('a'));
        assert_eq!(fold_latin('ç'), Some('c'));
    }

    #[test]
    fn last_word_by_hand() {
        assert_eq!(
            last_word("O contrato de 2029.").map(|w| w.text),
            Some("2029")
        );
        assert_eq!(last_word("d’água — ").map(|w| w.text), Some("d’água"));
        assert_eq!(
            last_word("U.S. ...").map(|w| (w.start, w.text)),
            Some((2, "S"))
        );
        assert_eq!(last_word("  \u{a0}- ").map(|w| w.text), None);
        assert_eq!(last_word(""), None);
    }

    /// The walk as first written, char by char: what [`word_iter`] must give.
    fn words_by_chars(s: &str) -> Vec<Word<'_>> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut out = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            if !chars[k].1.is_alphanumeric() {
                k += 1;
                continue;
            }
            let start = chars[k].0;
            let mut e = k + 1;
            while e < chars.len() {
                let c = chars[e].1;
                let inner = matches!(c, '\'' | '’' | '-' | '‐')
                    && chars.get(e + 1).is_some_and(|n| n.1.is_alphanumeric());
                if !(c.is_alphanumeric() || inner) {
                    break;
                }
                e += 1;
            }
            let end = chars.get(e).map_or(s.len(), |c| c.0);
            out.push(Word {
                start,
                end,
                text: &s[start..end],
            });
            k = e + 1;
        }
        out
    }

    #[test]
    fn latin_letters_by_range_are_the_unicode_tables() {
        for u in 0..0x400 {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "U+{u:04X}");
        }
    }

    #[test]
    fn words_by_hand() {
        let w: Vec<&str> = word_iter("d’água, Al-Busaidi -x F-35 ×2 São-Tomé' ²")
            .map(|w| w.text)
            .collect();
        assert_eq!(
            w,
            ["d’água", "Al-Busaidi", "x", "F-35", "2", "São-Tomé", "²"]
        );
        let mut it = word_iter("ab ");
        assert_eq!(it.next().map(|w| w.text), Some("ab"));
        assert_eq!(it.next(), None);
        assert_eq!(it.next(), None);
    }

    proptest::proptest! {
        #[test]
        fn byte_walk_is_the_char_walk(s in "[a-zA-Z0-9ãÉçß×÷ªºµ²ǅ Ωя\u{a0}\t.,'’‐-]{0,24}") {
            proptest::prop_assert_eq!(words(&s), words_by_chars(&s));
        }

        #[test]
        fn last_word_is_the_walks_last(s in "[a-zA-Zã0-9 \u{a0}\t.,'’-]{0,16}") {
            proptest::prop_assert_eq!(last_word(&s), word_iter(&s).last());
        }

        #[test]
        fn fold_is_the_decomposition(s in "[a-zA-Z ÃãÇçÉéÔôÕõÜüßŒœǅ\u{301}\u{327}Ωἀ]{0,12}") {
            let slow: String = s
                .nfd()
                .filter(|c| !is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .collect();
            proptest::prop_assert_eq!(fold(&s), slow);
        }

        /// The head is where the whole fold starts, and long enough.
        #[test]
        fn fold_head_starts_the_fold(s in "[a-zA-Z ÃãÇçÉéÕõßœǅ\u{301}\u{327}Ωἀ]{0,16}", need in 0usize..12) {
            let (head, whole) = (fold_head(&s, need), fold(&s));
            proptest::prop_assert!(whole.starts_with(&head), "{head:?} {whole:?}");
            proptest::prop_assert!(head.len() >= need.min(whole.len()));
        }
    }

    #[test]
    fn fold_head_folds_the_first_words_only() {
        assert_eq!(fold_head("Leia também: o Irã", 5), "leia ");
        assert_eq!(fold_head("Ação pública", 3), "aca");
        assert_eq!(fold_head("ÃÃÃ", 2), "aaa");
        assert_eq!(fold_head("Ab", 0), "");
    }

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
    fn words_end_at_any_non_word_character() {
        let w: Vec<_> = words("x’ -y a-- b' ç’ã São—Paulo ’a 9‐9")
            .into_iter()
            .map(|w| (w.start, w.text))
            .collect();
        assert_eq!(
            w,
            [
                (0, "x"),
                (6, "y"),
                (8, "a"),
                (12, "b"),
                (15, "ç’ã"),
                (23, "São"),
                (30, "Paulo"),
                (39, "a"),
                (41, "9‐9")
            ]
        );
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
