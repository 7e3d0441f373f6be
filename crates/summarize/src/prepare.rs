//! Turning a document into what the methods score: sentences with their
//! content terms (English Snowball stems of non-stop words; Japanese base
//! forms of nouns, verbs and adjectives), sizes, and paragraph numbers.

use rustc_hash::FxHashMap;

use kotoba_text::boilerplate::without_running_lines;
use kotoba_text::segment::{SegmentLang, sentence_text, split_sentences};
use kotoba_tokenize::Tokenizer;
use kotoba_tokenize::japanese::JapaneseTokenizer;
use kotoba_tokenize::words::{WordTokenizer, words};

use crate::Error;

/// Language of a document, as the summarizer treats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (and other alphabetic languages, with English rules).
    En,
    /// Japanese.
    Ja,
}

/// How sentences are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Split {
    /// The sentence segmenter of `kotoba-text`.
    #[default]
    Sentences,
    /// Every non-blank line is one sentence (pre-segmented corpora).
    Lines,
}

/// One sentence of a prepared document.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Byte offset in the document.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// The sentence text (line breaks folded).
    pub text: String,
    /// Content term ids, in order, with repetitions.
    pub terms: Vec<u32>,
    /// For each content term, its word position in the sentence (stop words counted).
    pub positions: Vec<u32>,
    /// Length for budgets: words (English) or characters (Japanese).
    pub size: usize,
    /// Words (English) or characters (Japanese), for the minimum-length rule.
    pub words: usize,
    /// Paragraph number (blocks separated by blank lines), from 0.
    pub paragraph: usize,
    /// No final punctuation: a heading, masthead, title, page number or
    /// table row rather than a sentence; taken only when nothing else is
    /// left.
    pub heading: bool,
    /// Part of the document's opening: the first paragraph that holds a
    /// sentence which is no heading (a masthead or title above it is not
    /// the lead), headings left out.
    pub lead: bool,
}

/// True when `text` ends a sentence: its last character, past closing
/// quotes and brackets, is a full stop, question or exclamation mark (or a
/// Japanese one, or an ellipsis).
pub fn ends_a_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches([
            '"', '\'', '’', '”', ')', ']', '」', '』', '）', '】', '》', '〉',
        ])
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '…' | '．'))
}

/// A document ready for scoring.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// Its language.
    pub lang: Lang,
    /// Its sentences in order.
    pub sentences: Vec<Sentence>,
    /// Term strings by id.
    pub vocabulary: Vec<String>,
}

impl Prepared {
    /// Number of distinct terms.
    pub fn vocabulary_size(&self) -> usize {
        self.vocabulary.len()
    }
}

/// Prepares documents; holds the tokenizers (cheap to share across threads).
pub struct Preparer {
    english: WordTokenizer,
    japanese: JapaneseTokenizer,
}

impl Preparer {
    /// A preparer with the English and the Japanese tokenizers.
    pub fn new() -> Result<Preparer, Error> {
        Ok(Preparer {
            english: WordTokenizer::english(),
            japanese: JapaneseTokenizer::new()?,
        })
    }

    /// Splits and tokenizes `text`. Running headers and footers (lines a
    /// paged document repeats, `kotoba_text::boilerplate`) are not part of any
    /// sentence: they are blanked out first, offsets kept.
    pub fn prepare(&self, text: &str, lang: Lang, split: Split) -> Prepared {
        let blanked = without_running_lines(text, false);
        let text = blanked.as_ref();
        let spans: Vec<(usize, usize)> = match split {
            Split::Sentences => {
                let rules = if lang == Lang::Ja {
                    SegmentLang::Japanese
                } else {
                    SegmentLang::English
                };
                split_sentences(text, rules)
                    .into_iter()
                    .map(|s| (s.start, s.end))
                    .collect()
            }
            Split::Lines => lines(text),
        };
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        let mut vocabulary = Vec::new();
        let mut sentences = Vec::with_capacity(spans.len());
        STEMS.with_borrow_mut(StemCache::limit);
        let mut lower = String::new();
        let mut local: FxHashMap<u32, u32> = FxHashMap::default();
        let mut paragraph = 0;
        let mut previous_end = 0;
        for (start, end) in spans {
            if text[previous_end..start].matches('\n').count() >= 2 && !sentences.is_empty() {
                paragraph += 1;
            }
            previous_end = end;
            let text_of = match split {
                Split::Sentences => {
                    sentence_text(text, kotoba_text::segment::SentenceSpan { start, end })
                }
                Split::Lines => text[start..end].to_string(),
            };
            let mut terms = Vec::new();
            let mut positions = Vec::new();
            let mut add = |term: &str,
                           k: usize,
                           vocab: &mut FxHashMap<String, u32>,
                           vocabulary: &mut Vec<String>| {
                let id = match vocab.get(term) {
                    Some(&id) => id,
                    None => {
                        let id = vocab.len() as u32;
                        vocab.insert(term.to_string(), id);
                        vocabulary.push(term.to_string());
                        id
                    }
                };
                positions.push(k as u32);
                terms.push(id);
            };
            let words = match lang {
                Lang::En => {
                    let mut n = 0;
                    STEMS.with_borrow_mut(|cache| {
                        for (k, (_, w)) in words(&text_of).enumerate() {
                            n += 1;
                            lower.clear();
                            if w.is_ascii() {
                                lower.push_str(w);
                                lower.make_ascii_lowercase();
                            } else {
                                lower.extend(w.chars().flat_map(char::to_lowercase));
                            }
                            let Some(global) = cache.stem_id(&self.english, &lower) else {
                                continue;
                            };
                            // The cache's ids are shared by documents; map them
                            // to this document's ids without hashing strings.
                            let id = match local.get(&global) {
                                Some(&id) => id,
                                None => {
                                    let id = vocabulary.len() as u32;
                                    vocabulary.push(cache.stems[global as usize].clone());
                                    local.insert(global, id);
                                    id
                                }
                            };
                            positions.push(k as u32);
                            terms.push(id);
                        }
                    });
                    n
                }
                Lang::Ja => {
                    for (k, t) in self.japanese.tokenize(&text_of).iter().enumerate() {
                        if !t.is_stop && t.term.chars().any(char::is_alphabetic) {
                            add(&t.term, k, &mut vocab, &mut vocabulary);
                        }
                    }
                    text_of.chars().filter(|c| !c.is_whitespace()).count()
                }
            };
            sentences.push(Sentence {
                start,
                end,
                text: text_of,
                terms,
                positions,
                size: words,
                words,
                paragraph,
                heading: !ends_a_sentence(&text[start..end]),
                lead: false,
            });
        }
        // The opening is the first paragraph with a real sentence in it.
        if let Some(first) = sentences.iter().find(|s| !s.heading).map(|s| s.paragraph) {
            for s in sentences.iter_mut() {
                s.lead = s.paragraph == first && !s.heading;
            }
        }
        Prepared {
            lang,
            sentences,
            vocabulary,
        }
    }
}

/// Stems of lowercase word forms, per thread and across documents (forms
/// repeat across a corpus); `None` for stop words and words without letters.
#[derive(Default)]
struct StemCache {
    /// Word form → stem id (`None`: not a content word).
    ids: FxHashMap<String, Option<u32>>,
    /// Stem → stem id, so that inflected forms share one id.
    by_stem: FxHashMap<String, u32>,
    /// Stem id → stem.
    stems: Vec<String>,
}

/// Forms kept before the cache starts over (bounds memory on huge corpora).
const STEM_CACHE_LIMIT: usize = 200_000;

impl StemCache {
    /// Starts over when full; only between documents, whose ids must hold.
    fn limit(&mut self) {
        if self.ids.len() >= STEM_CACHE_LIMIT {
            self.ids.clear();
            self.by_stem.clear();
            self.stems.clear();
        }
    }

    fn stem_id(&mut self, english: &WordTokenizer, lower: &str) -> Option<u32> {
        match self.ids.get(lower) {
            Some(&id) => id,
            None => {
                let keep = !english.is_stop(lower) && lower.chars().any(char::is_alphabetic);
                let id = keep.then(|| {
                    let stem = english.stem(lower);
                    match self.by_stem.get(&stem) {
                        Some(&id) => id,
                        None => {
                            let id = self.stems.len() as u32;
                            self.by_stem.insert(stem.clone(), id);
                            self.stems.push(stem);
                            id
                        }
                    }
                });
                self.ids.insert(lower.to_string(), id);
                id
            }
        }
    }
}

thread_local! {
    static STEMS: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache::default());
}

/// Non-blank lines as trimmed byte ranges.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let content = line.trim();
        if !content.is_empty() {
            out.push((
                offset + trimmed_start,
                offset + trimmed_start + content.len(),
            ));
        }
        offset += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_share_a_term() -> Result<(), Error> {
        let p = Preparer::new()?;
        let doc = p.prepare(
            "Tariffs rose. The tariff rose again. TARIFF!",
            Lang::En,
            Split::Sentences,
        );
        let ids: Vec<u32> = doc.sentences.iter().map(|s| s.terms[0]).collect();
        assert_eq!(ids, [0, 0, 0]);
        assert_eq!(doc.vocabulary[0], "tariff");
        Ok(())
    }

    #[test]
    fn running_headers_are_no_sentences() -> Result<(), Error> {
        let p = Preparer::new()?;
        let page = |n: usize| {
            format!(
                "PROJECT DESIGN DOCUMENT FORM – Version 1\npage {n}\n\nThe rotor turned {n} times.\n\n"
            )
        };
        let text: String = (1..=3).map(page).collect();
        let doc = p.prepare(&text, Lang::En, Split::Sentences);
        assert!(doc.sentences.iter().all(|s| !s.text.contains("DOCUMENT")));
        let rotor: Vec<&str> = doc
            .sentences
            .iter()
            .filter(|s| s.text.contains("rotor"))
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            rotor,
            [
                "The rotor turned 1 times.",
                "The rotor turned 2 times.",
                "The rotor turned 3 times."
            ]
        );
        // A line standing twice is text.
        let text: String = (1..=2).map(page).collect();
        let doc = p.prepare(&text, Lang::En, Split::Sentences);
        assert!(doc.sentences.iter().any(|s| s.text.contains("DOCUMENT")));
        Ok(())
    }
}
