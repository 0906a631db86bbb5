//! The `name` check: a proper name, acronym or code from the source missing
//! or misspelled in the target.
//!
//! Names are found in the source without a glossary: capitalised words that
//! are not sentence-initial (or are, but appear capitalised mid-sentence
//! elsewhere), joined by name particles (`de`, `bin`), acronyms and codes
//! with digits (`F-35`, `COP30`). Each name word must be in the aligned
//! target, exactly or with accents folded. A near miss is an error unless it
//! looks like a translation (cognate spelling, accented local form); an
//! absent multi-word name is a warning only when the document shows the
//! name is kept in translation.

use super::{Check, Context, LinkView};
use crate::finding::{Finding, Severity};
use crate::glossary::{Kind, Match, Matcher, matcher};
use crate::profile::Profile;
use crate::text::{Word, fold, word_iter, words};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

mod find;
mod spelling;
use find::*;
pub(super) use find::{DocWords, NameWord, is_acronym, is_sentence_initial, is_slip, squash};
use spelling::*;
pub(super) use spelling::{is_foreign_spelling, is_near, is_typo, skeleton, without_possessive};

pub struct NameCheck;

impl Check for NameCheck {
    fn id(&self) -> &'static str {
        "name"
    }
    fn description(&self) -> &'static str {
        "A proper name, acronym or code from the source missing or misspelled in the target"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let sp = ctx.source_profile;
        let tp = ctx.target_profile;
        let src_doc = DocWords::new(&ctx.source.text, sp);
        let tgt_doc = DocWords::new(&ctx.target.text, tp);
        let conventions = Conventions::new(ctx, &src_doc, &tgt_doc);
        let m = (!ctx.glossary.terms.is_empty()).then(|| ctx.matcher());
        let exact = std::cell::OnceCell::new();
        let keeps = std::cell::OnceCell::new();
        for (vi, v) in ctx.views.iter().enumerate() {
            if v.source.is_empty() || v.target.is_empty() {
                continue;
            }
            let names = find_names(&v.source.text, sp, &src_doc, ctx.lexicon.as_deref());
            if names.is_empty() {
                continue;
            }
            let mut link = LinkNames::new(ctx, vi, v, m.as_deref(), [&src_doc, &tgt_doc]);
            link.tgt_exact = Some(&exact);
            link.conventions = Some(&conventions);
            link.unit_keeps = Some(&keeps);
            for name in names {
                link.check_name(&name, out);
            }
        }
        super::acronym_swap::check(ctx, out);
    }
}

/// One link as the name check reads it: glossary matches, the words of
/// both sides, and the neighbours' words for alignment slack.
struct LinkNames<'c> {
    vi: usize,
    v: &'c LinkView,
    sp: &'c Profile,
    tp: &'c Profile,
    src_doc: &'c DocWords,
    tgt_doc: &'c DocWords,
    src_gl: Vec<Match>,
    tgt_gl: Vec<Match>,
    src_words: Vec<Word<'c>>,
    tgt_words: Vec<Word<'c>>,
    /// Target words and adjacent pairs (COP 30 for COP30, Al Busaidi for
    /// Albusaidi).
    tgt_keys: Vec<String>,
    views: &'c [LinkView],
    /// Neighbouring links, for alignment slack: (source keys, target keys);
    /// read only for a name word the link's own target lacks.
    near_sides: std::cell::OnceCell<Vec<(Vec<String>, Vec<String>)>>,
    /// Spelling forms of the target words, each made once per link.
    forms: TargetForms,
    low_conf: bool,
    lexicon: Option<&'c crate::lexicon::Lexicon>,
    /// A unit of a software catalogue (PO, XLIFF, …): a short string whose
    /// product names, acronyms and codes are kept, not paraphrased.
    unit: bool,
    /// The target document's words as written, made on first use (only a
    /// catalogue's absent names read it).
    tgt_exact: Option<&'c std::cell::OnceCell<FxHashSet<&'c str>>>,
    tgt_text: &'c str,
    /// How the document renders names; none: every convention counts.
    conventions: Option<&'c Conventions>,
    /// How a catalogue's units render each capitalised word, made on first
    /// use (only a catalogue's absent or near-missed names read it).
    unit_keeps: Option<&'c std::cell::OnceCell<UnitKeeps>>,
}

/// How a catalogue treats each capitalised source word: in how many units
/// the source has it, and in how many of those the target keeps it. A word
/// most other units translate (Launcher → Starter, Shift → Maj) is the
/// catalogue's vocabulary, not a name; a name is kept in nearly every unit.
struct UnitKeeps(FxHashMap<String, (usize, usize)>);

impl UnitKeeps {
    fn new(views: &[LinkView]) -> UnitKeeps {
        let mut m: FxHashMap<String, (usize, usize)> = FxHashMap::default();
        let mut seen = FxHashSet::default();
        for v in views {
            if v.source.is_empty() || v.target.is_empty() {
                continue;
            }
            // Parts of a compound count as kept (HTML → HTML-Datei).
            let tgt: FxHashSet<String> = word_iter(&v.target.text)
                .flat_map(|w| std::iter::once(w.text).chain(w.text.split(['-', '‐'])))
                .map(squash)
                .collect();
            seen.clear();
            for w in word_iter(&v.source.text).filter(|w| starts_upper(w.text)) {
                let key = squash(w.text);
                if seen.contains(&key) {
                    continue;
                }
                let e = m.entry(key.clone()).or_default();
                e.0 += 1;
                e.1 += usize::from(tgt.contains(&key));
                seen.insert(key);
            }
        }
        UnitKeeps(m)
    }

    /// Whether the catalogue translates a word its unit drops: another unit
    /// drops it too. A dropped name is a slip of one unit.
    fn translated(&self, key: &str) -> bool {
        let (seen, kept) = self.0.get(key).copied().unwrap_or_default();
        seen > kept + 1
    }
}

/// How a translation renders the source's names: the name words it spells
/// by a convention (Ismael → Ishmael), and how many it keeps as they are.
/// One that converts no name and keeps several keeps names verbatim: a
/// conventional-looking spelling there (Copasa → Copaza) is a slip.
struct Conventions {
    converted: FxHashSet<String>,
    kept: usize,
}

/// Other names a translation must keep verbatim before a conventional
/// spelling counts as a slip.
const KEPT_NAMES: usize = 3;

impl Conventions {
    fn new(ctx: &Context, src_doc: &DocWords, tgt_doc: &DocWords) -> Conventions {
        let (sp, tp) = (ctx.source_profile, ctx.target_profile);
        let lexicon = ctx.lexicon.as_deref();
        let tgt_new: Vec<&str> = mid_names(&ctx.target.text, tgt_doc)
            .into_iter()
            .filter(|t| !src_doc.has(&squash(t)))
            .collect();
        let cognates: FxHashSet<String> = tgt_new.iter().map(|t| cognate_form(t, tp)).collect();
        let skeletons: FxHashSet<String> = tgt_new.iter().map(|t| skeleton(t, tp)).collect();
        let mut c = Conventions {
            converted: FxHashSet::default(),
            kept: 0,
        };
        for w in mid_names(&ctx.source.text, src_doc) {
            let key = squash(w);
            // A word the profile says is no name (Companhia → Company)
            // converts no name.
            if is_common_word(lexicon, w) || in_list(&sp.words.not_names, w) {
                continue;
            }
            if tgt_doc.has(&key) {
                c.kept += 1;
            } else if cognates.contains(&cognate_form(w, sp))
                || skeletons.contains(&skeleton(w, sp))
            {
                c.converted.insert(key);
            }
        }
        if !c.converted.is_empty() {
            let whole = translated_whole(ctx, src_doc);
            c.converted.retain(|k| !whole.contains(k));
        }
        c
    }

    /// Whether the translation keeps names verbatim, name word `key` aside.
    fn keeps_names(&self, key: &str) -> bool {
        self.kept >= KEPT_NAMES && self.converted.iter().all(|k| k == key)
    }

    /// Whether the translation keeps several names verbatim and converts
    /// no spelling of `key`.
    fn keeps_several(&self, key: &str) -> bool {
        self.kept >= KEPT_NAMES && !self.converted.contains(key)
    }

    /// Whether the translation keeps every name verbatim.
    fn keeps_every_name(&self) -> bool {
        self.kept >= KEPT_NAMES && self.converted.is_empty()
    }
}

/// Source name words a translation renders without any convention for
/// names: those of a name with a particle or a word of the language (an
/// institution translated whole: Companhia Metropolitana de Transportes →
/// Metropolitan Transport Company) and a glossary's own terms (Brasil →
/// Brazil).
fn translated_whole(ctx: &Context, src_doc: &DocWords) -> FxHashSet<String> {
    let lexicon = ctx.lexicon.as_deref();
    let text = &ctx.source.text;
    let mut out: FxHashSet<String> = ctx
        .glossary
        .terms
        .iter()
        .flat_map(|t| t.source.iter())
        .filter(|s| !s.contains(char::is_whitespace))
        .map(|s| squash(s))
        .collect();
    for n in find_names(text, ctx.source_profile, src_doc, lexicon) {
        let with_particle = text
            .get(n.span.clone())
            .is_some_and(|s| s.split_whitespace().count() > n.words.len());
        let with_word = n
            .words
            .iter()
            .any(|w| is_common_word(lexicon, &w.text.to_lowercase()));
        // Two names joined by "e" (Ismael e Agripa) are two people.
        if (n.words.len() > 2 && with_particle) || (n.words.len() > 1 && with_word) {
            out.extend(n.words.iter().map(|w| squash(&w.text)));
        }
    }
    out
}

/// The distinct words of `text` capitalised mid-sentence somewhere in the
/// document, each in its first spelling.
fn mid_names<'t>(text: &'t str, doc: &DocWords) -> Vec<&'t str> {
    let mut seen = FxHashSet::default();
    word_iter(text)
        .filter(|w| starts_upper(w.text))
        .filter_map(|w| {
            let key = squash(w.text);
            (doc.mid_capitalised.contains(&key) && seen.insert(key)).then_some(w.text)
        })
        .collect()
}

/// The cognate form and skeleton of each target word of a link, made on
/// first use: every name word of the link compares with the same words.
struct TargetForms {
    cognate: Vec<std::cell::OnceCell<String>>,
    skeleton: Vec<std::cell::OnceCell<String>>,
}

impl TargetForms {
    fn new(n: usize) -> TargetForms {
        TargetForms {
            cognate: vec![std::cell::OnceCell::new(); n],
            skeleton: vec![std::cell::OnceCell::new(); n],
        }
    }

    /// [`cognate_form`] of target word `p`, `t`.
    fn cognate(&self, p: usize, t: &str, tp: &Profile) -> std::borrow::Cow<'_, str> {
        match self.cognate.get(p) {
            Some(c) => c.get_or_init(|| cognate_form(t, tp)).into(),
            None => cognate_form(t, tp).into(),
        }
    }

    /// Whether target word `p`, `t`, has the skeleton `skel`.
    fn same_skeleton(&self, p: usize, t: &str, tp: &Profile, skel: &str) -> bool {
        match self.skeleton.get(p) {
            Some(c) => c.get_or_init(|| skeleton(t, tp)) == skel,
            None => skeleton(t, tp) == skel,
        }
    }
}

/// What the words of one name came to in the target.
struct NameWords<'n, 'c> {
    absent: Vec<&'n NameWord>,
    misses: Vec<(&'n NameWord, Word<'c>)>,
    any_glossary: bool,
    some_rendered: bool,
    /// Absent words the target link does say, only fewer times.
    repeats: usize,
}

impl<'c> LinkNames<'c> {
    fn new(
        ctx: &'c Context,
        vi: usize,
        v: &'c LinkView,
        m: Option<&Matcher>,
        [src_doc, tgt_doc]: [&'c DocWords; 2],
    ) -> Self {
        let gm = ctx.glossary_matches();
        let (src_gl, tgt_gl): (Vec<Match>, Vec<Match>) = match m {
            Some(_) => (
                matcher::longest_only(
                    gm.source[vi]
                        .iter()
                        // Amazonia-1 in an accented sentence is no Amazônia.
                        .filter(|x| {
                            x.kind == Kind::Source
                                && super::glossary::accent_trusted(&v.source.text, x)
                        })
                        .cloned()
                        .collect(),
                ),
                gm.target[vi].clone(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        let tgt_words = words(&v.target.text);
        let mut tgt_keys: Vec<String> = tgt_words.iter().map(|w| squash(w.text)).collect();
        let pairs: Vec<String> = tgt_keys.windows(2).map(|p| p.concat()).collect();
        tgt_keys.extend(pairs);
        tgt_keys.extend(tgt_words.iter().flat_map(|w| word_parts(w.text)));
        LinkNames {
            vi,
            v,
            sp: ctx.source_profile,
            tp: ctx.target_profile,
            src_doc,
            tgt_doc,
            src_gl,
            tgt_gl,
            src_words: words(&v.source.text),
            forms: TargetForms::new(tgt_words.len()),
            tgt_words,
            tgt_keys,
            views: &ctx.views,
            near_sides: std::cell::OnceCell::new(),
            low_conf: ctx.links.get(vi).is_some_and(|l| l.low_confidence),
            lexicon: ctx.lexicon.as_deref(),
            unit: ctx.source.origin.is_some(),
            tgt_exact: None,
            tgt_text: &ctx.target.text,
            conventions: None,
            unit_keeps: None,
        }
    }

    fn near_sides(&self) -> &[(Vec<String>, Vec<String>)] {
        self.near_sides.get_or_init(|| {
            let vi = self.vi;
            [vi.checked_sub(1), Some(vi + 1)]
                .iter()
                .flatten()
                .filter_map(|&n| self.views.get(n))
                .map(|n| {
                    let keys = |t: &str| word_iter(t).map(|w| squash(w.text)).collect();
                    (keys(&n.source.text), keys(&n.target.text))
                })
                .collect()
        })
    }

    /// Checks one source name against the link's target.
    fn check_name(&self, name: &Name, out: &mut Vec<Finding>) {
        let found = self.read_words(name, out);
        // A name with other words missing is translated as a whole
        // (Grande Bazar → Grand Bazaar): its near misses are cognates.
        let translated = found.absent.iter().any(|w| w.kind == WordKind::Capitalised);
        if !translated {
            for (w, t) in &found.misses {
                self.report_near_miss(name, w, t, found.some_rendered, out);
            }
        }
        if found.any_glossary || found.absent.is_empty() {
            return;
        }
        if self.report_swapped(name, &found.absent, out) {
            return;
        }
        // A repeat said by a pronoun is no loss.
        if found.repeats == found.absent.len() {
            return;
        }
        self.report_absent(name, &found.absent, found.some_rendered, out);
    }

    /// A name absent, another name standing in its place, in a translation
    /// that keeps names verbatim.
    fn report_swapped(&self, name: &Name, absent: &[&NameWord], out: &mut Vec<Finding>) -> bool {
        let keeps = self.conventions.is_some_and(Conventions::keeps_every_name);
        // A name of several words with a word of the language in it may be
        // translated whole (Tribunal de Contas → Audit Court).
        let translatable =
            name.words.len() > 1 && absent.iter().any(|w| is_common_word(self.lexicon, &w.text));
        if self.unit
            || translatable
            || absent.iter().any(|w| w.kind != WordKind::Capitalised)
            // A label (Foto: …) is a word of the language.
            || self.v.source.text.get(name.span.end..).is_some_and(|r| r.starts_with(':'))
        {
            return false;
        }
        let swap = super::name_swap::Swap {
            src_doc: self.src_doc,
            tgt_doc: self.tgt_doc,
            src_words: &self.src_words,
            tgt_words: &self.tgt_words,
            tgt_text: &self.v.target.text,
            tp: self.tp,
            lexicon: self.lexicon,
        };
        if !swap.lost(absent) {
            return false;
        }
        let initial = is_sentence_initial(&self.v.source.text, name.span.start, Some(self.sp));
        // Opening a sentence, a capitalised word is a name only if the
        // document capitalises it mid-sentence too.
        if initial
            && !absent
                .iter()
                .all(|w| self.src_doc.is_mid_name(&squash(&w.text)))
        {
            return false;
        }
        let kept: Vec<String> = name
            .words
            .iter()
            .filter(|w| w.kind == WordKind::Capitalised)
            .filter(|w| !absent.iter().any(|a| std::ptr::eq(*a, *w)))
            .map(|w| squash(&w.text))
            .collect();
        let lost = super::name_swap::Lost {
            at: name.span.start,
            initial,
            kept: &kept,
            named: keeps,
        };
        // A stranger needs the convention too (the Bible says Edomites for
        // Edom, John for João) and the lost name kept elsewhere.
        let (at, whose) = match swap.stand_in(&lost, &self.v.source.text) {
            Some(super::name_swap::StandIn::Named(at)) => (at, "another name of the source"),
            // A stranger only where the target is seen to keep this name,
            // or a surname beside its kept first names given as a name
            // spelt nothing like it (Joaquina Ribeiro as Joaquina Pereira;
            // Jesus Cristo as Jesus Christ is a convention). A word of the
            // language, or a short part of a place name (Sul as South), is
            // translated, not lost.
            Some(super::name_swap::StandIn::Stranger(at))
                if absent.iter().all(|w| {
                    let key = squash(&w.text);
                    let stranger = self.v.target.text.get(at.clone()).unwrap_or("");
                    ((keeps && self.tgt_doc.has(&key))
                        || (!kept.is_empty()
                            && self.conventions.is_some_and(|c| c.keeps_several(&key))
                            && edit(&w.text, stranger).1 >= 0.5))
                        && w.text.chars().count() > 3
                        && !is_common_word(self.lexicon, &w.text.to_lowercase())
                }) =>
            {
                (at, "a name the source never uses")
            }
            _ => return false,
        };
        let src = self.v.source.text.get(name.span.clone()).unwrap_or("");
        let tgt = self.v.target.text.get(at.clone()).unwrap_or("");
        // The name's own plural or singular (Kikitos as Kikito awards), or
        // its word translated (Ministério da Saúde → Ministry of Health).
        let inflected = |a: &str, b: &str| a.len() > 3 && b.len() > 3 && a.starts_with(b);
        let (s, t) = (squash(src), squash(tgt));
        let translated = self.lexicon.is_some_and(|l| {
            absent.iter().any(|w| {
                tgt.split_whitespace()
                    .any(|x| same_concept(l, &w.text.to_lowercase(), &x.to_lowercase()))
            })
        });
        if inflected(&s, &t) || inflected(&t, &s) || translated {
            return false;
        }
        out.push(
            Finding::new(
                "name",
                Severity::Error,
                format!(
                    "name '{src}' is missing from the translation: it says '{tgt}' instead, {whose}"
                ),
            )
            .link(self.vi)
            .source_span(name.span.clone())
            .target_span(at)
            .expected(src),
        );
        true
    }

    /// Looks for each word of the name in the target; a misspelt person's
    /// name is reported at once.
    fn read_words<'n>(&self, name: &'n Name, out: &mut Vec<Finding>) -> NameWords<'n, 'c> {
        let (sp, tp, v) = (self.sp, self.tp, self.v);
        let mut found = NameWords {
            absent: Vec::new(),
            misses: Vec::new(),
            any_glossary: false,
            some_rendered: false,
            repeats: 0,
        };
        let person = PersonName::new(name, &self.src_words, &self.tgt_words)
            .filter(|_| !is_list(&v.source.text, name, sp));
        for (i, w) in name.words.iter().enumerate() {
            if self
                .src_gl
                .iter()
                .any(|g| g.start < w.span.end && w.span.start < g.end)
            {
                found.any_glossary = true;
                continue;
            }
            if let Some(t) = person.as_ref().and_then(|p| p.misspelt(i, w, self, sp, tp)) {
                if self.label_word_rendered(w, &t) {
                    continue;
                }
                if !is_foreign_spelling(&w.text, sp) && conventional_in_doc(w, &t, self.tgt_doc) {
                    continue;
                }
                let variant =
                    is_vowel_variant(&w.text, t.text) && !self.tgt_doc.has(&squash(&w.text));
                push_miss(out, self.vi, w, &t, self.low_conf || variant);
                continue;
            }
            let key = squash(&w.text);
            // Only where the translation keeps names verbatim: under a
            // convention (Sebá twice, Seba and Sheba: two men) the count
            // says nothing.
            let repeat = present(&key, &self.tgt_keys)
                && self.conventions.is_some_and(Conventions::keeps_every_name)
                && self.said_fewer(w, &key);
            // A neighbour's rendering counts only if its own source lacks the name.
            if !repeat
                && (present(&key, &self.tgt_keys)
                    || self
                        .near_sides()
                        .iter()
                        .any(|(s, t)| !present(&key, s) && present(&key, t)))
            {
                continue;
            }
            if matches!(w.kind, WordKind::Capitalised | WordKind::Initial) {
                let near = near_miss(
                    w,
                    &self.tgt_words,
                    &self.tgt_gl,
                    &self.forms,
                    [self.src_doc, self.tgt_doc],
                    [sp, tp],
                    Evidence {
                        lexicon: self.lexicon,
                        keeps_names: self
                            .conventions
                            .is_some_and(|c| c.keeps_names(&squash(&w.text))),
                    },
                );
                match near {
                    Near::Rendered => {
                        found.some_rendered = true;
                        continue;
                    }
                    Near::Miss(t) => {
                        found.misses.push((w, t));
                        continue;
                    }
                    Near::None => {}
                }
            }
            found.repeats += usize::from(repeat);
            found.absent.push(w);
        }
        found
    }

    /// Whether this occurrence of name word `w` comes after as many as the
    /// link's target says: in a merged link (Quintela Azevedo … disse
    /// Quintela Azevedo) the later one may be the one misspelt or replaced.
    fn said_fewer(&self, w: &NameWord, key: &str) -> bool {
        let is_key = |t: &Word| squash(without_possessive(t.text).unwrap_or(t.text)) == key;
        let before = self
            .src_words
            .iter()
            .filter(|t| t.start < w.span.start && is_key(t))
            .count();
        before > 0 && before >= self.tgt_words.iter().filter(|t| is_key(t)).count()
    }

    /// A near miss of a name word in a name not translated as a whole.
    fn report_near_miss(
        &self,
        name: &Name,
        w: &NameWord,
        t: &Word,
        some_rendered: bool,
        out: &mut Vec<Finding>,
    ) {
        let v = self.v;
        if self.translated_in_units(&w.text) {
            return;
        }
        // A word seen only at the start of sentences may be an ordinary
        // word the lexicon lacks (Serialize → Serializar): only a typing
        // slip is reported, and not a letter dropped, which is how a
        // cognate often adapts (Ellipse → Elipse, Frisian → Frísia).
        if w.kind == WordKind::Initial
            && (!is_typo(&w.text, t.text)
                || squash(t.text).chars().count() < squash(&w.text).chars().count())
        {
            return;
        }
        // So is a catalogue label's word (New Console → Nueva Consola),
        // but a letter it drops is a slip there (Nynorsk → Nynors).
        if !is_typo(&w.text, t.text) && self.capitalised_by_place(w) {
            return;
        }
        if self.label_word_rendered(w, t) {
            return;
        }
        // One vowel apart (Mohammad, Mohammed) is often a second
        // transliteration: a warning, unless the target keeps the source
        // spelling elsewhere; and nothing when another word of the name is
        // a cognate (Grande Bazar → Grand Bazaar).
        let variant = is_vowel_variant(&w.text, t.text) && !self.tgt_doc.has(&squash(&w.text));
        if variant && some_rendered {
            return;
        }
        // A single name after a translated title may be an exonym (papa
        // Francisco → Pope Francis).
        let exonym = name.words.len() == 1
            && after_translated_title(&v.source.text, w, &v.target.text, t, self.src_doc);
        // A rendering the document uses again and again is its convention
        // (Jacó → Jacob); a natively spelt name is an error only with a
        // typing slip's pattern.
        let foreign = is_foreign_spelling(&w.text, self.sp);
        if !foreign && conventional_in_doc(w, t, self.tgt_doc) {
            return;
        }
        // A conventional correspondence the target uses at least as often
        // as the source spelling (Sebá → Sheba twice, Seba once: two men)
        // is no clear slip.
        let kept_convention = !foreign
            && skeleton(&w.text, self.sp) == skeleton(t.text, self.tp)
            && self.tgt_doc.count(&squash(t.text)) >= 2
            && self.tgt_doc.count(&squash(t.text)) >= self.tgt_doc.count(&squash(&w.text));
        let unsure = !foreign && (kept_convention || !is_typo(&w.text, t.text));
        push_miss(
            out,
            self.vi,
            w,
            t,
            self.low_conf || variant || exonym || unsure,
        );
    }

    /// Name words absent from the target: a warning only when confident the
    /// name is kept in translation.
    fn report_absent(
        &self,
        name: &Name,
        absent: &[&NameWord],
        some_rendered: bool,
        out: &mut Vec<Finding>,
    ) {
        let (v, vi) = (self.v, self.vi);
        // A code or acronym whose place a slip of it takes is a certain error.
        let mut slipped = Vec::new();
        for w in absent {
            let slip = self.tgt_words.iter().find(|t| {
                is_slip(&w.text, t.text) && !self.src_words.iter().any(|s| s.text == t.text)
            });
            if let Some(t) = slip {
                push_miss(out, vi, w, t, false);
                slipped.push(w.span.clone());
            }
        }
        let absent: Vec<&NameWord> = absent
            .iter()
            .copied()
            .filter(|w| !slipped.contains(&w.span))
            .collect();
        let absent = absent.as_slice();
        if self.unit {
            // A name of several words with a common word or a cognate among
            // them is translated as a whole (Lower Sorbian → Sorábio Baixo).
            // A capitalised common word right before the name, read as no
            // name word for its place (Norwegian Bokmål), counts too.
            let before = self
                .src_words
                .iter()
                .take_while(|w| w.end <= name.span.start)
                .last()
                .filter(|w| {
                    starts_upper(w.text)
                        && self.v.source.text.get(w.end..name.span.start) == Some(" ")
                        && is_common_word(self.lexicon, w.text)
                });
            let whole = before.is_some()
                || (name.words.len() > 1
                    && (some_rendered
                        || absent.iter().any(|w| is_common_word(self.lexicon, &w.text))));
            if !whole {
                self.report_absent_in_unit(absent, out);
            }
            return;
        }
        let codes: Vec<&&NameWord> = absent
            .iter()
            .filter(|w| w.kind == WordKind::Code && !self.letter_code_counted(&w.text))
            .collect();
        let full_name_missing = absent.len() == name.words.len()
            && name.words.len() >= 2
            && name.words.iter().all(|w| w.kind == WordKind::Capitalised)
            && name
                .words
                .iter()
                .all(|w| self.tgt_doc.has(&squash(&w.text)) && !has_native(&w.text, self.sp));
        if full_name_missing {
            let text = v.source.text.get(name.span.clone()).unwrap_or("");
            out.push(
                Finding::new(
                    "name",
                    Severity::Warning,
                    format!("name '{text}' is missing from the translation"),
                )
                .link(vi)
                .source_span(name.span.clone())
                .expected(text),
            );
        } else {
            for w in codes {
                out.push(
                    Finding::new(
                        "name",
                        Severity::Warning,
                        format!("'{}' is missing from the translation", w.text),
                    )
                    .link(vi)
                    .source_span(w.span.clone())
                    .expected(w.text.clone()),
                );
            }
        }
    }
}

/// Whether `t` is `w` without its plural ending (`Records` → `Record`).
fn plural_dropped(w: &str, t: &str) -> bool {
    ["s", "es"]
        .iter()
        .any(|e| w.strip_suffix(e).is_some_and(|stem| stem == t))
}

/// A label of two words or more, every one capitalised, function words
/// too (`Not Started`), with no sentence's end.
fn every_word_capitalised(text: &str, ws: &[Word]) -> bool {
    let lettered: Vec<&Word> = ws
        .iter()
        .filter(|w| w.text.chars().any(char::is_alphabetic))
        .collect();
    lettered.len() >= LABEL_WORDS
        && !text.trim_end().ends_with(['.', '!', '?'])
        && lettered.iter().all(|w| starts_upper(w.text))
}

impl LinkNames<'_> {
    /// Whether the link is a catalogue unit and the catalogue's other units
    /// mostly translate the word ([`UnitKeeps`]).
    fn translated_in_units(&self, w: &str) -> bool {
        self.unit
            && self.unit_keeps.is_some_and(|k| {
                k.get_or_init(|| UnitKeeps::new(self.views))
                    .translated(&squash(w))
            })
    }

    /// Whether a catalogue string's plain capitalised word (no inner
    /// capital, no digit) is capitalised by its place: it opens the string,
    /// or the string is a label in title case (Rotate Clockwise, Enter Edit
    /// Mode). Such a word reads as a sentence-initial one.
    fn capitalised_by_place(&self, w: &NameWord) -> bool {
        let plain =
            w.kind == WordKind::Capitalised && w.text.chars().skip(1).all(|c| !c.is_uppercase());
        let src = &self.v.source.text;
        self.unit
            && plain
            && (is_sentence_initial(src, w.span.start, Some(self.sp))
                || opens_after_placeholder_or_dash(&src[..w.span.start])
                || title_case_with(src, &self.src_words, self.sp, LABEL_WORDS)
                || every_word_capitalised(src, &self.src_words))
    }

    /// Whether a catalogue label's word, capitalised by its place, is
    /// rendered by `t`: a word of the target's own, used in lower case
    /// elsewhere or known to the lexicon (Shared Items → Itens
    /// Compartilhados), or the loanword without its plural ending (Service
    /// Records → Record). Letters exchanged in no such word stay a slip.
    fn label_word_rendered(&self, w: &NameWord, t: &Word) -> bool {
        let by_place = self.unit && (w.kind == WordKind::Initial || self.capitalised_by_place(w));
        let target_word = || {
            self.tgt_doc.is_lower(&squash(t.text))
                || self
                    .lexicon
                    .is_some_and(|l| !l.concepts(crate::lexicon::Side::Target, t.text).is_empty())
        };
        by_place && (plural_dropped(&w.text, t.text) || target_word())
    }

    /// Whether the link's target keeps `w` as a part of a hyphenated
    /// compound ("HTML File" → "HTML-Datei", "YAML-Vorspann"), after an
    /// elided article ("l'UPC", "dell'API") or as the head of a closed
    /// compound ("Web site" → "Webseite").
    fn in_compound(&self, w: &str) -> bool {
        const JOINS: [char; 4] = ['-', '‐', '\'', '’'];
        self.tgt_words.iter().any(|t| {
            (t.text.contains(JOINS) && t.text.split(JOINS).any(|p| p == w))
                || (t.text.len() > w.len() + 2 && t.text.starts_with(w))
        })
    }

    /// Whether the link's target has the acronym `w` with a plural ending
    /// or an acronym of the same letters in another order.
    fn acronym_rendered(&self, w: &str) -> bool {
        if !is_acronym(w) {
            return false;
        }
        let sorted = |s: &str| {
            let mut c: Vec<char> = s.chars().collect();
            c.sort_unstable();
            c
        };
        let letters = sorted(w);
        self.tgt_words.iter().any(|t| {
            t.text
                .strip_prefix(w)
                .is_some_and(|rest| matches!(rest, "s" | "'s" | "’s"))
                || (is_acronym(t.text) && sorted(t.text) == letters)
        })
    }

    /// Whether a numbered label (`Menu2`, `MultilingualExample1`) is
    /// rendered in words with its number apart (`Menu estático 2`): the
    /// target has the number as a word of its own.
    fn numbered_label_rendered(&self, w: &str) -> bool {
        let letters = w.trim_end_matches(|c: char| c.is_ascii_digit());
        let number = &w[letters.len()..];
        !number.is_empty()
            && letters.chars().count() >= 3
            && letters.chars().all(char::is_alphabetic)
            && self.tgt_words.iter().any(|t| t.text == number)
    }

    /// A single letter and a number ("G-4", "G7") said with the number
    /// alone ("the top four", "Group of Seven"): the target link has it,
    /// in digits or words.
    fn letter_code_counted(&self, w: &str) -> bool {
        let Some(at) = w.find(|c: char| c.is_ascii_digit()) else {
            return false;
        };
        let (letters, number) = w.split_at(at);
        let letters = letters.trim_end_matches(['-', '‐']);
        let Ok(n) = number.parse::<u32>() else {
            return false;
        };
        letters.chars().count() == 1
            && letters.chars().all(char::is_alphabetic)
            && crate::numbers::extract(&self.v.target.text, self.tp)
                .iter()
                .any(|m| m.value == f64::from(n))
    }

    /// Whether the link's target has the acronym of a source plural
    /// (IDs → des ID, URLs → las URL): some languages leave it unmarked.
    fn plural_acronym_rendered(&self, w: &str) -> bool {
        ["s", "'s", "’s"]
            .iter()
            .filter_map(|e| w.strip_suffix(e))
            .any(|stem| {
                is_acronym(stem)
                    && self
                        .tgt_words
                        .iter()
                        .any(|t| t.text.split(['-', '‐']).any(|p| p == stem))
            })
    }

    /// Name words absent from a catalogue string. Such a string is short and
    /// stands alone: a product name, acronym or code it drops ("Sign in with
    /// GitHub" → "Entrar com") is lost, not said another way. An error when
    /// the target catalogue writes the word as the source does elsewhere.
    /// Without that evidence, a capitalised word the lexicon does not know
    /// and a code are warnings; an acronym (ToC → tabela de conteúdos) and
    /// a word that is a name only by its place (sentence-initial, or in a
    /// title-case string) are left alone.
    fn report_absent_in_unit(&self, absent: &[&NameWord], out: &mut Vec<Finding>) {
        for w in absent {
            if self.translated_in_units(&w.text) {
                continue;
            }
            // A word the source catalogue also writes in lower case is a
            // common word ("You" after a plural separator), not a name.
            if is_common_word(self.lexicon, &w.text)
                || has_native(&w.text, self.sp)
                || self.src_doc.lower.contains(&squash(&w.text))
            {
                continue;
            }
            // A word of two letters may be a word (Go → Ir); an acronym may
            // take a plural (URIs) or be translated into its own letters
            // in another order (GIS → SIG).
            if w.text.chars().count() < 3
                || self.acronym_rendered(&w.text)
                || self.plural_acronym_rendered(&w.text)
                || self.in_compound(&w.text)
                || self.numbered_label_rendered(&w.text)
            {
                continue;
            }
            let elsewhere = || {
                let exact = self
                    .tgt_exact
                    .map(|e| e.get_or_init(|| word_iter(self.tgt_text).map(|t| t.text).collect()));
                exact.is_some_and(|e| e.contains(w.text.as_str()))
            };
            let kind = if self.capitalised_by_place(w) {
                WordKind::Initial
            } else {
                w.kind
            };
            let sev = match kind {
                WordKind::Initial
                    if self.tgt_doc.mid_capitalised.contains(&squash(&w.text)) && elsewhere() =>
                {
                    Severity::Warning
                }
                WordKind::Initial => continue,
                _ if elsewhere() => Severity::Error,
                WordKind::Acronym => continue,
                // A short word with inner capitals is an acronym too (ToC, PhD).
                WordKind::Capitalised
                    if w.text.chars().count() <= 4
                        && w.text.chars().filter(|c| c.is_uppercase()).count() >= 2 =>
                {
                    continue;
                }
                WordKind::Capitalised | WordKind::Code => Severity::Warning,
            };
            out.push(
                Finding::new(
                    "name",
                    sev,
                    format!("'{}' is missing from the translation", w.text),
                )
                .link(self.vi)
                .source_span(w.span.clone())
                .expected(w.text.clone()),
            );
        }
    }
}

/// Document evidence of a convention: the target spelling recurs and the
/// source spelling never appears in the target.
fn conventional_in_doc(w: &NameWord, t: &Word, tgt_doc: &DocWords) -> bool {
    tgt_doc.count(&squash(t.text)) >= 2 && !tgt_doc.has(&squash(&w.text))
}

fn push_miss(out: &mut Vec<Finding>, vi: usize, w: &NameWord, t: &Word, warn: bool) {
    let sev = if warn {
        Severity::Warning
    } else {
        Severity::Error
    };
    out.push(
        Finding::new(
            "name",
            sev,
            format!(
                "name '{}' is misspelled as '{}' in the translation",
                w.text, t.text
            ),
        )
        .link(vi)
        .source_span(w.span.clone())
        .target_span(t.start..t.end)
        // No suggestion: a name's spelling is a guess, and the patch
        // carries certain fixes only.
        .expected(w.text.clone()),
    );
}

/// Whether the source word follows a lower-case word (a title: `papa`) and
/// its target near miss follows a capitalised word the source lacks (`Pope`):
/// the title was translated, so the name may be too.
fn after_translated_title(
    src: &str,
    w: &NameWord,
    tgt: &str,
    t: &Word,
    src_doc: &DocWords,
) -> bool {
    let before = |text: &str, at: usize| {
        words(text.get(..at).unwrap_or(""))
            .last()
            .map(|p| (p.text.to_string(), p.end))
    };
    let Some((title, end)) = before(src, w.span.start) else {
        return false;
    };
    let joined = |text: &str, from: usize, to: usize| {
        text.get(from..to)
            .is_some_and(|g| g.chars().all(char::is_whitespace))
    };
    if !title.chars().next().is_some_and(char::is_lowercase) || !joined(src, end, w.span.start) {
        return false;
    }
    let Some((ttitle, tend)) = before(tgt, t.start) else {
        return false;
    };
    starts_upper(&ttitle)
        && joined(tgt, tend, t.start)
        && !is_sentence_initial(tgt, tend - ttitle.len().min(tend), None)
        && !src_doc.has(&squash(&ttitle))
}

/// A multi-word personal name (`Pablo Trapero`) some word of which the
/// target keeps verbatim: its other words are kept verbatim too, so a near
/// spelling in the matching position is a misspelling, not a cognate
/// rendering. Place and organisation names reorder or translate in full
/// (`Comando Central` → `Central Command`) and find no such position.
struct PersonName {
    /// Per name word: its index among the source link's words.
    src_idx: Vec<usize>,
    /// (name word index, target word index) of words kept verbatim.
    anchors: Vec<(usize, usize)>,
}

impl PersonName {
    fn new(name: &Name, src_words: &[Word], tgt_words: &[Word]) -> Option<PersonName> {
        // A sentence-initial word the lexicon lacks (Kaio Jorge) joins a
        // name whose other words are capitalised mid-sentence.
        let capitalised = |w: &NameWord| w.kind == WordKind::Capitalised;
        if name.words.len() < 2
            || name
                .words
                .iter()
                .any(|w| !capitalised(w) && w.kind != WordKind::Initial)
            || name.words.iter().filter(|w| !capitalised(w)).count() > 1
        {
            return None;
        }
        let src_idx: Option<Vec<usize>> = name
            .words
            .iter()
            .map(|w| src_words.iter().position(|s| s.start == w.span.start))
            .collect();
        let src_idx = src_idx?;
        let mut anchors = Vec::new();
        for (i, w) in name
            .words
            .iter()
            .enumerate()
            .filter(|(_, w)| capitalised(w))
        {
            let key = squash(&w.text);
            for (p, t) in tgt_words.iter().enumerate() {
                if starts_upper(t.text) && squash(t.text) == key {
                    anchors.push((i, p));
                }
            }
        }
        (!anchors.is_empty()).then_some(PersonName { src_idx, anchors })
    }

    /// The target word in word `i`'s position next to a verbatim word, when
    /// it is a near spelling or cognate of word `i` but not word `i` itself.
    fn misspelt<'a>(
        &self,
        i: usize,
        w: &NameWord,
        link: &LinkNames<'a>,
        sp: &Profile,
        tp: &Profile,
    ) -> Option<Word<'a>> {
        let (tgt_words, tgt_gl, src_doc) = (&link.tgt_words, &link.tgt_gl, link.src_doc);
        let key = squash(&w.text);
        if self.anchors.iter().any(|&(j, _)| j == i) {
            return None;
        }
        let si = *self.src_idx.get(i)?;
        for &(j, p) in &self.anchors {
            let sj = *self.src_idx.get(j)?;
            let Some(q) = (p + si).checked_sub(sj) else {
                continue;
            };
            let Some(t) = tgt_words.get(q) else {
                continue;
            };
            let tkey = squash(t.text);
            // A possessive (Henrique's) is the name itself.
            let bare = fold(t.text);
            let bare = bare
                .strip_suffix("'s")
                .or_else(|| bare.strip_suffix("’s"))
                .unwrap_or(&bare);
            // A source case ending (der Deutschen Bahn → Deutsche Bahn) is
            // left to the general rules.
            let inflected =
                key.len() > tkey.len() && key.len() - tkey.len() <= 2 && key.starts_with(&tkey);
            if !starts_upper(t.text)
                || tkey == key
                || inflected
                || (present(&key, std::slice::from_ref(&tkey))
                    && is_common_word(link.lexicon, &w.text))
                || squash(bare) == key
                || src_doc.has(&tkey)
                || tgt_gl.iter().any(|g| g.start < t.end && t.start < g.end)
                || link
                    .lexicon
                    .is_some_and(|l| same_concept(l, &w.text, t.text))
            {
                continue;
            }
            if is_near(&w.text, t.text)
                || short_slip(&key, &tkey)
                || cognate_form(&w.text, sp) == *link.forms.cognate(q, t.text, tp)
            {
                return Some(*t);
            }
        }
        None
    }
}

/// One letter replaced in a short name (Kaio → Kaiu), too short for
/// [`is_near`]: a slip only where the name's next word vouches for it.
fn short_slip(a: &str, b: &str) -> bool {
    a.chars().count() >= 3 && strsim::hamming(a, b) == Ok(1)
}

/// Whether a run of name words is a list joined by a conjunction
/// ("Silas e Timóteo"): several people, so no word vouches for another.
fn is_list(text: &str, name: &Name, profile: &Profile) -> bool {
    words(text.get(name.span.clone()).unwrap_or(""))
        .iter()
        .any(|w| in_list(&profile.words.conjunctions, w.text))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordKind {
    Capitalised,
    /// Capitalised only at the start of sentences and unknown to the
    /// lexicon (Django): possibly a name, reported only for a typing slip.
    Initial,
    Acronym,
    /// Letters with digits: `F-35`, `G7`, `COP30`.
    Code,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    fn run(src: &str, tgt: &str) -> Vec<Finding> {
        Fixture::pair(src, tgt).run(&NameCheck)
    }

    fn errors(src: &str, tgt: &str) -> Vec<Finding> {
        run(src, tgt)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect()
    }

    /// A word folded a char at a time squashes as its whole fold does.
    #[test]
    fn squash_is_the_fold_without_marks() {
        for w in [
            "São",
            "d’Ávila",
            "Ñuñez-Pérez",
            "Ǆemal",
            "Straße",
            "Ⅻ-Ålesund",
            "东京",
            "e\u{301}",
        ] {
            let want: String = fold(w).chars().filter(|c| c.is_alphanumeric()).collect();
            assert_eq!(squash(w), want, "{w}");
        }
        assert_eq!(squash("d’Ávila"), "davila");
    }

    #[test]
    fn a_doubled_letter_moved_is_a_misspelling() {
        let e = errors(
            "Disse o diretor Fernando Bezerra Tavares.",
            "Said director Fernando Bezzera Tavares.",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(is_typo("Bezerra", "Bezzera"));
        assert!(!is_near("Bezerra", "Bezerra"));
        // Another letter, not a moved double, is no such slip.
        assert!(!double_moved("bezerra", "bezzena"));
    }

    #[test]
    fn a_place_with_its_doubling_moved_is_no_spelling_convention() {
        // Sorriso and Sorisso share a skeleton, as conventions do
        // (Agripa/Agrippa); the same letters with the double moved are a slip.
        let e = errors(
            "Colheitadeira em lavoura de milho em Sorriso (MT).",
            "A combine harvester in a corn field in Sorisso, Mato Grosso.",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].message.contains("Sorisso"), "{e:?}");
    }

    #[test]
    fn a_letter_moved_two_or_three_places_is_a_typing_slip() {
        assert!(letter_moved("castro", "crasto"));
        assert!(letter_moved("moreira", "mreoira"));
        assert!(letter_moved("bernardo", "brnaerdo"));
        assert!(is_near("Castro", "Crasto"));
        assert!(is_typo("Castro", "Crasto"));
        // One place is a transposition; four places or two letters moved are not this.
        assert!(!letter_moved("silva", "sliva"));
        assert!(!letter_moved("bernardo", "brnaredo"));
        assert!(!letter_moved("castro", "castro"));
        assert!(!letter_moved("mariana", "marisol"));
        let e = errors(
            "O deputado Fernando Castro votou contra.",
            "Deputy Fernando Crasto voted against.",
        );
        assert_eq!(e.len(), 1, "{e:?}");
    }

    #[test]
    fn a_double_retyped_or_letters_exchanged_over_one_is_a_near_miss() {
        assert!(is_near("Hammes", "Hannes"));
        assert!(is_near("Tavares", "Taveras"));
        // Two unrelated letters changed stay apart.
        assert!(!is_near("Hammes", "Hanmis"));
        assert!(!is_near("Tavares", "Tovaris"));
        let e = errors(
            "O prefeito Hingo Hammes falou.",
            "Mayor Hingo Hannes spoke.",
        );
        assert_eq!(e.len(), 1, "{e:?}");
    }

    #[test]
    fn a_country_in_the_target_language_is_no_misspelling() {
        let errs = |sl: &str, tl: &str, s: &str, t: &str| {
            Fixture::with_langs(sl, tl, &[(&[s], &[t])])
                .run(&NameCheck)
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .count()
        };
        assert_eq!(
            errs(
                "en",
                "pt",
                "Shipping to Serbia is free.",
                "O envio para a Sérvia é grátis."
            ),
            0
        );
        assert_eq!(
            errs(
                "en",
                "de",
                "Shipping to Argentina is free.",
                "Der Versand nach Argentinien ist gratis."
            ),
            0
        );
        // Another letter struck is still a misspelt country.
        assert_eq!(
            errs(
                "en",
                "pt",
                "Shipping to Serbia is free.",
                "O envio para a Sebria é grátis."
            ),
            1
        );
    }

    #[test]
    fn a_misspelt_name_with_a_possessive_is_an_error() {
        for t in [
            "Sobal's rejection rate rose in two weeks.",
            "The rate of Sobal’s rivals rose in two weeks.",
        ] {
            let e = errors("A rejeição de Sobral subiu em duas semanas.", t);
            assert_eq!(e.len(), 1, "{t}: {e:?}");
            assert!(e[0].message.contains("'Sobal'"), "{}", e[0].message);
        }
        assert!(
            errors(
                "A rejeição de Sobral subiu em duas semanas.",
                "Sobral's rejection rate rose in two weeks.",
            )
            .is_empty()
        );
    }

    #[test]
    fn a_code_with_other_digits_or_a_swapped_acronym_is_an_error() {
        // Slips planted into Symfony Validator's catalogue.
        let e = errors(
            "O valor não é um ISBN-10 válido.",
            "The value is not a valid ISBN-13.",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].expected.as_deref(), Some("ISBN-10"));
        assert_eq!(
            errors(
                "O valor deve ser um JSON válido.",
                "The value should be valid JSNO."
            )
            .len(),
            1
        );
        // Translated acronyms, both codes kept, a short swap: no error.
        for (pt, en) in [
            ("A OTAN e a UE reagiram.", "NATO and the EU reacted."),
            ("O F-35 e o F-16 voaram.", "The F-35 and the F-16 flew."),
            (
                "O pedido do IBAN foi aceito.",
                "The IBAN request was accepted.",
            ),
        ] {
            assert!(errors(pt, en).is_empty(), "{pt} -> {en}");
        }
        assert!(is_slip("IBAN", "IBNA") && !is_slip("EU", "UE") && !is_slip("OPEP", "OPEC"));
        assert!(is_slip("USGS", "USGC") && !is_slip("USGS", "USGP") && !is_slip("CCV", "CVV"));
        let e = errors(
            "O Serviço Geológico dos Estados Unidos (USGS) registrou o abalo.",
            "The United States Geological Survey (USGC) recorded the quake.",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(!is_slip("COP30", "COP30") && is_slip("COP30", "COP29"));
    }

    #[test]
    fn misspelled_names_are_errors_with_the_right_spelling() {
        let t = "Envoy Steve Witkof left on Monday.";
        let f = run("O enviado Steve Witkoff partiu na segunda-feira.", t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[0].expected.as_deref(), Some("Witkoff"));
        assert_eq!(f[0].suggestion, None, "the patch carries no name guess");
        assert_eq!(&t[f[0].target_span.clone().unwrap()], "Witkof");
        assert_eq!(
            errors("Jared Kushner chegou.", "Jared Kuschner arrived.").len(),
            1
        );
        assert_eq!(
            errors(
                "O chanceler Abbas Araghchi disse.",
                "Foreign minister Abbas Araqchi said."
            )
            .len(),
            1
        );
    }

    #[test]
    fn portuguese_names_misspelled_are_caught() {
        assert_eq!(
            errors(
                "disse Maria Silva, moradora.",
                "said Maria Sliva, a resident."
            )
            .len(),
            1
        );
        assert_eq!(
            errors("segundo João Moreira.", "according to João Moreria.").len(),
            1
        );
        assert_eq!(
            errors("o ministro Fernando Haddad.", "minister Fernando Hadad.").len(),
            1
        );
        assert_eq!(
            errors("disse Ana Vasconcelos.", "said Ana Vasconcellos.").len(),
            1
        );
    }

    #[test]
    fn one_vowel_transliteration_variant_is_only_a_warning() {
        let f = run("Segundo Mahmud Abbas.", "According to Mahmoud Abbas.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(is_vowel_variant("Mohammad", "Mohammed"));
        assert!(!is_vowel_variant("Moreira", "Moreria"));
        assert!(!is_vowel_variant("Haddad", "Hadad"));
        assert!(!is_vowel_variant("Silva", "Sliva"));
    }

    #[test]
    fn exact_and_accent_folded_names_pass() {
        assert!(
            run(
                "Disse o presidente Lula em Brasília.",
                "President Lula said in Brasilia."
            )
            .is_empty()
        );
        assert!(
            run(
                "O ministro Abbas Araghchi.",
                "Minister Abbas Araghchi's visit."
            )
            .is_empty()
        );
        assert!(
            run(
                "O chanceler Badr Al-Busaidi.",
                "Foreign minister Badr Albusaidi."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_word_another_unit_drops_is_the_catalogues_word() {
        let keeps = |seen, kept| {
            UnitKeeps(
                [("launcher".to_string(), (seen, kept))]
                    .into_iter()
                    .collect(),
            )
        };
        // Dropped here and in one other of five: translated.
        assert!(keeps(5, 3).translated("launcher"));
        // Dropped only here: a slip, whatever the others do.
        assert!(!keeps(5, 4).translated("launcher"));
        assert!(!keeps(1, 0).translated("launcher"));
        assert!(!keeps(5, 3).translated("github"));
    }

    #[test]
    fn a_digit_written_low_or_high_is_the_digit() {
        assert_eq!(squash("CO₂"), "co2");
        assert_eq!(squash("H₂O"), squash("H2O"));
        assert_eq!(squash("m³"), "m3");
        assert!(errors("As emissões de CO2 subiram.", "CO₂ emissions rose.").is_empty());
    }

    #[test]
    fn a_plural_dropped_and_every_word_capitalised() {
        assert!(plural_dropped("Records", "Record"));
        assert!(plural_dropped("Boxes", "Box"));
        assert!(!plural_dropped("Williams", "William."));
        assert!(!plural_dropped("Daemon", "Deamon"));
        let cap = |t: &str| every_word_capitalised(t, &words(t));
        assert!(cap("Not Started"));
        assert!(!cap("Not started"));
        assert!(!cap("Started"));
        assert!(!cap("Not Started."));
    }

    #[test]
    fn a_catalogue_label_of_two_capitalised_words_is_title_case() {
        let en = Profile::builtin("en");
        let label = |t: &str| title_case_with(t, &words(t), &en, LABEL_WORDS);
        assert!(label("Rotate Clockwise"));
        assert!(label("Save Notebook As"));
        assert!(!label("Launcher"));
        assert!(!label("No Packages found"));
        assert!(!label("Rotate Clockwise."));
        assert!(!is_title_case(
            "Rotate Clockwise",
            &words("Rotate Clockwise"),
            &en
        ));
    }

    #[test]
    fn a_word_capitalised_in_a_title_case_title_is_no_name() {
        // JupyterLab's catalogue: a menu title, its words translated.
        let f = Fixture::with_langs(
            "en",
            "pt",
            &[(
                &["Save and Export Notebook As"],
                &["Salvar e Exportar Notebook Como"],
            )],
        );
        let out = f.run(&NameCheck);
        assert!(out.is_empty(), "{out:?}");
        // A name in a title-case title is still a name when the document
        // writes it capitalised mid-sentence.
        let f = Fixture::with_langs(
            "en",
            "pt",
            &[
                (
                    &["Meeting With Obama In Lisbon"],
                    &["Reunião com Obam em Lisboa"],
                ),
                (&["Yesterday Obama spoke."], &["Ontem Obama falou."]),
            ],
        );
        assert!(
            f.run(&NameCheck)
                .iter()
                .any(|x| x.message.contains("Obama"))
        );
    }

    #[test]
    fn translated_names_are_left_alone() {
        for (s, t) in [
            ("Os Estados Unidos e o Irã.", "The United States and Iran."),
            ("Disse o Comando Central.", "Central Command said."),
            (
                "Fontes no Pentágono e no Senado.",
                "Sources at the Pentagon and the Senate.",
            ),
            (
                "Delegações da Itália e da Síria.",
                "Delegations from Italy and Syria.",
            ),
            (
                "A visita à Romênia e à Jordânia.",
                "The visit to Romania and Jordan.",
            ),
            (
                "Os Democratas e os Republicanos.",
                "Democrats and Republicans.",
            ),
            (
                "Em Moscou e Berlim, o Congresso.",
                "In Moscow and Berlin, Congress.",
            ),
            ("No Catar e no Brasil.", "In Qatar and Brazil."),
            ("O Estreito de Ormuz.", "The Strait of Hormuz."),
            ("Segundo a ONU e a OTAN.", "According to the UN and NATO."),
            ("No Grande Bazar de Teerã.", "At Tehran's Grand Bazaar."),
            ("O Grande Bazar.", "The Grand Bazaar."),
            (
                "O Centro de Desastres Naturais.",
                "The Natural Disasters Center.",
            ),
            ("O Departamento de Estado.", "The State Department."),
        ] {
            let f = errors(s, t);
            assert!(f.is_empty(), "{s} → {t}: {f:#?}");
        }
    }

    #[test]
    fn a_capitalised_common_word_rendered_by_its_lexicon_translation_is_no_misspelling() {
        // A programme or court name translated word by word: the words are
        // common words the lexicon pairs, not a name misspelt.
        for (s, t) in [
            (
                "Financiado pelo programa Horizonte Europa.",
                "Funded by the Horizon Europe programme.",
            ),
            (
                "Segundo o Tribunal Regional Eleitoral do Rio Grande do Sul.",
                "According to the Rio Grande do Sul Regional Electoral Court.",
            ),
        ] {
            let f = run(s, t);
            assert!(f.is_empty(), "{s} → {t}: {f:#?}");
        }
        // A name the lexicon does not know is still checked.
        assert_eq!(
            errors(
                "Disse o presidente Marcelo Furtado.",
                "Said president Marcelo Furtato."
            )
            .len(),
            1
        );
    }

    #[test]
    fn an_unaccented_namesake_of_a_glossary_term_is_a_name_to_check() {
        let mut f = Fixture::pair(
            "O país não lançava um satélite desde que o Amazonia-1 foi ao espaço.",
            "The country had not launched a satellite since Amazonia-2 went up.",
        );
        f.glossary = crate::glossary::Glossary::from_terms(vec![crate::glossary::Term {
            source: ["Amazônia".to_string()].into_iter().collect(),
            targets: ["Amazon", "Amazonia"]
                .map(String::from)
                .into_iter()
                .collect(),
            ..Default::default()
        }]);
        let found = f.run(&NameCheck);
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn a_code_with_a_possessive_or_in_a_compound_is_rendered() {
        for (s, t) in [
            (
                "A bateria é maior que a do X2.",
                "The battery is larger than the X2's.",
            ),
            (
                "O aparelho tem certificação IP68.",
                "The phone is IP68-rated.",
            ),
        ] {
            let f = run(s, t);
            assert!(f.is_empty(), "{s} → {t}: {f:#?}");
        }
        assert_eq!(word_parts("IP68-rated"), ["ip68", "rated"]);
        assert_eq!(word_parts("X2's"), ["x2"]);
        assert!(word_parts("Tucano").is_empty());
        // Another code in the compound is still missing the source's.
        assert_eq!(run("Tem certificação IP68.", "It is IP67-rated.").len(), 1);
    }

    #[test]
    fn a_common_word_the_target_keeps_as_a_name_elsewhere_is_checked() {
        // varanda → veranda is a lexicon pair, but this Varandas is a name
        // the translation keeps: its sentence-initial slip is reported.
        let f: Vec<Finding> = Fixture::links(&[
            (
                &["O presidente, Frederico Varandas, falou."],
                &["The president, Frederico Varandas, spoke."],
            ),
            (&["Varandas garantiu que não."], &["Verandas said no."]),
        ])
        .run(&NameCheck);
        // A vowel retyped is no keyboard slip: a warning.
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Verandas"), "{f:#?}");
        // Rendered by its translation where the name is not kept, it passes.
        assert!(
            errors(
                "Financiado pelo programa Horizonte Europa.",
                "Funded by the Horizon Europe programme."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_plural_beside_a_verbatim_name_word_is_no_misspelling() {
        // A common word of a product name with a plural ending is the
        // name itself (a person's name is not: Henrique, Henriques).
        let en_pt = |s: &str, t: &str| {
            Fixture::with_langs("en", "pt", &[(&[s], &[t])])
                .run(&NameCheck)
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .count()
        };
        assert_eq!(
            en_pt(
                "Please create a GitHub Discussion Question.",
                "Por favor crie uma Pergunta no GitHub Discussions."
            ),
            0
        );
        // A letter changed beside the verbatim word is still an error.
        assert_eq!(
            en_pt(
                "Please create a GitHub Discussion Question.",
                "Por favor crie uma Pergunta no GitHub Discusion."
            ),
            1
        );
    }

    #[test]
    fn a_name_only_at_the_start_of_sentences_is_checked() {
        let f = errors("Django foi criado em 2005.", "Djagno was created in 2005.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Djagno"), "{}", f[0].message);
        // Ordinary words of the language at the start stay ordinary.
        for (s, t) in [
            (
                "Atualmente, o projeto cresce.",
                "Currently, the project grows.",
            ),
            (
                "Ambientalistas alertam para o risco.",
                "Environmentalists warn of the risk.",
            ),
            ("Derrotado, ele voltou.", "Defeated, he returned."),
            ("Serializa os dados.", "Serializes the data."),
        ] {
            let f = run(s, t);
            assert!(f.is_empty(), "{s} → {t}: {f:#?}");
        }
        // Catalogue entries (every word starts a sentence), English to
        // Portuguese: a letter added is a slip, a letter dropped a cognate.
        let en_pt = |s: &str, t: &str| {
            Fixture::with_langs("en", "pt", &[(&[s], &[t])])
                .run(&NameCheck)
                .into_iter()
                .filter(|f| f.severity >= Severity::Warning)
                .count()
        };
        assert_eq!(
            en_pt("PostgreSQL extensions", "Extensões de PostgresSQL"),
            1
        );
        assert_eq!(en_pt("Ellipse", "Elipse"), 0);
        assert_eq!(en_pt("Frisian", "Frísia"), 0);
    }

    #[test]
    fn cognate_first_name_does_not_hide_a_misspelt_surname() {
        let f = errors(
            "O porta-voz Dmitri Peskov disse.",
            "Spokesman Dmitry Peskow said.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("Peskow"));
    }

    #[test]
    fn a_possessive_said_in_other_words_is_no_misspelling() {
        let en_pt = |s: &str, t: &str| {
            Fixture::with_langs("en", "pt", &[(&[s], &[t])])
                .run(&NameCheck)
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .collect::<Vec<_>>()
        };
        let f = en_pt(
            "Follow the Linux Foundation’s branding guidelines.",
            "Siga as diretrizes de marca da Linux Foundation.",
        );
        assert!(f.is_empty(), "{f:#?}");
        assert!(en_pt("Join the CNCF's Slack.", "Entre no Slack da CNCF.").is_empty());
        assert_eq!(without_possessive("CNCF's"), Some("CNCF"));
        assert_eq!(without_possessive("'s"), None);
    }

    #[test]
    fn near_miss_beside_a_verbatim_name_word_is_a_misspelling() {
        // Cognate-looking spellings (th→t, ph→f, plural s) next to a first
        // name kept verbatim are misspellings of a person's name.
        for (s, t, bad) in [
            ("o deputado Arthur Lira", "deputy Artur Lira", "Artur"),
            ("o meia Raphael Veiga", "midfielder Rafael Veiga", "Rafael"),
            (
                "o atacante Bruno Henrique",
                "striker Bruno Henriques",
                "Henriques",
            ),
        ] {
            let f = errors(s, t);
            assert_eq!(f.len(), 1, "{s} → {t}: {f:#?}");
            assert!(f[0].message.contains(bad), "{f:?}");
        }
        // One letter apart at the end: still reported (as a warning).
        for (s, t) in [
            ("o cineasta Pablo Trapero", "filmmaker Pablo Trapera"),
            ("o líder Carlos Jordy", "leader Carlos Jordi"),
            ("a médica Helena Kfouri", "doctor Helena Kfoury"),
        ] {
            let f = run(s, t);
            assert_eq!(f.len(), 1, "{s} → {t}: {f:#?}");
        }
    }

    #[test]
    fn a_word_after_masked_placeholders_past_a_full_stop_is_sentence_initial() {
        let text = "Ends here.{$_____}{$_____}Despite this";
        let at = text.find("Despite").unwrap();
        assert!(is_sentence_initial(text, at, None));
        let text = "the {$_____}Instrument for aid";
        let at = text.find("Instrument").unwrap();
        assert!(!is_sentence_initial(text, at, None));
    }

    #[test]
    fn a_name_after_a_title_abbreviation_is_not_sentence_initial() {
        let f = run(
            "disse a diretora, Dra. Helena Kfouri.",
            "said the director, Dr. Helena Kfoury.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            run(
                "disse a diretora, Dra. Helena Kfouri.",
                "said the director, Dr. Helena Kfouri.",
            )
            .is_empty()
        );
        // A real sentence end still makes a sentence-initial word.
        assert!(run("Ele saiu. Ontem choveu.", "He left. It rained yesterday.").is_empty());
    }

    #[test]
    fn person_names_kept_verbatim_or_possessive_pass() {
        for (s, t) in [
            ("o atacante Bruno Henrique", "striker Bruno Henrique's goal"),
            ("o deputado Arthur Lira", "Speaker Arthur Lira"),
            ("O Comando Central dos EUA.", "The US Central Command."),
            ("Disse o Comando Central.", "Central Command said."),
        ] {
            let f = run(s, t);
            assert!(f.is_empty(), "{s} → {t}: {f:#?}");
        }
    }

    #[test]
    fn source_spelling_elsewhere_in_target_makes_a_cognate_a_misspelling() {
        let f = Fixture::links(&[
            (&["Pablo Trapero falou."], &["Pablo Trapero spoke."]),
            (&["Depois, Trapero saiu."], &["Then Trapera left."]),
        ]);
        let found = f.run(&NameCheck);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].link, Some(1));
    }

    #[test]
    fn an_institution_head_noun_kept_in_one_name_translates_in_another() {
        // "Instituto" kept in one institution's name is no evidence that
        // "Institute" in another is a slip: the head noun is no name word.
        let f = Fixture::links(&[
            (
                &["Veterinários do Instituto Homem Pantaneiro resgataram animais."],
                &["Vets from the Instituto Homem Pantaneiro rescued animals."],
            ),
            (
                &["A previsão do Instituto Nacional de Meteorologia é de chuva."],
                &["The National Meteorology Institute expects rain."],
            ),
        ]);
        let found = f.run(&NameCheck);
        assert!(found.is_empty(), "{found:#?}");
        // The names around the head noun stay checked.
        let f = errors(
            "O Instituto Homem Pantaneiro resgatou animais.",
            "The Instituto Homem Pantaniero rescued animals.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn name_after_a_translated_title_is_at_most_a_warning() {
        assert!(errors("Segundo o papa Francisco.", "According to Pope Francis.").is_empty());
        // Without a translated title the same near miss is only a warning:
        // two letters dropped is no typing slip.
        let f = run(
            "Segundo o papa Francisco.",
            "According to the pope, Francis.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn cognate_without_a_verbatim_anchor_is_not_an_error() {
        assert!(errors("O presidente Zelenski.", "President Zelensky.").is_empty());
        assert!(errors("Volodimir Zelenski falou.", "Volodymyr Zelensky spoke.").is_empty());
    }

    #[test]
    fn capitalised_common_words_are_left_alone() {
        let f = Fixture::links(&[
            (&["O Carnaval começou."], &["Carnival began."]),
            (
                &["Depois do carnaval, a festa."],
                &["After carnival, the party."],
            ),
        ]);
        assert!(f.run(&NameCheck).is_empty());
    }

    #[test]
    fn a_sentence_initial_first_name_beside_its_kept_surname_is_read() {
        let src = "Kaio Jorge marcou para o Cruzeiro no fim do jogo.";
        let f = run(src, "Kaiu Jorge scored for Cruzeiro late in the game.");
        assert!(f.iter().any(|x| x.message.contains("'Kaiu'")), "{f:?}");
        assert!(run(src, "Kaio Jorge scored for Cruzeiro late in the game.").is_empty());
        // Without the surname beside it nothing vouches for the first word.
        let f = run(src, "Kaiu scored for Cruzeiro late in the game.");
        assert!(!f.iter().any(|x| x.message.contains("'Kaiu'")), "{f:?}");
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        assert!(
            run(
                "Segundo ele, Nada mudou.",
                "According to him, nothing changed."
            )
            .is_empty()
        );
        assert!(run("Ontem choveu.", "It rained yesterday.").is_empty());
    }

    #[test]
    fn other_source_names_are_not_misspellings() {
        // The target word exists as a name in the source document.
        let f = Fixture::links(&[
            (&["O Irã e o Iraque."], &["Iran and Iraq."]),
            (
                &["Carlos falou com Marcos."],
                &["Marcos spoke with Marcos."],
            ),
        ]);
        let found: Vec<_> = f
            .run(&NameCheck)
            .into_iter()
            .filter(|x| x.severity == Severity::Error)
            .collect();
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn absent_full_name_kept_elsewhere_is_a_warning() {
        let f = Fixture::links(&[
            (&["Fernando Haddad falou."], &["Fernando Haddad spoke."]),
            (
                &["Depois, Fernando Haddad saiu."],
                &["Then the minister left."],
            ),
        ]);
        let found = f.run(&NameCheck);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].link, Some(1));
    }

    #[test]
    fn absent_single_name_or_translated_name_is_not_reported() {
        assert!(run("Depois, Haddad saiu.", "Then he left.").is_empty());
        assert!(run("Fontes da Casa Branca.", "White House sources.").is_empty());
    }

    #[test]
    fn missing_code_is_a_warning_and_present_code_passes() {
        let f = run("Caças F-35 e a COP30.", "Fighter jets and the summit.");
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f.iter().all(|x| x.severity == Severity::Warning));
        assert!(run("Caças F-35 na COP30.", "F35 jets at COP30.").is_empty());
        assert!(run("Na COP30.", "At COP 30.").is_empty());
    }

    #[test]
    fn a_letter_and_a_number_may_be_said_by_the_number() {
        let src = "O Bahia sobe para o G-4.";
        assert!(run(src, "Bahia climb into the top four.").is_empty());
        assert!(run("O G7 reuniu-se.", "The Group of 7 met.").is_empty());
        // Another number, or none, is still a dropped code.
        assert_eq!(run(src, "Bahia climb into the top six.").len(), 1);
        assert_eq!(run(src, "Bahia climb the table.").len(), 1);
    }

    #[test]
    fn a_code_the_profile_lists_as_a_common_word_is_no_name() {
        let (src, tgt) = (
            "Um T2 custa 435 mil euros.",
            "A two-bedroom flat costs €435,000.",
        );
        assert!(run(src, tgt).is_empty());
        // Other codes are still read: a dropped G7 is reported.
        assert!(!run("O G7 reuniu-se.", "The group met.").is_empty());
    }

    #[test]
    fn numbers_and_ordinals_are_not_codes() {
        assert!(run("O 1º lugar e 3,4% do PIB.", "First place and 3.4% of GDP.").is_empty());
    }

    #[test]
    fn glossary_terms_are_left_to_the_glossary_check() {
        let mut f = Fixture::pair("Steve Witkoff chegou.", "Steve Witkof arrived.");
        f.glossary = crate::glossary::Glossary::from_terms(vec![crate::glossary::Term {
            source: smallvec::smallvec!["Witkoff".into()],
            targets: smallvec::smallvec!["Witkoff".into()],
            forbidden: vec![("Witkof".into(), "Witkoff".into())],
            ..Default::default()
        }]);
        assert!(f.run(&NameCheck).is_empty());
    }

    #[test]
    fn empty_target_is_left_to_the_omission_check() {
        let f = Fixture::links(&[(&["Steve Witkoff chegou."], &[])]);
        assert!(f.run(&NameCheck).is_empty());
    }

    #[test]
    fn conventional_renderings_are_not_misspellings() {
        for (s, t) in [
            ("E disse Jonas.", "And Jonah said."),
            ("Os filhos de Ismael.", "The sons of Ishmael."),
            ("Foi a Berseba.", "He went to Beersheba."),
            ("E Naor viveu.", "And Nahor lived."),
            ("Disse o rei Agripa.", "King Agrippa said."),
            ("Saudou Timóteo.", "He greeted Timothy."),
            ("Com Alexandre.", "With Alexander."),
            ("O rei Quedorlaomer.", "King Chedorlaomer."),
            ("Em Manre.", "In Mamre."),
        ] {
            let f = run(s, t);
            assert!(f.is_empty(), "{s} → {t}: {f:#?}");
        }
    }

    #[test]
    fn typing_slips_are_errors_other_near_misses_warnings() {
        assert!(is_typo("Moreira", "Moreria"));
        assert!(!is_typo("Carvalhedo", "Carvalhado"));
        assert!(is_typo("Carvalho", "Carvalo"));
        assert!(is_typo("Peixoto", "Peixito"));
        assert!(!is_typo("Cafarnaum", "Capernaum"));
        // Cafarnaum → Capernaum: two letters apart, no slip pattern.
        let f = run("Em Cafarnaum.", "In Capernaum.");
        assert!(f.iter().all(|x| x.severity != Severity::Error), "{f:#?}");
        // A natively spelt name with a dropped letter is a slip.
        assert_eq!(errors("disse Ana Carvalho.", "said Ana Carvalo.").len(), 1);
    }

    #[test]
    fn a_rendering_the_document_repeats_is_its_convention() {
        let f = Fixture::links(&[
            (&["Jacó chegou."], &["Jacob arrived."]),
            (&["Disse Jacó."], &["Jacob said."]),
        ]);
        let found = f.run(&NameCheck);
        assert!(found.is_empty(), "{found:#?}");
        // One-off, with the source spelling kept elsewhere: a slip.
        let f = Fixture::links(&[
            (&["Disse Agripa."], &["Agripa said."]),
            (&["E Agripa chegou."], &["And Agrippa arrived."]),
        ]);
        assert_eq!(f.run(&NameCheck).len(), 1);
    }

    #[test]
    fn foreign_spellings_kept_verbatim_stay_strict() {
        let pt = Profile::builtin("pt");
        assert!(is_foreign_spelling("Haddad", &pt));
        assert!(is_foreign_spelling("Witkoff", &pt));
        assert!(!is_foreign_spelling("Agripa", &pt));
        assert_eq!(errors("Segundo Haddad.", "According to Hadad.").len(), 1);
    }

    #[test]
    fn cognate_forms_meet() {
        let pt = Profile::builtin("pt");
        let en = Profile::builtin("en");
        for (a, b) in [
            ("Pentágono", "Pentagon"),
            ("Irã", "Iran"),
            ("Itália", "Italy"),
            ("Moscou", "Moscow"),
            ("Zelenski", "Zelensky"),
            ("Serguei", "Sergei"),
            ("Dmitri", "Dmitry"),
            ("Volodimir", "Volodymyr"),
            ("Prigojin", "Prigozhin"),
        ] {
            assert_eq!(cognate_form(a, &pt), cognate_form(b, &en), "{a} {b}");
        }
        for (a, b) in [
            ("Witkoff", "Witkof"),
            ("Haddad", "Hadad"),
            ("Araghchi", "Araqchi"),
            ("Silva", "Sliva"),
            ("Kushner", "Kuschner"),
        ] {
            assert_ne!(cognate_form(a, &pt), cognate_form(b, &en), "{a} {b}");
        }
    }

    #[test]
    fn each_part_of_a_hyphenated_name_ends_a_word() {
        let pt = Profile::builtin("pt");
        let en = Profile::builtin("en");
        assert_eq!(
            skeleton("Hazazom-Tamar", &pt),
            skeleton("Hazazon-tamar", &en)
        );
        assert!(
            errors(
                "Habitavam em Hazazom-Tamar.",
                "They lived in Hazazon-tamar."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_convention_the_target_repeats_beside_the_source_spelling_is_a_warning() {
        // Sebá stands for two men the translation tells apart.
        let f = Fixture::links(&[
            (
                &["Os filhos de Cuxe: Sebá e Havilá."],
                &["The sons of Cush: Seba and Havilah."],
            ),
            (
                &["Os filhos de Raamá: Sebá e Dedã."],
                &["The sons of Raamah: Sheba and Dedan."],
            ),
            (
                &["Joctã gerou a Obal e a Sebá."],
                &["Joktan became the father of Obal and Sheba."],
            ),
        ])
        .run(&NameCheck);
        assert!(f.iter().all(|f| f.severity != Severity::Error), "{f:#?}");
        // Once against the source spelling twice: a slip.
        let f = Fixture::links(&[
            (&["Falou Sebá."], &["Seba spoke."]),
            (&["Riu Sebá."], &["Seba laughed."]),
            (&["Saiu Sebá."], &["Sheba left."]),
        ])
        .run(&NameCheck);
        assert!(f.iter().any(|f| f.severity == Severity::Error), "{f:#?}");
    }

    #[test]
    fn accented_spelling_rules_read_the_word_before_folding() {
        let pt = Profile::builtin("pt");
        let en = Profile::builtin("en");
        assert_eq!(skeleton("Canaã", &pt), skeleton("Canaan", &en));
        assert_eq!(skeleton("Irã", &pt), skeleton("Iram", &en));
        // Only the accented letter: a plain final a is no nasal.
        assert_ne!(skeleton("Sara", &pt), skeleton("Saran", &en));
    }

    #[test]
    fn a_conventional_spelling_where_every_other_name_is_kept_is_a_slip() {
        let src = "A Copasa suspendeu a captação, disseram Marcelo Furtado e Renata Albuquerque.";
        let f = run(
            src,
            "Copaza suspended the intake, said Marcelo Furtado and Renata Albuquerque.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("Copaza"), "{}", f[0].message);
        // Names spelt by convention elsewhere make it a convention here too.
        let f = run(
            "A Copasa suspendeu a captação, disseram Marcelo Furtado, Renata Albuquerque, Ismael e Agripa.",
            "Copaza suspended the intake, said Marcelo Furtado, Renata Albuquerque, Ishmael and Agrippa.",
        );
        assert!(f.is_empty(), "{f:#?}");
        // Too few names kept to tell.
        assert!(run(src, "Copaza suspended the intake, they said.").is_empty());
    }
}

#[cfg(test)]
mod prop {
    use super::*;
    use crate::checks::testutil::Fixture;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn name_glossary_and_consistency_never_panic(
            s in "[A-Za-zÃãÇçÉéÍíÕõ0-9 .,;:'’“”()-]{0,60}",
            t in "[A-Za-zÃãÇçÉéÍíÕõ0-9 .,;:'’“”()-]{0,60}",
        ) {
            let s = s.trim();
            let t = t.trim();
            prop_assume!(!s.is_empty() && !t.is_empty());
            let mut f = Fixture::pair(s, t);
            f.glossary = crate::glossary::Glossary::builtin("pt", "en");
            let _ = f.run(&NameCheck);
            let _ = f.run(&super::super::glossary::GlossaryCheck);
            let _ = f.run(&super::super::consistency::ConsistencyCheck);
        }
    }
}
