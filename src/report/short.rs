//! `--format short`: one line per finding, `file:line:col: severity[rule]: message`,
//! the shape compilers print and editors jump to. A document-level finding
//! has no line and column: `file: severity[rule]: message`.

use super::Report;
use crate::pipeline::PairResult;
use std::io::{self, Write};

pub struct ShortReport;

/// Keeps a field on one line: control and bidi characters become `\u{…}`
/// escapes, and nothing can start a CI workflow command.
fn one_line(s: &str) -> String {
    super::escape::terminal(s).into_owned()
}

impl Report for ShortReport {
    fn render(&self, results: &[PairResult], out: &mut dyn Write) -> io::Result<()> {
        for r in results {
            for f in &r.findings {
                let place = match super::primary_location(r, f) {
                    Some(loc) => format!("{}:{}:{}", one_line(&loc.path), loc.start.0, loc.start.1),
                    None => one_line(&super::document_path(r)),
                };
                writeln!(
                    out,
                    "{place}: {}[{}]: {}",
                    f.severity,
                    f.rule,
                    one_line(&f.message)
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    fn render(r: PairResult) -> String {
        let mut out = Vec::new();
        ShortReport.render(&[r], &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_line_per_finding_at_the_span() {
        let s = render(fixture::result());
        assert_eq!(s.lines().count(), fixture::result().findings.len());
        // “Araqchi” starts at column 24 of target line 1.
        assert!(s.starts_with("news/en.txt:1:24: error[name]: "), "{s}");
        insta::assert_snapshot!(s);
    }

    #[test]
    fn control_characters_stay_on_the_line() {
        let mut r = fixture::result();
        r.findings[0].message = "a\nb\r::error::x".into();
        let s = render(r);
        assert_eq!(s.lines().count(), 5, "{s}");
        assert!(s.lines().all(|l| !l.starts_with("::")), "{s}");
    }
}
