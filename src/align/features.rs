//! Lexical anchors for alignment: the keys each sentence carries (identical
//! words, cognate prefixes, numbers, number and month words, punctuation,
//! glossary terms, the pair's bilingual lexicon, learned word pairs) and
//! their weights.

use super::Side;
use crate::glossary::matcher::terms_of;
use crate::glossary::{Kind, Matcher, SentenceMatches};
use crate::lexicon::{self, Lexicon};
use crate::text::{fold, words};
// foldhash: several times faster than SipHash on short words, still seeded
// per run; no output depends on map order.
use foldhash::HashMap;

/// Anchor classes; each has its own weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Word,
    Prefix,
    Number,
    Punct,
    Term,
    Learned,
    /// A word and its rendering listed on one line of the pair's lexicon.
    Lexicon,
}

/// Per-class weights before the document-frequency discount.
#[derive(Debug, Clone, Copy)]
pub struct ClassWeights {
    pub word: f64,
    pub prefix: f64,
    pub number: f64,
    pub punct: f64,
    pub term: f64,
    pub learned: f64,
    pub lexicon: f64,
}

impl Default for ClassWeights {
    fn default() -> Self {
        ClassWeights {
            word: 1.0,
            prefix: 2.0,
            number: 4.0,
            punct: 0.5,
            term: 4.0,
            learned: 1.5,
            // Below names, numbers and cognates: a general word and its
            // usual rendering, one of several a translator may pick. One
            // such word alone stays below the refinement's `WEAK` evidence.
            lexicon: 0.8,
        }
    }
}

impl ClassWeights {
    fn of(&self, c: Class) -> f64 {
        match c {
            Class::Word => self.word,
            Class::Prefix => self.prefix,
            Class::Number => self.number,
            Class::Punct => self.punct,
            Class::Term => self.term,
            Class::Learned => self.learned,
            Class::Lexicon => self.lexicon,
        }
    }
}

/// Key vocabulary shared by both sides.
#[derive(Debug, Default, Clone)]
pub(crate) struct Keys {
    ids: HashMap<String, u32>,
    pub class: Vec<Class>,
    /// Word vocabulary, shared by both sides so identical words share an id.
    words: HashMap<String, u32>,
    /// Character count of each word id, kept when the string tables go
    /// ([`Keys::drop_strings`]).
    word_len: Vec<usize>,
}

impl Keys {
    pub fn word(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.words.get(w) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.insert(w.to_string(), id);
        id
    }
    /// Character counts of the vocabulary's words, indexed by word id.
    pub fn word_lengths(&self) -> Vec<usize> {
        if self.words.is_empty() {
            return self.word_len.clone();
        }
        let mut out = vec![0; self.words.len()];
        for (w, &id) in &self.words {
            out[id as usize] = w.chars().count();
        }
        out
    }
    pub fn id(&mut self, key: String, class: Class) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.class.len() as u32;
        self.ids.insert(key, id);
        self.class.push(class);
        id
    }
    pub fn len(&self) -> usize {
        self.class.len()
    }

    /// Drops the key and word strings once both sides are read, keeping the
    /// classes and word lengths: at a million sentences a side the tables
    /// hold every distinct number and name, and nothing looks them up
    /// again (learned pairs get keys of their own in a [`Keys::classes`]
    /// copy). No word may be added after this.
    pub fn drop_strings(&mut self) {
        self.word_len = self.word_lengths();
        self.ids = HashMap::default();
        self.words = HashMap::default();
    }

    /// Takes in the keys and words of `other`, read apart (the other side,
    /// in parallel), in the order `other` met them: each gets the id it
    /// would have had had it been met here after this table's own. The
    /// maps from `other`'s key ids and word ids to the ids here.
    fn absorb(&mut self, other: Keys) -> (Vec<u32>, Vec<u32>) {
        let in_order = |m: HashMap<String, u32>| {
            let mut v: Vec<(String, u32)> = m.into_iter().collect();
            v.sort_unstable_by_key(|e| e.1);
            v
        };
        let class = other.class;
        let key_map = in_order(other.ids)
            .into_iter()
            .map(|(k, id)| self.id(k, class[id as usize]))
            .collect();
        let word_map = in_order(other.words)
            .into_iter()
            .map(|(w, _)| match self.words.get(&w) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.words.insert(w, id);
                    id
                }
            })
            .collect();
        (key_map, word_map)
    }

    /// The key classes alone, for a copy that only adds keys of its own
    /// (learned pairs): the string tables stay with the original.
    pub fn classes(&self) -> Keys {
        Keys {
            class: self.class.clone(),
            ..Keys::default()
        }
    }
}

/// What the aligner knows about one sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sent {
    /// Length in characters, whitespace excluded.
    pub len: f64,
    /// Distinct anchor keys, sorted by id; once weighed ([`weigh`]), only
    /// those with a weight (seen on both sides).
    pub keys: Vec<u32>,
    /// Sum of the weights of `keys`.
    pub total: f64,
    /// Weight of every key id of the pair, shared by all its sentences
    /// (empty before [`weigh`]): four bytes a key here instead of twelve.
    pub weights: std::sync::Arc<[f64]>,
}

impl Sent {
    /// Weight of key `k` (0 before weighing).
    #[inline]
    pub fn weight(&self, k: u32) -> f64 {
        self.weights.get(k as usize).copied().unwrap_or(0.0)
    }

    /// The keys with their weights.
    pub fn weighted(&self) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.keys.iter().map(|&k| (k, self.weight(k)))
    }
}

/// The raw anchors of one side, extracted once and kept while the pair is
/// aligned and refined: flat lists, four bytes an entry, where a [`Sent`]
/// per sentence would hold sixteen per key and two allocations.
#[derive(Debug, Clone, Default)]
pub(crate) struct Raw {
    /// Length of each sentence in characters, whitespace excluded.
    len: Vec<u32>,
    /// Sentence `s` has keys `keys[key_end[s - 1]..key_end[s]]` (sorted,
    /// distinct) and words `words[word_end[s - 1]..word_end[s]]`.
    key_end: Vec<usize>,
    keys: Vec<u32>,
    word_end: Vec<usize>,
    /// Folded word tokens as ids in [`Keys::word`] (for learning word pairs).
    words: Vec<u32>,
    /// Each sentence's glossary matches, when read with a matcher: the
    /// checks take them rather than search the sentences again.
    pub(crate) matches: crate::glossary::SentenceMatches,
}

impl Raw {
    pub fn len(&self) -> usize {
        self.len.len()
    }

    fn span(ends: &[usize], s: usize) -> std::ops::Range<usize> {
        let start = if s == 0 { 0 } else { ends[s - 1] };
        start..ends[s]
    }

    /// Sentence `s`'s word ids (empty past the end).
    pub fn words(&self, s: usize) -> &[u32] {
        if s >= self.len() {
            return &[];
        }
        &self.words[Raw::span(&self.word_end, s)]
    }

    /// Keeps only the words `keep` accepts, in order.
    pub fn keep_words(&mut self, keep: impl Fn(u32) -> bool) {
        let (mut to, mut from) = (0, 0);
        for end in self.word_end.iter_mut() {
            for r in from..*end {
                let w = self.words[r];
                if keep(w) {
                    self.words[to] = w;
                    to += 1;
                }
            }
            from = *end;
            *end = to;
        }
        self.words.truncate(to);
        self.words.shrink_to_fit();
    }

    /// Renumbers keys and words read with another [`Keys`] table
    /// ([`Keys::absorb`]'s maps); each sentence's keys stay sorted.
    fn remap(&mut self, key_map: &[u32], word_map: &[u32]) {
        for k in &mut self.keys {
            *k = key_map[*k as usize];
        }
        let mut start = 0;
        for &end in &self.key_end {
            self.keys[start..end].sort_unstable();
            start = end;
        }
        for w in &mut self.words {
            *w = word_map[*w as usize];
        }
    }

    /// Every sentence with its raw keys, weights unset.
    pub fn sents(&self) -> Vec<Sent> {
        (0..self.len())
            .map(|s| Sent {
                len: f64::from(self.len[s]),
                keys: self.keys[Raw::span(&self.key_end, s)].to_vec(),
                total: 0.0,
                weights: Default::default(),
            })
            .collect()
    }
}

const QUOTES: &[char] = &['«', '»', '“', '”', '„', '"', '‹', '›', '‟', '「', '」'];

/// A profile's number words, ordinals and months, folded, for reading
/// keys off words.
struct WordTables {
    numbers: HashMap<String, f64>,
    ordinals: HashMap<String, f64>,
    months: HashMap<String, usize>,
}

impl WordTables {
    fn of(side: &Side) -> WordTables {
        let np = &side.profile.numbers;
        let fold_map = |m: &std::collections::BTreeMap<String, f64>| -> HashMap<String, f64> {
            m.iter().map(|(k, v)| (fold(k), *v)).collect()
        };
        let mut numbers = fold_map(&np.cardinals);
        numbers.extend(fold_map(&np.scales));
        let ambiguous: Vec<String> = np.ambiguous.iter().map(|w| fold(w)).collect();
        numbers.retain(|k, _| !ambiguous.contains(k) && k.chars().count() > 1);
        WordTables {
            numbers,
            ordinals: fold_map(&np.ordinals),
            // Every spelling of a month (`Sep|Sept`, `April|April's`).
            months: np
                .months
                .iter()
                .enumerate()
                .flat_map(|(i, m)| m.split('|').map(move |x| (fold(x), i + 1)))
                .collect(),
        }
    }

    /// Keys of the folded word `f`: the word, its cognate prefix, the
    /// number or month it names.
    fn keys_of(&self, f: &str, keys: &mut Keys) -> Vec<u32> {
        let mut ids = Vec::new();
        let letters = f.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 3 {
            ids.push(keys.id(format!("w:{f}"), Class::Word));
        }
        if letters >= 5 && f.chars().all(char::is_alphabetic) {
            let p: String = f.chars().take(5).collect();
            ids.push(keys.id(format!("p:{p}"), Class::Prefix));
        }
        if let Some(v) = self.numbers.get(f) {
            ids.push(keys.id(format!("n:{}", fmt_num(*v)), Class::Number));
        } else if let Some(v) = self.ordinals.get(f) {
            ids.push(keys.id(format!("o:{}", fmt_num(*v)), Class::Number));
        }
        if let Some(m) = self.months.get(f) {
            ids.push(keys.id(format!("m:{m}"), Class::Number));
        }
        ids
    }
}

/// Per side, the keys of each distinct word, worked out once: a word's
/// keys depend only on its folded form and the side's profile.
struct WordCache<'s, 'l> {
    tables: WordTables,
    /// The pair's lexicon and this side of it.
    lexicon: Option<(&'l Lexicon, lexicon::Side)>,
    word_keys: HashMap<u32, Vec<u32>>,
    /// Word id of each raw token seen (`None`: a number, read apart).
    raw_tok: HashMap<&'s str, Option<u32>>,
}

impl<'s> WordCache<'s, '_> {
    /// Word id of the raw token `w`, adding its keys to the cache.
    fn token(&mut self, w: &'s str, keys: &mut Keys) -> Option<u32> {
        if let Some(&t) = self.raw_tok.get(w) {
            return t;
        }
        let f = fold(w);
        let t = if f.chars().all(|c| c.is_ascii_digit()) {
            None
        } else {
            let tok = keys.word(&f);
            if !self.word_keys.contains_key(&tok) {
                let mut ids = self.tables.keys_of(&f, keys);
                // Stems read accents ("-ção"): the word as written, not folded.
                if let Some((lex, side)) = self.lexicon {
                    for c in lex.concepts(side, w) {
                        ids.push(keys.id(format!("d:{c}"), Class::Lexicon));
                    }
                }
                self.word_keys.insert(tok, ids);
            }
            Some(tok)
        };
        self.raw_tok.insert(w, t);
        t
    }
}

/// Extracts raw keys (weights unset) for every sentence of a side.
#[cfg(test)]
pub(crate) fn extract(
    side: &Side,
    keys: &mut Keys,
    terms: Option<(&Matcher, Kind)>,
    lexicon: Option<(&Lexicon, lexicon::Side)>,
) -> Vec<Sent> {
    extract_raw(side, keys, terms, lexicon).sents()
}

/// [`extract`], kept flat.
pub(crate) fn extract_raw(
    side: &Side,
    keys: &mut Keys,
    terms: Option<(&Matcher, Kind)>,
    lexicon: Option<(&Lexicon, lexicon::Side)>,
) -> Raw {
    let mut cache = WordCache {
        tables: WordTables::of(side),
        lexicon,
        word_keys: HashMap::default(),
        raw_tok: HashMap::default(),
    };
    let n = side.sentences.len();
    let mut raw = Raw {
        len: Vec::with_capacity(n),
        key_end: Vec::with_capacity(n),
        word_end: Vec::with_capacity(n),
        ..Raw::default()
    };
    let mut ids = Vec::new();
    for s in &side.sentences {
        let out = (&mut ids, &mut raw.words, &mut raw.matches);
        sentence(s, &mut cache, keys, terms, out);
        raw.keys.extend_from_slice(&ids);
        raw.key_end.push(raw.keys.len());
        raw.word_end.push(raw.words.len());
        raw.len
            .push(s.chars().filter(|c| !c.is_whitespace()).count() as u32);
    }
    raw.keys.shrink_to_fit();
    raw.words.shrink_to_fit();
    raw.matches.shrink_to_fit();
    raw
}

/// The raw keys of one sentence into `ids` (sorted, distinct), its word
/// ids appended to `toks`, its glossary matches to `found` (with `terms`).
fn sentence<'s>(
    s: &'s str,
    cache: &mut WordCache<'s, '_>,
    keys: &mut Keys,
    terms: Option<(&Matcher, Kind)>,
    (ids, toks, found): (&mut Vec<u32>, &mut Vec<u32>, &mut SentenceMatches),
) {
    ids.clear();
    for w in words(s) {
        // Numbers are read below, with their separators.
        if let Some(tok) = cache.token(w.text, keys) {
            ids.extend_from_slice(&cache.word_keys[&tok]);
            toks.push(tok);
        }
    }
    for n in numbers(s) {
        ids.push(keys.id(format!("n:{n}"), Class::Number));
    }
    for c in s.chars() {
        let k = match c {
            '?' | '¿' => "?",
            '!' | '¡' => "!",
            '(' => "(",
            ')' => ")",
            c if QUOTES.contains(&c) => "\"",
            _ => continue,
        };
        ids.push(keys.id(format!("x:{k}"), Class::Punct));
    }
    if let Some((m, kind)) = terms {
        let matches = m.find(s);
        for t in terms_of(&matches, kind) {
            ids.push(keys.id(format!("g:{t}"), Class::Term));
        }
        found.push(&matches);
    }
    ids.sort_unstable();
    ids.dedup();
}

/// Anchors of both sides, with the glossary's terms as extra keys (term
/// `k` found on either side is key `g:k`).
#[cfg(test)]
pub(crate) fn extract_pair(
    source: &Side,
    target: &Side,
    options: &super::AlignOptions,
    keys: &mut Keys,
) -> (Vec<Sent>, Vec<Sent>) {
    let (src, tgt) = extract_pair_raw(source, target, options, keys);
    (src.sents(), tgt.sents())
}

/// [`extract_pair`], kept flat.
pub(crate) fn extract_pair_raw(
    source: &Side,
    target: &Side,
    options: &super::AlignOptions,
    keys: &mut Keys,
) -> (Raw, Raw) {
    let built;
    let terms = match &options.terms {
        Some(m) => Some(m.as_ref()),
        None if !options.term_pairs.is_empty() => {
            built = Matcher::from_pairs(&options.term_pairs, source.profile, target.profile);
            Some(&built)
        }
        None => None,
    };
    let lex = options.lexicon.as_deref();
    let read = |side: &Side, keys: &mut Keys, kind, lex_side| {
        extract_raw(
            side,
            keys,
            terms.map(|m| (m, kind)),
            lex.map(|l| (l, lex_side)),
        )
    };
    let n = source.sentences.len() + target.sentences.len();
    if n < PARALLEL_SENTENCES {
        let src = read(source, keys, Kind::Source, lexicon::Side::Source);
        let tgt = read(target, keys, Kind::Target, lexicon::Side::Target);
        return (src, tgt);
    }
    // The sides are read in parallel, the target with a table of its own,
    // then renumbered as if read after the source: the same ids either way.
    let (src, (mut tgt, own)) = rayon::join(
        || read(source, keys, Kind::Source, lexicon::Side::Source),
        || {
            let mut own = Keys::default();
            let tgt = read(target, &mut own, Kind::Target, lexicon::Side::Target);
            (tgt, own)
        },
    );
    let (key_map, word_map) = keys.absorb(own);
    tgt.remap(&key_map, &word_map);
    (src, tgt)
}

/// Fewest sentences (both sides) whose anchors are read on two threads: a
/// small pair's second thread costs more memory (its own heap pages) than
/// the time it saves.
#[cfg(not(test))]
const PARALLEL_SENTENCES: usize = 20_000;
/// Tests take the parallel path with any pair that has a sentence.
#[cfg(test)]
const PARALLEL_SENTENCES: usize = 1;

/// Sets key weights: class weight / sqrt(document frequency); keys seen on one
/// side only get weight 0 and are dropped.
pub(crate) fn weigh(src: &mut [Sent], tgt: &mut [Sent], keys: &Keys, cw: &ClassWeights) {
    let df = |side: &[Sent]| doc_freq(side.iter().flat_map(|s| s.keys.iter().copied()), keys);
    let weights = key_weights(&df(src), &df(tgt), keys, cw);
    for s in src.iter_mut().chain(tgt.iter_mut()) {
        s.keys.retain(|&k| weights[k as usize] > 0.0);
        s.total = s.keys.iter().map(|&k| weights[k as usize]).sum();
        s.weights = weights.clone();
    }
}

/// The sentences of both sides as [`weigh`] leaves them, built from the raw
/// anchors: each copies only the keys that keep a weight, so the keys it
/// would drop are never copied (at a million sentences a side, most of the
/// raw keys are one side's words).
pub(crate) fn weighed(
    src: &Raw,
    tgt: &Raw,
    keys: &Keys,
    cw: &ClassWeights,
) -> (Vec<Sent>, Vec<Sent>) {
    let df = |raw: &Raw| doc_freq(raw.keys.iter().copied(), keys);
    let weights = key_weights(&df(src), &df(tgt), keys, cw);
    let sents = |raw: &Raw| -> Vec<Sent> {
        (0..raw.len())
            .map(|s| {
                let all = &raw.keys[Raw::span(&raw.key_end, s)];
                let kept = all.iter().filter(|&&k| weights[k as usize] > 0.0);
                let mut own = Vec::with_capacity(kept.clone().count());
                own.extend(kept);
                Sent {
                    len: f64::from(raw.len[s]),
                    total: own.iter().map(|&k| weights[k as usize]).sum(),
                    keys: own,
                    weights: weights.clone(),
                }
            })
            .collect()
    };
    (sents(src), sents(tgt))
}

/// Sentences holding each key (a sentence's keys are distinct).
fn doc_freq(all: impl Iterator<Item = u32>, keys: &Keys) -> Vec<u32> {
    let mut df = vec![0u32; keys.len()];
    for k in all {
        df[k as usize] += 1;
    }
    df
}

/// Weight of every key from its document frequencies on both sides.
fn key_weights(
    df_s: &[u32],
    df_t: &[u32],
    keys: &Keys,
    cw: &ClassWeights,
) -> std::sync::Arc<[f64]> {
    let weight = |k: usize| -> f64 {
        let (a, b) = (df_s[k], df_t[k]);
        if a == 0 || b == 0 {
            return 0.0;
        }
        let df = (a.max(b)) as f64;
        cw.of(keys.class[k]) / df.sqrt()
    };
    (0..keys.len()).map(weight).collect()
}

/// Weight of the keys two sentences share.
pub(crate) fn shared(a: &Sent, b: &Sent) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.keys.len() && j < b.keys.len() {
        let (ka, kb) = (a.keys[i], b.keys[j]);
        if ka == kb {
            sum += a.weight(ka);
            i += 1;
            j += 1;
        } else if ka < kb {
            i += 1;
        } else {
            j += 1;
        }
    }
    sum
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Numbers written with digits, normalised across locales: group separators
/// (`.`, `,`, spaces, `'`) dropped, a decimal comma read as a point, leading
/// zeros and trailing decimal zeros dropped. A lone separator followed by
/// exactly three digits is read as grouping (`1.000` = `1,000` = `1 000`).
pub(crate) fn numbers(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].is_ascii_digit() || (k > 0 && chars[k - 1].is_alphabetic()) {
            k += 1;
            continue;
        }
        // Groups of digits joined by single separators.
        let mut groups: Vec<String> = Vec::new();
        let mut seps: Vec<char> = Vec::new();
        let mut cur = String::new();
        while k < chars.len() {
            let c = chars[k];
            if c.is_ascii_digit() {
                cur.push(c);
                k += 1;
                continue;
            }
            let is_sep = matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’');
            let next_digit = chars.get(k + 1).is_some_and(char::is_ascii_digit);
            if !is_sep || !next_digit {
                break;
            }
            // A space only groups three digits after a 1–3 digit head.
            if matches!(c, ' ' | '\u{a0}' | '\u{202f}') {
                let run = chars[k + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                let head_ok = if groups.is_empty() {
                    cur.len() <= 3
                } else {
                    cur.len() == 3
                };
                if run != 3 || !head_ok {
                    break;
                }
            }
            groups.push(std::mem::take(&mut cur));
            seps.push(c);
            k += 1;
        }
        groups.push(cur);
        out.push(normalise(&groups, &seps));
    }
    out
}

fn normalise(groups: &[String], seps: &[char]) -> String {
    // The last separator is decimal when it is `.`/`,`, differs from the ones
    // before, or is followed by other than three digits.
    let mut decimal_at = None;
    if let (Some(&last), Some(tail)) = (seps.last(), groups.last()) {
        let earlier_same = seps[..seps.len() - 1].contains(&last);
        if matches!(last, '.' | ',') && !earlier_same && (tail.len() != 3 || seps.len() > 1) {
            decimal_at = Some(seps.len() - 1);
        }
    }
    let (int_groups, frac) = match decimal_at {
        Some(d) => (&groups[..=d], groups.get(d + 1).map(String::as_str)),
        None => (groups, None),
    };
    let int: String = int_groups.concat();
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    match frac.map(|f| f.trim_end_matches('0')) {
        Some(f) if !f.is_empty() => format!("{int}.{f}"),
        _ => int.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::testutil::side;
    use crate::profile::Profile;

    #[test]
    fn numbers_normalise_across_locales() {
        assert_eq!(numbers("1.000 e 1,000 e 1 000"), ["1000", "1000", "1000"]);
        assert_eq!(numbers("3,4 ou 3.4 ou 3,40"), ["3.4", "3.4", "3.4"]);
        assert_eq!(numbers("1.693.673 = 1,693,673"), ["1693673", "1693673"]);
        assert_eq!(numbers("1.234,5 = 1,234.5"), ["1234.5", "1234.5"]);
        assert_eq!(numbers("8839,8 m"), ["8839.8"]);
        assert_eq!(numbers("1881-1902"), ["1881", "1902"]);
        assert_eq!(numbers("F-35 e G7"), ["35"]);
        assert_eq!(numbers("em 2019 42 pessoas"), ["2019", "42"]);
        assert_eq!(numbers("05"), ["5"]);
    }

    #[test]
    fn shared_keys_need_both_sides_and_number_words_match_digits() {
        let (pt, en) = (Profile::builtin("pt"), Profile::builtin("en"));
        let mut keys = Keys::default();
        let s = side(
            &["Lisboa recebeu três mil turistas em março.", "Sem nada."],
            &pt,
        );
        let t = side(
            &["Lisbon welcomed 3 thousand tourists in March.", "Nothing."],
            &en,
        );
        let mut a = extract(&s, &mut keys, None, None);
        let mut b = extract(&t, &mut keys, None, None);
        weigh(&mut a, &mut b, &keys, &ClassWeights::default());
        // Shared: prefix "lisbo", number 3 (três/3), 1000 (mil/thousand), month 3.
        let w = shared(&a[0], &b[0]);
        assert!(
            (w - (2.0 + 3.0 * 4.0)).abs() < 1e-9,
            "{w} {:?} {:?}",
            a[0],
            b[0]
        );
        assert_eq!(shared(&a[1], &b[0]), 0.0);
        // A key seen on one side only carries no weight.
        assert!(a[1].keys.is_empty(), "{:?}", a[1]);
    }

    #[test]
    fn sides_read_in_parallel_get_the_ids_of_one_reading_after_the_other() {
        let (pt, en) = (Profile::builtin("pt"), Profile::builtin("en"));
        let lex = Lexicon::builtin(&pt, &en).expect("pt-en ships");
        let s = side(
            &[
                "Lisboa recebeu três mil turistas em 2019.",
                "O prefeito (PT) falou.",
            ],
            &pt,
        );
        // Target words new to the source side, between shared ones.
        let t = side(
            &[
                "Zurich and Lisbon welcomed 3,000 tourists in 2019!",
                "The mayor spoke?",
            ],
            &en,
        );
        let options = super::super::AlignOptions {
            lexicon: Some(lex.clone()),
            ..Default::default()
        };
        let mut one = Keys::default();
        let a = extract_raw(&s, &mut one, None, Some((&lex, lexicon::Side::Source)));
        let b = extract_raw(&t, &mut one, None, Some((&lex, lexicon::Side::Target)));
        let mut both = Keys::default();
        let (pa, pb) = extract_pair_raw(&s, &t, &options, &mut both);
        assert_eq!((&pa.keys, &pa.words), (&a.keys, &a.words));
        assert_eq!((&pb.keys, &pb.key_end), (&b.keys, &b.key_end));
        assert_eq!((&pb.words, &pb.word_end), (&b.words, &b.word_end));
        assert_eq!(both.class, one.class);
        assert_eq!(both.word_lengths(), one.word_lengths());
        // Some target keys are its own, so the renumbering was exercised.
        assert!(b.keys.iter().any(|k| !a.keys.contains(k)));
    }

    #[test]
    fn frequent_keys_weigh_less() {
        let p = Profile::builtin("xx");
        let mut keys = Keys::default();
        let s = side(&["Anna ?", "Bern ?", "Chur ?"], &p);
        let t = side(&["Anna ?", "Bern ?", "Chur ?"], &p);
        let mut a = extract(&s, &mut keys, None, None);
        let mut b = extract(&t, &mut keys, None, None);
        weigh(&mut a, &mut b, &keys, &ClassWeights::default());
        let q = a[0].weighted().map(|x| x.1).fold(f64::MAX, f64::min);
        assert!((q - 0.5 / 3f64.sqrt()).abs() < 1e-9);
    }

    #[test]
    fn lexicon_words_are_weak_shared_keys() {
        let (pt, en) = (Profile::builtin("pt"), Profile::builtin("en"));
        let lex = Lexicon::builtin(&pt, &en).expect("pt-en ships");
        let s = side(&["O prefeito não comentou.", "A chuva parou."], &pt);
        let t = side(
            &["The mayor declined to comment.", "The rain stopped."],
            &en,
        );
        let run = |with: bool| {
            let mut keys = Keys::default();
            let l = |side| with.then(|| (lex.as_ref(), side));
            let mut a = extract(&s, &mut keys, None, l(lexicon::Side::Source));
            let mut b = extract(&t, &mut keys, None, l(lexicon::Side::Target));
            weigh(&mut a, &mut b, &keys, &ClassWeights::default());
            (
                shared(&a[0], &b[0]),
                shared(&a[0], &b[1]),
                shared(&a[1], &b[1]),
            )
        };
        assert_eq!(run(false), (0.0, 0.0, 0.0));
        let (own, cross, other) = run(true);
        let w = ClassWeights::default().lexicon;
        // prefeito/mayor and comentou/comment; chuva/rain and parou/stopped.
        assert!((own - 2.0 * w).abs() < 1e-9, "{own}");
        assert_eq!(cross, 0.0);
        assert!((other - 2.0 * w).abs() < 1e-9, "{other}");
    }

    #[test]
    fn glossary_terms_are_keys_at_word_boundaries() {
        let p = Profile::builtin("xx");
        let mut keys = Keys::default();
        let pairs = [("Banco Central".to_string(), "central bank".to_string())];
        let m = Matcher::from_pairs(&pairs, &p, &p);
        let s = side(&["O banco central subiu.", "Os bancos centrais."], &p);
        let a = extract(&s, &mut keys, Some((&m, Kind::Source)), None);
        let g = keys.ids.get("g:0").copied().unwrap();
        assert!(a[0].keys.contains(&g));
        assert!(!a[1].keys.contains(&g));
    }
}
