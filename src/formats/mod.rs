//! Input formats: which format a file is in, and its reader, one file per
//! format. Monolingual formats (Markdown, HTML) turn a file into its prose
//! view ([`prose`]), which the usual segment → align → check → report
//! pipeline reads. A bilingual reader (PO, XLIFF, TMX, i18n catalogues, CSV)
//! turns a file into [`Unit`]s whose texts map back, byte by byte, to the
//! original file; [`project`] lays them out as two documents the pipeline
//! checks without aligning. Locations always point into the original file.

pub mod frontmatter;
pub mod html;
pub mod markdown;
pub mod prose;

pub mod catalog;
pub mod csv;
mod piece;
pub mod po;
pub mod tmx;
pub mod xliff;
mod xml_inline;
pub mod yaml;

pub use piece::{Escape, Origin, Piece};

/// Options of the monolingual readers.
pub use markdown::ReadOptions as ProseOptions;

use crate::input::Document;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// The format of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text (paragraphs separated by blank lines).
    Text,
    /// gettext PO or POT.
    Po,
    /// XLIFF 1.2 or 2.x.
    Xliff,
    /// TMX 1.4b.
    Tmx,
    /// An i18n JSON catalogue (one language per file, nested keys).
    Json,
    /// An i18n YAML catalogue (one language per file, nested keys).
    Yaml,
    /// CSV or TSV with a header naming the languages.
    Csv,
    /// Markdown (CommonMark with GFM tables and task lists, front matter).
    Markdown,
    /// HTML.
    Html,
}

impl Format {
    /// The format of a file, from its extension, else from its first bytes.
    pub fn detect(path: &Path, text: &str) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "po" | "pot" => return Format::Po,
            "xlf" | "xliff" | "sdlxliff" | "mxliff" => return Format::Xliff,
            "tmx" => return Format::Tmx,
            "json" => return Format::Json,
            "yaml" | "yml" => return Format::Yaml,
            "csv" | "tsv" => return Format::Csv,
            "md" | "mdx" | "markdown" | "mdown" | "mkd" => return Format::Markdown,
            "html" | "htm" | "xhtml" => return Format::Html,
            _ => {}
        }
        sniff(text)
    }

    /// The format's name as users write it, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Po => "PO",
            Format::Xliff => "XLIFF",
            Format::Tmx => "TMX",
            Format::Json => "JSON",
            Format::Yaml => "YAML",
            Format::Csv => "CSV/TSV",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
        }
    }

    /// One file holds both languages.
    pub fn is_bilingual(self) -> bool {
        matches!(self, Format::Po | Format::Xliff | Format::Tmx | Format::Csv)
    }

    /// The marked-up format read as prose, if it is one.
    pub fn markup(self) -> Option<Markup> {
        match self {
            Format::Markdown => Some(Markup::Markdown),
            Format::Html => Some(Markup::Html),
            _ => None,
        }
    }

    /// Two files, one per language, keyed alike.
    pub fn is_catalogue(self) -> bool {
        matches!(self, Format::Json | Format::Yaml)
    }
}

/// Recognises a format by content when the extension says nothing.
fn sniff(text: &str) -> Format {
    let head: String = text.chars().take(2048).collect();
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') {
        if head.contains("<xliff") {
            return Format::Xliff;
        }
        if head.contains("<tmx") {
            return Format::Tmx;
        }
    }
    let po_like = head.lines().any(|l| l.starts_with("msgid \""))
        && head.lines().any(|l| l.starts_with("msgstr"));
    if po_like {
        return Format::Po;
    }
    Format::Text
}

/// How a bilingual file is read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Check PO entries marked fuzzy.
    pub include_fuzzy: bool,
    /// Check XLIFF units in every state, not only translated/final/signed-off.
    pub all_states: bool,
    /// Languages asked for (TMX and CSV pick their columns by them).
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
}

/// One translation unit: a source text and its translation.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The unit's key: msgctxt and msgid, an XLIFF id, a catalogue key path.
    pub id: String,
    /// `None` when the side is missing (a catalogue key only in the other file).
    pub source: Option<Piece>,
    pub target: Option<Piece>,
    /// Placeholder syntaxes the file declares for the unit (`python-format`, …).
    pub flags: Vec<String>,
    /// The form a plural entry takes for one (PO `msgstr[0]`, a `_one`
    /// key): it may say its count in words or not at all (`um ficheiro`).
    pub one_form: bool,
}

/// A bilingual file read into units.
#[derive(Debug, Clone)]
pub struct Bilingual {
    pub format: Format,
    /// The files the source and target texts come from (the same file for
    /// every format but catalogue pairs).
    pub source_file: Document,
    pub target_file: Document,
    pub units: Vec<Unit>,
    /// Languages the file declares (PO `Language`, XLIFF `srcLang`/`trgLang`).
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
    /// Plural forms a PO target language has (`nplurals`).
    pub nplurals: Option<usize>,
    /// Units left out and why, for the run's notices.
    pub notices: Vec<String>,
}

/// A format error: the file, the line and what to do.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct FormatError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl FormatError {
    pub fn at(doc: &Document, offset: usize, message: impl Into<String>) -> FormatError {
        FormatError {
            path: doc.display_path(),
            line: doc.line_col(offset).0,
            message: message.into(),
        }
    }
}

/// A marked-up format read as prose, by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Markdown,
    Html,
}

impl Markup {
    /// By extension: `.md`, `.markdown`, `.mdx` and `.html`, `.htm`, `.xhtml`.
    pub fn detect(path: &std::path::Path) -> Option<Markup> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "mdx" | "markdown" | "mdown" | "mkd" => Some(Markup::Markdown),
            "html" | "htm" | "xhtml" => Some(Markup::Html),
            _ => None,
        }
    }
}

/// The prose view of a document in a marked-up format; other documents (and
/// one already read) come back as they are.
pub fn prose_view(doc: Document, format: Option<Markup>, options: &ProseOptions) -> Document {
    if doc.markup.is_some() {
        return doc;
    }
    match format.or_else(|| Markup::detect(&doc.path)) {
        Some(Markup::Markdown) => markdown::read(&doc, options),
        Some(Markup::Html) => html::read(&doc, options),
        None => doc,
    }
}

/// Reads a one-file bilingual format.
pub fn read(format: Format, doc: Document, opts: &ReadOptions) -> Result<Bilingual, FormatError> {
    match format {
        Format::Po => po::read(doc, opts),
        Format::Xliff => xliff::read(doc, opts),
        Format::Tmx => tmx::read(doc, opts),
        Format::Csv => csv::read(doc, opts),
        _ => Err(FormatError::at(
            &doc,
            0,
            "not a bilingual format; give the source and the target file",
        )),
    }
}

/// Reads a pair of catalogues (JSON or YAML), one language each.
pub fn read_pair(
    format: Format,
    source: Document,
    target: Document,
    opts: &ReadOptions,
) -> Result<Bilingual, FormatError> {
    catalog::read_pair(format, source, target, opts)
}

/// Where a unit's text is in a projected document, if it has one.
pub type SideRange = Option<Range<usize>>;

/// Units laid out as documents: the texts of each side joined by blank lines.
pub struct Projection {
    pub source: Document,
    pub target: Document,
    /// Per unit, the byte range of its text in each projected document
    /// (`None` when that side is missing or empty).
    pub ranges: Vec<(SideRange, SideRange)>,
}

/// Lays the units out as a source and a target document whose offsets map
/// back to the original files and whose placeholders and markup are masked.
pub fn project(bi: &Bilingual) -> Projection {
    let src: Vec<Option<&Piece>> = bi.units.iter().map(|u| u.source.as_ref()).collect();
    let tgt: Vec<Option<&Piece>> = bi.units.iter().map(|u| u.target.as_ref()).collect();
    let one: Vec<bool> = bi.units.iter().map(|u| u.one_form).collect();
    let (source, sr) = project_side(&bi.source_file, &src, &[], bi.format);
    let (target, tr) = project_side(&bi.target_file, &tgt, &one, bi.format);
    Projection {
        source,
        target,
        ranges: sr.into_iter().zip(tr).collect(),
    }
}

/// `one` marks the pieces that are a plural entry's form for one.
fn project_side(
    file: &Document,
    pieces: &[Option<&Piece>],
    one: &[bool],
    format: Format,
) -> (Document, Vec<Option<Range<usize>>>) {
    let mut joined = Piece::default();
    let mut ranges = Vec::with_capacity(pieces.len());
    let mut one_forms = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Some(p) if !p.text.trim().is_empty() => {
                if !joined.text.is_empty() {
                    joined.push_gap("\n\n");
                }
                let start = joined.text.len();
                joined.append(p);
                ranges.push(Some(start..joined.text.len()));
                if one.get(i).copied().unwrap_or(false) {
                    one_forms.push(start..joined.text.len());
                }
            }
            _ => ranges.push(None),
        }
    }
    let mut origin = Origin::new(file.clone(), joined, Vec::new(), Escape::of(format));
    origin.one_forms = one_forms;
    let masked = origin.masked();
    let mut doc = Document::from_normalized(file.path.clone(), masked);
    doc.origin = Some(Arc::new(origin));
    (doc, ranges)
}

/// Marks placeholders, inline tags and code-like identifiers
/// (`linkcheck_allowed_redirects`) as not prose.
pub(crate) fn protect(piece: &mut Piece, syn: crate::checks::placeholder::Syntaxes) {
    for r in crate::checks::placeholder::scan(&piece.text, syn) {
        piece.protect(r);
    }
    for t in crate::checks::tag::scan(&piece.text) {
        piece.protect(t.range);
    }
    for r in identifiers(&piece.text) {
        piece.protect(r);
    }
}

/// Words joined by `_` (snake_case names): code, not prose. A dot or a
/// hyphen before a digit is part of the token (`OmegaT_5.8.0`,
/// `libfoo_1.2-3`), so no number is read out of its tail; `pl_PL.aff` in
/// an address keeps its extension for the `url` rule.
fn identifiers(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut chars = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .peekable();
    while let Some((i, c)) = chars.next() {
        let inner = matches!(c, '.' | '-')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
        if c.is_alphanumeric() || c == '_' || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            let w = &text[s..i];
            if w.contains('_')
                && w.trim_matches('_').contains('_')
                && w.chars().any(char::is_alphabetic)
            {
                out.push(s..i);
            }
        }
    }
    out
}

/// Segments a projected document; lines and columns are those of the
/// original file.
pub fn segment_projected(
    doc: &Document,
    profile: &crate::profile::Profile,
) -> Vec<crate::segment::Segment> {
    let mut segs = crate::segment::segment(doc, profile);
    for s in &mut segs {
        (s.line, s.column) = doc.line_col(s.start);
    }
    segs
}

/// The links of a projection: per unit, its source sentences with its target
/// sentences; a unit of several sentences on both sides is aligned inside
/// (`align` gets the two sentence lists and returns links into them).
pub fn unit_links(
    proj: &Projection,
    src: &[crate::segment::Segment],
    tgt: &[crate::segment::Segment],
    align: impl Fn(&[crate::segment::Segment], &[crate::segment::Segment]) -> Vec<crate::align::Link>,
) -> Vec<crate::align::Link> {
    use crate::align::Link;
    let within = |segs: &[crate::segment::Segment], r: &Option<Range<usize>>| -> Range<usize> {
        match r {
            Some(r) => {
                let a = segs.partition_point(|s| s.start < r.start);
                let b = segs.partition_point(|s| s.start < r.end);
                a..b
            }
            None => 0..0,
        }
    };
    let mut links = Vec::new();
    for (sr, tr) in &proj.ranges {
        let (s, t) = (within(src, sr), within(tgt, tr));
        if s.is_empty() && t.is_empty() {
            continue;
        }
        if s.len() > 1 && t.len() > 1 {
            for l in align(&src[s.clone()], &tgt[t.clone()]) {
                links.push(Link {
                    source: l.source.iter().map(|i| i + s.start).collect(),
                    target: l.target.iter().map(|i| i + t.start).collect(),
                    ..l
                });
            }
        } else {
            links.push(Link {
                source: s.collect(),
                target: t.collect(),
                score: 1.0,
                low_confidence: false,
            });
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_extension_then_content() {
        let p = Path::new;
        assert_eq!(Format::detect(p("a/pt_BR.po"), ""), Format::Po);
        assert_eq!(Format::detect(p("x.POT"), ""), Format::Po);
        assert_eq!(Format::detect(p("x.xlf"), ""), Format::Xliff);
        assert_eq!(Format::detect(p("x.tmx"), ""), Format::Tmx);
        assert_eq!(Format::detect(p("en.json"), ""), Format::Json);
        assert_eq!(Format::detect(p("en.yml"), ""), Format::Yaml);
        assert_eq!(Format::detect(p("t.tsv"), ""), Format::Csv);
        assert_eq!(Format::detect(p("a.txt"), "Olá.\n"), Format::Text);
        assert_eq!(
            Format::detect(p("messages"), "msgid \"a\"\nmsgstr \"b\"\n"),
            Format::Po
        );
        assert_eq!(
            Format::detect(
                p("file.xml"),
                "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">"
            ),
            Format::Xliff
        );
        assert_eq!(
            Format::detect(p("mem.xml"), "<?xml version=\"1.0\"?><tmx version=\"1.4\">"),
            Format::Tmx
        );
    }

    #[test]
    fn a_snake_case_identifier_takes_its_dotted_tail() {
        let text =
            "in /opt/app/App_5.8.0 and pkg_1.2-3, then 2.5, max_size. See http://x.org/pl_PL.aff";
        let got: Vec<&str> = identifiers(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["App_5.8.0", "pkg_1.2-3", "max_size", "pl_PL"]);
    }

    #[test]
    fn projection_masks_protected_spans_and_maps_back() {
        let file = Document::from_text("f.po", "msgid \"Hi %s\"\nmsgstr \"Oi %s\"\n");
        let mut s = Piece::default();
        s.push_verbatim("Hi %s", 7);
        s.protected.push(3..5);
        let mut t = Piece::default();
        t.push_verbatim("Oi %s", 22);
        t.protected.push(3..5);
        let bi = Bilingual {
            format: Format::Po,
            source_file: file.clone(),
            target_file: file,
            units: vec![Unit {
                id: "Hi %s".into(),
                source: Some(s),
                target: Some(t),
                flags: vec![],
                one_form: false,
            }],
            source_lang: None,
            target_lang: None,
            nplurals: None,
            notices: vec![],
        };
        let p = project(&bi);
        assert_eq!(p.target.text, "Oi __");
        assert_eq!(p.target.display_text(), "Oi %s");
        assert_eq!(p.target.line_col(0), (2, 9));
        assert_eq!(p.target.line_col(3), (2, 12));
    }
}
