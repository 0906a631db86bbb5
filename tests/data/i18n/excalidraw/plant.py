"""Writes pt-BR.flawed.json and manifest.tsv: Excalidraw's Brazilian
Portuguese catalogue (i18next JSON beside en.json; MIT licence) with planted
mistakes, one per listed line (line numbers stay put)."""
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1]))
from planting import plant  # noqa: E402

# (line, old, new, rule, what[, at]): see tests/data/planting.py
PLANTS = [
    (277, "{{numShapes}}", "{{numFormas}}", "placeholder", "placeholder translated"),
    (282, "{{count}} ", "", "placeholder", "placeholder dropped"),
    (363, "{{shortcut_2}}", "{{shortcut_1}}", "placeholder", "placeholder repeated for another"),
    (290, "{{maxSize}}", "10 MB", "placeholder", "placeholder replaced by a value"),
    (385, "criar um fluxo", "criar um fluxo de 3 etapas", "number", "number added"),
    (374, "Você pode restringir ângulos segurando", "You can constrain angles by holding",
     "untranslated", "key left in English"),
]


if __name__ == "__main__":
    plant(HERE, "pt-BR.json", "pt-BR.flawed.json", PLANTS)
