//! How well the bilingual lexicon covers short source sentences.
//!
//! For every 1-1 link of the clean sample and held-out pairs whose source
//! sentence has at most `--max N` words (default 8): whether any of its words
//! is in the lexicon, and whether one of them shares a lexicon concept with
//! the linked translation. A short sentence with no shared concept is known
//! to the aligner only through numbers, names, cognates and learned pairs.
//!
//! `cargo run --release --example lexicon_cover [-- --max N] [--list]`

#[path = "common/pair_dirs.rs"]
mod pair_dirs;

use std::path::Path;

use transcheck::Glossary;
use transcheck::input::Document;
use transcheck::lexicon::{Lexicon, Side};
use transcheck::pipeline::{PairOptions, check_pair};
use transcheck::profile::Profile;
use transcheck::text::word_iter;

/// The lexicon concepts of the words of `text` on one side.
fn concepts(lex: &Lexicon, side: Side, text: &str) -> Vec<u32> {
    let mut out: Vec<u32> = word_iter(text)
        .flat_map(|w| lex.concepts(side, w.text).to_vec())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn main() -> anyhow::Result<()> {
    let mut max = 8usize;
    let mut list = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--max" => max = args.next().and_then(|v| v.parse().ok()).unwrap_or(max),
            "--list" => list = true,
            _ => anyhow::bail!("usage: lexicon_cover [--max N] [--list]"),
        }
    }
    let lex = Lexicon::builtin(&Profile::builtin("pt"), &Profile::builtin("en"))
        .ok_or_else(|| anyhow::anyhow!("no built-in pt-en lexicon"))?;
    let glossary = Glossary::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("glossaries"),
        "pt",
        "en",
    )?;
    let opts = PairOptions {
        source_lang: Some("pt".into()),
        target_lang: Some("en".into()),
        ..Default::default()
    };
    let (mut short, mut no_word, mut no_shared) = (0usize, 0usize, 0usize);
    for dir in pair_dirs::pair_dirs()? {
        let src = Document::load(&dir.join("pt.txt"))?;
        let tgt = Document::load(&dir.join("en.txt"))?;
        let r = check_pair(src, tgt, &glossary, &opts);
        for link in &r.links {
            let ([i], [j]) = (link.source.as_slice(), link.target.as_slice()) else {
                continue;
            };
            let s = r.source_segments[*i].text(&r.source);
            let t = r.target_segments[*j].text(&r.target);
            if word_iter(s).count() > max {
                continue;
            }
            short += 1;
            let cs = concepts(&lex, Side::Source, s);
            let ct = concepts(&lex, Side::Target, t);
            let shared = cs.iter().any(|c| ct.binary_search(c).is_ok());
            no_word += cs.is_empty() as usize;
            no_shared += !shared as usize;
            if list && !shared {
                println!("{}: {s} | {t}", dir.display());
            }
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / short.max(1) as f64;
    println!(
        "1-1 links with a source sentence of at most {max} words: {short}; \
         no word in the lexicon {no_word} ({:.1}%), no concept shared with the translation {no_shared} ({:.1}%)",
        pct(no_word),
        pct(no_shared)
    );
    Ok(())
}
