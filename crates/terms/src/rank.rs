//! Ranking candidates from merged [`Stats`]: C-value, TF-IDF, weirdness,
//! FLR and the combined default. Ranking reads only the counts, so it gives
//! the same rows however the counts were split and merged.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use kotoba_glossary::Glossary;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::lexicon::{self, Background, StopKind, stop_kind};
use crate::stats::{Language, Stats};

/// How candidates are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// The default: English frequency, weirdness, length, case and
    /// fragment cues ([`Weights`]); Japanese FLR.
    Combined,
    /// C-value (Frantzi et al. 2000): frequency corrected for nesting in
    /// longer candidates, weighted by length.
    CValue,
    /// Frequency × inverse document frequency.
    TfIdf,
    /// Mean log ratio of each word's corpus frequency to its general-English
    /// frequency (English only; Japanese falls back to FLR).
    Weirdness,
    /// Nakagawa & Mori's FLR: frequency × geometric mean of the parts'
    /// left/right compounding counts (Japanese; English uses its words).
    Flr,
}

impl Method {
    /// Every method, for command-line choices.
    pub const ALL: [Method; 5] = [
        Method::Combined,
        Method::CValue,
        Method::TfIdf,
        Method::Weirdness,
        Method::Flr,
    ];

    /// The method's name (`combined`, `c-value`, `tf-idf`, `weirdness`, `flr`).
    pub fn name(self) -> &'static str {
        match self {
            Method::Combined => "combined",
            Method::CValue => "c-value",
            Method::TfIdf => "tf-idf",
            Method::Weirdness => "weirdness",
            Method::Flr => "flr",
        }
    }

    /// Parses a name given by [`Method::name`].
    pub fn from_name(name: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// Weights of the combined English score:
/// `ln_freq·ln(freq) + weirdness·W + length[n] + capital·C − fragment·F
/// − name_fragment·N` and the smaller cues below.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// Weight of the log frequency.
    pub ln_freq: f64,
    /// Weight of the mean log weirdness of the content words.
    pub weirdness: f64,
    /// Weirdness is clipped to at most this value before weighting.
    pub weirdness_cap: f64,
    /// Prior by length in words (1 to 5).
    pub length: [f64; 5],
    /// Bonus times the share of capitalized occurrences (names, acronyms).
    pub capital: f64,
    /// Penalty for fragments: candidates found inside one longer candidate
    /// at least `fragment_share` of the time.
    pub fragment: f64,
    /// The share above which a candidate counts as a fragment.
    pub fragment_share: f64,
    /// A candidate also counts as a fragment when the candidates one word
    /// longer that contain it add up to this share of its frequency.
    pub fragment_ext: f64,
    /// Bonus for candidates seen in more than one document, times
    /// ln(doc_freq) / ln(documents): a term of every document gets the whole
    /// weight however many files the corpus is split into.
    pub spread: f64,
    /// Weight of ln(share of occurrences not extended by a neighbouring word).
    pub independence: f64,
    /// Penalty when the last word cannot head a noun phrase (WordNet).
    pub head: f64,
    /// Penalty when the first word is only a verb or adverb (WordNet).
    pub open: f64,
    /// Weight of the mean rarity of the content words in general English
    /// (7 − Zipf frequency, at least 0).
    pub rarity: f64,
    /// Weight of the rarity of the most common content word.
    pub rarity_min: f64,
    /// Penalty for name fragments: candidates whose neighbouring capitalised
    /// word extends them into a longer name (`Member` of `Member States`)
    /// at least `name_share` of the time.
    #[serde(default)]
    pub name_fragment: f64,
    /// The share above which a candidate counts as a name fragment.
    #[serde(default = "default_name_share")]
    pub name_share: f64,
    /// Only candidates with a content word at least this common in general
    /// English (Zipf) count as name fragments: `European`, `Member`, not
    /// `Kyoto`, which names something by itself.
    #[serde(default)]
    pub name_zipf: f64,
    /// Bonus for a term the text defines as an abbreviation or as the long
    /// form of one (Schwartz & Hearst 2003).
    #[serde(default)]
    pub defined: f64,
    /// Bonus for a one-word candidate written in capitals (an acronym), not a
    /// Roman numeral.
    #[serde(default)]
    pub acronym: f64,
    /// Penalty for a coordination of two terms that each stand alone more
    /// often than together (`Clinton and Hosokawa`, `Europol and Eurojust`),
    /// not a name holding `and` (`Bosnia and Herzegovina`).
    #[serde(default)]
    pub coordination: f64,
    /// Bonus for a candidate WordNet lists as a compound noun (`blood
    /// pressure`, `wind turbine`): a unit of the language, not a free
    /// combination of words.
    #[serde(default)]
    pub compound: f64,
    /// Bonus for a one-word candidate written as a name that WordNet knows
    /// as a proper noun and never as an adjective (`Romania`, `Vienna`):
    /// a named entity, whatever its frequency in general English.
    #[serde(default)]
    pub proper_noun: f64,
    /// Bonus for a one-word candidate written as a name (a capital, then
    /// lower-case letters) that general English does not use at all.
    #[serde(default)]
    pub unknown_name: f64,
    /// Penalty for a candidate of several words some written as a name and
    /// some in lower case (`EU institutions`, `Convention focuses`).
    #[serde(default)]
    pub mixed_case: f64,
}

fn default_name_share() -> f64 {
    1.0
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            ln_freq: 0.75,
            weirdness: 0.75,
            weirdness_cap: 4.0,
            length: [0.0, 0.6, -1.0, -1.5, -1.5],
            capital: 0.25,
            fragment: 3.0,
            fragment_share: 0.95,
            fragment_ext: 10.0,
            spread: 0.0,
            independence: 0.0,
            head: 2.0,
            open: 2.0,
            rarity: 0.0,
            rarity_min: 0.25,
            name_fragment: 0.0,
            name_share: 0.45,
            name_zipf: 4.0,
            defined: 6.0,
            acronym: 5.0,
            coordination: 2.0,
            compound: 5.0,
            proper_noun: 7.0,
            unknown_name: 3.0,
            mixed_case: 2.0,
        }
    }
}

/// Options of [`rank`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankOptions {
    /// The scoring method.
    pub method: Method,
    /// Candidates seen fewer times are left out.
    pub min_freq: u64,
    /// At most this many rows (all when `None`).
    pub limit: Option<usize>,
    /// Weights of [`Method::Combined`] for English.
    pub weights: Weights,
    /// Leave out the candidates the glossary already has (before `limit`).
    #[serde(default)]
    pub new_only: bool,
}

impl Default for RankOptions {
    fn default() -> RankOptions {
        RankOptions {
            method: Method::Combined,
            min_freq: 1,
            limit: None,
            weights: Weights::default(),
            new_only: false,
        }
    }
}

/// One ranked term candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The term in its most frequent surface form.
    pub term: String,
    /// The pooling key it was counted under.
    pub key: String,
    /// The score (higher is better).
    pub score: f64,
    /// Occurrences.
    pub freq: u64,
    /// Documents it occurs in.
    pub doc_freq: u64,
    /// A sentence it occurs in.
    pub example: String,
    /// Id of the glossary concept that already has the term, if any.
    pub glossary: Option<String>,
}

/// Nesting of a candidate in longer candidates. Counts may come from
/// files (`--stats`), so its sums saturate rather than wrap.
#[derive(Debug, Clone, Copy, Default)]
struct Nesting {
    /// Distinct longer candidates containing it.
    count: u64,
    /// Sum of their frequencies.
    sum: u64,
    /// The largest of their frequencies.
    max: u64,
    /// Sum of the frequencies of candidates one word longer.
    ext: u64,
    /// Of those, the candidates whose added word is capitalised in their
    /// usual surface (`Member States` for `member`).
    cap_ext: u64,
}

/// True when the first (`first`) or last word of a surface starts with a
/// capital letter and is not an acronym (`UN Convention` leaves `convention`
/// no name fragment: the acronym names the thing by itself).
fn edge_capitalised(surface: &str, first: bool) -> bool {
    let mut words = surface.split_whitespace();
    let word = if first { words.next() } else { words.last() };
    word.is_some_and(crate::english::capitalised_word)
}

/// The candidates by key, for lookups: a hash map finds a key in one probe
/// where the sorted map of [`Stats`] compares strings down a tree.
type Lookup<'s> = HashMap<&'s str, &'s crate::stats::TermCounts>;

fn lookup(stats: &Stats) -> Lookup<'_> {
    let mut map = HashMap::with_capacity_and_hasher(stats.terms.len(), Default::default());
    map.extend(stats.terms.iter().map(|(k, v)| (k.as_str(), v)));
    map
}

fn nestings<'s>(
    stats: &'s Stats,
    by_key: &Lookup<'s>,
    freq: &(dyn Fn(&str, &crate::stats::TermCounts) -> u64 + Sync),
) -> HashMap<&'s str, Nesting> {
    let english = stats.language == Language::En;
    // Sums and maxima only: the parts counted on each thread add up to the
    // same map in any order.
    stats
        .terms
        .par_iter()
        .fold(
            HashMap::default,
            |mut out: HashMap<&str, Nesting>, (key, counts)| {
                nest_into(by_key, english, key, counts, freq(key, counts), &mut out);
                out
            },
        )
        .reduce(HashMap::default, |mut a, b| {
            for (k, n) in b {
                let m = a.entry(k).or_default();
                m.count += n.count;
                m.sum = m.sum.saturating_add(n.sum);
                m.max = m.max.max(n.max);
                m.ext = m.ext.saturating_add(n.ext);
                m.cap_ext = m.cap_ext.saturating_add(n.cap_ext);
            }
            a
        })
}

/// Adds what `key` tells about the candidates nested in it.
fn nest_into<'s>(
    by_key: &Lookup<'s>,
    english: bool,
    key: &str,
    counts: &crate::stats::TermCounts,
    freq: u64,
    out: &mut HashMap<&'s str, Nesting>,
) {
    let parts: Vec<&str> = key.split(' ').collect();
    if parts.len() < 2 {
        return;
    }
    // An English candidate that cannot be a noun phrase, ending in a verb
    // (`government procurement agreement applies`), makes no fragments of
    // the terms inside it; C-value still counts it, as its authors do.
    let phrase = !english || parts.last().is_some_and(|w| lexicon::can_head(w));
    let surface = if counts.surfaces.is_empty() {
        ""
    } else {
        counts.surface()
    };
    for (i, j, sub) in crate::stats::inner_keys(key) {
        if let Some((k, _)) = by_key.get_key_value(sub) {
            let n = out.entry(*k).or_default();
            n.count += 1;
            n.sum = n.sum.saturating_add(freq);
            if !phrase {
                continue;
            }
            n.max = n.max.max(freq);
            if j - i + 2 == parts.len() {
                n.ext = n.ext.saturating_add(freq);
                if edge_capitalised(surface, i == 1) {
                    n.cap_ext = n.cap_ext.saturating_add(freq);
                }
            }
        }
    }
}

/// Left and right compounding counts of each part (FLR's `LN`/`RN`,
/// frequency-weighted), from the candidates themselves.
fn part_contexts(stats: &Stats) -> HashMap<&str, (u64, u64)> {
    stats
        .terms
        .par_iter()
        .fold(
            HashMap::default,
            |mut out: HashMap<&str, (u64, u64)>, (key, counts)| {
                let last = key.split(' ').count() - 1;
                for (i, p) in key.split(' ').enumerate() {
                    let e = out.entry(p).or_default();
                    if i > 0 {
                        e.0 = e.0.saturating_add(counts.freq);
                    }
                    if i < last {
                        e.1 = e.1.saturating_add(counts.freq);
                    }
                }
                out
            },
        )
        .reduce(HashMap::default, |mut a, b| {
            for (k, (l, r)) in b {
                let e = a.entry(k).or_default();
                e.0 += l;
                e.1 += r;
            }
            a
        })
}

/// The surface a candidate is shown in. One seen only at sentence starts
/// (its case unknown, its first word lowered) takes the case of its first
/// word from that word's own candidate when case was seen there: `japan
/// talks` becomes `Japan talks` when `Japan` stands inside sentences.
fn shown_surface<'s>(
    key: &str,
    counts: &'s crate::stats::TermCounts,
    by_key: &Lookup<'s>,
) -> std::borrow::Cow<'s, str> {
    let surface = counts.surface();
    if !counts.surfaces.is_empty() {
        return std::borrow::Cow::Borrowed(surface);
    }
    let first_key = key.split(' ').next().unwrap_or(key);
    let first_end = surface.find(' ').unwrap_or(surface.len());
    // A name keeps the capital it was written with (`Section 301`).
    if crate::english::continues_a_name(&surface[first_end..]) {
        return std::borrow::Cow::Borrowed(surface);
    }
    let Some(word) = by_key.get(first_key).filter(|c| !c.surfaces.is_empty()) else {
        return std::borrow::Cow::Borrowed(surface);
    };
    let cased = word.surface();
    if cased.len() == first_end && cased.eq_ignore_ascii_case(&surface[..first_end]) {
        std::borrow::Cow::Owned(format!("{cased}{}", &surface[first_end..]))
    } else {
        std::borrow::Cow::Borrowed(surface)
    }
}

/// True for an acronym: 2–6 capitals and digits, starting with a letter,
/// at least two letters; not a Roman numeral (`III`), and from four letters
/// on not an English word set in capitals (`FORM`, `ABSTRACT`: WordNet
/// knows them).
fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(char::is_ascii_uppercase).count();
    let roman = s
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'));
    (2..=6).contains(&s.len())
        && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && letters >= 2
        && !roman
        && !(letters >= 4 && lexicon::pos(&s.to_ascii_lowercase()).is_some())
}

/// True when some content words of a surface start with a capital and
/// others with a lower-case letter (`EU institutions`, not `wind turbine`
/// or `Code of Conduct`).
fn mixed_case(surface: &str) -> bool {
    let (mut upper, mut lower) = (false, false);
    for word in surface.split_whitespace() {
        if stop_kind(&word.to_lowercase()).is_some() {
            continue;
        }
        match word.chars().next() {
            Some(c) if c.is_uppercase() => upper = true,
            Some(c) if c.is_lowercase() => lower = true,
            _ => {}
        }
    }
    upper && lower
}

/// True for a word written as a name, a capital and then two or more
/// lower-case letters, that the background list lacks (`Kretinga`).
fn unknown_name(surface: &str, background: &Background) -> bool {
    let mut chars = surface.chars();
    chars.next().is_some_and(|c| c.is_uppercase())
        && surface.chars().count() >= 3
        && chars.all(char::is_lowercase)
        && background.zipf(&surface.to_lowercase()) <= lexicon::UNSEEN_ZIPF
}

/// The content words of a key (the parts that may start or end a term).
fn content_words(key: &str) -> impl Iterator<Item = &str> {
    key.split(' ')
        .filter(|w| !matches!(stop_kind(w), Some(StopKind::Inner | StopKind::Name)))
}

/// True when `key` joins two candidates with `and` (`clinton and hosokawa`)
/// and each of them occurs outside it at least as often as the whole: two
/// terms side by side, not one name. (`and` stands inside a candidate only
/// before a capitalised word that is no stop word, so `the` never follows.)
fn coordination(key: &str, freq: u64, by_key: &Lookup) -> bool {
    let Some((left, right)) = key.rsplit_once(" and ") else {
        return false;
    };
    // Each side's count includes its occurrences inside the whole.
    let alone = |part: &str| {
        by_key
            .get(part)
            .is_some_and(|c| c.freq >= freq.saturating_mul(2))
    };
    alone(left) && alone(right)
}

/// The glossary's terms in `language` under the key a candidate is
/// compared with, each with the first concept that has it and the term as
/// the glossary writes it. The match is on the whole term's key (inflections
/// pooled as for candidates, width and case folded), not on stems, so
/// `importance` is not marked as `import`.
fn glossary_keys(glossary: &Glossary, language: Language) -> HashMap<String, (String, String)> {
    let mut out = HashMap::default();
    for concept in &glossary.concepts {
        let terms = match language {
            Language::En => &concept.en,
            Language::Ja => &concept.ja,
        };
        for term in terms {
            let key = term_key(&term.term, language);
            if !key.is_empty() {
                out.entry(key)
                    .or_insert_with(|| (concept.id.clone(), term.term.clone()));
            }
        }
    }
    out
}

/// The key under which a written term (a glossary's, or a candidate's
/// surface) matches others: English inflections pooled as for candidates,
/// width and case folded, hyphens and spaces left out; Japanese width
/// folded, spaces removed, in its spelling key.
pub fn term_key(term: &str, language: Language) -> String {
    match language {
        Language::En => candidate_key(
            &crate::english::key(&term.nfkc().collect::<String>()),
            Language::En,
        ),
        Language::Ja => candidate_key(term, Language::Ja),
    }
}

/// A candidate's key as [`glossary_keys`] compares it: English keys without
/// hyphens, periods and spaces (`tariff rate quota` and `antidumping duty`
/// are the glossary's `tariff-rate quota` and `anti-dumping duty`); Japanese parts joined without spaces or middle dots, width folded
/// (as lookup compares: ウルグアイ・ラウンド is the glossary's ウルグアイラウンド),
/// in their [`spelling_key`](kotoba_glossary::spelling_key), as candidates
/// are counted (関税引き下げ is the glossary's, however the text writes it).
fn candidate_key(key: &str, language: Language) -> String {
    match language {
        // Periods too: `US Trade Representative` is the glossary's `U.S.
        // Trade Representative`, as annotation takes it.
        Language::En => key
            .chars()
            .filter(|&c| !matches!(c, '-' | ' ' | '.'))
            .collect(),
        Language::Ja => kotoba_glossary::spelling_key(
            &key.nfkc()
                .filter(|&c| !c.is_whitespace() && !crate::translit::is_name_joiner(c))
                .collect::<String>(),
        ),
    }
}

/// Ranks the candidates of `stats`, best first (ties by key), marking those
/// that `glossary` already has.
pub fn rank(stats: &Stats, options: &RankOptions, glossary: Option<&Glossary>) -> Vec<Candidate> {
    let by_key = lookup(stats);
    let nest = nestings(stats, &by_key, &|_, c| c.freq);
    // Japanese compounds are counted where they stand whole (maximal noun
    // runs): a term's uses inside longer compounds (貿易黒字 in
    // 対米貿易黒字) are the sum of its nestings. Its frequency is both, as an
    // English n-gram's is, and C-value nests by those totals. Its documents
    // likewise: where it stands whole, and where only inside longer
    // compounds (counted per document, `Stats::nested_docs`).
    let totals: Option<HashMap<&str, (u64, u64)>> = (stats.language == Language::Ja).then(|| {
        stats
            .terms
            .iter()
            .map(|(k, c)| {
                let n = nest.get(k.as_str()).copied().unwrap_or_default();
                (
                    k.as_str(),
                    (c.freq.saturating_add(n.sum), stats.documents_of(k, c)),
                )
            })
            .collect()
    });
    let freq_of = |key: &str, counts: &crate::stats::TermCounts| {
        totals
            .as_ref()
            .and_then(|t| t.get(key).map(|&(f, _)| f))
            .unwrap_or(counts.freq)
    };
    let doc_freq_of = |key: &str, counts: &crate::stats::TermCounts| {
        totals
            .as_ref()
            .and_then(|t| t.get(key).map(|&(_, d)| d))
            .unwrap_or(counts.doc_freq)
    };
    let nest = match &totals {
        Some(_) if options.method == Method::CValue => nestings(stats, &by_key, &freq_of),
        _ => nest,
    };
    let contexts = part_contexts(stats);
    let background = Background::english();
    let words = stats.words.max(1) as f64;
    let docs = stats.docs.max(1) as f64;
    let w = &options.weights;
    let marks = glossary.map(|g| glossary_keys(g, stats.language));
    // Each candidate is scored alone; the sort below fixes the order.
    // A news outlet's name (`Reuters`, `CNBC`, 読売新聞) is where a story
    // came from, not one of its terms: saved pages repeat it in mastheads,
    // credits and footers. Pairing still pairs it.
    let candidates = stats
        .terms
        .par_iter()
        .filter(|(key, counts)| freq_of(key, counts) >= options.min_freq.max(1))
        .filter(|(_, counts)| !kotoba_text::credits::outlet_name(counts.surface()));
    let mut rows: Vec<Candidate> = candidates
        .map(|(key, counts)| {
            let surface = shown_surface(key, counts, &by_key);
            let n = key.split(' ').count();
            let f = freq_of(key, counts) as f64;
            let doc_freq = doc_freq_of(key, counts);
            let nesting = nest.get(key.as_str()).copied().unwrap_or_default();
            let cvalue = || {
                let len = ((n + 1) as f64).log2();
                if nesting.count == 0 {
                    len * f
                } else {
                    len * (f - nesting.sum as f64 / nesting.count as f64).max(0.0)
                }
            };
            let flr = || {
                let mut log_lr = 0.0;
                let mut parts = 0.0;
                for p in key.split(' ') {
                    let (l, r) = contexts.get(p).copied().unwrap_or_default();
                    log_lr += (l as f64 + 1.0).ln() + (r as f64 + 1.0).ln();
                    parts += 2.0;
                }
                f.ln_1p() + log_lr / parts
            };
            let weirdness = || {
                let mut sum = 0.0;
                let mut k = 0.0;
                for word in content_words(key) {
                    let fw = by_key.get(word).map_or(counts.freq, |c| c.freq) as f64;
                    sum += (fw / words).ln() - background.ln_prob(word);
                    k += 1.0;
                }
                if k > 0.0 { sum / k } else { 0.0 }
            };
            let known = marks
                .as_ref()
                .and_then(|m| m.get(&candidate_key(key, stats.language)));
            let score = match (options.method, stats.language) {
                (Method::CValue, _) => cvalue(),
                (Method::TfIdf, _) => f * (1.0 + docs / doc_freq.max(1) as f64).ln(),
                (Method::Weirdness, Language::En) => weirdness(),
                (Method::Flr, _) | (Method::Weirdness, Language::Ja) => flr(),
                (Method::Combined, Language::Ja) => flr(),
                (Method::Combined, Language::En) => {
                    let capital = if counts.cased > 0 {
                        counts.capitalized as f64 / counts.cased as f64
                    } else {
                        0.0
                    };
                    let fragment = nesting.max as f64 >= w.fragment_share * f
                        || nesting.ext as f64 >= w.fragment_ext * f;
                    let mut common = 0.0f64;
                    for word in content_words(key) {
                        common = common.max(background.zipf(word));
                    }
                    let acronym = !surface.chars().any(char::is_lowercase);
                    let name_fragment = capital >= 0.5
                        && !acronym
                        && common >= w.name_zipf
                        && nesting.cap_ext as f64 >= w.name_share * f;
                    let independent = (1.0 - nesting.ext as f64 / f).max(0.05);
                    // A share of the documents' logarithm: ln(doc_freq) alone
                    // grew with the number of files, up to a bonus of 2.3
                    // for a general word in each of 10,000 news articles.
                    let spread = if docs > 1.0 {
                        (doc_freq as f64).ln() / docs.ln()
                    } else {
                        0.0
                    };
                    let first = key.split(' ').next().unwrap_or("");
                    let last = key.rsplit(' ').next().unwrap_or("");
                    let head = if lexicon::can_head(last) { 0.0 } else { w.head };
                    let open = if lexicon::can_open(first) {
                        0.0
                    } else {
                        w.open
                    };
                    let (mut rarity, mut rarity_min, mut k) = (0.0, f64::MAX, 0.0);
                    for word in content_words(key) {
                        let r = (7.0 - background.zipf(word)).max(0.0);
                        rarity += r;
                        rarity_min = rarity_min.min(r);
                        k += 1.0;
                    }
                    if k > 0.0 {
                        rarity /= k;
                    } else {
                        rarity_min = 0.0;
                    }
                    w.ln_freq * f.ln()
                        + w.weirdness * weirdness().min(w.weirdness_cap)
                        + w.length.get(n - 1).copied().unwrap_or(-2.0)
                        + w.capital * capital
                        - if fragment { w.fragment } else { 0.0 }
                        - if name_fragment { w.name_fragment } else { 0.0 }
                        + w.spread * spread
                        + w.independence * independent.ln()
                        - head
                        - open
                        + w.rarity * rarity
                        + w.rarity_min * rarity_min
                        + if counts.defined > 0 { w.defined } else { 0.0 }
                        + if n == 1 && is_acronym(&surface) {
                            w.acronym
                        } else {
                            0.0
                        }
                        // Seen only where case says nothing (sentence
                        // starts, headings), a name WordNet knows is still
                        // one: `Tokyo` opening every sentence it is in.
                        + if n == 1
                            && (capital >= 0.5 || counts.cased == 0)
                            && lexicon::proper_noun(&surface.to_lowercase())
                        {
                            w.proper_noun
                        } else {
                            0.0
                        }
                        + if n == 1 && capital >= 0.5 && unknown_name(&surface, background) {
                            w.unknown_name
                        } else {
                            0.0
                        }
                        // A term a glossary has is one, however written
                        // (`G7 summit`, `WTO rules`).
                        - if n >= 2 && known.is_none() && mixed_case(&surface) {
                            w.mixed_case
                        } else {
                            0.0
                        }
                        - if coordination(key, counts.freq, &by_key) {
                            w.coordination
                        } else {
                            0.0
                        }
                        + if w.compound != 0.0
                            && n >= 2
                            && (lexicon::is_compound_noun(key)
                                || lexicon::is_compound_noun(&surface.to_lowercase()))
                        {
                            w.compound
                        } else {
                            0.0
                        }
                }
            };
            let concept = known.map(|(id, _)| id.clone());
            // Seen only where case says little (sentence starts, headings),
            // a term the glossary has is shown as the glossary writes it:
            // `Japan`, not `japan`, when it only ever opened sentences.
            let term = match known {
                Some((_, written))
                    if counts.surfaces.is_empty()
                        && written.len() == surface.len()
                        && *written != surface
                        && written.to_lowercase() == surface.to_lowercase() =>
                {
                    written.clone()
                }
                _ => surface.into_owned(),
            };
            Candidate {
                term,
                key: key.clone(),
                score,
                freq: freq_of(key, counts),
                doc_freq,
                example: counts.example.clone(),
                glossary: concept,
            }
        })
        .collect();
    rows.par_sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.key.cmp(&b.key)));
    if options.new_only {
        // Nor the words of a glossary term seen nowhere else (`critical`
        // and `minerals` of `critical minerals`; a translator's review):
        // every occurrence of theirs is one of the term the glossary has.
        // Each glossary term counts its own occurrences, those not inside
        // a longer glossary term: `rate` inside `MFN tariff rate` is
        // inside `tariff rate` too, and was counted twice (a code review);
        // counted over the outermost terms alone, `White` of `White House`
        // seen outside `White House official` was left as new (a
        // terminologist's review).
        let mut known_rows: Vec<&Candidate> =
            rows.iter().filter(|r| r.glossary.is_some()).collect();
        known_rows.sort_by_key(|r| std::cmp::Reverse(r.key.split(' ').count()));
        let mut own: HashMap<&str, u64> = known_rows
            .iter()
            .map(|r| (r.key.as_str(), r.freq))
            .collect();
        let mut inside: HashMap<&str, u64> = HashMap::default();
        for r in &known_rows {
            let mine = own.get(r.key.as_str()).copied().unwrap_or(0);
            for sub in crate::stats::distinct_inner_keys(&r.key) {
                if let Some(o) = own.get_mut(sub) {
                    *o = o.saturating_sub(mine);
                }
                let n = inside.entry(sub).or_default();
                *n = n.saturating_add(mine);
            }
        }
        let known: std::collections::HashSet<String> = rows
            .iter()
            .filter(|r| {
                r.glossary.is_some() || inside.get(r.key.as_str()).is_some_and(|&n| n >= r.freq)
            })
            .map(|r| r.key.clone())
            .collect();
        rows.retain(|r| !known.contains(&r.key));
    }
    if let Some(limit) = options.limit {
        rows.truncate(limit);
    }
    rows
}

/// The rows as TSV with a header: `term, score, freq, doc_freq, example,
/// glossary` (the issue's five columns first; tabs and line breaks inside
/// fields, U+2028 and the other separators some readers split lines at
/// included, become spaces; score with 4 decimals).
pub fn to_tsv(rows: &[Candidate]) -> String {
    use kotoba_glossary::formats::plain_tsv_cell as clean;
    let mut out = String::from("term\tscore\tfreq\tdoc_freq\texample\tglossary\n");
    for r in rows {
        out.push_str(&format!(
            "{}\t{:.4}\t{}\t{}\t{}\t{}\n",
            clean(&r.term),
            r.score,
            r.freq,
            r.doc_freq,
            clean(&r.example),
            clean(r.glossary.as_deref().unwrap_or(""))
        ));
    }
    out
}

#[cfg(test)]
mod tsv_tests {
    use super::{Candidate, to_tsv};

    /// U+2028, NEL, vertical tab and form feed went out as they were, and a
    /// glossary id as it was: Python's str.splitlines() and some readers
    /// made two rows of one.
    #[test]
    fn every_row_is_one_line_of_six_cells() {
        let row = Candidate {
            term: "trade\u{2028}surplus".into(),
            key: "trade surplus".into(),
            score: 1.5,
            freq: 3,
            doc_freq: 2,
            example: "The trade\tsurplus\r\ngrew.\u{85}It\u{0b}did\u{0c}so.\u{2029}".into(),
            glossary: Some("trade\nsurplus".into()),
        };
        let tsv = to_tsv(&[row]);
        assert_eq!(
            tsv,
            "term\tscore\tfreq\tdoc_freq\texample\tglossary\n\
             trade surplus\t1.5000\t3\t2\tThe trade surplus grew. It did so. \ttrade surplus\n"
        );
    }
}

#[cfg(test)]
mod count_tests {
    use super::{Method, RankOptions, rank};
    use crate::stats::Stats;

    /// Counts read from a file may be as large as u64 allows: sums of them
    /// overflowed (a panic in debug builds, nonsense scores in release).
    #[test]
    fn huge_counts_from_a_file_rank_without_overflow() -> Result<(), crate::Error> {
        let max = u64::MAX;
        let json = format!(
            r#"{{"version":4,"language":"en","docs":1,"words":{max},"terms":{{
                "duty":{{"freq":{max},"doc_freq":1,"example":"","cased":0}},
                "duty free":{{"freq":{max},"doc_freq":1,"example":"","cased":0}},
                "customs duty":{{"freq":{max},"doc_freq":1,"example":"","cased":0}}}}}}"#
        );
        let stats = Stats::from_json(&json)?;
        for method in [Method::Combined, Method::CValue, Method::Flr, Method::TfIdf] {
            let options = RankOptions {
                method,
                ..RankOptions::default()
            };
            assert_eq!(rank(&stats, &options, None).len(), 3, "{method:?}");
        }
        Ok(())
    }
}
