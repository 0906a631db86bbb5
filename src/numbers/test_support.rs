//! Shorthands for the number tests.

pub(super) use super::{NumberKind, NumberMention, extract};
pub(super) use crate::profile::Profile;

pub(super) fn pt() -> Profile {
    Profile::builtin("pt")
}

pub(super) fn en() -> Profile {
    Profile::builtin("en")
}

/// (raw, value, weak) of every mention.
pub(super) fn ex(text: &str, p: &Profile) -> Vec<(String, f64, bool)> {
    extract(text, p)
        .into_iter()
        .map(|m| (m.raw, m.value, m.weak))
        .collect()
}

pub(super) fn strong(text: &str, p: &Profile) -> Vec<f64> {
    extract(text, p)
        .into_iter()
        .filter(|m| !m.weak)
        .map(|m| m.value)
        .collect()
}

pub(super) fn one(text: &str, p: &Profile) -> NumberMention {
    let ms = extract(text, p);
    assert_eq!(ms.len(), 1, "{text}: {ms:?}");
    ms.into_iter().next().unwrap()
}
