//! Mergeable counts: everything ranking needs, as integers and strings, so
//! that counts made in pieces (threads, machines, days) and merged give
//! exactly the ranking of one run over the whole.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::align::PairStats;
use crate::{Count, Error};

/// Version of the statistics format written by this crate. 2 since the
/// Japanese keys came to be spelling keys with place suffixes in compounds
/// (2026-12-03); 3 since a Japanese compound is keyed by its stand-alone cut,
/// plural suffixes and nouns of time left out (tenth session): counts of an
/// older version key the same term otherwise, and merged with these would
/// count it twice. 4 since a Japanese count records the keys standing only
/// inside longer candidates ([`Stats::nested_docs`], session of 2026-12-04): an
/// older count lacks them, and its terms' documents would come out short.
pub const STATS_VERSION: u32 = 4;

/// Version of a statistics record (its `kotoba_stats` field, see [`Record`]).
pub const RECORD_VERSION: u64 = 1;

/// Version of a record that is [`Record::incomplete`]: a build that predates
/// the mark refuses such a record rather than dropping the mark unread.
pub const INCOMPLETE_RECORD_VERSION: u64 = 2;

/// A record that cannot be right: the error names what is wrong. The
/// message carries no position, since records are often re-serialized
/// pieces of a larger line and a column would point nowhere useful.
fn invalid(message: impl std::fmt::Display) -> Error {
    Error::Json(<serde_json::Error as serde::de::Error>::custom(message))
}

/// A sum of counts, or an error naming the count when it does not fit in
/// 64 bits (wrapping around would rank nonsense).
fn checked_sum(a: u64, b: u64, count: Count) -> Result<u64, Error> {
    a.checked_add(b).ok_or_else(|| overflowed(count, a, b))
}

/// The error of a sum `a + b` of `count` that passes `u64::MAX`.
pub(crate) fn overflowed(count: Count, a: u64, b: u64) -> Error {
    Error::Overflow {
        term: None,
        count,
        ours: a,
        theirs: b,
    }
}

/// The language of a statistics table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English: stop-word-bounded n-grams of words.
    En,
    /// Japanese: compound nouns of IPADIC morphemes.
    Ja,
}

impl Language {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ja => "ja",
        }
    }

    /// Parses `en` or `ja`.
    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "en" => Some(Language::En),
            "ja" => Some(Language::Ja),
            _ => None,
        }
    }
}

/// The counts of one candidate term (all occurrences of all its surface forms).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermCounts {
    /// Occurrences.
    pub freq: u64,
    /// Documents with at least one occurrence.
    pub doc_freq: u64,
    /// Occurrences whose case tells something (not sentence-initial, not in
    /// an all-capitals line); English only.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub cased: u64,
    /// Of those, occurrences with a capital letter; English only.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub capitalized: u64,
    /// Times the text defines the term as an abbreviation or as the long
    /// form of one (`European Anti-Fraud Office (OLAF)`); English only.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub defined: u64,
    /// Surface forms seen where case tells something, with their counts.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub surfaces: BTreeMap<String, u64>,
    /// The surface to show when `surfaces` is empty (lowercase, smallest).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fallback: String,
    /// A sentence with the term (chosen by [`better_example`], so merging
    /// in any order picks the same one).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub example: String,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl TermCounts {
    /// Adds `other`'s counts to these; a count that would pass `u64::MAX`
    /// stays there (for the small counts of one document;
    /// [`TermCounts::try_absorb`] fails instead).
    pub fn absorb(&mut self, other: TermCounts) {
        self.freq = self.freq.saturating_add(other.freq);
        self.doc_freq = self.doc_freq.saturating_add(other.doc_freq);
        self.cased = self.cased.saturating_add(other.cased);
        self.capitalized = self.capitalized.saturating_add(other.capitalized);
        self.defined = self.defined.saturating_add(other.defined);
        for (s, n) in other.surfaces {
            let total = self.surfaces.entry(s).or_insert(0);
            *total = total.saturating_add(n);
        }
        if self.fallback.is_empty()
            || (!other.fallback.is_empty() && other.fallback < self.fallback)
        {
            self.fallback = other.fallback;
        }
        if better_example(&other.example, &self.example) {
            self.example = other.example;
        }
    }

    /// Adds `other`'s counts to these, or fails naming the count that would
    /// pass `u64::MAX`, leaving these unchanged.
    pub fn try_absorb(&mut self, other: TermCounts) -> Result<(), Error> {
        if let Some((what, a, b)) = self.overflow(&other) {
            return Err(overflowed(what, a, b));
        }
        self.absorb(other);
        Ok(())
    }

    /// The first count whose sum with `other`'s would pass `u64::MAX`, as
    /// (count, this count, the other).
    fn overflow(&self, other: &TermCounts) -> Option<(Count, u64, u64)> {
        let counts = [
            (Count::Freq, self.freq, other.freq),
            (Count::DocFreq, self.doc_freq, other.doc_freq),
            (Count::Cased, self.cased, other.cased),
            (Count::Capitalized, self.capitalized, other.capitalized),
            (Count::Defined, self.defined, other.defined),
        ];
        if let Some(found) = counts.into_iter().find(|c| c.1.checked_add(c.2).is_none()) {
            return Some(found);
        }
        other.surfaces.iter().find_map(|(s, &b)| {
            let a = self.surfaces.get(s).copied().unwrap_or(0);
            a.checked_add(b)
                .is_none()
                .then(|| (Count::Surface(s.clone()), a, b))
        })
    }

    /// What contradicts itself in these counts of the term `key` in
    /// statistics of `docs` documents, if anything.
    fn problem(&self, key: &str, docs: u64) -> Option<String> {
        let wrong = |what: String| Some(format!("term `{key}`: {what}"));
        if key.is_empty() {
            return Some("a term has an empty key".to_string());
        }
        if self.doc_freq == 0 {
            return wrong("doc_freq is 0, but a term counted is in some document".into());
        }
        if self.doc_freq > docs {
            return wrong(format!(
                "doc_freq {} is more than docs ({docs})",
                self.doc_freq
            ));
        }
        if self.doc_freq > self.freq {
            return wrong(format!(
                "doc_freq {} is more than freq {}",
                self.doc_freq, self.freq
            ));
        }
        if self.cased > self.freq {
            return wrong(format!(
                "cased {} is more than freq {}",
                self.cased, self.freq
            ));
        }
        if self.capitalized > self.cased {
            return wrong(format!(
                "capitalized {} is more than cased {}",
                self.capitalized, self.cased
            ));
        }
        let mut seen: u64 = 0;
        for (surface, &n) in &self.surfaces {
            if n == 0 {
                return wrong(format!("surface `{surface}` is counted 0 times"));
            }
            seen = match seen.checked_add(n) {
                Some(total) if total <= self.freq => total,
                _ => {
                    return wrong(format!(
                        "its surface forms are counted more often than freq {}",
                        self.freq
                    ));
                }
            };
        }
        None
    }

    /// The most frequent surface form (ties: for a term of several words
    /// the one with fewer capitals, then the smallest string: `government
    /// procurement` seen once as such and once inside `Government
    /// Procurement Agreement` is a common noun's term, not a name).
    pub fn surface(&self) -> &str {
        // One word keeps the smallest (`Unicode` beside `unicode` of a
        // path): a name of one word is written so where case tells.
        let capitals = |s: &str| {
            if s.contains(' ') {
                s.chars().filter(|c| c.is_uppercase()).count()
            } else {
                0
            }
        };
        self.surfaces
            .iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then_with(|| capitals(b.0).cmp(&capitals(a.0)))
                    .then_with(|| b.0.cmp(a.0))
            })
            .map_or(self.fallback.as_str(), |(s, _)| s.as_str())
    }
}

/// The pieces of [`inner_keys`], each once (`a a` holds `a` once), sorted.
pub(crate) fn distinct_inner_keys(key: &str) -> Vec<&str> {
    let mut subs: Vec<&str> = inner_keys(key).into_iter().map(|(_, _, k)| k).collect();
    subs.sort_unstable();
    subs.dedup();
    subs
}

/// The pieces of a key of words joined by spaces that are shorter than it,
/// each a run of whole words: (first word, last word, the piece). `a b c`
/// gives `a`, `a b`, `b`, `b c` and `c`.
pub(crate) fn inner_keys(key: &str) -> Vec<(usize, usize, &str)> {
    let words = key.split(' ').count();
    // Byte offset of each word, and one past the end.
    let mut starts: Vec<usize> = Vec::with_capacity(words + 1);
    starts.push(0);
    starts.extend(key.match_indices(' ').map(|(at, _)| at + 1));
    starts.push(key.len() + 1);
    let mut out = Vec::new();
    for i in 0..words {
        for j in i..words {
            if j - i + 1 < words {
                out.push((i, j, &key[starts[i]..starts[j + 1] - 1]));
            }
        }
    }
    out
}

/// Longest example kept, in characters: a longer sentence (a run of
/// messages without punctuation, a table) is cut to a window around the term.
pub const EXAMPLE_CHARS: usize = 240;

/// `sentence`, or when it is longer than [`EXAMPLE_CHARS`] a window of it
/// around the first occurrence of `term`, cut at spaces where there are any
/// and marked with `…`.
pub fn clip_example<'a>(sentence: &'a str, term: &str) -> std::borrow::Cow<'a, str> {
    if sentence.len() <= EXAMPLE_CHARS || sentence.chars().count() <= EXAMPLE_CHARS {
        return std::borrow::Cow::Borrowed(sentence);
    }
    // A term not found (its surface normalised differently): cut from the start.
    let (at, after) = sentence
        .find(term)
        .map_or((0, 0), |at| (at, at + term.len()));
    std::borrow::Cow::Owned(clip_around(sentence, at, after))
}

/// A window of about [`EXAMPLE_CHARS`] characters of `text` around the bytes
/// `at..after` (which must lie on character boundaries), cut at spaces where
/// there are any and marked with `…`; runs of white space become one space.
/// Its cost grows with the window, not with `text`.
pub fn clip_around(text: &str, at: usize, after: usize) -> String {
    let (at, after) = if at <= after
        && after <= text.len()
        && text.is_char_boundary(at)
        && text.is_char_boundary(after)
    {
        (at, after)
    } else {
        (0, 0)
    };
    // Characters are counted by decoding UTF-8 only where the text is not
    // ASCII: this runs for every occurrence of a candidate in a long
    // sentence, and decoding was most of a term count's time.
    let bytes = text.as_bytes();
    let term_chars = if bytes[at..after].is_ascii() {
        after - at
    } else {
        text[at..after].chars().count()
    };
    let context = EXAMPLE_CHARS.saturating_sub(term_chars) / 2;
    // Char boundaries `context` characters either side of the term (at
    // least one before it).
    let back = context.max(1);
    let mut start = match at.checked_sub(back) {
        Some(s) if bytes[s..at].is_ascii() => s,
        None if bytes[..at].is_ascii() => 0,
        _ => text[..at]
            .char_indices()
            .rev()
            .nth(back - 1)
            .map_or(0, |(i, _)| i),
    };
    let ahead = (after + context).min(text.len());
    let mut end = if bytes[after..ahead].is_ascii() {
        if ahead < text.len() {
            ahead
        } else {
            text.len()
        }
    } else {
        text[after..]
            .char_indices()
            .nth(context)
            .map_or(text.len(), |(i, _)| after + i)
    };
    // Prefer whole words when the text has spaces.
    if start > 0
        && let Some(sp) = text[start..at].find(' ')
    {
        start += sp + 1;
    }
    if end < text.len()
        && let Some(sp) = text[after..end].rfind(' ')
    {
        end = after + sp;
    }
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push('…');
    }
    let window = text[start..end].trim();
    let irregular_space = if window.is_ascii() {
        // `u8::is_ascii_whitespace` leaves out the vertical tab, which
        // `char::is_whitespace` counts.
        let b = window.as_bytes();
        memchr::memchr3(b'\t', b'\n', b'\r', b).is_some()
            || memchr::memchr2(0x0b, 0x0c, b).is_some()
    } else {
        window.contains(|c: char| c.is_whitespace() && c != ' ')
    };
    // One searcher for every call: building it is most of a short search.
    static DOUBLE_SPACE: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    let double_space = DOUBLE_SPACE.get_or_init(|| memchr::memmem::Finder::new(b"  "));
    if irregular_space || double_space.find(window.as_bytes()).is_some() {
        out.push_str(&window.split_whitespace().collect::<Vec<_>>().join(" "));
    } else {
        out.push_str(window);
    }
    if end < text.len() {
        out.push('…');
    }
    out
}

/// True when `a` makes a better example sentence than `b`: a readable
/// length (30–250 characters) first, then shorter, then the smaller string.
/// A total order, so the choice does not depend on the order of merging.
pub fn better_example(a: &str, b: &str) -> bool {
    better_example_counted(a, chars(a), b)
}

/// The characters of `s`, counted without decoding when it is ASCII (an
/// example is compared with the one kept for every occurrence of a term).
fn chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// [`better_example`] for an `a` of `a_chars` characters, counted once by
/// the caller: a sentence is offered for each term it holds.
pub fn better_example_counted(a: &str, a_chars: usize, b: &str) -> bool {
    if a.is_empty() {
        return false;
    }
    if b.is_empty() {
        return true;
    }
    let b_chars = chars(b);
    (!(30..=250).contains(&a_chars), a_chars, a) < (!(30..=250).contains(&b_chars), b_chars, b)
}

/// Offers a sentence of `chars` characters as the example kept in
/// `stored` ([`better_example`] decides); a sentence longer than
/// [`EXAMPLE_CHARS`] is offered as the window `clip` cuts from it.
pub fn offer_example(
    stored: &mut String,
    sentence: &str,
    chars: usize,
    clip: impl FnOnce() -> String,
) {
    if chars <= EXAMPLE_CHARS {
        if better_example_counted(sentence, chars, stored) {
            stored.clear();
            stored.push_str(sentence);
        }
    } else if !sentence.is_empty() {
        let window = clip();
        if better_example(&window, stored) {
            *stored = window;
        }
    }
}

/// Term statistics of a corpus in one language: integer counts that merge.
/// Reading them (from JSON or any serde format) fails on an unknown
/// version and on counts that contradict themselves ([`Stats::problem`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "UncheckedStats")]
pub struct Stats {
    /// Format version ([`STATS_VERSION`]).
    pub version: u32,
    /// The language counted.
    pub language: Language,
    /// Documents counted.
    pub docs: u64,
    /// Running words (English) or morphemes (Japanese) counted.
    pub words: u64,
    /// Candidates by key (English: lowercase singular words joined by
    /// spaces; Japanese: the parts of the compound joined by spaces).
    pub terms: BTreeMap<String, TermCounts>,
    /// Japanese: by key, the documents in which it stands only inside
    /// longer candidates, never whole (関税 in a document that writes only
    /// 関税化). A term's documents are its `doc_freq` plus these.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub nested_docs: BTreeMap<String, u64>,
}

/// [`Stats`] as read, before they are checked.
#[derive(Deserialize)]
struct UncheckedStats {
    version: u32,
    language: Language,
    docs: u64,
    words: u64,
    terms: BTreeMap<String, TermCounts>,
    #[serde(default)]
    nested_docs: BTreeMap<String, u64>,
}

impl TryFrom<UncheckedStats> for Stats {
    type Error = String;

    fn try_from(raw: UncheckedStats) -> Result<Stats, String> {
        let stats = Stats {
            version: raw.version,
            language: raw.language,
            docs: raw.docs,
            words: raw.words,
            terms: raw.terms,
            nested_docs: raw.nested_docs,
        };
        match stats.problem() {
            Some(problem) => Err(problem),
            None => Ok(stats),
        }
    }
}

/// Running totals of many documents' statistics, kept in a hash map so that
/// adding a document costs one lookup per term; [`Tally::into_stats`] gives
/// the sorted [`Stats`]. The result is the same as absorbing every document
/// into one [`Stats`], in any order.
#[derive(Debug, Clone)]
pub struct Tally {
    language: Language,
    docs: u64,
    words: u64,
    terms: rustc_hash::FxHashMap<String, TermCounts>,
    nested_docs: rustc_hash::FxHashMap<String, u64>,
}

impl Tally {
    /// Empty totals for `language`.
    pub fn new(language: Language) -> Tally {
        Tally {
            language,
            docs: 0,
            words: 0,
            terms: rustc_hash::FxHashMap::default(),
            nested_docs: rustc_hash::FxHashMap::default(),
        }
    }

    /// Adds `stats`; fails when the version differs, when the language
    /// differs and `stats` counted something, or when a count would pass
    /// `u64::MAX` (the tally is then partly added and of no further use:
    /// checking every term first would double the cost of each document).
    pub fn add(&mut self, stats: Stats) -> Result<(), Error> {
        if stats.version != STATS_VERSION {
            return Err(Error::StatsVersions {
                ours: STATS_VERSION,
                theirs: stats.version,
            });
        }
        if stats.is_empty() {
            return Ok(());
        }
        if stats.language != self.language {
            return Err(Error::Languages {
                ours: self.language,
                theirs: stats.language,
            });
        }
        self.docs = checked_sum(self.docs, stats.docs, Count::Docs)?;
        self.words = checked_sum(self.words, stats.words, Count::Words)?;
        for (key, counts) in stats.terms {
            match self.terms.get_mut(&key) {
                Some(total) => total.try_absorb(counts).map_err(|e| in_term(e, &key))?,
                None => {
                    self.terms.insert(key, counts);
                }
            }
        }
        for (key, n) in stats.nested_docs {
            match self.nested_docs.get_mut(&key) {
                Some(total) => match total.checked_add(n) {
                    Some(sum) => *total = sum,
                    None => return Err(in_term(overflowed(Count::NestedDocs, *total, n), &key)),
                },
                None => {
                    self.nested_docs.insert(key, n);
                }
            }
        }
        Ok(())
    }

    /// The totals as [`Stats`].
    pub fn into_stats(self) -> Stats {
        let mut terms: Vec<(String, TermCounts)> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Stats {
            version: STATS_VERSION,
            language: self.language,
            docs: self.docs,
            words: self.words,
            // Sorted input: the map is built in one pass.
            terms: terms.into_iter().collect(),
            nested_docs: self.nested_docs.into_iter().collect(),
        }
    }
}

/// `error` (an overflow) said of the term `key`.
fn in_term(error: Error, key: &str) -> Error {
    match error {
        Error::Overflow {
            count,
            ours,
            theirs,
            ..
        } => Error::Overflow {
            term: Some(key.to_string()),
            count,
            ours,
            theirs,
        },
        other => other,
    }
}

/// The first term whose counts in `a` and `b` together would pass
/// `u64::MAX`, as an error naming it and the count.
fn terms_overflow(
    a: &BTreeMap<String, TermCounts>,
    b: &BTreeMap<String, TermCounts>,
) -> Result<(), Error> {
    let (small, large) = if a.len() < b.len() { (a, b) } else { (b, a) };
    for (key, counts) in small {
        if let Some(total) = large.get(key)
            && let Some((what, x, y)) = total.overflow(counts)
        {
            return Err(in_term(overflowed(what, x, y), key));
        }
    }
    Ok(())
}

/// The union of two count maps, equal keys absorbed, in one ordered pass.
fn merge_sorted(
    a: BTreeMap<String, TermCounts>,
    b: BTreeMap<String, TermCounts>,
) -> BTreeMap<String, TermCounts> {
    let mut merged = Vec::with_capacity(a.len().max(b.len()));
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let order = match (a.peek(), b.peek()) {
            (Some((ka, _)), Some((kb, _))) => ka.cmp(kb),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => break,
        };
        match order {
            std::cmp::Ordering::Less => merged.extend(a.next()),
            std::cmp::Ordering::Greater => merged.extend(b.next()),
            std::cmp::Ordering::Equal => {
                if let (Some((key, mut counts)), Some((_, other))) = (a.next(), b.next()) {
                    counts.absorb(other);
                    merged.push((key, counts));
                }
            }
        }
    }
    // Sorted input: the map is built in one pass.
    merged.into_iter().collect()
}

impl Stats {
    /// Empty statistics for `language`.
    pub fn new(language: Language) -> Stats {
        Stats {
            version: STATS_VERSION,
            language,
            docs: 0,
            words: 0,
            terms: BTreeMap::new(),
            nested_docs: BTreeMap::new(),
        }
    }

    /// True when nothing was counted: no documents, words or terms.
    pub fn is_empty(&self) -> bool {
        self.docs == 0 && self.words == 0 && self.terms.is_empty() && self.nested_docs.is_empty()
    }

    /// The documents a term is in, whole or inside a longer candidate
    /// (`doc_freq` and [`Stats::nested_docs`]).
    pub fn documents_of(&self, key: &str, counts: &TermCounts) -> u64 {
        counts
            .doc_freq
            .saturating_add(self.nested_docs.get(key).copied().unwrap_or(0))
    }

    /// Adds `other` into `self`. Empty statistics ([`Stats::is_empty`])
    /// merge with either language, the result taking the other's: a shard
    /// without documents cannot tell its language. Fails, leaving `self`
    /// unchanged, when versions differ, when both counted something in
    /// different languages, or when a sum would pass `u64::MAX`.
    pub fn absorb(&mut self, other: Stats) -> Result<(), Error> {
        self.check_absorb(&other)?;
        if other.is_empty() {
            return Ok(());
        }
        if self.is_empty() {
            *self = other;
            return Ok(());
        }
        self.docs += other.docs;
        self.words += other.words;
        for (k, n) in other.nested_docs {
            let total = self.nested_docs.entry(k).or_insert(0);
            *total = total.saturating_add(n);
        }
        // Two large maps (the partial counts of threads or shards): one pass
        // over both in key order instead of a lookup per key.
        let (small, large) = if self.terms.len() < other.terms.len() {
            (self.terms.len(), other.terms.len())
        } else {
            (other.terms.len(), self.terms.len())
        };
        if small > 1024 && small * 8 > large {
            let mine = std::mem::take(&mut self.terms);
            self.terms = merge_sorted(mine, other.terms);
            return Ok(());
        }
        if self.terms.len() < other.terms.len() {
            let mine = std::mem::take(&mut self.terms);
            self.terms = other.terms;
            for (k, v) in mine {
                self.terms.entry(k).or_default().absorb(v);
            }
        } else {
            for (k, v) in other.terms {
                self.terms.entry(k).or_default().absorb(v);
            }
        }
        Ok(())
    }

    /// Why [`Stats::absorb`] would fail on `other`, checked before anything
    /// changes: another format version, another language, or a sum past
    /// `u64::MAX`.
    pub(crate) fn check_absorb(&self, other: &Stats) -> Result<(), Error> {
        if other.version != self.version {
            return Err(Error::StatsVersions {
                ours: self.version,
                theirs: other.version,
            });
        }
        if other.is_empty() || self.is_empty() {
            return Ok(());
        }
        if other.language != self.language {
            return Err(Error::Languages {
                ours: self.language,
                theirs: other.language,
            });
        }
        checked_sum(self.docs, other.docs, Count::Docs)?;
        checked_sum(self.words, other.words, Count::Words)?;
        // Each is at most `docs`, whose sum was just checked.
        terms_overflow(&self.terms, &other.terms)
    }

    /// The sum of two statistics (same as counting both corpora at once).
    pub fn merge(a: Stats, b: Stats) -> Result<Stats, Error> {
        let mut a = a;
        a.absorb(b)?;
        Ok(a)
    }

    /// The statistics as JSON (keys sorted, so equal stats give equal bytes).
    pub fn to_json(&self) -> Result<String, Error> {
        Ok(serde_json::to_string(self)?)
    }

    /// Reads statistics written by [`Stats::to_json`]; fails on an unknown
    /// version (named, whatever the rest looks like) and on counts that
    /// contradict themselves.
    pub fn from_json(text: &str) -> Result<Stats, Error> {
        stats_from_value(serde_json::from_str(text)?)
    }

    /// What contradicts itself in these counts, if anything: an unknown
    /// version, words without documents, or a term counted in more
    /// documents than there are, in more documents than occurrences, and
    /// the like (the first such term in key order is named).
    pub fn problem(&self) -> Option<String> {
        if self.version != STATS_VERSION {
            return Some(unknown_version("statistics format", self.version));
        }
        // A term first: it says more than the totals.
        for (key, counts) in &self.terms {
            if let Some(problem) = counts.problem(key, self.docs) {
                return Some(problem);
            }
            if self.words == 0 {
                return Some(format!("words is 0 but term `{key}` is counted"));
            }
        }
        for (key, &n) in &self.nested_docs {
            let whole = self.terms.get(key).map_or(0, |c| c.doc_freq);
            if n == 0 || whole.saturating_add(n) > self.docs {
                return Some(format!(
                    "term `{key}`: nested_docs {n} (with doc_freq {whole}) is 0 or more than docs ({})",
                    self.docs
                ));
            }
        }
        if self.docs == 0 && self.words > 0 {
            return Some(format!("docs is 0 but words is {}", self.words));
        }
        None
    }
}

/// What an unknown version of `what` is told.
fn unknown_version(what: &str, version: impl std::fmt::Display) -> String {
    format!("{what} version {version} is unknown (this build reads version {STATS_VERSION})")
}

/// Fails unless the JSON object `v` has `field` equal to `known`; checked
/// before the rest is read, so that a later format is named as such rather
/// than reported as some field it lacks.
fn check_version(v: &Value, field: &str, known: u64, what: &str) -> Result<(), Error> {
    if !v.is_object() {
        return Err(invalid(format!(
            "{what}: expected a JSON object, found {v}"
        )));
    }
    match v.get(field) {
        Some(n) if n.as_u64() == Some(known) => Ok(()),
        Some(n) => Err(invalid(format!(
            "{what} version {n} is unknown (this build reads version {known})"
        ))),
        None => Err(invalid(format!("{what}: no `{field}` field"))),
    }
}

/// [`Stats`] from a JSON value, the version checked first.
fn stats_from_value(v: Value) -> Result<Stats, Error> {
    check_version(&v, "version", u64::from(STATS_VERSION), "statistics format")?;
    Ok(serde_json::from_value(v)?)
}

/// What contradicts itself in pair counts, if anything, their sides'
/// own counts aside ([`Stats::problem`]): each side counts the segments,
/// and two terms are together in no more segments than either is in.
fn pairs_problem(pairs: &PairStats) -> Option<String> {
    if pairs.version != STATS_VERSION {
        return Some(unknown_version("pair statistics format", pairs.version));
    }
    for (side, stats, language) in [
        ("en", &pairs.en, Language::En),
        ("ja", &pairs.ja, Language::Ja),
    ] {
        if stats.language != language {
            return Some(format!("the {side} side counted {}", stats.language.code()));
        }
        if stats.docs != pairs.segments {
            return Some(format!(
                "segments is {} but the {side} side counted {} docs",
                pairs.segments, stats.docs
            ));
        }
    }
    for (en, row) in &pairs.cooc {
        let Some(en_counts) = pairs.en.terms.get(en) else {
            return Some(format!(
                "cooc names `{en}`, which the en side did not count"
            ));
        };
        for (ja, &n) in row {
            let Some(ja_counts) = pairs.ja.terms.get(ja) else {
                return Some(format!(
                    "cooc names `{ja}`, which the ja side did not count"
                ));
            };
            let most = en_counts.doc_freq.min(ja_counts.doc_freq);
            if n == 0 || n > most {
                return Some(format!(
                    "cooc of `{en}` and `{ja}` is {n}, but they are in {} and {} segments",
                    en_counts.doc_freq, ja_counts.doc_freq
                ));
            }
        }
    }
    None
}

/// One line of a statistics file, as `kotoba glossary build --emit-stats`
/// writes it: `{"kotoba_stats":1,"terms":…,"pairs":…}`, with term counts
/// and, when segment pairs were counted too, pair counts (else `null`), and
/// for a shard of a split corpus `"shards":{"of":N,"have":[K]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The term counts.
    pub terms: Stats,
    /// The pair counts, when a parallel file was counted.
    pub pairs: Option<PairStats>,
    /// The shards of a split corpus the counts hold (`None`: the whole
    /// corpus), so that a merge can tell a shard missing or given twice.
    pub shards: Option<Shards>,
    /// Some input (a document, a line of the parallel file) failed to be
    /// read when these were counted: they lack it, and whatever ranks them
    /// says so (`"incomplete":true`, written only then).
    pub incomplete: bool,
}

/// Which shards of a corpus split into `of` (`--shard K/N`) a record holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shards {
    /// N, the number of shards of the split.
    pub of: u64,
    /// The shards held (each K < N), ascending, each once.
    pub have: Vec<u64>,
}

impl Shards {
    /// Shard `k` of `of`.
    pub fn one(k: u64, of: u64) -> Shards {
        Shards { of, have: vec![k] }
    }

    /// Adds the shards of `other`: an error names a split of another size
    /// or a shard held by both.
    pub fn merge(&mut self, other: &Shards) -> Result<(), Error> {
        if other.of != self.of {
            return Err(Error::ShardSplits {
                ours: self.of,
                theirs: other.of,
            });
        }
        if let Some(&k) = other
            .have
            .iter()
            .find(|k| self.have.binary_search(k).is_ok())
        {
            return Err(Error::ShardTwice {
                shard: k,
                of: self.of,
            });
        }
        self.have.extend_from_slice(&other.have);
        self.have.sort_unstable();
        Ok(())
    }

    /// How many shards of the split are not held.
    pub fn missing_count(&self) -> u64 {
        self.of.saturating_sub(self.have.len() as u64)
    }

    /// The first `n` shards of the split not held, in order: the split's
    /// size comes from a file, so they are never all listed at once.
    pub fn missing(&self, n: usize) -> Vec<u64> {
        let mut out = Vec::new();
        let mut held = self.have.iter().peekable();
        let mut k = 0;
        while k < self.of && out.len() < n {
            match held.peek() {
                Some(&&h) if h == k => {
                    held.next();
                }
                _ => out.push(k),
            }
            k += 1;
        }
        out
    }

    fn problem(&self) -> Option<String> {
        if self.of == 0 {
            return Some("a split into 0 shards".into());
        }
        if self.have.windows(2).any(|w| w[0] >= w[1]) || self.have.iter().any(|&k| k >= self.of) {
            return Some(format!(
                "shards {:?} of {} are not distinct shards of the split",
                self.have, self.of
            ));
        }
        None
    }
}

/// A [`Record`] as written: fields in a fixed order.
#[derive(Serialize)]
struct RecordOut<'a> {
    kotoba_stats: u64,
    terms: &'a Stats,
    pairs: Option<&'a PairStats>,
    #[serde(skip_serializing_if = "Option::is_none")]
    shards: Option<&'a Shards>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    incomplete: bool,
}

impl Record {
    /// The record as one line of JSON (no line break); equal counts give
    /// equal bytes.
    pub fn to_json(&self) -> Result<String, Error> {
        Ok(serde_json::to_string(&RecordOut {
            kotoba_stats: if self.incomplete {
                INCOMPLETE_RECORD_VERSION
            } else {
                RECORD_VERSION
            },
            terms: &self.terms,
            pairs: self.pairs.as_ref(),
            shards: self.shards.as_ref(),
            incomplete: self.incomplete,
        })?)
    }

    /// Reads a record written by [`Record::to_json`]: fails on something
    /// else, on an unknown version of the record or of its counts, and on
    /// counts that contradict themselves, naming what is wrong.
    pub fn from_json(line: &str) -> Result<Record, Error> {
        Record::from_value(serde_json::from_str(line)?)
    }

    /// [`Record::from_json`] of a line already parsed.
    pub fn from_value(v: Value) -> Result<Record, Error> {
        let Value::Object(mut fields) = v else {
            return Err(invalid("not a kotoba stats record (not a JSON object)"));
        };
        let version = fields.get("kotoba_stats").and_then(Value::as_u64);
        match fields.get("kotoba_stats") {
            Some(n)
                if n.as_u64() == Some(RECORD_VERSION)
                    || n.as_u64() == Some(INCOMPLETE_RECORD_VERSION) => {}
            Some(n) => {
                return Err(invalid(format!(
                    "kotoba_stats version {n} is unknown (this build reads versions {RECORD_VERSION} and {INCOMPLETE_RECORD_VERSION})"
                )));
            }
            None => return Err(invalid("not a kotoba stats record (no kotoba_stats field)")),
        }
        let within = |what: &str, e: Error| invalid(format!("{what}: {}", inner_message(e)));
        let terms = fields
            .remove("terms")
            .ok_or_else(|| invalid("the record has no terms"))
            .and_then(stats_from_value)
            .map_err(|e| within("terms", e))?;
        let pairs = match fields.remove("pairs") {
            None | Some(Value::Null) => None,
            Some(p) => Some(pairs_from_value(p).map_err(|e| within("pairs", e))?),
        };
        let shards = match fields.remove("shards") {
            None | Some(Value::Null) => None,
            Some(v) => {
                let shards: Shards =
                    serde_json::from_value(v).map_err(|e| invalid(format!("shards: {e}")))?;
                if let Some(problem) = shards.problem() {
                    return Err(invalid(format!("shards: {problem}")));
                }
                Some(shards)
            }
        };
        let incomplete = match fields.remove("incomplete") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => b,
            Some(other) => {
                return Err(invalid(format!("incomplete: {other} is not true or false")));
            }
        };
        // Version 2 is always written with the mark: without it the record
        // was not written by kotoba, and read as complete it would be
        // written back as version 1, the mark lost.
        if version == Some(INCOMPLETE_RECORD_VERSION) && !incomplete {
            return Err(Error::Record(format!(
                "kotoba_stats version {INCOMPLETE_RECORD_VERSION} is for counts marked \
                 \"incomplete\":true, which this record lacks; it was not written by kotoba \
                 (complete counts are version {RECORD_VERSION})"
            )));
        }
        Ok(Record {
            terms,
            pairs,
            shards,
            incomplete,
        })
    }
}

/// [`PairStats`] as read, without their two sides.
#[derive(Deserialize)]
struct UncheckedPairs {
    version: u32,
    segments: u64,
    cooc: BTreeMap<String, BTreeMap<String, u64>>,
}

/// [`PairStats`] from a JSON value: versions checked first, each side read
/// on its own so that an error names it, then the sides checked together.
pub(crate) fn pairs_from_value(mut v: Value) -> Result<PairStats, Error> {
    let pair_format = "pair statistics format";
    check_version(&v, "version", u64::from(STATS_VERSION), pair_format)?;
    let mut side = |name: &str| {
        let value = v
            .as_object_mut()
            .and_then(|fields| fields.remove(name))
            .ok_or_else(|| invalid(format!("no `{name}` side")))?;
        stats_from_value(value).map_err(|e| invalid(format!("{name}: {}", inner_message(e))))
    };
    let (en, ja) = (side("en")?, side("ja")?);
    let rest: UncheckedPairs = serde_json::from_value(v)?;
    let pairs = PairStats {
        version: rest.version,
        segments: rest.segments,
        en,
        ja,
        cooc: rest.cooc,
    };
    match pairs_problem(&pairs) {
        Some(problem) => Err(invalid(problem)),
        None => Ok(pairs),
    }
}

/// The message of `e` without the prefix of its kind, to be wrapped in
/// another of the same kind.
fn inner_message(e: Error) -> String {
    match e {
        Error::Json(e) => e.to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_keys_are_the_shorter_runs_of_words() {
        let pieces: Vec<&str> = inner_keys("a bb c").into_iter().map(|p| p.2).collect();
        assert_eq!(pieces, ["a", "a bb", "bb", "bb c", "c"]);
        assert_eq!(inner_keys("b c")[1], (1, 1, "c"));
        assert!(inner_keys("one").is_empty());
    }

    /// A tie between a capitalised and a lowercase surface went to the
    /// capitals, which sort first (a terminologist's review found
    /// `Government Procurement` shown for the common noun).
    #[test]
    fn ties_of_surface_go_to_fewer_capitals() {
        let counts = |forms: &[(&str, u64)]| TermCounts {
            freq: forms.iter().map(|f| f.1).sum(),
            surfaces: forms.iter().map(|&(s, n)| (s.to_string(), n)).collect(),
            ..TermCounts::default()
        };
        let tie = counts(&[("Government Procurement", 1), ("government procurement", 1)]);
        assert_eq!(tie.surface(), "government procurement");
        let more = counts(&[("WTO", 2), ("wto", 1)]);
        assert_eq!(more.surface(), "WTO");
    }

    #[test]
    fn merging_large_maps_in_one_pass_equals_merging_key_by_key() -> Result<(), Error> {
        let stats = |range: std::ops::Range<u64>, example: &str| {
            let mut s = Stats::new(Language::En);
            s.docs = 1;
            for i in range {
                s.terms.insert(
                    format!("term {i:05}"),
                    counts(i % 7 + 1, &format!("Term {i}"), &format!("{example} {i}.")),
                );
            }
            s
        };
        let (a, b) = (
            stats(0..3000, "A first example"),
            stats(1500..4500, "Another one"),
        );
        // One pass (both large).
        let merged = Stats::merge(a.clone(), b.clone())?;
        // Key by key: b added one term at a time.
        let mut expected = a;
        for (k, v) in b.terms {
            let mut one = Stats::new(Language::En);
            one.terms.insert(k, v);
            expected.absorb(one)?;
        }
        expected.docs += 1;
        assert_eq!(merged, expected);
        assert_eq!(merged.terms.len(), 4500);
        Ok(())
    }

    #[test]
    fn a_tally_gives_the_stats_of_absorbing_every_part() -> Result<(), Error> {
        let part = |i: u64| {
            let mut s = Stats::new(Language::En);
            s.docs = 1;
            s.words = 10;
            for k in [i % 3, 5, 7 + i] {
                s.terms.insert(
                    format!("term {k}"),
                    counts(k + 1, &format!("Term {k}"), &format!("Example {i}.")),
                );
            }
            s
        };
        let mut tally = Tally::new(Language::En);
        let mut expected = Stats::new(Language::En);
        for i in 0..20 {
            tally.add(part(i))?;
            expected.absorb(part(19 - i))?;
        }
        assert_eq!(tally.into_stats(), expected);
        assert!(Tally::new(Language::Ja).add(part(0)).is_err());
        Ok(())
    }

    #[test]
    fn long_examples_are_cut_around_the_term() {
        let short = "The trade surplus grew.";
        assert_eq!(clip_example(short, "trade surplus"), short);
        let long = format!(
            "{} the trade surplus grew {}",
            "word ".repeat(100),
            "more ".repeat(100)
        );
        let clipped = clip_example(&long, "trade surplus");
        assert!(clipped.contains("the trade surplus grew"), "{clipped}");
        assert!(
            clipped.starts_with('…') && clipped.ends_with('…'),
            "{clipped}"
        );
        assert!(
            clipped.chars().count() <= EXAMPLE_CHARS + 2,
            "{}",
            clipped.chars().count()
        );
        assert!(
            !clipped.contains("wor…") && !clipped.contains("…ord"),
            "{clipped}"
        );
        // Japanese has no spaces: the window is cut at characters.
        let ja = format!("{}設定ファイル{}", "あ".repeat(400), "い".repeat(400));
        let clipped = clip_example(&ja, "設定ファイル");
        assert!(clipped.contains("あ設定ファイルい"), "{clipped}");
        assert!(clipped.chars().count() <= EXAMPLE_CHARS + 2);
        // A term that is not there: the start of the sentence.
        assert!(clip_example(&ja, "無い").starts_with("あああ"));
        // …even when the term's length would end inside a character.
        let mixed = format!("a{}", "あ".repeat(400));
        assert!(clip_example(&mixed, "xy").starts_with("aあ"));
    }

    /// `clip_around` as first written, decoding every character: the
    /// ASCII shortcuts must cut the same windows.
    fn clip_around_by_chars(text: &str, at: usize, after: usize) -> String {
        let (at, after) = if at <= after
            && after <= text.len()
            && text.is_char_boundary(at)
            && text.is_char_boundary(after)
        {
            (at, after)
        } else {
            (0, 0)
        };
        let context = EXAMPLE_CHARS.saturating_sub(text[at..after].chars().count()) / 2;
        let mut start = text[..at]
            .char_indices()
            .rev()
            .nth(context.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        let mut end = text[after..]
            .char_indices()
            .nth(context)
            .map_or(text.len(), |(i, _)| after + i);
        if start > 0
            && let Some(sp) = text[start..at].find(' ')
        {
            start += sp + 1;
        }
        if end < text.len()
            && let Some(sp) = text[after..end].rfind(' ')
        {
            end = after + sp;
        }
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        let window = text[start..end].trim();
        if window.contains(|c: char| c.is_whitespace() && c != ' ') || window.contains("  ") {
            out.push_str(&window.split_whitespace().collect::<Vec<_>>().join(" "));
        } else {
            out.push_str(window);
        }
        if end < text.len() {
            out.push('…');
        }
        out
    }

    #[test]
    fn ascii_shortcuts_cut_the_windows_decoding_would() {
        let texts = [
            "word ".repeat(120),
            format!("{}trade surplus{}", "a b ".repeat(70), " c d".repeat(70)),
            format!("{}\u{b}x\u{c}y\rz\t {}", "ab ".repeat(50), "cd ".repeat(50)),
            format!("{}貿易黒字 trade{}", "é ".repeat(90), " ü".repeat(90)),
            format!("{}\u{a0}nbsp{}", "x ".repeat(80), " y".repeat(80)),
            format!("{}\u{b}{}", "ab ".repeat(50), "cd ".repeat(50)),
            "あい trade う".repeat(40),
            "short line".to_string(),
        ];
        for text in &texts {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (n, &at) in bounds.iter().enumerate().step_by(7) {
                for &after in bounds[n..].iter().step_by(5).take(12) {
                    assert_eq!(
                        clip_around(text, at, after),
                        clip_around_by_chars(text, at, after),
                        "{at}..{after} of {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn windows_are_cut_at_a_known_place_and_offered_in_any_order() {
        let long = format!(
            "{}\tthe  trade surplus grew {}",
            "word ".repeat(100),
            "more ".repeat(100)
        );
        let at = long.find("trade").unwrap_or(0);
        let window = clip_around(&long, at, at + "trade surplus".len());
        assert!(window.contains("the trade surplus grew"), "{window}");
        assert!(window.chars().count() <= EXAMPLE_CHARS + 2);
        // A place off the text or inside a character: the start.
        assert!(clip_around(&long, 5000, 5001).starts_with("word"));
        assert!(clip_around("あい", 1, 2).starts_with('あ'));
        // Which sentence is kept does not depend on the order offered.
        let sentences = [
            long.as_str(),
            "Short.",
            "The trade surplus grew in the third quarter of the year.",
            "The trade surplus grew again.",
        ];
        let offer_all = |order: &[usize]| {
            let mut stored = String::new();
            for &i in order {
                let s = sentences[i];
                let chars = s.chars().count();
                offer_example(&mut stored, s, chars, || clip_around(s, at, at + 13));
            }
            stored
        };
        let kept = offer_all(&[0, 1, 2, 3]);
        // The shortest of readable length (30 characters on): the window of
        // the long one is longer, `Short.` and the 29 characters of the last
        // are too short.
        assert_eq!(
            kept,
            "The trade surplus grew in the third quarter of the year."
        );
        for order in [[3, 2, 1, 0], [1, 0, 3, 2], [2, 3, 0, 1]] {
            assert_eq!(offer_all(&order), kept);
        }
    }

    fn counts(freq: u64, surface: &str, example: &str) -> TermCounts {
        TermCounts {
            freq,
            doc_freq: 1,
            surfaces: [(surface.to_string(), freq)].into_iter().collect(),
            example: example.to_string(),
            ..TermCounts::default()
        }
    }

    #[test]
    fn merging_is_order_free() -> Result<(), Error> {
        let mut a = Stats::new(Language::En);
        (a.docs, a.words) = (1, 12);
        a.terms.insert(
            "tariff".into(),
            counts(
                2,
                "tariffs",
                "Tariffs were cut on many imported goods this year.",
            ),
        );
        let mut b = Stats::new(Language::En);
        (b.docs, b.words) = (1, 9);
        b.terms.insert(
            "tariff".into(),
            counts(
                3,
                "tariff",
                "The tariff on cars rose to ten percent in the end.",
            ),
        );
        let ab = Stats::merge(a.clone(), b.clone())?;
        let ba = Stats::merge(b, a)?;
        assert_eq!(ab, ba);
        assert_eq!(ab.terms["tariff"].freq, 5);
        assert_eq!(ab.terms["tariff"].surface(), "tariff");
        assert_eq!(Stats::from_json(&ab.to_json()?)?, ab);
        Ok(())
    }

    /// A change to make, and what the error then says.
    type Case<T> = (fn(&mut T), &'static str);

    /// Statistics of two documents that hold together.
    fn sample(language: Language) -> Stats {
        let mut s = Stats::new(language);
        (s.docs, s.words) = (2, 40);
        s.terms.insert("trade surplus".into(), {
            let mut c = counts(3, "trade surplus", "The trade surplus grew again.");
            (c.doc_freq, c.cased, c.capitalized) = (2, 3, 0);
            c
        });
        s.terms
            .insert("tariff".into(), counts(1, "Tariff", "Tariff talks."));
        s
    }

    #[test]
    fn languages_do_not_mix() {
        let r = Stats::merge(sample(Language::En), sample(Language::Ja));
        let message = r.err().map(|e| e.to_string()).unwrap_or_default();
        // Says what differs and what to do about it.
        for want in ["different languages, en and ja", "--lang en", "every shard"] {
            assert!(message.contains(want), "{message}");
        }
        let mut tally = Tally::new(Language::Ja);
        assert!(tally.add(sample(Language::En)).is_err());
        assert!(Stats::from_json("{").is_err());
    }

    #[test]
    fn statistics_of_no_documents_merge_with_either_language() -> Result<(), Error> {
        // A shard left without documents under `--lang auto` says English.
        for empty in [Stats::new(Language::En), Stats::new(Language::Ja)] {
            let ja = sample(Language::Ja);
            assert_eq!(Stats::merge(ja.clone(), empty.clone())?, ja);
            assert_eq!(Stats::merge(empty.clone(), ja.clone())?, ja);
            let mut tally = Tally::new(Language::Ja);
            tally.add(empty.clone())?;
            tally.add(ja.clone())?;
            assert_eq!(tally.into_stats(), ja);
        }
        let both = Stats::merge(Stats::new(Language::En), Stats::new(Language::Ja))?;
        assert!(both.is_empty());
        // Empty means no documents, words or terms: a record with words only
        // is not silently taken for the other language.
        let mut words_only = Stats::new(Language::En);
        words_only.words = 5;
        assert!(Stats::merge(sample(Language::Ja), words_only).is_err());
        // Versions still have to agree.
        let mut later = Stats::new(Language::En);
        later.version = STATS_VERSION + 1;
        assert!(Stats::merge(sample(Language::Ja), later).is_err());
        Ok(())
    }

    #[test]
    fn unknown_versions_are_named() -> Result<(), Error> {
        let err = |r: Result<Stats, Error>| r.err().map(|e| e.to_string()).unwrap_or_default();
        let mut v: Value = serde_json::from_str(&sample(Language::En).to_json()?)?;
        v["version"] = 5.into();
        let message = err(Stats::from_json(&v.to_string()));
        assert!(message.contains("version 5 is unknown"), "{message}");
        // Named even when the rest no longer looks like version 1.
        let message = err(Stats::from_json(r#"{"version":7,"counts":[]}"#));
        assert!(message.contains("version 7 is unknown"), "{message}");
        // Through serde too (pair statistics hold two of these).
        let message = serde_json::from_value::<Stats>(v)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("version 5 is unknown"), "{message}");

        let record = Record {
            terms: sample(Language::En),
            pairs: None,
            shards: None,
            incomplete: false,
        };
        let mut v: Value = serde_json::from_str(&record.to_json()?)?;
        v["kotoba_stats"] = 3.into();
        let message = Record::from_json(&v.to_string())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            message.contains("kotoba_stats version 3 is unknown"),
            "{message}"
        );
        let not_a_record = Record::from_json(r#"{"terms":{}}"#)
            .err()
            .map(|e| e.to_string());
        assert!(
            not_a_record.is_some_and(|m| m.contains("not a kotoba stats record")),
            "a record needs its version"
        );
        Ok(())
    }

    #[test]
    fn sums_that_overflow_are_errors_and_change_nothing() {
        let message = |r: Result<(), Error>| r.err().map(|e| e.to_string()).unwrap_or_default();
        let big = |set: fn(&mut Stats)| {
            let mut s = sample(Language::En);
            set(&mut s);
            s
        };
        let cases: [Case<Stats>; 4] = [
            (|s| s.docs = u64::MAX, "overflows docs"),
            (|s| s.words = u64::MAX, "overflows words"),
            (
                |s| {
                    if let Some(c) = s.terms.get_mut("tariff") {
                        c.freq = u64::MAX;
                    }
                },
                "term `tariff`: adding them up overflows freq",
            ),
            (
                |s| {
                    if let Some(c) = s.terms.get_mut("tariff") {
                        c.surfaces.insert("Tariff".into(), u64::MAX);
                    }
                },
                "overflows the count of surface `Tariff`",
            ),
        ];
        for (set, want) in cases {
            let mut total = big(set);
            let before = total.clone();
            let m = message(total.absorb(sample(Language::En)));
            assert!(m.contains(want), "{want}: {m}");
            assert_eq!(total, before, "a failed merge leaves the total as it was");
            let mut tally = Tally::new(Language::En);
            let m = message(
                tally
                    .add(big(set))
                    .and_then(|()| tally.add(sample(Language::En))),
            );
            assert!(m.contains(want), "{m}");
        }
        let mut one = counts(u64::MAX, "x", "");
        let m = message(one.try_absorb(counts(1, "x", "")));
        assert!(m.contains("overflows freq"), "{m}");
        assert_eq!(one.freq, u64::MAX);
    }

    /// Failures to merge are variants of their own carrying what differs or
    /// overflowed (they were one `Mismatch` string: a caller could not tell
    /// another language from an overflow without parsing the message).
    #[test]
    fn merge_failures_carry_their_facts() {
        let r = Stats::merge(sample(Language::En), sample(Language::Ja));
        assert!(
            matches!(
                r,
                Err(Error::Languages {
                    ours: Language::En,
                    theirs: Language::Ja
                })
            ),
            "{r:?}"
        );
        let mut later = sample(Language::En);
        later.version = STATS_VERSION + 1;
        let want = |e: &Error| {
            matches!(e, Error::StatsVersions { ours, theirs }
                if *ours == STATS_VERSION && *theirs == STATS_VERSION + 1)
        };
        let r = Stats::merge(sample(Language::En), later.clone());
        assert!(r.as_ref().is_err_and(want), "{r:?}");
        let message = r.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.contains(&format!(
                "format versions {STATS_VERSION} and {}",
                STATS_VERSION + 1
            )),
            "{message}"
        );
        let r = Tally::new(Language::En).add(later);
        assert!(r.as_ref().is_err_and(want), "{r:?}");

        let mut big = sample(Language::En);
        if let Some(c) = big.terms.get_mut("tariff") {
            c.freq = u64::MAX;
        }
        let r = Stats::merge(big.clone(), sample(Language::En));
        assert!(
            matches!(&r, Err(Error::Overflow { term: Some(t), count: Count::Freq, ours, theirs: 1 })
                if t == "tariff" && *ours == u64::MAX),
            "{r:?}"
        );
        let mut tally = Tally::new(Language::En);
        let r = tally
            .add(big)
            .and_then(|()| tally.add(sample(Language::En)));
        assert!(
            matches!(&r, Err(Error::Overflow { term: Some(t), count: Count::Freq, .. }) if t == "tariff"),
            "{r:?}"
        );
        let mut one = counts(1, "Tariff", "");
        let r = one.try_absorb(counts(u64::MAX, "Tariff", ""));
        assert!(
            matches!(&r, Err(Error::Overflow { term: None, count: Count::Freq, ours: 1, theirs })
                if *theirs == u64::MAX),
            "{r:?}"
        );
        let mut surfaces = counts(2, "Tariff", "");
        surfaces.surfaces.insert("Tariff".into(), u64::MAX);
        let r = counts(2, "Tariff", "").try_absorb(TermCounts {
            freq: 0,
            doc_freq: 0,
            ..surfaces
        });
        assert!(
            matches!(&r, Err(Error::Overflow { count: Count::Surface(s), .. }) if s == "Tariff"),
            "{r:?}"
        );
        // A term's nested documents are named with the term (they were
        // `nested_docs` alone).
        let mut nested = sample(Language::En);
        nested.docs = u64::MAX;
        nested.nested_docs.insert("surplus".into(), u64::MAX);
        let mut tally = Tally::new(Language::En);
        let mut other = sample(Language::En);
        other.docs = 0;
        other.nested_docs.insert("surplus".into(), 1);
        let r = tally.add(nested).and_then(|()| tally.add(other));
        assert!(
            matches!(&r, Err(Error::Overflow { term: Some(t), count: Count::NestedDocs, .. })
                if t == "surplus"),
            "{r:?}"
        );
        let message = r.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.contains("term `surplus`: adding them up overflows nested_docs"),
            "{message}"
        );

        let mut shards = Shards::one(1, 3);
        let r = shards.merge(&Shards::one(1, 3));
        assert!(
            matches!(r, Err(Error::ShardTwice { shard: 1, of: 3 })),
            "{r:?}"
        );
        let r = shards.merge(&Shards::one(0, 4));
        assert!(
            matches!(r, Err(Error::ShardSplits { ours: 3, theirs: 4 })),
            "{r:?}"
        );
        assert_eq!(shards.have, [1], "a failed merge adds no shard");
    }

    #[test]
    fn counts_that_contradict_themselves_are_refused() -> Result<(), Error> {
        assert_eq!(sample(Language::En).problem(), None);
        assert_eq!(Stats::new(Language::Ja).problem(), None);
        let cases: [Case<Stats>; 9] = [
            (
                |s| s.docs = 0,
                "term `tariff`: doc_freq 1 is more than docs (0)",
            ),
            (
                |s| (s.docs, s.terms) = (0, BTreeMap::new()),
                "docs is 0 but words is 40",
            ),
            (|s| s.words = 0, "words is 0 but term `tariff` is counted"),
            (
                |s| {
                    if let Some(c) = s.terms.get_mut("trade surplus") {
                        c.freq = 1;
                    }
                },
                "term `trade surplus`: doc_freq 2 is more than freq 1",
            ),
            (
                |s| {
                    if let Some(c) = s.terms.get_mut("tariff") {
                        c.doc_freq = 0;
                    }
                },
                "term `tariff`: doc_freq is 0",
            ),
            (
                |s| {
                    if let Some(c) = s.terms.get_mut("tariff") {
                        c.cased = 2;
                    }
                },
                "cased 2 is more than freq 1",
            ),
            (
                |s| {
                    if let Some(c) = s.terms.get_mut("trade surplus") {
                        c.capitalized = 4;
                    }
                },
                "capitalized 4 is more than cased 3",
            ),
            (
                |s| {
                    if let Some(c) = s.terms.get_mut("tariff") {
                        c.surfaces.insert("tariffs".into(), 1);
                    }
                },
                "term `tariff`: its surface forms are counted more often than freq 1",
            ),
            (
                |s| {
                    if let Some(c) = s.terms.remove("tariff") {
                        s.terms.insert(String::new(), c);
                    }
                },
                "a term has an empty key",
            ),
        ];
        for (set, want) in cases {
            let mut stats = sample(Language::En);
            set(&mut stats);
            assert!(stats.problem().is_some_and(|p| p.contains(want)), "{want}");
            let message = Stats::from_json(&stats.to_json()?)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(message.contains(want), "{message}");
            let record = Record {
                terms: stats,
                pairs: None,
                shards: None,
                incomplete: false,
            };
            let message = Record::from_json(&record.to_json()?)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(message.contains("terms: "), "{message}");
            assert!(message.contains(want), "{message}");
        }
        Ok(())
    }

    /// Pair counts of two segments, `trade surplus` ↔ 貿易黒字 in both.
    fn pairs() -> PairStats {
        let mut p = PairStats {
            segments: 2,
            ..PairStats::default()
        };
        p.en = sample(Language::En);
        p.ja = Stats::new(Language::Ja);
        (p.ja.docs, p.ja.words) = (2, 30);
        p.ja.terms.insert("貿易 黒字".into(), {
            let mut c = counts(2, "", "貿易黒字が増えた。");
            (c.doc_freq, c.surfaces, c.fallback) = (2, BTreeMap::new(), "貿易黒字".into());
            c
        });
        p.cooc
            .entry("trade surplus".into())
            .or_default()
            .insert("貿易 黒字".into(), 2);
        p
    }

    #[test]
    fn records_are_written_in_one_shape_and_read_back_checked() -> Result<(), Error> {
        let mut terms = Stats::new(Language::Ja);
        (terms.docs, terms.words) = (1, 3);
        terms.terms.insert("関税".into(), {
            let mut c = counts(1, "", "");
            (c.surfaces, c.fallback) = (BTreeMap::new(), "関税".into());
            c
        });
        let record = Record {
            terms,
            pairs: None,
            shards: None,
            incomplete: false,
        };
        // The bytes `glossary build --emit-stats` has always written.
        assert_eq!(
            record.to_json()?,
            r#"{"kotoba_stats":1,"terms":{"version":4,"language":"ja","docs":1,"words":3,"terms":{"関税":{"freq":1,"doc_freq":1,"fallback":"関税"}}},"pairs":null}"#
        );
        assert_eq!(Record::from_json(&record.to_json()?)?, record);
        let record = Record {
            terms: sample(Language::En),
            pairs: Some(pairs()),
            shards: None,
            incomplete: false,
        };
        assert_eq!(Record::from_json(&record.to_json()?)?, record);

        let cases: [Case<PairStats>; 6] = [
            (
                |p| p.segments = 3,
                "segments is 3 but the en side counted 2 docs",
            ),
            (
                |p| p.version = 5,
                "pair statistics format version 5 is unknown",
            ),
            (
                |p| p.ja.docs = 0,
                "ja: term `貿易 黒字`: doc_freq 2 is more than docs (0)",
            ),
            (
                |p| {
                    p.cooc
                        .entry("tariff".into())
                        .or_default()
                        .insert("貿易 黒字".into(), 2);
                },
                "cooc of `tariff` and `貿易 黒字` is 2, but they are in 1 and 2 segments",
            ),
            (
                |p| {
                    p.cooc
                        .entry("quota".into())
                        .or_default()
                        .insert("貿易 黒字".into(), 1);
                },
                "cooc names `quota`, which the en side did not count",
            ),
            (
                |p| {
                    p.cooc
                        .entry("tariff".into())
                        .or_default()
                        .insert("関税".into(), 1);
                },
                "cooc names `関税`, which the ja side did not count",
            ),
        ];
        for (set, want) in cases {
            let mut p = pairs();
            set(&mut p);
            let record = Record {
                terms: sample(Language::En),
                pairs: Some(p),
                shards: None,
                incomplete: false,
            };
            let message = Record::from_json(&record.to_json()?)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(message.contains(&format!("pairs: {want}")), "{message}");
        }
        Ok(())
    }

    #[test]
    fn shards_round_trip_and_add_up_once_each() -> Result<(), Error> {
        let record = Record {
            terms: sample(Language::En),
            pairs: None,
            shards: Some(Shards::one(1, 3)),
            incomplete: false,
        };
        assert_eq!(Record::from_json(&record.to_json()?)?, record);
        // A record counted with failures says so, and only then.
        assert!(!record.to_json()?.contains("incomplete"));
        let incomplete = Record {
            incomplete: true,
            ..record.clone()
        };
        let json = incomplete.to_json()?;
        assert!(json.ends_with(",\"incomplete\":true}"), "{json}");
        assert!(json.starts_with("{\"kotoba_stats\":2,"), "{json}");
        assert_eq!(Record::from_json(&json)?, incomplete);
        let bad = json.replace("\"incomplete\":true", "\"incomplete\":1");
        assert!(Record::from_json(&bad).is_err());
        // A record of the whole corpus says nothing of shards.
        let whole = Record {
            shards: None,
            ..record.clone()
        };
        assert!(!whole.to_json()?.contains("shards"));
        let mut s = Shards::one(1, 3);
        s.merge(&Shards::one(0, 3))?;
        assert_eq!(s.have, [0, 1]);
        assert_eq!(s.missing(5), [2]);
        assert_eq!(s.missing_count(), 1);
        // A split's size from a file is not walked to its end.
        let huge = Shards {
            of: u64::MAX,
            have: vec![0, 2],
        };
        assert_eq!(huge.missing(3), [1, 3, 4]);
        assert_eq!(huge.missing_count(), u64::MAX - 2);
        assert!(s.merge(&Shards::one(1, 3)).is_err());
        assert!(s.merge(&Shards::one(2, 4)).is_err());
        let mut v: Value = serde_json::from_str(&record.to_json()?)?;
        v["shards"] = serde_json::json!({"of": 3, "have": [3]});
        assert!(Record::from_value(v).is_err());
        Ok(())
    }

    /// A version 2 record without its mark was read as complete by the
    /// library (only the CLI refused it) and written back as version 1
    /// (a library review found it).
    #[test]
    fn a_version_2_record_needs_its_incomplete_mark() -> Result<(), Error> {
        let record = Record {
            terms: sample(Language::En),
            pairs: None,
            shards: None,
            incomplete: true,
        };
        let v: Value = serde_json::from_str(&record.to_json()?)?;
        assert_eq!(
            v["kotoba_stats"],
            serde_json::json!(INCOMPLETE_RECORD_VERSION)
        );
        assert!(Record::from_value(v.clone())?.incomplete);
        let mut unmarked = v;
        if let Some(fields) = unmarked.as_object_mut() {
            fields.remove("incomplete");
        }
        let err = Record::from_value(unmarked).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("which this record lacks")),
            "{err:?}"
        );
        Ok(())
    }
}
