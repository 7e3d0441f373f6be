//! Tokenizers for kotoba, all behind one [`Tokenizer`] trait that yields
//! [`Token`]s with byte spans into the original text:
//! - [`words::WordTokenizer`]: UAX #29 words, lowercase, Snowball stems, English stop words;
//! - [`japanese::JapaneseTokenizer`]: morphemes from an embedded IPADIC, with
//!   MeCab's segmentation and features;
//! - [`cjk::BigramTokenizer`]: overlapping character bigrams, a fallback for
//!   CJK text without a dictionary.
//!
//! ```
//! use kotoba_tokenize::{words::WordTokenizer, Tokenizer};
//!
//! let tokens = WordTokenizer::english().tokenize("Tariffs on imported cars");
//! let stems: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
//! assert_eq!(stems, ["tariff", "on", "import", "car"]);
//! assert!(tokens[1].is_stop);
//! ```

pub mod cjk;
pub mod japanese;
pub mod words;

use serde::Serialize;

/// Errors of this crate.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// The embedded dictionary could not be read (a build problem, not an input problem).
    #[error("the embedded Japanese dictionary is unusable: {0}")]
    Dictionary(String),
}

/// A token: a span of the original text and the forms used to count it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Byte offset of the first byte in the text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The surface, lowercased (in Japanese text, its Latin letters).
    pub lower: String,
    /// The form to count by: the Snowball stem (English), the base form
    /// (Japanese; Latin letters lowercased).
    pub term: String,
    /// Part of speech, where the tokenizer knows it.
    pub pos: Option<String>,
    /// A function word (English stop list; Japanese: not a content word).
    pub is_stop: bool,
}

/// Anything that splits text into tokens.
pub trait Tokenizer {
    /// The tokens of `text`, in order.
    fn tokenize(&self, text: &str) -> Vec<Token>;
}
