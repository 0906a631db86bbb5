//! The `quote` check: a quotation dropped in the target, unbalanced
//! quotation marks, and (as warnings) marks that break the target
//! language's convention.
//!
//! Quotation marks are followed through each whole document, not link by
//! link, so a quotation opened in one sentence and closed three sentences
//! later is balanced, and a sentence in the middle of it counts as quoted.
//!
//! How a mark is read:
//! - apostrophes are not quotes: a `'`/`’` between letters (`Iran’s`,
//!   `d’água`), before a digit (`’90s`), in a profile's `apostrophe_words`
//!   (`’n’`, `’em`), or closing with nothing open (`the Joneses’ house`);
//! - direction comes from the context (a space before and a letter after
//!   opens), then from the glyph (`“` opens, `”` closes), then, for straight
//!   marks, from whether a quotation is open;
//! - `"`, `“`, `”`, `„`, `«`, `»` are one family and `'`, `‘`, `’`, `‚`, `‹`,
//!   `›` another: a closing mark closes the innermost open quotation of its
//!   family;
//! - news style: a quotation that runs over several paragraphs opens each
//!   paragraph again and closes only at its end. A paragraph that ends
//!   inside a quotation is fine when the next one starts with an opening
//!   mark.
//!
//! Errors: an opening mark never closed (by the end of its paragraph), a
//! closing mark with no opening mark, and a link whose source has a
//! quotation (a mark, or a sentence inside a quotation) while its target has
//! no mark and is not inside a quotation. An imbalance that the aligned
//! source has too, a dropped quotation on a low-confidence link, and a
//! dropped title-like quotation (short and capitalised, as pt quotes
//! titles that English italicises), a quotation dropped from a headline
//! (often paraphrased) and a short quotation whose target uses
//! a profile `equivalents` word instead ("the so-called secret budget") are
//! warnings.

use super::{Check, Context, LinkView};
use crate::align::Link;
use crate::finding::{Finding, Severity};
use crate::profile::Profile;
use crate::segment::Segment;
use std::ops::Range;

pub struct QuoteCheck;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// Opened and closed.
    Paired,
    /// Left open at a paragraph end, and opened again at the next one.
    Continued,
    /// A closing mark with no opening mark.
    Stray,
    /// An opening mark never closed.
    Unclosed,
    /// Read as an apostrophe after all, or too ambiguous to judge.
    Ignored,
}

/// One quotation mark in a document.
#[derive(Debug, Clone)]
struct Mark {
    seg: usize,
    /// Byte offset in the document.
    at: usize,
    ch: char,
    family: Family,
    role: Role,
    status: Status,
    /// Document byte offset of the closing mark of a paired opening mark.
    closed_at: Option<usize>,
}

/// Family and glyph direction of a quotation mark.
fn glyph(c: char) -> Option<(Family, Role)> {
    Some(match c {
        '“' | '„' | '‟' | '«' => (Family::Double, Role::Open),
        '”' | '»' => (Family::Double, Role::Close),
        '"' | '＂' => (Family::Double, Role::Either),
        '‘' | '‚' | '‛' | '‹' => (Family::Single, Role::Open),
        '’' | '›' => (Family::Single, Role::Close),
        '\'' => (Family::Single, Role::Either),
        _ => return None,
    })
}

fn is_apostrophe_glyph(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '‛')
}

/// Characters before a mark that leave it free to open. A placeholder or
/// an inline tag (`{$START_BOLD}„KI“`, read as `{$___}„KI“`; `<b>„KI“</b>`)
/// is no word.
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '(' | '[' | '{' | '}' | '<' | '>' | '—' | '–' | '-' | '/')
        || glyph(c).is_some()
}

/// Characters after a mark that leave it free to close.
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '{'
                | '>'
                | '<'
                | '—'
                | '–'
                | '…'
                | '-'
        )
        || glyph(c).is_some()
}

/// Byte ranges covered by the profile's apostrophe words in `text`.
fn apostrophe_word_spans(text: &str, words: &[String]) -> Vec<Range<usize>> {
    let lower = text.to_lowercase();
    // Lower-casing may change byte lengths; then give up on the list.
    if lower.len() != text.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for w in words {
        let w = w.to_lowercase();
        if w.is_empty() {
            continue;
        }
        for (i, _) in lower.match_indices(&w) {
            let end = i + w.len();
            let before_ok = lower[..i].chars().next_back().is_none_or(|c| {
                !c.is_alphanumeric() || !w.starts_with(|c: char| c.is_alphanumeric())
            });
            let after_ok = lower[end..].chars().next().is_none_or(|c| {
                !c.is_alphanumeric() || !w.ends_with(|c: char| c.is_alphanumeric())
            });
            if before_ok && after_ok {
                out.push(i..end);
            }
        }
    }
    out
}

/// The quotation marks of one sentence, apostrophes left out.
fn classify(text: &str, base: usize, seg: usize, profile: &Profile) -> Vec<Mark> {
    // Most sentences hold no mark at all.
    if !text.chars().any(|c| glyph(c).is_some()) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let apos = std::cell::OnceCell::new();
    let apos =
        || apos.get_or_init(|| apostrophe_word_spans(text, &profile.quotes.apostrophe_words));
    let mut out = Vec::new();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let Some((family, glyph_role)) = glyph(c) else {
            continue;
        };
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|x| x.1);
        let next = chars.get(k + 1).map(|x| x.1);
        if is_apostrophe_glyph(c) {
            let between_letters =
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            let before_digit = next.is_some_and(|n| n.is_ascii_digit())
                && prev.is_none_or(|p| !p.is_alphanumeric());
            // A prime: 5' or 5’ (feet, minutes).
            let prime = c == '\'' && prev.is_some_and(|p| p.is_ascii_digit());
            if between_letters || before_digit || prime || apos().iter().any(|r| r.contains(&i)) {
                continue;
            }
        }
        let free_before = prev.is_none_or(opens_after);
        let free_after = next.is_none_or(closes_before);
        // Glued to a path's or a dash's end (`„/about/“`), a mark free both
        // ways closes what that token ends.
        let glued_end = prev.is_some_and(|p| matches!(p, '/' | '-' | '—' | '–'))
            && next.is_none_or(|n| !n.is_alphanumeric());
        let role = match (free_before, free_after) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            (true, true) if glued_end => Role::Close,
            _ => glyph_role,
        };
        out.push(Mark {
            seg,
            at: base + i,
            ch: c,
            family,
            role,
            status: Status::Ignored,
            closed_at: None,
        });
    }
    out
}

/// Quotation state of one whole document.
struct SideQuotes {
    marks: Vec<Mark>,
    /// Document byte ranges inside a quotation (marks included), as
    /// (start, greatest end so far), sorted by start: whether
    /// any range covers an offset is one binary search, not a scan of
    /// every quotation in the document.
    reach: Vec<(usize, usize)>,
}

impl SideQuotes {
    fn new(marks: Vec<Mark>, quoted: &[Range<usize>]) -> SideQuotes {
        let mut reach: Vec<(usize, usize)> = quoted.iter().map(|r| (r.start, r.end)).collect();
        reach.sort_unstable();
        let mut far = 0;
        for r in &mut reach {
            far = far.max(r.1);
            r.1 = far;
        }
        SideQuotes { marks, reach }
    }

    /// Whether some quoted range starting before `at` (or at it, with
    /// `from_at`) ends after it.
    fn covered(&self, at: usize, from_at: bool) -> bool {
        let k = self
            .reach
            .partition_point(|&(start, _)| start < at || (from_at && start == at));
        k > 0 && self.reach[k - 1].1 > at
    }

    /// The marks of one sentence (marks are in document order).
    fn marks_in(&self, seg: usize) -> impl Iterator<Item = &Mark> {
        let from = self.marks.partition_point(|m| m.seg < seg);
        let to = self.marks.partition_point(|m| m.seg <= seg);
        self.marks.get(from..to).unwrap_or(&[]).iter()
    }

    /// Whether the sentence starts inside a quotation opened before it.
    fn inside_at_start(&self, s: &Segment) -> bool {
        self.covered(s.start, false)
    }

    /// Words of the sentence that are inside a quotation.
    fn quoted_words(&self, s: &Segment, doc: &str) -> usize {
        let Some(t) = doc.get(s.start..s.end) else {
            return 0;
        };
        crate::text::words(t)
            .iter()
            .filter(|w| {
                let at = s.start + w.start;
                self.covered(at, true)
            })
            .count()
    }
}

/// Whether only whitespace precedes the mark in its sentence and a line
/// break precedes the sentence: the mark opens a new line or paragraph.
fn starts_line(m: &Mark, segs: &[Segment], doc: &str) -> bool {
    let Some(s) = segs.get(m.seg) else {
        return false;
    };
    let lead_blank = doc.get(s.start..m.at).is_some_and(|t| t.trim().is_empty());
    let gap = match m.seg.checked_sub(1).and_then(|p| segs.get(p)) {
        Some(prev) => doc.get(prev.end..s.start).unwrap_or(""),
        None => "\n",
    };
    lead_blank && gap.contains('\n')
}

/// Follows the quotation marks through a document.
fn analyse(doc: &str, segs: &[Segment], profile: &Profile) -> SideQuotes {
    let mut marks = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        if let Some(t) = doc.get(s.start..s.end) {
            marks.extend(classify(t, s.start, i, profile));
        }
    }
    let mut f = Follow {
        doc,
        segs,
        marks,
        quoted: Vec::new(),
        stack: Vec::new(),
    };
    let mut k = 0;
    for i in 0..segs.len() {
        if i > 0 && segs[i].paragraph != segs[i - 1].paragraph {
            let next_opens = f.reopens(k, i);
            f.end_paragraph(i - 1, next_opens);
        }
        while k < f.marks.len() && f.marks[k].seg == i {
            f.step(k, i);
            k += 1;
        }
    }
    if !segs.is_empty() {
        f.end_paragraph(segs.len() - 1, false);
    }
    SideQuotes::new(f.marks, &f.quoted)
}

/// The state of `analyse` while it walks the marks in document order.
struct Follow<'a> {
    doc: &'a str,
    segs: &'a [Segment],
    marks: Vec<Mark>,
    /// Document byte ranges found inside a quotation so far.
    quoted: Vec<Range<usize>>,
    /// Indices of the marks still open, innermost last.
    stack: Vec<usize>,
}

impl Follow<'_> {
    fn seg_end(&self, i: usize) -> usize {
        self.segs.get(i).map_or(0, |s| s.end)
    }

    /// Whether paragraph `i` begins with an opening double mark (its first
    /// mark is `k`): news style, where it reopens a quotation left open.
    fn reopens(&self, k: usize, i: usize) -> bool {
        let first = self.marks.get(k).filter(|m| m.seg == i);
        first.is_some_and(|m| {
            m.family == Family::Double
                && m.role != Role::Close
                && self
                    .doc
                    .get(self.segs[i].start..m.at)
                    .is_some_and(|t| t.trim().is_empty())
        })
    }

    /// Closes what is left open at a paragraph end (`last` = its last sentence).
    fn end_paragraph(&mut self, last: usize, next_opens: bool) {
        if next_opens
            && self
                .stack
                .iter()
                .any(|&j| self.marks[j].family == Family::Double)
        {
            // News style: the next paragraph reopens the quotation.
            return;
        }
        let end = self.seg_end(last);
        for j in self.stack.drain(..) {
            let m = &mut self.marks[j];
            if m.family == Family::Double || m.ch == '‘' {
                m.status = Status::Unclosed;
                self.quoted.push(m.at..end);
            } else {
                m.status = Status::Ignored;
            }
        }
    }

    /// Mark `k` of sentence `i`: decides whether an ambiguous mark opens or
    /// closes, then opens or closes with it.
    fn step(&mut self, k: usize, i: usize) {
        let family = self.marks[k].family;
        let open_same = self
            .stack
            .iter()
            .rposition(|&j| self.marks[j].family == family);
        let role = match self.marks[k].role {
            Role::Either if open_same.is_some() => Role::Close,
            Role::Either if family == Family::Double => Role::Open,
            // A lone straight single mark: too ambiguous to open anything.
            Role::Either => return,
            r => r,
        };
        self.marks[k].role = role;
        if role == Role::Open {
            self.open(k, i, open_same);
        } else {
            self.close(k, open_same);
        }
    }

    /// An opening mark; `open_same` is the innermost open one of its family.
    fn open(&mut self, k: usize, i: usize, open_same: Option<usize>) {
        let (family, ch) = (self.marks[k].family, self.marks[k].ch);
        // An opening mark at the start of a line while the same kind of
        // quotation is open continues it (news style without blank lines
        // between paragraphs, or a paragraph reopened).
        if family == Family::Double
            && let Some(pos) = open_same
            && self.marks[self.stack[pos]].ch == ch
            && starts_line(&self.marks[k], self.segs, self.doc)
        {
            let j = self.stack[pos];
            self.marks[j].status = Status::Continued;
            let end = self.seg_end(i.saturating_sub(1));
            self.quoted.push(self.marks[j].at..end);
            for above in self.stack.drain(pos..).skip(1) {
                self.marks[above].status = Status::Ignored;
            }
        }
        self.stack.push(k);
    }

    /// A closing mark: pairs with the innermost open mark of its family,
    /// and what was opened inside that and left open is unclosed.
    fn close(&mut self, k: usize, open_same: Option<usize>) {
        let (family, ch) = (self.marks[k].family, self.marks[k].ch);
        match open_same {
            Some(pos) => {
                let j = self.stack[pos];
                for above in self.stack.drain(pos..).skip(1) {
                    let m = &mut self.marks[above];
                    m.status = if m.ch == '‘' || m.family == Family::Double {
                        Status::Unclosed
                    } else {
                        Status::Ignored
                    };
                }
                self.marks[j].status = Status::Paired;
                self.marks[j].closed_at = Some(self.marks[k].at);
                self.marks[k].status = Status::Paired;
                self.quoted
                    .push(self.marks[j].at..self.marks[k].at + ch.len_utf8());
            }
            None if family == Family::Double => self.marks[k].status = Status::Stray,
            // A closing single mark with nothing open: an apostrophe.
            None => {}
        }
    }
}

/// Where each sentence sits: (link index, byte offset in the link's text).
fn locate(
    n: usize,
    sides: impl Iterator<Item = (usize, Vec<usize>)>,
    segs: &[Segment],
) -> Vec<Option<(usize, usize)>> {
    let mut loc = vec![None; n];
    for (li, ids) in sides {
        let mut off = 0;
        for id in ids {
            if let Some(slot) = loc.get_mut(id) {
                *slot = Some((li, off));
            }
            off += segs.get(id).map_or(0, |s| s.end - s.start) + 1;
        }
    }
    loc
}

fn to_link(
    loc: &[Option<(usize, usize)>],
    segs: &[Segment],
    m: &Mark,
) -> Option<(usize, Range<usize>)> {
    let (li, off) = (*loc.get(m.seg)?)?;
    let s = segs.get(m.seg)?;
    let start = off + (m.at - s.start);
    Some((li, start..start + m.ch.len_utf8()))
}

fn is_curly_double(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '‟')
}

/// The preferred mark of a family and role in a profile.
fn preferred(profile: &Profile, family: Family, role: Role) -> Option<String> {
    let pairs = match family {
        Family::Double => &profile.quotes.primary,
        Family::Single => &profile.quotes.secondary,
    };
    let pair = pairs.first()?;
    Some(if role == Role::Close {
        pair[1].clone()
    } else {
        pair[0].clone()
    })
}

impl Check for QuoteCheck {
    fn id(&self) -> &'static str {
        "quote"
    }
    fn description(&self) -> &'static str {
        "A quotation dropped in the target, or unbalanced quotation marks"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let q = Quotes::read(ctx);
        let stray_links = q.unbalanced_marks(out);
        let mut dropped = q.dropped_quotations();
        q.dialogue_speech(&mut dropped);
        // A run of dropped links right before a stray closing mark is the
        // same mistake (the opening mark was dropped): the stray mark says it.
        dropped.retain(|f| {
            let li = f.link.unwrap_or(usize::MAX);
            !stray_links.iter().any(|&s| {
                s >= li
                    && s - li <= 3
                    && (li..s).all(|x| x == li || !tgt_link_has_marks(&q.tgt, ctx, x))
            })
        });
        out.extend(dropped);
        q.style(out);
    }
}

fn is_unbalanced(s: Status) -> bool {
    matches!(s, Status::Stray | Status::Unclosed)
}

/// Both documents' quotation marks, read once, and where each sentence sits
/// in the links: what the steps of [`QuoteCheck::check`] share.
struct Quotes<'c, 'a> {
    ctx: &'c Context<'a>,
    src: SideQuotes,
    tgt: SideQuotes,
    src_loc: Vec<Option<(usize, usize)>>,
    tgt_loc: Vec<Option<(usize, usize)>>,
}

impl<'c, 'a> Quotes<'c, 'a> {
    fn read(ctx: &'c Context<'a>) -> Self {
        let src = analyse(&ctx.source.text, ctx.source_segments, ctx.source_profile);
        let tgt = analyse(&ctx.target.text, ctx.target_segments, ctx.target_profile);
        let src_loc = locate(
            ctx.source_segments.len(),
            ctx.links
                .iter()
                .enumerate()
                .map(|(i, l)| (i, l.source.clone())),
            ctx.source_segments,
        );
        let tgt_loc = locate(
            ctx.target_segments.len(),
            ctx.links
                .iter()
                .enumerate()
                .map(|(i, l)| (i, l.target.clone())),
            ctx.target_segments,
        );
        Quotes {
            ctx,
            src,
            tgt,
            src_loc,
            tgt_loc,
        }
    }

    fn finding(sev: Severity, msg: String) -> Finding {
        Finding::new(QuoteCheck.id(), sev, msg)
    }

    fn error() -> Severity {
        QuoteCheck.default_severity()
    }

    /// Links whose source is itself unbalanced.
    fn source_unbalanced(&self) -> Vec<bool> {
        let mut src_unbalanced = vec![false; self.ctx.links.len()];
        for m in self.src.marks.iter().filter(|m| is_unbalanced(m.status)) {
            if let Some((li, _)) = self.src_loc.get(m.seg).copied().flatten()
                && let Some(b) = src_unbalanced.get_mut(li)
            {
                *b = true;
            }
        }
        src_unbalanced
    }

    /// Unbalanced marks in the target; returns the links with a stray
    /// closing mark.
    fn unbalanced_marks(&self, out: &mut Vec<Finding>) -> Vec<usize> {
        let src_unbalanced = self.source_unbalanced();
        let mut stray_links = Vec::new();
        for m in self.tgt.marks.iter().filter(|m| is_unbalanced(m.status)) {
            let Some((li, span)) = to_link(&self.tgt_loc, self.ctx.target_segments, m) else {
                continue;
            };
            let msg = if m.status == Status::Stray {
                stray_links.push(li);
                format!("closing quotation mark {} has no opening mark", m.ch)
            } else {
                format!(
                    "opening quotation mark {} is never closed (the paragraph ends first)",
                    m.ch
                )
            };
            let sev = if src_unbalanced.get(li).copied().unwrap_or(false) {
                Severity::Warning
            } else {
                Self::error()
            };
            out.push(Self::finding(sev, msg).link(li).target_span(span));
        }
        stray_links
    }

    /// Links whose source quotes while the target has no quotation marks,
    /// or has fewer quotations than the source.
    fn dropped_quotations(&self) -> Vec<Finding> {
        let ctx = self.ctx;
        let mut dropped: Vec<Finding> = Vec::new();
        let mut prev_dropped = false;
        for (li, link) in ctx.links.iter().enumerate() {
            let Some(v) = ctx.views.get(li) else { continue };
            if link.source.is_empty() || link.target.is_empty() {
                prev_dropped = false;
                continue;
            }
            let src_segs: Vec<&Segment> = link
                .source
                .iter()
                .filter_map(|&i| ctx.source_segments.get(i))
                .collect();
            let src_marks = self.quoting_marks(link);
            let starts_inside = src_segs
                .first()
                .is_some_and(|s| self.src.inside_at_start(s));
            let tgt_any = self.target_quotes(link);
            if (src_marks.is_empty() && !starts_inside) || tgt_any {
                prev_dropped = false;
                dropped.extend(self.fewer_quotations(li, link, v, tgt_any));
                continue;
            }
            // The same source quotation as the previous dropped link.
            if prev_dropped && starts_inside {
                continue;
            }
            let found = self.dropped_quote(li, link, v, &src_segs, &src_marks, starts_inside);
            prev_dropped = found.is_some();
            dropped.extend(found);
        }
        dropped
    }

    /// The source marks of a link that make a quotation.
    fn quoting_marks(&self, link: &Link) -> Vec<&Mark> {
        link.source
            .iter()
            .flat_map(|&i| self.src.marks_in(i))
            .filter(|m| match m.status {
                Status::Paired | Status::Continued => true,
                Status::Unclosed => m.family == Family::Double,
                // A stray mark is the source's own slip, not a quotation.
                Status::Stray | Status::Ignored => false,
            })
            .collect()
    }

    /// Whether the target of a link has a quotation mark or starts inside
    /// a quotation.
    fn target_quotes(&self, link: &Link) -> bool {
        link.target.iter().any(|&i| {
            // Marks read as apostrophes after all do not count.
            self.tgt.marks_in(i).any(|m| m.status != Status::Ignored)
                || self
                    .ctx
                    .target_segments
                    .get(i)
                    .is_some_and(|s| self.tgt.inside_at_start(s))
        })
    }

    /// Some quotation marks kept, but fewer quotations than the source: one
    /// may have been dropped, or two merged (a warning).
    fn fewer_quotations(
        &self,
        li: usize,
        link: &Link,
        v: &LinkView,
        tgt_any: bool,
    ) -> Option<Finding> {
        let ctx = self.ctx;
        let target_folded = crate::text::fold(&v.target.text);
        let raw = quoted_text;
        let content = |doc: &str, m: &Mark| crate::text::fold(raw(doc, m));
        // A title: capitalised words ("Solo de Barro"), not a code name.
        let title = |c: &str| {
            c.chars().next().is_some_and(char::is_uppercase)
                && c.contains(' ')
                && c.chars().all(|ch| ch.is_alphabetic() || ch == ' ')
        };
        let tgt_quoted: Vec<String> = link
            .target
            .iter()
            .flat_map(|&i| self.tgt.marks_in(i))
            .map(|m| content(&ctx.target.text, m))
            .filter(|c| !c.is_empty())
            .collect();
        let src_contents: Vec<String> = link
            .source
            .iter()
            .flat_map(|&i| self.src.marks_in(i))
            .filter(|m| title(raw(&ctx.source.text, m)))
            .map(|m| content(&ctx.source.text, m))
            .collect();
        // A title kept as is and still quoted: this target quotes what it
        // keeps, so another kept one without marks lost them.
        let quotes_kept = src_contents.iter().any(|c| tgt_quoted.contains(c));
        let ns = count_openings(&self.src, &link.source, |m| {
            // A quoted loanword or name the target keeps as is.
            let c = content(&ctx.source.text, m);
            c.is_empty()
                || !crate::text::contains_phrase(&target_folded, &c)
                || (quotes_kept && title(raw(&ctx.source.text, m)))
        });
        let nt = count_openings(&self.tgt, &link.target, |_| true);
        if !(tgt_any && ns > nt) {
            return None;
        }
        // Far fewer quoted words too: a quotation lost its marks (two
        // quotations merged into one keep their words).
        let words_in = |side: &SideQuotes, doc: &str, ids: &[usize], segs: &[Segment]| {
            ids.iter()
                .filter_map(|&i| segs.get(i))
                .map(|s| side.quoted_words(s, doc))
                .sum::<usize>()
        };
        let ws = words_in(
            &self.src,
            &ctx.source.text,
            &link.source,
            ctx.source_segments,
        );
        let wt = words_in(
            &self.tgt,
            &ctx.target.text,
            &link.target,
            ctx.target_segments,
        );
        let sev = if (wt as f64) < 0.7 * ws as f64 && !link.low_confidence {
            Self::error()
        } else {
            Severity::Warning
        };
        Some(
            Self::finding(
                sev,
                format!(
                    "quotations here: {ns} in the source, {nt} in the target; one may have lost its quotation marks"
                ),
            )
            .link(li)
            .source_span(0..v.source.text.len()),
        )
    }

    /// A link whose source quotes and whose target has no quotation marks;
    /// `None` when every quotation is a name or loanword the target keeps.
    fn dropped_quote(
        &self,
        li: usize,
        link: &Link,
        v: &LinkView,
        src_segs: &[&Segment],
        src_marks: &[&Mark],
        starts_inside: bool,
    ) -> Option<Finding> {
        let ctx = self.ctx;
        let quoted_words: usize = src_segs
            .iter()
            .map(|s| self.src.quoted_words(s, &ctx.source.text))
            .sum();
        let target_folded = crate::text::fold(&v.target.text);
        let quotes = self.opening_quotes(li, v, src_marks, &target_folded);
        if quotes.is_empty() && !starts_inside {
            return None;
        }
        let (span, content) = match quotes.first() {
            Some((r, c)) if !starts_inside => (r.clone(), c.clone()),
            _ => (0..v.source.text.len(), v.source.text.clone()),
        };
        let title_like = !starts_inside
            && content.split_whitespace().count() <= 6
            && content.chars().next().is_some_and(char::is_uppercase)
            && span.start > 0;
        // "the so-called secret budget": the target marks the term another way.
        let words_quoted = if starts_inside {
            quoted_words
        } else {
            content.split_whitespace().count()
        };
        let marked_otherwise = words_quoted <= 4
            && ctx
                .target_profile
                .quotes
                .equivalents
                .iter()
                .any(|e| !e.is_empty() && target_folded.contains(&crate::text::fold(e)));
        let sev = if link.low_confidence
            || title_like
            || marked_otherwise
            || self.is_headline(link, src_segs)
        {
            Severity::Warning
        } else {
            Self::error()
        };
        let shown = super::omission::excerpt(content.trim(), 50);
        Some(
            Self::finding(
                sev,
                format!("the source quotes \"{shown}\"; the target has no quotation marks"),
            )
            .link(li)
            .source_span(span),
        )
    }

    /// Quotations opening in this link, as (span in the link text, content),
    /// less those the target keeps word for word (a name, a loanword).
    fn opening_quotes(
        &self,
        li: usize,
        v: &LinkView,
        src_marks: &[&Mark],
        target_folded: &str,
    ) -> Vec<(Range<usize>, String)> {
        let ctx = self.ctx;
        src_marks
            .iter()
            .filter(|m| m.role == Role::Open)
            .filter_map(|m| {
                let (_, r) = to_link(&self.src_loc, ctx.source_segments, m)?;
                let seg_end = ctx.source_segments.get(m.seg).map_or(m.at, |s| s.end);
                let inner_end = m.closed_at.unwrap_or(seg_end).max(m.at + m.ch.len_utf8());
                let content = ctx
                    .source
                    .text
                    .get(m.at + m.ch.len_utf8()..inner_end)
                    .unwrap_or("")
                    .trim()
                    .to_string();
                let closer = m
                    .closed_at
                    .and_then(|c| self.src.marks.iter().find(|x| x.at == c))
                    .and_then(|x| to_link(&self.src_loc, ctx.source_segments, x))
                    .filter(|(l, _)| *l == li)
                    .map_or(v.source.text.len(), |(_, cr)| cr.end);
                Some((r.start..closer.max(r.end), content))
            })
            .filter(|(_, c)| {
                c.is_empty()
                    || c.split_whitespace().count() > 6
                    || !crate::text::contains_phrase(target_folded, &crate::text::fold(c))
            })
            .collect()
    }

    /// A headline (a paragraph of one sentence with no final punctuation)
    /// is often paraphrased.
    fn is_headline(&self, link: &Link, src_segs: &[&Segment]) -> bool {
        let ctx = self.ctx;
        src_segs.len() == 1
            && src_segs.first().is_some_and(|seg| {
                let alone = |n: Option<&Segment>| n.is_none_or(|n| n.paragraph != seg.paragraph);
                let idx = link.source.first().copied().unwrap_or(0);
                alone(idx.checked_sub(1).and_then(|p| ctx.source_segments.get(p)))
                    && alone(ctx.source_segments.get(idx + 1))
                    && !ctx.source.text.get(seg.start..seg.end).is_some_and(|t| {
                        t.trim_end_matches(|c: char| glyph(c).is_some())
                            .ends_with(['.', '!', '?', '…'])
                    })
            })
    }

    /// "— Vamos vencer — disse o técnico.": speech opened by a dash at the
    /// start of a paragraph is a quotation; a target that neither quotes it
    /// nor keeps the dash has dropped it.
    fn dialogue_speech(&self, dropped: &mut Vec<Finding>) {
        let ctx = self.ctx;
        let dashes = &ctx.source_profile.quotes.dialogue_dashes;
        let starts_with_dash = |t: &str| {
            dashes
                .iter()
                .any(|d| !d.is_empty() && t.trim_start().starts_with(d.as_str()))
        };
        for (li, link) in ctx.links.iter().enumerate() {
            let Some(v) = ctx.views.get(li) else { continue };
            if link.target.is_empty() || tgt_link_has_marks(&self.tgt, ctx, li) {
                continue;
            }
            let Some(first) = link
                .source
                .first()
                .and_then(|&i| ctx.source_segments.get(i))
            else {
                continue;
            };
            let opens_paragraph = link
                .source
                .first()
                .and_then(|i| i.checked_sub(1))
                .and_then(|p| ctx.source_segments.get(p))
                .is_none_or(|p| p.paragraph != first.paragraph);
            if !opens_paragraph
                || !starts_with_dash(&v.source.text)
                || starts_with_dash(&v.target.text)
                || dropped.iter().any(|f| f.link == Some(li))
            {
                continue;
            }
            let Some((span, content)) = dash_speech(&v.source.text, dashes) else {
                continue;
            };
            let shown = super::omission::excerpt(content.trim(), 50);
            dropped.push(
                Self::finding(
                    if link.low_confidence {
                        Severity::Warning
                    } else {
                        Self::error()
                    },
                    format!("the source quotes \"{shown}\" (after a dialogue dash); the target has no quotation marks"),
                )
                .link(li)
                .source_span(span),
            );
        }
    }

    /// Style warnings, at most one per link: marks the target language does
    /// not use, curly marks facing the wrong way, straight and curly marks
    /// mixed in one document.
    fn style(&self, out: &mut Vec<Finding>) {
        let forbidden: Vec<char> = self
            .ctx
            .target_profile
            .quotes
            .forbidden
            .iter()
            .filter_map(|s| s.chars().next())
            .collect();
        // A target sentence copied from the source keeps the source's
        // marks; the untranslated check reports it.
        let mut styled: Vec<bool> = self
            .ctx
            .views
            .iter()
            .map(|v| !v.target.is_empty() && v.target.text.trim() == v.source.text.trim())
            .collect();
        styled.resize(self.ctx.links.len(), false);
        let copied = styled.clone();
        self.foreign_marks(&forbidden, &mut styled, out);
        self.wrong_way_marks(&forbidden, &mut styled, out);
        self.mixed_double_marks(&forbidden, &copied, &mut styled, out);
    }

    /// Marks the target language does not use.
    fn foreign_marks(&self, forbidden: &[char], styled: &mut [bool], out: &mut Vec<Finding>) {
        let ctx = self.ctx;
        for m in self
            .tgt
            .marks
            .iter()
            .filter(|m| m.status != Status::Ignored)
        {
            if !forbidden.contains(&m.ch) {
                continue;
            }
            let Some((li, span)) = to_link(&self.tgt_loc, ctx.target_segments, m) else {
                continue;
            };
            if std::mem::replace(&mut styled[li], true) {
                continue;
            }
            let mut f = Self::finding(
                Severity::Warning,
                format!(
                    "{} is not a quotation mark {} uses",
                    m.ch, ctx.target_profile.name
                ),
            )
            .link(li)
            .target_span(span);
            if let Some(p) = preferred(ctx.target_profile, m.family, m.role) {
                f = f.suggestion(p);
            }
            out.push(f);
        }
    }

    /// A curly mark facing the wrong way (“ closing in English).
    fn wrong_way_marks(&self, forbidden: &[char], styled: &mut [bool], out: &mut Vec<Finding>) {
        let ctx = self.ctx;
        let pairs: Vec<&[String; 2]> = ctx
            .target_profile
            .quotes
            .primary
            .iter()
            .chain(&ctx.target_profile.quotes.secondary)
            .collect();
        let used_as = |c: char, role: Role| {
            let k = usize::from(role == Role::Close);
            pairs.iter().any(|p| p[k].starts_with(c))
        };
        for m in self.tgt.marks.iter() {
            if !matches!(m.status, Status::Paired | Status::Continued)
                || m.ch == '"'
                || m.ch == '\''
                || forbidden.contains(&m.ch)
                || used_as(m.ch, m.role)
            {
                continue;
            }
            let Some(fix) = preferred(ctx.target_profile, m.family, m.role) else {
                continue;
            };
            let Some((li, span)) = to_link(&self.tgt_loc, ctx.target_segments, m) else {
                continue;
            };
            if std::mem::replace(&mut styled[li], true) {
                continue;
            }
            let role = if m.role == Role::Close {
                "closing"
            } else {
                "opening"
            };
            out.push(
                Self::finding(
                    Severity::Warning,
                    format!(
                        "{} used as an {role} quotation mark; {} uses {fix}",
                        m.ch, ctx.target_profile.name
                    ),
                )
                .link(li)
                .target_span(span)
                .suggestion(fix),
            );
        }
    }

    /// Straight and curly double marks mixed in one document: the minority
    /// kind is flagged.
    fn mixed_double_marks(
        &self,
        forbidden: &[char],
        copied: &[bool],
        styled: &mut [bool],
        out: &mut Vec<Finding>,
    ) {
        let ctx = self.ctx;
        let counted: Vec<&Mark> = self
            .tgt
            .marks
            .iter()
            .filter(|m| {
                m.family == Family::Double
                    && m.status != Status::Ignored
                    && !forbidden.contains(&m.ch)
                    && to_link(&self.tgt_loc, ctx.target_segments, m)
                        .is_none_or(|(li, _)| copied.get(li) != Some(&true))
            })
            .collect();
        let curly = counted.iter().filter(|m| is_curly_double(m.ch)).count();
        let straight = counted.iter().filter(|m| m.ch == '"').count();
        if curly == 0 || straight == 0 {
            return;
        }
        let prefer_curly = curly > straight
            || (curly == straight
                && preferred(ctx.target_profile, Family::Double, Role::Open)
                    .is_some_and(|p| p.chars().any(is_curly_double)));
        let message = format!(
            "{} quotation mark in a text that otherwise uses {} ones",
            if prefer_curly { "straight" } else { "curly" },
            if prefer_curly { "curly" } else { "straight" }
        );
        for m in counted {
            let minority = if prefer_curly {
                m.ch == '"'
            } else {
                is_curly_double(m.ch)
            };
            if !minority {
                continue;
            }
            let Some((li, span)) = to_link(&self.tgt_loc, ctx.target_segments, m) else {
                continue;
            };
            if std::mem::replace(&mut styled[li], true) {
                continue;
            }
            let suggestion = if !prefer_curly {
                "\""
            } else if m.role == Role::Close {
                "”"
            } else {
                "“"
            };
            out.push(
                Self::finding(Severity::Warning, message.clone())
                    .link(li)
                    .target_span(span)
                    .suggestion(suggestion),
            );
        }
    }
}

/// The speech after a dialogue dash, as (its span in the text from the
/// dash, its words), when it has three words or more. The speech runs to
/// the closing dash, else to the end.
fn dash_speech<'t>(text: &'t str, dashes: &[String]) -> Option<(Range<usize>, &'t str)> {
    let lead = text.len() - text.trim_start().len();
    let speech_start = text[lead..]
        .char_indices()
        .nth(1)
        .map_or(text.len(), |(k, _)| lead + k);
    let rest = text.get(speech_start..).unwrap_or("");
    let speech_end = dashes
        .iter()
        .filter(|d| !d.is_empty())
        .filter_map(|d| rest.find(&format!(" {d}")))
        .min()
        .map_or(text.len(), |k| speech_start + k);
    let content = text.get(speech_start..speech_end).unwrap_or("");
    if content.split_whitespace().count() < 3 {
        return None;
    }
    Some((lead..speech_end, content))
}

/// Quotations that open in these sentences.
/// The text between a paired opening mark and its closing mark.
fn quoted_text<'d>(doc: &'d str, m: &Mark) -> &'d str {
    m.closed_at
        .and_then(|c| doc.get(m.at + m.ch.len_utf8()..c))
        .map(str::trim)
        .unwrap_or_default()
}

fn count_openings(side: &SideQuotes, segs: &[usize], keep: impl Fn(&Mark) -> bool) -> usize {
    segs.iter()
        .flat_map(|&i| side.marks_in(i))
        .filter(|m| keep(m))
        .filter(|m| {
            m.role == Role::Open
                && matches!(
                    m.status,
                    Status::Paired | Status::Continued | Status::Unclosed
                )
        })
        .count()
}

/// Whether the target of link `li` has any quotation mark.
fn tgt_link_has_marks(tgt: &SideQuotes, ctx: &Context, li: usize) -> bool {
    ctx.links.get(li).is_some_and(|l| {
        l.target
            .iter()
            .any(|&i| tgt.marks_in(i).any(|m| m.status != Status::Ignored))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    #[test]
    fn dialogue_dash_speech_needs_quotation_marks_in_english() {
        let out = run(
            "— Foi a nossa melhor partida no ano — disse o técnico.",
            "It was our best game of the year, the coach said.",
        );
        assert_eq!(errors(&out).len(), 1, "{out:#?}");
        // Rendered with quotation marks: fine.
        let out = run(
            "— Foi a nossa melhor partida no ano — disse o técnico.",
            "\"It was our best game of the year,\" the coach said.",
        );
        assert!(out.is_empty(), "{out:#?}");
    }

    #[test]
    fn a_dash_inside_a_sentence_is_not_dialogue() {
        let out = run(
            "RIO DE JANEIRO — O Flamengo venceu o Palmeiras por 3 a 1 no domingo.",
            "RIO DE JANEIRO — Flamengo beat Palmeiras 3-1 on Sunday.",
        );
        assert!(out.is_empty(), "{out:#?}");
        let out = run(
            "O governo cortou cinco tributos — PIS, Cofins e IPI — na reforma.",
            "The government cut five taxes in the reform.",
        );
        assert!(out.is_empty(), "{out:#?}");
    }

    fn run(s: &str, t: &str) -> Vec<Finding> {
        Fixture::pair(s, t).run(&QuoteCheck)
    }

    fn errors(out: &[Finding]) -> Vec<&Finding> {
        out.iter()
            .filter(|f| f.severity == Severity::Error)
            .collect()
    }

    fn marks(text: &str) -> Vec<(char, Role)> {
        let p = Profile::builtin("en");
        classify(text, 0, 0, &p)
            .into_iter()
            .map(|m| (m.ch, m.role))
            .collect()
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(marks("Iran’s nuclear program isn't it’s d’água O'Brien").is_empty());
        assert!(marks("in the ’90s and '80s, 5' tall").is_empty());
    }

    #[test]
    fn profile_apostrophe_words() {
        assert!(marks("rock ’n’ roll").is_empty());
        let pt = Profile::builtin("pt");
        assert!(classify("copo d'água", 0, 0, &pt).is_empty());
    }

    #[test]
    fn direction_from_context() {
        assert_eq!(
            marks("he said \"no\" and “yes”"),
            vec![
                ('"', Role::Open),
                ('"', Role::Close),
                ('“', Role::Open),
                ('”', Role::Close)
            ]
        );
        // German-style „…“ and a mis-typed ”…”.
        assert_eq!(marks("„ja“"), vec![('„', Role::Open), ('“', Role::Close)]);
        // A mark after a path's closing slash closes it.
        assert_eq!(
            marks("Beispiel: „/about/contact/“"),
            vec![('„', Role::Open), ('“', Role::Close)]
        );
        assert_eq!(
            marks("see “/docs/” and “/api/”."),
            vec![
                ('“', Role::Open),
                ('”', Role::Close),
                ('“', Role::Open),
                ('”', Role::Close)
            ]
        );
        assert_eq!(
            marks("a ”word”."),
            vec![('”', Role::Open), ('”', Role::Close)]
        );
    }

    #[test]
    fn balanced_quotes_pass() {
        assert!(
            run(
                "Ele disse: “Não vamos recuar”.",
                "He said: “We will not back down.”"
            )
            .is_empty()
        );
    }

    #[test]
    fn unclosed_quote_is_an_error_at_the_opening_mark() {
        let out = run(
            "Guterres pediu que as partes “evitem qualquer passo que leve a uma escalada”.",
            "Guterres urged the parties to “avoid any step that could lead to escalation.",
        );
        let e = errors(&out);
        assert_eq!(e.len(), 1, "{out:?}");
        assert!(e[0].message.contains("never closed"));
        assert_eq!(e[0].target_span, Some(30..33));
    }

    #[test]
    fn quotes_inside_masked_placeholders_or_tags_are_balanced() {
        let de = |t: &str| {
            Fixture::with_langs("en", "de", &[(&["Use quotes ({$___}\"ai\"{$___})."], &[t])])
                .run(&QuoteCheck)
        };
        for t in [
            "Setzen Sie ihn in Anführungszeichen ({$___}„KI“{$___}).",
            "Setzen Sie ihn in Anführungszeichen (<b>„KI“</b>).",
        ] {
            assert!(errors(&de(t)).is_empty(), "{t}: {:?}", de(t));
        }
        // An opening mark left open inside them is still an error.
        assert_eq!(
            errors(&de(
                "Setzen Sie ihn in Anführungszeichen ({$___}„KI{$___})."
            ))
            .len(),
            1
        );
    }

    #[test]
    fn stray_closing_quote_is_an_error() {
        let out = run(
            "“Está virando rotina”, disse ela.",
            "It is becoming routine,” she said.",
        );
        let e = errors(&out);
        assert_eq!(e.len(), 1, "{out:?}");
        assert!(e[0].message.contains("no opening"));
        assert_eq!(e[0].target_span, Some(23..26));
    }

    #[test]
    fn dropped_quote_is_an_error() {
        let out = run(
            "A ministra afirmou que o país precisa “se preparar para um novo normal”.",
            "The minister said the country needs to prepare for a new normal.",
        );
        let e = errors(&out);
        assert_eq!(e.len(), 1, "{out:?}");
        assert!(e[0].message.contains("se preparar"), "{}", e[0].message);
        let s = "A ministra afirmou que o país precisa ".len();
        assert_eq!(e[0].source_span.as_ref().map(|r| r.start), Some(s));
    }

    #[test]
    fn dropped_single_word_quote_is_an_error() {
        let out = run(
            "O Departamento de Estado informou que as conversas foram “produtivas”.",
            "The State Department called the talks productive.",
        );
        assert_eq!(errors(&out).len(), 1, "{out:?}");
    }

    #[test]
    fn dropped_title_quote_is_only_a_warning() {
        let out = run(
            "Ele leu o livro “Cem Anos de Solidão” na prisão.",
            "He read One Hundred Years of Solitude in prison.",
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
    }

    #[test]
    fn quoted_name_kept_as_is_passes() {
        assert!(
            run(
                "O jornal “Folha” publicou.",
                "The newspaper Folha published it."
            )
            .is_empty()
        );
    }

    #[test]
    fn quoted_loanword_kept_in_an_english_target_passes() {
        assert!(
            run(
                "As empresas adotaram o “home office” durante a pandemia.",
                "Companies adopted home office arrangements during the pandemic."
            )
            .is_empty()
        );
    }

    #[test]
    fn british_single_quotes_count_as_quotation() {
        assert!(
            run(
                "Ele disse que as conversas foram “produtivas”.",
                "He called the talks ‘productive’."
            )
            .is_empty()
        );
    }

    #[test]
    fn apostrophes_and_possessives_inside_quotes_pass() {
        assert!(
            run(
                "“Não é o fim”, disse o sindicato dos jogadores.",
                "“It’s not the end,” the players’ union said of the ’90s rules."
            )
            .is_empty()
        );
    }

    #[test]
    fn straight_quotes_with_nested_single_pass() {
        assert!(
            run(
                "Ele disse: “ela gritou ‘não’ e saiu”.",
                "He said: \"she shouted 'no' and left.\""
            )
            .is_empty()
        );
    }

    #[test]
    fn two_quotations_in_one_sentence_pass() {
        assert!(
            run(
                "Ele descreveu o clima como “sério e construtivo”, mas disse que há “divergências importantes”.",
                "He described the atmosphere as “serious and constructive” but said “significant differences” remained."
            )
            .is_empty()
        );
    }

    #[test]
    fn so_called_instead_of_scare_quotes_is_a_warning() {
        let out = run(
            "O Congresso aprovou o chamado “orçamento secreto” ontem.",
            "Congress approved the so-called secret budget yesterday.",
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
    }

    #[test]
    fn loanword_kept_next_to_a_kept_quotation_passes() {
        assert!(
            run(
                "Ele lembrou que o “home office” e a “economia verde” mudaram tudo.",
                "He noted that home office and the “green economy” had changed everything."
            )
            .is_empty()
        );
    }

    #[test]
    fn dropped_quote_next_to_a_kept_loanword_is_caught() {
        let out = run(
            "Ele disse que o “home office” foi “um desastre para a produtividade”.",
            "He said home office had been a disaster for productivity.",
        );
        let e = errors(&out);
        assert_eq!(e.len(), 1, "{out:?}");
        assert!(e[0].message.contains("um desastre"), "{}", e[0].message);
    }

    #[test]
    fn one_of_two_quotations_dropped_is_an_error() {
        let out = run(
            "Ele descreveu o clima como “sério e construtivo”, mas disse que há “divergências importantes”.",
            "He described the atmosphere as serious and constructive but said “significant differences” remained.",
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Error);
    }

    #[test]
    fn two_quotations_merged_into_one_is_a_warning() {
        let out = run(
            "Ele descreveu o clima como “sério” e “construtivo” na entrevista.",
            "He described the atmosphere as “serious and constructive” in the interview.",
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Warning);
    }

    #[test]
    fn phrases_match_whole_words() {
        assert!(crate::text::contains_phrase("he was serious", "serious"));
        assert!(!crate::text::contains_phrase("he was serious", "serio"));
        assert!(crate::text::contains_phrase(
            "home office work",
            "home office"
        ));
    }

    #[test]
    fn one_of_two_quotations_dropped_counts_quotations() {
        let out = run(
            "Ele descreveu o clima como “sério e construtivo”, mas disse que há “divergências importantes”.",
            "He described the atmosphere as “serious and constructive” but said significant differences remained.",
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(out[0].message.contains("2 in the source, 1 in the target"));
    }

    #[test]
    fn unclosed_single_quote_is_one_finding() {
        let out = run(
            "O capitão foi direto: “Quem duvidou da gente?",
            "The captain was blunt: ‘Who doubted us?",
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(out[0].message.contains("never closed"));
    }

    #[test]
    fn headline_paraphrase_is_a_warning() {
        let mut f = Fixture::links(&[
            (
                &["Lula: “Não haverá recessão este ano”"],
                &["Lula says there will be no recession this year"],
            ),
            (
                &["O presidente falou em Brasília."],
                &["The president spoke in Brasília."],
            ),
        ]);
        f.src_segs[1].paragraph = 1;
        f.tgt_segs[1].paragraph = 1;
        let out = f.run(&QuoteCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
    }

    #[test]
    fn quote_over_several_links_is_followed() {
        let f = Fixture::links(&[
            (
                &["“Nunca vimos duas secas seguidas."],
                &["“We have never seen two droughts in a row."],
            ),
            (
                &["A floresta não se recupera."],
                &["The forest does not recover."],
            ),
            (
                &["Está virando rotina”, disse ela."],
                &["It is becoming routine,” she said."],
            ),
        ]);
        assert!(f.run(&QuoteCheck).is_empty());
    }

    #[test]
    fn dropped_opening_mark_of_a_long_quote_is_one_finding() {
        let f = Fixture::links(&[
            (
                &["“Nunca vimos duas secas seguidas."],
                &["We have never seen two droughts in a row."],
            ),
            (
                &["A floresta não se recupera."],
                &["The forest does not recover."],
            ),
            (
                &["Está virando rotina”, disse ela."],
                &["It is becoming routine,” she said."],
            ),
        ]);
        let out = f.run(&QuoteCheck);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].link, Some(2));
        assert!(out[0].message.contains("no opening"));
    }

    #[test]
    fn whole_multi_sentence_quote_dropped_is_reported_once() {
        let f = Fixture::links(&[
            (
                &["“Nunca vimos duas secas seguidas."],
                &["They have never seen two droughts in a row."],
            ),
            (
                &["A floresta não se recupera."],
                &["The forest does not recover."],
            ),
            (
                &["Está virando rotina”, disse ela."],
                &["It is becoming routine, she said."],
            ),
        ]);
        let out = f.run(&QuoteCheck);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].link, Some(0));
    }

    #[test]
    fn news_style_multi_paragraph_quote_passes() {
        let mut f = Fixture::links(&[
            (
                &["“Primeiro parágrafo da citação."],
                &["“First paragraph of the quote."],
            ),
            (
                &["“Segundo parágrafo”, disse ele."],
                &["“Second paragraph,” he said."],
            ),
        ]);
        f.src_segs[1].paragraph = 1;
        f.tgt_segs[1].paragraph = 1;
        assert!(f.run(&QuoteCheck).is_empty());
    }

    #[test]
    fn quote_left_open_at_paragraph_end_is_an_error() {
        let mut f = Fixture::links(&[
            (
                &["“Primeiro parágrafo da citação”."],
                &["“First paragraph of the quote."],
            ),
            (&["Outro assunto."], &["Another subject."]),
        ]);
        f.src_segs[1].paragraph = 1;
        f.tgt_segs[1].paragraph = 1;
        let out = f.run(&QuoteCheck);
        assert_eq!(errors(&out).len(), 1, "{out:?}");
        assert_eq!(out[0].link, Some(0));
    }

    #[test]
    fn imbalance_mirrored_from_the_source_is_a_warning() {
        let out = run("Ele disse: “vamos lutar.", "He said: “we will fight.");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
    }

    #[test]
    fn nested_quotes_pass() {
        assert!(
            run(
                "“Ele gritou ‘fora’ e saiu”, contou.",
                "“He shouted ‘out’ and left,” she recalled."
            )
            .is_empty()
        );
        assert!(
            run(
                "«Ele disse “sim”», contou.",
                "“He said ‘yes,’” she recalled."
            )
            .is_empty()
        );
    }

    #[test]
    fn dropped_quote_next_to_a_plural_possessive_is_caught() {
        let out = run(
            "O sindicato disse que “a greve vai continuar até o fim”.",
            "The players’ union said the strike would go on to the end.",
        );
        assert_eq!(errors(&out).len(), 1, "{out:?}");
    }

    #[test]
    fn possessive_plural_is_not_a_stray_quote() {
        assert!(run("A casa dos Silva.", "The Silvas’ house was sold.").is_empty());
    }

    #[test]
    fn apostrophes_in_target_do_not_count_as_quotes() {
        let out = run(
            "O Irã disse que “não vai recuar”.",
            "Iran’s leader said it’s not backing down.",
        );
        assert_eq!(errors(&out).len(), 1);
    }

    #[test]
    fn stray_mark_in_the_source_is_not_a_quotation_to_keep() {
        let out = run(
            "O governo disse que vai recuar”.",
            "The government said it would back down.",
        );
        assert!(errors(&out).is_empty(), "{out:?}");
    }

    #[test]
    fn mis_typed_apostrophes_are_not_quotes() {
        assert!(marks("rock ‘n’ roll, let ‘em go ‘til dawn").is_empty());
    }

    #[test]
    fn straight_quotes_pass_when_consistent() {
        assert!(run("Ele disse: “sim”.", "He said: \"yes.\"").is_empty());
    }

    #[test]
    fn mixed_straight_and_curly_is_a_warning() {
        let f = Fixture::links(&[
            (&["Ele disse “sim”."], &["He said “yes.”"]),
            (&["Ela disse “não”."], &["She said “no.”"]),
            (&["Eles disseram “talvez”."], &["They said \"maybe.\""]),
        ]);
        let out = f.run(&QuoteCheck);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Warning);
        assert_eq!(out[0].link, Some(2));
        assert_eq!(out[0].suggestion.as_deref(), Some("“"));
    }

    #[test]
    fn a_sentence_copied_from_the_source_gets_no_style_warning() {
        // Left in the source language (the untranslated check's): its
        // marks are the source's, and neither flagged nor counted.
        let f = Fixture::links(&[
            (&["Ele disse \"sim\"."], &["He said \"yes.\""]),
            (
                &["Em nota, a empresa disse que “lamenta” o ocorrido."],
                &["Em nota, a empresa disse que “lamenta” o ocorrido."],
            ),
            (&["Ela disse \"não\"."], &["She said \"no.\""]),
        ]);
        let out = f.run(&QuoteCheck);
        assert!(out.is_empty(), "{out:#?}");
    }

    #[test]
    fn guillemets_in_english_are_a_warning() {
        let out = run("Ele disse «sim».", "He said «yes».");
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Warning);
        assert_eq!(out[0].suggestion.as_deref(), Some("“"));
    }

    #[test]
    fn mark_facing_the_wrong_way_is_a_warning() {
        let out = run("Ele pediu “cautela”.", "He urged “caution“.");
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Warning);
        assert_eq!(out[0].suggestion.as_deref(), Some("”"));
        let out = run("Ele pediu ‘cautela’.", "He urged ’caution’.");
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].suggestion.as_deref(), Some("‘"));
    }

    #[test]
    fn german_style_marks_pass_in_the_generic_profile() {
        let f = Fixture::with_langs("pt", "xx", &[(&["Ele disse “sim”."], &["Er sagte „ja“."])]);
        assert!(f.run(&QuoteCheck).is_empty());
    }

    #[test]
    fn guillemets_in_portuguese_pass() {
        let f = Fixture::with_langs("en", "pt", &[(&["He said “yes.”"], &["Ele disse «sim»."])]);
        assert!(f.run(&QuoteCheck).is_empty());
    }

    #[test]
    fn low_confidence_link_is_a_warning() {
        let mut f = Fixture::pair(
            "Ele disse que “não vai recuar de jeito nenhum”.",
            "He said he would not back down at all.",
        );
        f.links[0].low_confidence = true;
        let out = f.run(&QuoteCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
    }

    #[test]
    fn a_kept_title_loses_its_marks_where_another_kept_one_keeps_them() {
        let out = run(
            "Venceram com \"Solo de Barro\" e com \"Vozes do Porto\".",
            "They won with Solo de Barro and with \"Vozes do Porto\".",
        );
        assert_eq!(errors(&out).len(), 1, "{out:#?}");
        // Code names in a catalogue are no titles.
        let out = run(
            "The 'sphinx-quickstart' tool writes 'conf.py'.",
            "La herramienta sphinx-quickstart escribe 'conf.py'.",
        );
        assert!(out.is_empty(), "{out:#?}");
        // Both kept without marks (italics lost): the edition's way.
        let out = run(
            "Venceram com \"Solo de Barro\" e com \"Vozes do Porto\".",
            "They won with Solo de Barro and with Vozes do Porto.",
        );
        assert!(out.is_empty(), "{out:#?}");
    }

    #[test]
    fn unmatched_links_are_left_alone() {
        let f = Fixture::links(&[(&["Ele disse “sim”."], &[])]);
        assert!(f.run(&QuoteCheck).is_empty());
    }
}

#[cfg(test)]
mod robustness {
    //! No input makes the checks of this family panic.
    use crate::checks::Check;
    use crate::checks::testutil::Fixture;
    use proptest::prelude::*;

    fn checks() -> Vec<Box<dyn Check>> {
        vec![
            Box::new(super::QuoteCheck),
            Box::new(super::super::untranslated::UntranslatedCheck),
            Box::new(super::super::omission::OmissionCheck),
            Box::new(super::super::addition::AdditionCheck),
            Box::new(super::super::length::LengthCheck),
            Box::new(super::super::url::UrlCheck),
            Box::new(super::super::brackets::BracketsCheck),
            Box::new(super::super::punctuation::PunctuationCheck),
            Box::new(super::super::doubled_word::DoubledWordCheck),
            Box::new(super::super::whitespace::WhitespaceCheck),
        ]
    }

    const ALPHABET: &str = "[a-zA-Zçãé0-9 .,;:!?¿¡()\\[\\]{}“”‘’«»„\"'@/#_-]{1,60}";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn never_panics(a in ALPHABET, b in ALPHABET, c in ALPHABET) {
            let (a, b, c) = (a.trim().to_string(), b.trim().to_string(), c.trim().to_string());
            prop_assume!(!a.is_empty() && !b.is_empty() && !c.is_empty());
            let f = Fixture::links(&[(&[a.as_str()], &[b.as_str(), c.as_str()]), (&[c.as_str()], &[]), (&[], &[a.as_str()])]);
            for check in checks() {
                let out = f.run(check.as_ref());
                let ctx = f.ctx();
                for finding in out {
                    let v = &ctx.views[finding.link.unwrap_or(0)];
                    if let Some(r) = finding.target_span {
                        prop_assert!(v.target.text.get(r).is_some());
                    }
                    if let Some(r) = finding.source_span {
                        prop_assert!(v.source.text.get(r).is_some());
                    }
                }
            }
        }
    }
}
