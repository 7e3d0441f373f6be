//! Japanese morphemes from IPADIC: MeCab's segmentation and features.
//!
//! The dictionary is embedded with the `embedded-ipadic` feature (on by
//! default); without it, [`JapaneseTokenizer::new`] returns
//! [`Error::NotEmbedded`].

// Its reader runs only when the embedded dictionary loads.
#[cfg_attr(not(feature = "embedded-ipadic"), allow(dead_code))]
mod chardef;
mod dictionary;
mod lattice;

use std::convert::Infallible;
use std::io::{self, Write};

use crate::{Error, Token, Tokenizer};
use dictionary::Ipadic;
pub use lattice::WordRef;
use lattice::{Bound, Lattice, Outcome, Segment};

/// Lines up to this many characters go through one lattice, as MeCab does;
/// past it a line is cut at the first point where the cut changes nothing.
const SYNC_AFTER: usize = 1024;
/// No lattice covers more characters than this (about 12 KB of Japanese):
/// without an exact cut by then, the piece is cut anyway (see `forced_cut`).
const MAX_PIECE: usize = 4096;
/// Characters read past a piece, so that every lookup inside it sees what it
/// would see on the whole line: more than IPADIC's longest entry (26
/// characters), the grouping limit (24) and any class's `length` (at most 2).
const LOOKAHEAD: usize = 256;
/// The bound of every worker.
const BOUND: Bound = Bound {
    sync_after: SYNC_AFTER,
    max_piece: MAX_PIECE,
};
/// Punctuation after which a forced cut is preferred.
const CLOSING: [char; 21] = [
    '、', '。', '，', '．', '！', '？', '）', '」', '』', '】', '〕', '］', '｝', '〉', '》', ',',
    '!', '?', ')', ']', '}',
];

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

// By hand: the fields hold tables and automata too large to print.
impl std::fmt::Debug for JapaneseTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JapaneseTokenizer").finish_non_exhaustive()
    }
}

impl JapaneseTokenizer {
    /// Loads the embedded dictionary (once per process; later calls are free).
    ///
    /// # Errors
    ///
    /// [`Error::NotEmbedded`] when the crate was built without the
    /// `embedded-ipadic` feature; [`Error::Dictionary`] when the embedded
    /// dictionary cannot be read.
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
            bound: Some(BOUND),
            cuts: Vec::new(),
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

    /// Every feature field at once, by index of [`FEATURE_NAMES`] (`None`
    /// where the entry has no such field): one pass over the entry, where
    /// [`feature`](Self::feature) reads it anew for each field.
    pub fn features(&self, word: WordRef) -> [Option<&'static str>; FEATURE_NAMES.len()] {
        let mut out = [None; FEATURE_NAMES.len()];
        let mut fill = |fields: &mut dyn Iterator<Item = &'static str>| {
            for (slot, field) in out.iter_mut().zip(fields) {
                *slot = Some(field);
            }
        };
        match word {
            WordRef::Known(id) => fill(&mut self.dic.dict.word_details_iter(id as usize)),
            WordRef::Unknown(class, k) => fill(&mut self.unknown(class, k).split(',')),
            WordRef::Extra(k) => {
                if let Some(e) = self.dic.extra.get(k as usize) {
                    fill(&mut e.feature.split(','));
                }
            }
            WordRef::Boundary => {}
        }
        out
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
    /// `None` analyses every line whole (for tests).
    bound: Option<Bound>,
    /// Where the last call cut its lines (for tests).
    cuts: Vec<Cut>,
}

/// The start of a piece after the first of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cut {
    /// Byte offset in the text.
    at: usize,
    /// Right id of the previous piece's last word, the new piece's left context.
    context: u16,
    /// Found by the lattice (the result is the whole line's), not forced.
    exact: bool,
}

impl JapaneseWorker {
    /// The morphemes of `text`; each line is analysed on its own, as MeCab
    /// does. A line ends before its carriage return (CRLF text gives the
    /// morphemes of LF text), and a carriage return is no morpheme; only
    /// [`write_mecab`](Self::write_mecab) keeps them, as MeCab does.
    pub fn morphemes(&mut self, text: &str) -> &[Morpheme] {
        let mut morphemes = std::mem::take(&mut self.morphemes);
        morphemes.clear();
        self.cuts.clear();
        let mut line_start = 0;
        for line in text.split('\n') {
            let content = line.strip_suffix('\r').unwrap_or(line);
            let Ok(()) = self.analyse_line(content, line_start, &mut |m| {
                if !text[m.start..m.end].bytes().all(|b| b == b'\r') {
                    morphemes.push(m);
                }
                Ok::<(), Infallible>(())
            });
            line_start += line.len() + 1;
        }
        self.morphemes = morphemes;
        &self.morphemes
    }

    /// Emits the morphemes of one line (no line break) at byte offset `base`.
    ///
    /// The lattice sees a window of the line: a piece of at most `MAX_PIECE`
    /// characters and `LOOKAHEAD` more. A piece ends at an exact cut when the
    /// lattice finds one, so the stitched morphemes are the whole line's;
    /// only where none exists is a piece cut by `forced_cut` and analysed as
    /// text that ends there. The next piece starts after the context (right
    /// id) of the last word, not at a sentence start.
    fn analyse_line<E>(
        &mut self,
        line: &str,
        base: usize,
        emit: &mut impl FnMut(Morpheme) -> Result<(), E>,
    ) -> Result<(), E> {
        let window = self
            .bound
            .map_or(usize::MAX, |b| b.max_piece.saturating_add(LOOKAHEAD));
        let mut rest = line.char_indices();
        let mut context = 0;
        self.chars.clear();
        self.offsets.clear();
        loop {
            while self.chars.len() < window {
                let Some((i, c)) = rest.next() else {
                    break;
                };
                self.chars.push(c);
                self.offsets.push(base + i);
            }
            // One past the window: where a word at its end ends.
            self.offsets.push(base + rest.offset());
            let outcome =
                self.lattice
                    .run(self.dic, &self.chars, context, self.bound, &mut self.path);
            let piece = match outcome {
                Outcome::End { .. } => self.chars.len(),
                Outcome::Cut { at, context: next } => {
                    context = next;
                    at
                }
                Outcome::Stuck { seam } => {
                    let (lo, hi) = self
                        .bound
                        .map_or((0, self.chars.len()), |b| (b.sync_after, b.max_piece));
                    let at = forced_cut(&self.chars, lo, hi, seam);
                    let piece = &self.chars[..at];
                    if let Outcome::End { context: next } =
                        self.lattice
                            .run(self.dic, piece, context, None, &mut self.path)
                    {
                        context = next;
                    }
                    at
                }
            };
            for seg in &self.path {
                emit(Morpheme {
                    start: self.offsets[seg.start],
                    end: self.offsets[seg.end],
                    word: seg.word,
                })?;
            }
            if let Outcome::End { .. } = outcome {
                return Ok(());
            }
            self.cuts.push(Cut {
                at: self.offsets[piece],
                context,
                exact: matches!(outcome, Outcome::Cut { .. }),
            });
            self.offsets.pop();
            self.chars.drain(..piece);
            self.offsets.drain(..piece);
        }
    }

    /// The reading of a term in hiragana, as glossaries give it: each
    /// morpheme's IPADIC reading in turn (a word the dictionary lacks is read
    /// as written when it is kana), katakana made hiragana, middle dots and
    /// spaces dropped, the long-vowel mark kept. `None` when a part has no
    /// reading (a Latin letter, a digit, an unknown kanji word, a given
    /// name). A compound
    /// is read part by part, so a voiced join the dictionary does not list
    /// (rendaku) is missed.
    ///
    /// ```
    /// use kotoba_tokenize::japanese::JapaneseTokenizer;
    ///
    /// let mut worker = JapaneseTokenizer::new()?.worker();
    /// assert_eq!(worker.reading("貿易黒字").as_deref(), Some("ぼうえきくろじ"));
    /// assert_eq!(worker.reading("G7"), None);
    /// assert_eq!(worker.reading("日本経済").as_deref(), Some("にほんけいざい"));
    /// // Given names are read many ways: no reading is guessed.
    /// assert_eq!(worker.reading("茂木敏充"), None);
    /// # Ok::<(), kotoba_tokenize::Error>(())
    /// ```
    pub fn reading(&mut self, term: &str) -> Option<String> {
        let tokenizer = JapaneseTokenizer { dic: self.dic };
        let morphemes = self.morphemes(term).to_vec();
        let mut out = String::new();
        for m in morphemes {
            let surface = &term[m.start..m.end];
            if surface.chars().all(|c| c.is_whitespace() || c == '・') {
                continue;
            }
            // A given name is read many ways (敏 さとし or とし, 充 たかし or
            // みつる): the dictionary's reading is a guess, which a TBX
            // would state as fact (a terminologist's review found 茂木敏充
            // read もぎさとしたかし). A family name alone (細川) keeps its
            // usual reading.
            if tokenizer.feature(m.word, 2) == Some("人名")
                && tokenizer.feature(m.word, 3) == Some("名")
            {
                return None;
            }
            let read = match tokenizer.feature(m.word, 7) {
                _ if preferred_readings().contains_key(surface) => preferred_readings()[surface],
                Some(r) if r != "*" && !r.is_empty() => r,
                _ if surface.chars().all(|c| is_kana(c) || c == '・') => surface,
                _ => return None,
            };
            // An iteration mark (`々`) or a symbol is no reading.
            if !read.chars().all(|c| is_kana(c) || c == '・') {
                return None;
            }
            out.extend(read.chars().filter(|&c| c != '・').map(hiragana));
        }
        (!out.is_empty()).then_some(out)
    }

    /// Writes `text` in MeCab's default output format: one morpheme per line
    /// (`surface<TAB>features`), `EOS` after each input line.
    pub fn write_mecab<W: Write>(&mut self, text: &str, out: &mut W) -> io::Result<()> {
        let tokenizer = JapaneseTokenizer { dic: self.dic };
        let text = text.strip_suffix('\n').unwrap_or(text);
        self.cuts.clear();
        let mut line_start = 0;
        for line in text.split('\n') {
            // Written piece by piece: a long line's morphemes are never held whole.
            self.analyse_line(line, line_start, &mut |m: Morpheme| {
                out.write_all(&text.as_bytes()[m.start..m.end])?;
                out.write_all(b"\t")?;
                tokenizer.write_features(m.word, out)?;
                out.write_all(b"\n")
            })?;
            out.write_all(b"EOS\n")?;
            line_start += line.len() + 1;
        }
        Ok(())
    }
}

/// Where to end a piece that has no exact cut, in `(lo, hi]` (char indices,
/// so never inside a character): before white space, else after closing
/// punctuation, else at the last `seam` no word crosses, else at `hi`.
fn forced_cut(chars: &[char], lo: usize, hi: usize, seam: Option<usize>) -> usize {
    let hi = hi.min(chars.len()).max(1);
    let lo = lo.min(hi - 1);
    let candidates = || (lo + 1..=hi).rev();
    let space = |c: usize| chars.get(c).is_some_and(|x| x.is_whitespace());
    let closing = |c: usize| chars.get(c).is_some_and(|x| CLOSING.contains(x));
    candidates()
        .find(|&c| space(c) && !space(c - 1))
        .or_else(|| candidates().find(|&c| closing(c - 1) && !closing(c)))
        .or_else(|| seam.filter(|s| (lo + 1..=hi).contains(s)))
        .unwrap_or(hi)
}

/// Hiragana, katakana or the long-vowel mark (iteration marks are not: they
/// stand for a sound they do not spell).
fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// The hiragana of a katakana letter (ヷ–ヺ have none and stay); anything
/// else as it is.
pub fn hiragana(c: char) -> char {
    match c {
        '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// Readings IPADIC's best path does not give (`data/readings-ja.tsv`: 日本
/// is ニホン, not ニッポン), by surface.
fn preferred_readings() -> &'static std::collections::HashMap<&'static str, &'static str> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        include_str!("../../data/readings-ja.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(surface, reading)| (surface.trim(), reading.trim()))
            .collect()
    })
}

/// Parts of speech whose words carry content (for stop-word flags).
const CONTENT_POS: [&str; 3] = ["名詞", "動詞", "形容詞"];
/// Verbs and adjectives that carry grammar rather than content
/// (`data/stopwords-ja.txt`: する, ある, なる …), by base form.
fn light_words() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../data/stopwords-ja.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Noun subclasses that carry no content.
const NON_CONTENT_NOUN: [&str; 4] = ["非自立", "代名詞", "数", "接尾"];

impl JapaneseTokenizer {
    /// The generic [`Token`] of a morpheme of `text`: surface, base form, part
    /// of speech, and whether it is a function word. A morpheme of another
    /// text, whose offsets do not fall on `text`'s characters, has an empty
    /// surface.
    pub fn token(&self, text: &str, m: &Morpheme) -> Token {
        let surface = text.get(m.start..m.end).unwrap_or("");
        let pos = self.feature(m.word, 0).unwrap_or("");
        let sub = self.feature(m.word, 1).unwrap_or("");
        let base = match self.feature(m.word, 6) {
            Some(b) if b != "*" => b,
            _ => surface,
        };
        // Symbols IPADIC does not know (`%`, `.`, `://`) come as unknown
        // nouns: a content word needs a letter or a digit.
        let content = CONTENT_POS.contains(&pos)
            && !NON_CONTENT_NOUN.contains(&sub)
            && !(pos != "名詞" && (sub == "非自立" || light_words().contains(base)))
            && surface.chars().any(char::is_alphanumeric);
        Token {
            start: m.start,
            end: m.end,
            lower: crate::fold(surface),
            term: crate::fold(base),
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

/// Without the `embedded-ipadic` feature there is no dictionary to load.
#[cfg(all(test, not(feature = "embedded-ipadic")))]
mod without_dictionary {
    use super::*;

    /// The tokenizer is a typed error that names the feature, not a build
    /// failure.
    #[test]
    fn new_says_the_dictionary_is_not_embedded() {
        let error = JapaneseTokenizer::new().err();
        assert!(matches!(error, Some(Error::NotEmbedded)), "{error:?}");
        let message = error.map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("`embedded-ipadic` feature"), "{message}");
    }
}

#[cfg(all(test, feature = "embedded-ipadic"))]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../../testdata/clinton-japan-trade-1993.ja.txt");

    /// The first token of `text` written `surface`.
    fn token_of<'a>(text: &str, tokens: &'a [Token], surface: &str) -> Option<&'a Token> {
        tokens.iter().find(|t| &text[t.start..t.end] == surface)
    }

    /// Latin words in Japanese text kept their capitals in `lower`, and
    /// symbols IPADIC reads as unknown nouns counted as content words.
    #[test]
    fn latin_is_lowercased_and_symbols_are_stop_words() -> Result<(), Error> {
        let text = "米国がTariffsとWTOを批判。1.5%";
        let tokens = JapaneseTokenizer::new()?.tokenize(text);
        let row =
            |surface: &str| token_of(text, &tokens, surface).map(|t| (t.lower.clone(), t.is_stop));
        assert_eq!(row("Tariffs"), Some(("tariffs".to_string(), false)));
        assert_eq!(row("WTO"), Some(("wto".to_string(), false)));
        assert_eq!(row("%").map(|r| r.1), Some(true));
        assert_eq!(row(".").map(|r| r.1), Some(true));
        assert_eq!(row("米国"), Some(("米国".to_string(), false)));
        Ok(())
    }

    /// A morpheme of another text made `token` panic slicing `text` (a
    /// library review found it): its surface is empty.
    #[test]
    fn a_morpheme_of_another_text_does_not_panic() -> Result<(), Error> {
        let tokenizer = JapaneseTokenizer::new()?;
        let long = "日米貿易交渉";
        let mut worker = tokenizer.worker();
        let morphemes = worker.morphemes(long);
        let Some(last) = morphemes.last() else {
            panic!("no morphemes");
        };
        let token = tokenizer.token("日", last);
        assert_eq!(token.lower, "");
        Ok(())
    }

    /// CRLF text gave `\r` morphemes (symbols), in tsv and jsonl output.
    #[test]
    fn carriage_returns_are_no_morphemes() -> Result<(), Error> {
        let crlf = "日本の関税は上がった。\r\n米国は\r\n反発した。\r\n";
        let lf = crlf.replace('\r', "");
        let ja = JapaneseTokenizer::new()?;
        let mut worker = ja.worker();
        let surfaces = |text: &str, worker: &mut JapaneseWorker| -> Vec<String> {
            worker
                .morphemes(text)
                .iter()
                .map(|m| text[m.start..m.end].to_string())
                .collect()
        };
        let ours = surfaces(crlf, &mut worker);
        assert!(!ours.iter().any(|s| s.contains('\r')), "{ours:?}");
        assert_eq!(ours, surfaces(&lf, &mut worker));
        assert_eq!(surfaces("関税\r貿易", &mut worker), ["関税", "貿易"]);
        // Offsets still point into the CRLF text.
        let tokens = ja.tokenize(crlf);
        let us = tokens.iter().find(|t| t.lower == "米国").map(|t| t.start);
        assert_eq!(us, crlf.find("米国"));
        // MeCab's format keeps them, as MeCab does.
        let mut mecab = Vec::new();
        worker
            .write_mecab(crlf, &mut mecab)
            .map_err(|e| Error::Dictionary(e.to_string()))?;
        assert!(String::from_utf8_lossy(&mecab).contains("\r\t"));
        Ok(())
    }

    /// する, ある and auxiliary verbs counted as content words beside 関税
    /// (a review found it): they are stop words, nouns and full verbs not.
    #[test]
    fn light_verbs_are_stop_words() -> Result<(), Error> {
        let text = "輸出することが必要である。関税があり、影響がある。交渉を続けている。";
        let tokens = JapaneseTokenizer::new()?.tokenize(text);
        let stop = |surface: &str| token_of(text, &tokens, surface).map(|t| t.is_stop);
        for light in ["する", "ある", "あり", "いる"] {
            assert_eq!(stop(light), Some(true), "{light}");
        }
        for content in ["輸出", "関税", "影響", "続け"] {
            assert_eq!(stop(content), Some(false), "{content}");
        }
        Ok(())
    }

    /// Full-width Latin kept its width in `lower` and `term`.
    #[test]
    fn lower_and_term_are_folded() -> Result<(), Error> {
        let text = "ＷＴＯと関税\u{AD}";
        let tokens = JapaneseTokenizer::new()?.tokenize(text);
        let forms: Vec<(&str, &str)> = tokens
            .iter()
            .map(|t| (t.lower.as_str(), t.term.as_str()))
            .collect();
        assert_eq!(forms[0], ("wto", "wto"));
        assert!(forms.iter().all(|f| !f.0.contains('\u{AD}')), "{forms:?}");
        Ok(())
    }

    /// Readings are the dictionary's, part by part, in hiragana; kana the
    /// dictionary lacks read as written; what cannot be read gives none.
    #[test]
    fn readings_of_terms() -> Result<(), Error> {
        let mut w = JapaneseTokenizer::new()?.worker();
        for (term, want) in [
            ("貿易交渉", Some("ぼうえきこうしょう")),
            ("細川首相", Some("ほそかわしゅしょう")),
            // A given name's reading is a guess: none.
            ("茂木敏充", None),
            ("ホワイトハウス高官", Some("ほわいとはうすこうかん")),
            ("グローバル・インバランス", Some("ぐろーばるいんばらんす")),
            ("セーフガード措置", Some("せーふがーどそち")),
            // A Latin letter, a digit, an iteration mark: no reading.
            ("HSコード", None),
            ("301条", None),
            ("国々", Some("くにぐに")),
            ("脈々", None),
            ("", None),
        ] {
            assert_eq!(w.reading(term).as_deref(), want, "{term}");
        }
        Ok(())
    }

    fn worker(bound: Option<Bound>) -> Result<JapaneseWorker, Error> {
        let mut worker = JapaneseTokenizer::new()?.worker();
        worker.bound = bound;
        Ok(worker)
    }

    /// The seed translation as one line with no punctuation, `times` over.
    fn unpunctuated(times: usize) -> String {
        SEED.replace(['。', '、', '\n'], "").repeat(times)
    }

    /// `text` analysed piece by piece at `cuts`, each piece alone after the
    /// context its cut records.
    fn by_hand(dic: &'static Ipadic, text: &str, cuts: &[Cut]) -> Vec<Morpheme> {
        let mut lattice = Lattice::default();
        let mut path = Vec::new();
        let mut out = Vec::new();
        let ends = cuts.iter().map(|c| (c.at, c.context));
        let (mut start, mut context) = (0, 0);
        for (end, next) in ends.chain([(text.len(), 0)]) {
            let piece = &text[start..end];
            let chars: Vec<char> = piece.chars().collect();
            let offsets: Vec<usize> = piece
                .char_indices()
                .map(|(i, _)| start + i)
                .chain([end])
                .collect();
            lattice.run(dic, &chars, context, None, &mut path);
            out.extend(path.iter().map(|s| Morpheme {
                start: offsets[s.start],
                end: offsets[s.end],
                word: s.word,
            }));
            (start, context) = (end, next);
        }
        out
    }

    /// Every piece is within the bound and every cut a morpheme boundary.
    fn check_pieces(text: &str, morphemes: &[Morpheme], cuts: &[Cut], max_piece: usize) {
        let mut start = 0;
        for end in cuts.iter().map(|c| c.at).chain([text.len()]) {
            assert!(
                text.is_char_boundary(end),
                "cut at {end} inside a character"
            );
            assert!(start < end && text[start..end].chars().count() <= max_piece);
            start = end;
        }
        // No white space in these texts: the morphemes tile the text.
        let mut at = 0;
        for m in morphemes {
            assert_eq!(m.start, at);
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            at = m.end;
        }
        assert_eq!(at, text.len());
        let starts: Vec<usize> = morphemes.iter().map(|m| m.start).collect();
        assert!(cuts.iter().all(|c| starts.binary_search(&c.at).is_ok()));
    }

    #[test]
    fn long_unpunctuated_line_is_cut_where_the_result_cannot_change() -> Result<(), Error> {
        let text = unpunctuated(12);
        assert!(text.chars().count() > 4 * MAX_PIECE);
        let mut bounded = worker(Some(BOUND))?;
        let ours = bounded.morphemes(&text).to_vec();
        let cuts = bounded.cuts.clone();
        assert!(cuts.len() >= 4 && cuts.iter().all(|c| c.exact), "{cuts:?}");
        check_pieces(&text, &ours, &cuts, MAX_PIECE);
        // The same morphemes as the pieces analysed by hand, and as the
        // whole line in one lattice (what MeCab does).
        assert_eq!(ours, by_hand(bounded.dic, &text, &cuts));
        assert_eq!(ours, worker(None)?.morphemes(&text));
        // The lattice held one piece, not the line.
        let mut whole = worker(None)?;
        whole.morphemes(&text);
        assert!(bounded.lattice.node_capacity() * 4 < whole.lattice.node_capacity());
        Ok(())
    }

    #[test]
    fn exact_cuts_anywhere_change_nothing() -> Result<(), Error> {
        // Cutting at every exact point, in mixed text with spaces and symbols.
        let text = format!(
            "{}  Clinton氏は1993年、ＷＴＯ（世界貿易機関）の「相殺関税」を… 3.5%削減！",
            SEED.replace('\n', " ")
        );
        let every = Bound {
            sync_after: 1,
            max_piece: usize::MAX / 2,
        };
        let mut cut = worker(Some(every))?;
        let ours = cut.morphemes(&text).to_vec();
        assert!(cut.cuts.len() > 50 && cut.cuts.iter().all(|c| c.exact));
        assert_eq!(ours, worker(None)?.morphemes(&text));
        Ok(())
    }

    #[test]
    fn text_shorter_than_a_piece_is_unchanged() -> Result<(), Error> {
        let line: String = unpunctuated(1).chars().take(SYNC_AFTER).collect();
        for text in [SEED, line.as_str()] {
            let mut bounded = worker(Some(BOUND))?;
            let mut whole = worker(None)?;
            assert_eq!(bounded.morphemes(text), whole.morphemes(text));
            assert!(bounded.cuts.is_empty());
            let (mut a, mut b) = (Vec::new(), Vec::new());
            bounded
                .write_mecab(text, &mut a)
                .map_err(|e| Error::Dictionary(e.to_string()))?;
            whole
                .write_mecab(text, &mut b)
                .map_err(|e| Error::Dictionary(e.to_string()))?;
            assert_eq!(a, b);
        }
        Ok(())
    }

    #[test]
    fn forced_cuts_fall_between_characters() -> Result<(), Error> {
        // A katakana run has words of one and two characters at every point,
        // so no exact cut: every piece is forced, some at arbitrary points.
        let run = "アイウエオカキクケコサシスセソタチツテトナニヌネノ𠮷ハヒフヘホ🍣";
        let text = format!("{}貿易協定、関税）交渉", run.repeat(6));
        let tiny = Bound {
            sync_after: 5,
            max_piece: 9,
        };
        let mut bounded = worker(Some(tiny))?;
        let ours = bounded.morphemes(&text).to_vec();
        let cuts = bounded.cuts.clone();
        assert!(cuts.iter().filter(|c| !c.exact).count() > 10, "{cuts:?}");
        check_pieces(&text, &ours, &cuts, tiny.max_piece);
        assert_eq!(ours, by_hand(bounded.dic, &text, &cuts));
        Ok(())
    }

    #[test]
    fn forced_cut_prefers_space_then_punctuation_then_a_seam() {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let cut = |s: &str, seam| forced_cut(&chars(s), 1, s.chars().count() - 1, seam);
        assert_eq!(cut("あい、う  えお、か", None), 4);
        assert_eq!(cut("あい、うえお」、かき", Some(3)), 8);
        assert_eq!(cut("あい、うえおかき", Some(5)), 3);
        assert_eq!(cut("あいうえおかき", Some(5)), 5);
        assert_eq!(cut("あいうえおかき", Some(0)), 6);
        // Never outside (lo, hi], never before the first character.
        assert_eq!(forced_cut(&chars("、あいう"), 2, 3, None), 3);
        assert_eq!(forced_cut(&chars("あ"), 0, 0, None), 1);
    }
}
