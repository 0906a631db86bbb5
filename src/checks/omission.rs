//! The `omission` check: a source sentence with no translation (a 1-0 link).
//!
//! One finding per 1-0 link. A link whose source has at most
//! [`SHORT_WORDS`] words (a credit, a dateline, "Leia mais") is only a
//! warning: such lines are often dropped on purpose, and a short segment is
//! also where alignment is least sure. An editorial line that editions drop
//! on purpose (the source profile's `editorial_prefixes`: "Leia também: …",
//! credits) is info. When the translation next to it is too long for its
//! own source, and this sentence would make up the difference, the sentence
//! was probably merged there and missed by the alignment: a warning. A source with no letters at all (separators such as
//! `***`) is not reported.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct OmissionCheck;

/// Segments with this many words or fewer are reported as warnings.
pub(crate) const SHORT_WORDS: usize = 3;

/// The first words of `text`, at most `max` characters, with an ellipsis when cut.
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    // Cut at the last space so the excerpt ends on a whole word.
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end())
}

/// Whether `text` starts like an editorial line of the profile (related
/// article, credit, editor's note), ignoring case, accents and opening
/// punctuation.
pub(crate) fn is_editorial(text: &str, profile: &crate::profile::Profile) -> bool {
    let t = crate::text::fold(text.trim_start_matches(|c: char| !c.is_alphanumeric()));
    profile
        .words
        .editorial_prefixes
        .iter()
        .any(|p| !p.is_empty() && t.starts_with(&crate::text::fold(p)))
}

/// Whether an unmatched segment is short (`Some(true)`), long
/// (`Some(false)`), or not worth reporting because it has no letters (`None`).
pub(crate) fn unmatched_is_short(text: &str) -> Option<bool> {
    if !text.chars().any(char::is_alphabetic) {
        return None;
    }
    let n = crate::text::words(text)
        .iter()
        .filter(|w| w.text.chars().any(char::is_alphabetic))
        .count();
    Some(n <= SHORT_WORDS)
}

/// Whether the untranslated source sentence of link `li` looks merged into
/// the translation of a neighbouring link (an alignment slip rather than an
/// omission): that neighbour's target is too long for its source, and adding
/// this sentence to its source brings the ratio closer to the document's.
fn looks_merged(ctx: &Context, li: usize, median: f64) -> bool {
    let Some(v) = ctx.views.get(li) else {
        return false;
    };
    let extra = super::length::size(&v.source.text) as f64;
    [li.checked_sub(1), li.checked_add(1)]
        .into_iter()
        .flatten()
        .filter_map(|n| ctx.views.get(n))
        .filter(|n| !n.source.is_empty() && !n.target.is_empty())
        .any(|n| {
            let s = super::length::size(&n.source.text) as f64;
            let t = super::length::size(&n.target.text) as f64;
            if s == 0.0 || t == 0.0 {
                return false;
            }
            let now = ((t / s).ln() - median).abs();
            let merged = ((t / (s + extra)).ln() - median).abs();
            now >= MERGE_SLACK && merged < now
        })
}

/// How far (in log ratio) a neighbour's length must be off before an
/// untranslated sentence is suspected to be merged into it.
const MERGE_SLACK: f64 = 0.12;

impl Check for OmissionCheck {
    fn id(&self) -> &'static str {
        "omission"
    }
    fn description(&self) -> &'static str {
        "A source sentence with no translation"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let (median, _) = super::length::log_ratio_stats(ctx);
        for v in &ctx.views {
            if v.source.is_empty() || !v.target.is_empty() {
                continue;
            }
            let text = &v.source.text;
            let merged = looks_merged(ctx, v.index, median);
            let Some(short) = unmatched_is_short(text) else {
                continue;
            };
            let sev = if is_editorial(text, ctx.source_profile) {
                Severity::Info
            } else if short || merged {
                Severity::Warning
            } else {
                self.default_severity()
            };
            out.push(
                Finding::new(
                    self.id(),
                    sev,
                    format!(
                        "source sentence not translated: \"{}\"{}",
                        excerpt(text, 60),
                        if merged {
                            " (or merged into the translation next to it)"
                        } else {
                            ""
                        }
                    ),
                )
                .link(v.index)
                .source_span(0..text.len()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    #[test]
    fn reports_an_untranslated_sentence() {
        let f = Fixture::links(&[
            (&["O ministro chegou."], &["The minister arrived."]),
            (&["Ele vai se reunir com os americanos amanhã."], &[]),
        ]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].link, Some(1));
        assert_eq!(out[0].severity, Severity::Error);
        assert!(
            out[0].message.contains("Ele vai se reunir"),
            "{}",
            out[0].message
        );
        let n = "Ele vai se reunir com os americanos amanhã.".len();
        assert_eq!(out[0].source_span, Some(0..n));
    }

    #[test]
    fn sentence_merged_into_the_next_translation_is_a_warning() {
        let f = Fixture::links(&[
            (
                &["O ministro chegou a Brasília nesta manhã."],
                &["The minister arrived in Brasília this morning."],
            ),
            (
                &["Barcos de abastecimento não conseguem mais navegar."],
                &[],
            ),
            (
                &["Escolas foram fechadas na região."],
                &[
                    "With supply boats no longer able to navigate, schools in the region were closed.",
                ],
            ),
        ]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
        assert!(out[0].message.contains("merged"));
    }

    #[test]
    fn omission_between_well_matched_neighbours_stays_an_error() {
        let f = Fixture::links(&[
            (
                &["O ministro chegou a Brasília nesta manhã."],
                &["The minister arrived in Brasília this morning."],
            ),
            (
                &["Barcos de abastecimento não conseguem mais navegar."],
                &[],
            ),
            (
                &["Escolas foram fechadas na região."],
                &["Schools in the region were closed."],
            ),
        ]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out[0].severity, Severity::Error);
    }

    #[test]
    fn one_finding_per_link() {
        let f = Fixture::links(&[
            (&["Primeira frase longa aqui."], &[]),
            (&["Segunda frase longa aqui."], &[]),
        ]);
        assert_eq!(f.run(&OmissionCheck).len(), 2);
    }

    #[test]
    fn short_segment_is_a_warning() {
        let f = Fixture::links(&[(&["Mais detalhes adiante."], &[])]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
    }

    #[test]
    fn editorial_line_is_info() {
        let f = Fixture::links(&[(&["Leia também: Petróleo sobe 3% com tensão no Golfo"], &[])]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Info);
    }

    #[test]
    fn separator_is_left_alone() {
        let f = Fixture::links(&[(&["***"], &[])]);
        assert!(f.run(&OmissionCheck).is_empty());
    }

    #[test]
    fn translated_and_added_links_are_left_alone() {
        let f = Fixture::links(&[
            (&["O ministro chegou."], &["The minister arrived."]),
            (&[], &["An added sentence."]),
        ]);
        assert!(f.run(&OmissionCheck).is_empty());
    }

    #[test]
    fn long_sentence_is_cut_in_the_message() {
        let long = "Palavra ".repeat(30);
        let f = Fixture::links(&[(&[long.trim()], &[])]);
        let out = f.run(&OmissionCheck);
        assert!(out[0].message.ends_with("…\""), "{}", out[0].message);
        assert!(out[0].message.len() < 100);
    }
}
