//! The `whitespace` check (info): two or more spaces inside a target
//! sentence, and a space before punctuation that the target profile says
//! takes none (`,` `.` `;` `:` `!` `?` in English). Segments are trimmed, so
//! leading and trailing spaces never reach this check.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct WhitespaceCheck;

/// Whether a space before `mark` at byte `i` is a real error: the mark must
/// end something (followed by a space, the end, a quote or a bracket), so
/// ".NET", " .45" and an ellipsis " ..." are left alone.
fn mark_ends_phrase(text: &str, i: usize, mark: &str) -> bool {
    let after = &text[i + mark.len()..];
    if mark == "." && after.starts_with('.') {
        return false;
    }
    match after.chars().next() {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']'),
    }
}

impl Check for WhitespaceCheck {
    fn id(&self) -> &'static str {
        "whitespace"
    }
    fn description(&self) -> &'static str {
        "Double spaces, or a space before punctuation, in the target"
    }
    fn default_severity(&self) -> Severity {
        Severity::Info
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let marks = &ctx.target_profile.words.no_space_before;
        // Each mark after a space, made once for the document.
        let pats: Vec<(&String, String)> = marks.iter().map(|m| (m, format!(" {m}"))).collect();
        for (li, link) in ctx.links.iter().enumerate() {
            // Walk the target sentences one by one: the link text joins them
            // with one space, which must not count.
            let mut offset = 0;
            for &si in &link.target {
                let Some(seg) = ctx.target_segments.get(si) else {
                    continue;
                };
                let Some(t) = ctx.target.text.get(seg.start..seg.end) else {
                    continue;
                };
                let mut i = 0;
                while let Some(k) = t[i..].find("  ") {
                    let start = i + k;
                    let run = t[start..].len() - t[start..].trim_start_matches(' ').len();
                    out.push(
                        Finding::new(self.id(), self.default_severity(), "double space")
                            .link(li)
                            .target_span(offset + start..offset + start + run)
                            .suggestion(" "),
                    );
                    i = start + run;
                }
                for (m, pat) in &pats {
                    for (k, _) in t.match_indices(pat.as_str()) {
                        if !mark_ends_phrase(t, k + 1, m) {
                            continue;
                        }
                        // Part of a double space: already reported.
                        if t[..k].ends_with(' ') {
                            continue;
                        }
                        out.push(
                            Finding::new(
                                self.id(),
                                self.default_severity(),
                                format!("space before '{m}'"),
                            )
                            .link(li)
                            .target_span(offset + k..offset + k + pat.len())
                            .suggestion((*m).clone()),
                        );
                    }
                }
                offset += t.len() + 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    fn run(t: &str) -> Vec<Finding> {
        Fixture::pair("Fonte.", t).run(&WhitespaceCheck)
    }

    #[test]
    fn double_space() {
        let out = run("The minister  arrived.");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].target_span, Some(12..14));
        assert_eq!(out[0].severity, Severity::Info);
        assert_eq!(out[0].suggestion.as_deref(), Some(" "));
    }

    #[test]
    fn space_before_comma_and_question_mark() {
        let out = run("Who , then ?");
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].suggestion.as_deref(), Some(","));
    }

    #[test]
    fn spans_point_into_the_link_text_of_later_sentences() {
        let f = Fixture::links(&[(&["Um. Dois."], &["One.", "Two  too."])]);
        let out = f.run(&WhitespaceCheck);
        assert_eq!(out.len(), 1);
        let t = &f.ctx().views[0].target.text;
        assert_eq!(&t[out[0].target_span.clone().unwrap()], "  ");
    }

    #[test]
    fn clean_text_passes() {
        assert!(run("The minister, who arrived, said: \"No!\"").is_empty());
    }

    #[test]
    fn dot_words_decimals_and_ellipsis_pass() {
        assert!(run("Built on .NET with a .45 calibre gun ...").is_empty());
    }

    #[test]
    fn french_style_profile_without_marks_passes() {
        let f = Fixture::with_langs("en", "xx", &[(&["Why?"], &["Pourquoi ?"])]);
        assert!(f.run(&WhitespaceCheck).is_empty());
    }
}
