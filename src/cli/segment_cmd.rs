//! `transcheck segment FILE`: prints the sentences of one file with their
//! place in it, as text (`line:column<TAB>sentence`) or JSON.

use anyhow::Result;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SegmentFormat {
    /// `line:column<TAB>sentence`, one sentence per line.
    Text,
    /// `{"language", "segments": [{start, end, line, column, paragraph, text}]}`.
    Json,
}

#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// The text file to split (UTF-8, or UTF-16 with a byte-order mark).
    pub file: PathBuf,
    /// Language (ISO 639-1, such as pt or en); detected when left out.
    #[arg(long, value_parser = super::parse_lang)]
    pub lang: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: SegmentFormat,
}

pub fn run(args: SegmentArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8> {
    let doc = crate::formats::prose_view(super::load(&args.file)?, None, &Default::default());
    let mut notices = Vec::new();
    let lang = crate::pipeline::resolve_language(&doc, args.lang.as_deref(), "en", &mut notices);
    for n in notices {
        writeln!(err, "warning: {}", crate::report::escape::terminal(&n))?;
    }
    let profile = crate::profile::Profile::builtin(&lang);
    let segs = crate::pipeline::segment_doc(&doc, &profile, false);
    let mut out = std::io::BufWriter::new(out);
    match args.format {
        SegmentFormat::Text => {
            for s in &segs {
                let text = one_line(s.text(&doc));
                let text = crate::report::escape::terminal(&text);
                writeln!(out, "{}:{}\t{text}", s.line, s.column)?;
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
            crate::report::escape::write_json(
                &mut out,
                &serde_json::json!({"language": lang, "segments": v}),
            )?;
        }
    }
    out.flush()?;
    Ok(super::exit::CLEAN)
}

/// A sentence on one output line: line breaks and tabs inside it become spaces.
fn one_line(s: &str) -> String {
    s.split(['\n', '\t', '\u{2028}', '\u{2029}', '\u{85}'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_joins_wrapped_lines() {
        assert_eq!(one_line("a\n  b\tc"), "a b c");
        assert_eq!(one_line("x"), "x");
    }
}
