//! `--format github`: GitHub Actions workflow commands that annotate the
//! files of a pull request (`::error file=…,line=…::message`).

use super::Report;
use crate::finding::Severity;
use crate::pipeline::PairResult;
use std::io::{self, Write};

pub struct GithubReport;

use super::escape::{github_data as data, github_property as property};

impl Report for GithubReport {
    fn render(&self, results: &[PairResult], out: &mut dyn Write) -> io::Result<()> {
        for r in results {
            for f in &r.findings {
                let cmd = match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                let mut props = Vec::new();
                match super::primary_location(r, f) {
                    Some(loc) => {
                        props.push(format!("file={}", property(&loc.path)));
                        props.push(format!("line={}", loc.start.0));
                        if loc.end.0 != loc.start.0 {
                            // Columns may only be given on a one-line range.
                            props.push(format!("endLine={}", loc.end.0));
                        } else {
                            // GitHub's end column is inclusive.
                            let end = loc.end.1.saturating_sub(1).max(loc.start.1);
                            props.push(format!("col={}", loc.start.1));
                            props.push(format!("endColumn={end}"));
                        }
                    }
                    None => props.push(format!("file={}", property(&super::document_path(r)))),
                }
                props.push(format!(
                    "title={}",
                    property(&format!("transcheck({})", f.rule))
                ));
                let mut msg = f.message.clone();
                if let Some(s) = &f.suggestion {
                    msg.push_str(&format!(" ({})", super::hint(super::found_text(r, f), s)));
                }
                writeln!(out, "::{cmd} {}::{}", props.join(","), data(&msg))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_per_workflow_command_rules() {
        assert_eq!(data("50% a\nb\r"), "50%25 a%0Ab%0D");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}

#[cfg(test)]
mod snapshots {
    use super::*;

    #[test]
    fn annotations() {
        let mut out = Vec::new();
        GithubReport
            .render(&[crate::report::fixture::result()], &mut out)
            .unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(
            s.starts_with(
                "::error file=news/en.txt,line=1,col=24,endColumn=30,title=transcheck(name)::"
            ),
            "{s}"
        );
        assert!(s.contains("::notice "), "{s}");
        insta::assert_snapshot!(s);
    }
}
