//! Word pairs learned from the document itself: IBM Model 1 trained in both
//! directions on confident 1-1 links, keeping pairs each direction agrees on.

// FxHash: every key is a word id this crate assigned, and no output depends
// on map order.
use rustc_hash::FxHashMap as HashMap;

/// Dense ids for the words one side uses in training.
#[derive(Default)]
struct Vocab {
    ids: HashMap<u32, u32>,
    words: Vec<u32>,
}

impl Vocab {
    fn id(&mut self, w: u32) -> u32 {
        if let Some(&i) = self.ids.get(&w) {
            return i;
        }
        let i = self.words.len() as u32;
        self.ids.insert(w, i);
        self.words.push(w);
        i
    }
}

/// `t(f | e)` after a few EM iterations, for sentence pairs of word ids;
/// `vocab` is the number of source word ids. Source sentences get a NULL word
/// (id `vocab`). Returns the word pairs and their probabilities.
fn train(
    pairs: &[(Vec<u32>, Vec<u32>)],
    vocab: usize,
    iterations: usize,
) -> (Vec<(u32, u32)>, Vec<f64>) {
    let null = vocab as u32;
    let mut ids: HashMap<(u32, u32), u32> = HashMap::default();
    let mut words: Vec<(u32, u32)> = Vec::new();
    // For each sentence pair and target word, the pair ids of (e, f) for every
    // source word e and NULL, laid out flat.
    let mut layout: Vec<Vec<u32>> = Vec::with_capacity(pairs.len());
    for (e, f) in pairs {
        let mut v = Vec::with_capacity(f.len() * (e.len() + 1));
        for &fw in f {
            for &ew in e.iter().chain(std::iter::once(&null)) {
                let id = *ids.entry((ew, fw)).or_insert_with(|| {
                    words.push((ew, fw));
                    (words.len() - 1) as u32
                });
                v.push(id);
            }
        }
        layout.push(v);
    }
    let mut t = vec![1.0; words.len()];
    let mut count = vec![0.0; words.len()];
    let mut total = vec![0.0; vocab + 1];
    for _ in 0..iterations {
        count.iter_mut().for_each(|x| *x = 0.0);
        total.iter_mut().for_each(|x| *x = 0.0);
        for ((e, _), v) in pairs.iter().zip(&layout) {
            for row in v.chunks(e.len() + 1) {
                let z: f64 = row.iter().map(|&id| t[id as usize]).sum();
                if z <= 0.0 {
                    continue;
                }
                for &id in row {
                    let p = t[id as usize] / z;
                    count[id as usize] += p;
                    total[words[id as usize].0 as usize] += p;
                }
            }
        }
        for (id, x) in t.iter_mut().enumerate() {
            let tot = total[words[id].0 as usize];
            *x = if tot > 0.0 { count[id] / tot } else { 0.0 };
        }
    }
    (words, t)
}

/// Best partner of each word under `t`, with its probability (NULL excluded).
fn best(words: &[(u32, u32)], t: &[f64], null: u32) -> HashMap<u32, (u32, f64)> {
    let mut out: HashMap<u32, (u32, f64)> = HashMap::default();
    for (&(e, f), &p) in words.iter().zip(t) {
        if e == null {
            continue;
        }
        let entry = out.entry(e).or_insert((f, p));
        if p > entry.1 || (p == entry.1 && f < entry.0) {
            *entry = (f, p);
        }
    }
    out
}

/// Learns word pairs `(source word, target word)` from aligned sentence pairs
/// (word ids from one vocabulary shared by both sides). A pair is kept when each word is the other's most likely
/// translation in both directions, both probabilities reach `min_prob`, the
/// words differ (identical words are anchors already) and the source word
/// occurs at least twice.
pub(crate) fn learn_pairs(
    pairs: &[(&[u32], &[u32])],
    iterations: usize,
    min_prob: f64,
    min_count: usize,
) -> Vec<(u32, u32)> {
    let mut sv = Vocab::default();
    let mut tv = Vocab::default();
    let mut freq: HashMap<u32, usize> = HashMap::default();
    let ids: Vec<(Vec<u32>, Vec<u32>)> = pairs
        .iter()
        .map(|(s, t)| {
            let mut a: Vec<u32> = s.iter().map(|&w| sv.id(w)).collect();
            let mut b: Vec<u32> = t.iter().map(|&w| tv.id(w)).collect();
            a.sort_unstable();
            a.dedup();
            b.sort_unstable();
            b.dedup();
            for &x in &a {
                *freq.entry(x).or_insert(0) += 1;
            }
            (a, b)
        })
        .collect();
    let (w, t) = train(&ids, sv.words.len(), iterations);
    let fwd = best(&w, &t, sv.words.len() as u32);
    let rev_ids: Vec<(Vec<u32>, Vec<u32>)> =
        ids.iter().map(|(a, b)| (b.clone(), a.clone())).collect();
    let (w, t) = train(&rev_ids, tv.words.len(), iterations);
    let rev = best(&w, &t, tv.words.len() as u32);
    let mut out = Vec::new();
    for (&e, &(f, p)) in &fwd {
        if p < min_prob || freq.get(&e).copied().unwrap_or(0) < min_count {
            continue;
        }
        if let Some(&(e2, q)) = rev.get(&f)
            && e2 == e
            && q >= min_prob
        {
            let (ew, fw) = (sv.words[e as usize], tv.words[f as usize]);
            if ew != fw {
                out.push((ew, fw));
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Word ids from a shared vocabulary.
    fn v(s: &str, vocab: &mut Vec<String>) -> Vec<u32> {
        s.split_whitespace()
            .map(|w| match vocab.iter().position(|x| x == w) {
                Some(i) => i as u32,
                None => {
                    vocab.push(w.to_string());
                    (vocab.len() - 1) as u32
                }
            })
            .collect()
    }

    #[test]
    fn learns_consistent_pairs() {
        let mut voc = Vec::new();
        let raw = [
            ("der hund", "le chien"),
            ("der hund schläft", "le chien dort"),
            ("die katze schläft", "la chatte dort"),
            ("die katze", "la chatte"),
            ("hund und katze", "chien et chatte"),
            ("Bern", "Bern"),
            ("Bern", "Bern"),
        ];
        let data: Vec<(Vec<u32>, Vec<u32>)> = raw
            .iter()
            .map(|(a, b)| (v(a, &mut voc), v(b, &mut voc)))
            .collect();
        let pairs: Vec<(&[u32], &[u32])> = data
            .iter()
            .map(|(a, b)| (a.as_slice(), b.as_slice()))
            .collect();
        let got: Vec<(&str, &str)> = learn_pairs(&pairs, 5, 0.3, 2)
            .into_iter()
            .map(|(e, f)| (voc[e as usize].as_str(), voc[f as usize].as_str()))
            .collect();
        assert!(got.contains(&("hund", "chien")), "{got:?}");
        assert!(got.contains(&("katze", "chatte")), "{got:?}");
        assert!(!got.iter().any(|&(e, f)| e == "hund" && f == "dort"));
        // Identical words are anchors already, not learned pairs.
        assert!(!got.iter().any(|&(e, _)| e == "Bern"), "{got:?}");
    }

    #[test]
    fn no_data_no_pairs() {
        assert!(learn_pairs(&[], 5, 0.3, 2).is_empty());
    }
}
