//! Strict link F1 of the aligner on the gold corpora.
//!
//! `cargo run --release --example eval` (set `TRANSCHECK_CORPORA` if the
//! corpora are not in a `shared/corpora` folder above the package). With
//! `TRANSCHECK_REFINE=1` the QA refinement is applied to every alignment.

use std::path::Path;
use transcheck::align::{Params, eval};

fn main() -> anyhow::Result<()> {
    let start = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(dir) = eval::find_corpora(start) else {
        anyhow::bail!(
            "gold corpora not found: set TRANSCHECK_CORPORA or put them in shared/corpora above {}",
            start.display()
        );
    };
    let params = tuned(Params::default());
    let t = std::time::Instant::now();
    let refine = std::env::var("TRANSCHECK_REFINE").is_ok_and(|v| v == "1");
    let results = eval::evaluate_with(&dir, &params, refine)?;
    for c in &results {
        println!("{}", c.name);
        println!(
            "  {:<8} {:>5} {:>5} {:>7} {:>7} {:>7}",
            "doc", "src", "tgt", "P", "R", "F1"
        );
        if c.docs.len() > 1 {
            for d in &c.docs {
                println!(
                    "  {:<8} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3}",
                    d.name,
                    d.source_sentences,
                    d.target_sentences,
                    d.score.precision(),
                    d.score.recall(),
                    d.score.f1()
                );
            }
        }
        let (s, t): (usize, usize) = c
            .docs
            .iter()
            .map(|d| (d.source_sentences, d.target_sentences))
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        println!(
            "  {:<8} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3}",
            "pooled",
            s,
            t,
            c.pooled.precision(),
            c.pooled.recall(),
            c.pooled.f1()
        );
    }
    println!("time {:.2}s", t.elapsed().as_secs_f64());
    Ok(())
}

/// Overrides from `TRANSCHECK_PARAMS="name=value,..."`, for tuning.
fn tuned(mut p: Params) -> Params {
    let Ok(spec) = std::env::var("TRANSCHECK_PARAMS") else {
        return p;
    };
    for kv in spec.split(',').filter(|s| !s.is_empty()) {
        let Some((k, v)) = kv.split_once('=') else {
            continue;
        };
        let Ok(x) = v.parse::<f64>() else {
            eprintln!("ignoring {kv}");
            continue;
        };
        match k {
            "null" => p.null_cost = x,
            "gap" => p.gap_bonus = x,
            "reward" => p.match_reward = x,
            "unmatched" => p.unmatched_penalty = x,
            "null_unmatched" => p.null_unmatched = x,
            "para" => p.paragraph_penalty = x,
            "band" => p.band = x as usize,
            "temp" => p.temperature = x,
            "learn" => p.learn_pairs = x > 0.0,
            "var" => p.reestimate_variance = x > 0.0,
            "train_post" => p.train_posterior = x,
            "mbr" => p.mbr = (x > 0.0).then_some(x),
            "ratio" => p.reestimate_ratio = x > 0.0,
            "pair_prob" => p.pair_min_prob = x,
            "pair_count" => p.pair_min_count = x as usize,
            "w_word" => p.weights.word = x,
            "w_prefix" => p.weights.prefix = x,
            "w_number" => p.weights.number = x,
            "w_punct" => p.weights.punct = x,
            "w_learned" => p.weights.learned = x,
            _ => {
                // Priors: p_A_B=value.
                let parts: Vec<&str> = k.split('_').collect();
                if let ["p", a, b] = parts.as_slice()
                    && let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>())
                {
                    p.priors.retain(|q| (q.0, q.1) != (a, b));
                    if x > 0.0 {
                        p.priors.push((a, b, x));
                    }
                } else {
                    eprintln!("unknown parameter {k}");
                }
            }
        }
    }
    p
}
