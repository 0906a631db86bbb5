//! Findings from what matching left: numbers in the other convention,
//! changed, missing and added; units, currencies and percent signs that
//! differ between paired numbers.

use super::context::*;
use super::{Sides, approx, class, is_numeric, rel, significant, what};
use crate::finding::{Finding, Severity};
use crate::numbers::{self, NumberKind, NumberMention};
use crate::profile::Profile;

fn zero_in_words(m: &NumberMention) -> bool {
    m.words && m.value == 0.0
}

/// How many of the profile's words of absence `text` holds.
fn none_word_count(text: &str, p: &Profile) -> usize {
    word_count(text, &p.numbers.none_words)
}

/// A plain zero, in digits or words, which a word for zero on the other
/// side may say ("reset to zero" as "zerado").
fn zero_in_digits(m: &NumberMention) -> bool {
    m.value == 0.0 && matches!(m.kind, NumberKind::Plain)
}

/// How many words of `list` (lower case) `text` holds.
fn word_count(text: &str, none: &[String]) -> usize {
    if none.is_empty() {
        return 0;
    }
    crate::text::word_iter(text)
        .filter(|w| none.contains(&w.text.to_lowercase()))
        .count()
}

/// Marks used the whole numbers of one side written before a `+` minute
/// ("90+3") when the `other` side says added time (profile `op`).
fn added_time_side(ms: &[NumberMention], used: &mut [bool], text: &str, other: &str, op: &Profile) {
    let open = |(m, u): (&NumberMention, &bool)| {
        !*u && !m.words && m.value.fract() == 0.0 && plus_minute_after(text, m.end)
    };
    if !ms.iter().zip(used.iter()).any(open) || !has_phrase(other, &op.numbers.added_time_words) {
        return;
    }
    for (m, u) in ms.iter().zip(used.iter_mut()) {
        if open((m, u)) {
            *u = true;
        }
    }
}

/// One side's mentions, which of them are matched, its text and profile.
type Side<'a, 'p> = (&'a [NumberMention], &'a mut [bool], &'a str, &'p Profile);

/// Minutes in a football half: a minute counted from the second half's
/// start is this many fewer than one counted from kick-off.
const HALF_MINUTES: f64 = 45.0;

/// A minute `one` counts from the second half's start ("aos 37 minutos do
/// segundo tempo") matches the other side's minute from kick-off (82nd),
/// or, past the half's end, its minute of added time ("48 minutos" as
/// "three minutes into stoppage time").
fn second_half_side(one: Side, other: Side) {
    let (ms, used, text, p) = one;
    let (os, oused, otext, op) = other;
    let added = has_phrase(otext, &op.numbers.added_time_words);
    for (m, u) in ms.iter().zip(used.iter_mut()) {
        let minute = m.value;
        if *u || minute.fract() != 0.0 || !(1.0..=60.0).contains(&minute) {
            continue;
        }
        if !second_half_after(text, m.end, &p.numbers.second_half_words) {
            continue;
        }
        let free = |v: f64| {
            (0..os.len()).find(|&j| {
                !oused[j]
                    && approx(os[j].value, v)
                    && (is_numeric(&os[j].kind) || os[j].kind == NumberKind::Ordinal)
            })
        };
        let pick = free(minute + HALF_MINUTES).or_else(|| {
            (added && minute > HALF_MINUTES)
                .then(|| free(minute - HALF_MINUTES))
                .flatten()
        });
        if let Some(j) = pick {
            *u = true;
            oused[j] = true;
        }
    }
}

/// A fraction glyph on one side (`¾`) that the other writes with a slash
/// (`3/4`), which is read as no number there.
fn slash_fractions(ms: &[NumberMention], used: &mut [bool], other: &str) {
    let slashed: Vec<f64> = other
        .split(|c: char| !(c.is_ascii_digit() || c == '/'))
        .filter_map(|w| {
            let (n, d) = w.split_once('/')?;
            let (n, d): (u32, u32) = (n.parse().ok()?, d.parse().ok()?);
            (d > 0 && n < d && d <= 16).then(|| f64::from(n) / f64::from(d))
        })
        .collect();
    for (m, u) in ms.iter().zip(used.iter_mut()) {
        let glyph = m.raw.chars().count() == 1 && !m.raw.starts_with(|c: char| c.is_ascii());
        if !*u
            && glyph
            && m.kind == NumberKind::Fraction
            && slashed.iter().any(|v| (v - m.value).abs() < 1e-9)
        {
            *u = true;
        }
    }
}

/// A year written in full on one side ("the third quarter of 2025") that
/// the other side gives inside a period code ("3T25").
fn period_code_years(ms: &[NumberMention], used: &mut [bool], other: &str, op: &Profile) {
    let letters = &op.numbers.period_code_letters;
    if letters.is_empty() {
        return;
    }
    let codes: Vec<u32> = other
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| period_code_year(w, letters))
        .collect();
    for (m, u) in ms.iter().zip(used.iter_mut()) {
        let year = m.value as u32;
        if !*u
            && m.kind == NumberKind::Year
            && m.value.fract() == 0.0
            && codes.contains(&(year % 100))
        {
            *u = true;
        }
    }
}

/// The two-digit year of a period code ("3T25" is 25): a digit, one of
/// `letters` and two digits, or a letter first ("Q325" is no code).
fn period_code_year(w: &str, letters: &[String]) -> Option<u32> {
    let b = w.as_bytes();
    if b.len() != 4 || !b[0].is_ascii_digit() || !b[2].is_ascii_digit() || !b[3].is_ascii_digit() {
        return None;
    }
    let letter = &w[1..2];
    if !letters.iter().any(|l| l == letter) {
        return None;
    }
    w[2..].parse().ok()
}

/// Whether one of `phrases` follows `offset`, after at most one word (the
/// minute's unit: "37 minutos do segundo tempo").
fn second_half_after(text: &str, offset: usize, phrases: &[String]) -> bool {
    let words: Vec<String> = crate::text::word_iter(text.get(offset..).unwrap_or(""))
        .take(6)
        .map(|w| w.text.to_lowercase())
        .collect();
    phrases.iter().any(|p| {
        let p: Vec<&str> = p.split_whitespace().collect();
        !p.is_empty()
            && (0..=1).any(|skip| {
                words.len() >= skip + p.len()
                    && words[skip..skip + p.len()]
                        .iter()
                        .zip(&p)
                        .all(|(a, b)| a == b)
            })
    })
}

/// Whether a `+` and a digit follow `offset` with no space ("90+3").
fn plus_minute_after(text: &str, offset: usize) -> bool {
    let mut rest = text.get(offset..).unwrap_or("").chars();
    rest.next() == Some('+') && rest.next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether `text` holds one of `phrases` (lower case) as whole words.
fn has_phrase(text: &str, phrases: &[String]) -> bool {
    if phrases.is_empty() {
        return false;
    }
    let words: Vec<String> = crate::text::word_iter(text)
        .map(|w| w.text.to_lowercase())
        .collect();
    phrases.iter().any(|p| {
        let p: Vec<&str> = p.split_whitespace().collect();
        !p.is_empty()
            && words
                .windows(p.len())
                .any(|w| w.iter().zip(&p).all(|(a, b)| a == b))
    })
}

/// The target's own way of writing the currency ("US$", "R$ ") when both
/// sides name the same one, so a suggestion keeps the translator's style.
pub(super) fn same_currency_prefix<'m>(s: &NumberMention, t: &'m NumberMention) -> Option<&'m str> {
    match (&s.kind, &t.kind) {
        (NumberKind::Currency(a), NumberKind::Currency(b)) if a == b => {
            let d = t.digits.as_ref()?;
            let prefix = t.raw.get(..d.start.checked_sub(t.start)?)?;
            (!prefix.trim().is_empty()).then_some(prefix)
        }
        _ => None,
    }
}

/// The target form of a value read as written rather than as a number: a
/// version string, a weekday name.
pub(super) fn as_written(m: &NumberMention, tp: &Profile) -> Option<String> {
    match &m.kind {
        NumberKind::Version(v) => Some(v.clone()),
        NumberKind::Weekday(d) => tp.numbers.weekdays.get(usize::from(*d)).cloned(),
        _ => None,
    }
}

/// The one weak ordinal word left unmatched, when it qualifies a noun
/// ("primeira vez"), not in "segundo o ministro" or "First, ...".
fn lone_ordinal(
    ms: &[NumberMention],
    used: &[bool],
    skip: &[usize],
    text: &str,
    p: &Profile,
) -> Option<usize> {
    let left: Vec<usize> = (0..ms.len())
        .filter(|&k| {
            !used[k]
                && ms[k].weak
                && ms[k].words
                && ms[k].kind == NumberKind::Ordinal
                && !skip.contains(&k)
        })
        .collect();
    match left.as_slice() {
        [k] if before_noun(text, ms[*k].end, p) => Some(*k),
        _ => None,
    }
}

/// "Estrada Nacional 125 (EN 125)": a name's number restated with its
/// abbreviation in brackets counts once, as an edition writes it once
/// ("the EN 125 road").
fn restated_in_brackets(ms: &[NumberMention], used: &mut [bool], text: &str) {
    for k in 1..ms.len() {
        let (prev, m) = (&ms[k - 1], &ms[k]);
        if used[k] || !used[k - 1] || prev.kind != m.kind || !approx(prev.value, m.value) {
            continue;
        }
        let gap = text.get(prev.end..m.start).unwrap_or("");
        let Some(abbr) = gap.trim_start().strip_prefix('(') else {
            continue;
        };
        let abbr = abbr.trim_end_matches([' ', '-', '\u{a0}']);
        let closes = text.get(m.end..).is_some_and(|r| r.starts_with(')'));
        if closes && !abbr.is_empty() && abbr.chars().all(|c| c.is_uppercase() || c == '.') {
            used[k] = true;
        }
    }
}

/// An amount's text without the unit word it ends in ("1.2 million pounds").
fn without_unit<'r>(raw: &'r str, unit: &str) -> &'r str {
    raw.strip_suffix(unit).map_or(raw, str::trim_end)
}

/// An ambiguous ordinal word read as an ordinal from the noun after it
/// ("em segundo lugar"): another ordinal on the other side is a change, but
/// an edition may say it without one ("pela primeira vez" as
/// "unprecedented"), so it is never missing or added alone.
fn context_ordinal(m: &NumberMention, p: &Profile) -> bool {
    m.words
        && m.kind == NumberKind::Ordinal
        && p.numbers
            .ambiguous
            .iter()
            .any(|a| a.to_lowercase() == m.raw.to_lowercase())
}

impl Sides<'_> {
    /// Same number, other unit of measure: "2 GB" as "2 MB".
    pub(super) fn unit_changes(&mut self, pairs: &[(usize, usize)]) {
        for &(i, j) in pairs {
            let (s, t) = (&self.src[i], &self.tgt[j]);
            let (src, tgt) = self.sides();
            let (Some((a, su)), Some((b, tu))) = (src.unit(i), tgt.unit(j)) else {
                continue;
            };
            if a.dimension == b.dimension && close(in_base(s.value, a), in_base(t.value, b)) {
                continue;
            }
            let f = self
                .base(
                    Severity::Error,
                    format!(
                        "unit changed: {} {su} in the source, {} {tu} in the target",
                        without_unit(&s.raw, su),
                        without_unit(&t.raw, tu)
                    ),
                )
                .source_span(s.start..s.end)
                .target_span(t.start..t.end);
            self.findings.push(f);
        }
    }

    /// Same amount, other money: "R$ 500 milhões" as "$500 million"; same
    /// number, other unit: "2 pontos percentuais" as "2%".
    pub(super) fn currency_changes(&mut self, pairs: &[(usize, usize)]) {
        for &(i, j) in pairs {
            let (s, t) = (&self.src[i], &self.tgt[j]);
            if matches!(
                (&s.kind, &t.kind),
                (NumberKind::Percent, NumberKind::PercentagePoints)
                    | (NumberKind::PercentagePoints, NumberKind::Percent)
            ) {
                let f = self.paired(
                    Severity::Error,
                    format!(
                        "percent and percentage points confused: {} in the source, {} in the target",
                        s.raw, t.raw
                    ),
                    s,
                    t,
                );
                self.findings.push(f);
                continue;
            }
            // "3%" as "3": the percent sign dropped (or added).
            let percent = |k: &NumberKind| matches!(k, NumberKind::Percent);
            if (percent(&s.kind) != percent(&t.kind))
                && matches!(s.kind, NumberKind::Percent | NumberKind::Plain)
                && matches!(t.kind, NumberKind::Percent | NumberKind::Plain)
                && s.digits.is_some()
                && t.digits.is_some()
            {
                let f = self.paired(
                    Severity::Warning,
                    format!(
                        "percent sign: {} in the source, {} in the target",
                        s.raw, t.raw
                    ),
                    s,
                    t,
                );
                self.findings.push(f);
                continue;
            }
            let (NumberKind::Currency(a), NumberKind::Currency(b)) = (&s.kind, &t.kind) else {
                continue;
            };
            // Only ISO codes from the profiles' tables, not bare symbols.
            let iso = |c: &str| c.len() == 3 && c.chars().all(|x| x.is_ascii_uppercase());
            if a == b || !iso(a) || !iso(b) {
                continue;
            }
            let f = self.paired(
                Severity::Error,
                format!(
                    "currency changed: {} ({a}) in the source, {} ({b}) in the target",
                    s.raw, t.raw
                ),
                s,
                t,
            );
            self.findings.push(f);
        }
    }

    /// Reports what is left: numbers in the wrong convention, changed,
    /// missing and added.
    pub(super) fn report(&mut self) {
        let mut findings = self.foreign_separators();
        self.match_conversion_glosses();
        self.match_half_years();
        self.match_zero_as_none();
        self.match_added_time();
        self.match_second_half();
        period_code_years(&self.tgt, &mut self.tu, self.src_text, self.sp);
        period_code_years(&self.src, &mut self.su, self.tgt_text, self.tp);
        slash_fractions(&self.tgt, &mut self.tu, self.src_text);
        slash_fractions(&self.src, &mut self.su, self.tgt_text);
        restated_in_brackets(&self.src, &mut self.su, self.src_text);
        restated_in_brackets(&self.tgt, &mut self.tu, self.tgt_text);
        let weak_paired = self.unmatched(&mut findings);
        findings.extend(self.lone_ordinal_change(&weak_paired));
        findings.extend(self.time_changes());
        findings.extend(self.weekday_change());
        findings.extend(self.multiplier_change());
        findings.extend(self.fraction_change(&weak_paired));
        self.findings.append(&mut findings);
    }

    /// A style value (`largura: 38.92%;`) the source writes the same way:
    /// code, whose decimal point stays.
    fn style_value_kept(&self, t: &NumberMention) -> bool {
        let raw = self.tgt_text.get(t.start..t.end).unwrap_or("");
        super::matching::style_value(self.tgt_text, t.start, t.end)
            && self
                .src_text
                .match_indices(raw)
                .any(|(i, _)| super::matching::style_value(self.src_text, i, i + raw.len()))
    }

    /// A target number the source writes alike where it is no quantity:
    /// a version (`XLIFF 1.2` as `Arquivo 1.2 … XLIFF`) or a data string
    /// copied whole (`1234:0.123,4567:0.456`). Its separators stay.
    pub(super) fn kept_as_written(&self, t: &NumberMention) -> bool {
        let raw = self.tgt_text.get(t.start..t.end).unwrap_or("");
        if raw.is_empty() {
            return false;
        }
        if let Some(token) = data_token(self.tgt_text, t.start, t.end)
            && self.src_text.contains(token)
        {
            return true;
        }
        self.src_text.match_indices(raw).any(|(i, _)| {
            // The whole number, not a part of a longer one.
            let before = self.src_text[..i].chars().next_back();
            let mut after = self.src_text[i + raw.len()..].chars();
            let more = match after.next() {
                Some('.' | ',') => after.next().is_some_and(|c| c.is_ascii_digit()),
                c => c.is_some_and(|c| c.is_ascii_digit()),
            };
            !before.is_some_and(|c| c.is_ascii_digit() || c == '.')
                && !more
                && version_context(self.src_text, i, self.sp)
        })
    }

    /// Matched target numbers written with the other convention's
    /// separators.
    fn foreign_separators(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        for (j, t) in self.tgt.iter().enumerate() {
            if !self.tu[j] {
                continue;
            }
            if let Some(d) = &t.digits
                && d.foreign
                && is_numeric(&t.kind)
                // "v1.2", "A320": identifiers keep their own dots.
                && t.kind != NumberKind::Code
                && !version_context(self.tgt_text, t.start, self.tp)
                && !named_alike(self.src_text, self.tgt_text, t)
                && !shown_literal(self.tgt_text, t.start, t.end)
                && !self.style_value_kept(t)
                && !self.kept_as_written(t)
            {
                findings.push(self.convention(None, t, d, t.mantissa()));
            }
        }
        findings
    }

    /// "5 billion reais (about $1 billion)", "38 °C (100.4 °F)": a
    /// conversion the edition adds for its readers is not a new number.
    /// One in a currency the source also gives, still unmatched there, is
    /// that amount rendered ("(cerca de US$ 9 milhões)" as "(about US$90
    /// million)"), so it is compared, never passed as an addition.
    fn match_conversion_glosses(&mut self) {
        for j in 0..self.tgt.len() {
            if self.tu[j] || !conversion_gloss(&self.tgt, j, self.tgt_text, self.tp) {
                continue;
            }
            if let Some(i) = self.source_gloss_of_same_amount(j) {
                // Another target amount took that source value (a merged
                // link's added conversion): this one is its rendering.
                self.su[i] = false;
            } else if !self.source_gives_currency(j) {
                self.tu[j] = true;
            }
        }
    }

    /// The source's own bracketed conversion of the amount target gloss `j`
    /// converts, in `j`'s currency with another value.
    fn source_gloss_of_same_amount(&self, j: usize) -> Option<usize> {
        let (base, t) = (&self.tgt[j.checked_sub(1)?], &self.tgt[j]);
        (1..self.src.len()).find(|&i| {
            let (sb, s) = (&self.src[i - 1], &self.src[i]);
            s.kind == t.kind
                && !approx(s.value, t.value)
                && sb.kind == base.kind
                && approx(sb.value, base.value)
                && conversion_gloss(&self.src, i, self.src_text, self.sp)
        })
    }

    /// Whether the source has an unmatched amount in target mention `j`'s
    /// currency.
    fn source_gives_currency(&self, j: usize) -> bool {
        let NumberKind::Currency(c) = &self.tgt[j].kind else {
            return false;
        };
        self.src.iter().zip(&self.su).any(|(s, &used)| {
            !used && !s.weak && matches!(&s.kind, NumberKind::Currency(d) if d == c)
        })
    }

    /// "zero-code" as "sem código", "zero lock-in" as "sans dépendance": a
    /// zero in words left unmatched on one side is rendered by a word of
    /// absence on the other, one word for each zero.
    fn match_zero_as_none(&mut self) {
        // Words of absence are counted only for a side with such a zero
        // left to match: most links have none, and the count reads every word.
        let open = |ms: &[NumberMention], used: &[bool]| {
            ms.iter().zip(used).any(|(m, &u)| !u && zero_in_words(m))
        };
        if open(&self.src, &self.su) {
            let mut tgt_none = none_word_count(self.tgt_text, self.tp);
            for (i, s) in self.src.iter().enumerate() {
                if tgt_none > 0 && !self.su[i] && zero_in_words(s) {
                    self.su[i] = true;
                    tgt_none -= 1;
                }
            }
        }
        if open(&self.tgt, &self.tu) {
            let mut src_none = none_word_count(self.src_text, self.sp);
            for (j, t) in self.tgt.iter().enumerate() {
                if src_none > 0 && !self.tu[j] && zero_in_words(t) {
                    self.tu[j] = true;
                    src_none -= 1;
                }
            }
        }
        // "accounts at 0" as "contas zeradas": a zero in digits said by a
        // word for zero, one word for each.
        let digits = |ms: &[NumberMention], used: &[bool]| {
            ms.iter().zip(used).any(|(m, &u)| !u && zero_in_digits(m))
        };
        if digits(&self.src, &self.su) {
            let mut n = word_count(self.tgt_text, &self.tp.numbers.zero_words);
            for (i, s) in self.src.iter().enumerate() {
                if n > 0 && !self.su[i] && zero_in_digits(s) {
                    self.su[i] = true;
                    n -= 1;
                }
            }
        }
        if digits(&self.tgt, &self.tu) {
            let mut n = word_count(self.src_text, &self.sp.numbers.zero_words);
            for (j, t) in self.tgt.iter().enumerate() {
                if n > 0 && !self.tu[j] && zero_in_digits(t) {
                    self.tu[j] = true;
                    n -= 1;
                }
            }
        }
    }

    /// "aos 90+3" as "in the third minute of stoppage time": the end of
    /// the half before a `+` is said by the other side's words for added
    /// time. The minute after the `+` is matched as any number is.
    fn match_added_time(&mut self) {
        added_time_side(
            &self.src,
            &mut self.su,
            self.src_text,
            self.tgt_text,
            self.tp,
        );
        added_time_side(
            &self.tgt,
            &mut self.tu,
            self.tgt_text,
            self.src_text,
            self.sp,
        );
    }

    /// "aos 37 minutos do segundo tempo" as "in the 82nd minute".
    fn match_second_half(&mut self) {
        let (sp, tp) = (self.sp, self.tp);
        second_half_side(
            (&self.src, &mut self.su, self.src_text, sp),
            (&self.tgt, &mut self.tu, self.tgt_text, tp),
        );
        second_half_side(
            (&self.tgt, &mut self.tu, self.tgt_text, tp),
            (&self.src, &mut self.su, self.src_text, sp),
        );
    }

    /// "9 anos e 6 meses" as "nine and a half years".
    fn match_half_years(&mut self) {
        for i in 0..self.src.len() {
            let s = &self.src[i];
            if self.su[i] || !approx(s.value, 6.0) || !is_numeric(&s.kind) {
                continue;
            }
            if !word_after(self.src_text, s.end, &self.sp.numbers.month_units) {
                continue;
            }
            if let Some(j) = (0..self.tgt.len()).find(|&j| {
                !self.tu[j]
                    && self.tgt[j].kind == NumberKind::Fraction
                    && approx(self.tgt[j].value, 0.5)
                    && joined_fraction(self.tgt_text, self.tgt[j].start, self.tp)
            }) {
                self.su[i] = true;
                self.tu[j] = true;
                continue;
            }
            // "nine and a half years" read as one number: the years before
            // the months and the half make it.
            let Some(y) = i
                .checked_sub(1)
                .filter(|&y| !self.su[y] && is_numeric(&self.src[y].kind))
            else {
                continue;
            };
            let whole = self.src[y].value + 0.5;
            if let Some(j) = (0..self.tgt.len()).find(|&j| {
                !self.tu[j] && is_numeric(&self.tgt[j].kind) && approx(self.tgt[j].value, whole)
            }) {
                self.su[y] = true;
                self.su[i] = true;
                self.tu[j] = true;
            }
        }
    }

    /// Strong mentions left unmatched: each source one is changed (into the
    /// nearest target one of its class, or a weak word of its kind) or
    /// missing; target ones left over are added. Returns the weak target
    /// words that stood for a change.
    fn unmatched(&self, findings: &mut Vec<Finding>) -> Vec<usize> {
        let left_s: Vec<usize> = (0..self.src.len())
            .filter(|&i| !self.su[i] && !self.src[i].weak)
            .collect();
        let mut left_t: Vec<usize> = (0..self.tgt.len())
            .filter(|&j| !self.tu[j] && !self.tgt[j].weak)
            .collect();
        let mut weak_paired: Vec<usize> = Vec::new();
        for &i in &left_s {
            let s = &self.src[i];
            let ctx = context_ordinal(s, self.sp);
            // An ordinal read from the noun after it ("first-time") pairs
            // with an ordinal only, as a source one does.
            let fits = |j: usize| {
                let t = &self.tgt[j];
                (!ctx || t.kind == NumberKind::Ordinal)
                    && (s.kind == NumberKind::Ordinal || !context_ordinal(t, self.tp))
            };
            let candidates: Vec<usize> = left_t.iter().copied().filter(|&j| fits(j)).collect();
            match self.nearest_of_class(s, &candidates).map(|(_, j)| {
                let k = left_t.iter().position(|&x| x == j).unwrap_or(0);
                (k, j)
            }) {
                Some((k, j)) => {
                    left_t.remove(k);
                    if !borrowed_only(s, &self.tgt[j]) {
                        findings.push(self.changed(s, &self.tgt[j]));
                    }
                }
                None => match self.weak_of_same_kind(s, &weak_paired) {
                    Some(j) => {
                        weak_paired.push(j);
                        findings.push(self.changed(s, &self.tgt[j]));
                    }
                    None if ctx => {}
                    None => findings.push(self.missing(s)),
                },
            }
        }
        for j in left_t {
            if !context_ordinal(&self.tgt[j], self.tp) {
                findings.push(self.added(&self.tgt[j]));
            }
        }
        weak_paired
    }

    /// The target mention in `left_t` of the same class as `s` nearest its
    /// relative position, as (index in `left_t`, target index).
    fn nearest_of_class(&self, s: &NumberMention, left_t: &[usize]) -> Option<(usize, usize)> {
        let c = class(&s.kind);
        let pos = rel(s.start, self.src_text);
        left_t
            .iter()
            .enumerate()
            .filter(|(_, j)| class(&self.tgt[**j].kind) == c)
            .min_by(|(_, a), (_, b)| {
                let da = (rel(self.tgt[**a].start, self.tgt_text) - pos).abs();
                let db = (rel(self.tgt[**b].start, self.tgt_text) - pos).abs();
                da.total_cmp(&db)
            })
            .map(|(k, j)| (k, *j))
    }

    /// "terceira" against a weak "fourth", "abril" against "May": a weak
    /// word of the same kind stands for a change.
    fn weak_of_same_kind(&self, s: &NumberMention, weak_paired: &[usize]) -> Option<usize> {
        (0..self.tgt.len()).find(|&j| {
            !self.tu[j]
                && self.tgt[j].weak
                && !weak_paired.contains(&j)
                && matches!(
                    (&s.kind, &self.tgt[j].kind),
                    (NumberKind::Ordinal, NumberKind::Ordinal)
                        | (NumberKind::Month(_), NumberKind::Month(_))
                        | (NumberKind::Fraction, NumberKind::Fraction)
                )
        })
    }

    /// "pela primeira vez" as "for the second time": ordinal words are
    /// weak, but one left on each side and differing is a change.
    fn lone_ordinal_change(&self, weak_paired: &[usize]) -> Option<Finding> {
        let i = lone_ordinal(&self.src, &self.su, &[], self.src_text, self.sp)?;
        let j = lone_ordinal(&self.tgt, &self.tu, weak_paired, self.tgt_text, self.tp)?;
        Some(self.changed(&self.src[i], &self.tgt[j]))
    }

    /// Times are weak (a bare "14h" may be a duration), but a time left on
    /// each side that disagrees is a change: "às 14h" as "at 4 p.m.".
    fn time_changes(&self) -> Vec<Finding> {
        let times = |ms: &[NumberMention], used: &[bool]| -> Vec<usize> {
            (0..ms.len())
                .filter(|&k| !used[k] && matches!(ms[k].kind, NumberKind::Time { .. }))
                .collect()
        };
        times(&self.src, &self.su)
            .into_iter()
            .zip(times(&self.tgt, &self.tu))
            .map(|(i, j)| self.changed(&self.src[i], &self.tgt[j]))
            .collect()
    }

    /// Weekdays are weak too (editions drop them), but one left on each
    /// side that disagrees is a change: "terça-feira" as "Wednesday".
    fn weekday_change(&self) -> Option<Finding> {
        let weekdays = |ms: &[NumberMention], used: &[bool]| -> Vec<usize> {
            (0..ms.len())
                .filter(|&k| !used[k] && matches!(ms[k].kind, NumberKind::Weekday(_)))
                .collect()
        };
        match (
            weekdays(&self.src, &self.su).as_slice(),
            weekdays(&self.tgt, &self.tu).as_slice(),
        ) {
            ([i], [j]) => Some(self.changed(&self.src[*i], &self.tgt[*j])),
            _ => None,
        }
    }

    /// "dobrar" and "double" are weak (they fold paper and knees), but one
    /// multiplier word left on each side that disagrees is a change:
    /// "dobrar o número" as "triple the number".
    fn multiplier_change(&self) -> Option<Finding> {
        let multipliers = |ms: &[NumberMention], used: &[bool], p: &Profile| -> Vec<usize> {
            (0..ms.len())
                .filter(|&k| {
                    !used[k]
                        && ms[k].weak
                        && p.numbers
                            .multipliers
                            .contains_key(&ms[k].raw.to_lowercase())
                })
                .collect()
        };
        match (
            multipliers(&self.src, &self.su, self.sp).as_slice(),
            multipliers(&self.tgt, &self.tu, self.tp).as_slice(),
        ) {
            ([i], [j]) if !approx(self.src[*i].value, self.tgt[*j].value) => {
                Some(self.changed(&self.src[*i], &self.tgt[*j]))
            }
            _ => None,
        }
    }

    /// "um quarto" may be a room and "a third" a rank, so both are weak;
    /// but one fraction word left on each side that disagrees is a change:
    /// "um quarto do consumo" as "a third of consumption".
    fn fraction_change(&self, weak_paired: &[usize]) -> Option<Finding> {
        let fractions = |ms: &[NumberMention], used: &[bool], skip: &[usize]| -> Vec<usize> {
            (0..ms.len())
                .filter(|&k| {
                    !used[k]
                        && ms[k].weak
                        && ms[k].words
                        && ms[k].kind == NumberKind::Fraction
                        && !skip.contains(&k)
                })
                .collect()
        };
        match (
            fractions(&self.src, &self.su, &[]).as_slice(),
            fractions(&self.tgt, &self.tu, weak_paired).as_slice(),
        ) {
            ([i], [j]) if !approx(self.src[*i].value, self.tgt[*j].value) => {
                Some(self.changed(&self.src[*i], &self.tgt[*j]))
            }
            _ => None,
        }
    }

    /// A finding on a source number and its target counterpart, suggesting
    /// the source value written in the target's convention.
    pub(super) fn paired(
        &self,
        severity: Severity,
        message: String,
        s: &NumberMention,
        t: &NumberMention,
    ) -> Finding {
        let f = self
            .base(severity, message)
            .source_span(s.start..s.end)
            .target_span(t.start..t.end);
        match numbers::render(s, self.tp) {
            Some(r) => f.suggestion(r.clone()).expected(r),
            None => f,
        }
    }

    /// A target number written with the other convention's separators.
    pub(super) fn convention(
        &self,
        src: Option<usize>,
        t: &NumberMention,
        d: &numbers::DigitInfo,
        digits_value: f64,
    ) -> Finding {
        let mut end = d.end;
        let mut suffix = "";
        if self.tgt_text.get(end..).is_some_and(|r| r.starts_with('%'))
            && t.kind == NumberKind::Percent
        {
            end += 1;
            suffix = "%";
        }
        let raw = self.tgt_text.get(d.start..end).unwrap_or("");
        let fix = numbers::rewrite_digits(d, digits_value, self.tp).map(|s| format!("{s}{suffix}"));
        let mut msg = format!(
            "\"{raw}\" is written with the separators of another convention; in {} write",
            self.tp.name
        );
        match &fix {
            Some(f) => msg.push_str(&format!(" \"{f}\"")),
            None => msg.push_str(&format!(" decimal \"{}\"", self.tp.numbers.decimal)),
        }
        let mut f = self.base(Severity::Error, msg).target_span(d.start..end);
        if let Some(i) = src {
            let s = &self.src[i];
            f = f.source_span(s.start..s.end);
        }
        if let Some(fix) = fix {
            f = f.suggestion(fix.clone()).expected(fix);
        }
        f
    }

    /// A source number changed into a target one, with the source value
    /// written the target's way as the suggestion.
    fn changed(&self, s: &NumberMention, t: &NumberMention) -> Finding {
        let (severity, message) = self.change_message(s, t);
        let mut f = self
            .base(severity, message)
            .source_span(s.start..s.end)
            .target_span(t.start..t.end);
        if let Some(r) = self.rendered_for(s, t) {
            f = f.suggestion(r.clone()).expected(r);
        }
        f
    }

    /// The source mention written as the target would write it, in words
    /// when the target wrote words, with the target's currency prefix.
    fn rendered_for(&self, s: &NumberMention, t: &NumberMention) -> Option<String> {
        if let Some(r) = as_written(s, self.tp) {
            Some(r)
        } else if t.words {
            // "three" for "duas": answer in words too.
            numbers::render_words(s, self.tp, &t.raw)
                .or_else(|| numbers::render_fraction_words(s, self.tp, &t.raw))
                .or_else(|| numbers::render(s, self.tp))
        } else {
            same_currency_prefix(s, t)
                .and_then(|prefix| {
                    let mut plain = s.clone();
                    plain.kind = NumberKind::Plain;
                    numbers::render(&plain, self.tp).map(|r| format!("{prefix}{r}"))
                })
                .or_else(|| numbers::render(s, self.tp))
        }
    }

    /// What kind of change it is: a scale word, a vague quantity, rounding
    /// (hedged: info; close: warning) or a plain change (error).
    fn change_message(&self, s: &NumberMention, t: &NumberMention) -> (Severity, String) {
        let foreign_note = if t.digits.as_ref().is_some_and(|d| d.foreign) {
            " (and written with the other convention's separators)"
        } else {
            ""
        };
        let rounded = |max: f64| {
            is_numeric(&s.kind)
                && is_numeric(&t.kind)
                && s.value != 0.0
                && ((s.value - t.value) / s.value).abs() <= max
                && significant(t) < significant(s)
        };
        let rounding = || {
            format!(
                "number rounded: {} in the source, {} in the target",
                s.raw, t.raw
            )
        };
        match (&s.scale, &t.scale) {
            (Some((sw, sv)), Some((tw, tv)))
                if !approx(*sv, *tv) && approx(s.mantissa(), t.mantissa()) =>
            {
                (
                    Severity::Error,
                    format!(
                        "scale word changed: \"{sw}\" in the source ({}) but \"{tw}\" in the target ({})",
                        s.raw, t.raw
                    ),
                )
            }
            _ if s.kind == NumberKind::Vague && t.kind == NumberKind::Vague => (
                Severity::Error,
                format!(
                    "quantity changed: \"{}\" in the source but \"{}\" in the target",
                    s.raw, t.raw
                ),
            ),
            // "1.693.673" as "nearly 1.7 million", "R$ 5,3 milhões" as
            // "some 5 million reais": the hedge says it is rounded.
            _ if rounded(0.1)
                && (hedged(self.tgt_text, t.start, self.tp)
                    || hedged(self.src_text, s.start, self.sp)) =>
            {
                (Severity::Info, rounding())
            }
            _ if rounded(0.02) => (Severity::Warning, rounding()),
            // A translated page's own notice carries the year it was made.
            _ if s.kind == NumberKind::Year
                && t.kind == NumberKind::Year
                && in_copyright_notice(self.src_text, s.start, self.sp)
                && in_copyright_notice(self.tgt_text, t.start, self.tp) =>
            {
                (
                    Severity::Warning,
                    format!(
                        "copyright year changed: {} in the source, {} in the target",
                        s.raw, t.raw
                    ),
                )
            }
            _ if page_reference(self.src_text, s, self.sp)
                && page_reference(self.tgt_text, t, self.tp) =>
            {
                (
                    Severity::Warning,
                    format!(
                        "page number changed: {} in the source, {} in the target (a translation may have its own pages)",
                        s.raw, t.raw
                    ),
                )
            }
            _ => (
                Severity::Error,
                format!(
                    "{} changed: {} in the source, {} in the target{foreign_note}",
                    what(s),
                    s.raw,
                    t.raw
                ),
            ),
        }
    }

    pub(super) fn missing(&self, s: &NumberMention) -> Finding {
        if let Some(r) = as_written(s, self.tp) {
            return self
                .base(
                    Severity::Error,
                    format!(
                        "{} {} in the source is missing in the target",
                        what(s),
                        s.raw
                    ),
                )
                .source_span(s.start..s.end)
                .expected(r);
        }
        let what = what(s);
        // A vague "dezenas de" dropped is worth a look, not an error; so is
        // a page reference, which a translation may say another way
        // ("on page 26" as "below").
        let page = page_reference(self.src_text, s, self.sp);
        // "two-letter codes" as "zweistellige Codes", "two-dimensional" as
        // "bidimensional": a number word heading a compound may live on
        // inside one word of the translation.
        let compound = s.words
            && self
                .src_text
                .get(s.end..)
                .is_some_and(|r| r.starts_with('-') && r[1..].starts_with(char::is_alphabetic));
        let severity = if s.kind == NumberKind::Vague || page || compound {
            Severity::Warning
        } else {
            Severity::Error
        };
        let note = if page {
            " (a page reference: a translation may have its own pages)"
        } else {
            ""
        };
        let mut f = self
            .base(
                severity,
                format!(
                    "{what} {} in the source is missing in the target{note}",
                    s.raw
                ),
            )
            .source_span(s.start..s.end);
        if let Some(r) = numbers::render(s, self.tp) {
            f = f.expected(r);
        }
        f
    }

    pub(super) fn added(&self, t: &NumberMention) -> Finding {
        let what = what(t);
        // Number words and vague words get added by idiom ("both", "a few"),
        // and editions add context in brackets ("Bolsonaro (2019-2022)",
        // "(about $240 million)"); other digits rarely are.
        // A year is often added to resolve "no ano passado": where the
        // source says so in the profile's words, that is all it is.
        if t.kind == NumberKind::Year && has_phrase(self.src_text, &self.sp.numbers.relative_years)
        {
            return self
                .base(
                    Severity::Info,
                    format!(
                        "year {} in the target resolves a year the source names relative to the article's date",
                        t.raw
                    ),
                )
                .target_span(t.start..t.end);
        }
        // A bare month the source named just before, restated as context
        // ("in the 12 months through November").
        if let NumberKind::Month(m) = t.kind
            && self.recent_months.contains(&m)
        {
            return self
                .base(
                    Severity::Info,
                    format!(
                        "month {} in the target restates a month the source names just before",
                        t.raw
                    ),
                )
                .target_span(t.start..t.end);
        }
        let severity = if t.words
            || matches!(t.kind, NumberKind::Vague | NumberKind::Year)
            || in_brackets(self.tgt_text, t.start)
        {
            Severity::Warning
        } else {
            Severity::Error
        };
        self.base(
            severity,
            format!("{what} {} in the target is not in the source", t.raw),
        )
        .target_span(t.start..t.end)
    }
}

/// Two dates written alike ("12" and "12") that differ only by the month
/// or year a range lent them ("12 e 27 de julho", "12 and 27 June"): the
/// difference is the lender's, reported where it is written.
fn borrowed_only(s: &NumberMention, t: &NumberMention) -> bool {
    matches!(s.kind, NumberKind::Date { .. })
        && matches!(t.kind, NumberKind::Date { .. })
        && s.raw.trim() == t.raw.trim()
        && s.raw.trim().bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::super::NumberCheck;
    use super::super::tests::*;
    use crate::checks::testutil::Fixture;
    use crate::finding::Severity;

    #[test]
    fn changed_value_shows_both_with_suggestion() {
        let f = errors("A inflação foi de 3,4%.", "Inflation was 3.5%.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("3,4%") && f[0].message.contains("3.5%"));
        assert_eq!(f[0].suggestion.as_deref(), Some("3.4%"));
        let tgt = "Inflation was 3.5%.";
        let span = f[0].target_span.clone().unwrap();
        assert_eq!(&tgt[span], "3.5%");
    }

    #[test]
    fn a_fraction_glyph_written_with_a_slash_is_the_same_fraction() {
        assert!(
            errors(
                "A largura é 3/4 da altura.",
                "The width is ¾ of the height."
            )
            .is_empty()
        );
        assert!(
            errors(
                "A largura é ¾ da altura.",
                "The width is 3/4 of the height."
            )
            .is_empty()
        );
        let f = errors(
            "A largura é 2/3 da altura.",
            "The width is ¾ of the height.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn missing_number_is_error() {
        let f = errors(
            "Foram criados 1.693.673 empregos.",
            "Many jobs were created.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "number 1.693.673 in the source is missing in the target"
        );
        assert_eq!(f[0].expected.as_deref(), Some("1,693,673"));
    }

    #[test]
    fn added_digits_are_error_added_words_warning() {
        let f = errors("Vieram pessoas.", "5 people came.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("not in the source"));
        let f = run("Vieram pessoas.", "Three people came.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn context_added_in_brackets_is_a_warning() {
        let f = run(
            "O ex-presidente Bolsonaro falou.",
            "Former President Jair Bolsonaro (2019-2022) spoke.",
        );
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|x| x.severity == Severity::Warning), "{f:#?}");
    }

    #[test]
    fn source_convention_in_target_is_error() {
        let f = errors(
            "Foram criados 1.693.673 empregos.",
            "Some 1.693.673 formal jobs were created.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("1,693,673"));
        let f = errors("A taxa é de 14,25%.", "The rate is 14,25%.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("14.25%"));
        let tgt = "The rate is 14,25%.";
        assert_eq!(&tgt[f[0].target_span.clone().unwrap()], "14,25%");
        // "1.000" reads as 1.0 in English but the source has a thousand.
        let f = errors("Vieram 1.000 pessoas.", "Some 1.000 people came.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("1,000"));
        let f = errors("Cresceu 2,5 milhões.", "It grew 2,5 million.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("2.5"));
    }

    #[test]
    fn scale_word_change_is_error() {
        let f = errors(
            "A dívida é de US$ 348,7 bilhões.",
            "The debt is $348.7 million.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("bilhões") && f[0].message.contains("million"),
            "{}",
            f[0].message
        );
        assert_eq!(f[0].suggestion.as_deref(), Some("$348.7 billion"));
    }

    #[test]
    fn suggestion_keeps_the_translators_currency_symbol() {
        let f = errors(
            "A dívida é de US$ 348,7 bilhões.",
            "The debt is US$348.7 million.",
        );
        assert_eq!(f[0].suggestion.as_deref(), Some("US$348.7 billion"));
        let f = errors("O salário é de R$ 2.180,45.", "The wage is R$2,810.45.");
        assert_eq!(f[0].suggestion.as_deref(), Some("R$2,180.45"));
    }

    #[test]
    fn changed_date_is_error() {
        let f = errors(
            "A reunião foi em 4 de março.",
            "The meeting was on March 5.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("March 4"));
        let f = errors("Em junho, ele saiu.", "In July, he left.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("June"));
    }

    #[test]
    fn a_changed_month_of_a_day_range_is_reported_once() {
        // The first day borrows the month of the second: the change is
        // the month's, reported where it is written.
        let f = errors(
            "A campanha foi realizada entre 12 e 27 de julho de 2024.",
            "The expedition ran between 12 and 27 June 2024.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("27 June 2024"), "{}", f[0].message);
        // A changed first day is still reported.
        let f = errors(
            "A campanha foi realizada entre 12 e 27 de julho de 2024.",
            "The expedition ran between 13 and 27 July 2024.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn changed_year_and_words() {
        let f = errors("Em 2024, o PIB cresceu.", "In 2025, GDP grew.");
        assert_eq!(f.len(), 1);
        let f = errors("Foram noventa minutos.", "It lasted eighty minutes.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].suggestion.as_deref(), Some("ninety"));
    }

    #[test]
    fn a_copyright_notice_year_is_only_a_warning() {
        for (src, tgt) in [
            ("Copyright 2023 Folha.", "Copyright 2024 Folha."),
            ("© 2010–2023 Folha.", "© 2010–2024 Folha."),
            ("Direitos autorais 2023 Folha.", "(c) 2024 Folha."),
        ] {
            let f = run(src, tgt);
            assert_eq!(f.len(), 1, "{src}: {f:#?}");
            assert_eq!(f[0].severity, Severity::Warning, "{src}");
        }
        // A year in prose about copyright is still an error.
        let f = errors(
            "A lei de direitos autorais de 1998 mudou.",
            "The copyright law of 1999 changed.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn a_page_reference_dropped_or_changed_is_only_a_warning() {
        for (src, tgt) in [
            ("Veja a tabela na página 26.", "See the table below."),
            ("Veja a tabela na página 26.", "See the table on page 28."),
            ("Detalhes na pág. 7 do guia.", "Details in the guide, p. 9."),
        ] {
            let f = run(src, tgt);
            assert_eq!(f.len(), 1, "{src}: {f:#?}");
            assert_eq!(f[0].severity, Severity::Warning, "{src}");
            assert!(f[0].message.contains("page"), "{}", f[0].message);
        }
        // Other numbers of the sentence are still errors.
        let f = errors("Veja os 26 casos na tabela.", "See the cases in the table.");
        assert_eq!(f.len(), 1, "{f:#?}");
        let f = errors("A página tem 26 linhas.", "The page has 28 lines.");
        assert_eq!(f.len(), 1, "{f:#?}");
        // Pages of a website opening faster are no page reference.
        let f = errors(
            "Abre páginas 1,7 vez mais rápido.",
            "It opens pages 2.7 times faster.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn a_number_word_heading_a_compound_dropped_is_a_warning() {
        for (src, tgt) in [
            (
                "Use a two-letter code.",
                "Verwenden Sie einen zweistelligen Code.",
            ),
            (
                "Use a three-digit code.",
                "Verwenden Sie einen dreistelligen Code.",
            ),
        ] {
            let f = langs("en", "de", src, tgt);
            assert_eq!(f.len(), 1, "{f:#?}");
            assert_eq!(f[0].severity, Severity::Warning, "{src}");
        }
        // A number word standing alone is still lost.
        let f = langs(
            "en",
            "de",
            "Use a two letter code.",
            "Verwenden Sie einen langen Code.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Error);
    }

    #[test]
    fn a_decimal_shown_as_a_literal_keeps_its_dot() {
        // Examples of what a program reads are kept as written.
        let f = langs(
            "en",
            "pt",
            "Numbers such as “1.5” or <code>23.2</code> are read.",
            "Números como “1.5” ou <code>23.2</code> são lidos.",
        );
        assert!(f.is_empty(), "{f:#?}");
        // A label or a dotted product name names what follows.
        for (src, tgt) in [
            (
                "Use the OpenOffice.org 1.1 spacing.",
                "Use o espaçamento do OpenOffice.org 1.1.",
            ),
            (
                "See subchapter 1.2 first.",
                "Veja primeiro o subcapítulo 1.2.",
            ),
        ] {
            let f = langs("en", "pt", src, tgt);
            assert!(f.is_empty(), "{src}: {f:#?}");
        }
        // The same number in running text is in the wrong convention.
        let f = langs(
            "en",
            "pt",
            "Numbers such as 1.5 are read.",
            "Números como 1.5 são lidos.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("convention"), "{}", f[0].message);
    }

    #[test]
    fn changed_words_suggest_words() {
        let f = errors("Faltam duas semanas.", "It is three weeks away.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].suggestion.as_deref(), Some("two"));
        let f = errors("Foram noventa minutos.", "Eighty minutes passed.");
        assert_eq!(f[0].suggestion.as_deref(), Some("Ninety"));
    }

    #[test]
    fn rounding_is_a_warning() {
        let f = run("Foram 1.693.673 empregos.", "There were 1.7 million jobs.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn hedged_rounding_is_only_info() {
        let quiet = |src: &str, tgt: &str| {
            let f = run(src, tgt);
            assert!(
                f.iter().all(|f| f.severity == Severity::Info),
                "{src} / {tgt}: {f:#?}"
            );
        };
        quiet(
            "O país criou 1.693.673 empregos.",
            "The country created nearly 1.7 million jobs.",
        );
        quiet(
            "O público foi de 68.412 torcedores.",
            "More than 68,000 fans attended.",
        );
        quiet(
            "A renda foi de R$ 5,3 milhões.",
            "Receipts totalled some 5 million reais.",
        );
        // Unhedged rounding stays a warning; a hedge does not excuse a change.
        assert!(
            run(
                "A renda foi de R$ 5,3 milhões.",
                "Receipts totalled 5 million reais."
            )
            .iter()
            .any(|f| f.severity >= Severity::Warning)
        );
        assert!(
            !errors(
                "A renda foi de R$ 5,3 milhões.",
                "Receipts totalled some 4 million reais."
            )
            .is_empty()
        );
    }

    #[test]
    fn currency_change_is_error() {
        let f = errors(
            "O governo liberou R$ 500 milhões.",
            "The government released $500 million.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("currency"));
        assert_eq!(f[0].suggestion.as_deref(), Some("R$500 million"));
        clean(
            "O governo liberou R$ 500 milhões.",
            "The government released 500 million reais.",
        );
        clean(
            "O acordo vale US$ 5 bilhões.",
            "The deal is worth $5 billion.",
        );
        clean(
            "O acordo vale US$ 5 bilhões.",
            "The deal is worth 5 billion dollars.",
        );
    }

    #[test]
    fn percent_and_points_confused_is_error() {
        let f = errors("A taxa subiu 2 pontos percentuais.", "The rate rose 2%.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("2 percentage points"));
        clean(
            "A taxa subiu 2 pontos percentuais.",
            "The rate rose 2 percentage points.",
        );
        clean(
            "A taxa subiu 0,5 p.p.",
            "The rate rose half a percentage point.",
        );
    }

    #[test]
    fn target_of_unknown_convention_is_not_told_its_separators() {
        let f = Fixture::with_langs(
            "pt",
            "fi",
            &[(
                &["Foram 1.000 pessoas e 3,4%."],
                &["Oli 1.000 ihmistä ja 3,4 %."],
            )],
        )
        .run(&NumberCheck);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn dropped_percent_sign_is_a_warning() {
        let f = run("A inflação foi de 3,4%.", "Inflation was 3.4.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].suggestion.as_deref(), Some("3.4%"));
        clean("Subiu de 3% a 5%.", "It rose from 3 to 5%.");
    }

    #[test]
    fn a_month_the_source_named_just_before_is_restated() {
        let f = Fixture::links(&[
            (
                &["A inflação foi de 0,31% em novembro, segundo o instituto."],
                &["Inflation was 0.31% in November, the institute said."],
            ),
            (
                &["O índice subiu 0,2% no mês anterior."],
                &["The index rose 0.2% in April."],
            ),
            (
                &["Em 12 meses, a taxa chegou a 4,12%."],
                &["In the 12 months through November, the rate reached 4.12%."],
            ),
        ])
        .run(&NumberCheck);
        // April is in no source sentence: still an error; November is context.
        let sev = |what: &str| {
            f.iter()
                .filter(|x| x.message.contains(what))
                .map(|x| x.severity)
                .collect::<Vec<_>>()
        };
        assert_eq!(sev("April"), [Severity::Error], "{f:?}");
        assert_eq!(sev("November"), [Severity::Info], "{f:?}");
    }

    #[test]
    fn added_year_is_a_warning() {
        let f = run("A economia cresceu.", "In 2024, the economy grew.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn a_year_resolving_a_relative_one_is_info() {
        // The source names the year by its distance from the article's.
        for (s, t) in [
            (
                "No ano passado, a economia cresceu.",
                "In 2024, the economy grew.",
            ),
            ("A obra termina no próximo ano.", "The work ends in 2027."),
            (
                "Na comparação com o mesmo trimestre do ano anterior, subiu.",
                "Compared with the same quarter of 2023, it rose.",
            ),
        ] {
            let f = run(s, t);
            assert_eq!(f.len(), 1, "{s} → {t}: {f:#?}");
            assert_eq!(f[0].severity, Severity::Info, "{s} → {t}");
        }
        // Another year beside a relative one is no resolution of it: the
        // source's own year still has to be there.
        let f = errors(
            "Em 2019 e no ano passado, cresceu.",
            "In 2018 and in 2024, it grew.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn a_difference_after_less_keeps_its_sign() {
        // "menos 721 mil pessoas" written "less 721,000 people".
        clean(
            "O desemprego caiu 5,1% (menos 721 mil pessoas).",
            "Unemployment fell 5.1% (less 721,000 people).",
        );
        clean(
            "Mais ou menos 5 pessoas vieram.",
            "More or less 5 people came.",
        );
        assert_eq!(
            errors(
                "O desemprego caiu (menos 721 mil pessoas).",
                "Unemployment fell (721,000 people)."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_number_restated_with_its_abbreviation_counts_once() {
        clean(
            "Foi detido na Estrada Nacional 125 (EN 125), perto de Olhão.",
            "He was stopped on the EN 125 road near Olhão.",
        );
        // Another number in the bracket, or more than an abbreviation, counts.
        assert_eq!(
            errors(
                "Foi detido na Estrada Nacional 125 (EN 126), perto de Olhão.",
                "He was stopped on the EN 125 road near Olhão.",
            )
            .len(),
            1
        );
        assert_eq!(
            run(
                "Foram 125 votos (contra 125 no ano passado).",
                "There were 125 votes.",
            )
            .len(),
            1
        );
    }

    #[test]
    fn fraction_words_that_differ_are_a_change() {
        clean(
            "Isso corresponde a um quarto do consumo da região.",
            "That is a quarter of the region's consumption.",
        );
        let f = errors(
            "Isso corresponde a um quarto do consumo da região.",
            "That is a third of the region's consumption.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        // A room is no fraction: nothing on the other side to disagree with.
        clean(
            "Ele alugou um quarto da casa.",
            "He rented a room in the house.",
        );
    }

    #[test]
    fn multiplier_verbs_that_differ_are_a_change() {
        clean(
            "A meta é dobrar o número de voos até 2026.",
            "The goal is to double the number of flights by 2026.",
        );
        let f = errors(
            "A meta é dobrar o número de voos até 2026.",
            "The goal is to triple the number of flights by 2026.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        // Knees bend: a lone weak verb confirms nothing and is no change.
        clean(
            "Todo joelho se dobrará diante dele.",
            "Every knee shall bow before him.",
        );
        clean(
            "A produção triplicou em dez anos.",
            "Output tripled in ten years.",
        );
    }

    #[test]
    fn units_are_read_and_compared() {
        let f = errors("Um pacote de 2 GB.", "A 2 MB pack.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("unit changed"), "{}", f[0].message);
        for (s, t) in [
            ("Um pacote de 2 GB.", "A 2 GB pack."),
            ("A trilha tem 10 km.", "The trail is 6.2 miles long."),
            (
                "A trilha tem 10 km.",
                "The trail is 10 km (6.2 miles) long.",
            ),
            ("Fez 38 °C na cidade.", "It was 100.4 °F in the city."),
            ("Uma área de 500 hectares.", "An area of 1,236 acres."),
            ("Pesava 5 kg.", "It weighed 11 lb."),
            // British style glues C and F to the number; Portuguese text
            // often types the ordinal sign º for the degree sign.
            ("Fez 40 °C na cidade.", "It was 40C in the city."),
            ("Fez 40 °C na cidade.", "It was 104F in the city."),
            ("A água ronda os 4 ºC.", "The water is around 39 °F."),
        ] {
            let f = errors(s, t);
            assert!(f.is_empty(), "{s} → {t}: {f:#?}");
        }
        assert_eq!(
            errors("A trilha tem 10 km.", "The trail is 10 miles long.").len(),
            1
        );
        for (s, t) in [
            ("Fez 40 °C na cidade.", "It was 40F in the city."),
            ("A água ronda os 4 ºC.", "The water is around 4 °F."),
        ] {
            let f = errors(s, t);
            assert_eq!(f.len(), 1, "{s} → {t}: {f:#?}");
        }
    }

    #[test]
    fn changed_weekday_is_error_dropped_weekday_is_not() {
        let f = errors(
            "A reunião será na terça-feira.",
            "The meeting is on Wednesday.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("Tuesday"));
        assert!(
            errors(
                "A reunião será na terça-feira.",
                "The meeting is on Tuesday."
            )
            .is_empty()
        );
        assert!(
            errors(
                "A reunião será na terça-feira.",
                "The meeting is this week."
            )
            .is_empty()
        );
    }

    #[test]
    fn changed_time_is_error() {
        let f = errors("A reunião foi às 14h.", "The meeting was at 4 p.m.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("14h") && f[0].message.contains("4 p.m."));
        assert_eq!(f[0].suggestion.as_deref(), Some("2 p.m."));
    }

    #[test]
    fn a_time_pairs_with_its_time_before_a_number_word_of_its_hour() {
        let src = "O velório será das 9h às 15h, e ela foi a sexta de nove filhos.";
        let f = errors(
            src,
            "The wake will be from 9 a.m. to 5 p.m., and she was the sixth of eight children.",
        );
        assert_eq!(f.len(), 2, "{f:#?}");
        let says = |a: &str, b: &str| {
            f.iter()
                .any(|x| x.message.contains(a) && x.message.contains(b))
        };
        assert!(says("15h", "5 p.m.") && says("nove", "eight"), "{f:#?}");
        clean(
            src,
            "The wake will be from 9 a.m. to 3 p.m., and she was the sixth of nine children.",
        );
    }

    #[test]
    fn weak_ordinals_that_differ_are_a_change() {
        let f = errors("Foi a primeira vez.", "It was the second time.");
        assert_eq!(f.len(), 1, "{f:#?}");
        clean(
            "Segundo ele, foi a primeira vez.",
            "He said it was the first time.",
        );
        clean(
            "Segundo ele, foi a primeira vez.",
            "According to him, it was unprecedented.",
        );
        clean(
            "Na segunda-feira, pela primeira vez.",
            "On Monday, for the first time.",
        );
        clean(
            "Segundo o ministro, a medida vale.",
            "The minister said the measure would first apply.",
        );
        clean(
            "Segundo o ministro, a medida vale.",
            "First, the minister said, the measure applies.",
        );
    }

    #[test]
    fn ordinal_and_month_changes_pair_with_weak_words() {
        let f = errors("Foi a terceira rodada.", "It was the fourth round.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("changed"), "{}", f[0].message);
        let f = errors("Dois terços votaram.", "One-third of them voted.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].suggestion.as_deref(), Some("Two-thirds"));
        assert!(f[0].message.contains("changed"), "{}", f[0].message);
        let f = errors("As vendas caíram em abril.", "Sales fell in May.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].suggestion.as_deref(), Some("April"));
    }

    #[test]
    fn vague_change_is_error_vague_drop_warning() {
        let f = errors(
            "Dezenas de milhares protestaram.",
            "Hundreds of thousands protested.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        let f = run("Dezenas de milhares protestaram.", "Many protested.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn space_grouped_number_in_english_is_a_convention_error() {
        let f = errors("Vieram 10 000 pessoas.", "Some 10 000 people came.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("10,000"));
    }

    #[test]
    fn spans_are_in_the_joined_link_text() {
        let f = Fixture::links(&[(
            &["Foi bom.", "Foram 3 gols."],
            &["It was good. There were 4 goals."],
        )])
        .run(&NumberCheck);
        assert_eq!(f.len(), 1);
        let src = "Foi bom. Foram 3 gols.";
        assert_eq!(&src[f[0].source_span.clone().unwrap()], "3");
    }

    #[test]
    fn double_as_another_multiple_is_an_error() {
        assert!(
            !errors(
                "O custo foi o dobro do previsto.",
                "The cost was three times the forecast."
            )
            .is_empty()
        );
        assert!(
            !errors(
                "O custo foi o dobro do previsto.",
                "The cost was triple the forecast."
            )
            .is_empty()
        );
        assert!(
            !errors(
                "O custo foi o triplo do previsto.",
                "The cost was twice the forecast."
            )
            .is_empty()
        );
        assert!(
            !errors(
                "O custo foi o quádruplo do previsto.",
                "The cost was three times the forecast."
            )
            .is_empty()
        );
    }

    #[test]
    fn an_ordinal_before_a_noun_it_counts_is_compared() {
        let f = errors(
            "A equipe terminou em segundo lugar na liga.",
            "The team finished third in the league.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        let f = errors(
            "O Brasil foi o segundo maior exportador.",
            "Brazil was the third-largest exporter.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        for (s, t) in [
            (
                "A equipe terminou em segundo lugar na liga.",
                "The team finished second in the league.",
            ),
            (
                "O Brasil foi o segundo maior exportador.",
                "Brazil was the second-largest exporter.",
            ),
            (
                "Segundo o ministro, a taxa caiu.",
                "According to the minister, the rate fell.",
            ),
            (
                "O gol saiu no segundo tempo.",
                "The goal came in the second half.",
            ),
            // Said without an ordinal: never missing alone.
            (
                "Segundo ele, foi a primeira vez.",
                "According to him, it was unprecedented.",
            ),
            (
                "Foi a primeira vez em 10 anos.",
                "It was unprecedented in 10 years.",
            ),
        ] {
            clean(s, t);
        }
    }

    #[test]
    fn a_sign_dropped_or_added_is_a_change() {
        for (s, t) in [
            ("A temperatura foi de -5 °C.", "The temperature was 5 °C."),
            ("A temperatura foi de menos 5 graus.", "It was 5 degrees."),
            ("Fez 3 graus negativos.", "It was 3 °C."),
            ("A temperatura foi de 5 °C.", "The temperature was -5 °C."),
        ] {
            let f = errors(s, t);
            assert_eq!(f.len(), 1, "{s} → {t}: {f:#?}");
        }
        let f = errors("A temperatura foi de -5 °C.", "The temperature was 5 °C.");
        assert_eq!(f[0].suggestion.as_deref(), Some("-5"));
        for (s, t) in [
            ("A temperatura foi de -5 °C.", "The temperature was −5 °C."),
            ("A temperatura foi de -5 °C.", "The temperature was 23 °F."),
            ("Fez 3 graus negativos.", "It was -3 °C."),
            (
                "Fez 3 graus abaixo de zero.",
                "It was 3 degrees below zero.",
            ),
            ("Fez menos 3 graus.", "It was minus 3 degrees."),
            ("Pelo menos 5 pessoas morreram.", "At least 5 people died."),
            ("O placar foi 2-0.", "The score was 2-0."),
        ] {
            clean(s, t);
        }
    }

    #[test]
    fn a_unit_after_a_scale_word_and_a_joiner_is_read() {
        let f = errors(
            "O Brasil exportou 1,2 milhão de toneladas de soja.",
            "Brazil exported 1.2 million pounds of soybeans.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("unit changed"), "{}", f[0].message);
        assert!(
            f[0].message.contains("1.2 million pounds in"),
            "{}",
            f[0].message
        );
        for t in [
            "Brazil exported 1.2 million tonnes of soybeans.",
            "Brazil exported 1.2 million tons of soybeans.",
            "Brazil exported 1.2 million metric tons of soybeans.",
        ] {
            clean("O Brasil exportou 1,2 milhão de toneladas de soja.", t);
        }
        // Pounds of money stay money.
        clean("Custou 5 milhões de libras.", "It cost 5 million pounds.");
        let f = errors(
            "Colheram 2 milhões de toneladas.",
            "They harvested 2 million kilograms.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn units_of_several_words_are_read() {
        let f = errors(
            "A área desmatada foi de 5 mil km².",
            "The deforested area was 5,000 square miles.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("square miles"), "{}", f[0].message);
        for (s, t) in [
            (
                "A área desmatada foi de 5 mil km².",
                "It was 5,000 square kilometres.",
            ),
            ("A área desmatada foi de 5 mil km².", "It was 5,000 sq km."),
            ("A área desmatada foi de 5 mil km².", "It was 5,000 km2."),
            (
                "A área foi de 5 mil quilômetros quadrados.",
                "It was 5,000 km².",
            ),
            (
                "A área foi de 5 mil quilômetros quadrados.",
                "It was 1,931 square miles.",
            ),
            (
                "O apartamento tem 80 metros quadrados.",
                "The flat has 80 m2.",
            ),
            ("O apartamento tem 80 m2.", "The flat has 861 square feet."),
            (
                "O tanque tem 30 metros cúbicos.",
                "The tank holds 30 cubic metres.",
            ),
            ("O tanque tem 30 m³.", "The tank holds 30 cubic meters."),
        ] {
            clean(s, t);
        }
        assert_eq!(
            errors(
                "O apartamento tem 80 metros quadrados.",
                "The flat has 80 metres."
            )
            .len(),
            1
        );
        assert_eq!(
            errors(
                "O tanque tem 30 metros cúbicos.",
                "The tank holds 30 square metres."
            )
            .len(),
            1
        );
    }

    #[test]
    fn units_are_data_in_every_profile() {
        for (sl, src) in [
            (
                "es",
                "Se exportaron 1,2 millones de toneladas en 5.000 kilómetros cuadrados.",
            ),
            (
                "fr",
                "On a exporté 1,2 million de tonnes sur 5 000 kilomètres carrés.",
            ),
            (
                "it",
                "Sono state esportate 1,2 milioni di tonnellate su 5.000 chilometri quadrati.",
            ),
            (
                "de",
                "Es wurden 1,2 Millionen Tonnen auf 5.000 Quadratkilometern exportiert.",
            ),
        ] {
            let ok = "1.2 million tonnes were exported over 5,000 square kilometres.";
            let bad = "1.2 million pounds were exported over 5,000 square miles.";
            assert!(
                langs(sl, "en", src, ok).is_empty(),
                "{sl}: {:#?}",
                langs(sl, "en", src, ok)
            );
            let f = langs(sl, "en", src, bad);
            let units = f
                .iter()
                .filter(|f| f.message.contains("unit changed"))
                .count();
            assert!(units >= 1, "{sl}: {f:#?}");
        }
    }

    #[test]
    fn a_minute_of_added_time_said_in_words_keeps_the_half_end() {
        let pt = "O golo do dérbi, aos 90+3, deu a vitória.";
        let en = "The derby goal, in the third minute of stoppage time, gave them the win.";
        assert!(errors(pt, en).is_empty(), "{:#?}", errors(pt, en));
        // The other way round, with the source's words for added time.
        let en2 = "The goal came in the 90+3 minute.";
        let pt2 = "O golo surgiu no terceiro minuto dos acréscimos.";
        assert!(langs("en", "pt", en2, pt2).is_empty());
        // The minute after the `+` is still compared.
        let f = errors(
            pt,
            "The derby goal, in the second minute of stoppage time, won it.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        // Without words for added time the half's end is missing.
        assert_eq!(
            errors(pt, "The derby goal, in the third minute, won it.").len(),
            1
        );
    }

    #[test]
    fn a_second_half_minute_may_be_counted_from_kick_off() {
        let pt = "O Bahia empatou aos 37 minutos do segundo tempo, com Kanu.";
        clean(pt, "Bahia equalised in the 82nd minute through Kanu.");
        clean(
            pt,
            "Bahia equalised 37 minutes into the second half through Kanu.",
        );
        // Another minute is still a change.
        assert_eq!(
            errors(pt, "Bahia equalised in the 72nd minute through Kanu.").len(),
            1
        );
        // Past the half's end, the minute of added time.
        let pt = "O Bahia venceu por 2 a 1, com um gol aos 48 minutos do segundo tempo.";
        clean(
            pt,
            "Bahia won 2-1 with a goal three minutes into stoppage time.",
        );
        let f = errors(
            pt,
            "Bahia won 3-1 with a goal three minutes into stoppage time.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains('2'), "{f:#?}");
        // Without added-time words a lone "three" is no such minute.
        assert!(!errors(pt, "Bahia won 2-1 with a goal after three minutes.").is_empty());
        // A first-half minute is counted as it is.
        let pt = "O Cruzeiro marcou aos 22 minutos do primeiro tempo.";
        assert_eq!(errors(pt, "Cruzeiro scored in the 67th minute.").len(), 1);
    }

    #[test]
    fn a_year_in_a_period_code_is_written_in_full() {
        let pt = "A estatal teve lucro de R$ 32,6 bilhões no 3T25.";
        clean(
            pt,
            "The company made R$32.6 billion in the third quarter of 2025.",
        );
        let f = run(
            pt,
            "The company made R$32.6 billion in the third quarter of 2024.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        let en = "The company made $2 billion in 3Q25.";
        assert!(
            langs(
                "en",
                "pt",
                en,
                "A empresa lucrou US$ 2 bilhões no terceiro trimestre de 2025."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_zero_rendered_by_a_word_of_absence_is_kept() {
        let l = |sl, tl, s, t| langs(sl, tl, s, t);
        let s = "Zero-code instrumentation adds the API to your application.";
        assert!(
            l(
                "en",
                "pt",
                s,
                "A instrumentação sem código adiciona a API à aplicação."
            )
            .is_empty()
        );
        let s = "Deploy across clouds with zero lock-in.";
        assert!(
            l(
                "en",
                "fr",
                s,
                "Déployez sur plusieurs clouds sans dépendance."
            )
            .is_empty()
        );
        assert!(
            l(
                "en",
                "de",
                s,
                "Auf mehreren Clouds ohne Bindung bereitstellen."
            )
            .is_empty()
        );
        assert!(l("pt", "en", "Houve zero mortes.", "There were no deaths.").is_empty());
    }

    #[test]
    fn a_zero_without_a_word_of_absence_is_still_lost() {
        let s = "Zero-code instrumentation adds the API to your application.";
        let f = langs(
            "en",
            "pt",
            s,
            "A instrumentação automática adiciona a API à aplicação.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        // One word of absence answers one zero.
        let f = langs(
            "en",
            "pt",
            "zero bugs and zero leaks",
            "sem falhas e zero fugas",
        );
        assert!(f.is_empty(), "{f:#?}");
        let f = langs("en", "pt", "zero bugs and zero leaks", "sem falhas e fugas");
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn a_version_or_data_string_the_source_writes_alike_keeps_its_point() {
        let s = "XLIFF 1.2 translation file";
        assert!(langs("en", "pt", s, "Arquivo 1.2 de tradução XLIFF").is_empty());
        let s = "Pattern source: heropatterns.com, CC BY 4.0.";
        assert!(
            langs(
                "en",
                "pt",
                s,
                "Fonte do padrão: heropatterns.com, cc por 4.0."
            )
            .is_empty()
        );
        let s = "Show full names. (since 1.2)";
        assert!(langs("en", "fr", s, "Afficher les noms. (depuis 1.2)").is_empty());
        let s = "IDs and weights, e.g: 1234:0.123,4567:0.456";
        let t = "IDs und Gewichte, z. B.: 1234:0.123,4567:0.456";
        assert!(langs("en", "de", s, t).is_empty());
        // A quantity is still written the target's way.
        let f = langs(
            "en",
            "pt",
            "A rate of 1.25 per file",
            "Uma taxa de 1.25 por arquivo",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        let f = langs(
            "en",
            "de",
            "weights 0.123 and 0.456",
            "Gewichte 0.123 und 0.456",
        );
        assert!(!f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_zero_in_digits_said_by_a_word_for_zero_is_kept() {
        assert!(langs("en", "pt", "Hide rows at 0", "Ocultar linhas zeradas").is_empty());
        assert!(langs("en", "it", "Hide rows at 0", "Nascondi righe azzerate").is_empty());
        assert!(
            langs(
                "en",
                "pt",
                "The score is reset to zero.",
                "A nota é zerada."
            )
            .is_empty()
        );
        // Without the word, or for another number, it is lost.
        assert_eq!(
            langs("en", "pt", "Hide rows at 0", "Ocultar linhas").len(),
            1
        );
        assert_eq!(
            langs("en", "pt", "Hide rows at 5", "Ocultar linhas zeradas").len(),
            1
        );
    }

    #[test]
    fn a_zero_said_as_the_pronoun_of_none_is_kept() {
        // German "keins": the neuter pronoun, standing alone in a list.
        assert!(langs("en", "de", "Zero/other", "Keins / sonstige").is_empty());
        assert_eq!(langs("en", "de", "Zero/other", "Sonstige").len(), 1);
    }
}
