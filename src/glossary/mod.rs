//! Glossaries: reading TSV/CSV, TOML and TBX term lists, and matching terms in text.
//!
//! [`Glossary::load`] reads one file (the format follows the extension) or every
//! glossary file of a directory. [`matcher::Matcher`] finds all terms of a
//! glossary in a text in one pass of a word trie ([`trie::WordTrie`]).
//! [`Glossary::for_pair`] layers a user glossary over the built-in one once
//! per language pair, so every pair of a run shares one glossary and one
//! matcher.

pub mod matcher;
mod native;
mod select;
mod tbx;
pub mod trie;
mod tsv;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use unicode_normalization::UnicodeNormalization;

pub use matcher::{Kind, Match, Matcher, SentenceMatches};

/// One glossary entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Term {
    /// Source spellings (the first is the headword).
    pub source: Spellings,
    /// Accepted target renderings (the first is preferred).
    pub targets: Spellings,
    /// Forbidden target spellings, each with its correction.
    pub forbidden: Vec<(String, String)>,
    pub case_sensitive: bool,
    /// Match inflected forms (plural and gender endings) of common nouns.
    pub inflected: bool,
    /// Report a forbidden spelling wherever it is; by default only where
    /// the aligned source has the term (another Hadad is not a misspelt
    /// Haddad).
    pub forbidden_anywhere: bool,
    pub note: Option<String>,
    /// Where the entry was defined: file (shared by the terms of a file)
    /// and 1-based line.
    pub origin: (Arc<str>, usize),
}

/// The spellings of one side of a term: most terms have one, held
/// inline, so that a glossary row costs one allocation a spelling and none
/// for the list.
pub type Spellings = smallvec::SmallVec<[String; 1]>;

impl Term {
    /// The preferred target rendering, if any.
    pub fn preferred(&self) -> Option<&str> {
        self.targets.first().map(String::as_str)
    }
}

/// A set of terms for one language pair.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub terms: Vec<Term>,
    /// Non-fatal problems found while reading (duplicates, conflicts).
    pub warnings: Vec<String>,
    /// The matcher over all spellings, built on first use.
    cache: OnceLock<Arc<Matcher>>,
    /// First words of all spellings, for [`Glossary::matcher_for`].
    index: OnceLock<Arc<select::TermIndex>>,
    /// Whether a pair has been matched without the index (the first one).
    scanned: FirstUse,
    /// This glossary layered over the built-in one, per language pair.
    layers: LayerCache,
}

/// A glossary layered for one language pair, and the files it comes from.
pub type Layered = (Option<Arc<Glossary>>, Arc<[String]>);

/// [`Glossary::for_pair`]'s results by (source, target, built-in on). A
/// clone starts empty: its terms may be changed.
#[derive(Debug, Default)]
struct LayerCache(Mutex<HashMap<(String, String, bool), Layered>>);

impl Clone for LayerCache {
    fn clone(&self) -> LayerCache {
        LayerCache::default()
    }
}

/// Set by the first caller of [`FirstUse::first`]. A clone starts unset.
#[derive(Debug, Default)]
struct FirstUse(std::sync::atomic::AtomicBool);

impl FirstUse {
    /// True for the first call only.
    fn first(&self) -> bool {
        !self.0.swap(true, std::sync::atomic::Ordering::Relaxed)
    }
}

impl Clone for FirstUse {
    fn clone(&self) -> FirstUse {
        FirstUse::default()
    }
}

/// Why a glossary could not be read. Every variant names the file, and the
/// line where there is one.
#[derive(Debug, thiserror::Error)]
pub enum GlossaryError {
    #[error("{path}: cannot read glossary: {source}; check the path and permissions")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: unknown glossary format '{ext}'; use .tsv, .csv, .toml or .tbx (or a directory of them)"
    )]
    UnknownFormat { path: String, ext: String },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}:{line}: {message}")]
    Row {
        path: String,
        line: usize,
        message: String,
    },
}

impl Glossary {
    /// Builds a glossary from terms (tests, library callers).
    pub fn from_terms(terms: Vec<Term>) -> Glossary {
        Glossary {
            terms,
            ..Default::default()
        }
    }

    /// Reads a glossary file, or every `.tsv`/`.csv`/`.toml`/`.tbx` file of a
    /// directory in name order; the format follows the extension.
    pub fn load(
        path: &Path,
        source_lang: &str,
        target_lang: &str,
    ) -> Result<Glossary, GlossaryError> {
        let io = |source| GlossaryError::Io {
            path: path.display().to_string(),
            source,
        };
        if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(path)
                .map_err(io)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && format_of(p).is_some())
                .collect();
            files.sort();
            let mut g = Glossary::default();
            for f in files {
                g.extend(Glossary::load(&f, source_lang, target_lang)?);
            }
            return Ok(g);
        }
        let Some(format) = format_of(path) else {
            return Err(GlossaryError::UnknownFormat {
                path: path.display().to_string(),
                ext: path
                    .extension()
                    .map(|e| e.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            });
        };
        // Capped, regular files only: a device or FIFO never hangs or fills memory.
        let bytes = crate::input::read_limited(path, crate::input::DEFAULT_MAX_FILE_SIZE)
            .map_err(|e| io(std::io::Error::other(e.to_string())))?;
        let name = path.display().to_string();
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let off = e.utf8_error().valid_up_to();
                let (line, column) =
                    crate::text::line_col_of(&String::from_utf8_lossy(e.as_bytes()), off);
                return Err(GlossaryError::Syntax {
                    path: name,
                    line,
                    column,
                    message: "invalid UTF-8; save the glossary as UTF-8".into(),
                });
            }
        };
        parse_as(format, &name, &text, source_lang, target_lang)
    }

    /// Parses glossary text already in memory; the format follows the
    /// extension of `name`, which also names the file in errors.
    pub fn parse_str(
        name: &str,
        text: &str,
        source_lang: &str,
        target_lang: &str,
    ) -> Result<Glossary, GlossaryError> {
        let Some(format) = format_of(Path::new(name)) else {
            return Err(GlossaryError::UnknownFormat {
                path: name.to_string(),
                ext: Path::new(name)
                    .extension()
                    .map(|e| e.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            });
        };
        parse_as(format, name, text, source_lang, target_lang)
    }

    /// The glossaries shipped in `glossaries/` for this language pair (pt→en
    /// news: places, organizations, names); empty for other pairs.
    pub fn builtin(source_lang: &str, target_lang: &str) -> Glossary {
        (*Glossary::builtin_shared(source_lang, target_lang)).clone()
    }

    /// [`Glossary::builtin`], parsed once per process and language pair:
    /// immutable data embedded in the binary (as the built-in profiles are),
    /// so a batch or a fuzz run does not parse the TOML for every pair.
    pub fn builtin_shared(source_lang: &str, target_lang: &str) -> Arc<Glossary> {
        static PARSED: crate::profile::PairCache<Arc<Glossary>> = crate::profile::PairCache::new();
        PARSED.get(source_lang, target_lang, || {
            Arc::new(Glossary::parse_builtin(source_lang, target_lang))
        })
    }

    fn parse_builtin(source_lang: &str, target_lang: &str) -> Glossary {
        const SHIPPED: &[(&str, &str)] = &[
            (
                "glossaries/names.toml",
                include_str!("../../glossaries/names.toml"),
            ),
            (
                "glossaries/organizations.toml",
                include_str!("../../glossaries/organizations.toml"),
            ),
            (
                "glossaries/places.toml",
                include_str!("../../glossaries/places.toml"),
            ),
        ];
        let mut g = Glossary::default();
        for (name, text) in SHIPPED {
            // Files for another pair come back empty, with a warning not worth showing.
            if let Ok(mut one) = native::parse(name, text, source_lang, target_lang) {
                one.warnings.clear();
                g.extend(one);
            }
        }
        g
    }

    /// The glossary a pair in these languages is checked with: this (user)
    /// glossary layered over the built-in one when `builtin` is on (a user
    /// entry wins for its source term), or `None` when that is this one as
    /// it is; and the files the terms come from, built-in ones labelled.
    /// Worked out once per language pair and shared, with its matcher, by
    /// every pair of a run.
    pub fn for_pair(&self, source_lang: &str, target_lang: &str, builtin: bool) -> Layered {
        let key = (source_lang.to_string(), target_lang.to_string(), builtin);
        let mut cache = self
            .layers
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        cache
            .entry(key)
            .or_insert_with(|| self.layer(source_lang, target_lang, builtin))
            .clone()
    }

    fn layer(&self, source_lang: &str, target_lang: &str, builtin: bool) -> Layered {
        let base = if builtin {
            Glossary::builtin_shared(source_lang, target_lang)
        } else {
            Arc::new(Glossary::default())
        };
        let builtin_files = base.files();
        let layered = if base.terms.is_empty() {
            None
        } else if self.terms.is_empty() {
            Some(base)
        } else {
            Some(Arc::new(self.layered_over((*base).clone())))
        };
        let files = labelled_files(layered.as_deref().unwrap_or(self), &builtin_files).collect();
        (layered, files)
    }

    /// This (user) glossary layered over the built-in one for one language
    /// pair, its terms moved rather than copied: for a run whose languages
    /// are known before any file is read. [`Glossary::for_pair`] on the
    /// result gives it as it is.
    pub fn into_layered(self, source_lang: &str, target_lang: &str) -> Glossary {
        let base = Glossary::builtin_shared(source_lang, target_lang);
        if base.terms.is_empty() {
            return self;
        }
        let builtin_files = base.files();
        let overridden = overridden_keys(&base, &self);
        let mut terms: Vec<Term> = Vec::with_capacity(base.terms.len() + self.terms.len());
        terms.extend(
            base.terms
                .iter()
                .filter(|t| !is_overridden(t, &overridden))
                .cloned(),
        );
        terms.extend(self.terms);
        let g = Glossary {
            terms,
            warnings: self.warnings,
            ..Default::default()
        };
        let files: Arc<[String]> = labelled_files(&g, &builtin_files).collect();
        let key = (source_lang.to_string(), target_lang.to_string(), true);
        g.layers
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key, (None, files));
        g
    }

    /// This (user) glossary layered over `base` (the built-in one): a base
    /// entry sharing a source spelling with a user entry is dropped, so the
    /// user's entry wins.
    pub fn layered_over(&self, base: Glossary) -> Glossary {
        let overridden = overridden_keys(&base, self);
        let mut terms: Vec<Term> = Vec::with_capacity(base.terms.len() + self.terms.len());
        terms.extend(
            base.terms
                .into_iter()
                .filter(|t| !is_overridden(t, &overridden)),
        );
        terms.extend(self.terms.iter().cloned());
        Glossary {
            terms,
            warnings: self.warnings.clone(),
            ..Default::default()
        }
    }

    /// The files the terms come from, in order of first use.
    pub fn files(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut last: Option<&Arc<str>> = None;
        for t in &self.terms {
            let file = &t.origin.0;
            // Terms of one file are consecutive and share its name.
            if last.is_some_and(|l| Arc::ptr_eq(l, file) || l == file) {
                continue;
            }
            last = Some(file);
            if !file.is_empty() && !out.iter().any(|f| **f == **file) {
                out.push(file.to_string());
            }
        }
        out
    }

    /// Merges another glossary into this one.
    pub fn extend(&mut self, other: Glossary) {
        if self.terms.is_empty() {
            // The first file: its list taken as it is, not copied.
            self.terms = other.terms;
        } else {
            self.terms.extend(other.terms);
        }
        self.warnings.extend(other.warnings);
        self.cache = OnceLock::new();
        self.index = OnceLock::new();
        self.scanned = FirstUse::default();
        self.layers = LayerCache::default();
    }

    /// The matcher over every spelling of this glossary, built once. The
    /// inflection rules come from the profiles given on first use.
    pub fn matcher(
        &self,
        source: &crate::profile::Profile,
        target: &crate::profile::Profile,
    ) -> Arc<Matcher> {
        self.cache
            .get_or_init(|| Arc::new(Matcher::new(self, source, target)))
            .clone()
    }

    /// A matcher over the terms that `texts` (a pair's sentences, both
    /// sides) can hold: those with a spelling whose first word they have.
    /// It finds in these texts, and in any made of them joined by spaces,
    /// what [`Glossary::matcher`] finds, at a cost that follows the texts
    /// rather than the size of the glossary (whose index of first words is
    /// built once, when a second pair uses it: the first pair looks its
    /// words up term by term, which costs less than building the index, so
    /// a run of one pair never builds it).
    pub fn matcher_for<'a>(
        &self,
        source: &crate::profile::Profile,
        target: &crate::profile::Profile,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Arc<Matcher> {
        let ids = match self.index.get() {
            Some(index) => index.terms_in(texts),
            None if self.scanned.first() => select::scan_terms_in(self, source, target, texts),
            None => self
                .index
                .get_or_init(|| Arc::new(select::TermIndex::new(self, source, target)))
                .terms_in(texts),
        };
        Arc::new(Matcher::of_terms(self, ids, source, target))
    }

    /// (source spelling, preferred target) pairs, for alignment anchors.
    pub fn term_pairs(&self) -> Vec<(String, String)> {
        self.term_pairs_of(self.terms.iter())
    }

    /// [`Glossary::term_pairs`] of the terms `ids` only.
    pub fn term_pairs_of_ids(&self, ids: &[u32]) -> Vec<(String, String)> {
        self.term_pairs_of(ids.iter().filter_map(|&i| self.terms.get(i as usize)))
    }

    fn term_pairs_of<'a>(&self, terms: impl Iterator<Item = &'a Term>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for t in terms {
            if let Some(tgt) = t.targets.first() {
                for s in &t.source {
                    out.push((s.clone(), tgt.clone()));
                }
            }
        }
        out
    }

    /// Warns about a spelling that one entry accepts and another forbids.
    fn check_conflicts(&mut self) {
        if self.terms.iter().all(|t| t.forbidden.is_empty()) {
            return;
        }
        let mut accepted: HashMap<String, usize> = HashMap::new();
        for (i, t) in self.terms.iter().enumerate() {
            for s in &t.targets {
                accepted.entry(s.to_lowercase()).or_insert(i);
            }
        }
        for t in &self.terms {
            for (bad, _) in &t.forbidden {
                if let Some(&i) = accepted.get(&bad.to_lowercase()) {
                    let other = &self.terms[i];
                    self.warnings.push(format!(
                        "{}:{}: '{bad}' is forbidden here but accepted by the entry at line {}; remove one of them",
                        t.origin.0, t.origin.1, other.origin.1
                    ));
                }
            }
        }
    }
}

/// The key two source spellings share when one overrides the other:
/// folded, lower case.
fn layer_key(s: &str) -> String {
    // ASCII folds to its lower case: skip the decomposition.
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        crate::text::fold(s).to_lowercase()
    }
}

/// The keys of `base`'s source spellings that a `user` entry overrides.
/// The set is built from the (small) built-in glossary and only looked up
/// for each user spelling, so a large user glossary costs one fold per
/// spelling and no set of its own.
/// The files of `g`, those in `builtin_files` marked as built in.
fn labelled_files<'a>(
    g: &'a Glossary,
    builtin_files: &'a [String],
) -> impl Iterator<Item = String> + 'a {
    g.files().into_iter().map(move |f| {
        if builtin_files.contains(&f) {
            format!("built-in {f}")
        } else {
            f
        }
    })
}

/// A built-in term whose source spelling a user entry takes over.
fn is_overridden(t: &Term, overridden: &rustc_hash::FxHashSet<String>) -> bool {
    t.source.iter().any(|s| overridden.contains(&layer_key(s)))
}

fn overridden_keys(base: &Glossary, user: &Glossary) -> rustc_hash::FxHashSet<String> {
    let base_keys: rustc_hash::FxHashSet<String> = base
        .terms
        .iter()
        .flat_map(|t| t.source.iter().map(|s| layer_key(s)))
        .collect();
    // Length and first, second and last bytes of every key, mixed into a
    // bitset of 2^16 slots: most user spellings (ASCII, whose key is
    // themselves in lower case) fail this without a copy or a hash of their
    // own. (A sum of length and end bytes took a few hundred slots, which
    // the built-in keys filled.)
    let shape = |k: &[u8]| {
        let byte = |b: Option<&u8>| u64::from(b.map_or(0, u8::to_ascii_lowercase));
        let x =
            k.len() as u64 | byte(k.first()) << 16 | byte(k.get(1)) << 24 | byte(k.last()) << 32;
        (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize
    };
    let mut shapes = vec![false; 1 << 16];
    for k in &base_keys {
        shapes[shape(k.as_bytes())] = true;
    }
    let mut hits = rustc_hash::FxHashSet::default();
    let mut buf = String::new();
    for s in user.terms.iter().flat_map(|t| &t.source) {
        let ascii = s.is_ascii();
        if ascii && !shapes[shape(s.as_bytes())] {
            continue;
        }
        let key = if ascii {
            buf.clear();
            buf.push_str(s);
            buf.make_ascii_lowercase();
            &buf
        } else {
            buf = crate::text::fold(s).to_lowercase();
            &buf
        };
        if let Some(k) = base_keys.get(key.as_str()) {
            hits.insert(k.clone());
        }
    }
    hits
}

fn parse_as(
    format: Format,
    name: &str,
    text: &str,
    source_lang: &str,
    target_lang: &str,
) -> Result<Glossary, GlossaryError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Most glossaries are NFC already: checking is cheaper than rebuilding.
    let text: std::borrow::Cow<str> = if text.is_ascii() || unicode_normalization::is_nfc(text) {
        text.into()
    } else {
        text.nfc().collect::<String>().into()
    };
    let name = name.to_string();
    let mut g = match format {
        Format::Tsv => tsv::parse(&name, &text, b'\t')?,
        Format::Csv => tsv::parse(&name, &text, b',')?,
        Format::Toml => native::parse(&name, &text, source_lang, target_lang)?,
        Format::Tbx => tbx::parse(&name, &text, source_lang, target_lang)?,
    };
    // Most terms are short printable ASCII: one cheap look at each (or, for
    // TSV, at the text) before the checks that say what is wrong and where.
    let plain = matches!(format, Format::Tsv) && plain_tsv(&text);
    if !plain && !g.terms.iter().all(plain_term) {
        reject_controls(&g)?;
        check_lengths(&g)?;
    }
    g.check_conflicts();
    Ok(g)
}

/// A TSV text of printable ASCII, tabs and line breaks, whose lines are at
/// most [`MAX_TERM_CHARS`] bytes: every field of it, so every term, is plain
/// ([`plain_term`]). One pass over the bytes, without an early exit, so the
/// loop runs on whole words of bytes.
fn plain_tsv(text: &str) -> bool {
    let ok = |b: u8| (0x20..0x7f).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r');
    short_lines(text.as_bytes()) && text.bytes().fold(true, |all, b| all & ok(b))
}

/// Whether no line of `text` is longer than [`MAX_TERM_CHARS`] bytes. The
/// last line feed of each window of that many bytes and one is looked for
/// from its end: one search a window, not one a line (glossary lines are
/// short, and a search per line cost more than reading the row).
fn short_lines(text: &[u8]) -> bool {
    let mut start = 0;
    loop {
        let window = text.get(start..).unwrap_or_default();
        if window.len() <= MAX_TERM_CHARS {
            return true;
        }
        match memchr::memrchr(b'\n', &window[..=MAX_TERM_CHARS]) {
            Some(i) => start += i + 1,
            None => return false,
        }
    }
}

/// A term whose spellings are printable ASCII of at most
/// [`MAX_TERM_CHARS`] bytes, and whose note is printable ASCII, tabs and
/// line breaks: one [`reject_controls`] and [`check_lengths`] pass.
fn plain_term(t: &Term) -> bool {
    let printable = |b: u8| (0x20..0x7f).contains(&b);
    // No early exit: the loop runs on whole words of bytes.
    let plain =
        |s: &String| s.len() <= MAX_TERM_CHARS && s.bytes().fold(true, |ok, b| ok & printable(b));
    t.source.iter().all(plain)
        && t.targets.iter().all(plain)
        && t.forbidden.iter().all(|(a, b)| plain(a) && plain(b))
        && t.note
            .as_deref()
            .is_none_or(|n| n.bytes().all(|b| printable(b) || b == b'\n' || b == b'\t'))
}

/// A term holding a control character (NUL, ESC, BEL…) is an error naming
/// its file and line: such text never belongs in a term and would reach
/// every report. Notes may hold line breaks and tabs.
fn reject_controls(g: &Glossary) -> Result<(), GlossaryError> {
    let bad = |s: &str, note: bool| {
        // Printable ASCII (most spellings) has none: checked a byte at a time.
        if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            return None;
        }
        s.chars()
            .find(|&c| c.is_control() && !(note && (c == '\n' || c == '\t')))
    };
    for t in &g.terms {
        let words = t.source.iter().chain(&t.targets);
        let forbidden = t.forbidden.iter().flat_map(|(a, b)| [a, b]);
        let found = words
            .chain(forbidden)
            .find_map(|s| bad(s, false))
            .or_else(|| t.note.as_deref().and_then(|n| bad(n, true)));
        if let Some(c) = found {
            return Err(GlossaryError::Row {
                path: t.origin.0.to_string(),
                line: t.origin.1,
                message: format!(
                    "control character U+{:04X} in a term; remove it (save the glossary as plain text)",
                    u32::from(c)
                ),
            });
        }
    }
    Ok(())
}

/// Longest spelling a glossary entry may have, in characters. Real terms are
/// a few words; a longer "term" is a broken file (a missing tab or quote
/// swallowing the rest), and matching it would cost time for nothing.
pub const MAX_TERM_CHARS: usize = 1_000;

fn check_lengths(g: &Glossary) -> Result<(), GlossaryError> {
    for t in &g.terms {
        let spellings = t
            .source
            .iter()
            .chain(&t.targets)
            .chain(t.forbidden.iter().flat_map(|(a, b)| [a, b]));
        for s in spellings {
            // Bytes bound chars from above: count chars only when it may matter.
            if s.len() > MAX_TERM_CHARS && s.chars().count() > MAX_TERM_CHARS {
                return Err(GlossaryError::Row {
                    path: t.origin.0.to_string(),
                    line: t.origin.1,
                    message: format!(
                        "a spelling of {} characters is longer than the {MAX_TERM_CHARS} a term may have; check for a missing separator or quote",
                        s.chars().count()
                    ),
                });
            }
        }
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Format {
    Tsv,
    Csv,
    Toml,
    Tbx,
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "tsv" | "tab" => Some(Format::Tsv),
        "csv" => Some(Format::Csv),
        "toml" => Some(Format::Toml),
        "tbx" => Some(Format::Tbx),
        _ => None,
    }
}

/// Whether a language tag matches a requested language: `pt-BR` matches `pt`
/// and `pt-br`; `pt` matches `pt-PT`.
pub(crate) fn lang_matches(tag: &str, wanted: &str) -> bool {
    let primary = |s: &str| {
        s.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    primary(tag) == primary(wanted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn short_lines_finds_a_long_line_anywhere() {
        let line = |n: usize| "x".repeat(n);
        let ok = format!("{}\n{}\n{}", line(10), line(MAX_TERM_CHARS), line(3));
        assert!(short_lines(ok.as_bytes()));
        for at in 0..3 {
            let mut lines = [line(500), line(MAX_TERM_CHARS), line(7)];
            lines[at] = line(MAX_TERM_CHARS + 1);
            assert!(!short_lines(lines.join("\n").as_bytes()), "long line {at}");
        }
        assert!(short_lines(b""));
        assert!(short_lines("\n".repeat(5000).as_bytes()));
    }

    fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
        let p = dir.join(name);
        let mut f = std::fs::File::create(&p).unwrap();
        f.write_all(text.as_bytes()).unwrap();
        p
    }

    #[test]
    fn control_characters_in_rows_are_errors_with_the_line() {
        for (name, text) in [
            ("g.tsv", "Mascate\tMuscat\nTeerã\tTeh\0ran\n"),
            ("g.csv", "Mascate,Muscat\nTeerã,\"Te\u{1b}[2Jhran\"\n"),
            (
                "g.toml",
                "[[term]]\nsource = \"Mascate\"\n[[term]]\nsource = \"Omã\"\ntarget = \"O\\u0007man\"\n",
            ),
        ] {
            let e = Glossary::parse_str(name, text, "pt", "en")
                .unwrap_err()
                .to_string();
            let line = if name == "g.toml" { 3 } else { 2 };
            assert!(e.starts_with(&format!("{name}:{line}:")), "{e}");
            assert!(e.contains("control character"), "{e}");
        }
        let ok = "[[term]]\nsource = \"a\"\nnote = \"\"\"two\nlines\"\"\"\n";
        assert!(Glossary::parse_str("g.toml", ok, "pt", "en").is_ok());
    }

    #[test]
    fn loads_a_directory_in_name_order() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "b.tsv", "Omã\tOman\n");
        write(d.path(), "a.tsv", "Catar\tQatar\n");
        write(d.path(), "readme.md", "not a glossary");
        let g = Glossary::load(d.path(), "pt", "en").unwrap();
        let heads: Vec<_> = g.terms.iter().map(|t| t.source[0].as_str()).collect();
        assert_eq!(heads, ["Catar", "Omã"]);
    }

    #[test]
    fn byte_order_mark_is_ignored() {
        let d = tempfile::tempdir().unwrap();
        let p = write(d.path(), "g.tsv", "\u{feff}Omã\tOman\n");
        let g = Glossary::load(&p, "pt", "en").unwrap();
        assert_eq!(g.terms[0].source[..], ["Omã"]);
    }

    #[test]
    fn unknown_extension_is_an_error_naming_the_file() {
        let d = tempfile::tempdir().unwrap();
        let p = write(d.path(), "g.docx", "x");
        let e = Glossary::load(&p, "pt", "en").unwrap_err().to_string();
        assert!(e.contains("g.docx") && e.contains(".tsv"), "{e}");
    }

    #[test]
    fn missing_file_is_an_io_error() {
        let e = Glossary::load(Path::new("/nonexistent/g.tsv"), "pt", "en").unwrap_err();
        assert!(matches!(e, GlossaryError::Io { .. }));
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("g.tsv");
        std::fs::write(&p, b"a\tb\nOm\xe3\tOman\n").unwrap();
        let e = Glossary::load(&p, "pt", "en").unwrap_err().to_string();
        assert!(e.contains("g.tsv:2:"), "{e}");
    }

    #[test]
    fn accepted_and_forbidden_conflict_is_a_warning() {
        let d = tempfile::tempdir().unwrap();
        let p = write(
            d.path(),
            "g.toml",
            "[[term]]\nsource = \"A\"\ntarget = \"Alpha\"\n[[term]]\nsource = \"B\"\ntarget = \"Beta\"\nforbidden = [\"Alpha\"]\n",
        );
        let g = Glossary::load(&p, "pt", "en").unwrap();
        assert_eq!(g.warnings.len(), 1, "{:?}", g.warnings);
    }

    #[test]
    fn language_tags_match_by_primary_subtag() {
        assert!(lang_matches("pt-BR", "pt"));
        assert!(lang_matches("PT", "pt-pt"));
        assert!(!lang_matches("es", "pt"));
    }

    #[test]
    fn a_user_entry_overrides_the_builtin_one_for_the_same_source_term() {
        let user = Glossary::from_terms(vec![Term {
            source: smallvec::smallvec!["Mascate".into()],
            targets: smallvec::smallvec!["Masqat".into()],
            origin: ("mine.tsv".into(), 1),
            ..Default::default()
        }]);
        let g = user.layered_over(Glossary::builtin("pt", "en"));
        let mascate: Vec<&Term> = g
            .terms
            .iter()
            .filter(|t| t.source.iter().any(|s| s == "Mascate"))
            .collect();
        assert_eq!(mascate.len(), 1);
        assert_eq!(mascate[0].targets[..], ["Masqat".to_string()]);
        assert!(g.terms.len() > 100, "built-in terms kept");
        assert_eq!(g.files().last().map(String::as_str), Some("mine.tsv"));
    }

    #[test]
    fn overlong_term_is_refused_with_its_line() {
        let long = "a".repeat(MAX_TERM_CHARS + 1);
        let text = format!("Omã\tOman\n{long}\tx\n");
        let e = Glossary::parse_str("g.tsv", &text, "pt", "en")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("g.tsv:2:"), "{e}");
        let ok = format!("{}\tx\n", "a".repeat(MAX_TERM_CHARS));
        assert!(Glossary::parse_str("g.tsv", &ok, "pt", "en").is_ok());
    }

    #[test]
    fn into_layered_is_for_pair_with_the_terms_moved() {
        let user = Glossary::from_terms(vec![Term {
            source: smallvec::smallvec!["Mascate".into()],
            targets: smallvec::smallvec!["Masqat".into()],
            origin: ("mine.tsv".into(), 1),
            ..Default::default()
        }]);
        let (expected, expected_files) = user.for_pair("pt", "en", true);
        let expected = expected.unwrap();
        let moved = user.into_layered("pt", "en");
        assert_eq!(moved.terms, expected.terms);
        let (again, files) = moved.for_pair("pt", "en", true);
        assert!(again.is_none(), "used as it is");
        assert_eq!(files, expected_files);
        assert!(files.iter().any(|f| f == "built-in glossaries/places.toml"));
        assert_eq!(files.last().map(String::as_str), Some("mine.tsv"));
    }

    #[test]
    fn the_first_pair_scans_and_later_ones_use_the_index_alike() {
        let g = Glossary::builtin("pt", "en");
        let (pt, en) = (
            crate::profile::Profile::builtin("pt"),
            crate::profile::Profile::builtin("en"),
        );
        let texts = [
            "O sultão de Omã em Mascate.",
            "The sultan of Oman in Muscat.",
        ];
        let first = g.matcher_for(&pt, &en, texts);
        assert!(g.index.get().is_none(), "one pair builds no index");
        let second = g.matcher_for(&pt, &en, texts);
        assert!(g.index.get().is_some());
        let whole = g.matcher(&pt, &en);
        for t in texts {
            assert!(!whole.find(t).is_empty(), "{t}");
            assert_eq!(first.find(t), whole.find(t), "{t}");
            assert_eq!(second.find(t), whole.find(t), "{t}");
        }
    }

    #[test]
    fn builtin_glossary_is_for_pt_en_only() {
        let g = Glossary::builtin("pt", "en");
        assert!(
            g.terms
                .iter()
                .any(|t| t.source.contains(&"Mascate".to_string()))
        );
        assert!(g.warnings.is_empty());
        assert!(Glossary::builtin("de", "fr").terms.is_empty());
    }

    #[test]
    fn shipped_glossaries_load_cleanly() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("glossaries");
        let g = Glossary::load(&dir, "pt", "en").unwrap();
        assert!(g.terms.len() > 200, "{}", g.terms.len());
        assert!(g.warnings.is_empty(), "{:#?}", g.warnings);
    }
}
