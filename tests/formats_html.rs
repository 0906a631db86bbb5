//! HTML input: the site fixture's page pair (clean page clean, every planted
//! mistake found), the CLI on HTML (locations, exit codes, a patch `git apply
//! --check` accepts), and a property test that the prose view maps back to
//! byte ranges of the original on char boundaries.

#[path = "common/run.rs"]
mod run;
mod site;

use assert_cmd::Command;
use proptest::prelude::*;
use serde_json::Value;
use transcheck::formats::html;
use transcheck::input::Document;

#[test]
fn site_page_clean_and_every_planted_mistake_found() {
    let (planted, found, reported) = site::assert_site(".html");
    assert_eq!(planted, found);
    println!("html pages: {found}/{planted} planted mistakes found, {reported} findings");
}

const SRC: &str = "pt/index.html";
const CLEAN: &str = "en/index.html";
const FLAWED: &str = "en/index.flawed.html";

fn check(target: &str, format: &str) -> assert_cmd::assert::Assert {
    Command::cargo_bin("transcheck")
        .unwrap()
        .current_dir(site::root())
        .args([
            "check",
            SRC,
            target,
            "--source-lang",
            "pt",
            "--target-lang",
            "en",
        ])
        .args(["--format", format])
        .assert()
}

#[test]
fn cli_exit_codes_and_locations() {
    check(CLEAN, "human").code(0);
    let out = check(FLAWED, "github").code(1).get_output().stdout.clone();
    let s = String::from_utf8(out).unwrap();
    // The number inside the paragraph, the alt text inside the tag.
    assert!(s.contains(&format!("file={FLAWED},line=20,col=41")), "{s}");
    assert!(s.contains(&format!("file={FLAWED},line=21,col=37")), "{s}");
    let out = check(FLAWED, "sarif").code(1).get_output().stdout.clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let lines: Vec<u64> = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64())
        .collect();
    assert!(lines.contains(&34) && lines.contains(&36), "{lines:?}");
}

#[test]
fn patch_edits_text_only_and_applies() {
    let out = check(FLAWED, "patch").code(1).get_output().stdout.clone();
    let diff = String::from_utf8(out).unwrap();
    assert!(diff.contains("from 14 banks"), "{diff}");
    for bad in ["+    <pre>", "href=\"/pt/docs/instalar", "cartolla</code>"] {
        assert!(!diff.contains(bad), "patch touches {bad}:\n{diff}");
    }
    let d = tempfile::tempdir().unwrap();
    let dest = d.path().join(FLAWED);
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    std::fs::copy(site::root().join(FLAWED), &dest).unwrap();
    let Ok(mut git) = std::process::Command::new("git")
        .args(["apply", "--check", "-"])
        .current_dir(d.path())
        .stdin(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("git not installed: skipping git apply --check");
        return;
    };
    use std::io::Write;
    git.stdin
        .take()
        .unwrap()
        .write_all(diff.as_bytes())
        .unwrap();
    assert!(
        git.wait().unwrap().success(),
        "git apply --check rejected:\n{diff}"
    );
}

fn htmlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<h2>Título</h2>".to_string()),
        Just("<ul><li>um<li>dois</ul>".to_string()),
        Just("<table><tr><td>ç</td></tr></table>".to_string()),
        Just("<code>x</code>".to_string()),
        Just("<pre>a\nb</pre>".to_string()),
        Just("<a href=\"/x\" title=\"tí\">l</a>".to_string()),
        Just("<img src=a.png alt=\"alt çã\">".to_string()),
        Just("<script>var a = '<p>';</script>".to_string()),
        Just("<style>p{}</style>".to_string()),
        Just("&amp; &eacute; &#x1F600; &bogus;".to_string()),
        Just("<!-- transcheck-ignore: number ok -->".to_string()),
        Just("<!-- c".to_string()),
        Just("<".to_string()),
        Just("e\u{301}👍🏽".to_string()),
        "[a-zA-Zàãçé .,]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..20).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn prose_maps_back_to_the_original(src in htmlish()) {
        let orig = Document::from_text("a.html", &src);
        let d = html::read(&orig, &Default::default());
        let m = d.markup.as_ref().expect("markup");
        let o = &m.original.text;
        for (i, _) in d.text.char_indices().chain(std::iter::once((d.text.len(), ' '))) {
            let at = m.to_original(i);
            prop_assert!(at <= o.len() && o.is_char_boundary(at));
        }
        let profile = transcheck::profile::Profile::builtin("pt");
        for s in transcheck::pipeline::segment_doc(&d, &profile, false) {
            let r = m.range_to_original(s.start..s.end);
            prop_assert!(r.end <= o.len() && o.is_char_boundary(r.start) && o.is_char_boundary(r.end));
            if let Some(v) = m.verbatim_range(s.start..s.end) {
                prop_assert_eq!(&o[v], &d.text[s.start..s.end]);
            }
        }
        for p in &m.pieces {
            prop_assert!(p.original.end <= o.len());
            prop_assert!(o.is_char_boundary(p.original.start) && o.is_char_boundary(p.original.end));
        }
    }
}

/// Errors of `transcheck check` on an English page and its Portuguese
/// translation, written to a temporary directory.
fn en_pt_errors(name: &str, en: &str, pt: &str) -> Vec<String> {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join("en")).unwrap();
    std::fs::create_dir_all(d.path().join("pt")).unwrap();
    std::fs::write(d.path().join("en").join(name), en).unwrap();
    std::fs::write(d.path().join("pt").join(name), pt).unwrap();
    let (en, pt) = (format!("en/{name}"), format!("pt/{name}"));
    run::findings(
        d.path(),
        &[&en, &pt, "--source-lang", "en", "--target-lang", "pt"],
    )
    .iter()
    .filter(|f| f["severity"] == "error")
    .map(|f| format!("{}: {}", f["rule"], f["message"]))
    .collect()
}

/// A generated manual page: a style-sheet title, versions, a wrapped code
/// span and a config block whose comment alone is translated.
#[test]
fn a_manual_page_pair_draws_no_false_error() {
    let en = "<html><head><title>New features</title>\
        <link href=\"a.css\" rel=\"alternate stylesheet\" title=\"No Sidebar - Default font size\" />\
        </head><body><p>Changes between the 1.3 and 2.0 versions, HTTP/1.1 and APR 1.0.</p>\
        <p>Avoid <code>SSLOptions\n      +StdEnvVars</code> here.</p>\
        <pre class=\"prettyprint lang-config\"># Load the module\nLoadModule foo_module modules/mod_foo.so</pre>\
        <p>It is available in version 2.4.30 and later.</p></body></html>";
    let pt = "<html><head><title>Novidades</title>\
        <link href=\"a.css\" rel=\"alternate stylesheet\" title=\"No Sidebar - Default font size\" />\
        </head><body><p>Mudanças entre as versões 1.3 e 2.0, HTTP/1.1 e APR 1.0.</p>\
        <p>Evite <code>SSLOptions +StdEnvVars</code> aqui.</p>\
        <pre class=\"prettyprint lang-config\"># Carrega o módulo\nLoadModule foo_module modules/mod_foo.so</pre>\
        <p>Está disponível a partir da versão 2.4.30.</p></body></html>";
    let errors = en_pt_errors("page.html", en, pt);
    assert!(errors.is_empty(), "{errors:#?}");
    // The same page with a decimal left in English and the code changed.
    let flawed = pt
        .replace("APR 1.0.", "APR 1.0, num ganho de 2.5 vezes.")
        .replace("foo_module modules", "bar_module modules");
    let en_flawed = en.replace("APR 1.0.", "APR 1.0, a 2.5-fold gain.");
    let errors = en_pt_errors("page.html", &en_flawed, &flawed);
    assert!(errors.iter().any(|e| e.contains("number")), "{errors:#?}");
    assert!(errors.iter().any(|e| e.contains("code")), "{errors:#?}");
}

/// Errors of `transcheck check` on an English page and its French translation.
fn en_fr_errors(en: &str, fr: &str) -> Vec<String> {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("en.html"), en).unwrap();
    std::fs::write(d.path().join("fr.html"), fr).unwrap();
    run::findings(
        d.path(),
        &[
            "en.html",
            "fr.html",
            "--source-lang",
            "en",
            "--target-lang",
            "fr",
        ],
    )
    .iter()
    .filter(|f| f["severity"] == "error")
    .map(|f| format!("{}: {}", f["rule"], f["message"]))
    .collect()
}

/// A directive reference page: syntax lines in table cells, versions after
/// a product name, section references, parameters and a back-reference.
#[test]
fn a_directive_reference_page_draws_no_false_error() {
    let en = "<html><body><table>        <tr><td>SSLEngine on|off|optional</td></tr>        <tr><td>AddType text/html .shtml</td></tr>        <tr><td>&lt;Directory \"/usr/local/httpd\"&gt;</td></tr></table>        <p>Apache 2.4 is a general-purpose web server.</p>        <p>New features with Apache 2.0</p>        <p>See RFC 7230 §9.4 and RFC 2616 section 14.28 for details.</p>        <p>The client sends fr; q=0.8 and builds it with Visual C++ 6.0.</p>        <p>Bytes received cannot be zero.</p></body></html>";
    let fr = "<html><body><table>        <tr><td>SSLEngine on|off|optional</td></tr>        <tr><td>AddType text/html .shtml</td></tr>        <tr><td>&lt;Directory \"/usr/local/httpd\"&gt;</td></tr></table>        <p>Apache 2.4 est un serveur web à usage général.</p>        <p>Nouvelles fonctionnalités d'Apache 2.0</p>        <p>Voir la RFC 7230 §9.4 et la RFC 2616 section 14.28 pour les détails.</p>        <p>Le client envoie fr; q=0.8 et le compile avec Visual C++ 6.0.</p>        <p>Le nombre d'octets reçus ne peut pas être nul.</p></body></html>";
    let errors = en_fr_errors(en, fr);
    assert!(errors.is_empty(), "{errors:#?}");
    // A decimal in running text and a sentence left in English still count.
    let flawed = fr
        .replace("pour les détails.", "pour les détails, soit 2.5 fois plus.")
        .replace(
            "Apache 2.4 est un serveur web à usage général.",
            "Apache 2.4 is a general-purpose web server.",
        );
    let en_flawed = en.replace("for details.", "for details, 2.5 times more.");
    let errors = en_fr_errors(&en_flawed, &flawed);
    assert!(errors.iter().any(|e| e.contains("number")), "{errors:#?}");
    assert!(
        errors.iter().any(|e| e.contains("untranslated")),
        "{errors:#?}"
    );
}

/// A Hugo content page in HTML opens with front matter.
#[test]
fn a_hugo_html_page_reads_its_front_matter() {
    let en = "---\ntitle: Donate\nslug: donate\nlastmod: 2025-05-03\n---\n<p>Thank you for your support.</p>\n";
    let pt = "---\ntitle: Doar\nslug: donate\nlastmod: 2024-01-10\n---\n<p>Obrigado pelo seu apoio.</p>\n";
    let errors = en_pt_errors("donate.html", en, pt);
    assert!(errors.is_empty(), "{errors:#?}");
    let errors = en_pt_errors("donate.html", en, &pt.replace("slug: donate", "slug: doar"));
    assert!(
        errors.iter().any(|e| e.contains("front-matter")),
        "{errors:#?}"
    );
}
