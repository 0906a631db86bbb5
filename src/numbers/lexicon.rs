//! A profile's number data prepared for lookups: lower-cased words,
//! phrases as token lists (longest first), months and currencies.

use super::tokenize::tokenize;
use crate::profile::NumberProfile;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Phrases split into lower-case tokens, for matching against text tokens.
pub(super) fn phrase_tokens(s: &str) -> Vec<String> {
    tokenize(&s.to_lowercase(), &[])
        .into_iter()
        .map(|t| t.lower)
        .collect()
}

pub(super) fn phrase_list<'a>(items: impl Iterator<Item = &'a String>) -> Vec<Vec<String>> {
    let mut v: Vec<Vec<String>> = items
        .map(|s| phrase_tokens(s))
        .filter(|p| !p.is_empty())
        .collect();
    // Longest first, so "US$" wins over "$".
    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
    v
}

/// Phrases with their values as token lists, longest first.
fn phrase_values(m: &BTreeMap<String, f64>) -> Vec<(Vec<String>, f64)> {
    let mut v: Vec<(Vec<String>, f64)> = m
        .iter()
        .map(|(k, v)| (phrase_tokens(k), *v))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    v.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    v
}

pub(super) fn lower_map(m: &BTreeMap<String, f64>) -> BTreeMap<String, f64> {
    m.iter()
        .filter(|(k, _)| !k.trim().contains(' '))
        .map(|(k, v)| (k.to_lowercase(), *v))
        .collect()
}

pub(super) fn lower_list(v: &[String]) -> Vec<String> {
    v.iter().map(|s| s.to_lowercase()).collect()
}

/// The profile data prepared for lookups.
pub(super) struct Lexicon {
    pub(super) decimal: char,
    pub(super) groups: Vec<char>,
    pub(super) cardinals: BTreeMap<String, f64>,
    pub(super) ordinals: BTreeMap<String, f64>,
    pub(super) fractions: BTreeMap<String, f64>,
    pub(super) scales: BTreeMap<String, f64>,
    pub(super) vague: BTreeMap<String, f64>,
    pub(super) joiners: Vec<String>,
    pub(super) ambiguous: Vec<String>,
    pub(super) articles: Vec<String>,
    pub(super) scale_abbreviations: Vec<String>,
    pub(super) vague_joiners: Vec<String>,
    pub(super) date_joiners: Vec<String>,
    pub(super) range_words: Vec<String>,
    pub(super) ordinal_suffixes: Vec<String>,
    pub(super) decade_suffixes: Vec<String>,
    pub(super) hour_marks: Vec<String>,
    pub(super) second_marks: Vec<String>,
    pub(super) time_words: Vec<String>,
    pub(super) percent: Vec<Vec<String>>,
    pub(super) points: Vec<Vec<String>>,
    pub(super) currency_prefix: Vec<(Vec<String>, String)>,
    pub(super) currency_suffix: Vec<(Vec<String>, String)>,
    pub(super) currency_joiners: Vec<String>,
    pub(super) am: Vec<Vec<String>>,
    pub(super) pm: Vec<Vec<String>>,
    pub(super) decade_prefixes: Vec<Vec<String>>,
    pub(super) ambiguous_phrases: Vec<Vec<String>>,
    pub(super) fraction_comparatives: Vec<Vec<String>>,
    /// Nouns that make an ambiguous ordinal word before them an ordinal.
    pub(super) ordinal_nouns: Vec<String>,
    /// Words a Roman numeral counts after ("século", "phase").
    pub(super) roman_words: Vec<String>,
    /// Words that make the number after them negative.
    pub(super) minus_words: Vec<String>,
    /// Phrases ending in a minus word where it is no sign, longest first.
    pub(super) minus_exceptions: Vec<Vec<String>>,
    /// Phrases after the number making a minus word a difference.
    pub(super) minus_comparisons: Vec<Vec<String>>,
    /// Phrases after a temperature making it negative ("abaixo de zero").
    pub(super) minus_after: Vec<Vec<String>>,
    /// Temperature units written as words ("graus"), lower case.
    pub(super) temperature_words: Vec<String>,
    /// Multiple phrases ("o dobro"), longest first.
    pub(super) multipliers: Vec<(Vec<String>, f64)>,
    /// Fractions added after a whole number ("e meio", "and a half"),
    /// longest first.
    pub(super) fraction_tails: Vec<(Vec<String>, f64)>,
    /// The first word of every unit, lower case ("quilos", "metros").
    pub(super) unit_words: Vec<String>,
    /// Distributive templates split into words, `{n}` kept as a slot.
    pub(super) distributives: Vec<Vec<String>>,
    /// Distributive phrases with a fixed group size ("by pairs"), longest first.
    pub(super) distributive_words: Vec<(Vec<String>, f64)>,
    /// (lower-case name, month number, must be capitalised)
    pub(super) months: Vec<(String, u8, bool)>,
    pub(super) month_abbreviations: Vec<(String, u8, bool)>,
    pub(super) weekdays: Vec<String>,
    pub(super) basis_points: Vec<Vec<String>>,
    /// Order of day and month in "15/08/2024": true for day first.
    pub(super) day_first: bool,
    /// The profile gives no decimal separator: no digits are foreign.
    pub(super) unknown_convention: bool,
    /// Joiners ending in an apostrophe (`d’`): elisions written glued to
    /// the next word ("milliards d’euros").
    pub(super) elisions: Vec<String>,
    /// Which readings may start at a word or sign ([`start`] bits): most
    /// words of prose start none, and most that do start one or two.
    pub(super) starts: FxHashMap<String, u16>,
}

/// Bits of [`Lexicon::starts`]: the first tokens each reading accepts.
pub(super) mod start {
    pub const NUMBER: u16 = 1;
    pub const COUNTED_VAGUE: u16 = 1 << 1;
    pub const VAGUE: u16 = 1 << 2;
    pub const WEEKDAY: u16 = 1 << 3;
    pub const MONTH: u16 = 1 << 4;
    pub const DAY: u16 = 1 << 5;
    pub const DECADE: u16 = 1 << 6;
    pub const DISTRIBUTIVE: u16 = 1 << 7;
    pub const MULTIPLIER: u16 = 1 << 8;
    pub const AMBIGUOUS_PHRASE: u16 = 1 << 9;
    /// Given to digits only (every reading may start there).
    pub const DIGITS: u16 = 1 << 10;
    /// Given to Roman-numeral-shaped words only.
    pub const ROMAN: u16 = 1 << 11;
    /// Given to vulgar fraction glyphs (`½`) only.
    pub const VULGAR: u16 = 1 << 12;
}

impl Lexicon {
    pub(super) fn new(p: &NumberProfile) -> Lexicon {
        let (decimal, groups) = separators(p);
        let (currency_prefix, currency_suffix) = currency_phrases(p);
        let mut lx = Lexicon {
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
            ordinal_suffixes: longest_first(&p.ordinal_suffixes),
            decade_suffixes: longest_first(&p.decade_suffixes),
            hour_marks: lower_list(&p.time_hour_marks),
            second_marks: lower_list(&p.time_second_marks),
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
            fraction_comparatives: phrase_list(p.fraction_comparatives.iter()),
            ordinal_nouns: lower_list(&p.ordinal_nouns),
            roman_words: lower_list(&p.roman_words),
            minus_words: lower_list(&p.minus_words),
            minus_exceptions: phrase_list(p.minus_exceptions.iter()),
            minus_comparisons: phrase_list(p.minus_comparisons.iter()),
            minus_after: phrase_list(p.minus_after_words.iter()),
            temperature_words: p
                .units
                .iter()
                .filter(|(k, u)| u.dimension == "temperature" && k.chars().all(char::is_alphabetic))
                .map(|(k, _)| k.to_lowercase())
                .collect(),
            multipliers: phrase_values(&p.multipliers),
            fraction_tails: phrase_values(&p.fraction_tails),
            unit_words: p
                .units
                .keys()
                .filter_map(|k| k.split_whitespace().next())
                .map(str::to_lowercase)
                .collect(),
            distributives: distributive_templates(&p.distributives),
            distributive_words: phrase_values(&p.distributive_words),
            months: month_spellings(&p.months),
            month_abbreviations: month_spellings(&p.month_abbreviations),
            weekdays: lower_list(&p.weekdays),
            basis_points: phrase_list(p.basis_point_words.iter()),
            day_first: !p.numeric_date_order.eq_ignore_ascii_case("mdy"),
            unknown_convention: p.decimal.is_empty(),
            elisions: elisions(p),
            starts: FxHashMap::default(),
        };
        lx.starts = lx.start_words();
        lx
    }

    /// The first tokens each reading accepts, by [`start`] bit: number
    /// words and articles start a number, weekdays a weekday, a phrase its
    /// first word, and so on (digits start any, outside this map).
    fn start_words(&self) -> FxHashMap<String, u16> {
        use start::*;
        let mut m: FxHashMap<String, u16> = FxHashMap::default();
        let mut add = |w: &str, bit: u16| *m.entry(w.to_string()).or_default() |= bit;
        for w in self.cardinals.keys() {
            add(w, NUMBER | COUNTED_VAGUE);
        }
        for w in self.ordinals.keys() {
            add(w, NUMBER | DAY);
        }
        for w in self.fractions.keys().chain(self.scales.keys()) {
            add(w, NUMBER);
        }
        for w in self.articles.iter() {
            add(w, NUMBER);
        }
        for (p, _) in &self.currency_prefix {
            add(&p[0], NUMBER);
        }
        for w in self.vague.keys() {
            add(w, VAGUE);
        }
        for w in &self.weekdays {
            add(w, WEEKDAY);
        }
        for (w, _, _) in self.months.iter().chain(&self.month_abbreviations) {
            add(w, MONTH);
        }
        for p in &self.decade_prefixes {
            add(&p[0], DECADE);
        }
        for (p, _) in &self.distributive_words {
            add(&p[0], DISTRIBUTIVE);
        }
        for t in &self.distributives {
            match t.first().map(String::as_str) {
                Some("{n}") => {
                    for w in self.cardinals.keys() {
                        add(w, DISTRIBUTIVE);
                    }
                }
                Some(w) => add(w, DISTRIBUTIVE),
                None => {}
            }
        }
        for (p, _) in &self.multipliers {
            add(&p[0], MULTIPLIER);
        }
        for p in &self.ambiguous_phrases {
            add(&p[0], AMBIGUOUS_PHRASE);
        }
        m
    }

    /// A word that may take part in a number written in words.
    pub(super) fn is_number_word(&self, w: &str) -> bool {
        self.cardinals.contains_key(w)
            || self.ordinals.contains_key(w)
            || self.fractions.contains_key(w)
            || self.scales.contains_key(w)
            || self.joiners.iter().any(|j| j == w)
    }
}

/// The decimal separator and the group separators other than it; a
/// profile that gives neither groups by commas.
fn separators(p: &NumberProfile) -> (char, Vec<char>) {
    let decimal = p.decimal.chars().next().unwrap_or('.');
    let mut groups: Vec<char> = p.group.iter().filter_map(|g| g.chars().next()).collect();
    if p.decimal.is_empty() && groups.is_empty() {
        groups.push(',');
    }
    groups.retain(|&g| g != decimal);
    (decimal, groups)
}

/// Currency phrases as lower-case words, each with its currency code.
type CurrencyPhrases = Vec<(Vec<String>, String)>;

/// Currency phrases that may stand before a number (symbols and codes
/// only: "R$", "USD") and after it (any, "reais" too), longest first; a
/// listed currency with no written forms stands for itself.
fn currency_phrases(p: &NumberProfile) -> (CurrencyPhrases, CurrencyPhrases) {
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
    (
        mk(currencies.iter().filter(|c| symbolic(&c.0)).collect()),
        mk(currencies.iter().collect()),
    )
}

/// Suffixes longest first, so that the longest one matches.
fn longest_first(v: &[String]) -> Vec<String> {
    let mut v = v.to_vec();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
}

/// (lower-case spelling, month number, capitalised) of each month; "Sep|Sept":
/// spellings of one month separated by `|`.
fn month_spellings(v: &[String]) -> Vec<(String, u8, bool)> {
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
}

/// Distributive templates as lower-case words; one without its `{n}` slot
/// could never match and is dropped.
fn distributive_templates(v: &[String]) -> Vec<Vec<String>> {
    v.iter()
        .map(|t| t.split_whitespace().map(str::to_lowercase).collect())
        .filter(|t: &Vec<String>| t.iter().any(|w| w == "{n}"))
        .collect()
}

/// Joiners ending in an apostrophe, written glued to the next word.
fn elisions(p: &NumberProfile) -> Vec<String> {
    p.currency_joiners
        .iter()
        .chain(&p.vague_joiners)
        .chain(&p.date_joiners)
        .chain(&p.joiners)
        .map(|j| j.trim().to_lowercase())
        .filter(|j| j.chars().count() >= 2 && j.ends_with(['’', '\'']))
        .collect()
}
