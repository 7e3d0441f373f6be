//! Turning a document into what the methods score: sentences with their
//! content terms (English Snowball stems of non-stop words; Japanese base
//! forms of nouns, verbs and adjectives), sizes, and paragraph numbers.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use kotoba_text::boilerplate::{without_page_breaks, without_running_lines};
use kotoba_text::page::PhraseList;
use kotoba_text::segment::{
    LineEndHyphens, SegmentLang, SentenceSpan, sentence_text, split_sentences,
};
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
#[non_exhaustive]
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
    /// How many of the first `terms` belong to a news dateline opening the
    /// sentence (`TOKYO, Aug. 20 (Kyodo) --`, `【ワシントン共同】`): left out
    /// when sentences are compared for redundancy.
    pub dateline_terms: usize,
    /// Length for budgets: white-space separated words, as `wc -w` counts
    /// them (English), or characters (Japanese).
    pub size: usize,
    /// Tokenizer words (English) or characters (Japanese), for the
    /// minimum-length rule.
    pub words: usize,
    /// Paragraph number (blocks separated by blank lines), from 0.
    pub paragraph: usize,
    /// No final punctuation: a heading, masthead, title, page number or
    /// table row rather than a sentence; taken only when nothing else is
    /// left.
    pub heading: bool,
    /// A line that cannot stand alone (also a heading): it introduces a
    /// list or a table (ends in a colon, `The deal covers:`, or as a Japanese
    /// introduction does, `主な対象品目は次の通り。`), is a list item
    /// without final punctuation (`- flat-rolled steel`; in Japanese also one
    /// without a verb) or a table row (cells between `|` or tabs). Never
    /// taken from a document that holds a sentence which is no heading;
    /// from one that does not, taken as headings are.
    pub fragment: bool,
    /// A page's furniture, never taken: holds a phrase of
    /// `kotoba_text`'s `data/boilerplate-phrases.txt` (a copyright line, a subscription prompt), is
    /// part of a photo caption (`data/captions.txt`), or is a byline or a
    /// credit line ([`kotoba_text::credits`], a line wholly in brackets).
    pub boilerplate: bool,
    /// Part of the document's opening: the first paragraph that holds a
    /// sentence which is no heading (a masthead or title above it is not
    /// the lead), headings and boilerplate left out.
    pub lead: bool,
}

impl Sentence {
    /// True when the sentence is a summary's material: neither a heading nor
    /// boilerplate.
    pub fn is_content(&self) -> bool {
        !self.heading && !self.boilerplate
    }
}

/// A stretch of a document in one language, for a document that mixes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// Byte offset in the document.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// Its language.
    pub lang: Lang,
}

pub use kotoba_text::page::ends_a_sentence;

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

    /// What does not hold together in a document prepared by hand, if
    /// anything: a term id past the vocabulary, or positions that are not
    /// one per term in ascending order (the summarizer indexes by them).
    pub fn problem(&self) -> Option<String> {
        let size = self.vocabulary.len();
        self.sentences.iter().enumerate().find_map(|(i, s)| {
            if let Some(t) = s.terms.iter().find(|&&t| t as usize >= size) {
                Some(format!(
                    "sentence {i}: term id {t} is past the vocabulary ({size} terms)"
                ))
            } else if s.positions.len() != s.terms.len() {
                Some(format!(
                    "sentence {i}: {} positions for {} terms",
                    s.positions.len(),
                    s.terms.len()
                ))
            } else if s.positions.windows(2).any(|w| w[0] > w[1]) {
                Some(format!(
                    "sentence {i}: positions are not in ascending order"
                ))
            } else {
                None
            }
        })
    }
}

/// Prepares documents; holds the tokenizers (cheap to share across threads).
/// Each thread that prepares English keeps a cache of stemmed word forms,
/// up to 200,000 of them, for the life of the thread.
///
/// Built without kotoba-tokenize's dictionary (the `embedded-ipadic`
/// feature off), it prepares English as before and takes the terms of
/// Japanese from CJK character bigrams ([`kotoba_tokenize::cjk`]), with
/// no parts of speech; [`Preparer::require`] tells.
pub struct Preparer {
    english: WordTokenizer,
    /// `None` when kotoba-tokenize has no dictionary.
    japanese: Option<JapaneseTokenizer>,
}

// By hand: the fields hold tables and automata too large to print.
impl std::fmt::Debug for Preparer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Preparer").finish_non_exhaustive()
    }
}

impl Preparer {
    /// A preparer with the English and the Japanese tokenizers (the
    /// Japanese one when kotoba-tokenize has its dictionary).
    pub fn new() -> Result<Preparer, Error> {
        let japanese = match JapaneseTokenizer::new() {
            Ok(japanese) => Some(japanese),
            Err(kotoba_tokenize::Error::NotEmbedded) => None,
            Err(e) => return Err(e.into()),
        };
        Ok(Preparer {
            english: WordTokenizer::english(),
            japanese,
        })
    }

    /// `Ok` when documents in `lang` are prepared with their own tokenizer:
    /// English always; Japanese when kotoba-tokenize has its dictionary (the
    /// `embedded-ipadic` feature, on by default), else the error that says
    /// so (`Error::Tokenize(kotoba_tokenize::Error::NotEmbedded)`).
    pub fn require(&self, lang: Lang) -> Result<(), Error> {
        match (lang, &self.japanese) {
            (Lang::Ja, None) => Err(kotoba_tokenize::Error::NotEmbedded.into()),
            _ => Ok(()),
        }
    }

    /// Splits and tokenizes `text`. Running headers and footers (lines a
    /// paged document repeats, `kotoba_text::boilerplate`) count once, where
    /// they first stand: the other copies are blanked out, offsets kept.
    pub fn prepare(&self, text: &str, lang: Lang, split: Split) -> Prepared {
        let whole = Part {
            start: 0,
            end: text.len(),
            lang,
        };
        self.prepare_parts(text, &[whole], split)
    }

    /// As [`Preparer::prepare`], for a document whose `parts` (in order, not
    /// overlapping; a part overlapping one before it is left out) are in
    /// different languages: each part is split under
    /// its own language's rules and tokenized by its own tokenizer. Text
    /// outside every part (blank lines between them) holds no sentence.
    pub fn prepare_parts(&self, text: &str, parts: &[Part], split: Split) -> Prepared {
        let blanked = without_running_lines(text, true);
        // A sentence a page break cuts (`…⏎⏎- 13 -⏎⏎…`) is read whole.
        let paged = without_page_breaks(&blanked);
        let text = paged.as_ref();
        // Parts that do not fit the text, or overlap one before them, are
        // left out rather than panicking.
        let mut parts: Vec<Part> = parts
            .iter()
            .copied()
            .filter(|p| {
                p.start <= p.end
                    && p.end <= text.len()
                    && text.is_char_boundary(p.start)
                    && text.is_char_boundary(p.end)
            })
            .collect();
        parts.sort_by_key(|p| (p.start, p.end));
        let mut reached = 0;
        parts.retain(|p| {
            let apart = p.start >= reached;
            if apart {
                reached = p.end;
            }
            apart
        });
        let spans: Vec<(usize, usize, Lang)> = match split {
            Split::Sentences => parts
                .iter()
                .flat_map(|p| {
                    let rules = if p.lang == Lang::Ja {
                        SegmentLang::Japanese
                    } else {
                        SegmentLang::English
                    };
                    split_sentences(&text[p.start..p.end], rules)
                        .into_iter()
                        .map(move |s| (p.start + s.start, p.start + s.end, p.lang))
                })
                .collect(),
            Split::Lines => {
                // Lines and parts both in order: one pass over the parts.
                let mut at = 0;
                lines(text)
                    .into_iter()
                    .filter_map(|(start, end)| {
                        while parts.get(at).is_some_and(|p| p.end <= start) {
                            at += 1;
                        }
                        let part = parts.get(at).filter(|p| p.start <= start)?;
                        Some((start, end, part.lang))
                    })
                    .collect()
            }
        };
        let lang = majority(&spans);
        // Pre-segmented lines are all sentences when many lack a final full
        // stop (a corpus written without one); in a punctuated corpus the
        // few without one are titles and headings, as in running text.
        let headings_apart = split == Split::Sentences || {
            let bare = spans
                .iter()
                .filter(|&&(start, end, _)| !ends_a_sentence(&text[start..end]))
                .count();
            bare * 4 < spans.len()
        };
        // The first block of text, and whether more follow it: where a
        // headline stands.
        let first_block = spans.first().map(|&(start, _, _)| block_of(text, start));
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        let mut vocabulary = Vec::new();
        let mut sentences = Vec::with_capacity(spans.len());
        STEMS.with_borrow_mut(StemCache::limit);
        let mut lower = String::new();
        let mut local: FxHashMap<u32, u32> = FxHashMap::default();
        let mut paragraph = 0;
        let mut previous_end = 0;
        // A PDF's words broken at line ends (`sup-⏎ported`) are shown and
        // counted whole.
        let hyphens = LineEndHyphens::find(text);
        // Paragraphs end at a blank line; a page saved with one paragraph a
        // line and no blank line has them at each line break (its whole text
        // had been the opening paragraph, so the lead counted for nothing).
        let breaks_between = |a: usize, b: usize| {
            text.get(a..b)
                .map_or(0, kotoba_text::segment::count_line_breaks)
        };
        let paragraph_break = if spans
            .windows(2)
            .any(|w| breaks_between(w[0].1, w[1].0) >= 2)
        {
            2
        } else {
            1
        };
        for (start, end, lang) in spans {
            if breaks_between(previous_end, start) >= paragraph_break && !sentences.is_empty() {
                paragraph += 1;
            }
            previous_end = end;
            let text_of = match split {
                Split::Sentences => sentence_text(text, SentenceSpan { start, end }, &hyphens),
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
                        // English stems share the vocabulary: ids are its
                        // indices (counting Japanese terms alone gave 日本
                        // the id of an English stem).
                        let id = vocabulary.len() as u32;
                        vocab.insert(term.to_string(), id);
                        vocabulary.push(term.to_string());
                        id
                    }
                };
                positions.push(k as u32);
                terms.push(id);
            };
            // Japanese headlines end in a particle (`年内妥結へ。`,
            // `中止する可能性も。`), a lead in a verb or noun.
            let mut ends_in_particle = false;
            // A Japanese list item ending in a verb is a clause
            // (`・日本は…関税を撤廃・削減する`).
            let mut ends_in_verb = false;
            // A Japanese list item without a verb is no sentence
            // (`・鉄鋼製品。`); English has no tagger to tell.
            let mut has_verb = true;
            let dateline = dateline_end(&text_of);
            let mut dateline_terms = 0;
            let (size, words) = match lang {
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
                                    // A term a Japanese sentence of this
                                    // document holds too (`wto`) is one.
                                    let stem = &cache.stems[global as usize];
                                    let id = match vocab.get(stem) {
                                        Some(&id) => id,
                                        None => {
                                            let id = vocabulary.len() as u32;
                                            vocab.insert(stem.clone(), id);
                                            vocabulary.push(stem.clone());
                                            id
                                        }
                                    };
                                    local.insert(global, id);
                                    id
                                }
                            };
                            positions.push(k as u32);
                            terms.push(id);
                        }
                    });
                    if let Some(end) = dateline {
                        let inside = words(&text_of).take_while(|&(at, _)| at < end).count();
                        dateline_terms = positions.partition_point(|&p| (p as usize) < inside);
                    }
                    // Budgets count words as `wc -w` counts the summary
                    // printed: `foot-dragging` and `U.S.-Japan` are one, a
                    // dash standing alone (`--`, `—`) one too. The minimum
                    // length keeps the tokenizer's count, which its floors
                    // were chosen with.
                    let read = text_of.split_whitespace().count();
                    (read, n)
                }
                Lang::Ja => {
                    let tokens = match &self.japanese {
                        Some(japanese) => japanese.tokenize(&text_of),
                        None => kotoba_tokenize::cjk::BigramTokenizer.tokenize(&text_of),
                    };
                    for (k, t) in tokens.iter().enumerate() {
                        if !t.is_stop && t.term.chars().any(char::is_alphabetic) {
                            add(&t.term, k, &mut vocab, &mut vocabulary);
                        }
                    }
                    if let Some(end) = dateline {
                        dateline_terms = positions.partition_point(|&k| {
                            tokens.get(k as usize).is_some_and(|t| t.start < end)
                        });
                    }
                    has_verb = tokens
                        .iter()
                        .any(|t| matches!(t.pos.as_deref(), Some("動詞" | "助動詞")));
                    let last = tokens
                        .iter()
                        .rev()
                        .find(|t| t.pos.as_deref() != Some("記号"));
                    ends_in_particle = last.is_some_and(|t| t.pos.as_deref() == Some("助詞"));
                    ends_in_verb =
                        last.is_some_and(|t| matches!(t.pos.as_deref(), Some("動詞" | "助動詞")));
                    let chars = text_of.chars().filter(|c| !c.is_whitespace()).count();
                    (chars, chars)
                }
            };
            sentences.push(Sentence {
                start,
                end,
                text: text_of,
                terms,
                positions,
                dateline_terms,
                size,
                words,
                paragraph,
                heading: headings_apart
                    && (!ends_a_sentence(&text[start..end])
                        || first_block.is_some_and(|(block_start, block_end, more)| {
                            split == Split::Sentences
                                && more
                                && match lang {
                                    Lang::En => {
                                        headline(text, (start, end), (block_start, block_end))
                                    }
                                    Lang::Ja => {
                                        ends_in_particle
                                            && japanese_headline(
                                                text,
                                                (start, end),
                                                (block_start, block_end),
                                            )
                                    }
                                }
                        })),
                fragment: false,
                boilerplate: kotoba_text::page::boilerplate(&text[start..end]),
                lead: false,
            });
            if let Some(s) = sentences.last_mut() {
                // A byline or an agency's credit is no heading to fill a
                // budget with: it is never taken; nor is a byline ending
                // in a full stop on a line of its own (`By Mari Yamaguchi,
                // The Associated Press.`).
                if (s.heading && is_credit_line(&s.text))
                    || (whole_line(text, (start, end)) && is_byline_sentence(&s.text))
                {
                    s.boilerplate = true;
                }
                if headings_apart && is_fragment(&text[start..end], has_verb) {
                    s.fragment = true;
                    s.heading = true;
                }
                let clause = match lang {
                    Lang::En => english_clause(&s.text, words),
                    Lang::Ja => ends_in_verb && words >= JAPANESE_CLAUSE_CHARS,
                };
                if clause && bullet_item(&text[start..end]) {
                    s.fragment = false;
                    s.heading = false;
                }
                // A bare date, a slug, a link label, a figure's label, a
                // data row (`kotoba_text::page::furniture`), a line of a
                // table of contents.
                if kotoba_text::page::furniture(&text[start..end])
                    || kotoba_text::page::contents_entry(&text[start..end])
                {
                    s.boilerplate = true;
                }
            }
        }
        mark_captions(text, &mut sentences);
        mark_table_labels(&mut sentences);
        mark_footnotes(text, &mut sentences);
        if split == Split::Sentences {
            mark_blocks(text, &mut sentences);
            mark_author_note(&mut sentences);
        }
        // The opening is the first paragraph with a real sentence in it.
        if let Some(first) = sentences
            .iter()
            .find(|s| s.is_content())
            .map(|s| s.paragraph)
        {
            for s in sentences.iter_mut() {
                s.lead = s.paragraph == first && s.is_content();
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

/// The language most of the sentences' bytes are in (English on a tie).
fn majority(spans: &[(usize, usize, Lang)]) -> Lang {
    let japanese: usize = spans
        .iter()
        .filter(|s| s.2 == Lang::Ja)
        .map(|s| s.1 - s.0)
        .sum();
    let all: usize = spans.iter().map(|s| s.1 - s.0).sum();
    if japanese * 2 > all {
        Lang::Ja
    } else {
        Lang::En
    }
}

/// The block of text (lines up to a blank line) holding byte `at`, as its
/// start, its end, and whether text follows it.
fn block_of(text: &str, at: usize) -> (usize, usize, bool) {
    let (mut start, mut end) = (0, text.len());
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if offset + line.len() <= at {
                start = offset + line.len();
            } else if offset >= at {
                end = offset;
                break;
            }
        }
        offset += line.len();
    }
    (start, end, !text[end..].trim().is_empty())
}

/// The text of `block` before the sentence at `span`, the sentence, and
/// the rest of the block; `None` when the spans do not nest.
fn around(text: &str, span: (usize, usize), block: (usize, usize)) -> Option<(&str, &str, &str)> {
    Some((
        text.get(block.0..span.0)?,
        text.get(span.0..span.1)?,
        text.get(span.1..block.1)?,
    ))
}

/// True when the sentence at `span`, in the document's first block (at
/// `block`), is a headline although it ends in a full stop: it opens the
/// block, is one line of at most [`HEADLINE_WORDS`] words without an article,
/// and ends in an initialism (`… with U.S.`), whose period belongs to the
/// word, and it is the whole block or written in title case (`Clinton
/// Frustrated With Japan on Trade`); or it is the whole block and every
/// word but its stop words is capitalised ([`headline_case`]).
fn headline(text: &str, span: (usize, usize), block: (usize, usize)) -> bool {
    let Some((before, sentence, after)) = around(text, span, block) else {
        return false;
    };
    let words: Vec<&str> = sentence.split_whitespace().collect();
    // Headlines are one line without articles (`Japan to cut steel tariffs
    // in deal with U.S.`); a lead says `the U.S.`.
    if !before.trim().is_empty()
        || words.len() > HEADLINE_WORDS
        || sentence.contains('\n')
        || words
            .iter()
            .any(|w| matches!(w.to_ascii_lowercase().as_str(), "the" | "a" | "an"))
    {
        return false;
    }
    let ends_in_initialism = words
        .last()
        .map(|w| w.trim_end_matches(['"', '\'', '’', '”', ')']))
        .is_some_and(|w| w.ends_with('.') && kotoba_tokenize::words::is_dotted_abbreviation(w));
    let alone = after.trim().is_empty();
    (ends_in_initialism && (alone || title_case(sentence))) || (alone && headline_case(sentence))
}

/// True when every word of a sentence but its stop words begins with a
/// capital, three or more of them: a headline in title case (`Japan Says It
/// Will Not Accept U.S. Rice Demands.`). A lead full of names still has a
/// verb or a noun in lowercase (`… Hosokawa met President Clinton.`).
fn headline_case(sentence: &str) -> bool {
    let (content, capitalised) = capitalised_content(sentence);
    content >= 3 && capitalised == content
}

/// True when the Japanese sentence at `span` is the whole of the document's
/// first block (at `block`), one line of at most [`HEADLINE_CHARS`]
/// characters: with a particle at its end (the caller checks), a headline
/// with a full stop (`日米貿易協議、年内妥結へ。`), which the lead would
/// otherwise follow as its near duplicate.
fn japanese_headline(text: &str, span: (usize, usize), block: (usize, usize)) -> bool {
    let Some((before, sentence, after)) = around(text, span, block) else {
        return false;
    };
    before.trim().is_empty()
        && after.trim().is_empty()
        && !sentence.contains('\n')
        && sentence.chars().count() <= HEADLINE_CHARS
}

/// Longest Japanese headline in characters.
const HEADLINE_CHARS: usize = 60;

/// Longest headline in words.
const HEADLINE_WORDS: usize = 15;

/// True when at least two thirds of a sentence's words that are not stop
/// words, three or more, begin with a capital letter.
fn title_case(sentence: &str) -> bool {
    let (content, capitalised) = capitalised_content(sentence);
    content >= 3 && capitalised * 3 >= content * 2
}

/// The words of a sentence with letters that are not stop words, and how
/// many of them begin with a capital letter.
fn capitalised_content(sentence: &str) -> (usize, usize) {
    let (mut content, mut capitalised) = (0, 0);
    for w in sentence.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = w.to_lowercase();
        if !w.chars().any(char::is_alphabetic) || kotoba_tokenize::words::is_stop_word(&lower) {
            continue;
        }
        content += 1;
        capitalised += usize::from(w.chars().next().is_some_and(char::is_uppercase));
    }
    (content, capitalised)
}

/// True when a line without final punctuation is a byline or a credit
/// rather than a heading: a credit line of a news story
/// ([`kotoba_text::credits::credit_line`]: `By Jane Doe`, `Published Wed, Dec.
/// 11, 2023`), or a line wholly in brackets (`（共同通信・山田太郎）`,
/// `(Reuters)`), as agencies' credits and editors' notes are.
fn is_credit_line(line: &str) -> bool {
    let line = line.trim();
    let bracketed = [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')]
        .iter()
        .any(|&(open, close)| {
            line.strip_prefix(open)
                .and_then(|l| l.strip_suffix(close))
                .is_some_and(|inner| !inner.contains([open, close]))
        });
    bracketed || kotoba_text::credits::credit_line(line)
}

/// True when the sentence at `span` stands on a line of its own: only
/// white space before it and after it on its line(s).
fn whole_line(text: &str, span: (usize, usize)) -> bool {
    let (Some(before), Some(after)) = (text.get(..span.0), text.get(span.1..)) else {
        return false;
    };
    let before = before.rsplit('\n').next().unwrap_or("");
    let after = after.split('\n').next().unwrap_or("");
    before.trim().is_empty() && after.trim().is_empty()
}

/// True when a sentence with final punctuation is a byline
/// ([`kotoba_text::credits::credit_line`]), at most [`HEADLINE_WORDS`] words
/// (`By Mari Yamaguchi, The Associated Press.`; not `By March, exports had
/// fallen 5%.`).
fn is_byline_sentence(sentence: &str) -> bool {
    let sentence = sentence.trim();
    sentence.split_whitespace().count() <= HEADLINE_WORDS
        && !sentence.starts_with(['(', '（', '[', '【'])
        && kotoba_text::credits::credit_line(sentence)
}

/// True when a line cannot stand alone as a summary's sentence
/// ([`Sentence::fragment`]): it ends in a colon or as a Japanese list
/// introduction (`…次の通り。`), introducing a list or a table; it is a list
/// item (opens with a bullet, a dash or a number)
/// without final punctuation, or without a verb (`has_verb`, known for
/// Japanese); or it is a table row, cells between `|` or tabs, or parted
/// by two gaps or more of three spaces, as a PDF's table comes out (`Sector
/// Tariff change (pp)   Pass-through (%)   Obs.`), whatever ends it.
fn is_fragment(sentence: &str, has_verb: bool) -> bool {
    let s = sentence.trim();
    if s.ends_with([':', '：']) || introduces_a_list(s) {
        return true;
    }
    let ends = ends_a_sentence(s);
    let cells = s.matches(['|', '｜', '\t']).count();
    (list_item(s) && (!ends || !has_verb)) || (!ends && cells >= 2) || gapped_row(s)
}

/// True when a line is a list item without final punctuation that may
/// stand as a clause (the caller checks its words): it opens with a list
/// item's mark and is no table row, nor introduces anything (a colon).
fn bullet_item(line: &str) -> bool {
    let s = line.trim();
    list_item(s)
        && !ends_a_sentence(s)
        && !s.ends_with([':', '：'])
        && !s.contains(['|', '｜', '\t'])
        && !gapped_row(s)
}

/// Fewest tokenizer words of an English list item that is a clause.
const ENGLISH_CLAUSE_WORDS: usize = 8;

/// Fewest characters of a Japanese list item that is a clause.
const JAPANESE_CLAUSE_CHARS: usize = 12;

/// True when an English line (`words` tokenizer words) reads as a clause,
/// with no tagger to tell: [`ENGLISH_CLAUSE_WORDS`] words or more and a
/// finite verb's shape — an auxiliary or modal of
/// `data/finite-verbs-en.txt` (`Japan will eliminate …`), a lowercase word
/// in `-ed` after the first that stands where a verb does
/// ([`past_verb_at`]: `Japan agreed to …`, not `on processed pork`), or
/// the second word in `-s` in lowercase after a capitalised first that
/// may be its subject ([`present_verb`]: `Japan eliminates …`, not `Farm
/// products from …`). Noun-phrase items stay fragments.
fn english_clause(sentence: &str, words: usize) -> bool {
    static VERBS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let verbs = VERBS.get_or_init(|| {
        kotoba_text::data_lines(include_str!("../data/finite-verbs-en.txt")).collect()
    });
    if words < ENGLISH_CLAUSE_WORDS {
        return false;
    }
    let tokens = clause_tokens(sentence);
    let auxiliary = tokens
        .iter()
        .any(|t| verbs.iter().any(|v| t.bare.eq_ignore_ascii_case(v)));
    let past = (1..tokens.len()).any(|i| past_verb_at(&tokens, i));
    auxiliary || past || present_verb(&tokens)
}

/// A word of a line as [`english_clause`] reads it: `bare` without the
/// punctuation around it, `comma` when a comma, semicolon or colon follows
/// it (a list's or a clause's break).
struct ClauseToken<'a> {
    bare: &'a str,
    comma: bool,
}

/// The words of `sentence` from its first word with a letter in it (past
/// a list item's mark, `•`, `1.`), figures after it kept: a figure before
/// `listed items` tells as much as a word does.
fn clause_tokens(sentence: &str) -> Vec<ClauseToken<'_>> {
    sentence
        .split_whitespace()
        .map(|raw| ClauseToken {
            bare: raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''),
            comma: raw
                .trim_end_matches(['"', '\'', '’', '”', ')'])
                .ends_with([',', ';', ':']),
        })
        .filter(|t| !t.bare.is_empty())
        .skip_while(|t| !t.bare.chars().any(char::is_alphabetic))
        .collect()
}

/// True when `word` is in `list` (lowercase), without regard to case.
fn listed(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Prepositions and conjunctions that join a noun to what follows
/// (`data/noun-phrase-joins-en.txt`).
fn joins() -> &'static [&'static str] {
    static JOINS: OnceLock<Vec<&'static str>> = OnceLock::new();
    JOINS.get_or_init(|| {
        kotoba_text::data_lines(include_str!("../data/noun-phrase-joins-en.txt")).collect()
    })
}

/// Determiners and quantifiers (`data/determiners-en.txt`).
fn determiners() -> &'static [&'static str] {
    static DETERMINERS: OnceLock<Vec<&'static str>> = OnceLock::new();
    DETERMINERS.get_or_init(|| {
        kotoba_text::data_lines(include_str!("../data/determiners-en.txt")).collect()
    })
}

/// True when the second word, lowercase in `-s`, is a verb in the
/// present after a capitalised first word that may be its subject (a
/// name, `Japan eliminates …`): not when the first is a determiner or a
/// preposition (`The products …`), the second is one or ends a list's
/// item (`Japan, …`), or the word after it joins a noun to what follows
/// (`Farm products from …`, `Auto parts worth …`; a review found such
/// noun phrases taken as clauses).
fn present_verb(tokens: &[ClauseToken]) -> bool {
    let [first, second, rest @ ..] = tokens else {
        return false;
    };
    let lowercase = |w: &str| w.chars().all(|c| !c.is_uppercase());
    let function = |w: &str| listed(joins(), w) || listed(determiners(), w);
    first.bare.starts_with(char::is_uppercase)
        && !first.comma
        && !function(first.bare)
        && lowercase(second.bare)
        && second.bare.len() >= 4
        && second.bare.ends_with('s')
        && !second.bare.ends_with("ss")
        && !second.comma
        && !function(second.bare)
        && rest.first().is_none_or(|next| !listed(joins(), next.bare))
}

/// True when word `i`, lowercase in `-ed`, is a verb in the past: the word
/// before it (past an adverb in `-ly`, `newly imported`) may end its
/// subject (`Japan agreed …`). After a preposition, a conjunction, a
/// determiner, a possessive, a figure or a list's comma it is an adjective
/// in a noun phrase (`on processed pork, imported wheat`, `200 listed
/// items`; a review found such noun phrases taken as clauses).
fn past_verb_at(tokens: &[ClauseToken], i: usize) -> bool {
    let Some(word) = tokens.get(i).map(|t| t.bare) else {
        return false;
    };
    if word.len() < 5 || !word.ends_with("ed") || word.chars().any(char::is_uppercase) {
        return false;
    }
    let adverb = |t: &ClauseToken| {
        t.bare.len() >= 5 && t.bare.ends_with("ly") && t.bare.chars().all(|c| c.is_lowercase())
    };
    let Some(before) = tokens[..i].iter().rev().find(|t| !adverb(t)) else {
        return false;
    };
    !before.comma
        && before.bare.chars().any(char::is_alphabetic)
        && !before.bare.ends_with("'s")
        && !before.bare.ends_with("’s")
        && !listed(joins(), before.bare)
        && !listed(determiners(), before.bare)
}

/// True for a line of cells parted by two gaps or more of three spaces, or
/// text run across a page's two columns (a gap of six spaces or more: the
/// columns of a PDF's page set side by side, `… rose 6.1%        The EPA's
/// tariff cuts …`; an analyst's review found such lines in summaries).
/// White space at a line's end is no gap: a page break joined inside a
/// sentence leaves its header there as spaces
/// ([`kotoba_text::boilerplate::without_page_breaks`]).
fn gapped_row(s: &str) -> bool {
    let folded: Vec<&str> = s.lines().map(str::trim).collect();
    let s = folded.join(" ");
    s.contains("      ")
        || s.split("   ")
            .filter(|cell| !cell.trim().is_empty())
            .count()
            >= 3
}

/// True when a sentence ends as a Japanese introduction to a list does, as
/// an English line ending in a colon: in an ending of
/// `data/list-introductions.txt` before its final 。, ． or `.`
/// (`主な対象品目は次の通り。`, `協力の柱は以下の３点。`), `#` there standing
/// for a number.
fn introduces_a_list(sentence: &str) -> bool {
    static ENDINGS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let endings = ENDINGS.get_or_init(|| {
        kotoba_text::data_lines(include_str!("../data/list-introductions.txt")).collect()
    });
    let s = sentence
        .trim_end()
        .trim_end_matches(['。', '．', '.'])
        .trim_end();
    endings.iter().any(|ending| match ending.split_once('#') {
        None => s.ends_with(ending),
        Some((before, after)) => s.strip_suffix(after).is_some_and(|s| {
            let bare = s.trim_end_matches(|c: char| {
                c.is_ascii_digit()
                    || ('０'..='９').contains(&c)
                    || "一二三四五六七八九十".contains(c)
            });
            bare.len() < s.len() && bare.ends_with(before)
        }),
    })
}

/// True when `line` opens with a list item's mark: a bullet (`•`, `・`,
/// `■`…), a dash or an asterisk before a space, or a number before `.`,
/// `)` and a space, in brackets (`(1)`, `（１）`) or circled (`①`).
fn list_item(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    if matches!(
        first,
        '•' | '・'
            | '‣'
            | '▪'
            | '▫'
            | '■'
            | '□'
            | '●'
            | '○'
            | '◆'
            | '◇'
            | '►'
            | '▶'
            | '✓'
            | '✔'
    ) || ('①'..='⑳').contains(&first)
    {
        return true;
    }
    if matches!(first, '-' | '–' | '—' | '*' | '+') {
        return rest.starts_with(char::is_whitespace);
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=2).contains(&digits) {
        let after = &line[digits..];
        return (after.starts_with(". ") || after.starts_with(") ")) && digits < line.len();
    }
    [('(', ')'), ('（', '）')].iter().any(|&(open, close)| {
        line.strip_prefix(open)
            .and_then(|r| r.split_once(close))
            .is_some_and(|(n, _)| {
                (1..=2).contains(&n.chars().count())
                    && n.chars()
                        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            })
    })
}

/// Marks photo captions as boilerplate, every sentence of them. A caption
/// is the run of sentences from a line break to the next sentence that
/// ends its line, of at most [`CAPTION_SENTENCES`] sentences, whose first
/// sentence opens with a `^` phrase of `data/captions.txt` (`FILE -`) or
/// whose last is a photo credit (opens with one of its other phrases,
/// `REUTERS/`, `(AP Photo/`, or ends in a bracket opening with one,
/// `（撮影…）`): the credit splits off as a sentence of its own, so the
/// caption's first sentence holds no mark of its own.
fn mark_captions(text: &str, sentences: &mut [Sentence]) {
    static PHRASES: OnceLock<PhraseList> = OnceLock::new();
    let phrases =
        PHRASES.get_or_init(|| PhraseList::parse(include_str!("../data/captions.txt"), false));
    let mut first = 0;
    for last in 0..sentences.len() {
        let next = sentences.get(last + 1).map_or(text.len(), |s| s.start);
        let gap = text.get(sentences[last].end..next).unwrap_or("");
        if last + 1 < sentences.len() && !gap.contains('\n') {
            continue;
        }
        let run = first..=last;
        first = last + 1;
        if run.clone().count() > CAPTION_SENTENCES {
            continue;
        }
        let opens = phrases.opening(&sentences[*run.start()].text).is_some();
        if opens || phrases.credit(&sentences[last].text) {
            for s in &mut sentences[run] {
                s.boilerplate = true;
            }
        }
    }
}

/// The footnote numbers `text` refers to: one or two figures glued after
/// a sentence's end or a closing bracket or quote (`… prices.2 Any`,
/// `(see Fig. 3.2).1`) or after a word in lower case (`quotas14`), then
/// white space or punctuation. A figure after a figure's point (`3.1`) is
/// none.
fn footnote_numbers(text: &str) -> Vec<u32> {
    let b = text.as_bytes();
    let mut out: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || i == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let before = b[start - 1];
        let glued = match before {
            b'.' | b',' | b';' | b':' | b')' | b'"' | b'\'' => {
                start >= 2 && !b[start - 2].is_ascii_digit() && !b[start - 2].is_ascii_whitespace()
            }
            b'a'..=b'z' => start >= 4 && b[start - 4..start].iter().all(u8::is_ascii_lowercase),
            _ => text[..start].ends_with(['”', '’']),
        };
        let ends = b
            .get(i)
            .is_none_or(|c| c.is_ascii_whitespace() || b".,;)".contains(c));
        if glued
            && ends
            && i - start <= 2
            && let Ok(n) = text[start..i].parse::<u32>()
            && !out.contains(&n)
        {
            out.push(n);
        }
    }
    out
}

/// Marks as boilerplate the paragraphs of footnotes: a paragraph whose
/// first sentence opens with a footnote number the text refers to
/// ([`footnote_numbers`]), a space and a capital (`1 Fig. 3.2 is in the
/// online appendix.`), as a PDF's page sets them under its text (an
/// analyst's review found them in summaries).
fn mark_footnotes(text: &str, sentences: &mut [Sentence]) {
    if !sentences
        .iter()
        .any(|s| s.text.starts_with(|c: char| c.is_ascii_digit()))
    {
        return;
    }
    let numbers = footnote_numbers(text);
    let opens_footnote = |t: &str| {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let rest = &t[digits..];
        (1..=2).contains(&digits)
            && t[..digits]
                .parse::<u32>()
                .is_ok_and(|n| numbers.contains(&n))
            && rest.starts_with(' ')
            && rest.trim_start().starts_with(char::is_uppercase)
    };
    let mut footnotes: Option<usize> = None;
    let mut last_paragraph = None;
    for s in sentences.iter_mut() {
        if last_paragraph != Some(s.paragraph) {
            last_paragraph = Some(s.paragraph);
            footnotes = opens_footnote(&s.text).then_some(s.paragraph);
        }
        if footnotes == Some(s.paragraph) {
            s.boilerplate = true;
        }
    }
}

/// Marks as boilerplate a heading that labels the rows of figures under it
/// (`KEY FIGURES (y/y % change)` over `Exports +13.5`): a table's label
/// filled what a budget left beside the headline (a review found it).
fn mark_table_labels(sentences: &mut [Sentence]) {
    for i in 1..sentences.len() {
        let label = &sentences[i - 1];
        let row = sentences[i].text.trim_end_matches([':', ' ']);
        let label_text = label.text.trim_end_matches([':', ' ']);
        // A row above a row is none of their labels.
        if kotoba_text::page::data_row(label_text) || kotoba_text::page::figure_row(label_text) {
            continue;
        }
        if label.heading
            && !label.boilerplate
            && (kotoba_text::page::data_row(row) || kotoba_text::page::figure_row(row))
        {
            sentences[i - 1].boilerplate = true;
        }
    }
}

/// Marks the rest of a paragraph as boilerplate after a line of furniture
/// that opens it with a `block` label (`Contact`, `About IPEF`,
/// `Correction: …`), or the next paragraph after such a label standing
/// alone as a heading (a release's `About USTR` over its note; a review
/// found the note in summaries), and the link titles after one that opens
/// a list of links (`Related`, `Read more: …`), not the story's lines after
/// them: [`kotoba_text::page::block_furniture`], as term extraction reads
/// them.
fn mark_blocks(text: &str, sentences: &mut [Sentence]) {
    let lines: Vec<kotoba_text::page::BlockLine> = sentences
        .iter()
        .map(|s| kotoba_text::page::BlockLine {
            line: &s.text,
            span: s.start..s.end,
            paragraph: s.paragraph,
            // A release's `＜担当＞` or `【問い合わせ先】` heading over its
            // contact lines (an analyst's review found them in summaries).
            marked: s.boilerplate || (s.heading && kotoba_text::page::block_label(&s.text)),
            heading: s.heading,
        })
        .collect();
    let aside = kotoba_text::page::block_furniture(text, &lines);
    for (s, aside) in sentences.iter_mut().zip(aside) {
        s.boilerplate |= aside;
    }
}

/// Marks a note on the author closing a commentary as boilerplate
/// ([`kotoba_text::page::author_note`]): the last paragraph holding a
/// sentence of the summary's material, when another paragraph before it
/// holds one too.
fn mark_author_note(sentences: &mut [Sentence]) {
    let Some(last) = sentences
        .iter()
        .rev()
        .find(|s| s.is_content())
        .map(|s| s.paragraph)
    else {
        return;
    };
    if !sentences
        .iter()
        .any(|s| s.is_content() && s.paragraph != last)
    {
        return;
    }
    let note: Vec<&str> = sentences
        .iter()
        .filter(|s| s.paragraph == last && s.is_content())
        .map(|s| s.text.as_str())
        .collect();
    if kotoba_text::page::author_note(&note) {
        for s in sentences.iter_mut().filter(|s| s.paragraph == last) {
            s.boilerplate = true;
        }
    }
}

/// Most sentences a photo caption holds, its credit included: a longer run
/// is text, however it opens.
const CAPTION_SENTENCES: usize = 4;

/// Where a news dateline that opens `sentence` ends
/// ([`kotoba_text::segment::dateline`]: in English at its dash, after a place
/// in capitals, `TOKYO`, `NEW YORK`, `WASHINGTON/TOKYO,`, perhaps a date and
/// the agency, `, Aug. 20 (Kyodo)`, `(AP)`; in Japanese at its closing
/// bracket, `【ワシントン共同】`, `［東京　５日　ロイター］`); `None` when
/// there is none.
pub(crate) fn dateline_end(sentence: &str) -> Option<usize> {
    let body = sentence.trim_start();
    let len = kotoba_text::segment::dateline(body)?;
    let lead = sentence.len() - body.len();
    Some(lead + body.get(..len)?.trim_end().len())
}

/// Non-blank lines as trimmed byte ranges.
fn lines(text: &str) -> Vec<(usize, usize)> {
    kotoba_text::segment::line_ranges(text)
        .into_iter()
        .filter_map(|(start, end, _)| {
            let line = &text[start..end];
            let content = line.trim();
            let lead = line.len() - line.trim_start().len();
            (!content.is_empty()).then(|| (start + lead, start + lead + content.len()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A noun-phrase list item is no clause, however long, nor its plural
    /// noun a verb in `-s` nor its adjective in `-ed` a verb in the past (a
    /// review found these taken into summaries); items with a finite verb
    /// still are clauses.
    #[test]
    fn noun_phrase_items_are_no_clauses() {
        for item in [
            "• Farm products from the United States, Canada and Australia",
            "• Auto parts worth about $2 billion from Japan and Mexico",
            "• Tariffs on processed pork, imported wheat and fresh fruit from the United States",
            "• Auto parts, machinery and chemicals from Japan and Mexico",
            "• The products of farms in the United States and Canada",
            "• Quotas on newly imported wheat and barley from Canada and Australia",
            "• Japan's processed food exports to the United States and Canada",
            "• Duties on 200 listed items from the United States and Canada",
        ] {
            assert!(!english_clause(item, 12), "{item}");
        }
        for item in [
            "• Japan will eliminate or reduce tariffs on about $7 billion of U.S. agricultural products",
            "• The United States will cut tariffs on machine tools and steam turbines",
            "• Japan eliminates tariffs on beef over 15 years",
            "• Japan agreed to open its market to American beef and pork",
            "• Japan fully eliminated tariffs on wine from the United States",
            "• Japan eliminates the tariff on about 600 items of U.S. farm goods",
        ] {
            assert!(english_clause(item, 12), "{item}");
        }
    }

    /// Rows of a PDF's table and lines run across its two columns cannot
    /// stand alone; prose with a space too many can.
    #[test]
    fn table_rows_and_column_runs_are_fragments() {
        for row in [
            "Sector          Tariff change (pp)   Pass-through (%)   Obs.",
            "Steel           25.0                 38.2               412,330",
            "Japan's exports to the EU rose 6.1%        The EPA's tariff cuts on wine and",
            "Product | Quota (t) | Tariff",
        ] {
            assert!(is_fragment(row, true), "{row}");
        }
        for sentence in [
            "Japan cut tariffs on beef.",
            "Japan cut tariffs  on beef in April.",
            "The quota for   rice was raised.",
        ] {
            assert!(!is_fragment(sentence, true), "{sentence}");
        }
    }

    /// A sentence a page break cut, its page's header (with its number)
    /// between, is read whole and is a summary's sentence: the header,
    /// blanked out, had spliced into it or made it a row of cells (an
    /// analyst's review).
    #[test]
    fn a_sentence_across_a_page_break_is_whole() -> Result<(), Error> {
        let p = Preparer::new()?;
        for header in [
            "\u{c}Japan Trade Review 2023          13\n\n",
            "\nJapan Trade Review 2023 / Page 13\n\n",
        ] {
            let text = format!(
                "Japan Trade Review 2023          12\n\n\
                 The tariff on rice is high. Japan has not notified any changes to the quota\n\
                 since 1999, and members raised questions about its\n\
                 {header}administration during the review. The next review is in 2027.\n"
            );
            let doc = p.prepare(&text, Lang::En, Split::Sentences);
            let content: Vec<&str> = doc
                .sentences
                .iter()
                .filter(|s| s.is_content())
                .map(|s| s.text.as_str())
                .collect();
            assert_eq!(
                content,
                [
                    "The tariff on rice is high.",
                    "Japan has not notified any changes to the quota since 1999, and members \
                     raised questions about its administration during the review.",
                    "The next review is in 2027."
                ],
                "{header:?}"
            );
        }
        Ok(())
    }

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
    fn datelines_are_found_where_they_open_a_sentence() {
        for (sentence, dateline) in [
            (
                "TOKYO, Aug. 20 (Kyodo) -- Japan's exports fell.",
                Some("TOKYO, Aug. 20 (Kyodo) --"),
            ),
            ("TOKYO (AP) — Japan's exports fell.", Some("TOKYO (AP) —")),
            (
                "NEW YORK, July 2 (Reuters) - Stocks rose.",
                Some("NEW YORK, July 2 (Reuters) -"),
            ),
            ("Tokyo (AP) — Japan's exports fell.", None),
            ("TOKYO said exports fell.", None),
            ("Exports - a key driver - fell.", None),
            ("WTO members — including Japan — met.", None),
            (
                "DUBAI (Reuters via ZAWYA) - Trade rose.",
                Some("DUBAI (Reuters via ZAWYA) -"),
            ),
            ("【ワシントン共同】日米両政府は", Some("【ワシントン共同】")),
            (
                "［東京　５日　ロイター］ - 円は",
                Some("［東京　５日　ロイター］"),
            ),
            ("【日米関係、新たな局面へ。専門家は】", None),
        ] {
            assert_eq!(
                dateline_end(sentence).and_then(|end| sentence.get(..end)),
                dateline,
                "{sentence}"
            );
        }
    }

    #[test]
    fn running_headers_stand_once() -> Result<(), Error> {
        let p = Preparer::new()?;
        let page = |n: usize| {
            format!(
                "PROJECT DESIGN DOCUMENT FORM – Version 1\npage {n}\n\nThe rotor turned {n} times.\n\n"
            )
        };
        let text: String = (1..=3).map(page).collect();
        let doc = p.prepare(&text, Lang::En, Split::Sentences);
        // One copy stays, where it first stands (a heading: no sentence).
        let header: Vec<(usize, bool)> = doc
            .sentences
            .iter()
            .filter(|s| s.text.contains("DOCUMENT"))
            .map(|s| (s.start, s.heading))
            .collect();
        assert_eq!(header, [(0, true)]);
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
