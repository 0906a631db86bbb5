//! A QA pass over a finished alignment: it undoes the links that hide an
//! omission or an addition, which the aligner (tuned for link F1) prefers to
//! fold into a neighbour.
//!
//! - A 1-1 link whose two sentences both carry anchors (numbers, names,
//!   cognates, words learned from the document) and share none is split into
//!   1-0 + 0-1: an omitted sentence next to an added one.
//! - A link with two or more sentences on both sides is split in two where
//!   each part shares anchors with its own counterpart and none across.
//! - An edge sentence of a merged link (2-1, 1-2, 3-1, …) is detached as 1-0
//!   or 0-1 when the anchors only it explains (those the rest of the link
//!   does not repeat) are next to none and the rest of the link then fits
//!   the document's length ratio markedly better. A translator's legitimate
//!   split keeps shared words in both parts, or leaves the rest too short,
//!   so it stays.
//! - A middle sentence of a merged link that passes the same test cannot
//!   come out without breaking the order; [`hidden`] lists it for the
//!   omission and addition checks.
//! - A 1-1 link left with anchors on both sides and none shared gets a lower
//!   score, so the checks can see it is doubtful.
//! - A 1-1 link whose sides share nothing, where one side shares anchors
//!   only it explains with a neighbouring link, joins that link; the other
//!   side is left alone as 1-0 or 0-1 (module `shift`).
//! - A 1-0 or 0-1 link moves within its run of 1-1 neighbours to where they
//!   pair up best (module `shift`): a dropped paragraph start otherwise
//!   leaves a run paired off by one.

use super::features::{self, ClassWeights, Keys, Sent};
use super::{AlignOptions, Link, PairAnchors, Params, Side, length_cost, model1};

/// Least anchor weight each side of a 1-1 link needs before sharing none
/// of it splits the link.
const SPLIT_ANCHORS: f64 = 1.5;
/// Least anchor weight each side needs before sharing none lowers the score.
const DOUBT_ANCHORS: f64 = 0.5;
/// Least gain in length cost (nats) for detaching a sentence that has anchors.
const DETACH_GAIN: f64 = 0.7;
/// Least gain for detaching a sentence without any anchor.
const DETACH_GAIN_BARE: f64 = 2.0;
/// Least gain for detaching a sentence whose anchors (at least
/// [`SPLIT_ANCHORS`]) occur in the other document but not in this link.
const DETACH_GAIN_ANCHORED: f64 = -0.3;
/// Share of the other side's anchor weight the rest of a link must match
/// for it to count as fully explained without the detached sentence.
const EXPLAINED: f64 = 0.9;
/// Share of the other side's anchor weight the rest of a link must match
/// before a sentence without any anchor comes out at the gain of
/// [`DETACH_GAIN_EXPLAINED_BARE`].
const EXPLAINED_BARE: f64 = 0.8;
/// Least anchor weight the rest must share for that: several numbers,
/// names or terms, so that it is surely the translation.
const SURE_REST: f64 = 8.0;
/// Least gain for detaching a sentence with anchors from a link whose rest
/// explains the other side.
const DETACH_GAIN_EXPLAINED: f64 = -0.5;
/// Least gain for detaching a sentence that shares nothing and holds a
/// number the other document never mentions.
const DETACH_GAIN_ORPHAN: f64 = -3.0;
/// Least gain for detaching a sentence whose numbers the other side lacks
/// while the rest's numbers are there ([`numbers_lost`]).
const DETACH_GAIN_LOST: f64 = -1.5;
/// Least gain for detaching a sentence without anchors from such a link.
const DETACH_GAIN_EXPLAINED_BARE: f64 = 0.3;
/// Least gain for detaching a short sentence without anchors (at most
/// [`SHORT_SHARE`] of the rest's length) from such a link: its length may
/// even fit a little better inside.
const DETACH_GAIN_SHORT_BARE: f64 = -1.0;
const SHORT_SHARE: f64 = 0.4;
/// Least shared anchor weight per character of the rest for that: a news
/// sentence with names and numbers, not a verse that shares a name or two.
const DENSE_REST: f64 = 0.12;
/// Most density (per character) of anchors only a detached sentence
/// explains, relative to the rest of the link's shared anchors.
const WEAK_DENSITY: f64 = 0.35;
/// Most weight of anchors only a detached sentence explains: less than a
/// cognate, number or glossary term found nowhere else in the documents.
const WEAK: f64 = 0.9;
/// Density and share of its own anchor weight below which the anchors only
/// a detached sentence explains may pass [`WEAK`]: most of its anchors
/// point to other links of the document.
const FAINT_DENSITY: f64 = 0.2;
const FAINT_SHARE: f64 = 0.25;
/// Lower gain needed per unit of a sentence's own anchor weight, when the
/// rest of its link explains the other side.
const ANCHOR_CREDIT: f64 = 0.1;
/// Anchor weight below which a sentence counts as having none.
const BARE: f64 = 0.5;
/// Shared anchor weight at or below which two sides count as sharing none:
/// a frequent learned word pair ("disse" ↔ "said") is no evidence.
const NONE: f64 = 0.3;
/// Learned word pairs need words of at least this many characters: short
/// function words pair up everywhere.
const LEARNED_MIN_CHARS: usize = 4;
/// Length variance of the Gale–Church model.
const VARIANCE: f64 = 6.8;

/// Refines `links` (an alignment of `source` and `target`, covering every
/// sentence in order) for quality checking. Links that point outside the
/// sides are returned unchanged.
pub fn refine(source: &Side, target: &Side, links: Vec<Link>, options: &AlignOptions) -> Vec<Link> {
    let (n, m) = (source.sentences.len(), target.sentences.len());
    if links.is_empty() || !in_range(&links, n, m) {
        return links;
    }
    refine_prepared(
        source,
        target,
        links,
        &PairAnchors::new(source, target, options),
    )
}

/// [`refine`] with the pair's anchors extracted already (from the same
/// sides and options).
pub fn refine_prepared(
    source: &Side,
    target: &Side,
    links: Vec<Link>,
    prepared: &PairAnchors,
) -> Vec<Link> {
    let (n, m) = (source.sentences.len(), target.sentences.len());
    if links.is_empty() || !in_range(&links, n, m) || !prepared.fits(n, m) {
        return links;
    }
    let (src, tgt, orphans) = learned(prepared, &links);
    let ratio = doc_ratio(src, tgt, &links);
    let low = Params::default().low_confidence;
    // Before the splits (which read the 1-1 links) and again after the
    // detaches (which make null links of their own).
    let mut links = if prepared.marked_up {
        links
    } else {
        let paras = (&source.paragraphs[..], &target.paragraphs[..]);
        super::shift::resolve(links, (src, tgt), paras, ratio, low)
    };
    release_editorial(&mut links, (source, target), (src, tgt), low);
    super::shift::slide_nulls(&mut links, (src, tgt), ratio, low);
    let links = super::shift::attach_strays(links, (src, tgt), ratio, low);
    let pass = Pass {
        sides: (source, target),
        sents: (src, tgt),
        orphans,
        ratio,
        low,
    };
    let mut out = each_link(links, &pass);
    super::shift::slide_nulls(&mut out, (src, tgt), ratio, low);
    let out = super::swap::swap_nulls(out, (src, tgt), ratio, low);
    super::shift::pair_nulls(out, (src, tgt), ratio, low)
}

/// What the refinement of each link reads.
struct Pass<'a, 's> {
    sides: (&'a Side<'s>, &'a Side<'s>),
    sents: (&'a [Sent], &'a [Sent]),
    orphans: &'a Orphans,
    ratio: f64,
    low: f64,
}

/// Links worth spreading over the cores, and how many each task takes.
const PARALLEL_LINKS: usize = 4096;

/// [`settle_links`] of every link, on all cores for many links: each
/// link is settled on its own, so the result is the same.
fn each_link(links: Vec<Link>, pass: &Pass) -> Vec<Link> {
    use rayon::prelude::*;
    if links.len() < 2 * PARALLEL_LINKS {
        return settle_links(links, pass);
    }
    // The parts take the links over one by one; the whole list's buffer
    // is freed before the parts are settled.
    let mut parts: Vec<Vec<Link>> = Vec::new();
    let mut rest = links.into_iter();
    loop {
        let part: Vec<Link> = rest.by_ref().take(PARALLEL_LINKS).collect();
        if part.is_empty() {
            break;
        }
        parts.push(part);
    }
    drop(rest);
    let done: Vec<Vec<Link>> = parts
        .into_par_iter()
        .map(|part| settle_links(part, pass))
        .collect();
    let mut out = Vec::with_capacity(done.iter().map(Vec::len).sum::<usize>() + 4);
    for part in done {
        out.extend(part);
    }
    out
}

/// Each link of `links` as the refinement leaves it: a 1-1 link that
/// shares nothing split into a 1-0 and a 0-1, editorial lines peeled off
/// merged links, merged links settled.
fn settle_links(links: Vec<Link>, pass: &Pass) -> Vec<Link> {
    let Pass {
        sides: (source, target),
        sents: (src, tgt),
        orphans,
        ratio,
        low,
    } = *pass;
    let mut out = Vec::with_capacity(links.len() + 4);
    for link in links {
        let (a, b) = (link.source.len(), link.target.len());
        if a == 1 && b == 1 {
            let (s, t) = (&src[link.source[0]], &tgt[link.target[0]]);
            let shared = features::shared(s, t);
            // Read only for links that share nothing: profile prefixes fold
            // the whole sentence.
            if shared <= NONE
                && ((s.total >= SPLIT_ANCHORS && t.total >= SPLIT_ANCHORS)
                    || editorial_alone(&link, source, target))
            {
                let score = (1.0 - link.score).max(low);
                out.push(null(link.source.clone(), vec![], score, low));
                out.push(null(vec![], link.target.clone(), score, low));
            } else if shared <= NONE && s.total >= DOUBT_ANCHORS && t.total >= DOUBT_ANCHORS {
                let score = link.score * 0.5;
                out.push(Link {
                    low_confidence: score < low,
                    score,
                    ..link
                });
            } else {
                out.push(link);
            }
            continue;
        }
        if a == 0 || b == 0 {
            out.push(link);
            continue;
        }
        let (link, after) = peel_editorial(link, source, target, low, &mut out);
        settle(link, (src, tgt), orphans, ratio, low, &mut out);
        out.extend(after);
    }
    out
}

/// Whether one side of a 1-1 link is an editorial line ("Leia mais: …")
/// and the other is not: editions add and drop such lines on purpose, so
/// one paired with a sentence it shares nothing with is a dropped line
/// next to an added one.
fn editorial_alone(link: &Link, source: &Side, target: &Side) -> bool {
    let editorial = |side: &Side, ids: &[usize]| {
        ids.iter()
            .filter_map(|&i| side.sentences.get(i))
            .any(|t| side.profile.is_editorial(t))
    };
    editorial(source, &link.source) != editorial(target, &link.target)
}

/// An editorial line ("Leia também: …") paired with a sentence that its
/// unpaired neighbour on the same side shares more with: the edition
/// dropped the line, and the aligner, drawn by a word or two in common
/// ("também" and "also"), paired it with the translation of the sentence
/// next to it. The neighbour takes the translation; the line stands alone.
fn release_editorial(
    links: &mut [Link],
    (source, target): (&Side, &Side),
    (src, tgt): (&[Sent], &[Sent]),
    low: f64,
) {
    for k in 0..links.len() {
        let (e, o) = match (links[k].source.as_slice(), links[k].target.as_slice()) {
            ([e], [o]) => (*e, *o),
            _ => continue,
        };
        let on_source = source
            .sentences
            .get(e)
            .is_some_and(|s| source.profile.is_editorial(s));
        let on_target = target
            .sentences
            .get(o)
            .is_some_and(|s| target.profile.is_editorial(s));
        if on_source == on_target {
            continue;
        }
        // The editorial line's id, its partner's, and the sentences of each side.
        let (ed, partner, (own, other)) = if on_source {
            (e, o, (src, tgt))
        } else {
            (o, e, (tgt, src))
        };
        let lone = |l: &Link| {
            let (mine, theirs) = if on_source {
                (&l.source, &l.target)
            } else {
                (&l.target, &l.source)
            };
            match (mine.as_slice(), theirs.is_empty()) {
                ([n], true) => Some(*n),
                _ => None,
            }
        };
        let (Some(p), Some(ed_s)) = (other.get(partner), own.get(ed)) else {
            continue;
        };
        let now = features::shared(ed_s, p);
        let better = |j: usize| {
            let n = lone(&links[j])?;
            let gain = features::shared(own.get(n)?, p);
            (gain > NONE && gain > now).then_some((j, n, gain))
        };
        let near = [k.checked_sub(1), Some(k + 1).filter(|&j| j < links.len())];
        let Some((j, n, _)) = near
            .into_iter()
            .flatten()
            .filter_map(better)
            .max_by(|a, b| a.2.total_cmp(&b.2))
        else {
            continue;
        };
        let score = links[k].score;
        let (paired, alone) = if on_source {
            (
                null(vec![n], vec![partner], score, low),
                null(vec![ed], vec![], score, low),
            )
        } else {
            (
                null(vec![partner], vec![n], score, low),
                null(vec![], vec![ed], score, low),
            )
        };
        // Order stays: the neighbour keeps its place beside the line.
        let (first, second) = if j < k {
            (paired, alone)
        } else {
            (alone, paired)
        };
        let lo = j.min(k);
        links[lo] = first;
        links[lo + 1] = second;
    }
}

/// Takes editorial lines (the profile's `editorial_prefixes`: "Leia também",
/// "(Editor's note: …)") off the edges of a merged link: an edition adds or
/// drops them on purpose, so they stand alone as 1-0 or 0-1. A caption
/// ("Foto: …") stays when the other side has one too (a caption and its
/// translation belong together), else it comes off: a caption whose
/// translation is missing, which the aligner folded into the text next to
/// it. Leading ones go to `out`; trailing ones are returned to follow the
/// link.
fn peel_editorial(
    mut link: Link,
    source: &Side,
    target: &Side,
    low: f64,
    out: &mut Vec<Link>,
) -> (Link, Vec<Link>) {
    let mut after = Vec::new();
    let caption = |side: &Side, ids: &[usize]| {
        ids.iter()
            .filter_map(|&i| side.sentences.get(i))
            .any(|t| side.profile.has_caption(t))
    };
    let editorial = |is_source: bool, i: usize, link: &Link| {
        let (side, other, other_ids) = if is_source {
            (source, target, &link.target)
        } else {
            (target, source, &link.source)
        };
        side.sentences.get(i).is_some_and(|t| {
            side.profile.is_editorial(t)
                || (side.profile.is_caption(t) && !caption(other, other_ids))
        })
    };
    for is_source in [true, false] {
        loop {
            let ids = if is_source {
                &link.source
            } else {
                &link.target
            };
            let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else {
                break;
            };
            if ids.len() < 2 {
                break;
            }
            let id = if editorial(is_source, first, &link) {
                first
            } else if editorial(is_source, last, &link) {
                last
            } else {
                break;
            };
            let ids = if is_source {
                &mut link.source
            } else {
                &mut link.target
            };
            ids.retain(|&x| x != id);
            let lone = if is_source {
                null(vec![id], vec![], link.score, low)
            } else {
                null(vec![], vec![id], link.score, low)
            };
            if id == first {
                out.push(lone);
            } else {
                after.insert(0, lone);
            }
        }
    }
    (link, after)
}

fn null(source: Vec<usize>, target: Vec<usize>, score: f64, low: f64) -> Link {
    Link {
        source,
        target,
        score,
        low_confidence: score < low,
    }
}

/// [`anchors`] of the aligner's links, worked out by the first of the
/// refinement and the hidden-sentence pass to need them and kept in
/// `prepared` for the other.
fn learned<'p>(prepared: &'p PairAnchors, links: &[Link]) -> (&'p [Sent], &'p [Sent], &'p Orphans) {
    let (src, tgt, orphans) = prepared.learned.get_or_init(|| anchors(prepared, links));
    (src, tgt, orphans)
}

/// Anchor keys of every sentence, weighted as the aligner weighs them, with
/// word pairs learned from the confident 1-1 links.
pub(super) fn anchors(prepared: &PairAnchors, links: &[Link]) -> Learned {
    let raw = (&prepared.src, &prepared.tgt);
    let mut keys = prepared.keys.classes();
    let (mut src, mut tgt) = (raw.0.sents(), raw.1.sents());
    let orphans = orphans(&src, &tgt, &keys);
    let p = Params::default();
    let train: Vec<(&[u32], &[u32])> = links
        .iter()
        .filter(|l| l.source.len() == 1 && l.target.len() == 1 && l.score > p.train_posterior)
        .filter(|l| l.source[0] < src.len() && l.target[0] < tgt.len())
        .map(|l| (raw.0.words(l.source[0]), raw.1.words(l.target[0])))
        .collect();
    if train.len() >= 5 {
        let mut learned = match prepared.pairs.get() {
            Some(pairs) => pairs.clone(),
            None => model1::learn_pairs(&train, 5, p.pair_min_prob, p.pair_min_count),
        };
        let lengths = prepared.keys.word_lengths();
        let long = |w: &u32| {
            lengths
                .get(*w as usize)
                .is_some_and(|&n| n >= LEARNED_MIN_CHARS)
        };
        learned.retain(|(e, f)| long(e) && long(f));
        if !learned.is_empty() {
            super::add_learned((&mut src, &mut tgt), raw, &learned, &mut keys);
        }
    }
    features::weigh(&mut src, &mut tgt, &keys, &ClassWeights::default());
    (src, tgt, orphans)
}

/// Numbers of each side's sentences (index 0 the source, 1 the target).
#[derive(Debug, Clone, Default)]
pub(crate) struct Orphans {
    /// Per sentence, how many numbers it holds that the other document
    /// never mentions (anchors weighing drops them).
    count: [Vec<usize>; 2],
    /// Per sentence, its number keys.
    numbers: [Vec<Vec<u32>>; 2],
    /// Per sentence, its lexicon concepts, also those the other document
    /// lacks (weighing drops them, but they say most surely that a
    /// sentence is not translated there).
    concepts: [Vec<Vec<u32>>; 2],
}

/// Weighted anchors of both sides with learned word pairs, and orphans.
pub(super) type Learned = (Vec<Sent>, Vec<Sent>, Orphans);

fn orphans(src: &[Sent], tgt: &[Sent], keys: &Keys) -> Orphans {
    let set = |side: &[Sent]| -> std::collections::HashSet<u32> {
        side.iter().flat_map(|s| s.keys.iter().copied()).collect()
    };
    let (in_src, in_tgt) = (set(src), set(tgt));
    let of_class = |side: &[Sent], class: features::Class| -> Vec<Vec<u32>> {
        side.iter()
            .map(|s| {
                s.keys
                    .iter()
                    .copied()
                    .filter(|&k| keys.class.get(k as usize) == Some(&class))
                    .collect()
            })
            .collect()
    };
    let numbers = [
        of_class(src, features::Class::Number),
        of_class(tgt, features::Class::Number),
    ];
    let concepts = [
        of_class(src, features::Class::Lexicon),
        of_class(tgt, features::Class::Lexicon),
    ];
    let count = |nums: &[Vec<u32>], other: &std::collections::HashSet<u32>| -> Vec<usize> {
        nums.iter()
            .map(|ns| ns.iter().filter(|k| !other.contains(k)).count())
            .collect()
    };
    Orphans {
        count: [count(&numbers[0], &in_tgt), count(&numbers[1], &in_src)],
        numbers,
        concepts,
    }
}

/// Whether sentence `x` has numbers and `other` holds none of them while
/// some sentence of `rest` shares one with `other`: the rest is the
/// translation, and `x`'s figures went missing with it.
fn numbers_lost(
    x: usize,
    rest: &[usize],
    other: &[usize],
    nums: &[Vec<u32>],
    other_side: &[Sent],
) -> bool {
    let held = |k: u32| holding(other, other_side, k).next().is_some();
    let Some(mine) = nums.get(x).filter(|n| !n.is_empty()) else {
        return false;
    };
    !mine.iter().any(|&k| held(k))
        && rest
            .iter()
            .filter_map(|&r| nums.get(r))
            .any(|ns| ns.iter().any(|&k| held(k)))
}

/// How many lexicon concepts sentence `x` has, and how many of them some
/// sentence of `other` has: a sentence rendered in `other` meets at least
/// one of its words there, unless the lexicon knows none of them.
fn concepts_met(
    x: usize,
    other: &[usize],
    concepts: &[Vec<u32>],
    other_concepts: &[Vec<u32>],
) -> (usize, usize) {
    let mine = concepts.get(x).map_or(&[][..], Vec::as_slice);
    let met = mine
        .iter()
        .filter(|c| {
            other
                .iter()
                .filter_map(|&i| other_concepts.get(i))
                .any(|v| v.contains(c))
        })
        .count();
    (mine.len(), met)
}

/// The document's length ratio (target / source) over its 1-1 links that
/// share an anchor; the ratio of the totals when there are too few.
fn doc_ratio(src: &[Sent], tgt: &[Sent], links: &[Link]) -> f64 {
    let (mut a, mut b, mut k) = (0.0, 0.0, 0);
    for l in links {
        if let ([i], [j]) = (l.source.as_slice(), l.target.as_slice())
            && let (Some(s), Some(t)) = (src.get(*i), tgt.get(*j))
            && features::shared(s, t) > 0.0
        {
            a += s.len;
            b += t.len;
            k += 1;
        }
    }
    if k < 3 || a <= 0.0 || b <= 0.0 {
        a = src.iter().map(|s| s.len).sum();
        b = tgt.iter().map(|s| s.len).sum();
    }
    if a > 0.0 && b > 0.0 {
        (b / a).clamp(0.25, 4.0)
    } else {
        1.0
    }
}

/// Weight of the keys of `x` that more sentences of `other` have than
/// sentences of `rest` do: what only `x` can explain. A name or number that
/// the rest of a link repeats as often as the other side has it is no
/// evidence that `x` is translated; a headline and its lead that both name
/// a place, against a translated headline and lead that do too, is.
pub(super) fn exclusive(
    x: &Sent,
    rest: &[usize],
    side: &[Sent],
    other: &[usize],
    other_side: &[Sent],
) -> f64 {
    x.weighted()
        .filter(|&(k, _)| holding(other, other_side, k).count() > holding(rest, side, k).count())
        .map(|(_, w)| w)
        .sum()
}

/// The sentences `ids` of `sents` that have key `k`.
fn holding<'s>(ids: &'s [usize], sents: &'s [Sent], k: u32) -> impl Iterator<Item = &'s Sent> {
    ids.iter()
        .filter_map(|&i| sents.get(i))
        .filter(move |s| s.keys.binary_search(&k).is_ok())
}

/// Sum of the length of the sentences `v` of `side`.
pub(super) fn len_of(v: &[usize], side: &[Sent]) -> f64 {
    v.iter().filter_map(|&i| side.get(i)).map(|s| s.len).sum()
}

/// Anchor weight the sentences `a` of the source share with the sentences
/// `b` of the target.
fn shared_between(a: &[usize], src: &[Sent], b: &[usize], tgt: &[Sent]) -> f64 {
    a.iter()
        .filter_map(|&i| src.get(i))
        .map(|s| {
            b.iter()
                .filter_map(|&j| tgt.get(j))
                .map(|t| features::shared(s, t))
                .sum::<f64>()
        })
        .sum()
}

/// Splits a link with two or more sentences on both sides into two links
/// at the cut where each part shares anchors with its own counterpart and
/// (next to) none across: a 3-2 link hiding an omitted middle sentence
/// becomes 1-1 + 2-1, whose edge [`detach`] can then take off.
fn split(link: &Link, src: &[Sent], tgt: &[Sent]) -> Option<(Link, Link)> {
    let (a, b) = (link.source.len(), link.target.len());
    if a < 2 || b < 2 {
        return None;
    }
    let mut best: Option<(f64, usize, usize)> = None;
    for i in 1..a {
        for j in 1..b {
            let (s1, s2) = link.source.split_at(i);
            let (t1, t2) = link.target.split_at(j);
            let within = shared_between(s1, src, t1, tgt).min(shared_between(s2, src, t2, tgt));
            let cross = shared_between(s1, src, t2, tgt) + shared_between(s2, src, t1, tgt);
            if within >= SPLIT_ANCHORS
                && cross <= NONE.max(CROSS * within)
                && best.is_none_or(|x| within - cross > x.0)
            {
                best = Some((within - cross, i, j));
            }
        }
    }
    let (_, i, j) = best?;
    let part = |s: &[usize], t: &[usize]| Link {
        source: s.to_vec(),
        target: t.to_vec(),
        ..link.clone()
    };
    Some((
        part(&link.source[..i], &link.target[..j]),
        part(&link.source[i..], &link.target[j..]),
    ))
}

/// Most anchor weight shared across a [`split`], relative to the least
/// shared within one part.
const CROSS: f64 = 0.1;

/// Settles a merged link: [`split`] where it falls in two, then [`detach`]
/// on each part.
fn settle(
    link: Link,
    sents: (&[Sent], &[Sent]),
    orphans: &Orphans,
    ratio: f64,
    low: f64,
    out: &mut Vec<Link>,
) {
    if let Some((a, b)) = split(&link, sents.0, sents.1) {
        settle(a, sents, orphans, ratio, low, out);
        settle(b, sents, orphans, ratio, low, out);
    } else if link.source.len() + link.target.len() > 2 {
        detach(link, sents, orphans, ratio, low, out);
    } else {
        out.push(link);
    }
}

/// Least length gain needed to detach a sentence that shares a little
/// with the other side only it explains, at `dens` (its density of such
/// anchors relative to the rest's): more the closer the densities are.
fn weak_need(dens: f64) -> f64 {
    WEAK_GAIN_BASE + WEAK_GAIN_SLOPE * (dens - 0.1).max(0.0)
}
const WEAK_GAIN_BASE: f64 = 0.5;
const WEAK_GAIN_SLOPE: f64 = 5.0;

/// Least length gain for detaching a sentence without anchors of `len`
/// characters from a link whose rest (`rest_len`) explains the other side:
/// a short one barely moves the length of a long link, so length cannot
/// show it and need not, when the rest is dense with shared anchors (names,
/// numbers) and this sentence has none.
fn bare_need(len: f64, rest_len: f64, rest_shared: f64) -> f64 {
    let dense = rest_shared >= DENSE_REST * rest_len;
    if dense && len >= CONTENT_CHARS {
        // A whole sentence of its own, with nothing any translation of
        // the other side would carry.
        DETACH_GAIN_BARE_CONTENT
    } else if dense && len <= SHORT_SHARE * rest_len {
        DETACH_GAIN_SHORT_BARE
    } else {
        DETACH_GAIN_EXPLAINED_BARE
    }
}
/// Least length (characters, spaces excluded) of a sentence that says
/// something of its own: more than a few words.
const CONTENT_CHARS: f64 = 30.0;
/// Least gain for detaching such a sentence from a dense link.
const DETACH_GAIN_BARE_CONTENT: f64 = -2.5;
/// Least lexicon concepts of a sentence, none met on the other side of its
/// link, that count as content of its own ([`Evidence::need`]); a word
/// often belongs to several concepts, so this is three or four words.
const UNMET_CONCEPTS: usize = 6;
/// Least share of the other side's anchor weight the rest must explain for
/// that.
const UNMET_REST: f64 = 0.5;
/// Least length gain for detaching such a sentence.
const DETACH_GAIN_UNMET: f64 = -1.0;
/// Most anchor weight a sentence with an unknown number may share with the
/// other side and still come out: two general words of the lexicon.
const STRAY_SHARE: f64 = 2.0;

/// Whether sentence `x` of one side of a link (the source when `is_src`)
/// may be taken out, leaving `rest` with the link's `other` side: the
/// length gain of taking it out and the least gain that takes, or `None`
/// when it shares too much with the other side, or the rest nothing.
fn take_out(
    x: usize,
    rest: &[usize],
    other: &[usize],
    is_src: bool,
    (src, tgt): (&[Sent], &[Sent]),
    orphans: &Orphans,
    ratio: f64,
) -> Option<(f64, f64)> {
    let (side, other_side) = if is_src { (src, tgt) } else { (tgt, src) };
    let xs = side.get(x)?;
    let x_shared = exclusive(xs, rest, side, other, other_side);
    // The rest must keep the link's anchors: otherwise nothing says which
    // part belongs.
    let rest_shared = if is_src {
        shared_between(rest, src, other, tgt)
    } else {
        shared_between(other, src, rest, tgt)
    };
    if rest_shared <= NONE {
        return None;
    }
    let mut all = rest.to_vec();
    all.push(x);
    let cost = |mine: &[usize]| {
        if is_src {
            length_cost(len_of(mine, src), len_of(other, tgt), ratio, VARIANCE)
        } else {
            length_cost(len_of(other, src), len_of(mine, tgt), ratio, VARIANCE)
        }
    };
    let gain = cost(&all) - cost(rest);
    let rest_len = len_of(rest, side).max(1.0);
    let other_total: f64 = other
        .iter()
        .filter_map(|&i| other_side.get(i))
        .map(|s| s.total)
        .sum();
    let k = usize::from(!is_src);
    let orphan = orphans.count[k].get(x).is_some_and(|&n| n > 0);
    let lost = numbers_lost(x, rest, other, &orphans.numbers[k], other_side);
    let (concepts, met) = concepts_met(x, other, &orphans.concepts[k], &orphans.concepts[1 - k]);
    // Weight of its anchors the other side lacks: those point to other
    // links. One the other side has, though the rest repeats it, points
    // here: a repeated word is no evidence of belonging elsewhere.
    let away: f64 = xs
        .weighted()
        .filter(|&(k, _)| holding(other, other_side, k).next().is_none())
        .map(|(_, w)| w)
        .sum();
    let ev = Evidence {
        len: xs.len,
        total: xs.total,
        x_shared,
        rest_shared,
        rest_len,
        other_total,
        orphan,
        lost,
        away,
        unmet: if met == 0 { concepts } else { 0 },
    };
    Some((gain, ev.need()?))
}

/// What a sentence of a merged link shares, and what the rest of the link
/// and the other side say: the evidence [`take_out`] weighs.
struct Evidence {
    /// The sentence's length and anchor weight.
    len: f64,
    total: f64,
    /// Anchor weight only it explains on the other side.
    x_shared: f64,
    /// Anchor weight the rest shares with the other side.
    rest_shared: f64,
    rest_len: f64,
    /// Anchor weight of the other side.
    other_total: f64,
    /// It holds a number the other document never has.
    orphan: bool,
    /// Its numbers are missing from the other side, the rest's are there.
    lost: bool,
    /// Weight of its anchors the other side lacks.
    away: f64,
    /// Lexicon concepts it holds when the other side holds none of them.
    unmet: usize,
}

impl Evidence {
    /// The length gain taking the sentence out needs; `None`: it stays.
    /// Many words of the lexicon and not one of them met on the other side,
    /// with nothing else shared and a rest that explains that side, are
    /// content of its own: the length need only not get worse.
    fn need(&self) -> Option<f64> {
        let base = self.base_need()?;
        let unexplained = self.unmet >= UNMET_CONCEPTS
            && self.x_shared <= NONE
            && self.rest_shared >= UNMET_REST * self.other_total;
        Some(if unexplained {
            base.min(DETACH_GAIN_UNMET)
        } else {
            base
        })
    }

    /// [`Evidence::need`] from the anchors alone.
    fn base_need(&self) -> Option<f64> {
        let Evidence {
            len,
            total,
            x_shared,
            rest_shared,
            rest_len,
            other_total,
            orphan,
            lost,
            away,
            ..
        } = *self;
        Some(if x_shared > NONE {
            // Some anchors only it explains: only with a far lower density of
            // them than the rest, and a clear length gain.
            let dens = (x_shared / len.max(1.0)) / (rest_shared / rest_len);
            // Or a little only it explains against much it shares with other
            // links of the document: its anchors point elsewhere.
            let elsewhere = dens <= FAINT_DENSITY && x_shared <= FAINT_SHARE * total;
            // Or a word or two in common (general words of the lexicon), faint
            // beside the rest, and a number the other document never has.
            let stray = orphan && dens <= FAINT_DENSITY && x_shared <= STRAY_SHARE;
            if stray {
                DETACH_GAIN_ORPHAN
            } else if lost && x_shared <= STRAY_SHARE {
                // A word or two in common, and its numbers missing from the
                // other side while the rest's are there.
                DETACH_GAIN_LOST
            } else if dens > WEAK_DENSITY || (x_shared > WEAK && !elsewhere) {
                return None;
            } else if x_shared < WEAK && rest_shared >= EXPLAINED * other_total {
                // Less than a weak anchor of its own beside a rest that
                // explains the other side.
                weak_need(dens).min(DETACH_GAIN_EXPLAINED_BARE)
            } else {
                weak_need(dens)
            }
        } else if orphan {
            // It holds a number the other document never mentions, and shares
            // nothing: the length need only not get much worse.
            DETACH_GAIN_ORPHAN
        } else if lost {
            DETACH_GAIN_LOST
        } else if total < BARE
            && rest_shared >= EXPLAINED_BARE * other_total
            && rest_shared >= SURE_REST
        {
            // Nothing in it occurs in the other document, and the rest
            // accounts for nearly all of the other side.
            bare_need(len, rest_len, rest_shared)
        } else if away >= WEAK && rest_shared >= SURE_REST {
            // Its anchors point to other links, and the rest is surely the
            // translation (several names, numbers or terms): it belongs to
            // neither.
            DETACH_GAIN_EXPLAINED - ANCHOR_CREDIT * away.min(10.0)
        } else if rest_shared >= EXPLAINED * other_total {
            // The rest accounts for every anchor of the other side; the more
            // anchors of its own this sentence has elsewhere, the surer. Less
            // than a weak anchor counts only beside a rest that surely
            // translates: a verse sharing a few frequent words is no such rest.
            if away >= WEAK || (away >= BARE && rest_shared >= SURE_REST) {
                DETACH_GAIN_EXPLAINED - ANCHOR_CREDIT * away.min(10.0)
            } else {
                DETACH_GAIN_EXPLAINED_BARE
            }
        } else if total >= SPLIT_ANCHORS {
            // Its anchors occur elsewhere in the other document but not here:
            // the length need only not get markedly worse.
            DETACH_GAIN_ANCHORED
        } else if total >= BARE {
            DETACH_GAIN
        } else {
            DETACH_GAIN_BARE
        })
    }
}

/// A sentence inside a merged link (not at its edge, where [`refine`]
/// detaches it) that nothing on the link's other side translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hidden {
    /// Index of the link.
    pub link: usize,
    /// The sentence is a source sentence (an omission), else a target
    /// sentence (an addition).
    pub source: bool,
    /// Index of the sentence on its side.
    pub sentence: usize,
}

/// The middle sentences of merged links (three or more sentences on one
/// side) that [`take_out`] would take out: an omission or an addition the
/// alignment folded into a link, where no order-keeping split can show it.
pub fn hidden(source: &Side, target: &Side, links: &[Link], options: &AlignOptions) -> Vec<Hidden> {
    let (n, m) = (source.sentences.len(), target.sentences.len());
    if !in_range(links, n, m) || !links.iter().any(wide) {
        return Vec::new();
    }
    hidden_prepared(
        source,
        target,
        links,
        &PairAnchors::new(source, target, options),
    )
}

/// A merged link with three or more sentences on a side.
fn wide(l: &Link) -> bool {
    (l.source.len() >= 3 && !l.target.is_empty()) || (l.target.len() >= 3 && !l.source.is_empty())
}

/// Whether every link points inside sides of `n` and `m` sentences.
fn in_range(links: &[Link], n: usize, m: usize) -> bool {
    links
        .iter()
        .all(|l| l.source.iter().all(|&i| i < n) && l.target.iter().all(|&j| j < m))
}

/// [`hidden`] with the pair's anchors extracted already (from the same
/// sides and options).
pub fn hidden_prepared(
    source: &Side,
    target: &Side,
    links: &[Link],
    prepared: &PairAnchors,
) -> Vec<Hidden> {
    let (n, m) = (source.sentences.len(), target.sentences.len());
    if !in_range(links, n, m) || !links.iter().any(wide) || !prepared.fits(n, m) {
        return Vec::new();
    }
    let (src, tgt, orphans) = learned(prepared, links);
    let ratio = doc_ratio(src, tgt, links);
    let mut out = Vec::new();
    for (li, l) in links.iter().enumerate().filter(|(_, l)| wide(l)) {
        for is_src in [true, false] {
            let (ids, other) = if is_src {
                (&l.source, &l.target)
            } else {
                (&l.target, &l.source)
            };
            if ids.len() < 3 {
                continue;
            }
            for k in 1..ids.len() - 1 {
                let rest: Vec<usize> = ids
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != k)
                    .map(|(_, &i)| i)
                    .collect();
                if let Some((gain, need)) =
                    take_out(ids[k], &rest, other, is_src, (src, tgt), orphans, ratio)
                    && gain >= need
                {
                    out.push(Hidden {
                        link: li,
                        source: is_src,
                        sentence: ids[k],
                    });
                }
            }
        }
    }
    out
}

/// Detaches edge sentences of a merged link while one shares no anchor with
/// the other side and the rest fits the length ratio markedly better; pushes
/// the resulting links in order.
fn detach(
    link: Link,
    (src, tgt): (&[Sent], &[Sent]),
    orphans: &Orphans,
    ratio: f64,
    low: f64,
    out: &mut Vec<Link>,
) {
    let mut before: Vec<Link> = Vec::new();
    let mut after: Vec<Link> = Vec::new();
    let mut s_ids = link.source.clone();
    let mut t_ids = link.target.clone();
    loop {
        if s_ids.len() + t_ids.len() < 3 || s_ids.is_empty() || t_ids.is_empty() {
            break;
        }
        // Candidates: (is source side, take the first).
        let mut best: Option<(f64, bool, bool)> = None;
        for (is_src, first) in [(true, true), (true, false), (false, true), (false, false)] {
            let (ids, other) = if is_src {
                (&s_ids, &t_ids)
            } else {
                (&t_ids, &s_ids)
            };
            if ids.len() < 2 {
                continue;
            }
            let (x, rest): (usize, Vec<usize>) = if first {
                (ids[0], ids[1..].to_vec())
            } else {
                (ids[ids.len() - 1], ids[..ids.len() - 1].to_vec())
            };
            let Some((gain, need)) = take_out(x, &rest, other, is_src, (src, tgt), orphans, ratio)
            else {
                continue;
            };
            if gain >= need && best.is_none_or(|b| gain > b.0) {
                best = Some((gain, is_src, first));
            }
        }
        let Some((_, is_src, first)) = best else {
            break;
        };
        let score = (1.0 - link.score).max(low);
        let ids = if is_src { &mut s_ids } else { &mut t_ids };
        let x = if first {
            ids.remove(0)
        } else {
            ids.pop().unwrap_or(0)
        };
        let l = if is_src {
            null(vec![x], vec![], score, low)
        } else {
            null(vec![], vec![x], score, low)
        };
        if first {
            before.push(l);
        } else {
            after.insert(0, l);
        }
    }
    out.extend(before);
    out.push(Link {
        source: s_ids,
        target: t_ids,
        ..link
    });
    out.extend(after);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::align;
    use crate::align::testutil::{SRC, TGT, pairs, side};
    use crate::profile::Profile;

    fn run(src: &[&str], tgt: &[&str], links: Vec<Link>) -> Vec<Link> {
        let p = Profile::builtin("xx");
        refine(
            &side(src, &p),
            &side(tgt, &p),
            links,
            &AlignOptions::default(),
        )
    }

    /// `refine` on Portuguese source and English target sentences.
    fn run_pt_en(src: &[&str], tgt: &[&str], links: Vec<Link>) -> Vec<Link> {
        let (sp, tp) = (Profile::builtin("pt"), Profile::builtin("en"));
        refine(
            &side(src, &sp),
            &side(tgt, &tp),
            links,
            &AlignOptions::default(),
        )
    }

    fn l(s: &[usize], t: &[usize], score: f64) -> Link {
        Link {
            source: s.to_vec(),
            target: t.to_vec(),
            score,
            low_confidence: false,
        }
    }

    /// Three clean 1-1 links, the merged link `s`-`t` (score 0.8), then
    /// 1-1 links on to source sentence `n_src`.
    fn around_merge(s: &[usize], t: &[usize], n_src: usize) -> Vec<Link> {
        let mut links: Vec<Link> = (0..3).map(|k| l(&[k], &[k], 0.9)).collect();
        links.push(l(s, t, 0.8));
        let (s0, t0) = (s[s.len() - 1] + 1, t[t.len() - 1] + 1);
        links.extend((s0..n_src).map(|k| l(&[k], &[t0 + k - s0], 0.9)));
        links
    }

    #[test]
    fn an_added_sentence_folded_into_a_merged_link_is_left_alone_instead_of_the_rest() {
        // Source 3 translated in two sentences (targets 4 and 5), an added
        // one (target 3) before them; the aligner merged the added one
        // with the first half and left the second half alone.
        let mut tgt = TGT.to_vec();
        tgt[3] = "Duarte spoke in Faro.";
        tgt.insert(4, "The investment of 780 million was announced there.");
        tgt.insert(3, "Nobody answered the phone at the harbour that evening.");
        let mut links: Vec<Link> = (0..3).map(|k| l(&[k], &[k], 0.9)).collect();
        links.extend([l(&[3], &[3, 4], 0.9), l(&[], &[5], 0.9)]);
        links.extend((4..7).map(|k| l(&[k], &[k + 2], 0.9)));
        let got = run(SRC, &tgt, links);
        assert_eq!(
            pairs(&got[3..5]),
            [(vec![], vec![3]), (vec![3], vec![4, 5])]
        );
    }

    #[test]
    fn a_clean_alignment_is_left_alone() {
        let p = Profile::builtin("xx");
        let links = align(&side(SRC, &p), &side(TGT, &p), &AlignOptions::default());
        let refined = run(SRC, TGT, links.clone());
        assert_eq!(refined, links);
    }

    #[test]
    fn unrelated_one_to_one_is_split() {
        // Source 3 omitted, an unrelated sentence added in its place.
        let mut src = SRC.to_vec();
        src[3] = "Duarte anunciou em Coimbra um investimento de 780 milhões.";
        let mut tgt = TGT.to_vec();
        tgt[3] = "Weber said in Berlim that 340 more were expected.";
        let links: Vec<Link> = (0..7).map(|k| l(&[k], &[k], 0.9)).collect();
        let got = pairs(&run(&src, &tgt, links));
        assert!(got.contains(&(vec![3], vec![])), "{got:?}");
        assert!(got.contains(&(vec![], vec![3])), "{got:?}");
        assert!(got.contains(&(vec![2], vec![2])), "{got:?}");
    }

    #[test]
    fn added_sentence_is_detached_from_a_one_to_two_link() {
        let mut tgt = TGT.to_vec();
        tgt.insert(
            4,
            "Officials in Berlim expected another 340 visitors before the end of the month.",
        );
        let links = around_merge(&[3], &[3, 4], 7);
        let got = pairs(&run(SRC, &tgt, links));
        assert!(got.contains(&(vec![3], vec![3])), "{got:?}");
        assert!(got.contains(&(vec![], vec![4])), "{got:?}");
    }

    #[test]
    fn omitted_sentence_is_detached_from_a_two_to_one_link() {
        let mut src = SRC.to_vec();
        src.insert(
            4,
            "Enquanto isso, a economia de Berlim segue sob forte pressão há 340 dias.",
        );
        let links = around_merge(&[3, 4], &[3], 8);
        let got = pairs(&run(&src, TGT, links));
        assert!(got.contains(&(vec![3], vec![3])), "{got:?}");
        assert!(got.contains(&(vec![4], vec![])), "{got:?}");
    }

    #[test]
    fn sentence_whose_numbers_the_translation_lacks_is_detached() {
        // 12 is in the target document (Eriksen's years), not in this link.
        let mut src = SRC.to_vec();
        src.insert(4, "Outros 12 jornalistas assistiram.");
        let links = around_merge(&[3, 4], &[3], 8);
        let got = pairs(&run(&src, TGT, links));
        assert!(got.contains(&(vec![3], vec![3])), "{got:?}");
        assert!(got.contains(&(vec![4], vec![])), "{got:?}");
    }

    #[test]
    fn numbers_lost_needs_the_rest_to_keep_its_numbers() {
        let p = Profile::builtin("xx");
        let (s, t) = (side(SRC, &p), side(TGT, &p));
        let links: Vec<Link> = (0..7).map(|k| l(&[k], &[k], 0.9)).collect();
        let prepared = PairAnchors::new(&s, &t, &AlignOptions::default());
        let (_, tgt, orphans) = learned(&prepared, &links);
        let nums = &orphans.numbers[0];
        // Source 3's 780 is not in target 4, nor is source 5's 44: no rest
        // says that target 4 translates it.
        assert!(!numbers_lost(3, &[5], &[4], nums, tgt));
        // Source 3's 780 is in target 3: nothing lost.
        assert!(!numbers_lost(3, &[2], &[3, 2], nums, tgt));
        // Source 4's 12 is not in target 3 while source 3's 780 is.
        assert!(numbers_lost(4, &[3], &[3], nums, tgt));
    }

    #[test]
    fn a_translators_split_stays() {
        let mut tgt = TGT.to_vec();
        tgt[3] = "Duarte made the announcement in Faro.";
        tgt.insert(4, "Duarte said the investment would reach 780 million.");
        let links = around_merge(&[3], &[3, 4], 7);
        let got = pairs(&run(SRC, &tgt, links));
        assert!(got.contains(&(vec![3], vec![3, 4])), "{got:?}");
    }

    #[test]
    fn out_of_range_links_are_returned_unchanged() {
        let links = vec![l(&[0], &[9], 0.9)];
        assert_eq!(run(SRC, TGT, links.clone()), links);
    }

    #[test]
    fn editorial_lines_leave_merged_links() {
        let src = ["O PIB cresceu 3% no ano.", "Leia também: o dólar cai."];
        let tgt = [
            "(Editor’s note: the target is 3%.)",
            "GDP grew 3% in the year.",
        ];
        let links = vec![l(&[0, 1], &[0, 1], 0.9)];
        let got = run_pt_en(&src, &tgt, links);
        assert_eq!(
            pairs(&got),
            vec![(vec![], vec![0]), (vec![0], vec![1]), (vec![1], vec![]),]
        );
    }

    /// A verse-like sentence of a merged link: a few general words shared,
    /// no names or numbers, nothing only it explains.
    fn bare_evidence(unmet: usize) -> Evidence {
        Evidence {
            len: 45.0,
            total: 1.2,
            x_shared: 0.0,
            rest_shared: 2.0,
            rest_len: 120.0,
            other_total: 3.0,
            orphan: false,
            lost: false,
            away: 1.2,
            unmet,
        }
    }

    #[test]
    fn many_lexicon_words_none_met_lower_the_gain_needed() {
        let before = bare_evidence(0).need().unwrap();
        let after = bare_evidence(UNMET_CONCEPTS).need().unwrap();
        assert!(before > DETACH_GAIN_UNMET, "{before}");
        assert_eq!(after, DETACH_GAIN_UNMET);
        // A few unmet words are a lexicon gap, not evidence.
        let few = bare_evidence(UNMET_CONCEPTS - 1).need().unwrap();
        assert_eq!(few, before);
        // Nor when the rest leaves the other side unexplained.
        let loose = Evidence {
            rest_shared: 1.0,
            ..bare_evidence(UNMET_CONCEPTS)
        };
        assert_eq!(loose.need(), loose.base_need());
    }

    #[test]
    fn concepts_met_counts_the_words_the_other_side_has() {
        // Sentence 0 holds concepts 1, 2, 3; the other side's sentences
        // 0 and 1 hold 3 and 9.
        let mine = vec![vec![1, 2, 3], vec![]];
        let theirs = vec![vec![3], vec![9], vec![1]];
        assert_eq!(concepts_met(0, &[0, 1], &mine, &theirs), (3, 1));
        assert_eq!(concepts_met(0, &[1], &mine, &theirs), (3, 0));
        assert_eq!(concepts_met(1, &[0, 1, 2], &mine, &theirs), (0, 0));
        assert_eq!(concepts_met(7, &[0], &mine, &theirs), (0, 0));
    }

    #[test]
    fn an_editorial_line_paired_with_an_unrelated_sentence_is_split() {
        let src = [
            "O PIB cresceu 3% no ano.",
            "Leia mais: Botafogo anuncia a contratação de zagueiro uruguaio",
            "A inflação ficou em 4,5% em março.",
        ];
        let tgt = [
            "GDP grew 3% in the year.",
            "The temperature fell to minus five degrees in the highlands early on Tuesday.",
            "Inflation was 4.5% in March.",
        ];
        let links = vec![l(&[0], &[0], 0.9), l(&[1], &[1], 0.5), l(&[2], &[2], 0.9)];
        let got = run_pt_en(&src, &tgt, links);
        let got = pairs(&got);
        assert!(got.contains(&(vec![1], vec![])), "{got:?}");
        assert!(got.contains(&(vec![], vec![1])), "{got:?}");
    }

    #[test]
    fn an_editorial_line_gives_its_partner_to_the_lone_sentence_beside_it() {
        let src = [
            "O preço do gás subiu 5% em março.",
            "Leia também: Luz sobe 2,1% e gás fica mais caro",
            "A ERSE aprovou uma subida de 2,1% nas tarifas a partir de 1 de abril.",
            "O Governo prolongou o apoio até dezembro.",
        ];
        let tgt = [
            "The price of gas rose 5% in March.",
            "ERSE has approved a 2.1% rise in tariffs from 1 April.",
            "The government has extended the subsidy until December.",
        ];
        let links = vec![
            l(&[0], &[0], 0.9),
            l(&[1], &[1], 0.5),
            l(&[2], &[], 0.5),
            l(&[3], &[2], 0.9),
        ];
        let got = pairs(&run_pt_en(&src, &tgt, links));
        assert!(got.contains(&(vec![1], vec![])), "{got:?}");
        assert!(got.contains(&(vec![2], vec![1])), "{got:?}");
    }

    #[test]
    fn a_translated_editorial_line_stays_with_its_translation() {
        let src = [
            "O PIB cresceu 3% no ano.",
            "Leia mais: Botafogo anuncia a contratação de zagueiro uruguaio",
        ];
        let tgt = [
            "GDP grew 3% in the year.",
            "Read more: Botafogo signs Uruguayan defender",
        ];
        let links = vec![l(&[0], &[0], 0.9), l(&[1], &[1], 0.9)];
        let got = run_pt_en(&src, &tgt, links.clone());
        assert_eq!(pairs(&got), pairs(&links));
    }

    #[test]
    fn a_caption_without_its_translation_leaves_a_merged_link() {
        let src = [
            "O filme levou seis prêmios em Gramado.",
            "Foto: A diretora Luísa Carvalhedo recebe o prêmio de melhor filme.",
        ];
        let tgt = ["The film took six awards in Gramado."];
        let links = vec![l(&[0, 1], &[0], 0.9)];
        let got = run_pt_en(&src, &tgt, links);
        assert_eq!(pairs(&got), vec![(vec![0], vec![0]), (vec![1], vec![])]);
    }

    #[test]
    fn a_caption_with_its_translation_stays() {
        let src = [
            "O filme levou seis prêmios em Gramado.",
            "Foto: A diretora Luísa Carvalhedo recebe o prêmio de melhor filme.",
        ];
        let tgt = [
            "The film took six awards in Gramado.",
            "Photo: Director Luísa Carvalhedo receives the best picture award.",
        ];
        let links = vec![l(&[0, 1], &[0, 1], 0.9)];
        let got = run_pt_en(&src, &tgt, links);
        let got = pairs(&got);
        assert!(!got.contains(&(vec![1], vec![])), "{got:?}");
        assert!(!got.contains(&(vec![], vec![1])), "{got:?}");
    }

    #[test]
    fn links_without_editorial_lines_are_not_peeled() {
        let src = ["O PIB cresceu 3% no ano, disse o ministro."];
        let tgt = ["GDP grew 3% in the year.", "The minister said so."];
        let links = vec![l(&[0], &[0, 1], 0.9)];
        let got = run_pt_en(&src, &tgt, links);
        assert_eq!(pairs(&got), vec![(vec![0], vec![0, 1])]);
    }

    #[test]
    fn omitted_sentence_sharing_only_what_the_rest_shares_is_detached() {
        // The omitted sentence repeats the name and number of its
        // neighbour: they are no evidence that it is translated.
        let mut src = SRC.to_vec();
        src.insert(
            4,
            "Duarte disse que os 780 milhões virão de fundos europeus e de bancos privados ao longo da década.",
        );
        let links = around_merge(&[3, 4], &[3], 8);
        let got = pairs(&run(&src, TGT, links));
        assert!(got.contains(&(vec![3], vec![3])), "{got:?}");
        assert!(got.contains(&(vec![4], vec![])), "{got:?}");
    }

    #[test]
    fn omitted_sentence_whose_anchors_point_elsewhere_is_detached() {
        // The omitted sentence shares one word ("Sado") with the link's
        // translation, more than a weak anchor, but most of its anchors
        // (three names) belong to other links: they point elsewhere.
        let mut src = SRC.to_vec();
        src.insert(
            4,
            "Almeida, Brandt e Castro também estiveram na cerimónia junto ao Sado, segundo a organização do evento.",
        );
        let mut tgt = TGT.to_vec();
        tgt[3] = "Duarte announced in Faro an investment of 780 million near the Sado.";
        let links = around_merge(&[3, 4], &[3], 8);
        let got = pairs(&run(&src, &tgt, links));
        assert!(got.contains(&(vec![3], vec![3])), "{got:?}");
        assert!(got.contains(&(vec![4], vec![])), "{got:?}");
    }

    #[test]
    fn short_added_sentence_without_anchors_leaves_a_dense_link() {
        // The translation is terse, so the added line even helps its
        // length; only the anchors say it translates nothing.
        let mut tgt = TGT.to_vec();
        tgt[3] = "Duarte: 780 million for Faro, an investment.";
        tgt.insert(4, "Nobody saw it.");
        let links = around_merge(&[3], &[3, 4], 7);
        let got = pairs(&run(SRC, &tgt, links));
        assert!(got.contains(&(vec![3], vec![3])), "{got:?}");
        assert!(got.contains(&(vec![], vec![4])), "{got:?}");
    }

    #[test]
    fn added_sentence_without_anchors_leaves_a_dense_terse_link() {
        // The translation is so terse that the added sentence even makes
        // the link's length fit better; it holds nothing of the source.
        let mut tgt = TGT.to_vec();
        tgt[3] = "Duarte: Faro, 780 million.";
        tgt.insert(4, "Nobody had expected such a quiet evening.");
        let links = around_merge(&[3], &[3, 4], 7);
        let got = pairs(&run(SRC, &tgt, links));
        assert!(got.contains(&(vec![3], vec![3])), "{got:?}");
        assert!(got.contains(&(vec![], vec![4])), "{got:?}");
    }

    #[test]
    fn added_sentence_with_an_unknown_number_and_one_cognate_comes_out() {
        // "Investors" shares a cognate with the source's "investimento",
        // but 915 is in no source sentence.
        let mut tgt = TGT.to_vec();
        tgt[3] = "Duarte: Faro, 780 million.";
        tgt.insert(4, "Investors expected another 915 visitors there.");
        let links = around_merge(&[3], &[3, 4], 7);
        let got = pairs(&run(SRC, &tgt, links));
        assert!(got.contains(&(vec![3], vec![3])), "{got:?}");
        assert!(got.contains(&(vec![], vec![4])), "{got:?}");
    }

    #[test]
    fn a_sentence_repeating_what_the_translation_has_stays() {
        // The second source sentence only repeats the name and place of
        // the first, and the translation carries both sentences: its
        // anchors point into this link, not elsewhere.
        let mut src = SRC.to_vec();
        src.insert(4, "Duarte falou em Faro.");
        let mut tgt = TGT.to_vec();
        tgt[3] = "Duarte spoke in Faro and announced an investment of 780 million.";
        let links = around_merge(&[3, 4], &[3], 8);
        let got = pairs(&run(&src, &tgt, links));
        assert!(got.contains(&(vec![3, 4], vec![3])), "{got:?}");
    }

    #[test]
    fn omitted_middle_sentence_of_a_three_to_two_link_comes_out() {
        let mut src = SRC.to_vec();
        src.insert(
            4,
            "Enquanto isso, a economia de Berlim segue sob forte pressão há 340 dias.",
        );
        let links = around_merge(&[3, 4, 5], &[3, 4], 8);
        let got = pairs(&run(&src, TGT, links));
        assert!(got.contains(&(vec![3], vec![3])), "{got:?}");
        assert!(got.contains(&(vec![4], vec![])), "{got:?}");
        assert!(got.contains(&(vec![5], vec![4])), "{got:?}");
    }

    #[test]
    fn a_two_to_two_link_of_two_pairs_is_split_in_order() {
        let links: Vec<Link> = vec![
            l(&[0, 1], &[0, 1], 0.8),
            l(&[2], &[2], 0.9),
            l(&[3], &[3], 0.9),
            l(&[4], &[4], 0.9),
            l(&[5], &[5], 0.9),
            l(&[6], &[6], 0.9),
        ];
        let got = pairs(&run(SRC, TGT, links));
        assert_eq!(got[..2], [(vec![0], vec![0]), (vec![1], vec![1])]);
    }

    #[test]
    fn added_middle_sentence_of_a_one_to_three_link_is_hidden() {
        let p = Profile::builtin("xx");
        let mut tgt = TGT.to_vec();
        tgt[3] = "Duarte made the announcement in Faro.";
        tgt.insert(
            4,
            "Weber said the Oslo office would close after 56 years, Garnier added.",
        );
        tgt.insert(5, "Duarte said the investment would reach 780 million.");
        let links = around_merge(&[3], &[3, 4, 5], 7);
        let got = hidden(
            &side(SRC, &p),
            &side(&tgt, &p),
            &links,
            &AlignOptions::default(),
        );
        assert_eq!(
            got,
            [Hidden {
                link: 3,
                source: false,
                sentence: 4
            }]
        );
    }

    #[test]
    fn a_translators_three_way_split_hides_nothing() {
        let p = Profile::builtin("xx");
        let mut tgt = TGT.to_vec();
        tgt[3] = "Duarte made the announcement in Faro.";
        tgt.insert(4, "It was an investment.");
        tgt.insert(5, "Duarte said it would reach 780 million.");
        let links = around_merge(&[3], &[3, 4, 5], 7);
        let got = hidden(
            &side(SRC, &p),
            &side(&tgt, &p),
            &links,
            &AlignOptions::default(),
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_headline_repeating_its_lead_stays_with_its_translation() {
        // The translated headline and lead both name the court and the
        // sentence: the source headline explains one of each, so it is no
        // omission, though its lead repeats them.
        let mut src: Vec<&str> = vec![
            "Campinas condena Bertolini a 9 anos",
            "A Vara de Campinas condenou Bertolini a 9 anos de prisão por corrupção.",
        ];
        src.extend_from_slice(SRC);
        let mut tgt: Vec<&str> = vec![
            "Campinas court sentences Bertolini to 9 years",
            "The Campinas court sentenced Bertolini to 9 years in prison for corruption.",
        ];
        tgt.extend_from_slice(TGT);
        let mut links = vec![l(&[0, 1], &[0, 1], 0.8)];
        links.extend((0..7).map(|k| l(&[k + 2], &[k + 2], 0.9)));
        let got = pairs(&run(&src, &tgt, links));
        assert!(!got.contains(&(vec![0], vec![])), "{got:?}");
        assert!(!got.contains(&(vec![1], vec![])), "{got:?}");
    }
}
