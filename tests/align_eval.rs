//! Strict link F1 on the gold corpora (Text+Berg de-fr dev, ParIce en-is),
//! from `$TRANSCHECK_CORPORA` or a `shared/corpora` folder above the package,
//! and the Bible pt-en when `find_bible` finds it built. Ignored by a plain
//! `cargo test`; fails when run without the corpora.

use std::path::Path;
use transcheck::align::{Params, eval};

/// The aligner must clearly beat hunalign without a dictionary (0.66 / 0.75).
const MIN_F1: f64 = 0.85;

#[test]
#[ignore = "needs ../shared/corpora (or TRANSCHECK_CORPORA); .ci/run runs it when the data is there"]
fn gold_corpora_f1() {
    let start = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = eval::find_corpora(start).unwrap_or_else(|| {
        panic!(
            "gold corpora not found: set TRANSCHECK_CORPORA or put shared/corpora above {}",
            start.display()
        )
    });
    let results = eval::evaluate(&dir, &Params::default()).expect("corpora readable");
    // Text+Berg and ParIce always; the Bible pt-en too when it has been built.
    let expected = 2 + usize::from(eval::find_bible().is_some());
    assert_eq!(results.len(), expected);
    for c in &results {
        eprintln!(
            "{}: precision {:.3} recall {:.3} f1 {:.3}",
            c.name,
            c.pooled.precision(),
            c.pooled.recall(),
            c.pooled.f1()
        );
        assert!(c.pooled.gold > 0, "{}: no gold links read", c.name);
    }
    for c in &results {
        assert!(
            c.pooled.f1() >= MIN_F1,
            "{}: strict F1 {:.3} below {MIN_F1}",
            c.name,
            c.pooled.f1()
        );
    }
}
