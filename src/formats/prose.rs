//! The prose view of a marked-up file, shared by the monolingual readers
//! (Markdown, HTML). A reader turns the original file into:
//! - a prose text, the only thing the segmenter and the checks read: blocks
//!   (headings, list items, table cells, paragraphs, `alt`/`title` text)
//!   separated by blank lines, markup and code left out;
//! - a map from every byte of that text back to a byte range of the original,
//!   so that every finding points into the original file;
//! - the non-prose pieces (code blocks, inline code, link and image targets,
//!   front-matter fields) that checks compare verbatim.
//!
//! Code and fields sit in the prose text as one [`PLACEHOLDER`] character
//! each: they keep their place in a sentence (and a code block its own block)
//! without any check reading them as words, numbers or spaces.

use crate::input::Document;
use std::ops::Range;

/// Stands for a piece of code or a field in the prose text. It is no letter,
/// digit, space or punctuation, so no prose check reads it.
pub const PLACEHOLDER: char = '\u{FFFC}';

/// What a block of the prose text is; blocks of the same kind align.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Paragraph,
    Heading,
    Item,
    Cell,
    /// An `alt` or `title` text.
    Attribute,
    /// A translated front-matter value (`title`, `description`, …).
    Meta,
    /// A code block (one placeholder).
    Code,
    /// A front-matter field that must stay as it is (one placeholder).
    Field,
    /// A `transcheck-ignore` comment, kept for the suppression directives.
    Directive,
}

impl BlockKind {
    /// Structural blocks: a link may not run across their boundaries, and a
    /// dropped one is an omission error however short.
    pub fn is_anchor(self) -> bool {
        !matches!(self, BlockKind::Paragraph | BlockKind::Directive)
    }

    /// Short code, for the aligner.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// One block of the prose text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Byte range in the prose text.
    pub range: Range<usize>,
}

/// What a non-prose piece is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceKind {
    CodeBlock,
    InlineCode,
    /// The target of a link.
    Link,
    /// The source of an image.
    Image,
    /// A front-matter field compared verbatim.
    Field,
}

/// A piece of the file that is not prose and is compared as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub kind: PieceKind,
    /// The verbatim content (code, URL, field value).
    pub text: String,
    /// Front-matter key, or a code block's info string.
    pub key: String,
    /// Byte range of the whole construct in the original text.
    pub original: Range<usize>,
    /// Where it sits in the prose text: its placeholder, or the text of a link.
    pub at: Range<usize>,
}

/// A run of the prose text and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MapSpan {
    prose: usize,
    prose_len: usize,
    original: usize,
    original_len: usize,
    /// The prose bytes are the original bytes (so they may be edited there).
    verbatim: bool,
}

/// The prose view of one marked-up file (see the module docs).
#[derive(Debug, Clone)]
pub struct Markup {
    /// `markdown`, `html`.
    pub format: &'static str,
    /// The original file, as read.
    pub original: Document,
    pub blocks: Vec<Block>,
    pub pieces: Vec<Piece>,
    spans: Vec<MapSpan>,
}

impl Markup {
    fn span_at(&self, prose: usize) -> Option<&MapSpan> {
        let i = self.spans.partition_point(|s| s.prose <= prose);
        self.spans.get(i.checked_sub(1)?)
    }

    /// Byte offset in the original of a byte offset in the prose text. The
    /// end of a run maps to the end of what it stands for.
    pub fn to_original(&self, prose: usize) -> usize {
        let Some(s) = self.span_at(prose) else {
            return 0;
        };
        let k = prose - s.prose;
        if s.verbatim {
            s.original + k.min(s.original_len)
        } else if k >= s.prose_len {
            s.original + s.original_len
        } else {
            s.original
        }
    }

    /// Maps a prose range that ends a run to the end of what it stands for.
    pub fn range_to_original(&self, r: Range<usize>) -> Range<usize> {
        let a = self.to_original(r.start);
        let b = if r.end > r.start {
            // The last byte's run decides where the end goes.
            match self.span_at(r.end - 1) {
                Some(s) if !s.verbatim => s.original + s.original_len,
                _ => self.to_original(r.end),
            }
        } else {
            a
        };
        a..b.max(a)
    }

    /// The original range of a prose range that is copied verbatim from one
    /// stretch of the original (no markup, code or entity inside), so that an
    /// edit there touches prose and nothing else.
    pub fn verbatim_range(&self, r: Range<usize>) -> Option<Range<usize>> {
        let s = self.span_at(r.start)?;
        if !s.verbatim || r.end > s.prose + s.prose_len || r.end < r.start {
            return None;
        }
        let a = s.original + (r.start - s.prose);
        Some(a..a + (r.end - r.start))
    }

    /// The block holding a prose offset.
    pub fn block_at(&self, prose: usize) -> Option<&Block> {
        let i = self.blocks.partition_point(|b| b.range.end <= prose);
        self.blocks.get(i).filter(|b| b.range.start <= prose)
    }
}

/// Builds a prose text and its map, block by block. Readers call `text`,
/// `space`, `placeholder` and `end_block`; whitespace is collapsed so the
/// prose text never has two spaces that the original does not.
pub struct Builder<'a> {
    src: &'a str,
    text: String,
    spans: Vec<MapSpan>,
    blocks: Vec<Block>,
    pieces: Vec<Piece>,
    /// Prose offset where the open block started, if it has content.
    open: Option<usize>,
    /// A space waiting for more text in the same block (its original range).
    pending_space: Option<Range<usize>>,
    /// Template tags (`{{ … }}`, `{% … %}`) of the source, in order: not
    /// prose, each one placeholder.
    templates: Vec<Range<usize>>,
    /// Index of the first template not yet wholly behind the text.
    next_template: usize,
    /// The template whose placeholder is already out.
    placed_template: Option<usize>,
}

impl<'a> Builder<'a> {
    pub fn new(src: &'a str) -> Builder<'a> {
        Builder {
            src,
            text: String::new(),
            spans: Vec::new(),
            blocks: Vec::new(),
            pieces: Vec::new(),
            open: None,
            pending_space: None,
            templates: template_tags(src),
            next_template: 0,
            placed_template: None,
        }
    }

    pub fn source(&self) -> &'a str {
        self.src
    }

    fn push(&mut self, s: &str, original: Range<usize>, verbatim: bool) {
        if s.is_empty() {
            return;
        }
        let prose = self.text.len();
        self.text.push_str(s);
        self.spans.push(MapSpan {
            prose,
            prose_len: s.len(),
            original: original.start,
            original_len: original.end.saturating_sub(original.start),
            verbatim,
        });
    }

    /// Starts content in the open block: the blank line between blocks and
    /// a waiting space.
    fn begin_content(&mut self, at: usize) {
        if self.open.is_none() {
            self.pending_space = None;
            if !self.text.is_empty() {
                self.push("\n\n", at..at, false);
            }
            self.open = Some(self.text.len());
        } else if let Some(sp) = self.pending_space.take() {
            let verbatim = self.src.get(sp.clone()) == Some(" ");
            self.push(" ", sp, verbatim);
        }
    }

    /// A space between words (collapsed with its neighbours, dropped at the
    /// edges of a block).
    pub fn space(&mut self, original: Range<usize>) {
        if self.open.is_some() && self.pending_space.is_none() {
            self.pending_space = Some(original);
        }
    }

    /// Prose from the original range `original`. `decoded` is the text the
    /// parser read there (entities and escapes resolved); when it differs
    /// from the original bytes the run cannot be edited in place.
    pub fn text(&mut self, original: Range<usize>, decoded: &str) {
        // Template tags inside the run are cut out as placeholders. Runs come
        // mostly in order, but an `alt`/`title` text comes after the block
        // it sits in, so the first tag not behind the run is searched.
        self.next_template = self.templates.partition_point(|t| t.end <= original.start);
        if let Some(t) = self.templates.get(self.next_template).cloned()
            && t.start < original.end
        {
            let before = original.start..t.start.max(original.start);
            if before.start < before.end {
                let raw = self.src.get(before.clone()).unwrap_or("").to_string();
                self.text(before, &raw);
            }
            if self.placed_template != Some(self.next_template) {
                self.placed_template = Some(self.next_template);
                self.placeholder(t.clone());
            }
            let after = t.end.min(original.end)..original.end;
            if after.start < after.end {
                self.next_template += 1;
                let raw = self.src.get(after.clone()).unwrap_or("").to_string();
                self.text(after, &raw);
            }
            return;
        }
        let raw = self.src.get(original.clone()).unwrap_or("");
        if raw != decoded {
            let clean = collapse(decoded);
            if clean.trim().is_empty() {
                if !decoded.is_empty() {
                    self.space(original);
                }
                return;
            }
            if clean.starts_with(' ') {
                self.space(original.start..original.start);
            }
            self.begin_content(original.start);
            self.push(clean.trim(), original.clone(), false);
            if clean.ends_with(' ') {
                self.space(original.end..original.end);
            }
            return;
        }
        // Verbatim: words as they are, each whitespace run one space.
        let mut pos = 0;
        for (ws, run) in runs(raw) {
            let r = original.start + pos..original.start + pos + run.len();
            if ws {
                self.space(r);
            } else {
                self.begin_content(r.start);
                self.push(run, r, true);
            }
            pos += run.len();
        }
    }

    /// A placeholder for a piece of code or a field; returns its prose range.
    pub fn placeholder(&mut self, original: Range<usize>) -> Range<usize> {
        self.begin_content(original.start);
        let start = self.text.len();
        let mut buf = [0u8; 4];
        self.push(PLACEHOLDER.encode_utf8(&mut buf), original, false);
        start..self.text.len()
    }

    /// Prose offset where the next content goes (after a waiting space).
    pub fn here(&self) -> usize {
        self.text.len()
    }

    /// The prose text so far.
    pub fn prose(&self) -> &str {
        &self.text
    }

    /// Ends the open block as a block of `kind` (nothing when it is empty).
    pub fn end_block(&mut self, kind: BlockKind) {
        self.pending_space = None;
        if let Some(start) = self.open.take()
            && self.text.len() > start
        {
            self.blocks.push(Block {
                kind,
                range: start..self.text.len(),
            });
        }
    }

    /// Whether the open block has content.
    pub fn has_content(&self) -> bool {
        self.open.is_some()
    }

    pub fn piece(&mut self, p: Piece) {
        self.pieces.push(p);
    }

    /// A link or image piece over the prose written since `start`, where it
    /// opened; that offset may sit before a space, which is not its text.
    pub fn link_piece(
        &mut self,
        kind: PieceKind,
        text: String,
        original: Range<usize>,
        start: usize,
    ) {
        let end = self.here().max(start);
        let start = if self.prose().get(start..start + 1) == Some(" ") {
            start + 1
        } else {
            start
        };
        self.piece(Piece {
            kind,
            text,
            key: String::new(),
            original,
            at: start..end.max(start),
        });
    }

    /// Index the next piece will get (for [`Builder::set_piece_at`]).
    pub fn piece_index(&self) -> usize {
        self.pieces.len()
    }

    /// Moves a piece to a new place in the prose (an image to its alt text).
    pub fn set_piece_at(&mut self, i: usize, at: Range<usize>) {
        if let Some(p) = self.pieces.get_mut(i) {
            p.at = at;
        }
    }

    /// The range of the last block ended.
    pub fn last_block(&self) -> Option<Range<usize>> {
        self.blocks.last().map(|b| b.range.clone())
    }

    /// The prose document: a [`Document`] over the prose text that maps
    /// every location back to `original`.
    pub fn finish(mut self, format: &'static str, original: &Document) -> Document {
        self.end_block(BlockKind::Paragraph);
        self.pieces.sort_by_key(|p| p.at.start);
        let markup = Markup {
            format,
            original: original.clone(),
            blocks: self.blocks,
            pieces: self.pieces,
            spans: self.spans,
        };
        Document::with_markup(original.path.clone(), self.text, markup)
    }
}

/// Template tags of static-site generators (Hugo `{{< … >}}` and
/// `{{ … }}`, Liquid and Jinja `{% … %}` and `{# … #}`, MkDocs macros
/// `{* … *}`): each from its opening to its
/// closing delimiter, not nested, at most a few lines long.
fn template_tags(src: &str) -> Vec<Range<usize>> {
    const MAX: usize = 400;
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(i) = src[pos..].find('{').map(|i| pos + i) {
        let close = match src.get(i + 1..i + 2) {
            Some("{") => "}}",
            Some("%") => "%}",
            // Jinja comments, MkDocs include macros (`{* file.py hl[2] *}`).
            Some("#") => "#}",
            Some("*") => "*}",
            _ => {
                pos = i + 1;
                continue;
            }
        };
        let limit = (i + MAX).min(src.len());
        let mut limit = limit;
        while !src.is_char_boundary(limit) {
            limit -= 1;
        }
        match src[i + 2..limit].find(close) {
            Some(j) => {
                let end = i + 2 + j + close.len();
                out.push(i..end);
                pos = end;
            }
            None => pos = i + 2,
        }
    }
    out
}

/// Splits text into alternating runs of whitespace (`true`) and the rest.
fn runs(s: &str) -> Vec<(bool, &str)> {
    let mut out: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    let mut cur: Option<bool> = None;
    for (i, c) in s.char_indices() {
        let ws = c.is_whitespace();
        if cur.is_some_and(|w| w != ws) {
            out.push((cur.unwrap_or(false), &s[start..i]));
            start = i;
        }
        cur = Some(ws);
    }
    if let Some(w) = cur {
        out.push((w, &s[start..]));
    }
    out
}

/// Every whitespace run as one space.
fn collapse(s: &str) -> String {
    runs(s)
        .into_iter()
        .map(|(ws, r)| if ws { " " } else { r })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(src: &str, f: impl FnOnce(&mut Builder)) -> Document {
        let orig = Document::from_text("a.md", src);
        let mut b = Builder::new(&orig.text);
        f(&mut b);
        b.finish("markdown", &orig)
    }

    #[test]
    fn verbatim_text_maps_back_byte_for_byte() {
        let d = build("# Olá\n\nUm  texto\ncom quebra.\n", |b| {
            b.text(2..6, "Olá");
            b.end_block(BlockKind::Heading);
            b.text(8..18, "Um  texto\n");
            b.text(18..29, "com quebra.");
            b.end_block(BlockKind::Paragraph);
        });
        assert_eq!(d.text, "Olá\n\nUm texto com quebra.");
        let m = d.markup.as_ref().unwrap();
        assert_eq!(m.to_original(0), 2);
        let i = d.text.find("com").unwrap();
        assert_eq!(m.to_original(i), 18);
        assert_eq!(d.line_col(i), (4, 1));
        assert_eq!(m.verbatim_range(i..i + 3), Some(18..21));
        assert_eq!(m.blocks[0].kind, BlockKind::Heading);
        assert_eq!(m.block_at(i).unwrap().kind, BlockKind::Paragraph);
    }

    #[test]
    fn decoded_text_is_not_editable_and_maps_to_its_whole_range() {
        let d = build("AT&amp;T ok", |b| {
            b.text(0..8, "AT&T");
            b.space(8..9);
            b.text(9..11, "ok");
        });
        assert_eq!(d.text, "AT&T ok");
        let m = d.markup.as_ref().unwrap();
        assert_eq!(m.verbatim_range(0..4), None);
        assert_eq!(m.range_to_original(0..4), 0..8);
        assert_eq!(m.verbatim_range(5..7), Some(9..11));
    }

    #[test]
    fn template_tags_are_placeholders() {
        let src = "Veja {{< tip text=\"dica\" >}} e {% raw %} fim";
        let d = build(src, |b| {
            b.text(0..src.len(), src);
        });
        let p = PLACEHOLDER;
        assert_eq!(d.text, format!("Veja {p} e {p} fim"));
        // A tag split across runs gets one placeholder.
        let d = build(src, |b| {
            b.text(0..12, &src[0..12]);
            b.text(12..src.len(), &src[12..]);
        });
        assert_eq!(d.text, format!("Veja {p} e {p} fim"));
        assert_eq!(template_tags("{ a } {{ b"), Vec::<Range<usize>>::new());
    }

    #[test]
    fn include_macros_and_jinja_comments_are_placeholders() {
        let src = "{* ../src/app.py hl[2:4] *}\n\nVeja {# nota #} {#id} {*}";
        let d = build(src, |b| {
            b.text(0..27, &src[0..27]);
            b.end_block(BlockKind::Paragraph);
            b.text(29..src.len(), &src[29..]);
        });
        let p = PLACEHOLDER;
        // `{#id}` (a heading id) and `{*}` close nothing: text.
        assert_eq!(d.text, format!("{p}\n\nVeja {p} {{#id}} {{*}}"));
    }

    #[test]
    fn a_template_in_a_text_read_after_later_ones_is_still_cut_out() {
        // An `alt` text is read at the end of its block, after the tags
        // that follow it in the file.
        let src = "<img alt=\"{{ t }}\"> e {{ u }} fim";
        let d = build(src, |b| {
            b.text(20..src.len(), &src[20..]);
            b.end_block(BlockKind::Paragraph);
            b.text(10..17, &src[10..17]);
            b.end_block(BlockKind::Attribute);
        });
        let p = PLACEHOLDER;
        assert_eq!(d.text, format!("e {p} fim\n\n{p}"));
    }

    #[test]
    fn placeholder_stands_for_code_and_spaces_do_not_double() {
        let d = build("Rode `x` agora", |b| {
            b.text(0..5, "Rode ");
            let p = b.placeholder(5..8);
            assert_eq!(p.len(), PLACEHOLDER.len_utf8());
            b.text(8..14, " agora");
        });
        assert_eq!(d.text, format!("Rode {PLACEHOLDER} agora"));
        let m = d.markup.as_ref().unwrap();
        assert_eq!(m.range_to_original(5..8), 5..8);
    }
}
