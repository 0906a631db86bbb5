//! A language whose profile cannot read number words, month names or scale
//! words (the generic profile of a language without one): what the other
//! side wrote that way cannot be verified against it, so it only confirms.
//! Digits are still compared: a date's day and year, a scaled number's
//! digits.

use crate::numbers::{NumberKind, NumberMention};
use crate::profile::{NumberProfile, Profile};

/// What a side's profile can read besides digits.
pub(super) struct Reads {
    words: bool,
    months: bool,
    /// Scale words and abbreviations, lower case.
    scales: Vec<String>,
}

impl Reads {
    pub(super) fn of(p: &Profile) -> Reads {
        let n: &NumberProfile = &p.numbers;
        Reads {
            words: !n.cardinals.is_empty(),
            months: !n.months.is_empty(),
            scales: n.scales.keys().map(|k| k.to_lowercase()).collect(),
        }
    }

    /// Whether this side's profile reads the scale word `w`.
    fn reads_scale(&self, w: &str) -> bool {
        let w = w.to_lowercase();
        self.scales.contains(&w)
    }
}

/// Adapts one side's mentions to what the other side (`other`) can read:
/// words and month names only confirm, a date with a month name becomes its
/// day and year, a scale word the other cannot read leaves its digits.
pub(super) fn degrade(ms: &mut Vec<NumberMention>, other: &Reads) {
    if other.words && other.months {
        // Scale words are only missed by a profile without number words.
        return;
    }
    let mut out = Vec::with_capacity(ms.len());
    for mut m in ms.drain(..) {
        if !other.months && named_month(&m) {
            out.extend(date_parts(&m));
            continue;
        }
        if !other.words && m.words {
            m.weak = true;
        }
        if let Some((w, _)) = &m.scale
            && !other.reads_scale(w)
        {
            m.value = m.mantissa();
            m.scale = None;
            m.weak = true;
        }
        out.push(m);
    }
    *ms = out;
}

/// A date or month written with a month name ("20 November 2009", "May").
fn named_month(m: &NumberMention) -> bool {
    matches!(m.kind, NumberKind::Date { .. } | NumberKind::Month(_))
        && m.raw.chars().any(char::is_alphabetic)
}

/// A date with a month name as the numbers the other side may read: its
/// day and year as digits, its month number confirming only (a numeric
/// month there).
fn date_parts(m: &NumberMention) -> Vec<NumberMention> {
    let part = |value: f64, kind: NumberKind, weak: bool| NumberMention {
        value,
        kind,
        raw: value.to_string(),
        words: m.words,
        scale: None,
        digits: None,
        weak: weak || m.words,
        ..m.clone()
    };
    match m.kind {
        NumberKind::Date { month, day, year } => {
            let mut v = Vec::new();
            if let Some(d) = day {
                v.push(part(f64::from(d), NumberKind::Plain, false));
            }
            v.push(part(f64::from(month), NumberKind::Plain, true));
            if let Some(y) = year {
                v.push(part(f64::from(y), NumberKind::Year, false));
            }
            v
        }
        _ => vec![part(m.value, NumberKind::Plain, true)],
    }
}

#[cfg(test)]
mod tests {
    use super::super::NumberCheck;
    use crate::checks::testutil::Fixture;
    use crate::finding::{Finding, Severity};

    fn errors(sl: &str, tl: &str, src: &str, tgt: &str) -> Vec<Finding> {
        Fixture::with_langs(sl, tl, &[(&[src], &[tgt])])
            .run(&NumberCheck)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect()
    }

    #[test]
    fn number_words_against_a_language_without_them_only_confirm() {
        let f = errors("en", "pl", "Three boats left.", "Trzy łodzie wypłynęły.");
        assert!(f.is_empty(), "{f:#?}");
        let f = errors(
            "xx",
            "pt",
            "Trzy łodzie, 4 porty.",
            "Três barcos, 4 portos.",
        );
        assert!(f.is_empty(), "{f:#?}");
        // Digits are still compared.
        let f = errors(
            "en",
            "pl",
            "Three boats, 4 ports.",
            "Trzy łodzie, 5 portów.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn a_date_with_a_month_name_compares_its_day_and_year() {
        let f = errors(
            "en",
            "pl",
            "It opened on 20 November 2009.",
            "Otwarto go 20 listopada 2009.",
        );
        assert!(f.is_empty(), "{f:#?}");
        let f = errors(
            "en",
            "ja",
            "It opened on November 20, 2009.",
            "2009年11月20日に開業した。",
        );
        assert!(f.is_empty(), "{f:#?}");
        let f = errors(
            "en",
            "pl",
            "It opened on 20 November 2009.",
            "Otwarto go 21 listopada 2009.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        let f = errors("pt", "pl", "Saiu em outubro.", "Wyszedł w październiku.");
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_scale_word_the_other_side_cannot_read_leaves_its_digits() {
        let f = errors(
            "en",
            "pl",
            "It cost 2.5 billion euros.",
            "Kosztowało 2,5 miliarda euro.",
        );
        assert!(f.is_empty(), "{f:#?}");
        let f = errors(
            "en",
            "pl",
            "It cost 2.5 billion euros.",
            "Kosztowało 3,5 miliarda euro.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        // An abbreviation both read is still a scale.
        let f = errors("en", "pl", "It cost $2.5bn.", "Kosztowało $2.5bn.");
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn languages_with_profiles_are_unchanged() {
        let f = errors("pt", "en", "Três barcos saíram.", "Four boats left.");
        assert_eq!(f.len(), 1, "{f:#?}");
        let f = errors("pt", "en", "Em 20 de novembro.", "On 21 November.");
        assert_eq!(f.len(), 1, "{f:#?}");
    }
}
