//! The whole pipeline for one document pair: languages → segment → align → check.

use crate::align::{self, AlignOptions, Link};
use crate::checks::{self, Context, SeverityOverrides};
use crate::finding::{Finding, Severity};
use crate::glossary::Glossary;
use crate::input::Document;
use crate::lang;
use crate::lexicon::Lexicon;
use crate::profile::Profile;
use crate::segment::{self, Segment};
use std::sync::Arc;

/// How to run one pair.
#[derive(Debug, Clone, Default)]
pub struct PairOptions {
    /// Forced languages (ISO 639-1); detected when `None`.
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
    /// Each input line is one sentence.
    pub presegmented: bool,
    pub overrides: SeverityOverrides,
    /// With no glossary given, use the shipped one for the language pair.
    pub builtin_glossary: bool,
    /// Keep the aligner's links as they are, without the QA refinement
    /// (for measuring what the refinement does).
    pub raw_alignment: bool,
    /// `transcheck-ignore` lines silence nothing (they are still no text).
    pub no_inline_ignore: bool,
    /// How marked-up inputs (Markdown, HTML) are read.
    pub read: crate::formats::ProseOptions,
    /// Localised URL prefixes (config `url-map`).
    pub url_map: Vec<(String, String)>,
    /// The bilingual lexicons the aligner reads (by default the shipped one).
    pub lexicons: crate::lexicon::Lexicons,
}

/// Everything known about one checked pair; reports render it.
#[derive(Debug, Clone)]
pub struct PairResult {
    pub source: Document,
    pub target: Document,
    pub source_lang: String,
    pub target_lang: String,
    pub source_segments: Vec<Segment>,
    pub target_segments: Vec<Segment>,
    pub links: Vec<Link>,
    pub views: Vec<checks::LinkView>,
    pub findings: Vec<Finding>,
    /// Warnings about the run itself (language detection disagreeing, …).
    pub notices: Vec<String>,
    /// The glossary files used, user files after the built-in ones they
    /// override ("built-in glossaries/names.toml", "mine.tsv").
    pub glossaries: Vec<String>,
    /// The lexicon files used, as [`PairResult::glossaries`].
    pub lexicons: Vec<String>,
    /// Findings silenced by `transcheck-ignore` lines, with their reasons.
    pub suppressed: Vec<crate::suppress::Silenced>,
}

/// Picks the language of a document: the forced one (with a notice when
/// detection disagrees) or the detected one.
pub fn resolve_language(
    doc: &Document,
    forced: Option<&str>,
    fallback: &str,
    notices: &mut Vec<String>,
) -> String {
    let detected = lang::detect(&doc.text);
    match (forced, detected) {
        (Some(f), Some(d)) => {
            if d.code != f && d.reliable {
                notices.push(format!(
                    "{}: language given as '{f}' but the text looks like '{}' (confidence {:.2}); check --source-lang/--target-lang or whether the files are swapped",
                    doc.display_path(),
                    d.code,
                    d.confidence
                ));
            }
            f.to_string()
        }
        (Some(f), None) => f.to_string(),
        (None, Some(d)) => d.code,
        (None, None) => {
            notices.push(format!(
                "{}: could not detect the language; assuming '{fallback}' (set it with --source-lang/--target-lang)",
                doc.display_path()
            ));
            fallback.to_string()
        }
    }
}

/// Segments a document by its profile, or by lines when presegmented.
pub fn segment_doc(doc: &Document, profile: &Profile, presegmented: bool) -> Vec<Segment> {
    let mut segs = if presegmented && doc.markup.is_none() {
        segment::presegmented(doc)
    } else {
        segment::segment(doc, profile)
    };
    // The prose of a marked-up file: lines and columns of the original.
    if doc.markup.is_some() {
        for s in &mut segs {
            (s.line, s.column) = doc.line_col(s.start);
        }
    }
    segs
}

/// Block kind of every segment of a marked-up document (empty otherwise).
fn block_kinds(doc: &Document, segs: &[Segment]) -> Vec<u8> {
    let Some(m) = &doc.markup else {
        return Vec::new();
    };
    segs.iter()
        .map(|s| m.block_at(s.start).map_or(0, |b| b.kind.code()))
        .collect()
}

/// Aligns two segmented documents for checking: the alignment, then the QA
/// refinement that brings out omissions and additions ([`align::refine`]).
pub fn align_docs(
    source: &Document,
    target: &Document,
    src_segs: &[Segment],
    tgt_segs: &[Segment],
    src_profile: &Profile,
    tgt_profile: &Profile,
    glossary: &Glossary,
) -> Vec<Link> {
    let lexicon = crate::lexicon::Lexicon::builtin(src_profile, tgt_profile);
    align_docs_lexicon(
        source,
        target,
        src_segs,
        tgt_segs,
        src_profile,
        tgt_profile,
        glossary,
        lexicon,
        true,
    )
}

/// [`align_docs`] with the lexicon given (`None`: none) rather than the
/// shipped one, and the QA refinement on or off.
#[allow(clippy::too_many_arguments)]
pub fn align_docs_lexicon(
    source: &Document,
    target: &Document,
    src_segs: &[Segment],
    tgt_segs: &[Segment],
    src_profile: &Profile,
    tgt_profile: &Profile,
    glossary: &Glossary,
    lexicon: Option<Arc<Lexicon>>,
    refine: bool,
) -> Vec<Link> {
    let src = align::Side::of_segments(source, src_segs, src_profile);
    let tgt = align::Side::of_segments(target, tgt_segs, tgt_profile);
    let terms = pair_matcher(glossary, &src, &tgt);
    let with = AlignWith {
        lexicon,
        terms,
        refine,
    };
    align_sides(source, target, src_segs, tgt_segs, &src, &tgt, with).links
}

/// The glossary's matcher for the terms two sides' sentences can hold.
fn pair_matcher(
    glossary: &Glossary,
    src: &align::Side,
    tgt: &align::Side,
) -> Option<std::sync::Arc<crate::glossary::Matcher>> {
    let texts = src.sentences.iter().chain(&tgt.sentences).copied();
    (!glossary.terms.is_empty()).then(|| glossary.matcher_for(src.profile, tgt.profile, texts))
}

/// The aligner's options for a pair: the glossary's terms (the pair's
/// matcher), the block kinds of marked-up sides and the pair's lexicon.
/// The one constructor for the main path and for [`Context::hidden`]'s
/// fallback, so both extract the same anchors.
pub fn align_options(
    source: &Document,
    target: &Document,
    src_segs: &[Segment],
    tgt_segs: &[Segment],
    lexicon: Option<Arc<Lexicon>>,
    terms: Option<std::sync::Arc<crate::glossary::Matcher>>,
) -> AlignOptions {
    AlignOptions {
        terms,
        blocks: (block_kinds(source, src_segs), block_kinds(target, tgt_segs)),
        lexicon,
        ..Default::default()
    }
}

/// How [`align_sides`] aligns a pair: the lexicon and the glossary matcher
/// the aligner reads, and whether the QA refinement follows.
struct AlignWith {
    lexicon: Option<Arc<Lexicon>>,
    terms: Option<Arc<crate::glossary::Matcher>>,
    refine: bool,
}

/// What [`align_sides`] found: the links, the anchors they were found
/// with, and the sentences' glossary matches read with the anchors.
struct Aligned {
    links: Vec<Link>,
    anchors: Arc<align::PairAnchors>,
    matches: (
        crate::glossary::SentenceMatches,
        crate::glossary::SentenceMatches,
    ),
}

/// Aligns two sides (then refines the links when asked).
fn align_sides(
    source: &Document,
    target: &Document,
    src_segs: &[Segment],
    tgt_segs: &[Segment],
    src: &align::Side,
    tgt: &align::Side,
    with: AlignWith,
) -> Aligned {
    let AlignWith {
        lexicon,
        terms,
        refine,
    } = with;
    let options = align_options(source, target, src_segs, tgt_segs, lexicon, terms);
    // Anchors extracted once for the aligner, the refinement and the checks.
    let mut anchors = align::PairAnchors::new(src, tgt, &options);
    let matches = anchors.take_matches();
    let links = align::align_prepared(src, tgt, &options, &mut anchors);
    let links = if refine {
        align::refine::refine_prepared(src, tgt, links, &anchors)
    } else {
        links
    };
    let links = align::pair_lone_headings(links, &options.blocks);
    anchors.release_raw();
    Aligned {
        links,
        anchors: Arc::new(anchors),
        matches,
    }
}

/// Fewest bytes (both sides) of a pair whose sides are segmented in parallel.
const PARALLEL_BYTES: usize = 2 << 20;

/// Runs the whole pipeline on one pair.
pub fn check_pair(
    source: Document,
    target: Document,
    glossary: &Glossary,
    options: &PairOptions,
) -> PairResult {
    let source = crate::formats::prose_view(source, None, &options.read);
    let target = crate::formats::prose_view(target, None, &options.read);
    let (source_lang, target_lang, notices) = pair_languages(&source, &target, options);
    let (layered, glossaries) = effective_glossary(glossary, options, &source_lang, &target_lang);
    let glossary = layered.as_deref().unwrap_or(glossary);
    let src_profile = Profile::builtin(&source_lang);
    let tgt_profile = Profile::builtin(&target_lang);
    let (lexicon, lexicons) = options.lexicons.for_pair(&src_profile, &tgt_profile);
    // Suppression directive lines are cut out before alignment.
    let directives = crate::suppress::directives(&target);
    let (source_segments, target_segments) = segment_pair(
        (&source, &src_profile),
        (&target, &tgt_profile),
        &directives,
        options.presegmented,
    );
    let src = align::Side::of_segments(&source, &source_segments, &src_profile);
    let tgt = align::Side::of_segments(&target, &target_segments, &tgt_profile);
    // One matcher for the aligner and the checks.
    let terms = pair_matcher(glossary, &src, &tgt);
    let Aligned {
        links,
        anchors,
        matches,
    } = align_sides(
        &source,
        &target,
        &source_segments,
        &target_segments,
        &src,
        &tgt,
        AlignWith {
            lexicon: lexicon.clone(),
            terms: terms.clone(),
            refine: !options.raw_alignment,
        },
    );
    let hidden = hidden_sentences(options, &src, &tgt, &links, &anchors);
    drop((src, tgt, anchors));
    let (views, findings, suppressed) = run_rules(
        (&source, &target),
        (&source_segments, &target_segments),
        &links,
        (&src_profile, &tgt_profile),
        glossary,
        Prepared {
            lexicon,
            terms,
            matches,
            hidden,
            directives,
        },
        options,
    );
    PairResult {
        source,
        target,
        source_lang,
        target_lang,
        source_segments,
        target_segments,
        links,
        views,
        findings,
        notices,
        glossaries,
        lexicons,
        suppressed,
    }
}

/// The sentences hidden in merged links, for the omission and addition
/// rules, found from the aligner's anchors (as `Context::hidden` would),
/// so that the anchors, which hold features of the whole document, can be
/// freed before the link views and the other rules' data exist. `None`
/// when both rules are off.
fn hidden_sentences(
    options: &PairOptions,
    src: &align::Side,
    tgt: &align::Side,
    links: &[Link],
    anchors: &align::PairAnchors,
) -> Option<Vec<align::refine::Hidden>> {
    ["omission", "addition"]
        .iter()
        .any(|r| !matches!(options.overrides.get(*r), Some(None)))
        .then(|| align::refine::hidden_prepared(src, tgt, links, anchors))
}

/// What the steps before the rules prepared for them: the pair's lexicon
/// and glossary matches, the hidden sentences and the target's suppression
/// lines.
struct Prepared {
    lexicon: Option<Arc<Lexicon>>,
    terms: Option<Arc<crate::glossary::Matcher>>,
    matches: (
        crate::glossary::SentenceMatches,
        crate::glossary::SentenceMatches,
    ),
    hidden: Option<Vec<align::refine::Hidden>>,
    directives: Vec<crate::suppress::Directive>,
}

/// Runs every rule over an aligned pair and applies the target's
/// suppression lines: the link views, the findings and what was silenced.
fn run_rules(
    (source, target): (&Document, &Document),
    (source_segments, target_segments): (&[Segment], &[Segment]),
    links: &[Link],
    (src_profile, tgt_profile): (&Profile, &Profile),
    glossary: &Glossary,
    found: Prepared,
    options: &PairOptions,
) -> (
    Vec<checks::LinkView>,
    Vec<Finding>,
    Vec<crate::suppress::Silenced>,
) {
    let mut ctx = Context::new(
        source,
        target,
        source_segments,
        target_segments,
        links,
        src_profile,
        tgt_profile,
        glossary,
    );
    ctx.url_map = options.url_map.clone();
    ctx.lexicon = found.lexicon;
    if let Some(m) = found.terms {
        ctx.use_matcher(m);
        ctx.use_sentence_matches(found.matches);
    }
    if let Some(h) = found.hidden {
        ctx.set_hidden(h);
    }
    let all = checks::all_checks();
    let mut findings = run_checks_parallel(&ctx, &all, &options.overrides);
    let suppressed = apply_directives(
        target,
        &found.directives,
        target_segments,
        links,
        options,
        &mut findings,
    );
    (ctx.views, findings, suppressed)
}

/// Both sides' sentences, the target's directive lines cut out.
fn segment_pair(
    (source, src_profile): (&Document, &Profile),
    (target, tgt_profile): (&Document, &Profile),
    directives: &[crate::suppress::Directive],
    presegmented: bool,
) -> (Vec<Segment>, Vec<Segment>) {
    let segment_source = || segment_doc(source, src_profile, presegmented);
    let segment_target = || {
        let segs = segment_doc(target, tgt_profile, presegmented);
        crate::suppress::strip(target, segs, directives)
    };
    // A large pair's sides are segmented in parallel (a small pair's second
    // thread would cost more memory than the time it saves).
    if source.text.len() + target.text.len() >= PARALLEL_BYTES {
        rayon::join(segment_source, segment_target)
    } else {
        (segment_source(), segment_target())
    }
}

/// Applies the target's `transcheck-ignore` lines (unless the run disregards
/// them), sets the severity of the suppression rule's own findings and puts
/// the findings in link order; returns what was silenced.
fn apply_directives(
    target: &Document,
    directives: &[crate::suppress::Directive],
    target_segments: &[Segment],
    links: &[Link],
    options: &PairOptions,
    findings: &mut Vec<Finding>,
) -> Vec<crate::suppress::Silenced> {
    let honoured = if options.no_inline_ignore {
        &[]
    } else {
        directives
    };
    let suppressed = crate::suppress::apply(
        target,
        honoured,
        target_segments,
        links,
        &crate::config::known_rules(),
        findings,
    );
    if let Some(sev) = options.overrides.get(crate::suppress::RULE) {
        override_suppression_findings(findings, *sev);
    }
    findings.sort_by_key(|f| f.link.unwrap_or(usize::MAX));
    suppressed
}

/// The pair's languages (given, else detected, else `pt` → `en`) and the
/// notices their detection raised.
fn pair_languages(
    source: &Document,
    target: &Document,
    options: &PairOptions,
) -> (String, String, Vec<String>) {
    let mut notices = Vec::new();
    let source_lang = resolve_language(source, options.source_lang.as_deref(), "pt", &mut notices);
    let target_lang = resolve_language(target, options.target_lang.as_deref(), "en", &mut notices);
    if source_lang == target_lang && options.source_lang.is_none() {
        notices.push(format!(
            "source and target both look like '{source_lang}'; is the target a translation?"
        ));
    }
    (source_lang, target_lang, notices)
}

/// The configured severity of the suppression rule's own findings, or
/// their removal when the rule is off.
fn override_suppression_findings(findings: &mut Vec<Finding>, severity: Option<Severity>) {
    findings.retain_mut(|f| {
        if f.rule != crate::suppress::RULE {
            return true;
        }
        match severity {
            Some(s) => {
                f.severity = s;
                true
            }
            None => false,
        }
    });
}

/// [`checks::run_checks`] with the checks spread over the cores: the same
/// findings in the same order (by link, then by rule order).
fn run_checks_parallel(
    ctx: &Context,
    all: &[Box<dyn checks::Check>],
    overrides: &SeverityOverrides,
) -> Vec<Finding> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let on = |id: &str| !matches!(overrides.get(id), Some(None));
    // Read by two rules at once: found before they start, over all cores,
    // so that neither waits for the other.
    if checks::GLOSSARY_READERS.iter().any(|r| on(r)) {
        ctx.glossary_matches();
    }
    // The costliest rules first, each taken by the next free core: the
    // last one to finish is a cheap one.
    let order = checks::heavy_first(all);
    let next = AtomicUsize::new(0);
    let found: Vec<Mutex<Vec<Finding>>> = all.iter().map(|_| Mutex::default()).collect();
    rayon::scope(|s| {
        for _ in 0..rayon::current_num_threads().min(all.len()) {
            s.spawn(|_| {
                while let Some(&k) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let out = checks::run_checks(ctx, std::slice::from_ref(&all[k]), overrides);
                    if let Ok(mut f) = found[k].lock() {
                        *f = out;
                    }
                }
            });
        }
    });
    let mut findings: Vec<Finding> = found
        .into_iter()
        .flat_map(|m| m.into_inner().unwrap_or_default())
        .collect();
    findings.sort_by_key(|f| f.link.unwrap_or(usize::MAX));
    findings
}

/// Runs the pipeline on a bilingual file (PO, XLIFF, …): its units are
/// already links, so the aligner only splits a long unit into sentences.
pub fn check_bilingual(
    bi: crate::formats::Bilingual,
    glossary: &Glossary,
    options: &PairOptions,
) -> PairResult {
    let proj = crate::formats::project(&bi);
    let mut notices = bi.notices.clone();
    let forced_s = options.source_lang.as_deref().or(bi.source_lang.as_deref());
    let forced_t = options.target_lang.as_deref().or(bi.target_lang.as_deref());
    let source_lang = resolve_language(&proj.source, forced_s, "en", &mut notices);
    let target_lang = resolve_language(&proj.target, forced_t, "pt", &mut notices);
    let (layered, glossaries) = effective_glossary(glossary, options, &source_lang, &target_lang);
    let glossary = layered.as_deref().unwrap_or(glossary);
    let src_profile = Profile::builtin(&source_lang);
    let tgt_profile = Profile::builtin(&target_lang);
    let (lexicon, lexicons) = options.lexicons.for_pair(&src_profile, &tgt_profile);
    let source_segments = crate::formats::segment_projected(&proj.source, &src_profile);
    let target_segments = crate::formats::segment_projected(&proj.target, &tgt_profile);
    let links = crate::formats::unit_links(&proj, &source_segments, &target_segments, |s, t| {
        align_docs_lexicon(
            &proj.source,
            &proj.target,
            s,
            t,
            &src_profile,
            &tgt_profile,
            glossary,
            lexicon.clone(),
            true,
        )
    });
    let all = checks::all_checks();
    let mut ctx = Context::new(
        &proj.source,
        &proj.target,
        &source_segments,
        &target_segments,
        &links,
        &src_profile,
        &tgt_profile,
        glossary,
    );
    ctx.url_map = options.url_map.clone();
    ctx.lexicon = lexicon;
    let findings = run_checks_parallel(&ctx, &all, &options.overrides);
    // Reports show the text as written: placeholders and tags unmasked
    // (same byte lengths, so spans stay put).
    let mut views = ctx.views;
    for v in &mut views {
        v.source.text = v.source.display(&proj.source);
        v.target.text = v.target.display(&proj.target);
    }
    PairResult {
        source: proj.source,
        target: proj.target,
        source_lang,
        target_lang,
        source_segments,
        target_segments,
        links,
        views,
        findings,
        notices,
        glossaries,
        lexicons,
        suppressed: Vec::new(),
    }
}

/// The glossary a pair is checked with (see [`Glossary::for_pair`]),
/// `None` when that is the user's as given; and the files it comes from.
fn effective_glossary(
    user: &Glossary,
    options: &PairOptions,
    source_lang: &str,
    target_lang: &str,
) -> (Option<std::sync::Arc<Glossary>>, Vec<String>) {
    let (layered, files) = user.for_pair(source_lang, target_lang, options.builtin_glossary);
    (layered, files.to_vec())
}
