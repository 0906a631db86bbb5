//! `transcheck baseline merge A B… -o OUT`: joins the baselines written by
//! the shards of a batch into one file.

use anyhow::Result;
use clap::{Args, Subcommand};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct BaselineArgs {
    #[command(subcommand)]
    pub command: BaselineCommand,
}

#[derive(Debug, Subcommand)]
pub enum BaselineCommand {
    /// Join baselines written by separate shards (`--shard I/N
    /// --write-baseline part-I.json`) into one file.
    Merge {
        /// Baseline files to join.
        #[arg(required = true, value_name = "BASELINE")]
        parts: Vec<PathBuf>,
        /// The baseline to write (atomically; may be one of the parts).
        #[arg(long, short, value_name = "FILE")]
        output: PathBuf,
    },
}

pub fn run(args: BaselineArgs, _out: &mut dyn Write, err: &mut dyn Write) -> Result<u8> {
    match args.command {
        BaselineCommand::Merge { parts, output } => {
            let loaded = parts
                .iter()
                .map(|p| crate::baseline::load(p))
                .collect::<Result<Vec<_>>>()?;
            let merged = crate::baseline::merge(&loaded);
            crate::baseline::save(&output, &merged, &[])?;
            writeln!(
                err,
                "wrote {} finding(s) from {} baseline(s) to {}",
                merged.findings.len(),
                parts.len(),
                crate::report::escape::terminal(&output.display().to_string())
            )?;
            Ok(super::exit::CLEAN)
        }
    }
}
