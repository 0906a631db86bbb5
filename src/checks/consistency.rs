//! The `consistency` check: a name spelled two ways within the target
//! document (Witkoff and Witkof, Zelensky and Zelenskiy).
//!
//! Two capitalised target words form a pair when they are near spellings
//! of each other. To keep distinct names apart (Austria and Australia), a
//! pair is reported only when one spelling is backed by the source document
//! (or is the glossary's preferred rendering) and the other is not; the
//! unbacked spelling gets a warning, with the backed one as expected.
//! Occurrences the `name` or `glossary` check already reports are skipped.

use super::name::{is_near, is_typo, squash, without_possessive};
use super::{Check, Context};
use crate::finding::{Finding, Severity};
use crate::glossary::{Kind, Matcher};
use crate::text::word_iter;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

pub struct ConsistencyCheck;

struct Occurrence {
    link: usize,
    span: Range<usize>,
}

struct Form {
    text: String,
    occurrences: Vec<Occurrence>,
}

impl Check for ConsistencyCheck {
    fn id(&self) -> &'static str {
        "consistency"
    }
    fn description(&self) -> &'static str {
        "A name spelled two ways within the target document"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let backing = Backing::read(ctx);
        let forms = target_forms(ctx);
        for (good, bad) in spelling_pairs(&forms, &backing) {
            let (Some(good_form), Some(bad_form)) = (forms.get(good), forms.get(bad)) else {
                continue;
            };
            // A slip is rare beside the right spelling; a spelling the
            // translation uses far more often is its own word (German
            // `Projekt` beside a French `Projet` it quotes twice).
            let (n_good, n_bad) = (good_form.occurrences.len(), bad_form.occurrences.len());
            if n_bad >= 3 && n_bad > 2 * n_good {
                continue;
            }
            for occ in &bad_form.occurrences {
                if backing.reported_elsewhere(ctx, occ, good, bad) {
                    continue;
                }
                out.push(
                    Finding::new(
                        "consistency",
                        Severity::Warning,
                        format!(
                            "'{}' is spelled '{}' elsewhere ({} time(s)); use one spelling",
                            bad_form.text,
                            good_form.text,
                            good_form.occurrences.len()
                        ),
                    )
                    .link(occ.link)
                    .target_span(occ.span.clone())
                    .expected(good_form.text.clone()),
                );
            }
        }
    }
}

/// What backs a spelling: the source document's words and the glossary's
/// preferred renderings (its forbidden ones are the glossary check's).
struct Backing {
    src_words: HashSet<String>,
    preferred: HashSet<String>,
    forbidden: HashSet<String>,
    matcher: Option<Arc<Matcher>>,
}

impl Backing {
    fn read(ctx: &Context) -> Backing {
        // Walked, not collected: a document's words would fill a vector
        // (and a set reserved for all of them) far larger than its vocabulary.
        let mut src_words: HashSet<String> = HashSet::new();
        for w in word_iter(&ctx.source.text) {
            src_words.insert(squash(w.text));
        }
        let mut preferred: HashSet<String> = HashSet::new();
        let mut forbidden: HashSet<String> = HashSet::new();
        let matcher = (!ctx.glossary.terms.is_empty()).then(|| ctx.matcher());
        // The matcher's terms include every one whose preferred or forbidden
        // spelling is a word of this pair.
        let terms = matcher.iter().flat_map(|m| m.term_ids());
        for t in terms.filter_map(|&i| ctx.glossary.terms.get(i as usize)) {
            if let Some(p) = t.preferred() {
                preferred.insert(squash(p));
            }
            for (f, _) in &t.forbidden {
                forbidden.insert(squash(f));
            }
        }
        Backing {
            src_words,
            preferred,
            forbidden,
            matcher,
        }
    }

    fn backs(&self, k: &str) -> bool {
        self.src_words.contains(k) || self.preferred.contains(k)
    }

    /// Whether this occurrence of the unbacked spelling is another check's
    /// to report, or lacks the evidence that one name stands behind both.
    fn reported_elsewhere(
        &self,
        ctx: &Context,
        occ: &Occurrence,
        good: &String,
        bad: &str,
    ) -> bool {
        let Some(v) = ctx.views.get(occ.link) else {
            return true;
        };
        // Where the source has the backed spelling, the name check
        // reports. Otherwise the same source name must stand behind both
        // spellings: the backed one in a neighbouring source sentence
        // (alignment slack), not just a similar word (Brasília, Brazilian)
        // somewhere in the document.
        if word_iter(&v.source.text).any(|w| squash(w.text) == *good) {
            return true;
        }
        let near = [occ.link.checked_sub(1), Some(occ.link + 1), Some(occ.link)];
        // A typing slip of the backed spelling needs no more evidence.
        if !is_typo(bad, good)
            && !near
                .iter()
                .flatten()
                .any(|&l| self.source_has(ctx, l, good))
        {
            return true;
        }
        // A glossary spelling here is the glossary check's.
        self.matcher.as_ref().is_some_and(|m| {
            m.find(&v.target.text)
                .iter()
                .any(|x| x.kind != Kind::Source && x.start < occ.span.end && occ.span.start < x.end)
        })
    }

    /// Whether link `l`'s source has the spelling `good`, or a glossary
    /// term whose preferred rendering it is.
    fn source_has(&self, ctx: &Context, l: usize, good: &String) -> bool {
        ctx.views.get(l).is_some_and(|n| {
            word_iter(&n.source.text).any(|w| squash(w.text) == *good)
                || self.matcher.as_ref().is_some_and(|m| {
                    m.find(&n.source.text).iter().any(|x| {
                        x.kind == Kind::Source
                            && ctx
                                .glossary
                                .terms
                                .get(x.term)
                                .and_then(|t| t.preferred())
                                .is_some_and(|p| squash(p) == *good)
                    })
                })
        })
    }
}

/// Capitalised target words of five letters or more (not acronyms), by
/// squashed spelling, with where each occurs.
fn target_forms(ctx: &Context) -> BTreeMap<String, Form> {
    let mut forms: BTreeMap<String, Form> = BTreeMap::new();
    for (vi, v) in ctx.views.iter().enumerate() {
        for w in word_iter(&v.target.text) {
            let letters: Vec<char> = w.text.chars().filter(|c| c.is_alphabetic()).collect();
            let capitalised = w.text.chars().next().is_some_and(char::is_uppercase);
            let acronym = letters.iter().all(|c| c.is_uppercase());
            if !capitalised || acronym || letters.len() < 5 {
                continue;
            }
            // A possessive is the same spelling (Tucano's beside TucanoOS).
            let text = without_possessive(w.text).unwrap_or(w.text);
            let key = squash(text);
            let form = forms.entry(key).or_insert_with(|| Form {
                text: text.to_string(),
                occurrences: Vec::new(),
            });
            form.occurrences.push(Occurrence {
                link: vi,
                span: w.start..w.end,
            });
        }
    }
    forms
}

/// Pairs of near spellings, as (backed, unbacked), in document-key order.
fn spelling_pairs<'f>(
    forms: &'f BTreeMap<String, Form>,
    backing: &Backing,
) -> Vec<(&'f String, &'f String)> {
    let keys: Vec<&String> = forms.keys().collect();
    let candidates = near_candidates(&keys);
    judge_pairs(&keys, candidates, backing)
}

/// The candidate pairs `(i, j)`, `i < j`, that [`spelling_pairs`] judges,
/// in order.
fn judge_pairs<'f>(
    keys: &[&'f String],
    candidates: impl IntoIterator<Item = (usize, usize)>,
    backing: &Backing,
) -> Vec<(&'f String, &'f String)> {
    let mut pairs = Vec::new();
    for (i, j) in candidates {
        let (a, b) = (keys[i], keys[j]);
        let (la, lb) = (a.chars().count(), b.chars().count());
        // Cheap filters before the edit distance: two edits change
        // the length by at most 2 and letter counts by at most 4.
        if la.abs_diff(lb) > 2
            || histogram(a)
                .iter()
                .zip(histogram(b).iter())
                .map(|(x, y)| x.abs_diff(*y) as u32)
                .sum::<u32>()
                > 4
            || !is_near(a, b)
            // Small relative to length: two edits only in long names
            // (Brasília and Brazilian are two words).
            || (la.max(lb) < 10 && strsim::osa_distance(a, b) > 1)
            || is_inflection(a, b)
            || differ_in_final_vowels(a, b)
        {
            continue;
        }
        let (good, bad) = match (backing.backs(a), backing.backs(b)) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            _ => continue,
        };
        if backing.forbidden.contains(bad.as_str()) {
            continue;
        }
        pairs.push((good, bad));
    }
    pairs
}

/// Keys longer than this (in characters) are compared with each other
/// directly rather than through their deletion neighbourhoods, whose size
/// grows with the square of the length.
const LONG_KEY: usize = 32;

/// Every pair of keys `(i, j)`, `i < j`, in order, whose folded spellings
/// may be within two edits ([`is_near`]): a superset of the near pairs,
/// found in time near-linear in the number of keys.
///
/// Two strings within `d` edits (insertions, deletions, substitutions,
/// adjacent transpositions) share a string reached from each by at most
/// `d` deletions; so keys meet in an index of their deletion
/// neighbourhoods. Two edits count only between spellings of eight
/// characters or more (a quarter of the longer one), and a shorter key is
/// then at most one deletion from the meeting point, so keys under eight
/// characters list single deletions only.
fn near_candidates(keys: &[&String]) -> Vec<(usize, usize)> {
    let folded: Vec<Vec<char>> = keys.iter().map(|k| squash(k).chars().collect()).collect();
    let mut index: Vec<(u64, u32)> = Vec::new();
    let mut long = Vec::new();
    for (i, chars) in folded.iter().enumerate() {
        if chars.len() >= LONG_KEY - 2 {
            long.push(i);
        }
        if chars.len() <= LONG_KEY {
            let depth = if chars.len() >= 8 { 2 } else { 1 };
            deletion_hashes(chars, depth, &mut |h| index.push((h, i as u32)));
        }
    }
    index.sort_unstable();
    index.dedup();
    let mut pairs = Vec::new();
    for run in index.chunk_by(|x, y| x.0 == y.0) {
        for (n, &(_, i)) in run.iter().enumerate() {
            pairs.extend(run[n + 1..].iter().map(|&(_, j)| (i as usize, j as usize)));
        }
    }
    // A key over LONG_KEY is near only keys of LONG_KEY - 2 or more.
    for (n, &i) in long.iter().enumerate() {
        for &j in &long[n + 1..] {
            let (li, lj) = (folded[i].len(), folded[j].len());
            if li.max(lj) > LONG_KEY && li.abs_diff(lj) <= 2 {
                pairs.push((i, j));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Calls `f` with the hash of the string and of every string made from it
/// by deleting up to `depth` (1 or 2) characters.
fn deletion_hashes(chars: &[char], depth: usize, f: &mut impl FnMut(u64)) {
    use std::hash::{BuildHasher, Hasher};
    // Fixed seed: the index only groups equal strings within one run.
    let state = foldhash::fast::FixedState::with_seed(0x7c0f);
    let hash = |skip: [usize; 2]| {
        let mut h = state.build_hasher();
        for (k, c) in chars.iter().enumerate() {
            if k != skip[0] && k != skip[1] {
                h.write_u32(u32::from(*c));
            }
        }
        h.write_usize(chars.len() - skip.iter().filter(|&&s| s < chars.len()).count());
        h.finish()
    };
    let none = usize::MAX;
    f(hash([none, none]));
    for a in 0..chars.len() {
        f(hash([a, none]));
        if depth >= 2 {
            for b in a + 1..chars.len() {
                f(hash([a, b]));
            }
        }
    }
}

/// Letter counts of a squashed word (other chars share the last slot).
fn histogram(s: &str) -> [u8; 32] {
    let mut h = [0u8; 32];
    for c in s.chars() {
        let i = if c.is_ascii_lowercase() {
            (c as u8 - b'a') as usize
        } else {
            31
        };
        if let Some(x) = h.get_mut(i) {
            *x = x.saturating_add(1);
        }
    }
    h
}

/// Whether two spellings differ only in final vowels (`Argentina`,
/// `Argentine`): a derived word, not a variant.
fn differ_in_final_vowels(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let rest = |s: &str| s.chars().skip(common).collect::<String>();
    let (ra, rb) = (rest(a), rest(b));
    ra.chars().count() <= 2
        && rb.chars().count() <= 2
        && ra.chars().chain(rb.chars()).all(|c| "aeiouy".contains(c))
}

/// Whether one spelling is the other with an ending (`Kushners`,
/// `Pakistani`, `Amazonas`): derived words, not variants. A doubled final
/// letter (`Witkof`, `Witkoff`) is a variant.
fn is_inflection(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.strip_prefix(short) {
        Some(end) => {
            let mut cs = end.chars();
            let doubled = matches!((cs.next(), cs.next()), (Some(c), None) if short.ends_with(c));
            !doubled
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    fn run(pairs: &[(&[&str], &[&str])]) -> Vec<Finding> {
        Fixture::links(pairs).run(&ConsistencyCheck)
    }

    #[test]
    fn unbacked_variant_of_a_source_name_is_flagged() {
        let f = run(&[
            (&["Witkoff chegou."], &["Witkoff arrived."]),
            (&["O enviado partiu."], &["Witkof left."]),
        ]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].link, Some(1));
        assert_eq!(f[0].expected.as_deref(), Some("Witkoff"));
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn a_spelling_far_more_frequent_than_the_backed_one_is_the_translations_own() {
        // German `Projekt` beside the French `Projet` the source quotes.
        let mut pairs: Vec<(&[&str], &[&str])> = vec![(&["Le Projet."], &["Le Projet."])];
        pairs.extend([(&["The project."] as &[&str], &["Das Projekt."] as &[&str]); 3]);
        assert!(run(&pairs).is_empty(), "{:?}", run(&pairs));
        // Two slips beside one right spelling are still reported.
        let f = run(&[
            (&["Witkoff chegou."], &["Witkoff arrived."]),
            (&["O enviado partiu."], &["Witkof left."]),
            (&["O enviado voltou."], &["Witkof returned."]),
        ]);
        assert_eq!(f.len(), 2, "{f:?}");
    }

    #[test]
    fn occurrence_the_name_check_reports_is_skipped() {
        let f = run(&[
            (&["Witkoff chegou."], &["Witkoff arrived."]),
            (&["Witkoff partiu."], &["Witkof left."]),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_possessive_is_the_same_spelling() {
        // Tucano's is Tucano, which TucanoOS extends: no variant.
        let f = run(&[
            (
                &["A Tucano lançou o TucanoOS."],
                &["Tucano launched TucanoOS."],
            ),
            (
                &["O diretor da Tucano falou."],
                &["Tucano's director spoke."],
            ),
        ]);
        assert!(f.is_empty(), "{f:?}");
        // A misspelt possessive is still a variant.
        let f = run(&[
            (&["Witkoff chegou."], &["Witkoff arrived."]),
            (&["O enviado partiu."], &["Witkof's plane left."]),
        ]);
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn two_distinct_source_names_are_left_alone() {
        let f = run(&[
            (&["A Áustria e a Austrália."], &["Austria and Australia."]),
            (&["Os dois."], &["Austria, Australia."]),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn unbacked_pairs_are_left_alone() {
        let f = run(&[(
            &["Austríacos e australianos."],
            &["Austrian and Australian."],
        )]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn inflections_are_not_variants() {
        let f = run(&[(&["Os Kushner."], &["The Kushners met Kushner."])]);
        assert!(f.is_empty(), "{f:?}");
        let f = run(&[(&["O Amazonas."], &["Amazonas, the Amazon."])]);
        assert!(f.is_empty(), "{f:?}");
        assert!(!is_inflection("witkof", "witkoff"));
        let f = run(&[(
            &["Na Argentina, o peso argentino."],
            &["In Argentina, the Argentine peso."],
        )]);
        assert!(f.is_empty(), "{f:?}");
        assert!(!differ_in_final_vowels("witkof", "witkoff"));
    }

    #[test]
    fn glossary_preferred_spelling_backs_a_form() {
        let mut f = Fixture::links(&[
            (&["O presidente ucraniano."], &["Zelensky spoke."]),
            (&["O presidente."], &["Zelenksy left."]),
        ]);
        f.glossary = crate::glossary::Glossary::from_terms(vec![crate::glossary::Term {
            source: smallvec::smallvec!["Zelensky".into()],
            targets: smallvec::smallvec!["Zelensky".into()],
            ..Default::default()
        }]);
        let found = f.run(&ConsistencyCheck);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].expected.as_deref(), Some("Zelensky"));
    }

    #[test]
    fn spellings_of_different_source_names_are_left_alone() {
        // Sarai and Sarah, Nazareth and Nazarene, Brasília and Brazilian:
        // near spellings, but not one source name rendered two ways.
        let f = run(&[
            (&["Sarai era estéril."], &["Sarai was barren."]),
            (&["Vieram muitos."], &["Many came."]),
            (&["Mas Sara riu."], &["But Sarah laughed."]),
        ]);
        assert!(f.is_empty(), "{f:?}");
        let f = run(&[
            (&["Chegou a Brasília."], &["He reached Brasília."]),
            (&["O governo brasileiro."], &["The Brazilian government."]),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    /// The pairs judged over every pair of keys, as before the index.
    fn pairwise<'f>(keys: &[&'f String], backing: &Backing) -> Vec<(&'f String, &'f String)> {
        let n = keys.len();
        let all = (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j)));
        judge_pairs(keys, all, backing)
    }

    fn backing_of(words: &[String], forbidden: &[String]) -> Backing {
        Backing {
            src_words: words.iter().cloned().collect(),
            preferred: HashSet::new(),
            forbidden: forbidden.iter().cloned().collect(),
            matcher: None,
        }
    }

    #[test]
    fn index_finds_two_edit_pairs_of_long_names() {
        let keys: Vec<String> = ["alexandrov", "aleksandrov", "alexandrow", "zelensky"]
            .map(String::from)
            .into();
        let refs: Vec<&String> = keys.iter().collect();
        let c = near_candidates(&refs);
        // Two edits (x → ks) and one (v → w); aleksandrov and alexandrow
        // are three apart.
        assert_eq!(c, [(0, 1), (0, 2)]);
    }

    /// `base` with edits applied: (kind, position, letter) inserts,
    /// deletes, substitutes or swaps with the next character.
    fn mutate(base: &str, edits: &[(u8, usize, char)]) -> String {
        let mut c: Vec<char> = base.chars().collect();
        for &(kind, pos, letter) in edits {
            let at = pos % (c.len() + 1);
            match kind {
                0 => c.insert(at, letter),
                1 if at < c.len() => drop(c.remove(at)),
                2 if at < c.len() => c[at] = letter,
                _ if at + 1 < c.len() => c.swap(at, at + 1),
                _ => {}
            }
        }
        c.into_iter().collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// The deletion index finds exactly the pairs that comparing every
        /// key with every other finds.
        #[test]
        fn index_agrees_with_pairwise(
            bases in proptest::collection::vec(
                (
                    "[abcdé]{3,14}|[ab]{28,36}",
                    proptest::collection::vec(
                        proptest::collection::vec(
                            (0u8..4, 0usize..40, proptest::char::range('a', 'e')),
                            0..3,
                        ),
                        0..4,
                    ),
                ),
                0..25,
            ),
            backed in proptest::collection::vec(proptest::bool::ANY, 128),
        ) {
            let mut keys = std::collections::BTreeSet::new();
            for (base, variants) in &bases {
                keys.insert(base.clone());
                for edits in variants {
                    keys.insert(mutate(base, edits));
                }
            }
            keys.retain(|k| !k.is_empty());
            let keys: Vec<String> = keys.into_iter().collect();
            let src: Vec<String> = keys
                .iter()
                .zip(&backed)
                .filter(|(_, b)| **b)
                .map(|(k, _)| squash(k))
                .collect();
            let forbidden: Vec<String> = keys.iter().step_by(7).cloned().collect();
            let backing = backing_of(&src, &forbidden);
            let refs: Vec<&String> = keys.iter().collect();
            let forms: BTreeMap<String, Form> = keys
                .iter()
                .map(|k| (k.clone(), Form { text: k.clone(), occurrences: Vec::new() }))
                .collect();
            let fast: Vec<(String, String)> = spelling_pairs(&forms, &backing)
                .into_iter()
                .map(|(a, b)| (a.clone(), b.clone()))
                .collect();
            let slow: Vec<(String, String)> = pairwise(&refs, &backing)
                .into_iter()
                .map(|(a, b)| (a.clone(), b.clone()))
                .collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn short_words_and_acronyms_are_ignored() {
        let f = run(&[(&["Irã e Iraque, NATO."], &["Iran and Iraq, NATO and NASA."])]);
        assert!(f.is_empty(), "{f:?}");
    }
}
