//! CLI tests through the real checks (numbers, glossary): a planted
//! mistake is found, fails the run, and the patch fixes it.

use assert_cmd::Command;
use std::fs;
use std::path::Path;
use std::process::Stdio;

const PT: &str = "O chanceler Abbas Araghchi chegou a Mascate.\nO PIB cresceu 3,4% em 2024.\nA reunião durou duas horas.\n";
const EN: &str = "Foreign Minister Abbas Araqchi arrived in Muscat.\nGDP grew 3.2% in 2024.\nThe meeting lasted two hours.\n";

fn setup() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("pt.txt"), PT).unwrap();
    fs::write(d.path().join("en.txt"), EN).unwrap();
    fs::write(d.path().join("names.tsv"), "Araghchi\tAraghchi\n").unwrap();
    d
}

/// `transcheck check pt.txt en.txt` in `dir`, pt → en, with `extra` flags.
fn check_pt_en(dir: &Path, extra: &[&str]) -> std::process::Output {
    Command::cargo_bin("transcheck")
        .unwrap()
        .current_dir(dir)
        .args(["check", "pt.txt", "en.txt"])
        .args(["--source-lang", "pt", "--target-lang", "en"])
        .args(extra)
        .output()
        .unwrap()
}

fn check(dir: &Path, format: &str) -> std::process::Output {
    check_pt_en(
        dir,
        &["--no-config", "--glossary", "names.tsv", "--format", format],
    )
}

#[test]
fn planted_mistakes_fail_the_run() {
    let d = setup();
    let out = check(d.path(), "json");
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"number"), "{rules:?}");
    assert!(
        rules.iter().any(|r| *r == "glossary" || *r == "name"),
        "{rules:?}"
    );
}

#[test]
fn patch_applies_with_git_and_patch() {
    let d = setup();
    let out = check(d.path(), "patch");
    assert!(!out.stdout.is_empty(), "no suggestions to patch");
    for (cmd, args) in [
        ("git", &["apply", "--check", "-"][..]),
        ("patch", &["-p1", "--quiet"][..]),
    ] {
        let mut child = match std::process::Command::new(cmd)
            .args(args)
            .current_dir(d.path())
            .stdin(Stdio::piped())
            .spawn()
        {
            Ok(c) => c,
            Err(_) => continue,
        };
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&out.stdout).unwrap();
        assert!(child.wait().unwrap().success(), "{cmd} rejected the patch");
    }
    let fixed = fs::read_to_string(d.path().join("en.txt")).unwrap();
    assert!(fixed.contains("Araghchi"), "{fixed}");
}

const GDP_PT: &str = "O PIB cresceu 3,4% em 2024.\nA casa é grande.\n";
/// A wrong figure, silenced by the line before it.
const SILENCED_EN: &str = "<!-- transcheck-ignore: number the copy desk rounded it -->\nGDP grew 3.2% in 2024.\nThe house is big.\n";

/// A folder holding `pt.txt` (GDP_PT) and `en.txt`.
fn gdp_pair(target: &str) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("pt.txt"), GDP_PT).unwrap();
    fs::write(d.path().join("en.txt"), target).unwrap();
    d
}

#[test]
fn inline_suppression_silences_a_real_finding() {
    let d = gdp_pair("");
    let run = |target: &str, extra: &[&str]| {
        fs::write(d.path().join("en.txt"), target).unwrap();
        check_pt_en(d.path(), extra).status.code()
    };
    let silenced = SILENCED_EN;
    assert_eq!(
        run(
            "GDP grew 3.2% in 2024.\nThe house is big.\n",
            &["--no-config"]
        ),
        Some(1)
    );
    assert_eq!(run(silenced, &["--no-config"]), Some(0));
    // The pipeline owner's switch: a pull request cannot silence itself.
    assert_eq!(
        run(silenced, &["--no-config", "--no-inline-ignore"]),
        Some(1)
    );
    fs::write(d.path().join("owner.toml"), "inline-ignore = false\n").unwrap();
    assert_eq!(run(silenced, &["--config", "owner.toml"]), Some(1));
    fs::write(d.path().join("owner.toml"), "inline-ignore = true\n").unwrap();
    assert_eq!(run(silenced, &["--config", "owner.toml"]), Some(0));
}

#[test]
fn silenced_findings_are_shown_apart_in_json_sarif_and_the_summary() {
    let d = gdp_pair(SILENCED_EN);
    let run = |format: &str| {
        let out = check_pt_en(d.path(), &["--no-config", "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let v: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(v["summary"]["errors"], 0);
    assert_eq!(v["suppressed"][0]["rule"], "number");
    assert_eq!(v["suppressed"][0]["suppression"]["line"], 1);
    assert_eq!(
        v["suppressed"][0]["suppression"]["reason"],
        "the copy desk rounded it"
    );
    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "number" && r["suppressions"][0]["kind"] == "inSource"),
        "{results:?}"
    );
    assert!(run("human").contains("silenced by transcheck-ignore: 1 finding"));
}

fn rules_without_glossary(dir: &Path, extra: &[&str]) -> Vec<String> {
    let flags = [&["--no-config", "--format", "json"][..], extra].concat();
    let out = check_pt_en(dir, &flags);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn builtin_glossary_applies_when_none_is_given() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("pt.txt"), "O avião pousou em Mascate.\n").unwrap();
    fs::write(d.path().join("en.txt"), "The plane landed in Mascate.\n").unwrap();
    assert!(rules_without_glossary(d.path(), &[]).contains(&"glossary".to_string()));
    assert!(
        !rules_without_glossary(d.path(), &["--no-builtin-glossary"])
            .contains(&"glossary".to_string())
    );
}

/// One sentence a side through the binary, `--format short`: (exit code, output).
fn short(pt: &str, en: &str) -> (Option<i32>, String) {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("x.pt"), pt).unwrap();
    fs::write(d.path().join("x.en"), en).unwrap();
    let out = Command::cargo_bin("transcheck")
        .unwrap()
        .current_dir(d.path())
        .args(["check", "x.pt", "x.en", "--no-config", "--format", "short"])
        .args(["--source-lang", "pt", "--target-lang", "en"])
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn units_signs_and_ordinals_in_context_fail_the_run() {
    for (pt, en) in [
        (
            "O Brasil exportou 1,2 milhão de toneladas de soja.",
            "Brazil exported 1.2 million pounds of soybeans.",
        ),
        (
            "A área desmatada foi de 5 mil km².",
            "The deforested area was 5,000 square miles.",
        ),
        ("A temperatura foi de -5 °C.", "The temperature was 5 °C."),
        (
            "A temperatura foi de menos 5 graus.",
            "The temperature was 5 degrees.",
        ),
        (
            "A equipe terminou em segundo lugar na liga.",
            "The team finished third in the league.",
        ),
    ] {
        let (code, out) = short(pt, en);
        assert_eq!(code, Some(1), "{pt} → {en}:\n{out}");
        assert!(out.contains("number"), "{pt} → {en}:\n{out}");
    }
}

#[test]
fn units_signs_and_ordinals_rendered_right_pass() {
    for (pt, en) in [
        (
            "O Brasil exportou 1,2 milhão de toneladas de soja.",
            "Brazil exported 1.2 million tonnes of soybeans.",
        ),
        (
            "A área desmatada foi de 5 mil km².",
            "The deforested area was 5,000 square kilometres.",
        ),
        (
            "A área desmatada foi de 5 mil km².",
            "The deforested area was 5,000 sq km.",
        ),
        ("A temperatura foi de -5 °C.", "The temperature was −5 °C."),
        (
            "A temperatura foi de menos 5 graus.",
            "It was minus 5 degrees.",
        ),
        (
            "O placar foi 2-0 e a meta é 5-7 pontos.",
            "The score was 2-0 and the goal is 5-7 points.",
        ),
        (
            "Segundo o ministro, a taxa caiu.",
            "According to the minister, the rate fell.",
        ),
        (
            "O gol saiu no segundo tempo.",
            "The goal came in the second half.",
        ),
    ] {
        let (code, out) = short(pt, en);
        assert_eq!(code, Some(0), "{pt} → {en}:\n{out}");
    }
}

#[test]
fn a_changed_rate_period_or_area_fails_the_run() {
    let d = tempfile::tempdir().unwrap();
    let pt = "O aluguel na orla custa 4.100 euros por metro quadrado.\n\nA bolsa paga R$ 2.000 por mês aos pesquisadores.\n\nA anuidade é de R$ 300 por ano.\n";
    let en = "Rent on the waterfront costs €4,100 per square foot.\n\nThe grant pays researchers R$2,000 a week.\n\nThe membership fee is R$300 a year.\n";
    fs::write(d.path().join("pt.txt"), pt).unwrap();
    fs::write(d.path().join("en.txt"), en).unwrap();
    let out = check_pt_en(d.path(), &["--no-config", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rates: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["message"].as_str())
        .filter(|m| m.starts_with("rate changed"))
        .collect();
    // The area and the month are changed; the year is kept.
    assert_eq!(rates.len(), 2, "{rates:?}");
    assert!(rates.iter().any(|m| m.contains("square foot")), "{rates:?}");
    assert!(rates.iter().any(|m| m.contains("a week")), "{rates:?}");
}

/// English into Polish, which has no profile: numbers in words, month
/// names and scale words cannot be read on the Polish side, so they pass
/// unverified, while a changed digit still fails the run.
#[test]
fn a_language_without_a_profile_is_checked_by_its_digits() {
    let d = tempfile::tempdir().unwrap();
    let en = "Three antennas were linked on 20 November 2009.\nThe project cost 2.5 billion euros.\nIt has 66 antennas.\n";
    let pl = "Trzy anteny połączono 20 listopada 2009.\nProjekt kosztował 2,5 miliarda euro.\nMa 66 anten.\n";
    fs::write(d.path().join("en.txt"), en).unwrap();
    fs::write(d.path().join("pl.txt"), pl).unwrap();
    let run = || {
        Command::cargo_bin("transcheck")
            .unwrap()
            .current_dir(d.path())
            .args(["check", "en.txt", "pl.txt", "--no-config"])
            .args(["--source-lang", "en", "--target-lang", "pl"])
            .args(["--only", "number", "--format", "json"])
            .output()
            .unwrap()
    };
    let out = run();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{v:#}");
    fs::write(d.path().join("pl.txt"), pl.replace("66", "67")).unwrap();
    let out = run();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = v["findings"].as_array().unwrap().len();
    assert_eq!(n, 1, "{v:#}");
}

#[test]
fn a_changed_frequency_fails_the_run_and_a_converted_period_passes() {
    for (pt, en) in [
        (
            "O grupo se reúne três vezes por semana na sede.",
            "The group meets three times a day at its headquarters.",
        ),
        (
            "O grupo se reúne duas vezes por semana na sede.",
            "The group meets twice a month at its headquarters.",
        ),
        (
            "A bolsa paga R$ 2.000 por mês aos pesquisadores.",
            "The grant pays researchers R$20,000 a year.",
        ),
    ] {
        let (code, out) = short(pt, en);
        assert_eq!(code, Some(1), "{pt} → {en}:\n{out}");
        assert!(out.contains("number"), "{pt} → {en}:\n{out}");
    }
    for (pt, en) in [
        (
            "O grupo se reúne duas vezes por semana na sede.",
            "The group meets twice a week at its headquarters.",
        ),
        (
            "A bolsa paga R$ 2.000 por mês aos pesquisadores.",
            "The grant pays researchers R$24,000 a year.",
        ),
    ] {
        let (code, out) = short(pt, en);
        assert_eq!(code, Some(0), "{pt} → {en}:\n{out}");
    }
}

#[test]
fn an_amount_off_by_ten_beside_a_currency_gloss_fails_the_run() {
    for (pt, en) in [
        (
            "A obra custou R$ 50 milhões (cerca de US$ 9 milhões).",
            "The works cost R$50 million (about US$90 million).",
        ),
        (
            "A obra custou R$ 50 milhões (cerca de US$ 9 milhões).",
            "The works cost R$500 million (about US$9 million).",
        ),
        (
            "A obra custou R$ 50 milhões.",
            "The works cost R$500 million ($9 million).",
        ),
        (
            "A obra custou R$ 50 milhões.",
            "The works cost R$5 million (about $50 million).",
        ),
    ] {
        let (code, out) = short(pt, en);
        assert_eq!(code, Some(1), "{pt} → {en}:\n{out}");
    }
    // A conversion the translator adds cannot be checked without a rate.
    let (code, out) = short(
        "A obra custou R$ 50 milhões.",
        "The works cost R$50 million ($9 million).",
    );
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn a_name_letter_moved_or_a_foreign_acronym_fails_the_run() {
    for (pt, en) in [
        (
            "O relator, deputado Fernando Castro, votou contra.",
            "The rapporteur, deputy Fernando Crasto, voted against.",
        ),
        (
            "Segundo a Fundação Oswaldo Cruz (Fiocruz), o vírus circula no estado.",
            "According to the Oswaldo Cruz Foundation (Butantan), the virus is circulating in the state.",
        ),
    ] {
        let (code, out) = short(pt, en);
        assert_eq!(code, Some(1), "{pt} → {en}:\n{out}");
        assert!(out.contains("name"), "{pt} → {en}:\n{out}");
    }
    let (code, out) = short(
        "Segundo a Organização Mundial da Saúde (OMS), o vírus circula.",
        "According to the World Health Organization (WHO), the virus is circulating.",
    );
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn a_roman_numeral_or_fraction_glyph_changed_fails_the_run() {
    for (pt, en) in [
        (
            "O Papa Leão XIV visitou o campo nesta terça-feira.",
            "Pope Leo XIII visited the camp on Tuesday.",
        ),
        (
            "Os presos ficavam no Lager IV, perto da linha do trem.",
            "The prisoners were held in camp 5, near the railway line.",
        ),
        (
            "A viagem durou 1 ½ hora até a cidade vizinha.",
            "The trip took two and a half hours to the neighbouring city.",
        ),
    ] {
        let (code, out) = short(pt, en);
        assert_eq!(code, Some(1), "{pt} → {en}:\n{out}");
    }
    for (pt, en) in [
        (
            "Os presos ficavam no Lager IV, perto da linha do trem.",
            "The prisoners were held in camp 4, near the railway line.",
        ),
        (
            "A viagem durou 1½ hora até a cidade vizinha.",
            "The trip took one and a half hours to the neighbouring city.",
        ),
    ] {
        let (code, out) = short(pt, en);
        assert_eq!(code, Some(0), "{pt} → {en}:\n{out}");
    }
}

#[test]
fn an_added_conversion_beside_a_changed_source_one_fails_the_run() {
    let (code, out) = short(
        "A prefeitura vai investir R$ 50 milhões na obra. O contrato prevê R$ 45 milhões (cerca de US$ 9 milhões) em cinco anos.",
        "The city will invest R$50 million ($9 million) in the works. The contract provides for R$45 million (about US$90 million) over five years.",
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("90"), "{out}");
}

#[test]
fn an_acronym_bracketed_earlier_given_as_another_fails_the_run() {
    let pt = "O Instituto Nacional de Estudos (Inep) e o Plano Nacional (PNE) divulgaram metas.\n\nO PNE fixou a meta para 2030.\n\nHá 2,8 milhões de crianças na fila, segundo estimativa do Inep.\n";
    let swapped = "The National Institute of Studies (Inep) and the National Plan (PNE) released targets.\n\nThe PNE set the target for 2030.\n\nThere are 2.8 million children waiting, according to a PNE estimate.\n";
    let (code, out) = short(pt, swapped);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("Inep"), "{out}");
    let kept = swapped.replace("a PNE estimate", "an Inep estimate");
    let (code, out) = short(pt, &kept);
    assert_eq!(code, Some(0), "{out}");
}
