//! Finding names in a text: name words and runs, a document's word
//! statistics (which words it capitalises mid-sentence, which it writes
//! in lower case), sentence starts, acronyms and title-case lines.

use super::*;

#[derive(Debug, Clone)]
pub(in crate::checks) struct NameWord {
    pub text: String,
    pub span: Range<usize>,
    pub kind: WordKind,
}

/// A run of name words (`Abbas Araghchi`, `Mohammed bin Salman`).
#[derive(Debug, Clone)]
pub(in crate::checks) struct Name {
    pub span: Range<usize>,
    pub words: Vec<NameWord>,
}

/// Word statistics of a whole document: which words occur capitalised
/// mid-sentence, which occur in lower case.
pub(in crate::checks) struct DocWords {
    pub(super) mid_capitalised: FxHashSet<String>,
    pub(super) lower: FxHashSet<String>,
    /// Occurrences per squashed word: document evidence of a convention.
    pub(super) count: FxHashMap<String, usize>,
}

impl DocWords {
    pub fn new(text: &str, profile: &Profile) -> DocWords {
        let mut d = DocWords {
            mid_capitalised: FxHashSet::default(),
            lower: FxHashSet::default(),
            count: FxHashMap::default(),
        };
        // Words inside URLs and addresses (`suporte@cartola.dev`) say
        // nothing about how the language writes them.
        let urls: Vec<Range<usize>> = crate::checks::url::extract(text)
            .into_iter()
            .map(|i| i.span)
            .collect();
        // Words and URLs both come in text order (URLs never overlap):
        // one cursor, not a scan of every URL per word.
        let mut next_url = 0;
        // Capitals of a title-case line (`Save and Export Notebook As`)
        // say nothing about a word being a name.
        let titles = title_case_lines(text, profile);
        let mut next_title = 0;
        // One key buffer for the document: a word's key is copied only
        // when new to a set.
        let mut key = String::new();
        for w in crate::text::word_iter(text) {
            while urls.get(next_url).is_some_and(|u| u.end <= w.start) {
                next_url += 1;
            }
            if urls.get(next_url).is_some_and(|u| u.contains(&w.start)) {
                continue;
            }
            while titles.get(next_title).is_some_and(|u| u.end <= w.start) {
                next_title += 1;
            }
            let in_title = titles.get(next_title).is_some_and(|u| u.contains(&w.start));
            squash_into(w.text, &mut key);
            // Keys cloned only when new to a set: most words repeat.
            if starts_upper(w.text) {
                if !in_title
                    && !d.mid_capitalised.contains(key.as_str())
                    && !is_sentence_initial(text, w.start, Some(profile))
                {
                    d.mid_capitalised.insert(key.clone());
                }
            } else if w.text.chars().next().is_some_and(char::is_lowercase)
                && !d.lower.contains(key.as_str())
            {
                d.lower.insert(key.clone());
            }
            if let Some(n) = d.count.get_mut(key.as_str()) {
                *n += 1;
            } else {
                d.count.insert(key.clone(), 1);
            }
        }
        d
    }

    /// How often the (squashed) word occurs in the document.
    pub fn count(&self, key: &str) -> usize {
        self.count.get(key).copied().unwrap_or(0)
    }

    /// Whether the (squashed) word is capitalised mid-sentence somewhere.
    pub fn is_mid_name(&self, key: &str) -> bool {
        self.mid_capitalised.contains(key)
    }

    /// Whether the (squashed) word occurs in lower case somewhere.
    pub fn is_lower(&self, key: &str) -> bool {
        self.lower.contains(key)
    }

    /// Whether the (squashed) word occurs anywhere in the document.
    pub fn has(&self, key: &str) -> bool {
        self.count.contains_key(key)
    }
}

pub(super) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Lower case, accents folded, hyphens and apostrophes dropped.
pub(in crate::checks) fn squash(s: &str) -> String {
    let mut out = String::new();
    squash_into(s, &mut out);
    out
}

/// [`squash`] into `out`, replacing what it held.
pub(super) fn squash_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        // One pass, no allocation of its own: the common case.
        out.reserve(s.len());
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
        return;
    }
    // Accented Latin letters fold one char at a time as [`fold`] folds
    // them (no string of its own); any other char takes the whole word
    // through `fold`.
    for c in s.chars() {
        // A digit written low or high (`CO₂`, `m²`) is the digit.
        if let Some(d) = script_digit(c) {
            out.push(d);
            continue;
        }
        match crate::text::fold_latin(c) {
            Some(f) if f.is_alphanumeric() => out.push(f),
            Some(_) => {}
            None => {
                out.clear();
                out.extend(fold(s).chars().filter(|c| c.is_alphanumeric()));
                return;
            }
        }
    }
}

/// The ASCII digit a subscript or superscript digit stands for.
fn script_digit(c: char) -> Option<char> {
    let d = match c {
        '₀'..='₉' => c as u32 - '₀' as u32,
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴'..='⁹' => c as u32 - '⁴' as u32 + 4,
        _ => return None,
    };
    char::from_digit(d, 10)
}

/// Whether a word starts a sentence: only opening punctuation lies between
/// it and the start of the text or a sentence end. A period after a title
/// abbreviation of the profile (`Dra.`) ends no sentence.
pub(in crate::checks) fn is_sentence_initial(
    text: &str,
    start: usize,
    profile: Option<&Profile>,
) -> bool {
    let before = text.get(..start).unwrap_or("");
    let mut newlines = 0;
    let mut in_braces = false;
    for (i, c) in before.char_indices().rev() {
        // A blank line (a paragraph or unit break) starts a sentence.
        newlines += usize::from(c == '\n');
        if newlines >= 2 {
            return true;
        }
        // A masked placeholder in braces (`{$START_LINK}` read as
        // `{$__________}`) is no word: look past it. A bare one (`%d`)
        // stays a word, as the catalogue rules expect.
        if c == '}' || in_braces {
            in_braces = c != '{';
            continue;
        }
        if c.is_whitespace() || "“\"‘'«([—–-".contains(c) {
            continue;
        }
        if c == '.'
            && let Some(p) = profile
            && let Some(prev) = last_word(before.get(..i).unwrap_or(""))
            && prev.end == i
            && p.segment
                .non_final_abbreviations
                .iter()
                .any(|a| a == prev.text)
        {
            return false;
        }
        return ".!?…:;".contains(c);
    }
    true
}

/// Whether a catalogue string's word after `before` opens a part of it:
/// only a (masked) placeholder comes first (`%d Row`, `%(name)s
/// Properties`), or a spaced dash parts a label (`Public - Everybody can`).
pub(super) fn opens_after_placeholder_or_dash(before: &str) -> bool {
    let t = before.trim_end();
    (!t.is_empty() && t.chars().all(|c| c == '_' || c.is_whitespace()))
        || (before.ends_with(char::is_whitespace)
            && ["-", "–", "—"].iter().any(|d| {
                t.strip_suffix(d)
                    .is_some_and(|b| b.ends_with(char::is_whitespace))
            }))
}

/// The last word of a text, read backwards from its end only: scanning the
/// whole text would make a document-wide pass quadratic.
pub(super) fn last_word(text: &str) -> Option<Word<'_>> {
    let from = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '‐'))
        .last()
        .map_or(text.len(), |(i, _)| i);
    let from = text[..from]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !c.is_whitespace())
        .last()
        .map_or(from, |(i, _)| i);
    let tail = &text[from..];
    words(tail).last().map(|w| Word {
        start: w.start + from,
        end: w.end + from,
        text: w.text,
    })
}

/// All capitals, two letters or more and no digits (`INE`, `U.S.`,
/// `HP-UX`): an acronym, for this rule and the acronym swaps alike.
pub(in crate::checks) fn is_acronym(w: &str) -> bool {
    // One pass, nothing collected: asked of every word of every link.
    let mut letters = 0;
    for c in w.chars() {
        if c.is_ascii_digit() {
            return false;
        }
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// `t` is `w` with a slip no translation makes: a code with other digits
/// and the same letters (`ISBN-10` → `ISBN-13`), or an acronym of three
/// letters or more with two neighbours swapped (`PDF` → `PFD`; a two-letter
/// one may be a translation: `EU` → `UE`) or one letter struck on the key
/// beside it in one of four letters or more (`USGS` → `USGC`; a
/// translation changes other letters: `OPEP` → `OPEC`).
pub(in crate::checks) fn is_slip(w: &str, t: &str) -> bool {
    if w == t {
        return false;
    }
    if is_code(w) && is_code(t) {
        let letters = |s: &str| -> String { s.chars().filter(|c| !c.is_ascii_digit()).collect() };
        return letters(w) == letters(t) && letters(w).chars().any(char::is_alphabetic);
    }
    if !(is_acronym(w) && is_acronym(t)) {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (w.chars().collect(), t.chars().collect());
    if a.len() != b.len() || a.len() < 3 {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    let near_key =
        |x: char, y: char| keyboard_neighbours(x.to_ascii_lowercase(), y.to_ascii_lowercase());
    match diff.as_slice() {
        [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
        // Three letters leave too little to tell a slip from another
        // acronym a translator prefers (CCV given as CVV).
        [i] => a.len() >= 4 && near_key(a[*i], b[*i]),
        _ => false,
    }
}

pub(super) fn is_code(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic)
}

/// A capitalised word, or a particle-prefixed one (`al-Assad`).
pub(super) fn is_capitalised(w: &str, profile: &Profile) -> bool {
    if starts_upper(w) {
        return true;
    }
    if let Some((pre, rest)) = w.split_once('-') {
        return profile.words.name_particles.iter().any(|p| p == pre) && starts_upper(rest);
    }
    false
}

pub(super) fn in_list(list: &[String], w: &str) -> bool {
    if w.is_ascii() {
        // `w.to_lowercase() == x`, byte by byte, without the copy.
        let lower_is = |x: &String| {
            x.len() == w.len()
                && x.bytes()
                    .zip(w.bytes())
                    .all(|(a, b)| a == b.to_ascii_lowercase())
        };
        return list.iter().any(lower_is);
    }
    let l = w.to_lowercase();
    list.contains(&l)
}

/// The names of a text (one link side).
pub(in crate::checks) fn find_names(
    text: &str,
    profile: &Profile,
    doc: &DocWords,
    lexicon: Option<&crate::lexicon::Lexicon>,
) -> Vec<Name> {
    let ws = words(text);
    let title_case = is_title_case(text, &ws, profile);
    let mut out: Vec<Name> = Vec::new();
    let mut cur: Vec<(Word, WordKind)> = Vec::new();
    let mut pending_particles: Vec<Word> = Vec::new();
    let flush = |cur: &mut Vec<(Word, WordKind)>, out: &mut Vec<Name>| {
        if let (Some(first), Some(last)) = (cur.first(), cur.last()) {
            out.push(Name {
                span: first.0.start..last.0.end,
                words: cur
                    .iter()
                    .map(|(w, k)| NameWord {
                        text: w.text.to_string(),
                        span: w.start..w.end,
                        kind: *k,
                    })
                    .collect(),
            });
        }
        cur.clear();
    };
    for (i, w) in ws.iter().enumerate() {
        // Only whitespace may separate the words of one name.
        let joined = i > 0
            && ws
                .get(i - 1)
                .and_then(|p| text.get(p.end..w.start))
                .is_some_and(|gap| gap.chars().all(char::is_whitespace));
        if !joined {
            flush(&mut cur, &mut out);
            pending_particles.clear();
        }
        let kind = classify(text, w, profile, doc, lexicon, title_case);
        match kind {
            Some(k) => {
                pending_particles.clear();
                cur.push((*w, k));
            }
            None => {
                let particle = !cur.is_empty()
                    && pending_particles.len() < 2
                    && in_list(&profile.words.name_particles, w.text);
                if particle {
                    pending_particles.push(*w);
                } else {
                    flush(&mut cur, &mut out);
                    pending_particles.clear();
                }
            }
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// The byte ranges of the lines of `text` written in title case.
pub(super) fn title_case_lines(text: &str, profile: &Profile) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        if line.len() < 200 && is_title_case(line, &words(line), profile) {
            out.push(at..at + line.len());
        }
        at += line.len() + 1;
    }
    out
}

/// A title in title case (`Save and Export Notebook As`): it starts with a
/// capital, has three capitalised words or more that are not function
/// words, no lower-case word but function words, and no full stop at the end.
pub(super) fn is_title_case(text: &str, ws: &[Word], profile: &Profile) -> bool {
    title_case_with(text, ws, profile, 3)
}

/// Capitalised words a catalogue string needs to read as a title-case
/// label: a string stands alone, so two do (Show Header).
pub(super) const LABEL_WORDS: usize = 2;

/// [`is_title_case`] with at least `min` capitalised words that are not
/// function words.
pub(super) fn title_case_with(text: &str, ws: &[Word], profile: &Profile, min: usize) -> bool {
    let function = |w: &Word| in_list(&profile.words.function_words, w.text);
    let lettered = || {
        ws.iter()
            .filter(|w| w.text.chars().any(char::is_alphabetic))
    };
    !text.trim_end().ends_with(['.', '!', '?'])
        && ws.first().is_some_and(|w| starts_upper(w.text))
        && lettered().filter(|w| !function(w)).count() >= min
        && lettered().all(|w| function(w) || starts_upper(w.text))
}

/// Whether a word is a name word, and of which kind. In a title-case text
/// every word reads like a sentence-initial one.
pub(super) fn classify(
    text: &str,
    w: &Word,
    profile: &Profile,
    doc: &DocWords,
    lexicon: Option<&crate::lexicon::Lexicon>,
    title_case: bool,
) -> Option<WordKind> {
    let t = w.text;
    // The profile's common words include codes (pt-PT "T2", a flat's type).
    if in_list(&profile.words.not_names, t) {
        return None;
    }
    if is_code(t) {
        // Ordinals and plain numbers with a unit letter are the number check's.
        let letters = t.chars().filter(|c| c.is_alphabetic()).count();
        let digits_first = t.chars().next().is_some_and(|c| c.is_ascii_digit());
        return (!digits_first || letters >= 2)
            .then_some(WordKind::Code)
            .filter(|_| !digits_first);
    }
    // Capitalisation first: it settles most words without lower-casing.
    if !is_capitalised(t, profile) {
        return None;
    }
    if in_list(&profile.words.function_words, t) {
        return None;
    }
    if is_acronym(t) {
        return Some(WordKind::Acronym);
    }
    if t.chars().count() < 2 {
        return None;
    }
    if title_case || is_sentence_initial(text, w.start, Some(profile)) {
        // A sentence-initial word (or any word of a title-case title) is a
        // name only if the document never has it in lower case, and either
        // has it capitalised mid-sentence or the lexicon does not know it as
        // a word of the language (Django).
        let key = squash(t);
        // Without a lexicon nothing is known to be unknown.
        let unknown = || lexicon.is_some() && !is_common_word(lexicon, t);
        if doc.lower.contains(&key) {
            return None;
        }
        if !doc.mid_capitalised.contains(&key) {
            return unknown().then_some(WordKind::Initial);
        }
    }
    Some(WordKind::Capitalised)
}

/// Whether a squashed word is among the keys, exactly or with a short
/// particle or ending attached (`albusaidi` for `busaidi`, `haddads`).
pub(super) fn present(key: &str, keys: &[String]) -> bool {
    keys.iter().any(|k| {
        k == key
            || (k.len() > key.len()
                && k.len() - key.len() <= 3
                && key.chars().count() >= 4
                && (k.starts_with(key) || k.ends_with(key)))
    })
}

/// Rewrites a word to a rough cross-language form with the profile's
/// cognate rules, then drops a plural `s` and final `a`/`e`/`o`.
pub(in crate::checks) fn cognate_form(w: &str, profile: &Profile) -> String {
    let s = rewrite(w.to_lowercase(), &profile.words.cognate_rewrites);
    let mut s = squash(&s);
    if s.len() > 3 && s.ends_with('s') && !s.ends_with("ss") {
        s.pop();
    }
    while s.len() > 3 && s.ends_with(['a', 'e', 'o']) {
        s.pop();
    }
    s
}
