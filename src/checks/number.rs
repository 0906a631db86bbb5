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
        let sx = numbers::Extractor::new(ctx.source_profile);
        let tx = numbers::Extractor::new(ctx.target_profile);
        let mut links: Vec<Sides> = ctx
            .views
            .iter()
            .map(|v| {
                let src = sx.extract(&v.source.text);
                let tgt = tx.extract(&v.target.text);
                Sides {
                    link: v.index,
                    src_text: &v.source.text,
                    tgt_text: &v.target.text,
                    su: vec![false; src.len()],
                    tu: vec![false; tgt.len()],
                    src,
                    tgt,
                    sp: ctx.source_profile,
                    tp: ctx.target_profile,
                    findings: Vec::new(),
                }
            })
            .collect();
        for l in &mut links {
            l.match_within();
        }
        // A sentence boundary misplaced by the alignment moves a number into
        // the next link: what one link lacks and its neighbour has extra is
        // not a translation error.
        for k in 1..links.len() {
            let (a, b) = links.split_at_mut(k);
            if let (Some(a), Some(b)) = (a.last_mut(), b.first_mut()) {
                rescue(&a.src, &mut a.su, &b.tgt, &mut b.tu);
                rescue(&b.src, &mut b.su, &a.tgt, &mut a.tu);
            }
        }
        for l in &mut links {
            // 1-0 and 0-1 links are the omission and addition rules' business.
            if l.src_text.is_empty() || l.tgt_text.is_empty() {
                continue;
            }
            // A sentence left in the source language is the untranslated
            // rule's business; its numbers are all "in the wrong convention".
            if l.src_text.trim() == l.tgt_text.trim() {
                continue;
            }
            l.report();
            out.append(&mut l.findings);
        }
    }
}

/// A date whose month, day and year all appear, unused, on the other side
/// ("no dia 4, em março" against "on March 4").
fn match_date_pieces(
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
fn rescue(src: &[NumberMention], su: &mut [bool], tgt: &[NumberMention], tu: &mut [bool]) {
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
            | NumberKind::PercentagePoints
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
        // "metade" as "50%", "um terço" as "33%".
        (Fraction, Percent) => (a.value * 100.0 - b.value).abs() <= 0.5,
        (Percent, Fraction) => (b.value * 100.0 - a.value).abs() <= 0.5,
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
        NumberKind::Date { .. } | NumberKind::Month(_) | NumberKind::Day(_) => 1,
        NumberKind::Vague => 2,
        NumberKind::Time { .. } => 3,
        NumberKind::Decade => 4,
        NumberKind::Version(_) => 5,
        NumberKind::Weekday(_) => 6,
        _ => 0,
    }
}

/// One link's mentions and which of them found their match.
struct Sides<'a> {
    link: usize,
    src_text: &'a str,
    tgt_text: &'a str,
    src: Vec<NumberMention>,
    tgt: Vec<NumberMention>,
    su: Vec<bool>,
    tu: Vec<bool>,
    sp: &'a Profile,
    tp: &'a Profile,
    findings: Vec<Finding>,
}

impl Sides<'_> {
    /// Matches the mentions of the link against each other.
    fn match_within(&mut self) {
        let mut su = std::mem::take(&mut self.su);
        let mut tu = std::mem::take(&mut self.tu);
        // 1. Strong against strong.
        let mut pairs = self.pass(&mut su, &mut tu, |s, t| !s.weak && !t.weak && same(s, t));
        // 1b. A quantity converted to another unit (10 km as 6.2 miles).
        let (st, tt, sp, tp) = (self.src_text, self.tgt_text, self.sp, self.tp);
        self.pass(&mut su, &mut tu, |s, t| {
            !s.weak
                && !t.weak
                && match (unit_after(st, s, sp), unit_after(tt, t, tp)) {
                    // Only between two units: 408,6 kg as 406.8 kg is a change.
                    (Some(a), Some(b)) => {
                        a != b
                            && a.dimension == b.dimension
                            && close(in_base(s.value, a), in_base(t.value, b))
                    }
                    _ => false,
                }
        });
        // 2. A target number that reads right only in the other convention
        //    ("1.000" in English for a thousand).
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
                // A target language of unknown convention may use either.
                if self.tp.numbers.decimal.is_empty() {
                    continue;
                }
                let mut dd = d.clone();
                dd.decimals = decimals;
                dd.group_sep = if grouped { Some(',') } else { None };
                let f = self.convention(Some(i), t, &dd, alt);
                self.findings.push(f);
            }
        }
        // 3. Strong against weak, either way, then weak against weak.
        pairs.extend(self.pass(&mut su, &mut tu, |s, t| s.weak != t.weak && same(s, t)));
        self.pass(&mut su, &mut tu, |s, t| s.weak && t.weak && same(s, t));
        // "uma dezena" against "ten", "milhares" against "3,000": a vague
        // quantity confirms an exact one of its size.
        self.pass(&mut su, &mut tu, |s, t| {
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
        self.pass(&mut su, &mut tu, |s, t| {
            let (pct, frac) = match (&s.kind, &t.kind) {
                (NumberKind::Percent, NumberKind::Fraction) => (s.value, t.value),
                (NumberKind::Fraction, NumberKind::Percent) => (t.value, s.value),
                _ => return false,
            };
            (hedged(st, s.start, sp) || hedged(tt, t.start, tp))
                && (frac * 100.0 - pct).abs() <= 0.15 * pct.max(frac * 100.0)
        });
        // 4. A date on one side written as separate pieces on the other.
        match_date_pieces(&self.src, &mut su, &self.tgt, &mut tu);
        match_date_pieces(&self.tgt, &mut tu, &self.src, &mut su);
        // "no último dia 30" as "on Jan. 30": the translation may name the
        // month the source leaves to context (not the other way round).
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
        self.su = su;
        self.tu = tu;
        self.currency_changes(&pairs);
        self.unit_changes(&pairs);
    }

    /// Same number, other unit of measure: "2 GB" as "2 MB".
    fn unit_changes(&mut self, pairs: &[(usize, usize)]) {
        for &(i, j) in pairs {
            let (s, t) = (&self.src[i], &self.tgt[j]);
            let (Some(a), Some(b)) = (
                unit_after(self.src_text, s, self.sp),
                unit_after(self.tgt_text, t, self.tp),
            ) else {
                continue;
            };
            if a.dimension == b.dimension && close(in_base(s.value, a), in_base(t.value, b)) {
                continue;
            }
            let f = self
                .base(
                    Severity::Error,
                    format!(
                        "unit changed: {} {} in the source, {} {} in the target",
                        s.raw,
                        unit_word(self.src_text, s),
                        t.raw,
                        unit_word(self.tgt_text, t)
                    ),
                )
                .source_span(s.start..s.end)
                .target_span(t.start..t.end);
            self.findings.push(f);
        }
    }

    /// Same amount, other money: "R$ 500 milhões" as "$500 million"; same
    /// number, other unit: "2 pontos percentuais" as "2%".
    fn currency_changes(&mut self, pairs: &[(usize, usize)]) {
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
    fn report(&mut self) {
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
                && !version_context(self.tgt_text, t.start)
            {
                findings.push(self.convention(None, t, d, t.mantissa()));
            }
        }
        // "5 billion reais (about $1 billion)", "38 °C (100.4 °F)": a
        // conversion the edition adds for its readers is not a new number.
        for j in 0..self.tgt.len() {
            if !self.tu[j] && conversion_gloss(&self.tgt, j, self.tgt_text) {
                self.tu[j] = true;
            }
        }
        // "9 anos e 6 meses" as "nine and a half years".
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
            }
        }
        let left_s: Vec<usize> = (0..self.src.len())
            .filter(|&i| !self.su[i] && !self.src[i].weak)
            .collect();
        let mut left_t: Vec<usize> = (0..self.tgt.len())
            .filter(|&j| !self.tu[j] && !self.tgt[j].weak)
            .collect();
        let mut weak_paired: Vec<usize> = Vec::new();
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
            // "terceira" against a weak "fourth", "abril" against "May":
            // a weak word of the same kind stands for a change.
            let weak_same_kind = || {
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
            };
            match best {
                Some((k, j)) => {
                    left_t.remove(k);
                    findings.push(self.changed(s, &self.tgt[j]));
                }
                None => match weak_same_kind() {
                    Some(j) => {
                        weak_paired.push(j);
                        findings.push(self.changed(s, &self.tgt[j]));
                    }
                    None => findings.push(self.missing(s)),
                },
            }
        }
        for j in left_t {
            findings.push(self.added(&self.tgt[j]));
        }
        // "pela primeira vez" as "for the second time": ordinal words are
        // weak, but one left on each side and differing is a change.
        // Only where each qualifies a noun ("primeira vez"), not in
        // "segundo o ministro" or "First, ...".
        let lone_ordinal =
            |ms: &[NumberMention], used: &[bool], skip: &[usize], text: &str, p: &Profile| {
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
            };
        if let (Some(i), Some(j)) = (
            lone_ordinal(&self.src, &self.su, &[], self.src_text, self.sp),
            lone_ordinal(&self.tgt, &self.tu, &weak_paired, self.tgt_text, self.tp),
        ) {
            findings.push(self.changed(&self.src[i], &self.tgt[j]));
        }
        // Times are weak (a bare "14h" may be a duration), but a time left on
        // each side that disagrees is a change: "às 14h" as "at 4 p.m.".
        let times = |ms: &[NumberMention], used: &[bool]| -> Vec<usize> {
            (0..ms.len())
                .filter(|&k| !used[k] && matches!(ms[k].kind, NumberKind::Time { .. }))
                .collect()
        };
        for (i, j) in times(&self.src, &self.su)
            .into_iter()
            .zip(times(&self.tgt, &self.tu))
        {
            findings.push(self.changed(&self.src[i], &self.tgt[j]));
        }
        // Weekdays are weak too (editions drop them), but one left on each
        // side that disagrees is a change: "terça-feira" as "Wednesday".
        let weekdays = |ms: &[NumberMention], used: &[bool]| -> Vec<usize> {
            (0..ms.len())
                .filter(|&k| !used[k] && matches!(ms[k].kind, NumberKind::Weekday(_)))
                .collect()
        };
        if let ([i], [j]) = (
            weekdays(&self.src, &self.su).as_slice(),
            weekdays(&self.tgt, &self.tu).as_slice(),
        ) {
            let f = self.changed(&self.src[*i], &self.tgt[*j]);
            findings.push(f);
        }
        self.findings.append(&mut findings);
    }

    /// Matches unused mentions pairwise where `ok` allows and they agree.
    fn pass(
        &self,
        su: &mut [bool],
        tu: &mut [bool],
        agree: impl Fn(&NumberMention, &NumberMention) -> bool,
    ) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for (i, s) in self.src.iter().enumerate() {
            if su[i] {
                continue;
            }
            if let Some(j) = (0..self.tgt.len()).find(|&j| !tu[j] && agree(s, &self.tgt[j])) {
                su[i] = true;
                tu[j] = true;
                pairs.push((i, j));
            }
        }
        pairs
    }

    fn base(&self, severity: Severity, message: String) -> Finding {
        Finding::new(RULE, severity, message).link(self.link)
    }

    /// A finding on a source number and its target counterpart, suggesting
    /// the source value written in the target's convention.
    fn paired(
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
        let rendered = if let Some(r) = as_written(s, self.tp) {
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
        };
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
            // "1.693.673" as "nearly 1.7 million", "R$ 5,3 milhões" as
            // "some 5 million reais": the hedge says it is rounded.
            _ if is_numeric(&s.kind)
                && is_numeric(&t.kind)
                && s.value != 0.0
                && ((s.value - t.value) / s.value).abs() <= 0.1
                && significant(t) < significant(s)
                && (hedged(self.tgt_text, t.start, self.tp)
                    || hedged(self.src_text, s.start, self.sp)) =>
            {
                (
                    Severity::Info,
                    format!(
                        "number rounded: {} in the source, {} in the target",
                        s.raw, t.raw
                    ),
                )
            }
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
                    "{} changed: {} in the source, {} in the target{foreign_note}",
                    what(s),
                    s.raw,
                    t.raw
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
        f
    }

    fn added(&self, t: &NumberMention) -> Finding {
        let what = what(t);
        // Number words and vague words get added by idiom ("both", "a few"),
        // and editions add context in brackets ("Bolsonaro (2019-2022)",
        // "(about $240 million)"); other digits rarely are.
        // A year is often added to resolve "no ano passado".
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

/// The target's own way of writing the currency ("US$", "R$ ") when both
/// sides name the same one, so a suggestion keeps the translator's style.
fn same_currency_prefix<'m>(s: &NumberMention, t: &'m NumberMention) -> Option<&'m str> {
    match (&s.kind, &t.kind) {
        (NumberKind::Currency(a), NumberKind::Currency(b)) if a == b => {
            let d = t.digits.as_ref()?;
            let prefix = t.raw.get(..d.start.checked_sub(t.start)?)?;
            (!prefix.trim().is_empty()).then_some(prefix)
        }
        _ => None,
    }
}

/// Whether the next thing after `offset` is a lower-case word that is not a
/// function word (a noun or adjective the number qualifies).
fn before_noun(text: &str, offset: usize, p: &Profile) -> bool {
    let rest = text.get(offset..).unwrap_or("");
    if !rest.starts_with(' ') {
        return false;
    }
    let Some(w) = crate::text::words(rest).into_iter().next() else {
        return false;
    };
    if !rest[..w.start].trim().is_empty() {
        return false;
    }
    let lower = w.text.to_lowercase();
    w.text.chars().next().is_some_and(char::is_lowercase)
        && !p.words.function_words.contains(&lower)
}

/// Whether `offset` is inside an open round bracket.
/// A dotted number that is a version: right after a capitalised name that
/// is not sentence-initial ("Sphinx 5.1", "Python 3.0"), or in a text that
/// also has a dotted triple ("2.5 or 3.0 … 2.5.1").
fn version_context(text: &str, start: usize) -> bool {
    static TRIPLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b\d+\.\d{1,2}\.\d{1,2}\b").expect("valid version regex")
    });
    static VERSION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\d+\.\d{1,2}").expect("valid version regex")
    });
    let here = text.get(start..).unwrap_or("");
    let Some(m) = VERSION.find(here) else {
        return false;
    };
    let mut rest = here[m.end()..].chars();
    let next = rest.next();
    let more_digits = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    if more_digits(next)
        || next == Some('%')
        || (matches!(next, Some('.' | ',')) && more_digits(rest.next()))
    {
        return false;
    }
    if TRIPLE.is_match(text) {
        return true;
    }
    let before = text.get(..start).unwrap_or("").trim_end();
    let ws = crate::text::words(before);
    match ws.last() {
        Some(w) if w.end == before.len() => {
            w.text.chars().next().is_some_and(char::is_uppercase)
                && w.text.chars().any(char::is_lowercase)
                && !super::name::is_sentence_initial(before, w.start, None)
        }
        _ => false,
    }
}

/// Whether target mention `j` is a bracketed conversion of the mention
/// just before it: another currency ("R$ 5 bilhões" → "5 billion reais
/// (about $1 billion)") or another unit ("38 °C (100.4 °F)"), the bracket
/// holding nothing else but a hedge word or two.
fn conversion_gloss(ms: &[NumberMention], j: usize, text: &str) -> bool {
    let (Some(prev), Some(t)) = (j.checked_sub(1).and_then(|p| ms.get(p)), ms.get(j)) else {
        return false;
    };
    let Some(gap) = text.get(prev.end..t.start) else {
        return false;
    };
    let Some(open) = gap.find('(') else {
        return false;
    };
    let (unit_before, hedge) = (
        gap.get(..open).unwrap_or(""),
        gap.get(open + 1..).unwrap_or(""),
    );
    let rest = text.get(t.end..).unwrap_or("");
    let Some(close) = rest.find(')') else {
        return false;
    };
    let unit_after = rest.get(..close).unwrap_or("");
    let clean = |s: &str, max_words: usize| {
        !s.chars()
            .any(|c| c.is_ascii_digit() || "()[];.".contains(c))
            && s.split_whitespace().count() <= max_words
    };
    if !clean(unit_before, 2) || !clean(hedge, 3) || !clean(unit_after, 2) {
        return false;
    }
    match (&prev.kind, &t.kind) {
        (NumberKind::Currency(a), NumberKind::Currency(b)) => a != b,
        (a, b) if is_numeric(a) && is_numeric(b) => {
            let (u1, u2) = (unit_before.trim(), unit_after.trim());
            !u1.is_empty() && !u2.is_empty() && u1 != u2
        }
        _ => false,
    }
}

/// Whether the fraction at `offset` hangs on a number by a joiner and an
/// optional article ("nine and a half").
fn joined_fraction(text: &str, offset: usize, p: &Profile) -> bool {
    let before = text.get(..offset).unwrap_or("");
    let mut words = before.split_whitespace().rev().map(str::to_lowercase);
    let is = |w: &Option<String>, list: &[String]| {
        w.as_ref()
            .is_some_and(|w| list.iter().any(|x| x.to_lowercase() == *w))
    };
    let mut w = words.next();
    if is(&w, &p.numbers.articles) {
        w = words.next();
    }
    is(&w, &p.numbers.joiners)
}

/// Whether a hedge ("cerca de", "nearly", optionally followed by an
/// article) stands right before `offset`.
fn hedged(text: &str, offset: usize, p: &Profile) -> bool {
    let before = text.get(..offset).unwrap_or("").to_lowercase();
    let mut before = before.trim_end();
    for a in &p.numbers.articles {
        if let Some(b) = before.strip_suffix(a.to_lowercase().as_str())
            && b.ends_with(char::is_whitespace)
        {
            before = b.trim_end();
            break;
        }
    }
    p.numbers.approximators.iter().any(|h| {
        before
            .strip_suffix(h.to_lowercase().as_str())
            .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

/// Whether the word right after `offset` is one of `words` (any case).
fn word_after(text: &str, offset: usize, words: &[String]) -> bool {
    let rest = text.get(offset..).unwrap_or("").trim_start();
    let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    !w.is_empty() && words.iter().any(|x| x.to_lowercase() == w.to_lowercase())
}

fn in_brackets(text: &str, offset: usize) -> bool {
    let before = text.get(..offset).unwrap_or("");
    match (before.rfind('('), before.rfind(')')) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The word right after a number: its unit, if it has one ("GB", "km/h", "°C").
fn unit_word<'t>(text: &'t str, m: &NumberMention) -> &'t str {
    let rest = text.get(m.end..).unwrap_or("");
    let rest = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let len: usize = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || "°²³/".contains(*c))
        .map(char::len_utf8)
        .sum();
    &rest[..len]
}

/// The profile's unit of measure written right after a plain number.
fn unit_after<'p>(
    text: &str,
    m: &NumberMention,
    p: &'p Profile,
) -> Option<&'p crate::profile::Unit> {
    if m.kind != NumberKind::Plain {
        return None;
    }
    p.numbers.units.get(&unit_word(text, m).to_lowercase())
}

fn in_base(v: f64, u: &crate::profile::Unit) -> f64 {
    v * u.factor + u.offset
}

/// Equal up to the rounding of a conversion.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.03 * a.abs().max(b.abs()) + 1e-9
}

/// The target form of a value read as written rather than as a number: a
/// version string, a weekday name.
fn as_written(m: &NumberMention, tp: &Profile) -> Option<String> {
    match &m.kind {
        NumberKind::Version(v) => Some(v.clone()),
        NumberKind::Weekday(d) => tp.numbers.weekdays.get(usize::from(*d)).cloned(),
        _ => None,
    }
}

fn what(m: &NumberMention) -> &'static str {
    match m.kind {
        NumberKind::Date { .. } | NumberKind::Month(_) => "date",
        NumberKind::Percent | NumberKind::PercentagePoints => "percentage",
        NumberKind::Currency(_) => "amount",
        NumberKind::Vague => "quantity",
        NumberKind::Time { .. } => "time",
        NumberKind::Decade => "decade",
        NumberKind::Year => "year",
        NumberKind::Version(_) => "version",
        NumberKind::Weekday(_) => "weekday",
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
    fn changed_year_and_words() {
        let f = errors("Em 2024, o PIB cresceu.", "In 2025, GDP grew.");
        assert_eq!(f.len(), 1);
        let f = errors("Foram noventa minutos.", "It lasted eighty minutes.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].suggestion.as_deref(), Some("ninety"));
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
    fn space_grouped_number_in_english_is_a_convention_error() {
        let f = errors("Vieram 10 000 pessoas.", "Some 10 000 people came.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("10,000"));
    }

    #[test]
    fn spanish_source_reads_its_own_conventions() {
        let f = Fixture::with_langs(
            "es",
            "en",
            &[(
                &["El PIB creció un 3,4 % y se crearon 1,2 millones de empleos el 4 de marzo."],
                &["GDP grew 3.4% and 1.2 million jobs were created on March 4."],
            )],
        )
        .run(&NumberCheck);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn english_to_portuguese_works_the_same_way() {
        let run =
            |s: &str, t: &str| Fixture::with_langs("en", "pt", &[(&[s], &[t])]).run(&NumberCheck);
        assert!(
            run(
                "GDP grew 3.4% to $1.2 billion on March 4.",
                "O PIB cresceu 3,4%, para US$ 1,2 bilhão, em 4 de março."
            )
            .is_empty()
        );
        let f = run("Some 1,693,673 jobs.", "Foram 1,693,673 empregos.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("1.693.673"));
        let f = run("Inflation was 3.4%.", "A inflação foi de 3.4%.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("3,4%"));
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
    fn added_year_is_a_warning() {
        let f = run(
            "No ano passado, a economia cresceu.",
            "In 2024, the economy grew.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
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
    fn pofilter_locale_example() {
        clean("O valor é R$ 1.000,50.", "The amount is R$1,000.50.");
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
    fn newsroom_style_translations_pass() {
        let pairs = [
            (
                "O PIB cresceu 3,4% em 2024, segundo o IBGE.",
                "GDP grew 3.4% in 2024, according to IBGE.",
            ),
            (
                "Mais de 10 mil pessoas foram às ruas.",
                "More than 10,000 people took to the streets.",
            ),
            (
                "O salário mínimo passou para R$ 1.518.",
                "The minimum wage rose to R$1,518.",
            ),
            (
                "A inflação acumulada em 12 meses ficou em 4,83%.",
                "Twelve-month inflation stood at 4.83%.",
            ),
            (
                "O Copom elevou a Selic em 1 ponto percentual, para 13,25% ao ano.",
                "Copom raised the Selic by 1 percentage point to 13.25% a year.",
            ),
            (
                "Lula, de 79 anos, chegou na segunda-feira.",
                "Lula, 79, arrived on Monday.",
            ),
            (
                "Os dois presidentes se reuniram por duas horas.",
                "The two presidents met for two hours.",
            ),
            (
                "A reunião durou uma hora e meia.",
                "The meeting lasted an hour and a half.",
            ),
            (
                "Foi a primeira vez desde 2016.",
                "It was the first time since 2016.",
            ),
            (
                "O acidente deixou ao menos 12 mortos e dezenas de feridos.",
                "The accident left at least 12 dead and dozens injured.",
            ),
            (
                "O governo vai liberar R$ 2,5 bilhões.",
                "The government will release 2.5 billion reais.",
            ),
            (
                "O dólar fechou a R$ 5,80.",
                "The dollar closed at 5.80 reais.",
            ),
            (
                "A população é de cerca de 1,5 milhão de habitantes.",
                "The population is about 1.5 million.",
            ),
            (
                "Em 2023, foram 48 mil casos; em 2024, 52 mil.",
                "There were 48,000 cases in 2023 and 52,000 in 2024.",
            ),
            (
                "Ele foi eleito com 50,9% dos votos válidos.",
                "He was elected with 50.9% of valid votes.",
            ),
            (
                "O petróleo subiu para US$ 80 o barril.",
                "Oil rose to $80 a barrel.",
            ),
            (
                "A empresa demitiu um terço dos funcionários.",
                "The company laid off a third of its staff.",
            ),
            (
                "O 13º salário será pago em duas parcelas.",
                "The 13th-month salary will be paid in two installments.",
            ),
            ("A partida terminou 2 a 1.", "The match ended 2-1."),
            (
                "O voo partiu às 8h15 e chegou às 10h.",
                "The flight left at 8:15 a.m. and arrived at 10 a.m.",
            ),
            (
                "Na década de 1980, a inflação chegou a 80% ao mês.",
                "In the 1980s, inflation reached 80% a month.",
            ),
            (
                "O Brasil tem 5.570 municípios.",
                "Brazil has 5,570 municipalities.",
            ),
            (
                "Cerca de metade dos entrevistados disse que não votaria.",
                "About half of those surveyed said they would not vote.",
            ),
            (
                "O projeto prevê investimentos de R$ 100 bi até 2030.",
                "The project foresees investments of R$100 billion by 2030.",
            ),
            (
                "O terremoto de magnitude 7,8 matou milhares de pessoas.",
                "The magnitude 7.8 earthquake killed thousands of people.",
            ),
            (
                "Segundo a polícia, um homem foi preso.",
                "According to police, a man was arrested.",
            ),
            (
                "A taxa de desemprego caiu para 6,1% no trimestre encerrado em dezembro.",
                "The unemployment rate fell to 6.1% in the quarter through December.",
            ),
            (
                "Um em cada cinco brasileiros vive na pobreza.",
                "One in five Brazilians lives in poverty.",
            ),
            (
                "A obra custou três vezes mais do que o previsto.",
                "The work cost three times more than planned.",
            ),
            (
                "O texto foi aprovado por 300 votos a 150.",
                "The bill passed 300-150.",
            ),
            (
                "A temperatura chegou a 42 °C no Rio.",
                "Temperatures reached 42C in Rio.",
            ),
            (
                "O Senado aprovou a PEC em dois turnos.",
                "The Senate approved the amendment in two rounds.",
            ),
            (
                "O G20 se reúne no Rio em 18 e 19 de novembro.",
                "The G20 meets in Rio on November 18-19.",
            ),
            ("A COP30 será em Belém.", "COP30 will be held in Belém."),
            (
                "Ele cumpriu pena de 8 anos e 10 meses.",
                "He served a sentence of eight years and 10 months.",
            ),
            (
                "As vendas cresceram 0,5% em relação ao mês anterior.",
                "Sales rose 0.5% from the previous month.",
            ),
            (
                "O evento reuniu cerca de 200 mil pessoas, segundo os organizadores.",
                "The event drew about 200,000 people, according to the organizers.",
            ),
            (
                "O Brasil foi o segundo maior exportador.",
                "Brazil was the second-largest exporter.",
            ),
            (
                "A lei 14.133, de 2021, mudou as licitações.",
                "Law 14,133 of 2021 changed public procurement.",
            ),
            ("Ele tem 1,80 m de altura.", "He is 1.80 m tall."),
            (
                "Foram registrados 1.234 casos no primeiro semestre.",
                "There were 1,234 cases in the first half.",
            ),
            ("O prazo é de 30 dias.", "The deadline is 30 days."),
            (
                "O acordo foi fechado em 15 de agosto de 2023.",
                "The deal was closed on Aug. 15, 2023.",
            ),
            (
                "A pesquisa ouviu 2.004 pessoas entre 5 e 7 de março.",
                "The poll interviewed 2,004 people March 5-7.",
            ),
            (
                "A margem de erro é de dois pontos percentuais.",
                "The margin of error is two percentage points.",
            ),
            (
                "O Ibovespa subiu 1,2%, aos 128.000 pontos.",
                "The Ibovespa rose 1.2% to 128,000 points.",
            ),
            ("O carro custa R$ 89.990.", "The car costs R$89,990."),
            (
                "A pena pode chegar a 12 anos de prisão.",
                "The sentence can be up to 12 years in prison.",
            ),
            ("Ele morreu aos 92 anos.", "He died at 92."),
            ("Ele morreu aos 92 anos.", "He died aged ninety-two."),
            (
                "A inflação de serviços foi de 5%, enquanto a de bens foi de 3%.",
                "Services inflation was 5%, goods inflation 3%.",
            ),
            (
                "O Brasil perdeu de 7 a 1 para a Alemanha em 2014.",
                "Brazil lost 7-1 to Germany in 2014.",
            ),
            ("Os três poderes se reuniram.", "The three branches met."),
            ("O texto tem 25 artigos.", "The text has 25 articles."),
            (
                "Faltam duas semanas para a eleição.",
                "The election is two weeks away.",
            ),
            (
                "O índice avançou de 3,2% para 3,5%.",
                "The index rose from 3.2% to 3.5%.",
            ),
            (
                "Mais da metade dos 513 deputados votou a favor.",
                "More than half of the 513 deputies voted in favor.",
            ),
            (
                "O ministro disse que não há um plano B.",
                "The minister said there is no plan B.",
            ),
            (
                "Em 1º de janeiro, assume o novo presidente.",
                "The new president takes office on Jan. 1.",
            ),
            (
                "O prêmio acumulou e está em R$ 45 milhões.",
                "The jackpot rolled over and stands at R$45 million.",
            ),
            (
                "Foram três anos de negociação.",
                "It took three years of negotiation.",
            ),
            (
                "A Segunda Guerra Mundial terminou em 1945.",
                "World War II ended in 1945.",
            ),
            (
                "O time venceu por 3 a 0 no domingo (12).",
                "The team won 3-0 on Sunday.",
            ),
            (
                "O número de mortos subiu para 57.",
                "The death toll rose to 57.",
            ),
            (
                "Uma das vítimas tinha 5 anos.",
                "One of the victims was 5 years old.",
            ),
            (
                "O Ministério da Saúde registrou 6,5 milhões de casos de dengue.",
                "The Health Ministry recorded 6.5 million dengue cases.",
            ),
            (
                "O crescimento foi de 2,9% em 2023 e deve ser de 3% em 2024.",
                "Growth was 2.9% in 2023 and is expected to be 3% in 2024.",
            ),
            (
                "A área equivale a 100 campos de futebol.",
                "The area is equivalent to 100 soccer fields.",
            ),
            (
                "São 27 unidades da federação.",
                "There are 27 federal units.",
            ),
            (
                "A empresa lucrou R$ 1 bilhão no trimestre.",
                "The company made a profit of R$1 billion in the quarter.",
            ),
            (
                "Nos anos 70, a economia crescia 10% ao ano.",
                "In the 1970s, the economy grew 10% a year.",
            ),
            (
                "O novo hospital terá 250 leitos, dos quais 50 de UTI.",
                "The new hospital will have 250 beds, 50 of them ICU beds.",
            ),
            (
                "Um dos suspeitos, de 34 anos, foi preso na quarta-feira (5).",
                "One of the suspects, 34, was arrested on Wednesday.",
            ),
            (
                "O ministro passou uma semana em Pequim.",
                "The minister spent a week in Beijing.",
            ),
            (
                "A Petrobras anunciou lucro de R$ 36,6 bilhões no terceiro trimestre.",
                "Petrobras posted a third-quarter profit of 36.6 billion reais.",
            ),
            (
                "A Petrobras anunciou lucro de R$ 36,6 bilhões no 3º trimestre.",
                "Petrobras posted a profit of R$36.6 billion in the third quarter.",
            ),
            (
                "A votação ficou para a semana que vem.",
                "The vote was left for next week.",
            ),
            (
                "A seleção estreia no dia 20 de junho, às 16h.",
                "The team debuts on June 20 at 4 p.m.",
            ),
            (
                "O incêndio destruiu 80% do acervo de 20 milhões de itens.",
                "The fire destroyed 80% of the 20-million-item collection.",
            ),
            (
                "O texto-base foi aprovado por 372 votos a favor e 112 contra.",
                "The main text passed 372-112.",
            ),
            (
                "A frota é de cerca de mil aeronaves.",
                "The fleet numbers about 1,000 aircraft.",
            ),
            (
                "Segunda maior economia do mundo, a China cresceu 5%.",
                "China, the world's second-largest economy, grew 5%.",
            ),
            (
                "O dólar subiu 0,8%, a R$ 6,18, maior valor nominal da história.",
                "The dollar rose 0.8% to 6.18 reais, its highest nominal level ever.",
            ),
            (
                "A pesquisa Datafolha ouviu 2.016 eleitores nos dias 3 e 4 de outubro.",
                "The Datafolha poll interviewed 2,016 voters on Oct. 3-4.",
            ),
            (
                "A Câmara tem 513 deputados e o Senado, 81 senadores.",
                "The lower house has 513 members and the Senate 81.",
            ),
            (
                "O programa atende 20,8 milhões de famílias.",
                "The program serves 20.8 million families.",
            ),
            (
                "A taxa de juros está em 10,5% ao ano desde junho.",
                "Interest rates have been at 10.5% a year since June.",
            ),
            (
                "O acidente ocorreu por volta das 23h de sábado.",
                "The accident happened at around 11 p.m. on Saturday.",
            ),
            (
                "As exportações somaram US$ 339 bilhões em 2023, recorde da série histórica iniciada em 1997.",
                "Exports totaled a record $339 billion in 2023, the highest since records began in 1997.",
            ),
            (
                "Foram duas derrotas seguidas.",
                "It was a second straight defeat.",
            ),
            (
                "A inflação ficou em 0,44% em outubro, após 0,26% em setembro.",
                "Inflation was 0.44% in October, after 0.26% in September.",
            ),
            (
                "A cidade tem 12,3 milhões de habitantes.",
                "The city is home to 12.3 million people.",
            ),
            (
                "O tratado foi assinado há 30 anos, em 1994.",
                "The treaty was signed 30 years ago, in 1994.",
            ),
            (
                "Cinco pessoas morreram e outras dez ficaram feridas.",
                "Five people died and 10 others were injured.",
            ),
            (
                "O presidente completou 100 dias de governo.",
                "The president marked his first 100 days in office.",
            ),
            (
                "O reajuste será de 6,97% a partir de 1º de janeiro.",
                "The increase will be 6.97% starting Jan. 1.",
            ),
            ("A obra está 70% concluída.", "The work is 70% complete."),
            (
                "O navio transportava 1.200 contêineres.",
                "The ship was carrying 1,200 containers.",
            ),
            (
                "As chuvas atingiram 1,2 mil cidades.",
                "The rains hit 1,200 cities.",
            ),
            (
                "Os EUA impuseram tarifa de 25% sobre o aço.",
                "The U.S. imposed a 25% tariff on steel.",
            ),
            (
                "A reunião será na próxima terça.",
                "The meeting will be next Tuesday.",
            ),
            (
                "Quase 40% dos jovens de 18 a 24 anos não estudam.",
                "Nearly 40% of 18- to 24-year-olds are not in school.",
            ),
            (
                "O ministro do Meio Ambiente falou pela segunda vez.",
                "The environment minister spoke for a second time.",
            ),
            (
                "Por um lado, o governo cedeu; por outro, endureceu.",
                "On the one hand, the government gave in; on the other, it hardened.",
            ),
            (
                "Os ataques de 11 de setembro mudaram tudo.",
                "The 9/11 attacks changed everything.",
            ),
            (
                "O serviço funciona 24 horas por dia, sete dias por semana.",
                "The service runs 24/7.",
            ),
            (
                "Foi o primeiro título do clube.",
                "It was the club's first-ever title.",
            ),
            ("Ele é o número um do ranking.", "He is the world No. 1."),
            (
                "A Covid-19 matou mais de 700 mil brasileiros.",
                "Covid-19 killed more than 700,000 Brazilians.",
            ),
            (
                "A menina, de 2 anos, foi resgatada.",
                "The 2-year-old girl was rescued.",
            ),
            (
                "Os dois lados trocaram acusações.",
                "The two sides traded accusations.",
            ),
            (
                "Ambos os lados trocaram acusações.",
                "Both sides traded accusations.",
            ),
            (
                "O Brasil enviou uma missão ao Haiti.",
                "Brazil sent a mission to Haiti.",
            ),
            ("Um dia depois, ele renunciou.", "A day later, he resigned."),
            (
                "A Quarta-feira de Cinzas marca o fim do Carnaval.",
                "Ash Wednesday marks the end of Carnival.",
            ),
            (
                "O presidente cumpriu agenda no Centro-Oeste.",
                "The president had engagements in the Center-West.",
            ),
            (
                "O primeiro-ministro israelense chegou.",
                "The Israeli prime minister arrived.",
            ),
            (
                "Foram mais de cem dias de greve.",
                "The strike lasted more than 100 days.",
            ),
            (
                "A segunda fase da operação começou.",
                "The second phase of the operation began.",
            ),
            (
                "A segunda fase da operação começou.",
                "Phase two of the operation began.",
            ),
            (
                "O grupo dos sete países mais ricos se reuniu.",
                "The Group of Seven richest countries met.",
            ),
            (
                "O texto foi aprovado em primeiro turno.",
                "The text was approved in the first round.",
            ),
            (
                "O ano passado foi o mais quente.",
                "Last year was the hottest.",
            ),
            (
                "O projeto de lei 2.630 foi retirado de pauta.",
                "Bill 2630 was taken off the agenda.",
            ),
            (
                "O evento terá uma segunda edição.",
                "The event will have a second edition.",
            ),
            (
                "O Supremo tem onze ministros.",
                "The Supreme Court has 11 justices.",
            ),
            (
                "O IPCA de 12 meses ficou acima do teto pela primeira vez desde 2022.",
                "Twelve-month IPCA inflation topped the ceiling for the first time since 2022.",
            ),
            (
                "A reunião acontece a cada quatro anos.",
                "The meeting takes place every four years.",
            ),
            (
                "Nasceu em 1º de abril de 1960.",
                "He was born on April 1, 1960.",
            ),
            ("Foram 4 a 3 na votação.", "The vote was 4-3."),
            (
                "O rombo chega a R$ 1,2 tri.",
                "The shortfall reaches 1.2 trillion reais.",
            ),
            (
                "O real caiu 0,7%, a 5,71 por dólar.",
                "The real fell 0.7% to 5.71 per dollar.",
            ),
            (
                "A safra deve atingir 322,5 milhões de toneladas.",
                "The harvest is expected to reach 322.5 million metric tons.",
            ),
            (
                "A Embraer entregou 206 jatos em 2024, sendo 73 comerciais e 133 executivos.",
                "Embraer delivered 206 jets in 2024: 73 commercial and 133 executive aircraft.",
            ),
            (
                "O desmatamento caiu 45,7% entre agosto de 2023 e julho de 2024.",
                "Deforestation fell 45.7% between August 2023 and July 2024.",
            ),
            (
                "São mais de 2,5 milhões de km² de floresta.",
                "That is more than 2.5 million square kilometers of forest.",
            ),
            (
                "A pesquisa tem margem de erro de 2 pontos para mais ou para menos.",
                "The poll has a margin of error of plus or minus 2 points.",
            ),
            (
                "O Congresso aprovou o Orçamento de 2025 em 20 de março.",
                "Congress approved the 2025 budget on March 20.",
            ),
            (
                "A PF cumpriu 12 mandados de busca em 4 estados.",
                "Federal police served 12 search warrants in four states.",
            ),
            (
                "Ele foi preso pela 3ª vez.",
                "He was arrested for the third time.",
            ),
            (
                "Os juros futuros com vencimento em janeiro de 2027 subiram para 15,2%.",
                "Yields on interest rate futures due January 2027 rose to 15.2%.",
            ),
            (
                "O IPCA-15 de março subiu 0,64%.",
                "The IPCA-15 index rose 0.64% in March.",
            ),
            (
                "O Ibovespa fechou em alta de 1,5%, aos 125.980 pontos.",
                "The Bovespa index closed up 1.5% at 125,980 points.",
            ),
            (
                "O texto prevê isenção para quem ganha até R$ 5 mil por mês.",
                "The text exempts those earning up to 5,000 reais a month.",
            ),
            (
                "Cerca de 30 milhões de pessoas serão beneficiadas.",
                "Some 30 million people will benefit.",
            ),
            (
                "O prazo termina às 23h59 de sexta-feira (31).",
                "The deadline ends at 11:59 p.m. on Friday.",
            ),
            (
                "A alíquota passa de 27,5% para 25%.",
                "The rate drops from 27.5% to 25%.",
            ),
            (
                "Trata-se da maior alta desde 2003, no primeiro mandato de Lula.",
                "It is the biggest increase since 2003, in Lula's first term.",
            ),
            (
                "O país registrou 1.032 homicídios no primeiro semestre.",
                "The country recorded 1,032 homicides in the first half.",
            ),
        ];
        for (s, t) in pairs {
            clean(s, t);
        }
    }

    #[test]
    fn newsroom_style_mistakes_are_caught() {
        let pairs = [
            ("O PIB cresceu 3,4% em 2024.", "GDP grew 4.3% in 2024."),
            (
                "O governo vai liberar R$ 2,5 bilhões.",
                "The government will release 2.5 million reais.",
            ),
            (
                "Mais de 10 mil pessoas foram às ruas.",
                "More than 1,000 people took to the streets.",
            ),
            (
                "Faltam duas semanas para a eleição.",
                "The election is three weeks away.",
            ),
            (
                "O acordo foi fechado em 15 de agosto.",
                "The deal was closed on August 5.",
            ),
            ("Em junho, a inflação subiu.", "In July, inflation rose."),
            ("Foram registrados 1.234 casos.", "There were 1.234 cases."),
            (
                "O acidente deixou 12 mortos e 30 feridos.",
                "The accident left 30 injured.",
            ),
            (
                "O acidente deixou 12 mortos.",
                "The accident left 12 dead and about 300 injured.",
            ),
            ("Foi a terceira rodada.", "It was the fourth round."),
            ("O 13º salário.", "The 31st salary."),
            ("Ele morreu aos 92 anos.", "He died at 29."),
            (
                "A população é de 1,5 milhão.",
                "The population is 1.5 billion.",
            ),
            ("A taxa ficou em 6,1%.", "The rate stood at 6,1%."),
            ("O carro custa R$ 89.990.", "The car costs R$89.990."),
            (
                "O Brasil tem 5.570 municípios.",
                "Brazil has 5.570 municipalities.",
            ),
            (
                "Dezenas de pessoas ficaram feridas.",
                "Hundreds of people were injured.",
            ),
            ("Cerca de metade votou.", "About a third voted."),
            ("Foram três anos.", "It took four years."),
            ("Em 1º de janeiro de 2023.", "On January 1, 2024."),
            (
                "A dívida chegou a US$ 1,2 trilhão.",
                "The debt reached $1.2 billion.",
            ),
            ("O prazo é de 30 dias.", "The deadline is 13 days."),
            ("Entre 3 e 5 pessoas.", "Between 3 and 6 people."),
            (
                "As vendas caíram 2,5% em março e 1,8% em abril.",
                "Sales fell 2.5% in March and 1.8% in May.",
            ),
            ("A reunião foi às 14h.", "The meeting was at 4 p.m."),
            ("Em 2023, o PIB cresceu.", "In 2013, GDP grew."),
            ("O prêmio é de R$ 5 mil.", "The prize is 5 million reais."),
            ("A aprovação é de 40%.", "Approval stands at 14%."),
            (
                "Nos anos 90, tudo mudou.",
                "In the 1980s, everything changed.",
            ),
            (
                "O acordo vale US$ 5 bilhões.",
                "The deal is worth R$5 billion.",
            ),
            ("A taxa subiu 2 pontos percentuais.", "The rate rose 2%."),
            (
                "Milhões de pessoas protestaram.",
                "Thousands of people protested.",
            ),
            (
                "A cidade tem 1,5 milhão de habitantes.",
                "The city has 15 million inhabitants.",
            ),
            (
                "Cerca de 20% dos votos foram anulados, e 3% em branco.",
                "About 20% of the votes were spoiled, and blank.",
            ),
            (
                "Foi a primeira vez que o time perdeu.",
                "It was the second time the team lost.",
            ),
            ("Ele tem 45 anos.", "He is 54."),
            ("O voo durou 11 horas.", "The flight lasted 12 hours."),
            ("Foram presos 3 suspeitos.", "Two suspects were arrested."),
        ];
        for (s, t) in pairs {
            assert!(!errors(s, t).is_empty(), "not caught: {s} / {t}");
        }
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        const SOUP: &str = "(1|12|1\\.000|3,4|2,5|2025|15/08|14h|um|dois|vinte|e|mil|milhões|de|março|May|June|R\\$|US\\$|%|º|th|-|a|the|one|third|half|anos|1990s|\\(|\\)|,|tens|of|dezenas|XXI|basis points|billion)";

        proptest! {
            // Each case builds two profiles; keep the suite fast.
            #![proptest_config(ProptestConfig::with_cases(64))]
            #[test]
            fn check_never_panics_and_spans_are_in_the_link_text(
                a in proptest::collection::vec(SOUP, 1..10),
                b in proptest::collection::vec(SOUP, 1..10),
            ) {
                let (src, tgt) = (a.join(" "), b.join(" "));
                for f in Fixture::pair(&src, &tgt).run(&NumberCheck) {
                    if let Some(r) = f.source_span {
                        prop_assert!(src.get(r).is_some());
                    }
                    if let Some(r) = f.target_span {
                        prop_assert!(tgt.get(r).is_some());
                    }
                }
            }
        }
    }

    #[test]
    fn times_are_never_false_alarms() {
        clean("Às 9h, ele saiu.", "He left in the morning.");
        clean("Das 8h às 18h.", "From 8 a.m. to 6 p.m.");
        clean("Às 20h30.", "At 8:30 p.m.");
        clean("A viagem dura 10h.", "The trip takes 10 hours.");
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
        ] {
            let f = errors(s, t);
            assert!(f.is_empty(), "{s} → {t}: {f:#?}");
        }
        assert_eq!(
            errors("A trilha tem 10 km.", "The trail is 10 miles long.").len(),
            1
        );
    }

    #[test]
    fn versions_compare_as_strings() {
        let f = errors(
            "A versão 2.4.1 corrige falhas.",
            "Version 2.1.4 fixes bugs.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("version"), "{}", f[0].message);
        assert_eq!(f[0].suggestion.as_deref(), Some("2.4.1"));
        assert!(
            errors(
                "A versão 2.4.1 corrige falhas.",
                "Version 2.4.1 fixes bugs."
            )
            .is_empty()
        );
        // Thousands groups are still numbers.
        assert!(errors("São 1.693.673 vagas.", "There are 1,693,673 jobs.").is_empty());
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
    fn number_words_inside_proper_names_are_not_numbers() {
        for (s, t) in [
            (
                "A fábrica de Três Lagoas abriu.",
                "The Três Lagoas plant opened.",
            ),
            ("A usina de Sete Quedas.", "The Sete Quedas dam."),
            ("E Sete viveu muito.", "And Seth lived long."),
            (
                "Na rua Quinze de Novembro.",
                "On Fifteenth of November Street.",
            ),
            ("Três Lagoas cresceu.", "Três Lagoas grew."),
        ] {
            let f = errors(s, t);
            assert!(f.is_empty(), "{s} → {t}: {f:#?}");
        }
        // A sentence-initial number word before a common word is a number.
        assert_eq!(errors("Três homens chegaram.", "Two men arrived.").len(), 1);
    }

    #[test]
    fn changed_time_is_error() {
        let f = errors("A reunião foi às 14h.", "The meeting was at 4 p.m.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("14h") && f[0].message.contains("4 p.m."));
        assert_eq!(f[0].suggestion.as_deref(), Some("2 p.m."));
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

    #[test]
    fn a_bracketed_conversion_is_not_an_added_number() {
        clean(
            "A renda foi de R$ 5,3 milhões.",
            "Receipts reached 5.3 million reais (about $1 million).",
        );
        clean(
            "O orçamento foi de R$ 9,8 milhões.",
            "The budget was 9.8 million reais ($1.8 million).",
        );
        clean(
            "Febre abaixo de 38 °C em 8% dos casos.",
            "Fever below 38 °C (100.4 °F) in 8% of cases.",
        );
    }

    #[test]
    fn a_bracketed_number_that_is_not_a_conversion_is_still_reported() {
        // Same currency: not a conversion.
        assert!(
            !run(
                "Custou R$ 5 milhões.",
                "It cost 5 million reais (R$ 6 million)."
            )
            .is_empty()
        );
        // A bracket with more than a hedge is new information.
        assert!(
            !run(
                "Custou R$ 5 milhões.",
                "It cost 5 million reais (up from $2 million in 2020)."
            )
            .is_empty()
        );
        // The converted amount itself must still match.
        assert!(
            !errors(
                "Custou R$ 5 milhões.",
                "It cost 5 billion reais (about $1 million)."
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
    fn an_untranslated_sentence_is_left_to_the_untranslated_rule() {
        clean(
            "A eficácia geral foi de 67,3%.",
            "A eficácia geral foi de 67,3%.",
        );
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
    fn triple_is_three_times() {
        clean(
            "Foram 1,5 milhão de afetados, o triplo de 2022.",
            "1.5 million were affected, three times the 2022 figure.",
        );
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

    fn langs(sl: &str, tl: &str, src: &str, tgt: &str) -> Vec<Finding> {
        Fixture::with_langs(sl, tl, &[(&[src], &[tgt])]).run(&NumberCheck)
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
    fn ambiguous_double_alone_is_not_reported() {
        // No multiple in the source: "double standard" is no quantity.
        clean("É um critério hipócrita.", "It is a double standard.");
        clean(
            "O jogador fez uma tripla jogada.",
            "The player made a triple play.",
        );
    }

    #[test]
    fn multiples_in_spanish_and_french() {
        assert!(langs("es", "en", "El coste fue el doble.", "The cost was double.").is_empty());
        let f = langs(
            "es",
            "en",
            "El coste fue el doble.",
            "The cost was three times higher.",
        );
        assert!(f.iter().any(|f| f.severity == Severity::Error), "{f:#?}");
        let f = langs(
            "fr",
            "en",
            "Le coût a atteint le triple.",
            "The cost reached twice that.",
        );
        assert!(f.iter().any(|f| f.severity == Severity::Error), "{f:#?}");
        assert!(
            langs(
                "fr",
                "en",
                "La moitié des électeurs.",
                "Half of the voters."
            )
            .is_empty()
        );
    }
}
