//! Sentences of a merged link whose content meets nothing on the link's
//! other side, while the link's other sentences are plainly rendered there:
//! a sentence dropped from the translation (or added to it) that the
//! alignment folded into its neighbour's link. Read by the `omission` and
//! `addition` checks.
//!
//! A sentence's content is counted in words: a word of the lexicon (any of
//! its concepts), a number (digits), or a capitalised name that the other
//! document uses somewhere (so an exonym does not count against it). A word
//! is met when the other side of the link has one of its concepts, the
//! number or the name.

use super::Context;
use crate::finding::Finding;
use crate::lexicon::Side;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// The spans a rule has already reported, by link, on one side: looked up
/// per link rather than by scanning every finding (which grows with the
/// document).
pub(crate) struct Reported(FxHashMap<usize, Vec<Range<usize>>>);

impl Reported {
    pub(crate) fn of(out: &[Finding], rule: &str, source_side: bool) -> Self {
        let mut map: FxHashMap<usize, Vec<Range<usize>>> = FxHashMap::default();
        for f in out.iter().filter(|f| f.rule == rule) {
            let span = if source_side {
                &f.source_span
            } else {
                &f.target_span
            };
            if let (Some(li), Some(span)) = (f.link, span) {
                map.entry(li).or_default().push(span.clone());
            }
        }
        Reported(map)
    }

    /// Whether a reported span of link `li` overlaps `span`.
    pub(crate) fn overlaps(&self, li: usize, span: &Range<usize>) -> bool {
        self.0
            .get(&li)
            .is_some_and(|v| v.iter().any(|s| s.start < span.end && span.start < s.end))
    }
}

/// Least content words of a sentence, none met, before it is reported.
const UNMET_WORDS: usize = 3;
/// Least content words the link's other sentences must meet together, and
/// their least share of those sentences' content words: the rest is surely
/// the translation.
const REST_MET: usize = 4;
const REST_SHARE: f64 = 0.35;

/// A sentence whose content the other side meets far more rarely than it
/// meets the link's other sentences is foreign to the link too, though a
/// common word or two ("God", "said") is met by chance: at least
/// [`FOREIGN_WORDS`] content words, the rest meeting [`REST_MET`] and
/// [`FOREIGN_REST`] of theirs, this sentence at most [`FOREIGN_SHARE`] of
/// that rate and [`FOREIGN_MARGIN`] words short of it. On the untouched
/// Bible chapters (`mutate_eval --bible`) a rest of two met words, or
/// none of the margin, made three times the false reports for a tenth more
/// sentences found.
const FOREIGN_WORDS: usize = 5;
const FOREIGN_REST: f64 = 0.5;
const FOREIGN_SHARE: f64 = 0.25;
const FOREIGN_MARGIN: f64 = 3.0;

/// A sentence of a merged link and how much of it is content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unmet {
    /// Index of the sentence on its side.
    pub sentence: usize,
    /// Its content words.
    pub words: usize,
    /// How many of them the other side meets (by chance: few).
    pub met: usize,
    /// Found by the relative test ([`FOREIGN_WORDS`]), not the strict one:
    /// weaker evidence.
    pub relative: bool,
}

/// How much of an [`Unmet`] sentence's content the other side meets, for
/// a message: "none of its 5 content words appears".
pub(crate) fn how_met(u: &Unmet) -> String {
    if u.met == 0 {
        format!("none of its {} content words appears", u.words)
    } else {
        format!("only {} of its {} content words appear", u.met, u.words)
    }
}

/// Whether a sentence of `words` content words, `met` of them met on the
/// other side, is foreign to a link whose other sentences meet `rest_met`
/// of their `rest_words` there (see [`FOREIGN_WORDS`]).
fn foreign((words, met): (usize, usize), (rest_words, rest_met): (usize, usize)) -> bool {
    if words < FOREIGN_WORDS || rest_met < REST_MET || rest_words == 0 {
        return false;
    }
    let rate = rest_met as f64 / rest_words as f64;
    let expected = rate * words as f64;
    rate >= FOREIGN_REST
        && met as f64 <= FOREIGN_SHARE * expected
        && expected - met as f64 >= FOREIGN_MARGIN
}

/// What one side of a link holds, to look a word of the other side up in.
#[derive(Default)]
struct Bag {
    concepts: FxHashSet<u32>,
    anchors: FxHashSet<String>,
}

impl Bag {
    fn of(ctx: &Context, side: Side, text: &str) -> Bag {
        let mut b = Bag::default();
        if let Some(lex) = &ctx.lexicon {
            for w in crate::text::word_iter(text) {
                b.concepts
                    .extend(lex.concepts(side, w.text).iter().copied());
            }
        }
        b.anchors.extend(super::omission::anchors(text));
        b
    }
}

/// Content words of `text` on `side`, and how many of them `other` meets.
/// Names count only when `vocab` (the other document's anchors) has them.
fn tally(
    ctx: &Context,
    side: Side,
    text: &str,
    other: &Bag,
    vocab: &FxHashSet<String>,
) -> (usize, usize) {
    let (mut words, mut met) = (0, 0);
    if let Some(lex) = &ctx.lexicon {
        for w in crate::text::word_iter(text) {
            let c = lex.concepts(side, w.text);
            if !c.is_empty() {
                words += 1;
                met += usize::from(c.iter().any(|k| other.concepts.contains(k)));
            }
        }
    }
    for a in super::omission::anchors(text) {
        let number = a.chars().all(|c| c.is_ascii_digit());
        if number || vocab.contains(&a) {
            words += 1;
            met += usize::from(other.anchors.contains(&a));
        }
    }
    (words, met)
}

/// The anchors (numbers, names) of a whole document, for [`unmet_in_link`].
pub(crate) fn vocabulary(text: &str) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    super::omission::each_anchor(text, |a| {
        out.insert(a);
    });
    out
}

/// The sentences of link `li`'s source side (target side unless
/// `source_side`) that carry content of their own, none of it met on the
/// other side, while the link's other sentences are well met there.
/// `vocab` is the other document's [`vocabulary`].
pub(crate) fn unmet_in_link(
    ctx: &Context,
    li: usize,
    source_side: bool,
    vocab: &FxHashSet<String>,
) -> Vec<Unmet> {
    let (Some(link), Some(view)) = (ctx.links.get(li), ctx.views.get(li)) else {
        return Vec::new();
    };
    let (ids, segs, doc, side, other_text, other_side) = if source_side {
        let (s, t) = (Side::Source, Side::Target);
        (
            &link.source,
            ctx.source_segments,
            ctx.source,
            s,
            &view.target.text,
            t,
        )
    } else {
        let (s, t) = (Side::Target, Side::Source);
        (
            &link.target,
            ctx.target_segments,
            ctx.target,
            s,
            &view.source.text,
            t,
        )
    };
    if ids.len() < 2 || other_text.is_empty() {
        return Vec::new();
    }
    let other = Bag::of(ctx, other_side, other_text);
    let parts: Vec<Part> = ids
        .iter()
        .filter_map(|&i| {
            let seg = segs.get(i)?;
            let text = doc.text.get(seg.start..seg.end)?;
            Some((i, text, tally(ctx, side, text, &other, vocab)))
        })
        .collect();
    let mut out = Vec::new();
    for (k, &(i, text, (words, met))) in parts.iter().enumerate() {
        if super::omission::unmatched_is_short(text) != Some(false) {
            continue;
        }
        let rest: Vec<&Part> = (parts.iter().enumerate())
            .filter(|&(j, _)| j != k)
            .map(|(_, p)| p)
            .collect();
        let rest_tally = rest.iter().fold((0, 0), |(a, b), p| (a + p.2.0, b + p.2.1));
        let sides = (side, other_side);
        let strict = if met == 0 {
            none_met(
                ctx,
                sides,
                (text, words),
                (&rest, rest_tally),
                other_text,
                vocab,
            )
        } else {
            None
        };
        if let Some(own) = strict {
            out.push(Unmet {
                sentence: i,
                words: own,
                met: 0,
                relative: false,
            });
        } else if foreign((words, met), rest_tally) {
            out.push(Unmet {
                sentence: i,
                words,
                met,
                relative: true,
            });
        }
    }
    out
}

/// A sentence of a link side: its index, text and (content words, met).
type Part<'t> = (usize, &'t str, (usize, usize));

/// The strict test of [`unmet_in_link`] for a sentence none of whose
/// `words` content words is met: the link's `rest` sentences (with their
/// summed content words and met words) are well met, and the other side
/// says no more than they do. Its own content words
/// (those the rest does not repeat), when enough.
fn none_met(
    ctx: &Context,
    (side, other_side): (Side, Side),
    (text, words): (&str, usize),
    (rest, (rest_words, rest_met)): (&[&Part], (usize, usize)),
    other_text: &str,
    vocab: &FxHashSet<String>,
) -> Option<usize> {
    if words < UNMET_WORDS
        || rest_met < REST_MET
        || (rest_met as f64) < REST_SHARE * rest_words as f64
    {
        return None;
    }
    // The other side must say no more than the rest does: content of
    // its own there, beyond the rest's words it cannot match either,
    // may be this sentence in words the lexicon does not pair.
    let rest_text: Vec<&str> = rest.iter().map(|p| p.1).collect();
    let rest = Bag::of(ctx, side, &rest_text.join(" "));
    let (other_words, other_met) = tally(ctx, other_side, other_text, &rest, &FxHashSet::default());
    // Only its own words count: one the rest repeats, unmet there too,
    // is a pairing the lexicon lacks.
    let own = words - tally(ctx, side, text, &rest, vocab).1;
    (own >= UNMET_WORDS && other_words - other_met <= rest_words - rest_met).then_some(own)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    #[test]
    fn reported_spans_are_found_by_link_rule_and_side() {
        use crate::finding::Severity;
        let out = vec![
            Finding::new("omission", Severity::Error, "a")
                .link(3)
                .source_span(10..20),
            Finding::new("number", Severity::Error, "b")
                .link(5)
                .source_span(0..50),
            Finding::new("omission", Severity::Error, "c")
                .link(5)
                .target_span(0..50),
        ];
        let r = Reported::of(&out, "omission", true);
        assert!(r.overlaps(3, &(15..30)));
        assert!(!r.overlaps(3, &(20..30)), "touching is not overlapping");
        assert!(!r.overlaps(4, &(15..30)), "another link");
        assert!(!r.overlaps(5, &(0..10)), "another rule, or the other side");
        assert!(Reported::of(&out, "omission", false).overlaps(5, &(0..10)));
    }

    fn unmet(pairs: &[(&[&str], &[&str])], li: usize, source_side: bool) -> Vec<usize> {
        let f = Fixture::links(pairs);
        let ctx = f.ctx();
        let other = if source_side {
            &ctx.target.text
        } else {
            &ctx.source.text
        };
        let vocab = vocabulary(other);
        unmet_in_link(&ctx, li, source_side, &vocab)
            .iter()
            .map(|u| u.sentence)
            .collect()
    }

    #[test]
    fn a_sentence_whose_words_meet_nothing_in_a_two_to_one_link() {
        let got = unmet(
            &[(
                &[
                    "Em comunicado, o comitê afirmou que a inflação de serviços segue resistente e que o cenário externo exige cautela.",
                    "Não descartou novas altas.",
                ],
                &[
                    "In a statement, the committee said services inflation remains stubborn and that the global outlook called for caution.",
                ],
            )],
            0,
            true,
        );
        assert_eq!(got, [1]);
    }

    #[test]
    fn a_translator_merging_two_sentences_keeps_both() {
        let got = unmet(
            &[(
                &[
                    "Em comunicado, o comitê afirmou que a inflação de serviços segue resistente e que o cenário externo exige cautela.",
                    "Não descartou novas altas.",
                ],
                &[
                    "In a statement, the committee said services inflation remains stubborn and that the global outlook called for caution, and it did not rule out further hikes.",
                ],
            )],
            0,
            true,
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn an_added_sentence_in_a_one_to_two_link() {
        let got = unmet(
            &[(
                &[
                    "O governo federal anunciou a liberação de recursos para ações emergenciais na região Norte.",
                ],
                &[
                    "The federal government announced the release of funds for emergency measures in the North region.",
                    "Readers registered before the flood do not need to sign up again.",
                ],
            )],
            0,
            false,
        );
        assert_eq!(got, [1]);
    }

    #[test]
    fn a_short_or_contentless_sentence_is_left_alone() {
        let got = unmet(
            &[(
                &[
                    "Em comunicado, o comitê afirmou que a inflação de serviços segue resistente e que o cenário externo exige cautela.",
                    "Ele saiu.",
                ],
                &[
                    "In a statement, the committee said services inflation remains stubborn and that the global outlook called for caution.",
                ],
            )],
            0,
            true,
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_rest_that_meets_little_says_nothing() {
        // Neither sentence is plainly rendered: no evidence which part is missing.
        let got = unmet(
            &[(
                &["Choveu muito ontem à noite.", "Não descartou novas altas."],
                &["The committee called for caution."],
            )],
            0,
            true,
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_sentence_met_far_less_than_the_rest_is_foreign() {
        // Eight content words, one met by chance, beside a rest meeting
        // five of six.
        assert!(foreign((8, 1), (6, 5)));
        assert!(foreign((5, 0), (4, 4)));
    }

    #[test]
    fn a_sentence_met_about_as_well_as_the_rest_is_not_foreign() {
        assert!(!foreign((8, 3), (6, 5)), "three met is a loose rendering");
        assert!(!foreign((4, 0), (6, 6)), "too few words to tell");
        assert!(
            !foreign((8, 0), (8, 3)),
            "a rest met this little says nothing"
        );
        assert!(
            !foreign((8, 0), (10, 4)),
            "a rest met under half says nothing"
        );
        assert!(
            !foreign((6, 1), (8, 4)),
            "one met of six is within the margin"
        );
    }

    #[test]
    fn an_added_sentence_sharing_a_common_word_in_a_one_to_two_link() {
        let pairs: &[(&[&str], &[&str])] = &[(
            &[
                "O governo federal anunciou a liberação de recursos para ações emergenciais na região Norte.",
            ],
            &[
                "The federal government announced the release of funds for emergency measures in the North region.",
                "Readers who registered with the government before the flood do not need to sign up again this year.",
            ],
        )];
        assert_eq!(unmet(pairs, 0, false), [1]);
        let f = Fixture::links(pairs);
        let ctx = f.ctx();
        let found = unmet_in_link(&ctx, 0, false, &vocabulary(&ctx.source.text));
        assert!(found[0].relative && found[0].met > 0, "{found:?}");
    }

    #[test]
    fn a_translation_split_in_two_is_not_foreign() {
        let got = unmet(
            &[(
                &[
                    "O governo federal anunciou a liberação de recursos para ações emergenciais na região Norte, onde as chuvas destruíram estradas e pontes.",
                ],
                &[
                    "The federal government announced the release of funds for emergency measures in the North region.",
                    "There the rains destroyed roads and bridges.",
                ],
            )],
            0,
            false,
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
