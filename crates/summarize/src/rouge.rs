//! ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum (Lin 2004), tokenized for English
//! exactly as Google's `rouge-score` package does (lowercase, runs of
//! characters other than a–z and 0–9 separate tokens, optional Porter stems
//! of tokens longer than three characters, NLTK's variant), so the numbers
//! agree with it; Japanese is scored over IPADIC morphemes instead of being
//! scored as empty.

use std::collections::HashMap;

use kotoba_tokenize::japanese::JapaneseTokenizer;
use nltk_porter::{Mode, PorterStemmer};

/// Precision, recall and F1 of one measure.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Score {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Score {
    fn new(hits: f64, system: f64, reference: f64) -> Score {
        let precision = if system > 0.0 { hits / system } else { 0.0 };
        let recall = if reference > 0.0 {
            hits / reference
        } else {
            0.0
        };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            precision,
            recall,
            f1,
        }
    }
}

/// The four measures of one system/reference pair.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Scores {
    /// Unigram overlap.
    pub rouge1: Score,
    /// Bigram overlap.
    pub rouge2: Score,
    /// Longest common subsequence over the whole text.
    pub rouge_l: Score,
    /// Union LCS over newline-separated sentences.
    pub rouge_lsum: Score,
}

/// How to cut text into tokens.
pub enum RougeTokenizer {
    /// `rouge-score`'s English tokenizer, with or without Porter stems.
    English {
        /// Stem tokens longer than three characters.
        stem: Option<PorterStemmer>,
    },
    /// IPADIC morphemes (symbols and white space left out).
    Japanese(JapaneseTokenizer),
}

impl RougeTokenizer {
    /// `rouge-score`'s tokenizer.
    pub fn english(stem: bool) -> RougeTokenizer {
        RougeTokenizer::English {
            stem: stem.then(|| PorterStemmer::new(Mode::Nltk)),
        }
    }

    /// Tokens of `text`.
    pub fn tokens(&self, text: &str) -> Vec<String> {
        match self {
            RougeTokenizer::English { stem } => {
                let lower = text.to_lowercase();
                lower
                    .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
                    .filter(|t| !t.is_empty())
                    .map(|t| match stem {
                        Some(s) if t.len() > 3 => s.stem(t),
                        _ => t.to_string(),
                    })
                    // A stem must still be a valid token, as rouge-score checks.
                    .filter(|t| {
                        !t.is_empty()
                            && t.bytes()
                                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                    })
                    .collect()
            }
            RougeTokenizer::Japanese(ja) => {
                // Width and case folded, as the English side lowercases:
                // ＷＴＯ and WTO, １．５％ and 1.5% are the same tokens.
                let text = kotoba_text::normalize::nfkc(text).text;
                let mut worker = ja.worker();
                worker
                    .morphemes(&text)
                    .iter()
                    .filter(|m| ja.feature(m.word, 0) != Some("記号"))
                    .map(|m| text[m.start..m.end].to_lowercase())
                    // Symbols IPADIC does not know (`%`, `.`, `://`) come as
                    // unknown nouns: tokens need a letter or a digit, as
                    // rouge-score's do.
                    .filter(|t| t.chars().any(char::is_alphanumeric))
                    .collect()
            }
        }
    }

    /// ROUGE-1/2/L/Lsum of `system` against `reference`; ROUGE-Lsum reads
    /// one sentence per line.
    pub fn score(&self, system: &str, reference: &str) -> Scores {
        let sys = self.tokens(system);
        let refs = self.tokens(reference);
        let sys_sents: Vec<Vec<String>> = system
            .split('\n')
            .filter(|l| !l.is_empty())
            .map(|l| self.tokens(l))
            .collect();
        let ref_sents: Vec<Vec<String>> = reference
            .split('\n')
            .filter(|l| !l.is_empty())
            .map(|l| self.tokens(l))
            .collect();
        Scores {
            rouge1: ngram_score(&sys, &refs, 1),
            rouge2: ngram_score(&sys, &refs, 2),
            rouge_l: Score::new(
                lcs_length(&refs, &sys) as f64,
                sys.len() as f64,
                refs.len() as f64,
            ),
            rouge_lsum: summary_lcs(&ref_sents, &sys_sents),
        }
    }
}

fn ngram_score(sys: &[String], refs: &[String], n: usize) -> Score {
    let (s, r) = (ngrams(sys, n), ngrams(refs, n));
    let hits: usize = r
        .iter()
        .map(|(g, c)| (*c).min(s.get(g).copied().unwrap_or(0)))
        .sum();
    let total = |m: &HashMap<&[String], usize>| m.values().sum::<usize>() as f64;
    Score::new(hits as f64, total(&s), total(&r))
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut m: HashMap<&[String], usize> = HashMap::new();
    if tokens.len() >= n {
        for g in tokens.windows(n) {
            *m.entry(g).or_default() += 1;
        }
    }
    m
}

/// LCS length, in two rows of the table: whole documents of 20,000 tokens
/// each made a table of 1.6 GB.
fn lcs_length(a: &[String], b: &[String]) -> u32 {
    let mut above = vec![0u32; b.len() + 1];
    let mut row = vec![0u32; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            row[j + 1] = if x == y {
                above[j] + 1
            } else {
                above[j + 1].max(row[j])
            };
        }
        std::mem::swap(&mut above, &mut row);
    }
    above[b.len()]
}

/// LCS length table, `a` on the rows.
fn lcs_table(a: &[String], b: &[String]) -> Vec<Vec<u32>> {
    let mut t = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            t[i][j] = if a[i - 1] == b[j - 1] {
                t[i - 1][j - 1] + 1
            } else {
                t[i - 1][j].max(t[i][j - 1])
            };
        }
    }
    t
}

/// Most cells of an LCS table held at once: beyond it (two sentences of
/// 2,000 tokens each; a text without line breaks is one sentence to
/// ROUGE-Lsum) the table is kept as every k-th row and recomputed a block at
/// a time, the same walk in square-root memory (two single-line documents
/// of 20,000 tokens each had asked 1.6 GB).
const FULL_TABLE_CELLS: usize = 4 << 20;

/// Row `i` of the LCS table from row `i - 1` (`above`), `a` on the rows.
fn next_row(a: &[String], b: &[String], i: usize, above: &[u32], row: &mut [u32]) {
    row[0] = 0;
    for j in 1..=b.len() {
        row[j] = if a[i - 1] == b[j - 1] {
            above[j - 1] + 1
        } else {
            above[j].max(row[j - 1])
        };
    }
}

/// Indices into `a` of one LCS with `b`, found by walking the table back the
/// way `rouge-score` does (prefer moving left in `b` when that keeps more).
fn lcs_indices(a: &[String], b: &[String]) -> Vec<usize> {
    let (m, n) = (a.len(), b.len());
    if (m + 1).saturating_mul(n + 1) <= FULL_TABLE_CELLS {
        return walk_back(a, b, &lcs_table(a, b), 0, (m, n)).0;
    }
    // Every k-th row kept; each block of k rows recomputed from the row
    // before it when the walk reaches it.
    let k = (m as f64).sqrt().ceil().max(1.0) as usize;
    let mut kept: Vec<Vec<u32>> = vec![vec![0; n + 1]];
    let mut row = vec![0u32; n + 1];
    let mut above = vec![0u32; n + 1];
    for i in 1..=m {
        next_row(a, b, i, &above, &mut row);
        std::mem::swap(&mut above, &mut row);
        if i % k == 0 {
            kept.push(above.clone());
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (m, n);
    while i > 0 && j > 0 {
        let first = (i - 1) / k * k;
        let mut block = vec![kept[first / k].clone()];
        for r in first + 1..=i {
            let mut next = vec![0u32; n + 1];
            next_row(a, b, r, &block[r - first - 1], &mut next);
            block.push(next);
        }
        let (found, at) = walk_back(a, b, &block, first, (i, j));
        out.extend(found.into_iter().rev());
        (i, j) = at;
    }
    out.reverse();
    out
}

/// The walk of [`lcs_indices`] over `rows`, rows `first..` of the table,
/// from `(i, j)` until it leaves them (or reaches an edge): the indices
/// found (in order) and where it stopped.
fn walk_back(
    a: &[String],
    b: &[String],
    rows: &[Vec<u32>],
    first: usize,
    (mut i, mut j): (usize, usize),
) -> (Vec<usize>, (usize, usize)) {
    let t = |i: usize, j: usize| rows[i - first][j];
    let mut out = Vec::new();
    while i > first && j > 0 {
        if a[i - 1] == b[j - 1] {
            out.push(i - 1);
            i -= 1;
            j -= 1;
        } else if t(i, j - 1) > t(i - 1, j) {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    out.reverse();
    (out, (i, j))
}

/// Summary-level LCS: for each reference sentence the union of its LCS with
/// every system sentence; hits are clipped by the tokens' overall counts.
fn summary_lcs(refs: &[Vec<String>], sys: &[Vec<String>]) -> Score {
    let m: usize = refs.iter().map(Vec::len).sum();
    let n: usize = sys.iter().map(Vec::len).sum();
    if m == 0 || n == 0 {
        return Score::default();
    }
    let mut ref_left: HashMap<&str, usize> = HashMap::new();
    for t in refs.iter().flatten() {
        *ref_left.entry(t).or_default() += 1;
    }
    let mut sys_left: HashMap<&str, usize> = HashMap::new();
    for t in sys.iter().flatten() {
        *sys_left.entry(t).or_default() += 1;
    }
    let mut hits = 0usize;
    for r in refs {
        let mut union: Vec<usize> = sys.iter().flat_map(|c| lcs_indices(r, c)).collect();
        union.sort_unstable();
        union.dedup();
        for i in union {
            let t = r[i].as_str();
            let (Some(s), Some(q)) = (sys_left.get(t).copied(), ref_left.get(t).copied()) else {
                continue;
            };
            if s > 0 && q > 0 {
                hits += 1;
                sys_left.insert(t, s - 1);
                ref_left.insert(t, q - 1);
            }
        }
    }
    Score::new(hits as f64, n as f64, m as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_like_rouge_score() {
        let t = RougeTokenizer::english(false);
        assert_eq!(
            t.tokens("The U.S.-Japan trade surplus, $59bn!"),
            ["the", "u", "s", "japan", "trade", "surplus", "59bn"]
        );
        let s = RougeTokenizer::english(true);
        assert_eq!(
            s.tokens("negotiations were running"),
            ["negoti", "were", "run"]
        );
    }

    /// The two-row length is the full table's corner.
    #[test]
    fn lcs_length_is_the_tables_corner() {
        let words = |s: &str| -> Vec<String> { s.split(' ').map(String::from).collect() };
        for (a, b) in [
            ("a b c d e", "b d e a"),
            ("x", "y"),
            ("a a a b", "a b a a"),
            ("trade talks stalled again", "talks on trade stalled"),
        ] {
            let (a, b) = (words(a), words(b));
            assert_eq!(lcs_length(&a, &b), lcs_table(&a, &b)[a.len()][b.len()]);
            assert_eq!(lcs_length(&b, &a), lcs_length(&a, &b));
        }
        assert_eq!(lcs_length(&[], &words("a b")), 0);
    }

    /// The walk in blocks of recomputed rows finds the indices the whole
    /// table gives, ties taken the same way.
    #[test]
    fn lcs_indices_in_blocks_are_the_tables() {
        let words = |n: usize, step: usize| -> Vec<String> {
            (0..n).map(|i| format!("w{}", (i * step) % 7)).collect()
        };
        for (a, b) in [
            (words(2100, 3), words(2300, 5)),
            (words(3000, 2), words(1500, 4)),
        ] {
            assert!((a.len() + 1) * (b.len() + 1) > FULL_TABLE_CELLS);
            let whole = walk_back(&a, &b, &lcs_table(&a, &b), 0, (a.len(), b.len())).0;
            assert_eq!(lcs_indices(&a, &b), whole);
            assert_eq!(whole.len() as u32, lcs_length(&a, &b));
        }
    }

    #[test]
    fn known_values() {
        let t = RougeTokenizer::english(false);
        let s = t.score(
            "the cat was found under the bed",
            "the cat was under the bed",
        );
        assert!((s.rouge1.recall - 1.0).abs() < 1e-12);
        assert!((s.rouge1.precision - 6.0 / 7.0).abs() < 1e-12);
        assert!((s.rouge2.recall - 4.0 / 5.0).abs() < 1e-12);
        assert!((s.rouge_l.f1 - 2.0 * (6.0 / 7.0) / (1.0 + 6.0 / 7.0)).abs() < 1e-12);
        let empty = t.score("", "something");
        assert_eq!(empty.rouge1.f1, 0.0);
    }

    #[test]
    fn lsum_unions_across_sentences() {
        let t = RougeTokenizer::english(false);
        let s = t.score(
            "police killed the gunman\nthe gunman was shot",
            "police kill the gunman",
        );
        assert!(s.rouge_lsum.recall > 0.7);
    }

    #[test]
    fn japanese_is_not_zero() -> Result<(), kotoba_tokenize::Error> {
        let t = RougeTokenizer::Japanese(JapaneseTokenizer::new()?);
        let s = t.score("日本は貿易黒字を減らす。", "日本の貿易黒字");
        assert!(s.rouge1.f1 > 0.5);
        Ok(())
    }

    /// Texts that differ only in width or case scored 43–80 (a review).
    #[test]
    fn japanese_folds_width_and_case_and_drops_symbols() -> Result<(), kotoba_tokenize::Error> {
        let t = RougeTokenizer::Japanese(JapaneseTokenizer::new()?);
        for (system, reference) in [
            ("関税は１．５％だ。", "関税は1.5%だ。"),
            ("ＷＴＯが関税を批判。", "WTOが関税を批判。"),
            ("米国がTariffsを批判。", "米国がtariffsを批判。"),
        ] {
            let s = t.score(system, reference);
            assert!((s.rouge1.f1 - 1.0).abs() < 1e-9, "{system}: {s:?}");
        }
        assert_eq!(t.tokens("関税は1.5%だ。"), ["関税", "は", "1", "5", "だ"]);
        Ok(())
    }
}
