#!/usr/bin/env python3
"""Glossary-size and batch benchmark: builds the inputs in a temporary folder,
runs transcheck on them and prints one table: case, size, wall time, CPU time,
rate, peak RSS.

    python3 scripts/bench_batch.py [--transcheck target/release/transcheck]
                                   [--terms 100,100000] [--load-rows 1000000]
                                   [--pairs 10000] [--keep DIR]

Cases:
- `check, N-term glossary`: one sample article pair (ira-eua-oma, about 5 KB a
  side) checked end to end with a generated TSV glossary of N distinct
  two-word terms (pseudo-words, one of them in the text) plus the built-in one;
  build time included.
- `load, N rows`: a glossary of N rows loaded and checked against the small
  `mini` sample, so the time is mostly reading and building the glossary.
- `batch, N pairs`: N small pairs (one to three paragraphs of the sample
  articles each, pt and en) under `pt/` and `en/` with a transcheck.toml whose
  `[[pair]]` covers them all; one `transcheck check --format json` run.
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ["ira-eua-oma", "economia-empregos", "seca-amazonas"]
SYLLABLES = "ba ce di fo gu la me ni po ru sa te vi xo zu bra cle dri pro tra".split()


# A fresh interpreter starts the measured command and reports its usage. A
# process's peak RSS as the kernel reports it includes the peak of the process
# it was started from, so a command started straight from this script, once it
# has held large inputs in memory, would show this script's peak as its own.
MEASURE = """
import os, sys, time
t = time.monotonic()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, u = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(f"{time.monotonic() - t} {u.ru_utime + u.ru_stime} {u.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def measure(cmd, stdout=subprocess.DEVNULL, cwd=None):
    """Runs a command; returns (wall seconds, CPU seconds: user + system, peak
    RSS in MiB, exit code). Exits with the command's stderr when it fails."""
    with tempfile.NamedTemporaryFile("r", suffix=".usage") as usage:
        p = subprocess.run([sys.executable, "-c", MEASURE, usage.name, *map(str, cmd)],
                           stdout=stdout, stderr=subprocess.PIPE, cwd=cwd)
        code = p.returncode
        if code not in (0, 1):
            err = p.stderr.decode(errors="replace")
            sys.exit(f"{' '.join(map(str, cmd))} failed ({code}):\n{err[-2000:]}")
        secs, cpu, rss_kib = usage.read().split()
    return float(secs), float(cpu), float(rss_kib) / 1024, code


def run(cmd, cwd=None):
    """Runs a command; returns (wall seconds, CPU seconds, peak RSS in MiB).
    CPU (user + system) is what a loaded machine disturbs least."""
    secs, cpu, rss, _ = measure(cmd, cwd=cwd)
    return secs, cpu, rss


def pseudo_word(i):
    w = ""
    while True:
        w += SYLLABLES[i % len(SYLLABLES)]
        i //= len(SYLLABLES)
        if i == 0:
            return w.capitalize()


def write_glossary(path, n):
    """N distinct two-word terms; the last one also appears in the text."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(f"{pseudo_word(i)} {pseudo_word(i + 7)}\t{pseudo_word(i * 31 + 3)}\n")


def paragraphs(article, side):
    text = (ROOT / "samples" / article / f"{side}.txt").read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def write_batch(folder, n, rng):
    """N small pairs: consecutive paragraphs of one article, both sides."""
    arts = []
    for a in ARTICLES:
        pt, en = paragraphs(a, "pt"), paragraphs(a, "en")
        if len(pt) == len(en):
            arts.append((pt, en))
    if not arts:
        sys.exit("no sample article has as many pt as en paragraphs")
    for i in range(n):
        pt, en = rng.choice(arts)
        k = rng.randint(1, 3)
        at = rng.randrange(0, len(pt) - k + 1)
        sub = Path(f"{i // 1000:03d}") / f"p{i:05d}.txt"
        for side, paras in (("pt", pt), ("en", en)):
            p = folder / side / sub
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text("\n\n".join(paras[at : at + k]) + "\n", encoding="utf-8")
    (folder / "transcheck.toml").write_text(
        'source-lang = "pt"\ntarget-lang = "en"\nfail-on = "never"\n'
        '[[pair]]\nsource = "pt/**/*.txt"\ntarget = "en/{path}"\n',
        encoding="utf-8",
    )


def cases(tc, tmp, terms, load_rows, pairs):
    """Runs the cases; returns rows (case, size, wall s, CPU s, rate, peak
    RSS MiB, input bytes). Inputs are built in `tmp` unless already there."""
    rows = []
    art = ROOT / "samples" / "ira-eua-oma"
    common = ["--format", "json", "--fail-on", "never", "--no-config",
              "--source-lang", "pt", "--target-lang", "en"]
    for n in terms:
        g = tmp / f"g{n}.tsv"
        if not g.exists():
            write_glossary(g, n)
        # The last term of the glossary appears in the source text.
        src = tmp / f"pt-{n}.txt"
        hit = f"{pseudo_word(n - 1)} {pseudo_word(n + 6)}"
        src.write_text((art / "pt.txt").read_text(encoding="utf-8") + f"\n\nO {hit} disse.\n", encoding="utf-8")
        tgt = art / "en.txt"
        secs, cpu, rss = run([tc, "check", str(src), str(tgt), "--glossary", str(g), *common])
        nbytes = src.stat().st_size + tgt.stat().st_size + g.stat().st_size
        rows.append((f"check, {n:,}-term glossary", "1 pair", secs, cpu, "", rss, nbytes))
    mini = ROOT / "samples" / "mini"
    for n in load_rows:
        g = tmp / f"g{n}.tsv"
        if not g.exists():
            write_glossary(g, n)
        secs, cpu, rss = run([tc, "check", str(mini / "pt.txt"), str(mini / "en.txt"),
                              "--glossary", str(g), *common])
        size = f"{g.stat().st_size / 1e6:.1f} MB"
        rows.append((f"load, {n:,}-row glossary", size, secs, cpu, f"{n / secs:,.0f} rows/s",
                     rss, g.stat().st_size))
    for n in pairs:
        folder = tmp / f"batch{n}"
        if not (folder / "transcheck.toml").exists():
            write_batch(folder, n, random.Random(n))
        secs, cpu, rss = run([tc, "check", "--format", "json"], cwd=folder)
        nbytes = sum(f.stat().st_size for f in folder.rglob("*.txt"))
        rows.append((f"batch, {n:,} pairs", f"{n:,} pairs", secs, cpu, f"{n / secs:,.0f} pairs/s",
                     rss, nbytes))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--transcheck", default=str(ROOT / "target/release/transcheck"))
    ap.add_argument("--terms", default="100,100000", help="glossary sizes for the article pair")
    ap.add_argument("--load-rows", default="1000000", help="glossary sizes to load")
    ap.add_argument("--pairs", default="10000", help="batch sizes")
    ap.add_argument("--keep", help="build the inputs in this folder and keep them")
    a = ap.parse_args()
    tc = os.path.abspath(a.transcheck)
    sizes = lambda s: [int(x) for x in s.split(",") if x.strip()]
    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="tc-bench-batch-"))
    tmp.mkdir(parents=True, exist_ok=True)
    rows = cases(tc, tmp, sizes(a.terms), sizes(a.load_rows), sizes(a.pairs))
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'case':<32} {'size':>12} {'time':>9} {'CPU':>9} {'rate':>16} {'peak RSS':>9}")
    for case, size, secs, cpu, rate, rss, _ in rows:
        print(f"{case:<32} {size:>12} {secs:>8.2f}s {cpu:>8.2f}s {rate:>16} {rss:>6.0f} MiB")
    if not a.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
