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
/// space trimmed), each with whether it has been met yet.
#[derive(Debug, Clone, Default)]
pub struct RunningLines<'a> {
    met: HashMap<&'a str, bool>,
}

impl<'a> RunningLines<'a> {
    /// Finds the running lines of `text` (see the module's documentation).
    pub fn find(text: &'a str) -> RunningLines<'a> {
        let mut times: HashMap<&str, usize> = HashMap::new();
        for line in text.lines() {
            let line = line.trim();
            if eligible(line) {
                *times.entry(line).or_default() += 1;
            }
        }
        let met = times
            .into_iter()
            .filter(|&(_, n)| n >= MIN_TIMES)
            .map(|(line, _)| (line, false))
            .collect();
        RunningLines { met }
    }

    /// True when the document has no running lines.
    pub fn is_empty(&self) -> bool {
        self.met.is_empty()
    }

    /// True when `line` (trimmed) is a running line.
    pub fn contains(&self, line: &str) -> bool {
        self.met.contains_key(line.trim())
    }

    /// True when `line` (trimmed) is a running line met before; the first
    /// time it is met it is marked and false is returned, so a caller that
    /// skips repeats keeps one copy.
    pub fn repeat(&mut self, line: &str) -> bool {
        match self.met.get_mut(line.trim()) {
            Some(seen) => std::mem::replace(seen, true),
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
