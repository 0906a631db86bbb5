//! Pairing the mentions of a link: same values first, then conversions,
//! the other convention, weak words, vague quantities, dates in pieces.

use super::context::{close, hedged, in_base};
use super::{Side, Sides, approx, is_numeric, magnitude};
use crate::numbers::{NumberKind, NumberMention};
use crate::profile::Profile;

/// [`Sides::match_one_unit`] one way: strong quantities of `a` against an
/// article or a weak "one" with a unit on side `b`.
fn one_unit(a: Side, au: &mut [bool], b: Side, bu: &mut [bool]) {
    for (k, m) in a.ms.iter().enumerate() {
        if au[k] || m.weak || !is_numeric(&m.kind) {
            continue;
        }
        let Some((unit, _)) = a.unit(k) else {
            continue;
        };
        let base = in_base(m.value, unit);
        let is_one = |u: &crate::profile::Unit| {
            u.dimension == unit.dimension
                && u.offset == 0.0
                && !approx(u.factor, unit.factor)
                && close(base, in_base(1.0, u))
        };
        // "um ano": the other side's weak word for one, before its unit.
        let weak_one = (0..b.ms.len()).find(|&j| {
            let w = &b.ms[j];
            !bu[j] && w.weak && approx(w.value, 1.0) && b.unit(j).is_some_and(|(u, _)| is_one(u))
        });
        if let Some(j) = weak_one {
            bu[j] = true;
            au[k] = true;
            continue;
        }
        // "a year": an article, which is no number mention.
        au[k] = b.p.numbers.units.iter().any(|(key, u)| {
            is_one(u)
                && b.p
                    .numbers
                    .articles
                    .iter()
                    .any(|art| has_phrase(b.text, &format!("{art} {key}")))
        });
    }
}

/// [`Sides::match_compound_units`] one way: a quantity of `a` against two
/// numbers of `b` in one dimension, the second right after the first's unit
/// and in a smaller unit.
fn compound_unit(a: Side, au: &mut [bool], b: Side, bu: &mut [bool]) {
    for (j, pair) in b.ms.windows(2).enumerate() {
        let (x, y) = (&pair[0], &pair[1]);
        if bu[j] || bu[j + 1] || x.weak || y.weak {
            continue;
        }
        let (Some((ux, wx)), Some((uy, _))) = (b.unit(j), b.unit(j + 1)) else {
            continue;
        };
        let between = b.text.get(x.end..y.start).map(str::trim);
        if ux.dimension != uy.dimension
            || uy.factor >= ux.factor
            || between != Some(wx)
            || ux.offset != 0.0
        {
            continue;
        }
        let sum = in_base(x.value, ux) + in_base(y.value, uy);
        let hit = (0..a.ms.len()).find(|&k| {
            let m = &a.ms[k];
            !au[k]
                && !m.weak
                && a.unit(k).is_some_and(|(u, _)| {
                    u.dimension == ux.dimension && close(in_base(m.value, u), sum)
                })
        });
        if let Some(k) = hit {
            au[k] = true;
            bu[j] = true;
            bu[j + 1] = true;
        }
    }
}

/// Whether `text` holds `phrase` (lower case) as whole words, in any case.
fn has_phrase(text: &str, phrase: &str) -> bool {
    let lower = text.to_lowercase();
    lower.match_indices(phrase).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A date whose month, day and year all appear, unused, on the other side
/// ("no dia 4, em março" against "on March 4").
pub(super) fn match_date_pieces(
    dates: &[NumberMention],
    du: &mut [bool],
    others: &[NumberMention],
    ou: &mut [bool],
) {
    for (i, d) in dates.iter().enumerate() {
        if du[i] {
            continue;
        }
        let (month, day, year) = match d.kind {
            NumberKind::Date { month, day, year } => (month, day, year),
            _ => continue,
        };
        let mut taken: Vec<usize> = Vec::new();
        let find = |pred: &dyn Fn(&NumberMention) -> bool, taken: &mut Vec<usize>| {
            let k = (0..others.len()).find(|&k| !ou[k] && !taken.contains(&k) && pred(&others[k]));
            if let Some(k) = k {
                taken.push(k);
            }
            k.is_some()
        };
        let mut ok = find(
            &|m| matches!(m.kind, NumberKind::Month(x) if x == month),
            &mut taken,
        );
        if let Some(dd) = day {
            ok &= find(
                &|m| {
                    (is_numeric(&m.kind) || matches!(m.kind, NumberKind::Day(_)))
                        && approx(m.value, f64::from(dd))
                },
                &mut taken,
            );
        }
        if let Some(y) = year {
            ok &= find(
                &|m| is_numeric(&m.kind) && approx(m.value, f64::from(y)),
                &mut taken,
            );
        }
        if ok {
            du[i] = true;
            for k in taken {
                ou[k] = true;
            }
        }
    }
}

/// Pairs unmatched strong mentions of one link's source with those of
/// another link's target.
pub(super) fn rescue(
    src: &[NumberMention],
    su: &mut [bool],
    tgt: &[NumberMention],
    tu: &mut [bool],
) {
    for (i, s) in src.iter().enumerate() {
        if su[i] || s.weak {
            continue;
        }
        if let Some(j) = (0..tgt.len()).find(|&j| !tu[j] && !tgt[j].weak && same(s, &tgt[j])) {
            su[i] = true;
            tu[j] = true;
        }
    }
}

/// "am 23. Mai" as "le 23 mai 1956", "1956" as "avril 1956": `a` says
/// no more than `b` of one date, and all it says agrees; the other side
/// alone naming the year or the month is context, not a change.
fn partial_date(a: &NumberMention, b: &NumberMention) -> bool {
    use NumberKind::*;
    match (&a.kind, &b.kind) {
        (
            Date {
                month: m1,
                day: Some(d1),
                year: None,
            },
            Date {
                month: m2,
                day: Some(d2),
                year: Some(_),
            },
        ) => m1 == m2 && d1 == d2,
        (
            Year,
            Date {
                day: None,
                year: Some(y),
                ..
            },
        ) => approx(a.value, f64::from(*y)),
        _ => false,
    }
}

/// Whether two mentions say the same thing.
pub(super) fn same(a: &NumberMention, b: &NumberMention) -> bool {
    use NumberKind::*;
    match (&a.kind, &b.kind) {
        (
            Date {
                month: m1,
                day: d1,
                year: y1,
            },
            Date {
                month: m2,
                day: d2,
                year: y2,
            },
        ) => m1 == m2 && d1 == d2 && y1 == y2,
        (Month(m1), Month(m2)) => m1 == m2,
        (Version(v1), Version(v2)) => v1 == v2,
        (Weekday(d1), Weekday(d2)) => d1 == d2,
        (Day(d), Date { day: Some(x), .. }) | (Date { day: Some(x), .. }, Day(d)) => d == x,
        (Day(d1), Day(d2)) => d1 == d2,
        (Day(_), k) | (k, Day(_)) if is_numeric(k) => approx(a.value, b.value),
        (Time { .. }, Time { .. }) => same_time(a, b),
        (Time { .. }, k) if is_numeric(k) => time_hour_matches(a, b.value),
        (k, Time { .. }) if is_numeric(k) => time_hour_matches(b, a.value),
        (Vague, Vague) => magnitude(a.value) == magnitude(b.value),
        (Decade, Decade) => approx(a.value % 100.0, b.value % 100.0),
        (Decade, k) | (k, Decade) if is_numeric(k) => approx(a.value, b.value),
        // "ver um terceiro" as "see a third": a fraction's word alone
        // (weak) may be the ordinal, from third on ("second" is no half).
        (Ordinal, Fraction) if b.weak && b.words && a.value >= 3.0 => {
            approx(1.0 / a.value, b.value)
        }
        (Fraction, Ordinal) if a.weak && a.words && b.value >= 3.0 => {
            approx(a.value, 1.0 / b.value)
        }
        // "metade" as "50%", "um terço" as "33%".
        (Fraction, Percent) => (a.value * 100.0 - b.value).abs() <= 0.5,
        (Percent, Fraction) => (b.value * 100.0 - a.value).abs() <= 0.5,
        // A share is never an amount of money: "15%" and "R$ 15" are two
        // different numbers that happen to agree.
        (Percent | PercentagePoints, Currency(_)) | (Currency(_), Percent | PercentagePoints) => {
            false
        }
        (k1, k2) if is_numeric(k1) && is_numeric(k2) => approx(a.value, b.value),
        _ => false,
    }
}

pub(super) fn time_minutes(m: &NumberMention) -> Option<(u32, bool)> {
    match m.kind {
        NumberKind::Time {
            minutes,
            twelve_hour,
        } => Some((minutes, twelve_hour)),
        _ => None,
    }
}

pub(super) fn same_time(a: &NumberMention, b: &NumberMention) -> bool {
    let (Some((x, tx)), Some((y, ty))) = (time_minutes(a), time_minutes(b)) else {
        return false;
    };
    let day = 24 * 60;
    let half = 12 * 60;
    x % day == y % day || ((tx || ty) && (x % half == y % half))
}

/// "às 14 horas" against "at 2 p.m.": a plain number may be the hour.
pub(super) fn time_hour_matches(t: &NumberMention, v: f64) -> bool {
    let Some((minutes, _)) = time_minutes(t) else {
        return false;
    };
    if minutes % 60 != 0 || v.fract() != 0.0 || !(0.0..=24.0).contains(&v) {
        return false;
    }
    let h = minutes / 60;
    let v = v as u32;
    v == h || v % 12 == h % 12
}

/// The month a word abbreviates in a profile (pt "dez": 12).
fn abbreviated_month(word: &str, p: &Profile) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    p.numbers
        .month_abbreviations
        .iter()
        .position(|a| a.split('|').any(|x| x.to_lowercase() == w))
        .map(|i| (i + 1).min(12) as u8)
}

impl Sides<'_> {
    /// Matches the mentions of the link against each other, step by step
    /// from the surest pairing to the loosest.
    pub(super) fn match_within(&mut self) {
        let mut su = std::mem::take(&mut self.su);
        let mut tu = std::mem::take(&mut self.tu);
        // 1. Strong against strong, of one kind first: the "3.º" of "3.º
        // lugar" is the "third" of "third place", not the 3 of a 3-1 score.
        let strong = |s: &NumberMention, t: &NumberMention| !s.weak && !t.weak && same(s, t);
        let mut pairs = self.pass(&mut su, &mut tu, |s, t| s.kind == t.kind && strong(s, t));
        pairs.extend(self.pass(&mut su, &mut tu, strong));
        // 1b. A quantity converted to another unit, two units first (1,85
        // m as 6ft 1in, not as its 6ft alone), then one (10 km as 6.2
        // miles), or to one of a bigger unit named by an article (12 meses
        // as "a year").
        self.match_compound_units(&mut su, &mut tu);
        self.match_conversions(&mut su, &mut tu);
        let converted = self.match_rate_conversions(&mut su, &mut tu);
        self.match_one_unit(&mut su, &mut tu);
        // 2. A target number that reads right only in the other convention.
        self.match_other_convention(&mut su, &mut tu);
        // 3. Times against times first: "das 9h" is "from 9 a.m.", which
        // the "nove" of another clause must not take for its hour.
        let time = |m: &NumberMention| matches!(m.kind, NumberKind::Time { .. });
        self.pass(&mut su, &mut tu, |s, t| time(s) && time(t) && same(s, t));
        // Then strong against weak, either way, then weak against weak.
        pairs.extend(self.pass(&mut su, &mut tu, |s, t| s.weak != t.weak && same(s, t)));
        // Weak pairs only confirm, but "duas vezes por semana" as "twice a
        // month" is a changed rate all the same.
        let weak = self.pass(&mut su, &mut tu, |s, t| s.weak && t.weak && same(s, t));
        // A rate converted keeps its money: R$ as $ is still a change.
        pairs.extend(converted);
        self.match_month_words(&mut su, &mut tu);
        self.match_approximate(&mut su, &mut tu);
        // 4. A date on one side written as separate pieces on the other.
        match_date_pieces(&self.src, &mut su, &self.tgt, &mut tu);
        match_date_pieces(&self.tgt, &mut tu, &self.src, &mut su);
        self.match_bare_days(&mut su, &mut tu);
        self.pass(&mut su, &mut tu, |s, t| {
            partial_date(s, t) || partial_date(t, s)
        });
        self.su = su;
        self.tu = tu;
        self.currency_changes(&pairs);
        self.unit_changes(&pairs);
        self.rate_changes(&pairs);
        self.rate_changes(&weak);
        if let Some(lex) = self.lex {
            self.swaps(&pairs, lex);
        }
    }

    /// "dec" as "dez" (ten, and December in pt): a number word that is
    /// also one of its profile's month abbreviations stands for that month
    /// when the other side has it.
    fn match_month_words(&self, su: &mut [bool], tu: &mut [bool]) {
        let (sp, tp) = (self.sp, self.tp);
        let month_word = |m: &NumberMention, p: &Profile| {
            (m.words && m.kind == NumberKind::Plain)
                .then(|| abbreviated_month(&m.raw, p))
                .flatten()
        };
        self.pass(su, tu, |s, t| match (&s.kind, &t.kind) {
            (NumberKind::Month(a), _) => month_word(t, tp) == Some(*a),
            (_, NumberKind::Month(b)) => month_word(s, sp) == Some(*b),
            _ => false,
        });
        // The other side's abbreviation in any case ("dec" for "dez").
        let names_month = |text: &str, p: &Profile, m: u8| {
            crate::text::words(text)
                .iter()
                .any(|w| abbreviated_month(w.text, p) == Some(m))
        };
        for (j, t) in self.tgt.iter().enumerate() {
            if !tu[j] && month_word(t, tp).is_some_and(|m| names_month(self.src_text, sp, m)) {
                tu[j] = true;
            }
        }
        for (i, s) in self.src.iter().enumerate() {
            if !su[i] && month_word(s, sp).is_some_and(|m| names_month(self.tgt_text, tp, m)) {
                su[i] = true;
            }
        }
    }

    /// A quantity converted to another unit (10 km as 6.2 miles).
    fn match_conversions(&self, su: &mut [bool], tu: &mut [bool]) {
        let (src, tgt) = self.sides();
        self.pass_at(su, tu, |i, j| {
            let (s, t) = (&self.src[i], &self.tgt[j]);
            !s.weak
                && !t.weak
                && match (src.unit(i), tgt.unit(j)) {
                    // Only between two units: 408,6 kg as 406.8 kg is a change.
                    (Some((a, _)), Some((b, _))) => {
                        a != b
                            && a.dimension == b.dimension
                            && close(in_base(s.value, a), in_base(t.value, b))
                    }
                    _ => false,
                }
        });
    }

    /// A quantity written in two units on one side, the larger first
    /// (1,85 m as "6ft 1in"): matched, both parts, when the sum converts.
    fn match_compound_units(&self, su: &mut [bool], tu: &mut [bool]) {
        let (src, tgt) = self.sides();
        compound_unit(src, su, tgt, tu);
        compound_unit(tgt, tu, src, su);
    }

    /// A quantity that is exactly one of another unit, written on the
    /// other side with an article or the word for one ("12 meses" as "a
    /// year", "um ano" as "12 months", "24 horas" as "a day"): matched,
    /// either way.
    fn match_one_unit(&self, su: &mut [bool], tu: &mut [bool]) {
        let (src, tgt) = self.sides();
        one_unit(src, su, tgt, tu);
        one_unit(tgt, tu, src, su);
    }

    /// A target number that reads right only in the other convention
    /// ("1.000" in English for a thousand): matched, and reported as
    /// written in the wrong convention.
    fn match_other_convention(&mut self, su: &mut [bool], tu: &mut [bool]) {
        for (j, t) in self.tgt.iter().enumerate() {
            if tu[j] {
                continue;
            }
            let Some(d) = &t.digits else { continue };
            let Some((alt, decimals, grouped)) = d.alt else {
                continue;
            };
            let scale = t.scale.as_ref().map_or(1.0, |s| s.1);
            let alt_value = alt * scale;
            if let Some(i) = (0..self.src.len()).find(|&i| {
                !su[i] && is_numeric(&self.src[i].kind) && approx(self.src[i].value, alt_value)
            }) {
                su[i] = true;
                tu[j] = true;
                // A target language of unknown convention may use either;
                // a style value (`width: 8.11%;`) is code on both sides.
                let s = &self.src[i];
                if self.tp.numbers.decimal.is_empty()
                    || (style_value(self.src_text, s.start, s.end)
                        && style_value(self.tgt_text, t.start, t.end))
                    || self.kept_as_written(t)
                {
                    continue;
                }
                let mut dd = d.clone();
                dd.decimals = decimals;
                dd.group_sep = if grouped { Some(',') } else { None };
                let f = self.convention(Some(i), t, &dd, alt);
                self.findings.push(f);
            }
        }
    }

    /// Near matches: a vague quantity and an exact one of its size, a
    /// hedged percentage and a nearby fraction.
    fn match_approximate(&self, su: &mut [bool], tu: &mut [bool]) {
        // "uma dezena" against "ten", "milhares" against "3,000": a vague
        // quantity confirms an exact one of its size.
        self.pass(su, tu, |s, t| {
            !s.weak
                && !t.weak
                && (s.kind == NumberKind::Vague) != (t.kind == NumberKind::Vague)
                && is_numeric(if s.kind == NumberKind::Vague {
                    &t.kind
                } else {
                    &s.kind
                })
                && magnitude(s.value) == magnitude(t.value)
        });
        // "cerca de 30%" as "nearly a third": a hedged percentage and a
        // fraction a few points apart.
        let (st, tt, sp, tp) = (self.src_text, self.tgt_text, self.sp, self.tp);
        self.pass(su, tu, |s, t| {
            let (pct, frac) = match (&s.kind, &t.kind) {
                (NumberKind::Percent, NumberKind::Fraction) => (s.value, t.value),
                (NumberKind::Fraction, NumberKind::Percent) => (t.value, s.value),
                _ => return false,
            };
            (hedged(st, s.start, sp) || hedged(tt, t.start, tp))
                && (frac * 100.0 - pct).abs() <= 0.15 * pct.max(frac * 100.0)
        });
    }

    /// "no último dia 30" as "on Jan. 30": the translation may name the
    /// month the source leaves to context (not the other way round).
    fn match_bare_days(&self, su: &mut [bool], tu: &mut [bool]) {
        for (j, t) in self.tgt.iter().enumerate() {
            let NumberKind::Date { day: Some(d), .. } = t.kind else {
                continue;
            };
            if tu[j] {
                continue;
            }
            let src_has_month = (0..self.src.len()).any(|i| {
                !su[i]
                    && matches!(
                        self.src[i].kind,
                        NumberKind::Month(_) | NumberKind::Date { .. }
                    )
            });
            if src_has_month {
                continue;
            }
            if let Some(i) = (0..self.src.len()).find(|&i| {
                !su[i]
                    && matches!(self.src[i].kind, NumberKind::Plain | NumberKind::Ordinal)
                    && self.src[i].digits.is_some()
                    && approx(self.src[i].value, f64::from(d))
            }) {
                su[i] = true;
                tu[j] = true;
            }
        }
    }
}

/// Whether `text[start..end]` is the value of a style declaration: after
/// `name:` and before an optional unit and `;` (`width: 38.92%;`).
pub(super) fn style_value(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
        return false;
    };
    let after = after.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '%');
    before.trim_end().ends_with(':') && after.trim_start().starts_with(';')
}

#[cfg(test)]
mod tests {
    use super::super::NumberCheck;
    use super::super::tests::*;
    use crate::checks::testutil::Fixture;

    #[test]
    fn a_style_value_keeps_its_decimal_point() {
        let errs = |s: &str, t: &str| {
            langs("en", "pt", s, t)
                .into_iter()
                .filter(|f| f.severity == crate::finding::Severity::Error)
                .count()
        };
        assert_eq!(errs("width: 38.92%;", "largura: 38.92%;"), 0);
        assert_eq!(
            errs(
                "margin: 1.5em; width: 8.11%;",
                "margem: 1.5em; largura: 8.11%;"
            ),
            0
        );
        // In prose the target writes its own decimal comma.
        assert_eq!(errs("The width is 38.92%.", "A largura é 38.92%."), 1);
    }

    #[test]
    fn number_moved_to_the_next_link_by_alignment_is_not_reported() {
        let f = Fixture::links(&[
            (
                &["Foram 3 gols.", "O jogo acabou 2 a 1."],
                &["There were 3 goals. The game ended"],
            ),
            (&["Depois, festa."], &["2-1. Then, a party."]),
        ])
        .run(&NumberCheck);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn translation_may_name_the_month_of_a_bare_day() {
        clean(
            "O acordo foi assinado no último dia 30.",
            "The deal was signed on Jan. 30.",
        );
        let f = errors(
            "O acordo foi assinado em 5 de março.",
            "The deal was signed on the 5th.",
        );
        assert!(!f.is_empty());
    }

    #[test]
    fn an_ordinal_read_from_its_noun_pairs_only_with_an_ordinal() {
        let e = errors(
            "O atleta, que estreava na prova, superou em 41 segundos a marca.",
            "The athlete, running the race for the first time, beat the mark by 14 seconds.",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].message.contains("41") && e[0].message.contains("14"),
            "{e:?}"
        );
        let e = errors(
            "Ele notou que um terço dos finalistas eram estreantes.",
            "He noted that a quarter of the finalists were first-time authors.",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].message.contains("a quarter"), "{e:?}");
    }

    #[test]
    fn an_ordinal_may_be_said_as_a_fraction_word() {
        clean(
            "Nunca pensei ver um terceiro, contou.",
            "I never thought I'd see a third, she said.",
        );
        assert_eq!(
            errors(
                "Nunca pensei ver um terceiro, contou.",
                "I never thought I'd see a fourth, she said."
            )
            .len(),
            1
        );
        // The second half of a year is no half.
        assert_eq!(
            errors(
                "Vai aliviar a partir do segundo semestre.",
                "It will ease from the first half."
            )
            .len(),
            1
        );
    }

    #[test]
    fn fractions_match_percentages() {
        clean("Metade dos eleitores votou.", "50% of voters voted.");
        clean("Um terço dos eleitores votou.", "33% of voters voted.");
        clean(
            "Dois terços dos eleitores votaram.",
            "About 67% of voters voted.",
        );
        assert_eq!(
            errors("Metade dos eleitores votou.", "40% of voters voted.").len(),
            1
        );
    }

    #[test]
    fn vague_matches_exact_of_its_size() {
        clean(
            "Uma dezena de pessoas ficou ferida.",
            "Ten people were injured.",
        );
        clean("Meio milhão de pessoas.", "Half a million people.");
        clean("Meio milhão de pessoas.", "500,000 people.");
    }

    #[test]
    fn numeric_dates_and_basis_points() {
        clean(
            "A lei entrou em vigor em 15/08/2024.",
            "The law took effect on Aug. 15, 2024.",
        );
        clean(
            "O Copom cortou a Selic em 0,25 ponto percentual.",
            "Copom cut the Selic by 25 basis points.",
        );
        let f = errors(
            "A lei entrou em vigor em 15/08/2024.",
            "The law took effect on Aug. 16, 2024.",
        );
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn weekday_day_in_brackets() {
        clean(
            "O ministério informou nesta quinta-feira (30) que 5 vagas foram criadas.",
            "The ministry said on Thursday that 5 jobs were created.",
        );
        clean(
            "O ministério informou nesta quinta-feira (30) que 5 vagas foram criadas.",
            "The ministry said on Thursday, January 30, that 5 jobs were created.",
        );
    }

    #[test]
    fn a_share_and_an_amount_swapped_are_both_changes() {
        let f = errors(
            "Economize 15% em pedidos acima de R$ 50.",
            "Save 50% on orders over R$15.",
        );
        assert_eq!(f.len(), 2, "{f:#?}");
        clean(
            "Economize 15% em pedidos acima de R$ 50.",
            "Save 15% on orders over R$50.",
        );
    }

    #[test]
    fn weekday_before_a_bracketed_day_is_still_compared() {
        let f = errors(
            "A greve chegou nesta terça-feira (13) ao 12º dia.",
            "The strike reached its 12th day on Wednesday (13).",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("weekday"), "{f:?}");
        clean(
            "A greve chegou nesta terça-feira (13) ao 12º dia.",
            "The strike reached its 12th day on Tuesday (13).",
        );
    }

    #[test]
    fn an_ordinal_pairs_with_an_ordinal_before_a_plain_number() {
        let pt = "Venceu por 2 a 1 e subiu para o 3.º lugar.";
        let f = errors(pt, "They won 3-1 and moved up to third place.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("2 in the source, 3 in the target"),
            "{f:#?}"
        );
        clean(pt, "They won 2-1 and moved up to third place.");
    }

    #[test]
    fn roman_numerals_confirm() {
        clean(
            "No século 21, tudo mudou.",
            "In the 21st century, everything changed.",
        );
        clean(
            "No século XXI, tudo mudou.",
            "In the 21st century, everything changed.",
        );
    }

    #[test]
    fn a_changed_roman_numeral_after_a_title_or_name_is_an_error() {
        clean("O Papa Leão XIV chegou.", "Pope Leo XIV arrived.");
        clean("Ficavam no Lager IV.", "They were held in camp 4.");
        clean(
            "O prédio é do século XX.",
            "The building is from the 20th century.",
        );
        for (s, t) in [
            ("O Papa Leão XIV chegou.", "Pope Leo XIII arrived."),
            ("O ensaio está na Fase II.", "The trial is in Phase III."),
            ("Ficavam no Lager IV.", "They were held in camp 5."),
        ] {
            assert_eq!(errors(s, t).len(), 1, "{t}");
        }
        // Letters, not numerals: no value to compare.
        clean("Camisas de tamanho XL.", "Shirts in size L.");
    }

    #[test]
    fn energy_given_as_power_is_an_error() {
        clean("A produção atingiu 7.480 GWh.", "Output reached 7,480 GWh.");
        clean(
            "A potência chegou aos 6.500 MW.",
            "Capacity reached 6,500 MW.",
        );
        assert_eq!(
            errors("A produção atingiu 7.480 GWh.", "Output reached 7,480 MW.").len(),
            1
        );
    }

    #[test]
    fn a_zero_fare_rendered_free_is_no_missing_number() {
        clean(
            "Goiânia terá tarifa zero aos domingos.",
            "Goiânia to offer free bus fares on Sundays.",
        );
    }

    #[test]
    fn a_changed_frequency_unit_is_an_error() {
        clean("Tela de 120 Hz.", "A 120 Hz screen.");
        assert_eq!(errors("Tela de 120 Hz.", "A 120 kHz screen.").len(), 1);
    }

    #[test]
    fn a_vulgar_fraction_is_its_value() {
        clean(
            "A viagem durou 1 ½ hora.",
            "The trip took one and a half hours.",
        );
        clean("A reunião durou 1½ hora.", "The meeting lasted 1.5 hours.");
        let f = errors(
            "A viagem durou 1 ½ hora.",
            "The trip took two and a half hours.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn weak_words_confirm_but_never_report() {
        clean("Uma pessoa morreu.", "One person died.");
        clean("1 pessoa morreu.", "One person died.");
        clean("No one came.", "Ninguém veio.");
        // A weak word does not hide a real change.
        let f = errors("Segundo ele, 5 morreram.", "According to him, 6 died.");
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn six_months_may_be_half_a_year() {
        clean(
            "Condenado a 9 anos e 6 meses de prisão.",
            "Sentenced to nine and a half years in prison.",
        );
        // Other months are not a half.
        assert!(
            !errors(
                "Condenado a 9 anos e 4 meses.",
                "Sentenced to nine and a half years."
            )
            .is_empty()
        );
        // Six of something else is not a half.
        assert!(!errors("Ganhou 9 jogos e 6 empates.", "Won nine and a half games.").is_empty());
    }

    #[test]
    fn a_hedged_percentage_may_be_a_nearby_fraction() {
        clean(
            "Cerca de 30% dos eleitores ainda não decidiram.",
            "Nearly a third of voters have yet to decide.",
        );
        // Unhedged, or too far apart: still a change.
        assert!(
            !errors(
                "Exatamente 30% dos eleitores.",
                "Exactly a third of voters."
            )
            .is_empty()
        );
        assert!(!errors("Cerca de 20% dos eleitores.", "Nearly a third of voters.").is_empty());
    }

    #[test]
    fn one_of_a_bigger_unit_named_by_an_article_matches() {
        clean(
            "Os preços subiram 12% em 12 meses.",
            "Prices rose 12% in a year.",
        );
        clean("O prazo é de 24 horas.", "The deadline is a day.");
        clean("A pena é de um ano.", "The sentence is 12 months.");
        clean("Ele ficou uma semana.", "He stayed seven days.");
        // Another quantity is still a change.
        assert!(
            !errors(
                "Os preços subiram 12% em 10 meses.",
                "Prices rose 12% in a year."
            )
            .is_empty()
        );
        assert!(!errors("O prazo é de 12 horas.", "The deadline is a day.").is_empty());
    }

    #[test]
    fn a_quarter_of_the_year_is_three_months() {
        clean(
            "O desemprego caiu no trimestre encerrado em setembro.",
            "Unemployment fell in the three months to September.",
        );
        clean(
            "O PIB cresceu no terceiro trimestre.",
            "GDP grew in the third quarter.",
        );
        clean(
            "A análise termina no primeiro semestre.",
            "The review ends in the first half of the year.",
        );
        clean(
            "Em um trimestre, o número dobrou.",
            "In one quarter, the number doubled.",
        );
    }

    #[test]
    fn double_is_two_times() {
        clean(
            "O custo foi o dobro do previsto.",
            "The cost was twice the forecast.",
        );
        clean(
            "O custo foi o dobro do previsto.",
            "The cost was double the forecast.",
        );
        clean(
            "O custo foi o dobro do previsto.",
            "The cost was two times the forecast.",
        );
        clean(
            "O valor chegou a mais do dobro.",
            "The figure reached more than double.",
        );
    }

    #[test]
    fn triple_is_three_times() {
        clean(
            "Foram 1,5 milhão de afetados, o triplo de 2022.",
            "1.5 million were affected, three times the 2022 figure.",
        );
    }

    #[test]
    fn multiples_in_other_words_pass() {
        clean(
            "O custo foi o triplo do previsto.",
            "The cost was triple the forecast.",
        );
        clean(
            "O custo foi o quádruplo do previsto.",
            "The cost was four times the forecast.",
        );
    }

    #[test]
    fn half_is_a_half_on_both_sides() {
        clean(
            "Metade dos eleitores não votou.",
            "Half of the voters did not vote.",
        );
        assert!(
            !errors(
                "Metade dos eleitores não votou.",
                "Two times the voters did not vote."
            )
            .is_empty()
        );
    }

    #[test]
    fn decades_are_tens_of_years() {
        clean(
            "É a primeira vez em 20 anos que isso acontece.",
            "It is the first time in two decades that this happens.",
        );
        clean("Há duas décadas.", "Two decades ago.");
        assert!(
            !errors(
                "É a primeira vez em 30 anos.",
                "It is the first time in two decades."
            )
            .is_empty()
        );
    }

    #[test]
    fn times_are_never_false_alarms() {
        clean("Às 9h, ele saiu.", "He left in the morning.");
        clean("Das 8h às 18h.", "From 8 a.m. to 6 p.m.");
        clean("Às 20h30.", "At 8:30 p.m.");
        clean("A viagem dura 10h.", "The trip takes 10 hours.");
    }

    #[test]
    fn multiplicative_and_ordinal_compounds_match() {
        clean(
            "Qualquer que matar a Caim, sete vezes será castigado.",
            "Whoever slays Cain, vengeance will be taken on him sevenfold.",
        );
        clean(
            "No ano seiscentos da vida de Noé.",
            "In the six hundredth year of Noah's life.",
        );
        clean(
            "No ano seiscentos e um, no mês primeiro.",
            "In the six hundred first year, in the first month.",
        );
        assert!(!errors("No ano seiscentos.", "In the five hundredth year.").is_empty());
    }

    #[test]
    fn a_number_word_that_abbreviates_a_month_matches_the_month() {
        for (s, t) in [
            ("dec", "dez"),
            ("Dec.", "Dez."),
            ("jan, feb, dec", "jan, fev, dez"),
        ] {
            let f = langs("en", "pt", s, t);
            assert!(f.is_empty(), "{s} / {t}: {f:#?}");
        }
        // Ten is still ten.
        assert!(langs("en", "pt", "ten", "dez").is_empty());
        assert!(!langs("en", "pt", "nine", "dez").is_empty());
    }

    #[test]
    fn a_height_in_feet_and_inches_is_one_quantity() {
        for t in [
            "The goalkeeper, who stands 6ft 1in, saved 14 shots.",
            "The goalkeeper, who stands 6 ft 1 in, saved 14 shots.",
            "The goalkeeper, who stands 6 feet 1 inch, saved 14 shots.",
        ] {
            clean("O goleiro, de 1,85 m, fez 14 defesas.", t);
        }
        assert!(
            !errors(
                "O goleiro, de 1,85 m, fez 14 defesas.",
                "The 5ft 1in goalkeeper made 14 saves."
            )
            .is_empty()
        );
        // Inches before feet are no compound.
        assert!(!errors("O goleiro tem 1,85 m.", "The goalkeeper is 1 in 6 ft.").is_empty());
    }

    #[test]
    fn a_date_may_name_its_year_or_month_on_one_side_only() {
        clean("Subiram em 23 de maio.", "They climbed on 23 May 1956.");
        clean("Subiram em 23 de maio de 1956.", "They climbed on 23 May.");
        clean(
            "A revista de 1956 trata disso.",
            "The April 1956 issue covers it.",
        );
        // A disagreeing day, month or year is still a change.
        assert!(!errors("Subiram em 23 de maio.", "They climbed on 24 May 1956.").is_empty());
        assert!(!errors("Subiram em 23 de maio.", "They climbed on 23 June 1956.").is_empty());
        assert!(!errors("A revista de 1956.", "The April 1957 issue.").is_empty());
    }

    #[test]
    fn a_century_or_a_decade_in_other_words() {
        let de_fr =
            |s: &str, t: &str| Fixture::with_langs("de", "fr", &[(&[s], &[t])]).run(&NumberCheck);
        let f = de_fr("Seit hundert Jahren bekannt.", "Connus depuis un siècle.");
        assert!(f.is_empty(), "{f:#?}");
        let f = de_fr("Seit zehn Jahren bekannt.", "Connus depuis une décennie.");
        assert!(f.is_empty(), "{f:#?}");
        let f = de_fr(
            "Seit zwanzig Jahren bekannt.",
            "Connus depuis deux décennies.",
        );
        assert!(f.is_empty(), "{f:#?}");
        let f = de_fr("Seit fünfzig Jahren bekannt.", "Connus depuis un siècle.");
        assert!(!f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_peak_named_by_its_height_class_confirms_it() {
        let de_fr =
            |s: &str, t: &str| Fixture::with_langs("de", "fr", &[(&[s], &[t])]).run(&NumberCheck);
        let f = de_fr(
            "Obwohl noch kein Achttausender.",
            "Bien que n'atteignant pas les 8000.",
        );
        assert!(f.is_empty(), "{f:#?}");
        let f = de_fr("Zwei kleine Sechstausender.", "Deux modestes « 6000 ».");
        assert!(f.is_empty(), "{f:#?}");
        // Alone it is never reported, and another height is still added.
        let f = de_fr(
            "Obwohl noch kein Achttausender.",
            "Bien que pas encore un sommet.",
        );
        assert!(f.is_empty(), "{f:#?}");
        let f = de_fr(
            "Obwohl noch kein Achttausender.",
            "Bien que n'atteignant pas les 7000.",
        );
        assert!(!f.is_empty(), "{f:#?}");
    }

    #[test]
    fn german_times_and_halves_against_french() {
        let de_fr =
            |s: &str, t: &str| Fixture::with_langs("de", "fr", &[(&[s], &[t])]).run(&NumberCheck);
        let f = de_fr("Um 20.30 Uhr waren sie dort.", "A 20 h. 30 ils étaient là.");
        assert!(f.is_empty(), "{f:#?}");
        let f = de_fr("Um 20.30 Uhr waren sie dort.", "A 21 h. 30 ils étaient là.");
        assert!(!f.is_empty(), "{f:#?}");
        let f = de_fr(
            "Sie sanken bis zum halben Oberschenkel ein.",
            "Ils enfoncent jusqu'à mi-cuisse.",
        );
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_century_is_a_hundred_years() {
        clean(
            "Ela chegou ao Rio há 100 anos.",
            "She arrived in Rio a century ago.",
        );
        clean(
            "Ela chegou ao Rio há um século.",
            "She arrived in Rio a century ago.",
        );
        clean(
            "Na virada do século XXI, tudo mudou.",
            "At the turn of the 21st century, everything changed.",
        );
        assert!(
            !errors(
                "Ela chegou ao Rio há 10 anos.",
                "She arrived in Rio a century ago."
            )
            .is_empty()
        );
    }
}
