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
    let term_chars = sentence[at..after].chars().count();
    let context = EXAMPLE_CHARS.saturating_sub(term_chars) / 2;
    // Char boundaries `context` characters either side of the term.
    let mut start = sentence[..at]
        .char_indices()
        .rev()
        .nth(context.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let mut end = sentence[after..]
        .char_indices()
        .nth(context)
        .map_or(sentence.len(), |(i, _)| after + i);
    // Prefer whole words when the text has spaces.
    if start > 0
        && let Some(sp) = sentence[start..at].find(' ')
    {
        start += sp + 1;
    }
    if end < sentence.len()
        && let Some(sp) = sentence[after..end].rfind(' ')
    {
        end = after + sp;
    }
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push('…');
    }
    out.push_str(sentence[start..end].trim());
    if end < sentence.len() {
        out.push('…');
    }
    std::borrow::Cow::Owned(out)
}

/// True when `a` makes a better example sentence than `b`: a readable
/// length (30–250 characters) first, then shorter, then the smaller string.
/// A total order, so the choice does not depend on the order of merging.
pub fn better_example(a: &str, b: &str) -> bool {
    if a.is_empty() {
        return false;
    }
    if b.is_empty() {
        return true;
    }
    let key = |s: &str| {
        let n = s.chars().count();
        (!(30..=250).contains(&n), n, s.to_string())
    };
    key(a) < key(b)
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
