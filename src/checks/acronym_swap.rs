//! Acronyms swapped for one another, read by the `name` check: a link's
//! target holds an acronym that the document pairs elsewhere with another
//! source acronym, while an acronym of the link's source has no rendering
//! (BNDES given as CVM, the regulator the article names further on).
//!
//! An acronym merely absent is no finding (PIB is GDP in English), nor one
//! the target adds; only an acronym the translation plainly owes to
//! something else, standing where a source acronym goes unrendered. One the
//! source never uses, standing where a source acronym goes unrendered, is
//! foreign too (PSOL given as PSDB) unless it can be that acronym
//! translated: its letters among the source acronym's (ONU as UN, OTAN as
//! NATO), the initials of the target's words around it (Federal Police
//! (FP)), or the lexicon's rendering of it (PIB as GDP).

use super::Context;
use crate::finding::{Finding, Severity};
use crate::glossary::Match;
use crate::lexicon::{Lexicon, Side as LexSide};
use crate::text::word_iter;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// An acronym of a text and its byte range.
type Acronym<'t> = (&'t str, Range<usize>);

/// All capitals (two letters or more, no digits), or a capitalised word
/// alone in brackets (`(Opas)`, `(Fiocruz)`) here or anywhere on the side
/// (`known`: the Inep after "(Inep)" further up), not after a number nor a
/// currency code of the side's profile (BRL renders R$, no name). A side
/// written mostly in capitals (a shouted headline) has none.
fn acronyms<'t>(text: &'t str, known: &Known) -> Vec<Acronym<'t>> {
    let mut words = 0;
    let mut found = Vec::new();
    for w in word_iter(text) {
        if !w.text.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        // Each test only when the ones before leave it open: asked of
        // every word of every link.
        let capitals = || super::name::is_acronym(w.text);
        let bracketed = || {
            text[..w.start].ends_with('(')
                && text[w.end..].starts_with(')')
                && w.text.chars().next().is_some_and(char::is_uppercase)
                && w.text.chars().all(char::is_alphabetic)
                || known.words.contains(w.text)
        };
        // After a number it is a unit (2.4 GB), no name.
        let unit = || {
            text[..w.start]
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit())
        };
        if (capitals() || bracketed()) && !unit() && !known.currencies.contains(w.text) {
            found.push((w.text, w.start..w.end));
        }
    }
    if found.len() * 2 > words {
        found.clear();
    }
    found
}

/// One side of a link: its text, acronyms and glossary matches.
struct Side<'c> {
    text: &'c str,
    acronyms: Vec<Acronym<'c>>,
    matches: &'c [Match],
}

/// What a side's acronyms are read against: its bracketed words, and its
/// profile's currency codes written as words (`BRL`, `USD`).
struct Known<'t> {
    words: FxHashSet<&'t str>,
    currencies: FxHashSet<&'t str>,
}

impl<'t> Known<'t> {
    fn new(words: FxHashSet<&'t str>, profile: &'t crate::profile::Profile) -> Known<'t> {
        let currencies = profile
            .numbers
            .currency_codes
            .iter()
            .flat_map(|(k, v)| [k.as_str(), v.as_str()])
            .filter(|c| c.chars().all(|c| c.is_ascii_uppercase()))
            .collect();
        Known { words, currencies }
    }
}

impl<'c> Side<'c> {
    fn new(text: &'c str, matches: &'c [Match], known: &Known) -> Side<'c> {
        Side {
            text,
            acronyms: acronyms(text, known),
            matches,
        }
    }
}

/// The capitalised words a side's texts set alone in brackets somewhere
/// (`(Inep)`, `(Imea)`): acronyms written as words, read as acronyms
/// wherever the side uses them.
fn bracketed_words<'t>(texts: impl Iterator<Item = &'t str>, article: bool) -> FxHashSet<&'t str> {
    let mut out = FxHashSet::default();
    for text in texts.filter(|_| article) {
        for w in word_iter(text) {
            if bracketed(text, &(w.start..w.end))
                && w.text.chars().next().is_some_and(char::is_uppercase)
                && w.text.chars().all(char::is_alphabetic)
                && w.text.chars().count() >= 3
            {
                out.insert(w.text);
            }
        }
    }
    out
}

/// The matches of glossary term `term` in `side`, each a mention; a
/// bracketed restatement ("World Health Organization (WHO)") is part of
/// the mention before it.
fn mentions<'m>(side: &Side<'m>, term: usize) -> Vec<&'m Match> {
    let mut out: Vec<&Match> = Vec::new();
    for m in side.matches.iter().filter(|m| m.term == term) {
        let restated = out.last().is_some_and(|p| {
            side.text
                .get(p.end..m.start)
                .is_some_and(|g| g.trim() == "(")
        });
        if !restated {
            out.push(m);
        }
    }
    out
}

/// What `other` holds that renders acronym `i` of `side`: the same
/// acronym, if `other` has it as often as `side` has so far, or a mention
/// of the same glossary term, counted the same way.
fn counterpart<'c>(side: &Side<'c>, i: usize, other: &Side<'c>) -> Option<&'c str> {
    let (a, span) = &side.acronyms[i];
    let same = |b: &&Acronym| b.0.eq_ignore_ascii_case(a);
    let nth = side.acronyms[..=i].iter().filter(same).count();
    if let Some((b, _)) = other.acronyms.iter().filter(same).nth(nth - 1) {
        return Some(b);
    }
    if let Some(b) = hyphen_part(other.text, a) {
        return Some(b);
    }
    let m = side
        .matches
        .iter()
        .find(|m| m.start < span.end && span.start < m.end)?;
    let nth = mentions(side, m.term)
        .iter()
        .filter(|p| p.start <= m.start)
        .count();
    let o = *mentions(other, m.term).get(nth.checked_sub(1)?)?;
    other.text.get(o.start..o.end)
}

/// Acronym `a` as a hyphenated word's part in `text` (`GWT-Properties`,
/// `ISO-8859-1`): there, but not a word of its own.
fn hyphen_part<'c>(text: &'c str, a: &str) -> Option<&'c str> {
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(a).find_map(|(i, m)| {
        let (before, after) = (
            text[..i].chars().next_back(),
            text[i + m.len()..].chars().next(),
        );
        let whole = !word_char(before) && !word_char(after);
        (whole && (before == Some('-') || after == Some('-'))).then_some(m)
    })
}

/// Reports each link's swapped acronyms (rule `name`, errors).
pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let gl = (!ctx.glossary.terms.is_empty()).then(|| ctx.glossary_matches());
    // A catalogue's strings stand apart: one bracketing a word says
    // nothing of another's (Java, then "ohne JRE" for "Java not included").
    let article = ctx.source.origin.is_none();
    let known = [
        Known::new(
            bracketed_words(ctx.views.iter().map(|v| v.source.text.as_str()), article),
            ctx.source_profile,
        ),
        Known::new(
            bracketed_words(ctx.views.iter().map(|v| v.target.text.as_str()), article),
            ctx.target_profile,
        ),
    ];
    let links: Vec<[Side; 2]> = ctx
        .views
        .iter()
        .enumerate()
        .map(|(l, v)| {
            let (sg, tg) = gl.map_or((&[][..], &[][..]), |g| (&g.source[l][..], &g.target[l][..]));
            [
                Side::new(&v.source.text, sg, &known[0]),
                Side::new(&v.target.text, tg, &known[1]),
            ]
        })
        .collect();
    let doc = DocWords::new(&links);
    // Per target acronym, where it renders what: (link, index, source).
    let mut renders: FxHashMap<&str, Vec<(usize, usize, &str)>> = FxHashMap::default();
    for (k, [src, tgt]) in links.iter().enumerate() {
        for (i, (y, _)) in tgt.acronyms.iter().enumerate() {
            if let Some(z) = counterpart(tgt, i, src) {
                renders.entry(y).or_default().push((k, i, z));
            }
        }
    }
    for (l, [src, tgt]) in links.iter().enumerate() {
        if tgt.acronyms.is_empty() {
            continue;
        }
        // Source acronyms with no rendering in the target, and target
        // acronyms with no source.
        let unrendered: Vec<&Acronym> = (0..src.acronyms.len())
            .filter(|&i| counterpart(src, i, tgt).is_none())
            .map(|i| &src.acronyms[i])
            .collect();
        let new: Vec<usize> = (0..tgt.acronyms.len())
            .filter(|&i| counterpart(tgt, i, src).is_none())
            .collect();
        // New ones the document renders from another source elsewhere.
        let owed: Vec<(&Acronym, &str)> = new
            .iter()
            .filter_map(|&i| {
                let y = &tgt.acronyms[i];
                let elsewhere = renders.get(y.0)?;
                let &(_, _, z) = elsewhere.iter().find(|(k, j, _)| (*k, *j) != (l, i))?;
                // A neighbour holding that source but not the acronym: the
                // alignment may have moved its rendering here.
                let moved = [l.wrapping_sub(1), l + 1].into_iter().any(|n| {
                    links.get(n).is_some_and(|[s, t]| {
                        s.text.contains(z) && !t.acronyms.iter().any(|(b, _)| b == &y.0)
                    })
                });
                (!moved).then_some((y, z))
            })
            .collect();
        let foreign = foreign(ctx, &doc, [src, tgt], &new, &owed, &unrendered);
        // The target's other new acronyms may render the unrendered ones
        // (VSR as RSV); only what is left over went missing.
        let plausible = new.len() - owed.len() - foreign.len();
        let left = unrendered.len().saturating_sub(plausible);
        let mut missing: Vec<&Acronym> = unrendered.iter().take(left).copied().collect();
        let bare = if owed.is_empty() || !article {
            Vec::new()
        } else {
            bare_names(ctx, &links, l)
        };
        for (y, z) in &owed {
            let Some((x, xr)) = stood_in_for(y.0, &mut missing, &bare) else {
                continue;
            };
            let message = format!(
                "acronym '{x}' is missing; '{}' stands in its place, which the translation uses for '{z}' elsewhere",
                y.0
            );
            let y = nearest(tgt, y, src, xr);
            out.push(swap(l, Severity::Error, message, (x, xr), y));
        }
        for ((x, xr), y) in missing.into_iter().zip(foreign) {
            if rendered_nearby(&links, l, x) || in_small_letters(&doc.source, x) {
                continue;
            }
            // Both in brackets after their names: one slot, two acronyms.
            let slot = bracketed(src.text, xr) && bracketed(tgt.text, &y.1);
            let severity = if slot {
                Severity::Error
            } else {
                Severity::Warning
            };
            let message = format!(
                "acronym '{x}' is missing; '{}' stands in its place, which the source never uses",
                y.0
            );
            let y = nearest(tgt, y, src, xr);
            out.push(swap(l, severity, message, (x, xr), y));
        }
    }
}

/// Of the target's occurrences of `y`, the one standing where the missing
/// source acronym stands (by relative position): occurrences are paired in
/// order, so the one left over is not always the stand-in ("(APAH) …
/// the SNS, … the SNS" for "(APAH) … a APAH, … do SNS").
fn nearest<'a, 'c>(
    tgt: &'a Side<'c>,
    y: &'a Acronym<'c>,
    src: &Side<'c>,
    xr: &Range<usize>,
) -> &'a Acronym<'c> {
    let rel = |at: usize, len: usize| at as f64 / len.max(1) as f64;
    let want = rel(xr.start, src.text.len());
    tgt.acronyms
        .iter()
        .filter(|b| b.0 == y.0)
        .min_by(|a, b| {
            let da = (rel(a.1.start, tgt.text.len()) - want).abs();
            let db = (rel(b.1.start, tgt.text.len()) - want).abs();
            da.total_cmp(&db)
        })
        .unwrap_or(y)
}

/// The source acronym an owed target acronym `y` stands in for: an
/// unrendered one written the same way (in capitals, or as a word), else a
/// bare name when `y` is written as a word (Imea for "o Cepea"), else the
/// first unrendered one.
fn stood_in_for<'a, 'c>(
    y: &str,
    missing: &mut Vec<&'a Acronym<'c>>,
    bare: &'a [Acronym<'c>],
) -> Option<&'a Acronym<'c>> {
    let caps = super::name::is_acronym(y);
    let alike = missing
        .iter()
        .position(|x| super::name::is_acronym(x.0) == caps);
    if let Some(i) = alike {
        return Some(missing.remove(i));
    }
    if !caps && let Some(x) = bare.first() {
        return Some(x);
    }
    (!missing.is_empty()).then(|| missing.remove(0))
}

/// The single capitalised words inside link `l`'s source sentence (`o
/// Cepea, da`) that its target and its neighbours' lack, and that the
/// lexicon does not translate: names which an acronym written as a word
/// may have replaced.
fn bare_names<'c>(ctx: &Context, links: &[[Side<'c>; 2]], l: usize) -> Vec<Acronym<'c>> {
    let src = &links[l][0];
    let ws = crate::text::words(src.text);
    let capital = |w: Option<&crate::text::Word>| {
        w.is_some_and(|w| w.text.chars().next().is_some_and(char::is_uppercase))
    };
    let lex = ctx.lexicon.as_deref();
    let kept = |n: usize, w: &str| {
        links.get(n).is_some_and(|[_, t]| {
            word_iter(t.text).any(|t| crate::text::fold(t.text) == crate::text::fold(w))
        })
    };
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let word = w.text.chars().count() >= 3
            && w.text.chars().all(char::is_alphabetic)
            && w.text.chars().skip(1).any(char::is_lowercase)
            && capital(Some(w));
        if !word
            || capital(i.checked_sub(1).and_then(|p| ws.get(p)))
            || capital(ws.get(i + 1))
            || super::name::is_sentence_initial(src.text, w.start, Some(ctx.source_profile))
            || lex.is_some_and(|x| {
                !x.concepts(LexSide::Source, &w.text.to_lowercase())
                    .is_empty()
            })
            || [l.wrapping_sub(1), l, l + 1]
                .into_iter()
                .any(|n| kept(n, w.text))
        {
            continue;
        }
        out.push((w.text, w.start..w.end));
    }
    out
}

/// What a whole document's sides hold: every word as written, and the
/// target acronyms spelt out beside them somewhere ("severe acute
/// respiratory infection (SARI)"), the translation's own wherever used.
struct DocWords<'c> {
    source: FxHashSet<&'c str>,
    target: FxHashSet<&'c str>,
    spelt_out: FxHashSet<&'c str>,
}

impl<'c> DocWords<'c> {
    fn new(links: &[[Side<'c>; 2]]) -> DocWords<'c> {
        let words = |k: usize| -> FxHashSet<&'c str> {
            links
                .iter()
                .flat_map(|side| word_iter(side[k].text).map(|w| w.text))
                .collect()
        };
        let spelt_out = links
            .iter()
            .flat_map(|[_, t]| {
                t.acronyms.iter().filter_map(|(y, r)| {
                    initials_around(t.text, r)
                        .is_some_and(|i| is_subsequence(&letters(y), &i))
                        .then_some(*y)
                })
            })
            .collect();
        DocWords {
            source: words(0),
            target: words(1),
            spelt_out,
        }
    }
}

/// The link's new target acronyms (indices `new`, less the `owed` ones)
/// that the source never uses and that cannot render any `unrendered`
/// source acronym; none where a side writes words in capitals ("AO DEUS
/// DESCONHECIDO", "THE KING OF THE JEWS"), which are no names.
fn foreign<'a, 'c>(
    ctx: &Context,
    doc: &DocWords,
    [src, tgt]: [&'a Side<'c>; 2],
    new: &[usize],
    owed: &[(&Acronym, &str)],
    unrendered: &[&Acronym],
) -> Vec<&'a Acronym<'c>> {
    // A catalogue's interface strings localise acronyms and all-capital
    // labels as a rule (DBMS as SGBD, GDPR as DSGVO, REPLACE as
    // REMPLACER): only an article's acronyms are held to the source's.
    let catalogue = ctx.source.origin.is_some();
    if catalogue || shouting(src, ctx.source_profile) || shouting(tgt, ctx.target_profile) {
        return Vec::new();
    }
    let lex = ctx.lexicon.as_deref();
    new.iter()
        .map(|&i| &tgt.acronyms[i])
        .filter(|y| !owed.iter().any(|(o, _)| o.1 == y.1))
        .filter(|y| {
            !doc.source.contains(y.0)
                && !doc.spelt_out.contains(y.0)
                && !in_small_letters(&doc.target, y.0)
                && !unrendered.iter().any(|x| can_render(x.0, y, tgt.text, lex))
                // A slip of the unrendered one is the name rule's (USGC for USGS).
                && !unrendered.iter().any(|x| super::name::is_slip(x.0, y.0))
        })
        .collect()
}

/// A finding of link `l`: source acronym `x` rendered as target one `y`.
fn swap(
    l: usize,
    severity: Severity,
    message: String,
    (x, xr): (&str, &Range<usize>),
    y: &Acronym,
) -> Finding {
    Finding::new("name", severity, message)
        .link(l)
        .source_span(xr.clone())
        .target_span(y.1.clone())
        .expected(x.to_string())
}

/// Whether one of a side's acronyms is a function word of its language
/// in capitals: the side writes words so, and its capitals are no names.
fn shouting(side: &Side, p: &crate::profile::Profile) -> bool {
    side.acronyms
        .iter()
        .any(|(a, _)| p.words.function_words.contains(&a.to_lowercase()))
}

/// Whether a document also writes acronym `a` in small letters
/// (SENHOR and Senhor, LORD and Lord): a word set in capitals, no name.
fn in_small_letters(words: &FxHashSet<&str>, a: &str) -> bool {
    let mut chars = a.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str().to_lowercase();
    rest != chars.as_str()
        && (words.contains(format!("{first}{rest}").as_str())
            || words.contains(a.to_lowercase().as_str()))
}

/// Whether `span` of `text` stands alone in round brackets.
fn bracketed(text: &str, span: &Range<usize>) -> bool {
    text[..span.start].ends_with('(') && text[span.end..].starts_with(')')
}

/// Whether a neighbouring link's target has acronym `x` verbatim: the
/// alignment may have moved its rendering there.
fn rendered_nearby(links: &[[Side; 2]], l: usize, x: &str) -> bool {
    [l.wrapping_sub(1), l + 1].into_iter().any(|n| {
        links
            .get(n)
            .is_some_and(|[_, t]| t.acronyms.iter().any(|(b, _)| *b == x))
    })
}

/// The letters of an acronym, upper case, without accents' marks kept
/// apart (`Opas` → `OPAS`).
fn letters(a: &str) -> Vec<char> {
    crate::text::fold(a)
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether target acronym `y` may be source acronym `x` translated: two
/// letters, its letters all among `x`'s (ONU → UN, OTAN → NATO), the initials of the
/// capitalised target words around it (Federal Police (FP)), or a word of
/// the lexicon, which then renders `x` or is no name (LORD for SENHOR).
fn can_render(x: &str, y: &Acronym, text: &str, lex: Option<&Lexicon>) -> bool {
    let (xl, yl) = (letters(x), letters(y.0));
    // Two letters say too little (US, UK, EU, AI): any may be a translation.
    if yl.len() < 3 || yl.iter().all(|c| xl.contains(c)) || is_format(x) || is_format(y.0) {
        return true;
    }
    if lex.is_some_and(|lex| !lex.concepts(LexSide::Target, y.0).is_empty()) {
        return true;
    }
    initials_around(text, &y.1).is_some_and(|i| is_subsequence(&yl, &i))
}

/// The initials, upper case, of the words and their hyphenated parts
/// among the six either side of `span` in `text`, in order ("value-added
/// tax (VAT)": V, A, T); `None` when there are none.
fn initials_around(text: &str, span: &Range<usize>) -> Option<Vec<char>> {
    let initials = |w: &str| -> Vec<char> {
        w.split(['-', '‐'])
            .filter_map(|part| part.chars().next())
            .flat_map(|c| letters(&c.to_string()))
            .collect()
    };
    let before = crate::text::words(&text[..span.start]);
    let near = before.len().saturating_sub(6);
    let mut all: Vec<char> = before[near..]
        .iter()
        .flat_map(|w| initials(w.text))
        .collect();
    all.extend(
        word_iter(&text[span.end..])
            .take(6)
            .flat_map(|w| initials(w.text)),
    );
    (!all.is_empty()).then_some(all)
}

/// Whether every letter of `a` stands in a run of one letter (`YYYY-MM-DD`,
/// `AAAAMMDD`): a date or number format, which catalogues translate.
fn is_format(a: &str) -> bool {
    let c: Vec<char> = a.chars().filter(|c| c.is_alphabetic()).collect();
    (0..c.len()).all(|i| (i > 0 && c[i - 1] == c[i]) || c.get(i + 1) == Some(&c[i]))
}

/// Whether `a` is `b` with letters left out.
fn is_subsequence(a: &[char], b: &[char]) -> bool {
    let mut rest = b.iter();
    a.iter().all(|c| rest.any(|d| d == c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    fn run(pairs: &[(&[&str], &[&str])]) -> Vec<Finding> {
        let f = Fixture::links(pairs);
        let mut out = Vec::new();
        check(&f.ctx(), &mut out);
        out
    }

    const REGULATOR: (&[&str], &[&str]) = (
        &["A CVM arquivou o processo."],
        &["The CVM closed the case."],
    );

    #[test]
    fn an_acronym_the_document_gives_to_another_is_a_swap() {
        let found = run(&[
            (
                &["A empresa captou R$ 2 bilhões com o BNDES."],
                &["The company raised R$2 billion from the CVM."],
            ),
            REGULATOR,
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("'BNDES'"));
        assert_eq!(found[0].link, Some(0));
    }

    #[test]
    fn a_swap_points_at_the_occurrence_standing_where_the_missing_one_stood() {
        let t = "According to the SNS, one in five doctors in the SNS is over 60.";
        let found = run(&[(
            &["Segundo a APAH, um em cada cinco médicos do SNS tem mais de 60 anos."],
            &[t],
        )]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("'APAH'"), "{found:?}");
        assert_eq!(found[0].target_span, Some(17..20), "{found:?}");
        assert_eq!(&t[17..20], "SNS");
    }

    #[test]
    fn a_currency_code_is_no_stand_in() {
        // BRL renders R$; the dropped PF is no swap for it.
        let found = run(&[(
            &["A PF apreendeu R$ 3 milhões em joias."],
            &["The Federal Police seized BRL 3 million in jewelry."],
        )]);
        assert!(found.is_empty(), "{found:?}");
        // A real stand-in beside the code is still one.
        let found = run(&[(
            &["A PF apreendeu R$ 3 milhões em joias."],
            &["The PRF seized BRL 3 million in jewelry."],
        )]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("'PRF'"), "{found:?}");
    }

    #[test]
    fn an_acronym_as_part_of_a_hyphenated_word_is_there() {
        let f = run(&[
            (
                &["GWT properties (ISO-8859-1)"],
                &["GWT-Properties (ISO 8859-1)"],
            ),
            (
                &["Simple CSV file (ISO-8859-1)"],
                &["Einfache CSV-Datei (ISO 8859-1)"],
            ),
            (&["ISO standard"], &["ISO-Norm"]),
            (
                &["The ISO body met."],
                &["Das ISO-Gremium und die ISO tagten."],
            ),
        ]);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_bracketed_name_counts_as_an_acronym() {
        let found = run(&[
            (&["O INE revelou os dados."], &["INE released the data."]),
            (
                &["A Opas alertou (Opas)."],
                &["The health body warned (INE)."],
            ),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("'Opas'"), "{found:?}");
    }

    #[test]
    fn a_glossary_rendering_is_the_acronym_rendered() {
        let mut f = Fixture::links(&[
            (
                &["A OMS recomenda a vacina."],
                &["The WHO recommends the vaccine."],
            ),
            (
                &[
                    "A Organização Pan-Americana da Saúde (Opas) alertou para o vírus sincicial respiratório (VSR).",
                ],
                &[
                    "The Pan American Health Organization (WHO) warned of respiratory syncytial virus (RSV).",
                ],
            ),
        ]);
        f.glossary = crate::glossary::Glossary::from_terms(vec![crate::glossary::Term {
            source: smallvec::smallvec!["OMS".into()],
            targets: smallvec::smallvec!["WHO".into()],
            ..Default::default()
        }]);
        let mut found = Vec::new();
        check(&f.ctx(), &mut found);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("'Opas'"), "{found:?}");
        assert!(found[0].message.contains("for 'OMS'"), "{found:?}");
        // Without the glossary nothing says WHO is the OMS's: no finding.
        assert!(
            run(&[
                (
                    &["A OMS recomenda a vacina."],
                    &["The WHO recommends the vaccine."]
                ),
                (
                    &["A Opas alertou (Opas)."],
                    &["The health body warned (WHO)."]
                ),
            ])
            .is_empty()
        );
    }

    #[test]
    fn a_swap_inside_a_merged_link_is_counted() {
        let mut f = Fixture::links(&[(
            &["A OMS recomenda a vacina.", "A Opas alertou (Opas)."],
            &[
                "The World Health Organization (WHO) recommends the vaccine.",
                "The health body warned (WHO).",
            ],
        )]);
        f.glossary = crate::glossary::Glossary::from_terms(vec![crate::glossary::Term {
            source: smallvec::smallvec!["OMS".into()],
            targets: smallvec::smallvec!["WHO".into(), "World Health Organization".into()],
            ..Default::default()
        }]);
        let mut found = Vec::new();
        check(&f.ctx(), &mut found);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("'Opas'"), "{found:?}");
    }

    #[test]
    fn a_translated_acronym_beside_a_borrowed_one_is_no_swap() {
        // PIB is GDP; US is the document's rendering of EUA.
        let found = run(&[
            (&["Os EUA cresceram."], &["The US grew."]),
            (&["O PIB dos Estados Unidos subiu."], &["US GDP rose."]),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_kept_or_spelt_out_acronym_is_no_swap() {
        assert!(
            run(&[
                (&["O BNDES e a CVM."], &["The BNDES and the CVM."]),
                REGULATOR
            ])
            .is_empty()
        );
        // Dropped, with nothing standing in its place.
        let dropped = (
            &["A empresa captou R$ 2 bilhões com o BNDES."][..],
            &["The company raised R$2 billion from the development bank."][..],
        );
        assert!(run(&[dropped, REGULATOR]).is_empty());
    }

    #[test]
    fn a_rendering_the_aligner_may_have_moved_is_no_swap() {
        // The CVM sentence's target holds nothing: its CVM may be the one here.
        let found = run(&[
            (&["A CVM arquivou o processo."], &["The case was closed."]),
            (&["O BNDES aprovou."], &["The CVM approved."]),
            REGULATOR,
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_shouted_headline_has_no_acronyms() {
        let none = Known {
            words: FxHashSet::default(),
            currencies: FxHashSet::default(),
        };
        assert!(acronyms("PREÇO DAS CASAS SOBE EM LISBOA", &none).is_empty());
        let a: Vec<&str> = acronyms("O INE e o (Cemaden) e o F-35 de 2,4 GB", &none)
            .iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(a, ["INE", "Cemaden"]);
    }
    fn one(s: &str, t: &str) -> Vec<Finding> {
        run(&[(&[s], &[t])])
    }

    #[test]
    fn a_bracketed_acronym_the_source_never_uses_is_a_swap() {
        for (s, t, x) in [
            (
                "O deputado do Partido Socialismo e Liberdade (PSOL) votou contra.",
                "The Socialism and Liberty Party (PSDB) deputy voted against.",
                "'PSOL'",
            ),
            (
                "Segundo a Fundação Oswaldo Cruz (Fiocruz), o vírus circula.",
                "According to the Oswaldo Cruz Foundation (Butantan), the virus circulates.",
                "'Fiocruz'",
            ),
        ] {
            let f = one(s, t);
            assert_eq!(f.len(), 1, "{t}: {f:?}");
            assert_eq!(f[0].severity, Severity::Error, "{f:?}");
            assert!(f[0].message.contains(x), "{f:?}");
            assert!(f[0].message.contains("never uses"), "{f:?}");
        }
    }

    #[test]
    fn a_foreign_acronym_outside_brackets_is_a_warning() {
        let f = one(
            "Ele estudou no ISEG, em Lisboa.",
            "He studied at ISCTE in Lisbon.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning, "{f:?}");
        assert!(f[0].message.contains("'ISEG'"), "{f:?}");
    }

    #[test]
    fn a_translated_acronym_is_no_foreign_one() {
        for (s, t) in [
            (
                "A ONU aprovou a resolução.",
                "The UN approved the resolution.",
            ),
            ("A OTAN reuniu-se.", "NATO met."),
            ("O FMI reviu as contas.", "The IMF revised the accounts."),
            ("O PIB cresceu.", "GDP grew."),
            ("A ONG protestou.", "The NGO protested."),
            (
                "A Polícia Federal (PF) prendeu dois.",
                "The Federal Police (FP) arrested two.",
            ),
            (
                "A Polícia Federal (PF) prendeu dois.",
                "The Federal Police arrested two.",
            ),
            (
                "O Ministério Público Federal (MPF) recorreu.",
                "The Federal Prosecution Service (FPS) appealed.",
            ),
            (
                "O imposto sobre valor agregado (IVA) subiu.",
                "The value-added tax (VAT) rose.",
            ),
            (
                "A data segue o formato AAAA-MM-DD.",
                "The date follows the YYYY-MM-DD format.",
            ),
        ] {
            let f = one(s, t);
            assert!(f.is_empty(), "{s} / {t}: {f:?}");
        }
    }

    #[test]
    fn a_foreign_acronym_the_source_has_elsewhere_or_a_neighbour_renders_passes() {
        // The source names the PSDB further on: the alignment may have moved it.
        assert!(
            run(&[
                (&["O PSOL votou contra."], &["The PSDB voted against."]),
                (&["O PSDB também."], &["So did the party."]),
            ])
            .is_empty()
        );
        assert!(
            run(&[
                (&["O PSOL votou contra."], &["The PSDB voted against."]),
                (&["Outro partido também."], &["The PSOL did too."]),
            ])
            .is_empty()
        );
    }

    #[test]
    fn capitals_with_dots_are_one_acronym_definition() {
        assert!(super::super::name::is_acronym("U.S."));
        assert!(super::super::name::is_acronym("HP-UX"));
        assert!(!super::super::name::is_acronym("F-35"));
        assert!(!super::super::name::is_acronym("Opas"));
    }
    #[test]
    fn a_word_the_document_also_writes_in_small_letters_is_no_acronym() {
        let f = run(&[
            (&["O Senhor falou."], &["The Lord spoke."]),
            (&["Assim diz o SENHOR."], &["Thus says the LORD."]),
        ]);
        assert!(f.is_empty(), "{f:?}");
        // Without the plain spelling elsewhere, LORD is read as a name.
        assert_eq!(one("Assim diz o SENHOR.", "Thus says the LORD.").len(), 1);
    }

    #[test]
    fn an_acronym_the_translation_spells_out_elsewhere_is_its_own() {
        let f = run(&[
            (
                &["Os casos de síndrome respiratória aguda grave (SRAG) subiram."],
                &["Cases of severe acute respiratory infection (SARI) rose."],
            ),
            (
                &["Morreram 412 pessoas por SRAG."],
                &["412 people died of SARI."],
            ),
        ]);
        assert!(f.is_empty(), "{f:?}");
        assert!(is_format("YYYY-MM-DD") && is_format("AAAMMDD"));
        assert!(!is_format("ISCTE") && !is_format("NAACP"));
    }

    #[test]
    fn a_word_bracketed_elsewhere_is_an_acronym_everywhere() {
        // The source brackets Embrapa once; later it is bare, and the target
        // gives it as the acronym the article uses for another body.
        fn doc(t: &str) -> Vec<Finding> {
            let last = [t];
            run(&[
                (
                    &[
                        "A Empresa Brasileira de Pesquisa Agropecuária (Embrapa) e o INPE assinaram.",
                    ],
                    &["The Brazilian Agricultural Research Corporation (Embrapa) and INPE signed."],
                ),
                (&["O INPE mediu a área."], &["INPE measured the area."]),
                (&["A área cresceu, segundo cálculos da Embrapa."], &last),
            ])
        }
        let f = doc("The area grew, according to INPE calculations.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("'Embrapa'"), "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert!(doc("The area grew, according to Embrapa calculations.").is_empty());
    }

    #[test]
    fn a_bare_name_replaced_by_a_word_acronym_of_the_article_is_a_swap() {
        let found = run(&[
            (
                &["O preço subiu, segundo o Cepea, em Piracicaba."],
                &["The price rose, according to Imea, in Piracicaba."],
            ),
            (
                &["A colheita avançou, diz o Instituto de Economia (Imea)."],
                &["The harvest advanced, says the Institute of Economics (Imea)."],
            ),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("'Cepea'"), "{found:?}");
        // Kept, or translated by the lexicon: no finding.
        assert!(
            run(&[
                (
                    &["O preço subiu, segundo o Cepea, em Piracicaba."],
                    &["The price rose, according to Cepea, in Piracicaba."],
                ),
                (
                    &["A colheita avançou, diz o Instituto de Economia (Imea)."],
                    &["The harvest advanced, says the Institute of Economics (Imea)."],
                ),
            ])
            .is_empty()
        );
    }

    #[test]
    fn words_in_capitals_are_no_foreign_acronyms() {
        for (s, t) in [
            (
                "Estava escrito: O REI DOS JUDEUS.",
                "It was written: THE KING OF THE JEWS.",
            ),
            (
                "Estava escrito: AO DEUS DESCONHECIDO.",
                "It was written: TO AN UNKNOWN GOD.",
            ),
        ] {
            let f = one(s, t);
            assert!(f.is_empty(), "{t}: {f:?}");
        }
    }
}
