#!/usr/bin/env python3
"""Scores annotated pairs with a transcheck binary, as tests/heldout.rs does.

    python3 scripts/heldout_score.py BIN DIR [DIR ...]

Each DIR holds pt.txt, en.txt, en.flawed.txt and flawed.expected.toml. Runs
`BIN check pt.txt en[.flawed].txt --glossary GLOSS --format json` (GLOSS from
the environment, default glossaries/) and prints each missed mistake, each
finding (warning or error) that points at none, each finding on a clean
translation, then the totals. A finding points at a mistake when its rule is
the mistake's (or one of `also`) and its span on the mistake's side overlaps
the mistake's text.
"""
import json
import os
import subprocess
import sys
import tomllib


def run(tc, d, target):
    out = subprocess.run(
        [tc, "check", f"{d}/pt.txt", f"{d}/{target}", "--source-lang", "pt",
         "--target-lang", "en", "--glossary", os.environ.get("GLOSS", "glossaries/"),
         "--fail-on", "never", "--format", "json"],
        capture_output=True, text=True, check=False).stdout
    return [f for f in json.loads(out)["findings"] if f["severity"] in ("error", "warning")]


def span(f, side, doc):
    """The finding's character range in `doc`, from its line and column."""
    s = f.get(side)
    if not s or not s.get("text"):
        return None
    lines = doc.split("\n")
    off = sum(len(l) + 1 for l in lines[: s["line"] - 1]) + s["column"] - 1
    sp = s.get("span")
    if sp:
        n = len(s["text"].encode()[sp["start"]:sp["end"]].decode(errors="ignore"))
        return (off, off + max(n, 1))
    return (off, off + len(s["text"]))


def main():
    tc, dirs = sys.argv[1], sys.argv[2:]
    planted = found = false = clean = 0
    for d in dirs:
        name = os.path.basename(d.rstrip("/"))
        for f in run(tc, d, "en.txt"):
            clean += 1
            print(f"{name} clean: {f['severity']}[{f['rule']}] {f['message']}")
        docs = {"source": open(f"{d}/pt.txt", encoding="utf-8").read(),
                "target": open(f"{d}/en.flawed.txt", encoding="utf-8").read()}
        fs = run(tc, d, "en.flawed.txt")
        used = set()
        with open(f"{d}/flawed.expected.toml", "rb") as fh:
            mistakes = tomllib.load(fh)["mistake"]
        for m in mistakes:
            side = m.get("side", "target")
            doc = docs[side]
            at = [(i, i + len(m["text"])) for i in range(len(doc)) if doc.startswith(m["text"], i)]
            hit = False
            for k, f in enumerate(fs):
                if f["rule"] != m["rule"] and f["rule"] not in m.get("also", []):
                    continue
                r = span(f, side, doc)
                if r and any(a[0] < r[1] and r[0] < a[1] for a in at):
                    used.add(k)
                    hit = True
            planted += 1
            found += hit
            if not hit:
                print(f"{name} missed: [{m['rule']}] {m['text']!r}")
        for k, f in enumerate(fs):
            if k not in used:
                false += 1
                print(f"{name} false alarm: {f['severity']}[{f['rule']}] {f['message']}")
    print(f"planted found {found}/{planted}; findings on no mistake {false}; "
          f"errors and warnings on the clean translations {clean}")


if __name__ == "__main__":
    main()
