//! Language identification with `whatlang`, reported with ISO 639-1 and
//! 639-3 codes, script and confidence, optionally among a set of candidates.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use whatlang::{Detector, Lang, Script};

const ISO639: &str = include_str!("../data/iso639.tsv");

/// Errors of language identification settings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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
pub struct LanguageDetector {
    detector: Detector,
}

impl Default for LanguageDetector {
    fn default() -> Self {
        LanguageDetector {
            detector: Detector::new(),
        }
    }
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
        // whatlang counts the half- and full-width forms block (ｾｰﾌｶﾞｰﾄﾞ,
        // ＷＴＯ, ２０２４) as Hangul: Japanese with them came out Korean.
        let folded: std::borrow::Cow<str> =
            if text.chars().any(|c| ('\u{FF00}'..='\u{FFEF}').contains(&c)) {
                text.nfkc().collect::<String>().into()
            } else {
                text.into()
            };
        let info = self.detector.detect(&folded)?;
        let lang = info.lang();
        Some(Detection {
            lang: iso639_1(lang.code()).unwrap_or(lang.code()),
            lang3: lang.code(),
            name: lang.eng_name(),
            script: script_name(info.script()),
            confidence: info.confidence(),
            reliable: info.is_reliable(),
        })
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
    pub fn detect_unit(&self, unit: &str, document: Option<&Detection>) -> Option<Detection> {
        let own = self.detect(unit);
        let Some(doc) = document else {
            return own;
        };
        match own {
            Some(o) if doc.lang == "ja" && o.script == "Han" && !(o.lang == "ja" && o.reliable) => {
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

/// True when `text` is written in Han characters without kana and holds
/// one Chinese writes and modern Japanese does not (`data/chinese-only-han.txt`:
/// 们, 这, 說, 們): Chinese, where Han text alone may be kanji-only Japanese.
pub fn written_as_chinese(text: &str) -> bool {
    static ONLY: std::sync::OnceLock<std::collections::HashSet<char>> = std::sync::OnceLock::new();
    let only = ONLY.get_or_init(|| {
        include_str!("../data/chinese-only-han.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::chars)
            .filter(|c| !c.is_whitespace())
            .collect()
    });
    let kana = |c: char| matches!(c, '\u{3041}'..='\u{30FA}' | '\u{FF66}'..='\u{FF9D}');
    !text.chars().any(kana) && text.chars().any(|c| only.contains(&c))
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

    #[test]
    fn candidates_restrict_the_answer() -> Result<(), DetectError> {
        let d = LanguageDetector::with_candidates(&["en", "ja"])?;
        assert_eq!(d.detect("Los aranceles suben").map(|x| x.lang), Some("en"));
        Ok(())
    }
}
