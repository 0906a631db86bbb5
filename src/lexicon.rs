//! Bilingual lexicons: frequent general words of one language with their
//! common renderings in another, shipped as data
//! (`glossaries/lexicon/<a>-<b>.tsv`, embedded by `build.rs`). The aligner
//! reads them as weak word-translation anchors: a source word and a target
//! word listed on the same line share a key.
//!
//! Words match by stem (Snowball stemmers, picked by the language code), so
//! a line lists dictionary forms and only the irregular forms a stemmer
//! cannot join. A pair without a lexicon file gets none: nothing changes.
//!
//! Users add lexicon files of the same format ([`LexiconFile`]); a run's
//! [`Lexicons`] layers them over the shipped one, per language pair.

use crate::profile::{PairCache, Profile};
use crate::text::fold;
use foldhash::{HashMap, HashSet};
use rust_stemmers::{Algorithm, Stemmer};
use std::path::Path;
use std::sync::Arc;

const SHIPPED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));

/// Least letters a word needs to be looked up: shorter ones are function
/// words or abbreviations in every language shipped.
const MIN_LETTERS: usize = 3;

/// A lexicon oriented for one language pair: the concepts each stem of
/// either side belongs to. A line's concept is its first rendering (second
/// column): lines whose words share a first rendering are synonyms
/// ("safra", "colheita": harvest) and share one concept, so a target word
/// listed on both lines does not give each of them a key of its own.
pub struct Lexicon {
    sides: [Words; 2],
}

/// One language's stems and their concepts.
struct Words {
    stemmer: Option<Stemmer>,
    stems: Stems,
    /// The profile's function words: never looked up, so that a frequent
    /// word whose stem collides with a content word's ("para"/"parar")
    /// adds nothing.
    function: HashSet<String>,
    /// The profile's inflection rules (base suffix, inflected suffix): a
    /// word the stemmer leaves unknown ("anos", "eleições") is looked up
    /// again as its base forms ("ano", "eleição").
    inflections: Vec<[String; 2]>,
    /// Words looked up already ([`Memo`]).
    memo: Memo,
}

/// Shards of a [`Memo`]: rules on other cores seldom wait for one another.
const MEMO_SHARDS: usize = 16;

/// Each word looked up so far (as written) with the stem its concepts are
/// listed under (`None`: it has none). The rules look the same words up
/// link after link, and stemming is most of a look-up's cost.
#[derive(Default)]
struct Memo([std::sync::Mutex<Seen>; MEMO_SHARDS]);

/// One shard of a [`Memo`]: word → the stem its concepts are listed under.
type Seen = HashMap<Box<str>, Option<Box<str>>>;

impl Memo {
    fn shard(&self, word: &str) -> &std::sync::Mutex<Seen> {
        use std::hash::BuildHasher;
        let h = foldhash::fast::FixedState::default().hash_one(word);
        &self.0[(h % MEMO_SHARDS as u64) as usize]
    }
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("source_stems", &self.sides[0].stems.len())
            .field("target_stems", &self.sides[1].stems.len())
            .finish()
    }
}

/// Which side of a pair a word comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Source,
    Target,
}

impl Lexicon {
    /// The shipped lexicon for `source → target` (either file direction),
    /// parsed once per process and pair; `None` when none ships.
    pub fn builtin(source: &Profile, target: &Profile) -> Option<Arc<Lexicon>> {
        static PARSED: PairCache<Option<Arc<Lexicon>>> = PairCache::new();
        PARSED.get(&source.code, &target.code, || {
            let (_, text, reversed) = shipped(source, target)?;
            Some(Arc::new(Lexicon::parse(text, source, target, reversed)))
        })
    }

    /// Reads a lexicon file (`a-forms<TAB>b-forms` per line, `#` comments).
    /// With `reversed`, the file's first column is the target language.
    /// Lines without a tab, or with an empty side, are skipped.
    pub fn parse(text: &str, source: &Profile, target: &Profile, reversed: bool) -> Lexicon {
        let mut b = Builder::new(source, target);
        b.add_text(text, reversed, false);
        b.finish()
    }

    /// The concepts of a word (as written) of one side; empty when it is
    /// a function word, too short, or not listed.
    pub fn concepts(&self, side: Side, word: &str) -> &[u32] {
        let w = &self.sides[side as usize];
        let found = w.concepts(word);
        if !found.is_empty() || !word.contains(['-', '‐']) {
            return found;
        }
        // A hyphenated word the lexicon does not list: its first part that
        // it does, so a verb with an attached pronoun ("disse-lhe",
        // "beijou-o") or a prefixed word ("ex-ministro") is still read.
        word.split(['-', '‐'])
            .map(|part| w.concepts(part))
            .find(|c| !c.is_empty())
            .unwrap_or(&[])
    }
}

/// A lexicon being read, file by file.
struct Builder {
    sides: [Words; 2],
    /// A concept id per first rendering (stemmed).
    concepts: HashMap<String, u32>,
    /// Each side's stems from user files, layered over `sides` at the end.
    user: [Stems; 2],
}

/// Stems and the concepts they belong to.
type Stems = HashMap<String, Vec<u32>>;

/// The stems of some lines of a file, one vector for all, and per line
/// where its source stems start, its target stems start and end.
#[derive(Default)]
struct Stemmed {
    stems: Vec<String>,
    lines: Vec<[usize; 3]>,
}

impl Builder {
    fn new(source: &Profile, target: &Profile) -> Builder {
        Builder {
            sides: [Words::new(source), Words::new(target)],
            concepts: HashMap::default(),
            user: Default::default(),
        }
    }

    /// Adds every line of one file. With `overrides` (a user file), a
    /// source word it lists loses the senses the shipped file gave it.
    fn add_text(&mut self, text: &str, reversed: bool, overrides: bool) {
        use rayon::prelude::*;
        let lines: Vec<&str> = text.lines().collect();
        // The lines' stems over the cores (the costly part of a large
        // file), a chunk of lines in one vector; concepts are numbered
        // after, in file order.
        let (ws, wt) = (&self.sides[0], &self.sides[1]);
        let chunks: Vec<Stemmed> = lines
            .par_chunks(4096)
            .map(|chunk| {
                let mut out = Stemmed::default();
                for line in chunk {
                    let line = line.trim();
                    if line.is_empty() || line.starts_with('#') {
                        continue;
                    }
                    let Some((a, b)) = line.split_once('\t') else {
                        continue;
                    };
                    let (s, t) = if reversed { (b, a) } else { (a, b) };
                    let start = out.stems.len();
                    ws.stems_of(s, &mut out.stems);
                    let mid = out.stems.len();
                    wt.stems_of(t, &mut out.stems);
                    out.lines.push([start, mid, out.stems.len()]);
                }
                out
            })
            .collect();
        let Builder {
            sides: [ws, wt],
            concepts,
            user,
        } = self;
        let mut own = [std::mem::take(&mut ws.stems), std::mem::take(&mut wt.stems)];
        let [ms, mt] = if overrides { user } else { &mut own };
        // Sized once: a large file never rehashes its way up.
        let total: usize = chunks.iter().map(|c| c.lines.len()).sum();
        concepts.reserve(total);
        ms.reserve(total);
        mt.reserve(total);
        for chunk in chunks {
            let mut stems = chunk.stems.into_iter().map(Some).collect::<Vec<_>>();
            for [start, mid, end] in chunk.lines {
                // The concept is the first looked-up word of the second column.
                let first = if reversed { start..mid } else { mid..end };
                let Some(Some(first)) = stems.get(first.start).filter(|_| !first.is_empty()) else {
                    continue;
                };
                let next = concepts.len() as u32;
                let concept = match concepts.get(first) {
                    Some(&c) => c,
                    None => *concepts.entry(first.clone()).or_insert(next),
                };
                for (k, stem) in stems[start..end].iter_mut().enumerate() {
                    let map = if start + k < mid { &mut *ms } else { &mut *mt };
                    if let Some(stem) = stem.take() {
                        map.entry(stem).or_default().push(concept);
                    }
                }
            }
        }
        [ws.stems, wt.stems] = own;
    }

    fn finish(mut self) -> Lexicon {
        let [us, ut] = std::mem::take(&mut self.user);
        // A user's source stem replaces the shipped senses; target stems add.
        let source = &mut self.sides[0].stems;
        if source.is_empty() {
            *source = us;
        } else {
            source.reserve(us.len());
            source.extend(us);
        }
        let target = &mut self.sides[1].stems;
        if target.is_empty() {
            *target = ut;
        } else {
            target.reserve(ut.len());
            for (stem, c) in ut {
                target.entry(stem).or_default().extend(c);
            }
        }
        for w in &mut self.sides {
            for c in w.stems.values_mut() {
                c.sort_unstable();
                c.dedup();
            }
        }
        Lexicon { sides: self.sides }
    }
}

impl Words {
    /// The concepts of one word (as written) of this side.
    fn concepts(&self, word: &str) -> &[u32] {
        let listed = |stem: Option<&str>| stem.and_then(|s| self.stems.get(s));
        let shard = self.memo.shard(word);
        if let Ok(seen) = shard.lock()
            && let Some(stem) = seen.get(word)
        {
            return listed(stem.as_deref()).map_or(&[], Vec::as_slice);
        }
        let stem = self.listed_stem(word);
        let found = listed(stem.as_deref()).map_or(&[][..], Vec::as_slice);
        if let Ok(mut seen) = shard.lock() {
            seen.insert(word.into(), stem.map(String::into_boxed_str));
        }
        found
    }

    /// The stem a word's concepts are listed under: its own, else that of
    /// its first base form listed; `None` for a function word, a short or
    /// an unlisted one.
    fn listed_stem(&self, word: &str) -> Option<String> {
        let lower = lowercase(word);
        if !self.wanted(&lower) {
            return None;
        }
        let stem = self.stem(&lower);
        if self.stems.contains_key(&stem) {
            return Some(stem);
        }
        self.bases(&lower)
            .map(|b| self.stem(&b))
            .find(|s| self.stems.contains_key(s))
    }

    fn new(p: &Profile) -> Words {
        Words {
            stemmer: algorithm(&p.code).map(Stemmer::create),
            stems: HashMap::default(),
            function: p
                .words
                .function_words
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            inflections: p.words.inflections.clone(),
            memo: Memo::default(),
        }
    }

    /// Base forms of an inflected word by the profile's rules, longest
    /// inflected suffix first.
    fn bases<'w>(&'w self, lower: &'w str) -> impl Iterator<Item = String> + 'w {
        let mut rules: Vec<&[String; 2]> = self
            .inflections
            .iter()
            .filter(|[_, infl]| !infl.is_empty() && lower.ends_with(infl.as_str()))
            .collect();
        rules.sort_by_key(|[_, infl]| std::cmp::Reverse(infl.len()));
        rules
            .into_iter()
            .map(move |[base, infl]| format!("{}{base}", &lower[..lower.len() - infl.len()]))
    }

    fn wanted(&self, lower: &str) -> bool {
        lower.chars().filter(|c| c.is_alphabetic()).count() >= MIN_LETTERS
            && !self.function.contains(lower)
    }

    /// The stems of the comma-separated forms of one line, in order. A
    /// form of several words ("city hall") gives each of its words that is
    /// looked up.
    fn stems_of(&self, forms: &str, out: &mut Vec<String>) {
        for form in forms.split(',') {
            for word in form.split_whitespace() {
                let lower = lowercase(word);
                if self.wanted(&lower) {
                    out.push(self.stem(&lower));
                }
            }
        }
    }

    /// The folded stem of a lower-case word (the word itself, folded, for a
    /// language without a stemmer).
    fn stem(&self, lower: &str) -> String {
        let stem = match &self.stemmer {
            Some(s) => s.stem(lower),
            None => std::borrow::Cow::Borrowed(lower),
        };
        // Lower-case ASCII is folded already: no second copy.
        if stem.is_ascii() {
            stem.into_owned()
        } else {
            fold(&stem)
        }
    }
}

/// A word in lower case, copied only when it is not already.
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    // ASCII without capitals: as it is.
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// The shipped file for a pair, either direction: (name, text, reversed).
fn shipped(source: &Profile, target: &Profile) -> Option<(&'static str, &'static str, bool)> {
    let forward = format!("{}-{}", source.code, target.code);
    let backward = format!("{}-{}", target.code, source.code);
    SHIPPED.iter().find_map(|(pair, text)| {
        if *pair == forward {
            Some((*pair, *text, false))
        } else if *pair == backward {
            Some((*pair, *text, true))
        } else {
            None
        }
    })
}

/// Why a user lexicon cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}: cannot read the lexicon: {message}")]
    Io { path: String, message: String },
    #[error("{path}:{line}: {message}")]
    Syntax {
        path: String,
        line: usize,
        message: String,
    },
}

/// A user lexicon, read and checked: the same format as the shipped files.
/// A file named `<a>-<b>.tsv` (ISO 639-1 codes) serves the pairs a→b and
/// b→a; any other name has the source language in its first column.
#[derive(Debug, Clone)]
pub struct LexiconFile {
    /// The path as given, for reports.
    pub name: String,
    /// The languages of the two columns, when the file name gives them.
    columns: Option<(String, String)>,
    text: String,
}

impl LexiconFile {
    /// Reads a lexicon file, or every `.tsv` file of a folder (sorted).
    pub fn load(path: &Path) -> Result<Vec<LexiconFile>, LexiconError> {
        let shown = path.display().to_string();
        let io = |message: String| LexiconError::Io {
            path: shown.clone(),
            message,
        };
        if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(path)
                .map_err(|e| io(e.to_string()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "tsv"))
                .collect();
            files.sort();
            let mut out = Vec::with_capacity(files.len());
            for f in files {
                out.extend(LexiconFile::load(&f)?);
            }
            return Ok(out);
        }
        // Capped, regular files only: a device or FIFO never hangs or fills memory.
        let bytes =
            crate::input::read_limited(path, crate::input::DEFAULT_MAX_FILE_SIZE).map_err(|e| {
                io(format!(
                    "{e}; give a lexicon file (.tsv) or a folder of them"
                ))
            })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            LexiconError::Syntax {
                path: shown.clone(),
                line: valid.iter().filter(|&&b| b == b'\n').count() + 1,
                message: "invalid UTF-8; save the lexicon as UTF-8".into(),
            }
        })?;
        Ok(vec![LexiconFile::parse_str(&shown, text)?])
    }

    /// Checks lexicon text already in memory; `name` names it in errors
    /// and its file name may give the columns' languages.
    pub fn parse_str(name: &str, text: String) -> Result<LexiconFile, LexiconError> {
        let text = match text.strip_prefix('\u{feff}') {
            Some(t) => t.to_string(),
            None => text,
        };
        for (i, line) in text.lines().enumerate() {
            check_line(line).map_err(|message| LexiconError::Syntax {
                path: name.to_string(),
                line: i + 1,
                message,
            })?;
        }
        Ok(LexiconFile {
            name: name.to_string(),
            columns: columns_of(Path::new(name)),
            text,
        })
    }

    /// Whether this file serves `source → target`, and reversed if so.
    fn direction(&self, source: &str, target: &str) -> Option<bool> {
        match &self.columns {
            None => Some(false),
            Some((a, b)) if a == source && b == target => Some(false),
            Some((a, b)) if a == target && b == source => Some(true),
            Some(_) => None,
        }
    }
}

/// The languages a file name such as `pt-en.tsv` gives its columns.
fn columns_of(path: &Path) -> Option<(String, String)> {
    let stem = path.file_stem()?.to_str()?;
    let (a, b) = stem.split_once('-')?;
    (crate::lang::is_iso639_1(a) && crate::lang::is_iso639_1(b))
        .then(|| (a.to_string(), b.to_string()))
}

/// Why a lexicon line is malformed, saying what to do; blank lines and
/// `#` comments are fine.
pub fn check_line(line: &str) -> Result<(), String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(());
    }
    let columns: Vec<&str> = line.split('\t').collect();
    match columns.len() {
        1 => {
            return Err(
                "no tab: write the source forms, a tab, then their renderings (or start the line with # for a comment)"
                    .into(),
            );
        }
        2 => {}
        n => {
            return Err(format!(
                "{n} columns: a line holds two, the source forms and their renderings, separated by one tab"
            ));
        }
    }
    for (k, column) in columns.iter().enumerate() {
        let mut seen: Vec<String> = Vec::new();
        for form in column.split(',') {
            let form = form.trim();
            if form.is_empty() {
                return Err(format!(
                    "column {}: an empty form (a doubled, leading or trailing comma?); remove it",
                    k + 1
                ));
            }
            if form.chars().any(char::is_control) {
                return Err(format!(
                    "column {}: a control character in '{}'; remove it",
                    k + 1,
                    form.escape_default()
                ));
            }
            if !form.chars().any(char::is_alphabetic) {
                return Err(format!(
                    "column {}: '{form}' has no letter; list words, one form between commas",
                    k + 1
                ));
            }
            let lower = form.to_lowercase();
            if seen.contains(&lower) {
                return Err(format!(
                    "column {}: '{form}' is listed twice; keep one",
                    k + 1
                ));
            }
            seen.push(lower);
        }
    }
    Ok(())
}

/// The lexicons of a run: user files layered over the shipped one (unless
/// it is left out), put together once per language pair and shared.
#[derive(Debug, Clone)]
pub struct Lexicons {
    files: Arc<[LexiconFile]>,
    builtin: bool,
    layered: Arc<PairCache<Layer>>,
}

/// A pair's lexicon and the names of the files it comes from.
type Layer = (Option<Arc<Lexicon>>, Arc<[String]>);

impl Default for Lexicons {
    /// The shipped lexicon alone.
    fn default() -> Lexicons {
        Lexicons::new(Vec::new(), true)
    }
}

impl Lexicons {
    pub fn new(files: Vec<LexiconFile>, builtin: bool) -> Lexicons {
        Lexicons {
            files: files.into(),
            builtin,
            layered: Arc::new(PairCache::new()),
        }
    }

    /// Reads every file or folder of `paths`, in order, and layers them
    /// over the shipped lexicon (unless `builtin` is false).
    pub fn load(paths: &[std::path::PathBuf], builtin: bool) -> Result<Lexicons, LexiconError> {
        let mut files = Vec::new();
        for path in paths {
            files.extend(LexiconFile::load(path)?);
        }
        Ok(Lexicons::new(files, builtin))
    }

    /// The lexicon a pair is aligned with and the files it comes from
    /// (the shipped one labelled "built-in"): user lines layered over the
    /// shipped ones, a source word a user file lists losing its shipped
    /// senses; `None` when no file serves the pair.
    pub fn for_pair(
        &self,
        source: &Profile,
        target: &Profile,
    ) -> (Option<Arc<Lexicon>>, Vec<String>) {
        let shipped = if self.builtin {
            shipped(source, target)
        } else {
            None
        };
        let builtin_name = shipped.map(|(n, _, _)| format!("built-in glossaries/lexicon/{n}.tsv"));
        if self.files.is_empty() {
            let lex = self
                .builtin
                .then(|| Lexicon::builtin(source, target))
                .flatten();
            return (lex, builtin_name.into_iter().collect());
        }
        let (lex, names) = self.layered.get(&source.code, &target.code, || {
            self.layer(source, target, shipped, builtin_name)
        });
        (lex, names.to_vec())
    }

    fn layer(
        &self,
        source: &Profile,
        target: &Profile,
        shipped: Option<(&str, &str, bool)>,
        builtin_name: Option<String>,
    ) -> Layer {
        let mut names: Vec<String> = builtin_name.into_iter().collect();
        let serves = |f: &LexiconFile| f.direction(&source.code, &target.code).is_some();
        if !self.files.iter().any(serves) {
            // No user file for this pair: the shipped lexicon, parsed once.
            let lex = shipped.and_then(|_| Lexicon::builtin(source, target));
            return (lex, names.into());
        }
        let mut b = Builder::new(source, target);
        if let Some((_, text, reversed)) = shipped {
            b.add_text(text, reversed, false);
        }
        for f in self.files.iter() {
            if let Some(reversed) = f.direction(&source.code, &target.code) {
                b.add_text(&f.text, reversed, true);
                names.push(f.name.clone());
            }
        }
        (Some(Arc::new(b.finish())), names.into())
    }
}

/// The Snowball stemmer for an ISO 639-1 code, if there is one.
fn algorithm(code: &str) -> Option<Algorithm> {
    Some(match code {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "en" => Algorithm::English,
        "es" => Algorithm::Spanish,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nl" => Algorithm::Dutch,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt_en() -> Arc<Lexicon> {
        Lexicon::builtin(&Profile::builtin("pt"), &Profile::builtin("en")).expect("pt-en ships")
    }

    fn shares(lex: &Lexicon, s: &str, t: &str) -> bool {
        let a = lex.concepts(Side::Source, s);
        let b = lex.concepts(Side::Target, t);
        a.iter().any(|c| b.contains(c))
    }

    #[test]
    fn inflected_forms_meet_by_stem() {
        let lex = pt_en();
        assert!(shares(&lex, "prefeitos", "mayors"));
        assert!(shares(&lex, "comentou", "comment"));
        assert!(shares(&lex, "Prefeito", "Mayor"));
        // Plurals the stemmer leaves alone, by the profile's inflections.
        assert!(shares(&lex, "eleições", "elections"));
        assert!(shares(&lex, "anos", "years"));
        assert!(shares(&lex, "policiais", "police"));
        // Irregular forms listed on the line.
        assert!(shares(&lex, "trouxe", "brought"));
        assert!(!shares(&lex, "prefeito", "election"));
    }

    #[test]
    fn a_hyphenated_word_is_read_by_its_listed_part() {
        let lex = pt_en();
        // A verb with an attached pronoun, a prefixed noun.
        assert!(shares(&lex, "Trouxe-o", "brought"));
        assert!(shares(&lex, "ex-prefeito", "mayor"));
        // A hyphenated word the lexicon lists stays whole.
        assert_eq!(
            lex.concepts(Side::Source, "alto-falante"),
            lex.concepts(Side::Source, "altifalante")
        );
        assert!(lex.concepts(Side::Source, "xyzw-abcd").is_empty());
    }

    #[test]
    fn a_word_looked_up_again_gets_the_concepts_of_its_first_look_up() {
        let (pt, en) = (Profile::builtin("pt"), Profile::builtin("en"));
        let (_, text, reversed) = shipped(&pt, &en).expect("pt-en ships");
        let (a, b) = (
            Lexicon::parse(text, &pt, &en, reversed),
            Lexicon::parse(text, &pt, &en, reversed),
        );
        let words = ["prefeitos", "Eleições", "Trouxe-o", "para", "xyzw", "anos"];
        let first: Vec<Vec<u32>> = words
            .iter()
            .map(|w| a.concepts(Side::Source, w).to_vec())
            .collect();
        // Again on the same lexicon, and first on another, in reverse order.
        for (w, c) in words.iter().zip(&first).rev() {
            assert_eq!(a.concepts(Side::Source, w), &c[..], "{w}");
            assert_eq!(b.concepts(Side::Source, w), &c[..], "{w}");
        }
        assert!(!first[0].is_empty() && !first[1].is_empty() && !first[2].is_empty());
        assert!(first[3].is_empty() && first[4].is_empty());
    }

    #[test]
    fn synonyms_with_one_first_rendering_share_a_concept() {
        let lex = pt_en();
        // safra: harvest, crop; colheita: harvest.
        let t = lex.concepts(Side::Target, "harvest");
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(lex.concepts(Side::Source, "safra"), t);
        assert_eq!(lex.concepts(Side::Source, "colheita"), t);
        assert!(shares(&lex, "safra", "crops"));
    }

    #[test]
    fn function_words_and_short_words_add_nothing() {
        let lex = pt_en();
        // "para" stems like "parar" (to stop) but is a function word.
        assert!(lex.concepts(Side::Source, "para").is_empty());
        assert!(lex.concepts(Side::Source, "é").is_empty());
        assert!(lex.concepts(Side::Target, "the").is_empty());
        assert!(!lex.concepts(Side::Source, "parar").is_empty());
    }

    #[test]
    fn either_file_direction_serves_a_pair() {
        let rev = Lexicon::builtin(&Profile::builtin("en"), &Profile::builtin("pt")).unwrap();
        let a = rev.concepts(Side::Source, "mayor");
        let b = rev.concepts(Side::Target, "prefeita");
        assert!(a.iter().any(|c| b.contains(c)));
    }

    #[test]
    fn a_pair_without_a_file_has_none() {
        assert!(Lexicon::builtin(&Profile::builtin("de"), &Profile::builtin("fr")).is_none());
    }

    fn first_stem(w: &Words, forms: &str) -> Option<String> {
        let mut out = Vec::new();
        w.stems_of(forms, &mut out);
        out.into_iter().next()
    }

    /// Every shipped file: each line well formed, each side with a word
    /// that is looked up, and no form listed twice for one concept (a
    /// duplicate line, or a synonym line repeating a form).
    #[test]
    fn shipped_files_are_well_formed_without_duplicates() {
        for (pair, text) in SHIPPED {
            let (a, b) = pair.split_once('-').expect("files are named <a>-<b>.tsv");
            let (pa, pb) = (Profile::builtin(a), Profile::builtin(b));
            let (wa, wb) = (Words::new(&pa), Words::new(&pb));
            let mut seen: HashMap<(String, String), usize> = HashMap::default();
            let mut problems = Vec::new();
            let mut lines = 0;
            for (i, line) in text.lines().enumerate() {
                let n = i + 1;
                if let Err(e) = check_line(line) {
                    panic!("{pair}.tsv:{n}: {e}");
                }
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                lines += 1;
                let (left, right) = line.split_once('\t').unwrap();
                let (Some(concept), Some(_)) = (first_stem(&wb, right), first_stem(&wa, left))
                else {
                    problems.push(format!("{pair}.tsv:{n}: a side with no word looked up (a function word or under {MIN_LETTERS} letters); drop the line"));
                    continue;
                };
                for form in left.split(',') {
                    let key = (form.trim().to_lowercase(), concept.clone());
                    if let Some(first) = seen.insert(key, n) {
                        problems.push(format!("{pair}.tsv:{n}: '{}' is on line {first} for the same concept; merge the lines", form.trim()));
                    }
                }
            }
            assert!(problems.is_empty(), "{}", problems.join("\n"));
            assert!(lines > 0, "{pair}.tsv has no entries");
        }
    }

    /// Forms of different lines of a shipped file whose stems collide while
    /// their renderings share no stem ("cobrar" charge, "cobre" copper):
    /// `(stem, form a, line a, form b, line b)`. The same form on two lines
    /// is a deliberate second sense, not a collision.
    fn stem_collisions(pair: &str, text: &str) -> Vec<(String, String, usize, String, usize)> {
        let (a, b) = pair.split_once('-').expect("files are named <a>-<b>.tsv");
        let (wa, wb) = (
            Words::new(&Profile::builtin(a)),
            Words::new(&Profile::builtin(b)),
        );
        // stem -> (form, line, the line's rendering stems)
        let mut by_stem: HashMap<String, Vec<(String, usize, Vec<String>)>> = HashMap::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            let Some((left, right)) = line.split_once('\t').filter(|_| !line.starts_with('#'))
            else {
                continue;
            };
            let mut renderings = Vec::new();
            wb.stems_of(right, &mut renderings);
            for form in left.split(',') {
                let mut stems = Vec::new();
                wa.stems_of(form, &mut stems);
                let lower = form.trim().to_lowercase();
                for stem in stems {
                    by_stem.entry(stem).or_default().push((
                        lower.clone(),
                        i + 1,
                        renderings.clone(),
                    ));
                }
            }
        }
        let mut out = Vec::new();
        for (stem, entries) in by_stem {
            for (k, (fa, la, ra)) in entries.iter().enumerate() {
                for (fb, lb, rb) in &entries[k + 1..] {
                    if la != lb && fa != fb && !related(ra, rb) {
                        out.push((stem.clone(), fa.clone(), *la, fb.clone(), *lb));
                    }
                }
            }
        }
        out.sort_by_key(|c| (c.2, c.4));
        out
    }

    /// Whether two lines' rendering stems share one, or a word family (a
    /// common beginning of five letters: "socialism", "socialist").
    fn related(a: &[String], b: &[String]) -> bool {
        a.iter().any(|x| {
            b.iter().any(|y| {
                x == y || (x.len() >= 5 && y.len() >= 5 && x.chars().take(5).eq(y.chars().take(5)))
            })
        })
    }

    /// Pairs of forms of unrelated lines that the Snowball stemmer joins,
    /// counted when this audit was written (pt-en: "partido"/"parte",
    /// "caso"/"casa", "mãe"/"mão", ...). Narrowing such a stem to the line
    /// that lists the word itself lowered the Bible mutation recall, so
    /// they stay; a new line must not add to them.
    const KNOWN_COLLISIONS: usize = 509;

    #[test]
    fn shipped_lines_add_no_stem_collisions() {
        let mut list = Vec::new();
        for (pair, text) in SHIPPED {
            list.extend(
                stem_collisions(pair, text)
                    .iter()
                    .map(|(s, fa, la, fb, lb)| {
                        format!("{pair}.tsv:{la} '{fa}' and :{lb} '{fb}' share the stem '{s}'")
                    }),
            );
        }
        assert!(
            list.len() <= KNOWN_COLLISIONS,
            "{} stem collisions, {KNOWN_COLLISIONS} known; give a new form a line whose renderings relate, or drop it:\n{}",
            list.len(),
            list.join("\n")
        );
    }

    #[test]
    fn the_audit_finds_a_stem_collision() {
        let text = "cobrar\tcharge\ncobre\tcopper\ncobrança\tcharge, billing\n";
        let found = stem_collisions("pt-en", text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].1.as_str(), found[0].3.as_str()),
            ("cobrar", "cobre")
        );
    }

    #[test]
    fn the_pt_en_file_covers_thousands_of_forms() {
        let text = SHIPPED.iter().find(|(p, _)| *p == "pt-en").unwrap().1;
        let forms: usize = text
            .lines()
            .filter(|l| !l.starts_with('#') && l.contains('\t'))
            .map(|l| l.split('\t').next().unwrap().split(',').count())
            .sum();
        assert!(forms >= 4000, "{forms} Portuguese forms");
        let lex = pt_en();
        // pt-PT and pt-BR forms of software words meet one rendering.
        for (pt, en) in [
            ("ficheiro", "file"),
            ("arquivos", "files"),
            ("guardar", "save"),
            ("salvou", "saved"),
            ("definições", "settings"),
            ("configurações", "settings"),
            ("utilizadores", "users"),
        ] {
            assert!(shares(&lex, pt, en), "{pt} / {en}");
        }
    }

    #[test]
    fn malformed_lines_say_what_to_do() {
        assert!(check_line("# comment").is_ok());
        assert!(check_line("   ").is_ok());
        assert!(check_line("casa\thouse, home").is_ok());
        assert!(check_line("casa house").unwrap_err().contains("no tab"));
        assert!(
            check_line("casa\thouse\tnote")
                .unwrap_err()
                .contains("3 columns")
        );
        assert!(
            check_line("casa,\thouse")
                .unwrap_err()
                .contains("empty form")
        );
        assert!(
            check_line("casa\thouse,,home")
                .unwrap_err()
                .contains("empty form")
        );
        assert!(check_line("casa\t42").unwrap_err().contains("no letter"));
        assert!(
            check_line("casa, Casa\thouse")
                .unwrap_err()
                .contains("twice")
        );
        assert!(
            check_line("casa\tho\u{7}use")
                .unwrap_err()
                .contains("control")
        );
    }

    fn user(name: &str, text: &str) -> LexiconFile {
        LexiconFile::parse_str(name, text.to_string()).unwrap()
    }

    fn layered(files: Vec<LexiconFile>, builtin: bool) -> (Option<Arc<Lexicon>>, Vec<String>) {
        let (pt, en) = (Profile::builtin("pt"), Profile::builtin("en"));
        Lexicons::new(files, builtin).for_pair(&pt, &en)
    }

    #[test]
    fn a_user_file_layers_over_the_builtin_one() {
        let (lex, names) = layered(vec![user("mine.tsv", "banco\tbench\nxícara\tmug\n")], true);
        let lex = lex.unwrap();
        assert_eq!(names, ["built-in glossaries/lexicon/pt-en.tsv", "mine.tsv"]);
        // The user's sense replaces the shipped one for its source word ...
        assert!(shares(&lex, "banco", "bench"));
        assert!(!shares(&lex, "banco", "bank"));
        // ... a new rendering is added, and other shipped lines stay.
        assert!(shares(&lex, "xícara", "mug"));
        assert!(shares(&lex, "prefeitos", "mayors"));
        assert!(
            shares(&pt_en(), "banco", "bank"),
            "the shipped lexicon is untouched"
        );
    }

    #[test]
    fn without_the_builtin_lexicon_only_user_lines_count() {
        let (lex, names) = layered(vec![user("mine.tsv", "banco\tbench\n")], false);
        let lex = lex.unwrap();
        assert_eq!(names, ["mine.tsv"]);
        assert!(shares(&lex, "banco", "bench"));
        assert!(!shares(&lex, "prefeito", "mayor"));
        let (none, names) = layered(Vec::new(), false);
        assert!(none.is_none() && names.is_empty());
    }

    #[test]
    fn a_file_named_for_a_pair_serves_that_pair_only() {
        let files = vec![
            user("dir/en-pt.tsv", "bench\tbanco\n"),
            user("dir/de-fr.tsv", "Bank\tbanc\n"),
        ];
        let (lex, names) = layered(files, false);
        assert_eq!(names, ["dir/en-pt.tsv"]);
        assert!(shares(&lex.unwrap(), "bancos", "benches"));
    }

    #[test]
    fn user_files_report_their_line() {
        let err = LexiconFile::parse_str("mine.tsv", "# ok\ncasa\thouse\ncasa house\n".into())
            .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("mine.tsv:3: no tab"), "{msg}");
        let bom = LexiconFile::parse_str("b.tsv", "\u{feff}casa\thouse\n".into()).unwrap();
        let (lex, _) = layered(vec![bom], false);
        assert!(shares(&lex.unwrap(), "casa", "house"));
    }

    #[test]
    fn a_large_user_file_loads() {
        // 100,000 lines; a quadratic step would show as a hang here, the
        // time itself is measured apart (README, Bilingual lexicon).
        let mut text = String::new();
        for i in 0..100_000 {
            text.push_str(&format!("palavra{i}, termo{i}\tword{i}, term{i}\n"));
        }
        let file = LexiconFile::parse_str("big.tsv", text).unwrap();
        let (lex, _) = layered(vec![file], true);
        let lex = lex.unwrap();
        assert!(shares(&lex, "termo99999", "word99999"));
        assert!(!shares(&lex, "termo99999", "word1"));
    }

    #[test]
    fn parse_skips_comments_and_lines_without_a_tab() {
        let (pt, en) = (Profile::builtin("pt"), Profile::builtin("en"));
        let lex = Lexicon::parse("# c\nsem tab\ncasa\thouse, home\n", &pt, &en, false);
        assert!(shares(&lex, "casas", "homes"));
        assert!(lex.concepts(Side::Source, "sem").is_empty());
    }
}
