//! Escaping of untrusted text (file names, sentences, messages quoting them)
//! for each output context. File names and file contents come from people
//! the pipeline owner may not trust: nothing they hold may move the cursor,
//! retitle a terminal, reorder text with bidi controls unseen, or start a CI
//! workflow command (`::cmd::` at a line start, or the legacy `##[cmd]`
//! anywhere in a line).
//!
//! One function per context: [`terminal`] (human and short reports,
//! stderr), [`display_char`] (sentence text laid out cell by cell),
//! [`github_data`] and [`github_property`] (workflow commands),
//! [`patch_path`] (unified-diff headers), [`html`] and [`visible`] (text
//! shown to people inside JSON/SARIF).

use std::borrow::Cow;
use std::fmt::Write as _;

/// Bidirectional formatting characters: they reorder how text around them
/// is displayed (CVE-2021-42574, "Trojan Source").
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// A character that must never reach an output raw: C0/C1 controls, DEL
/// and bidi controls.
pub fn is_dangerous(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn push_escaped(out: &mut String, c: char) {
    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
}

/// Controls and bidi controls as visible `\u{1b}` escapes; everything else
/// as it is. For text shown to people inside JSON or SARIF, where the
/// serialiser already escapes for the format itself.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_dangerous) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_dangerous(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text for a terminal or a CI log (human and short reports, stderr): one
/// line, controls and bidi controls escaped visibly, `::` at the start of a
/// word and `##[` defused so no wrapped line can start a workflow command.
pub fn terminal(s: &str) -> Cow<'_, str> {
    let risky = s.chars().any(is_dangerous) || s.contains("::") || s.contains("##[");
    if !risky {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let word_start = prev.is_none_or(char::is_whitespace);
        let command_start = c == ':' && next == Some(':') && word_start;
        let legacy_command = c == '[' && out.ends_with("##");
        if is_dangerous(c) || command_start || legacy_command {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    Cow::Owned(out)
}

/// [`terminal`] for multi-line messages (errors on stderr): each line
/// escaped, the line breaks kept.
pub fn terminal_lines(s: &str) -> String {
    s.split('\n')
        .map(|l| terminal(l.strip_suffix('\r').unwrap_or(l)).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The character shown for `c` in a sentence laid out one cell per
/// character (the human report's text rows, where carets must stay under
/// their characters). Whitespace controls become a space, other C0
/// controls and DEL their control picture (ESC → ␛), C1 and bidi controls
/// U+FFFD, and the `[` of `##[` a full-width bracket.
pub fn display_char(prev: &str, c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'),
        '\u{7f}' => '\u{2421}',
        '[' if prev.ends_with("##") => '［',
        c if is_dangerous(c) => '\u{FFFD}',
        c => c,
    }
}

/// A GitHub workflow command's message (after the second `::`): the
/// runner's own escapes for `%`, CR and LF, other controls and bidi
/// controls as visible `\u{…}` escapes.
pub fn github_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if is_dangerous(c) => push_escaped(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// A workflow command property value (`file=…`, `title=…`), where `:` and
/// `,` are separators too.
pub fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A path in a unified-diff header (`--- a/PATH`). A name with controls,
/// bidi controls, `"`, `\` or `##[` is written as git does: in double
/// quotes with C escapes, which `git apply` and GNU patch read back.
pub fn patch_path(path: &str) -> String {
    let needs_quotes = path
        .chars()
        .any(|c| is_dangerous(c) || c == '"' || c == '\\')
        || path.contains("##[")
        || path.contains("::");
    if !needs_quotes {
        return path.to_string();
    }
    let mut out = String::from("\"");
    let mut prev = String::new();
    for c in path.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '[' if prev.ends_with("##") => out.push_str("\\133"),
            ':' if prev.ends_with(':') => out.push_str("\\072"),
            c if is_dangerous(c) => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "\\{b:03o}");
                }
            }
            c => out.push(c),
        }
        prev.push(c);
    }
    out.push('"');
    out
}

/// Text inside HTML element content or a quoted attribute value: markup
/// characters as entities, controls and bidi controls as visible escapes,
/// and `::` at a line or word start and the `[` of `##[` as character
/// references, which a browser shows unchanged but a CI log never runs.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let word_start = prev.is_none_or(char::is_whitespace);
        let next = chars.peek().copied();
        prev = Some(c);
        match c {
            ':' if word_start && next == Some(':') => out.push_str("&#58;"),
            '[' if out.ends_with("##") => out.push_str("&#91;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if is_dangerous(c) => push_escaped(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// Serialised JSON made safe to print in a CI log, with the same data:
/// bidi controls and the `[` of `##[` become `\uXXXX` escapes, which every
/// JSON reader decodes back to the same characters.
pub fn json(serialised: &str) -> Cow<'_, str> {
    if !serialised.chars().any(is_bidi_control) && !serialised.contains("##[") {
        return Cow::Borrowed(serialised);
    }
    let mut out = String::with_capacity(serialised.len() + 16);
    for c in serialised.chars() {
        if is_bidi_control(c) || (c == '[' && out.ends_with("##")) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Writes a JSON value pretty-printed, through [`json`], and a newline.
pub fn write_json(out: &mut dyn std::io::Write, v: &serde_json::Value) -> std::io::Result<()> {
    write_json_streamed(out, v)
}

/// Serialises `v` pretty-printed straight to `out` through [`JsonWriter`],
/// and a newline: the same bytes as [`json`] of the whole text, without
/// ever holding that text.
pub fn write_json_streamed<T: serde::Serialize + ?Sized>(
    out: &mut dyn std::io::Write,
    v: &T,
) -> std::io::Result<()> {
    let mut w = JsonWriter::new(out);
    serde_json::to_writer_pretty(&mut w, v)?;
    std::io::Write::write_all(&mut w, b"\n")?;
    w.finish()
}

/// A writer that applies [`json`] to serialised JSON as it streams
/// through, buffered. Call [`JsonWriter::finish`] at the end.
pub struct JsonWriter<'w> {
    inner: &'w mut dyn std::io::Write,
    buf: Vec<u8>,
    /// The start of a character split between two writes.
    partial: Vec<u8>,
    /// How many `#` end the output so far (at most 2).
    hashes: u8,
}

const JSON_BUFFER: usize = 64 * 1024;

impl<'w> JsonWriter<'w> {
    pub fn new(inner: &'w mut dyn std::io::Write) -> JsonWriter<'w> {
        JsonWriter {
            inner,
            buf: Vec::with_capacity(JSON_BUFFER + 64),
            partial: Vec::new(),
            hashes: 0,
        }
    }

    /// Writes out what is buffered (a dangling partial character as it is).
    pub fn finish(mut self) -> std::io::Result<()> {
        let partial = std::mem::take(&mut self.partial);
        self.buf.extend_from_slice(&partial);
        std::io::Write::flush(&mut self)
    }

    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            if is_bidi_control(c) || (c == '[' && self.hashes >= 2) {
                let _ = std::io::Write::write_fmt(
                    &mut self.buf,
                    format_args!("\\u{:04x}", u32::from(c)),
                );
                self.hashes = 0;
                continue;
            }
            let mut b = [0u8; 4];
            self.buf.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
            self.hashes = if c == '#' {
                (self.hashes + 1).min(2)
            } else {
                0
            };
        }
    }

    /// Escapes the valid UTF-8 of `bytes`; keeps an incomplete last
    /// character for the next write; passes invalid bytes through.
    fn push_bytes(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            match std::str::from_utf8(bytes) {
                Ok(s) => {
                    self.push_str(s);
                    return;
                }
                Err(e) => {
                    let (ok, rest) = bytes.split_at(e.valid_up_to());
                    self.push_str(std::str::from_utf8(ok).unwrap_or_default());
                    match e.error_len() {
                        None => {
                            self.partial.extend_from_slice(rest);
                            return;
                        }
                        Some(n) => {
                            self.buf.extend_from_slice(&rest[..n]);
                            self.hashes = 0;
                            bytes = &rest[n..];
                        }
                    }
                }
            }
        }
    }
}

impl std::io::Write for JsonWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.partial.is_empty() {
            self.push_bytes(bytes);
        } else {
            let mut joined = std::mem::take(&mut self.partial);
            joined.extend_from_slice(bytes);
            self.push_bytes(&joined);
        }
        if self.buf.len() >= JSON_BUFFER {
            self.inner.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.write_all(&self.buf)?;
        self.buf.clear();
        self.inner.flush()
    }
}

/// Whether the GitHub Actions runner would read `line` as a workflow
/// command: `::` after leading whitespace, or `##[` anywhere (legacy form).
pub fn is_workflow_command(line: &str) -> bool {
    line.trim_start().starts_with("::") || line.contains("##[")
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVIL: &str = "evil\n::error title=INJECTED::x\n::add-mask::secret\n\u{1b}[2J\u{1b}]0;T\u{7}x\u{202e}txt.exe";

    #[test]
    fn terminal_escapes_controls_and_bidi_visibly() {
        let t = terminal(EVIL);
        assert!(!t.chars().any(is_dangerous), "{t}");
        assert!(t.contains("\\u{1b}[2J"), "{t}");
        assert!(t.contains("\\u{7}") && t.contains("\\u{202e}"), "{t}");
        assert!(t.contains("\\u{a}\\u{3a}:error"), "{t}");
        assert_eq!(terminal("plain café"), "plain café");
    }

    #[test]
    fn terminal_defuses_commands_at_word_starts_only() {
        assert_eq!(terminal("::error::x"), "\\u{3a}:error::x");
        assert_eq!(terminal("a ::warning"), "a \\u{3a}:warning");
        assert_eq!(terminal("std::io"), "std::io");
        assert_eq!(terminal("x ##[error]y"), "x ##\\u{5b}error]y");
        for word in terminal("a ::b ::c ##[d]").split(' ') {
            assert!(!is_workflow_command(word), "{word}");
        }
    }

    #[test]
    fn terminal_lines_keep_breaks_but_defuse_each_line() {
        let t = terminal_lines("first\n::error::x\n  ::warning::y");
        assert_eq!(t.lines().count(), 3);
        assert!(t.lines().all(|l| !is_workflow_command(l)), "{t}");
    }

    #[test]
    fn display_chars_keep_one_cell_per_character() {
        assert_eq!(display_char("", '\u{1b}'), '␛');
        assert_eq!(display_char("", '\u{7}'), '␇');
        assert_eq!(display_char("", '\n'), ' ');
        assert_eq!(display_char("", '\u{202e}'), '\u{FFFD}');
        assert_eq!(display_char("a##", '['), '［');
        assert_eq!(display_char("a#", '['), '[');
        assert_eq!(display_char("", 'é'), 'é');
    }

    #[test]
    fn github_escapes_runner_specials_and_controls() {
        assert_eq!(github_data("50% a\nb\r"), "50%25 a%0Ab%0D");
        assert_eq!(github_property("a:b,c%"), "a%3Ab%2Cc%25");
        let d = github_data(EVIL);
        assert!(!d.contains('\n') && !d.chars().any(is_dangerous), "{d}");
        assert!(d.contains("\\u{1b}") && d.contains("\\u{202e}"), "{d}");
    }

    #[test]
    fn patch_paths_are_quoted_as_git_does() {
        assert_eq!(patch_path("en/a.md"), "en/a.md");
        assert_eq!(patch_path("en/ação.md"), "en/ação.md");
        assert_eq!(patch_path("a\nb\u{1b}.txt"), "\"a\\nb\\033.txt\"");
        assert_eq!(patch_path("a\"b"), "\"a\\\"b\"");
        assert_eq!(patch_path("x\u{202e}y"), "\"x\\342\\200\\256y\"");
        assert!(!patch_path("##[error]").contains("##["));
    }

    #[test]
    fn html_escapes_markup_and_controls() {
        assert_eq!(
            html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(html("a\u{1b}b\u{202e}"), "a\\u{1b}b\\u{202e}");
        let h = html("x\n::error::y ##[add-mask]z");
        assert!(h.lines().all(|l| !is_workflow_command(l)), "{h}");
    }

    #[test]
    fn json_escapes_keep_the_data() {
        let v = serde_json::json!({"t": "a ##[add-mask]b \u{202e}c\u{1b}"});
        let s = serde_json::to_string_pretty(&v).unwrap();
        let e = json(&s);
        assert!(!e.contains("##[") && !e.contains('\u{202e}'), "{e}");
        let back: serde_json::Value = serde_json::from_str(&e).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn json_writer_matches_json_in_any_chunks() {
        let s = "{\"t\": \"a ##[x ###[y #[z \u{202e}é\u{2066}\u{61c}##\", \"##\": \"[\"}";
        let want = json(s);
        assert_ne!(want, s);
        for chunk in [1, 2, 3, 5, 64] {
            let mut out = Vec::new();
            let mut w = JsonWriter::new(&mut out);
            for piece in s.as_bytes().chunks(chunk) {
                std::io::Write::write_all(&mut w, piece).unwrap();
            }
            w.finish().unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), want, "chunks of {chunk}");
        }
    }

    #[test]
    fn streamed_json_is_the_escaped_text() {
        let v = serde_json::json!({"t": "a ##[add-mask]b \u{202e}c\u{1b}", "n": [1, 2]});
        let mut out = Vec::new();
        write_json_streamed(&mut out, &v).unwrap();
        let want = format!("{}\n", json(&serde_json::to_string_pretty(&v).unwrap()));
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    #[test]
    fn visible_leaves_clean_text_alone() {
        assert!(matches!(visible("fine"), Cow::Borrowed(_)));
        assert_eq!(visible("a\u{0}b"), "a\\u{0}b");
    }
}
