//! Words and phrases that hold a glossary term in another sense
//! (`data/other-words.tsv`): 系列 of 時系列 (a time series) is no keiretsu,
//! `tender` of `legal tender` no call for bids. The tokenizer splits such
//! words (時|系列), so morpheme and word boundaries alone let the term match.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use unicode_normalization::UnicodeNormalization;

use crate::normalize::{english_forms, shinjitai_char};
use crate::{Error, Lang};

/// `data/other-words.tsv`: language, word, the term it hides.
const OTHER_WORDS: &str = include_str!("../data/other-words.tsv");

/// One row of `data/other-words.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OtherWord {
    /// The language of the word and the term.
    pub(crate) lang: Lang,
    /// The word or phrase (`legal tender`).
    pub(crate) word: String,
    /// The glossary term inside it that it hides (`tender`).
    pub(crate) term: String,
}

/// The rows of `data/other-words.tsv`.
pub(crate) fn rows() -> Result<Vec<OtherWord>, Error> {
    let broken = |n: usize, why: &str| {
        Error::EmbeddedBroken(format!("data/other-words.tsv line {n}: {why}"))
    };
    let mut out = Vec::new();
    for (n, cells) in crate::data::rows(OTHER_WORDS) {
        let [lang, word, term] = cells[..] else {
            return Err(broken(n, "three columns expected"));
        };
        let lang = match lang {
            "en" => Lang::En,
            "ja" => Lang::Ja,
            _ => return Err(broken(n, "language en or ja expected")),
        };
        if !word.contains(term) || word == term {
            return Err(broken(n, "the term is no shorter part of the word"));
        }
        out.push(OtherWord {
            lang,
            word: word.to_string(),
            term: term.to_string(),
        });
    }
    Ok(out)
}

/// The words of `data/other-words.tsv`, compiled.
pub(crate) struct OtherWords {
    automaton: AhoCorasick,
    /// For each pattern: its language, and the byte offset of the hidden
    /// term in it.
    hidden: Vec<(Lang, usize)>,
}

impl OtherWords {
    /// Compiles the words, with English ones' inflected forms (`dollar
    /// bills`), in the keys the annotator matches on (`match_key`).
    pub(crate) fn new(match_key: fn(&str) -> String) -> Result<OtherWords, Error> {
        let mut patterns = Vec::new();
        let mut hidden = Vec::new();
        for row in rows()? {
            let forms = match row.lang {
                Lang::En => english_forms(&row.word),
                Lang::Ja => vec![row.word.nfkc().map(shinjitai_char).collect()],
            };
            let term = match row.lang {
                Lang::En => row.term.clone(),
                Lang::Ja => row.term.nfkc().map(shinjitai_char).collect(),
            };
            let term = match_key(&term);
            for form in forms {
                let form = match_key(&form);
                // The inflection falls on the last word: the term keeps its
                // place in every form.
                let Some(at) = form.find(&term) else {
                    continue;
                };
                patterns.push(form);
                hidden.push((row.lang, at));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| Error::Compile(e.to_string()))?;
        Ok(OtherWords { automaton, hidden })
    }

    /// Where the listed words stand in `lower` (the text's match keys), as
    /// (where the hidden term starts, where the word ends); English words
    /// only as whole words.
    pub(crate) fn hiding(&self, lower: &str) -> Vec<(usize, usize)> {
        let word = |c: char| c.is_alphanumeric() && !crate::normalize::is_cjk(c);
        self.automaton
            .find_overlapping_iter(lower)
            .filter_map(|m| {
                let (lang, at) = self.hidden[m.pattern().as_usize()];
                let whole = lang == Lang::Ja
                    || (lower[..m.start()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !word(c))
                        && lower[m.end()..].chars().next().is_none_or(|c| !word(c)));
                whole.then_some((m.start() + at, m.end()))
            })
            .collect()
    }
}

/// Whether a term found at `s..e` is one that a listed word hides: it
/// starts where the word's hidden term does, and ends inside the word.
pub(crate) fn hidden(hiding: &[(usize, usize)], s: usize, e: usize) -> bool {
    hiding.iter().any(|&(at, end)| at == s && e <= end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Annotator, shared_default_glossary};

    fn found(a: &Annotator, text: &str) -> Vec<String> {
        a.annotate(text)
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    /// Every row hides a term of the default glossary that is glossed on
    /// its own, and the word is found with no term at the hidden one's
    /// place: a row that hid nothing would change nothing, silently.
    #[test]
    fn every_row_hides_a_glossary_term_that_stands_alone() -> Result<(), Error> {
        let a = Annotator::new(shared_default_glossary()?)?;
        let g = a.glossary();
        let rows = rows()?;
        assert!(rows.len() >= 30);
        for row in rows {
            let holds = |t: &str| {
                g.concepts
                    .iter()
                    .any(|c| c.terms(row.lang).iter().any(|x| x.term == t))
            };
            assert!(holds(&row.term), "{row:?}");
            assert!(!holds(&row.word), "{row:?}");
            let (alone, within) = match row.lang {
                Lang::En => (
                    format!("About the {}.", row.term),
                    format!("About the {}.", row.word),
                ),
                Lang::Ja => (
                    format!("{}について。", row.term),
                    format!("{}について。", row.word),
                ),
            };
            assert_eq!(found(&a, &alone), [row.term.as_str()], "{row:?}");
            let at = within.find(&row.word).unwrap_or(0) + row.word.find(&row.term).unwrap_or(0);
            assert!(
                !a.annotate(&within).iter().any(|s| s.start == at),
                "{row:?}: {:?}",
                found(&a, &within)
            );
        }
        Ok(())
    }

    /// Only the named term is hidden, only inside the word, and English
    /// words only whole and in their inflected forms.
    #[test]
    fn only_the_named_term_inside_the_whole_word_is_hidden() -> Result<(), Error> {
        let a = Annotator::new(shared_default_glossary()?)?;
        assert_eq!(found(&a, "Patent leather shoes."), ["leather"]);
        assert_eq!(
            found(&a, "Two dollar bills and a Tender Offer."),
            ["dollar"]
        );
        assert_eq!(
            found(&a, "The tender closed; the bill passed."),
            ["tender", "bill"]
        );
        // `paralegal tender` is no `legal tender`.
        assert_eq!(found(&a, "A paralegal tender."), ["tender"]);
        assert_eq!(found(&a, "時系列データと系列企業。"), ["系列"]);
        assert_eq!(found(&a, "迂回輸出と迂回路。"), ["迂回", "輸出"]);
        // Full-width and old forms are the word too.
        assert_eq!(found(&a, "食物繊維と繊維製品。").len(), 1);
        Ok(())
    }
}
