//! The HTML review page in a real browser: headless Chromium driven through
//! chromedriver by `tests/browser/review.mjs` (Node, no npm package). The
//! page is made from a shipped sample whose target has markup injected into
//! its text. Ignored by a plain `cargo test`, which may run where there is
//! no browser; `.ci/run` installs Chromium and runs it. The screenshot is
//! kept as `target/html-review.png`.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn on_path(bin: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(bin))
            .find(|p| p.is_file())
    })
}

#[test]
#[ignore = "needs chromium, chromedriver and node (.ci/run installs them and runs this)"]
fn review_page_in_headless_chromium() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tools: Vec<_> = ["chromium", "chromedriver", "node"]
        .iter()
        .map(|b| (b, on_path(b)))
        .collect();
    let missing: Vec<_> = tools
        .iter()
        .filter(|t| t.1.is_none())
        .map(|t| *t.0)
        .collect();
    assert!(
        missing.is_empty(),
        "missing {missing:?}: apt-get install chromium chromium-driver nodejs (or run .ci/run)"
    );
    let dir = tempfile::tempdir().unwrap();
    let sample = root.join("samples/ira-eua-oma");
    let mut target = std::fs::read_to_string(sample.join("en.flawed.txt")).unwrap();
    target.push_str(
        "\nThe minister said <script>window.__pwned=1</script> and <img src=x onerror=\"window.__pwned=2\"> today.\n",
    );
    std::fs::write(dir.path().join("en.txt"), target).unwrap();
    let page = dir.path().join("review.html");
    Command::cargo_bin("transcheck")
        .unwrap()
        .arg("check")
        .arg(sample.join("pt.txt"))
        .arg(dir.path().join("en.txt"))
        .arg("--glossary")
        .arg(root.join("glossaries"))
        .args([
            "--no-config",
            "--format",
            "html",
            "--fail-on",
            "never",
            "-o",
        ])
        .arg(&page)
        .assert()
        .success();
    let shot = root.join("target/html-review.png");
    let out = std::process::Command::new("node")
        .arg(root.join("tests/browser/review.mjs"))
        .arg(&page)
        .arg(&shot)
        .arg(tools[1].1.as_ref().unwrap())
        .arg(tools[0].1.as_ref().unwrap())
        .output()
        .expect("node runs");
    let log = String::from_utf8_lossy(&out.stdout);
    eprintln!("{log}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "browser checks failed:\n{log}");
    assert!(log.contains("ok: injected markup did not run"), "{log}");
    assert!(shot.is_file(), "no screenshot at {}", shot.display());
}
