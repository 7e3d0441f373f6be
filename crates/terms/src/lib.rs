//! Term extraction and English–Japanese term pairing for kotoba.
//!
//! - Extraction: [`Extractor`] counts candidates of documents into mergeable
//!   [`Stats`] (English stop-word-bounded n-grams with inflections pooled;
//!   Japanese compound nouns from IPADIC parts of speech); [`rank()`] scores
//!   them (C-value, TF-IDF, weirdness against a shipped general-English
//!   frequency list, FLR, or the combined default) and marks the ones a
//!   glossary already has.
//! - Pairing: [`Aligner`] counts co-occurrences of English and Japanese
//!   candidates over segment pairs into mergeable [`PairStats`]; [`align()`]
//!   ranks Japanese partners of each English term by Dice or log-likelihood,
//!   with katakana transliteration ([`translit`]), glossary seeds and
//!   competitive linking.
//!
//! Counting is parallel (rayon) and deterministic: [`Stats::merge`] of parts
//! equals the count of the whole, so ranking merged stats gives the same rows.
//!
//! ```
//! use kotoba_terms::{Extractor, Language, RankOptions, rank};
//!
//! let docs = [
//!     "Japan's trade surplus with the United States grew. Tariffs on cars rose.",
//!     "The trade surplus narrowed as tariffs fell. Car tariffs were cut.",
//! ];
//! let extractor = Extractor::new(Language::En)?;
//! let stats = extractor.count_all(&docs);
//! let rows = rank(&stats, &RankOptions::default(), None);
//! let terms: Vec<&str> = rows.iter().map(|r| r.term.as_str()).collect();
//! assert!(terms[..3].contains(&"trade surplus"));
//! assert!(terms.contains(&"tariffs"));
//! assert!(!terms.contains(&"tariff"), "one surface form per concept");
//! # Ok::<(), kotoba_terms::Error>(())
//! ```

pub mod align;
pub mod english;
pub mod japanese;
pub mod lexicon;
pub mod rank;
pub mod stats;
pub mod translit;

use rayon::prelude::*;

pub use align::{AlignOptions, Aligner, Alignment, Association, PairStats, align};
pub use rank::{Candidate, Method, RankOptions, Weights, rank, to_tsv};
pub use stats::{Language, Stats, Tally, TermCounts};

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Statistics of different languages or format versions were combined.
    #[error("statistics do not match: {0}")]
    Mismatch(String),
    /// Statistics JSON could not be read or written.
    #[error("bad statistics JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The Japanese tokenizer could not be loaded.
    #[error(transparent)]
    Tokenize(#[from] kotoba_tokenize::Error),
    /// The glossary could not be used.
    #[error(transparent)]
    Glossary(#[from] kotoba_glossary::Error),
}

/// Counts term candidates of documents in one language.
#[derive(Clone)]
pub struct Extractor {
    language: Language,
    japanese: Option<kotoba_tokenize::japanese::JapaneseTokenizer>,
}

impl Extractor {
    /// An extractor for `language` (loads the Japanese dictionary when needed).
    pub fn new(language: Language) -> Result<Extractor, Error> {
        let japanese = match language {
            Language::Ja => Some(kotoba_tokenize::japanese::JapaneseTokenizer::new()?),
            Language::En => None,
        };
        Ok(Extractor { language, japanese })
    }

    /// The language counted.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The candidates of one document.
    pub fn count(&self, text: &str) -> Stats {
        match (self.language, &self.japanese) {
            (Language::Ja, Some(ja)) => japanese::count_document(ja, text),
            (Language::Ja, None) => Stats::new(Language::Ja),
            (Language::En, _) => english::count_document(text),
        }
    }

    /// The candidates of many documents, counted in parallel; the result does
    /// not depend on the number of threads.
    pub fn count_all<S: AsRef<str> + Sync>(&self, docs: &[S]) -> Stats {
        let language = self.language;
        docs.par_iter().map(|d| self.count(d.as_ref())).reduce(
            || Stats::new(language),
            |a, b| {
                let mut a = a;
                // Same language and version by construction.
                let _ = a.absorb(b);
                a
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(name: &str) -> String {
        let path = format!("{}/../../testdata/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path).unwrap_or_default()
    }

    /// Counting in pieces, passing the pieces through JSON and merging them
    /// gives byte-identical rankings to one run over the whole.
    #[test]
    fn merged_stats_rank_like_one_run() -> Result<(), Error> {
        for (language, file) in [
            (Language::En, "clinton-japan-trade-1993.en.txt"),
            (Language::Ja, "clinton-japan-trade-1993.ja.txt"),
        ] {
            let text = seed(file);
            assert!(!text.is_empty(), "{file} missing");
            let docs: Vec<&str> = text.split("\n\n").collect();
            assert!(docs.len() > 4);
            let extractor = Extractor::new(language)?;
            let whole = extractor.count_all(&docs);
            let mid = docs.len() / 2;
            let a = Stats::from_json(&extractor.count_all(&docs[..mid]).to_json()?)?;
            let b = Stats::from_json(&extractor.count_all(&docs[mid..]).to_json()?)?;
            let merged = Stats::merge(b, a)?;
            assert_eq!(merged.to_json()?, whole.to_json()?);
            let glossary = kotoba_glossary::default_glossary()?;
            for method in Method::ALL {
                let options = RankOptions {
                    method,
                    ..RankOptions::default()
                };
                let one = to_tsv(&rank(&whole, &options, Some(glossary)));
                let two = to_tsv(&rank(&merged, &options, Some(glossary)));
                assert_eq!(one, two);
                assert!(one.lines().count() > 20);
            }
        }
        Ok(())
    }

    #[test]
    fn glossary_terms_are_marked() -> Result<(), Error> {
        let text = seed("clinton-japan-trade-1993.en.txt");
        let stats = Extractor::new(Language::En)?.count(&text);
        let rows = rank(
            &stats,
            &RankOptions::default(),
            Some(kotoba_glossary::default_glossary()?),
        );
        let marked = |t: &str| {
            rows.iter()
                .find(|r| r.term.eq_ignore_ascii_case(t))
                .map(|r| r.glossary.clone())
        };
        assert_eq!(
            marked("trade surplus"),
            Some(Some("trade-surplus".to_string()))
        );
        assert!(rows.iter().any(|r| r.glossary.is_none()));
        let ja = Extractor::new(Language::Ja)?.count(&seed("clinton-japan-trade-1993.ja.txt"));
        let rows = rank(
            &ja,
            &RankOptions::default(),
            Some(kotoba_glossary::default_glossary()?),
        );
        let marked: Vec<(&str, &str)> = rows
            .iter()
            .filter_map(|r| Some((r.term.as_str(), r.glossary.as_deref()?)))
            .collect();
        assert!(marked.contains(&("首脳会議", "summit")), "{marked:?}");
        Ok(())
    }
}
