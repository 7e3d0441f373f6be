//! English renderings of Japanese terms that are no glossary terms, from
//! `data/renderings-en.tsv`: verb phrases and descriptions (`entered into
//! force` for 発効, `reached a deal` for 合意) that answer a concept in an
//! English translation, each word matched in its inflected forms.

use std::collections::HashSet;

use crate::normalize::{en_words, inflection_bases};
use crate::{Glossary, Lang};

/// The renderings, as the data file writes them.
const RENDERINGS: &str = include_str!("../data/renderings-en.tsv");

/// One word of a phrase: its forms, each with the bases it may be an
/// inflection of, and whether it may be left out.
struct Slot {
    forms: Vec<Vec<String>>,
    optional: bool,
}

/// A phrase that renders a concept, or only one of its Japanese terms.
struct Rendering {
    concept: usize,
    term: Option<usize>,
    slots: Vec<Slot>,
}

/// The renderings of `data/renderings-en.tsv` whose concepts (and terms)
/// the glossary has; lines naming others are passed over, as a user
/// glossary may replace or lack a concept.
pub(crate) struct Renderings {
    list: Vec<Rendering>,
    /// Every base of every form of every phrase: a text word with none
    /// of them matches no slot.
    vocabulary: HashSet<String>,
}

/// A line of the data file read: concept id, Japanese term (`None` for
/// `*`), and the phrase's slots; `None` for a comment, a blank line or a
/// line that is not three cells with a phrase.
fn parse_line(line: &str) -> Option<(&str, Option<&str>, Vec<Slot>)> {
    if line.trim().is_empty() || line.starts_with('#') {
        return None;
    }
    let mut cells = line.split('\t').map(str::trim);
    let (id, term, phrase) = (cells.next()?, cells.next()?, cells.next()?);
    if cells.next().is_some() {
        return None;
    }
    let slots: Vec<Slot> = phrase
        .split_whitespace()
        .map(|word| {
            let inner = word.strip_prefix('[').and_then(|w| w.strip_suffix(']'));
            Slot {
                forms: inner
                    .unwrap_or(word)
                    .split('|')
                    .filter(|f| !f.is_empty())
                    .map(|f| inflection_bases(&f.to_lowercase()))
                    .collect(),
                optional: inner.is_some(),
            }
        })
        .collect();
    let valid = !slots.is_empty()
        && slots.iter().all(|s| !s.forms.is_empty())
        && slots.iter().any(|s| !s.optional);
    valid.then_some((id, (term != "*").then_some(term), slots))
}

impl Renderings {
    /// The renderings of the data file for glossary `g`.
    pub(crate) fn new(g: &Glossary) -> Renderings {
        let list = RENDERINGS
            .lines()
            .filter_map(parse_line)
            .filter_map(|(id, term, slots)| {
                let concept = g.concepts.iter().position(|c| c.id == id)?;
                let term = match term {
                    None => None,
                    Some(t) => Some(
                        g.concepts[concept]
                            .terms(Lang::Ja)
                            .iter()
                            .position(|j| j.term == t)?,
                    ),
                };
                Some(Rendering {
                    concept,
                    term,
                    slots,
                })
            })
            .collect::<Vec<Rendering>>();
        let vocabulary = list
            .iter()
            .flat_map(|r| &r.slots)
            .flat_map(|s| s.forms.iter().flatten())
            .cloned()
            .collect();
        Renderings { list, vocabulary }
    }

    /// The concepts rendered in English `text`, each with the Japanese term
    /// rendered (`None`: any of the concept's terms).
    pub(crate) fn in_text(&self, text: &str) -> Vec<(usize, Option<usize>)> {
        if self.list.is_empty() {
            return Vec::new();
        }
        let words: Vec<Vec<String>> = en_words(text)
            .iter()
            .map(|w| {
                let mut bases = inflection_bases(w);
                bases.retain(|b| self.vocabulary.contains(b));
                bases
            })
            .collect();
        let mut out = Vec::new();
        if words.iter().all(Vec::is_empty) {
            return out;
        }
        for r in &self.list {
            let hit = (0..words.len()).any(|at| matches_at(&r.slots, &words[at..]));
            if hit && !out.contains(&(r.concept, r.term)) {
                out.push((r.concept, r.term));
            }
        }
        out
    }
}

/// Whether `slots` match the words from the start of `words` on, an
/// optional slot matched or left out.
fn matches_at(slots: &[Slot], words: &[Vec<String>]) -> bool {
    let Some((slot, rest)) = slots.split_first() else {
        return true;
    };
    let here = words.first().is_some_and(|w| {
        slot.forms
            .iter()
            .any(|form| form.iter().any(|base| w.contains(base)))
    });
    (here && matches_at(rest, &words[1..])) || (slot.optional && matches_at(rest, words))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of the data file is three cells with a phrase, and names
    /// a concept (and term) of the default glossary: a typo would drop it
    /// silently.
    #[test]
    fn every_rendering_names_a_concept_of_the_default_glossary() -> Result<(), crate::Error> {
        let g = crate::default_glossary()?;
        let lines: Vec<&str> = RENDERINGS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .collect();
        for line in &lines {
            assert!(parse_line(line).is_some(), "{line}");
        }
        assert_eq!(Renderings::new(g).list.len(), lines.len());
        Ok(())
    }

    #[test]
    fn phrases_match_inflected_with_other_forms_and_optional_words() -> Result<(), crate::Error> {
        let g = crate::default_glossary()?;
        let r = Renderings::new(g);
        let id = |text: &str| -> Vec<String> {
            r.in_text(text)
                .iter()
                .map(|&(c, _)| g.concepts[c].id.clone())
                .collect()
        };
        for (text, concept) in [
            ("The agreement entered into force.", "entry-into-force"),
            ("It will enter into force next year.", "entry-into-force"),
            ("The pact came into force.", "entry-into-force"),
            ("The rules took effect.", "entry-into-force"),
            ("They struck a trade deal.", "agreement"),
            ("They reached a deal.", "agreement"),
            ("They agreed to cut tariffs.", "tariff-reduction"),
            ("They are lowering their tariffs.", "tariff-reduction"),
            ("The BOJ held off on raising interest rates.", "rate-hike"),
            ("Tokyo intervened on the 24th.", "currency-intervention"),
            ("The yen rose.", "yen-appreciation"),
            ("The yen's rise hurt exporters.", "yen-appreciation"),
            ("The yen weakened further.", "yen-depreciation"),
            ("Japan's trade ministry said so.", "meti"),
            ("It tightened export-controls.", "export-restriction"),
        ] {
            assert!(
                id(text).contains(&concept.to_string()),
                "{text}: {:?}",
                id(text)
            );
        }
        // Words apart, or in another order, are no rendering.
        for text in [
            "The dollar rose against the yen.",
            "The entry was forced into the record.",
            "The deal was reached.",
            "Tariffs were cut.",
        ] {
            assert!(id(text).is_empty(), "{text}: {:?}", id(text));
        }
        Ok(())
    }
}
