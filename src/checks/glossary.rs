//! The `glossary` check: a glossary term not rendered as the glossary says,
//! a term left untranslated or misspelled, or a forbidden spelling.

use super::LinkView;
use super::name;
use super::{Check, Context};
use crate::finding::{Finding, Severity};
use crate::glossary::{Kind, Match, Term, matcher};
use crate::text::{fold, words};
use std::ops::Range;

pub struct GlossaryCheck;

/// Largest normalised edit distance at which a target span counts as a
/// misspelling of the expected rendering.
const NEAR: f64 = 0.25;

impl Check for GlossaryCheck {
    fn id(&self) -> &'static str {
        "glossary"
    }
    fn description(&self) -> &'static str {
        "A glossary term not rendered as the glossary says, or a forbidden spelling"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let g = ctx.glossary;
        if g.terms.is_empty() {
            return;
        }
        let tgt_matches = &ctx.glossary_matches().target;
        for vi in 0..ctx.views.len() {
            let Some(mut link) = LinkScan::new(ctx, tgt_matches, vi) else {
                continue;
            };
            link.forbidden_spellings(out);
            link.source_terms(out);
        }
    }
}

/// One link being checked, with what its findings so far have covered.
struct LinkScan<'a> {
    ctx: &'a Context<'a>,
    /// Glossary matches in the target text of every link.
    tgt_matches: &'a [Vec<Match>],
    vi: usize,
    v: &'a LinkView,
    tgt: &'a [Match],
    low_conf: bool,
    /// Target spans already reported.
    reported: Vec<Range<usize>>,
    /// Terms reported for a forbidden spelling.
    forbidden_terms: Vec<usize>,
    /// Target sentences left in the source language are the untranslated
    /// check's: no term findings inside them. Found on first use: most
    /// links have no term to report.
    left_untranslated: std::cell::OnceCell<Vec<Range<usize>>>,
}

impl<'a> LinkScan<'a> {
    fn new(ctx: &'a Context<'a>, tgt_matches: &'a [Vec<Match>], vi: usize) -> Option<LinkScan<'a>> {
        Some(LinkScan {
            ctx,
            tgt_matches,
            vi,
            v: ctx.views.get(vi)?,
            tgt: tgt_matches.get(vi)?,
            low_conf: ctx.links.get(vi).is_some_and(|l| l.low_confidence),
            reported: Vec::new(),
            forbidden_terms: Vec::new(),
            left_untranslated: std::cell::OnceCell::new(),
        })
    }

    fn left_untranslated(&self) -> &[Range<usize>] {
        self.left_untranslated
            .get_or_init(|| untranslated_sentences(self.ctx, self.vi))
    }

    /// Whether link `n`'s source has term `term`.
    fn source_has(&self, n: usize, term: usize) -> bool {
        self.ctx
            .glossary_matches()
            .source
            .get(n)
            .is_some_and(|ms| ms.iter().any(|x| x.kind == Kind::Source && x.term == term))
    }

    /// Forbidden spellings, wherever they are.
    fn forbidden_spellings(&mut self, out: &mut Vec<Finding>) {
        let (g, tgt, vi) = (self.ctx.glossary, self.tgt, self.vi);
        for f in tgt
            .iter()
            .filter(|x| x.kind == Kind::Forbidden && x.accent_exact)
        {
            let covered = tgt.iter().any(|x| {
                x.kind == Kind::Target && x.accent_exact && x.start <= f.start && x.end >= f.end
            });
            if covered
                || overlaps(&self.reported, f.start..f.end)
                || overlaps(self.left_untranslated(), f.start..f.end)
            {
                continue;
            }
            let Some(term) = g.terms.get(f.term) else {
                continue;
            };
            // Only where the source has the term (or a neighbour's
            // source, for alignment slack), unless the entry says
            // anywhere: another Hadad is not a misspelt Haddad.
            if !term.forbidden_anywhere
                && ![vi.checked_sub(1), Some(vi), Some(vi + 1)]
                    .iter()
                    .flatten()
                    .any(|&n| self.source_has(n, f.term))
            {
                continue;
            }
            let Some((bad, good)) = term.forbidden.get(f.index) else {
                continue;
            };
            let found = self.v.target.text.get(f.start..f.end).unwrap_or(bad);
            out.push(
                Finding::new(
                    "glossary",
                    Severity::Error,
                    format!("forbidden spelling '{found}': the glossary spells it '{good}'"),
                )
                .link(vi)
                .target_span(f.start..f.end)
                .suggestion(good.clone())
                .expected(good.clone()),
            );
            self.reported.push(f.start..f.end);
            self.forbidden_terms.push(f.term);
        }
    }

    /// Every term of the source, each once: rendered as the glossary says?
    fn source_terms(&mut self, out: &mut Vec<Finding>) {
        let v = self.v;
        // A link without target is the omission check's business.
        if v.source.is_empty() || v.target.is_empty() {
            return;
        }
        let found = &self.ctx.glossary_matches().source[self.vi];
        if !found.iter().any(|x| x.kind == Kind::Source) || !self.left_untranslated().is_empty() {
            return;
        }
        let editorial = self.dropped_editorial_lines();
        let src: Vec<Match> = matcher::longest_only(
            found
                .iter()
                .filter(|x| {
                    x.kind == Kind::Source
                        && accent_trusted(&v.source.text, x)
                        && !overlaps(&editorial, x.start..x.end)
                })
                .cloned()
                .collect(),
        );
        // A term inside a longer name the translation keeps as it is
        // (Agência Brasil, Banco do Brasil) belongs to that name.
        let particles = self.particles();
        let src: Vec<Match> = src
            .into_iter()
            .filter(|s| {
                !in_kept_name(
                    &v.source.text,
                    &v.target.text,
                    s.start..s.end,
                    found,
                    &particles,
                )
            })
            .collect();
        let mut done: Vec<usize> = Vec::new();
        for s in &src {
            if done.contains(&s.term) {
                continue;
            }
            done.push(s.term);
            let Some(term) = self.ctx.glossary.terms.get(s.term) else {
                continue;
            };
            if term.preferred().is_none() || self.forbidden_terms.contains(&s.term) {
                continue;
            }
            self.source_term(s, term, out);
        }
    }

    /// Source sentences of the link that are editorial lines ("Leia
    /// também: …") when the target has none: a merged link's line the
    /// edition dropped, whose terms are no one's to render.
    fn dropped_editorial_lines(&self) -> Vec<Range<usize>> {
        let (v, ctx) = (self.v, self.ctx);
        let lines: Vec<Range<usize>> = v
            .source
            .sentence_ranges()
            .filter(|r| {
                v.source
                    .text
                    .get(r.clone())
                    .is_some_and(|t| ctx.source_profile.is_editorial(t))
            })
            .collect();
        let target_has = || {
            v.target.sentence_ranges().any(|r| {
                v.target
                    .text
                    .get(r)
                    .is_some_and(|t| ctx.target_profile.is_editorial(t))
            })
        };
        if lines.is_empty() || target_has() {
            return Vec::new();
        }
        lines
    }

    /// Lower-case words inside a name (`do` in Banco do Brasil): the
    /// source profile's name particles that are no conjunction.
    fn particles(&self) -> Vec<String> {
        let w = &self.ctx.source_profile.words;
        w.name_particles
            .iter()
            .filter(|p| !w.conjunctions.contains(p))
            .cloned()
            .collect()
    }

    /// One source term `s` of entry `term` (which has a preferred rendering).
    fn source_term(&mut self, s: &Match, term: &Term, out: &mut Vec<Finding>) {
        let preferred = term.preferred().unwrap_or_default();
        let src_text = self.v.source.text.get(s.start..s.end).unwrap_or(preferred);
        let (low_conf, vi) = (self.low_conf, self.vi);
        let finding = |msg: String| term_finding(low_conf, vi, s, preferred, msg);
        if let Some(f) = self.source_spelling_kept(s, term, src_text, &finding) {
            out.push(f);
            return;
        }
        if self.rendered_in(self.tgt, s, term) || self.rendered_next_door(s, term) {
            return;
        }
        // Words the source has elsewhere ("Paradas" of a kept title) render
        // no term: no near miss of "Paris" for França.
        let src = &self.v.source.text;
        let copied = |cand: &str| cand != src_text && crate::text::contains_phrase(src, cand);
        let best = best_span(&self.v.target.text, &term.targets, copied);
        if let Some(best) = &best
            && self.near_rendering(s, term, src_text, best, out)
        {
            return;
        }
        out.extend(self.not_rendered(s, term, src_text, best));
    }

    /// The target span `best` closest to a rendering of `term`: the
    /// rendering itself (other case or hyphenation: Beth-lehem for
    /// Bethlehem), or a near miss, reported as a misspelling or a
    /// conventional other name. True when that settles the term.
    fn near_rendering(
        &mut self,
        s: &Match,
        term: &Term,
        src_text: &str,
        (r, d): &(Range<usize>, f64),
        out: &mut Vec<Finding>,
    ) -> bool {
        let preferred = term.preferred().unwrap_or_default();
        let found = self.v.target.text.get(r.clone()).unwrap_or("");
        if *d == 0.0
            || term
                .targets
                .iter()
                .any(|t| name::squash(t) == name::squash(found))
        {
            return true;
        }
        let is_other_term = self
            .tgt
            .iter()
            .any(|x| x.kind == Kind::Target && x.start == r.start && x.end == r.end);
        if *d > NEAR || is_other_term || overlaps(&self.reported, r.clone()) {
            return false;
        }
        if let Some(f) = self.conventional_other_name(term, src_text, found) {
            out.push(
                f.link(self.vi)
                    .source_span(s.start..s.end)
                    .target_span(r.clone()),
            );
        } else {
            let msg = if fold(src_text) == fold(preferred) {
                format!("misspelled '{found}': the glossary spells it '{preferred}'")
            } else {
                format!("misspelled '{found}': the glossary renders '{src_text}' as '{preferred}'")
            };
            out.push(
                term_finding(self.low_conf, self.vi, s, preferred, msg)
                    .target_span(r.clone())
                    .suggestion(preferred),
            );
        }
        self.reported.push(r.clone());
        true
    }

    /// The finding on a source term the target does not render, given the
    /// target span `best` closest to a rendering.
    fn not_rendered(
        &self,
        s: &Match,
        term: &Term,
        src_text: &str,
        best: Option<(Range<usize>, f64)>,
    ) -> Option<Finding> {
        let preferred = term.preferred().unwrap_or_default();
        // A name kept as it is and dropped outright: reported when the
        // source gives the full name ("Abbas Araghchi"), which a
        // translation does not replace with a pronoun; a lone surname
        // may be.
        if is_unchanged_name(term) {
            let missing = in_full_name(&self.v.source.text, s.start, s.end)
                && best.as_ref().is_none_or(|(_, d)| *d > NEAR);
            return missing.then(|| {
                term_finding(
                    self.low_conf,
                    self.vi,
                    s,
                    preferred,
                    format!("name '{src_text}' is missing from the translation"),
                )
            });
        }
        let alternatives = if term.targets.len() > 1 {
            format!(" (or {})", quoted_list(&term.targets[1..]))
        } else {
            String::new()
        };
        let mut f = term_finding(
            self.low_conf,
            self.vi,
            s,
            preferred,
            format!(
                "term '{src_text}' is not rendered as '{preferred}'{alternatives} in the translation"
            ),
        );
        if let Some((r, d)) = best
            && d <= 0.5
        {
            f = f.target_span(r);
        }
        Some(f)
    }

    /// A near miss of the rendering that is the source word's own spelling
    /// by the profiles' name conventions (Irã → Iram, as Canaã → Canaan):
    /// maybe another name than the one the glossary's entry means (Iram the
    /// chief, not Iran). A warning, not a misspelling error; a slip that
    /// breaks the convention (Mascate → Muskat) stays an error.
    /// A name kept verbatim (Araghchi → Araghchi) or spelt with letters
    /// foreign to the source language stays strict.
    fn conventional_other_name(&self, term: &Term, src_text: &str, found: &str) -> Option<Finding> {
        let (sp, tp) = (self.ctx.source_profile, self.ctx.target_profile);
        let preferred = term.preferred()?;
        let words = |t: &str| t.split_whitespace().count();
        if words(src_text) != 1
            || words(found) != 1
            || is_unchanged_name(term)
            || name::is_foreign_spelling(src_text, sp)
        {
            return None;
        }
        if name::skeleton(src_text, sp) != name::skeleton(found, tp) {
            return None;
        }
        Some(
            Finding::new(
                "glossary",
                Severity::Warning,
                format!(
                    "'{found}' spells '{src_text}' by convention, but the glossary renders it '{preferred}': another name, or a misspelling?"
                ),
            )
            .expected(preferred),
        )
    }

    /// The source spelling left as it was, even next to an accepted
    /// rendering ("Mascate, the capital of Oman"), unless that spelling is
    /// itself accepted (Belém → Belém). Only the glossary's own spelling
    /// counts: "Kallás" copied from the source is another name than the
    /// entry "Kallas".
    fn source_spelling_kept(
        &mut self,
        s: &Match,
        term: &Term,
        src_text: &str,
        finding: &dyn Fn(String) -> Finding,
    ) -> Option<Finding> {
        let (g, tgt) = (self.ctx.glossary, self.tgt);
        let preferred = term.preferred()?;
        let u = tgt.iter().find(|x| {
            x.kind == Kind::Source
                && x.accent_exact
                && x.term == s.term
                && !overlaps(&self.reported, x.start..x.end)
                && !tgt.iter().any(|y| {
                    y.kind == Kind::Target
                        && y.accent_exact
                        && renders(g.terms.get(y.term), term)
                        && y.start < x.end
                        && x.start < y.end
                })
        })?;
        let found = self.v.target.text.get(u.start..u.end).unwrap_or("");
        let d = distance(found, preferred);
        let msg = if d == 0.0 {
            format!(
                "'{found}' keeps the source spelling: the glossary renders '{src_text}' as '{preferred}'"
            )
        } else if d <= NEAR {
            format!("misspelled '{found}': the glossary renders '{src_text}' as '{preferred}'")
        } else {
            format!(
                "untranslated term '{found}': the glossary renders '{src_text}' as '{preferred}'"
            )
        };
        self.reported.push(u.start..u.end);
        Some(
            finding(msg)
                .target_span(u.start..u.end)
                .suggestion(preferred),
        )
    }

    /// A rendering of `term` among target matches `ms`; it counts unless it
    /// is just the source spelling kept (Colômbia for Colombia: same
    /// letters, source accents).
    fn rendered_in(&self, ms: &[Match], s: &Match, term: &Term) -> bool {
        let g = self.ctx.glossary;
        ms.iter().any(|x| {
            x.kind == Kind::Target
                && renders(g.terms.get(x.term), term)
                && (x.accent_exact
                    || !ms.iter().any(|y| {
                        y.kind == Kind::Source
                            && y.term == s.term
                            && y.accent_exact
                            && y.start == x.start
                            && y.end == x.end
                    }))
        })
    }

    /// Alignment slack: the rendering may sit in a neighbouring link whose
    /// own source lacks the term, or in a target sentence left unaligned
    /// between this link and that neighbour.
    fn rendered_next_door(&self, s: &Match, term: &Term) -> bool {
        let views = &self.ctx.views;
        let unaligned = |n: &usize| views.get(*n).is_some_and(|v| v.source.is_empty());
        // A few unaligned sentences at most: further away is another passage.
        let side = |it: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
            let mut out = Vec::new();
            for n in it.take(4) {
                out.push(n);
                if !unaligned(&n) {
                    break;
                }
            }
            out
        };
        let before = side(&mut (0..self.vi).rev());
        let after = side(&mut ((self.vi + 1)..views.len()));
        before.into_iter().chain(after).any(|n| {
            let Some(ms) = self.tgt_matches.get(n) else {
                return false;
            };
            self.ctx.views.get(n).is_some()
                && self.rendered_in(ms, s, term)
                && !self.source_has(n, s.term)
        })
    }
}

/// Byte ranges (in the link's target text) of target sentences that read
/// as the source language: more of its function words than of the target's.
/// A finding on source term `s` of link `link`, whose rendering is
/// `preferred`; a warning on a link of low confidence.
fn term_finding(low_conf: bool, link: usize, s: &Match, preferred: &str, msg: String) -> Finding {
    let sev = if low_conf {
        Severity::Warning
    } else {
        Severity::Error
    };
    Finding::new("glossary", sev, msg)
        .link(link)
        .source_span(s.start..s.end)
        .expected(preferred)
}

fn untranslated_sentences(ctx: &Context, vi: usize) -> Vec<Range<usize>> {
    let Some(link) = ctx.links.get(vi) else {
        return Vec::new();
    };
    // Each word lower-cased once, not once per function word.
    let count =
        |ws: &[String], list: &[String]| ws.iter().filter(|w| list.iter().any(|f| f == *w)).count();
    let mut out = Vec::new();
    let mut pos = 0;
    for (k, &i) in link.target.iter().enumerate() {
        let Some(seg) = ctx.target_segments.get(i) else {
            continue;
        };
        if k > 0 {
            pos += 1;
        }
        let text = seg.text(ctx.target);
        let ws: Vec<String> = words(text).iter().map(|w| w.text.to_lowercase()).collect();
        let src = count(&ws, &ctx.source_profile.words.function_words);
        let tgt = count(&ws, &ctx.target_profile.words.function_words);
        if ctx.source_profile.code != ctx.target_profile.code && src >= 2 && src > 2 * tgt {
            out.push(pos..pos + text.len());
        }
        pos += text.len();
    }
    out
}

/// Whether a target match of `found`'s term renders `wanted`: the same term,
/// or another entry with the same source spelling and accepted rendering.
fn renders(found: Option<&Term>, wanted: &Term) -> bool {
    let Some(found) = found else {
        return false;
    };
    if std::ptr::eq(found, wanted) {
        return true;
    }
    found.targets.iter().any(|t| wanted.targets.contains(t))
        && found
            .source
            .iter()
            .any(|s| wanted.source.iter().any(|w| fold(w) == fold(s)))
}

/// Whether the span is joined by whitespace to a capitalised word on
/// either side: part of a full name ("Abbas Araghchi").
fn in_full_name(text: &str, start: usize, end: usize) -> bool {
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let prev = before
        .strip_suffix(' ')
        .and_then(|b| b.split(char::is_whitespace).next_back());
    let next = after
        .strip_prefix(' ')
        .and_then(|a| a.split(char::is_whitespace).next());
    prev.is_some_and(|w| cap(w) && w.chars().all(char::is_alphabetic) && !sentence_start(before, w))
        || next.is_some_and(|w| cap(w) && w.chars().all(char::is_alphabetic))
}

/// Whether source span `r` is part of a name of two or more capitalised
/// words (joined by spaces, hyphens and `particles`), one of them no glossary term,
/// which `tgt` repeats word for word: the term is then part of a name the
/// translation keeps (Desenrola Brasil), not the term alone.
fn in_kept_name(
    src: &str,
    tgt: &str,
    r: Range<usize>,
    matches: &[Match],
    particles: &[String],
) -> bool {
    let ws = words(src);
    if let Some(w) = ws
        .iter()
        .find(|w| w.start <= r.start && r.end <= w.end && (w.start..w.end) != r)
    {
        return in_kept_compound(w, tgt, matches);
    }
    let (Some(first), Some(last)) = (
        ws.iter().position(|w| w.start == r.start),
        ws.iter().position(|w| w.end == r.end),
    ) else {
        return false;
    };
    let cap = |w: &crate::text::Word| w.text.chars().next().is_some_and(char::is_uppercase);
    // A hyphen joins a compound name too (ELSA-Brasil).
    let joined = |a: usize, b: usize| {
        matches!(
            src.get(ws[a].end..ws[b].start),
            Some(" " | "-" | "\u{2010}")
        )
    };
    let particle = |i: usize| particles.iter().any(|p| p == ws[i].text);
    // Extends over a capitalised word, or a particle then a capitalised word.
    let step = |i: usize, back: bool| -> Option<usize> {
        let next = |k: usize| if back { k.checked_sub(1) } else { Some(k + 1) };
        let pair = |a: usize, b: usize| if back { joined(b, a) } else { joined(a, b) };
        let j = next(i).filter(|&j| j < ws.len() && pair(i, j))?;
        if cap(&ws[j]) {
            return Some(j);
        }
        let k = next(j).filter(|&k| k < ws.len() && pair(j, k))?;
        (particle(j) && cap(&ws[k])).then_some(k)
    };
    let (mut a, mut b) = (first, last);
    while let Some(j) = step(a, true) {
        a = j;
    }
    while let Some(j) = step(b, false) {
        b = j;
    }
    let in_term =
        |w: &crate::text::Word| matches.iter().any(|m| m.start < w.end && w.start < m.end);
    let other_name_word = ws[a..=b].iter().any(|w| cap(w) && !in_term(w));
    if !other_name_word {
        return false;
    }
    let Some(name) = src.get(ws[a].start..ws[b].end) else {
        return false;
    };
    words(tgt).iter().any(|w| {
        tgt.get(w.start..)
            .is_some_and(|rest| rest.starts_with(name))
            && tgt
                .get(w.start + name.len()..)
                .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
    })
}

/// Whether hyphenated word `w` (ELSA-Brasil), holding a glossary term and a
/// capitalised part that is none, stands word for word in `tgt`.
fn in_kept_compound(w: &crate::text::Word, tgt: &str, matches: &[Match]) -> bool {
    let mut at = w.start;
    let other_part = w.text.split('-').any(|part| {
        let (s, e) = (at, at + part.len());
        at = e + 1;
        part.chars().next().is_some_and(char::is_uppercase)
            && !matches.iter().any(|m| m.start < e && s < m.end)
    });
    other_part && words(tgt).iter().any(|t| t.text == w.text)
}

/// Whether the word ending `before` starts the text or a sentence.
fn sentence_start(before: &str, word: &str) -> bool {
    let rest = before
        .trim_end()
        .strip_suffix(word)
        .unwrap_or("")
        .trim_end();
    rest.is_empty() || rest.ends_with(['.', '!', '?', ':'])
}

/// A name whose preferred rendering is its own source spelling (Trump →
/// Trump). A term the glossary translates (Amazônia → Amazon) is no such
/// name even when the source spelling is accepted too.
fn is_unchanged_name(t: &Term) -> bool {
    t.targets
        .first()
        .is_some_and(|x| t.source.iter().any(|s| fold(s) == fold(x)))
}

fn quoted_list(v: &[String]) -> String {
    v.iter()
        .take(3)
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether source match `m` stands for its term: a match that needed its
/// accents folded away (Franca for França) counts only in a text typed
/// without accents; where the sentence spells its accents, the word is
/// another (Zona Franca, the city of Franca).
pub(super) fn accent_trusted(text: &str, m: &Match) -> bool {
    if m.accent_exact {
        return true;
    }
    let found = text.get(m.start..m.end).unwrap_or("");
    let accented = |c: char| c.is_alphabetic() && !c.is_ascii();
    found.chars().any(accented) || !text.chars().any(accented)
}

fn overlaps(spans: &[Range<usize>], r: Range<usize>) -> bool {
    spans.iter().any(|s| s.start < r.end && r.start < s.end)
}

/// Normalised edit distance between folded strings (0 = same letters).
fn distance(a: &str, b: &str) -> f64 {
    let (a, b) = (fold(a), fold(b));
    let len = a.chars().count().max(b.chars().count());
    if len == 0 {
        return 0.0;
    }
    strsim::levenshtein(&a, &b) as f64 / len as f64
}

/// The span of `text` closest to any of `renderings`: word n-grams with
/// about as many words as the rendering, by normalised edit distance.
fn best_span(
    text: &str,
    renderings: &[String],
    skip: impl Fn(&str) -> bool,
) -> Option<(Range<usize>, f64)> {
    let ws = words(text);
    let mut best: Option<(Range<usize>, f64)> = None;
    for r in renderings {
        let k = words(r).len().max(1);
        for n in k.saturating_sub(1).max(1)..=k + 1 {
            for win in ws.windows(n) {
                let (Some(first), Some(last)) = (win.first(), win.last()) else {
                    continue;
                };
                let Some(cand) = text.get(first.start..last.end) else {
                    continue;
                };
                if skip(cand) {
                    continue;
                }
                let d = distance(cand, r);
                if best.as_ref().is_none_or(|b| d < b.1) {
                    best = Some((first.start..last.end, d));
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;
    use crate::glossary::Glossary;

    fn term(src: &[&str], tgt: &[&str], forbidden: &[(&str, &str)]) -> Term {
        Term {
            source: src.iter().map(|s| s.to_string()).collect(),
            targets: tgt.iter().map(|s| s.to_string()).collect(),
            forbidden: forbidden
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            ..Default::default()
        }
    }

    fn places() -> Glossary {
        Glossary::from_terms(vec![
            term(&["Mascate"], &["Muscat"], &[]),
            term(&["Ormuz"], &["Hormuz"], &[]),
            term(&["Estreito de Ormuz"], &["Strait of Hormuz"], &[]),
            term(&["Estados Unidos"], &["United States", "US", "U.S."], &[]),
            term(&["Irã", "Irão"], &["Iran", "Iranian"], &[]),
            term(&["Iraque"], &["Iraq"], &[]),
            term(&["Comando Central"], &["Central Command"], &[]),
            term(&["Turquia"], &["Türkiye", "Turkey"], &[]),
            term(
                &["Araghchi", "Araqchi"],
                &["Araghchi"],
                &[("Araqchi", "Araghchi")],
            ),
            term(&["Trump"], &["Trump"], &[]),
            term(&["Amazônia"], &["Amazon", "Amazonia"], &[]),
        ])
    }

    fn run(src: &str, tgt: &str) -> Vec<Finding> {
        let mut f = Fixture::pair(src, tgt);
        f.glossary = places();
        f.run(&GlossaryCheck)
    }

    #[test]
    fn a_term_must_end_at_a_word_boundary_and_a_longer_word_is_a_near_miss() {
        let mut f = Fixture::pair(
            "O Bloco de Esquerda votou contra.",
            "The Left Block voted against.",
        );
        f.glossary = Glossary::from_terms(vec![term(&["Bloco de Esquerda"], &["Left Bloc"], &[])]);
        let found = f.run(&GlossaryCheck);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.contains("Left Block"),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].suggestion.as_deref(), Some("Left Bloc"));
    }

    #[test]
    fn an_unaccented_namesake_in_an_accented_sentence_is_another_word() {
        let france = || Glossary::from_terms(vec![term(&["França"], &["France"], &[])]);
        let mut f = Fixture::pair(
            "O aparelho será fabricado na Zona Franca de Manaus.",
            "The phone will be made in the Manaus Free Trade Zone.",
        );
        f.glossary = france();
        assert!(f.run(&GlossaryCheck).is_empty());
        // A text typed without accents still reads its terms loosely.
        let mut f = Fixture::pair(
            "Macron voltou para a Franca ontem.",
            "Macron returned yesterday.",
        );
        f.glossary = france();
        assert_eq!(f.run(&GlossaryCheck).len(), 1);
    }

    #[test]
    fn terms_of_an_editorial_line_the_edition_dropped_are_not_required() {
        let council = || {
            Glossary::from_terms(vec![term(
                &["Conselho de Segurança"],
                &["Security Council"],
                &[],
            )])
        };
        let mut f = Fixture::links(&[(
            &[
                "Ele acrescentou algo.",
                "Leia também: Conselho de Segurança adia votação",
                "O relatório saiu em maio.",
            ],
            &["He added something.", "The report came out in May."],
        )]);
        f.glossary = council();
        assert!(f.run(&GlossaryCheck).is_empty());
        // The same sentence as text of the article is checked.
        let mut f = Fixture::links(&[(
            &[
                "Ele acrescentou algo.",
                "O Conselho de Segurança adiou a votação.",
                "O relatório saiu em maio.",
            ],
            &["He added something.", "The report came out in May."],
        )]);
        f.glossary = council();
        assert_eq!(f.run(&GlossaryCheck).len(), 1);
    }

    #[test]
    fn tsv_common_nouns_match_their_plurals() {
        let path = std::env::temp_dir().join(format!("tc-infl-{}.tsv", std::process::id()));
        std::fs::write(&path, "prefeito\tmayor\n").unwrap();
        let g = Glossary::load(&path, "pt", "en").unwrap();
        let _ = std::fs::remove_file(&path);
        assert!(g.terms[0].inflected);
        let mut f = Fixture::pair("Os prefeitos se reuniram.", "The mayors met.");
        f.glossary = g.clone();
        assert!(f.run(&GlossaryCheck).is_empty());
        let mut f = Fixture::pair("Os prefeitos se reuniram.", "The governors met.");
        f.glossary = g;
        assert_eq!(f.run(&GlossaryCheck).len(), 1);
    }

    #[test]
    fn a_forbidden_spelling_counts_only_where_the_source_has_the_term() {
        let haddad = || term(&["Haddad"], &["Haddad"], &[("Hadad", "Haddad")]);
        let mut f = Fixture::pair("O rei Hadade fugiu.", "King Hadad fled.");
        f.glossary = Glossary::from_terms(vec![haddad()]);
        assert!(f.run(&GlossaryCheck).is_empty());
        let mut f = Fixture::pair("O ministro Haddad falou.", "Minister Hadad spoke.");
        f.glossary = Glossary::from_terms(vec![haddad()]);
        assert_eq!(f.run(&GlossaryCheck).len(), 1);
        let mut anywhere = haddad();
        anywhere.forbidden_anywhere = true;
        let mut f = Fixture::pair("O rei Hadade fugiu.", "King Hadad fled.");
        f.glossary = Glossary::from_terms(vec![anywhere]);
        assert_eq!(f.run(&GlossaryCheck).len(), 1);
    }

    #[test]
    fn a_full_name_dropped_outright_is_reported() {
        let f = run(
            "O chanceler Abbas Araghchi chegou ontem a Mascate para as conversas.",
            "Foreign Minister someone arrived in Muscat yesterday for the talks.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("missing"), "{}", f[0].message);
        assert_eq!(f[0].severity, Severity::Error);
        // A lone surname may become a pronoun.
        assert!(run("Depois, Araghchi partiu.", "Then he left.").is_empty());
        assert!(run("Abbas Araghchi partiu.", "Abbas Araghchi left.").is_empty());
    }

    #[test]
    fn rendered_terms_pass() {
        assert!(run("Os Estados Unidos e o Irã.", "The United States and Iran.").is_empty());
        assert!(run("Os Estados Unidos e o Irã.", "The US and the Iranian side.").is_empty());
        assert!(run("O Comando Central disse.", "Central Command said.").is_empty());
        assert!(run("A Turquia.", "Turkey.").is_empty());
        assert!(run("O Estreito de Ormuz.", "The Strait of Hormuz.").is_empty());
    }

    #[test]
    fn an_accented_namesake_copied_from_the_source_is_not_untranslated() {
        let mut f = Fixture::pair(
            "O pesquisador Esper Kallás disse.",
            "Researcher Esper Kallás said.",
        );
        f.glossary = Glossary::from_terms(vec![term(&["Kallas"], &["Kallas"], &[])]);
        let found = f.run(&GlossaryCheck);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_brazilian_namesake_of_a_foreign_place_keeps_its_name() {
        // The shipped glossary: São Francisco is also a Brazilian river and
        // towns, whose English name is the Portuguese one.
        assert!(
            run(
                "Os rejeitos podem chegar ao rio São Francisco.",
                "The tailings could reach the São Francisco River."
            )
            .is_empty()
        );
        assert!(run("Ele mora em São Francisco.", "He lives in San Francisco.").is_empty());
    }

    #[test]
    fn a_term_inside_a_name_kept_verbatim_belongs_to_the_name() {
        let g = || Glossary::from_terms(vec![term(&["Brasil"], &["Brazil"], &[])]);
        for (s, t) in [
            (
                "Foto: Tânia Rêgo/Agência Brasil",
                "Photo: Tânia Rêgo/Agência Brasil",
            ),
            (
                "O programa Desenrola Brasil renegociou dívidas.",
                "The Desenrola Brasil programme renegotiated debts.",
            ),
            (
                "As ações do Banco do Brasil subiram.",
                "Shares in Banco do Brasil rose.",
            ),
            (
                "O estudo usou dados do ELSA-Brasil.",
                "The study used data from ELSA-Brasil.",
            ),
        ] {
            let mut f = Fixture::pair(s, t);
            f.glossary = g();
            let found = f.run(&GlossaryCheck);
            assert!(found.is_empty(), "{s} → {t}: {found:?}");
        }
        // The term kept alone, or a name the translation does not repeat,
        // is still the glossary's.
        for (s, t) in [
            ("O Brasil exporta soja.", "Brasil exports soybeans."),
            (
                "O programa Desenrola Brasil renegociou dívidas.",
                "The Desenrola Brazill programme renegotiated debts.",
            ),
            ("O Brasil e a Argentina.", "Brasil and Argentina."),
            (
                "O estudo usou dados do ELSA-Brasil.",
                "The study used data from ELSA-Brazill.",
            ),
        ] {
            let mut f = Fixture::pair(s, t);
            f.glossary = g();
            let found = f.run(&GlossaryCheck);
            assert_eq!(found.len(), 1, "{s} → {t}: {found:?}");
        }
    }

    #[test]
    fn untranslated_term_is_reported() {
        let f = run("O aeroporto de Mascate.", "The Mascate airport.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("untranslated"), "{}", f[0].message);
        assert_eq!(f[0].suggestion.as_deref(), Some("Muscat"));
        let t = "The Mascate airport.";
        assert_eq!(&t[f[0].target_span.clone().unwrap()], "Mascate");
    }

    #[test]
    fn untranslated_term_next_to_an_accepted_metonym_is_reported() {
        let mut f = Fixture::pair(
            "Em Mascate, capital de Omã.",
            "In Mascate, the capital of Oman.",
        );
        f.glossary = Glossary::from_terms(vec![
            term(&["Mascate"], &["Muscat", "Oman"], &[]),
            term(&["Omã"], &["Oman"], &[]),
        ]);
        let found = f.run(&GlossaryCheck);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("untranslated"));
    }

    #[test]
    fn source_spelling_that_is_also_accepted_passes() {
        let mut f = Fixture::pair("Em Belém, no Pará.", "In Belém, in Pará state.");
        f.glossary = Glossary::from_terms(vec![term(&["Belém"], &["Bethlehem", "Belém"], &[])]);
        assert!(f.run(&GlossaryCheck).is_empty());
        let mut f = Fixture::pair("Rafael Grossi disse.", "Rafael Grossi said.");
        f.glossary =
            Glossary::from_terms(vec![term(&["Rafael Grossi", "Grossi"], &["Grossi"], &[])]);
        assert!(f.run(&GlossaryCheck).is_empty());
    }

    #[test]
    fn source_spelling_close_to_rendering_is_a_misspelling() {
        let t = "Ships in the Strait of Ormuz.";
        let f = run("Navios no Estreito de Ormuz.", t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("misspelled"), "{}", f[0].message);
        assert_eq!(f[0].suggestion.as_deref(), Some("Strait of Hormuz"));
    }

    #[test]
    fn near_miss_is_a_misspelling() {
        let t = "Oil from Muskat.";
        let f = run("Petróleo de Mascate.", t);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("misspelled 'Muskat'"),
            "{}",
            f[0].message
        );
        assert_eq!(&t[f[0].target_span.clone().unwrap()], "Muskat");
        assert_eq!(f[0].expected.as_deref(), Some("Muscat"));
    }

    #[test]
    fn missing_rendering_is_reported_with_expected() {
        let f = run("Os Estados Unidos atacaram.", "Washington attacked.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("'United States'"), "{}", f[0].message);
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[0].expected.as_deref(), Some("United States"));
    }

    #[test]
    fn wrong_country_is_not_called_a_misspelling() {
        let f = run("O Irã e o Iraque.", "Iran and Iran.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("not rendered"), "{}", f[0].message);
    }

    #[test]
    fn forbidden_spelling_marked_anywhere_is_reported_even_without_source() {
        let t = "Foreign minister Araqchi spoke.";
        assert!(run("O ministro falou.", t).is_empty());
        let mut fx = Fixture::pair("O ministro falou.", t);
        let mut g = places();
        for term in &mut g.terms {
            term.forbidden_anywhere = true;
        }
        fx.glossary = g;
        let f = fx.run(&GlossaryCheck);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("forbidden"));
        assert_eq!(f[0].suggestion.as_deref(), Some("Araghchi"));
        assert_eq!(&t[f[0].target_span.clone().unwrap()], "Araqchi");
    }

    #[test]
    fn forbidden_and_missing_are_not_double_reported() {
        let f = run(
            "O chanceler Araghchi falou.",
            "Foreign minister Araqchi spoke.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn accepted_spelling_is_not_forbidden() {
        assert!(run("Araghchi falou.", "Araghchi spoke.").is_empty());
    }

    #[test]
    fn misspelled_name_from_glossary_is_caught() {
        let f = run("Araghchi falou.", "Araghchy spoke.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("misspelled"));
    }

    #[test]
    fn a_translated_term_whose_source_spelling_is_also_accepted_is_no_kept_name() {
        let f = run(
            "O fogo chegou à Amazônia.",
            "The fire reached the Atlantic Forest.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("not rendered"), "{f:#?}");
        assert!(run("O fogo chegou à Amazônia.", "The fire reached the Amazon.").is_empty());
        assert!(run("O fogo chegou à Amazônia.", "The fire reached Amazonia.").is_empty());
    }

    #[test]
    fn missing_unchanged_name_is_left_to_the_name_check() {
        assert!(run("Trump falou.", "He spoke.").is_empty());
    }

    #[test]
    fn rendering_in_a_neighbouring_link_counts() {
        let mut f = Fixture::links(&[
            (&["O Irã falou."], &["It spoke."]),
            (&["Depois."], &["Iran spoke later."]),
        ]);
        f.glossary = places();
        assert!(f.run(&GlossaryCheck).is_empty());
    }

    #[test]
    fn source_form_with_accents_is_not_a_rendering() {
        let mut f = Fixture::pair("Peru, Colômbia e Bolívia.", "Peru, Colômbia and Bolivia.");
        f.glossary = Glossary::from_terms(vec![term(&["Colômbia"], &["Colombia"], &[])]);
        let found = f.run(&GlossaryCheck);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("source spelling"));
        let mut f = Fixture::pair("A Turquia.", "Turkiye.");
        f.glossary = Glossary::from_terms(vec![term(&["Turquia"], &["Türkiye"], &[])]);
        assert!(
            f.run(&GlossaryCheck).is_empty(),
            "accent-folded rendering passes"
        );
    }

    #[test]
    fn untranslated_beats_a_rendering_in_a_neighbour() {
        let mut f = Fixture::links(&[
            (&["Em Mascate."], &["In Muscat."]),
            (&["Ele deixou Mascate."], &["He left Mascate."]),
        ]);
        f.glossary = places();
        let found = f.run(&GlossaryCheck);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].link, Some(1));
    }

    #[test]
    fn neighbour_with_its_own_term_does_not_excuse() {
        let mut f = Fixture::links(&[
            (&["O Irã falou."], &["Iran spoke."]),
            (&["O Irã calou."], &["Then silence."]),
        ]);
        f.glossary = places();
        assert_eq!(f.run(&GlossaryCheck).len(), 1);
    }

    #[test]
    fn link_without_target_is_skipped() {
        let mut f = Fixture::links(&[(&["Leia também: Mascate."], &[])]);
        f.glossary = places();
        assert!(f.run(&GlossaryCheck).is_empty());
    }

    #[test]
    fn sentence_left_in_portuguese_is_left_to_the_untranslated_check() {
        let f = run(
            "A escolha de Omã como sede não é casual.",
            "A escolha de Omã como sede não é casual.",
        );
        assert!(f.is_empty(), "{f:?}");
        // An English sentence with the same slip is still reported.
        assert_eq!(
            run("A escolha de Mascate.", "The choice of Mascate.").len(),
            1
        );
    }

    #[test]
    fn no_glossary_no_findings() {
        let f = Fixture::pair("Mascate.", "Mascate.");
        assert!(f.run(&GlossaryCheck).is_empty());
    }

    #[test]
    fn shipped_glossaries_leave_a_clean_translation_alone() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("glossaries");
        let mut f = Fixture::pair(
            "O chanceler do Irã, Abbas Araghchi, chegou a Mascate, capital de Omã, para conversar com Steve Witkoff sobre o Estreito de Ormuz e a ONU.",
            "Iran's foreign minister, Abbas Araghchi, arrived in Muscat, the capital of Oman, to talk with Steve Witkoff about the Strait of Hormuz and the UN.",
        );
        f.glossary = Glossary::load(&dir, "pt", "en").unwrap();
        let found = f.run(&GlossaryCheck);
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn a_conventional_spelling_of_the_source_word_is_another_name_not_a_slip() {
        // Irã the Edomite chief is Iram: the spelling convention (ã → an,
        // m → n at the end) ties it to the source word, not to Iran.
        let found = run("E o príncipe Irã.", "And the chief Iram.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Warning, "{found:?}");
        // A slip that breaks the convention stays an error.
        let found = run("Ele chegou a Mascate.", "He arrived in Muskat.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Error, "{found:?}");
        assert_eq!(found[0].suggestion.as_deref(), Some("Muscat"));
    }

    #[test]
    fn a_word_the_source_has_elsewhere_is_no_near_miss_of_a_term() {
        let paris = || Glossary::from_terms(vec![term(&["França"], &["France", "Paris"], &[])]);
        let mut f = Fixture::pair(
            "\"Águas Paradas\" sai na França.",
            "\"Águas Paradas\" comes out in Spain.",
        );
        f.glossary = paris();
        let found = f.run(&GlossaryCheck);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].target_span.is_none(), "{found:?}");
        // A near miss the source lacks keeps its span.
        let mut f = Fixture::pair("Ele sai na França.", "He comes out in Frence.");
        f.glossary = paris();
        let found = f.run(&GlossaryCheck);
        assert!(found.iter().all(|x| x.target_span.is_some()), "{found:?}");
    }

    #[test]
    fn a_rendering_hyphenated_otherwise_is_rendered() {
        let mut f = Fixture::pair("Que é Belém.", "The same is Beth-lehem.");
        f.glossary = Glossary::from_terms(vec![term(&["Belém"], &["Bethlehem"], &[])]);
        let found = f.run(&GlossaryCheck);
        assert!(found.is_empty(), "{found:?}");
        let mut f = Fixture::pair("Que é Belém.", "The same is Bethlehen.");
        f.glossary = Glossary::from_terms(vec![term(&["Belém"], &["Bethlehem"], &[])]);
        assert_eq!(f.run(&GlossaryCheck).len(), 1);
    }

    #[test]
    fn a_rendering_in_an_unaligned_sentence_next_door_counts() {
        let pairs: &[(&[&str], &[&str])] = &[
            (
                &["Houve fome na terra."],
                &["There was a famine in the land."],
            ),
            (&[], &["He said: do not go down into Muscat."]),
            (&[], &["Stay here."]),
            (
                &["Disse: não desças a Mascate; fica aqui e vive."],
                &["Live in this land."],
            ),
            (&["Depois partiu."], &["Then he left."]),
        ];
        let mut f = Fixture::links(pairs);
        f.glossary = places();
        let found = f.run(&GlossaryCheck);
        assert!(found.is_empty(), "{found:?}");
        // Not when the sentence belongs to a link whose source lacks it two
        // aligned links away.
        let pairs: &[(&[&str], &[&str])] = &[
            (&["Falou."], &["He said: do not go down into Muscat."]),
            (
                &["Houve fome na terra."],
                &["There was a famine in the land."],
            ),
            (
                &["Disse: não desças a Mascate; fica aqui e vive."],
                &["Live in this land."],
            ),
        ];
        let mut f = Fixture::links(pairs);
        f.glossary = places();
        assert_eq!(f.run(&GlossaryCheck).len(), 1);
    }
}
