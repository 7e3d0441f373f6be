//! Keys that make lookups insensitive to case, width, inflection and kana.

use std::sync::OnceLock;

use kotoba_tokenize::words::WordTokenizer;
use unicode_normalization::UnicodeNormalization;

fn stemmer() -> &'static WordTokenizer {
    static S: OnceLock<WordTokenizer> = OnceLock::new();
    S.get_or_init(WordTokenizer::english)
}

/// English key: NFKC, lowercase, words stemmed (Snowball), joined by spaces
/// (`Tariffs` → `tariff`, `Anti-Dumping duties` → `anti dump duti`).
pub fn key_en(s: &str) -> String {
    let text: String = s
        .nfkc()
        .collect::<String>()
        .to_lowercase()
        .replace('’', "'");
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches("'s"))
        // The stemmer does not know `crises` is `crisis`; a noun used only
        // in the plural (`customs`, `goods`) is not cut to another word.
        .map(|w| match kotoba_tokenize::words::irregular_singular(w) {
            Some(one) if one == w => one.to_string(),
            Some(one) => stemmer().stem(one),
            None => stemmer().stem(w),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Japanese key: NFKC (half-width kana become full-width, full-width Latin
/// becomes ASCII), katakana as hiragana, Latin lowercase, no spaces and no
/// middle dots (`ｾｰﾌｶﾞｰﾄﾞ` and `セーフガード` → `せーふがーど`;
/// `ダンピング・マージン` → `だんぴんぐまーじん`).
pub fn key_ja(s: &str) -> String {
    s.nfkc()
        .filter(|c| !c.is_whitespace() && *c != '・')
        .flat_map(char::to_lowercase)
        .map(to_hiragana)
        .collect()
}

/// `term` with the okurigana between two kanji left out, as official
/// Japanese writes compounds (公用文: `引き下げ` → `引下げ`, `割り当て` →
/// `割当て`, `取り決め` → `取決め`); `None` when it has none.
pub fn without_inner_okurigana(term: &str) -> Option<String> {
    let chars: Vec<char> = term.chars().collect();
    let kanji = |c: char| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF);
    // Particles between kanji (関税の引き下げ) are no okurigana.
    let hiragana = |c: char| {
        matches!(c, '\u{3041}'..='\u{3096}')
            && !matches!(
                c,
                'の' | 'が' | 'を' | 'に' | 'は' | 'と' | 'で' | 'へ' | 'や' | 'も' | 'か'
            )
    };
    let mut out = String::with_capacity(term.len());
    let mut dropped = false;
    for (i, &c) in chars.iter().enumerate() {
        let inner = i > 0
            && hiragana(c)
            && kanji(chars[i - 1])
            && chars.get(i + 1).is_some_and(|&n| kanji(n));
        if inner {
            dropped = true;
        } else {
            out.push(c);
        }
    }
    dropped.then_some(out)
}

/// Katakana to hiragana; other characters unchanged.
pub fn to_hiragana(c: char) -> char {
    match c as u32 {
        0x30A1..=0x30F6 => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// True for characters of CJK scripts (never a Latin word boundary problem).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Inflected forms of an English term: its last word's plural (by suffix
/// rules, or kotoba-tokenize's irregular plurals: `crises`, `embargoes`;
/// an acronym's with `s`: `FTAs`).
pub fn english_forms(term: &str) -> Vec<String> {
    let base: String = term.nfkc().collect::<String>().replace('’', "'");
    let mut forms = vec![base.clone()];
    // After the last character that is no letter or digit, whatever its
    // length in bytes (`US–Japan`, `Acme®`).
    let last_start = base
        .char_indices()
        .rfind(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let last = &base[last_start..];
    let head = &base[..last_start];
    // An acronym's plural: `FTAs`, `NTBs`.
    if last.len() >= 2 && last.bytes().all(|b| b.is_ascii_uppercase()) {
        forms.push(format!("{head}{last}s"));
    }
    if let Some(plural) = kotoba_tokenize::words::irregular_plural(last) {
        forms.push(format!("{head}{plural}"));
    } else if last.len() >= 3 && last.chars().all(|c| c.is_ascii_lowercase()) {
        let plural = if last.ends_with('y')
            && !last.ends_with("ay")
            && !last.ends_with("ey")
            && !last.ends_with("oy")
        {
            format!("{}ies", &last[..last.len() - 1])
        } else if ["s", "x", "z", "ch", "sh"]
            .iter()
            .any(|e| last.ends_with(e))
        {
            format!("{last}es")
        } else {
            format!("{last}s")
        };
        forms.push(format!("{head}{plural}"));
    }
    // `US` is how the FT, the Economist and the BBC write `U.S.`.
    if base.contains("U.S.") {
        let us: Vec<String> = forms.iter().map(|f| f.replace("U.S.", "US")).collect();
        forms.extend(us);
    }
    if base.contains('-') {
        let more: Vec<String> = forms
            .iter()
            .flat_map(|f| [f.replace('-', " "), f.replace('-', "")])
            .collect();
        forms.extend(more);
    }
    // Words of a term written as a compound modifier are hyphenated
    // (`free-trade agreement`, `balance-of-payments deficit`): each space
    // between two words may be a hyphen, for terms of up to five words.
    let spaced = base.matches(' ').count();
    if (1..=4).contains(&spaced) && !base.contains('-') {
        let more: Vec<String> = forms
            .iter()
            .flat_map(|f| {
                (1u32..1 << spaced).map(move |mask| {
                    let mut k = 0;
                    f.chars()
                        .map(|c| {
                            if c != ' ' {
                                return c;
                            }
                            k += 1;
                            if mask & (1 << (k - 1)) != 0 { '-' } else { ' ' }
                        })
                        .collect::<String>()
                })
            })
            .collect();
        forms.extend(more);
    }
    forms.sort();
    forms.dedup();
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(key_en("Tariffs"), key_en("tariff"));
        assert_eq!(key_en("Japan’s"), "japan");
        assert_eq!(key_ja("ｾｰﾌｶﾞｰﾄﾞ"), "せーふがーど");
        assert_eq!(key_ja("ＷＴＯ"), "wto");
        assert_eq!(key_ja("ダンピング・マージン"), key_ja("ダンピングマージン"));
        assert_eq!(key_ja("ｳﾙｸﾞｱｲ･ﾗｳﾝﾄﾞ"), key_ja("ウルグアイラウンド"));
        for (full, official) in [
            ("関税の引き下げ", Some("関税の引下げ")),
            ("関税引き下げ", Some("関税引下げ")),
            ("輸入割り当て", Some("輸入割当て")),
            ("日本の関税", None),
        ] {
            assert_eq!(without_inner_okurigana(full).as_deref(), official, "{full}");
        }
    }

    #[test]
    fn plurals_and_hyphens() {
        assert!(english_forms("trade policy").contains(&"trade policies".to_string()));
        assert!(english_forms("tax").contains(&"taxes".to_string()));
        assert!(english_forms("anti-dumping duty").contains(&"antidumping duties".to_string()));
        assert_eq!(english_forms("USTR"), ["USTR", "USTRs"]);
        assert!(english_forms("financial crisis").contains(&"financial crises".to_string()));
        assert!(english_forms("trade embargo").contains(&"trade embargoes".to_string()));
        assert!(english_forms("FTA").contains(&"FTAs".to_string()));
        let forms = english_forms("free trade agreement");
        for f in [
            "free-trade agreement",
            "free-trade agreements",
            "free trade-agreement",
        ] {
            assert!(forms.contains(&f.to_string()), "{f}: {forms:?}");
        }
        assert!(english_forms("balance of payments").contains(&"balance-of-payments".to_string()));
        assert_eq!(key_en("financial crises"), key_en("financial crisis"));
        assert_eq!(key_en("trade surpluses"), key_en("trade surplus"));
        assert_ne!(key_en("customs"), key_en("custom"));
    }

    /// The last word was found one byte after the start of the character
    /// before it, which panicked inside a dash of more than one byte (a
    /// review found it).
    #[test]
    fn terms_with_wide_punctuation_have_forms() {
        assert!(english_forms("US–Japan talk").contains(&"US–Japan talks".to_string()));
        assert_eq!(english_forms("EU–Japan"), ["EU–Japan"]);
        assert_eq!(english_forms("Acme®"), ["Acme®"]);
        assert!(english_forms("tariff × quota").contains(&"tariff × quotas".to_string()));
    }
}
