//! English abbreviations and word lists, loaded once from the data files in
//! `data/` (see the comments at the top of each file for their format).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const ABBREVIATIONS: &str = include_str!("../../data/abbreviations-en.txt");
const WORD_LISTS: &str = include_str!("../../data/wordlists-en.txt");

/// Longest word (in bytes) worth looking up; longer words are in no list.
const MAX_WORD: usize = 24;

/// How the period after an abbreviation behaves (see `abbreviations-en.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AbbrClass {
    /// Before a name or number: never ends a sentence there ("Mr. Smith").
    Title,
    /// Before a number: never ends a sentence there ("No. 5"); else ordinary.
    Number,
    /// Ends a sentence only before a common sentence starter ("the U.S. How").
    General,
    /// Ends a time after a number ("9 a.m."): there, unless the time opens
    /// its sentence, it ends a sentence before a capitalised word that does
    /// not go on with it; elsewhere it is [`General`].
    ///
    /// [`General`]: AbbrClass::General
    PhraseEnd,
}

struct Lists {
    /// Entries written in lower case, matched ignoring ASCII case.
    any_case: HashMap<&'static str, AbbrClass>,
    /// Entries with an upper-case letter, matched exactly.
    exact: HashMap<&'static str, AbbrClass>,
    starters: HashSet<&'static str>,
    continuations: HashSet<&'static str>,
    phrase_continuations: HashSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(load)
}

/// Lines of a data file as `(section, entry)`, comments and blanks skipped.
fn entries(file: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    file.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            return None;
        }
        Some((section, line))
    })
}

fn load() -> Lists {
    let mut lists = Lists {
        any_case: HashMap::new(),
        exact: HashMap::new(),
        starters: HashSet::new(),
        continuations: HashSet::new(),
        phrase_continuations: HashSet::new(),
    };
    for (section, entry) in entries(ABBREVIATIONS) {
        let class = match section {
            "title" => AbbrClass::Title,
            "number" => AbbrClass::Number,
            "general" | "exclamation" => AbbrClass::General,
            "phrase-end" => AbbrClass::PhraseEnd,
            _ => continue,
        };
        let word = entry
            .strip_suffix('.')
            .or_else(|| entry.strip_suffix('!'))
            .unwrap_or(entry);
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            lists.exact.insert(word, class);
        } else {
            lists.any_case.insert(word, class);
        }
    }
    for (section, entry) in entries(WORD_LISTS) {
        match section {
            "sentence-starters" => {
                lists.starters.insert(entry);
            }
            "line-continuations" => {
                lists.continuations.insert(entry);
            }
            "phrase-continuations" => {
                lists.phrase_continuations.insert(entry);
            }
            _ => {}
        }
    }
    lists
}

/// `word` with ASCII letters lower-cased, in `buf`; `None` when too long.
fn lowercase<'b>(word: &str, buf: &'b mut [u8; MAX_WORD]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    // Only ASCII bytes changed, so the result is still valid UTF-8.
    std::str::from_utf8(out).ok()
}

/// The class of `word` (written without its final period), if it is a known
/// abbreviation.
pub(super) fn abbreviation(word: &str) -> Option<AbbrClass> {
    let lists = lists();
    if let Some(class) = lists.exact.get(word) {
        return Some(*class);
    }
    let mut buf = [0u8; MAX_WORD];
    let lower = lowercase(word, &mut buf)?;
    lists.any_case.get(lower).copied()
}

/// Whether `word` is a common sentence starter ("The", "How", "They").
pub(super) fn is_sentence_starter(word: &str) -> bool {
    let mut buf = [0u8; MAX_WORD];
    lowercase(word, &mut buf).is_some_and(|w| lists().starters.contains(w))
}

/// Whether the capitalised `word` goes on with a time or place before it
/// ("Monday", "Eastern"; see [`AbbrClass::PhraseEnd`]).
pub(super) fn continues_a_phrase(word: &str) -> bool {
    let mut buf = [0u8; MAX_WORD];
    lowercase(word, &mut buf).is_some_and(|w| lists().phrase_continuations.contains(w))
}

/// Whether a line ending in `word` (as written) must go on to the next line.
pub(super) fn is_line_continuation(word: &str) -> bool {
    lists().continuations.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_entries_match_any_case() {
        assert_eq!(abbreviation("co"), Some(AbbrClass::General));
        assert_eq!(abbreviation("Co"), Some(AbbrClass::General));
        assert_eq!(abbreviation("U.S"), Some(AbbrClass::General));
        assert_eq!(abbreviation("Mr"), Some(AbbrClass::Title));
        assert_eq!(abbreviation("N°"), Some(AbbrClass::Number));
        assert_eq!(abbreviation("Yahoo"), Some(AbbrClass::General));
    }

    #[test]
    fn capitalised_entries_match_exactly() {
        assert_eq!(abbreviation("Mass"), Some(AbbrClass::General));
        assert_eq!(abbreviation("mass"), None);
        assert_eq!(abbreviation("Sec"), Some(AbbrClass::Title));
        assert_eq!(abbreviation("sec"), Some(AbbrClass::Number));
    }

    #[test]
    fn ordinary_and_long_words_are_not_abbreviations() {
        assert_eq!(abbreviation("world"), None);
        assert_eq!(abbreviation(""), None);
        assert_eq!(
            abbreviation("a-very-long-word-that-is-no-abbreviation"),
            None
        );
    }

    #[test]
    fn word_lists() {
        assert!(is_sentence_starter("How"));
        assert!(is_sentence_starter("THEY"));
        assert!(!is_sentence_starter("Government"));
        assert!(is_line_continuation("by"));
        assert!(!is_line_continuation("minister"));
        assert!(continues_a_phrase("Monday") && continues_a_phrase("Eastern"));
        assert!(!continues_a_phrase("Talks"));
        assert_eq!(abbreviation("a.m"), Some(AbbrClass::PhraseEnd));
        assert_eq!(abbreviation("P.M"), Some(AbbrClass::PhraseEnd));
        assert_eq!(abbreviation("D.C"), None);
    }
}
