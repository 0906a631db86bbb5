//! A name swapped for another of the same document, read by the `name`
//! check: the source names Cássio, the target says Marcos Felipe, a player
//! the article names elsewhere (an editor's slip between two people, two
//! companies).
//!
//! Only in a translation that keeps names verbatim, and only when the
//! counts agree: the missing name occurs fewer times in the target than in
//! the source, and the stand-in more times. A name repeated for clarity
//! where the source says "he" raises one count but loses no other name.
//!
//! The stand-in may also be a stranger: a name the source never uses
//! (Mourato given as Moreira), when the lost name is kept verbatim
//! elsewhere in the target, so the translation is seen to keep it, or
//! stands beside the name's kept words spelt nothing like it (Joaquina
//! Ribeiro as Joaquina Pereira).

use super::name::{DocWords, NameWord, is_sentence_initial, squash};
use crate::profile::Profile;
use crate::text::Word;
use std::ops::Range;

/// How far (as a share of the sentence) the stand-in may stand from
/// where the lost name stood: a translation keeps a clause's place roughly.
const MAX_SHIFT: f64 = 0.3;

/// Hyphens that join a compound name.
const HYPHENS: [char; 2] = ['-', '‐'];

/// The documents and the link, as the swap test reads them.
pub(super) struct Swap<'a, 'c> {
    pub src_doc: &'a DocWords,
    pub tgt_doc: &'a DocWords,
    pub src_words: &'a [Word<'c>],
    pub tgt_words: &'a [Word<'c>],
    pub tgt_text: &'c str,
    pub tp: &'a Profile,
    pub lexicon: Option<&'a crate::lexicon::Lexicon>,
}

/// The name lost from a link, as the stand-in test reads it.
pub(super) struct Lost<'a> {
    /// Where the name starts in the link's source.
    pub at: usize,
    /// Whether it opens its sentence there (then so may the stand-in).
    pub initial: bool,
    /// Keys of the name's words the target does say (Prestes of Prestes
    /// Amaral): a stranger must stand beside one of them.
    pub kept: &'a [String],
    /// Whether the translation keeps every name (a name of the document
    /// may stand in).
    pub named: bool,
}

/// What stands in for a lost name.
pub(super) enum StandIn {
    /// Another name of the source document.
    Named(Range<usize>),
    /// A name the source never uses.
    Stranger(Range<usize>),
}

impl Swap<'_, '_> {
    /// Whether every word of the absent name lost an occurrence in the
    /// target: it is said fewer times there than in the source.
    pub fn lost(&self, absent: &[&NameWord]) -> bool {
        !absent.is_empty()
            && absent.iter().all(|w| {
                let key = squash(&w.text);
                // A hyphenated product name (Horusec-Manager) is said in
                // other words (o Manager do Horusec).
                !w.text.contains(HYPHENS)
                    && !self.src_doc.is_lower(&key)
                    && self.tgt_doc.count(&key) < self.src_doc.count(&key)
            })
    }

    /// The target span of a name of the source document, capitalised
    /// mid-sentence here, that the link's source lacks and the target says
    /// more often than the source: the name standing in for the lost one.
    /// It stands about where the lost name stood in the source
    /// (`src_at` in `src_text`), measured as a share of the sentence.
    pub fn stand_in(&self, lost: &Lost, src_text: &str) -> Option<StandIn> {
        if lost.named
            && lost.kept.is_empty()
            && !lost.initial
            && let Some(run) = self.named(lost.at, src_text)
        {
            return Some(StandIn::Named(run));
        }
        self.stranger(lost, src_text).map(StandIn::Stranger)
    }

    fn named(&self, src_at: usize, src_text: &str) -> Option<Range<usize>> {
        let share = |at: usize, len: usize| at as f64 / len.max(1) as f64;
        let src_share = share(src_at, src_text.len());
        let src_keys: Vec<String> = self.src_words.iter().map(|w| squash(w.text)).collect();
        let is_stand_in = |t: &Word| {
            let key = squash(t.text);
            t.text.chars().next().is_some_and(char::is_uppercase)
                && t.text.chars().any(char::is_lowercase)
                && t.text.chars().count() >= 3
                && !t.text.contains(HYPHENS)
                && !src_keys.contains(&key)
                && self.src_doc.is_mid_name(&key)
                && self.tgt_doc.count(&key) > self.src_doc.count(&key)
                && !self.tgt_doc.is_lower(&key)
                && !self.src_doc.is_lower(&key)
                && !is_sentence_initial(self.tgt_text, t.start, Some(self.tp))
                && (share(t.start, self.tgt_text.len()) - src_share).abs() <= MAX_SHIFT
        };
        let i = self.tgt_words.iter().position(is_stand_in)?;
        let run = self.run_around(i);
        // A source acronym spelt out ((MG) as Minas Gerais) is no stand-in.
        let initials: String = self
            .tgt_words
            .iter()
            .filter(|w| run.start <= w.start && w.end <= run.end)
            .filter_map(|w| w.text.chars().next())
            .collect();
        let spelt_out =
            initials.chars().count() > 1 && self.src_words.iter().any(|w| w.text == initials);
        (!spelt_out).then_some(run)
    }

    /// A capitalised word the source document never uses, no word of the
    /// target language, where the lost name stood (beside the name's kept
    /// words, if any; opening the sentence only if the name did).
    fn stranger(&self, lost: &Lost, src_text: &str) -> Option<Range<usize>> {
        let share = |at: usize, len: usize| at as f64 / len.max(1) as f64;
        let src_share = share(lost.at, src_text.len());
        let ws = self.tgt_words;
        let beside_kept = |i: usize| {
            let kept = |j: usize| {
                ws.get(j)
                    .is_some_and(|w| lost.kept.contains(&squash(w.text)))
            };
            // A particle may stand between (Fontes da Cunha).
            let particle = |j: usize| {
                ws.get(j).is_some_and(|w| {
                    w.text.chars().count() <= 3 && w.text.chars().all(char::is_lowercase)
                })
            };
            lost.kept.is_empty()
                || (i > 0 && kept(i - 1))
                || kept(i + 1)
                || (i > 1 && particle(i - 1) && kept(i - 2))
        };
        let is_stranger = |i: usize| {
            let t = &ws[i];
            let key = squash(t.text);
            let lower = t.text.to_lowercase();
            t.text.chars().next().is_some_and(char::is_uppercase)
                && t.text.chars().skip(1).all(char::is_lowercase)
                && t.text.chars().count() >= 4
                && !self.src_doc.has(&key)
                && !self.tgt_doc.is_lower(&key)
                && self
                    .lexicon
                    .is_some_and(|l| l.concepts(crate::lexicon::Side::Target, &lower).is_empty())
                && (lost.initial || !is_sentence_initial(self.tgt_text, t.start, Some(self.tp)))
                && (share(t.start, self.tgt_text.len()) - src_share).abs() <= MAX_SHIFT
                && beside_kept(i)
        };
        let mut found = (0..ws.len()).filter(|&i| is_stranger(i));
        let i = found.next()?;
        // Two strangers: the sentence names someone new, not a slip.
        found.next().is_none().then(|| ws[i].start..ws[i].end)
    }

    /// The run of capitalised words around target word `i` (Viação Sul
    /// Verde), for the message.
    fn run_around(&self, i: usize) -> Range<usize> {
        let w = self.tgt_words;
        let joined = |a: &Word, b: &Word| {
            self.tgt_text.get(a.end..b.start) == Some(" ")
                && b.text.chars().next().is_some_and(char::is_uppercase)
                && a.text.chars().next().is_some_and(char::is_uppercase)
        };
        let mut s = i;
        while s > 0
            && joined(&w[s - 1], &w[s])
            && !is_sentence_initial(self.tgt_text, w[s - 1].start, Some(self.tp))
        {
            s -= 1;
        }
        let mut e = i;
        while e + 1 < w.len() && joined(&w[e], &w[e + 1]) {
            e += 1;
        }
        w[s].start..w[e].end
    }
}

#[cfg(test)]
mod tests {
    use super::super::name::NameCheck;
    use crate::checks::testutil::Fixture;
    use crate::finding::Severity;

    /// An article that keeps its names: five people and a club.
    fn article(swapped: &str) -> Vec<crate::finding::Finding> {
        let f = Fixture::links(&[
            (
                &[
                    "O atacante Tiago Neves marcou contra o Cruzeiro, sem chance para o goleiro Rafael Cabral.",
                ],
                &[
                    "Striker Tiago Neves scored against Cruzeiro, giving goalkeeper Rafael Cabral no chance.",
                ],
            ),
            (
                &["O técnico Rogério Ceni elogiou Pedrinho e Everaldo."],
                &["Coach Rogério Ceni praised Pedrinho and Everaldo."],
            ),
            (&["O goleiro Cássio ainda fez três defesas."], &[swapped]),
        ]);
        f.run(&NameCheck)
    }

    fn swaps(found: &[crate::finding::Finding]) -> Vec<&crate::finding::Finding> {
        found
            .iter()
            .filter(|f| f.message.contains("instead"))
            .collect()
    }

    #[test]
    fn a_name_given_as_another_of_the_article_is_an_error() {
        let found = article("Goalkeeper Rafael Cabral still made three saves.");
        let s = swaps(&found);
        assert_eq!(s.len(), 1, "{found:?}");
        assert_eq!(s[0].severity, Severity::Error);
        assert!(s[0].message.contains("'Rafael Cabral'"), "{}", s[0].message);
    }

    #[test]
    fn the_right_name_is_no_swap() {
        assert!(article("Goalkeeper Cássio still made three saves.").is_empty());
    }

    #[test]
    fn a_name_repeated_where_the_name_is_kept_is_no_swap() {
        // Cássio is there: nothing was lost.
        let found = article("Cássio, like Rafael Cabral, still made three saves.");
        assert!(swaps(&found).is_empty(), "{found:?}");
    }

    #[test]
    fn a_name_dropped_for_a_pronoun_is_no_swap() {
        let found = article("He still made three saves.");
        assert!(swaps(&found).is_empty(), "{found:?}");
    }

    #[test]
    fn a_hyphenated_product_name_said_in_other_words_is_no_swap() {
        let f = Fixture::links(&[
            (
                &["O Horusec-Manager fala com Horusec-CLI, Jenkins e GitLab."],
                &["O Horusec-Manager fala com Horusec-CLI, Jenkins e GitLab."],
            ),
            (
                &["Here you find Horusec-Mobile and its rules."],
                &["Aqui você encontra o Horusec-CLI e as regras."],
            ),
        ]);
        let found = f.run(&NameCheck);
        assert!(swaps(&found).is_empty(), "{found:?}");
    }

    #[test]
    fn a_name_the_source_link_has_is_no_stand_in() {
        let f = Fixture::links(&[
            (
                &["Tiago Neves, Rafael Cabral e Pedrinho jogaram."],
                &["Tiago Neves, Rafael Cabral and Pedrinho played."],
            ),
            (&["Cássio falou com Pedrinho."], &["Pedrinho spoke."]),
        ]);
        let found = f.run(&NameCheck);
        assert!(swaps(&found).is_empty(), "{found:?}");
    }

    /// A person named in full, then by surname in `src`, said as `tgt`.
    fn stranger(full: (&str, &str), src: &str, tgt: &str) -> Vec<crate::finding::Finding> {
        // Three names kept verbatim: the translation keeps names.
        let kept = (
            "Tiago Neves, Rafael Cabral e Pedrinho votaram.",
            "Tiago Neves, Rafael Cabral and Pedrinho voted.",
        );
        Fixture::links(&[
            (&[kept.0], &[kept.1]),
            (&[full.0], &[full.1]),
            (&[src], &[tgt]),
        ])
        .run(&NameCheck)
    }

    const MOURATO: (&str, &str) = (
        "A coordenadora Sofia Mourato falou da habitação.",
        "Coordinator Sofia Mourato spoke about housing.",
    );

    #[test]
    fn a_surname_given_as_a_stranger_is_an_error() {
        let found = stranger(
            MOURATO,
            "Segundo Mourato, o programa falhou.",
            "According to Moreira, the programme failed.",
        );
        let s = swaps(&found);
        assert_eq!(s.len(), 1, "{found:?}");
        assert!(s[0].message.contains("'Moreira'"), "{}", s[0].message);
        assert!(s[0].message.contains("never uses"), "{}", s[0].message);
    }

    #[test]
    fn a_stranger_beside_the_kept_part_of_a_name_is_an_error() {
        let found = stranger(
            (
                "A diretora Luciana Prestes Amaral falou.",
                "Director Luciana Prestes Amaral spoke.",
            ),
            "Segundo Prestes Amaral, o custo subiu.",
            "According to Prestes Amorim, the cost rose.",
        );
        assert_eq!(swaps(&found).len(), 1, "{found:?}");
    }

    #[test]
    fn a_sentence_initial_surname_given_as_a_stranger_is_an_error() {
        let found = stranger(
            (
                "O porteiro Edinaldo Ferraz viu tudo.",
                "Doorman Edinaldo Ferraz saw everything.",
            ),
            "Ferraz disse que não viu a arma.",
            "Ferreira said he did not see the gun.",
        );
        assert_eq!(swaps(&found).len(), 1, "{found:?}");
    }

    #[test]
    fn a_stranger_needs_the_name_kept_elsewhere() {
        // Nothing shows the translation keeps Mourato: it may render it.
        let f = Fixture::links(&[(
            &["Segundo Mourato, o programa falhou."],
            &["According to Moreira, the programme failed."],
        )]);
        let found = f.run(&NameCheck);
        assert!(swaps(&found).is_empty(), "{found:?}");
    }

    #[test]
    fn a_surname_beside_its_kept_first_names_given_as_a_stranger_is_an_error() {
        let kept = MOURATO;
        for (src, tgt) in [
            (
                "Em Sobral, Joaquina Ribeiro recusou-se a sair.",
                "In Sobral, Joaquina Pereira refused to leave.",
            ),
            (
                "Para o advogado Tiago Fontes da Batalha, o caso é grave.",
                "For lawyer Tiago Fontes da Costa, the case is serious.",
            ),
        ] {
            let found = stranger(kept, src, tgt);
            assert_eq!(swaps(&found).len(), 1, "{tgt}: {found:?}");
        }
        // Spelt alike, the other name is the target language's form of it.
        let found = stranger(
            kept,
            "Em Sobral, Joaquina Cristo recusou-se a sair.",
            "In Sobral, Joaquina Christ refused to leave.",
        );
        assert!(swaps(&found).is_empty(), "{found:?}");
        // Alone, a surname said once may be rendered.
        let found = stranger(
            kept,
            "Segundo Ribeiro, o programa falhou.",
            "According to Pereira, the programme failed.",
        );
        assert!(swaps(&found).is_empty(), "{found:?}");
    }

    #[test]
    fn a_pronoun_or_a_title_is_no_stranger() {
        for tgt in [
            "According to her, the programme failed.",
            "According to the Coordinator, the programme failed.",
        ] {
            let found = stranger(MOURATO, "Segundo Mourato, o programa falhou.", tgt);
            assert!(swaps(&found).is_empty(), "{tgt}: {found:?}");
        }
    }

    const QUINTELA: (&str, &str) = (
        "A ministra Helena Quintela Azevedo falou.",
        "Minister Helena Quintela Azevedo spoke.",
    );

    #[test]
    fn a_translated_institution_is_no_naming_convention() {
        // Companhia → Company is the institution's name translated, not a
        // convention that might render Azevedo as Barros.
        let f = Fixture::links(&[
            (
                &["Tiago Neves, Rafael Cabral e Pedrinho votaram."],
                &["Tiago Neves, Rafael Cabral and Pedrinho voted."],
            ),
            (
                &["A Companhia Metropolitana de Transportes Coletivos reforça a frota."],
                &["The Metropolitan Public Transport Company adds buses."],
            ),
            (&[QUINTELA.0], &[QUINTELA.1]),
            (
                &["Segundo Quintela Azevedo, o custo subiu."],
                &["According to Quintela Barros, the cost rose."],
            ),
        ]);
        let found = f.run(&NameCheck);
        assert_eq!(swaps(&found).len(), 1, "{found:?}");
    }

    /// A merged link naming the minister in full, then by surname as `tgt`.
    fn merged(tgt: &str) -> Vec<crate::finding::Finding> {
        let kept = (
            "Tiago Neves, Rafael Cabral e Pedrinho votaram.",
            "Tiago Neves, Rafael Cabral and Pedrinho voted.",
        );
        Fixture::links(&[
            (&[kept.0], &[kept.1]),
            (
                &[QUINTELA.0, "«Não», disse Quintela Azevedo à saída."],
                &[QUINTELA.1, tgt],
            ),
        ])
        .run(&NameCheck)
    }

    #[test]
    fn a_repeat_in_a_merged_link_given_as_a_stranger_is_an_error() {
        let found = merged("\"No,\" Quintela Barros said as she left.");
        assert_eq!(swaps(&found).len(), 1, "{found:?}");
    }

    #[test]
    fn a_repeat_misspelt_in_a_merged_link_is_an_error() {
        let found = merged("\"No,\" Quintela Azevdo said as she left.");
        assert!(
            found.iter().any(|f| f.message.contains("Azevdo")),
            "{found:?}"
        );
    }

    #[test]
    fn a_repeat_said_by_a_pronoun_is_no_finding() {
        let found = merged("\"No,\" she said as she left.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_name_given_in_its_singular_is_no_swap() {
        let f = Fixture::links(&[
            (
                &["Tiago Neves, Rafael Cabral e Pedrinho votaram."],
                &["Tiago Neves, Rafael Cabral and Pedrinho voted."],
            ),
            (
                &["O longa levou seis Kikitos em Gramado."],
                &["The film took six Kikito awards in Gramado."],
            ),
            (
                &["A diretora recebe o Kikito de melhor filme."],
                &["The director receives the Kikito for best picture."],
            ),
        ]);
        let found = f.run(&NameCheck);
        assert!(swaps(&found).is_empty(), "{found:?}");
    }

    #[test]
    fn two_strangers_are_a_new_sentence_not_a_slip() {
        let found = stranger(
            MOURATO,
            "Segundo Mourato, o programa falhou.",
            "According to Moreira and Batalha, the programme failed.",
        );
        assert!(swaps(&found).is_empty(), "{found:?}");
    }
}
