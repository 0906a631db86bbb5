//! Language profiles: everything specific to one language, as data.
//!
//! A profile is a TOML file in `src/profiles/` (built in) or given by the user.
//! Adding a language means adding a file, never code. Unknown languages get the
//! generic profile (`xx.toml`).

use serde::Deserialize;
use std::collections::BTreeMap;

/// Built-in profiles, by ISO 639-1 code.
/// Built-in profiles, by ISO 639-1 code: every file in `src/profiles/`,
/// embedded by `build.rs`; the generic `xx` comes last.
const BUILTIN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/profiles.rs"));

/// The built-in profiles, parsed on first use. Immutable data embedded in the
/// binary, so a process-wide cache holds no state a caller could observe:
/// every `Profile::builtin` call (each pair of a batch, each fuzz run) used
/// to parse the TOML again; now it clones the parsed profile.
static PARSED: std::sync::OnceLock<Vec<(&'static str, Profile)>> = std::sync::OnceLock::new();

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// ISO 639-1 code, such as `pt`.
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub segment: SegmentProfile,
    #[serde(default)]
    pub numbers: NumberProfile,
    #[serde(default)]
    pub quotes: QuoteProfile,
    #[serde(default)]
    pub words: WordProfile,
}

/// Sentence segmentation data.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SegmentProfile {
    /// Abbreviations without their final period (`etc`, `p`, `Jan`, `U.S`,
    /// `p. ex`). A period after one ends a sentence only when a capitalised
    /// word follows (and, for dotted capitals such as `U.S`, only when that
    /// word usually starts a sentence); never before a digit or a lower-case
    /// word. A sentence-initial capital is allowed (`Etc` matches `etc`).
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Abbreviations that are always followed by something (titles: `Sr`,
    /// `Dr`, `Gen`): a period after them never ends a sentence.
    #[serde(default)]
    pub non_final_abbreviations: Vec<String>,
    /// Ordinal markers written after digits (`º`, `ª`) or as suffixes (`st`,
    /// `nd`, French `er`, `e`). `.` marks a language that writes ordinals
    /// with a period (German "3. Oktober"): a period after a number of up to
    /// three digits then ends a sentence only before a `sentence_starters` word.
    #[serde(default)]
    pub ordinal_indicators: Vec<String>,
    /// Words (lower case) that usually start a sentence: articles, pronouns,
    /// conjunctions. After an initial (`J.`) or a dotted abbreviation (`U.S.`)
    /// only these start a new sentence; any other capitalised word is taken
    /// to continue a name. `[words].function_words` count too.
    #[serde(default)]
    pub sentence_starters: Vec<String>,
}

/// Number reading data.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct NumberProfile {
    /// Decimal separator: `,` in pt, `.` in en.
    #[serde(default)]
    pub decimal: String,
    /// Words a version number follows (`versão 2.0`), lower case: a dotted
    /// number after one is a version, not a decimal in a foreign convention.
    #[serde(default)]
    pub version_words: Vec<String>,
    /// Words a dotted label follows (`section 4.2`, `capítulo 3.1`), lower
    /// case: the number after one is a label, not a decimal. `§` needs none.
    #[serde(default)]
    pub label_words: Vec<String>,
    /// Words of a copyright notice (`copyright`, `©`, `direitos autorais`),
    /// lower case: a year after one dates the page itself, and a translated
    /// page carries the year it was made.
    #[serde(default)]
    pub copyright_words: Vec<String>,
    /// Words a page number follows (`page`, `p.`, `Seite`), lower case: a
    /// translated document has its own pagination, so a page number changed
    /// or said another way ("see page 26" as "see below") is a warning.
    #[serde(default)]
    pub page_words: Vec<String>,
    /// Group (thousands) separators: `.` and a (no-break) space in pt and de,
    /// `,` in en, the narrow no-break space (U+202F) in fr, `'` in Swiss German.
    #[serde(default)]
    pub group: Vec<String>,
    /// Cardinal number words and their values (`noventa` = 90).
    #[serde(default)]
    pub cardinals: BTreeMap<String, f64>,
    /// Ordinal words (`quarto` = 4, `fourth` = 4).
    #[serde(default)]
    pub ordinals: BTreeMap<String, f64>,
    /// Fractions (`terço` = 1/3, `half` = 0.5).
    #[serde(default)]
    pub fractions: BTreeMap<String, f64>,
    /// How a fraction is written in words: `{numerator}` and `{fraction}`
    /// (`{numerator}-{fraction}` gives "two-thirds").
    #[serde(default)]
    pub fraction_template: String,
    /// Scale words and multipliers (`mil` = 1e3, `bilhões` = 1e9, `billion` = 1e9).
    #[serde(default)]
    pub scales: BTreeMap<String, f64>,
    /// Words that join number words (`e` in "vinte e dois", `and`, `-`).
    #[serde(default)]
    pub joiners: Vec<String>,
    /// Vague quantities (`dezenas` = 10 as in "tens of").
    #[serde(default)]
    pub vague: BTreeMap<String, f64>,
    /// Multiples as exact quantities (`o dobro` = 2, `twice` = 2); a single
    /// word also listed in `ambiguous` ("double") only confirms.
    #[serde(default)]
    pub multipliers: BTreeMap<String, f64>,
    /// A fraction added after a whole number, its scale word or the noun it
    /// counts (`e meio` = 0.5: "um milhão e meio", "duas horas e meia";
    /// `and a half` = 0.5: "two and a half times").
    #[serde(default)]
    pub fraction_tails: BTreeMap<String, f64>,
    /// Words that look like numbers but usually are not ("segundo" = according to,
    /// "um" = a): counted only when a number context confirms them.
    #[serde(default)]
    pub ambiguous: Vec<String>,
    /// Words for percent (`por cento`, `percent`).
    #[serde(default)]
    pub percent_words: Vec<String>,
    /// Words for percentage points (`pontos percentuais`, `percentage points`).
    #[serde(default)]
    pub percentage_point_words: Vec<String>,
    /// How percentage points are written in a suggestion, `{number}` for the
    /// number; empty for no suggestion.
    #[serde(default)]
    pub percentage_point_template: String,
    /// Currency symbols and codes used with numbers (`R$`, `US$`, `€`).
    #[serde(default)]
    pub currencies: Vec<String>,
    /// Month names, January first, spellings of one month separated by `|`
    /// (`Sep|Sept`); abbreviated forms in `month_abbreviations`.
    #[serde(default)]
    pub months: Vec<String>,
    #[serde(default)]
    pub month_abbreviations: Vec<String>,
    /// Words between day and month or month and year (`de` in "4 de março");
    /// empty where day, month and year simply follow one another (fr, de, it).
    #[serde(default)]
    pub date_joiners: Vec<String>,
    /// Range words (`a`, `entre ... e`, `to`, `-`).
    #[serde(default)]
    pub range_words: Vec<String>,
    /// Articles that stand for "one" before a scale or fraction word
    /// (`a` in "a thousand", "a third").
    #[serde(default)]
    pub articles: Vec<String>,
    /// Ordinal markers written right after digits (`º`, `ª`, `st`, `th`,
    /// French `er`/`e`, German `.` as in "3. Oktober").
    #[serde(default)]
    pub ordinal_suffixes: Vec<String>,
    /// Phrases in which a number word is not a number ("os dois" = both,
    /// "no one", "one of"): a number inside one counts only if the other
    /// side confirms it.
    #[serde(default)]
    pub ambiguous_phrases: Vec<String>,
    /// Nouns and adjectives an ordinal counts ("lugar", "vez", "turno";
    /// "place", "time"), lower case: an ambiguous ordinal word right before
    /// one ("em segundo lugar") is read as an ordinal. A determiner alone is
    /// not enough: "no quarto" is "in the room", "na segunda" "on Monday".
    #[serde(default)]
    pub ordinal_nouns: Vec<String>,
    /// Words a Roman numeral follows as a number ("século XX", "Fase II",
    /// "World War II", "papa", "king"), lower case: a numeral after one,
    /// or after a capitalised name mid-sentence (Leão XIV), is a value
    /// whose change is reported; elsewhere it may be letters (XL, VI).
    #[serde(default)]
    pub roman_words: Vec<String>,
    /// Comparatives after a word that is both an ordinal and a fraction
    /// ("a third less", "a quarter more"): the word is a share, not an
    /// ordinal before its noun.
    #[serde(default)]
    pub fraction_comparatives: Vec<String>,
    /// Phrases naming a year by its distance from the article's own
    /// ("ano passado", "next year"), lower case: a year the other side adds
    /// to one of these resolves it and is no finding.
    #[serde(default)]
    pub relative_years: Vec<String>,
    /// Words that make the number after them negative ("menos", "minus"),
    /// lower case; "-5" and "−5" are negative in every language.
    #[serde(default)]
    pub minus_words: Vec<String>,
    /// Phrases ending in a minus word where it is no sign ("pelo menos",
    /// "mais ou menos", "plus or minus").
    #[serde(default)]
    pub minus_exceptions: Vec<String>,
    /// Phrases after the number that make a minus word a difference, not
    /// a sign ("menos 3,6 pontos do que": 3.6 points less than).
    #[serde(default)]
    pub minus_comparisons: Vec<String>,
    /// Words after a temperature that make it negative ("graus negativos",
    /// "below zero"), lower case; a temperature unit may stand between.
    #[serde(default)]
    pub minus_after_words: Vec<String>,
    /// Words of absence ("sem", "without", "no"), lower case: a zero in
    /// words rendered by one of them ("zero-code" as "sem código") is no
    /// lost number.
    #[serde(default)]
    pub none_words: Vec<String>,
    /// Words that say a value is zero or empty ("zerado", "azzerato"),
    /// lower case: a `0` in digits ("accounts at 0") may be said by one.
    #[serde(default)]
    pub zero_words: Vec<String>,
    /// Phrases for the time a referee adds at the end of a half
    /// ("stoppage time", "acréscimos"), lower case: a minute written
    /// `90+3` on one side may be said with one of them on the other.
    #[serde(default)]
    pub added_time_words: Vec<String>,
    /// Phrases after a minute that count it from the start of the second
    /// half ("aos 37 minutos do segundo tempo"), lower case: the other side
    /// may count the whole match (the 82nd minute), or say a minute past 45
    /// with its added-time words ("48 minutos" as three minutes into
    /// stoppage time).
    #[serde(default)]
    pub second_half_words: Vec<String>,
    /// Letters of a period code: a quarter or half and a two-digit year
    /// ("3T25", "1S24"; "Q3" is written apart), upper case. The other side
    /// may write the code's year in full ("the third quarter of 2025").
    #[serde(default)]
    pub period_code_letters: Vec<String>,
    /// Words between a scale word and its unit ("1,2 milhão de toneladas").
    #[serde(default)]
    pub unit_joiners: Vec<String>,
    /// Short scale words (`bn`, `m`, `bi`, `mi`) that count only after an
    /// amount of money ("$5bn"), since "5 m" is usually metres.
    #[serde(default)]
    pub scale_abbreviations: Vec<String>,
    /// Preferred scale words for writing a suggestion, smallest first
    /// (`thousand`, `million`, `billion`).
    #[serde(default)]
    pub scale_display: Vec<String>,
    /// Words linking a vague quantity to the next ("dezenas *de* milhares").
    #[serde(default)]
    pub vague_joiners: Vec<String>,
    /// Currency symbols, codes and names with their ISO 4217 code
    /// (`R$` = BRL, `reais` = BRL, `dollars` = USD).
    #[serde(default)]
    pub currency_codes: BTreeMap<String, String>,
    /// The symbol to write for a currency code in a suggestion (`USD` = `US$`).
    #[serde(default)]
    pub currency_symbols: BTreeMap<String, String>,
    /// How an amount is written: `{currency}` and `{number}` (`{currency} {number}`).
    #[serde(default)]
    pub currency_template: String,
    /// Words between an amount and a currency name after it ("mil *de* reais").
    /// A joiner ending in an apostrophe here or in `vague_joiners`,
    /// `date_joiners` or `joiners` (French `d’`) is an elision, read even
    /// when glued to the next word ("milliards *d’*euros").
    #[serde(default)]
    pub currency_joiners: Vec<String>,
    /// Marks of the hour written after digits (`h` in "14h30").
    #[serde(default)]
    pub time_hour_marks: Vec<String>,
    /// Marks between whole seconds and their hundredths in a race time
    /// (`s` in "9s98", 9.98 seconds).
    #[serde(default)]
    pub time_second_marks: Vec<String>,
    /// Words after a number that make it a time of day, with `.` or `:`
    /// between hours and minutes (German `Uhr` in "14.30 Uhr", "14 Uhr").
    #[serde(default)]
    pub time_words: Vec<String>,
    /// Morning and afternoon markers after a time (`a.m.`, `p.m.`).
    #[serde(default)]
    pub time_am: Vec<String>,
    #[serde(default)]
    pub time_pm: Vec<String>,
    /// How a time is written in a suggestion: `{H}` (0-23), `{h}` (1-12),
    /// `{MM}` (minutes), `{ampm}` (the first `time_am`/`time_pm` word).
    #[serde(default)]
    pub time_template: String,
    /// The same for a whole hour (`{H}h`, `{h} {ampm}`); `time_template` if empty.
    #[serde(default)]
    pub time_template_whole_hour: String,
    /// Words before a decade ("anos 90", "década de 1990").
    #[serde(default)]
    pub decade_prefixes: Vec<String>,
    /// Endings after a decade's digits ("1990s", "90s").
    #[serde(default)]
    pub decade_suffixes: Vec<String>,
    /// Names of the days of the week: a day number in brackets after one
    /// ("quinta-feira (30)") is a day of the month.
    #[serde(default)]
    pub weekdays: Vec<String>,
    /// Words after a number counting months of a duration ("6 meses"): six
    /// months of a sentence may be written "and a half" years.
    #[serde(default)]
    pub month_units: Vec<String>,
    /// Units of measure written after a number (`gb`, `km`, `milhas`,
    /// `°f`), lower case: each names its dimension and its factor (and
    /// offset, for temperatures) to that dimension's base unit, so that a
    /// changed unit (2 GB → 2 MB) is caught and a conversion (10 km → 6.2
    /// miles) passes.
    #[serde(default)]
    pub units: BTreeMap<String, Unit>,
    /// Words between a value and the unit it is given per ("por", "per",
    /// "a"), lower case: "R$ 2.000 por mês" is a rate per month, and a
    /// rate per week on the other side is a change.
    #[serde(default)]
    pub rate_joiners: Vec<String>,
    /// Words between a value and the period it is given for ("alta de 3,2%
    /// na semana", "up 3.2% on the week", "4% this year"), lower case; an
    /// article may follow. Read as a rate joiner before a duration: a value
    /// given for another period on the other side is a change.
    #[serde(default)]
    pub period_joiners: Vec<String>,
    /// Words after a value naming what it is per on their own ("mensais",
    /// "weekly"), lower case, each a unit of its dimension as in `units`.
    #[serde(default)]
    pub rate_units: BTreeMap<String, Unit>,
    /// Hedges before a number ("cerca de", "nearly"), lower case: a hedged
    /// percentage may be rendered as a nearby fraction ("nearly a third").
    #[serde(default)]
    pub approximators: Vec<String>,
    /// Words after a number meaning hundredths of a percentage point
    /// ("basis points", "pontos-base").
    #[serde(default)]
    pub basis_point_words: Vec<String>,
    /// Distributive phrases, `{n}` standing for one number word or digits
    /// repeated with the same value ("de {n} em {n}", "{n} by {n}"): the
    /// phrase is one mention of that number, not two.
    #[serde(default)]
    pub distributives: Vec<String>,
    /// Distributive phrases with their group size ("by pairs" = 2,
    /// "in threes" = 3): they confirm that number on the other side but are
    /// never reported alone.
    #[serde(default)]
    pub distributive_words: BTreeMap<String, f64>,
    /// Order of a date written in digits: `dmy` ("15/08/2024") or `mdy`.
    #[serde(default)]
    pub numeric_date_order: String,
    /// How a percentage is written, `{}` standing for the number (`{}%`, `{} %`).
    #[serde(default)]
    pub percent_template: String,
    /// How a full date is written: `{day}`, `{month}` (name) and `{year}`
    /// (`{month} {day}, {year}`; `{day} de {month} de {year}`).
    #[serde(default)]
    pub date_template: String,
    /// A date without the year (`{month} {day}`).
    #[serde(default)]
    pub date_template_no_year: String,
    /// A month and year (`{month} {year}`).
    #[serde(default)]
    pub date_template_month_year: String,
}

/// Quotation marks.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct QuoteProfile {
    /// Opening and closing marks of the primary (outer) quotation, preferred first.
    #[serde(default)]
    pub primary: Vec<[String; 2]>,
    /// Marks for quotations nested inside another.
    #[serde(default)]
    pub secondary: Vec<[String; 2]>,
    /// Elisions and contractions where `'`/`’` is an apostrophe (`d’água`,
    /// French `l’`, `qu’`, `aujourd’hui`, Italian `dell’`, `un’`), beyond the
    /// generic rule "letter, apostrophe, letter".
    #[serde(default)]
    pub apostrophe_words: Vec<String>,
    /// Marks that break this language's convention (`«`, `»`, `„` in
    /// English; `„` in French): a warning, with the preferred mark of the
    /// same role.
    #[serde(default)]
    pub forbidden: Vec<String>,
    /// Words that do the work of scare quotes (`so-called`, `dubbed`), in
    /// lower case: a short quotation dropped next to one is only a warning.
    #[serde(default)]
    pub equivalents: Vec<String>,
    /// Dashes that open a quoted speech at the start of a paragraph
    /// (`— Vamos vencer — disse.`); the translation may use quotation marks.
    #[serde(default)]
    pub dialogue_dashes: Vec<String>,
}

/// Word lists.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct WordProfile {
    /// Frequent function words (articles, prepositions, pronouns), lower case.
    /// Used to tell languages apart on short text, and to know that a
    /// capitalised sentence-initial word is not a name.
    #[serde(default)]
    pub function_words: Vec<String>,
    /// Lower-case words that may appear capitalised inside names but are not
    /// names themselves (`de`, `da`, `do`, `of`, `the`).
    #[serde(default)]
    pub name_particles: Vec<String>,
    /// Capitalised words that are not names (days of the week, titles),
    /// in lower case.
    #[serde(default)]
    pub not_names: Vec<String>,
    /// Words that may legitimately be written twice in a row ("had had",
    /// "que que"), in lower case.
    #[serde(default)]
    pub repeatable: Vec<String>,
    /// Punctuation that takes no space before it (`,` `.` `;` `:` `!` `?` in
    /// English; French leaves out `;` `:` `!` `?`, which take a (narrow)
    /// no-break space before them).
    #[serde(default)]
    pub no_space_before: Vec<String>,
    /// Closing marks that need an opening mark earlier in the sentence
    /// (`?` = `¿`, `!` = `¡` in Spanish).
    #[serde(default)]
    pub inverted_marks: BTreeMap<String, String>,
    /// Starts of editorial lines that an edition drops or adds on purpose
    /// (related-article links, credits, editor's notes), in lower case:
    /// `leia também`, `editor's note`. Such a line with no counterpart is info.
    #[serde(default)]
    pub editorial_prefixes: Vec<String>,
    /// Starts of photo captions (`foto:`, `photo:`), in lower case. A
    /// caption carries content (who and what the picture shows): one with no
    /// counterpart is a warning, not info as an editorial line is.
    #[serde(default)]
    pub caption_prefixes: Vec<String>,
    /// Suffix rewrites giving inflected forms (plural, gender) of glossary
    /// terms marked `match = "inflected"`: `["ão", "ões"]`, `["", "s"]`.
    #[serde(default)]
    pub inflections: Vec<[String; 2]>,
    /// Spelling rewrites that bring a name written in this language to a
    /// shared rough form (lower case, no accents), so that cognate
    /// renderings compare equal across languages (`["ph", "f"]`, `["ão", "an"]`).
    /// A pattern ending in `$` only matches at the end of a word.
    #[serde(default)]
    pub cognate_rewrites: Vec<[String; 2]>,
    /// Accented letters native to the language: a capitalised word holding
    /// one is a local adaptation (`Irã`, `França`), likely translated.
    #[serde(default)]
    pub native_letters: String,
    /// Word endings typical of the language's own adaptations of foreign
    /// names (`a`, `o`, `ão` in pt): such a word may be a translation.
    #[serde(default)]
    pub adapted_endings: Vec<String>,
    /// Orthographic correspondences for names: rewrites (after lower case
    /// and accent folding) to a spelling skeleton shared across languages
    /// (`["ch", "c"]`, `["h", ""]`, `["y", "i"]`, `["m$", "n"]`); a rule
    /// whose pattern holds an accented letter (`["ã$", "an"]`) applies
    /// before the folding. Two
    /// spellings with one skeleton (doubled letters collapsed, final vowels
    /// and `s` dropped) are conventional renderings of one name
    /// (Ismael/Ishmael, Agripa/Agrippa), not a misspelling.
    #[serde(default)]
    pub name_spellings: Vec<[String; 2]>,
    /// Letter groups the language's own spelling does not use (`k`, `th`,
    /// `dd`): a source name holding one is a foreign spelling kept verbatim,
    /// so the translation must keep it too (Haddad, Witkoff).
    #[serde(default)]
    pub foreign_in_names: Vec<String>,
    /// Words joining two names into a list (`e`, `and`): "Silas e Timóteo"
    /// is two people, not one.
    #[serde(default)]
    pub conjunctions: Vec<String>,
    /// The word for "example" as it names an example host (`example.com`,
    /// `exemplo.com.br`, `beispiel.de`), in lower case: a catalogue may
    /// write the source's example host in its own language.
    #[serde(default)]
    pub example_words: Vec<String>,
    /// Modifier keys as shortcuts name them (`ctrl`, `shift`, `strg`), in
    /// lower case: `ctrl shift A` is a key combination, not prose.
    #[serde(default)]
    pub key_names: Vec<String>,
}

/// A unit of measure: value in base unit = value × factor + offset.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub dimension: String,
    pub factor: f64,
    #[serde(default)]
    pub offset: f64,
}

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("{path}:{line}:{column}: invalid language profile: {message}")]
    Parse {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

impl WordProfile {
    /// Folds the editorial and caption starts (case, accents) once, so that
    /// testing a sentence folds only its head.
    fn fold_prefixes(&mut self) {
        for list in [&mut self.editorial_prefixes, &mut self.caption_prefixes] {
            list.retain(|p| !p.is_empty());
            for p in list.iter_mut() {
                *p = crate::text::fold(p);
            }
        }
    }
}

impl Profile {
    /// The built-in profile for `code`, or the generic one with that code.
    pub fn builtin(code: &str) -> Profile {
        let code = code.to_ascii_lowercase();
        let parsed = PARSED.get_or_init(|| {
            BUILTIN
                .iter()
                .map(|(c, src)| {
                    let p = Profile::parse("<builtin>", src).expect("built-in profiles are valid");
                    (*c, p)
                })
                .collect()
        });
        let mut p = parsed
            .iter()
            .find(|(c, _)| *c == code)
            .or(parsed.last())
            .map(|(_, p)| p.clone())
            .expect("generic profile");
        if p.code == "xx" {
            p.code = code;
        }
        p
    }

    /// Whether `text` starts like an editorial line of this language (related
    /// article, credit, editor's note), ignoring case, accents and opening
    /// punctuation.
    pub fn is_editorial(&self, text: &str) -> bool {
        starts_with_any(text, &self.words.editorial_prefixes)
    }

    /// Whether `text` starts like a photo caption of this language, ignoring
    /// case, accents and opening punctuation.
    pub fn is_caption(&self, text: &str) -> bool {
        starts_with_any(text, &self.words.caption_prefixes)
    }

    /// Whether `text` is a photo caption or ends in one set off by a dash
    /// or a bar ("Moradores retiram lama — Foto: Tânia Brito").
    pub fn has_caption(&self, text: &str) -> bool {
        self.is_caption(text)
            || text
                .match_indices(['—', '–', '|'])
                .any(|(i, d)| self.is_caption(&text[i + d.len()..]))
    }

    /// Whether a built-in (non-generic) profile exists for `code`.
    pub fn has_builtin(code: &str) -> bool {
        BUILTIN.iter().any(|(c, _)| *c == code && *c != "xx")
    }

    /// Codes of the built-in profiles.
    pub fn builtin_codes() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(c, _)| *c).filter(|c| *c != "xx")
    }

    pub fn parse(path: &str, src: &str) -> Result<Profile, ProfileError> {
        let mut profile: Profile = toml::from_str(src).map_err(|e| {
            let (line, column) = e
                .span()
                .map(|s| crate::text::line_col_of(src, s.start))
                .unwrap_or((1, 1));
            ProfileError::Parse {
                path: path.to_string(),
                line,
                column,
                message: e.message().to_string(),
            }
        })?;
        profile.words.fold_prefixes();
        Ok(profile)
    }
}

/// Whether `text` starts with one of `prefixes` (folded at parse time: see
/// [`WordProfile::fold_prefixes`]), ignoring case, accents and opening
/// punctuation.
fn starts_with_any(text: &str, prefixes: &[String]) -> bool {
    let Some(need) = prefixes.iter().map(String::len).max() else {
        return false;
    };
    let t = crate::text::fold_head(
        text.trim_start_matches(|c: char| !c.is_alphanumeric()),
        need,
    );
    prefixes.iter().any(|p| t.starts_with(p.as_str()))
}

/// Data made once per language pair and then shared: in a static, the
/// shipped glossaries and lexicons (parsed once per process, so a batch or a
/// fuzz run does not parse them again for every pair); in a run's
/// `Lexicons`, the user lexicons layered over the shipped one.
#[derive(Debug)]
pub(crate) struct PairCache<T>(
    std::sync::OnceLock<std::sync::Mutex<std::collections::HashMap<(String, String), T>>>,
);

impl<T: Clone> PairCache<T> {
    pub(crate) const fn new() -> Self {
        PairCache(std::sync::OnceLock::new())
    }

    /// The value for `source → target`, made by `make` the first time.
    pub(crate) fn get(&self, source: &str, target: &str, make: impl FnOnce() -> T) -> T {
        let mut cache = self
            .0
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        cache
            .entry((source.to_string(), target.to_string()))
            .or_insert_with(make)
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_profiles_parse() {
        for (code, src) in BUILTIN {
            let p = Profile::parse(code, src).unwrap();
            assert_eq!(&p.code, code);
        }
    }

    #[test]
    fn unknown_language_gets_generic_profile_with_its_code() {
        let p = Profile::builtin("fi");
        assert_eq!(p.code, "fi");
    }

    #[test]
    fn a_credit_set_off_by_a_dash_is_a_caption() {
        let pt = Profile::builtin("pt");
        assert!(pt.has_caption("Moradores retiram lama — Foto: Tânia Brito"));
        assert!(pt.has_caption("Foto: A fachada da loja."));
        assert!(!pt.has_caption("A foto — tirada em 2019 — mostra a casa."));
    }

    #[test]
    fn parse_error_names_line() {
        let err = Profile::parse("p.toml", "code = \"pt\"\nname = 3\n").unwrap_err();
        assert!(err.to_string().starts_with("p.toml:2:"), "{err}");
    }
}
