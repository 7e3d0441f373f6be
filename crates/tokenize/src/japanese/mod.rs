//! Japanese morphemes from IPADIC: MeCab's segmentation and features.

mod chardef;
mod dictionary;
mod lattice;

use std::io::{self, Write};

use crate::{Error, Token, Tokenizer};
use dictionary::Ipadic;
pub use lattice::WordRef;
use lattice::{Lattice, Segment};

/// Names of IPADIC's nine feature fields, in order.
pub const FEATURE_NAMES: [&str; 9] = [
    "pos",
    "pos_detail_1",
    "pos_detail_2",
    "pos_detail_3",
    "conjugation_type",
    "conjugation_form",
    "base_form",
    "reading",
    "pronunciation",
];

/// One morpheme: its place in the text and its dictionary entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Morpheme {
    /// Byte offset of the surface in the text.
    pub start: usize,
    /// Byte offset one past the surface.
    pub end: usize,
    /// The dictionary entry (or unknown-word template) chosen.
    pub word: WordRef,
}

impl Morpheme {
    /// True when the dictionary does not know the word.
    pub fn is_unknown(&self) -> bool {
        matches!(self.word, WordRef::Unknown(..))
    }
}

/// The Japanese tokenizer: the embedded IPADIC, shared by all threads.
///
/// ```
/// use kotoba_tokenize::japanese::JapaneseTokenizer;
///
/// let ja = JapaneseTokenizer::new()?;
/// let mut worker = ja.worker();
/// let text = "貿易黒字を減らす";
/// let words: Vec<&str> = worker.morphemes(text).iter().map(|m| &text[m.start..m.end]).collect();
/// assert_eq!(words, ["貿易", "黒字", "を", "減らす"]);
/// # Ok::<(), kotoba_tokenize::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct JapaneseTokenizer {
    dic: &'static Ipadic,
}

impl JapaneseTokenizer {
    /// Loads the embedded dictionary (once per process; later calls are free).
    pub fn new() -> Result<JapaneseTokenizer, Error> {
        Ok(JapaneseTokenizer {
            dic: Ipadic::get()?,
        })
    }

    /// A worker with its own buffers, for one thread.
    pub fn worker(&self) -> JapaneseWorker {
        JapaneseWorker {
            dic: self.dic,
            lattice: Lattice::default(),
            chars: Vec::new(),
            offsets: Vec::new(),
            path: Vec::new(),
            morphemes: Vec::new(),
        }
    }

    /// The comma-separated features of a word, exactly as MeCab prints them
    /// (nine fields for dictionary words, seven for unknown words).
    pub fn write_features<W: Write>(&self, word: WordRef, out: &mut W) -> io::Result<()> {
        match word {
            WordRef::Known(id) => {
                // The packed record is NUL-joined UTF-8 written by the builder;
                // copying its bytes skips re-validating and splitting it.
                let fields = self.dic.details(id);
                let mut rest = fields;
                while let Some(k) = rest.iter().position(|&b| b == 0) {
                    out.write_all(&rest[..k])?;
                    out.write_all(b",")?;
                    rest = &rest[k + 1..];
                }
                out.write_all(rest)
            }
            WordRef::Unknown(class, k) => out.write_all(self.unknown(class, k).as_bytes()),
            WordRef::Extra(k) => out.write_all(
                self.dic
                    .extra
                    .get(k as usize)
                    .map_or("", |e| e.feature.as_str())
                    .as_bytes(),
            ),
            WordRef::Boundary => out.write_all(b"BOS/EOS,*,*,*,*,*,*,*,*"),
        }
    }

    /// One feature field (index into [`FEATURE_NAMES`]); `None` when the
    /// entry has no such field (unknown words have no reading).
    pub fn feature(&self, word: WordRef, index: usize) -> Option<&'static str> {
        let field = match word {
            WordRef::Known(id) => self.dic.dict.word_details_iter(id as usize).nth(index),
            WordRef::Unknown(class, k) => self.unknown(class, k).split(',').nth(index),
            WordRef::Extra(k) => self
                .dic
                .extra
                .get(k as usize)?
                .feature
                .split(',')
                .nth(index),
            WordRef::Boundary => None,
        }?;
        Some(field)
    }

    fn unknown(&self, class: u8, k: u16) -> &'static str {
        self.dic
            .unknown
            .get(class as usize)
            .and_then(|v| v.get(k as usize))
            .map_or("", |e| e.feature.as_str())
    }
}

/// Per-thread state of the Japanese tokenizer.
pub struct JapaneseWorker {
    dic: &'static Ipadic,
    lattice: Lattice,
    chars: Vec<char>,
    offsets: Vec<usize>,
    path: Vec<Segment>,
    morphemes: Vec<Morpheme>,
}

impl JapaneseWorker {
    /// The morphemes of `text`; each line is analysed on its own, as MeCab does.
    pub fn morphemes(&mut self, text: &str) -> &[Morpheme] {
        self.morphemes.clear();
        let mut line_start = 0;
        for line in text.split('\n') {
            self.analyse_line(line, line_start);
            line_start += line.len() + 1;
        }
        &self.morphemes
    }

    /// Appends the morphemes of one line (no line break) at byte offset `base`.
    fn analyse_line(&mut self, line: &str, base: usize) {
        self.chars.clear();
        self.offsets.clear();
        for (i, c) in line.char_indices() {
            self.chars.push(c);
            self.offsets.push(base + i);
        }
        self.offsets.push(base + line.len());
        self.lattice
            .best_path(self.dic, &self.chars, &mut self.path);
        for seg in &self.path {
            self.morphemes.push(Morpheme {
                start: self.offsets[seg.start],
                end: self.offsets[seg.end],
                word: seg.word,
            });
        }
    }

    /// Writes `text` in MeCab's default output format: one morpheme per line
    /// (`surface<TAB>features`), `EOS` after each input line.
    pub fn write_mecab<W: Write>(&mut self, text: &str, out: &mut W) -> io::Result<()> {
        let tokenizer = JapaneseTokenizer { dic: self.dic };
        let text = text.strip_suffix('\n').unwrap_or(text);
        let mut line_start = 0;
        for line in text.split('\n') {
            self.morphemes.clear();
            self.analyse_line(line, line_start);
            for m in &self.morphemes {
                out.write_all(&text.as_bytes()[m.start..m.end])?;
                out.write_all(b"\t")?;
                tokenizer.write_features(m.word, out)?;
                out.write_all(b"\n")?;
            }
            out.write_all(b"EOS\n")?;
            line_start += line.len() + 1;
        }
        Ok(())
    }
}

/// Parts of speech whose words carry content (for stop-word flags).
const CONTENT_POS: [&str; 3] = ["名詞", "動詞", "形容詞"];
/// Noun subclasses that carry no content.
const NON_CONTENT_NOUN: [&str; 4] = ["非自立", "代名詞", "数", "接尾"];

impl JapaneseTokenizer {
    /// The generic [`Token`] of a morpheme of `text`: surface, base form, part
    /// of speech, and whether it is a function word.
    pub fn token(&self, text: &str, m: &Morpheme) -> Token {
        let surface = &text[m.start..m.end];
        let pos = self.feature(m.word, 0).unwrap_or("");
        let sub = self.feature(m.word, 1).unwrap_or("");
        let base = match self.feature(m.word, 6) {
            Some(b) if b != "*" => b,
            _ => surface,
        };
        let content = CONTENT_POS.contains(&pos) && !NON_CONTENT_NOUN.contains(&sub);
        Token {
            start: m.start,
            end: m.end,
            lower: surface.to_string(),
            term: base.to_string(),
            pos: Some(pos.to_string()),
            is_stop: !content,
        }
    }
}

impl Tokenizer for JapaneseTokenizer {
    fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut worker = self.worker();
        worker
            .morphemes(text)
            .iter()
            .map(|m| self.token(text, m))
            .collect()
    }
}
