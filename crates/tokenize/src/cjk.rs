//! Overlapping character bigrams: a dictionary-free fallback for CJK text.

use crate::{Token, Tokenizer};

/// Splits runs of CJK characters into overlapping bigrams (a lone character
/// stays a unigram); other runs of letters or digits become lowercase words.
#[derive(Debug, Default, Clone, Copy)]
pub struct BigramTokenizer;

/// True for Han, kana, Hangul and their punctuation-free blocks.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF |
        0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..=0x2FA1F | 0x3005 | 0x3007)
}

impl Tokenizer for BigramTokenizer {
    fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let end_of = |i: usize| chars.get(i + 1).map_or(text.len(), |&(b, _)| b);
        let mut i = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            if is_cjk(c) {
                let mut j = i;
                while j < chars.len() && is_cjk(chars[j].1) {
                    j += 1;
                }
                if j - i == 1 {
                    out.push(token(text, start, end_of(i)));
                }
                for (k, &(start, _)) in chars.iter().enumerate().take(j.saturating_sub(1)).skip(i) {
                    out.push(token(text, start, end_of(k + 1)));
                }
                i = j;
            } else if c.is_alphanumeric() {
                let mut j = i;
                while j < chars.len() && chars[j].1.is_alphanumeric() && !is_cjk(chars[j].1) {
                    j += 1;
                }
                out.push(token(text, start, end_of(j - 1)));
                i = j;
            } else {
                i += 1;
            }
        }
        out
    }
}

fn token(text: &str, start: usize, end: usize) -> Token {
    let lower = crate::fold(&text[start..end]);
    Token {
        start,
        end,
        term: lower.clone(),
        lower,
        pos: None,
        is_stop: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_over_cjk_runs() {
        let text = "한국 무역 WTO 中";
        let terms: Vec<String> = BigramTokenizer
            .tokenize(text)
            .into_iter()
            .map(|t| t.term)
            .collect();
        assert_eq!(terms, ["한국", "무역", "wto", "中"]);
        let zh: Vec<String> = BigramTokenizer
            .tokenize("贸易顺差")
            .into_iter()
            .map(|t| t.term)
            .collect();
        assert_eq!(zh, ["贸易", "易顺", "顺差"]);
    }
}
