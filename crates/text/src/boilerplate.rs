//! Running headers and footers: the lines a document converted from pages
//! (a PDF report, a printed form) repeats on every page. Counted as text
//! they inflate the words in them, and chosen as sentences they make poor
//! summaries.
//!
//! ```
//! use kotoba_text::boilerplate::RunningLines;
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
//! ```

use std::collections::HashMap;

/// A line counts as running when it has at least this many words …
pub const MIN_WORDS: usize = 3;
/// … and stands at least this many times in one document.
pub const MIN_TIMES: usize = 3;

/// The running lines of one document (compared with surrounding white
/// space trimmed), each with whether it has been met yet.
#[derive(Debug, Clone, Default)]
pub struct RunningLines<'a> {
    met: HashMap<&'a str, bool>,
}

impl<'a> RunningLines<'a> {
    /// Finds the lines of [`MIN_WORDS`] words or more that stand
    /// [`MIN_TIMES`] times or more in `text`.
    pub fn find(text: &'a str) -> RunningLines<'a> {
        let mut times: HashMap<&str, usize> = HashMap::new();
        for line in text.lines() {
            let line = line.trim();
            if line.split_whitespace().nth(MIN_WORDS - 1).is_some() {
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
}
