//! Choosing a document's language when the user says `--lang auto`.

use kotoba_text::detect::LanguageDetector;
use kotoba_text::segment::SegmentLang;

use crate::args::LangArg;

/// How much of a document is read to identify its language.
const SAMPLE_BYTES: usize = 2048;

/// The start of `text`, at most `SAMPLE_BYTES`, cut on a character boundary.
fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// ISO 639-1 code of the language to process `text` as (`und` when unknown).
pub fn resolve(arg: LangArg, detector: &LanguageDetector, text: &str) -> &'static str {
    match arg {
        LangArg::En => "en",
        LangArg::Ja => "ja",
        LangArg::Auto => {
            let sample = sample(text);
            // Kana settle it (no other language writes them) when they are
            // more than a quotation inside another language.
            if script_family(sample) == "ja" {
                return "ja";
            }
            detector.detect(sample).map_or("und", |d| d.lang)
        }
    }
}

/// The rule family of `text` for commands that only tell Japanese-style
/// text from the rest (sentences, summaries): by script alone, which is far
/// cheaper than identifying the language.
pub fn family(arg: LangArg, text: &str) -> &'static str {
    match arg {
        LangArg::En => "en",
        LangArg::Ja => "ja",
        LangArg::Auto => script_family(sample(text)),
    }
}

/// `ja` when kana make up at least a tenth of the letters (Japanese
/// prose has far more; an English paper quoting a Japanese word has far
/// less), `zh` when Han characters outnumber other letters, else `en`.
fn script_family(sample: &str) -> &'static str {
    if sample.is_ascii() {
        return "en";
    }
    let (mut kana, mut han, mut letters) = (0usize, 0usize, 0usize);
    for c in sample.chars() {
        match c as u32 {
            0x3041..=0x30FF | 0xFF66..=0xFF9D => kana += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF => han += 1,
            _ if c.is_alphabetic() => letters += 1,
            _ => {}
        }
    }
    if kana > 0 && kana * 10 >= kana + han + letters {
        "ja"
    } else if han > letters {
        "zh"
    } else {
        "en"
    }
}

/// Sentence rules for a language: CJK full stops or Latin punctuation.
pub fn segment_lang(code: &str) -> SegmentLang {
    match code {
        "ja" | "zh" => SegmentLang::Japanese,
        _ => SegmentLang::English,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_family_needs_a_real_share_of_kana() {
        assert_eq!(script_family("日本は貿易黒字を減らす。"), "ja");
        let quoting = "This English paper on trade statistics quotes the Japanese word ぼうえき once, \
            and otherwise discusses tariffs, quotas and balances in English throughout.";
        assert_eq!(script_family(quoting), "en");
        assert_eq!(script_family("中国的贸易顺差扩大了"), "zh");
        assert_eq!(script_family("plain ASCII"), "en");
    }
}
