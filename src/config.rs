//! The `transcheck.toml` configuration file: discovery (current folder or a
//! parent), parsing with unknown keys rejected, `[[pair]]` globs expanded to
//! file pairs, and the merged settings the check command runs with.

use crate::finding::Severity;
use globset::{Glob, GlobMatcher};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file name looked for in the current folder and its parents.
pub const FILE_NAME: &str = "transcheck.toml";

/// Why a config file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// When the command fails (exit code 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum, Default)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The lowest severity that fails the run; `None` never fails.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// A rule's setting in `[rules]`: a severity or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSetting {
    Off,
    Info,
    Warning,
    Error,
}

impl RuleSetting {
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleSetting::Off => None,
            RuleSetting::Info => Some(Severity::Info),
            RuleSetting::Warning => Some(Severity::Warning),
            RuleSetting::Error => Some(Severity::Error),
        }
    }
}

/// One `[[pair]]` entry: source files by glob, and the target path template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairSpec {
    /// Glob relative to the config file, such as `content/pt/**/*.md`.
    pub source: String,
    /// Template: `{path}` (path under the glob's literal prefix), `{dir}`,
    /// `{name}` (file name) and `{stem}` (file name without extension).
    pub target: String,
}

/// The settings of a `transcheck.toml`, or the merged settings of a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Glossary files, relative to the config file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossaries: Vec<PathBuf>,
    #[serde(
        default,
        alias = "source_lang",
        skip_serializing_if = "Option::is_none"
    )]
    pub source_lang: Option<String>,
    #[serde(
        default,
        alias = "target_lang",
        skip_serializing_if = "Option::is_none"
    )]
    pub target_lang: Option<String>,
    #[serde(default, alias = "fail_on", skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<FailOn>,
    /// Inputs hold one sentence per line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presegmented: Option<bool>,
    /// Use the shipped glossary for the language pair when no glossary is
    /// given (default true).
    #[serde(
        default,
        alias = "builtin_glossary",
        skip_serializing_if = "Option::is_none"
    )]
    pub builtin_glossary: Option<bool>,
    /// Bilingual lexicon files (or folders of them), relative to the
    /// config file, layered over the shipped lexicon.
    #[serde(default, alias = "lexicon", skip_serializing_if = "Vec::is_empty")]
    pub lexicons: Vec<PathBuf>,
    /// Use the shipped lexicon for the language pair (default true).
    #[serde(
        default,
        alias = "builtin_lexicon",
        skip_serializing_if = "Option::is_none"
    )]
    pub builtin_lexicon: Option<bool>,
    /// Honour `transcheck-ignore` lines in the target (default true);
    /// `--no-inline-ignore` sets it false for untrusted pull requests.
    #[serde(
        default,
        alias = "inline_ignore",
        skip_serializing_if = "Option::is_none"
    )]
    pub inline_ignore: Option<bool>,
    /// Regexes on the target text: findings whose target span or sentence
    /// matches are dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    /// Severity per rule id, or `off`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, RuleSetting>,
    /// Let `[[pair]]` patterns reach files outside the config's folder
    /// (default false). `.git/` is never read either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_outside: Option<bool>,
    /// Largest file read (inputs, glossaries, baselines): bytes, or a
    /// number with K, M or G (binary units), such as "64M".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_file_size: Option<ByteSize>,
    /// Localised URLs: a source URL or email prefix and the target prefix it
    /// becomes (`"example.com.br/contato" = "example.com/contact"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub url_map: BTreeMap<String, String>,
    #[serde(default, rename = "pair", skip_serializing_if = "Vec::is_empty")]
    pub pairs: Vec<PairSpec>,
    /// Front-matter keys of Markdown files whose values are translated text
    /// (default: title, description, summary, …); other keys must be equal.
    #[serde(
        default,
        alias = "front_matter_keys",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub front_matter_keys: Vec<String>,
}

/// A size in bytes, written as a number or a string such as `"64M"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ByteSizeRepr", into = "ByteSizeRepr")]
pub struct ByteSize(pub u64);

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
enum ByteSizeRepr {
    Int(u64),
    Text(String),
}

impl TryFrom<ByteSizeRepr> for ByteSize {
    type Error = String;
    fn try_from(r: ByteSizeRepr) -> Result<ByteSize, String> {
        match r {
            ByteSizeRepr::Int(n) => Ok(ByteSize(n)),
            ByteSizeRepr::Text(t) => parse_size(&t).map(ByteSize).ok_or_else(|| {
                format!("'{t}' is not a size such as 1048576, \"512K\", \"64M\" or \"1G\"")
            }),
        }
    }
}

impl From<ByteSize> for ByteSizeRepr {
    fn from(b: ByteSize) -> ByteSizeRepr {
        ByteSizeRepr::Int(b.0)
    }
}

fn parse_size(t: &str) -> Option<u64> {
    let t = t.trim();
    let t = t
        .strip_suffix("iB")
        .or_else(|| t.strip_suffix('B'))
        .unwrap_or(t);
    let (num, mult) = match t.chars().last()? {
        'k' | 'K' => (&t[..t.len() - 1], 1u64 << 10),
        'm' | 'M' => (&t[..t.len() - 1], 1 << 20),
        'g' | 'G' => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    num.trim().parse::<u64>().ok()?.checked_mul(mult)
}

impl Config {
    /// The size cap of every file read, from `max-file-size` or the default.
    pub fn max_file_size(&self) -> u64 {
        self.max_file_size
            .map_or(crate::input::DEFAULT_MAX_FILE_SIZE, |b| b.0)
    }
}

/// A config file that was read, with the folder its relative paths start from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub config: Config,
}

impl Loaded {
    /// The folder holding the config file.
    pub fn base(&self) -> &Path {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        }
    }
}

/// The outcome of looking for a config file.
#[derive(Debug, Default)]
pub struct Discovery {
    pub path: Option<PathBuf>,
    /// Config files found but not used, and why.
    pub warnings: Vec<String>,
}

/// Looks for `transcheck.toml` in `start` and its parents, stopping at the
/// repository root (the folder holding `.git`) or the home folder, so a
/// file planted higher up (in `/tmp`, say) is never obeyed. A config not
/// owned by the user in a world-writable place is skipped with a warning.
pub fn discover(start: &Path) -> Discovery {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let mut d = Discovery::default();
    for dir in start.ancestors() {
        let p = dir.join(FILE_NAME);
        if p.is_file() {
            match untrusted(&p) {
                Some(why) => d.warnings.push(format!(
                    "{}: ignored, because {why}; pass it with --config if you trust it",
                    p.display()
                )),
                None => {
                    d.path = Some(p);
                    return d;
                }
            }
        }
        let is_home = home.as_deref().is_some_and(|h| same_dir(h, dir));
        if dir.join(".git").exists() || is_home {
            break;
        }
    }
    d
}

fn same_dir(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
}

/// Why a config file found by discovery must not be trusted: someone other
/// than the user owns it and anyone may write it or its folder.
#[cfg(unix)]
fn untrusted(p: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(p).ok()?;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if meta.uid() == me {
        return None;
    }
    let world_writable = |m: u32| m & 0o002 != 0;
    if world_writable(meta.mode()) {
        return Some("it is world-writable and owned by another user".into());
    }
    let folder = p.parent().and_then(|d| std::fs::metadata(d).ok());
    if folder.is_some_and(|f| world_writable(f.mode())) {
        return Some("it is owned by another user in a world-writable folder".into());
    }
    None
}

#[cfg(not(unix))]
fn untrusted(_p: &Path) -> Option<String> {
    None
}

/// Reads and validates a config file.
pub fn load(path: &Path) -> Result<Loaded, ConfigError> {
    let shown = path.display().to_string();
    // A config is small: the default cap keeps a device from filling memory.
    let bytes =
        crate::input::read_limited(path, crate::input::DEFAULT_MAX_FILE_SIZE).map_err(|e| {
            ConfigError::Io {
                path: shown.clone(),
                source: std::io::Error::other(e.to_string()),
            }
        })?;
    let text = String::from_utf8(bytes).map_err(|_| ConfigError::Invalid {
        path: shown.clone(),
        line: 1,
        column: 1,
        message: "not UTF-8; save the config as UTF-8".into(),
    })?;
    let config = parse(&shown, &text)?;
    Ok(Loaded {
        path: path.to_path_buf(),
        config,
    })
}

/// Parses config text; `path` is for messages. Unknown keys, unknown rule ids
/// and invalid regexes or globs are errors naming the line.
pub fn parse(path: &str, text: &str) -> Result<Config, ConfigError> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
        ConfigError::Invalid {
            path: path.to_string(),
            line,
            column,
            message: format!(
                "{}; see the config reference in docs/ci.md",
                e.message().trim_end()
            ),
        }
    })?;
    if let Some((needle, message)) = problem(&config) {
        let (line, column) = find_line(text, &needle);
        return Err(ConfigError::Invalid {
            path: path.to_string(),
            line,
            column,
            message,
        });
    }
    Ok(config)
}

/// The first value that is valid TOML but that transcheck cannot use, as
/// (the text to point at, the message): an unknown rule id, an invalid
/// ignore regex, source glob or target placeholder, a language that is
/// not an ISO 639-1 code.
fn problem(config: &Config) -> Option<(String, String)> {
    unknown_rule(config)
        .or_else(|| bad_ignore(config))
        .or_else(|| bad_pair(config))
        .or_else(|| bad_lang(config))
}

fn unknown_rule(config: &Config) -> Option<(String, String)> {
    let known = known_rules();
    let rule = config
        .rules
        .keys()
        .find(|rule| !known.contains(&rule.as_str()))?;
    Some((
        rule.clone(),
        format!(
            "unknown rule '{rule}' in [rules]; known rules: {}",
            known.join(", ")
        ),
    ))
}

fn bad_ignore(config: &Config) -> Option<(String, String)> {
    config.ignore.iter().find_map(|pattern| {
        let e = regex::Regex::new(pattern).err()?;
        Some((
            pattern.clone(),
            format!("invalid ignore regex '{pattern}': {e}"),
        ))
    })
}

fn bad_pair(config: &Config) -> Option<(String, String)> {
    for p in &config.pairs {
        if let Err(e) = Glob::new(&p.source) {
            return Some((
                p.source.clone(),
                format!("invalid source glob '{}': {e}", p.source),
            ));
        }
        if let Some(bad) = unknown_placeholder(&p.target) {
            return Some((
                p.target.clone(),
                format!(
                    "unknown placeholder '{{{bad}}}' in target '{}'; use {{path}}, {{dir}}, {{name}} or {{stem}}",
                    p.target
                ),
            ));
        }
    }
    None
}

fn bad_lang(config: &Config) -> Option<(String, String)> {
    let lang = [&config.source_lang, &config.target_lang]
        .into_iter()
        .flatten()
        .find(|lang| !crate::lang::is_iso639_1(lang))?;
    Some((
        lang.clone(),
        format!("'{lang}' is not an ISO 639-1 code such as pt or en"),
    ))
}

/// The first `{…}` of a target template that is not a known placeholder.
fn unknown_placeholder(template: &str) -> Option<String> {
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else {
            return Some(after.to_string());
        };
        let name = &after[..j];
        if !PLACEHOLDERS.contains(&name) {
            return Some(name.to_string());
        }
        rest = &after[j + 1..];
    }
    None
}

const PLACEHOLDERS: &[&str] = &["path", "dir", "name", "stem"];

/// Every rule id a config may name: the checks' and `suppression`.
pub fn known_rules() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = crate::checks::rule_catalog()
        .into_iter()
        .map(|r| r.0)
        .collect();
    ids.push(crate::suppress::RULE);
    ids
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Line and column of the first occurrence of `needle`, for messages.
fn find_line(text: &str, needle: &str) -> (usize, usize) {
    text.find(needle)
        .map(|i| line_col(text, i))
        .unwrap_or((1, 1))
}

/// One source/target file pair produced by a `[[pair]]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePair {
    /// The files to read: the config's folder joined to the paths below.
    pub source: PathBuf,
    pub target: PathBuf,
    /// The paths relative to the config's folder, shown in every output.
    pub shown_source: PathBuf,
    pub shown_target: PathBuf,
}

/// The file pairs of the `[[pair]]` entries, and what was left out.
#[derive(Debug, Default)]
pub struct Expansion {
    pub pairs: Vec<FilePair>,
    /// Symbolic links not followed, and why.
    pub warnings: Vec<String>,
}

/// Where expansion may read: the config's folder (resolved), unless
/// `allow-outside`; never inside a `.git` folder.
struct Fence {
    root: PathBuf,
    allow_outside: bool,
}

impl Fence {
    /// Why a resolved path must not be read, if it must not.
    fn refuse(&self, resolved: &Path) -> Option<&'static str> {
        let inside = resolved.strip_prefix(&self.root).ok();
        let in_git = |p: &Path| p.components().any(|c| c.as_os_str() == ".git");
        match inside {
            Some(rel) if in_git(rel) => Some("inside a .git folder, which is never read"),
            Some(_) => None,
            None if in_git(resolved) => Some("inside a .git folder, which is never read"),
            None if self.allow_outside => None,
            None => Some("outside the config's folder (set allow-outside = true to allow it)"),
        }
    }

    /// A pattern that names `..`, an absolute path or `.git` is refused
    /// before anything is read.
    fn check_pattern(&self, what: &str, pattern: &str) -> Result<(), String> {
        let p = Path::new(pattern);
        let git = p.components().any(|c| c.as_os_str() == ".git");
        if git {
            return Err(format!(
                "{what} '{pattern}' reaches into .git/, which is never read; point it at the text files"
            ));
        }
        let escapes = p.is_absolute()
            || p.components()
                .any(|c| matches!(c, std::path::Component::ParentDir));
        if escapes && !self.allow_outside {
            return Err(format!(
                "{what} '{pattern}' leaves the config's folder; patterns are relative to the folder holding transcheck.toml (set allow-outside = true to allow it)"
            ));
        }
        Ok(())
    }
}

/// Refuses a path named by the config (a glossary) that resolves outside
/// its folder (unless `allow_outside`) or inside `.git/`.
pub fn check_inside(base: &Path, path: &Path, allow_outside: bool) -> Result<(), String> {
    let root = std::fs::canonicalize(base)
        .map_err(|e| format!("cannot resolve the config's folder {}: {e}", base.display()))?;
    let fence = Fence {
        root,
        allow_outside,
    };
    match fence.refuse(&resolve(path)) {
        Some(why) => Err(format!("{} resolves {why}", path.display())),
        None => Ok(()),
    }
}

/// Resolves symlinks in `p`, or in its nearest existing ancestor when `p`
/// does not exist yet (a missing counterpart).
fn resolve(p: &Path) -> PathBuf {
    let mut tail = Vec::new();
    let mut cur = p.to_path_buf();
    loop {
        if let Ok(c) = std::fs::canonicalize(&cur) {
            return tail.iter().rev().fold(c, |acc: PathBuf, t| acc.join(t));
        }
        match (cur.file_name().map(|n| n.to_os_string()), cur.parent()) {
            (Some(name), Some(parent)) => {
                tail.push(name);
                cur = if parent.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    parent.to_path_buf()
                };
            }
            _ => return p.to_path_buf(),
        }
    }
}

/// Expands the `[[pair]]` entries into file pairs, sorted and deduplicated.
/// Patterns are relative to `base` (the config file's folder) and must stay
/// in it after resolving symlinks unless `allow_outside`; `.git/` is never
/// read. A pattern matching no file is an error.
pub fn expand_pairs(
    base: &Path,
    pairs: &[PairSpec],
    allow_outside: bool,
) -> Result<Expansion, String> {
    let root = std::fs::canonicalize(base)
        .map_err(|e| format!("cannot resolve the config's folder {}: {e}", base.display()))?;
    let fence = Fence {
        root,
        allow_outside,
    };
    let mut ex = Expansion::default();
    for spec in pairs {
        let before = ex.pairs.len();
        expand_one(base, &fence, spec, &mut ex)?;
        if ex.pairs.len() == before {
            return Err(format!(
                "[[pair]] source '{}' matches no files; check the pattern (it is relative to the folder holding transcheck.toml)",
                spec.source
            ));
        }
    }
    // A file matched by two entries is checked once, with the first mapping.
    let mut seen = std::collections::BTreeSet::new();
    ex.pairs.retain(|p| seen.insert(p.source.clone()));
    Ok(ex)
}

/// The file pairs of one `[[pair]]` entry, added to `ex` in path order.
fn expand_one(
    base: &Path,
    fence: &Fence,
    spec: &PairSpec,
    ex: &mut Expansion,
) -> Result<(), String> {
    let source = spec.source.trim_start_matches("./");
    fence.check_pattern("source pattern", source)?;
    fence.check_pattern("target pattern", &spec.target)?;
    let glob =
        Glob::new(source).map_err(|e| format!("invalid source glob '{}': {e}", spec.source))?;
    let matcher = glob.compile_matcher();
    let root = base.join(literal_prefix(source));
    let mut files = Vec::new();
    let mut walker = Walker {
        base,
        fence,
        seen: Default::default(),
        warnings: &mut ex.warnings,
    };
    walker.walk(&root, &mut files);
    files.sort();
    for file in files {
        let Ok(rel) = file.strip_prefix(base) else {
            continue;
        };
        if !matches(&matcher, rel) {
            continue;
        }
        let Ok(under) = file.strip_prefix(&root) else {
            continue;
        };
        ex.pairs
            .push(pair_of(base, fence, &spec.target, rel, under)?);
    }
    Ok(())
}

/// The pair of source file `rel` (`under` the pattern's literal folder),
/// its target named by `template`; an error when the target leaves the fence.
fn pair_of(
    base: &Path,
    fence: &Fence,
    template: &str,
    rel: &Path,
    under: &Path,
) -> Result<FilePair, String> {
    let target = fill_template(template, under);
    fence.check_pattern("target", &target)?;
    let target_path = join(base, Path::new(&target));
    if let Some(why) = fence.refuse(&resolve(&target_path)) {
        return Err(format!(
            "target {target} (of {}) resolves {why}",
            rel.display()
        ));
    }
    Ok(FilePair {
        source: join(base, rel),
        target: target_path,
        shown_source: rel.to_path_buf(),
        shown_target: PathBuf::from(target.trim_start_matches("./")),
    })
}

/// `base/rel`, without a leading `./` when the base is the current folder.
fn join(base: &Path, rel: &Path) -> PathBuf {
    if base == Path::new(".") {
        rel.to_path_buf()
    } else {
        base.join(rel)
    }
}

fn matches(m: &GlobMatcher, rel: &Path) -> bool {
    // Globs use `/` on every platform.
    let s = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    m.is_match(s)
}

/// The leading path components of a glob that hold no glob syntax.
fn literal_prefix(glob: &str) -> PathBuf {
    let mut prefix = PathBuf::new();
    let parts: Vec<&str> = glob.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        // The last component names files, never a folder to walk from.
        if i + 1 == parts.len() || part.contains(['*', '?', '[', '{']) {
            break;
        }
        prefix.push(part);
    }
    prefix
}

fn fill_template(template: &str, under: &Path) -> String {
    let slash = |p: &Path| {
        p.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    };
    let path = slash(under);
    let dir = under.parent().map(slash).unwrap_or_default();
    let name = under
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = under
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    template
        .replace("{path}", &path)
        .replace("{dir}", &dir)
        .replace("{name}", &name)
        .replace("{stem}", &stem)
}

/// Collects the files under a folder, skipping hidden folders. Symbolic
/// links are followed when they resolve inside the fence and reported when
/// they don't; a folder that can't be read is skipped.
struct Walker<'a> {
    base: &'a Path,
    fence: &'a Fence,
    /// Resolved folders already walked, so a link loop ends.
    seen: std::collections::HashSet<PathBuf>,
    warnings: &'a mut Vec<String>,
}

impl Walker<'_> {
    fn walk(&mut self, dir: &Path, out: &mut Vec<PathBuf>) {
        let resolved = resolve(dir);
        if let Some(why) = self.fence.refuse(&resolved) {
            self.warn(dir, why);
            return;
        }
        if !self.seen.insert(resolved) {
            return;
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            let hidden = e.file_name().to_string_lossy().starts_with('.');
            let Ok(t) = e.file_type() else { continue };
            if t.is_symlink() {
                self.link(&p, hidden, out);
            } else if t.is_dir() && !hidden {
                self.walk(&p, out);
            } else if t.is_file() {
                out.push(p);
            }
        }
    }

    fn link(&mut self, p: &Path, hidden: bool, out: &mut Vec<PathBuf>) {
        let Ok(resolved) = std::fs::canonicalize(p) else {
            self.warn(p, "a broken symbolic link");
            return;
        };
        if let Some(why) = self.fence.refuse(&resolved) {
            self.warn(p, why);
            return;
        }
        match std::fs::metadata(&resolved) {
            Ok(m) if m.is_dir() && !hidden => self.walk(p, out),
            Ok(m) if m.is_file() => out.push(p.to_path_buf()),
            _ => {}
        }
    }

    fn warn(&mut self, p: &Path, why: &str) {
        let shown = p.strip_prefix(self.base).unwrap_or(p);
        self.warnings.push(format!(
            "{}: not read: a symbolic link or folder that resolves {why}",
            shown.display()
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_config() {
        let c = parse(
            "t.toml",
            r#"
glossaries = ["g.tsv"]
source-lang = "pt"
target_lang = "en"
fail-on = "warning"
ignore = ["^Photo:"]
[rules]
length = "off"
name = "warning"
[[pair]]
source = "pt/**/*.md"
target = "en/{path}"
"#,
        )
        .unwrap();
        assert_eq!(c.source_lang.as_deref(), Some("pt"));
        assert_eq!(c.target_lang.as_deref(), Some("en"));
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(c.rules["length"], RuleSetting::Off);
        assert_eq!(c.pairs.len(), 1);
    }

    #[test]
    fn unknown_key_names_file_and_line() {
        let e = parse("t.toml", "source-lang = \"pt\"\ncolour = 1\n").unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("t.toml:2:"), "{msg}");
        assert!(msg.contains("colour"), "{msg}");
    }

    #[test]
    fn unknown_rule_names_line() {
        let e = parse("t.toml", "[rules]\nnumber = \"off\"\nnumbr = \"off\"\n").unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("t.toml:3:"), "{msg}");
        assert!(msg.contains("numbr"), "{msg}");
    }

    #[test]
    fn bad_regex_and_severity_are_errors() {
        assert!(parse("t", "ignore = [\"(\"]").is_err());
        assert!(parse("t", "[rules]\nnumber = \"fatal\"").is_err());
        assert!(parse("t", "source-lang = \"portuguese\"").is_err());
    }

    #[test]
    fn literal_prefix_stops_at_glob_syntax() {
        assert_eq!(
            literal_prefix("content/pt/**/*.md"),
            PathBuf::from("content/pt")
        );
        assert_eq!(literal_prefix("*.md"), PathBuf::new());
        assert_eq!(literal_prefix("a/b.md"), PathBuf::from("a"));
    }

    #[test]
    fn templates_fill_path_dir_name_stem() {
        let under = Path::new("news/a.md");
        assert_eq!(fill_template("en/{path}", under), "en/news/a.md");
        assert_eq!(
            fill_template("en/{dir}/{stem}.en.md", under),
            "en/news/a.en.md"
        );
        assert_eq!(fill_template("{name}", under), "a.md");
    }

    #[test]
    fn expands_pairs_from_a_tree() {
        let d = tempfile::tempdir().unwrap();
        let base = d.path();
        std::fs::create_dir_all(base.join("pt/news")).unwrap();
        std::fs::write(base.join("pt/news/b.md"), "x").unwrap();
        std::fs::write(base.join("pt/a.md"), "x").unwrap();
        std::fs::write(base.join("pt/skip.txt"), "x").unwrap();
        let pairs = expand_pairs(
            base,
            &[PairSpec {
                source: "pt/**/*.md".into(),
                target: "en/{path}".into(),
            }],
            false,
        )
        .unwrap()
        .pairs;
        let got: Vec<_> = pairs
            .iter()
            .map(|p| {
                (
                    p.source.strip_prefix(base).unwrap().to_path_buf(),
                    p.target.strip_prefix(base).unwrap().to_path_buf(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (PathBuf::from("pt/a.md"), PathBuf::from("en/a.md")),
                (PathBuf::from("pt/news/b.md"), PathBuf::from("en/news/b.md")),
            ]
        );
    }

    #[test]
    fn dump_round_trips() {
        let c = parse("t", "fail-on = \"never\"\n[rules]\nurl = \"info\"\n").unwrap();
        let s = toml::to_string(&c).unwrap();
        assert_eq!(parse("t", &s).unwrap(), c);
    }
}
