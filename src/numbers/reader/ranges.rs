//! Ranges and neighbours: "3 a 5 milhões", "18-19 de novembro", years
//! after a range of days, number words inside set phrases.

use super::Reader;
use crate::numbers::lexicon::start;
use crate::numbers::{NumberKind, NumberMention};

impl Reader<'_> {
    /// "3 a 5 milhões" means 3 million to 5 million; "3 a 5%" two percentages.
    pub(super) fn spread_over_ranges(&self, ms: &mut [NumberMention]) {
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
            spread(a, b);
        }
    }

    /// "1952/53", "safra 2025/26", "1939-45": two digits after a year and a
    /// slash or dash are the later year of the same century (or the next,
    /// "1999/00"), at most ten years on.
    pub(super) fn expand_year_ranges(&self, ms: &mut [NumberMention]) {
        for k in 1..ms.len() {
            let (a, b) = ms.split_at_mut(k);
            let (Some(a), Some(b)) = (a.last(), b.first_mut()) else {
                continue;
            };
            let between = self.raw(a.end, b.start);
            // A suffix the range takes as a whole (`1920-29th`) aside.
            let digits = b.raw.trim_end_matches(|c: char| !c.is_ascii_digit());
            let two_digits = digits.len() == 2 && digits.bytes().all(|c| c.is_ascii_digit());
            if a.kind != NumberKind::Year
                || b.kind != NumberKind::Plain
                || !two_digits
                || !matches!(between, "/" | "-" | "–")
            {
                continue;
            }
            let year = a.value as i64;
            let mut later = year - year % 100 + b.value as i64;
            if later <= year {
                later += 100;
            }
            if later - year <= 10 {
                b.value = later as f64;
                b.kind = NumberKind::Year;
            }
        }
    }

    pub(super) fn is_range_between(&self, start: usize, end: usize) -> bool {
        let between = self.raw(start, end).trim().to_lowercase();
        between.chars().count() == 1 && between.chars().all(|c| matches!(c, '-' | '–' | '—' | '‐'))
            || self.lx.range_words.contains(&between)
    }

    /// Number words inside phrases like "one of" or "os dois" become weak.
    pub(super) fn mark_ambiguous_phrases(&self, ms: &mut [NumberMention]) {
        // A fraction read after a word ("uma vez e meia") makes it a
        // quantity, not the "uma vez" of "once".
        // An ordinal in digits too: "13º salário" may be a year-end bonus.
        let marks = |m: &NumberMention| {
            (m.words || m.kind == NumberKind::Ordinal)
                && m.scale.is_none()
                && (m.value.fract() == 0.0 || m.kind == NumberKind::Fraction)
        };
        if self.lx.ambiguous_phrases.is_empty() || !ms.iter().any(marks) {
            return;
        }
        let mut spans = Vec::new();
        for i in 0..self.toks.len() {
            let starts = self.lx.starts.get(&self.toks[i].lower).copied();
            if starts.unwrap_or(0) & start::AMBIGUOUS_PHRASE == 0 {
                continue;
            }
            for p in &self.lx.ambiguous_phrases {
                if let Some(n) = self.phrase_at(i, p) {
                    let start = self.toks[i].start;
                    let end = self.tok(n - 1).map_or(start, |t| t.end);
                    spans.push((start, end));
                }
            }
        }
        for m in ms.iter_mut() {
            if marks(m) && spans.iter().any(|&(s, e)| m.start < e && s < m.end) {
                m.weak = true;
            }
        }
    }
}

/// One range "a to b" read as a whole: a day beside a date is a date of
/// the same month ("18 e 19 de novembro", "November 18-19"); else a plain
/// first number takes the second's scale and unit ("3 a 5 milhões",
/// "3 a 5%").
fn spread(a: &mut NumberMention, b: &mut NumberMention) {
    if date_beside(a, b) || date_beside(b, a) {
        return;
    }
    if a.kind != NumberKind::Plain {
        return;
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

/// Makes `m` a date of `date`'s month and year when `date` has a day and
/// `m` is a bare day number; whether it did.
fn date_beside(m: &mut NumberMention, date: &NumberMention) -> bool {
    if let NumberKind::Date {
        month,
        day: Some(_),
        year,
    } = date.kind
        && let Some(d) = range_day(m)
    {
        m.kind = NumberKind::Date {
            month,
            day: Some(d),
            year,
        };
        m.value = 0.0;
        return true;
    }
    false
}

/// A plain whole number 1-31 written in digits: possibly a day.
fn range_day(m: &NumberMention) -> Option<u8> {
    (m.kind == NumberKind::Plain
        && m.scale.is_none()
        && m.digits
            .as_ref()
            .is_some_and(|d| d.decimal_sep.is_none() && d.group_sep.is_none())
        && (1.0..=31.0).contains(&m.value))
    .then_some(m.value as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::test_support::*;

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
    fn two_digits_after_a_year_are_the_later_year() {
        let years = |t: &str, p: &Profile| {
            extract(t, p)
                .into_iter()
                .map(|m| (m.value, m.kind == NumberKind::Year))
                .collect::<Vec<_>>()
        };
        let both = [(1952.0, true), (1953.0, true)];
        assert_eq!(years("no inverno de 1952/53", &pt()), both);
        assert_eq!(years("in the winter 1952-53", &en()), both);
        assert_eq!(years("safra 2025/26", &pt())[1], (2026.0, true));
        assert_eq!(years("the 1999/00 season", &en())[1], (2000.0, true));
        // Not a year range: a page after a year, a number too far on.
        assert_eq!(years("1956, p. 53", &en())[1], (53.0, false));
        assert_eq!(years("1952/75", &en())[1], (75.0, false));
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
}
