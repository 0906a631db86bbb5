//! Gold alignments: reading vecalign-style link files and strict scoring.
//!
//! A gold file holds one link per line, `[i, j]:[k]`, with 0-based sentence
//! indices and `[]` for an empty side. Scoring follows vecalign's `score.py`:
//! precision counts over all predicted links, recall over the gold links with
//! both sides non-empty, and a link counts only when its source set and target
//! set both equal those of a gold link.

use std::collections::HashSet;
use std::path::Path;

/// One gold (or predicted) link: source and target sentence indices.
pub type GoldLink = (Vec<usize>, Vec<usize>);

/// Why a gold file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error(
        "{path}: cannot read gold links: {source}; check the path and that the file is UTF-8 text"
    )]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}:{line}: {message}; expected one link per line like `[0, 1]:[2]` (0-based indices, `[]` for an empty side)"
    )]
    Syntax {
        path: String,
        line: usize,
        message: String,
    },
    #[error(
        "{path}:{line}: {side} sentence {index} does not exist ({side} has {count} sentences); are the gold links for these files, and are the files presegmented?"
    )]
    OutOfRange {
        path: String,
        line: usize,
        side: &'static str,
        index: usize,
        count: usize,
    },
}

/// Reads a gold link file and checks its indices against sentence counts.
pub fn load_checked(
    path: &Path,
    sources: usize,
    targets: usize,
) -> Result<Vec<GoldLink>, GoldError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| GoldError::Io {
        path: name.clone(),
        source,
    })?;
    let lines = parse_lines(&name, &text)?;
    for (line, (s, t)) in &lines {
        for (side, ids, count) in [("source", s, sources), ("target", t, targets)] {
            if let Some(&index) = ids.iter().find(|&&x| x >= count) {
                return Err(GoldError::OutOfRange {
                    path: name,
                    line: *line,
                    side,
                    index,
                    count,
                });
            }
        }
    }
    Ok(lines.into_iter().map(|x| x.1).collect())
}

/// Reads a gold link file.
pub fn load(path: &Path) -> Result<Vec<GoldLink>, GoldError> {
    let text = std::fs::read_to_string(path).map_err(|source| GoldError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse(&path.display().to_string(), &text)
}

/// Parses gold links; `path` only names the file in errors. Blank lines are skipped.
pub fn parse(path: &str, text: &str) -> Result<Vec<GoldLink>, GoldError> {
    Ok(parse_lines(path, text)?.into_iter().map(|x| x.1).collect())
}

/// Parses gold links with their 1-based line numbers.
fn parse_lines(path: &str, text: &str) -> Result<Vec<(usize, GoldLink)>, GoldError> {
    let mut out = Vec::new();
    for (k, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let err = |message: String| GoldError::Syntax {
            path: path.to_string(),
            line: k + 1,
            message,
        };
        let Some((a, b)) = t.split_once(':') else {
            return Err(err(format!("no `:` between the two sides in `{t}`")));
        };
        let src = parse_side(a).map_err(|m| err(format!("source side: {m}")))?;
        let tgt = parse_side(b).map_err(|m| err(format!("target side: {m}")))?;
        out.push((k + 1, (src, tgt)));
    }
    Ok(out)
}

fn parse_side(s: &str) -> Result<Vec<usize>, String> {
    let s = s.trim();
    let inner = s
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .ok_or_else(|| format!("`{s}` is not a bracketed list"))?;
    if inner.trim().is_empty() {
        return Ok(Vec::new());
    }
    inner
        .split(',')
        .map(|x| {
            let x = x.trim();
            x.parse::<usize>()
                .map_err(|_| format!("`{x}` is not a sentence index"))
        })
        .collect()
}

/// Strict precision, recall and F1, with the counts behind them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// Predicted links equal to a gold link.
    pub true_positives: usize,
    /// Distinct predicted links.
    pub predicted: usize,
    /// Distinct non-null gold links found among the non-null predicted links.
    pub recalled: usize,
    /// Distinct gold links with both sides non-empty.
    pub gold: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.recalled, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Pools the counts of several documents (vecalign's `score_multiple`).
    pub fn add(&mut self, other: &Score) {
        self.true_positives += other.true_positives;
        self.predicted += other.predicted;
        self.recalled += other.recalled;
        self.gold += other.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores predicted links against gold links. Duplicates count once; links
/// empty on both sides are ignored; sentences the gold leaves unlinked are fine.
pub fn score(gold: &[GoldLink], predicted: &[GoldLink]) -> Score {
    let set = |v: &[GoldLink], both: bool| -> HashSet<GoldLink> {
        v.iter()
            .filter(|(s, t)| {
                if both {
                    !s.is_empty() && !t.is_empty()
                } else {
                    !s.is_empty() || !t.is_empty()
                }
            })
            .cloned()
            .collect()
    };
    let gold_all = set(gold, false);
    let pred_all = set(predicted, false);
    let gold_full = set(gold, true);
    let pred_full = set(predicted, true);
    Score {
        true_positives: pred_all.intersection(&gold_all).count(),
        predicted: pred_all.len(),
        recalled: gold_full.intersection(&pred_full).count(),
        gold: gold_full.len(),
    }
}

/// Predicted links in gold form.
pub fn from_links(links: &[super::Link]) -> Vec<GoldLink> {
    links
        .iter()
        .map(|l| (l.source.clone(), l.target.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_links_and_empty_sides() {
        let g = parse("g", "[0]:[0]\n[1, 2]:[1]\n\n[]:[2]\n[3]:[]\n").unwrap();
        assert_eq!(
            g,
            vec![
                (vec![0], vec![0]),
                (vec![1, 2], vec![1]),
                (vec![], vec![2]),
                (vec![3], vec![]),
            ]
        );
    }

    #[test]
    fn malformed_line_names_file_and_line() {
        let e = parse("gold.txt", "[0]:[0]\n[1]-[1]\n").unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("gold.txt:2:"), "{msg}");
        assert!(msg.contains("expected one link per line"), "{msg}");
        let e = parse("g", "[0]:[x]\n").unwrap_err().to_string();
        assert!(e.contains("g:1:") && e.contains("`x`"), "{e}");
        let e = parse("g", "[0]:1\n").unwrap_err().to_string();
        assert!(e.contains("not a bracketed list"), "{e}");
    }

    #[test]
    fn out_of_range_index_names_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.txt");
        std::fs::write(&p, "[0]:[0]\n\n[1]:[5]\n").unwrap();
        let e = load_checked(&p, 2, 3).unwrap_err().to_string();
        assert!(
            e.contains("g.txt:3:") && e.contains("target sentence 5"),
            "{e}"
        );
        assert_eq!(load_checked(&p, 2, 6).unwrap().len(), 2);
    }

    #[test]
    fn missing_file_is_io_error() {
        let e = load(Path::new("/nonexistent/gold.txt")).unwrap_err();
        assert!(matches!(e, GoldError::Io { .. }));
        assert!(e.to_string().contains("/nonexistent/gold.txt"));
    }

    #[test]
    fn strict_score_by_hand() {
        // Gold: 4 links, 3 of them non-null.
        let gold = parse("g", "[0]:[0]\n[1]:[1, 2]\n[]:[3]\n[2]:[4]\n").unwrap();
        // Predicted: [0]:[0] right, [1]:[1] and []:[2] wrong, []:[3] right, [2]:[4] right.
        let pred = parse("p", "[0]:[0]\n[1]:[1]\n[]:[2]\n[]:[3]\n[2]:[4]\n").unwrap();
        let s = score(&gold, &pred);
        assert_eq!(s.true_positives, 3);
        assert_eq!(s.predicted, 5);
        assert_eq!(s.recalled, 2);
        assert_eq!(s.gold, 3);
        assert!((s.precision() - 0.6).abs() < 1e-12);
        assert!((s.recall() - 2.0 / 3.0).abs() < 1e-12);
        let f = 2.0 * 0.6 * (2.0 / 3.0) / (0.6 + 2.0 / 3.0);
        assert!((s.f1() - f).abs() < 1e-12);
    }

    #[test]
    fn duplicates_count_once_and_unlinked_gold_is_tolerated() {
        // Gold leaves source 2 unlinked and repeats a link.
        let gold = parse("g", "[0]:[0]\n[0]:[0]\n[1]:[1]\n").unwrap();
        let pred = parse("p", "[0]:[0]\n[1]:[1]\n[2]:[]\n").unwrap();
        let s = score(&gold, &pred);
        assert_eq!(
            (s.true_positives, s.predicted, s.recalled, s.gold),
            (2, 3, 2, 2)
        );
    }

    #[test]
    fn empty_inputs_score_zero() {
        assert_eq!(score(&[], &[]).f1(), 0.0);
    }
}
