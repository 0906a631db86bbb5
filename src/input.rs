//! Reading input files: decoding (UTF-8 with or without BOM, UTF-16 with BOM),
//! refusing what is not text, and normalising to NFC with `\n` line endings.
//! Spans everywhere else in the crate are byte offsets into [`Document::text`].

use std::path::{Path, PathBuf};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Why an input file could not be used. Callers match on it to pick exit code 2.
/// Every message names the file (and the line where there is one) and says
/// what to do.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: file not found; check the path")]
    NotFound { path: String },
    #[error("{path}: cannot read ({source}); check that the file exists and is readable")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: is a directory; give a text file")]
    IsDir { path: String },
    #[error("{path}: is {kind}; give a regular text file, or `-` to read stdin")]
    NotRegular { path: String, kind: &'static str },
    #[error(
        "{path}: larger than the size cap of {max} bytes; raise `max-file-size` in transcheck.toml if the file is meant to be checked"
    )]
    TooLarge { path: String, max: u64 },
    #[error("{path}: file is empty; give a file with text in it")]
    Empty { path: String },
    #[error("{path}: file holds only whitespace; give a file with text in it")]
    WhitespaceOnly { path: String },
    #[error(
        "{path}:{line}: binary data (NUL byte at byte offset {offset}); give a plain-text file"
    )]
    Binary {
        path: String,
        line: usize,
        offset: usize,
    },
    #[error("{path}: this is {kind}, not text; export or save it as plain text (UTF-8) first")]
    BinaryFormat { path: String, kind: &'static str },
    #[error(
        "{path}:{line}: invalid UTF-8 at byte offset {offset}; convert the file to UTF-8 or fix the bytes there"
    )]
    InvalidUtf8 {
        path: String,
        line: usize,
        offset: usize,
    },
    #[error(
        "{path}:{line}: not UTF-8 (byte offset {offset}); the file looks like {encoding}: convert it with `iconv -f {encoding} -t UTF-8 {path} > converted.txt`"
    )]
    Legacy8Bit {
        path: String,
        line: usize,
        offset: usize,
        encoding: &'static str,
    },
    #[error(
        "{path}: the text looks like {encoding} without a byte-order mark; convert it with `iconv -f {encoding} -t UTF-8 {path} > converted.txt`"
    )]
    NoBom {
        path: String,
        encoding: &'static str,
    },
    #[error("{path}: invalid UTF-16 at byte offset {offset}; re-save the file as UTF-8")]
    InvalidUtf16 { path: String, offset: usize },
}

/// The rule id of the finding for a file of a batch that could not be read.
pub const INPUT_ERROR_RULE: &str = "input-error";

/// The size cap of every file transcheck reads when the config sets no
/// `max-file-size`: far above any real document, far below what exhausts
/// memory when a device such as `/dev/zero` is given.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Reads a whole file of at most `max` bytes. Only regular files (after
/// following symlinks) are read, so a FIFO or a device never hangs or
/// fills memory; `-` reads stdin, under the same cap.
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, InputError> {
    use std::io::Read as _;
    let shown = || path.display().to_string();
    let too_large = || InputError::TooLarge { path: shown(), max };
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(max.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|source| InputError::Io {
                path: "<stdin>".into(),
                source,
            })?;
        return if bytes.len() as u64 > max {
            Err(too_large())
        } else {
            Ok(bytes)
        };
    }
    let io_err = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound { path: shown() },
        std::io::ErrorKind::IsADirectory => InputError::IsDir { path: shown() },
        _ => InputError::Io {
            path: shown(),
            source: e,
        },
    };
    check_regular(path, &std::fs::metadata(path).map_err(io_err)?)?;
    let file = open_nonblocking(path).map_err(io_err)?;
    // The file may have been swapped since the first look.
    let meta = file.metadata().map_err(io_err)?;
    check_regular(path, &meta)?;
    if meta.len() > max {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > max {
        return Err(too_large());
    }
    Ok(bytes)
}

fn check_regular(path: &Path, meta: &std::fs::Metadata) -> Result<(), InputError> {
    let ft = meta.file_type();
    if ft.is_dir() {
        return Err(InputError::IsDir {
            path: path.display().to_string(),
        });
    }
    if ft.is_file() {
        return Ok(());
    }
    #[cfg(unix)]
    let kind = {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            "a named pipe (FIFO)"
        } else if ft.is_char_device() || ft.is_block_device() {
            "a device"
        } else if ft.is_socket() {
            "a socket"
        } else {
            "not a regular file"
        }
    };
    #[cfg(not(unix))]
    let kind = "not a regular file";
    Err(InputError::NotRegular {
        path: path.display().to_string(),
        kind,
    })
}

/// Opens read-only; on Unix without blocking, so a FIFO swapped in after
/// the first look cannot hang the run.
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK);
    }
    o.open(path)
}

/// A decoded, normalised text file.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it, for messages.
    pub path: PathBuf,
    /// NFC-normalised text with `\n` line endings and no BOM.
    pub text: String,
    /// Byte offset of the start of every line in `text`.
    line_starts: Vec<usize>,
    /// Every [`CHECKPOINT`] bytes: (byte offset on a char boundary, its
    /// 0-based column), so `line_col` counts at most that many bytes even
    /// on a 50 MB line.
    checkpoints: Vec<(usize, usize)>,
    /// For a marked-up file (Markdown, HTML): `text` is its prose, and this
    /// maps it back to the original file, which locations point into.
    pub markup: Option<std::sync::Arc<crate::formats::prose::Markup>>,
    /// Set when `text` was read out of a structured file (a PO msgstr, an
    /// XLIFF target): where each byte came from, and what checks must not read.
    pub origin: Option<std::sync::Arc<crate::formats::Origin>>,
}

const CHECKPOINT: usize = 4096;

impl Document {
    /// Builds a document from text already in memory (tests, stdin).
    pub fn from_text(path: impl Into<PathBuf>, raw: &str) -> Document {
        let unified = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let unified = if unified.contains('\r') {
            unified.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            unified.to_string()
        };
        // Most text is already NFC: the quick check saves a full pass.
        let text: String = match is_nfc_quick(unified.chars()) {
            IsNormalized::Yes => unified,
            _ => unified.nfc().collect(),
        };
        Document::build(path.into(), text, None)
    }

    /// Builds a document from text that is already normalised, keeping every
    /// byte where it is (texts read out of structured files map back by offset).
    pub fn from_normalized(path: impl Into<PathBuf>, text: String) -> Document {
        Document::build(path.into(), text, None)
    }

    /// A document over the prose text of a marked-up file (already
    /// normalised: its offsets are those of `markup`'s map).
    pub fn with_markup(
        path: impl Into<PathBuf>,
        text: String,
        markup: crate::formats::prose::Markup,
    ) -> Document {
        Document::build(path.into(), text, Some(std::sync::Arc::new(markup)))
    }

    fn build(
        path: PathBuf,
        text: String,
        markup: Option<std::sync::Arc<crate::formats::prose::Markup>>,
    ) -> Document {
        let mut line_starts = vec![0];
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut column = 0;
        let mut next_checkpoint = 0;
        for (i, c) in text.char_indices() {
            if i >= next_checkpoint {
                checkpoints.push((i, column));
                next_checkpoint = i + CHECKPOINT;
            }
            if c == '\n' {
                line_starts.push(i + 1);
                column = 0;
            } else {
                column += 1;
            }
        }
        Document {
            path,
            text,
            line_starts,
            checkpoints,
            markup,
            origin: None,
        }
    }

    /// The text as the user wrote it, for display: `text` with the
    /// placeholders and markup that checks do not read put back.
    pub fn display_text(&self) -> &str {
        match &self.origin {
            Some(o) => o.raw(),
            None => &self.text,
        }
    }

    /// Reads and decodes a file (opened read-only, never modified), with
    /// the default size cap.
    pub fn load(path: &Path) -> Result<Document, InputError> {
        Document::load_limited(path, DEFAULT_MAX_FILE_SIZE)
    }

    /// [`Document::load`] with a size cap in bytes; `-` reads stdin.
    pub fn load_limited(path: &Path, max: u64) -> Result<Document, InputError> {
        let shown = path.display().to_string();
        let bytes = read_limited(path, max)?;
        let text = decode(&shown, &bytes)?;
        Ok(Document::from_text(path, &text))
    }

    /// 1-based line and column (in characters) of a byte offset into `text`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        if let Some(m) = &self.markup {
            return m.original.line_col(m.to_original(offset));
        }
        if let Some(o) = &self.origin {
            return o.line_col(offset);
        }
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let line_start = self.line_starts.get(line).copied().unwrap_or(0);
        // Count from the last checkpoint on this line, or from its start.
        let (from, base) = match self.checkpoints.binary_search_by(|c| c.0.cmp(&offset)) {
            Ok(i) => self.checkpoints[i],
            Err(0) => (0, 0),
            Err(i) => self.checkpoints[i - 1],
        };
        let (from, base) = if from >= line_start {
            (from, base)
        } else {
            (line_start, 0)
        };
        let col = base + self.text[from..offset].chars().count();
        (line + 1, col + 1)
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }

    pub fn display_path(&self) -> String {
        self.path.display().to_string()
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Decodes bytes: UTF-16 with a BOM, otherwise UTF-8 (BOM optional).
/// Refuses empty and whitespace-only text, binary files and other encodings.
pub fn decode(path: &str, bytes: &[u8]) -> Result<String, InputError> {
    if bytes.is_empty() {
        return Err(InputError::Empty {
            path: path.to_string(),
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(InputError::BinaryFormat {
            path: path.to_string(),
            kind: "UTF-32 text (not supported)",
        });
    }
    let text = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        decode_utf16(path, rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        decode_utf16(path, rest, u16::from_be_bytes)?
    } else {
        decode_utf8(path, bytes)?
    };
    check_text(path, &text)?;
    Ok(text)
}

/// Bytes without a UTF-16 BOM: refused when they are a known binary
/// format, hold a NUL (UTF-16 without a BOM, or binary) or are not UTF-8
/// (a legacy 8-bit encoding is named so the user can convert it).
fn decode_utf8(path: &str, bytes: &[u8]) -> Result<String, InputError> {
    let path_s = || path.to_string();
    if let Some(kind) = binary_format(bytes) {
        return Err(InputError::BinaryFormat {
            path: path_s(),
            kind,
        });
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        if let Some(encoding) = utf16_without_bom(bytes) {
            return Err(InputError::NoBom {
                path: path_s(),
                encoding,
            });
        }
        return Err(InputError::Binary {
            path: path_s(),
            line: line_of(bytes, pos),
            offset: pos,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let offset = e.valid_up_to();
            let line = line_of(bytes, offset);
            if let Some(encoding) = legacy_8bit(bytes, offset) {
                return Err(InputError::Legacy8Bit {
                    path: path_s(),
                    line,
                    offset,
                    encoding,
                });
            }
            Err(InputError::InvalidUtf8 {
                path: path_s(),
                line,
                offset,
            })
        }
    }
}

/// Decoded text still refused: a NUL (binary decoded as UTF-16), nothing
/// after the BOM, or only whitespace and invisible characters.
fn check_text(path: &str, text: &str) -> Result<(), InputError> {
    let path_s = || path.to_string();
    if let Some(pos) = text.find('\0') {
        return Err(InputError::Binary {
            path: path_s(),
            line: 1 + text[..pos].matches('\n').count(),
            offset: pos,
        });
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.is_empty() {
        return Err(InputError::Empty { path: path_s() });
    }
    if body.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
        return Err(InputError::WhitespaceOnly { path: path_s() });
    }
    Ok(())
}

/// Zero-width and format characters that show nothing on their own.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{202a}'..='\u{202e}'
    )
}

/// 1-based line of a byte offset, counting `\n`, `\r\n` and lone `\r` endings.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    let head = &bytes[..offset.min(bytes.len())];
    let mut line = 1;
    for (i, &b) in head.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && head.get(i + 1) != Some(&b'\n')) {
            line += 1;
        }
    }
    line
}

/// Recognises common binary formats by their first bytes.
fn binary_format(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (b"%PDF-", "a PDF document"),
        (
            b"PK\x03\x04",
            "a ZIP archive (or a .docx/.odt/.xlsx document)",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old Microsoft Office document",
        ),
        (b"{\\rtf", "an RTF document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"BZh", "a bzip2 archive"),
        (b"\xFD7zXZ\0", "an xz archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (b"\x7FELF", "an executable"),
        (b"MZ", "a Windows executable"),
        (b"\0asm", "a WebAssembly module"),
        (b"ID3", "an MP3 file"),
        (b"OggS", "an Ogg media file"),
        (b"fLaC", "a FLAC audio file"),
    ];
    let found = MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(_, k)| *k);
    match found {
        // Two or three letters could start real text: demand binary after them.
        Some(k)
            if matches!(
                k,
                "a bzip2 archive" | "a Windows executable" | "an MP3 file"
            ) =>
        {
            bytes.iter().take(64).any(|&b| b == 0).then_some(k)
        }
        Some(k) => Some(k),
        None if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") => {
            Some("a WebP image")
        }
        None if bytes.starts_with(b"RIFF") => Some("a RIFF media file"),
        None if bytes.get(4..8) == Some(b"ftyp") => Some("an MP4/QuickTime media file"),
        None => None,
    }
}

/// ASCII text stored as UTF-16 without a BOM: every other byte is NUL.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd * 10 >= pairs * 7 && even * 10 <= pairs {
        Some("UTF-16LE")
    } else if even * 10 >= pairs * 7 && odd * 10 <= pairs {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// Text in an 8-bit encoding (Latin-1, Windows-1252): ASCII up to the first
/// invalid byte, and bytes above 0x7F that are mostly letters and typographic
/// marks in that encoding and never form UTF-8 sequences.
fn legacy_8bit(bytes: &[u8], first_bad: usize) -> Option<&'static str> {
    if !bytes[..first_bad].is_ascii() {
        return None;
    }
    let high: Vec<u8> = bytes.iter().copied().filter(|&b| b >= 0x80).collect();
    if high.is_empty() {
        return None;
    }
    // Latin-1 letters (À–þ but × and ÷; ÿ is rare and common in garbage), NBSP, « » ° º ª, and the
    // Windows-1252 quotes, dashes, ellipsis, euro sign.
    let plausible = |b: u8| {
        (0xC0..=0xFE).contains(&b) && b != 0xD7 && b != 0xF7
            || matches!(
                b,
                0xA0 | 0xAA | 0xAB | 0xB0 | 0xBA | 0xBB | 0xA7 | 0xB4 | 0xBF | 0xA1 | 0xA3
            )
            || matches!(b, 0x80 | 0x85 | 0x91..=0x97)
    };
    let good = high.iter().filter(|&&b| plausible(b)).count();
    if good * 10 < high.len() * 9 {
        return None;
    }
    if high.iter().any(|&b| (0x80..=0x9F).contains(&b)) {
        Some("WINDOWS-1252")
    } else {
        Some("LATIN1")
    }
}

fn decode_utf16(path: &str, rest: &[u8], f: fn([u8; 2]) -> u16) -> Result<String, InputError> {
    if !rest.len().is_multiple_of(2) {
        return Err(InputError::InvalidUtf16 {
            path: path.to_string(),
            offset: rest.len() + 1,
        });
    }
    let units = rest.chunks_exact(2).map(|c| f([c[0], c[1]]));
    let mut out = String::with_capacity(rest.len());
    let mut unit = 0;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                out.push(c);
                unit += c.len_utf16();
            }
            Err(_) => {
                return Err(InputError::InvalidUtf16 {
                    path: path.to_string(),
                    offset: 2 + 2 * unit,
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> String {
        decode("f.txt", bytes).unwrap_err().to_string()
    }

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        let mut bytes = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            bytes.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        bytes
    }

    #[test]
    fn crlf_cr_and_bom_are_normalised() {
        let d = Document::from_text("a", "\u{feff}one\r\ntwo\rthree");
        assert_eq!(d.text, "one\ntwo\nthree");
        assert_eq!(d.line_col(4), (2, 1));
        assert_eq!(d.line_col(9), (3, 2));
    }

    #[test]
    fn text_is_nfc() {
        let d = Document::from_text("a", "Ira\u{303}\r\n");
        assert_eq!(d.text, "Ir\u{e3}\n");
        let d = Document::from_text("a", "Ir\u{e3}");
        assert_eq!(d.text, "Ir\u{e3}");
    }

    #[test]
    fn invalid_utf8_names_line_and_offset() {
        let mut bytes = "ação\nbad ".as_bytes().to_vec();
        bytes.push(0xff);
        bytes.extend(b" here");
        let msg = err(&bytes);
        assert!(msg.contains("f.txt:2"), "{msg}");
        assert!(msg.contains("offset 11"), "{msg}");
        assert!(msg.contains("invalid UTF-8"), "{msg}");
    }

    #[test]
    fn lone_cr_counts_as_a_line_break_in_messages() {
        let msg = err(b"one\rtwo\rbad \xff");
        assert!(msg.contains("f.txt:3"), "{msg}");
    }

    #[test]
    fn latin1_suggests_iconv() {
        // "Informação é útil" in Latin-1.
        let msg = err(b"Informa\xe7\xe3o \xe9 \xfatil.\n");
        assert!(msg.contains("iconv -f LATIN1 -t UTF-8 f.txt"), "{msg}");
        assert!(msg.contains("f.txt:1"), "{msg}");
        // Windows-1252 curly quotes.
        let msg = err(b"He said \x93hi\x94.\n");
        assert!(msg.contains("WINDOWS-1252"), "{msg}");
    }

    #[test]
    fn mixed_utf8_and_garbage_is_not_called_latin1() {
        let mut bytes = "ação ".as_bytes().to_vec();
        bytes.push(0xe9);
        let msg = err(&bytes);
        assert!(!msg.contains("iconv"), "{msg}");
        assert!(msg.contains("invalid UTF-8"), "{msg}");
    }

    #[test]
    fn utf16_with_bom_decodes_both_ways() {
        assert_eq!(decode("x", &utf16("Olá 👍", true)).unwrap(), "Olá 👍");
        assert_eq!(decode("x", &utf16("Olá 👍", false)).unwrap(), "Olá 👍");
    }

    #[test]
    fn broken_utf16_is_refused() {
        let mut bytes = utf16("ab", true);
        bytes.extend([0x00, 0xD8, 0x41, 0x00]); // lone high surrogate, then 'A'
        let msg = err(&bytes);
        assert!(msg.contains("invalid UTF-16 at byte offset 6"), "{msg}");
        let mut odd = utf16("ab", true);
        odd.push(0x41);
        assert!(err(&odd).contains("invalid UTF-16"));
    }

    #[test]
    fn utf16_without_bom_says_so() {
        let bytes: Vec<u8> = "Hello world, this is text."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let msg = err(&bytes);
        assert!(msg.contains("UTF-16LE without a byte-order mark"), "{msg}");
    }

    #[test]
    fn nul_bytes_are_binary() {
        let msg = err(b"abc\ndef\0ghi");
        assert!(msg.contains("f.txt:2: binary data"), "{msg}");
        assert!(msg.contains("offset 7"), "{msg}");
    }

    #[test]
    fn images_and_documents_are_recognised() {
        assert!(err(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("PNG image"));
        assert!(err(b"\xFF\xD8\xFF\xE0\0\x10JFIF").contains("JPEG image"));
        assert!(err(b"GIF89a\x01\0").contains("GIF image"));
        assert!(err(b"%PDF-1.7\n%\xe2\xe3").contains("PDF document"));
        assert!(err(b"PK\x03\x04\x14\0").contains(".docx"));
        // Text that merely starts like a magic number is still text.
        assert_eq!(decode("x", b"MZ is a river.").unwrap(), "MZ is a river.");
    }

    #[test]
    fn empty_and_whitespace_only_are_refused() {
        assert!(err(b"").contains("file is empty"));
        assert!(err(b"\xEF\xBB\xBF").contains("file is empty"));
        assert!(err(b" \n\t\r\n").contains("only whitespace"));
        assert!(err("\u{200b}\n\u{feff}".as_bytes()).contains("only whitespace"));
    }

    #[test]
    fn load_refuses_missing_and_directories() {
        let dir = tempfile::tempdir().unwrap();
        let missing = Document::load(&dir.path().join("nope.txt")).unwrap_err();
        assert!(matches!(missing, InputError::NotFound { .. }), "{missing}");
        assert!(missing.to_string().contains("nope.txt"));
        let is_dir = Document::load(dir.path()).unwrap_err();
        assert!(matches!(is_dir, InputError::IsDir { .. }), "{is_dir}");
        let file = dir.path().join("ok.txt");
        std::fs::write(&file, "Olá.\r\nTudo bem?").unwrap();
        let d = Document::load(&file).unwrap();
        assert_eq!(d.text, "Olá.\nTudo bem?");
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "").unwrap();
        assert!(matches!(
            Document::load(&empty).unwrap_err(),
            InputError::Empty { .. }
        ));
    }

    #[test]
    fn line_col_counts_characters() {
        let d = Document::from_text("a", "ação x\n👍🏽 y");
        assert_eq!(d.line_col(7), (1, 6));
        assert_eq!(d.line_col(d.text.len()), (2, 5));
        // Offsets inside a character do not panic.
        assert_eq!(d.line_col(2), (1, 2));
    }

    #[test]
    fn line_col_on_long_lines_matches_counting() {
        let text = format!("ab\n{}\nz{}", "é👍x".repeat(5000), "ç".repeat(9000));
        let d = Document::from_text("a", &text);
        for off in (0..text.len()).step_by(997).chain([text.len()]) {
            let b = floor_char_boundary(&text, off);
            assert_eq!(d.line_col(off), crate::text::line_col_of(&text, b), "{off}");
        }
    }
}
