//! Bilingual lexicons: frequent general words of one language with their
//! common renderings in another, shipped as data
//! (`glossaries/lexicon/<a>-<b>.tsv`, embedded by `build.rs`). The aligner
//! reads them as weak word-translation anchors: a source word and a target
//! word listed on the same line share a key.
//!
//! Words match by stem (Snowball stemmers, picked by the language code), so
//! a line lists dictionary forms and only the irregular forms a stemmer
//! cannot join. A pair without a lexicon file gets none: nothing changes.

use crate::profile::{PairCache, Profile};
use crate::text::fold;
use foldhash::HashMap;
use rust_stemmers::{Algorithm, Stemmer};
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
    stems: HashMap<String, Vec<u32>>,
    /// The profile's function words: never looked up, so that a frequent
    /// word whose stem collides with a content word's ("para"/"parar")
    /// adds nothing.
    function: std::collections::HashSet<String>,
    /// The profile's inflection rules (base suffix, inflected suffix): a
    /// word the stemmer leaves unknown ("anos", "eleições") is looked up
    /// again as its base forms ("ano", "eleição").
    inflections: Vec<[String; 2]>,
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
            Lexicon::parse_builtin(source, target).map(Arc::new)
        })
    }

    fn parse_builtin(source: &Profile, target: &Profile) -> Option<Lexicon> {
        let name = |a: &str, b: &str| format!("{a}-{b}");
        let forward = name(&source.code, &target.code);
        let backward = name(&target.code, &source.code);
        SHIPPED.iter().find_map(|(pair, text)| {
            if *pair == forward {
                Some(Lexicon::parse(text, source, target, false))
            } else if *pair == backward {
                Some(Lexicon::parse(text, source, target, true))
            } else {
                None
            }
        })
    }

    /// Reads a lexicon file (`a-forms<TAB>b-forms` per line, `#` comments).
    /// With `reversed`, the file's first column is the target language.
    /// Lines without a tab, or with an empty side, are skipped.
    pub fn parse(text: &str, source: &Profile, target: &Profile, reversed: bool) -> Lexicon {
        let mut sides = [Words::new(source), Words::new(target)];
        let second = if reversed { 0 } else { 1 };
        let mut concepts: HashMap<String, u32> = HashMap::default();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((a, b)) = line.split_once('\t') else {
                continue;
            };
            let Some(first) = sides[second].primary(b) else {
                continue;
            };
            let next = concepts.len() as u32;
            let concept = *concepts.entry(first).or_insert(next);
            let (s, t) = if reversed { (b, a) } else { (a, b) };
            sides[0].add(s, concept);
            sides[1].add(t, concept);
        }
        for w in &mut sides {
            for c in w.stems.values_mut() {
                c.sort_unstable();
                c.dedup();
            }
        }
        Lexicon { sides }
    }

    /// The concepts of a word (as written) of one side; empty when it is
    /// a function word, too short, or not listed.
    pub fn concepts(&self, side: Side, word: &str) -> &[u32] {
        let w = &self.sides[side as usize];
        let lower = word.to_lowercase();
        if !w.wanted(&lower) {
            return &[];
        }
        if let Some(c) = w.stems.get(&w.stem(&lower)) {
            return c;
        }
        w.bases(&lower)
            .find_map(|b| w.stems.get(&w.stem(&b)))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

impl Words {
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

    /// The stem of the first word of the first form of `forms` that is looked
    /// up at all (long enough, not a function word).
    fn primary(&self, forms: &str) -> Option<String> {
        forms
            .split(',')
            .flat_map(str::split_whitespace)
            .map(str::to_lowercase)
            .find(|w| self.wanted(w))
            .map(|w| self.stem(&w))
    }

    fn wanted(&self, lower: &str) -> bool {
        lower.chars().filter(|c| c.is_alphabetic()).count() >= MIN_LETTERS
            && !self.function.contains(lower)
    }

    /// Adds the comma-separated forms of one line. A form of several words
    /// ("city hall") adds each of its words that is not a function word.
    fn add(&mut self, forms: &str, concept: u32) {
        for form in forms.split(',') {
            for word in form.split_whitespace() {
                let lower = word.to_lowercase();
                if !self.wanted(&lower) {
                    continue;
                }
                let stem = self.stem(&lower);
                self.stems.entry(stem).or_default().push(concept);
            }
        }
    }

    /// The folded stem of a lower-case word (the word itself, folded, for a
    /// language without a stemmer).
    fn stem(&self, lower: &str) -> String {
        match &self.stemmer {
            Some(s) => fold(&s.stem(lower)),
            None => fold(lower),
        }
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

    #[test]
    fn parse_skips_comments_and_lines_without_a_tab() {
        let (pt, en) = (Profile::builtin("pt"), Profile::builtin("en"));
        let lex = Lexicon::parse("# c\nsem tab\ncasa\thouse, home\n", &pt, &en, false);
        assert!(shares(&lex, "casas", "homes"));
        assert!(lex.concepts(Side::Source, "sem").is_empty());
    }
}
