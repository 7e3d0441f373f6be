//! English words (Unicode UAX #29 word boundaries), Snowball stems, stop words.

use std::collections::HashSet;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use crate::{Token, Tokenizer};

const STOP_WORDS: &str = include_str!("../data/stopwords-en.txt");

/// The English stop list (lowercase), from `data/stopwords-en.txt`.
pub fn stop_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        STOP_WORDS
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// True when `word` (lowercase) is an English stop word.
pub fn is_stop_word(word: &str) -> bool {
    stop_words().contains(word)
}

/// English tokenizer: words with at least one letter or digit.
pub struct EnglishTokenizer {
    stemmer: Stemmer,
}

impl Default for EnglishTokenizer {
    fn default() -> Self {
        Self::new()
    }
}

impl EnglishTokenizer {
    /// A tokenizer with the Snowball English (Porter 2) stemmer.
    pub fn new() -> EnglishTokenizer {
        EnglishTokenizer { stemmer: Stemmer::create(Algorithm::English) }
    }

    /// The Snowball stem of a lowercase word.
    pub fn stem(&self, lower: &str) -> String {
        // Curly apostrophes stem like straight ones.
        if lower.contains('’') {
            return self.stemmer.stem(&lower.replace('’', "'")).into_owned();
        }
        self.stemmer.stem(lower).into_owned()
    }
}

impl Tokenizer for EnglishTokenizer {
    fn tokenize(&self, text: &str) -> Vec<Token> {
        text.split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(|(start, w)| {
                let lower = w.to_lowercase();
                Token {
                    start,
                    end: start + w.len(),
                    term: self.stem(&lower),
                    is_stop: is_stop_word(&lower),
                    lower,
                    pos: None,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_into_the_text() {
        let text = "Japan’s trade surplus, U.S. negotiators.";
        let tokens = EnglishTokenizer::new().tokenize(text);
        let surfaces: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(surfaces, ["Japan’s", "trade", "surplus", "U.S", "negotiators"]);
        assert_eq!(tokens[0].term, "japan");
        assert_eq!(tokens[4].term, "negoti");
    }

    #[test]
    fn stop_words_are_flagged() {
        let tokens = EnglishTokenizer::new().tokenize("The talks were not over");
        let stops: Vec<bool> = tokens.iter().map(|t| t.is_stop).collect();
        assert_eq!(stops, [true, false, true, true, true]);
    }
}
