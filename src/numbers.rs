//! Reading numbers in text by each language's conventions: digits with
//! decimal and group separators, number words, scales, ordinals,
//! percentages, currencies, ranges and dates.

use crate::profile::Profile;

/// A number found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    /// The value, with scale words applied (`1,2 bilhão` = 1.2e9).
    pub value: f64,
}

/// Finds the numbers in `text`.
pub fn extract(text: &str, profile: &Profile) -> Vec<NumberMention> {
    let _ = (text, profile);
    Vec::new()
}
