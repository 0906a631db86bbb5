//! Writing a mention back in a profile's conventions, for suggestions.

use super::{DigitInfo, NumberKind, NumberMention, approx};
use crate::profile::{NumberProfile, Profile};

/// Writes `value` with the profile's separators: `decimals` digits after the
/// decimal separator, integer part grouped by thousands when `group`.
pub fn format_number(
    value: f64,
    decimals: usize,
    group: bool,
    p: &NumberProfile,
) -> Option<String> {
    if !value.is_finite() || value.abs() >= 1e18 || decimals > 12 {
        return None;
    }
    let s = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) => (a.to_string(), Some(b.to_string())),
        None => (s.clone(), None),
    };
    let sep = p.group.first().map_or(",", String::as_str);
    let mut out = String::new();
    // A sign that rounding leaves on a zero ("-0") is dropped.
    if value < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    if group && int.len() > 3 {
        let first = int.len() % 3;
        for (k, c) in int.chars().enumerate() {
            if k > 0 && (k + 3 - first) % 3 == 0 {
                out.push_str(sep);
            }
            out.push(c);
        }
    } else {
        out.push_str(&int);
    }
    if let Some(f) = frac {
        out.push_str(if p.decimal.is_empty() {
            "."
        } else {
            &p.decimal
        });
        out.push_str(&f);
    }
    Some(out)
}

/// Decimals needed to write `v` (up to 6), for numbers read from words.
fn natural_decimals(v: f64) -> usize {
    (0..=6)
        .find(|&d| {
            let f = 10f64.powi(d as i32);
            ((v * f).round() - v * f).abs() < 1e-6
        })
        .unwrap_or(6)
}

/// Writes a mention of another language in `p`'s conventions ("3,4%" → "3.4%",
/// "4 de março" → "March 4"), when the profile says how.
pub fn render(m: &NumberMention, p: &Profile) -> Option<String> {
    let np = &p.numbers;
    match &m.kind {
        NumberKind::Version(v) => Some(v.clone()),
        NumberKind::Weekday(d) => np.weekdays.get(usize::from(*d)).cloned(),
        NumberKind::Date { month, day, year } => render_date(np, *month, *day, *year),
        NumberKind::Month(mo) => month_name(np, *mo),
        NumberKind::Day(d) => Some(d.to_string()),
        NumberKind::Time {
            minutes,
            twelve_hour: false,
        } => render_time(np, *minutes),
        NumberKind::Time { .. }
        | NumberKind::Code
        | NumberKind::Vague
        | NumberKind::Decade
        | NumberKind::Ordinal => None,
        NumberKind::Year => Some(format!("{}", m.value)),
        // "dois terços" is not helped by "0.666667".
        NumberKind::Fraction if m.words => None,
        NumberKind::PercentagePoints if np.percentage_point_template.is_empty() => None,
        NumberKind::Plain
        | NumberKind::Percent
        | NumberKind::PercentagePoints
        | NumberKind::Currency(_)
        | NumberKind::Fraction => {
            let s = render_quantity(m, np)?;
            Some(dress(&m.kind, s, np))
        }
    }
}

/// The profile's name of month `month` (1-12): the first of its spellings.
fn month_name(np: &NumberProfile, month: u8) -> Option<String> {
    np.months
        .get(usize::from(month).checked_sub(1)?)?
        .split('|')
        .next()
        .map(str::to_string)
}

/// A date through the profile's template for the parts it has; a month
/// alone is its name.
fn render_date(
    np: &NumberProfile,
    month: u8,
    day: Option<u8>,
    year: Option<i32>,
) -> Option<String> {
    let name = &month_name(np, month)?;
    let template = match (day, year) {
        (Some(_), Some(_)) => &np.date_template,
        (Some(_), None) => &np.date_template_no_year,
        (None, Some(_)) => &np.date_template_month_year,
        (None, None) => return Some(name.clone()),
    };
    if template.is_empty() {
        return None;
    }
    Some(
        template
            .replace("{month}", name)
            .replace("{day}", &day.map(|d| d.to_string()).unwrap_or_default())
            .replace("{year}", &year.map(|y| y.to_string()).unwrap_or_default()),
    )
}

/// A 24-hour time of day through the profile's template (its whole-hour
/// one when the minutes are zero and it has one).
fn render_time(np: &NumberProfile, minutes: u32) -> Option<String> {
    let template = if minutes.is_multiple_of(60) && !np.time_template_whole_hour.is_empty() {
        &np.time_template_whole_hour
    } else {
        &np.time_template
    };
    if template.is_empty() {
        return None;
    }
    let (h24, mm) = ((minutes / 60) % 24, minutes % 60);
    let h12 = if h24 % 12 == 0 { 12 } else { h24 % 12 };
    let marks = if h24 < 12 { &np.time_am } else { &np.time_pm };
    Some(
        template
            .replace("{H}", &h24.to_string())
            .replace("{h}", &h12.to_string())
            .replace("{MM}", &format!("{mm:02}"))
            .replace("{ampm}", marks.first().map_or("", String::as_str)),
    )
}

/// The number itself in the profile's separators, with the profile's scale
/// word when it has one for the mention's scale ("348,7 bilhões" →
/// "348.7 billion"), else written out in full; as many decimals and the
/// same grouping as the source wrote.
fn render_quantity(m: &NumberMention, np: &NumberProfile) -> Option<String> {
    let scale_word = m.scale.as_ref().and_then(|(_, s)| {
        np.scale_display
            .iter()
            .find(|w| np.scales.get(*w).is_some_and(|v| approx(*v, *s)))
    });
    // "2,3 mil milhões" is 2300 millions: the profile writes it with its
    // own larger scale word ("2.3 billion").
    let larger = scale_word
        .filter(|_| m.mantissa().abs() >= 1000.0)
        .and_then(|_| larger_scale(m.value, np));
    let (scale_word, number, grouped_default) = match (larger, scale_word) {
        (Some((w, v)), _) => (Some(w), m.value / v, false),
        (None, Some(w)) => (Some(w), m.mantissa(), false),
        (None, None) if m.scale.is_some() => (None, m.value, true),
        (None, None) => (None, m.mantissa(), true),
    };
    let decimals = match (&m.digits, scale_word) {
        _ if larger.is_some() => natural_decimals(number),
        (Some(d), Some(_)) => d.decimals,
        (Some(d), None) if m.scale.is_none() => d.decimals,
        _ => natural_decimals(number),
    };
    let group = match &m.digits {
        Some(d) if m.scale.is_none() => d.group_sep.is_some() || number.abs() >= 10_000.0,
        _ => grouped_default && number.abs() >= 1000.0,
    };
    let mut s = format_number(number, decimals, group, np)?;
    if let Some(w) = scale_word {
        s = format!("{s} {w}");
    }
    Some(s)
}

/// The profile's largest display scale word no larger than `value`, and
/// its value.
fn larger_scale(value: f64, np: &NumberProfile) -> Option<(&String, f64)> {
    np.scale_display
        .iter()
        .filter_map(|w| np.scales.get(w).map(|&v| (w, v)))
        .filter(|&(_, v)| v > 1.0 && v <= value.abs())
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// The written number `s` with what its kind adds: the percent sign,
/// "percentage points", the currency symbol, through the profile's templates.
fn dress(kind: &NumberKind, s: String, np: &NumberProfile) -> String {
    match kind {
        NumberKind::PercentagePoints => np.percentage_point_template.replace("{number}", &s),
        NumberKind::Percent => {
            let t = if np.percent_template.is_empty() {
                "{number}%"
            } else {
                &np.percent_template
            };
            t.replace("{number}", &s)
        }
        NumberKind::Currency(code) => {
            let symbol = currency_symbol(code, np);
            let t = if np.currency_template.is_empty() {
                "{currency}{number}"
            } else {
                &np.currency_template
            };
            t.replace("{currency}", &symbol).replace("{number}", &s)
        }
        _ => s,
    }
}

/// The profile's symbol for currency `code`: its own, else the first
/// written form it reads as that code that is not a word, else the code.
fn currency_symbol(code: &str, np: &NumberProfile) -> String {
    np.currency_symbols.get(code).cloned().unwrap_or_else(|| {
        np.currency_codes
            .iter()
            .filter(|(k, v)| *v == code && k.chars().any(|c| !c.is_alphabetic()))
            .map(|(k, _)| k.clone())
            .next()
            .unwrap_or_else(|| code.to_string())
    })
}

/// Writes a whole number as a word of `p` ("two"), with the capital of
/// `like` when it has one; `None` when the profile has no single word for it.
pub fn render_words(m: &NumberMention, p: &Profile, like: &str) -> Option<String> {
    if !matches!(m.kind, NumberKind::Plain | NumberKind::Year) || m.value.fract() != 0.0 {
        return None;
    }
    let ambiguous = |w: &str| {
        p.numbers
            .ambiguous
            .iter()
            .any(|a| a.eq_ignore_ascii_case(w))
    };
    let word = p
        .numbers
        .cardinals
        .iter()
        .filter(|(w, v)| approx(**v, m.value) && !w.contains(' '))
        .min_by_key(|(w, _)| (ambiguous(w), w.len()))
        .map(|(w, _)| w.clone())?;
    if like.chars().next().is_some_and(char::is_uppercase) {
        let mut c = word.chars();
        let first = c.next()?;
        return Some(first.to_uppercase().chain(c).collect());
    }
    Some(word)
}

/// Writes a fraction in words of `p` ("two-thirds") by the profile's
/// `fraction_template`; `None` when the profile cannot say it.
pub fn render_fraction_words(m: &NumberMention, p: &Profile, like: &str) -> Option<String> {
    let np = &p.numbers;
    if m.kind != NumberKind::Fraction || np.fraction_template.is_empty() {
        return None;
    }
    let ambiguous = |w: &str| np.ambiguous.iter().any(|a| a.eq_ignore_ascii_case(w));
    // The smallest numerator that gives the value with one of the fractions.
    let (n, f) = np
        .fractions
        .values()
        .filter(|f| **f > 0.0 && **f < 1.0)
        .filter_map(|f| {
            let n = (m.value / f).round();
            ((1.0..=10.0).contains(&n) && approx(n * f, m.value)).then_some((n, *f))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))?;
    // Plural for more than one ("terços", "thirds"), as the profile spells it.
    let word = np
        .fractions
        .iter()
        .filter(|(w, v)| approx(**v, f) && !w.contains(' '))
        .min_by_key(|(w, _)| (w.ends_with('s') != (n > 1.0), ambiguous(w), w.len()))
        .map(|(w, _)| w.clone())?;
    let mut whole = m.clone();
    whole.kind = NumberKind::Plain;
    whole.value = n;
    let numerator = render_words(&whole, p, like)?;
    Some(
        np.fraction_template
            .replace("{numerator}", &numerator)
            .replace("{fraction}", &word),
    )
}

/// Rewrites the digits of a mention written in the other convention in the
/// profile's own ("1.693.673" → "1,693,673" in English).
pub fn rewrite_digits(d: &DigitInfo, value: f64, p: &Profile) -> Option<String> {
    format_number(value, d.decimals, d.group_sep.is_some(), &p.numbers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::test_support::*;

    #[test]
    fn render_in_target_conventions() {
        let m = one("3,4%", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("3.4%"));
        let m = one("1.693.673", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("1,693,673"));
        let m = one("US$ 348,7 bilhões", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("$348.7 billion"));
        let m = one("$348.7 billion", &en());
        assert_eq!(render(&m, &pt()).as_deref(), Some("US$ 348,7 bilhões"));
        let m = one("4 de março de 2025", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("March 4, 2025"));
        let m = one("March 4", &en());
        assert_eq!(render(&m, &pt()).as_deref(), Some("4 de março"));
        let m = one("noventa", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("90"));
        let m = one("às 14h", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("2 p.m."));
        let m = one("at 8:15 a.m.", &en());
        assert_eq!(render(&m, &pt()).as_deref(), Some("8h15"));
        let m = one("R$ 5 mil", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("R$5,000"));
    }

    #[test]
    fn a_thousand_millions_is_written_with_the_larger_scale() {
        let m = one("2,3 mil milhões de euros", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("€2.3 billion"));
        let m = one("1.500 milhões de euros", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("€1.5 billion"));
        // Under a thousand of its own scale it keeps that scale.
        let m = one("950 milhões de euros", &pt());
        assert_eq!(render(&m, &en()).as_deref(), Some("€950 million"));
    }

    #[test]
    fn fractions_in_words() {
        let m = one("dois terços", &pt());
        assert_eq!(
            render_fraction_words(&m, &en(), "x").as_deref(),
            Some("two-thirds")
        );
        let m = one("two-thirds", &en());
        assert_eq!(
            render_fraction_words(&m, &pt(), "x").as_deref(),
            Some("dois terços")
        );
        let m = one("um terço", &pt());
        assert_eq!(
            render_fraction_words(&m, &en(), "One").as_deref(),
            Some("One-third")
        );
    }

    #[test]
    fn format_number_groups() {
        let p = en().numbers;
        assert_eq!(format_number(1693673.0, 0, true, &p).unwrap(), "1,693,673");
        assert_eq!(format_number(123.0, 0, true, &p).unwrap(), "123");
        assert_eq!(format_number(1234.5, 2, true, &p).unwrap(), "1,234.50");
        assert_eq!(format_number(f64::INFINITY, 0, true, &p), None);
    }
}
