#!/usr/bin/env python3
"""Run translate-toolkit's pofilter on the sample corpus, as the peer to compare with.

For each samples/SLUG/ folder (pt.txt, en.txt, en.flawed.txt, *.sentences.txt, gold.txt,
flawed.expected.toml) this script:

1. gets the sentences and gold links of the flawed translation: from
   en.flawed.sentences.txt and gold.flawed.txt when present, otherwise derived from the clean
   ones by a character diff of en.txt against en.flawed.txt (edited sentences map onto their
   clean counterparts, a sentence that disappeared becomes a 1-0 link, inserted sentences
   become 0-1 links);
2. builds one PO unit per link with both sides (msgid = source link text, msgstr = target link
   text; 1-0 links get an empty msgstr; 0-1 links cannot be written as PO and are counted as
   "not expressible");
3. runs pofilter with the tests that match transcheck's rules, on the clean and on the flawed
   translation;
4. prints pofilter's findings per test, and per transcheck rule: planted mistakes caught
   (a finding of a matching test on the link that holds the mistake), and findings on the
   clean translation (all false alarms).

With --transcheck BIN, also runs `BIN check --format json pt.txt en(.flawed).txt` (its own
segmentation and alignment, not the gold ones) and prints both tools side by side: a planted
mistake counts as caught when a finding of a matching rule sits on the link holding its text.

Usage:
    python3 scripts/pofilter_compare.py [SAMPLES_DIR] [--keep DIR] [--write-derived DIR]
                                        [--transcheck BIN]

Needs Python 3.11+ and translate-toolkit (pip install translate-toolkit).
"""

import argparse
import collections
import difflib
import os
import re
import subprocess
import sys
import tempfile
import tomllib

# pofilter test -> transcheck rule it competes with.
TESTS = {
    "numbers": "number",
    "doublequoting": "quote",
    "singlequoting": "quote",
    "unchanged": "untranslated",
    "untranslated": "omission",
    "blank": "omission",
    "brackets": "brackets",
    "urls": "url",
    "emails": "url",
    "doublewords": "doubled-word",
    "endpunc": "punctuation",
    "startpunc": "punctuation",
    "sentencecount": "omission",
    "doublespacing": "whitespace",
    "puncspacing": "whitespace",
    "long": "length",
    "short": "length",
    "acronyms": "glossary",
}


def read_sentences(path):
    """Sentences and the paragraph number of each, from a *.sentences.txt file."""
    sents, paras, p = [], [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line == "<p>":
                p += 1
            elif line.strip():
                sents.append(line)
                paras.append(p)
    return sents, paras


def read_gold(path):
    links = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            m = re.match(r"\[([\d,\s]*)\]:\[([\d,\s]*)\]", line)
            if not m:
                sys.exit(f"{path}: cannot read link line {line!r}; expected [i, j]:[k]")
            ids = lambda s: [int(x) for x in s.split(",") if x.strip()]
            links.append((ids(m.group(1)), ids(m.group(2))))
    return links


def spans_in(text, sents):
    """Byte-free (character) spans of each sentence in text, found in order."""
    out, pos = [], 0
    for s in sents:
        i = text.find(s, pos)
        if i < 0:
            sys.exit(f"sentence not found in text: {s[:60]!r}")
        out.append((i, i + len(s)))
        pos = i + len(s)
    return out


BOUNDARY = re.compile(r"(?<=[.!?…”\"])\s+(?=[A-Z“\"¿¡ÁÉÍÓÚÂÊÔÃÕÇ])")


def pieces(text):
    """Candidate sentences of a stretch of flawed text (may over-split at abbreviations)."""
    return [p for p in BOUNDARY.split(text.strip()) if p.strip()]


def match_region(clean, parts, origin):
    """Aligns clean sentences to runs of flawed pieces (DP): a clean sentence matches 1-3
    consecutive pieces, or none (omitted); a piece matched by no sentence is an addition.
    `origin` holds the source text behind each clean sentence, so that a sentence left
    untranslated still matches.
    Returns (assignment per clean sentence: text or "", list of (position, added text))."""
    n, m = len(clean), len(parts)
    NEG = float("-inf")
    best = [[NEG] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            b = best[i][j]
            if b == NEG:
                continue
            if i < n and b > best[i + 1][j]:  # omit clean i
                best[i + 1][j], back[i + 1][j] = b, ("omit", i, j)
            if j < m and b > best[i][j + 1]:  # piece j added
                best[i][j + 1], back[i][j + 1] = b, ("add", i, j)
            for l in range(1, 4):
                if i < n and j + l <= m:
                    txt = " ".join(parts[j:j + l])
                    r = max(difflib.SequenceMatcher(None, c, txt, autojunk=False).ratio()
                            for c in (clean[i], origin[i]))
                    sc = b + r - 0.5
                    if sc > best[i + 1][j + l]:
                        best[i + 1][j + l], back[i + 1][j + l] = sc, ("match", i, j, l)
    assign, added = [""] * n, []
    i, j = n, m
    while (i, j) != (0, 0):
        step = back[i][j]
        if step[0] == "omit":
            i = step[1]
        elif step[0] == "add":
            added.append((step[1], parts[step[2]]))
            j = step[2]
        else:
            _, ci, pj, l = step
            assign[ci] = " ".join(parts[pj:pj + l])
            i, j = ci, pj
    added.reverse()
    return assign, added


def derive_flawed(clean_text, flawed_text, clean_sents, clean_paras, gold, src_sents):
    """Segments the flawed text after the clean one and remaps the gold links: sentences
    found verbatim anchor; between anchors, edited sentences are matched by similarity,
    vanished ones become 1-0 links and inserted ones 0-1 links."""
    origin = {}
    for s_ids, t_ids in gold:
        for t in t_ids:
            origin[t] = " ".join(src_sents[i] for i in s_ids)
    fparas = [p for p in re.split(r"\n\s*\n", flawed_text) if p.strip()]
    npara = max(clean_paras) + 1 if clean_paras else 0
    if len(fparas) != npara:
        sys.exit(f"flawed text has {len(fparas)} paragraphs, clean has {npara}; "
                 "give en.flawed.sentences.txt and gold.flawed.txt")
    order = []  # (clean index or None, text, paragraph)
    for p in range(npara):
        idx = [k for k, q in enumerate(clean_paras) if q == p]
        ftext = fparas[p].strip()
        pos, k = 0, 0
        while k < len(idx):
            # Next anchor: a clean sentence found verbatim after pos.
            a = k
            while a < len(idx):
                at = ftext.find(clean_sents[idx[a]], pos)
                if at >= 0:
                    break
                a += 1
            region_end = at if a < len(idx) else len(ftext)
            region = ftext[pos:region_end]
            assign, added = match_region([clean_sents[i] for i in idx[k:a]], pieces(region),
                                         [origin.get(i, "") for i in idx[k:a]])
            adds = collections.defaultdict(list)
            for where, t in added:
                adds[where].append(t)
            for r, ci in enumerate(idx[k:a]):
                for t in adds.pop(r, []):
                    order.append((None, t, p))
                order.append((ci, assign[r], p))
            for where in sorted(adds):
                for t in adds[where]:
                    order.append((None, t, p))
            if a < len(idx):
                order.append((idx[a], clean_sents[idx[a]], p))
                pos = region_end + len(clean_sents[idx[a]])
            else:
                pos = len(ftext)
            k = a + 1
        tail = ftext[pos:].strip()
        for t in pieces(tail):
            order.append((None, t, p))

    sents, paras, new_id, links_add = [], [], {}, []
    for old, text, para in order:
        if not text:
            continue
        if old is None:
            links_add.append(len(sents))
        else:
            new_id[old] = len(sents)
        sents.append(text)
        paras.append(para)
    links = []
    adds = sorted(links_add)
    for src, tgt in gold:
        new_tgt = [new_id[t] for t in tgt if t in new_id]
        while adds and new_tgt and adds[0] < new_tgt[0]:
            links.append(([], [adds.pop(0)]))
        links.append((src, new_tgt))
    for a in adds:
        links.append(([], [a]))
    return sents, paras, links


def write_sentences(path, sents, paras):
    with open(path, "w", encoding="utf-8") as f:
        last = None
        for s, p in zip(sents, paras):
            if last is not None and p != last:
                f.write("<p>\n")
            f.write(s + "\n")
            last = p


def write_gold(path, links):
    with open(path, "w", encoding="utf-8") as f:
        for s, t in links:
            f.write(f"[{', '.join(map(str, s))}]:[{', '.join(map(str, t))}]\n")


def po_escape(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def write_po(path, src, tgt, links):
    """One unit per link; returns the link index of each unit, in order."""
    units = []
    with open(path, "w", encoding="utf-8") as f:
        f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for i, (s, t) in enumerate(links):
            if not s:
                continue  # 0-1: PO has no unit without a source
            msgid = " ".join(src[k] for k in s)
            msgstr = " ".join(tgt[k] for k in t)
            f.write(f"#: link:{i}\nmsgctxt \"link {i}\"\n")
            f.write(f'msgid "{po_escape(msgid)}"\nmsgstr "{po_escape(msgstr)}"\n\n')
            units.append(i)
    return units


def run_pofilter(po_in, po_out):
    """Runs pofilter; its comments come before each unit's msgctxt."""
    cmd = ["pofilter", "--language=en"]
    for t in TESTS:
        cmd += ["-t", t]
    cmd += [po_in, po_out]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0 or not os.path.exists(po_out):
        sys.exit(f"pofilter failed ({r.returncode}): {r.stderr.strip()}")
    findings, pending = [], []
    with open(po_out, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"# \(pofilter\) ([\w-]+): ?(.*)", line)
            if m:
                pending.append((m.group(1), m.group(2)))
                continue
            m = re.match(r'msgctxt "link (\d+)"', line)
            if m:
                for test, msg in pending:
                    findings.append((int(m.group(1)), test, msg))
                pending = []
            elif line.startswith("msgid") and pending:
                pending = []  # header unit
    return findings


def link_of_text(needle, sents, links, side):
    """Index of the link whose `side` sentences hold the needle."""
    for i, (s, t) in enumerate(links):
        ids = s if side == "source" else t
        text = " ".join(sents[k] for k in ids)
        if needle in text:
            return i
    # The needle may span two sentences of one link joined differently.
    return None


def run_transcheck(binary, src, tgt):
    """transcheck findings as dicts (rule, severity, source/target link text)."""
    r = subprocess.run([binary, "check", "--format", "json", "--fail-on", "never", src, tgt],
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"transcheck failed ({r.returncode}): {r.stderr.strip()}")
    import json
    return json.loads(r.stdout).get("findings", [])


def side_text(f, side):
    v = f.get(side)
    return v.get("text", "") if isinstance(v, dict) else ""


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("samples", nargs="?", default=os.path.join(here, "..", "samples"))
    ap.add_argument("--keep", help="write the PO files and pofilter output here")
    ap.add_argument("--write-derived", help="write derived flawed sentences/gold here")
    ap.add_argument("--transcheck", help="transcheck binary to compare with")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list every pofilter finding (link, test, message)")
    args = ap.parse_args()

    if not os.path.isdir(args.samples):
        sys.exit(f"{args.samples}: no such directory; give the samples folder")
    slugs = sorted(
        d for d in os.listdir(args.samples)
        if os.path.exists(os.path.join(args.samples, d, "flawed.expected.toml"))
    )
    total = collections.defaultdict(lambda: [0, 0, 0])  # rule -> planted, caught, clean alarms
    # rule -> caught, errors on clean, warnings on clean, unmatched errors on flawed
    tc = collections.defaultdict(lambda: [0, 0, 0, 0])
    per_test_clean = collections.Counter()
    per_test_flawed = collections.Counter()
    for slug in slugs:
        d = os.path.join(args.samples, slug)
        pt, _ = read_sentences(os.path.join(d, "pt.sentences.txt"))
        en, en_paras = read_sentences(os.path.join(d, "en.sentences.txt"))
        gold = read_gold(os.path.join(d, "gold.txt"))
        fs_path = os.path.join(d, "en.flawed.sentences.txt")
        fg_path = os.path.join(d, "gold.flawed.txt")
        if os.path.exists(fs_path) and os.path.exists(fg_path):
            fl, fl_paras = read_sentences(fs_path)
            fgold = read_gold(fg_path)
        else:
            clean_text = open(os.path.join(d, "en.txt"), encoding="utf-8").read()
            flawed_text = open(os.path.join(d, "en.flawed.txt"), encoding="utf-8").read()
            fl, fl_paras, fgold = derive_flawed(clean_text, flawed_text, en, en_paras, gold, pt)
        if args.write_derived:
            out = os.path.join(args.write_derived, slug)
            os.makedirs(out, exist_ok=True)
            write_sentences(os.path.join(out, "en.flawed.sentences.txt"), fl, fl_paras)
            write_gold(os.path.join(out, "gold.flawed.txt"), fgold)

        work = args.keep or tempfile.mkdtemp(prefix="pofilter-")
        os.makedirs(work, exist_ok=True)
        results = {}
        for name, tgt, links in (("clean", en, gold), ("flawed", fl, fgold)):
            po_in = os.path.join(work, f"{slug}.{name}.po")
            po_out = os.path.join(work, f"{slug}.{name}.out.po")
            write_po(po_in, pt, tgt, links)
            results[name] = run_pofilter(po_in, po_out)
        if args.verbose:
            for name in ("clean", "flawed"):
                for link, test, msg in results[name]:
                    print(f"  [{slug} {name}] link {link} {test}: {msg}")
        for _, test, _ in results["clean"]:
            per_test_clean[test] += 1
            total[TESTS.get(test, test)][2] += 1
        for _, test, _ in results["flawed"]:
            per_test_flawed[test] += 1

        with open(os.path.join(d, "flawed.expected.toml"), "rb") as f:
            manifest = tomllib.load(f).get("mistake", [])
        tc_clean = tc_flawed = None
        if args.transcheck:
            tc_clean = run_transcheck(args.transcheck, os.path.join(d, "pt.txt"),
                                      os.path.join(d, "en.txt"))
            tc_flawed = run_transcheck(args.transcheck, os.path.join(d, "pt.txt"),
                                       os.path.join(d, "en.flawed.txt"))
            for f in tc_clean:
                if f["severity"] == "error":
                    tc[f["rule"]][1] += 1
                elif f["severity"] == "warning":
                    tc[f["rule"]][2] += 1
            used = [False] * len(tc_flawed)
        print(f"\n== {slug}: {len(results['clean'])} pofilter findings on the clean translation, "
              f"{len(results['flawed'])} on the flawed one")
        for m in manifest:
            rule = m["rule"]
            rules = {rule, *m.get("also", [])}
            side = m.get("side", "target")
            li = link_of_text(m["text"], pt if side == "source" else fl, fgold, side)
            hits = sorted({t for (l, t, _) in results["flawed"]
                           if l == li and TESTS.get(t) in rules})
            if rule == "addition":
                hits = []  # 0-1 links cannot be given to pofilter
            total[rule][0] += 1
            total[rule][1] += bool(hits)
            mark = "caught by " + ",".join(hits) if hits else "missed"
            tmark = ""
            if tc_flawed is not None:
                got = False
                for k, f in enumerate(tc_flawed):
                    if f["rule"] in rules and m["text"] in side_text(f, side):
                        used[k] = got = True
                tc[rule][0] += got
                tmark = "transcheck: " + ("caught" if got else "missed")
            print(f"  {rule:13} link {li!s:>4}  {mark:32} {tmark:20} {m['text'][:40]}")
        if tc_flawed is not None:
            for k, f in enumerate(tc_flawed):
                if not used[k] and f["severity"] == "error":
                    tc[f["rule"]][3] += 1

    print("\n== pofilter findings per test (clean = false alarms)")
    print(f"  {'test':16} {'clean':>6} {'flawed':>7}")
    for t in TESTS:
        print(f"  {t:16} {per_test_clean[t]:6} {per_test_flawed[t]:7}")
    print("\n== per transcheck rule: planted mistakes caught, and alarms on the clean translation")
    head = f"  {'rule':13} {'planted':>7} | {'pofilter':>8} {'clean':>6}"
    if args.transcheck:
        head += f" | {'transcheck':>10} {'clean err':>9} {'clean warn':>10} {'extra err':>9}"
    print(head)
    for rule in sorted(set(total) | set(tc)):
        p, c, a = total[rule]
        line = f"  {rule:13} {p:7} | {c:8} {a:6}"
        if args.transcheck:
            t = tc[rule]
            line += f" | {t[0]:10} {t[1]:9} {t[2]:10} {t[3]:9}"
        print(line)
    print("  (pofilter: caught = planted mistakes found on the right link with gold links;"
          " clean = its findings on the clean translation, all false alarms."
          " transcheck: its own segmentation and alignment;"
          " extra err = errors on the flawed text matching no planted mistake)")


if __name__ == "__main__":
    main()
