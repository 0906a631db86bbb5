//! Findings per 1,000 links on a real, professional translation pair: the
//! Portuguese Almeida and the English WEB Bibles (143 chapters), built by
//! `../shared/corpora/bible-pt-en/fetch.sh DIR`. Neither translates the
//! other, so some findings are real differences; the rest are false alarms.
//!
//! `cargo run --release --example bible_eval -- DIR [RULE [N]]`
//! prints errors and warnings per 1,000 links by rule, then (with RULE) up
//! to N of that rule's errors for judging by hand.

use std::collections::BTreeMap;
use std::path::PathBuf;
use transcheck::Severity;
use transcheck::glossary::Glossary;
use transcheck::input::Document;
use transcheck::pipeline::{PairOptions, check_pair};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        anyhow::bail!("usage: bible_eval DIR [RULE [N]] (DIR from bible-pt-en/fetch.sh)");
    };
    let show = args.next();
    let limit: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(40);
    let docs = std::fs::read_to_string(dir.join("docs.txt"))?;
    let opts = PairOptions {
        source_lang: Some("pt".into()),
        target_lang: Some("en".into()),
        presegmented: true,
        builtin_glossary: true,
        ..Default::default()
    };
    let empty = Glossary::default();
    let (mut links, mut shown) = (0usize, 0usize);
    let mut by_rule: BTreeMap<&str, [usize; 2]> = BTreeMap::new();
    for name in docs.lines().filter(|l| !l.trim().is_empty()) {
        let src = Document::load(&dir.join("pt").join(format!("{name}.txt")))?;
        let tgt = Document::load(&dir.join("en").join(format!("{name}.txt")))?;
        let r = check_pair(src, tgt, &empty, &opts);
        links += r.links.len();
        for f in &r.findings {
            let slot = match f.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => continue,
            };
            by_rule.entry(f.rule).or_default()[slot] += 1;
            if slot == 0 && show.as_deref() == Some(f.rule) && shown < limit {
                shown += 1;
                let v = f.link.and_then(|l| r.views.get(l));
                let side = |t: Option<&transcheck::checks::SideText>| {
                    t.map(|t| t.text.clone()).unwrap_or_default()
                };
                println!("{name}: {}", f.message);
                println!("  pt: {}", side(v.map(|v| &v.source)));
                println!("  en: {}", side(v.map(|v| &v.target)));
            }
        }
    }
    println!("{links} links");
    println!("{:<14} {:>8} {:>8}", "rule", "err/1k", "warn/1k");
    let per_k = |n: usize| n as f64 * 1000.0 / links.max(1) as f64;
    for (rule, [e, w]) in &by_rule {
        println!("{rule:<14} {:>8.2} {:>8.2}", per_k(*e), per_k(*w));
    }
    Ok(())
}
