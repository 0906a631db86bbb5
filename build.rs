//! Embeds every language profile in `src/profiles/` and every bilingual
//! lexicon in `glossaries/lexicon/` and country-name list in
//! `glossaries/countries/`, so that adding a language or a pair is
//! adding a data file.

use std::fmt::Write;

fn main() {
    // The generic profile goes last: lookups fall back to it.
    embed("src/profiles", "toml", "profiles.rs", |n| {
        (n == "xx", n.to_string())
    });
    embed("glossaries/lexicon", "tsv", "lexicons.rs", |n| {
        (false, n.to_string())
    });
    embed("glossaries/countries", "tsv", "countries.rs", |n| {
        (false, n.to_string())
    });
}

/// Every `<name>.<ext>` file of `dir` as a `&[("name", text)]` slice in
/// `OUT_DIR/<out>`, in the order `key` gives.
fn embed(dir: &str, ext: &str, out: &str, key: impl Fn(&str) -> (bool, String)) {
    println!("cargo:rerun-if-changed={dir}");
    let suffix = format!(".{ext}");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(&suffix))
                .collect()
        })
        .unwrap_or_default();
    names.sort_by_key(|n| key(n.trim_end_matches(&suffix)));
    let mut text = String::from("&[\n");
    for n in &names {
        let name = n.trim_end_matches(&suffix);
        // Relative to the manifest, not an absolute path: a target directory
        // copied from another checkout must not embed that checkout's files.
        writeln!(
            text,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{dir}/{n}\"))),"
        )
        .unwrap();
        println!("cargo:rerun-if-changed={dir}/{n}");
    }
    text.push_str("]\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join(out);
    std::fs::write(dest, text).expect("write the embedded data");
}
