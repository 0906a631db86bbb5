#!/usr/bin/env python3
"""Consistency check for the sample corpus (needs Python 3.11+ for tomllib).

For every folder under samples/ that holds a pt.txt:
- each line of {pt,en}.sentences.txt (other than `<p>`) occurs in the .txt, in order,
  and the sentences cover the whole text apart from whitespace;
- gold.txt covers every sentence of both sides exactly once, in order (no crossing);
- each manifest `text` occurs in en.flawed.txt (or pt.txt for side = "source").
Prints sentence counts, link-type counts and mistakes per rule.
"""
import collections, os, re, sys, tomllib

ROOT = os.path.dirname(os.path.abspath(__file__))
RULES = {"glossary", "name", "number", "quote", "untranslated", "omission", "addition",
         "punctuation", "doubled-word", "url", "consistency", "brackets"}
ok = True

def fail(msg):
    global ok
    ok = False
    print("FAIL:", msg)

def sentences(path):
    lines = [l.rstrip("\n") for l in open(path, encoding="utf-8")]
    return [l for l in lines if l.strip() and l != "<p>"], lines

def check_segmentation(d, side):
    text = open(os.path.join(d, f"{side}.txt"), encoding="utf-8").read()
    sents, lines = sentences(os.path.join(d, f"{side}.sentences.txt"))
    pos = 0
    for s in sents:
        k = text.find(s, pos)
        if k < 0:
            fail(f"{d}/{side}: sentence not found in order: {s[:60]!r}")
            return sents
        if text[pos:k].strip():
            fail(f"{d}/{side}: text not covered by any sentence: {text[pos:k][:60]!r}")
        # a paragraph break in the text must be marked with <p>
        pos = k + len(s)
    if text[pos:].strip():
        fail(f"{d}/{side}: trailing text not covered: {text[pos:][:60]!r}")
    paras = len([p for p in re.split(r"\n\s*\n", text) if p.strip()])
    if paras != lines.count("<p>") + 1:
        fail(f"{d}/{side}: {paras} paragraphs but {lines.count('<p>')} <p> markers")
    return sents

def parse_ids(s):
    s = s.strip()[1:-1].strip()
    return [int(x) for x in s.split(",")] if s else []

total_types = collections.Counter()
total_rules = collections.Counter()
for name in sorted(os.listdir(ROOT)):
    d = os.path.join(ROOT, name)
    if not os.path.isfile(os.path.join(d, "pt.txt")):
        continue
    src = check_segmentation(d, "pt")
    tgt = check_segmentation(d, "en")
    types = collections.Counter()
    i = j = 0
    for line in open(os.path.join(d, "gold.txt"), encoding="utf-8"):
        if not line.strip():
            continue
        a, b = line.strip().split(":")
        a, b = parse_ids(a), parse_ids(b)
        if a and a != list(range(i, i + len(a))) or b and b != list(range(j, j + len(b))):
            fail(f"{name}/gold: link {line.strip()} out of order (expected src {i}, tgt {j})")
        if not a and not b:
            fail(f"{name}/gold: empty link")
        i += len(a)
        j += len(b)
        types[f"{len(a)}-{len(b)}"] += 1
    if i != len(src) or j != len(tgt):
        fail(f"{name}/gold covers {i}/{len(src)} source and {j}/{len(tgt)} target sentences")
    flawed = open(os.path.join(d, "en.flawed.txt"), encoding="utf-8").read()
    pt = open(os.path.join(d, "pt.txt"), encoding="utf-8").read()
    with open(os.path.join(d, "flawed.expected.toml"), "rb") as f:
        manifest = tomllib.load(f)
    rules = collections.Counter()
    for m in manifest.get("mistake", []):
        if m["rule"] not in RULES:
            fail(f"{name}: unknown rule {m['rule']}")
        hay = pt if m.get("side", "target") == "source" else flawed
        if m["text"] not in hay:
            fail(f"{name}: manifest text not found: {m['text']!r}")
        rules[m["rule"]] += 1
    total_types.update(types)
    total_rules.update(rules)
    print(f"{name}: pt {len(src)} sentences, en {len(tgt)} sentences, "
          f"links {dict(sorted(types.items()))}, mistakes {sum(rules.values())} {dict(sorted(rules.items()))}")
print("link types:", dict(sorted(total_types.items())))
print("mistakes per rule:", dict(sorted(total_rules.items())))
print("OK" if ok else "FAILED")
sys.exit(0 if ok else 1)
