//! Country names per language (`glossaries/countries/<lang>.tsv`, the ISO
//! 3166 names in each language, embedded by `build.rs`): a country written
//! the way its language writes it (Brazil, Brasil, Brasilien) is the same
//! name, not a misspelling. A language without a file knows no countries.

use crate::text::fold;
use std::collections::HashMap;
use std::sync::OnceLock;

const SHIPPED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/countries.rs"));

/// Per language, each folded word of a country name and the codes of the
/// countries whose names hold it.
type Table = HashMap<&'static str, HashMap<String, Vec<&'static str>>>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        SHIPPED
            .iter()
            .map(|(lang, text)| (*lang, parse(text)))
            .collect()
    })
}

/// `code<TAB>name[<TAB>name…]` lines; `#` starts a comment line.
fn parse(text: &'static str) -> HashMap<String, Vec<&'static str>> {
    let mut words: HashMap<String, Vec<&'static str>> = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let Some(code) = cols.next().filter(|c| !c.is_empty()) else {
            continue;
        };
        for name in cols {
            for w in name.split(|c: char| !c.is_alphabetic()) {
                if w.chars().count() < 3 {
                    continue;
                }
                let codes = words.entry(fold(w)).or_default();
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
    }
    words
}

/// Whether word `a` of language `a_lang` and word `b` of `b_lang` are each
/// a word of the same country's name in its language (Serbia, Sérvia).
pub fn same_country(a_lang: &str, a: &str, b_lang: &str, b: &str) -> bool {
    let t = table();
    let (Some(x), Some(y)) = (t.get(base(a_lang)), t.get(base(b_lang))) else {
        return false;
    };
    let (Some(ca), Some(cb)) = (x.get(&fold(a)), y.get(&fold(b))) else {
        return false;
    };
    ca.iter().any(|c| cb.contains(c))
}

/// The language of a code with a region (`pt-BR`, `pt_BR` → `pt`).
fn base(code: &str) -> &str {
    code.split(['-', '_']).next().unwrap_or(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_in_each_language_is_one_country() {
        assert!(same_country("en", "Brazil", "pt", "Brasil"));
        assert!(same_country("en", "Argentina", "de", "Argentinien"));
        assert!(same_country("en", "Serbia", "pt", "Sérvia"));
        assert!(same_country("en-US", "Serbia", "pt_BR", "Sérvia"));
    }

    #[test]
    fn other_countries_and_other_words_are_not() {
        assert!(!same_country("en", "Brazil", "pt", "Argentina"));
        assert!(!same_country("en", "Brazil", "pt", "Brazul"));
        assert!(!same_country("en", "Bolton", "pt", "Boltom"));
        assert!(!same_country("en", "Brazil", "xx", "Brasil"));
    }
}
