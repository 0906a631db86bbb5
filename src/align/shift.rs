//! Shift repair for the QA refinement: re-aligns the neighbourhood of a
//! doubtful link with the refinement's anchors, and moves a 1-0 or 0-1 link
//! to the place in its run of 1-1 neighbours where the sentences around it
//! pair up best.
//!
//! After a dropped sentence the aligner may pair a run of neighbours off by
//! one and let a merged link at the end of the run absorb the difference,
//! so no null link is left to report: where sentences are alike in length
//! and share only weak anchors (verses), the aligner's light lexicon weight
//! cannot tell the two paths apart. [`resolve`] prices both with the
//! lexicon and learned word pairs at full weight.
//!
//! When a sentence that starts a paragraph is dropped (or one is added
//! there), the aligner's paragraph evidence points the wrong way: it keeps
//! paragraph starts together and pairs a run of neighbours off by one, and
//! the null link lands on a sentence that was translated. Here each
//! placement of the null link inside the run is priced by length and shared
//! anchors alone, and the null link moves when another placement is
//! clearly cheaper.

use super::features::{self, Sent};
use super::{Link, Params, length_cost};

/// Most 1-1 links on each side of a null link that it may move across.
const REACH: usize = 6;
/// Cost removed per unit of shared anchor weight (the aligner's reward).
const REWARD: f64 = 0.6;
/// Least saving (nats) before a null link moves (here and in [`resolve`]).
const GAIN: f64 = 1.5;
/// Length variance of the Gale–Church model.
const VARIANCE: f64 = 6.8;

/// Moves every lone 1-0 and 0-1 link of `links` (in order, covering every
/// sentence) to its cheapest place within its run of 1-1 neighbours.
pub(super) fn slide_nulls(
    links: &mut [Link],
    (src, tgt): (&[Sent], &[Sent]),
    ratio: f64,
    low: f64,
) {
    for k in 0..links.len() {
        let l = &links[k];
        let on_source = match (l.source.as_slice(), l.target.as_slice()) {
            ([_], []) => true,
            ([], [_]) => false,
            _ => continue,
        };
        let Some((lo, hi)) = one_one_run(links, k) else {
            continue;
        };
        let window = &links[lo..hi];
        // The side with the null link has one sentence more in the window.
        let ids = |s: bool| -> Vec<usize> {
            window
                .iter()
                .flat_map(|l| if s { &l.source } else { &l.target })
                .copied()
                .collect()
        };
        let (long, short) = (ids(on_source), ids(!on_source));
        let pair_cost = |a: usize, b: usize| -> f64 {
            let (s, t) = if on_source { (a, b) } else { (b, a) };
            let (Some(s), Some(t)) = (src.get(s), tgt.get(t)) else {
                return f64::INFINITY;
            };
            length_cost(s.len, t.len, ratio, VARIANCE) - REWARD * features::shared(s, t)
        };
        let now = k - lo;
        let Some(best) = better_place(&long, &short, now, pair_cost) else {
            continue;
        };
        let place = Place {
            long: &long,
            short: &short,
            at: best,
            on_source,
        };
        place.write(&mut links[lo..hi], low);
    }
}

/// The links around the null link `k` that take part in its slide: up to
/// [`REACH`] 1-1 links on each side; `None` when there are none.
fn one_one_run(links: &[Link], k: usize) -> Option<(usize, usize)> {
    let one = |l: &Link| l.source.len() == 1 && l.target.len() == 1;
    let mut lo = k;
    while lo > 0 && k - lo < REACH && one(&links[lo - 1]) {
        lo -= 1;
    }
    let mut hi = k + 1;
    while hi < links.len() && hi - k <= REACH && one(&links[hi]) {
        hi += 1;
    }
    (hi - lo >= 2).then_some((lo, hi))
}

/// Where among `long` the sentence left alone fits best, pairing the rest
/// in order with `short`; `None` unless that saves [`GAIN`] over `now`.
fn better_place(
    long: &[usize],
    short: &[usize],
    now: usize,
    pair_cost: impl Fn(usize, usize) -> f64,
) -> Option<usize> {
    let cost_at = |p: usize| -> f64 {
        let rest = long.iter().enumerate().filter(|&(q, _)| q != p);
        rest.zip(short).map(|((_, &a), &b)| pair_cost(a, b)).sum()
    };
    let (best, best_cost) =
        (0..long.len())
            .map(|p| (p, cost_at(p)))
            .fold(
                (now, f64::INFINITY),
                |acc, x| if x.1 < acc.1 { x } else { acc },
            );
    let stay = best == now || cost_at(now) - best_cost < GAIN;
    (!stay).then_some(best)
}

/// A slide's outcome: the sentence `long[at]` alone, the rest of `long`
/// paired in order with `short`.
struct Place<'a> {
    long: &'a [usize],
    short: &'a [usize],
    at: usize,
    /// `long` is the source side.
    on_source: bool,
}

impl Place<'_> {
    fn write(&self, window: &mut [Link], low: f64) {
        let (long, short, best) = (self.long, self.short, self.at);
        let mut rest = long.iter().enumerate().filter(|&(q, _)| q != best);
        for (q, slot) in window.iter_mut().enumerate() {
            let (a, b) = if q == best {
                (vec![long[best]], vec![])
            } else {
                let Some((_, &a)) = rest.next() else { break };
                let b = short[q - usize::from(q > best)];
                (vec![a], vec![b])
            };
            let (s, t) = if self.on_source { (a, b) } else { (b, a) };
            *slot = Link {
                source: s,
                target: t,
                score: low,
                low_confidence: false,
            };
        }
    }
}

/// Posterior below which a link seeds a re-alignment of its neighbourhood.
const SEED: f64 = 0.8;
/// Links on each side of a seed that its window takes in.
const WINDOW: usize = 6;
/// Most distance (sentences) of the re-aligned path from the window's
/// diagonal: a shift is one or two sentences, and the window stays linear.
const BAND: usize = 3;
/// Cost of a 1-0 or 0-1 link in the re-alignment: below the aligner's 4.5,
/// as the refinement's anchors (lexicon and learned pairs at full weight)
/// price a wrong pairing more surely. On the Bible mutations (`mutate_eval
/// --bible`), 4.5 found 864 of 1,245 deletions (5 omission errors on the
/// untouched chapters), 4.0 found 894 (6).
const RESOLVE_NULL: f64 = 4.0;
/// Link types of the re-alignment (the aligner's, with 1-0 and 0-1).
const KINDS: [(usize, usize); 12] = [
    (1, 0),
    (0, 1),
    (1, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (1, 4),
    (4, 1),
    (2, 3),
    (3, 2),
];

/// Most sentences on one side of a re-aligned link (see [`KINDS`]).
const MAX_MEMBERS: usize = 4;
/// A target sentence of a merged link that shares at most this anchor
/// weight with the link's source, while it holds [`LONE_TOTAL`] of its own
/// and the link's other sentences share [`LONE_REST`], is priced as a null
/// link on top of the merge: an added sentence that merging would hide.
/// The bars of the refinement's split of a 1-1 link that shares nothing.
/// Source sentences are left out: on the Bible mutations (`mutate_eval
/// --bible`) pricing them too made one more omission error on the
/// untouched chapters for no more deletions found.
const LONE_SHARE: f64 = 0.3;
const LONE_TOTAL: f64 = 1.5;
const LONE_REST: f64 = 2.0;

/// Paragraph numbers of both sides (empty: none known).
pub(super) type Paragraphs<'a> = (&'a [usize], &'a [usize]);

/// The aligner's link cost, read with the refinement's anchors.
struct Pricer<'a> {
    src: &'a [Sent],
    tgt: &'a [Sent],
    paras: Paragraphs<'a>,
    para_penalty: f64,
    ratio: f64,
    p: Params,
    /// Cost added per lone target sentence of a merged link.
    lone_cost: f64,
}

impl<'a> Pricer<'a> {
    fn new((src, tgt): (&'a [Sent], &'a [Sent]), paras: Paragraphs<'a>, ratio: f64) -> Self {
        let p = Params {
            null_cost: RESOLVE_NULL,
            ..Params::default()
        };
        let count = |v: &[usize]| v.iter().max().map_or(0, |m| m + 1);
        let (ps, pt) = (count(paras.0), count(paras.1));
        let ok = paras.0.len() == src.len() && paras.1.len() == tgt.len();
        let para_penalty = if ok && ps > 1 && pt > 1 {
            p.paragraph_penalty * ps.min(pt) as f64 / ps.max(pt) as f64
        } else {
            0.0
        };
        Pricer {
            src,
            tgt,
            paras,
            para_penalty,
            ratio,
            lone_cost: p.null_cost,
            p,
        }
    }

    /// Cost of linking sources `i..i + a` with targets `j..j + b`; `sh`
    /// gives the shared anchor weight of one source and one target.
    fn cost(
        &self,
        (i, a): (usize, usize),
        (j, b): (usize, usize),
        sh: &mut impl FnMut(usize, usize) -> f64,
    ) -> f64 {
        let p = &self.p;
        if a == 0 || b == 0 {
            return p.null_cost;
        }
        let Some(&(_, _, prior)) = p.priors.iter().find(|k| k.0 == a && k.1 == b) else {
            return f64::INFINITY;
        };
        let sum = |side: &[Sent], r: std::ops::Range<usize>, f: fn(&Sent) -> f64| -> f64 {
            side.get(r).map_or(0.0, |v| v.iter().map(f).sum())
        };
        let (ls, lt) = (
            sum(self.src, i..i + a, |s| s.len),
            sum(self.tgt, j..j + b, |s| s.len),
        );
        // Shared weight of each target sentence, for the lone ones.
        let mut cols = [0.0; MAX_MEMBERS];
        let mut shared = 0.0;
        for x in i..i + a {
            for y in 0..b {
                let w = sh(x, j + y);
                shared += w;
                cols[y.min(MAX_MEMBERS - 1)] += w;
            }
        }
        let total = sum(self.src, i..i + a, |s| s.total) + sum(self.tgt, j..j + b, |s| s.total);
        let unmatched = (total - 2.0 * shared).max(0.0);
        let mut c = -prior.ln() + length_cost(ls, lt, self.ratio, VARIANCE)
            - p.match_reward * shared
            + p.unmatched_penalty * unmatched;
        if b > 1 {
            let lone = |y: usize| {
                let w = cols[y.min(MAX_MEMBERS - 1)];
                w <= LONE_SHARE
                    && shared - w >= LONE_REST
                    && self.tgt.get(j + y).is_some_and(|t| t.total >= LONE_TOTAL)
            };
            c += self.lone_cost * (0..b).filter(|&y| lone(y)).count() as f64;
        }
        if self.para_penalty > 0.0 {
            let (sp, tp) = self.paras;
            let starts = |v: &[usize], k: usize| k == 0 || v[k] != v[k - 1];
            let inner = |v: &[usize], k: usize, len: usize| v[k] != v[k + len - 1];
            if starts(sp, i) != starts(tp, j) {
                c += self.para_penalty;
            }
            if inner(sp, i, a) != inner(tp, j, b) {
                c += self.para_penalty;
            }
        }
        c
    }
}

/// Re-aligns the links around each doubtful link (posterior below
/// [`SEED`]) with the aligner's costs over the refinement's anchors, and
/// takes the new links when they leave a sentence alone (1-0 or 0-1) and
/// cost less: a run paired off by one after a dropped or added
/// sentence, ended by a merged link that absorbed the difference. The
/// window's first and last boundaries stay; links must be in order and
/// cover every sentence.
pub(super) fn resolve(
    links: Vec<Link>,
    sents: (&[Sent], &[Sent]),
    paras: Paragraphs,
    ratio: f64,
    low: f64,
) -> Vec<Link> {
    let pricer = Pricer::new(sents, paras, ratio);
    let n = links.len();
    let seeds: Vec<usize> = (0..n).filter(|&k| links[k].score < SEED).collect();
    // Each seed's window as it stands before any repair, worked out on
    // all cores; a window that a repair has cut short is worked out again
    // below, so the result is that of one window after the other.
    let early: Vec<Option<Vec<Link>>> = {
        use rayon::prelude::*;
        let work = |&k: &usize| resolve_window(&links[window(k, 0, n)], &pricer, low);
        if seeds.len() >= PARALLEL_SEEDS {
            seeds.par_iter().map(work).collect()
        } else {
            seeds.iter().map(work).collect()
        }
    };
    let mut links = links;
    // Links before `fixed` are settled (a window never reaches back into a
    // repaired one). Windows cover only links from `fixed` on, as the
    // input has them; `shift` is how far they have moved since.
    let (mut fixed, mut shift) = (0, 0isize);
    let at = |k: usize, shift: isize| k.saturating_add_signed(shift);
    for (&k, early) in seeds.iter().zip(early) {
        if k < fixed {
            continue;
        }
        let range = window(k, fixed, n);
        let here = at(range.start, shift)..at(range.end, shift);
        let new = if range.start == window(k, 0, n).start {
            early
        } else {
            resolve_window(&links[here.clone()], &pricer, low)
        };
        if let Some(new) = new {
            shift += new.len() as isize - range.len() as isize;
            links.splice(here, new);
            fixed = range.end;
        }
    }
    links
}

/// Seeds worth spreading over the cores.
const PARALLEL_SEEDS: usize = 64;

/// The links a seed at `k` re-aligns: [`WINDOW`] links each side, none
/// before `fixed`, none past `n`.
fn window(k: usize, fixed: usize, n: usize) -> std::ops::Range<usize> {
    k.saturating_sub(WINDOW).max(fixed)..(k + WINDOW + 1).min(n)
}

/// The cheaper links for `window`, if they leave a sentence alone where the
/// window's links did not, or another one.
fn resolve_window(window: &[Link], pricer: &Pricer, low: f64) -> Option<Vec<Link>> {
    let (i0, j0, n, m) = window_span(window, pricer)?;
    // Shared weight of source i0 + x and target j0 + y, found when needed.
    let mut memo = vec![f64::NAN; n * m];
    let mut sh = |x: usize, y: usize| -> f64 {
        let slot = &mut memo[(x - i0) * m + (y - j0)];
        if slot.is_nan() {
            *slot = features::shared(&pricer.src[x], &pricer.tgt[y]);
        }
        *slot
    };
    let now = window_cost(window, pricer, &mut sh);
    if !now.is_finite() {
        return None;
    }
    let (cost, path) = cheapest_path((i0, j0), (n, m), pricer, &mut sh);
    if cost >= now {
        return None;
    }
    // Only moving null links the window had needs a clear saving, as in
    // [`slide_nulls`]: a sentence left alone by the aligner stays put on
    // a whim of length.
    let new = relink(window, path, low);
    let had = alone(window);
    let left = alone(&new);
    let moved_only = left.len() <= had.len();
    let fine = !left.is_empty() && left != had && (!moved_only || cost + GAIN <= now);
    fine.then_some(new)
}

/// The window's first source and target sentence and how many of each it
/// spans; `None` when a side is empty or out of the documents.
fn window_span(window: &[Link], pricer: &Pricer) -> Option<(usize, usize, usize, usize)> {
    let start = |v: &[usize]| v.first().copied();
    let i0 = window.iter().find_map(|l| start(&l.source))?;
    let j0 = window.iter().find_map(|l| start(&l.target))?;
    let i1 = window.iter().rev().find_map(|l| l.source.last().copied())? + 1;
    let j1 = window.iter().rev().find_map(|l| l.target.last().copied())? + 1;
    let (n, m) = (i1.checked_sub(i0)?, j1.checked_sub(j0)?);
    if n == 0 || m == 0 || i1 > pricer.src.len() || j1 > pricer.tgt.len() {
        return None;
    }
    Some((i0, j0, n, m))
}

/// What the window's links cost now.
fn window_cost(window: &[Link], pricer: &Pricer, sh: &mut impl FnMut(usize, usize) -> f64) -> f64 {
    let mut now = 0.0;
    for l in window {
        // A null link's place does not change its cost.
        let (i, j) = (
            l.source.first().unwrap_or(&0),
            l.target.first().unwrap_or(&0),
        );
        now += pricer.cost((*i, l.source.len()), (*j, l.target.len()), sh);
    }
    now
}

/// A link as (first source, count) and (first target, count).
type Step = ((usize, usize), (usize, usize));

/// The cheapest links over `n` source sentences from `i0` and `m` target
/// sentences from `j0`, within [`BAND`] of the diagonal, and their cost.
fn cheapest_path(
    (i0, j0): (usize, usize),
    (n, m): (usize, usize),
    pricer: &Pricer,
    sh: &mut impl FnMut(usize, usize) -> f64,
) -> (f64, Vec<Step>) {
    let off = |i: usize, j: usize| -> bool {
        // Distance from the diagonal, in target sentences.
        let d = (i * m) as f64 / n as f64 - j as f64;
        d.abs() > BAND as f64 + 0.5
    };
    let w = m + 1;
    let mut best = vec![f64::INFINITY; (n + 1) * w];
    let mut back = vec![0u8; (n + 1) * w];
    best[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if (i, j) == (0, 0) || off(i, j) {
                continue;
            }
            for (kind, &(a, b)) in KINDS.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let from = best[(i - a) * w + (j - b)];
                if !from.is_finite() {
                    continue;
                }
                let c = from + pricer.cost((i0 + i - a, a), (j0 + j - b, b), sh);
                if c < best[i * w + j] {
                    best[i * w + j] = c;
                    back[i * w + j] = kind as u8;
                }
            }
        }
    }
    let cost = best[n * w + m];
    let mut path = Vec::new();
    if cost.is_finite() {
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let (a, b) = KINDS[back[i * w + j] as usize];
            path.push(((i0 + i - a, a), (j0 + j - b, b)));
            i -= a;
            j -= b;
        }
        path.reverse();
    }
    (cost, path)
}

/// Links of `path`, keeping a window link (and its score) where the path
/// has it; a new link gets the score `low`.
fn relink(window: &[Link], path: Vec<Step>, low: f64) -> Vec<Link> {
    path.into_iter()
        .map(|((i, a), (j, b))| {
            let (source, target): (Vec<usize>, Vec<usize>) =
                ((i..i + a).collect(), (j..j + b).collect());
            match window
                .iter()
                .find(|l| l.source == source && l.target == target)
            {
                Some(l) => l.clone(),
                None => Link {
                    source,
                    target,
                    score: low,
                    low_confidence: false,
                },
            }
        })
        .collect()
}

/// The sentences `links` leave alone (its 1-0 and 0-1 links).
fn alone(links: &[Link]) -> Vec<(Vec<usize>, Vec<usize>)> {
    links
        .iter()
        .filter(|l| l.source.is_empty() || l.target.is_empty())
        .map(|l| (l.source.clone(), l.target.clone()))
        .collect()
}

/// Least anchor weight a stray sentence must share, and only it explain,
/// with a neighbouring link before it joins that link.
const ATTACH: f64 = 2.0;
/// Shared anchor weight at or below which the two sides of a 1-1 link
/// count as sharing none.
const NONE: f64 = 0.3;
/// Most length cost (nats) that joining may add to the neighbour: none,
/// the neighbour's translation must fit its source better with the
/// sentence than without.
const ATTACH_LENGTH: f64 = 0.0;

/// Where a stray sentence of a 1-1 link goes.
#[derive(Clone, Copy)]
struct Move {
    /// The sentence is the link's source (else its target).
    source: bool,
    /// It joins the link before (else the link after).
    before: bool,
}

/// Undoes a 1-1 link whose sides share nothing when one of its sentences
/// shares anchors that only it explains with a neighbouring link: that
/// sentence joins the neighbour (the rest of a translation split in two,
/// or a source sentence translated inside the neighbour's target) and the
/// other is left alone as 1-0 or 0-1. After a dropped sentence the aligner
/// otherwise pairs the leftover half of a split translation with the next
/// source sentence.
pub(super) fn attach_strays(
    links: Vec<Link>,
    (src, tgt): (&[Sent], &[Sent]),
    ratio: f64,
    low: f64,
) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::with_capacity(links.len() + 2);
    let mut it = links.into_iter().peekable();
    while let Some(link) = it.next() {
        let next = it.peek();
        let Some(mv) = stray(&link, out.last(), next, (src, tgt), ratio) else {
            out.push(link);
            continue;
        };
        let (s, t) = (link.source[0], link.target[0]);
        let lone = if mv.source {
            Link {
                source: vec![],
                target: vec![t],
                score: low,
                low_confidence: false,
            }
        } else {
            Link {
                source: vec![s],
                target: vec![],
                score: low,
                low_confidence: false,
            }
        };
        if mv.before {
            if let Some(prev) = out.last_mut() {
                if mv.source {
                    prev.source.push(s);
                } else {
                    prev.target.push(t);
                }
            }
            out.push(lone);
        } else if let Some(mut n) = it.next() {
            if mv.source {
                n.source.insert(0, s);
            } else {
                n.target.insert(0, t);
            }
            out.push(lone);
            out.push(n);
        }
    }
    out
}

/// The best [`Move`] for a 1-1 `link` between `prev` and `next`, if any.
fn stray(
    link: &Link,
    prev: Option<&Link>,
    next: Option<&Link>,
    (src, tgt): (&[Sent], &[Sent]),
    ratio: f64,
) -> Option<Move> {
    let ([s], [t]) = (link.source.as_slice(), link.target.as_slice()) else {
        return None;
    };
    let (ss, ts) = (src.get(*s)?, tgt.get(*t)?);
    if features::shared(ss, ts) > NONE {
        return None;
    }
    let mut best: Option<(f64, Move)> = None;
    for (before, n) in [(true, prev), (false, next)] {
        let Some(n) = n.filter(|n| !n.source.is_empty() && !n.target.is_empty()) else {
            continue;
        };
        for source in [true, false] {
            let (x, own, other, side, other_side) = if source {
                (ss, &n.source, &n.target, src, tgt)
            } else {
                (ts, &n.target, &n.source, tgt, src)
            };
            let w = super::refine::exclusive(x, own, side, other, other_side);
            if w < ATTACH || best.is_some_and(|b| b.0 >= w) {
                continue;
            }
            // Joining must make the neighbour's lengths fit better.
            let (ls, lt) = (
                super::refine::len_of(&n.source, src),
                super::refine::len_of(&n.target, tgt),
            );
            let (ls2, lt2) = if source {
                (ls + ss.len, lt)
            } else {
                (ls, lt + ts.len)
            };
            let worse =
                length_cost(ls2, lt2, ratio, VARIANCE) - length_cost(ls, lt, ratio, VARIANCE);
            if worse <= ATTACH_LENGTH {
                best = Some((w, Move { source, before }));
            }
        }
    }
    best.map(|b| b.1)
}

/// Least anchor weight a dropped and an added sentence next to each other
/// must share before they pair up as a 1-1 link, and least share of the
/// smaller of their own weights.
const PAIR: f64 = 1.0;
const PAIR_SHARE: f64 = 0.25;
/// Most length cost (nats) of such a pair.
const PAIR_LENGTH: f64 = 4.0;
/// Most null links in a run that are paired up: a longer run is a dropped
/// or added block, and pairing stays linear.
const PAIR_RUN: usize = 12;

/// Pairs up a source sentence left alone (1-0) and a target sentence left
/// alone (0-1) in the same run of null links when they share anchors (a
/// translation whose neighbours were paired off elsewhere): an omission
/// next to an addition that translate each other are one link. Pairs keep
/// the order of both sides.
pub(super) fn pair_nulls(
    links: Vec<Link>,
    (src, tgt): (&[Sent], &[Sent]),
    ratio: f64,
    low: f64,
) -> Vec<Link> {
    let is_null = |l: &Link| l.source.is_empty() != l.target.is_empty();
    let mut out = Vec::with_capacity(links.len());
    let mut run: Vec<Link> = Vec::new();
    for link in links {
        if is_null(&link) {
            run.push(link);
            continue;
        }
        flush_run(&mut run, (src, tgt), ratio, low, &mut out);
        out.push(link);
    }
    flush_run(&mut run, (src, tgt), ratio, low, &mut out);
    out
}

/// Writes a run of null links to `out`, with the pairs [`pair_nulls`] finds.
fn flush_run(
    run: &mut Vec<Link>,
    (src, tgt): (&[Sent], &[Sent]),
    ratio: f64,
    low: f64,
    out: &mut Vec<Link>,
) {
    let ss: Vec<usize> = run.iter().flat_map(|l| l.source.iter().copied()).collect();
    let ts: Vec<usize> = run.iter().flat_map(|l| l.target.iter().copied()).collect();
    if ss.is_empty() || ts.is_empty() || run.len() > PAIR_RUN {
        out.append(run);
        return;
    }
    // Greedy in source order; each pick stays after the previous target.
    let mut pairs = Vec::new();
    let mut from = 0;
    for &s in &ss {
        let Some(a) = src.get(s) else { continue };
        let best = (from..ts.len())
            .filter_map(|q| {
                let b = tgt.get(ts[q])?;
                let w = features::shared(a, b);
                let fits = length_cost(a.len, b.len, ratio, VARIANCE) <= PAIR_LENGTH;
                let dense = w >= PAIR_SHARE * a.total.min(b.total);
                (w >= PAIR && dense && fits).then_some((q, w))
            })
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((q, _)) = best {
            pairs.push((s, ts[q]));
            from = q + 1;
        }
    }
    if pairs.is_empty() {
        out.append(run);
        return;
    }
    let lone = |source: Vec<usize>, target: Vec<usize>| Link {
        source,
        target,
        score: low,
        low_confidence: false,
    };
    let (mut i, mut j) = (0, 0);
    for (s, t) in pairs {
        while ss[i] != s {
            out.push(lone(vec![ss[i]], vec![]));
            i += 1;
        }
        while ts[j] != t {
            out.push(lone(vec![], vec![ts[j]]));
            j += 1;
        }
        out.push(lone(vec![s], vec![t]));
        i += 1;
        j += 1;
    }
    out.extend(ss[i..].iter().map(|&s| lone(vec![s], vec![])));
    out.extend(ts[j..].iter().map(|&t| lone(vec![], vec![t])));
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::AlignOptions;
    use crate::align::features::{ClassWeights, Keys};
    use crate::align::testutil::{SRC, TGT, l, pairs, side};
    use crate::profile::Profile;

    /// Slides the null links of `links` over `src` and `tgt`.
    fn slide(src: &[&str], tgt: &[&str], links: &mut [Link]) {
        let p = Profile::builtin("xx");
        let p = (&p, &p);
        let (a, b) = (side(src, p.0), side(tgt, p.1));
        let mut keys = Keys::default();
        let (mut s, mut t) = features::extract_pair(&a, &b, &AlignOptions::default(), &mut keys);
        features::weigh(&mut s, &mut t, &keys, &ClassWeights::default());
        slide_nulls(links, (&s, &t), 1.0, 0.5);
    }

    /// Re-aligns the doubtful links of `links` over `src` and `tgt`.
    fn resolved(src: &[&str], tgt: &[&str], links: Vec<Link>) -> Vec<Link> {
        let p = Profile::builtin("xx");
        let (a, b) = (side(src, &p), side(tgt, &p));
        let mut keys = Keys::default();
        let (mut s, mut t) = features::extract_pair(&a, &b, &AlignOptions::default(), &mut keys);
        features::weigh(&mut s, &mut t, &keys, &ClassWeights::default());
        resolve(links, (&s, &t), (&[], &[]), 1.0, 0.5)
    }

    fn doubtful(s: &[usize], t: &[usize]) -> Link {
        Link {
            score: 0.4,
            ..l(s, t)
        }
    }

    /// [`resolve`] as one window after the other on one thread, the
    /// links spliced in place: what the windows worked out on all cores
    /// must give.
    fn resolve_in_turn(
        links: Vec<Link>,
        sents: (&[Sent], &[Sent]),
        ratio: f64,
        low: f64,
    ) -> Vec<Link> {
        let pricer = Pricer::new(sents, (&[], &[]), ratio);
        let (mut k, mut fixed, mut links) = (0, 0, links);
        while k < links.len() {
            if links[k].score >= SEED {
                k += 1;
                continue;
            }
            let lo = k.saturating_sub(WINDOW).max(fixed);
            let hi = (k + WINDOW + 1).min(links.len());
            match resolve_window(&links[lo..hi], &pricer, low) {
                Some(new) => {
                    let n = new.len();
                    links.splice(lo..hi, new);
                    fixed = lo + n;
                    k = fixed;
                }
                None => k += 1,
            }
        }
        links
    }

    #[test]
    fn windows_worked_out_at_once_give_the_links_of_one_window_after_the_other() {
        // Blocks of the seven sentences, one target sentence dropped from
        // every other block; doubtful links on the shifted runs and on
        // some sure ones, close enough that repairs cut later windows
        // short.
        let (mut src, mut tgt, mut links) = (Vec::new(), Vec::new(), Vec::new());
        for b in 0..40 {
            let (i0, j0) = (src.len(), tgt.len());
            src.extend_from_slice(SRC);
            let drop = b % 2 == 0;
            for (k, t) in TGT.iter().enumerate() {
                if !(drop && k == 3) {
                    tgt.push(*t);
                }
            }
            for k in 0..7 {
                let doubt = b % 3 == 0 && k == 1;
                if drop && k >= 3 {
                    continue;
                }
                links.push(if doubt {
                    doubtful(&[i0 + k], &[j0 + k])
                } else {
                    l(&[i0 + k], &[j0 + k])
                });
            }
            if drop {
                links.extend([
                    doubtful(&[i0 + 3], &[j0 + 3]),
                    doubtful(&[i0 + 4], &[j0 + 4]),
                    doubtful(&[i0 + 5, i0 + 6], &[j0 + 5]),
                ]);
            }
        }
        let p = Profile::builtin("xx");
        let (a, b) = (side(&src, &p), side(&tgt, &p));
        let mut keys = Keys::default();
        let (mut s, mut t) = features::extract_pair(&a, &b, &AlignOptions::default(), &mut keys);
        features::weigh(&mut s, &mut t, &keys, &ClassWeights::default());
        let seeds = links.iter().filter(|l| l.score < SEED).count();
        assert!(seeds >= PARALLEL_SEEDS, "{seeds} seeds");
        let got = resolve(links.clone(), (&s, &t), (&[], &[]), 1.0, 0.5);
        let want = resolve_in_turn(links.clone(), (&s, &t), 1.0, 0.5);
        assert_ne!(pairs(&want), pairs(&links), "no window was repaired");
        assert_eq!(got, want);
    }

    #[test]
    fn a_run_paired_off_by_one_into_a_merged_link_leaves_the_dropped_sentence_alone() {
        // The translation of source 3 is gone; sources 3 to 5 took the next
        // translations and the last link merged sources 5 and 6.
        let mut tgt = TGT.to_vec();
        tgt.remove(3);
        let mut links: Vec<Link> = (0..3).map(|k| l(&[k], &[k])).collect();
        links.extend([
            doubtful(&[3], &[3]),
            doubtful(&[4], &[4]),
            doubtful(&[5, 6], &[5]),
        ]);
        let got = resolved(SRC, &tgt, links);
        let want = [
            l(&[0], &[0]),
            l(&[1], &[1]),
            l(&[2], &[2]),
            l(&[3], &[]),
            l(&[4], &[3]),
            l(&[5], &[4]),
            l(&[6], &[5]),
        ];
        assert_eq!(pairs(&got), pairs(&want));
    }

    #[test]
    fn an_added_sentence_absorbed_after_a_shift_stands_alone() {
        // A target sentence added at 2: the run after it took the next
        // source sentences and the last link merged two targets.
        let mut tgt = TGT.to_vec();
        tgt.insert(2, "Nobody answered the phone at the harbour that evening.");
        let mut links: Vec<Link> = (0..2).map(|k| l(&[k], &[k])).collect();
        links.extend([
            doubtful(&[2], &[2]),
            doubtful(&[3], &[3]),
            doubtful(&[4], &[4, 5]),
        ]);
        links.extend((5..7).map(|k| l(&[k], &[k + 1])));
        let got = resolved(SRC, &tgt, links);
        assert_eq!(
            pairs(&got[..6]),
            pairs(&[
                l(&[0], &[0]),
                l(&[1], &[1]),
                l(&[], &[2]),
                l(&[2], &[3]),
                l(&[3], &[4]),
                l(&[4], &[5]),
            ])
        );
    }

    /// Anchors of `src` and `tgt` (xx profiles), weighed.
    fn weighed(src: &[&str], tgt: &[&str]) -> (Vec<Sent>, Vec<Sent>) {
        let p = Profile::builtin("xx");
        let (a, b) = (side(src, &p), side(tgt, &p));
        let mut keys = Keys::default();
        let (mut s, mut t) = features::extract_pair(&a, &b, &AlignOptions::default(), &mut keys);
        features::weigh(&mut s, &mut t, &keys, &ClassWeights::default());
        (s, t)
    }

    /// Target 3 repeats the words of target 7 and shares nothing with
    /// source 2.
    fn with_stranger() -> Vec<&'static str> {
        let mut tgt = TGT.to_vec();
        tgt.insert(3, "Garnier published a book of 610 pages in Paris.");
        tgt
    }

    #[test]
    fn a_merged_target_sentence_that_shares_nothing_costs_a_null_link_more() {
        let tgt = with_stranger();
        let (s, t) = weighed(SRC, &tgt);
        let mut pricer = Pricer::new((&s, &t), (&[], &[]), 1.0);
        let mut sh = |x: usize, y: usize| features::shared(&s[x], &t[y]);
        let with = pricer.cost((2, 1), (2, 2), &mut sh);
        pricer.lone_cost = 0.0;
        let without = pricer.cost((2, 1), (2, 2), &mut sh);
        assert!(
            (with - without - RESOLVE_NULL).abs() < 1e-9,
            "{with} {without}"
        );
        // Its own translation merged in costs nothing more.
        pricer.lone_cost = RESOLVE_NULL;
        let own = pricer.cost((2, 1), (2, 1), &mut sh);
        pricer.lone_cost = 0.0;
        assert_eq!(own, pricer.cost((2, 1), (2, 1), &mut sh));
    }

    #[test]
    fn a_sentence_sharing_little_but_slight_is_no_lone_member() {
        // "It was late." holds too little weight of its own to count.
        let mut tgt = TGT.to_vec();
        tgt.insert(3, "It was late.");
        let (s, t) = weighed(SRC, &tgt);
        let mut pricer = Pricer::new((&s, &t), (&[], &[]), 1.0);
        let mut sh = |x: usize, y: usize| features::shared(&s[x], &t[y]);
        let with = pricer.cost((2, 1), (2, 2), &mut sh);
        pricer.lone_cost = 0.0;
        assert_eq!(with, pricer.cost((2, 1), (2, 2), &mut sh));
    }

    #[test]
    fn an_added_sentence_merged_into_its_neighbours_link_stands_alone() {
        let tgt = with_stranger();
        let mut links: Vec<Link> = (0..2).map(|k| l(&[k], &[k])).collect();
        links.push(doubtful(&[2], &[2, 3]));
        links.extend((3..7).map(|k| l(&[k], &[k + 1])));
        let got = resolved(SRC, &tgt, links);
        assert_eq!(
            pairs(&got[2..5]),
            pairs(&[l(&[2], &[2]), l(&[], &[3]), l(&[3], &[4])])
        );
    }

    #[test]
    fn a_doubtful_translators_split_stays() {
        // Source 5 is translated in two sentences; nothing was dropped.
        let mut tgt = TGT.to_vec();
        tgt[5] = "Fonseca won the Braga race.";
        tgt.insert(6, "He finished 44 seconds ahead.");
        let mut links: Vec<Link> = (0..5).map(|k| l(&[k], &[k])).collect();
        links.extend([doubtful(&[5], &[5, 6]), l(&[6], &[7])]);
        let before = links.clone();
        assert_eq!(resolved(SRC, &tgt, links), before);
    }

    #[test]
    fn an_omission_paired_off_by_one_moves_back_to_its_sentence() {
        // The translation of source 3 is gone; the run after it is paired
        // off by one and the null link sits on the last sentence.
        let mut tgt = TGT.to_vec();
        tgt.remove(3);
        let mut links: Vec<Link> = (0..6).map(|k| l(&[k], &[k])).collect();
        links.push(l(&[6], &[]));
        slide(SRC, &tgt, &mut links);
        let want: Vec<Link> = vec![
            l(&[0], &[0]),
            l(&[1], &[1]),
            l(&[2], &[2]),
            l(&[3], &[]),
            l(&[4], &[3]),
            l(&[5], &[4]),
            l(&[6], &[5]),
        ];
        assert_eq!(pairs(&links), pairs(&want));
    }

    #[test]
    fn an_addition_paired_off_by_one_moves_forward_to_its_sentence() {
        // An added target sentence at 2; the null link was put before it.
        let mut tgt = TGT.to_vec();
        tgt.insert(
            2,
            "Weber said the harbour would close before the winter storms.",
        );
        let mut links = vec![l(&[], &[0]), l(&[0], &[1]), l(&[1], &[2])];
        links.extend((2..7).map(|k| l(&[k], &[k + 1])));
        slide(SRC, &tgt, &mut links);
        assert_eq!(
            pairs(&links[..4]),
            pairs(&[l(&[0], &[0]), l(&[1], &[1]), l(&[], &[2]), l(&[2], &[3])])
        );
    }

    #[test]
    fn a_null_link_in_its_right_place_stays() {
        let mut src = SRC.to_vec();
        src.insert(
            3,
            "Weber disse que o porto fecha antes das tempestades de inverno.",
        );
        let mut links: Vec<Link> = (0..3).map(|k| l(&[k], &[k])).collect();
        links.push(l(&[3], &[]));
        links.extend((3..7).map(|k| l(&[k + 1], &[k])));
        let before = links.clone();
        slide(&src, TGT, &mut links);
        assert_eq!(links, before);
    }

    #[test]
    fn a_stray_half_of_a_split_translation_joins_its_neighbour() {
        // Source 4 has no translation; the second half of the translation
        // of source 3 was paired with it.
        let src = [
            SRC[0],
            SRC[1],
            SRC[2],
            SRC[3],
            "Weber disse que o porto fecha antes das tempestades.",
            SRC[4],
        ];
        let tgt = [
            TGT[0],
            TGT[1],
            TGT[2],
            "Duarte spoke in Faro.",
            "The investment will reach 780 million.",
            TGT[4],
        ];
        let links: Vec<Link> = (0..6).map(|k| l(&[k], &[k])).collect();
        let p = Profile::builtin("xx");
        let (a, b) = (side(&src, &p), side(&tgt, &p));
        let mut keys = Keys::default();
        let (mut s, mut t) = features::extract_pair(&a, &b, &AlignOptions::default(), &mut keys);
        features::weigh(&mut s, &mut t, &keys, &ClassWeights::default());
        let got = attach_strays(links, (&s, &t), 1.0, 0.5);
        assert_eq!(
            pairs(&got[3..]),
            [(vec![3], vec![3, 4]), (vec![4], vec![]), (vec![5], vec![5])]
        );
    }

    /// Pairs the null links of `links` over `src` and `tgt` (xx profiles).
    fn pair(src: &[&str], tgt: &[&str], links: Vec<Link>) -> Vec<Link> {
        let p = Profile::builtin("xx");
        let (a, b) = (side(src, &p), side(tgt, &p));
        let mut keys = Keys::default();
        let (mut s, mut t) = features::extract_pair(&a, &b, &AlignOptions::default(), &mut keys);
        features::weigh(&mut s, &mut t, &keys, &ClassWeights::default());
        pair_nulls(links, (&s, &t), 1.0, 0.5)
    }

    #[test]
    fn a_dropped_and_an_added_sentence_that_translate_each_other_pair_up() {
        // Source 3 and target 3 were left alone next to each other, with an
        // unrelated added sentence between them.
        let mut tgt = TGT.to_vec();
        tgt.insert(3, "Nobody answered the phone that evening.");
        let mut links: Vec<Link> = (0..3).map(|k| l(&[k], &[k])).collect();
        links.extend([l(&[3], &[]), l(&[], &[3]), l(&[], &[4])]);
        links.extend((4..7).map(|k| l(&[k], &[k + 1])));
        let got = pair(SRC, &tgt, links);
        assert_eq!(
            pairs(&got[2..6]),
            pairs(&[l(&[2], &[2]), l(&[], &[3]), l(&[3], &[4]), l(&[4], &[5])])
        );
    }

    #[test]
    fn unrelated_null_links_stay_apart() {
        let mut src = SRC.to_vec();
        src.insert(3, "Ninguém atendeu o telefone naquela noite.");
        let mut tgt = TGT.to_vec();
        tgt.insert(3, "The harbour will close before the winter storms.");
        let mut links: Vec<Link> = (0..3).map(|k| l(&[k], &[k])).collect();
        links.extend([l(&[3], &[]), l(&[], &[3])]);
        links.extend((3..7).map(|k| l(&[k + 1], &[k + 1])));
        let before = links.clone();
        assert_eq!(pair(&src, &tgt, links), before);
    }
}
