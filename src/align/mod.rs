//! Sentence alignment: pairs source and target segments into [`Link`]s
//! (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0, 0-1, and rarer 2-3, 3-2, 1-4, 4-1) that
//! never cross and cover every sentence exactly once, in order.
//!
//! How a link is scored (lower cost is better, in nats):
//! - a Gale–Church length model, with the length ratio `c` taken from the
//!   pair's own totals and the variance `s²` re-estimated from the first
//!   pass's confident 1-1 links (plain mean; 6.8 before that);
//! - minus a reward for the weight of dictionary-free anchors the two sides
//!   share, plus a penalty for anchor weight left unmatched ([`features`]);
//! - the link type's prior; 1-0 and 0-1 links have a constant cost instead,
//!   lowered when the null link continues a run of null links;
//! - a penalty when a link's paragraph boundaries disagree between the sides
//!   (only when both sides have paragraphs).
//!
//! A second pass adds word pairs learned from the first pass's confident 1-1
//! links ([`model1`]) as extra anchors and aligns again.
//!
//! Cost stays near-linear: a coarse path through hapax anchors (keys that occur
//! once on each side, filtered to their longest increasing chain) defines a
//! band, the DP runs only inside it ([`dp`]), and the band is widened and the
//! DP rerun when the best path runs along its edge.
//!
//! Confidence: each link's score is its posterior probability under the
//! forward–backward algorithm in the band (costs read as negative
//! log-probabilities at temperature [`Params::temperature`]): the share of all
//! alignments, weighted by their probability, that contain this exact link.
//! Links below [`Params::low_confidence`] are flagged.

mod dp;
pub mod eval;
pub mod features;
pub mod gold;
mod model1;
pub mod refine;
mod shift;
mod swap;

use crate::profile::Profile;
pub use features::ClassWeights;
use features::{Keys, Raw, Sent};
pub use refine::refine;
use serde::Serialize;

/// Aligned source and target sentences (indices into the segment lists).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub source: Vec<usize>,
    pub target: Vec<usize>,
    /// Confidence in [0, 1].
    pub score: f64,
    /// Set when `score` is below the confidence threshold.
    pub low_confidence: bool,
}

impl Link {
    /// The link type, such as `1-2` or `0-1`.
    pub fn kind(&self) -> String {
        format!("{}-{}", self.source.len(), self.target.len())
    }
}

/// One side of an alignment problem.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    pub sentences: Vec<&'a str>,
    /// Paragraph number of each sentence.
    pub paragraphs: Vec<usize>,
    pub profile: &'a Profile,
}

impl<'a> Side<'a> {
    /// The sentences `segs` of a document, with their paragraphs.
    pub fn of_segments(
        doc: &'a crate::input::Document,
        segs: &[crate::segment::Segment],
        profile: &'a Profile,
    ) -> Side<'a> {
        Side {
            sentences: segs.iter().map(|s| s.text(doc)).collect(),
            paragraphs: segs.iter().map(|s| s.paragraph).collect(),
            profile,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct AlignOptions {
    /// Glossary pairs (source term, target rendering) used as anchors.
    pub term_pairs: Vec<(String, String)>,
    /// A glossary's matcher, built once and shared, used as anchors
    /// instead of `term_pairs`.
    pub terms: Option<std::sync::Arc<crate::glossary::Matcher>>,
    /// Block kind of every source and target sentence of a marked-up file
    /// (empty for plain text): a link never runs across a heading, list
    /// item, table cell or code block boundary, and kinds should match.
    pub blocks: (Vec<u8>, Vec<u8>),
    /// The pair's bilingual lexicon ([`crate::lexicon`]), read as weak
    /// word-translation anchors.
    pub lexicon: Option<std::sync::Arc<crate::lexicon::Lexicon>>,
}

/// Scoring and search settings.
#[derive(Debug, Clone)]
pub struct Params {
    /// Link types `(source count, target count)` and their prior probabilities.
    /// 1-0 and 0-1 take [`Params::null_cost`] instead of a prior.
    pub priors: Vec<(usize, usize, f64)>,
    /// Constant cost of a 1-0 or 0-1 link.
    pub null_cost: f64,
    /// Cost removed from a null link that follows another null link
    /// (omitted or added blocks come in one piece; a replaced sentence is an
    /// omission next to an addition).
    pub gap_bonus: f64,
    /// Cost removed per unit of shared anchor weight.
    pub match_reward: f64,
    /// Cost added per unit of anchor weight left unmatched in a link.
    pub unmatched_penalty: f64,
    /// Cost per unit of anchor weight of a sentence left unaligned.
    pub null_unmatched: f64,
    /// Cost of a link whose paragraph boundaries differ between the sides.
    pub paragraph_penalty: f64,
    pub weights: ClassWeights,
    /// Initial half-width of the band around the coarse path.
    pub band: usize,
    /// Temperature of the posteriors used for confidence.
    pub temperature: f64,
    /// Links with a posterior below this are flagged `low_confidence`.
    pub low_confidence: f64,
    /// Learn word pairs from the first pass and align again.
    pub learn_pairs: bool,
    /// Re-estimate the length variance from the first pass (else keep 6.8).
    pub reestimate_variance: bool,
    /// Re-estimate the length ratio from the first pass's non-null links.
    pub reestimate_ratio: bool,
    /// Decode the path maximising expected correct links minus this much per
    /// link, instead of the single most probable path (`None`).
    pub mbr: Option<f64>,
    /// Posterior a first-pass 1-1 link needs to train word pairs.
    pub train_posterior: f64,
    /// Least translation probability (both directions) of a learned pair.
    pub pair_min_prob: f64,
    /// Least number of training links a learned pair's source word is in.
    pub pair_min_count: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            priors: vec![
                (1, 1, 0.89),
                (1, 2, 0.0445),
                (2, 1, 0.0445),
                // 2-2 and 2-3 kept rare: merging two good links into one
                // hides an omission from the checks (news samples: F1 0.903 →
                // 0.989; Text+Berg 0.899 → 0.885; ParIce 0.910 → 0.914).
                (2, 2, 0.001),
                (1, 3, 0.003),
                (3, 1, 0.003),
                (2, 3, 0.0001),
                (3, 2, 0.0001),
                (1, 4, 0.0005),
                (4, 1, 0.0005),
            ],
            null_cost: 4.5,
            gap_bonus: 1.5,
            match_reward: 0.6,
            unmatched_penalty: 0.3,
            null_unmatched: 0.0,
            paragraph_penalty: 3.0,
            weights: ClassWeights {
                // The aligner sums shared weight over every sentence pair
                // of a link, so general words shared across neighbours
                // favour merges: at the refinement's weight the samples' F1
                // fell from 1.0 to 0.89; the refinement reads it in full.
                lexicon: 0.15,
                ..ClassWeights::default()
            },
            band: 20,
            temperature: 1.0,
            low_confidence: 0.5,
            learn_pairs: true,
            reestimate_variance: false,
            train_posterior: 0.9,
            mbr: None,
            reestimate_ratio: true,
            pair_min_prob: 0.3,
            pair_min_count: 2,
        }
    }
}

/// Cost of a link between blocks of different kinds (a heading and an item).
const KIND_MISMATCH: f64 = 6.0;

/// Most sentences one side of a link may hold.
const MAX_SPAN: usize = 4;

/// Most cells the DP may use before it stops widening the band (a chunk
/// widens to at most eight times its first band, or this many cells).
const MAX_CELLS: usize = 40_000_000;

/// The raw anchors of every sentence of a pair ([`features::extract_pair`]),
/// extracted once and shared by the aligner, the QA refinement and the
/// hidden-sentence pass: each starts from a copy and adds its own learned
/// word pairs.
#[derive(Debug)]
pub struct PairAnchors {
    pub(crate) keys: Keys,
    pub(crate) src: Raw,
    pub(crate) tgt: Raw,
    /// The refinement's anchors, with word pairs learned from the aligner's
    /// links: found once for the refinement and the hidden-sentence pass.
    pub(crate) learned: std::sync::OnceLock<refine::Learned>,
    /// Word pairs the aligner learned from its first pass ([`model1`]),
    /// for the refinement.
    pub(crate) pairs: std::sync::OnceLock<Vec<(u32, u32)>>,
    /// The sides are marked up (block kinds given): the refinement leaves
    /// re-alignment across blocks to the aligner.
    pub(crate) marked_up: bool,
}

impl PairAnchors {
    /// Extracts the anchors of both sides (glossary terms from `options`).
    pub fn new(source: &Side, target: &Side, options: &AlignOptions) -> PairAnchors {
        let mut keys = Keys::default();
        let (src, tgt) = features::extract_pair_raw(source, target, options, &mut keys);
        keys.drop_strings();
        PairAnchors {
            keys,
            src,
            tgt,
            learned: Default::default(),
            pairs: Default::default(),
            marked_up: !options.blocks.0.is_empty() || !options.blocks.1.is_empty(),
        }
    }

    /// The glossary matches of every source and target sentence, found
    /// with the anchors (empty without a matcher), handed over to the checks.
    pub fn take_matches(
        &mut self,
    ) -> (
        crate::glossary::SentenceMatches,
        crate::glossary::SentenceMatches,
    ) {
        (
            std::mem::take(&mut self.src.matches),
            std::mem::take(&mut self.tgt.matches),
        )
    }

    /// Whether these anchors were extracted from sides of these lengths.
    pub(crate) fn fits(&self, n: usize, m: usize) -> bool {
        match self.learned.get() {
            Some((s, t, _)) => s.len() == n && t.len() == m,
            None => self.src.len() == n && self.tgt.len() == m,
        }
    }

    /// Drops every word that is in none of `pairs` (source words on the
    /// source side, target words on the other): from here on words are
    /// read only to find the learned pairs' words, and they are most of
    /// the raw anchors' memory.
    fn keep_pair_words(&mut self, pairs: &[(u32, u32)]) {
        let mark = |ids: &mut dyn Iterator<Item = u32>| {
            let mut v: Vec<bool> = Vec::new();
            for w in ids {
                let w = w as usize;
                if v.len() <= w {
                    v.resize(w + 1, false);
                }
                v[w] = true;
            }
            v
        };
        let e = mark(&mut pairs.iter().map(|p| p.0));
        let f = mark(&mut pairs.iter().map(|p| p.1));
        let has = |v: &[bool], w: u32| v.get(w as usize).copied().unwrap_or(false);
        self.src.keep_words(|w| has(&e, w));
        self.tgt.keep_words(|w| has(&f, w));
    }

    /// Frees the raw anchors once the refinement has worked out its own
    /// (the hidden-sentence pass reads only those); keeps them otherwise.
    pub fn release_raw(&mut self) {
        if self.learned.get().is_some() {
            self.keys = Keys::default();
            self.src = Raw::default();
            self.tgt = Raw::default();
        }
    }
}

/// Aligns two sides. Links cover every sentence exactly once, in order.
pub fn align(source: &Side, target: &Side, options: &AlignOptions) -> Vec<Link> {
    align_with(source, target, options, &Params::default())
}

/// [`align`] with the pair's anchors extracted already. Once word pairs
/// are learned, the anchors keep only the words of those pairs.
pub fn align_prepared(
    source: &Side,
    target: &Side,
    options: &AlignOptions,
    anchors: &mut PairAnchors,
) -> Vec<Link> {
    align_anchored(source, target, options, &Params::default(), anchors)
}

/// [`align`] with explicit scoring settings (the defaults are tuned on the
/// gold corpora).
pub fn align_with(source: &Side, target: &Side, options: &AlignOptions, p: &Params) -> Vec<Link> {
    let (n, m) = (source.sentences.len(), target.sentences.len());
    if n == 0 || m == 0 {
        return all_null(n, m);
    }
    let mut anchors = PairAnchors::new(source, target, options);
    align_anchored(source, target, options, p, &mut anchors)
}

/// Every sentence of an alignment with an empty side, alone.
fn all_null(n: usize, m: usize) -> Vec<Link> {
    let mut out: Vec<Link> = (0..n).map(|i| null_link(vec![i], vec![])).collect();
    out.extend((0..m).map(|j| null_link(vec![], vec![j])));
    out
}

/// [`align_with`] on anchors extracted already.
fn align_anchored(
    source: &Side,
    target: &Side,
    options: &AlignOptions,
    p: &Params,
    anchors: &mut PairAnchors,
) -> Vec<Link> {
    let (n, m) = (source.sentences.len(), target.sentences.len());
    if n == 0 || m == 0 {
        return all_null(n, m);
    }
    if !anchors.fits(n, m) {
        return align_with(source, target, options, p);
    }
    let mut keys = anchors.keys.classes();
    let (mut src, mut tgt) = features::weighed(&anchors.src, &anchors.tgt, &keys, &p.weights);
    let mut model = Model::of(options, p, total_ratio(&src, &tgt), n, m);
    let sides = Paras::of(source, target, p, n, m);
    let coarse = coarse_path(&src, &tgt, &keys);
    // The first pass decodes the most probable path: its links train the second.
    let first = Params {
        mbr: None,
        ..p.clone()
    };
    // One set of DP buffers serves every chunk of both passes.
    let scratch = dp::Scratch::default();
    let sol = first_pass(&coarse, (&src, &tgt), &sides, &model, &first, &scratch);
    let mut changed = reestimate(&mut model, &sol, (&src, &tgt), p);
    // Pairs learned by an earlier run on these anchors stand: their other
    // words are gone.
    let learned = match anchors.pairs.get() {
        Some(pairs) => Some(pairs.clone()),
        None => learn_pairs(&sol, (&anchors.src, &anchors.tgt), p),
    };
    if let Some(learned) = learned {
        let _ = anchors.pairs.set(learned.clone());
        anchors.keep_pair_words(&learned);
        let raw = (&anchors.src, &anchors.tgt);
        if !learned.is_empty() {
            // The first pass's keys are the raw keys that weighing keeps;
            // it drops the others again (they are still on one side only).
            add_learned((&mut src, &mut tgt), raw, &learned, &mut keys);
            features::weigh(&mut src, &mut tgt, &keys, &p.weights);
            changed = true;
        }
    }
    if !changed {
        return links_of(&sol, p);
    }
    let sol = run(&src, &tgt, &sides, &model, p, &sol.path, p.band, &scratch);
    links_of(&sol, p)
}

/// A heading left alone on each side at the same place (`More info` and
/// `Más información` between the same two links) is one heading
/// translated: short, it shares too little with its rendering for the
/// length model to pair it, but the document's structure does.
pub fn pair_lone_headings(mut links: Vec<Link>, (sk, tk): &(Vec<u8>, Vec<u8>)) -> Vec<Link> {
    let heading = crate::formats::prose::BlockKind::Heading.code();
    let lone = |l: &Link| -> Option<(Option<usize>, Option<usize>)> {
        match (l.source.as_slice(), l.target.as_slice()) {
            ([i], []) if sk.get(*i) == Some(&heading) => Some((Some(*i), None)),
            ([], [j]) if tk.get(*j) == Some(&heading) => Some((None, Some(*j))),
            _ => None,
        }
    };
    let mut k = 0;
    while k + 1 < links.len() {
        if let (Some(a), Some(b)) = (lone(&links[k]), lone(&links[k + 1]))
            && let (Some(i), Some(j)) = (a.0.or(b.0), a.1.or(b.1))
        {
            let score = links[k].score.min(links[k + 1].score);
            links[k] = Link {
                source: vec![i],
                target: vec![j],
                score,
                low_confidence: links[k].low_confidence || links[k + 1].low_confidence,
            };
            links.remove(k + 1);
        }
        k += 1;
    }
    links
}

/// The pair's length ratio (target / source) from its totals, clamped: a
/// lopsided pair (one sentence against a thousand) says nothing about the
/// languages' length ratio.
fn total_ratio(src: &[Sent], tgt: &[Sent]) -> f64 {
    let ls: f64 = src.iter().map(|s| s.len).sum();
    let lt: f64 = tgt.iter().map(|s| s.len).sum();
    if ls > 0.0 && lt > 0.0 {
        (lt / ls).clamp(0.25, 4.0)
    } else {
        1.0
    }
}

/// The 1-1 links of a solution's path, with their posteriors.
fn one_to_ones(sol: &dp::Solution) -> Vec<((usize, usize), f64)> {
    sol.path
        .windows(2)
        .zip(&sol.posterior)
        .filter(|(w, _)| w[1].0 == w[0].0 + 1 && w[1].1 == w[0].1 + 1)
        .map(|(w, post)| (w[0], *post))
        .collect()
}

/// Re-estimates the length model from the first pass: the variance from
/// all 1-1 links (selecting confident ones would bias it low), the ratio
/// from the aligned text. Says whether the model changed.
fn reestimate(
    model: &mut Model,
    sol: &dp::Solution,
    (src, tgt): (&[Sent], &[Sent]),
    p: &Params,
) -> bool {
    let ratio = model.ratio;
    let all_ones = one_to_ones(sol);
    if p.reestimate_variance && all_ones.len() >= 10 {
        let mut sum = 0.0;
        let mut cnt = 0.0;
        for &((i, j), _) in &all_ones {
            let (a, b) = (src[i].len, tgt[j].len);
            let mean = ((a + b / ratio) / 2.0).max(1.0);
            sum += (b - ratio * a).powi(2) / mean;
            cnt += 1.0;
        }
        let var = sum / cnt;
        if var.is_finite() && var > 0.5 {
            model.var = var;
        }
    }
    if p.reestimate_ratio {
        // The length ratio of the aligned text only: omitted or added blocks
        // (null links) would skew the ratio of the totals.
        let (mut a, mut b) = (0.0, 0.0);
        for w in sol.path.windows(2) {
            let ((i0, j0), (i1, j1)) = (w[0], w[1]);
            if i1 > i0 && j1 > j0 {
                a += src[i0..i1].iter().map(|s| s.len).sum::<f64>();
                b += tgt[j0..j1].iter().map(|s| s.len).sum::<f64>();
            }
        }
        if a > 0.0 && b > 0.0 {
            model.ratio = (b / a).clamp(0.25, 4.0);
        }
    }
    (model.ratio - ratio).abs() > 0.01 * ratio || model.var != 6.8
}

/// Word pairs learned ([`model1`]) from the first pass's confident 1-1
/// links, at most about 5000 spread over the document; `None` when
/// learning is off or there are too few links.
fn learn_pairs(
    sol: &dp::Solution,
    (src, tgt): (&Raw, &Raw),
    p: &Params,
) -> Option<Vec<(u32, u32)>> {
    let ones: Vec<(usize, usize)> = one_to_ones(sol)
        .into_iter()
        .filter(|x| x.1 > p.train_posterior)
        .map(|x| x.0)
        .collect();
    if !p.learn_pairs || ones.len() < 5 {
        return None;
    }
    let step = ones.len() / 5000 + 1;
    let train: Vec<(&[u32], &[u32])> = ones
        .iter()
        .step_by(step)
        .map(|&(i, j)| (src.words(i), tgt.words(j)))
        .collect();
    Some(model1::learn_pairs(
        &train,
        5,
        p.pair_min_prob,
        p.pair_min_count,
    ))
}

fn null_link(source: Vec<usize>, target: Vec<usize>) -> Link {
    Link {
        source,
        target,
        score: 1.0,
        low_confidence: false,
    }
}

/// Link kinds searched: the priors' kinds plus 1-0 and 0-1.
fn kinds_of(priors: &[(usize, usize, f64)]) -> Vec<dp::Kind> {
    let mut k: Vec<dp::Kind> = priors.iter().map(|&(a, b, _)| (a, b)).collect();
    k.retain(|&(a, b)| a > 0 && b > 0 && a <= MAX_SPAN && b <= MAX_SPAN);
    k.sort_unstable();
    k.dedup();
    k.push((1, 0));
    k.push((0, 1));
    k
}

fn links_of(sol: &dp::Solution, p: &Params) -> Vec<Link> {
    sol.path
        .windows(2)
        .zip(&sol.posterior)
        .map(|(w, &post)| {
            let ((i0, j0), (i1, j1)) = (w[0], w[1]);
            Link {
                source: (i0..i1).collect(),
                target: (j0..j1).collect(),
                score: post,
                low_confidence: post < p.low_confidence,
            }
        })
        .collect()
}

/// Length-model settings for one document.
struct Model {
    ratio: f64,
    var: f64,
    priors: Vec<(usize, usize, f64)>,
    /// [`AlignOptions::blocks`], when both sides have them.
    blocks: (Vec<u8>, Vec<u8>),
}

impl Model {
    /// The starting model: the given length ratio, the default variance,
    /// block kinds when both sides have them.
    fn of(options: &AlignOptions, p: &Params, ratio: f64, n: usize, m: usize) -> Model {
        Model {
            ratio,
            var: 6.8,
            priors: p.priors.clone(),
            blocks: if options.blocks.0.len() == n && options.blocks.1.len() == m {
                options.blocks.clone()
            } else {
                (Vec::new(), Vec::new())
            },
        }
    }

    /// The model of the rows `i0..i1` and columns `j0..j1`.
    fn slice(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> Model {
        let (bs, bt) = &self.blocks;
        Model {
            blocks: match (bs.get(i0..i1), bt.get(j0..j1)) {
                (Some(a), Some(b)) if !a.is_empty() && !b.is_empty() => (a.to_vec(), b.to_vec()),
                _ => (Vec::new(), Vec::new()),
            },
            priors: self.priors.clone(),
            ..*self
        }
    }
}

/// Paragraph numbers of both sides and the paragraph penalty they earn.
struct Paras<'a> {
    src: &'a [usize],
    tgt: &'a [usize],
    /// Paragraph penalty, scaled by how well the paragraph counts agree (0 = off).
    penalty: f64,
}

impl<'a> Paras<'a> {
    fn of(source: &'a Side, target: &'a Side, p: &Params, n: usize, m: usize) -> Self {
        let paras = |v: &[usize]| v.iter().max().copied().unwrap_or(0) + 1;
        let (ps, pt) = (paras(&source.paragraphs), paras(&target.paragraphs));
        let ok = source.paragraphs.len() == n && target.paragraphs.len() == m;
        let penalty = if ok && ps > 1 && pt > 1 {
            p.paragraph_penalty * ps.min(pt) as f64 / ps.max(pt) as f64
        } else {
            0.0
        };
        Paras {
            src: &source.paragraphs,
            tgt: &target.paragraphs,
            penalty,
        }
    }

    /// The rows `i0..i1` and columns `j0..j1` (penalty off when the lists
    /// do not cover the sides).
    fn slice(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> Paras<'a> {
        match (self.src.get(i0..i1), self.tgt.get(j0..j1)) {
            (Some(src), Some(tgt)) => Paras {
                src,
                tgt,
                penalty: self.penalty,
            },
            _ => Paras {
                src: &[],
                tgt: &[],
                penalty: 0.0,
            },
        }
    }
}

/// Source rows per independently solved chunk of a long document: memory
/// stays O(chunk · band) and chunks run in parallel.
const CHUNK_ROWS: usize = 16_384;

/// Runs the DP in a band of half-width `w` around `guide` (a monotone path
/// from `(0, 0)` to `(n, m)`). A long document is cut on the guide into
/// chunks solved independently; the cuts fall between two 1-1 steps of the
/// guide, where a sentence boundary is least in doubt.
#[allow(clippy::too_many_arguments)]
fn run(
    src: &[Sent],
    tgt: &[Sent],
    paras: &Paras,
    model: &Model,
    p: &Params,
    guide: &[(usize, usize)],
    w: usize,
    scratch: &dp::Scratch,
) -> dp::Solution {
    let (n, m) = (src.len(), tgt.len());
    if n <= 2 * CHUNK_ROWS {
        return run_band(src, tgt, paras, model, p, guide, w, scratch);
    }
    let mut cuts = Cuts::new(n);
    cuts.scan(guide);
    let mut cuts = cuts.found;
    cuts.push((n, m));
    let spans: Vec<&[(usize, usize)]> = cuts.windows(2).collect();
    let chunk = |c: &&[(usize, usize)]| {
        solve_chunk((src, tgt), paras, model, p, guide, (c[0], c[1]), w, scratch)
    };
    joined(each_in_turn(&spans, chunk))
}

/// The chunks' solutions, in order, as one.
fn joined(parts: Vec<dp::Solution>) -> dp::Solution {
    let mut out = dp::Solution {
        path: vec![(0, 0)],
        posterior: Vec::new(),
    };
    for part in parts {
        out.path.extend(part.path.into_iter().skip(1));
        out.posterior.extend(part.posterior);
    }
    out
}

/// Where [`run`] cuts a long guide into chunks: between two 1-1 steps, a
/// chunk of rows or more after the last cut and half a chunk before the end.
struct Cuts {
    n: usize,
    /// Cuts so far, `(0, 0)` first.
    found: Vec<(usize, usize)>,
    /// The guide point looked at next.
    k: usize,
    next: usize,
}

impl Cuts {
    fn new(n: usize) -> Cuts {
        Cuts {
            n,
            found: vec![(0, 0)],
            k: 1,
            next: CHUNK_ROWS,
        }
    }

    /// Looks at the points of `guide` (a prefix of the whole guide, or all
    /// of it) whose next point is known, from where it stopped last.
    fn scan(&mut self, guide: &[(usize, usize)]) {
        let one = |x: (usize, usize), y: (usize, usize)| y.0 == x.0 + 1 && y.1 == x.1 + 1;
        while self.k + 1 < guide.len() {
            let (a, b, c) = (guide[self.k - 1], guide[self.k], guide[self.k + 1]);
            if b.0 >= self.next && b.0 + CHUNK_ROWS / 2 < self.n && one(a, b) && one(b, c) {
                self.found.push(b);
                self.next = b.0 + CHUNK_ROWS;
            }
            self.k += 1;
        }
    }
}

/// The chunk of the DP between guide points `(i0, j0)` and `(i1, j1)`,
/// its path in the whole lattice's coordinates.
#[allow(clippy::too_many_arguments)]
fn solve_chunk(
    (src, tgt): (&[Sent], &[Sent]),
    paras: &Paras,
    model: &Model,
    p: &Params,
    guide: &[(usize, usize)],
    ((i0, j0), (i1, j1)): ((usize, usize), (usize, usize)),
    w: usize,
    scratch: &dp::Scratch,
) -> dp::Solution {
    // The guide is monotone: its points in the region lie between the two.
    let from = guide.partition_point(|&(i, j)| i + j < i0 + j0);
    let to = guide.partition_point(|&(i, j)| i + j <= i1 + j1);
    let sub: Vec<(usize, usize)> = guide[from..to]
        .iter()
        .filter(|&&(i, j)| (i0..=i1).contains(&i) && (j0..=j1).contains(&j))
        .map(|&(i, j)| (i - i0, j - j0))
        .collect();
    let mut sol = run_region(
        (src, tgt),
        paras,
        model,
        p,
        (i0, i1, j0, j1),
        &sub,
        w,
        scratch,
    );
    for x in &mut sol.path {
        *x = (x.0 + i0, x.1 + j0);
    }
    sol
}

/// The guide's points as the gap search fixes them ([`dp::beam_path_streamed`]),
/// for the first pass to solve the chunks they cover meanwhile.
#[derive(Default)]
struct GuideFeed {
    /// Points so far, and whether the search is over.
    state: std::sync::Mutex<(Vec<(usize, usize)>, bool)>,
    more: std::sync::Condvar,
}

impl GuideFeed {
    fn lock(&self) -> std::sync::MutexGuard<'_, (Vec<(usize, usize)>, bool)> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn push(&self, points: impl IntoIterator<Item = (usize, usize)>) {
        self.lock().0.extend(points);
        self.more.notify_all();
    }

    fn finish(&self) {
        self.lock().1 = true;
        self.more.notify_all();
    }

    /// Appends to `out` (a copy of the first points) the points it lacks,
    /// waiting for some while the search goes on; says whether it is over.
    fn wait_more(&self, out: &mut Vec<(usize, usize)>) -> bool {
        let mut state = self.lock();
        loop {
            if let Some(new) = state.0.get(out.len()..).filter(|x| !x.is_empty()) {
                out.extend_from_slice(new);
                return state.1;
            }
            if state.1 {
                return true;
            }
            state = self.more.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// Finishes the feed when dropped, so that its reader never waits on a
/// search that unwound.
struct Finish<'a>(&'a GuideFeed);

impl Drop for Finish<'_> {
    fn drop(&mut self) {
        self.0.finish();
    }
}

/// The first pass: the guide through the coarse path's gaps, then [`run`]
/// around it. A long document whose gaps are searched on one thread has
/// its chunks solved on the other cores while the search goes on, each
/// once the guide is fixed past its end; the guide and the solution are
/// the same as searching first.
fn first_pass(
    coarse: &[(usize, usize)],
    (src, tgt): (&[Sent], &[Sent]),
    paras: &Paras,
    model: &Model,
    p: &Params,
    scratch: &dp::Scratch,
) -> dp::Solution {
    let (n, w) = (src.len(), p.band);
    let gaps = far_gaps(coarse);
    let serial = !gaps.is_empty() && gap_groups(coarse, &gaps).len() == 1;
    if n <= 2 * CHUNK_ROWS || !serial || rayon::current_num_threads() < 2 {
        let guide = fill_gaps(coarse, src, tgt, paras, model, p, None);
        return run(src, tgt, paras, model, p, &guide, w, scratch);
    }
    let feed = GuideFeed::default();
    let mut known: Vec<(usize, usize)> = Vec::new();
    let mut cuts = Cuts::new(n);
    let mut early: Vec<dp::Solution> = Vec::new();
    let guide = std::thread::scope(|s| {
        let search = s.spawn(|| {
            let _done = Finish(&feed);
            fill_gaps(coarse, src, tgt, paras, model, p, Some(&feed))
        });
        while !feed.wait_more(&mut known) {
            cuts.scan(&known);
            while early.len() + 1 < cuts.found.len() {
                let span = (cuts.found[early.len()], cuts.found[early.len() + 1]);
                early.push(solve_chunk(
                    (src, tgt),
                    paras,
                    model,
                    p,
                    &known,
                    span,
                    w,
                    scratch,
                ));
            }
        }
        search
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    });
    if guide.get(..known.len()) != Some(&known[..]) {
        // A guess the search took back: solve as if searching first.
        return run(src, tgt, paras, model, p, &guide, w, scratch);
    }
    cuts.scan(&guide);
    let mut spans = cuts.found[early.len()..].to_vec();
    spans.push((src.len(), tgt.len()));
    let spans: Vec<&[(usize, usize)]> = spans.windows(2).collect();
    let chunk = |c: &&[(usize, usize)]| {
        solve_chunk(
            (src, tgt),
            paras,
            model,
            p,
            &guide,
            (c[0], c[1]),
            w,
            scratch,
        )
    };
    early.extend(each_in_turn(&spans, chunk));
    joined(early)
}

/// [`run_band`] on the rows `i0..i1` and columns `j0..j1` alone, `guide`
/// in the region's own coordinates; the path comes back in them too.
#[allow(clippy::too_many_arguments)]
fn run_region(
    (src, tgt): (&[Sent], &[Sent]),
    paras: &Paras,
    model: &Model,
    p: &Params,
    (i0, i1, j0, j1): (usize, usize, usize, usize),
    guide: &[(usize, usize)],
    w: usize,
    scratch: &dp::Scratch,
) -> dp::Solution {
    run_band(
        &src[i0..i1],
        &tgt[j0..j1],
        &paras.slice(i0, i1, j0, j1),
        &model.slice(i0, i1, j0, j1),
        p,
        guide,
        w,
        scratch,
    )
}

/// `f` of every item, in order, computed by one task per thread that takes
/// the next item when it is done: at most one chunk per thread holds DP
/// buffers at a time (a thread waiting inside a chunk's own parallel steps
/// would otherwise start another chunk).
fn each_in_turn<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let out: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let work = || {
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let (Some(item), Some(slot)) = (items.get(k), out.get(k)) else {
                break;
            };
            let r = f(item);
            if let Ok(mut slot) = slot.lock() {
                *slot = Some(r);
            }
        }
    };
    let work = &work;
    rayon::scope(|s| {
        for _ in 0..rayon::current_num_threads().min(items.len()) {
            s.spawn(move |_| work());
        }
    });
    out.into_iter()
        .zip(items)
        .map(|(slot, item)| slot.into_inner().ok().flatten().unwrap_or_else(|| f(item)))
        .collect()
}

/// Most half-width a region's band is widened to, and most cells one
/// widened region may take: a stray stretch is re-solved at a bounded cost.
const MAX_WIDTH: usize = 320;
const MAX_REGION_CELLS: usize = 8_000_000;

/// Runs the DP in a band of half-width `w` around `guide`. Where the best
/// path runs along the band's edge (a wider band might find a better one),
/// only that region is solved again, in a band twice as wide around the
/// path found: one stray stretch of a long document costs its own length.
#[allow(clippy::too_many_arguments)]
fn run_band(
    src: &[Sent],
    tgt: &[Sent],
    paras: &Paras,
    model: &Model,
    p: &Params,
    guide: &[(usize, usize)],
    w: usize,
    scratch: &dp::Scratch,
) -> dp::Solution {
    let (n, m) = (src.len(), tgt.len());
    let kinds = kinds_of(&model.priors);
    let solve = |band: &dp::Band| {
        let scorer = Scorer::new(src, tgt, paras, model, p, Some((band, scratch)));
        let cost = |i: usize, a: usize, j: usize, b: usize| scorer.cost(i, a, j, b);
        let rows = |i: usize, tabled: &[dp::Kind], out: &mut [f32]| {
            scorer.fill_row(band, i, tabled, out);
        };
        let setup = dp::Setup {
            band,
            n,
            m,
            kinds: &kinds,
            temperature: p.temperature,
            gap_bonus: p.gap_bonus,
            mbr: p.mbr,
        };
        let sol = dp::solve_by_rows(&setup, &cost, &rows, scratch);
        scorer.recycle(scratch);
        sol
    };
    let band = dp::Band::around(guide, n, m, w);
    let sol = solve(&band);
    if sol.path.first() != Some(&(0, 0)) {
        // No path in the band (blocks that cannot be linked): once, the
        // whole lattice around the diagonal if it is small enough.
        let wide = n.abs_diff(m) + 2 * w;
        if (2 * wide + 1) * (n + 1) > MAX_CELLS || wide <= w {
            return sol;
        }
        return solve(&dp::Band::around(&[(0, 0), (n, m)], n, m, wide));
    }
    let wider = 2 * w;
    if wider > MAX_WIDTH.min(n.max(m)) {
        return sol;
    }
    let regions = edge_regions(&band, &sol.path, m, w);
    if regions.is_empty() {
        return sol;
    }
    let widen = |region, guide: &[(usize, usize)]| {
        run_region((src, tgt), paras, model, p, region, guide, wider, scratch)
    };
    resolve_regions(sol, &regions, wider, widen)
}

/// Rows around the places where `path` runs along an inner edge of
/// `band` (half-width `w`), as ranges merged where they overlap.
fn edge_regions(
    band: &dp::Band,
    path: &[(usize, usize)],
    m: usize,
    w: usize,
) -> Vec<(usize, usize)> {
    let n = band.lo.len().saturating_sub(1);
    let reach = 4 * w;
    let mut regions: Vec<(usize, usize)> = Vec::new();
    for r in band.edge_rows(path, m, (w / 5).max(2)) {
        let (lo, hi) = (r.saturating_sub(reach), (r + reach).min(n));
        match regions.last_mut() {
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => regions.push((lo, hi)),
        }
    }
    regions
}

/// `sol` with the stretch of its path across each of `regions` (row
/// ranges) solved again by `widen(region, guide)` in a band of half-width
/// `wider`; a stretch stays as it was when that finds no path through the
/// same end points, or would take too many cells.
fn resolve_regions(
    sol: dp::Solution,
    regions: &[(usize, usize)],
    wider: usize,
    widen: impl Fn((usize, usize, usize, usize), &[(usize, usize)]) -> dp::Solution,
) -> dp::Solution {
    let mut out = dp::Solution {
        path: Vec::with_capacity(sol.path.len()),
        posterior: Vec::with_capacity(sol.posterior.len()),
    };
    let mut k = 0; // next path point to copy
    for &(lo, hi) in regions {
        // The region runs between path points on rows `lo` and `hi`.
        let k0 = k.max(sol.path[k..].partition_point(|x| x.0 < lo) + k);
        let k0 = k0.min(sol.path.len() - 1);
        let k1 = (sol.path[k0..].partition_point(|x| x.0 < hi) + k0).min(sol.path.len() - 1);
        if k1 <= k0 {
            continue;
        }
        let ((i0, j0), (i1, j1)) = (sol.path[k0], sol.path[k1]);
        if (2 * wider + 1) * (i1 - i0 + 1) > MAX_REGION_CELLS {
            continue;
        }
        out.path.extend_from_slice(&sol.path[k..k0]);
        out.posterior.extend_from_slice(&sol.posterior[k..k0]);
        let sub_guide: Vec<(usize, usize)> = sol.path[k0..=k1]
            .iter()
            .map(|&(i, j)| (i - i0, j - j0))
            .collect();
        let sub = widen((i0, i1, j0, j1), &sub_guide);
        if sub.path.first() == Some(&(0, 0)) && sub.path.last() == Some(&(i1 - i0, j1 - j0)) {
            out.path.extend(
                sub.path[..sub.path.len() - 1]
                    .iter()
                    .map(|&(i, j)| (i + i0, j + j0)),
            );
            out.posterior.extend(sub.posterior);
        } else {
            out.path.extend_from_slice(&sol.path[k0..k1]);
            out.posterior.extend_from_slice(&sol.posterior[k0..k1]);
        }
        k = k1;
    }
    out.path.extend_from_slice(&sol.path[k..]);
    out.posterior.extend_from_slice(&sol.posterior[k..]);
    out
}

/// Half-width in rows of the beam that finds a guide path where anchors
/// are too sparse.
const GUIDE_BEAM: usize = 16;

/// Gap between consecutive hapax anchors (in sentences on either side)
/// beyond which a straight line is no guide: repetitive text (a song's
/// refrain, a template repeated) has few or no hapax keys at all.
const GUIDE_GAP: usize = 256;

/// Whether the coarse path's points `a` and `b` are too far apart to be a guide.
fn far(a: (usize, usize), b: (usize, usize)) -> bool {
    b.0 - a.0 > GUIDE_GAP || b.1 - a.1 > GUIDE_GAP
}

/// The gaps of the coarse path (indices of a gap's end) that [`fill_gaps`]
/// searches.
fn far_gaps(coarse: &[(usize, usize)]) -> Vec<usize> {
    (1..coarse.len())
        .filter(|&k| far(coarse[k - 1], coarse[k]))
        .collect()
}

/// Replaces each stretch of the coarse path between anchors that are more
/// than [`GUIDE_GAP`] apart by a beam-searched path ([`dp::beam_path`]).
/// With a `feed`, the gaps being one group, the guide's points go to it
/// as they are fixed.
fn fill_gaps(
    coarse: &[(usize, usize)],
    src: &[Sent],
    tgt: &[Sent],
    paras: &Paras,
    model: &Model,
    p: &Params,
    feed: Option<&GuideFeed>,
) -> Vec<(usize, usize)> {
    if !coarse.windows(2).any(|x| far(x[0], x[1])) {
        return coarse.to_vec();
    }
    let scorer = Scorer::new(src, tgt, paras, model, p, None);
    let kinds: Vec<dp::Kind> = kinds_of(&model.priors)
        .into_iter()
        .filter(|&(a, b)| a + b <= 3)
        .collect();
    // Each gap is searched on its own (the caches only save work), so
    // groups of gaps run on all cores, each with caches of its own.
    let groups = gap_groups(coarse, &far_gaps(coarse));
    let paths: Vec<Vec<Vec<(usize, usize)>>> = {
        use rayon::prelude::*;
        let search = |group: &[usize], feed: Option<&GuideFeed>| {
            let mut cache = SimCache::new();
            let mut near = SourceRing::new(src);
            let mut fed = Fed::new(coarse, feed);
            group
                .iter()
                .map(|&k| {
                    let ((i0, j0), (i1, j1)) = (coarse[k - 1], coarse[k]);
                    fed.upto(k - 1);
                    let cost = |i: usize, a: usize, j: usize, b: usize| {
                        scorer.cost_with(i + i0, a, j + j0, b, |i, a, j, b| {
                            let mut shared = 0.0;
                            for s in i..i + a {
                                for (t, tt) in tgt.iter().enumerate().skip(j).take(b) {
                                    shared += cache.get(s, t, || near.shared(src, s, tt));
                                }
                            }
                            shared
                        })
                    };
                    let (n, m) = (i1 - i0, j1 - j0);
                    let path = match fed.feed {
                        Some(_) => dp::beam_path_streamed(n, m, &kinds, GUIDE_BEAM, cost, |x| {
                            fed.guess(x.iter().map(|&(i, j)| (i + i0, j + j0)));
                        }),
                        None => dp::beam_path(n, m, &kinds, GUIDE_BEAM, cost),
                    };
                    fed.gap_done(k, &path);
                    path
                })
                .collect()
        };
        if groups.len() > 1 {
            groups.par_iter().map(|g| search(g, None)).collect()
        } else {
            groups.iter().map(|g| search(g, feed)).collect()
        }
    };
    let mut found = paths.into_iter().flatten();
    let mut out = vec![coarse[0]];
    for x in coarse.windows(2) {
        let ((i0, j0), _) = (x[0], x[1]);
        if !far(x[0], x[1]) {
            out.push(x[1]);
            continue;
        }
        let path = found
            .next()
            .unwrap_or_else(|| vec![(0, 0), (x[1].0 - i0, x[1].1 - j0)]);
        out.extend(path.into_iter().skip(1).map(|(i, j)| (i + i0, j + j0)));
    }
    out
}

/// What [`fill_gaps`] has handed a [`GuideFeed`]: the coarse points up to
/// a gap, the guessed points of the gap being searched, the rest of its
/// path once found. Stops handing on at a guess the found path does not
/// bear out (the reader then compares and solves again).
struct Fed<'a> {
    coarse: &'a [(usize, usize)],
    feed: Option<&'a GuideFeed>,
    /// Coarse points handed on (`coarse[..next]`).
    next: usize,
    /// Points of the current gap guessed so far.
    guessed: Vec<(usize, usize)>,
    wrong: bool,
}

impl<'a> Fed<'a> {
    fn new(coarse: &'a [(usize, usize)], feed: Option<&'a GuideFeed>) -> Self {
        Fed {
            coarse,
            feed,
            next: 0,
            guessed: Vec::new(),
            wrong: false,
        }
    }

    /// Hands on the coarse points up to `coarse[k]`.
    fn upto(&mut self, k: usize) {
        if let (Some(feed), false) = (self.feed, self.wrong) {
            feed.push(
                self.coarse
                    .get(self.next..=k)
                    .unwrap_or(&[])
                    .iter()
                    .copied(),
            );
        }
        self.next = self.next.max(k + 1);
    }

    fn guess(&mut self, points: impl Iterator<Item = (usize, usize)>) {
        let start = self.guessed.len();
        self.guessed.extend(points);
        if let (Some(feed), false) = (self.feed, self.wrong) {
            feed.push(self.guessed[start..].iter().copied());
        }
    }

    /// The gap ending at `coarse[k]` found `path` (its own coordinates).
    fn gap_done(&mut self, k: usize, path: &[(usize, usize)]) {
        let (i0, j0) = self.coarse[k - 1];
        let mut rest = path.iter().skip(1).map(|&(i, j)| (i + i0, j + j0));
        let guessed = std::mem::take(&mut self.guessed);
        self.wrong |= !guessed.iter().all(|&g| rest.next() == Some(g));
        if let (Some(feed), false) = (self.feed, self.wrong) {
            feed.push(rest);
        }
        self.next = k + 1;
    }
}

/// Sentences (both sides) of gaps below which [`fill_gaps`] searches them
/// on one thread: a group's caches cost more than a small search.
const GAP_GROUP: usize = 20_000;

/// The gaps `gaps` (indices into `coarse` of a gap's end) cut into runs
/// of about [`GAP_GROUP`] sentences or more, in order.
fn gap_groups(coarse: &[(usize, usize)], gaps: &[usize]) -> Vec<Vec<usize>> {
    let size = |k: usize| {
        let (a, b) = (coarse[k - 1], coarse[k]);
        (b.0 - a.0) + (b.1 - a.1)
    };
    let total: usize = gaps.iter().map(|&k| size(k)).sum();
    // A few groups per thread, so that one long gap does not leave a
    // thread idle.
    let parts = (total / GAP_GROUP).clamp(1, 4 * rayon::current_num_threads());
    let each = total.div_ceil(parts);
    let mut groups: Vec<Vec<usize>> = vec![Vec::new()];
    let mut filled = 0;
    for &k in gaps {
        if filled >= each {
            groups.push(Vec::new());
            filled = 0;
        }
        if let Some(g) = groups.last_mut() {
            g.push(k);
        }
        filled += size(k);
    }
    groups
}

struct SimCache {
    slots: Vec<(u64, f64)>,
}

impl SimCache {
    const BITS: u32 = 14;

    fn new() -> Self {
        SimCache {
            slots: vec![(u64::MAX, 0.0); 1 << Self::BITS],
        }
    }

    #[inline]
    fn get(&mut self, s: usize, t: usize, f: impl FnOnce() -> f64) -> f64 {
        let key = ((s as u64) << 32) | t as u64;
        let h = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize;
        let slot = &mut self.slots[h];
        if slot.0 != key {
            *slot = (key, f());
        }
        slot.1
    }
}

/// The keys of the last [`SourceRing::SLOTS`] source sentences the beam
/// asked about, as one bit per sentence on each key id: a pair's shared
/// weight is then one lookup per target key instead of a merge of two
/// sorted lists (the beam asks for millions of pairs on repetitive text).
struct SourceRing {
    /// Bit `s % SLOTS` of `mask[k]`: source `s` holds key `k`.
    mask: Vec<u64>,
    /// The source sentence in each slot.
    owner: [usize; SourceRing::SLOTS],
}

impl SourceRing {
    const SLOTS: usize = 64;

    fn new(src: &[Sent]) -> Self {
        let top = src.iter().filter_map(|s| s.keys.last()).max();
        SourceRing {
            mask: vec![0; top.map_or(0, |&k| k as usize + 1)],
            owner: [usize::MAX; Self::SLOTS],
        }
    }

    /// [`features::shared`] of source `s` and `t`, to the bit: the weights
    /// of the shared keys added in key order.
    fn shared(&mut self, src: &[Sent], s: usize, t: &Sent) -> f64 {
        let slot = s % Self::SLOTS;
        let bit = 1u64 << slot;
        if self.owner[slot] != s {
            if let Some(old) = src.get(self.owner[slot]) {
                for &k in &old.keys {
                    if let Some(x) = self.mask.get_mut(k as usize) {
                        *x &= !bit;
                    }
                }
            }
            for &k in src.get(s).map(|x| x.keys.as_slice()).unwrap_or(&[]) {
                if let Some(x) = self.mask.get_mut(k as usize) {
                    *x |= bit;
                }
            }
            self.owner[slot] = s;
        }
        let Some(source) = src.get(s) else {
            return 0.0;
        };
        let mut sum = 0.0;
        for &k in &t.keys {
            if self.mask.get(k as usize).is_some_and(|x| x & bit != 0) {
                sum += source.weight(k);
            }
        }
        sum
    }
}

/// Prices links for the DP.
struct Scorer<'a> {
    src_len: Vec<f64>,
    tgt_len: Vec<f64>,
    src_total: Vec<f64>,
    tgt_total: Vec<f64>,
    src_para: &'a [usize],
    tgt_para: &'a [usize],
    /// Paragraph penalty, scaled by how well the paragraph counts agree (0 = off).
    para_penalty: f64,
    /// Shared anchor weight of sentence pairs near the band: row `s` holds
    /// targets `sim_lo[s]..sim_lo[s] + len`.
    sim: Vec<f64>,
    /// All zero: a source sentence's key weights are spread into it, by
    /// key id, to read its shared weight with each target, then cleared.
    dense: Vec<f64>,
    sim_off: Vec<usize>,
    sim_lo: Vec<usize>,
    /// Whether both sides have block kinds ([`Scorer::block_cost`]).
    blocks: bool,
    /// −ln prior of link kind `(a, b)`, at `[a][b]`.
    prior_cost: [[f64; MAX_SPAN + 1]; MAX_SPAN + 1],
    length: LengthCost,
    /// With a band: each sentence's span lengths, `[k]` the span of `k`
    /// sentences from it, and their length-model terms ([`Spans`]).
    spans: Option<(Spans, Spans)>,
    /// With a band: each target span's [`SidePart`], at `j * (MAX_SPAN + 1)
    /// + b` for the `b` sentences ending before `j` (`0 < b ≤ j`), read by
    /// every band row that holds column `j` rather than made for each.
    tgt_parts: Vec<SidePart>,
    model: &'a Model,
    p: &'a Params,
}

impl<'a> Scorer<'a> {
    /// Without a band, no shared weights are stored: use [`Scorer::cost_with`].
    fn new(
        src: &[Sent],
        tgt: &[Sent],
        paras: &Paras<'a>,
        model: &'a Model,
        p: &'a Params,
        band: Option<(&dp::Band, &dp::Scratch)>,
    ) -> Self {
        let (n, m) = (src.len(), tgt.len());
        // Buffers from the band's scratch, when there is one, so that each
        // chunk's solve does not fault in fresh pages.
        let buffer = |len: usize| match band {
            Some((_, scratch)) => scratch.take_f64(len),
            None => vec![0.0; len],
        };
        let prefix = |v: &mut dyn ExactSizeIterator<Item = f64>| {
            let mut out = buffer(v.len() + 1);
            let mut acc = 0.0;
            for (x, y) in v.zip(&mut out[1..]) {
                acc += x;
                *y = acc;
            }
            out
        };
        let (sim, dense, sim_off, sim_lo) = match band {
            Some((band, scratch)) => sims(src, tgt, band, scratch),
            None => Default::default(),
        };
        let para_ok = paras.src.len() == n && paras.tgt.len() == m;
        let para_penalty = if para_ok { paras.penalty } else { 0.0 };
        let (src_len, tgt_len) = (
            prefix(&mut src.iter().map(|s| s.len)),
            prefix(&mut tgt.iter().map(|s| s.len)),
        );
        let spans = band.map(|_| {
            let r = model.ratio;
            let (a, b) = (buffer(Spans::size(n)), buffer(Spans::size(m)));
            (
                Spans::of(&src_len, a, |ls| r * ls),
                Spans::of(&tgt_len, b, |lt| lt / r),
            )
        });
        let tgt_total = prefix(&mut tgt.iter().map(|s| s.total));
        let tgt_parts = match &spans {
            Some((_, ts)) => {
                let para = para_penalty > 0.0;
                let part = |j: usize, b: usize| match b > 0 && b <= j {
                    true => SidePart::new(ts, &tgt_total, paras.tgt, para, j - b, b),
                    false => SidePart::NONE,
                };
                (0..=m)
                    .flat_map(|j| (0..=MAX_SPAN).map(move |b| (j, b)))
                    .map(|(j, b)| part(j, b))
                    .collect()
            }
            None => Vec::new(),
        };
        Scorer {
            src_len,
            tgt_len,
            src_total: prefix(&mut src.iter().map(|s| s.total)),
            tgt_total,
            src_para: paras.src,
            tgt_para: paras.tgt,
            para_penalty,
            sim,
            dense,
            sim_off,
            sim_lo,
            blocks: {
                let (sk, tk) = (&model.blocks.0, &model.blocks.1);
                let fits = sk.len() == paras.src.len() && tk.len() == paras.tgt.len();
                !sk.is_empty() && !tk.is_empty() && fits
            },
            prior_cost: {
                let mut c = [[f64::INFINITY; MAX_SPAN + 1]; MAX_SPAN + 1];
                for &(a, b, pr) in &model.priors {
                    if a <= MAX_SPAN && b <= MAX_SPAN {
                        c[a][b] = -(pr.max(1e-12)).ln();
                    }
                }
                c
            },
            length: LengthCost::new(model.ratio, model.var),
            spans,
            tgt_parts,
            model,
            p,
        }
    }

    /// Hands the scorer's buffers back to `scratch` for the next solve.
    fn recycle(self, scratch: &dp::Scratch) {
        for v in [
            self.sim,
            self.src_len,
            self.tgt_len,
            self.src_total,
            self.tgt_total,
        ] {
            scratch.give_f64(v);
        }
        if let Some((a, b)) = self.spans {
            scratch.give_f64(a.0);
            scratch.give_f64(b.0);
        }
        scratch.give_zeros(self.dense);
    }

    #[inline]
    fn sim_row(&self, s: usize) -> (&[f64], usize) {
        match (
            self.sim_lo.get(s),
            self.sim_off.get(s),
            self.sim_off.get(s + 1),
        ) {
            (Some(&lo), Some(&off), Some(&end)) => (&self.sim[off..end], lo),
            _ => (&[], 0),
        }
    }

    #[inline]
    fn cost(&self, i: usize, a: usize, j: usize, b: usize) -> f64 {
        self.cost_with(i, a, j, b, |i, a, j, b| {
            let mut shared = 0.0;
            for s in i..i + a {
                // Each row looked up once; targets outside it share nothing.
                let (row, lo) = self.sim_row(s);
                for t in j..j + b {
                    shared += t
                        .checked_sub(lo)
                        .and_then(|x| row.get(x))
                        .copied()
                        .unwrap_or(0.0);
                }
            }
            shared
        })
    }

    /// [`Scorer::cost`] with the shared anchor weight of sources `i..i+a`
    /// and targets `j..j+b` from `shared(i, a, j, b)` (summed pair by pair,
    /// source-major, as the weights must match to the bit).
    #[inline]
    fn cost_with(
        &self,
        i: usize,
        a: usize,
        j: usize,
        b: usize,
        mut shared: impl FnMut(usize, usize, usize, usize) -> f64,
    ) -> f64 {
        let p = self.p;
        if a == 0 || b == 0 {
            let unmatched = if a > 0 {
                self.src_total[i + a] - self.src_total[i]
            } else {
                self.tgt_total[j + b] - self.tgt_total[j]
            };
            return p.null_cost + p.null_unmatched * unmatched;
        }
        let mut c = match self.prior_cost.get(a).and_then(|r| r.get(b)) {
            Some(&x) if x.is_finite() => x,
            _ => return f64::INFINITY,
        };
        c += match &self.spans {
            Some((ss, ts)) => {
                let ((ls, rls), (lt, ltr)) = (ss.get(i, a), ts.get(j, b));
                self.length.cost_parts(ls, rls, lt, ltr)
            }
            None => {
                let ls = self.src_len[i + a] - self.src_len[i];
                let lt = self.tgt_len[j + b] - self.tgt_len[j];
                self.length.cost(ls, lt)
            }
        };
        let shared = shared(i, a, j, b);
        let total = (self.src_total[i + a] - self.src_total[i])
            + (self.tgt_total[j + b] - self.tgt_total[j]);
        let unmatched = (total - 2.0 * shared).max(0.0);
        c += -p.match_reward * shared + p.unmatched_penalty * unmatched;
        if self.para_penalty > 0.0 {
            let starts = |v: &[usize], k: usize| k == 0 || v[k] != v[k - 1];
            let inner = |v: &[usize], k: usize, len: usize| v[k] != v[k + len - 1];
            if starts(self.src_para, i) != starts(self.tgt_para, j) {
                c += self.para_penalty;
            }
            if inner(self.src_para, i, a) != inner(self.tgt_para, j, b) {
                c += self.para_penalty;
            }
        }
        // Plain text has no blocks: no call per link.
        let block = if self.blocks {
            self.block_cost(i, a, j, b)
        } else {
            0.0
        };
        c + block
    }

    /// [`Scorer::cost`] of each link of the `tabled` kinds into band row
    /// `i`, as [`dp::fill_row_by_link`] lays them out: what depends on one
    /// side of a link alone (its span lengths, anchor totals, paragraph
    /// marks, shared-weight rows) is read once per row or cell rather than
    /// once per link, and each cost is summed in the same order, so it is
    /// the same to the bit.
    fn fill_row(&self, band: &dp::Band, i: usize, tabled: &[dp::Kind], out: &mut [f32]) {
        let Some((ss, _)) = &self.spans else {
            let cost = |i: usize, a: usize, j: usize, b: usize| self.cost(i, a, j, b);
            return dp::fill_row_by_link(band, i, tabled, &cost, out);
        };
        let para = self.para_penalty > 0.0;
        // Each span of `a` sources ending at row `i` (`a` ≤ i): its part.
        let src: [Option<SidePart>; MAX_SPAN + 1] = std::array::from_fn(|a| {
            (a > 0 && a <= i)
                .then(|| SidePart::new(ss, &self.src_total, self.src_para, para, i - a, a))
        });
        // Shared-weight rows of sources `i - 1`, `i - 2`, … (`d` rows up).
        let sim: [(&[f64], usize); MAX_SPAN] = std::array::from_fn(|d| {
            i.checked_sub(d + 1)
                .map_or((&[][..], 0), |s| self.sim_row(s))
        });
        let k = tabled.len();
        let lo = band.lo[i];
        for j in lo..=band.hi[i] {
            let tgt = self
                .tgt_parts
                .get(j * (MAX_SPAN + 1)..(j + 1) * (MAX_SPAN + 1))
                .unwrap_or(&[]);
            for (x, &(a, b)) in tabled.iter().enumerate() {
                let (Some(Some(sp)), Some(tp)) = (src.get(a), tgt.get(b)) else {
                    continue;
                };
                if b == 0 || b > j {
                    continue;
                }
                if band.index(i - a, j - b).is_none() {
                    continue;
                }
                let (i0, j0) = (i - a, j - b);
                let shared = || {
                    let mut shared = 0.0;
                    for d in (0..a).rev() {
                        let (row, lo) = sim[d];
                        for t in j0..j0 + b {
                            shared += t
                                .checked_sub(lo)
                                .and_then(|x| row.get(x))
                                .copied()
                                .unwrap_or(0.0);
                        }
                    }
                    shared
                };
                out[(j - lo) * k + x] = self.link_cost((i0, a, j0, b), sp, tp, shared) as f32;
            }
        }
    }

    /// [`Scorer::cost_with`] of a link with both sides (`a`, `b` > 0) from
    /// its sides' parts.
    #[inline]
    fn link_cost(
        &self,
        (i, a, j, b): (usize, usize, usize, usize),
        sp: &SidePart,
        tp: &SidePart,
        shared: impl FnOnce() -> f64,
    ) -> f64 {
        let p = self.p;
        let mut c = match self.prior_cost.get(a).and_then(|r| r.get(b)) {
            Some(&x) if x.is_finite() => x,
            _ => return f64::INFINITY,
        };
        c += self.length.cost_parts(sp.len, sp.scaled, tp.len, tp.scaled);
        let shared = shared();
        let total = sp.total + tp.total;
        let unmatched = (total - 2.0 * shared).max(0.0);
        c += -p.match_reward * shared + p.unmatched_penalty * unmatched;
        if self.para_penalty > 0.0 {
            if sp.starts != tp.starts {
                c += self.para_penalty;
            }
            if sp.inner != tp.inner {
                c += self.para_penalty;
            }
        }
        let block = if self.blocks {
            self.block_cost(i, a, j, b)
        } else {
            0.0
        };
        c + block
    }

    /// Marked-up files: a link across a structural block boundary is
    /// impossible, one between blocks of different kinds is costly.
    fn block_cost(&self, i: usize, a: usize, j: usize, b: usize) -> f64 {
        let (sk, tk) = (&self.model.blocks.0, &self.model.blocks.1);
        if sk.is_empty()
            || tk.is_empty()
            || sk.len() != self.src_para.len()
            || tk.len() != self.tgt_para.len()
        {
            return 0.0;
        }
        const PARAGRAPH: u8 = 0;
        let crosses = |kinds: &[u8], para: &[usize], k: usize, len: usize| {
            (k + 1..k + len).any(|x| {
                para[x] != para[x - 1] && (kinds[x] != PARAGRAPH || kinds[x - 1] != PARAGRAPH)
            })
        };
        if crosses(sk, self.src_para, i, a) || crosses(tk, self.tgt_para, j, b) {
            return f64::INFINITY;
        }
        if sk[i] != tk[j] { KIND_MISMATCH } else { 0.0 }
    }
}

/// What one side of a link brings to its cost ([`Scorer::fill_row`]): its
/// span's length and that length scaled by the length ratio ([`Spans`]),
/// its anchor weight, and whether it starts a paragraph and spans a
/// paragraph break (both false without the paragraph penalty).
struct SidePart {
    len: f64,
    scaled: f64,
    total: f64,
    starts: bool,
    inner: bool,
}

impl SidePart {
    /// Stands for a span that does not fit (no sentences, or more than
    /// there are); never priced.
    const NONE: SidePart = SidePart {
        len: 0.0,
        scaled: 0.0,
        total: 0.0,
        starts: false,
        inner: false,
    };

    /// The part of the `n` sentences from `k0` of one side: `totals` are
    /// its prefix sums of anchor weight, `paras` its paragraph numbers
    /// (read only with the paragraph penalty, `para`).
    #[inline]
    fn new(
        spans: &Spans,
        totals: &[f64],
        paras: &[usize],
        para: bool,
        k0: usize,
        n: usize,
    ) -> Self {
        let (len, scaled) = spans.get(k0, n);
        SidePart {
            len,
            scaled,
            total: totals[k0 + n] - totals[k0],
            starts: para && (k0 == 0 || paras[k0] != paras[k0 - 1]),
            inner: para && paras[k0] != paras[k0 + n - 1],
        }
    }
}

/// The shared anchor weight of each source sentence with the targets near
/// the band ([`Scorer::sim`]): the table, the (cleared) spreading buffer,
/// and each row's offset and first target. Sums over shared keys in key
/// order, as [`features::shared`] does, so the weights are the same to the bit.
#[allow(clippy::type_complexity)]
fn sims(
    src: &[Sent],
    tgt: &[Sent],
    band: &dp::Band,
    scratch: &dp::Scratch,
) -> (Vec<f64>, Vec<f64>, Vec<usize>, Vec<usize>) {
    let (n, m) = (src.len(), tgt.len());
    let top = src
        .iter()
        .filter_map(|s| s.keys.last())
        .map(|&k| k as usize + 1)
        .max()
        .unwrap_or(0);
    let mut dense = scratch.take_zeros(top);
    let range = |s: usize| {
        let lo = band.lo[s.saturating_sub(MAX_SPAN)];
        (lo, band.hi[(s + MAX_SPAN + 1).min(n)].min(m).max(lo))
    };
    let cells = (0..n).map(|s| range(s).1 - range(s).0).sum();
    let mut sim = scratch.take_f64(cells);
    let mut sim_off = Vec::with_capacity(n + 1);
    let mut sim_lo = Vec::with_capacity(n);
    let mut at = 0;
    for (s, sent) in src.iter().enumerate() {
        let (lo, hi) = range(s);
        sim_off.push(at);
        sim_lo.push(lo);
        for (k, w) in sent.weighted() {
            dense[k as usize] = w;
        }
        // Weights are positive: adding the zeros of keys `sent` lacks
        // leaves the sum unchanged.
        for (x, t) in sim[at..at + hi - lo].iter_mut().zip(&tgt[lo..hi]) {
            let mut sum = 0.0;
            for &k in &t.keys {
                sum += dense.get(k as usize).copied().unwrap_or(0.0);
            }
            *x = sum;
        }
        at += hi - lo;
        for &k in &sent.keys {
            dense[k as usize] = 0.0;
        }
    }
    sim_off.push(at);
    (sim, dense, sim_off, sim_lo)
}

/// Per sentence, the length of the span of `k` sentences starting there
/// (a prefix-sum difference, as the scorer takes it) and a length-model
/// term of it, for `k` up to [`MAX_SPAN`]: read, not recomputed, by the
/// twenty-odd links priced per band cell.
struct Spans(Vec<f64>);

impl Spans {
    /// Entries per sentence: a length and a term per span size.
    const STRIDE: usize = 2 * (MAX_SPAN + 1);

    /// Length of the buffer for `n` sentences.
    fn size(n: usize) -> usize {
        (n + 1) * Self::STRIDE
    }

    /// From a side's prefix sums of sentence lengths, in `out` (of
    /// [`Spans::size`] entries).
    fn of(prefix: &[f64], mut out: Vec<f64>, term: impl Fn(f64) -> f64) -> Spans {
        let n = prefix.len().saturating_sub(1);
        for (i, row) in out.chunks_exact_mut(Self::STRIDE).enumerate().take(n + 1) {
            for k in 0..=(n - i).min(MAX_SPAN) {
                let len = prefix[i + k] - prefix[i];
                row[2 * k] = len;
                row[2 * k + 1] = term(len);
            }
        }
        Spans(out)
    }

    /// Length and term of the `k` sentences from `i`.
    #[inline]
    fn get(&self, i: usize, k: usize) -> (f64, f64) {
        let at = i * Self::STRIDE + 2 * k;
        (self.0[at], self.0[at + 1])
    }
}

/// [`length_cost`] for one document's ratio and variance, with
/// −ln erfc read from a table (linear interpolation, error below 1e-6 nats):
/// the DP asks for it about twenty times per cell.
struct LengthCost {
    ratio: f64,
    var: f64,
    table: Vec<f64>,
}

/// Table steps per unit of |δ|/√2, and the range it covers.
const ERFC_STEPS: f64 = 512.0;
const ERFC_MAX: f64 = 16.0;

impl LengthCost {
    fn new(ratio: f64, var: f64) -> Self {
        let len = (ERFC_MAX * ERFC_STEPS) as usize + 2;
        let table = (0..len).map(|k| -ln_erfc(k as f64 / ERFC_STEPS)).collect();
        LengthCost { ratio, var, table }
    }

    #[inline]
    fn cost(&self, ls: f64, lt: f64) -> f64 {
        self.cost_parts(ls, self.ratio * ls, lt, lt / self.ratio)
    }

    /// [`LengthCost::cost`] with `ratio · ls` and `lt / ratio` given.
    #[inline]
    fn cost_parts(&self, ls: f64, rls: f64, lt: f64, ltr: f64) -> f64 {
        if ls + lt <= 0.0 {
            return 0.0;
        }
        let mean = ((ls + ltr) / 2.0).max(1.0);
        let delta = (lt - rls) / (self.var * mean).sqrt();
        let z = delta.abs() / std::f64::consts::SQRT_2;
        let x = z * ERFC_STEPS;
        let k = x as usize;
        match (self.table.get(k), self.table.get(k + 1)) {
            (Some(&a), Some(&b)) => a + (b - a) * (x - k as f64),
            _ => -ln_erfc(z),
        }
    }
}

/// Gale–Church cost: −ln P(|δ| ≥ observed), δ the length difference in
/// standard deviations.
fn length_cost(ls: f64, lt: f64, ratio: f64, var: f64) -> f64 {
    if ls + lt <= 0.0 {
        return 0.0;
    }
    let mean = ((ls + lt / ratio) / 2.0).max(1.0);
    let delta = (lt - ratio * ls) / (var * mean).sqrt();
    -ln_erfc(delta.abs() / std::f64::consts::SQRT_2)
}

/// ln erfc(z) for z ≥ 0 (Chebyshev fit, relative error < 1.2e-7), stable for large z.
fn ln_erfc(z: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    t.ln() + poly
}

/// A coarse path through hapax anchors: keys occurring in exactly one sentence
/// on each side pair those sentences; the longest chain of such pairs that
/// increases on both sides is kept.
fn coarse_path(src: &[Sent], tgt: &[Sent], keys: &Keys) -> Vec<(usize, usize)> {
    let (n, m) = (src.len(), tgt.len());
    let mut where_s: Vec<(u32, usize)> = vec![(0, usize::MAX); keys.len()];
    let mut where_t: Vec<(u32, usize)> = vec![(0, usize::MAX); keys.len()];
    for (i, s) in src.iter().enumerate() {
        for &k in &s.keys {
            let e = &mut where_s[k as usize];
            e.0 += 1;
            e.1 = i;
        }
    }
    for (j, s) in tgt.iter().enumerate() {
        for &k in &s.keys {
            let e = &mut where_t[k as usize];
            e.0 += 1;
            e.1 = j;
        }
    }
    let mut pts: Vec<(usize, usize)> = where_s
        .iter()
        .zip(&where_t)
        .filter(|(a, b)| a.0 == 1 && b.0 == 1)
        .map(|(a, b)| (a.1, b.1))
        .collect();
    pts.sort_unstable();
    pts.dedup();
    // Longest chain strictly increasing in both coordinates (patience sorting):
    // sort by i ascending, j descending within equal i, then LIS on j.
    pts.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
    let mut tails: Vec<usize> = Vec::new(); // index into pts
    let mut prev: Vec<usize> = vec![usize::MAX; pts.len()];
    for (k, &(_, j)) in pts.iter().enumerate() {
        let pos = tails.partition_point(|&t| pts[t].1 < j);
        if pos > 0 {
            prev[k] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut chain = Vec::new();
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        chain.push(pts[k]);
        k = prev[k];
    }
    chain.reverse();
    let mut out = vec![(0, 0)];
    out.extend(chain.into_iter().map(|(i, j)| (i + 1, j + 1)));
    out.push((n, m));
    out
}

/// Adds learned word pairs as anchor keys to the sentences holding their
/// words (read from `raw`, the sides' raw anchors).
fn add_learned(
    (src, tgt): (&mut [Sent], &mut [Sent]),
    raw: (&Raw, &Raw),
    pairs: &[(u32, u32)],
    keys: &mut Keys,
) {
    let mut by_src: std::collections::HashMap<u32, Vec<u32>> = Default::default();
    let mut by_tgt: std::collections::HashMap<u32, Vec<u32>> = Default::default();
    for &(e, f) in pairs {
        let id = keys.id(format!("l:{e}:{f}"), features::Class::Learned);
        by_src.entry(e).or_default().push(id);
        by_tgt.entry(f).or_default().push(id);
    }
    let add = |sents: &mut [Sent], raw: &Raw, by: &std::collections::HashMap<u32, Vec<u32>>| {
        for (i, s) in sents.iter_mut().enumerate() {
            let mut extra: Vec<u32> = raw
                .words(i)
                .iter()
                .filter_map(|w| by.get(w))
                .flatten()
                .copied()
                .collect();
            if extra.is_empty() {
                continue;
            }
            extra.sort_unstable();
            extra.dedup();
            s.keys.reserve_exact(extra.len());
            s.keys.extend(extra);
            s.keys.sort_unstable();
            s.keys.dedup();
        }
    };
    add(src, raw.0, &by_src);
    add(tgt, raw.1, &by_tgt);
}

#[cfg(test)]
pub(crate) mod testutil {
    //! Sentences and helpers shared by the aligner's unit tests.
    use super::{Link, Side};
    use crate::profile::Profile;

    /// Seven source sentences, each with a name, a place and a number.
    pub const SRC: &[&str] = &[
        "Almeida chegou a Lisboa com 120 pessoas em 2019.",
        "Brandt visitou Berlim e falou com 340 estudantes.",
        "Castro abriu a feira de Coimbra com 56 expositores.",
        "Duarte anunciou em Faro um investimento de 780 milhões.",
        "Eriksen deixou Oslo depois de 12 anos no cargo.",
        "Fonseca ganhou a corrida de Braga com 44 segundos de vantagem.",
        "Garnier publicou em Paris um livro de 610 páginas.",
    ];
    /// Their translations, one to one.
    pub const TGT: &[&str] = &[
        "Almeida arrived in Lisboa with 120 people in 2019.",
        "Brandt visited Berlim and spoke to 340 students.",
        "Castro opened the Coimbra fair with 56 exhibitors.",
        "Duarte announced in Faro an investment of 780 million.",
        "Eriksen left Oslo after 12 years in office.",
        "Fonseca won the Braga race by 44 seconds.",
        "Garnier published in Paris a book of 610 pages.",
    ];

    pub fn side<'a>(s: &[&'a str], p: &'a Profile) -> Side<'a> {
        Side {
            sentences: s.to_vec(),
            paragraphs: vec![0; s.len()],
            profile: p,
        }
    }

    /// A confident link of these sentences.
    pub fn l(s: &[usize], t: &[usize]) -> Link {
        Link {
            source: s.to_vec(),
            target: t.to_vec(),
            score: 0.9,
            low_confidence: false,
        }
    }

    /// The source and target indices of each link, to compare alignments.
    pub fn pairs(links: &[Link]) -> Vec<(Vec<usize>, Vec<usize>)> {
        links
            .iter()
            .map(|l| (l.source.clone(), l.target.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::testutil::pairs;
    use proptest::prelude::*;

    #[test]
    fn a_heading_left_alone_on_each_side_at_one_place_is_paired() {
        use crate::align::testutil::l;
        use crate::formats::prose::BlockKind;
        let (h, p) = (BlockKind::Heading.code(), BlockKind::Paragraph.code());
        let links = vec![l(&[0], &[0]), l(&[1], &[]), l(&[], &[1]), l(&[2], &[2])];
        let kinds = (vec![p, h, p], vec![p, h, p]);
        let got = pair_lone_headings(links.clone(), &kinds);
        assert_eq!(
            pairs(&got),
            vec![(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]
        );
        // The target first, then the source: the same.
        let swapped = vec![l(&[0], &[0]), l(&[], &[1]), l(&[1], &[]), l(&[2], &[2])];
        assert_eq!(pairs(&pair_lone_headings(swapped, &kinds)), pairs(&got));
        // A paragraph dropped beside a heading added stays apart.
        let kinds = (vec![p, p, p], vec![p, h, p]);
        assert_eq!(
            pairs(&pair_lone_headings(links.clone(), &kinds)),
            pairs(&links)
        );
        // Plain text has no kinds.
        assert_eq!(
            pairs(&pair_lone_headings(links.clone(), &(vec![], vec![]))),
            pairs(&links)
        );
    }

    /// A fake translation: long words reversed (so they are not identical),
    /// names and numbers kept.
    fn tr(s: &str) -> String {
        s.split(' ')
            .map(|w| {
                let starts_upper = w.chars().next().is_some_and(char::is_uppercase);
                if w.len() >= 4 && !starts_upper && w.chars().all(char::is_alphabetic) {
                    w.chars().rev().collect()
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    const NAMES: &[&str] = &[
        "Almeida",
        "Brandt",
        "Castro",
        "Duarte",
        "Eriksen",
        "Fonseca",
        "Garnier",
        "Holm",
        "Ibsen",
        "Jansen",
        "Kowalski",
        "Lindqvist",
        "Moreau",
        "Nakamura",
        "Oliveira",
        "Petrov",
        "Quintana",
        "Rossi",
        "Silva",
        "Tanaka",
        "Ueda",
        "Vargas",
        "Weber",
        "Xavier",
        "Yilmaz",
        "Zanetti",
    ];

    /// Source sentence `k`: a name, a number and filler of varying length.
    fn sentence(k: usize) -> String {
        let filler = [
            "river", "mountain", "council", "harvest", "station", "market",
        ];
        let words: Vec<&str> = (0..(4 + (k * 7) % 13))
            .map(|x| filler[(x + k) % 6])
            .collect();
        format!(
            "{} met {} people near the {} today.",
            NAMES[k % NAMES.len()],
            100 + k * 37,
            words.join(" ")
        )
    }

    fn side<'a>(s: &'a [String], p: &'a Profile) -> Side<'a> {
        Side {
            sentences: s.iter().map(String::as_str).collect(),
            paragraphs: vec![0; s.len()],
            profile: p,
        }
    }

    /// Links cover both sides exactly once, in order, without crossing.
    fn assert_valid(links: &[Link], n: usize, m: usize) {
        let (mut i, mut j) = (0, 0);
        for l in links {
            assert!(!(l.source.is_empty() && l.target.is_empty()), "empty link");
            for &s in &l.source {
                assert_eq!(s, i, "source out of order in {links:?}");
                i += 1;
            }
            for &t in &l.target {
                assert_eq!(t, j, "target out of order in {links:?}");
                j += 1;
            }
            assert!((0.0..=1.0).contains(&l.score), "{}", l.score);
            assert_eq!(l.low_confidence, l.score < Params::default().low_confidence);
        }
        assert_eq!((i, j), (n, m));
    }

    #[test]
    fn recovers_link_types() {
        let src: Vec<String> = (0..30).map(sentence).collect();
        let mut tgt = Vec::new();
        let mut expect = Vec::new();
        let mut k = 0;
        while k < src.len() {
            let j = tgt.len();
            match k {
                // 1-2: a sentence split in two at a comma-like point.
                5 | 17 => {
                    let t = tr(&src[k]);
                    let words: Vec<&str> = t.split(' ').collect();
                    let mid = words.len() / 2;
                    tgt.push(format!("{}.", words[..mid].join(" ")));
                    tgt.push(words[mid..].join(" "));
                    expect.push((vec![k], vec![j, j + 1]));
                }
                // 2-1: two sentences merged.
                9 | 22 => {
                    tgt.push(format!("{} {}", tr(&src[k]), tr(&src[k + 1])));
                    expect.push((vec![k, k + 1], vec![j]));
                    k += 1;
                }
                // 1-0: a sentence left out.
                13 => expect.push((vec![k], vec![])),
                // 0-1: a sentence added before this one.
                26 => {
                    tgt.push("Völlig anders: keine Entsprechung hier vorhanden.".into());
                    tgt.push(tr(&src[k]));
                    expect.push((vec![], vec![j]));
                    expect.push((vec![k], vec![j + 1]));
                }
                _ => {
                    tgt.push(tr(&src[k]));
                    expect.push((vec![k], vec![j]));
                }
            }
            k += 1;
        }
        let p = Profile::builtin("xx");
        let links = align(&side(&src, &p), &side(&tgt, &p), &AlignOptions::default());
        assert_valid(&links, src.len(), tgt.len());
        assert_eq!(pairs(&links), expect);
    }

    #[test]
    fn recovers_one_three_and_two_two() {
        let p = Profile::builtin("xx");
        let mut src: Vec<String> = (0..12).map(sentence).collect();
        src[4] = "Almeida, Brandt and Castro arrived with 11 and 22 and 33 guests from the river council market station.".into();
        src[8] = "Weber spoke first about the long mountain road.".into();
        src[9] = "Xavier answered 4242 times about the harvest and the river.".into();
        let mut tgt: Vec<String> = Vec::new();
        for (k, s) in src.iter().enumerate() {
            match k {
                4 => {
                    tgt.push("Almeida arrived with 11 guests.".into());
                    tgt.push("Brandt arrived with 22 guests.".into());
                    tgt.push(
                        "Castro arrived with 33 guests from the revir licnuoc tekram noitats."
                            .into(),
                    );
                }
                8 => tgt.push(
                    "Weber spoke first about the long niatnuom road, and Xavier answered".into(),
                ),
                9 => tgt.push("4242 times about the tsevrah and the revir.".into()),
                _ => tgt.push(tr(s)),
            }
        }
        let links = align(&side(&src, &p), &side(&tgt, &p), &AlignOptions::default());
        assert_valid(&links, src.len(), tgt.len());
        let got = pairs(&links);
        assert!(got.contains(&(vec![4], vec![4, 5, 6])), "{got:?}");
        assert!(
            got.contains(&(vec![8, 9], vec![10, 11])) || got.contains(&(vec![8, 9], vec![10])),
            "{got:?}"
        );
    }

    #[test]
    fn confident_links_on_a_clean_pair() {
        let p = Profile::builtin("xx");
        let src: Vec<String> = (0..20).map(sentence).collect();
        let tgt: Vec<String> = src.iter().map(|s| tr(s)).collect();
        let links = align(&side(&src, &p), &side(&tgt, &p), &AlignOptions::default());
        assert_valid(&links, 20, 20);
        assert!(
            links.iter().all(|l| l.kind() == "1-1" && l.score > 0.8),
            "{links:?}"
        );
    }

    #[test]
    fn empty_and_lopsided_sides() {
        let p = Profile::builtin("xx");
        let one = vec!["Almeida met 100 people.".to_string()];
        let none: Vec<String> = Vec::new();
        let many: Vec<String> = (0..1000).map(sentence).collect();
        for (a, b) in [
            (&none, &none),
            (&one, &none),
            (&none, &many),
            (&one, &many),
            (&many, &one),
        ] {
            let links = align(&side(a, &p), &side(b, &p), &AlignOptions::default());
            assert_valid(&links, a.len(), b.len());
        }
        let links = align(&side(&one, &p), &side(&many, &p), &AlignOptions::default());
        // The one sentence goes with its own translation (sentence 0 of many).
        let l = links.iter().find(|l| l.source == [0]);
        assert!(l.is_some_and(|l| l.target.contains(&0)), "{l:?}");
    }

    #[test]
    fn paragraphs_guide_and_never_break() {
        let p = Profile::builtin("xx");
        // Equal-length sentences without anchors: only paragraphs tell that
        // target 2 is added at the start of the second paragraph.
        let src: Vec<String> = [
            "aaaa bbbb cccc.",
            "dddd eeee ffff.",
            "gggg hhhh iiii.",
            "jjjj kkkk llll.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let tgt: Vec<String> = [
            "mmmm nnnn oooo.",
            "pppp qqqq rrrr.",
            "ssss tttt uuuu.",
            "vvvv wwww xxxx.",
            "yyyy zzzz abab.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let s = Side {
            paragraphs: vec![0, 0, 1, 1],
            ..side(&src, &p)
        };
        let t = Side {
            paragraphs: vec![0, 0, 1, 1, 1],
            ..side(&tgt, &p)
        };
        let links = align(&s, &t, &AlignOptions::default());
        assert_valid(&links, 4, 5);
        assert!(
            links.iter().all(|l| {
                let sp: Vec<usize> = l.source.iter().map(|&i| s.paragraphs[i]).collect();
                let tp: Vec<usize> = l.target.iter().map(|&j| t.paragraphs[j]).collect();
                sp.iter()
                    .chain(&tp)
                    .all(|&x| x == sp.first().or(tp.first()).copied().unwrap_or(x))
            }),
            "{links:?}"
        );
        // One side without paragraphs, or different counts: still valid.
        let t0 = Side {
            paragraphs: vec![0; 5],
            ..side(&tgt, &p)
        };
        assert_valid(&align(&s, &t0, &AlignOptions::default()), 4, 5);
        let t9 = Side {
            paragraphs: vec![0, 1, 2, 3, 9],
            ..side(&tgt, &p)
        };
        assert_valid(&align(&s, &t9, &AlignOptions::default()), 4, 5);
        // Paragraph list of the wrong length is ignored, not indexed.
        let bad = Side {
            paragraphs: vec![0],
            ..side(&tgt, &p)
        };
        assert_valid(&align(&s, &bad, &AlignOptions::default()), 4, 5);
    }

    #[test]
    fn glossary_pairs_anchor_links() {
        let p = Profile::builtin("xx");
        let src: Vec<String> = [
            "Der Vorstand tagt.",
            "Die Bank zahlt.",
            "Der Vorstand geht.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let tgt: Vec<String> = [
            "Le conseil siège.",
            "La caisse paie bien.",
            "Le conseil part.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let opts = AlignOptions {
            term_pairs: vec![("Vorstand".into(), "conseil".into())],
            ..Default::default()
        };
        let links = align(&side(&src, &p), &side(&tgt, &p), &opts);
        assert_valid(&links, 3, 3);
        assert_eq!(
            pairs(&links),
            vec![(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]
        );
    }

    #[test]
    fn length_model_by_hand() {
        assert!(ln_erfc(0.0).abs() < 1e-6);
        // erfc(1) = 0.157299207...
        assert!((ln_erfc(1.0) - 0.157_299_207f64.ln()).abs() < 1e-6);
        // ln erfc(10) ≈ −100 − ln(10·√π) + ln(1 − 1/200) ≈ −102.880
        assert!((ln_erfc(10.0) + 102.880).abs() < 1e-2);
        assert!(length_cost(10.0, 10.0, 1.0, 6.8).abs() < 1e-6);
        // δ = (20 − 10) / sqrt(6.8 · 15) ≈ 0.990; cost = −ln(2(1 − Φ(0.990))) ≈ 1.133.
        let c = length_cost(10.0, 20.0, 1.0, 6.8);
        assert!((c - 1.133).abs() < 0.005, "{c}");
        // The table agrees with the formula, inside its range and beyond.
        let table = LengthCost::new(1.3, 6.8);
        for ls in [0.0, 1.0, 7.0, 40.0, 150.0, 900.0] {
            for lt in [0.0, 2.0, 9.0, 55.0, 140.0, 2000.0] {
                let (a, b) = (table.cost(ls, lt), length_cost(ls, lt, 1.3, 6.8));
                assert!(
                    (a - b).abs() < 1e-5 * b.abs().max(1.0),
                    "{ls} {lt}: {a} {b}"
                );
            }
        }
    }

    #[test]
    fn large_omission_leaves_the_diagonal() {
        // 80 source sentences have no translation: the path must run 80 cells
        // off the diagonal, far outside the initial band.
        let p = Profile::builtin("xx");
        let src: Vec<String> = (0..300)
            .map(|k| format!("{} {}", sentence(k), 5000 + k))
            .collect();
        let tgt: Vec<String> = src
            .iter()
            .enumerate()
            .filter(|(k, _)| !(100..180).contains(k))
            .map(|(_, s)| tr(s))
            .collect();
        let links = align(&side(&src, &p), &side(&tgt, &p), &AlignOptions::default());
        assert_valid(&links, 300, 220);
        let got = pairs(&links);
        assert!(got.contains(&(vec![99], vec![99])), "{got:?}");
        assert!(got.contains(&(vec![180], vec![100])), "{got:?}");
        assert!((100..180).all(|k| got.contains(&(vec![k], vec![]))));
    }

    /// The row pricer gives each link the cost that pricing it alone gives,
    /// to the bit, on sides with paragraphs and a dropped and a merged
    /// sentence (so spans, totals and paragraph marks all differ).
    #[test]
    fn row_pricer_matches_link_by_link_pricing() {
        let p = Profile::builtin("en");
        let src: Vec<String> = (0..40).map(sentence).collect();
        let mut tgt: Vec<String> = src.iter().map(|s| tr(s)).collect();
        tgt.remove(7);
        let merged = format!("{} {}", tgt[20], tgt[21]);
        tgt.splice(20..22, [merged]);
        let mut source = side(&src, &p);
        let mut target = side(&tgt, &p);
        source.paragraphs = (0..src.len()).map(|k| k / 5).collect();
        target.paragraphs = (0..tgt.len()).map(|k| k / 4).collect();
        let params = Params::default();
        let options = AlignOptions::default();
        let anchors = PairAnchors::new(&source, &target, &options);
        let keys = anchors.keys.classes();
        let (s, t) = features::weighed(&anchors.src, &anchors.tgt, &keys, &params.weights);
        let (n, m) = (s.len(), t.len());
        let model = Model::of(&options, &params, total_ratio(&s, &t), n, m);
        let paras = Paras::of(&source, &target, &params, n, m);
        let band = dp::Band::around(&[(0, 0), (n, m)], n, m, 6);
        let scratch = dp::Scratch::default();
        let scorer = Scorer::new(&s, &t, &paras, &model, &params, Some((&band, &scratch)));
        assert!(scorer.para_penalty > 0.0);
        let tabled: Vec<dp::Kind> = kinds_of(&model.priors)
            .into_iter()
            .filter(|&(a, b)| a > 0 && b > 0)
            .collect();
        let cost = |i: usize, a: usize, j: usize, b: usize| scorer.cost(i, a, j, b);
        let mut priced = 0;
        for i in 0..=n {
            let len = (band.hi[i] + 1 - band.lo[i]) * tabled.len();
            let (mut by_row, mut by_link) = (vec![f32::NAN; len], vec![f32::NAN; len]);
            scorer.fill_row(&band, i, &tabled, &mut by_row);
            dp::fill_row_by_link(&band, i, &tabled, &cost, &mut by_link);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&by_row), bits(&by_link), "row {i}");
            priced += by_link.iter().filter(|x| x.is_finite()).count();
        }
        assert!(priced > 10 * n, "{priced} links priced");
    }

    #[test]
    fn gap_groups_keep_every_gap_once_in_order() {
        // Anchors 300 to 3,000 sentences apart, every third close.
        let mut coarse = vec![(0, 0)];
        for k in 1..200 {
            let (i, j) = coarse[k - 1];
            let step = if k % 3 == 0 { 5 } else { 300 + 27 * (k % 100) };
            coarse.push((i + step, j + step + 1));
        }
        let gaps: Vec<usize> = (1..coarse.len()).filter(|k| k % 3 != 0).collect();
        let groups = gap_groups(&coarse, &gaps);
        assert!(groups.len() > 1, "{} groups", groups.len());
        assert!(groups.len() <= 4 * rayon::current_num_threads());
        assert_eq!(groups.concat(), gaps);
        // Few sentences: one group.
        assert_eq!(gap_groups(&coarse, &gaps[..3]).len(), 1);
    }

    /// A monotone guide of `n` rows with 1-1 steps and, every 37th row, a
    /// 1-2 step.
    fn long_guide(n: usize) -> Vec<(usize, usize)> {
        let mut g = vec![(0, 0)];
        for i in 1..=n {
            let j = g[i - 1].1 + if i % 37 == 0 { 2 } else { 1 };
            g.push((i, j));
        }
        g
    }

    #[test]
    fn cuts_found_piece_by_piece_are_those_found_at_once() {
        let g = long_guide(5 * CHUNK_ROWS);
        let mut whole = Cuts::new(5 * CHUNK_ROWS);
        whole.scan(&g);
        assert!(whole.found.len() >= 4, "{:?}", whole.found);
        let mut pieces = Cuts::new(5 * CHUNK_ROWS);
        for end in (0..g.len()).step_by(1000).chain([g.len()]) {
            pieces.scan(&g[..end]);
        }
        assert_eq!(pieces.found, whole.found);
    }

    #[test]
    fn guide_feed_hands_on_what_a_gap_search_bears_out() {
        let coarse = [(0, 0), (2, 2), (400, 410), (401, 411), (900, 905)];
        let feed = GuideFeed::default();
        let mut fed = Fed::new(&coarse, Some(&feed));
        fed.upto(1);
        fed.guess([(3, 3), (4, 4)].into_iter());
        fed.gap_done(2, &[(0, 0), (1, 1), (2, 2), (398, 408)]);
        fed.upto(3);
        // A guess the found path contradicts: nothing more is handed on.
        fed.guess([(402, 412)].into_iter());
        fed.gap_done(4, &[(0, 0), (2, 1), (499, 494)]);
        fed.upto(4);
        let mut got = Vec::new();
        assert!(!feed.wait_more(&mut got));
        assert_eq!(
            got,
            [
                (0, 0),
                (2, 2),
                (3, 3),
                (4, 4),
                (400, 410),
                (401, 411),
                (402, 412)
            ]
        );
        feed.finish();
        assert!(feed.wait_more(&mut got));
    }

    #[test]
    fn every_spelling_of_a_month_is_an_anchor_key() {
        // `April|April's`: the possessive names the month too.
        let p = Profile::builtin("en");
        let src: Vec<String> = vec!["April's derby was won.".into()];
        let mut keys = Keys::default();
        let _ = features::extract(&side(&src, &p), &mut keys, None, None);
        let n = keys.len();
        keys.id("m:4".into(), features::Class::Number);
        assert_eq!(keys.len(), n, "a month spelling gave no key");
    }

    #[test]
    fn coarse_path_follows_hapax_anchors() {
        let p = Profile::builtin("xx");
        let src: Vec<String> = (0..10).map(sentence).collect();
        let mut tgt: Vec<String> = (0..10).map(|k| tr(&sentence(k))).collect();
        for _ in 0..5 {
            tgt.insert(0, "Nichts.".into());
        }
        let mut keys = Keys::default();
        let mut a = features::extract(&side(&src, &p), &mut keys, None, None);
        let mut b = features::extract(&side(&tgt, &p), &mut keys, None, None);
        features::weigh(&mut a, &mut b, &keys, &ClassWeights::default());
        let path = coarse_path(&a, &b, &keys);
        assert_eq!(path.first(), Some(&(0, 0)));
        assert_eq!(path.last(), Some(&(10, 15)));
        assert!(path.contains(&(3, 8)), "{path:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn alignment_covers_every_sentence_in_order(
            src in proptest::collection::vec("[a-e ]{0,30}[.?!]?", 0..25),
            tgt in proptest::collection::vec("[a-e0-9 ]{0,30}[.?!]?", 0..25),
            para in 0usize..3,
        ) {
            let p = Profile::builtin("xx");
            let mut s = side(&src, &p);
            let mut t = side(&tgt, &p);
            if para > 0 {
                s.paragraphs = (0..src.len()).map(|k| k / 3).collect();
                t.paragraphs = (0..tgt.len()).map(|k| k / (para + 1)).collect();
            }
            let links = align(&s, &t, &AlignOptions::default());
            assert_valid(&links, src.len(), tgt.len());
            // Expected-gain decoding keeps the same guarantees.
            let mbr = Params { mbr: Some(0.45), ..Params::default() };
            let links = align_with(&s, &t, &AlignOptions::default(), &mbr);
            assert_valid(&links, src.len(), tgt.len());
        }
    }
}
