//! Small helpers shared by the English and Japanese scanners.  Every helper
//! takes byte offsets and returns `None`/`0`/`false` rather than panicking
//! when an offset is out of range or not on a character boundary.

use super::SentenceSpan;

/// The byte at `i`, or 0 past the end.
#[inline]
pub(super) fn byte(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

/// The character starting at byte `i`.
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The character ending just before byte `i`.
#[inline]
pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Length in bytes of the white-space character at `i` (0 if there is none).
#[inline]
pub(super) fn ws_len(text: &str, i: usize) -> usize {
    match text.as_bytes().get(i) {
        Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => 1,
        Some(&b) if b >= 0x80 => match char_at(text, i) {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        },
        _ => 0,
    }
}

/// The first offset at or after `i` that is not white space.
pub(super) fn skip_ws(text: &str, mut i: usize) -> usize {
    loop {
        let n = ws_len(text, i);
        if n == 0 {
            return i.min(text.len());
        }
        i += n;
    }
}

/// Whether the character before `i` is white space (or `i` is the start).
pub(super) fn ws_before(text: &str, i: usize) -> bool {
    char_before(text, i).is_none_or(char::is_whitespace)
}

/// Whether `c` is a line break.
#[inline]
pub(super) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Scans the white space starting at `i`: returns where it ends and whether
/// it holds a blank line (two line breaks with only white space between).
pub(super) fn skip_ws_counting_lines(text: &str, mut i: usize) -> (usize, bool) {
    let mut breaks = 0;
    loop {
        let n = ws_len(text, i);
        if n == 0 {
            return (i.min(text.len()), breaks >= 2);
        }
        if text.as_bytes().get(i) == Some(&b'\n') {
            breaks += 1;
        }
        i += n;
    }
}

/// The line breaks the character at `i` makes: one for LF, a CR alone (old
/// Mac files), CR LF (counted at its LF) and U+2028; two, a blank line's
/// worth, for a paragraph separator (U+2029). A form feed makes none: text
/// from PDFs has one where a page begins, often inside a sentence.
pub(super) fn breaks_at(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    match bytes.get(i) {
        Some(b'\n') => 1,
        Some(b'\r') => usize::from(bytes.get(i + 1) != Some(&b'\n')),
        Some(0xe2) => match char_at(text, i) {
            Some('\u{2028}') => 1,
            Some('\u{2029}') => 2,
            _ => 0,
        },
        _ => 0,
    }
}

/// Pushes `text[start..end]` without surrounding white space, if anything is left.
pub(super) fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<SentenceSpan>) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = start + lead;
        out.push(SentenceSpan {
            start,
            end: start + trimmed.len(),
        });
    }
}

/// Chinese, Japanese and Korean characters and their punctuation, which are
/// written without spaces between them.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11ff}'     // Hangul Jamo
        | '\u{2e80}'..='\u{2fdf}'   // CJK radicals
        | '\u{3000}'..='\u{303f}'   // CJK symbols and punctuation
        | '\u{3040}'..='\u{30ff}'   // Hiragana, Katakana
        | '\u{3100}'..='\u{31ff}'   // Bopomofo .. Katakana extensions
        | '\u{3200}'..='\u{33ff}'   // enclosed CJK, compatibility
        | '\u{3400}'..='\u{4dbf}'   // CJK extension A
        | '\u{4e00}'..='\u{9fff}'   // CJK unified ideographs
        | '\u{ac00}'..='\u{d7af}'   // Hangul syllables
        | '\u{f900}'..='\u{faff}'   // CJK compatibility ideographs
        | '\u{fe30}'..='\u{fe4f}'   // CJK compatibility forms
        | '\u{ff00}'..='\u{ffef}'   // half- and full-width forms
        | '\u{20000}'..='\u{3134f}' // CJK extensions B..G
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_never_panic_off_boundaries() {
        let t = "a。b";
        assert_eq!(char_at(t, 2), None);
        assert_eq!(char_before(t, 2), None);
        assert_eq!(char_at(t, 99), None);
        assert_eq!(ws_len(t, 99), 0);
        assert_eq!(byte(t.as_bytes(), 99), 0);
        assert_eq!(skip_ws(t, 99), t.len());
    }

    #[test]
    fn trims_and_skips_empty() {
        let t = "  ab \n ";
        let mut out = Vec::new();
        push_trimmed(t, 0, t.len(), &mut out);
        push_trimmed(t, 4, t.len(), &mut out);
        push_trimmed(t, 3, 99, &mut out);
        assert_eq!(out, [SentenceSpan { start: 2, end: 4 }]);
    }

    #[test]
    fn blank_lines() {
        assert_eq!(skip_ws_counting_lines("a \n \r\n b", 1), (7, true));
        assert_eq!(skip_ws_counting_lines("a \n b", 1), (4, false));
        assert_eq!(skip_ws_counting_lines("a\u{3000}b", 1), (4, false));
    }
}
