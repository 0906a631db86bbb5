//! HTML reader on lol_html, an HTML5 tokenizer that gives the byte range of
//! every tag and text chunk. Turns a page into its prose view
//! ([`super::prose`]): headings, list items, table cells, paragraphs and
//! other block elements are blocks; `alt` and `title` attributes are blocks
//! of their own; tags, comments, `<script>`, `<style>` and `<template>` are
//! not text; entities are decoded; `<pre>` and `<code>` are code pieces and
//! `href`/`src` targets link pieces.

use super::prose::{BlockKind, Builder, Piece, PieceKind};
use crate::input::Document;
use lol_html::html_content::TextType;
use lol_html::{HtmlRewriter, Settings, doc_comments, doc_text, element, end_tag};
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

/// Elements that start and end a block, with the kind of block they make.
fn block_kind(tag: &str) -> Option<BlockKind> {
    Some(match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "title" => BlockKind::Heading,
        "li" | "dt" | "dd" => BlockKind::Item,
        "td" | "th" => BlockKind::Cell,
        "p" | "div" | "section" | "article" | "header" | "footer" | "nav" | "aside" | "main"
        | "blockquote" | "figure" | "figcaption" | "caption" | "table" | "tr" | "thead"
        | "tbody" | "tfoot" | "ul" | "ol" | "dl" | "form" | "fieldset" | "legend" | "details"
        | "summary" | "address" | "body" | "head" | "html" | "option" | "button" | "label"
        | "hr" => BlockKind::Paragraph,
        _ => return None,
    })
}

/// Whether attribute `name` of element `tag` is text a reader sees: `alt`
/// of an image, image map area or image button, and `title` (a tooltip)
/// anywhere but on `<link>` and `<style>`, where it names a style-sheet set
/// that must stay the same across the page.
fn is_text_attribute(tag: &str, name: &str) -> bool {
    match name {
        "alt" => matches!(tag, "img" | "area" | "input"),
        "title" => !matches!(tag, "link" | "style" | "meta"),
        _ => false,
    }
}

/// The language a `<pre>` or `<code>` names in its class, as a Markdown
/// info string would: `language-python` (HTML5), `lang-config` (prettify).
fn code_language(class: Option<&str>) -> String {
    class
        .unwrap_or("")
        .split_whitespace()
        .find_map(|c| {
            c.strip_prefix("language-")
                .or_else(|| c.strip_prefix("lang-"))
        })
        .unwrap_or("")
        .to_string()
}

/// Elements whose content is never text.
fn is_hidden(tag: &str) -> bool {
    matches!(
        tag,
        "script" | "style" | "template" | "noscript" | "svg" | "math"
    )
}

struct State<'a, 'b> {
    b: &'b mut Builder<'a>,
    /// Kind of the open block.
    kind: BlockKind,
    hidden: usize,
    /// Open `<pre>` (code block) or `<code>`: its start tag range and text,
    /// whether it is a block, and its language.
    code: Option<(Range<usize>, String, bool, String)>,
    /// Open links: prose start, href, start tag range.
    links: Vec<(usize, String, Range<usize>)>,
    /// `alt`/`title` texts waiting for the open block to end.
    deferred: Vec<(Range<usize>, String, Option<usize>)>,
}

impl<'a> State<'a, '_> {
    fn flush(&mut self) {
        self.b.end_block(self.kind);
        for (r, text, piece) in std::mem::take(&mut self.deferred) {
            self.b.text(r, &text);
            self.b.end_block(BlockKind::Attribute);
            if let (Some(i), Some(at)) = (piece, self.b.last_block()) {
                self.b.set_piece_at(i, at);
            }
        }
    }

    fn start(&mut self, tag: &str, attrs: &[(String, String)], range: Range<usize>) {
        let attr = |n: &str| attrs.iter().find(|a| a.0 == n).map(|a| a.1.clone());
        if let Some(k) = block_kind(tag) {
            self.flush();
            self.kind = k;
        }
        if tag == "br" {
            self.b.space(range.clone());
        }
        let src = self.b.source();
        let raw = src.get(range.clone()).unwrap_or("");
        let mut attr_piece = None;
        match tag {
            "a" => {
                if let Some(href) = attr("href") {
                    let here = self.b.here();
                    self.links.push((here, href, range.clone()));
                }
            }
            "img" => {
                if let Some(s) = attr("src") {
                    let here = self.b.here();
                    attr_piece = Some(self.b.piece_index());
                    self.b.piece(Piece {
                        kind: PieceKind::Image,
                        text: s,
                        key: String::new(),
                        original: range.clone(),
                        at: here..here,
                    });
                }
            }
            "pre" => {
                self.flush();
                let lang = code_language(attr("class").as_deref());
                self.code = Some((range.clone(), String::new(), true, lang));
            }
            // `<pre><code class="language-x">`: the block's language.
            "code" if self.code.as_ref().is_some_and(|c| c.2 && c.3.is_empty()) => {
                if let Some(c) = &mut self.code {
                    c.3 = code_language(attr("class").as_deref());
                }
            }
            "code" | "kbd" | "samp" if self.code.is_none() => {
                let lang = code_language(attr("class").as_deref());
                self.code = Some((range.clone(), String::new(), false, lang));
            }
            _ => {}
        }
        for name in ["alt", "title"] {
            if let Some(v) = attr(name)
                && !v.trim().is_empty()
                && is_text_attribute(tag, name)
            {
                let decoded = html_escape::decode_html_entities(&v).to_string();
                let r = match raw.find(&v) {
                    Some(i) if !v.is_empty() => range.start + i..range.start + i + v.len(),
                    _ => range.clone(),
                };
                let piece = if name == "alt" {
                    attr_piece.take()
                } else {
                    None
                };
                self.deferred.push((r, decoded, piece));
            }
        }
    }

    fn end(&mut self, tag: &str, range: Range<usize>) {
        match tag {
            "a" => {
                if let Some((start, href, original)) = self.links.pop() {
                    let original = original.start..range.end;
                    self.b.link_piece(PieceKind::Link, href, original, start);
                }
            }
            "pre" | "code" | "kbd" | "samp" => {
                let block = tag == "pre";
                if self.code.as_ref().is_some_and(|c| c.2 == block)
                    && let Some((open, text, _, lang)) = self.code.take()
                {
                    let original = open.start..range.end;
                    let at = self.b.placeholder(original.clone());
                    if block {
                        self.b.end_block(BlockKind::Code);
                    }
                    self.b.piece(Piece {
                        kind: if block {
                            PieceKind::CodeBlock
                        } else {
                            PieceKind::InlineCode
                        },
                        text: html_escape::decode_html_entities(&text).to_string(),
                        key: lang,
                        original,
                        at,
                    });
                }
            }
            _ => {}
        }
        if block_kind(tag).is_some() {
            self.flush();
            self.kind = BlockKind::Paragraph;
        }
    }

    fn text(&mut self, range: Range<usize>, raw: &str) {
        if let Some(code) = &mut self.code {
            code.1.push_str(raw);
            return;
        }
        let decoded = html_escape::decode_html_entities(raw);
        self.b.text(range, &decoded);
    }
}

/// What the tokenizer reported, owned, in document order.
enum Ev {
    Start {
        tag: String,
        range: Range<usize>,
        attrs: Vec<(String, String)>,
    },
    End {
        tag: String,
        range: Range<usize>,
    },
    Text {
        range: Range<usize>,
        raw: String,
        prose: bool,
    },
    Comment {
        range: Range<usize>,
        text: String,
    },
}

/// Tokenizes the page into owned events (lol_html handlers must be `'static`).
fn events(src: &str) -> Vec<Ev> {
    let evs = Rc::new(RefCell::new(Vec::new()));
    {
        let (on_el, on_text, on_comment) = (evs.clone(), evs.clone(), evs.clone());
        let mut rewriter = HtmlRewriter::new(
            Settings::new()
                .append_element_content_handler(element!("*", move |el| {
                    let tag = el.tag_name().to_ascii_lowercase();
                    let attrs = ["href", "src", "alt", "title", "class"]
                        .iter()
                        .filter_map(|a| Some((a.to_string(), el.get_attribute(a)?)))
                        .collect();
                    on_el.borrow_mut().push(Ev::Start {
                        tag: tag.clone(),
                        range: el.source_location().bytes(),
                        attrs,
                    });
                    if el.can_have_content() && !el.is_self_closing() {
                        let st = on_el.clone();
                        // A tag left open (`<p>` without `</p>`) has no end
                        // tag; the next block start closes its block.
                        let _ = el.on_end_tag(end_tag!(move |end| {
                            st.borrow_mut().push(Ev::End {
                                tag: tag.clone(),
                                range: end.source_location().bytes(),
                            });
                            Ok(())
                        }));
                    }
                    Ok(())
                }))
                .append_document_content_handler(doc_text!(move |t| {
                    on_text.borrow_mut().push(Ev::Text {
                        range: t.source_location().bytes(),
                        raw: t.as_str().to_string(),
                        prose: matches!(t.text_type(), TextType::Data | TextType::RCData),
                    });
                    Ok(())
                }))
                .append_document_content_handler(doc_comments!(move |c| {
                    on_comment.borrow_mut().push(Ev::Comment {
                        range: c.source_location().bytes(),
                        text: c.text(),
                    });
                    Ok(())
                })),
            |_: &[u8]| {},
        );
        // A tokenizer error leaves what was read so far.
        let _ = rewriter.write(src.as_bytes());
        let _ = rewriter.end();
    }
    Rc::try_unwrap(evs)
        .map(RefCell::into_inner)
        .unwrap_or_default()
}

/// Reads an HTML document into its prose view. A page of a static-site
/// generator's content (Hugo, Jekyll) may open with YAML (`---`) or TOML
/// (`+++`) front matter, read as in Markdown.
pub fn read(doc: &Document, options: &super::markdown::ReadOptions) -> Document {
    let mut b = Builder::new(&doc.text);
    let body = match front_matter(&doc.text) {
        Some((toml, inner, end)) => {
            super::frontmatter::read(&mut b, toml, inner, &options.front_matter_keys);
            end
        }
        None => 0,
    };
    feed(&mut b, body..doc.text.len());
    b.finish("html", doc)
}

/// A front-matter block at the very start: whether it is TOML, the range
/// of its body and where the page after it starts.
fn front_matter(src: &str) -> Option<(bool, Range<usize>, usize)> {
    let fence = ["---", "+++"].into_iter().find(|f| {
        src.strip_prefix(f)
            .is_some_and(|r| r.starts_with(['\n', '\r']))
    })?;
    let start = src.find('\n')? + 1;
    let mut pos = start;
    for line in src[start..].split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some((fence == "+++", start..pos, pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// Reads the HTML in `range` of the builder's source into it (a whole page,
/// or an HTML block inside Markdown).
pub fn feed(b: &mut Builder, range: std::ops::Range<usize>) {
    let src = b.source();
    let Some(part) = src.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let at = |r: Range<usize>| base + r.start..base + r.end;
    let mut s = State {
        b,
        kind: BlockKind::Paragraph,
        hidden: 0,
        code: None,
        links: Vec::new(),
        deferred: Vec::new(),
    };
    for ev in events(part) {
        match ev {
            Ev::Start { tag, range, attrs } => {
                if is_hidden(&tag) {
                    s.hidden += 1;
                } else if s.hidden == 0 {
                    s.start(&tag, &attrs, at(range));
                }
            }
            Ev::End { tag, range } => {
                if is_hidden(&tag) {
                    s.hidden = s.hidden.saturating_sub(1);
                } else if s.hidden == 0 {
                    s.end(&tag, at(range));
                }
            }
            Ev::Text { range, raw, prose } => {
                if prose {
                    s.text(at(range), &raw);
                }
            }
            Ev::Comment { range, text } => {
                if text.contains("transcheck-ignore:") && s.hidden == 0 {
                    s.flush();
                    let r = at(range);
                    let raw = src.get(r.clone()).unwrap_or("");
                    s.b.text(r, raw);
                    s.b.end_block(BlockKind::Directive);
                }
            }
        }
    }
    s.flush();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::prose::PLACEHOLDER;

    fn html(s: &str) -> Document {
        read(&Document::from_text("a.html", s), &Default::default())
    }

    fn kinds(d: &Document) -> Vec<BlockKind> {
        d.markup
            .as_ref()
            .unwrap()
            .blocks
            .iter()
            .map(|b| b.kind)
            .collect()
    }

    #[test]
    fn blocks_text_and_hidden_content() {
        let d = html(
            "<!doctype html><html><head><title>Início</title><style>p{color:red}</style>\
             <script>var x = \"Olá\";</script></head><body><h1>Bem-vindo</h1>\
             <p>Um texto com <b>negrito</b> e AT&amp;T.</p><ul><li>Item um</li><li>Item dois</li></ul>\
             <table><tr><td>Célula</td></tr></table></body></html>",
        );
        assert!(
            !d.text.contains("color") && !d.text.contains("var x"),
            "{:?}",
            d.text
        );
        assert!(
            d.text.contains("Um texto com negrito e AT&T."),
            "{:?}",
            d.text
        );
        use BlockKind::*;
        assert_eq!(
            kinds(&d),
            vec![Heading, Heading, Paragraph, Item, Item, Cell]
        );
        let i = d.text.find("negrito").unwrap();
        let m = d.markup.as_ref().unwrap();
        let orig = m.verbatim_range(i..i + 7).unwrap();
        assert_eq!(&m.original.text[orig], "negrito");
    }

    #[test]
    fn code_links_and_attributes() {
        let d = html(
            "<p>Rode <code>ls -l</code> e veja o <a href=\"/pt/guia\" title=\"Guia completo\">guia</a>.</p>\
             <pre>cargo build\n</pre><p><img src=\"a.png\" alt=\"Tela inicial\"></p>",
        );
        let p = PLACEHOLDER;
        assert!(
            d.text.starts_with(&format!("Rode {p} e veja o guia.")),
            "{:?}",
            d.text
        );
        let m = d.markup.as_ref().unwrap();
        let kinds_: Vec<PieceKind> = m.pieces.iter().map(|x| x.kind).collect();
        assert!(kinds_.contains(&PieceKind::InlineCode));
        assert!(kinds_.contains(&PieceKind::CodeBlock));
        let link = m.pieces.iter().find(|x| x.kind == PieceKind::Link).unwrap();
        assert_eq!(link.text, "/pt/guia");
        assert_eq!(&d.text[link.at.clone()], "guia");
        assert!(d.text.contains("Guia completo"));
        assert!(d.text.contains("Tela inicial"));
        let img = m
            .pieces
            .iter()
            .find(|x| x.kind == PieceKind::Image)
            .unwrap();
        assert_eq!(&d.text[img.at.clone()], "Tela inicial");
    }

    #[test]
    fn front_matter_of_a_content_page_is_read_as_in_markdown() {
        let d = html("---\ntitle: Doar\nslug: donate\nweight: 90\n---\n<p>Obrigado.</p>\n");
        assert!(d.text.starts_with("Doar\n\n"), "{:?}", d.text);
        assert!(!d.text.contains("slug"), "{:?}", d.text);
        assert!(d.text.contains("Obrigado."), "{:?}", d.text);
        let m = d.markup.as_ref().unwrap();
        let keys: Vec<&str> = m
            .pieces
            .iter()
            .filter(|p| p.kind == PieceKind::Field)
            .map(|p| p.key.as_str())
            .collect();
        assert_eq!(keys, ["slug", "weight"]);
        // A rule without a closing fence is text.
        assert!(html("---\n<p>Texto.</p>").text.contains("Texto."));
        assert_eq!(
            front_matter("+++\nweight = 1\n+++\n<p>x</p>").map(|f| f.0),
            Some(true)
        );
    }

    #[test]
    fn a_code_block_takes_its_language_from_its_class() {
        let d = html(
            "<pre class=\"prettyprint lang-config\"># um comentário\nListen 80</pre>\
             <pre><code class=\"language-python\">x = 1</code></pre><pre>y</pre>",
        );
        let keys: Vec<&str> = d
            .markup
            .as_ref()
            .unwrap()
            .pieces
            .iter()
            .map(|p| p.key.as_str())
            .collect();
        assert_eq!(keys, ["config", "python", ""]);
        assert_eq!(code_language(Some("hljs language-python")), "python");
    }

    #[test]
    fn a_style_sheet_title_is_not_text() {
        let d = html(
            "<html><head><link href=\"a.css\" rel=\"alternate stylesheet\" title=\"No Sidebar\" />\
             <style title=\"Print\">p{}</style></head><body>\
             <p><abbr title=\"Servidor de nomes\">DNS</abbr> e <img src=\"b.png\" alt=\"Um gráfico\"></p></body></html>",
        );
        assert!(!d.text.contains("No Sidebar"), "{:?}", d.text);
        assert!(!d.text.contains("Print"), "{:?}", d.text);
        // A tooltip and an image's text stay text.
        assert!(d.text.contains("Servidor de nomes"), "{:?}", d.text);
        assert!(d.text.contains("Um gráfico"), "{:?}", d.text);
    }

    #[test]
    fn alt_is_text_only_where_it_replaces_an_image() {
        assert!(is_text_attribute("img", "alt"));
        assert!(is_text_attribute("area", "alt"));
        assert!(!is_text_attribute("div", "alt"));
        assert!(is_text_attribute("a", "title"));
        assert!(!is_text_attribute("link", "title"));
    }

    #[test]
    fn unclosed_and_broken_markup_does_not_panic() {
        for s in [
            "<p>um<p>dois",
            "<li>a<li>b",
            "<a href=x>sem fim",
            "<",
            "&",
            "<pre>x",
            "<!-- x",
        ] {
            let d = html(s);
            let _ = d.line_col(d.text.len());
        }
    }
}
