"""Writes wtforms.pt.flawed.po and manifest.tsv: WTForms 3.3.2's Portuguese
catalogue (from the PyPI wheel, BSD licence) with planted mistakes, one per
listed msgstr line (line numbers stay put)."""
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1]))
from planting import plant  # noqa: E402

# (line, old, new, rule, what[, at]): see tests/data/planting.py
PLANTS = [
    (25, "'%s'", "'%d'", "placeholder", "conversion changed"),
    (30, "%(other_name)s", "%(outro_nome)s", "placeholder", "named placeholder translated"),
    (37, None, "# (form removed)", "omission", "plural form [1] removed (nplurals=2)", 35),
    (44, "%(max)d ", "", "placeholder", "placeholder dropped in a plural form"),
    (56, "%(min)d e %(max)d", "%(min)d e %(min)d", "placeholder", "placeholder repeated for another"),
    (71, " e %(max)s", "", "placeholder", "second placeholder dropped"),
    (117, "Campo desativado: não pode ter um valor.",
     "This field is disabled and cannot have a value.", "untranslated", "entry left in English"),
    (121, "CSRF", "CSFR", "name", "acronym misspelt"),
    (99, "UUID", "UUDI", "name", "acronym misspelt"),
    (133, "Token CSRF expirado.", "Token expirado.", "name", "acronym dropped"),
]


if __name__ == "__main__":
    plant(HERE, "wtforms.pt.po", "wtforms.pt.flawed.po", PLANTS)
