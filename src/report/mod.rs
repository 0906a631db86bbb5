//! Reports: one [`Report`] implementation per output format, and the
//! location helpers they share (finding spans mapped to file lines/columns).

pub mod escape;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod patch;
pub mod sarif;
pub mod short;

use crate::checks::SideText;
use crate::finding::Finding;
use crate::pipeline::PairResult;
use std::io::{self, Write};
use std::ops::Range;

/// Renders the results of one or more checked pairs.
pub trait Report {
    fn render(&self, results: &[PairResult], out: &mut dyn Write) -> io::Result<()>;
}

/// Findings counted by severity: (errors, warnings, infos).
pub fn counts(result: &PairResult) -> (usize, usize, usize) {
    use crate::finding::Severity::*;
    let mut c = (0, 0, 0);
    for f in &result.findings {
        match f.severity {
            Error => c.0 += 1,
            Warning => c.1 += 1,
            Info => c.2 += 1,
        }
    }
    c
}

/// Which file of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Source,
    Target,
}

/// A region of one file: 1-based lines, 1-based character columns; the end
/// column is that of the character after the region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub side: Side,
    /// Byte range in the document text.
    pub range: Range<usize>,
    pub start: (usize, usize),
    pub end: (usize, usize),
}

fn side_text<'a>(r: &'a PairResult, f: &Finding, side: Side) -> Option<&'a SideText> {
    let v = r.views.get(f.link?)?;
    let t = match side {
        Side::Source => &v.source,
        Side::Target => &v.target,
    };
    (!t.is_empty()).then_some(t)
}

/// The region of a finding on one side: its span, or the whole link side
/// when it has no span there. `None` when that side has no text.
pub fn location(
    r: &PairResult,
    f: &Finding,
    side: Side,
    whole_if_no_span: bool,
) -> Option<Location> {
    let text = side_text(r, f, side)?;
    let (doc, span) = match side {
        Side::Source => (&r.source, &f.source_span),
        Side::Target => (&r.target, &f.target_span),
    };
    let span = match span {
        Some(s) if s.start <= s.end && s.end <= text.text.len() => s.clone(),
        Some(_) => return None,
        None if whole_if_no_span => 0..text.text.len(),
        None => return None,
    };
    let a = text.to_doc(span.start);
    let b = text.to_doc(span.end).max(a);
    Some(Location {
        path: doc.display_path(),
        side,
        range: a..b,
        start: doc.line_col(a),
        end: doc.line_col(b),
    })
}

/// The file a document-level finding belongs to: the target, or the source
/// when there is no target text (a missing counterpart).
pub fn document_path(r: &PairResult) -> String {
    if r.target.text.is_empty() {
        r.source.display_path()
    } else {
        r.target.display_path()
    }
}

/// Where a finding is reported: the target span (or the target sentences),
/// else the source side when the link has no target text (an omission).
pub fn primary_location(r: &PairResult, f: &Finding) -> Option<Location> {
    location(r, f, Side::Target, true).or_else(|| location(r, f, Side::Source, true))
}

/// Expected against found as diff operations: by characters for single
/// words, by words otherwise. `None` when a diff would not help: the found
/// text is the source's own wording (a term left untranslated), or the two
/// are too unlike; then a report shows expected and found side by side.
pub(crate) fn diff_ops<'a>(
    found: &'a str,
    expected: &'a str,
    source: Option<&str>,
) -> Option<Vec<(similar::ChangeTag, &'a str)>> {
    use similar::{Algorithm, ChangeTag};
    if source.is_some_and(|s| s.trim().to_lowercase() == found.trim().to_lowercase()) {
        return None;
    }
    let words = found.contains(char::is_whitespace) || expected.contains(char::is_whitespace);
    // A number reads best whole: 408.6 against 406.8, not 40{+8.+}6[-.8-].
    let letters = |s: &str| s.chars().any(char::is_alphabetic);
    let alphabetic = letters(found) && letters(expected);
    if !words && !alphabetic {
        return None;
    }
    let ops = if words {
        similar::utils::diff_words(Algorithm::Myers, found, expected)
    } else {
        similar::utils::diff_chars(Algorithm::Myers, found, expected)
    };
    let kept: usize = ops
        .iter()
        .filter(|(t, _)| *t == ChangeTag::Equal)
        .map(|(_, s)| s.chars().count())
        .sum();
    let longer = found.chars().count().max(expected.chars().count());
    // Half of the longer string must survive; otherwise the diff is noise.
    (longer > 0 && 2 * kept >= longer).then_some(ops)
}

/// What to do about a finding with a suggestion, in words: never
/// `replace with “”` (a deletion) nor a quoted quotation mark.
pub(crate) fn hint(found: Option<&str>, suggestion: &str) -> String {
    let found = found.map(str::trim).filter(|f| !f.is_empty());
    let symbols = |s: &str| !s.trim().is_empty() && !s.chars().any(char::is_alphanumeric);
    match found {
        _ if suggestion.trim().is_empty() => match found {
            Some(f) => format!("delete “{f}”"),
            None => "delete the marked text".to_string(),
        },
        _ if symbols(suggestion) => match found {
            Some(f) if symbols(f) => format!("use {} here instead of {f}", suggestion.trim()),
            _ => format!("use {} here", suggestion.trim()),
        },
        Some(f) => format!("replace “{f}” with “{suggestion}”"),
        None => format!("insert “{suggestion}”"),
    }
}

/// The text of a finding's target span, when it has one.
pub(crate) fn found_text<'a>(r: &'a PairResult, f: &'a Finding) -> Option<&'a str> {
    if let Some(found) = &f.found {
        return Some(found);
    }
    let v = r.views.get(f.link?)?;
    v.target.text.get(f.target_span.clone()?)
}

/// The text of a finding's source span, when it has one.
pub(crate) fn source_text<'a>(r: &'a PairResult, f: &Finding) -> Option<&'a str> {
    let v = r.views.get(f.link?)?;
    v.source.text.get(f.source_span.clone()?)
}

#[cfg(test)]
mod helper_tests {
    use super::*;

    #[test]
    fn hints_say_what_to_do() {
        assert_eq!(hint(Some("the "), ""), "delete “the”");
        assert_eq!(hint(Some("\""), "”"), "use ” here instead of \"");
        assert_eq!(hint(None, "”"), "use ” here");
        assert_eq!(
            hint(Some("Araqchi"), "Araghchi"),
            "replace “Araqchi” with “Araghchi”"
        );
        assert_eq!(hint(None, ","), "use , here");
        assert_eq!(hint(None, "US$"), "insert “US$”");
        assert!(!hint(Some("x"), "").contains("“”"));
    }

    #[test]
    fn diff_only_for_alike_strings() {
        assert!(diff_ops("Araqchi", "Araghchi", Some("Araghchi")).is_some());
        assert!(diff_ops("Strait of Ormuz", "Strait of Hormuz", None).is_some());
        // A term left untranslated: no character diff against its rendering.
        assert!(diff_ops("Mascate", "Muscat", Some("Mascate")).is_none());
        assert!(diff_ops("Estados Unidos", "United States", None).is_none());
        assert!(diff_ops("406.8", "408.6", None).is_none());
        assert!(diff_ops("March 8", "March 18", None).is_some());
    }
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A checked pair with hand-made findings, for report tests that must not
    //! depend on the segmenter, aligner or checks.
    use crate::align::Link;
    use crate::checks::Context;
    use crate::finding::{Finding, Severity};
    use crate::glossary::Glossary;
    use crate::input::Document;
    use crate::pipeline::PairResult;
    use crate::profile::Profile;

    fn link(s: &[usize], t: &[usize], score: f64) -> Link {
        Link {
            source: s.to_vec(),
            target: t.to_vec(),
            score,
            low_confidence: score < 0.5,
        }
    }

    /// Four source lines, three target lines: links 1-1, 1-1, 1-0, 1-1.
    pub fn result() -> PairResult {
        let source = Document::from_text(
            "news/pt.txt",
            "O chanceler Abbas Araghchi chegou a Mascate.\nO PIB cresceu 3,4% em 2024.\nEle falou com jornalistas.\nA reunião durou duas horas.\n",
        );
        let target = Document::from_text(
            "news/en.txt",
            "Foreign Minister Abbas Araqchi arrived in Muscat.\nGDP grew 3.2% in 2024.\nThe meeting lasted two hours.\n",
        );
        let ss = crate::segment::presegmented(&source);
        let ts = crate::segment::presegmented(&target);
        let links = vec![
            link(&[0], &[0], 0.93),
            link(&[1], &[1], 0.88),
            link(&[2], &[], 0.41),
            link(&[3], &[2], 0.9),
        ];
        let (sp, tp) = (Profile::builtin("pt"), Profile::builtin("en"));
        let g = Glossary::default();
        let views = Context::new(&source, &target, &ss, &ts, &links, &sp, &tp, &g).views;
        let at = |text: &str, needle: &str| {
            let i = text.find(needle).expect("needle");
            i..i + needle.len()
        };
        let findings = vec![
            Finding::new("name", Severity::Error, "“Araghchi” is spelled “Araqchi”")
                .link(0)
                .source_span(at(&views[0].source.text, "Araghchi"))
                .target_span(at(&views[0].target.text, "Araqchi"))
                .expected("Araghchi")
                .suggestion("Araghchi"),
            Finding::new("number", Severity::Error, "3,4% became 3.2%")
                .link(1)
                .source_span(at(&views[1].source.text, "3,4%"))
                .target_span(at(&views[1].target.text, "3.2%"))
                .expected("3.4%")
                .suggestion("3.4%"),
            Finding::new("omission", Severity::Error, "sentence not translated").link(2),
            Finding::new("length", Severity::Info, "target much shorter").link(3),
            Finding::new(
                "consistency",
                Severity::Warning,
                "“Araqchi” and “Araghchi” both used",
            ),
        ];
        PairResult {
            source,
            target,
            source_lang: "pt".into(),
            target_lang: "en".into(),
            source_segments: ss,
            target_segments: ts,
            links,
            views,
            findings,
            notices: Vec::new(),
            glossaries: Vec::new(),
            lexicons: Vec::new(),
            suppressed: Vec::new(),
        }
    }
}
