//! Mutation test of omission and addition reporting.
//!
//! For each clean pair: the whole translation of one source sentence (a 1-1
//! link; on the Bible, a 1-n link) is deleted in turn, and an omission
//! (warning or error) must cover that source sentence; a sentence from
//! another pair's translation is inserted before every target sentence (and
//! at the end) in turn, and an addition must cover it. Omission and
//! addition reports anywhere else are counted as false, and so are those on
//! the untouched pairs.
//!
//! `cargo run --release --example mutate_eval` runs the shipped samples and
//! the held-out pairs, with and without the alignment's QA refinement.
//! `cargo run --release --example mutate_eval -- --bible DIR [--every N]`
//! runs the Bible chapters of `../shared/corpora/bible-pt-en/fetch.sh DIR`
//! (refinement on; every N-th link and position, default 3). `--misses`
//! prints each missed mutation with the links around it; `--false` prints
//! the false reports on the untouched pairs.

#[path = "common/pair_dirs.rs"]
mod pair_dirs;

use std::ops::Range;
use std::path::{Path, PathBuf};
use transcheck::Severity;
use transcheck::glossary::Glossary;
use transcheck::input::Document;
use transcheck::pipeline::{PairOptions, PairResult, check_pair};

struct Args {
    bible: Option<PathBuf>,
    every: usize,
    misses: bool,
    falses: bool,
    /// Only this pair, and only this deletion or insertion.
    only: Option<String>,
    del: Option<usize>,
    ins: Option<usize>,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut a = Args {
        bible: None,
        every: 3,
        misses: false,
        falses: false,
        only: None,
        del: None,
        ins: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--bible" => a.bible = it.next().map(PathBuf::from),
            "--every" => a.every = it.next().and_then(|n| n.parse().ok()).unwrap_or(3).max(1),
            "--misses" => a.misses = true,
            "--false" => a.falses = true,
            "--only" => a.only = it.next(),
            "--del" => a.del = it.next().and_then(|n| n.parse().ok()),
            "--ins" => a.ins = it.next().and_then(|n| n.parse().ok()),
            _ => anyhow::bail!(
                "usage: mutate_eval [--bible DIR [--every N]] [--misses] [--false] [--only PAIR [--del K | --ins K]]"
            ),
        }
    }
    Ok(a)
}

/// One clean pair: source path, target path, name.
type Pair = (PathBuf, PathBuf, String);

fn sample_pairs() -> anyhow::Result<Vec<Pair>> {
    Ok(pair_dirs::pair_dirs()?
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (p.join("pt.txt"), p.join("en.txt"), name)
        })
        .collect())
}

fn bible_pairs(dir: &Path) -> anyhow::Result<Vec<Pair>> {
    let docs = std::fs::read_to_string(dir.join("docs.txt"))?;
    Ok(docs
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|n| {
            (
                dir.join("pt").join(format!("{n}.txt")),
                dir.join("en").join(format!("{n}.txt")),
                n.to_string(),
            )
        })
        .collect())
}

fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    if let Some(dir) = &args.bible {
        let opts = PairOptions {
            source_lang: Some("pt".into()),
            target_lang: Some("en".into()),
            presegmented: true,
            builtin_glossary: true,
            ..Default::default()
        };
        let run = Run {
            glossary: Glossary::default(),
            opts,
            whole_link: true,
            every: args.every,
            args: &args,
        };
        let t = run.all(&bible_pairs(dir)?)?;
        println!(
            "Bible chapters, aligner + refine, every {} link",
            args.every
        );
        t.print();
        return Ok(());
    }
    let glossary = Glossary::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("glossaries"),
        "pt",
        "en",
    )?;
    let pairs = sample_pairs()?;
    for raw in [true, false] {
        let run = Run {
            glossary: glossary.clone(),
            opts: PairOptions {
                source_lang: Some("pt".into()),
                target_lang: Some("en".into()),
                raw_alignment: raw,
                ..Default::default()
            },
            whole_link: false,
            every: 1,
            args: &args,
        };
        let t = run.all(&pairs)?;
        println!(
            "{}",
            if raw {
                "aligner only"
            } else {
                "aligner + refine"
            }
        );
        t.print();
    }
    Ok(())
}

#[derive(Default)]
struct Tally {
    clean_links: usize,
    clean_errors: usize,
    clean_warnings: usize,
    del: usize,
    del_hit: usize,
    del_false: usize,
    ins: usize,
    ins_hit: usize,
    ins_false: usize,
    /// Misses by cause ([`Cause`]), deletions and insertions.
    del_causes: std::collections::BTreeMap<&'static str, usize>,
    ins_causes: std::collections::BTreeMap<&'static str, usize>,
}

impl Tally {
    fn print(&self) {
        let per_k = |n: usize| n as f64 * 1000.0 / self.clean_links.max(1) as f64;
        println!(
            "  clean pairs: {} links, false omission/addition reports {} errors ({:.2}/1k links), {} warnings ({:.2}/1k)",
            self.clean_links,
            self.clean_errors,
            per_k(self.clean_errors),
            self.clean_warnings,
            per_k(self.clean_warnings)
        );
        println!(
            "  deletions:  recall {}/{} = {:.3}, false reports {}",
            self.del_hit,
            self.del,
            self.del_hit as f64 / self.del.max(1) as f64,
            self.del_false
        );
        println!(
            "  insertions: recall {}/{} = {:.3}, false reports {}",
            self.ins_hit,
            self.ins,
            self.ins_hit as f64 / self.ins.max(1) as f64,
            self.ins_false
        );
        for (what, causes) in [
            ("deletion", &self.del_causes),
            ("insertion", &self.ins_causes),
        ] {
            if !causes.is_empty() {
                let list: Vec<String> = causes.iter().map(|(c, n)| format!("{c} {n}")).collect();
                println!("  {what} misses by cause: {}", list.join(", "));
            }
        }
    }
}

/// A report: rule, severity, source range, target range in the documents.
type Report = (String, Severity, Option<Range<usize>>, Option<Range<usize>>);

fn reports(r: &PairResult) -> Vec<Report> {
    r.findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .filter(|f| f.rule == "omission" || f.rule == "addition")
        .filter_map(|f| {
            let v = r.views.get(f.link?)?;
            let side = |t: &transcheck::checks::SideText, span: &Option<Range<usize>>| {
                if t.is_empty() {
                    return None;
                }
                let s = span.clone().unwrap_or(0..t.text.len());
                Some(t.to_doc(s.start)..t.to_doc(s.end).max(t.to_doc(s.start) + 1))
            };
            Some((
                f.rule.to_string(),
                f.severity,
                side(&v.source, &f.source_span),
                side(&v.target, &f.target_span),
            ))
        })
        .collect()
}

fn overlaps(a: &Option<Range<usize>>, b: &Range<usize>) -> bool {
    a.as_ref()
        .is_some_and(|a| a.start < b.end && b.start < a.end)
}

/// The links of `r` that touch the document range `at` on one side, with
/// their neighbours, and every finding on them: for reading a miss.
fn explain(r: &PairResult, at: &Range<usize>, source_side: bool) {
    let segs = if source_side {
        &r.source_segments
    } else {
        &r.target_segments
    };
    let Some(li) = r.links.iter().position(|l| {
        let ids = if source_side { &l.source } else { &l.target };
        ids.iter()
            .filter_map(|&i| segs.get(i))
            .any(|s| s.start < at.end && at.start < s.end)
    }) else {
        return;
    };
    for k in li.saturating_sub(2)..(li + 3).min(r.links.len()) {
        let (l, v) = (&r.links[k], &r.views[k]);
        println!(
            "    {}link {k} {}-{} score {:.2}",
            if k == li { "> " } else { "  " },
            l.source.len(),
            l.target.len(),
            l.score
        );
        println!("        pt: {}", v.source.text);
        println!("        en: {}", v.target.text);
        for f in r.findings.iter().filter(|f| f.link == Some(k)) {
            println!("        [{} {:?}] {}", f.rule, f.severity, f.message);
        }
    }
}

/// Why a mutation was missed, read from the mutated pair's links against
/// the clean pair's. `mutation` is the side (source for a deletion) and the
/// document range of the sentence that must be reported; `moved` maps a
/// target offset of the mutated text to the clean text (`None`: planted).
///
/// - "null elsewhere": a 1-0/0-1 link (or a report) on a neighbour instead;
/// - "below warning": the sentence stands alone but is reported as info;
/// - "shifted run": it is linked to the translation of another sentence;
/// - "absorbed": it sits in a merged link whose other side is the
///   translation of its neighbours only, paired as in the clean pair.
fn cause(
    clean: &PairResult,
    r: &PairResult,
    (source, at): (bool, &Range<usize>),
    moved: impl Fn(usize) -> Option<usize>,
) -> &'static str {
    let segs = if source {
        &r.source_segments
    } else {
        &r.target_segments
    };
    let Some(x) = segs
        .iter()
        .position(|s| s.start < at.end && at.start < s.end)
    else {
        return "other";
    };
    let mine = |l: &transcheck::align::Link| {
        if source {
            l.source.clone()
        } else {
            l.target.clone()
        }
    };
    let theirs = |l: &transcheck::align::Link| {
        if source {
            l.target.clone()
        } else {
            l.source.clone()
        }
    };
    let Some(link) = r.links.iter().find(|l| mine(l).contains(&x)) else {
        return "other";
    };
    if theirs(link).is_empty() {
        return "below warning";
    }
    // A report of the rule on another sentence: the null link landed there.
    let rule = if source { "omission" } else { "addition" };
    let nearby = r
        .findings
        .iter()
        .any(|f| f.rule == rule && f.severity >= Severity::Warning);
    // The clean link owning each target sentence of the mutated pair.
    let owner = |j: usize| -> Option<usize> {
        let seg = r.target_segments.get(j)?;
        let start = moved(seg.start)?;
        let cj = clean
            .target_segments
            .iter()
            .position(|s| s.start == start)?;
        clean.links.iter().position(|l| l.target.contains(&cj))
    };
    // Clean sources are the same sentences as mutated ones.
    let src_of = |j: usize| {
        owner(j)
            .map(|o| clean.links[o].source.clone())
            .unwrap_or_default()
    };
    let (sources, targets) = (&link.source, &link.target);
    let faithful = targets
        .iter()
        .filter(|&&j| source || j != x)
        .all(|&j| src_of(j).iter().all(|s| sources.contains(s)));
    let kind = if faithful && link.source.len() + link.target.len() > 2 {
        "absorbed"
    } else {
        "shifted run"
    };
    match (kind, nearby) {
        ("shifted run", true) => "shifted run, null elsewhere",
        ("absorbed", true) => "absorbed, null elsewhere",
        (k, _) => k,
    }
}

struct Run<'a> {
    glossary: Glossary,
    opts: PairOptions,
    /// Delete the whole translation of a 1-n link, not only of 1-1 links.
    whole_link: bool,
    every: usize,
    args: &'a Args,
}

impl Run<'_> {
    fn all(&self, pairs: &[Pair]) -> anyhow::Result<Tally> {
        let mut t = Tally::default();
        for (k, pair) in pairs.iter().enumerate() {
            if self.args.only.as_ref().is_some_and(|o| *o != pair.2) {
                continue;
            }
            let other = &pairs[(k + 1) % pairs.len()];
            self.pair(pair, other, &mut t)?;
        }
        Ok(t)
    }

    fn check(&self, src: &Document, tgt: &Document, text: &str) -> PairResult {
        check_pair(
            src.clone(),
            Document::from_text(&tgt.path, text),
            &self.glossary,
            &self.opts,
        )
    }

    fn pair(&self, pair: &Pair, other: &Pair, t: &mut Tally) -> anyhow::Result<()> {
        let src = Document::load(&pair.0)?;
        let tgt = Document::load(&pair.1)?;
        let clean = check_pair(src.clone(), tgt.clone(), &self.glossary, &self.opts);
        t.clean_links += clean.links.len();
        for (rule, sev, s, tr) in reports(&clean) {
            if sev >= Severity::Error {
                t.clean_errors += 1;
            } else {
                t.clean_warnings += 1;
            }
            if self.args.falses {
                println!("{}: false {rule} {sev:?} on the clean pair", pair.2);
                let (at, on_src) = match (s, tr) {
                    (Some(s), _) => (s, true),
                    (None, Some(tr)) => (tr, false),
                    _ => continue,
                };
                explain(&clean, &at, on_src);
            }
        }
        self.deletions(pair, &src, &tgt, &clean, t);
        self.insertions(pair, other, &src, &tgt, &clean, t)
    }

    /// The document range to delete for link `link`'s translation, and the
    /// source sentence that must then be reported.
    fn deletion(
        &self,
        clean: &PairResult,
        text: &str,
        k: usize,
    ) -> Option<(Range<usize>, Range<usize>)> {
        let link = clean.links.get(k)?;
        let [i] = link.source.as_slice() else {
            return None;
        };
        if link.target.is_empty() || (!self.whole_link && link.target.len() != 1) {
            return None;
        }
        let ss = clean.source_segments.get(*i)?;
        let first = clean.target_segments.get(*link.target.first()?)?;
        let last = clean.target_segments.get(*link.target.last()?)?;
        let mut end = last.end;
        while text[end..].starts_with(' ') {
            end += 1;
        }
        if self.opts.presegmented && text[end..].starts_with('\n') {
            end += 1;
        }
        Some((first.start..end, ss.start..ss.end))
    }

    fn deletions(
        &self,
        pair: &Pair,
        src: &Document,
        tgt: &Document,
        clean: &PairResult,
        t: &mut Tally,
    ) {
        let text = &tgt.text;
        let mut seen = 0usize;
        for k in 0..clean.links.len() {
            let Some((cut, want)) = self.deletion(clean, text, k) else {
                continue;
            };
            seen += 1;
            if !seen.is_multiple_of(self.every)
                || self.args.ins.is_some()
                || self.args.del.is_some_and(|d| d != k)
            {
                continue;
            }
            let mutated = format!("{}{}", &text[..cut.start], &text[cut.end..]);
            let r = self.check(src, tgt, &mutated);
            t.del += 1;
            let mut hit = false;
            for (rule, _, s, _) in reports(&r) {
                if rule == "omission" && overlaps(&s, &want) {
                    hit = true;
                } else {
                    t.del_false += 1;
                }
            }
            t.del_hit += hit as usize;
            if hit {
                continue;
            }
            let moved = |s: usize| Some(if s >= cut.start { s + cut.len() } else { s });
            let cause = cause(clean, &r, (true, &want), moved);
            *t.del_causes.entry(cause).or_default() += 1;
            if self.args.misses {
                let words = transcheck::text::word_iter(&src.text[want.clone()]).count();
                println!(
                    "{}: missed deletion of the translation of link {k} ({cause}; {words} source words)",
                    pair.2
                );
                explain(&r, &want, true);
            }
        }
    }

    fn insertions(
        &self,
        pair: &Pair,
        other: &Pair,
        src: &Document,
        tgt: &Document,
        clean: &PairResult,
        t: &mut Tally,
    ) -> anyhow::Result<()> {
        let text = &tgt.text;
        let odoc = Document::load(&other.1)?;
        let oprof = transcheck::profile::Profile::builtin("en");
        let fillers: Vec<String> = transcheck::segment::segment(&odoc, &oprof)
            .iter()
            .map(|s| s.text(&odoc).to_string())
            .filter(|s| s.split_whitespace().count() > 5)
            // A planted sentence must end as one: a headline without a
            // full stop would be read as the start of the next sentence.
            .filter(|s| s.trim_end().ends_with(['.', '!', '?', '"', '”', '…', ')']))
            .collect();
        if fillers.is_empty() {
            return Ok(());
        }
        let sep = if self.opts.presegmented { "\n" } else { " " };
        let mut positions: Vec<usize> = clean.target_segments.iter().map(|s| s.start).collect();
        positions.push(text.trim_end().len());
        for (k, &pos) in positions.iter().enumerate() {
            if (!(k + 1).is_multiple_of(self.every) && k + 1 != positions.len())
                || self.args.del.is_some()
                || self.args.ins.is_some_and(|i| i != k)
            {
                continue;
            }
            let fill = &fillers[k % fillers.len()];
            let (mutated, range) = if pos >= text.trim_end().len() {
                let at = pos + 1;
                (
                    format!("{}{sep}{fill}{}", &text[..pos], &text[pos..]),
                    at..at + fill.len(),
                )
            } else {
                (
                    format!("{}{fill}{sep}{}", &text[..pos], &text[pos..]),
                    pos..pos + fill.len(),
                )
            };
            let r = self.check(src, tgt, &mutated);
            t.ins += 1;
            let mut hit = false;
            for (rule, _, _, tr) in reports(&r) {
                if rule == "addition" && overlaps(&tr, &range) {
                    hit = true;
                } else {
                    t.ins_false += 1;
                }
            }
            t.ins_hit += hit as usize;
            if hit {
                continue;
            }
            let width = fill.len() + sep.len();
            let moved = |s: usize| {
                if s < range.start {
                    Some(s)
                } else if s >= range.start + width {
                    Some(s - width)
                } else {
                    None
                }
            };
            let cause = cause(clean, &r, (false, &range), moved);
            *t.ins_causes.entry(cause).or_default() += 1;
            if self.args.misses {
                println!(
                    "{}: missed insertion at target sentence {k} ({cause})",
                    pair.2
                );
                explain(&r, &range, false);
            }
        }
        Ok(())
    }
}
