//! The `length` check: a link whose target/source length ratio is far
//! outside the document's own distribution, a possible partial omission (or
//! addition).
//!
//! Robust statistics over the document's 1-1 links: the median and the
//! median absolute deviation (MAD) of log(target chars / source chars). A
//! link is flagged when its robust z-score passes [`Z_LIMIT`] *and* its ratio
//! is at least [`FACTOR`] times off the median ([`FACTOR_LONGER`] when the
//! target is the longer one), so a document whose
//! sentences all agree closely does not turn small differences into
//! findings. Short sentences never count: their ratios are noise. Links
//! with no source or no target belong to `omission` and `addition`.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct LengthCheck;

/// Robust z-score above which a ratio is an outlier.
const Z_LIMIT: f64 = 3.5;
/// Minimum factor between a link's ratio and the document's median, for a
/// target shorter than expected.
const FACTOR: f64 = 1.6;
/// The same for a longer target: translators add short explanations on
/// purpose ("the CBF, Brazil's football confederation"), so only a gross
/// excess counts.
const FACTOR_LONGER: f64 = 2.5;
/// Sentences shorter than this (in letters and digits) are not judged.
const MIN_CHARS: usize = 40;
/// Below this many usable 1-1 links the document's own spread is not trusted
/// and [`PRIOR_MAD`] is used instead.
const MIN_LINKS: usize = 8;
/// Spread used when the document is too short to measure its own.
const PRIOR_MAD: f64 = 0.15;
/// The spread is never taken smaller than this.
const MIN_MAD: f64 = 0.06;

/// Letters and digits: spaces and punctuation vary too much between
/// languages to count.
pub(crate) fn size(text: &str) -> usize {
    // ASCII (most English sentences): counted by byte, nothing decoded.
    if text.is_ascii() {
        return text.bytes().filter(u8::is_ascii_alphanumeric).count();
    }
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Median and MAD (floored) of log(target size / source size) over the
/// document's usable 1-1 links, with a prior when there are too few.
pub(crate) fn log_ratio_stats(ctx: &Context) -> (f64, f64) {
    let mut one_one: Vec<f64> = ctx
        .views
        .iter()
        .filter(|v| {
            ctx.links
                .get(v.index)
                .is_some_and(|l| l.source.len() == 1 && l.target.len() == 1)
        })
        .map(|v| (size(&v.source.text), size(&v.target.text)))
        .filter(|(s, t)| *s >= MIN_CHARS / 2 && *t >= MIN_CHARS / 2)
        .map(|(s, t)| (t as f64 / s as f64).ln())
        .collect();
    let n = one_one.len();
    match median(&mut one_one) {
        Some(m) if n >= MIN_LINKS => {
            let mut dev: Vec<f64> = one_one.iter().map(|r| (r - m).abs()).collect();
            let mad = median(&mut dev).unwrap_or(PRIOR_MAD);
            (m, mad.max(MIN_MAD))
        }
        Some(m) if n >= 3 => (m, PRIOR_MAD),
        _ => (0.0, PRIOR_MAD),
    }
}

impl Check for LengthCheck {
    fn id(&self) -> &'static str {
        "length"
    }
    fn description(&self) -> &'static str {
        "A link whose length ratio is far outside the document's own: a possible partial omission"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let ratios: Vec<(usize, usize, usize)> = ctx
            .views
            .iter()
            .filter(|v| !v.source.is_empty() && !v.target.is_empty())
            .map(|v| (v.index, size(&v.source.text), size(&v.target.text)))
            .collect();
        let (med, mad) = log_ratio_stats(ctx);
        let sigma = 1.4826 * mad;
        for (i, s, t) in ratios {
            if s < MIN_CHARS && t < MIN_CHARS {
                continue;
            }
            if s == 0 || t == 0 {
                continue;
            }
            let r = (t as f64 / s as f64).ln();
            let z = (r - med) / sigma;
            let factor = if z < 0.0 { FACTOR } else { FACTOR_LONGER };
            if z.abs() <= Z_LIMIT || (r - med).abs() < factor.ln() {
                continue;
            }
            // Shorter target: the source must be long enough to judge;
            // longer target: the target must be.
            if (z < 0.0 && s < MIN_CHARS) || (z > 0.0 && t < MIN_CHARS) {
                continue;
            }
            let pct = ((r - med).exp() * 100.0).round();
            let msg = if z < 0.0 {
                format!(
                    "target is {pct}% of the length expected from this document's other sentences: part of the source may be missing"
                )
            } else {
                format!(
                    "target is {pct}% of the length expected from this document's other sentences: it may add something"
                )
            };
            let Some(v) = ctx.views.get(i) else { continue };
            out.push(
                Finding::new(self.id(), self.default_severity(), msg)
                    .link(i)
                    .source_span(0..v.source.text.len())
                    .target_span(0..v.target.text.len()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    const PAIRS: &[(&str, &str)] = &[
        (
            "O ministro das Relações Exteriores chegou nesta terça-feira a Mascate.",
            "The foreign minister arrived in Muscat on Tuesday afternoon.",
        ),
        (
            "As conversas com os americanos devem durar pelo menos dois dias.",
            "The talks with the Americans should last at least two days.",
        ),
        (
            "O governo disse que não pretende fazer concessões neste momento.",
            "The government said it does not intend to make concessions now.",
        ),
        (
            "A inflação acumulada em doze meses chegou a quatro por cento.",
            "Inflation over twelve months reached four percent in total.",
        ),
        (
            "O Banco Central deve manter os juros na próxima reunião do comitê.",
            "The Central Bank should hold rates at the committee's next meeting.",
        ),
        (
            "Os analistas esperam um crescimento menor no segundo semestre.",
            "Analysts expect slower growth in the second half of the year.",
        ),
        (
            "A oposição criticou a proposta e prometeu votar contra ela.",
            "The opposition criticised the proposal and vowed to vote against it.",
        ),
        (
            "O presidente deve viajar para a Europa na semana que vem.",
            "The president is expected to travel to Europe next week.",
        ),
        (
            "A medida vale a partir de janeiro e atinge milhões de pessoas.",
            "The measure takes effect in January and affects millions of people.",
        ),
    ];

    fn fixture(last: (&'static str, &'static str)) -> Fixture {
        let all: Vec<[&str; 2]> = PAIRS
            .iter()
            .chain(std::iter::once(&last))
            .map(|(s, t)| [*s, *t])
            .collect();
        let v: Vec<(&[&str], &[&str])> = all.iter().map(|p| (&p[..1], &p[1..])).collect();
        Fixture::links(&v)
    }

    #[test]
    fn clean_document_passes() {
        let f = fixture((
            "O acordo foi assinado depois de meses de negociação difícil.",
            "The deal was signed after months of difficult negotiation.",
        ));
        assert!(f.run(&LengthCheck).is_empty());
    }

    #[test]
    fn truncated_translation_is_flagged() {
        let f = fixture((
            "O acordo foi assinado depois de meses de negociação difícil entre os dois países, que disputam a região há décadas e já travaram duas guerras.",
            "The deal was signed after months of talks.",
        ));
        let out = f.run(&LengthCheck);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].link, Some(9));
        assert_eq!(out[0].severity, Severity::Warning);
        assert!(out[0].message.contains("missing"));
    }

    #[test]
    fn padded_translation_is_flagged() {
        let f = fixture((
            "O acordo foi assinado ontem.",
            "The deal was signed yesterday, after months of difficult negotiation between the two countries, which have disputed the region for decades.",
        ));
        let out = f.run(&LengthCheck);
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(out[0].message.contains("add"));
    }

    #[test]
    fn explanatory_gloss_in_the_target_passes() {
        let f = fixture((
            "Segundo a CBF, o público foi de 68.453 pessoas no estádio.",
            "According to the CBF, the Brazilian football confederation, attendance at the stadium was 68,453, a season record.",
        ));
        assert!(f.run(&LengthCheck).is_empty());
    }

    #[test]
    fn short_sentences_are_not_judged() {
        let f = fixture(("Sim, disse ele com calma.", "Yes."));
        assert!(f.run(&LengthCheck).is_empty());
    }

    #[test]
    fn omissions_and_additions_are_left_to_their_checks() {
        let f = Fixture::links(&[
            (
                &["Uma frase bastante longa que não tem tradução nenhuma aqui."],
                &[],
            ),
            (
                &[],
                &["A fairly long sentence that has no source at all in the text."],
            ),
        ]);
        assert!(f.run(&LengthCheck).is_empty());
    }

    #[test]
    fn works_on_a_short_document_with_the_prior() {
        let f = Fixture::links(&[(
            &[
                "O acordo foi assinado depois de meses de negociação difícil entre os dois países, que disputam a região há décadas.",
            ],
            &["The deal was signed."],
        )]);
        assert_eq!(f.run(&LengthCheck).len(), 1);
    }
}
