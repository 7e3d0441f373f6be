//! Word lists shipped as `word<TAB>value` lines sorted by word, read in
//! place ([`SortedList`]), and the general-English word frequencies of
//! `data/wordfreq-en.tsv` (wordfreq 3.1.1, CC BY-SA 4.0; see NOTICE), which
//! language identification and term extraction share.
//!
//! ```
//! use kotoba_text::wordlist::{SortedList, english_zipf};
//!
//! let list = SortedList::new("# comment\napple\t1\npear\t2\n");
//! assert_eq!(list.get("pear"), Some("2"));
//! assert!(!list.contains("plum"));
//! assert!(english_zipf("trade").is_some_and(|z| z > 5.0));
//! assert_eq!(english_zipf("zzzqx"), None);
//! ```

use std::sync::OnceLock;

/// The general-English word frequencies: `word<TAB>Zipf` lines, the
/// 100,000 most frequent alphabetic words of wordfreq 3.1.1 (`large_en`).
pub const WORDFREQ_EN: &str = include_str!("../data/wordfreq-en.tsv");

/// The Zipf frequency (log10 of occurrences per billion words) of a
/// lowercase English word, when the list has it.
pub fn english_zipf(word: &str) -> Option<f32> {
    static LIST: OnceLock<SortedList> = OnceLock::new();
    let list = LIST.get_or_init(|| SortedList::new(WORDFREQ_EN));
    list.get(word)
        .and_then(|v| v.split('\t').next())
        .and_then(|v| v.trim().parse().ok())
}

/// A word list of `word<TAB>value` lines sorted by word (UTF-8 bytes) under
/// its `#` comment lines, looked up in place by binary search over the
/// starts of its lines: nothing is parsed, hashed or copied (building a hash
/// map of the 100,000 words of the background list took a fifth of a term
/// extraction over a 300,000-character corpus).
pub struct SortedList {
    /// The lines after the comments.
    body: &'static str,
    /// Byte offset of each line in `body`.
    starts: Vec<u32>,
}

impl SortedList {
    /// The list in `text`: its lines after any `#` comment lines.
    pub fn new(text: &'static str) -> SortedList {
        let mut body = text;
        while body.starts_with('#') {
            body = body.split_once('\n').map_or("", |(_, rest)| rest);
        }
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', body.as_bytes()).map(|i| i + 1))
            .filter(|&s| s < body.len())
            // The shipped lists are a few megabytes at most.
            .map(|s| u32::try_from(s).unwrap_or(u32::MAX))
            .collect();
        SortedList { body, starts }
    }

    /// The value of the line starting at `start`: what follows its tab
    /// (`None` for a line without one, which lists no value).
    pub fn value(&self, start: u32) -> Option<&'static str> {
        let rest = self.body.get(start as usize..).unwrap_or("");
        let line = rest.split_once('\n').map_or(rest, |(l, _)| l);
        line.split_once('\t').map(|(_, value)| value)
    }

    /// The value of `word`'s line, if the list has one.
    pub fn get(&self, word: &str) -> Option<&'static str> {
        self.find(word).and_then(|start| self.value(start))
    }

    /// True when the list has a line for `word` (with a value or without).
    pub fn contains(&self, word: &str) -> bool {
        self.find(word).is_some()
    }

    /// The start of `word`'s line, if the list has one.
    pub fn find(&self, word: &str) -> Option<u32> {
        let word = word.as_bytes();
        // A key ends at a tab or newline, which sort below every byte of a
        // word: comparing the line's bytes with the word's, the line's end
        // orders a shorter key first, as sorting keys alone does. One
        // comparison a probe, no search for the tab.
        if word.iter().any(|&b| b <= b'\n') {
            return None;
        }
        let body = self.body.as_bytes();
        let key_cmp = |&start: &u32| {
            let rest = body.get(start as usize..).unwrap_or_default();
            let n = word.len().min(rest.len());
            match rest[..n].cmp(word) {
                // The word's bytes begin the line: is that the whole key?
                std::cmp::Ordering::Equal => match rest.get(n) {
                    None | Some(b'\t' | b'\n') => std::cmp::Ordering::Equal,
                    Some(_) => std::cmp::Ordering::Greater,
                },
                other => other,
            }
        };
        let at = self.starts.binary_search_by(key_cmp).ok()?;
        self.starts.get(at).copied()
    }

    /// True when the list has no lines.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }

    /// The lines of the list.
    pub fn lines(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.body.lines()
    }
}
