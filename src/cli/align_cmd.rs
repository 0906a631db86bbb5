//! `transcheck align SRC TGT`.

use anyhow::Result;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AlignFormat {
    Human,
    Tsv,
    Json,
}

#[derive(Debug, Args)]
pub struct AlignArgs {
    pub source: PathBuf,
    pub target: PathBuf,
    #[arg(long, value_parser = super::parse_lang)]
    pub source_lang: Option<String>,
    #[arg(long, value_parser = super::parse_lang)]
    pub target_lang: Option<String>,
    /// Each input line is one sentence; `<p>` lines mark paragraphs.
    #[arg(long)]
    pub presegmented: bool,
    /// Score against gold links (vecalign format); needs --presegmented.
    #[arg(long, requires = "presegmented")]
    pub gold: Option<PathBuf>,
    /// Glossaries whose term pairs serve as anchors.
    #[arg(long)]
    pub glossary: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: AlignFormat,
}

pub fn run(args: AlignArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8> {
    use crate::pipeline::*;
    let source = super::load(&args.source)?;
    let target = super::load(&args.target)?;
    let mut notices: Vec<String> = super::same_file_notice(&args.source, &args.target)
        .into_iter()
        .collect();
    let sl = resolve_language(&source, args.source_lang.as_deref(), "pt", &mut notices);
    let tl = resolve_language(&target, args.target_lang.as_deref(), "en", &mut notices);
    for n in notices {
        writeln!(err, "warning: {n}")?;
    }
    let sp = crate::profile::Profile::builtin(&sl);
    let tp = crate::profile::Profile::builtin(&tl);
    let mut glossary = crate::glossary::Glossary::default();
    for g in &args.glossary {
        glossary.extend(crate::glossary::Glossary::load(g, &sl, &tl)?);
    }
    let ss = segment_doc(&source, &sp, args.presegmented);
    let ts = segment_doc(&target, &tp, args.presegmented);
    let links = align_docs(&source, &target, &ss, &ts, &sp, &tp, &glossary);
    if let Some(g) = &args.gold {
        let gold = crate::align::gold::load(g)?;
        let s = crate::align::gold::score(&gold, &crate::align::gold::from_links(&links));
        writeln!(
            err,
            "gold {}: precision {:.3} recall {:.3} F1 {:.3} ({} of {} predicted links right, {} of {} gold links found)",
            g.display(),
            s.precision(),
            s.recall(),
            s.f1(),
            s.true_positives,
            s.predicted,
            s.recalled,
            s.gold
        )?;
    }
    let join = |doc: &crate::input::Document, segs: &[crate::segment::Segment], ids: &[usize]| {
        ids.iter()
            .map(|&i| segs[i].text(doc))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match args.format {
        AlignFormat::Json => {
            let v: Vec<_> = links
                .iter()
                .map(|l| {
                    serde_json::json!({
                        "type": l.kind(), "source": l.source, "target": l.target,
                        "source_text": join(&source, &ss, &l.source),
                        "target_text": join(&target, &ts, &l.target),
                        "score": (l.score * 100.0).round() / 100.0,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({"links": v}))?;
            writeln!(out)?;
        }
        AlignFormat::Tsv | AlignFormat::Human => {
            for l in &links {
                writeln!(
                    out,
                    "{}\t{:.2}\t{}\t{}",
                    l.kind(),
                    l.score,
                    join(&source, &ss, &l.source),
                    join(&target, &ts, &l.target)
                )?;
            }
        }
    }
    Ok(super::exit::CLEAN)
}
