"""Writes sphinx.pt_BR.flawed.po and manifest.tsv: the untouched catalogue
with planted mistakes, one per listed msgstr line (line numbers stay put)."""
import pathlib

HERE = pathlib.Path(__file__).parent
# (line, old, new, rule, what)
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
    (2953, None, None, "omission", "plural form [2] removed (nplurals=3)"),
]


def main():
    lines = (HERE / "sphinx.pt_BR.po").read_text(encoding="utf-8").split("\n")
    manifest = ["line\trule\twhat"]
    for line, old, new, rule, what in PLANTS:
        i = line - 1
        if old is None:
            assert lines[i].startswith("msgstr[2]"), lines[i]
            lines[i] = "# (form removed)"
        else:
            assert old in lines[i], (line, old, lines[i])
            lines[i] = lines[i].replace(old, new, 1)
        # A removed form is reported where its source (msgid_plural) text is.
        at = 2950 if old is None else line
        manifest.append(f"{at}\t{rule}\t{what}")
    (HERE / "sphinx.pt_BR.flawed.po").write_text("\n".join(lines), encoding="utf-8")
    (HERE / "manifest.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
