//! Command-line interface: argument definitions and the `run` entry point.
//! Each subcommand lives in its own file.

mod align_cmd;
mod baseline_cmd;
mod check_cmd;
mod segment_cmd;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::process::ExitCode;

/// Translation quality assurance: align a source text with its translation
/// and check names, terms, numbers, quotes and omissions.
#[derive(Debug, Parser)]
#[command(name = "transcheck", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split a text into sentences.
    Segment(segment_cmd::SegmentArgs),
    /// Align the sentences of a source text and its translation.
    Align(align_cmd::AlignArgs),
    /// Align and check a source text and its translation, or every
    /// [[pair]] of the config when no files are given.
    Check(check_cmd::CheckArgs),
    /// Show the settings from transcheck.toml merged with the options.
    Config(check_cmd::ConfigCmdArgs),
    /// Work with baseline files (merge the shards of a batch).
    Baseline(baseline_cmd::BaselineArgs),
}

/// Process exit codes.
pub mod exit {
    /// No finding at or above `--fail-on`.
    pub const CLEAN: u8 = 0;
    /// A finding at or above `--fail-on`.
    pub const FINDINGS: u8 = 1;
    /// Usage, input or config error.
    pub const ERROR: u8 = 2;
}

/// Runs a parsed command line, writing results to `out` and diagnostics to `err`.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let result = match cli.command {
        Command::Segment(a) => segment_cmd::run(a, out, err),
        Command::Align(a) => align_cmd::run(a, out, err),
        Command::Check(a) => check_cmd::run(a, out, err),
        Command::Config(a) => check_cmd::run_config(a, out, err),
        Command::Baseline(a) => baseline_cmd::run(a, out, err),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // A closed pipe (`| head`) is not an error worth reporting.
            if let Some(io) = e.downcast_ref::<std::io::Error>()
                && io.kind() == std::io::ErrorKind::BrokenPipe
            {
                return ExitCode::from(exit::CLEAN);
            }
            // Messages name files from the repository: escaped like any output.
            let msg = crate::report::escape::terminal_lines(&format!("{e:#}"));
            let _ = writeln!(err, "error: {msg}");
            ExitCode::from(exit::ERROR)
        }
    }
}

/// Loads a document, turning input errors into messages that name the file.
pub(crate) fn load(path: &std::path::Path) -> anyhow::Result<crate::input::Document> {
    Ok(crate::input::Document::load(path)?)
}

/// [`load`] with a size cap in bytes.
pub(crate) fn load_limited(
    path: &std::path::Path,
    max: u64,
) -> anyhow::Result<crate::input::Document> {
    Ok(crate::input::Document::load_limited(path, max)?)
}

/// A warning when SOURCE and TARGET name the same file (as paths or links).
pub(crate) fn same_file_notice(
    source: &std::path::Path,
    target: &std::path::Path,
) -> Option<String> {
    let a = std::fs::canonicalize(source).ok()?;
    let b = std::fs::canonicalize(target).ok()?;
    (a == b).then(|| {
        format!(
            "{}: source and target are the same file; give the translation as TARGET",
            target.display()
        )
    })
}

/// Validates a `--*-lang` value.
pub(crate) fn parse_lang(s: &str) -> Result<String, String> {
    let s = s.to_ascii_lowercase();
    if crate::lang::is_iso639_1(&s) {
        Ok(s)
    } else {
        Err(format!("'{s}' is not an ISO 639-1 code such as pt or en"))
    }
}
