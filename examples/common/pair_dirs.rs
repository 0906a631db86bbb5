//! The sample and held-out pair folders the examples read.

use std::path::{Path, PathBuf};

/// Folders under `samples/` and `tests/data/heldout/` holding a clean pair
/// (`pt.txt` and `en.txt`), sorted within each.
pub fn pair_dirs() -> anyhow::Result<Vec<PathBuf>> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for root in [base.join("samples"), base.join("tests/data/heldout")] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(&root)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("pt.txt").exists() && p.join("en.txt").exists())
            .collect();
        found.sort();
        out.extend(found);
    }
    Ok(out)
}
