"""Shared by the plant.py beside each real catalogue: writes the flawed copy
and manifest.tsv (line, rule, what) from a list of planted mistakes, one per
listed line, so line numbers stay put.

A plant is (line, old, new, rule, what) or (line, old, new, rule, what, at):
`old` is replaced by `new` once on that line (old None: the whole line
becomes `new`), and `at` is the line the finding is expected on when it is
not the planted line (a removed plural form is reported at its msgid_plural).
"""
import pathlib


def plant(here: pathlib.Path, original: str, flawed: str, plants) -> None:
    lines = (here / original).read_text(encoding="utf-8").split("\n")
    manifest = ["line\trule\twhat"]
    for line, old, new, rule, what, *at in plants:
        i = line - 1
        if old is None:
            lines[i] = new
        else:
            assert old in lines[i], (line, old, lines[i])
            lines[i] = lines[i].replace(old, new, 1)
        manifest.append(f"{at[0] if at else line}\t{rule}\t{what}")
    (here / flawed).write_text("\n".join(lines), encoding="utf-8")
    (here / "manifest.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
