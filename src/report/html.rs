//! `--format html`: one self-contained review page. Inline CSS and script,
//! system fonts, no external asset, so it works offline and as a CI artefact.
//! The page shows the aligned links side by side with findings marked at
//! their spans, filters by rule and severity, keyboard navigation (`j`/`k`,
//! `n`/`p`) and a permalink per finding (`#f-12`). A batch is one page with a
//! section per pair and a file list. Every text from the inputs goes through
//! [`escape_html`]; a Content-Security-Policy allows only the page's own
//! style and script (by hash), so markup in a text never runs.

use super::Report;
use crate::finding::{Finding, Severity};
use crate::pipeline::PairResult;
use crate::segment::Segment;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

/// Options of the HTML page.
#[derive(Debug, Clone, Default)]
pub struct HtmlReport {
    /// Glossaries used, as shown in the header.
    pub glossaries: Vec<String>,
}

const CSS: &str = include_str!("html/review.css");
const JS: &str = include_str!("html/review.js");

/// Escapes text for HTML element content and quoted attribute values.
/// Control and bidirectional-override characters are shown as `\u{…}`
/// so they can neither hide nor reorder what a reviewer reads.
pub fn escape_html(s: &str) -> String {
    super::escape::html(s)
}

/// `'sha256-…'` of an inline block, for the Content-Security-Policy.
fn csp_hash(s: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(s.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// A finding with its number on the page (1-based, across all pairs).
struct Numbered<'a> {
    id: usize,
    f: &'a Finding,
}

/// Findings by rule: [errors, warnings, infos].
fn by_rule<'a>(findings: impl Iterator<Item = &'a Finding>) -> BTreeMap<&'static str, [usize; 3]> {
    let mut m: BTreeMap<&'static str, [usize; 3]> = BTreeMap::new();
    for f in findings {
        let c = m.entry(f.rule).or_default();
        c[sev_index(f.severity)] += 1;
    }
    m
}

fn sev_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

fn counts_table(out: &mut String, m: &BTreeMap<&'static str, [usize; 3]>) {
    out.push_str("<table class=\"counts\"><thead><tr><th>rule</th>");
    for s in SEVERITIES {
        let _ = write!(out, "<th class=\"sev-{s}\">{s}</th>");
    }
    out.push_str("</tr></thead><tbody>");
    let mut total = [0; 3];
    for (rule, c) in m {
        let _ = write!(out, "<tr><td>{}</td>", escape_html(rule));
        for (k, n) in c.iter().enumerate() {
            total[k] += n;
            let _ = write!(
                out,
                "<td>{}</td>",
                if *n > 0 { n.to_string() } else { String::new() }
            );
        }
        out.push_str("</tr>");
    }
    let _ = write!(
        out,
        "</tbody><tfoot><tr><th>total</th><th>{}</th><th>{}</th><th>{}</th></tr></tfoot></table>",
        total[0], total[1], total[2]
    );
}

/// The filter controls: one checkbox per rule present and per severity.
fn controls(out: &mut String, rules: &BTreeMap<&'static str, [usize; 3]>) {
    out.push_str("<form class=\"controls\" id=\"controls\"><fieldset><legend>rules</legend>");
    for (rule, c) in rules {
        let n: usize = c.iter().sum();
        let r = escape_html(rule);
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" data-filter=\"rule\" value=\"{r}\" checked> {r} <span class=\"n\">{n}</span></label>"
        );
    }
    out.push_str("</fieldset><fieldset><legend>severity</legend>");
    for s in SEVERITIES {
        let _ = write!(
            out,
            "<label class=\"sev-{s}\"><input type=\"checkbox\" data-filter=\"sev\" value=\"{s}\" checked> {s}</label>"
        );
    }
    out.push_str(
        "</fieldset><fieldset><legend>links</legend><label><input type=\"checkbox\" data-filter=\"only\" id=\"only\"> only links with findings</label></fieldset>\
         <p class=\"keys\"><kbd>j</kbd>/<kbd>n</kbd> next finding · <kbd>k</kbd>/<kbd>p</kbd> previous · <span id=\"shown\"></span></p></form>",
    );
}

/// A text with the spans of findings marked. Overlapping spans split the
/// text at every boundary; a piece is marked with every finding covering it.
/// An empty span (something missing there) is a caret mark.
fn marked(text: &str, spans: &[Mark]) -> String {
    let ok = |i: usize| i <= text.len() && text.is_char_boundary(i);
    let spans: Vec<_> = spans
        .iter()
        .filter(|(r, ..)| r.start <= r.end && ok(r.start) && ok(r.end))
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (r, ..) in &spans {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() + 64 * spans.len());
    let mark = |out: &mut String,
                hits: &[&&(Range<usize>, usize, Severity, String)],
                body: &str,
                class: &str| {
        let sev = hits.iter().map(|h| h.2).max().unwrap_or(Severity::Info);
        let ids: Vec<String> = hits.iter().map(|h| h.1.to_string()).collect();
        let title: Vec<String> = hits.iter().map(|h| h.3.clone()).collect();
        let _ = write!(
            out,
            "<mark class=\"{class}sev-{sev}\" data-f=\"{}\" title=\"{}\">{body}</mark>",
            ids.join(" "),
            escape_html(&title.join("\n"))
        );
    };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let carets: Vec<_> = spans
            .iter()
            .filter(|(r, ..)| r.is_empty() && r.start == a)
            .collect();
        if !carets.is_empty() {
            mark(&mut out, &carets, "‸", "gap ");
        }
        let piece = &text[a..b];
        let hits: Vec<_> = spans
            .iter()
            .filter(|(r, ..)| !r.is_empty() && r.start <= a && r.end >= b)
            .collect();
        if hits.is_empty() {
            out.push_str(&escape_html(piece));
        } else {
            mark(&mut out, &hits, &escape_html(piece), "");
        }
    }
    if text.is_empty() || cuts.len() == 1 {
        let carets: Vec<_> = spans.iter().filter(|(r, ..)| r.is_empty()).collect();
        if !carets.is_empty() {
            mark(&mut out, &carets, "‸", "gap ");
        }
    } else {
        let end = text.len();
        let carets: Vec<_> = spans
            .iter()
            .filter(|(r, ..)| r.is_empty() && r.start == end)
            .collect();
        if !carets.is_empty() {
            mark(&mut out, &carets, "‸", "gap ");
        }
    }
    out
}

/// `path:line:col` of a link side's first sentence.
fn position(path: &str, segs: &[Segment], ids: &[usize]) -> String {
    match ids.first().and_then(|&i| segs.get(i)) {
        Some(s) => format!("{}:{}:{}", escape_html(path), s.line, s.column),
        None => "—".to_string(),
    }
}

/// Expected against found, as a diff when the two are alike.
fn expected_found(out: &mut String, r: &PairResult, f: &Finding) {
    let (Some(expected), Some(found)) = (&f.expected, super::found_text(r, f)) else {
        if let Some(expected) = &f.expected {
            let _ = write!(
                out,
                "<p class=\"ef\">expected <q class=\"exp\">{}</q></p>",
                escape_html(expected)
            );
        }
        return;
    };
    if expected == found {
        return;
    }
    let _ = write!(
        out,
        "<p class=\"ef\">expected <q class=\"exp\">{}</q>, found <q class=\"fnd\">{}</q>",
        escape_html(expected),
        escape_html(found)
    );
    if let Some(ops) = super::diff_ops(found, expected, super::source_text(r, f)) {
        out.push_str(" <span class=\"diff\">");
        for (tag, t) in ops {
            let t = escape_html(t);
            match tag {
                similar::ChangeTag::Equal => out.push_str(&t),
                similar::ChangeTag::Delete => {
                    let _ = write!(out, "<del>{t}</del>");
                }
                similar::ChangeTag::Insert => {
                    let _ = write!(out, "<ins>{t}</ins>");
                }
            }
        }
        out.push_str("</span>");
    }
    out.push_str("</p>");
}

fn finding_item(out: &mut String, r: &PairResult, n: &Numbered) {
    let f = n.f;
    let id = n.id;
    let rule = escape_html(f.rule);
    let _ = write!(
        out,
        "<li class=\"finding sev-{sev}\" id=\"f-{id}\" data-rule=\"{rule}\" data-sev=\"{sev}\" tabindex=\"-1\">\
         <a class=\"perma\" href=\"#f-{id}\" title=\"permalink\">#{id}</a> \
         <span class=\"badge sev-{sev}\">{sev}</span> <code class=\"rule\">{rule}</code> \
         <span class=\"msg\">{msg}</span>",
        sev = f.severity,
        msg = escape_html(&f.message)
    );
    if let Some(loc) = super::primary_location(r, f) {
        let _ = write!(
            out,
            " <span class=\"loc\">{}:{}:{}</span>",
            escape_html(&loc.path),
            loc.start.0,
            loc.start.1
        );
    }
    expected_found(out, r, f);
    if let Some(s) = &f.suggestion {
        let _ = write!(
            out,
            "<p class=\"help\">help: {}</p>",
            escape_html(&super::hint(super::found_text(r, f), s))
        );
    }
    out.push_str("</li>");
}

/// One aligned link: header, source and target side by side, its findings.
fn link_row(
    out: &mut String,
    r: &PairResult,
    (pi, li): (usize, usize),
    findings: &[Numbered],
    silenced: &[&crate::suppress::Silenced],
) {
    let Some(link) = r.links.get(li) else { return };
    let Some(view) = r.views.get(li) else { return };
    link_head(out, r, link, (pi, li), !findings.is_empty());
    let src = side_marks(findings, true);
    side(out, &view.source.text, &src, "src", &r.source_lang);
    let tgt = side_marks(findings, false);
    side(out, &view.target.text, &tgt, "tgt", &r.target_lang);
    if !findings.is_empty() {
        out.push_str("<ol class=\"findings\">");
        for n in findings {
            finding_item(out, r, n);
        }
        out.push_str("</ol>");
    }
    silenced_items(out, silenced);
    out.push_str("</div>");
}

/// The findings `transcheck-ignore` lines silenced on a link: shown, not
/// counted, so a reviewer sees what was accepted and why.
fn silenced_items(out: &mut String, silenced: &[&crate::suppress::Silenced]) {
    for x in silenced {
        let _ = write!(
            out,
            "<p class=\"silenced\">silenced by transcheck-ignore (line {}): <code class=\"rule\">{}</code> {} — {}</p>",
            x.line,
            escape_html(x.finding.rule),
            escape_html(&x.finding.message),
            escape_html(if x.reason.is_empty() {
                "no reason given"
            } else {
                &x.reason
            }),
        );
    }
}

/// A finding's span on one side of a link, as [`marked`] takes it.
type Mark = (Range<usize>, usize, Severity, String);

/// The spans the findings mark on the source side, or the target side.
fn side_marks(findings: &[Numbered], source: bool) -> Vec<Mark> {
    findings
        .iter()
        .filter_map(|n| {
            let span = if source {
                &n.f.source_span
            } else {
                &n.f.target_span
            };
            let label = format!("{}: {}", n.f.rule, n.f.message);
            span.clone().map(|s| (s, n.id, n.f.severity, label))
        })
        .collect()
}

/// Opens a link's block (link `li` of pair `pi`) with its header: number,
/// kind, confidence and the positions of both sides.
fn link_head(
    out: &mut String,
    r: &PairResult,
    link: &crate::align::Link,
    (pi, li): (usize, usize),
    flagged: bool,
) {
    let mut class = String::from("link");
    if flagged {
        class.push_str(" flagged");
    }
    if link.low_confidence {
        class.push_str(" low");
    }
    let _ = write!(
        out,
        "<div class=\"{class}\" id=\"l-{pi}-{n}\"><div class=\"lhead\"><a href=\"#l-{pi}-{n}\">link {n}</a> · <span class=\"kind\">{kind}</span> · confidence {score:.2}{low} · {sp} ↔ {tp}</div>",
        n = li + 1,
        kind = link.kind(),
        score = link.score,
        low = if link.low_confidence {
            " <span class=\"lowc\">low confidence</span>"
        } else {
            ""
        },
        sp = position(&r.source.display_path(), &r.source_segments, &link.source),
        tp = position(&r.target.display_path(), &r.target_segments, &link.target),
    );
}

/// One side of a link: its text with the findings' spans marked.
fn side(out: &mut String, text: &str, marks: &[Mark], class: &str, lang: &str) {
    if text.is_empty() {
        let _ = write!(out, "<div class=\"side {class} empty\">(nothing)</div>");
    } else {
        let _ = write!(
            out,
            "<div class=\"side {class}\" lang=\"{}\">{}</div>",
            escape_html(lang),
            marked(text, marks)
        );
    }
}

/// One pair: its files, languages, counts and every link.
fn pair_section(out: &mut String, r: &PairResult, pi: usize, many: bool, next_id: &mut usize) {
    let n = r.links.len();
    let mut by_link: BTreeMap<usize, Vec<Numbered>> = BTreeMap::new();
    let mut doc_level = Vec::new();
    for f in &r.findings {
        *next_id += 1;
        let nf = Numbered { id: *next_id, f };
        match f.link {
            Some(i) if i < n => by_link.entry(i).or_default().push(nf),
            _ => doc_level.push(nf),
        }
    }
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for l in &r.links {
        *kinds.entry(l.kind()).or_default() += 1;
    }
    let kinds: Vec<String> = kinds.iter().map(|(k, c)| format!("{c} × {k}")).collect();
    let low = r.links.iter().filter(|l| l.low_confidence).count();
    let _ = write!(
        out,
        "<section class=\"pair\" id=\"p-{pi}\"><h2>{} ↔ {}</h2><dl class=\"meta\">\
         <dt>source</dt><dd>{} <span class=\"lang\">{}</span></dd>\
         <dt>target</dt><dd>{} <span class=\"lang\">{}</span></dd>\
         <dt>links</dt><dd>{n} ({}); {low} low confidence</dd></dl>",
        escape_html(&r.source.display_path()),
        escape_html(&r.target.display_path()),
        escape_html(&r.source.display_path()),
        escape_html(&r.source_lang),
        escape_html(&r.target.display_path()),
        escape_html(&r.target_lang),
        escape_html(&kinds.join(", ")),
    );
    // One pair: the header's table already is this pair's.
    if many {
        counts_table(out, &by_rule(r.findings.iter()));
    }
    if !doc_level.is_empty() {
        out.push_str("<div class=\"link flagged doc\"><div class=\"lhead\">whole document</div><ol class=\"findings\">");
        for nf in &doc_level {
            finding_item(out, r, nf);
        }
        out.push_str("</ol></div>");
    }
    let mut silenced: BTreeMap<usize, Vec<&crate::suppress::Silenced>> = BTreeMap::new();
    for x in &r.suppressed {
        if let Some(i) = x.finding.link {
            silenced.entry(i).or_default().push(x);
        }
    }
    out.push_str("<div class=\"links\">");
    for li in 0..n {
        let fs = by_link.remove(&li).unwrap_or_default();
        let quiet = silenced.remove(&li).unwrap_or_default();
        link_row(out, r, (pi, li), &fs, &quiet);
    }
    out.push_str("</div></section>");
}

impl HtmlReport {
    /// The whole page as a string.
    pub fn page(&self, results: &[PairResult]) -> String {
        let mut body = String::new();
        let all = by_rule(results.iter().flat_map(|r| &r.findings));
        body.push_str("<header><h1>transcheck review</h1><div class=\"top\"><div>");
        let _ = write!(
            body,
            "<h3>{} pair{}</h3><ul class=\"files\">",
            results.len(),
            if results.len() == 1 { "" } else { "s" }
        );
        for (pi, r) in results.iter().enumerate() {
            let (e, w, i) = super::counts(r);
            let _ = write!(
                body,
                "<li><a href=\"#p-{}\">{} ↔ {}</a> <span class=\"lang\">{} → {}</span> <span class=\"n sev-error\">{e}</span> <span class=\"n sev-warning\">{w}</span> <span class=\"n sev-info\">{i}</span></li>",
                pi + 1,
                escape_html(&r.source.display_path()),
                escape_html(&r.target.display_path()),
                escape_html(&r.source_lang),
                escape_html(&r.target_lang),
            );
        }
        let glossaries = if self.glossaries.is_empty() {
            "none".to_string()
        } else {
            self.glossaries
                .iter()
                .map(|g| escape_html(g))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut lexicons: Vec<&str> = results
            .iter()
            .flat_map(|r| r.lexicons.iter().map(String::as_str))
            .collect();
        lexicons.sort_unstable();
        lexicons.dedup();
        let lexicons = if lexicons.is_empty() {
            "none".to_string()
        } else {
            lexicons
                .iter()
                .map(|l| escape_html(l))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = write!(
            body,
            "</ul><p class=\"gl\">glossaries: {glossaries}</p><p class=\"gl\">lexicons: {lexicons}</p></div><div>"
        );
        counts_table(&mut body, &all);
        body.push_str("</div></div></header>");
        controls(&mut body, &all);
        body.push_str("<main>");
        let mut next_id = 0;
        for (pi, r) in results.iter().enumerate() {
            pair_section(&mut body, r, pi + 1, results.len() > 1, &mut next_id);
        }
        body.push_str("</main>");

        let title = match results {
            [one] => format!(
                "transcheck: {} ↔ {}",
                one.source.display_path(),
                one.target.display_path()
            ),
            many => format!("transcheck: {} pairs", many.len()),
        };
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src {}; script-src {}; img-src data:; base-uri 'none'; form-action 'none'\">\
             <title>{}</title><style>{CSS}</style></head>\n<body>{body}<script>{JS}</script></body></html>\n",
            csp_hash(CSS),
            csp_hash(JS),
            escape_html(&title),
        )
    }
}

impl Report for HtmlReport {
    fn render(&self, results: &[PairResult], out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.page(results).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    fn page(r: PairResult) -> String {
        HtmlReport {
            glossaries: vec!["glossaries/names.toml".into()],
        }
        .page(&[r])
    }

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape_html("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape_html("a\" onerror='x'"),
            "a&quot; onerror=&#39;x&#39;"
        );
        assert_eq!(escape_html("a\u{202E}b\u{7}"), "a\\u{202e}b\\u{7}");
    }

    #[test]
    fn silenced_findings_show_under_their_link_with_the_reason() {
        let mut r = fixture::result();
        let f = r.findings.remove(1);
        r.suppressed.push(crate::suppress::Silenced {
            finding: f,
            line: 2,
            reason: "<b>rounded</b> by the desk".into(),
        });
        let p = page(r);
        let i = p.find("class=\"silenced\"").expect("silenced line");
        let line = &p[i..p[i..].find("</p>").unwrap() + i];
        assert!(
            line.contains("(line 2)") && line.contains("3,4% became 3.2%"),
            "{line}"
        );
        assert!(line.contains("&lt;b&gt;rounded"), "{line}");
        // Under link 2 (index 1), before link 3 starts.
        assert!(i > p.find("id=\"l-1-2\"").unwrap() && i < p.find("id=\"l-1-3\"").unwrap());
    }

    #[test]
    fn injected_markup_never_reaches_the_page_as_markup() {
        let mut r = fixture::result();
        let bad = "<script>window.pwned=1</script><img src=x onerror=alert(1)>";
        r.findings[0].message = bad.into();
        r.findings[0].suggestion = Some(bad.into());
        r.source.path = format!("{bad}.txt").into();
        let p = page(r);
        assert!(!p.contains("<script>window"), "script tag passed through");
        assert!(!p.contains("<img"), "img tag passed through");
        assert!(p.contains("&lt;script&gt;window.pwned=1"));
        // Exactly the page's own script.
        assert_eq!(p.matches("<script>").count(), 1);
    }

    #[test]
    fn csp_allows_only_the_inline_blocks_by_hash() {
        let p = page(fixture::result());
        assert!(p.contains(&format!("script-src {}", csp_hash(JS))));
        assert!(p.contains(&format!("style-src {}", csp_hash(CSS))));
        assert!(!p.contains("unsafe-inline"));
        // The hash is of the exact block on the page.
        assert!(p.contains(&format!("<script>{JS}</script>")));
        assert!(
            !p.contains(" style=\""),
            "inline style attributes break the CSP"
        );
        assert!(
            !p.contains("http://") && !p.contains("https://"),
            "no external asset"
        );
    }

    #[test]
    fn findings_are_marked_at_their_spans_on_both_sides() {
        let p = page(fixture::result());
        assert!(
            p.contains(
                "data-f=\"1\" title=\"name: “Araghchi” is spelled “Araqchi”\">Araghchi</mark>"
            ),
            "{p}"
        );
        assert!(p.contains(">Araqchi</mark>"));
        assert!(p.contains(">3,4%</mark>") && p.contains(">3.2%</mark>"));
        assert!(p.contains("id=\"f-1\"") && p.contains("href=\"#f-1\""));
        // The whole-document finding is listed too.
        assert!(p.contains("id=\"f-5\""));
        assert!(p.contains("low confidence"));
    }

    #[test]
    fn overlapping_and_empty_spans() {
        let s = marked(
            "abcdef",
            &[
                (1..4, 1, Severity::Warning, "w".into()),
                (2..5, 2, Severity::Error, "e".into()),
                (6..6, 3, Severity::Info, "i".into()),
            ],
        );
        assert_eq!(
            s,
            "a<mark class=\"sev-warning\" data-f=\"1\" title=\"w\">b</mark>\
             <mark class=\"sev-error\" data-f=\"1 2\" title=\"w\ne\">cd</mark>\
             <mark class=\"sev-error\" data-f=\"2\" title=\"e\">e</mark>f\
             <mark class=\"gap sev-info\" data-f=\"3\" title=\"i\">‸</mark>"
        );
        // Spans off char boundaries or past the end are dropped, not a panic.
        assert_eq!(marked("é", &[(1..2, 1, Severity::Info, "x".into())]), "é");
        assert_eq!(marked("ab", &[(1..9, 1, Severity::Info, "x".into())]), "ab");
    }

    #[test]
    fn a_thousand_links_stay_under_two_megabytes() {
        use crate::align::Link;
        let base = fixture::result();
        let line = "O chanceler iraniano Abbas Araghchi chegou a Mascate na terça-feira para negociar com enviados norte-americanos.";
        let src = format!("{line}\n").repeat(1000);
        let tline = "Iranian Foreign Minister Abbas Araghchi arrived in Muscat on Tuesday to negotiate with American envoys.";
        let tgt = format!("{tline}\n").repeat(1000);
        let source = crate::input::Document::from_text("a/pt.txt", &src);
        let target = crate::input::Document::from_text("a/en.txt", &tgt);
        let ss = crate::segment::presegmented(&source);
        let ts = crate::segment::presegmented(&target);
        let links: Vec<Link> = (0..1000)
            .map(|i| Link {
                source: vec![i],
                target: vec![i],
                score: 0.9,
                low_confidence: false,
            })
            .collect();
        let (sp, tp) = (
            crate::profile::Profile::builtin("pt"),
            crate::profile::Profile::builtin("en"),
        );
        let g = crate::glossary::Glossary::default();
        let views =
            crate::checks::Context::new(&source, &target, &ss, &ts, &links, &sp, &tp, &g).views;
        let findings = (0..1000)
            .step_by(5)
            .map(|i| {
                Finding::new("name", Severity::Error, "“Araghchi” is spelled “Araqchi”")
                    .link(i)
                    .source_span(27..35)
                    .target_span(31..39)
                    .expected("Araghchi")
                    .suggestion("Araghchi")
            })
            .collect();
        let r = PairResult {
            source,
            target,
            source_segments: ss,
            target_segments: ts,
            links,
            views,
            findings,
            ..base
        };
        let p = page(r);
        assert_eq!(p.matches("id=\"l-1-").count(), 1000);
        assert!(p.len() < 2_000_000, "{} bytes", p.len());
    }

    proptest::proptest! {
        /// Any spans, even off char boundaries or past the end: no panic, and
        /// the text reads the same once the marks are taken out.
        #[test]
        fn marks_never_lose_or_break_text(
            text in "[a-zé<&\" ]{0,30}",
            spans in proptest::collection::vec((0usize..40, 0usize..40), 0..6),
        ) {
            let spans: Vec<_> = spans
                .into_iter()
                .enumerate()
                .map(|(i, (a, b))| (a.min(b)..a.max(b), i + 1, Severity::Warning, String::new()))
                .collect();
            let out = marked(&text, &spans);
            let plain = regex::Regex::new(r"<mark [^>]*>‸</mark>|<mark [^>]*>|</mark>")
                .unwrap()
                .replace_all(&out, "");
            proptest::prop_assert_eq!(plain, escape_html(&text));
        }
    }

    /// The page's markup without the style and script, a tag a line.
    #[test]
    fn structure_snapshot() {
        let p = page(fixture::result());
        let body = &p[p.find("<body>").unwrap()..p.find("<script>").unwrap()];
        insta::assert_snapshot!(body.replace("><", ">\n<"));
    }
}
