//! The `untranslated` check: a target sentence left in the source language.
//!
//! Three signals, each conservative so that names, numbers, URLs and short
//! lines ("OK", a title) pass:
//! - the target text is identical to the source after folding case, accents,
//!   punctuation and spaces, has at least [`MIN_IDENTICAL_WORDS`]
//!   lower-case words (a name alone is capitalised), and is not in the
//!   target language (a quotation the source kept in the original);
//! - function words: a target sentence of at least [`MIN_WORDS`] words with
//!   at least [`MIN_SOURCE_FW`] function words found only in the source
//!   language and far fewer found only in the target language. On short
//!   news sentences this tells Portuguese from English better than
//!   character statistics. Particles inside names (`da` in "Luiz Inácio
//!   Lula da Silva") do not count;
//! - whatlang ([`crate::lang::detect`]) names the source language, reliably,
//!   on a sentence of at least [`MIN_CHARS`] characters, and the function
//!   words do not point to the target language. When a profile has no
//!   function words this is the only signal, with a higher bar;
//! - as a warning, a stretch of at least six words copied from the source
//!   that reads as the source language, outside quotation marks: a
//!   sentence only partly translated.

use super::{Check, Context, LinkView};
use crate::finding::{Finding, Severity};
use crate::text::{fold, last_word, word_iter, words};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

pub struct UntranslatedCheck;

const MIN_WORDS: usize = 5;
const MIN_CHARS: usize = 30;
const MIN_IDENTICAL_WORDS: usize = 2;
const MIN_SOURCE_FW: usize = 3;
/// whatlang confidence needed when function words cannot help.
const MIN_CONFIDENCE: f64 = 0.9;

/// Letters and digits only, folded, single-spaced.
#[cfg(test)]
fn normalise(text: &str) -> String {
    words(text)
        .iter()
        .map(|w| fold(w.text))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `normalise(a)` is not empty and equals `normalise(b)`, word by
/// word without building either: most pairs differ in their first words.
/// (Folded words hold no space, so equal joins are equal word lists.)
fn same_normalised(a: &str, b: &str) -> bool {
    let (mut wa, mut wb) = (word_iter(a), word_iter(b));
    let mut first_empty = None;
    let mut n = 0;
    loop {
        match (wa.next(), wb.next()) {
            (None, None) => return n > 1 || first_empty == Some(false),
            (Some(x), Some(y)) => {
                let equal = if x.text.is_ascii() && y.text.is_ascii() {
                    x.text.eq_ignore_ascii_case(y.text)
                } else {
                    let fx = fold(x.text);
                    first_empty.get_or_insert(fx.is_empty());
                    fx == fold(y.text)
                };
                if !equal {
                    return false;
                }
                // An ASCII word folds to itself lower-cased: never empty.
                first_empty.get_or_insert(false);
                n += 1;
            }
            _ => return false,
        }
    }
}

/// Shared words that make a near copy: the edit may be a fixed typo or a
/// translated name, the rest must still be the source language's prose.
const MIN_NEAR_COPY_WORDS: usize = 3;

/// Whether the target is the source with one word changed, added or
/// dropped ("Delete the selected itens permanently"), and at least
/// [`MIN_NEAR_COPY_WORDS`] of the words both keep are lower-case words of
/// the source language only: its own function words, or words the lexicon
/// knows on the source side only (code and names do not count).
fn one_word_apart(ctx: &Context, lw: &LanguageWords, src: &str, tgt: &str) -> bool {
    let Some(lex) = ctx.lexicon.as_deref() else {
        return false;
    };
    // One word apart, the sides share their first or their last word: most
    // translations share neither, and are ruled out without a word list.
    let shared_end = |x: Option<crate::text::Word>, y: Option<crate::text::Word>| {
        x.zip(y).is_some_and(|(x, y)| same_word(x.text, y.text))
    };
    if !shared_end(word_iter(src).next(), word_iter(tgt).next())
        && !shared_end(last_word(src), last_word(tgt))
    {
        return false;
    }
    let a: Vec<&str> = word_iter(src).map(|w| w.text).collect();
    let b: Vec<&str> = word_iter(tgt).map(|w| w.text).collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 || short.len() < MIN_NEAR_COPY_WORDS + 1 {
        return false;
    }
    let same = |x: &str, y: &str| same_word(x, y);
    let prefix = a.iter().zip(&b).take_while(|(x, y)| same(x, y)).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(short.len() - prefix)
        .take_while(|(x, y)| same(x, y))
        .count();
    // Exactly one word apart: substituted (equal lengths) or one extra.
    let edits = long.len() - prefix - suffix;
    if edits != 1 || (long.len() == short.len() && prefix + suffix != short.len() - 1) {
        return false;
    }
    let kept = a[..prefix].iter().chain(&a[a.len() - suffix..]);
    kept.filter(|w| {
        use crate::lexicon::Side;
        w.chars().next().is_some_and(char::is_lowercase)
            && (lw.source_only.contains(&fold(w))
                || (!lex.concepts(Side::Source, w).is_empty()
                    && lex.concepts(Side::Target, w).is_empty()))
    })
    .count()
        >= MIN_NEAR_COPY_WORDS
}

/// Two words equal once folded; ASCII words compared without a copy.
fn same_word(x: &str, y: &str) -> bool {
    x == y
        || if x.is_ascii() && y.is_ascii() {
            x.eq_ignore_ascii_case(y)
        } else {
            fold(x) == fold(y)
        }
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// `text` with URLs, emails and handles blanked out.
fn without_urls(text: &str) -> std::borrow::Cow<'_, str> {
    let items = super::url::extract(text);
    // Most sentences have none: no copy.
    if items.is_empty() {
        return text.into();
    }
    // Built in one pass: blanking span by span would copy the tail each time.
    let mut s = String::with_capacity(text.len());
    let mut at = 0;
    for item in items {
        let (a, b) = (item.span.start.max(at), item.span.end);
        if b <= a || text.get(at..a).is_none() {
            continue;
        }
        s.push_str(&text[at..a]);
        s.extend(std::iter::repeat_n(' ', b - a));
        at = b;
    }
    s.push_str(text.get(at..).unwrap_or(""));
    s.into()
}

/// `text` with inline tags blanked out, the same length.
fn without_tags(text: &str) -> std::borrow::Cow<'_, str> {
    let tags = super::tag::scan(text);
    if tags.is_empty() {
        return text.into();
    }
    let mut s = text.to_string();
    for t in tags.iter().rev() {
        s.replace_range(t.range.clone(), &" ".repeat(t.range.len()));
    }
    s.into()
}

/// Words with a letter that start lower case and are not name particles,
/// outside URLs and inline tags (an XLIFF `<x id="…" equiv-text="…"/>` holds
/// no prose). A letter followed by a full stop is part of an
/// abbreviation (`a.m.`, `e.g.`), the same in many languages, not a word;
/// nor is a lone letter that is no function word (`x (mm)`, a coordinate).
fn lowercase_words(text: &str, lw: &LanguageWords) -> usize {
    let particles = &lw.particles;
    let text = without_tags(&without_urls(text)).into_owned();
    let mut f = String::new();
    word_iter(&text)
        .filter(|w| {
            // A unit glued after a masked placeholder (`%(ms)0.2fms`); a
            // word between masked tags (`<b>Save</b>`) is prose.
            let lead = w.text.starts_with('_') || text[..w.start].ends_with('_');
            let trail = w.text.ends_with('_') || text[w.end..].starts_with('_');
            let glued = lead && !trail;
            let letter = w.text.chars().count() == 1;
            let initial =
                letter && (text[w.end..].starts_with('.') || !lw.letter_words.contains(w.text));
            w.text.chars().any(char::is_alphabetic)
                && !initial
                && !glued
                // An inner capital makes a name (`iOS`, `eBay`).
                && !w.text.chars().skip(1).any(char::is_uppercase)
                && !is_capitalised(w.text)
                && !in_identifier(&text, w.start, w.end)
                && !in_quoted_token(&text, w.start, w.end)
                && {
                    crate::text::fold_into(w.text, &mut f);
                    !particles.contains(&f)
                }
        })
        .count()
}

/// Whether the word at `start..end` is a piece of a dotted or snake-case
/// identifier (`pytest.mark.anyio`, `max_size`), one of a syntax line's
/// alternatives (`on|off`) or of a path (`/usr/local`, `a/b/c`): code, not
/// prose. One slash between two words is prose's "or" (`proxy/gateway`).
fn in_identifier(text: &str, start: usize, end: usize) -> bool {
    let joined = |c: Option<char>| matches!(c, Some('.' | '_' | '|'));
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut after = text[end..].chars();
    let mut before = text[..start].chars().rev();
    let b1 = before.next();
    (joined(after.next()) && alnum(after.next()))
        || (joined(b1) && alnum(before.next()))
        || b1 == Some('|')
        || in_path(text, start)
}

/// Whether byte `at` lies in a path: a token that starts with `/` or holds
/// two slashes (`/usr/local/httpd`, `modules/mod_foo.so`).
fn in_path(text: &str, at: usize) -> bool {
    // A bounded look either side keeps a long line without spaces linear.
    let mut lo = at.saturating_sub(120);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (at + 120).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let token_start = text[lo..at].rfind(char::is_whitespace).map_or(lo, |i| {
        lo + i + text[lo + i..].chars().next().map_or(1, char::len_utf8)
    });
    let token_end = text[at..hi]
        .find(char::is_whitespace)
        .map_or(hi, |i| at + i);
    let Some(token) = text.get(token_start..token_end) else {
        return false;
    };
    token
        .trim_start_matches(['"', '\'', '(', '<', '['])
        .starts_with('/')
        || token.matches('/').count() >= 2
}

/// A settings example written as an object literal, line by line a key
/// (`serverSettings: {`, `"a.b": true,`) or a closing bracket: data, not prose.
fn object_literal(text: &str) -> bool {
    let keyed = |line: &str| {
        let l = line.trim_start_matches('"');
        let key_end = l
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '-')))
            .unwrap_or(l.len());
        key_end > 0
            && l[key_end..]
                .trim_start_matches('"')
                .trim_start()
                .starts_with(':')
    };
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    text.contains('{')
        && text.lines().filter(|l| !l.trim().is_empty()).count() >= 2
        && lines.all(|l| keyed(l) || l.chars().all(|c| matches!(c, '{' | '}' | '[' | ']' | ',')))
}

/// A configuration or command syntax line (`AddType text/html .shtml`,
/// `SSLEngine on|off`, `<Directory "/usr/local/httpd">`): a CamelCase
/// directive, then only arguments that hold a sign or digit.
fn syntax_line(text: &str) -> bool {
    let mut tokens = text.split_whitespace();
    let Some(head) = tokens.next() else {
        return false;
    };
    let head = head.trim_start_matches('<');
    let camel = head.starts_with(char::is_uppercase)
        && head.chars().all(char::is_alphanumeric)
        && head
            .chars()
            .zip(head.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    let mut rest = tokens.peekable();
    camel && rest.peek().is_some() && rest.all(|t| !t.chars().all(char::is_alphabetic))
}

/// A block of configuration lines (`reopen = closed -> reopened`,
/// `[intertrac]`, `{{{#!ini`): every line a setting, a continuation
/// (`= new`), a section header or one token of code, and at least one a
/// setting or a header. A translation keeps such an example as it is.
fn settings_block(text: &str) -> bool {
    // A key the view masks (`___`) is code too.
    let ident = |k: &str| {
        k.starts_with(|c: char| c.is_alphabetic() || c == '_')
            && k.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
    };
    let setting = |l: &str| l.split_once('=').is_some_and(|(k, _)| ident(k.trim_end()));
    let header = |l: &str| {
        l.len() > 2 && l.starts_with('[') && l.ends_with(']') && !l.contains(char::is_whitespace)
    };
    let code_token = |l: &str| {
        !l.contains(char::is_whitespace) && l.contains(['.', '_', '{', '}', '#', '!', '[', ']'])
    };
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.iter().any(|l| setting(l) || header(l))
        && lines
            .iter()
            .all(|l| setting(l) || header(l) || l.starts_with('=') || code_token(l))
}

/// A command line (`tracd --port 8000 %(path)s`, `Usage: trac-admin
/// </path/to/env> [command]`): after an optional label ending in a colon, a
/// lower-case command, then options, paths, bracketed arguments,
/// placeholders, numbers or lower-case words, with no sentence's end; an
/// option, a path or a bracketed argument among them, or a placeholder
/// after a hyphenated command name (`trac-admin %(path)s upgrade`).
fn command_line(text: &str) -> bool {
    let text = text.trim();
    if text.contains('\n') || text.ends_with(['.', '!', '?']) {
        return false;
    }
    let mut tokens = text.split_whitespace().peekable();
    if tokens
        .peek()
        .is_some_and(|t| t.ends_with(':') && t.starts_with(char::is_uppercase))
    {
        tokens.next();
    }
    let Some(head) = tokens.next() else {
        return false;
    };
    let command = head.starts_with(|c: char| c.is_ascii_lowercase())
        && head
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_'));
    let compound = head.contains(['-', '_']);
    let (mut strong, mut placeholder) = (false, false);
    for t in tokens {
        let option =
            t.starts_with('-') && t[1..].starts_with(|c: char| c.is_alphabetic() || c == '-');
        let path = t.contains('/');
        let bracketed = t.starts_with(['[', '<']) || t.ends_with([']', '>']);
        // A placeholder the view masks is a run of `_`.
        let is_placeholder = placeholder_token(t) || t.chars().all(|c| c == '_');
        let plain = t.chars().all(|c| c.is_ascii_digit())
            || t.starts_with(|c: char| c.is_lowercase())
                && t.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
            || t == "...";
        if !(option || path || bracketed || is_placeholder || plain) {
            return false;
        }
        strong |= option || path || bracketed;
        placeholder |= is_placeholder;
    }
    command && (strong || (compound && placeholder))
}

/// Code, a command or a key combination rather than prose, which a
/// translation keeps as it is: fewer plain words than code tokens (`java
/// -Xmx2G -jar app.jar`, `.ott .otm`; a call such as `a.size()` counts
/// twice), a shell prompt (`$ tar xf a.tar.gz`), a settings line
/// (`openMenuItem=ctrl O`), a statement (`total = a[i];`), or keys alone
/// with a modifier among them (`ctrl shift A`; `keys` holds both profiles'
/// `key_names`). Inline tags, masked spans (`___`) and placeholders (`{n}`,
/// `%s`) count for neither.
fn code_like(text: &str, keys: &HashSet<String>) -> bool {
    let plain = without_tags(text);
    let trimmed = plain.trim_matches(|c: char| c.is_whitespace() || c == '_');
    let settings_line = trimmed
        .split_whitespace()
        .next()
        .and_then(|t| t.split_once('='))
        .is_some_and(|(k, _)| {
            k.starts_with(char::is_alphabetic)
                && k.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
        });
    let statement = trimmed.ends_with(';') && trimmed.contains(['=', '(']);
    if trimmed.starts_with("$ ") || settings_line || statement {
        return true;
    }
    let (mut prose, mut code, mut key_tokens, mut modifiers, mut tokens) = (0, 0, 0, 0, 0);
    for raw in plain.split(|c: char| c.is_whitespace() || c == '+') {
        let t = raw
            .trim_matches('_')
            .trim_start_matches(['(', '[', '"', '\'', '“', '‘', '«', '¿', '¡'])
            .trim_end_matches([
                ')', ']', '"', '\'', '”', '’', '»', '.', ',', ';', ':', '!', '?', '…',
            ])
            .trim_matches('_');
        if !t.chars().any(char::is_alphanumeric) || placeholder_token(t) {
            continue;
        }
        tokens += 1;
        if keys.contains(&fold(t)) {
            modifiers += 1;
            key_tokens += 1;
        } else if t.chars().count() <= 12
            && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && t.chars().all(char::is_alphanumeric)
        {
            key_tokens += 1;
        }
        let word = t.starts_with(char::is_alphabetic)
            && t.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
        if word {
            prose += 1;
        } else if raw.contains('(') && raw.contains(['.', ')']) && raw.contains(char::is_alphabetic)
        {
            code += 2;
        } else if !t.chars().all(|c| c.is_ascii_digit()) {
            code += 1;
        }
    }
    prose < code || (modifiers > 0 && key_tokens == tokens)
}

/// A placeholder written alone (`{name}`, `{{ count }}`, `%s`, `%(n)d`, `%1`).
fn placeholder_token(t: &str) -> bool {
    (t.starts_with('{') && t.ends_with('}'))
        || t.strip_prefix('%').is_some_and(|r| {
            !r.is_empty()
                && r.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '(' | ')' | '_'))
        })
}

/// Whether the word at `start..end` lies in a quoted string with no space
/// (`"command": "body"` in a JSON example, `« x,y »` with the French
/// spacing inside the marks): a literal, not prose.
fn in_quoted_token(text: &str, start: usize, end: usize) -> bool {
    const MARKS: [char; 6] = ['"', '“', '”', '„', '«', '»'];
    // The mark that bounds the token on one side, past one space that
    // touches it (`« x`); a bounded look keeps a long line linear.
    fn bound(mut cs: impl Iterator<Item = char>) -> Option<char> {
        let c = cs.find(|c| MARKS.contains(c) || c.is_whitespace())?;
        if MARKS.contains(&c) {
            return Some(c);
        }
        cs.next().filter(|c| *c != '"' && MARKS.contains(c))
    }
    let open = bound(text[..start].chars().rev().take(80));
    let close = bound(text[end..].chars().take(80));
    match (open, close) {
        (Some('"'), Some('"')) => true,
        (Some(o), Some(c)) => o != '"' && c != '"',
        _ => false,
    }
}

/// (source-only function words, target-only function words, words) in `text`.
/// Byte ranges of quotations that may stay in the original language: short
/// ones (at most [`SHORT_QUOTE_WORDS`] words, slogans) and capitalised ones
/// that follow a word mid-sentence (titles).
fn short_quotations(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“' | '«' | '„', None) | ('"', None) => open = Some(i),
            ('”' | '»', Some(o)) | ('"', Some(o)) => {
                out.push(o..i);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push(o..text.len());
    }
    out.retain(|r| {
        let Some(q) = text.get(r.clone()) else {
            return false;
        };
        // A capitalised quotation after a word, mid-sentence, is a title.
        let title = text[..r.start]
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && words(q)
                .first()
                .is_some_and(|w| w.text.chars().next().is_some_and(char::is_uppercase));
        title || words(q).len() <= SHORT_QUOTE_WORDS
    });
    out
}

/// Quotations up to this many words may stay in the original language.
const SHORT_QUOTE_WORDS: usize = 8;

/// Whether `at` lies in one of `ranges` (sorted, disjoint): a binary search,
/// so a long sentence with many quotations stays linear.
fn in_ranges(ranges: &[std::ops::Range<usize>], at: usize) -> bool {
    let k = ranges.partition_point(|r| r.end <= at);
    ranges.get(k).is_some_and(|r| r.contains(&at))
}

/// Counts, leaving out words of short quotations when `skip_quoted`; and
/// the source-only function words among all words, quoted or not (fewer
/// than two: no copied run can read as the source language).
fn function_word_counts(
    text: &str,
    source_only: &HashSet<String>,
    target_only: &HashSet<String>,
    particles: &HashSet<String>,
    skip_quoted: bool,
) -> (usize, usize, usize, usize) {
    let ws = words(text);
    let quoted = if skip_quoted {
        short_quotations(text)
    } else {
        Vec::new()
    };
    let (mut s, mut t, mut n, mut all_s) = (0, 0, 0, 0);
    let mut f = String::new();
    for (k, w) in ws.iter().enumerate() {
        crate::text::fold_into(w.text, &mut f);
        let source_fw = source_only.contains(&f);
        all_s += usize::from(source_fw);
        if !w.text.chars().any(char::is_alphabetic) || in_ranges(&quoted, w.start) {
            continue;
        }
        n += 1;
        // A particle between two capitalised words belongs to a name.
        let in_name = particles.contains(&f)
            && k > 0
            && ws.get(k - 1).is_some_and(|p| is_capitalised(p.text))
            && ws.get(k + 1).is_some_and(|p| is_capitalised(p.text));
        if in_name {
            continue;
        }
        if source_fw {
            s += 1;
        } else if target_only.contains(&f) {
            t += 1;
        }
    }
    (s, t, n, all_s)
}

/// The longest run of at least [`MIN_RUN`] words that the target sentence
/// copies from the source and that reads as source language (at least two
/// source-only function words, three lower-case words), outside quotation
/// marks (a quotation kept in the original is fine). Byte range in `target`.
fn copied_run(
    target: &str,
    source: &str,
    source_only: &HashSet<String>,
    particles: &HashSet<String>,
) -> Option<std::ops::Range<usize>> {
    let tw = words(target);
    let mut vocab: HashMap<String, u32> = HashMap::default();
    let mut id = |w: &str| {
        let n = vocab.len() as u32;
        *vocab.entry(fold(w)).or_insert(n)
    };
    let sw: Vec<u32> = words(source).iter().map(|w| id(w.text)).collect();
    let tf: Vec<u32> = tw.iter().map(|w| id(w.text)).collect();
    let (i, k) = longest_common_run(&tf, &sw, MIN_RUN)?;
    let run = &tw[i..i + k];
    let fw = run
        .iter()
        .filter(|w| source_only.contains(&fold(w.text)))
        .count();
    let lower = run
        .iter()
        .filter(|w| {
            w.text.chars().any(char::is_alphabetic)
                && !is_capitalised(w.text)
                && !particles.contains(&fold(w.text))
        })
        .count();
    let (start, end) = (run.first()?.start, run.last()?.end);
    let before = &target[..start];
    let quoted = before
        .chars()
        .filter(|c| matches!(c, '“' | '«' | '„'))
        .count()
        > before.chars().filter(|c| matches!(c, '”' | '»')).count()
        || before.matches('"').count() % 2 == 1;
    (fw >= 2 && lower >= 3 && !quoted).then_some(start..end)
}

/// The longest run of `a` (at least `min` long) that also occurs in `b`, as
/// (start in `a`, length); the earliest start among the longest. Binary search
/// on the length with rolling hashes: O((|a| + |b|) log |a|), where comparing
/// every pair of positions was quadratic in the sentence length.
fn longest_common_run(a: &[u32], b: &[u32], min: usize) -> Option<(usize, usize)> {
    let first_at = |k: usize| -> Option<usize> {
        if k == 0 || k > a.len() || k > b.len() {
            return None;
        }
        let mut seen: HashMap<u64, usize> =
            HashMap::with_capacity_and_hasher(b.len(), Default::default());
        for (j, h) in window_hashes(b, k) {
            seen.entry(h).or_insert(j);
        }
        window_hashes(a, k).find_map(|(i, h)| {
            let j = *seen.get(&h)?;
            (a[i..i + k] == b[j..j + k]).then_some(i)
        })
    };
    let (mut lo, mut hi) = (min, a.len().min(b.len()));
    let mut best = (first_at(lo)?, lo);
    // Invariant: a run of length `lo` exists; none longer than `hi`.
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        match first_at(mid) {
            Some(i) => {
                best = (i, mid);
                lo = mid;
            }
            None => hi = mid - 1,
        }
    }
    Some(best)
}

/// (start, hash) of every window of `k` ids, by a polynomial rolling hash.
fn window_hashes(s: &[u32], k: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
    const BASE: u64 = 0x100_0000_01b3;
    let pow = (1..k).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut h = 0u64;
    s.iter().enumerate().filter_map(move |(x, &c)| {
        if x >= k {
            h = h.wrapping_sub(pow.wrapping_mul(u64::from(s[x - k]) + 1));
        }
        h = h.wrapping_mul(BASE).wrapping_add(u64::from(c) + 1);
        (x + 1 >= k).then(|| (x + 1 - k, h))
    })
}

/// Words a copied stretch must have to count as partly untranslated.
const MIN_RUN: usize = 6;

fn folded_set(list: &[String]) -> HashSet<String> {
    list.iter().map(|w| fold(w)).collect()
}

impl Check for UntranslatedCheck {
    fn id(&self) -> &'static str {
        "untranslated"
    }
    fn description(&self) -> &'static str {
        "A target sentence left in the source language"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let words = LanguageWords::new(ctx);
        let same_language = ctx.source_profile.code == ctx.target_profile.code;
        for (li, link) in ctx.links.iter().enumerate() {
            let Some(v) = ctx.views.get(li) else { continue };
            if v.source.is_empty() || v.target.is_empty() {
                continue;
            }
            if let Some(f) = self.identical(ctx, &words, li, v, same_language) {
                out.push(f);
                continue;
            }
            if same_language {
                continue;
            }
            // Sentence by sentence: one sentence of a 1-2 link may be left
            // untranslated while the other is fine.
            let mut offset = 0;
            for &si in &link.target {
                let Some(t) = ctx
                    .target_segments
                    .get(si)
                    .and_then(|s| ctx.target.text.get(s.start..s.end))
                else {
                    continue;
                };
                let span = offset..offset + t.len();
                offset += t.len() + 1;
                out.extend(self.sentence(ctx, &words, li, v, t, span));
            }
        }
    }
}

/// The function words only one of the two languages has, and the name
/// particles of both.
struct LanguageWords {
    source_only: HashSet<String>,
    target_only: HashSet<String>,
    particles: HashSet<String>,
    /// Function words of one letter (`a`, `e`, `y`): words, where another
    /// lone letter is a label.
    letter_words: HashSet<String>,
    /// Both languages have function words of their own to count.
    have_fw: bool,
    /// Both profiles' modifier key names, folded.
    keys: HashSet<String>,
}

impl LanguageWords {
    fn new(ctx: &Context) -> LanguageWords {
        let sp = ctx.source_profile;
        let tp = ctx.target_profile;
        let src_fw = folded_set(&sp.words.function_words);
        let tgt_fw = folded_set(&tp.words.function_words);
        let source_only: HashSet<String> = src_fw.difference(&tgt_fw).cloned().collect();
        let target_only: HashSet<String> = tgt_fw.difference(&src_fw).cloned().collect();
        let mut particles = folded_set(&sp.words.name_particles);
        particles.extend(folded_set(&tp.words.name_particles));
        let have_fw = !source_only.is_empty() && !target_only.is_empty();
        let letter_words = src_fw
            .iter()
            .chain(&tgt_fw)
            .filter(|w| w.chars().count() == 1)
            .cloned()
            .collect();
        let mut keys = folded_set(&sp.words.key_names);
        keys.extend(folded_set(&tp.words.key_names));
        LanguageWords {
            keys,
            source_only,
            target_only,
            particles,
            letter_words,
            have_fw,
        }
    }
}

impl UntranslatedCheck {
    /// A target identical to the source, unless it is text in the target
    /// language that the source quotes.
    fn identical(
        &self,
        ctx: &Context,
        lw: &LanguageWords,
        li: usize,
        v: &LinkView,
        same_language: bool,
    ) -> Option<Finding> {
        // Text in the target language quoted in the source ("We will
        // win", in English inside a Portuguese article) stays as is.
        let in_target_language = || {
            let (s, t, _, _) = function_word_counts(
                &v.target.text,
                &lw.source_only,
                &lw.target_only,
                &lw.particles,
                false,
            );
            t > s
                || crate::lang::detect(&v.target.text)
                    .is_some_and(|d| d.reliable && d.code == ctx.target_profile.code && t >= s)
        };
        // Text the source itself quotes in a third language (a title in
        // Japanese or Italian) stays as it is too.
        let in_third_language = || {
            crate::lang::detect(&v.source.text).is_some_and(|d| {
                d.reliable
                    && d.code != ctx.source_profile.code
                    && d.code != ctx.target_profile.code
                    && function_word_counts(
                        &v.source.text,
                        &lw.source_only,
                        &lw.target_only,
                        &lw.particles,
                        false,
                    )
                    .0 < 2
            })
        };
        let identical = same_normalised(&v.source.text, &v.target.text)
            && !syntax_line(v.target.text.trim())
            && !object_literal(&v.target.text)
            && !settings_block(&v.target.text)
            && !command_line(&v.target.text)
            && lowercase_words(&v.target.text, lw) >= MIN_IDENTICAL_WORDS
            && !code_like(&v.target.text, &lw.keys)
            && (same_language || (!in_target_language() && !in_third_language()));
        let nearly = !identical
            && !same_language
            && one_word_apart(ctx, lw, &v.source.text, &v.target.text)
            && !code_like(&v.target.text, &lw.keys)
            && !command_line(&v.target.text)
            && !in_target_language()
            && !in_third_language();
        (identical || nearly).then(|| {
            Finding::new(
                self.id(),
                self.default_severity(),
                if identical {
                    "target is identical to the source: not translated"
                } else {
                    "target is the source with one word changed: not translated"
                },
            )
            .link(li)
            .source_span(0..v.source.text.len())
            .target_span(0..v.target.text.len())
        })
    }

    /// One target sentence `t` (at `span` in the link's target) still in
    /// the source language, wholly or in a copied run.
    fn sentence(
        &self,
        ctx: &Context,
        lw: &LanguageWords,
        li: usize,
        v: &LinkView,
        t: &str,
        span: Range<usize>,
    ) -> Option<Finding> {
        let (sp, tp) = (ctx.source_profile, ctx.target_profile);
        let (s, tw, n, all_s) =
            function_word_counts(t, &lw.source_only, &lw.target_only, &lw.particles, true);
        if n < MIN_WORDS || lowercase_words(t, lw) < MIN_IDENTICAL_WORDS {
            return None;
        }
        // whatlang only where its answer can change the verdict: the
        // function-word counts settle most sentences alone.
        let may_flag = if lw.have_fw {
            (s >= MIN_SOURCE_FW && s >= 3 * tw) || (s >= 2 && s > 2 * tw)
        } else {
            n >= 2 * MIN_WORDS
        };
        let detected = may_flag
            .then(|| crate::lang::detect(t))
            .flatten()
            .filter(|d| d.reliable && t.chars().count() >= MIN_CHARS);
        let says_source = detected.as_ref().is_some_and(|d| d.code == sp.code);
        let says_target = detected.as_ref().is_some_and(|d| d.code == tp.code);
        let flagged = if lw.have_fw {
            (s >= MIN_SOURCE_FW && s >= 3 * tw && !says_target)
                || (says_source && s >= 2 && s > 2 * tw)
        } else {
            says_source
                && n >= 2 * MIN_WORDS
                && detected
                    .as_ref()
                    .is_some_and(|d| d.confidence >= MIN_CONFIDENCE)
        };
        if flagged {
            return Some(
                Finding::new(
                    self.id(),
                    self.default_severity(),
                    format!(
                        "target sentence is still in the source language ({})",
                        sp.name
                    ),
                )
                .link(li)
                .target_span(span),
            );
        }
        if all_s < 2 {
            return None;
        }
        let r = copied_run(t, &v.source.text, &lw.source_only, &lw.particles)?;
        let start = span.start + r.start;
        Some(
            Finding::new(
                self.id(),
                Severity::Warning,
                format!(
                    "part of the sentence is copied from the source, still in {}: \"{}\"",
                    sp.name,
                    t.get(r.clone()).unwrap_or("")
                ),
            )
            .link(li)
            .target_span(start..span.start + r.end),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_normalised_is_normalise_equal() {
        let texts = [
            "",
            " ",
            "-",
            "A casa.",
            "a casa",
            "A  CASA!",
            "a casas",
            "Ação",
            "acao",
            "ACAO",
            "\u{301}",
            "x \u{301}",
            "é",
            "e",
            "d’água",
            "d água",
            "F-35",
            "f 35",
            "ab",
            "a b",
        ];
        for a in texts {
            for b in texts {
                let na = normalise(a);
                let want = !na.is_empty() && na == normalise(b);
                assert_eq!(same_normalised(a, b), want, "{a:?} {b:?}");
            }
        }
    }
    use crate::checks::testutil::Fixture;

    fn run(s: &str, t: &str) -> Vec<Finding> {
        Fixture::pair(s, t).run(&UntranslatedCheck)
    }

    #[test]
    fn a_json_example_is_no_prose() {
        // JupyterLab's catalogue: a shortcut setting kept as it is.
        let run_en_pt =
            |s: &str| Fixture::with_langs("en", "pt", &[(&[s], &[s])]).run(&UntranslatedCheck);
        let s = "{ \"command\": \"application:activate-next-tab\", \"keys\": [ \"Ctrl Shift ]\" ], \"selector\": \"body\", \"disabled\": true }";
        assert!(run_en_pt(s).is_empty(), "{:?}", run_en_pt(s));
        // Prose around a quoted token is still prose.
        let p = "Add the \"disabled\" key to the user preferences.";
        assert_eq!(run_en_pt(p).len(), 1);
    }

    #[test]
    fn a_quoted_value_in_the_target_marks_is_no_prose() {
        let run_en_fr = |s: &str, t: &str| {
            Fixture::with_langs("en", "fr", &[(&[s], &[t])]).run(&UntranslatedCheck)
        };
        // A format written with French marks and spacing: the words left
        // are a capitalised cognate and a quoted value.
        assert!(run_en_fr("Format: \"x,y\".", "Format : « x,y ».").is_empty());
        // Prose around a quoted token is still prose.
        let p = "Add the \"disabled\" key to the user preferences.";
        let t = "Add the « disabled » key to the user preferences.";
        assert_eq!(run_en_fr(p, t).len(), 1);
    }

    #[test]
    fn a_dotted_identifier_is_no_prose() {
        assert!(run("pytest.mark.anyio", "pytest.mark.anyio").is_empty());
        assert!(run("Use max_file_size.", "Use max_file_size.").is_empty());
        // Words around a sentence's full stop are still prose.
        let s = "O real caiu. A bolsa subiu muito.";
        assert_eq!(run(s, s).len(), 1);
    }

    #[test]
    fn a_configuration_syntax_line_is_no_prose() {
        let run_en_fr =
            |s: &str| Fixture::with_langs("en", "fr", &[(&[s], &[s])]).run(&UntranslatedCheck);
        for s in [
            "CacheHeader on|off",
            "MDMatchNames all|servernames",
            "<Directory \"/usr/local/httpd\">",
            "AddType text/html .shtml",
            "LoadModule foo_module modules/mod_foo.so",
            "LuaHookPreTranslate /path/to/lua/script.lua hook_function_name",
        ] {
            assert!(run_en_fr(s).is_empty(), "{s}: {:?}", run_en_fr(s));
        }
        // Prose that names a path or a choice is still prose.
        let p = "Set the option to on or off in /etc/httpd for every server.";
        assert_eq!(run_en_fr(p).len(), 1);
        assert_eq!(run_en_fr("Multi-protocol proxy/gateway server").len(), 1);
        assert_eq!(run_en_fr("directory, .htaccess").len(), 1);
        assert_eq!(run_en_fr("ProxyPass is a long directive name").len(), 1);
        // A settings example in an object literal.
        let obj = "pyls: {\n  serverSettings: {\n    \"pyls.plugins.flake8.enabled\": true\n  }\n}";
        assert!(run_en_fr(obj).is_empty(), "{:?}", run_en_fr(obj));
        let keyed_prose = "Note: the settings are kept {here}\nand restored on the next start.";
        assert_eq!(run_en_fr(keyed_prose).len(), 1);
    }

    #[test]
    fn configuration_lines_kept_are_no_prose() {
        let same =
            |s: &str| Fixture::with_langs("en", "fr", &[(&[s], &[s])]).run(&UntranslatedCheck);
        for s in [
            "close = open -> done\nclose.default = 2",
            "edit_and_send.label = send",
            "___________ = send",
            "= draft\ndraft.label = draft",
            "{{{#!ini\n[mirror-sites]",
            "{{{#!ini\n[highlight]\nphp.inline_mode = True",
            "Wiki = http://example.org/wiki/$1 The wiki page $1\nbug = bug: Look up a bug",
        ] {
            assert!(same(s).is_empty(), "{s}: {:?}", same(s));
        }
        // Prose around a setting is still prose.
        for s in [
            "Set mode = fast to make the page load in a moment",
            "The value is kept here\nmode = fast",
        ] {
            assert_eq!(same(s).len(), 1, "{s}");
        }
    }

    #[test]
    fn command_lines_kept_are_no_prose() {
        let same =
            |s: &str| Fixture::with_langs("en", "pt", &[(&[s], &[s])]).run(&UntranslatedCheck);
        for s in [
            "served --listen 8080 %(site_dir)s",
            "served --listen 8080 ________",
            "site-admin ______ index rebuild",
            "site-admin %(env)s index rebuild",
            "Usage: site-admin </path/to/env> [command [subcommand] [option ...]]",
        ] {
            assert!(same(s).is_empty(), "{s}: {:?}", same(s));
        }
        // A label's word changed, the synopsis kept.
        let s = "Usage: site-admin </path/to/env> [command [subcommand] [option ...]]";
        let t = "Uso: site-admin </path/to/env> [command [subcommand] [option ...]]";
        let f = Fixture::with_langs("en", "pt", &[(&[s], &[t])]).run(&UntranslatedCheck);
        assert!(f.is_empty(), "{f:?}");
        // Lower-case prose with a placeholder is still prose.
        for s in [
            "remove %(name)s from the list of pages",
            "delete the page for %(name)s now",
        ] {
            assert_eq!(same(s).len(), 1, "{s}");
        }
    }

    #[test]
    fn code_commands_and_key_combinations_kept_are_no_prose() {
        let same = |l: &str, s: &str| {
            Fixture::with_langs("en", l, &[(&[s], &[s])]).run(&UntranslatedCheck)
        };
        for s in [
            "python -m venv --clear build/env",
            "$ make install prefix here",
            "total = items[k].price * rates[k];",
            "(\\w+)\\s\\1 or \\b\\w+\\b",
            ".odt .ods .odp",
            "ctrl shift K",
            "meta alt PERIOD",
            "cmd+option+Esc",
            "<kbd>ctrl</kbd> alt <kbd>DELETE</kbd>",
            "closeMenuItem=ctrl shift W",
            "name = project.files();",
            "if (project.isOpen(name))",
            "______$ sudo apt install office-help-de______",
        ] {
            assert!(same("de", s).is_empty(), "{s}: {:?}", same("de", s));
        }
        // Prose with a command, a path or a placeholder in it is still prose.
        for s in [
            "Run the installer with python -m venv first.",
            "Open {file} in a new window",
            "shift the column to the left",
            "Press ctrl and then the arrow keys",
            "<b>Save</b> the <i>file</i> now",
            "______Save______ the ____file____ now",
            "Use the value a=b in this case (see below)",
        ] {
            assert_eq!(same("de", s).len(), 1, "{s}");
        }
    }

    #[test]
    fn words_inside_inline_tags_are_no_prose() {
        let same =
            |s: &str| Fixture::with_langs("en", "fr", &[(&[s], &[s])]).run(&UntranslatedCheck);
        let s = "<x id=\"START_ICON\" ctype=\"x-icon\" equiv-text=\"&lt;icon&gt;\"/>info<x id=\"CLOSE_ICON\"/> Messages";
        assert!(same(s).is_empty(), "{:?}", same(s));
        let s = "Running <x id=\"PH\" equiv-text=\"name\"/> task now";
        assert_eq!(same(s).len(), 1);
    }

    #[test]
    fn a_source_quoting_a_third_language_kept_is_no_omission() {
        let same =
            |s: &str| Fixture::with_langs("en", "de", &[(&[s], &[s])]).run(&UntranslatedCheck);
        // An Italian title the English source names, kept in the German.
        let it = "Guida completa alla traduzione con strumenti liberi e gratuiti";
        assert!(same(it).is_empty(), "{:?}", same(it));
        // English kept in the German is still reported.
        assert_eq!(
            same("A complete guide for the translators and for those who run the projects").len(),
            1
        );
    }

    #[test]
    fn a_lone_letter_a_glued_unit_or_an_inner_capital_is_no_word() {
        let en_pt =
            |s: &str| Fixture::with_langs("en", "pt", &[(&[s], &[s])]).run(&UntranslatedCheck);
        assert!(en_pt("x (mm)").is_empty());
        assert!(en_pt("Width x (mm)").is_empty());
        assert!(en_pt("CPU: ____ms (____ms)").is_empty());
        assert!(en_pt("iOS (iTunes)").is_empty());
        // A function word of one letter is a word.
        assert_eq!(en_pt("Create a copy").len(), 1);
    }

    #[test]
    fn identical_sentence_is_an_error() {
        let s = "O real acumulou desvalorização de 21% em 2024.";
        let out = run(s, s);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Error);
        assert!(out[0].message.contains("identical"));
    }

    #[test]
    fn left_in_portuguese_is_caught_by_function_words() {
        let out = run(
            "A escolha de Omã como sede não é casual.",
            "A escolha de Omã como sede não é casual!",
        );
        assert_eq!(out.len(), 1);
        let out = run(
            "Em muitas comunidades ribeirinhas, a água potável acabou.",
            "Em muitas comunidades ribeirinhas, a água potável já acabou há dias.",
        );
        assert_eq!(out.len(), 1);
        assert!(out[0].message.contains("Portuguese"), "{}", out[0].message);
    }

    #[test]
    fn one_sentence_of_a_split_link() {
        let f = Fixture::links(&[(
            &["O rial perdeu valor e a inflação subiu muito no país."],
            &[
                "The rial lost value.",
                "E a inflação subiu muito no país, segundo o banco.",
            ],
        )]);
        let out = f.run(&UntranslatedCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].target_span,
            Some(21..21 + "E a inflação subiu muito no país, segundo o banco.".len())
        );
    }

    #[test]
    fn target_language_quote_kept_in_both_passes() {
        let s = "“We are going to make a great deal with the people of Brazil.";
        assert!(run(s, s).is_empty());
    }

    #[test]
    fn quoted_portuguese_title_in_english_passes() {
        assert!(
            run(
                "O livro “O que é que a baiana tem e outras histórias” foi lançado ontem.",
                "The book “O que é que a baiana tem e outras histórias” was launched yesterday."
            )
            .is_empty()
        );
    }

    #[test]
    fn long_quotation_left_untranslated_is_caught() {
        let out = run(
            "“Não vamos recuar de jeito nenhum e vamos continuar a luta até o fim”, disse ele.",
            "“Não vamos recuar de jeito nenhum e vamos continuar a luta até o fim,” he said.",
        );
        assert_eq!(out.len(), 1, "{out:?}");
    }

    #[test]
    fn partly_untranslated_sentence_is_a_warning() {
        let out = run(
            "O governo disse que não vai recuar de forma alguma na proposta.",
            "The government said que não vai recuar de forma alguma on the proposal.",
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Warning);
        assert!(
            out[0]
                .message
                .contains("que não vai recuar de forma alguma"),
            "{}",
            out[0].message
        );
    }

    #[test]
    fn original_quotation_kept_with_translation_passes() {
        assert!(
            run(
                "O lema “Brasil acima de tudo, Deus acima de todos” foi repetido no comício.",
                "The slogan “Brasil acima de tudo, Deus acima de todos” (Brazil above everything, God above all) was repeated at the rally."
            )
            .is_empty()
        );
    }

    #[test]
    fn long_shared_name_passes() {
        assert!(
            run(
                "A Universidade Federal do Rio Grande do Sul divulgou o estudo.",
                "The Universidade Federal do Rio Grande do Sul released the study."
            )
            .is_empty()
        );
    }

    #[test]
    fn english_left_in_a_portuguese_target_is_caught() {
        let f = Fixture::with_langs(
            "en",
            "pt",
            &[(
                &["The central bank said it would keep rates on hold for now."],
                &["The central bank said it would keep rates on hold for the time being."],
            )],
        );
        assert_eq!(f.run(&UntranslatedCheck).len(), 1);
        let f = Fixture::with_langs(
            "en",
            "pt",
            &[(
                &["The central bank said it would keep rates on hold for now."],
                &["O banco central disse que vai manter os juros por enquanto."],
            )],
        );
        assert!(f.run(&UntranslatedCheck).is_empty());
    }

    #[test]
    fn source_with_one_word_changed_is_an_error() {
        let en_pt = |s: &str, t: &str| {
            Fixture::with_langs("en", "pt", &[(&[s], &[t])]).run(&UntranslatedCheck)
        };
        let f = en_pt(
            "Delete the selected items permanently",
            "Delete the selected itens permanently",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("one word changed"), "{f:?}");
        // A word added or dropped is one word apart too.
        assert_eq!(
            en_pt(
                "Delete the selected items permanently",
                "Delete the selected permanently"
            )
            .len(),
            1
        );
        // Two words apart is a partial translation, not this rule's.
        assert!(
            en_pt(
                "Delete the selected items permanently",
                "Excluir the selected itens permanently"
            )
            .iter()
            .all(|x| !x.message.contains("one word changed"))
        );
    }

    #[test]
    fn one_word_apart_at_either_end_is_found() {
        let en_pt = |s: &str, t: &str| {
            Fixture::with_langs("en", "pt", &[(&[s], &[t])]).run(&UntranslatedCheck)
        };
        let near = |f: Vec<Finding>| f.iter().any(|x| x.message.contains("one word changed"));
        // The first word changed: only the last words agree.
        assert!(near(en_pt(
            "Delete the selected items for the user",
            "Excluir the selected items for the user"
        )));
        // The last word changed, in other case: only the first words agree.
        assert!(near(en_pt(
            "Delete the selected items for the user",
            "DELETE the selected items for the usuário"
        )));
        // Neither end agrees: not one word apart.
        assert!(!near(en_pt(
            "Delete the selected items for the user",
            "Excluir the selected items for the usuário"
        )));
    }

    #[test]
    fn same_word_folds_case_and_accents() {
        assert!(same_word("Delete", "DELETE"));
        assert!(same_word("Ação", "acao"));
        assert!(same_word("é", "É"));
        assert!(!same_word("items", "itens"));
        assert!(!same_word("user", "users"));
    }

    #[test]
    fn one_word_apart_needs_source_language_prose() {
        let en_pt = |s: &str, t: &str| {
            Fixture::with_langs("en", "pt", &[(&[s], &[t])]).run(&UntranslatedCheck)
        };
        // Code and names around one translated word.
        assert!(en_pt("Run pytest --cov src now", "Execute pytest --cov src now").is_empty());
        assert!(en_pt("Status: Online Now", "Status: Online Agora").is_empty());
    }

    #[test]
    fn translation_passes() {
        assert!(
            run(
                "A escolha de Omã como sede não é casual.",
                "The choice of Oman as host is no accident."
            )
            .is_empty()
        );
    }

    #[test]
    fn english_full_of_portuguese_names_passes() {
        assert!(
            run(
                "Luiz Inácio Lula da Silva se reuniu com João Doria em São Paulo.",
                "Luiz Inácio Lula da Silva met João Doria in São Paulo on Monday."
            )
            .is_empty()
        );
        assert!(
            run(
                "O Ministério da Fazenda e o Banco do Brasil anunciaram o plano.",
                "The Ministério da Fazenda and Banco do Brasil announced the plan."
            )
            .is_empty()
        );
    }

    #[test]
    fn names_numbers_and_urls_alone_pass() {
        assert!(run("Lula da Silva", "Lula da Silva").is_empty());
        assert!(run("São Paulo, 12/03/2025", "São Paulo, 12/03/2025").is_empty());
        assert!(run("https://www.gov.br/trabalho", "https://www.gov.br/trabalho").is_empty());
        assert!(run("OK", "OK").is_empty());
        assert!(run("Tropa de Elite", "Tropa de Elite").is_empty());
    }

    #[test]
    fn abbreviations_kept_as_they_are_pass() {
        assert!(run("p.m.", "p.m.").is_empty());
        assert!(run("a.m. e.g.", "a.m. e.g.").is_empty());
        // Words beside an abbreviation still count.
        assert_eq!(run("a reunião das 5 p.m.", "a reunião das 5 p.m.").len(), 1);
    }

    #[test]
    fn short_portuguese_phrase_passes() {
        assert!(run("Sim, disse ele.", "Sim, disse ele.").len() <= 1);
        assert!(run("Obrigado a todos.", "Obrigado, he said.").is_empty());
    }

    #[test]
    fn english_with_a_quoted_portuguese_term_passes() {
        assert!(
            run(
                "O chamado orçamento secreto foi criticado pelo tribunal.",
                "The so-called \"orçamento secreto\" was criticised by the court."
            )
            .is_empty()
        );
    }

    #[test]
    fn unmatched_links_are_left_alone() {
        let f = Fixture::links(&[(&[], &["A escolha de Omã como sede não é casual."])]);
        assert!(f.run(&UntranslatedCheck).is_empty());
    }

    /// The longest common run by comparing every pair of positions.
    fn brute_run(a: &[u32], b: &[u32], min: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for i in 0..a.len() {
            for j in 0..b.len() {
                let mut k = 0;
                while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                    k += 1;
                }
                if k >= min && best.is_none_or(|(_, n)| k > n) {
                    best = Some((i, k));
                }
            }
        }
        best
    }

    proptest::proptest! {
        #[test]
        fn longest_run_matches_brute_force(
            a in proptest::collection::vec(0u32..4, 0..40),
            b in proptest::collection::vec(0u32..4, 0..40),
            min in 1usize..8,
        ) {
            proptest::prop_assert_eq!(longest_common_run(&a, &b, min), brute_run(&a, &b, min));
        }
    }

    #[test]
    fn long_copied_sentence_is_not_quadratic() {
        // 40,000 words copied from the source: comparing every pair of
        // positions took minutes; this is a guard, not a timing.
        let s = "o governo disse que a proposta de lei não será votada este ano ".repeat(3_000);
        let t = format!("The government said that {s}");
        let t0 = std::time::Instant::now();
        let out = run(&s, &t);
        assert!(!out.is_empty());
        assert!(t0.elapsed().as_secs() < 60, "{:?}", t0.elapsed());
    }
}
