//! The `punctuation` check: a question or exclamation dropped or added
//! (the source has `?`/`!` and the target has none, or the reverse), and,
//! where the target profile asks for it (Spanish `¿` `¡`), a closing mark
//! with no opening mark. `?` inside URLs does not count.

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct PunctuationCheck;

/// `text` with URLs and emails blanked out (same length, so spans hold).
fn without_urls(text: &str) -> std::borrow::Cow<'_, str> {
    let items = super::url::extract(text);
    // Most sentences have none: no copy.
    if items.is_empty() {
        return text.into();
    }
    let mut s = text.to_string();
    for item in items {
        let blank = " ".repeat(item.span.len());
        s.replace_range(item.span, &blank);
    }
    s.into()
}

fn count(text: &str, marks: &[char]) -> usize {
    // Each mark's UTF-8 bytes searched for as they are: a char's encoding
    // never matches inside another's, so nothing is decoded.
    marks
        .iter()
        .map(|m| {
            let mut buf = [0u8; 4];
            let m = m.encode_utf8(&mut buf).as_bytes();
            memchr::memmem::find_iter(text.as_bytes(), m).count()
        })
        .sum()
}

const QUESTION: &[char] = &['?', '？', '‽'];
const EXCLAMATION: &[char] = &['!', '！', '‽'];

impl Check for PunctuationCheck {
    fn id(&self) -> &'static str {
        "punctuation"
    }
    fn description(&self) -> &'static str {
        "A question or exclamation mark dropped or added"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for v in &ctx.views {
            if v.source.is_empty() || v.target.is_empty() {
                continue;
            }
            let s = without_urls(&v.source.text);
            let t = without_urls(&v.target.text);
            for (marks, name) in [
                (QUESTION, "a question mark"),
                (EXCLAMATION, "an exclamation mark"),
            ] {
                let (cs, ct) = (count(&s, marks), count(&t, marks));
                if cs > 0 && ct == 0 {
                    let i = s.find(|c| marks.contains(&c)).unwrap_or(0);
                    let len = s[i..].chars().next().map_or(1, char::len_utf8);
                    out.push(
                        Finding::new(
                            self.id(),
                            self.default_severity(),
                            format!("the source has {name}; the target has none"),
                        )
                        .link(v.index)
                        .source_span(i..i + len),
                    );
                } else if ct > 0 && cs == 0 {
                    let i = t.find(|c| marks.contains(&c)).unwrap_or(0);
                    let len = t[i..].chars().next().map_or(1, char::len_utf8);
                    out.push(
                        Finding::new(
                            self.id(),
                            self.default_severity(),
                            format!("the target has {name}; the source has none"),
                        )
                        .link(v.index)
                        .target_span(i..i + len),
                    );
                }
            }
            // Inverted opening marks the target language requires.
            for (close, open) in &ctx.target_profile.words.inverted_marks {
                let (Some(cl), Some(op)) = (close.chars().next(), open.chars().next()) else {
                    continue;
                };
                // Per sentence: every closing mark needs an opening one before it.
                let mut opened = 0usize;
                for (i, c) in t.char_indices() {
                    if c == op {
                        opened += 1;
                    } else if c == cl {
                        if opened == 0 {
                            out.push(
                                Finding::new(
                                    self.id(),
                                    self.default_severity(),
                                    format!("'{cl}' has no opening '{op}'"),
                                )
                                .link(v.index)
                                .target_span(i..i + cl.len_utf8()),
                            );
                            break;
                        }
                        opened -= 1;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    fn run(s: &str, t: &str) -> Vec<Finding> {
        Fixture::pair(s, t).run(&PunctuationCheck)
    }

    #[test]
    fn dropped_question_mark() {
        let out = run("Quem vai pagar a conta?", "Who will pay the bill.");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].source_span, Some(22..23));
        assert!(out[0].message.contains("question"));
    }

    #[test]
    fn added_exclamation_mark() {
        let out = run("Foi um sucesso.", "It was a success!");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].target_span, Some(16..17));
    }

    #[test]
    fn kept_marks_pass_even_if_counts_differ() {
        assert!(run("Quem? Onde?", "Who and where?").is_empty());
        assert!(run("Gol!", "Goal!").is_empty());
    }

    #[test]
    fn marks_are_counted_in_any_script() {
        assert_eq!(count("Why? Really?!", QUESTION), 2);
        assert_eq!(count("Why? Really?!", EXCLAMATION), 1);
        assert_eq!(count("¿Qué？ ¡Ya‽", QUESTION), 2);
        assert_eq!(count("¿Qué？ ¡Ya‽", EXCLAMATION), 1);
        assert_eq!(count("no marks at all", QUESTION), 0);
        assert_eq!(count("", EXCLAMATION), 0);
    }

    #[test]
    fn question_mark_in_url_does_not_count() {
        assert!(
            run(
                "Veja https://x.com/a?b=1 agora.",
                "See https://x.com/a?b=1 now."
            )
            .is_empty()
        );
        assert!(run("Veja o site https://x.com/a?b=1.", "See the site.").is_empty());
    }

    #[test]
    fn spanish_target_needs_inverted_marks() {
        let f = Fixture::with_langs("en", "es", &[(&["Who will pay?"], &["Quién pagará?"])]);
        let out = f.run(&PunctuationCheck);
        assert_eq!(out.len(), 1);
        assert!(out[0].message.contains('¿'));
        let f = Fixture::with_langs("en", "es", &[(&["Who will pay?"], &["¿Quién pagará?"])]);
        assert!(f.run(&PunctuationCheck).is_empty());
    }

    #[test]
    fn english_target_needs_no_inverted_marks() {
        let f = Fixture::with_langs("es", "en", &[(&["¿Quién pagará?"], &["Who will pay?"])]);
        assert!(f.run(&PunctuationCheck).is_empty());
    }

    #[test]
    fn unmatched_links_are_left_alone() {
        let f = Fixture::links(&[(&["Quem?"], &[])]);
        assert!(f.run(&PunctuationCheck).is_empty());
    }
}
