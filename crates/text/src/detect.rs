//! Language identification with `whatlang`, reported with ISO 639-1 and
//! 639-3 codes, script and confidence, optionally among a set of candidates.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use whatlang::{Detector, Lang, Script};

const ISO639: &str = include_str!("../data/iso639.tsv");

/// Errors of language identification settings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DetectError {
    /// A candidate code names no language the detector knows.
    #[error("unknown language code `{0}` (use ISO 639-1 like `en` or 639-3 like `eng`)")]
    UnknownLanguage(String),
}

/// The language of a text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Detection {
    /// ISO 639-1 code (`en`, `ja`); the 639-3 code where there is none.
    pub lang: &'static str,
    /// ISO 639-3 code (`eng`, `jpn`).
    pub lang3: &'static str,
    /// English name of the language.
    pub name: &'static str,
    /// Script of most of the letters, by its Unicode name (`Latin`, `Han`,
    /// `Hiragana`, `Katakana`, `Hangul`, `Cyrillic`, …).
    pub script: String,
    /// Confidence from 0 to 1.
    pub confidence: f64,
    /// Whether the detector considers the answer reliable.
    pub reliable: bool,
}

/// Maps whatlang's 639-3 code to 639-1.
pub fn iso639_1(code3: &str) -> Option<&'static str> {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            ISO639
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .collect()
        })
        .iter()
        .find(|(three, _)| *three == code3)
        .map(|(_, one)| *one)
        .filter(|one| *one != "-")
}

/// The Unicode name of a script. whatlang calls Han `Mandarin`, a language
/// name, which is wrong for the kanji of Japanese; its other names are
/// Unicode's already.
fn script_name(script: Script) -> String {
    match script {
        Script::Mandarin => "Han".to_string(),
        other => other.name().to_string(),
    }
}

/// Scripts written together in one language count as one: Japanese mixes
/// Han and kana in every sentence.
fn script_family(script: &str) -> &str {
    match script {
        "Han" | "Hiragana" | "Katakana" => "Han",
        other => other,
    }
}

/// Finds whatlang's language for a 639-1 or 639-3 code.
fn lang_for_code(code: &str) -> Option<Lang> {
    let code = code.trim().to_ascii_lowercase();
    Lang::from_code(code.as_str()).or_else(|| {
        Lang::all()
            .iter()
            .copied()
            .find(|l| iso639_1(l.code()) == Some(code.as_str()))
    })
}

/// A language detector, optionally restricted to candidates.
#[derive(Clone)]
pub struct LanguageDetector {
    detector: Detector,
    /// Japanese is among the candidates: the corrections of whatlang's
    /// answers that make text Japanese apply.
    japanese: bool,
    /// English is among the candidates: a short Latin text whatlang is
    /// unsure of may be English by its function words.
    english: bool,
}

// By hand: whatlang's detector prints nothing useful.
impl std::fmt::Debug for LanguageDetector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LanguageDetector")
            .field("japanese", &self.japanese)
            .field("english", &self.english)
            .finish_non_exhaustive()
    }
}

impl Default for LanguageDetector {
    fn default() -> Self {
        LanguageDetector {
            detector: Detector::new(),
            japanese: true,
            english: true,
        }
    }
}

/// Kana make text Japanese by themselves from one in this many of its Han
/// and kana characters (Japanese headlines hold a fifth or more; Chinese
/// with a stylistic の a twentieth).
const KANA_SHARE_DENOMINATOR: usize = 10;

/// How many letters of English one Japanese character stands for when
/// text in both is weighed: the seed article has 3,314 letters in English
/// and 1,478 Han and kana characters in its Japanese translation (2.2).
const JAPANESE_CHARACTER_WEIGHT: f64 = 2.0;

fn is_kana(c: char) -> bool {
    // Not the middle dot ・, which Chinese text writes too.
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{309D}'..='\u{309F}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | '\u{FF66}'..='\u{FF9D}')
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The Han characters of one list of `data/`, `#` lines left out.
fn han_set(list: &'static str) -> std::collections::HashSet<char> {
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn chinese_only() -> &'static std::collections::HashSet<char> {
    static ONLY: OnceLock<std::collections::HashSet<char>> = OnceLock::new();
    ONLY.get_or_init(|| han_set(include_str!("../data/chinese-only-han.txt")))
}

fn japanese_only() -> &'static std::collections::HashSet<char> {
    static ONLY: OnceLock<std::collections::HashSet<char>> = OnceLock::new();
    ONLY.get_or_init(|| han_set(include_str!("../data/japanese-only-han.txt")))
}

impl LanguageDetector {
    /// A detector over every language whatlang knows.
    pub fn new() -> LanguageDetector {
        LanguageDetector::default()
    }

    /// A detector that only answers with one of `codes` (ISO 639-1 or 639-3).
    pub fn with_candidates<S: AsRef<str>>(codes: &[S]) -> Result<LanguageDetector, DetectError> {
        let langs = codes
            .iter()
            .map(|c| {
                lang_for_code(c.as_ref())
                    .ok_or_else(|| DetectError::UnknownLanguage(c.as_ref().to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(LanguageDetector {
            japanese: langs.contains(&Lang::Jpn),
            english: langs.contains(&Lang::Eng),
            detector: Detector::with_allowlist(langs),
        })
    }

    /// The language of `text`; `None` when it has no letters to judge by.
    ///
    /// ```
    /// use kotoba_text::detect::LanguageDetector;
    ///
    /// let d = LanguageDetector::new();
    /// assert_eq!(d.detect("日本は貿易黒字を減らすと約束した。").map(|x| x.lang), Some("ja"));
    /// assert_eq!(d.detect("Japan pledged to reduce its trade surplus.").map(|x| x.lang), Some("en"));
    /// assert!(d.detect("12345 \u{feff}\u{ad}").is_none());
    /// ```
    pub fn detect(&self, text: &str) -> Option<Detection> {
        // No letters, whatever whatlang makes of the rest: a byte-order
        // mark (from files joined with `cat`) came out Arabic, a soft
        // hyphen Spanish.
        if !text.chars().any(char::is_alphabetic) {
            return None;
        }
        // Addresses are no words of any language: a URL in Japanese text
        // made it Slovenian or Italian.
        let text = &*without_addresses(text);
        if !text.chars().any(char::is_alphabetic) {
            return None;
        }
        // whatlang counts the half- and full-width forms block (ｾｰﾌｶﾞｰﾄﾞ,
        // ＷＴＯ, ２０２４) as Hangul: Japanese with them came out Korean.
        let folded: std::borrow::Cow<str> =
            if text.chars().any(|c| ('\u{FF00}'..='\u{FFEF}').contains(&c)) {
                text.nfkc().collect::<String>().into()
            } else {
                text.into()
            };
        let info = self.detector.detect(&folded)?;
        let mut detection = detection(&info);
        // whatlang's own Japanese is unsure (0.5) on a short headline.
        if self.japanese
            && let Some(japanese) = self.japanese_correction(&folded)
        {
            if !(detection.lang == "ja" && detection.reliable) {
                return Some(japanese);
            }
            // Sure of Japanese, whatlang still says 1.000 of a document
            // with English in it: the share weighed below says how mixed.
            if japanese.lang == "ja" {
                detection.confidence = detection.confidence.min(japanese.confidence);
                detection.reliable &= japanese.reliable;
            }
        }
        if self.english
            && detection.script == "Latin"
            && detection.lang != "en"
            && !detection.reliable
        {
            return Some(
                english_by_function_words(&folded)
                    .or_else(|| english_by_vocabulary(&folded))
                    .unwrap_or(detection),
            );
        }
        Some(detection)
    }

    /// Japanese where whatlang, which weighs each script by its count of
    /// characters, says otherwise (`None`: its answer stands):
    ///
    /// - Text with kana where the Han and kana characters, each weighed as
    ///   [`JAPANESE_CHARACTER_WEIGHT`] letters, outweigh the other letters,
    ///   or where kana are a tenth of the letters or more (Japanese naming
    ///   English terms: `Section 301 investigationを開始した`):
    ///   whatlang counts Han, hiragana and katakana apart, so a Japanese
    ///   sentence naming GM and Ford came out Danish. Kana are written by
    ///   Japanese alone, so the answer is Japanese, its confidence that
    ///   weighed share, reliable when the share is at least 0.75, its
    ///   script the commonest of Han, hiragana and katakana.
    /// - Han text without kana: judged on its Han characters alone;
    ///   Chinese (whatlang's answer for them) only
    ///   when it holds a character of `data/chinese-only-han.txt`;
    ///   Japanese when it holds one of `data/japanese-only-han.txt`
    ///   (経, 関, 渉) and none of those; otherwise Chinese, but neither
    ///   reliable nor above 0.5, as kanji-only Japanese looks the same.
    fn japanese_correction(&self, text: &str) -> Option<Detection> {
        let (mut hiragana, mut katakana, mut han, mut other) = (0usize, 0usize, 0usize, 0usize);
        for c in text.chars() {
            if is_kana(c) {
                if matches!(c, '\u{3041}'..='\u{309F}') {
                    hiragana += 1;
                } else {
                    katakana += 1;
                }
            } else if is_han(c) {
                han += 1;
            } else if c.is_alphabetic() {
                other += 1;
            }
        }
        let kana = hiragana + katakana;
        if han + kana == 0 {
            return None;
        }
        if kana > 0 {
            let weighed = (han + kana) as f64 * JAPANESE_CHARACTER_WEIGHT;
            let share = weighed / (weighed + other as f64);
            // Kana from a tenth of the letters make Japanese whatever the
            // rest (`USTR代表は、Section 301 investigationを開始した。`
            // came out French): no other language writes them, and a text
            // quoting a Japanese word has far fewer.
            let kana_share = kana * KANA_SHARE_DENOMINATOR >= han + kana + other;
            if share < 0.5 && !kana_share {
                return None;
            }
            // A trace of kana (Chinese writing a stylistic の, quoting a
            // katakana word) leaves the Han characters to whatlang.
            if kana * KANA_SHARE_DENOMINATOR < han + kana {
                let japanese_part: String =
                    text.chars().filter(|&c| is_kana(c) || is_han(c)).collect();
                let info = self.detector.detect(&japanese_part)?;
                let mut found = detection(&info);
                if found.lang != "ja" {
                    return None;
                }
                found.confidence *= share;
                found.reliable &= share >= 0.75;
                return Some(found);
            }
            // Kana are written by Japanese alone: whatlang's own answer for
            // the Japanese characters came out unsure (0.5) on any short
            // headline, as it weighs Han against kana.
            let script = if han >= hiragana.max(katakana) {
                "Han"
            } else if hiragana >= katakana {
                "Hiragana"
            } else {
                "Katakana"
            };
            return Some(named(Lang::Jpn, script.to_string(), share, share >= 0.75));
        }
        // Han without kana, and few other letters beside it.
        if (han as f64) * JAPANESE_CHARACTER_WEIGHT < other as f64 {
            return None;
        }
        // Judged on the Han characters alone: full-width capitals beside
        // them (ＴＰＰ交渉) made whatlang answer for Latin, Spanish.
        let han_part: String = text.chars().filter(|&c| is_han(c)).collect();
        let info = self.detector.detect(&han_part)?;
        let mut found = detection(&info);
        if found.script != "Han" {
            return None;
        }
        let chinese = text.chars().any(|c| chinese_only().contains(&c));
        let japanese = text.chars().any(|c| japanese_only().contains(&c));
        match (chinese, japanese) {
            (true, _) => None,
            // Japanese is allowed (checked by the caller): its row.
            (false, true) => Some(named(
                Lang::Jpn,
                found.script,
                found.confidence,
                found.reliable,
            )),
            (false, false) => {
                found.confidence = found.confidence.min(UNSURE_CEILING);
                found.reliable = false;
                Some(found)
            }
        }
    }

    /// The language of `unit`, a sentence or paragraph of a document
    /// identified as `document`. A unit's own evidence can be thin, so the
    /// document speaks for it in two cases:
    ///
    /// - In a Japanese document, a unit written mostly in Han characters
    ///   with few or no kana (a kanji-only headline, a kanji-heavy sentence)
    ///   is Japanese: only kana tell Japanese from Chinese, and whatlang
    ///   calls such a unit Mandarin. The answer rests on the document, so it
    ///   carries the document's confidence. (A Chinese quotation inside a
    ///   Japanese text is rarer than a kanji-only Japanese line, and kotoba
    ///   reads no Chinese.)
    /// - A unit the detector does not trust, written in the document's
    ///   script (Han and kana count as one), takes the document's language
    ///   when that is reliable, marked unreliable, with its own confidence.
    ///
    /// Otherwise the unit's own answer stands: an English sentence in a
    /// Japanese document is English, and Han-only text with no Japanese
    /// document around it stays Chinese, as whatlang says.
    ///
    /// ```
    /// use kotoba_text::detect::LanguageDetector;
    ///
    /// let d = LanguageDetector::new();
    /// let doc = d.detect("日米貿易協議\n\n日本は貿易黒字を減らすと約束した。");
    /// let unit = d.detect_unit("日米貿易協議", doc.as_ref());
    /// assert_eq!(unit.map(|u| (u.lang, u.script)), Some(("ja", "Han".to_string())));
    /// ```
    ///
    /// A unit holding a form only Chinese writes (`data/chinese-only-han.txt`)
    /// keeps its own answer.
    pub fn detect_unit(&self, unit: &str, document: Option<&Detection>) -> Option<Detection> {
        let own = self.detect(unit);
        let Some(doc) = document else {
            return own;
        };
        match own {
            // Not a unit with forms only Chinese writes (对, 关): a Chinese
            // quotation, which came out reliable Japanese.
            Some(o)
                if doc.lang == "ja"
                    && o.script == "Han"
                    && !(o.lang == "ja" && o.reliable)
                    && !written_as_chinese(unit) =>
            {
                Some(Detection {
                    script: o.script,
                    ..doc.clone()
                })
            }
            Some(o) if o.reliable => Some(o),
            own if doc.reliable
                && own
                    .as_ref()
                    .is_none_or(|o| script_family(&o.script) == script_family(&doc.script)) =>
            {
                Some(Detection {
                    reliable: false,
                    confidence: own.as_ref().map_or(0.0, |o| o.confidence),
                    // A unit without letters has no script of its own.
                    script: own.map_or_else(|| doc.script.clone(), |o| o.script),
                    ..doc.clone()
                })
            }
            own => own,
        }
    }
}

/// The words of `data/english-function-words.txt`.
fn english_function_words() -> &'static std::collections::HashSet<&'static str> {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        crate::data_lines(include_str!("../data/english-function-words.txt")).collect()
    })
}

/// English, unreliably, for a text whose words are a fifth or more English
/// function words (`Japan said it would retaliate.`, which whatlang took for
/// Afrikaans, unsure): on a few words whatlang's trigrams say little, and
/// these words are rare as words in other languages of Latin letters.
/// `None` when too few are there.
fn english_by_function_words(text: &str) -> Option<Detection> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let function = words
        .iter()
        .filter(|w| english_function_words().contains(w.as_str()))
        .count();
    let share = function as f64 / words.len().max(1) as f64;
    (function >= 1 && share >= 0.2).then(|| {
        named(
            Lang::Eng,
            "Latin".to_string(),
            UNSURE_CEILING * share.min(1.0),
            false,
        )
    })
}

/// The Zipf frequency from which one word alone reads as English.
const ONE_WORD_ZIPF: f32 = 3.5;

/// The most confidence an unreliable answer of a rule here reports: a
/// share of words is no probability, and `1.000` beside `reliable: false`
/// read as a sure answer. The rules report their share scaled to it.
const UNSURE_CEILING: f64 = 0.5;

/// English, unreliably, for a text whose longer words (four letters or
/// more; all its words when none is) are three in four or more common
/// English words (Zipf 3 or more in [`crate::wordlist::english_zipf`]), two
/// or more of them: a headline without function words (`Clinton Hosokawa
/// Trade Talks Collapse`, which whatlang took for Portuguese). Short words
/// are left out because other languages' function words (`de`, `la`, `un`)
/// are common in English text too. `None` otherwise.
fn english_by_vocabulary(text: &str) -> Option<Detection> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter_map(|w| w.split(['\'', '’']).next())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let long: Vec<&String> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let judged: Vec<&String> = if long.is_empty() {
        words.iter().collect()
    } else {
        long
    };
    let common = judged
        .iter()
        .filter(|w| crate::wordlist::english_zipf(w).is_some_and(|z| z >= 3.0))
        .count();
    let share = common as f64 / judged.len().max(1) as f64;
    // One word alone (`Tariffs.`, `関税 tariff`) when it is a common one:
    // whatlang's trigrams had called it Uzbek.
    let one_common = judged.len() == 1
        && judged
            .first()
            .and_then(|w| crate::wordlist::english_zipf(w))
            .is_some_and(|z| z >= ONE_WORD_ZIPF);
    ((judged.len() >= 2 && share >= 0.75) || one_common).then(|| {
        named(
            Lang::Eng,
            "Latin".to_string(),
            UNSURE_CEILING * share,
            false,
        )
    })
}

/// `text` with its URLs (`https://…`, `www.…`) and e-mail addresses
/// written as spaces: their letters are no language's words.
fn without_addresses(text: &str) -> std::borrow::Cow<'_, str> {
    if !(text.contains("://") || text.contains("www.") || text.contains('@')) {
        return std::borrow::Cow::Borrowed(text);
    }
    let b = text.as_bytes();
    // Characters of an address: ASCII, no white space, no quote or bracket
    // that would hold it (`<…>`, `(…)`, `「…」` ends it anyway: not ASCII).
    let in_address =
        |c: u8| c.is_ascii_graphic() && !matches!(c, b'"' | b'\'' | b'<' | b'>' | b'(' | b')');
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // Bytes, not `&text[i..]`: `i` steps over the bytes of every
        // character.
        let url = ["https://", "http://", "ftp://", "www."].iter().any(|p| {
            b.get(i..i + p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
        }) && (i == 0 || !b[i - 1].is_ascii_alphanumeric());
        if url {
            let end = i + b[i..].iter().take_while(|&&c| in_address(c)).count();
            cuts.push((i, end));
            i = end;
            continue;
        }
        if b[i] == b'@' {
            let local =
                |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
            let domain = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-');
            let start = i - b[..i].iter().rev().take_while(|&&c| local(c)).count();
            let end = i + 1 + b[i + 1..].iter().take_while(|&&c| domain(c)).count();
            let host = text[i + 1..end].trim_end_matches('.');
            if start < i && host.contains('.') {
                cuts.push((start, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in cuts {
        out.push_str(&text[last..start]);
        out.push(' ');
        last = end;
    }
    out.push_str(&text[last..]);
    std::borrow::Cow::Owned(out)
}

/// whatlang's answer as a [`Detection`].
fn detection(info: &whatlang::Info) -> Detection {
    named(
        info.lang(),
        script_name(info.script()),
        info.confidence(),
        info.is_reliable(),
    )
}

/// A [`Detection`] of `lang`, named by its codes and English name.
fn named(lang: Lang, script: String, confidence: f64, reliable: bool) -> Detection {
    Detection {
        lang: iso639_1(lang.code()).unwrap_or(lang.code()),
        lang3: lang.code(),
        name: lang.eng_name(),
        script,
        confidence,
        reliable,
    }
}

/// True when `text` is written in Han characters without kana and holds
/// one Chinese writes and modern Japanese does not (`data/chinese-only-han.txt`:
/// 们, 这, 說, 們): Chinese, where Han text alone may be kanji-only Japanese.
pub fn written_as_chinese(text: &str) -> bool {
    !text.chars().any(is_kana) && text.chars().any(|c| chinese_only().contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chinese, simplified or traditional, came out Japanese among `en,ja`
    /// (a review found it): Han text with forms Japanese does not write is
    /// Chinese; kanji-only Japanese is not.
    #[test]
    fn chinese_is_told_by_characters_japanese_does_not_write() {
        assert!(written_as_chinese(
            "中美贸易谈判取得进展，双方同意降低关税。"
        ));
        assert!(written_as_chinese(
            "美國與日本達成貿易協議，雙方同意調降牛肉關稅。"
        ));
        assert!(!written_as_chinese("日米貿易協議、関税引き下げで合意"));
        assert!(!written_as_chinese("日米包括経済協議"));
        assert!(!written_as_chinese("这是日本のニュースです"));
    }

    /// Half-width katakana and full-width letters and digits made Japanese
    /// text Korean, reliably (a review found it).
    /// A short headline with kana is Japanese, reliably: whatlang's own
    /// answer was an unsure 0.5. Full-width capitals beside Han alone made
    /// Spanish or Estonian.
    /// A Simplified Chinese paragraph in a Japanese document came out
    /// reliable Japanese, from the document.
    #[test]
    fn a_chinese_unit_of_a_japanese_document_stays_chinese() {
        let d = LanguageDetector::new();
        let doc = d.detect("日本政府は関税を引き上げた。中国は反発している。");
        let unit = d.detect_unit("中国商务部表示，将对美国进口商品加征关税。", doc.as_ref());
        assert_eq!(unit.map(|u| u.lang), Some("zh"));
    }

    /// Headlines without function words came out Portuguese, Finnish or
    /// Latin; headlines in other languages stay theirs.
    #[test]
    fn english_headlines_are_told_by_their_words() {
        let d = LanguageDetector::new();
        for text in [
            "Clinton Hosokawa Trade Talks Collapse",
            "Japan Trade Surplus Widens",
            "US Japan Auto Parts Deal",
            "Tariffs Hit Farmers",
            "Japan’s trade ministry said exports rose 5% in April.",
            "Japan’s METI said exports rose 5% in April.",
            // One common word alone (an analyst's review found Uzbek).
            "Tariffs.",
            "Exports",
        ] {
            assert_eq!(d.detect(text).map(|x| x.lang), Some("en"), "{text}");
        }
        // A rule's answer is unsure, and its confidence says so: `Trade
        // talks` was English at 1.000 beside `reliable: false`.
        for text in ["Trade talks", "Japan said it would retaliate."] {
            let found = d.detect(text);
            assert!(
                found
                    .as_ref()
                    .is_some_and(|x| !x.reliable && x.confidence <= 0.5),
                "{text}: {found:?}"
            );
        }
        for text in [
            "Los aranceles golpean a los agricultores",
            "Handelsgespräche gescheitert",
            "Les négociations commerciales échouent",
            "Le yen atteint un record",
            "Zollstreit",
            "Aranceles",
        ] {
            assert_ne!(d.detect(text).map(|x| x.lang), Some("en"), "{text}");
        }
    }

    #[test]
    fn short_japanese_headlines_are_japanese() {
        let d = LanguageDetector::new();
        for text in [
            "日米、鉄鋼関税で合意　輸入枠を設定",
            "米国が対日関税を発動",
            "日本の市場",
        ] {
            let found = d.detect(text);
            assert_eq!(
                found.as_ref().map(|x| (x.lang, x.reliable)),
                Some(("ja", true)),
                "{text}"
            );
            assert_eq!(found.map(|x| x.script), Some("Han".to_string()), "{text}");
        }
        assert_eq!(
            d.detect("サミット").map(|x| x.script),
            Some("Katakana".to_string())
        );
        for (text, lang) in [
            ("ＴＰＰ交渉", "ja"),
            ("ＵＳＴＲ代表", "zh"),
            ("ＷＴＯ協定", "zh"),
        ] {
            assert_eq!(d.detect(text).map(|x| x.lang), Some(lang), "{text}");
        }
        // A trace of kana in Chinese is no Japanese by itself.
        let stylistic = d.detect("台灣の夜市小吃推薦，十大必吃美食排行榜出爐");
        assert_ne!(stylistic.map(|x| (x.lang, x.reliable)), Some(("ja", true)));
        let ja_en = LanguageDetector::with_candidates(&["ja", "en"]);
        let ja_en = ja_en.map(|d| d.detect("ＷＴＯ協定").map(|x| x.lang));
        assert_eq!(ja_en, Ok(Some("ja")));
    }

    #[test]
    fn width_forms_do_not_make_japanese_korean() {
        let d = LanguageDetector::new();
        for text in [
            "政府はｾｰﾌｶﾞｰﾄﾞの発動を検討している。ＷＴＯのﾙｰﾙに基づき、ＥＵとの協議を行う。",
            "ＴＰＰ１１に英国が加入した",
            "２０２４年３月１５日、ＥＶとＨＶの輸出が大きく伸びた。",
        ] {
            assert_eq!(d.detect(text).map(|x| x.lang), Some("ja"), "{text}");
        }
    }

    /// Japanese naming a few companies or quoting a sentence in English
    /// came out Danish, Portuguese or English, reliably (a review found
    /// it): whatlang counts Han, hiragana and katakana apart.
    #[test]
    fn japanese_with_some_latin_letters_is_japanese() {
        let d = LanguageDetector::new();
        for text in [
            "トヨタ、ホンダ、日産の３社はGMやFordと協議した。",
            "日米両政府は１５日、半導体協定の見直しについて協議した。Trade Representative Mickey Kantor said so.",
            "日本政府は、米国政府と貿易について協議した。The talks ended.",
        ] {
            assert_eq!(d.detect(text).map(|x| x.lang), Some("ja"), "{text}");
        }
        // English with a Japanese word or two stays English.
        let en = d.detect("The Japanese call it 円高, the strong yen, and exporters fear it.");
        assert_eq!(en.map(|x| x.lang), Some("en"));
        // Weighed shares decide how sure the answer is.
        let mixed = d.detect("日本政府は、米国政府と貿易について協議した。The talks ended.");
        assert!(mixed.is_some_and(|m| m.confidence < 1.0));
    }

    /// Kanji-only Japanese came out Chinese with confidence 1 and reliable
    /// (a review found it): forms only Japanese writes (経, 関, 渉) make it
    /// Japanese, and Han text with neither kind of form is Chinese unsure.
    #[test]
    fn han_text_alone_is_told_by_its_forms() {
        let d = LanguageDetector::new();
        for text in [
            "経済産業省",
            "日米貿易交渉",
            "日米包括経済協議決裂。関税撤廃合意！",
        ] {
            assert_eq!(d.detect(text).map(|x| x.lang), Some("ja"), "{text}");
        }
        let unsure = d.detect("政府調達");
        assert_eq!(
            unsure.as_ref().map(|x| (x.lang, x.reliable)),
            Some(("zh", false))
        );
        assert!(unsure.is_some_and(|x| x.confidence <= 0.5));
        for chinese in [
            "中美贸易谈判取得进展，双方同意降低关税。",
            "美國與日本達成貿易協議，雙方同意調降牛肉關稅。",
        ] {
            let found = d.detect(chinese);
            assert_eq!(
                found.map(|x| (x.lang, x.reliable)),
                Some(("zh", true)),
                "{chinese}"
            );
        }
        // Candidates without Japanese keep whatlang's answer.
        let en_zh = LanguageDetector::with_candidates(&["en", "zh"]).ok();
        let found = en_zh.and_then(|d| d.detect("経済産業省"));
        assert_eq!(found.map(|x| x.lang), Some("zh"));
    }

    /// Japanese with English words or a URL came out French, Slovenian or
    /// Italian, and under `ja,en` English at 1.000; a document of Japanese
    /// sentences with an English one came out English, reliable (a news
    /// analyst's review).
    #[test]
    fn japanese_with_english_or_addresses_is_japanese() -> Result<(), DetectError> {
        let d = LanguageDetector::new();
        let ja_en = LanguageDetector::with_candidates(&["ja", "en"])?;
        let mixed = "USTR代表は、Section 301 investigationを開始した。";
        for detector in [&d, &ja_en] {
            let found = detector.detect(mixed);
            assert_eq!(found.as_ref().map(|x| x.lang), Some("ja"), "{found:?}");
            assert!(found.is_some_and(|x| x.confidence < 1.0 && !x.reliable));
        }
        for text in [
            "詳しくは https://www.meti.go.jp/policy/ を参照。",
            "問い合わせは trade-info@meti.go.jp まで。",
            "資料はwww.mofa.go.jpに掲載した。",
        ] {
            let found = d.detect(text);
            assert_eq!(
                found.map(|x| (x.lang, x.reliable)),
                Some(("ja", true)),
                "{text}"
            );
        }
        let document = "米通商代表部（USTR）はSection 301に基づくinvestigationを開始した。\n\
            USTRのKatherine Tai代表はsemiconductorとEV batteryが対象だと述べた。\n\
            日本政府はWTO協定との整合性を確認する。\n\
            経済産業省はsupply chainへの影響を調べる。\n\
            The investigation is expected to take up to twelve months, officials said on Tuesday.\n";
        let found = d.detect(document);
        assert_eq!(found.as_ref().map(|x| x.lang), Some("ja"), "{found:?}");
        assert!(found.is_some_and(|x| x.confidence < 1.0 && !x.reliable));
        // whatlang's sure Japanese, with an English word in it, is less
        // sure.
        let found =
            d.detect("日本政府は貿易協議について、首脳会談の中止も検討していると述べた。Reuters");
        assert!(found.is_some_and(|x| x.lang == "ja" && x.reliable && x.confidence < 1.0));
        // Only an address: no language.
        assert!(d.detect("https://www.meti.go.jp/policy/").is_none());
        // English about an address stays English.
        let en = d.detect("See https://ustr.gov/ for the full text of the agreement.");
        assert_eq!(en.map(|x| x.lang), Some("en"));
        Ok(())
    }

    #[test]
    fn addresses_are_blanked_on_character_boundaries() {
        assert_eq!(
            without_addresses("見て https://a.jp/x を。mail: a.b@c.co.jp、www.d.jp"),
            "見て   を。mail:  、 "
        );
        assert_eq!(without_addresses("a@b @c x@y"), "a@b @c x@y");
        assert_eq!(without_addresses("日本@東京.jp"), "日本@東京.jp");
    }

    #[test]
    fn every_whatlang_language_has_a_row() {
        for lang in Lang::all() {
            assert!(
                ISO639.lines().any(|l| l.starts_with(lang.code())),
                "{}",
                lang.code()
            );
        }
    }

    #[test]
    fn candidates_accept_both_code_kinds() {
        assert!(LanguageDetector::with_candidates(&["en", "jpn"]).is_ok());
        assert_eq!(
            LanguageDetector::with_candidates(&["xx"]).err(),
            Some(DetectError::UnknownLanguage("xx".into()))
        );
    }

    #[test]
    fn han_is_named_as_a_script() {
        let d = LanguageDetector::new();
        let han = d.detect("日米貿易協議");
        assert_eq!(han.map(|x| x.script), Some("Han".to_string()));
        let kana = d.detect("にほんのぼうえき");
        assert_eq!(kana.map(|x| x.script), Some("Hiragana".to_string()));
    }

    #[test]
    fn han_units_of_a_japanese_document_are_japanese() {
        let d = LanguageDetector::new();
        let doc =
            d.detect("米政府は日本との貿易協議について、首脳会談の中止も検討していると述べた。");
        assert_eq!(doc.as_ref().map(|x| x.lang), Some("ja"));
        for unit in [
            "日米貿易協議",
            "貿易黒字",
            "日米包括経済協議決裂、対日制裁発動へ",
        ] {
            let found = d.detect_unit(unit, doc.as_ref());
            let found = found.map(|x| (x.lang, x.lang3, x.script, x.reliable));
            assert_eq!(
                found,
                Some(("ja", "jpn", "Han".to_string(), true)),
                "{unit}"
            );
        }
    }

    #[test]
    fn other_units_keep_their_own_language() {
        let d = LanguageDetector::new();
        let ja =
            d.detect("米政府は日本との貿易協議について、首脳会談の中止も検討していると述べた。");
        let en_sentence = "The United States may cancel the meeting with the prime minister.";
        let found = d.detect_unit(en_sentence, ja.as_ref());
        assert_eq!(
            found.map(|x| (x.lang, x.script)),
            Some(("en", "Latin".to_string()))
        );
        // Without a Japanese document around it, Han-only text is whatlang's Chinese.
        let en = d.detect("Japan and the United States resumed their talks on trade and tariffs.");
        assert_eq!(
            d.detect_unit("日米貿易協議", None).map(|x| x.lang),
            Some("zh")
        );
        assert_eq!(
            d.detect_unit("日米貿易協議", en.as_ref()).map(|x| x.lang),
            Some("zh")
        );
    }

    #[test]
    fn unsure_units_take_a_reliable_document_language_of_their_script() {
        let d = LanguageDetector::new();
        let en = d.detect("Japan and the United States resumed their talks on trade and tariffs.");
        let found = d.detect_unit("Tariffs were raised.", en.as_ref());
        assert_eq!(
            found.map(|x| (x.lang, x.script, x.reliable)),
            Some(("en", "Latin".to_string(), false))
        );
    }

    /// Short English sentences came out Afrikaans, Estonian or Portuguese,
    /// unreliably (a news analyst's review); other languages unsure of
    /// themselves keep whatlang's answer.
    #[test]
    fn short_english_is_told_by_its_function_words() {
        let d = LanguageDetector::new();
        for text in [
            "Japan said it would retaliate.",
            "Tariffs on steel were raised.",
            "Trade minister Akazawa said talks would continue.",
        ] {
            assert_eq!(d.detect(text).map(|x| x.lang), Some("en"), "{text}");
        }
        for (text, lang) in [
            ("El arancel sube.", "es"),
            ("De invoer van staal is gestegen.", "nl"),
            ("Der Zoll wurde erhöht und die Exporte fielen.", "de"),
            // `had`, `over` and `be` are theirs too (a review found these
            // read as English).
            ("Hij had gelijk over de tarieven.", "nl"),
            ("Het gaat over geld.", "nl"),
        ] {
            assert_eq!(d.detect(text).map(|x| x.lang), Some(lang), "{text}");
        }
        // Not where English is no candidate.
        let Ok(no_english) = LanguageDetector::with_candidates(&["af", "nl"]) else {
            panic!("candidates")
        };
        assert_ne!(
            no_english
                .detect("Japan said it would retaliate.")
                .map(|x| x.lang),
            Some("en")
        );
    }

    #[test]
    fn candidates_restrict_the_answer() -> Result<(), DetectError> {
        let d = LanguageDetector::with_candidates(&["en", "ja"])?;
        assert_eq!(d.detect("Los aranceles suben").map(|x| x.lang), Some("en"));
        Ok(())
    }
}
