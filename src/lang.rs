//! Language identification with whatlang, reported as ISO 639-1 codes.

/// ISO 639-3 (whatlang) to ISO 639-1.
const CODES: &[(&str, &str)] = &[
    ("por", "pt"),
    ("eng", "en"),
    ("spa", "es"),
    ("fra", "fr"),
    ("deu", "de"),
    ("ita", "it"),
    ("nld", "nl"),
    ("swe", "sv"),
    ("dan", "da"),
    ("nob", "nb"),
    ("fin", "fi"),
    ("pol", "pl"),
    ("ces", "cs"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("ron", "ro"),
    ("hun", "hu"),
    ("tur", "tr"),
    ("rus", "ru"),
    ("ukr", "uk"),
    ("bul", "bg"),
    ("ell", "el"),
    ("ara", "ar"),
    ("heb", "he"),
    ("pes", "fa"),
    ("hin", "hi"),
    ("ben", "bn"),
    ("urd", "ur"),
    ("cmn", "zh"),
    ("jpn", "ja"),
    ("kor", "ko"),
    ("vie", "vi"),
    ("tha", "th"),
    ("ind", "id"),
    ("cat", "ca"),
    ("lit", "lt"),
    ("lav", "lv"),
    ("est", "et"),
    ("epo", "eo"),
    ("afr", "af"),
    ("lat", "la"),
    ("tgl", "tl"),
    ("isl", "is"),
];

/// A detected language and whatlang's confidence in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    pub code: String,
    pub confidence: f64,
    pub reliable: bool,
}

/// Detects the language of `text`; `None` when whatlang cannot tell.
pub fn detect(text: &str) -> Option<Detection> {
    let info = whatlang::detect(text)?;
    let three = info.lang().code();
    let code = CODES
        .iter()
        .find(|(t, _)| *t == three)
        .map(|(_, c)| c.to_string())
        .unwrap_or_else(|| three.to_string());
    Some(Detection {
        code,
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// Whether a code looks like ISO 639-1 (two ASCII letters).
pub fn is_iso639_1(code: &str) -> bool {
    code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_portuguese_and_english() {
        let pt = detect("O ministro das Relações Exteriores do Irã chegou nesta terça-feira a Mascate para conversas com os americanos.").unwrap();
        assert_eq!(pt.code, "pt");
        let en = detect("The Iranian foreign minister arrived in Muscat on Tuesday for talks with the Americans.").unwrap();
        assert_eq!(en.code, "en");
    }
}
