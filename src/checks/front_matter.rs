//! The `front-matter` check: front-matter fields of a Markdown file that are
//! not translated text (dates, slugs, weights, layouts, …) must be equal in
//! source and target, key by key. The translated keys (`title`, …) are
//! prose and go through the other checks.

use super::code::{Side, placed};
use super::{Check, Context};
use crate::finding::{Finding, Severity};
use crate::formats::prose::PieceKind;

pub struct FrontMatterCheck;

impl Check for FrontMatterCheck {
    fn id(&self) -> &'static str {
        "front-matter"
    }
    fn description(&self) -> &'static str {
        "A front-matter field that is not translated text differs between source and target"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let is_field = |p: &crate::formats::prose::Piece| p.kind == PieceKind::Field;
        let src = placed(ctx, Side::Source, is_field);
        let tgt = placed(ctx, Side::Target, is_field);
        for s in &src {
            match tgt.iter().find(|t| t.piece.key == s.piece.key) {
                Some(t) if t.piece.text == s.piece.text => {}
                Some(t) => out.push(
                    Finding::new(
                        self.id(),
                        self.default_severity(),
                        format!(
                            "front-matter field `{}` changed: source has {}, target has {}",
                            s.piece.key, s.piece.text, t.piece.text
                        ),
                    )
                    .link(t.link)
                    .target_span(t.span.clone())
                    .expected(s.piece.text.clone())
                    .found(t.piece.text.clone()),
                ),
                None => out.push(
                    Finding::new(
                        self.id(),
                        self.default_severity(),
                        format!(
                            "front-matter field `{}` is missing in the target",
                            s.piece.key
                        ),
                    )
                    .link(s.link)
                    .source_span(s.span.clone()),
                ),
            }
        }
        for t in &tgt {
            if !src.iter().any(|s| s.piece.key == t.piece.key) {
                out.push(
                    Finding::new(
                        self.id(),
                        Severity::Warning,
                        format!("front-matter field `{}` is not in the source", t.piece.key),
                    )
                    .link(t.link)
                    .target_span(t.span.clone()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::glossary::Glossary;
    use crate::input::Document;
    use crate::pipeline::{PairOptions, check_pair};

    fn run(src: &str, tgt: &str) -> Vec<String> {
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
        .into_iter()
        .filter(|f| f.rule == "front-matter")
        .map(|f| f.message)
        .collect()
    }

    #[test]
    fn a_changed_field_says_what_was_found() {
        let en = "---\ntitle: Quick guide\ndate: 2024-05-02\nweight: 2\nlang: en\n---\n\nThis guide shows how to start using the program.\n";
        let options = PairOptions {
            source_lang: Some("pt".into()),
            target_lang: Some("en".into()),
            ..Default::default()
        };
        let r = check_pair(
            Document::from_text("pt/a.md", PT),
            Document::from_text("en/a.md", en),
            &Glossary::default(),
            &options,
        );
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "front-matter")
            .unwrap();
        assert_eq!(f.expected.as_deref(), Some("2024-05-01"));
        // The value, not the mark that stands for the field in the text.
        assert_eq!(f.found.as_deref(), Some("2024-05-02"));
    }

    const PT: &str = "---\ntitle: Guia rápido\ndate: 2024-05-01\nweight: 2\nlang: pt\n---\n\nEste guia mostra como começar a usar o programa.\n";

    #[test]
    fn equal_fields_and_translated_title_pass() {
        let en = "---\ntitle: Quick guide\ndate: 2024-05-01\nweight: 2\nlang: en\n---\n\nThis guide shows how to start using the program.\n";
        assert!(run(PT, en).is_empty());
    }

    #[test]
    fn changed_and_missing_fields_are_reported() {
        let en = "---\ntitle: Quick guide\ndate: 2024-05-02\nlang: en\n---\n\nThis guide shows how to start using the program.\n";
        let f = run(PT, en);
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f[0].contains("`date` changed"), "{f:?}");
        assert!(f[1].contains("`weight` is missing"), "{f:?}");
    }
}
