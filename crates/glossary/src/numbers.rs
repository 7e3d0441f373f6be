//! Numbers of a source and its translation, by value, for `check`: a
//! translator's slip (`15%` rendered 25％, `1.5 trillion yen` rendered
//! 1.5億円) is a finding as a missing term is. English numbers take their
//! scale word (`2.5 million`), Japanese ones their myriads (`250万`,
//! `1兆2000億`); month names, number words and ordinals count on the side
//! that is checked against (`April 3` answers 4月3日, `two days` 2日).

use unicode_normalization::UnicodeNormalization;

use crate::Lang;

/// `data/number-words-en.tsv`: English words for numbers, months and
/// ordinals, with their values.
const NUMBER_WORDS_EN: &str = include_str!("../data/number-words-en.tsv");

/// A number of a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    /// Its value, scale applied (`2.5 million` is 2,500,000).
    pub(crate) value: f64,
    /// The number as the text writes it (`2.5 million`, `250万`).
    pub(crate) surface: String,
    /// Written in digits (not a number word, an ordinal or a month).
    pub(crate) digits: bool,
    /// A year written with two digits after an apostrophe (`'94`), which a
    /// translation may write whole (1994年).
    pub(crate) short_year: bool,
}

impl Number {
    /// The values a translation may give it: `'94` is 94, 1994 or 2094.
    pub(crate) fn values(&self) -> impl Iterator<Item = f64> + '_ {
        let years = self
            .short_year
            .then_some([1900.0 + self.value, 2000.0 + self.value]);
        std::iter::once(self.value).chain(years.into_iter().flatten())
    }
}

/// The numbers a source segment in `lang` states in digits.
pub(crate) fn stated(text: &str, lang: Lang) -> Vec<Number> {
    let text: String = text.nfkc().collect();
    match lang {
        Lang::En => english(&text, false),
        Lang::Ja => japanese(&text),
    }
}

/// Every number a translation in `lang` gives: digits, and in English
/// number words, ordinals and months too.
pub(crate) fn given(text: &str, lang: Lang) -> Vec<Number> {
    let text: String = text.nfkc().collect();
    match lang {
        Lang::En => english(&text, true),
        Lang::Ja => japanese(&text),
    }
}

/// Whether `values` holds `value` (to a part in a million: 1.2 billion is
/// 12億 whatever the float rounding).
pub(crate) fn holds(values: &[f64], value: f64) -> bool {
    values
        .iter()
        .any(|v| (v - value).abs() <= value.abs().max(1.0) * 1e-6)
}

/// Scale words after an English number.
fn english_scale(word: &str) -> Option<f64> {
    match word.to_ascii_lowercase().trim_end_matches('.') {
        "thousand" => Some(1e3),
        "million" | "mn" | "mln" => Some(1e6),
        "billion" | "bn" | "bln" => Some(1e9),
        "trillion" | "tn" | "trn" => Some(1e12),
        _ => None,
    }
}

/// The words of `data/number-words-en.tsv`, lowercase, with their values.
fn number_words() -> &'static std::collections::HashMap<&'static str, f64> {
    static WORDS: std::sync::OnceLock<std::collections::HashMap<&'static str, f64>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        NUMBER_WORDS_EN
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (word, value) = l.split_once('\t')?;
                Some((word.trim(), value.trim().parse().ok()?))
            })
            .collect()
    })
}

/// Reads a run of digits with thousands commas and a decimal part starting
/// at byte `at` of `text` (ASCII digits): its value and its end.
fn digits_at(text: &str, at: usize) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut end = at;
    let mut plain = String::new();
    let mut seen_point = false;
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_digit() {
            plain.push(b as char);
            end += 1;
        } else if (b == b',' || b == b'.')
            && end + 1 < bytes.len()
            && bytes[end + 1].is_ascii_digit()
            && !plain.is_empty()
        {
            if b == b'.' {
                if seen_point {
                    break;
                }
                seen_point = true;
                plain.push('.');
            } else {
                // A thousands comma is followed by three digits exactly.
                let three = bytes
                    .get(end + 1..end + 4)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                    && !bytes.get(end + 4).is_some_and(u8::is_ascii_digit);
                if !three || seen_point {
                    break;
                }
            }
            end += 1;
        } else {
            break;
        }
    }
    let value: f64 = plain.parse().ok()?;
    Some((value, end))
}

/// English numbers: digits (with a scale word after them); with `words`,
/// also number words, ordinals and months.
fn english(text: &str, words: bool) -> Vec<Number> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            // A digit right after a decimal point was read with its number.
            let Some((mut value, mut end)) = digits_at(text, i) else {
                i += 1;
                continue;
            };
            let rest = &text[end..];
            let word: String = rest
                .trim_start_matches([' ', '-'])
                .chars()
                .take_while(|c| c.is_ascii_alphabetic() || *c == '.')
                .collect();
            if let Some(scale) = english_scale(&word) {
                value *= scale;
                end += rest.len() - rest.trim_start_matches([' ', '-']).len() + word.len();
            }
            let short_year = end - i == 2
                && text[..i].ends_with(['\'', '\u{2019}'])
                && !text[end..].starts_with(|c: char| c.is_ascii_alphanumeric());
            out.push(Number {
                value,
                surface: text[i..end].trim_end_matches('.').to_string(),
                digits: true,
                short_year,
            });
            i = end;
            continue;
        }
        if words
            && bytes[i].is_ascii_alphabetic()
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
        {
            let end = text[i..]
                .find(|c: char| !c.is_ascii_alphabetic())
                .map_or(text.len(), |k| i + k);
            let word = text[i..end].to_ascii_lowercase();
            if let Some(&value) = number_words().get(word.as_str()) {
                out.push(Number {
                    value,
                    surface: text[i..end].to_string(),
                    digits: false,
                    short_year: false,
                });
            }
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// Japanese myriads after a number.
fn myriad(c: char) -> Option<f64> {
    match c {
        '万' => Some(1e4),
        '億' => Some(1e8),
        '兆' => Some(1e12),
        _ => None,
    }
}

/// Japanese numbers in digits, with their myriads: `250万` is 2,500,000,
/// `1兆2000億` one number, 1,200,000,000,000; `千` after digits (`3千`) is
/// a thousand times them.
fn japanese(text: &str) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    // The largest myriad of the number being read, and where it began: a
    // smaller myriad after it (`1兆` then `2000億`) adds to it.
    let mut open: Option<(f64, usize)> = None;
    while i < bytes.len() {
        if !(bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit())) {
            i += 1;
            continue;
        }
        let Some((mut value, mut end)) = digits_at(text, i) else {
            i += 1;
            continue;
        };
        if let Some(c) = text[end..].chars().next()
            && c == '千'
        {
            value *= 1e3;
            end += c.len_utf8();
        }
        let scale = text[end..].chars().next().and_then(myriad);
        if let Some(s) = scale {
            value *= s;
            end += '万'.len_utf8();
        }
        match (open, scale, out.last_mut()) {
            (Some((big, start)), Some(s), Some(last))
                if s < big && start_adjacent(text, &last.surface, start, i) =>
            {
                last.value += value;
                last.surface = text[start..end].to_string();
                open = Some((s, start));
            }
            _ => {
                out.push(Number {
                    value,
                    surface: text[i..end].to_string(),
                    digits: true,
                    short_year: false,
                });
                open = scale.map(|s| (s, i));
            }
        }
        i = end;
    }
    out
}

/// Whether the number read at `at` follows the last one (`surface`, begun
/// at `start`) with nothing between: `1兆2000億`.
fn start_adjacent(text: &str, surface: &str, start: usize, at: usize) -> bool {
    start + surface.len() == at && text.is_char_boundary(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values_of(numbers: &[Number]) -> Vec<f64> {
        numbers.iter().map(|n| n.value).collect()
    }

    #[test]
    fn english_numbers_take_their_scale_words() {
        let found = stated(
            "Tariffs rise to 25% on $1.2 billion of goods, 10,000 cars and 2.5 million tons in 1993.",
            Lang::En,
        );
        assert_eq!(values_of(&found), [25.0, 1.2e9, 1e4, 2.5e6, 1993.0]);
        assert_eq!(found[1].surface, "1.2 billion");
        // Words count only on the side checked against.
        assert!(stated("Two days later, in April.", Lang::En).is_empty());
        assert_eq!(
            values_of(&given(
                "Two days later, on April 3, the first round.",
                Lang::En
            )),
            [2.0, 4.0, 3.0, 1.0]
        );
        // A year in two digits after an apostrophe may be written whole.
        let year = stated("The President might scrub scheduled ’94 talks.", Lang::En);
        assert!(year[0].values().any(|v| v == 1994.0), "{year:?}");
    }

    #[test]
    fn japanese_numbers_take_their_myriads() {
        let found = stated(
            "関税は25％、1兆2000億円と250万台、3千人。２０２５年４月３日。",
            Lang::Ja,
        );
        assert_eq!(
            values_of(&found),
            [25.0, 1.2e12, 2.5e6, 3e3, 2025.0, 4.0, 3.0]
        );
        assert_eq!(found[1].surface, "1兆2000億");
        assert!(holds(&values_of(&given("12億ドル", Lang::Ja)), 1.2e9));
        assert!(!holds(&values_of(&given("1.5億円", Lang::Ja)), 1.5e12));
    }
}
