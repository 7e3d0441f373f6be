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

/// The words of `text` (UAX #29 word segments holding a letter or digit),
/// with their byte offsets, allocation-free. ASCII text takes a fast path
/// that gives the same segments (checked against `unicode-segmentation`).
pub fn words(text: &str) -> Box<dyn Iterator<Item = (usize, &str)> + '_> {
    if text.is_ascii() {
        Box::new(AsciiWords { text, at: 0 })
    } else {
        Box::new(
            text.split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric)),
        )
    }
}

/// UAX #29 word-break classes of ASCII bytes, as far as words need them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Underscore,
    /// `.` (MidNumLet) and `'` (Single_Quote): join letters and digits.
    MidBoth,
    /// `,` and `;` (MidNum): join digits.
    MidNum,
    /// `:` (MidLetter): joins letters.
    MidLetter,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Underscore,
        b'.' | b'\'' => Class::MidBoth,
        b',' | b';' => Class::MidNum,
        b':' => Class::MidLetter,
        _ => Class::Other,
    }
}

struct AsciiWords<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Iterator for AsciiWords<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let n = bytes.len();
        loop {
            while self.at < n
                && !matches!(
                    class(bytes[self.at]),
                    Class::Letter | Class::Digit | Class::Underscore
                )
            {
                self.at += 1;
            }
            if self.at >= n {
                return None;
            }
            let start = self.at;
            let mut prev = class(bytes[start]);
            let mut i = start + 1;
            while i < n {
                let c = class(bytes[i]);
                let word = |k: Class| matches!(k, Class::Letter | Class::Digit | Class::Underscore);
                if word(prev) && word(c) {
                    prev = c;
                    i += 1;
                    continue;
                }
                let after = bytes.get(i + 1).map(|&b| class(b));
                let joins = match (prev, c) {
                    (Class::Letter, Class::MidBoth | Class::MidLetter) => {
                        after == Some(Class::Letter)
                    }
                    (Class::Digit, Class::MidBoth | Class::MidNum) => after == Some(Class::Digit),
                    _ => false,
                };
                if !joins {
                    break;
                }
                i += 2;
            }
            self.at = i;
            let word = &self.text[start..i];
            if word.bytes().any(|b| b.is_ascii_alphanumeric()) {
                return Some((start, word));
            }
        }
    }
}

impl WordTokenizer {
    /// True when this tokenizer flags `lower` as a stop word.
    pub fn is_stop(&self, lower: &str) -> bool {
        self.english && is_stop_word(lower)
    }
}

impl Tokenizer for WordTokenizer {
    fn tokenize(&self, text: &str) -> Vec<Token> {
        words(text)
            .map(|(start, w)| {
                let lower = w.to_lowercase();
                Token {
                    start,
                    end: start + w.len(),
                    term: self.stem(&lower),
                    is_stop: self.is_stop(&lower),
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
    fn ascii_fast_path_matches_uax29() {
        const ALPHABET: &[u8] = b"aZk09._',;:- \"\n!(";
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..50_000 {
            let mut s = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 24) as usize;
            for k in 0..len {
                let r = (state >> (k % 40)) as usize ^ k.wrapping_mul(2654435761);
                s.push(ALPHABET[r % ALPHABET.len()] as char);
            }
            let fast: Vec<(usize, &str)> = AsciiWords { text: &s, at: 0 }.collect();
            let slow: Vec<(usize, &str)> = s
                .split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
                .collect();
            assert_eq!(fast, slow, "{s:?}");
        }
    }

    #[test]
    fn stop_words_are_flagged() {
        let tokens = WordTokenizer::english().tokenize("The talks were not over");
        let stops: Vec<bool> = tokens.iter().map(|t| t.is_stop).collect();
        assert_eq!(stops, [true, false, true, true, true]);
    }
}
