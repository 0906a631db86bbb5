//! The `glossary` check: a glossary term not rendered as the glossary says,
//! a term left untranslated or misspelled, or a forbidden spelling.

use super::{Check, Context};
use crate::finding::{Finding, Severity};
use crate::glossary::{Kind, Match, Term, matcher};
use crate::text::{fold, words};
use std::ops::Range;

pub struct GlossaryCheck;

/// Largest normalised edit distance at which a target span counts as a
/// misspelling of the expected rendering.
const NEAR: f64 = 0.25;

impl Check for GlossaryCheck {
    fn id(&self) -> &'static str {
        "glossary"
    }
    fn description(&self) -> &'static str {
        "A glossary term not rendered as the glossary says, or a forbidden spelling"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let g = ctx.glossary;
        if g.terms.is_empty() {
            return;
        }
        let m = g.matcher(ctx.source_profile, ctx.target_profile);
        let tgt_matches: Vec<Vec<Match>> =
            ctx.views.iter().map(|v| m.find(&v.target.text)).collect();
        for (vi, v) in ctx.views.iter().enumerate() {
            let Some(tgt) = tgt_matches.get(vi) else {
                continue;
            };
            let low_conf = ctx.links.get(vi).is_some_and(|l| l.low_confidence);
            let mut reported: Vec<Range<usize>> = Vec::new();
            let mut forbidden_terms: Vec<usize> = Vec::new();

            // Forbidden spellings, wherever they are.
            for f in tgt
                .iter()
                .filter(|x| x.kind == Kind::Forbidden && x.accent_exact)
            {
                let covered = tgt.iter().any(|x| {
                    x.kind == Kind::Target && x.accent_exact && x.start <= f.start && x.end >= f.end
                });
                if covered || overlaps(&reported, f.start..f.end) {
                    continue;
                }
                let Some(term) = g.terms.get(f.term) else {
                    continue;
                };
                let Some((bad, good)) = term.forbidden.get(f.index) else {
                    continue;
                };
                let found = v.target.text.get(f.start..f.end).unwrap_or(bad);
                out.push(
                    Finding::new(
                        "glossary",
                        Severity::Error,
                        format!("forbidden spelling '{found}': the glossary spells it '{good}'"),
                    )
                    .link(vi)
                    .target_span(f.start..f.end)
                    .suggestion(good.clone())
                    .expected(good.clone()),
                );
                reported.push(f.start..f.end);
                forbidden_terms.push(f.term);
            }

            if v.source.is_empty() {
                continue;
            }
            let src: Vec<Match> = matcher::longest_only(
                m.find(&v.source.text)
                    .into_iter()
                    .filter(|x| x.kind == Kind::Source)
                    .collect(),
            );
            let mut done: Vec<usize> = Vec::new();
            for s in &src {
                if done.contains(&s.term) {
                    continue;
                }
                done.push(s.term);
                let Some(term) = g.terms.get(s.term) else {
                    continue;
                };
                let Some(preferred) = term.preferred() else {
                    continue;
                };
                if forbidden_terms.contains(&s.term) {
                    continue;
                }
                let rendered_in = |ms: &[Match]| {
                    ms.iter()
                        .any(|x| x.kind == Kind::Target && renders(g.terms.get(x.term), term))
                };
                if rendered_in(tgt) {
                    continue;
                }
                // Alignment slack: the rendering may sit in a neighbouring link.
                let neighbours = [vi.checked_sub(1), Some(vi + 1)];
                if neighbours
                    .iter()
                    .flatten()
                    .filter_map(|&n| tgt_matches.get(n))
                    .any(|ms| rendered_in(ms))
                {
                    continue;
                }
                let src_text = v.source.text.get(s.start..s.end).unwrap_or(preferred);
                let sev = if low_conf {
                    Severity::Warning
                } else {
                    Severity::Error
                };

                // The source spelling left as it was.
                if let Some(u) = tgt.iter().find(|x| {
                    x.kind == Kind::Source
                        && x.term == s.term
                        && !overlaps(&reported, x.start..x.end)
                }) {
                    let found = v.target.text.get(u.start..u.end).unwrap_or("");
                    let msg = if distance(found, preferred) <= NEAR {
                        format!(
                            "misspelled '{found}': the glossary renders '{src_text}' as '{preferred}'"
                        )
                    } else {
                        format!(
                            "untranslated term '{found}': the glossary renders '{src_text}' as '{preferred}'"
                        )
                    };
                    out.push(
                        Finding::new("glossary", sev, msg)
                            .link(vi)
                            .source_span(s.start..s.end)
                            .target_span(u.start..u.end)
                            .suggestion(preferred)
                            .expected(preferred),
                    );
                    reported.push(u.start..u.end);
                    continue;
                }

                let best = best_span(&v.target.text, &term.targets);
                if let Some((r, d)) = &best {
                    if *d == 0.0 {
                        // Same letters, other case: rendered.
                        continue;
                    }
                    let is_other_term = tgt
                        .iter()
                        .any(|x| x.kind == Kind::Target && x.start == r.start && x.end == r.end);
                    if *d <= NEAR && !is_other_term && !overlaps(&reported, r.clone()) {
                        let found = v.target.text.get(r.clone()).unwrap_or("");
                        out.push(
                            Finding::new(
                                "glossary",
                                sev,
                                format!(
                                    "misspelled '{found}': the glossary renders '{src_text}' as '{preferred}'"
                                ),
                            )
                            .link(vi)
                            .source_span(s.start..s.end)
                            .target_span(r.clone())
                            .suggestion(preferred)
                            .expected(preferred),
                        );
                        reported.push(r.clone());
                        continue;
                    }
                }
                // A name kept as it is: its absence is the name check's business.
                if is_unchanged_name(term) {
                    continue;
                }
                let alternatives = if term.targets.len() > 1 {
                    format!(" (or {})", quoted_list(&term.targets[1..]))
                } else {
                    String::new()
                };
                let mut f = Finding::new(
                    "glossary",
                    sev,
                    format!(
                        "term '{src_text}' is not rendered as '{preferred}'{alternatives} in the translation"
                    ),
                )
                .link(vi)
                .source_span(s.start..s.end)
                .expected(preferred);
                if let Some((r, d)) = best
                    && d <= 0.5
                {
                    f = f.target_span(r);
                }
                out.push(f);
            }
        }
    }
}

/// Whether a target match of `found`'s term renders `wanted`: the same term,
/// or another entry with the same source spelling and accepted rendering.
fn renders(found: Option<&Term>, wanted: &Term) -> bool {
    let Some(found) = found else {
        return false;
    };
    if std::ptr::eq(found, wanted) {
        return true;
    }
    found.targets.iter().any(|t| wanted.targets.contains(t))
        && found
            .source
            .iter()
            .any(|s| wanted.source.iter().any(|w| fold(w) == fold(s)))
}

/// A name whose rendering is its own source spelling (Trump → Trump).
fn is_unchanged_name(t: &Term) -> bool {
    t.targets
        .iter()
        .any(|x| t.source.iter().any(|s| fold(s) == fold(x)))
}

fn quoted_list(v: &[String]) -> String {
    v.iter()
        .take(3)
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn overlaps(spans: &[Range<usize>], r: Range<usize>) -> bool {
    spans.iter().any(|s| s.start < r.end && r.start < s.end)
}

/// Normalised edit distance between folded strings (0 = same letters).
fn distance(a: &str, b: &str) -> f64 {
    let (a, b) = (fold(a), fold(b));
    let len = a.chars().count().max(b.chars().count());
    if len == 0 {
        return 0.0;
    }
    strsim::levenshtein(&a, &b) as f64 / len as f64
}

/// The span of `text` closest to any of `renderings`: word n-grams with
/// about as many words as the rendering, by normalised edit distance.
fn best_span(text: &str, renderings: &[String]) -> Option<(Range<usize>, f64)> {
    let ws = words(text);
    let mut best: Option<(Range<usize>, f64)> = None;
    for r in renderings {
        let k = words(r).len().max(1);
        for n in k.saturating_sub(1).max(1)..=k + 1 {
            for win in ws.windows(n) {
                let (Some(first), Some(last)) = (win.first(), win.last()) else {
                    continue;
                };
                let Some(cand) = text.get(first.start..last.end) else {
                    continue;
                };
                let d = distance(cand, r);
                if best.as_ref().is_none_or(|b| d < b.1) {
                    best = Some((first.start..last.end, d));
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;
    use crate::glossary::Glossary;

    fn term(src: &[&str], tgt: &[&str], forbidden: &[(&str, &str)]) -> Term {
        Term {
            source: src.iter().map(|s| s.to_string()).collect(),
            targets: tgt.iter().map(|s| s.to_string()).collect(),
            forbidden: forbidden
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            ..Default::default()
        }
    }

    fn places() -> Glossary {
        Glossary::from_terms(vec![
            term(&["Mascate"], &["Muscat"], &[]),
            term(&["Ormuz"], &["Hormuz"], &[]),
            term(&["Estreito de Ormuz"], &["Strait of Hormuz"], &[]),
            term(&["Estados Unidos"], &["United States", "US", "U.S."], &[]),
            term(&["Irã", "Irão"], &["Iran", "Iranian"], &[]),
            term(&["Iraque"], &["Iraq"], &[]),
            term(&["Comando Central"], &["Central Command"], &[]),
            term(&["Turquia"], &["Türkiye", "Turkey"], &[]),
            term(
                &["Araghchi", "Araqchi"],
                &["Araghchi"],
                &[("Araqchi", "Araghchi")],
            ),
            term(&["Trump"], &["Trump"], &[]),
        ])
    }

    fn run(src: &str, tgt: &str) -> Vec<Finding> {
        let mut f = Fixture::pair(src, tgt);
        f.glossary = places();
        f.run(&GlossaryCheck)
    }

    #[test]
    fn rendered_terms_pass() {
        assert!(run("Os Estados Unidos e o Irã.", "The United States and Iran.").is_empty());
        assert!(run("Os Estados Unidos e o Irã.", "The US and the Iranian side.").is_empty());
        assert!(run("O Comando Central disse.", "Central Command said.").is_empty());
        assert!(run("A Turquia.", "Turkey.").is_empty());
        assert!(run("O Estreito de Ormuz.", "The Strait of Hormuz.").is_empty());
    }

    #[test]
    fn untranslated_term_is_reported() {
        let f = run("O aeroporto de Mascate.", "The Mascate airport.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("untranslated"), "{}", f[0].message);
        assert_eq!(f[0].suggestion.as_deref(), Some("Muscat"));
        let t = "The Mascate airport.";
        assert_eq!(&t[f[0].target_span.clone().unwrap()], "Mascate");
    }

    #[test]
    fn source_spelling_close_to_rendering_is_a_misspelling() {
        let t = "Ships in the Strait of Ormuz.";
        let f = run("Navios no Estreito de Ormuz.", t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("misspelled"), "{}", f[0].message);
        assert_eq!(f[0].suggestion.as_deref(), Some("Strait of Hormuz"));
    }

    #[test]
    fn near_miss_is_a_misspelling() {
        let t = "Oil from Muskat.";
        let f = run("Petróleo de Mascate.", t);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("misspelled 'Muskat'"),
            "{}",
            f[0].message
        );
        assert_eq!(&t[f[0].target_span.clone().unwrap()], "Muskat");
        assert_eq!(f[0].expected.as_deref(), Some("Muscat"));
    }

    #[test]
    fn missing_rendering_is_reported_with_expected() {
        let f = run("Os Estados Unidos atacaram.", "Washington attacked.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("'United States'"), "{}", f[0].message);
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[0].expected.as_deref(), Some("United States"));
    }

    #[test]
    fn wrong_country_is_not_called_a_misspelling() {
        let f = run("O Irã e o Iraque.", "Iran and Iran.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("not rendered"), "{}", f[0].message);
    }

    #[test]
    fn forbidden_spelling_is_reported_even_without_source() {
        let t = "Foreign minister Araqchi spoke.";
        let f = run("O ministro falou.", t);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("forbidden"));
        assert_eq!(f[0].suggestion.as_deref(), Some("Araghchi"));
        assert_eq!(&t[f[0].target_span.clone().unwrap()], "Araqchi");
    }

    #[test]
    fn forbidden_and_missing_are_not_double_reported() {
        let f = run(
            "O chanceler Araghchi falou.",
            "Foreign minister Araqchi spoke.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn accepted_spelling_is_not_forbidden() {
        assert!(run("Araghchi falou.", "Araghchi spoke.").is_empty());
    }

    #[test]
    fn misspelled_name_from_glossary_is_caught() {
        let f = run("Araghchi falou.", "Araghchy spoke.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("misspelled"));
    }

    #[test]
    fn missing_unchanged_name_is_left_to_the_name_check() {
        assert!(run("Trump falou.", "He spoke.").is_empty());
    }

    #[test]
    fn rendering_in_a_neighbouring_link_counts() {
        let mut f = Fixture::links(&[
            (&["O Irã falou."], &["It spoke."]),
            (&["Depois."], &["Iran spoke later."]),
        ]);
        f.glossary = places();
        assert!(f.run(&GlossaryCheck).is_empty());
    }

    #[test]
    fn no_glossary_no_findings() {
        let f = Fixture::pair("Mascate.", "Mascate.");
        assert!(f.run(&GlossaryCheck).is_empty());
    }

    #[test]
    fn shipped_glossaries_leave_a_clean_translation_alone() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("glossaries");
        let mut f = Fixture::pair(
            "O chanceler do Irã, Abbas Araghchi, chegou a Mascate, capital de Omã, para conversar com Steve Witkoff sobre o Estreito de Ormuz e a ONU.",
            "Iran's foreign minister, Abbas Araghchi, arrived in Muscat, the capital of Oman, to talk with Steve Witkoff about the Strait of Hormuz and the UN.",
        );
        f.glossary = Glossary::load(&dir, "pt", "en").unwrap();
        let found = f.run(&GlossaryCheck);
        assert!(found.is_empty(), "{found:#?}");
    }
}
