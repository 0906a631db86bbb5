//! Finding glossary terms in text: one pass of a word trie
//! ([`super::trie::WordTrie`]) over a folded copy of the text (lower case, no
//! accents), with a byte map back to the original. Matches are whole words; multi-word terms match across any
//! whitespace. Accent-exact and accent-folded matches are told apart.

use super::Glossary;
use super::trie::WordTrie;
use crate::profile::Profile;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Which list of a term a spelling comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Source,
    Target,
    Forbidden,
}

#[derive(Debug, Clone)]
struct Entry {
    term: usize,
    kind: Kind,
    /// Index into the term's list of that kind.
    index: usize,
    /// The spelling as written (or its inflected form), whitespace normalised.
    spelling: String,
    case_sensitive: bool,
    inflected: bool,
}

/// One occurrence of a glossary spelling in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub term: usize,
    pub kind: Kind,
    pub index: usize,
    /// Byte range in the searched text.
    pub start: usize,
    pub end: usize,
    /// The text has the spelling's accents (case aside).
    pub accent_exact: bool,
    /// Matched through an inflected form (plural, gender).
    pub inflected: bool,
}

/// All spellings of a glossary (or of some of its terms) in one trie.
#[derive(Debug)]
pub struct Matcher {
    trie: WordTrie,
    /// Entries per trie spelling id (several spellings may fold alike).
    entries: Entries,
    /// The terms whose spellings it holds, in order.
    terms: Vec<u32>,
}

/// Entries per spelling id in one flat list, each spelling's chained in
/// order of insertion: no small list per spelling to allocate.
#[derive(Debug, Default)]
struct Entries {
    /// First and last entry of each spelling id.
    ends: Vec<(u32, u32)>,
    items: Vec<Entry>,
    /// The next entry of the same spelling, or `u32::MAX`.
    next: Vec<u32>,
}

impl Entries {
    fn with_capacity(n: usize) -> Entries {
        Entries {
            ends: Vec::with_capacity(n),
            items: Vec::with_capacity(n),
            next: Vec::with_capacity(n),
        }
    }

    fn slots(&self) -> usize {
        self.ends.len()
    }

    fn iter(&self, slot: usize) -> impl Iterator<Item = &Entry> {
        let mut i = self.ends.get(slot).map_or(u32::MAX, |e| e.0);
        std::iter::from_fn(move || {
            let e = self.items.get(i as usize)?;
            i = self.next.get(i as usize).copied().unwrap_or(u32::MAX);
            Some(e)
        })
    }

    /// Adds `e` to spelling `slot` (a new slot is the next one) unless the
    /// slot has the same spelling of the same term and kind.
    fn push(&mut self, slot: usize, e: Entry) {
        if self
            .iter(slot)
            .any(|x| x.term == e.term && x.kind == e.kind && x.spelling == e.spelling)
        {
            return;
        }
        let i = self.items.len() as u32;
        self.items.push(e);
        self.next.push(u32::MAX);
        match self.ends.get_mut(slot) {
            Some(ends) => {
                if let Some(n) = self.next.get_mut(ends.1 as usize) {
                    *n = i;
                }
                ends.1 = i;
            }
            None => self.ends.push((i, i)),
        }
    }
}

impl Matcher {
    /// Builds the automaton: source spellings (inflected by the source
    /// profile's rules), target and forbidden spellings (target profile).
    pub fn new(g: &Glossary, source: &Profile, target: &Profile) -> Matcher {
        Matcher::of_terms(g, (0..g.terms.len() as u32).collect(), source, target)
    }

    /// [`Matcher::new`] over the terms `ids` of `g` only (ascending); matches
    /// still name terms by their index in `g`.
    pub fn of_terms(g: &Glossary, ids: Vec<u32>, source: &Profile, target: &Profile) -> Matcher {
        // Most terms have one source and one target spelling.
        let mut trie = WordTrie::with_capacity(2 * ids.len());
        let mut entries = Entries::with_capacity(2 * ids.len());
        let mut add = |e: Entry| {
            let key = fold_str(&e.spelling);
            if key.trim().is_empty() {
                return;
            }
            let Some(slot) = trie.insert(&key, entries.slots() as u32) else {
                return;
            };
            entries.push(slot as usize, e);
        };
        for (ti, t) in ids
            .iter()
            .filter_map(|&i| Some((i as usize, g.terms.get(i as usize)?)))
        {
            let spellings = (t.source.iter().enumerate())
                .map(|(i, s)| (Kind::Source, i, s.as_str(), source))
                .chain(
                    (t.targets.iter().enumerate())
                        .map(|(i, s)| (Kind::Target, i, s.as_str(), target)),
                )
                .chain(
                    (t.forbidden.iter().enumerate())
                        .map(|(i, f)| (Kind::Forbidden, i, f.0.as_str(), target)),
                );
            for (kind, index, s, profile) in spellings {
                let s = normalise_spelling(s);
                let cs = t.case_sensitive || is_acronym(&s);
                let forms = if t.inflected && kind != Kind::Forbidden {
                    inflect(&s, &profile.words.inflections)
                } else {
                    Vec::new()
                };
                add(Entry {
                    term: ti,
                    kind,
                    index,
                    spelling: s,
                    case_sensitive: cs,
                    inflected: false,
                });
                for v in forms {
                    add(Entry {
                        term: ti,
                        kind,
                        index,
                        spelling: v,
                        case_sensitive: cs,
                        inflected: true,
                    });
                }
            }
        }
        Matcher {
            trie,
            entries,
            terms: ids,
        }
    }

    /// The terms of the glossary this matcher holds, ascending.
    pub fn term_ids(&self) -> &[u32] {
        &self.terms
    }

    /// A matcher over (source, target) spelling pairs, one term each
    /// (alignment anchors from a list of pairs).
    pub fn from_pairs(pairs: &[(String, String)], source: &Profile, target: &Profile) -> Matcher {
        let terms = pairs
            .iter()
            .map(|(s, t)| super::Term {
                source: smallvec::smallvec![s.clone()],
                targets: smallvec::smallvec![t.clone()],
                ..Default::default()
            })
            .collect();
        Matcher::new(&Glossary::from_terms(terms), source, target)
    }

    /// The terms a text holds through spellings of `kind` (source
    /// spellings, or accepted target renderings), sorted, each once; a
    /// term nested in a longer one gives way to it. The aligner's anchors.
    pub fn terms_in(&self, text: &str, kind: Kind) -> Vec<usize> {
        terms_of(&self.find(text), kind)
    }
}

/// [`Matcher::terms_in`] from a text's matches ([`Matcher::find`]).
pub fn terms_of(found: &[Match], kind: Kind) -> Vec<usize> {
    let found = found.iter().filter(|m| m.kind == kind).cloned();
    let mut terms: Vec<usize> = longest_only(found.collect())
        .into_iter()
        .map(|m| m.term)
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// The matches ([`Matcher::find`]) of every sentence of one side, kept
/// flat: found once for the aligner's anchors, read again by the checks.
#[derive(Debug, Clone, Default)]
pub struct SentenceMatches {
    all: Vec<Match>,
    /// Sentence `s`'s matches end at `end[s]` in `all`.
    end: Vec<usize>,
}

impl SentenceMatches {
    /// Adds the next sentence's matches.
    pub fn push(&mut self, found: &[Match]) {
        self.all.extend_from_slice(found);
        self.end.push(self.all.len());
    }

    /// Sentence `s`'s matches (`None` past the sentences held).
    pub fn get(&self, s: usize) -> Option<&[Match]> {
        let start = if s == 0 { 0 } else { *self.end.get(s - 1)? };
        self.all.get(start..*self.end.get(s)?)
    }

    pub fn len(&self) -> usize {
        self.end.len()
    }

    pub fn is_empty(&self) -> bool {
        self.end.is_empty()
    }

    pub fn shrink_to_fit(&mut self) {
        self.all.shrink_to_fit();
        self.end.shrink_to_fit();
    }
}

impl Matcher {
    /// Every whole-word occurrence of every spelling, in text order
    /// (overlapping matches included).
    pub fn find(&self, text: &str) -> Vec<Match> {
        if self.trie.is_empty() {
            return Vec::new();
        }
        let folded = Folded::new(text);
        let mut hits = Vec::new();
        self.trie
            .for_each_match(&folded.text, |s, e, id| hits.push((s, e, id)));
        let mut out = Vec::new();
        for (fs, fe, id) in hits {
            let Some((start, end)) = folded.original(fs, fe) else {
                continue;
            };
            if !is_word_boundary(text, start, end) {
                continue;
            }
            let Some(found) = text.get(start..end) else {
                continue;
            };
            let found_norm = normalised(found);
            for e in self.entries.iter(id as usize) {
                if e.case_sensitive && strip_accents(&found_norm) != strip_accents(&e.spelling) {
                    continue;
                }
                out.push(Match {
                    term: e.term,
                    kind: e.kind,
                    index: e.index,
                    start,
                    end,
                    accent_exact: same_lowercase(&found_norm, &e.spelling),
                    inflected: e.inflected,
                });
            }
        }
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        out
    }
}

/// `a.to_lowercase() == b.to_lowercase()`, without allocating for ASCII.
fn same_lowercase(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Drops matches lying strictly inside a longer match of the same kind of
/// another term ("Banco Central" inside "Banco Central Europeu"). Sorted by
/// start and swept once per kind, so a long text with many matches stays
/// O(n log n) where comparing every pair was quadratic.
pub fn longest_only(matches: Vec<Match>) -> Vec<Match> {
    let mut keep = vec![true; matches.len()];
    for kind in [Kind::Source, Kind::Target, Kind::Forbidden] {
        let mut order: Vec<usize> = (0..matches.len())
            .filter(|&i| matches[i].kind == kind)
            .collect();
        order.sort_by_key(|&i| matches[i].start);
        // The two longest-reaching ends of distinct terms among the matches
        // that start before the current group, and within the group.
        let mut before = TopTwo::default();
        for group in order.chunk_by(|&a, &b| matches[a].start == matches[b].start) {
            let mut here = TopTwo::default();
            for &i in group {
                here.add(matches[i].end, matches[i].term);
            }
            for &i in group {
                let m = &matches[i];
                // Starting earlier, a cover may end where `m` does; starting
                // with it, it must end later.
                let covered = before.other_than(m.term).is_some_and(|e| e >= m.end)
                    || here.other_than(m.term).is_some_and(|e| e > m.end);
                if covered {
                    keep[i] = false;
                }
            }
            for &i in group {
                before.add(matches[i].end, matches[i].term);
            }
        }
    }
    matches
        .into_iter()
        .zip(keep)
        .filter_map(|(m, k)| k.then_some(m))
        .collect()
}

/// The furthest end seen, with its term, and the furthest end of any other
/// term: enough to tell the furthest end of a term other than a given one.
#[derive(Default)]
struct TopTwo {
    best: Option<(usize, usize)>,
    second: Option<(usize, usize)>,
}

impl TopTwo {
    fn add(&mut self, end: usize, term: usize) {
        match self.best {
            Some((e, t)) if t == term => self.best = Some((e.max(end), t)),
            Some((e, _)) if end > e => {
                self.second = self.best;
                self.best = Some((end, term));
            }
            Some(_) => {
                if self.second.is_none_or(|(e, _)| end > e) {
                    self.second = Some((end, term));
                }
            }
            None => self.best = Some((end, term)),
        }
    }

    /// The furthest end among terms other than `term`.
    fn other_than(&self, term: usize) -> Option<usize> {
        match self.best {
            Some((e, t)) if t != term => Some(e),
            _ => self.second.map(|(e, _)| e),
        }
    }
}

/// Whitespace runs become one space, NFC.
pub(super) fn normalise_spelling(s: &str) -> String {
    normalised(s).into_owned()
}

/// [`normalise_spelling`], borrowed when the spelling is normal already
/// (most are): no copy per spelling when only its folded form is wanted.
pub(super) fn normalised(s: &str) -> std::borrow::Cow<'_, str> {
    let plain = if s.is_ascii() {
        plain_ascii(s.as_bytes())
    } else {
        s.chars().all(|c| c == ' ' || !c.is_whitespace())
            && !s.contains("  ")
            && s.trim() == s
            && unicode_normalization::is_nfc(s)
    };
    if plain {
        return s.into();
    }
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect::<String>()
        .into()
}

/// ASCII text with no whitespace but single spaces between other bytes:
/// [`normalised`] as it is, checked in one pass.
fn plain_ascii(s: &[u8]) -> bool {
    // A space may not come first, after another or last.
    let mut after_space = true;
    for &b in s {
        match b {
            b'\t'..=b'\r' => return false,
            b' ' if after_space => return false,
            b' ' => after_space = true,
            _ => after_space = false,
        }
    }
    !after_space || s.is_empty()
}

/// All-capital spellings (`US`, `WHO`, `U.S.`) match case-sensitively, so
/// that "us" and "who" do not count.
fn is_acronym(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
}

fn strip_accents(s: &str) -> String {
    s.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// Folds one char: whitespace → space, typographic apostrophe → `'`,
/// otherwise lower case without accents.
pub(super) fn fold_char(c: char, out: &mut String) {
    // ASCII has no accents to strip: skip the decomposition.
    if c.is_ascii() && !c.is_whitespace() {
        out.push(c.to_ascii_lowercase());
    } else if c.is_whitespace() {
        out.push(' ');
    } else if c == '’' || c == '‘' {
        out.push('\'');
    } else if let Some(f) = crate::text::fold_latin(c) {
        // Most accented letters: a table look-up, not a decomposition.
        out.push(f);
    } else {
        for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
            out.extend(d.to_lowercase());
        }
    }
}

fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends `s` folded ([`fold_char`] a char at a time) to `out`. With
/// [`super::trie::tokens`] this is how the matcher reads spellings and
/// text; the term index reads them the same way, so that it never leaves
/// out a term the matcher would find.
pub(super) fn fold_into(s: &str, out: &mut String) {
    // ASCII without line breaks or tabs (most spellings) folds to its
    // lower case: copied and lowered in place.
    if s.bytes()
        .all(|b| b.is_ascii() && !(b'\t'..=b'\r').contains(&b))
    {
        let start = out.len();
        out.push_str(s);
        if let Some(new) = out.get_mut(start..) {
            new.make_ascii_lowercase();
        }
        return;
    }
    out.reserve(s.len());
    for c in s.chars() {
        fold_char(c, out);
    }
}

/// A folded copy of a text with, for every folded byte, the offset of the
/// original char it came from.
struct Folded {
    text: String,
    /// `None` when every folded byte is the original byte at the same
    /// offset (ASCII with single spaces: most English sentences).
    map: Option<Vec<usize>>,
    len: usize,
}

impl Folded {
    fn new(s: &str) -> Folded {
        if s.is_ascii() && plain_spacing(s.as_bytes()) {
            return Folded {
                text: s.to_ascii_lowercase(),
                map: None,
                len: s.len(),
            };
        }
        Folded::mapped(s)
    }

    /// [`Folded::new`] with its byte map, for any text.
    fn mapped(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut map = Vec::with_capacity(s.len());
        let mut prev_space = false;
        for (i, c) in s.char_indices() {
            // Whitespace runs fold to one space, so multi-word terms match across them.
            let space = c.is_whitespace();
            if space && prev_space {
                continue;
            }
            prev_space = space;
            if c.is_ascii() {
                // What fold_char gives, without the call.
                text.push(if space { ' ' } else { c.to_ascii_lowercase() });
                map.push(i);
                continue;
            }
            let before = text.len();
            fold_char(c, &mut text);
            map.extend(std::iter::repeat_n(i, text.len() - before));
        }
        Folded {
            text,
            map: Some(map),
            len: s.len(),
        }
    }

    /// Original byte range of a folded range, if it starts and ends on
    /// original char boundaries.
    fn original(&self, fs: usize, fe: usize) -> Option<(usize, usize)> {
        let Some(map) = &self.map else {
            return (fs < self.len && fe <= self.len).then_some((fs, fe));
        };
        let start = *map.get(fs)?;
        if fs > 0 && map.get(fs - 1) == Some(&start) {
            return None;
        }
        let end = if fe >= map.len() {
            self.len
        } else {
            let e = *map.get(fe)?;
            if fe > 0 && map.get(fe - 1) == Some(&e) {
                return None;
            }
            e
        };
        Some((start, end))
    }
}

/// ASCII whose only whitespace is single spaces: folding it lowers its
/// letters and keeps every byte in place.
fn plain_spacing(s: &[u8]) -> bool {
    let mut prev_space = false;
    for &b in s {
        let space = b == b' ';
        if (b'\t'..=b'\r').contains(&b) || (space && prev_space) {
            return false;
        }
        prev_space = space;
    }
    true
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let first = text.get(start..).and_then(|s| s.chars().next());
    let last = text.get(..end).and_then(|s| s.chars().next_back());
    // A boundary matters only where the term itself starts or ends with a word char.
    let ok_before = !(before.is_some_and(is_word_char) && first.is_some_and(is_word_char));
    let ok_after = !(after.is_some_and(is_word_char) && last.is_some_and(is_word_char));
    ok_before && ok_after
}

/// Inflected forms of a spelling: each `[from, to]` rule rewrites the end of
/// its last word (`["ão", "ões"]`: `eleição` → `eleições`).
pub fn inflect(s: &str, rules: &[[String; 2]]) -> Vec<String> {
    let mut out = Vec::new();
    let (head, last) = match s.rfind(' ') {
        Some(i) => s.split_at(i + 1),
        None => ("", s),
    };
    let lower = last.to_lowercase();
    for [from, to] in rules {
        if lower.ends_with(from.as_str()) && lower.chars().count() > from.chars().count() + 1 {
            // Keep the original case of the stem.
            let cut = last.len().saturating_sub(from.len());
            if let Some(stem) = last.get(..cut) {
                let v = format!("{head}{stem}{to}");
                if v != s && !out.contains(&v) {
                    out.push(v);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn plain_ascii_folds_in_place(s in "[a-zA-Z0-9 .,'\t\n-]{0,30}") {
            let mapped = Folded::mapped(&s);
            let fast = Folded::new(&s);
            proptest::prop_assert_eq!(&fast.text, &mapped.text);
            for fs in 0..=s.len() {
                for fe in fs..=s.len() {
                    proptest::prop_assert_eq!(fast.original(fs, fe), mapped.original(fs, fe));
                }
            }
        }
    }
    use crate::glossary::Term;

    fn g(terms: &[(&[&str], &[&str])]) -> Glossary {
        Glossary::from_terms(
            terms
                .iter()
                .map(|(s, t)| Term {
                    source: s.iter().map(|x| x.to_string()).collect(),
                    targets: t.iter().map(|x| x.to_string()).collect(),
                    ..Default::default()
                })
                .collect(),
        )
    }

    fn m(g: &Glossary) -> Matcher {
        Matcher::new(g, &Profile::builtin("pt"), &Profile::builtin("en"))
    }

    #[test]
    fn sentence_matches_keep_each_sentence_apart() {
        let gl = g(&[(&["Banco Central"], &["central bank"])]);
        let m = m(&gl);
        let texts = ["o Banco Central", "nada", "Banco Central e Banco Central"];
        let mut held = SentenceMatches::default();
        for t in texts {
            held.push(&m.find(t));
        }
        assert_eq!(held.len(), 3);
        for (s, t) in texts.iter().enumerate() {
            assert_eq!(held.get(s), Some(&m.find(t)[..]), "{t}");
        }
        assert_eq!(held.get(1).map(<[_]>::len), Some(0));
        assert_eq!(held.get(2).map(<[_]>::len), Some(2));
        assert_eq!(held.get(3), None);
        assert!(SentenceMatches::default().get(0).is_none());
    }

    fn spans(text: &str, ms: &[Match]) -> Vec<String> {
        ms.iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn finds_multi_word_terms_across_whitespace() {
        let gl = g(&[(&["Faixa de Gaza"], &["Gaza Strip"])]);
        let t = "Ataques na Faixa  de\nGaza ontem.";
        let ms = m(&gl).find(t);
        assert_eq!(spans(t, &ms), ["Faixa  de\nGaza"]);
        assert_eq!(ms[0].kind, Kind::Source);
    }

    #[test]
    fn accent_folded_match_is_found_and_marked() {
        let gl = g(&[(&["Teerã"], &["Tehran"])]);
        let ms = m(&gl).find("Em Teera e em TEERÃ.");
        assert_eq!(ms.len(), 2);
        assert!(!ms[0].accent_exact);
        assert!(ms[1].accent_exact);
    }

    #[test]
    fn whole_words_only() {
        let gl = g(&[(&["Omã"], &["Oman"])]);
        assert!(m(&gl).find("Os Omãs e Romã").is_empty());
        assert_eq!(m(&gl).find("(Omã)").len(), 1);
        let gl = g(&[(&["Irã"], &["Iran"])]);
        assert!(m(&gl).find("Iranian oil").is_empty());
    }

    #[test]
    fn acronyms_match_case_sensitively() {
        let gl = g(&[(&["EUA"], &["US", "U.S."])]);
        let mm = m(&gl);
        assert!(
            mm.find("Tell us more")
                .iter()
                .all(|x| x.kind != Kind::Target)
        );
        let t = "the US and the U.S. said";
        assert_eq!(spans(t, &mm.find(t)), ["US", "U.S."]);
    }

    #[test]
    fn case_sensitive_terms_respect_case() {
        let mut gl = g(&[(&["Lula"], &["Lula"])]);
        gl.terms[0].case_sensitive = true;
        assert_eq!(m(&gl).find("lula grelhada").len(), 0);
        assert_eq!(m(&gl).find("Lula disse").len(), 2);
    }

    #[test]
    fn inflected_terms_match_plural_and_gender() {
        let mut gl = g(&[(&["ministro"], &["minister"])]);
        gl.terms[0].inflected = true;
        let mm = m(&gl);
        let t = "a ministra e os ministros; ministers";
        let ms = mm.find(t);
        assert_eq!(spans(t, &ms), ["ministra", "ministros", "ministers"]);
        assert!(ms.iter().all(|x| x.inflected));
        let mut gl = g(&[(&["eleição"], &["election"])]);
        gl.terms[0].inflected = true;
        assert_eq!(m(&gl).find("as eleições").len(), 1);
    }

    #[test]
    fn uninflected_terms_do_not_match_plurals() {
        let gl = g(&[(&["ministro"], &["minister"])]);
        assert!(m(&gl).find("os ministros").is_empty());
    }

    #[test]
    fn longest_only_drops_nested_terms() {
        let gl = g(&[
            (&["Banco Central"], &["central bank"]),
            (&["Banco Central Europeu"], &["European Central Bank"]),
        ]);
        let t = "o Banco Central Europeu";
        let ms = longest_only(m(&gl).find(t));
        assert_eq!(spans(t, &ms), ["Banco Central Europeu"]);
    }

    /// The definition, pair by pair.
    fn longest_only_brute(ms: &[Match]) -> Vec<Match> {
        ms.iter()
            .filter(|m| {
                !ms.iter().any(|o| {
                    o.kind == m.kind
                        && o.term != m.term
                        && o.start <= m.start
                        && o.end >= m.end
                        && o.end - o.start > m.end - m.start
                })
            })
            .cloned()
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn longest_only_matches_its_definition(
            spans in proptest::collection::vec((0usize..12, 1usize..6, 0usize..4, 0u8..2), 0..40)
        ) {
            let ms: Vec<Match> = spans
                .iter()
                .map(|&(start, len, term, kind)| Match {
                    term,
                    kind: if kind == 0 { Kind::Source } else { Kind::Target },
                    index: 0,
                    start,
                    end: start + len,
                    accent_exact: true,
                    inflected: false,
                })
                .collect();
            proptest::prop_assert_eq!(longest_only(ms.clone()), longest_only_brute(&ms));
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_spellings_normalise_as_any_other(s in "[ a\t\n\x0b\x0c\rB.]{0,8}") {
            let general: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(normalised(&s), general.as_str());
            let mut folded = String::new();
            fold_into(&s, &mut folded);
            let mut by_char = String::new();
            for c in s.chars() {
                fold_char(c, &mut by_char);
            }
            proptest::prop_assert_eq!(folded, by_char);
        }
    }

    #[test]
    fn offsets_survive_expanding_folds() {
        let gl = g(&[(&["Ormuz"], &["Hormuz"])]);
        let t = "ǅǅ İİ Ormuz";
        let ms = m(&gl).find(t);
        assert_eq!(spans(t, &ms), ["Ormuz"]);
    }

    #[test]
    fn typographic_apostrophes_match_plain_ones() {
        let gl = g(&[(&["Côte d'Ivoire"], &["Ivory Coast"])]);
        assert_eq!(m(&gl).find("na Côte d’Ivoire").len(), 1);
    }

    /// A pseudo-word from a number: syllables, like real vocabulary.
    fn pseudo_word(mut i: usize) -> String {
        const SYL: [&str; 20] = [
            "ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "xo",
            "zu", "bra", "cle", "dri", "pro", "tra",
        ];
        let mut w = String::new();
        loop {
            w.push_str(SYL[i % SYL.len()]);
            i /= SYL.len();
            if i == 0 {
                break;
            }
        }
        w
    }

    #[test]
    fn a_large_glossary_stays_fast() {
        // 100,000 terms in release builds; fewer in debug test runs.
        let n = if cfg!(debug_assertions) {
            5_000
        } else {
            100_000
        };
        let terms: Vec<Term> = (0..n)
            .map(|i| Term {
                source: smallvec::smallvec![format!("{} {}", pseudo_word(i), pseudo_word(i + 7))],
                targets: smallvec::smallvec![pseudo_word(i * 31 + 3)],
                ..Default::default()
            })
            .collect();
        let gl = Glossary::from_terms(terms);
        let t0 = std::time::Instant::now();
        let mm = m(&gl);
        let built = t0.elapsed();
        let hit = format!("{} {}", pseudo_word(n - 1), pseudo_word(n + 6));
        let text = format!("o {hit} e nada mais. ").repeat(2000);
        let t1 = std::time::Instant::now();
        let ms = mm.find(&text);
        let searched = t1.elapsed();
        assert!(ms.iter().filter(|x| x.kind == Kind::Source).count() >= 2000);
        assert!(built.as_secs() < 10 && searched.as_secs() < 5);
        eprintln!(
            "{n} terms: build {built:?}, search of {} bytes {searched:?}",
            text.len()
        );
    }
}
