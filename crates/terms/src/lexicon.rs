//! Word lists shipped with the crate: the background frequencies of general
//! English (wordfreq), the parts of speech and the compound nouns of English
//! (WordNet) and the extra stop words of term candidates.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use kotoba_text::wordlist::SortedList;

const WORDFREQ: &str = kotoba_text::wordlist::WORDFREQ_EN;
const STOP_EXTRA: &str = include_str!("../data/stopwords-terms-en.txt");
const WORDNET_POS: &str = include_str!("../data/wordnet-pos-en.tsv");
const WORDNET_COMPOUNDS: &str = include_str!("../data/wordnet-compounds-en.txt");

/// Parts of speech WordNet allows a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PosFlags {
    /// May be a noun.
    pub noun: bool,
    /// May be a verb.
    pub verb: bool,
    /// May be an adjective.
    pub adjective: bool,
    /// May be an adverb.
    pub adverb: bool,
}

fn wordnet() -> &'static SortedList {
    static CELL: OnceLock<SortedList> = OnceLock::new();
    CELL.get_or_init(|| SortedList::new(WORDNET_POS))
}

/// The usual spelling of a word English writes as a name (`japan` →
/// `Japan`, `nato` → `NATO`), from `data/wordnet-names-en.tsv` (WordNet 3.0:
/// capitalised in the senses its tag counts use most).
pub fn name_spelling(lower: &str) -> Option<&'static str> {
    static CELL: OnceLock<SortedList> = OnceLock::new();
    CELL.get_or_init(|| SortedList::new(include_str!("../data/wordnet-names-en.tsv")))
        .get(lower)
}

/// True when a lowercase word is a proper noun by WordNet: a name in
/// [`name_spelling`], written with a capital and lower-case letters (not an
/// acronym), and never an adjective (`Romania`, `Vienna`; not `Danish`,
/// `European`, which also describe).
pub fn proper_noun(lower: &str) -> bool {
    name_spelling(lower).is_some_and(crate::english::capitalised_word)
        && pos(lower).is_none_or(|f| !f.adjective)
}

fn wordnet_compounds() -> &'static SortedList {
    static CELL: OnceLock<SortedList> = OnceLock::new();
    CELL.get_or_init(|| SortedList::new(WORDNET_COMPOUNDS))
}

/// True when WordNet lists the lowercase `term` as a compound noun (two or
/// more words joined by spaces or hyphens: `blood pressure`, `x-ray`), from
/// `data/wordnet-compounds-en.txt`; a plural is looked up by its singular.
pub fn is_compound_noun(term: &str) -> bool {
    let list = wordnet_compounds();
    if list.contains(term) {
        return true;
    }
    let (rest, last) = match term.rsplit_once(' ') {
        Some((rest, last)) => (Some(rest), last),
        None => (None, term),
    };
    let singular = crate::english::singular(last);
    if singular == last {
        return false;
    }
    match rest {
        Some(rest) => list.contains(&format!("{rest} {singular}")),
        None => list.contains(singular.as_ref()),
    }
}

/// The parts of speech of a lowercase word (its singular when the word
/// itself is not listed), from `data/wordnet-pos-en.tsv` (derived from
/// WordNet 3.0); `None` for words WordNet does not know.
pub fn pos(word: &str) -> Option<PosFlags> {
    let flags = |f: &str| PosFlags {
        noun: f.contains('n'),
        verb: f.contains('v'),
        adjective: f.contains('a'),
        adverb: f.contains('r'),
    };
    let list = wordnet();
    if let Some(f) = list.get(word) {
        return Some(flags(f));
    }
    let singular = crate::english::singular(word);
    list.get(singular.as_ref()).map(flags)
}

/// Suffixes of adjectives, adverbs and verb forms, for words WordNet does not know.
const NON_NOUN_SUFFIXES: [&str; 11] = [
    "ive", "ous", "able", "ible", "ful", "less", "al", "ed", "ing", "ly", "ary",
];

/// True when a lowercase word can head a noun phrase: WordNet lists it as a
/// noun, or does not know it and it has no adjective or verb ending.
/// Hyphenated words are judged by their last part.
pub fn can_head(word: &str) -> bool {
    let last = word.rsplit('-').next().unwrap_or(word);
    match pos(last) {
        Some(f) => f.noun,
        None => !NON_NOUN_SUFFIXES.iter().any(|s| last.ends_with(s)),
    }
}

/// True when a lowercase word can open a noun phrase: anything but a word
/// WordNet lists only as a verb or adverb.
pub fn can_open(word: &str) -> bool {
    match pos(word) {
        Some(f) => f.noun || f.adjective,
        None => true,
    }
}

/// Zipf value given to words missing from the background list (below its
/// smallest entry).
pub const UNSEEN_ZIPF: f64 = 1.5;

/// General-English word frequencies (Zipf scale: log10 of occurrences per
/// billion words), from kotoba-text's `data/wordfreq-en.tsv`.
pub struct Background {
    list: SortedList,
}

impl Background {
    /// The shipped list.
    pub fn english() -> &'static Background {
        static CELL: OnceLock<Background> = OnceLock::new();
        CELL.get_or_init(|| Background::from_sorted(WORDFREQ))
    }

    /// A list of `word<TAB>zipf` lines sorted by word (UTF-8 bytes), after
    /// any `#` comment lines; it is read in place, not parsed. A line whose
    /// value is no number counts as missing.
    pub fn from_sorted(text: &'static str) -> Background {
        Background {
            list: SortedList::new(text),
        }
    }

    /// The Zipf frequency of a lowercase word ([`UNSEEN_ZIPF`] when unknown);
    /// a plural missing from the list takes its singular's value.
    pub fn zipf(&self, word: &str) -> f64 {
        let look = |w: &str| {
            self.list
                .get(w)
                .and_then(|v| parse_zipf(v.split('\t').next().unwrap_or(v).trim()))
        };
        if let Some(z) = look(word) {
            return f64::from(z);
        }
        let singular = crate::english::singular(word);
        if singular != word
            && let Some(z) = look(singular.as_ref())
        {
            return f64::from(z);
        }
        UNSEEN_ZIPF
    }

    /// Natural log of the word's probability in general English.
    pub fn ln_prob(&self, word: &str) -> f64 {
        (self.zipf(word) - 9.0) * std::f64::consts::LN_10
    }

    /// Number of words in the list.
    pub fn len(&self) -> usize {
        self.list.lines().count()
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// A Zipf value: the list's `d.dd` form read directly (float parsing was
/// a quarter of start-up), anything else through `f32::from_str`.
fn parse_zipf(field: &str) -> Option<f32> {
    match field.as_bytes() {
        &[a, b'.', b, c] if [a, b, c].iter().all(u8::is_ascii_digit) => {
            let hundredths =
                u32::from(a - b'0') * 100 + u32::from(b - b'0') * 10 + u32::from(c - b'0');
            Some(hundredths as f32 / 100.0)
        }
        _ => field.parse().ok(),
    }
}

/// How a word may take part in an English term candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopKind {
    /// Never part of a term.
    Stop,
    /// Only inside a term, never at its edges (`of`).
    Inner,
    /// Only inside a capitalised name, between capitalised words
    /// (`Group of States against Corruption`); elsewhere a stop word.
    Name,
}

/// True for a lowercase stop word that, set in capitals, is mostly an
/// abbreviation (`US`, `IT`, `WHO`): kotoba-tokenize's list.
pub fn abbreviation_stop_word(word: &str) -> bool {
    kotoba_tokenize::words::is_abbreviation_stop_word(word)
}

/// Whether `key` (a word lowercased and made singular) heads a name that
/// may hold a list with commas (`data/list-name-heads-en.txt`).
pub fn list_name_head(key: &str) -> bool {
    static HEADS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    HEADS
        .get_or_init(|| {
            kotoba_text::data_lines(include_str!("../data/list-name-heads-en.txt")).collect()
        })
        .contains(key)
}

/// True for a lowercase word that, last in a candidate, ends a clause
/// rather than a term (`data/clause-verbs-en.txt`: `rose`, `fell`, `said`).
pub fn clause_verb(word: &str) -> bool {
    static VERBS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    VERBS
        .get_or_init(|| {
            kotoba_text::data_lines(include_str!("../data/clause-verbs-en.txt")).collect()
        })
        .contains(word)
}

/// The stop class of a lowercase word: kotoba-tokenize's stop list plus
/// `data/stopwords-terms-en.txt`; `None` for words that may start or end a term.
pub fn stop_kind(word: &str) -> Option<StopKind> {
    static CELL: OnceLock<HashMap<&'static str, StopKind>> = OnceLock::new();
    let map = CELL.get_or_init(|| {
        let mut map: HashMap<&'static str, StopKind> = kotoba_tokenize::words::stop_words()
            .iter()
            .map(|w| (*w, StopKind::Stop))
            .collect();
        for line in STOP_EXTRA.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(w) = line.strip_prefix('!') {
                map.insert(w, StopKind::Inner);
            } else if let Some(w) = line.strip_prefix('^') {
                map.insert(w, StopKind::Name);
            } else {
                map.insert(line, StopKind::Stop);
            }
        }
        map
    });
    let word = word.strip_suffix("'s").unwrap_or(word);
    map.get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zipf_values_read_like_floats() {
        for text in ["7.73", "0.05", "1.50", "9.99", "3", "4.5", "-1"] {
            assert_eq!(parse_zipf(text), text.parse::<f32>().ok(), "{text}");
        }
        assert_eq!(parse_zipf("x.yz"), None);
    }

    #[test]
    fn shipped_lists_are_sorted_by_word_without_duplicates() {
        for (text, at_least) in [
            (WORDFREQ, 100_000),
            (WORDNET_POS, 50_000),
            (WORDNET_COMPOUNDS, 40_000),
        ] {
            // A carriage return would make every key one byte longer.
            assert!(!text.contains('\r'));
            let list = SortedList::new(text);
            let keys: Vec<&str> = list
                .lines()
                .map(|l| l.split_once('\t').map_or(l, |(k, _)| k))
                .collect();
            assert!(keys.len() >= at_least, "{}", keys.len());
            for pair in keys.windows(2) {
                assert!(pair[0].as_bytes() < pair[1].as_bytes(), "{pair:?}");
            }
            // Every word is found where it stands, the first and last too.
            for (i, key) in keys
                .iter()
                .enumerate()
                .step_by(997)
                .chain(keys.iter().enumerate().skip(keys.len() - 1))
            {
                assert!(list.contains(key), "{i} {key}");
            }
        }
    }

    #[test]
    fn proper_nouns_are_names_that_never_describe() {
        for word in ["romania", "vienna", "japan", "clinton"] {
            assert!(proper_noun(word), "{word}");
        }
        // An acronym, a demonym that is also an adjective, a common noun.
        for word in ["nato", "danish", "european", "turbine", "march"] {
            assert!(!proper_noun(word), "{word}");
        }
    }

    #[test]
    fn compound_nouns_are_found_in_the_singular_and_plural() {
        for term in [
            "blood pressure",
            "wind turbines",
            "trade deficit",
            "x-ray",
            "x-rays",
        ] {
            assert!(is_compound_noun(term), "{term}");
        }
        for term in ["blood", "turbine", "trade turbine", "pressure blood", ""] {
            assert!(!is_compound_noun(term), "{term}");
        }
    }

    #[test]
    fn sorted_lists_without_values_find_keys_with_spaces_and_hyphens() {
        let list = SortedList::new("# set\na\na b\na b-c\na-b\nab\nab c\nb\n");
        for key in ["a", "a b", "a b-c", "a-b", "ab", "ab c", "b"] {
            assert!(list.contains(key), "{key}");
            assert_eq!(list.get(key), None, "{key}");
        }
        for key in [
            "", "a ", "a b-", "a-", "ab c d", "abc", "c", "a\tb", "# set",
        ] {
            assert!(!list.contains(key), "{key:?}");
        }
    }

    #[test]
    fn sorted_lists_find_only_their_words() {
        let list = SortedList::new(
            "# a comment\n# another\napp\t0\napple\t1\napplet\t9\nbanana\t2\ncherry\t3\n",
        );
        assert_eq!(list.get("app"), Some("0"));
        assert_eq!(list.get("apple"), Some("1"));
        assert_eq!(list.get("applet"), Some("9"));
        assert_eq!(list.get("banana"), Some("2"));
        assert_eq!(list.get("cherry"), Some("3"));
        for missing in [
            "",
            "a",
            "apples",
            "b",
            "cherr",
            "cherryx",
            "zebra",
            "# a comment",
        ] {
            assert_eq!(list.get(missing), None, "{missing}");
        }
        // A line without a tab lists no value.
        assert_eq!(SortedList::new("apple\nbanana\t2\n").get("apple"), None);
        let unterminated = SortedList::new("apple\t1\nbanana\t2");
        assert_eq!(unterminated.get("banana"), Some("2"));
        assert_eq!(SortedList::new("").get("apple"), None);
        assert_eq!(SortedList::new("# only comments\n").get("apple"), None);
        let bg = Background::from_sorted("able\t4.10\nzebra\tx\n");
        assert!((bg.zipf("able") - 4.1).abs() < 1e-6);
        assert_eq!(bg.zipf("zebra"), UNSEEN_ZIPF);
    }

    #[test]
    fn background_knows_common_and_rare_words() {
        let bg = Background::english();
        assert!(bg.len() > 50_000);
        assert!(bg.zipf("the") > 7.0);
        assert!(bg.zipf("tariffs") > bg.zipf("dressage"));
        assert_eq!(bg.zipf("qqqzzzx"), UNSEEN_ZIPF);
        assert!(bg.ln_prob("the") > bg.ln_prob("turbine"));
    }

    #[test]
    fn parts_of_speech() {
        assert!(can_head("turbines"));
        assert!(can_head("anti-corruption"));
        assert!(!can_head("financial"));
        assert!(!can_head("dissuasive"));
        assert!(can_open("financial"));
        assert!(!can_open("combating"));
        assert!(pos("member").is_some_and(|f| f.noun && !f.verb));
    }

    #[test]
    fn stop_classes() {
        assert_eq!(stop_kind("which"), Some(StopKind::Stop));
        assert_eq!(stop_kind("the"), Some(StopKind::Name));
        assert_eq!(stop_kind("various"), Some(StopKind::Stop));
        assert_eq!(stop_kind("of"), Some(StopKind::Inner));
        assert_eq!(stop_kind("tariff"), None);
        assert_eq!(stop_kind("against"), Some(StopKind::Name));
    }
}
