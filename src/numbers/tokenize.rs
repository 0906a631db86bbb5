//! Splitting text into the tokens the reader walks: digit runs with their
//! separators, words, and single other characters.

use super::lexicon::Lexicon;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokKind {
    Digits,
    Word,
    Punct,
}

#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: TokKind,
    pub(super) lower: String,
    /// Whitespace (or the start of text) right before the token.
    pub(super) space_before: bool,
}

pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Splits text into digit runs (with their inner separators), letter runs
/// (with inner hyphens and apostrophes) and single other characters.
/// Walks byte offsets, decoding a char at a time: no char table is built.
pub(super) fn tokenize(text: &str, space_groups: &[char]) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    let mut space = true;
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        if c.is_whitespace() {
            space = true;
            i += len;
            continue;
        }
        let (end, kind) = if c.is_ascii_digit() {
            (digits_end(text, i, space_groups), TokKind::Digits)
        } else if c.is_alphabetic() {
            (word_end(text, i + len), TokKind::Word)
        } else {
            (i + len, TokKind::Punct)
        };
        out.push(Tok {
            start: i,
            end,
            kind,
            lower: text[i..end].to_lowercase(),
            space_before: space,
        });
        space = false;
        i = end;
    }
    out
}

/// The char at byte offset `i` of `text` (a char boundary) and its length.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
        Some(_) => text[i..].chars().next().map(|c| (c, c.len_utf8())),
        None => None,
    }
}

/// The end (a byte offset) of the digit run starting at `k`, taking in `.`
/// and `,` between digits, and a space-group separator ("1 000") while the
/// groups are well formed and no other separator came before.
fn digits_end(text: &str, k: usize, space_groups: &[char]) -> usize {
    let b = text.as_bytes();
    // Digits are ASCII: a digit byte is a digit char.
    let digit_at = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
    let mut j = k;
    while digit_at(j) {
        j += 1;
    }
    // For space grouping ("1 000"): a first run of at most three digits;
    // every later run is a group of three (taken only while no `.` or `,`
    // came before).
    let first_run = j - k;
    let mut only_space_groups = true;
    loop {
        match char_at(text, j) {
            Some(('.' | ',', _)) if digit_at(j + 1) => {
                only_space_groups = false;
                j += 1;
                while digit_at(j) {
                    j += 1;
                }
            }
            Some((s, len)) if space_groups.contains(&s) && only_space_groups => {
                let three = (0..3).all(|d| digit_at(j + len + d)) && !digit_at(j + len + 3);
                if first_run <= 3 && three {
                    j += len + 3;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    j
}

/// The end (a byte offset) of the word whose first letter ends at `j`:
/// letters, with a hyphen or apostrophe inside ("vinte-e-um", "d’euros")
/// but not at its end.
fn word_end(text: &str, mut j: usize) -> usize {
    while let Some((cj, len)) = char_at(text, j) {
        let inner = (is_dash(cj) || cj == '\'' || cj == '’')
            && char_at(text, j + len).is_some_and(|(c, _)| c.is_alphabetic());
        if cj.is_alphabetic() || inner {
            j += len;
        } else {
            break;
        }
    }
    j
}

/// (value, decimals, grouped, decimal sep, group sep) of a run of digits.
pub(super) type DigitRead = (f64, usize, bool, Option<char>, Option<char>);

/// Reads a run of digits and separators with one convention.
pub(super) fn read_digits(raw: &str, decimal: char, groups: &[char]) -> Option<DigitRead> {
    let mut int = String::new();
    let mut frac: Option<String> = None;
    let mut runs: Vec<usize> = vec![0];
    let mut group_sep: Option<char> = None;
    for c in raw.chars() {
        if c.is_ascii_digit() {
            match &mut frac {
                Some(f) => f.push(c),
                None => {
                    int.push(c);
                    if let Some(r) = runs.last_mut() {
                        *r += 1;
                    }
                }
            }
        } else if frac.is_some() {
            return None;
        } else if c == decimal {
            frac = Some(String::new());
        } else if groups.contains(&c) {
            if group_sep.is_some_and(|g| g != c) {
                return None;
            }
            group_sep = Some(c);
            runs.push(0);
        } else {
            return None;
        }
    }
    if group_sep.is_some() {
        let first_ok = runs.first().is_some_and(|&r| (1..=3).contains(&r));
        if !first_ok || runs.iter().skip(1).any(|&r| r != 3) {
            return None;
        }
    }
    let decimals = frac.as_ref().map_or(0, |f| f.len());
    let s = match &frac {
        Some(f) => format!("{int}.{f}"),
        None => int,
    };
    let v: f64 = s.parse().ok()?;
    Some((
        v,
        decimals,
        group_sep.is_some(),
        frac.map(|_| decimal),
        group_sep,
    ))
}

/// Splits a word that starts with one of the profile's elided joiners
/// (`d’euros`) into the joiner and the rest, so that the joiner does its work.
pub(super) fn split_elisions(toks: Vec<Tok>, elisions: &[String]) -> Vec<Tok> {
    if elisions.is_empty() {
        return toks;
    }
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        let cut = (t.kind == TokKind::Word && t.lower.len() == t.end - t.start)
            .then(|| {
                elisions
                    .iter()
                    .find(|e| t.lower.starts_with(e.as_str()) && t.lower.len() > e.len())
            })
            .flatten()
            .map(String::len);
        match cut {
            Some(n) if t.lower.is_char_boundary(n) => {
                out.push(Tok {
                    start: t.start,
                    end: t.start + n,
                    kind: TokKind::Word,
                    lower: t.lower[..n].to_string(),
                    space_before: t.space_before,
                });
                out.push(Tok {
                    start: t.start + n,
                    end: t.end,
                    kind: TokKind::Word,
                    lower: t.lower[n..].to_string(),
                    space_before: false,
                });
            }
            _ => out.push(t),
        }
    }
    out
}

/// Splits hyphenated words made only of number words ("twenty-two",
/// "two-thirds") or of an ordinal and a noun it counts ("second-largest")
/// into their parts; other compounds ("primeiro-ministro") stay whole and
/// so are not numbers.
pub(super) fn split_number_compounds(toks: Vec<Tok>, lx: &Lexicon) -> Vec<Tok> {
    // Most texts have no hyphenated word: no copy.
    if !toks
        .iter()
        .any(|t| t.kind == TokKind::Word && t.lower.chars().any(is_dash))
    {
        return toks;
    }
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        if t.kind != TokKind::Word || !t.lower.chars().any(is_dash) {
            out.push(t);
            continue;
        }
        let parts: Vec<&str> = t.lower.split(is_dash).collect();
        // "zero-deficit", "two-year": a cardinal leading a compound is a
        // number; an ordinal is not ("primeiro-ministro", "segunda-feira").
        let lead = if parts.iter().all(|p| lx.is_number_word(p)) {
            parts.len()
        } else if let [first, noun] = parts.as_slice()
            && lx.ordinals.contains_key(*first)
            && lx.ordinal_nouns.iter().any(|n| n == noun)
        {
            // "second-largest": an ordinal before a noun it counts.
            1
        } else {
            parts
                .iter()
                .take_while(|p| {
                    lx.cardinals.contains_key(**p)
                        || lx.scales.contains_key(**p)
                        || lx.fractions.contains_key(**p) && !lx.ordinals.contains_key(**p)
                })
                .count()
        };
        // "two-and-a-half-year", "25-and-a-half-hour": a fraction tail
        // after the number splits off too, before the noun it counts.
        let lead = lead
            + lx.fraction_tails
                .iter()
                .map(|(p, _)| p.as_slice())
                .find(|p| {
                    parts
                        .get(lead..lead + p.len())
                        .is_some_and(|q| q.iter().zip(*p).all(|(a, b)| a == b))
                })
                .map_or(0, <[String]>::len);
        // Lower-casing can change byte lengths; keep the whole word then.
        if parts.len() < 2 || lead == 0 || t.lower.len() != t.end - t.start {
            out.push(t);
            continue;
        }
        let mut pos = t.start;
        for (k, p) in parts.iter().enumerate() {
            if k == lead {
                out.push(Tok {
                    start: pos,
                    end: t.end,
                    kind: TokKind::Word,
                    lower: t.lower[pos - t.start..].to_string(),
                    space_before: false,
                });
                break;
            }
            out.push(Tok {
                start: pos,
                end: pos + p.len(),
                kind: TokKind::Word,
                lower: p.to_string(),
                space_before: k == 0 && t.space_before,
            });
            // Every dash here is one char; skip it.
            let dash_len = t.lower[pos - t.start + p.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            pos += p.len() + dash_len;
        }
    }
    out
}

/// Splits a number word from a short clitic after an apostrophe ("the
/// forty's sake"), so the number is read.
pub(super) fn split_clitics(toks: Vec<Tok>, lx: &Lexicon) -> Vec<Tok> {
    // Most texts have no word with an apostrophe: no copy.
    if !toks
        .iter()
        .any(|t| t.kind == TokKind::Word && t.lower.contains(['\'', '’']))
    {
        return toks;
    }
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        let cut = (t.kind == TokKind::Word && t.lower.len() == t.end - t.start)
            .then(|| t.lower.rfind(['\'', '’']))
            .flatten()
            .filter(|&k| {
                let rest = t.lower[k..].chars().skip(1).count();
                (1..=2).contains(&rest) && lx.is_number_word(&t.lower[..k])
            });
        match cut {
            Some(k) => {
                out.push(Tok {
                    start: t.start,
                    end: t.start + k,
                    kind: TokKind::Word,
                    lower: t.lower[..k].to_string(),
                    space_before: t.space_before,
                });
                out.push(Tok {
                    start: t.start + k,
                    end: t.end,
                    kind: TokKind::Word,
                    lower: t.lower[k..].to_string(),
                    space_before: false,
                });
            }
            None => out.push(t),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::numbers::test_support::*;

    #[test]
    fn compounds_are_not_numbers() {
        assert!(extract("o primeiro-ministro", &pt()).is_empty());
        // A weekday, not the number two.
        let m = extract("na segunda-feira", &pt());
        assert!(
            m.iter().all(|m| m.kind == NumberKind::Weekday(0) && m.weak),
            "{m:?}"
        );
        assert!(strong("one-time deal", &en()).is_empty());
    }

    #[test]
    fn leading_cardinal_in_compound_is_a_number() {
        assert_eq!(strong("the 20-million-item collection", &en()), [2e7]);
        assert_eq!(strong("a two-million-dollar house", &en()), [2e6]);
        assert_eq!(strong("the zero-deficit target", &en()), [0.0]);
        assert_eq!(strong("a three-day visit", &en()), [3.0]);
    }

    #[test]
    fn elided_joiners_glued_to_a_currency_name() {
        let fr = Profile::builtin("fr");
        let found = extract("un plan de 2,5 milliards d’euros", &fr);
        assert!(
            found
                .iter()
                .any(|m| m.kind == NumberKind::Currency("EUR".into()) && m.value == 2.5e9),
            "{found:#?}"
        );
        // Without an elided joiner in the profile, the word stays whole.
        let en = Profile::builtin("en");
        let found = extract("2.5 billion d’euros", &en);
        assert!(
            found.iter().all(|m| m.kind == NumberKind::Plain),
            "{found:#?}"
        );
    }

    #[test]
    fn a_clitic_after_a_number_word_is_split_off() {
        assert_eq!(strong("for the forty's sake", &en()), [40.0]);
        assert_eq!(strong("for the ten’s sake", &en()), [10.0]);
        assert!(strong("o'clock", &en()).is_empty());
    }
}
