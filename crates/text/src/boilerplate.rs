//! Running headers and footers: the lines a document converted from pages
//! (a PDF report, a printed form) repeats on every page. Counted as text
//! they inflate the words in them, and chosen as sentences they make poor
//! summaries.
//!
//! A line is running when it stands [`MIN_TIMES`] times or more in a
//! document and has [`MIN_WORDS`] words or more, or [`MIN_CJK_CHARS`]
//! characters or more of a script written without spaces (a Japanese
//! header).
//!
//! A header that carries its page number (`White Paper on Trade 2023   3`,
//! `TRADE POLICY REVIEW: JAPANLAND   Page 14`, `通商白書　第２章　－ 45 －`)
//! differs on every page, so a line is also compared with the page number
//! at its start or end set aside ([`page_number`] says which forms count).
//! Lines so alike run when they stand [`MIN_TIMES`] times or more and each
//! number is marked as a page's (`Page 3`, `p. 3`, `- 3 -`, `3 / 40`), or
//! the bare ones (`3`, `iv`, `3 of 40`, after two spaces or more or a
//! full-width one) rise from line to line. A sentence ending in a number is
//! no header: one space sets a bare number apart, and a year is no bare
//! page number.
//!
//! ```
//! use kotoba_text::boilerplate::{RunningLines, without_running_lines};
//!
//! let text = "Annual Trade Report 1993\nExports rose.\n\
//!             Annual Trade Report 1993\nImports fell.\n\
//!             Annual Trade Report 1993\nThe surplus grew.\n";
//! let mut running = RunningLines::find(text);
//! assert!(running.contains("Annual Trade Report 1993"));
//! assert!(!running.contains("Exports rose."));
//! // The first time a running line stands it is no repeat; later times are.
//! assert!(!running.repeat("Annual Trade Report 1993"));
//! assert!(running.repeat("Annual Trade Report 1993"));
//!
//! // Blanked out with spaces, offsets kept: all of them, or all but the first.
//! let blank = without_running_lines(text, false);
//! assert_eq!(blank.len(), text.len());
//! assert!(!blank.contains("Annual"));
//! assert_eq!(without_running_lines(text, true).matches("Annual").count(), 1);
//! ```

use std::borrow::Cow;
use std::collections::HashMap;

/// A line counts as running when it has at least this many words …
pub const MIN_WORDS: usize = 3;
/// … or at least this many Han, kana or Hangul characters …
pub const MIN_CJK_CHARS: usize = 8;
/// … and stands at least this many times in one document.
pub const MIN_TIMES: usize = 3;

/// True when a trimmed line is long enough to count as running.
fn eligible(line: &str) -> bool {
    line.split_whitespace().nth(MIN_WORDS - 1).is_some()
        || line
            .chars()
            .filter(|&c| written_without_spaces(c))
            .nth(MIN_CJK_CHARS - 1)
            .is_some()
}

/// Han, kana and Hangul: scripts whose lines have few or no spaces.
fn written_without_spaces(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}' | '\u{ff66}'..='\u{ff9f}' | '\u{ac00}'..='\u{d7af}')
}

/// `text` with its running lines' bytes turned into spaces (line breaks
/// kept, so offsets and sentence boundaries stay where they were); with
/// `keep_first`, each running line's first occurrence stays.
pub fn without_running_lines(text: &str, keep_first: bool) -> Cow<'_, str> {
    let mut running = RunningLines::find(text);
    if running.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let blank = if keep_first {
            running.repeat(body)
        } else {
            running.contains(body)
        };
        if blank {
            out.extend(std::iter::repeat_n(' ', body.len()));
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// The running lines of one document (compared with surrounding white
/// space trimmed, and with a page number at their start or end set aside),
/// each with whether it has been met yet.
#[derive(Debug, Clone, Default)]
pub struct RunningLines<'a> {
    met: HashMap<&'a str, bool>,
}

/// Lines alike but for their page numbers, as [`RunningLines::find`] meets
/// them.
#[derive(Debug, Default)]
struct Numbered {
    times: usize,
    /// Whether a number stood bare (`…   3`), not marked as a page's.
    bare: bool,
    /// Whether each number was greater than the one before.
    rising: bool,
    last: Option<u32>,
}

impl<'a> RunningLines<'a> {
    /// Finds the running lines of `text` (see the module's documentation).
    pub fn find(text: &'a str) -> RunningLines<'a> {
        let mut times: HashMap<&str, usize> = HashMap::new();
        let mut numbered: HashMap<&str, Numbered> = HashMap::new();
        for line in text.lines() {
            let line = line.trim();
            if eligible(line) {
                *times.entry(line).or_default() += 1;
            }
            if let Some((rest, number)) = without_page_number(line)
                && eligible(rest)
            {
                let group = numbered.entry(rest).or_insert(Numbered {
                    rising: true,
                    ..Numbered::default()
                });
                group.times += 1;
                group.bare |= !number.marked;
                group.rising &= group.last.is_none_or(|last| number.value > last);
                group.last = Some(number.value);
            }
        }
        let numbered = numbered
            .into_iter()
            .filter(|(_, g)| g.times >= MIN_TIMES && (!g.bare || g.rising))
            .map(|(line, _)| line);
        let met = times
            .into_iter()
            .filter(|&(_, n)| n >= MIN_TIMES)
            .map(|(line, _)| line)
            .chain(numbered)
            .map(|line| (line, false))
            .collect();
        RunningLines { met }
    }

    /// True when the document has no running lines.
    pub fn is_empty(&self) -> bool {
        self.met.is_empty()
    }

    /// The key `line` is known by: itself trimmed when it runs as it is,
    /// else without its page number when that runs.
    fn key<'l>(&self, line: &'l str) -> Option<&'l str> {
        let line = line.trim();
        if self.met.contains_key(line) {
            return Some(line);
        }
        without_page_number(line)
            .map(|(rest, _)| rest)
            .filter(|rest| self.met.contains_key(rest))
    }

    /// True when `line` (trimmed, its page number set aside) is a running
    /// line.
    pub fn contains(&self, line: &str) -> bool {
        self.key(line).is_some()
    }

    /// True when `line` (trimmed, its page number set aside) is a running
    /// line met before; the first time it is met it is marked and false is
    /// returned, so a caller that skips repeats keeps one copy.
    pub fn repeat(&mut self, line: &str) -> bool {
        let Some(key) = self.key(line) else {
            return false;
        };
        match self.met.get_mut(key) {
            Some(seen) => std::mem::replace(seen, true),
            None => false,
        }
    }
}

/// A page number as [`page_number`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageNumber {
    /// The page's number (a Roman numeral's value).
    pub value: u32,
    /// Whether it is marked as a page's (`Page 3`, `p. 3`, `- 3 -`,
    /// `3 / 40`), not a bare number (`3`, `iv`, `3 of 40`).
    pub marked: bool,
}

/// The longest a page number's form is, in bytes (`－ ４５ －` is 14).
const MAX_PAGE_NUMBER: usize = 32;

/// `s` (trimmed) read as a page number alone: `3`, `３`, `iv`, `Page 3`,
/// `PAGE 3 of 40`, `p. 3`, `- 3 -`, `－ ３ －`, `– 3 –`, `3 / 40`, `3 of 40`
/// (bare, as `3` is). A bare number of more than four digits, or one that
/// could be a year (1900 to 2100), is none.
pub fn page_number(s: &str) -> Option<PageNumber> {
    let s = s.trim();
    if s.len() > MAX_PAGE_NUMBER {
        return None;
    }
    // `- 3 -` and its full-width and en-dash kin.
    for dash in ['-', '－', '–', '—'] {
        if let Some(inner) = s
            .strip_prefix(dash)
            .and_then(|rest| rest.strip_suffix(dash))
        {
            return numeral(inner.trim()).map(|value| PageNumber {
                value,
                marked: true,
            });
        }
    }
    // `Page 3`, `p. 3`, with `of 40` or `/ 40` after it or not.
    for label in ["page", "p."] {
        if let Some(head) = s.get(..label.len())
            && head.eq_ignore_ascii_case(label)
        {
            let rest = &s[label.len()..];
            // `Pages`, `pay`: a word, not the label.
            if label == "page" && !rest.starts_with(char::is_whitespace) {
                return None;
            }
            return of_total(rest.trim_start())
                .or_else(|| numeral(rest.trim_start()))
                .map(|value| PageNumber {
                    value,
                    marked: true,
                });
        }
    }
    // `3 / 40` marks a page; `3 of 40` could end a sentence, so it stands
    // as a bare number does.
    if let Some(value) = of_total(s) {
        return Some(PageNumber {
            value,
            marked: !s.contains(" of "),
        });
    }
    let value = numeral(s)?;
    let year = s.chars().count() == 4 && (1900..=2100).contains(&value);
    (!year && s.chars().count() <= 4).then_some(PageNumber {
        value,
        marked: false,
    })
}

/// `3 / 40`, `3/40` or `3 of 40` (the page no greater than the total): the
/// page's number.
fn of_total(s: &str) -> Option<u32> {
    let (page, total) = s
        .split_once('/')
        .or_else(|| s.split_once(" of "))
        .or_else(|| s.split_once('／'))?;
    let (page, total) = (number(page.trim())?, number(total.trim())?);
    (page <= total).then_some(page)
}

/// Digits or a Roman numeral in lower case, as a number.
fn numeral(s: &str) -> Option<u32> {
    number(s).or_else(|| roman(s))
}

/// Digits alone (ASCII or full-width, up to six) as a number.
fn number(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 6 {
        return None;
    }
    s.chars().try_fold(0u32, |n, c| {
        let digit = match c {
            '0'..='9' => c.to_digit(10),
            '０'..='９' => Some(c as u32 - '０' as u32),
            _ => None,
        }?;
        Some(n * 10 + digit)
    })
}

/// A Roman numeral in lower case (`iv`, `xii`; up to `ccclxxxix`), written
/// the usual way: `iiii` and `ic` are none.
fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b"ivxlc".contains(&b)) {
        return None;
    }
    crate::numerals::roman_value(s.to_ascii_uppercase().as_bytes())
}

/// True when the white space `gap` sets a bare number apart from a line's
/// text as a header does: two spaces or more, a tab, or a full-width space.
fn wide(gap: &str) -> bool {
    gap.chars().count() >= 2 || gap.contains(['\t', '\u{3000}'])
}

/// A trimmed `line` less a page number at its end, else at its start (see
/// [`page_number`]): the rest, trimmed, and the number. A bare number must
/// stand apart from the rest by a [`wide`] gap, so `Exports rose in 1993`
/// or `1. Export controls` keep theirs.
fn without_page_number(line: &str) -> Option<(&str, PageNumber)> {
    let gaps = || {
        line.char_indices()
            .filter(|&(i, c)| c.is_whitespace() && !line[..i].ends_with(char::is_whitespace))
            .map(|(i, _)| {
                let end = line[i..]
                    .find(|c: char| !c.is_whitespace())
                    .map_or(line.len(), |n| i + n);
                (i, end)
            })
    };
    let fits = |gap: &str, number: PageNumber| number.marked || wide(gap);
    // At the end: the longest form that reads (`Page 3 of 40`, not `40`).
    let tail = line.len().saturating_sub(MAX_PAGE_NUMBER + 4);
    let end = gaps()
        .filter(|&(start, _)| start >= tail)
        .find_map(|(start, end)| {
            let number = page_number(&line[end..])?;
            fits(&line[start..end], number).then(|| (line[..start].trim(), number))
        });
    // At the start: likewise the longest.
    let start = || {
        gaps()
            .take_while(|&(start, _)| start <= MAX_PAGE_NUMBER + 4)
            .filter_map(|(start, end)| {
                let number = page_number(&line[..start])?;
                fits(&line[start..end], number).then(|| (line[end..].trim(), number))
            })
            .last()
    };
    end.or_else(start).filter(|(rest, _)| !rest.is_empty())
}

/// `text` with each page break that falls inside a sentence made one line
/// break, as a wrap (`強靱なサプライ⏎⏎－ 13 －⏎⏎チェーンの構築`,
/// `semi-⏎⏎- 13 -⏎⏎conductors`). A page break is a run of lines between
/// two lines of text that are blank, page numbers alone (`－ 13 －`,
/// `Page 3`, `13`: [`page_number`]) or form feeds, with a page's mark among
/// them (a page number, a form feed, or a running line
/// [`without_running_lines`] blanked out: eight spaces or more, or a
/// header with its page number, `Japan Trade Review 2023   13`, alone before
/// a blank line where the prose before runs on or the text after goes on in
/// lowercase) and a blank
/// line or form feed (a lone figure between lines is a table's). Where the
/// line before ends no sentence, the run becomes spaces but for the line
/// break right before the text goes on. Offsets are kept; borrowed when
/// there is nothing to join.
///
/// ```
/// use kotoba_text::boilerplate::without_page_breaks;
///
/// let text = "強靱なサプライ\n\n－ 13 －\n\nチェーンの構築。";
/// let joined = without_page_breaks(text);
/// assert_eq!(joined.len(), text.len());
/// assert_eq!(joined.replace(' ', ""), "強靱なサプライ\nチェーンの構築。");
/// ```
pub fn without_page_breaks(text: &str) -> Cow<'_, str> {
    if !text.contains('\n') {
        return Cow::Borrowed(text);
    }
    // Byte ranges to blank, each with where its one kept line break goes.
    let mut joins: Vec<(usize, usize, usize)> = Vec::new();
    // The end of the last line of text, whether it ends a sentence, and
    // whether it runs on as prose ([`runs_on`]).
    let mut last: Option<(usize, bool, bool)> = None;
    // Whether a page number, form feed or page's header stood since.
    let mut page_mark = false;
    // Blank lines or form feeds since: a page number between lines of text
    // without them is more likely a table's figure.
    let mut apart = false;
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line.trim_end_matches(['\n', '\r'])))
        })
        .collect();
    for (n, &(start, content)) in lines.iter().enumerate() {
        let trimmed = content.trim();
        // A form feed opening this line starts its page (pdftotext's way).
        let lead = content.len() - content.trim_start().len();
        let page_starts = content[..lead].contains('\u{c}');
        if trimmed.is_empty() || page_number(trimmed).is_some() {
            let feed = content.contains('\u{c}');
            // A running header blanked out before (eight spaces or more)
            // marks a page too.
            let header = trimmed.is_empty() && content.len() >= 8;
            page_mark |= !trimmed.is_empty() || feed || header;
            apart |= trimmed.is_empty() || feed;
            continue;
        }
        // A page's header with its number (`Japan Trade Review 2023   13`,
        // `Title / Page 13`), standing twice only or varying, so that no
        // running line took it: alone between the page's break and a blank
        // line, inside a sentence that plainly goes on (a review found it
        // spliced into one).
        if let Some((_, ends_sentence, prose)) = last
            && !ends_sentence
            && (apart || page_starts)
            && page_header(trimmed)
            && lines
                .get(n + 1)
                .is_none_or(|(_, next)| next.trim().is_empty())
            && (prose || next_text_in_lowercase(&lines[n + 1..]))
        {
            page_mark = true;
            apart = true;
            continue;
        }
        if let Some((end, ends_sentence, _)) = last
            && (page_mark || page_starts)
            && (apart || page_starts)
            && !ends_sentence
        {
            // The line break kept is the one ending the line before this.
            joins.push((end, start, start.saturating_sub(1)));
        }
        let text_end = start + content.trim_end().len();
        let ends_sentence = content.trim_end().ends_with([
            '.', '!', '?', ':', ';', '。', '．', '！', '？', '」', '』', '）', ')', '：',
        ]);
        last = Some((text_end, ends_sentence, runs_on(trimmed)));
        page_mark = false;
        apart = false;
    }
    if joins.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (start, end, keep) in joins {
        let (Some(before), Some(gap)) = (text.get(from..start), text.get(start..end)) else {
            continue;
        };
        out.push_str(before);
        for (i, c) in gap.char_indices() {
            if start + i == keep && c == '\n' {
                out.push('\n');
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
        }
        from = end;
    }
    out.push_str(text.get(from..).unwrap_or(""));
    Cow::Owned(out)
}

/// Most words of a page's header besides its number.
const HEADER_WORDS: usize = 12;

/// True when a line reads as a page's header or footer with its number: a
/// page number at its start or end ([`without_page_number`]: marked, or
/// bare after a wide gap) and at most [`HEADER_WORDS`] words with a letter
/// besides, no sentence's end among them.
fn page_header(line: &str) -> bool {
    without_page_number(line).is_some_and(|(rest, _)| {
        let rest = rest
            .trim_end_matches(['/', '|', '-', '–', '—', '·'])
            .trim_end();
        rest.chars().any(char::is_alphabetic)
            && rest.split_whitespace().count() <= HEADER_WORDS
            && !rest.ends_with(['.', '!', '?', '。'])
    })
}

/// Fewest words of a line of prose that runs on past its end.
const PROSE_WORDS: usize = 6;

/// True when a line is prose that plainly runs on into the next: of
/// [`PROSE_WORDS`] words or more, ending in a lowercase letter, a comma or
/// a hyphen (`… members raised questions about its`); a heading or a table
/// of contents ends otherwise.
fn runs_on(line: &str) -> bool {
    line.split_whitespace().nth(PROSE_WORDS - 1).is_some()
        && line.ends_with(|c: char| c.is_lowercase() || matches!(c, ',' | '-' | '、'))
}

/// True when the first line of text among `lines` opens in lowercase, as
/// a sentence's rest does.
fn next_text_in_lowercase(lines: &[(usize, &str)]) -> bool {
    lines
        .iter()
        .map(|(_, l)| l.trim())
        .find(|l| !l.is_empty())
        .and_then(|l| l.chars().next())
        .is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str) -> String {
        let out = without_page_breaks(text);
        assert_eq!(out.len(), text.len(), "{text:?}");
        // Spaces aside, to read.
        out.split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A page's header with its number, standing on two pages only, had
    /// been spliced into the sentence the page break cut (an analyst's
    /// review); a table of contents and headings keep their lines.
    #[test]
    fn headers_with_page_numbers_inside_sentences_go() {
        let prose = "The tariff is high. Japan has not notified any changes\n\
                     since 1999, and members raised questions about its\n";
        for header in [
            "\u{c}Japan Trade Review 2023          13\n\n",
            "\nJapan Trade Review 2023 / Page 13\n\n",
            "\n\u{c}Page 13 of 40     Japan Trade Review\n\n",
        ] {
            let text = format!("{prose}{header}administration during the review.");
            assert_eq!(
                joined(&text),
                "The tariff is high. Japan has not notified any changes\n\
                 since 1999, and members raised questions about its\n\
                 administration during the review.",
                "{header:?}"
            );
        }
        for text in [
            "1 Introduction\n\nExport controls          3\n\nTariffs          5\n\nThe end.",
            "Overview\n\nTrade in 2023          13\n\nJapan's exports rose.",
        ] {
            assert_eq!(joined(text), text.replace('\u{c}', " "), "{text:?}");
        }
    }

    #[test]
    fn page_breaks_inside_sentences_become_line_breaks() {
        assert_eq!(
            joined("強靱なサプライ\n\n－ 13 －\n\nチェーンの構築。"),
            "強靱なサプライ\nチェーンの構築。"
        );
        assert_eq!(
            joined("export of semi-\n\n- 13 -\n\nconductors"),
            "export of semi-\nconductors"
        );
        assert_eq!(
            joined("the export\n\nPage 4\n\u{c}\ncontrols"),
            "the export\ncontrols"
        );
        assert_eq!(
            joined("the export\n\n\u{c}controls"),
            "the export\ncontrols"
        );
        // A running header, blanked out, between the pages.
        let text = "Trade 2023 page header\nExports of steel\n\nTrade 2023 page header\n\nrose.\n\
                    Trade 2023 page header\nEnd.";
        assert_eq!(
            joined(&without_running_lines(text, true)),
            "Trade 2023 page header\nExports of steel\nrose.\n\nEnd."
        );
        assert_eq!(
            joined("the export\r\n\r\n12\r\n\r\ncontrols"),
            "the export\ncontrols"
        );
    }

    #[test]
    fn paragraphs_and_sentence_ends_stay() {
        for text in [
            // A sentence ends before the page number.
            "構築が優先課題とされた。\n\n－ 13 －\n\n第３節",
            "Exports rose.\n\nPage 4\n\nImports fell.",
            // No page number between: a paragraph break.
            "Key figures\n\nExports rose.",
            // A year alone is no page number.
            "Exports in\n\n2023\n\nrose",
            // Neither a blank line nor a form feed: a table's figures.
            "Exports\n12\nImports",
            // Blank lines of a few spaces are no blanked header.
            "Key figures\n  \n\nExports rose.",
        ] {
            assert_eq!(without_page_breaks(text), text, "{text:?}");
        }
    }

    #[test]
    fn short_or_rare_lines_do_not_run() {
        let text = "Page 1\nPage 1\nPage 1\nTwo words here\nTwo words here\n";
        assert!(RunningLines::find(text).is_empty());
    }

    #[test]
    fn lines_compare_trimmed_and_across_line_endings() {
        let text = "  Form for small projects\r\nA.\r\nForm for small projects \r\nB.\r\n\tForm for small projects\r\n";
        let mut r = RunningLines::find(text);
        assert!(r.contains("Form for small projects\r"));
        assert!(!r.repeat(" Form for small projects"));
        assert!(r.repeat("Form for small projects"));
    }

    #[test]
    fn japanese_headers_run_without_spaces() {
        let text = "通商白書二〇二四年版\n輸出が伸びた。\n通商白書二〇二四年版\n輸入が減った。\n通商白書二〇二四年版\n";
        assert!(RunningLines::find(text).contains("通商白書二〇二四年版"));
        let kept = without_running_lines(text, true);
        assert_eq!(kept.matches("通商白書").count(), 1);
        assert_eq!(kept.len(), text.len());
        // Short lines repeat without running.
        assert!(RunningLines::find("第一章\n第一章\n第一章\n").is_empty());
    }

    #[test]
    fn page_number_forms() {
        let page = |s| page_number(s).map(|n| (n.value, n.marked));
        for (s, value) in [
            ("Page 14", 14),
            ("PAGE 3 of 40", 3),
            ("p. 7", 7),
            ("p.7", 7),
            ("- 12 -", 12),
            ("－ 45 －", 45),
            ("－ ４５ －", 45),
            ("– 9 –", 9),
            ("12 / 40", 12),
        ] {
            assert_eq!(page(s), Some((value, true)), "{s}");
        }
        for (s, value) in [("3", 3), ("３", 3), ("iv", 4), ("xii", 12), ("3 of 40", 3)] {
            assert_eq!(page(s), Some((value, false)), "{s}");
        }
        for s in [
            "2023",
            "２０２３",
            "12345",
            "iiii",
            "ic",
            "civil",
            "Pages 3",
            "pay 3",
            "41 / 40",
            "",
            "1.",
        ] {
            assert_eq!(page(s), None, "{s}");
        }
    }

    #[test]
    fn headers_with_page_numbers_run() {
        let text = "METI White Paper on International Economy and Trade 2023   3\n\
                    Exports of semiconductors rose.\n\
                    METI White Paper on International Economy and Trade 2023   4\n\
                    Imports of energy fell.\n\
                    METI White Paper on International Economy and Trade 2023   5\n\
                    The trade deficit narrowed.\n";
        let running = RunningLines::find(text);
        assert!(running.contains("METI White Paper on International Economy and Trade 2023   9"));
        // The header without a number (a first page) is the same header.
        assert!(running.contains("METI White Paper on International Economy and Trade 2023"));
        let kept = without_running_lines(text, true);
        assert_eq!(kept.matches("White Paper").count(), 1);
        assert_eq!(kept.len(), text.len());
        assert!(kept.contains("The trade deficit narrowed."));

        for (header, pages) in [
            (
                "TRADE POLICY REVIEW: JAPANLAND        Page {}",
                ["14", "15", "16"],
            ),
            ("{}   TRADE POLICY REVIEW: JAPANLAND", ["14", "15", "16"]),
            (
                "Trade Policy Review of Japanland   p. {}",
                ["14", "14", "16"],
            ),
            ("Trade Policy Review of Japanland  {} / 40", ["2", "3", "4"]),
            (
                "Trade Policy Review of Japanland  - {} -",
                ["ii", "iii", "iv"],
            ),
            ("Trade Policy Review of Japanland   {}", ["ii", "iii", "iv"]),
            (
                "通商白書２０２３　第２章　世界経済の動向　－ {} －",
                ["45", "46", "47"],
            ),
            (
                "通商白書２０２３　第２章　世界経済の動向　{}",
                ["４５", "４６", "４７"],
            ),
        ] {
            let text: String = pages
                .iter()
                .map(|n| format!("{}\nBody of page {n}.\n", header.replace("{}", n)))
                .collect();
            let kept = without_running_lines(&text, true);
            let name = ["JAPANLAND", "Japanland", "通商白書"]
                .into_iter()
                .find(|name| header.contains(name))
                .unwrap_or_default();
            assert_eq!(kept.matches(name).count(), 1, "{header}");
            assert!(
                kept.starts_with(&header.replace("{}", pages[0])),
                "{header}"
            );
            assert_eq!(kept.matches("Body of page").count(), 3, "{header}");
        }
    }

    #[test]
    fn sentences_ending_in_numbers_do_not_run() {
        for text in [
            // Numbered paragraphs.
            "1. Export controls on chips were tightened.\n\
             2. Export controls on chips were tightened.\n\
             3. Export controls on chips were tightened.\n",
            // A year after one space, rising or not.
            "The tariff was raised in 2019\nThe tariff was raised in 2020\nThe tariff was raised in 2021\n",
            // Years after a wide gap: table rows, not pages.
            "Exports to the United States   2019\nExports to the United States   2020\n\
             Exports to the United States   2021\n",
            // Bare numbers that do not rise: a table's column.
            "Exports to the United States   152\nExports to the United States   148\n\
             Exports to the United States   160\n",
            // A number after one space: a sentence.
            "Members asked about item 3\nMembers asked about item 4\nMembers asked about item 5\n",
            // Twice is no running line.
            "METI White Paper on Trade   3\nMETI White Paper on Trade   4\n",
            // Too short to run.
            "Chapter   3\nChapter   4\nChapter   5\n",
        ] {
            assert!(RunningLines::find(text).is_empty(), "{text}");
            assert_eq!(without_running_lines(text, false), text);
        }
        // A sentence ending in a year repeated word for word runs as any
        // line does.
        let same = "Source: Ministry of Finance, 2023\n".repeat(3);
        assert!(RunningLines::find(&same).contains("Source: Ministry of Finance, 2023"));
    }
}
