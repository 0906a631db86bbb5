//! Where the aligner's memory and time go on one pair, stage by stage:
//! load, segment, anchors, align, refine. After each stage it prints the
//! wall time and CPU time (user + system) so far, the process's peak (VmHWM) and current (VmRSS) memory, and at
//! the end a digest of the links (to compare two builds' output).
//!
//! `cargo run --release --example align_mem -- SRC TGT [SRC_LANG TGT_LANG]`
//! (languages default to pt and en). `ALIGN_MEM_CHECKS=1` then goes on as
//! `check` does (hidden sentences, link views, glossary matches) and runs
//! every rule alone, each with its own peak above what was resident before
//! it (the peak is reset through /proc/self/clear_refs). `ALIGN_MEM_TRACE=MS` also prints the
//! resident memory every MS milliseconds, to place a peak inside a stage.
//! Linux only (reads /proc/self/status); no size cap on the inputs.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;
use transcheck::align::{self, PairAnchors, Side};
use transcheck::input::Document;
use transcheck::pipeline;
use transcheck::profile::Profile;

// The binary's allocator and settings, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option (its index in `mi_option_e`).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// A field of /proc/self/status in MiB (0 when not readable).
fn status_mib(field: &str) -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Resets the process's peak (VmHWM) to its current resident size.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The process's CPU time so far (user + system, all threads), in seconds.
fn cpu_seconds() -> f64 {
    // SAFETY: getrusage fills the struct it is handed.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) } != 0 {
        return 0.0;
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(u.ru_utime) + secs(u.ru_stime)
}

fn stage(name: &str, t0: Instant) {
    eprintln!(
        "{name:<10} {:>8.2} s  cpu {:>8.2} s  peak {:>7.0} MiB  now {:>7.0} MiB",
        t0.elapsed().as_secs_f64(),
        cpu_seconds(),
        status_mib("VmHWM:"),
        status_mib("VmRSS:")
    );
}

fn main() -> anyhow::Result<()> {
    // SAFETY: an option set before any thread is spawned.
    let delay = std::env::var("ALIGN_MEM_PURGE_DELAY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, delay) };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(src_path), Some(tgt_path)) = (args.first(), args.get(1)) else {
        anyhow::bail!("usage: align_mem SRC TGT [SRC_LANG TGT_LANG]");
    };
    let sl = args.get(2).map_or("pt", String::as_str);
    let tl = args.get(3).map_or("en", String::as_str);
    let t0 = Instant::now();
    let done = AtomicBool::new(false);
    let trace = std::env::var("ALIGN_MEM_TRACE")
        .ok()
        .and_then(|v| v.parse::<u64>().ok());
    std::thread::scope(|s| -> anyhow::Result<()> {
        if let Some(ms) = trace {
            let done = &done;
            s.spawn(move || {
                while !done.load(Ordering::Relaxed) {
                    std::thread::sleep(std::time::Duration::from_millis(ms));
                    stage("  trace", t0);
                }
            });
        }
        let r = run(
            (&PathBuf::from(src_path), &PathBuf::from(tgt_path)),
            (sl, tl),
            t0,
        );
        done.store(true, Ordering::Relaxed);
        r
    })
}

fn run(
    (src_path, tgt_path): (&PathBuf, &PathBuf),
    (sl, tl): (&str, &str),
    t0: Instant,
) -> anyhow::Result<()> {
    let source = Document::load_limited(src_path, u64::MAX)?;
    let target = Document::load_limited(tgt_path, u64::MAX)?;
    stage("load", t0);
    let (sp, tp) = (Profile::builtin(sl), Profile::builtin(tl));
    let lexicons = transcheck::lexicon::Lexicons::load(&[], true)?;
    let (lexicon, _) = lexicons.for_pair(&sp, &tp);
    // In parallel, as `check` segments them.
    let (ss, ts) = rayon::join(
        || pipeline::segment_doc(&source, &sp, false),
        || pipeline::segment_doc(&target, &tp, false),
    );
    stage("segment", t0);
    let src = Side::of_segments(&source, &ss, &sp);
    let tgt = Side::of_segments(&target, &ts, &tp);
    let options = pipeline::align_options(&source, &target, &ss, &ts, lexicon, None);
    let mut anchors = PairAnchors::new(&src, &tgt, &options);
    stage("anchors", t0);
    let links = align::align_prepared(&src, &tgt, &options, &mut anchors);
    stage("align", t0);
    let links = align::refine::refine_prepared(&src, &tgt, links, &anchors);
    stage("refine", t0);
    if std::env::var_os("ALIGN_MEM_CHECKS").is_some() {
        anchors.release_raw();
        let hidden = align::refine::hidden_prepared(&src, &tgt, &links, &anchors);
        drop((src, tgt, anchors));
        stage("hidden", t0);
        let docs = Docs {
            source: &source,
            target: &target,
            ss: &ss,
            ts: &ts,
            profiles: (&sp, &tp),
        };
        rules(&docs, &links, hidden, t0);
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for l in &links {
        (&l.source, &l.target, (l.score * 100.0).round() as i64).hash(&mut h);
    }
    eprintln!(
        "{} links ({} x {} sentences), digest {:016x}",
        links.len(),
        ss.len(),
        ts.len(),
        h.finish()
    );
    Ok(())
}

/// The documents, segments and profiles of a pair.
struct Docs<'a> {
    source: &'a Document,
    target: &'a Document,
    ss: &'a [transcheck::Segment],
    ts: &'a [transcheck::Segment],
    profiles: (&'a Profile, &'a Profile),
}

/// The rules stage as `check` runs it, but one rule at a time: each rule's
/// time and its peak above the memory resident before it.
fn rules(d: &Docs, links: &[transcheck::Link], hidden: Vec<align::refine::Hidden>, t0: Instant) {
    use transcheck::checks;
    let glossary =
        transcheck::Glossary::default().into_layered(&d.profiles.0.code, &d.profiles.1.code);
    let mut ctx = checks::Context::new(
        d.source,
        d.target,
        d.ss,
        d.ts,
        links,
        d.profiles.0,
        d.profiles.1,
        &glossary,
    );
    ctx.set_hidden(hidden);
    stage("views", t0);
    let gm = ctx.glossary_matches();
    stage("gl-match", t0);
    let (mut len, mut cap) = (0, 0);
    for v in gm.source.iter().chain(&gm.target) {
        (len, cap) = (len + v.len(), cap + v.capacity());
    }
    eprintln!(
        "  glossary matches: {len} held, room for {cap} ({} bytes each)",
        std::mem::size_of::<transcheck::glossary::Match>()
    );
    let all = checks::all_checks();
    let overrides = checks::SeverityOverrides::new();
    let mut findings = 0;
    for k in checks::heavy_first(&all) {
        let before = status_mib("VmRSS:");
        reset_peak();
        let t = Instant::now();
        let out = checks::run_checks(&ctx, std::slice::from_ref(&all[k]), &overrides);
        findings += out.len();
        eprintln!(
            "  {:<13} {:>6.2} s  {:>6} findings  peak +{:>5.0} MiB  kept +{:>5.0} MiB",
            all[k].id(),
            t.elapsed().as_secs_f64(),
            out.len(),
            status_mib("VmHWM:") - before,
            status_mib("VmRSS:") - before
        );
    }
    stage("rules", t0);
    eprintln!("{findings} findings");
}
