//! Baselines: accepted findings recorded by fingerprint, so a run reports only
//! new ones. A fingerprint hashes the rule, the whitespace-normalised source
//! and target text of the link and the text under the spans, so it survives
//! lines moving.
//!
//! Baseline files are written atomically and carefully, since the path may
//! come from a CI script run on someone else's repository: never over an
//! input of the run, through a symlink to its target, never over a device,
//! keeping the file's mode, with a recognisable temporary file that an
//! interrupt removes and a later run clears when its writer is gone.
//! Shards of a batch write one file under a lock, each replacing only the
//! entries of its own files; `merge` joins separately written shards.

use crate::finding::Finding;
use crate::pipeline::PairResult;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub rule: String,
    /// For people reading the file; matching uses the fingerprint only.
    pub file: String,
    pub message: String,
}

/// The contents of a baseline file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 64-bit FNV-1a: stable across platforms and releases, unlike std's hasher.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The fingerprint of a finding of `result`.
pub fn fingerprint(result: &PairResult, f: &Finding) -> String {
    let view = f.link.and_then(|i| result.views.get(i));
    let (src, tgt) = view
        .map(|v| (v.source.text.as_str(), v.target.text.as_str()))
        .unwrap_or(("", ""));
    let span_text = |text: &str, span: &Option<std::ops::Range<usize>>| {
        span.as_ref()
            .and_then(|s| text.get(s.clone()))
            .unwrap_or("")
            .to_string()
    };
    let src_span = span_text(src, &f.source_span);
    let tgt_span = span_text(tgt, &f.target_span);
    // Document-level findings have no link text; their message identifies them.
    let message = if view.is_none() {
        f.message.as_str()
    } else {
        ""
    };
    let h = fnv1a(&[
        f.rule,
        &normalise(src),
        &normalise(tgt),
        &normalise(&src_span),
        &normalise(&tgt_span),
        message,
    ]);
    format!("{}:{h:016x}", f.rule)
}

/// The only baseline format version this release reads and writes.
pub const VERSION: u32 = 1;

/// Records every finding of the results. Input errors are left out: a
/// file that could not be read must never become an accepted finding.
pub fn from_results(results: &[PairResult]) -> Baseline {
    let mut findings = Vec::new();
    for r in results {
        for f in &r.findings {
            if f.rule == crate::input::INPUT_ERROR_RULE {
                continue;
            }
            findings.push(Entry {
                fingerprint: fingerprint(r, f),
                rule: f.rule.to_string(),
                file: r.target.display_path(),
                message: f.message.clone(),
            });
        }
    }
    Baseline {
        version: VERSION,
        findings,
    }
}

/// Reads a baseline file: a regular file under the size cap, holding the
/// current version's object form.
pub fn load(path: &Path) -> anyhow::Result<Baseline> {
    let bytes = crate::input::read_limited(path, crate::input::DEFAULT_MAX_FILE_SIZE)
        .map_err(|e| anyhow::anyhow!("{e}; give the baseline written by --write-baseline"))?;
    let text = String::from_utf8_lossy(&bytes);
    parse(&path.display().to_string(), &text)
}

/// Parses baseline text; `path` is for messages.
pub fn parse(path: &str, text: &str) -> anyhow::Result<Baseline> {
    if text.trim_start().starts_with('[') {
        anyhow::bail!(
            "{path}: a bare JSON array is not a transcheck baseline (it needs {{\"version\": {VERSION}, \"findings\": […]}}); recreate it with --write-baseline"
        );
    }
    let b: Baseline = serde_json::from_str(text).map_err(|e| {
        anyhow::anyhow!(
            "{path}:{}:{}: not a transcheck baseline: {e}; recreate it with --write-baseline",
            e.line(),
            e.column()
        )
    })?;
    if b.version != VERSION {
        anyhow::bail!(
            "{path}: baseline version {} is not supported (this transcheck reads version {VERSION}); recreate it with --write-baseline",
            b.version
        );
    }
    Ok(b)
}

/// Writes a baseline (see [`write_atomic`] for the care taken). `inputs`
/// are the files the run read; the baseline may not replace one of them.
pub fn save(path: &Path, baseline: &Baseline, inputs: &[&Path]) -> anyhow::Result<()> {
    let dest = destination(path)?;
    refuse_inputs(path, &dest, inputs)?;
    refuse_non_baseline(path, &dest)?;
    let mut text = serde_json::to_string_pretty(baseline)?;
    text.push('\n');
    write_atomic(&dest, text.as_bytes())
}

/// Updates the baseline under a lock, replacing only the entries of
/// `files` (the target files this run checked) with `fresh`, so shards of
/// one batch can write the same file at once without losing entries.
pub fn save_shard(
    path: &Path,
    fresh: &Baseline,
    files: &std::collections::BTreeSet<String>,
    inputs: &[&Path],
) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let dest = destination(path)?;
    refuse_inputs(path, &dest, inputs)?;
    let lock_path = sibling(&dest, ".transcheck-lock");
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .with_context(|| format!("{}: cannot create the lock file", lock_path.display()))?;
    lock.lock()
        .with_context(|| format!("{}: cannot lock", lock_path.display()))?;
    let mut merged = if dest.exists() {
        refuse_non_baseline(path, &dest)?;
        load(&dest)?
    } else {
        Baseline {
            version: VERSION,
            findings: Vec::new(),
        }
    };
    merged.findings.retain(|e| !files.contains(&e.file));
    merged.findings.extend(fresh.findings.iter().cloned());
    merged.findings.sort_by(|a, b| a.file.cmp(&b.file));
    let mut text = serde_json::to_string_pretty(&merged)?;
    text.push('\n');
    let written = write_atomic(&dest, text.as_bytes());
    drop(lock);
    written
}

/// Joins baselines written by separate shards into one.
pub fn merge(parts: &[Baseline]) -> Baseline {
    let mut findings: Vec<Entry> = parts.iter().flat_map(|b| b.findings.clone()).collect();
    findings.sort_by(|a, b| a.file.cmp(&b.file));
    Baseline {
        version: VERSION,
        findings,
    }
}

/// The file a write to `path` lands on: a symlink's target (followed to
/// its end, even when it does not exist yet), never a device or folder.
fn destination(path: &Path) -> anyhow::Result<std::path::PathBuf> {
    let mut dest = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&dest) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&dest)?;
                dest = match dest.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            Ok(m) if m.is_file() => return Ok(dest),
            Ok(_) => anyhow::bail!(
                "{}: not a regular file (a device, FIFO or folder); give --write-baseline a path to a regular file",
                path.display()
            ),
            Err(_) => return Ok(dest),
        }
    }
    anyhow::bail!("{}: too many levels of symbolic links", path.display())
}

fn refuse_inputs(path: &Path, dest: &Path, inputs: &[&Path]) -> anyhow::Result<()> {
    let Ok(d) = std::fs::canonicalize(dest) else {
        return Ok(());
    };
    for i in inputs {
        if std::fs::canonicalize(i).is_ok_and(|c| c == d) {
            anyhow::bail!(
                "{}: is an input of this run ({}); write the baseline to a file of its own, such as transcheck-baseline.json",
                path.display(),
                i.display()
            );
        }
    }
    Ok(())
}

/// An existing file that is not a baseline is never replaced.
fn refuse_non_baseline(path: &Path, dest: &Path) -> anyhow::Result<()> {
    let Ok(meta) = std::fs::metadata(dest) else {
        return Ok(());
    };
    if meta.len() == 0 {
        return Ok(());
    }
    let bytes = crate::input::read_limited(dest, crate::input::DEFAULT_MAX_FILE_SIZE)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let is_baseline = serde_json::from_slice::<serde_json::Value>(&bytes)
        .is_ok_and(|v| v.get("version").is_some() && v.get("findings").is_some());
    if !is_baseline {
        anyhow::bail!(
            "{}: exists and is not a transcheck baseline; it is not replaced (remove it first if it should be)",
            path.display()
        );
    }
    Ok(())
}

/// `dir/.NAME<suffix>` beside `path`.
fn sibling(path: &Path, suffix: &str) -> std::path::PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    folder_of(path).join(format!(".{name}{suffix}"))
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// The prefix of temporary files written beside `path`; the writer's
/// process id follows, then a random part.
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.transcheck-tmp.")
}

/// Removes temporary files of earlier writes to `path` whose writer is
/// no longer running (killed before it could clean up).
pub fn remove_stale_temps(path: &Path) -> usize {
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(folder_of(path)) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest.split('.').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|p| !process_alive(p)) && std::fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill with signal 0 only checks that the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}

/// Temporary files being written, removed by the interrupt handler. A
/// signal handler can only reach process-wide state, hence the static.
static PENDING: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

fn install_interrupt_cleanup() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Another handler may already be installed by an embedding program.
        let _ = ctrlc::set_handler(|| {
            if let Ok(pending) = PENDING.lock() {
                for p in pending.iter() {
                    let _ = std::fs::remove_file(p);
                }
            }
            std::process::exit(130);
        });
    });
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a
/// rename, so an interrupted run never leaves a half-written file. `path`
/// must already be the final destination (see [`save`]); an existing
/// file's permissions are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let dir = folder_of(path);
    remove_stale_temps(path);
    install_interrupt_cleanup();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{}{}.", temp_prefix(path), std::process::id()))
        .tempfile_in(dir)
        .with_context(|| format!("{}: cannot create a file in this folder", dir.display()))?;
    let tmp_path = tmp.path().to_path_buf();
    if let Ok(mut p) = PENDING.lock() {
        p.push(tmp_path.clone());
    }
    let result = (|| -> anyhow::Result<()> {
        let perms = match std::fs::metadata(path) {
            Ok(m) => Some(m.permissions()),
            Err(_) => default_permissions(),
        };
        tmp.write_all(bytes)
            .and_then(|_| match perms {
                Some(p) => tmp.as_file().set_permissions(p),
                None => Ok(()),
            })
            .and_then(|_| tmp.as_file().sync_all())
            .with_context(|| format!("{}: cannot write", path.display()))?;
        tmp.persist(path).map_err(|e| {
            anyhow::anyhow!("{}: cannot replace the file: {}", path.display(), e.error)
        })?;
        Ok(())
    })();
    if let Ok(mut p) = PENDING.lock() {
        p.retain(|x| x != &tmp_path);
    }
    result
}

/// A new baseline is readable by all, like any file in a repository.
#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Removes from the results every finding recorded in the baseline. Each
/// entry accepts one finding, so a second copy of a known problem is new.
/// Returns how many were removed.
pub fn filter(results: &mut [PairResult], baseline: &Baseline) -> usize {
    let mut budget: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &baseline.findings {
        *budget.entry(e.fingerprint.as_str()).or_default() += 1;
    }
    let mut removed = 0;
    for r in results.iter_mut() {
        let prints: Vec<String> = r.findings.iter().map(|f| fingerprint(r, f)).collect();
        let mut keep = Vec::with_capacity(prints.len());
        for p in &prints {
            let accepted = match budget.get_mut(p.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    true
                }
                _ => false,
            };
            keep.push(!accepted);
            removed += usize::from(accepted);
        }
        let mut it = keep.into_iter();
        r.findings.retain(|_| it.next().unwrap_or(true));
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable() {
        // Known FNV-1a 64 value of "a" followed by the 0 separator.
        assert_eq!(fnv1a(&[""]), 0xaf63bd4c8601b7df);
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
    }

    #[test]
    fn write_atomic_replaces_whole_file() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("b.json");
        write_atomic(&p, b"first version, long").unwrap();
        write_atomic(&p, b"second").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "second");
        // No temporary files left behind.
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
    }

    #[test]
    fn load_rejects_other_json_with_position() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("b.json");
        std::fs::write(&p, "{\"version\": 1, \"x\": []}").unwrap();
        let e = load(&p).unwrap_err().to_string();
        assert!(e.contains("b.json:1:"), "{e}");
    }
}
