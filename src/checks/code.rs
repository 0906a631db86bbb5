//! The `code` check: code blocks and inline code of a marked-up file
//! (Markdown, HTML) are not prose and must come through the translation as
//! they are. A code block or inline code changed, dropped or added is
//! reported on the link that holds it. Also home of the link-target
//! comparison the `url` check runs on marked-up files ([`link_targets`]).

use super::{Check, Context};
use crate::finding::{Finding, Severity};
use crate::formats::prose::{Piece, PieceKind};
use crate::input::Document;
use crate::segment::Segment;
use std::ops::Range;

pub struct CodeCheck;

/// Which side of the pair.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Source,
    Target,
}

/// A piece placed in the alignment: its link and its span in that link's
/// text on its side.
pub(crate) struct Placed<'a> {
    pub piece: &'a Piece,
    pub link: usize,
    pub span: Range<usize>,
}

/// The link of every segment on one side.
fn link_of_segment(ctx: &Context, side: Side) -> Vec<Option<usize>> {
    let n = match side {
        Side::Source => ctx.source_segments.len(),
        Side::Target => ctx.target_segments.len(),
    };
    let mut out = vec![None; n];
    for (li, l) in ctx.links.iter().enumerate() {
        let ids = match side {
            Side::Source => &l.source,
            Side::Target => &l.target,
        };
        for &i in ids {
            if let Some(x) = out.get_mut(i) {
                *x = Some(li);
            }
        }
    }
    out
}

/// The segment holding a prose offset.
fn segment_at(segs: &[Segment], at: usize) -> Option<usize> {
    let i = segs.partition_point(|s| s.end < at);
    segs.get(i).filter(|s| s.start <= at).map(|_| i)
}

/// The pieces of one side that `keep` selects, placed in the alignment.
pub(crate) fn placed<'a>(
    ctx: &'a Context,
    side: Side,
    keep: impl Fn(&Piece) -> bool,
) -> Vec<Placed<'a>> {
    let (doc, segs): (&Document, &[Segment]) = match side {
        Side::Source => (ctx.source, ctx.source_segments),
        Side::Target => (ctx.target, ctx.target_segments),
    };
    let Some(m) = &doc.markup else {
        return Vec::new();
    };
    let links = link_of_segment(ctx, side);
    let mut out = Vec::new();
    for p in m.pieces.iter().filter(|p| keep(p)) {
        let Some(seg) = segment_at(segs, p.at.start) else {
            continue;
        };
        let Some(li) = links.get(seg).copied().flatten() else {
            continue;
        };
        let Some(v) = ctx.views.get(li) else {
            continue;
        };
        let text = match side {
            Side::Source => &v.source,
            Side::Target => &v.target,
        };
        let (Some(a), Some(b)) = (text.from_doc(p.at.start), text.from_doc(p.at.end)) else {
            continue;
        };
        out.push(Placed {
            piece: p,
            link: li,
            span: a..b.max(a),
        });
    }
    out
}

/// Code as compared: line ends and trailing spaces do not count.
fn code_key(s: &str) -> String {
    s.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// A code piece as compared. Inline code is shown on one line with its
/// spaces collapsed (`<code>` in HTML, a code span in Markdown), so a line
/// break or a run of spaces inside it is one space.
fn piece_key(p: &Piece) -> String {
    if p.kind == PieceKind::InlineCode {
        p.text.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        code_key(&p.text)
    }
}

/// How a programming language writes comments, by a code block's info
/// string (`python`, `js title="a.js"`): a line-comment marker and a block
/// comment's delimiters.
struct CommentSyntax {
    line: &'static [&'static str],
    block: Option<(&'static str, &'static str)>,
}

fn comment_syntax(info: &str) -> Option<CommentSyntax> {
    let lang = info
        .trim_start_matches(['{', '.', ' '])
        .split(|c: char| c.is_whitespace() || c == ',' || c == '}' || c == '{')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let lang = lang.strip_prefix("language-").unwrap_or(&lang);
    let (line, block): (&'static [&'static str], _) = match lang {
        "python" | "py" | "python3" | "py3" | "bash" | "sh" | "shell" | "zsh" | "dockerfile"
        | "docker" | "toml" | "yaml" | "yml" | "ruby" | "rb" | "r" | "perl" | "make"
        | "makefile" | "cmake" | "ini" | "conf" | "properties" | "powershell" | "ps1"
        | "elixir" | "julia" | "nginx" | "dotenv" | "env" | "gitignore" | "apache"
        | "apacheconf" | "config" => (&["#"], None),
        "js" | "javascript" | "ts" | "typescript" | "jsx" | "tsx" | "mjs" | "json5" | "jsonc"
        | "rust" | "rs" | "go" | "java" | "c" | "cpp" | "c++" | "h" | "hpp" | "cs" | "csharp"
        | "kotlin" | "kt" | "swift" | "scala" | "dart" | "groovy" | "proto" | "scss" | "less" => {
            (&["//"], Some(("/*", "*/")))
        }
        // Terminal sessions in docs annotate steps with `//` as well.
        "console" | "shell-session" | "terminal" => (&["#", "//"], None),
        // JSON in docs carries `//` notes; valid JSON has none outside strings.
        "json" => (&["//"], Some(("/*", "*/"))),
        "php" => (&["//", "#"], Some(("/*", "*/"))),
        "css" => (&[], Some(("/*", "*/"))),
        "sql" | "lua" | "haskell" | "hs" | "elm" => (&["--"], None),
        "html" | "xml" | "svg" | "vue" | "markdown" | "md" => (&[], Some(("<!--", "-->"))),
        _ => return None,
    };
    Some(CommentSyntax { line, block })
}

/// A code block with its comments taken out, and with its string literals
/// emptied too: translated comments are the norm in localised docs, a
/// translated string is sometimes meant (a greeting) and sometimes not (a
/// key). `None` when the info string names no language known here.
fn code_parts(info: &str, code: &str) -> Option<(String, String)> {
    let syn = comment_syntax(info)?;
    let (mut bare, mut skeleton) = (String::new(), String::new());
    let mut rest = code;
    // A marker counts at a line start or after a space: `url#x`, `a//b`.
    let mut after_space = true;
    while let Some(c) = rest.chars().next() {
        if after_space && syn.line.iter().any(|m| rest.starts_with(m)) {
            rest = &rest[rest.find('\n').unwrap_or(rest.len())..];
            continue;
        }
        if let Some((open, close)) = syn.block
            && rest.starts_with(open)
        {
            let end = rest[open.len()..]
                .find(close)
                .map_or(rest.len(), |i| open.len() + i + close.len());
            rest = &rest[end..];
            continue;
        }
        if matches!(c, '"' | '\'' | '`') {
            let len = string_len(rest, c);
            bare.push_str(&rest[..len]);
            skeleton.push_str(&rest[..c.len_utf8()]);
            skeleton.push(c);
            rest = &rest[len..];
            after_space = false;
            continue;
        }
        bare.push(c);
        skeleton.push(c);
        after_space = c.is_whitespace();
        rest = &rest[c.len_utf8()..];
    }
    Some((code_key(&bare), code_key(&skeleton)))
}

/// Bytes of the string literal opening `s` with `q`: to its closing quote
/// (a backslash escapes), a Python triple quote to its triple, and a
/// one-line string no further than its line end.
fn string_len(s: &str, q: char) -> usize {
    let triple: String = std::iter::repeat_n(q, 3).collect();
    if s.starts_with(&triple) {
        return s[3..].find(&triple).map_or(s.len(), |i| i + 6);
    }
    let mut escaped = false;
    for (i, c) in s.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '\n' if q != '`' => return i,
            c if c == q => return i + c.len_utf8(),
            _ => {}
        }
    }
    s.len()
}

/// How a code block pair differs once comments and strings are set aside.
#[derive(Debug, PartialEq, Eq)]
enum CodeChange {
    /// Only comments: no finding.
    Comments,
    /// String literals too, the code around them the same.
    Strings,
    Code,
}

fn code_change(src: &Piece, tgt: &Piece) -> CodeChange {
    let info = if src.key.trim().is_empty() {
        &tgt.key
    } else {
        &src.key
    };
    match (code_parts(info, &src.text), code_parts(info, &tgt.text)) {
        (Some(a), Some(b)) if a.0 == b.0 => CodeChange::Comments,
        (Some(a), Some(b)) if a.1 == b.1 => CodeChange::Strings,
        _ => CodeChange::Code,
    }
}

/// Short form of a piece of code for a message.
fn show(s: &str) -> String {
    let one = s.trim().lines().next().unwrap_or("");
    let cut: String = one.chars().take(50).collect();
    if cut.len() < s.trim().len() {
        format!("`{cut}…`")
    } else {
        format!("`{cut}`")
    }
}

/// Pairs up source and target pieces link by link with `key`; calls
/// `report` with what is left: (source, target) both set for a change.
fn compare<'a>(
    src: &'a [Placed<'a>],
    tgt: &'a [Placed<'a>],
    key: impl Fn(&Piece) -> String,
    mut report: impl FnMut(Option<&'a Placed<'a>>, Option<&'a Placed<'a>>),
) {
    use std::collections::HashMap;
    // Target pieces by (link, key), in order: linear however many there are.
    let mut exact: HashMap<(usize, String), std::collections::VecDeque<usize>> = HashMap::new();
    let mut by_link: HashMap<usize, Vec<usize>> = HashMap::new();
    for (j, t) in tgt.iter().enumerate() {
        exact
            .entry((t.link, key(t.piece)))
            .or_default()
            .push_back(j);
        by_link.entry(t.link).or_default().push(j);
    }
    let mut used = vec![false; tgt.len()];
    let mut missing = Vec::new();
    for s in src {
        match exact
            .get_mut(&(s.link, key(s.piece)))
            .and_then(|q| q.pop_front())
        {
            Some(j) => used[j] = true,
            None => missing.push(s),
        }
    }
    // A piece found on the next or previous link is where alignment put
    // its sentence (`e.g. `x`.` read as a sentence of its own): no change.
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, t) in tgt.iter().enumerate() {
        if !used[j] {
            by_key.entry(key(t.piece)).or_default().push(j);
        }
    }
    let mut missing_here = Vec::new();
    for s in missing {
        let near = by_key.get(&key(s.piece)).and_then(|js| {
            js.iter()
                .copied()
                .find(|&j| !used[j] && tgt[j].link.abs_diff(s.link) == 1)
        });
        match near {
            Some(j) => used[j] = true,
            None => missing_here.push(s),
        }
    }
    for s in missing_here {
        // A leftover target piece of the same kind on the link is the changed one.
        let changed = by_link.get(&s.link).and_then(|js| {
            js.iter()
                .copied()
                .find(|&j| !used[j] && tgt[j].piece.kind == s.piece.kind)
        });
        match changed {
            Some(j) => {
                used[j] = true;
                report(Some(s), Some(&tgt[j]));
            }
            None => report(Some(s), None),
        }
    }
    for (j, t) in tgt.iter().enumerate() {
        if !used[j] {
            report(None, Some(t));
        }
    }
}

impl Check for CodeCheck {
    fn id(&self) -> &'static str {
        "code"
    }
    fn description(&self) -> &'static str {
        "A code block or inline code changed, dropped or added in a marked-up file"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let is_code = |p: &Piece| matches!(p.kind, PieceKind::CodeBlock | PieceKind::InlineCode);
        let src = placed(ctx, Side::Source, is_code);
        let tgt = placed(ctx, Side::Target, is_code);
        compare(&src, &tgt, piece_key, |s, t| {
            if let Some(f) = self.finding(ctx, s, t) {
                out.push(f);
            }
        });
    }
}

fn what(p: &Piece) -> &'static str {
    match p.kind {
        PieceKind::CodeBlock => "code block",
        _ => "inline code",
    }
}

/// Whether `code` is a word of the other side's text of link `link`:
/// inline code written there as plain text (`FastAPI` for `` `FastAPI` ``).
fn plain_on(ctx: &Context, link: usize, side: Side, code: &str) -> bool {
    let Some(v) = ctx.views.get(link) else {
        return false;
    };
    let text = match side {
        Side::Source => &v.source.text,
        Side::Target => &v.target.text,
    };
    let code = code.trim();
    !code.is_empty()
        && text.match_indices(code).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + code.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// A diagram (`mermaid`, `plantuml`, `dot`) has labels in the language of
/// the page: a changed one is a warning.
fn is_diagram(p: &Piece) -> bool {
    let lang = p
        .key
        .trim_start_matches(['{', '.', ' '])
        .to_ascii_lowercase();
    ["mermaid", "plantuml", "dot", "graphviz"]
        .iter()
        .any(|d| lang.split([' ', '}']).next() == Some(d))
}

impl CodeCheck {
    /// The finding for a piece left over by [`compare`]: changed (both),
    /// missing (source only) or added (target only).
    fn finding(&self, ctx: &Context, s: Option<&Placed>, t: Option<&Placed>) -> Option<Finding> {
        let f = match (s, t) {
            (Some(s), Some(t)) => {
                let block = s.piece.kind == PieceKind::CodeBlock;
                let (sev, message) = match block.then(|| code_change(s.piece, t.piece)) {
                    Some(CodeChange::Comments) => return None,
                    Some(CodeChange::Strings) => (
                        Severity::Warning,
                        "code block strings changed (the code around them is the same)",
                    ),
                    _ if block && is_diagram(s.piece) => (
                        Severity::Warning,
                        "diagram changed (its labels may be translated)",
                    ),
                    _ => (self.default_severity(), ""),
                };
                let message = if message.is_empty() {
                    format!("{} changed", what(s.piece))
                } else {
                    message.to_string()
                };
                let f = Finding::new(
                    self.id(),
                    sev,
                    format!(
                        "{message}: source has {}, target has {}",
                        show(&s.piece.text),
                        show(&t.piece.text)
                    ),
                )
                .link(t.link)
                .source_span(s.span.clone())
                .target_span(t.span.clone())
                .found(t.piece.text.trim().to_string());
                if sev == Severity::Error {
                    f.expected(s.piece.text.trim().to_string())
                } else {
                    f
                }
            }
            (Some(s), None) => {
                let plain = s.piece.kind == PieceKind::InlineCode
                    && plain_on(ctx, s.link, Side::Target, &s.piece.text);
                let (sev, how) = if plain {
                    (Severity::Warning, "is plain text in the target")
                } else {
                    (self.default_severity(), "is missing in the target")
                };
                Finding::new(
                    self.id(),
                    sev,
                    format!("{} {} {how}", what(s.piece), show(&s.piece.text)),
                )
                .link(s.link)
                .source_span(s.span.clone())
            }
            (None, Some(t)) => {
                let plain = t.piece.kind == PieceKind::InlineCode
                    && plain_on(ctx, t.link, Side::Source, &t.piece.text);
                let (sev, how) = if plain {
                    (Severity::Warning, "is plain text in the source")
                } else {
                    (self.default_severity(), "is not in the source")
                };
                Finding::new(
                    self.id(),
                    sev,
                    format!("{} {} {how}", what(t.piece), show(&t.piece.text)),
                )
                .link(t.link)
                .target_span(t.span.clone())
            }
            (None, None) => return None,
        };
        Some(f)
    }
}

/// The `url` check on marked-up files: link and image targets compared link
/// by link as URLs. No suggestion: the target may be a localised address.
pub(crate) fn link_targets(ctx: &Context, rule: &'static str, out: &mut Vec<Finding>) {
    let is_link = |p: &Piece| matches!(p.kind, PieceKind::Link | PieceKind::Image);
    let src = placed(ctx, Side::Source, is_link);
    let tgt = placed(ctx, Side::Target, is_link);
    let what = |p: &Piece| match p.kind {
        PieceKind::Image => "image source",
        _ => "link target",
    };
    compare(
        &src,
        &tgt,
        |p| super::url::url_key(p.text.trim()),
        |s, t| {
            let f = match (s, t) {
                // A localised address (`/pt/docs/` ↔ `/en/docs/`) is no change.
                (Some(s), Some(t))
                    if super::url::link_localised(&s.piece.text, &t.piece.text, ctx)
                        || super::url::slug_translated(&s.piece.text, &t.piece.text, ctx) =>
                {
                    return;
                }
                (Some(s), Some(t)) => Finding::new(
                    rule,
                    relative_path_severity(ctx, s, t),
                    format!(
                        "{} changed: source has {}, target has {}",
                        what(s.piece),
                        s.piece.text,
                        t.piece.text
                    ),
                )
                .link(t.link)
                .source_span(s.span.clone())
                .target_span(t.span.clone())
                .expected(s.piece.text.clone())
                .found(t.piece.text.clone()),
                (Some(s), None) => Finding::new(
                    rule,
                    Severity::Error,
                    format!(
                        "{} {} is missing in the target",
                        what(s.piece),
                        s.piece.text
                    ),
                )
                .link(s.link)
                .source_span(s.span.clone()),
                (None, Some(t)) => Finding::new(
                    rule,
                    Severity::Warning,
                    format!("{} {} is not in the source", what(t.piece), t.piece.text),
                )
                .link(t.link)
                .target_span(t.span.clone()),
                (None, None) => return,
            };
            out.push(f);
        },
    );
}

/// A relative link whose path changed, in the same shape, while its text
/// was translated may be a site's translated slug the lexicon does not
/// know: a warning (a `url-map` entry settles it). Anything else changed is
/// an error: another host, an absolute address, another shape (`/api/request`
/// → `/api#req`), a link whose text was left as it was.
fn relative_path_severity(ctx: &Context, s: &Placed, t: &Placed) -> Severity {
    let text = |p: &Placed, side: Side| {
        let v = ctx.views.get(p.link)?;
        let lv = match side {
            Side::Source => &v.source,
            Side::Target => &v.target,
        };
        lv.text.get(p.span.clone()).map(str::trim)
    };
    let translated = match (text(s, Side::Source), text(t, Side::Target)) {
        (Some(a), Some(b)) => words_mostly_new(a, b),
        _ => false,
    };
    if translated
        && super::url::is_relative(&s.piece.text)
        && super::url::is_relative(&t.piece.text)
        && super::url::same_shape(&s.piece.text, &t.piece.text)
    {
        Severity::Warning
    } else {
        Severity::Error
    }
}

/// Whether most words of `b` are not words of `a`: a link text translated,
/// not kept or reworded in the same language (`Router constructor` →
/// `Router constructor reference`).
fn words_mostly_new(a: &str, b: &str) -> bool {
    let lower = |t: &str| -> Vec<String> {
        crate::text::words(t)
            .iter()
            .map(|w| w.text.to_lowercase())
            .collect()
    };
    let (wa, wb) = (lower(a), lower(b));
    let shared = wb.iter().filter(|w| wa.contains(w)).count();
    !wb.is_empty() && shared * 2 < wb.len()
}

/// Whether source segment `seg` is in a structural block (heading, list
/// item, table cell, …) of a marked-up file: dropping one is an error.
pub(crate) fn in_structural_block(doc: &Document, segs: &[Segment], seg: usize) -> bool {
    let (Some(m), Some(s)) = (&doc.markup, segs.get(seg)) else {
        return false;
    };
    m.block_at(s.start).is_some_and(|b| b.kind.is_anchor())
}

#[cfg(test)]
mod tests {
    use crate::finding::Finding;
    use crate::glossary::Glossary;
    use crate::input::Document;
    use crate::pipeline::{PairOptions, check_pair};

    fn run(src: &str, tgt: &str) -> Vec<Finding> {
        let options = PairOptions {
            source_lang: Some("pt".into()),
            target_lang: Some("en".into()),
            ..Default::default()
        };
        check_pair(
            Document::from_text("pt/a.md", src),
            Document::from_text("en/a.md", tgt),
            &Glossary::default(),
            &options,
        )
        .findings
    }

    fn of(f: &[Finding], rule: &str) -> Vec<String> {
        f.iter()
            .filter(|x| x.rule == rule)
            .map(|x| x.message.clone())
            .collect()
    }

    const PT: &str = "# Instalação\n\nPara instalar o programa, rode o comando abaixo no terminal.\n\n```sh\ncargo install --path .\n```\n\nDepois rode `transcheck --help` para ver as opções.\n";
    const EN: &str = "# Installation\n\nTo install the program, run the command below in the terminal.\n\n```sh\ncargo install --path .\n```\n\nThen run `transcheck --help` to see the options.\n";

    #[test]
    fn identical_code_is_clean_and_never_untranslated() {
        let f = run(PT, EN);
        assert!(of(&f, "code").is_empty(), "{f:#?}");
        assert!(of(&f, "untranslated").is_empty(), "{f:#?}");
        assert!(of(&f, "whitespace").is_empty(), "{f:#?}");
    }

    #[test]
    fn changed_code_block_is_reported() {
        let f = run(PT, &EN.replace("--path .\n", "--path ./cli\n"));
        let c = of(&f, "code");
        assert_eq!(c.len(), 1, "{f:#?}");
        assert!(c[0].contains("code block changed"), "{c:?}");
        let c = f.iter().find(|x| x.rule == "code").unwrap();
        assert_eq!(c.found.as_deref(), Some("cargo install --path ./cli"));
    }

    #[test]
    fn changed_inline_code_is_reported() {
        let f = run(PT, &EN.replace("`transcheck --help`", "`transcheck -h`"));
        let c = of(&f, "code");
        assert_eq!(c.len(), 1, "{f:#?}");
        assert!(c[0].contains("inline code changed"), "{c:?}");
    }

    #[test]
    fn dropped_code_block_is_reported() {
        let en = EN.replace("```sh\ncargo install --path .\n```\n\n", "");
        let c = of(&run(PT, &en), "code");
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(c[0].contains("missing"), "{c:?}");
    }

    #[test]
    fn code_in_a_sentence_aligned_next_door_is_no_change() {
        use super::{Placed, compare};
        use crate::formats::prose::{Piece, PieceKind};
        let piece = |t: &str| Piece {
            kind: PieceKind::InlineCode,
            text: t.into(),
            key: String::new(),
            original: 0..0,
            at: 0..0,
        };
        let (x, y) = (piece("'https://.*'"), piece("y"));
        let at = |piece, link| Placed {
            piece,
            link,
            span: 0..0,
        };
        let leftovers = |src: &[Placed], tgt: &[Placed]| {
            let mut n = 0;
            compare(src, tgt, |p| p.text.clone(), |_, _| n += 1);
            n
        };
        // FastAPI's CORS page: the translation's "Por exemplo, `…`." was
        // aligned as a sentence of its own, the link after the source's.
        assert_eq!(
            leftovers(&[at(&x, 4), at(&y, 5)], &[at(&x, 5), at(&y, 5)]),
            0
        );
        assert_eq!(leftovers(&[at(&x, 5)], &[at(&x, 4)]), 0);
        // Two links away is another place: missing and added.
        assert_eq!(leftovers(&[at(&x, 3)], &[at(&x, 5)]), 2);
    }

    #[test]
    fn inline_code_written_as_plain_text_is_a_warning() {
        let sev = |pt: &str, en: &str| -> Vec<(crate::finding::Severity, String)> {
            run(pt, en)
                .into_iter()
                .filter(|f| f.rule == "code")
                .map(|f| (f.severity, f.message))
                .collect()
        };
        use crate::finding::Severity::{Error, Warning};
        let pt = "Para desativá-los, crie a aplicação `FastAPI` com as opções.\n";
        let f = sev(
            pt,
            "To disable them, create the FastAPI app with the options.\n",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Warning, "{f:?}");
        let f = sev(
            "Crie a aplicação FastAPI com as opções.\n",
            "Create the `FastAPI` app with the options.\n",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Warning, "{f:?}");
        // Part of a word is not the word; gone is gone.
        let f = sev(
            pt,
            "To disable them, create the FastAPIs app with the options.\n",
        );
        assert_eq!(f[0].0, Error, "{f:?}");
        let f = sev(pt, "To disable them, create the app with the options.\n");
        assert_eq!(f[0].0, Error, "{f:?}");
    }

    #[test]
    fn a_changed_diagram_is_a_warning() {
        let block = |label: &str| {
            format!(
                "# Fluxo\n\nO fluxo completo do pedido.\n\n```mermaid\nsequenceDiagram\nparticipant {label}\n```\n"
            )
        };
        let f = run(
            &block("Cliente"),
            &block("Client").replace(
                "O fluxo completo do pedido.",
                "The whole flow of the request.",
            ),
        );
        let c: Vec<_> = f.iter().filter(|x| x.rule == "code").collect();
        assert_eq!(c.len(), 1, "{f:#?}");
        assert_eq!(c[0].severity, crate::finding::Severity::Warning);
    }

    #[test]
    fn localised_link_targets_pass_and_changed_ones_do_not() {
        let pt = "Leia o [guia](https://example.com/pt/docs/guia/) antes de começar a instalar.\n";
        let en =
            "Read the [guide](https://example.com/en/docs/guia/) before you start installing.\n";
        assert!(of(&run(pt, en), "url").is_empty());
        let en = en.replace("/en/docs/guia/", "/en/docs/faq/");
        let f = run(pt, &en);
        assert_eq!(of(&f, "url").len(), 1);
        // What was found is the link target, not the link's words.
        let u = f.iter().find(|x| x.rule == "url").unwrap();
        assert_eq!(u.found.as_deref(), Some("https://example.com/en/docs/faq/"));
    }

    #[test]
    fn translated_slugs_of_relative_links() {
        use crate::finding::Severity;
        let pt = "Leia a [nota sobre a greve](/noticias/estado-greve) publicada ontem à noite.\n";
        let en = "Read the [note on the strike](/news/state-strike) published last night.\n";
        // Slug words the lexicon translates: the site's translated slug.
        assert!(of(&run(pt, en), "url").is_empty(), "{:#?}", run(pt, en));
        // A changed path the lexicon cannot vouch for, its text translated:
        // a warning (url-map settles it).
        let other = en.replace("/news/state-strike", "/news/item-4471");
        let f = run(pt, &other);
        let u: Vec<_> = f.iter().filter(|x| x.rule == "url").collect();
        assert_eq!(u.len(), 1, "{f:#?}");
        assert_eq!(u[0].severity, Severity::Warning);
        // A link text reworded in the same language is no translation.
        let f = run(
            "Veja o [Router constructor](/api/express/#expressrouter) agora mesmo.\n",
            "See the [Router constructor reference](/api/application#appuse) right now.\n",
        );
        let u: Vec<_> = f.iter().filter(|x| x.rule == "url").collect();
        assert_eq!(u.len(), 1, "{f:#?}");
        assert_eq!(u[0].severity, Severity::Error);
        // The same link text kept, or another host: still an error.
        let same_text = "Leia [Express](/guia/rotas) agora mesmo antes de começar.\n";
        let f = run(
            same_text,
            "Read [Express](/guide/items) right now before you start.\n",
        );
        let u: Vec<_> = f.iter().filter(|x| x.rule == "url").collect();
        assert_eq!(u.len(), 1, "{f:#?}");
        assert_eq!(u[0].severity, Severity::Error);
        let abs = en.replace(
            "/news/state-strike",
            "https://evil.example/news/state-strike",
        );
        let f = run(pt, &abs);
        let u: Vec<_> = f.iter().filter(|x| x.rule == "url").collect();
        assert_eq!(u.len(), 1, "{f:#?}");
        assert_eq!(u[0].severity, Severity::Error);
        // A translated heading anchor is a slug too.
        let pt = "Veja [os parâmetros de rota](#parametros-de-rota) mais abaixo nesta página.\n";
        let en = "See [route parameters](#route-parameters) further down this page.\n";
        assert!(of(&run(pt, en), "url").is_empty(), "{:#?}", run(pt, en));
    }

    #[test]
    fn plain_text_has_no_code_findings() {
        let f = check_pair(
            Document::from_text("a.txt", "Rode `x` agora."),
            Document::from_text("b.txt", "Run `y` now."),
            &Glossary::default(),
            &PairOptions::default(),
        )
        .findings;
        assert!(of(&f, "code").is_empty());
    }

    #[test]
    fn translated_comments_pass_translated_strings_warn_changed_code_errs() {
        let block = |code: &str| {
            format!(
                "# Exemplo\n\nEste é o exemplo completo do programa.\n\n```python\n{code}\n```\n"
            )
        };
        let en = |code: &str| {
            format!(
                "# Example\n\nThis is the complete example of the program.\n\n```python\n{code}\n```\n"
            )
        };
        let src = "x = \"a#b\"  # This won't work\nprint('Hello')  # greet";
        let comments = "x = \"a#b\"  # Isso não vai funcionar\nprint('Hello')  # saudação";
        let f = run(&block(src), &en(comments));
        assert!(of(&f, "code").is_empty(), "{f:#?}");
        let strings = "x = \"a#b\"  # This won't work\nprint('Olá')  # greet";
        let f = run(&block(src), &en(strings));
        let w: Vec<_> = f.iter().filter(|x| x.rule == "code").collect();
        assert_eq!(w.len(), 1, "{f:#?}");
        assert_eq!(w[0].severity, crate::finding::Severity::Warning);
        // A `#` inside a string is no comment: changing it changes code.
        let code = "x = \"a#c\"  # This won't work\nprint('Hello')  # greet";
        let f = run(&block(src), &en(code));
        let e: Vec<_> = f.iter().filter(|x| x.rule == "code").collect();
        assert_eq!(e.len(), 1, "{f:#?}");
        assert_eq!(e[0].severity, crate::finding::Severity::Warning);
        let code = "y = \"a#b\"  # This won't work\nprint('Hello')  # greet";
        let f = run(&block(src), &en(code));
        let e: Vec<_> = f.iter().filter(|x| x.rule == "code").collect();
        assert_eq!(e.len(), 1, "{f:#?}");
        assert_eq!(e[0].severity, crate::finding::Severity::Error);
    }

    #[test]
    fn comment_syntax_follows_the_info_string() {
        let parts = |info: &str, code: &str| super::code_parts(info, code);
        assert_eq!(
            parts("js title=\"a.js\"", "f(); // call\n/* a\nb */g(\"//x\");")
                .unwrap()
                .0,
            "f();\ng(\"//x\");"
        );
        assert_eq!(parts("sql", "SELECT 1; -- um").unwrap().0, "SELECT 1;");
        assert_eq!(
            parts("JSON hl_lines=\"4-8\"", "{\n  \"a\": \"//x\", // note\n}")
                .unwrap()
                .0,
            "{\n  \"a\": \"//x\",\n}"
        );
        assert_eq!(
            parts("console", "// Crie\n$ mkdir code").unwrap().0,
            "$ mkdir code"
        );
        // A hash glued to a word is no comment; an unknown language is
        // compared whole.
        assert_eq!(parts("sh", "echo ${#a} x#y").unwrap().0, "echo ${#a} x#y");
        assert!(parts("", "# x").is_none());
        assert!(parts("text", "# x").is_none());
        // A string never runs past its line, so an apostrophe in an
        // output line does not hide the rest.
        assert_eq!(parts("console", "don't\n# c\nok").unwrap().0, "don't\n\nok");
    }

    #[test]
    fn inline_code_wrapped_over_lines_is_the_same_code() {
        let src = "<p>Avoid <code>SSLOptions\n      +StdEnvVars</code> here.</p>";
        let run = |tgt: &str| {
            crate::pipeline::check_pair(
                crate::input::Document::from_text("en/a.html", src),
                crate::input::Document::from_text("pt/a.html", tgt),
                &crate::glossary::Glossary::default(),
                &crate::pipeline::PairOptions {
                    source_lang: Some("en".into()),
                    target_lang: Some("pt".into()),
                    ..Default::default()
                },
            )
            .findings
        };
        let f = run("<p>Evite <code>SSLOptions +StdEnvVars</code> aqui.</p>");
        assert!(f.iter().all(|f| f.rule != "code"), "{f:#?}");
        // Changed code inside stays a change.
        let changed = run("<p>Evite <code>SSLOptions -StdEnvVars</code> aqui.</p>");
        assert!(changed.iter().any(|f| f.rule == "code"), "{changed:#?}");
    }

    #[test]
    fn code_key_ignores_trailing_space() {
        assert_eq!(super::code_key("a  \nb\n"), super::code_key("a\nb"));
        assert_ne!(super::code_key("a b"), super::code_key("a  b"));
    }
}
