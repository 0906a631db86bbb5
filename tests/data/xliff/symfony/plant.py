"""Writes validators.pt_BR.flawed.xlf and manifest.tsv: Symfony Validator's
Brazilian Portuguese XLIFF 1.2 catalogue with planted mistakes, one per
listed <target> line (line numbers stay put)."""
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1]))
from planting import plant  # noqa: E402

# (line, old, new, rule, what[, at]): see tests/data/planting.py
PLANTS = [
    (15, "{{ type }}", "{{ tipo }}", "placeholder", "placeholder translated"),
    (67, "({{ size }} {{ suffix }})", "({{ size }})", "placeholder", "placeholder dropped"),
    (163, "{{ max_width }}", "{{ max_height }}", "placeholder", "placeholder swapped for another"),
    (291, "({{ width }}x{{ height }}px)", "({{ width }}px)", "placeholder", "placeholder dropped"),
    (367, "{{ min }} e {{ max }}", "{{ min }} e {{ min }}", "placeholder", "placeholder repeated for another"),
    (27, "|Você deve selecionar, no mínimo, {{ limit }} opções.", "", "placeholder", "plural variant dropped"),
    (231, "ISBN-10", "ISBN-13", "name", "code with a digit changed"),
    (239, "ISBN-13", "ISBN-31", "name", "code with digits swapped"),
    (103, "não é válido", "<b>não</b> é válido", "tag", "tag added"),
    (115, "devem ser iguais.", "devem ser “iguais.", "quote", "quotation left open"),
    (23, "O valor selecionado não é uma opção válida.",
     "The value you selected is not a valid choice.", "untranslated", "unit left in English"),
    (179, "Este valor deve ser a senha atual do usuário.",
     "This value should be the user's current password.", "untranslated", "unit left in English"),
    (363, " Por favor, utilize outra senha.", "", "omission", "second sentence dropped"),
    (227, "(IBAN)", "(IBNA)", "name", "acronym misspelt"),
    (335, "JSON", "JSNO", "name", "acronym misspelt"),
]


if __name__ == "__main__":
    plant(HERE, "validators.pt_BR.xlf", "validators.pt_BR.flawed.xlf", PLANTS)
