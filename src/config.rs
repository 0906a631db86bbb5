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
    /// Regexes on the target text: findings whose target span or sentence
    /// matches are dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    /// Severity per rule id, or `off`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, RuleSetting>,
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

/// Looks for `transcheck.toml` in `start` and its parents.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Reads and validates a config file.
pub fn load(path: &Path) -> Result<Loaded, ConfigError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
        path: shown.clone(),
        source,
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
    let invalid = |needle: &str, message: String| {
        let (line, column) = find_line(text, needle);
        ConfigError::Invalid {
            path: path.to_string(),
            line,
            column,
            message,
        }
    };
    let known = known_rules();
    for rule in config.rules.keys() {
        if !known.contains(&rule.as_str()) {
            return Err(invalid(
                rule,
                format!(
                    "unknown rule '{rule}' in [rules]; known rules: {}",
                    known.join(", ")
                ),
            ));
        }
    }
    for pattern in &config.ignore {
        if let Err(e) = regex::Regex::new(pattern) {
            return Err(invalid(
                pattern,
                format!("invalid ignore regex '{pattern}': {e}"),
            ));
        }
    }
    for p in &config.pairs {
        if let Err(e) = Glob::new(&p.source) {
            return Err(invalid(
                &p.source,
                format!("invalid source glob '{}': {e}", p.source),
            ));
        }
    }
    for lang in [&config.source_lang, &config.target_lang]
        .into_iter()
        .flatten()
    {
        if !crate::lang::is_iso639_1(lang) {
            return Err(invalid(
                lang,
                format!("'{lang}' is not an ISO 639-1 code such as pt or en"),
            ));
        }
    }
    Ok(config)
}

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
    pub source: PathBuf,
    pub target: PathBuf,
}

/// Expands the `[[pair]]` entries into file pairs, sorted and deduplicated.
/// Paths are relative to `base` (the config file's folder) and come out
/// joined to it.
pub fn expand_pairs(base: &Path, pairs: &[PairSpec]) -> Result<Vec<FilePair>, String> {
    let mut out = Vec::new();
    for spec in pairs {
        let source = spec.source.trim_start_matches("./");
        let glob =
            Glob::new(source).map_err(|e| format!("invalid source glob '{}': {e}", spec.source))?;
        let matcher = glob.compile_matcher();
        let prefix = literal_prefix(source);
        let root = base.join(&prefix);
        let mut files = Vec::new();
        walk(&root, &mut files);
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
            let target = fill_template(&spec.target, under);
            out.push(FilePair {
                source: join(base, rel),
                target: join(base, Path::new(&target)),
            });
        }
    }
    // A file matched by two entries is checked once, with the first mapping.
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|p| seen.insert(p.source.clone()));
    Ok(out)
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

/// Collects the files under `dir`, skipping hidden folders; a folder that
/// can't be read is skipped (its pairs simply don't appear).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let hidden = e.file_name().to_string_lossy().starts_with('.');
        match e.file_type() {
            Ok(t) if t.is_dir() && !hidden => walk(&p, out),
            Ok(t) if t.is_file() => out.push(p),
            _ => {}
        }
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
        )
        .unwrap();
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
