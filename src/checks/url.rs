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
    let mut s = s;
    loop {
        let t = s.trim_end_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '"' | '’' | '”' | '»' | '…'
            )
        });
        // A run of `_` is a masked tag or placeholder written right after
        // the address (`…/meditation/</i>` in a catalogue), not part of it.
        let u = if t.ends_with("__") {
            t.trim_end_matches('_')
        } else {
            t
        };
        if u.len() == s.len() {
            return s;
        }
        s = u;
    }
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

/// The spans of `items`, sorted (they do not overlap).
fn spans(items: &[Item]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = items.iter().map(|i| i.span.clone()).collect();
    out.sort_by_key(|r| r.start);
    out
}

/// A test that a range overlaps none of `taken` (sorted, not overlapping),
/// for ranges asked in text order, as a regex's matches come: it walks
/// `taken` once, so a text with many URLs costs linear time.
fn free_of(taken: &[Range<usize>]) -> impl FnMut(&Range<usize>) -> bool + '_ {
    let mut i = 0;
    move |r| {
        while taken.get(i).is_some_and(|t| t.end <= r.start) {
            i += 1;
        }
        taken.get(i).is_none_or(|t| t.start >= r.end)
    }
}

/// A byte scan for what every match of [`EMAIL`], [`URL`] or [`HANDLE`]
/// needs: an `@`, a `://`, `www.`, or a dot before an ASCII letter (the
/// first letter of a listed top-level domain). Most sentences have none,
/// and the regexes cost far more than this.
fn may_hold_address(text: &str) -> bool {
    let b = text.as_bytes();
    text.contains('@')
        || text.contains("://")
        || text.match_indices('.').any(|(i, _)| {
            b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
                || (i >= 3 && b[i - 3..i].eq_ignore_ascii_case(b"www"))
        })
}

/// URLs, emails and handles in `text`, in order, without overlaps.
pub(crate) fn extract(text: &str) -> Vec<Item> {
    // No pattern matches across whitespace (each stops at it, and `\b`
    // reads whitespace and the end of a text alike), and every match holds
    // an `@`, a `:` or a `.`: only the words around those bytes are read,
    // and the regexes run only on the words the byte scan lets through (a
    // line with "U.S." does not send the whole line through them).
    let mut items = Vec::new();
    let mut read_to = 0;
    for i in memchr::memchr3_iter(b'@', b':', b'.', text.as_bytes()) {
        if i < read_to {
            continue;
        }
        let start = text[..i]
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        read_to = text[i..]
            .find(char::is_whitespace)
            .map_or(text.len(), |k| i + k);
        let word = &text[start..read_to];
        if may_hold_address(word) {
            items.extend(extract_line(word).into_iter().map(|mut m| {
                m.span = m.span.start + start..m.span.end + start;
                m
            }));
        }
    }
    items
}

/// [`extract`] on text that may hold an address.
fn extract_line(text: &str) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
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
    let emails = spans(&items);
    let mut free = free_of(&emails);
    for m in URL.find_iter(text) {
        let t = trim_trailing(m.as_str());
        let r = m.start()..m.start() + t.len();
        // "e.g" and friends are not caught by the TLD list; a URL must not
        // sit inside an email address; a scheme alone ("https://)") is a
        // word about addresses, not one.
        if t.is_empty() || !free(&r) || url_key(t).is_empty() {
            continue;
        }
        items.push(Item {
            kind: Kind::Url,
            span: r,
            text: t.to_string(),
            key: url_key(t),
        });
    }
    let taken = spans(&items);
    let mut free = free_of(&taken);
    for m in HANDLE.find_iter(text) {
        let r = m.range();
        let before = text[..r.start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') || !free(&r) {
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

/// Whether the link target `t` of a marked-up file is the source's `s`,
/// localised for the target language (`/pt/docs/` ↔ `/en/docs/`).
pub(crate) fn link_localised(s: &str, t: &str, ctx: &Context) -> bool {
    let item = |x: &str| {
        let x = x.trim();
        let (kind, key) = match x.strip_prefix("mailto:") {
            Some(m) => (Kind::Email, m.to_lowercase()),
            None => (Kind::Url, url_key(x)),
        };
        Item {
            kind,
            span: 0..0,
            text: x.to_string(),
            key,
        }
    };
    localised(&item(s), &item(t), ctx)
}

/// A link target on the same site: a path or a fragment, no scheme or host
/// (`/noticias/greve`, `../guia/`, `#parametros`).
pub(crate) fn is_relative(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && !s.starts_with("//")
        && !s.contains("://")
        && !s.to_ascii_lowercase().starts_with("mailto:")
        && s.split(['/', '?', '#'])
            .next()
            .is_none_or(|head| !head.contains('.') || head.starts_with('.'))
}

/// Two relative link targets of one shape: as many path segments, and a
/// query and a fragment on both or neither (`/api/request` and `/api#req`
/// differ in shape: another page, not the same page's slug translated).
pub(crate) fn same_shape(s: &str, t: &str) -> bool {
    let shape = |x: &str| {
        let x = x.trim();
        let path_end = x.find(['?', '#']).unwrap_or(x.len());
        (
            x[..path_end].trim_end_matches('/').split('/').count(),
            x.contains('?'),
            x.contains('#'),
        )
    };
    shape(s) == shape(t)
}

/// Relative link targets whose changed path segments and fragment are the
/// source's slugs translated (`/noticias/estado-greve` ↔
/// `/news/state-strike`): as many segments, and in each changed one a slug
/// word the pair's lexicon translates (or a shared word).
pub(crate) fn slug_translated(s: &str, t: &str, ctx: &Context) -> bool {
    let parts = |x: &str| -> Vec<String> {
        x.trim()
            .trim_end_matches('/')
            .split(['/', '#', '?'])
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (parts(s), parts(t));
    if !is_relative(s) || !is_relative(t) || !same_shape(s, t) || a.len() != b.len() {
        return false;
    }
    let slug = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
    };
    let changed: Vec<(&String, &String)> = a.iter().zip(&b).filter(|(x, y)| x != y).collect();
    let words = |p: &str| -> Vec<String> {
        p.split(['-', '_'])
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_string)
            .collect()
    };
    !changed.is_empty()
        && changed.iter().all(|(x, y)| slug(x) && slug(y))
        && changed.iter().all(|(x, y)| {
            let (ws, wt) = (words(x), words(y));
            ws.iter()
                .any(|w| wt.iter().any(|v| v == w || translated_word(w, v, ctx)))
        })
}

/// Whether `t` is `s` localised for the target language.
fn localised(s: &Item, t: &Item, ctx: &Context) -> bool {
    if s.kind != t.kind {
        return false;
    }
    if ctx
        .url_map
        .iter()
        .any(|(a, b)| mapped(s, t, &map_key(s.kind, a), &map_key(s.kind, b)))
    {
        return true;
    }
    let lang = ctx.target_profile.code.as_str();
    match s.kind {
        Kind::Url => {
            let (sh, sp) = split_host(&s.key);
            let (th, tp) = split_host(&t.key);
            let src_lang = ctx.source_profile.code.as_str();
            let hosts = same_host(sh, th, lang)
                || example_hosts(sh, th, ctx)
                || example_subdomain(sh, th, ctx);
            hosts
                && (same_but_locale(sp, tp, lang)
                    || locale_only_on_one_side(sp, tp, src_lang, lang))
        }
        Kind::Email => {
            let (Some((sl, sh)), Some((tl, th))) = (s.key.split_once('@'), t.key.split_once('@'))
            else {
                return false;
            };
            (same_host(sh, th, lang) || example_hosts(sh, th, ctx))
                && (same_mailbox(sl, tl, lang) || translated_word(sl, tl, ctx))
        }
        // `@example` in a pattern, said with the target's word (`@ejemplo`).
        Kind::Handle => {
            let word = |k: &str, words: &[String]| {
                let k = k.trim_start_matches('@');
                words.iter().any(|w| w == k)
            };
            word(&s.key, &ctx.source_profile.words.example_words)
                && word(&t.key, &ctx.target_profile.words.example_words)
        }
    }
}

/// A url-map entry normalised like the items it is compared with.
fn map_key(kind: Kind, s: &str) -> String {
    match kind {
        Kind::Url => url_key(s),
        _ => s.to_lowercase(),
    }
}

/// `s` starts with the map's source prefix, `t` with its target prefix,
/// and the rest is the same.
fn mapped(s: &Item, t: &Item, a: &str, b: &str) -> bool {
    !a.is_empty()
        && matches!(
            (s.key.strip_prefix(a), t.key.strip_prefix(b)),
            (Some(x), Some(y)) if x == y
        )
}

fn split_host(key: &str) -> (&str, &str) {
    match key.find(['/', '?', '#']) {
        Some(i) => (&key[..i], &key[i..]),
        None => (key, ""),
    }
}

/// A locale code such as `pt`, `pt-br`, `pt_BR`: its language.
fn locale_lang(tok: &str) -> Option<String> {
    let t = tok.to_ascii_lowercase();
    let (lang, region) = match t.split_once(['-', '_']) {
        Some((l, r)) => (l, Some(r)),
        None => (t.as_str(), None),
    };
    let region_ok = region
        .is_none_or(|r| (2..=4).contains(&r.len()) && r.chars().all(|c| c.is_ascii_alphanumeric()));
    (lang.len() == 2 && region_ok && crate::lang::is_iso639_1(lang)).then(|| lang.to_string())
}

/// Hosts equal but for a country suffix (`.com.br` ↔ `.com`) or a leading
/// language label (`pt.wikipedia.org` ↔ `en.wikipedia.org`).
fn same_host(a: &str, b: &str, lang: &str) -> bool {
    fn bare(h: &str) -> &str {
        let parts: Vec<&str> = h.rsplitn(3, '.').collect();
        // `example.com.br`: a generic second level and a country code.
        if parts.len() == 3
            && parts[0].len() == 2
            && ["com", "org", "net", "gov", "edu", "co"].contains(&parts[1])
        {
            return &h[..h.len() - 3];
        }
        h
    }
    if bare(a) == bare(b) {
        return true;
    }
    match (a.split_once('.'), b.split_once('.')) {
        (Some((la, ra)), Some((lb, rb))) => {
            locale_lang(la).is_some()
                && locale_lang(lb).as_deref() == Some(lang)
                && bare(ra) == bare(rb)
        }
        _ => false,
    }
}

/// An example host written with each language's word for "example"
/// (`example.com` → `exemple.com`, `beispiel.de`): the catalogue localises
/// the illustration, the address points nowhere either way.
fn example_hosts(a: &str, b: &str, ctx: &Context) -> bool {
    fn named(h: &str, words: &[String]) -> bool {
        let h = h.strip_prefix("www.").unwrap_or(h);
        h.split_once('.')
            .is_some_and(|(first, _)| words.iter().any(|w| w == first))
    }
    named(a, &ctx.source_profile.words.example_words)
        && named(b, &ctx.target_profile.words.example_words)
}

/// A host whose registered name (the label before the last, or the
/// second level under a country code) is a word for "example"
/// (`example.com`, `ant.example.com`, `example.com.br`).
fn is_example_host(h: &str, words: &[String]) -> bool {
    let labels: Vec<&str> = h.split('.').collect();
    let n = labels.len();
    (n >= 2 && words.iter().any(|w| w == labels[n - 2]))
        || (n >= 3 && labels[n - 1].len() == 2 && words.iter().any(|w| w == labels[n - 3]))
}

/// Hosts under the same example domain, a leading label translated as
/// the illustration is (`ant.example.com` → `formiga.example.com`).
fn example_subdomain(a: &str, b: &str, ctx: &Context) -> bool {
    let words = &ctx.source_profile.words.example_words;
    let (Some((la, ra)), Some((lb, rb))) = (a.split_once('.'), b.split_once('.')) else {
        return false;
    };
    ra == rb && is_example_host(ra, words) && translated_word(la, lb, ctx)
}

/// Paths and queries equal but for locale parts, the target's in the
/// target language (`/en/docs?lang=en` ↔ `/pt/docs?lang=pt`).
fn same_but_locale(a: &str, b: &str, lang: &str) -> bool {
    let split = |s: &str| -> Vec<String> {
        s.trim_end_matches('/')
            .split(['/', '?', '&', '=', '#'])
            .map(str::to_string)
            .collect()
    };
    let (x, y) = (split(a), split(b));
    x.len() == y.len()
        && x.iter().zip(&y).all(|(p, q)| {
            p == q || (locale_lang(p).is_some() && locale_lang(q).as_deref() == Some(lang))
        })
}

/// Paths equal but for one locale segment only one side has: a site whose
/// default language lives at the root (`/docs/` ↔ `/pt/docs/`, and back
/// from `/pt/docs/` to `/docs/`). The segment names that side's language.
fn locale_only_on_one_side(a: &str, b: &str, src_lang: &str, tgt_lang: &str) -> bool {
    let split = |s: &str| -> Vec<String> {
        s.trim_end_matches('/')
            .split(['/', '?', '&', '=', '#'])
            .map(str::to_string)
            .collect()
    };
    // `longer` is `shorter` with one path segment naming `lang` inserted.
    let inserted = |longer: &[String], shorter: &[String], lang: &str| {
        longer.len() == shorter.len() + 1
            && !shorter.iter().any(|p| locale_lang(p).is_some())
            && (1..longer.len()).any(|i| {
                locale_lang(&longer[i]).as_deref() == Some(lang)
                    && longer[..i] == shorter[..i]
                    && longer[i + 1..] == shorter[i..]
            })
    };
    // Only path segments: a query or fragment is not where a locale goes.
    let path_end = |s: &str| s.find(['?', '#']).unwrap_or(s.len());
    let (x, y) = (split(a), split(b));
    let (px, py) = (
        split(&a[..path_end(a)]).len(),
        split(&b[..path_end(b)]).len(),
    );
    let in_path = |longer: &[String], plen: usize| {
        (1..plen.min(longer.len())).any(|i| locale_lang(&longer[i]).is_some())
    };
    (inserted(&y, &x, tgt_lang) && in_path(&y, py))
        || (inserted(&x, &y, src_lang) && in_path(&x, px))
}

/// A word of the source and one of the target the pair's lexicon lists as
/// translations (`example` ↔ `exemplo` as a mailbox name).
fn translated_word(s: &str, t: &str, ctx: &Context) -> bool {
    use crate::lexicon::Side;
    let Some(lex) = &ctx.lexicon else {
        return false;
    };
    let word = |w: &str| w.len() >= 3 && w.chars().all(char::is_alphabetic);
    if !word(s) || !word(t) {
        return false;
    }
    let tc = lex.concepts(Side::Target, t);
    lex.concepts(Side::Source, s).iter().any(|c| tc.contains(c))
}

/// Mailbox names that are the same word in two languages (`contato` ↔
/// `contact`, `suporte` ↔ `support`) or differ by a locale tag (`info-pt`).
fn same_mailbox(a: &str, b: &str, lang: &str) -> bool {
    let strip = |s: &str| -> String {
        for sep in ['-', '_', '.'] {
            if let Some((head, tail)) = s.rsplit_once(sep)
                && locale_lang(tail).is_some()
            {
                return head.to_string();
            }
        }
        s.to_string()
    };
    let _ = lang;
    let (a, b) = (strip(a), strip(b));
    if a == b {
        return true;
    }
    let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    prefix >= 3 && strsim::normalized_levenshtein(&a, &b) >= 0.6
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
            let missing = unmatched(&src, &tgt, &mut used, ctx);
            for s in missing {
                out.push(self.missing(s, &tgt, &mut used).link(v.index));
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

/// The source items with no counterpart in the target: neither the same
/// item nor a localised one. `used` marks the target items taken.
fn unmatched<'s>(src: &'s [Item], tgt: &[Item], used: &mut [bool], ctx: &Context) -> Vec<&'s Item> {
    let mut missing = Vec::new();
    for s in src {
        match tgt
            .iter()
            .enumerate()
            .find(|(j, t)| !used[*j] && t.key == s.key)
        {
            Some((j, _)) => used[j] = true,
            None => missing.push(s),
        }
    }
    // A localised counterpart (`/pt/` ↔ `/en/`, `.com.br` ↔ `.com`,
    // `contato@` ↔ `contact@`, the config's url-map) is no change.
    missing.retain(|s| {
        let found = tgt
            .iter()
            .enumerate()
            .find(|(j, t)| !used[*j] && localised(s, t, ctx));
        if let Some((j, _)) = found {
            used[j] = true;
        }
        found.is_none()
    });
    missing
}

impl UrlCheck {
    /// The finding for source item `s` with no counterpart: changed when a
    /// leftover target item of the same kind is there (and takes it),
    /// else missing.
    fn missing(&self, s: &Item, tgt: &[Item], used: &mut [bool]) -> Finding {
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
                // No suggestion: the target may point at a page
                // localised on purpose, and a fix never rewrites a URL.
                .target_span(t.span.clone())
                .found(t.text.clone())
            }
            None => Finding::new(
                self.id(),
                self.default_severity(),
                format!("{} {} is missing in the target", s.kind.name(), s.text),
            ),
        };
        f.source_span(s.span.clone()).expected(s.text.clone())
    }
}

#[cfg(test)]
mod localised_tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    fn run(src: &str, tgt: &str, sl: &str, tl: &str) -> Vec<Finding> {
        Fixture::with_langs(sl, tl, &[(&[src], &[tgt])]).run(&UrlCheck)
    }

    #[test]
    fn locale_path_parts_may_change_to_the_target_language() {
        assert!(
            run(
                "See https://example.com/pt/docs/a.",
                "See https://example.com/en/docs/a.",
                "pt",
                "en"
            )
            .is_empty()
        );
        assert!(
            run(
                "See https://docs.x.org/en/master/man/.",
                "Veja https://docs.x.org/pt-br/master/man/.",
                "en",
                "pt"
            )
            .is_empty()
        );
        assert!(
            run(
                "See https://x.org/a?lang=en.",
                "Veja https://x.org/a?lang=pt_BR.",
                "en",
                "pt"
            )
            .is_empty()
        );
        // The wrong target locale, another path or another host stay errors.
        assert_eq!(
            run(
                "See https://example.com/pt/docs.",
                "See https://example.com/es/docs.",
                "pt",
                "en"
            )
            .len(),
            1
        );
        assert_eq!(
            run(
                "See https://example.com/pt/docs.",
                "See https://example.com/en/blog.",
                "pt",
                "en"
            )
            .len(),
            1
        );
        assert_eq!(
            run(
                "See https://example.com/pt/docs.",
                "See https://evil.com/en/docs.",
                "pt",
                "en"
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_locale_segment_only_the_target_has_is_no_change() {
        // The default language at the root, the translation under /pt/.
        for (s, t) in [
            (
                "https://fastapi.tiangolo.com",
                "https://fastapi.tiangolo.com/pt",
            ),
            (
                "https://x.dev/async/#in-a-hurry",
                "https://x.dev/pt/async/#in-a-hurry",
            ),
            ("https://x.dev/docs/a/", "https://x.dev/docs/pt-br/a/"),
        ] {
            assert!(
                run(
                    &format!("See {s} now."),
                    &format!("Veja {t} agora."),
                    "en",
                    "pt"
                )
                .is_empty(),
                "{s} -> {t}"
            );
        }
        // Back to the root from the source's locale.
        assert!(
            run(
                "Veja https://x.dev/pt/a agora.",
                "See https://x.dev/a now.",
                "pt",
                "en"
            )
            .is_empty()
        );
        // Another language inserted, a locale in the query, or a second
        // change stay errors.
        for (s, t) in [
            ("https://x.dev/a", "https://x.dev/es/a"),
            ("https://x.dev/a", "https://x.dev/a?pt"),
            ("https://x.dev/a", "https://x.dev/pt/b"),
            ("https://x.dev/en/a", "https://x.dev/en/pt/a"),
        ] {
            assert_eq!(
                run(
                    &format!("See {s} now."),
                    &format!("Veja {t} agora."),
                    "en",
                    "pt"
                )
                .len(),
                1,
                "{s} -> {t}"
            );
        }
    }

    #[test]
    fn country_suffix_and_language_subdomain() {
        assert!(
            run(
                "Veja exemplo.com.br/ajuda.",
                "See exemplo.com/ajuda.",
                "pt",
                "en"
            )
            .is_empty()
        );
        assert!(
            run(
                "Veja https://pt.wikipedia.org/wiki/X.",
                "See https://en.wikipedia.org/wiki/X.",
                "pt",
                "en"
            )
            .is_empty()
        );
        assert_eq!(
            run(
                "Veja exemplo.com.br/ajuda.",
                "See outro.com/ajuda.",
                "pt",
                "en"
            )
            .len(),
            1
        );
    }

    #[test]
    fn an_example_host_in_the_target_language() {
        for (t, tl) in [
            ("Le nom du site (par exemple exemple.com)", "fr"),
            ("Der Name (z. B. beispiel.de)", "de"),
            ("El nombre (ej. www.ejemplo.com/a)", "es"),
            ("Escreva a info@exemplo.com.br.", "pt"),
        ] {
            let s = if t.contains("/a") {
                "The name (eg www.example.com/a)"
            } else if t.contains('@') {
                "Write to info@example.com."
            } else {
                "The name of the site (eg example.com)"
            };
            assert!(run(s, t, "en", tl).is_empty(), "{t}");
        }
        // Another host, another path or another mailbox is still a change.
        for t in [
            "Le nom du site (par exemple autre.com)",
            "Le nom du site (par exemple exemple.com/b)",
        ] {
            assert_eq!(
                run("The site (eg example.com/a)", t, "en", "fr").len(),
                1,
                "{t}"
            );
        }
        assert_eq!(
            run(
                "Write to info@example.com.",
                "Écrire à vente@exemple.com.",
                "en",
                "fr"
            )
            .len(),
            1
        );
        assert_eq!(
            run("See mysite.com.", "Voir exemple.com.", "en", "fr").len(),
            1
        );
    }

    #[test]
    fn a_translated_label_under_an_example_domain_and_an_example_handle() {
        let (s, t) = (
            "The id, e.g. cat.example.com",
            "O id, por exemplo gato.example.com",
        );
        assert!(
            run(s, t, "en", "pt").is_empty(),
            "{:?}",
            run(s, t, "en", "pt")
        );
        // Another label, or the same label under another domain, changes.
        let t = "O id, por exemplo carro.example.com";
        assert_eq!(run(s, t, "en", "pt").len(), 1);
        let (s, t) = (
            "The id, e.g. cat.mysite.com",
            "O id, por exemplo gato.mysite.com",
        );
        assert_eq!(run(s, t, "en", "pt").len(), 1);
        // `@example` in a pattern, said with the target's word.
        let s = "Patterns such as '^.*@example\\.org'";
        assert!(run(s, "Padrões como '^.*@exemplo\\.org'", "en", "pt").is_empty());
        assert_eq!(
            run(s, "Padrões como '^.*@outro\\.org'", "en", "pt").len(),
            1
        );
    }

    #[test]
    fn translated_mailbox_on_the_same_host() {
        assert!(
            run(
                "Escreva a contato@folha.com.br.",
                "Write to contact@folha.com.",
                "pt",
                "en"
            )
            .is_empty()
        );
        assert!(
            run(
                "Escreva a suporte@x.com.",
                "Write to support@x.com.",
                "pt",
                "en"
            )
            .is_empty()
        );
        assert_eq!(
            run(
                "Escreva a contato@folha.com.br.",
                "Write to contact@evil.com.",
                "pt",
                "en"
            )
            .len(),
            1
        );
        assert_eq!(
            run(
                "Escreva a contato@x.com.",
                "Write to sales@x.com.",
                "pt",
                "en"
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_mailbox_the_lexicon_translates_on_the_same_host() {
        // ORCID's Portuguese catalogue: an example address, localised.
        let ok = run(
            "Use the format example@email.com",
            "Utilize o formato exemplo@email.com",
            "en",
            "pt",
        );
        assert!(ok.is_empty(), "{ok:?}");
        // Another person, or another host, is still a change.
        for (s, t) in [
            ("Write to joe@x.com.", "Escreva a ana@x.com."),
            ("Use example@email.com", "Use exemplo@evil.com"),
        ] {
            assert_eq!(run(s, t, "en", "pt").len(), 1, "{s} / {t}");
        }
    }

    #[test]
    fn url_map_from_the_config() {
        let mut f = Fixture::with_langs(
            "pt",
            "en",
            &[(&["Escreva a ouvidoria@x.com."], &["Write to press@x.com."])],
        );
        assert_eq!(f.run(&UrlCheck).len(), 1);
        let ctx = {
            f.glossary = crate::glossary::Glossary::default();
            let mut c = f.ctx();
            c.url_map = vec![("ouvidoria@".into(), "press@".into())];
            let mut out = Vec::new();
            UrlCheck.check(&c, &mut out);
            out
        };
        assert!(ctx.is_empty(), "{ctx:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    #[test]
    fn a_scheme_alone_is_no_address() {
        assert!(extract("absolute if it starts with http:// or https://)").is_empty());
        let f = crate::checks::testutil::Fixture::with_langs(
            "en",
            "de",
            &[(
                &["Absolute if it starts with http:// or https://)"],
                &["Absolut, wenn sie mit http:// oder https:// beginnt"],
            )],
        )
        .run(&UrlCheck);
        assert!(f.is_empty(), "{f:#?}");
    }

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        extract(text)
            .into_iter()
            .map(|i| (i.kind, i.text))
            .collect()
    }

    #[test]
    fn the_byte_scan_never_hides_an_address() {
        let texts = [
            "x.com",
            "WWW.1",
            "ftp://1",
            "a@b.c",
            "@ab",
            "e.g. this",
            "g1.globo.com/x",
            "Fim.Outro",
            "HTTPS://X",
            "Custa 1.5 mil. Fim.",
            "sem nada aqui",
        ];
        for t in texts {
            assert!(extract_line(t).is_empty() || may_hold_address(t), "{t}");
        }
        assert!(!may_hold_address("Custa 1.5 mil. Fim."));
        assert!(!may_hold_address("sem nada aqui"));
    }

    #[test]
    fn a_document_read_word_by_word_gives_what_one_pass_gives() {
        let doc = "Veja g1.globo.com/a e x@y.com.br\nsiga @folha. www.c.pt\u{a0}U.S.\n\nfim https://a.org/b.\n";
        let all =
            |v: Vec<Item>| -> Vec<_> { v.into_iter().map(|i| (i.kind, i.span, i.text)).collect() };
        let found = all(extract(doc));
        assert_eq!(found.len(), 5, "{found:?}");
        assert_eq!(found, all(extract_line(doc)));
    }

    proptest::proptest! {
        #[test]
        fn word_by_word_is_one_pass(doc in "[a-zA-Z0-9@./:_+-]{0,6}([ \n\u{a0}\u{2003}]{1,2}[a-zA-Z0-9@./:_+“«-]{0,8}){0,6}") {
            let all = |v: Vec<Item>| -> Vec<_> {
                v.into_iter().map(|i| (i.kind, i.span, i.text, i.key)).collect()
            };
            proptest::prop_assert_eq!(all(extract(&doc)), all(extract_line(&doc)));
        }
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
    fn a_masked_tag_after_an_address_is_not_part_of_it() {
        // if-me's catalogue: `…/meditation/</i>` with the tag masked.
        assert_eq!(
            kinds("Adaptado de http://www.mindful.org/a-five/____ hoje"),
            vec![(Kind::Url, "http://www.mindful.org/a-five/".into())]
        );
        assert_eq!(
            kinds("Veja https://x.org/a_b_ e https://x.org/c."),
            vec![
                (Kind::Url, "https://x.org/a_b_".into()),
                (Kind::Url, "https://x.org/c".into())
            ]
        );
    }

    #[test]
    fn urls_inside_emails_and_handles_inside_both_are_dropped() {
        assert_eq!(
            kinds("a@b.com.br @bob x.com/@handle y@mail.org www.c.pt @zed"),
            vec![
                (Kind::Email, "a@b.com.br".into()),
                (Kind::Handle, "@bob".into()),
                (Kind::Url, "x.com/@handle".into()),
                (Kind::Email, "y@mail.org".into()),
                (Kind::Url, "www.c.pt".into()),
                (Kind::Handle, "@zed".into()),
            ]
        );
    }

    #[test]
    fn many_urls_cost_linear_time() {
        // The overlap test once compared every URL with every item found
        // before it: hours for 100,000 of each. The cap only catches that.
        let text = "see www.site.com/a and me@mail.org or @who; ".repeat(100_000);
        let t = std::time::Instant::now();
        let items = extract(&text);
        assert_eq!(items.len(), 300_000);
        assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
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
    fn changed_url_is_an_error_without_a_rewrite() {
        let f = Fixture::pair(
            "Mais em https://www.gov.br/saude.",
            "More at https://www.gov.br/saud.",
        );
        let out = f.run(&UrlCheck);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Error);
        assert_eq!(out[0].suggestion, None);
        assert_eq!(out[0].expected.as_deref(), Some("https://www.gov.br/saude"));
        assert_eq!(out[0].found.as_deref(), Some("https://www.gov.br/saud"));
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
