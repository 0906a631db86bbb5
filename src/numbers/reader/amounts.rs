//! Numbers in digits and what follows them: percentages, currencies,
//! years, identifiers, versions, Roman numerals, multiples and vague
//! quantities.

use super::{Core, Reader};
use crate::numbers::tokenize::{DigitRead, Tok, TokKind, read_digits};
use crate::numbers::{DigitInfo, NumberKind, NumberMention, SPACE_GROUPS, approx};

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
    // Signed: a numeral may open with a subtractive pair (IV, IX).
    let mut total = 0i64;
    for (k, &v) in chars.iter().enumerate() {
        if v == 0 {
            return None;
        }
        if chars.get(k + 1).is_some_and(|&n| n > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    let total = u32::try_from(total).ok()?;
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

/// Kinds a minus sign may make negative.
/// A number's kind after [`Reader::marked`] read what follows its core.
struct Marked {
    kind: NumberKind,
    /// The token after the number and its marker.
    next: usize,
    /// A marker or scale word makes an ambiguous word a number.
    confirmed: bool,
    /// What the value is multiplied by (basis points to points).
    factor: f64,
}

/// Four plain digits from 1000 to 2999, without scale or separator.
fn is_year(core: &Core) -> bool {
    core.scale.is_none()
        && core.digits.as_ref().is_some_and(|d| {
            d.decimal_sep.is_none() && d.group_sep.is_none() && d.end - d.start == 4
        })
        && (1000.0..=2999.0).contains(&core.value)
}

fn is_numeric_kind(k: &NumberKind) -> bool {
    matches!(
        k,
        NumberKind::Plain
            | NumberKind::Percent
            | NumberKind::PercentagePoints
            | NumberKind::Currency(_)
            | NumberKind::Fraction
    )
}

impl Reader<'_> {
    /// "2.4.1", "10.0.19045": three or more dot-separated runs that are not
    /// thousands groups; compared as strings.
    pub(super) fn version(&self, i: usize) -> Option<(NumberMention, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Digits || t.lower.contains(',') {
            return None;
        }
        let runs: Vec<&str> = t.lower.split('.').collect();
        // "0.127.x", "2.*": a release series, a version whatever its runs.
        let wildcard = runs.len() >= 2
            && self.punct(i + 1, ".")
            && self.attached(i + 1)
            && self.attached(i + 2)
            && self
                .tok(i + 2)
                .is_some_and(|w| matches!(w.lower.as_str(), "x" | "*"));
        if wildcard {
            let raw = format!(
                "{}.{}",
                t.lower,
                self.tok(i + 2).map_or("", |w| w.lower.as_str())
            );
            return Some((self.mention(i, i + 3, 0.0, NumberKind::Version(raw)), i + 3));
        }
        let grouped =
            runs.first().is_some_and(|r| r.len() <= 3) && runs[1..].iter().all(|r| r.len() == 3);
        if runs.len() < 3 || grouped {
            return None;
        }
        let raw = t.lower.clone();
        Some((self.mention(i, i + 1, 0.0, NumberKind::Version(raw)), i + 1))
    }

    /// Roman numerals ("século XXI", "World War II"): weak, since "XL" or
    /// "VI" may be letters, unless a word of the profile's `roman_words`
    /// (século, Fase) or a capitalised name mid-sentence (Leão XIV, Lager
    /// IV) comes right before: then a numeral the other side changes is
    /// reported.
    pub(super) fn roman(&self, i: usize) -> Option<(NumberMention, usize)> {
        let t = self.tok(i)?;
        if !self.roman_shaped(t) && !self.lone_roman_one(i) {
            return None;
        }
        let v = roman_value(self.raw(t.start, t.end))?;
        let mut m = self.mention(i, i + 1, f64::from(v), NumberKind::Plain);
        // A lone `I` is weak even after a name: the other side may keep
        // it after a word in lower case (`sala I`), where it is no number.
        m.weak = !self.numbers_a_name(i) || self.lone_roman_one(i);
        Some((m, i + 1))
    }

    /// Whether the word before token `i` takes a Roman numeral: one of the
    /// profile's `roman_words`, or a capitalised word (not in capitals)
    /// that no sentence starts with.
    fn numbers_a_name(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).and_then(|p| self.tok(p)) else {
            return false;
        };
        if p.kind != TokKind::Word || !self.tok(i).is_some_and(|t| t.space_before) {
            return false;
        }
        if self.lx.roman_words.contains(&p.lower) {
            return true;
        }
        let raw = self.raw(p.start, p.end);
        let name = raw.chars().next().is_some_and(char::is_uppercase)
            && raw.chars().skip(1).any(char::is_lowercase);
        // The token before the name: a sentence's end or none starts one.
        let mid_sentence = i.checked_sub(2).and_then(|q| self.tok(q)).is_some_and(|q| {
            !(q.kind == TokKind::Punct && ".!?…:;\"“«(—–-".contains(q.lower.as_str()))
        });
        name && mid_sentence
    }

    /// A vulgar fraction glyph (`½`, `¾`) at token `i` and its value.
    pub(super) fn vulgar_fraction(&self, i: usize) -> Option<f64> {
        let t = self.tok(i).filter(|t| t.kind == TokKind::Punct)?;
        let mut chars = t.lower.chars();
        let c = chars.next()?;
        if chars.next().is_some() {
            return None;
        }
        let (n, d) = match c {
            '½' => (1.0, 2.0),
            '⅓' => (1.0, 3.0),
            '⅔' => (2.0, 3.0),
            '¼' => (1.0, 4.0),
            '¾' => (3.0, 4.0),
            '⅕' => (1.0, 5.0),
            '⅖' => (2.0, 5.0),
            '⅗' => (3.0, 5.0),
            '⅘' => (4.0, 5.0),
            '⅙' => (1.0, 6.0),
            '⅚' => (5.0, 6.0),
            '⅛' => (1.0, 8.0),
            '⅜' => (3.0, 8.0),
            '⅝' => (5.0, 8.0),
            '⅞' => (7.0, 8.0),
            _ => return None,
        };
        Some(n / d)
    }

    /// A vulgar fraction glyph alone ("½ hora"): a fraction.
    pub(super) fn lone_vulgar(&self, i: usize) -> Option<(NumberMention, usize)> {
        let f = self.vulgar_fraction(i)?;
        Some((self.mention(i, i + 1, f, NumberKind::Fraction), i + 1))
    }

    /// A word of two or more of the letters I, V, X, L, written in capitals.
    /// A lone capital `I` right after a capitalised word and before no
    /// word or number (`Room I`, `World War I.`): a Roman one, where the
    /// English pronoun goes on to a verb (`Yesterday I went`).
    pub(super) fn lone_roman_one(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        let before = i.checked_sub(1).and_then(|p| self.tok(p)).is_some_and(|p| {
            let raw = self.raw(p.start, p.end);
            p.kind == TokKind::Word
                && raw.starts_with(char::is_uppercase)
                && raw.chars().skip(1).any(char::is_lowercase)
        });
        let after = self
            .tok(i + 1)
            .is_none_or(|n| n.kind == TokKind::Punct && n.lower != "'" && n.lower != "’");
        t.kind == TokKind::Word
            && self.raw(t.start, t.end) == "I"
            && t.space_before
            && before
            && after
    }

    pub(super) fn roman_shaped(&self, t: &Tok) -> bool {
        t.kind == TokKind::Word
            && t.lower.len() >= 2
            && self
                .raw(t.start, t.end)
                .chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
    }

    pub(super) fn currency_prefix(&self, i: usize) -> Option<(String, usize)> {
        self.lx
            .currency_prefix
            .iter()
            .find_map(|(p, code)| self.phrase_at(i, p).map(|n| (code.clone(), n)))
    }

    pub(super) fn currency_suffix(&self, i: usize) -> Option<(String, usize)> {
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

    /// The token a minus sign before token `i` starts at: "-5" or "−5"
    /// (U+2212) with the sign glued to the digits and not to what comes
    /// before ("5-7", "2-0", "pós-5" are no signs) inside a sentence, or a
    /// minus word ("menos
    /// 5") that is no part of a phrase like "pelo menos" and follows no
    /// number ("10 menos 5" is a sum).
    fn minus_before(&self, i: usize) -> Option<usize> {
        let s = i.checked_sub(1)?;
        let sign = self.tok(s)?;
        let after_number = |k: usize| {
            k.checked_sub(1).and_then(|p| self.tok(p)).is_some_and(|p| {
                p.kind == TokKind::Digits
                    || self.lx.cardinals.contains_key(&p.lower)
                    || self.lx.scales.contains_key(&p.lower)
            })
        };
        if sign.kind == TokKind::Punct && matches!(sign.lower.as_str(), "-" | "\u{2212}") {
            let opens = |k: usize| {
                k.checked_sub(1).and_then(|p| self.tok(p)).is_none_or(|p| {
                    p.kind == TokKind::Punct && "([{“\"«‘'".contains(p.lower.as_str())
                })
            };
            // Glued to digits, not opening the sentence: a dialogue dash
            // ("-5 anos, disse") stands there.
            let t = self.tok(i)?;
            let glued = t.kind == TokKind::Digits && !t.space_before;
            let free = s > 0 && (sign.space_before || opens(s));
            return (free && glued && !after_number(s)).then_some(s);
        }
        if sign.kind != TokKind::Word || !self.lx.minus_words.contains(&sign.lower) {
            return None;
        }
        let in_phrase = self
            .lx
            .minus_exceptions
            .iter()
            .any(|p| s + 1 >= p.len() && self.phrase_at(s + 1 - p.len(), p) == Some(s + 1));
        (!in_phrase && !after_number(s) && !self.compared(i)).then_some(s)
    }

    /// Whether a comparison follows the number at `i` within its clause
    /// ("menos 3,6 pontos do que"): the minus word says less, not below zero.
    fn compared(&self, i: usize) -> bool {
        const REACH: usize = 6;
        if self.lx.minus_comparisons.is_empty() {
            return false;
        }
        (i + 1..i + 1 + REACH)
            .take_while(|&k| {
                self.tok(k)
                    .is_some_and(|t| t.kind != TokKind::Punct && t.lower != ",")
            })
            .any(|k| self.any_phrase_at(k, &self.lx.minus_comparisons).is_some())
    }

    /// A phrase after a temperature that makes it negative ("3 graus
    /// negativos", "5 °C abaixo de zero", "3 below zero"), the unit optional.
    /// Returns the token after the phrase.
    fn minus_after(&self, next: usize) -> Option<usize> {
        if self.lx.minus_after.is_empty() {
            return None;
        }
        let mut k = next;
        if self.punct(k, "°") {
            k += 1;
            if self.word(k).is_some_and(|w| w.chars().count() == 1) {
                k += 1;
            }
        } else if self
            .word(k)
            .is_some_and(|w| self.lx.temperature_words.iter().any(|t| t == w))
        {
            k += 1;
        }
        self.any_phrase_at(k, &self.lx.minus_after)
    }

    pub(super) fn number(&self, i: usize) -> Option<(NumberMention, usize)> {
        if let Some(r) = self.article_noun_tail(i) {
            return Some(r);
        }
        let (currency, k) = match self.currency_prefix(i) {
            Some((c, n)) if self.tok(n).is_some_and(|t| t.kind == TokKind::Digits) => (Some(c), n),
            _ => (None, i),
        };
        let mut core = self.core(k, currency.is_some(), 0)?;
        self.fraction_tail(&mut core);
        // "1 ½", "1½": a glyph after whole digits adds to them.
        if core.digits.is_some()
            && !core.code
            && !core.ordinal
            && core.value.fract() == 0.0
            && let Some(f) = self.vulgar_fraction(core.end)
        {
            core.value += f;
            core.end += 1;
            core.ambiguous = false;
        }
        let Marked {
            mut kind,
            next,
            confirmed,
            factor,
        } = self.marked(&core, currency);
        let minus = self.minus_before(i).filter(|&s| {
            !core.code && !core.ordinal && is_numeric_kind(&kind) && !self.less_of(s, &kind, next)
        });
        if kind == NumberKind::Plain && minus.is_none() && is_year(&core) {
            kind = NumberKind::Year;
        }
        let code = core.code;
        // "3 graus negativos": a sign after the number (not doubled).
        // The mention keeps its unit after it; reading goes on after the
        // phrase ("zero" in "abaixo de zero" is no number).
        let minus_after =
            (minus.is_none() && kind == NumberKind::Plain && !core.code && !core.ordinal)
                .then(|| self.minus_after(next))
                .flatten();
        let sign = if minus.is_some() || minus_after.is_some() {
            -1.0
        } else {
            1.0
        };
        // "duas horas e meia": the mention stays the number, so the unit
        // after it is still read; reading goes on after the tail.
        let noun_tail = (kind == NumberKind::Plain && !code && !core.ordinal)
            .then(|| self.noun_fraction_tail(core.value, next))
            .flatten()
            .filter(|_| minus_after.is_none());
        let value = core.value + noun_tail.map_or(0.0, |(f, _)| f);
        let mut m = self.mention(minus.unwrap_or(i), next, sign * value * factor, kind);
        m.words = core.words;
        m.scale = core.scale;
        m.digits = core.digits;
        // "meia hora", "half an hour": a fraction word before a unit (an
        // article between) is a quantity of it.
        let is_unit = |k: usize| {
            self.word(k)
                .is_some_and(|w| self.lx.unit_words.iter().any(|u| u == w))
        };
        let article = self
            .word(next)
            .is_some_and(|w| self.lx.articles.iter().any(|a| a == w));
        let unit_follows = core.fraction && (is_unit(next) || article && is_unit(next + 1));
        m.weak = code || (core.ambiguous && !confirmed && noun_tail.is_none() && !unit_follows);
        let resume = noun_tail.map(|(_, n)| n).or(minus_after);
        Some((m, resume.unwrap_or(next)))
    }

    /// The kind of a number's core and what marks it after (a percent sign
    /// or phrase, percentage or basis points, a currency before or after).
    fn marked(&self, core: &Core, currency: Option<String>) -> Marked {
        let mut m = Marked {
            kind: if core.code {
                NumberKind::Code
            } else if core.ordinal {
                NumberKind::Ordinal
            } else if core.fraction {
                NumberKind::Fraction
            } else {
                NumberKind::Plain
            },
            next: core.end,
            confirmed: core.scale.is_some(),
            factor: 1.0,
        };
        if core.code || core.ordinal {
            return m;
        }
        let next = m.next;
        let (kind, after, factor) = if self.punct(next, "%") {
            (NumberKind::Percent, next + 1, 1.0)
        } else if let Some(n) = self.any_phrase_at(next, &self.lx.points) {
            (NumberKind::PercentagePoints, n, 1.0)
        } else if let Some(n) = self.any_phrase_at(next, &self.lx.percent) {
            (NumberKind::Percent, n, 1.0)
        } else if let Some(n) = self.any_phrase_at(next, &self.lx.basis_points) {
            // 25 basis points = 0.25 percentage point.
            (NumberKind::PercentagePoints, n, 0.01)
        } else if let Some(c) = currency {
            // A currency before the number is confirmed by its digits.
            m.kind = NumberKind::Currency(c);
            m.next = self.currency_suffix(next).map_or(next, |(_, n)| n);
            return m;
        } else if let Some((c, n)) = self.currency_suffix(next) {
            (NumberKind::Currency(c), n, 1.0)
        } else {
            return m;
        };
        Marked {
            kind,
            next: after,
            confirmed: true,
            factor,
        }
    }

    /// "menos 30% de açúcar" is 30% less sugar, not a negative rate: the
    /// sign at `s` is a word, and a vague joiner follows the percentage.
    fn less_of(&self, s: usize, kind: &NumberKind, next: usize) -> bool {
        self.word(s).is_some()
            && *kind == NumberKind::Percent
            && self
                .word(next)
                .is_some_and(|w| self.lx.vague_joiners.iter().any(|j| j == w))
    }

    pub(super) fn digit_info(&self, t: &Tok) -> Option<(f64, DigitInfo)> {
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

    pub(super) fn is_scale_word(&self, w: &str, currency: bool) -> Option<f64> {
        let s = *self.lx.scales.get(w)?;
        if self.lx.scale_abbreviations.iter().any(|a| a == w) && !currency {
            return None;
        }
        Some(s)
    }

    /// "o dobro", "twice": an exact multiple. A lone ambiguous word
    /// ("double standard") only confirms.
    pub(super) fn multiplier(&self, i: usize) -> Option<(NumberMention, usize)> {
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

    /// "de dois em dois", "two by two", "by pairs": one number, the size
    /// of each group, however often the phrase repeats it.
    pub(super) fn distributive(&self, i: usize) -> Option<(NumberMention, usize)> {
        if let Some((k, v)) = self
            .lx
            .distributive_words
            .iter()
            .find_map(|(p, v)| self.phrase_at(i, p).map(|k| (k, *v)))
            // "by hundreds of thousands" is a vague quantity ("by pairs of
            // all flesh" is not).
            .filter(|(k, _)| {
                !(self
                    .word(*k)
                    .is_some_and(|w| self.lx.vague_joiners.iter().any(|j| j == w))
                    && self
                        .word(k + 1)
                        .is_some_and(|w| self.lx.vague.contains_key(w)))
            })
        {
            // "worked in pairs" may render "em duplas": it confirms a
            // number of the other side but is never reported alone.
            let mut m = self.mention(i, k, v, NumberKind::Plain);
            m.words = true;
            m.weak = true;
            return Some((m, k));
        }
        self.lx
            .distributives
            .iter()
            .find_map(|t| self.distributive_template(i, t))
    }

    /// One distributive template at token `i`: every `{n}` the same number.
    fn distributive_template(&self, i: usize, t: &[String]) -> Option<(NumberMention, usize)> {
        let mut value: Option<f64> = None;
        let mut words = true;
        // "uno a uno": one by one, as vague as "one" alone.
        let mut weak = false;
        for (k, piece) in t.iter().enumerate() {
            let tok = self.tok(i + k)?;
            if piece != "{n}" {
                if tok.kind != TokKind::Word || &tok.lower != piece {
                    return None;
                }
                continue;
            }
            let v = match tok.kind {
                TokKind::Digits => {
                    words = false;
                    self.digit_info(tok)?.0
                }
                TokKind::Word => {
                    weak |= self.lx.ambiguous.contains(&tok.lower);
                    *self.lx.cardinals.get(&tok.lower)?
                }
                _ => return None,
            };
            if value.is_some_and(|x| x != v) {
                return None;
            }
            value = Some(v);
        }
        let end = i + t.len();
        // "2 e 2 milhões", "de 5 em 5%": the number goes on.
        if self.word(end).is_some_and(|w| self.lx.is_number_word(w)) || self.punct(end, "%") {
            return None;
        }
        let mut m = self.mention(i, end, value?, NumberKind::Plain);
        m.words = words;
        m.weak = weak;
        Some((m, end))
    }

    /// "dez milhares": a number word counting a vague quantity that is no
    /// scale word is one quantity of that size (1e4, like "tens of
    /// thousands"), not a ten and some thousands.
    pub(super) fn counted_vague(&self, i: usize) -> Option<(NumberMention, usize)> {
        let w = self.word(i)?;
        let n = *self.lx.cardinals.get(w)?;
        // "duas dúzias" is a scale; "um" may be an article.
        if self.lx.scales.contains_key(self.word(i + 1)?)
            || self.lx.ambiguous.iter().any(|a| a == w)
        {
            return None;
        }
        let (mut m, k) = self.vague(i + 1)?;
        let start = self.tok(i).map_or(m.start, |t| t.start);
        m.value *= n;
        m.start = start;
        m.raw = self.raw(start, m.end).to_string();
        Some((m, k))
    }

    pub(super) fn vague(&self, i: usize) -> Option<(NumberMention, usize)> {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::test_support::*;

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
    fn roman_numerals_are_weak() {
        let m = one("a sigla XXI", &pt());
        assert_eq!((m.value, m.weak), (21.0, true));
        assert_eq!(one("World War II", &en()).value, 2.0);
        assert!(extract("IIII VX MIX", &en()).is_empty());
        // A numeral opening with a subtractive pair.
        assert_eq!(one("Henrique IV", &pt()).value, 4.0);
        assert_eq!(one("capítulo IX", &pt()).value, 9.0);
        assert!(extract("I said", &en()).is_empty());
    }

    #[test]
    fn a_roman_numeral_after_a_listed_word_or_a_name_is_a_value() {
        for (s, p, v) in [
            ("no século XX", pt(), 20.0),
            ("o Papa Leão XIV chegou", pt(), 14.0),
            ("o ensaio na Fase II", pt(), 2.0),
            ("held in Lager IV near", en(), 4.0),
            ("after World War II ended", en(), 2.0),
            ("el siglo XIX", Profile::builtin("es"), 19.0),
        ] {
            let m = one(s, &p);
            assert_eq!((m.value, m.weak), (v, false), "{s}");
        }
        // Letters, an acronym or a sentence's first word before: weak.
        for s in ["size XL shirts", "The XX played", "The CDC and IV fluids"] {
            assert!(extract(s, &en()).iter().all(|m| m.weak), "{s}");
        }
    }

    #[test]
    fn a_lone_capital_i_after_a_name_is_one() {
        for s in [
            "the hall is Lab I, on the left",
            "Lab I",
            "after World War I.",
        ] {
            let m = extract(s, &en());
            assert_eq!(m.iter().map(|m| m.value).collect::<Vec<_>>(), [1.0], "{s}");
        }
        // The pronoun before a verb, or opening the text, is no number.
        for s in ["Yesterday I went home", "I said so", "Lab I'm in"] {
            assert!(extract(s, &en()).is_empty(), "{s}");
        }
    }

    #[test]
    fn a_number_word_in_a_host_name_is_no_number() {
        for s in [
            "visit app.seven.io now",
            "see one.example.org",
            "the key five.limit",
        ] {
            assert!(extract(s, &en()).is_empty(), "{s}");
        }
        assert_eq!(strong("seven. Then", &en()), [7.0]);
        assert_eq!(strong("It has seven rooms.", &en()), [7.0]);
    }

    #[test]
    fn a_vulgar_fraction_glyph_is_read_alone_or_after_digits() {
        assert_eq!(one("1 ½ hora", &pt()).value, 1.5);
        assert_eq!(one("took 2¾ hours", &en()).value, 2.75);
        let m = one("½ hora", &pt());
        assert_eq!((m.value, m.kind), (0.5, NumberKind::Fraction));
        assert!(extract("a ½ b", &en()).iter().all(|m| m.value == 0.5));
    }

    #[test]
    fn basis_points_are_hundredths_of_a_point() {
        let m = one("25 basis points", &en());
        assert_eq!((m.value, m.kind), (0.25, NumberKind::PercentagePoints));
        assert_eq!(one("25 pontos-base", &pt()).value, 0.25);
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
    fn generic_profile_reads_digits_of_either_convention() {
        let p = Profile::builtin("fi");
        assert_eq!(strong("3.4 and 1,000", &p), [3.4, 1000.0]);
        let m = one("3,4", &p);
        assert_eq!(m.value, 3.4);
        assert!(!m.digits.unwrap().foreign);
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

    #[test]
    fn multiplicative_words_come_from_the_profile() {
        assert_eq!(strong("vengeance will be taken sevenfold", &en()), [7.0]);
        assert_eq!(strong("a hundredfold", &en()), [100.0]);
        assert_eq!(
            strong("Es stieg siebenfach.", &Profile::builtin("de")),
            [7.0]
        );
        assert_eq!(strong("Chegou ao décuplo.", &pt()), [10.0]);
    }

    #[test]
    fn a_distributive_is_one_number() {
        assert_eq!(
            ex("Entraram de dois em dois na arca.", &pt()),
            [("de dois em dois".into(), 2.0, false)]
        );
        assert_eq!(strong("Saem de 5 em 5 minutos.", &pt()), [5.0]);
        assert_eq!(strong("They went two by two.", &en()), [2.0]);
        // Different numbers are no distributive.
        assert_eq!(strong("de dois em três", &pt()), [2.0, 3.0]);
        // A group word only confirms the other side.
        assert_eq!(ex("went by pairs", &en()), [("by pairs".into(), 2.0, true)]);
        assert_eq!(
            ex("sat by fifties", &en()),
            [("by fifties".into(), 50.0, true)]
        );
        assert_eq!(
            ex("by pairs of all flesh", &en()),
            [("by pairs".into(), 2.0, true)]
        );
        let m = one("fell by hundreds of thousands", &en());
        assert_eq!((m.value, m.kind), (1e5, NumberKind::Vague));
        // Repeated with "e": sete e sete (seven pairs), a dois e dois.
        assert_eq!(strong("tomarás sete e sete", &pt()), [7.0]);
        assert_eq!(strong("vinte e dois", &pt()), [22.0]);
        assert_eq!(strong("entre 2 e 2 milhões", &pt()), [2.0, 2e6]);
        // One by one is no count.
        assert!(strong("Entrarono uno a uno.", &Profile::builtin("it")).is_empty());
        assert_eq!(strong("de dos en dos", &Profile::builtin("es")), [2.0]);
    }

    #[test]
    fn a_counted_vague_quantity_is_one_quantity() {
        let m = one("Não temerei dez milhares de pessoas.", &pt());
        assert_eq!((m.value, m.kind.clone()), (1e4, NumberKind::Vague));
        assert_eq!(m.raw, "dez milhares");
        // A scale word stays a scale: "dois milhões" is 2e6 exactly.
        let m = one("dois milhões de pessoas", &pt());
        assert_eq!((m.value, m.kind), (2e6, NumberKind::Plain));
    }

    #[test]
    fn a_minus_sign_or_word_makes_a_number_negative() {
        for t in ["A temperatura foi de -5 °C.", "foi de −5 °C", "foi (-5)"] {
            assert_eq!(strong(t, &pt()), [-5.0], "{t}");
        }
        assert_eq!(one("caiu para -5 °C", &pt()).raw, "-5");
        assert_eq!(strong("A temperatura foi de menos 5 graus.", &pt()), [-5.0]);
        assert_eq!(strong("menos cinco graus", &pt()), [-5.0]);
        assert_eq!(strong("It was minus 5 degrees.", &en()), [-5.0]);
        assert_eq!(strong("de -2,5% a -1%", &pt()), [-2.5, -1.0]);
        assert_eq!(strong("entre -5 e -10", &pt()), [-5.0, -10.0]);
        assert_eq!(
            strong("Il faisait moins 5 degrés.", &Profile::builtin("fr")),
            [-5.0]
        );
        for t in [
            "Fez 3 graus negativos.",
            "Fez 3 °C negativos.",
            "Fez 3 abaixo de zero.",
            "Fez 3 graus abaixo de zero.",
        ] {
            assert_eq!(strong(t, &pt()), [-3.0], "{t}");
        }
        assert_eq!(strong("It was 3 degrees below zero.", &en()), [-3.0]);
        // Only after a temperature: three negative tests are three.
        assert_eq!(strong("Deram 3 testes negativos.", &pt()), [3.0]);
    }

    #[test]
    fn hyphens_ranges_and_phrases_are_no_signs() {
        assert_eq!(strong("de 5-7 pontos", &pt()), [5.0, 7.0]);
        assert_eq!(strong("venceu por 2-0", &pt()), [2.0, 0.0]);
        assert_eq!(strong("de 5 - 7 pontos", &pt()), [5.0, 7.0]);
        assert_eq!(strong("pelo menos 5 pessoas", &pt()), [5.0]);
        assert_eq!(strong("mais ou menos 5 pessoas", &pt()), [5.0]);
        assert_eq!(strong("ao menos 5 pessoas", &pt()), [5.0]);
        assert_eq!(strong("10 menos 5", &pt()), [10.0, 5.0]);
        assert_eq!(strong("com menos 30% de açúcar", &pt()), [30.0]);
        assert_eq!(strong("a inflação foi de menos 0,5%.", &pt()), [-0.5]);
    }

    #[test]
    fn a_minus_word_before_a_comparison_says_less() {
        let t = "desceu para 91%, menos 3,6 pontos do que no ano anterior";
        assert_eq!(strong(t, &pt()), [91.0, 3.6]);
        assert_eq!(strong("fez menos 2 graus que na serra", &pt()), [2.0]);
        // The comparison must be in the number's clause.
        assert_eq!(strong("menos 2 graus, mais do que ontem", &pt()), [-2.0]);
        assert_eq!(strong("plus or minus 3 points", &en()), [3.0]);
        assert_eq!(
            strong("al menos 5 personas", &Profile::builtin("es")),
            [5.0]
        );
        assert_eq!(
            strong("au moins 5 personnes", &Profile::builtin("fr")),
            [5.0]
        );
        assert_eq!(
            strong("più o meno 5 persone", &Profile::builtin("it")),
            [5.0]
        );
        // A dialogue dash opening a sentence, a hyphen before a word.
        assert_eq!(strong("-5 anos, disse ele.", &pt()), [5.0]);
        assert_eq!(strong("Ele disse -cinco anos.", &pt()), [5.0]);
        // A year is never signed.
        assert_eq!(one("em 2025", &pt()).kind, NumberKind::Year);
    }
}
