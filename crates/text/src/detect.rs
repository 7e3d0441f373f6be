//! Language identification with `whatlang`, reported with ISO 639-1 and
//! 639-3 codes, script and confidence, optionally among a set of candidates.

use std::sync::OnceLock;

use whatlang::{Detector, Lang};

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
    /// Writing system (`Latin`, `Mandarin` for Han, `Hiragana`, …).
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
    /// ```
    pub fn detect(&self, text: &str) -> Option<Detection> {
        let info = self.detector.detect(text)?;
        let lang = info.lang();
        Some(Detection {
            lang: iso639_1(lang.code()).unwrap_or(lang.code()),
            lang3: lang.code(),
            name: lang.eng_name(),
            script: info.script().name().to_string(),
            confidence: info.confidence(),
            reliable: info.is_reliable(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn candidates_restrict_the_answer() -> Result<(), DetectError> {
        let d = LanguageDetector::with_candidates(&["en", "ja"])?;
        assert_eq!(d.detect("Los aranceles suben").map(|x| x.lang), Some("en"));
        Ok(())
    }
}
