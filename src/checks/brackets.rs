//! The `brackets` check: `()`, `[]` and `{}` unbalanced in the target where
//! the source is not unbalanced the same way (a parenthetical that runs over
//! several sentences is unbalanced on both sides and passes), and, as info,
//! a parenthetical of the source that has no brackets in the target
//! (translators often turn one into commas or dashes on purpose).
//!
//! A closing bracket of a list marker (`a)`, `2)`) or a smiley (`:)`) is not
//! counted, unless a bracket of its kind is open: then the marker shape is
//! the end of a parenthetical such as "(Dec. 10)".

use super::{Check, Context};
use crate::finding::{Finding, Severity};

pub struct BracketsCheck;

const PAIRS: [(char, char); 3] = [('(', ')'), ('[', ']'), ('{', '}')];

/// A bracket that counts, with its byte offset.
fn brackets(text: &str) -> Vec<(usize, char)> {
    // Most sentences have none: a byte scan spares them the char list.
    if !text
        .bytes()
        .any(|b| matches!(b, b'(' | b')' | b'[' | b']' | b'{' | b'}'))
    {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut open = [0usize; 3];
    for (k, &(i, c)) in chars.iter().enumerate() {
        let Some(pair) = PAIRS.iter().position(|&(o, cl)| c == o || c == cl) else {
            continue;
        };
        if c == PAIRS[pair].0 {
            open[pair] += 1;
        } else {
            let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|x| x.1);
            // Smileys: ":)", ";)", ":-)".
            if matches!(prev, Some(':' | ';' | '-' | '=')) {
                continue;
            }
            // List markers: "a)" or "2)" at the start or after a space.
            let before2 = k.checked_sub(2).and_then(|p| chars.get(p)).map(|x| x.1);
            let before3 = k.checked_sub(3).and_then(|p| chars.get(p)).map(|x| x.1);
            let marker = |p: Option<char>, b: Option<char>| {
                p.is_some_and(char::is_alphanumeric) && b.is_none_or(char::is_whitespace)
            };
            let two_digit = prev.is_some_and(|p| p.is_ascii_digit())
                && before2.is_some_and(|p| p.is_ascii_digit())
                && before3.is_none_or(char::is_whitespace);
            if open[pair] == 0 && (marker(prev, before2) || two_digit) {
                continue;
            }
            open[pair] = open[pair].saturating_sub(1);
        }
        out.push((i, c));
    }
    out
}

/// Opening minus closing count per bracket pair.
fn deltas(text: &str) -> [i64; 3] {
    let mut d = [0i64; 3];
    for (_, c) in brackets(text) {
        for (k, &(o, cl)) in PAIRS.iter().enumerate() {
            if c == o {
                d[k] += 1;
            } else if c == cl {
                d[k] -= 1;
            }
        }
    }
    d
}

/// The first bracket of pair `k` that has no partner: a stray closer, or
/// else the last opener left open.
fn first_unmatched(text: &str, k: usize) -> Option<(usize, char)> {
    let (o, cl) = PAIRS[k];
    let mut stack = Vec::new();
    for (i, c) in brackets(text) {
        if c == o {
            stack.push((i, c));
        } else if c == cl && stack.pop().is_none() {
            return Some((i, c));
        }
    }
    stack.pop()
}

impl Check for BracketsCheck {
    fn id(&self) -> &'static str {
        "brackets"
    }
    fn description(&self) -> &'static str {
        "Unbalanced brackets in the target, or a parenthetical of the source dropped"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for v in &ctx.views {
            if v.source.is_empty() || v.target.is_empty() {
                continue;
            }
            let (s, t) = (&v.source.text, &v.target.text);
            let ds = deltas(s);
            let dt = deltas(t);
            let mut reported = false;
            for k in 0..PAIRS.len() {
                if dt[k] == 0 || dt[k] == ds[k] {
                    continue;
                }
                if let Some((i, c)) = first_unmatched(t, k) {
                    let what = if c == PAIRS[k].0 {
                        "is never closed"
                    } else {
                        "has no opening bracket"
                    };
                    out.push(
                        Finding::new(
                            self.id(),
                            self.default_severity(),
                            format!("unbalanced brackets: '{c}' {what}"),
                        )
                        .link(v.index)
                        .target_span(i..i + c.len_utf8()),
                    );
                    reported = true;
                }
            }
            if reported {
                continue;
            }
            let opens = |x: &str| brackets(x).iter().filter(|b| b.1 == '(').count();
            if opens(s) > 0 && opens(t) == 0 {
                let i = s.find('(').unwrap_or(0);
                out.push(
                    Finding::new(
                        self.id(),
                        Severity::Info,
                        "the source has a parenthetical; the target has no brackets",
                    )
                    .link(v.index)
                    .source_span(i..i + 1),
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
        Fixture::pair(s, t).run(&BracketsCheck)
    }

    #[test]
    fn unclosed_bracket_in_target() {
        let out = run(
            "O Banco Central (BC) subiu os juros.",
            "The Central Bank (BC raised rates.",
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
        assert_eq!(out[0].target_span, Some(17..18));
        assert!(out[0].message.contains("never closed"));
    }

    #[test]
    fn stray_closer_in_target() {
        let out = run("O BC (Banco Central) subiu.", "The BC Central Bank) rose.");
        assert_eq!(out.len(), 1);
        assert!(out[0].message.contains("no opening"));
    }

    #[test]
    fn square_brackets_count_too() {
        let out = run("Ele [o ministro] disse.", "He [the minister said.");
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn balanced_target_passes() {
        assert!(run("O BC (Banco Central) subiu.", "The BC (Central Bank) rose.").is_empty());
    }

    #[test]
    fn same_imbalance_as_source_passes() {
        // A parenthetical over two sentences, split the same way on both sides.
        assert!(run("(Ele chegou ontem.", "(He arrived yesterday.").is_empty());
    }

    #[test]
    fn list_markers_and_smileys_are_not_brackets() {
        assert!(
            run(
                "Há duas opções: a) sair; b) ficar :)",
                "There are two options: a) leave; b) stay :)"
            )
            .is_empty()
        );
        assert!(run("Itens: 1) um, 12) doze.", "Items: 1) one, 12) twelve.").is_empty());
    }

    #[test]
    fn a_date_in_brackets_closes_its_bracket() {
        // "10)" and "5)" end an open parenthetical, not a list item.
        assert!(
            run(
                "A reunião foi nesta terça-feira (10).",
                "The meeting was held on Tuesday (Mar. 10)."
            )
            .is_empty()
        );
        assert!(run("Ele votou (5).", "He voted (item 5).").is_empty());
        // A list marker after a closed parenthetical is still a marker.
        assert!(run("Opções (duas): a) sim.", "Options (two): a) yes.").is_empty());
    }

    #[test]
    fn a_bracket_opened_after_a_marker_is_still_reported() {
        // The marker comes before the bracket: it closes nothing.
        let out = run("Opções: a) sim (talvez).", "Options: a) yes (maybe.");
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Warning);
        assert!(out[0].message.contains("never closed"));
    }

    #[test]
    fn dropped_parenthetical_is_info() {
        let out = run(
            "O Banco Central (BC) subiu os juros.",
            "The Central Bank raised rates.",
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Info);
        assert_eq!(out[0].source_span, Some(16..17));
    }

    #[test]
    fn unmatched_links_are_left_alone() {
        let f = Fixture::links(&[(&[], &["Added (oops."])]);
        assert!(f.run(&BracketsCheck).is_empty());
    }
}
