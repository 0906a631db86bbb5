//! `transcheck check [SOURCE TARGET]` and `transcheck config --dump`:
//! settings merged from the CLI, `transcheck.toml` and defaults; single or
//! batch runs over the config's `[[pair]]` entries; baselines; reports.

use crate::config::{self, Config, FailOn};
use crate::finding::{Finding, Severity};
use crate::pipeline::PairResult;
use anyhow::{Context as _, Result, bail};
use clap::{Args, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Diff-style review for people.
    Human,
    /// The stable JSON shape for scripts.
    Json,
    /// SARIF 2.1.0 for code-scanning uploads.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// A unified diff applying every suggestion.
    Patch,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// Where settings come from.
#[derive(Debug, Clone, Args)]
pub struct ConfigArgs {
    /// Config file to use instead of the transcheck.toml found in the
    /// current folder or a parent.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any transcheck.toml.
    #[arg(long)]
    pub no_config: bool,
}

/// Settings the CLI can override.
#[derive(Debug, Clone, Args)]
pub struct Overrides {
    /// Glossary file (.tsv, .csv, .toml, .tbx) or a folder of them; repeatable; added to the config's.
    #[arg(long, short)]
    pub glossary: Vec<PathBuf>,
    /// Source language (ISO 639-1, such as pt); detected when left out.
    #[arg(long, value_parser = super::parse_lang)]
    pub source_lang: Option<String>,
    /// Target language (ISO 639-1, such as en); detected when left out.
    #[arg(long, value_parser = super::parse_lang)]
    pub target_lang: Option<String>,
    /// Exit 1 when a finding is at or above this severity [default: error].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Each input line is one sentence.
    #[arg(long)]
    pub presegmented: bool,
    /// Don't fall back to the built-in glossary when no glossary is given.
    #[arg(long)]
    pub no_builtin_glossary: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Source file; leave SOURCE and TARGET out to check every [[pair]] of the config.
    pub source: Option<PathBuf>,
    /// Target (translated) file.
    pub target: Option<PathBuf>,
    #[command(flatten)]
    pub overrides: Overrides,
    #[command(flatten)]
    pub config: ConfigArgs,
    #[arg(long, value_enum, default_value = "human")]
    pub format: CheckFormat,
    /// Show N aligned neighbouring links around each link with findings.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub context: usize,
    /// Show every link (a full side-by-side review).
    #[arg(long)]
    pub all: bool,
    /// Colour in the human report; `auto` honours NO_COLOR and non-terminals.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorWhen,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in FILE (written atomically) and exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Check only every N-th pair, starting at the I-th (1-based), such as 2/4.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,
}

#[derive(Debug, Args)]
pub struct ConfigCmdArgs {
    /// Print the merged settings (CLI, then config file, then defaults) as TOML.
    #[arg(long)]
    pub dump: bool,
    #[command(flatten)]
    pub overrides: Overrides,
    #[command(flatten)]
    pub config: ConfigArgs,
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let err = || format!("'{s}' is not a shard such as 1/4 (I from 1 to N)");
    let (i, n) = s.split_once('/').ok_or_else(err)?;
    let i: usize = i.trim().parse().map_err(|_| err())?;
    let n: usize = n.trim().parse().map_err(|_| err())?;
    if n == 0 || i == 0 || i > n {
        return Err(err());
    }
    Ok((i, n))
}

/// The settings of a run: merged config plus where it came from.
pub struct Settings {
    pub merged: Config,
    /// The config file read, if any.
    pub file: Option<config::Loaded>,
}

impl Settings {
    pub fn fail_on(&self) -> FailOn {
        self.merged.fail_on.unwrap_or_default()
    }
}

/// Merges CLI overrides, the config file and defaults.
pub fn settings(cargs: &ConfigArgs, o: &Overrides) -> Result<Settings> {
    let file = if cargs.no_config {
        None
    } else if let Some(p) = &cargs.config {
        Some(config::load(p)?)
    } else {
        let cwd = std::env::current_dir().context("cannot read the current folder")?;
        config::discover(&cwd)
            .map(|p| config::load(&p))
            .transpose()?
    };
    let mut merged = file.as_ref().map(|l| l.config.clone()).unwrap_or_default();
    if let Some(l) = &file {
        let base = l.base();
        merged.glossaries = merged.glossaries.iter().map(|g| base.join(g)).collect();
    }
    merged.glossaries.extend(o.glossary.iter().cloned());
    if o.source_lang.is_some() {
        merged.source_lang = o.source_lang.clone();
    }
    if o.target_lang.is_some() {
        merged.target_lang = o.target_lang.clone();
    }
    merged.fail_on = Some(o.fail_on.or(merged.fail_on).unwrap_or_default());
    merged.presegmented = Some(o.presegmented || merged.presegmented.unwrap_or(false));
    if o.no_builtin_glossary {
        merged.builtin_glossary = Some(false);
    }
    Ok(Settings { merged, file })
}

/// `transcheck config --dump`.
pub fn run_config(args: ConfigCmdArgs, out: &mut dyn Write, _err: &mut dyn Write) -> Result<u8> {
    if !args.dump {
        bail!("nothing to do; use `transcheck config --dump` to print the merged settings");
    }
    let s = settings(&args.config, &args.overrides)?;
    match &s.file {
        Some(l) => writeln!(out, "# merged with {}", l.path.display())?,
        None => writeln!(out, "# no config file; defaults and command-line options")?,
    }
    let text = toml::to_string(&s.merged).context("cannot print the settings as TOML")?;
    write!(out, "{text}")?;
    Ok(super::exit::CLEAN)
}

/// A missing counterpart: an `omission` finding on the source file.
fn missing_target(source: &Path, target: &Path, s: &Settings) -> Result<PairResult> {
    let source = super::load(source)?;
    let mut notices = Vec::new();
    let sl = crate::pipeline::resolve_language(
        &source,
        s.merged.source_lang.as_deref(),
        "pt",
        &mut notices,
    );
    let finding = Finding::new(
        "omission",
        Severity::Error,
        format!(
            "{}: no translation; the counterpart {} does not exist",
            source.display_path(),
            target.display()
        ),
    );
    let findings = match s.merged.rules.get("omission").map(|r| r.severity()) {
        Some(None) => Vec::new(),
        Some(Some(sev)) => vec![Finding {
            severity: sev,
            ..finding
        }],
        None => vec![finding],
    };
    Ok(PairResult {
        target: crate::input::Document::from_text(target, ""),
        source,
        source_lang: sl,
        target_lang: s.merged.target_lang.clone().unwrap_or_else(|| "en".into()),
        source_segments: Vec::new(),
        target_segments: Vec::new(),
        links: Vec::new(),
        views: Vec::new(),
        findings,
        notices,
        glossaries: Vec::new(),
    })
}

fn check_one(
    source: &Path,
    target: &Path,
    batch: bool,
    glossary: &crate::glossary::Glossary,
    options: &crate::pipeline::PairOptions,
    s: &Settings,
) -> Result<PairResult> {
    if batch && !target.exists() {
        return missing_target(source, target, s);
    }
    let src = super::load(source)?;
    let tgt = super::load(target)?;
    let mut r = crate::pipeline::check_pair(src, tgt, glossary, options);
    if let Some(n) = super::same_file_notice(source, target) {
        r.notices.insert(0, n);
    }
    Ok(r)
}

/// Drops findings whose target span or target sentences match an ignore pattern.
fn apply_ignores(results: &mut [PairResult], patterns: &[regex::Regex]) {
    if patterns.is_empty() {
        return;
    }
    for r in results {
        let views = &r.views;
        r.findings.retain(|f| {
            let Some(v) = f.link.and_then(|i| views.get(i)) else {
                return true;
            };
            let span = f
                .target_span
                .clone()
                .and_then(|sp| v.target.text.get(sp))
                .unwrap_or("");
            !patterns
                .iter()
                .any(|p| (!span.is_empty() && p.is_match(span)) || p.is_match(&v.target.text))
        });
    }
}

fn color_enabled(when: ColorWhen) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    }
}

fn width() -> usize {
    if std::io::stdout().is_terminal()
        && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size()
    {
        return usize::from(w).max(40);
    }
    100
}

pub fn run(args: CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8> {
    use crate::report::Report;
    let s = settings(&args.config, &args.overrides)?;
    let batch = args.source.is_none();
    let pairs: Vec<(PathBuf, PathBuf)> = match (&args.source, &args.target) {
        (Some(a), Some(b)) => vec![(a.clone(), b.clone())],
        (Some(_), None) => {
            bail!("give both SOURCE and TARGET, or neither to check the config's [[pair]] entries")
        }
        _ => {
            let Some(file) = &s.file else {
                bail!(
                    "no files given and no transcheck.toml found; give SOURCE TARGET, or add [[pair]] entries to a transcheck.toml"
                );
            };
            if s.merged.pairs.is_empty() {
                bail!(
                    "{}: no [[pair]] entries; give SOURCE TARGET, or add entries such as\n[[pair]]\nsource = \"content/pt/**/*.md\"\ntarget = \"content/en/{{path}}\"",
                    file.path.display()
                );
            }
            let cwd = std::env::current_dir().unwrap_or_default();
            // Paths under the current folder are shown relative to it, as
            // SARIF and annotations expect repository-relative paths.
            let rel = |p: PathBuf| p.strip_prefix(&cwd).map(Path::to_path_buf).unwrap_or(p);
            config::expand_pairs(file.base(), &s.merged.pairs)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.path.display()))?
                .into_iter()
                .map(|p| (rel(p.source), rel(p.target)))
                .collect()
        }
    };
    let pairs: Vec<_> = match args.shard {
        Some((i, n)) => pairs
            .into_iter()
            .enumerate()
            .filter(|(k, _)| k % n == i - 1)
            .map(|(_, p)| p)
            .collect(),
        None => pairs,
    };
    if batch && pairs.is_empty() && args.shard.is_none() {
        writeln!(err, "warning: the [[pair]] entries match no files")?;
    }

    let langs = (
        s.merged.source_lang.clone().unwrap_or_else(|| "pt".into()),
        s.merged.target_lang.clone().unwrap_or_else(|| "en".into()),
    );
    let mut glossary = crate::glossary::Glossary::default();
    for g in &s.merged.glossaries {
        glossary.extend(crate::glossary::Glossary::load(g, &langs.0, &langs.1)?);
    }
    for w in &glossary.warnings {
        writeln!(err, "warning: {w}")?;
    }
    let options = crate::pipeline::PairOptions {
        source_lang: s.merged.source_lang.clone(),
        target_lang: s.merged.target_lang.clone(),
        presegmented: s.merged.presegmented.unwrap_or(false),
        builtin_glossary: s.merged.builtin_glossary.unwrap_or(true),
        overrides: s
            .merged
            .rules
            .iter()
            .map(|(k, v)| (k.clone(), v.severity()))
            .collect(),
        ..Default::default()
    };

    let progress = (pairs.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let pb = indicatif::ProgressBar::new(pairs.len() as u64);
        pb.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        pb
    });
    let outcomes: Vec<Result<PairResult>> = {
        use rayon::prelude::*;
        pairs
            .par_iter()
            .map(|(a, b)| {
                let r = check_one(a, b, batch, &glossary, &options, &s);
                if let Some(pb) = &progress {
                    pb.inc(1);
                }
                r
            })
            .collect()
    };
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    let mut results = Vec::with_capacity(outcomes.len());
    for o in outcomes {
        results.push(o?);
    }
    for r in &results {
        for n in &r.notices {
            writeln!(err, "warning: {n}")?;
        }
    }

    let patterns = s
        .merged
        .ignore
        .iter()
        .map(|p| regex::Regex::new(p).with_context(|| format!("invalid ignore regex '{p}'")))
        .collect::<Result<Vec<_>>>()?;
    apply_ignores(&mut results, &patterns);
    // Recorded before --baseline filters, so rewriting a baseline keeps old entries.
    let new_baseline = args
        .write_baseline
        .as_ref()
        .map(|_| crate::baseline::from_results(&results));
    if let Some(b) = &args.baseline {
        let baseline = crate::baseline::load(b)?;
        let n = crate::baseline::filter(&mut results, &baseline);
        if n > 0 {
            writeln!(
                err,
                "note: {n} known finding(s) hidden by the baseline {}",
                b.display()
            )?;
        }
    }

    if args.format == CheckFormat::Patch {
        for r in &results {
            let changed = !crate::report::patch::edits(r).is_empty();
            let raw = std::fs::read(&r.target.path).unwrap_or_default();
            if changed && raw != r.target.text.as_bytes() {
                writeln!(
                    err,
                    "warning: {}: the patch is made against the normalised text (UTF-8, NFC, \\n line endings) and may not apply to this file as it is; convert it first (e.g. dos2unix)",
                    r.target.display_path()
                )?;
            }
        }
    }
    match args.format {
        CheckFormat::Json => crate::report::json::JsonReport.render(&results, out)?,
        CheckFormat::Sarif => crate::report::sarif::SarifReport.render(&results, out)?,
        CheckFormat::Github => crate::report::github::GithubReport.render(&results, out)?,
        CheckFormat::Patch => crate::report::patch::PatchReport.render(&results, out)?,
        CheckFormat::Human => crate::report::human::HumanReport {
            color: color_enabled(args.color),
            context: args.context,
            all: args.all,
            width: width(),
        }
        .render(&results, out)?,
    }

    if let (Some(path), Some(b)) = (&args.write_baseline, new_baseline) {
        crate::baseline::save(path, &b)?;
        writeln!(
            err,
            "wrote {} finding(s) to the baseline {}",
            b.findings.len(),
            path.display()
        )?;
        return Ok(super::exit::CLEAN);
    }
    let failed = s.fail_on().threshold().is_some_and(|t| {
        results
            .iter()
            .flat_map(|r| &r.findings)
            .any(|f| f.severity >= t)
    });
    Ok(if failed {
        super::exit::FINDINGS
    } else {
        super::exit::CLEAN
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_parses_and_rejects() {
        assert_eq!(parse_shard("2/4"), Ok((2, 4)));
        assert!(parse_shard("0/4").is_err());
        assert!(parse_shard("5/4").is_err());
        assert!(parse_shard("1/0").is_err());
        assert!(parse_shard("x").is_err());
    }
}
