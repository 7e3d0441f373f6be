//! Sparse tf-idf vectors over a document's own sentences.

use crate::prepare::Sentence;

/// A sparse vector: (term id, weight), sorted by term id.
pub type SparseVec = Vec<(u32, f64)>;

/// Smoothed inverse sentence frequency: ln((1 + N) / (1 + df)) + 1, so that
/// a one-sentence document and terms in every sentence keep a weight.
pub fn idf(sentences: &[Sentence], vocabulary_size: usize) -> Vec<f64> {
    let mut df = vec![0u32; vocabulary_size];
    let mut seen = vec![u32::MAX; vocabulary_size];
    for (i, s) in sentences.iter().enumerate() {
        for &t in &s.terms {
            if seen[t as usize] != i as u32 {
                seen[t as usize] = i as u32;
                df[t as usize] += 1;
            }
        }
    }
    let n = sentences.len() as f64;
    df.iter()
        .map(|&d| ((1.0 + n) / (1.0 + d as f64)).ln() + 1.0)
        .collect()
}

/// Term counts of one sentence as a sparse vector.
pub fn counts(terms: &[u32]) -> SparseVec {
    let mut sorted = terms.to_vec();
    sorted.sort_unstable();
    let mut out: SparseVec = Vec::new();
    for t in sorted {
        match out.last_mut() {
            Some((last, c)) if *last == t => *c += 1.0,
            _ => out.push((t, 1.0)),
        }
    }
    out
}

/// tf-idf vectors of every sentence.
pub fn tfidf(sentences: &[Sentence], idf: &[f64]) -> Vec<SparseVec> {
    sentences
        .iter()
        .map(|s| {
            counts(&s.terms)
                .into_iter()
                .map(|(t, c)| (t, c * idf[t as usize]))
                .collect()
        })
        .collect()
}

/// Dot product of two sparse vectors.
pub fn dot(a: &SparseVec, b: &SparseVec) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Euclidean norm.
pub fn norm(a: &SparseVec) -> f64 {
    a.iter().map(|(_, w)| w * w).sum::<f64>().sqrt()
}

/// Cosine similarity; 0 when either vector is empty.
pub fn cosine(a: &SparseVec, b: &SparseVec) -> f64 {
    let d = norm(a) * norm(b);
    if d > 0.0 { dot(a, b) / d } else { 0.0 }
}

/// A sparse symmetric similarity graph: for each sentence, its neighbours
/// (sentence, weight) in sentence order; no self-edges, no zero weights.
pub type Graph = Vec<Vec<(u32, f64)>>;

/// Sentences of each term with the term's weight, in sentence order.
pub fn postings(vectors: &[SparseVec]) -> Vec<Vec<(u32, f64)>> {
    let terms = vectors
        .iter()
        .flat_map(|v| v.iter().map(|(t, _)| *t as usize + 1))
        .max()
        .unwrap_or(0);
    let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); terms];
    for (i, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            postings[t as usize].push((i as u32, w));
        }
    }
    postings
}

/// Builds each sentence's row by accumulating `pair(wi, wj)` over the terms
/// it shares with others, then `finish(i, j, sum)`; only sentences that meet
/// through a term are touched, so memory follows the edges, not n².
pub fn accumulate_graph(
    vectors: &[SparseVec],
    pair: impl Fn(f64, f64) -> f64,
    finish: impl Fn(usize, usize, f64) -> f64,
) -> Graph {
    let n = vectors.len();
    let postings = postings(vectors);
    let mut acc = vec![0.0f64; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut graph: Graph = Vec::with_capacity(n);
    for (i, v) in vectors.iter().enumerate() {
        // Terms in id order, so (i, j) and (j, i) add the same products in the
        // same order and the graph is exactly symmetric.
        for &(t, wi) in v {
            for &(j, wj) in &postings[t as usize] {
                if j as usize == i {
                    continue;
                }
                if acc[j as usize] == 0.0 {
                    touched.push(j);
                }
                acc[j as usize] += pair(wi, wj);
            }
        }
        touched.sort_unstable();
        let mut row = Vec::with_capacity(touched.len());
        for &j in &touched {
            let w = finish(i, j as usize, acc[j as usize]);
            acc[j as usize] = 0.0;
            if w != 0.0 {
                row.push((j, w));
            }
        }
        touched.clear();
        graph.push(row);
    }
    graph
}

/// The cosine-similarity graph of tf-idf vectors.
pub fn cosine_graph(vectors: &[SparseVec]) -> Graph {
    let norms: Vec<f64> = vectors.iter().map(norm).collect();
    accumulate_graph(
        vectors,
        |a, b| a * b,
        |i, j, dot| {
            let d = norms[i] * norms[j];
            if d > 0.0 { dot / d } else { 0.0 }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_disjoint_and_identical() {
        let a = vec![(0, 1.0), (2, 1.0)];
        let b = vec![(1, 3.0)];
        assert_eq!(cosine(&a, &b), 0.0);
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-12);
        assert_eq!(cosine(&a, &Vec::new()), 0.0);
    }

    #[test]
    fn counts_merge_repeats() {
        assert_eq!(counts(&[3, 1, 3]), vec![(1, 1.0), (3, 2.0)]);
    }
}
