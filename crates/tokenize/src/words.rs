//! Words of alphabetic languages (Unicode UAX #29 word boundaries), Snowball
//! stems, and English stop words.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use crate::{Token, Tokenizer};

const STOP_WORDS: &str = include_str!("../data/stopwords-en.txt");
const STOP_ABBREVIATIONS: &str = include_str!("../data/stopword-abbreviations-en.txt");

/// The English stop list (lowercase), from `data/stopwords-en.txt`.
pub fn stop_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        STOP_WORDS
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// True when `word` (lowercase) is an English stop word; a curly
/// apostrophe counts as a straight one (`it’s`, `don’t`).
pub fn is_stop_word(word: &str) -> bool {
    stop_words().contains(word)
        || (word.contains('’') && stop_words().contains(word.replace('’', "'").as_str()))
}

/// True for a lowercase stop word that, set in capitals, is mostly an
/// abbreviation (`US`, `IT`, `WHO`), from `data/stopword-abbreviations-en.txt`
/// (term extraction's list too).
pub fn is_abbreviation_stop_word(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        STOP_ABBREVIATIONS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
    .contains(word)
}

/// Words by word.
type WordMap = HashMap<&'static str, &'static str>;

/// English plurals that suffix rules get wrong (`data/plurals-en.tsv`):
/// singular by plural and plural by singular. Nouns used only in the plural
/// stand as their own singular (`customs`, `goods`).
fn irregular_plurals() -> &'static (WordMap, WordMap) {
    static MAPS: OnceLock<(WordMap, WordMap)> = OnceLock::new();
    MAPS.get_or_init(|| {
        let pairs: Vec<(&str, &str)> = include_str!("../data/plurals-en.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(s, p)| (s.trim(), p.trim()))
            .collect();
        (
            pairs.iter().map(|&(s, p)| (p, s)).collect(),
            pairs.iter().map(|&(s, p)| (s, p)).collect(),
        )
    })
}

/// The singular of a lowercase English plural that suffix rules get wrong
/// (`crises` → `crisis`, `surpluses` → `surplus`, `customs` → `customs`).
pub fn irregular_singular(plural: &str) -> Option<&'static str> {
    irregular_plurals().0.get(plural).copied()
}

/// The plural of a lowercase English noun that suffix rules get wrong
/// (`crisis` → `crises`, `embargo` → `embargoes`).
pub fn irregular_plural(singular: &str) -> Option<&'static str> {
    irregular_plurals().1.get(singular).copied()
}

/// True for a word of letters with inner periods whose parts have one or
/// two letters each (`U.S`, `Ph.D`, `e.g`): an abbreviation, whose final
/// period UAX #29 leaves out of the word.
pub fn is_dotted_abbreviation(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

/// Word tokenizer: words with at least one letter or digit, lowercased and
/// stemmed with the language's Snowball stemmer.
pub struct WordTokenizer {
    stemmer: Option<Stemmer>,
    english: bool,
}

// By hand: the fields hold tables and automata too large to print.
impl std::fmt::Debug for WordTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordTokenizer").finish_non_exhaustive()
    }
}

impl WordTokenizer {
    /// English: Snowball English (Porter 2) stems and the English stop list.
    pub fn english() -> WordTokenizer {
        WordTokenizer {
            stemmer: Some(Stemmer::create(Algorithm::English)),
            english: true,
        }
    }

    /// The tokenizer for an ISO 639-1 language code: its Snowball stemmer
    /// where there is one (else the lowercase word); stop words for English only.
    pub fn for_language(code: &str) -> WordTokenizer {
        let algorithm = match code {
            "en" => return WordTokenizer::english(),
            "ar" => Algorithm::Arabic,
            "da" => Algorithm::Danish,
            "nl" => Algorithm::Dutch,
            "fi" => Algorithm::Finnish,
            "fr" => Algorithm::French,
            "de" => Algorithm::German,
            "el" => Algorithm::Greek,
            "hu" => Algorithm::Hungarian,
            "it" => Algorithm::Italian,
            "nb" | "no" => Algorithm::Norwegian,
            "pt" => Algorithm::Portuguese,
            "ro" => Algorithm::Romanian,
            "ru" => Algorithm::Russian,
            "es" => Algorithm::Spanish,
            "sv" => Algorithm::Swedish,
            "ta" => Algorithm::Tamil,
            "tr" => Algorithm::Turkish,
            _ => {
                return WordTokenizer {
                    stemmer: None,
                    english: false,
                };
            }
        };
        WordTokenizer {
            stemmer: Some(Stemmer::create(algorithm)),
            english: false,
        }
    }

    /// The stem of a lowercase word.
    pub fn stem(&self, lower: &str) -> String {
        let Some(stemmer) = &self.stemmer else {
            return lower.to_string();
        };
        // Curly apostrophes stem like straight ones.
        if lower.contains('’') {
            return stemmer.stem(&lower.replace('’', "'")).into_owned();
        }
        stemmer.stem(lower).into_owned()
    }
}

/// The words of `text` (UAX #29 word segments holding a letter or digit),
/// with their byte offsets, allocation-free. ASCII text takes a fast path
/// that gives the same segments (checked against `unicode-segmentation`).
pub fn words(text: &str) -> Box<dyn Iterator<Item = (usize, &str)> + '_> {
    if text.is_ascii() {
        Box::new(AsciiWords { text, at: 0 })
    } else {
        Box::new(
            text.split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric)),
        )
    }
}

/// UAX #29 word-break classes of ASCII bytes, as far as words need them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Underscore,
    /// `.` (MidNumLet) and `'` (Single_Quote): join letters and digits.
    MidBoth,
    /// `,` and `;` (MidNum): join digits.
    MidNum,
    /// `:` (MidLetter): joins letters.
    MidLetter,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Underscore,
        b'.' | b'\'' => Class::MidBoth,
        b',' | b';' => Class::MidNum,
        b':' => Class::MidLetter,
        _ => Class::Other,
    }
}

struct AsciiWords<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Iterator for AsciiWords<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let n = bytes.len();
        loop {
            while self.at < n
                && !matches!(
                    class(bytes[self.at]),
                    Class::Letter | Class::Digit | Class::Underscore
                )
            {
                self.at += 1;
            }
            if self.at >= n {
                return None;
            }
            let start = self.at;
            let mut prev = class(bytes[start]);
            let mut i = start + 1;
            while i < n {
                let c = class(bytes[i]);
                let word = |k: Class| matches!(k, Class::Letter | Class::Digit | Class::Underscore);
                if word(prev) && word(c) {
                    prev = c;
                    i += 1;
                    continue;
                }
                let after = bytes.get(i + 1).map(|&b| class(b));
                let joins = match (prev, c) {
                    (Class::Letter, Class::MidBoth | Class::MidLetter) => {
                        after == Some(Class::Letter)
                    }
                    (Class::Digit, Class::MidBoth | Class::MidNum) => after == Some(Class::Digit),
                    _ => false,
                };
                if !joins {
                    break;
                }
                i += 2;
            }
            self.at = i;
            let word = &self.text[start..i];
            if word.bytes().any(|b| b.is_ascii_alphanumeric()) {
                return Some((start, word));
            }
        }
    }
}

impl WordTokenizer {
    /// True when this tokenizer flags `lower` as a stop word.
    pub fn is_stop(&self, lower: &str) -> bool {
        self.english && is_stop_word(lower)
    }
}

/// Two or more capitals (a final period aside) and nothing else.
fn in_capitals(surface: &str) -> bool {
    let s = surface.trim_end_matches('.');
    s.len() >= 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Clears the stop flag of stop words set in capitals as abbreviations
/// (`US` for the United States, `IT`, `WHO`; see
/// [`is_abbreviation_stop_word`]) where the capitals stand out: no word
/// beside it on its line is in capitals (`TALKS WITH US` is a shouted
/// pronoun), and its line has lowercase letters.
fn capitals_as_abbreviations(text: &str, tokens: &mut [Token]) {
    let capitals = |t: &Token| in_capitals(&text[t.start..t.end]);
    // The line of the token at hand (start, end, whether it has lowercase
    // letters), found moving forward only, as tokens come in order: a long
    // line with many capitals is not scanned once per token.
    let mut line: Option<(usize, usize, Option<bool>)> = None;
    for i in 0..tokens.len() {
        let t = &tokens[i];
        if !t.is_stop || !capitals(t) || !is_abbreviation_stop_word(&t.lower) {
            continue;
        }
        let (line_start, line_end) = match line {
            Some((s, e, _)) if t.start <= e => (s, e),
            _ => {
                let from = line.map_or(0, |(_, e, _)| e);
                let s = text[from..t.start]
                    .rfind('\n')
                    .map_or(from, |k| from + k + 1);
                let e = text[t.start..]
                    .find('\n')
                    .map_or(text.len(), |k| t.start + k);
                line = Some((s, e, None));
                (s, e)
            }
        };
        let on_line = |u: &&Token| u.start >= line_start && u.end <= line_end;
        let beside = i
            .checked_sub(1)
            .and_then(|j| tokens.get(j))
            .into_iter()
            .chain(tokens.get(i + 1))
            .filter(on_line)
            .any(capitals);
        if beside {
            continue;
        }
        let lowercase = match &mut line {
            Some((_, _, known)) => *known
                .get_or_insert_with(|| text[line_start..line_end].chars().any(char::is_lowercase)),
            None => false,
        };
        if lowercase {
            tokens[i].is_stop = false;
        }
    }
}

impl Tokenizer for WordTokenizer {
    /// Words as [`words`] finds them, except that an abbreviation with
    /// inner periods keeps its final period (`U.S.`; a period after any
    /// other word stays out) and is not stemmed (term `u.s.`).
    fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut tokens: Vec<Token> = words(text)
            .map(|(start, w)| {
                let mut end = start + w.len();
                let abbreviation = is_dotted_abbreviation(w);
                if abbreviation && text[end..].starts_with('.') {
                    end += 1;
                }
                let lower = crate::fold(&text[start..end]);
                Token {
                    start,
                    end,
                    term: if abbreviation {
                        lower.clone()
                    } else {
                        self.stem(&lower)
                    },
                    is_stop: self.is_stop(&lower),
                    lower,
                    pos: None,
                }
            })
            .collect();
        if self.english {
            capitals_as_abbreviations(text, &mut tokens);
        }
        tokens
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_into_the_text() {
        let text = "Japan’s trade surplus, U.S. negotiators.";
        let tokens = WordTokenizer::english().tokenize(text);
        let surfaces: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            surfaces,
            ["Japan’s", "trade", "surplus", "U.S.", "negotiators"]
        );
        assert_eq!(tokens[0].term, "japan");
        assert_eq!(tokens[4].term, "negoti");
    }

    fn rows(text: &str) -> Vec<(&str, String, bool)> {
        WordTokenizer::english()
            .tokenize(text)
            .into_iter()
            .map(|t| (&text[t.start..t.end], t.term, t.is_stop))
            .collect()
    }

    /// `U.S.` came out as `U.S` stemmed to `u.`.
    #[test]
    fn dotted_abbreviations_keep_their_final_period_and_are_not_stemmed() {
        let text = "The U.S.-Japan talks, e.g. on U.S. cars, rose. Ph.D holders.";
        let got = rows(text);
        let surfaces: Vec<&str> = got.iter().map(|r| r.0).collect();
        assert_eq!(
            surfaces,
            [
                "The", "U.S.", "Japan", "talks", "e.g.", "on", "U.S.", "cars", "rose", "Ph.D",
                "holders"
            ]
        );
        assert_eq!(got[1].1, "u.s.");
        assert_eq!(got[4].1, "e.g.");
        assert_eq!(got[6].1, "u.s.");
        assert_eq!(got[9].1, "ph.d");
        assert_eq!(got[8].1, "rose");
        // Offsets: `U.S.` is four bytes at 4; `Japan` follows the hyphen.
        let tokens = WordTokenizer::english().tokenize(text);
        assert_eq!((tokens[1].start, tokens[1].end), (4, 8));
        assert_eq!(&text[tokens[2].start..tokens[2].end], "Japan");
        // The sentence's period after an ordinary word stays out.
        assert!(!text[tokens[8].end..].is_empty() && text[tokens[8].end..].starts_with('.'));
        assert!(!is_dotted_abbreviation("F.M.Darrieus"));
        assert!(!is_dotted_abbreviation("3.5"));
        assert!(!is_dotted_abbreviation("US"));
    }

    /// The stemmer read `’` as `'`, the stop list did not.
    #[test]
    fn curly_apostrophes_are_stop_words_like_straight_ones() {
        for text in ["It’s", "don’t", "isn’t", "It's", "don't"] {
            assert!(rows(text)[0].2, "{text}");
        }
        assert!(is_stop_word("it’s"));
        assert!(!rows("Japan’s")[0].2);
    }

    /// `US` (the United States) was a stop word: the list is lowercase.
    #[test]
    fn stop_words_in_capitals_can_be_abbreviations() {
        let text = "US officials met us and the WHO. It is IT work.";
        let stops: Vec<(&str, bool)> = rows(text).into_iter().map(|r| (r.0, r.2)).collect();
        assert_eq!(
            stops,
            [
                ("US", false),
                ("officials", false),
                ("met", false),
                ("us", true),
                ("and", true),
                ("the", true),
                ("WHO", false),
                ("It", true),
                ("is", true),
                ("IT", false),
                ("work", false)
            ]
        );
        // Capitals beside capitals, or a line all in capitals: emphasis or
        // a headline, where `US` may be the pronoun.
        assert!(rows("TALKS WITH US ended")[2].2);
        assert!(rows("Talks\nWITH US\n")[2].2);
        assert!(!rows("TRADE\nUS officials\n")[1].2);
        // `NOT` and `IN` in capitals are emphasis or keywords, not abbreviations.
        assert!(rows("You must NOT go")[2].2);
    }

    /// Full-width letters and invisible characters made other lowercase
    /// forms and stems than plain ASCII.
    #[test]
    fn lower_and_term_are_folded() {
        let text = "ＷＴＯ tariffs\u{AD} trade\u{200B}";
        let tokens = WordTokenizer::english().tokenize(text);
        let forms: Vec<(&str, &str)> = tokens
            .iter()
            .map(|t| (t.lower.as_str(), t.term.as_str()))
            .collect();
        assert_eq!(
            forms,
            [("wto", "wto"), ("tariffs", "tariff"), ("trade", "trade")]
        );
        assert_eq!(&text[tokens[1].start..tokens[1].end], "tariffs\u{AD}");
    }

    #[test]
    fn other_languages_get_their_stemmer_and_no_stop_list() {
        let tokens = WordTokenizer::for_language("fr").tokenize("les négociations");
        assert_eq!(tokens[1].term, "négoci");
        assert!(!tokens[0].is_stop);
        let tokens = WordTokenizer::for_language("xx").tokenize("Abc");
        assert_eq!(tokens[0].term, "abc");
    }

    #[test]
    fn ascii_fast_path_matches_uax29() {
        const ALPHABET: &[u8] = b"aZk09._',;:- \"\n!(";
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..50_000 {
            let mut s = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 24) as usize;
            for k in 0..len {
                let r = (state >> (k % 40)) as usize ^ k.wrapping_mul(2654435761);
                s.push(ALPHABET[r % ALPHABET.len()] as char);
            }
            let fast: Vec<(usize, &str)> = AsciiWords { text: &s, at: 0 }.collect();
            let slow: Vec<(usize, &str)> = s
                .split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
                .collect();
            assert_eq!(fast, slow, "{s:?}");
        }
    }

    #[test]
    fn stop_words_are_flagged() {
        let tokens = WordTokenizer::english().tokenize("The talks were not over");
        let stops: Vec<bool> = tokens.iter().map(|t| t.is_stop).collect();
        assert_eq!(stops, [true, false, true, true, true]);
    }
}
