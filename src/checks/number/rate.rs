//! What a value is given per: "R$ 2.000 por mês" is a rate per month,
//! "€4,100 per square metre" one per area. A paired value whose two sides
//! name different periods or areas is a changed rate.

use super::Sides;
use super::context::{close, is_space, leading_unit, unit_after, unit_words};
use crate::finding::Severity;
use crate::numbers::NumberMention;
use crate::profile::{Profile, Unit};

/// The unit `m` is given per, with the words that name it: a rate joiner
/// and a unit of the profile ("por metro quadrado", "a week"), or a rate
/// word alone ("mensais", "monthly"), right after the value or its own
/// unit ("5 dias por semana").
pub(super) fn rate_after<'p, 't>(
    text: &'t str,
    m: &NumberMention,
    p: &'p Profile,
) -> Option<(&'p Unit, &'t str)> {
    let mut from = m.end;
    if let Some((_, named)) = unit_after(text, m, p) {
        // `named` is a slice of `text`: its end is an offset in it.
        let at = named.as_ptr() as usize - text.as_ptr() as usize;
        from = from.max(at + named.len());
    }
    let rest = text.get(from..)?.trim_start_matches(is_space);
    let words = unit_words(rest);
    let first = &words.first()?.0;
    if let Some(u) = p.numbers.rate_units.get(first) {
        return Some((u, &rest[..words[0].1]));
    }
    if !p.numbers.rate_joiners.contains(first) || words.len() < 2 {
        return None;
    }
    let (n, unit) = leading_unit(&words[1..], p)?;
    // "per in": a unit that is also a function word is no rate's unit.
    if n == 1 && p.words.function_words.contains(&words[1].0) {
        return None;
    }
    Some((unit, &rest[..words[n].1]))
}

impl Sides<'_> {
    /// Same value, other period or area: "R$ 2.000 por mês" as "$2,000 a
    /// week", or "US$ 4,37 por bushel" as "$4.37 a ton". A rate named on
    /// one side only passes (editions drop them); a rate converted to the
    /// other unit passes.
    pub(super) fn rate_changes(&mut self, pairs: &[(usize, usize)]) {
        for &(i, j) in pairs {
            let (s, t) = (&self.src[i], &self.tgt[j]);
            let (Some((a, sr)), Some((b, tr))) = (
                rate_after(self.src_text, s, self.sp),
                rate_after(self.tgt_text, t, self.tp),
            ) else {
                continue;
            };
            // Per another kind of unit, a conversion changes the figure:
            // the same figure per tonne for per bushel is a changed rate.
            let converted = if a.dimension == b.dimension {
                close(s.value / a.factor, t.value / b.factor)
            } else {
                !close(s.value, t.value)
            };
            if converted {
                continue;
            }
            let message = format!(
                "rate changed: {} {sr} in the source, {} {tr} in the target",
                s.raw, t.raw
            );
            let f = self.paired(Severity::Error, message, s, t);
            self.findings.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testutil::Fixture;
    use crate::finding::Finding;

    fn run(from: &str, to: &str, s: &str, t: &str) -> Vec<Finding> {
        Fixture::with_langs(from, to, &[(&[s], &[t])]).run(&super::super::NumberCheck)
    }

    fn pt_en(s: &str, t: &str) -> Vec<Finding> {
        run("pt", "en", s, t)
    }

    fn rate_errors(f: &[Finding]) -> usize {
        f.iter()
            .filter(|x| x.message.starts_with("rate changed"))
            .count()
    }

    #[test]
    fn a_changed_period_is_an_error() {
        for (s, t) in [
            (
                "O salário é de 2.000 reais por mês.",
                "The salary is 2,000 reais a week.",
            ),
            (
                "O salário é de 2.000 reais por mês.",
                "The salary is 2,000 reais per week.",
            ),
            (
                "O salário é de 2.000 reais por mês.",
                "The salary is 2,000 reais weekly.",
            ),
            (
                "O imposto é de 50 reais por ano.",
                "The tax is 50 reais a month.",
            ),
            (
                "A taxa é de 300 reais mensais.",
                "The fee is 300 reais annually.",
            ),
            (
                "Ele trabalha 5 dias por semana.",
                "He works 5 days a month.",
            ),
        ] {
            let f = pt_en(s, t);
            assert_eq!(rate_errors(&f), 1, "{s} / {t}: {f:#?}");
        }
    }

    #[test]
    fn the_same_figure_per_another_kind_of_unit_is_an_error() {
        let f = pt_en(
            "O contrato caiu para US$ 4,37 por bushel.",
            "The contract fell to $4.37 a ton.",
        );
        assert_eq!(rate_errors(&f), 1, "{f:#?}");
        // Converted to the other unit, the figure changes: no finding.
        let f = pt_en(
            "O contrato caiu para US$ 4,37 por bushel.",
            "The contract fell to $172 a ton.",
        );
        assert_eq!(rate_errors(&f), 0, "{f:#?}");
        let f = pt_en(
            "O contrato caiu para US$ 4,37 por bushel.",
            "The contract fell to $4.37 a bushel.",
        );
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn the_same_period_in_other_words_passes() {
        for (s, t) in [
            (
                "O salário é de 2.000 reais por mês.",
                "The salary is 2,000 reais a month.",
            ),
            (
                "O salário é de 2.000 reais ao mês.",
                "The salary is 2,000 reais monthly.",
            ),
            (
                "A taxa é de 300 reais anuais.",
                "The fee is 300 reais a year.",
            ),
            ("Ele trabalha 5 dias por semana.", "He works 5 days a week."),
            (
                "A diária é de 80 reais por dia.",
                "The rate is 80 reais per day.",
            ),
        ] {
            assert!(pt_en(s, t).is_empty(), "{s} / {t}: {:#?}", pt_en(s, t));
        }
    }

    #[test]
    fn a_period_on_one_side_only_passes() {
        assert!(
            pt_en(
                "O salário é de 2.000 reais por mês.",
                "The salary is 2,000 reais."
            )
            .is_empty()
        );
        assert!(
            pt_en(
                "O salário é de 2.000 reais.",
                "The salary is 2,000 reais a week."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_changed_area_is_an_error_and_a_conversion_passes() {
        let f = pt_en(
            "O aluguel custa 4.100 euros por metro quadrado.",
            "Rent costs 4,100 euros per square foot.",
        );
        assert_eq!(rate_errors(&f), 1, "{f:#?}");
        for t in [
            "Rent costs 4,100 euros per square metre.",
            "Rent costs 4,100 euros per square meter.",
            "Rent costs 4,100 euros per m².",
        ] {
            let f = pt_en("O aluguel custa 4.100 euros por metro quadrado.", t);
            assert!(f.is_empty(), "{t}: {f:#?}");
        }
        assert_eq!(
            rate_errors(&pt_en(
                "O terreno custa 9.500 reais por metro quadrado.",
                "The plot costs 9,500 reais per sq ft."
            )),
            1
        );
    }

    #[test]
    fn a_number_then_a_joiner_without_a_unit_is_no_rate() {
        assert!(pt_en("Foram 3 por cento a mais.", "It was 3 per cent more.").is_empty());
        assert!(pt_en("Abre às 9 da manhã.", "It opens at 9 a.m.").is_empty());
    }

    #[test]
    fn other_profiles_read_rates_too() {
        let f = run(
            "es",
            "en",
            "El alquiler es de 900 euros al mes.",
            "The rent is 900 euros a week.",
        );
        assert_eq!(rate_errors(&f), 1, "{f:#?}");
        assert!(
            run(
                "fr",
                "en",
                "Le loyer est de 900 euros par mois.",
                "The rent is 900 euros a month.",
            )
            .is_empty()
        );
        let f = run(
            "de",
            "en",
            "Die Miete beträgt 900 Euro pro Quadratmeter.",
            "The rent is 900 euros per square foot.",
        );
        assert_eq!(rate_errors(&f), 1, "{f:#?}");
        let f = run(
            "it",
            "en",
            "L'affitto è di 900 euro al mese.",
            "The rent is 900 euros a year.",
        );
        assert_eq!(rate_errors(&f), 1, "{f:#?}");
    }
}
