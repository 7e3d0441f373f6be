//! Mergeable counts: everything ranking needs, as integers and strings, so
//! that counts made in pieces (threads, machines, days) and merged give
//! exactly the ranking of one run over the whole.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Error;

/// Version of the statistics format written by this crate.
pub const STATS_VERSION: u32 = 1;

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
    /// Adds `other`'s counts to these.
    pub fn absorb(&mut self, other: TermCounts) {
        self.freq += other.freq;
        self.doc_freq += other.doc_freq;
        self.cased += other.cased;
        self.capitalized += other.capitalized;
        self.defined += other.defined;
        for (s, n) in other.surfaces {
            *self.surfaces.entry(s).or_insert(0) += n;
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

    /// The most frequent surface form (ties: the smallest string).
    pub fn surface(&self) -> &str {
        self.surfaces
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map_or(self.fallback.as_str(), |(s, _)| s.as_str())
    }
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
    let term_chars = text[at..after].chars().count();
    let context = EXAMPLE_CHARS.saturating_sub(term_chars) / 2;
    // Char boundaries `context` characters either side of the term.
    let mut start = text[..at]
        .char_indices()
        .rev()
        .nth(context.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let mut end = text[after..]
        .char_indices()
        .nth(context)
        .map_or(text.len(), |(i, _)| after + i);
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

/// True when `a` makes a better example sentence than `b`: a readable
/// length (30–250 characters) first, then shorter, then the smaller string.
/// A total order, so the choice does not depend on the order of merging.
pub fn better_example(a: &str, b: &str) -> bool {
    better_example_counted(a, a.chars().count(), b)
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
    let b_chars = b.chars().count();
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

impl Tally {
    /// Empty totals for `language`.
    pub fn new(language: Language) -> Tally {
        Tally {
            language,
            docs: 0,
            words: 0,
            terms: rustc_hash::FxHashMap::default(),
        }
    }

    /// Adds `stats`; fails when the language or version differs.
    pub fn add(&mut self, stats: Stats) -> Result<(), Error> {
        if stats.language != self.language || stats.version != STATS_VERSION {
            return Err(Error::Mismatch(format!(
                "{} v{} and {} v{STATS_VERSION}",
                stats.language.code(),
                stats.version,
                self.language.code(),
            )));
        }
        self.docs += stats.docs;
        self.words += stats.words;
        for (key, counts) in stats.terms {
            match self.terms.get_mut(&key) {
                Some(total) => total.absorb(counts),
                None => {
                    self.terms.insert(key, counts);
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
        }
    }
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
        }
    }

    /// Adds `other` into `self`; fails when languages or versions differ.
    pub fn absorb(&mut self, other: Stats) -> Result<(), Error> {
        if other.language != self.language || other.version != self.version {
            return Err(Error::Mismatch(format!(
                "{} v{} and {} v{}",
                self.language.code(),
                self.version,
                other.language.code(),
                other.version
            )));
        }
        self.docs += other.docs;
        self.words += other.words;
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

    /// Reads statistics written by [`Stats::to_json`].
    pub fn from_json(text: &str) -> Result<Stats, Error> {
        let stats: Stats = serde_json::from_str(text)?;
        if stats.version != STATS_VERSION {
            return Err(Error::Mismatch(format!(
                "statistics format v{} (this build reads v{STATS_VERSION})",
                stats.version
            )));
        }
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        a.terms.insert(
            "tariff".into(),
            counts(
                2,
                "tariffs",
                "Tariffs were cut on many imported goods this year.",
            ),
        );
        let mut b = Stats::new(Language::En);
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

    #[test]
    fn languages_do_not_mix() {
        let r = Stats::merge(Stats::new(Language::En), Stats::new(Language::Ja));
        assert!(matches!(r, Err(Error::Mismatch(_))));
        assert!(Stats::from_json("{").is_err());
    }
}
