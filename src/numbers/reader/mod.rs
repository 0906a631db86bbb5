//! Reading number mentions from tokens. Each submodule reads one kind of
//! thing: [`dates`] dates and times, [`amounts`] digits, percentages,
//! currencies and multiples, [`words`] numbers written in words, [`ranges`]
//! what neighbouring mentions say about each other.

mod amounts;
mod dates;
mod ranges;
mod words;

use super::lexicon::Lexicon;
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
    pub(super) fn run(&self) -> Vec<NumberMention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
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
                .or_else(|| self.distributive(i))
                .or_else(|| self.multiplier(i))
                .or_else(|| self.counted_vague(i))
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

    /// Whether a mention may start at token `i`: every reading starts at
    /// digits, a word or sign of the lexicon, or a Roman numeral. Most
    /// words of prose are none of these.
    fn may_start(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.kind == TokKind::Digits
                || self.lx.vocabulary.contains(&t.lower)
                || self.roman_shaped(t)
        })
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
