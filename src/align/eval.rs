//! Evaluation over the gold corpora (Text+Berg de-fr dev, ParIce en-is, and
//! the Bible pt-en when built): aligns every document and scores it with
//! [`gold::score`], pooled per corpus.

use super::gold::{self, Score};
use super::{AlignOptions, Params, Side};
use crate::input::Document;
use crate::profile::Profile;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Finds the gold corpora: `$TRANSCHECK_CORPORA`, else a `shared/corpora`
/// folder in `start` or one of its ancestors (or beside them).
pub fn find_corpora(start: &Path) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TRANSCHECK_CORPORA") {
        let p = PathBuf::from(p);
        return p.is_dir().then_some(p);
    }
    for dir in start.ancestors() {
        let c = dir.join("shared").join("corpora");
        if c.join("README.md").is_file() {
            return Some(c);
        }
    }
    None
}

/// One aligned and scored document.
#[derive(Debug, Clone)]
pub struct DocResult {
    pub name: String,
    pub source_sentences: usize,
    pub target_sentences: usize,
    pub score: Score,
}

/// A corpus: its documents and the pooled score.
#[derive(Debug, Clone)]
pub struct CorpusResult {
    pub name: String,
    pub docs: Vec<DocResult>,
    pub pooled: Score,
}

/// A document pair with gold links, and the languages of its two sides.
struct Job {
    name: String,
    source: PathBuf,
    target: PathBuf,
    gold: PathBuf,
    /// Gold links the gold cannot vouch for: they, and every predicted link
    /// touching their sentences, are left out of the score.
    ambiguous: Option<PathBuf>,
    langs: (&'static str, &'static str),
}

/// The Bible pt-en corpus built by `bible-pt-en/fetch.sh`:
/// `$TRANSCHECK_BIBLE`, else `~/.cache/bible-pt-en`, if it is there.
pub fn find_bible() -> Option<PathBuf> {
    let dir = match std::env::var_os("TRANSCHECK_BIBLE") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".cache/bible-pt-en"),
    };
    dir.join("docs.txt").is_file().then_some(dir)
}

/// Aligns and scores every corpus found under `corpora`.
pub fn evaluate(corpora: &Path, params: &Params) -> anyhow::Result<Vec<CorpusResult>> {
    evaluate_with(corpora, params, false)
}

/// [`evaluate`], with the QA refinement ([`super::refine`]) applied to every
/// alignment when `refine` is set.
pub fn evaluate_with(
    corpora: &Path,
    params: &Params,
    refine: bool,
) -> anyhow::Result<Vec<CorpusResult>> {
    let mut out = Vec::new();
    let tb = corpora.join("textberg-dev");
    let jobs = vec![Job {
        name: "dev".into(),
        source: tb.join("dev.de"),
        target: tb.join("dev.fr"),
        gold: tb.join("dev.defr"),
        ambiguous: None,
        langs: ("de", "fr"),
    }];
    out.push(run_corpus("Text+Berg dev (de-fr)", jobs, params, refine)?);

    let pi = corpora.join("parice-en-is");
    let mut names: Vec<String> = std::fs::read_dir(pi.join("gold"))
        .map_err(|e| anyhow::anyhow!("{}: {e}", pi.join("gold").display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let jobs = names
        .iter()
        .map(|n| Job {
            name: n.trim_end_matches(".txt").to_string(),
            source: pi.join("eng_text").join(n),
            target: pi.join("isl_text").join(n),
            gold: pi.join("gold").join(n),
            ambiguous: None,
            langs: ("en", "is"),
        })
        .collect();
    out.push(run_corpus("ParIce (en-is)", jobs, params, refine)?);

    if let Some(bible) = find_bible() {
        let docs = std::fs::read_to_string(bible.join("docs.txt"))?;
        let jobs = docs
            .lines()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(|n| Job {
                name: n.to_string(),
                source: bible.join("pt").join(format!("{n}.txt")),
                target: bible.join("en").join(format!("{n}.txt")),
                gold: bible.join("gold").join(format!("{n}.links")),
                ambiguous: Some(bible.join("ambiguous").join(format!("{n}.links"))),
                langs: ("pt", "en"),
            })
            .collect();
        out.push(run_corpus(
            "Bible (pt-en, ambiguous links ignored)",
            jobs,
            params,
            refine,
        )?);
    }
    Ok(out)
}

fn run_corpus(
    name: &str,
    jobs: Vec<Job>,
    params: &Params,
    refine: bool,
) -> anyhow::Result<CorpusResult> {
    let mut docs = Vec::new();
    let mut pooled = Score::default();
    for job in jobs {
        let sd = Document::load(&job.source)?;
        let td = Document::load(&job.target)?;
        let mut gold_links = gold::load(&job.gold)?;
        let sp = Profile::builtin(job.langs.0);
        let tp = Profile::builtin(job.langs.1);
        let ss = crate::segment::presegmented(&sd);
        let ts = crate::segment::presegmented(&td);
        let (s_side, t_side) = (
            Side::of_segments(&sd, &ss, &sp),
            Side::of_segments(&td, &ts, &tp),
        );
        // The pair's shipped lexicon, as `align` and `check` use it.
        let options = AlignOptions {
            lexicon: crate::lexicon::Lexicon::builtin(&sp, &tp),
            ..AlignOptions::default()
        };
        let mut links = super::align_with(&s_side, &t_side, &options, params);
        if refine {
            links = super::refine(&s_side, &t_side, links, &options);
        }
        let mut predicted = gold::from_links(&links);
        if let Some(path) = job.ambiguous.as_ref().filter(|p| p.is_file()) {
            let amb = gold::load(path)?;
            let (s, t): (HashSet<usize>, HashSet<usize>) = (
                amb.iter().flat_map(|l| l.0.iter().copied()).collect(),
                amb.iter().flat_map(|l| l.1.iter().copied()).collect(),
            );
            let clear = |l: &gold::GoldLink| {
                !l.0.iter().any(|x| s.contains(x)) && !l.1.iter().any(|x| t.contains(x))
            };
            gold_links.retain(clear);
            predicted.retain(clear);
        }
        let score = gold::score(&gold_links, &predicted);
        pooled.add(&score);
        docs.push(DocResult {
            name: job.name,
            source_sentences: ss.len(),
            target_sentences: ts.len(),
            score,
        });
    }
    Ok(CorpusResult {
        name: name.to_string(),
        docs,
        pooled,
    })
}
