//! gettext PO end to end: a real catalogue (Sphinx's pt_BR, BSD licence,
//! `tests/data/po/sphinx/`) untouched and with planted mistakes
//! (`plant.py`, `manifest.tsv`); CLI locations, exit codes, SARIF and a
//! patch that `git apply --check` accepts.

use assert_cmd::Command;
use serde_json::Value;

#[path = "common/catalogue.rs"]
mod catalogue;
#[path = "common/run.rs"]
mod run;

#[test]
fn untouched_catalogue_has_at_most_one_error_per_thousand_units() {
    let u = catalogue::untouched("tests/data/po/sphinx/sphinx.pt_BR.po", 900);
    assert!(u.errors_per_thousand() <= 1.0, "{:?}", u.errors);
}

#[test]
fn planted_mistakes_are_found_at_their_msgstr_line() {
    let p = catalogue::planted("tests/data/po/sphinx", "sphinx.pt_BR.flawed.po");
    assert!(p.planted >= 20, "{} planted", p.planted);
    assert!(p.recall() >= 0.95, "{} of {}", p.found, p.planted);
}

fn tc() -> Command {
    let mut c = Command::cargo_bin("transcheck").unwrap();
    c.env_remove("NO_COLOR");
    c
}

const SMALL: &str = "msgid \"\"\nmsgstr \"\"\n\"Language: pt_BR\\n\"\n\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n\n#, python-format\nmsgid \"Deleted %(count)d files from %(dir)s.\"\nmsgstr \"\"\n\"Foram excluídos %(count)d arquivos \"\n\"de %(pasta)s.\"\n\nmsgid \"The meeting lasted 2 hours.\"\nmsgstr \"A reunião durou 3 horas.\"\n";

#[test]
fn cli_one_po_file_points_at_the_msgstr_line_in_every_format() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("pt.po"), SMALL).unwrap();
    let out = tc()
        .current_dir(d.path())
        .args(["check", "pt.po", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let fs = v["findings"].as_array().unwrap();
    let ph = fs
        .iter()
        .find(|f| f["rule"] == "placeholder")
        .expect("placeholder finding");
    assert!(
        ph["message"].as_str().unwrap().contains("%(pasta)s"),
        "{ph}"
    );
    // The renamed placeholder is on line 10, after `"de `.
    assert_eq!(ph["target"]["line"], 10, "{ph}");
    assert_eq!(ph["target"]["column"], 5, "{ph}");
    assert!(
        ph["target"]["text"].as_str().unwrap().contains("%(pasta)s"),
        "{ph}"
    );
    let num = fs
        .iter()
        .find(|f| f["rule"] == "number")
        .expect("number finding");
    assert_eq!(num["target"]["line"], 13, "{num}");

    let sarif = tc()
        .current_dir(d.path())
        .args(["check", "pt.po", "--format", "sarif"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let s: Value = serde_json::from_slice(&sarif).unwrap();
    let results = s["runs"][0]["results"].as_array().unwrap();
    let ph = results
        .iter()
        .find(|r| r["ruleId"] == "placeholder")
        .unwrap();
    let region = &ph["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 10, "{ph}");
    assert_eq!(region["startColumn"], 5, "{ph}");
    assert_eq!(
        ph["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "pt.po"
    );
}

#[test]
fn cli_exit_codes() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("ok.po"),
        "msgid \"Hello %s\"\nmsgstr \"Olá %s\"\n",
    )
    .unwrap();
    std::fs::write(d.path().join("bad.po"), "msgid \"Hello\"\nmsgstr \"Olá\n").unwrap();
    std::fs::write(d.path().join("a.txt"), "Olá mundo.\n").unwrap();
    tc().current_dir(d.path())
        .args([
            "check",
            "ok.po",
            "--source-lang",
            "en",
            "--target-lang",
            "pt",
        ])
        .assert()
        .code(0);
    let e = tc()
        .current_dir(d.path())
        .args(["check", "bad.po"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let e = String::from_utf8(e).unwrap();
    assert!(e.contains("bad.po:2"), "{e}");
    // One plain-text file is not enough.
    tc().current_dir(d.path())
        .args(["check", "a.txt"])
        .assert()
        .code(2);
    // --input-format forces the reader.
    std::fs::copy(d.path().join("ok.po"), d.path().join("ok.messages")).unwrap();
    tc().current_dir(d.path())
        .args([
            "check",
            "ok.messages",
            "--input-format",
            "po",
            "--source-lang",
            "en",
            "--target-lang",
            "pt",
        ])
        .assert()
        .code(0);
}

#[test]
fn cli_patch_edits_only_the_msgstr_and_git_applies_it() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("pt.po"), SMALL).unwrap();
    let out = tc()
        .current_dir(d.path())
        .args(["check", "pt.po", "--format", "patch"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let patch = String::from_utf8(out).unwrap();
    assert!(
        patch.contains("-msgstr \"A reunião durou 3 horas.\""),
        "{patch}"
    );
    assert!(
        patch.contains("+msgstr \"A reunião durou 2 horas.\""),
        "{patch}"
    );
    // Placeholders are never rewritten.
    assert!(!patch.contains("%(dir)s"), "{patch}");
    std::fs::write(d.path().join("fix.diff"), &patch).unwrap();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .current_dir(d.path())
            .args(args)
            .output()
            .expect("git runs")
    };
    if git(&["init", "-q"]).status.success() {
        let o = git(&["apply", "--check", "fix.diff"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    } else {
        eprintln!("git not available: `git apply --check` skipped");
    }
}

/// (line, severity, message) of the `name` findings on a PO text.
fn name_findings(po: &str) -> Vec<(u64, String, String)> {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("pt.po"), po).unwrap();
    run::findings(d.path(), &["pt.po", "--only", "name"])
        .iter()
        .map(|f| {
            (
                f["target"]["line"]
                    .as_u64()
                    .or(f["source"]["line"].as_u64())
                    .unwrap_or(0),
                f["severity"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const HEADER: &str = "msgid \"\"\nmsgstr \"\"\n\"Language: pt_BR\\n\"\n\n";

#[test]
fn a_product_name_dropped_from_a_catalogue_string_is_reported() {
    let po = format!("{HEADER}msgid \"Sign in with GitHub\"\nmsgstr \"Entrar com\"\n");
    let f = name_findings(&po);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, "warning");
    assert!(f[0].2.contains("'GitHub' is missing"), "{f:?}");
}

#[test]
fn a_dropped_name_the_catalogue_keeps_elsewhere_is_an_error() {
    let po = format!(
        "{HEADER}msgid \"Sign in with GitHub\"\nmsgstr \"Entrar com\"\n\n\
         msgid \"Open the API settings\"\nmsgstr \"Abrir as configurações\"\n\n\
         msgid \"Your GitHub token and API key\"\nmsgstr \"Seu token do GitHub e a chave da API\"\n"
    );
    let f = name_findings(&po);
    let msgs: Vec<&str> = f.iter().map(|x| x.2.as_str()).collect();
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f.iter().all(|x| x.1 == "error"), "{f:?}");
    assert!(msgs.iter().any(|m| m.contains("'GitHub'")), "{f:?}");
    assert!(msgs.iter().any(|m| m.contains("'API'")), "{f:?}");
}

#[test]
fn translated_words_that_look_like_names_in_a_catalogue_pass() {
    // A language name, a pronoun after a plural separator, an acronym
    // spelt out and an all-capital common word are all translated.
    let po = format!(
        "{HEADER}msgid \"Falling back to English.\"\nmsgstr \"Voltando para o inglês.\"\n\n\
         msgid \"One choice.|You must pick more.\"\nmsgstr \"Uma opção.|Você deve escolher mais.\"\n\n\
         msgid \"you can pick\"\nmsgstr \"você pode escolher\"\n\n\
         msgid \"duplicated ToC entry\"\nmsgstr \"entrada duplicada do sumário\"\n\n\
         msgid \"{{0}} [OPTIONS]\"\nmsgstr \"{{0}} [OPÇÕES]\"\n\n\
         msgid \"Yes, I’m sure\"\nmsgstr \"Sim, tenho certeza\"\n\n\
         msgid \"Lower Sorbian\"\nmsgstr \"Sorábio Baixo\"\n\n\
         msgid \"GIS\"\nmsgstr \"SIG\"\n\n\
         msgid \"Allow URI wildcards\"\nmsgstr \"Permitir curingas em URIs\"\n\n\
         msgid \"Press the Go button\"\nmsgstr \"Pressione o botão Ir\"\n"
    );
    assert_eq!(name_findings(&po), vec![]);
}

#[test]
fn a_name_kept_in_a_compound_is_not_dropped() {
    let de = "msgid \"\"\nmsgstr \"\"\n\"Language: de_DE\\n\"\n\n";
    let po = format!(
        "{de}msgid \"HTML File\"\nmsgstr \"HTML-Datei\"\n\n\
         msgid \"The YAML front matter\"\nmsgstr \"Der YAML-Vorspann\"\n\n\
         msgid \"Trust HTML\"\nmsgstr \"HTML vertrauen\"\n\n\
         msgid \"Edit YAML\"\nmsgstr \"YAML bearbeiten\"\n\n\
         msgid \"YAML File\"\nmsgstr \"Datei\"\n\n\
         msgid \"Open the Web Editor\"\nmsgstr \"Den Web-Editor öffnen\"\n\n\
         msgid \"Thanks for visiting the Web site.\"\nmsgstr \"Danke für den Besuch der Webseite.\"\n"
    );
    let f: Vec<_> = name_findings(&po)
        .into_iter()
        .filter(|x| x.1 == "error")
        .collect();
    // Only the string that drops YAML outright.
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].2.contains("'YAML' is missing"), "{f:?}");
}

#[test]
fn a_name_after_an_elided_article_is_not_dropped() {
    let fr = "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\n";
    let po = format!(
        "{fr}msgid \"Search by UPC\"\nmsgstr \"Chercher par UPC\"\n\n\
         msgid \"Includes an item with UPC {{upc}}\"\nmsgstr \"Inclut un article avec l’UPC {{upc}}\"\n\n\
         msgid \"Call the API now\"\nmsgstr \"Appeler l'API maintenant\"\n\n\
         msgid \"Your GitHub account\"\nmsgstr \"Votre compte GitHub\"\n\n\
         msgid \"Sign in with GitHub\"\nmsgstr \"Se connecter\"\n"
    );
    let f: Vec<_> = name_findings(&po)
        .into_iter()
        .filter(|x| x.1 == "error")
        .collect();
    // Only the string that drops a name outright.
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].2.contains("'GitHub' is missing"), "{f:?}");
}

#[test]
fn an_acronym_with_two_letters_swapped_is_a_misspelling() {
    let po = format!("{HEADER}msgid \"Export to PDF\"\nmsgstr \"Exportar para PFD\"\n");
    let f = name_findings(&po);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, "error");
    assert!(f[0].2.contains("'PDF' is misspelled as 'PFD'"), "{f:?}");
}

#[test]
fn a_word_opening_a_string_after_a_placeholder_or_a_dash_is_no_name() {
    let de = "msgid \"\"\nmsgstr \"\"\n\"Language: de_DE\\n\"\n\n";
    let po = format!(
        "{de}#, python-format\nmsgid \"%d Row\"\nmsgstr \"%d Zeile\"\n\n\
         #, python-format\nmsgid \"%(name)s Properties\"\nmsgstr \"Eigenschaften von %(name)s\"\n\n\
         msgid \"Public - Everybody can see the list\"\nmsgstr \"Öffentlich – Jede Person kann die Liste sehen\"\n\n\
         #, python-format\nmsgid \"%d GitHub repositories\"\nmsgstr \"%d Repositorien\"\n\n\
         msgid \"Static Menu2\"\nmsgstr \"Statisches Menü 2\"\n\n\
         msgid \"Static Menu3\"\nmsgstr \"Statisches Menü\"\n"
    );
    let f = name_findings(&po);
    // Only the name with an inner capital, which no place explains, and a
    // numbered label whose number is gone.
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(
        f.iter().any(|x| x.2.contains("'GitHub' is missing")),
        "{f:?}"
    );
    assert!(
        f.iter().any(|x| x.2.contains("'Menu3' is missing")),
        "{f:?}"
    );
}

#[test]
fn interface_words_a_catalogue_translates_are_not_dropped_names() {
    let de = "msgid \"\"\nmsgstr \"\"\n\"Language: de_DE\\n\"\n\n";
    // Launcher is kept in one string and translated in two: the
    // catalogue's word, not a name. Labels capitalise every word.
    let po = format!(
        "{de}msgid \"Launcher\"\nmsgstr \"Starter\"\n\n\
         msgid \"Open the Launcher\"\nmsgstr \"Den Starter öffnen\"\n\n\
         msgid \"New Launcher\"\nmsgstr \"Neuer Launcher\"\n\n\
         msgid \"Rotate Clockwise\"\nmsgstr \"Im Uhrzeigersinn drehen\"\n\n\
         msgid \"Print Clockwise\"\nmsgstr \"Clockwise drucken\"\n\n\
         msgid \"Enter Edit Mode\"\nmsgstr \"Bearbeitungsmodus aktivieren\"\n\n\
         msgid \"Enter Command Mode\"\nmsgstr \"Befehlsmodus aktivieren\"\n\n\
         msgid \"Execute with Shift+Enter\"\nmsgstr \"Ausführen mit Shift+Enter\"\n\n\
         msgid \"Execute with Enter\"\nmsgstr \"Ausführen mit Enter\"\n\n\
         msgid \"List of plugin IDs\"\nmsgstr \"Liste der Plugin-ID\"\n\n\
         msgid \"Run the plugin IDs\"\nmsgstr \"Die IDs der Plugins ausführen\"\n"
    );
    assert_eq!(name_findings(&po), vec![]);
}

#[test]
fn a_name_dropped_once_where_the_catalogue_keeps_it_is_still_an_error() {
    let de = "msgid \"\"\nmsgstr \"\"\n\"Language: de_DE\\n\"\n\n";
    let po = format!(
        "{de}msgid \"Open the Hub panel\"\nmsgstr \"Das Panel öffnen\"\n\n\
         msgid \"Log out of the Hub\"\nmsgstr \"Vom Hub abmelden\"\n\n\
         msgid \"Restart the Hub\"\nmsgstr \"Den Hub neu starten\"\n\n\
         msgid \"JupyterLab Settings\"\nmsgstr \"Einstellungen\"\n\n\
         msgid \"About JupyterLab\"\nmsgstr \"Über JupyterLab\"\n"
    );
    let f = name_findings(&po);
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f.iter().all(|x| x.1 == "error"), "{f:?}");
    assert!(
        f[0].2.contains("'Hub'") && f[1].2.contains("'JupyterLab'"),
        "{f:?}"
    );
}

#[test]
fn entries_keyed_by_an_identifier_draw_no_finding() {
    // Mailman's catalogues key whole templates by file name: the English
    // text is elsewhere, so the msgstr's placeholders are no additions.
    let po = format!(
        "{HEADER}msgid \"list:user:notice:refuse.txt\"\n\
         msgstr \"Sua solicitação à lista ${{listname}} foi recusada por ${{reason}}.\"\n\n\
         msgid \"Save\"\nmsgstr \"Salvar\"\n"
    );
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("pt.po"), po).unwrap();
    let f = run::findings(d.path(), &["pt.po"]);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn an_acronym_a_catalogue_localises_is_no_foreign_one() {
    // Interface strings localise acronyms (DBMS as SGBD): in an article the
    // same would stand for another body, in a catalogue it is the rule.
    let po = format!("{HEADER}msgid \"Connect to the DBMS\"\nmsgstr \"Conectar ao SGBD\"\n");
    let f = name_findings(&po);
    assert!(
        !f.iter()
            .any(|x| x.2.contains("which the source never uses")),
        "{f:?}"
    );
}

#[test]
fn a_zope_default_comment_is_the_source_and_its_mistakes_are_found() {
    // Keyed by identifiers, the English in `#. Default:` (Plone's catalogues).
    let po = format!(
        "{HEADER}#. Default: \"April\"\nmsgid \"month_apr\"\nmsgstr \"Abril\"\n\n\
         #. Default: \"We recommend that you start with ${{link}}.\"\nmsgid \"label_first_time\"\n\
         msgstr \"Recomendamos que você comece por ${{ligacao}}.\"\n\n\
         msgid \"date_format_short\"\nmsgstr \"${{d}}/${{m}}/${{Y}}\"\n"
    );
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("pt.po"), po).unwrap();
    let f = run::findings(d.path(), &["pt.po"]);
    let rules: Vec<(&str, u64)> = f
        .iter()
        .filter(|x| x["severity"] == "error")
        .map(|x| {
            (
                x["rule"].as_str().unwrap(),
                x["target"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    // Only the renamed placeholder, at its msgstr line.
    assert_eq!(rules, [("placeholder", 11)], "{f:?}");
}

#[test]
fn an_iso_date_written_day_first_is_no_change() {
    let po = "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\n\
              msgid \"Starts 2017-05-31 at 10:00.\"\nmsgstr \"Beginnt am 31.05.2017 um 10:00.\"\n\n\
              msgid \"Ends 2017-05-31.\"\nmsgstr \"Endet am 31.05.2016.\"\n";
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("de.po"), po).unwrap();
    let f = run::findings(d.path(), &["de.po"]);
    let errors: Vec<u64> = f
        .iter()
        .filter(|x| x["severity"] == "error")
        .map(|x| x["target"]["line"].as_u64().unwrap_or(0))
        .collect();
    // Only the changed year, at its msgstr line.
    assert_eq!(errors, [9], "{f:?}");
}

fn rule_findings(po: &str, rule: &str) -> Vec<String> {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("de.po"), po).unwrap();
    run::findings(d.path(), &["de.po", "--only", rule])
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

const DE: &str = "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\n";

#[test]
fn a_placeholder_on_a_line_of_its_own_belongs_to_the_sentence_before() {
    let po = format!(
        "{DE}#, python-brace-format\nmsgid \"\"\n\"You can see your booking at\\n\"\n\"{{url}}\\n\"\n\"\\n\"\n\"Kind regards\"\n\
         msgstr \"\"\n\"Ihre Buchung sehen Sie hier:\\n\"\n\"\\n\"\n\"{{url}}\\n\"\n\"\\n\"\n\"Viele Grüße\"\n"
    );
    assert_eq!(rule_findings(&po, "placeholder"), Vec::<String>::new());
    // Dropped, it is still missing.
    let po = po.replace("\"{url}\\n\"\n\"\\n\"\n\"Viele", "\"\\n\"\n\"Viele");
    let f = rule_findings(&po, "placeholder");
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("{url}"), "{f:?}");
}

#[test]
fn an_automatic_field_and_its_number_are_one_placeholder() {
    let po = format!(
        "{DE}#, python-brace-format\nmsgid \"Unknown mode: {{}}\"\nmsgstr \"Unbekannter Modus: {{0}}\"\n"
    );
    assert_eq!(rule_findings(&po, "placeholder"), Vec::<String>::new());
}

#[test]
fn a_country_in_the_catalogue_language_is_no_misspelt_name() {
    let po = |country: &str| {
        format!(
            "{HEADER}msgid \"Sign in with GitHub\"\nmsgstr \"Entrar com GitHub\"\n\n\
             msgid \"Open Stripe and PayPal\"\nmsgstr \"Abrir Stripe e PayPal\"\n\n\
             msgid \"Ships to Serbia\"\nmsgstr \"Envio para a {country}\"\n"
        )
    };
    assert_eq!(name_findings(&po("Sérvia")), Vec::new());
    // Letters exchanged are still a misspelt name.
    let f = name_findings(&po("Srebia"));
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].2.contains("Srebia"), "{f:?}");
}

#[test]
fn a_plural_entry_form_for_one_may_say_its_count_in_words() {
    let po = |one: &str| {
        format!(
            "{DE}#, python-format\nmsgid \"%(count)s hour ago\"\nmsgid_plural \"%(count)s hours ago\"\n\
             msgstr[0] \"{one}\"\nmsgstr[1] \"vor %(count)s Stunden\"\n"
        )
    };
    assert_eq!(
        rule_findings(&po("vor einer Stunde"), "placeholder"),
        Vec::<String>::new()
    );
    // The other form must keep it.
    let po2 = po("vor %(count)s Stunde").replace("vor %(count)s Stunden", "vor Stunden");
    assert_eq!(rule_findings(&po2, "placeholder").len(), 1);
}

#[test]
fn a_placeholder_moved_to_another_sentence_of_its_msgstr_is_there() {
    let po = |t: &str| {
        format!(
            "{DE}#, python-format\nmsgid \"You may not replace the attachment %(name)s. \
             You can only replace your own attachments, which needs the DELETE permission.\"\n\
             msgstr \"{t}\"\n"
        )
    };
    let moved = "Sie dürfen nur Ihre eigenen Anhänge ersetzen. \
                 Um den Anhang %(name)s zu ersetzen, brauchen Sie die DELETE-Berechtigung.";
    assert_eq!(
        rule_findings(&po(moved), "placeholder"),
        Vec::<String>::new()
    );
    let dropped = moved.replace(" %(name)s", "");
    assert_eq!(rule_findings(&po(&dropped), "placeholder").len(), 1);
}

#[test]
fn a_label_word_the_catalogue_translates_is_no_misspelt_name() {
    let po = |label: &str| {
        format!(
            "{HEADER}msgid \"Delete all items\"\nmsgstr \"Excluir todos os itens\"\n\n\
             msgid \"Shared Items\"\nmsgstr \"Itens Compartilhados\"\n\n\
             msgid \"Child Bridges\"\nmsgstr \"Bridge Filhas\"\n\n\
             msgid \"Docker Daemon\"\nmsgstr \"{label}\"\n"
        )
    };
    let errors = |po: &str| {
        name_findings(po)
            .into_iter()
            .filter(|f| f.1 == "error")
            .collect::<Vec<_>>()
    };
    assert_eq!(errors(&po("Daemon do Docker")), Vec::new());
    // Letters exchanged in a word the catalogue never writes are a slip.
    let f = errors(&po("Deamon do Docker"));
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].2.contains("Deamon"), "{f:?}");
}

#[test]
fn configuration_and_command_lines_kept_are_no_untranslated_prose() {
    let po = |t: &str| {
        format!(
            "{DE}msgid \"\"\n\"close = open -> done\\n\"\n\"close.default = 2\"\nmsgstr \"\"\n\"{t}\\n\"\n\"close.default = 2\"\n\n\
             #, python-format\nmsgid \"served --listen 8080 %(site_dir)s\"\nmsgstr \"served --listen 8080 %(site_dir)s\"\n"
        )
    };
    assert_eq!(
        rule_findings(&po("close = open -> done"), "untranslated"),
        Vec::<String>::new()
    );
    // Prose left in English is still found.
    let prose = format!(
        "{DE}msgid \"Close the ticket when the work is done\"\n\
         msgstr \"Close the ticket when the work is done\"\n"
    );
    let f = rule_findings(&prose, "untranslated");
    assert_eq!(f.len(), 1, "{f:?}");
}
