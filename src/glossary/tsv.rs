//! `.tsv` / `.csv` glossaries: `source<TAB>target[<TAB>note]` rows.
//!
//! `#` starts a comment line; a header row (`source`, `target`, …) is
//! skipped. Rows with the same source list accepted alternatives.

use super::{Glossary, GlossaryError, Term};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::hash_map::Entry;

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
    // About one term a line: sized once, not grown row by row. A row takes
    // eight bytes or more, and past a million rows the lists grow as they
    // fill, so a file of empty lines reserves little.
    let lines = (memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1)
        .min(text.len() / 8)
        .min(1 << 20);
    let mut rows = Rows::new(path, delimiter, lines);
    if delimiter == b'\t' {
        read_tsv(text, &mut rows)?;
    } else {
        read_csv(text, &mut rows)?;
    }
    Ok(rows.g)
}

/// No quoting in TSV: rows and fields split as they are, without a copy
/// of the text or a reader. One scan for tabs, CRs and line feeds over the
/// whole text (all ASCII: never inside a char); a lone CR ends a row too,
/// as in the CSV reader.
fn read_tsv<'t>(text: &'t str, rows: &mut Rows<'t>) -> Result<(), GlossaryError> {
    let mut fields: Vec<&'t str> = Vec::with_capacity(4);
    let field = |a: usize, b: usize| trim(text.get(a..b).unwrap_or(""));
    let (mut line, mut start) = (1, 0);
    // Inside a comment line, up to its line feed.
    let mut comment = is_comment(text);
    for (at, b) in separators(text.as_bytes()) {
        if comment {
            if b == b'\n' {
                (line, start) = (line + 1, at + 1);
                comment = is_comment(text.get(start..).unwrap_or(""));
            }
            continue;
        }
        fields.push(field(start, at));
        start = at + 1;
        if b != b'\t' {
            rows.add(fields.iter().copied(), line, Cow::Borrowed)?;
            fields.clear();
        }
        if b == b'\n' {
            line += 1;
            comment = is_comment(text.get(start..).unwrap_or(""));
        }
    }
    if !comment {
        fields.push(field(start, text.len()));
        rows.add(fields.iter().copied(), line, Cow::Borrowed)?;
    }
    Ok(())
}

/// The offsets and bytes of every tab, CR and line feed, eight bytes at a
/// time: the fields of a glossary row are a few bytes long, so a vector
/// search per separator costs more per call than it saves, and a plain
/// byte loop more again.
fn separators(text: &[u8]) -> impl Iterator<Item = (usize, u8)> + '_ {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // Candidate bytes (every byte below 0x0e, and maybe some after one) of
    // the eight at `base`, as high bits; `next` is the next chunk's start.
    let (mut base, mut next, mut mask) = (0usize, 0usize, 0u64);
    std::iter::from_fn(move || {
        loop {
            while mask != 0 {
                let at = base + (mask.trailing_zeros() / 8) as usize;
                mask &= mask - 1;
                match text.get(at) {
                    Some(&b) if matches!(b, b'\t' | b'\r' | b'\n') => return Some((at, b)),
                    _ => {}
                }
            }
            let x = match text.get(next..next + 8) {
                Some(c) => u64::from_le_bytes(c.try_into().unwrap_or([0xff; 8])),
                None => {
                    // The last few bytes, padded with bytes that are no separator.
                    let rest = text.get(next..).filter(|r| !r.is_empty())?;
                    rest.iter()
                        .rev()
                        .fold(u64::MAX, |v, &b| (v << 8) | u64::from(b))
                }
            };
            base = next;
            next += 8;
            mask = x.wrapping_sub(ONES * 0x0e) & !x & HIGH;
        }
    })
}

/// Whether the line `rest` starts with is a comment: `#` after blanks.
fn is_comment(rest: &str) -> bool {
    rest.chars()
        .find(|&c| c == '\n' || !c.is_whitespace())
        .is_some_and(|c| c == '#')
}

/// `str::trim`, skipped for a field with no blank (or non-ASCII) byte at
/// either end: most fields.
fn trim(s: &str) -> &str {
    let solid = |b: u8| b.is_ascii_graphic();
    match s.as_bytes() {
        [a, .., z] if solid(*a) && solid(*z) => s,
        [a] if solid(*a) => s,
        _ => s.trim(),
    }
}

fn read_csv(text: &str, rows: &mut Rows<'_>) -> Result<(), GlossaryError> {
    let blanked = blank_comments(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(rows.delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(blanked.as_bytes());
    let lines = crate::text::LineIndex::new(&blanked);
    let line_of = |pos: Option<&csv::Position>| {
        pos.map(|p| record_line(&blanked, &lines, p.byte() as usize))
            .unwrap_or(0)
    };
    for rec in reader.records() {
        let rec = rec.map_err(|e| GlossaryError::Row {
            path: rows.path.to_string(),
            line: line_of(e.position()),
            message: format!("cannot read row: {e}; fix the row or quote the field"),
        })?;
        let line = line_of(rec.position());
        rows.add(rec.iter().map(str::trim), line, |s| {
            Cow::Owned(s.to_string())
        })?;
    }
    Ok(())
}

/// The text with comment lines emptied, so byte offsets (and line
/// numbers) hold.
fn blank_comments(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|l| {
            if l.trim_start().starts_with('#') {
                if l.ends_with('\n') { "\n" } else { "" }
            } else {
                l
            }
        })
        .collect()
}

/// The line of a record the CSV reader places at `byte`: its position may
/// point at empty lines skipped before it.
fn record_line(text: &str, lines: &crate::text::LineIndex, byte: usize) -> usize {
    let skip = text
        .get(byte..)
        .map(|r| r.len() - r.trim_start_matches(['\n', '\r']).len())
        .unwrap_or(0);
    lines.line_col(text, byte + skip).0
}

/// The glossary being read, row by row.
struct Rows<'t> {
    g: Glossary,
    path: &'t str,
    /// The file name every term of the file shares.
    file: std::sync::Arc<str>,
    delimiter: u8,
    /// Source spelling → index of its term, so that repeated rows merge;
    /// borrowed from the text where it can be.
    by_source: FxHashMap<Cow<'t, str>, usize>,
    /// Lines of a term's further target rows (the first is its origin),
    /// for duplicate warnings.
    more_lines: FxHashMap<usize, Vec<usize>>,
    first: bool,
}

impl<'t> Rows<'t> {
    fn new(path: &'t str, delimiter: u8, rows: usize) -> Rows<'t> {
        let mut g = Glossary::default();
        g.terms.reserve(rows);
        Rows {
            g,
            path,
            file: path.into(),
            delimiter,
            by_source: FxHashMap::with_capacity_and_hasher(rows, Default::default()),
            more_lines: FxHashMap::default(),
            first: true,
        }
    }

    /// Adds one row of trimmed fields, read at `line`; `key` keeps a
    /// source spelling for [`Rows::by_source`].
    fn add<'f>(
        &mut self,
        mut fields: impl Iterator<Item = &'f str> + Clone,
        line: usize,
        key: impl Fn(&'f str) -> Cow<'t, str>,
    ) -> Result<(), GlossaryError> {
        if fields.clone().all(str::is_empty) {
            return Ok(());
        }
        if std::mem::take(&mut self.first) && is_header(fields.clone()) {
            return Ok(());
        }
        let (src, tgt) = match (fields.next(), fields.next()) {
            (Some(s), Some(t)) if !s.is_empty() && !t.is_empty() => (s, t),
            (s, t) => {
                let found = [s, t].into_iter().flatten().chain(fields);
                return Err(self.shape_error(found.filter(|f| !f.is_empty()).count(), line));
            }
        };
        let note = note_of(fields);
        match self.by_source.entry(key(src)) {
            Entry::Occupied(i) => {
                let i = *i.get();
                self.add_target(i, src, tgt, note, line);
            }
            Entry::Vacant(slot) => {
                slot.insert(self.g.terms.len());
                self.g.terms.push(Term {
                    source: smallvec::smallvec![src.to_string()],
                    targets: smallvec::smallvec![tgt.to_string()],
                    note,
                    origin: (self.file.clone(), line),
                    // A common noun (prefeito → mayor) matches its plural and
                    // gender forms too; a name is matched as written.
                    inflected: src.chars().next().is_some_and(char::is_lowercase),
                    ..Default::default()
                });
            }
        }
        Ok(())
    }

    /// A row without a source and a target term.
    fn shape_error(&self, non_empty: usize, line: usize) -> GlossaryError {
        let sep = if self.delimiter == b'\t' {
            "a tab"
        } else {
            "a comma"
        };
        GlossaryError::Row {
            path: self.path.to_string(),
            line,
            message: format!(
                "expected 'source term', {sep}, 'target term' (and optionally {sep} and a note); found {non_empty} non-empty field(s)"
            ),
        }
    }

    /// Another row for the term `i`: an accepted alternative, or a duplicate.
    fn add_target(&mut self, i: usize, src: &str, tgt: &str, note: Option<String>, line: usize) {
        let Some(t) = self.g.terms.get_mut(i) else {
            return;
        };
        let lines = self.more_lines.entry(i).or_default();
        if let Some(k) = t.targets.iter().position(|x| x == tgt) {
            let prev = match k {
                0 => t.origin.1,
                k => lines.get(k - 1).copied().unwrap_or(0),
            };
            self.g.warnings.push(format!(
                "{}:{line}: duplicate of the row at line {prev} ('{src}' → '{tgt}'); remove one",
                self.path
            ));
            return;
        }
        t.targets.push(tgt.to_string());
        lines.push(line);
        if t.note.is_none() {
            t.note = note;
        }
    }
}

/// A first row naming its columns (`source`, `target`, `pt`, `en`…).
fn is_header<'f>(fields: impl Iterator<Item = &'f str>) -> bool {
    fields
        .take(2)
        .all(|f| HEADER_WORDS.contains(&f.to_lowercase().as_str()) || is_lang_code(f))
}

/// The note of a row: its third field and any after it, joined by spaces;
/// `None` when empty.
fn note_of<'f>(mut fields: impl Iterator<Item = &'f str>) -> Option<String> {
    let mut n = fields.next()?.to_string();
    for f in fields {
        n.push(' ');
        n.push_str(f);
    }
    let n = n.trim();
    (!n.is_empty()).then(|| n.to_string())
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

    fn naive_separators(s: &str) -> Vec<(usize, u8)> {
        s.bytes()
            .enumerate()
            .filter(|(_, b)| matches!(b, b'\t' | b'\r' | b'\n'))
            .collect()
    }

    #[test]
    fn separators_are_every_tab_cr_and_line_feed() {
        let s = "a\tb\r\nc\u{0}\u{b}\u{c}\t\t\n\u{1}é\tz";
        assert_eq!(
            separators(s.as_bytes()).collect::<Vec<_>>(),
            naive_separators(s)
        );
        assert_eq!(separators(b"").count(), 0);
        assert_eq!(separators(b"\n").collect::<Vec<_>>(), [(0, b'\n')]);
    }

    proptest::proptest! {
        #[test]
        fn separators_match_a_byte_loop(s in "[a\t\r\n\u{0}-\u{d}é ]{0,40}") {
            proptest::prop_assert_eq!(separators(s.as_bytes()).collect::<Vec<_>>(), naive_separators(&s));
        }
    }

    #[test]
    fn reads_rows_notes_and_comments() {
        let g = parse(
            "g.tsv",
            "# places\nMascate\tMuscat\tcapital of Oman\n\nOmã\tOman\n",
            b'\t',
        )
        .unwrap();
        assert_eq!(g.terms.len(), 2);
        assert_eq!(g.terms[0].source[..], ["Mascate"]);
        assert_eq!(g.terms[0].targets[..], ["Muscat"]);
        assert_eq!(g.terms[0].note.as_deref(), Some("capital of Oman"));
        assert_eq!(g.terms[0].origin, ("g.tsv".into(), 2));
        assert_eq!(g.terms[1].origin.1, 4);
    }

    #[test]
    fn header_row_is_skipped() {
        let g = parse("g.tsv", "source\ttarget\tnote\nCatar\tQatar\n", b'\t').unwrap();
        assert_eq!(g.terms.len(), 1);
        let g = parse("g.csv", "pt,en\nCatar,Qatar\n", b',').unwrap();
        assert_eq!(g.terms[0].targets[..], ["Qatar"]);
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
        assert_eq!(g.terms[0].targets[..], ["Türkiye", "Turkey"]);
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
        assert_eq!(g.terms[1].targets[..], ["Qatar"]);
        assert_eq!(g.terms[1].origin.1, 3);
    }

    #[test]
    fn rows_lines_and_notes_read_alike_in_tsv_and_csv() {
        for (sep, name) in [('\t', "g.tsv"), (',', "g.csv")] {
            let text =
                "# c\n\nsource|target\nOmã|Oman|  a | note \r\n  \nCatar|Qatar\rCatar|Qatar\n"
                    .replace('|', &sep.to_string());
            let g = parse(name, &text, sep as u8).unwrap();
            assert_eq!(g.terms.len(), 2, "{name}");
            assert_eq!(g.terms[0].note.as_deref(), Some("a note"), "{name}");
            assert_eq!(g.terms[0].origin.1, 4, "{name}");
            assert_eq!(g.terms[1].origin.1, 6, "{name}");
            assert_eq!(g.warnings.len(), 1, "{name}");
            assert!(
                g.warnings[0].starts_with(&format!("{name}:6: duplicate of the row at line 6")),
                "{:?}",
                g.warnings
            );
        }
    }

    #[test]
    fn csv_quotes_allow_commas() {
        let g = parse("g.csv", "\"Washington, D.C.\",\"Washington, DC\"\n", b',').unwrap();
        assert_eq!(g.terms[0].source[..], ["Washington, D.C."]);
    }

    #[test]
    fn tsv_keeps_quote_characters() {
        let g = parse("g.tsv", "\"Lula\"\tLula\n", b'\t').unwrap();
        assert_eq!(g.terms[0].source[..], ["\"Lula\""]);
    }

    /// TSV read the plain way: lines, then CRs, then tabs.
    fn parse_by_split(text: &str) -> Result<Glossary, GlossaryError> {
        let mut rows = Rows::new("g.tsv", b'\t', 0);
        for (line, l) in (1..).zip(text.split('\n')) {
            if !l.trim_start().starts_with('#') {
                for rec in l.split('\r') {
                    rows.add(rec.split('\t').map(str::trim), line, Cow::Borrowed)?;
                }
            }
        }
        Ok(rows.g)
    }

    proptest::proptest! {
        #[test]
        fn one_pass_rows_read_as_split_ones(
            pieces in proptest::collection::vec(proptest::sample::select(
                &["Omã", "a", "b c", "\t", "\t", "\r", "\n", "\n", " ", "#", "\u{a0}"][..]
            ), 0..30)
        ) {
            let text = pieces.concat();
            let (a, b) = (parse("g.tsv", &text, b'\t'), parse_by_split(&text));
            match (a, b) {
                (Ok(a), Ok(b)) => {
                    proptest::prop_assert_eq!(a.terms, b.terms);
                    proptest::prop_assert_eq!(a.warnings, b.warnings);
                }
                (a, b) => proptest::prop_assert_eq!(
                    a.err().map(|e| e.to_string()),
                    b.err().map(|e| e.to_string())
                ),
            }
        }
    }
}
