//! The `number` check: a number, date, percentage or amount missing, added or
//! changed, a number written with the source language's separators in the
//! target, and a scale word that changes (bilhões → million).
//!
//! Each side is read with its own profile ([`crate::numbers::extract`]) and
//! the multisets of values are compared, so a dropped repeat counts. Words
//! that only may be numbers ("um acordo", "one of") are weak: they confirm a
//! number on the other side but are never reported on their own.
//!
//! [`matching`] pairs the mentions of a link, [`report`] turns what is
//! left into findings, and [`context`] reads the words around a number.

mod context;
mod degrade;
mod matching;
mod rate;
mod report;
mod swap;

use super::{Check, Context};
use crate::finding::{Finding, Severity};
use crate::numbers::{self, NumberKind, NumberMention};
use crate::profile::Profile;
use matching::rescue;

pub struct NumberCheck;

const RULE: &str = "number";

impl Check for NumberCheck {
    fn id(&self) -> &'static str {
        RULE
    }
    fn description(&self) -> &'static str {
        "A number, date, percentage or amount missing, added or changed"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        // Link by link, one link behind: a link is final once the rescue
        // with its next neighbour is done, so the mentions of a whole
        // document are never held at once.
        let sx = numbers::Extractor::new(ctx.source_profile);
        let tx = numbers::Extractor::new(ctx.target_profile);
        let reads = (
            degrade::Reads::of(ctx.source_profile),
            degrade::Reads::of(ctx.target_profile),
        );
        let mut prev: Option<Sides> = None;
        let mut recent: std::collections::VecDeque<Vec<u8>> = Default::default();
        for v in &ctx.views {
            let mut cur = read_link(ctx, (&sx, &tx), &reads, v);
            cur.recent_months = recent.iter().flatten().copied().collect();
            if recent.len() == RESTATE_LINKS {
                recent.pop_front();
            }
            recent.push_back(cur.src.iter().filter_map(|m| month_of(&m.kind)).collect());
            cur.match_within();
            if let Some(mut p) = prev.take() {
                rescue_pair(&mut p, &mut cur);
                p.finish(out);
            }
            prev = Some(cur);
        }
        if let Some(mut p) = prev {
            p.finish(out);
        }
    }
}

/// How many links back a month the source names may be restated by the
/// translation ("in the 12 months through November").
const RESTATE_LINKS: usize = 3;

/// The month a mention names, bare or in a date.
fn month_of(k: &NumberKind) -> Option<u8> {
    match *k {
        NumberKind::Month(m) | NumberKind::Date { month: m, .. } => Some(m),
        _ => None,
    }
}

/// One link's mentions, read with each side's profile.
fn read_link<'a>(
    ctx: &'a Context,
    (sx, tx): (&numbers::Extractor, &numbers::Extractor),
    reads: &(degrade::Reads, degrade::Reads),
    v: &'a super::LinkView,
) -> Sides<'a> {
    let mut src = sx.extract(&v.source.text);
    let mut tgt = tx.extract(&v.target.text);
    degrade::degrade(&mut src, &reads.1);
    degrade::degrade(&mut tgt, &reads.0);
    drop_lone_placeholder_scales(sx, &v.source.text, &mut src, tx, &v.target.text, &mut tgt);
    // "Leia também: … até 2027" folded into a merged link whose other side
    // has no such line: editions drop and add these lines on purpose, so
    // their numbers only confirm.
    let src_lines = editorial_lines(&v.source, ctx.source_profile);
    let tgt_lines = editorial_lines(&v.target, ctx.target_profile);
    if tgt_lines.is_empty() {
        weaken_within(&mut src, &src_lines);
    }
    if src_lines.is_empty() {
        weaken_within(&mut tgt, &tgt_lines);
    }
    Sides {
        link: v.index,
        src_text: &v.source.text,
        tgt_text: &v.target.text,
        su: vec![false; src.len()],
        tu: vec![false; tgt.len()],
        memo: (Memo::new(src.len()), Memo::new(tgt.len())),
        src,
        tgt,
        sp: ctx.source_profile,
        tp: ctx.target_profile,
        lex: ctx.lexicon.as_deref(),
        recent_months: Vec::new(),
        findings: Vec::new(),
    }
}

/// `%(n)d million` → `%(n)d Millionen`: a scale word after a placeholder is
/// compared only when both sides have one (`billion` → `bilião` is still a
/// changed scale); on one side alone, the other said it in a way the reader
/// does not take for a number.
fn drop_lone_placeholder_scales(
    sx: &numbers::Extractor,
    st: &str,
    src: &mut Vec<NumberMention>,
    tx: &numbers::Extractor,
    tt: &str,
    tgt: &mut Vec<NumberMention>,
) {
    // A weak one (German `Millionen`, capitalised as a noun) confirms only.
    let has = |x: &numbers::Extractor, t: &str, ms: &[NumberMention]| {
        ms.iter().any(|m| !m.weak && x.scale_of_placeholder(t, m))
    };
    match (has(sx, st, src), has(tx, tt, tgt)) {
        (true, false) => src.retain(|m| !sx.scale_of_placeholder(st, m)),
        (false, true) => tgt.retain(|m| !tx.scale_of_placeholder(tt, m)),
        _ => {}
    }
}

/// The byte ranges of a link side's editorial lines (the profile's
/// `editorial_prefixes`: "Leia também", "Read more").
fn editorial_lines(t: &super::SideText, p: &Profile) -> Vec<std::ops::Range<usize>> {
    t.sentence_ranges()
        .filter(|r| t.text.get(r.clone()).is_some_and(|x| p.is_editorial(x)))
        .collect()
}

/// Marks the mentions inside `lines` as weak: they only confirm.
fn weaken_within(ms: &mut [NumberMention], lines: &[std::ops::Range<usize>]) {
    for m in ms.iter_mut() {
        if lines.iter().any(|r| r.contains(&m.start)) {
            m.weak = true;
        }
    }
}

/// A sentence boundary misplaced by the alignment moves a number into the
/// next link: what one link lacks and its neighbour has extra is not a
/// translation error.
fn rescue_pair(a: &mut Sides, b: &mut Sides) {
    rescue(&a.src, &mut a.su, &b.tgt, &mut b.tu);
    rescue(&b.src, &mut b.su, &a.tgt, &mut a.tu);
}

impl Sides<'_> {
    /// Reports a link whose matching is done.
    fn finish(&mut self, out: &mut Vec<Finding>) {
        // 1-0 and 0-1 links are the omission and addition rules' business.
        if self.src_text.is_empty() || self.tgt_text.is_empty() {
            return;
        }
        // A sentence left in the source language is the untranslated
        // rule's business; its numbers are all "in the wrong convention".
        if self.src_text.trim() == self.tgt_text.trim() {
            return;
        }
        self.report();
        out.append(&mut self.findings);
    }
}

/// One link's mentions and which of them found their match.
struct Sides<'a> {
    link: usize,
    src_text: &'a str,
    tgt_text: &'a str,
    src: Vec<NumberMention>,
    tgt: Vec<NumberMention>,
    su: Vec<bool>,
    tu: Vec<bool>,
    sp: &'a Profile,
    tp: &'a Profile,
    /// The pair's lexicon, for the words a number goes with.
    lex: Option<&'a crate::lexicon::Lexicon>,
    /// Each mention's unit and rate, read when first asked for.
    memo: (Memo<'a>, Memo<'a>),
    /// Months the source names in the [`RESTATE_LINKS`] links before.
    recent_months: Vec<u8>,
    findings: Vec<Finding>,
}

/// A unit or rate of the profile and the words that name it.
type Named<'a> = Option<(&'a crate::profile::Unit, &'a str)>;

/// One side's [`context::unit_after`] and [`rate::rate_after`] per mention,
/// each read once: the pairings ask about a mention once per mention of
/// the other side, so a link with thousands of numbers stays linear in
/// the unit table's reads.
struct Memo<'a> {
    unit: Vec<std::cell::OnceCell<Named<'a>>>,
    rate: Vec<std::cell::OnceCell<Named<'a>>>,
}

impl<'a> Memo<'a> {
    fn new(len: usize) -> Self {
        Memo {
            unit: vec![std::cell::OnceCell::new(); len],
            rate: vec![std::cell::OnceCell::new(); len],
        }
    }
}

/// One side of a link as the pairings read it: its mentions, text,
/// profile and memo.
#[derive(Clone, Copy)]
struct Side<'s, 'a> {
    ms: &'s [NumberMention],
    text: &'a str,
    p: &'a Profile,
    memo: &'s Memo<'a>,
}

impl<'a> Side<'_, 'a> {
    /// [`context::unit_after`] of mention `k`.
    fn unit(&self, k: usize) -> Named<'a> {
        *self.memo.unit[k].get_or_init(|| context::unit_after(self.text, &self.ms[k], self.p))
    }

    /// [`rate::rate_after`] of mention `k`.
    fn rate(&self, k: usize) -> Named<'a> {
        *self.memo.rate[k].get_or_init(|| rate::rate_after(self.text, &self.ms[k], self.p))
    }
}

fn approx(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// Order of magnitude of a vague quantity ("dozens" and "dezenas" agree).
fn magnitude(v: f64) -> i32 {
    if v <= 0.0 {
        0
    } else {
        (v.log10() + 1e-9).floor() as i32
    }
}

fn is_numeric(k: &NumberKind) -> bool {
    matches!(
        k,
        NumberKind::Plain
            | NumberKind::Percent
            | NumberKind::PercentagePoints
            | NumberKind::Currency(_)
            | NumberKind::Ordinal
            | NumberKind::Fraction
            | NumberKind::Year
            | NumberKind::Code
    )
}

/// Whether a finding about this mention would be about a class of thing
/// that pairs with the other: dates with dates, quantities with quantities.
fn class(k: &NumberKind) -> u8 {
    match k {
        NumberKind::Date { .. } | NumberKind::Month(_) | NumberKind::Day(_) => 1,
        NumberKind::Vague => 2,
        NumberKind::Time { .. } => 3,
        NumberKind::Decade => 4,
        NumberKind::Version(_) => 5,
        NumberKind::Weekday(_) => 6,
        _ => 0,
    }
}

fn what(m: &NumberMention) -> &'static str {
    match m.kind {
        NumberKind::Date { .. } | NumberKind::Month(_) => "date",
        NumberKind::Percent | NumberKind::PercentagePoints => "percentage",
        NumberKind::Currency(_) => "amount",
        NumberKind::Vague => "quantity",
        NumberKind::Time { .. } => "time",
        NumberKind::Decade => "decade",
        NumberKind::Year => "year",
        NumberKind::Version(_) => "version",
        NumberKind::Weekday(_) => "weekday",
        _ => "number",
    }
}

/// Significant digits written (for telling rounding from change).
fn significant(m: &NumberMention) -> usize {
    let digits: String = m
        .digits
        .as_ref()
        .map(|d| {
            m.raw
                .get(d.start.saturating_sub(m.start)..d.end.saturating_sub(m.start))
                .unwrap_or("")
        })
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let trimmed = digits.trim_start_matches('0').trim_end_matches('0');
    trimmed.len()
}

/// Relative position of a byte offset in a text (0..1).
fn rel(offset: usize, text: &str) -> f64 {
    if text.is_empty() {
        0.0
    } else {
        offset as f64 / text.len() as f64
    }
}

impl<'a> Sides<'a> {
    /// Matches unused mentions pairwise where `ok` allows and they agree.
    fn pass(
        &self,
        su: &mut [bool],
        tu: &mut [bool],
        agree: impl Fn(&NumberMention, &NumberMention) -> bool,
    ) -> Vec<(usize, usize)> {
        self.pass_at(su, tu, |i, j| agree(&self.src[i], &self.tgt[j]))
    }

    /// [`Sides::pass`] with `agree` given the mentions' indices.
    fn pass_at(
        &self,
        su: &mut [bool],
        tu: &mut [bool],
        agree: impl Fn(usize, usize) -> bool,
    ) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for (i, s) in self.src.iter().enumerate() {
            if su[i] {
                continue;
            }
            // Of the mentions that agree, one of the same kind first:
            // "três pontos" is the "three-point" gap, not "three
            // percentage points".
            let fits = |j: &usize| !tu[*j] && agree(i, *j);
            let kind = std::mem::discriminant(&s.kind);
            let j = (0..self.tgt.len())
                .filter(fits)
                .find(|&j| std::mem::discriminant(&self.tgt[j].kind) == kind)
                .or_else(|| (0..self.tgt.len()).find(fits));
            if let Some(j) = j {
                su[i] = true;
                tu[j] = true;
                pairs.push((i, j));
            }
        }
        pairs
    }

    /// Both sides as the pairings read them.
    fn sides(&self) -> (Side<'_, 'a>, Side<'_, 'a>) {
        (
            Side {
                ms: &self.src,
                text: self.src_text,
                p: self.sp,
                memo: &self.memo.0,
            },
            Side {
                ms: &self.tgt,
                text: self.tgt_text,
                p: self.tp,
                memo: &self.memo.1,
            },
        )
    }

    fn base(&self, severity: Severity, message: String) -> Finding {
        Finding::new(RULE, severity, message).link(self.link)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testutil::Fixture;

    pub(super) fn run(src: &str, tgt: &str) -> Vec<Finding> {
        Fixture::pair(src, tgt).run(&NumberCheck)
    }

    pub(super) fn errors(src: &str, tgt: &str) -> Vec<Finding> {
        run(src, tgt)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect()
    }

    pub(super) fn clean(src: &str, tgt: &str) {
        let f = run(src, tgt);
        assert!(f.is_empty(), "{src} / {tgt}: {f:#?}");
    }

    pub(super) fn langs(sl: &str, tl: &str, src: &str, tgt: &str) -> Vec<Finding> {
        Fixture::with_langs(sl, tl, &[(&[src], &[tgt])]).run(&NumberCheck)
    }

    #[test]
    fn peruvian_soles_are_a_currency() {
        let f = langs(
            "pt",
            "en",
            "O governo liberou 25 milhões de soles para obras.",
            "The government released 25 million dollars for works.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("currency changed"), "{f:#?}");
        let f = langs(
            "pt",
            "en",
            "O governo liberou 25 milhões de soles (cerca de R$ 38 milhões).",
            "The government released 25 million soles (about R$38 million).",
        );
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_scale_word_after_a_placeholder_on_one_side_only_is_no_number() {
        // The placeholders as the checks read them: masked.
        let f = langs(
            "en",
            "de",
            "Limit of _____ million pixels.",
            "Grenze von _____ Millionen Pixeln.",
        );
        assert!(f.is_empty(), "{f:#?}");
        // On both sides, the scales are still compared (a long-scale
        // `bilião` is a thousand times `billion`).
        let f = langs("en", "pt", "_____ billion", "_____ bilião");
        assert_eq!(f.len(), 1, "{f:#?}");
        let f = langs("en", "pt", "_____ billion", "_____ mil milhões");
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_value_pairs_with_a_mention_of_its_own_kind_first() {
        let f = errors(
            "Com margem de dois pontos percentuais, a diferença de três pontos é empate.",
            "With a margin of three percentage points, the three-point gap is a tie.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        let t = "With a margin of three percentage points, the three-point gap is a tie.";
        let at = f[0].target_span.as_ref().map(|r| r.start);
        assert_eq!(at, t.find("three percentage"), "{f:#?}");
    }

    #[test]
    fn a_dropped_editorial_line_inside_a_merged_link_loses_no_number() {
        let src: &[&str] = &[
            "A conexão sai às 10h20.",
            "Leia também: Aeroporto terá nova pista até 2027",
            "O imposto caiu de 25% para 12%.",
        ];
        let tgt: &[&str] = &[
            "The connection leaves at 10:20 a.m.",
            "The tax fell from 25% to 12%.",
        ];
        let f = Fixture::links(&[(src, tgt)]).run(&NumberCheck);
        assert!(f.is_empty(), "{f:#?}");
        // Kept and translated, the line's year is compared.
        let tgt: &[&str] = &[
            "The connection leaves at 10:20 a.m.",
            "Read more: Airport to get a new runway by 2028",
            "The tax fell from 25% to 12%.",
        ];
        let f = Fixture::links(&[(src, tgt)]).run(&NumberCheck);
        assert_eq!(f.len(), 1, "{f:#?}");
        // Outside an editorial line a missing year is still missing.
        let src: &[&str] = &["A conexão sai às 10h20.", "A pista fica pronta até 2027."];
        let tgt: &[&str] = &["The connection leaves at 10:20 a.m."];
        assert_eq!(Fixture::links(&[(src, tgt)]).run(&NumberCheck).len(), 1);
    }

    #[test]
    fn grams_and_milligrams_are_other_units() {
        clean(
            "Têm 480 miligramas de sódio.",
            "They have 480 milligrams of sodium.",
        );
        clean("Comem 9,3 gramas de sal.", "They eat 9.3 grams of salt.");
        clean(
            "Têm 480 mg de sódio.",
            "They have 480 milligrams of sodium.",
        );
        let f = errors(
            "Têm 480 miligramas de sódio.",
            "They have 480 grams of sodium.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("unit changed"), "{}", f[0].message);
    }

    #[test]
    fn halved_is_a_half() {
        clean("O ritmo caiu pela metade.", "The pace has halved.");
        clean("O ritmo caiu 50%.", "The pace has halved.");
        assert!(!errors("O ritmo caiu um terço.", "The pace has halved.").is_empty());
    }

    #[test]
    fn legit_variations_pass() {
        clean("Foram noventa minutos.", "It lasted ninety minutes.");
        clean("A inflação foi de 3,4%.", "Inflation was 3.4%.");
        clean(
            "A taxa é de 14,25% ao ano.",
            "The rate is 14.25 percent a year.",
        );
        clean("A taxa é de 14,25 por cento.", "The rate is 14.25%.");
        clean(
            "A dívida é de US$ 348,7 bilhões.",
            "The debt is US$348.7 billion.",
        );
        clean(
            "A dívida é de US$ 348,7 bilhões.",
            "The debt is $348.7 billion.",
        );
        clean("A dívida é de US$ 348,7 bilhões.", "The debt is $348.7bn.");
        clean(
            "O custo foi de R$ 1,2 bilhão.",
            "The cost was R$1.2 billion.",
        );
        clean(
            "O custo foi de R$ 1,2 bilhão.",
            "The cost was 1.2 billion reais.",
        );
        clean(
            "A reunião foi em 4 de março.",
            "The meeting was on March 4.",
        );
        clean(
            "A reunião foi em 4 de março de 2025.",
            "The meeting was on March 4, 2025.",
        );
        clean("Em junho, ele saiu.", "In June, he left.");
        clean(
            "Segundo ele, o plano falhou.",
            "According to him, the plan failed.",
        );
        clean("Eles assinaram um acordo.", "They signed an agreement.");
        clean(
            "Foram criados 1.693.673 empregos.",
            "Some 1,693,673 jobs were created.",
        );
        clean("Três pessoas morreram.", "Three people died.");
        clean("Três pessoas morreram.", "3 people died.");
        clean("Dois terços votaram.", "Two-thirds voted.");
        clean("Metade votou.", "Half voted.");
        clean(
            "Dezenas de milhares protestaram.",
            "Tens of thousands protested.",
        );
        clean(
            "Dezenas de pessoas protestaram.",
            "Dozens of people protested.",
        );
        clean("Mil pessoas vieram.", "A thousand people came.");
        clean(
            "Cerca de 1,2 milhão de pessoas.",
            "About 1.2 million people.",
        );
        clean("Ficou em quarto lugar.", "It came fourth.");
        clean("Ficou em 4º lugar.", "It came 4th.");
        clean("Entre 3 e 5 pessoas.", "Between 3 and 5 people.");
        clean("De 3 a 5 milhões.", "From 3 to 5 million.");
        clean(
            "Subiu 0,5 ponto percentual.",
            "It rose 0.5 percentage point.",
        );
        clean("Pela primeira vez.", "For the first time.");
        clean("O primeiro-ministro falou.", "The prime minister spoke.");
        clean("É um dos maiores.", "It is one of the largest.");
        clean("Os dois países assinaram.", "Both countries signed.");
        clean("A reunião foi às 14h.", "The meeting was at 2 p.m.");
        clean("A reunião foi às 14h30.", "The meeting was at 2:30 p.m.");
        clean("Nos anos 1990 era assim.", "In the 1990s it was like that.");
        clean("Nos anos 90 era assim.", "In the '90s it was like that.");
        clean("O F-35 voou.", "The F-35 flew.");
        clean("Em 2025, o PIB cresceu.", "In 2025, GDP grew.");
        clean("Em março de 2025.", "In March 2025.");
        clean("No dia 4, em março.", "On March 4.");
    }

    #[test]
    fn dropped_repeat_is_caught() {
        let f = errors("Foram 3 gols e 3 cartões.", "There were 3 goals and cards.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("missing"), "{}", f[0].message);
    }

    #[test]
    fn spanish_source_reads_its_own_conventions() {
        let f = Fixture::with_langs(
            "es",
            "en",
            &[(
                &["El PIB creció un 3,4 % y se crearon 1,2 millones de empleos el 4 de marzo."],
                &["GDP grew 3.4% and 1.2 million jobs were created on March 4."],
            )],
        )
        .run(&NumberCheck);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn icelandic_reads_inflected_number_words_dates_and_scales() {
        let run = |s: &str, t: &str| langs("en", "is", s, t);
        for (s, t) in [
            ("Three antennas.", "Þrjú loftnet."),
            ("Three men.", "Þrír menn."),
            ("The use of three antennas.", "Notkun þriggja loftneta."),
            ("With three antennas.", "Með þremur loftnetum."),
            ("In two days.", "Eftir tvo daga."),
            ("On 20 November 2009.", "Þann 20. nóvember 2009."),
            ("It cost 2.5 billion.", "Það kostaði 2,5 milljarða."),
            ("Some 10 billion people.", "Um 10 milljarðar manna."),
            ("It rose 3.4%.", "Það hækkaði um 3,4%."),
        ] {
            let f = run(s, t);
            assert!(f.is_empty(), "{s} / {t}: {f:#?}");
        }
        let f = run("Three antennas.", "Fjögur loftnet.");
        assert_eq!(f.len(), 1, "{f:#?}");
        let f = run("On 20 November 2009.", "Þann 20. október 2009.");
        assert_eq!(f.len(), 1, "{f:#?}");
        let f = run("It rose 3.4%.", "Það hækkaði um 3.4%.");
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn english_to_portuguese_works_the_same_way() {
        let run =
            |s: &str, t: &str| Fixture::with_langs("en", "pt", &[(&[s], &[t])]).run(&NumberCheck);
        assert!(
            run(
                "GDP grew 3.4% to $1.2 billion on March 4.",
                "O PIB cresceu 3,4%, para US$ 1,2 bilhão, em 4 de março."
            )
            .is_empty()
        );
        let f = run("Some 1,693,673 jobs.", "Foram 1,693,673 empregos.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("1.693.673"));
        let f = run("Inflation was 3.4%.", "A inflação foi de 3.4%.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("3,4%"));
    }

    #[test]
    fn pofilter_locale_example() {
        clean("O valor é R$ 1.000,50.", "The amount is R$1,000.50.");
    }

    /// Newsroom-style pairs that must pass clean, one a line in
    /// `newsroom_pass.tsv`; every failing case is named by its line.
    #[test]
    fn newsroom_style_translations_pass() {
        let table = include_str!("newsroom_pass.tsv");
        let mut cases = 0;
        let mut failures = Vec::new();
        for (n, line) in table.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (src, tgt) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("newsroom_pass.tsv:{}: no tab", n + 1));
            cases += 1;
            let found = run(src, tgt);
            if !found.is_empty() {
                failures.push(format!(
                    "newsroom_pass.tsv:{}: {src} / {tgt}: {found:#?}",
                    n + 1
                ));
            }
        }
        assert!(
            cases >= 100,
            "only {cases} cases read from newsroom_pass.tsv"
        );
        assert!(
            failures.is_empty(),
            "{} of {cases} cases fail:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn newsroom_style_mistakes_are_caught() {
        let pairs = [
            ("O PIB cresceu 3,4% em 2024.", "GDP grew 4.3% in 2024."),
            (
                "O governo vai liberar R$ 2,5 bilhões.",
                "The government will release 2.5 million reais.",
            ),
            (
                "Mais de 10 mil pessoas foram às ruas.",
                "More than 1,000 people took to the streets.",
            ),
            (
                "Faltam duas semanas para a eleição.",
                "The election is three weeks away.",
            ),
            (
                "O acordo foi fechado em 15 de agosto.",
                "The deal was closed on August 5.",
            ),
            ("Em junho, a inflação subiu.", "In July, inflation rose."),
            ("Foram registrados 1.234 casos.", "There were 1.234 cases."),
            (
                "O acidente deixou 12 mortos e 30 feridos.",
                "The accident left 30 injured.",
            ),
            (
                "O acidente deixou 12 mortos.",
                "The accident left 12 dead and about 300 injured.",
            ),
            ("Foi a terceira rodada.", "It was the fourth round."),
            ("O 13º salário.", "The 31st salary."),
            ("Ele morreu aos 92 anos.", "He died at 29."),
            (
                "A população é de 1,5 milhão.",
                "The population is 1.5 billion.",
            ),
            ("A taxa ficou em 6,1%.", "The rate stood at 6,1%."),
            ("O carro custa R$ 89.990.", "The car costs R$89.990."),
            (
                "O Brasil tem 5.570 municípios.",
                "Brazil has 5.570 municipalities.",
            ),
            (
                "Dezenas de pessoas ficaram feridas.",
                "Hundreds of people were injured.",
            ),
            ("Cerca de metade votou.", "About a third voted."),
            ("Foram três anos.", "It took four years."),
            ("Em 1º de janeiro de 2023.", "On January 1, 2024."),
            (
                "A dívida chegou a US$ 1,2 trilhão.",
                "The debt reached $1.2 billion.",
            ),
            ("O prazo é de 30 dias.", "The deadline is 13 days."),
            ("Entre 3 e 5 pessoas.", "Between 3 and 6 people."),
            (
                "As vendas caíram 2,5% em março e 1,8% em abril.",
                "Sales fell 2.5% in March and 1.8% in May.",
            ),
            ("A reunião foi às 14h.", "The meeting was at 4 p.m."),
            ("Em 2023, o PIB cresceu.", "In 2013, GDP grew."),
            ("O prêmio é de R$ 5 mil.", "The prize is 5 million reais."),
            ("A aprovação é de 40%.", "Approval stands at 14%."),
            (
                "Nos anos 90, tudo mudou.",
                "In the 1980s, everything changed.",
            ),
            (
                "O acordo vale US$ 5 bilhões.",
                "The deal is worth R$5 billion.",
            ),
            ("A taxa subiu 2 pontos percentuais.", "The rate rose 2%."),
            (
                "Milhões de pessoas protestaram.",
                "Thousands of people protested.",
            ),
            (
                "A cidade tem 1,5 milhão de habitantes.",
                "The city has 15 million inhabitants.",
            ),
            (
                "Cerca de 20% dos votos foram anulados, e 3% em branco.",
                "About 20% of the votes were spoiled, and blank.",
            ),
            (
                "Foi a primeira vez que o time perdeu.",
                "It was the second time the team lost.",
            ),
            ("Ele tem 45 anos.", "He is 54."),
            ("O voo durou 11 horas.", "The flight lasted 12 hours."),
            ("Foram presos 3 suspeitos.", "Two suspects were arrested."),
        ];
        for (s, t) in pairs {
            assert!(!errors(s, t).is_empty(), "not caught: {s} / {t}");
        }
    }

    #[test]
    fn number_words_inside_proper_names_are_not_numbers() {
        for (s, t) in [
            (
                "A fábrica de Três Lagoas abriu.",
                "The Três Lagoas plant opened.",
            ),
            ("A usina de Sete Quedas.", "The Sete Quedas dam."),
            ("E Sete viveu muito.", "And Seth lived long."),
            (
                "Na rua Quinze de Novembro.",
                "On Fifteenth of November Street.",
            ),
            ("Três Lagoas cresceu.", "Três Lagoas grew."),
        ] {
            let f = errors(s, t);
            assert!(f.is_empty(), "{s} → {t}: {f:#?}");
        }
        // A sentence-initial number word before a common word is a number.
        assert_eq!(errors("Três homens chegaram.", "Two men arrived.").len(), 1);
    }

    #[test]
    fn one_to_zero_links_are_skipped() {
        let f = Fixture::links(&[(&["Foram 3 gols."], &[])]).run(&NumberCheck);
        assert!(f.is_empty());
    }

    #[test]
    fn an_untranslated_sentence_is_left_to_the_untranslated_rule() {
        clean(
            "A eficácia geral foi de 67,3%.",
            "A eficácia geral foi de 67,3%.",
        );
    }

    #[test]
    fn ambiguous_double_alone_is_not_reported() {
        // No multiple in the source: "double standard" is no quantity.
        clean("É um critério hipócrita.", "It is a double standard.");
        clean(
            "O jogador fez uma tripla jogada.",
            "The player made a triple play.",
        );
    }

    #[test]
    fn a_number_and_a_half_is_one_quantity() {
        clean(
            "A área equivale a uma vez e meia o território da capital.",
            "It is one and a half times the size of the capital.",
        );
        clean(
            "A área equivale a uma vez e meia o território da capital.",
            "It is 1.5 times the size of the capital.",
        );
        clean(
            "Vieram um milhão e meio de pessoas.",
            "Some 1.5 million people came.",
        );
        clean(
            "A reunião durou duas horas e meia.",
            "The meeting lasted 2.5 hours.",
        );
        // The whole part of "two and a half times" is no "o dobro".
        let f = errors(
            "A área é o dobro da registrada e uma vez e meia a da capital.",
            "It is triple the area recorded and two and a half times the capital.",
        );
        assert_eq!(f.len(), 2, "{f:#?}");
        let f = errors(
            "A área é duas vezes e meia a da cidade.",
            "The area is one and a half times that of the city.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        let f = errors(
            "A área é três vezes a da cidade.",
            "It is three and a half times the city.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn durations_convert_between_hours_and_minutes() {
        clean(
            "A reunião durou meia hora.",
            "The meeting lasted 30 minutes.",
        );
        clean(
            "A reunião durou meia hora.",
            "The meeting lasted half an hour.",
        );
        clean(
            "O jogo durou noventa minutos.",
            "The game lasted an hour and a half.",
        );
        clean(
            "O jogo durou noventa minutos.",
            "The game lasted 1.5 hours.",
        );
        clean("Ele dormiu 8 horas.", "He slept 8 hours.");
        let f = errors("Ele dormiu 8 horas.", "He slept 8 minutes.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("unit changed"), "{f:#?}");
        assert!(
            !errors(
                "A reunião durou meia hora.",
                "The meeting lasted 20 minutes."
            )
            .is_empty()
        );
        clean("A viagem levou duas semanas.", "The trip took 14 days.");
        clean(
            "A seca já dura seis meses.",
            "The drought has lasted half a year.",
        );
        assert!(
            !errors(
                "A seca já dura seis meses.",
                "The drought has lasted half a day."
            )
            .is_empty()
        );
        clean(
            "O projeto levou 18 meses.",
            "The project took a year and a half.",
        );
        let f = errors("A pena é de 5 anos.", "The sentence is 5 months.");
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn the_thirteenth_salary_may_be_a_year_end_bonus() {
        clean(
            "Os servidores recebem o 13º salário em dezembro.",
            "Civil servants receive their year-end bonus in December.",
        );
        clean(
            "Os servidores recebem o décimo terceiro em dezembro.",
            "Civil servants receive their 13th-month salary in December.",
        );
        // Another ordinal is still a change.
        assert!(
            !errors(
                "Os servidores recebem o 13º salário em dezembro.",
                "Civil servants receive their 14th-month salary in December.",
            )
            .is_empty()
        );
    }

    #[test]
    fn multiples_in_spanish_and_french() {
        assert!(langs("es", "en", "El coste fue el doble.", "The cost was double.").is_empty());
        let f = langs(
            "es",
            "en",
            "El coste fue el doble.",
            "The cost was three times higher.",
        );
        assert!(f.iter().any(|f| f.severity == Severity::Error), "{f:#?}");
        let f = langs(
            "fr",
            "en",
            "Le coût a atteint le triple.",
            "The cost reached twice that.",
        );
        assert!(f.iter().any(|f| f.severity == Severity::Error), "{f:#?}");
        assert!(
            langs(
                "fr",
                "en",
                "La moitié des électeurs.",
                "Half of the voters."
            )
            .is_empty()
        );
    }

    #[test]
    fn distributives_match_their_group_size() {
        clean(
            "Entraram de dois em dois para junto de Noé.",
            "They went by pairs to Noah.",
        );
        clean("Entraram de dois em dois.", "They went in two by two.");
        clean(
            "Começou a enviá-los a dois e dois, e que não vestissem duas túnicas.",
            "He began to send them out two by two, and not to put on two tunics.",
        );
        clean(
            "Assentaram-se de cem em cem, e de cinquenta em cinquenta.",
            "They sat down in ranks, by hundreds and by fifties.",
        );
        assert!(!errors("Entraram de dois em dois.", "They went by threes.").is_empty());
        assert!(!errors("Entraram de dois em dois.", "They went in.").is_empty());
    }

    #[test]
    fn a_counted_vague_quantity_matches_its_size() {
        clean(
            "Não temerei dez milhares de pessoas.",
            "I will not be afraid of tens of thousands of people.",
        );
        clean("Vieram dez milhares.", "Ten thousand came.");
        assert!(!run("Vieram dez milhares.", "Hundreds came.").is_empty());
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        const SOUP: &str = "(1|12|1\\.000|3,4|2,5|2025|15/08|14h|um|dois|vinte|e|mil|milhões|de|março|May|June|R\\$|US\\$|%|º|th|-|a|the|one|third|half|anos|1990s|\\(|\\)|,|tens|of|dezenas|XXI|basis points|billion)";

        proptest! {
            // Each case builds two profiles; keep the suite fast.
            #![proptest_config(ProptestConfig::with_cases(64))]
            #[test]
            fn check_never_panics_and_spans_are_in_the_link_text(
                a in proptest::collection::vec(SOUP, 1..10),
                b in proptest::collection::vec(SOUP, 1..10),
            ) {
                let (src, tgt) = (a.join(" "), b.join(" "));
                for f in Fixture::pair(&src, &tgt).run(&NumberCheck) {
                    if let Some(r) = f.source_span {
                        prop_assert!(src.get(r).is_some());
                    }
                    if let Some(r) = f.target_span {
                        prop_assert!(tgt.get(r).is_some());
                    }
                }
            }
        }
    }
}
