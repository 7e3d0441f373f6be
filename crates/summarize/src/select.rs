//! Choosing sentences: budgets that are never exceeded, maximal marginal
//! relevance against redundancy, optional bonus terms.

use crate::prepare::Prepared;
use crate::vector::SparseVec;

/// How long a summary may be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    /// At most this many sentences.
    Sentences(usize),
    /// This share of the document's sentences that may be taken (neither
    /// headings nor boilerplate; headings when nothing else is left),
    /// rounded down (a budget is never exceeded) but at least one sentence.
    Ratio(f64),
    /// At most this many words (English) or characters (Japanese).
    Words(usize),
    /// At most this many characters (white space excluded).
    Chars(usize),
}

/// What the selection needs besides the scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Selection {
    /// The budget.
    pub length: Length,
    /// MMR trade-off λ in [0, 1]: 1 ignores redundancy; `None` turns MMR
    /// off. Unless it is 1, a near duplicate of a chosen sentence (cosine
    /// of their `vectors` at least 0.5) waits until nothing
    /// else is left, MMR or not, when the selection is given the vectors.
    pub mmr: Option<f64>,
    /// Sentences shorter than this (words, or characters for Japanese) are
    /// only taken when nothing longer is left.
    pub min_words: usize,
}

/// The most words (English; characters of Japanese, four a word) of a
/// heading that labels a section rather than heads a story.
const LABEL_WORDS: usize = 4;

/// True for a heading short enough to label a section (`Background`,
/// `3.2 Policy implications`, `１．概要`, `令和７年５月２０日経済産業省`).
fn section_label(s: &crate::prepare::Sentence) -> bool {
    let japanese = s.text.chars().any(kotoba_text::japanese_script);
    let most = if japanese {
        LABEL_WORDS * 4
    } else {
        LABEL_WORDS
    };
    s.words <= most
}

/// Picks sentences by `scores` (any scale) within the budget; returns their
/// indices in the order chosen. Ties go to the earlier sentence.
pub fn select(
    doc: &Prepared,
    scores: &[f64],
    vectors: &[SparseVec],
    sel: &Selection,
) -> Vec<usize> {
    let n = doc.sentences.len().min(scores.len());
    if n == 0 {
        return Vec::new();
    }
    let norm = normalize(scores);
    let max_sentences = match sel.length {
        Length::Sentences(k) => k,
        // A share of the sentences that may be taken: headings, bylines
        // and bullets had counted, and half a wire story gave all of its
        // sentences. Headings count when nothing else is left.
        Length::Ratio(r) => {
            let sentences = &doc.sentences[..n];
            let content = sentences.iter().filter(|s| s.is_content()).count();
            let takeable = if content > 0 {
                content
            } else {
                sentences.iter().filter(|s| !s.boilerplate).count()
            };
            ratio_sentences(r, takeable)
        }
        Length::Words(_) | Length::Chars(_) => n,
    };
    // Each sentence's cost, counted once (characters were counted again
    // for every sentence at every choice).
    let costs: Vec<usize> = doc.sentences[..n]
        .iter()
        .map(|s| match sel.length {
            Length::Words(_) => s.size,
            Length::Chars(_) => s.text.chars().filter(|c| !c.is_whitespace()).count(),
            _ => 0,
        })
        .collect();
    let cost = |i: usize| costs[i];
    let budget = match sel.length {
        Length::Words(w) | Length::Chars(w) => w,
        _ => usize::MAX,
    };
    // Sentences long enough, no headings and no boilerplate come first;
    // shorter sentences when none of those is left that fits; headings only
    // from a document that holds no sentence. Boilerplate (a byline, a copyright line, a photo
    // credit) is never taken: a budget too small for any sentence gave a
    // summary of it, `By … / © 2024 Reuters.` (a review found it).
    // A line that cannot stand alone (`The deal covers:`, `- flat-rolled
    // steel`, a table row) had filled what a budget left (a review found
    // it): it is never taken when the document holds a sentence.
    let has_content = doc.sentences[..n].iter().any(|s| s.is_content());
    let tier_of: Vec<u8> = doc
        .sentences
        .iter()
        .map(|s| match (s.is_content(), s.words >= sel.min_words) {
            _ if s.boilerplate => NEVER,
            _ if s.fragment && has_content => NEVER,
            (true, true) => 0,
            (true, false) => 1,
            // A section's label beside sentences had filled what a budget
            // left (`Background`, `１．概要`, `Reuters Graphics`; an
            // analyst's review): a shorter summary reads better. A
            // headline, longer, may still come last.
            (false, _) if has_content && section_label(s) => NEVER,
            (false, _) => 2,
        })
        .collect();
    let mut tier = 0u8;
    let mut chosen: Vec<usize> = Vec::new();
    let mut used = 0usize;
    let mut available: Vec<bool> = vec![true; n];
    let mut repeats_too = false;
    // Each sentence's largest similarity to those chosen so far, kept up to
    // date as they are chosen: one comparison per sentence and choice, not
    // one per pair of chosen sentences at every step.
    let mut redundancy = vec![0.0f64; n];
    // Only sentences that share a term with a chosen one can grow more
    // redundant: they are found through the terms' postings, and each
    // similarity summed in the order `cosine` sums it (the same bits), rather
    // than compared with every sentence at every choice.
    // Redundancy is tracked whenever the vectors are given: for MMR, and
    // for the near duplicates every method leaves for last.
    let track = !vectors.is_empty();
    let (postings, norms) = if track {
        (
            crate::vector::postings(&vectors[..n.min(vectors.len())]),
            vectors.iter().map(crate::vector::norm).collect(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let mut dots = vec![0.0f64; n];
    let mut touched: Vec<usize> = Vec::new();
    while chosen.len() < max_sentences {
        let mut best: Option<(usize, f64)> = None;
        for i in (0..n).filter(|&i| available[i] && tier_of[i] <= tier) {
            if used.saturating_add(cost(i)) > budget {
                continue;
            }
            // A near duplicate of a chosen sentence (the same story's lead
            // from another outlet, a lede restated) waits until nothing else
            // is left: MMR's penalty alone could not outweigh the lead
            // bonus, and without MMR a restated lede filled a summary (an
            // analyst's review).
            if track
                && sel.mmr.is_none_or(|lambda| lambda < 1.0)
                && !repeats_too
                && redundancy[i] >= NEAR_DUPLICATE
            {
                continue;
            }
            let value = match sel.mmr {
                Some(lambda) if !chosen.is_empty() => {
                    lambda * norm[i] - (1.0 - lambda) * redundancy[i]
                }
                _ => norm[i],
            };
            if best.is_none_or(|(_, b)| value > b) {
                best = Some((i, value));
            }
        }
        let Some((i, _)) = best else {
            if tier < 2 {
                tier += 1;
            } else if !repeats_too {
                repeats_too = true;
            } else {
                break;
            }
            continue;
        };
        available[i] = false;
        used += cost(i);
        chosen.push(i);
        if track && let Some(chosen_vector) = vectors.get(i) {
            for &(t, wi) in chosen_vector {
                for &(k, wk) in postings.get(t as usize).map_or(&[][..], Vec::as_slice) {
                    let k = k as usize;
                    if dots[k] == 0.0 {
                        touched.push(k);
                    }
                    dots[k] += wk * wi;
                }
            }
            for k in touched.drain(..) {
                let d = norms[k] * norms[i];
                if available[k] && d > 0.0 {
                    redundancy[k] = redundancy[k].max(dots[k] / d);
                }
                dots[k] = 0.0;
            }
        }
    }
    chosen
}

/// The tier of sentences never taken (above the last one tried).
const NEVER: u8 = 3;

/// Cosine similarity from which a sentence counts as a near duplicate of
/// one already chosen: taken only when nothing else is left. Two outlets'
/// leads of one story score about 0.8; sentences of one text rarely above
/// 0.3.
const NEAR_DUPLICATE: f64 = 0.5;

/// The sentences a ratio `r` allows of `n` (at least 1): the share rounded
/// down, but at least one.
fn ratio_sentences(r: f64, n: usize) -> usize {
    // The tolerance keeps products such as 0.29 × 100 (28.999999999999996 in
    // floating point) from losing a sentence.
    ((r.clamp(0.0, 1.0) * n as f64 + 1e-9).floor() as usize).clamp(1, n.max(1))
}

/// Scales scores to [0, 1]; all-equal (or non-finite) scores become 1.
pub fn normalize(scores: &[f64]) -> Vec<f64> {
    let finite = |x: f64| if x.is_finite() { x } else { 0.0 };
    let lo = scores.iter().copied().map(finite).fold(f64::MAX, f64::min);
    let hi = scores.iter().copied().map(finite).fold(f64::MIN, f64::max);
    if hi - lo <= f64::EPSILON {
        return vec![1.0; scores.len()];
    }
    scores
        .iter()
        .map(|&s| (finite(s) - lo) / (hi - lo))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::ratio_sentences;

    #[test]
    fn ratios_round_down_to_at_least_one_sentence() {
        // Rounding up took 2 of 11 sentences for 10% (18%) and 3 of 10 for 25%.
        assert_eq!(ratio_sentences(0.1, 11), 1);
        assert_eq!(ratio_sentences(0.25, 10), 2);
        assert_eq!(ratio_sentences(0.3, 10), 3);
        assert_eq!(ratio_sentences(0.29, 100), 29);
        assert_eq!(ratio_sentences(0.7, 10), 7);
        assert_eq!(ratio_sentences(1.0, 27), 27);
        assert_eq!(ratio_sentences(0.01, 27), 1);
        assert_eq!(ratio_sentences(0.0, 27), 1);
        assert_eq!(ratio_sentences(f64::NAN, 5), 1);
    }
}
