//! The terms of a glossary that one document pair can use. A spelling is
//! found only where the folded text has its first word, so an index from the
//! first word of every spelling to its terms (built once per glossary, one
//! hash per spelling and no trie) and the words of a pair's sentences give
//! the few terms worth a matcher. A pair then costs what its text costs,
//! whatever the size of the glossary.

use super::Glossary;
use super::matcher::{fold_char, fold_into, inflect, normalised};
use super::trie::{is_word, tokens};
use crate::profile::Profile;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::hash_map::Entry;

/// No further entry in a chain.
const END: u32 = u32::MAX;

/// First word of every spelling → the terms with it.
#[derive(Debug, Default)]
pub struct TermIndex {
    /// Hash of a folded first word → its first entry. A collision only adds
    /// a term to look at.
    heads: FxHashMap<u64, u32>,
    /// (term, next entry with the same word).
    entries: Vec<(u32, u32)>,
    /// Terms with a spelling that starts with punctuation: kept for every pair.
    always: Vec<u32>,
}

/// Reads text and spellings as the matcher does ([`fold_into`], then
/// [`tokens`]) and hands on the hash of each word token (a run of
/// alphanumeric folded chars); and the hash of each word's letters run
/// together (a word as [`crate::text::words`] has it, folded with its inner
/// apostrophes and hyphens dropped: what the consistency rule compares).
#[derive(Default)]
struct WordFolder {
    folded: String,
    word: String,
    piece: String,
}

impl WordFolder {
    /// Calls `found` with every token and every word of `text`, as keyed.
    fn keys(&mut self, text: &str, mut found: impl FnMut(&str)) {
        self.folded.clear();
        fold_into(text, &mut self.folded);
        for (a, b) in tokens(&self.folded) {
            let tok = &self.folded[a..b];
            if is_word(tok) {
                found(tok);
            }
        }
        self.word.clear();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            // ASCII letters and digits fold to themselves in lower case.
            if c.is_ascii_alphanumeric() {
                self.word.push(c.to_ascii_lowercase());
                continue;
            }
            if c.is_alphanumeric() {
                self.piece.clear();
                fold_char(c, &mut self.piece);
                self.word
                    .extend(self.piece.chars().filter(|d| d.is_alphanumeric()));
                continue;
            }
            let inner = matches!(c, '\'' | '’' | '-' | '‐')
                && chars.peek().is_some_and(|n| n.is_alphanumeric());
            if !inner && !self.word.is_empty() {
                found(&self.word);
                self.word.clear();
            }
        }
        if !self.word.is_empty() {
            found(&self.word);
        }
    }

    /// `spelling` as the matcher keys it: normalised and folded.
    fn fold(&mut self, spelling: &str) -> &str {
        self.folded.clear();
        fold_into(&normalised(spelling), &mut self.folded);
        &self.folded
    }

    /// The hash of the first token of `spelling` when it is a word; `None`
    /// when the spelling starts with another char (or is blank).
    fn first_token(&mut self, spelling: &str) -> Option<u64> {
        if spelling.is_ascii() {
            // What folding the whole spelling gives for its first token:
            // the leading letters and digits in lower case.
            return ascii_first(spelling);
        }
        let folded = self.fold(spelling);
        let (a, b) = tokens(folded).next()?;
        let first = &folded[a..b];
        is_word(first).then(|| hash(first))
    }

    /// The hash of all alphanumeric folded chars of `spelling` run
    /// together, if they are more than its first token.
    fn squashed(&mut self, spelling: &str) -> Option<u64> {
        if spelling.is_ascii() {
            // Folding ASCII lowers its letters and keeps every byte apart.
            return ascii_squashed(spelling);
        }
        self.word.clear();
        let mut words = 0;
        let mut in_word = false;
        self.folded.clear();
        fold_into(spelling, &mut self.folded);
        for d in self.folded.chars() {
            let alnum = d.is_alphanumeric();
            if alnum {
                self.word.push(d);
                words += usize::from(!in_word);
            }
            in_word = alnum;
        }
        (words > 1).then(|| hash(&self.word))
    }
}

/// One step of the word hash (FxHasher's), over eight bytes.
fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Hashes a word's bytes eight at a time, each chunk OR-ed with `or`
/// (restricted to the bytes present): `0x20` bytes lower ASCII letters and
/// keep digits, so an ASCII spelling is hashed as folded without a copy.
fn hash_or(word: &[u8], or: u64) -> u64 {
    let mut chunks = word.chunks_exact(8);
    let mut h = 0;
    for c in &mut chunks {
        let mut v = [0; 8];
        v.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(v) | or);
    }
    let rest = chunks.remainder();
    if rest.is_empty() {
        return h;
    }
    let v = rest
        .iter()
        .rev()
        .fold(0, |v: u64, &b| (v << 8) | u64::from(b));
    mix(h, v | (or & (u64::MAX >> (64 - 8 * rest.len()))))
}

fn hash(word: &str) -> u64 {
    hash_or(word.as_bytes(), 0)
}

/// The hash of an ASCII spelling's first token as
/// [`WordFolder::first_token`] has it (its leading letters and digits in
/// lower case), without a copy; `None` when it starts with another char.
fn ascii_first(spelling: &str) -> Option<u64> {
    ascii_first_and_rest(spelling).0
}

/// [`ascii_first`], and the bytes after the first token.
fn ascii_first_and_rest(spelling: &str) -> (Option<u64>, &[u8]) {
    let s = match spelling.as_bytes().first() {
        Some(&b) if ALNUM[usize::from(b)] => spelling.as_bytes(),
        _ => spelling.trim_start().as_bytes(),
    };
    // Eight bytes at a time, hashed as `hash_or(token, lower)` hashes them.
    let lower = u64::from_ne_bytes([0x20; 8]);
    let (mut h, mut at) = (0, 0);
    loop {
        let chunk = load8(s, at);
        let stop = non_alnum(chunk);
        if stop == 0 {
            h = mix(h, chunk | lower);
            at += 8;
            continue;
        }
        let n = (stop.trailing_zeros() / 8) as usize;
        if n > 0 {
            h = mix(h, (chunk | lower) & (u64::MAX >> (64 - 8 * n)));
        }
        let rest = s.get(at + n..).unwrap_or_default();
        return ((at + n > 0).then_some(h), rest);
    }
}

/// Up to eight bytes of `s` from `at`, little-endian, zero-padded.
fn load8(s: &[u8], at: usize) -> u64 {
    let rest = s.get(at..).unwrap_or_default();
    if let Some(c) = rest.first_chunk::<8>() {
        return u64::from_le_bytes(*c);
    }
    // The tail of a text of eight bytes or more: its last eight, shifted.
    match s.last_chunk::<8>() {
        Some(c) if !rest.is_empty() => u64::from_le_bytes(*c) >> (8 * (8 - rest.len())),
        _ => rest.iter().rev().fold(0, |v, &b| (v << 8) | u64::from(b)),
    }
}

/// The high bit of every byte of `x` (ASCII, or zero) that is not an ASCII
/// letter or digit: byte ranges compared eight at a time.
fn non_alnum(x: u64) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // High bit set where the byte is at least `c` (bytes below 0x80).
    let at_least = |v: u64, c: u8| ((v | HIGH) - ONES * u64::from(c)) & HIGH;
    let low = x | (ONES * 0x20);
    let letter = at_least(low, b'a') & !at_least(low, b'z' + 1);
    let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
    !(letter | digit) & HIGH
}

/// The [`prefix`] of an ASCII spelling's first token as [`ascii_first`]
/// reads it (lower case, cut at the first other byte); `None` when it has
/// no first token.
fn ascii_first_prefix(spelling: &str) -> Option<usize> {
    let s = match spelling.as_bytes().first() {
        Some(&b) if ALNUM[usize::from(b)] => spelling.as_bytes(),
        _ => spelling.trim_start().as_bytes(),
    };
    let n = s
        .iter()
        .take(PREFIX_BYTES)
        .take_while(|&&b| ALNUM[usize::from(b)])
        .count();
    (n > 0).then(|| prefix(&s[..n]))
}

/// ASCII letters and digits, by byte.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The hash of an ASCII spelling's letters and digits run together, in
/// lower case, as [`WordFolder::squashed`] has it: `None` for one word.
fn ascii_squashed(spelling: &str) -> Option<u64> {
    // Most renderings are one word: words counted before anything is hashed.
    let (mut words, mut in_word) = (0, false);
    for &b in spelling.as_bytes() {
        let alnum = ALNUM[usize::from(b)];
        words += usize::from(alnum && !in_word);
        in_word = alnum;
    }
    if words < 2 {
        return None;
    }
    let word: Vec<u8> = spelling
        .bytes()
        .filter(|&b| ALNUM[usize::from(b)])
        .map(|b| b.to_ascii_lowercase())
        .collect();
    Some(hash_or(&word, 0))
}

/// Calls `found(term, Some(key))` with every key [`TermIndex`] files a
/// term under: the first word of each spelling (source spellings and their
/// inflected forms by `source`'s rules, target ones by `target`'s, as
/// [`super::Matcher::new`] adds them), and the letters run together of the
/// preferred and forbidden ones; `found(term, None)` for a spelling with no
/// first word.
fn each_key(
    g: &Glossary,
    source: &Profile,
    target: &Profile,
    prefixes: Option<&[bool]>,
    mut found: impl FnMut(u32, Option<u64>),
) {
    let mut folder = WordFolder::default();
    for (ti, t) in g.terms.iter().enumerate() {
        let ti = ti as u32;
        let plain = t.source.iter().chain(&t.targets).map(|s| (s, !t.inflected));
        let rules = |i: usize| {
            if i < t.source.len() {
                &source.words.inflections
            } else {
                &target.words.inflections
            }
        };
        for (i, (s, fixed)) in plain.enumerate() {
            // The consistency rule looks the preferred rendering up
            // whole, letters run together.
            spelling_keys(&mut folder, s, i == t.source.len(), prefixes, |k| {
                found(ti, k)
            });
            // An inflected form differs in its last word: only a
            // one-word spelling gets another first word.
            if !fixed && !s.trim().contains(char::is_whitespace) {
                for form in inflect(&normalised(s), rules(i)) {
                    found(ti, folder.first_token(&form));
                }
            }
        }
        for (s, _) in &t.forbidden {
            spelling_keys(&mut folder, s, true, prefixes, |k| found(ti, k));
        }
    }
}

/// The keys of one spelling: its first word (`None` when it has none), and
/// its letters run together when `squashed` and it has more than one word.
/// An ASCII spelling (most) is read once, without a copy. With
/// `prefixes` (of the keys looked for), an ASCII first word whose
/// [`prefix`] is not among them is left out: it could not be found.
fn spelling_keys(
    folder: &mut WordFolder,
    spelling: &str,
    squashed: bool,
    prefixes: Option<&[bool]>,
    mut found: impl FnMut(Option<u64>),
) {
    if !spelling.is_ascii() {
        found(folder.first_token(spelling));
        if squashed && let Some(h) = folder.squashed(spelling) {
            found(Some(h));
        }
        return;
    }
    if let Some(p) = prefixes
        && let Some(k) = ascii_first_prefix(spelling)
        && !p[k]
    {
        // Its first word is not there; its squashed form may be (one
        // word, most renderings, has none).
        let one_word = || {
            trim_ascii_space(spelling)
                .iter()
                .all(|&b| ALNUM[usize::from(b)])
        };
        if squashed
            && !one_word()
            && let Some(h) = ascii_squashed(spelling)
        {
            found(Some(h));
        }
        return;
    }
    let (first, rest) = ascii_first_and_rest(spelling);
    found(first);
    // One word (most renderings) has no squashed form.
    let more = rest.iter().any(|&b| ALNUM[usize::from(b)]);
    if squashed
        && more
        && let Some(h) = ascii_squashed(spelling)
    {
        found(Some(h));
    }
}

/// An ASCII text without the whitespace `str::trim` takes off its ends
/// (tab to carriage return, and space), read as bytes.
fn trim_ascii_space(s: &str) -> &[u8] {
    let b = s.as_bytes();
    let space = |x: &u8| matches!(x, b'\t'..=b'\r' | b' ');
    let start = b.iter().position(|x| !space(x)).unwrap_or(b.len());
    let end = b.iter().rposition(|x| !space(x)).map_or(start, |e| e + 1);
    b.get(start..end).unwrap_or_default()
}

/// The hashes of every token and word of `texts` ([`WordFolder::keys`]).
fn text_keys<'a>(texts: impl IntoIterator<Item = &'a str>) -> FxHashSet<u64> {
    let mut words: FxHashSet<u64> = FxHashSet::default();
    let mut folder = WordFolder::default();
    for t in texts {
        folder.keys(t, |k| {
            words.insert(hash(k));
        });
    }
    words
}

/// Bytes of a key that [`prefix`] reads. Four rather than three: a
/// glossary of many made-up or rare words shares three-letter beginnings
/// with a text's words far more often than four-letter ones.
const PREFIX_BYTES: usize = 4;

/// The first [`PREFIX_BYTES`] bytes of a key, five bits each (ASCII
/// letters and digits keep their case-free bits), as one of 2^20 slots.
fn prefix(key: &[u8]) -> usize {
    let b = |i: usize| usize::from(key.get(i).map_or(0, |b| b & 0x1f));
    (b(0) << 15) | (b(1) << 10) | (b(2) << 5) | b(3)
}

/// [`TermIndex::terms_in`] without an index: every term's keys looked up
/// in the words of `texts`. For a glossary used by one pair only, this
/// costs less than building the index (a look-up a key rather than an
/// insertion, and most first words of ASCII spellings ruled out by their
/// first three bytes before they are hashed).
pub fn scan_terms_in<'a>(
    g: &Glossary,
    source: &Profile,
    target: &Profile,
    texts: impl IntoIterator<Item = &'a str>,
) -> Vec<u32> {
    let texts: Vec<&str> = texts.into_iter().collect();
    let (words, prefixes) = text_words(&texts);
    let mut out = Vec::new();
    each_key(g, source, target, Some(&prefixes), |term, key| {
        if key.is_none_or(|h| words.contains(&h)) && out.last() != Some(&term) {
            out.push(term);
        }
    });
    out
}

/// Texts from which [`text_words`] reads on all cores.
const PARALLEL_TEXTS: usize = 20_000;

/// The hashes of the keys of `texts` and the prefix slots they fill. Many
/// texts are read in parts on all cores and the parts' sets joined: the
/// same sets either way.
fn text_words(texts: &[&str]) -> (FxHashSet<u64>, Vec<bool>) {
    if texts.len() < PARALLEL_TEXTS {
        return read_words(texts);
    }
    use rayon::prelude::*;
    // A few parts per core, so that a slow part does not leave one idle.
    let part = texts
        .len()
        .div_ceil(4 * rayon::current_num_threads().max(1));
    let join = |(mut words, mut prefixes): (FxHashSet<u64>, Vec<bool>), (w, p): (_, Vec<bool>)| {
        words.extend(w);
        for (a, b) in prefixes.iter_mut().zip(p) {
            *a |= b;
        }
        (words, prefixes)
    };
    texts
        .par_chunks(part)
        .map(read_words)
        .reduce_with(join)
        .unwrap_or_else(|| read_words(&[]))
}

/// [`text_words`] on one thread.
fn read_words(texts: &[&str]) -> (FxHashSet<u64>, Vec<bool>) {
    let mut words: FxHashSet<u64> = FxHashSet::default();
    let mut prefixes = vec![false; 1 << (5 * PREFIX_BYTES)];
    let mut folder = WordFolder::default();
    for t in texts {
        folder.keys(t, |k| {
            words.insert(hash(k));
            prefixes[prefix(k.as_bytes())] = true;
        });
    }
    (words, prefixes)
}

impl TermIndex {
    /// Indexes every spelling of `g` (source spellings and their inflected
    /// forms by `source`'s rules, target ones by `target`'s) as
    /// [`super::Matcher::new`] would add it.
    pub fn new(g: &Glossary, source: &Profile, target: &Profile) -> TermIndex {
        let mut index = TermIndex {
            heads: FxHashMap::with_capacity_and_hasher(2 * g.terms.len(), Default::default()),
            entries: Vec::with_capacity(2 * g.terms.len()),
            always: Vec::new(),
        };
        each_key(g, source, target, None, |term, key| match key {
            Some(h) => index.insert(h, term),
            // Starts with punctuation (or is blank): no word to look for.
            None => {
                if index.always.last() != Some(&term) {
                    index.always.push(term);
                }
            }
        });
        index
    }

    fn insert(&mut self, h: u64, term: u32) {
        let at = self.entries.len() as u32;
        match self.heads.entry(h) {
            Entry::Occupied(mut head) => {
                let head = head.get_mut();
                if self
                    .entries
                    .get(*head as usize)
                    .is_some_and(|e| e.0 == term)
                {
                    return;
                }
                self.entries.push((term, *head));
                *head = at;
            }
            Entry::Vacant(slot) => {
                self.entries.push((term, END));
                slot.insert(at);
            }
        }
    }

    /// The terms with a spelling whose first token one of `texts` has, or
    /// whose preferred or forbidden spelling, letters run together, is a
    /// word of theirs, ascending: every term a matcher could find in these
    /// texts or in any text made of them joined by spaces, and every one
    /// the consistency rule could look up.
    pub fn terms_in<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> Vec<u32> {
        let words = text_keys(texts);
        let mut out = self.always.clone();
        for h in words {
            let mut at = self.heads.get(&h).copied().unwrap_or(END);
            while let Some(&(term, next)) = self.entries.get(at as usize) {
                out.push(term);
                at = next;
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_in_parts_are_the_words_read_at_once() {
        let texts: Vec<String> = (0..PARALLEL_TEXTS + 777)
            .map(|k| format!("Ação nº {k} da Câmara, dita «pré-{k}» e d'água {}", k % 97))
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (words, prefixes) = text_words(&texts);
        let (one_words, one_prefixes) = read_words(&texts);
        assert_eq!(words, one_words);
        assert_eq!(prefixes, one_prefixes);
        assert!(words.len() > PARALLEL_TEXTS, "{}", words.len());
    }

    proptest::proptest! {
        #[test]
        fn ascii_trim_is_str_trim(s in "[ \t\n\r\u{b}\u{c}a-z0-9.]{0,12}") {
            proptest::prop_assert_eq!(trim_ascii_space(&s), s.trim().as_bytes());
        }
    }
    use crate::glossary::{Kind, Matcher, Term};

    fn term(source: &str, target: &str) -> Term {
        Term {
            source: smallvec::smallvec![source.into()],
            targets: smallvec::smallvec![target.into()],
            ..Default::default()
        }
    }

    fn profiles() -> (Profile, Profile) {
        (Profile::builtin("pt"), Profile::builtin("en"))
    }

    #[test]
    fn picks_the_terms_whose_first_word_the_text_has() {
        let g = Glossary::from_terms(vec![
            term("Faixa de Gaza", "Gaza Strip"),
            term("Omã", "Oman"),
            term("Banco Central", "central bank"),
            term("(sic)", "(sic)"),
        ]);
        let (pt, en) = profiles();
        let ix = TermIndex::new(&g, &pt, &en);
        // Accents and case fold; "(sic)" may match anywhere.
        assert_eq!(ix.terms_in(["Ataques na FAIXA de Gaza."]), [0, 3]);
        assert_eq!(ix.terms_in(["Talks in oman", "O BC"]), [1, 3]);
        assert_eq!(ix.terms_in(["the Central Bank"]), [2, 3]);
        assert_eq!(ix.terms_in(["bancos"]), [3]);
    }

    #[test]
    fn one_word_inflected_terms_are_found_by_their_forms() {
        let mut g = Glossary::from_terms(vec![term("eleição", "election")]);
        g.terms[0].inflected = true;
        let (pt, en) = profiles();
        let ix = TermIndex::new(&g, &pt, &en);
        assert_eq!(ix.terms_in(["as eleições"]), [0]);
        assert_eq!(ix.terms_in(["two elections"]), [0]);
        assert!(ix.terms_in(["nada"]).is_empty());
    }

    #[test]
    fn preferred_and_forbidden_spellings_are_found_letters_together() {
        // The consistency rule compares words with their inner hyphens and
        // apostrophes dropped: "Al-Assad" in the text is "AlAssad".
        let mut g = Glossary::from_terms(vec![
            term("Assad", "AlAssad"),
            term("Ormuz", "Hormuz"),
            term("Gaza", "Gaza"),
        ]);
        g.terms[1].forbidden = vec![("O Brien".into(), "Hormuz".into())];
        let (pt, en) = profiles();
        let ix = TermIndex::new(&g, &pt, &en);
        assert_eq!(ix.terms_in(["President Al-Assad"]), [0]);
        assert_eq!(ix.terms_in(["Mr O'Brien"]), [1]);
        // A mark that is no letter ends a word ("Gaza") though the folded
        // token runs on ("gazax"): the word counts.
        assert_eq!(ix.terms_in(["Gaza\u{301}x"]), [2]);
        assert!(ix.terms_in(["Gazax"]).is_empty());
    }

    /// A pseudo-word from a number.
    fn word(mut i: usize) -> String {
        let syl = ["ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ru"];
        let mut w = String::new();
        loop {
            w.push_str(syl[i % syl.len()]);
            i /= syl.len();
            if i == 0 {
                return w;
            }
        }
    }

    #[test]
    fn a_pair_matcher_finds_what_the_whole_matcher_finds() {
        let (pt, en) = profiles();
        let mut terms: Vec<Term> = (0..3_000)
            .map(|i| {
                let mut t = term(&format!("{} {}", word(i), word(i + 1)), &word(i * 7));
                t.forbidden = vec![(format!("x{}", word(i)), word(i * 7))];
                t.inflected = i % 3 == 0;
                t
            })
            .collect();
        terms.push(term("ministro", "minister"));
        terms.last_mut().unwrap().inflected = true;
        terms.push(term("U.S.", "EUA"));
        let g = Glossary::from_terms(terms);
        let texts = [
            format!("O {} {} e os ministros.", word(12), word(13)),
            format!("The {} and x{}, ministers; U.S.", word(84), word(40)),
        ];
        let whole = Matcher::new(&g, &pt, &en);
        let ids = TermIndex::new(&g, &pt, &en).terms_in(texts.iter().map(String::as_str));
        assert!(ids.len() < 10, "{ids:?}");
        let scanned = scan_terms_in(&g, &pt, &en, texts.iter().map(String::as_str));
        assert_eq!(scanned, ids);
        let part = Matcher::of_terms(&g, ids, &pt, &en);
        let joined = texts.join(" ");
        for t in texts.iter().chain([&joined]) {
            let (a, b) = (whole.find(t), part.find(t));
            assert_eq!(a, b, "{t}");
            assert!(a.iter().any(|m| m.kind == Kind::Source));
        }
    }

    /// Pieces of spellings and texts: ASCII and accented words, letters
    /// whose folding changes length or case (ß, İ, ǅ, a combining accent),
    /// and the whitespace and punctuation terms and words are cut at.
    const PIECES: &[&str] = &[
        "ba", "Ce", "ção", "É", "di", "DI", "ß", "İ", "ǅ", "e\u{301}", "\u{301}", "ão", "s", "1",
        " ", "  ", "\n", "-", "'", "’", ".", "(", ")", ",",
    ];

    fn spelling() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 1..6).prop_map(|v| v.concat())
    }

    use proptest::prelude::*;

    proptest! {
        /// The ASCII shortcuts hash what folding the spelling gives.
        #[test]
        fn ascii_keys_hash_the_folded_spelling(s in "[ -~\t]{0,40}") {
            let mut folded = String::new();
            fold_into(&normalised(&s), &mut folded);
            let first = tokens(&folded)
                .next()
                .map(|(a, b)| &folded[a..b])
                .filter(|t| is_word(t))
                .map(hash);
            prop_assert_eq!(ascii_first(&s), first);
            let squashed: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
            let words = folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count();
            prop_assert_eq!(ascii_squashed(&s), (words > 1).then(|| hash(&squashed)));
        }

        /// The index never leaves out a term the whole matcher finds in a
        /// pair's texts or in the texts joined.
        #[test]
        fn select_never_drops_a_term_the_matcher_finds(
            terms in proptest::collection::vec(
                (spelling(), spelling(), proptest::option::of(spelling()), any::<bool>()),
                1..12,
            ),
            texts in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(PIECES), 0..24)
                    .prop_map(|v| v.concat()),
                1..3,
            ),
        ) {
            let (pt, en) = profiles();
            let g = Glossary::from_terms(
                terms
                    .into_iter()
                    .map(|(s, t, bad, inflected)| Term {
                        forbidden: bad.map(|b| (b, t.clone())).into_iter().collect(),
                        inflected,
                        ..term(&s, &t)
                    })
                    .collect(),
            );
            let whole = Matcher::new(&g, &pt, &en);
            let ids = TermIndex::new(&g, &pt, &en).terms_in(texts.iter().map(String::as_str));
            let scanned = scan_terms_in(&g, &pt, &en, texts.iter().map(String::as_str));
            prop_assert_eq!(&scanned, &ids);
            let part = Matcher::of_terms(&g, ids, &pt, &en);
            let joined = texts.join(" ");
            for t in texts.iter().chain([&joined]) {
                prop_assert_eq!(whole.find(t), part.find(t), "{:?}", t);
            }
        }
    }
}
