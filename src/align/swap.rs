//! A null link next to a merged link that holds the wrong sentence alone.
//!
//! After an added sentence (or a dropped one) the aligner may fold the
//! added sentence into a neighbour's merged link and leave the real rest of
//! that translation alone as a 0-1 link beside it: the addition is then
//! reported on a translated sentence. When the lone sentence shares anchors
//! that only it explains with the merged link's other side, and a sentence
//! of the merged link shares none, they trade places; when the sentence
//! that shares none sits inside the merged link, the lone sentence joins
//! the link, whose checks read the unmet sentence.

use super::features::{self, Sent};
use super::{Link, length_cost};

/// Least anchor weight the lone sentence must share with the merged link's
/// other side, least share of its own anchor weight that is, and least
/// weight of it that only the lone sentence explains there: a little more
/// than [`NONE`], as the sentence it trades with shares none. Verses share
/// a name or a general word at most: on the Bible insertions (`mutate_eval
/// --bible`) bars of 1.0, 0.5 and 0.5 found 1,567 of 1,909, these 1,581,
/// and the untouched chapters kept their 3 errors (102 warnings, now 101).
const SHARE: f64 = 0.35;
const DENSE: f64 = 0.3;
const ONLY: f64 = 0.3;
/// Shared anchor weight at or below which a sentence counts as sharing none
/// with the link's other side.
const NONE: f64 = 0.3;
/// Most length cost (nats) the trade may add to the merged link.
const LENGTH: f64 = 1.5;
/// Length variance of the Gale–Church model.
const VARIANCE: f64 = 6.8;

/// Both sides' sentences and the document's length ratio.
struct Sides<'a> {
    src: &'a [Sent],
    tgt: &'a [Sent],
    ratio: f64,
}

/// What becomes of a null link and its merged neighbour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trade {
    /// The merged link's far sentence `x` is left alone instead.
    Swap(usize),
    /// The lone sentence joins the merged link.
    Join,
}

/// Trades each null link with a merged neighbour per the module's rule.
/// Links stay in order and cover every sentence.
pub(super) fn swap_nulls(
    mut links: Vec<Link>,
    (src, tgt): (&[Sent], &[Sent]),
    ratio: f64,
    low: f64,
) -> Vec<Link> {
    let sides = Sides { src, tgt, ratio };
    let mut k = 0;
    while k < links.len() {
        let Some(source) = lone_side(&links[k]) else {
            k += 1;
            continue;
        };
        let before = k.checked_sub(1).and_then(|p| {
            let t = trade(&links[k], &links[p], source, true, &sides)?;
            Some((t, p))
        });
        let after = links.get(k + 1).and_then(|n| {
            let t = trade(&links[k], n, source, false, &sides)?;
            Some((t, k + 1))
        });
        let Some(((_, t), n)) = best(before, after) else {
            k += 1;
            continue;
        };
        apply(&mut links, k, n, source, t, low);
        k += 2;
    }
    links
}

/// The better of two candidate trades (more weight only the lone
/// sentence explains).
fn best(
    a: Option<((f64, Trade), usize)>,
    b: Option<((f64, Trade), usize)>,
) -> Option<((f64, Trade), usize)> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.0.0 > x.0.0 { y } else { x }),
        (x, y) => x.or(y),
    }
}

/// Whether link `l` leaves one source sentence alone (`Some(true)`) or one
/// target sentence (`Some(false)`).
fn lone_side(l: &Link) -> Option<bool> {
    match (l.source.len(), l.target.len()) {
        (1, 0) => Some(true),
        (0, 1) => Some(false),
        _ => None,
    }
}

/// The sentences of `l` on the null's side and on the other side.
fn split(l: &Link, source: bool) -> (&[usize], &[usize]) {
    if source {
        (&l.source, &l.target)
    } else {
        (&l.target, &l.source)
    }
}

/// The trade of the null link `null` with its merged neighbour `n` (before
/// it when `before`), and the anchor weight only the lone sentence
/// explains; `None` when the evidence does not ask for one.
fn trade(null: &Link, n: &Link, source: bool, before: bool, s: &Sides) -> Option<(f64, Trade)> {
    let (own, other) = split(n, source);
    if own.len() < 2 || other.is_empty() {
        return None;
    }
    let (side, other_side) = if source {
        (s.src, s.tgt)
    } else {
        (s.tgt, s.src)
    };
    let z = *split(null, source).0.first()?;
    let zs = side.get(z)?;
    let shares = |x: usize| -> f64 {
        let Some(xs) = side.get(x) else { return 0.0 };
        (other.iter().filter_map(|&o| other_side.get(o)))
            .map(|o| features::shared(xs, o))
            .sum()
    };
    // The merged sentence at the far end from the null (a swap keeps the
    // link contiguous only there), else the one inside that shares least.
    let far = if before { own[0] } else { own[own.len() - 1] };
    let (t, x) = if shares(far) <= NONE {
        (Trade::Swap(far), far)
    } else {
        let inner = if before {
            &own[1..]
        } else {
            &own[..own.len() - 1]
        };
        let x = (inner.iter().copied())
            .map(|x| (x, shares(x)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|m| m.1 <= NONE)?
            .0;
        (Trade::Join, x)
    };
    let rest: Vec<usize> = own.iter().copied().filter(|&y| y != x).collect();
    let w = super::refine::exclusive(zs, &rest, side, other, other_side);
    let sz = shares(z);
    if sz < SHARE || sz < DENSE * zs.total || w < ONLY {
        return None;
    }
    // The merged link's lengths must fit about as well with the trade.
    let len = |v: &[usize], sd: &[Sent]| super::refine::len_of(v, sd);
    let (lo, lother) = (len(own, side), len(other, other_side));
    // Joining is priced as if the unmet sentence were not there: it is
    // the one the link's checks will find unmet.
    let new_own = lo - side.get(x)?.len + zs.len;
    let cost = |a: f64, b: f64| {
        if source {
            length_cost(a, b, s.ratio, VARIANCE)
        } else {
            length_cost(b, a, s.ratio, VARIANCE)
        }
    };
    (cost(new_own, lother) - cost(lo, lother) <= LENGTH).then_some((w, t))
}

/// Carries out trade `t` of the null link at `k` with the merged link at
/// `n` (next to it).
fn apply(links: &mut Vec<Link>, k: usize, n: usize, source: bool, t: Trade, low: f64) {
    let z = if source {
        links[k].source[0]
    } else {
        links[k].target[0]
    };
    match t {
        Trade::Join => {
            let v = own_side(&mut links[n], source);
            v.push(z);
            v.sort_unstable();
            links.remove(k);
        }
        Trade::Swap(x) => {
            let v = own_side(&mut links[n], source);
            v.retain(|&y| y != x);
            v.push(z);
            v.sort_unstable();
            let lone = own_side(&mut links[k], source);
            lone[0] = x;
            links[k].score = low;
            // The null link goes to the merged link's far side.
            links.swap(k, n);
        }
    }
}

/// The sentences of `l` on the source side (`source`) or the target side.
fn own_side(l: &mut Link, source: bool) -> &mut Vec<usize> {
    if source { &mut l.source } else { &mut l.target }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::AlignOptions;
    use crate::align::features::{ClassWeights, Keys};
    use crate::align::testutil::{SRC, TGT, l, pairs, side};
    use crate::profile::Profile;

    fn swapped(src: &[&str], tgt: &[&str], links: Vec<Link>) -> Vec<Link> {
        let p = Profile::builtin("xx");
        let (a, b) = (side(src, &p), side(tgt, &p));
        let mut keys = Keys::default();
        let (mut s, mut t) = features::extract_pair(&a, &b, &AlignOptions::default(), &mut keys);
        features::weigh(&mut s, &mut t, &keys, &ClassWeights::default());
        swap_nulls(links, (&s, &t), 1.0, 0.5)
    }

    /// Links 0-2 one to one, `middle` for source 3, then sources 4-6 one
    /// to one with targets `shift` further on.
    fn around(middle: [Link; 2], shift: usize) -> Vec<Link> {
        let mut links: Vec<Link> = (0..3).map(|k| l(&[k], &[k])).collect();
        links.extend(middle);
        links.extend((4..7).map(|k| l(&[k], &[k + shift])));
        links
    }

    /// Source 3 translated in two sentences, an added one before them.
    fn split_translation() -> (Vec<&'static str>, Vec<&'static str>) {
        let src = SRC.to_vec();
        let mut tgt = TGT.to_vec();
        tgt[3] = "Duarte spoke in Faro.";
        tgt.insert(4, "The investment of 780 million was announced there.");
        tgt.insert(3, "Nobody answered the phone at the harbour that evening.");
        (src, tgt)
    }

    #[test]
    fn an_added_sentence_folded_into_a_merged_link_trades_places_with_the_lone_rest() {
        let (src, tgt) = split_translation();
        // Targets: 3 added, 4 and 5 the translation of source 3.
        let links = around([l(&[3], &[3, 4]), l(&[], &[5])], 2);
        let got = swapped(&src, &tgt, links);
        assert_eq!(
            pairs(&got[3..5]),
            [(vec![], vec![3]), (vec![3], vec![4, 5])]
        );
        assert_eq!(got.len(), 8);
    }

    #[test]
    fn the_trade_works_from_the_other_side_too() {
        // The added sentence after the translation, the lone rest before.
        let src = SRC.to_vec();
        let mut tgt = TGT.to_vec();
        tgt[3] = "Duarte spoke in Faro.";
        tgt.insert(4, "The investment of 780 million was announced there.");
        tgt.insert(5, "Nobody answered the phone at the harbour that evening.");
        let links = around([l(&[], &[3]), l(&[3], &[4, 5])], 2);
        let got = swapped(&src, &tgt, links);
        assert_eq!(
            pairs(&got[3..5]),
            [(vec![3], vec![3, 4]), (vec![], vec![5])]
        );
    }

    #[test]
    fn a_lone_sentence_joins_when_the_unmet_one_sits_inside() {
        let mut src = SRC.to_vec();
        src[3] = "Duarte chegou a Faro, foi recebido pelos assessores e anunciou ali um investimento de 780 milhões.";
        let mut tgt = TGT.to_vec();
        tgt.splice(
            3..4,
            [
                "Duarte arrived in Faro.",
                "Duarte was greeted in Faro by his aides.",
                "Nobody answered the phone at the harbour that evening.",
                "He announced an investment of 780 million there.",
            ],
        );
        // Targets 3, 4 and 6 translate source 3; 5 is added.
        let links = around([l(&[3], &[3, 4, 5]), l(&[], &[6])], 3);
        let got = swapped(&src, &tgt, links);
        assert_eq!(pairs(&got[3..4]), [(vec![3], vec![3, 4, 5, 6])]);
        assert_eq!(got.len(), 7);
    }

    #[test]
    fn a_lone_sentence_sharing_one_frequent_word_trades_too() {
        // The lone rest shares only "Faro", which two target sentences
        // have: weight 1/sqrt(2), below a whole anchor.
        let src = SRC.to_vec();
        let mut tgt = TGT.to_vec();
        tgt[3] = "Duarte announced an investment of 780 million.";
        tgt[6] = "Garnier published in Paris and Faro a book of 610 pages.";
        tgt.insert(4, "The visit to Faro ended late.");
        tgt.insert(3, "Nobody answered the phone at the harbour that evening.");
        let links = around([l(&[3], &[3, 4]), l(&[], &[5])], 2);
        let got = swapped(&src, &tgt, links);
        assert_eq!(
            pairs(&got[3..5]),
            [(vec![], vec![3]), (vec![3], vec![4, 5])]
        );
    }

    #[test]
    fn a_lone_sentence_that_shares_nothing_stays_alone() {
        let (src, tgt) = split_translation();
        // The aligner's links are right: target 3 added, 4 and 5 merged.
        let links = around([l(&[], &[3]), l(&[3], &[4, 5])], 2);
        let before = links.clone();
        assert_eq!(swapped(&src, &tgt, links), before);
    }

    #[test]
    fn a_merged_link_whose_sentences_all_share_anchors_keeps_them() {
        let src = SRC.to_vec();
        let mut tgt = TGT.to_vec();
        tgt[3] = "Duarte spoke in Faro.";
        tgt.insert(4, "The investment of 780 million was announced there.");
        tgt.insert(5, "Duarte's 780 million stay in Faro.");
        let links = around([l(&[3], &[3, 4]), l(&[], &[5])], 2);
        let before = links.clone();
        assert_eq!(swapped(&src, &tgt, links), before);
    }

    #[test]
    fn a_dropped_source_sentence_trades_places_the_same_way() {
        // Source 3 in two sentences, the first of source 4 dropped after it
        // and folded into source 3's link, the second half of 3 alone.
        let src = [
            SRC[0],
            SRC[1],
            SRC[2],
            "Ninguém atendeu o telefone no porto naquela noite.",
            "Duarte falou em Faro.",
            "O investimento de 780 milhões foi anunciado ali.",
            SRC[4],
        ];
        let tgt = [
            TGT[0],
            TGT[1],
            TGT[2],
            "Duarte spoke in Faro and announced an investment of 780 million.",
            TGT[4],
        ];
        let links = vec![
            l(&[0], &[0]),
            l(&[1], &[1]),
            l(&[2], &[2]),
            l(&[3, 4], &[3]),
            l(&[5], &[]),
            l(&[6], &[4]),
        ];
        let got = swapped(&src, &tgt, links);
        assert_eq!(
            pairs(&got[3..5]),
            [(vec![3], vec![]), (vec![4, 5], vec![3])]
        );
    }
}
