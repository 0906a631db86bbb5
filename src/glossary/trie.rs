//! A trie over the tokens of folded spellings, for finding glossary terms.
//!
//! Terms match whole words only, so a match starts and ends where a token
//! does: a token is a run of alphanumeric chars or one other char (space,
//! punctuation). Walking tokens from each token start costs hash look-ups
//! for the tokens the text has, whatever the size of the glossary; building
//! it costs one insertion per token of each spelling. An Aho–Corasick
//! automaton over 100,000 spellings took seconds to build.

use rustc_hash::FxHashMap;

/// No spelling ends at this node.
const NONE: u32 = u32::MAX;

/// Token ids below this are ASCII bytes; the vocabulary's come after.
const ASCII_IDS: u32 = 128;

#[derive(Debug, Default)]
pub struct WordTrie {
    /// Token text → token id, for tokens longer than one ASCII byte.
    vocab: FxHashMap<Box<str>, u32>,
    /// (node, token id) → child node; node 0 is the root.
    edges: FxHashMap<(u32, u32), u32>,
    /// The spelling id ending at each node, or `NONE`.
    ends: Vec<u32>,
    /// Bit `b` set when a spelling starts with the one-byte token `b`:
    /// spaces and most punctuation start none, so a text's walk skips
    /// them without a look-up.
    root_ascii: u128,
}

/// The tokens of `s` as byte ranges: alphanumeric runs and single other chars.
pub fn tokens(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = s.get(at..)?;
        let c = rest.chars().next()?;
        let start = at;
        at += if c.is_alphanumeric() {
            word_len(rest)
        } else {
            c.len_utf8()
        };
        Some((start, at))
    })
}

/// Byte length of the alphanumeric run `s` starts with: ASCII bytes a
/// byte at a time, other chars decoded.
fn word_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        match s.get(i..).and_then(|r| r.chars().next()) {
            Some(c) if !c.is_ascii() && c.is_alphanumeric() => i += c.len_utf8(),
            _ => return i,
        }
    }
}

/// Whether a token of [`tokens`] is a word (an alphanumeric run).
pub fn is_word(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_alphanumeric)
}

impl WordTrie {
    pub fn new() -> WordTrie {
        WordTrie {
            ends: vec![NONE],
            ..Default::default()
        }
    }

    /// A trie with room for about `spellings` two-word spellings, so that
    /// building a large one does not rehash its maps over and over.
    pub fn with_capacity(spellings: usize) -> WordTrie {
        let mut t = WordTrie::new();
        t.vocab.reserve(spellings);
        t.edges.reserve(3 * spellings);
        t.ends.reserve(3 * spellings);
        t
    }

    /// Adds a (folded) spelling with id `id`; returns the id the spelling
    /// has: `id`, or the earlier one if it was added before. An empty
    /// spelling is not added (`None`).
    pub fn insert(&mut self, spelling: &str, id: u32) -> Option<u32> {
        let mut node = 0u32;
        for (a, b) in tokens(spelling) {
            let tok = &spelling[a..b];
            let t = match self.token_id(tok) {
                Some(t) => t,
                None => {
                    let t = ASCII_IDS + self.vocab.len() as u32;
                    self.vocab.insert(tok.into(), t);
                    t
                }
            };
            let next_node = self.ends.len() as u32;
            if node == 0 && t < ASCII_IDS {
                self.root_ascii |= 1 << t;
            }
            node = *self.edges.entry((node, t)).or_insert_with(|| next_node);
            if node == next_node {
                self.ends.push(NONE);
            }
        }
        if node == 0 {
            return None;
        }
        let end = &mut self.ends[node as usize];
        if *end == NONE {
            *end = id;
        }
        Some(*end)
    }

    /// A one-byte token (space, punctuation, a digit) is its own id, with
    /// no look-up: multi-word spellings have one between every two words.
    fn token_id(&self, tok: &str) -> Option<u32> {
        match tok.as_bytes() {
            &[b] if b.is_ascii() => Some(u32::from(b)),
            _ => self.vocab.get(tok).copied(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    /// Calls `found(start, end, id)` for every spelling that starts at a
    /// token start of `text` and ends at a token end, overlapping ones
    /// included, in order of start and then end.
    pub fn for_each_match(&self, text: &str, mut found: impl FnMut(usize, usize, u32)) {
        if self.is_empty() {
            return;
        }
        let toks: Vec<(usize, usize)> = tokens(text).collect();
        let bytes = text.as_bytes();
        for i in 0..toks.len() {
            let (a, b) = toks[i];
            if b == a + 1 && bytes[a] < 0x80 && self.root_ascii & (1 << bytes[a]) == 0 {
                continue;
            }
            let mut node = 0u32;
            for &(a, b) in &toks[i..] {
                let Some(t) = self.token_id(&text[a..b]) else {
                    break;
                };
                let Some(&child) = self.edges.get(&(node, t)) else {
                    break;
                };
                node = child;
                let id = self.ends[node as usize];
                if id != NONE {
                    found(toks[i].0, b, id);
                }
            }
        }
    }

    /// Leftmost-longest matches, not overlapping.
    pub fn leftmost_longest(&self, text: &str) -> Vec<(usize, usize, u32)> {
        let mut out: Vec<(usize, usize, u32)> = Vec::new();
        self.for_each_match(text, |s, e, id| match out.last_mut() {
            // A longer match from the same start replaces the shorter one.
            Some(last) if last.0 == s => *last = (s, e, id),
            Some(last) if s < last.1 => {}
            _ => out.push((s, e, id)),
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trie(words: &[&str]) -> WordTrie {
        let mut t = WordTrie::new();
        for (i, w) in words.iter().enumerate() {
            t.insert(w, i as u32);
        }
        t
    }

    fn all(t: &WordTrie, text: &str) -> Vec<(String, u32)> {
        let mut out = Vec::new();
        t.for_each_match(text, |s, e, id| out.push((text[s..e].to_string(), id)));
        out
    }

    #[test]
    fn tokens_are_word_runs_and_single_other_chars() {
        let s = "faixa de gaza, u.s.";
        let t: Vec<&str> = tokens(s).map(|(a, b)| &s[a..b]).collect();
        assert_eq!(
            t,
            [
                "faixa", " ", "de", " ", "gaza", ",", " ", "u", ".", "s", "."
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn tokens_are_char_runs(s in "[a-zA-Z0-9 .,'\\-éÇß1٣ǅ\u{301}\u{2160}]{0,12}") {
            // The definition, a char at a time.
            let mut want: Vec<(usize, usize)> = Vec::new();
            for (i, c) in s.char_indices() {
                let end = i + c.len_utf8();
                match want.last_mut() {
                    Some(last) if last.1 == i && c.is_alphanumeric()
                        && s[last.0..].chars().next().is_some_and(char::is_alphanumeric) =>
                    {
                        last.1 = end;
                    }
                    _ => want.push((i, end)),
                }
            }
            proptest::prop_assert_eq!(tokens(&s).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn finds_whole_words_and_overlapping_terms() {
        let t = trie(&["banco central", "banco central europeu", "ira"]);
        assert_eq!(
            all(&t, "o banco central europeu e mira ira"),
            [
                ("banco central".to_string(), 0),
                ("banco central europeu".to_string(), 1),
                ("ira".to_string(), 2)
            ]
        );
        assert!(all(&t, "iran irao").is_empty());
    }

    #[test]
    fn duplicate_spellings_keep_the_first_id() {
        let mut t = WordTrie::new();
        assert_eq!(t.insert("oman", 0), Some(0));
        assert_eq!(t.insert("oman", 5), Some(0));
        assert_eq!(t.insert("", 6), None);
        assert_eq!(all(&t, "oman"), [("oman".to_string(), 0)]);
    }

    #[test]
    fn leftmost_longest_does_not_overlap() {
        let t = trie(&["banco central", "banco central europeu", "central"]);
        let text = "banco central europeu central";
        let got: Vec<&str> = t
            .leftmost_longest(text)
            .iter()
            .map(|&(s, e, _)| &text[s..e])
            .collect();
        assert_eq!(got, ["banco central europeu", "central"]);
    }

    #[test]
    fn terms_with_punctuation_match() {
        let t = trie(&["u.s.", "'s", "c++"]);
        assert_eq!(all(&t, "the u.s. and bob's c++").len(), 3);
    }
}
