//! Embeds every language profile in `src/profiles/` and every bilingual
//! lexicon in `glossaries/lexicon/`, so that adding a language or a pair is
//! adding a data file.

use std::fmt::Write;

fn main() {
    let dir = std::path::Path::new("src/profiles");
    println!("cargo:rerun-if-changed=src/profiles");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("src/profiles exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    // The generic profile goes last: lookups fall back to it.
    names.sort_by_key(|n| (n == "xx.toml", n.clone()));
    let mut out = String::from("&[\n");
    for n in &names {
        let code = n.trim_end_matches(".toml");
        // Relative to the manifest, not an absolute path: a target directory
        // copied from another checkout must not embed that checkout's files.
        writeln!(
            out,
            "    ({code:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/src/profiles/{n}\"))),"
        )
        .unwrap();
        println!("cargo:rerun-if-changed=src/profiles/{n}");
    }
    out.push_str("]\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("profiles.rs");
    std::fs::write(dest, out).expect("write profiles.rs");
    lexicons();
}

/// `glossaries/lexicon/<a>-<b>.tsv` as `("a-b", text)` pairs.
fn lexicons() {
    let dir = std::path::Path::new("glossaries/lexicon");
    println!("cargo:rerun-if-changed=glossaries/lexicon");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tsv"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("&[\n");
    for n in &names {
        let pair = n.trim_end_matches(".tsv");
        writeln!(
            out,
            "    ({pair:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/glossaries/lexicon/{n}\"))),"
        )
        .unwrap();
        println!("cargo:rerun-if-changed=glossaries/lexicon/{n}");
    }
    out.push_str("]\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("lexicons.rs");
    std::fs::write(dest, out).expect("write lexicons.rs");
}
