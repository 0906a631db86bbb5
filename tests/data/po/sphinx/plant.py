"""Writes sphinx.pt_BR.flawed.po and manifest.tsv: the untouched catalogue
with planted mistakes, one per listed msgstr line (line numbers stay put)."""
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1]))
from planting import plant  # noqa: E402

# (line, old, new, rule, what[, at]): see tests/data/planting.py
PLANTS = [
    (728, "%(outdir)s", "", "placeholder", "named placeholder dropped"),
    (787, "%(outdir)s", "%(saida)s", "placeholder", "named placeholder renamed"),
    (801, "%(outdir)s", "%(outdir)d", "placeholder", "conversion changed"),
    (649, "%d opções: %s", "%s opções: %d", "placeholder", "ordered placeholders swapped"),
    (828, "%d", "", "placeholder", "%d dropped"),
    (1006, "%d", "%s", "placeholder", "%d became %s"),
    (99, "Temas carregados são: %s", "Temas carregados são:", "placeholder", "last %s dropped"),
    (587, "{candidates}", "{candidatos}", "placeholder", "brace placeholder translated"),
    (2490, "{1}", "", "placeholder", "positional brace dropped"),
    (2952, "${resultCount}", "várias", "placeholder", "JS placeholder in a plural form dropped"),
    (1414, "%.3fs excedeu", "excedeu", "placeholder", "%.3f dropped"),
    (268, "1 aviso", "2 avisos", "number", "number changed"),
    (619, "Sphinx 10", "Sphinx 11", "number", "version number changed"),
    (1455, "</h1>", "", "tag", "closing tag lost"),
    (1463, "<h1>", "", "tag", "opening tag lost"),
    (2800, "<a href=", "<b href=", "tag", "tag renamed"),
    (2440, "/man/", "/manual/", "url", "URL path changed"),
    (1628, "sphinx-doc.org", "sphinx-docs.org", "url", "URL host changed"),
    (2750, "github.com/sphinx-doc/sphinx/issues", "github.com/sphinx-doc/sphinx/pulls", "url", "URL changed"),
    (124, "O tema %r deve definir a configuração \\\"theme.inherit\\\".", "The %r theme must define the \\\"theme.inherit\\\" setting", "untranslated", "entry left in English"),
    (153, "A extensão %s é requerida pelas configurações needs_extensions, mas não está carregada.", "The extension %s is required by needs_extensions settings, but it is not loaded.", "untranslated", "entry left in English"),
    (213, "Sphinx v%s", "Sphinx v%s v%s", "placeholder", "placeholder added"),
    (2953, None, "# (form removed)", "omission", "plural form [2] removed (nplurals=3)", 2950),
]


if __name__ == "__main__":
    plant(HERE, "sphinx.pt_BR.po", "sphinx.pt_BR.flawed.po", PLANTS)
