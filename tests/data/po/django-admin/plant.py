"""Writes django.pt_BR.flawed.po and manifest.tsv: Django 5.2.19's admin
catalogue with planted mistakes, one per listed msgstr line (line numbers
stay put)."""
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1]))
from planting import plant  # noqa: E402

# (line, old, new, rule, what[, at]): see tests/data/planting.py
PLANTS = [
    (54, "%(verbose_name_plural)s", "%(verbose_name)s", "placeholder", "named placeholder renamed"),
    (58, "%(count)d ", "", "placeholder", "named placeholder dropped"),
    (182, "{name}", "{nome}", "placeholder", "brace placeholder translated"),
    (192, "{fields} ", "", "placeholder", "brace placeholder dropped"),
    (263, "%(key)s", "%(key)d", "placeholder", "conversion changed"),
    (271, "Modificar %s", "Modificar", "placeholder", "%s dropped"),
    (89, "7 dias", "30 dias", "number", "number changed"),
    (349, "(500)", "(503)", "number", "status code changed"),
    (296, "0 de", "1 de", "number", "zero changed"),
    (352, "</em>", "", "tag", "closing tag lost"),
    (422, "<strong>%(username)s</strong>", "<b>%(username)s</b>", "tag", "tag renamed"),
    (209, "“Command”", "“Command", "quote", "closing quotation mark lost"),
    (340, "Lamentamos, mas a página requisitada não pode ser encontrada.",
     "We’re sorry, but the requested page could not be found.", "untranslated", "entry left in English"),
    (403, "Depois de criar um usuário, você poderá editar mais opções do usuário.",
     "After you’ve created a user, you’ll be able to edit more user options.", "untranslated",
     "entry left in English"),
    (321, "do Django", "do Djagno", "name", "name misspelt"),
]


if __name__ == "__main__":
    plant(HERE, "django.pt_BR.po", "django.pt_BR.flawed.po", PLANTS)
