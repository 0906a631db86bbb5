//! The `tag` check: inline markup in a unit (`<b>`, `<a href="%s">`, XLIFF
//! codes kept as tags) missing, added, unbalanced or illegally nested in the
//! translation. Also owns the inline-tag scanner the bilingual readers use
//! to mark tags as not prose. Runs on texts read from structured files only.

use super::placeholder::link_protected;
use super::{Check, Context};
use crate::finding::{Finding, Severity};
use std::collections::BTreeMap;
use std::ops::Range;

pub struct TagCheck;

/// One inline tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub range: Range<usize>,
    /// Lower-case element name.
    pub name: String,
    pub kind: TagKind,
    /// Has `name=value` attributes.
    pub attrs: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    Open,
    Close,
    Empty,
}

/// The inline tags of a text: `<name …>`, `</name>`, `<name …/>`. A `<`
/// that does not open a well-formed tag on the same line is text.
pub fn scan(text: &str) -> Vec<Tag> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'<'
            && let Some(t) = tag_at(text, i)
        {
            i = t.range.end;
            out.push(t);
            continue;
        }
        i += 1;
    }
    out
}

fn tag_at(text: &str, i: usize) -> Option<Tag> {
    let b = text.as_bytes();
    let mut j = i + 1;
    let close = b.get(j) == Some(&b'/');
    if close {
        j += 1;
    }
    if !b.get(j)?.is_ascii_alphabetic() {
        return None;
    }
    let name_start = j;
    j += b[j..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_'))
        .count();
    let name = text[name_start..j].to_ascii_lowercase();
    // After the name: the end, a space before attributes, or `/>`.
    match b.get(j)? {
        b'>' => {}
        b'/' if b.get(j + 1) == Some(&b'>') => {}
        c if c.is_ascii_whitespace() && !close => {}
        _ => return None,
    }
    let end = tag_end(b, j)?;
    if end - i > 400 {
        return None;
    }
    let kind = if close {
        TagKind::Close
    } else if b[end - 1] == b'/' {
        TagKind::Empty
    } else {
        TagKind::Open
    };
    Some(Tag {
        range: i..end + 1,
        attrs: text[j..end].contains('='),
        name,
        kind,
    })
}

/// The `>` that ends a tag whose attributes start at `j`: a quoted value
/// may span lines (XLIFF keeps `equiv-text="</strong\n >"` as written),
/// but outside quotes a line break or a `<` means this is no tag.
fn tag_end(b: &[u8], mut j: usize) -> Option<usize> {
    let mut quote = None;
    let stop = j + 400;
    while let Some(&c) = b.get(j).filter(|_| j < stop) {
        match (quote, c) {
            (_, b'<') => return None,
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if b[..j].last().is_some_and(|p| *p == b'=') => quote = Some(c),
            (None, b'>') => return Some(j),
            (None, b'\n') => return None,
            _ => {}
        }
        j += 1;
    }
    None
}

/// Elements that never have a closing tag.
const VOID: &[&str] = &[
    "br", "hr", "img", "input", "meta", "link", "wbr", "x", "bx", "ex", "ph", "it", "sc", "ec",
    "bpt", "ept", "sub",
];

/// Unbalanced or crossed tags: a message, and the tag it points at.
fn structure(tags: &[Tag]) -> Option<(String, Range<usize>)> {
    let mut stack: Vec<&Tag> = Vec::new();
    for t in tags {
        match t.kind {
            TagKind::Empty => {}
            TagKind::Open if VOID.contains(&t.name.as_str()) => {}
            TagKind::Open => stack.push(t),
            TagKind::Close => match stack.pop() {
                Some(o) if o.name == t.name => {}
                Some(o) => {
                    return Some((
                        format!("</{}> closes <{}>: the tags cross", t.name, o.name),
                        t.range.clone(),
                    ));
                }
                None => return Some((format!("</{}> closes nothing", t.name), t.range.clone())),
            },
        }
    }
    stack
        .last()
        .map(|o| (format!("<{}> is never closed", o.name), o.range.clone()))
}

fn side(tokens: &[(Range<usize>, String)]) -> Vec<Tag> {
    tokens
        .iter()
        .filter_map(|(r, s)| {
            tag_at(s, 0).map(|t| Tag {
                range: r.start + t.range.start..r.start + t.range.end,
                ..t
            })
        })
        .collect()
}

/// The tags that are markup: a bare `<command>` that nothing closes is a
/// usage placeholder (translatable), not an element, and is left out.
fn markup(all: Vec<Tag>, other: &[Tag]) -> Vec<Tag> {
    let closed: Vec<String> = all
        .iter()
        .chain(other)
        .filter(|t| t.kind == TagKind::Close)
        .map(|t| t.name.clone())
        .collect();
    all.into_iter()
        .filter(|t| {
            t.kind != TagKind::Open
                || t.attrs
                || VOID.contains(&t.name.as_str())
                || closed.contains(&t.name)
        })
        .collect()
}

fn compare(li: usize, src: &[Tag], tgt: &[Tag], out: &mut Vec<Finding>) {
    let count = |ts: &[Tag]| {
        let mut m: BTreeMap<(String, bool), Vec<Range<usize>>> = BTreeMap::new();
        for t in ts {
            m.entry((t.name.clone(), t.kind == TagKind::Close))
                .or_default()
                .push(t.range.clone());
        }
        m
    };
    let (sm, tm) = (count(src), count(tgt));
    let shown = |(n, close): &(String, bool)| format!("<{}{n}>", if *close { "/" } else { "" });
    for (k, rs) in &sm {
        let have = tm.get(k).map_or(0, Vec::len);
        for r in rs.iter().skip(have) {
            out.push(
                Finding::new(
                    "tag",
                    Severity::Error,
                    format!("tag {} is missing in the translation", shown(k)),
                )
                .link(li)
                .source_span(r.clone()),
            );
        }
    }
    for (k, rs) in &tm {
        let have = sm.get(k).map_or(0, Vec::len);
        for r in rs.iter().skip(have) {
            out.push(
                Finding::new(
                    "tag",
                    Severity::Error,
                    format!("tag {} is not in the source", shown(k)),
                )
                .link(li)
                .target_span(r.clone()),
            );
        }
    }
    // Only a structure the source does not share is the translation's fault.
    if structure(src).is_none()
        && let Some((msg, r)) = structure(tgt)
    {
        out.push(
            Finding::new("tag", Severity::Error, msg)
                .link(li)
                .target_span(r),
        );
    }
}

impl Check for TagCheck {
    fn id(&self) -> &'static str {
        "tag"
    }
    fn description(&self) -> &'static str {
        "Inline markup or XLIFF codes missing, added, unbalanced or crossed in a unit"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        if ctx.source.origin.is_none() && ctx.target.origin.is_none() {
            return;
        }
        for (li, link) in ctx.links.iter().enumerate() {
            if link.source.is_empty() || link.target.is_empty() {
                continue;
            }
            let s = side(&link_protected(
                ctx.source,
                ctx.source_segments,
                &link.source,
            ));
            let t = side(&link_protected(
                ctx.target,
                ctx.target_segments,
                &link.target,
            ));
            if !s.is_empty() || !t.is_empty() {
                let (ms, mt) = (markup(s.clone(), &t), markup(t, &s));
                compare(li, &ms, &mt, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, t: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        let (s, t) = (scan(s), scan(t));
        compare(0, &markup(s.clone(), &t), &markup(t, &s), &mut out);
        out
    }

    #[test]
    fn a_bare_usage_placeholder_is_not_markup() {
        assert!(run("<command>", "<comando>").is_empty());
        assert_eq!(run("<a href=\"x\">doc</a>", "doc").len(), 2);
    }

    #[test]
    fn a_quoted_attribute_value_may_span_lines() {
        // Angular's XLIFF: the same code written with `&#xA;` in the source
        // and a line break in the target.
        let s = "Use <x id=\"CLOSE_TAG_STRONG\" equiv-text=\"&lt;/strong&#xA;  &gt;\"/> now";
        let t = "Use <x id=\"CLOSE_TAG_STRONG\" equiv-text=\"&lt;/strong\n  &gt;\"/> já";
        assert_eq!(scan(t).len(), 1);
        assert!(run(s, t).is_empty());
        // Outside quotes a line break still ends the would-be tag.
        assert!(scan("a <b\n> c").is_empty());
        assert!(scan("a <x title=\"never closed> c <b>d</b>").len() == 2);
    }

    #[test]
    fn scans_tags_not_comparisons() {
        let t =
            scan("a <b>bold</b> <br/> <a href=\"%s\">x</a> 1 < 2 > 0 <rff@x.com> <https://x.org>");
        let names: Vec<_> = t.iter().map(|t| (t.name.as_str(), t.kind)).collect();
        assert_eq!(
            names,
            vec![
                ("b", TagKind::Open),
                ("b", TagKind::Close),
                ("br", TagKind::Empty),
                ("a", TagKind::Open),
                ("a", TagKind::Close)
            ]
        );
    }

    #[test]
    fn same_tags_pass_moved_or_not() {
        assert!(run("<b>Save</b> now", "Salve <b>agora</b>").is_empty());
        assert!(run("line<br>two", "linha<br>dois").is_empty());
    }

    #[test]
    fn lost_added_unbalanced_and_crossed() {
        let f = run("<b>Save</b>", "Salvar");
        assert_eq!(f.len(), 2);
        assert!(f[0].message.contains("missing"));
        assert!(
            run("Save", "<i>Salvar</i>")
                .iter()
                .all(|f| f.message.contains("not in the source"))
        );
        let f = run("<b>a</b>", "<b>a");
        assert!(
            f.iter().any(|f| f.message.contains("</b> is missing")),
            "{f:?}"
        );
        assert!(
            f.iter().any(|f| f.message.contains("never closed")),
            "{f:?}"
        );
        let f = run("<b><i>a</i></b>", "<b><i>a</b></i>");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("cross"), "{f:?}");
    }

    #[test]
    fn plain_text_pairs_are_left_alone() {
        let f = crate::checks::testutil::Fixture::pair("Um <b>teste</b>.", "A test.");
        assert!(f.run(&TagCheck).is_empty());
    }
}
