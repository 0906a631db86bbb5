//! `transcheck align SRC TGT`: aligns two texts and prints the links
//! (human side-by-side, TSV or JSON), optionally scored against gold links.

use crate::align::{Link, gold};
use crate::input::Document;
use crate::segment::Segment;
use anyhow::Result;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AlignFormat {
    Human,
    Tsv,
    Json,
}

#[derive(Debug, Args)]
pub struct AlignArgs {
    pub source: PathBuf,
    pub target: PathBuf,
    #[arg(long, value_parser = super::parse_lang)]
    pub source_lang: Option<String>,
    #[arg(long, value_parser = super::parse_lang)]
    pub target_lang: Option<String>,
    /// Each input line is one sentence; `<p>` lines mark paragraphs.
    #[arg(long)]
    pub presegmented: bool,
    /// Score against gold links (vecalign format); needs --presegmented.
    /// Prints strict precision, recall and F1 (to stderr with --format json).
    #[arg(long, requires = "presegmented")]
    pub gold: Option<PathBuf>,
    /// Glossaries whose term pairs serve as anchors.
    #[arg(long)]
    pub glossary: Vec<PathBuf>,
    /// Bilingual lexicon (.tsv) or a folder of them, layered over the
    /// built-in one; repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Leave out the built-in lexicon.
    #[arg(long)]
    pub no_builtin_lexicon: bool,
    #[arg(long, value_enum, default_value = "human")]
    pub format: AlignFormat,
}

pub fn run(args: AlignArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8> {
    use crate::pipeline::*;
    let source = crate::formats::prose_view(super::load(&args.source)?, None, &Default::default());
    let target = crate::formats::prose_view(super::load(&args.target)?, None, &Default::default());
    let mut notices: Vec<String> = super::same_file_notice(&args.source, &args.target)
        .into_iter()
        .collect();
    // Presegmented corpora are often in languages without a profile; the
    // generic one serves them, so failing detection is no news.
    let fallback = |d: &str| if args.presegmented { "xx" } else { d }.to_string();
    let sl = resolve_language(
        &source,
        args.source_lang.as_deref(),
        &fallback("pt"),
        &mut notices,
    );
    let tl = resolve_language(
        &target,
        args.target_lang.as_deref(),
        &fallback("en"),
        &mut notices,
    );
    for n in notices {
        if args.presegmented && n.contains("could not detect") {
            continue;
        }
        writeln!(err, "warning: {}", esc(&n))?;
    }
    let sp = crate::profile::Profile::builtin(&sl);
    let tp = crate::profile::Profile::builtin(&tl);
    let mut glossary = crate::glossary::Glossary::default();
    for g in &args.glossary {
        glossary.extend(crate::glossary::Glossary::load(g, &sl, &tl)?);
    }
    // A large user lexicon is not freed word by word as the process ends.
    let lexicons = std::mem::ManuallyDrop::new(crate::lexicon::Lexicons::load(
        &args.lexicon,
        !args.no_builtin_lexicon,
    )?);
    let (lexicon, _) = lexicons.for_pair(&sp, &tp);
    let ss = segment_doc(&source, &sp, args.presegmented);
    let ts = segment_doc(&target, &tp, args.presegmented);
    // Read the gold first: a bad gold file should fail before any output.
    let gold_links = match &args.gold {
        Some(g) => Some(gold::load_checked(g, ss.len(), ts.len())?),
        None => None,
    };
    let links = align_docs_lexicon(
        &source, &target, &ss, &ts, &sp, &tp, &glossary, lexicon, true,
    );
    let src = Texts {
        doc: &source,
        segs: &ss,
    };
    let tgt = Texts {
        doc: &target,
        segs: &ts,
    };
    match args.format {
        AlignFormat::Json => write_json(out, &links, &src, &tgt)?,
        AlignFormat::Tsv => write_tsv(out, &links, &src, &tgt)?,
        AlignFormat::Human => write_human(out, &links, &src, &tgt)?,
    }
    if let Some(g) = gold_links {
        let s = gold::score(&g, &gold::from_links(&links));
        let line = format!(
            "precision {:.4} recall {:.4} f1 {:.4}",
            s.precision(),
            s.recall(),
            s.f1()
        );
        match args.format {
            AlignFormat::Json => writeln!(err, "{line}")?,
            _ => writeln!(out, "{line}")?,
        }
    }
    Ok(super::exit::CLEAN)
}

use crate::report::escape::terminal as esc;

/// One side's sentences, for printing.
struct Texts<'a> {
    doc: &'a Document,
    segs: &'a [Segment],
}

impl Texts<'_> {
    /// The link's sentences on this side, joined by one space.
    fn join(&self, ids: &[usize]) -> String {
        ids.iter()
            .filter_map(|&i| self.segs.get(i))
            .map(|s| s.text(self.doc))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn ids(v: &[usize]) -> String {
    v.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// One link in the JSON output, fields in the documented order.
#[derive(serde::Serialize)]
struct JsonLink<'a> {
    #[serde(rename = "type")]
    kind: String,
    source: &'a [usize],
    target: &'a [usize],
    source_text: String,
    target_text: String,
    score: f64,
}

#[derive(serde::Serialize)]
struct JsonLinks<'a> {
    links: LinkSeq<'a>,
}

/// The links, each made into a [`JsonLink`] as it is written: a million
/// links never sit in memory as text.
struct LinkSeq<'a> {
    links: &'a [Link],
    src: &'a Texts<'a>,
    tgt: &'a Texts<'a>,
}

impl serde::Serialize for LinkSeq<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.links.iter().map(|l| JsonLink {
            kind: l.kind(),
            source: &l.source,
            target: &l.target,
            source_text: self.src.join(&l.source),
            target_text: self.tgt.join(&l.target),
            score: (l.score * 100.0).round() / 100.0,
        }))
    }
}

/// Streams the links out through the CI-safe escaping writer.
fn write_json(out: &mut dyn Write, links: &[Link], src: &Texts, tgt: &Texts) -> Result<()> {
    let links = LinkSeq { links, src, tgt };
    let mut w = crate::report::escape::JsonWriter::new(out);
    serde_json::to_writer(&mut w, &JsonLinks { links })?;
    w.write_all(b"\n")?;
    w.finish()?;
    Ok(())
}

fn write_tsv(out: &mut dyn Write, links: &[Link], src: &Texts, tgt: &Texts) -> Result<()> {
    let clean = |s: String| s.replace(['\t', '\n'], " ");
    writeln!(
        out,
        "type\tscore\tlow_confidence\tsource\ttarget\tsource_text\ttarget_text"
    )?;
    for l in links {
        writeln!(
            out,
            "{}\t{:.2}\t{}\t{}\t{}\t{}\t{}",
            l.kind(),
            l.score,
            l.low_confidence,
            ids(&l.source),
            ids(&l.target),
            esc(&clean(src.join(&l.source))),
            esc(&clean(tgt.join(&l.target)))
        )?;
    }
    Ok(())
}

/// Column width of each side in the human format.
const COLUMN: usize = 48;

fn write_human(out: &mut dyn Write, links: &[Link], src: &Texts, tgt: &Texts) -> Result<()> {
    let low = links.iter().filter(|l| l.low_confidence).count();
    writeln!(
        out,
        "{} links, {} source and {} target sentences; {} low-confidence (marked ?)",
        links.len(),
        src.segs.len(),
        tgt.segs.len(),
        low
    )?;
    for l in links {
        let mark = if l.low_confidence { '?' } else { ' ' };
        let left = wrap(&esc(&src.join(&l.source)), COLUMN);
        let right = wrap(&esc(&tgt.join(&l.target)), COLUMN);
        let head = format!("{mark} {:<3} {:.2}", l.kind(), l.score);
        let ids = format!("  [{}]:[{}]", ids(&l.source), ids(&l.target));
        for k in 0..left.len().max(right.len()).max(1) {
            let a = left.get(k).map(String::as_str).unwrap_or("");
            let b = right.get(k).map(String::as_str).unwrap_or("");
            let pad = COLUMN.saturating_sub(width(a));
            let h = if k == 0 { head.as_str() } else { "" };
            let tail = if k == 0 { ids.as_str() } else { "" };
            writeln!(out, "{h:<10} {a}{:pad$} │ {b}{tail}", "")?;
        }
    }
    Ok(())
}

fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Greedy word wrap to `cols` display columns; over-long words are cut.
fn wrap(s: &str, cols: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut w = 0;
    for word in s.split_whitespace() {
        let ww = width(word);
        if w > 0 && w + 1 + ww > cols {
            lines.push(std::mem::take(&mut cur));
            w = 0;
        }
        if w > 0 {
            cur.push(' ');
            w += 1;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if w + cw > cols {
                lines.push(std::mem::take(&mut cur));
                w = 0;
            }
            cur.push(c);
            w += cw;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn files(src: &str, tgt: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let (s, t) = (dir.path().join("src.txt"), dir.path().join("tgt.txt"));
        std::fs::write(&s, src).unwrap();
        std::fs::write(&t, tgt).unwrap();
        (dir, s, t)
    }

    fn args(s: &Path, t: &Path, format: AlignFormat) -> AlignArgs {
        AlignArgs {
            source: s.to_path_buf(),
            target: t.to_path_buf(),
            source_lang: Some("de".into()),
            target_lang: Some("fr".into()),
            presegmented: true,
            gold: None,
            glossary: Vec::new(),
            lexicon: Vec::new(),
            no_builtin_lexicon: false,
            format,
        }
    }

    fn run_to_strings(a: AlignArgs) -> (Result<u8>, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let r = run(a, &mut out, &mut err);
        (
            r,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    const SRC: &str = "Bern hat 130 000 Einwohner.\nDie Aare fliesst durch Bern.\n";
    const TGT: &str = "Berne compte 130 000 habitants.\nL'Aar traverse Berne.\nElle est belle.\n";

    #[test]
    fn json_has_the_documented_shape() {
        let (_d, s, t) = files(SRC, TGT);
        let (r, out, _) = run_to_strings(args(&s, &t, AlignFormat::Json));
        assert_eq!(r.unwrap(), 0);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let links = v["links"].as_array().unwrap();
        assert_eq!(v.as_object().unwrap().len(), 1);
        let first = links[0].as_object().unwrap();
        let keys: Vec<&str> = first.keys().map(String::as_str).collect();
        for k in [
            "type",
            "source",
            "target",
            "source_text",
            "target_text",
            "score",
        ] {
            assert!(keys.contains(&k), "{keys:?}");
        }
        assert_eq!(first.len(), 6);
        assert_eq!(first["type"], "1-1");
        assert_eq!(first["source_text"], "Bern hat 130 000 Einwohner.");
        let covered: usize = links
            .iter()
            .map(|l| l["target"].as_array().unwrap().len())
            .sum();
        assert_eq!(covered, 3);
    }

    #[test]
    fn gold_scores_follow_the_links() {
        let (d, s, t) = files(SRC, TGT);
        let g = d.path().join("gold.txt");
        std::fs::write(&g, "[0]:[0]\n[1]:[1, 2]\n").unwrap();
        let mut a = args(&s, &t, AlignFormat::Tsv);
        a.gold = Some(g.clone());
        let (r, out, _) = run_to_strings(a);
        assert_eq!(r.unwrap(), 0);
        assert!(out.starts_with("type\tscore\t"), "{out}");
        let last = out.lines().last().unwrap();
        assert!(last.starts_with("precision "), "{out}");
        // JSON keeps stdout parseable: the score goes to stderr.
        let mut a = args(&s, &t, AlignFormat::Json);
        a.gold = Some(g);
        let (_, out, err) = run_to_strings(a);
        assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok());
        assert!(err.contains("f1 "), "{err}");
    }

    #[test]
    fn bad_gold_is_an_error_naming_the_line() {
        let (d, s, t) = files(SRC, TGT);
        let g = d.path().join("gold.txt");
        std::fs::write(&g, "[0]:[0]\n[1]:[7]\n").unwrap();
        let mut a = args(&s, &t, AlignFormat::Human);
        a.gold = Some(g);
        let (r, out, _) = run_to_strings(a);
        let e = format!("{:#}", r.unwrap_err());
        assert!(e.contains("gold.txt:2:"), "{e}");
        assert!(out.is_empty(), "no links printed before the error: {out}");
    }

    #[test]
    fn human_marks_types_and_scores() {
        let (_d, s, t) = files(SRC, TGT);
        let (r, out, _) = run_to_strings(args(&s, &t, AlignFormat::Human));
        assert_eq!(r.unwrap(), 0);
        assert!(out.contains("1-1"), "{out}");
        assert!(out.contains(" │ "), "{out}");
        assert!(
            out.lines().next().unwrap().contains("low-confidence"),
            "{out}"
        );
    }

    #[test]
    fn wrap_respects_width_and_keeps_words() {
        let lines = wrap("aaa bbb ccc dddddddddd", 7);
        assert_eq!(lines, ["aaa bbb", "ccc", "ddddddd", "ddd"]);
        assert!(wrap("", 5).is_empty());
        assert!(wrap("ação é", 4).iter().all(|l| width(l) <= 4));
    }
}
