//! Reading number mentions from tokens. Each submodule reads one kind of
//! thing: [`dates`] dates and times, [`amounts`] digits, percentages,
//! currencies and multiples, [`words`] numbers written in words, [`ranges`]
//! what neighbouring mentions say about each other.

mod amounts;
mod dates;
mod ranges;
mod words;

use super::lexicon::{Lexicon, start};
use super::tokenize::{Tok, TokKind};
use super::{DigitInfo, NumberKind, NumberMention};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Last {
    Digits,
    Card(f64),
    Scale(f64),
    Ord(f64),
}

/// The number itself, before percent and currency markers.
pub(super) struct Core {
    pub(super) value: f64,
    pub(super) end: usize,
    pub(super) words: bool,
    pub(super) scale: Option<(String, f64)>,
    pub(super) ordinal: bool,
    pub(super) fraction: bool,
    pub(super) digits: Option<DigitInfo>,
    pub(super) code: bool,
    /// One ambiguous word alone ("um", "segundo").
    pub(super) ambiguous: bool,
}

pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) toks: Vec<Tok>,
    pub(super) lx: &'a Lexicon,
}

impl<'a> Reader<'a> {
    /// Every reading in the order tried, with the [`start`] bits of the
    /// tokens it may start at; the first that reads a mention wins.
    #[allow(clippy::type_complexity)]
    fn readings() -> [(u16, fn(&Self, usize) -> Option<(NumberMention, usize)>); 16] {
        [
            (start::DIGITS, Self::numeric_date),
            (start::DIGITS, Self::split_seconds),
            (start::DIGITS, Self::time),
            (start::DIGITS, Self::version),
            (start::WEEKDAY, Self::weekday_day),
            (start::WEEKDAY, Self::weekday),
            (start::ROMAN, Self::roman),
            (start::VULGAR, Self::lone_vulgar),
            (start::DECADE, Self::decade),
            (start::DAY, Self::date_day_first),
            (start::MONTH, Self::date_month_first),
            (start::DISTRIBUTIVE, Self::distributive),
            (start::MULTIPLIER, Self::multiplier),
            (start::COUNTED_VAGUE, Self::counted_vague),
            (start::NUMBER, Self::number),
            (start::VAGUE, Self::vague),
        ]
    }

    pub(super) fn run(&self) -> Vec<NumberMention> {
        let readings = Self::readings();
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            let starts = self.starts_at(i);
            let parsed = readings
                .iter()
                .filter(|(bits, _)| starts & bits != 0)
                .find_map(|(_, read)| read(self, i));
            match parsed {
                Some((m, next)) => {
                    // "terça-feira (13)" reads the day; the weekday counts too.
                    if starts & start::WEEKDAY != 0
                        && self.tok(i).is_some_and(|t| t.start < m.start)
                    {
                        out.extend(self.weekday(i).map(|(w, _)| w));
                    }
                    out.push(m);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        self.spread_over_ranges(&mut out);
        self.expand_year_ranges(&mut out);
        self.attach_years(&mut out);
        self.mark_ambiguous_phrases(&mut out);
        out
    }

    /// The readings ([`start`] bits) that may start at token `i`: any at
    /// digits; at a word or sign, those of the lexicon that start with it.
    fn starts_at(&self, i: usize) -> u16 {
        let Some(t) = self.tok(i) else {
            return 0;
        };
        if t.kind == TokKind::Digits {
            return u16::MAX;
        }
        if self.in_dotted_name(i) {
            return 0;
        }
        let roman = if self.roman_shaped(t) || self.lone_roman_one(i) {
            start::ROMAN
        } else {
            0
        };
        let vulgar = if self.vulgar_fraction(i).is_some() {
            start::VULGAR
        } else {
            0
        };
        roman | vulgar | self.lx.starts.get(&t.lower).copied().unwrap_or(0)
    }

    /// Whether word `i` is a piece of a host name or dotted identifier
    /// (`app.seven.io`, `config.one`): a full stop glued between it and
    /// another word on either side. A number word there is no number.
    fn in_dotted_name(&self, i: usize) -> bool {
        let dot = |k: usize| {
            self.tok(k)
                .is_some_and(|t| t.lower == "." && !t.space_before)
        };
        let glued_word = |k: usize| {
            self.tok(k)
                .is_some_and(|t| t.kind != TokKind::Punct && !t.space_before)
        };
        let word_before = i
            .checked_sub(2)
            .and_then(|p| self.tok(p))
            .is_some_and(|t| t.kind != TokKind::Punct);
        (dot(i + 1) && glued_word(i + 2))
            || (i >= 2 && dot(i - 1) && word_before && self.attached(i))
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
}
