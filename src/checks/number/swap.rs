//! Two numbers of one link trading places: "a inflação foi de 4,5% e o PIB
//! cresceu 2,1%" as "inflation was 2.1% and GDP grew 4.5%". Every value is
//! there, so only the words each number goes with can tell: each word goes
//! with the mention nearest it, and the words are compared across the
//! languages through the lexicon (or written the same on both sides, as a
//! name is).

use super::{Sides, what};
use crate::finding::Severity;
use crate::lexicon::{Lexicon, Side};
use crate::numbers::NumberMention;

/// How many words away from a number a word may still go with it.
const REACH: usize = 4;

/// Letters two cognates share at the start.
const COGNATE: usize = 5;

/// The words that go with each of `picked` (indices into `ms`) as keys,
/// each with the word that gave it: lexicon concepts, a cognate's first
/// letters, and a capitalised word that `other` holds too.
fn neighbours<'t>(
    text: &'t str,
    ms: &[NumberMention],
    picked: &[usize],
    wanted: &[bool],
    lex: &Lexicon,
    side: Side,
    other: &str,
) -> Vec<Keys<'t>> {
    // Words outside every mention, with the index of the word slot each
    // mention takes among them.
    let mut slots: Vec<usize> = vec![usize::MAX; picked.len()];
    let mut words = Vec::new();
    let mut k = 0;
    // Mentions by start, met with one cursor as the words go by: a long
    // sentence with many numbers stays linear.
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by_key(|&i| ms[i].start);
    let mut next = 0;
    let mut reach = 0; // the furthest end among mentions passed
    for w in crate::text::word_iter(text) {
        while let Some(&i) = order.get(next) {
            if ms[i].start >= w.end {
                break;
            }
            reach = reach.max(ms[i].end);
            next += 1;
        }
        // Every mention starting before the word's end has been passed; one
        // of them overlaps the word if the furthest of their ends is past
        // the word's start.
        if reach > w.start {
            // Inside a mention: it takes one slot, whichever of its words.
            if let Some(p) = picked
                .iter()
                .position(|&i| ms[i].start < w.end && w.start < ms[i].end)
                && slots[p] == usize::MAX
            {
                slots[p] = k;
                k += 1;
            }
            continue;
        }
        words.push((k, w.text));
        k += 1;
    }
    let mut out = vec![Keys::new(); picked.len()];
    for &(at, word) in &words {
        let best = slots
            .iter()
            .map(|&s| s.abs_diff(at))
            .min()
            .unwrap_or(usize::MAX);
        if best > REACH {
            continue;
        }
        // Between two numbers as near, a word goes with the one after it
        // (a subject before its figure: "and GDP grew 4.5%").
        let Some(p) = (0..slots.len())
            .filter(|&p| slots[p].abs_diff(at) == best)
            .min_by_key(|&p| (slots[p] < at, slots[p]))
        else {
            continue;
        };
        if !wanted[p] {
            continue;
        }
        for key in keys_of(word, lex, side, other) {
            if !out[p].iter().any(|(k, _)| *k == key) {
                out[p].push((key, word));
            }
        }
    }
    out
}

/// Keys of one word, each kind in its own range of values.
type Keys<'t> = Vec<(u64, &'t str)>;

fn keys_of(word: &str, lex: &Lexicon, side: Side, other: &str) -> Vec<u64> {
    let hash = |s: &str| {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        s.hash(&mut h);
        h.finish() >> 2
    };
    let concepts = lex.concepts(side, word);
    let mut keys: Vec<u64> = concepts.iter().map(|&c| u64::from(c)).collect();
    // A cognate: the same first letters once accents are gone
    // ("turbinas", "turbines"), from words long enough to mean something.
    if concepts.is_empty() && word.chars().count() > COGNATE {
        let folded = crate::text::fold(word);
        let end = folded
            .char_indices()
            .nth(COGNATE)
            .map_or(folded.len(), |(i, _)| i);
        keys.push(1 << 62 | hash(&folded[..end]));
    }
    if word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().count() > 2
        && other.contains(word)
    {
        keys.push(2 << 62 | hash(word));
    }
    keys
}

/// Whether each mention is the only one of its kind with its value (up to
/// [`super::approx`]). The mentions are sorted by kind and value, and each
/// is compared only with those after it whose value is within a millionth
/// of its own, a bound far looser than `approx`'s billionth, so the count
/// is that of comparing every pair: n log n rather than n² for a link with
/// thousands of numbers. An infinite value, which `approx` holds equal to
/// any other, is compared with every mention of its kind.
fn alone(ms: &[NumberMention]) -> Vec<bool> {
    let mut count = vec![0usize; ms.len()];
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by(|&a, &b| {
        (what(&ms[a]), ms[a].value.is_finite())
            .cmp(&(what(&ms[b]), ms[b].value.is_finite()))
            .then(ms[a].value.total_cmp(&ms[b].value))
    });
    for (at, &i) in order.iter().enumerate() {
        let (x, kind) = (ms[i].value, what(&ms[i]));
        for &j in &order[at..] {
            let y = ms[j].value;
            if what(&ms[j]) != kind {
                break;
            }
            let near = (y - x).abs() <= 1e-6 * x.abs().max(y.abs());
            if x.is_finite() && y.is_finite() && x != y && !near {
                break;
            }
            if super::approx(x, y) {
                count[i] += 1;
                if j != i {
                    count[j] += 1;
                }
            }
        }
    }
    count.into_iter().map(|c| c == 1).collect()
}

/// A key of `a` that `b` has too and `not` lacks, with `a`'s word.
fn shared<'t>(a: &Keys<'t>, b: &Keys, not: &Keys) -> Option<&'t str> {
    let has = |ks: &Keys, k: u64| ks.iter().any(|(x, _)| *x == k);
    a.iter()
        .find(|(k, _)| has(b, *k) && !has(not, *k))
        .map(|(_, w)| *w)
}

impl Sides<'_> {
    /// Pairs of matched numbers (`pairs`: source, target) of one kind and
    /// different values whose words say they trade places: each number's
    /// words are found beside the other's in the translation, and none
    /// beside its own.
    pub(super) fn swaps(&mut self, pairs: &[(usize, usize)], lex: &Lexicon) {
        // Two numbers written as one ("2025/26", "30-45") do not trade
        // places: their words are the whole figure's.
        let joined = |text: &str, ms: &[NumberMention], a: usize, b: usize| {
            let (x, y) = (&ms[a], &ms[b]);
            let (first, second) = if x.start <= y.start { (x, y) } else { (y, x) };
            // At most one char between them: counted no further than two.
            text.get(first.end..second.start).is_some_and(|gap| {
                gap.trim().chars().nth(1).is_none() && !gap.chars().any(char::is_alphanumeric)
            })
        };
        // A value written twice ("levels 1 to 10, list levels 1 to 10")
        // pairs with either copy: no order can be told from it.
        let once = alone(&self.src);
        let rival = |a: usize, b: usize| {
            let (i, j) = (pairs[a].0, pairs[b].0);
            let (x, y) = (&self.src[i], &self.src[j]);
            what(x) == what(y)
                && !super::approx(x.value, y.value)
                && once[i]
                && once[j]
                && !joined(self.src_text, &self.src, i, j)
                && !joined(self.tgt_text, &self.tgt, pairs[a].1, pairs[b].1)
        };
        // Most links have no two numbers of one kind that could trade places.
        let wanted: Vec<bool> = (0..pairs.len())
            .map(|a| (0..pairs.len()).any(|b| a != b && rival(a, b)))
            .collect();
        if !wanted.contains(&true) {
            return;
        }
        let si: Vec<usize> = pairs.iter().map(|p| p.0).collect();
        let ti: Vec<usize> = pairs.iter().map(|p| p.1).collect();
        let sk = neighbours(
            self.src_text,
            &self.src,
            &si,
            &wanted,
            lex,
            Side::Source,
            self.tgt_text,
        );
        let tk = neighbours(
            self.tgt_text,
            &self.tgt,
            &ti,
            &wanted,
            lex,
            Side::Target,
            self.src_text,
        );
        let mut done = vec![false; pairs.len()];
        for a in 0..pairs.len() {
            for b in a + 1..pairs.len() {
                let mine = |x: usize| sk[x].iter().any(|(k, _)| tk[x].iter().any(|(y, _)| y == k));
                if done[a] || done[b] || !rival(a, b) || mine(a) || mine(b) {
                    continue;
                }
                let (Some(w1), Some(w2)) = (
                    shared(&sk[a], &tk[b], &sk[b]),
                    shared(&sk[b], &tk[a], &sk[a]),
                ) else {
                    continue;
                };
                done[a] = true;
                done[b] = true;
                let (s1, s2) = (&self.src[si[a]], &self.src[si[b]]);
                let (t1, t2) = (&self.tgt[ti[a]], &self.tgt[ti[b]]);
                let f = self
                    .base(
                        Severity::Error,
                        format!(
                            "numbers swapped: in the source {} goes with “{w1}” and {} with “{w2}”; \
                             in the translation {} and {} trade places",
                            s1.raw, s2.raw, t1.raw, t2.raw
                        ),
                    )
                    .source_span(s1.start..s1.end)
                    .target_span(t1.start..t1.end);
                self.findings.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;

    #[test]
    fn two_percentages_trading_places_are_reported() {
        let f = errors(
            "A inflação foi de 4,5% e o PIB cresceu 2,1%.",
            "Inflation was 2.1% and GDP grew 4.5%.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("swapped"), "{f:#?}");
    }

    #[test]
    fn counts_trading_places_are_reported() {
        let f = errors(
            "Foram 12 mortos e 30 feridos no acidente.",
            "There were 30 dead and 12 injured in the accident.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn a_range_written_twice_is_no_swap() {
        clean(
            "Os contextos incluem os níveis de tópicos de 1 a 10, níveis de listas de 1 a 10 e o rodapé.",
            "The contexts include outline levels 1 to 10, list levels 1 to 10 and the footer.",
        );
    }

    #[test]
    fn a_reordered_sentence_is_no_swap() {
        clean(
            "A inflação foi de 4,5% e o PIB cresceu 2,1%.",
            "GDP grew 2.1%, while inflation was 4.5%.",
        );
        clean(
            "Foram 12 mortos e 30 feridos no acidente.",
            "The accident left 30 injured and 12 dead.",
        );
    }

    #[test]
    fn cognates_outside_the_lexicon_tell_too() {
        let f = errors(
            "O parque terá 48 turbinas e capacidade de 288 megawatts.",
            "The farm will have 288 turbines and a capacity of 48 megawatts.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        clean(
            "O parque terá 48 turbinas e capacidade de 288 megawatts.",
            "The farm will have 48 turbines and a capacity of 288 megawatts.",
        );
    }

    #[test]
    fn a_range_written_as_one_figure_is_no_swap() {
        clean(
            "Cerca de dois terços da safra 2025/26 de Mato Grosso foram vendidos.",
            "About two-thirds of Mato Grosso's 2025/26 crop has been sold.",
        );
    }

    #[test]
    fn numbers_with_the_same_words_are_no_swap() {
        clean(
            "Entre 2020 e 2024, as vendas subiram de 30 para 45 unidades.",
            "Between 2020 and 2024, sales rose from 30 to 45 units.",
        );
        clean("O placar foi 3 a 1.", "The score was 3-1.");
    }

    #[test]
    fn names_written_alike_tell_which_number_is_whose() {
        let f = errors(
            "A Petrobras lucrou 12% mais e a Vale, 8%.",
            "Petrobras earned 8% more and Vale 12%.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }
}

#[cfg(test)]
mod alone_tests {
    use super::alone;
    use crate::numbers::{NumberKind, NumberMention};

    fn mention(value: f64, kind: NumberKind) -> NumberMention {
        NumberMention {
            start: 0,
            end: 0,
            value,
            kind,
            raw: String::new(),
            words: false,
            scale: None,
            digits: None,
            weak: false,
        }
    }

    /// The definition: a mention is alone when it is the only one of its
    /// kind that `approx` holds equal to its value.
    fn by_pairs(ms: &[NumberMention]) -> Vec<bool> {
        ms.iter()
            .map(|x| {
                ms.iter()
                    .filter(|m| {
                        super::what(m) == super::what(x) && super::super::approx(m.value, x.value)
                    })
                    .count()
                    == 1
            })
            .collect()
    }

    #[test]
    fn sorted_count_is_the_pairwise_count() {
        let values = [
            1.0,
            2.0,
            1.0 + 1e-12,
            -3.0,
            -3.0,
            0.0,
            -0.0,
            1e300,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            5e-324,
            7.5,
            7.500_000_000_1,
            1e-7,
        ];
        let mut ms: Vec<NumberMention> = Vec::new();
        for (k, &v) in values.iter().enumerate() {
            let kind = if k % 3 == 0 {
                NumberKind::Percent
            } else {
                NumberKind::Plain
            };
            ms.push(mention(v, kind));
            ms.push(mention(v * 1.5, NumberKind::Plain));
        }
        assert_eq!(alone(&ms), by_pairs(&ms));
        // Each prefix too: other neighbours in the sorted order.
        for len in 0..ms.len() {
            assert_eq!(alone(&ms[..len]), by_pairs(&ms[..len]), "first {len}");
        }
    }

    #[test]
    fn a_value_written_twice_is_not_alone() {
        let ms = [
            mention(10.0, NumberKind::Plain),
            mention(1.0, NumberKind::Plain),
            mention(10.0, NumberKind::Plain),
            mention(10.0, NumberKind::Percent),
        ];
        assert_eq!(alone(&ms), [false, true, false, true]);
    }
}
