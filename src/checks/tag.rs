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

/// An element opened and closed with nothing between (`<b …></b>`) is
/// the empty one (`<b …/>`) the other side writes: one tag.
fn collapse_empty(ts: &[Tag], other: &[Tag]) -> Vec<Tag> {
    let empty = |name: &str| {
        other
            .iter()
            .any(|o| o.kind == TagKind::Empty && o.name == name)
    };
    let mut out: Vec<Tag> = Vec::with_capacity(ts.len());
    for t in ts {
        if let Some(last) = out.last_mut()
            && t.kind == TagKind::Close
            && empty(&t.name)
            && last.kind == TagKind::Open
            && last.name == t.name
            && last.range.end == t.range.start
        {
            last.kind = TagKind::Empty;
            last.range.end = t.range.end;
            continue;
        }
        out.push(t.clone());
    }
    out
}

/// The tags each side has beyond the other, counted by name and kind.
fn compare(src: &[Tag], tgt: &[Tag]) -> Surplus {
    let (src, tgt) = (&collapse_empty(src, tgt)[..], &collapse_empty(tgt, src)[..]);
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
    let beyond = |a: &BTreeMap<(String, bool), Vec<Range<usize>>>,
                  b: &BTreeMap<(String, bool), Vec<Range<usize>>>| {
        let mut v = Vec::new();
        for (k, rs) in a {
            let have = b.get(k).map_or(0, Vec::len);
            v.extend(rs.iter().skip(have).map(|r| (k.clone(), r.clone())));
        }
        v
    };
    Surplus {
        missing: beyond(&sm, &tm),
        extra: beyond(&tm, &sm),
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
        let mut surplus: Vec<Surplus> = Vec::with_capacity(ctx.links.len());
        let mut structural = Vec::new();
        for (li, link) in ctx.links.iter().enumerate() {
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
            let one_sided = link.source.is_empty() != link.target.is_empty();
            // A line of codes alone (Angular's XLIFF writes each `<x/>` on
            // its own line) aligned with nothing: its codes still count.
            let codes_only = one_sided
                && (no_prose(ctx.source, ctx.source_segments, &link.source)
                    && no_prose(ctx.target, ctx.target_segments, &link.target));
            if (one_sided && !codes_only) || (s.is_empty() && t.is_empty()) {
                surplus.push(Surplus::default());
                continue;
            }
            let (ms, mt) = (markup(s.clone(), &t), markup(t, &s));
            surplus.push(compare(&ms, &mt));
            if !one_sided
                && structure(&ms).is_none()
                && let Some((msg, r)) = structure(&mt)
            {
                // Only a structure the source does not share is the
                // translation's fault.
                structural.push((
                    li,
                    Finding::new("tag", Severity::Error, msg)
                        .link(li)
                        .target_span(r),
                ));
            }
        }
        let moved = cancel_neighbours(&mut surplus);
        report(&surplus, out);
        // A tag that crosses into the next sentence breaks both sentences'
        // structure, not the unit's.
        out.extend(
            structural
                .into_iter()
                .filter(|(li, _)| !moved[*li])
                .map(|(_, f)| f),
        );
    }
}

/// The tags one link has beyond the other side: (key, range) of each
/// source tag the target lacks and each target tag the source lacks.
#[derive(Default)]
struct Surplus {
    missing: Vec<((String, bool), Range<usize>)>,
    extra: Vec<((String, bool), Range<usize>)>,
}

/// Whether the link side `ids` has no letter or digit outside its codes.
fn no_prose(doc: &crate::input::Document, segs: &[crate::segment::Segment], ids: &[usize]) -> bool {
    let tokens = link_protected(doc, segs, ids);
    let mut text = String::new();
    for (k, &i) in ids.iter().enumerate() {
        if k > 0 {
            text.push(' ');
        }
        if let Some(s) = segs.get(i) {
            text.push_str(doc.text.get(s.start..s.end).unwrap_or(""));
        }
    }
    let mut bytes = text.into_bytes();
    for (r, _) in &tokens {
        if let Some(b) = bytes.get_mut(r.clone()) {
            b.fill(b' ');
        }
    }
    !String::from_utf8_lossy(&bytes)
        .chars()
        .any(char::is_alphanumeric)
}

/// A code one link lacks and its neighbour has on the same side is one
/// code placed across a sentence boundary (`<b>Sit.</b> Breathe.` ↔
/// `<b>Sente-se. </b>Respire.`) or moved by the aligner, not a code lost
/// and one added. Returns, per link, whether a code of it was settled so.
fn cancel_neighbours(surplus: &mut [Surplus]) -> Vec<bool> {
    let mut moved = vec![false; surplus.len()];
    for j in 0..surplus.len() {
        for n in [j.wrapping_sub(1), j + 1] {
            if n >= surplus.len() {
                continue;
            }
            let (a, b) = if n < j {
                let (x, y) = surplus.split_at_mut(j);
                (&mut y[0], &mut x[n])
            } else {
                let (x, y) = surplus.split_at_mut(n);
                (&mut x[j], &mut y[0])
            };
            let before = a.missing.len() + a.extra.len();
            settle(&mut a.missing, &mut b.extra);
            settle(&mut a.extra, &mut b.missing);
            if a.missing.len() + a.extra.len() < before {
                moved[j] = true;
                moved[n] = true;
            }
        }
    }
    moved
}

/// Removes the pairs of equal keys from two lists (counted, so a link
/// with thousands of tags stays linear).
fn settle(
    a: &mut Vec<((String, bool), Range<usize>)>,
    b: &mut Vec<((String, bool), Range<usize>)>,
) {
    let mut avail: std::collections::HashMap<(String, bool), usize> = Default::default();
    for (k, _) in b.iter() {
        *avail.entry(k.clone()).or_default() += 1;
    }
    let mut taken: std::collections::HashMap<(String, bool), usize> = Default::default();
    a.retain(|(k, _)| match avail.get_mut(k) {
        Some(n) if *n > 0 => {
            *n -= 1;
            *taken.entry(k.clone()).or_default() += 1;
            false
        }
        _ => true,
    });
    b.retain(|(k, _)| match taken.get_mut(k) {
        Some(n) if *n > 0 => {
            *n -= 1;
            false
        }
        _ => true,
    });
}

fn shown((n, close): &(String, bool)) -> String {
    format!("<{}{n}>", if *close { "/" } else { "" })
}

fn report(surplus: &[Surplus], out: &mut Vec<Finding>) {
    for (li, s) in surplus.iter().enumerate() {
        for (k, r) in &s.missing {
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
        for (k, r) in &s.extra {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, t: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        let (s, t) = (scan(s), scan(t));
        let (ms, mt) = (markup(s.clone(), &t), markup(t, &s));
        report(&[compare(&ms, &mt)], &mut out);
        if structure(&ms).is_none()
            && let Some((msg, r)) = structure(&mt)
        {
            out.push(Finding::new("tag", Severity::Error, msg).target_span(r));
        }
        out
    }

    #[test]
    fn a_bare_usage_placeholder_is_not_markup() {
        assert!(run("<command>", "<comando>").is_empty());
        assert_eq!(run("<a href=\"x\">doc</a>", "doc").len(), 2);
    }

    /// Findings of the tag rule on an XLIFF 1.2 unit.
    fn xliff(source: &str, target: &str) -> Vec<Finding> {
        let x = format!(
            "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"pt\"><body>\n<trans-unit id=\"a\">\n<source>{source}</source>\n<target>{target}</target>\n</trans-unit>\n</body></file></xliff>\n"
        );
        let doc = crate::input::Document::from_text("m.pt.xlf", &x);
        let bi = crate::formats::read(
            crate::formats::Format::Xliff,
            doc,
            &crate::formats::ReadOptions::default(),
        )
        .expect("parses");
        let r = crate::pipeline::check_bilingual(
            bi,
            &crate::glossary::Glossary::default(),
            &crate::pipeline::PairOptions::default(),
        );
        r.findings.into_iter().filter(|f| f.rule == "tag").collect()
    }

    #[test]
    fn a_code_on_a_line_of_its_own_dropped_is_missing() {
        // ORCID's Angular catalogue writes each code on its own line.
        let codes = |n: usize| {
            (0..n)
                .map(|i| format!("\n    <x id=\"C{i}\" equiv-text=\"&lt;b&gt;\"/>"))
                .collect::<String>()
        };
        let s = format!("\n  The record has been deprecated.\n{}", codes(4));
        let t = format!("\n  O registo foi descontinuado.\n{}", codes(4));
        assert!(xliff(&s, &t).is_empty(), "{:?}", xliff(&s, &t));
        let dropped = format!("\n  O registo foi descontinuado.\n{}", codes(3));
        let f = xliff(&s, &dropped);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("missing"), "{f:?}");
    }

    #[test]
    fn a_tag_placed_across_a_sentence_boundary_is_no_loss() {
        // if-me's catalogue: the closing tag after the full stop.
        let s = "1) <b>Find a relaxed position.</b> You could sit on a chair. 2) <b>Notice your breath.</b> Feel it.";
        let t = "1) <b>Encontre uma posição relaxada. </b>Você pode sentar numa cadeira. 2) <b>Perceba a respiração.</b> Sinta.";
        // HTML inside the text, as a catalogue holds it.
        let esc = |x: &str| x.replace('<', "&lt;").replace('>', "&gt;");
        let f = xliff(&esc(s), &esc(t));
        assert!(f.is_empty(), "{f:?}");
        // A closing tag really lost is still reported.
        let lost = "1) <b>Encontre uma posição relaxada. Você pode sentar numa cadeira. 2) <b>Perceba a respiração.</b> Sinta.";
        assert!(!xliff(&esc(s), &esc(lost)).is_empty());
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
    fn an_empty_element_written_open_and_closed_is_the_same_tag() {
        let s = r#"<strong class="u" t-out="name"/> and <br/>"#;
        assert!(run(s, r#"<strong class="u" t-out="name"></strong> e <br/>"#).is_empty());
        assert!(run("<b></b>", "<b/>").is_empty());
        // Written alike on both sides, a space between is no change.
        assert!(
            run(
                "<em class=\"t\"></em> left",
                "<em class=\"t\"> </em> restam"
            )
            .is_empty()
        );
        // With text between, it is an element with content: still a change.
        assert!(!run("<strong t-out=\"x\"/>", "<strong t-out=\"x\">y</strong>").is_empty());
    }

    #[test]
    fn plain_text_pairs_are_left_alone() {
        let f = crate::checks::testutil::Fixture::pair("Um <b>teste</b>.", "A test.");
        assert!(f.run(&TagCheck).is_empty());
    }
}
