//! Alignment cost on synthetic pairs of 1k, 10k and 100k sentences: prints
//! wall time and the process's peak memory (VmHWM, Linux) after each size.
//! Not a timed test: `cargo bench --bench align` (add sizes as arguments,
//! e.g. `cargo bench --bench align -- 1000 5000`).

use std::time::Instant;
use transcheck::align::{AlignOptions, Side, align};
use transcheck::profile::Profile;

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// A source text and a "translation" of it: long words changed so they are
/// not identical, names and numbers kept, with splits, merges, omissions and
/// additions sprinkled in (about 10% of sentences).
fn synthetic(n: usize, seed: u64) -> (Vec<String>, Vec<String>) {
    let mut rng = Rng(seed);
    let vocab: Vec<String> = (0..5000)
        .map(|k| {
            let len = 2 + (k % 9);
            (0..len)
                .map(|x| (b'a' + ((k * 7 + x * 13) % 26) as u8) as char)
                .collect()
        })
        .collect();
    let word = |rng: &mut Rng| -> String {
        // Zipf-like: small ids far more often.
        let r = rng.below(1000) as f64 / 1000.0;
        let id = ((vocab.len() as f64).powf(r) as usize).min(vocab.len() - 1);
        vocab[id].clone()
    };
    let translate = |s: &str| -> String {
        s.split(' ')
            .map(|w| {
                if w.len() > 3 && w.chars().all(|c| c.is_ascii_lowercase()) {
                    w.chars().rev().collect()
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut src = Vec::with_capacity(n);
    for _ in 0..n {
        let len = 5 + rng.below(25) as usize;
        let mut words: Vec<String> = (0..len).map(|_| word(&mut rng)).collect();
        if rng.below(3) == 0 {
            words.insert(
                rng.below(len as u64) as usize,
                rng.below(100_000).to_string(),
            );
        }
        if rng.below(4) == 0 {
            words.insert(0, format!("Name{}", rng.below(20_000)));
        }
        src.push(format!("{}.", words.join(" ")));
    }
    let mut tgt = Vec::with_capacity(n);
    let mut k = 0;
    while k < n {
        let t = translate(&src[k]);
        match rng.below(40) {
            0 => {
                let w: Vec<&str> = t.split(' ').collect();
                let mid = w.len() / 2;
                tgt.push(w[..mid].join(" "));
                tgt.push(w[mid..].join(" "));
            }
            1 if k + 1 < n => {
                tgt.push(format!("{t} {}", translate(&src[k + 1])));
                k += 1;
            }
            2 => {}
            3 => {
                tgt.push("Extra sentence with nothing to match here.".into());
                tgt.push(t);
            }
            _ => tgt.push(t),
        }
        k += 1;
    }
    (src, tgt)
}

fn side<'a>(s: &'a [String], profile: &'a Profile) -> Side<'a> {
    Side {
        sentences: s.iter().map(String::as_str).collect(),
        paragraphs: vec![0; s.len()],
        profile,
    }
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        sizes
    };
    let profile = Profile::builtin("xx");
    println!(
        "{:>8} {:>8} {:>10} {:>14}",
        "source", "target", "seconds", "peak MiB"
    );
    for n in sizes {
        let (src, tgt) = synthetic(n, 0x9e37_79b9_7f4a_7c15 ^ n as u64);
        let (a, b) = (side(&src, &profile), side(&tgt, &profile));
        let t = Instant::now();
        let links = align(&a, &b, &AlignOptions::default());
        let secs = t.elapsed().as_secs_f64();
        let covered: usize = links.iter().map(|l| l.source.len()).sum();
        assert_eq!(covered, src.len());
        let mem = peak_memory_kib().map(|k| format!("{:.0}", k as f64 / 1024.0));
        println!(
            "{:>8} {:>8} {:>10.2} {:>14}",
            src.len(),
            tgt.len(),
            secs,
            mem.unwrap_or_else(|| "n/a".into())
        );
    }
}
