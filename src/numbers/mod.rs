//! Reading numbers in text by each language's conventions: digits with
//! decimal and group separators, number words, scales, ordinals,
//! percentages, currencies, ranges, times, decades and dates; and writing
//! them back in another language's conventions.
//!
//! Everything language-specific comes from [`NumberProfile`]; this module
//! only knows the shapes (digits, words, symbols) and how they combine.
//! [`tokenize`] splits text, [`lexicon`] prepares the profile's data,
//! `reader` reads mentions and [`render`](mod@render) writes them.
//!
//! [`NumberProfile`]: crate::profile::NumberProfile

mod lexicon;
mod reader;
mod render;
#[cfg(test)]
mod test_support;
mod tokenize;

pub use render::{format_number, render, render_fraction_words, render_words, rewrite_digits};

use crate::profile::Profile;
use lexicon::Lexicon;
use reader::Reader;
use regex::Regex;
use std::sync::LazyLock;
use tokenize::{is_dash, split_clitics, split_elisions, split_number_compounds, tokenize};

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

/// Spaces that may group thousands ("10 000") in some convention.
const SPACE_GROUPS: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// URLs, e-mail addresses, handles and HTML character references (`&#39;`
/// in a catalogue's template string): digits inside them are not numbers.
static NOT_PROSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+|@\w+|&#(?:x[0-9a-f]+|[0-9]+);",
    )
    .expect("valid regex")
});

/// What every match of [`NOT_PROSE`] needs (`@`, `://`, `www.` or `&#`): a
/// byte scan that spares most sentences the regex.
fn may_hold_address(text: &str) -> bool {
    text.contains('@')
        || text.contains("://")
        || text.contains("&#")
        || text
            .match_indices('.')
            .any(|(i, _)| i >= 3 && text.as_bytes()[i - 3..i].eq_ignore_ascii_case(b"www"))
}

/// `path$1`, `${1}x`: a `$` glued to a lower-case word, a digit or a path
/// before it is a regular expression's back-reference or a variable, not a
/// dollar amount (`US$1` and `R$1` glue theirs to capitals).
fn back_reference(text: &str, m: &NumberMention) -> bool {
    matches!(m.kind, NumberKind::Currency(_))
        && m.raw.starts_with('$')
        && text[..m.start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || matches!(c, '/' | '_' | ')'))
}

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
        let toks = split_clitics(toks, &self.lx);
        let r = Reader {
            text,
            toks,
            lx: &self.lx,
        };
        let mut out = r.run();
        let skip: Vec<(usize, usize)> = if may_hold_address(text) {
            NOT_PROSE
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect()
        } else {
            Vec::new()
        };
        out.retain(|m| {
            !skip.iter().any(|&(s, e)| m.start < e && s < m.end) && !back_reference(text, m)
        });
        // Only a possible number: it may confirm the other side ("Group of
        // Seven" for "grupo dos sete") but is never reported alone.
        for m in &mut out {
            if self.in_proper_name(text, m) {
                m.weak = true;
            }
        }
        out
    }

    /// `%(count)d million`: a bare scale word right after a masked
    /// placeholder scales the placeholder's value. The other language may
    /// say it as a plural (`Millionen`) the reader does not take for a
    /// number, so the caller compares such words only when both sides have
    /// one.
    pub fn scale_of_placeholder(&self, text: &str, m: &NumberMention) -> bool {
        // Its first word: a vague plural takes its joiner (`milhões de`).
        let w = m.raw.split_whitespace().next().unwrap_or("").to_lowercase();
        m.digits.is_none()
            && (self.lx.scales.contains_key(&w) || self.lx.vague.contains_key(&w))
            && text[..m.start].trim_end().ends_with('_')
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

fn approx(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_support::*;

    #[test]
    fn spans_cover_the_number() {
        let text = "Cerca de R$ 1,2 bilhão foi gasto.";
        let m = one(text, &pt());
        assert_eq!(&text[m.start..m.end], "R$ 1,2 bilhão");
    }

    #[test]
    fn digits_in_urls_and_handles_are_not_numbers() {
        assert!(extract("veja https://gov.br/2024/03/dados e @ibge2020", &pt()).is_empty());
        assert!(extract("escreva para joao2024@uol.com.br", &pt()).is_empty());
    }

    #[test]
    fn an_html_character_reference_is_no_number() {
        let en = en();
        assert!(extract("Yes, I&#39;m sure", &en).is_empty());
        assert!(extract("Tom &#x26; Jerry&#8217;s", &en).is_empty());
        // A number beside one is still read.
        assert_eq!(strong("I&#39;m 42", &en), vec![42.0]);
    }

    #[test]
    fn a_scale_word_after_a_masked_placeholder_is_marked() {
        let at_placeholder = |text: &str, p: &Profile| -> Vec<bool> {
            let x = Extractor::new(p);
            x.extract(text)
                .iter()
                .map(|m| x.scale_of_placeholder(text, m))
                .collect()
        };
        // `%(n)d million pixels`, the placeholder masked as the checks read it.
        assert_eq!(
            at_placeholder("limit of _____ million pixels", &en()),
            vec![true]
        );
        let es = Profile::builtin("es");
        assert_eq!(
            at_placeholder("límite de _____ millones de píxeles", &es),
            vec![true]
        );
        // A scale word with its own number, or alone, is a number.
        assert_eq!(
            at_placeholder("_____ users, 3 million pixels", &en()),
            vec![false]
        );
        assert_eq!(at_placeholder("a million pixels", &en()), vec![false]);
    }

    #[test]
    fn a_back_reference_is_no_amount() {
        let en = Profile::builtin("en");
        assert!(extract("^/old(.*) /autre-chemin$1 [R]", &en).is_empty());
        assert!(extract("RewriteRule ^(.*)$ /index.php/$1", &en).is_empty());
        // Dollars after a space, a bracket or a country's capitals stay amounts.
        assert_eq!(extract("It costs $1 a day.", &en).len(), 1);
        assert_eq!(extract("(US$1 billion)", &en).len(), 1);
        assert_eq!(extract("custa R$1 por dia", &pt()).len(), 1);
    }

    #[test]
    fn extractor_reuses_profile_data() {
        let x = Extractor::new(&pt());
        assert_eq!(x.extract("3,4%").len(), 1);
        assert_eq!(x.extract("dois terços").len(), 1);
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
}
