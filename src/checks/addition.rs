//! The `addition` check: a target sentence with no source (a 0-1 link).
//!
//! A warning: translators add context on purpose. Very short added lines
//! (three words or fewer) and editorial lines (the target profile's
//! `editorial_prefixes`: "(Editor's note: …)", "Reporting by …") are info;
//! a photo caption carries content and stays a warning.

use super::omission::{excerpt, is_editorial, span_in_link, unmatched_is_short};
use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct AdditionCheck;

impl AdditionCheck {
    /// Severity of a target sentence with no source: info when short or
    /// editorial (a byline, an editor's note); `None` when too slight to report.
    fn severity(&self, text: &str, ctx: &Context) -> Option<Severity> {
        let short = unmatched_is_short(text)?;
        Some(if short || is_editorial(text, ctx.target_profile) {
            Severity::Info
        } else {
            self.default_severity()
        })
    }

    /// Reports target sentence `sentence` of link `li`, unless it is too
    /// slight or `reported` already has it; `why` says where it sits.
    fn report_in_link(
        &self,
        ctx: &Context,
        li: usize,
        sentence: usize,
        reported: Option<&super::unmet::Reported>,
        why: impl FnOnce() -> String,
        out: &mut Vec<Finding>,
    ) {
        let Some(link) = ctx.links.get(li) else {
            return;
        };
        let Some((span, text)) =
            span_in_link(&link.target, ctx.target_segments, ctx.target, sentence)
        else {
            return;
        };
        if reported.is_some_and(|r| r.overlaps(li, &span)) {
            return;
        }
        let Some(sev) = self.severity(text, ctx) else {
            return;
        };
        out.push(
            Finding::new(
                self.id(),
                sev,
                format!(
                    "target sentence has no source ({}): \"{}\"",
                    why(),
                    excerpt(text, 60)
                ),
            )
            .link(li)
            .target_span(span),
        );
    }

    /// Target sentences hidden in the middle of a merged link
    /// ([`Context::hidden`]): reported as a 0-1 link would be.
    fn hidden_in_links(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for h in ctx.hidden().iter().filter(|h| !h.source) {
            let why = || "it sits inside the translation of the sentence around it".to_string();
            self.report_in_link(ctx, h.link, h.sentence, None, why, out);
        }
    }

    /// Target sentences of merged links whose content words meet nothing
    /// in the link's source while the rest of the link plainly renders it
    /// ([`super::unmet`]). Skips sentences already reported.
    fn unmet_in_links(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let mut vocab = None;
        // Sentences of one link never overlap: the findings made here need
        // no entry.
        let reported = super::unmet::Reported::of(out, self.id(), false);
        for (li, link) in ctx.links.iter().enumerate() {
            if link.target.len() < 2 || link.source.is_empty() {
                continue;
            }
            let vocab = vocab.get_or_insert_with(|| super::unmet::vocabulary(&ctx.source.text));
            for u in super::unmet::unmet_in_link(ctx, li, false, vocab) {
                let why = || {
                    format!(
                        "{} in the source of the sentences around it",
                        super::unmet::how_met(&u)
                    )
                };
                self.report_in_link(ctx, li, u.sentence, Some(&reported), why, out);
            }
        }
    }
}

impl Check for AdditionCheck {
    fn id(&self) -> &'static str {
        "addition"
    }
    fn description(&self) -> &'static str {
        "A target sentence with no source"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        self.hidden_in_links(ctx, out);
        self.unmet_in_links(ctx, out);
        for v in &ctx.views {
            if !v.source.is_empty() || v.target.is_empty() {
                continue;
            }
            let text = &v.target.text;
            let Some(sev) = self.severity(text, ctx) else {
                continue;
            };
            out.push(
                Finding::new(
                    self.id(),
                    sev,
                    format!("target sentence has no source: \"{}\"", excerpt(text, 60)),
                )
                .link(v.index)
                .target_span(0..text.len()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    #[test]
    fn an_added_photo_caption_is_a_warning() {
        let f = Fixture::links(&[
            (&["O ministro chegou."], &["The minister arrived."]),
            (
                &[],
                &["Photo: Striker Pedro celebrates Flamengo's second goal."],
            ),
        ]);
        let out = f.run(&AdditionCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
    }

    #[test]
    fn reports_an_added_sentence() {
        let f = Fixture::links(&[
            (&["O ministro chegou."], &["The minister arrived."]),
            (&[], &["He was greeted by a crowd of supporters."]),
        ]);
        let out = f.run(&AdditionCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].link, Some(1));
        assert_eq!(out[0].severity, Severity::Warning);
        assert_eq!(out[0].target_span, Some(0..40));
        assert!(out[0].message.contains("greeted"));
    }

    #[test]
    fn short_added_line_is_info() {
        let f = Fixture::links(&[(&[], &["Editing by Reuters"])]);
        let out = f.run(&AdditionCheck);
        assert_eq!(out[0].severity, Severity::Info);
    }

    #[test]
    fn editors_note_is_info() {
        let f = Fixture::links(&[(
            &[],
            &["(Editor’s note: the target is 3%, with a band of 1.5 points.)"],
        )]);
        let out = f.run(&AdditionCheck);
        assert_eq!(out[0].severity, Severity::Info);
    }

    #[test]
    fn omissions_and_pairs_are_left_alone() {
        let f = Fixture::links(&[
            (&["O ministro chegou."], &["The minister arrived."]),
            (&["Frase sem tradução nenhuma."], &[]),
        ]);
        assert!(f.run(&AdditionCheck).is_empty());
    }

    #[test]
    fn sentence_hidden_inside_a_merged_link_is_reported_on_its_span() {
        let (a, b, c) = (
            "The line will run 933 kilometers and is expected to cost 18 billion.",
            "Officials in Belém expect 75 ships a month at the new terminal by 2031.",
            "Farmers in Sorriso say freight could be 30% cheaper.",
        );
        let mut pairs = Fixture::clear_pairs();
        let merged: (&[&str], &[&str]) = (
            &[
                "A obra terá 933 quilômetros e deve custar 18 bilhões, e produtores de Sorriso dizem que o frete pode ficar 30% mais barato.",
            ],
            &[a, b, c],
        );
        pairs.push(merged);
        let f = Fixture::links(&pairs);
        let out = f.run(&AdditionCheck);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].link, Some(5));
        assert_eq!(out[0].severity, Severity::Warning);
        let start = a.len() + 1;
        assert_eq!(out[0].target_span, Some(start..start + b.len()));
    }
}
