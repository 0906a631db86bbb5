//! Dates, times of day, weekdays, months and decades.

use super::Reader;
use crate::numbers::tokenize::TokKind;
use crate::numbers::{NumberKind, NumberMention};

impl Reader<'_> {
    /// A time of day at token `i`: "14.30 Uhr", "14:30", "14h30",
    /// "14 h 30", "2:30 p.m.".
    pub(super) fn time(&self, i: usize) -> Option<(NumberMention, usize)> {
        if let Some(found) = self.time_before_word(i) {
            return Some(found);
        }
        let h = self.plain_int(i, 2)?;
        if h > 24 || self.is_code(i) {
            return None;
        }
        let (mut minutes, mut next, mut twelve) = self.clock(i, h)?;
        if let Some((pm, n)) = self.ampm_at(next) {
            minutes = Some(to_24_hour(minutes.unwrap_or(h * 60), pm)?);
            twelve = false;
            next = n;
        }
        Some(self.time_mention(i, next, minutes?, twelve))
    }

    /// A race time with its seconds mark between whole seconds and
    /// hundredths ("9s98"): 9.98, as English writes it.
    pub(super) fn split_seconds(&self, i: usize) -> Option<(NumberMention, usize)> {
        let whole = self.plain_int(i, 3)?;
        let mark = self.word(i + 1)?;
        if self.is_code(i)
            || !self.attached(i + 1)
            || !self.attached(i + 2)
            || !self.lx.second_marks.iter().any(|m| m == mark)
        {
            return None;
        }
        let t = self.tok(i + 2)?;
        let frac = self.plain_int(i + 2, 3)?;
        // "9s98x" is an identifier, not a time.
        if self
            .tok(i + 3)
            .is_some_and(|n| n.kind != TokKind::Punct && !n.space_before)
        {
            return None;
        }
        let value = f64::from(whole) + f64::from(frac) / 10f64.powi(t.lower.len() as i32);
        Some((self.mention(i, i + 3, value, NumberKind::Plain), i + 3))
    }

    /// "14.30 Uhr", "14 Uhr", British "9.30am": a time word, or an a.m. or
    /// p.m. mark, after the number makes it a time, with `.` or `:`
    /// between hours and minutes.
    fn time_before_word(&self, i: usize) -> Option<(NumberMention, usize)> {
        let time_word = self
            .word(i + 1)
            .is_some_and(|w| self.lx.time_words.iter().any(|m| m == w));
        let ampm = if time_word { None } else { self.ampm_at(i + 1) };
        if !time_word && ampm.is_none() {
            return None;
        }
        let t = self.tok(i)?;
        let (hs, ms) = t.lower.split_once(['.', ':']).unwrap_or((&t.lower, "00"));
        let digits =
            |s: &str, n: usize| (1..=n).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        if t.kind != TokKind::Digits || !digits(hs, 2) || ms.len() != 2 || !digits(ms, 2) {
            return None;
        }
        let (h, m): (u32, u32) = (hs.parse().ok()?, ms.parse().ok()?);
        if h > 24 || m >= 60 {
            return None;
        }
        if let Some((pm, next)) = ampm {
            return Some(self.time_mention(i, next, to_24_hour(h * 60 + m, pm)?, false));
        }
        Some(self.time_mention(i, i + 2, h * 60 + m, false))
    }

    /// The minutes after hour `h` at token `i`: "14:30" (then possibly a
    /// twelve-hour time), "14h", "14h30", French "14 h 30". Returns the time
    /// in minutes when one was written, the token after it and whether it
    /// may be twelve-hour; `None` for a colon not followed by minutes.
    fn clock(&self, i: usize, h: u32) -> Option<(Option<u32>, usize, bool)> {
        if self.punct(i + 1, ":") && self.attached(i + 1) && self.attached(i + 2) {
            let t = self.tok(i + 2)?;
            let m = self
                .plain_int(i + 2, 2)
                .filter(|&m| m < 60 && t.lower.len() == 2)?;
            return Some((Some(h * 60 + m), i + 3, h <= 12));
        }
        if self
            .word(i + 1)
            .is_some_and(|w| self.lx.hour_marks.iter().any(|m| m == w))
        {
            // Older French "14 h. 30": a period may close the mark.
            let k = if self.punct(i + 2, ".") && self.attached(i + 2) {
                i + 3
            } else {
                i + 2
            };
            // French "14 h 30": a spaced hour mark counts with two-digit minutes.
            let spaced = self.spaced_minutes(k);
            if self.attached(i + 1) || spaced {
                if (self.attached(k) || spaced)
                    && let Some(m) = self.plain_int(k, 2).filter(|&m| m < 60)
                {
                    return Some((Some(h * 60 + m), k + 1, false));
                }
                return Some((Some(h * 60), i + 2, false));
            }
        }
        Some((None, i + 1, false))
    }

    /// Two-digit minutes at token `k`, not glued to a word after them.
    fn spaced_minutes(&self, k: usize) -> bool {
        self.tok(k)
            .is_some_and(|t| t.lower.len() == 2 && t.kind == TokKind::Digits)
            && self.plain_int(k, 2).is_some_and(|m| m < 60)
            && !self
                .tok(k + 1)
                .is_some_and(|t| t.kind == TokKind::Word && !t.space_before)
    }

    /// An a.m. or p.m. mark at token `k`: (whether p.m., the token after it).
    fn ampm_at(&self, k: usize) -> Option<(bool, usize)> {
        if let Some(n) = self.any_phrase_at(k, &self.lx.pm) {
            return Some((true, n));
        }
        self.any_phrase_at(k, &self.lx.am).map(|n| (false, n))
    }

    /// A time mention from token `i` up to `next`; weak, since a bare
    /// time is easily something else.
    fn time_mention(
        &self,
        i: usize,
        next: usize,
        minutes: u32,
        twelve_hour: bool,
    ) -> (NumberMention, usize) {
        let mut m = self.mention(
            i,
            next,
            f64::from(minutes / 60),
            NumberKind::Time {
                minutes,
                twelve_hour,
            },
        );
        m.weak = true;
        (m, next)
    }

    /// "15/08/2024", "15/8", "15.08.2024" (or month first, by the profile),
    /// and ISO 8601 "2024-08-15" in every language.
    pub(super) fn numeric_date(&self, i: usize) -> Option<(NumberMention, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Digits || self.is_code(i) {
            return None;
        }
        if let Some(found) = self.iso_date(i) {
            return Some(found);
        }
        let mut parts: Vec<&str> = Vec::new();
        let mut next = i + 1;
        if t.lower.contains('.') && !t.lower.contains(',') {
            parts = t.lower.split('.').collect();
            if parts.len() != 3 {
                return None;
            }
            // "2.4.30" is a version: a dotted date with a two-digit year
            // writes its day and month with two digits ("05.08.24").
            if parts[2].len() == 2 && (parts[0].len() != 2 || parts[1].len() != 2) {
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
        let valid = |(d, m): (u32, u32)| (1..=31).contains(&d) && (1..=12).contains(&m);
        let ordered = if self.lx.day_first { (a, b) } else { (b, a) };
        // A full date that only reads the other way round ("30/10/2025" in
        // English) is written in that order: editions keep the source's.
        let (day, month) = if valid(ordered) {
            ordered
        } else if parts.len() == 3 && valid((ordered.1, ordered.0)) {
            (ordered.1, ordered.0)
        } else {
            return None;
        };
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

    /// "2024-08-15": a four-digit year, then month and day of two digits,
    /// joined by hyphens with no space.
    fn iso_date(&self, i: usize) -> Option<(NumberMention, usize)> {
        let year = self
            .plain_int(i, 4)
            .filter(|_| self.toks[i].lower.len() == 4)?;
        let two = |k: usize| {
            self.punct(k, "-")
                && self.attached(k)
                && self.attached(k + 1)
                && self.tok(k + 1).is_some_and(|t| t.lower.len() == 2)
        };
        if !(1000..=2999).contains(&year) || !two(i + 1) || !two(i + 3) {
            return None;
        }
        let (month, day) = (self.plain_int(i + 2, 2)?, self.plain_int(i + 4, 2)?);
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let kind = NumberKind::Date {
            month: month as u8,
            day: Some(day as u8),
            year: Some(year as i32),
        };
        Some((self.mention(i, i + 5, 0.0, kind), i + 5))
    }

    /// A weekday named alone ("na terça-feira", "on Wednesday").
    pub(super) fn weekday(&self, i: usize) -> Option<(NumberMention, usize)> {
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
    pub(super) fn weekday_day(&self, i: usize) -> Option<(NumberMention, usize)> {
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

    pub(super) fn decade(&self, i: usize) -> Option<(NumberMention, usize)> {
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

    pub(super) fn month_at(&self, i: usize, abbreviations: bool) -> Option<(u8, bool, usize)> {
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

    pub(super) fn day_at(&self, i: usize, words: bool) -> Option<(u8, usize)> {
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

    pub(super) fn year_at(&self, i: usize) -> Option<(i32, usize)> {
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

    pub(super) fn skip_date_joiners(&self, mut i: usize) -> usize {
        for _ in 0..2 {
            match self.word(i) {
                Some(w) if self.lx.date_joiners.iter().any(|j| j == w) => i += 1,
                _ => break,
            }
        }
        i
    }

    /// An optional year after a date: ", 2025" or "de 2025".
    pub(super) fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        let k = if self.punct(i, ",") { i + 1 } else { i };
        let k = self.skip_date_joiners(k);
        self.year_at(k)
    }

    pub(super) fn date_day_first(&self, i: usize) -> Option<(NumberMention, usize)> {
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

    pub(super) fn date_month_first(&self, i: usize) -> Option<(NumberMention, usize)> {
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
                // A lone abbreviation is a month only where the text says so.
                return self.lone_abbreviation(i, k).then(|| {
                    let mut m = self.mention(i, k, f64::from(month), NumberKind::Month(month));
                    m.weak = true;
                    (m, k)
                });
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

    /// Whether the month abbreviation in tokens `i..k` stands for a month:
    /// in a list of months ("jan, fev, mar"), or alone as a label ("Dec.")
    /// unless it is also a number word (pt "dez" is ten too).
    fn lone_abbreviation(&self, i: usize, k: usize) -> bool {
        // Another month that is not a number word too ("dez ... dez").
        let other_month = (0..self.toks.len())
            .filter(|&j| j < i || j >= k)
            .filter(|&j| self.word(j).is_some_and(|w| !self.lx.is_number_word(w)))
            .any(|j| self.month_at(j, true).is_some());
        if other_month {
            return true;
        }
        let (Some(first), Some(last)) = (self.tok(i), k.checked_sub(1).and_then(|e| self.tok(e)))
        else {
            return false;
        };
        let alone =
            self.text[..first.start].trim().is_empty() && self.text[last.end..].trim().is_empty();
        alone && self.word(i).is_some_and(|w| !self.lx.is_number_word(w))
    }

    /// "November 18-19, 2024": the year after a range of days belongs to
    /// both dates.
    pub(super) fn attach_years(&self, ms: &mut Vec<NumberMention>) {
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
}

/// A twelve-hour time (`base` minutes, its hour 1-12) as minutes after
/// midnight; `None` for an hour no twelve-hour clock shows.
fn to_24_hour(base: u32, pm: bool) -> Option<u32> {
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
    Some(hh * 60 + mm)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::test_support::*;

    #[test]
    fn capitalised_month_mid_sentence_is_weak_in_lower_case_languages() {
        assert!(one("o Rio de Janeiro", &pt()).weak);
        assert!(!one("Janeiro foi quente.", &pt()).weak);
        assert!(!one("em janeiro", &pt()).weak);
    }

    #[test]
    fn a_seconds_mark_between_digits_is_a_decimal_race_time() {
        assert_eq!(strong("correu em 9s98", &pt()), [9.98]);
        assert_eq!(strong("a marca de 10s04.", &pt()), [10.04]);
        assert_eq!(strong("com 20s5", &pt()), [20.5]);
        // Without the profile's mark, or glued to more letters, it is not.
        assert_ne!(strong("correu em 9s98", &en()), [9.98]);
        assert_ne!(strong("modelo 9s98x", &pt()), [9.98]);
    }

    #[test]
    fn decades_in_the_plural_read_their_first_decade() {
        let m = &extract("entre as décadas de 1950 e 1990", &pt())[0];
        assert_eq!((m.value, &m.kind), (1950.0, &NumberKind::Decade));
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
        for (text, minutes) in [
            ("à 14 h 30", 870),
            ("à 14h30", 870),
            ("à 9h", 540),
            ("à 20 h. 30 ils", 1230),
        ] {
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
        // Without the word, "14.30" stays a number (and so in English
        // without a.m. or p.m.).
        assert_eq!(one("rose 9.30 points", &en()).value, 9.3);
        let found = extract("Der Kurs lag bei 14.30 Punkten", &de);
        assert!(
            found
                .iter()
                .all(|m| !matches!(m.kind, NumberKind::Time { .. }))
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
    fn times() {
        let t = |m: u32| m;
        for (s, p, minutes) in [
            ("às 14h30", pt(), t(870)),
            ("às 14h", pt(), t(840)),
            ("at 2:30 p.m.", en(), t(870)),
            ("at 2 p.m.", en(), t(840)),
            ("at 10am", en(), t(600)),
            ("at 12 a.m.", en(), t(0)),
            // British style: a dot between hours and minutes.
            ("at 9.30am", en(), t(570)),
            ("at 7.45 p.m.", en(), t(1185)),
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
    fn a_possessive_weekday_is_the_weekday() {
        let friday = NumberKind::Weekday(4);
        assert_eq!(one("closed Friday's session", &en()).kind, friday);
        assert_eq!(one("closed Friday’s session", &en()).kind, friday);
        assert_eq!(one("on Friday", &en()).kind, friday);
    }

    #[test]
    fn every_profile_reads_its_week_in_order() {
        // Index modulo 7 is the day: a name out of place shifts the week.
        for code in ["pt", "en", "es", "fr", "de", "it"] {
            let p = Profile::builtin(code);
            for (k, day) in p.numbers.weekdays.iter().take(7).enumerate() {
                let m = one(&format!("x {day} y"), &p);
                assert_eq!(m.kind, NumberKind::Weekday(k as u8), "{code}: {day}");
            }
        }
        let de = Profile::builtin("de");
        assert_eq!(one("am Sonntag", &de).kind, NumberKind::Weekday(6));
        assert_eq!(one("am Sonnabend", &de).kind, NumberKind::Weekday(5));
    }

    #[test]
    fn day_in_brackets_after_weekday() {
        // Both weak: the weekday and the day of the month.
        let ms = extract("nesta quinta-feira (30), o ministério", &pt());
        let read: Vec<_> = ms
            .iter()
            .map(|m| (m.kind.clone(), m.raw.as_str(), m.weak))
            .collect();
        assert_eq!(
            read,
            [
                (NumberKind::Weekday(ms[0].value as u8), "quinta-feira", true),
                (NumberKind::Day(30), "30", true)
            ]
        );
        assert_eq!(strong("a lista (30)", &pt()), [30.0]);
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
        // Not a date: a season of two years.
        assert_eq!(strong("2024/25", &pt()), [2024.0, 2025.0]);
    }

    #[test]
    fn an_iso_date_reads_in_every_language() {
        let d = |month, day, year| NumberKind::Date {
            month,
            day: Some(day),
            year,
        };
        assert_eq!(one("on 2017-05-31", &en()).kind, d(5, 31, Some(2017)));
        assert_eq!(one("em 2017-05-31", &pt()).kind, d(5, 31, Some(2017)));
        assert_eq!(one("em 2017-05-31", &pt()).raw, "2017-05-31");
        // Not dates: a month 13, a span of years, a spaced range.
        for not in ["2017-13-01", "2017-2018", "2017 - 05 - 31"] {
            assert!(
                extract(not, &en())
                    .iter()
                    .all(|m| !matches!(m.kind, NumberKind::Date { .. })),
                "{not}"
            );
        }
    }

    #[test]
    fn a_full_date_valid_only_the_other_way_round_reads_that_way() {
        let d = |month, day, year| NumberKind::Date {
            month,
            day: Some(day),
            year,
        };
        assert_eq!(one("on 30/10/2025", &en()).kind, d(10, 30, Some(2025)));
        assert_eq!(one("em 10/30/2025", &pt()).kind, d(10, 30, Some(2025)));
        // Ambiguous dates keep the profile's order; no year, no swap.
        assert_eq!(one("on 05/03/2026", &en()).kind, d(5, 3, Some(2026)));
        assert!(
            extract("on 30/10", &en())
                .iter()
                .all(|m| !matches!(m.kind, NumberKind::Date { .. }))
        );
    }

    #[test]
    fn a_dotted_triple_with_short_parts_is_no_date() {
        let d = |month, day, year| NumberKind::Date {
            month,
            day: Some(day),
            year,
        };
        assert_eq!(one("em 05.08.24", &pt()).kind, d(8, 5, Some(2024)));
        assert_eq!(one("em 5.8.2024", &pt()).kind, d(8, 5, Some(2024)));
        for version in ["a versão 2.4.30", "a versão 2.4.17", "a versão 10.1.12"] {
            let found = extract(version, &pt());
            assert!(
                found
                    .iter()
                    .all(|m| !matches!(m.kind, NumberKind::Date { .. })),
                "{version}: {found:?}"
            );
        }
    }

    #[test]
    fn a_month_abbreviation_alone_needs_context() {
        let months = extract("jan, fev, mar, dez", &pt());
        assert_eq!(months.len(), 4, "{months:?}");
        assert!(months.iter().all(|m| m.weak));
        assert_eq!(months[3].kind, NumberKind::Month(12));
        // "dez" is ten too: alone or in prose it is the number.
        assert_eq!(strong("dez", &pt()), [10.0]);
        assert_eq!(strong("Foram dez pessoas.", &pt()), [10.0]);
        assert_eq!(strong("dez vacas e dez novilhos", &pt()), [10.0, 10.0]);
        // A label that is only a month abbreviation is a (weak) month.
        let m = one("Dec.", &en());
        assert_eq!((m.kind, m.weak), (NumberKind::Month(12), true));
        assert!(extract("a dec of cards", &en()).is_empty());
    }
}
