//! Markdown reader: CommonMark with GFM tables, task lists and strikethrough,
//! and YAML (`---`) or TOML (`+++`) front matter, on pulldown-cmark. Turns a
//! file into its prose view ([`super::prose`]): headings, list items, table
//! cells, paragraphs and `alt`/`title` texts are blocks; emphasis, HTML and
//! link syntax are dropped; code blocks, inline code and link/image targets
//! become pieces compared verbatim.

use super::prose::{BlockKind, Builder, Piece, PieceKind};
use crate::input::Document;
use pulldown_cmark::{
    CodeBlockKind, Event, LinkType, MetadataBlockKind, Options, Parser, Tag, TagEnd,
};
use std::ops::Range;

/// What the reader needs besides the file.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Front-matter keys whose values are translated text (empty: the defaults).
    pub front_matter_keys: Vec<String>,
}

/// The open containers, innermost last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Paragraph,
    Heading,
    Item,
    Cell,
    Other,
}

/// An `alt` or `title` text waiting for its block to end.
struct Deferred {
    parts: Vec<(Range<usize>, String)>,
    /// The image piece that moves to this text.
    piece: Option<usize>,
}

struct Reader<'a> {
    b: Builder<'a>,
    stack: Vec<Open>,
    /// Inside an image: its alt text goes to `alt`.
    image_depth: usize,
    alt: Vec<(Range<usize>, String)>,
    deferred: Vec<Deferred>,
    /// Open links and images: (prose start, destination, original range, kind).
    links: Vec<(usize, String, Range<usize>, PieceKind, String)>,
    code: Option<(Range<usize>, String, String)>,
    metadata: Option<(MetadataBlockKind, Range<usize>)>,
    /// The open HTML block's range, read by the HTML reader at its end.
    html: Option<Range<usize>>,
    /// An MDX file: top-level `import`/`export` paragraphs are code.
    mdx: bool,
    /// Inside an MDX `import`/`export` paragraph.
    esm: bool,
    options: &'a ReadOptions,
}

/// Reads a Markdown document into its prose view.
pub fn read(doc: &Document, options: &ReadOptions) -> Document {
    let src = doc.text.as_str();
    let mut r = Reader {
        b: Builder::new(src),
        stack: Vec::new(),
        image_depth: 0,
        alt: Vec::new(),
        deferred: Vec::new(),
        links: Vec::new(),
        code: None,
        metadata: None,
        html: None,
        mdx: doc
            .path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("mdx")),
        esm: false,
        options,
    };
    // Heading attributes (`# Title { #id }`) are not prose.
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(src, opts).into_offset_iter() {
        r.event(event, range);
    }
    r.flush();
    r.b.finish("markdown", doc)
}

impl<'a> Reader<'a> {
    /// The kind of the open block: a paragraph inside a list item is the item.
    fn kind(&self) -> BlockKind {
        let mut it = self.stack.iter().rev();
        match it.next() {
            Some(Open::Heading) => BlockKind::Heading,
            Some(Open::Item) => BlockKind::Item,
            Some(Open::Cell) => BlockKind::Cell,
            Some(Open::Paragraph) => match it.next() {
                Some(Open::Item) => BlockKind::Item,
                _ => BlockKind::Paragraph,
            },
            _ => BlockKind::Paragraph,
        }
    }

    /// Ends the open block, then the `alt`/`title` texts found in it.
    fn flush(&mut self) {
        self.links.retain(|l| l.4 != HTML_LINK);
        let kind = self.kind();
        self.b.end_block(kind);
        if self.image_depth == 0 {
            for d in std::mem::take(&mut self.deferred) {
                let before = self.b.last_block();
                for (r, t) in d.parts {
                    self.b.text(r, &t);
                }
                self.b.end_block(BlockKind::Attribute);
                if let (Some(i), Some(at)) = (d.piece, self.b.last_block())
                    && Some(&at) != before.as_ref()
                {
                    self.b.set_piece_at(i, at);
                }
            }
        }
    }

    fn open(&mut self, o: Open) {
        self.flush();
        self.stack.push(o);
    }

    fn close(&mut self) {
        self.flush();
        self.stack.pop();
    }

    fn event(&mut self, event: Event<'a>, range: Range<usize>) {
        // An import lists the components a page uses, not its content:
        // neither prose nor code to compare.
        if self.esm {
            if let Event::End(TagEnd::Paragraph) = event {
                self.esm = false;
                self.close();
            }
            return;
        }
        if let Some((_, _, code)) = &mut self.code {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => self.end_code_block(),
                _ => {}
            }
            return;
        }
        if let Some((kind, r)) = &mut self.metadata {
            match event {
                Event::Text(_) => *r = r.start.min(range.start)..r.end.max(range.end),
                Event::End(TagEnd::MetadataBlock(_)) => {
                    let (kind, r) = (*kind, r.clone());
                    self.metadata = None;
                    super::frontmatter::read(
                        &mut self.b,
                        kind == MetadataBlockKind::PlusesStyle,
                        r,
                        &self.options.front_matter_keys,
                    );
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) => {
                if self.image_depth > 0 {
                    self.alt.push((range, t.to_string()));
                    return;
                }
                let raw = self.b.source().get(range.clone()).unwrap_or("");
                let at_start = !self.b.has_content() && self.stack.last() == Some(&Open::Paragraph);
                // A Goldmark or kramdown attribute list (`{.class #id}`) on
                // a line of its own styles the block: no prose.
                if is_attribute_list(raw) && raw == &*t {
                    return;
                }
                match block_marker(raw).filter(|_| at_start && raw == &*t) {
                    Some(n) => {
                        self.b.placeholder(range.start..range.start + n);
                        let rest = range.start + n..range.end;
                        let text = raw[n..].to_string();
                        self.b.text(rest, &text);
                    }
                    None => self.b.text(range, &t),
                }
            }
            Event::Code(t) => {
                if self.image_depth > 0 {
                    self.alt.push((range, t.to_string()));
                    return;
                }
                let at = self.b.placeholder(range.clone());
                self.b.piece(Piece {
                    kind: PieceKind::InlineCode,
                    text: t.to_string(),
                    key: String::new(),
                    original: range,
                    at,
                });
            }
            Event::SoftBreak | Event::HardBreak => self.b.space(range),
            Event::InlineHtml(h) if is_line_break(&h) => self.b.space(range),
            Event::InlineHtml(h) => self.inline_html(&h, range),
            Event::Html(_) if self.html.is_some() => {
                if let Some(r) = &mut self.html {
                    *r = r.start.min(range.start)..r.end.max(range.end);
                }
            }
            Event::Rule => self.flush(),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'a>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => {
                let top = self.stack.is_empty();
                self.open(Open::Paragraph);
                let raw = self.b.source().get(range.clone()).unwrap_or("");
                self.esm = self.mdx && top && is_esm(raw);
            }
            Tag::Heading { .. } => self.open(Open::Heading),
            Tag::Item => self.open(Open::Item),
            Tag::TableCell => self.open(Open::Cell),
            Tag::CodeBlock(kind) => {
                self.flush();
                let info = match kind {
                    CodeBlockKind::Fenced(i) => i.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((range, info, String::new()));
            }
            Tag::HtmlBlock => {
                self.open(Open::Other);
                self.html = Some(range.end..range.start);
            }
            Tag::MetadataBlock(kind) => {
                self.flush();
                self.metadata = Some((kind, range.end..range.start));
            }
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                self.defer_title(&title, &range);
                // An autolink's text is its URL, read as prose.
                if !matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    let here = self.b.here();
                    self.links.push((
                        here,
                        dest_url.to_string(),
                        range,
                        PieceKind::Link,
                        String::new(),
                    ));
                }
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                self.defer_title(&title, &range);
                self.image_depth += 1;
                let here = self.b.here();
                self.links.push((
                    here,
                    dest_url.to_string(),
                    range,
                    PieceKind::Image,
                    String::new(),
                ));
            }
            Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.open(Open::Other),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, _range: Range<usize>) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => self.close(),
            TagEnd::HtmlBlock => {
                self.flush();
                if let Some(r) = self.html.take().filter(|r| r.start < r.end) {
                    super::html::feed(&mut self.b, r);
                }
                self.stack.pop();
            }
            TagEnd::Link | TagEnd::Image => {
                let Some(i) = self.links.iter().rposition(|l| l.4 != HTML_LINK) else {
                    return;
                };
                let (start, dest, original, kind, _) = self.links.remove(i);
                if kind == PieceKind::Image {
                    self.image_depth = self.image_depth.saturating_sub(1);
                    let parts = std::mem::take(&mut self.alt);
                    if !parts.is_empty() {
                        let piece = Some(self.b.piece_index());
                        self.deferred.push(Deferred { parts, piece });
                    }
                }
                self.b.link_piece(kind, dest, original, start);
            }
            _ => {}
        }
    }

    /// Inline `<a href="…">…</a>` in a paragraph is a link like `[…](…)`;
    /// one left open is dropped with its paragraph.
    fn inline_html(&mut self, h: &str, range: Range<usize>) {
        if self.image_depth > 0 {
            return;
        }
        if is_anchor_end(h) {
            let Some(i) = self.links.iter().rposition(|l| l.4 == HTML_LINK) else {
                return;
            };
            let (start, dest, original, kind, _) = self.links.remove(i);
            self.b
                .link_piece(kind, dest, original.start..range.end, start);
        } else if let Some(href) = anchor_href(h) {
            let here = self.b.here();
            self.links
                .push((here, href, range, PieceKind::Link, HTML_LINK.to_string()));
        }
    }

    fn end_code_block(&mut self) {
        let Some((range, info, code)) = self.code.take() else {
            return;
        };
        let at = self.b.placeholder(range.clone());
        self.b.end_block(BlockKind::Code);
        self.b.piece(Piece {
            kind: PieceKind::CodeBlock,
            text: code,
            key: info,
            original: range,
            at,
        });
    }

    /// A link or image title is a text block of its own, read where it is
    /// written inside the construct.
    fn defer_title(&mut self, title: &str, range: &Range<usize>) {
        if title.trim().is_empty() {
            return;
        }
        let src = self.b.source();
        let found = src
            .get(range.clone())
            .and_then(|s| s.rfind(title))
            .map(|i| range.start + i..range.start + i + title.len());
        let r = found.unwrap_or_else(|| range.clone());
        self.deferred.push(Deferred {
            parts: vec![(r, title.to_string())],
            piece: None,
        });
    }
}

/// An MDX ESM block: a top-level paragraph that starts with `import` or
/// `export` and a space (`import Alert from '@components/Alert.astro';`).
fn is_esm(raw: &str) -> bool {
    ["import ", "export ", "import{", "export{"]
        .iter()
        .any(|k| raw.starts_with(k))
}

/// A whole attribute list, `{.badge .mx-2}`, `{#intro}`, `{width="50%"}`:
/// classes, ids and `key=value` pairs in braces.
fn is_attribute_list(text: &str) -> bool {
    let Some(inner) = text
        .trim()
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
    else {
        return false;
    };
    let name = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':'))
    };
    let mut tokens = inner.split_whitespace().peekable();
    tokens.peek().is_some()
        && tokens.all(|tok| match tok.split_once('=') {
            Some((k, v)) => name(k) && !v.is_empty(),
            None => tok.strip_prefix(['.', '#']).is_some_and(name),
        })
}

/// Marks a link opened by an inline `<a>` tag.
const HTML_LINK: &str = "html";

/// The `href` of an inline `<a …>` start tag, entities `&amp;` and
/// `&quot;` decoded.
fn anchor_href(html: &str) -> Option<String> {
    static HREF: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"(?is)^<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)
            .expect("valid href regex")
    });
    let c = HREF.captures(html)?;
    let v = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))?.as_str();
    Some(v.trim().replace("&quot;", "\"").replace("&amp;", "&"))
}

fn is_anchor_end(html: &str) -> bool {
    html.trim()
        .strip_prefix("</")
        .and_then(|t| t.strip_suffix('>'))
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("a"))
}

fn is_line_break(html: &str) -> bool {
    let t = html.trim().trim_start_matches('<').trim_end_matches('>');
    let name = t.trim_end_matches('/').trim();
    name.eq_ignore_ascii_case("br")
}

/// The opening of a Python-Markdown block or admonition at the start of a
/// paragraph, `/// tab |`, `/// note`, `!!! tip`, `???+ note`: its length
/// in bytes. Its title after it is prose; the marker and type are not.
fn block_marker(text: &str) -> Option<usize> {
    let fence = if text.starts_with("///") {
        text.bytes().take_while(|&b| b == b'/').count()
    } else if text.starts_with("!!!") || text.starts_with("???") {
        3 + usize::from(text[3..].starts_with('+'))
    } else {
        return None;
    };
    let rest = &text[fence..];
    let name = rest.trim_start_matches(' ');
    let name_len = name
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        .count();
    // The fence alone, or followed by a type word: `/// tip`.
    if name_len == 0 && !name.is_empty() && !name.starts_with('\n') {
        return None;
    }
    let mut n = text.len() - name.len() + name_len;
    let after = &text[n..];
    // The type is a whole word: `/// não` is text.
    if !(after.is_empty() || after.starts_with([' ', '|', '\n'])) {
        return None;
    }
    let spaces = after.len() - after.trim_start_matches(' ').len();
    if after[spaces..].starts_with('|') {
        n += spaces + 1;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::prose::{BlockKind, PLACEHOLDER, PieceKind};

    fn read_str(s: &str) -> Document {
        read(&Document::from_text("a.md", s), &ReadOptions::default())
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
    fn mdx_imports_and_exports_are_code_not_prose() {
        let src = "---\ntitle: Roteamento\n---\n\nimport Alert from '@components/Alert.astro';\nimport { Tabs } from 'x';\n\n_Routing_ refere-se a rotas.\n\n- import this list item\n";
        let d = read(
            &Document::from_text("routing.mdx", src),
            &ReadOptions::default(),
        );
        assert!(!d.text.contains("Alert"), "{:?}", d.text);
        assert!(
            d.text
                .ends_with("Roteamento\n\nRouting refere-se a rotas.\n\nimport this list item"),
            "{:?}",
            d.text
        );
        // Only at the top level of an MDX file.
        assert!(d.text.contains("import this list item"), "{:?}", d.text);
        let md = read_str("import Alert from 'x';\n");
        assert!(md.text.contains("import Alert"), "{:?}", md.text);
        assert!(d.markup.as_ref().unwrap().pieces.is_empty());
    }

    #[test]
    fn block_markers_and_heading_ids_are_not_prose() {
        let d = read_str(
            "# Corpo da requisição { #request-body }\n\n//// tab | Python 3.10+\n\nTexto aqui.\n\n////\n\n!!! tip \"Dica\"\n    Use isto.\n\n/// não é marcador\n",
        );
        let p = PLACEHOLDER;
        assert_eq!(
            d.text,
            format!(
                "Corpo da requisição\n\n{p} Python 3.10+\n\nTexto aqui.\n\n{p}\n\n{p} \"Dica\" Use isto.\n\n/// não é marcador"
            )
        );
        assert_eq!(super::block_marker("/// details | Resumo"), Some(13));
        assert_eq!(super::block_marker("///"), Some(3));
        assert_eq!(super::block_marker("// x"), None);
        assert_eq!(super::block_marker("/// «x»"), None);
    }

    #[test]
    fn attribute_lists_are_not_prose() {
        let d = read_str(
            "![Selo do curso](badge.png)\n{.badge--otca .card-img}\n\nUm texto.\n{#fim .nota}\n",
        );
        assert!(!d.text.contains("badge--otca"), "{:?}", d.text);
        assert!(!d.text.contains("#fim"), "{:?}", d.text);
        assert!(d.text.contains("Um texto."), "{:?}", d.text);
        assert!(is_attribute_list("{width=\"50%\" .wide}"));
        // Braces around words are text.
        assert!(!is_attribute_list("{veja abaixo}"));
        assert!(!is_attribute_list("{}"));
    }

    #[test]
    fn emphasis_and_link_syntax_are_not_prose() {
        let d = read_str("**Importante:** leia o [guia](https://ex.com/pt/guia \"Guia\").\n");
        let p = PLACEHOLDER;
        assert!(!d.text.contains(p));
        assert!(
            d.text.starts_with("Importante: leia o guia."),
            "{:?}",
            d.text
        );
        let m = d.markup.as_ref().unwrap();
        let link = m.pieces.iter().find(|x| x.kind == PieceKind::Link).unwrap();
        assert_eq!(link.text, "https://ex.com/pt/guia");
        assert_eq!(&d.text[link.at.clone()], "guia");
        // The title is a block of its own.
        assert_eq!(kinds(&d), vec![BlockKind::Paragraph, BlockKind::Attribute]);
    }

    #[test]
    fn an_inline_html_anchor_is_a_link() {
        let d = read_str(
            "Leia o <a href=\"https://ex.com/guia?a=1&amp;b=2\">guia</a> e <A HREF='/sobre'>mais</A>.\n\n\
             Um <a href=\"/aberto\">sem fim.\n\nOutro </a> texto.\n",
        );
        let m = d.markup.as_ref().unwrap();
        let links: Vec<(&str, &str)> = m
            .pieces
            .iter()
            .filter(|x| x.kind == PieceKind::Link)
            .map(|x| (x.text.as_str(), &d.text[x.at.clone()]))
            .collect();
        // One left open is no link; a stray end tag closes nothing.
        assert_eq!(
            links,
            [("https://ex.com/guia?a=1&b=2", "guia"), ("/sobre", "mais")]
        );
        assert!(d.text.starts_with("Leia o guia e mais."), "{:?}", d.text);
        assert_eq!(anchor_href("<a name=\"x\">"), None);
        assert!(is_anchor_end("</a >") && !is_anchor_end("</abbr>") && !is_anchor_end("</é"));
    }

    #[test]
    fn code_is_a_placeholder_and_a_piece() {
        let d = read_str("Rode `cargo install --path .` agora.\n\n```sh\nls -l\n```\n");
        let p = PLACEHOLDER;
        assert_eq!(d.text, format!("Rode {p} agora.\n\n{p}"));
        let m = d.markup.as_ref().unwrap();
        assert_eq!(m.pieces[0].text, "cargo install --path .");
        assert_eq!(m.pieces[1].kind, PieceKind::CodeBlock);
        assert_eq!(m.pieces[1].text, "ls -l\n");
        assert_eq!(m.pieces[1].key, "sh");
        assert_eq!(kinds(&d), vec![BlockKind::Paragraph, BlockKind::Code]);
        // The code block's placeholder points at the fence line.
        assert_eq!(d.line_col(d.text.len() - p.len_utf8()), (3, 1));
    }

    #[test]
    fn headings_items_cells_are_blocks() {
        let src = "# Título\n\n- um\n  - dois\n- [x] três\n\n| a | b |\n|---|---|\n| c | d |\n";
        let d = read_str(src);
        use BlockKind::*;
        assert_eq!(
            kinds(&d),
            vec![Heading, Item, Item, Item, Cell, Cell, Cell, Cell]
        );
        assert!(d.text.contains("três"));
        let i = d.text.find("dois").unwrap();
        assert_eq!(d.line_col(i), (4, 5));
    }

    #[test]
    fn image_alt_is_an_attribute_block() {
        let d = read_str("Veja ![Captura da tela](img/tela.png) abaixo.\n");
        assert_eq!(d.text, "Veja abaixo.\n\nCaptura da tela");
        let m = d.markup.as_ref().unwrap();
        assert_eq!(m.pieces[0].kind, PieceKind::Image);
        assert_eq!(m.pieces[0].text, "img/tela.png");
        let i = d.text.find("Captura").unwrap();
        assert_eq!(m.verbatim_range(i..i + 7), Some(7..14));
    }

    #[test]
    fn entities_and_escapes_decode_but_are_not_editable() {
        let d = read_str("AT&amp;T e 1\\. lugar\n");
        assert!(d.text.starts_with("AT&T e 1. lugar"), "{:?}", d.text);
        let m = d.markup.as_ref().unwrap();
        let i = d.text.find('&').unwrap();
        assert_eq!(m.verbatim_range(i..i + 1), None);
    }

    #[test]
    fn html_is_not_text_but_suppressions_stay() {
        let d = read_str(
            "<div class=\"x\">\n\n<!-- transcheck-ignore: number ok -->\nTexto <b>forte</b>.\n\n<div class=\"box\">\nTexto na caixa.\n<pre><code>x = 1\n</code></pre>\n</div>\n",
        );
        assert!(!d.text.contains("div"));
        // Text inside an HTML block is prose; its <pre> is code.
        assert!(d.text.contains("Texto na caixa."), "{:?}", d.text);
        let m = d.markup.as_ref().unwrap();
        let code = m.pieces.iter().find(|p| p.kind == PieceKind::CodeBlock);
        assert!(code.is_some_and(|p| p.text.contains("x = 1")));
        assert!(d.text.contains("<!-- transcheck-ignore: number ok -->"));
        assert!(d.text.contains("Texto forte."));
    }
}
