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
    for s in missing {
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
        let what = |p: &Piece| match p.kind {
            PieceKind::CodeBlock => "code block",
            _ => "inline code",
        };
        compare(
            &src,
            &tgt,
            |p| code_key(&p.text),
            |s, t| {
                let f = match (s, t) {
                    (Some(s), Some(t)) => Finding::new(
                        self.id(),
                        self.default_severity(),
                        format!(
                            "{} changed: source has {}, target has {}",
                            what(s.piece),
                            show(&s.piece.text),
                            show(&t.piece.text)
                        ),
                    )
                    .link(t.link)
                    .source_span(s.span.clone())
                    .target_span(t.span.clone())
                    .expected(s.piece.text.trim().to_string())
                    .found(t.piece.text.trim().to_string()),
                    (Some(s), None) => Finding::new(
                        self.id(),
                        self.default_severity(),
                        format!(
                            "{} {} is missing in the target",
                            what(s.piece),
                            show(&s.piece.text)
                        ),
                    )
                    .link(s.link)
                    .source_span(s.span.clone()),
                    (None, Some(t)) => Finding::new(
                        self.id(),
                        self.default_severity(),
                        format!(
                            "{} {} is not in the source",
                            what(t.piece),
                            show(&t.piece.text)
                        ),
                    )
                    .link(t.link)
                    .target_span(t.span.clone()),
                    (None, None) => return,
                };
                out.push(f);
            },
        );
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
                    if super::url::link_localised(&s.piece.text, &t.piece.text, ctx) =>
                {
                    return;
                }
                (Some(s), Some(t)) => Finding::new(
                    rule,
                    Severity::Error,
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
    fn code_key_ignores_trailing_space() {
        assert_eq!(super::code_key("a  \nb\n"), super::code_key("a\nb"));
        assert_ne!(super::code_key("a b"), super::code_key("a  b"));
    }
}
