//! gettext PO/POT: entries with msgctxt, msgid, msgid_plural and msgstr[N],
//! flags (`fuzzy`, `python-format`, …); obsolete (`#~`) entries and the
//! header are skipped. A hand parser of the PO grammar (no crate keeps byte
//! offsets), line by line, so every string maps back to its file bytes.
//! Plural forms: msgstr[0] pairs with msgid, the others with msgid_plural
//! (with one form only, msgstr[0] pairs with msgid_plural); a missing or
//! extra form against the header's `nplurals` is reported as an issue.

use super::protect;
use super::{Bilingual, Format, FormatError, Piece, ReadOptions, Unit};
use crate::checks::placeholder::Syntaxes;
use crate::input::Document;

/// One PO entry as parsed.
#[derive(Debug, Default)]
struct Entry {
    ctxt: Option<Piece>,
    id: Option<Piece>,
    plural: Option<Piece>,
    /// (form index, text); a plain `msgstr` is form 0.
    strs: Vec<(usize, Piece)>,
    flags: Vec<String>,
    /// The English of an entry keyed by an identifier, from a Zope-style
    /// extracted comment `#. Default: "…"`.
    default: Option<Piece>,
    /// Byte offset of the entry's first keyword line.
    at: usize,
}

/// Which string a continuation line extends.
#[derive(Clone, Copy)]
enum Field {
    Ctxt,
    Id,
    Plural,
    Str(usize),
}

impl Entry {
    fn is_empty(&self) -> bool {
        self.id.is_none() && self.ctxt.is_none() && self.strs.is_empty()
    }

    fn field(&mut self, f: Field) -> Option<&mut Piece> {
        match f {
            Field::Ctxt => self.ctxt.as_mut(),
            Field::Id => self.id.as_mut(),
            Field::Plural => self.plural.as_mut(),
            Field::Str(_) => self.strs.last_mut().map(|s| &mut s.1),
        }
    }
}

/// Parses the quoted string starting at `line[q..]` (at the `"`), whose
/// line starts at byte `base` of the file, into `piece`.
fn parse_string(
    doc: &Document,
    line: &str,
    base: usize,
    q: usize,
    piece: &mut Piece,
) -> Result<(), FormatError> {
    let bytes = line.as_bytes();
    if bytes.get(q) != Some(&b'"') {
        return Err(FormatError::at(
            doc,
            base + q,
            "expected a quoted string; PO strings are written \"…\"",
        ));
    }
    let mut i = q + 1;
    let mut run = i;
    loop {
        let Some(&b) = bytes.get(i) else {
            return Err(FormatError::at(
                doc,
                base + q,
                "unterminated string; close it with \" on the same line",
            ));
        };
        match b {
            b'"' => {
                piece.push_verbatim(&line[run..i], base + run);
                let rest = line[i + 1..].trim();
                if !rest.is_empty() && !rest.starts_with('#') {
                    return Err(FormatError::at(
                        doc,
                        base + i,
                        "text after the closing quote; escape inner quotes as \\\"",
                    ));
                }
                return Ok(());
            }
            b'\\' => {
                piece.push_verbatim(&line[run..i], base + run);
                let (decoded, len) = unescape(&line[i..]);
                piece.push_decoded(&decoded, base + i, len);
                i += len;
                run = i;
            }
            _ => i += 1,
        }
    }
}

/// Decodes one escape sequence at the start of `s` (which starts with `\`):
/// the text and how many bytes it took.
fn unescape(s: &str) -> (String, usize) {
    let b = s.as_bytes();
    let Some(&c) = b.get(1) else {
        return ("\\".into(), 1);
    };
    let simple = match c {
        b'n' => Some('\n'),
        b't' => Some('\t'),
        b'r' => Some('\n'),
        b'"' => Some('"'),
        b'\\' => Some('\\'),
        b'\'' => Some('\''),
        b'?' => Some('?'),
        b'a' | b'b' | b'f' | b'v' => Some(' '),
        _ => None,
    };
    if let Some(ch) = simple {
        return (ch.to_string(), 2);
    }
    if c.is_ascii_digit() {
        let n = b[1..]
            .iter()
            .take(3)
            .take_while(|d| (b'0'..=b'7').contains(d))
            .count();
        let v = u32::from_str_radix(&s[1..1 + n.max(1)], 8).unwrap_or(32);
        return (decoded_char(v), 1 + n.max(1));
    }
    if c == b'x' {
        let n = b[2..]
            .iter()
            .take(2)
            .take_while(|d| d.is_ascii_hexdigit())
            .count();
        if n > 0 {
            let v = u32::from_str_radix(&s[2..2 + n], 16).unwrap_or(32);
            return (decoded_char(v), 2 + n);
        }
    }
    // An unknown escape: keep the character after the backslash.
    let ch = s[1..].chars().next().unwrap_or('\\');
    (ch.to_string(), 1 + ch.len_utf8())
}

/// A char from an escaped code; controls become a space (checks read prose).
fn decoded_char(v: u32) -> String {
    match char::from_u32(v) {
        Some(c) if !c.is_control() || c == '\n' || c == '\t' => c.to_string(),
        _ => " ".into(),
    }
}

/// Parses the file into entries, skipping obsolete ones.
fn entries(doc: &Document) -> Result<Vec<Entry>, FormatError> {
    let text = &doc.text;
    let mut p = EntryParser::default();
    let mut base = 0;
    for raw in text.split_inclusive('\n') {
        let line_base = base;
        base += raw.len();
        let line = raw.trim_end_matches('\n');
        let lead = line.len() - line.trim_start().len();
        let t = line.trim_start();
        if t.is_empty() {
            p.field = None;
        } else if let Some(c) = t.strip_prefix('#') {
            p.comment(c);
            p.default_text(doc, line, line_base, lead + 1);
        } else if t.starts_with('"') {
            p.continuation(doc, line, line_base, lead)?;
        } else {
            p.keyword_line(doc, line, line_base, lead)?;
        }
    }
    if !p.cur.is_empty() {
        p.out.push(p.cur);
    }
    Ok(p.out)
}

/// The entries read so far, the entry being read and the field its last
/// string went to.
#[derive(Default)]
struct EntryParser {
    out: Vec<Entry>,
    cur: Entry,
    field: Option<Field>,
}

impl EntryParser {
    /// A comment line (`c` after the `#`); `#,` carries the flags.
    fn comment(&mut self, c: &str) {
        // A comment after strings starts the next entry.
        if !self.cur.strs.is_empty() {
            self.out.push(std::mem::take(&mut self.cur));
        }
        self.field = None;
        if let Some(flags) = c.strip_prefix(',') {
            self.cur.flags.extend(
                flags
                    .split(',')
                    .map(|f| f.trim().to_string())
                    .filter(|f| !f.is_empty()),
            );
        }
    }

    /// `#. Default: "…"` at `line[c..]`: the entry's source text when its
    /// msgid is an identifier. A comment is free text, so a malformed one
    /// is no error.
    fn default_text(&mut self, doc: &Document, line: &str, line_base: usize, c: usize) {
        let rest = &line[c..];
        let Some(after) = rest
            .strip_prefix('.')
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix("Default:"))
        else {
            return;
        };
        let q = line.len() - after.trim_start().len();
        let mut piece = Piece::default();
        if parse_string(doc, line, line_base, q, &mut piece).is_ok() {
            self.cur.default = Some(piece);
        }
    }

    /// A line holding only a string: it continues the last keyword's.
    fn continuation(
        &mut self,
        doc: &Document,
        line: &str,
        line_base: usize,
        lead: usize,
    ) -> Result<(), FormatError> {
        let Some(f) = self.field else {
            return Err(FormatError::at(
                doc,
                line_base,
                "a string with no keyword before it; start it with msgid, msgstr or msgctxt",
            ));
        };
        let Some(p) = self.cur.field(f) else {
            return Err(FormatError::at(
                doc,
                line_base,
                "a continuation line out of place",
            ));
        };
        parse_string(doc, line, line_base, lead, p)
    }

    /// A keyword and its string (`msgid "…"`); a new msgctxt or msgid
    /// after a msgstr begins a new entry.
    fn keyword_line(
        &mut self,
        doc: &Document,
        line: &str,
        line_base: usize,
        lead: usize,
    ) -> Result<(), FormatError> {
        let t = line.trim_start();
        let kw_end = t.find(|c: char| c.is_whitespace()).unwrap_or(t.len());
        let kw = &t[..kw_end];
        let q = lead + kw_end + (t[kw_end..].len() - t[kw_end..].trim_start().len());
        let f = keyword(doc, kw, line_base)?;
        let starts_entry = matches!(f, Field::Ctxt | Field::Id);
        if starts_entry && !self.cur.strs.is_empty() {
            self.out.push(std::mem::take(&mut self.cur));
        }
        if self.cur.is_empty() {
            self.cur.at = line_base;
        }
        let mut piece = Piece::default();
        parse_string(doc, line, line_base, q, &mut piece)?;
        match f {
            Field::Ctxt => self.cur.ctxt = Some(piece),
            Field::Id => self.cur.id = Some(piece),
            Field::Plural => self.cur.plural = Some(piece),
            Field::Str(n) => self.cur.strs.push((n, piece)),
        }
        self.field = Some(f);
        Ok(())
    }
}

fn keyword(doc: &Document, kw: &str, at: usize) -> Result<Field, FormatError> {
    Ok(match kw {
        "msgctxt" => Field::Ctxt,
        "msgid" => Field::Id,
        "msgid_plural" => Field::Plural,
        "msgstr" => Field::Str(0),
        _ => {
            let n = kw
                .strip_prefix("msgstr[")
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|&n| n < 100);
            match n {
                Some(n) => Field::Str(n),
                None => {
                    return Err(FormatError::at(
                        doc,
                        at,
                        format!(
                            "unknown keyword '{}'; a PO line starts with msgctxt, msgid, msgid_plural, msgstr, msgstr[N], \" or #",
                            kw.chars().take(40).collect::<String>()
                        ),
                    ));
                }
            }
        }
    })
}

/// `Language` and `nplurals` from the header's text.
fn header_fields(text: &str) -> (Option<String>, Option<usize>) {
    let mut lang = None;
    let mut nplurals = None;
    for l in text.lines() {
        if let Some(v) = l.strip_prefix("Language:") {
            let v = v.trim();
            let code: String = v.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
            if code.len() == 2 {
                lang = Some(code.to_ascii_lowercase());
            }
        }
        if let Some(v) = l.strip_prefix("Plural-Forms:")
            && let Some(i) = v.find("nplurals=")
        {
            let n: String = v[i + 9..]
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            nplurals = n.parse().ok().filter(|&n| (1..=10).contains(&n));
        }
    }
    (lang, nplurals)
}

/// Placeholder syntaxes an entry's flags declare.
fn syntaxes(flags: &[String]) -> Syntaxes {
    let has = |f: &str| flags.iter().any(|x| x == f);
    if has("python-brace-format") {
        return Syntaxes::BRACES;
    }
    if has("python-format") || has("c-format") || has("php-format") || has("sh-format") {
        return Syntaxes::PRINTF;
    }
    let mut s = Syntaxes::ALL;
    if has("no-python-format") || has("no-c-format") {
        s.printf = false;
    }
    if has("no-python-brace-format") {
        s.braces = false;
    }
    s
}

/// Reads a PO file into units.
pub fn read(doc: Document, opts: &ReadOptions) -> Result<Bilingual, FormatError> {
    let all = entries(&doc)?;
    let mut units = Vec::new();
    let mut notices = Vec::new();
    let (mut lang, mut nplurals) = (None, None);
    let (mut fuzzy, mut empty, mut keyed) = (0, 0, 0);
    for e in all {
        let Some(id) = &e.id else {
            return Err(FormatError::at(
                &doc,
                e.at,
                "an entry without msgid; every entry needs one",
            ));
        };
        if id.text.is_empty() && e.ctxt.is_none() {
            if let Some((_, h)) = e.strs.first() {
                (lang, nplurals) = header_fields(&h.text);
            }
            continue;
        }
        if e.flags.iter().any(|f| f == "fuzzy") && !opts.include_fuzzy {
            fuzzy += 1;
            continue;
        }
        if e.strs.iter().all(|(_, s)| s.text.is_empty()) {
            empty += 1;
            continue;
        }
        let source = match &e.default {
            Some(d) if !d.text.is_empty() && is_identifier(&id.text, &d.text) => d,
            _ => id,
        };
        if std::ptr::eq(source, id)
            && is_key(&id.text)
            && e.strs.iter().any(|(_, s)| is_prose(&s.text))
        {
            keyed += 1;
            continue;
        }
        units.extend(entry_units(&e, source, nplurals));
    }
    if fuzzy > 0 {
        notices.push(format!(
            "{}: {fuzzy} fuzzy entr{} skipped (check them with --include-fuzzy)",
            doc.display_path(),
            if fuzzy == 1 { "y" } else { "ies" }
        ));
    }
    if empty > 0 {
        notices.push(format!(
            "{}: {empty} untranslated entr{} (empty msgstr) not checked",
            doc.display_path(),
            if empty == 1 { "y" } else { "ies" }
        ));
    }
    if keyed > 0 {
        notices.push(format!(
            "{}: {keyed} entr{} keyed by an identifier (msgid like `list:user:notice.txt`) not checked: their source text lives elsewhere",
            doc.display_path(),
            if keyed == 1 { "y" } else { "ies" }
        ));
    }
    Ok(Bilingual {
        format: Format::Po,
        source_file: doc.clone(),
        target_file: doc,
        units,
        source_lang: None,
        target_lang: lang,
        nplurals,
        notices,
    })
}

/// Whether a msgid is an identifier rather than text: lower-case letters
/// and digits in two parts or more joined by `:`, `.`, `_` or `/`, no
/// space (`list:user:notice:refuse.txt`, `help.txt`). A catalogue keyed
/// so, its msgstr prose, holds its source text elsewhere; `e.g.` ends with
/// its separator and is text.
fn is_key(id: &str) -> bool {
    let seps = [':', '.', '_', '/'];
    let part_ok = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    id.split(seps).count() >= 2 && id.split(seps).all(part_ok)
}

/// Whether a msgid with a `Default:` text is an identifier: no space, and
/// not that text (`label_title` with `Default: "Title"`).
fn is_identifier(id: &str, default: &str) -> bool {
    !id.contains(char::is_whitespace) && id != default
}

/// Whether a keyed entry's msgstr is text that needs a source: words, or
/// a template of placeholders (`${d}.${m}.${Y}`). A file name rendered as
/// a file name (`readme.txt` → `liesmich.txt`) is checked as it is.
fn is_prose(s: &str) -> bool {
    s.contains(char::is_whitespace) || s.contains(['$', '{', '%'])
}

/// The units of one entry: one, or one per plural form; `id` is the
/// source text (the msgid, or its `Default:` text).
fn entry_units(e: &Entry, id: &Piece, nplurals: Option<usize>) -> Vec<Unit> {
    let syn = syntaxes(&e.flags);
    let msgid = e.id.as_ref().map_or(id.text.as_str(), |m| m.text.as_str());
    let key = match &e.ctxt {
        Some(c) => format!("{}\u{4}{}", c.text, msgid),
        None => msgid.to_string(),
    };
    let mut source = id.clone();
    protect(&mut source, syn);
    let Some(plural) = &e.plural else {
        let mut target = e.strs.first().map(|s| s.1.clone()).unwrap_or_default();
        protect(&mut target, syn);
        return vec![Unit {
            id: key,
            source: Some(source),
            target: Some(target),
            flags: e.flags.clone(),
            one_form: false,
        }];
    };
    let mut plural = plural.clone();
    protect(&mut plural, syn);
    let forms = nplurals.unwrap_or_else(|| e.strs.iter().map(|s| s.0 + 1).max().unwrap_or(1));
    let mut out = Vec::new();
    for n in 0..forms.max(e.strs.iter().map(|s| s.0 + 1).max().unwrap_or(0)) {
        let src = if n == 0 && forms > 1 {
            &source
        } else {
            &plural
        };
        let target = e.strs.iter().find(|s| s.0 == n).map(|s| {
            let mut t = s.1.clone();
            protect(&mut t, syn);
            t
        });
        // A form beyond nplurals has no source: an addition.
        let src = (n < forms).then(|| src.clone());
        out.push(Unit {
            id: format!("{key} [{n}]"),
            source: src,
            target: target.filter(|t| !t.text.is_empty()),
            flags: e.flags.clone(),
            one_form: n == 0 && forms > 1,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str) -> Bilingual {
        read(Document::from_text("t.po", s), &ReadOptions::default()).expect("parses")
    }

    const HEADER: &str = "msgid \"\"\nmsgstr \"\"\n\"Language: pt_BR\\n\"\n\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n\n";

    #[test]
    fn header_gives_language_and_nplurals_and_is_skipped() {
        let b = read_str(&format!("{HEADER}msgid \"Hello\"\nmsgstr \"Olá\"\n"));
        assert_eq!(b.target_lang.as_deref(), Some("pt"));
        assert_eq!(b.nplurals, Some(2));
        assert_eq!(b.units.len(), 1);
        assert_eq!(b.units[0].target.as_ref().unwrap().text, "Olá");
    }

    #[test]
    fn continuation_lines_join_and_map_to_their_line() {
        let s = "msgid \"\"\n\"Hello \"\n\"world\"\nmsgstr \"\"\n\"Olá \"\n\"mundo\"\n";
        let b = read_str(s);
        let t = b.units[0].target.as_ref().unwrap();
        assert_eq!(t.text, "Olá mundo");
        let doc = &b.target_file;
        // "mundo" sits on line 6, after the opening quote.
        let at = t.to_file(t.text.find("mundo").unwrap());
        assert_eq!(doc.line_col(at), (6, 2));
        assert_eq!(&doc.text[at..at + 5], "mundo");
    }

    #[test]
    fn escapes_decode_and_msgctxt_keys_the_unit() {
        let b = read_str(
            "msgctxt \"menu\"\nmsgid \"Say \\\"hi\\\"\\n\"\nmsgstr \"Diga \\\"oi\\\"\\n\"\n",
        );
        assert_eq!(b.units[0].id, "menu\u{4}Say \"hi\"\n");
        assert_eq!(b.units[0].target.as_ref().unwrap().text, "Diga \"oi\"\n");
    }

    #[test]
    fn entries_keyed_by_an_identifier_are_skipped_with_a_notice() {
        let b = read_str(
            "msgid \"list:user:notice:refuse.txt\"\nmsgstr \"Ihre Anfrage an ${listname}\"\n\n\
             msgid \"e.g.\"\nmsgstr \"p. ex.\"\n\n\
             msgid \"help.txt\"\nmsgstr \"Hilfe für ${listname}\"\n\n\
             msgid \"readme.txt\"\nmsgstr \"liesmich.txt\"\n",
        );
        let ids: Vec<&str> = b.units.iter().map(|u| u.id.as_str()).collect();
        // A file name rendered as a file name is text like any other.
        assert_eq!(ids, ["e.g.", "readme.txt"]);
        assert!(
            b.notices
                .iter()
                .any(|n| n.contains("2 entries keyed by an identifier"))
        );
        assert!(is_key("list:user:notice:refuse.txt"));
        assert!(!is_key("e.g."));
        assert!(!is_key("Save_As.txt"));
    }

    #[test]
    fn a_default_comment_is_the_source_of_an_identifier() {
        let b = read_str(
            "#. Default: \"Events in the next 7 days\"\n#: a.py:3\nmsgid \"week_events\"\nmsgstr \"Eventos nos próximos 8 dias\"\n\n\
             #. Default: \"Title\"\nmsgid \"Title\"\nmsgstr \"Título\"\n\n\
             #. Default: \"Say \\\"hi\\\"\"\nmsgid \"label_hi\"\nmsgstr \"Diga oi\"\n",
        );
        let pairs: Vec<(&str, &str)> = b
            .units
            .iter()
            .map(|u| (u.id.as_str(), u.source.as_ref().unwrap().text.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("week_events", "Events in the next 7 days"),
                ("Title", "Title"),
                ("label_hi", "Say \"hi\""),
            ]
        );
        // The source maps back to the comment's line.
        let s = b.units[0].source.as_ref().unwrap();
        assert_eq!(b.source_file.line_col(s.to_file(0)).0, 1);
    }

    #[test]
    fn a_keyed_template_without_a_default_is_skipped() {
        let b = read_str(
            "msgid \"date_format_short\"\nmsgstr \"${d}.${m}.${Y}\"\n\n\
             msgid \"month_apr\"\nmsgstr \"Abril\"\n",
        );
        let ids: Vec<&str> = b.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["month_apr"]);
    }

    #[test]
    fn fuzzy_obsolete_and_empty_entries_are_skipped() {
        let s = "#, fuzzy\nmsgid \"A\"\nmsgstr \"B\"\n\n#~ msgid \"Old\"\n#~ msgstr \"Velho\"\n\nmsgid \"C\"\nmsgstr \"\"\n\nmsgid \"D\"\nmsgstr \"E\"\n";
        let b = read_str(s);
        assert_eq!(b.units.len(), 1);
        assert_eq!(b.units[0].id, "D");
        assert_eq!(b.notices.len(), 2);
        let with = read(
            Document::from_text("t.po", s),
            &ReadOptions {
                include_fuzzy: true,
                ..ReadOptions::default()
            },
        )
        .unwrap();
        assert_eq!(with.units.len(), 2);
    }

    #[test]
    fn plural_forms_pair_with_singular_and_plural() {
        let s = format!(
            "{HEADER}#, python-format\nmsgid \"%d file\"\nmsgid_plural \"%d files\"\nmsgstr[0] \"%d arquivo\"\nmsgstr[1] \"%d arquivos\"\n"
        );
        let b = read_str(&s);
        assert_eq!(b.units.len(), 2);
        assert_eq!(b.units[0].source.as_ref().unwrap().text, "%d file");
        assert_eq!(b.units[1].source.as_ref().unwrap().text, "%d files");
        assert_eq!(b.units[1].target.as_ref().unwrap().protected, vec![0..2]);
    }

    #[test]
    fn only_the_singular_of_a_plural_entry_is_the_form_for_one() {
        let b = read_str(&format!(
            "{HEADER}msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"%d day\"\nmsgid_plural \"%d days\"\nmsgstr[0] \"um dia\"\nmsgstr[1] \"%d dias\"\n"
        ));
        let one: Vec<bool> = b.units.iter().map(|u| u.one_form).collect();
        assert_eq!(one, vec![false, true, false]);
    }

    #[test]
    fn a_missing_plural_form_is_a_unit_without_target() {
        let s = format!("{HEADER}msgid \"one\"\nmsgid_plural \"many\"\nmsgstr[0] \"um\"\n");
        let b = read_str(&s);
        assert_eq!(b.units.len(), 2);
        assert!(b.units[1].target.is_none());
    }

    #[test]
    fn malformed_input_is_an_error_with_a_line() {
        let e = read(
            Document::from_text("t.po", "msgid \"a\"\nmsgstr \"b\n"),
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().contains("t.po:2"), "{e}");
        let e = read(
            Document::from_text("t.po", "msgid \"a\"\nbogus \"b\"\n"),
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert!(e.message.contains("unknown keyword"), "{e}");
    }
}
