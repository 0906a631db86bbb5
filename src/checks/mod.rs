//! The checks framework: the [`Check`] trait, the shared [`Context`] every
//! check reads, and the registry of all checks. One file per check.

mod acronym_swap;
mod addition;
mod brackets;
mod code;
mod consistency;
mod doubled_word;
mod front_matter;
mod glossary;
mod length;
mod name;
mod name_swap;
mod number;
mod omission;
pub mod placeholder;
mod punctuation;
mod quote;
pub mod tag;
mod unmet;
mod untranslated;
mod url;
mod whitespace;

use crate::align::Link;
use crate::finding::{Finding, Severity};
use crate::glossary::Glossary;
use crate::input::Document;
use crate::profile::Profile;
use crate::segment::Segment;
use std::collections::BTreeMap;

/// A quality check. Implementations live one per file in this module.
pub trait Check: Send + Sync {
    /// Stable kebab-case rule id, used in config, JSON, SARIF and human output.
    fn id(&self) -> &'static str;
    /// One line saying what the rule catches.
    fn description(&self) -> &'static str;
    fn default_severity(&self) -> Severity;
    /// Appends findings for the whole document pair. Most checks walk
    /// `ctx.views` link by link; some (consistency, quote) look across links.
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>);
}

/// Every check, in report order.
pub fn all_checks() -> Vec<Box<dyn Check>> {
    vec![
        Box::new(glossary::GlossaryCheck),
        Box::new(name::NameCheck),
        Box::new(consistency::ConsistencyCheck),
        Box::new(number::NumberCheck),
        Box::new(quote::QuoteCheck),
        Box::new(untranslated::UntranslatedCheck),
        Box::new(omission::OmissionCheck),
        Box::new(addition::AdditionCheck),
        Box::new(length::LengthCheck),
        Box::new(url::UrlCheck),
        Box::new(code::CodeCheck),
        Box::new(front_matter::FrontMatterCheck),
        Box::new(placeholder::PlaceholderCheck),
        Box::new(tag::TagCheck),
        Box::new(brackets::BracketsCheck),
        Box::new(punctuation::PunctuationCheck),
        Box::new(doubled_word::DoubledWordCheck),
        Box::new(whitespace::WhitespaceCheck),
    ]
}

/// The rules that read [`Context::glossary_matches`].
pub const GLOSSARY_READERS: [&str; 2] = ["glossary", "name"];

/// Indices of `checks`, the costliest first (by CPU time measured on a
/// 100,000-sentence pair), then the others in their order: run on a few
/// cores in this order, the rules finish close together.
pub fn heavy_first(checks: &[Box<dyn Check>]) -> Vec<usize> {
    const HEAVY: [&str; 8] = [
        "name",
        "number",
        "glossary",
        "omission",
        "quote",
        "untranslated",
        "consistency",
        "doubled-word",
    ];
    let rank = |id: &str| HEAVY.iter().position(|h| *h == id).unwrap_or(HEAVY.len());
    let mut order: Vec<usize> = (0..checks.len()).collect();
    order.sort_by_key(|&k| rank(checks[k].id()));
    order
}

/// (id, description, default severity) of every rule, for `--list-rules` and SARIF.
pub fn rule_catalog() -> Vec<(&'static str, &'static str, Severity)> {
    all_checks()
        .iter()
        .map(|c| (c.id(), c.description(), c.default_severity()))
        .collect()
}

/// The text of one side of a link: its sentences joined by one space, with
/// a map back to byte offsets in the document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideText {
    pub text: String,
    /// (offset in `text`, offset in the document, length) of the first
    /// sentence, then of the others: a side of one sentence (most links)
    /// allocates nothing for them.
    first: Option<(usize, usize, usize)>,
    rest: Vec<(usize, usize, usize)>,
}

impl SideText {
    pub fn new(doc: &Document, segments: &[Segment], ids: &[usize]) -> SideText {
        let size: usize = ids
            .iter()
            .map(|&i| segments[i].end - segments[i].start + 1)
            .sum();
        let mut text = String::with_capacity(size);
        let mut first = None;
        let mut rest = Vec::new();
        for &i in ids {
            let s = &segments[i];
            if !text.is_empty() {
                text.push(' ');
            }
            let piece = (text.len(), s.start, s.end - s.start);
            if first.is_none() {
                first = Some(piece);
            } else {
                rest.push(piece);
            }
            text.push_str(&doc.text[s.start..s.end]);
        }
        SideText { text, first, rest }
    }

    fn pieces(&self) -> impl Iterator<Item = &(usize, usize, usize)> {
        self.first.iter().chain(&self.rest)
    }

    pub fn is_empty(&self) -> bool {
        self.first.is_none()
    }

    /// Each sentence's byte range in `text`.
    pub fn sentence_ranges(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        self.pieces().map(|&(j, _, len)| j..j + len)
    }

    /// Document byte offset of a byte offset into `text`.
    pub fn to_doc(&self, offset: usize) -> usize {
        let mut best = None;
        for &(j, d, len) in self.pieces() {
            if offset >= j {
                best = Some(d + (offset - j).min(len));
            }
        }
        best.unwrap_or(0)
    }

    /// Offset in `text` of a document byte offset inside one of its sentences.
    pub fn from_doc(&self, doc: usize) -> Option<usize> {
        self.pieces()
            .find(|&&(_, d, len)| doc >= d && doc <= d + len)
            .map(|&(j, d, _)| j + (doc - d))
    }

    /// The text as the user wrote it (placeholders and markup unmasked).
    pub fn display(&self, doc: &Document) -> String {
        if doc.origin.is_none() {
            return self.text.clone();
        }
        let raw = doc.display_text();
        let mut out = self.text.clone();
        for &(j, d, len) in self.pieces() {
            if let (Some(src), true) = (raw.get(d..d + len), out.is_char_boundary(j)) {
                out.replace_range(j..j + len, src);
            }
        }
        out
    }

    /// Document byte offset where the first sentence starts.
    pub fn doc_start(&self) -> Option<usize> {
        self.first.map(|p| p.1)
    }
}

/// Links from which [`Context::new`] makes the link views on all cores.
const PARALLEL_VIEWS: usize = 4096;

/// One link with the text of both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkView {
    pub index: usize,
    pub source: SideText,
    pub target: SideText,
}

/// Everything a check may read.
pub struct Context<'a> {
    pub source: &'a Document,
    pub target: &'a Document,
    pub source_segments: &'a [Segment],
    pub target_segments: &'a [Segment],
    pub links: &'a [Link],
    pub views: Vec<LinkView>,
    pub source_profile: &'a Profile,
    pub target_profile: &'a Profile,
    pub glossary: &'a Glossary,
    /// Localised URL prefixes, source to target (config `url-map`).
    pub url_map: Vec<(String, String)>,
    /// The pair's bilingual lexicon (by default the shipped one).
    pub lexicon: Option<std::sync::Arc<crate::lexicon::Lexicon>>,
    /// Sentences hidden inside merged links, found once for the omission
    /// and addition rules ([`Context::hidden`]).
    hidden: std::sync::OnceLock<Vec<crate::align::refine::Hidden>>,
    /// The aligner's anchors for this pair ([`Context::use_anchors`]).
    anchors: Option<std::sync::Arc<crate::align::PairAnchors>>,
    /// The glossary's matcher for this pair ([`Context::matcher`]).
    matcher: std::sync::OnceLock<std::sync::Arc<crate::glossary::Matcher>>,
    /// Glossary matches of every link, found once for the checks that read
    /// them ([`Context::glossary_matches`]).
    glossary_matches: std::sync::OnceLock<GlossaryMatches>,
    /// Each source and target sentence's matches with [`Context::matcher`],
    /// when found already ([`Context::use_sentence_matches`]).
    /// Taken (and freed) once the links' matches are made.
    sentence_matches: std::sync::Mutex<Option<SideMatches>>,
}

/// The matches of every source and of every target sentence.
type SideMatches = (
    crate::glossary::SentenceMatches,
    crate::glossary::SentenceMatches,
);

/// Glossary matches ([`crate::glossary::Matcher::find`]) in the source and
/// target text of every link, by link; empty lists without a glossary.
#[derive(Debug, Default)]
pub struct GlossaryMatches {
    pub source: Vec<Vec<crate::glossary::Match>>,
    pub target: Vec<Vec<crate::glossary::Match>>,
}

impl<'a> Context<'a> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        source: &'a Document,
        target: &'a Document,
        source_segments: &'a [Segment],
        target_segments: &'a [Segment],
        links: &'a [Link],
        source_profile: &'a Profile,
        target_profile: &'a Profile,
        glossary: &'a Glossary,
    ) -> Context<'a> {
        let view = |(index, l): (usize, &Link)| LinkView {
            index,
            source: SideText::new(source, source_segments, &l.source),
            target: SideText::new(target, target_segments, &l.target),
        };
        // A long document's views are made on all cores (in order).
        let views = if links.len() >= PARALLEL_VIEWS {
            use rayon::prelude::*;
            links.par_iter().enumerate().map(view).collect()
        } else {
            links.iter().enumerate().map(view).collect()
        };
        Context {
            source,
            target,
            source_segments,
            target_segments,
            links,
            views,
            source_profile,
            target_profile,
            glossary,
            url_map: Vec::new(),
            lexicon: crate::lexicon::Lexicon::builtin(source_profile, target_profile),
            hidden: std::sync::OnceLock::new(),
            anchors: None,
            matcher: std::sync::OnceLock::new(),
            glossary_matches: std::sync::OnceLock::new(),
            sentence_matches: std::sync::Mutex::new(None),
        }
    }

    /// The glossary's matcher over the terms this pair's sentences can
    /// hold ([`Glossary::matcher_for`]), built on first use unless the
    /// aligner's was handed over ([`Context::use_matcher`]).
    pub fn matcher(&self) -> std::sync::Arc<crate::glossary::Matcher> {
        self.matcher
            .get_or_init(|| {
                let texts = (self.source_segments.iter().map(|s| s.text(self.source)))
                    .chain(self.target_segments.iter().map(|s| s.text(self.target)));
                self.glossary
                    .matcher_for(self.source_profile, self.target_profile, texts)
            })
            .clone()
    }

    /// Uses `m`, built by [`Glossary::matcher_for`] from this pair's
    /// sentences, as [`Context::matcher`].
    pub fn use_matcher(&mut self, m: std::sync::Arc<crate::glossary::Matcher>) {
        self.matcher = std::sync::OnceLock::from(m);
    }

    /// Takes the matches of every sentence ([`Context::matcher`]'s, found
    /// with the aligner's anchors): a side of one sentence, most links',
    /// is not searched again. Ignored unless they cover both sides.
    pub fn use_sentence_matches(&mut self, (src, tgt): SideMatches) {
        if src.len() == self.source_segments.len() && tgt.len() == self.target_segments.len() {
            self.sentence_matches = std::sync::Mutex::new(Some((src, tgt)));
        }
    }

    /// Uses the anchors the alignment was made with (extracted from these
    /// segments, with [`Context::matcher`]'s terms) for [`Context::hidden`].
    pub fn use_anchors(&mut self, a: std::sync::Arc<crate::align::PairAnchors>) {
        self.anchors = Some(a);
    }

    /// The glossary's matches in every link's text, computed on first use
    /// (several checks read them; each `find` folds the whole text), over
    /// all cores: the pipeline asks for them before the rules start, so no
    /// rule of this pair waits on another's search.
    pub fn glossary_matches(&self) -> &GlossaryMatches {
        self.glossary_matches.get_or_init(|| {
            if self.glossary.terms.is_empty() {
                let none = vec![Vec::new(); self.views.len()];
                return GlossaryMatches {
                    source: none.clone(),
                    target: none,
                };
            }
            use rayon::prelude::*;
            let m = self.matcher();
            // Held for the whole rules stage: no spare room (at a million
            // links a third of the matches' memory was room).
            let find = |text: &str| {
                let mut found = m.find(text);
                found.shrink_to_fit();
                found
            };
            let sentences = self.sentence_matches.lock().ok().and_then(|mut h| h.take());
            // A side of one sentence: that sentence's matches, if held.
            let held = |which: usize, ids: Option<&Vec<usize>>| {
                let (src, tgt) = sentences.as_ref()?;
                let side = if which == 0 { src } else { tgt };
                match ids?.as_slice() {
                    [s] => side.get(*s).map(<[_]>::to_vec),
                    _ => None,
                }
            };
            let side = |which: usize, v: &LinkView| {
                let link = self.links.get(v.index);
                let (ids, text) = match which {
                    0 => (link.map(|l| &l.source), &v.source.text),
                    _ => (link.map(|l| &l.target), &v.target.text),
                };
                held(which, ids).unwrap_or_else(|| find(text))
            };
            GlossaryMatches {
                source: self.views.par_iter().map(|v| side(0, v)).collect(),
                target: self.views.par_iter().map(|v| side(1, v)).collect(),
            }
        })
    }

    /// Sentences the alignment folded into the middle of a merged link
    /// though nothing on the link's other side translates them
    /// ([`crate::align::refine::hidden`]), computed on first use.
    pub fn hidden(&self) -> &[crate::align::refine::Hidden] {
        self.hidden.get_or_init(|| self.find_hidden())
    }

    /// Gives [`Context::hidden`] its value, found by the caller with the
    /// same sides, links and anchors (the pipeline finds it before the
    /// views exist, so their memory and the search's never add up).
    pub fn set_hidden(&mut self, hidden: Vec<crate::align::refine::Hidden>) {
        self.hidden = std::sync::OnceLock::from(hidden);
    }

    fn find_hidden(&self) -> Vec<crate::align::refine::Hidden> {
        use crate::align::Side;
        let source = Side::of_segments(self.source, self.source_segments, self.source_profile);
        let target = Side::of_segments(self.target, self.target_segments, self.target_profile);
        if let Some(a) = &self.anchors {
            return crate::align::refine::hidden_prepared(&source, &target, self.links, a);
        }
        // The anchors the alignment was refined with: one source of terms,
        // the pair's matcher.
        let options = crate::pipeline::align_options(
            self.source,
            self.target,
            self.source_segments,
            self.target_segments,
            self.lexicon.clone(),
            (!self.glossary.terms.is_empty()).then(|| self.matcher()),
        );
        crate::align::refine::hidden(&source, &target, self.links, &options)
    }
}

/// A rule's configured severity: `None` switches it off.
pub type SeverityOverrides = BTreeMap<String, Option<Severity>>;

/// Runs the checks and applies severity overrides. Findings come out sorted
/// by link, then by rule order.
pub fn run_checks(
    ctx: &Context,
    checks: &[Box<dyn Check>],
    overrides: &SeverityOverrides,
) -> Vec<Finding> {
    let mut all = Vec::new();
    for check in checks {
        let id = check.id();
        let sev = match overrides.get(id) {
            Some(None) => continue,
            Some(Some(s)) => Some(*s),
            None => None,
        };
        let mut found = Vec::new();
        check.check(ctx, &mut found);
        for mut f in cap_per_link(found) {
            if let Some(s) = sev {
                f.severity = s;
            }
            all.push(f);
        }
    }
    all.sort_by_key(|f| f.link.unwrap_or(usize::MAX));
    all
}

/// Most findings one check reports on one link. A link of one huge
/// "sentence" (a file without punctuation) could otherwise give thousands,
/// each repeating the whole text in the reports.
pub const MAX_PER_LINK: usize = 25;

/// Keeps the first [`MAX_PER_LINK`] findings of each link, and one more
/// saying how many were left out.
fn cap_per_link(found: Vec<Finding>) -> Vec<Finding> {
    use std::collections::HashMap;
    let mut seen: HashMap<Option<usize>, usize> = HashMap::new();
    let mut dropped: HashMap<Option<usize>, (usize, crate::finding::Severity, &'static str)> =
        HashMap::new();
    let mut out = Vec::with_capacity(found.len().min(4 * MAX_PER_LINK));
    for f in found {
        let n = seen.entry(f.link).or_default();
        *n += 1;
        if f.link.is_none() || *n <= MAX_PER_LINK {
            out.push(f);
        } else {
            let d = dropped.entry(f.link).or_insert((0, f.severity, f.rule));
            d.0 += 1;
            d.1 = d.1.max(f.severity);
        }
    }
    let mut extra: Vec<_> = dropped.into_iter().collect();
    extra.sort_by_key(|(link, _)| *link);
    for (link, (n, severity, rule)) in extra {
        let mut f = Finding::new(
            rule,
            severity,
            format!("{n} more {rule} finding(s) in this sentence not shown"),
        );
        f.link = link;
        out.push(f);
    }
    out
}

#[cfg(test)]
mod cap_tests {
    use super::*;
    use crate::finding::Severity;

    #[test]
    fn findings_beyond_the_cap_become_one_summary() {
        let many: Vec<Finding> = (0..MAX_PER_LINK + 7)
            .map(|i| {
                let mut f = Finding::new("doubled-word", Severity::Warning, format!("n{i}"));
                f.link = Some(3);
                f
            })
            .chain(std::iter::once({
                let mut f = Finding::new("doubled-word", Severity::Warning, "other".to_string());
                f.link = Some(4);
                f
            }))
            .collect();
        let out = cap_per_link(many);
        assert_eq!(out.len(), MAX_PER_LINK + 2);
        let last = out.last().unwrap();
        assert_eq!(last.link, Some(3));
        assert!(
            last.message.starts_with("7 more doubled-word"),
            "{}",
            last.message
        );
        assert!(out.iter().any(|f| f.message == "other"));
    }
}

#[cfg(test)]
pub(crate) mod testutil {
    //! Builds a one-link (or few-link) [`Context`] from plain strings for unit tests.
    use super::*;

    pub struct Fixture {
        pub source: Document,
        pub target: Document,
        pub src_segs: Vec<Segment>,
        pub tgt_segs: Vec<Segment>,
        pub links: Vec<Link>,
        pub src_profile: Profile,
        pub tgt_profile: Profile,
        pub glossary: Glossary,
    }

    fn segs(doc: &Document, parts: &[&str]) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut pos = 0;
        for p in parts {
            let start = doc.text[pos..].find(p).expect("part in text") + pos;
            let (line, column) = doc.line_col(start);
            out.push(Segment {
                start,
                end: start + p.len(),
                line,
                column,
                paragraph: 0,
            });
            pos = start + p.len();
        }
        out
    }

    impl Fixture {
        /// Links given as pairs of sentence lists; sentences are laid out one per line.
        pub fn links(pairs: &[(&[&str], &[&str])]) -> Fixture {
            Fixture::with_langs("pt", "en", pairs)
        }

        pub fn with_langs(sl: &str, tl: &str, pairs: &[(&[&str], &[&str])]) -> Fixture {
            let src_parts: Vec<&str> = pairs.iter().flat_map(|p| p.0.iter().copied()).collect();
            let tgt_parts: Vec<&str> = pairs.iter().flat_map(|p| p.1.iter().copied()).collect();
            let source = Document::from_text("source.txt", &src_parts.join("\n"));
            let target = Document::from_text("target.txt", &tgt_parts.join("\n"));
            let src_segs = segs(&source, &src_parts);
            let tgt_segs = segs(&target, &tgt_parts);
            let (mut i, mut j) = (0, 0);
            let mut links = Vec::new();
            for (s, t) in pairs {
                links.push(Link {
                    source: (i..i + s.len()).collect(),
                    target: (j..j + t.len()).collect(),
                    score: 0.9,
                    low_confidence: false,
                });
                i += s.len();
                j += t.len();
            }
            Fixture {
                source,
                target,
                src_segs,
                tgt_segs,
                links,
                src_profile: Profile::builtin(sl),
                tgt_profile: Profile::builtin(tl),
                glossary: Glossary::default(),
            }
        }

        /// Five 1-1 links that plainly translate each other (numbers and
        /// names on both sides), to set a merged link among.
        pub fn clear_pairs() -> Vec<(&'static [&'static str], &'static [&'static str])> {
            vec![
                (
                    &["O governo assinou o contrato de 2029 em Cuiabá."],
                    &["The government signed the 2029 contract in Cuiabá."],
                ),
                (
                    &["Ibama ainda precisa aprovar a licença de 12 anos."],
                    &["Ibama still has to approve the 12-year license."],
                ),
                (
                    &["A ferrovia de Mato Grosso vai levar 6 milhões de toneladas."],
                    &["The Mato Grosso railway will carry 6 million tonnes."],
                ),
                (
                    &["Teles Pires e Juruena são rios de 5 bacias."],
                    &["Teles Pires and Juruena are rivers of 5 basins."],
                ),
                (
                    &["O Pará recebe 17 portos novos."],
                    &["Pará is getting 17 new ports."],
                ),
            ]
        }

        /// One 1-1 link.
        pub fn pair(src: &str, tgt: &str) -> Fixture {
            Fixture::links(&[(&[src], &[tgt])])
        }

        pub fn ctx(&self) -> Context<'_> {
            Context::new(
                &self.source,
                &self.target,
                &self.src_segs,
                &self.tgt_segs,
                &self.links,
                &self.src_profile,
                &self.tgt_profile,
                &self.glossary,
            )
        }

        /// Runs one check and returns its findings.
        pub fn run(&self, check: &dyn Check) -> Vec<Finding> {
            let mut out = Vec::new();
            check.check(&self.ctx(), &mut out);
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_kebab_case() {
        let ids: Vec<_> = all_checks().iter().map(|c| c.id()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len());
        for id in ids {
            assert!(
                id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{id}"
            );
        }
    }

    /// The links' glossary matches are the same whether the sentences'
    /// matches were handed over or each link's text is searched; a side of
    /// two sentences is searched whole (a term may span the joint).
    #[test]
    fn handed_over_sentence_matches_give_the_same_link_matches() {
        use crate::glossary::{Glossary, SentenceMatches, Term};
        let mut f = testutil::Fixture::links(&[
            (
                &["O Banco Central subiu os juros."],
                &["The central bank raised rates."],
            ),
            (
                &["Falou o Banco", "Central Europeu."],
                &["The European Central Bank spoke."],
            ),
            (&["Nada aqui."], &[]),
        ]);
        f.glossary = Glossary::from_terms(vec![
            Term {
                source: ["Banco Central".to_string()].into_iter().collect(),
                targets: ["central bank".to_string()].into_iter().collect(),
                ..Default::default()
            },
            Term {
                source: ["Banco Central Europeu".to_string()].into_iter().collect(),
                targets: ["European Central Bank".to_string()].into_iter().collect(),
                ..Default::default()
            },
        ]);
        let searched = f.ctx();
        let want = searched.glossary_matches();
        let m = searched.matcher();
        let of = |doc: &Document, segs: &[Segment]| {
            let mut out = SentenceMatches::default();
            for s in segs {
                out.push(&m.find(s.text(doc)));
            }
            out
        };
        let mut handed = f.ctx();
        handed.use_matcher(m.clone());
        handed.use_sentence_matches((of(&f.source, &f.src_segs), of(&f.target, &f.tgt_segs)));
        let got = handed.glossary_matches();
        assert_eq!(got.source, want.source);
        assert_eq!(got.target, want.target);
        assert!(!want.source[0].is_empty() && !want.target[1].is_empty());
        // Matches of other sentences than the context's are not used.
        let mut wrong = f.ctx();
        wrong.use_sentence_matches((SentenceMatches::default(), SentenceMatches::default()));
        assert_eq!(wrong.glossary_matches().source, want.source);
    }

    #[test]
    fn side_text_maps_offsets_back_to_document() {
        let f = testutil::Fixture::links(&[(&["Um.", "Dois."], &["One. Two."])]);
        let ctx = f.ctx();
        let v = &ctx.views[0];
        assert_eq!(v.source.text, "Um. Dois.");
        // "Dois" starts at 4 in the joined text and at 4 in the document ("Um.\nDois.").
        assert_eq!(v.source.to_doc(4), 4);
        assert_eq!(&f.source.text[v.source.to_doc(4)..][..4], "Dois");
    }
}
