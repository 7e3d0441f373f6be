//! Words of alphabetic languages (Unicode UAX #29 word boundaries), Snowball
//! stems, and English stop words.

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

/// Word tokenizer: words with at least one letter or digit, lowercased and
/// stemmed with the language's Snowball stemmer.
pub struct WordTokenizer {
    stemmer: Option<Stemmer>,
    english: bool,
}

impl WordTokenizer {
    /// English: Snowball English (Porter 2) stems and the English stop list.
    pub fn english() -> WordTokenizer {
        WordTokenizer {
            stemmer: Some(Stemmer::create(Algorithm::English)),
            english: true,
        }
    }

    /// The tokenizer for an ISO 639-1 language code: its Snowball stemmer
    /// where there is one (else the lowercase word); stop words for English only.
    pub fn for_language(code: &str) -> WordTokenizer {
        let algorithm = match code {
            "en" => return WordTokenizer::english(),
            "ar" => Algorithm::Arabic,
            "da" => Algorithm::Danish,
            "nl" => Algorithm::Dutch,
            "fi" => Algorithm::Finnish,
            "fr" => Algorithm::French,
            "de" => Algorithm::German,
            "el" => Algorithm::Greek,
            "hu" => Algorithm::Hungarian,
            "it" => Algorithm::Italian,
            "nb" | "no" => Algorithm::Norwegian,
            "pt" => Algorithm::Portuguese,
            "ro" => Algorithm::Romanian,
            "ru" => Algorithm::Russian,
            "es" => Algorithm::Spanish,
            "sv" => Algorithm::Swedish,
            "ta" => Algorithm::Tamil,
            "tr" => Algorithm::Turkish,
            _ => {
                return WordTokenizer {
                    stemmer: None,
                    english: false,
                };
            }
        };
        WordTokenizer {
            stemmer: Some(Stemmer::create(algorithm)),
            english: false,
        }
    }

    /// The stem of a lowercase word.
    pub fn stem(&self, lower: &str) -> String {
        let Some(stemmer) = &self.stemmer else {
            return lower.to_string();
        };
        // Curly apostrophes stem like straight ones.
        if lower.contains('’') {
            return stemmer.stem(&lower.replace('’', "'")).into_owned();
        }
        stemmer.stem(lower).into_owned()
    }
}

impl Tokenizer for WordTokenizer {
    fn tokenize(&self, text: &str) -> Vec<Token> {
        text.split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(|(start, w)| {
                let lower = w.to_lowercase();
                Token {
                    start,
                    end: start + w.len(),
                    term: self.stem(&lower),
                    is_stop: self.english && is_stop_word(&lower),
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
        let tokens = WordTokenizer::english().tokenize(text);
        let surfaces: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            surfaces,
            ["Japan’s", "trade", "surplus", "U.S", "negotiators"]
        );
        assert_eq!(tokens[0].term, "japan");
        assert_eq!(tokens[4].term, "negoti");
    }

    #[test]
    fn other_languages_get_their_stemmer_and_no_stop_list() {
        let tokens = WordTokenizer::for_language("fr").tokenize("les négociations");
        assert_eq!(tokens[1].term, "négoci");
        assert!(!tokens[0].is_stop);
        let tokens = WordTokenizer::for_language("xx").tokenize("Abc");
        assert_eq!(tokens[0].term, "abc");
    }

    #[test]
    fn stop_words_are_flagged() {
        let tokens = WordTokenizer::english().tokenize("The talks were not over");
        let stops: Vec<bool> = tokens.iter().map(|t| t.is_stop).collect();
        assert_eq!(stops, [true, false, true, true, true]);
    }
}
