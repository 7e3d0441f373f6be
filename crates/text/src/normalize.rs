//! Unicode NFKC normalization that remembers where every normalized byte came
//! from, so spans found in normalized text map back to the original.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// Normalized text plus a map back to the original byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The NFKC text.
    pub text: String,
    /// For every byte boundary `i` of `text` (0..=len), the original offset it
    /// comes from. Bytes produced from one original unit map to its start.
    map: Vec<usize>,
    original_len: usize,
}

impl Normalized {
    /// Maps a byte range of the normalized text to the original text.
    ///
    /// The end maps to the end of the original unit that produced the last
    /// normalized byte, so a span never cuts an original character.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let start = self.map.get(start).copied().unwrap_or(self.original_len);
        let end = if end == 0 {
            0
        } else {
            // The end of the unit holding byte end-1: the next unit's start.
            let unit_start = self.map.get(end - 1).copied().unwrap_or(self.original_len);
            let next = self.map.partition_point(|&o| o <= unit_start);
            self.map.get(next).copied().unwrap_or(self.original_len)
        };
        (start, end.max(start))
    }
}

/// NFKC-normalizes `text` (full-width Latin to ASCII, half-width kana to
/// full-width, compatibility ligatures expanded, …) with an offset map.
///
/// ```
/// use kotoba_text::normalize::nfkc;
///
/// let original = "ＷＴＯの ｾｰﾌｶﾞｰﾄﾞ";
/// let n = nfkc(original);
/// assert_eq!(n.text, "WTOの セーフガード");
/// let at = n.text.find("セーフガード").unwrap_or(0);
/// let (s, e) = n.to_original(at, n.text.len());
/// assert_eq!(&original[s..e], "ｾｰﾌｶﾞｰﾄﾞ");
/// ```
pub fn nfkc(text: &str) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut chars = text.char_indices().peekable();
    while let Some((start, _)) = chars.next() {
        // A unit is a character plus every following one that NFKC may join
        // to it (combining marks, half-width voicing marks, Hangul jamo).
        let mut end = text.len();
        while let Some(&(next, c)) = chars.peek() {
            if joins_previous(c) {
                chars.next();
            } else {
                end = next;
                break;
            }
        }
        if chars.peek().is_none() {
            end = text.len();
        }
        let before = out.len();
        out.extend(text[start..end].nfkc());
        map.extend(std::iter::repeat_n(start, out.len() - before));
    }
    map.push(text.len());
    Normalized {
        text: out,
        map,
        original_len: text.len(),
    }
}

fn joins_previous(c: char) -> bool {
    if canonical_combining_class(c) != 0 {
        return true;
    }
    let first = c.nfkd().next().unwrap_or(c);
    canonical_combining_class(first) != 0 || matches!(c as u32, 0x1160..=0x11FF | 0xFF9E | 0xFF9F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back_through_width_and_voicing() {
        let original = "円高（ｴﾝﾀﾞｶ）とＧＡＴＴ";
        let n = nfkc(original);
        assert_eq!(n.text, "円高(エンダカ)とGATT");
        let at = n.text.find("GATT").unwrap_or(0);
        let (s, e) = n.to_original(at, at + 4);
        assert_eq!(&original[s..e], "ＧＡＴＴ");
        let at = n.text.find("ダ").unwrap_or(0);
        let (s, e) = n.to_original(at, at + "ダ".len());
        assert_eq!(&original[s..e], "ﾀﾞ");
    }

    #[test]
    fn identity_on_ascii() {
        let n = nfkc("trade surplus");
        assert_eq!(n.text, "trade surplus");
        assert_eq!(n.to_original(6, 13), (6, 13));
    }

    #[test]
    fn expansion_maps_to_whole_unit() {
        let original = "a㍿b";
        let n = nfkc(original);
        assert_eq!(n.text, "a株式会社b");
        let at = n.text.find("式").unwrap_or(0);
        let (s, e) = n.to_original(at, at + "式".len());
        assert_eq!(&original[s..e], "㍿");
    }
}
