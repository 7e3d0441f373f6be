//! Tokenizers for kotoba, all behind one [`Tokenizer`] trait that yields
//! [`Token`]s with byte spans into the original text:
//! - [`words::WordTokenizer`]: UAX #29 words, lowercase, Snowball stems, English stop words;
//! - [`japanese::JapaneseTokenizer`]: morphemes from an embedded IPADIC, with
//!   MeCab's segmentation and features (with the `embedded-ipadic` feature,
//!   on by default: see [Features](#features));
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
//!
//! # Features
//!
//! - `embedded-ipadic` (on by default): embeds the IPADIC that `cargo xtask
//!   prepare` compiles (about 46 MB) for [`japanese::JapaneseTokenizer`]. The
//!   build then needs that dictionary: in the kotoba workspace run `cargo
//!   xtask prepare` once; from another project, set `KOTOBA_IPADIC_DIR` to
//!   the absolute path of the workspace's `target/kotoba-ipadic`. Without the
//!   feature (`default-features = false`) the crate builds with nothing
//!   prepared and embeds nothing: English words, stems and stop words and CJK
//!   bigrams work as before, and [`japanese::JapaneseTokenizer::new`] returns
//!   [`Error::NotEmbedded`].

pub mod cjk;
pub mod japanese;
pub mod words;

use serde::Serialize;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Errors of this crate.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The embedded dictionary could not be read (a build problem, not an input problem).
    #[error("the embedded Japanese dictionary is unusable: {0}")]
    Dictionary(String),
    /// There is no Japanese dictionary: the crate was built without its
    /// `embedded-ipadic` feature (see [Features](crate#features)).
    #[error(
        "no Japanese dictionary: kotoba-tokenize was built without its `embedded-ipadic` feature; \
         to read Japanese, turn that feature on (it is on by default, and the kotoba crates that \
         use kotoba-tokenize pass it on) and build with IPADIC prepared (`cargo xtask prepare` \
         in the kotoba workspace, or KOTOBA_IPADIC_DIR)"
    )]
    NotEmbedded,
}

/// A token: a span of the original text and the forms used to count it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Byte offset of the first byte in the text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The surface folded by [`fold`]: NFKC, invisible characters removed,
    /// lowercase (`ＷＴＯ` → `wto`).
    pub lower: String,
    /// The form to count by, folded like `lower`: the Snowball stem
    /// (English; an abbreviation with inner periods as it is, `u.s.`), the
    /// base form (Japanese).
    pub term: String,
    /// Part of speech, where the tokenizer knows it.
    pub pos: Option<String>,
    /// A function word (English stop list; Japanese: not a content word).
    pub is_stop: bool,
}

/// True for a character that is not seen in text (Unicode's
/// Default_Ignorable_Code_Point): the soft hyphen, zero-width spaces and
/// joiners, bidirectional marks, variation selectors, the byte-order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F |
        0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F |
        0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A |
        0xE0000..=0xE0FFF)
}

/// The form `lower` and `term` are made of: NFKC (full-width Latin is
/// ASCII, half-width kana full-width), [`is_invisible`] characters
/// removed, lowercase (`ＷＴＯ` → `wto`, `tariffs\u{AD}` → `tariffs`).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let visible = !s.chars().any(is_invisible);
    if visible && is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        return s.to_lowercase();
    }
    let normal: String = s.chars().filter(|&c| !is_invisible(c)).nfkc().collect();
    // Filtered again: NFKC may map a character to an invisible one.
    normal
        .chars()
        .filter(|&c| !is_invisible(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Anything that splits text into tokens.
pub trait Tokenizer {
    /// The tokens of `text`, in order.
    fn tokenize(&self, text: &str) -> Vec<Token>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_is_nfkc_lowercase_without_invisible_characters() {
        assert_eq!(fold("ＷＴＯ"), "wto");
        assert_eq!(fold("WTO"), "wto");
        assert_eq!(fold("tariffs\u{AD}"), "tariffs");
        assert_eq!(fold("trade\u{200B}\u{2060}"), "trade");
        assert_eq!(fold("\u{FEFF}ｾｰﾌｶﾞｰﾄﾞ"), "セーフガード");
        assert_eq!(fold("Japan’s"), "japan’s");
        assert_eq!(fold("貿易"), "貿易");
        assert_eq!(fold(""), "");
    }
}
