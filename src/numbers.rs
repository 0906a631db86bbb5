//! Reading numbers in text by each language's conventions: digits with
//! decimal and group separators, number words, scales, ordinals,
//! percentages, currencies, ranges, times, decades and dates.
//!
//! Everything language-specific comes from [`NumberProfile`]; this module
//! only knows the shapes (digits, words, symbols) and how they combine.

use crate::profile::{NumberProfile, Profile};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// What a number stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum NumberKind {
    Plain,
    Percent,
    /// `pontos percentuais`, `percentage points`, `basis points` (as points).
    PercentagePoints,
    /// An amount of money, with its ISO 4217 code when known (else the symbol).
    Currency(String),
    /// `1º`, `4th`, `quarto`.
    Ordinal,
    /// `dois terços`, `half`.
    Fraction,
    /// Four digits between 1000 and 2999 with no separators.
    Year,
    /// A calendar date; `value` is 0.
    Date {
        month: u8,
        day: Option<u8>,
        year: Option<i32>,
    },
    /// A day of the month without its month ("quinta-feira (30)"); `value`
    /// is the day.
    Day(u8),
    /// A month name alone; `value` is the month number.
    Month(u8),
    /// A time of day in minutes after midnight; `twelve_hour` when it may be
    /// either morning or afternoon ("2:30").
    Time {
        minutes: u32,
        twelve_hour: bool,
    },
    /// `anos 90`, `1990s`; `value` is the decade as written (90 or 1990).
    Decade,
    /// `dezenas de milhares`, `tens of thousands`; `value` is the class (1e4).
    Vague,
    /// Digits inside an identifier (`F-35`, `G7`, `COVID-19`).
    Code,
    /// A version or dotted identifier (`2.4.1`), compared as written.
    Version(String),
    /// A day of the week, 0 = Monday; `value` is the same.
    Weekday(u8),
}

/// How the digits of a number were written.
#[derive(Debug, Clone, PartialEq)]
pub struct DigitInfo {
    /// Byte span of the digits and their separators.
    pub start: usize,
    pub end: usize,
    /// The decimal and group separators found.
    pub decimal_sep: Option<char>,
    pub group_sep: Option<char>,
    /// Digits after the decimal separator.
    pub decimals: usize,
    /// The digits only fit the other convention (`2,5` or `1.693.673` in English).
    pub foreign: bool,
    /// The value read with the other convention, when that reading is valid
    /// too and differs (`1.000` in English: 1.0 here, 1000 there), with its
    /// decimals and whether it was grouped.
    pub alt: Option<(f64, usize, bool)>,
}

/// A number found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    /// The value, with scale words applied (`1,2 bilhão` = 1.2e9).
    pub value: f64,
    pub kind: NumberKind,
    /// The text of the span.
    pub raw: String,
    /// Written wholly in words (`três`, `two-thirds`).
    pub words: bool,
    /// The scale word and its multiplier (`bilhões`, 1e9), when there is one.
    pub scale: Option<(String, f64)>,
    /// How the digits were written, when there are digits.
    pub digits: Option<DigitInfo>,
    /// Only a possible number ("um acordo", "segundo ele", "one of", "May"):
    /// counted when the other side confirms it, never reported alone.
    pub weak: bool,
}

impl NumberMention {
    /// The value before the scale word (1.2 in "1,2 bilhão").
    pub fn mantissa(&self) -> f64 {
        match &self.scale {
            Some((_, s)) if *s != 0.0 => self.value / s,
            _ => self.value,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Digits,
    Word,
    Punct,
}

#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    kind: TokKind,
    lower: String,
    /// Whitespace (or the start of text) right before the token.
    space_before: bool,
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Splits text into digit runs (with their inner separators), letter runs
/// (with inner hyphens and apostrophes) and single other characters.
fn tokenize(text: &str, space_groups: &[char]) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
    let digit_at = |k: usize| chars.get(k).is_some_and(|c| c.1.is_ascii_digit());
    let mut out = Vec::new();
    let mut space = true;
    let mut k = 0;
    while k < n {
        let (i, c) = chars[k];
        if c.is_whitespace() {
            space = true;
            k += 1;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            let mut j = k;
            while digit_at(j) {
                j += 1;
            }
            // Lengths of the digit runs so far, for space grouping ("1 000").
            let mut runs = vec![j - k];
            let mut only_space_groups = true;
            loop {
                let sep = chars.get(j).map(|c| c.1);
                match sep {
                    Some('.') | Some(',') if digit_at(j + 1) => {
                        only_space_groups = false;
                        j += 1;
                        let s = j;
                        while digit_at(j) {
                            j += 1;
                        }
                        runs.push(j - s);
                    }
                    Some(s) if space_groups.contains(&s) && only_space_groups => {
                        let first_ok = runs.first().is_some_and(|&r| r <= 3);
                        let rest_ok = runs.iter().skip(1).all(|&r| r == 3);
                        let three = (1..=3).all(|d| digit_at(j + d)) && !digit_at(j + 4);
                        if first_ok && rest_ok && three {
                            j += 4;
                            runs.push(3);
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            k = j;
            TokKind::Digits
        } else if c.is_alphabetic() {
            let mut j = k + 1;
            while j < n {
                let cj = chars[j].1;
                let inner = (is_dash(cj) || cj == '\'' || cj == '’')
                    && chars.get(j + 1).is_some_and(|c| c.1.is_alphabetic());
                if cj.is_alphabetic() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            k = j;
            TokKind::Word
        } else {
            k += 1;
            TokKind::Punct
        };
        let end = end_of(k);
        out.push(Tok {
            start: i,
            end,
            kind,
            lower: text[i..end].to_lowercase(),
            space_before: space,
        });
        space = false;
    }
    out
}

/// (value, decimals, grouped, decimal sep, group sep) of a run of digits.
type DigitRead = (f64, usize, bool, Option<char>, Option<char>);

/// Reads a run of digits and separators with one convention.
fn read_digits(raw: &str, decimal: char, groups: &[char]) -> Option<DigitRead> {
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

/// Phrases split into lower-case tokens, for matching against text tokens.
fn phrase_tokens(s: &str) -> Vec<String> {
    tokenize(&s.to_lowercase(), &[])
        .into_iter()
        .map(|t| t.lower)
        .collect()
}

fn phrase_list<'a>(items: impl Iterator<Item = &'a String>) -> Vec<Vec<String>> {
    let mut v: Vec<Vec<String>> = items
        .map(|s| phrase_tokens(s))
        .filter(|p| !p.is_empty())
        .collect();
    // Longest first, so "US$" wins over "$".
    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
    v
}

fn lower_map(m: &BTreeMap<String, f64>) -> BTreeMap<String, f64> {
    m.iter()
        .filter(|(k, _)| !k.trim().contains(' '))
        .map(|(k, v)| (k.to_lowercase(), *v))
        .collect()
}

fn lower_list(v: &[String]) -> Vec<String> {
    v.iter().map(|s| s.to_lowercase()).collect()
}

/// The profile data prepared for lookups.
struct Lexicon {
    decimal: char,
    groups: Vec<char>,
    cardinals: BTreeMap<String, f64>,
    ordinals: BTreeMap<String, f64>,
    fractions: BTreeMap<String, f64>,
    scales: BTreeMap<String, f64>,
    vague: BTreeMap<String, f64>,
    joiners: Vec<String>,
    ambiguous: Vec<String>,
    articles: Vec<String>,
    scale_abbreviations: Vec<String>,
    vague_joiners: Vec<String>,
    date_joiners: Vec<String>,
    range_words: Vec<String>,
    ordinal_suffixes: Vec<String>,
    decade_suffixes: Vec<String>,
    hour_marks: Vec<String>,
    time_words: Vec<String>,
    percent: Vec<Vec<String>>,
    points: Vec<Vec<String>>,
    currency_prefix: Vec<(Vec<String>, String)>,
    currency_suffix: Vec<(Vec<String>, String)>,
    currency_joiners: Vec<String>,
    am: Vec<Vec<String>>,
    pm: Vec<Vec<String>>,
    decade_prefixes: Vec<Vec<String>>,
    ambiguous_phrases: Vec<Vec<String>>,
    /// Multiple phrases ("o dobro"), longest first.
    multipliers: Vec<(Vec<String>, f64)>,
    /// (lower-case name, month number, must be capitalised)
    months: Vec<(String, u8, bool)>,
    month_abbreviations: Vec<(String, u8, bool)>,
    weekdays: Vec<String>,
    basis_points: Vec<Vec<String>>,
    /// Order of day and month in "15/08/2024": true for day first.
    day_first: bool,
    /// The profile gives no decimal separator: no digits are foreign.
    unknown_convention: bool,
    /// Joiners ending in an apostrophe (`d’`): elisions written glued to
    /// the next word ("milliards d’euros").
    elisions: Vec<String>,
}

impl Lexicon {
    fn new(p: &NumberProfile) -> Lexicon {
        let decimal = p.decimal.chars().next().unwrap_or('.');
        let mut groups: Vec<char> = p.group.iter().filter_map(|g| g.chars().next()).collect();
        if p.decimal.is_empty() && groups.is_empty() {
            groups.push(',');
        }
        groups.retain(|&g| g != decimal);
        let mut currencies: Vec<(String, String)> = p
            .currency_codes
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for c in &p.currencies {
            if !p.currency_codes.contains_key(c) {
                currencies.push((c.clone(), c.clone()));
            }
        }
        let symbolic = |s: &str| {
            s.chars().any(|c| !c.is_alphabetic()) || s.chars().all(|c| c.is_ascii_uppercase())
        };
        let mk = |list: Vec<&(String, String)>| {
            let mut v: Vec<(Vec<String>, String)> = list
                .into_iter()
                .map(|(k, code)| (phrase_tokens(k), code.clone()))
                .filter(|(p, _)| !p.is_empty())
                .collect();
            v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
            v
        };
        let currency_prefix = mk(currencies.iter().filter(|c| symbolic(&c.0)).collect());
        let currency_suffix = mk(currencies.iter().collect());
        // "Sep|Sept": spellings of one month separated by `|`.
        let months = |v: &[String]| {
            v.iter()
                .enumerate()
                .flat_map(|(i, m)| {
                    m.split('|')
                        .filter(|x| !x.is_empty())
                        .map(move |x| {
                            let cap = x.chars().next().is_some_and(char::is_uppercase);
                            (x.to_lowercase(), (i + 1).min(12) as u8, cap)
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        };
        Lexicon {
            decimal,
            groups,
            cardinals: lower_map(&p.cardinals),
            ordinals: lower_map(&p.ordinals),
            fractions: lower_map(&p.fractions),
            scales: lower_map(&p.scales),
            vague: lower_map(&p.vague),
            joiners: lower_list(&p.joiners),
            ambiguous: lower_list(&p.ambiguous),
            articles: lower_list(&p.articles),
            scale_abbreviations: lower_list(&p.scale_abbreviations),
            vague_joiners: lower_list(&p.vague_joiners),
            date_joiners: lower_list(&p.date_joiners),
            range_words: lower_list(&p.range_words),
            ordinal_suffixes: {
                let mut v = p.ordinal_suffixes.clone();
                v.sort_by_key(|s| std::cmp::Reverse(s.len()));
                v
            },
            decade_suffixes: {
                let mut v = p.decade_suffixes.clone();
                v.sort_by_key(|s| std::cmp::Reverse(s.len()));
                v
            },
            hour_marks: lower_list(&p.time_hour_marks),
            time_words: lower_list(&p.time_words),
            percent: phrase_list(p.percent_words.iter()),
            points: phrase_list(p.percentage_point_words.iter()),
            currency_prefix,
            currency_suffix,
            currency_joiners: lower_list(&p.currency_joiners),
            am: phrase_list(p.time_am.iter()),
            pm: phrase_list(p.time_pm.iter()),
            decade_prefixes: phrase_list(p.decade_prefixes.iter()),
            ambiguous_phrases: phrase_list(p.ambiguous_phrases.iter()),
            multipliers: {
                let mut v: Vec<(Vec<String>, f64)> = p
                    .multipliers
                    .iter()
                    .map(|(k, v)| (phrase_tokens(k), *v))
                    .filter(|(k, _)| !k.is_empty())
                    .collect();
                v.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
                v
            },
            months: months(&p.months),
            month_abbreviations: months(&p.month_abbreviations),
            weekdays: lower_list(&p.weekdays),
            basis_points: phrase_list(p.basis_point_words.iter()),
            day_first: !p.numeric_date_order.eq_ignore_ascii_case("mdy"),
            unknown_convention: p.decimal.is_empty(),
            elisions: p
                .currency_joiners
                .iter()
                .chain(&p.vague_joiners)
                .chain(&p.date_joiners)
                .chain(&p.joiners)
                .map(|j| j.trim().to_lowercase())
                .filter(|j| j.chars().count() >= 2 && j.ends_with(['’', '\'']))
                .collect(),
        }
    }

    /// A word that may take part in a number written in words.
    fn is_number_word(&self, w: &str) -> bool {
        self.cardinals.contains_key(w)
            || self.ordinals.contains_key(w)
            || self.fractions.contains_key(w)
            || self.scales.contains_key(w)
            || self.joiners.iter().any(|j| j == w)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Digits,
    Card(f64),
    Scale(f64),
    Ord(f64),
}

/// The number itself, before percent and currency markers.
struct Core {
    value: f64,
    end: usize,
    words: bool,
    scale: Option<(String, f64)>,
    ordinal: bool,
    fraction: bool,
    digits: Option<DigitInfo>,
    code: bool,
    /// One ambiguous word alone ("um", "segundo").
    ambiguous: bool,
}

struct Reader<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    lx: &'a Lexicon,
}

/// Spaces that may group thousands ("10 000") in some convention.
const SPACE_GROUPS: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// URLs, e-mail addresses and handles: digits inside them are not numbers.
static NOT_PROSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+|@\w+").expect("valid regex")
});

/// A profile's number data, prepared once for reading many texts.
pub struct Extractor {
    lx: Lexicon,
}

impl Extractor {
    pub fn new(profile: &Profile) -> Extractor {
        Extractor {
            lx: Lexicon::new(&profile.numbers),
        }
    }

    /// Finds the numbers in `text`, in order, without overlaps.
    pub fn extract(&self, text: &str) -> Vec<NumberMention> {
        let toks = split_elisions(
            split_number_compounds(tokenize(text, &SPACE_GROUPS), &self.lx),
            &self.lx.elisions,
        );
        let r = Reader {
            text,
            toks,
            lx: &self.lx,
        };
        let mut out = r.run();
        let skip: Vec<(usize, usize)> = NOT_PROSE
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        out.retain(|m| !skip.iter().any(|&(s, e)| m.start < e && s < m.end));
        // Only a possible number: it may confirm the other side ("Group of
        // Seven" for "grupo dos sete") but is never reported alone.
        for m in &mut out {
            if self.in_proper_name(text, m) {
                m.weak = true;
            }
        }
        out
    }

    /// A number word that is part of a proper name (Três Lagoas, Sete
    /// Quedas, Quinze de Novembro, Sete for Seth): capitalised mid-sentence,
    /// or at a sentence start right before another capitalised word.
    fn in_proper_name(&self, text: &str, m: &NumberMention) -> bool {
        if m.digits.is_some() || matches!(m.kind, NumberKind::Weekday(_) | NumberKind::Month(_)) {
            return false;
        }
        let Some(first) = m
            .raw
            .split(|c: char| c.is_whitespace() || is_dash(c))
            .next()
        else {
            return false;
        };
        let upper = first.chars().next().is_some_and(char::is_uppercase);
        let all_caps = first
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if !upper || all_caps || !self.lx.is_number_word(&first.to_lowercase()) {
            return false;
        }
        let before = text
            .get(..m.start)
            .unwrap_or("")
            .trim_end_matches(|c: char| c.is_whitespace() || "“\"‘'«([—–-".contains(c));
        let sentence_start = before.is_empty() || before.ends_with(['.', '!', '?', ':', ';']);
        if !sentence_start {
            return true;
        }
        let after = text.get(m.start + first.len()..).unwrap_or("");
        after.starts_with(' ')
            && after
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
}

/// Finds the numbers in `text`, in order, without overlaps.
pub fn extract(text: &str, profile: &Profile) -> Vec<NumberMention> {
    Extractor::new(profile).extract(text)
}

/// Splits hyphenated words made only of number words ("twenty-two",
/// "two-thirds") into their parts; other compounds ("primeiro-ministro")
/// stay whole and so are not numbers.
/// Splits a word that starts with one of the profile's elided joiners
/// (`d’euros`) into the joiner and the rest, so that the joiner does its work.
fn split_elisions(toks: Vec<Tok>, elisions: &[String]) -> Vec<Tok> {
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

fn split_number_compounds(toks: Vec<Tok>, lx: &Lexicon) -> Vec<Tok> {
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

/// The value of a canonical Roman numeral up to 89 (`XXI` = 21); `None`
/// for anything written non-canonically ("IIII", "VX").
fn roman_value(s: &str) -> Option<u32> {
    let val = |c: char| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 0,
    };
    let chars: Vec<u32> = s.chars().map(val).collect();
    let mut total = 0u32;
    for (k, &v) in chars.iter().enumerate() {
        if v == 0 {
            return None;
        }
        if chars.get(k + 1).is_some_and(|&n| n > v) {
            total = total.checked_sub(v)?;
        } else {
            total += v;
        }
    }
    (to_roman(total) == s).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, r) in [
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(r);
            n -= v;
        }
    }
    out
}

fn approx(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

impl<'a> Reader<'a> {
    fn run(&self) -> Vec<NumberMention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            let parsed = self
                .numeric_date(i)
                .or_else(|| self.time(i))
                .or_else(|| self.version(i))
                .or_else(|| self.weekday_day(i))
                .or_else(|| self.weekday(i))
                .or_else(|| self.roman(i))
                .or_else(|| self.decade(i))
                .or_else(|| self.date_day_first(i))
                .or_else(|| self.date_month_first(i))
                .or_else(|| self.multiplier(i))
                .or_else(|| self.number(i))
                .or_else(|| self.vague(i));
            match parsed {
                Some((m, next)) => {
                    out.push(m);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        self.spread_over_ranges(&mut out);
        self.attach_years(&mut out);
        self.mark_ambiguous_phrases(&mut out);
        out
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.tok(i)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.lower.as_str())
    }

    fn punct(&self, i: usize, c: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Punct && t.lower == c)
    }

    /// Attached: no whitespace between token `i` and the one before it.
    fn attached(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    fn raw(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }

    fn mention(
        &self,
        start_tok: usize,
        end_tok: usize,
        value: f64,
        kind: NumberKind,
    ) -> NumberMention {
        let start = self.tok(start_tok).map_or(0, |t| t.start);
        let end = end_tok
            .checked_sub(1)
            .and_then(|k| self.tok(k))
            .map_or(start, |t| t.end)
            .max(start);
        NumberMention {
            start,
            end,
            value,
            kind,
            raw: self.raw(start, end).to_string(),
            words: false,
            scale: None,
            digits: None,
            weak: false,
        }
    }

    /// Matches a phrase (lower-case tokens) at token `i`; returns the next token.
    fn phrase_at(&self, i: usize, p: &[String]) -> Option<usize> {
        for (k, w) in p.iter().enumerate() {
            let t = self.tok(i + k)?;
            if &t.lower != w {
                return None;
            }
        }
        Some(i + p.len())
    }

    fn any_phrase_at(&self, i: usize, list: &[Vec<String>]) -> Option<usize> {
        list.iter().find_map(|p| self.phrase_at(i, p))
    }

    /// A suffix written right after token `i - 1` ends ("º", "th", "s"):
    /// returns the token index after it.
    fn suffix_at(&self, i: usize, list: &[String]) -> Option<usize> {
        let prev_end = self.tok(i.checked_sub(1)?)?.end;
        let rest = self.text.get(prev_end..)?;
        for s in list {
            if s.is_empty() {
                continue;
            }
            let Some(head) = rest.get(..s.len()) else {
                continue;
            };
            if head.to_lowercase() != s.to_lowercase() {
                continue;
            }
            let after = prev_end + s.len();
            if self.text[after..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            // The token after the suffix.
            let next = self
                .toks
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .position(|t| t.start >= after)
                .map_or(self.toks.len(), |p| p + i);
            // The suffix must cover whole tokens.
            if self
                .toks
                .get(i..next)
                .unwrap_or(&[])
                .iter()
                .all(|t| t.end <= after)
            {
                return Some(next);
            }
        }
        None
    }

    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self.tok(i - 1).is_some_and(|t| {
                t.kind == TokKind::Punct
                    && matches!(
                        t.lower.as_str(),
                        "." | "!" | "?" | ":" | "“" | "\"" | "«" | "—" | "–"
                    )
            })
    }

    fn plain_int(&self, i: usize, max_len: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Digits || t.lower.len() > max_len {
            return None;
        }
        if !t.lower.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        t.lower.parse().ok()
    }

    /// Digits glued to letters before them: an identifier.
    fn is_code(&self, i: usize) -> bool {
        if !self.attached(i) || i == 0 {
            return false;
        }
        match self.tok(i - 1) {
            Some(p) if p.kind == TokKind::Word => true,
            Some(p) if p.kind == TokKind::Punct && (p.lower == "-" || p.lower == "‐") => {
                self.attached(i - 1)
                    && i >= 2
                    && self.tok(i - 2).is_some_and(|q| q.kind == TokKind::Word)
            }
            _ => false,
        }
    }

    fn time(&self, i: usize) -> Option<(NumberMention, usize)> {
        let time_word = |k: usize| {
            self.word(k)
                .is_some_and(|w| self.lx.time_words.iter().any(|m| m == w))
        };
        // "14.30 Uhr", "14 Uhr": a time word after the number makes it a time,
        // with `.` or `:` between hours and minutes.
        if time_word(i + 1) {
            let t = self.tok(i)?;
            let (hs, ms) = t.lower.split_once(['.', ':']).unwrap_or((&t.lower, "00"));
            let digits = |s: &str, n: usize| {
                (1..=n).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
            };
            if t.kind == TokKind::Digits && digits(hs, 2) && ms.len() == 2 && digits(ms, 2) {
                let (h, m): (u32, u32) = (hs.parse().ok()?, ms.parse().ok()?);
                if h <= 24 && m < 60 {
                    let minutes = h * 60 + m;
                    let mut mention = self.mention(
                        i,
                        i + 2,
                        f64::from(h),
                        NumberKind::Time {
                            minutes,
                            twelve_hour: false,
                        },
                    );
                    mention.weak = true;
                    return Some((mention, i + 2));
                }
            }
        }
        let h = self.plain_int(i, 2)?;
        if h > 24 || self.is_code(i) {
            return None;
        }
        let ampm = |k: usize| -> Option<(bool, usize)> {
            if let Some(n) = self.any_phrase_at(k, &self.lx.pm) {
                return Some((true, n));
            }
            self.any_phrase_at(k, &self.lx.am).map(|n| (false, n))
        };
        let mut minutes = None;
        let mut next = i + 1;
        let mut twelve = false;
        // French "14 h 30": a spaced hour mark counts with two-digit minutes.
        let spaced_minutes = self
            .tok(i + 2)
            .is_some_and(|t| t.lower.len() == 2 && t.kind == TokKind::Digits)
            && self.plain_int(i + 2, 2).is_some_and(|m| m < 60)
            && !self
                .tok(i + 3)
                .is_some_and(|t| t.kind == TokKind::Word && !t.space_before);
        if self.punct(i + 1, ":") && self.attached(i + 1) && self.attached(i + 2) {
            let t = self.tok(i + 2)?;
            let m = self
                .plain_int(i + 2, 2)
                .filter(|&m| m < 60 && t.lower.len() == 2)?;
            minutes = Some(h * 60 + m);
            next = i + 3;
            twelve = h <= 12;
        } else if self
            .word(i + 1)
            .is_some_and(|w| self.lx.hour_marks.iter().any(|m| m == w))
            && (self.attached(i + 1) || spaced_minutes)
        {
            next = i + 2;
            let mut m = 0;
            if (self.attached(i + 2) || spaced_minutes)
                && let Some(mm) = self.plain_int(i + 2, 2).filter(|&m| m < 60)
            {
                m = mm;
                next = i + 3;
            }
            minutes = Some(h * 60 + m);
        }
        if let Some((pm, n)) = ampm(next) {
            let base = minutes.unwrap_or(h * 60);
            let (hh, mm) = (base / 60, base % 60);
            if hh == 0 || hh > 12 {
                return None;
            }
            let hh = match (pm, hh) {
                (true, 12) => 12,
                (true, x) => x + 12,
                (false, 12) => 0,
                (false, x) => x,
            };
            minutes = Some(hh * 60 + mm);
            twelve = false;
            next = n;
        }
        let minutes = minutes?;
        let mut m = self.mention(
            i,
            next,
            f64::from(minutes / 60),
            NumberKind::Time {
                minutes,
                twelve_hour: twelve,
            },
        );
        m.weak = true;
        Some((m, next))
    }

    /// "15/08/2024", "15/8", "15.08.2024" (or month first, by the profile).
    fn numeric_date(&self, i: usize) -> Option<(NumberMention, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Digits || self.is_code(i) {
            return None;
        }
        let mut parts: Vec<&str> = Vec::new();
        let mut next = i + 1;
        if t.lower.contains('.') && !t.lower.contains(',') {
            parts = t.lower.split('.').collect();
            if parts.len() != 3 {
                return None;
            }
        } else {
            if !t.lower.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            parts.push(&t.lower);
            while parts.len() < 3
                && self.punct(next, "/")
                && self.attached(next)
                && self.attached(next + 1)
                && self.tok(next + 1).is_some_and(|n| {
                    n.kind == TokKind::Digits && n.lower.chars().all(|c| c.is_ascii_digit())
                })
            {
                parts.push(&self.toks[next + 1].lower);
                next += 2;
            }
            if parts.len() < 2 {
                return None;
            }
        }
        let num = |s: &str| s.parse::<u32>().ok();
        let (a, b) = (num(parts[0])?, num(parts[1])?);
        if parts[0].len() > 2 || parts[1].len() > 2 {
            return None;
        }
        let (day, month) = if self.lx.day_first { (a, b) } else { (b, a) };
        if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
            return None;
        }
        let year = match parts.get(2) {
            Some(y) if y.len() == 4 => Some(num(y)? as i32),
            Some(y) if y.len() == 2 => Some(2000 + num(y)? as i32),
            Some(_) => return None,
            None => None,
        };
        let mut m = self.mention(
            i,
            next,
            0.0,
            NumberKind::Date {
                month: month as u8,
                day: Some(day as u8),
                year,
            },
        );
        // "1/3" may be a third.
        m.weak = year.is_none() && a < b && b <= 10;
        Some((m, next))
    }

    /// "2.4.1", "10.0.19045": three or more dot-separated runs that are not
    /// thousands groups; compared as strings.
    fn version(&self, i: usize) -> Option<(NumberMention, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Digits || t.lower.contains(',') {
            return None;
        }
        let runs: Vec<&str> = t.lower.split('.').collect();
        let grouped =
            runs.first().is_some_and(|r| r.len() <= 3) && runs[1..].iter().all(|r| r.len() == 3);
        if runs.len() < 3 || grouped {
            return None;
        }
        let raw = t.lower.clone();
        Some((self.mention(i, i + 1, 0.0, NumberKind::Version(raw)), i + 1))
    }

    /// A weekday named alone ("na terça-feira", "on Wednesday").
    fn weekday(&self, i: usize) -> Option<(NumberMention, usize)> {
        let w = self.word(i)?;
        // "segunda" is also "second": left to the ordinal reading.
        if self.lx.ambiguous.iter().any(|a| a == w) {
            return None;
        }
        let k = self.lx.weekdays.iter().position(|d| d == w)?;
        let day = (k % 7) as u8;
        let mut m = self.mention(i, i + 1, f64::from(day), NumberKind::Weekday(day));
        m.words = true;
        // Editions drop or add a weekday freely; only one that changes counts.
        m.weak = true;
        Some((m, i + 1))
    }

    /// "quinta-feira (30)": the day of the month in brackets after a weekday.
    fn weekday_day(&self, i: usize) -> Option<(NumberMention, usize)> {
        let w = self.word(i)?;
        if !self.lx.weekdays.iter().any(|d| d == w) || !self.punct(i + 1, "(") {
            return None;
        }
        let d = self.plain_int(i + 2, 2).filter(|d| (1..=31).contains(d))?;
        if !self.punct(i + 3, ")") {
            return None;
        }
        let mut m = self.mention(i + 2, i + 3, f64::from(d), NumberKind::Day(d as u8));
        // English usually drops it ("on Thursday"); it only confirms.
        m.weak = true;
        Some((m, i + 4))
    }

    /// Roman numerals ("século XXI", "World War II"): weak, since "XL" or
    /// "VI" may be letters.
    fn roman(&self, i: usize) -> Option<(NumberMention, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word || t.lower.len() < 2 {
            return None;
        }
        let raw = self.raw(t.start, t.end);
        if !raw.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')) {
            return None;
        }
        let v = roman_value(raw)?;
        let mut m = self.mention(i, i + 1, f64::from(v), NumberKind::Plain);
        m.weak = true;
        Some((m, i + 1))
    }

    fn decade(&self, i: usize) -> Option<(NumberMention, usize)> {
        let decade_digits = |k: usize| {
            self.plain_int(k, 4).filter(|v| {
                v % 10 == 0 && matches!(self.tok(k).map(|t| t.lower.len()), Some(2 | 4))
            })
        };
        if let Some(k) = self.any_phrase_at(i, &self.lx.decade_prefixes)
            && let Some(v) = decade_digits(k)
        {
            let mut m = self.mention(i, k + 1, f64::from(v), NumberKind::Decade);
            // "anos 90s" is rare; swallow a suffix if present.
            let next = self
                .suffix_at(k + 1, &self.lx.decade_suffixes)
                .unwrap_or(k + 1);
            m.end = self.tok(next - 1).map_or(m.end, |t| t.end);
            m.raw = self.raw(m.start, m.end).to_string();
            return Some((m, next));
        }
        let v = decade_digits(i)?;
        // "mid-1990s" is a decade; "A1990s" is not.
        if self.is_code(i) && !self.punct(i.wrapping_sub(1), "-") {
            return None;
        }
        let next = self.suffix_at(i + 1, &self.lx.decade_suffixes)?;
        let mut start = i;
        // "'90s": take the apostrophe in.
        if i > 0
            && self.attached(i)
            && self
                .tok(i - 1)
                .is_some_and(|t| t.lower == "'" || t.lower == "’")
        {
            start = i - 1;
        }
        Some((
            self.mention(start, next, f64::from(v), NumberKind::Decade),
            next,
        ))
    }

    fn month_at(&self, i: usize, abbreviations: bool) -> Option<(u8, bool, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let capital = self.text[t.start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        for (name, m, cap) in &self.lx.months {
            if *name == t.lower && (capital || !cap) {
                return Some((*m, false, i + 1));
            }
        }
        if abbreviations {
            for (name, m, cap) in &self.lx.month_abbreviations {
                if *name == t.lower && (capital || !cap) {
                    let next = if self.punct(i + 1, ".") && self.attached(i + 1) {
                        i + 2
                    } else {
                        i + 1
                    };
                    return Some((*m, true, next));
                }
            }
        }
        None
    }

    fn day_at(&self, i: usize, words: bool) -> Option<(u8, usize)> {
        if let Some(d) = self.plain_int(i, 2) {
            if !(1..=31).contains(&d) || self.is_code(i) {
                return None;
            }
            let next = self
                .suffix_at(i + 1, &self.lx.ordinal_suffixes)
                .unwrap_or(i + 1);
            if self.punct(next, "%") || self.punct(next, ":") {
                return None;
            }
            return Some((d as u8, next));
        }
        if words {
            let w = self.word(i)?;
            let v = *self.lx.ordinals.get(w)?;
            if (1.0..=31.0).contains(&v) && v.fract() == 0.0 {
                return Some((v as u8, i + 1));
            }
        }
        None
    }

    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        let y = self.plain_int(i, 4).filter(|_| t.lower.len() == 4)?;
        if !(1000..=2999).contains(&y) || self.punct(i + 1, "%") {
            return None;
        }
        if self
            .tok(i + 1)
            .is_some_and(|n| n.kind == TokKind::Word && !n.space_before)
        {
            return None;
        }
        Some((y as i32, i + 1))
    }

    fn skip_date_joiners(&self, mut i: usize) -> usize {
        for _ in 0..2 {
            match self.word(i) {
                Some(w) if self.lx.date_joiners.iter().any(|j| j == w) => i += 1,
                _ => break,
            }
        }
        i
    }

    /// An optional year after a date: ", 2025" or "de 2025".
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        let k = if self.punct(i, ",") { i + 1 } else { i };
        let k = self.skip_date_joiners(k);
        self.year_at(k)
    }

    fn date_day_first(&self, i: usize) -> Option<(NumberMention, usize)> {
        let (day, k) = self.day_at(i, true)?;
        let k = self.skip_date_joiners(k);
        let (month, _, k) = self.month_at(k, true)?;
        let (year, next) = match self.year_after(k) {
            Some((y, n)) => (Some(y), n),
            None => (None, k),
        };
        let kind = NumberKind::Date {
            month,
            day: Some(day),
            year,
        };
        Some((self.mention(i, next, 0.0, kind), next))
    }

    fn date_month_first(&self, i: usize) -> Option<(NumberMention, usize)> {
        let (month, abbr, k) = self.month_at(i, true)?;
        let day = self
            .day_at(k, false)
            .filter(|_| self.tok(k).is_some_and(|t| t.space_before))
            // "March 4 million" is not a date.
            .filter(|(_, n)| {
                self.word(*n).is_none_or(|w| {
                    !self.lx.scales.contains_key(w) && !self.lx.vague.contains_key(w)
                })
            });
        let (day, k2) = match day {
            Some((d, n)) => (Some(d), n),
            None => (None, k),
        };
        let (year, next) = match self.year_after(k2) {
            Some((y, n)) => (Some(y), n),
            None => (None, k2),
        };
        if day.is_none() && year.is_none() {
            if abbr {
                return None;
            }
            let mut m = self.mention(i, k, f64::from(month), NumberKind::Month(month));
            // "Rio de Janeiro": a month written in lower case in the profile but
            // capitalised mid-sentence is more likely part of a name.
            let lower_case_month = self
                .lx
                .months
                .iter()
                .any(|(_, mm, cap)| *mm == month && !cap);
            let capitalised = self
                .tok(i)
                .and_then(|t| self.text[t.start..].chars().next())
                .is_some_and(char::is_uppercase);
            m.weak = self
                .word(i)
                .is_some_and(|w| self.lx.ambiguous.iter().any(|a| a == w))
                || (lower_case_month && capitalised && !self.sentence_start(i));
            return Some((m, k));
        }
        let kind = NumberKind::Date { month, day, year };
        Some((self.mention(i, next, 0.0, kind), next))
    }

    fn currency_prefix(&self, i: usize) -> Option<(String, usize)> {
        self.lx
            .currency_prefix
            .iter()
            .find_map(|(p, code)| self.phrase_at(i, p).map(|n| (code.clone(), n)))
    }

    fn currency_suffix(&self, i: usize) -> Option<(String, usize)> {
        let find = |k: usize| {
            self.lx
                .currency_suffix
                .iter()
                .find_map(|(p, code)| self.phrase_at(k, p).map(|n| (code.clone(), n)))
        };
        if let Some(r) = find(i) {
            return Some(r);
        }
        let w = self.word(i)?;
        if self.lx.currency_joiners.iter().any(|j| j == w) {
            // Only names after a joiner: "mil de $" is not a thing.
            let (code, n) = find(i + 1)?;
            if self.tok(i + 1).is_some_and(|t| t.kind == TokKind::Word) {
                return Some((code, n));
            }
        }
        None
    }

    fn number(&self, i: usize) -> Option<(NumberMention, usize)> {
        let (currency, k) = match self.currency_prefix(i) {
            Some((c, n)) if self.tok(n).is_some_and(|t| t.kind == TokKind::Digits) => (Some(c), n),
            _ => (None, i),
        };
        let core = self.core(k, currency.is_some(), 0)?;
        let mut next = core.end;
        let mut kind = if core.code {
            NumberKind::Code
        } else if core.ordinal {
            NumberKind::Ordinal
        } else if core.fraction {
            NumberKind::Fraction
        } else {
            NumberKind::Plain
        };
        let mut confirmed = core.scale.is_some();
        let mut value_factor = 1.0;
        if !core.code && !core.ordinal {
            if self.punct(next, "%") {
                kind = NumberKind::Percent;
                next += 1;
                confirmed = true;
            } else if let Some(n) = self.any_phrase_at(next, &self.lx.points) {
                kind = NumberKind::PercentagePoints;
                next = n;
                confirmed = true;
            } else if let Some(n) = self.any_phrase_at(next, &self.lx.percent) {
                kind = NumberKind::Percent;
                next = n;
                confirmed = true;
            } else if let Some(n) = self.any_phrase_at(next, &self.lx.basis_points) {
                // 25 basis points = 0.25 percentage point.
                kind = NumberKind::PercentagePoints;
                next = n;
                confirmed = true;
                value_factor = 0.01;
            } else if let Some(c) = &currency {
                kind = NumberKind::Currency(c.clone());
                if let Some((_, n)) = self.currency_suffix(next) {
                    next = n;
                }
            } else if let Some((c, n)) = self.currency_suffix(next) {
                kind = NumberKind::Currency(c);
                next = n;
                confirmed = true;
            }
        }
        let is_year = kind == NumberKind::Plain
            && core.scale.is_none()
            && core.digits.as_ref().is_some_and(|d| {
                d.decimal_sep.is_none() && d.group_sep.is_none() && d.end - d.start == 4
            })
            && (1000.0..=2999.0).contains(&core.value);
        if is_year {
            kind = NumberKind::Year;
        }
        let code = core.code;
        let mut m = self.mention(i, next, core.value * value_factor, kind);
        m.words = core.words;
        m.scale = core.scale;
        m.digits = core.digits;
        m.weak = code || (core.ambiguous && !confirmed);
        Some((m, next))
    }

    fn digit_info(&self, t: &Tok) -> Option<(f64, DigitInfo)> {
        let raw = self.raw(t.start, t.end);
        let native = read_digits(raw, self.lx.decimal, &self.lx.groups);
        let other = if self.lx.decimal == ',' { '.' } else { ',' };
        let mut other_groups = vec![self.lx.decimal];
        other_groups.extend(SPACE_GROUPS);
        let foreign = read_digits(raw, other, &other_groups);
        let info = |r: &DigitRead, foreign: bool| DigitInfo {
            start: t.start,
            end: t.end,
            decimal_sep: r.3,
            group_sep: r.4,
            decimals: r.1,
            foreign,
            alt: None,
        };
        match (native, foreign) {
            (Some(n), Some(f)) => {
                let mut d = info(&n, false);
                if !approx(n.0, f.0) {
                    d.alt = Some((f.0, f.1, f.2));
                }
                Some((n.0, d))
            }
            (Some(n), None) => Some((n.0, info(&n, false))),
            // A profile that does not know its convention reads both.
            (None, Some(f)) => Some((f.0, info(&f, !self.lx.unknown_convention))),
            (None, None) => None,
        }
    }

    fn is_scale_word(&self, w: &str, currency: bool) -> Option<f64> {
        let s = *self.lx.scales.get(w)?;
        if self.lx.scale_abbreviations.iter().any(|a| a == w) && !currency {
            return None;
        }
        Some(s)
    }

    /// Reads a number in digits and/or words starting at token `i`.
    fn core(&self, i: usize, currency: bool, depth: usize) -> Option<Core> {
        let t = self.tok(i)?;
        let mut total = 0.0f64;
        let mut current = 0.0f64;
        let mut last: Option<Last> = None;
        let mut scale: Option<(String, f64)> = None;
        let mut ordinal = false;
        let mut fraction = false;
        let mut digits = None;
        let mut n_words = 0usize;
        let mut k = i;
        let mut first_word: Option<&str> = None;
        let mut fraction_word: Option<&str> = None;
        let mut one_of = false;
        let mut article = false;
        if t.kind == TokKind::Digits {
            let (v, info) = self.digit_info(t)?;
            if self.is_code(i) {
                return Some(Core {
                    value: v,
                    end: i + 1,
                    words: false,
                    scale: None,
                    ordinal: false,
                    fraction: false,
                    digits: Some(info),
                    code: true,
                    ambiguous: false,
                });
            }
            digits = Some(info);
            current = v;
            last = Some(Last::Digits);
            k = i + 1;
            if let Some(n) = self.suffix_at(k, &self.lx.ordinal_suffixes) {
                return Some(Core {
                    value: v,
                    end: n,
                    words: false,
                    scale: None,
                    ordinal: true,
                    fraction: false,
                    digits,
                    code: false,
                    ambiguous: false,
                });
            }
        } else if t.kind == TokKind::Word && self.lx.articles.contains(&t.lower) {
            let next = self.word(i + 1)?;
            let ok = self.is_scale_word(next, currency).is_some()
                && !self.lx.vague.contains_key(next)
                || self.lx.fractions.contains_key(next) && !self.ordinal_before_noun(i + 1);
            if !ok {
                return None;
            }
            current = 1.0;
            last = Some(Last::Card(1.0));
            article = true;
            k = i + 1;
        }
        while let Some(tok) = self.tok(k) {
            // "$1.2-billion"
            if tok.lower == "-"
                && last == Some(Last::Digits)
                && !tok.space_before
                && self.attached(k + 1)
                && self
                    .word(k + 1)
                    .is_some_and(|w| self.is_scale_word(w, currency).is_some())
            {
                k += 1;
                continue;
            }
            if tok.kind != TokKind::Word {
                break;
            }
            let w = tok.lower.as_str();
            if let Some(&v) = self.lx.cardinals.get(w) {
                let ok = match last {
                    None => true,
                    Some(Last::Card(p)) => {
                        ((20.0..100.0).contains(&p) && p % 10.0 == 0.0 && v < 10.0)
                            || (current >= 100.0
                                && current % 100.0 == 0.0
                                && current < 1000.0
                                && v < 100.0)
                    }
                    Some(Last::Scale(s)) => s < 1000.0 && v < 100.0 || s >= 1000.0 && v < s,
                    _ => false,
                };
                if !ok || last == Some(Last::Digits) {
                    break;
                }
                current += v;
                last = Some(Last::Card(v));
            } else if let Some(s) = self.is_scale_word(w, currency) {
                match last {
                    None => {
                        // A bare plural scale is vague ("milhões de pessoas").
                        if self.lx.vague.contains_key(w) {
                            return None;
                        }
                        current = 1.0;
                    }
                    Some(Last::Scale(p)) if s <= p => break,
                    Some(Last::Ord(_)) => break,
                    _ => {}
                }
                if let Some(Last::Scale(p)) = last
                    && s > p
                {
                    // "mil milhões" = a thousand millions.
                    total = (total + current) * s;
                    current = 0.0;
                } else if s < 1000.0 {
                    current = current.max(1.0) * s;
                } else {
                    total += current.max(1.0) * s;
                    current = 0.0;
                }
                if scale.as_ref().is_none_or(|(_, p)| s > *p) {
                    scale = Some((self.raw(tok.start, tok.end).to_string(), s));
                }
                last = Some(Last::Scale(s));
            } else if let Some(&f) = self.lx.fractions.get(w)
                && matches!(last, Some(Last::Card(_)) | Some(Last::Digits))
                && scale.is_none()
                && !(current == 1.0 && self.ordinal_before_noun(k))
            {
                one_of = total + current == 1.0 && digits.is_none();
                current = (total + current) * f;
                total = 0.0;
                fraction = true;
                fraction_word = Some(w);
                n_words += 1;
                k += 1;
                first_word = first_word.or(Some(w));
                break;
            } else if let Some(&f) = self.lx.fractions.get(w)
                && last.is_none()
                && !self.lx.ordinals.contains_key(w)
            {
                // "metade", "half" alone.
                current = f;
                last = Some(Last::Card(f));
                fraction = true;
                n_words += 1;
                k += 1;
                first_word = Some(w);
                // "meio milhão", "half a million".
                let after_article = match self.word(k) {
                    Some(a) if self.lx.articles.iter().any(|x| x == a) => k + 1,
                    _ => k,
                };
                if let Some(sw) = self.word(after_article)
                    && let Some(sv) = self.is_scale_word(sw, currency)
                    && sv >= 1000.0
                {
                    current = f * sv;
                    fraction = false;
                    n_words += 1;
                    if let Some(t) = self.tok(after_article) {
                        scale = Some((self.raw(t.start, t.end).to_string(), sv));
                    }
                    k = after_article + 1;
                }
                break;
            } else if let Some(&o) = self.lx.ordinals.get(w) {
                let ok = match last {
                    None => true,
                    Some(Last::Card(p)) => p >= 20.0 && p % 10.0 == 0.0 && o < 10.0,
                    Some(Last::Ord(p)) => p % 10.0 == 0.0 && o < p,
                    _ => false,
                };
                if !ok {
                    break;
                }
                current += o;
                ordinal = true;
                last = Some(Last::Ord(o));
            } else if self.lx.joiners.iter().any(|j| j == w) && last.is_some() {
                if !self.joiner_continues(k, last, current) {
                    break;
                }
                if let Some(Last::Scale(s)) = last {
                    // "dois mil e quinhentos", "3 milhões e 200 mil".
                    // Bounded: each level is a smaller scale, so a few suffice.
                    let sub = if depth < 4 {
                        self.core(k + 1, currency, depth + 1)
                    } else {
                        None
                    };
                    match sub {
                        Some(sub)
                            if sub.value < s
                                && !sub.ordinal
                                && !sub.fraction
                                && !sub.code
                                && sub.digits.as_ref().is_none_or(|d| !d.foreign) =>
                        {
                            total += current + sub.value;
                            current = 0.0;
                            k = sub.end;
                            n_words += 2;
                        }
                        _ => {}
                    }
                    break;
                }
                k += 1;
                n_words += 1;
                continue;
            } else {
                break;
            }
            first_word = first_word.or(Some(w));
            n_words += 1;
            k += 1;
        }
        last?;
        if k == i || (article && n_words == 0) {
            return None;
        }
        let words = digits.is_none();
        let value = total + current;
        let single = words && n_words == 1 && !article;
        let is_ambiguous = |w: &str| self.lx.ambiguous.iter().any(|a| a == w);
        // "um quarto" may be a room, "a quarter" three months, "a half" fine:
        // one of an ambiguous fraction word only confirms.
        let ambiguous = (single && first_word.is_some_and(is_ambiguous))
            || (article && fraction && first_word.is_some_and(is_ambiguous))
            || (one_of && fraction_word.is_some_and(is_ambiguous));
        Some(Core {
            value,
            end: k,
            words,
            scale,
            ordinal,
            fraction,
            digits,
            code: false,
            ambiguous,
        })
    }

    /// "a third round" (ordinal) against "a third of" (fraction): a word that
    /// is both, followed by a word that is not a partitive joiner.
    fn ordinal_before_noun(&self, k: usize) -> bool {
        let Some(w) = self.word(k) else {
            return false;
        };
        self.lx.ordinals.contains_key(w)
            && self
                .word(k + 1)
                .is_some_and(|n| !self.lx.vague_joiners.iter().any(|j| j == n))
    }

    /// Whether the joiner at `k` links two parts of one number rather than
    /// two numbers ("vinte e dois" vs "entre 3 e 5").
    fn joiner_continues(&self, k: usize, last: Option<Last>, current: f64) -> bool {
        let Some(next) = self.tok(k + 1) else {
            return false;
        };
        match last {
            Some(Last::Scale(_)) => {
                next.kind == TokKind::Digits
                    || next.kind == TokKind::Word && self.lx.cardinals.contains_key(&next.lower)
            }
            Some(Last::Card(p)) => {
                let v = match self.lx.cardinals.get(&next.lower) {
                    Some(v) => *v,
                    None => match self.lx.ordinals.get(&next.lower) {
                        Some(v) if p >= 20.0 => *v,
                        _ => return false,
                    },
                };
                ((20.0..100.0).contains(&p) && p % 10.0 == 0.0 && v < 10.0)
                    || (current >= 100.0 && current % 100.0 == 0.0 && current < 1000.0 && v < 100.0)
            }
            _ => false,
        }
    }

    /// "o dobro", "twice": an exact multiple. A lone ambiguous word
    /// ("double standard") only confirms.
    fn multiplier(&self, i: usize) -> Option<(NumberMention, usize)> {
        let (k, v) = self
            .lx
            .multipliers
            .iter()
            .find_map(|(p, v)| self.phrase_at(i, p).map(|k| (k, *v)))?;
        let mut m = self.mention(i, k, v, NumberKind::Plain);
        m.words = true;
        m.weak = k == i + 1
            && self
                .word(i)
                .is_some_and(|w| self.lx.ambiguous.iter().any(|a| a == w));
        Some((m, k))
    }

    fn vague(&self, i: usize) -> Option<(NumberMention, usize)> {
        let w = self.word(i)?;
        let mut v = *self.lx.vague.get(w)?;
        let mut k = i + 1;
        while let Some(j) = self.word(k)
            && self.lx.vague_joiners.iter().any(|x| x == j)
            && let Some(w2) = self.word(k + 1)
            && let Some(&v2) = self.lx.vague.get(w2)
        {
            v *= v2;
            k += 2;
        }
        Some((self.mention(i, k, v, NumberKind::Vague), k))
    }

    /// "3 a 5 milhões" means 3 million to 5 million; "3 a 5%" two percentages.
    fn spread_over_ranges(&self, ms: &mut [NumberMention]) {
        let ends: Vec<usize> = ms.iter().map(|m| m.end).collect();
        for k in 1..ms.len() {
            let (a, b) = ms.split_at_mut(k);
            let (Some(a), Some(b)) = (a.last_mut(), b.first_mut()) else {
                continue;
            };
            if !self.is_range_between(a.end, b.start) || a.weak || b.weak {
                continue;
            }
            // "aged 2 to 6 and 64.2%": a number that already ends a range
            // does not open another one.
            if let Some(&p) = k.checked_sub(2).and_then(|p| ends.get(p))
                && self.is_range_between(p, a.start)
            {
                continue;
            }
            // "18 e 19 de novembro", "November 18-19": both are dates.
            let day = |m: &NumberMention| {
                (m.kind == NumberKind::Plain
                    && m.scale.is_none()
                    && m.digits
                        .as_ref()
                        .is_some_and(|d| d.decimal_sep.is_none() && d.group_sep.is_none())
                    && (1.0..=31.0).contains(&m.value))
                .then_some(m.value as u8)
            };
            if let NumberKind::Date {
                month,
                day: Some(_),
                year,
            } = b.kind
                && let Some(d) = day(a)
            {
                a.kind = NumberKind::Date {
                    month,
                    day: Some(d),
                    year,
                };
                a.value = 0.0;
                continue;
            }
            if let NumberKind::Date {
                month,
                day: Some(_),
                year,
            } = a.kind
                && let Some(d) = day(b)
            {
                b.kind = NumberKind::Date {
                    month,
                    day: Some(d),
                    year,
                };
                b.value = 0.0;
                continue;
            }
            if a.kind != NumberKind::Plain {
                continue;
            }
            if let Some((w, s)) = &b.scale
                && a.scale.is_none()
                && a.value < b.mantissa()
            {
                a.value *= s;
                a.scale = Some((w.clone(), *s));
            }
            match &b.kind {
                NumberKind::Percent | NumberKind::PercentagePoints | NumberKind::Currency(_) => {
                    a.kind = b.kind.clone()
                }
                _ => {}
            }
        }
    }

    fn is_range_between(&self, start: usize, end: usize) -> bool {
        let between = self.raw(start, end).trim().to_lowercase();
        between.chars().count() == 1 && between.chars().all(|c| matches!(c, '-' | '–' | '—' | '‐'))
            || self.lx.range_words.contains(&between)
    }

    /// "November 18-19, 2024": the year after a range of days belongs to
    /// both dates.
    fn attach_years(&self, ms: &mut Vec<NumberMention>) {
        let mut k = 1;
        while k < ms.len() {
            let between = self.raw(ms[k - 1].end, ms[k].start).trim().to_lowercase();
            let joins =
                between == "," || between.is_empty() || self.lx.date_joiners.contains(&between);
            let year = (ms[k].kind == NumberKind::Year).then_some(ms[k].value as i32);
            if let (true, Some(y), NumberKind::Date { year: None, .. }) =
                (joins, year, &ms[k - 1].kind)
            {
                let mut j = k;
                while j > 0 {
                    j -= 1;
                    if let NumberKind::Date {
                        year: yr @ None, ..
                    } = &mut ms[j].kind
                    {
                        *yr = Some(y);
                    } else {
                        break;
                    }
                    if j == 0 || !self.is_range_between(ms[j - 1].end, ms[j].start) {
                        break;
                    }
                }
                let y_end = ms[k].end;
                ms[k - 1].end = y_end;
                ms[k - 1].raw = self.raw(ms[k - 1].start, y_end).to_string();
                ms.remove(k);
                continue;
            }
            k += 1;
        }
    }

    /// Number words inside phrases like "one of" or "os dois" become weak.
    fn mark_ambiguous_phrases(&self, ms: &mut [NumberMention]) {
        if self.lx.ambiguous_phrases.is_empty() {
            return;
        }
        let mut spans = Vec::new();
        for i in 0..self.toks.len() {
            for p in &self.lx.ambiguous_phrases {
                if let Some(n) = self.phrase_at(i, p) {
                    let start = self.toks[i].start;
                    let end = self.tok(n - 1).map_or(start, |t| t.end);
                    spans.push((start, end));
                }
            }
        }
        for m in ms.iter_mut() {
            if m.words && m.scale.is_none() && spans.iter().any(|&(s, e)| m.start < e && s < m.end)
            {
                m.weak = true;
            }
        }
    }
}

/// Writes `value` with the profile's separators: `decimals` digits after the
/// decimal separator, integer part grouped by thousands when `group`.
pub fn format_number(
    value: f64,
    decimals: usize,
    group: bool,
    p: &NumberProfile,
) -> Option<String> {
    if !value.is_finite() || value.abs() >= 1e18 || decimals > 12 {
        return None;
    }
    let s = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) => (a.to_string(), Some(b.to_string())),
        None => (s.clone(), None),
    };
    let sep = p.group.first().map_or(",", String::as_str);
    let mut out = String::new();
    if group && int.len() > 3 {
        let first = int.len() % 3;
        for (k, c) in int.chars().enumerate() {
            if k > 0 && (k + 3 - first) % 3 == 0 {
                out.push_str(sep);
            }
            out.push(c);
        }
    } else {
        out.push_str(&int);
    }
    if let Some(f) = frac {
        out.push_str(if p.decimal.is_empty() {
            "."
        } else {
            &p.decimal
        });
        out.push_str(&f);
    }
    Some(out)
}

/// Decimals needed to write `v` (up to 6), for numbers read from words.
fn natural_decimals(v: f64) -> usize {
    (0..=6)
        .find(|&d| {
            let f = 10f64.powi(d as i32);
            ((v * f).round() - v * f).abs() < 1e-6
        })
        .unwrap_or(6)
}

/// Writes a mention of another language in `p`'s conventions ("3,4%" → "3.4%",
/// "4 de março" → "March 4"), when the profile says how.
pub fn render(m: &NumberMention, p: &Profile) -> Option<String> {
    let np = &p.numbers;
    match &m.kind {
        NumberKind::Version(v) => Some(v.clone()),
        NumberKind::Weekday(d) => np.weekdays.get(usize::from(*d)).cloned(),
        NumberKind::Date { month, day, year } => {
            let name = np
                .months
                .get(usize::from(*month).checked_sub(1)?)?
                .split('|')
                .next()?
                .to_string();
            let name = &name;
            let template = match (day, year) {
                (Some(_), Some(_)) => &np.date_template,
                (Some(_), None) => &np.date_template_no_year,
                (None, Some(_)) => &np.date_template_month_year,
                (None, None) => return Some(name.clone()),
            };
            if template.is_empty() {
                return None;
            }
            Some(
                template
                    .replace("{month}", name)
                    .replace("{day}", &day.map(|d| d.to_string()).unwrap_or_default())
                    .replace("{year}", &year.map(|y| y.to_string()).unwrap_or_default()),
            )
        }
        NumberKind::Month(mo) => np
            .months
            .get(usize::from(*mo).checked_sub(1)?)?
            .split('|')
            .next()
            .map(str::to_string),
        NumberKind::Day(d) => Some(d.to_string()),
        NumberKind::Time {
            minutes,
            twelve_hour: false,
        } => {
            let template = if minutes % 60 == 0 && !np.time_template_whole_hour.is_empty() {
                &np.time_template_whole_hour
            } else {
                &np.time_template
            };
            if template.is_empty() {
                return None;
            }
            let (h24, mm) = ((minutes / 60) % 24, minutes % 60);
            let h12 = if h24 % 12 == 0 { 12 } else { h24 % 12 };
            let marks = if h24 < 12 { &np.time_am } else { &np.time_pm };
            Some(
                template
                    .replace("{H}", &h24.to_string())
                    .replace("{h}", &h12.to_string())
                    .replace("{MM}", &format!("{mm:02}"))
                    .replace("{ampm}", marks.first().map_or("", String::as_str)),
            )
        }
        NumberKind::Time { .. }
        | NumberKind::Code
        | NumberKind::Vague
        | NumberKind::Decade
        | NumberKind::Ordinal => None,
        NumberKind::Year => Some(format!("{}", m.value)),
        // "dois terços" is not helped by "0.666667".
        NumberKind::Fraction if m.words => None,
        NumberKind::PercentagePoints if np.percentage_point_template.is_empty() => None,
        NumberKind::Plain
        | NumberKind::Percent
        | NumberKind::PercentagePoints
        | NumberKind::Currency(_)
        | NumberKind::Fraction => {
            let scale_word = m.scale.as_ref().and_then(|(_, s)| {
                np.scale_display
                    .iter()
                    .find(|w| np.scales.get(*w).is_some_and(|v| approx(*v, *s)))
            });
            let (number, grouped_default) = match scale_word {
                Some(_) => (m.mantissa(), false),
                None if m.scale.is_some() => (m.value, true),
                None => (m.mantissa(), true),
            };
            let decimals = match (&m.digits, scale_word) {
                (Some(d), Some(_)) => d.decimals,
                (Some(d), None) if m.scale.is_none() => d.decimals,
                _ => natural_decimals(number),
            };
            let group = match &m.digits {
                Some(d) if m.scale.is_none() => d.group_sep.is_some() || number.abs() >= 10_000.0,
                _ => grouped_default && number.abs() >= 1000.0,
            };
            let mut s = format_number(number, decimals, group, np)?;
            if let Some(w) = scale_word {
                s = format!("{s} {w}");
            }
            match &m.kind {
                NumberKind::PercentagePoints => {
                    Some(np.percentage_point_template.replace("{number}", &s))
                }
                NumberKind::Percent => {
                    let t = if np.percent_template.is_empty() {
                        "{number}%"
                    } else {
                        &np.percent_template
                    };
                    Some(t.replace("{number}", &s))
                }
                NumberKind::Currency(code) => {
                    let symbol = np.currency_symbols.get(code).cloned().unwrap_or_else(|| {
                        np.currency_codes
                            .iter()
                            .filter(|(k, v)| *v == code && k.chars().any(|c| !c.is_alphabetic()))
                            .map(|(k, _)| k.clone())
                            .next()
                            .unwrap_or_else(|| code.clone())
                    });
                    let t = if np.currency_template.is_empty() {
                        "{currency}{number}"
                    } else {
                        &np.currency_template
                    };
                    Some(t.replace("{currency}", &symbol).replace("{number}", &s))
                }
                _ => Some(s),
            }
        }
    }
}

/// Writes a whole number as a word of `p` ("two"), with the capital of
/// `like` when it has one; `None` when the profile has no single word for it.
pub fn render_words(m: &NumberMention, p: &Profile, like: &str) -> Option<String> {
    if !matches!(m.kind, NumberKind::Plain | NumberKind::Year) || m.value.fract() != 0.0 {
        return None;
    }
    let ambiguous = |w: &str| {
        p.numbers
            .ambiguous
            .iter()
            .any(|a| a.eq_ignore_ascii_case(w))
    };
    let word = p
        .numbers
        .cardinals
        .iter()
        .filter(|(w, v)| approx(**v, m.value) && !w.contains(' '))
        .min_by_key(|(w, _)| (ambiguous(w), w.len()))
        .map(|(w, _)| w.clone())?;
    if like.chars().next().is_some_and(char::is_uppercase) {
        let mut c = word.chars();
        let first = c.next()?;
        return Some(first.to_uppercase().chain(c).collect());
    }
    Some(word)
}

/// Writes a fraction in words of `p` ("two-thirds") by the profile's
/// `fraction_template`; `None` when the profile cannot say it.
pub fn render_fraction_words(m: &NumberMention, p: &Profile, like: &str) -> Option<String> {
    let np = &p.numbers;
    if m.kind != NumberKind::Fraction || np.fraction_template.is_empty() {
        return None;
    }
    let ambiguous = |w: &str| np.ambiguous.iter().any(|a| a.eq_ignore_ascii_case(w));
    // The smallest numerator that gives the value with one of the fractions.
    let (n, f) = np
        .fractions
        .values()
        .filter(|f| **f > 0.0 && **f < 1.0)
        .filter_map(|f| {
            let n = (m.value / f).round();
            ((1.0..=10.0).contains(&n) && approx(n * f, m.value)).then_some((n, *f))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))?;
    // Plural for more than one ("terços", "thirds"), as the profile spells it.
    let word = np
        .fractions
        .iter()
        .filter(|(w, v)| approx(**v, f) && !w.contains(' '))
        .min_by_key(|(w, _)| (w.ends_with('s') != (n > 1.0), ambiguous(w), w.len()))
        .map(|(w, _)| w.clone())?;
    let mut whole = m.clone();
    whole.kind = NumberKind::Plain;
    whole.value = n;
    let numerator = render_words(&whole, p, like)?;
    Some(
        np.fraction_template
            .replace("{numerator}", &numerator)
            .replace("{fraction}", &word),
    )
}

/// Rewrites the digits of a mention written in the other convention in the
/// profile's own ("1.693.673" → "1,693,673" in English).
pub fn rewrite_digits(d: &DigitInfo, value: f64, p: &Profile) -> Option<String> {
    format_number(value, d.decimals, d.group_sep.is_some(), &p.numbers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt() -> Profile {
        Profile::builtin("pt")
    }
    fn en() -> Profile {
        Profile::builtin("en")
    }

    /// (raw, value, weak) of every mention.
    fn ex(text: &str, p: &Profile) -> Vec<(String, f64, bool)> {
        extract(text, p)
            .into_iter()
            .map(|m| (m.raw, m.value, m.weak))
            .collect()
    }

    fn strong(text: &str, p: &Profile) -> Vec<f64> {
        extract(text, p)
            .into_iter()
            .filter(|m| !m.weak)
            .map(|m| m.value)
            .collect()
    }

    fn one(text: &str, p: &Profile) -> NumberMention {
        let ms = extract(text, p);
        assert_eq!(ms.len(), 1, "{text}: {ms:?}");
        ms.into_iter().next().unwrap()
    }

    #[test]
    fn pt_digits_decimal_comma_and_group_dot() {
        assert_eq!(strong("cresceu 3,4 pontos", &pt()), [3.4]);
        assert_eq!(strong("1.693.673 empregos", &pt()), [1693673.0]);
        assert_eq!(strong("1 000 pessoas", &pt()), [1000.0]);
        let m = one("1.693.673", &pt());
        assert_eq!(m.digits.as_ref().unwrap().group_sep, Some('.'));
        assert!(!m.digits.unwrap().foreign);
    }

    #[test]
    fn en_digits_decimal_point_and_group_comma() {
        assert_eq!(strong("grew 3.4 points", &en()), [3.4]);
        assert_eq!(strong("1,693,673 jobs", &en()), [1693673.0]);
        assert_eq!(strong("1,000.5", &en()), [1000.5]);
    }

    #[test]
    fn source_convention_in_english_is_foreign() {
        let m = one("1.693.673 jobs", &en());
        assert_eq!(m.value, 1693673.0);
        assert!(m.digits.unwrap().foreign);
        let m = one("a rate of 14,25%", &en());
        assert_eq!(m.value, 14.25);
        assert_eq!(m.kind, NumberKind::Percent);
        assert!(m.digits.unwrap().foreign);
        let m = one("2,5 million", &en());
        assert_eq!(m.value, 2.5e6);
        assert!(m.digits.unwrap().foreign);
    }

    #[test]
    fn ambiguous_thousands_have_alternative_reading() {
        let m = one("1.000", &pt());
        assert_eq!(m.value, 1000.0);
        assert_eq!(m.digits.unwrap().alt.map(|a| a.0), Some(1.0));
        let m = one("1.000", &en());
        assert_eq!(m.value, 1.0);
        assert_eq!(m.digits.unwrap().alt.map(|a| a.0), Some(1000.0));
        let m = one("1,234", &en());
        assert_eq!(m.value, 1234.0);
    }

    #[test]
    fn years_are_not_grouped_and_space_grouping_needs_three_digits() {
        let m = one("em 2025", &pt());
        assert_eq!(m.kind, NumberKind::Year);
        assert_eq!(strong("em 2020 300 pessoas", &pt()), [2020.0, 300.0]);
    }

    #[test]
    fn percentages() {
        let m = one("14,25%", &pt());
        assert_eq!((m.value, m.kind), (14.25, NumberKind::Percent));
        let m = one("14,25 por cento", &pt());
        assert_eq!(
            (m.value, m.kind.clone(), m.raw.as_str()),
            (14.25, NumberKind::Percent, "14,25 por cento")
        );
        let m = one("14.25 percent", &en());
        assert_eq!((m.value, m.kind), (14.25, NumberKind::Percent));
        let m = one("0,5 ponto percentual", &pt());
        assert_eq!(m.kind, NumberKind::PercentagePoints);
        let m = one("0.5 percentage point", &en());
        assert_eq!(m.kind, NumberKind::PercentagePoints);
    }

    #[test]
    fn currencies_with_scales() {
        let m = one("R$ 1,2 bilhão", &pt());
        assert_eq!(m.value, 1.2e9);
        assert_eq!(m.kind, NumberKind::Currency("BRL".into()));
        assert_eq!(m.scale.as_ref().unwrap().0, "bilhão");
        let m = one("US$ 348,7 bilhões", &pt());
        assert_eq!(
            (m.value, m.kind),
            (348.7e9, NumberKind::Currency("USD".into()))
        );
        let m = one("R$1.2 billion", &en());
        assert_eq!(
            (m.value, m.kind),
            (1.2e9, NumberKind::Currency("BRL".into()))
        );
        let m = one("$348.7bn", &en());
        assert_eq!(
            (m.value, m.kind),
            (348.7e9, NumberKind::Currency("USD".into()))
        );
        let m = one("1.2 billion reais", &en());
        assert_eq!(
            (m.value, m.kind),
            (1.2e9, NumberKind::Currency("BRL".into()))
        );
        let m = one("R$ 5 bi", &pt());
        assert_eq!(m.value, 5e9);
    }

    #[test]
    fn short_scales_need_money() {
        assert_eq!(strong("a 100m race", &en()), [100.0]);
        assert_eq!(strong("5 mi de pessoas", &pt()), [5.0]);
    }

    #[test]
    fn cardinal_words() {
        assert_eq!(strong("noventa minutos", &pt()), [90.0]);
        assert_eq!(strong("ninety minutes", &en()), [90.0]);
        assert_eq!(strong("vinte e dois", &pt()), [22.0]);
        assert_eq!(strong("twenty-two", &en()), [22.0]);
        assert_eq!(strong("twenty two", &en()), [22.0]);
        assert_eq!(strong("três", &pt()), [3.0]);
        assert_eq!(strong("three", &en()), [3.0]);
        assert_eq!(strong("cem", &pt()), [100.0]);
        assert_eq!(strong("cento e vinte e três", &pt()), [123.0]);
        assert_eq!(strong("one hundred and twenty", &en()), [120.0]);
        assert_eq!(strong("dois mil e quinhentos", &pt()), [2500.0]);
        assert_eq!(strong("mil pessoas", &pt()), [1000.0]);
        assert_eq!(strong("a thousand people", &en()), [1000.0]);
        assert_eq!(strong("one thousand people", &en()), [1000.0]);
    }

    #[test]
    fn joiners_do_not_merge_separate_numbers() {
        assert_eq!(strong("entre 3 e 5", &pt()), [3.0, 5.0]);
        assert_eq!(strong("dois e três", &pt()), [2.0, 3.0]);
        assert_eq!(strong("entre 2 mil e 3 mil", &pt()), [2000.0, 3000.0]);
        assert_eq!(strong("3 milhões e 200 mil", &pt()), [3.2e6]);
    }

    #[test]
    fn scales_with_digits_and_words() {
        assert_eq!(strong("1,2 milhão", &pt()), [1.2e6]);
        assert_eq!(strong("1.2 million", &en()), [1.2e6]);
        assert_eq!(strong("dois milhões", &pt()), [2e6]);
        assert_eq!(strong("mil milhões", &pt()), [1e9]);
        assert_eq!(strong("um milhão de pessoas", &pt()), [1e6]);
    }

    #[test]
    fn fractions() {
        assert_eq!(strong("dois terços", &pt()), [2.0 / 3.0]);
        assert_eq!(strong("two-thirds", &en()), [2.0 / 3.0]);
        assert_eq!(strong("um terço", &pt()), [1.0 / 3.0]);
        assert_eq!(strong("metade", &pt()), [0.5]);
        let m = one("half", &en());
        assert!(m.weak);
    }

    #[test]
    fn one_of_an_ambiguous_fraction_is_weak() {
        assert!(one("um quarto de hotel", &pt()).weak);
        assert!(one("a quarter of the year", &en()).weak);
        assert_eq!(strong("três quartos dos votos", &pt()), [0.75]);
        assert_eq!(strong("um terço dos votos", &pt()), [1.0 / 3.0]);
    }

    #[test]
    fn half_a_million() {
        assert_eq!(strong("meio milhão de pessoas", &pt()), [5e5]);
        assert_eq!(strong("half a million people", &en()), [5e5]);
    }

    #[test]
    fn vague_quantities() {
        let m = one("dezenas de milhares de pessoas", &pt());
        assert_eq!((m.value, m.kind.clone()), (1e4, NumberKind::Vague));
        assert_eq!(m.raw, "dezenas de milhares");
        let m = one("tens of thousands of people", &en());
        assert_eq!((m.value, m.kind), (1e4, NumberKind::Vague));
        let m = one("milhões de pessoas", &pt());
        assert_eq!((m.value, m.kind), (1e6, NumberKind::Vague));
        let m = one("hundreds", &en());
        assert_eq!(m.value, 100.0);
    }

    #[test]
    fn ambiguous_words_are_weak() {
        assert!(ex("segundo ele", &pt())[0].2);
        assert!(ex("um acordo", &pt())[0].2);
        assert!(ex("uma reunião", &pt())[0].2);
        assert!(ex("one of the", &en())[0].2);
        assert!(strong("no one came", &en()).is_empty());
        assert!(strong("wait a second", &en()).is_empty());
        assert_eq!(strong("um milhão", &pt()), [1e6]);
        assert_eq!(strong("one million", &en()), [1e6]);
        assert!(strong("os dois países", &pt()).is_empty());
    }

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
    fn article_with_ordinal_before_noun_is_ordinal() {
        let m = one("a third round", &en());
        assert_eq!((m.value, m.kind), (3.0, NumberKind::Ordinal));
        let m = one("a third of voters", &en());
        assert_eq!((m.value, m.kind), (1.0 / 3.0, NumberKind::Fraction));
    }

    #[test]
    fn capitalised_month_mid_sentence_is_weak_in_lower_case_languages() {
        assert!(one("o Rio de Janeiro", &pt()).weak);
        assert!(!one("Janeiro foi quente.", &pt()).weak);
        assert!(!one("em janeiro", &pt()).weak);
    }

    #[test]
    fn ordinals() {
        for (t, p) in [
            ("1º", pt()),
            ("1.º", pt()),
            ("2ª", pt()),
            ("4th", en()),
            ("21st", en()),
        ] {
            let m = one(t, &p);
            assert_eq!(m.kind, NumberKind::Ordinal, "{t}");
            assert_eq!(m.raw, t);
        }
        assert_eq!(one("quarto lugar", &pt()).value, 4.0);
        assert!(one("quarto lugar", &pt()).weak);
        let m = one("the fifth time", &en());
        assert_eq!((m.value, m.weak), (5.0, false));
        assert_eq!(one("twenty-first", &en()).value, 21.0);
    }

    #[test]
    fn time_words_make_a_time() {
        let de = Profile::builtin("de");
        for (text, minutes) in [
            ("um 14.30 Uhr", 870),
            ("um 9 Uhr", 540),
            ("um 14:30 Uhr", 870),
        ] {
            let found = extract(text, &de);
            assert!(
                found.iter().any(
                    |m| matches!(m.kind, NumberKind::Time { minutes: got, .. } if got == minutes)
                ),
                "{text}: {found:#?}"
            );
        }
        let fr = Profile::builtin("fr");
        for (text, minutes) in [("à 14 h 30", 870), ("à 14h30", 870), ("à 9h", 540)] {
            let found = extract(text, &fr);
            assert!(
                found.iter().any(
                    |m| matches!(m.kind, NumberKind::Time { minutes: got, .. } if got == minutes)
                ),
                "{text}: {found:#?}"
            );
        }
        // "14 h" alone, spaced, is a duration.
        let found = extract("pendant 14 h de route", &fr);
        assert!(
            found
                .iter()
                .all(|m| !matches!(m.kind, NumberKind::Time { .. }))
        );
        // Without the word, "14.30" stays a number.
        let found = extract("Der Kurs lag bei 14.30 Punkten", &de);
        assert!(
            found
                .iter()
                .all(|m| !matches!(m.kind, NumberKind::Time { .. }))
        );
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
    fn dates() {
        let d = |month, day, year| NumberKind::Date { month, day, year };
        assert_eq!(one("em 4 de março", &pt()).kind, d(3, Some(4), None));
        assert_eq!(one("on March 4", &en()).kind, d(3, Some(4), None));
        assert_eq!(one("on 4 March", &en()).kind, d(3, Some(4), None));
        assert_eq!(
            one("4 de março de 2025", &pt()).kind,
            d(3, Some(4), Some(2025))
        );
        assert_eq!(one("March 4, 2025", &en()).kind, d(3, Some(4), Some(2025)));
        assert_eq!(one("the 4th of March", &en()).kind, d(3, Some(4), None));
        assert_eq!(one("1º de maio", &pt()).kind, d(5, Some(1), None));
        assert_eq!(one("primeiro de maio", &pt()).kind, d(5, Some(1), None));
        assert_eq!(one("março de 2025", &pt()).kind, d(3, None, Some(2025)));
        assert_eq!(one("March 2025", &en()).kind, d(3, None, Some(2025)));
        assert_eq!(one("em junho", &pt()).kind, NumberKind::Month(6));
        assert_eq!(one("in June", &en()).kind, NumberKind::Month(6));
        assert_eq!(one("Jan. 5", &en()).kind, d(1, Some(5), None));
        assert_eq!(one("Sept. 5", &en()).kind, d(9, Some(5), None));
        assert_eq!(one("Sep 5", &en()).kind, d(9, Some(5), None));
    }

    #[test]
    fn may_and_march_as_words_are_not_months() {
        assert!(extract("it may rain", &en()).is_empty());
        assert!(extract("a protest march", &en()).is_empty());
        assert!(one("May said", &en()).weak);
        assert!(!one("May 5", &en()).weak);
        // "mar" (sea) is a month abbreviation only next to a day.
        assert!(extract("o mar", &pt()).is_empty());
        assert!(strong("In March 40 people died", &en()).len() == 2);
    }

    #[test]
    fn ranges_share_scale_and_percent() {
        assert_eq!(strong("3 a 5 milhões", &pt()), [3e6, 5e6]);
        assert_eq!(strong("3 to 5 million", &en()), [3e6, 5e6]);
        assert_eq!(strong("3-5", &en()), [3.0, 5.0]);
        let ms = extract("3 a 5%", &pt());
        assert_eq!(ms[0].kind, NumberKind::Percent);
        // The end of one range does not open the next.
        let ms = extract("aged 2 to 6 and 64.2% among adults", &en());
        assert_eq!(ms[1].kind, NumberKind::Plain, "{ms:#?}");
        assert_eq!(ms[2].kind, NumberKind::Percent);
    }

    #[test]
    fn ranges_of_days_are_dates() {
        let d = |day, year| NumberKind::Date {
            month: 11,
            day: Some(day),
            year,
        };
        let kinds = |t: &str, p: &Profile| {
            extract(t, p)
                .into_iter()
                .map(|m| m.kind)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kinds("em 18 e 19 de novembro", &pt()),
            [d(18, None), d(19, None)]
        );
        assert_eq!(
            kinds("on November 18-19", &en()),
            [d(18, None), d(19, None)]
        );
        assert_eq!(
            kinds("em 18 e 19 de novembro de 2024", &pt()),
            [d(18, None), d(19, Some(2024))].map(|k| match k {
                NumberKind::Date { day, .. } => NumberKind::Date {
                    month: 11,
                    day,
                    year: Some(2024)
                },
                k => k,
            })
        );
        assert_eq!(
            kinds("on November 18-19, 2024", &en()),
            [d(18, Some(2024)), d(19, Some(2024))]
        );
    }

    #[test]
    fn times() {
        let t = |m: u32| m;
        for (s, p, minutes) in [
            ("às 14h30", pt(), t(870)),
            ("às 14h", pt(), t(840)),
            ("at 2:30 p.m.", en(), t(870)),
            ("at 2 p.m.", en(), t(840)),
            ("at 10am", en(), t(600)),
            ("at 12 a.m.", en(), t(0)),
        ] {
            let m = one(s, &p);
            match m.kind {
                NumberKind::Time { minutes: got, .. } => assert_eq!(got, minutes, "{s}"),
                k => panic!("{s}: {k:?}"),
            }
            assert!(m.weak);
        }
    }

    #[test]
    fn identifiers_are_codes() {
        for s in ["F-35", "G7", "COVID-19"] {
            let m = one(s, &en());
            assert_eq!(m.kind, NumberKind::Code, "{s}");
            assert!(m.weak);
        }
        let m = one("Boeing 737", &en());
        assert_eq!(m.kind, NumberKind::Plain);
        assert_eq!(strong("a 30-year-old man", &en()), [30.0]);
    }

    #[test]
    fn decades() {
        let m = one("nos anos 90", &pt());
        assert_eq!((m.kind.clone(), m.value), (NumberKind::Decade, 90.0));
        let m = one("in the 1990s", &en());
        assert_eq!((m.kind.clone(), m.value), (NumberKind::Decade, 1990.0));
        let m = one("in the mid-1990s", &en());
        assert_eq!((m.kind.clone(), m.value), (NumberKind::Decade, 1990.0));
        let m = one("the '90s", &en());
        assert_eq!((m.kind, m.raw.as_str()), (NumberKind::Decade, "'90s"));
    }

    #[test]
    fn long_number_phrases_do_not_recurse_deeply() {
        let text = "um milhão e ".repeat(20_000);
        let ms = extract(&text, &pt());
        assert!(!ms.is_empty());
    }

    #[test]
    fn spans_cover_the_number() {
        let text = "Cerca de R$ 1,2 bilhão foi gasto.";
        let m = one(text, &pt());
        assert_eq!(&text[m.start..m.end], "R$ 1,2 bilhão");
    }

    #[test]
    fn day_in_brackets_after_weekday() {
        let m = one("nesta quinta-feira (30), o ministério", &pt());
        assert_eq!(
            (m.kind.clone(), m.raw.as_str(), m.weak),
            (NumberKind::Day(30), "30", true)
        );
        assert_eq!(strong("a lista (30)", &pt()), [30.0]);
    }

    #[test]
    fn roman_numerals_are_weak() {
        let m = one("no século XXI", &pt());
        assert_eq!((m.value, m.weak), (21.0, true));
        assert_eq!(one("World War II", &en()).value, 2.0);
        assert!(extract("IIII VX MIX", &en()).is_empty());
        assert!(extract("I said", &en()).is_empty());
    }

    #[test]
    fn numeric_dates_follow_the_profile_order() {
        let d = |month, day, year| NumberKind::Date {
            month,
            day: Some(day),
            year,
        };
        assert_eq!(one("em 15/08/2024", &pt()).kind, d(8, 15, Some(2024)));
        assert_eq!(one("em 15.08.2024", &pt()).kind, d(8, 15, Some(2024)));
        assert_eq!(one("em 15/8", &pt()).kind, d(8, 15, None));
        assert_eq!(one("on 8/15/2024", &en()).kind, d(8, 15, Some(2024)));
        assert!(one("1/3 dos votos", &pt()).weak);
        assert_eq!(strong("2024/25", &pt()), [2024.0, 25.0]);
    }

    #[test]
    fn basis_points_are_hundredths_of_a_point() {
        let m = one("25 basis points", &en());
        assert_eq!((m.value, m.kind), (0.25, NumberKind::PercentagePoints));
        assert_eq!(one("25 pontos-base", &pt()).value, 0.25);
    }

    #[test]
    fn digits_in_urls_and_handles_are_not_numbers() {
        assert!(extract("veja https://gov.br/2024/03/dados e @ibge2020", &pt()).is_empty());
        assert!(extract("escreva para joao2024@uol.com.br", &pt()).is_empty());
    }

    #[test]
    fn space_grouping_in_english_is_foreign() {
        let m = one("some 10 000 people", &en());
        assert_eq!(m.value, 10000.0);
        assert!(m.digits.unwrap().foreign);
        let m = one("$1.2-billion deal", &en());
        assert_eq!(m.value, 1.2e9);
    }

    #[test]
    fn extractor_reuses_profile_data() {
        let x = Extractor::new(&pt());
        assert_eq!(x.extract("3,4%").len(), 1);
        assert_eq!(x.extract("dois terços").len(), 1);
    }

    #[test]
    fn render_in_target_conventions() {
        let m = one("3,4%", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("3.4%"));
        let m = one("1.693.673", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("1,693,673"));
        let m = one("US$ 348,7 bilhões", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("$348.7 billion"));
        let m = one("$348.7 billion", &en());
        assert_eq!(render(&m, &pt()).as_deref(), Some("US$ 348,7 bilhões"));
        let m = one("4 de março de 2025", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("March 4, 2025"));
        let m = one("March 4", &en());
        assert_eq!(render(&m, &pt()).as_deref(), Some("4 de março"));
        let m = one("noventa", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("90"));
        let m = one("às 14h", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("2 p.m."));
        let m = one("at 8:15 a.m.", &en());
        assert_eq!(render(&m, &pt()).as_deref(), Some("8h15"));
        let m = one("R$ 5 mil", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("R$5,000"));
    }

    #[test]
    fn fractions_in_words() {
        let m = one("dois terços", &pt());
        assert_eq!(
            render_fraction_words(&m, &en(), "x").as_deref(),
            Some("two-thirds")
        );
        let m = one("two-thirds", &en());
        assert_eq!(
            render_fraction_words(&m, &pt(), "x").as_deref(),
            Some("dois terços")
        );
        let m = one("um terço", &pt());
        assert_eq!(
            render_fraction_words(&m, &en(), "One").as_deref(),
            Some("One-third")
        );
    }

    #[test]
    fn format_number_groups() {
        let p = en().numbers;
        assert_eq!(format_number(1693673.0, 0, true, &p).unwrap(), "1,693,673");
        assert_eq!(format_number(123.0, 0, true, &p).unwrap(), "123");
        assert_eq!(format_number(1234.5, 2, true, &p).unwrap(), "1,234.50");
        assert_eq!(format_number(f64::INFINITY, 0, true, &p), None);
    }

    #[test]
    fn spanish_profile_is_data_only() {
        let es = Profile::builtin("es");
        assert_eq!(strong("1,2 millones de empleos", &es), [1.2e6]);
        assert_eq!(strong("mil millones", &es), [1e9]);
        assert_eq!(strong("veintidós", &es), [22.0]);
        assert_eq!(strong("ciento veinte", &es), [120.0]);
        assert_eq!(strong("dos tercios", &es), [2.0 / 3.0]);
        assert_eq!(one("subió 3,4 %", &es).kind, NumberKind::Percent);
        assert_eq!(
            one("el 4 de marzo de 2025", &es).kind,
            NumberKind::Date {
                month: 3,
                day: Some(4),
                year: Some(2025)
            }
        );
        assert_eq!(one("decenas de miles", &es).value, 1e4);
        assert!(strong("un acuerdo", &es).is_empty());
        assert!(strong("según el segundo informe", &es).is_empty());
    }

    #[test]
    fn generic_profile_reads_digits_of_either_convention() {
        let p = Profile::builtin("fi");
        assert_eq!(strong("3.4 and 1,000", &p), [3.4, 1000.0]);
        let m = one("3,4", &p);
        assert_eq!(m.value, 3.4);
        assert!(!m.digits.unwrap().foreign);
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        static PROFILES: LazyLock<Vec<Profile>> =
            LazyLock::new(|| ["pt", "en", "es", "xx"].map(Profile::builtin).to_vec());
        static EXTRACTORS: LazyLock<Vec<Extractor>> =
            LazyLock::new(|| PROFILES.iter().map(Extractor::new).collect());

        proptest! {
            #[test]
            fn extract_never_panics_and_spans_are_valid(s in "\\PC{0,80}") {
                for x in EXTRACTORS.iter() {
                    for m in x.extract(&s) {
                        prop_assert!(m.start <= m.end && m.end <= s.len());
                        prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                        prop_assert_eq!(&s[m.start..m.end], m.raw.as_str());
                    }
                }
            }

            #[test]
            fn number_soup_never_panics(words in proptest::collection::vec(
                "(1|12|1\\.000|3,4|2025|15/08|14h30|2:30|um|uma|dois|vinte|e|mil|milhão|bilhões|de|março|May|R\\$|US\\$|%|por cento|º|th|-|a|the|one|third|half|meio|anos|90s|\\(|\\)|segunda-feira|,|\\.|tens|of|dezenas|XXI|F-35|basis points)",
                0..14,
            ), sep in "( |-|)") {
                let s = words.join(&sep);
                for x in EXTRACTORS.iter() {
                    for m in x.extract(&s) {
                        prop_assert!(m.start <= m.end && m.end <= s.len());
                        prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                        if let Some(d) = &m.digits {
                            prop_assert!(s.is_char_boundary(d.start) && s.is_char_boundary(d.end) && d.end <= s.len());
                        }
                        let _ = render(&m, &PROFILES[0]);
                        let _ = render(&m, &PROFILES[1]);
                    }
                }
            }

            #[test]
            fn numberish_text_never_panics(s in "[0-9 .,%$R-]{0,30}(mil|milhões|bilhão|million|de|e|and|º|th|h|:)?[0-9 .,]{0,10}") {
                for x in EXTRACTORS.iter() {
                    for m in x.extract(&s) {
                        prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                    }
                }
            }
        }
    }

    #[test]
    fn multiples_with_article_are_strong() {
        assert_eq!(
            ex("Subiu para o dobro.", &pt()),
            [("o dobro".into(), 2.0, false)]
        );
        assert_eq!(strong("Mais do triplo de 2022.", &pt()), [3.0, 2022.0]);
        assert_eq!(strong("Chegou ao quádruplo.", &pt()), [4.0]);
        let de = Profile::builtin("de");
        assert_eq!(strong("Es kostet das Doppelte.", &de), [2.0]);
        assert_eq!(strong("Doppelt so viele Wähler.", &de), [2.0]);
        let it = Profile::builtin("it");
        assert_eq!(strong("Costa il doppio.", &it), [2.0]);
    }

    #[test]
    fn lone_multiple_words_only_confirm() {
        assert_eq!(
            ex("A double standard.", &en()),
            [("double".into(), 2.0, true)]
        );
        assert_eq!(
            ex("It rose twice as fast.", &en()),
            [("twice".into(), 2.0, true)]
        );
        assert_eq!(ex("A triple jump.", &en()), [("triple".into(), 3.0, true)]);
        assert!(strong("die doppelte Staatsbürgerschaft", &Profile::builtin("de")).is_empty());
    }
}
