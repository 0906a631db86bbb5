//! Readers of the input formats. Monolingual formats (Markdown, HTML) turn a
//! file into its prose view ([`prose`]), which the usual segment → align →
//! check → report pipeline reads; locations map back to the original file.

pub mod frontmatter;
pub mod html;
pub mod markdown;
pub mod prose;

use crate::input::Document;

/// Options of the monolingual readers.
pub use markdown::ReadOptions;

/// A marked-up format read as prose, by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Markdown,
    Html,
}

impl Markup {
    /// By extension: `.md`, `.markdown`, `.mdx` and `.html`, `.htm`, `.xhtml`.
    pub fn detect(path: &std::path::Path) -> Option<Markup> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Some(Markup::Markdown),
            "html" | "htm" | "xhtml" => Some(Markup::Html),
            _ => None,
        }
    }
}

/// The prose view of a document in a marked-up format; other documents (and
/// one already read) come back as they are.
pub fn prose_view(doc: Document, format: Option<Markup>, options: &ReadOptions) -> Document {
    if doc.markup.is_some() {
        return doc;
    }
    match format.or_else(|| Markup::detect(&doc.path)) {
        Some(Markup::Markdown) => markdown::read(&doc, options),
        Some(Markup::Html) => html::read(&doc),
        None => doc,
    }
}
