//! `.tsv` / `.csv` glossaries: `source<TAB>target[<TAB>note]` rows.
//!
//! `#` starts a comment line; a header row (`source`, `target`, …) is
//! skipped. Rows with the same source list accepted alternatives.

use super::{Glossary, GlossaryError, Term};
use std::collections::HashMap;

const HEADER_WORDS: &[&str] = &[
    "source",
    "target",
    "source term",
    "target term",
    "term",
    "translation",
    "note",
    "notes",
    "comment",
];

pub(super) fn parse(path: &str, text: &str, delimiter: u8) -> Result<Glossary, GlossaryError> {
    // Comment lines become empty lines, so byte offsets (and line numbers) hold.
    let blanked: String = text
        .split_inclusive('\n')
        .map(|l| {
            if l.trim_start().starts_with('#') {
                if l.ends_with('\n') { "\n" } else { "" }
            } else {
                l
            }
        })
        .collect();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .quoting(delimiter != b'\t')
        .from_reader(blanked.as_bytes());
    let mut g = Glossary::default();
    // Source spelling → index of its term, so that repeated rows merge.
    let mut by_source: HashMap<String, usize> = HashMap::new();
    // Line of each target row of each term, for duplicate warnings.
    let mut target_lines: Vec<Vec<usize>> = Vec::new();
    let mut first = true;
    let lines = crate::text::LineIndex::new(&blanked);
    for rec in reader.records() {
        // A record's position may point at empty lines skipped before it.
        let line_of = |byte: u64| {
            let b = byte as usize;
            let skip = blanked
                .get(b..)
                .map(|r| r.len() - r.trim_start_matches(['\n', '\r']).len())
                .unwrap_or(0);
            lines.line_col(&blanked, b + skip).0
        };
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| line_of(p.byte())).unwrap_or(0);
            GlossaryError::Row {
                path: path.to_string(),
                line,
                message: format!("cannot read row: {e}; fix the row or quote the field"),
            }
        })?;
        let line = rec.position().map(|p| line_of(p.byte())).unwrap_or(0);
        let fields: Vec<&str> = rec.iter().map(str::trim).collect();
        if fields.iter().all(|f| f.is_empty()) {
            continue;
        }
        if first {
            first = false;
            let is_header = fields
                .iter()
                .take(2)
                .all(|f| HEADER_WORDS.contains(&f.to_lowercase().as_str()) || is_lang_code(f));
            if is_header {
                continue;
            }
        }
        let sep = if delimiter == b'\t' {
            "a tab"
        } else {
            "a comma"
        };
        let (src, tgt) = match (fields.first(), fields.get(1)) {
            (Some(s), Some(t)) if !s.is_empty() && !t.is_empty() => (*s, *t),
            _ => {
                return Err(GlossaryError::Row {
                    path: path.to_string(),
                    line,
                    message: format!(
                        "expected 'source term', {sep}, 'target term' (and optionally {sep} and a note); found {} non-empty field(s)",
                        fields.iter().filter(|f| !f.is_empty()).count()
                    ),
                });
            }
        };
        let note = fields
            .get(2..)
            .map(|rest| rest.join(" ").trim().to_string())
            .filter(|n| !n.is_empty());
        match by_source.get(src) {
            Some(&i) => {
                let (Some(t), Some(lines_of)) = (g.terms.get_mut(i), target_lines.get_mut(i))
                else {
                    continue;
                };
                if let Some(k) = t.targets.iter().position(|x| x == tgt) {
                    let prev = lines_of.get(k).copied().unwrap_or(0);
                    g.warnings.push(format!(
                        "{path}:{line}: duplicate of the row at line {prev} ('{src}' → '{tgt}'); remove one"
                    ));
                    continue;
                }
                t.targets.push(tgt.to_string());
                lines_of.push(line);
                if t.note.is_none() {
                    t.note = note;
                }
            }
            None => {
                by_source.insert(src.to_string(), g.terms.len());
                target_lines.push(vec![line]);
                g.terms.push(Term {
                    source: vec![src.to_string()],
                    targets: vec![tgt.to_string()],
                    note,
                    origin: (path.to_string(), line),
                    // A common noun (prefeito → mayor) matches its plural and
                    // gender forms too; a name is matched as written.
                    inflected: src.chars().next().is_some_and(char::is_lowercase),
                    ..Default::default()
                });
            }
        }
    }
    Ok(g)
}

fn is_lang_code(f: &str) -> bool {
    let primary = f.split(['-', '_']).next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && f.len() <= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_notes_and_comments() {
        let g = parse(
            "g.tsv",
            "# places\nMascate\tMuscat\tcapital of Oman\n\nOmã\tOman\n",
            b'\t',
        )
        .unwrap();
        assert_eq!(g.terms.len(), 2);
        assert_eq!(g.terms[0].source, ["Mascate"]);
        assert_eq!(g.terms[0].targets, ["Muscat"]);
        assert_eq!(g.terms[0].note.as_deref(), Some("capital of Oman"));
        assert_eq!(g.terms[0].origin, ("g.tsv".to_string(), 2));
        assert_eq!(g.terms[1].origin.1, 4);
    }

    #[test]
    fn header_row_is_skipped() {
        let g = parse("g.tsv", "source\ttarget\tnote\nCatar\tQatar\n", b'\t').unwrap();
        assert_eq!(g.terms.len(), 1);
        let g = parse("g.csv", "pt,en\nCatar,Qatar\n", b',').unwrap();
        assert_eq!(g.terms[0].targets, ["Qatar"]);
    }

    #[test]
    fn first_row_of_terms_is_not_a_header() {
        let g = parse("g.tsv", "Catar\tQatar\n", b'\t').unwrap();
        assert_eq!(g.terms.len(), 1);
    }

    #[test]
    fn same_source_rows_are_alternatives() {
        let g = parse("g.tsv", "Turquia\tTürkiye\nTurquia\tTurkey\n", b'\t').unwrap();
        assert_eq!(g.terms.len(), 1);
        assert_eq!(g.terms[0].targets, ["Türkiye", "Turkey"]);
    }

    #[test]
    fn several_sources_may_share_a_target() {
        let g = parse("g.tsv", "Araqchi\tAraghchi\nAraghchi\tAraghchi\n", b'\t').unwrap();
        assert_eq!(g.terms.len(), 2);
    }

    #[test]
    fn duplicate_row_is_a_warning() {
        let g = parse("g.tsv", "Omã\tOman\nOmã\tOman\n", b'\t').unwrap();
        assert_eq!(g.terms.len(), 1);
        assert_eq!(g.terms[0].targets.len(), 1);
        assert!(g.warnings[0].starts_with("g.tsv:2:"), "{:?}", g.warnings);
    }

    #[test]
    fn row_without_target_is_an_error_with_line() {
        let e = parse("g.tsv", "Omã\tOman\nCatar\n", b'\t')
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("g.tsv:2:"), "{e}");
        assert!(e.contains("tab"), "{e}");
    }

    #[test]
    fn crlf_line_endings_are_read() {
        let g = parse("g.tsv", "# c\r\nOmã\tOman\r\nCatar\tQatar\r\n", b'\t').unwrap();
        assert_eq!(g.terms.len(), 2);
        assert_eq!(g.terms[1].targets, ["Qatar"]);
        assert_eq!(g.terms[1].origin.1, 3);
    }

    #[test]
    fn csv_quotes_allow_commas() {
        let g = parse("g.csv", "\"Washington, D.C.\",\"Washington, DC\"\n", b',').unwrap();
        assert_eq!(g.terms[0].source, ["Washington, D.C."]);
    }

    #[test]
    fn tsv_keeps_quote_characters() {
        let g = parse("g.tsv", "\"Lula\"\tLula\n", b'\t').unwrap();
        assert_eq!(g.terms[0].source, ["\"Lula\""]);
    }
}
