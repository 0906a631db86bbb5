//! Glossaries: reading TSV/CSV, TOML and TBX term lists, and matching terms in text.

use std::path::Path;

/// One glossary entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Term {
    /// Source spellings (the first is the headword).
    pub source: Vec<String>,
    /// Accepted target renderings (the first is preferred).
    pub targets: Vec<String>,
    /// Forbidden target spellings, each with its correction.
    pub forbidden: Vec<(String, String)>,
    pub case_sensitive: bool,
    /// Match inflected forms (plural and gender endings) of common nouns.
    pub inflected: bool,
    pub note: Option<String>,
    /// Where the entry was defined: file and 1-based line.
    pub origin: (String, usize),
}

/// A set of terms for one language pair.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub terms: Vec<Term>,
    /// Non-fatal problems found while reading (duplicates, conflicts).
    pub warnings: Vec<String>,
}

impl Glossary {
    /// Reads a glossary file; the format follows the extension.
    pub fn load(path: &Path, source_lang: &str, target_lang: &str) -> anyhow::Result<Glossary> {
        let _ = (source_lang, target_lang);
        anyhow::bail!("{}: glossary reading is not available yet", path.display())
    }

    /// Merges another glossary into this one.
    pub fn extend(&mut self, other: Glossary) {
        self.terms.extend(other.terms);
        self.warnings.extend(other.warnings);
    }

    /// (source spelling, preferred target) pairs, for alignment anchors.
    pub fn term_pairs(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for t in &self.terms {
            if let Some(tgt) = t.targets.first() {
                for s in &t.source {
                    out.push((s.clone(), tgt.clone()));
                }
            }
        }
        out
    }
}
