//! How a name is spelt across languages and how a slip differs from a
//! convention: the profiles' cognate rewrites, spelling skeletons, typing
//! slips (transposition, doubled or dropped letter, neighbouring key) and
//! the near-miss search over a link's target words.

use super::*;

/// Applies spelling rewrites in order; `$` anchors a pattern at the end of
/// the word, `^` at its start.
pub(super) fn rewrite<'r>(
    mut s: String,
    rules: impl IntoIterator<Item = &'r [String; 2]>,
) -> String {
    for [from, to] in rules {
        if let Some(suffix) = from.strip_suffix('$') {
            if let Some(stem) = s.strip_suffix(suffix) {
                s = format!("{stem}{to}");
            }
        } else if let Some(prefix) = from.strip_prefix('^') {
            if let Some(rest) = s.strip_prefix(prefix) {
                s = format!("{to}{rest}");
            }
        } else if !from.is_empty() {
            s = s.replace(from.as_str(), to);
        }
    }
    s
}

/// The spelling skeleton of a name word: the profile's orthographic
/// correspondences applied to its folded form, doubled letters collapsed,
/// then a final `s` and vowels dropped. Conventional renderings of one name
/// share it (Ismael/Ishmael, Berseba/Beersheba, Timóteo/Timothy).
pub(in crate::checks) fn skeleton(w: &str, profile: &Profile) -> String {
    // Rules on accented letters (Irã → Iran) read the word before folding;
    // each part of a hyphenated name ends a word (Hazazom-Tamar).
    let rules = &profile.words.name_spellings;
    let s: String = w
        .split(['-', '‐'])
        .map(|part| {
            let part = rewrite(
                part.to_lowercase(),
                rules.iter().filter(|r| !r[0].is_ascii()),
            );
            rewrite(squash(&part), rules.iter().filter(|r| r[0].is_ascii()))
        })
        .collect();
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    while out.len() > 3 && out.last().is_some_and(|c| "aeious".contains(*c)) {
        out.pop();
    }
    out.into_iter().collect()
}

/// A name spelt with letter groups its own language does not use (`Haddad`
/// in Portuguese): a foreign spelling kept verbatim, so the translation
/// keeps it too and any deviation is a slip.
pub(in crate::checks) fn is_foreign_spelling(w: &str, profile: &Profile) -> bool {
    let f = fold(w).to_lowercase();
    profile
        .words
        .foreign_in_names
        .iter()
        .any(|g| !g.is_empty() && f.contains(g.as_str()))
}

/// Whether two spellings differ by one typing slip: a transposition, a
/// letter doubled, dropped or added, or a key struck beside the right one.
pub(in crate::checks) fn is_typo(a: &str, b: &str) -> bool {
    let (a, b) = (squash(a), squash(b));
    let d = strsim::osa_distance(&a, &b);
    if (double_moved(&a, &b) || letter_moved(&a, &b)) && d <= 2 {
        return true;
    }
    if d != 1 {
        return false;
    }
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if x.len() != y.len() {
        return true;
    }
    let diffs: Vec<usize> = (0..x.len()).filter(|&i| x[i] != y[i]).collect();
    match diffs.as_slice() {
        [i] => keyboard_neighbours(x[*i], y[*i]),
        _ => true,
    }
}

/// Neighbouring keys on a QWERTY keyboard.
pub(super) fn keyboard_neighbours(a: char, b: char) -> bool {
    const ROWS: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
    let pos = |c: char| {
        ROWS.iter()
            .enumerate()
            .find_map(|(r, row)| row.find(c).map(|i| (r as i32, i as i32)))
    };
    let (Some((ra, ca)), Some((rb, cb))) = (pos(a), pos(b)) else {
        return false;
    };
    // Lower rows sit half a key to the right.
    (ra == rb && (ca - cb).abs() == 1) || ((ra - rb).abs() == 1 && (ca - cb).abs() <= 1)
}

/// Folded edit distance and its ratio to the longer word.
pub(in crate::checks) fn edit(a: &str, b: &str) -> (usize, f64) {
    let (a, b) = (squash(a), squash(b));
    let len = a.chars().count().max(b.chars().count()).max(1);
    // Transpositions count once (Silva → Sliva).
    let d = strsim::osa_distance(&a, &b);
    (d, d as f64 / len as f64)
}

/// Whether two different spellings are close enough to be one name misspelt.
pub(in crate::checks) fn is_near(a: &str, b: &str) -> bool {
    let (a, b) = (squash(a), squash(b));
    let (la, lb) = (a.chars().count(), b.chars().count());
    let len = la.max(lb);
    // The distance is at least the difference in length: most pairs
    // are decided without computing it.
    if len < 5 || la.abs_diff(lb) > 2 {
        return false;
    }
    let d = strsim::osa_distance(&a, &b);
    (1..=2).contains(&d)
        && (d as f64 / len as f64 <= 0.25
            || double_moved(&a, &b)
            || one_slip_twice(&a, &b)
            || letter_moved(&a, &b))
}

/// Whether one letter of `a` stands two or three places away in `b`, the
/// rest in order (Castro as Crasto): a slip of the fingers, where a
/// transposition moves it one place.
pub(super) fn letter_moved(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a == b {
        return false;
    }
    let first = (0..a.len()).find(|&i| a[i] != b[i]).unwrap_or(0);
    let last = (0..a.len()).rfind(|&i| a[i] != b[i]).unwrap_or(0);
    let (x, y) = (&a[first..=last], &b[first..=last]);
    let span = x.len();
    // The differing stretch is one letter carried from one end to the other.
    (3..=4).contains(&span)
        && ((x[0] == y[span - 1] && x[1..] == y[..span - 1])
            || (x[span - 1] == y[0] && x[..span - 1] == y[1..]))
}

/// Whether two spellings of one length differ in two places that are one
/// slip: a doubled letter typed as another (Hammes as Hannes), or two
/// letters one apart exchanged (Tavares as Taveras).
pub(super) fn one_slip_twice(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    let [i, j] = diff[..] else {
        return false;
    };
    let doubled = j == i + 1 && a[i] == a[j] && b[i] == b[j];
    let exchanged = j == i + 2 && a[i] == b[j] && a[j] == b[i];
    doubled || exchanged
}

/// Whether two spellings differ only in which letter is doubled
/// (Bezerra as Bezzera): a typing slip, though two edits on seven letters.
pub(super) fn double_moved(a: &str, b: &str) -> bool {
    let single = |s: &str| {
        let mut v: Vec<char> = s.chars().collect();
        v.dedup();
        v
    };
    a != b && a.chars().count() == b.chars().count() && single(a) == single(b)
}

/// Whether two spellings differ by exactly one vowel substituted, added or
/// dropped (`Mohammad`/`Mohammed`, `Mahmud`/`Mahmoud`).
pub(in crate::checks) fn is_vowel_variant(a: &str, b: &str) -> bool {
    let vowel = |c: char| "aeiouy".contains(c);
    let a: Vec<char> = squash(a).chars().collect();
    let b: Vec<char> = squash(b).chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match long.len() - short.len() {
        0 => {
            let diffs: Vec<usize> = (0..long.len()).filter(|&i| long[i] != short[i]).collect();
            diffs.len() == 1 && diffs.iter().all(|&i| vowel(long[i]) && vowel(short[i]))
        }
        1 => {
            let i = (0..short.len())
                .find(|&i| long[i] != short[i])
                .unwrap_or(short.len());
            vowel(long[i]) && long[..i] == short[..i] && long[i + 1..] == short[i..]
        }
        _ => false,
    }
}

/// Whether a word holds a letter native to the profile's language (`ã`, `ç`).
pub(super) fn has_native(w: &str, p: &Profile) -> bool {
    w.chars().any(|c| {
        p.words
            .native_letters
            .chars()
            .any(|n| c.to_lowercase().eq(n.to_lowercase()))
    })
}

/// What the target holds for a source name word missing as such.
pub(super) enum Near<'a> {
    /// A likely rendering: a cognate (Pentágono → Pentagon), an accented
    /// local form's translation, or a glossary spelling.
    Rendered,
    /// A near spelling that is not a rendering: a misspelling.
    Miss(Word<'a>),
    None,
}

/// Whether the source word is a common word of its language (the lexicon
/// knows it): capitalised in a name (GitHub Discussion), it may take the
/// target's plural, where a person's name may not (Henrique, Henriques).
pub(super) fn is_common_word(lexicon: Option<&crate::lexicon::Lexicon>, w: &str) -> bool {
    lexicon.is_some_and(|l| !l.concepts(crate::lexicon::Side::Source, w).is_empty())
}

/// Whether the bilingual lexicon pairs the two words: a common word
/// capitalised in a name and translated (Horizonte Europa → Horizon
/// Europe, Tribunal Eleitoral → Electoral Court), not a name misspelt.
pub(super) fn same_concept(lexicon: &crate::lexicon::Lexicon, src: &str, tgt: &str) -> bool {
    use crate::lexicon::Side;
    let s = lexicon.concepts(Side::Source, src);
    !s.is_empty()
        && lexicon
            .concepts(Side::Target, tgt)
            .iter()
            .any(|c| s.contains(c))
}

/// What the lexicon and the whole document say about a name word's
/// renderings.
pub(super) struct Evidence<'l> {
    pub lexicon: Option<&'l crate::lexicon::Lexicon>,
    /// The translation keeps every other name as it is ([`Conventions`]).
    pub keeps_names: bool,
}

/// The squashed keys a target word holds besides its whole: without its
/// possessive (the X2's) and each part of a hyphenated compound
/// (IP68-rated, São Paulo-based).
pub(super) fn word_parts(w: &str) -> Vec<String> {
    let base = without_possessive(w).unwrap_or(w);
    let mut keys: Vec<String> = base
        .split(['-', '‐', '‑'])
        .filter(|p| !p.is_empty())
        .map(squash)
        .collect();
    if keys.len() == 1 && base.len() == w.len() {
        keys.clear();
    }
    keys
}

/// A name word without its possessive ending ("CNCF's", "Foundation’s").
pub(in crate::checks) fn without_possessive(w: &str) -> Option<&str> {
    ["'s", "’s"]
        .iter()
        .find_map(|e| w.strip_suffix(e))
        .filter(|b| !b.is_empty())
}

/// Looks for the source name word's rendering or misspelling in the target.
pub(super) fn near_miss<'a>(
    w: &NameWord,
    tgt_words: &[Word<'a>],
    tgt_gl: &[Match],
    forms: &TargetForms,
    [src_doc, tgt_doc]: [&DocWords; 2],
    [sp, tp]: [&Profile; 2],
    Evidence {
        lexicon,
        keeps_names,
    }: Evidence,
) -> Near<'a> {
    let key = squash(&w.text);
    let has_native = has_native(&w.text, sp);
    let cog = cognate_form(&w.text, sp);
    let foreign = is_foreign_spelling(&w.text, sp);
    let src_skeleton = std::cell::OnceCell::new();
    let mut best: Option<(usize, Word<'a>)> = None;
    let mut rendered = false;
    for (p, t) in tgt_words.iter().enumerate() {
        if !starts_upper(t.text) {
            continue;
        }
        // Cognate renderings (Pentágono → Pentagon, Zelenski → Zelensky),
        // unless the target keeps the source spelling elsewhere, or keeps
        // every other name as it is.
        if !keeps_names && *forms.cognate(p, t.text, tp) == *cog && !tgt_doc.has(&key) {
            rendered = true;
            continue;
        }
        // An orthographic correspondence (Ismael → Ishmael, Agripa →
        // Agrippa) of a name spelt natively: a convention, unless the
        // target keeps the source spelling elsewhere. The same letters
        // with the doubling moved (Sorriso → Sorisso) are a typing slip.
        if !foreign
            && !keeps_names
            && !tgt_doc.has(&key)
            && !double_moved(&key, &squash(t.text))
            && forms.same_skeleton(
                p,
                t.text,
                tp,
                src_skeleton.get_or_init(|| skeleton(&w.text, sp)),
            )
        {
            rendered = true;
            continue;
        }
        // "CNCF's" → "da CNCF": the target says the possessive in other words.
        if without_possessive(&w.text) == Some(t.text) {
            rendered = true;
            continue;
        }
        // "Sobal's" for Sobral: the possessive is the target's grammar.
        let t = match without_possessive(t.text) {
            Some(b) if without_possessive(&w.text).is_none() => Word {
                start: t.start,
                end: t.start + b.len(),
                text: b,
            },
            _ => *t,
        };
        if !is_near(&w.text, t.text) {
            continue;
        }
        let tkey = squash(t.text);
        // Another name of the source document (Iran and Iraq both there).
        if src_doc.has(&tkey) {
            continue;
        }
        // The glossary owns glossary spellings; a common word of either
        // language (carnaval, carnival) may be translated, unless the
        // target keeps the source spelling elsewhere as a name (Frederico
        // Varandas, then "Verandas said"); an accented local
        // form may be translated (Romênia → Romania) unless the target keeps
        // the source spelling elsewhere.
        if tgt_gl.iter().any(|g| g.start < t.end && t.start < g.end)
            || src_doc.lower.contains(&key)
            || tgt_doc.lower.contains(&tkey)
            || (has_native && !tgt_doc.has(&key))
            || (!tgt_doc.has(&key) && lexicon.is_some_and(|l| same_concept(l, &w.text, t.text)))
            || (!tgt_doc.has(&key)
                && crate::countries::same_country(&sp.code, &w.text, &tp.code, t.text))
        {
            rendered = true;
            continue;
        }
        let d = edit(&w.text, t.text).0;
        if best.as_ref().is_none_or(|b| d < b.0) {
            best = Some((d, t));
        }
    }
    match best {
        _ if rendered => Near::Rendered,
        Some((_, t)) => Near::Miss(t),
        None => Near::None,
    }
}
