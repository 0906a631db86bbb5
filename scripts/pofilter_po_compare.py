"""pofilter beside transcheck on a PO catalogue and its planted copy.

Usage: python3 scripts/pofilter_po_compare.py tests/data/po/sphinx [--transcheck target/debug/transcheck]
Needs translate-toolkit (pip install translate-toolkit). Prints, per pofilter
test, the entries it flags on the untouched and the planted catalogue, and how
many planted mistakes (manifest.tsv) each tool flags on the right entry."""
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from translate.storage import po as pofile


def pofilter(path):
    """{entry key: [tests]} of the entries pofilter flags."""
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "out.po"
        subprocess.run(["pofilter", "--language=pt_BR", "-i", str(path), "-o", str(out)],
                       check=True, capture_output=True)
        store = pofile.pofile.parsefile(str(out))
        flagged = {}
        for u in store.units:
            tests = [n.split("(pofilter) ")[1].split(":")[0] for n in u.getnotes("translator").split("\n") if "(pofilter)" in n]
            if tests:
                flagged[(u.getcontext(), u.source)] = tests
        return flagged


def entry_at(store, lines, line):
    """The unit whose text spans the 1-based `line` of the file."""
    best = None
    for u in store.units:
        # translate-toolkit does not keep line numbers: find the msgid block start.
        pass
    # Walk back to the entry's first msgctxt/msgid line, then match its msgid.
    i = line - 1
    while i > 0 and not lines[i].startswith(("msgid ", "msgctxt ")):
        i -= 1
    while i > 0 and lines[i - 1].startswith(("msgctxt ",)):
        i -= 1
    block = []
    j = i
    while j < len(lines) and lines[j].strip():
        block.append(lines[j])
        j += 1
    text = "\n".join(block) + "\n"
    one = pofile.pofile.parsestring(text.encode("utf-8"))
    for u in one.units:
        if not u.isheader():
            best = (u.getcontext(), u.source)
    return best


def main():
    folder = Path(sys.argv[1])
    tc = "target/debug/transcheck"
    if "--transcheck" in sys.argv:
        tc = sys.argv[sys.argv.index("--transcheck") + 1]
    clean, flawed = folder / "sphinx.pt_BR.po", folder / "sphinx.pt_BR.flawed.po"
    pc, pf = pofilter(clean), pofilter(flawed)
    per_test_clean = collections.Counter(t for ts in pc.values() for t in ts)
    per_test_flawed = collections.Counter(t for ts in pf.values() for t in ts)
    store = pofile.pofile.parsefile(str(flawed))
    lines = flawed.read_text(encoding="utf-8").split("\n")
    rows = [l.split("\t") for l in (folder / "manifest.tsv").read_text().splitlines()[1:]]
    tj = json.loads(subprocess.run([tc, "check", str(flawed), "--format", "json", "--fail-on", "never"],
                                   capture_output=True, check=True).stdout)
    tc_hits = {(f["rule"], (f["target"] or f["source"])["line"]) for f in tj["findings"] if f["severity"] == "error"}
    pf_found = tc_found = 0
    for line, rule, what in rows:
        key = entry_at(store, lines, int(line))
        hit = pf.get(key, [])
        pf_found += bool(hit)
        # JSON gives the link's first line; SARIF/human give the span's. Count the entry.
        tc_found += any(r == rule for (r, l) in tc_hits if abs(l - int(line)) <= 3)
        print(f"{line}\t{rule}\t{what}\tpofilter: {','.join(hit) or '-'}")
    print(f"\nplanted: {len(rows)}; pofilter flags {pf_found}, transcheck (error, same rule) {tc_found}")
    print("\npofilter test\tuntouched entries\tplanted-copy entries")
    for t in sorted(set(per_test_clean) | set(per_test_flawed), key=lambda t: -per_test_clean.get(t, 0)):
        print(f"{t}\t{per_test_clean.get(t, 0)}\t{per_test_flawed.get(t, 0)}")


if __name__ == "__main__":
    main()
