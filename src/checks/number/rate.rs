//! What a value is given per: "R$ 2.000 por mês" is a rate per month,
//! "€4,100 per square metre" one per area. A paired value whose two sides
//! name different periods or areas is a changed rate.

use super::Sides;
use super::context::{close, is_space, leading_unit, unit_after, unit_words};
use crate::finding::Severity;
use crate::numbers::NumberMention;
use crate::profile::{Profile, Unit};

/// The unit `m` is given per, with the words from the value to it: a rate
/// joiner and a unit of the profile ("por metro quadrado", "a week"), or a
/// rate word alone ("mensais", "monthly"), right after the value or its own
/// unit ("5 dias por semana", "três vezes por semana").
pub(super) fn rate_after<'p, 't>(
    text: &'t str,
    m: &NumberMention,
    p: &'p Profile,
) -> Option<(&'p Unit, &'t str)> {
    let (unit, rate) = rate_alone(text, m, p)?;
    // `rate` is a slice of `text`: its end is an offset in it.
    let end = rate.as_ptr() as usize - text.as_ptr() as usize + rate.len();
    Some((unit, text.get(m.end..end)?.trim_start_matches(is_space)))
}

/// The rate of [`rate_after`], with only the words that name it.
fn rate_alone<'p, 't>(
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
    let period = p.numbers.period_joiners.contains(first);
    if !(period || p.numbers.rate_joiners.contains(first)) || words.len() < 2 {
        return None;
    }
    // "on the week": an article between a period joiner and its duration.
    let from = if period && words.len() > 2 && p.words.function_words.contains(&words[1].0) {
        2
    } else {
        1
    };
    let (n, unit) = leading_unit(&words[from..], p)?;
    // "per in": a unit that is also a function word is no rate's unit.
    if n == 1 && p.words.function_words.contains(&words[from].0) {
        return None;
    }
    if period && unit.dimension != "duration" {
        return None;
    }
    Some((unit, &rest[..words[from + n - 1].1]))
}

impl Sides<'_> {
    /// A rate converted to another period or area: "R$ 2.000 por mês" as
    /// "R$24,000 a year", "500 euros por semana" as "€26,000 a year" (52
    /// weeks). Matched when the value per base unit agrees within a
    /// conversion's rounding; any other value stays a changed amount.
    pub(super) fn match_rate_conversions(
        &self,
        su: &mut [bool],
        tu: &mut [bool],
    ) -> Vec<(usize, usize)> {
        let (src, tgt) = self.sides();
        self.pass_at(su, tu, |i, j| {
            let (s, t) = (&self.src[i], &self.tgt[j]);
            if s.weak
                || t.weak
                || std::mem::discriminant(&s.kind) != std::mem::discriminant(&t.kind)
            {
                return false;
            }
            let (Some((a, _)), Some((b, _))) = (src.rate(i), tgt.rate(j)) else {
                return false;
            };
            a.dimension == b.dimension
                && !close(a.factor, b.factor)
                && close(s.value / a.factor, t.value / b.factor)
        })
    }

    /// Same value, other period or area: "R$ 2.000 por mês" as "$2,000 a
    /// week", or "US$ 4,37 por bushel" as "$4.37 a ton". A rate named on
    /// one side only passes (editions drop them); a rate converted to the
    /// other unit passes.
    ///
    /// Kept apart from `unit_changes`, its twin in shape: a quantity is
    /// its value times its unit (with an offset, for temperatures) and
    /// names its unit after the number, a rate its value divided by its
    /// period, named after that unit; one loop over both readings would
    /// hide which of the two a finding compared.
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
    fn a_value_given_for_another_period_is_an_error() {
        for (s, t) in [
            (
                "A soja acumulou alta de 3,2% na semana.",
                "Soybeans rose 3.2% on the month.",
            ),
            (
                "As vendas cresceram 4% no ano.",
                "Sales grew 4% this month.",
            ),
        ] {
            assert_eq!(rate_errors(&pt_en(s, t)), 1, "{t}");
        }
        for (s, t) in [
            (
                "A soja acumulou alta de 3,2% na semana.",
                "Soybeans rose 3.2% over the week.",
            ),
            ("As vendas cresceram 4% no ano.", "Sales grew 4% this year."),
            // The period said on one side only, or no period at all.
            ("As vendas cresceram 4% no ano.", "Sales grew 4%."),
            (
                "Ficou 3 dias na primeira semana.",
                "He stayed 3 days in the first month.",
            ),
        ] {
            assert_eq!(rate_errors(&pt_en(s, t)), 0, "{t}");
        }
        let es = run(
            "es",
            "en",
            "Las ventas subieron un 4% en el año.",
            "Sales rose 4% this month.",
        );
        assert_eq!(rate_errors(&es), 1, "{es:?}");
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
    #[test]
    fn a_changed_frequency_is_a_changed_rate() {
        for (s, t) in [
            (
                "Ele treina três vezes por semana.",
                "He trains three times a day.",
            ),
            (
                "Ele treina duas vezes por semana.",
                "He trains twice a month.",
            ),
            (
                "A revisão ocorre duas vezes ao ano.",
                "The review takes place twice a month.",
            ),
            (
                "Ele treina três vezes por semana.",
                "He trains thrice a year.",
            ),
        ] {
            let f = pt_en(s, t);
            assert_eq!(rate_errors(&f), 1, "{s} / {t}: {f:#?}");
        }
        let f = pt_en(
            "Ele treina três vezes por semana.",
            "He trains three times a day.",
        );
        assert!(
            f[0].message.contains("três vezes por semana")
                && f[0].message.contains("three times a day"),
            "{f:#?}"
        );
    }

    #[test]
    fn the_same_frequency_passes_and_a_changed_count_is_still_read() {
        for (s, t) in [
            (
                "Ele treina três vezes por semana.",
                "He trains three times a week.",
            ),
            (
                "Ele treina duas vezes por semana.",
                "He trains twice a week.",
            ),
            (
                "Ele treina três vezes por semana.",
                "He trains thrice weekly.",
            ),
            (
                "A revisão ocorre duas vezes ao ano.",
                "The review takes place twice a year.",
            ),
            (
                "Ele viajou três vezes ao Japão.",
                "He travelled to Japan three times.",
            ),
        ] {
            assert!(pt_en(s, t).is_empty(), "{s} / {t}: {:#?}", pt_en(s, t));
        }
        let f = pt_en(
            "Ele treina três vezes por semana.",
            "He trains twice a week.",
        );
        assert!(
            f.iter()
                .any(|f| f.severity == crate::finding::Severity::Error),
            "{f:#?}"
        );
    }

    #[test]
    fn other_profiles_count_occurrences_too() {
        for (l, s) in [
            ("es", "Entrena tres veces por semana."),
            ("fr", "Il s'entraîne trois fois par semaine."),
            ("it", "Si allena tre volte alla settimana."),
            ("de", "Er trainiert drei Mal pro Woche."),
        ] {
            let f = run(l, "en", s, "He trains three times a month.");
            assert_eq!(rate_errors(&f), 1, "{l}: {f:#?}");
            let f = run(l, "en", s, "He trains three times a week.");
            assert!(f.is_empty(), "{l}: {f:#?}");
        }
    }
    #[test]
    fn a_rate_converted_to_another_period_passes() {
        for (s, t) in [
            (
                "O salário é de R$ 2.000 por mês.",
                "The salary is R$24,000 a year.",
            ),
            (
                "O aluguel é de 500 reais por semana.",
                "The rent is 26,000 reais a year.",
            ),
            (
                "A diária é de 100 reais por dia.",
                "The rate is 700 reais a week.",
            ),
            (
                "A taxa é de 36.500 reais por ano.",
                "The fee is 100 reais a day.",
            ),
        ] {
            let f = pt_en(s, t);
            assert!(f.is_empty(), "{s} / {t}: {f:#?}");
        }
        let f = run(
            "fr",
            "en",
            "Le loyer est de 1 000 euros par mois.",
            "The rent is 12,000 euros a year.",
        );
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_wrong_value_with_a_changed_period_is_still_an_error() {
        for (s, t) in [
            (
                "O salário é de R$ 2.000 por mês.",
                "The salary is R$20,000 a year.",
            ),
            (
                "O salário é de R$ 2.000 por mês.",
                "The salary is R$2,000 a year.",
            ),
            (
                "O salário é de R$ 2.000 por mês.",
                "The salary is $24,000 a year.",
            ),
        ] {
            let f = pt_en(s, t);
            assert!(
                f.iter()
                    .any(|f| f.severity == crate::finding::Severity::Error),
                "{s} / {t}: {f:#?}"
            );
        }
    }
}
