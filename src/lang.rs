//! Language identification, reported as ISO 639-1 codes: whatlang's trigram
//! model, backed on short or ambiguous text by counts of each profile's
//! function words (`[words].function_words`).

use crate::profile::Profile;
use std::collections::HashSet;
use std::sync::LazyLock;

/// How much text the detectors read: enough to be sure, cheap on huge files.
const SAMPLE_BYTES: usize = 64 * 1024;

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

/// Function words of the built-in profiles, by code: parsed once, as the
/// checks call [`detect`] on every sentence.
static BUILTIN_WORDS: LazyLock<Vec<(String, HashSet<String>)>> = LazyLock::new(|| {
    Profile::builtin_codes()
        .map(|c| word_set(&Profile::builtin(c)))
        .collect()
});

fn word_set(p: &Profile) -> (String, HashSet<String>) {
    let set = p
        .words
        .function_words
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
    (p.code.clone(), set)
}

/// Detects the language of `text`; `None` when it cannot tell. Falls back to
/// the function words of the built-in profiles when whatlang is unsure.
pub fn detect(text: &str) -> Option<Detection> {
    let trigram = detect_whatlang(text);
    if trigram.as_ref().is_some_and(|d| d.reliable) {
        return trigram;
    }
    function_word_vote(sample(text), &BUILTIN_WORDS).or(trigram)
}

/// whatlang alone, on a sample of the text.
pub fn detect_whatlang(text: &str) -> Option<Detection> {
    let info = whatlang::detect(sample(text))?;
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

/// Detects the language, trusting whatlang when it is reliable and otherwise
/// picking the candidate profile whose function words are clearly the most
/// frequent in the text (short headlines, single sentences).
pub fn detect_with_profiles(text: &str, candidates: &[&Profile]) -> Option<Detection> {
    let trigram = detect_whatlang(text);
    if trigram.as_ref().is_some_and(|d| d.reliable) {
        return trigram;
    }
    let sets: Vec<(String, HashSet<String>)> = candidates.iter().map(|p| word_set(p)).collect();
    function_word_vote(sample(text), &sets).or(trigram)
}

/// The candidate whose function words weigh most in the text, if it wins
/// clearly. A word shared by several candidates (`de` in pt and es) counts
/// for each as one over the number of candidates that have it.
fn function_word_vote(text: &str, candidates: &[(String, HashSet<String>)]) -> Option<Detection> {
    let sets: Vec<&HashSet<String>> = candidates.iter().map(|(_, s)| s).collect();
    let mut scores = vec![0.0f64; candidates.len()];
    for w in crate::text::words(text) {
        let token = w.text.to_lowercase();
        let having: Vec<usize> = (0..sets.len())
            .filter(|&i| sets[i].contains(&token))
            .collect();
        for &i in &having {
            scores[i] += 1.0 / having.len() as f64;
        }
    }
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let best = *order.first()?;
    let second = order.get(1).map_or(0.0, |&i| scores[i]);
    // Enough evidence, and half again as much as the runner-up.
    if scores[best] < 1.5 || scores[best] < second * 1.5 {
        return None;
    }
    Some(Detection {
        code: candidates[best].0.clone(),
        confidence: (scores[best] - second) / scores[best],
        reliable: false,
    })
}

fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
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

    #[test]
    fn function_words_decide_between_candidates() {
        let pt = Profile::builtin("pt");
        let en = Profile::builtin("en");
        let es = Profile::builtin("es");
        let c = [word_set(&pt), word_set(&en), word_set(&es)];
        let d =
            function_word_vote("Ele disse que não vai com os outros para a reunião", &c).unwrap();
        assert_eq!(d.code, "pt");
        let d = function_word_vote("He said that he will not go to the meeting", &c).unwrap();
        assert_eq!(d.code, "en");
        // Words shared with Spanish weigh less than Portuguese-only ones.
        let d = function_word_vote("Ele saiu de casa cedo para o trabalho", &c).unwrap();
        assert_eq!(d.code, "pt");
        // Names alone say nothing.
        assert!(function_word_vote("Lula Biden Trump", &c).is_none());
    }

    #[test]
    fn short_text_is_detected_with_profiles() {
        let pt = Profile::builtin("pt");
        let en = Profile::builtin("en");
        let d = detect_with_profiles("Ele não está com a gente.", &[&pt, &en]).unwrap();
        assert_eq!(d.code, "pt");
    }

    #[test]
    fn huge_text_is_sampled_on_a_char_boundary() {
        let s = "€".repeat(SAMPLE_BYTES);
        assert_eq!(sample(&s).len(), SAMPLE_BYTES / 3 * 3);
        let big = "The minister said that the talks would go on. ".repeat(20_000);
        assert_eq!(detect(&big).unwrap().code, "en");
    }
}
