//! Word lists shipped with the crate: the background frequencies of general
//! English (wordfreq), the parts of speech of English words (WordNet) and the
//! extra stop words of term candidates.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const WORDFREQ: &str = include_str!("../data/wordfreq-en.tsv");
const STOP_EXTRA: &str = include_str!("../data/stopwords-terms-en.txt");
const WORDNET_POS: &str = include_str!("../data/wordnet-pos-en.tsv");

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

/// The parts of speech of a lowercase word (its singular when the word
/// itself is not listed), from `data/wordnet-pos-en.tsv` (derived from
/// WordNet 3.0); `None` for words WordNet does not know.
pub fn pos(word: &str) -> Option<PosFlags> {
    static CELL: OnceLock<HashMap<&'static str, PosFlags>> = OnceLock::new();
    let map = CELL.get_or_init(|| {
        // Sized once from the line count: growing a table of 57,000 words
        // step by step cost a few milliseconds of every start.
        let lines = memchr::memchr_iter(b'\n', WORDNET_POS.as_bytes()).count() + 1;
        let mut map = HashMap::with_capacity_and_hasher(lines, Default::default());
        for (w, f) in WORDNET_POS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
        {
            let flags = PosFlags {
                noun: f.contains('n'),
                verb: f.contains('v'),
                adjective: f.contains('a'),
                adverb: f.contains('r'),
            };
            map.insert(w, flags);
        }
        map
    });
    if let Some(f) = map.get(word) {
        return Some(*f);
    }
    let singular = crate::english::singular(word);
    map.get(singular.as_ref()).copied()
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
/// billion words), from `data/wordfreq-en.tsv`.
pub struct Background {
    zipf: HashMap<&'static str, f32>,
}

impl Background {
    /// The shipped list (parsed once per process).
    pub fn english() -> &'static Background {
        static CELL: OnceLock<Background> = OnceLock::new();
        CELL.get_or_init(|| Background::parse(WORDFREQ))
    }

    /// Parses `word<TAB>zipf` lines; `#` lines and malformed lines are skipped.
    pub fn parse(text: &'static str) -> Background {
        // Split on bytes with memchr: `str::lines` and `split('\t')` compare
        // through a char searcher, a third of start-up at 100,000 lines.
        let bytes = text.as_bytes();
        let lines = memchr::memchr_iter(b'\n', bytes).count() + 1;
        let mut zipf = HashMap::with_capacity_and_hasher(lines, Default::default());
        let mut at = 0;
        while at < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
            // Both ends sit on ASCII bytes (newline, tab), so the slices are
            // on char boundaries.
            let line = &text[at..end];
            at = end + 1;
            if line.starts_with('#') {
                continue;
            }
            let Some(tab) = memchr::memchr(b'\t', line.as_bytes()) else {
                continue;
            };
            let (word, rest) = (&line[..tab], &line[tab + 1..]);
            let field = memchr::memchr(b'\t', rest.as_bytes()).map_or(rest, |t| &rest[..t]);
            if let Some(z) = parse_zipf(field.trim()) {
                zipf.entry(word).or_insert(z);
            }
        }
        Background { zipf }
    }

    /// The Zipf frequency of a lowercase word ([`UNSEEN_ZIPF`] when unknown);
    /// a plural missing from the list takes its singular's value.
    pub fn zipf(&self, word: &str) -> f64 {
        if let Some(&z) = self.zipf.get(word) {
            return f64::from(z);
        }
        let singular = crate::english::singular(word);
        if singular != word
            && let Some(&z) = self.zipf.get(singular.as_ref())
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
        self.zipf.len()
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.zipf.is_empty()
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
