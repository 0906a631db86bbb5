//! Acronyms swapped for one another, read by the `name` check: a link's
//! target holds an acronym that the document pairs elsewhere with another
//! source acronym, while an acronym of the link's source has no rendering
//! (BNDES given as CVM, the regulator the article names further on).
//!
//! An acronym merely absent is no finding (PIB is GDP in English), nor one
//! the target adds; only an acronym the translation plainly owes to
//! something else, standing where a source acronym goes unrendered.

use super::Context;
use crate::finding::{Finding, Severity};
use crate::glossary::Match;
use crate::text::word_iter;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// An acronym of a text and its byte range.
type Acronym<'t> = (&'t str, Range<usize>);

/// All capitals (two letters or more, no digits), or a capitalised word
/// alone in brackets (`(Opas)`, `(Fiocruz)`), not after a number. A side written mostly in
/// capitals (a shouted headline) has none.
fn acronyms(text: &str) -> Vec<Acronym<'_>> {
    let mut words = 0;
    let mut found = Vec::new();
    for w in word_iter(text) {
        if !w.text.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        let letters = w.text.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = letters >= 2
            && w.text.chars().all(|c| c.is_uppercase() || c == '-')
            && !w.text.chars().any(|c| c.is_ascii_digit());
        let bracketed = text[..w.start].ends_with('(')
            && text[w.end..].starts_with(')')
            && w.text.chars().next().is_some_and(char::is_uppercase)
            && w.text.chars().all(char::is_alphabetic);
        // After a number it is a unit (2.4 GB), no name.
        let unit = text[..w.start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit());
        if (capitals || bracketed) && !unit {
            found.push((w.text, w.start..w.end));
        }
    }
    if found.len() * 2 > words {
        found.clear();
    }
    found
}

/// One side of a link: its text, acronyms and glossary matches.
struct Side<'c> {
    text: &'c str,
    acronyms: Vec<Acronym<'c>>,
    matches: &'c [Match],
}

impl<'c> Side<'c> {
    fn new(text: &'c str, matches: &'c [Match]) -> Side<'c> {
        Side {
            text,
            acronyms: acronyms(text),
            matches,
        }
    }
}

/// The matches of glossary term `term` in `side`, each a mention; a
/// bracketed restatement ("World Health Organization (WHO)") is part of
/// the mention before it.
fn mentions<'m>(side: &Side<'m>, term: usize) -> Vec<&'m Match> {
    let mut out: Vec<&Match> = Vec::new();
    for m in side.matches.iter().filter(|m| m.term == term) {
        let restated = out.last().is_some_and(|p| {
            side.text
                .get(p.end..m.start)
                .is_some_and(|g| g.trim() == "(")
        });
        if !restated {
            out.push(m);
        }
    }
    out
}

/// What `other` holds that renders acronym `i` of `side`: the same
/// acronym, if `other` has it as often as `side` has so far, or a mention
/// of the same glossary term, counted the same way.
fn counterpart<'c>(side: &Side<'c>, i: usize, other: &Side<'c>) -> Option<&'c str> {
    let (a, span) = &side.acronyms[i];
    let same = |b: &&Acronym| b.0.eq_ignore_ascii_case(a);
    let nth = side.acronyms[..=i].iter().filter(same).count();
    if let Some((b, _)) = other.acronyms.iter().filter(same).nth(nth - 1) {
        return Some(b);
    }
    let m = side
        .matches
        .iter()
        .find(|m| m.start < span.end && span.start < m.end)?;
    let nth = mentions(side, m.term)
        .iter()
        .filter(|p| p.start <= m.start)
        .count();
    let o = *mentions(other, m.term).get(nth.checked_sub(1)?)?;
    other.text.get(o.start..o.end)
}

/// Reports each link's swapped acronyms (rule `name`, errors).
pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let gl = (!ctx.glossary.terms.is_empty()).then(|| ctx.glossary_matches());
    let links: Vec<[Side; 2]> = ctx
        .views
        .iter()
        .enumerate()
        .map(|(l, v)| {
            let (sg, tg) = gl.map_or((&[][..], &[][..]), |g| (&g.source[l][..], &g.target[l][..]));
            [Side::new(&v.source.text, sg), Side::new(&v.target.text, tg)]
        })
        .collect();
    // Per target acronym, where it renders what: (link, index, source).
    let mut renders: FxHashMap<&str, Vec<(usize, usize, &str)>> = FxHashMap::default();
    for (k, [src, tgt]) in links.iter().enumerate() {
        for (i, (y, _)) in tgt.acronyms.iter().enumerate() {
            if let Some(z) = counterpart(tgt, i, src) {
                renders.entry(y).or_default().push((k, i, z));
            }
        }
    }
    for (l, [src, tgt]) in links.iter().enumerate() {
        if src.acronyms.is_empty() || tgt.acronyms.is_empty() {
            continue;
        }
        // Source acronyms with no rendering in the target, and target
        // acronyms with no source.
        let unrendered: Vec<&Acronym> = (0..src.acronyms.len())
            .filter(|&i| counterpart(src, i, tgt).is_none())
            .map(|i| &src.acronyms[i])
            .collect();
        let new: Vec<usize> = (0..tgt.acronyms.len())
            .filter(|&i| counterpart(tgt, i, src).is_none())
            .collect();
        // New ones the document renders from another source elsewhere.
        let owed: Vec<(&Acronym, &str)> = new
            .iter()
            .filter_map(|&i| {
                let y = &tgt.acronyms[i];
                let elsewhere = renders.get(y.0)?;
                let &(_, _, z) = elsewhere.iter().find(|(k, j, _)| (*k, *j) != (l, i))?;
                // A neighbour holding that source but not the acronym: the
                // alignment may have moved its rendering here.
                let moved = [l.wrapping_sub(1), l + 1].into_iter().any(|n| {
                    links.get(n).is_some_and(|[s, t]| {
                        s.text.contains(z) && !t.acronyms.iter().any(|(b, _)| b == &y.0)
                    })
                });
                (!moved).then_some((y, z))
            })
            .collect();
        // The target's other new acronyms may render the unrendered ones
        // (VSR as RSV); only what is left over went missing.
        let left = unrendered.len().saturating_sub(new.len() - owed.len());
        for ((x, xr), (y, z)) in unrendered.iter().zip(&owed).take(left) {
            out.push(
                Finding::new(
                    "name",
                    Severity::Error,
                    format!(
                        "acronym '{x}' is missing; '{}' stands in its place, which the translation uses for '{z}' elsewhere",
                        y.0
                    ),
                )
                .link(l)
                .source_span(xr.clone())
                .target_span(y.1.clone())
                .expected(x.to_string()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    fn run(pairs: &[(&[&str], &[&str])]) -> Vec<Finding> {
        let f = Fixture::links(pairs);
        let mut out = Vec::new();
        check(&f.ctx(), &mut out);
        out
    }

    const REGULATOR: (&[&str], &[&str]) = (
        &["A CVM arquivou o processo."],
        &["The CVM closed the case."],
    );

    #[test]
    fn an_acronym_the_document_gives_to_another_is_a_swap() {
        let found = run(&[
            (
                &["A empresa captou R$ 2 bilhões com o BNDES."],
                &["The company raised R$2 billion from the CVM."],
            ),
            REGULATOR,
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("'BNDES'"));
        assert_eq!(found[0].link, Some(0));
    }

    #[test]
    fn a_bracketed_name_counts_as_an_acronym() {
        let found = run(&[
            (&["O INE revelou os dados."], &["INE released the data."]),
            (
                &["A Opas alertou (Opas)."],
                &["The health body warned (INE)."],
            ),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("'Opas'"), "{found:?}");
    }

    #[test]
    fn a_glossary_rendering_is_the_acronym_rendered() {
        let mut f = Fixture::links(&[
            (
                &["A OMS recomenda a vacina."],
                &["The WHO recommends the vaccine."],
            ),
            (
                &[
                    "A Organização Pan-Americana da Saúde (Opas) alertou para o vírus sincicial respiratório (VSR).",
                ],
                &[
                    "The Pan American Health Organization (WHO) warned of respiratory syncytial virus (RSV).",
                ],
            ),
        ]);
        f.glossary = crate::glossary::Glossary::from_terms(vec![crate::glossary::Term {
            source: smallvec::smallvec!["OMS".into()],
            targets: smallvec::smallvec!["WHO".into()],
            ..Default::default()
        }]);
        let mut found = Vec::new();
        check(&f.ctx(), &mut found);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("'Opas'"), "{found:?}");
        assert!(found[0].message.contains("for 'OMS'"), "{found:?}");
        // Without the glossary nothing says WHO is the OMS's: no finding.
        assert!(
            run(&[
                (
                    &["A OMS recomenda a vacina."],
                    &["The WHO recommends the vaccine."]
                ),
                (
                    &["A Opas alertou (Opas)."],
                    &["The health body warned (WHO)."]
                ),
            ])
            .is_empty()
        );
    }

    #[test]
    fn a_swap_inside_a_merged_link_is_counted() {
        let mut f = Fixture::links(&[(
            &["A OMS recomenda a vacina.", "A Opas alertou (Opas)."],
            &[
                "The World Health Organization (WHO) recommends the vaccine.",
                "The health body warned (WHO).",
            ],
        )]);
        f.glossary = crate::glossary::Glossary::from_terms(vec![crate::glossary::Term {
            source: smallvec::smallvec!["OMS".into()],
            targets: smallvec::smallvec!["WHO".into(), "World Health Organization".into()],
            ..Default::default()
        }]);
        let mut found = Vec::new();
        check(&f.ctx(), &mut found);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("'Opas'"), "{found:?}");
    }

    #[test]
    fn a_translated_acronym_beside_a_borrowed_one_is_no_swap() {
        // PIB is GDP; US is the document's rendering of EUA.
        let found = run(&[
            (&["Os EUA cresceram."], &["The US grew."]),
            (&["O PIB dos Estados Unidos subiu."], &["US GDP rose."]),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_kept_or_spelt_out_acronym_is_no_swap() {
        assert!(
            run(&[
                (&["O BNDES e a CVM."], &["The BNDES and the CVM."]),
                REGULATOR
            ])
            .is_empty()
        );
        // Dropped, with nothing standing in its place.
        let dropped = (
            &["A empresa captou R$ 2 bilhões com o BNDES."][..],
            &["The company raised R$2 billion from the development bank."][..],
        );
        assert!(run(&[dropped, REGULATOR]).is_empty());
    }

    #[test]
    fn a_rendering_the_aligner_may_have_moved_is_no_swap() {
        // The CVM sentence's target holds nothing: its CVM may be the one here.
        let found = run(&[
            (&["A CVM arquivou o processo."], &["The case was closed."]),
            (&["O BNDES aprovou."], &["The CVM approved."]),
            REGULATOR,
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_shouted_headline_has_no_acronyms() {
        assert!(acronyms("PREÇO DAS CASAS SOBE EM LISBOA").is_empty());
        let a: Vec<&str> = acronyms("O INE e o (Cemaden) e o F-35 de 2,4 GB")
            .iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(a, ["INE", "Cemaden"]);
    }
}
