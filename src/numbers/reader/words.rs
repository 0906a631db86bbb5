//! Numbers written in words (and digits with scale words): cardinals,
//! scales, ordinals, fractions and the joiners between them.

use super::{Core, Last, Reader};
use crate::numbers::tokenize::{Tok, TokKind, is_dash};
use crate::numbers::{DigitInfo, NumberKind, NumberMention};

/// What [`Reader::core`] has read so far.
#[derive(Default)]
struct Acc<'s> {
    total: f64,
    current: f64,
    last: Option<Last>,
    scale: Option<(String, f64)>,
    ordinal: bool,
    fraction: bool,
    digits: Option<DigitInfo>,
    n_words: usize,
    /// The next token to read.
    k: usize,
    first_word: Option<&'s str>,
    fraction_word: Option<&'s str>,
    /// One of a fraction ("um terço", "one third").
    one_of: bool,
    /// Opened by an article ("a million", "um terço").
    article: bool,
}

/// How reading a number starts: whole at once, or word by word.
enum Start<'s> {
    Done(Core),
    Read(Acc<'s>),
}

/// What one token did to the number being read.
enum Step<'s> {
    /// Took this word; move on.
    Took(&'s str),
    /// Moved on by itself.
    Again,
    /// The number ends before this token (or the step took it and ended).
    Stop,
    /// No number here after all.
    Fail,
}

impl Reader<'_> {
    /// Reads a number in digits and/or words starting at token `i`.
    pub(super) fn core(&self, i: usize, currency: bool, depth: usize) -> Option<Core> {
        let mut acc = match self.core_start(i, currency)? {
            Start::Done(core) => return Some(core),
            Start::Read(acc) => acc,
        };
        while let Some(tok) = self.tok(acc.k) {
            match self.core_step(tok, &mut acc, currency, depth) {
                Step::Took(w) => {
                    acc.first_word = acc.first_word.or(Some(w));
                    acc.n_words += 1;
                    acc.k += 1;
                }
                Step::Again => {}
                Step::Stop => break,
                Step::Fail => return None,
            }
        }
        self.core_finish(i, acc)
    }

    /// The first token: digits (maybe a whole code or ordinal), an article
    /// before a scale or fraction ("a million", "um terço"), or a word.
    fn core_start(&self, i: usize, currency: bool) -> Option<Start<'_>> {
        let t = self.tok(i)?;
        let mut acc = Acc {
            k: i,
            ..Acc::default()
        };
        if t.kind == TokKind::Digits {
            let (v, info) = self.digit_info(t)?;
            let whole = |end: usize, ordinal: bool, code: bool, digits| Core {
                value: v,
                end,
                words: false,
                scale: None,
                ordinal,
                fraction: false,
                digits,
                code,
                ambiguous: false,
            };
            if self.is_code(i) {
                return Some(Start::Done(whole(i + 1, false, true, Some(info))));
            }
            if let Some(n) = self.suffix_at(i + 1, &self.lx.ordinal_suffixes) {
                // The end of a range glued to its start (`1920-29th`, the
                // decade) takes the suffix for the range: no ordinal.
                return Some(Start::Done(whole(n, !self.range_end(i), false, Some(info))));
            }
            acc.digits = Some(info);
            acc.current = v;
            acc.last = Some(Last::Digits);
            acc.k = i + 1;
        } else if t.kind == TokKind::Word && self.lx.articles.contains(&t.lower) {
            let next = self.word(i + 1)?;
            let ok = self.is_scale_word(next, currency).is_some()
                && !self.lx.vague.contains_key(next)
                || self.lx.fractions.contains_key(next) && !self.ordinal_before_noun(i + 1);
            if !ok {
                return None;
            }
            acc.current = 1.0;
            acc.last = Some(Last::Card(1.0));
            acc.article = true;
            acc.k = i + 1;
        }
        Some(Start::Read(acc))
    }

    /// Whether digits `i` end a range glued to plain digits before it
    /// (`1920-29`), with no ordinal suffix on the range's start.
    fn range_end(&self, i: usize) -> bool {
        let dash = i
            .checked_sub(1)
            .and_then(|d| self.tok(d))
            .is_some_and(|d| d.kind == TokKind::Punct && d.lower.chars().all(is_dash));
        let start = i
            .checked_sub(2)
            .and_then(|d| self.tok(d))
            .is_some_and(|d| d.kind == TokKind::Digits);
        dash && start && self.attached(i) && self.attached(i - 1)
    }

    /// Reads the token at `acc.k` into the number, or says why not.
    fn core_step<'s>(
        &'s self,
        tok: &'s Tok,
        acc: &mut Acc<'s>,
        currency: bool,
        depth: usize,
    ) -> Step<'s> {
        let k = acc.k;
        // "$1.2-billion"
        if tok.lower == "-"
            && acc.last == Some(Last::Digits)
            && !tok.space_before
            && self.attached(k + 1)
            && self
                .word(k + 1)
                .is_some_and(|w| self.is_scale_word(w, currency).is_some())
        {
            acc.k += 1;
            return Step::Again;
        }
        if tok.kind != TokKind::Word {
            return Step::Stop;
        }
        let w = tok.lower.as_str();
        if let Some(&v) = self.lx.cardinals.get(w) {
            Self::cardinal(acc, v, w)
        } else if let Some(s) = self.is_scale_word(w, currency) {
            self.scale(acc, s, tok, w)
        } else if let Some(&f) = self.lx.fractions.get(w)
            && matches!(acc.last, Some(Last::Card(_)) | Some(Last::Digits))
            && acc.scale.is_none()
            // A fraction of a count is proper (two thirds); after a larger
            // number the word is its own ("R$90 half price").
            && (acc.total + acc.current) * f < 1.0
            && !(acc.current == 1.0 && self.ordinal_before_noun(k))
        {
            acc.one_of = acc.total + acc.current == 1.0 && acc.digits.is_none();
            acc.current = (acc.total + acc.current) * f;
            acc.total = 0.0;
            acc.fraction = true;
            acc.fraction_word = Some(w);
            acc.n_words += 1;
            acc.k += 1;
            acc.first_word = acc.first_word.or(Some(w));
            Step::Stop
        } else if let Some(&f) = self.lx.fractions.get(w)
            && acc.last.is_none()
            && !self.lx.ordinals.contains_key(w)
        {
            self.lone_fraction(acc, f, w, currency);
            Step::Stop
        } else if let Some(&o) = self.lx.ordinals.get(w) {
            self.ordinal(acc, o, w)
        } else if self.lx.joiners.iter().any(|j| j == w) && acc.last.is_some() {
            self.joiner(acc, currency, depth)
        } else {
            Step::Stop
        }
    }

    /// A cardinal word: "vinte" then "e dois", "cem" then "e vinte".
    fn cardinal<'s>(acc: &mut Acc<'s>, v: f64, w: &'s str) -> Step<'s> {
        let ok = match acc.last {
            None => true,
            Some(Last::Card(p)) => {
                ((20.0..100.0).contains(&p) && p % 10.0 == 0.0 && v < 10.0)
                    || (acc.current >= 100.0
                        && acc.current % 100.0 == 0.0
                        && acc.current < 1000.0
                        && v < 100.0)
            }
            Some(Last::Scale(s)) => s < 1000.0 && v < 100.0 || s >= 1000.0 && v < s,
            _ => false,
        };
        if !ok || acc.last == Some(Last::Digits) {
            return Step::Stop;
        }
        acc.current += v;
        acc.last = Some(Last::Card(v));
        Step::Took(w)
    }

    /// A scale word: "mil", "milhões", "billion"; "mil milhões" multiplies.
    fn scale<'s>(&self, acc: &mut Acc<'s>, s: f64, tok: &Tok, w: &'s str) -> Step<'s> {
        match acc.last {
            None => {
                // A bare plural scale is vague ("milhões de pessoas").
                if self.lx.vague.contains_key(w) {
                    return Step::Fail;
                }
                acc.current = 1.0;
            }
            Some(Last::Scale(p)) if s <= p => return Step::Stop,
            Some(Last::Ord(_)) => return Step::Stop,
            _ => {}
        }
        if let Some(Last::Scale(p)) = acc.last
            && s > p
        {
            // "mil milhões" = a thousand millions.
            acc.total = (acc.total + acc.current) * s;
            acc.current = 0.0;
        } else if s < 1000.0 {
            acc.current = acc.current.max(1.0) * s;
        } else {
            acc.total += acc.current.max(1.0) * s;
            acc.current = 0.0;
        }
        if acc.scale.as_ref().is_none_or(|(_, p)| s > *p) {
            acc.scale = Some((self.raw(tok.start, tok.end).to_string(), s));
        }
        acc.last = Some(Last::Scale(s));
        Step::Took(w)
    }

    /// "metade", "half" alone; "meio milhão", "half a million" with a scale.
    fn lone_fraction<'s>(&self, acc: &mut Acc<'s>, f: f64, w: &'s str, currency: bool) {
        acc.current = f;
        acc.last = Some(Last::Card(f));
        acc.fraction = true;
        acc.n_words += 1;
        acc.k += 1;
        acc.first_word = Some(w);
        let k = acc.k;
        let after_article = match self.word(k) {
            Some(a) if self.lx.articles.iter().any(|x| x == a) => k + 1,
            _ => k,
        };
        if let Some(sw) = self.word(after_article)
            && let Some(sv) = self.is_scale_word(sw, currency)
            && sv >= 1000.0
        {
            acc.current = f * sv;
            acc.fraction = false;
            acc.n_words += 1;
            if let Some(t) = self.tok(after_article) {
                acc.scale = Some((self.raw(t.start, t.end).to_string(), sv));
            }
            acc.k = after_article + 1;
        }
    }

    /// An ordinal word, alone or after a round ten ("vigésimo quinto").
    fn ordinal<'s>(&self, acc: &mut Acc<'s>, o: f64, w: &'s str) -> Step<'s> {
        // "six hundredth": an ordinal scale word multiplies the cardinal
        // before it, as its cardinal scale would.
        let scale_ordinal = o >= 100.0 && self.lx.scales.values().any(|&s| s == o);
        if scale_ordinal
            && matches!(acc.last, Some(Last::Card(_)))
            && acc.total == 0.0
            && acc.current < o
        {
            acc.current *= o;
            acc.ordinal = true;
            acc.last = Some(Last::Ord(o));
            return Step::Took(w);
        }
        let ok = match acc.last {
            None => true,
            Some(Last::Card(p)) => p >= 20.0 && p % 10.0 == 0.0 && o < 10.0,
            Some(Last::Ord(p)) => p % 10.0 == 0.0 && o < p,
            // "six hundred first", "two thousand third"; never after digits
            // or a million ("1.6 million first appointments").
            Some(Last::Scale(s)) => {
                (100.0..=1000.0).contains(&s) && o < s.min(100.0) && acc.digits.is_none()
            }
            _ => false,
        };
        if !ok {
            return Step::Stop;
        }
        acc.current += o;
        acc.ordinal = true;
        acc.last = Some(Last::Ord(o));
        Step::Took(w)
    }

    /// A joiner ("e", "and") inside a number; after a scale it reads the
    /// smaller rest ("dois mil e quinhentos", "3 milhões e 200 mil").
    fn joiner<'s>(&self, acc: &mut Acc<'s>, currency: bool, depth: usize) -> Step<'s> {
        let k = acc.k;
        if !self.joiner_continues(k, acc.last, acc.current) {
            return Step::Stop;
        }
        let Some(Last::Scale(s)) = acc.last else {
            acc.k += 1;
            acc.n_words += 1;
            return Step::Again;
        };
        // Bounded: each level is a smaller scale, so a few suffice.
        let sub = if depth < 4 {
            self.core(k + 1, currency, depth + 1)
        } else {
            None
        };
        if let Some(sub) = sub
            && sub.value < s
            && !sub.ordinal
            && !sub.fraction
            && !sub.code
            && sub.digits.as_ref().is_none_or(|d| !d.foreign)
        {
            acc.total += acc.current + sub.value;
            acc.current = 0.0;
            acc.k = sub.end;
            acc.n_words += 2;
        }
        Step::Stop
    }

    /// The number read so far, with whether one ambiguous word makes it.
    fn core_finish(&self, i: usize, acc: Acc<'_>) -> Option<Core> {
        acc.last?;
        let k = acc.k;
        if k == i || (acc.article && acc.n_words == 0) {
            return None;
        }
        let words = acc.digits.is_none();
        let value = acc.total + acc.current;
        let single = words && acc.n_words == 1 && !acc.article;
        let is_ambiguous = |w: &str| self.lx.ambiguous.iter().any(|a| a == w);
        // "um quarto" may be a room, "a quarter" three months, "a half" fine:
        // one of an ambiguous fraction word only confirms.
        // "em segundo lugar": an ambiguous ordinal before a noun it counts
        // is an ordinal ("segundo o ministro" stays "according to").
        let counts_noun = acc.ordinal && self.ordinal_noun_at(k);
        let ambiguous = (single && acc.first_word.is_some_and(is_ambiguous) && !counts_noun)
            || (acc.article && acc.fraction && acc.first_word.is_some_and(is_ambiguous))
            || (acc.one_of && acc.fraction_word.is_some_and(is_ambiguous));
        Some(Core {
            value,
            end: k,
            words,
            scale: acc.scale,
            ordinal: acc.ordinal,
            fraction: acc.fraction,
            digits: acc.digits,
            code: false,
            ambiguous,
        })
    }

    /// Whether token `k` is one of the nouns an ordinal counts ("lugar").
    fn ordinal_noun_at(&self, k: usize) -> bool {
        self.word(k)
            .is_some_and(|w| self.lx.ordinal_nouns.iter().any(|n| n == w))
    }

    /// "a third round" (ordinal) against "a third of" or "a third less"
    /// (fraction): a word that is both, followed by a word that is neither a
    /// partitive joiner nor a comparative.
    pub(super) fn ordinal_before_noun(&self, k: usize) -> bool {
        let Some(w) = self.word(k) else {
            return false;
        };
        self.lx.ordinals.contains_key(w)
            && self
                .any_phrase_at(k + 1, &self.lx.fraction_comparatives)
                .is_none()
            && self
                .word(k + 1)
                .is_some_and(|n| !self.lx.vague_joiners.iter().any(|j| j == n))
    }

    /// Whether the joiner at `k` links two parts of one number rather than
    /// two numbers ("vinte e dois" vs "entre 3 e 5").
    /// The fraction tail ("e meio", "and a half") at token `k`: its value
    /// and the token after it, unless a number word follows ("e meia
    /// dúzia" counts something else). Right after a number without scale
    /// (`direct`) a scale word or unit may follow ("two and a half million",
    /// "two and a half miles"); after a noun or scale, not ("dois carros e
    /// meio quilo").
    fn fraction_tail_at(&self, k: usize, direct: bool) -> Option<(f64, usize)> {
        let (f, n) = self
            .lx
            .fraction_tails
            .iter()
            .find_map(|(p, f)| self.phrase_at(k, p).map(|n| (*f, n)))?;
        let other = self.word(n).is_some_and(|w| {
            self.lx.cardinals.contains_key(w)
                || !direct
                    && (self.lx.scales.contains_key(w) || self.lx.unit_words.iter().any(|u| u == w))
        });
        (!other).then_some((f, n))
    }

    /// A fraction tail right after a whole number: "um milhão e meio" adds
    /// half the scale, "two and a half (million) times" half a unit. A
    /// number word ending the phrase ("às duas e meia", a clock time) or
    /// before a joiner ("duas e meia da tarde") takes none.
    pub(super) fn fraction_tail(&self, core: &mut Core) {
        if core.code
            || core.ordinal
            || core.fraction
            || core.value.fract() != 0.0
            || self.lx.fraction_tails.is_empty()
        {
            return;
        }
        // "25-and-a-half-hour": a dash glued to both sides may come first.
        let glued_dash = self.tok(core.end).is_some_and(|t| {
            t.kind == TokKind::Punct && !t.space_before && t.lower.chars().all(is_dash)
        }) && self.attached(core.end + 1);
        let at = core.end + usize::from(glued_dash);
        let Some((f, n)) = self.fraction_tail_at(at, core.scale.is_none()) else {
            return;
        };
        if let Some((_, s)) = &core.scale {
            // Any scale that counts: "um milhão e meio", "uma década e meia".
            if (core.value / s).fract() == 0.0 && *s >= 10.0 {
                core.value += f * s;
                core.end = n;
                core.ambiguous = false;
            }
            return;
        }
        let Some(after) = self.word(n) else {
            return;
        };
        if self.lx.vague_joiners.iter().any(|j| j == after) {
            return;
        }
        core.value += f;
        core.end = n;
        core.ambiguous = false;
        // "two and a half million"
        if let Some(s) = self.is_scale_word(after, false)
            && s >= 1000.0
            && let Some(t) = self.tok(n)
        {
            core.value *= s;
            core.scale = Some((self.raw(t.start, t.end).to_string(), s));
            core.end = n + 1;
        }
    }

    /// A fraction tail after the noun a whole number counts: "duas horas e
    /// meia", "uma vez e meia". The value to add and the token after it.
    pub(super) fn noun_fraction_tail(&self, value: f64, next: usize) -> Option<(f64, usize)> {
        if value.fract() != 0.0 || self.lx.fraction_tails.is_empty() {
            return None;
        }
        let noun = self.word(next)?;
        if self.lx.is_number_word(noun) || self.lx.joiners.iter().any(|j| j == noun) {
            return None;
        }
        self.fraction_tail_at(next + 1, false)
    }

    /// "an hour and a half", "a year and a half": an article, the noun it
    /// counts and a fraction tail are one and a bit. The mention is the
    /// article, so the noun after it is still read as its unit.
    pub(super) fn article_noun_tail(&self, i: usize) -> Option<(NumberMention, usize)> {
        if self.lx.fraction_tails.is_empty()
            || !self
                .lx
                .articles
                .iter()
                .any(|a| Some(a.as_str()) == self.word(i))
        {
            return None;
        }
        let noun = self.word(i + 1)?;
        if self.lx.is_number_word(noun) {
            return None;
        }
        let (f, n) = self.fraction_tail_at(i + 2, false)?;
        let mut m = self.mention(i, i + 1, 1.0 + f, NumberKind::Plain);
        m.words = true;
        Some((m, n))
    }

    pub(super) fn joiner_continues(&self, k: usize, last: Option<Last>, current: f64) -> bool {
        let Some(next) = self.tok(k + 1) else {
            return false;
        };
        match last {
            Some(Last::Scale(_)) => {
                next.kind == TokKind::Digits
                    || next.kind == TokKind::Word && self.lx.cardinals.contains_key(&next.lower)
            }
            Some(Last::Card(p)) => {
                let v = match self.lx.cardinals.get(&next.lower) {
                    Some(v) => *v,
                    None => match self.lx.ordinals.get(&next.lower) {
                        Some(v) if p >= 20.0 => *v,
                        _ => return false,
                    },
                };
                ((20.0..100.0).contains(&p) && p % 10.0 == 0.0 && v < 10.0)
                    || (current >= 100.0 && current % 100.0 == 0.0 && current < 1000.0 && v < 100.0)
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::numbers::test_support::*;

    #[test]
    fn a_fraction_tail_adds_to_the_number_or_its_scale() {
        assert_eq!(strong("um milhão e meio de pessoas", &pt()), [1.5e6]);
        assert_eq!(strong("two and a half million people", &en()), [2.5e6]);
        assert_eq!(strong("duas horas e meia", &pt()), [2.5]);
        assert_eq!(strong("two and a half hours", &en()), [2.5]);
        assert_eq!(strong("dois quilos e meio de carne", &pt()), [2.5]);
        // "uma vez" is "once", but not with a half after it.
        assert_eq!(strong("é uma vez e meia o território", &pt()), [1.5]);
        assert_eq!(strong("one and a half times the size", &en()), [1.5]);
        assert_eq!(strong("two and a quarter miles", &en()), [2.25]);
        assert_eq!(strong("it lasted an hour and a half", &en()), [1.5]);
        assert_eq!(strong("a year and a half later", &en()), [1.5]);
        // A small scale that counts (a decade, a dozen) takes its half too.
        assert_eq!(strong("ficou uma década e meia", &pt()), [15.0]);
        assert_eq!(strong("he stayed a decade and a half", &en()), [15.0]);
        assert_eq!(strong("two dozen and a half eggs", &en()), [30.0]);
        // Hyphenated before the noun it counts.
        assert_eq!(strong("a 25-and-a-half-hour countdown", &en()), [25.5]);
        assert_eq!(strong("a two-and-a-half-year contract", &en()), [2.5]);
    }

    #[test]
    fn a_fraction_tail_counting_something_else_or_a_clock_time_adds_nothing() {
        assert!(!strong("três filhos e meia dúzia de netos", &pt()).contains(&3.5));
        assert!(!strong("dois carros e meio quilo de carne", &pt()).contains(&2.5));
        assert!(!strong("chegou às duas e meia.", &pt()).contains(&2.5));
        assert!(!strong("às duas e meia da tarde", &pt()).contains(&2.5));
    }

    #[test]
    fn a_fraction_before_a_unit_is_a_quantity_but_noon_is_none() {
        assert_eq!(strong("durou meia hora", &pt()), [0.5]);
        assert!(strong("comerão comigo ao meio-dia", &pt()).is_empty());
        assert!(strong("quando José viesse ao meio dia", &pt()).is_empty());
    }

    #[test]
    fn cardinal_words() {
        assert_eq!(strong("noventa minutos", &pt()), [90.0]);
        assert_eq!(strong("ninety minutes", &en()), [90.0]);
        assert_eq!(strong("vinte e dois", &pt()), [22.0]);
        assert_eq!(strong("twenty-two", &en()), [22.0]);
        assert_eq!(strong("twenty two", &en()), [22.0]);
        assert_eq!(strong("três", &pt()), [3.0]);
        assert_eq!(strong("three", &en()), [3.0]);
        assert_eq!(strong("cem", &pt()), [100.0]);
        assert_eq!(strong("cento e vinte e três", &pt()), [123.0]);
        assert_eq!(strong("one hundred and twenty", &en()), [120.0]);
        assert_eq!(strong("dois mil e quinhentos", &pt()), [2500.0]);
        assert_eq!(strong("mil pessoas", &pt()), [1000.0]);
        assert_eq!(strong("a thousand people", &en()), [1000.0]);
        assert_eq!(strong("one thousand people", &en()), [1000.0]);
    }

    #[test]
    fn joiners_do_not_merge_separate_numbers() {
        assert_eq!(strong("entre 3 e 5", &pt()), [3.0, 5.0]);
        assert_eq!(strong("dois e três", &pt()), [2.0, 3.0]);
        assert_eq!(strong("entre 2 mil e 3 mil", &pt()), [2000.0, 3000.0]);
        assert_eq!(strong("3 milhões e 200 mil", &pt()), [3.2e6]);
    }

    #[test]
    fn scales_with_digits_and_words() {
        assert_eq!(strong("1,2 milhão", &pt()), [1.2e6]);
        assert_eq!(strong("1.2 million", &en()), [1.2e6]);
        assert_eq!(strong("dois milhões", &pt()), [2e6]);
        assert_eq!(strong("mil milhões", &pt()), [1e9]);
        assert_eq!(strong("um milhão de pessoas", &pt()), [1e6]);
    }

    #[test]
    fn fractions() {
        assert_eq!(strong("dois terços", &pt()), [2.0 / 3.0]);
        assert_eq!(strong("two-thirds", &en()), [2.0 / 3.0]);
        assert_eq!(strong("um terço", &pt()), [1.0 / 3.0]);
        assert_eq!(strong("metade", &pt()), [0.5]);
        let m = one("half", &en());
        assert!(m.weak);
    }

    #[test]
    fn a_fraction_word_after_a_larger_number_is_no_fraction_of_it() {
        // "R$90 half price": 90, not 45.
        assert_eq!(strong("tickets from 90 half price", &en()), [90.0]);
        assert_eq!(strong("nine tenths", &en()), [0.9]);
    }

    #[test]
    fn one_of_an_ambiguous_fraction_is_weak() {
        assert!(one("um quarto de hotel", &pt()).weak);
        assert!(one("a quarter of the year", &en()).weak);
        assert_eq!(strong("três quartos dos votos", &pt()), [0.75]);
        assert_eq!(strong("um terço dos votos", &pt()), [1.0 / 3.0]);
    }

    #[test]
    fn a_share_before_a_comparative_is_a_fraction_not_an_ordinal() {
        let m = one("he will harvest a third less this year", &en());
        assert!((m.value - 1.0 / 3.0).abs() < 1e-9);
        let m = one("prices are a quarter higher", &en());
        assert!((m.value - 0.25).abs() < 1e-9);
        // "um terço abaixo do previsto": a third below a mark.
        let m = one("an estimate a third below the forecast", &en());
        assert!((m.value - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(one("vai colher um quarto a menos", &pt()).value, 0.25);
        assert_eq!(one("vai colher um quarto a mais", &pt()).value, 0.25);
        // Before a noun, or a comparative qualifying one ("um quarto mais
        // amplo", a larger room), the same word is still an ordinal.
        assert_eq!(one("a third round of talks", &en()).value, 3.0);
        assert!(
            ex("alugou um quarto mais amplo", &pt())
                .iter()
                .all(|m| m.1 != 0.25)
        );
    }

    #[test]
    fn half_a_million() {
        assert_eq!(strong("meio milhão de pessoas", &pt()), [5e5]);
        assert_eq!(strong("half a million people", &en()), [5e5]);
    }

    #[test]
    fn ambiguous_words_are_weak() {
        assert!(ex("segundo ele", &pt())[0].2);
        assert!(ex("um acordo", &pt())[0].2);
        assert!(ex("uma reunião", &pt())[0].2);
        assert!(ex("one of the", &en())[0].2);
        assert!(strong("no one came", &en()).is_empty());
        assert!(strong("wait a second", &en()).is_empty());
        assert_eq!(strong("um milhão", &pt()), [1e6]);
        assert_eq!(strong("one million", &en()), [1e6]);
        assert!(strong("os dois países", &pt()).is_empty());
    }

    #[test]
    fn article_with_ordinal_before_noun_is_ordinal() {
        let m = one("a third round", &en());
        assert_eq!((m.value, m.kind), (3.0, NumberKind::Ordinal));
        let m = one("a third of voters", &en());
        assert_eq!((m.value, m.kind), (1.0 / 3.0, NumberKind::Fraction));
    }

    #[test]
    fn ordinals() {
        for (t, p) in [
            ("1º", pt()),
            ("1.º", pt()),
            ("2ª", pt()),
            ("4th", en()),
            ("21st", en()),
        ] {
            let m = one(t, &p);
            assert_eq!(m.kind, NumberKind::Ordinal, "{t}");
            assert_eq!(m.raw, t);
        }
        assert_eq!(one("quarto lugar", &pt()).value, 4.0);
        assert!(one("no quarto escuro", &pt()).weak);
        let m = one("the fifth time", &en());
        assert_eq!((m.value, m.weak), (5.0, false));
        assert_eq!(one("twenty-first", &en()).value, 21.0);
    }

    #[test]
    fn a_suffix_on_a_ranges_end_is_no_ordinal() {
        let ms = crate::numbers::extract("the 1950-59th models", &en());
        assert!(ms.iter().all(|m| m.kind != NumberKind::Ordinal), "{ms:?}");
        // The decade's end is the later year, as in `1950-59`.
        assert!(ms.iter().any(|m| m.value == 1959.0), "{ms:?}");
        // Alone, or after a start that has its own suffix, it stays one.
        assert_eq!(one("the 59th model", &en()).kind, NumberKind::Ordinal);
        let ms = crate::numbers::extract("the 5th-7 grades", &en());
        assert_eq!(
            ms.first().map(|m| &m.kind),
            Some(&NumberKind::Ordinal),
            "{ms:?}"
        );
    }

    #[test]
    fn an_ambiguous_ordinal_before_a_noun_it_counts_is_an_ordinal() {
        for (t, v) in [
            ("A equipe terminou em segundo lugar na liga.", 2.0),
            ("Venceu pela segunda vez.", 2.0),
            ("no segundo tempo", 2.0),
            ("ficou em quarto lugar", 4.0),
        ] {
            assert_eq!(strong(t, &pt()), [v], "{t}");
        }
        assert_eq!(strong("They finished second place.", &en()), [2.0]);
        assert_eq!(strong("the world's second-largest economy", &en()), [2.0]);
        assert!(strong("na segunda-feira, o primeiro-ministro", &pt()).is_empty());
        assert_eq!(
            strong("Terminó en segundo lugar.", &Profile::builtin("es")),
            [2.0]
        );
        assert_eq!(
            strong("Arrivé en second lieu.", &Profile::builtin("fr")),
            [2.0]
        );
        assert_eq!(
            strong("Arrivò al secondo posto.", &Profile::builtin("it")),
            [2.0]
        );
        // Not before such a noun: still only a possible number.
        for t in [
            "Segundo o ministro, a taxa caiu.",
            "segundo dados do IBGE",
            "no quarto dele",
            "na segunda passada",
            "na quinta passada",
        ] {
            assert!(strong(t, &pt()).is_empty(), "{t}");
        }
        assert!(strong("Según el segundo informe", &Profile::builtin("es")).is_empty());
        assert!(strong("wait a second", &en()).is_empty());
    }

    #[test]
    fn long_number_phrases_do_not_recurse_deeply() {
        let text = "um milhão e ".repeat(20_000);
        let ms = extract(&text, &pt());
        assert!(!ms.is_empty());
    }

    #[test]
    fn ordinal_scale_words_take_the_cardinal_before_them() {
        let m = one("In the six hundredth year", &en());
        assert_eq!((m.value, m.kind), (600.0, NumberKind::Ordinal));
        let m = one("in the six hundred first year", &en());
        assert_eq!((m.value, m.kind), (601.0, NumberKind::Ordinal));
        assert_eq!(strong("two thousand third", &en()), [2003.0]);
        // Two numbers stay two.
        assert_eq!(strong("six, hundredth", &en()), [6.0, 100.0]);
    }

    #[test]
    fn an_ordinal_after_digits_and_a_scale_is_the_next_word() {
        let ms = strong("More than 1.6 million first appointments", &en());
        assert_eq!(ms, [1_600_000.0]);
        assert_eq!(strong("two million third", &en()), [2_000_000.0]);
    }
}
