//! Text primitives for kotoba: file bytes as text (UTF-8 or UTF-16 with a
//! byte-order mark), Unicode normalization with a map back to the
//! original bytes, sentence segmentation for English and Japanese,
//! language identification, the running headers of paged documents, and
//! the furniture of web pages and wire stories.
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
pub mod credits;
pub mod detect;
pub mod encoding;
pub mod normalize;
mod numerals;
pub mod page;
pub mod segment;
pub mod wordlist;

/// The entries of a data file shipped with a crate (word and phrase
/// lists): one a line, trimmed, blank lines and lines opening with `#` left
/// out.
///
/// ```
/// let list = "# heads\nministry\n\n  agency \n";
/// assert_eq!(kotoba_text::data_lines(list).collect::<Vec<_>>(), ["ministry", "agency"]);
/// ```
pub fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// True for a character of Japanese script: kana (half-width too, the
/// long-vowel mark included), kanji and the iteration mark 々.
///
/// ```
/// assert!("貿易ｾｰﾌ々".chars().all(kotoba_text::japanese_script));
/// assert!(!"WTO、".chars().any(kotoba_text::japanese_script));
/// ```
pub fn japanese_script(c: char) -> bool {
    matches!(c as u32,
        0x3005 | 0x3041..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F)
}

/// True for a digit a footnote's number may be written in: ASCII or a
/// superscript (`¹²`).
pub(crate) fn footnote_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹')
}

/// The entries of a data file of kinds (`kind<TAB>phrase` a line, read as
/// [`data_lines`] reads lines): (kind, phrase), the phrase trimmed; a line
/// without a tab is left out.
pub(crate) fn kinded_lines(
    data: &'static str,
) -> impl Iterator<Item = (&'static str, &'static str)> {
    data_lines(data)
        .filter_map(|line| line.split_once('\t'))
        .map(|(kind, phrase)| (kind, phrase.trim()))
}
