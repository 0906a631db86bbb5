//! The `placeholder` check: printf (`%s %d %1$s %.2f`), Python (`%(name)s`,
//! `{name}`, `{0}`), ICU MessageFormat (argument names, plural and select
//! structure), i18next `{{name}}` and `$t(…)` placeholders missing, added or
//! changed between a unit and its translation. Positional and named ones may
//! move; `%s`-style ones fill in order, so their order must stay.
//!
//! Also owns the placeholder scanner the bilingual readers use to mark what
//! other checks must not read as prose. The check runs on texts read from
//! structured files only (a plain-text article has no placeholders).

use super::{Check, Context};
use crate::finding::{Finding, Severity};
use crate::input::Document;
use crate::segment::Segment;
use std::collections::BTreeMap;
use std::ops::Range;

pub struct PlaceholderCheck;

/// Which placeholder syntaxes to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syntaxes {
    /// `%s`, `%1$d`, `%(name)s`, `%{name}`.
    pub printf: bool,
    /// `{0}`, `{name}`, `{name:>3}`, ICU `{n, plural, …}`, i18next `{{name}}`, `$t(key)`.
    pub braces: bool,
    /// The text declares no syntax: `%d` glued to a letter (`3%do`) is prose.
    pub guess: bool,
}

impl Syntaxes {
    pub const ALL: Syntaxes = Syntaxes {
        printf: true,
        braces: true,
        guess: true,
    };
    pub const PRINTF: Syntaxes = Syntaxes {
        printf: true,
        braces: false,
        guess: false,
    };
    pub const BRACES: Syntaxes = Syntaxes {
        printf: false,
        braces: true,
        guess: false,
    };
}

/// What a placeholder token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Fills in order (`%s`, `{}`): the key is the conversion.
    Ordered(String),
    /// Has a name or position (`%(n)s`, `%1$s`, `{0}`, `{{n}}`, `$t(k)`).
    Keyed(String),
    /// An ICU argument with a type: name and type (`plural`, `select`, …).
    IcuArg(String, String),
    /// An ICU case opening (`one {`): the argument type and the selector.
    IcuCase(String, String),
    /// Syntax only: an ICU closing brace or `#`.
    Syntax,
}

/// One placeholder or piece of placeholder syntax in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: Kind,
}

/// Byte ranges of every placeholder (and ICU syntax) in `text`.
pub fn scan(text: &str, syn: Syntaxes) -> Vec<Range<usize>> {
    tokens(text, syn).into_iter().map(|t| t.range).collect()
}

/// The placeholder tokens of `text`, in order.
pub fn tokens(text: &str, syn: Syntaxes) -> Vec<Token> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let next = match b[i] {
            // `%name%` only where every syntax is looked for: a file that
            // declares printf has none.
            b'%' if syn.printf => printf(text, i, syn.guess, syn.braces, &mut out),
            b'{' if syn.braces => brace(text, i, &mut out, None),
            b'$' if syn.braces && text[i..].starts_with("$t(") => dollar_t(text, i, &mut out),
            _ => None,
        };
        i = next.unwrap_or(i + 1);
    }
    out
}

fn ident_len(s: &str) -> usize {
    s.bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
        .count()
}

/// A printf conversion at `i`; returns where scanning goes on.
fn printf(text: &str, i: usize, guess: bool, names: bool, out: &mut Vec<Token>) -> Option<usize> {
    let b = text.as_bytes();
    if names && let Some(end) = percent_name(text, i) {
        out.push(Token {
            range: i..end,
            kind: Kind::Keyed(text[i..end].to_string()),
        });
        return Some(end);
    }
    let j = match printf_head(text, i)? {
        Head::Escaped(end) => return Some(end),
        Head::Braced(end) => {
            out.push(Token {
                range: i..end,
                kind: Kind::Keyed(text[i..end].to_string()),
            });
            return Some(end);
        }
        Head::Named(j) => j,
        Head::Plain => i + 1,
    };
    let named = j > i + 1;
    let (j, positional) = if named {
        (j, false)
    } else {
        positional_index(b, j)
    };
    let j = spec_end(b, j);
    let conv = *b.get(j)?;
    if !b"diouxXeEfFgGcrsaAp".contains(&conv) {
        return None;
    }
    let end = j + 1;
    // `50%d` or `%do` inside a word is prose, not a conversion.
    if guess && !named && !positional && b.get(end).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let t = &text[i..end];
    let kind = if named || positional {
        Kind::Keyed(t.to_string())
    } else {
        Kind::Ordered(t.to_string())
    };
    out.push(Token {
        range: i..end,
        kind,
    });
    Some(end)
}

/// What follows a `%`.
enum Head {
    /// `%%`: scanning goes on here.
    Escaped(usize),
    /// Ruby's `%{name}`, a whole placeholder ending here.
    Braced(usize),
    /// Python's `%(name)`, its spec starting here.
    Named(usize),
    /// The spec starts right after the `%`.
    Plain,
}

/// The [`Head`] of the `%` at `i`, or `None` when it starts no conversion.
fn printf_head(text: &str, i: usize) -> Option<Head> {
    let b = text.as_bytes();
    let j = i + 1;
    match b.get(j)? {
        b'%' => Some(Head::Escaped(j + 1)),
        b'(' => {
            let close = text[j..].find(')')? + j;
            let name = &text[j + 1..close];
            if name.is_empty() || name.len() > 64 || name.contains(['%', '(', '\n']) {
                return None;
            }
            Some(Head::Named(close + 1))
        }
        b'{' => {
            let n = ident_len(&text[j + 1..]);
            (n > 0 && b.get(j + 1 + n) == Some(&b'}')).then_some(Head::Braced(j + n + 2))
        }
        _ => Some(Head::Plain),
    }
}

/// A `%name%` parameter (Symfony translations, Windows variables) at `i`:
/// where it ends. A printf conversion (`%s%%`, `%lu%s`) is not one.
fn percent_name(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i + 1..];
    let n = rest
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_')
        .count();
    let name = &rest[..n];
    if !(2..=64).contains(&n) || !name.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    if rest.as_bytes().get(n) != Some(&b'%') || rest.as_bytes().get(n + 1) == Some(&b'%') {
        return None;
    }
    let conv = ["hh", "ll", "h", "l", "L", "q", "j", "z", "t"]
        .iter()
        .find_map(|m| name.strip_prefix(m))
        .unwrap_or(name);
    let printf = conv.len() == 1 && "diouxXeEfFgGcrsaAp".contains(conv);
    (!printf).then_some(i + n + 2)
}

/// Past a `1$` argument index at `j`, if there is one: (where the spec
/// goes on, whether there was one).
fn positional_index(b: &[u8], j: usize) -> (usize, bool) {
    let digits = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && b.get(j + digits) == Some(&b'$') {
        (j + digits + 1, true)
    } else {
        (j, false)
    }
}

/// Past the flags, width, precision and length modifier of a spec at `j`:
/// where its conversion letter should be.
fn spec_end(b: &[u8], mut j: usize) -> usize {
    let count = |j: usize, ok: &dyn Fn(u8) -> bool| b[j..].iter().take_while(|&&c| ok(c)).count();
    let width = |c: u8| c.is_ascii_digit() || c == b'*';
    j += count(j, &|c| b"-+#0".contains(&c));
    j += count(j, &width);
    if b.get(j) == Some(&b'.') {
        j += 1;
        j += count(j, &width);
    }
    j + count(j, &|c| b"hlLqjzt".contains(&c)).min(2)
}

/// `$t(key)` or `$t(key, {…})`.
fn dollar_t(text: &str, i: usize, out: &mut Vec<Token>) -> Option<usize> {
    let close = text[i..].find(')')? + i;
    if close - i > 200 {
        return None;
    }
    out.push(Token {
        range: i..close + 1,
        kind: Kind::Keyed(text[i..=close].to_string()),
    });
    Some(close + 1)
}

const ICU_TYPES: &[&str] = &[
    "plural",
    "select",
    "selectordinal",
    "number",
    "date",
    "time",
    "spellout",
    "ordinal",
    "duration",
];

/// A brace placeholder at `i`. `in_plural` is set inside an ICU plural
/// case, where `#` is the number.
fn brace(text: &str, i: usize, out: &mut Vec<Token>, depth: Option<usize>) -> Option<usize> {
    if depth.unwrap_or(0) > 8 {
        return None;
    }
    let b = text.as_bytes();
    // i18next `{{name}}` / `{{name, format}}`.
    if b.get(i + 1) == Some(&b'{') {
        let close = text[i + 2..].find("}}")? + i + 2;
        let inner = text[i + 2..close].trim();
        let name = inner.split(',').next().unwrap_or("").trim();
        if name.is_empty() || ident_len(name) != name.len() {
            return None;
        }
        out.push(Token {
            range: i..close + 2,
            kind: Kind::Keyed(format!("{{{{{name}}}}}")),
        });
        return Some(close + 2);
    }
    let rest = &text[i + 1..];
    let n = ident_len(rest);
    let after = rest[n..].trim_start();
    let gap = rest.len() - n - after.len();
    match after.as_bytes().first() {
        Some(b'}') if gap == 0 => {
            let end = i + 1 + n + 1;
            let kind = if n == 0 {
                Kind::Ordered("{}".into())
            } else {
                Kind::Keyed(text[i..end].to_string())
            };
            out.push(Token {
                range: i..end,
                kind,
            });
            Some(end)
        }
        // Python format spec or conversion: `{0:.2f}`, `{name!r}`.
        Some(b':' | b'!') if gap == 0 => {
            let close = rest.find('}')? + i + 1;
            let spec = &text[i + 1 + n..close];
            if spec.contains(['{', '\n']) || spec.len() > 32 {
                return None;
            }
            let kind = if n == 0 {
                Kind::Ordered(text[i..=close].to_string())
            } else {
                Kind::Keyed(text[i..=close].to_string())
            };
            out.push(Token {
                range: i..close + 1,
                kind,
            });
            Some(close + 1)
        }
        Some(b',') if n > 0 => icu(text, i, n, out, depth.unwrap_or(0)),
        _ => None,
    }
}

/// An ICU argument with a type: `{name, plural, one {…} other {…}}`.
fn icu(text: &str, i: usize, n: usize, out: &mut Vec<Token>, depth: usize) -> Option<usize> {
    let name = &text[i + 1..i + 1 + n];
    let comma = text[i + 1 + n..].find(',')? + i + 1 + n;
    let ty_start = comma + 1 + (text[comma + 1..].len() - text[comma + 1..].trim_start().len());
    let tl = ident_len(&text[ty_start..]);
    let ty = &text[ty_start..ty_start + tl];
    if !ICU_TYPES.contains(&ty) {
        return None;
    }
    let b = text.as_bytes();
    let mut j = ty_start + tl;
    j += text[j..].len() - text[j..].trim_start().len();
    let cased = matches!(ty, "plural" | "select" | "selectordinal");
    if !cased || b.get(j) == Some(&b'}') {
        // `{n, number}` or `{d, date, short}`: one token up to its brace.
        let close = text[j..].find('}')? + j;
        if text[j..close].contains('{') {
            return None;
        }
        out.push(Token {
            range: i..close + 1,
            kind: Kind::IcuArg(name.to_string(), ty.to_string()),
        });
        return Some(close + 1);
    }
    if b.get(j) != Some(&b',') {
        return None;
    }
    j += 1;
    let mut mine = vec![Token {
        range: i..j,
        kind: Kind::IcuArg(name.to_string(), ty.to_string()),
    }];
    let end = icu_cases_of(text, j, ty, &mut mine, depth)?;
    out.extend(mine);
    Some(end)
}

/// The cases of a `plural` or `select` argument from `j` up to and
/// including its closing brace: a selector (`offset:1`, `=0`, `one`), then
/// its message in braces, as many times as written. `None` when malformed:
/// nothing of the argument is kept.
fn icu_cases_of(
    text: &str,
    mut j: usize,
    ty: &str,
    mine: &mut Vec<Token>,
    depth: usize,
) -> Option<usize> {
    let b = text.as_bytes();
    loop {
        j += text[j..].len() - text[j..].trim_start().len();
        if *b.get(j)? == b'}' {
            mine.push(Token {
                range: j..j + 1,
                kind: Kind::Syntax,
            });
            return Some(j + 1);
        }
        let sel_start = j;
        if text[j..].starts_with("offset:") {
            j += 7;
            j += b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
            continue;
        }
        if b[j] == b'=' {
            j += 1;
        }
        let sl = ident_len(&text[j..]);
        if sl == 0 {
            return None;
        }
        j += sl;
        let sel = text[sel_start..j].to_string();
        j += text[j..].len() - text[j..].trim_start().len();
        if b.get(j) != Some(&b'{') {
            return None;
        }
        mine.push(Token {
            range: sel_start..j + 1,
            kind: Kind::IcuCase(ty.to_string(), sel),
        });
        j = case_body(text, j + 1, ty != "select", mine, depth)?;
    }
}

/// The message inside an ICU case, up to and including its closing brace.
fn case_body(
    text: &str,
    mut j: usize,
    plural: bool,
    out: &mut Vec<Token>,
    depth: usize,
) -> Option<usize> {
    let b = text.as_bytes();
    while j < b.len() {
        match b[j] {
            b'}' => {
                out.push(Token {
                    range: j..j + 1,
                    kind: Kind::Syntax,
                });
                return Some(j + 1);
            }
            b'{' => {
                j = brace(text, j, out, Some(depth + 1))?;
            }
            b'#' if plural => {
                out.push(Token {
                    range: j..j + 1,
                    kind: Kind::Syntax,
                });
                j += 1;
            }
            b'\'' if b.get(j + 1) == Some(&b'{') => {
                // ICU quoting: '{' is a literal brace.
                j += text[j + 1..].find('\'').map_or(b.len() - j, |k| k + 2);
            }
            _ => j += 1,
        }
    }
    None
}

/// The protected tokens of one side of a link, as (range in the link's
/// joined text, raw text): placeholders and tags the reader marked.
pub(crate) fn link_protected(
    doc: &Document,
    segs: &[Segment],
    ids: &[usize],
) -> Vec<(Range<usize>, String)> {
    let Some(origin) = &doc.origin else {
        return Vec::new();
    };
    let raw = origin.raw();
    let mut out = Vec::new();
    let mut base = 0;
    for (k, &i) in ids.iter().enumerate() {
        let Some(s) = segs.get(i) else { continue };
        if k > 0 {
            base += 1;
        }
        for p in origin.protected() {
            if p.start >= s.start
                && p.end <= s.end
                && let Some(t) = raw.get(p.clone())
            {
                out.push((
                    base + p.start - s.start..base + p.end - s.start,
                    t.to_string(),
                ));
            }
        }
        base += s.end - s.start;
    }
    // A range inside another (a tag within an XLIFF code) is part of it.
    let all = out.clone();
    out.retain(|(r, _)| {
        !all.iter()
            .any(|(o, _)| o.start <= r.start && r.end <= o.end && o.len() > r.len())
    });
    out
}

/// The placeholder tokens of one side of a link: the protected tokens that
/// are placeholders, with ranges in the link's joined text.
fn side_tokens(doc: &Document, segs: &[Segment], ids: &[usize]) -> Vec<Token> {
    let prot = link_protected(doc, segs, ids);
    if prot.is_empty() {
        return Vec::new();
    }
    // Re-read the joined raw text so ICU structure is seen whole.
    let Some(origin) = &doc.origin else {
        return Vec::new();
    };
    let joined: Vec<&str> = ids
        .iter()
        .filter_map(|&i| segs.get(i))
        .map(|s| origin.raw().get(s.start..s.end).unwrap_or(""))
        .collect();
    let joined = joined.join(" ");
    let all = Syntaxes {
        guess: false,
        ..Syntaxes::ALL
    };
    tokens(&joined, all)
        .into_iter()
        .filter(|t| {
            prot.iter()
                .any(|(r, _)| r.start <= t.range.start && t.range.end <= r.end)
        })
        .collect()
}

fn key(t: &Token) -> Option<&str> {
    match &t.kind {
        Kind::Ordered(k) | Kind::Keyed(k) => Some(k),
        _ => None,
    }
}

fn shown(k: &str) -> String {
    format!("`{k}`")
}

/// Compares one link's placeholders; pushes findings.
fn compare(
    li: usize,
    src: &[Token],
    tgt: &[Token],
    src_text: &str,
    tgt_text: &str,
    leeway: Leeway,
    out: &mut Vec<Finding>,
) {
    let (src, tgt) = (numbered(src, tgt), numbered(tgt, src));
    let (src, tgt) = (as_d(src), as_d(tgt));
    let (src, tgt) = (src.as_slice(), tgt.as_slice());
    let (sm, tm) = (by_key(src), by_key(tgt));
    let mut missing = surplus(&sm, &tm);
    let added = surplus(&tm, &sm);
    let kept: Vec<Token>;
    let mut src = src;
    if leeway.one && count_dropped(src, &missing, added.len()) {
        let dropped = missing.remove(0).1;
        kept = src.iter().filter(|t| t.range != dropped).cloned().collect();
        src = &kept;
    }
    if leeway.moved {
        // Moved to another sentence of the unit: there, in its own order.
    } else if missing.len() == 1 && added.len() == 1 {
        let ((mk, mr), (ak, ar)) = (&missing[0], &added[0]);
        out.push(
            Finding::new(
                "placeholder",
                Severity::Error,
                format!("placeholder {} became {}", shown(mk), shown(ak)),
            )
            .link(li)
            .source_span(mr.clone())
            .target_span(ar.clone())
            .expected(mk.clone())
            .suggestion(src_text.get(mr.clone()).unwrap_or(mk).to_string()),
        );
    } else {
        for (k, r) in &missing {
            out.push(
                Finding::new(
                    "placeholder",
                    Severity::Error,
                    format!("placeholder {} is missing in the translation", shown(k)),
                )
                .link(li)
                .source_span(r.clone()),
            );
        }
        for (k, r) in &added {
            out.push(
                Finding::new(
                    "placeholder",
                    Severity::Error,
                    format!("placeholder {} is not in the source", shown(k)),
                )
                .link(li)
                .target_span(r.clone()),
            );
        }
    }
    if missing.is_empty() && added.is_empty() {
        order(li, src, tgt, tgt_text, out);
    }
    icu_cases(li, src, tgt, out);
}

/// What a link's comparison lets pass.
#[derive(Debug, Clone, Copy, Default)]
struct Leeway {
    /// The target is a plural entry's form for one ([`count_dropped`]).
    one: bool,
    /// The link is one sentence of a unit whose placeholders all match:
    /// one missing here and added in the next sentence has moved.
    moved: bool,
}

/// Python's automatic fields (`{}`) numbered (`{0}`, `{1}`) when the other
/// side numbers its fields and this one numbers none: the same fields.
fn numbered(ts: &[Token], other: &[Token]) -> Vec<Token> {
    let is_auto = |t: &Token| matches!(&t.kind, Kind::Ordered(k) if k == "{}");
    let is_num = |t: &Token| {
        matches!(&t.kind, Kind::Keyed(k) if k.len() > 2
            && k.starts_with('{') && k.ends_with('}')
            && k[1..k.len() - 1].bytes().all(|b| b.is_ascii_digit()))
    };
    if !ts.iter().any(is_auto) || ts.iter().any(is_num) || !other.iter().any(is_num) {
        return ts.to_vec();
    }
    let mut n = 0;
    ts.iter()
        .map(|t| {
            if !is_auto(t) {
                return t.clone();
            }
            n += 1;
            Token {
                range: t.range.clone(),
                kind: Kind::Keyed(format!("{{{}}}", n - 1)),
            }
        })
        .collect()
}

/// printf's `%i` is `%d` (`%(num)i` written `%(num)d`): one conversion.
fn as_d(ts: Vec<Token>) -> Vec<Token> {
    ts.into_iter()
        .map(|mut t| {
            if let Kind::Ordered(k) | Kind::Keyed(k) = &mut t.kind
                && k.starts_with('%')
                && k.len() > 1
                && let Some(head) = k.strip_suffix('i')
            {
                *k = format!("{head}d");
            }
            t
        })
        .collect()
}

/// Where each placeholder occurs, by its key (an ICU argument as
/// `{name, type}`), so that a repeated one counts each time.
fn by_key(ts: &[Token]) -> BTreeMap<String, Vec<Range<usize>>> {
    let mut m: BTreeMap<String, Vec<Range<usize>>> = BTreeMap::new();
    for t in ts {
        if let Some(k) = key(t) {
            m.entry(k.to_string()).or_default().push(t.range.clone());
        }
        if let Kind::IcuArg(n, ty) = &t.kind {
            m.entry(format!("{{{n}, {ty}}}"))
                .or_default()
                .push(t.range.clone());
        }
    }
    m
}

/// The occurrences in `a` beyond those `b` has of the same key, in key order.
fn surplus(
    a: &BTreeMap<String, Vec<Range<usize>>>,
    b: &BTreeMap<String, Vec<Range<usize>>>,
) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    for (k, rs) in a {
        let n = b.get(k).map_or(0, Vec::len);
        out.extend(rs.iter().skip(n).map(|r| (k.clone(), r.clone())));
    }
    out
}

/// Ordered placeholders (`%s %d`) must keep their order.
fn order(li: usize, src: &[Token], tgt: &[Token], tgt_text: &str, out: &mut Vec<Finding>) {
    let seq = |ts: &[Token]| -> Vec<(String, Range<usize>)> {
        ts.iter()
            .filter_map(|t| match &t.kind {
                Kind::Ordered(k) => Some((k.clone(), t.range.clone())),
                _ => None,
            })
            .collect()
    };
    let (s, t) = (seq(src), seq(tgt));
    let same = s.iter().map(|x| &x.0).eq(t.iter().map(|x| &x.0));
    if !same && let Some(first) = t.first() {
        let span = first.1.start..t.last().map_or(first.1.end, |x| x.1.end);
        let _ = tgt_text;
        out.push(
            Finding::new(
                "placeholder",
                Severity::Error,
                format!(
                    "placeholders {} fill in order but come as {}; keep the source order or number them (%1$s)",
                    s.iter().map(|x| x.0.as_str()).collect::<Vec<_>>().join(" "),
                    t.iter().map(|x| x.0.as_str()).collect::<Vec<_>>().join(" ")
                ),
            )
            .link(li)
            .target_span(span),
        );
    }
}

/// ICU cases: select cases must match; a plural needs `other`.
fn icu_cases(li: usize, src: &[Token], tgt: &[Token], out: &mut Vec<Finding>) {
    let cases = |ts: &[Token], want: &str| -> Vec<String> {
        let mut v: Vec<String> = ts
            .iter()
            .filter_map(|t| match &t.kind {
                Kind::IcuCase(ty, sel) if ty == want => Some(sel.clone()),
                _ => None,
            })
            .collect();
        v.sort();
        v
    };
    let (ss, ts) = (cases(src, "select"), cases(tgt, "select"));
    if ss != ts {
        out.push(
            Finding::new(
                "placeholder",
                Severity::Error,
                format!(
                    "select cases differ: source has {}, translation has {}",
                    ss.join(" "),
                    ts.join(" ")
                ),
            )
            .link(li),
        );
    }
    for ty in ["plural", "selectordinal"] {
        let has_arg = tgt
            .iter()
            .any(|t| matches!(&t.kind, Kind::IcuArg(_, x) if x == ty));
        if has_arg && !cases(tgt, ty).iter().any(|c| c == "other") {
            out.push(
                Finding::new(
                    "placeholder",
                    Severity::Error,
                    format!("the {ty} has no `other` case, which ICU requires"),
                )
                .link(li),
            );
        }
    }
}

impl Check for PlaceholderCheck {
    fn id(&self) -> &'static str {
        "placeholder"
    }
    fn description(&self) -> &'static str {
        "A printf, Python, ICU or i18next placeholder missing, added or changed"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        if ctx.source.origin.is_none() && ctx.target.origin.is_none() {
            return;
        }
        let tokens: Vec<Option<(Vec<Token>, Vec<Token>)>> = ctx
            .links
            .iter()
            .map(|link| {
                if link.source.is_empty() || link.target.is_empty() {
                    return None;
                }
                let s = side_tokens(ctx.source, ctx.source_segments, &link.source);
                let t = side_tokens(ctx.target, ctx.target_segments, &link.target);
                Some((s, t))
            })
            .collect();
        let moved = moved_within_units(ctx, &tokens);
        for (li, link) in ctx.links.iter().enumerate() {
            let Some((s, t)) = &tokens[li] else {
                continue;
            };
            if s.is_empty() && t.is_empty() {
                continue;
            }
            let v = &ctx.views[li];
            let (st, tt) = (
                raw_view(
                    ctx.source,
                    &v.source.text,
                    ctx.source_segments,
                    &link.source,
                ),
                raw_view(
                    ctx.target,
                    &v.target.text,
                    ctx.target_segments,
                    &link.target,
                ),
            );
            let leeway = Leeway {
                one: one_form(ctx.target, ctx.target_segments, &link.target),
                moved: moved[li],
            };
            compare(li, s, t, &st, &tt, leeway, out);
        }
    }
}

/// Per link, whether it is one of several sentences of a catalogue unit
/// whose placeholders, taken whole, are the same on both sides: a
/// placeholder the translation moves to another sentence is still there.
fn moved_within_units(ctx: &Context, tokens: &[Option<(Vec<Token>, Vec<Token>)>]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut group: Vec<usize> = Vec::new();
    let close = |group: &mut Vec<usize>, out: &mut [bool]| {
        if group.len() > 1 && balanced(group, tokens) {
            for &i in group.iter() {
                out[i] = true;
            }
        }
        group.clear();
    };
    for (li, t) in tokens.iter().enumerate() {
        if t.is_none() {
            close(&mut group, &mut out);
            continue;
        }
        let joined = group.last().is_some_and(|&prev| {
            let (a, b) = (&ctx.links[prev], &ctx.links[li]);
            one_unit(ctx.source, ctx.source_segments, &a.source, &b.source)
                && one_unit(ctx.target, ctx.target_segments, &a.target, &b.target)
        });
        if !joined {
            close(&mut group, &mut out);
        }
        group.push(li);
    }
    close(&mut group, &mut out);
    out
}

/// Whether the sentences `a` then `b` of a projected document come from
/// one unit: no separator laid between them.
fn one_unit(doc: &Document, segs: &[Segment], a: &[usize], b: &[usize]) -> bool {
    let (Some(origin), Some(x), Some(y)) = (
        &doc.origin,
        a.last().and_then(|&i| segs.get(i)),
        b.first().and_then(|&i| segs.get(i)),
    ) else {
        return false;
    };
    x.end <= y.start && !origin.has_separator(x.end..y.start)
}

/// Whether a group of links has the same placeholders on both sides.
fn balanced(group: &[usize], tokens: &[Option<(Vec<Token>, Vec<Token>)>]) -> bool {
    let keys = |side: usize| {
        let mut v: Vec<String> = group
            .iter()
            .filter_map(|&i| tokens[i].as_ref())
            .flat_map(|(s, t)| if side == 0 { s } else { t })
            .filter_map(|t| key(t).map(str::to_string))
            .collect();
        v.sort();
        v
    };
    let (s, t) = (keys(0), keys(1));
    !s.is_empty() && s == t
}

/// Whether the link's target is a plural entry's form for one.
fn one_form(doc: &Document, segs: &[Segment], ids: &[usize]) -> bool {
    let (Some(origin), Some(s)) = (&doc.origin, ids.first().and_then(|&i| segs.get(i))) else {
        return false;
    };
    origin.in_one_form(s.start)
}

/// The form for one may say its count in words or not at all (`%d file`
/// as `um ficheiro`), as gettext's `msgfmt -c` allows: one placeholder
/// missing and none added there is that count. A numeric one (`%d`,
/// `%(n)d`) is the count when the source has one.
fn count_dropped(src: &[Token], missing: &[(String, Range<usize>)], added: usize) -> bool {
    let numeric = |k: &str| k.starts_with('%') && k.ends_with(['d', 'i', 'u']);
    let [(k, _)] = missing else {
        return false;
    };
    added == 0 && (numeric(k) || !src.iter().filter_map(key).any(numeric))
}

/// The link side's text with placeholders in place (the view is masked).
fn raw_view(doc: &Document, masked: &str, segs: &[Segment], ids: &[usize]) -> String {
    let Some(origin) = &doc.origin else {
        return masked.to_string();
    };
    ids.iter()
        .filter_map(|&i| segs.get(i))
        .map(|s| origin.raw().get(s.start..s.end).unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        tokens(s, Syntaxes::ALL)
            .iter()
            .map(|t| match &t.kind {
                Kind::Ordered(k) | Kind::Keyed(k) => k.clone(),
                Kind::IcuArg(n, ty) => format!("icu:{n}:{ty}"),
                Kind::IcuCase(ty, s) => format!("case:{ty}:{s}"),
                Kind::Syntax => s[t.range.clone()].to_string(),
            })
            .collect()
    }

    fn findings(src: &str, tgt: &str) -> Vec<Finding> {
        let s = tokens(src, Syntaxes::ALL);
        let t = tokens(tgt, Syntaxes::ALL);
        let mut out = Vec::new();
        compare(0, &s, &t, src, tgt, Leeway::default(), &mut out);
        out
    }

    fn findings_one(src: &str, tgt: &str) -> Vec<Finding> {
        let s = tokens(src, Syntaxes::ALL);
        let t = tokens(tgt, Syntaxes::ALL);
        let mut out = Vec::new();
        let one = Leeway {
            one: true,
            ..Leeway::default()
        };
        compare(0, &s, &t, src, tgt, one, &mut out);
        out
    }

    #[test]
    fn the_form_for_one_may_drop_its_count() {
        assert!(findings_one("%(count)s day ago", "vor einem Tag").is_empty());
        assert!(findings_one("{n} item", "Ein Element").is_empty());
        // The numeric one is the count; the other stays, in order.
        assert!(findings_one("%d file in %s", "um ficheiro em %s").is_empty());
        assert_eq!(findings("%(count)s day ago", "vor einem Tag").len(), 1);
    }

    #[test]
    fn printf_i_and_d_are_one_conversion() {
        assert!(findings("%(num)i second", "%(num)d secondo").is_empty());
        assert!(findings("%i of %d", "%d de %i").is_empty());
        assert_eq!(findings("%(num)i second", "%(num)s secondo").len(), 1);
    }

    #[test]
    fn the_form_for_one_keeps_what_is_not_its_count() {
        assert_eq!(findings_one("%d file in %s", "%d ficheiro em").len(), 1);
        assert_eq!(findings_one("%s: %s file", "um ficheiro").len(), 2);
        // One missing and one added: the count became another placeholder.
        assert_eq!(findings_one("%d file", "um ficheiro %s").len(), 1);
    }

    #[test]
    fn printf_forms() {
        assert_eq!(
            keys("%s and %d, %1$s %.2f %-5d %(name)s %ld"),
            vec!["%s", "%d", "%1$s", "%.2f", "%-5d", "%(name)s", "%ld"]
        );
        assert_eq!(keys("100%% sure"), Vec::<String>::new());
        // A percent sign in prose is no placeholder.
        assert_eq!(keys("50% de 3%dos"), Vec::<String>::new());
        assert_eq!(keys("%{count} items"), vec!["%{count}"]);
    }

    #[test]
    fn percent_names_are_placeholders_unless_printf_is_declared() {
        assert_eq!(
            keys("try again in %minutes% minutes, %count_2% left"),
            vec!["%minutes%", "%count_2%"]
        );
        // printf conversions next to a percent sign stay printf.
        assert_eq!(keys("%s%% done, %lu%s"), vec!["%s", "%lu", "%s"]);
        assert_eq!(keys("de 50% a 30% dos"), Vec::<String>::new());
        assert!(tokens("%minutes%", Syntaxes::PRINTF).is_empty());
        // What the check reads a unit with (no guessing at `%d` in words).
        let all = Syntaxes {
            guess: false,
            ..Syntaxes::ALL
        };
        assert_eq!(tokens("em %minutes% minutos", all).len(), 1);
        let f = findings(
            "Try again in %minutes% minute.",
            "Tente novamente em 1 minuto.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn declared_printf_may_touch_letters() {
        let t = tokens("%dm %.3fs", Syntaxes::PRINTF);
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn brace_forms() {
        assert_eq!(
            keys("{0} of {name} {} {0:.2f} {x!r}"),
            vec!["{0}", "{name}", "{}", "{0:.2f}", "{x!r}"]
        );
        assert_eq!(
            keys("Hi {{user}} $t(app.name)"),
            vec!["{{user}}", "$t(app.name)"]
        );
        // A JSON-looking brace in prose is not a placeholder.
        assert_eq!(keys("use { \"a\": 1 }"), Vec::<String>::new());
    }

    #[test]
    fn icu_plural_structure() {
        let k = keys("{count, plural, one {# file} other {# files in {dir}}}");
        assert_eq!(
            k,
            vec![
                "icu:count:plural",
                "case:plural:one",
                "#",
                "}",
                "case:plural:other",
                "#",
                "{dir}",
                "}",
                "}"
            ]
        );
        assert_eq!(keys("{n, number}"), vec!["icu:n:number"]);
    }

    #[test]
    fn missing_added_and_renamed() {
        let f = findings("Delete %(name)s?", "Excluir?");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("missing"), "{}", f[0].message);
        let f = findings("Hello {name}", "Olá {nome}");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("became"), "{}", f[0].message);
        assert_eq!(f[0].suggestion.as_deref(), Some("{name}"));
        let f = findings("Saved", "Salvo %s");
        assert!(f[0].message.contains("not in the source"));
    }

    #[test]
    fn automatic_fields_are_the_numbered_ones() {
        assert!(findings("Unsupported state: {}", "Estado: {0}").is_empty());
        assert!(findings("From {} to {}", "De {0} a {1}").is_empty());
        // The other field is still another one.
        assert_eq!(findings("From {} to {}", "De {1} a {1}").len(), 1);
        assert_eq!(findings("State: {}", "Estado: {1}").len(), 1);
    }

    #[test]
    fn positional_may_move_ordered_may_not() {
        assert!(findings("%1$s of %2$s", "%2$s de %1$s").is_empty());
        assert!(findings("{0} of {1}", "{1} de {0}").is_empty());
        let f = findings("%s has %d", "%d tem %s");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("order"), "{}", f[0].message);
        assert!(findings("%s has %d", "%s tem %d").is_empty());
    }

    #[test]
    fn changed_conversion_is_reported() {
        let f = findings("%d files", "%s arquivos");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("`%d` became `%s`"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn icu_plural_cases_may_differ_but_need_other() {
        assert!(
            findings(
                "{n, plural, one {# file} other {# files}}",
                "{n, plural, one {# arquivo} many {# arquivos} other {# arquivos}}"
            )
            .is_empty()
        );
        let f = findings(
            "{n, plural, one {# file} other {# files}}",
            "{n, plural, one {# arquivo}}",
        );
        assert!(f.iter().any(|f| f.message.contains("other")), "{f:?}");
        let f = findings(
            "{n, plural, one {# file} other {# files}}",
            "{m, plural, one {# arquivo} other {# arquivos}}",
        );
        assert!(f.iter().any(|f| f.message.contains("became")), "{f:?}");
        let f = findings(
            "{g, select, male {he} other {they}}",
            "{g, select, other {eles}}",
        );
        assert!(
            f.iter().any(|f| f.message.contains("select cases")),
            "{f:?}"
        );
    }

    #[test]
    fn i18next_and_t_function() {
        assert!(findings("Hi {{name}}, see $t(menu)", "Oi {{name}}, veja $t(menu)").is_empty());
        assert_eq!(findings("Hi {{name}}", "Oi {{nome}}").len(), 1);
    }

    #[test]
    fn plain_text_pairs_are_left_alone() {
        let f = crate::checks::testutil::Fixture::pair("Custa 5%d.", "It costs {x}.");
        assert!(f.run(&PlaceholderCheck).is_empty());
    }
}
