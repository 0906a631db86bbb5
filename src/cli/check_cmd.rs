//! `transcheck check SOURCE TARGET`.

use crate::finding::Severity;
use anyhow::Result;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    pub source: PathBuf,
    pub target: PathBuf,
    /// Glossary file (.tsv, .csv, .toml, .tbx); repeatable.
    #[arg(long, short)]
    pub glossary: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: CheckFormat,
    #[arg(long, value_parser = super::parse_lang)]
    pub source_lang: Option<String>,
    #[arg(long, value_parser = super::parse_lang)]
    pub target_lang: Option<String>,
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// Each input line is one sentence.
    #[arg(long)]
    pub presegmented: bool,
}

pub fn run(args: CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8> {
    use crate::report::Report;
    let source = super::load(&args.source)?;
    let target = super::load(&args.target)?;
    let langs_hint = (
        args.source_lang.clone().unwrap_or_else(|| "pt".into()),
        args.target_lang.clone().unwrap_or_else(|| "en".into()),
    );
    let mut glossary = crate::glossary::Glossary::default();
    for g in &args.glossary {
        glossary.extend(crate::glossary::Glossary::load(
            g,
            &langs_hint.0,
            &langs_hint.1,
        )?);
    }
    for w in &glossary.warnings {
        writeln!(err, "warning: {w}")?;
    }
    let options = crate::pipeline::PairOptions {
        source_lang: args.source_lang.clone(),
        target_lang: args.target_lang.clone(),
        presegmented: args.presegmented,
        ..Default::default()
    };
    let result = crate::pipeline::check_pair(source, target, &glossary, &options);
    for n in &result.notices {
        writeln!(err, "warning: {n}")?;
    }
    match args.format {
        CheckFormat::Json => {
            crate::report::json::JsonReport.render(std::slice::from_ref(&result), out)?
        }
        CheckFormat::Human => {
            for f in &result.findings {
                writeln!(out, "{}[{}]: {}", f.severity, f.rule, f.message)?;
            }
        }
    }
    let failed = args
        .fail_on
        .threshold()
        .is_some_and(|t| result.findings.iter().any(|f| f.severity >= t));
    Ok(if failed {
        super::exit::FINDINGS
    } else {
        super::exit::CLEAN
    })
}
