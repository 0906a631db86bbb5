//! The `number` check: a number, date, percentage or amount missing, added or
//! changed, a number written with the source language's separators in the
//! target, and a scale word that changes (bilhões → million).
//!
//! Each side is read with its own profile ([`crate::numbers::extract`]) and
//! the multisets of values are compared, so a dropped repeat counts. Words
//! that only may be numbers ("um acordo", "one of") are weak: they confirm a
//! number on the other side but are never reported on their own.

use super::{Check, Context};
use crate::finding::{Finding, Severity};
use crate::numbers::{self, NumberKind, NumberMention};
use crate::profile::Profile;

pub struct NumberCheck;

const RULE: &str = "number";

impl Check for NumberCheck {
    fn id(&self) -> &'static str {
        RULE
    }
    fn description(&self) -> &'static str {
        "A number, date, percentage or amount missing, added or changed"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for v in &ctx.views {
            // 1-0 and 0-1 links are the omission and addition rules' business.
            if v.source.is_empty() || v.target.is_empty() {
                continue;
            }
            let src = numbers::extract(&v.source.text, ctx.source_profile);
            let tgt = numbers::extract(&v.target.text, ctx.target_profile);
            let side = Sides {
                link: v.index,
                src_text: &v.source.text,
                tgt_text: &v.target.text,
                src: &src,
                tgt: &tgt,
                sp: ctx.source_profile,
                tp: ctx.target_profile,
            };
            side.compare(out);
        }
    }
}

fn approx(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// Order of magnitude of a vague quantity ("dozens" and "dezenas" agree).
fn magnitude(v: f64) -> i32 {
    if v <= 0.0 {
        0
    } else {
        (v.log10() + 1e-9).floor() as i32
    }
}

fn is_numeric(k: &NumberKind) -> bool {
    matches!(
        k,
        NumberKind::Plain
            | NumberKind::Percent
            | NumberKind::Currency(_)
            | NumberKind::Ordinal
            | NumberKind::Fraction
            | NumberKind::Year
            | NumberKind::Code
    )
}

/// Whether two mentions say the same thing.
fn same(a: &NumberMention, b: &NumberMention) -> bool {
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
        (Time { .. }, Time { .. }) => same_time(a, b),
        (Time { .. }, k) if is_numeric(k) => time_hour_matches(a, b.value),
        (k, Time { .. }) if is_numeric(k) => time_hour_matches(b, a.value),
        (Vague, Vague) => magnitude(a.value) == magnitude(b.value),
        (Decade, Decade) => approx(a.value % 100.0, b.value % 100.0),
        (Decade, k) | (k, Decade) if is_numeric(k) => approx(a.value, b.value),
        (k1, k2) if is_numeric(k1) && is_numeric(k2) => approx(a.value, b.value),
        _ => false,
    }
}

fn time_minutes(m: &NumberMention) -> Option<(u32, bool)> {
    match m.kind {
        NumberKind::Time {
            minutes,
            twelve_hour,
        } => Some((minutes, twelve_hour)),
        _ => None,
    }
}

fn same_time(a: &NumberMention, b: &NumberMention) -> bool {
    let (Some((x, tx)), Some((y, ty))) = (time_minutes(a), time_minutes(b)) else {
        return false;
    };
    let day = 24 * 60;
    let half = 12 * 60;
    x % day == y % day || ((tx || ty) && (x % half == y % half))
}

/// "às 14 horas" against "at 2 p.m.": a plain number may be the hour.
fn time_hour_matches(t: &NumberMention, v: f64) -> bool {
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

/// Whether a finding about this mention would be about a class of thing
/// that pairs with the other: dates with dates, quantities with quantities.
fn class(k: &NumberKind) -> u8 {
    match k {
        NumberKind::Date { .. } | NumberKind::Month(_) => 1,
        NumberKind::Vague => 2,
        NumberKind::Time { .. } => 3,
        NumberKind::Decade => 4,
        _ => 0,
    }
}

struct Sides<'a> {
    link: usize,
    src_text: &'a str,
    tgt_text: &'a str,
    src: &'a [NumberMention],
    tgt: &'a [NumberMention],
    sp: &'a Profile,
    tp: &'a Profile,
}

/// How a mention was matched.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Used {
    No,
    Yes,
}

impl Sides<'_> {
    fn compare(&self, out: &mut Vec<Finding>) {
        let mut su = vec![Used::No; self.src.len()];
        let mut tu = vec![Used::No; self.tgt.len()];
        let mut findings = Vec::new();

        // 1. Strong against strong.
        self.pass(&mut su, &mut tu, |s, t| !s.weak && !t.weak);
        // 2. A target number that reads right only in the other convention
        //    ("1.000" in English for a thousand).
        for (j, t) in self.tgt.iter().enumerate() {
            if tu[j] == Used::Yes {
                continue;
            }
            let Some(d) = &t.digits else { continue };
            let Some((alt, decimals, grouped)) = d.alt else {
                continue;
            };
            let scale = t.scale.as_ref().map_or(1.0, |s| s.1);
            let alt_value = alt * scale;
            if let Some(i) = (0..self.src.len()).find(|&i| {
                su[i] == Used::No
                    && is_numeric(&self.src[i].kind)
                    && approx(self.src[i].value, alt_value)
            }) {
                su[i] = Used::Yes;
                tu[j] = Used::Yes;
                let mut dd = d.clone();
                dd.decimals = decimals;
                dd.group_sep = if grouped { Some(',') } else { None };
                findings.push(self.convention(Some(i), t, &dd, alt));
            }
        }
        // 3. Strong against weak, either way.
        self.pass(&mut su, &mut tu, |s, t| s.weak != t.weak);
        // 4. A date on one side written as separate pieces on the other.
        self.match_date_pieces(&mut su, &mut tu, true);
        self.match_date_pieces(&mut su, &mut tu, false);

        // Matched numbers written in the source's convention.
        for (j, t) in self.tgt.iter().enumerate() {
            if tu[j] != Used::Yes {
                continue;
            }
            if let Some(d) = &t.digits
                && d.foreign
                && is_numeric(&t.kind)
            {
                let v = t.mantissa();
                findings.push(self.convention(None, t, d, v));
            }
        }

        // 5. What is left: changed, missing, added.
        let left_s: Vec<usize> = (0..self.src.len())
            .filter(|&i| su[i] == Used::No && !self.src[i].weak)
            .collect();
        let mut left_t: Vec<usize> = (0..self.tgt.len())
            .filter(|&j| tu[j] == Used::No && !self.tgt[j].weak)
            .collect();
        for &i in &left_s {
            let s = &self.src[i];
            let c = class(&s.kind);
            let pos = rel(s.start, self.src_text);
            let best = left_t
                .iter()
                .enumerate()
                .filter(|(_, j)| class(&self.tgt[**j].kind) == c)
                .min_by(|(_, a), (_, b)| {
                    let da = (rel(self.tgt[**a].start, self.tgt_text) - pos).abs();
                    let db = (rel(self.tgt[**b].start, self.tgt_text) - pos).abs();
                    da.total_cmp(&db)
                })
                .map(|(k, j)| (k, *j));
            match best {
                Some((k, j)) => {
                    left_t.remove(k);
                    findings.push(self.changed(s, &self.tgt[j]));
                }
                None => findings.push(self.missing(s)),
            }
        }
        for j in left_t {
            findings.push(self.added(&self.tgt[j]));
        }
        out.extend(findings);
    }

    /// Matches unused mentions pairwise where `ok` allows and they agree.
    fn pass(
        &self,
        su: &mut [Used],
        tu: &mut [Used],
        ok: impl Fn(&NumberMention, &NumberMention) -> bool,
    ) {
        for (i, s) in self.src.iter().enumerate() {
            if su[i] == Used::Yes {
                continue;
            }
            if let Some(j) = (0..self.tgt.len())
                .find(|&j| tu[j] == Used::No && ok(s, &self.tgt[j]) && same(s, &self.tgt[j]))
            {
                su[i] = Used::Yes;
                tu[j] = Used::Yes;
            }
        }
    }

    /// A date whose month, day and year all appear, unused, on the other side.
    fn match_date_pieces(&self, su: &mut [Used], tu: &mut [Used], source_date: bool) {
        let (dates, others, du, ou) = if source_date {
            (self.src, self.tgt, su, tu)
        } else {
            (self.tgt, self.src, tu, su)
        };
        for (i, d) in dates.iter().enumerate() {
            if du[i] == Used::Yes {
                continue;
            }
            let (month, day, year) = match d.kind {
                NumberKind::Date { month, day, year } => (month, day, year),
                _ => continue,
            };
            let mut taken: Vec<usize> = Vec::new();
            let find = |pred: &dyn Fn(&NumberMention) -> bool, taken: &mut Vec<usize>| {
                let k = (0..others.len())
                    .find(|&k| ou[k] == Used::No && !taken.contains(&k) && pred(&others[k]));
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
                    &|m| is_numeric(&m.kind) && approx(m.value, f64::from(dd)),
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
                du[i] = Used::Yes;
                for k in taken {
                    ou[k] = Used::Yes;
                }
            }
        }
    }

    fn base(&self, severity: Severity, message: String) -> Finding {
        Finding::new(RULE, severity, message).link(self.link)
    }

    /// A target number written with the other convention's separators.
    fn convention(
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

    fn changed(&self, s: &NumberMention, t: &NumberMention) -> Finding {
        let rendered = numbers::render(s, self.tp);
        let foreign_note = if t.digits.as_ref().is_some_and(|d| d.foreign) {
            " (and written with the other convention's separators)"
        } else {
            ""
        };
        let (severity, message) = match (&s.scale, &t.scale) {
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
            _ if is_numeric(&s.kind)
                && is_numeric(&t.kind)
                && s.value != 0.0
                && ((s.value - t.value) / s.value).abs() <= 0.02
                && significant(t) < significant(s) =>
            {
                (
                    Severity::Warning,
                    format!(
                        "number rounded: {} in the source, {} in the target",
                        s.raw, t.raw
                    ),
                )
            }
            _ => (
                Severity::Error,
                format!(
                    "number changed: {} in the source, {} in the target{foreign_note}",
                    s.raw, t.raw
                ),
            ),
        };
        let mut f = self
            .base(severity, message)
            .source_span(s.start..s.end)
            .target_span(t.start..t.end);
        if let Some(r) = rendered {
            f = f.suggestion(r.clone()).expected(r);
        }
        f
    }

    fn missing(&self, s: &NumberMention) -> Finding {
        let what = what(s);
        // A vague "dezenas de" dropped is worth a look, not an error.
        let severity = if s.kind == NumberKind::Vague {
            Severity::Warning
        } else {
            Severity::Error
        };
        let mut f = self
            .base(
                severity,
                format!("{what} {} in the source is missing in the target", s.raw),
            )
            .source_span(s.start..s.end);
        if let Some(r) = numbers::render(s, self.tp) {
            f = f.expected(r);
        }
        let _ = self.sp;
        f
    }

    fn added(&self, t: &NumberMention) -> Finding {
        let what = what(t);
        // Number words and vague words get added by idiom ("both", "a few");
        // digits rarely are.
        let severity = if t.words || t.kind == NumberKind::Vague {
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

fn what(m: &NumberMention) -> &'static str {
    match m.kind {
        NumberKind::Date { .. } | NumberKind::Month(_) => "date",
        NumberKind::Percent => "percentage",
        NumberKind::Currency(_) => "amount",
        NumberKind::Vague => "quantity",
        NumberKind::Year => "year",
        _ => "number",
    }
}

/// Significant digits written (for telling rounding from change).
fn significant(m: &NumberMention) -> usize {
    let digits: String = m
        .digits
        .as_ref()
        .map(|d| {
            m.raw
                .get(d.start.saturating_sub(m.start)..d.end.saturating_sub(m.start))
                .unwrap_or("")
        })
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let trimmed = digits.trim_start_matches('0').trim_end_matches('0');
    trimmed.len()
}

/// Relative position of a byte offset in a text (0..1).
fn rel(offset: usize, text: &str) -> f64 {
    if text.is_empty() {
        0.0
    } else {
        offset as f64 / text.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    fn run(src: &str, tgt: &str) -> Vec<Finding> {
        Fixture::pair(src, tgt).run(&NumberCheck)
    }

    fn errors(src: &str, tgt: &str) -> Vec<Finding> {
        run(src, tgt)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect()
    }

    fn clean(src: &str, tgt: &str) {
        let f = run(src, tgt);
        assert!(f.is_empty(), "{src} / {tgt}: {f:#?}");
    }

    #[test]
    fn legit_variations_pass() {
        clean("Foram noventa minutos.", "It lasted ninety minutes.");
        clean("A inflação foi de 3,4%.", "Inflation was 3.4%.");
        clean(
            "A taxa é de 14,25% ao ano.",
            "The rate is 14.25 percent a year.",
        );
        clean("A taxa é de 14,25 por cento.", "The rate is 14.25%.");
        clean(
            "A dívida é de US$ 348,7 bilhões.",
            "The debt is US$348.7 billion.",
        );
        clean(
            "A dívida é de US$ 348,7 bilhões.",
            "The debt is $348.7 billion.",
        );
        clean("A dívida é de US$ 348,7 bilhões.", "The debt is $348.7bn.");
        clean(
            "O custo foi de R$ 1,2 bilhão.",
            "The cost was R$1.2 billion.",
        );
        clean(
            "O custo foi de R$ 1,2 bilhão.",
            "The cost was 1.2 billion reais.",
        );
        clean(
            "A reunião foi em 4 de março.",
            "The meeting was on March 4.",
        );
        clean(
            "A reunião foi em 4 de março de 2025.",
            "The meeting was on March 4, 2025.",
        );
        clean("Em junho, ele saiu.", "In June, he left.");
        clean(
            "Segundo ele, o plano falhou.",
            "According to him, the plan failed.",
        );
        clean("Eles assinaram um acordo.", "They signed an agreement.");
        clean(
            "Foram criados 1.693.673 empregos.",
            "Some 1,693,673 jobs were created.",
        );
        clean("Três pessoas morreram.", "Three people died.");
        clean("Três pessoas morreram.", "3 people died.");
        clean("Dois terços votaram.", "Two-thirds voted.");
        clean("Metade votou.", "Half voted.");
        clean(
            "Dezenas de milhares protestaram.",
            "Tens of thousands protested.",
        );
        clean(
            "Dezenas de pessoas protestaram.",
            "Dozens of people protested.",
        );
        clean("Mil pessoas vieram.", "A thousand people came.");
        clean(
            "Cerca de 1,2 milhão de pessoas.",
            "About 1.2 million people.",
        );
        clean("Ficou em quarto lugar.", "It came fourth.");
        clean("Ficou em 4º lugar.", "It came 4th.");
        clean("Entre 3 e 5 pessoas.", "Between 3 and 5 people.");
        clean("De 3 a 5 milhões.", "From 3 to 5 million.");
        clean(
            "Subiu 0,5 ponto percentual.",
            "It rose 0.5 percentage point.",
        );
        clean("Pela primeira vez.", "For the first time.");
        clean("O primeiro-ministro falou.", "The prime minister spoke.");
        clean("É um dos maiores.", "It is one of the largest.");
        clean("Os dois países assinaram.", "Both countries signed.");
        clean("A reunião foi às 14h.", "The meeting was at 2 p.m.");
        clean("A reunião foi às 14h30.", "The meeting was at 2:30 p.m.");
        clean("Nos anos 1990 era assim.", "In the 1990s it was like that.");
        clean("Nos anos 90 era assim.", "In the '90s it was like that.");
        clean("O F-35 voou.", "The F-35 flew.");
        clean("Em 2025, o PIB cresceu.", "In 2025, GDP grew.");
        clean("Em março de 2025.", "In March 2025.");
        clean("No dia 4, em março.", "On March 4.");
    }

    #[test]
    fn dropped_repeat_is_caught() {
        let f = errors("Foram 3 gols e 3 cartões.", "There were 3 goals and cards.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("missing"), "{}", f[0].message);
    }

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
    fn changed_year_and_words() {
        let f = errors("Em 2024, o PIB cresceu.", "In 2025, GDP grew.");
        assert_eq!(f.len(), 1);
        let f = errors("Foram noventa minutos.", "It lasted eighty minutes.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].suggestion.as_deref(), Some("90"));
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
    fn rounding_is_a_warning() {
        let f = run("Foram 1.693.673 empregos.", "There were 1.7 million jobs.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Warning);
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
    fn times_are_never_false_alarms() {
        clean("Às 9h, ele saiu.", "He left in the morning.");
    }

    #[test]
    fn one_to_zero_links_are_skipped() {
        let f = Fixture::links(&[(&["Foram 3 gols."], &[])]).run(&NumberCheck);
        assert!(f.is_empty());
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
}
