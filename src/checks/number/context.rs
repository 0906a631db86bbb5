//! What the words around a number say: a unit after it, a hedge before it,
//! a bracket around it, a version name, a noun it qualifies.

use super::is_numeric;
use crate::numbers::{NumberKind, NumberMention};
use crate::profile::Profile;

/// Whether the next thing after `offset` is a lower-case word that is not a
/// function word (a noun or adjective the number qualifies).
pub(super) fn before_noun(text: &str, offset: usize, p: &Profile) -> bool {
    let rest = text.get(offset..).unwrap_or("");
    if !rest.starts_with(' ') {
        return false;
    }
    let Some(w) = crate::text::words(rest).into_iter().next() else {
        return false;
    };
    if !rest[..w.start].trim().is_empty() {
        return false;
    }
    let lower = w.text.to_lowercase();
    w.text.chars().next().is_some_and(char::is_lowercase)
        && !p.words.function_words.contains(&lower)
}

/// A dotted number that is a version: right after a capitalised name that
/// is not sentence-initial ("Sphinx 5.1", "Python 3.0") or one of the
/// profile's version words ("versão 2.0"), or in a text that also has a
/// dotted triple ("2.5 or 3.0 … 2.5.1").
pub(super) fn version_context(text: &str, start: usize, p: &Profile) -> bool {
    static TRIPLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b\d+\.\d{1,2}\.\d{1,2}\b").expect("valid version regex")
    });
    static VERSION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\d+\.\d{1,2}").expect("valid version regex")
    });
    let here = text.get(start..).unwrap_or("");
    let Some(m) = VERSION.find(here) else {
        return false;
    };
    let mut rest = here[m.end()..].chars();
    let next = rest.next();
    let more_digits = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    if more_digits(next)
        || next == Some('%')
        || (matches!(next, Some('.' | ',')) && more_digits(rest.next()))
    {
        return false;
    }
    if TRIPLE.is_match(text) {
        return true;
    }
    let before = text.get(..start).unwrap_or("");
    // "HTTP/1.1", "2.1/2.2": a number slashed to a name or a version.
    if let Some(head) = before.strip_suffix('/') {
        return head.chars().next_back().is_some_and(char::is_alphanumeric);
    }
    let before = before.trim_end();
    if let Some(prev) = joined_number(before, p) {
        return version_context(text, prev, p);
    }
    // "§9.4" is a section; "q=0.8" a parameter's value.
    if before.ends_with(['§', '=']) {
        return true;
    }
    // "Visual C++ 6.0", "C# 7.3": a language's name ends in signs.
    if let Some(head) = before
        .strip_suffix("++")
        .or_else(|| before.strip_suffix('#'))
    {
        return crate::text::last_word(head)
            .is_some_and(|w| w.end == head.len() && w.text.starts_with(char::is_uppercase));
    }
    match crate::text::last_word(before) {
        Some(w) if w.end == before.len() => {
            named_version(before, &w, p) || dotted_name(&before[..w.start])
        }
        _ => false,
    }
}

/// Whether the word after `head` ends a dotted product name that starts
/// with a capital (`OpenOffice.org 1.1`, `Node.js 18.2`).
fn dotted_name(head: &str) -> bool {
    let Some(h) = head.strip_suffix('.') else {
        return false;
    };
    let token = h.rsplit(char::is_whitespace).next().unwrap_or("");
    token.starts_with(char::is_uppercase)
        && token.chars().any(char::is_lowercase)
        && token.chars().all(|c| c.is_alphanumeric() || c == '.')
}

/// Whether word `w`, which `before` ends with, names what the number after
/// it is the version or label of.
fn named_version(before: &str, w: &crate::text::Word, p: &Profile) -> bool {
    let lower = w.text.to_lowercase();
    if p.numbers.version_words.contains(&lower) || p.numbers.label_words.contains(&lower) {
        return true;
    }
    let (start, text) = without_elision(w);
    let upper = |c: char| c.is_uppercase();
    text.chars().next().is_some_and(upper)
        && text.chars().any(char::is_lowercase)
        && (start != w.start || !crate::checks::name::is_sentence_initial(before, start, None))
        // "APR 1.0", "XHTML 1.0", "HP-UX 10.20": an acronym names a product.
        || text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && text.chars().all(|c| upper(c) || c.is_ascii_digit() || c == '-')
}

/// Word `w` without an elided article before an apostrophe ("d'Apache",
/// "dell'Apache"), which is no part of a name, and where the rest starts.
fn without_elision<'a>(w: &crate::text::Word<'a>) -> (usize, &'a str) {
    match w.text.rfind(['\'', '’']) {
        Some(i) => {
            let after = &w.text[i..];
            let skip = after.chars().next().map_or(0, char::len_utf8);
            (w.start + i + skip, &after[skip..])
        }
        None => (w.start, w.text),
    }
}

/// "Apache 2.4 est …" for "Apache 2.4 is …": a capitalised word that the
/// source also writes right before the same number names what it numbers,
/// even at a sentence start.
pub(super) fn named_alike(src: &str, tgt: &str, t: &NumberMention) -> bool {
    let before = tgt.get(..t.start).unwrap_or("").trim_end();
    // "${wcag} 2.1": a masked placeholder both sides write before it.
    if before.ends_with('_') {
        return src.match_indices(t.raw.as_str()).any(|(at, _)| {
            let after = src[at + t.raw.len()..].chars().next();
            src[..at].trim_end().ends_with('_') && !after.is_some_and(|c| c.is_ascii_digit())
        });
    }
    let Some(w) = crate::text::last_word(before) else {
        return false;
    };
    let (_, name) = without_elision(&w);
    // One capital letter is an item's label ("item A 2.5"), not a name.
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if w.end != before.len() || !name.starts_with(char::is_uppercase) || letters < 2 {
        return false;
    }
    src.match_indices(t.raw.as_str()).any(|(at, _)| {
        let head = src[..at].trim_end();
        let after = src[at + t.raw.len()..].chars().next();
        head.strip_suffix(name)
            .is_some_and(|h| !h.ends_with(char::is_alphanumeric))
            && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// Start of the number that `before` ends with after a comma or one
/// function word ("1.3 e 2.0", "2.0, 2.2"): a version keeps its neighbours
/// in a list versions.
fn joined_number(before: &str, p: &Profile) -> Option<usize> {
    let rest = if let Some(r) = before.strip_suffix(',') {
        r
    } else {
        let w = crate::text::words(before).pop()?;
        let lower = w.text.to_lowercase();
        if w.end != before.len() || !p.words.function_words.contains(&lower) {
            return None;
        }
        &before[..w.start]
    };
    let rest = rest.trim_end();
    let digits = rest
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    let token = &rest[digits..];
    let starts_clean = rest[..digits]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    (token.contains('.') && token.starts_with(|c: char| c.is_ascii_digit()) && starts_clean)
        .then_some(digits)
}

/// Whether target mention `j` is a bracketed conversion of the mention
/// just before it: another currency ("R$ 5 bilhões" → "5 billion reais
/// (about $1 billion)") or another unit ("38 °C (100.4 °F)"), the bracket
/// holding nothing else but a hedge word or two.
pub(super) fn conversion_gloss(ms: &[NumberMention], j: usize, text: &str, p: &Profile) -> bool {
    let (Some(prev), Some(t)) = (j.checked_sub(1).and_then(|p| ms.get(p)), ms.get(j)) else {
        return false;
    };
    let Some(gap) = text.get(prev.end..t.start) else {
        return false;
    };
    let Some(open) = gap.find('(') else {
        return false;
    };
    let (unit_before, hedge) = (
        gap.get(..open).unwrap_or(""),
        gap.get(open + 1..).unwrap_or(""),
    );
    let rest = text.get(t.end..).unwrap_or("");
    let Some(close) = rest.find(')') else {
        return false;
    };
    let unit_after = rest.get(..close).unwrap_or("");
    let clean = |s: &str, max_words: usize| {
        !s.chars()
            .any(|c| c.is_ascii_digit() || "()[];.".contains(c))
            && s.split_whitespace().count() <= max_words
    };
    if !clean(unit_before, 2) || !clean(hedge, 3) || !clean(unit_after, 2) {
        return false;
    }
    // Two units of the profile: the bracket must hold the converted value.
    if let Some(fits) = converted_fits(prev, t, text, p) {
        return fits;
    }
    match (&prev.kind, &t.kind) {
        (NumberKind::Currency(a), NumberKind::Currency(b)) => a != b,
        (a, b) if is_numeric(a) && is_numeric(b) => {
            let (u1, u2) = (unit_before.trim(), unit_after.trim());
            !u1.is_empty() && !u2.is_empty() && u1 != u2
        }
        _ => false,
    }
}

/// Whether `t` is `prev` converted to another unit of its dimension, as a
/// translator rounds it: to its last written digit or within 3% ("23 kg
/// (50 pounds)"); `None` when either has no unit of the profile. Money is
/// left out: exchange rates move.
fn converted_fits(
    prev: &NumberMention,
    t: &NumberMention,
    text: &str,
    p: &Profile,
) -> Option<bool> {
    if matches!(prev.kind, NumberKind::Currency(_)) {
        return None;
    }
    let (a, _) = unit_after(text, prev, p)?;
    let (b, _) = unit_after(text, t, p)?;
    if a == b || a.dimension != b.dimension || b.factor == 0.0 {
        return None;
    }
    let exact = (in_base(prev.value, a) - b.offset) / b.factor;
    let decimals = t.raw.split_once('.').map_or(0, |(_, d)| {
        d.chars().take_while(char::is_ascii_digit).count()
    });
    let step = 0.5 * 10f64.powi(-(decimals as i32));
    Some((exact - t.value).abs() <= step.max(0.03 * exact.abs()) + 1e-9)
}

/// Whether the fraction at `offset` hangs on a number by a joiner and an
/// optional article ("nine and a half").
pub(super) fn joined_fraction(text: &str, offset: usize, p: &Profile) -> bool {
    let before = text.get(..offset).unwrap_or("");
    let mut words = before.split_whitespace().rev().map(str::to_lowercase);
    let is = |w: &Option<String>, list: &[String]| {
        w.as_ref()
            .is_some_and(|w| list.iter().any(|x| x.to_lowercase() == *w))
    };
    let mut w = words.next();
    if is(&w, &p.numbers.articles) {
        w = words.next();
    }
    is(&w, &p.numbers.joiners)
}

/// Whether a hedge ("cerca de", "nearly", optionally followed by an
/// article) stands right before `offset`.
pub(super) fn hedged(text: &str, offset: usize, p: &Profile) -> bool {
    let before = text.get(..offset).unwrap_or("").to_lowercase();
    let mut before = before.trim_end();
    for a in &p.numbers.articles {
        if let Some(b) = before.strip_suffix(a.to_lowercase().as_str())
            && b.ends_with(char::is_whitespace)
        {
            before = b.trim_end();
            break;
        }
    }
    p.numbers.approximators.iter().any(|h| {
        before
            .strip_suffix(h.to_lowercase().as_str())
            .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

/// Whether a copyright notice's words (`Copyright`, `©`, the profile's
/// `copyright_words`) stand right before the year at `offset`, past other
/// years of the notice (`© 2010–2023`).
pub(super) fn in_copyright_notice(text: &str, offset: usize, p: &Profile) -> bool {
    let before = text.get(..offset).unwrap_or("").to_lowercase();
    let before = before.trim_end_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, ',' | '-' | '–')
    });
    p.numbers.copyright_words.iter().any(|w| {
        before.strip_suffix(w.as_str()).is_some_and(|b| {
            !w.starts_with(char::is_alphanumeric) || !b.ends_with(char::is_alphanumeric)
        })
    })
}

/// Whether `m` is a page reference: whole digits (`26`, not the `1,7` of
/// "páginas 1,7 vez mais rápido") right after one of the profile's
/// `page_words` (`page`, `p.`).
pub(super) fn page_reference(text: &str, m: &NumberMention, p: &Profile) -> bool {
    !m.words
        && m.raw.trim().chars().all(|c| c.is_ascii_digit())
        && after_page_word(text, m.start, p)
}

fn after_page_word(text: &str, offset: usize, p: &Profile) -> bool {
    let before = text.get(..offset).unwrap_or("").trim_end().to_lowercase();
    p.numbers.page_words.iter().any(|w| {
        before
            .strip_suffix(w.as_str())
            .is_some_and(|b| b.is_empty() || !b.ends_with(char::is_alphanumeric))
    })
}

/// Whether the number at `start..end` is a literal shown as written: held
/// tight in quotation marks (`“1.5”`) or alone in an inline element
/// (`<code>0.5</code>`), as an example of what a program reads.
pub(super) fn shown_literal(text: &str, start: usize, end: usize) -> bool {
    const MARKS: [char; 10] = ['"', '\'', '“', '”', '„', '‘', '’', '«', '»', '`'];
    let before = text.get(..start).and_then(|b| b.chars().next_back());
    let after = text.get(end..).unwrap_or("");
    (before.is_some_and(|c| MARKS.contains(&c)) && after.starts_with(MARKS))
        || (before == Some('>') && after.starts_with("</"))
        // An inline element as the bilingual readers mask it.
        || (before == Some('_') && after.starts_with('_'))
}

/// The space-free token around `start..end` when it is a data string, not
/// prose: three runs of digits or more, two of them joined by `:`, `;`,
/// `=` or `|` (`1234:0.123,4567:0.456`, `w=0.5;h=0.25`).
pub(super) fn data_token(text: &str, start: usize, end: usize) -> Option<&str> {
    let from = text
        .get(..start)?
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let to = text
        .get(end..)?
        .find(char::is_whitespace)
        .map_or(text.len(), |i| end + i);
    let token = text
        .get(from..to)?
        .trim_end_matches(['.', ',', ';', ':', ')'])
        .trim_start_matches([':', '(']);
    let b = token.as_bytes();
    let joined = b
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && b":;=|".contains(&w[1]) && w[2].is_ascii_digit());
    let runs = b
        .iter()
        .zip(std::iter::once(&b' ').chain(b.iter()))
        .filter(|(c, prev)| c.is_ascii_digit() && !prev.is_ascii_digit())
        .count();
    (joined && runs >= 3).then_some(token)
}

/// Whether the word right after `offset` is one of `words` (any case).
pub(super) fn word_after(text: &str, offset: usize, words: &[String]) -> bool {
    let rest = text.get(offset..).unwrap_or("").trim_start();
    let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    !w.is_empty() && words.iter().any(|x| x.to_lowercase() == w.to_lowercase())
}

/// Whether `offset` is inside an open round bracket.
pub(super) fn in_brackets(text: &str, offset: usize) -> bool {
    let before = text.get(..offset).unwrap_or("");
    match (before.rfind('('), before.rfind(')')) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The profile's unit of measure written after a number, with the text
/// that names it: one word or several ("GB", "km/h", "square miles",
/// "metros quadrados"); after a scale word a joiner may come first ("1,2
/// milhão de toneladas"). An amount ending in a currency word that is also
/// a unit ("1.2 million pounds") is a quantity in that unit.
pub(super) fn unit_after<'p, 't>(
    text: &'t str,
    m: &NumberMention,
    p: &'p Profile,
) -> Option<(&'p crate::profile::Unit, &'t str)> {
    let from = match m.kind {
        // "meia hora": a fraction of a unit.
        NumberKind::Plain | NumberKind::Fraction => m.end,
        NumberKind::Currency(_) => {
            let raw = text.get(m.start..m.end)?;
            let word = raw.trim_end_matches(is_unit_char);
            if word.len() == raw.len() {
                return None;
            }
            m.start + word.len()
        }
        _ => return None,
    };
    let mut rest = text.get(from..)?;
    // "a 13-litre cylinder": a compound adjective joins the unit on.
    if m.kind == NumberKind::Plain
        && let Some(r) = rest.strip_prefix(['-', '‐'])
        && r.starts_with(char::is_alphabetic)
    {
        rest = r;
    }
    rest = rest.trim_start_matches(is_space);
    if m.scale.is_some() && m.kind == NumberKind::Plain {
        rest = skip_joiner(rest, &p.numbers.unit_joiners);
    }
    if m.kind == NumberKind::Fraction {
        // "half a year", "half an hour"
        rest = skip_joiner(rest, &p.numbers.articles);
    }
    let words = unit_words(rest);
    let first = &words.first()?.0;
    let (n, unit) = leading_unit(&words, p)?;
    let end = words[n - 1].1;
    if n == 1 && p.words.function_words.contains(first) && !bare_abbreviation(text, rest, end) {
        return None;
    }
    // An amount's unit is its own last word, not a word after it.
    if !matches!(m.kind, NumberKind::Plain | NumberKind::Fraction)
        && text.len() - rest.len() + end != m.end
    {
        return None;
    }
    Some((unit, &rest[..end]))
}

/// The longest unit of the profile that `words` start with, and how many
/// words it takes ("metros quadrados" before "metros").
pub(super) fn leading_unit<'p>(
    words: &[(String, usize)],
    p: &'p Profile,
) -> Option<(usize, &'p crate::profile::Unit)> {
    let first = &words.first()?.0;
    p.numbers
        .units
        .iter()
        .filter_map(|(key, u)| {
            // Most units differ in their first word: ruled out before the
            // key's words are counted (a byte test first: a key whose first
            // word is `first` starts with it).
            if !key.trim_start().starts_with(first.as_str())
                || key.split_whitespace().next() != Some(first.as_str())
            {
                return None;
            }
            let n = key.split_whitespace().count();
            let same =
                n <= words.len() && key.split_whitespace().zip(words).all(|(k, (w, _))| k == w);
            same.then_some((n, u))
        })
        .max_by_key(|(n, _)| *n)
}

/// "6ft 1in", "5 in.": a unit that is also a function word ("in") is one
/// only glued to its number or with no word after it ("17 in five
/// capitals" is no length).
fn bare_abbreviation(text: &str, rest: &str, end: usize) -> bool {
    let glued = text.len() - rest.len() > 0 && !text[..text.len() - rest.len()].ends_with(is_space);
    let next = rest[end..].trim_start_matches(is_space).chars().next();
    glued || !next.is_some_and(char::is_alphanumeric)
}

pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

fn is_unit_char(c: char) -> bool {
    c.is_alphanumeric() || "°²³/".contains(c)
}

/// `rest` after a leading joiner word ("de", "of", or "d’" glued on).
fn skip_joiner<'t>(rest: &'t str, joiners: &[String]) -> &'t str {
    for j in joiners {
        let Some(head) = rest.get(..j.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(j) {
            continue;
        }
        let after = &rest[j.len()..];
        if j.ends_with(['’', '\'']) {
            return after;
        }
        if after.starts_with(is_space) {
            return after.trim_start_matches(is_space);
        }
    }
    rest
}

/// The first few words of `rest` (lower case), each with its end offset,
/// while only spaces separate them.
pub(super) fn unit_words(rest: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while out.len() < 4 {
        let s = &rest[at..];
        let len: usize = s
            .chars()
            .take_while(|&c| is_unit_char(c))
            .map(char::len_utf8)
            .sum();
        if len == 0 {
            break;
        }
        out.push((s[..len].to_lowercase(), at + len));
        let gap: usize = s[len..]
            .chars()
            .take_while(|&c| is_space(c))
            .map(char::len_utf8)
            .sum();
        if gap == 0 {
            break;
        }
        at += len + gap;
    }
    out
}

pub(super) fn in_base(v: f64, u: &crate::profile::Unit) -> f64 {
    v * u.factor + u.offset
}

/// Equal up to the rounding of a conversion.
pub(super) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.03 * a.abs().max(b.abs()) + 1e-9
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::data_token;

    #[test]
    fn a_data_string_is_its_space_free_token() {
        let t = "e.g: 1234:0.123,4567:0.456.";
        let at = t.rfind("0.456").unwrap();
        assert_eq!(data_token(t, at, at + 5), Some("1234:0.123,4567:0.456"));
        let t = "exemple :1234:0.123,4567:0.456";
        let at = t.rfind("0.456").unwrap();
        assert_eq!(data_token(t, at, at + 5), Some("1234:0.123,4567:0.456"));
        let t = "Ratio 3:2 at 0.5 each";
        let at = t.find("0.5").unwrap();
        assert_eq!(data_token(t, at, at + 3), None);
    }

    #[test]
    fn versions_compare_as_strings() {
        let f = errors(
            "A versão 2.4.1 corrige falhas.",
            "Version 2.1.4 fixes bugs.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("version"), "{}", f[0].message);
        assert_eq!(f[0].suggestion.as_deref(), Some("2.4.1"));
        assert!(
            errors(
                "A versão 2.4.1 corrige falhas.",
                "Version 2.4.1 fixes bugs."
            )
            .is_empty()
        );
        // Thousands groups are still numbers.
        assert!(errors("São 1.693.673 vagas.", "There are 1,693,673 jobs.").is_empty());
    }

    #[test]
    fn a_number_after_a_version_word_is_a_version() {
        let f = crate::checks::testutil::Fixture::with_langs(
            "en",
            "pt",
            &[(
                &["Before version 2.0 it was slower."],
                &["Antes da versão 2.0 era mais lento."],
            )],
        )
        .run(&super::super::NumberCheck);
        assert!(f.is_empty(), "{f:#?}");
        // Without the version word it is a decimal in the wrong convention.
        let f = crate::checks::testutil::Fixture::with_langs(
            "en",
            "pt",
            &[(&["It grew 2.5 times."], &["Cresceu 2.5 vezes."])],
        )
        .run(&super::super::NumberCheck);
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn a_unit_joined_by_a_hyphen_is_the_numbers_unit() {
        let f = errors(
            "Uma garrafa de butano de 13 kg custa 31 euros.",
            "A 13-litre butane cylinder costs €31.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("unit changed"), "{}", f[0].message);
        assert!(
            errors(
                "Uma garrafa de butano de 13 kg custa 31 euros.",
                "A 13-kg butane cylinder costs €31.",
            )
            .is_empty()
        );
        // A range or a score keeps its second number.
        assert!(errors("Venceu por 3 a 1.", "It won 3-1.").is_empty());
    }

    fn en_pt(en: &str, pt: &str) -> Vec<crate::finding::Finding> {
        crate::checks::testutil::Fixture::with_langs("en", "pt", &[(&[en], &[pt])])
            .run(&super::super::NumberCheck)
    }

    #[test]
    fn a_number_slashed_to_a_name_or_a_version_is_a_version() {
        assert!(en_pt("It speaks HTTP/1.1 only.", "Fala apenas HTTP/1.1.").is_empty());
        assert!(
            en_pt(
                "New features with Apache 2.1/2.2",
                "Novidades no Apache 2.1/2.2"
            )
            .is_empty()
        );
        // A slash after a space is no join.
        assert_eq!(en_pt("Ratio: / 2.5", "Razão: / 2.5").len(), 1);
    }

    #[test]
    fn a_number_after_an_acronym_is_a_version() {
        assert!(en_pt("It uses the APR 1.0 API.", "Usa a API do APR 1.0.").is_empty());
        // One capital letter is no acronym.
        assert_eq!(en_pt("Item A 2.5 grew.", "O item A 2.5 cresceu.").len(), 1);
    }

    fn en_fr(en: &str, fr: &str) -> Vec<crate::finding::Finding> {
        crate::checks::testutil::Fixture::with_langs("en", "fr", &[(&[en], &[fr])])
            .run(&super::super::NumberCheck)
    }

    #[test]
    fn a_section_a_parameter_or_a_language_version_is_no_decimal() {
        let clean = |en: &str, fr: &str| {
            let f = en_fr(en, fr);
            assert!(f.is_empty(), "{fr}: {f:#?}");
        };
        clean(
            "RFC 7230 §9.4 Request Splitting",
            "RFC 7230 §9.4 Request Splitting",
        );
        clean(
            "See RFC 2616 section 14.28.",
            "Voir la RFC 2616 section 14.28.",
        );
        clean("It sends en; q=0.8 first.", "Il envoie d'abord en; q=0.8.");
        clean(
            "Open it in the VC++ 7.0 IDE.",
            "Ouvrez-le dans l'IDE VC++ 7.0.",
        );
        clean(
            "Use Visual C++ 6.0 or later.",
            "Utilisez Visual C++ 6.0 ou supérieur.",
        );
        clean("For HP-UX 10.20:", "Pour HP-UX 10.20 :");
        clean(
            "New features with Apache 2.0",
            "Nouvelles fonctionnalités d'Apache 2.0",
        );
        // A decimal after a plain word or a lone capital is still one.
        assert_eq!(
            en_fr("A share of 0.8 each.", "Une part de 0.8 chacun.").len(),
            1
        );
        assert_eq!(en_fr("Use C 2.5 times.", "Utilisez C 2.5 fois.").len(), 1);
    }

    #[test]
    fn a_name_both_sides_write_before_the_number_is_a_version() {
        let f = en_fr(
            "Apache 2.4 is a web server.",
            "Apache 2.4 est un serveur web.",
        );
        assert!(f.is_empty(), "{f:#?}");
        // A sentence-initial word the source does not share is no name.
        let f = en_fr("Around 2.4 of them.", "Environ 2.4 d'entre eux.");
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn a_placeholder_both_sides_write_before_the_number_names_it() {
        // Masked placeholders, as the checks read them.
        let f = en_fr(
            "Checkpoints in ______ 2.1 are subjective.",
            "Les points de ______ 2.1 sont subjectifs.",
        );
        assert!(f.is_empty(), "{f:#?}");
        // Only where the source writes the number after one too.
        let f = en_fr("A share of 2.1 in ______.", "Une part ______ 2.1.");
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn numbers_listed_with_a_version_are_versions() {
        assert!(
            en_pt(
                "Changes between the 1.3 and 2.0 versions.",
                "Mudanças entre as versões 1.3 e 2.0."
            )
            .is_empty()
        );
        assert!(en_pt("Versions 2.0, 2.2 work.", "As versões 2.0, 2.2 funcionam.").is_empty());
        // A decimal listed after another decimal is still a decimal.
        assert_eq!(
            en_pt("It grew 1.5 and 2.5 times.", "Cresceu 1.5 e 2.5 vezes.").len(),
            2
        );
    }

    #[test]
    fn a_release_series_is_a_version() {
        clean(
            "Use a versão 0.127.x ou superior.",
            "Use version 0.127.x or later.",
        );
        clean("Funciona com Python 3.*.", "It works with Python 3.*.");
        let f = errors(
            "Use a versão 0.127.x ou superior.",
            "Use version 0.172.x or later.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("version"), "{}", f[0].message);
    }

    #[test]
    fn a_bracketed_conversion_is_not_an_added_number() {
        clean(
            "A renda foi de R$ 5,3 milhões.",
            "Receipts reached 5.3 million reais (about $1 million).",
        );
        clean(
            "O orçamento foi de R$ 9,8 milhões.",
            "The budget was 9.8 million reais ($1.8 million).",
        );
        clean(
            "Febre abaixo de 38 °C em 8% dos casos.",
            "Fever below 38 °C (100.4 °F) in 8% of cases.",
        );
    }

    #[test]
    fn a_bracketed_number_that_is_not_a_conversion_is_still_reported() {
        // Same currency: not a conversion.
        assert!(
            !run(
                "Custou R$ 5 milhões.",
                "It cost 5 million reais (R$ 6 million)."
            )
            .is_empty()
        );
        // A bracket with more than a hedge is new information.
        assert!(
            !run(
                "Custou R$ 5 milhões.",
                "It cost 5 million reais (up from $2 million in 2020)."
            )
            .is_empty()
        );
        // A conversion the source gives, changed.
        let f = errors(
            "Custou R$ 45 milhões (cerca de US$ 9 milhões).",
            "It cost R$45 million (about US$90 million).",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("90"), "{f:#?}");
        clean(
            "Custou R$ 45 milhões (cerca de US$ 9 milhões).",
            "It cost R$45 million (about US$9 million).",
        );
        // Beside a conversion the translation adds with the source's value.
        let f = errors(
            "Gastou R$ 50 milhões. Custou R$ 45 milhões (cerca de US$ 9 milhões).",
            "It spent R$50 million ($9 million). It cost R$45 million (about US$90 million).",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        // The converted amount itself must still match.
        assert!(
            !errors(
                "Custou R$ 5 milhões.",
                "It cost 5 billion reais (about $1 million)."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_unit_conversion_in_brackets_must_hold_the_converted_value() {
        for t in [
            "Each bag may weigh up to 23 kilograms (50 pounds).",
            "The route covers about 5,600 kilometres (3,480 miles).",
            "It was 12 °C (54 °F) in Lisbon.",
            "The trail is 1 km (0.6 miles) long.",
        ] {
            let s = match t {
                x if x.contains("kilograms") => "Cada mala pode pesar até 23 quilos.",
                x if x.contains("route") => "A rota tem cerca de 5.600 quilômetros.",
                x if x.contains("Lisbon") => "Fazia 12 °C em Lisboa.",
                _ => "A trilha tem 1 km.",
            };
            clean(s, t);
        }
        assert_eq!(
            run(
                "A rota tem cerca de 5.600 quilômetros.",
                "The route covers about 5,600 kilometres (4,380 miles)."
            )
            .len(),
            1
        );
        assert_eq!(
            run("Fazia 12 °C em Lisboa.", "It was 12 °C (64 °F) in Lisbon.").len(),
            1
        );
    }

    #[test]
    fn in_is_an_inch_only_glued_or_with_no_word_after() {
        clean(
            "Estudantes de 12 a 17 anos em cinco capitais.",
            "Students aged 12 to 17 in five state capitals.",
        );
        clean("A tela tem 15 cm.", "The screen is 6 in.");
        assert_eq!(run("A tela tem 15 cm.", "The screen is 9 in.").len(), 1);
    }
}
