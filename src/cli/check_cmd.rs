//! `transcheck check [SOURCE TARGET]` and `transcheck config --dump`:
//! settings merged from the CLI, `transcheck.toml` and defaults; single or
//! batch runs over the config's `[[pair]]` entries; baselines; reports.

use crate::config::{self, Config, FailOn};
use crate::finding::{Finding, Severity};
use crate::pipeline::PairResult;
use crate::report::escape;
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
    /// One line per finding: `file:line:col: severity[rule]: message`.
    Short,
    /// A self-contained review page for a browser.
    Html,
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
    /// Bilingual lexicon (.tsv, the format of glossaries/lexicon/pt-en.tsv)
    /// or a folder of them; repeatable; added to the config's and layered
    /// over the built-in one.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Leave out the built-in lexicon.
    #[arg(long)]
    pub no_builtin_lexicon: bool,
    /// Disregard `transcheck-ignore` lines in the target, so a pull request
    /// cannot silence its own findings.
    #[arg(long)]
    pub no_inline_ignore: bool,
    /// Set a rule's severity or turn it off, as in the config's [rules]
    /// (RULE=off|info|warning|error); repeatable; wins over --only and the config.
    #[arg(long = "rule", value_name = "RULE=LEVEL", value_parser = parse_rule_setting)]
    pub rule: Vec<(String, config::RuleSetting)>,
    /// Run only these rules (comma-separated); every other rule is off.
    #[arg(long, value_name = "RULE,...", value_delimiter = ',', value_parser = parse_rule_id)]
    pub only: Vec<String>,
}

fn parse_rule_id(s: &str) -> Result<String, String> {
    let s = s.trim();
    let known = config::known_rules();
    if known.contains(&s) {
        Ok(s.to_string())
    } else {
        Err(format!(
            "unknown rule '{s}'; known rules: {}",
            known.join(", ")
        ))
    }
}

fn parse_rule_setting(s: &str) -> Result<(String, config::RuleSetting), String> {
    use config::RuleSetting::*;
    let (rule, level) = s
        .split_once('=')
        .ok_or_else(|| format!("'{s}' is not RULE=LEVEL, such as length=off or url=warning"))?;
    let level = match level.trim() {
        "off" => Off,
        "info" => Info,
        "warning" => Warning,
        "error" => Error,
        other => {
            return Err(format!(
                "'{other}' is not a level; use off, info, warning or error"
            ));
        }
    };
    Ok((parse_rule_id(rule)?, level))
}

/// Applies `--only` and then `--rule` to the config's [rules].
fn apply_rule_flags(
    rules: &mut std::collections::BTreeMap<String, config::RuleSetting>,
    o: &Overrides,
) {
    if !o.only.is_empty() {
        for id in config::known_rules() {
            if o.only.iter().any(|k| k == id) {
                // Asked for by name: back to its default when the config had it off.
                if rules.get(id) == Some(&config::RuleSetting::Off) {
                    rules.remove(id);
                }
            } else {
                rules.insert(id.to_string(), config::RuleSetting::Off);
            }
        }
    }
    for (id, level) in &o.rule {
        rules.insert(id.clone(), *level);
    }
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
    /// Write the report to FILE instead of standard output; given a folder,
    /// write `transcheck.<format>` in it (a batch is one HTML page with a
    /// section per pair).
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// How input files are read.
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// Read the inputs as this format instead of detecting it from the
    /// extension and content.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<crate::formats::Format>,
    /// Check PO entries marked fuzzy too.
    #[arg(long)]
    pub include_fuzzy: bool,
    /// Check XLIFF units in every state, not only translated, final and signed-off.
    #[arg(long)]
    pub all_states: bool,
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
    /// Config files found but not used, and why.
    pub warnings: Vec<String>,
}

impl Settings {
    pub fn fail_on(&self) -> FailOn {
        self.merged.fail_on.unwrap_or_default()
    }
}

/// Merges CLI overrides, the config file and defaults.
pub fn settings(cargs: &ConfigArgs, o: &Overrides) -> Result<Settings> {
    let mut warnings = Vec::new();
    let file = if cargs.no_config {
        None
    } else if let Some(p) = &cargs.config {
        Some(config::load(p)?)
    } else {
        let cwd = std::env::current_dir().context("cannot read the current folder")?;
        let found = config::discover(&cwd);
        warnings = found.warnings;
        found.path.map(|p| config::load(&p)).transpose()?
    };
    let mut merged = file.as_ref().map(|l| l.config.clone()).unwrap_or_default();
    if let Some(l) = &file {
        let base = l.base();
        merged.glossaries = merged.glossaries.iter().map(|g| base.join(g)).collect();
        let allow = merged.allow_outside.unwrap_or(false);
        for g in &merged.glossaries {
            config::check_inside(base, g, allow)
                .map_err(|e| anyhow::anyhow!("{}: glossary {e}", l.path.display()))?;
        }
        merged.lexicons = merged.lexicons.iter().map(|g| base.join(g)).collect();
        for g in &merged.lexicons {
            config::check_inside(base, g, allow)
                .map_err(|e| anyhow::anyhow!("{}: lexicon {e}", l.path.display()))?;
        }
    }
    merged.glossaries.extend(o.glossary.iter().cloned());
    merged.lexicons.extend(o.lexicon.iter().cloned());
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
    if o.no_builtin_lexicon {
        merged.builtin_lexicon = Some(false);
    }
    if o.no_inline_ignore {
        merged.inline_ignore = Some(false);
    }
    apply_rule_flags(&mut merged.rules, o);
    Ok(Settings {
        merged,
        file,
        warnings,
    })
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

/// One pair to check: the files to read and the paths every output shows.
struct Job {
    source: PathBuf,
    target: PathBuf,
    shown_source: PathBuf,
    shown_target: PathBuf,
}

impl Job {
    fn explicit(source: &Path, target: &Path) -> Job {
        Job {
            source: source.to_path_buf(),
            target: target.to_path_buf(),
            shown_source: source.to_path_buf(),
            shown_target: target.to_path_buf(),
        }
    }
}

/// A missing counterpart: an `omission` finding on the source file.
fn missing_target(job: &Job, s: &Settings) -> Result<PairResult> {
    let mut source = super::load_limited(&job.source, s.merged.max_file_size())?;
    source.path = job.shown_source.clone();
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
            job.shown_target.display()
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
        findings,
        notices,
        source_lang: sl,
        ..empty_result(job, s)
    })
}

/// A pair with no text, for pairs that could not be read.
fn empty_result(job: &Job, s: &Settings) -> PairResult {
    PairResult {
        source: crate::input::Document::from_text(&job.shown_source, ""),
        target: crate::input::Document::from_text(&job.shown_target, ""),
        source_lang: s.merged.source_lang.clone().unwrap_or_else(|| "pt".into()),
        target_lang: s.merged.target_lang.clone().unwrap_or_else(|| "en".into()),
        source_segments: Vec::new(),
        target_segments: Vec::new(),
        links: Vec::new(),
        views: Vec::new(),
        findings: Vec::new(),
        notices: Vec::new(),
        glossaries: Vec::new(),
        lexicons: Vec::new(),
        suppressed: Vec::new(),
    }
}

/// A pair of a batch that could not be read (empty, binary, too large…):
/// an `input-error` finding, so the rest of the batch is still checked.
fn input_error(job: &Job, s: &Settings, e: &anyhow::Error) -> PairResult {
    PairResult {
        findings: vec![Finding::new(
            crate::input::INPUT_ERROR_RULE,
            Severity::Error,
            format!("{e:#}"),
        )],
        ..empty_result(job, s)
    }
}

/// Runs one bilingual file, or a pair of catalogues; `None` for plain pairs.
fn check_structured(
    src: &crate::input::Document,
    target: Option<&Path>,
    read: &ReadArgs,
    glossary: &crate::glossary::Glossary,
    options: &crate::pipeline::PairOptions,
) -> Result<Option<PairResult>> {
    use crate::formats::{self, Format};
    let format = read
        .input_format
        .unwrap_or_else(|| Format::detect(&src.path, &src.text));
    let opts = formats::ReadOptions {
        include_fuzzy: read.include_fuzzy,
        all_states: read.all_states,
        source_lang: options.source_lang.clone(),
        target_lang: options.target_lang.clone(),
    };
    let bi = match (target, format) {
        (None, f) if f.is_bilingual() => formats::read(f, src.clone(), &opts)?,
        // A [[pair]] whose target is its source file: one bilingual file.
        (Some(t), f) if f.is_bilingual() && t == src.path => formats::read(f, src.clone(), &opts)?,
        (None, f) => bail!(
            "{}: one file given, but it reads as {}, which holds one language; give SOURCE and TARGET (or --input-format po|xliff|tmx|csv)",
            src.display_path(),
            f.label()
        ),
        (Some(t), f) if f.is_catalogue() => {
            formats::read_pair(f, src.clone(), super::load(t)?, &opts)?
        }
        (Some(_), f) if f.is_bilingual() => bail!(
            "{}: a {} file holds both languages; give it alone: transcheck check {}",
            src.display_path(),
            f.label(),
            src.display_path()
        ),
        _ => return Ok(None),
    };
    Ok(Some(crate::pipeline::check_bilingual(
        bi, glossary, options,
    )))
}

#[allow(clippy::too_many_arguments)]
fn check_one(
    job: &Job,
    batch: bool,
    single: bool,
    read: &ReadArgs,
    glossary: &crate::glossary::Glossary,
    options: &crate::pipeline::PairOptions,
    s: &Settings,
) -> Result<PairResult> {
    if batch && !job.target.exists() && std::fs::symlink_metadata(&job.target).is_err() {
        return missing_target(job, s);
    }
    let max = s.merged.max_file_size();
    let mut src = super::load_limited(&job.source, max)?;
    src.path = job.shown_source.clone();
    let target_path = (!single).then_some(job.target.as_path());
    if let Some(r) = check_structured(&src, target_path, read, glossary, options)? {
        return Ok(r);
    }
    let mut tgt = super::load_limited(&job.target, max)?;
    tgt.path = job.shown_target.clone();
    // A forced marked-up format is read here; check_pair keeps a prose view.
    let (src, tgt) = match read.input_format.and_then(crate::formats::Format::markup) {
        Some(m) => (
            crate::formats::prose_view(src, Some(m), &options.read),
            crate::formats::prose_view(tgt, Some(m), &options.read),
        ),
        None => (src, tgt),
    };
    let mut r = crate::pipeline::check_pair(src, tgt, glossary, options);
    if let Some(n) = super::same_file_notice(&job.source, &job.target) {
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

/// The glossaries of a run as the HTML header names them.
fn glossary_names(s: &Settings) -> Vec<String> {
    if s.merged.glossaries.is_empty() {
        if s.merged.builtin_glossary.unwrap_or(true) {
            return vec!["built-in for the language pair".into()];
        }
        return Vec::new();
    }
    s.merged
        .glossaries
        .iter()
        .map(|g| g.display().to_string())
        .collect()
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

/// transcheck never modifies an input file, even when told to write there.
fn refuse_input_as_output(path: &Path, inputs: &[&Path]) -> Result<()> {
    let Ok(out) = std::fs::canonicalize(path) else {
        return Ok(());
    };
    for input in inputs {
        if std::fs::canonicalize(input).is_ok_and(|i| i == out) {
            bail!(
                "{}: is an input file; give --output another file or a folder",
                path.display()
            );
        }
    }
    Ok(())
}

/// Writes a report to a file (atomically), or into a folder as
/// `transcheck.<ext>`; returns the file written.
fn write_output(path: &Path, format: CheckFormat, bytes: &[u8]) -> Result<PathBuf> {
    let file = if path.is_dir() {
        let ext = match format {
            CheckFormat::Human | CheckFormat::Short => "txt",
            CheckFormat::Json => "json",
            CheckFormat::Sarif => "sarif",
            CheckFormat::Github => "log",
            CheckFormat::Patch => "patch",
            CheckFormat::Html => "html",
        };
        path.join(format!("transcheck.{ext}"))
    } else {
        path.to_path_buf()
    };
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let write = || -> std::io::Result<()> {
        let mut builder = tempfile::Builder::new();
        // A report is for reading by others (a CI artefact), unlike a secret temp file.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
        let mut tmp = builder.tempfile_in(&dir)?;
        tmp.write_all(bytes)?;
        tmp.persist(&file).map_err(|e| e.error)?;
        Ok(())
    };
    write().with_context(|| {
        format!(
            "cannot write the report to {}; check that its folder exists and is writable",
            file.display()
        )
    })?;
    Ok(file)
}

/// The pairs to check: SOURCE TARGET, one bilingual SOURCE, or the
/// config's `[[pair]]` entries (this shard of them).
fn jobs(args: &CheckArgs, s: &Settings, err: &mut dyn Write) -> Result<Vec<Job>> {
    let explicit = match (&args.source, &args.target) {
        (Some(a), Some(b)) => Some(Job::explicit(a, b)),
        // One bilingual file (PO, XLIFF, TMX, CSV).
        (Some(a), None) => Some(Job::explicit(a, a)),
        _ => None,
    };
    if let Some(job) = explicit {
        if args.shard.is_some() {
            bail!("--shard splits the config's [[pair]] entries; leave it out when giving files");
        }
        return Ok(vec![job]);
    }
    let jobs = {
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
        let ex = config::expand_pairs(
            file.base(),
            &s.merged.pairs,
            s.merged.allow_outside.unwrap_or(false),
        )
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.path.display()))?;
        for w in &ex.warnings {
            writeln!(err, "warning: {}", escape::terminal_lines(w))?;
        }
        ex.pairs
            .into_iter()
            .map(|p| Job {
                source: p.source,
                target: p.target,
                shown_source: p.shown_source,
                shown_target: p.shown_target,
            })
            .collect::<Vec<_>>()
    };
    Ok(match args.shard {
        Some((i, n)) => jobs
            .into_iter()
            .enumerate()
            .filter(|(k, _)| k % n == i - 1)
            .map(|(_, p)| p)
            .collect(),
        None => jobs,
    })
}

pub fn run(args: CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8> {
    let s = settings(&args.config, &args.overrides)?;
    announce_settings(&args, &s, err)?;
    let batch = args.source.is_none();
    let pairs = jobs(&args, &s, err)?;
    // Freeing a large glossary term by term costs more than checking an
    // article with it, and the process ends after the run.
    let glossary = std::mem::ManuallyDrop::new(load_glossary(&s, err)?);
    let mut options = pair_options(&s);
    options.lexicons = load_lexicons(&s)?;
    // A large user lexicon, like a large glossary, is not freed word by word.
    let options = std::mem::ManuallyDrop::new(options);
    let outcomes = check_all(&args, &pairs, batch, &glossary, &options, &s);
    let (mut results, unreadable) = collect(&pairs, outcomes, batch, &s, err)?;

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
        hide_known(b, &mut results, err)?;
    }
    if args.format == CheckFormat::Patch {
        warn_unpatchable(&results, &pairs, &s, err)?;
    }
    // With --output, the report goes to a buffer written to the file after.
    let mut buffer = Vec::new();
    let sink: &mut dyn Write = if args.output.is_some() {
        &mut buffer
    } else {
        out
    };
    render(&args, &s, &results, sink, err)?;
    // Every file the run read: nothing is ever written over one of them.
    let mut inputs: Vec<&Path> = Vec::new();
    for j in &pairs {
        inputs.push(&j.source);
        inputs.push(&j.target);
    }
    inputs.extend(s.merged.glossaries.iter().map(PathBuf::as_path));
    inputs.extend(s.merged.lexicons.iter().map(PathBuf::as_path));
    inputs.extend(s.file.iter().map(|l| l.path.as_path()));
    if let Some(path) = &args.output {
        refuse_input_as_output(path, &inputs)?;
        let written = write_output(path, args.format, &buffer)?;
        writeln!(
            err,
            "wrote the report to {}",
            escape::terminal(&written.display().to_string())
        )?;
    }

    if let (Some(path), Some(b)) = (&args.write_baseline, new_baseline) {
        if args.shard.is_some() {
            // Shards share one file: each replaces only its own entries.
            let files = results.iter().map(|r| r.target.display_path()).collect();
            crate::baseline::save_shard(path, &b, &files, &inputs)?;
        } else {
            crate::baseline::save(path, &b, &inputs)?;
        }
        writeln!(
            err,
            "wrote {} finding(s) to the baseline {}",
            b.findings.len(),
            escape::terminal(&path.display().to_string())
        )?;
        return Ok(if unreadable > 0 {
            super::exit::ERROR
        } else {
            super::exit::CLEAN
        });
    }
    Ok(exit_code(&s, &results, unreadable))
}

/// 2 when a pair of a batch could not be read (an input error, whatever
/// `--fail-on` says: a bad file never gives a green run), 1 when a finding
/// is at or above `--fail-on`, else 0.
fn exit_code(s: &Settings, results: &[PairResult], unreadable: usize) -> u8 {
    if unreadable > 0 {
        return super::exit::ERROR;
    }
    let failed = s.fail_on().threshold().is_some_and(|t| {
        results
            .iter()
            .flat_map(|r| &r.findings)
            .any(|f| f.severity >= t)
    });
    if failed {
        super::exit::FINDINGS
    } else {
        super::exit::CLEAN
    }
}

/// Drops the findings recorded in the baseline file `b`.
fn hide_known(b: &Path, results: &mut [PairResult], err: &mut dyn Write) -> Result<()> {
    let baseline = crate::baseline::load(b)?;
    let n = crate::baseline::filter(results, &baseline);
    if n > 0 {
        writeln!(
            err,
            "note: {n} known finding(s) hidden by the baseline {}",
            escape::terminal(&b.display().to_string())
        )?;
    }
    Ok(())
}

/// Warnings about config files, and which one is used (human format).
fn announce_settings(args: &CheckArgs, s: &Settings, err: &mut dyn Write) -> Result<()> {
    for w in &s.warnings {
        writeln!(err, "warning: {}", escape::terminal_lines(w))?;
    }
    if args.format == CheckFormat::Human
        && let Some(l) = &s.file
    {
        writeln!(
            err,
            "note: using the config {}",
            escape::terminal(&l.path.display().to_string())
        )?;
    }
    Ok(())
}

/// The run's glossaries (config's, then `--glossary`), read once.
fn load_glossary(s: &Settings, err: &mut dyn Write) -> Result<crate::glossary::Glossary> {
    let langs = (
        s.merged.source_lang.clone().unwrap_or_else(|| "pt".into()),
        s.merged.target_lang.clone().unwrap_or_else(|| "en".into()),
    );
    let mut glossary = crate::glossary::Glossary::default();
    for g in &s.merged.glossaries {
        glossary.extend(crate::glossary::Glossary::load(g, &langs.0, &langs.1)?);
    }
    for w in &glossary.warnings {
        writeln!(err, "warning: {}", escape::terminal_lines(w))?;
    }
    // Languages known before any file is read: layer over the built-in
    // glossary once, moving the terms rather than copying them.
    if let (Some(sl), Some(tl)) = (&s.merged.source_lang, &s.merged.target_lang)
        && s.merged.builtin_glossary.unwrap_or(true)
    {
        glossary = glossary.into_layered(sl, tl);
    }
    Ok(glossary)
}

/// The run's lexicons (config's, then `--lexicon`), read and checked once.
fn load_lexicons(s: &Settings) -> Result<crate::lexicon::Lexicons> {
    let builtin = s.merged.builtin_lexicon.unwrap_or(true);
    Ok(crate::lexicon::Lexicons::load(&s.merged.lexicons, builtin)?)
}

/// How every pair of the run is checked.
fn pair_options(s: &Settings) -> crate::pipeline::PairOptions {
    crate::pipeline::PairOptions {
        source_lang: s.merged.source_lang.clone(),
        target_lang: s.merged.target_lang.clone(),
        presegmented: s.merged.presegmented.unwrap_or(false),
        builtin_glossary: s.merged.builtin_glossary.unwrap_or(true),
        no_inline_ignore: !s.merged.inline_ignore.unwrap_or(true),
        overrides: s
            .merged
            .rules
            .iter()
            .map(|(k, v)| (k.clone(), v.severity()))
            .collect(),
        read: crate::formats::ProseOptions {
            front_matter_keys: s.merged.front_matter_keys.clone(),
        },
        url_map: s
            .merged
            .url_map
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        ..Default::default()
    }
}

/// Checks every pair, in parallel, with a progress bar on a terminal.
fn check_all(
    args: &CheckArgs,
    pairs: &[Job],
    batch: bool,
    glossary: &crate::glossary::Glossary,
    options: &crate::pipeline::PairOptions,
    s: &Settings,
) -> Vec<Result<PairResult>> {
    use rayon::prelude::*;
    let progress = (pairs.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let pb = indicatif::ProgressBar::new(pairs.len() as u64);
        pb.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        pb
    });
    let outcomes = pairs
        .par_iter()
        .map(|job| {
            let single = !batch && args.target.is_none();
            let r = check_one(job, batch, single, &args.read, glossary, options, s);
            if let Some(pb) = &progress {
                pb.inc(1);
            }
            r
        })
        .collect();
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    outcomes
}

/// The results of a run and how many pairs could not be read; in a batch
/// an unreadable pair becomes an `input-error` finding. Prints the notices.
fn collect(
    pairs: &[Job],
    outcomes: Vec<Result<PairResult>>,
    batch: bool,
    s: &Settings,
    err: &mut dyn Write,
) -> Result<(Vec<PairResult>, usize)> {
    let mut results = Vec::with_capacity(outcomes.len());
    let mut unreadable = 0;
    for (job, o) in pairs.iter().zip(outcomes) {
        match o {
            Ok(r) => results.push(r),
            // One bad file does not sink a batch: it becomes a finding.
            Err(e) if batch => {
                unreadable += 1;
                writeln!(err, "error: {}", escape::terminal_lines(&format!("{e:#}")))?;
                results.push(input_error(job, s, &e));
            }
            Err(e) => return Err(e),
        }
    }
    if unreadable > 0 && unreadable == pairs.len() {
        bail!("none of the {unreadable} pair(s) could be read; see the errors above");
    }
    for r in &results {
        for n in &r.notices {
            writeln!(err, "warning: {}", escape::terminal_lines(n))?;
        }
    }
    Ok((results, unreadable))
}

/// Warns when a patch is made against text that differs from the file.
fn warn_unpatchable(
    results: &[PairResult],
    pairs: &[Job],
    s: &Settings,
    err: &mut dyn Write,
) -> Result<()> {
    for (r, job) in results.iter().zip(pairs) {
        let (file, e) = crate::report::patch::file_edits(r);
        let real = if file.path == r.target.path {
            &job.target
        } else {
            &job.source
        };
        let max = s.merged.max_file_size();
        let raw = crate::input::read_limited(real, max).unwrap_or_default();
        if !e.is_empty() && raw != file.text.as_bytes() {
            writeln!(
                err,
                "warning: {}: the patch is made against the normalised text (UTF-8, NFC, \\n line endings) and may not apply to this file as it is; convert it first (e.g. dos2unix)",
                escape::terminal(&file.display_path())
            )?;
        }
    }
    Ok(())
}

/// Writes the report in the chosen format.
fn render(
    args: &CheckArgs,
    s: &Settings,
    results: &[PairResult],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    use crate::report::Report;
    let rendered = match args.format {
        CheckFormat::Json => crate::report::json::JsonReport.render(results, out),
        CheckFormat::Sarif => crate::report::sarif::SarifReport.render(results, out),
        CheckFormat::Github => crate::report::github::GithubReport.render(results, out),
        CheckFormat::Patch => crate::report::patch::PatchReport.render(results, out),
        CheckFormat::Short => crate::report::short::ShortReport.render(results, out),
        CheckFormat::Html => crate::report::html::HtmlReport {
            glossaries: glossary_names(s),
        }
        .render(results, out),
        CheckFormat::Human => crate::report::human::HumanReport {
            color: color_enabled(args.color),
            context: args.context,
            all: args.all,
            width: width(),
        }
        .render(results, out),
    }
    .and_then(|()| out.flush());
    // A reader that stops early (`| head`) must not turn the result green
    // or keep the baseline from being written.
    match rendered {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            let _ = writeln!(
                err,
                "note: the output was closed before the report was complete; the exit code still counts every finding"
            );
            Ok(())
        }
        Err(e) => Err(e).context("cannot write the report"),
        Ok(()) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_flags_parse_and_reject() {
        use config::RuleSetting;
        assert_eq!(
            parse_rule_setting("length=off"),
            Ok(("length".into(), RuleSetting::Off))
        );
        assert_eq!(
            parse_rule_setting("url=warning"),
            Ok(("url".into(), RuleSetting::Warning))
        );
        assert!(parse_rule_setting("length").is_err());
        assert!(
            parse_rule_setting("lenght=off")
                .unwrap_err()
                .contains("known rules")
        );
        assert!(parse_rule_setting("length=fatal").is_err());
        assert!(parse_rule_id("number").is_ok());
    }

    #[test]
    fn only_turns_the_others_off_and_rule_wins() {
        use config::RuleSetting;
        let o = Overrides::parse_from(["x", "--only", "number,name", "--rule", "url=info"]);
        let mut rules = std::collections::BTreeMap::new();
        rules.insert("number".to_string(), RuleSetting::Off);
        apply_rule_flags(&mut rules, &o);
        assert_eq!(
            rules.get("number"),
            None,
            "named by --only: back to its default"
        );
        assert_eq!(rules.get("name"), None);
        assert_eq!(rules["glossary"], RuleSetting::Off);
        assert_eq!(rules["url"], RuleSetting::Info);
    }

    #[derive(clap::Parser)]
    struct OverridesOnly {
        #[command(flatten)]
        o: Overrides,
    }

    impl Overrides {
        fn parse_from(args: [&str; 5]) -> Overrides {
            use clap::Parser;
            OverridesOnly::parse_from(args).o
        }
    }

    #[test]
    fn shard_parses_and_rejects() {
        assert_eq!(parse_shard("2/4"), Ok((2, 4)));
        assert!(parse_shard("0/4").is_err());
        assert!(parse_shard("5/4").is_err());
        assert!(parse_shard("1/0").is_err());
        assert!(parse_shard("x").is_err());
    }
}
