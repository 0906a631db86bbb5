//! Sentence segmentation: rule-based, driven by the language profile.
//! Owns [`Segment`], the splitting of a [`Document`] into paragraphs and
//! sentences, and the reading of presegmented files.
//!
//! Two passes, each linear in the length of the text:
//! 1. Lines are grouped into paragraphs (blank lines) and, inside a paragraph,
//!    into blocks. A line break is either hard (a heading, a byline, a list
//!    item, one paragraph per line), a soft wrap that is joined, or left to the
//!    punctuation rules.
//! 2. Inside a block, terminal punctuation (with its closing quotes and
//!    brackets) followed by a space is a boundary, unless the case of the next
//!    word, an abbreviation from the profile, an initial or an ellipsis says
//!    otherwise.

use crate::formats::Origin;
use crate::input::Document;
use crate::profile::Profile;
use serde::Serialize;
use std::collections::HashSet;

/// One sentence: a byte span into [`Document::text`], with its place in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Byte offsets into the normalised text; `text[start..end]` is trimmed.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (characters) of `start` in the file.
    pub line: usize,
    pub column: usize,
    /// 0-based paragraph number: blocks separated by blank lines, and inside
    /// a block that is not hard-wrapped prose, every line (headings, bylines,
    /// one paragraph per line).
    pub paragraph: usize,
}

impl Segment {
    pub fn text<'a>(&self, doc: &'a Document) -> &'a str {
        doc.text.get(self.start..self.end).unwrap_or("")
    }
}

/// Splits a document into sentences. A paragraph break always ends a sentence.
pub fn segment(doc: &Document, profile: &Profile) -> Vec<Segment> {
    let rules = Rules::new(profile);
    let text = doc.text.as_str();
    let mut out = Vec::new();
    let mut cursor = Cursor::default();
    for block in blocks(text, doc.origin.as_deref(), &rules) {
        split_block(text, &block, &rules, &mut |start, end| {
            cap_length(text, start, end, &mut |start, end| {
                let (line, column) = cursor.advance(text, start);
                out.push(Segment {
                    start,
                    end,
                    line,
                    column,
                    paragraph: block.paragraph,
                });
            });
        });
    }
    out
}

/// Longest segment, in characters. Real sentences are far shorter; text
/// with no sentence end (a log, a list flattened into one line, a file
/// stripped of punctuation) is cut into pieces of at most this length, so
/// every later stage works on bounded pieces and a huge input costs time in
/// proportion to its length.
pub const MAX_SEGMENT_CHARS: usize = 2_000;

/// Hands `[start, end)` to `emit`, cut at soft boundaries into pieces of at
/// most [`MAX_SEGMENT_CHARS`] characters: after the last clause mark (`,`
/// `;` `:` a dash, a closing bracket) followed by a space in the second half
/// of the allowed length, else at the last space there, else after exactly
/// that many characters. Each piece is trimmed. Linear: every cut moves on by
/// at least half the allowed length and looks at no more than that.
fn cap_length(text: &str, start: usize, end: usize, emit: &mut dyn FnMut(usize, usize)) {
    let mut s = start;
    while s < end {
        let rest = &text[s..end];
        let Some((limit, _)) = rest.char_indices().nth(MAX_SEGMENT_CHARS) else {
            emit(s, end);
            return;
        };
        let cut = soft_cut(rest, limit);
        let piece = rest[..cut].trim_end();
        if !piece.is_empty() {
            emit(s, s + piece.len());
        }
        let after = &rest[cut..];
        s += cut + (after.len() - after.trim_start().len());
    }
}

/// Where to end a piece of `rest` that must end by byte `limit`: a byte
/// offset past the first half of that.
fn soft_cut(rest: &str, limit: usize) -> usize {
    let window = &rest[..limit];
    let half = limit / 2;
    let mut space = None;
    // Backwards from the end, `next` being the char after `c`.
    let mut next = rest[limit..].chars().next();
    for (i, c) in window.char_indices().rev() {
        if i < half {
            break;
        }
        if next.is_some_and(char::is_whitespace) && !c.is_whitespace() {
            if is_clause_mark(c) {
                return i + c.len_utf8();
            }
            space = space.or(Some(i + c.len_utf8()));
        }
        next = Some(c);
    }
    space.unwrap_or_else(|| hard_cut(rest, limit))
}

/// No space to cut at: `limit`, moved back off combining marks so that a
/// letter keeps its accents (unless the window is nothing else).
fn hard_cut(rest: &str, limit: usize) -> usize {
    let mut cut = limit;
    while let Some(c) = rest[cut..].chars().next() {
        if !unicode_normalization::char::is_combining_mark(c) {
            return cut;
        }
        match rest[..cut].char_indices().next_back() {
            Some((i, _)) if i > 0 => cut = i,
            _ => return limit,
        }
    }
    cut
}

/// Punctuation that ends a clause inside a sentence.
fn is_clause_mark(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '，' | '；' | '：' | '、' | ')' | ']' | '}' | '—' | '–' | '―'
    ) || is_terminal(c)
}

/// Line and column of a moving offset: segments come in order, so counting
/// from the previous one keeps a 50 MB single line linear.
struct Cursor {
    pos: usize,
    line: usize,
    column: usize,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor {
            pos: 0,
            line: 1,
            column: 1,
        }
    }
}

impl Cursor {
    /// Moves to `to` (not before the current position) and returns its
    /// 1-based line and column in characters.
    fn advance(&mut self, text: &str, to: usize) -> (usize, usize) {
        if let Some(skipped) = text.get(self.pos..to) {
            for c in skipped.chars() {
                if c == '\n' {
                    self.line += 1;
                    self.column = 1;
                } else {
                    self.column += 1;
                }
            }
            self.pos = to;
        }
        (self.line, self.column)
    }
}

/// Lines longer than this (in characters) are paragraphs, not hard-wrapped prose.
const WRAP_MAX: usize = 120;
/// Below this width a block of lines is a list of headings, not wrapped prose.
const WRAP_MIN: usize = 60;

/// The compiled segmentation data of one profile.
struct Rules {
    non_final: HashSet<String>,
    ordinary: HashSet<String>,
    /// Abbreviations with an inner space (`p. ex`), checked against the text.
    multi_non_final: Vec<String>,
    multi_ordinary: Vec<String>,
    /// Lower-case words that usually start a sentence (articles, pronouns).
    starters: HashSet<String>,
    /// The profile's function words: a line ending in one is wrapped.
    function_words: HashSet<String>,
    /// `.` is among the profile's ordinal indicators (German "3. Oktober"):
    /// a period right after a short number marks an ordinal.
    ordinal_period: bool,
}

impl Rules {
    fn new(p: &Profile) -> Rules {
        let clean = |s: &String| s.trim().trim_end_matches('.').to_string();
        let nf: Vec<String> = p
            .segment
            .non_final_abbreviations
            .iter()
            .map(clean)
            .filter(|s| !s.is_empty())
            .collect();
        let nf_set: HashSet<&str> = nf.iter().map(String::as_str).collect();
        let ord: Vec<String> = p
            .segment
            .abbreviations
            .iter()
            .map(clean)
            .filter(|s| !s.is_empty() && !nf_set.contains(s.as_str()))
            .collect();
        let (multi_non_final, non_final): (Vec<String>, Vec<String>) =
            nf.into_iter().partition(|s| s.contains(' '));
        let (multi_ordinary, ordinary): (Vec<String>, Vec<String>) =
            ord.into_iter().partition(|s| s.contains(' '));
        let starters = p
            .segment
            .sentence_starters
            .iter()
            .chain(p.words.function_words.iter())
            .map(|w| w.trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        let function_words = p
            .words
            .function_words
            .iter()
            .map(|w| w.trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        let ordinal_period = p.segment.ordinal_indicators.iter().any(|o| o.trim() == ".");
        Rules {
            ordinal_period,
            function_words,
            non_final: non_final.into_iter().collect::<HashSet<_>>(),
            ordinary: ordinary.into_iter().collect::<HashSet<_>>(),
            multi_non_final,
            multi_ordinary,
            starters,
        }
    }
}

/// Looks a token up as written, or with its first letter lower-cased
/// (a sentence-initial `Etc.` is still `etc`).
fn in_set(set: &HashSet<String>, token: &str) -> bool {
    if set.contains(token) {
        return true;
    }
    let mut chars = token.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() => {
            let decap: String = first.to_lowercase().chain(chars).collect();
            set.contains(&decap)
        }
        _ => false,
    }
}

/// Whether `before` ends with one of the multi-word abbreviations, at a word start.
fn ends_with_any(before: &str, list: &[String]) -> bool {
    list.iter().any(|abbr| {
        let cap = capitalise(abbr);
        [abbr.as_str(), cap.as_str()].iter().any(|a| {
            before.ends_with(a)
                && before[..before.len() - a.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '‽'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '؟'
            | '۔'
            | '।'
            | '॥'
    )
}

/// Terminal marks of scripts written without spaces between sentences.
fn is_fullwidth_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Marks that close a quotation or bracket and stay with the sentence before.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '“'
            | '‘'
            | '»'
            | '›'
            | '«'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '*'
            | '_'
    )
}

/// Marks that may come before the first word of a sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '»'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '—'
            | '–'
            | '―'
            | '-'
            | '「'
            | '『'
            | '（'
            | '【'
            | '*'
            | '_'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

/// A list marker at the start of a line (`- `, `• `, `1. `, `a) `): its length
/// in bytes and whether it is a dash (which may also be a parenthetical dash).
fn list_marker(s: &str) -> Option<(usize, bool)> {
    let mut it = s.char_indices();
    let (_, first) = it.next()?;
    let followed_by_space = |at: usize| s[at..].chars().next().is_some_and(char::is_whitespace);
    if matches!(
        first,
        '-' | '*' | '•' | '·' | '–' | '—' | '―' | '‣' | '▪' | '◦' | '●' | '■' | '►' | '○'
    ) {
        let at = first.len_utf8();
        return followed_by_space(at).then_some((at, is_dash(first)));
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let mark = s.as_bytes().get(digits).copied();
        if matches!(mark, Some(b'.') | Some(b')')) && followed_by_space(digits + 1) {
            return Some((digits + 1, false));
        }
        return None;
    }
    if first.is_ascii_alphabetic() && s.as_bytes().get(1) == Some(&b')') && followed_by_space(2) {
        return Some((2, false));
    }
    None
}

/// How the text after a candidate boundary begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    Lower,
    Upper,
    Digit,
    /// A letter of a script without case, a symbol, an emoji.
    Other,
    /// Punctuation that cannot start a sentence (`,` `;` `:` closers).
    Punct,
}

/// Classifies the start of `s` past opening quotes, brackets, dashes and
/// spaces, and returns the first word as written.
fn next_start(s: &str) -> (Start, String) {
    let mut rest = s;
    for (skipped, c) in s.chars().enumerate() {
        if skipped >= 16 || !(is_opener(c) || c.is_whitespace()) {
            break;
        }
        rest = &rest[c.len_utf8()..];
    }
    let Some(c) = rest.chars().next() else {
        return (Start::Other, String::new());
    };
    let kind = if c.is_lowercase() {
        Start::Lower
    } else if c.is_uppercase() {
        Start::Upper
    } else if c.is_numeric() {
        Start::Digit
    } else if c.is_alphabetic() {
        Start::Other
    } else if matches!(c, ',' | ';' | ':' | '.' | '%' | '”' | '’' | ')' | ']' | '}')
        || is_terminal(c)
    {
        Start::Punct
    } else {
        Start::Other
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .take(32)
        .collect();
    (kind, word)
}

/// Letters separated by periods, one or two to a piece: `U.S`, `e.g`, `Ph.D`.
fn is_dotted(token: &str) -> bool {
    let mut pieces = 0;
    for piece in token.split('.') {
        let n = piece.chars().count();
        if !(1..=2).contains(&n) || !piece.chars().all(char::is_alphabetic) {
            return false;
        }
        pieces += 1;
    }
    pieces >= 2
}

/// A single capital letter: an initial (`J.`, `W.`).
fn is_initial(token: &str) -> bool {
    let mut c = token.chars();
    matches!((c.next(), c.next()), (Some(f), None) if f.is_uppercase())
}

/// What a run of terminal punctuation holds.
#[derive(Default)]
struct Run {
    question_or_bang: bool,
    dots: usize,
    ellipsis: bool,
    fullwidth: bool,
}

/// Finds the sentences of one block `[start, end)` and hands each span to `emit`.
fn split_block(text: &str, block: &Block, rules: &Rules, emit: &mut dyn FnMut(usize, usize)) {
    let (bs, be) = (block.start, block.end);
    let Some(body) = text.get(bs..be) else {
        return;
    };
    let mut seg_start = bs;
    let mut i = bs + list_marker(body).map_or(0, |(n, _)| n);
    while i < be {
        let Some(c) = text[i..be].chars().next() else {
            break;
        };
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        let run_start = i;
        let mut run = Run::default();
        let mut j = i;
        while let Some(d) = text[j..be].chars().next() {
            if is_terminal(d) {
                match d {
                    '.' => run.dots += 1,
                    '…' => run.ellipsis = true,
                    d if is_fullwidth_terminal(d) => run.fullwidth = true,
                    _ => run.question_or_bang = true,
                }
            } else if !is_closer(d) {
                break;
            }
            j += d.len_utf8();
        }
        if run.dots >= 2 {
            run.ellipsis = true;
        }
        j = spaced_closer(text, j, be);
        let Some(after) = text[j..be].chars().next() else {
            break;
        };
        if !after.is_whitespace() && !run.fullwidth {
            i = j;
            continue;
        }
        let k = j + text[j..be].len() - text[j..be].trim_start().len();
        if k >= be {
            break;
        }
        if is_boundary(text, bs, run_start, &run, &text[k..be], rules) {
            emit(seg_start, j);
            seg_start = k;
        }
        i = k;
    }
    if seg_start < be {
        emit(seg_start, be);
    }
}

/// French typography puts a space before a closing guillemet (`Oui. »`):
/// returns the end of such a closer when one follows `j`, else `j`.
fn spaced_closer(text: &str, j: usize, be: usize) -> usize {
    let rest = &text[j..be];
    let mut chars = rest.char_indices();
    match chars.next() {
        Some((_, ' ' | '\u{a0}' | '\u{202f}')) => {}
        _ => return j,
    }
    let mut end = None;
    for (i, c) in chars {
        if matches!(c, '»' | '›') {
            end = Some(i + c.len_utf8());
        } else {
            return match end {
                Some(e) if c.is_whitespace() => j + e,
                _ => j,
            };
        }
    }
    end.map_or(j, |e| j + e)
}

/// Decides whether the terminal run at `run_start` ends a sentence, given
/// the text that follows it (`next`, starting at a non-space character).
fn is_boundary(
    text: &str,
    bs: usize,
    run_start: usize,
    run: &Run,
    next: &str,
    rules: &Rules,
) -> bool {
    let (start, next_word) = next_start(next);
    if matches!(start, Start::Lower | Start::Punct) {
        return false;
    }
    let word = next_word.to_lowercase();
    if run.fullwidth || run.question_or_bang {
        return true;
    }
    let before = &text[bs..run_start];
    if run.ellipsis {
        // `(...)` and `[...]` mark a cut inside a quotation.
        if matches!(before.chars().next_back(), Some('(' | '[')) {
            return false;
        }
        return matches!(start, Start::Upper | Start::Other);
    }
    let token_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(p, c)| p + c.len_utf8());
    let token = before[token_start..]
        .trim_start_matches(is_opener)
        .trim_end_matches(is_closer);
    if token.is_empty() {
        return true;
    }
    if in_set(&rules.non_final, token) || ends_with_any(before, &rules.multi_non_final) {
        return false;
    }
    // "am 3. Oktober": in an ordinal-period language a short number before a
    // period is an ordinal unless a usual sentence start follows. Years
    // (four digits) and longer amounts keep the plain rule.
    if rules.ordinal_period
        && (1..=3).contains(&token.len())
        && token.bytes().all(|b| b.is_ascii_digit())
    {
        return start != Start::Digit && rules.starters.contains(&word);
    }
    // Before the abbreviation lists: `S.` is an initial, not seconds.
    if is_initial(token) {
        // One-letter words (`A`, `O`) are more often further initials.
        return word.chars().count() >= 2 && rules.starters.contains(&word);
    }
    let dotted = is_dotted(token);
    if dotted || in_set(&rules.ordinary, token) || ends_with_any(before, &rules.multi_ordinary) {
        if start == Start::Digit {
            return false;
        }
        // `U.S. Senate` goes on; `U.S. The` starts anew.
        if dotted && token.chars().any(char::is_uppercase) {
            return rules.starters.contains(&word);
        }
        // `10:30 a.m. ET`: a short all-capitals word after `a.m.` is a zone.
        if dotted && (2..=4).contains(&next_word.chars().count()) {
            return !next_word.chars().all(char::is_uppercase);
        }
        return true;
    }
    true
}

/// A run of text that a sentence never crosses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Block {
    start: usize,
    end: usize,
    paragraph: usize,
}

/// A non-blank line, trimmed: byte span and length in characters.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    chars: usize,
    /// The line holds placeholders only ([`placeholder_line`]).
    placeholder: bool,
}

/// What a line break inside a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    /// Ends a block: heading, byline, list item, a paragraph on its own line.
    Hard,
    /// Joins two halves of one sentence (hard-wrapped prose).
    Join,
    /// Left to the punctuation rules.
    Soft,
}

/// Splits the text into blocks: paragraphs, and hard line breaks inside them.
fn blocks(text: &str, origin: Option<&Origin>, rules: &Rules) -> Vec<Block> {
    let mut lines: Vec<Line> = Vec::new();
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut group_start = 0;
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            if lines.len() > group_start {
                groups.push((group_start, lines.len()));
                group_start = lines.len();
            }
        } else {
            let start = pos + raw.len() - raw.trim_start().len();
            let end = start + trimmed.len();
            lines.push(Line {
                start,
                end,
                chars: trimmed.chars().count(),
                placeholder: placeholder_line(trimmed, origin.map(|o| &o.raw()[start..end])),
            });
        }
        pos += raw.len();
    }
    if lines.len() > group_start {
        groups.push((group_start, lines.len()));
    }
    join_placeholder_groups(text, origin, &lines, &mut groups);
    let mut out = Vec::new();
    let mut paragraph = 0;
    for &(a, b) in &groups {
        let ls = &lines[a..b];
        let width = ls
            .iter()
            .filter(|l| text[l.start..l.end].contains(' '))
            .map(|l| l.chars)
            .max()
            .unwrap_or(0);
        // Hard-wrapped prose has short lines and at least one break that is
        // plainly inside a sentence; otherwise every line is a paragraph.
        let wrapped = width <= WRAP_MAX && ls.windows(2).any(|p| wraps(text, &p[0], &p[1], rules));
        let mut start = ls[0].start;
        for (idx, pair) in ls.windows(2).enumerate() {
            if line_break(text, &pair[0], &pair[1], width, wrapped, rules) == Break::Hard {
                out.push(Block {
                    start,
                    end: ls[idx].end,
                    paragraph,
                });
                if !wrapped {
                    paragraph += 1;
                }
                start = pair[1].start;
            }
        }
        out.push(Block {
            start,
            end: ls[ls.len() - 1].end,
            paragraph,
        });
        paragraph += 1;
    }
    out
}

/// Whether a line holds masked placeholders (`{url}`, `%(link)s`) and
/// nothing else but punctuation. A line of markup codes (`<x id="1"/>`,
/// `<br/>`) is no placeholder line: a code on a line of its own is
/// compared on its own.
fn placeholder_line(masked: &str, raw: Option<&str>) -> bool {
    masked.contains('_')
        && !masked.chars().any(char::is_alphanumeric)
        && raw.is_some_and(|r| !r.contains(['<', '>']))
}

/// A paragraph of placeholder lines after a line that ends no sentence
/// (`… at this address:`, blank line, `{url}`) belongs to that sentence,
/// unless the blank line between is the gap between two catalogue units.
fn join_placeholder_groups(
    text: &str,
    origin: Option<&Origin>,
    lines: &[Line],
    groups: &mut Vec<(usize, usize)>,
) {
    let mut k = 1;
    while k < groups.len() {
        let (a, b) = groups[k];
        let prev = &lines[groups[k - 1].1 - 1];
        let joins = lines[a..b].iter().all(|l| l.placeholder)
            && ends_open(&text[prev.start..prev.end])
            && origin.is_some_and(|o| !o.has_separator(prev.end..lines[a].start));
        if joins {
            groups[k - 1].1 = b;
            groups.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Whether a line is words that end no sentence (`… at this address:`);
/// a rule of dashes (`---`) is no sentence at all.
fn ends_open(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !ends_terminal(line)
}

fn ends_terminal(line: &str) -> bool {
    line.trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(is_terminal)
}

/// Whether the break between lines `a` and `b` is plainly inside a sentence:
/// the next line goes on in lower case, or this one ends with a comma, a
/// hyphen or a function word (`of`, `the`, `de`).
fn wraps(text: &str, a: &Line, b: &Line, rules: &Rules) -> bool {
    let at = &text[a.start..a.end];
    let bt = &text[b.start..b.end];
    if list_marker(bt).is_some() || ends_terminal(at) {
        return false;
    }
    if next_start(bt).0 == Start::Lower {
        return true;
    }
    if at.ends_with([',', ';', '-', '–', '—', '(', '[', '“', '‘', '«', '/', '&']) {
        return true;
    }
    let last = at
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    rules.function_words.contains(&last)
}

/// Decides what the line break between lines `a` and `b` of one paragraph is.
fn line_break(text: &str, a: &Line, b: &Line, width: usize, wrapped: bool, rules: &Rules) -> Break {
    let at = &text[a.start..a.end];
    let bt = &text[b.start..b.end];
    let a_terminal = ends_terminal(at);
    if let Some((len, dash)) = list_marker(bt) {
        let (after, _) = next_start(&bt[len..]);
        let a_is_item = list_marker(at).is_some();
        // A dash may be a parenthetical one continuing the line before.
        if !dash || a_is_item || a_terminal || at.ends_with(':') || after != Start::Lower {
            return Break::Hard;
        }
        return Break::Join;
    }
    // A line of placeholders only (`{url}` after "at the address:") ends
    // the sentence before it.
    if b.placeholder && ends_open(at) {
        return Break::Join;
    }
    if !wrapped {
        if !a_terminal && next_start(bt).0 == Start::Lower {
            return Break::Join;
        }
        return Break::Hard;
    }
    if a_terminal {
        return Break::Soft;
    }
    if wraps(text, a, b, rules) || (width >= WRAP_MIN && a.chars * 10 >= width * 7) {
        return Break::Join;
    }
    Break::Hard
}

/// Reads a presegmented file: one sentence per line; blank lines are ignored and
/// a line `<p>` marks a paragraph break. A line over [`MAX_SEGMENT_CHARS`] is
/// cut as a sentence without an end is.
pub fn presegmented(doc: &Document) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut pos = 0;
    for line in doc.text.split_inclusive('\n') {
        let t = line.trim();
        if t == "<p>" {
            if !out.is_empty() {
                paragraph += 1;
            }
        } else if !t.is_empty() {
            let lead = line.len() - line.trim_start().len();
            let start = pos + lead;
            cap_length(&doc.text, start, start + t.len(), &mut |start, end| {
                let (l, c) = doc.line_col(start);
                out.push(Segment {
                    start,
                    end,
                    line: l,
                    column: c,
                    paragraph,
                });
            });
        }
        pos += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split(lang: &str, text: &str) -> Vec<String> {
        let d = Document::from_text("t.txt", text);
        segment(&d, &Profile::builtin(lang))
            .iter()
            .map(|s| s.text(&d).to_string())
            .collect()
    }

    fn assert_split(lang: &str, text: &str, want: &[&str]) {
        assert_eq!(split(lang, text), want, "input: {text:?}");
    }

    #[test]
    fn presegmented_skips_blank_and_marks_paragraphs() {
        let d = Document::from_text("x", "a\n\nb\n<p>\nc\n");
        let s = presegmented(&d);
        assert_eq!(s.len(), 3);
        assert_eq!(s[2].paragraph, 1);
        assert_eq!(s[2].text(&d), "c");
    }

    /// The target sentences of a PO file's msgstrs, read as a catalogue is.
    fn split_po(entries: &[(&str, &str)]) -> Vec<String> {
        use crate::formats::{ReadOptions, po};
        let mut text = String::from("msgid \"\"\nmsgstr \"Language: de\\n\"\n\n");
        for (id, s) in entries {
            text.push_str(&format!(
                "#, python-brace-format\nmsgid \"{id}\"\nmsgstr \"{s}\"\n\n"
            ));
        }
        let bi = po::read(Document::from_text("t.po", &text), &ReadOptions::default()).unwrap();
        let doc = crate::formats::project(&bi).target;
        segment(&doc, &Profile::builtin("de"))
            .iter()
            .map(|s| doc.text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn a_placeholder_line_ends_the_sentence_before_it() {
        // After a blank line inside one msgstr.
        let s = split_po(&[("See it at\\n{url}", "Hier einsehen:\\n\\n{url}")]);
        assert_eq!(s, ["Hier einsehen:\n\n_____"]);
        // After a line break.
        let s = split_po(&[("See it at\\n{url}", "Hier einsehen:\\n{url}")]);
        assert_eq!(s, ["Hier einsehen:\n_____"]);
        // After a full stop it stays apart.
        let s = split_po(&[("Done.\\n{url}", "Fertig.\\n\\n{url}")]);
        assert_eq!(s, ["Fertig.", "_____"]);
        // So does one after a rule of dashes and a blank line.
        let s = split_po(&[("Hi\\n---\\n\\n{text}", "Hallo\\n---\\n\\n{text}")]);
        assert_eq!(s.last().map(String::as_str), Some("______"), "{s:?}");
    }

    #[test]
    fn a_placeholder_unit_or_a_code_line_is_not_joined() {
        // The next msgstr is another unit, even when it is a placeholder.
        let s = split_po(&[("Pay here:", "Hier zahlen:"), ("{url}", "{url}")]);
        assert_eq!(s, ["Hier zahlen:", "_____"]);
        // A markup code on a line of its own stays on its own.
        let s = split_po(&[("Open the page\\n<br/>", "Seite öffnen\\n<br/>")]);
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn plain_sentences() {
        assert_split(
            "en",
            "It rained. Then it stopped! Did it? Yes.",
            &["It rained.", "Then it stopped!", "Did it?", "Yes."],
        );
    }

    #[test]
    fn pt_titles_never_end_a_sentence() {
        assert_split(
            "pt",
            "O Sr. Silva e a Dra. Souza chegaram. O Prof. Lima saiu.",
            &["O Sr. Silva e a Dra. Souza chegaram.", "O Prof. Lima saiu."],
        );
        assert_split(
            "pt",
            "Mora na Av. Paulista, p. ex. no centro. Depois saiu.",
            &["Mora na Av. Paulista, p. ex. no centro.", "Depois saiu."],
        );
        assert_split(
            "pt",
            "Falou com o Gen. Heleno.",
            &["Falou com o Gen. Heleno."],
        );
    }

    #[test]
    fn en_titles_and_abbreviations() {
        assert_split(
            "en",
            "Mr. Smith met Dr. Jones in St. Louis. They talked.",
            &["Mr. Smith met Dr. Jones in St. Louis.", "They talked."],
        );
        assert_split(
            "en",
            "The U.S. Senate voted. The U.S. economy grew, e.g. in Jan. 2020.",
            &[
                "The U.S. Senate voted.",
                "The U.S. economy grew, e.g. in Jan. 2020.",
            ],
        );
        assert_split(
            "en",
            "He lives in the U.S. The rest live abroad.",
            &["He lives in the U.S.", "The rest live abroad."],
        );
        assert_split(
            "en",
            "See No. 5 and p. 34 for details.",
            &["See No. 5 and p. 34 for details."],
        );
    }

    #[test]
    fn ordinary_abbreviation_ends_before_a_capital() {
        assert_split(
            "pt",
            "Comprou frutas, legumes etc. Depois voltou.",
            &["Comprou frutas, legumes etc.", "Depois voltou."],
        );
        assert_split(
            "pt",
            "Comprou frutas etc. e voltou.",
            &["Comprou frutas etc. e voltou."],
        );
        assert_split(
            "en",
            "Apple Inc. said so. It was Smith Jr. who left.",
            &["Apple Inc. said so.", "It was Smith Jr. who left."],
        );
    }

    #[test]
    fn initials_are_not_boundaries() {
        assert_split(
            "en",
            "J. R. R. Tolkien wrote it. George W. Bush read it.",
            &["J. R. R. Tolkien wrote it.", "George W. Bush read it."],
        );
        assert_split(
            "pt",
            "O livro de José A. Silva saiu. Ele gostou.",
            &["O livro de José A. Silva saiu.", "Ele gostou."],
        );
        // An initial before a word that starts sentences ends the sentence.
        assert_split(
            "en",
            "They chose plan B. The others left.",
            &["They chose plan B.", "The others left."],
        );
    }

    #[test]
    fn initial_wins_over_a_one_letter_unit() {
        // `s` (seconds) is an abbreviation, but `S.` before a name is an initial.
        assert_split(
            "pt",
            "O Sr. João Carlos S. Pereira não veio. Correu 100 m em 9,5 s. Depois parou.",
            &[
                "O Sr. João Carlos S. Pereira não veio.",
                "Correu 100 m em 9,5 s.",
                "Depois parou.",
            ],
        );
    }

    #[test]
    fn times_and_zones() {
        assert_split(
            "en",
            "It began at 10:30 a.m. ET on Monday. It ended at 6 p.m. The rest waited.",
            &[
                "It began at 10:30 a.m. ET on Monday.",
                "It ended at 6 p.m.",
                "The rest waited.",
            ],
        );
    }

    #[test]
    fn en_news_paragraph() {
        assert_split(
            "en",
            "Gen. Michael E. Kurilla met Sen. Lindsey Graham in Washington, D.C. He later flew to Tampa, Fla., at 6 p.m. The company, Acme Corp., lost $3.4 million... Analysts were surprised.",
            &[
                "Gen. Michael E. Kurilla met Sen. Lindsey Graham in Washington, D.C.",
                "He later flew to Tampa, Fla., at 6 p.m.",
                "The company, Acme Corp., lost $3.4 million...",
                "Analysts were surprised.",
            ],
        );
    }

    #[test]
    fn pt_news_paragraph() {
        assert_split(
            "pt",
            "\"Nós vamos crescer. Não tenho dúvida disso. E o povo vai sentir no bolso\", disse Haddad. Questionado, ele respondeu: \"Está sob controle.\" A reunião foi às 17h30. O Dep. Arthur Lira (PP-AL) faltou.",
            &[
                "\"Nós vamos crescer.",
                "Não tenho dúvida disso.",
                "E o povo vai sentir no bolso\", disse Haddad.",
                "Questionado, ele respondeu: \"Está sob controle.\"",
                "A reunião foi às 17h30.",
                "O Dep. Arthur Lira (PP-AL) faltou.",
            ],
        );
    }

    #[test]
    fn es_abbreviations_and_inverted_marks() {
        assert_split(
            "es",
            "El Sr. García llegó a EE. UU. el 3 de ene. de 2024. ¿Vienes? ¡Claro! La Dra. Pérez, p. ej., no vino.",
            &[
                "El Sr. García llegó a EE. UU. el 3 de ene. de 2024.",
                "¿Vienes?",
                "¡Claro!",
                "La Dra. Pérez, p. ej., no vino.",
            ],
        );
    }

    #[test]
    fn numbers_stay_whole() {
        assert_split(
            "pt",
            "A taxa foi de 3,4% e a população de 1.693.673 pessoas. O PIB subiu 3.4 pontos.",
            &[
                "A taxa foi de 3,4% e a população de 1.693.673 pessoas.",
                "O PIB subiu 3.4 pontos.",
            ],
        );
        assert_split(
            "en",
            "It had 1,693,673 people and grew 3.4 percent. Next year too.",
            &[
                "It had 1,693,673 people and grew 3.4 percent.",
                "Next year too.",
            ],
        );
    }

    #[test]
    fn ordinals_stay_whole() {
        assert_split(
            "pt",
            "Ficou em 1º lugar no 2.º turno e na 3ª fase. Foi o 1.º colocado.",
            &[
                "Ficou em 1º lugar no 2.º turno e na 3ª fase.",
                "Foi o 1.º colocado.",
            ],
        );
        assert_split(
            "en",
            "He came 1st. She came 2nd.",
            &["He came 1st.", "She came 2nd."],
        );
    }

    #[test]
    fn ordinal_period_languages_keep_day_and_month_together() {
        assert_split(
            "de",
            "Die Wahl findet am 3. Oktober statt. Im 21. Jahrhundert ist das anders. Er kam im Jahr 2024. Experten staunten.",
            &[
                "Die Wahl findet am 3. Oktober statt.",
                "Im 21. Jahrhundert ist das anders.",
                "Er kam im Jahr 2024.",
                "Experten staunten.",
            ],
        );
        // A usual sentence start after the number still splits.
        assert_split(
            "de",
            "Der Zähler stand bei 12. Die Polizei kam.",
            &["Der Zähler stand bei 12.", "Die Polizei kam."],
        );
        // Languages without the period ordinal split as before.
        assert_split(
            "en",
            "The score was 3. Officials left.",
            &["The score was 3.", "Officials left."],
        );
    }

    #[test]
    fn fr_de_it_titles_and_abbreviations() {
        assert_split(
            "fr",
            "M. Macron est arrivé le 1er mars, env. 20 min avant. «\u{202f}Nous partons\u{202f}!\u{202f}» a-t-il dit. Les Mmes Dupont et al. sont là.",
            &[
                "M. Macron est arrivé le 1er mars, env. 20 min avant.",
                "«\u{202f}Nous partons\u{202f}!\u{202f}» a-t-il dit.",
                "Les Mmes Dupont et al. sont là.",
            ],
        );
        assert_split(
            "de",
            "Prof. Dr. Meier kam z. B. mit Hrn. Schulz. Das war usw. Neu.",
            &[
                "Prof. Dr. Meier kam z. B. mit Hrn. Schulz.",
                "Das war usw.",
                "Neu.",
            ],
        );
        assert_split(
            "it",
            "Il sig. Rossi e il dott. Bianchi, cfr. pag. 4, sono arrivati. Poi sono partiti.",
            &[
                "Il sig. Rossi e il dott. Bianchi, cfr. pag. 4, sono arrivati.",
                "Poi sono partiti.",
            ],
        );
    }

    #[test]
    fn ellipsis_ends_only_before_a_capital() {
        assert_split(
            "pt",
            "Ele hesitou... e depois falou. Bem… Vamos ver.",
            &["Ele hesitou... e depois falou.", "Bem…", "Vamos ver."],
        );
        assert_split(
            "pt",
            "“Nós (...) Vamos ganhar”, disse.",
            &["“Nós (...) Vamos ganhar”, disse."],
        );
    }

    #[test]
    fn urls_emails_and_domains_stay_whole() {
        assert_split(
            "pt",
            "Veja https://www.example.com/a.b?x=1 ou g1.globo.com. Escreva para x@y.com.br. Fim.",
            &[
                "Veja https://www.example.com/a.b?x=1 ou g1.globo.com.",
                "Escreva para x@y.com.br.",
                "Fim.",
            ],
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_the_sentence() {
        assert_split(
            "pt",
            "Ele disse: “Vou embora.” Depois saiu. (Ninguém viu.) Fim.",
            &[
                "Ele disse: “Vou embora.”",
                "Depois saiu.",
                "(Ninguém viu.)",
                "Fim.",
            ],
        );
        assert_split(
            "en",
            "He said \"No way!\" Then he left.",
            &["He said \"No way!\"", "Then he left."],
        );
    }

    #[test]
    fn spaced_guillemets_stay_with_their_sentence() {
        assert_split(
            "xx",
            "Il a dit : « Oui. Non. » Puis il est parti. « Bien ! » Fin.",
            &[
                "Il a dit : « Oui.",
                "Non. »",
                "Puis il est parti.",
                "« Bien ! »",
                "Fin.",
            ],
        );
    }

    #[test]
    fn quotation_with_several_sentences_is_split_inside() {
        assert_split(
            "pt",
            "“A economia vai crescer. O desemprego vai cair.” Foi o que ele disse.",
            &[
                "“A economia vai crescer.",
                "O desemprego vai cair.”",
                "Foi o que ele disse.",
            ],
        );
    }

    #[test]
    fn lower_case_after_question_in_quotation_continues() {
        assert_split(
            "pt",
            "“Por quê?”, perguntou ele. “Não sei!” — respondeu ela. Acabou.",
            &[
                "“Por quê?”, perguntou ele.",
                "“Não sei!” — respondeu ela.",
                "Acabou.",
            ],
        );
        assert_split("en", "Why? asked nobody.", &["Why? asked nobody."]);
        assert_split("en", "Really?! Yes.", &["Really?!", "Yes."]);
    }

    #[test]
    fn dialogue_dashes_start_sentences() {
        assert_split(
            "pt",
            "— Vamos embora? — perguntou ele.\n— Vamos.",
            &["— Vamos embora? — perguntou ele.", "— Vamos."],
        );
    }

    #[test]
    fn paragraph_break_always_ends_a_segment() {
        let d = Document::from_text(
            "t",
            "Título sem ponto\n\nPrimeira frase sem ponto\n\nSegunda. Terceira.",
        );
        let s = segment(&d, &Profile::builtin("pt"));
        let texts: Vec<_> = s.iter().map(|x| x.text(&d)).collect();
        assert_eq!(
            texts,
            [
                "Título sem ponto",
                "Primeira frase sem ponto",
                "Segunda.",
                "Terceira."
            ]
        );
        let paras: Vec<_> = s.iter().map(|x| x.paragraph).collect();
        assert_eq!(paras, [0, 1, 2, 2]);
        assert_eq!((s[3].line, s[3].column), (5, 10));
    }

    #[test]
    fn news_header_lines_are_their_own_segments() {
        let text = "Irã e EUA retomam negociações em Omã\nPor João Silva\nO ministro chegou nesta terça-feira a Mascate. As conversas começam amanhã.\n";
        assert_split(
            "pt",
            text,
            &[
                "Irã e EUA retomam negociações em Omã",
                "Por João Silva",
                "O ministro chegou nesta terça-feira a Mascate.",
                "As conversas começam amanhã.",
            ],
        );
    }

    #[test]
    fn one_paragraph_per_line_gives_a_paragraph_each() {
        let long = "Esta é uma frase longa o bastante para não parecer um texto quebrado em linhas curtas, como um e-mail antigo de muitos anos atrás";
        let text = format!("Título\n{long} antigo. Outra frase.\n{long} novo.\n");
        let d = Document::from_text("t", &text);
        let s = segment(&d, &Profile::builtin("pt"));
        let paras: Vec<_> = s.iter().map(|x| x.paragraph).collect();
        assert_eq!(paras, [0, 1, 1, 2]);
        // A lower-case continuation joins its line without merging the rest.
        let text = format!("Título\n{long}\ncontinua aqui. Fim.\n{long} novo.\n");
        let d = Document::from_text("t", &text);
        let s = segment(&d, &Profile::builtin("pt"));
        let paras: Vec<_> = s.iter().map(|x| x.paragraph).collect();
        assert_eq!(paras, [0, 1, 1, 2]);
    }

    #[test]
    fn short_paragraph_lines_after_a_title_are_paragraphs() {
        let text = "Título\n\nPrimeiro parágrafo curto. Com duas frases.\nSegundo parágrafo curto.\n“Terceiro”, disse ele.\n";
        let d = Document::from_text("t", text);
        let s = segment(&d, &Profile::builtin("pt"));
        let paras: Vec<_> = s.iter().map(|x| x.paragraph).collect();
        assert_eq!(paras, [0, 1, 1, 2, 3]);
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let text = "The minister arrived in Muscat on Tuesday for talks with the\namericans, who had flown in from Washington the night before. Then\nThe talks began.\n";
        let got = split("en", text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].contains("with the\namericans"), "{got:?}");
        assert!(got[1].starts_with("Then\nThe"), "{got:?}");
        // A capitalised name after a long wrapped line is joined too.
        let text = "The talks were held in the capital on Tuesday between envoys of\nIran and the United States, officials said. Both sides were upbeat.\n";
        assert_eq!(split("en", text).len(), 2);
    }

    #[test]
    fn list_items_are_their_own_segments() {
        let text = "Os pontos são:\n- primeiro ponto\n- segundo ponto\n1. Um item\n2. Outro item. Com duas frases.\n• fim";
        assert_split(
            "pt",
            text,
            &[
                "Os pontos são:",
                "- primeiro ponto",
                "- segundo ponto",
                "1. Um item",
                "2. Outro item.",
                "Com duas frases.",
                "• fim",
            ],
        );
    }

    #[test]
    fn line_ending_with_period_before_capital_is_a_boundary() {
        assert_split(
            "en",
            "One sentence here.\nAnother one there.",
            &["One sentence here.", "Another one there."],
        );
    }

    #[test]
    fn cjk_full_stops_split_without_spaces() {
        assert_split(
            "xx",
            "今日は晴れ。明日は雨。",
            &["今日は晴れ。", "明日は雨。"],
        );
    }

    #[test]
    fn generic_profile_still_splits() {
        assert_split(
            "xx",
            "Hei. Mitä kuuluu? Hyvää.",
            &["Hei.", "Mitä kuuluu?", "Hyvää."],
        );
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        let p = Profile::builtin("pt");
        for t in [
            "",
            "   \n\n  ",
            ".",
            "...",
            ". . . .",
            "“",
            "” ” ”. “ “",
            "((((((((((a. b))))))))))",
            "e\u{301}. A\u{301}.",
            "👍🏽. 👨‍👩‍👧. Ok.",
            "\u{200b}.\u{200b} \u{200b}",
            "שלום. مرحبا. Hello.",
            "1. \n2. \n- \n* ",
            "a\n\n\n\n.",
        ] {
            let d = Document::from_text("t", t);
            let segs = segment(&d, &p);
            check_invariants(&d, &segs);
        }
    }

    #[test]
    fn long_inputs_are_linear() {
        let p = Profile::builtin("en");
        let line = "Word. ".repeat(400_000);
        let d = Document::from_text("t", &line);
        assert_eq!(segment(&d, &p).len(), 400_000);
        let d = Document::from_text("t", &"\n".repeat(1_000_000));
        assert!(segment(&d, &p).is_empty());
        // No sentence end and no space: cut at the cap.
        let d = Document::from_text("t", &"a.".repeat(1_000_000));
        assert_eq!(segment(&d, &p).len(), 2_000_000 / MAX_SEGMENT_CHARS);
    }

    /// Every non-whitespace byte is in exactly one segment; segments are
    /// ordered, trimmed, on character boundaries, with the right line/column.
    fn check_invariants(d: &Document, segs: &[Segment]) {
        let text = &d.text;
        let mut covered = 0;
        let mut last_end = 0;
        let mut last_para = 0;
        for s in segs {
            assert!(s.start < s.end && s.end <= text.len(), "{s:?}");
            assert!(s.start >= last_end, "overlap or disorder: {s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert!(text[last_end..s.start].chars().all(char::is_whitespace));
            let t = &text[s.start..s.end];
            assert_eq!(t, t.trim(), "untrimmed {s:?}");
            assert_eq!(d.line_col(s.start), (s.line, s.column));
            assert!(s.paragraph >= last_para);
            last_para = s.paragraph;
            covered += t.len();
            last_end = s.end;
        }
        assert!(text[last_end..].chars().all(char::is_whitespace));
        let non_ws: usize = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum();
        let seg_non_ws: usize = segs
            .iter()
            .flat_map(|s| text[s.start..s.end].chars())
            .filter(|c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum();
        assert_eq!(non_ws, seg_non_ws);
        assert!(covered >= seg_non_ws);
    }

    fn tricky() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            ". ",
            "! ",
            "? ",
            "?! ",
            "... ",
            "… ",
            ".” ",
            "!” ",
            "?”, ",
            "” ",
            "“",
            "\"",
            "'",
            "’",
            "(",
            ")",
            "[",
            "]",
            "— ",
            "- ",
            "\n",
            "\n\n",
            "\n- ",
            "\n1. ",
            "  ",
            "\t",
            "Sr. ",
            "Dr. ",
            "p. ex. ",
            "U.S. ",
            "etc. ",
            "J. ",
            "e.g. ",
            "3,4",
            "1.693.673",
            "1º",
            "2.ª",
            "https://a.b/c.d",
            "x@y.com.br",
            "g1.globo.com",
            "Ele",
            "The",
            "ele",
            "a",
            "B",
            "\u{301}",
            "\u{200b}",
            "\u{feff}",
            "\u{2028}",
            "\u{a0}",
            "👍🏽",
            "שלום",
            "مرحبا",
            "。",
            "今日",
            "\r\n",
            "\r",
        ])
        .prop_map(str::to_string);
        let piece = prop_oneof![pieces, any::<char>().prop_map(|c| c.to_string())];
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    fn long_segments(text: &str) -> (Document, Vec<Segment>) {
        let d = Document::from_text("t.txt", text);
        let segs = segment(&d, &Profile::builtin("pt"));
        check_invariants(&d, &segs);
        for s in &segs {
            assert!(s.text(&d).chars().count() <= MAX_SEGMENT_CHARS, "{s:?}");
        }
        (d, segs)
    }

    #[test]
    fn text_without_sentence_ends_is_cut_at_spaces() {
        let words = "governo orçamento ministro meta juros banco ";
        let (d, segs) = long_segments(&words.repeat(1_000));
        assert!(segs.len() >= 22, "{}", segs.len());
        // Whole words only, each piece past half the cap.
        for s in &segs[..segs.len() - 1] {
            assert!(s.text(&d).ends_with(|c: char| c.is_alphabetic()));
            assert!(s.text(&d).chars().count() > MAX_SEGMENT_CHARS / 2);
            assert!(d.text[s.end..].starts_with(' '));
        }
        assert_eq!(segs[1].line, 1);
        assert_eq!(segs[1].column, segs[0].text(&d).chars().count() + 2);
    }

    #[test]
    fn a_long_sentence_is_cut_after_a_clause_mark_first() {
        let clause = format!("{}, ", "palavra ".repeat(120).trim_end());
        let (d, segs) = long_segments(&format!("{}fim.", clause.repeat(6)));
        assert!(segs.len() >= 3);
        for s in &segs[..segs.len() - 1] {
            assert!(s.text(&d).ends_with(','), "{:?}", s.text(&d));
        }
    }

    #[test]
    fn text_without_spaces_is_cut_at_the_cap() {
        let (d, segs) = long_segments(&"x".repeat(MAX_SEGMENT_CHARS * 3 + 5));
        let lens: Vec<usize> = segs.iter().map(|s| s.text(&d).len()).collect();
        assert_eq!(
            lens,
            [MAX_SEGMENT_CHARS, MAX_SEGMENT_CHARS, MAX_SEGMENT_CHARS, 5]
        );
        // A letter keeps its combining marks.
        let (d, segs) = long_segments(&"q\u{301}\u{302}".repeat(MAX_SEGMENT_CHARS));
        for s in &segs[1..] {
            assert!(s.text(&d).starts_with('q'), "{:?}", &s.text(&d)[..4]);
        }
    }

    #[test]
    fn sentences_under_the_cap_are_left_whole() {
        let long = format!("{}.", "palavra ".repeat(240).trim_end());
        assert!(long.chars().count() < MAX_SEGMENT_CHARS);
        let (d, segs) = long_segments(&format!("{long} {long}"));
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].text(&d), long);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn segments_cover_every_non_whitespace_byte_once(s in tricky(), lang in prop::sample::select(vec!["pt", "en", "es", "xx"])) {
            let d = Document::from_text("p", &s);
            let segs = segment(&d, &Profile::builtin(lang));
            check_invariants(&d, &segs);
        }

        #[test]
        fn any_string_is_safe(s in any::<String>()) {
            let d = Document::from_text("p", &s);
            let segs = segment(&d, &Profile::builtin("pt"));
            check_invariants(&d, &segs);
        }
    }
}
