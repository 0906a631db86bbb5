//! The `doubled-word` check: the same word twice in a row in the target
//! ("the the"), compared without case. Left alone: words the target profile
//! lists as legitimately repeatable ("had had"), numbers, words with
//! punctuation between them ("bye, bye"), capitalised repeats that are names
//! ("Duran Duran") and as many repeats as the source has.

use super::{Check, Context};
use crate::finding::{Finding, Severity};
use crate::text::{Word, fold, words};

pub struct DoubledWordCheck;

/// Pairs of consecutive words that are the same, separated only by spaces.
fn doubles<'a>(text: &'a str) -> Vec<(Word<'a>, Word<'a>)> {
    let ws = words(text);
    ws.windows(2)
        .filter_map(|p| {
            let (a, b) = (p[0], p[1]);
            let between = &text[a.end..b.start];
            let same = if a.text.is_ascii() && b.text.is_ascii() {
                a.text.eq_ignore_ascii_case(b.text)
            } else {
                a.text.to_lowercase() == b.text.to_lowercase()
            };
            (same && !between.is_empty() && between.chars().all(|c| c == ' ' || c == '\u{a0}'))
                .then_some((a, b))
        })
        .collect()
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl Check for DoubledWordCheck {
    fn id(&self) -> &'static str {
        "doubled-word"
    }
    fn description(&self) -> &'static str {
        "The same word twice in a row in the target"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let repeatable: Vec<String> = ctx
            .target_profile
            .words
            .repeatable
            .iter()
            .map(|w| fold(w))
            .collect();
        for v in &ctx.views {
            if v.target.is_empty() {
                continue;
            }
            let t = &v.target.text;
            // An emphatic repeat in the source ("muito, muito") licenses one
            // in the target, whatever the word.
            let mut licensed = doubles(&v.source.text)
                .iter()
                .filter(|(a, _)| !a.text.chars().any(|c| c.is_ascii_digit()))
                .count();
            for (a, b) in doubles(t) {
                let key = fold(a.text);
                if a.text.chars().any(|c| c.is_ascii_digit())
                    || repeatable.contains(&key)
                    || (is_capitalised(a.text) && is_capitalised(b.text))
                {
                    continue;
                }
                if licensed > 0 {
                    licensed -= 1;
                    continue;
                }
                out.push(
                    Finding::new(
                        self.id(),
                        self.default_severity(),
                        format!("\"{}\" is written twice", b.text),
                    )
                    .link(v.index)
                    .target_span(a.end..b.end)
                    .suggestion(""),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    fn run(s: &str, t: &str) -> Vec<Finding> {
        Fixture::pair(s, t).run(&DoubledWordCheck)
    }

    #[test]
    fn catches_the_the() {
        let out = run(
            "O ministro chegou.",
            "The minister arrived at the the airport.",
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].target_span, Some(27..31));
        assert_eq!(out[0].suggestion.as_deref(), Some(""));
    }

    #[test]
    fn catches_across_case() {
        assert_eq!(run("Ele foi.", "The the minister went.").len(), 1);
    }

    #[test]
    fn profile_repeatables_pass() {
        assert!(run("Ele já tinha saído.", "He had had enough.").is_empty());
        assert!(run("Ele disse isso.", "He said that that was wrong.").is_empty());
    }

    #[test]
    fn numbers_pass() {
        assert!(run("Placar 2 2.", "Score 2 2.").is_empty());
    }

    #[test]
    fn punctuation_between_passes() {
        assert!(run("Tchau, tchau.", "Bye, bye now.").is_empty());
    }

    #[test]
    fn names_pass() {
        assert!(run("A banda Duran Duran tocou.", "The band Duran Duran played.").is_empty());
        assert!(run("Ele citou Sirhan.", "He cited Sirhan Sirhan.").is_empty());
    }

    #[test]
    fn repeat_also_in_source_passes() {
        assert!(run("Ele disse: muito muito bom.", "He said: good good.").is_empty());
        assert!(!run("Ele disse: muito bom.", "He said: good good.").is_empty());
    }

    #[test]
    fn portuguese_target_uses_its_own_list() {
        let f = Fixture::with_langs("en", "pt", &[(&["He said that."], &["Ele disse que que."])]);
        assert!(f.run(&DoubledWordCheck).is_empty());
        let f = Fixture::with_langs("en", "pt", &[(&["At the house."], &["Na na casa."])]);
        assert_eq!(f.run(&DoubledWordCheck).len(), 1);
    }
}
