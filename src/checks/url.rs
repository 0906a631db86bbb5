//! The `url` check: a URL, email address or @handle that differs between
//! source and target. Each is compared as a multiset per link, after a light
//! normalisation (scheme, `www.`, a trailing `/` and case of the host or
//! handle do not count). Hashtags are left alone: they are often translated.

use super::{Check, Context};
use crate::finding::{Finding, Severity};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub struct UrlCheck;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Url,
    Email,
    Handle,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Url => "URL",
            Kind::Email => "email address",
            Kind::Handle => "handle",
        }
    }
}

/// One URL, email or handle found in a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub kind: Kind,
    pub span: Range<usize>,
    pub text: String,
    /// The comparison key.
    pub key: String,
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("valid email regex"));
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>{}|\\^`“”«»]+",
        r"|\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+",
        r"(?:com|org|net|gov|edu|mil|int|info|io|br|pt|uk|eu|es|fr|de|it|ar|mx|co|us|ca|au|jp|cn|in|ru|tv|me|ly|gl)",
        r"\b(?:/[^\s<>{}|\\^`“”«»]*)?"
    ))
    .expect("valid url regex")
});
static HANDLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"@[A-Za-z0-9_]{2,}").expect("valid handle regex"));

/// Punctuation that ends a sentence rather than a URL.
fn trim_trailing(s: &str) -> &str {
    s.trim_end_matches(|c: char| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '"' | '’' | '”' | '»' | '…'
        )
    })
}

pub(crate) fn url_key(s: &str) -> String {
    let lower_scheme = s.to_string();
    let rest = ["https://", "http://", "ftp://"]
        .iter()
        .find_map(|p| {
            lower_scheme
                .get(..p.len())
                .filter(|h| h.eq_ignore_ascii_case(p))
                .map(|_| &lower_scheme[p.len()..])
        })
        .unwrap_or(&lower_scheme);
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    format!("{host}{}", path.trim_end_matches('/'))
}

/// URLs, emails and handles in `text`, in order, without overlaps.
pub(crate) fn extract(text: &str) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let overlaps = |items: &[Item], r: &Range<usize>| {
        items
            .iter()
            .any(|i| i.span.start < r.end && r.start < i.span.end)
    };
    for m in EMAIL.find_iter(text) {
        let t = trim_trailing(m.as_str());
        if !t.contains('@') || t.ends_with('@') {
            continue;
        }
        items.push(Item {
            kind: Kind::Email,
            span: m.start()..m.start() + t.len(),
            text: t.to_string(),
            key: t.to_lowercase(),
        });
    }
    for m in URL.find_iter(text) {
        let t = trim_trailing(m.as_str());
        let r = m.start()..m.start() + t.len();
        // "e.g" and friends are not caught by the TLD list; a URL must not
        // sit inside an email address.
        if t.is_empty() || overlaps(&items, &r) {
            continue;
        }
        items.push(Item {
            kind: Kind::Url,
            span: r,
            text: t.to_string(),
            key: url_key(t),
        });
    }
    for m in HANDLE.find_iter(text) {
        let r = m.range();
        let before = text[..r.start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
            || overlaps(&items, &r)
        {
            continue;
        }
        items.push(Item {
            kind: Kind::Handle,
            span: r,
            text: m.as_str().to_string(),
            key: m.as_str().to_lowercase(),
        });
    }
    items.sort_by_key(|i| i.span.start);
    items
}

impl Check for UrlCheck {
    fn id(&self) -> &'static str {
        "url"
    }
    fn description(&self) -> &'static str {
        "A URL, email address or @handle that differs between source and target"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for v in &ctx.views {
            if v.source.is_empty() || v.target.is_empty() {
                continue;
            }
            let src = extract(&v.source.text);
            let tgt = extract(&v.target.text);
            if src.is_empty() && tgt.is_empty() {
                continue;
            }
            let mut used = vec![false; tgt.len()];
            let mut missing = Vec::new();
            for s in &src {
                match tgt
                    .iter()
                    .enumerate()
                    .find(|(j, t)| !used[*j] && t.key == s.key)
                {
                    Some((j, _)) => used[j] = true,
                    None => missing.push(s),
                }
            }
            for s in missing {
                // A leftover target item of the same kind is the changed one.
                let changed = tgt
                    .iter()
                    .enumerate()
                    .find(|(j, t)| !used[*j] && t.kind == s.kind);
                let f = match changed {
                    Some((j, t)) => {
                        used[j] = true;
                        Finding::new(
                            self.id(),
                            self.default_severity(),
                            format!(
                                "{} changed: source has {}, target has {}",
                                s.kind.name(),
                                s.text,
                                t.text
                            ),
                        )
                        .target_span(t.span.clone())
                        .suggestion(s.text.clone())
                    }
                    None => Finding::new(
                        self.id(),
                        self.default_severity(),
                        format!("{} {} is missing in the target", s.kind.name(), s.text),
                    ),
                };
                out.push(
                    f.link(v.index)
                        .source_span(s.span.clone())
                        .expected(s.text.clone()),
                );
            }
            for (j, t) in tgt.iter().enumerate() {
                if !used[j] {
                    out.push(
                        Finding::new(
                            self.id(),
                            Severity::Warning,
                            format!("{} {} is not in the source", t.kind.name(), t.text),
                        )
                        .link(v.index)
                        .target_span(t.span.clone()),
                    );
                }
            }
        }
        // Link and image targets of marked-up files.
        super::code::link_targets(ctx, self.id(), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        extract(text)
            .into_iter()
            .map(|i| (i.kind, i.text))
            .collect()
    }

    #[test]
    fn extracts_urls_emails_handles() {
        assert_eq!(
            kinds(
                "Veja https://g1.globo.com/economia/, escreva a leitor@folha.com.br ou siga @folha."
            ),
            vec![
                (Kind::Url, "https://g1.globo.com/economia/".into()),
                (Kind::Email, "leitor@folha.com.br".into()),
                (Kind::Handle, "@folha".into()),
            ]
        );
    }

    #[test]
    fn extracts_bare_domains_but_not_abbreviations() {
        assert_eq!(
            kinds("Segundo o site Globo.com, o U.S. e.g. etc."),
            vec![(Kind::Url, "Globo.com".into())]
        );
    }

    #[test]
    fn same_url_passes() {
        let f = Fixture::pair(
            "Mais em https://www.gov.br/saude.",
            "More at https://www.gov.br/saude.",
        );
        assert!(f.run(&UrlCheck).is_empty());
    }

    #[test]
    fn normalised_url_passes() {
        let f = Fixture::pair("Veja www.gov.br/saude/", "See https://gov.br/saude");
        assert!(f.run(&UrlCheck).is_empty());
    }

    #[test]
    fn changed_url_is_an_error_with_suggestion() {
        let f = Fixture::pair(
            "Mais em https://www.gov.br/saude.",
            "More at https://www.gov.br/saud.",
        );
        let out = f.run(&UrlCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Error);
        assert_eq!(
            out[0].suggestion.as_deref(),
            Some("https://www.gov.br/saude")
        );
        let t = &f.ctx().views[0].target.text;
        assert_eq!(
            &t[out[0].target_span.clone().unwrap()],
            "https://www.gov.br/saud"
        );
    }

    #[test]
    fn missing_email_is_an_error() {
        let f = Fixture::pair(
            "Escreva para leitor@folha.com.br.",
            "Write to the newspaper.",
        );
        let out = f.run(&UrlCheck);
        assert_eq!(out.len(), 1);
        assert!(out[0].message.contains("missing"), "{}", out[0].message);
    }

    #[test]
    fn changed_handle_is_caught_and_case_is_ignored() {
        let f = Fixture::pair("Siga @Folha no X.", "Follow @folha on X.");
        assert!(f.run(&UrlCheck).is_empty());
        let f = Fixture::pair("Siga @folha no X.", "Follow @folhaa on X.");
        assert_eq!(f.run(&UrlCheck).len(), 1);
    }

    #[test]
    fn added_url_is_a_warning() {
        let f = Fixture::pair("O relatório saiu.", "The report (reuters.com) is out.");
        let out = f.run(&UrlCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
    }

    #[test]
    fn hashtags_and_plain_text_are_left_alone() {
        let f = Fixture::pair(
            "A campanha #ForaTemer cresceu.",
            "The #OutTemer campaign grew.",
        );
        assert!(f.run(&UrlCheck).is_empty());
    }

    #[test]
    fn unmatched_links_are_left_alone() {
        let f = Fixture::links(&[(&["Veja https://a.com."], &[])]);
        assert!(f.run(&UrlCheck).is_empty());
    }
}
