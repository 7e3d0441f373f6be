//! Sentence segmentation for English and Japanese.
//!
//! [`split_sentences`] returns byte spans into the original text, trimmed of
//! white space, non-empty and in order; [`sentence_text`] turns a span into
//! the sentence as one line.  Both scanners make a single forward pass and
//! decide each candidate boundary from a small window around it; the rules
//! are described in the `english` and `japanese` modules, and the English
//! abbreviation and word lists are data files in `segment/data/`.
//!
//! ```
//! use kotoba_text::segment::{sentence_text, split_sentences, LineEndHyphens, SegmentLang};
//!
//! let text = "It was a cold \nnight in the city. Mr. Smith dis-\ncussed it.";
//! let hyphens = LineEndHyphens::find(text);
//! let sentences: Vec<String> = split_sentences(text, SegmentLang::English)
//!     .into_iter()
//!     .map(|span| sentence_text(text, span, &hyphens))
//!     .collect();
//! assert_eq!(sentences, ["It was a cold night in the city.", "Mr. Smith discussed it."]);
//! ```

mod abbreviations;
mod english;
mod hyphens;
mod japanese;
mod lists;
mod scan;

pub use hyphens::{HyphenBreak, LineEndHyphens};

/// Which rules to segment with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentLang {
    /// English (and other Latin-script text).
    English,
    /// Japanese (and other text ending sentences with 。！？).
    Japanese,
}

/// A sentence: byte offsets into the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// Splits `text` into sentences: trimmed, non-empty, non-overlapping spans in order.
pub fn split_sentences(text: &str, lang: SegmentLang) -> Vec<SentenceSpan> {
    let text = line_feeds_only(text);
    match lang {
        SegmentLang::English => english::split(&text),
        SegmentLang::Japanese => japanese::split(&text),
    }
}

/// The length of a news dateline opening `line` (white space before it not
/// counted), through its dash and the space after: a place in capitals
/// (`TOKYO`, `NEW YORK`), perhaps a date and an agency in parentheses
/// (`WASHINGTON, Nov. 17 (Reuters)`), then a dash between spaces; or a
/// Japanese one in lenticular or full-width square brackets
/// (`【ワシントン共同】`, `［東京　５日　ロイター］`). A story
/// begins there, so a line opening with one starts a sentence.
///
/// ```
/// use kotoba_text::segment::dateline;
///
/// assert_eq!(dateline("TOKYO (Reuters) - Japan's exports rose."), Some(18));
/// assert_eq!(dateline("【ワシントン共同】日米両政府は"), Some("【ワシントン共同】".len()));
/// assert_eq!(dateline("［東京　５日　ロイター］ - 円は"), Some("［東京　５日　ロイター］".len()));
/// assert_eq!(dateline("Tokyo - Japan's exports rose."), None);
/// assert!(dateline("WASHINGTON/TOKYO (Reuters) ― Talks resumed.").is_some());
/// ```
pub fn dateline(line: &str) -> Option<usize> {
    let body = line.trim_start();
    for (open, shut) in [('【', '】'), ('［', '］')] {
        if let Some(rest) = body.strip_prefix(open) {
            let close = rest.find(shut)?;
            let inside = &rest[..close];
            let ok = !inside.is_empty()
                && inside.chars().count() <= 20
                && !inside.contains(['。', '、', ' ']);
            return ok.then_some(open.len_utf8() + close + shut.len_utf8());
        }
    }
    english_dateline(body).map(|d| d.len)
}

/// An English dateline as [`dateline`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnglishDateline<'a> {
    /// Its length in bytes, through the dash and the space after it.
    pub len: usize,
    /// The place in capitals (`WASHINGTON`, `NEW YORK`).
    pub place: &'a str,
    /// Whether a date or an agency follows the place (`, Nov. 17 (Reuters)`).
    pub dated: bool,
}

/// The English dateline opening `line` (white space before it not
/// counted), with its parts; see [`dateline`].
pub fn english_dateline(line: &str) -> Option<EnglishDateline<'_>> {
    /// The longest dateline head before its dash.
    const HEAD_MAX: usize = 60;
    let body = line.trim_start();
    // Only the head is searched: a segmenter asks at every line.
    let cut = (0..=body.len().min(HEAD_MAX + 5))
        .rev()
        .find(|&i| body.is_char_boundary(i))
        .unwrap_or(0);
    let window = &body[..cut];
    let dash = [" — ", " – ", " ― ", " -- ", " - "]
        .iter()
        .filter_map(|d| window.find(d).map(|i| (i, d.len())))
        .min()?;
    let head = &body[..dash.0];
    if head.len() > HEAD_MAX {
        return None;
    }
    // The place: the words before a comma or parenthesis, all in capitals
    // (`ST. LOUIS`, `WASHINGTON/TOKYO`).
    let place_end = head.find([',', '(']).unwrap_or(head.len());
    let place = head[..place_end].trim();
    let capitals = |w: &str| {
        w.chars().filter(char::is_ascii_alphabetic).count() >= 2
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || matches!(c, '.' | '\'' | '-' | '/'))
    };
    if place.is_empty() || !place.split_whitespace().all(capitals) {
        return None;
    }
    // What follows the place: a date, an agency in parentheses.
    let rest = &head[place_end..];
    rest.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ',' | '.' | '(' | ')' | ' '))
        .then_some(EnglishDateline {
            len: dash.0 + dash.1,
            place,
            dated: !rest.trim().is_empty(),
        })
}

/// `text` with its other line breaks written as line feeds, byte for byte
/// in place so that offsets stay those of `text`: a CR alone (old Mac
/// files) is a `\n`, U+2028 a `\n` and two spaces, U+2029 (a paragraph
/// separator) a blank line. The segmenters read lines at `\n` only: a
/// file ended with CRs was one line, a headline run into the sentence
/// after it (a review found it).
fn line_feeds_only(text: &str) -> std::borrow::Cow<'_, str> {
    let lone_cr = |t: &str| {
        memchr::memchr_iter(b'\r', t.as_bytes()).any(|i| t.as_bytes().get(i + 1) != Some(&b'\n'))
    };
    if !lone_cr(text) && !text.contains(['\u{2028}', '\u{2029}']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() != Some(&'\n') => out.push('\n'),
            '\u{2028}' => out.push_str("\n  "),
            '\u{2029}' => out.push_str("\n\n "),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The line breaks (byte offsets of `\n`) of `text` that wrap a line: the
/// line before is within two characters (four columns, full-width
/// characters counting two) of the widest line of its paragraph, as text
/// wrapped to a column is, however narrow, unless the paragraph has four or
/// more lines ending no sentence and fewer than half of them are that wide
/// (lines of any length: a catalog's messages). A break after a shorter
/// line (a heading, a list item) is none of them.
///
/// ```
/// use kotoba_text::segment::wrapping_line_breaks;
///
/// let text = "見出し\n政府は貿易協議で方針\nを固めた。";
/// assert_eq!(wrapping_line_breaks(text), [text.find("針\n").unwrap_or(0) + 3]);
/// ```
pub fn wrapping_line_breaks(text: &str) -> Vec<usize> {
    japanese::line_breaks_by_width(text, true)
}

/// The line breaks in `text`, as a blank line is found by: LF, CR LF, a CR
/// alone (old Mac files) and U+2028 count one, U+2029 (a paragraph
/// separator) two.
pub fn count_line_breaks(text: &str) -> usize {
    text.char_indices()
        .map(|(i, _)| scan::breaks_at(text, i))
        .sum()
}

/// The lines of `text` as byte ranges of their content (the break left
/// out), each with whether its break ends a paragraph by itself (U+2029).
/// A line ends at LF, CR LF, a CR alone (old Mac files), U+2028 or U+2029.
pub fn line_ranges(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let paragraph = c == '\u{2029}';
        if !(paragraph || matches!(c, '\n' | '\r' | '\u{2028}')) {
            continue;
        }
        out.push((start, i, paragraph));
        start = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
            chars.next();
            start += 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len(), false));
    }
    out
}

/// The gaps between the words of `line` that set apart columns or a
/// table's cells rather than words: three spaces or more, or a tab
/// (`Steel      25.0      38.2`, as a PDF's text sets a table or two
/// columns side by side).
///
/// ```
/// use kotoba_text::segment::wide_gaps;
///
/// assert_eq!(wide_gaps("Steel      25.0\t38.2"), 2);
/// assert_eq!(wide_gaps("  Japan cut  tariffs.  "), 0);
/// ```
pub fn wide_gaps(line: &str) -> usize {
    wide_gaps_in(line.as_bytes())
}

/// [`wide_gaps`] of a line's bytes (a tab counts as three spaces).
fn wide_gaps_in(line: &[u8]) -> usize {
    let mut gaps = 0;
    let mut run = 0;
    for &c in line.trim_ascii() {
        match c {
            b' ' => run += 1,
            b'\t' => run += 3,
            _ => {
                gaps += usize::from(run >= 3);
                run = 0;
            }
        }
    }
    gaps
}

/// The sentence at `span` on one line: each line break, with the white space
/// around it, becomes one space, or nothing between two CJK characters or
/// after a hyphen that breaks a word (of `hyphens`, found in `text`: the
/// hyphen goes too where it was only the wrap's, `sup-⏎ported`).
pub fn sentence_text(text: &str, span: SentenceSpan, hyphens: &LineEndHyphens) -> String {
    let Some(sentence) = text.get(span.start..span.end) else {
        return String::new();
    };
    if !sentence.chars().any(scan::is_line_break) {
        return sentence.to_owned();
    }
    let mut out = String::with_capacity(sentence.len());
    let mut last: Option<char> = None;
    let mut chars = sentence.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_whitespace() {
            out.push(c);
            last = Some(c);
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut line_break = scan::is_line_break(c);
        while let Some(&(j, d)) = chars.peek() {
            if !d.is_whitespace() {
                break;
            }
            line_break |= scan::is_line_break(d);
            end = j + d.len_utf8();
            chars.next();
        }
        if !line_break {
            out.push_str(sentence.get(i..end).unwrap_or(" "));
            continue;
        }
        if let Some(b) = hyphens.at_gap(span.start + i)
            && b.resume == span.start + end
        {
            // Only the hyphen goes (breaks found in another text would
            // take a letter).
            if !b.keep && out.ends_with(['-', '\u{2010}', '\u{ad}']) {
                out.pop();
            }
            continue;
        }
        let next = chars.peek().map(|&(_, d)| d);
        let between_cjk = last.is_some_and(scan::is_cjk) && next.is_some_and(scan::is_cjk);
        if !between_cjk {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A headline on a line of its own ran into the dateline lead under it
    /// in JSON Lines of one paragraph per line (a review found it).
    /// The rows of a table set with bars are sentences of their own: a
    /// header of eight words ran into the first row as wrapped text.
    #[test]
    fn table_rows_are_not_joined() {
        let en = "Product | 2019 volume (t) | Quota (t)\nFlat | 650,000\nCoil | 120,000";
        let spans = split_sentences(en, SegmentLang::English);
        let texts: Vec<&str> = spans.iter().map(|s| &en[s.start..s.end]).collect();
        assert_eq!(
            texts,
            [
                "Product | 2019 volume (t) | Quota (t)",
                "Flat | 650,000",
                "Coil | 120,000"
            ]
        );
    }

    #[test]
    fn a_dateline_starts_a_sentence() {
        let en = "Japan, South Korea agree to talks on Korean steel duties\n\
                  GENEVA (Reuters) - Japan and South Korea agreed to hold talks.";
        assert_eq!(split_sentences(en, SegmentLang::English).len(), 2);
        // After an abbreviation ending the headline too.
        let en = "Japan to cut steel tariffs in deal with U.S.\n\
                  TOKYO (Reuters) - Japan will cut tariffs on U.S. steel. It follows talks.";
        assert_eq!(split_sentences(en, SegmentLang::English).len(), 3);
        let en = "Tariffs are set by the U.S.\n- Japan has quotas.";
        assert_eq!(split_sentences(en, SegmentLang::English).len(), 2);
        let ja = "日米、牛肉関税の引き下げで合意　自動車は対象に\n\
                  【ワシントン共同】日米両政府は1日、関税を引き下げることで合意した。";
        assert_eq!(split_sentences(ja, SegmentLang::Japanese).len(), 2);
        assert_eq!(dateline("WASHINGTON, Nov. 17 (Reuters) - Steel"), Some(32));
        assert_eq!(dateline("The TOKYO - office"), None);
        assert_eq!(dateline("【日米関係、新たな局面へ。専門家は】"), None);
    }

    /// Lines ended by a CR alone (old Mac files) ran together, a headline
    /// into the sentence after it (a review found it).
    #[test]
    fn a_cr_alone_ends_a_line() {
        let text = "Trade talks collapse\r\rnegotiators left the room today.\r";
        let spans = split_sentences(text, SegmentLang::English);
        let found: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            found,
            ["Trade talks collapse", "negotiators left the room today."]
        );
        let ja = "日米貿易交渉、来月開始へ\r\r政府は来月から交渉を始めると発表した。\r";
        let spans = split_sentences(ja, SegmentLang::Japanese);
        assert_eq!(spans.len(), 2);
        // Every line rule reads CR-alone lines as LF lines: a headline on a
        // line of its own, after one CR, the same as after one LF.
        let lf = "Exports fell on Monday, the ministry said in its report.\nTariffs Rise Again\nThe government met.";
        let cr = lf.replace('\n', "\r");
        let ja_lf = "見出し\n政府は貿易協議で方針\nを固めた。\n日米の協議は続いた。";
        let ja_cr = ja_lf.replace('\n', "\r");
        for (a, b, lang) in [
            (lf, cr.as_str(), SegmentLang::English),
            (ja_lf, ja_cr.as_str(), SegmentLang::Japanese),
        ] {
            assert_eq!(split_sentences(a, lang), split_sentences(b, lang), "{b:?}");
        }
        // A paragraph separator is a blank line; a form feed (a PDF's new
        // page) breaks no sentence.
        let ps = "Trade talks collapse\u{2029}negotiators left the room today.";
        assert_eq!(split_sentences(ps, SegmentLang::English).len(), 2);
        let ff = "The agreement cuts tariffs on\n\x0cimported steel.";
        assert_eq!(split_sentences(ff, SegmentLang::English).len(), 1);
        assert_eq!(count_line_breaks("a\r\nb\rc\nd\x0c"), 3);
        assert_eq!(count_line_breaks("\u{2029}"), 2);
        assert_eq!(
            line_ranges("ab\r\ncd\ref\u{2029}g\x0ch"),
            [(0, 2, false), (4, 6, false), (7, 9, true), (12, 15, false)]
        );
    }

    fn texts(text: &str, lang: SegmentLang) -> Vec<String> {
        split_sentences(text, lang)
            .into_iter()
            .map(|s| sentence_text(text, s, &LineEndHyphens::find(text)))
            .collect()
    }

    #[test]
    fn sentence_text_joins_lines() {
        assert_eq!(
            texts("It was a cold \nnight in the city.", SegmentLang::English),
            ["It was a cold night in the city."]
        );
        assert_eq!(
            texts("これは父の\n家です。", SegmentLang::Japanese),
            ["これは父の家です。"]
        );
        assert_eq!(
            texts("日本の\n GDP です。", SegmentLang::Japanese),
            ["日本の GDP です。"]
        );
        let text = "a  b\r\n\tc";
        let span = SentenceSpan {
            start: 0,
            end: text.len(),
        };
        assert_eq!(
            sentence_text(text, span, &LineEndHyphens::find(text)),
            "a  b c"
        );
    }

    #[test]
    fn sentence_text_mends_words_broken_at_line_ends() {
        assert_eq!(
            texts(
                "Exports of semi-\nconductors were sup-\nported by a long-\nterm plan. The\nsemiconductor makers -\nagreed.",
                SegmentLang::English
            ),
            [
                "Exports of semiconductors were supported by a long-term plan.",
                "The semiconductor makers - agreed."
            ]
        );
    }

    #[test]
    fn sentence_text_bad_spans() {
        let text = "これ";
        let none = LineEndHyphens::default();
        assert_eq!(
            sentence_text(text, SentenceSpan { start: 1, end: 3 }, &none),
            ""
        );
        assert_eq!(
            sentence_text(text, SentenceSpan { start: 0, end: 99 }, &none),
            ""
        );
        assert_eq!(
            sentence_text(text, SentenceSpan { start: 3, end: 0 }, &none),
            ""
        );
    }

    #[test]
    fn empty_and_blank_text() {
        for lang in [SegmentLang::English, SegmentLang::Japanese] {
            assert!(split_sentences("", lang).is_empty());
            assert!(split_sentences(" \n\n\t ", lang).is_empty());
        }
    }

    #[test]
    fn blank_line_always_ends_a_sentence() {
        for lang in [SegmentLang::English, SegmentLang::Japanese] {
            let text = "Dr.\n\nSmith went to the U.S. \n \nGovernment";
            assert_eq!(
                texts(text, lang),
                ["Dr.", "Smith went to the U.S.", "Government"],
                "{lang:?}"
            );
        }
    }

    /// Every byte string cut to valid UTF-8, in both languages: spans must be
    /// trimmed, non-empty, ordered and on character boundaries.
    #[test]
    fn spans_are_well_formed_on_assorted_input() {
        let pieces = [
            "Mr.", " ", "\n", "\n\n", ".", "...", ". . .", "!", "?", "”", "“", "\"", "'", "(", ")",
            "「", "」", "。", "U.S.", "a", "The", "1.", "2)", "•", "⁃", "３．", "$", "1,000", "@",
            "//", "é", "\u{3000}", "\r", "N°",
        ];
        let mut seed: u32 = 12345;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 12) {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            for lang in [SegmentLang::English, SegmentLang::Japanese] {
                let mut last = 0;
                for s in split_sentences(&text, lang) {
                    assert!(s.start >= last && s.start < s.end, "{text:?} {lang:?}");
                    let sentence = text.get(s.start..s.end).expect("char boundaries");
                    assert_eq!(sentence, sentence.trim(), "{text:?} {lang:?}");
                    last = s.end;
                    let _ = sentence_text(&text, s, &LineEndHyphens::find(&text));
                }
            }
        }
    }
}
