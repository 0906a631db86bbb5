//! `--format human`: a diff-style review. Each link with findings is shown
//! once as a block (source on `-` lines, target on `+` lines, with line
//! numbers) with the carets of every finding under its sentences, then each
//! finding: message, location, expected against found, and what to do; then
//! a summary. Lines wrap to the width; nothing is cut.

use super::Report;
use super::escape::terminal as esc;
use crate::finding::{Finding, Severity};
use crate::input::Document;
use crate::pipeline::PairResult;
use crate::segment::Segment;
use anstyle::{AnsiColor, Effects, Style};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Options of the human report.
#[derive(Debug, Clone)]
pub struct HumanReport {
    /// Write ANSI colours.
    pub color: bool,
    /// Neighbouring links shown around each link with findings.
    pub context: usize,
    /// Show every link.
    pub all: bool,
    /// Columns to wrap at.
    pub width: usize,
}

impl Default for HumanReport {
    fn default() -> Self {
        HumanReport {
            color: false,
            context: 0,
            all: false,
            width: 100,
        }
    }
}

const HEADER: Style = AnsiColor::Cyan.on_default();
const MINUS: Style = AnsiColor::Red.on_default();
const PLUS: Style = AnsiColor::Green.on_default();
const DIM: Style = Style::new().effects(Effects::DIMMED);
const BOLD: Style = Style::new().effects(Effects::BOLD);
const DELETED: Style = AnsiColor::Red
    .on_default()
    .effects(Effects::STRIKETHROUGH.insert(Effects::BOLD));
const INSERTED: Style = AnsiColor::Green
    .on_default()
    .effects(Effects::UNDERLINE.insert(Effects::BOLD));

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Error => AnsiColor::Red.on_default().effects(Effects::BOLD),
        Severity::Warning => AnsiColor::Yellow.on_default().effects(Effects::BOLD),
        Severity::Info => AnsiColor::Blue.on_default().effects(Effects::BOLD),
    }
}

/// One displayed character: its byte range in the document, the character
/// shown (controls become spaces) and its width in columns.
#[derive(Debug, Clone, Copy)]
struct Cell {
    start: usize,
    end: usize,
    ch: char,
    width: usize,
}

/// Carets under a span: a document byte range, its style and a label (the
/// rule id, when a link has several findings).
struct Caret {
    range: Range<usize>,
    style: Style,
    label: String,
}

fn cells(doc: &Document, range: Range<usize>) -> Vec<Cell> {
    let text = doc.display_text().get(range.clone()).unwrap_or("");
    text.char_indices()
        .map(|(i, c)| {
            let ch = super::escape::display_char(&text[..i], c);
            Cell {
                start: range.start + i,
                end: range.start + i + c.len_utf8(),
                ch,
                width: ch.width().unwrap_or(0),
            }
        })
        .collect()
}

/// Splits cells into rows of at most `avail` columns, breaking after a space
/// in the second half of a row when there is one.
fn wrap(cells: &[Cell], avail: usize) -> Vec<&[Cell]> {
    let avail = avail.max(10);
    let mut rows = Vec::new();
    let mut start = 0;
    while start < cells.len() {
        let mut w = 0;
        let mut end = start;
        while end < cells.len() && (w + cells[end].width <= avail || end == start) {
            w += cells[end].width;
            end += 1;
        }
        if end < cells.len()
            && let Some(sp) = cells[start..end].iter().rposition(|c| c.ch == ' ')
            && sp > (end - start) / 2
        {
            end = start + sp + 1;
        }
        rows.push(&cells[start..end]);
        start = end;
    }
    if rows.is_empty() {
        rows.push(&cells[0..0]);
    }
    rows
}

struct Painter {
    color: bool,
}

impl Painter {
    fn paint(&self, style: Style, s: &str) -> String {
        if self.color && !s.is_empty() {
            format!("{}{s}{}", style.render(), style.render_reset())
        } else {
            s.to_string()
        }
    }
}

struct PairView<'a> {
    r: &'a PairResult,
    p: &'a Painter,
    width: usize,
    /// Width of the line-number column.
    num_w: usize,
}

impl PairView<'_> {
    fn gutter_w(&self) -> usize {
        // "+ 123 │ "
        self.num_w + 5
    }

    /// Writes one document range (a sentence) on gutter-prefixed rows, with
    /// a caret line under each row for every caret (a document byte range,
    /// its style and label) that falls on it.
    #[allow(clippy::too_many_arguments)]
    fn write_text(
        &self,
        out: &mut dyn Write,
        sign: char,
        sign_style: Style,
        line: usize,
        doc: &Document,
        range: Range<usize>,
        carets: &[Caret],
    ) -> io::Result<()> {
        let cs = cells(doc, range);
        let avail = self.width.saturating_sub(self.gutter_w());
        let rows = wrap(&cs, avail);
        let last = rows.len().saturating_sub(1);
        for (k, row) in rows.into_iter().enumerate() {
            let gutter = if k == 0 {
                format!("{sign} {line:>w$} │ ", w = self.num_w)
            } else {
                format!("  {:>w$} │ ", "", w = self.num_w)
            };
            let text: String = row.iter().map(|c| c.ch).collect();
            // The space a row was broken at is not shown.
            let text = if k < last { text.trim_end() } else { &text };
            writeln!(
                out,
                "{}{}",
                self.p.paint(sign_style, &gutter),
                self.p.paint(sign_style, text)
            )?;
            for c in carets {
                self.caret_line(out, row, c)?;
            }
        }
        Ok(())
    }

    /// The carets of one span under one row, when the span touches it.
    fn caret_line(&self, out: &mut dyn Write, row: &[Cell], c: &Caret) -> io::Result<()> {
        let cr = &c.range;
        let mut line = String::new();
        let mut any = false;
        for cell in row {
            let hit = if cr.is_empty() {
                cell.start == cr.start
            } else {
                cell.start < cr.end && cell.end > cr.start
            };
            if hit {
                line.push_str(&"^".repeat(cell.width.max(1)));
                any = true;
            } else {
                line.push_str(&" ".repeat(cell.width));
            }
        }
        // An empty span at the end of the row.
        if !any && cr.is_empty() && row.last().is_some_and(|cell| cell.end == cr.start) {
            line.push('^');
            any = true;
        }
        if !any {
            return Ok(());
        }
        let mut line = line.trim_end().to_string();
        if !c.label.is_empty() {
            line.push(' ');
            line.push_str(&c.label);
        }
        let blank = format!("  {:>w$} │ ", "", w = self.num_w);
        writeln!(
            out,
            "{}{}",
            self.p.paint(DIM, &blank),
            self.p.paint(c.style, &line)
        )
    }

    fn header(&self, out: &mut dyn Write, li: usize, dim: bool) -> io::Result<()> {
        let r = self.r;
        let Some(link) = r.links.get(li) else {
            return Ok(());
        };
        // line:col, so two links in one paragraph read apart.
        let line_of = |segs: &[Segment], ids: &[usize]| {
            ids.first()
                .and_then(|&i| segs.get(i))
                .map_or("-".to_string(), |s| format!("{}:{}", s.line, s.column))
        };
        let mut h = format!(
            "@@ {}:{} ↔ {}:{} @@ {} · score {:.2}",
            esc(&r.source.display_path()),
            line_of(&r.source_segments, &link.source),
            esc(&r.target.display_path()),
            line_of(&r.target_segments, &link.target),
            link.kind(),
            link.score
        );
        if link.low_confidence {
            h.push_str(" · low confidence");
        }
        writeln!(out, "{}", self.p.paint(if dim { DIM } else { HEADER }, &h))
    }

    /// A link shown once: its header, then every sentence of both sides
    /// with the carets of each finding that touches it.
    fn block(
        &self,
        out: &mut dyn Write,
        li: usize,
        dim: bool,
        findings: &[&Finding],
    ) -> io::Result<()> {
        let r = self.r;
        let Some(link) = r.links.get(li) else {
            return Ok(());
        };
        self.header(out, li, dim)?;
        let (ms, ps) = if dim { (DIM, DIM) } else { (MINUS, PLUS) };
        let carets = |side: super::Side| -> Vec<Caret> {
            findings
                .iter()
                .filter_map(|f| {
                    let loc = super::location(r, f, side, false)?;
                    Some(Caret {
                        range: loc.range,
                        style: severity_style(f.severity),
                        label: if findings.len() > 1 {
                            f.rule.to_string()
                        } else {
                            String::new()
                        },
                    })
                })
                .collect()
        };
        let sides = [
            (
                '-',
                ms,
                &r.source,
                &r.source_segments,
                &link.source,
                carets(super::Side::Source),
            ),
            (
                '+',
                ps,
                &r.target,
                &r.target_segments,
                &link.target,
                carets(super::Side::Target),
            ),
        ];
        for (sign, style, doc, segs, ids, cs) in sides {
            for &i in ids.iter() {
                let Some(s) = segs.get(i) else { continue };
                // The carets of this sentence, clipped to it.
                let mine: Vec<Caret> = cs
                    .iter()
                    .filter(|c| touches(&c.range, s))
                    .map(|c| {
                        let a = c.range.start.max(s.start);
                        Caret {
                            range: a..c.range.end.min(s.end).max(a),
                            style: c.style,
                            label: c.label.clone(),
                        }
                    })
                    .collect();
                self.write_text(out, sign, style, s.line, doc, s.start..s.end, &mine)?;
            }
        }
        Ok(())
    }

    fn finding(&self, out: &mut dyn Write, f: &Finding) -> io::Result<()> {
        let r = self.r;
        let p = self.p;
        let sev = severity_style(f.severity);
        let label = format!("{}[{}]", f.severity, f.rule);
        let indent = label.len() + 2;
        let lines = wrap_words(&esc(&f.message), self.width.saturating_sub(indent));
        for (k, line) in lines.iter().enumerate() {
            if k == 0 {
                writeln!(
                    out,
                    "{}{}",
                    p.paint(sev, &label),
                    p.paint(BOLD, &format!(": {line}"))
                )?;
            } else {
                writeln!(out, "{}{}", " ".repeat(indent), p.paint(BOLD, line))?;
            }
        }
        let pad = " ".repeat(self.num_w + 2);
        match super::primary_location(r, f) {
            Some(loc) => writeln!(
                out,
                "{pad}{} {}:{}:{}",
                p.paint(HEADER, "-->"),
                esc(&loc.path),
                loc.start.0,
                loc.start.1
            )?,
            None => writeln!(
                out,
                "{pad}{} {}",
                p.paint(HEADER, "-->"),
                esc(&super::document_path(r))
            )?,
        }
        self.expected_found(out, f, &pad)?;
        if let Some(s) = &f.suggestion {
            let hint = super::hint(super::found_text(r, f), s);
            writeln!(out, "{pad}{} {}", p.paint(BOLD, "= help:"), esc(&hint))?;
        }
        Ok(())
    }

    /// `expected … found …`, with a diff when the two are alike; a term left
    /// in the source's wording gets none (`M[-a-]{+u+}scat` helps nobody).
    fn expected_found(&self, out: &mut dyn Write, f: &Finding, pad: &str) -> io::Result<()> {
        let (Some(expected), Some(found)) = (&f.expected, super::found_text(self.r, f)) else {
            return Ok(());
        };
        if expected == found {
            return Ok(());
        }
        let p = self.p;
        let (expected, found) = (esc(expected), esc(found));
        match super::diff_ops(&found, &expected, super::source_text(self.r, f)) {
            Some(ops) => writeln!(
                out,
                "{pad}{} expected “{expected}”, found “{found}”: {}",
                p.paint(BOLD, "="),
                paint_diff(p, &ops)
            ),
            None => writeln!(
                out,
                "{pad}{} expected “{expected}”, found “{found}”",
                p.paint(BOLD, "=")
            ),
        }
    }

    /// The closing summary: the files, links by kind, findings by severity
    /// and by rule, and the links the aligner was unsure of.
    fn summary(&self, out: &mut dyn Write) -> io::Result<()> {
        let r = self.r;
        let p = self.p;
        let low: Vec<usize> = (0..r.links.len())
            .filter(|&i| r.links[i].low_confidence)
            .collect();
        let kinds_s = self.link_kinds();
        writeln!(
            out,
            "{} {} ↔ {}",
            p.paint(BOLD, "summary:"),
            esc(&r.source.display_path()),
            esc(&r.target.display_path())
        )?;
        writeln!(
            out,
            "  links: {}{}; {} low confidence",
            r.links.len(),
            if kinds_s.is_empty() {
                String::new()
            } else {
                format!(" ({kinds_s})")
            },
            low.len()
        )?;
        let (e, w, i) = super::counts(r);
        writeln!(
            out,
            "  findings: {}, {}, {}",
            p.paint(severity_style(Severity::Error), &plural(e, "error")),
            p.paint(severity_style(Severity::Warning), &plural(w, "warning")),
            p.paint(severity_style(Severity::Info), &plural(i, "info")),
        )?;
        if !r.suppressed.is_empty() {
            writeln!(
                out,
                "  silenced by transcheck-ignore: {}",
                plural(r.suppressed.len(), "finding")
            )?;
        }
        self.rule_counts(out)?;
        self.low_confidence(out, &low)
    }

    /// "3 × 1-1, 1 × 1-2": how many links of each kind.
    fn link_kinds(&self) -> String {
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        for l in &self.r.links {
            *kinds.entry(l.kind()).or_default() += 1;
        }
        kinds
            .iter()
            .map(|(k, n)| format!("{n} × {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// One line per rule with its findings by severity, rule ids aligned.
    fn rule_counts(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut by_rule: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
        for f in &self.r.findings {
            let c = by_rule.entry(f.rule).or_default();
            match f.severity {
                Severity::Error => c[0] += 1,
                Severity::Warning => c[1] += 1,
                Severity::Info => c[2] += 1,
            }
        }
        let rw = by_rule.keys().map(|k| k.len()).max().unwrap_or(0);
        for (rule, c) in &by_rule {
            let parts: Vec<String> = [(c[0], "error"), (c[1], "warning"), (c[2], "info")]
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, w)| plural(*n, w))
                .collect();
            writeln!(out, "    {rule:<rw$}  {}", parts.join(", "))?;
        }
        Ok(())
    }

    /// Where each low-confidence link starts on both sides, to look at first.
    fn low_confidence(&self, out: &mut dyn Write, low: &[usize]) -> io::Result<()> {
        let r = self.r;
        if low.is_empty() {
            return Ok(());
        }
        writeln!(out, "  low-confidence links:")?;
        for &li in low {
            let l = &r.links[li];
            let line_of = |segs: &[Segment], ids: &[usize]| {
                ids.first()
                    .and_then(|&i| segs.get(i))
                    .map_or("-".to_string(), |s| format!("{}:{}", s.line, s.column))
            };
            writeln!(
                out,
                "    {}:{} ↔ {}:{} ({}, score {:.2})",
                esc(&r.source.display_path()),
                line_of(&r.source_segments, &l.source),
                esc(&r.target.display_path()),
                line_of(&r.target_segments, &l.target),
                l.kind(),
                l.score
            )?;
        }
        Ok(())
    }

    fn render(&self, out: &mut dyn Write, context: usize, all: bool) -> io::Result<()> {
        let r = self.r;
        let n = r.links.len();
        let mut by_link: BTreeMap<usize, Vec<&Finding>> = BTreeMap::new();
        let mut doc_level = Vec::new();
        for f in &r.findings {
            match f.link {
                Some(i) if i < n => by_link.entry(i).or_default().push(f),
                _ => doc_level.push(f),
            }
        }
        let mut shown = vec![all; n];
        for &i in by_link.keys() {
            for s in shown
                .iter_mut()
                .take((i + context + 1).min(n))
                .skip(i.saturating_sub(context))
            {
                *s = true;
            }
        }
        let mut prev: Option<usize> = None;
        for li in (0..n).filter(|&i| shown[i]) {
            if prev.is_some_and(|p| p + 1 != li) {
                writeln!(out, "{}", self.p.paint(DIM, "⋮"))?;
            }
            let flagged = by_link.get(&li).map(Vec::as_slice).unwrap_or_default();
            self.block(out, li, flagged.is_empty() && !all, flagged)?;
            for f in flagged {
                self.finding(out, f)?;
            }
            writeln!(out)?;
            prev = Some(li);
        }
        for f in doc_level {
            self.finding(out, f)?;
            writeln!(out)?;
        }
        self.summary(out)
    }
}

/// Whether a document range falls on a sentence (an empty range at its end
/// counts).
fn touches(range: &Range<usize>, s: &Segment) -> bool {
    if range.is_empty() {
        range.start >= s.start && range.start <= s.end
    } else {
        range.start < s.end && range.end > s.start
    }
}

/// Greedy word wrap by display width; a word longer than the width stays whole.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(20);
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split(' ') {
        if !cur.is_empty() && cur.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut cur));
        } else if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    lines.push(cur);
    lines
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 || word == "info" {
        format!(
            "{n} {word}{}",
            if word == "info" && n != 1 { "s" } else { "" }
        )
    } else {
        format!("{n} {word}s")
    }
}

/// Diff operations painted; without colour, `[-removed-]{+added+}`.
fn paint_diff(p: &Painter, ops: &[(similar::ChangeTag, &str)]) -> String {
    use similar::ChangeTag;
    let mut s = String::new();
    for (tag, t) in ops {
        match (tag, p.color) {
            (ChangeTag::Equal, _) => s.push_str(t),
            (ChangeTag::Delete, true) => s.push_str(&p.paint(DELETED, t)),
            (ChangeTag::Insert, true) => s.push_str(&p.paint(INSERTED, t)),
            (ChangeTag::Delete, false) => s.push_str(&format!("[-{t}-]")),
            (ChangeTag::Insert, false) => s.push_str(&format!("{{+{t}+}}")),
        }
    }
    s
}

#[cfg(test)]
fn inline_diff(p: &Painter, found: &str, expected: &str) -> String {
    paint_diff(
        p,
        &super::diff_ops(found, expected, None).unwrap_or_default(),
    )
}

impl Report for HumanReport {
    fn render(&self, results: &[PairResult], out: &mut dyn Write) -> io::Result<()> {
        let p = Painter { color: self.color };
        let many = results.len() > 1;
        let mut totals = (0, 0, 0);
        let mut clean = 0;
        for r in results {
            let (e, w, i) = super::counts(r);
            totals = (totals.0 + e, totals.1 + w, totals.2 + i);
            // In a batch, clean pairs only count in the total, unless --all.
            if r.findings.is_empty() {
                clean += 1;
                if many && !self.all {
                    continue;
                }
            }
            if many {
                writeln!(
                    out,
                    "{}",
                    p.paint(
                        BOLD,
                        &format!(
                            "==> {} ↔ {}",
                            esc(&r.source.display_path()),
                            esc(&r.target.display_path())
                        )
                    )
                )?;
            }
            if !r.glossaries.is_empty() {
                let line = format!("glossaries: {}", r.glossaries.join(", "));
                writeln!(out, "{}", p.paint(DIM, &esc(&line)))?;
            }
            if !r.lexicons.is_empty() {
                let line = format!("lexicons: {}", r.lexicons.join(", "));
                writeln!(out, "{}", p.paint(DIM, &esc(&line)))?;
            }
            let max_line = r
                .source_segments
                .iter()
                .chain(&r.target_segments)
                .map(|s| s.line)
                .max()
                .unwrap_or(1);
            let view = PairView {
                r,
                p: &p,
                width: self.width,
                num_w: max_line.to_string().len(),
            };
            view.render(out, self.context, self.all)?;
            if many {
                writeln!(out)?;
            }
        }
        if many {
            writeln!(
                out,
                "{} {} pairs, {clean} without findings; {}, {}, {}",
                p.paint(BOLD, "total:"),
                results.len(),
                plural(totals.0, "error"),
                plural(totals.1, "warning"),
                plural(totals.2, "info")
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_without_colour_marks_changes() {
        let p = Painter { color: false };
        assert_eq!(inline_diff(&p, "Araqchi", "Araghchi"), "Ara[-q-]{+gh+}chi");
        assert_eq!(
            inline_diff(&p, "Strait of Ormuz", "Strait of Hormuz"),
            "Strait of [-Ormuz-]{+Hormuz+}"
        );
    }

    #[test]
    fn diff_with_colour_has_no_brackets() {
        let p = Painter { color: true };
        let s = inline_diff(&p, "Araqchi", "Araghchi");
        assert!(s.contains("\u{1b}["), "{s:?}");
        assert!(!s.contains("[-"), "{s:?}");
    }

    #[test]
    fn wrap_keeps_every_character_and_respects_width() {
        let d = Document::from_text("t", &"palavra ".repeat(40));
        let cs = cells(&d, 0..d.text.len());
        let rows = wrap(&cs, 30);
        let total: usize = rows.iter().map(|r| r.len()).sum();
        assert_eq!(total, cs.len());
        assert!(
            rows.iter()
                .all(|r| r.iter().map(|c| c.width).sum::<usize>() <= 30)
        );
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let d = Document::from_text("t", "日本");
        let cs = cells(&d, 0..d.text.len());
        assert_eq!(cs.iter().map(|c| c.width).sum::<usize>(), 4);
    }

    #[test]
    fn carets_line_up_under_wide_characters() {
        let doc = Document::from_text("t", "日本 Araqchi chegou.");
        let view = PairView {
            r: &crate::report::fixture::result(),
            p: &Painter { color: false },
            width: 100,
            num_w: 1,
        };
        let start = doc.text.find("Araqchi").unwrap();
        let mut out = Vec::new();
        view.write_text(
            &mut out,
            '+',
            PLUS,
            1,
            &doc,
            0..doc.text.len(),
            &[Caret {
                range: start..start + 7,
                style: PLUS,
                label: String::new(),
            }],
        )
        .unwrap();
        let s = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[0], "+ 1 │ 日本 Araqchi chegou.");
        // 日本 takes four columns and the space one: carets start at column 5.
        assert_eq!(lines[1], "    │      ^^^^^^^");
    }

    #[test]
    fn messages_wrap_at_words_and_keep_every_word() {
        let msg = "number changed: noventa in the source, nineteen in the target, which is wrong";
        let lines = wrap_words(msg, 30);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| l.len() <= 30), "{lines:?}");
        assert_eq!(lines.join(" "), msg);
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "error"), "1 error");
        assert_eq!(plural(2, "warning"), "2 warnings");
        assert_eq!(plural(0, "info"), "0 infos");
        assert_eq!(plural(1, "info"), "1 info");
    }
}

#[cfg(test)]
mod snapshots {
    use super::*;
    use crate::report::fixture;

    fn render(h: HumanReport) -> String {
        let mut out = Vec::new();
        h.render(&[fixture::result()], &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn review() {
        insta::assert_snapshot!(render(HumanReport::default()));
    }

    #[test]
    fn review_all_links() {
        insta::assert_snapshot!(render(HumanReport {
            all: true,
            ..Default::default()
        }));
    }

    #[test]
    fn review_with_context_marks_gaps() {
        let mut r = fixture::result();
        r.findings.retain(|f| f.rule == "length");
        let mut out = Vec::new();
        HumanReport {
            context: 1,
            ..Default::default()
        }
        .render(&[r], &mut out)
        .unwrap();
        let s = String::from_utf8(out).unwrap();
        // Link 2 (1-0) is shown as context before link 3; links 0-1 are not.
        assert!(s.contains("Ele falou com jornalistas."), "{s}");
        assert!(!s.contains("Mascate"), "{s}");
        insta::assert_snapshot!(s);
    }

    #[test]
    fn a_link_with_several_findings_is_shown_once() {
        use crate::finding::Finding;
        let mut r = fixture::result();
        let t = &r.views[0].target.text;
        let src = &r.views[0].source.text;
        let abbas_t = t.find("Abbas").unwrap();
        let abbas_s = src.find("Abbas").unwrap();
        r.findings.push(
            Finding::new("doubled-word", Severity::Warning, "“Abbas” twice")
                .link(0)
                .target_span(abbas_t..abbas_t + 6)
                .suggestion(""),
        );
        // A word kept in the source's wording: expected vs found, no diff.
        r.findings.push(
            Finding::new("glossary", Severity::Error, "untranslated term 'Abbas'")
                .link(0)
                .source_span(abbas_s..abbas_s + 5)
                .target_span(abbas_t..abbas_t + 5)
                .expected("Abbās")
                .suggestion("Abbās"),
        );
        let mut out = Vec::new();
        HumanReport::default().render(&[r], &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s.matches("Foreign Minister Abbas").count(), 1, "{s}");
        assert_eq!(s.matches("O chanceler Abbas").count(), 1, "{s}");
        assert!(s.contains("^^^^^^ doubled-word"), "{s}");
        assert!(s.contains("^^^^^^^ name"), "{s}");
        assert!(s.contains("= help: delete “Abbas”"), "{s}");
        assert!(!s.contains("“”"), "{s}");
        assert!(s.contains("= expected “Abbās”, found “Abbas”\n"), "{s}");
        insta::assert_snapshot!(s);
    }

    #[test]
    fn narrow_width_wraps_without_losing_text() {
        let s = render(HumanReport {
            width: 40,
            ..Default::default()
        });
        for line in s.lines() {
            if line.contains('│') {
                assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= 40,
                    "{line:?}"
                );
            }
        }
        // Every word of the target survives wrapping.
        for w in [
            "Foreign", "Minister", "Abbas", "Araqchi", "arrived", "Muscat.",
        ] {
            assert!(s.contains(w), "{w} missing in\n{s}");
        }
        insta::assert_snapshot!(s);
    }

    #[test]
    fn colour_only_when_asked() {
        let plain = render(HumanReport::default());
        assert!(!plain.contains('\u{1b}'));
        let coloured = render(HumanReport {
            color: true,
            ..Default::default()
        });
        assert!(coloured.contains('\u{1b}'));
        assert!(
            !coloured.contains("[-q-]"),
            "coloured diff uses no brackets"
        );
    }
}
