"""Writes messages.pt.flawed.xlf and manifest.tsv: the first 160 units of
ORCID's Portuguese Angular catalogue (XLIFF 1.2 with <x> placeholders for
Angular's tags and interpolations; MIT licence) with planted mistakes, one
per listed line (line numbers stay put)."""
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1]))
from planting import plant  # noqa: E402

# (line, old, new, rule, what[, at]): see tests/data/planting.py. A lost
# code is reported where the source has it.
PLANTS = [
    (668, '<x id="INTERPOLATION" equiv-text="{{ orcidToDeprecate }}"/>', "", "tag",
     "interpolation placeholder dropped", 656),
    (753, '<x id="INTERPOLATION" equiv-text="{{ orcid }}"/>', "", "tag", "interpolation placeholder dropped",
     735),
    (1639, '<x id="CLOSE_TAG_MAT_ICON" ctype="x-mat_icon" equiv-text="&lt;/mat-icon&gt;"/>', "", "tag",
     "closing icon code dropped", 1634),
    (6, "conta ORCID", "conta ORICD", "name", "name misspelt"),
    (98, "Introduza o código da aplicação de autenticação de dois fatores.",
     "Enter the code from your two-factor authentication app", "untranslated", "unit left in English"),
    (514, "&quot;Registo desativado&quot;", "&quot;Registo desativado", "quote", "quotation left open"),
    (1118, "(87%", "(78%", "number", "percentage changed"),
    (1460, "entre 8 e 256", "entre 6 e 256", "number", "number changed"),
    (1500, "8 ou mais", "18 ou mais", "number", "number changed"),
    (586, "3. Introduza a sua palavra-passe ORCID",
     "3. Introduza a sua palavra-passe", "name", "name dropped"),
]


if __name__ == "__main__":
    plant(HERE, "messages.pt.xlf", "messages.pt.flawed.xlf", PLANTS)
