//! Text primitives for kotoba: file bytes as text (UTF-8 or UTF-16 with a
//! byte-order mark), Unicode normalization with a map back to the
//! original bytes, sentence segmentation for English and Japanese,
//! language identification, and the running headers of paged documents.
//!
//! ```
//! use kotoba_text::segment::{split_sentences, SegmentLang};
//!
//! let text = "I live in the U.S. How about you?";
//! let spans = split_sentences(text, SegmentLang::English);
//! let sentences: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
//! assert_eq!(sentences, ["I live in the U.S.", "How about you?"]);
//! ```

pub mod boilerplate;
pub mod detect;
pub mod encoding;
pub mod normalize;
pub mod segment;
