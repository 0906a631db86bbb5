//! The `omission` check: a source sentence with no translation (a 1-0 link).
//!
//! One finding per 1-0 link. A link whose source has at most
//! [`SHORT_WORDS`] words (a credit, a dateline, "Leia mais") is only a
//! warning: such lines are often dropped on purpose, and a short segment is
//! also where alignment is least sure. An editorial line that editions drop
//! on purpose (the source profile's `editorial_prefixes`: "Leia também: …",
//! credits) is info. A photo caption (`caption_prefixes`) is a warning: it
//! carries content, but an edition may drop the photo with it. When the translation next to it is too long for its
//! own source, and this sentence would make up the difference, the sentence
//! was probably merged there and missed by the alignment: a warning. So is
//! a sentence next to an unmatched target sentence that could be its loose
//! translation (a fitting length, and a number or name in common). A source with no letters at all (separators such as
//! `***`) is not reported.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct OmissionCheck;

/// Segments with this many words or fewer are reported as warnings.
pub(crate) const SHORT_WORDS: usize = 3;

/// The first words of `text`, at most `max` characters, with an ellipsis when cut.
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    // Cut at the last space so the excerpt ends on a whole word.
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end())
}

/// Whether `text` starts like an editorial line of the profile.
pub(crate) fn is_editorial(text: &str, profile: &crate::profile::Profile) -> bool {
    profile.is_editorial(text)
}

/// Whether an unmatched segment is short (`Some(true)`), long
/// (`Some(false)`), or not worth reporting because it has no letters (`None`).
pub(crate) fn unmatched_is_short(text: &str) -> Option<bool> {
    if !text.chars().any(char::is_alphabetic) {
        return None;
    }
    let n = crate::text::words(text)
        .iter()
        .filter(|w| w.text.chars().any(char::is_alphabetic))
        .count();
    Some(n <= SHORT_WORDS)
}

/// Whether the untranslated source sentence of link `li` looks merged into
/// the translation of a neighbouring link (an alignment slip rather than an
/// omission): that neighbour's target is too long for its source, and adding
/// this sentence to its source brings the ratio closer to the document's.
fn looks_merged(ctx: &Context, li: usize, median: f64, mad: f64) -> bool {
    let Some(v) = ctx.views.get(li) else {
        return false;
    };
    let extra = super::length::size(&v.source.text) as f64;
    [li.checked_sub(1), li.checked_add(1)]
        .into_iter()
        .flatten()
        .filter_map(|n| ctx.views.get(n))
        .filter(|n| !n.source.is_empty() && !n.target.is_empty())
        .any(|n| {
            let s = super::length::size(&n.source.text) as f64;
            let t = super::length::size(&n.target.text) as f64;
            if s == 0.0 || t == 0.0 {
                return false;
            }
            let now = ((t / s).ln() - median).abs();
            let merged = ((t / (s + extra)).ln() - median).abs();
            let sigma = 1.4826 * mad;
            // The neighbour must be clearly too long, and fit well once merged.
            now >= (3.0 * sigma).max(MERGE_SLACK) && merged <= sigma.max(0.1)
        })
}

/// Numbers (digits only, separators dropped, so "1,1" and "1.1" agree) and
/// capitalised words of two letters or more after the first (folded) of a
/// sentence: what a translation keeps. A lone letter ("R" of "R$") is no
/// anchor.
pub(crate) fn anchors(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_anchor(text, |a| out.push(a));
    out
}

/// [`anchors`] handed to `emit` one at a time, in order, reading the words
/// as they come: a whole document's words or anchors are never held.
pub(crate) fn each_anchor(text: &str, mut emit: impl FnMut(String)) {
    // A number is emitted once the next word shows it is not continued.
    let mut number: Option<String> = None;
    let mut prev_digit_end: Option<usize> = None;
    for (k, w) in crate::text::word_iter(text).enumerate() {
        if w.text.chars().any(|c| c.is_ascii_digit()) {
            // A range ("66-67", "2024-2025") is a number per part.
            let mut parts = w
                .text
                .split(['-', '‐'])
                .map(|p| p.chars().filter(char::is_ascii_digit).collect::<String>())
                .filter(|d| !d.is_empty());
            let digits = parts.next().unwrap_or_default();
            // "1,1" and "9.613" are one number split at their separator.
            let joined = prev_digit_end
                .is_some_and(|e| text.get(e..w.start).is_some_and(|g| g == "," || g == "."));
            match &mut number {
                Some(last) if joined => last.push_str(&digits),
                _ => {
                    if let Some(n) = number.replace(digits) {
                        emit(n);
                    }
                }
            }
            for d in parts {
                if let Some(n) = number.replace(d) {
                    emit(n);
                }
            }
            prev_digit_end = Some(w.end);
            continue;
        }
        prev_digit_end = None;
        if let Some(n) = number.take() {
            emit(n);
        }
        if k > 0
            && w.text.chars().next().is_some_and(char::is_uppercase)
            && w.text.chars().count() >= 2
        {
            emit(crate::text::fold(w.text));
        }
    }
    if let Some(n) = number {
        emit(n);
    }
}

/// Whether an unmatched target sentence right next to link `li` (a 0-1
/// link) could be a loose translation of its source: a length in the
/// document's range, and a number or name in common (or none on either side).
fn loose_pair(ctx: &Context, li: usize, median: f64, mad: f64) -> bool {
    let Some(v) = ctx.views.get(li) else {
        return false;
    };
    let src_anchors = anchors(&v.source.text);
    let s = super::length::size(&v.source.text) as f64;
    [li.checked_sub(1), li.checked_add(1)]
        .into_iter()
        .flatten()
        .filter_map(|n| ctx.views.get(n))
        .filter(|n| n.source.is_empty() && !n.target.is_empty())
        .any(|n| {
            let t = super::length::size(&n.target.text) as f64;
            if s == 0.0 || t == 0.0 {
                return false;
            }
            let fits = ((t / s).ln() - median).abs() <= (3.0 * 1.4826 * mad).max(0.35);
            let tgt_anchors = anchors(&n.target.text);
            let shared = src_anchors.iter().any(|a| tgt_anchors.contains(a))
                || (src_anchors.is_empty() && tgt_anchors.is_empty());
            fits && shared
        })
}

/// Content keys of `text` on one side: lexicon concepts of its words and
/// its [`anchors`] (numbers, names), each with how often it occurs.
fn content_keys(
    ctx: &Context,
    side: crate::lexicon::Side,
    text: &str,
) -> rustc_hash::FxHashMap<String, usize> {
    let mut out: rustc_hash::FxHashMap<String, usize> = Default::default();
    if let Some(lex) = &ctx.lexicon {
        for w in crate::text::word_iter(text) {
            for c in lex.concepts(side, w.text) {
                *out.entry(format!("#{c}")).or_default() += 1;
            }
        }
    }
    for a in anchors(text) {
        *out.entry(a).or_default() += 1;
    }
    out
}

/// Whether the content of the untranslated source sentence of link `li`
/// is in the translation of a neighbouring link beyond what that link's
/// own source says: two translations that cut a passage at different
/// sentence boundaries, so this sentence is rendered next door rather
/// than dropped. At least [`NEXT_DOOR_KEYS`] keys, and
/// [`NEXT_DOOR_SHARE`] of its own or every number it has, must be found
/// there in surplus.
fn rendered_next_door(ctx: &Context, li: usize, median: f64) -> bool {
    use crate::lexicon::Side;
    let Some(v) = ctx.views.get(li) else {
        return false;
    };
    let mine = content_keys(ctx, Side::Source, &v.source.text);
    if mine.is_empty() {
        return false;
    }
    let extra = super::length::size(&v.source.text) as f64;
    [neighbour(ctx, li, false), neighbour(ctx, li, true)]
        .into_iter()
        .flatten()
        .any(|(source, target)| {
            let there = content_keys(ctx, Side::Target, &target);
            let own = content_keys(ctx, Side::Source, &source);
            let in_surplus = |k: &&String| {
                there.get(*k).copied().unwrap_or(0) > own.get(*k).copied().unwrap_or(0)
            };
            let surplus = mine.keys().filter(in_surplus).count();
            // Numbers are specific where words are not: every number of the
            // sentence found there beyond what that link's source says.
            let mut numbers = mine.keys().filter(|k| is_number_key(k)).peekable();
            let numbers_there = numbers.peek().is_some() && numbers.all(|k| in_surplus(&k));
            // Or keys in common, and the neighbour's translation is long
            // for its source but fits once this sentence joins it.
            let common = mine.keys().filter(|k| there.contains_key(*k)).count();
            let (s, t) = (
                super::length::size(&source) as f64,
                super::length::size(&target) as f64,
            );
            let fits = s > 0.0
                && t > 0.0
                && ((t / (s + extra)).ln() - median).abs() + NEXT_DOOR_FIT
                    <= ((t / s).ln() - median).abs();
            (surplus >= NEXT_DOOR_KEYS
                && (numbers_there || surplus as f64 >= NEXT_DOOR_SHARE * mine.len() as f64))
                || (fits && common as f64 >= NEXT_DOOR_SHARE * mine.len() as f64)
        })
}

/// The source and target text of the translated link before (or after,
/// with `after`) link `li`: the next link with a target, with the run of
/// target-only links (0-1) up to it, whose sentences may be the loose
/// rendering cut apart by the alignment.
fn neighbour(ctx: &Context, li: usize, after: bool) -> Option<(String, String)> {
    let (mut source, mut target) = (String::new(), String::new());
    let mut k = li;
    loop {
        k = if after {
            k.checked_add(1)?
        } else {
            k.checked_sub(1)?
        };
        let Some(n) = ctx.views.get(k) else { break };
        if n.target.is_empty() {
            break;
        }
        for (buf, text) in [(&mut source, &n.source.text), (&mut target, &n.target.text)] {
            buf.push(' ');
            buf.push_str(text);
        }
        if !n.source.is_empty() {
            break;
        }
    }
    (!target.is_empty()).then_some((source, target))
}

/// Least content keys of an untranslated sentence found in surplus in a
/// neighbour's translation, and their least share of its keys.
const NEXT_DOOR_KEYS: usize = 2;
const NEXT_DOOR_SHARE: f64 = 0.4;
/// Whether a content key is a number anchor (digits only).
fn is_number_key(k: &str) -> bool {
    !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit())
}

/// Least gain in length fit (log ratio) of a neighbour that takes the
/// sentence in, with keys in common but none in surplus.
const NEXT_DOOR_FIT: f64 = 0.2;

/// How far (in log ratio) a neighbour's length must at least be off before
/// an untranslated sentence is suspected to be merged into it.
const MERGE_SLACK: f64 = 0.3;

/// Byte range of sentence `i` in the text of a link side made of `ids`
/// (sentences joined by one space), and its text.
pub(crate) fn span_in_link<'a>(
    ids: &[usize],
    segs: &[crate::segment::Segment],
    doc: &'a crate::input::Document,
    i: usize,
) -> Option<(std::ops::Range<usize>, &'a str)> {
    let seg = segs.get(i)?;
    let text = doc.text.get(seg.start..seg.end)?;
    let offset: usize = ids
        .iter()
        .take_while(|&&x| x != i)
        .filter_map(|&x| segs.get(x))
        .map(|s| s.end - s.start + 1)
        .sum();
    Some((offset..offset + text.len(), text))
}

impl OmissionCheck {
    /// Severity of an untranslated source sentence: info for an editorial
    /// line, a warning when it is `weak` evidence or a caption, else the
    /// rule's own. A dropped heading, item or cell (`structural`) always
    /// takes the rule's own.
    fn severity(&self, text: &str, ctx: &Context, weak: bool, structural: bool) -> Severity {
        if structural {
            self.default_severity()
        } else if is_editorial(text, ctx.source_profile) {
            Severity::Info
        } else if weak || ctx.source_profile.is_caption(text) {
            Severity::Warning
        } else {
            self.default_severity()
        }
    }

    /// Source sentences hidden in the middle of a merged link ([`Context::hidden`]):
    /// an error when they carry content, as an untranslated sentence is.
    fn hidden_in_links(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for h in ctx.hidden().iter().filter(|h| h.source) {
            let Some(link) = ctx.links.get(h.link) else {
                continue;
            };
            let Some((span, text)) =
                span_in_link(&link.source, ctx.source_segments, ctx.source, h.sentence)
            else {
                continue;
            };
            let Some(short) = unmatched_is_short(text) else {
                continue;
            };
            let sev = self.severity(text, ctx, short, false);
            out.push(
                Finding::new(
                    self.id(),
                    sev,
                    format!(
                        "source sentence not translated (the translation of the sentences around it leaves it out): \"{}\"",
                        excerpt(text, 60)
                    ),
                )
                .link(h.link)
                .source_span(span),
            );
        }
    }

    /// A sentence of a many-to-one link whose numbers and names appear
    /// nowhere in the link's translation, while those of its companion
    /// sentences do: the alignment may have folded an untranslated
    /// sentence into its neighbour's link. Numbers count, and names the
    /// translation uses somewhere, so exonyms do not mislead.
    /// `target_vocab` is the translation's [`super::unmet::vocabulary`].
    fn within_links(
        &self,
        ctx: &Context,
        target_vocab: &rustc_hash::FxHashSet<String>,
        out: &mut Vec<Finding>,
    ) {
        for (li, link) in ctx.links.iter().enumerate() {
            if link.source.len() < 2 || link.target.is_empty() {
                continue;
            }
            let Some(v) = ctx.views.get(li) else { continue };
            let here: rustc_hash::FxHashSet<String> = anchors(&v.target.text).into_iter().collect();
            let per_sentence: Vec<(usize, Vec<String>)> = link
                .source
                .iter()
                .filter_map(|&i| {
                    let s = ctx.source_segments.get(i)?;
                    let t = ctx.source.text.get(s.start..s.end)?;
                    let a: Vec<String> = anchors(t)
                        .into_iter()
                        // A number is written the same in any language.
                        .filter(|a| {
                            target_vocab.contains(a) || a.chars().all(|c| c.is_ascii_digit())
                        })
                        .collect();
                    Some((i, a))
                })
                .collect();
            let found = |a: &[String]| a.iter().filter(|x| here.contains(*x)).count();
            for (k, (i, a)) in per_sentence.iter().enumerate() {
                let others_found = per_sentence
                    .iter()
                    .enumerate()
                    .any(|(j, (_, b))| j != k && found(b) > 0);
                if a.len() < 2 || found(a) > 0 || !others_found {
                    continue;
                }
                let Some(seg) = ctx.source_segments.get(*i) else {
                    continue;
                };
                let Some(text) = ctx.source.text.get(seg.start..seg.end) else {
                    continue;
                };
                // Offset of this sentence in the link's source text.
                let offset: usize = link
                    .source
                    .iter()
                    .take_while(|&&x| x != *i)
                    .filter_map(|&x| ctx.source_segments.get(x))
                    .map(|s| s.end - s.start + 1)
                    .sum();
                out.push(
                    Finding::new(
                        self.id(),
                        Severity::Warning,
                        format!(
                            "source sentence may be missing from the translation (its {} do not appear there): \"{}\"",
                            a.join(", "),
                            excerpt(text, 60)
                        ),
                    )
                    .link(li)
                    .source_span(offset..offset + text.len()),
                );
            }
        }
    }
}

impl OmissionCheck {
    /// Source sentences of merged links whose content words meet nothing
    /// in the link's translation while the rest of the link is plainly
    /// rendered there ([`super::unmet`]): a dropped sentence the alignment
    /// folded into its neighbour's link. Skips sentences already reported.
    /// `vocab` is the translation's [`super::unmet::vocabulary`].
    fn unmet_in_links(
        &self,
        ctx: &Context,
        vocab: &rustc_hash::FxHashSet<String>,
        out: &mut Vec<Finding>,
    ) {
        // Sentences of one link never overlap: the findings made here need
        // no entry.
        let reported = super::unmet::Reported::of(out, self.id(), true);
        for (li, link) in ctx.links.iter().enumerate() {
            if link.source.len() < 2 || link.target.is_empty() {
                continue;
            }
            for u in super::unmet::unmet_in_link(ctx, li, true, vocab) {
                let Some((span, text)) =
                    span_in_link(&link.source, ctx.source_segments, ctx.source, u.sentence)
                else {
                    continue;
                };
                if reported.overlaps(li, &span) {
                    continue;
                }
                // A few words met by chance leave it weaker evidence.
                let sev = self.severity(text, ctx, u.relative, false);
                out.push(
                    Finding::new(
                        self.id(),
                        sev,
                        format!(
                            "source sentence not translated ({} in the translation of the sentences around it): \"{}\"",
                            super::unmet::how_met(&u),
                            excerpt(text, 60)
                        ),
                    )
                    .link(li)
                    .source_span(span),
                );
            }
        }
    }
}

impl Check for OmissionCheck {
    fn id(&self) -> &'static str {
        "omission"
    }
    fn description(&self) -> &'static str {
        "A source sentence with no translation"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        // The translation's names and numbers, read once for both passes
        // over merged links, and only when there is one.
        let vocab = (ctx.links.iter())
            .any(|l| l.source.len() >= 2 && !l.target.is_empty())
            .then(|| super::unmet::vocabulary(&ctx.target.text));
        if let Some(vocab) = &vocab {
            self.within_links(ctx, vocab, out);
        }
        self.hidden_in_links(ctx, out);
        if let Some(vocab) = &vocab {
            self.unmet_in_links(ctx, vocab, out);
        }
        let (median, mad) = super::length::log_ratio_stats(ctx);
        for v in &ctx.views {
            if v.source.is_empty() || !v.target.is_empty() {
                continue;
            }
            let text = &v.source.text;
            let merged = looks_merged(ctx, v.index, median, mad);
            let loose = loose_pair(ctx, v.index, median, mad);
            let Some(short) = unmatched_is_short(text) else {
                continue;
            };
            // Read only for a sentence that is reported.
            let next_door = !merged && !loose && rendered_next_door(ctx, v.index, median);
            // A dropped heading, list item or table cell of a marked-up file.
            let structural = ctx.links.get(v.index).is_some_and(|l| {
                l.source
                    .iter()
                    .any(|&i| super::code::in_structural_block(ctx.source, ctx.source_segments, i))
            });
            let sev = self.severity(text, ctx, short || merged || loose || next_door, structural);
            out.push(
                Finding::new(
                    self.id(),
                    sev,
                    format!(
                        "source sentence not translated: \"{}\"{}",
                        excerpt(text, 60),
                        if merged {
                            " (or merged into the translation next to it)"
                        } else if loose {
                            " (or loosely translated by the unmatched target sentence next to it)"
                        } else if next_door {
                            " (or rendered in the translation next to it, which says more than its own source)"
                        } else {
                            ""
                        }
                    ),
                )
                .link(v.index)
                .source_span(0..text.len()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn anchors_keep_whole_numbers_and_skip_lone_letters() {
        assert_eq!(anchors("Multa de R$ 1,1 milhão em 2022."), ["11", "2022"]);
        assert_eq!(
            anchors("Fined 1.1 million reais by Judge Montenegro."),
            ["11", "judge", "montenegro"]
        );
        // A range is two numbers.
        assert_eq!(
            anchors("Baltoro, p. 66-67, 2024‐2025"),
            ["66", "67", "2024", "2025"]
        );
        // A number ends at the next word or at the end of the text.
        assert_eq!(
            anchors("Em 2022 Lisboa teve 9.613 casos, 7"),
            ["2022", "lisboa", "9613", "7"]
        );
    }

    use super::*;
    use crate::checks::testutil::Fixture;

    #[test]
    fn reports_an_untranslated_sentence() {
        let f = Fixture::links(&[
            (&["O ministro chegou."], &["The minister arrived."]),
            (&["Ele vai se reunir com os americanos amanhã."], &[]),
        ]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].link, Some(1));
        assert_eq!(out[0].severity, Severity::Error);
        assert!(
            out[0].message.contains("Ele vai se reunir"),
            "{}",
            out[0].message
        );
        let n = "Ele vai se reunir com os americanos amanhã.".len();
        assert_eq!(out[0].source_span, Some(0..n));
    }

    #[test]
    fn a_sentence_met_only_by_chance_in_a_merged_link_is_a_warning() {
        // One word of the second sentence ("governo") is in the translation
        // of the first: weaker evidence than none met.
        let f = Fixture::links(&[(
            &[
                "O governo federal anunciou a liberação de recursos para ações emergenciais na região Norte.",
                "Os leitores que se registraram junto ao governo antes da enchente não precisam se inscrever de novo este ano.",
            ],
            &[
                "The federal government announced the release of funds for emergency measures in the North region.",
            ],
        )]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Warning);
        assert!(out[0].message.contains("only 1 of"), "{}", out[0].message);
    }

    #[test]
    fn sentence_merged_into_the_next_translation_is_a_warning() {
        let f = Fixture::links(&[
            (
                &["O ministro chegou a Brasília nesta manhã."],
                &["The minister arrived in Brasília this morning."],
            ),
            (
                &["Barcos de abastecimento não conseguem mais navegar."],
                &[],
            ),
            (
                &["Escolas foram fechadas na região."],
                &[
                    "With supply boats no longer able to navigate, schools in the region were closed.",
                ],
            ),
        ]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
        assert!(out[0].message.contains("merged"));
    }

    #[test]
    fn omission_next_to_a_somewhat_long_translation_stays_an_error() {
        let f = Fixture::links(&[
            (
                &["Enquanto isso, a economia iraniana segue sob forte pressão."],
                &[],
            ),
            (
                &[
                    "O rial perdeu mais de 40% do seu valor frente ao dólar em doze meses, e a inflação oficial chegou a 32,5% em fevereiro, segundo o Banco Central do Irã.",
                ],
                &[
                    "The rial has lost more than 40% of its value against the dollar in twelve months, and official inflation reached 32.5% in February, according to the Central Bank of Iran.",
                ],
            ),
        ]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out[0].severity, Severity::Error);
    }

    #[test]
    fn omission_between_well_matched_neighbours_stays_an_error() {
        let f = Fixture::links(&[
            (
                &["O ministro chegou a Brasília nesta manhã."],
                &["The minister arrived in Brasília this morning."],
            ),
            (
                &["Barcos de abastecimento não conseguem mais navegar."],
                &[],
            ),
            (
                &["Escolas foram fechadas na região."],
                &["Schools in the region were closed."],
            ),
        ]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out[0].severity, Severity::Error);
    }

    #[test]
    fn sentence_rendered_in_the_next_translation_is_a_warning() {
        // Two translations cut a passage at different sentence boundaries:
        // the next link's translation carries this sentence's content.
        let f = Fixture::links(&[
            (
                &["O ministro chegou a Brasília nesta manhã."],
                &["The minister arrived in Brasília this morning."],
            ),
            (&["A escola da cidade foi fechada por causa da seca."], &[]),
            (
                &[
                    "Os alunos voltaram para casa mais cedo na terça-feira, segundo os pais, e ficaram lá.",
                ],
                &[
                    "The city school was closed because of the drought, and the students went home early on Tuesday.",
                ],
            ),
        ]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Warning);
        assert!(out[0].message.contains("(or "), "{}", out[0].message);
    }

    /// A dropped sentence on the quarter before, after a sentence whose
    /// own source already shares most of its words; `before` is how the
    /// translation of that sentence names the quarter before.
    fn restructured(before: &str) -> Vec<Finding> {
        let prev = format!(
            "The region's unemployment rate fell to 7.2% in the quarter to June, down from {before}, while the formal employment rate rose in the same quarter, the institute said."
        );
        Fixture::links(&[
            (
                &[
                    "A taxa de desemprego da região caiu para 7,2% no trimestre encerrado em junho, e a taxa de emprego formal subiu no mesmo trimestre, segundo o instituto.",
                ],
                &[prev.as_str()],
            ),
            (
                &[
                    "No trimestre anterior, encerrado em março, a taxa de desemprego havia ficado em 8,1%.",
                ],
                &[],
            ),
            (
                &["O governo comemorou o resultado."],
                &["The government welcomed the figures."],
            ),
        ])
        .run(&OmissionCheck)
    }

    #[test]
    fn sentence_whose_numbers_the_next_translation_adds_is_a_warning() {
        // The rate of the quarter before moved into the previous sentence.
        let out = restructured("8.1% in the previous quarter");
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Warning, "{out:?}");
        assert!(out[0].message.contains("next to it"), "{}", out[0].message);
    }

    #[test]
    fn sentence_whose_number_the_next_translation_lacks_stays_an_error() {
        let out = restructured("the previous quarter");
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Error, "{out:?}");
    }

    #[test]
    fn loose_translation_split_by_the_alignment_is_a_warning() {
        let f = Fixture::links(&[
            (
                &["O ministro chegou a Brasília nesta manhã."],
                &["The minister arrived in Brasília this morning."],
            ),
            (&["A inflação de São Paulo subiu para 4,5% no ano."], &[]),
            (&[], &["Prices in São Paulo climbed 4.5% over the year."]),
        ]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out[0].severity, Severity::Warning);
        assert!(out[0].message.contains("loosely"));
    }

    #[test]
    fn omission_next_to_an_unrelated_addition_stays_an_error() {
        let f = Fixture::links(&[
            (
                &["O ministro chegou a Brasília nesta manhã."],
                &["The minister arrived in Brasília this morning."],
            ),
            (
                &[
                    "Entre os estados, São Paulo liderou com 446.950 vagas, seguido por Minas Gerais.",
                ],
                &[],
            ),
            (
                &[],
                &["Economists at several banks said they would revise their forecasts."],
            ),
        ]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out[0].severity, Severity::Error);
    }

    #[test]
    fn sentence_folded_into_a_two_to_one_link_is_a_warning() {
        let f = Fixture::links(&[
            (
                &[
                    "São Paulo liderou com 446.950 vagas, seguido por Minas Gerais.",
                    "O Rio de Janeiro criou 134.588 vagas.",
                ],
                &["Rio de Janeiro created 134,588 jobs."],
            ),
            (
                &["Em Minas Gerais, o saldo foi de 166.121."],
                &["In São Paulo and Minas Gerais the balance was 166,121 and 446,950."],
            ),
        ]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Warning);
        assert_eq!(out[0].link, Some(0));
        assert_eq!(
            out[0].source_span,
            Some(0.."São Paulo liderou com 446.950 vagas, seguido por Minas Gerais.".len())
        );
    }

    #[test]
    fn sentence_whose_numbers_the_translation_never_has_is_reported() {
        // Its figures appear nowhere in the translation, so only the
        // numbers themselves say it is missing.
        let f = Fixture::links(&[(
            &[
                "O instituto pode produzir 60 milhões de doses por ano a partir de 2026.",
                "O investimento na nova fábrica foi de R$ 1,2 bilhão.",
            ],
            &["It invested 1.2 billion reais in a new factory."],
        )]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Warning);
        assert!(out[0].message.contains("60, 2026"), "{}", out[0].message);
    }

    #[test]
    fn merged_sentences_all_translated_pass() {
        let f = Fixture::links(&[(
            &[
                "São Paulo liderou com 446.950 vagas.",
                "O Rio de Janeiro criou 134.588 vagas.",
            ],
            &["São Paulo led with 446,950 jobs and Rio de Janeiro created 134,588."],
        )]);
        assert!(f.run(&OmissionCheck).is_empty());
    }

    #[test]
    fn one_finding_per_link() {
        let f = Fixture::links(&[
            (&["Primeira frase longa aqui."], &[]),
            (&["Segunda frase longa aqui."], &[]),
        ]);
        assert_eq!(f.run(&OmissionCheck).len(), 2);
    }

    #[test]
    fn short_segment_is_a_warning() {
        let f = Fixture::links(&[(&["Mais detalhes adiante."], &[])]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
    }

    #[test]
    fn editorial_line_is_info() {
        let f = Fixture::links(&[(&["Leia também: Petróleo sobe 3% com tensão no Golfo"], &[])]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Info);
    }

    #[test]
    fn a_dropped_photo_caption_is_a_warning() {
        // A caption carries content, but an edition may drop the photo.
        let f = Fixture::links(&[(
            &["Foto: O atacante Pedro comemora o segundo gol do Flamengo."],
            &[],
        )]);
        let out = f.run(&OmissionCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
    }

    #[test]
    fn advertising_and_credit_lines_of_scraped_pages_are_info() {
        for line in [
            "Publicidade",
            "Continua após a publicidade",
            "Reportagem: Ana Flor e João Pedro Oliveira",
        ] {
            let f = Fixture::links(&[(&[line], &[])]);
            let out = f.run(&OmissionCheck);
            assert_eq!(out.len(), 1, "{line}");
            assert_eq!(out[0].severity, Severity::Info, "{line}");
        }
    }

    #[test]
    fn separator_is_left_alone() {
        let f = Fixture::links(&[(&["***"], &[])]);
        assert!(f.run(&OmissionCheck).is_empty());
    }

    #[test]
    fn translated_and_added_links_are_left_alone() {
        let f = Fixture::links(&[
            (&["O ministro chegou."], &["The minister arrived."]),
            (&[], &["An added sentence."]),
        ]);
        assert!(f.run(&OmissionCheck).is_empty());
    }

    #[test]
    fn long_sentence_is_cut_in_the_message() {
        let long = "Palavra ".repeat(30);
        let f = Fixture::links(&[(&[long.trim()], &[])]);
        let out = f.run(&OmissionCheck);
        assert!(out[0].message.ends_with("…\""), "{}", out[0].message);
        assert!(out[0].message.len() < 100);
    }

    #[test]
    fn sentence_hidden_inside_a_merged_link_is_an_error_on_its_span() {
        let (a, b, c) = (
            "A obra terá 933 quilômetros e deve custar 18 bilhões.",
            "Cada viagem até Miritituba leva em média 3 dias, e as filas chegam a 40 quilômetros.",
            "Produtores de Sorriso dizem que o frete pode ficar 30% mais barato.",
        );
        let mut pairs = Fixture::clear_pairs();
        let merged: (&[&str], &[&str]) = (
            &[a, b, c],
            &[
                "The line will run 933 kilometers and is expected to cost 18 billion.",
                "Farmers in Sorriso say freight could be 30% cheaper.",
            ],
        );
        pairs.push(merged);
        let f = Fixture::links(&pairs);
        let out: Vec<Finding> = f
            .run(&OmissionCheck)
            .into_iter()
            .filter(|x| x.severity == Severity::Error)
            .collect();
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].link, Some(5));
        let start = a.len() + 1;
        assert_eq!(out[0].source_span, Some(start..start + b.len()));
    }
}
