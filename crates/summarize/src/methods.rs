//! Sentence scoring methods. Each returns one finite score per sentence,
//! higher meaning more worth extracting.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use crate::graph::pagerank;
use crate::prepare::Prepared;
use crate::vector::{Graph, SparseVec, accumulate_graph, cosine, cosine_graph, counts, idf, tfidf};

/// The extraction methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// The first sentences.
    Lead,
    /// Luhn (1958): clusters of frequent words.
    Luhn,
    /// LexRank (Erkan & Radev 2004), continuous: PageRank over tf-idf cosine.
    LexRank,
    /// TextRank (Mihalcea & Tarau 2004): PageRank over word-overlap similarity.
    TextRank,
    /// Centroid (Radev et al. 2004): cosine to the document's tf-idf centroid.
    Centroid,
    /// SumBasic (Nenkova & Vanderwende 2005): word probabilities, squared once used.
    SumBasic,
    /// Position-aware directed centrality in the manner of PacSum (Zheng & Lapata 2019).
    PacSum,
    /// LexRank whose random walk restarts in the first paragraph (kotoba's default).
    LeadRank,
}

impl Method {
    /// Every method, in documentation order.
    pub const ALL: [Method; 8] = [
        Method::Lead,
        Method::Luhn,
        Method::LexRank,
        Method::TextRank,
        Method::Centroid,
        Method::SumBasic,
        Method::PacSum,
        Method::LeadRank,
    ];

    /// The method's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Method::Lead => "lead",
            Method::Luhn => "luhn",
            Method::LexRank => "lexrank",
            Method::TextRank => "textrank",
            Method::Centroid => "centroid",
            Method::SumBasic => "sumbasic",
            Method::PacSum => "pacsum",
            Method::LeadRank => "leadrank",
        }
    }

    /// The method named `name`.
    pub fn from_name(name: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// Tunable constants of the methods (defaults chosen on ACLSum train+val; see
/// `docs/summarization.md`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// PageRank damping.
    pub damping: f64,
    /// LeadRank: share of the restart mass given to the first paragraph.
    pub lead_restart: f64,
    /// PacSum: weight of edges to preceding sentences.
    pub pacsum_backward: f64,
    /// PacSum: weight of edges to following sentences.
    pub pacsum_forward: f64,
    /// PacSum: edge threshold as a fraction of the similarity range.
    pub pacsum_beta: f64,
    /// Luhn: share of the vocabulary (most frequent first) that is significant.
    pub luhn_share: f64,
    /// LeadRank: added to first-paragraph scores, as a multiple of the top score
    /// (1 ranks every first-paragraph sentence above the rest).
    pub lead_bonus: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            damping: 0.85,
            lead_restart: 0.5,
            pacsum_backward: -2.0,
            pacsum_forward: 1.0,
            pacsum_beta: 0.0,
            luhn_share: 0.2,
            lead_bonus: 1.0,
        }
    }
}

/// The longest first paragraph LeadRank reads in order as a news lead
/// (sentences): a paper's abstract, longer, is ranked by the walk.
const SHORT_LEAD: usize = 3;

/// Graphs are built over at most this many sentences: longer documents are
/// scored in consecutive blocks, so memory and time stay linear in length
/// (a dense graph of 80,000 sentences would need 50 GB).
const GRAPH_BLOCK: usize = 2000;

/// Scores every sentence of `doc` with `method`.
pub fn score(doc: &Prepared, method: Method, params: &Params) -> Vec<f64> {
    let n = doc.sentences.len();
    if n == 0 {
        return Vec::new();
    }
    let graph = matches!(
        method,
        Method::LexRank | Method::TextRank | Method::PacSum | Method::LeadRank
    );
    if graph && n > GRAPH_BLOCK {
        let mut scores = Vec::with_capacity(n);
        // The graph methods read the vocabulary's size only: empty strings
        // (no allocation each) stand for its terms, rather than a copy of
        // every term for every block.
        let unnamed = vec![String::new(); doc.vocabulary.len()];
        for block in doc.sentences.chunks(GRAPH_BLOCK) {
            let part = Prepared {
                lang: doc.lang,
                sentences: block.to_vec(),
                vocabulary: unnamed.clone(),
            };
            // Each block's PageRank sums to one: weigh blocks by their size.
            let weight = block.len() as f64 / n as f64;
            scores.extend(score(&part, method, params).into_iter().map(|s| s * weight));
        }
        return scores;
    }
    match method {
        Method::Lead => (0..n).map(|i| 1.0 - i as f64 / n as f64).collect(),
        Method::Luhn => luhn(doc, params.luhn_share),
        Method::LexRank => {
            let g = cosine_graph(&vectors(doc));
            pagerank(&g, &vec![1.0; n], params.damping)
        }
        Method::LeadRank => {
            let g = cosine_graph(&vectors(doc));
            let first: f64 = doc.sentences.iter().filter(|s| s.lead).count() as f64;
            let restart: Vec<f64> = doc
                .sentences
                .iter()
                .map(|s| {
                    let lead = if s.lead && first > 0.0 {
                        params.lead_restart / first
                    } else {
                        0.0
                    };
                    lead + (1.0 - params.lead_restart) / n as f64
                })
                .collect();
            let mut scores = pagerank(&g, &restart, params.damping);
            let top = scores.iter().copied().fold(0.0, f64::max);
            // A first paragraph of a news story's length is its lead, read
            // in order: each sentence above the next by a whole top score
            // (the walk made a lead's second sentence, sharing words with
            // the rest, the summary of one sentence; an analyst's review).
            // (Several documents summarized together have an opening each:
            // each is measured by its own paragraph.)
            let mut lead_len: HashMap<usize, usize> = HashMap::new();
            for s in doc.sentences.iter().filter(|s| s.lead) {
                *lead_len.entry(s.paragraph).or_default() += 1;
            }
            let mut place: HashMap<usize, usize> = HashMap::new();
            for (x, s) in scores.iter_mut().zip(&doc.sentences) {
                if s.lead {
                    *x += params.lead_bonus * top;
                    let len = lead_len.get(&s.paragraph).copied().unwrap_or(0);
                    let at = place.entry(s.paragraph).or_default();
                    if len <= SHORT_LEAD && params.lead_bonus > 0.0 {
                        *x += len.saturating_sub(*at) as f64 * top;
                    }
                    *at += 1;
                }
            }
            scores
        }
        Method::TextRank => textrank(doc, params.damping),
        Method::Centroid => centroid(doc),
        Method::SumBasic => sumbasic(doc),
        Method::PacSum => pacsum(doc, params),
    }
}

/// tf-idf vectors with idf from the document's own sentences.
pub fn vectors(doc: &Prepared) -> Vec<SparseVec> {
    let idf = idf(&doc.sentences, doc.vocabulary_size());
    tfidf(&doc.sentences, &idf)
}

/// tf-idf vectors for comparing sentences with each other (MMR's
/// redundancy), as [`vectors`] but without the words of a dateline that
/// opens a sentence (`TOKYO, Aug. 20 (Kyodo) --`, `【東京＝共同】`): two outlets'
/// leads of one story differ there, and those words diluted their
/// similarity below the near-duplicate threshold.
pub fn similarity_vectors(doc: &Prepared) -> Vec<SparseVec> {
    let idf = idf(&doc.sentences, doc.vocabulary_size());
    doc.sentences
        .iter()
        .map(|s| {
            counts(s.terms.get(s.dateline_terms..).unwrap_or(&[]))
                .into_iter()
                .map(|(t, c)| (t, c * idf[t as usize]))
                .collect()
        })
        .collect()
}

fn term_counts(doc: &Prepared) -> Vec<u32> {
    let mut c = vec![0u32; doc.vocabulary_size()];
    for s in &doc.sentences {
        for &t in &s.terms {
            c[t as usize] += 1;
        }
    }
    c
}

/// Luhn: significant words are frequent content words (seen at least twice,
/// among the most frequent `share` of the vocabulary, at least five of them);
/// a sentence scores its best cluster, (significant words)² / cluster span,
/// clusters joining significant words at most four words apart.
fn luhn(doc: &Prepared, share: f64) -> Vec<f64> {
    let counts = term_counts(doc);
    let mut by_freq: Vec<u32> = (0..counts.len() as u32)
        .filter(|&t| counts[t as usize] >= 2)
        .collect();
    by_freq.sort_by(|a, b| counts[*b as usize].cmp(&counts[*a as usize]).then(a.cmp(b)));
    let keep = ((counts.len() as f64 * share) as usize).max(5);
    let significant: HashSet<u32> = by_freq.into_iter().take(keep).collect();
    doc.sentences
        .iter()
        .map(|s| {
            let marks: Vec<usize> = s
                .terms
                .iter()
                .zip(&s.positions)
                .filter(|(t, _)| significant.contains(t))
                .map(|(_, &p)| p as usize)
                .collect();
            let mut best = 0.0f64;
            let mut k = 0;
            while k < marks.len() {
                let mut end = k;
                while end + 1 < marks.len() && marks[end + 1] - marks[end] <= 5 {
                    end += 1;
                }
                let count = (end - k + 1) as f64;
                let span = (marks[end] - marks[k] + 1) as f64;
                best = best.max(count * count / span);
                k = end + 1;
            }
            best
        })
        .collect()
}

/// TextRank: similarity = shared distinct words / (ln |Si| + ln |Sj|).
fn textrank(doc: &Prepared, damping: f64) -> Vec<f64> {
    // Each sentence's distinct terms, weight 1: the accumulated product
    // counts the shared words.
    let sets: Vec<SparseVec> = doc
        .sentences
        .iter()
        .map(|s| {
            counts(&s.terms)
                .into_iter()
                .map(|(t, _)| (t, 1.0))
                .collect()
        })
        .collect();
    let sizes: Vec<f64> = sets.iter().map(|s| s.len() as f64).collect();
    let g: Graph = accumulate_graph(
        &sets,
        |a, b| a * b,
        |i, j, shared| {
            let denom = sizes[i].ln() + sizes[j].ln();
            if denom > 0.0 { shared / denom } else { 0.0 }
        },
    );
    pagerank(&g, &vec![1.0; doc.sentences.len()], damping)
}

/// Centroid: cosine between a sentence and the mean tf-idf vector, keeping
/// only the centroid's stronger half of terms (its topic words).
fn centroid(doc: &Prepared) -> Vec<f64> {
    let vectors = vectors(doc);
    let mut sum = vec![0.0; doc.vocabulary_size()];
    for v in &vectors {
        for &(t, w) in v {
            sum[t as usize] += w;
        }
    }
    let mut weights: Vec<f64> = sum.iter().copied().filter(|w| *w > 0.0).collect();
    weights.sort_by(|a, b| b.total_cmp(a));
    let cut = weights.get(weights.len() / 2).copied().unwrap_or(0.0);
    let centre: SparseVec = sum
        .iter()
        .enumerate()
        .filter(|(_, w)| **w >= cut && **w > 0.0)
        .map(|(t, w)| (t as u32, *w))
        .collect();
    vectors.iter().map(|v| cosine(v, &centre)).collect()
}

/// SumBasic: repeatedly take, among the sentences holding the most probable
/// word, the one of highest mean word probability, then square the probabilities of its words; scores follow the order taken.
fn sumbasic(doc: &Prepared) -> Vec<f64> {
    let freq = term_counts(doc);
    let total: f64 = freq.iter().map(|&c| c as f64).sum();
    let n = doc.sentences.len();
    if total == 0.0 {
        return vec![0.0; n];
    }
    let mut p: Vec<f64> = freq.iter().map(|&c| c as f64 / total).collect();
    // Occurrences of each term per sentence, and sentences still open per term.
    let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); p.len()];
    let mut open = vec![0u32; p.len()];
    for (i, s) in doc.sentences.iter().enumerate() {
        for (t, c) in counts(&s.terms) {
            postings[t as usize].push((i as u32, c));
            open[t as usize] += 1;
        }
    }
    let mut heap: BinaryHeap<(Prob, Reverse<u32>)> = (0..p.len())
        .filter(|&t| open[t] > 0)
        .map(|t| (Prob(p[t]), Reverse(t as u32)))
        .collect();
    // Sum of word probabilities per sentence, kept up to date as they change.
    let mut sums: Vec<f64> = doc
        .sentences
        .iter()
        .map(|s| s.terms.iter().map(|&t| p[t as usize]).sum())
        .collect();
    let mut scores = vec![0.0; n];
    let mut taken = vec![false; n];
    for rank in 0..n {
        // The most probable word still in an open sentence; the sentence must
        // hold it. Stale heap entries (changed or closed words) are skipped.
        let top = loop {
            match heap.peek() {
                Some(&(Prob(q), Reverse(t))) if open[t as usize] > 0 && q == p[t as usize] => {
                    break Some(t as usize);
                }
                Some(_) => {
                    heap.pop();
                }
                None => break None,
            }
        };
        // No open word left: the sentences left hold no terms, and come in
        // document order (found in one pass, not one scan per sentence).
        let Some(t) = top else {
            let left = (0..n).filter(|&i| !taken[i]);
            for (k, i) in left.enumerate() {
                scores[i] = (n - rank - k) as f64 / n as f64;
            }
            break;
        };
        let candidates = postings[t]
            .iter()
            .map(|&(i, _)| i as usize)
            .filter(|&i| !taken[i]);
        let mut best: Option<(usize, f64)> = None;
        for i in candidates {
            let len = doc.sentences[i].terms.len();
            let value = if len == 0 { 0.0 } else { sums[i] / len as f64 };
            if best.is_none_or(|(_, b)| value > b) {
                best = Some((i, value));
            }
        }
        let Some((i, _)) = best else { break };
        taken[i] = true;
        scores[i] = (n - rank) as f64 / n as f64;
        for (t, _) in counts(&doc.sentences[i].terms) {
            let t = t as usize;
            open[t] -= 1;
            let (old, new) = (p[t], p[t] * p[t]);
            p[t] = new;
            heap.push((Prob(new), Reverse(t as u32)));
            for &(s, c) in &postings[t] {
                sums[s as usize] += c * (new - old);
            }
        }
    }
    scores
}

/// A probability ordered by `total_cmp`, for the heap.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Prob(f64);

impl Eq for Prob {}

impl PartialOrd for Prob {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Prob {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// PacSum with tf-idf cosine: edges below `beta` of the similarity range are
/// dropped; a sentence's centrality weighs its edges to earlier sentences by
/// `pacsum_backward` and to later ones by `pacsum_forward`.
fn pacsum(doc: &Prepared, params: &Params) -> Vec<f64> {
    let g = cosine_graph(&vectors(doc));
    let n = g.len();
    if n < 2 {
        return vec![0.0; n];
    }
    // Missing edges are similarity 0, the lowest there is.
    let edges: usize = g.iter().map(Vec::len).sum();
    let values = || g.iter().flatten().map(|&(_, v)| v);
    let lo = if edges < n * (n - 1) {
        0.0
    } else {
        values().fold(f64::MAX, f64::min)
    };
    let hi = values().fold(0.0, f64::max);
    let threshold = lo + params.pacsum_beta * (hi - lo);
    g.iter()
        .enumerate()
        .map(|(i, row)| {
            let mut score = 0.0;
            for &(j, sim) in row {
                let e = (sim - threshold).max(0.0);
                score += if (j as usize) < i {
                    params.pacsum_backward * e
                } else {
                    params.pacsum_forward * e
                };
            }
            score
        })
        .collect()
}
