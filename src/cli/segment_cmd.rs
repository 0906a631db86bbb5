//! `transcheck segment FILE`.

use anyhow::Result;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SegmentFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// The text file to split.
    pub file: PathBuf,
    /// Language (ISO 639-1); detected when left out.
    #[arg(long, value_parser = super::parse_lang)]
    pub lang: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: SegmentFormat,
}

pub fn run(args: SegmentArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8> {
    let doc = super::load(&args.file)?;
    let mut notices = Vec::new();
    let lang = crate::pipeline::resolve_language(&doc, args.lang.as_deref(), "en", &mut notices);
    for n in notices {
        writeln!(err, "warning: {n}")?;
    }
    let profile = crate::profile::Profile::builtin(&lang);
    let segs = crate::segment::segment(&doc, &profile);
    match args.format {
        SegmentFormat::Text => {
            for s in &segs {
                writeln!(out, "{}:{}\t{}", s.line, s.column, s.text(&doc))?;
            }
        }
        SegmentFormat::Json => {
            let v: Vec<_> = segs
                .iter()
                .map(|s| {
                    serde_json::json!({
                        "start": s.start, "end": s.end, "line": s.line,
                        "column": s.column, "paragraph": s.paragraph, "text": s.text(&doc),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(
                &mut *out,
                &serde_json::json!({"language": lang, "segments": v}),
            )?;
            writeln!(out)?;
        }
    }
    Ok(super::exit::CLEAN)
}
