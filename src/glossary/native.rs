//! The native `.toml` glossary format.
//!
//! ```toml
//! source_lang = "pt"        # optional; a file for another pair is skipped
//! target_lang = "en"
//! case_sensitive = true      # optional default for every term
//! match = "word"             # optional default for every term
//!
//! [[term]]
//! source = ["Teerã", "Teerão"]   # a string or a list of variants
//! target = ["Tehran"]            # accepted, first preferred; defaults to the source
//! forbidden = ["Teheran", { spelling = "Teeran", use = "Tehran" }]
//! case_sensitive = false
//! match = "word"                 # or "inflected"
//! note = "capital of Iran"
//! ```

use super::{Glossary, GlossaryError, Term};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    source_lang: Option<String>,
    target_lang: Option<String>,
    /// Defaults for every term of the file.
    #[serde(default)]
    case_sensitive: bool,
    #[serde(default, rename = "match")]
    matching: Option<Matching>,
    #[serde(default)]
    term: Vec<toml::Spanned<TermDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermDef {
    source: OneOrMany,
    #[serde(default)]
    target: Option<OneOrMany>,
    #[serde(default)]
    forbidden: Vec<Forbidden>,
    #[serde(default)]
    case_sensitive: Option<bool>,
    #[serde(default, rename = "match")]
    matching: Option<Matching>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    forbidden_anywhere: bool,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Forbidden {
    Spelling(String),
    WithUse(ForbiddenDef),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ForbiddenDef {
    spelling: String,
    #[serde(rename = "use")]
    replacement: Option<String>,
}

#[derive(Deserialize, Default, PartialEq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Matching {
    #[default]
    Word,
    Inflected,
}

pub(super) fn parse(
    path: &str,
    text: &str,
    source_lang: &str,
    target_lang: &str,
) -> Result<Glossary, GlossaryError> {
    let file = read_file(path, text)?;
    let mut g = Glossary::default();
    if let Some(warning) = other_pair(&file, path, source_lang, target_lang) {
        g.warnings.push(warning);
        return Ok(g);
    }
    let lines = crate::text::LineIndex::new(text);
    for spanned in file.term {
        let (line, _) = lines.line_col(text, spanned.span().start);
        let def = spanned.into_inner();
        g.terms
            .push(term(path, line, def, file.case_sensitive, file.matching)?);
    }
    Ok(g)
}

/// The TOML of the file; a syntax error names its line and column.
fn read_file(path: &str, text: &str) -> Result<File, GlossaryError> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map(|s| crate::text::line_col_of(text, s.start))
            .unwrap_or((1, 1));
        GlossaryError::Syntax {
            path: path.to_string(),
            line,
            column,
            message: format!(
                "invalid glossary: {}; see glossaries/README.md for the format",
                e.message().trim()
            ),
        }
    })
}

/// A warning when the file declares another language pair: such a file is
/// skipped, not an error, so a directory may hold glossaries of many pairs.
fn other_pair(file: &File, path: &str, source_lang: &str, target_lang: &str) -> Option<String> {
    let pair_ok = file
        .source_lang
        .as_deref()
        .is_none_or(|l| super::lang_matches(l, source_lang))
        && file
            .target_lang
            .as_deref()
            .is_none_or(|l| super::lang_matches(l, target_lang));
    (!pair_ok).then(|| {
        format!(
            "{path}: glossary is for {}→{}, not {source_lang}→{target_lang}; skipped",
            file.source_lang.as_deref().unwrap_or("?"),
            file.target_lang.as_deref().unwrap_or("?"),
        )
    })
}

/// One `[[term]]` at `line`, with the file's defaults for what it leaves out.
fn term(
    path: &str,
    line: usize,
    def: TermDef,
    case_sensitive: bool,
    matching: Option<Matching>,
) -> Result<Term, GlossaryError> {
    let row_err = |message: String| GlossaryError::Row {
        path: path.to_string(),
        line,
        message,
    };
    let source: Vec<String> = clean(def.source.into_vec());
    if source.is_empty() {
        return Err(row_err(
            "term has an empty 'source'; give at least one source spelling".into(),
        ));
    }
    let targets = match def.target {
        Some(t) => clean(t.into_vec()),
        None => source.clone(),
    };
    if targets.is_empty() {
        return Err(row_err(
            "term has an empty 'target'; give at least one accepted rendering or leave 'target' out to keep the source spelling".into(),
        ));
    }
    let forbidden = forbidden_spellings(def.forbidden, &targets).map_err(row_err)?;
    Ok(Term {
        source: source.into(),
        targets: targets.into(),
        forbidden,
        case_sensitive: def.case_sensitive.unwrap_or(case_sensitive),
        inflected: def.matching.or(matching).unwrap_or_default() == Matching::Inflected,
        note: def.note,
        origin: (path.into(), line),
        forbidden_anywhere: def.forbidden_anywhere,
    })
}

/// (spelling, replacement) of each forbidden spelling, the replacement
/// defaulting to the preferred target; a spelling both accepted and
/// forbidden is a contradiction the author must resolve.
fn forbidden_spellings(
    list: Vec<Forbidden>,
    targets: &[String],
) -> Result<Vec<(String, String)>, String> {
    let preferred = targets[0].clone();
    let mut forbidden = Vec::new();
    for f in list {
        let (spelling, replacement) = match f {
            Forbidden::Spelling(s) => (s, None),
            Forbidden::WithUse(d) => (d.spelling, d.replacement),
        };
        let spelling = spelling.trim().to_string();
        if spelling.is_empty() {
            return Err("empty forbidden spelling; remove it".into());
        }
        if targets.contains(&spelling) {
            return Err(format!(
                "'{spelling}' is both accepted and forbidden; remove it from one list"
            ));
        }
        forbidden.push((spelling, replacement.unwrap_or_else(|| preferred.clone())));
    }
    Ok(forbidden)
}

fn clean(v: Vec<String>) -> Vec<String> {
    v.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_full_schema() {
        let g = parse(
            "g.toml",
            r#"source_lang = "pt"
target_lang = "en"

[[term]]
source = ["Teerã", "Teerão"]
target = ["Tehran"]
forbidden = ["Teheran", { spelling = "Teeran", use = "Tehran" }]
note = "capital of Iran"

[[term]]
source = "ministro"
target = "minister"
match = "inflected"
case_sensitive = true
"#,
            "pt",
            "en",
        )
        .unwrap();
        assert_eq!(g.terms.len(), 2);
        let t = &g.terms[0];
        assert_eq!(t.source[..], ["Teerã", "Teerão"]);
        assert_eq!(
            t.forbidden,
            [
                ("Teheran".to_string(), "Tehran".to_string()),
                ("Teeran".to_string(), "Tehran".to_string())
            ]
        );
        assert_eq!(t.origin.1, 4);
        assert!(g.terms[1].inflected && g.terms[1].case_sensitive);
        assert_eq!(g.terms[1].origin.1, 10);
    }

    #[test]
    fn file_level_defaults_apply_unless_overridden() {
        let g = parse(
            "g.toml",
            "case_sensitive = true\nmatch = \"inflected\"\n[[term]]\nsource = \"A\"\n[[term]]\nsource = \"B\"\ncase_sensitive = false\nmatch = \"word\"\n",
            "pt",
            "en",
        )
        .unwrap();
        assert!(g.terms[0].case_sensitive && g.terms[0].inflected);
        assert!(!g.terms[1].case_sensitive && !g.terms[1].inflected);
    }

    #[test]
    fn target_defaults_to_source_for_names() {
        let g = parse(
            "n.toml",
            "[[term]]\nsource = \"Abbas Araghchi\"\nforbidden = [\"Abbas Araqchi\"]\n",
            "pt",
            "en",
        )
        .unwrap();
        assert_eq!(g.terms[0].targets[..], ["Abbas Araghchi"]);
        assert_eq!(g.terms[0].forbidden[0].1, "Abbas Araghchi");
    }

    #[test]
    fn invalid_toml_names_line_and_column() {
        let e = parse(
            "g.toml",
            "[[term]]\nsource = \"A\"\ntarget = [\"B\"\n",
            "pt",
            "en",
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("g.toml:3:"), "{e}");
    }

    #[test]
    fn unknown_key_is_an_error() {
        let e = parse(
            "g.toml",
            "[[term]]\nsource = \"A\"\ntraget = \"B\"\n",
            "pt",
            "en",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("g.toml:") && e.contains("traget"), "{e}");
    }

    #[test]
    fn bad_match_value_is_an_error() {
        let e = parse(
            "g.toml",
            "[[term]]\nsource = \"A\"\nmatch = \"fuzzy\"\n",
            "pt",
            "en",
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("g.toml:3:"), "{e}");
    }

    #[test]
    fn empty_source_is_an_error_with_line() {
        let e = parse("g.toml", "\n[[term]]\nsource = []\n", "pt", "en")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("g.toml:2:"), "{e}");
    }

    #[test]
    fn accepted_and_forbidden_same_spelling_is_an_error() {
        let e = parse(
            "g.toml",
            "[[term]]\nsource = \"A\"\ntarget = \"B\"\nforbidden = [\"B\"]\n",
            "pt",
            "en",
        )
        .unwrap_err();
        assert!(matches!(e, GlossaryError::Row { line: 1, .. }), "{e}");
    }

    #[test]
    fn other_language_pair_is_skipped_with_a_warning() {
        let g = parse(
            "g.toml",
            "source_lang = \"es\"\n[[term]]\nsource = \"A\"\n",
            "pt",
            "en",
        )
        .unwrap();
        assert!(g.terms.is_empty());
        assert_eq!(g.warnings.len(), 1);
    }

    #[test]
    fn regional_tag_matches() {
        let g = parse(
            "g.toml",
            "source_lang = \"pt-BR\"\n[[term]]\nsource = \"A\"\n",
            "pt",
            "en",
        )
        .unwrap();
        assert_eq!(g.terms.len(), 1);
    }
}
