//! Reading input files: decoding (UTF-8 with or without BOM, UTF-16 with BOM),
//! refusing what is not text, and normalising to NFC with `\n` line endings.
//! Spans everywhere else in the crate are byte offsets into [`Document::text`].

use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// Why an input file could not be used. Callers match on it to pick exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: file not found; check the path")]
    NotFound { path: String },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: is a directory; give a text file")]
    IsDir { path: String },
    #[error("{path}: file is empty; give a file with text in it")]
    Empty { path: String },
    #[error(
        "{path}:{line}: binary data (NUL byte at byte offset {offset}); give a plain-text file"
    )]
    Binary {
        path: String,
        line: usize,
        offset: usize,
    },
    #[error(
        "{path}:{line}: invalid UTF-8 at byte offset {offset}; convert the file to UTF-8 (for Latin-1: iconv -f LATIN1 -t UTF-8 {path})"
    )]
    InvalidUtf8 {
        path: String,
        line: usize,
        offset: usize,
    },
    #[error("{path}: invalid UTF-16 text; re-save the file as UTF-8")]
    InvalidUtf16 { path: String },
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
}

impl Document {
    /// Builds a document from text already in memory (tests, stdin).
    pub fn from_text(path: impl Into<PathBuf>, raw: &str) -> Document {
        let unified = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let unified = unified.replace("\r\n", "\n").replace('\r', "\n");
        let text: String = unified.nfc().collect();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Document {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// Reads and decodes a file. Never modifies it.
    pub fn load(path: &Path) -> Result<Document, InputError> {
        let shown = path.display().to_string();
        if path.is_dir() {
            return Err(InputError::IsDir { path: shown });
        }
        let bytes = std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => InputError::NotFound {
                path: shown.clone(),
            },
            _ => InputError::Io {
                path: shown.clone(),
                source: e,
            },
        })?;
        let text = decode(&shown, &bytes)?;
        if text.trim().is_empty() {
            return Err(InputError::Empty { path: shown });
        }
        Ok(Document::from_text(path, &text))
    }

    /// 1-based line and column (in characters) of a byte offset into `text`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = self.text[start..floor_char_boundary(&self.text, offset)]
            .chars()
            .count();
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
pub fn decode(path: &str, bytes: &[u8]) -> Result<String, InputError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(path, rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(path, rest, u16::from_be_bytes);
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        let line = 1 + bytes[..pos].iter().filter(|&&b| b == b'\n').count();
        return Err(InputError::Binary {
            path: path.to_string(),
            line,
            offset: pos,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let offset = e.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            Err(InputError::InvalidUtf8 {
                path: path.to_string(),
                line,
                offset,
            })
        }
    }
}

fn decode_utf16(path: &str, rest: &[u8], f: fn([u8; 2]) -> u16) -> Result<String, InputError> {
    if !rest.len().is_multiple_of(2) {
        return Err(InputError::InvalidUtf16 {
            path: path.to_string(),
        });
    }
    let units: Vec<u16> = rest.chunks_exact(2).map(|c| f([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| InputError::InvalidUtf16 {
        path: path.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_bom_are_normalised() {
        let d = Document::from_text("a", "\u{feff}one\r\ntwo\rthree");
        assert_eq!(d.text, "one\ntwo\nthree");
        assert_eq!(d.line_col(4), (2, 1));
        assert_eq!(d.line_col(9), (3, 2));
    }

    #[test]
    fn invalid_utf8_names_line_and_offset() {
        let err = decode("f.txt", b"ok\nbad \xff here").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("f.txt:2"), "{msg}");
        assert!(msg.contains("offset 7"), "{msg}");
    }

    #[test]
    fn utf16_le_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Olá".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode("x", &bytes).unwrap(), "Olá");
    }
}
